"""Questions put to the archive by the read-only commands: which meetings there are
(`psc list`), what became of one task (`psc tasks show`), whether an --owner names anyone.

Each answer is a typed result made from the index (never from the files directly); the
command line only prints it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from psc.errors import UsageError, check_language, did_you_mean
from psc.language.table import Table
from psc.messages import _

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.archive.summary import MeetingSummary

MEETING_FORMATS = ("table", "json")

_json_str = json.encoder.encode_basestring  # type: ignore[attr-defined]
"""A string as json.dumps(ensure_ascii=False) writes it (the C encoder)."""


@dataclass
class MeetingRow:
    """One meeting of `psc list` (the JSON object of its --format json)."""

    id: str
    date: str
    number: int | None
    title: str
    approved: bool
    published: bool
    """Published minutes whose approval the text does not record: neither approved nor a draft."""
    open_tasks: int


@dataclass
class MeetingList:
    """The meetings, oldest first, as records and as a table in the group's language."""

    meetings: list[MeetingRow]
    table: Table

    def as_json(self) -> str:
        """The records as `json.dumps(records, ensure_ascii=False, indent=2)` writes them
        (a stable interface), with the C encoder for each value: the indenting encoder is
        pure Python and slow on thousands of meetings."""
        if not self.meetings:
            return "[]\n"
        records = (
            '  {{\n    "id": {},\n    "date": {},\n    "number": {},\n    "title": {},\n'
            '    "approved": {},\n    "published": {},\n    "open_tasks": {}\n  }}'.format(
                _json_str(m.id),
                _json_str(m.date),
                "null" if m.number is None else int(m.number),
                _json_str(m.title),
                "true" if m.approved else "false",
                "true" if m.published else "false",
                int(m.open_tasks),
            )
            for m in self.meetings
        )
        return "[\n" + ",\n".join(records) + "\n]\n"


def list_meetings(
    project: Project, *, fmt: str = "table", lang: str | None = None, as_of: dt.date | None = None
) -> MeetingList:
    """The meetings: date, number, title, draft/approved, open tasks assigned there (as the
    archive stood on `as_of`: none yet at a meeting after it; None: everything)."""
    from psc.archive.taskindex import answer
    from psc.archive.tasks import track

    if fmt not in MEETING_FORMATS:
        raise UsageError(_("unknown format {format!r}; choose table or json", format=fmt))
    check_language(lang)
    answered = answer(
        project, lambda db: (db.wording(lang).labels, db.meeting_rows(), db.open_counts(as_of))
    )
    open_count: dict[str, int] = {}
    if answered is not None:  # answered by the index database
        labels, summaries, open_count = answered
    else:
        index = project.report_index()
        labels = index.wording(lang).labels
        summaries = index.meetings
        for t in track(index.meetings, as_of=as_of).values():
            if t.status.value == "open":
                open_count[t.meeting.id] = open_count.get(t.meeting.id, 0) + 1
    meetings = [
        MeetingRow(
            id=m.id,
            date=m.date.isoformat(),
            number=m.number,
            title=m.title,
            approved=m.approved,
            open_tasks=open_count.get(m.id, 0),
            published=m.published,
        )
        for m in summaries
    ]
    columns = [
        labels["date"],
        labels["col_number"],
        labels["col_title"],
        labels["col_status"],
        labels["col_open_tasks"],
    ]
    rows: list[list[object]] = [
        [
            m.id,
            m.number,
            m.title,
            labels["approved"]
            if m.approved
            else labels["published"]
            if m.published
            else labels["draft"],
            m.open_tasks,
        ]
        for m in meetings
    ]
    table = Table(labels["meetings_title"], columns, rows, highlight=[False] * len(rows))
    return MeetingList(meetings, table)


def responsible_of(meetings: Iterable[MeetingSummary]) -> list[str]:
    """Every name the tasks of `meetings` give as responsible, once each."""
    names: dict[str, None] = {}
    for meeting in meetings:
        for task in meeting.tasks:
            names.update(dict.fromkeys(task.responsible))
    return list(names)


def check_owners(
    project: Project,
    info: dict[str, Any],
    owners: tuple[str, ...],
    responsible: Iterable[str],
) -> None:
    """Each --owner must name an organisation of the group (`info`: what reports know of
    it), a member, or one of the `responsible` of some task: else it is a typo, and an
    empty report (exit 0, also under --fail-if-any) would silently hide what it was meant
    to catch."""
    from psc.archive.project import group_info
    from psc.terms import nfc

    if not owners:
        return
    known = info.get("owners")
    if known is None:  # an index written before owners were kept
        known = group_info(project.load_group())["owners"]
    names = {nfc(n): None for n in known}
    names.update((nfc(n), None) for n in responsible)
    folded = {n.casefold() for n in names}
    for owner in owners:
        if nfc(owner).casefold() not in folded:
            raise UsageError(
                _(
                    "--owner {owner!r}: no organisation, member or task responsible of that name",
                    owner=owner,
                )
                + did_you_mean(nfc(owner), list(names))
            )


def show_task(
    project: Project, task_id: str, *, as_of: dt.date, lang: str | None = None
) -> list[str]:
    """A task with its whole history, as lines of text."""
    from psc.archive.tasks import next_meeting_after, track

    check_language(lang)
    index = project.report_index()
    tasks = track(index.meetings, as_of=as_of)
    if task_id not in tasks:
        later = next(
            (
                m
                for m in index.meetings
                if m.date > as_of and any(m.task_id(i) == task_id for i in range(len(m.tasks)))
            ),
            None,
        )
        if later is not None:
            raise UsageError(
                _(
                    "task {id!r} is assigned at {meeting}, after the as-of date {date}; "
                    "give a later --as-of",
                    id=task_id,
                    meeting=later.id,
                    date=as_of.isoformat(),
                )
            )
        raise UsageError(_("unknown task {id!r}", id=task_id) + did_you_mean(task_id, list(tasks)))
    t = tasks[task_id]
    r = index.wording(lang)
    lab = r.labels
    lines = [
        f"{t.id}: {t.task.text}",
        f"  {lab['col_responsible']}: {', '.join(t.owners) or lab['all_members']}",
        f"  {lab['col_deadline']}: {r.deadline_words(t.deadline, t.due) if t.deadline else ''}"
        + (f" [{t.due.isoformat()}]" if t.due else ""),
        f"  {lab['col_status']}: {lab['status_' + t.status.value]}"
        + (f" ({r.short_date(t.status_date)})" if t.status_date else "")
        + (f": {t.status_note}" if t.status_note else "")
        + (
            f"; {t.days_overdue(as_of)} {lab['col_overdue'].lower()}" if t.is_overdue(as_of) else ""
        ),
    ]
    if t.task.contact:
        lines.append(f"  {lab['col_contact']}: {t.task.contact}")
    imposed = [  # the resolutions imposing it (register of resolutions)
        m.decision_id(i)
        for m in index.meetings
        if m.date <= as_of
        for i, d in enumerate(m.decisions)
        if task_id in d.imposes
    ]
    if imposed:
        lines.append(f"  {lab['reg_imposed_by']}: {', '.join(imposed)}")
    lines.append("")
    for event in t.history:
        what = {
            "assigned": lab["history_assigned"],
            "status": lab["history_status"],
            "review": lab["history_review"],
        }[event.kind].format(meeting=event.meeting.id)
        parts = []
        if event.status is not None and event.kind != "assigned":
            parts.append(lab["status_" + event.status.value])
        if event.deadline is not None:
            due = next_meeting_after(event.meeting, index.meetings)
            parts.append(f"{lab['col_deadline'].lower()}: {r.deadline_words(event.deadline, due)}")
        if event.note:
            parts.append(event.note)
        lines.append(
            f"  {event.date.isoformat()}  {what}" + (f": {'; '.join(parts)}" if parts else "")
        )
    return lines
