"""A walk rule for English minutes: the outcome tagged on after a dash at a paragraph's end.

Small councils close a point with its outcome after a dash: 'It was agreed these paths should
be removed from the contract as they fall into County responsibility not the Parish Council –
Agreed' (Wellesbourne parish council), '… West Norfolk Borough Council Planning Enforcement
Team - complaints form - both noted.' (West Dereham parish council). The paragraph is a
resolution with that outcome ('noted' for a noting, else adopted). Where clauses separated by
semicolons come before it and one of them tells a decision of its own ('There was a letter
asking for a donation from the Samaritans and it was agreed not to donate this year; …'), the
clauses up to that one are that decision (adopted) and the rest the tagged one.

Where the words before the dash are the point's title ('3) Minutes of last meeting – accepted
as correct', an allotments committee; 'MINUTES OF MEETING 10TH JULY – approved by Julian and
seconded by Gill', a walking club's committee), the text is the outcome alone, in lower case
(`outcome_alone`): a resolution with that outcome, the title telling what it decides.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_TAGGED = re.compile(
    r"\s[-–—]\s+(?:(?:both|all|duly)\s+)?(?P<how>agreed|noted|approved|accepted|carried|"
    r"adopted|resolved)\s*\.?$",
    re.I,
)
_DECIDED = re.compile(r"\b(?:it\s+was\s+(?:\w+\s+)?(?:agreed|resolved)|resolved\s+to)\b", re.I)


_ALONE = re.compile(
    r"^(?P<how>agreed|noted|approved|accepted|carried|adopted|ratified|confirmed)\b", re.S
)
_ALONE_WORDS = 10


class Walk(Protocol):
    """What the rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    items: list[dict[str, Any]]

    def started(self) -> bool: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def tagged(text: str) -> list[dict[str, Any]] | None:
    """The resolutions of a paragraph whose outcome is tagged on after a dash, or None."""
    text = " ".join(text.split())
    match = _TAGGED.search(text)
    if match is None or len(text[: match.start()].split()) < 3:
        return None
    outcome = "noted" if match["how"].casefold() == "noted" else "adopted"
    clauses = [c for c in re.split(r"(?<=;)\s+", text) if c]
    at = next((k for k, c in enumerate(clauses[:-1]) if _DECIDED.search(c)), None)
    if at is None:
        return [{"decision": text, "outcome": outcome}]
    return [
        {"decision": " ".join(clauses[: at + 1]), "outcome": "adopted"},
        {"decision": " ".join(clauses[at + 1 :]), "outcome": outcome},
    ]


def dashed_outcome(r: Walk, i: int) -> int | None:
    """A paragraph ending in its outcome after a dash (`tagged`): its resolutions."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold or not r.started():
        return None
    found = tagged(block.text)
    if found is None:
        return None
    for decision in found:
        r.add(decision)
    outcomes = ", ".join(d["outcome"] for d in found)
    r.note(block, f"the outcome after a dash at the paragraph's end → resolution ({outcomes})")
    return i + 1


def outcome_alone(text: str) -> dict[str, Any] | None:
    """'accepted as correct', 'approved by Julian and seconded by Gill': a point's text that
    is its outcome alone (a participle in lower case opening a few words): the resolution."""
    text = " ".join(text.split())
    match = _ALONE.match(text)
    if match is None or len(text.split()) > _ALONE_WORDS:
        return None
    return {"decision": text, "outcome": "noted" if match["how"] == "noted" else "adopted"}


def outcome_after_title(r: Walk, i: int) -> int | None:
    """The first text of a titled item that is its outcome alone (`outcome_alone`)."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold or not r.started() or not r.items:
        return None
    item = r.items[-1]
    if not item.get("title") or item.get("content"):
        return None
    found = outcome_alone(block.text)
    if found is None:
        return None
    r.add(found)
    r.note(block, f"the point's outcome alone after its title → resolution ({found['outcome']})")
    return i + 1
