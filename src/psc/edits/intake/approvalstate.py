"""What the minutes say of their own approval, beyond a status line above the title.

Published minutes often say in a line or a sentence whether they are approved or a draft:
- a line of its own in the head: 'DRAFT' (a parish meeting's web page, under its heading),
  'Unapproved', 'Návrh', 'Koncept';
- a sentence about these minutes, anywhere: 'These are the Approved Minutes of the meeting
  described in the subject of this message.' (a standards forum's working group) →
  approved; 'These minutes are written as recorded by … and are subject to approval at the
  next regular board meeting.' (a school board) → a draft;
- a title: 'May 2019 DRAFT Minutes Annual Parish Council Meeting', 'Návrh zápisu z …' → a
  draft; 'Approved MInutes for the Steering Group Meeting – 10th September 2020' (a
  neighbourhood plan's steering group) → approved, as 'These are the Approved Minutes …' is;
- 'The following minutes …' only in the head, before the first item (inside an item it is
  about earlier minutes being approved): 'Note: The following minutes were approved.' (a
  steering group's page) → approved.

Read by `stated`, one block's text at a time; the walk keeps the first state it meets and
`settle` records it: approved by the body (`approved_at`, its words staying text where they
stood) or a draft (the import keeps it a draft, see importer._published). Pure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from psc.edits.intake.blocks import Block


class Walk(Protocol):
    """What these rules use of the recogniser (recognise.py's _Recogniser)."""

    m: dict[str, Any]
    marked_draft: bool
    stated_approval: tuple[str, Block] | None

    def started(self) -> bool: ...
    def note(self, block: Block | str, what: str) -> None: ...


_DRAFT_LINE = re.compile(
    r"^(?:(?:draft|unapproved)(?:\s+minutes)?|návrh(?:\s+zápisu)?|koncept(?:\s+zápisu)?)\.?$", re.I
)
"""A line of its own calling the minutes a draft; the first state met wins, so a status line
'Draft Minutes' above the title outweighs a later sentence saying they were approved."""
_DRAFT_TITLE = re.compile(r"\b(?:draft|unapproved|návrh\s+zápisu|koncept\s+zápisu)\b", re.I)
"""A title that calls the minutes a draft: 'May 2019 DRAFT Minutes …', 'Návrh zápisu z …'."""
_OWN = r"(?:these|this\s+set\s+of)"
_FOLLOWING = r"(?:the\s+following)"
_APPROVED = r"(?:approved|adopted|confirmed|ratified)"
_APPROVED_TITLE = re.compile(rf"\b{_APPROVED}\s+minutes\b", re.I)
"""A title that calls the minutes approved: 'Approved MInutes for the Steering Group …'."""


def _approved(subject: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b{subject}\s+(?:are\s+the\s+{_APPROVED}\s+minutes\b|minutes\s+"
        rf"(?:were|have\s+been|are|had\s+been)\s+(?:formally\s+|duly\s+)?{_APPROVED}\b)",
        re.I,
    )


_APPROVED_OWN = _approved(_OWN)
_APPROVED_FOLLOWING = _approved(_FOLLOWING)
_DRAFT_SENTENCE = re.compile(
    rf"\b{_OWN}\s+minutes\b[^.]*?\b(?:are|remain)\s+(?:a\s+draft|draft|subject\s+to\s+"
    rf"(?:approval|confirmation|ratification|amendment))\b",
    re.I,
)


def stated(text: str, *, head: bool) -> str | None:
    """'approved', 'draft' or None: what `text` (one block's plain text) says of the
    minutes' approval; `head`: the block stands before the first item."""
    line = text.strip()
    if head and _DRAFT_LINE.match(line):
        return "draft"
    if _DRAFT_SENTENCE.search(line):
        return "draft"
    if _APPROVED_OWN.search(line) or (head and _APPROVED_FOLLOWING.search(line)):
        return "approved"
    return None


def seen(walk: Walk, block: Block, text: str) -> None:
    """Keep the first approval state the minutes state (the block stays where it is)."""
    if walk.stated_approval is None:
        state = stated(text, head=not walk.started())
        if state is not None:
            walk.stated_approval = (state, block)


def settle(walk: Walk) -> None:
    """Record the state kept by `seen`: approved by the body, or a draft; a title that calls
    the minutes a draft makes them one too."""
    title = str(walk.m.get("title", ""))
    if _DRAFT_TITLE.search(title):
        walk.marked_draft = True
    if walk.stated_approval is None:
        said = not walk.marked_draft and _APPROVED_TITLE.search(title)
        if said and "approved_by" not in walk.m and "approved_at" not in walk.m:
            walk.m["approved_at"] = {}
            walk.note("title", "the title calls the minutes approved → approved by the body")
        return
    state, block = walk.stated_approval
    if state == "draft":
        walk.marked_draft = True
        walk.note(block, "the minutes call themselves a draft: imported as a draft (kept as text)")
    elif "approved_by" not in walk.m and "approved_at" not in walk.m:
        walk.m["approved_at"] = {}
        walk.note(block, "the minutes say they are approved → approved by the body (kept as text)")
