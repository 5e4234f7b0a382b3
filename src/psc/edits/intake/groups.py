"""People of an attendance line who attend for a body, the body named first: 'Hosté: z MV GŘ
HZS ČR – plk. Mgr. Radek Kislinger a kpt. Mgr. Jana Kemrová' (a fire brigade association's
council), 'Omluveni: Za VV SH ČMS: J. Slámečka, L. Janeba, V. Hulec' (its executive
committee). `body_group` reads such a value as the body and its people, the last two joined
by 'a' as in a sentence; anything else is no such group. `bodies_below` reads the groups an
attendance label alone on its line heads: each body on a line of its own, its people on the
lines below ('Přítomni:' / 'Vedení ZŠ' / 'M. Bulirschová – ředitelka ZŠ' / … / 'Výbor SRPŠ' /
'Markéta Petřinová' / …, a parents' association; 'Přítomni:' / 'Výbor KV:' / 'K. Mellar,
M. Ohřálová, …' / 'Revizní komise:' / …, a kennel club's regional conference).
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


_BODY_LINE = re.compile(r"^(?P<body>[A-ZÁ-Ž][^,:;.\d()–—-]{1,50}?)\s*(?P<colon>:)?$")
_ABBREVIATION = re.compile(r"\b[A-ZÁ-Ž]{2,}\b")
_MOST_BODY_WORDS = 5


def _body_line(line: str) -> str | None:
    """'Výbor KV:', 'Revizní komise:', 'Vedení ZŠ', 'Za obec': a body heading its people (a
    colon after it, or an abbreviation in capitals in it, or 'za' before it), or None."""
    match = _BODY_LINE.match(line.strip())
    if match is None or len(match["body"].split()) > _MOST_BODY_WORDS:
        return None
    body = match["body"].strip()
    if match["colon"] or _ABBREVIATION.search(body) or re.match(r"[Zz]a?e?\s", body):
        return body
    return None


def _people_line(line: str) -> list[str] | None:
    """'M. Bulirschová – ředitelka ZŠ', 'Markéta Petřinová', 'K. Mellar, M. Ohřálová, …':
    the people as written (a function or a note after a dash stays with the name), or None."""
    parts = [p.strip() for p in line.strip().rstrip(",").split(",") if p.strip()]
    names = [re.split(r"\s+[–—-]\s+", p, maxsplit=1)[0] for p in parts]
    if not parts or not all(_PERSON.match(n) and not _ABBREVIATION.search(n) for n in names):
        return None
    return parts


def bodies_below(lines: list[str]) -> tuple[list[dict[str, object]], int] | None:
    """The groups of bodies and their people that `lines` (the lines under an attendance
    label alone on its line, up to the next label) open with: two groups at least, each a
    body's line (`_body_line`) and one line of people or more; and how many lines they take.
    None when the lines open otherwise."""
    found: list[dict[str, object]] = []
    used = 0
    while used < len(lines):
        body = _body_line(lines[used])
        if body is None:
            break
        people: list[str] = []
        k = used + 1
        while k < len(lines) and _body_line(lines[k]) is None:
            more = _people_line(lines[k])
            if more is None:
                break
            people += more
            k += 1
        if not people:
            break
        found.append({"body": body, "people": people})
        used = k
    return (found, used) if len(found) >= 2 else None
