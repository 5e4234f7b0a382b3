"""Tasks given inside an item, in the shapes minutes write them: small named rules of
`psc import`.

- `action_line`: a label, then the task ('2.2.2 Action: NB to follow up with MW about …',
  'Action: To be put on village notice board.', 'Úkol 100/1: Upravit zápis z 99. schůze VV
  sekretariát');
- `to_do`: someone 'to' do something, perhaps after the topic and a dash ('NB to follow up
  with MW …', '(3.5) Welcome Packs – RM to distribute packs to new residents …'), the doer by
  initials, a name or a function ('Clerk to draft and issue …').

A task without a deadline is a task all the same (the meeting file holds one since issue 22);
`undated` reads a task's label and a known owner first, these rules the shapes it leaves.
A deadline written as psc reads it ('– T: 30. 4. 2025') is the
recogniser's `parse_task`. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LABEL = re.compile(
    r"^(?P<label>(?:\d+(?:\.\d+)*\.?\s+)?(?:action(?:\s+point)?|actions?|task|úkol"
    r"(?:\s+(?:č\.\s*)?[\w/.-]*\d[\w/.-]*)?)\s*:)\s*(?P<text>\S.*)$",
    re.I | re.S,
)
_DOER = (
    r"(?:[A-Z]{2,4}|(?i:the\s+clerk|clerk|chair(?:man)?|all(?:\s+members)?)|"
    r"(?:Cllr\.?|Mr|Mrs|Ms|Dr)\s+[A-Z][\w'-]+|[A-Z][a-z]+\s+[A-Z][\w'-]+)"
)
_TO_DO = re.compile(
    rf"^(?P<who>{_DOER}(?:\s*(?:,|and|&|/)\s*{_DOER})*)\s+to\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$",
    re.S,
)
"""'NB to follow up with MW …', 'AH and JB to liaise with …', 'Clerk to write …'."""
_NOT_VERBS = frozenset("the a an be date this that which whom".split())


@dataclass(frozen=True)
class TaskLine:
    """A task as the minutes give it: its label as written (or none), its text, the doer's
    words (or none)."""

    label: str | None
    text: str
    who: str | None


def action_line(text: str) -> TaskLine | None:
    """'2.2.2 Action: NB to follow up with MW about …', 'Úkol 100/1: Upravit zápis …'."""
    match = _LABEL.match(text.strip())
    if match is None:
        return None
    rest = match["text"].strip()
    doer = _TO_DO.match(rest)
    who = doer["who"] if doer is not None and _is_verb(doer["verb"]) else None
    return TaskLine(match["label"].strip(), rest, who)


def to_do(text: str) -> TaskLine | None:
    """'NB to follow up with MW about …', '(3.5) Welcome Packs – RM to distribute packs …':
    someone to do something, in one sentence (the topic before a dash stays the text's)."""
    text = text.strip()
    if re.search(r"[.!?]\s+[A-Z]", text):  # more than one sentence: an account
        return None
    match = _TO_DO.match(text)
    if match is None:
        topic = re.match(r"^[^–—]{2,80}?\s[–—-]\s+", text)
        match = _TO_DO.match(text[topic.end() :]) if topic else None
    if match is None or not _is_verb(match["verb"]):
        return None
    return TaskLine(None, text, match["who"])


def _is_verb(word: str) -> bool:
    return word.casefold() not in _NOT_VERBS and len(word) > 1
