"""The programme's titles repeated, without their numbers, as the headings of the items
(issue 22's fifth round).

Minutes that list their programme first often head each part of the text below with the
programme's own words and no number ('Program schůze:' / '1. Akce parlamentu' / … and
further down the line 'Akce parlamentu' over its paragraph). Such a line, a paragraph of its
own equal to a programme title no item has taken yet, starts that item, titled as written;
the programme's entries stay the programme. English minutes have the same rule in
`english.programme_title_as_item` (the W3C scribe's '* Topics' list); this one serves the
others through one hook in `recognise`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Protocol

from psc.edits.intake.blocks import Block


class Walk(Protocol):  # the parts of recognise's walk this rule uses
    blocks: list[Block]
    programme: list[dict[str, Any]]
    items: list[dict[str, Any]]
    in_programme: bool

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...


def _fold(text: str) -> str:
    value = unicodedata.normalize("NFC", re.sub(r"[*_]", "", text)).casefold()
    return " ".join(value.replace("–", "-").split()).strip(" .:;,-")


def heading(r: Walk, i: int) -> int | None:
    """A line repeating a title of the programme that no item has yet (no number, no more text)
    starts that item: the block to go on from, or None."""
    block = r.blocks[i]
    if not r.programme or block.kind not in ("paragraph", "heading"):
        return None
    titles = [_fold(str(entry.get("title", ""))) for entry in r.programme]
    folded = _fold(block.text)
    if not folded or "\n" in block.text.strip():
        return None
    used = {_fold(str(item["title"])) for item in r.items if item.get("title")}
    if folded not in titles or folded in used:
        return None
    at = titles.index(folded)
    r.in_programme = False
    title = block.text.strip().strip("*").strip()
    r.start_item(block, {"title": title}, f"the title of programme point {at + 1}: an item")
    return i + 1


def numbered_heading(r: Walk, i: int) -> int | None:
    """A short numbered line that no other rule read as an item ('4. Nákup keřů', worded
    otherwise than the programme's '4. zakoupení keřů k osazení našeho rybníka'), after the
    heading of an earlier point of the programme ('Starostenský guláš', point 2, in the
    programme's words): that point's item, numbered and titled as written. The block to go
    on from, or None."""
    block = r.blocks[i]
    numbered = block.kind == "item" and block.ordered and (block.number or "").isdigit()
    if not r.programme or not numbered or r.in_programme:
        return None
    titles = [_fold(str(entry.get("title", ""))) for entry in r.programme]
    used = {_fold(str(item["title"])) for item in r.items if item.get("title")}
    taken = [k for k, title in enumerate(titles) if title in used]
    title = block.text.strip()
    k = int(block.number or 0) - 1
    if not _heading_like(title) or not 0 < k < len(titles) or k in taken:
        return None
    if not any(t < k for t in taken) or any(item.get("number") == k + 1 for item in r.items):
        return None
    r.start_item(block, {"number": k + 1, "title": title}, f"programme point {k + 1}: an item")
    return i + 1


_MOST_WORDS = 10
"""A heading is short: ten words at most."""


def _heading_like(text: str) -> bool:
    return 0 < len(text.split()) <= _MOST_WORDS and not re.search(r"[.!?:;,]$", text.strip())
