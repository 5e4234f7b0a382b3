"""The logical lines of run-together text: web-page or PDF text that lost its line breaks,
so that a whole minutes, or its attendance, programme, points and resolutions, stand on one
long line ('… MEMBERS PRESENT: Chairman Mike Stulberg, … 1. CALL TO ORDER: 2. PUBLIC FORUM:
…', a planning commission; '… Cou/285/07-08 Present Members: Cllr P Batty (Chairman), …
Cou/286/07-08 Apologies for Absence …', a parish council; 'Přítomni: Mgr. Michal Kulhánek,
… Omluveni: …', a municipal board).

One shared step, run before the line rules, so every rule sees the lines as it does in a
well-formed source. `lines` finds where the lines began, by three generic kinds of place:

- a run of numbered points in sequence, at least three ('1. … 2. … 3. …', '1) … 2) … 3) …',
  from any first number: '37. … 38. … 39. …'): a number with its point or bracket before a
  capital letter, the numbers following each other; a number inside a sentence ('§ 84
  odst. 2', 'Rs.1,30,22,432.00', 'v 18.00 hod.', 'item 11') is in no such run: it has no
  point before a capital, or follows a word that points at a number ('odst.', 'item', 'No.');
- a run of minute numbers in sequence, at least three, one part of them counting up and
  the others the same ('19/103 … 19/104 …', 'Cou/285/07-08 … Cou/286/07-08 …');
- a known label with its colon ('Přítomni:', 'MEMBERS ABSENT:', 'In attendance:'): the
  intake's own labels (the recogniser's `is_label`, given by the caller), never a list of
  this module's.

Only a long paragraph with at least `_LEAST` such places is broken; the words stay, in
their order, each line read as `sources.line_block` reads a line of text (a numbered point
an item of its list, with its marker as written). `restore` does it for a document's blocks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from psc.edits.intake.blocks import Block
from psc.edits.intake.sources import line_block

Note = tuple[str, str]
IsLabel = Callable[[str], "str | None"]

_LONG = 300
"""A paragraph longer than this (characters) may be lines run together."""
_LEAST = 3
"""Points or minute numbers in sequence that make a run, and places that make a paragraph
run-together."""

_SHORT = 60
"""A point of an inline list is at most this long (characters)."""

_UPPER = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_POINT = re.compile(rf"(?<![\w§/,-])(?<!\d\.)(?P<number>\d{{1,3}})[.)]\s*(?=[{_UPPER}])")
"""A number with its point or bracket before a capital ('2. PUBLIC FORUM', '1) Zahájení',
'years.2. Noting'): perhaps a numbered point."""
_POINTING = re.compile(
    r"(?<!\w)(?:§|odst\.?|čl\.?|č\.|bod|bodu|bodě|písm\.?|item|no\.?|nos\.?|point|page|section|"
    r"article|clause|rs\.?|kč)\s*$",
    re.IGNORECASE,
)
"""Words that point at a number after them ('odst. 2', 'item 11', 'No. 3'): that number is
the sentence's, not a point's."""
_MINUTE = re.compile(
    r"(?<![\w/.-])(?P<token>(?:[A-Za-z]{1,6}/)?\d{1,4}/\d{1,4}(?:[/-]\d{2,4}){0,2})"
    rf"(?=\s*[{_UPPER}])"
)
"""A minute's number before a capital ('19/103 Apologies', 'Cou/286/07-08 Apologies',
'NP/24/20There were …')."""
_NUMBER_ALONE = re.compile(r"[\w/.-]*\d[\w/.-]*[.)]?")
"""A line that would be a number alone (a label cut straight after its minute's number)."""
_LABEL = re.compile(
    rf"(?:(?<=\s)|^)(?P<words>[{_UPPER}][\w’'.-]*(?:[ \t]+[\w’'.-]+){{0,3}}?)[ \t]*:(?=\s|$)"
)
"""Up to four words before a colon, the first with a capital: perhaps a label."""


def point_starts(text: str) -> list[int]:
    """Where the points of the longest run of numbered points in sequence begin (none when
    the run is shorter than `_LEAST`)."""
    marks = [
        m
        for m in _POINT.finditer(text)
        if not _POINTING.search(text[max(0, m.start() - 12) : m.start()])
    ]
    best: list[int] = []
    for i, first in enumerate(marks):
        run = [first]
        for mark in marks[i + 1 :]:
            if int(mark["number"]) == int(run[-1]["number"]) + 1:
                run.append(mark)
        if len(run) > len(best):
            best = [m.start() for m in run]
    if len(best) < _LEAST or _inline_list(text, best):
        return []
    return best


def _inline_list(text: str, starts: list[int]) -> bool:
    """Is the run a list inside its sentence ('… schvaluje program jednání takto: 1) Zahájení
    2) Hospodaření s majetkem … 5) Diskuze Mgr. Kulhánek předložil …'): introduced by a
    colon, each point but the last a few words? Where such a list ends is not known (the last
    point runs into the text after it), so it is left as written."""
    if not text[: starts[0]].rstrip().endswith(":"):
        return False
    return all(len(text[a:b]) <= _SHORT for a, b in zip(starts, starts[1:], strict=False))


def _follows(a: str, b: str) -> bool:
    """Does minute number `b` follow `a` (one part one more, the others the same)?"""
    if re.sub(r"\d+", "#", a) != re.sub(r"\d+", "#", b):
        return False
    pairs = list(zip(re.findall(r"\d+", a), re.findall(r"\d+", b), strict=True))
    changed = [(x, y) for x, y in pairs if x != y]
    return len(changed) == 1 and int(changed[0][1]) == int(changed[0][0]) + 1


def minute_starts(text: str) -> list[int]:
    """Where the minutes of the longest run of minute numbers in sequence begin."""
    marks = list(_MINUTE.finditer(text))
    best: list[int] = []
    for i, first in enumerate(marks):
        run = [first]
        for mark in marks[i + 1 :]:
            if _follows(run[-1]["token"], mark["token"]):
                run.append(mark)
        if len(run) > len(best):
            best = [m.start() for m in run]
    return best if len(best) >= _LEAST else []


def _labels(text: str, is_label: IsLabel) -> list[int]:
    """Where a known label with its colon begins (the longest words before the colon that
    make one: 'MEMBERS ABSENT:' rather than 'ABSENT:')."""
    found: list[int] = []
    for colon in (m.start() for m in re.finditer(r":(?=\s|$)", text)):
        offset = max(0, colon - 80)
        head = text[offset:colon]
        for n in range(4, 0, -1):
            words = re.search(rf"(?:^|(?<=\s))(\S+(?:[ \t]+\S+){{{n - 1}}})[ \t]*$", head)
            if words is None or not re.match(rf"[{_UPPER}]", words[1]):
                continue
            if is_label(words[1]) is not None:
                if not _in_capitals(head[: words.start(1)], words[1]):
                    found.append(offset + words.start(1))
                break
    return found


def _in_capitals(before: str, label: str) -> bool:
    """Is the label in capitals the end of a title in capitals ('3. APPROVAL OF AGENDA:'),
    the word before it in capitals too?"""
    word = before.split()[-1] if before.split() else ""
    return label.isupper() and word.isalpha() and word.isupper() and len(word) > 1


def lines(text: str, is_label: IsLabel) -> list[str]:
    """The logical lines of a run-together `text` (see the module), or `[text]` when it is
    not one."""
    if len(text) < _LONG or "\n" in text:
        return [text]
    cuts = set(point_starts(text)) | set(minute_starts(text)) | set(_labels(text, is_label))
    cuts.discard(0)
    if len(cuts) < _LEAST:
        return [text]
    kept: list[int] = []
    for cut in sorted(cuts):  # 'Cou/285/07-08 Present Members: …' stays one line
        if not _NUMBER_ALONE.fullmatch(text[kept[-1] if kept else 0 : cut].strip()):
            kept.append(cut)
    if len(kept) < _LEAST:
        return [text]
    ordered = [0, *kept, len(text)]
    pieces = [text[a:b].strip() for a, b in zip(ordered, ordered[1:], strict=False)]
    return [piece for piece in pieces if piece]


def restore(blocks: list[Block], is_label: IsLabel) -> tuple[list[Block], list[Note]]:
    """The blocks with each run-together paragraph read again as its lines (see the module),
    and notes for the report."""
    out: list[Block] = []
    notes: list[Note] = []
    for block in blocks:
        pieces = lines(block.text, is_label) if block.kind == "paragraph" else [block.text]
        if len(pieces) < 2:
            out.append(block)
            continue
        for piece in pieces:
            read = line_block(piece, block.where)
            if read is not None:
                out.append(read)
        notes.append((block.where, f"lines run together: read as {len(pieces)} lines"))
    return out, notes
