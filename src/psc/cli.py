"""The command line: a thin Typer layer over psc's core modules.

Commands parse options, call one core function and print its result. Heavy modules
(pydantic, jinja2, markdown) are imported inside the commands that need them, so
`psc --version` and `psc --help` stay fast. `handle_errors` is the one place where
psc's errors become messages and exit codes.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any, Callable, Optional

import typer

from psc import __version__
from psc.errors import PscError

app = typer.Typer(
    name="psc",
    help="Minutes and tasks of a working group, kept as YAML files in git.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn psc's errors into one-line messages on stderr and exit codes (1 data, 2 usage)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PscError as exc:
            for line in exc.lines():
                typer.echo(line, err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug in psc: say so in one line, never a traceback
            if os.environ.get("PSC_DEBUG"):
                raise
            typer.echo(
                f"error: internal error: {type(exc).__name__}: {exc} "
                "(please report this; set PSC_DEBUG=1 to see the traceback)",
                err=True,
            )
            raise typer.Exit(1) from None

    return wrapper


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`app.command` with psc's error handling."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        return app.command(*args, **kwargs)(handle_errors(func))

    return decorate


def _version(value: bool) -> None:
    if value:
        typer.echo(f"psc {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    root: Optional[Path] = typer.Option(
        None, "--root", metavar="DIR", help="The minutes repository (default: found upwards from the current directory).",
        file_okay=False,
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print psc's version and exit."
    ),
) -> None:
    """Minutes and tasks of a working group, kept as YAML files in git."""
    ctx.obj = {"root": root}


def _project(ctx: typer.Context) -> Any:
    from psc.project import Project

    root = (ctx.obj or {}).get("root")
    return Project.discover(root, Path.cwd())


@command()
def validate(
    ctx: typer.Context,
    paths: Optional[list[Path]] = typer.Argument(
        None, metavar="PATH...", help="Files to check (default: group.yaml and every meeting).",
        show_default=False
    ),
) -> None:
    """Check the group file and meeting files; list every problem as path:line:col.

    Exit code 0 when all files are valid, 1 when any is not.

    Example: psc validate meetings/2016-09-07.yaml
    """
    from psc.errors import InvalidData

    project = _project(ctx)
    checked, problems = project.validate(paths or None)
    if problems:
        raise InvalidData(problems)
    typer.echo(f"ok: {checked} file{'s' if checked != 1 else ''} valid")


@command()
def render(
    ctx: typer.Context,
    meeting: Optional[str] = typer.Argument(
        None, metavar="MEETING", help="The meeting: its date (2016-09-07) or the path of its file.",
        show_default=False
    ),
    all_: bool = typer.Option(False, "--all", help="Render every meeting."),
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", metavar="md|html", help="md or html (default: both).", show_default=False
    ),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE|DIR|-",
        help="Output file ('-' for stdout); a directory with --all or with both formats. "
        "Default: minutes/<meeting>.<format> in the repository.",
        show_default=False,
    ),
    lang: Optional[str] = typer.Option(
        None, "--lang", metavar="cs|en", help="cs or en (default: the group's language).", show_default=False
    ),
) -> None:
    """Render a meeting's minutes as Markdown and HTML.

    Example: psc render 2016-09-07 --format html -o minutes.html
    """
    from psc.commands import render_minutes

    project = _project(ctx)
    for line in render_minutes(project, meeting, all_=all_, fmt=fmt, output=output, lang=lang):
        typer.echo(line, err=True)


def main() -> None:
    """Entry point of the `psc` console script."""
    app(prog_name="psc")



