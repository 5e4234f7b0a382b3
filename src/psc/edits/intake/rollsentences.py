"""A walk rule for an attendance told in running sentences by the people's names, as school
boards and city councils write their roll call ('Peasley, Funk, Cromer and Smiarowski
answered roll call. Evans entered the meeting at 6:13 p.m. … Secretary Rash was absent. Guests
were Bill Moore and Karen Abel.'; 'Gronen now present.', 'NICK FROHARDT is absent'):

- '<names> answered (the) roll call', '<names> (was|were) present': those present, a category
  labelled by the words after the names;
- '<name> entered the meeting at <hour>', '<name> arrived at <hour>': a category of its own,
  labelled as written (psc has no arrival hour for a person);
- '<names> (was|were|is|are) absent': absent;
- 'Guests were <names>', 'Visitors present were <names>': the guests;
- '<Members> present included <names>': those present, labelled '<Members> present';
- 'Roll call – <names>': those who answered, labelled 'Roll call';
- '<name> present, <name> present, …' ('… answered present'): a roll call's answers, present.

The sentences stay where they are (the rule consumes nothing); rollcall.py reads the chair and
'… was also present'. english.py runs `read` among its walk rules inside the items.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block
from psc.edits.intake.sentences import sentences


class Walk(Protocol):
    """What the rule uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]
    m: dict[str, Any]

    def note(self, block: Block | str, what: str) -> None: ...


_ONE = (
    r"(?:(?:Secretary|Treasurer|President|Vice[- ]President|Director|Superintendent|Trustee|"
    r"Member|Mayor|Councilmember|Councillor|Cllr|Chr|Clk|Mrs?|Ms|Dr)\.?\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
)
_ONE_TOLD = (
    r"(?:(?:Secretary|Treasurer|President|Vice[- ]President|Director|Superintendent|Trustee|"
    r"Member|Mayor|Councilmember|Councillor|Cllr|Chr|Clk|Mrs?|Ms|Dr)\.?\s+)?"
    r"(?:(?:[Mm]embers|[Tt]rustees)\s+)?(?:[A-Z]\.\s*){0,2}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
)
"""A name ('Peasley', 'Secretary Rash', 'G. Ansley', "J. D'Arcy"), perhaps after an office,
or an office in the plural before the names it heads ('Trustees, G. Ansley, …', 'Trustees J.
D'Arcy and D. Rife', 'members Michael Brogan, …': left out of the names)."""
_OFFICES = re.compile(
    r"^(?:[Tt]rustees|[Mm]embers|[Cc]ouncillors|[Cc]ouncilmembers|[Cc]ommissioners|[Dd]irectors|"
    r"[Ss]electmen)\b,?\s*"
)
_NAMES = rf"{_ONE}(?:\s*,\s*{_ONE})*(?:,?\s+and\s+{_ONE})?"
_PRESENT = re.compile(r"\s+(?P<words>answered\s+(?:the\s+)?roll\s*call|(?:were|was)\s+present)\.?$")
"""The end of a sentence of those present, after their names: read by `_told`."""
_ARRIVED = re.compile(
    rf"^(?P<names>{_ONE})\s+(?P<words>(?:entered\s+the\s+meeting|arrived|joined\s+the\s+meeting)"
    r"\s+at\s+[\d:.]+\s*(?:[ap]\.?\s?m\.?)?)\.?$"
)
_ABSENT = re.compile(r"\s+(?P<words>(?:was|were|is|are)\s+absent)\.?$")
"""The end of a sentence of the absent, after their names: read by `_told`."""
_ONE_NAME = re.compile(_ONE_TOLD)


def _told(sentence: str, end: re.Pattern[str]) -> dict[str, str] | None:
    """The names a sentence ending in `end` tells ('Peasley, Funk, Cromer and Smiarowski
    answered roll call.', "Trustees J. D'Arcy and D. Rife were absent."), perhaps after a label
    ('MEMBERS OF BOARD PRESENT: President Selfridge, … were present.', 'Present: Chairman Peter
    Zawisza, members … were present.'): {'names': …, 'words': …}, or None. Each name is
    matched alone (a list matched by one pattern may take exponential time to fail)."""
    found = end.search(sentence)
    if found is None:
        return None
    names = sentence[: found.start()]
    if ":" in names:  # the names after the last label's colon
        head, _, names = names.rpartition(":")
        if not names[:1].isspace():
            return None
    names = names.strip()
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", names)
    if not names or not all(_ONE_NAME.fullmatch(part) for part in parts):
        return None
    return {"names": names, "words": found["words"]}


_ROLL_CALL = re.compile(rf"^(?P<words>(?i:roll\s*call))\s*[:–-]\s*(?P<names>{_NAMES})\.?$")
"""'ROLL CALL – Roy Allen and Bruce Savage': those who answered the roll call."""
_INCLUDED = re.compile(rf"^(?P<words>[A-Z][a-z]+\s+present)\s+included\s+(?P<names>{_NAMES})\.?$")
_ANSWERED = r"\s+(?:answered\s+)?[\"“]?present[\"”]?"
_EACH_PRESENT = re.compile(
    rf"^(?:[^,]*\bas\s+follows[,:]\s*)?(?P<names>{_ONE}{_ANSWERED}"
    rf"(?:\s*,\s*(?:and\s+)?{_ONE}{_ANSWERED})*(?:,?\s+and\s+{_ONE}{_ANSWERED})?)\.?$"
)
"""'Chr. Zeller present, Commissioner Meier present, Commissioner Fanning present.',
'Clk. Waggener asked for roll call as follows, Commissioner Meier answered present,
Commissioner Fanning answered present and Chr. Zeller answered present.' (each name with its answer to the roll call, two at
least)."""
_CHAIR = re.compile(r"^(?P<role>Chr\.|Chair(?:man|woman|person)?)\s+(?P<name>[A-Z].*)$")
"""A chair's title before a name in the roll call ('Chr. Zeller'): the meeting's chair."""
_GUESTS = re.compile(
    rf"^(?P<words>Guests|Visitors)(?:\s+present)?\s+(?:were|was|included)\s+(?P<names>{_NAMES})\.?$"
)


def _split(names: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", names) if p.strip()]
    return [name for p in parts if (name := _OFFICES.sub("", p))]


def read(r: Walk, i: int) -> int | None:
    """The attendance in block `i`'s sentences (none consumed: None)."""
    block = r.blocks[i]
    if block.kind != "paragraph":
        return None
    for sentence in sentences(" ".join(block.text.split())):
        attendees = r.m.setdefault("attendees", {})
        categories = attendees.setdefault("categories", [])
        absent = _told(sentence, _ABSENT)
        if absent and not attendees.get("absent"):
            attendees["absent"] = _split(absent["names"])
            r.note(block, f"'{sentence}' → absent (the sentence stays)")
            continue
        each = _EACH_PRESENT.match(sentence)
        if each and len(people := _split(re.sub(_ANSWERED, "", each["names"]))) >= 2:
            if not any(c.get("label") == "Present" for c in categories):
                categories.append({"label": "Present", "people": people})
                r.note(block, f"'{sentence}' → attendance 'Present' (the sentence stays)")
            chair = next((c for p in people if (c := _CHAIR.match(p))), None)
            if chair and "chair" not in r.m:  # 'Chr. Zeller present, …'
                r.m["chair"] = {"name": chair["name"], "role": chair["role"]}
            continue
        found = (
            _told(sentence, _PRESENT)
            or _ARRIVED.match(sentence)
            or _GUESTS.match(sentence)
            or _INCLUDED.match(sentence)
            or _ROLL_CALL.match(sentence)
        )
        if found is None:
            continue
        label = found["words"]
        if any(c.get("label") == label for c in categories):
            continue
        categories.append({"label": label, "people": _split(found["names"])})
        r.note(block, f"'{sentence}' → attendance '{label}' (the sentence stays)")
    for key in ("categories",):
        if not r.m.get("attendees", {}).get(key):
            r.m.get("attendees", {}).pop(key, None)
    if not r.m.get("attendees"):
        r.m.pop("attendees", None)
    return None
