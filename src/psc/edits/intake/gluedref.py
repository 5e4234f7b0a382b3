"""Minute references run into the text after them (UK parish councils and their committees):
'NP/23/20There were no apologies for absence.', 'NP/27/20Matters Arising and brief update',
'2020/10/04Minutes of the last meeting were read, …', 'APM 21.01The notes of the Annual Parish
Meeting …' (a web page or a PDF dropped the space or tab between the column of references and
the text).

Such a line is a minute: the reference its label, the rest of the line its title, and the
two kept run together as written (`run_in`), so the minutes render as the source reads. Two
lines of the same shape at least, each reference holding the year (its last two digits) that
the minutes write out; a reference followed by a space is `minuteref`'s.

english.py runs `split_glued` among its block rules (before hard wraps are joined: the title
is a line of its own) and `glued_item` first among its walk rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from psc.edits.intake.blocks import Block


class Walk(Protocol):
    """What `glued_item` uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...


Note = tuple[str, str]

_GLUED = re.compile(
    r"^(?P<ref>(?P<prefix>[A-Z]{1,4}(?:/| )?)?\d{1,4}(?:[./-]\d{1,4}){1,2})"
    r"(?P<rest>[A-Z][a-z][^\n]*)$"
)
"""'NP/23/20There …', 'APM 21.01The …', '2020/10/04Minutes …': the reference, then a word
opening with a capital and a small letter straight after its last digit."""
_YEAR = re.compile(r"\b(?:19|20)(\d{2})\b")


def split_glued(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """Lines opening with a minute reference run into their text: each a heading (the title)
    with the reference as its marker, for `glued_item`."""
    found = [
        (i, m)
        for i, b in enumerate(blocks)
        if b.kind == "paragraph" and "\n" not in b.text
        for m in [_GLUED.match(b.text.strip())]
        if m is not None
    ]
    years = {y for b in blocks for y in _YEAR.findall(b.text)}
    found = [
        (i, m)
        for i, m in found
        if any(y in part for part in re.split(r"\D+", m["ref"]) for y in years)
    ]
    shapes = {(m["prefix"] or "").strip() for _i, m in found}
    if len(found) < 2 or len(shapes) != 1:
        return []
    notes: list[Note] = []
    for i, match in found:
        block = blocks[i]
        blocks[i] = Block(
            "heading", match["rest"].strip(), block.where, level=3, marker=match["ref"]
        )
        notes.append((block.where, f"'{match['ref']}': a minute reference run into its title"))
    return notes


def glued_item(r: Walk, i: int) -> int | None:
    """A line `split_glued` made: an item labelled by its reference, titled by the rest of the
    line, the two run together as written."""
    block = r.blocks[i]
    if block.kind != "heading" or not block.marker or not _GLUED.match(block.marker + block.text):
        return None
    item = {"label": block.marker, "title": block.text, "run_in": True}
    r.start_item(block, item, f"item '{block.marker}' (a minute reference run into its title)")
    return i + 1
