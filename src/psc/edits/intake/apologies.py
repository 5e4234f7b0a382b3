"""A walk rule for English minutes: the names under an item of apologies.

UK councils give apologies an item of their own ('APOLOGIES FOR ABSENCE.', 'Apologies for
Absence') and write under it who sent them, one sentence of names with their reasons in
parentheses, perhaps followed by what the meeting made of it: 'Cllr L Watson and Cllr J
Foster (family commitment), Cllr A Hart (work commitment) and Cllr H Allsopp (leave). The
meeting accepted these as proper reasons for non-attendance.' (Choppington Parish Council),
'Councillor T. Cramond (TC); County Councillor A. Wilkinson (AW);' (a parish council's
minutes of July 2023), 'Trustee Hayden did not attend.' (a village hall charity's trustees). The names are who was excused; the sentence stays the item's text, and
the sentences after it are read again as a paragraph of their own (a decision told in them is
one). Pure but for the recogniser it is given.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block
from psc.edits.intake.sentences import first_sentence

_APOLOGIES_TITLE = re.compile(r"^\W*apologies\b", re.I)
"""An item's title naming apologies ('APOLOGIES FOR ABSENCE.', 'Apologies for Absence')."""
_PERSON = re.compile(
    r"^(?:(?:Cllrs?|Councillors?|County|District|Trustees?|Mr|Mrs|Ms|Miss|Dr)\.?\s+)*"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+$"
)
"""'Cllr L Watson', 'County Councillor A. Wilkinson': capitalised words after titles."""


_NOT_ATTENDING = re.compile(
    r"\s+(?:did\s+not|could\s+not|was\s+unable\s+to|were\s+unable\s+to)\s+attend$", re.I
)
"""'… did not attend' after the names under an item of apologies: they are the excused."""


class Walk(Protocol):
    """What the rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    m: dict[str, Any]
    items: list[dict[str, Any]]
    requeue: Block | None

    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def names(sentence: str) -> list[str] | None:
    """The people a sentence of names lists ('Cllr L Watson and Cllr J Foster (family
    commitment), Cllr A Hart …'), their reasons left out; None when it says anything else."""
    bare = re.sub(r"\s*\([^()]*\)", "", sentence).strip().rstrip(".;,").strip()
    bare = _NOT_ATTENDING.sub("", bare)  # 'Trustee Hayden did not attend.'

    parts = [p.strip() for p in re.split(r"[,;]|\s+and\s+|\s+&\s+", bare) if p.strip()]
    if not parts or not all(_PERSON.match(p) for p in parts):
        return None
    return parts


def named_apologies(r: Walk, i: int) -> int | None:
    """The first paragraph of an item of apologies, opening with a sentence of names: they
    are the excused (when the header named none); that sentence stays the item's text, the
    rest is read next as a paragraph."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold or not r.items:
        return None
    item = r.items[-1]
    if item.get("content") or not _APOLOGIES_TITLE.match(str(item.get("title") or "")):
        return None
    attendees = r.m.get("attendees", {})
    if attendees.get("excused"):
        return None
    first, rest = first_sentence(block.text)
    people = names(first)
    if people is None:
        return None
    r.m.setdefault("attendees", {})["excused"] = people
    r.add(first)
    r.note(block, f"names under an item of apologies → excused ({len(people)})")
    if rest:
        r.requeue = Block("paragraph", rest, block.where)
        return i
    return i + 1
