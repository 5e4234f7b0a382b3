"""The programme's points told in the narrative that follows it (issue 22's ninth round): a
small named rule of `psc import`.

Minutes written as a narrative after their programme name no item; each paragraph that takes
up a point says so in its first words, the title inflected: 'Zpráva o činnosti' / 'Ve zprávě
o činnosti MS zmínil předseda …', 'Zpráva mysliveckého hospodáře' / 'Dále přečetl svoji
zprávu myslivecký hospodář.' (a hunting association's annual meeting); 'Vyhodnocení
nejúspěšnějších chovatelů', 'Diskuze' / 'Po předložení zprávy pokladní a revizní př. Josef
Pecha provedl vyhodnocení nejúspěšnějších chovatelů:', 'V diskuzi jsme popřáli ženám k
svátku …' (a breeders' annual meeting, zohumpolec.cz). Where the minutes have no numbered
or titled item, such a paragraph begins an item without a title, the programme's point it
takes up: the first point it names that is later than the last one taken up. Pure.
"""

from __future__ import annotations

import re
from typing import Any

_LEAD = 15
"""How many of the paragraph's first words may name the point."""


def _stems(title: str) -> list[str]:
    """The title's words of four letters or more, each without its ending ('Zpráva
    mysliveckého hospodáře' → 'zprá', 'mysliveck', 'hospod')."""
    words = re.findall(r"[^\W\d_]{4,}", title.casefold())
    return [w[: max(4, len(w) - 3)] for w in words]


def _names(words: list[str], stems: list[str]) -> bool:
    return bool(stems) and all(any(w.startswith(s) for w in words) for s in stems)


def point_taken_up(text: str, titles: list[str], after: int) -> int | None:
    """The index of the first programme point after `after` whose every word stands, inflected,
    among the paragraph's first words (within its first sentence); None when it names none."""
    first = re.split(r"(?<=\w{3}[.!?])\s+(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ])", text.strip(), maxsplit=1)[0]
    words = re.findall(r"[^\W\d_]+", first.casefold())[:_LEAD]
    found = [k for k in range(after + 1, len(titles)) if _names(words, _stems(titles[k]))]
    return found[0] if found else None


def begin_item(r: Any, block: Any, text: str) -> None:
    """Begin the item of the point the paragraph takes up (`point_taken_up`), when the walk `r`
    has a programme and only items without a number or title (the opening)."""
    if not r.items or any(item.get("number") is not None or item.get("title") for item in r.items):
        return
    after = getattr(r, "restated_at", 0)
    point = point_taken_up(text, [str(p.get("title", "")) for p in r.programme], after)
    if point is None:
        return
    r.restated_at = point
    r.flush_list()
    r.items.append({"content": []})
    r.container = r.items[-1]["content"]
    r.note(block, f"takes up point {point + 1} of the programme: an item without a title")
