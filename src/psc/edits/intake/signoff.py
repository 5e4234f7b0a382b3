"""A rule for English minutes: who wrote the minutes, signing them off at their end.

US minutes close with who wrote them under 'Respectfully submitted,': 'Respectfully
Submitted,' / 'Jasmine Bellow' / 'Assistant to the Director' / 'Recording Secretary'
(Oakland's Parks and Recreation Advisory Commission), 'Respectfully submitted, Charlene
Buckalew Minutes clerk' (Carlsbad's Senior Commission, the words ending a paragraph),
'Respectfully Submitted,' / 'Gary Fox' (a library's trustees, joined into one line by a hard
wrap). The name after it is who recorded the minutes (`recorded_by`: the sign-off at their
end, as 'Zapsal(a): …' closes Czech minutes; the minute taker is one designated at the
meeting), the lines of capitalised words after the name (or the words after it naming a clerk
or secretary) their function; the text stays where it is. Pure but for the recogniser given.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_SUBMITTED = re.compile(
    r"(?:^|[.!?]\s+)respect(?:fully|ively)\s+submitted(?:\s+by\b)?\s*,?\s*(?P<rest>.*)$", re.I
)
"""'Respectfully submitted,', 'Respectfully submitted by Linda L. Day' (and its common slip,
'Respectively submitted by June Heilman, Secretary')."""
_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+$")
_NAME_AND_FUNCTION = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*\s+[A-Z][\w'’-]+),?\s+"
    r"(?P<role>(?:[A-Z][\w'’-]*\s+)?(?i:clerk|secretary|recorder|minute\s+taker))$"
)
"""'Charlene Buckalew Minutes clerk': the name, then the function on the same line."""
_FUNCTION = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|to|of|the|and|for|&))*$")
_MAX_FUNCTION_LINES = 2


class Walk(Protocol):
    """What the rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    m: dict[str, Any]

    def note(self, block: Block | str, what: str) -> None: ...


def submitted_by(r: Walk) -> None:
    """The last 'Respectfully submitted,' over a name (or with it after the comma): who
    recorded the minutes (with the function the lines after the name give), when the minutes
    named no one."""
    if "recorded_by" in r.m:
        return
    for i in range(len(r.blocks) - 1, -1, -1):
        block = r.blocks[i]
        match = _SUBMITTED.search(block.text.strip()) if block.kind == "paragraph" else None
        if match is None:
            continue
        after = i + 1 if not match["rest"] else i  # 'Respectfully Submitted, Gary Fox'
        if after >= len(r.blocks):
            return
        name = match["rest"].strip() or r.blocks[after].text.strip()
        both = _NAME_AND_FUNCTION.match(name)
        if r.blocks[after].kind != "paragraph" or not (both or _NAME.match(name)):
            return
        functions = [both["role"]] if both else []
        name = both["name"] if both else name
        for nxt in r.blocks[after + 1 : after + 1 + _MAX_FUNCTION_LINES] if not both else []:
            if nxt.kind != "paragraph" or not _FUNCTION.match(nxt.text.strip()):
                break
            functions.append(nxt.text.strip())
        person: dict[str, Any] = {"name": name}
        if functions:
            person["role"] = ", ".join(functions)
        r.m["recorded_by"] = person
        r.note(block, f"'Respectfully submitted,' {name} → recorded by (the lines stay)")
        return
