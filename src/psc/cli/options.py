"""The options and arguments several commands share, declared once as typed `Annotated`
aliases (`lang: Lang = None`). Where the meaning, and so the help, differs per command
(--as-of, --output, --format, --on), a factory declares the flag once and takes the help."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from psc.cli.common import complete_meeting, complete_task


def as_of(help: str) -> Any:
    """--as-of DATE: the archive as it stood on that date (default: today)."""
    return typer.Option("--as-of", metavar="DATE", help=help, show_default=False)


def output(metavar: str, help: str) -> Any:
    """--output/-o: where the command writes ('-' or nothing: stdout, where it may)."""
    return typer.Option("--output", "-o", metavar=metavar, help=help, show_default=False)


def format_(metavar: str, help: str, *, show_default: bool = True) -> Any:
    """--format/-f, with the formats the command knows as its metavar."""
    return typer.Option("--format", "-f", metavar=metavar, help=help, show_default=show_default)


def on(help: str) -> Any:
    """--on DATE: the date of an edit (default: today)."""
    return typer.Option("--on", metavar="DATE", help=help, show_default=False)


NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Read every file; neither use nor update .psc-cache/.")
]
"""Every command that reads the archive."""

Strict = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Fail (exit 1, listing the problems) when any meeting file is invalid. Without it "
        "the report is made from the valid meetings, each file left out is named on stderr "
        "('warning: skipped …'), and the exit status is 0; psc validate is the check that fails.",
    ),
]
"""The option of every read-only report (tasks, tasks show, list, render, build, export ics, remind)."""

Public = Annotated[
    bool,
    typer.Option(
        "--public",
        help="The public edition: private people's names replaced (initials or "
        "'[anonymizováno]', as group.yaml's privacy says), private passages left out; "
        "default outputs get a public/ folder of their own.",
    ),
]
"""The public edition of render, build, export ics and remind."""


def _speak(value: str | None) -> str | None:
    """A command's --lang chooses the language of its messages too (below psc --lang)."""
    from psc import messages

    messages.choose("command", value)
    return value


Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="cs|en",
        help="cs or en (default: the group's language).",
        show_default=False,
        callback=_speak,
    ),
]
"""The language of a document or report (render, tasks, export ics, remind)."""

LangBrief = Annotated[
    str | None,
    typer.Option("--lang", metavar="cs|en", help="cs or en.", show_default=False, callback=_speak),
]
"""The same, with the shorter help of tasks show, list, diff, log and build."""

Output = Annotated[str | None, output("FILE", "Write to FILE (default: stdout).")]
"""-o FILE of a command that prints a document (diff, schema)."""

Meeting = Annotated[
    str,
    typer.Argument(
        metavar="MEETING", autocompletion=complete_meeting, help="The meeting, e.g. 2016-09-07."
    ),
]
"""The meeting an edit records something on (approve, amend)."""

TaskId = Annotated[
    str,
    typer.Argument(metavar="ID", autocompletion=complete_task, help="The task, e.g. 2016-09-07/3."),
]
"""The task of tasks show, done, cancel and reopen."""

On = Annotated[str | None, on("Date of the change (default: today).")]
"""--on of an edit that changes something (amend, tasks done/cancel/reopen)."""

Note = Annotated[
    str | None,
    typer.Option("--note", metavar="TEXT", help="A note on the change.", show_default=False),
]
"""--note of tasks done, cancel and reopen."""
