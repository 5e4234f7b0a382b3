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

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.archive.tasks import TrackedTask
    from psc.loading.model import Group, Meeting

__all__ = ["EditError", "STATUS_BY_ACTION", "check_edit", "set_status"]


STATUS_BY_ACTION = {"done": "done", "cancel": "cancelled", "reopen": "open"}
_WORD = {"done": "done", "cancelled": "cancelled", "open": "reopened"}


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
        raise UsageError(f"unknown task {task_id!r}" + did_you_mean(task_id, list(tasks)))
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
        raise EditError(f"{shown}: task {task_id} is not in the file any more; nothing was written")
    tracked = track([fresh if m.id == fresh.id else m for m in index.meetings])[task_id]
    if on < tracked.meeting.date:
        raise UsageError(
            f"--on {on.isoformat()} is before the task was assigned ({tracked.meeting.date.isoformat()})"
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
        raise EditError(f"{shown}: cannot edit: {exc}") from None
    except EditError as exc:
        raise EditError(f"{shown}: cannot edit task {task_id}: {exc}") from None
    edited = check_edit_parsed(project, path, new_text, group)[1]
    _check_only_task_changed(shown, task_id, parsed[0], edited, task_index, values, entry)
    if new_text != text:
        write_text_atomic(path, pipeline.with_bom_of(raw, new_text), unchanged_since=raw)
    return path, f"{task_id}: {_WORD[status]} on {on.isoformat()} ({shown})"


def _check_takes_effect(tracked: TrackedTask, status: str, on: dt.date) -> None:
    """Refuse a status the task has already, and one that a later status event (a review at a
    later meeting, or a status dated later) would override: it would change nothing."""
    word = _WORD[status]
    if tracked.status.value == status:
        since = f" (since {tracked.status_date.isoformat()})" if tracked.status_date else ""
        raise EditError(f"task {tracked.id} is already {status}{since}; nothing was written")
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
            f"task {tracked.id}: the review at the meeting {last.meeting.id} ({last.date.isoformat()}) sets it "
            f"{last.status.value}, so {word} on {on.isoformat()} would have no effect; nothing was written "
            f"(edit that review in {display_path(last.meeting.path)}, or give --on after {last.date.isoformat()})"
        )
    raise EditError(
        f"task {tracked.id}: its status {last.status.value} is dated {last.date.isoformat()}, after --on "
        f"{on.isoformat()}, so {word} would have no effect; nothing was written "
        f"(give --on {last.date.isoformat()} or later)"
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
        f"record it in the review of the task at {reviewing[0].id} "
        f"({display_path(reviewing[0].path)})"
        if reviewing
        else "record it as a review of the task at the next meeting (`psc new-meeting` lists it)"
    )
    raise EditError(
        f"task {tracked.id}: {tracked.meeting.id} was approved on {approved_on.isoformat()}, "
        f"so {_WORD[status]} on {on.isoformat()} would change the approved minutes; nothing "
        f"was written ({where}, or give --on after {approved_on.isoformat()})"
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
            f"{shown}: psc cannot edit task {task_id} without changing other values in the file "
            "(edit it by hand); nothing was written"
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
            "the edit would make the file invalid, so nothing was written:\n"
            + "\n".join(str(p) for p in exc.problems)
        ) from None
