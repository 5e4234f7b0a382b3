"""A programme and its items run together on one line (web-page or PDF text whose line breaks
were lost): 'Schválený program: 1) Zahájení 2) Volba ověřovatele zápisu … 9) Závěr 1) Zahájení:
Předseda mikroregionu … přivítal přítomné' (a union of municipalities), 'Program jednání Rady
byl jednomyslně schválen dle předloženého návrhu: 1. Úvodní slovo 2. Rozkrývání … 6. Různé
Průběh jednání: 1. Úvodní slovo Jiří Dienstbier úvodem …' (a government council).

`split` breaks such a paragraph again where its lines began: the programme's label ends a
line, each point 1, 2, 3, … is a line of its own, and each item that takes a point up again
under the same number and title ('1) Zahájení: …', '1. Úvodní slovo …', also in a later
paragraph) starts a line with its number and title, its text on the next. Only a list of at
least three points whose numbering starts again (the items) or that ends at a label ('Průběh
jednání:') is read so: without either, where the last point ends is not known. The words stay,
in their order.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from psc.edits.intake.blocks import Block

Note = tuple[str, str]

_UPPER = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_MARK = re.compile(rf"(?:(?<=\s)|^)(?P<number>\d{{1,2}})\s?[.)]\s+(?=[{_UPPER}])")
"""A point's number before a title with a capital ('1) Zahájení', '2. Rozkrývání')."""
_PROGRAMME_WORD = re.compile(r"\b(?:program\w*|pořad\w*)\b", re.I)
_LABEL_END = re.compile(rf"\s(?P<label>[{_UPPER}][^\s:]*(?:\s[^\s:{_UPPER}]+){{0,2}}:)\s*$")
"""A label closing the last point ('Různé Průběh jednání:' ends at 'Průběh jednání:')."""
_SENTENCE_END = re.compile(r"[.!?]\s+(?=\S)")
_MIN_POINTS = 3


def _fold(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .:;,")


def _label_start(text: str, colon: int) -> int | None:
    """Where the programme's label before the colon at `colon` begins, or None when the
    words before the colon do not name a programme."""
    head = text[:colon]
    starts = [m.end() for m in _SENTENCE_END.finditer(head)]
    sentence = starts[-1] if starts else 0
    word = _PROGRAMME_WORD.search(head, sentence)
    if word is None:
        return None
    capitals = [
        m.start() for m in re.finditer(rf"(?:(?<=\s)|^)[{_UPPER}]", head[: word.start() + 1])
    ]
    start = max([c for c in capitals if c >= sentence], default=sentence)
    return start


def _programme(text: str) -> tuple[int, list[tuple[int, int]], int] | None:
    """The programme listed in the text: where its label starts, each point's (start, end)
    and where the list ends; None when the text holds no such list."""
    marks = list(_MARK.finditer(text))
    for i, first in enumerate(marks):
        if first["number"] != "1" or not text[: first.start()].rstrip().endswith(":"):
            continue
        colon = len(text[: first.start()].rstrip()) - 1
        label = _label_start(text, colon)
        if label is None:
            continue
        chosen = [first]
        for mark in marks[i + 1 :]:
            if int(mark["number"]) == len(chosen) + 1:
                chosen.append(mark)
            elif mark["number"] == "1":
                break
        if len(chosen) < _MIN_POINTS:
            continue
        after = [m for m in marks if m.start() > chosen[-1].start()]
        restart = next((m.start() for m in after if m["number"] == "1"), None)
        last_text = text[chosen[-1].end() : restart if restart is not None else len(text)]
        end: int | None = None
        closing = _LABEL_END.search(last_text) if restart is not None else None
        if closing is not None:
            end = chosen[-1].end() + closing.start("label")
        elif restart is not None:
            end = restart
        if end is None:
            continue
        spans = [
            (mark.start(), (chosen[k + 1].start() if k + 1 < len(chosen) else end))
            for k, mark in enumerate(chosen)
        ]
        return label, spans, end
    return None


def _item_at(text: str, start: int, number: int, title: str) -> tuple[int, int] | None:
    """Where item `number` is taken up again in the text from `start` ('1) Zahájení: …'):
    the start of its number and the end of its title (with a colon after it)."""
    wanted = re.escape(" ".join(title.split())).replace(r"\ ", r"\s+")
    found = re.compile(rf"(?:(?<=\s)|^){number}\s?[.)]\s+{wanted}\s*:?", re.I).search(text, start)
    if found is None:
        return None
    return found.start(), found.end()


def _cut(text: str, cuts: list[int]) -> list[str]:
    pieces = []
    for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True):
        piece = text[a:b].strip()
        if piece:
            pieces.append(piece)
    return pieces


def _items(block: Block, start: int, titles: list[str], number: int) -> tuple[list[Block], int]:
    """The block broken before each item taken up again in it, from item `number` on, and
    the number of the next item to look for."""
    text = block.text
    cuts: list[int] = []
    heads: set[int] = set()
    while number <= len(titles):
        found = _item_at(text, start, number, titles[number - 1])
        if found is None:
            break
        cuts += [found[0], found[1]]
        heads.add(found[0])
        start = found[1]
        number += 1
    if not cuts:
        return [block], number
    out = []
    for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True):
        piece = text[a:b].strip()
        if piece:
            out.append(replace(block, text=piece))
    return out, number


def split(blocks: list[Block]) -> tuple[list[Block], list[Note]]:
    """The blocks with a run-together programme and its items broken into lines (see the
    module), and notes for the report."""
    out: list[Block] = []
    notes: list[Note] = []
    titles: list[str] = []
    number = 0
    for block in blocks:
        if titles and number <= len(titles):
            written = _as_written(block)
            if written is not block and _item_at(written.text, 0, number, titles[number - 1]):
                block = written  # '2) Volba ověřovatele zápisu: …' read as a list's item
        if block.kind != "paragraph" or "\n" in block.text:
            out.append(block)
            continue
        if not titles:
            found = _programme(block.text)
            if found is None:
                out.append(block)
                continue
            label, spans, end = found
            text = block.text
            titles = [
                _MARK.sub("", text[a:b], count=1).strip().rstrip(":").strip() for a, b in spans
            ]
            lines = _cut(text[:end], [label, *(a for a, _ in spans)])
            out += [replace(block, text=line) for line in lines]
            rest = replace(block, text=text[end:].strip())
            pieces, number = _items(rest, 0, titles, 1)
            out += [piece for piece in pieces if piece.text]
            notes.append((block.where, f"a programme run together: {len(titles)} points"))
            continue
        if number > len(titles):
            out.append(block)
            continue
        pieces, number = _items(block, 0, titles, number)
        out += pieces
    return out, notes


def _as_written(block: Block) -> Block:
    """A numbered list item as the line the source wrote ('2) Volba …: …'), a paragraph."""
    if block.kind == "item" and block.ordered and block.marker and "\n" not in block.text:
        text = f"{block.marker} {block.text}"
        return replace(block, kind="paragraph", text=text, ordered=False, number=None, marker=None)
    return block


def approves_a_list(r: Any, i: int, decision: dict[str, Any]) -> bool:
    """A sentence that approves the programme and ends with a colon, with its numbered points
    after it ('Program jednání Rady byl jednomyslně schválen dle předloženého návrhu:' over
    '1. Úvodní slovo', '2. …'): the points are the programme, not the items (as after
    'Schválený program:')."""
    from psc.edits.intake import programme

    text = str(decision.get("decision", "")).strip()
    if not text.endswith(":") or _PROGRAMME_WORD.search(text) is None:
        return False
    if r.started() or r.programme or r.in_programme:
        return False
    return len(programme.points_after(r.blocks, i + 1)) >= 2
