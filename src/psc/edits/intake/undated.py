"""Tasks the minutes give without a deadline: 'ACTION: Brent to close issues …', 'Rod to
follow up with …' (English, an owner and 'to' and a verb), 'Úkol 100/1: Upravit zápis …'
(a task's label, with or without its number). The task keeps the whole line as its text
(number, label and owner as written: nothing is dropped); it has no deadline and is never
overdue. Where the line stands among an item's text, the item shows the task in its place.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_TASK_LABEL = re.compile(
    r"^(?:\*\*)?úkol(?:\s+č\.)?(?:\s+(?P<id>[A-Za-z0-9][A-Za-z0-9./-]*?))?\s*(?:\*\*)?\s*:"
    r"\s*(?:\*\*)?\s*\S",
    re.I,
)
"""'Úkol 100/1: …', 'Úkol č. 3: …', 'Úkol: …' (a Czech task's label at the line's start)."""


class Walk(Protocol):
    """What these rules use of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    m: dict[str, Any]
    tasks: list[dict[str, Any]]
    english: bool

    def started(self) -> bool: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...


_ACTION = re.compile(
    r"^(?:\*\*)?(?:action|action\s+point)(?:\*\*)?\s*:\s*(?P<text>\S.*)$", re.I | re.S
)
_OWNER_TO = re.compile(
    r"^(?P<owner>@?[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,3})\s+to\s+"
    r"(?P<verb>[a-z]+)\b"
)
_NOT_VERBS = {"the", "a", "an", "be", "date", "all", "this", "that", "his", "her", "their"}


def _plain(text: str) -> str:
    """Markdown marks and link targets left out (for matching, never for what is kept)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_]{1,3}", "", text).strip()


def task_without_deadline(text: str) -> tuple[str, str] | None:
    """'ACTION: Brent to close issues …', 'Rod to follow up with email …', 'HP to liaise
    with …' (English): (owner, the task's words), or None."""
    plain = _plain(text)
    action = _ACTION.match(plain)
    body = action["text"].strip() if action else plain
    owner = _OWNER_TO.match(body)
    if owner is None or owner["verb"] in _NOT_VERBS:
        return None
    if action is None and len(owner["owner"].split()) > 2:
        return None  # 'The Town Council to …' reads as a heading, not an owner
    return owner["owner"], body


def _names(r: Walk) -> set[str]:
    """The words of the names of the attendance and the roles ('Rod' of 'Rod Vagg')."""
    attendees = r.m.get("attendees", {})
    people: list[Any] = [r.m.get("chair"), r.m.get("minute_taker")]
    for key in ("present", "excused", "absent", "guests"):
        people += attendees.get(key, [])
    for category in attendees.get("categories", []):
        people += category.get("people", [])
    names = [p.get("name") if isinstance(p, dict) else p for p in people]
    return {w for n in names if isinstance(n, str) for w in re.findall(r"@?[\w'’-]+", n)}


def _known(owner: str, names: set[str] | None) -> bool:
    """An owner the line can name without an 'Action:' label: initials ('NB', 'ES'), a
    handle, or words of a name of the attendance ('Rod'); not 'Consensus to …'."""
    words = re.findall(r"@?[\w.'’-]+", owner)
    return all(
        re.fullmatch(r"[A-Z]{2,4}|@[\w-]+", w) or (names is not None and w in names)
        for w in words
        if w != "and"
    )


def undated(text: str, *, english: bool, names: set[str] | None = None) -> dict[str, Any] | None:
    """The task a line without a deadline gives, or None: {'text': the line as written,
    'id': its own number when it has one ('Úkol 100/1:' → '100/1'), '_owner': who, when
    the line names them ('NB' of '2.2.2 Action: NB to follow up …')}."""
    line = text.strip()
    label = _TASK_LABEL.match(line)
    if label is not None:
        task: dict[str, Any] = {"text": line, "_kind": "none"}
        if label["id"] and re.search(r"\d", label["id"]):
            task["id"] = label["id"].rstrip("./")
        return task
    if not english:
        return None
    numbered = re.match(r"^\d+(?:\.\d+)*\.?\s+(?=\S)", _plain(line))  # '2.2.2 Action: …'
    words = _plain(line)[numbered.end() :] if numbered else line
    found = task_without_deadline(words)
    if found is None or (not _ACTION.match(_plain(words)) and not _known(found[0], names)):
        return None
    return {"text": line, "_kind": "none", "_owner": found[0]}


def _line(block: Block) -> str:
    """The block's line as written: a numbered point with its number ('2.2.2 Action: …')."""
    text = block.text.strip()
    if block.kind == "item" and block.ordered and (block.marker or block.number):
        return f"{block.marker or block.number} {text}"
    return text


def _what(task: dict[str, Any]) -> str:
    owner = task.pop("_owner", None)
    if owner:
        return f"a task for {owner}"
    return f"task {task['id']}" if "id" in task else "a task"


def in_place(r: Walk, i: int) -> int | None:
    """A line of an item's text that is a task without a deadline: a task of the meeting,
    shown where it was assigned (its ID when the line numbers it, else its ordinal)."""
    block = r.blocks[i]
    if block.kind not in ("paragraph", "item") or not r.started():
        return None
    task = undated(_line(block), english=r.english, names=_names(r))
    if task is None:
        return None
    what = _what(task)
    r.tasks.append(task)
    r.add({"assigned": task.get("id", len(r.tasks))})
    r.note(block, f"{what} without a deadline (assigned in this item; the line is its text)")
    return i + 1


def in_section(r: Walk, block: Block) -> bool:
    """A line under 'Action points:' / 'Úkoly' with no deadline that is still a task
    ('2.2.2 Action: NB to follow up …'): a task without a deadline."""
    task = undated(_line(block), english=r.english, names=_names(r))
    if task is None:
        return False
    what = _what(task)
    r.tasks.append(task)
    r.note(block, f"{what} without a deadline")
    return True
