"""Opening a file in the user's editor."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from psc.errors import PscError
from psc.messages import _


class EditorError(PscError):
    """No editor is configured, or it failed."""


def open_in_editor(path: Path) -> None:
    """Run $VISUAL or $EDITOR on `path` and wait for it."""
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        raise EditorError(
            _("wrote {path}, but neither VISUAL nor EDITOR is set to open it", path=path)
        )
    try:
        result = subprocess.run([*shlex.split(command), str(path)], check=False)
    except OSError as exc:
        raise EditorError(
            _("cannot run the editor {command!r}: {error}", command=command, error=exc.strerror)
        ) from None
    if result.returncode != 0:
        raise EditorError(
            _("the editor {command!r} exited with {code}", command=command, code=result.returncode)
        )
