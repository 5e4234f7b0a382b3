"""The chair named as the subject of the opening sentence, after the function they hold:
'Předseda Rady vlády pro koordinaci boje s korupcí Jiří Dienstbier zahájil jednání v 9.30
hodin.' (a government council), 'Předseda mikroregionu Ing. Karel Macků přivítal přítomné,
…' (a union of municipalities), 'Předseda Akademického senátu 1. LF UK, P. Strejc, zahájil
zasedání v 15.05 hodin.' (a faculty's senate).

The sentence begins with the function (předseda, starosta, ředitel, …, and the body's words
after it); the name is the run of capitalised words (and titles, initials) right before the
verb that opens the meeting or welcomes those present. Pure.
"""

from __future__ import annotations

import re

Designation = tuple[str, str, str | None]

_FUNCTION = (
    r"(?:Předsed(?:a|kyně)|Místopředsed(?:a|kyně)|Starost(?:a|ka)|Místostarost(?:a|ka)"
    r"|Ředitel(?:ka)?|Děkan(?:ka)?|Rektor(?:ka)?|Primátor(?:ka)?|Hejtman(?:ka)?)"
)
_SENTENCE = re.compile(
    rf"(?:^|(?<=\s))(?P<function>{_FUNCTION})\s+(?P<words>[^!?]{{2,160}}?)\s+"
    r"(?P<verb>zahájil(?P<f1>a)?\s+(?:jednání|zasedání|schůzi|poradu|valnou\s+hromadu)"
    r"|přivítal(?P<f2>a)?\s+(?:všechny\s+)?přítomné)\b"
)
_SENTENCE_END = re.compile(r"[a-záčďéěíňóřšťúůýž]{3}[.]\s")
_TITLE = re.compile(
    r"^(?:Bc|Ing|Arch|Mgr|JUDr|MUDr|MVDr|PhDr|RNDr|PaedDr|doc|prof|Dr|plk|mjr|npor|kpt)\.$",
    re.I,
)
_INITIAL = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]\.$")
_WORD = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž'-]+$")


def _name_before(words: str) -> str | None:
    """The name that ends the words (read backwards until a word that is no part of it)."""
    name: list[str] = []
    for token in reversed(words.split()):
        word = token.rstrip(",")
        if token != word and name:
            break  # 'Akademického senátu 1. LF UK, P. Strejc,': the apposition begins
        if _WORD.match(word) or _TITLE.match(word) or _INITIAL.match(word):
            name.insert(0, word)
            continue
        break
    while name and (_TITLE.match(name[0]) is None and _INITIAL.match(name[0]) is None):
        if len(name) <= 3:
            break
        name.pop(0)  # more capitalised words than a name has: the body's name before it
    real = [w for w in name if _WORD.match(w)]
    if not real or len(name) < 2 or len(name) == len(words.split()):
        return None
    return " ".join(name)


def opened_by(text: str) -> list[Designation]:
    """The chair the opening sentence names by function and name (see the module)."""
    match = _SENTENCE.search(text)
    if match is None:
        return []
    if _SENTENCE_END.search(match["words"]):
        return []
    name = _name_before(match["words"])
    if name is None:
        return []
    return [("chair", name, "female" if match["f1"] or match["f2"] else "male")]
