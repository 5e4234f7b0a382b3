"""Roles besides chair, minute-taker and verifiers that minutes designate with their
members: the drafting, mandate and election commissions and the tellers ('Návrhová komise:
Milan Žejdlík a František Hromádko', 'II. Složení návrhové komise: A. Babínská, L. Dlabáčová
a ing. J. Látal, ověřovatelé zápisu: …', 'Mandátová komise: …', 'Skrutátoři: …',
'volba sčítací komise – M. Kratochvílová, P. Bouda'); and a chair the minutes name only by function ('Jednání řídil předseda
výboru.', 'The meeting was chaired by the Mayor.'). The line or sentence stays where it is. Pure.
"""

from __future__ import annotations

import re
from typing import Any

from psc.edits.intake.roles import _names

_KINDS = (
    ("presidium", r"pracovní\w*\s+předsednictv\w*"),
    ("drafting_commission", r"návrhov\w*\s+(?:a\s+\w+\s+)?komis\w*|drafting\s+committee"),
    ("mandate_commission", r"mandátov\w*\s+(?:a\s+\w+\s+)?komis\w*"),
    ("election_commission", r"volební\w*\s+(?:a\s+\w+\s+)?komis\w*|election\s+committee"),
    ("tellers", r"skrutátor\w*|sčitatel\w*(?:\s+hlasů)?|sčítací\s+komis\w*|tellers?|scrutineers?"),
)
"""Each kind of role and the words that name it (a commission of two kinds, 'Mandátová a
volební komise', is the kind named first). The working presidium of a general meeting
('pracovní předsednictvo') is no kind of psc's format: it stands under its own label."""
_LABELS = {"presidium": "pracovní předsednictvo"}
"""The label of a role the format has no kind for, in the nominative."""

_ROLE = re.compile(
    r"(?:^|(?<=\s))(?P<label>(?:(?:složení|členové|volba|members\s+of(?:\s+the)?)\s+)?"
    r"(?P<name>" + "|".join(f"(?:{words})" for _, words in _KINDS) + r"))"
    r"(?:\s+[A-ZČŘŠŽ]{2,6})?(?:\s*\((?:abecedně|v\s+abecedním\s+pořadí)\))?"  # 'VH (abecedně)'
    r"\s*(?::|\s[–-]\s|\s+ve\s+složení\s*:?|\s+(?:byl[aiy]?\s+|jsou\s+|were\s+)?"
    r"(?:zvolen[aiy]?|určen[aiy]?|jmenován[aiy]?|navržen[aiy]?|appointed|elected)"
    r"(?:\s*\((?:abecedně|v\s+abecedním\s+pořadí)\))?\s*:?)\s*",
    re.I,
)


def kind_of(name: str) -> str | None:
    """The kind of a role by the words naming it ('Návrhová komise' → drafting_commission)."""
    for kind, words in _KINDS:
        if re.match(words, name.strip(), re.I):
            return kind
    return None


def designated(text: str) -> list[dict[str, Any]]:
    """The roles `text` designates with their members: [{kind, label, people}], in order; a
    role named without members ('Mandátová a volební komise:') designates nobody."""
    found: list[dict[str, Any]] = []
    for match in _ROLE.finditer(text):
        people, _end = _names(text[match.end() :], many=True)
        kind = kind_of(match["name"])
        if people and kind in _LABELS:
            found.append({"label": _LABELS[kind], "people": people})
        elif people and kind is not None:
            found.append({"kind": kind, "label": match["name"].strip(), "people": people})
    return found


_FUNCTION = (
    r"(?:místo)?starost(?:a|ka|ou)(?:\s+(?:obce|města|městyse|městské\s+části))?"
    r"|(?:místo)?předsed(?:a|kyně|ou|kyní)(?:\s+\w+){0,2}"
    r"|(?:the\s+)?(?:mayor|chairman|chairwoman|chairperson|chair|president)"
)
_CHAIRED = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:jednání|zasedání|schůzi|schůze)\s+(?:\w+\s+){0,2}?"
    r"(?:zahájil[a]?\s+a\s+)?řídil[a]?|(?:the\s+)?meeting\s+was\s+chaired\s+by)"
    r"\s+(?P<function>" + _FUNCTION + r")\s*(?:\.(?:\s|$)|$)",
    re.I,
)


def chair_function(text: str) -> str | None:
    """'Jednání řídil předseda výboru.' → 'předseda výboru': the chair named by function
    only (a name after the function, 'starosta obce p.b.kysílko', is no such line)."""
    match = _CHAIRED.search(text.strip())
    return match["function"].strip() if match else None


_LABEL_LINE = re.compile(r"^[^:]{1,60}:")
_ELECTED = re.compile(
    r"^(?:(?P<verifiers>ověřovatel\w*(?:\s+zápisu)?|verifiers?)|"
    r"(?P<minute_taker>zapisovatel\w*|minute[\s-]taker))\s*:\s*(?P<names>\S.*)$",
    re.I,
)


def elected_among_roles(texts: list[str]) -> dict[int, tuple[str, list[str]]]:
    """The verifiers or minute-taker a line designates among the lines electing the
    meeting's commissions ('Návrhová komise: …' / 'Mandátová a volební komise:' /
    'Ověřovatelé: Ondřej Schulz, Milan Pečenka'; 'Mandátová komise: …' / 'Zapisovatel:
    Růžena Špalková'): {index of the line: (verifiers or minute_taker, names)}. Such a line
    inside an item is no footer: the roles of these minutes are being elected."""
    found: dict[int, tuple[str, list[str]]] = {}
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and _LABEL_LINE.match(texts[j].strip()):
            j += 1
        if any(_ROLE.match(texts[k].strip()) for k in range(i, j)):
            for k in range(i, j):
                match = _ELECTED.match(texts[k].strip())
                role = "verifiers" if match and match["verifiers"] else "minute_taker"
                names = _names(match["names"], many=role == "verifiers")[0] if match else []
                if names:
                    found[k] = (role, names)
        i = max(j, i + 1)
    return found
