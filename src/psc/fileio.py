"""The one way psc writes files: atomically, so a crash never leaves half a file.

Policy for what a write meets at its path (meeting files and outputs alike):
- a symlink: the write goes to the link's target, and the link stays a link (callers that
  edit meeting files check that the target is inside the repository);
- a file with more than one hard link: refused, since replacing it by a rename would split
  the links (the other names would keep the old content);
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
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from psc.errors import OutputError, UsageError, display_path

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
            f"cannot create the edit lock {display_path(lock_path)}: {exc.strerror}; "
            "nothing was written"
        ) from None
    wait = LOCK_TIMEOUT if timeout is None else timeout
    lock = filelock.FileLock(lock_path, timeout=wait, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise EditLocked(
            f"another psc edit holds {display_path(lock_path)}; gave up after {wait:g} s, "
            "nothing was written (run the command again)"
        ) from None
    except OSError as exc:
        raise OutputError(
            f"cannot take the edit lock {display_path(lock_path)}: {exc.strerror}; "
            "nothing was written"
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
                f"{display_path(path)}: a symbolic link in the minutes repository leads "
                "outside it; psc reads and writes only inside the repository (replace the "
                "link by the file itself)"
            )
        current = target
    return current


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def write_target(path: Path) -> Path:
    """The file a write to `path` replaces: the final target when `path` is a symlink."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_text_atomic(
    path: Path, text: str | bytes, *, unchanged_since: bytes | None = None, exclusive: bool = False
) -> None:
    """Write `text` (UTF-8, or bytes as they are) to `path` through a temporary file in the
    same directory, fsync and a rename, keeping the file's mode; symlinks, hard links and
    read-only files as the module docstring says. With `unchanged_since` (the bytes an edit
    started from), refuse when the file no longer holds them. With `exclusive`, create the
    file only if nothing is at `path` (raises FileExistsError otherwise), never replacing one."""
    shown = display_path(path)
    target = path if exclusive else write_target(path)
    if not exclusive:
        _check_replaceable(target, shown)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror}") from None
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if (
            unchanged_since is not None
            and _digest(target) != hashlib.sha256(unchanged_since).digest()
        ):
            raise ChangedOnDisk(
                f"{shown} changed on disk while psc was editing it; "
                "nothing was written (run the command again)"
            )
        if not exclusive and target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        if exclusive:
            _link_new(tmp, target, data)
        else:
            os.replace(tmp, target)
    except FileExistsError:
        Path(tmp).unlink(missing_ok=True)
        raise
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {shown}: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _check_replaceable(target: Path, shown: str) -> None:
    """Refuse to replace a file with other hard links, or one the user may not write."""
    try:
        st = target.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"cannot write {shown}: it is not a regular file; nothing was written")
    if st.st_nlink > 1:
        raise OutputError(
            f"{shown} has {st.st_nlink} hard links; psc writes by replacing the file, which "
            "would split them, so nothing was written (edit it by hand, or copy it to break the links)"
        )
    if _read_only(target, st):
        raise OutputError(
            f"{shown} is read-only; nothing was written (make it writable first if the "
            "change is meant)"
        )


def _read_only(path: Path, st: os.stat_result) -> bool:
    """No write permission for the user: the owner's write bit for the file's owner (and for
    root, who may write anything: psc still keeps its hands off a file marked read-only)."""
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    if uid is not None and (uid == st.st_uid or uid == 0):
        return not st.st_mode & stat.S_IWUSR
    return not os.access(path, os.W_OK)


def _link_new(tmp: str, target: Path, data: bytes) -> None:
    """Put the finished temporary file at `target` only if nothing is there (FileExistsError)."""
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


def _digest(path: Path) -> bytes | None:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except FileNotFoundError:
        return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
