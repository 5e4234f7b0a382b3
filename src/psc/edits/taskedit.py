"""Setting a task's status in the meeting file that holds it, changing only that task's lines.

The text is edited where its YAML nodes are (`psc.loading.yamledit`: comments, key order,
quoting and line endings elsewhere stay byte for byte). The result is validated through the
loading pipeline (`check_edit`) before it replaces the file, and it is written atomically
under the repository's edit lock.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from psc.errors import InvalidData, UsageError, did_you_mean, display_path
from psc.loading.yamledit import EditError, append_to_task_list, set_fields
from psc.messages import _

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.archive.tasks import TrackedTask
    from psc.loading.model import Group, Meeting

__all__ = ["EditError", "STATUS_BY_ACTION", "check_edit", "set_status"]


STATUS_BY_ACTION = {"done": "done", "cancel": "cancelled", "reopen": "open"}


def _word(status: str) -> str:
    """Setting `status`, in the language of the messages: 'done', 'reopened'."""
    words = {"done": _("done"), "cancelled": _("cancelled"), "open": _("reopened")}
    return words[status]


def _status(status: str) -> str:
    """A status a task has, in the language of the messages: 'done', 'open'."""
    words = {"done": _("done"), "cancelled": _("cancelled"), "open": _("open")}
    return words.get(status, status)


def set_status(
    project: Project, task_id: str, action: str, *, on: dt.date, note: str | None = None
) -> tuple[Path, str]:
    """Record a status on the task `task_id` in the file that holds it; return (path, message).

    Under the repository's edit lock: the file is read again and the task found in those
    bytes; a status the task has already, or one a later status would override, is refused;
    the task's previous status moves into its `status_history`."""
    with project.edit_lock():
        return _set_status(project, task_id, STATUS_BY_ACTION[action], on=on, note=note)


def _set_status(
    project: Project, task_id: str, status: str, *, on: dt.date, note: str | None
) -> tuple[Path, str]:
    from psc.archive.summary import summarize
    from psc.archive.tasks import track
    from psc.fileio import write_text_atomic
    from psc.loading import pipeline

    index = project.index()  # refuses (InvalidData) when any file is invalid
    tasks = track(index.meetings)
    if task_id not in tasks:
        raise UsageError(_("unknown task {id!r}", id=task_id) + did_you_mean(task_id, list(tasks)))
    path = Path(tasks[task_id].meeting.path)
    project.check_inside(path)  # a symlinked meeting file must lead to a file inside the repository
    shown = display_path(path)
    raw = pipeline.read(path)
    text = pipeline.text(raw, shown)
    group = project.load_group()
    parsed = pipeline.tree(text, shown)  # parsed once: for the model and to compare the edit
    loaded = pipeline.load_meeting(text, path, group, parsed=parsed)
    fresh = summarize(loaded)  # the task as these bytes hold it
    task_index = next((i for i in range(len(fresh.tasks)) if fresh.task_id(i) == task_id), None)
    if task_index is None:  # pragma: no cover - the index was made under the same lock
        raise EditError(
            _(
                "{path}: task {id} is not in the file any more; nothing was written",
                path=shown,
                id=task_id,
            )
        )
    tracked = track([fresh if m.id == fresh.id else m for m in index.meetings])[task_id]
    if on < tracked.meeting.date:
        raise UsageError(
            _(
                "--on {on} is before the task was assigned ({date})",
                on=on.isoformat(),
                date=tracked.meeting.date.isoformat(),
            )
        )
    _check_takes_effect(tracked, status, on)
    _check_after_approval(loaded, tracked, status, on, index.meetings)
    task = fresh.tasks[task_index]
    values: dict[str, str | None] = {
        "status": status,
        "status_date": on.isoformat(),
        "status_note": note,
    }
    entry: dict[str, str] | None = None
    if task.status.value != "open" or task.status_date or task.status_note:
        entry = {"status": task.status.value}  # the status it had is kept, not overwritten
        if task.status_date:
            entry["date"] = task.status_date.isoformat()
        if task.status_note:
            entry["note"] = task.status_note
    try:
        new_text = set_fields(text, task_index, values)
        if entry is not None:
            new_text = append_to_task_list(new_text, task_index, "status_history", entry)
    except yaml.YAMLError as exc:  # pragma: no cover - the file was just validated
        raise EditError(_("{path}: cannot edit: {error}", path=shown, error=exc)) from None
    except EditError as exc:
        raise EditError(
            _("{path}: cannot edit task {id}: {error}", path=shown, id=task_id, error=exc)
        ) from None
    edited = check_edit_parsed(project, path, new_text, group)[1]
    _check_only_task_changed(shown, task_id, parsed[0], edited, task_index, values, entry)
    if new_text != text:
        write_text_atomic(path, pipeline.with_bom_of(raw, new_text), unchanged_since=raw)
    fields = {"id": task_id, "date": on.isoformat(), "path": shown}
    if status == "done":
        return path, _("{id}: done on {date} ({path})", **fields)
    if status == "cancelled":
        return path, _("{id}: cancelled on {date} ({path})", **fields)
    return path, _("{id}: reopened on {date} ({path})", **fields)


def _check_takes_effect(tracked: TrackedTask, status: str, on: dt.date) -> None:
    """Refuse a status the task has already, and one that a later status event (a review at a
    later meeting, or a status dated later) would override: it would change nothing."""
    word = _word(status)
    if tracked.status.value == status:
        since = (
            _(" (since {date})", date=tracked.status_date.isoformat())
            if tracked.status_date
            else ""
        )
        raise EditError(
            _(
                "task {id} is already {status}{since}; nothing was written",
                id=tracked.id,
                status=_status(status),
                since=since,
            )
        )
    key = (on, tracked.meeting.date, tracked.meeting.id, 1)  # TaskEvent.sort_key of the new status
    later = [
        e
        for e in tracked.history
        if e.kind != "assigned" and e.status is not None and e.sort_key > key
    ]
    if not later:
        return
    last = max(later, key=lambda e: e.sort_key)
    assert last.status is not None  # `later` holds status events only
    if last.kind == "review":
        raise EditError(
            _(
                "task {id}: the review at the meeting {meeting} ({date}) sets it {status}, "
                "so {word} on {on} would have no effect; nothing was written "
                "(edit that review in {path}, or give --on after {date})",
                id=tracked.id,
                meeting=last.meeting.id,
                date=last.date.isoformat(),
                status=_status(last.status.value),
                word=word,
                on=on.isoformat(),
                path=display_path(last.meeting.path),
            )
        )
    raise EditError(
        _(
            "task {id}: its status {status} is dated {date}, after --on {on}, so {word} would "
            "have no effect; nothing was written (give --on {date} or later)",
            id=tracked.id,
            status=_status(last.status.value),
            date=last.date.isoformat(),
            on=on.isoformat(),
            word=word,
        )
    )


def _check_after_approval(
    meeting: Meeting, tracked: TrackedTask, status: str, on: dt.date, meetings: list[Any]
) -> None:
    """Approved minutes hold the statuses they had when approved: a status dated on or
    before the approval (or the latest amendment) would change them, so it is refused, and
    the meeting that reviews the task (a later one not yet approved) is named for it."""
    from psc.loading.fingerprint import approval_date

    if meeting.approved_by is None and meeting.approved_at is None:
        return
    approved_on = approval_date(meeting)
    if approved_on is None or on > approved_on:
        return  # tracked after the approval: not part of what was approved
    reviewing = [
        m
        for m in meetings
        if (m.date, m.id) > (meeting.date, meeting.id)
        and not m.approved
        and any(r.task == tracked.id for r in m.reviews)
    ]
    where = (
        _(
            "record it in the review of the task at {meeting} ({path})",
            meeting=reviewing[0].id,
            path=display_path(reviewing[0].path),
        )
        if reviewing
        else _("record it as a review of the task at the next meeting (`psc new-meeting` lists it)")
    )
    raise EditError(
        _(
            "task {id}: {meeting} was approved on {date}, so {word} on {on} would change the "
            "approved minutes; nothing was written ({where}, or give --on after {date})",
            id=tracked.id,
            meeting=tracked.meeting.id,
            date=approved_on.isoformat(),
            word=_word(status),
            on=on.isoformat(),
            where=where,
        )
    )


def _check_only_task_changed(
    shown: str,
    task_id: str,
    before: Any,
    after: Any,
    index: int,
    values: dict[str, str | None],
    entry: dict[str, str] | None,
) -> None:
    """The edited file (its data `after`) must hold exactly the old data (`before`) with the
    task's new values: never write an edit that changed anything else (a lost or gained
    line break, say)."""
    task = dict(before["tasks"][index])
    for key, value in values.items():
        if value is None:
            task.pop(key, None)
            if after["tasks"][index].get(key) == "":  # a key that could not be removed is emptied
                task[key] = ""
        else:
            task[key] = value
    if entry is not None:
        task["status_history"] = [*(task.get("status_history") or []), entry]
    expected = dict(before, tasks=[*before["tasks"][:index], task, *before["tasks"][index + 1 :]])
    if after != expected:
        raise EditError(
            _(
                "{path}: psc cannot edit task {id} without changing other values in the file "
                "(edit it by hand); nothing was written",
                path=shown,
                id=task_id,
            )
        )


def check_edit(
    project: Project, path: Path, text: str, group: Group | None, *, approval: bool = True
) -> Meeting:
    """Validate the edited text as the file it will replace, through the loading pipeline;
    never write an invalid file. Returns the meeting it holds."""
    return check_edit_parsed(project, path, text, group, approval=approval)[0]


def check_edit_parsed(
    project: Project, path: Path, text: str, group: Group | None, *, approval: bool = True
) -> tuple[Meeting, Any]:
    """`check_edit`, also returning the edited file's data (its `pipeline.tree`), parsed once."""
    from psc.loading import pipeline

    try:
        parsed = pipeline.tree(text, display_path(path))
        meeting = pipeline.load_meeting(text, path, group, approval=approval, parsed=parsed)
        return meeting, parsed[0]
    except InvalidData as exc:
        raise EditError(
            _("the edit would make the file invalid, so nothing was written:")
            + "\n"
            + "\n".join(str(p) for p in exc.problems)
        ) from None
