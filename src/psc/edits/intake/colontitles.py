"""A block rule for English minutes whose points are headed by a title and a colon, without
numbers: 'Treasurer Report:' over its bullets, 'Publicity: no report' with its text on the
line, and among them titles without a colon between the lists ('Rack Card', 'New Business',
'Adjourn') (a county commission on aging's minutes; a model flying club's: 'Old Business:'
over its bullets, 'Treasurers Report: Mike presented the report …').

Each title becomes a heading (its colon kept, as the minutes write it; the text after it a
paragraph of its own), which the walk reads as an item without a number (`colon_item`, also
in minutes that name no one present, where `heading_as_item` still reads the header). The shape must be the minutes' own: two titles standing alone with their
colon at least, after the attendance (or from the first such title, in minutes naming no
one), in minutes without numbered points or headings.

english.py runs `colon_titles` among its block rules, before `unnumbered.titles`, and
`colon_item` among its walk rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from psc.edits.intake import chairline
from psc.edits.intake.blocks import Block, titled
from psc.edits.intake.unnumbered import _after_attendance, _title

Note = tuple[str, str]

_MARK = ":"
"""The marker of a heading made from such a title (for `colon_item`)."""

_ALONE = re.compile(r"^(?P<title>[A-Z][^:]{1,50}):$")
_INLINE = re.compile(r"^(?P<title>[A-Z][^:]{1,40}):\s+(?P<text>\S.*)$", re.S)
_MOST_INLINE_WORDS = 4
"""A title with its text on the line is short ('Budget Committee: no official report')."""


def _titled(text: str) -> bool:
    """'Treasurer Report', 'General Discussion on Funding', 'Treasurers Report': a title's
    capitalised words (unnumbered's), apostrophes aside."""
    return _title(text.replace("’s", "s").replace("'s", "s"))


def _alone(text: str, is_label: Callable[[str], str | None]) -> bool:
    """'Treasurer Report:', 'Old Business:': a title alone on its line with its colon."""
    whole = _ALONE.match(text.strip())
    return whole is not None and _titled(whole["title"]) and not is_label(whole["title"])


def colon_titles(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """Titles of unnumbered points with a colon (and the bare titles between their lists):
    headings, in place."""
    start = _after_attendance(blocks, is_label)
    if start == len(blocks):  # no attendance label: from the first title alone with its colon
        start = next(
            (i for i, b in enumerate(blocks) if b.kind == "paragraph" and _alone(b.text, is_label)),
            len(blocks),
        )
    after = blocks[start:]
    if any(b.kind == "heading" or (b.kind == "item" and b.ordered) for b in after):
        return []
    found: dict[int, tuple[str, str]] = {}
    alone = 0
    for i in range(start, len(blocks)):
        block = blocks[i]
        text = block.text.strip()
        if block.kind != "paragraph" or "\n" in text:
            continue
        inline = _INLINE.match(text) if not chairline.is_chair_line(text) else None
        if _alone(text, is_label):
            found[i] = (text, "")
            alone += 1
        elif (
            inline
            and _titled(inline["title"])
            and len(inline["title"].split()) <= _MOST_INLINE_WORDS
            and not is_label(inline["title"])
        ):
            found[i] = (f"{inline['title']}:", inline["text"].strip())
    if alone < 2:
        return []
    for i in range(start, len(blocks)):  # 'Rack Card' between two lists, 'Adjourn' last
        block = blocks[i]
        if i in found or block.kind != "paragraph" or not _title(block.text.strip()):
            continue
        above = blocks[i - 1] if i > start else None
        below = blocks[i + 1] if i + 1 < len(blocks) else None
        if (above is not None and (above.kind == "item" or i - 1 in found)) and (
            below is None or below.kind == "item" or i + 1 in found or _title(below.text)
        ):
            found[i] = (block.text.strip(), "")
    notes: list[Note] = []
    for i in sorted(found, reverse=True):
        title, text = found[i]
        block = blocks[i]
        blocks[i : i + 1] = titled(block, title, text, marker=_MARK)
        notes.append((block.where, f"'{title}': the title of a point without a number"))
    notes.reverse()
    return notes


class Walk(Protocol):
    """What `colon_item` uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...


def colon_item(r: Walk, i: int) -> int | None:
    """A title `colon_titles` made: an item without a number, titled as written."""
    block = r.blocks[i]
    if block.kind != "heading" or block.marker != _MARK:
        return None
    r.start_item(
        block, {"title": block.text.strip()}, "a title of a point: an item without a number"
    )
    return i + 1
