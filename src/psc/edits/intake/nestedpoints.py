"""Numbered sub-points of a word processor's list, in any language.

Minutes written as one numbered list (Word's or LibreOffice's own numbering) put the points
of an item one level deeper, numbered by the list under the item's number: '6 Reports were
made:' / '6.1 Mark Littlewood, the National Co-ordinator (pro. tem.) delivered an oral
report; …' / '6.2 Phil Booth, Treasurer (pro. tem.) made an interim financial report …', and
'8.3 Bloc of Three:' / '8.3.1 Mark Dziecielewski: …' (a campaign's annual general meeting).
Such a point, a list's point indented below the item whose number its own begins with, is a
sub-item of that item, labelled with its number as the list writes it; a short title ending
in a colon ('Bloc of Three:') is the sub-item's title, any other text is its text, read as
any paragraph is (an officer's report, a statement).

A point numbered so in plain text at the margin ('3.2 SM stood down as vice chair …', a
minute's number) is no list's deeper level: it is left to the other rules.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_DOTTED = re.compile(r"^(?P<top>\d{1,3})(?:\.\d{1,3})+$")
_TITLE_WORDS = 8


class Walk(Protocol):
    """What the walk rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    items: list[dict[str, Any]]

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...


def _title(text: str) -> str | None:
    """'Bloc of Three:' (a few words and a colon, nothing after): a title; else None."""
    plain = text.replace("**", "").strip()
    if not plain.endswith(":") or len(plain.split()) > _TITLE_WORDS:
        return None
    return None if re.search(r"[.!?;:]\s", plain) else plain


def sub_point(r: Walk, i: int) -> int | None:
    """'6.1 …' indented under item 6: a sub-item labelled '6.1' (None: not such a point)."""
    block = r.blocks[i]
    if block.kind != "item" or not block.ordered or block.indent <= 0:
        return None
    match = _DOTTED.match(block.number or "")
    numbered = [item for item in r.items if isinstance(item.get("number"), int)]
    if match is None or not numbered or numbered[-1]["number"] != int(match["top"]):
        return None
    label = block.marker or block.number or ""
    text = block.text.strip()
    title = _title(text)
    item: dict[str, Any] = {"label": label, "subitem": True}
    if title is not None:
        item["title"] = title
    r.start_item(block, item, f"sub-item '{label}' of item {match['top']}")
    if title is not None:
        return i + 1
    r.blocks[i] = Block("paragraph", text, block.where)  # its text, read as a paragraph
    return i
