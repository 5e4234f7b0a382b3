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
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from psc import __version__, messages
from psc.cli import console
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
            typer.echo(messages._("interrupted"), err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:  # the reader went away (`psc tasks | head -1`): stop quietly
            raise typer.Exit(_pipe_closed()) from None
        except (typer.Exit, typer.Abort):
            raise
        except ModuleNotFoundError as exc:  # an installation without a module psc needs
            from psc.installed import install_command

            command = install_command("pdf" if exc.name == "weasyprint" else None)
            console.echo(
                messages._(
                    "error: the Python module {module!r} that this command needs is not "
                    "installed: reinstall psc with its dependencies ({command})",
                    module=exc.name,
                    command=command,
                ),
                err=True,
            )
            raise typer.Exit(2) from None
        except Exception as exc:  # a bug in psc: say so in one line, never a traceback
            if os.environ.get("PSC_DEBUG"):
                raise
            console.echo(
                messages._(
                    "error: internal error: {kind}: {error} "
                    "(please report this; set PSC_DEBUG=1 to see the traceback)",
                    kind=type(exc).__name__,
                    error=exc,
                ),
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
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="cs|en",
            help="The language psc speaks in: cs or en (default: PSC_LANG, the group's "
            "language, then the locale).",
            show_default=False,
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
    ctx.obj = {"root": root, "lang": lang}
    speak(root, lang)


def speak(root: Path | None, lang: str | None) -> None:
    """Choose the language of psc's messages for this command: --lang, and the group's
    language of the repository --root names (`MainGroup` chose the one around the current
    directory before parsing; PSC_LANG and the locale are read where they are asked)."""
    from psc.errors import UsageError, check_language

    try:
        check_language(lang)
    except UsageError as exc:
        console.echo(exc.lines()[0], err=True)
        raise typer.Exit(2) from None
    messages.choose("option", lang)
    if root is not None:
        messages.choose("group", messages.repository_language(root, root))


def _typer(**settings: Any) -> typer.Typer:
    """A (sub)application with psc's settings: plain help text (no rich markup)."""
    return typer.Typer(rich_markup_mode=None, **settings)


class MainGroup(TyperGroup):
    """psc's own group: before anything is parsed, the language of the group around the
    current directory is chosen (an unknown option of psc itself is worded in it), and
    Typer's usage errors are shown in psc's words (psc.cli.usage)."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        messages.reset()
        try:
            messages.choose("group", messages.repository_language(None, Path.cwd()))
        except OSError:
            pass
        return super().make_context(*args, **kwargs)


def _main_app() -> typer.Typer:
    from psc.cli import usage

    usage.install()
    main_app = _typer(
        cls=MainGroup,
        name="psc",
        help="Minutes and tasks of a working group, kept as YAML files in git.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
    )
    main_app.callback()(main_options)
    return main_app


def _tasks_app() -> typer.Typer:
    from psc.cli import tasks

    group = _typer(no_args_is_help=False)
    group.callback(invoke_without_command=True)(handle_errors(tasks.tasks))
    group.command("show")(handle_errors(tasks.show))
    for action in tasks.STATUS_ACTIONS:
        group.command(action)(handle_errors(tasks.status_command(action)))
    return group


def _decisions_app() -> typer.Typer:
    from psc.cli import decisions

    group = _typer(no_args_is_help=False, cls=decisions.TextOrCommand)
    group.callback(invoke_without_command=True)(handle_errors(decisions.decisions))
    group.command("show")(handle_errors(decisions.show))
    return group


def _comments_app() -> typer.Typer:
    from psc.cli import circulation

    group = _typer(no_args_is_help=False, cls=circulation.MeetingOrCommand)
    group.callback(invoke_without_command=True)(handle_errors(circulation.comments))
    group.command("add")(handle_errors(circulation.add))
    group.command("settle")(handle_errors(circulation.settle))
    return group


def _export_app() -> typer.Typer:
    from psc.cli import publish

    group = _typer(help=publish.EXPORT_HELP, no_args_is_help=True)
    group.command("ics")(handle_errors(publish.export_ics))
    return group


def _command(module: str, name: str) -> Callable[[], Callable[..., Any]]:
    """A loader of the function `name` of psc.cli.`module` (imported when it is needed)."""

    def load() -> Callable[..., Any]:
        return getattr(importlib.import_module(f"psc.cli.{module}"), name)  # type: ignore[no-any-return]

    return load


COMMANDS: list[tuple[str, Callable[[], Callable[..., Any] | typer.Typer]]] = [
    ("validate", _command("minutes", "validate")),
    ("render", _command("minutes", "render")),
    ("tasks", _tasks_app),
    ("decisions", _decisions_app),
    ("new-meeting", _command("minutes", "new_meeting")),
    ("init", _command("minutes", "init")),
    ("import", _command("minutes", "import_")),
    ("list", _command("minutes", "list_")),
    ("search", _command("search", "search")),
    ("diff", _command("review", "diff")),
    ("log", _command("review", "log")),
    ("approve", _command("review", "approve")),
    ("amend", _command("review", "amend")),
    ("circulate", _command("circulation", "circulate")),
    ("comments", _comments_app),
    ("build", _command("publish", "build")),
    ("schema", _command("minutes", "schema")),
    ("export", _export_app),
    ("remind", _command("publish", "remind")),
    ("doctor", _command("doctor", "doctor")),
]
"""psc's commands, in the order `psc --help` lists them, each with the loader of its
function or its group of subcommands: a command's module is imported only when the
command is (`build`)."""


def build(only: str | None = None) -> typer.Typer:
    """The `psc` application with every command, or with the command `only` (what one
    invocation of that command needs: only its module is imported, and Typer makes the
    parser of that command only)."""
    main_app = _main_app()
    for name, load in COMMANDS:
        if only is not None and name != only:
            continue
        command = load()
        if isinstance(command, typer.Typer):
            main_app.add_typer(command, name=name)
        else:
            main_app.command(name)(handle_errors(command))
    return main_app


def __getattr__(name: str) -> Any:
    """`app`: the application with every command, made when first asked for (the tests,
    the CLI reference, `psc --help`)."""
    if name == "app":
        made = globals()["app"] = build()
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
        (build() if name is None else build(only=name))(prog_name="psc")
    finally:
        try:  # what is still buffered goes now, while a closed pipe can be answered quietly
            sys.stdout.flush()
        except BrokenPipeError:
            sys.exit(_pipe_closed())
