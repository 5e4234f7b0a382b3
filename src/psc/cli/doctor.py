"""`psc doctor`: what psc's commands need on this computer (and in this repository)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from psc.cli import console, options


def doctor(
    ctx: typer.Context,
    fmt: Annotated[str, options.format_("table|json", "Output format.")] = "table",
) -> None:
    """Check what psc's commands need: Python and psc, git, the PDF engine (WeasyPrint and
    Pango), fonts with Czech letters, LibreOffice, the SMTP settings and, inside a
    repository, its group file, git work tree and cache.

    One line per part: what was found and which commands need it; below, for each part not
    present, what it disables and how to add it. Exit status 1 when a part that a command
    needs is missing; LibreOffice, SMTP and the cache only inform. Changes nothing.

    Example: psc doctor --format json
    """
    from psc.doctor import check_format, examine

    check_format(fmt)
    try:
        cwd = Path.cwd()
    except OSError:
        cwd = Path.home()
    checkup = examine((ctx.find_root().obj or {}).get("root"), cwd)
    if fmt == "json":
        sys.stdout.write(checkup.as_json())
    else:
        console.show_table(checkup.table())
        for line in checkup.advice():
            console.echo(line)
        console.echo(checkup.summary())
    raise typer.Exit(checkup.exit_code)
