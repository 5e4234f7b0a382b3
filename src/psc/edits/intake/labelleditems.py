"""A programme label over the minutes' own numbered points: a small named rule of `psc import`.

Short minutes put 'Program:' over their points and write each point's text right under it,
so the label heads the items themselves, not a list of the programme: 'Program:' / '1)
Obsah prosincového vydání Radničního zpravodaje' / 'Členové redakční rady neměli
připomínek' / '2) …' (a town's editorial board), 'Program' / '1. Informace a příprava na
110. výročí školy (září 2018)' / '– Benefiční týden od 19. 5. do 25. 5. 2018' / … / '2.
Informace o zrušení školského obvodu …' (a school board). A programme lists its points one
after another; when text follows point 1 and point 2 comes only after it, the points are
items and the label stays text where it stands. Pure.
"""

from __future__ import annotations

import re

from psc.edits.intake import programme
from psc.edits.intake.blocks import Block

_BARE_NUMBER = re.compile(r"^\s*(?P<number>\d{1,2})\s*[.)]\s*$")
"""A point's number alone on its line, its title not given ('2) ')."""


def heads_items(blocks: list[Block], k: int) -> bool:
    """Do the numbered points from block `k` (under a programme's label) carry their text
    between them: point 1, then text that is no point, then point 2?"""
    if len(programme.points_after(blocks, k)) != 1:
        return False
    between = 0
    for block in blocks[k + 1 :]:
        if block.kind == "item" and not block.ordered:  # a bullet of the point's text
            between += 1
            continue
        found = programme.point(block)
        bare = _BARE_NUMBER.match(block.text)
        number = found[0] if found else int(bare["number"]) if bare else None
        if number is not None:
            return number == 2 and between > 0
        if block.kind == "heading" or programme.is_label(block.text):
            return False
        between += 1
    return False
