"""The attendance as one person a line with their function after a dash, without a label, as a
club's committee lists itself above its minutes ('Steve Lacey – Chair' / 'Charles Greenlees –
Treasurer' / 'Diane McGregor – Secretary', a bridge club; 'Claire Taylor – chair' / 'Ed Green
– secretary' / 'Lindsey Ellis – membership', a canoe club): above the first item, two such
lines at least in a row are who was present, each as written (the chair marked so is the
meeting's chair, as 'Mark (Chair)' is).
"""

from __future__ import annotations

import re
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
