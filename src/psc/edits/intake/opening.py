"""The opening of a meeting as a part of its own: a heading 'Zahájení' (or 'Úvod', 'Zahájení
zasedání zastupitelstva') above the chair's opening, before any numbered item: 'Zahájení' /
'Schůzi rady předsedal starosta, …' (a municipal board, its PDF transcript), 'Zahájení zasedání
zastupitelstva' / 'Zasedání zastupitelstva obce Bořetín … bylo zahájeno …' (a municipal
council). The programme's first point, written without its number: an item without a number,
titled as written. Pure.
"""

from __future__ import annotations

import re

_OPENING = re.compile(
    r"^(?:zahájení|úvod)(?:\s+(?:zasedání|jednání|schůze|porady)(?:\s+[\wáčďéěíňóřšťúůýž]+)?)?"
    r"\s*:?$",
    re.I,
)


def is_opening(title: str) -> bool:
    """Whether a heading is the opening's ('Zahájení', 'Zahájení zasedání zastupitelstva')."""
    return _OPENING.match(" ".join(title.split())) is not None
