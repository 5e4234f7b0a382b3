"""A person's function written after their name and a comma in an attendance list, in any
language: 'Mrs A Brindley, Parish Clerk/Responsible Finance Officer, Mr D L Nicholson …',
'Mrs P Alder Assistant Clerk and Management Officer, Melton Parish Council', 'Ing. Jan
Novák, starosta'. The function (or the body the person serves) belongs to the person before
it, not a person of its own: it stays with the name, as written. Pure."""

from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset(
    """clerk officer secretary treasurer chair chairman chairwoman chairperson mayor deputy
    director manager administrator admin assistant executive president council committee
    starosta starostka místostarosta místostarostka předseda předsedkyně místopředseda
    místopředsedkyně tajemník tajemnice ředitel ředitelka účetní hospodář hospodářka
    zapisovatel zapisovatelka jednatel jednatelka""".split()
)
"""Words of a function or of the body a person serves (English, Czech)."""

_HONORIFIC = re.compile(
    r"^(?:mr|mrs|ms|miss|dr|cllr|councillor|prof|sir|dame|rev|ing|mgr|bc|pan|paní|pí|p)\.?$",
    re.I,
)


def is_function(part: str) -> bool:
    """'Parish Clerk/Responsible Finance Officer', 'Melton Parish Council', 'starosta': a
    short part naming a function or a body (one of its words a function's), without an
    honorific or an initial that would make it a person."""
    words = part.strip().rstrip(".").split()
    if not 1 <= len(words) <= 8 or re.search(r"\d", part):
        return False
    if any(_HONORIFIC.match(w) or re.fullmatch(r"[A-Z]\.?", w) for w in words):
        return False
    folded = {piece.casefold() for w in words for piece in re.split(r"[/&-]", w) if piece}
    if not folded & _FUNCTION_WORDS:
        return False
    last = max(k for k, w in enumerate(words) if _function_word(w))
    after = words[last + 1 :]  # 'Library Director Celina Houlne': the function, then a name
    return not (after and all(_NAME_WORD.fullmatch(w) for w in after))


_NAME_WORD = re.compile(r"[A-Z][a-z][\w'’-]*")
"""A word of a name ('Houlne', 'Mounce'; not an abbreviation, 'KV')."""


def _function_word(word: str) -> bool:
    return any(p.casefold() in _FUNCTION_WORDS for p in re.split(r"[/&-]", word) if p)


def with_functions(parts: list[str]) -> list[str]:
    """The people of a list split at its commas, each function after a person joined to the
    person before it ('Mrs A Brindley, Parish Clerk/Responsible Finance Officer'); a function
    that opens the list, no person before it, belongs to the person after it ('In attendance:
    PCC Secretary, Edward Tobin')."""
    people: list[str] = []
    for part in parts:
        if people and is_function(part) and not is_function(people[-1]):
            people[-1] = f"{people[-1]}, {part}"
        elif len(people) == 1 and is_function(people[0]) and not is_function(part):
            people[0] = f"{people[0]}, {part}"
        else:
            people.append(part)
    return people
