"""A point's number alone on its line, its text on the lines below (issue 22's ninth round):
a small named rule of `psc import`.

Web minutes number their points and sometimes leave the number alone on its line, the point's
text (bullets, paragraphs) below it: '1) Obsah prosincového vydání Radničního zpravodaje' /
'Členové redakční rady neměli připomínek' / '2) ' / ' • Příprava únorového vydání RZ' / … /
'3) Diskuse' (a town's editorial board). The bare number, next in the sequence of the items
numbered so far, starts the item of that number without a title, its number as written; a
bare number out of sequence, or before any numbered item, stays text. Pure.
"""

from __future__ import annotations

import re
from typing import Any

_BARE = re.compile(r"^(?P<number>\d{1,2})\s*[.)]$")


def number(text: str, items: list[dict[str, Any]]) -> int | None:
    """The number of the next item when `text` is that number alone ('2)', '2.'), else None."""
    match = _BARE.match(text.strip())
    numbers = [item["number"] for item in items if isinstance(item.get("number"), int)]
    if match is None or not numbers or int(match["number"]) != numbers[-1] + 1:
        return None
    return int(match["number"])


def continues(blocks: list[Any], block: Any, item_indent: int, items: list[dict[str, Any]]) -> bool:
    """Is the numbered line `block` of `blocks`, indented deeper than the item it follows, the next
    item all the same: its number next in the sequence, and no line at the item's indent
    below it takes that number ('  3) Diskuse' where the page indents the rest of the
    minutes; not '    2. Artifactory …' under '1. Property report' with '2. General' below)?"""
    at = next((k for k, b in enumerate(blocks) if b is block), None)
    numbers = [item["number"] for item in items if isinstance(item.get("number"), int)]
    if not (block.kind == "item" and block.ordered and (block.number or "").isdigit()):
        return False
    if at is None or not numbers or int(block.number) != numbers[-1] + 1:
        return False
    return not any(
        b.indent <= item_indent and b.kind == "item" and b.ordered and b.number == block.number
        for b in blocks[at + 1 :]
    )
