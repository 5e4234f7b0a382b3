"""Headings over bulleted points (issue 22's eleventh round): minutes that head each part with
a short line of its own in sentence case, without a number or a colon, and write the part as
bullet points under it ('Proběhlé a budoucí akce' / '• Úspěšně proběhlé akce: …', 'Přijímání
nových členů' / '• O aktivní členství zažádali …', an association's general meeting typeset
with LaTeX; 'Ekonomické výsledky za leden a únor 2021' over its text in a union's minutes is
the same heading without bullets, which `repeatedtitles` reads where a programme lists it).

`headings` finds them before the walk: a paragraph of one to eight words, capitalised, with
no stop, colon or number, right above a bulleted (unnumbered) point, and no attendance or
header label; two such at least in the document, else none (the shape must be the minutes'
own). The walk starts an item without a number at each, titled as written. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from psc.edits.intake.blocks import Block

_MOST_WORDS = 8
_TITLE = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][^:;\d\n]*[^\W\d]$")
"""Capitalised, no colon, semicolon or number ('K bodu 1) programu', 'Ad 3) Ples …' are the
items' own labels), ending in a word (no stop)."""


def _heading(block: Block, nxt: Block, is_label: Callable[[str], str | None]) -> bool:
    text = block.text.strip()
    if block.kind != "paragraph" or nxt.kind != "item" or nxt.ordered:
        return False
    if not _TITLE.match(text) or not 1 <= len(text.split()) <= _MOST_WORDS:
        return False
    return "**" not in text and is_label(text) is None


def headings(blocks: list[Block], is_label: Callable[[str], str | None]) -> set[int]:
    """The ids of the blocks that head bulleted parts of the minutes (two at least)."""
    found = {
        id(block)
        for block, nxt in zip(blocks, blocks[1:], strict=False)
        if _heading(block, nxt, is_label)
    }
    return found if len(found) >= 2 else set()  # noqa: PLR2004
