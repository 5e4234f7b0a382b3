"""An action marked beside its sentence, as informal English minutes mark it: the word
'Action' set before the sentence that gives it, or after it with its owner.

- before: 'Action. Mandy Leamon agreed to pass on the complaint to the Parish Council.' (the
  marker, a stop, then the sentence; or the marker alone on its line, the sentence below);
- after: '… information will be posted on who to contact regarding donating surplus produce
  to food banks and church groups. Action: Brenda' (the sentence, then 'Action:' and who).

The sentence is a task without a deadline: marked before it, assigned where it stands after
the marker kept as written; marked after it, the line stays as written and the task is the
meeting's, so no word is lost. The owner is the group's
(`_responsible`) where the group knows them. ('Action: NB to follow up …', the task after
the label's colon, is `tasks.action_line`'s.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from psc.edits.intake.blocks import Block
from psc.edits.intake.sentences import sentences

_MARKER = re.compile(r"^(?P<marker>action\s*[.:])(?:\s+(?P<rest>\S.*))?$", re.I | re.S)
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_OWNER_AFTER = re.compile(
    rf"^(?P<text>.*?[.!?])\s+(?P<marker>action(?:\s+by)?\s*[:–-]\s*"
    rf"(?P<who>{_NAME}(?:\s*(?:,|/|&|\band\b)\s*{_NAME})*)\.?)$",
    re.I | re.S,
)
_MOST_OWNER_WORDS = 8


@dataclass(frozen=True)
class Marked:
    """A block's text read as an action marked beside its sentence: the text before the
    task (perhaps none), the task's sentence, the marker as written and where it stands."""

    before: str
    task: str
    marker: str
    marker_first: bool
    who: str
    alone: bool = False
    """The marker alone on its line, the sentence on the next."""


def marked(text: str, following: str | None = None) -> Marked | None:
    """'Action. Mandy Leamon agreed to …' (or 'Action.' alone, its sentence `following`
    on the next line), '… church groups. Action: Brenda': the action; None for any other
    text ('Action: NB to follow up …' is the label's, `tasks.action_line`)."""
    text = text.strip()
    before = _MARKER.match(text)
    if before is not None:
        rest = before["rest"] if before["rest"] is not None else following
        if rest is None or before["marker"].endswith(":") and before["rest"]:
            return None  # 'Action: …' on one line: the label's rule
        first = sentences(rest.strip())[0] if rest.strip() else ""
        if not first[:1].isupper() or first != rest.strip():
            return None  # one sentence, capitalised
        return Marked("", first, before["marker"], True, first, before["rest"] is None)
    after = _OWNER_AFTER.match(text)
    if after is None or len(after["who"].split()) > _MOST_OWNER_WORDS:
        return None
    if after["who"].split()[0].casefold() in {"the", "a", "an", "to"}:
        return None
    told = sentences(after["text"])
    task = told[-1]
    if not task[:1].isalpha():
        return None
    lead = after["text"][: len(after["text"]) - len(task)].strip()
    return Marked(lead, task, after["marker"], False, after["who"])


class Walk(Protocol):
    """What the walk rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    tasks: list[dict[str, Any]]
    kept: int
    english: bool

    def started(self) -> bool: ...
    def add(self, block: Any) -> None: ...
    def text_kept(self, block: Block, why: str = ...) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...
    def _responsible(self, words: str) -> list[str]: ...


def in_item(r: Walk, i: int) -> int | None:
    """An action marked beside its sentence in an item (`marked`): the text before it kept,
    the marker kept as written, the sentence a task assigned in its place. The block to go
    on from, or None."""
    block = r.blocks[i]
    if not r.english or not r.started() or block.kind != "paragraph" or block.bold:
        return None
    nxt = r.blocks[i + 1] if i + 1 < len(r.blocks) else None
    following = nxt.text if nxt is not None and nxt.kind == "paragraph" else None
    found = marked(block.text, following)
    if found is None:
        return None
    task: dict[str, Any] = {"text": found.task, "_kind": "none"}
    known = r._responsible(found.who)
    if known:
        task["responsible"] = known if len(known) > 1 else known[0]
    r.tasks.append(task)
    if not found.marker_first:  # '… church groups. Action: Brenda': the line stays as written
        r.text_kept(block, f"'{found.marker}': task {len(r.tasks)}, no deadline (the line stays)")
        return i + 1
    r.add(found.marker)
    r.kept += 1
    r.add({"assigned": len(r.tasks)})
    r.note(block, f"'{found.marker}': task {len(r.tasks)} (assigned in this item), no deadline")
    return i + 2 if found.alone else i + 1
