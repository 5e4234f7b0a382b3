"""Block rules for an attendance written as a list of people in one paragraph, each perhaps
with the organisation they come for: 'Abhishek Bhat - (eMudhra), Adriano Santoni - (Actalis
S.p.A.), …' (a standards forum's working group and the forum itself), under its label as a
heading of its own ('## Attendees'), or after a label that has no colon ('Those Attending Mrs M
Leamon, Mr R Bivon, …, 9 members of the public.', 'Apologies Mr J Nicholas-Letch, Mr E Taylor
and Borough Councillor C Sampson').

Either gives one line 'Label: people' (in place) that the header reads as any other label
line; the heading's words, or the line as written, stay before it as text of the minutes,
so the imported minutes read as the source does. english.py runs both among its block rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from psc.edits.intake.blocks import Block

Note = tuple[str, str]

_ATTENDANCE = {"present", "excused", "absent", "guests", "attendees", "category"}

_WORD = r"(?:[A-Z][\w.'’-]*|[A-Z]\.?|de|van|von|der|da|di|du|la|le)"
_ORGANISATION = r"(?:\s*[-–]\s*|\s+)\([^()]{1,80}\)"
_PERSON = re.compile(rf"^{_WORD}(?:\s+{_WORD}){{0,5}}(?:{_ORGANISATION})?$")
"""'Abhishek Bhat - (eMudhra)', 'Tsung-Min Kuo - (Chunghwa Telecom)', 'Mrs C Hardy (Clerk)',
'Borough Councillor C Sampson': capitalised words, perhaps an organisation or a function in
brackets after a dash or a space."""
_COUNTED = re.compile(
    r"^\d+\s+(?:members?|residents?|others?|člen\w*|zastupitel\w*|osob\w*)\b[\w\s]*$", re.I
)
"""'9 members of the public', '17 členských obcí dle prezenční listiny' (the member
municipalities of a union, by the list of attendance): a count of those who are not named,
closing the list."""


def _people(text: str) -> bool:
    """Is `text` a list of people and nothing else (two at least, separated by commas and a
    last 'and'), perhaps closed by a count of others?"""
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+|\s+&\s+", text.strip().rstrip("."))]
    if parts and _COUNTED.match(parts[-1]):
        parts = parts[:-1]
    return len(parts) >= 2 and all(_PERSON.match(p) for p in parts)


def heading_over_people(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """'## Attendees' over one paragraph of people with their organisations: one line
    'Attendees: …' (in place)."""
    notes: list[Note] = []
    for i in range(len(blocks) - 1):
        head, body = blocks[i], blocks[i + 1]
        label = head.text.strip().rstrip(":").strip()
        if head.kind != "heading" or body.kind != "paragraph" or len(label.split()) > 4:
            continue
        if is_label(label) not in _ATTENDANCE or not _people(body.text):
            continue
        blocks[i : i + 2] = [  # the heading's words stay text (no section of their own)
            Block("paragraph", head.text.strip(), head.where),
            Block("paragraph", f"{label}: {body.text.strip()}", body.where),
        ]
        notes.append((head.where, f"'{label}' over the paragraph of its people: one line"))
        break  # one attendance heading: the list shifted, so stop
    return notes


def label_without_colon(blocks: list[Block], is_label: Callable[[str], str | None]) -> list[Note]:
    """'Those Attending Mrs M Leamon, …', 'Apologies Mr J …, Mr E Taylor and …': a line
    opening with an attendance label of one to three words and no colon, the rest of it a
    list of people: 'Label: people' (in place)."""
    notes: list[Note] = []
    for i, block in reversed(list(enumerate(blocks))):
        if block.kind != "paragraph" or ":" in block.text:
            continue
        for n in (3, 2, 1):
            opening = re.match(rf"^((?:\S+\s+){{{n - 1}}}\S+)\s+(\S.*)$", block.text.strip(), re.S)
            if opening is None:
                continue
            label, rest = opening.groups()
            if is_label(label) in _ATTENDANCE and _people(rest):
                blocks[i + 1 : i + 1] = [Block("paragraph", f"{label}: {rest}", block.where)]
                notes.append((block.where, f"'{label}' with its people, no colon: read so"))
                break
    return notes


_AND = re.compile(r"\s+(?:and|&)\s+")


def split_last(people: list[str]) -> list[str]:
    """'…, Mr E Taylor and Borough Councillor C Sampson': the last two people of an English
    list joined by 'and' are two (each of them a person's capitalised words); so are those of
    a Czech list joined by 'a' ('…, Veronika Burgerová, Martin Kurečka a Dominika Krejčí na
    telefonu'), each a first name and a surname, the last perhaps with a note after it."""
    if not people:
        return people
    halves = _AND.split(people[-1].strip().rstrip("."))
    if len(halves) == 2 and all(_PERSON.match(h) for h in halves):
        return [*people[:-1], *halves]
    halves = _A.split(people[-1].strip().rstrip("."))
    if len(people) > 1 and len(halves) == 2 and _CS_PERSON.fullmatch(halves[0]):
        if _CS_PERSON_NOTED.fullmatch(halves[1]):
            return [*people[:-1], *halves]
    return people


_A = re.compile(r"\s+a\s+")
_CS_NAME = r"[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’-]+"
_CS_PERSON = re.compile(rf"{_CS_NAME}(?:\s+{_CS_NAME}){{1,2}}")
"""'Martin Kurečka': a first name and a surname (or two), each capitalised."""
_CS_PERSON_NOTED = re.compile(rf"{_CS_NAME}(?:\s+{_CS_NAME}){{1,2}}(?:\s+[a-záčďéěíňóřšťúůýž]+)*")
"""'Dominika Krejčí na telefonu': a person, perhaps with a note after the name in lower case."""


def counted(part: str) -> str | None:
    """'9 members of the public.': a count of people who are not named, closing a list of
    people (the category's note), or None."""
    return part.strip() if _COUNTED.match(part.strip().rstrip(".")) else None


_CATEGORY_LABEL = re.compile(r"^(?:[a-z]+\s+)?[a-z]+s\s+present$")
"""'Library Trustees Present', 'Board Members Present': the people of one kind present, named
by the minutes (a plural before 'present'; not 'Maybe present')."""


def category_label(folded: str) -> str | None:
    """'category' for an English attendance label naming its own kind of people (folded),
    else None."""
    return "category" if _CATEGORY_LABEL.match(folded) else None
