"""A closing part of the minutes written as a label with its text on the same line, before
any numbered item (issue 22's fifth round): 'Diskuse:  Bednář L. - poděkování pořadatelům
víceboje, Sobel - přespání v tělocvičně …', 'Závěrem:  Výkonný výbor projednal …'.

The label is the title of an item of its own, without a number (as `recognise`'s
`section_item` makes one of 'Průběh jednání:' on its own line); its text is read as the block
it is. A discussion written as contributions 'Name - subject' ('Schlaghamerský – nevadí mu
dlouhé zápisy; …' a line each under 'Diskuze:' in an academic senate's minutes) may run them
together on the label's line, separated by commas: each is a statement of its speaker.
Czech minutes only (`recognise` wires it with one line).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Protocol

from psc.edits.intake import statements
from psc.edits.intake.blocks import Block

_SECTION = re.compile(
    r"^(?P<label>diskuse|diskuze|různé|závěr|závěrem)\s*:\s*(?P<rest>\S.*)$", re.I | re.S
)
"""The closing parts of small bodies' minutes, which `statements` also knows as labels."""

_CONTRIBUTION = re.compile(r"(?:^|,\s+)(?P<name>[^\W\d_][\w.' ]{0,40}?)\s+[–—-]\s+(?=\S)")
"""Where a contribution 'Name - subject' starts: the text's start or a comma before it."""

_DISCUSSION = frozenset({"diskuse", "diskuze"})


class Walk(Protocol):  # the parts of recognise's walk this rule uses
    blocks: list[Block]
    items: list[dict[str, Any]]
    requeue: Block | None

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...
    def attendee_names(self) -> list[str]: ...


def contributions(text: str, known: list[str]) -> list[tuple[str, str]] | None:
    """'Bednář L. - poděkování …, Sobel - přespání …': each contribution's speaker and its
    text as written (its comma kept), or None unless the whole text is such a run."""
    starts = [m for m in _CONTRIBUTION.finditer(text)]
    if not starts or starts[0].start() != 0:
        return None
    found: list[tuple[str, str]] = []
    for k, match in enumerate(starts):
        name = match["name"].strip()
        if not statements.is_person(name, known, strict=False):
            return None
        begin = match.start("name")
        end = starts[k + 1].start() + 1 if k + 1 < len(starts) else len(text)
        found.append((name, text[begin:end].strip()))
    return found


def section_line(r: Walk, i: int) -> int | None:
    """Block `i` as a closing part's label with its text (an item titled by the label, its
    text read next, or its contributions as statements), or None."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold:
        return None
    match = _SECTION.match(block.text.strip())
    if match is None or any(isinstance(item.get("number"), int) for item in r.items):
        return None  # after a numbered item the line is that item's text
    label, rest = match["label"], match["rest"].strip()
    title = f"{label}:"  # the label as written, its colon kept (psc prints the title alone)
    r.start_item(block, {"title": title}, f"'{label}:' with its text: an item without a number")
    said = contributions(rest, r.attendee_names()) if label.casefold() in _DISCUSSION else None
    if said is None:
        r.requeue = replace(block, text=rest)
        return i + 1
    for person, text in said:
        r.add({"person": person, "text": text})
        r.note(block, f"speaker '{person}' → statement (a contribution of the discussion)")
    return i + 1
