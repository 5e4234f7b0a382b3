"""A block rule for minutes whose items are numbered lines with their titles in capitals,
and whose points under them are numbered again from 1 in sentence case: '2. CALL TO ORDER
7:40 PM', '3. ADOPTION OF MINUTES', '4. COMMITTEE REPORTS' over '1. Plants – have been
planted …', '2. Pool planting – …' (a strata council's PDF); '1. CALL TO ORDER: Mayor Pro Tem
Mikos called the meeting …' (a city council's minutes).

Each numbered line opening with its title in capitals is an item of that number (three such
lines at least, their numbers rising, with points numbered again from 1 among them): the title is the run of words in capitals ('NEXT
MEETING:' of 'NEXT MEETING: Wednesday, June 29, 2005'), the words after it a paragraph. A
title that is an attendance label ('1. PRESENT: …') stays the header's. The numbered lines in
sentence case between them stay points of the item's text.

english.py runs `capital_items` among its block rules, `capital_item` and `capital_point`
among its walk rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from psc.edits.intake.blocks import Block, titled

Note = tuple[str, str]

MARK = "CAPS"
"""The marker of a heading made from such a line (for `capital_item`; runpoints.py makes
them too)."""
_LEAST = 3
_POINT = 9
"""The level given to a point numbered in sentence case under such an item (a list item has
no level of its own), for `capital_point`: a point of the item's text, not the next item."""


def _capital_word(word: str) -> bool:
    """'ADOPTION', 'MEETING:', 'PM', '7:40', '&': a word of a title in capitals."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return bool(re.fullmatch(r"[\d:.&/-]+", word))
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_title(text: str) -> tuple[str, str] | None:
    """'ADOPTION OF MINUTES a. Minutes of …' → ('ADOPTION OF MINUTES', 'a. Minutes of …');
    None unless two words in capitals open the text."""
    words = text.split()
    n = 0
    while n < len(words) and _capital_word(words[n]):
        n += 1
        if words[n - 1].endswith(":"):
            break
    while n and not any(c.isalpha() for c in words[n - 1]):  # '… MINUTES 2.': no title word
        n -= 1
    if n < 1 or sum(1 for w in words[:n] if any(c.isalpha() for c in w)) < 1:
        return None
    if n == 1 and len(words[0].rstrip(":")) < 4:
        return None
    return " ".join(words[:n]), " ".join(words[n:])


def capital_items(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """Numbered lines with their titles in capitals: headings of their items (in place)."""
    found: list[tuple[int, str, str]] = []
    for i, block in enumerate(blocks):
        if block.kind != "item" or not block.ordered or not (block.number or "").isdigit():
            continue
        split = split_title(block.text.strip())
        if split is None or is_label(split[0].rstrip(":")):
            continue
        found.append((i, split[0], split[1]))
    numbers = [int(blocks[i].number or 0) for i, _t, _r in found]
    if len(found) < _LEAST or numbers != sorted(set(numbers)):
        return []
    headed = {i for i, _t, _r in found}
    restarts = [
        k
        for k in range(found[0][0], found[-1][0])
        if k not in headed
        and blocks[k].kind == "item"
        and blocks[k].ordered
        and blocks[k].number == "1"
    ]
    if not restarts:
        return []  # no points numbered again from 1 under them: numbered items as usual
    notes: list[Note] = []
    first = found[0][0]
    for k in range(first, len(blocks)):  # the points in sentence case: under their item
        point = blocks[k]
        if point.kind == "item" and point.ordered and k not in {i for i, _t, _r in found}:
            blocks[k] = replace(point, level=_POINT)
    for i, title, rest in reversed(found):
        block = blocks[i]
        blocks[i : i + 1] = titled(block, title, rest, marker=MARK, number=block.number)
        notes.append((block.where, f"'{block.number}. {title}': an item, its title in capitals"))
    notes.reverse()
    return notes


class Walk(Protocol):
    """What `capital_item` uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]
    in_programme: bool

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...
    def list_item(self, block: Block) -> None: ...


def capital_point(r: Walk, i: int) -> int | None:
    """A point numbered in sentence case under an item in capitals ('1. Plants – …' under
    '4. COMMITTEE REPORTS'): a point of the item's list, never an item of its own."""
    block = r.blocks[i]
    if block.kind != "item" or not block.ordered or block.level != _POINT:
        return None
    r.list_item(block)
    return i + 1


def capital_item(r: Walk, i: int) -> int | None:
    """A line `capital_items` made: item of its number, titled in capitals."""
    block = r.blocks[i]
    if block.kind != "heading" or block.marker != MARK or not block.number:
        return None
    r.in_programme = False
    item = {"number": int(block.number), "title": block.text.strip()}
    if i and r.blocks[i - 1].where == block.where:  # run together with the text before it
        item["label"] = f"{block.number}."  # '… Denise Hutt 1. CALL TO ORDER:' as written
    r.start_item(block, item, f"item {block.number}: a numbered title in capitals")
    return i + 1
