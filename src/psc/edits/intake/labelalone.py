"""A label of the attendance or of a role alone on its line, without a colon, over its
people on the next line, in any language: 'Anwesende Mitglieder' over 'Leon Farchau, Andre
Siewert, …' (an .odt's bold lines), 'Moderation' over 'Hanno' and 'Anwesende' over 'Hanno,
Mic, Torsten, Flo, Guido' (a wiki's table turned into text).

`joined` reads such a pair back as the one line 'Label: people' it stands for, before the
recogniser walks the blocks, so that the header reads it as any labelled line; no word is
lost. A role takes one person (one to four capitalised words), an attendance a line of names
separated by commas; anything else (a count: 'Anwesende' over '7 Personen', a sentence) is
left as it is. In minutes whose labels psc words in the group's own language (a Czech group's),
only a category's label is joined, as it is kept as written; a label psc prints in its own
words stays on its line ('Present' over names in a Czech group's import).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from psc.edits.intake.blocks import Block

Note = tuple[str, str]

_ATTENDANCE = {"present", "excused", "absent", "guests", "attendees", "category"}
_ROLE = {"chair", "minute_taker"}
_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
"""A word of a name: it starts with a letter ('Hans-Christan', 'Björn', 'O’Neill')."""


def _plain(text: str) -> str:
    return re.sub(r"[*_]{1,3}", "", text).strip()


def _name(text: str) -> bool:
    """One person: one to four words, each starting with a capital letter."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(_WORD.match(w) and w[0].isupper() for w in words)


def _names(text: str) -> bool:
    """People separated by commas, two at least, and nothing else."""
    parts = [p.strip() for p in text.rstrip(".").split(",")]
    return len(parts) >= 2 and all(_name(p) for p in parts)


def joined(
    blocks: list[Block], is_label: Callable[[str], str | None], *, categories_only: bool = False
) -> tuple[list[Block], list[Note]]:
    """The blocks with each label alone over its people as one line (see the module), and
    notes for the report; with `categories_only`, only labels of a category are joined."""
    out: list[Block] = []
    notes: list[Note] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        label = _plain(block.text)
        kind = (
            is_label(label)
            if block.kind in ("paragraph", "heading")
            and nxt is not None
            and nxt.kind == "paragraph"
            and not label.endswith(":")
            and 0 < len(label.split()) <= 4
            else None
        )
        if categories_only and kind != "category":
            kind = None
        value = _plain(nxt.text) if nxt is not None else ""
        people = (kind in _ROLE and _name(value)) or (kind in _ATTENDANCE and _names(value))
        if nxt is None or not people:
            out.append(block)
            i += 1
            continue
        where = f"{block.where}–{nxt.where.split()[-1]}"
        out.append(
            replace(block, kind="paragraph", text=f"{label}: {value}", where=where, bold=False)
        )
        notes.append((where, f"'{label}' over its people on the next line: read as one line"))
        i += 2
    return out, notes
