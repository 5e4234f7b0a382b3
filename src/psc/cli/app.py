"""The command line: the `psc` Typer application, assembled from the command modules.

Commands live by topic in minutes.py, tasks.py, review.py and publish.py; each parses its
options, calls one core function and prints the result. This module is their table of
contents: it registers every command, in the order `psc --help` lists them, behind
`handle_errors`, the one place where psc's errors become messages and exit codes. Heavy
modules (pydantic, jinja2, markdown) are imported inside the commands that need them, so
`psc --version` and `psc --help` stay fast.

Adding a command: write the function in the module of its topic (shared options from
psc.cli.options, the repository from psc.cli.common.project, output through
psc.cli.output.emit), then register it below; regenerate docs/cli.md.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from psc import __version__
from psc.cli import circulation, console, minutes, publish, review, tasks
from psc.cli import decisions as decisions_cli
from psc.cli import search as search_cli
from psc.errors import PscError

F = TypeVar("F", bound=Callable[..., Any])

PIPE_CLOSED = 141
"""Exit status when stdout's reader went away: 128 + SIGPIPE, as a shell reports `yes | head -1`."""


def handle_errors(func: F) -> F:
    """Turn psc's errors into one-line messages on stderr and exit codes (1 data, 2 usage)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PscError as exc:
            for line in exc.lines():  # file content is in them: printed literally
                console.echo(line, err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:  # the reader went away (`psc tasks | head -1`): stop quietly
            raise typer.Exit(_pipe_closed()) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug in psc: say so in one line, never a traceback
            if os.environ.get("PSC_DEBUG"):
                raise
            console.echo(
                f"error: internal error: {type(exc).__name__}: {exc} "
                "(please report this; set PSC_DEBUG=1 to see the traceback)",
                err=True,
            )
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _pipe_closed() -> int:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return PIPE_CLOSED


def _version(value: bool) -> None:
    if value:
        typer.echo(f"psc {__version__}")
        raise typer.Exit()


def main_options(
    ctx: typer.Context,
    root: Annotated[
        Path | None,
        typer.Option(
            "--root",
            metavar="DIR",
            help="The minutes repository (default: found upwards from the current directory).",
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print psc's version and exit."
        ),
    ] = False,
) -> None:
    """Minutes and tasks of a working group, kept as YAML files in git."""
    ctx.obj = {"root": root}


def _typer(**settings: Any) -> typer.Typer:
    """A (sub)application with psc's settings: plain help text (no rich markup)."""
    return typer.Typer(rich_markup_mode=None, **settings)


app = _typer(
    name="psc",
    help="Minutes and tasks of a working group, kept as YAML files in git.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
app.callback()(main_options)

tasks_app = _typer(no_args_is_help=False)
tasks_app.callback(invoke_without_command=True)(handle_errors(tasks.tasks))
tasks_app.command("show")(handle_errors(tasks.show))
for _action in tasks.STATUS_ACTIONS:
    tasks_app.command(_action)(handle_errors(tasks.status_command(_action)))

decisions_app = _typer(no_args_is_help=False, cls=decisions_cli.TextOrCommand)
decisions_app.callback(invoke_without_command=True)(handle_errors(decisions_cli.decisions))
decisions_app.command("show")(handle_errors(decisions_cli.show))

comments_app = _typer(no_args_is_help=False, cls=circulation.MeetingOrCommand)
comments_app.callback(invoke_without_command=True)(handle_errors(circulation.comments))
comments_app.command("add")(handle_errors(circulation.add))
comments_app.command("settle")(handle_errors(circulation.settle))

export_app = _typer(help=publish.EXPORT_HELP, no_args_is_help=True)
export_app.command("ics")(handle_errors(publish.export_ics))

app.command("validate")(handle_errors(minutes.validate))
app.command("render")(handle_errors(minutes.render))
app.add_typer(tasks_app, name="tasks")
app.add_typer(decisions_app, name="decisions")
app.command("new-meeting")(handle_errors(minutes.new_meeting))
app.command("init")(handle_errors(minutes.init))
app.command("import")(handle_errors(minutes.import_))
app.command("list")(handle_errors(minutes.list_))
app.command("search")(handle_errors(search_cli.search))
app.command("diff")(handle_errors(review.diff))
app.command("log")(handle_errors(review.log))
app.command("approve")(handle_errors(review.approve))
app.command("amend")(handle_errors(review.amend))
app.command("circulate")(handle_errors(circulation.circulate))
app.add_typer(comments_app, name="comments")
app.command("build")(handle_errors(publish.build))
app.command("schema")(handle_errors(minutes.schema))
app.add_typer(export_app, name="export")
app.command("remind")(handle_errors(publish.remind))


def main() -> None:
    """Entry point of the `psc` console script."""
    if sys.argv[1:] == ["--version"]:  # answered before Typer builds every command's parser
        sys.stdout.write(f"psc {__version__}\n")
        return
    try:
        app(prog_name="psc")
    finally:
        try:  # what is still buffered goes now, while a closed pipe can be answered quietly
            sys.stdout.flush()
        except BrokenPipeError:
            sys.exit(_pipe_closed())
