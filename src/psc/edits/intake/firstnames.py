"""A walk rule for English minutes written as bullets that name the people present by their
first names: who said what, and who will do what ('Present: …, Ginger Dillard, Bob Kuhnle, …'
over '•   Bob said that the Resource Council is developing …', '•   Ginger also suggested
that …', '•   Barbara feels that …', '•   Jon will send Ginger the electronic version …',
'•   Bob and Kathy are tasked with reaching out …' (a county commission on aging);
'Present: Pauline, Barend, …, Anne, Dan (notes)' over '- DAN will reprint.', '- RICHARD and
ANNE will look at the mic / av issue' (a seniors' group); 'Peter suggested photos of the
convention be on our website.' (a Torch club, after 'Present: …, Peter Thiel, …')).

A bullet's sentence opening with the first name (or the whole name) of one person present,
perhaps 'also', then a verb of speaking or of a view ('said', 'suggested', 'feels', 'does not
feel', 'brought up') is that person's statement (with the sentences after it that name no
one else); one opening with people present and 'will …' or 'are tasked with …' is a task
without a deadline, assigned where it stands. The bullet's other sentences stay a list in
their place. A first name two people present share names no one.

english.py runs `bullet` among its walk rules inside the items.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block
from psc.edits.intake.sentences import sentences
from psc.edits.intake.statements import _SPEECH_VERB

_VIEW = re.compile(
    r"^(?:also\s+)?(?:(?:feels|felt|thinks|thought|believes|believed)\b|brought\s+up\b|"
    r"(?:does|did)\s+not\s+(?:feel|think|believe)\b|(?P<verb>\w+)\b)",
    re.I,
)
_TASK = re.compile(
    r"^(?:\([^()]{1,40}\)\s+)?(?:will\s+(?!be\b|have\b|not\b)[a-z]+|(?:is|are)\s+tasked\s+with)\b"
)
_JOINED = re.compile(r"\s*(?:,|\band\b|&)\s*", re.I)


class Walk(Protocol):
    """What the rule uses of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    tasks: list[dict[str, Any]]

    def started(self) -> bool: ...
    def add(self, block: Any) -> None: ...
    def list_item(self, block: Block) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...
    def attendee_names(self) -> list[str]: ...


def _people(names: list[str]) -> dict[str, str]:
    """Each person present by their first name (folded) and their whole name; a first name
    two people share is left out."""
    found: dict[str, str] = {}
    shared: set[str] = set()
    for name in names:
        bare = re.sub(r"\s*\([^()]*\)", "", name).strip().rstrip(".")
        words = bare.split()
        if not words:
            continue
        first = words[0].casefold()
        if first in found and found[first] != bare:
            shared.add(first)
        found[first] = bare
        found[bare.casefold()] = bare
    return {k: v for k, v in found.items() if k not in shared}


def _subject(sentence: str, people: dict[str, str]) -> tuple[list[str], str] | None:
    """The people a sentence opens with ('Bob and Kathy', 'Ginger') and the rest, or None."""
    match = re.match(
        r"^(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s*(?:,|\band\b|&)\s*"
        r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*)\s+(?P<rest>.+)$",
        sentence,
        re.S,
    )
    if match is None:
        return None
    who = []
    for part in _JOINED.split(match["who"]):
        person = people.get(part.casefold())
        if person is None:
            return None
        who.append(person)
    return who, match["rest"]


def read(sentence: str, names: list[str]) -> tuple[str, list[str]] | None:
    """('statement', [person]) or ('task', people) for a sentence naming people of `names`
    (the attendance) by their first names, else None."""
    return _read(sentence, _people(names))


def _read(sentence: str, people: dict[str, str]) -> tuple[str, list[str]] | None:
    """('statement', [person]) or ('task', people) for a sentence of that shape, else None."""
    found = _subject(sentence, people)
    if found is None:
        return None
    who, rest = found
    if _TASK.match(rest):
        return "task", who
    view = _VIEW.match(rest)
    if (
        len(who) == 1
        and view is not None
        and (view["verb"] is None or _SPEECH_VERB.match(view["verb"]))
    ):
        return "statement", who
    return None


def bullet(r: Walk, i: int) -> int | None:
    """A bullet (in an item) whose sentences give statements or tasks of people present by
    their first names: each in its place, the other sentences list items."""
    block = r.blocks[i]
    if block.kind != "item" or block.ordered or not r.started():
        return None
    people = _people(r.attendee_names())
    if not people:
        return None
    parts: list[tuple[str, list[str], str]] = []
    for sentence in sentences(block.text.strip()):
        read = _read(sentence, people)
        if read is not None:
            parts.append((read[0], read[1], sentence))
        elif parts and parts[-1][0] == "statement" and _subject(sentence, people) is None:
            kind, who, text = parts[-1]
            parts[-1] = (kind, who, f"{text} {sentence}")
        elif parts and parts[-1][0] == "list":
            parts[-1] = ("list", [], f"{parts[-1][2]} {sentence}")
        else:
            parts.append(("list", [], sentence))
    if all(kind == "list" for kind, _who, _text in parts):
        return None
    for kind, who, text in parts:
        if kind == "list":
            r.list_item(Block("item", text, block.where))
        elif kind == "statement":
            r.add({"person": who[0], "text": text})
            r.note(block, f"'{who[0]}' by the first name → statement")
        else:
            task: dict[str, Any] = {"text": text, "_kind": "none"}  # its people in the text
            r.tasks.append(task)
            r.add({"assigned": len(r.tasks)})
            r.note(block, f"task {len(r.tasks)} for {', '.join(who)} (assigned here), no deadline")
    return i + 1
