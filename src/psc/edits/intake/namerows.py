"""The people of an attendance label continued on the lines below it, without commas.

Two shapes of one habit, a label with its first people on its line and the others under them:
one person a line ('Present: James Buck' / 'Bruce Coulombe' / 'Atelka Turney', a strata
council's minutes on a web page), and names set in columns, which a PDF's text runs together
row by row ('1. PRESENT: Maureen Buchanan Peter Yeung' / 'Amy Hendricks Tom Hargraves' /
'Corinne Inglis'). `below` reads the rows under the label's line as more of its people (the
recogniser's `wrapped_attendance` keeps the lines as written: psc would print the people
joined by commas). A row of four or six capitalised words and nothing else is two or three
people of two words each (the columns); any other row of two or three such words is one
person (a short note in brackets after it kept with it). A row is names and nothing else: no
colon, no comma, no sentence, no initials.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from psc.edits.intake.blocks import Block

_WORD = re.compile(r"^[A-Z][a-z]+(?:['’-][A-Za-z]*)*$")
"""A capitalised word of a name ('Buchanan', 'O’Planter', 'Cote’'): no initials, no capitals."""
_NOTE = re.compile(r"\s*\([^()]{1,30}\)$")
"""A short note in brackets after a name ('(#7)')."""


def row(text: str) -> list[str] | None:
    """The people of a row of names ('Amy Hendricks Tom Hargraves' → two), or None when the
    row is anything else."""
    text = text.strip()
    note = _NOTE.search(text)
    words = (text[: note.start()] if note else text).split()
    if not 2 <= len(words) <= 6 or not all(_WORD.match(w) for w in words):
        return None
    if len(words) in (4, 6) and note is None:  # names in columns: two words each
        return [" ".join(words[k : k + 2]) for k in range(0, len(words), 2)]
    return [text] if len(words) <= 3 else None


def below(value: str, blocks: Sequence[Block]) -> tuple[list[str], int] | None:
    """The people of `value` (an attendance label's people, on its line) and of the rows of
    names right below it in `blocks`, and how many rows; None unless `value` is a row of names
    and one row at least follows it."""
    people = row(value)
    used = 0
    while people is not None and used < len(blocks):
        block = blocks[used]
        more = row(block.text) if block.kind == "paragraph" and not block.bold else None
        if more is None:
            break
        people += more
        used += 1
    return (people, used) if people is not None and used else None
