"""A speaker the minutes name only by their function (issue 22's fifth round): 'Místopředsedkyně
připomněla akce, které se během roku uskutečnily.', 'Předsedkyně parlamentu řekla, že …' (a
pupils' parliament), 'Starostka obce seznámila rodiče o vyhlášení konkurzu', 'Ředitel školy
seznámil členy školské rady s aktuálními informacemi …' (school boards). When
no one is named for the function (`statements.by_function` gives the named speaker where the
minutes named them with it before), the statement's speaker is the function as written: a
function word first, perhaps with one word of its body in lower case, then a verb of speaking.
Pure; `statements.statements_in` tries it last.
"""

from __future__ import annotations

import re

_SAYING = re.compile(
    r"^(?:řekl|připomněl|sdělil|uvedl|informoval|seznámil|vysvětlil|zdůraznil)[aoiy]?$"
)
"""Verbs of saying that report what was said (not 'navrhl' or 'předložil': proposing is the
act of the function, which minutes record as their own text)."""
_RANK = re.compile(r"^(?:Hlavní|Vrchní|Krajsk[ýá]|Okresní|Oblastní)$")
"""An adjective of rank before the function ('Hlavní poradkyně chovu …', 'Krajský velitel')."""


def alone(sentence: str, functions: frozenset[str]) -> str | None:
    """'Předsedkyně parlamentu řekla, že …' → 'Předsedkyně parlamentu', the speaker (the
    sentence is their statement); None when the sentence does not open so."""
    words = sentence.split()
    first = 1 if len(words) > 1 and _RANK.match(words[0]) and words[1] in functions else 0
    if len(words) < 3 + first or not words[0][0].isupper():
        return None
    if words[first].casefold() not in functions:
        return None
    for k in range(first + 1, min(first + 5, len(words))):  # up to three words of its body
        verb = words[k].strip(",;:").casefold()
        if _SAYING.match(verb):
            return " ".join(words[:k])
        if not re.fullmatch(r"[a-záčďéěíňóřšťúůýž]+", words[k]) or words[k] in functions:
            return None
    return None
