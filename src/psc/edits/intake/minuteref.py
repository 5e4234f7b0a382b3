"""A block rule for minutes numbered with the year (UK parish and town councils): '1.19 -
Chair', '2.19 – Vice Chair' (point 1, 2 of 2019), '160/19 Confirmation of …: …' (minute 160
of 2019), '21.44 ELECTION OF CHAIR OF THE COUNCIL' (minute 44 of 2021).

Such a line is a numbered point: its number is the part that runs on, the part that stays
the same is the year (the last two digits of a year the minutes write out), and the number
as written its label. Minutes counted from 1 in the meeting ('1.19', '2.19') number its items;
minutes running on through the year ('43.15' … '51.15', '160/19') are labelled as written, with
no item number (minute 43 of the year is not the meeting's 43rd item). A title ending in a colon is the title, the words after it a paragraph.

english.py runs `numbered_with_the_year` among its block rules and `minute_item` among its
walk rules (a minute numbered on through the year, 160/19, is an item though it is not 1).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from psc.edits.intake.blocks import Block


class Walk(Protocol):
    """What `minute_item` uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]
    m: dict[str, Any]
    items: list[dict[str, Any]]

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...


Note = tuple[str, str]

_REF = re.compile(
    r"^(?P<prefix>[A-Z]{1,4})?(?P<a>\d{1,3})(?P<sep>[./])(?P<b>\d{1,3})(?:\s*[-–:]\s*|\s+)"
    r"(?:(?P<agenda>\d{1,2})\.\s+)?(?P<rest>[A-Z][^\n]*)$"
)
"""'160/19 Confirmation of …', '21.44 ELECTION OF CHAIR …', 'C048/23      1.         APOLOGIES
FOR ABSENCE.' (a council's letter before the minute, then the agenda's number)."""
_YEAR = re.compile(r"\b(?:19|20)(\d{2})\b")


def _raw(block: Block) -> str:
    """The line as written (a list item's marker put back)."""
    if block.kind == "row":  # 'C048/23      1.         APOLOGIES …': columns of spaces
        return " ".join(cell.strip() for cell in block.cells if cell.strip())
    text = block.text.strip()
    if block.kind == "item" and block.marker:
        return f"{block.marker} {text}"
    return text


def numbered_with_the_year(
    blocks: list[Block], is_label: Callable[[str], str | None]
) -> list[Note]:
    """Lines '1.19 - Chair', '2.19 – Vice Chair', '3.19- Others' (two at least, one part the
    same in each and a year the minutes write out, the other part rising): numbered points
    (in place), each labelled as written."""
    found: list[tuple[int, re.Match[str]]] = []
    for i, block in enumerate(blocks):
        if block.kind in ("paragraph", "item", "row"):
            match = _REF.match(_raw(block))
            if match is not None:
                found.append((i, match))
    if len(found) < 2:
        return []
    years = {y for b in blocks for y in _YEAR.findall(b.text)}
    for year_part, number_part in (("b", "a"), ("a", "b")):
        same = {m[year_part] for _i, m in found}
        numbers = [int(m[number_part]) for _i, m in found]
        if len(same) == 1 and same <= years and numbers == sorted(set(numbers)):
            break
    else:
        return []
    notes: list[Note] = []
    at = 0
    for i, match in found:
        i += at
        block, rest = blocks[i], match["rest"].strip()
        label = _raw(block)[: match.start("rest")].strip()
        title, text = rest, ""
        colon = re.match(r"^([^:]{2,80}):\s+(\S.*)$", rest)
        if colon:  # '161/19 Future Meeting Dates: The chairman suggested …'
            title, text = colon.group(1), colon.group(2)
        number = match["agenda"] or match[number_part]  # the agenda's number, when given
        shaped = [
            Block("item", title, block.where, ordered=True, number=number, marker=label),
        ]
        if text:
            shaped.append(Block("paragraph", text, block.where))
        blocks[i : i + 1] = shaped
        at += len(shaped) - 1
        notes.append((block.where, f"'{label}': point {number} numbered with the year"))
    return notes


_MARKER = re.compile(
    r"^[A-Z]{0,4}(?P<a>\d{1,3})[./](?P<b>\d{1,3})(?:\s*[-–:])?(?:\s+(?P<agenda>\d{1,2})\.)?$"
)


def minute_item(r: Walk, i: int) -> int | None:
    """A point `numbered_with_the_year` made ('160/19' over 'Confirmation of …', the year
    part that of the meeting's date): an item numbered 160, labelled as written; after a
    minute of the year, the agenda's number ('C052/23 5.' over a title in capitals of any
    length): item 5."""
    block = r.blocks[i]
    if block.kind != "item" or not block.ordered or not block.marker or not block.number:
        return None
    match = _MARKER.match(block.marker)
    date = r.m.get("date") or getattr(r, "date", None)  # the header's, or the one given
    if match is None or date is None or not block.text.strip():
        return None
    year = str(date)[2:4]
    parts = {match["a"], match["b"]}
    if match["agenda"]:  # 'C052/23 5.': the minute of the year, then the agenda's number
        if block.number != match["agenda"] or year not in parts:
            return None
    elif block.number not in parts or parts - {block.number} != {year}:
        return None
    number = int(block.number)
    if any(item.get("number") == number for item in r.items):
        return None
    item: dict[str, Any] = {"number": number, "label": block.marker, "title": block.text.strip()}
    if not match["agenda"] and not _from_one(r, number):  # '43.15': minute 43 of the year,
        del item["number"]  # not the meeting's 43rd item: the label as written, no number
    r.start_item(block, item, f"item '{block.marker}' (numbered with the year)")
    return i + 1


def _from_one(r: Walk, number: int) -> bool:
    """Do the meeting's minutes numbered with the year count its items from 1 ('1.19', '2.19'),
    rather than running on through the year ('43.15', '44.15': minutes 43 and 44 of 2015)?"""
    earlier = [item for item in r.items if _MARKER.match(str(item.get("label") or ""))]
    if not earlier:
        return number == 1
    return earlier[0].get("number") == 1
