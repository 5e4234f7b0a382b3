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
