"""`psc tasks`: the task report, selected from the archive and made in the chosen format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from psc.errors import MeetingNotFound, UsageError, check_language
from psc.language.table import Table
from psc.messages import _

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.archive.taskindex import TaskIndex
    from psc.archive.tasks import Selection, TrackedTask
    from psc.language.wording import Wording


@dataclass
class TaskReport:
    """The report: text (md, html, json, csv) or a table for the terminal; notes for stderr."""

    text: str | None
    table: Table | None
    count: int
    """How many tasks the report holds (for --fail-if-any)."""
    notes: list[str] = field(default_factory=list)


def list_tasks(
    project: Project,
    selection: Selection,
    *,
    fmt: str = "table",
    group_by: str | None = None,
    lang: str | None = None,
    csv_dialect: str = "standard",
) -> TaskReport:
    """The tasks `selection` chooses, as the report in `fmt`."""
    from psc.archive.queries import check_owners, responsible_of
    from psc.archive.taskindex import answer
    from psc.archive.tasks import STATUSES, dated, select, track, unresolved_left_out
    from psc.publish.reports import REPORT_FORMATS, report

    if fmt not in REPORT_FORMATS:
        raise UsageError(
            _(
                "unknown format {fmt!r}; choose {choices}",
                fmt=fmt,
                choices=", ".join(REPORT_FORMATS),
            )
        )
    if selection.status not in STATUSES:
        raise UsageError(
            _(
                "unknown status {status!r}; choose {choices}",
                status=selection.status,
                choices=", ".join(STATUSES),
            )
        )
    if group_by not in (None, "owner"):
        raise UsageError(_("--group-by {value!r}: only 'owner' is supported", value=group_by))
    check_language(lang)

    def from_index(db: TaskIndex) -> tuple[list[TrackedTask], list[TrackedTask], Wording]:
        if selection.meeting is not None and not db.has_meeting(selection.meeting):
            raise MeetingNotFound(_("no meeting {meeting!r}", meeting=selection.meeting))
        check_owners(project, db.group_info, selection.owners, db.responsible)
        candidates = db.tasks(selection.as_of, status=selection.status, overdue=selection.overdue)
        left_out = db.unresolved(selection.as_of) if dated(selection) else []
        return select(candidates, selection), left_out, db.wording(lang)

    renderer: Wording
    answered = answer(project, from_index) if fmt not in ("md", "html") else None
    if answered is not None:  # answered by the index database
        chosen, left_out, renderer = answered
    else:
        index = project.report_index()
        if selection.meeting is not None:
            index.meeting(selection.meeting)  # an unknown meeting is an error, not an empty list
        check_owners(project, index.group_info, selection.owners, responsible_of(index.meetings))
        tracked = list(track(index.meetings, as_of=selection.as_of).values())
        chosen = select(tracked, selection)
        left_out = unresolved_left_out(tracked, selection)
        if fmt in ("md", "html"):  # reports from templates need the full renderer
            from psc.publish.render import Renderer

            renderer = Renderer(project.load_group(), [project.templates_dir], lang)
        else:
            renderer = index.wording(lang)
    notes = [
        _(
            "note: task {task} has no date for its 'next meeting' deadline (no later meeting "
            "is known); date filters leave it out",
            task=t.id,
        )
        for t in left_out
    ]
    body = report(
        chosen,
        fmt,
        as_of=selection.as_of,
        renderer=renderer,
        overdue_only=selection.overdue,
        group_by=group_by,
        csv_dialect=csv_dialect,
    )
    if isinstance(body, Table):
        return TaskReport(None, body, len(chosen), notes)
    return TaskReport(body, None, len(chosen), notes)
