"""An attendance label on a line of its own over a bulleted list of its people (issue 22's
fifth round), in minutes of any language but English (whose `english.label_over_list` reads
the same shape and more):

    Přítomni:
     • Ing. Pavel Grund
     • Tomáš Sarnovský

The label and its bullets become one line 'Přítomni: Ing. Pavel Grund, Tomáš Sarnovský' (in
place) that the header reads as any attendance line. Only a list of short lines, each a
person (a few words, no sentence), is taken: a bulleted list of points under another label
stays a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from psc.edits.intake.blocks import Block

_ATTENDANCE = frozenset({"present", "excused", "absent", "guests", "attendees"})
"""Kinds of label (recognise's) whose people a bulleted list can give."""

_SENTENCE = re.compile(r"[!?:\d]|\s(?:a|je|jsou|byl[aoiy]?|se|and|is|was)\s", re.I)
"""A line that says more than a name: a label's colon, a number (a date, a count), a verb or
a conjunction of running text (a title's full stop is a name's: 'Ing. Pavel Grund')."""


def _person(text: str) -> str | None:
    """The line as a person ('p. Jiří Vašák;' → 'p. Jiří Vašák'), or None."""
    value = text.strip().rstrip(";,").strip()
    bare = re.sub(r"\s*\([^()]*\)", "", value)
    if not value or _SENTENCE.search(bare) or not 1 <= len(bare.split()) <= 6:
        return None
    if not any(word[:1].isupper() for word in bare.split()):
        return None
    return value


def joined(
    blocks: list[Block], is_label: Callable[[str], str | None]
) -> tuple[list[Block], list[tuple[str, str]]]:
    """The blocks with each attendance label over its bulleted people read as one line, and
    where it was done."""
    shaped = list(blocks)
    notes: list[tuple[str, str]] = []
    i = 0
    while i + 1 < len(shaped):
        head = shaped[i]
        text = head.text.strip()
        label = text[:-1].strip() if text.endswith(":") else ""
        if head.kind != "paragraph" or not label or is_label(label) not in _ATTENDANCE:
            i += 1
            continue
        k = i + 1
        people: list[str] = []
        while k < len(shaped) and shaped[k].kind == "item" and not shaped[k].ordered:
            person = _person(shaped[k].text)
            if person is None:
                break
            people.append(person)
            k += 1
        if not people or (k < len(shaped) and shaped[k].kind == "item" and not shaped[k].ordered):
            i += 1  # no bullets, or a bullet that is no person: the list stays as it is
            continue
        last = shaped[k - 1].where.split()[-1]
        where = f"{head.where}–{last}"
        shaped[i:k] = [Block("paragraph", f"{label}: {', '.join(people)}", where)]
        notes.append((where, f"'{label}' over its bulleted list: read as one line"))
        i += 1
    return shaped, notes
