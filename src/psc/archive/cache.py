"""The on-disk cache of validated meeting summaries (`.psc-cache/` at the repository root).

Entries are keyed by the file's path relative to the repository root, and a summary served
from the cache always gets the file's path under the current root (a copied or moved
repository with its cache never points back at the original). A file's entry is served
only when its relative path, size and mtime_ns match, and, when the mtime
is too close to the moment the cache was written to be trusted (a file changed in the same
instant, as git's "racily clean" case), when its content hash matches too. Everything is
dropped when psc's version, the summary format or the group file changes. The cache is
plain JSON, read defensively: a corrupt or unreadable cache is ignored and rebuilt, never
trusted and never a crash. Writes are atomic, so two psc processes at once at worst both
rebuild it.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psc import __version__
from psc.archive.summary import FORMAT, MeetingSummary, from_json, to_json

CACHE_DIR = ".psc-cache"
CACHE_FILE = "meetings.json"
RACY_NS = 2_000_000_000
"""Files modified within this long before the cache was written are checked by content."""


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Entry:
    size: int
    mtime_ns: int
    sha256: str
    summary: dict[str, Any] | MeetingSummary
    """Its JSON form as read, or the summary itself once used or newly made (less memory)."""


class Cache:
    """Summaries of valid meeting files, keyed by file identity; see the module docstring."""

    def __init__(self, root: Path, group_hash: str):
        self.path = root / CACHE_DIR / CACHE_FILE
        self.key = {"psc": __version__, "format": FORMAT, "group": group_hash}
        self.entries: dict[str, Entry] = {}
        self.group_info: dict[str, Any] | None = None
        """What reports need of the (valid) group file, stored with the entries."""
        self.written_ns = 0
        self.dirty = False
        self._load()

    def _load(self) -> None:
        gc.disable()  # many small acyclic objects: the cyclic collector would only slow this down
        try:
            self._read()
        finally:
            gc.freeze()  # what was built lives to the end: keep later collections from rescanning it
            gc.enable()

    def _read(self) -> None:
        try:
            data = json.loads(self.path.read_bytes())
            if not isinstance(data, dict) or data.get("key") != self.key:
                self.dirty = True
                return
            self.written_ns = int(data["written_ns"])
            info = data["group_info"]
            if (
                isinstance(info, dict)
                and isinstance(info.get("labels"), dict)
                and info.get("language") in ("cs", "en")
            ):
                self.group_info = info
            for name, e in data["files"].items():
                self.entries[name] = Entry(int(e[0]), int(e[1]), str(e[2]), e[3])
        except FileNotFoundError:
            self.dirty = True
        except (
            OSError,
            ValueError,
            KeyError,
            TypeError,
            IndexError,
            AttributeError,
            RecursionError,
        ):
            self.entries, self.dirty = {}, True  # corrupt or unreadable: start over

    def get(self, name: str, path: Path) -> MeetingSummary | None:
        """The cached summary of `path`, if it is certainly still the file's content."""
        entry = self.entries.get(name)
        if entry is None:
            return None
        try:
            st = path.stat()
            if st.st_size != entry.size or st.st_mtime_ns != entry.mtime_ns:
                return None
            if (
                st.st_mtime_ns >= self.written_ns - RACY_NS
                and file_hash(path.read_bytes()) != entry.sha256
            ):
                return None
            if not isinstance(entry.summary, MeetingSummary):
                entry.summary = from_json(entry.summary)  # the JSON form is dropped
            # the file is where this repository has it now, never where the cache was written
            # (a copied or moved repository brings its cache along)
            entry.summary.path = str(path)
            return entry.summary
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            self.entries.pop(name, None)
            self.dirty = True
            return None

    def put(
        self, name: str, summary: MeetingSummary, size: int, mtime_ns: int, sha256: str
    ) -> None:
        """Remember `summary` for the file that had `size`, `mtime_ns` and content hash `sha256`."""
        self.entries[name] = Entry(size, mtime_ns, sha256, summary)
        self.dirty = True

    def forget_except(self, names: set[str]) -> None:
        for name in list(self.entries):
            if name not in names:
                del self.entries[name]
                self.dirty = True

    def save(self) -> None:
        """Write the cache atomically; a failure to write it is not an error of the command."""
        if not self.dirty or self.group_info is None:
            return
        head = {"key": self.key, "written_ns": time.time_ns(), "group_info": self.group_info}

        def dump(value: Any) -> str:
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

        try:
            self.path.parent.mkdir(exist_ok=True)
            gitignore = self.path.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n", encoding="utf-8")
            tmp = self.path.with_name(f".{CACHE_FILE}.{os.getpid()}.tmp")
            with open(tmp, "w", encoding="utf-8") as out:  # one entry at a time: memory stays flat
                out.write(dump(head)[:-1] + ',"files":{')
                for i, (name, e) in enumerate(self.entries.items()):
                    summary = e.summary if isinstance(e.summary, dict) else to_json(e.summary)
                    summary = {
                        **summary,
                        "path": name,
                    }  # relative to the root: no absolute path kept
                    out.write(
                        ("," if i else "")
                        + dump(name)
                        + ":"
                        + dump([e.size, e.mtime_ns, e.sha256, summary])
                    )
                out.write("}}")
            os.replace(tmp, self.path)
        except Exception:  # the cache is an optimisation: failing to write it fails nothing
            try:
                tmp.unlink()  # type: ignore[possibly-undefined]
            except (OSError, NameError):
                pass
