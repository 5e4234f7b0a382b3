"""Numbered minutes whose titles in capitals run straight into the text under them, with no
point, colon or dash between: '38. APOLOGIES Apologies for absence were received from
Councillors: …', '39. TO RECEIVE A FIRE & SAFETY PRESENTATION FROM MIKE DAVIES The Chairman
welcomed …' (a community council's minutes, numbered on through the year), '6. PUBLIC HEARINGS:
A. ASSOCIATION FREE LUTHERAN BIBLE SCHOOL. (98163) Chairman Stulberg introduced …' (a planning
commission's), and the lines a web page's text gave such minutes (quoted in
tests/test_intake_capsrunin.py with their addresses).

Three numbered lines at least, their numbers rising, each opening with a title of two
capitalised words or more (or one long one: 'APOLOGIES') followed by a sentence ('Apologies
for …', 'The Chairman …'), are items of their numbers, titled by the capitals and labelled as
written ('38.'; a number glued to the title, '40.TO RECEIVE …', is a label run into it); the
sentence is the item's first paragraph. A label over a list ('37.PRESENT Councillors: P
Blackwell, …') is no title before a sentence: it stays for the attendance rules.

english.py runs `run_in_titles` among its block rules and `run_in_item` among its walk rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from psc.edits.intake.blocks import Block, titled

Note = tuple[str, str]

_MARK = "CAPS RUN-IN"
"""The marker of a heading made from such a line (for `run_in_item`)."""
_GLUED_MARK = "CAPS RUN-IN GLUED"
"""The marker of one whose number is glued to its title ('40.TO RECEIVE …')."""
_LEAST = 3

_LINE = re.compile(
    r"(?P<title>[A-Z][A-Z’'&/-]+(?:\s+(?:[A-Z][A-Z’'&/-]+|[A-Z]|&))*)"
    r"\s+(?P<rest>[A-Z][a-z’']+\s.*)",
    re.DOTALL,
)
"""A title in capitals ('TO RECEIVE A FIRE & SAFETY …', single letters and '&' inside it), then a
sentence ('The Chairman welcomed …'; not a label's word, 'Councillors: …')."""


def _split(text: str) -> tuple[str, str] | None:
    match = _LINE.fullmatch(text.strip())
    if match is None:
        return None
    title = match["title"]
    if len(title.split()) < 2 and len(title) < 6:
        return None
    return title, match["rest"]


_GLUED = re.compile(r"(?P<number>\d{1,3})\.(?P<text>[A-Z]{2}.*)", re.DOTALL)
"""A number glued to its title ('40.TO RECEIVE DECLARATION OF INTEREST Councillor …')."""


def _numbered(block: Block) -> tuple[str, str, bool] | None:
    """The line's number, its text, and whether the number is glued to the text."""
    if block.kind == "item" and block.ordered and (block.number or "").isdigit():
        return block.number or "", block.text, False
    glued = _GLUED.fullmatch(block.text.strip()) if block.kind == "paragraph" else None
    return (glued["number"], glued["text"], True) if glued else None


def run_in_titles(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """Numbered lines with their titles in capitals run into their text: headings of their
    items, the text a paragraph after each (in place)."""
    found: list[tuple[int, str, bool, str, str]] = []
    for i, block in enumerate(blocks):
        numbered = _numbered(block)
        split = _split(numbered[1]) if numbered else None
        if numbered and split:
            found.append((i, numbered[0], numbered[2], *split))
    numbers = [int(number) for _i, number, _g, _t, _r in found]
    if len(found) < _LEAST or numbers != sorted(set(numbers)):
        return []
    notes: list[Note] = []
    for i, number, glued, title, rest in reversed(found):
        block = blocks[i]
        marker = _GLUED_MARK if glued else _MARK
        blocks[i : i + 1] = titled(
            block, title, rest, marker=marker, number=number, indent=block.indent
        )
        notes.append((block.where, f"'{number}. {title}': an item, its title run into its text"))
    notes.reverse()
    return notes


class Walk(Protocol):
    """What `run_in_item` uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]
    in_programme: bool

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...


def run_in_item(r: Walk, i: int) -> int | None:
    """A line `run_in_titles` made: the item of its number, titled in capitals, labelled as
    the minutes write its number (a number glued to the title is kept so, as a label run into
    the title, not numbered by psc)."""
    block = r.blocks[i]
    if block.kind != "heading" or block.marker not in (_MARK, _GLUED_MARK) or not block.number:
        return None
    r.in_programme = False
    item: dict[str, Any] = {"title": block.text.strip(), "label": f"{block.number}."}
    if block.marker == _GLUED_MARK:
        item["run_in"] = True
    else:
        item = {"number": int(block.number), **item}
    r.start_item(block, item, f"item {block.number}: a title in capitals run into its text")
    return i + 1
