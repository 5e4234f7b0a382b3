"""Questions put to the archive by the read-only commands: which meetings there are
(`psc list`), what became of one task (`psc tasks show`), whether an --owner names anyone.

Each answer is a typed result made from the index (never from the files directly); the
command line only prints it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from psc.errors import UsageError, check_language, did_you_mean
from psc.language.table import Table

if TYPE_CHECKING:
    from psc.archive.project import Index, Project

MEETING_FORMATS = ("table", "json")


@dataclass
class MeetingRow:
    """One meeting of `psc list` (the JSON object of its --format json)."""

    id: str
    date: str
    number: int | None
    title: str
    approved: bool
    open_tasks: int


@dataclass
class MeetingList:
    """The meetings, oldest first, as records and as a table in the group's language."""

    meetings: list[MeetingRow]
    table: Table

    def as_json(self) -> str:
        records = [dataclasses.asdict(m) for m in self.meetings]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def list_meetings(
    project: Project, *, fmt: str = "table", lang: str | None = None, as_of: dt.date | None = None
) -> MeetingList:
    """The meetings: date, number, title, draft/approved, open tasks assigned there (as the
    archive stood on `as_of`: none yet at a meeting after it; None: everything)."""
    from psc.archive.tasks import track

    if fmt not in MEETING_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose table or json")
    check_language(lang)
    index = project.report_index()
    labels = index.wording(lang).labels
    open_count: dict[str, int] = {}
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
        )
        for m in index.meetings
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
            labels["approved"] if m.approved else labels["draft"],
            m.open_tasks,
        ]
        for m in meetings
    ]
    table = Table(labels["meetings_title"], columns, rows, highlight=[False] * len(rows))
    return MeetingList(meetings, table)


def check_owners(project: Project, index: Index, owners: tuple[str, ...]) -> None:
    """Each --owner must name an organisation of the group, a member, or the responsible of
    some task: else it is a typo, and an empty report (exit 0, also under --fail-if-any)
    would silently hide what it was meant to catch."""
    from psc.archive.project import group_info
    from psc.terms import nfc

    if not owners:
        return
    known = index.group_info.get("owners")
    if known is None:  # a cache written before owners were kept
        known = group_info(project.load_group())["owners"]
    names = {nfc(n): None for n in known}
    for meeting in index.meetings:
        for task in meeting.tasks:
            names.update((nfc(n), None) for n in task.responsible)
    folded = {n.casefold() for n in names}
    for owner in owners:
        if nfc(owner).casefold() not in folded:
            raise UsageError(
                f"--owner {owner!r}: no organisation, member or task responsible of that name"
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
                f"task {task_id!r} is assigned at {later.id}, after the as-of date "
                f"{as_of.isoformat()}; give a later --as-of"
            )
        raise UsageError(f"unknown task {task_id!r}" + did_you_mean(task_id, list(tasks)))
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
