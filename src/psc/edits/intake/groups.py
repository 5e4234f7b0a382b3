"""People of an attendance line who attend for a body, the body named first: 'Hosté: z MV GŘ
HZS ČR – plk. Mgr. Radek Kislinger a kpt. Mgr. Jana Kemrová' (a fire brigade association's
council), 'Omluveni: Za VV SH ČMS: J. Slámečka, L. Janeba, V. Hulec' (its executive
committee). `body_group` reads such a value as the body and its people, the last two joined
by 'a' as in a sentence; anything else is no such group.
"""

from __future__ import annotations

import re

_GROUP = re.compile(
    r"^(?P<body>(?:[Zz]a|[Zz]e?)\s+[^:–—]{2,60}?)\s*(?::|\s[–—-])\s+(?P<people>\S.*)$", re.S
)
"""'Za krajská sdružení: …', 'z MV GŘ HZS ČR – …': 'za' / 'z' / 'ze' and a body, then a colon
or a dash."""

_PERSON = re.compile(r"^(?:[a-zá-ž]{1,5}\.\s*)*(?:[A-ZÁ-Ž][\w.'-]*\.?\s*){1,6}$")
"""'plk. Mgr. Radek Kislinger', 'J. Slámečka': titles, then capitalised words only."""


def body_group(value: str) -> tuple[str, list[str]] | None:
    """('z MV GŘ HZS ČR', ['plk. Mgr. Radek Kislinger', 'kpt. Mgr. Jana Kemrová']) of
    'z MV GŘ HZS ČR – plk. Mgr. Radek Kislinger a kpt. Mgr. Jana Kemrová', or None."""
    match = _GROUP.match(value.strip())
    if match is None:
        return None
    people: list[str] = []
    for part in match["people"].rstrip(" .").split(","):
        people += [p.strip() for p in re.split(r"\s+a\s+", part) if p.strip()]
    if not people or not all(_PERSON.match(p) for p in people):
        return None
    return match["body"].strip(), people
