"""A walk rule for English minutes: the meeting's chair on a line of its own, labelled
'Meeting Chair:' ('Meeting Chair: Jon Tustin, Chair' under a commission on aging's attendance;
'*   Meeting chair: @sjn' in a security group's Markdown minutes).

The person is the meeting's chair (a function after a comma its `chair_function`), and the
line stays where it stood, as the minutes write it (psc's own chair line has no 'Meeting').
english.py runs `meeting_chair` among its walk rules.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_LINE = re.compile(
    r"^meeting\s+chair(?:person)?\s*:\s*(?P<name>[^,]{2,60}?)(?:,\s*(?P<function>[A-Z][\w -]{1,30}))?\s*$",
    re.I,
)


class Walk(Protocol):
    """What the rule uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]
    m: dict[str, Any]

    def text_kept(self, block: Block, why: str = ...) -> None: ...
    def list_item(self, block: Block) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def is_chair_line(text: str) -> bool:
    """'Meeting Chair: Jon Tustin, Chair': this rule's line (no title of a point)."""
    return _LINE.match(text.strip()) is not None


def meeting_chair(r: Walk, i: int) -> int | None:
    """'Meeting Chair: Jon Tustin, Chair': the chair (and their function), the line kept."""
    block = r.blocks[i]
    if block.kind not in ("paragraph", "item") or block.ordered or "chair" in r.m:
        return None
    match = _LINE.match(block.text.strip())
    if match is None:
        return None
    r.m["chair"] = match["name"].strip()
    if match["function"]:
        r.m["chair_function"] = match["function"].strip()
    r.note(block, f"'Meeting Chair' → chair {match['name'].strip()} (the line stays)")
    if block.kind == "item":
        r.list_item(block)
    else:
        r.text_kept(block, "the chair's line: kept as text, too")
    return i + 1
