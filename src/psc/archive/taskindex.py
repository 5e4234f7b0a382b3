"""Read-only reports answered from the index database, without reading a meeting file.

`fresh(project)` opens `.psc-cache/index.sqlite3` when its derived tables still describe
the archive: the group file has the hash they were made with, and every meeting file the
stamp it had then (`cache.Stamp`: size, mtime, ctime, inode and device; when modified close
to the time they were written, the content hash too), with no file added, removed or left out. Anything else (no database, a
changed or invalid file, a stray file in meetings/, --no-cache) gives None, and the report
takes the loading pipeline, which re-indexes what changed and brings the tables up to
date (row by row when a few meetings changed).

A report as of a date is then a range query over the tasks' states (`tasks.timeline`):
only the tasks that hold on that date are read, and they come back as the same
`TrackedTask` objects `tasks.track` makes, so selection, sorting and formatting are the
same code for both paths (the tests compare the two on random archives and dates).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from psc.archive.cache import (
    APPROVED,
    BUSY_TIMEOUT,
    CACHE_DIR,
    DB_FILE,
    DERIVED_COLUMNS,
    PUBLISHED,
    SEPARATOR,
    Stamp,
    connect,
    file_hash,
    key_for,
    read_limited,
)
from psc.archive.summary import MeetingSummary, TaskSummary, from_json
from psc.archive.tasks import TrackedTask
from psc.terms import Deadline, TaskStatus

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.language.wording import Wording

T = TypeVar("T")
_STATUS = {s.value: s for s in TaskStatus}
_ALIVE = "start <= :day AND (until IS NULL OR until > :day)"
"""The states that hold as of :day."""
_LAST = "until IS NULL"
"""The states after every event (the archive with no as-of date)."""


def fresh(project: Project) -> TaskIndex | None:
    """The index database of `project` when it answers for the archive as it is on disk
    (see the module docstring); None when the report must read the files."""
    if not project.use_cache or not project.answers_from_index:
        return None
    group = read_limited(project.group_path)
    if group is None:
        return None  # unreadable or too big: the pipeline says so
    group_hash = file_hash(group)
    opened = connect(project.root / CACHE_DIR / DB_FILE, key_for(group_hash), create=False)
    if opened is None:
        return None
    conn, current = opened
    try:
        if current and _unchanged(conn, project.meetings_dir):
            info = _meta(conn, "group_info")
            responsible = _meta(conn, "responsible")
            if info is not None and responsible is not None:
                return TaskIndex(conn, project.root, json.loads(info), json.loads(responsible))
    except (sqlite3.Error, OSError, ValueError):
        pass
    conn.close()
    return None


def answer(project: Project, question: Callable[[TaskIndex], T]) -> T | None:
    """`question` answered by the index database of `project`, or None when the report must
    read the files (the database is not fresh, or fails while answering). Errors of psc
    (an unknown meeting, a wrong --owner) pass through."""
    db = fresh(project)
    if db is None:
        return None
    gc.disable()  # many small acyclic objects: the cyclic collector would only slow this down
    try:
        return question(db)
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None  # a database that fails now is read around: the pipeline answers
    finally:
        db.close()
        gc.enable()


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _unchanged(conn: sqlite3.Connection, meetings_dir: Path) -> bool:
    """Whether meetings/ holds exactly the files the derived tables were made from, each
    with its stamp, and nothing else a report would warn about."""
    written = _meta(conn, "derived_ns")
    if written is None:
        return False
    stamps = {
        r[0]: Stamp(r[1], r[2], r[3], r[4], r[5], r[6], int(written))
        for r in conn.execute(f"SELECT {DERIVED_COLUMNS} FROM derived_files")
    }
    prefix = meetings_dir.name + "/"
    seen = 0
    checked_at = time.time_ns()
    hashed = False
    try:
        entries = os.scandir(meetings_dir)
    except OSError:
        return False
    with entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            stamp = stamps.get(prefix + entry.name)
            if stamp is None or entry.is_symlink() or not entry.is_file(follow_symlinks=False):
                return False  # a new file, a folder or a link: the pipeline says what it is
            # the whole stat (on Windows a DirEntry's has no inode or device)
            st = entry.stat(follow_symlinks=False) if os.name != "nt" else os.lstat(entry.path)
            if not stamp.same_stat(st):
                return (
                    False  # changed, or the same content with another stat: the pipeline renews it
                )
            if not stamp.matches(Path(entry.path), st):
                return False
            hashed = hashed or stamp.racy(st)
            seen += 1
    if seen != len(stamps):
        return False
    if hashed:  # the contents are as recorded at `checked_at`: later changes change the mtime
        _recheck_from(conn, checked_at)
    return True


def _recheck_from(conn: sqlite3.Connection, checked_at: int) -> None:
    """Record that the files' contents were checked at `checked_at` (ns), so that files
    modified long before it are trusted by their stamps again (not hashed on every report).
    A database busy with another process's write is left as it is."""
    try:
        conn.execute("PRAGMA busy_timeout = 100")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'derived_ns'", (str(checked_at),))
    except sqlite3.Error:
        pass
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")


class TaskIndex:
    """Answers of the index database (see `fresh`)."""

    def __init__(
        self, conn: sqlite3.Connection, root: Path, info: dict[str, Any], responsible: list[str]
    ):
        self.conn = conn
        self.root = root
        self.group_info = info
        self.responsible = responsible
        """Every name a task gives as responsible (for checking --owner)."""
        self._meetings: dict[str, MeetingSummary] = {}

    def wording(self, language: str | None = None) -> Wording:
        from psc.language.wording import Wording

        return Wording.of_group(self.group_info, language)

    def has_meeting(self, meeting_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        return row is not None

    def decision_meetings(self) -> list[MeetingSummary]:
        """The meetings with decisions, oldest first, with their decisions and next
        meetings (no tasks): what the register of resolutions is made from."""
        out = []
        for name, summary in self.conn.execute(
            "SELECT name, summary FROM meetings WHERE decisions > 0 ORDER BY date, id"
        ):
            meeting = from_json(json.loads(summary))
            meeting.path = str(self.root / name)
            out.append(meeting)
        return out

    def meeting_rows(self) -> list[MeetingSummary]:
        """Every meeting, oldest first: date, number, title, approved (no content)."""
        root = str(self.root) + os.sep
        return [
            MeetingSummary(
                mid,
                root + name,
                _date(day),
                number,
                title,
                approved == APPROVED,
                published=approved == PUBLISHED,
            )  # fmt: skip
            for mid, name, day, number, title, approved in self.conn.execute(
                "SELECT id, name, date, number, title, approved FROM meetings ORDER BY date, id"
            )
        ]

    def open_counts(self, as_of: dt.date | None) -> dict[str, int]:
        """How many tasks assigned at each meeting are open (as of `as_of`; None: now)."""
        alive = _LAST if as_of is None else _ALIVE
        sql = f"SELECT meeting, count(*) FROM task_states WHERE {alive} AND status = 'open' GROUP BY meeting"
        return dict(self.conn.execute(sql, {"day": _iso(as_of)}).fetchall())

    def tasks(
        self, as_of: dt.date, *, status: str = "all", overdue: bool = False
    ) -> list[TrackedTask]:
        """The tasks as they stood on `as_of` (as `tasks.track` gives them), only those with
        `status` ("all": any) and, with `overdue`, open and due before `as_of`; in no
        particular order (`tasks.select` sorts them)."""
        where = [_ALIVE]
        if overdue:
            where.append("status = 'open' AND due < :day")
        elif status != "all":
            where.append("status = :status")
        return self._query(" AND ".join(where), {"day": as_of.isoformat(), "status": status})

    def tasks_named(self, ids: set[str], as_of: dt.date | None) -> dict[str, TrackedTask]:
        """The tasks of `ids` as they stood on `as_of` (None: now), by ID."""
        alive = _LAST if as_of is None else _ALIVE
        found = self._query(
            f"{alive} AND task IN (SELECT value FROM json_each(:ids))",
            {"day": _iso(as_of), "ids": json.dumps(sorted(ids))},
        )
        return {t.id: t for t in found}

    def unresolved(self, as_of: dt.date) -> list[TrackedTask]:
        """Open tasks on `as_of` whose 'next meeting' deadline has no date yet."""
        found = self._query(
            f"status = 'open' AND due IS NULL AND unresolved = 1 AND {_ALIVE}",
            {"day": as_of.isoformat()},
        )
        return sorted(found, key=lambda t: (t.meeting.date, t.meeting.id, t.index))

    def _query(self, where: str, params: dict[str, Any]) -> list[TrackedTask]:
        sql = (
            "SELECT task, meeting, meeting_date, idx, status, status_date, status_note, "
            "deadline_kind, deadline_date, deadline_text, due, text, responsible, "
            "responsible_text, contact "
            f"FROM task_states WHERE {where}"
        )
        out = []
        meetings = self._meetings
        days = _DAYS
        deadlines: dict[tuple[str, str | None, str | None], Deadline] = {}
        """One object for each deadline (most are shared by many tasks)."""
        for row in self.conn.execute(sql, params):
            meeting = meetings.get(row[1])
            if meeting is None:
                meeting = MeetingSummary(row[1], "", _date(row[2]), None, "", False)
                meetings[row[1]] = meeting
            status, note = _STATUS[row[4]], row[6]
            status_date = None if row[5] is None else days.get(row[5]) or _date(row[5])
            due = None if row[10] is None else days.get(row[10]) or _date(row[10])
            deadline = deadlines.get((row[7], row[8], row[9]))
            if deadline is None:
                deadline = Deadline(row[7], _day(row[8]), row[9])
                deadlines[row[7], row[8], row[9]] = deadline
            responsible = row[12].split(SEPARATOR) if row[12] else []
            summary = TaskSummary(
                None, row[11], responsible, row[13], deadline, row[14], status, status_date, note
            )
            task = TrackedTask(
                row[0], summary, meeting, row[3], [], status, status_date, note, deadline, None, due
            )
            out.append(task)
        return out

    def close(self) -> None:
        self.conn.close()


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


_DAYS: dict[str, dt.date] = {}


def _date(text: str) -> dt.date:
    """The date of an ISO string (the same few dates recur: one object each)."""
    day = _DAYS.get(text)
    if day is None:
        day = _DAYS[text] = dt.date.fromisoformat(text)
    return day


def _day(text: str | None) -> dt.date | None:
    return None if text is None else _date(text)
