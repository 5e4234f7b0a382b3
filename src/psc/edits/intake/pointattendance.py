"""Attendance on a numbered line of the minutes, the line kept as written.

Minutes numbered through the year give their attendance as a minute, its title a label in
capitals run into the list, the list under a label of its own ('37.PRESENT Councillors: P
Blackwell, B Cook, … D Wright & Mrs G Wright Also PCSO Abi Land & four members of the public
…', a community council; 'Present: Councillors:L Maude, J Stedman, …' and 'Present …
Councillors: Mark Frankland (In the Chair), Susan Marr & Chris Plant.', two parish councils'
web pages, quoted in tests/test_intake_segment.py); or as sub-minutes of the apologies
('1.1Approved apologies:Maureen Penny MP (Chair and Community Governor), …', '1.2Absent:
Martyn Kelham MK (Community Governor), …', a school's governing body; '3.1 Apologies: Cllr
…'). `read` takes such a line:

- a minute titled by an attendance label with the list run in ('37.PRESENT Councillors: …'):
  the item of its number (a number glued to the title is its label, as `capsrunin` keeps it),
  the people under the list's own label ('Councillors') a category of the attendance, ending
  where a sentence-like 'Also' starts the next group; the words after the title the item's
  text, as written;
- a sub-minute numbered 'N.M' whose text is an attendance label and its list ('1.2Absent: …';
  a label qualified by a participle, 'Approved apologies', is the label's kind): that kind of
  attendance, when the minutes have not named it yet; the line stays the item's text.

english.py runs it first among its walk rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_ATTENDANCE = {"present", "attendees", "excused", "absent", "guests"}

_MINUTE = re.compile(
    r"(?P<number>\d{1,3})\.(?P<space>\s*)(?P<title>[A-Z]{3,}(?:\s+[A-Z]{2,}){0,2})"
    r"\s+(?P<rest>[A-Z].*)",
    re.DOTALL,
)
"""'37.PRESENT Councillors: P Blackwell, …': the minute's number, its title in capitals, the
words after it."""
_OWN_LABEL = re.compile(r"(?P<label>[A-Z][a-z]+(?:\s+[a-z]+)?)\s*:\s*(?P<people>\S.*)", re.DOTALL)
"""'Councillors: P Blackwell, …', 'Councillors:L Maude, …': a list under a label of its own."""
_SUB = re.compile(
    r"(?P<number>\d{1,3}\.\d{1,3})\.?\s*(?P<label>[A-Z][a-z]+(?:\s+[a-z]+)?)\s*:\s*"
    r"(?P<people>[A-Z].*)",
    re.DOTALL,
)
"""'1.1Approved apologies:Maureen Penny MP (…), …': a sub-minute's number, a label and its
people."""
_QUALIFIED = re.compile(
    r"(?:approved|accepted|received|noted|further|other)\s+(?P<label>\w+)", re.I
)
"""A label qualified by a participle ('Approved apologies'): the label's kind."""
_ALSO = re.compile(r"\s+Also\s+(?=[A-Z])")
"""'… & Mrs G Wright Also PCSO Abi Land …': the next group of the attendance begins."""


class Walk(Protocol):
    """What `read` uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]
    m: dict[str, Any]
    in_programme: bool

    def started(self) -> bool: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...
    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...
    def attendance(self, where: str, label: str, kind: str, value: str) -> None: ...
    def is_label(self, text: str) -> str | None: ...


def _kind(r: Walk, label: str) -> str | None:
    """The kind of an attendance label, a participle before it ('Approved apologies') left
    aside; None for any other words."""
    kind = r.is_label(label)
    qualified = _QUALIFIED.fullmatch(label)
    if kind is None and qualified is not None:
        kind = r.is_label(qualified["label"])
    return kind if kind in _ATTENDANCE else None


def _named(r: Walk, kind: str, label: str) -> bool:
    """Has the attendance this kind, or a category of this label, already?"""
    attendees = r.m.get("attendees", {})
    return bool(attendees.get(kind)) or any(
        c.get("label") == label for c in attendees.get("categories", [])
    )


def own_label(text: str, is_label: Callable[[str], str | None]) -> tuple[str, str] | None:
    """The label of its own and the people of a list inside an attendance ('Councillors: P
    Blackwell, … D Wright & Mrs G Wright Also PCSO …' → 'Councillors', 'P Blackwell, … Mrs G
    Wright'), or None: no such label, or one the intake knows ('Apologies: …', a label of the
    header's)."""
    match = _OWN_LABEL.fullmatch(text.strip())
    if match is None or is_label(match["label"]) is not None:
        return None
    return match["label"], _ALSO.split(match["people"])[0].strip().rstrip(".")


def read(r: Walk, i: int) -> int | None:
    """An attendance minute or sub-minute (see the module): the block to go on from, or None."""
    block = r.blocks[i]
    if block.kind != "paragraph":
        return None
    text = block.text.strip()
    minute = _MINUTE.fullmatch(text)
    own = own_label(minute["rest"], r.is_label) if minute is not None else None
    if minute is not None and own is not None and _kind(r, minute["title"]) is not None:
        label, people = own
        item: dict[str, Any] = {"title": minute["title"], "label": f"{minute['number']}."}
        if minute["space"]:
            item = {"number": int(minute["number"]), **item}
        else:
            item["run_in"] = True
        r.in_programme = False
        r.start_item(block, item, f"item {minute['number']}: the attendance, titled as written")
        if not _named(r, "category", label):
            r.attendance(block.where, label, "category", people)
        r.add(minute["rest"].strip())
        return i + 1
    sub = _SUB.fullmatch(text)
    kind = _kind(r, sub["label"]) if sub is not None and r.started() else None
    if sub is None or kind is None:
        return None
    kind = "present" if kind == "attendees" else kind
    if _named(r, kind, sub["label"]):
        return None
    r.attendance(block.where, sub["label"], kind, sub["people"].strip().rstrip(",."))
    r.add(text)
    r.note(block, f"'{sub['number']} {sub['label']}': attendance on a sub-minute, kept as written")
    return i + 1
