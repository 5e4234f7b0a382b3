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


_FUNCTION_AFTER = re.compile(r"^,\s*(?P<role>[A-Z][a-z]+)\b\s*")
"""', Chair' after a signer's name ('Ira Wood, Chair Michael May Dale Donovan')."""


def _known(m: dict[str, Any]) -> list[str]:
    """The names the minutes gave their people (the attendance, the chair), longest first."""
    attendees = m.get("attendees", {})
    people: list[Any] = [m.get("chair")]
    for key in ("present", "excused", "absent"):
        people += attendees.get(key, [])
    for category in attendees.get("categories", []):
        people += category.get("people", [])
    names = {p["name"] if isinstance(p, dict) else p for p in people if p}
    return sorted((n for n in names if isinstance(n, str) and " " in n), key=len, reverse=True)


def _signers(line: str, known: list[str]) -> list[dict[str, str]] | None:
    """'Ira Wood, Chair Michael May Dale Donovan': the line read as known names one after
    another (each perhaps with its function after a comma), or None when any word is left."""
    found: list[dict[str, str]] = []
    rest = line.strip()
    while rest:
        name = next((n for n in known if rest.startswith(n)), None)
        if name is None:
            return None
        rest = rest[len(name) :]
        person = {"name": name}
        role = _FUNCTION_AFTER.match(rest)
        if role and not any(rest[role.start("role") :].startswith(n) for n in known):
            person["role"] = role["role"]
            rest = rest[role.end() :]
        found.append(person)
        rest = rest.lstrip(" ,")
    return found or None


def signed_below(r: Walk) -> None:
    """The lines that end the minutes below 'Respectfully submitted,' and its writer, made of
    the names of the board's members as the minutes gave them ('Ira Wood, Chair Michael May
    Dale Donovan' / 'Helen Miranda Wilson Jerry Houk', for their signatures): signed by them.
    The lines stay as written."""
    if "signed_by" in r.m or "recorded_by" not in r.m:
        return
    known = _known(r.m)
    ends = [b for b in r.blocks if b.kind == "paragraph" and re.search(r"\w", b.text)]
    signers: list[dict[str, str]] = []
    for block in reversed(ends):
        found = _signers(block.text, known) if known else None
        if found is None:
            break
        signers[:0] = found
    if len(signers) >= 2:
        r.m["signed_by"] = signers
        r.note("source", f"the members' names below the minutes → signed by ({len(signers)})")
