"""A walk rule for English minutes: a motion written as labelled parts.

US commissions and boards record a motion as a run of labels rather than a sentence, often
over several lines: 'Motion: Vice Chair Tran entertained a motion to approve the May and June
meeting minutes.' / 'Moved by: Commissioner K. Smith. Second by: Commissioner Watkins. Vote:
Yes (7) Duhe, Moore, D. Smith, K. Smith, Torres, Tran, Watkins. Abstain: (0). Motion:
Passed.' (Oakland's Parks and Recreation Advisory Commission), or 'Motion:' / 'Art Dyas made a
motion to accept the minutes as written.' / '2nd:' / 'Kevin Boone 2nd the motion and the
motion carried unanimously with the following vote:' (Fairhope's Planning Commission). From
the line labelled 'Motion:' to the one telling the result ('Motion: Passed.', 'the motion
carried'), the lines are one resolution: the motion and who moved and seconded it its text,
from 'Vote:' on its vote as written, the counts in parentheses its votes ('Yes (4)', 'No:
(2)', 'Abstain: (1)'), its outcome as the result says. Lines that never tell a result stay
as they are.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_OPENS = re.compile(r"^(?:\*\*)?motion\s*:", re.I)
_RESULT = re.compile(
    r"\bmotion(?:\s*:\s*|\s+(?:was\s+|has\s+)?)(?P<how>passed|carried|approved|adopted|failed|"
    r"defeated|lost)\b",
    re.I,
)
_VOTE = re.compile(r"\bvote\s*:", re.I)
_COUNT = re.compile(
    r"\b(?P<word>yes|ayes?|yeas?|no|nays?|noes|abstain(?:ed|s|ing)?|abstentions?)\s*:?\s*"
    r"\((?P<n>\d+)\)",
    re.I,
)
_TITLE = r"(?:(?:Vice\s+)?Chair|Commissioner|Councilmember|Council\s+Member|Director|Trustee|"
_TITLE += r"Member|Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+"
_WHO = rf"(?:{_TITLE})?(?P<who>(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
_MOVED = re.compile(rf"\b(?i:moved\s+by)\s*:\s*{_WHO}")
_SECONDED = re.compile(rf"\b(?i:second(?:ed)?(?:\s+by)?)\s*:\s*{_WHO}")
_MAX_LINES = 6
"""How many lines a motion's parts may run over."""
_KEYS = {"yes": "for", "aye": "for", "ayes": "for", "yea": "for", "yeas": "for"}
_KEYS |= {"no": "against", "nay": "against", "nays": "against", "noes": "against"}


class Walk(Protocol):
    """What the rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]

    def started(self) -> bool: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


def read(text: str) -> dict[str, Any] | None:
    """The resolution a motion's labelled parts make (`text`: its lines joined), or None
    when they tell no result."""
    result = _RESULT.search(text)
    if result is None:
        return None
    vote = _VOTE.search(text)
    decision: dict[str, Any] = {"decision": text[: vote.start()].strip() if vote else text}
    moved, seconded = _MOVED.search(text), _SECONDED.search(text)
    if moved:
        decision["proposed_by"] = moved["who"]
    if seconded:
        decision["seconded_by"] = seconded["who"]
    if vote:
        counts: dict[str, int] = {}
        for match in _COUNT.finditer(text, vote.start()):
            word = match["word"].casefold()
            key = "abstained" if word.startswith("abst") else _KEYS[word]
            counts[key] = counts.get(key, 0) + int(match["n"])
        if counts:
            decision["votes"] = counts
        decision["votes_text"] = text[vote.start() :].strip()
    if re.search(r"\bunanimous", text, re.I):
        decision["unanimous"] = True
    how = result["how"].casefold()
    decision["outcome"] = "rejected" if how in ("failed", "defeated", "lost") else "adopted"
    return decision


def labelled_motion(r: Walk, i: int) -> int | None:
    """'Motion: …' and the lines after it up to the one telling its result: a resolution
    (`read`); the walk goes on after its last line."""
    block = r.blocks[i]
    if block.kind != "paragraph" or block.bold or not r.started():
        return None
    if not _OPENS.match(block.text.strip()):
        return None
    lines = [" ".join(block.text.split())]
    k = i + 1
    while _RESULT.search(" ".join(lines)) is None:
        if k >= len(r.blocks) or k - i >= _MAX_LINES or r.blocks[k].kind != "paragraph":
            return None
        if _OPENS.match(r.blocks[k].text.strip()) and not _RESULT.search(r.blocks[k].text):
            return None  # another motion begins
        lines.append(" ".join(r.blocks[k].text.split()))
        k += 1
    decision = read(" ".join(lines))
    if decision is None:
        return None
    r.add(decision)
    r.note(block, f"a motion in labelled parts ('Motion:' … ) → resolution ({decision['outcome']})")
    return k
