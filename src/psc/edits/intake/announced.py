"""A programme announced in a sentence: a small named rule of `psc import`.

Minutes told as a narrative give their programme after a sentence of the opening rather than
under a label of its own: 'Program byl schválen všemi přítomnými členy … a byl následující:'
over '1. Zahájení' / '2. Zpráva o činnosti' / … (a hunting association's annual meeting),
'Nově zvolený výbor se na svém úvodním zasedání … mělo na programu jednání dva body:' over
'1) volbu předsedy výboru' / '2) dohodu o termínu …' (a club's committee). The sentence
stays what it is (text, or the decision that approves the programme); the numbered points
under it are the meeting's programme, not its items. A sentence that does not name the
programme ('Dále zmínil výčet mysliveckých akcí …:', 'Výbor projednal tyto body:' over points
with their text) announces a list, not the programme. Pure but for `begin`, which sets the
walk's state.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake import programme, shownhere
from psc.edits.intake.blocks import Block

_NAMES_PROGRAMME = re.compile(r"\b(?:program(?:u|em|e)?|pořad(?:u|em)?\s+jednání)\b", re.I)
"""The programme named in the sentence: 'Program byl schválen …', 'na programu jednání',
'seznámil přítomné s programem'."""

_MAX_TITLE_WORDS = 8
"""A programme's point is a title; a longer point is the text of an item."""


class Walk(shownhere.Walk, Protocol):
    """What this rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    english: bool

    def note(self, where: Block, what: str) -> None: ...


def announces(text: str) -> bool:
    """Does the paragraph end with a sentence that names the programme and a colon ('… a
    byl následující:', '… mělo na programu jednání dva body:')?"""
    text = text.strip()
    if not text.endswith(":"):
        return False
    sentences = re.split(r"(?<=\w{4}[.!?])\s+", text)
    return _NAMES_PROGRAMME.search(sentences[-1]) is not None


def titles_after(blocks: list[Block], k: int) -> list[str]:
    """The points numbered 1, 2, … from block `k`, when they are titles (two at least, each
    short, none of them a sentence of text); else none."""
    titles = programme.points_after(blocks, k)
    if len(titles) < 2:
        return []
    if any(len(t.split()) > _MAX_TITLE_WORDS or re.search(r"\w{3}[.!?]\s", t) for t in titles):
        return []
    return titles


def points_at(walk: Walk, i: int) -> int | None:
    """Where the programme's points begin when block `i`, a paragraph of the opening,
    announces them (the block after it); else None."""
    block = walk.blocks[i]
    if walk.in_programme or walk.programme or walk.started() or block.kind != "paragraph":
        return None
    if walk.english:  # 'program' is also a project's name there: Czech sentences only
        return None
    if announces(block.text) and titles_after(walk.blocks, i + 1):
        return i + 1
    return None


def begin(walk: Walk, i: int, follows: int | None) -> None:
    """The walk is at the first point a sentence announced (`points_at`, the sentence read
    as it is, perhaps in parts): the points are the programme, shown where they stand."""
    if follows is None or i != follows or walk.in_programme or walk.programme:
        return
    if walk.started():
        return
    shown_here = shownhere.programme_before_step(walk)
    walk.in_programme = True
    if shown_here:
        walk.add({"show": "programme"})
    walk.note(walk.blocks[i], "a sentence announced the programme: its numbered points")


def a_list_follows(content: list[Any]) -> bool:
    """Does the text read last end with a colon ('Dále zmínil výčet mysliveckých akcí v
    uplynulém mysliveckém roce:')? Then the numbered points under it are that list, not the
    items the programme numbers."""
    last = content[-1] if content else None
    return isinstance(last, str) and last.rstrip().endswith(":")
