"""Tasks the minutes tell as a charge given in the past tense, inside running text (issue 22's
fifth round): 'Redakční rada pověřila pana Sarnovského, aby v tomto ohledu požádal …',
'Výbor projednal možnost zájezdu … a pověřil předsedu kalkulací tohoto zájezdu.'. Such a sentence is a task without a deadline,
shown in its place; the sentences around it in the same paragraph stay what they are (the
paragraph is read again as its parts: the text before the charge, the charge, the text
after it). A charge in the present ('Rada pověřuje starostu …') is a resolution's wording,
not this rule's. Czech minutes only (`recognise` wires it with one line). Pure but for the
walk it is given.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from psc.edits.intake.blocks import Block
from psc.edits.intake.tasks import _sentences

_CHARGE = re.compile(r"\bpověřil[aoiy]?\s+\S", re.I)
"""'pověřila pana …', 'pověřil předsedu …': the past tense, active, followed by whom. (The
passive names roles as often as tasks: 'Řízením VH byl pověřen Ing. …' is the chair.)"""


class Walk(Protocol):  # the parts of recognise's walk this rule uses
    blocks: list[Block]
    tasks: list[dict[str, Any]]
    mode: str

    def started(self) -> bool: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def charge(sentence: str) -> bool:
    """Does the sentence give someone a charge, in the past tense ('… pověřila pana
    Sarnovského, aby …')? A question or a heading ending in ':' gives none."""
    text = sentence.strip()
    return bool(_CHARGE.search(text)) and not text.endswith(("?", ":"))


def split_around(r: Walk, i: int, found: Callable[[str], bool]) -> int | str | None:
    """Block `i`, a paragraph of running text, when one of its sentences is `found`: 'whole'
    when that sentence is the whole block, else the block split before and after it (and `i`
    returned, to read it again); None when none is."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold or not (r.started() or r.mode == "body"):
        return None
    text = block.text.strip()
    if "*" in text or "[" in text:
        return None  # Markdown marks: the sentence is not as written
    sentences = _sentences(text)
    at = next((k for k, s in enumerate(sentences) if found(s)), None)
    if at is None:
        return None
    if len(sentences) == 1:
        return "whole"
    parts = [" ".join(sentences[:at]), sentences[at], " ".join(sentences[at + 1 :])]
    r.blocks[i : i + 1] = [replace(block, text=part) for part in parts if part]
    return i


def in_text(r: Walk, i: int) -> int | None:
    """Block `i` as a charge (a task in its place), or split before and after the sentence of
    a charge among its sentences (read again from `i`); None when it gives no charge."""
    found = split_around(r, i, charge)
    if found != "whole":
        return found if isinstance(found, int) else None
    block = r.blocks[i]
    r.tasks.append({"text": block.text.strip(), "_kind": "none"})
    r.add({"assigned": len(r.tasks)})
    r.note(block, f"a charge given ('pověřil …'): task {len(r.tasks)}, no deadline")
    return i + 1
