"""The one way psc writes files: atomically, so a crash never leaves half a file."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from psc.errors import OutputError, display_path


class ChangedOnDisk(OutputError):
    """The file changed on disk between psc reading it and writing its edit."""


def write_text_atomic(path: Path, text: str | bytes, *, unchanged_since: bytes | None = None) -> None:
    """Write `text` (UTF-8, or bytes as they are) to `path` through a temporary file in the same directory, fsync and
    a rename, keeping the file's mode. With `unchanged_since` (the bytes an edit started
    from), refuse when the file no longer holds them: someone else changed it meanwhile."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {display_path(path)}: {exc.strerror}") from None
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if unchanged_since is not None and _digest(path) != hashlib.sha256(unchanged_since).digest():
            raise ChangedOnDisk(f"{display_path(path)} changed on disk while psc was editing it; "
                                "nothing was written (run the command again)")
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {display_path(path)}: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _digest(path: Path) -> bytes | None:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except FileNotFoundError:
        return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
