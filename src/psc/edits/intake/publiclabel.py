"""A walk rule for English minutes: the members of the public who attended, named on a line
of their own after the attendance: '- Members of the General Public: Sand Martin from' (a
library's trustees, a bullet among the opening points). 'Members of the public: None' (a
village hall's trustees) names no one and stays text, as it was.

The people named are an attendance category labelled as written; the line stays where it
stood (a bullet in its list, a paragraph as text), so the minutes read as the source.
english.py runs `public_named` among its walk rules.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_LINE = re.compile(
    r"^(?P<label>members\s+of\s+the\s+(?:general\s+)?public)\s*:\s*(?P<who>[A-Z]\S*(?:\s+\S+){0,5})$",
    re.I,
)
"""'Members of the General Public: Sand Martin from': the label, then a name ('None' is no one)."""
_NO_ONE = re.compile(r"^(?:none|nil|no\s+one|nobody|n/?a)\b", re.I)


class Walk(Protocol):
    """What the rule uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]
    m: dict[str, Any]

    def text_kept(self, block: Block, why: str = ...) -> None: ...
    def list_item(self, block: Block) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def public_named(r: Walk, i: int) -> int | None:
    """'Members of the General Public: Sand Martin from' after the attendance: a category of
    the attendance, the line kept where it stands."""
    block = r.blocks[i]
    if block.kind not in ("paragraph", "item") or block.ordered or "attendees" not in r.m:
        return None
    match = _LINE.match(block.text.strip())
    if match is None or _NO_ONE.match(match["who"]):
        return None
    label = match["label"]
    category = {"label": label, "people": [match["who"].strip()]}
    r.m["attendees"].setdefault("categories", []).append(category)
    r.note(block, f"'{label}' → attendance category (the line stays)")
    if block.kind == "item":
        r.list_item(block)
    else:
        r.text_kept(block, "the members of the public: kept as text, too")
    return i + 1
