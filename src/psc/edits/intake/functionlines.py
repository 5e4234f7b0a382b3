"""The attendance as one person a line with their function after a dash, without a label, as a
club's committee lists itself above its minutes ('Steve Lacey – Chair' / 'Charles Greenlees –
Treasurer' / 'Diane McGregor – Secretary', a bridge club; 'Claire Taylor – chair' / 'Ed Green
– secretary' / 'Lindsey Ellis – membership', a canoe club): above the first item, two such
lines at least in a row are who was present, each as written (the chair marked so is the
meeting's chair, as 'Mark (Chair)' is). Czech minutes write the same shape the other way
round, the function first and a colon ('Předseda: Jiří Veigrt', `function_first_lines`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_LINE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\s+[–—-]\s+"
    r"(?P<function>[A-Za-z][A-Za-z'’&/ ]{1,40}?)\.?$"
)
_MOST_FUNCTION_WORDS = 4


class Walk(Protocol):
    """What the walk rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    m: dict[str, Any]

    def started(self) -> bool: ...
    def note(self, block: Block | str, what: str) -> None: ...


def person_with_function(text: str) -> tuple[str, str] | None:
    """'Steve Lacey – Chair' → ('Steve Lacey', 'Chair'); None for any other line."""
    match = _LINE.match(" ".join(text.split()))
    if match is None or len(match["function"].split()) > _MOST_FUNCTION_WORDS:
        return None
    return match["name"], match["function"].strip()


def function_lines(r: Walk, i: int) -> int | None:
    """Two lines 'Name – function' at least, in a row, after the title and above the first
    item, with no one present read yet: who was present, each line as written."""
    attendees = r.m.get("attendees", {})
    if r.started() or "title" not in r.m or attendees.get("present"):
        return None
    k = i
    while (
        k < len(r.blocks)
        and r.blocks[k].kind == "paragraph"
        and not r.blocks[k].bold
        and person_with_function(r.blocks[k].text) is not None
    ):
        k += 1
    if k - i < 2:  # noqa: PLR2004
        return None
    people = [" ".join(b.text.split()) for b in r.blocks[i:k]]
    r.m.setdefault("attendees", {})["present"] = people
    r.note(r.blocks[i], f"lines 'name – function' without a label → present ({len(people)})")
    return k


_FUNCTION_FIRST = re.compile(
    r"^(?P<function>[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž]+(?:\s+[a-záčďéěíňóřšťúůýž]+){0,2})"
    r"\s*:\s*(?P<name>(?:[a-z]{1,3}\.\s?)?[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w.'’]*"
    r"(?:\s+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w.'’]*){0,3}?)"
    r"(?:\s*[–—-]\s*(?P<mark>(?:ne)?omluven[aiy]?|nepřítom(?:en|na|ni|ny|ný|ná)))?\.?$"
)
"""'Předseda: Jiří Veigrt', 'Jednatel : Petr Kopecký', 'Pokladní: Jan Čvančara – omluven',
'Brigádní referent : p.Dauda- omluven': a function (one to three words), a colon, a person
(one to four capitalised words, a form of address glued to the name allowed), and perhaps a
dash and the word that says the person was not there."""
_GUESTS_AFTER = re.compile(r"^(?P<label>Host[éi]?|Hosté)\s*[.:]\s*(?P<people>\S.*)$")
"""'Host. P.Král': the guest after the committee's lines, the label ending in a full stop."""


class _Walk(Walk, Protocol):
    def text_kept(self, block: Block, why: str = ...) -> None: ...


def _function_first(text: str, is_label: Callable[[str], str | None]) -> re.Match[str] | None:
    match = _FUNCTION_FIRST.match(" ".join(text.split()))
    if match is None or is_label(match["function"]) is not None:  # 'Datum: …', 'Zapsal: …'
        return None
    return match


def function_first_lines(r: _Walk, i: int, is_label: Callable[[str], str | None]) -> int | None:
    """A committee listed one function a line, the function first ('Předseda: Jiří Veigrt' /
    'Místopředseda: Jan Žák' / … / 'Pokladní: Jan Čvančara – omluven'), as the English
    minutes above list 'Name – function' (the same shape, in the other order): three such
    lines at least in a row, above the first item, no one present read yet. Each person is
    present, excused or absent as the word after the dash says, with the function as their
    role; a guests' line right after them ('Host. P.Král') gives the guests. The lines stay
    as written (the header's attendance row does not say them again)."""
    attendees = r.m.get("attendees", {})
    if r.started() or "title" not in r.m or attendees.get("present"):
        return None
    k = i
    found: list[re.Match[str]] = []
    while k < len(r.blocks) and r.blocks[k].kind == "paragraph" and not r.blocks[k].bold:
        match = _function_first(r.blocks[k].text, is_label)
        if match is None:
            break
        found.append(match)
        k += 1
    if len(found) < 3:  # noqa: PLR2004
        return None
    people: dict[str, list[dict[str, str]]] = {}
    for match in found:
        mark = (match["mark"] or "").casefold()
        kind = "absent" if mark.startswith(("ne", "nep")) else "excused" if mark else "present"
        person = {"name": match["name"].strip(), "role": match["function"]}
        people.setdefault(kind, []).append(person)
    guests = _GUESTS_AFTER.match(r.blocks[k].text.strip()) if k < len(r.blocks) else None
    if guests is not None and r.blocks[k].kind == "paragraph":
        people["guests"] = [{"name": p.strip()} for p in guests["people"].split(",")]
        k += 1
    target = r.m.setdefault("attendees", {})
    for kind in ("present", "excused", "absent", "guests"):
        if people.get(kind):
            target[kind] = [*target.get(kind, []), *people[kind]]
    for block in r.blocks[i:k]:
        r.text_kept(block, "a committee's line 'function: name' (its person read) kept as text")
    r.m.setdefault("labels", {})["attendees"] = ""  # the lines say who was there
    counts = ", ".join(f"{kind} {len(p)}" for kind, p in people.items())
    r.note(r.blocks[i], f"lines 'function: name' without a label → the attendance ({counts})")
    return k
