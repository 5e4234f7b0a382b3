"""A decision the minutes tell as the body's agreement, in a sentence of running text (issue
22's fifth round): 'U příspěvku Ing. Urbánka se členové redakční rady shodli, že znění dvou vět
je … nepřijatelné …' (a town newsletter's editorial board), 'Výbor se dohodl, že do příští
schůze výboru bude zastávat funkci jednatele p. Libor Dobeš.' (a breeders' club committee).
The body (or its members) agreed: the sentence is a resolution, adopted, in its place; the
sentences around it in the same paragraph stay what they are (`charged.split_around`).
An agreement without the body as its subject ('Domluvili se, že akci … zpracuje …') is no
resolution here. Czech minutes only (`recognise` wires it with one line).
"""

from __future__ import annotations

import re
from typing import Any

from psc.edits.intake import charged

_BODY = (
    r"(?:členové|přítomní|účastníci|výbor|rada|komise|zastupitelstvo|senát|shromáždění)"
    r"(?:\s+[^\W\d_]+){0,3}?"
)
_AGREED = re.compile(
    rf"(?:^|\s)(?:{_BODY}\s+se|se\s+{_BODY})\s+(?:shodl|dohodl|usnesl)[aoiy]?\s*,?\s+(?:že|na)\s"
    rf"|^{_BODY}\s+(?:(?:jednomyslně|také|rovněž|dále)\s+)?odsouhlasil[aoiy]?\s",
    re.I,
)
"""'… se členové redakční rady shodli, že …', 'Výbor se dohodl, že …'; the body the subject
of the sentence that agrees to a thing: 'Výbor odsouhlasil nákup jedné čtečky čipů' (a
breeders' club committee)."""


def agreement(sentence: str) -> bool:
    """Does the sentence tell the body's agreement ('Výbor se dohodl, že …')?"""
    text = sentence.strip()
    return bool(_AGREED.search(text)) and not text.endswith(("?", ":"))


def in_text(r: charged.Walk, i: int) -> int | None:
    """Block `i` as the body's agreement (a resolution, adopted), or split around the sentence
    of one among its sentences (read again from `i`); None when it tells none."""
    found = charged.split_around(r, i, agreement)
    if found != "whole":
        return found if isinstance(found, int) else None
    block = r.blocks[i]
    decision: dict[str, Any] = {"decision": block.text.strip(), "outcome": "adopted"}
    r.add(decision)
    r.note(block, "the body's agreement told in a sentence → resolution, adopted")
    return i + 1
