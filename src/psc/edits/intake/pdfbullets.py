"""A block rule for English minutes read from a PDF: a list item's text wrapped onto the next
line, which the PDF's text gives as a line of its own (pypdf keeps no indent to tell it from
a new paragraph): '•   Willie Gentry Feels like the $4500 will stay in the budget but there
was no discussion at the last public' / 'BOS mtg regarding our new submission.' (a county
commission on aging), '6. Stephen sent a letter sent to the SF Partners requesting a response
to his earlier letter outlining new terms for the' / 'Shared Facilities Agreement' (a strata
council).

The line goes on with the item when the item is long (45 characters at least) and stops without a sentence's end (no stop, colon
or semicolon, no number last) and the line opens no point of its own (no bullet, number or
letter, no 'Label:' before a colon), and either the item ends on a small word that cannot end
a sentence ('the', 'of', 'to', …) or the line is no title (capitalised words alone: 'Rack
Card', 'English Meadows Tour' stand as headings of their own) or it stands between the item
and the next point of its numbered list ('1. Plants – … by Paddy' / 'O’Planter' / '2. …').

english.py runs `join_bullet_wraps` first among its block rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from psc.edits.intake.blocks import Block
from psc.edits.intake.unnumbered import _title

Note = tuple[str, str]

_OPEN = re.compile(
    r"\b(?:the|of|to|for|and|by|on|in|at|a|an|with|from|or|our|their|its|his|her)$", re.I
)
"""An item ending on a word that leaves its sentence open."""
_WRAPPED = 45
"""An item the page's width wrapped is long; a shorter one ('Pool Competition', 'Meeting
close') is a title over its text on the next line."""
_LABELLED = re.compile(r"^[^\s:][^:]{0,40}:(?:\s|$)")
_POINT = re.compile(r"^(?:[a-z]|\d{1,2}|[ivx]{1,4})[.)]\s", re.I)


def _goes_on(item: Block, line: Block, between: bool = False) -> bool:
    """Does `line` go on with the text of the list item `item` (both read from a PDF)?
    `between`: the line stands between the item and the next point of its list."""
    before, text = item.text.rstrip(), line.text.strip()
    if len(before) < _WRAPPED or re.search(r"[.!?:;\d]$", before) or not text or "\n" in text:
        return False
    if _LABELLED.match(text) or _POINT.match(text):
        return False
    return bool(_OPEN.search(before)) or between or not _title(text)


def _between(item: Block, after: Block | None) -> bool:
    """Is `after` the next point of the numbered list `item` is a point of ('1. Plants – …
    by Paddy' / 'O’Planter' / '2. Pool planting – …': a title never stands inside a list)?"""
    number = item.number or ""
    return (
        item.ordered
        and number.isdigit()
        and after is not None
        and after.kind == "item"
        and after.ordered
        and after.number == str(int(number) + 1)
    )


def join_bullet_wraps(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """Lines of a PDF that go on with the list item above them joined to it (in place)."""
    notes: list[Note] = []
    i = 1
    while i < len(blocks):
        item, line = blocks[i - 1], blocks[i]
        if (
            item.kind == "item"
            and line.kind == "paragraph"
            and item.where.startswith("page ")
            and line.where.startswith("page ")
            and _goes_on(item, line, _between(item, blocks[i + 1] if i + 1 < len(blocks) else None))
        ):
            joined = f"{item.text.rstrip()} {line.text.strip()}"
            blocks[i - 1 : i + 1] = [replace(item, text=joined)]
            notes.append((line.where, "a list item's line wrapped in the PDF: joined to it"))
            continue
        i += 1
    return notes
