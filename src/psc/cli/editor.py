"""Opening a file in the user's editor."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from psc.errors import PscError


class EditorError(PscError):
    """No editor is configured, or it failed."""


def open_in_editor(path: Path) -> None:
    """Run $VISUAL or $EDITOR on `path` and wait for it."""
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        raise EditorError(f"wrote {path}, but neither VISUAL nor EDITOR is set to open it")
    try:
        result = subprocess.run([*shlex.split(command), str(path)], check=False)
    except OSError as exc:
        raise EditorError(f"cannot run the editor {command!r}: {exc.strerror}") from None
    if result.returncode != 0:
        raise EditorError(f"the editor {command!r} exited with {result.returncode}")
