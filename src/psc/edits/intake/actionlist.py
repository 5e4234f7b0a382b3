"""A Markdown action list kept from meeting to meeting: under 'Action Items', the numbered
entries are the body's actions, not agenda items; an entry struck through ('~~SM to contact AJ
regarding the final lease~~') is an earlier action reported done (a review), an entry marked
'**New**:' a task of this meeting (its text without the mark), the others actions carried over.

Many groups keep minutes as Markdown pages (wikis, repositories) and carry one action list
from page to page this way (tests/test_actionlist.py quotes them).
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake import tasks
from psc.edits.intake.blocks import Block


class Walk(tasks.Walk, Protocol):
    """What this rule uses of the recogniser besides tasks.Walk."""

    mode: str
    requeue: Block | None
    marked_new: bool
    task_heading: Block | None
    container: list[Any] | None

    def flush_list(self) -> None: ...


_NUMBER = re.compile(r"^(?P<number>\d{1,3})[.)]\s+(?P<rest>\S.*)$", re.S)
_NEW = re.compile(r"^(?:\*\*New\*\*\s*:|\*\*New:\*\*)\s*(?P<text>\S.*)$", re.I | re.S)
_STRUCK = re.compile(
    r"^(?:~~(?P<text>[^~]+?)~~|<s>(?P<html>.+?)</s>)"
    r"(?:\s*[-–—]?\s*(?:\*\*)?\(?done\)?\.?(?:\*\*)?)?\s*$",
    re.S | re.I,
)
"""'~~SM to contact AJ …~~', '<s>PD to Get meta workshop info up and running</s> Done'."""


def entry(block: Block) -> tuple[str | None, str] | None:
    """The entry's own number (None when the list is not numbered) and its text, when the
    block is a numbered point or a point of a list; None otherwise."""
    text = block.text.strip()
    if block.kind == "item":
        number = block.number if block.ordered and block.number else None
        return (number.rstrip(".)") if number else None), text
    numbered = _NUMBER.match(text)
    if numbered is None:
        return None
    return numbered["number"], numbered["rest"].strip()


def done(text: str) -> str | None:
    """'~~PD to liaise with AW and AJ regarding short-term Internet access~~': the action's
    text when the whole entry is struck through (done), else None."""
    struck = _STRUCK.match(text.strip())
    return (struck["text"] or struck["html"]).strip() if struck else None


def new(text: str) -> str | None:
    """'**New**: AJ to provide contact details for bin': the action's text, else None."""
    marked = _NEW.match(text.strip())
    return marked["text"].strip() if marked else None


def is_action(r: Walk, block: Block) -> bool:
    """Under the action list, is this numbered line an action (not an agenda item)?"""
    if r.mode != "tasks" or block.kind == "heading":
        return False
    found = entry(block)
    if found is None:
        return False
    text = found[1]
    if done(text) is not None or new(text) is not None:
        return True
    return tasks.undated(text, english=r.english, names=tasks._names(r)) is not None


def step(r: Walk, i: int) -> int | None:
    """A numbered entry of the action list: marked new, read again without its number and mark
    (a task of this meeting); struck through, a review (done) of the earlier action it numbers;
    plain in a list that marks its new entries, a review (still open) of an earlier action.
    Before the first numbered item the list is an item of its own, titled as its heading."""
    block = r.blocks[i]
    found = entry(block)
    if found is None or block.kind == "heading":
        return None
    number, text = found
    marked = new(text)
    if marked is not None:
        r.marked_new = True
        task = tasks.undated(marked, english=r.english, names=tasks._names(r))
        if number is None or not _in_item(r):
            return None
        if task is None:  # the mark makes it an action, whatever its shape ('PD in continued
            task = {"text": marked, "_kind": "none"}  # discussions with AJ regarding …')
        r.tasks.append(task)
        mark = text[: len(text) - len(marked)].strip()  # '**New**:', as written
        r.add(f"{_written_number(block, number)} {mark}")  # with its number: '5. **New**:'

        r.add({"assigned": len(r.tasks)})  # the task's ordinal: its ID once dated
        r.note(block, f"action {number}: marked new, a task of this meeting")
        return i + 1
    struck = done(text)
    if number is None or not (struck is not None or r.marked_new) or not _in_item(r):
        return None
    status = "done" if struck is not None else "open"
    r.add({"task": number, "text": text, "status": status})
    r.note(block, f"action {number}: an earlier action, {status} (a review)")
    return i + 1


def _written_number(block: Block, number: str) -> str:
    """The entry's number as the list writes it ('5.', '5)'), for the text that keeps it."""
    if block.kind == "item":
        return block.marker or f"{number}."
    numbered = _NUMBER.match(block.text.strip())
    rest = numbered["rest"] if numbered else ""
    return block.text.strip()[: len(block.text.strip()) - len(rest)].strip() or f"{number}."


def _in_item(r: Walk) -> bool:
    """Put the reviews in an item titled as the list's heading, when the list stands before
    the first numbered item (False when it does not)."""
    if any(isinstance(item.get("number"), int) for item in r.items):
        return False
    title = _plain_title(r.task_heading)
    if not r.items or r.items[-1].get("title") != title:
        r.flush_list()
        r.items.append({"title": title, "content": []})
    r.container = r.items[-1]["content"]
    return True


def _plain_title(heading: Block | None) -> str:
    return heading.text.strip().strip("*#: ") if heading is not None else "Action Items"
