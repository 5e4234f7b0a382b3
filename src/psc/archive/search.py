"""Full-text search over the archive (`psc search`): the text of every item, statement,
decision and task, found whatever the case and the diacritics ("usneseni" finds "usnesení").

A meeting is cut into blocks (an item's title, a paragraph, a heading, a list, a statement,
a decision, a task review, a task), each with its reference (meeting, item, the decision's
number or the task's ID). A query's words must all occur in one block, each as a part of a
word, so that a stem finds the inflected forms Czech text uses ("rozpo" finds "rozpočtu").
The same blocks feed the static site's search index (`publish.site`).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psc.errors import UsageError
from psc.messages import _

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.loading.model import Meeting

SNIPPET_BEFORE = 30
SNIPPET_AFTER = 60
"""Characters of context a snippet keeps before the first word found and after it."""


@dataclass(slots=True)
class Block:
    """A searchable piece of a meeting, in its plain text, with where it is."""

    meeting: str
    item: str | None
    """The item's number ('3'), else its title, or a section's title; None for a task."""
    kind: str
    """title, paragraph, heading, list, statement, decision, review or task."""
    id: str | None
    """The decision's number, or the ID of the task (or the reviewed task)."""
    text: str
    anchor: str | None = None
    """The fragment of the block's item in the rendered minutes ('item-3', 'task-2')."""


@dataclass(slots=True)
class Hit:
    """A block every word of the query occurs in (the JSON object of --format json)."""

    meeting: str
    item: str | None
    kind: str
    id: str | None
    text: str
    snippet: str

    def reference(self) -> str:
        """'2016-09-07 item 3 decision 1/2016': where the hit is, as a person quotes it."""
        parts = [self.meeting]
        if self.item is not None:
            parts.append(
                _("item {number}", number=self.item) if self.item.isdigit() else f"«{self.item}»"
            )
        kind = kind_name(self.kind)
        parts.append(f"{kind} {self.id}" if self.id else kind)
        return " ".join(parts)


def kind_name(kind: str) -> str:
    """A block's kind as the text output names it, in the current language (the JSON output
    keeps `kind` itself)."""
    names = {
        "paragraph": _("paragraph"),
        "heading": _("heading"),
        "list": _("list"),
        "statement": _("statement"),
        "decision": _("decision"),
        "review": _("review"),
        "title": _("title"),
        "task": _("task"),
    }
    return names.get(kind, kind)


@dataclass
class SearchResult:
    """The hits of a query, in archive order (meetings by date, blocks as the minutes hold them)."""

    query: str
    hits: list[Hit]

    def as_json(self) -> str:
        return json.dumps([asdict(h) for h in self.hits], ensure_ascii=False, indent=2) + "\n"

    def lines(self) -> list[str]:
        """One line per hit: its reference and its snippet."""
        return [f"{h.reference()}: {h.snippet}" for h in self.hits]


def fold(text: str) -> str:
    """`text` as search compares it: diacritics dropped, case folded (NFC and NFD alike)."""
    return "".join(_fold_char(c) for c in text)


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def terms(query: str) -> list[str]:
    """The folded words of a query; a query without any is a usage error."""
    words = [fold(w) for w in query.split()]
    words = [w for w in words if w]
    if not words:
        raise UsageError(_("give some text to search for"))
    return words


def match(text: str, words: list[str]) -> str | None:
    """A snippet of `text` around the first of `words` when every one of them occurs in it
    (folded), else None."""
    folded: list[str] = []
    origin: list[int] = []  # for each folded character, the index of its original one
    for i, char in enumerate(text):
        piece = _fold_char(char)
        folded.append(piece)
        origin.extend([i] * len(piece))
    haystack = "".join(folded)
    first = len(haystack)
    for word in words:
        at = haystack.find(word)
        if at < 0:
            return None
        first = min(first, at)
    return snippet(text, origin[first] if origin else 0)


def snippet(text: str, at: int) -> str:
    """A line of `text` around position `at`, cut at word boundaries and marked '…' where cut."""
    start = max(0, at - SNIPPET_BEFORE)
    end = min(len(text), at + SNIPPET_AFTER)
    if start > 0:
        space = text.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", at, end)
        end = space if space > at else end
    cut = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + cut + ("…" if end < len(text) else "")


def meeting_blocks(meeting: Meeting) -> Iterator[Block]:
    """The searchable blocks of a meeting, in the minutes' order: the items (title, then
    content), the free sections, then the tasks."""
    from psc.language.mdtext import plain_line, plain_text
    from psc.loading.model import (
        Decision,
        Heading,
        ListBlock,
        Paragraph,
        Statement,
        TaskReview,
    )

    mid = meeting.id

    def content(item: str | None, anchor: str | None, blocks: list[Any]) -> Iterator[Block]:
        for block in blocks:
            if isinstance(block, Paragraph):
                yield Block(mid, item, "paragraph", None, plain_text(block.text), anchor)
            elif isinstance(block, Heading):
                yield Block(mid, item, "heading", None, plain_text(block.heading), anchor)
            elif isinstance(block, ListBlock):
                text = " · ".join(plain_text(p) for p in block.items)
                yield Block(mid, item, "list", None, text, anchor)
            elif isinstance(block, Statement):
                yield Block(mid, item, "statement", None, plain_text(block.text), anchor)
            elif isinstance(block, Decision):
                parts = [block.label, block.decision, block.proposal]
                text = " · ".join(plain_text(p) for p in parts if p)
                if block.number and block.number not in text:
                    text = f"{plain_line(block.number)} · {text}"
                yield Block(mid, item, "decision", block.number, text, anchor)
            elif isinstance(block, TaskReview):
                parts = [block.text, block.note]
                text = " · ".join(plain_text(p) for p in parts if p)
                if text:
                    yield Block(mid, item, "review", block.task, text, anchor)

    for item in meeting.items:
        ref = str(item.number) if item.number is not None else item.title
        anchor = f"item-{item.number}" if item.number is not None else None
        if item.title:
            yield Block(mid, ref, "title", None, plain_text(item.title), anchor)
        yield from content(ref, anchor, item.content)
    for section in meeting.sections:
        title = plain_text(section.title)
        yield Block(mid, title, "title", None, title)
        yield from content(title, None, section.content)
    for i, task in enumerate(meeting.tasks):
        parts = [
            task.text,
            task.responsible_text,
            task.deadline_text,
            task.status_note,
            *(h.note for h in task.status_history),
        ]
        text = " · ".join(plain_text(p) for p in parts if p)
        yield Block(mid, None, "task", meeting.task_id(i), text, f"task-{i + 1}")


def search(project: Project, query: str, *, meetings: list[str] | None = None) -> SearchResult:
    """Every block of the archive's valid meetings (or of `meetings`, by ID) that holds all
    the words of `query`."""
    words = terms(query)
    index = project.report_index()
    chosen = index.meetings
    if meetings:
        for meeting_id in meetings:
            index.meeting(meeting_id)  # an unknown meeting is an error, not an empty list
        chosen = [m for m in chosen if m.id in meetings]
    group = project.load_group()
    hits: list[Hit] = []
    for summary in chosen:
        meeting = project.load_meeting(Path(summary.path), group)
        for block in meeting_blocks(meeting):
            found = match(block.text, words)
            if found is not None:
                hits.append(Hit(block.meeting, block.item, block.kind, block.id, block.text, found))
    return SearchResult(query, hits)
