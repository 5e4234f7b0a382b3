"""Rules for English minutes: titles in capitals that wrap, and lettered sub-items.

- `capitals_wrapped` (a block rule): an agenda point's title in capitals that the layout
  wraps onto the lines right below it, in capitals too ('8. UPDATE FROM THE DIRECTOR,
  COMMITTEES, RECREATION' / 'ADVISORY COUNCILS & ANNOUNCEMENTS:'; '4A. ADOPT A RESOLUTION
  DETERMINING THAT CONDUCTING IN-' / 'PERSON MEETINGS OF …', Oakland's Parks and Recreation
  Advisory Commission; a city clerk's report's 'A RESOLUTION RELATED TO THE KING ORANGE BOWL'
  / 'JAMBOREE PARADE TO BE CONDUCTED BY THE' …, Miami's) is one line again: joined with a
  space, or without one after a hyphen that cut a word ('IN-' / 'PERSON'). The join stops
  at a title ending in a colon, at a line in lower case, at a blank line and at the next
  numbered point.
- `lettered_subitem` (a walk rule): a point lettered after the number of the item it is
  in ('4A. ADOPT A RESOLUTION …' in item 4, '5.a Muskegon Pride Center' in item 5 of
  Muskegon's city commission, '6.A.BEAUTIFICATION AWARDS' in item 6 of Daytona Beach's) is a
  sub-item of that item, labelled as written;
- `lettered_point` (a walk rule): a line lettered 'a.', 'b)', '(c)' in order inside a
  numbered item, a short title ('a. Committee Membership.' / 'b. Heavy traffic on Stoke
  Bridge' in 'ITEM 7 ANY OTHER BUSINESS' of Stoke Ferry's residents' association; 'a.
  Kathy Ramundt, …' in '4. Public Comment' of Roseville's city council; 'a) Should the day
  of meeting be changed?' in '3. Discussion on the present organisation of the group.' of
  Hastings Humanists'), is a sub-item of that item, labelled as written, its text below.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

Note = tuple[str, str]

_WHERE = re.compile(r"^(?P<page>.*?)line (?P<first>\d+)(?:–(?P<last>\d+))?$")
_POINT = re.compile(r"^(?P<number>\d{1,2})(?:\.?(?P<letter>[A-Za-z]))?\.?\s+\S")
_LETTERED = re.compile(
    r"^(?P<label>(?P<number>\d{1,2})\.?(?P<letter>[A-Za-z])\.?)\s*(?P<title>[A-Z].*)$", re.S
)


_LETTER = re.compile(r"^(?P<label>\(?(?P<letter>[a-h])[.)])\s+(?P<title>[A-Z].*)$", re.S)
_TITLE_WORDS = 12


class Walk(Protocol):
    """What the walk rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    items: list[dict[str, Any]]
    item_indent: int | None

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...


def _lines(block: Block) -> tuple[str, int, int] | None:
    match = _WHERE.match(block.where)
    if match is None:
        return None
    first = int(match["first"])
    return match["page"], first, int(match["last"] or first)


def _in_capitals(text: str, least: int = 2) -> bool:
    """Words in capitals only (a letter in parentheses aside: '54953(e)'), `least` at least
    (one for a title's last line: 'SEPTEMBER 1, 2022.', '11:00PM.')."""
    return not re.search(r"[a-z]{2,}", text) and len(re.findall(r"[A-Z]{2,}", text)) >= least


def _point(block: Block) -> bool:
    """A numbered or lettered point ('8. …' as a list item, '4A. …' as a paragraph)."""
    if block.kind == "item" and block.ordered:
        return True
    return block.kind == "paragraph" and _POINT.match(block.text.strip()) is not None


def capitals_wrapped(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """A point's title in capitals and the lines in capitals right below it: one block."""
    notes: list[Note] = []
    for i, block in enumerate(blocks):
        if i >= len(blocks) or not _point(block) or not _in_capitals(block.text):
            continue
        text, at = block.text.strip(), _lines(block)
        k = i + 1
        while at is not None and k < len(blocks) and not text.endswith(":"):
            nxt = blocks[k]
            lines = _lines(nxt)  # a PDF's line joined to the one before keeps its first
            # line's number: after a hyphen (never a title's end), one line more may lie between
            if (
                nxt.kind != "paragraph"
                or lines is None
                or lines[0] != at[0]
                or not at[2] < lines[1] <= at[2] + (2 if text.endswith("-") else 1)
                or _point(nxt)
                or not _in_capitals(nxt.text, 1)
            ):
                break
            rest = nxt.text.strip()
            text = f"{text}{rest}" if re.search(r"\w-$", text) else f"{text} {rest}"
            at = (at[0], at[1], lines[2])
            k += 1
        if k == i + 1 or at is None:
            continue
        where = f"{at[0]}line {at[1]}–{at[2]}"
        blocks[i:k] = [
            Block(
                block.kind,
                text,
                where,
                ordered=block.ordered,
                number=block.number,
                marker=block.marker,
                indent=block.indent,
            )
        ]
        notes.append((where, f"a title in capitals wrapped onto {k - i} lines: joined"))
    return notes


def lettered_subitem(r: Walk, i: int) -> int | None:
    """'4A. ADOPT A RESOLUTION …' inside item 4: a sub-item of it, labelled '4A.'."""
    block = r.blocks[i]
    match = _LETTERED.match(block.text.strip()) if block.kind == "paragraph" else None
    numbered = [item for item in r.items if isinstance(item.get("number"), int)]
    if match is None or not numbered or numbered[-1]["number"] != int(match["number"]):
        return None
    item = {"label": match["label"], "subitem": True, "title": match["title"].strip()}
    r.start_item(block, item, f"sub-item '{match['label']}' of item {match['number']}")
    return i + 1


def _letter_of(item: dict[str, Any]) -> str | None:
    """The letter of a lettered sub-item ('b.' → 'b'), or None."""
    match = _LETTER.match(f"{item.get('label', '')} X") if item.get("subitem") else None
    return match["letter"] if match else None


_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\b")


def _told(title: str) -> bool:
    """'Minutes of April 27, 2005 were adopted unanimously.', 'The toilets are scheduled to
    be replaced …': a sentence (a verb of its own), not a sub-item's title."""
    return bool(_FINITE.search(title))


def _next_lettered(blocks: list[Block], i: int) -> str:
    """The text of the next lettered line 'b.' after block `i` (before a heading), or ''."""
    for block in blocks[i + 1 :]:
        if block.kind == "heading":
            return ""
        match = _LETTER.match(block.text.strip()) if block.kind == "paragraph" else None
        if match is not None:
            return match["title"] if match["letter"] == "b" else ""
    return ""


def lettered_point(r: Walk, i: int) -> int | None:
    """'a. Committee Membership.' inside item 7, then 'b. …' after sub-item 'a.': a sub-item
    of the item, labelled as written (the letters in order from 'a')."""
    block = r.blocks[i]
    text = block.text.strip()
    if block.kind == "item" and block.ordered and re.fullmatch(r"[a-h]", block.number or ""):
        text = f"{block.marker or f'{block.number}.'} {text}"  # 'a) …' read as a list's point
    elif block.kind != "paragraph":
        return None
    if block.bold or not r.items or block.indent > (r.item_indent or 0):
        return None  # indented under a point of the item: a point of its text
    match = _LETTER.match(text)
    if match is None:
        return None
    title = match["title"].strip()
    if len(title.split()) > _TITLE_WORDS or re.search(r"[.!?]\s+\S", title):
        return None  # a sentence or more: a lettered paragraph, no title
    if _told(title) or (match["letter"] == "a" and _told(_next_lettered(r.blocks, i))):
        return None  # 'a. Minutes of … were adopted unanimously.', or 'b.' a sentence: points
    last = r.items[-1]
    letter = match["letter"]
    after = _letter_of(last)
    if not (
        (letter == "a" and isinstance(last.get("number"), int))
        or (after is not None and ord(letter) == ord(after) + 1)
    ):
        return None
    item = {"label": match["label"], "subitem": True, "title": title}
    r.start_item(block, item, f"sub-item '{match['label']}' of the item above")
    return i + 1
