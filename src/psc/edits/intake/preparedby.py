"""A walk rule for the minute taker named in a sentence of the minutes: 'Minutes were
prepared by Stephen Davidson.' (a working group's call), 'These are the Final Minutes of the
Teleconference described in the subject of this message, prepared by Chris Clements.' (the
forum's own call). The sentence stays where it is; english.py runs `read` among its walk
rules inside the items.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block
from psc.edits.intake.sentences import sentences


class Walk(Protocol):
    """What the rule uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]
    m: dict[str, Any]

    def note(self, block: Block | str, what: str) -> None: ...


_PREPARED = re.compile(
    r"\bminutes\b[^.]{0,120}?\b(?:were\s+|was\s+)?(?:prepared|taken)\s+by\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’-]+){1,3})\.?$",
    re.I,
)
"""'Minutes were prepared by Stephen Davidson.', '… Minutes of the Teleconference …, prepared
by Chris Clements.': a name of two to four capitalised words ending the sentence."""


def read(r: Walk, i: int) -> int | None:
    """The minute taker a sentence of block `i` names, when none is known (None: the block
    is not consumed)."""
    block = r.blocks[i]
    if block.kind != "paragraph" or "minute_taker" in r.m:
        return None
    for sentence in sentences(" ".join(block.text.split())):
        found = _PREPARED.search(sentence)
        if found is not None and found["name"].split()[0][:1].isupper():
            r.m["minute_taker"] = found["name"]
            r.note(block, f"'{sentence}' → minute taker {found['name']} (the sentence stays)")
            return None
    return None
