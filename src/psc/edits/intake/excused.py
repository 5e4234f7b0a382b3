"""An attendance line that counts those present and names who is excused, in one line:
'Přítomno: 6 členů zastupitelstva, P. Šefčíková omluvena - zaměstnání' (a municipal
council).

`split` reads such a value as its parts: the count of those present, in words after the
number ('6 členů zastupitelstva': 6, the words kept as the note), and the people excused with
the word that excuses them ('omluvena', the category's label) and the reason after a dash
('zaměstnání', its note). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COUNTED = re.compile(
    r"^(?P<count>\d{1,3})\s+(?:členů|členové|člen|zastupitelů|zastupitelé|zastupitel|osob|"
    r"radních|senátorů)\b[^,]*$",
    re.I,
)
_AFTER = re.compile(
    r"^(?P<name>[^\d,]{3,60}?)\s+(?P<word>omluven[aiyo]?)\b\s*(?:[-–—:]\s*(?P<why>\S.*))?$", re.I
)
_NAME = re.compile(r"^(?:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'-]*\.?\s*){1,4}$")


@dataclass(frozen=True)
class Parts:
    """A present line's parts: the count and its words, the excused with their label and
    reason."""

    count: int
    counted: str
    excused: list[str]
    word: str
    why: str | None


def split(value: str) -> Parts | None:
    """The parts of `value` (see the module), or None when it is not a count followed by
    people excused."""
    entries = [e.strip() for e in value.split(",")]
    if len(entries) < 2:
        return None
    counted = _COUNTED.match(entries[0])
    if counted is None:
        return None
    people: list[str] = []
    word, why = "", None
    for entry in entries[1:]:
        match = _AFTER.match(entry)
        if match is None or not _NAME.match(match["name"].strip()):
            return None
        people.append(match["name"].strip())
        word = word or match["word"]
        if match["why"]:
            why = match["why"].strip()
    return Parts(int(counted["count"]), entries[0], people, word, why)
