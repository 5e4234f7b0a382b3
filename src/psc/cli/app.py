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


def _main_app() -> typer.Typer:
    main_app = _typer(
        name="psc",
        help="Minutes and tasks of a working group, kept as YAML files in git.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
    )
    main_app.callback()(main_options)
    return main_app


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

COMMANDS: list[tuple[str, Callable[..., Any] | typer.Typer]] = [
    ("validate", minutes.validate),
    ("render", minutes.render),
    ("tasks", tasks_app),
    ("decisions", decisions_app),
    ("new-meeting", minutes.new_meeting),
    ("init", minutes.init),
    ("import", minutes.import_),
    ("list", minutes.list_),
    ("search", search_cli.search),
    ("diff", review.diff),
    ("log", review.log),
    ("approve", review.approve),
    ("amend", review.amend),
    ("circulate", circulation.circulate),
    ("comments", comments_app),
    ("build", publish.build),
    ("schema", minutes.schema),
    ("export", export_app),
    ("remind", publish.remind),
]
"""psc's commands, in the order `psc --help` lists them: a function, or a group of
subcommands."""


def build(only: str | None = None) -> typer.Typer:
    """The `psc` application with every command, or with the command `only` (what one
    invocation of that command needs: Typer then makes the parser of that command only)."""
    main_app = _main_app()
    for name, command in COMMANDS:
        if only is not None and name != only:
            continue
        if isinstance(command, typer.Typer):
            main_app.add_typer(command, name=name)
        else:
            main_app.command(name)(handle_errors(command))
    return main_app


app = build()


def invoked(argv: list[str]) -> str | None:
    """The command `argv` runs (after psc's own --root), or None when it asks for psc's help,
    version or completion, or names no command psc has."""
    names = {name for name, _ in COMMANDS}
    args = iter(argv)
    for arg in args:
        if arg == "--root":
            next(args, None)
        elif not arg.startswith("--root="):
            return arg if arg in names else None
    return None


def main() -> None:
    """Entry point of the `psc` console script."""
    if sys.argv[1:] == ["--version"]:  # answered before Typer builds every command's parser
        sys.stdout.write(f"psc {__version__}\n")
        return
    name = invoked(sys.argv[1:])
    try:
        (app if name is None else build(only=name))(prog_name="psc")
    finally:
        try:  # what is still buffered goes now, while a closed pipe can be answered quietly
            sys.stdout.flush()
        except BrokenPipeError:
            sys.exit(_pipe_closed())
