"""Tasks across the archive: stable IDs, deadlines resolved, status and history, reports.

Everything here is pure: functions take the archive and the date they compare with
(`as_of`); nothing reads the clock or the disk.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from psc.archive.summary import MeetingSummary, TaskSummary, summarize
from psc.errors import display_path
from psc.messages import _
from psc.terms import Deadline, TaskStatus, add_days, nfc

Meeting = MeetingSummary  # what this module works on; models are summarized first

STATUSES = ("open", "done", "cancelled", "all")


@dataclass(slots=True)
class TaskEvent:
    """One entry of a task's history: assigned, a status set on the task, or a review."""

    date: dt.date
    meeting: Meeting
    kind: str  # "assigned", "status", "review"
    status: TaskStatus | None = None
    deadline: Deadline | None = None
    note: str | None = None

    @property
    def sort_key(self) -> tuple[Any, ...]:
        order = {"assigned": 0, "status": 1, "review": 2}[self.kind]
        return (self.date, self.meeting.date, self.meeting.id, order)


@dataclass(slots=True)
class TrackedTask:
    """A task as it stands: where it was assigned, its effective status and deadline."""

    id: str
    task: TaskSummary
    meeting: Meeting
    index: int
    history: list[TaskEvent] = field(default_factory=list)
    status: TaskStatus = TaskStatus.open
    status_date: dt.date | None = None
    status_note: str | None = None
    deadline: Deadline | None = None
    deadline_set_at: Meeting | None = None
    due: dt.date | None = None
    """The deadline as a date: None for ongoing tasks and unresolved 'next meeting' deadlines."""

    @property
    def unresolved(self) -> bool:
        return (
            self.deadline is not None and self.deadline.kind == "next_meeting" and self.due is None
        )

    def is_overdue(self, as_of: dt.date) -> bool:
        """Not done or cancelled, and due before `as_of` (a task due today is not overdue)."""
        return self.status == TaskStatus.open and self.due is not None and self.due < as_of

    def days_overdue(self, as_of: dt.date) -> int | None:
        """Days past the deadline at `as_of` (0 when not past it); None without a due date."""
        if self.due is None:
            return None
        return max((as_of - self.due).days, 0) if self.status == TaskStatus.open else 0

    @property
    def owners(self) -> list[str]:
        return list(self.task.responsible)


def next_meeting_after(
    meeting: Any, meetings: list[Any], *, dates: list[dt.date] | None = None
) -> dt.date | None:
    """The date of the meeting after `meeting`: the next file in the archive, else the
    first date listed in `meeting` itself (a firm one before tentative ones).
    `dates`, the sorted dates of `meetings`, saves sorting them again."""
    if dates is None:
        dates = sorted(m.date for m in meetings)
    i = bisect.bisect_right(dates, meeting.date)
    if i < len(dates):
        return dates[i]
    listed = [n for n in meeting.next_meetings if n.date > meeting.date]
    firm = [n.date for n in listed if not n.tentative]
    listed_dates = firm or [n.date for n in listed]
    return min(listed_dates) if listed_dates else None


def summaries(meetings: Iterable[Any]) -> list[MeetingSummary]:
    """Summaries of meetings given as summaries or as models, in date order."""
    out = [m if isinstance(m, MeetingSummary) else summarize(m) for m in meetings]
    return sorted(out, key=lambda m: (m.date, m.id))


def track(meetings: Iterable[Any], as_of: dt.date | None = None) -> dict[str, TrackedTask]:
    """Every task of the archive by ID, with its history and effective state.

    `as_of`: the archive as it stood on that date. Tasks assigned at meetings held after it
    are left out, and so are reviews at such meetings and statuses dated after it (a status
    without a date counts from the meeting that records it); the dates of later meeting
    files still date 'next meeting' deadlines (the schedule was known). None: everything.
    Assumes a checked archive (`check_tasks` reports duplicate and unknown IDs).
    """
    gc.disable()  # builds many small acyclic objects; the cyclic collector only slows it down
    try:
        schedule = summaries(meetings)
        held = schedule if as_of is None else [m for m in schedule if m.date <= as_of]
        return _track(held, schedule, as_of)
    finally:
        gc.freeze()  # what was built lives to the end: keep later collections from rescanning it
        gc.enable()


def _track(
    meetings: list[MeetingSummary],
    schedule: list[MeetingSummary],
    as_of: dt.date | None,
    only: set[str] | None = None,
) -> dict[str, TrackedTask]:
    """`meetings`: those whose content counts; `schedule`: every meeting file, for dates;
    `only`: the IDs of the tasks wanted (None: all)."""
    tasks: dict[str, TrackedTask] = {}
    for meeting in meetings:
        for index, task in enumerate(meeting.tasks):
            tid = meeting.task_id(index)
            if tid in tasks or (only is not None and tid not in only):
                continue
            tracked = TrackedTask(tid, task, meeting, index)
            tracked.history.append(
                TaskEvent(meeting.date, meeting, "assigned", TaskStatus.open, task.deadline)
            )
            for status, date, note in task.status_history:  # earlier statuses, oldest first
                tracked.history.append(
                    TaskEvent(date or meeting.date, meeting, "status", status, None, note)
                )
            if task.status != TaskStatus.open or task.status_date or task.status_note:
                when = task.status_date or meeting.date
                tracked.history.append(
                    TaskEvent(when, meeting, "status", task.status, None, task.status_note)
                )
            tasks[tid] = tracked
    for meeting in meetings:
        for review in reviews(meeting):
            reviewed = tasks.get(review.task)
            if reviewed is not None and (meeting.date, meeting.id) > (
                reviewed.meeting.date,
                reviewed.meeting.id,
            ):
                reviewed.history.append(
                    TaskEvent(
                        meeting.date, meeting, "review", review.status, review.deadline, review.note
                    )
                )
    dates = [m.date for m in schedule]
    for tracked in tasks.values():
        _settle(tracked, schedule, dates, as_of)
    return tasks


def timeline(
    meetings: Iterable[Any], only: set[str] | None = None
) -> list[tuple[dt.date, dt.date | None, TrackedTask]]:
    """Every task's (`only`: those of these IDs) states over the as-of dates: (start, until,
    state) such that
    `track(meetings, as_of)` gives the task that state for every `as_of` with
    start <= as_of < until (`until` None: from `start` on). A task does not exist before the
    date of its meeting; its state changes only on the dates of its history's events, so
    the states are settled once per such date. What the index database keeps, so that a
    report as of any date is a range query (`psc.archive.taskindex`)."""
    gc.disable()
    try:
        schedule = summaries(meetings)
        dates = [m.date for m in schedule]
        states: list[tuple[dt.date, dt.date | None, TrackedTask]] = []
        for final in _track(schedule, schedule, None, only).values():
            start = final.meeting.date
            bounds = [start, *sorted({e.date for e in final.history if e.date > start})]
            for i, begin in enumerate(bounds[:-1]):
                state = TrackedTask(final.id, final.task, final.meeting, final.index)
                state.history = list(final.history)
                _settle(state, schedule, dates, begin)
                states.append((begin, bounds[i + 1], state))
            states.append((bounds[-1], None, final))  # every event has happened: as settled
        return states
    finally:
        gc.freeze()
        gc.enable()


def reviews(meeting: Any) -> Iterable[Any]:
    """The task reviews recorded in a meeting's agenda items, in order."""
    if isinstance(meeting, MeetingSummary):
        yield from meeting.reviews
        return
    for item in meeting.items:
        for block in item.content:
            if getattr(block, "task", None) is not None and hasattr(block, "status"):
                yield block


def _settle(
    tracked: TrackedTask,
    meetings: list[Meeting],
    dates: list[dt.date],
    as_of: dt.date | None = None,
) -> None:
    """Apply the history in date order: the latest status and deadline win. Events dated
    after `as_of` had not happened yet: they are dropped from the history."""
    if as_of is not None and any(e.date > as_of for e in tracked.history):
        tracked.history = [e for e in tracked.history if e.date <= as_of]
    if len(tracked.history) > 1:
        tracked.history.sort(key=lambda e: e.sort_key)
    for event in tracked.history:
        if event.status is not None and event.kind != "assigned":
            tracked.status, tracked.status_date = event.status, event.date
            tracked.status_note = event.note
        if event.deadline is not None:
            tracked.deadline, tracked.deadline_set_at = event.deadline, event.meeting
    deadline = tracked.deadline
    if deadline is None:
        tracked.due = None
    elif deadline.kind == "date":
        tracked.due = deadline.date
    elif deadline.kind == "next_meeting":
        tracked.due = next_meeting_after(
            tracked.deadline_set_at or tracked.meeting, meetings, dates=dates
        )
    else:
        tracked.due = None


@dataclass(frozen=True)
class TaskProblem:
    """A problem `check_tasks` found: in which meeting, at which path of its data (such as
    `("tasks", 2, "id")`), and what. The archive layer gives it its line and column."""

    meeting: MeetingSummary
    loc: tuple[Any, ...]
    message: str


def check_tasks(meetings: Iterable[Any], *, complete: bool = True) -> list[TaskProblem]:
    """Archive-wide checks: task IDs unique, reviews naming tasks that exist and came before.
    Not `complete` (some files of the archive could not be read): a review of a task not
    found is not reported, since the task may be in one of those files."""
    meetings = summaries(meetings)
    found: list[TaskProblem] = []
    seen: dict[str, tuple[MeetingSummary, int]] = {}
    for meeting in meetings:
        for index in range(len(meeting.tasks)):
            tid = meeting.task_id(index)
            if tid in seen and seen[tid][0] is not meeting:
                other, other_index = seen[tid]
                loc = ("tasks", index, "id") if meeting.tasks[index].id else ("tasks", index)
                found.append(
                    TaskProblem(
                        meeting,
                        loc,
                        _(
                            "task ID '{id}' is already used in {path} (tasks[{index}])",
                            id=tid,
                            path=display_path(other.path),
                            index=other_index,
                        ),
                    )
                )
            seen.setdefault(tid, (meeting, index))
    for meeting in meetings:
        for review in meeting.reviews:
            hit = seen.get(review.task)
            if hit is None:
                # a review that gives the task's own text names a task older than the archive
                if complete and not review.text:
                    message = _(
                        "unknown task '{id}' (for a task older than the archive, "
                        "give its text in the review: text: …)",
                        id=review.task,
                    )
                    found.append(TaskProblem(meeting, review.loc, message))
            elif (hit[0].date, hit[0].id) >= (meeting.date, meeting.id):
                found.append(
                    TaskProblem(
                        meeting,
                        review.loc,
                        _(
                            "task '{id}' is assigned at {meeting}, not before this meeting",
                            id=review.task,
                            meeting=hit[0].id,
                        ),
                    )
                )
    return found


def repointed(
    meeting: MeetingSummary,
    before: list[tuple[str | None, str]],
    reviewed: dict[str, MeetingSummary],
) -> list[TaskProblem]:
    """Tasks whose positional ID ('<meeting>/<n>') now names another task than `before`
    (the meeting's tasks at the last commit: explicit ID or None, text), while a review in
    `reviewed` (task ID -> the first meeting reviewing it) refers to it: a task inserted or
    removed above them shifted the IDs, and the review would silently follow the shift. A
    task whose text was only edited in place (the same number of tasks, its old text gone)
    is the same task."""
    texts = [t.text for t in meeting.tasks]
    found = []
    for k, (explicit, text) in enumerate(before):
        tid = f"{meeting.id}/{k + 1}"
        if explicit or tid not in reviewed:
            continue
        now = next((j for j in range(len(meeting.tasks)) if meeting.task_id(j) == tid), None)
        if now is not None and texts[now] == text:
            continue
        if len(texts) == len(before) and text not in texts:
            continue  # edited in place
        moved = texts.index(text) if text in texts else None
        was = _("was '{text}'", text=_short(text))
        if moved is not None:
            was += _(", now tasks[{index}]", index=moved)
        found.append(
            TaskProblem(
                meeting,
                ("tasks", now) if now is not None else ("tasks",),
                _(
                    "task ID '{id}' now names another task than at the last commit ({was}), "
                    "and the review at {meeting} refers to it; give the tasks of the last "
                    "commit their IDs (id: …) before inserting or removing one, or add the new "
                    "task at the end",
                    id=tid,
                    was=was,
                    meeting=reviewed[tid].id,
                ),
            )
        )
    return found


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class Selection:
    """Which tasks a report shows."""

    as_of: dt.date
    status: str = "open"
    overdue: bool = False
    due_within: int | None = None
    due_before: dt.date | None = None
    owners: tuple[str, ...] = ()
    meeting: str | None = None


def select(tasks: Iterable[TrackedTask], how: Selection) -> list[TrackedTask]:
    """The tasks matching `how`, soonest deadline first (no deadline last), then by ID."""
    owners = {nfc(o).casefold() for o in how.owners}
    until = add_days(how.as_of, how.due_within) if how.due_within is not None else None
    chosen = []
    for t in tasks:
        if how.status != "all" and t.status.value != how.status:
            continue
        if how.overdue and not t.is_overdue(how.as_of):
            continue
        if until is not None and (t.due is None or t.due > until):
            continue
        if how.due_before is not None and (t.due is None or t.due >= how.due_before):
            continue
        if owners and t.owners and not owners & {nfc(o).casefold() for o in t.owners}:
            continue  # a task without a responsible body is every member's: it is each owner's too
        if how.meeting is not None and t.meeting.id != how.meeting:
            continue
        chosen.append(t)
    return sorted(
        chosen,
        key=lambda t: (t.due is None, t.due or dt.date.max, t.meeting.date, t.meeting.id, t.index),
    )


def dated(how: Selection) -> bool:
    """Whether `how` selects by deadline (which an undated deadline cannot be judged by)."""
    return how.overdue or how.due_within is not None or how.due_before is not None


def unresolved_left_out(tasks: Iterable[TrackedTask], how: Selection) -> list[TrackedTask]:
    """Open tasks whose 'next meeting' deadline has no date, which date filters cannot judge."""
    if not dated(how):
        return []
    return [t for t in tasks if t.unresolved and t.status == TaskStatus.open]
