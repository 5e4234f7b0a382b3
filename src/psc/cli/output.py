"""The one way a command writes what it made: to stdout, or with -o FILE atomically to a
file, never over a file psc reads (the group file, meetings/, templates/)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from psc.cli import console
from psc.messages import _

if TYPE_CHECKING:
    from psc.archive.project import Project


def emit(body: str | bytes, output: str | None, project: Project | None = None) -> None:
    """Write `body` to stdout ('-' or no `output`), or to the file `output`, and say so on
    stderr. Bytes are written as they are (an .ics keeps its CRLF line ends). Without a
    `project` (a command that needs no repository) the repository around the current
    directory, if any, is guarded all the same."""
    if output and output != "-":
        from psc.fileio import write_text_atomic

        target = Path(output)
        if project is not None:
            project.check_output(target)
        else:
            from psc.archive.project import check_output, find_root
            from psc.errors import ProjectNotFound

            try:
                check_output(find_root(Path.cwd()), target)
            except ProjectNotFound:
                pass
        write_text_atomic(target, body)
        console.echo(_("wrote {path}", path=output), err=True)
        return
    if isinstance(body, str):
        sys.stdout.write(body)
        return
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(body.decode("utf-8"))
        return
    sys.stdout.flush()
    stream.write(body)
    stream.flush()
