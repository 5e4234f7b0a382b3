"""The one way psc writes files: atomically, so a crash never leaves half a file, and several
files together (`write_files`) all or none, renamed in an order the caller chooses so that a
kill between two renames leaves files that are valid together.

Policy for what a write meets at its path (meeting files and outputs alike):
- a symlink: the write goes to the link's target, and the link stays a link (callers that
  edit meeting files check that the target is inside the repository);
- a file with more than one hard link: refused, since replacing it by a rename would split
  the links (the other names would keep the old content); except the link psc's own
  temporary file keeps when psc was killed while creating the file, which is dropped;
- a read-only file (no write permission for the user): refused, never silently replaced.
Each refusal is one line saying that nothing was written.

Nothing outside the repository is read or written through a link of the repository:
`resolve_within` is the one resolver every read of a repository's templates and every output
and source path psc is given goes through (a path the user names outside the repository is
theirs to name; a symbolic link inside the repository that leads out of it is refused).

Edits of meeting files are serialized by `edit_lock`, one exclusive lock per repository
(`.psc-cache/edit.lock`), held across re-reading the file, checking the edit and writing it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from psc.errors import OutputError, UsageError, display_path, os_reason
from psc.messages import _

LOCK_FILE = "edit.lock"
LOCK_TIMEOUT = 30.0
"""Seconds an edit waits for another psc edit of the same repository to finish."""


class ChangedOnDisk(OutputError):
    """The file changed on disk between psc reading it and writing its edit."""


class EditLocked(OutputError):
    """Another psc edit of the repository held the lock for longer than psc waits."""


@contextlib.contextmanager
def edit_lock(lock_dir: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive edit lock `lock_dir/edit.lock` for the block (a repository's lock
    directory is its `.psc-cache/`: `Project.edit_lock`). The directory is made if missing,
    with a `.gitignore` that keeps it out of git."""
    import filelock

    lock_path = lock_dir / LOCK_FILE
    try:
        lock_dir.mkdir(exist_ok=True)
        gitignore = lock_dir / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("*\n", encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            _(
                "cannot create the edit lock {path}: {reason}; nothing was written",
                path=display_path(lock_path),
                reason=os_reason(exc),
            )
        ) from None
    wait = LOCK_TIMEOUT if timeout is None else timeout
    lock = filelock.FileLock(lock_path, timeout=wait, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise EditLocked(
            _(
                "another psc edit holds {path}; gave up after {seconds} s, "
                "nothing was written (run the command again)",
                path=display_path(lock_path),
                seconds=format(wait, "g"),
            )
        ) from None
    except OSError as exc:
        raise OutputError(
            _(
                "cannot take the edit lock {path}: {reason}; nothing was written",
                path=display_path(lock_path),
                reason=os_reason(exc),
            )
        ) from None
    try:
        yield
    finally:
        lock.release()


class OutsideRepository(UsageError):
    """A path leads out of the minutes repository through a symbolic link inside it."""


def resolve_within(root: Path, path: Path) -> Path:
    """The real path of `path`, following its symbolic links one by one; refused
    (OutsideRepository, naming `path` only) when a link inside the repository at `root` leads
    outside it, so that a link committed to the repository (a template linked to
    /proc/self/environ, an output folder linked to another place) never takes a read or a
    write out of it. Links outside the repository (the user's own) are followed freely."""
    real_root = Path(os.path.realpath(root))
    current = Path(os.getcwd()) if not path.is_absolute() else Path(path.anchor)
    for part in path.parts[1:] if path.is_absolute() else path.parts:
        if part == ".":
            continue
        if part == "..":
            current = current.parent
            continue
        step = current / part
        if not os.path.islink(step):
            current = step
            continue
        target = Path(os.path.realpath(step))
        if _within(current, real_root) and not _within(target, real_root):
            raise OutsideRepository(
                _(
                    "{path}: a symbolic link in the minutes repository leads outside it; psc "
                    "reads and writes only inside the repository (replace the link by the "
                    "file itself)",
                    path=display_path(path),
                )
            )
        current = target
    return current


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def write_target(path: Path) -> Path:
    """The file a write to `path` replaces: the final target when `path` is a symlink."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


@dataclass(frozen=True)
class FileWrite:
    """One file of a write (`write_files`): its new text (UTF-8, or bytes as they are). With
    `unchanged_since` (the bytes an edit started from), refused when the file no longer holds
    them; with `exclusive`, the file is created only if nothing is at `path` (FileExistsError
    otherwise), never replacing one."""

    path: Path
    text: str | bytes
    exclusive: bool = False
    unchanged_since: bytes | None = None

    @property
    def data(self) -> bytes:
        return self.text if isinstance(self.text, bytes) else self.text.encode("utf-8")


@dataclass
class _Staged:
    """A file of a write, its new content finished in the temporary file `tmp` beside it."""

    write: FileWrite
    target: Path
    shown: str
    tmp: str
    old: bytes | None = None  # what the file held before it was replaced (None: created)
    mode: int = 0


def write_text_atomic(
    path: Path, text: str | bytes, *, unchanged_since: bytes | None = None, exclusive: bool = False
) -> None:
    """Write `text` to `path` atomically: `write_files` with one file."""
    write_files([FileWrite(path, text, exclusive, unchanged_since)])


def write_files(writes: Sequence[FileWrite]) -> None:
    """Write every file of `writes`, or none of them: each file through a temporary file in
    its own directory (fsynced) and a rename, keeping its mode; symlinks, hard links and
    read-only files as the module docstring says.

    Every new content is written, and every target checked, before the first rename; the
    renames then run in the order given, so the caller orders them such that the files are
    valid together after each one (a kill between two renames leaves a valid state: group.yaml
    with a new organisation before the meeting naming it). A failed rename undoes the ones
    before it, in reverse (a replaced file gets its old bytes back, a created one is removed)."""
    staged: list[_Staged] = []
    done = 0
    failed = ""  # the file at hand, for the message
    try:
        for write in writes:
            failed = display_path(write.path)
            staged.append(_stage(write))
        for s in staged:
            failed = s.shown
            _check_unchanged(s, keep_old=len(writes) > 1)
        for s in staged:
            failed = s.shown
            _commit(s)
            done += 1
    except BaseException as exc:
        kept = _undo(staged[:done])
        for s in staged[done:]:
            Path(s.tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, FileExistsError):
            raise OutputError(
                _("cannot write {path}: {reason}", path=failed, reason=os_reason(exc))
                + _outcome(len(writes), kept)
            ) from None
        raise


def _stage(write: FileWrite) -> _Staged:
    """Check `write`'s target and write its new content to a temporary file beside it."""
    shown = display_path(write.path)
    target = write.path if write.exclusive else write_target(write.path)
    if write.exclusive:
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target))
    else:
        _check_replaceable(target, shown)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    staged = _Staged(write, target, shown, tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(write.data)
            handle.flush()
            os.fsync(handle.fileno())
        if not write.exclusive and target.exists():
            staged.mode = target.stat().st_mode & 0o7777
        else:
            staged.mode = 0o666 & ~_umask()
        os.chmod(tmp, staged.mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return staged


def _check_unchanged(s: _Staged, *, keep_old: bool) -> None:
    """Refuse when the file no longer holds what the edit started from; with `keep_old`, keep
    the bytes it holds (to put them back if a later file of the write fails)."""
    if s.write.exclusive or (s.write.unchanged_since is None and not keep_old):
        return
    try:
        s.old = s.target.read_bytes()
    except FileNotFoundError:
        s.old = None
    since = s.write.unchanged_since
    if since is not None and (
        s.old is None or hashlib.sha256(s.old).digest() != hashlib.sha256(since).digest()
    ):
        raise ChangedOnDisk(
            _(
                "{path} changed on disk while psc was editing it; "
                "nothing was written (run the command again)",
                path=s.shown,
            )
        )


def _commit(s: _Staged) -> None:
    if s.write.exclusive:
        _link_new(s.tmp, s.target, s.write.data)
    else:
        os.replace(s.tmp, s.target)


def _undo(done: list[_Staged]) -> list[str]:
    """Put back the files of `done` (the renames made), the last first; return the files
    that could not be put back."""
    kept: list[str] = []
    for s in reversed(done):
        try:
            if s.old is None:
                s.target.unlink(missing_ok=True)
            else:
                _restore(s)
        except OSError:
            kept.append(s.shown)
    return kept


def _restore(s: _Staged) -> None:
    """Write `s.old` back to its file, atomically."""
    assert s.old is not None
    fd, tmp = tempfile.mkstemp(prefix=f".{s.target.name}.", suffix=".tmp", dir=s.target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(s.old)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, s.mode)
        os.replace(tmp, s.target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _outcome(count: int, kept: list[str]) -> str:
    """What a failed write of `count` files left: nothing, or the files it could not undo."""
    if kept:
        return _(
            "; {paths} written all the same (restore it from git)",
            paths=", ".join(reversed(kept)),
        )
    return _("; nothing was written") if count > 1 else ""


def _check_replaceable(target: Path, shown: str) -> None:
    """Refuse to replace a file with other hard links, or one the user may not write."""
    try:
        st = target.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(
            _("cannot write {path}: {reason}", path=shown, reason=os_reason(exc))
        ) from None
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(
            _("cannot write {path}: it is not a regular file; nothing was written", path=shown)
        )
    if st.st_nlink > 1 and _drop_leftover_links(target, st):
        st = target.stat()
    if st.st_nlink > 1:
        raise OutputError(
            _(
                "{path} has {count} hard links; psc writes by replacing the file, which would "
                "split them, so nothing was written (edit it by hand, or copy it to break the "
                "links)",
                path=shown,
                count=st.st_nlink,
            )
        )
    if _read_only(target, st):
        raise OutputError(
            _(
                "{path} is read-only; nothing was written (make it writable first if the "
                "change is meant)",
                path=shown,
            )
        )


def _drop_leftover_links(target: Path, st: os.stat_result) -> bool:
    """Remove psc's own temporary names of `target` left by a process killed while creating
    it (`_link_new` links the temporary file to the new name, then removes the temporary
    name): hidden `.NAME.*.tmp` files beside it that are the same file. Whether any was."""
    dropped = False
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return False
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        try:
            other = entry.stat(follow_symlinks=False)
            if (other.st_ino, other.st_dev) == (st.st_ino, st.st_dev):
                os.unlink(entry.path)
                dropped = True
        except OSError:
            continue
    return dropped


def _read_only(path: Path, st: os.stat_result) -> bool:
    """No write permission for the user: the owner's write bit for the file's owner (and for
    root, who may write anything: psc still keeps its hands off a file marked read-only)."""
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    if uid is not None and (uid == st.st_uid or uid == 0):
        return not st.st_mode & stat.S_IWUSR
    return not os.access(path, os.W_OK)


def _link_new(tmp: str, target: Path, data: bytes) -> None:
    """Put the finished temporary file at `target` only if nothing is there (FileExistsError).
    Between the link and the removal of the temporary name the file has two links; a process
    killed there leaves both, and the next write drops the temporary one
    (`_drop_leftover_links`)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: create exclusively and write in place
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(target, flags, 0o666 & ~_umask()), "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    Path(tmp).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
