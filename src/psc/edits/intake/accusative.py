"""Roles the minutes tell as approved or designated, the people named in the accusative.

Czech minutes often record the minute-taker and the verifiers as the object of the body's
act: 'Všichni schválili navrženého zapisovatele (S. Zádovou), ověřovatele ( J. Nouzu a J.
Kolína ) a program zastupitelstva.', 'Předsedající navrhl určit a poté také určil
ověřovateli zápisu zastupitele Pavla Koukala a zastupitele Stanislava Zíku a zapisovatelem
zastupitele Jana Cimbůrka'. The act is a verb in the past ('schválili', 'určil', 'zvolilo':
a present 'schvaluje' only proposes); each role's noun is followed by its people, in
parentheses or not, perhaps each after a word of function ('zastupitele', 'pana'); the
names are given back in the nominative ('Zádovou' → 'Zádová', 'Nouzu' → 'Nouza', 'Kolína' →
'Kolín', 'Pavla Koukala' → 'Pavel Koukal'). Pure.
"""

from __future__ import annotations

import re

Designation = tuple[str, str, str | None]
"""(role: minute_taker or verifiers; the name in the nominative; gender: none here)."""

_ACT = re.compile(r"\b(?:schválil|určil|zvolil|jmenoval|ustanovil)[oaiy]?\b", re.I)
_ROLE = re.compile(
    r"(?:\bnavržen\w*\s+)?\b(?P<noun>zapisovatel|ověřovatel)(?:e|ku|ky|em|kou|i|ů)?\b"
    r"(?:\s+zápisu)?\s*\(?\s*",
    re.I,
)
_FUNCTION = frozenset(
    "zastupitele zastupitelku zastupitelky člena členku členy pana paní p. pí pí. "
    "místostarostu místostarostku starostu starostku radního radní".split()
)
"""Words of function or address before a name in the accusative ('zastupitele Pavla
Koukala'): not the name."""
_TITLE = re.compile(
    r"^(?:Bc|Ing|Mgr|MUDr|JUDr|PhDr|RNDr|Doc|doc|Prof|prof|Dr|arch)\.$|^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]\.$"
)
_WORD = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž'-]+$")
_SOFT = "šžčřcjťďň"


def nominative(word: str, *, last: bool) -> str:
    """A word of a name in the accusative, in the nominative: 'Zádovou' → 'Zádová', 'Bílou'
    (the surname) → 'Bílá', 'Suchého' → 'Suchý', 'Jiřího' → 'Jiří', 'Nouzu' → 'Nouza',
    'Ivu' → 'Iva', 'Kolína' → 'Kolín', 'Pavla' → 'Pavel', 'Cimbůrka' → 'Cimbůrek',
    'Tomáše' → 'Tomáš'. Titles and initials stay."""
    if _TITLE.match(word) or len(word) < 3:
        return word
    if word.endswith("ovou"):
        return word[:-4] + "ová"
    if word.endswith("ého"):
        return word[:-3] + "ý"
    if word.endswith("ího"):
        return word[:-3] + "í"
    if word.endswith("ou"):
        return word[:-2] + ("á" if last else "a")
    if word.endswith("u"):
        return word[:-1] + "a"
    if word.endswith("e") and word[-2] in _SOFT:
        return word[:-1]
    if word.endswith("a") and len(word) > 3:
        stem = word[:-1]
        if re.search(r"[^aeiouyáéíóúůýě][kl]$", stem) and not stem.endswith("ck"):
            stem = stem[:-1] + "e" + stem[-1]  # 'Pavl' → 'Pavel', 'Cimbůrk' → 'Cimbůrek'
        return stem
    return word


def _people(text: str) -> list[str]:
    """The names at the start of `text` ('J. Nouzu a J. Kolína ) a program …'), in the
    nominative, up to the first word that is no name ('program'), a closing parenthesis or
    the end of a clause."""
    people: list[str] = []
    current: list[str] = []

    def close() -> None:
        real = [w for w in current if not _TITLE.match(w)]
        if real:
            people.append(
                " ".join(
                    w if _TITLE.match(w) else nominative(w, last=w is real[-1]) for w in current
                )
            )
        current.clear()

    for token in text.split():
        word = token.strip("(")
        titled = bool(_TITLE.match(word))
        stop = word.endswith((",", ";", ")", ".")) and not titled
        core = word if titled else word.rstrip(",;).")
        if word == ")":
            break
        if core in ("a", "i") and current:
            close()
            continue
        if core.casefold() in _FUNCTION and not current:
            continue
        if not (_TITLE.match(core) or _WORD.match(core)):
            break
        current.append(core)
        if stop:
            break
    close()
    return people


def approved_roles(text: str) -> list[Designation]:
    """The minute-taker and verifiers a sentence tells as approved or designated by an act
    in the past, each with the people named after its noun, in the nominative."""
    found: list[Designation] = []
    for sentence in re.split(r"(?<=[a-záčďéěíňóřšťúůýž]{3}[.!?])\s+", text):
        act = _ACT.search(sentence)
        if act is None:
            continue
        for role in _ROLE.finditer(sentence, act.end()):
            kind = "minute_taker" if role["noun"].casefold().startswith("zapis") else "verifiers"
            names = _people(sentence[role.end() :])
            if kind == "minute_taker":
                names = names[:1]
            found += [(kind, name, None) for name in names]
    return found
