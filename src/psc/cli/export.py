"""`psc export ics`: the calendar of upcoming meetings and task deadlines (see psc.publish.calendar)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from psc.cli import console
from psc.cli.main import Strict, _date, _project, _today, app, handle_errors

export_app = typer.Typer(
    help="Export the archive for other tools.\n\nExample: psc export ics -o kalendar.ics",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(export_app, name="export")


@export_app.command("ics")
@handle_errors
def export_ics(
    ctx: typer.Context,
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write the calendar to FILE (default: stdout).",
        show_default=False,
    ),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="Meetings on or after this date, tasks as the archive stood "
        "on it (default: today); also the DTSTAMP, so the same archive and date give the same file.",
        show_default=False,
    ),
    lang: str | None = typer.Option(
        None,
        "--lang",
        metavar="cs|en",
        help="cs or en (default: the group's language).",
        show_default=False,
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Read every file; neither use nor update .psc-cache/."
    ),
    strict: Strict = False,
) -> None:
    """Write an iCalendar (.ics) file: upcoming meetings as events, open task deadlines as to-dos.

    Meetings: every meeting file from the as-of date on and the dates the latest minutes
    list (tentative ones as TENTATIVE), in Europe/Prague time, all-day when no time is
    known. To-dos: open tasks with a due date (not ongoing, done or cancelled ones).
    UIDs are stable, so calendars update entries instead of duplicating them.

    Example: psc export ics --as-of 2016-10-01 -o ps-pro-sc.ics
    """
    from psc.publish.calendar import export_ics as build

    when = _date(as_of, "--as-of") or _today()
    project = _project(ctx, no_cache, strict)
    data = build(project, as_of=when, lang=lang)
    if output and output != "-":
        from psc.fileio import write_text_atomic

        project.check_output(Path(output))
        # newline-exact: the text keeps icalendar's CRLF line ends byte for byte
        write_text_atomic(Path(output), data.decode("utf-8"))
        console.echo(f"wrote {output}", err=True)
        return
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    stream.write(data)
    stream.flush()
