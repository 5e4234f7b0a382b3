"""The archive's index on disk: a SQLite database, `.psc-cache/index.sqlite3` at the root.

It holds two things:

- `files`: the summary of every valid meeting file, keyed by the file's path relative to
  the repository root, with the file's stamp (`Stamp`: size, mtime_ns, content hash,
  ctime_ns, inode and device, as git's index keeps them). An entry is served only when
  size and mtime_ns match, and, when the ctime, inode or device differ (an edit whose mtime
  was put back: `touch -d`, `cp -p`, `rsync -a`, a NAS clock) or the file was modified too
  close to the moment the entry was written to be trusted (git's "racily clean" case),
  when its content hash matches too. A summary served always gets the file's path under
  the current root (a copied or moved repository with its cache never points back at the
  original).
- the derived tables, written when the whole archive was indexed and found valid: the
  meetings (`meetings`), each task's state over the as-of dates at which it holds
  (`task_states`, see `psc.archive.tasks.timeline`), and the stamps of the files they were
  derived from (`derived_files`). Read-only reports are answered from them by queries
  (`psc.archive.taskindex`) when every file still has its stamp, without parsing a file.

Nothing stored is in a language: summaries and rows are the files' own data and keys, the
group's labels are kept as the file gives them, and no problem or message is stored (an
invalid file has no entry and is checked on every run), so a message is always made in the
language of the command that prints it (psc.messages).

Everything is dropped when psc's version, the summary format, the schema or the group file
changes. The database is read defensively: a corrupt, foreign or unreadable file is
removed and rebuilt, never trusted and never a crash. It is in WAL mode, and every write is
one transaction (BEGIN IMMEDIATE), so concurrent psc processes read while one writes; a
failure to write it fails nothing (the cache is an optimisation).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from psc import __version__
from psc.archive.summary import FORMAT, MeetingSummary, from_json, to_json

CACHE_DIR = ".psc-cache"
DB_FILE = "index.sqlite3"
LOCK_FILE = "index.lock"
SCHEMA = 6
"""Version of the tables below (part of the key: another schema is rebuilt)."""
SEPARATOR = "\x1f"
"""Between the names of `task_states.responsible` (a control character no name holds)."""
RACY_NS = 2_000_000_000
"""Files modified within this long before their entry was written are checked by content."""
SYNCHRONOUS = "PRAGMA synchronous = NORMAL"
"""No sync at each commit (in WAL mode the database stays consistent; a power cut may lose
the last writes, which the next command makes again: the index is derived data)."""
BUSY_TIMEOUT = 0.15
"""Seconds a process waits for another one holding the database (its write transaction):
a moment only, then the command reads the files and leaves the index as it is (the index
is an optimisation, never a reason to wait)."""

DRAFT, APPROVED, PUBLISHED = 0, 1, 2
"""The states of `meetings.approved`: a draft, approved minutes, and published minutes whose
approval the text does not record (`approval_not_recorded`)."""

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL, ctime_ns INTEGER NOT NULL, ino INTEGER NOT NULL,
    dev INTEGER NOT NULL, written_ns INTEGER NOT NULL, summary TEXT NOT NULL);
CREATE TABLE derived_files (
    name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL, ctime_ns INTEGER NOT NULL, ino INTEGER NOT NULL,
    dev INTEGER NOT NULL);
CREATE TABLE meetings (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, date TEXT NOT NULL, number INTEGER,
    title TEXT NOT NULL, approved INTEGER NOT NULL, decisions INTEGER NOT NULL,
    summary TEXT);
CREATE TABLE task_states (
    task TEXT NOT NULL, meeting TEXT NOT NULL, meeting_date TEXT NOT NULL,
    idx INTEGER NOT NULL, start TEXT NOT NULL, until TEXT,
    status TEXT NOT NULL, status_date TEXT, status_note TEXT,
    deadline_kind TEXT, deadline_date TEXT, deadline_text TEXT, due TEXT,
    unresolved INTEGER NOT NULL,
    text TEXT NOT NULL, responsible TEXT NOT NULL, responsible_text TEXT, contact TEXT);
CREATE INDEX task_states_due ON task_states (status, due);
CREATE INDEX task_states_meeting ON task_states (meeting);
CREATE TABLE reviews (meeting TEXT NOT NULL, task TEXT NOT NULL);
CREATE INDEX reviews_meeting ON reviews (meeting);
"""
"""`task_states`: dates are ISO strings (they sort as dates); `until` NULL: from `start` on;
`deadline_*` the deadline in force; `responsible` the names joined by SEPARATOR. `reviews`:
the tasks each meeting reviews (with `task_states.meeting`, what a changed meeting
touches: only those tasks' states are made again)."""
DERIVED_COLUMNS = "name, size, mtime_ns, sha256, ctime_ns, ino, dev"
"""The columns of `derived_files`: a file's name and `Stamp.identity`."""


MAX_FILE_BYTES = 5 * 1024 * 1024
"""The size limit of meeting and group files (`psc.loading.pipeline.MAX_BYTES`, which a
report answered from the index does not import)."""


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_limited(path: Path) -> bytes | None:
    """The bytes of `path`, told too big by its size before reading and by reading at most
    MAX_FILE_BYTES + 1 bytes; None when it cannot be read or is too big."""
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES:
                return None
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= MAX_FILE_BYTES else None


def stored_form(summary: MeetingSummary, name: str) -> str:
    """The JSON text of `summary` as the database stores it: its path is `name`, the file's
    path relative to the repository root (no absolute path is kept)."""
    data = {**to_json(summary), "path": name}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def key_for(group_hash: str) -> str:
    """What the database's entries hold for: psc's version, the summary format, the schema
    and the group file (by its content hash)."""
    return json.dumps(
        {"psc": __version__, "format": FORMAT, "schema": SCHEMA, "group": group_hash},
        sort_keys=True,
    )


class Stamp(NamedTuple):
    """What identifies a file's content, as git's index does: size, mtime_ns, content hash,
    ctime_ns, inode and device, and when it was recorded (a file modified or changed within
    RACY_NS before that is checked by its content)."""

    size: int
    mtime_ns: int
    sha256: str
    ctime_ns: int
    ino: int
    dev: int
    written_ns: int = 0

    @classmethod
    def of(cls, st: os.stat_result, size: int, sha256: str) -> Stamp:
        """The stamp of a file whose stat, taken before its `size` bytes with content hash
        `sha256` were read, is `st` (a change during the read changes the ctime)."""
        return cls(size, st.st_mtime_ns, sha256, st.st_ctime_ns, st.st_ino, st.st_dev)

    def identity(self) -> tuple[int, int, str, int, int, int]:
        """The stamp without the time it was recorded, as `derived_files` holds it."""
        return (self.size, self.mtime_ns, self.sha256, self.ctime_ns, self.ino, self.dev)

    def same_stat(self, st: os.stat_result) -> bool:
        """Whether the file's stat (`st`) is the one recorded: no change since, unless one
        in the same timestamp tick (`racy`)."""
        return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev) == (
            self.size,
            self.mtime_ns,
            self.ctime_ns,
            self.ino,
            self.dev,
        )

    def racy(self, st: os.stat_result) -> bool:
        """Whether the file (`st`) was modified or changed too close to when this was
        recorded for its stat to tell a change (git's "racily clean")."""
        return max(st.st_mtime_ns, st.st_ctime_ns) >= self.written_ns - RACY_NS

    def matches(self, path: Path, st: os.stat_result) -> bool:
        """Whether the file at `path` (`st`: its stat) certainly still has this content:
        the same size and mtime, and the same ctime, inode and device unless racy; else
        (an mtime put back after an edit, a copy, a racy stamp) the same content hash."""
        if st.st_size != self.size or st.st_mtime_ns != self.mtime_ns:
            return False
        if self.same_stat(st) and not self.racy(st):
            return True
        return file_hash(path.read_bytes()) == self.sha256


@dataclass
class Derived:
    """The report tables' rows, computed from a whole valid archive (`index.derive`): all of
    them, or (`partial`) those of some tasks and meetings, which replace theirs."""

    files: list[tuple[Any, ...]]
    meetings: list[tuple[Any, ...]]
    task_states: list[tuple[Any, ...]]
    reviews: list[tuple[str, str]]
    responsible: list[str]
    partial: tuple[list[str], list[str]] | None = None
    """(task IDs, meeting IDs) whose rows these are; None: every row."""
    base: dict[str, tuple[Any, ...]] | None = None
    """For `partial` rows: the stamps the tables they update were made from (if another
    process has changed the tables since, the rows are not written)."""


def _drop(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


def _check(path: Path, key: str) -> tuple[sqlite3.Connection, bool] | str:
    """The database at `path` and whether it holds data for `key`; else why not: "missing",
    "busy" (another process holds it longer than we wait), "unreadable", or "bad" (corrupt,
    foreign, or of another schema)."""
    if not path.is_file():
        return "missing"
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        tables = set(conn.execute("SELECT name, sql FROM sqlite_master").fetchall())
        if rows.get("schema") == str(SCHEMA) and tables == _tables():
            conn.execute(SYNCHRONOUS)
            return conn, rows.get("key") == key
        why = "bad"
    except sqlite3.OperationalError as exc:
        text = str(exc)
        why = "busy" if ("locked" in text or "busy" in text) else "bad"
    except (sqlite3.DatabaseError, ValueError, TypeError):
        why = "bad"
    except OSError:
        why = "unreadable"
    if conn is not None:
        conn.close()
    return why


@functools.cache
def _tables() -> set[tuple[str, str]]:
    """The tables and indexes of the schema as `sqlite_master` lists them: a database whose
    tables differ (damaged, or another program's) is rebuilt."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(TABLES)
        return set(conn.execute("SELECT name, sql FROM sqlite_master").fetchall())
    finally:
        conn.close()


def connect(path: Path, key: str, *, create: bool) -> tuple[sqlite3.Connection, bool] | None:
    """The database at `path` and whether it holds data for `key` (psc's version, the
    summary format, the schema, the group file). With `create`, a missing, corrupt or
    foreign file is replaced by a new empty database. None: no usable database."""
    found = _check(path, key)
    if not isinstance(found, str):
        return found
    if not create or found in ("busy", "unreadable"):
        return None
    return _create(path, key)


def _create(path: Path, key: str) -> tuple[sqlite3.Connection, bool] | None:
    """A new empty database at `path`, replacing what was there. Under `index.lock`, so
    that two processes finding the same broken file do not both replace it: the second
    finds the first one's database and uses it."""
    import filelock

    try:
        path.parent.mkdir(exist_ok=True)
        gitignore = path.parent / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("*\n", encoding="utf-8")
        with filelock.FileLock(path.parent / LOCK_FILE, timeout=BUSY_TIMEOUT, thread_local=False):
            found = _check(path, key)
            if not isinstance(found, str):
                return found
            if found != "missing":
                _drop(path)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(SYNCHRONOUS)
            conn.executescript(
                "BEGIN IMMEDIATE;"
                + TABLES
                + f"INSERT INTO meta VALUES ('schema', '{SCHEMA}');"
                + "COMMIT;"
            )
            return conn, False
    except (OSError, sqlite3.Error, filelock.Timeout):
        return None


class Cache:
    """The index database of the repository at `root`, for one command; see the module
    docstring. Summaries put are written by `save`, in one transaction."""

    def __init__(self, root: Path, group_hash: str):
        self.path = root / CACHE_DIR / DB_FILE
        self.key = key_for(group_hash)
        self.conn: sqlite3.Connection | None = None
        self.stamps: dict[str, Stamp] = {}
        self.group_info: dict[str, Any] | None = None
        """What reports need of the (valid) group file, stored with the entries."""
        self.current = False
        """The database holds entries for this key (else it starts empty on `save`)."""
        self.has_tables = False
        """The report tables (meetings, task_states) are made from `derived_files`."""
        self._put: dict[str, tuple[Stamp, MeetingSummary | str]] = {}
        self._gone: set[str] = set()
        self._open()

    def _open(self) -> None:
        opened = connect(self.path, self.key, create=True)
        if opened is None:
            return
        self.conn, self.current = opened
        if not self.current:
            return
        try:
            rows = self.conn.execute(
                "SELECT name, size, mtime_ns, sha256, ctime_ns, ino, dev, written_ns FROM files"
            )
            self.stamps = {
                r[0]: Stamp(
                    int(r[1]), int(r[2]), str(r[3]), int(r[4]), int(r[5]), int(r[6]), int(r[7])
                )
                for r in rows
            }
            self.has_tables = self._meta("derived_ns") is not None
            info = self._meta("group_info")
            if info is not None:
                data = json.loads(info)
                if (
                    isinstance(data, dict)
                    and isinstance(data.get("labels"), dict)
                    and data.get("language") in ("cs", "en")
                ):
                    self.group_info = data
        except (sqlite3.Error, ValueError, TypeError):
            self.stamps, self.group_info, self.current = {}, None, False

    def _meta(self, key: str) -> str | None:
        assert self.conn is not None
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def stamp(self, name: str) -> Stamp | None:
        if name in self._put:
            return self._put[name][0]
        return self.stamps.get(name)

    def unchanged(self, files: list[tuple[str, Path]]) -> dict[str, Stamp] | None:
        """The stamps of `files` (name, path) when every one is certainly as its entry
        says (see `get`) and has its recorded stat (else the files are read, and their
        entries' stamps renewed), else None; no summary is read."""
        found: dict[str, Stamp] = {}
        try:
            for name, path in files:
                stamp = self.stamps.get(name)
                st = path.stat()
                if stamp is None or not stamp.same_stat(st) or not stamp.matches(path, st):
                    return None
                found[name] = stamp
        except OSError:
            return None
        return found

    def derived_stamps(self) -> dict[str, tuple[Any, ...]]:
        """`derived_files` by name: the stamps of the archive last found valid as a whole
        (and, with `has_tables`, those the report tables were made from); empty when the
        database holds none for this key."""
        if self.conn is None or not self.current:
            return {}
        try:
            rows = self.conn.execute(f"SELECT {DERIVED_COLUMNS} FROM derived_files")
            return {r[0]: tuple(r[1:]) for r in rows}
        except sqlite3.Error:
            return {}

    def touched(self, meetings: set[str]) -> set[str]:
        """The tasks the report tables have assigned or reviewed at `meetings` (by ID)."""
        if self.conn is None:
            return set()
        ids = json.dumps(sorted(meetings))
        rows = self.conn.execute(
            "SELECT task FROM task_states WHERE meeting IN (SELECT value FROM json_each(?)) "
            "UNION SELECT task FROM reviews WHERE meeting IN (SELECT value FROM json_each(?))",
            (ids, ids),
        )
        return {r[0] for r in rows}

    def derived_from(self, stamps: dict[str, Stamp]) -> bool:
        """Whether `derived_files` holds exactly the files of `stamps`: the archive as it
        was when last found valid as a whole (and, with `has_tables`, the report tables
        made from it)."""
        if self._put or self._gone:
            return False
        found = self.derived_stamps()
        return len(found) == len(stamps) and all(
            found.get(name) == st.identity() for name, st in stamps.items()
        )

    def get(self, name: str, path: Path) -> MeetingSummary | None:
        """The cached summary of `path`, if it is certainly still the file's content."""
        stamp = self.stamps.get(name)
        if stamp is None or self.conn is None:
            return None
        try:
            st = path.stat()
            if not stamp.matches(path, st):
                return None
            row = self.conn.execute("SELECT summary FROM files WHERE name = ?", (name,)).fetchone()
            if row is None:
                return None
            summary = from_json(json.loads(row[0]))
            if not stamp.same_stat(st):  # the same content under another stat: renew its stamp
                renewed = Stamp.of(st, stamp.size, stamp.sha256)._replace(written_ns=time.time_ns())
                self._put[name] = (renewed, str(row[0]))
        except (OSError, sqlite3.Error, ValueError, KeyError, TypeError, IndexError):
            self.stamps.pop(name, None)
            self._gone.add(name)
            return None
        # the file is where this repository has it now, never where the cache was written
        summary.path = str(path)
        return summary

    def put(
        self, name: str, summary: MeetingSummary, stamp: Stamp, stored: str | None = None
    ) -> None:
        """Remember `summary` for the file that had `stamp` (recorded now); `stored`: its
        `stored_form`, when the worker that read the file made it."""
        stamp = stamp._replace(written_ns=time.time_ns())
        self._put[name] = (stamp, stored if stored is not None else summary)
        self._gone.discard(name)

    def forget_except(self, names: set[str]) -> None:
        self._gone.update(n for n in self.stamps if n not in names)

    def save(self, derived: Derived | None = None, valid: dict[str, Stamp] | None = None) -> None:
        """Write what changed in one transaction, with the report tables `derived` from a
        whole valid archive, or else the stamps of a whole archive found `valid` (the report
        tables, made from other files, are dropped then); a failure to write is not an
        error of the command."""
        if self.group_info is None:
            return
        changed = bool(self._put or self._gone or not self.current)
        if not changed and derived is None and valid is None:
            return
        if self.conn is None:  # released while files were checked: open it again
            opened = connect(self.path, self.key, create=True)
            if opened is None:
                return
            self.conn, current = opened
            self.current = self.current and current
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                if not self.current:
                    for table in ("files", "derived_files", "meetings", "task_states"):
                        conn.execute(f"DELETE FROM {table}")
                self._write(conn, derived, valid)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError, ValueError, TypeError):
            return
        self.current = True
        self.has_tables = derived is not None or (self.has_tables and valid is None)

    def _write(
        self, conn: sqlite3.Connection, derived: Derived | None, valid: dict[str, Stamp] | None
    ) -> None:
        def dump(value: Any) -> str:
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

        conn.executemany("DELETE FROM files WHERE name = ?", [(n,) for n in self._gone])
        rows = []
        for name, (stamp, summary) in self._put.items():
            text = summary if isinstance(summary, str) else stored_form(summary, name)
            rows.append((name, *stamp.identity(), stamp.written_ns, text))
        conn.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        meta = {"key": self.key, "group_info": dump(self.group_info)}
        if derived is not None and derived.partial is not None:
            found = conn.execute(f"SELECT {DERIVED_COLUMNS} FROM derived_files")
            now = {r[0]: tuple(r[1:]) for r in found}
            made = conn.execute("SELECT 1 FROM meta WHERE key = 'derived_ns'").fetchone()
            if made is None or now != derived.base:
                derived = None  # the tables changed under us: the next report makes them
        if derived is not None:
            if derived.partial is None:
                for table in ("derived_files", "meetings", "task_states", "reviews"):
                    conn.execute(f"DELETE FROM {table}")
            else:
                tasks, meetings = (json.dumps(ids) for ids in derived.partial)
                within = "IN (SELECT value FROM json_each(?))"
                conn.execute("DELETE FROM derived_files")
                conn.execute(f"DELETE FROM task_states WHERE task {within}", (tasks,))
                conn.execute(f"DELETE FROM meetings WHERE id {within}", (meetings,))
                conn.execute(f"DELETE FROM reviews WHERE meeting {within}", (meetings,))
            conn.executemany(
                "INSERT INTO derived_files VALUES (?, ?, ?, ?, ?, ?, ?)", derived.files
            )
            conn.executemany("INSERT INTO reviews VALUES (?, ?)", derived.reviews)
            conn.executemany(
                "INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?, ?, ?)", derived.meetings
            )
            conn.executemany(
                "INSERT INTO task_states VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                derived.task_states,
            )
            meta["responsible"] = dump(derived.responsible)
            meta["derived_ns"] = str(time.time_ns())
        elif valid is not None:
            for table in ("derived_files", "meetings", "task_states", "reviews"):
                conn.execute(f"DELETE FROM {table}")
            conn.executemany(
                "INSERT INTO derived_files VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(name, *st.identity()) for name, st in valid.items()],
            )
            conn.execute("DELETE FROM meta WHERE key IN ('derived_ns', 'responsible')")
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))

    def release(self) -> None:
        """Close the database while other work runs (forked workers must not inherit an open
        connection); `save` opens it again. Summaries are not read after this."""
        self.close()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
