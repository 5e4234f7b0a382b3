"""A walk rule for English minutes: parts of the meeting before its numbered items.

A meeting may open with parts the agenda does not number, each on a line of its own between
the header and item 1: a part named in capitals before a colon ('CALL TO ORDER / ROLL CALL:
4:35 P.M.', Oakland's Parks and Recreation Advisory Commission; 'CALL TO ORDER: Chair
Rodenhausen called the meeting to order at 3:00 p.m.', Carlsbad's Senior Commission), or
short titles in capitals and small letters, one a line, the last right above item 1 ('Public
Reception', 'City Council Oaths of Office', 'Economic Development Authority (Minutes
published separately.)', Roseville's city council). Each is an item without a number, titled
as written (a part named before a colon takes the time after it into its title, any other
words after the colon are its first paragraph). Lines that name the header (a label such as
'Present:'), a decision ('RESOLVED:') or an action are no parts.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_NAMED_PART = re.compile(r"^(?P<name>[A-Z][A-Z0-9 /&'’,.()-]*[A-Z)])\s*:\s*(?P<rest>.*)$", re.S)
_TIME_ONLY = re.compile(r"^\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s*m\.?)?$", re.I)
_NOT_PARTS = re.compile(
    r"^(?:resolved|resolution|decision|action|actions|motion|note|notes|agenda|minutes|"
    r"attachment|attachments|present|absent|apologies|date|time|place|venue|location)\b",
    re.I,
)
_SMALL = frozenset("a an and as at by for from in of on or the to with".split())
_MAX_WORDS = 8


class Walk(Protocol):
    """What the rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    m: dict[str, Any]
    items: list[dict[str, Any]]
    requeue: Block | None

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...
    def is_label(self, text: str) -> str | None: ...


def _numbered(block: Block) -> bool:
    return block.kind == "item" and block.ordered and (block.number or "").isdigit()


def _titled(text: str) -> bool:
    """'City Council Oaths of Office', 'Economic Development Authority (Minutes published
    separately.)': a few words, each capitalised but the small ones, no sentence."""
    bare = re.sub(r"\s*\([^()]*\)", "", text).strip()
    words = bare.split()
    if not 1 < len(words) <= _MAX_WORDS or re.search(r"[:;,]|[.!?]$", bare):
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w.casefold() in _SMALL for w in words)


def _titled_run_to_items(r: Walk, i: int) -> bool:
    """Is block `i` one of a run of titled lines that ends right above the first numbered
    item?"""
    k = i
    while k < len(r.blocks) and r.blocks[k].kind == "paragraph" and not r.blocks[k].bold:
        if not _titled(r.blocks[k].text.strip()) or r.is_label(r.blocks[k].text) is not None:
            return False
        k += 1
    return k < len(r.blocks) and _numbered(r.blocks[k])


def part_before_items(r: Walk, i: int) -> int | None:
    """A part of the meeting before its first numbered item (see the module): an item
    without a number."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold or "date" not in r.m or "title" not in r.m:
        return None
    if any(isinstance(item.get("number"), int) for item in r.items):
        return None
    if not any(_numbered(b) for b in r.blocks[i + 1 :]):
        return None
    text = block.text.strip()
    named = _NAMED_PART.match(text)
    if named is not None:
        name, rest = named["name"].strip(), named["rest"].strip()
        if (
            len(re.findall(r"[A-Z]{2,}", name)) < 2
            or r.is_label(name) is not None
            or _NOT_PARTS.match(name)
        ):
            return None
        title = text if not rest or _TIME_ONLY.match(rest) else name
        r.start_item(block, {"title": title}, f"'{name}': a part of the meeting before item 1")
        if title == name and rest:
            r.requeue = Block("paragraph", rest, block.where)
            return i
        return i + 1
    if _titled_run_to_items(r, i):
        r.start_item(block, {"title": text}, "a title above item 1: a part of the meeting")
        return i + 1
    return None
