"""What the commands do, without the command line: each returns what to print.

The CLI parses options and calls one of these; they raise psc's errors and never exit.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psc.errors import InvalidData, UsageError, check_language, did_you_mean, display_path

if TYPE_CHECKING:
    from psc.archive.project import Project

RENDER_DIR = "minutes"
"""Where `psc render` writes by default, relative to the repository root."""


def render_minutes(
    project: Project,
    meeting_ref: str | None,
    *,
    all_: bool = False,
    fmt: str | None = None,
    output: str | None = None,
    lang: str | None = None,
    use_cache: bool = True,
) -> list[str]:
    """Render one meeting (or all) to files or stdout; return the lines to report."""
    from psc.archive.tasks import reviews, track
    from psc.fileio import write_text_atomic
    from psc.publish.render import FORMATS, Renderer

    if fmt is not None and fmt not in (*FORMATS, "pdf"):
        raise UsageError(f"unknown format {fmt!r}; choose md, html or pdf")
    check_language(lang)
    if all_ and meeting_ref:
        raise UsageError("give a meeting or --all, not both")
    if not all_ and not meeting_ref:
        raise UsageError("which meeting? give its date (e.g. psc render 2016-09-07) or --all")
    formats = [fmt] if fmt else list(FORMATS)
    to_stdout = output == "-"
    if to_stdout and (all_ or len(formats) > 1):
        raise UsageError("-o - writes one document: name one meeting and one --format")

    if output is not None and not to_stdout and (all_ or len(formats) > 1):
        if Path(output).exists() and not Path(output).is_dir():
            raise UsageError(f"-o {output}: with --all or both formats, -o names a directory")

    def target(meeting_id: str, fmt_: str) -> Path:
        if output is None:
            return project.root / RENDER_DIR / f"{meeting_id}.{fmt_}"
        if all_ or len(formats) > 1 or Path(output).is_dir():
            return Path(output) / f"{meeting_id}.{fmt_}"
        return Path(output)

    summaries = None
    if all_:
        index = project.report_index(use_cache=use_cache)  # invalid files left out, or --strict
        if not index.meetings:
            raise UsageError(f"no meetings in {display_path(project.meetings_dir)}")
        summaries = index.meetings
        group = project.load_group()
        paths = [Path(m.path) for m in summaries]
    else:
        assert meeting_ref is not None
        paths = [project.meeting_path(meeting_ref)]
        problems = []
        group = None
        try:
            group = project.load_group()
        except InvalidData as exc:
            problems.extend(exc.problems)
        try:
            first = project.load_meeting(paths[0], group)
        except InvalidData as exc:
            problems.extend(exc.problems)
        if problems:
            raise InvalidData(problems)
    assert group is not None

    renderer = Renderer(group, [project.templates_dir], lang)
    lines = []
    for path in paths:  # one meeting at a time: memory stays flat however large the archive
        meeting = first if not all_ else project.load_meeting(path, group)
        if any(True for _ in reviews(meeting)) and not renderer.known_tasks:
            if summaries is None:
                summaries = project.report_index(use_cache=use_cache).meetings
            renderer.known_tasks = {t.id: t.task for t in track(summaries).values()}
        rendered = [(f, renderer.render(meeting, f)) for f in formats]
        if to_stdout:
            if isinstance(rendered[0][1], bytes):
                raise UsageError("a PDF does not go to the terminal: give -o FILE")
            sys.stdout.write(rendered[0][1])
            return []
        for f, text in rendered:
            out = target(meeting.id, f)
            project.check_output(out)
            write_text_atomic(out, text)
            lines.append(f"wrote {display_path(out)}")
    return lines


def parse_days(text: str, option: str = "--due-within") -> int:
    """'14d', '2w' or '14' -> days; a bad value is a usage error naming `option`."""
    import re

    match = re.fullmatch(r"\s*(\d+)\s*([dw]?)\s*", text)
    if not match:
        raise UsageError(f"{option} {text!r}: give days or weeks, e.g. 14d or 2w")
    if len(match.group(1).lstrip("0")) > MAX_DAYS_DIGITS:
        raise UsageError(f"{option} {text!r}: give at most {'9' * MAX_DAYS_DIGITS} days")
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


MAX_DAYS_DIGITS = 9
"""Longer numbers of days are refused (dates past the calendar's end saturate at 9999-12-31)."""


def check_owners(project: Project, index: Any, owners: tuple[str, ...]) -> None:
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


def list_tasks(
    project: Project,
    selection: Any,
    *,
    fmt: str = "table",
    group_by: str | None = None,
    lang: str | None = None,
    use_cache: bool = True,
    csv_dialect: str = "standard",
) -> tuple[Any, list[str], int]:
    """The task report: (text, or records for a table; notes for stderr; number of tasks)."""
    from psc.archive.tasks import STATUSES, select, track, unresolved_left_out
    from psc.publish.reports import REPORT_FORMATS, report

    if fmt not in REPORT_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose {', '.join(REPORT_FORMATS)}")
    if selection.status not in STATUSES:
        raise UsageError(f"unknown status {selection.status!r}; choose {', '.join(STATUSES)}")
    if group_by not in (None, "owner"):
        raise UsageError(f"--group-by {group_by!r}: only 'owner' is supported")
    check_language(lang)
    index = project.report_index(use_cache=use_cache)
    if selection.meeting is not None:
        index.meeting(selection.meeting)  # an unknown meeting is an error, not an empty list
    check_owners(project, index, selection.owners)
    tracked = list(track(index.meetings, as_of=selection.as_of).values())
    chosen = select(tracked, selection)
    notes = [
        f"note: task {t.id} has no date for its 'next meeting' deadline (no later meeting is known); "
        "date filters leave it out"
        for t in unresolved_left_out(tracked, selection)
    ]
    if fmt in ("md", "html"):  # reports from templates need the full renderer
        from psc.publish.render import Renderer

        renderer = Renderer(project.load_group(), [project.templates_dir], lang)
    else:
        renderer = index.wording(lang)
    body = report(
        chosen,
        fmt,
        as_of=selection.as_of,
        renderer=renderer,
        overdue_only=selection.overdue,
        group_by=group_by,
        csv_dialect=csv_dialect,
    )
    return body, notes, len(chosen)


def show_task(
    project: Project, task_id: str, *, as_of: Any, lang: str | None = None, use_cache: bool = True
) -> list[str]:
    """A task with its whole history, as lines of text."""
    from psc.archive.tasks import next_meeting_after, track

    check_language(lang)
    index = project.report_index(use_cache=use_cache)
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


def list_meetings(
    project: Project,
    *,
    fmt: str = "table",
    lang: str | None = None,
    use_cache: bool = True,
    as_of: Any = None,
) -> Any:
    """The meetings: date, number, title, draft/approved, open tasks assigned there (as the
    archive stood on `as_of`: none yet at a meeting after it; None: everything)."""
    import json

    from psc.archive.tasks import track

    if fmt not in ("table", "json"):
        raise UsageError(f"unknown format {fmt!r}; choose table or json")
    check_language(lang)
    index = project.report_index(use_cache=use_cache)
    labels = index.wording(lang).labels
    open_count: dict[str, int] = {}
    for t in track(index.meetings, as_of=as_of).values():
        if t.status.value == "open":
            open_count[t.meeting.id] = open_count.get(t.meeting.id, 0) + 1
    records = [
        {
            "id": m.id,
            "date": m.date.isoformat(),
            "number": m.number,
            "title": m.title,
            "approved": m.approved,
            "open_tasks": open_count.get(m.id, 0),
        }
        for m in index.meetings
    ]
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    columns = [
        labels["date"],
        labels["col_number"],
        labels["col_title"],
        labels["col_status"],
        labels["col_open_tasks"],
    ]
    rows = [
        [
            r["id"],
            r["number"],
            r["title"],
            labels["approved"] if r["approved"] else labels["draft"],
            r["open_tasks"],
        ]
        for r in records
    ]
    return {
        "title": labels["meetings_title"],
        "columns": columns,
        "rows": rows,
        "overdue": [False] * len(rows),
    }
