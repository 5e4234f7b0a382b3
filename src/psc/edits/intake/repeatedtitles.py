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
    numbered = block.kind == "item" and block.ordered and (block.number or "").isdigit()
    numbered = numbered and not r.in_programme  # the programme's own points are no headings
    if not r.programme or not (block.kind in ("paragraph", "heading") or numbered):
        return None
    titles = [_fold(str(entry.get("title", ""))) for entry in r.programme]
    folded = _fold(block.text)
    if not folded or "\n" in block.text.strip():
        return None
    used = {_fold(str(item["title"])) for item in r.items if item.get("title")}
    taken = [k for k, title in enumerate(titles) if title in used or _extended(title, used)]
    item: dict[str, Any] = {"title": block.text.strip().strip("*").strip()}
    if numbered:
        folded = ""  # a numbered line repeats no title: it may be the point in turn
    extending = _extending(folded, titles, taken)  # 'Rybářské závody pro členy MO …'
    turn = _numbered_in_turn(block, titles, taken) if numbered else None  # '4. Nákup keřů'
    if folded in titles and folded not in used:
        at = titles.index(folded)
    elif extending is not None:
        at = extending  # under the programme's 'rybářské závody'
    elif turn is not None:
        at, item = turn[0], {"number": turn[0] + 1, "title": turn[1]}
    else:
        return None
    r.in_programme = False
    r.start_item(block, item, f"the title of programme point {at + 1}: an item")
    return i + 1


_MOST_WORDS = 10
"""A heading is short: ten words at most."""


def _heading_like(text: str) -> bool:
    return 0 < len(text.split()) <= _MOST_WORDS and not re.search(r"[.!?:;,]$", text.strip())


def _extended(title: str, used: set[str]) -> bool:
    return any(taken.startswith(f"{title} ") for taken in used)


def _extending(folded: str, titles: list[str], taken: list[int]) -> int | None:
    """The programme point whose title a heading opens with and goes on from, in its words
    ('Rybářské závody pro členy MO ČRS Hovorčovice' under 'rybářské závody'), when the point
    before it has been taken by its heading (the headings follow the programme): its index."""
    if not _heading_like(folded):
        return None
    for k, title in enumerate(titles):
        if k in taken or len(title.split()) < 2 or not folded.startswith(f"{title} "):
            continue
        if k > 0 and k - 1 in taken:
            return k
    return None


def _numbered_in_turn(block: Block, titles: list[str], taken: list[int]) -> tuple[int, str] | None:
    """'4. Nákup keřů' (worded otherwise than the programme's '4. zakoupení keřů …') right after
    the headings of the programme's points before it: that point, numbered as written, titled
    by its heading. (index, title) or None."""
    title = block.text.strip()
    if not _heading_like(title):
        return None
    k = int(block.number or 0) - 1
    if not 0 < k < len(titles) or k in taken or k - 1 not in taken:
        return None
    return k, title
