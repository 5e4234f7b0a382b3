"""A point's number glued to its text: '2.Volba pověřeného zastupitele …' (a municipal
council's heading), '1.Šerif sdělil, že …', '3.Zdeněk Krejčí informoval o dopise, …' (a
settlement committee's numbered paragraphs), where a web page or a word processor dropped the
space after the number.

psc heads an item with its number and a space ('2. Volba …'); such a point keeps its number as
written, as the item's label run into its title (`run_in`), so the minutes render as the source
reads. A point whose text is a paragraph of prose, not a title, is titled by its first sentence,
the rest the item's text (psc prints an untitled item's label apart from its text). Pure.
"""

from __future__ import annotations

import re

from psc.edits.intake.tasks import _sentences

_GLUED = re.compile(r"^(?P<number>\d{1,2})\.(?P<first>[^\W\d_])")
"""'2.Volba', '1.Šerif': the number, its full stop, and a letter straight after it (not '1.2',
a sub-point's number, nor '2. Volba')."""


def glued(text: str) -> bool:
    """Whether a numbered line writes its number run into its text ('2.Volba …')."""
    return _GLUED.match(text.strip()) is not None


def first_sentence(text: str) -> tuple[str, str]:
    """A paragraph of prose as a title and the rest: its first sentence, and the sentences
    after it ('' when it is one sentence)."""
    parts = _sentences(text)
    return (parts[0], " ".join(parts[1:])) if parts else (text.strip(), "")
