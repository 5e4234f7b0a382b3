"""The command line: a thin Typer layer over psc's core modules.

Commands parse options, call one core function and print its result. Heavy modules
(pydantic, jinja2, markdown) are imported inside the commands that need them, so
`psc --version` and `psc --help` stay fast. `handle_errors` is the one place where
psc's errors become messages and exit codes.
"""

from __future__ import annotations

import functools
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from psc import __version__
from psc.cli import console
from psc.errors import PscError, UsageError, check_language, check_text

app = typer.Typer(
    name="psc",
    help="Minutes and tasks of a working group, kept as YAML files in git.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def complete_meeting(incomplete: str) -> list[str]:
    """Shell completion of meeting IDs (file names in meetings/; nothing is parsed)."""
    try:
        from psc.archive.project import find_root

        meetings = find_root(Path.cwd()) / "meetings"
        return sorted(p.stem for p in meetings.glob("*.yaml") if p.stem.startswith(incomplete))
    except Exception:  # completion must never print an error into the shell
        return []


def complete_task(incomplete: str) -> list[str]:
    """Shell completion of task IDs (from the cache when it is fresh)."""
    try:
        from psc.archive.project import Project

        index = Project.discover(None, Path.cwd()).index(strict=False)
        ids = [m.task_id(i) for m in index.meetings for i in range(len(m.tasks))]
        return [t for t in ids if t.startswith(incomplete)]
    except Exception:
        return []


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
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

    return wrapper


PIPE_CLOSED = 141
"""Exit status when stdout's reader went away: 128 + SIGPIPE, as a shell reports `yes | head -1`."""


def _pipe_closed() -> int:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return PIPE_CLOSED


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
    root: Path | None = typer.Option(
        None,
        "--root",
        metavar="DIR",
        help="The minutes repository (default: found upwards from the current directory).",
        file_okay=False,
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print psc's version and exit."
    ),
) -> None:
    """Minutes and tasks of a working group, kept as YAML files in git."""
    ctx.obj = {"root": root}


def _project(ctx: typer.Context, no_cache: bool = False, strict: bool | None = None) -> Any:
    """The repository. `strict` given: a read-only report, which leaves invalid meeting files
    out with a warning on stderr unless `strict` (--strict)."""
    from psc.archive.project import Project

    while ctx.obj is None and ctx.parent is not None:
        ctx = ctx.parent
    project = Project.discover((ctx.obj or {}).get("root"), Path.cwd())
    project.use_cache = not no_cache
    if strict is not None:
        project.strict = strict
        project.warn = lambda line: console.echo(line, err=True)
    return project


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


def _names(values: Any) -> Any:
    """Names typed on the command line (owners, IDs, meetings, people) in NFC, as files are read:
    macOS and some terminals type 'Ž' as Z + a combining caron (NFD)."""
    from psc.terms import nfc

    if values is None:
        return None
    if isinstance(values, str):
        return nfc(values)
    return [nfc(v) for v in values]


@command()
def validate(
    ctx: typer.Context,
    paths: list[Path] | None = typer.Argument(
        None,
        metavar="PATH...",
        help="Files to check (default: group.yaml and every meeting).",
        show_default=False,
    ),
    fmt: str = typer.Option(
        "text",
        "--format",
        "-f",
        metavar="text|github|json",
        help="text (path:line:col), github (workflow annotations) or json.",
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Read every file; neither use nor update .psc-cache/."
    ),
) -> None:
    """Check the group file and meeting files; list every problem as path:line:col.

    Every file below meetings/ is accounted for: a .yml or .YAML file, or one in a
    subfolder, is an error (psc would leave its meeting out); any other file there is a
    warning (hidden files such as .gitkeep are ignored).

    Exit code 0 when all files are valid (warnings allowed), 1 when any is not.

    Example: psc validate meetings/2016-09-07.yaml
    """
    from psc.errors import InvalidData

    if fmt not in ("text", "github", "json"):
        raise UsageError(f"unknown format {fmt!r}; choose text, github or json")
    project = _project(ctx, no_cache)
    checked, problems = project.validate(paths or None)
    failed = any(p.severity == "error" for p in problems)
    if fmt == "json":
        import json

        records = [
            {
                "path": p.path,
                "line": p.line,
                "column": p.col,
                "field": p.field,
                "severity": p.severity,
                "message": p.message,
            }
            for p in sorted(problems)
        ]
        sys.stdout.write(
            json.dumps({"files": checked, "problems": records}, ensure_ascii=False, indent=2) + "\n"
        )
        if failed:
            raise typer.Exit(1)
        return
    if fmt == "github" and problems:
        from psc.cli.console import github_annotation

        for p in sorted(problems):
            message = (f"{p.field}: " if p.field else "") + p.message
            typer.echo(github_annotation(p.severity, message, file=p.path, line=p.line, col=p.col))
        if failed:
            raise typer.Exit(1)
        problems = []  # warnings only, annotated above
    if failed:
        raise InvalidData(problems)
    for p in sorted(problems):  # warnings only
        console.echo(p, err=True)
    typer.echo(f"ok: {checked} file{'s' if checked != 1 else ''} valid")


@command()
def render(
    ctx: typer.Context,
    meeting: str | None = typer.Argument(
        None,
        metavar="MEETING",
        autocompletion=complete_meeting,
        help="The meeting: its date (2016-09-07) or the path of its file.",
        show_default=False,
    ),
    all_: bool = typer.Option(False, "--all", help="Render every meeting."),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        metavar="md|html|pdf",
        help="md, html or pdf (default: md and html).",
        show_default=False,
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE|DIR|-",
        help="Output file ('-' for stdout); a directory with --all or with both formats. "
        "Default: minutes/<meeting>.<format> in the repository.",
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
    """Render a meeting's minutes as Markdown and HTML.

    Example: psc render 2016-09-07 --format html -o minutes.html
    """
    from psc.commands import render_minutes

    project = _project(ctx, no_cache, strict)
    for line in render_minutes(
        project, _names(meeting), all_=all_, fmt=fmt, output=output, lang=lang
    ):
        console.echo(line, err=True)


tasks_app = typer.Typer(
    no_args_is_help=False,
    rich_markup_mode=None,
)
app.add_typer(tasks_app, name="tasks")


def _date(value: str | None, option: str) -> Any | None:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r}: give a date as YYYY-MM-DD") from None


def _today() -> Any:
    import datetime as dt

    return dt.date.today()


@tasks_app.callback(invoke_without_command=True)
@handle_errors
def tasks(
    ctx: typer.Context,
    overdue: bool = typer.Option(False, "--overdue", help="Only tasks past their deadline."),
    due_within: str | None = typer.Option(
        None,
        "--due-within",
        metavar="DAYS",
        help="Only tasks due within this many days of the as-of "
        "date (e.g. 14d or 2w), overdue ones included.",
        show_default=False,
    ),
    due_before: str | None = typer.Option(
        None, "--due-before", metavar="DATE", help="Only tasks due before DATE.", show_default=False
    ),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="Report the archive as it stood on this date (default: today): "
        "tasks assigned, reviews held and statuses dated after it do not count.",
        show_default=False,
    ),
    owner: list[str] | None = typer.Option(
        None,
        "--owner",
        metavar="ORG",
        help="Only tasks of this responsible body or person (repeatable), "
        "and tasks without one (those are every member's). A name that is neither an organisation, "
        "a member nor a responsible of any task is an error.",
        show_default=False,
    ),
    meeting: str | None = typer.Option(
        None,
        "--meeting",
        metavar="MEETING",
        autocompletion=complete_meeting,
        help="Only tasks assigned at this meeting.",
        show_default=False,
    ),
    status: str = typer.Option(
        "open", "--status", metavar="open|done|cancelled|all", help="Which tasks."
    ),
    group_by: str | None = typer.Option(
        None,
        "--group-by",
        metavar="owner",
        help="Group the report by responsible body.",
        show_default=False,
    ),
    fmt: str = typer.Option(
        "table", "--format", "-f", metavar="table|md|html|json|csv", help="Output format."
    ),
    csv_dialect: str = typer.Option(
        "standard",
        "--csv-dialect",
        metavar="standard|excel",
        help="CSV flavour: standard (comma, LF) or "
        "excel (semicolon, CRLF, UTF-8 BOM: opens correctly in Czech spreadsheet programs).",
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write the report to FILE (default: stdout).",
        show_default=False,
    ),
    lang: str | None = typer.Option(
        None,
        "--lang",
        metavar="cs|en",
        help="cs or en (default: the group's language).",
        show_default=False,
    ),
    fail_if_any: bool = typer.Option(
        False, "--fail-if-any", help="Exit with 1 when the list is not empty (for cron or CI)."
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Read every file; neither use nor update .psc-cache/."
    ),
    strict: Strict = False,
) -> None:
    """List open tasks across all meetings (or run a subcommand: show, done, cancel, reopen).

    A 'next meeting' deadline is dated by the next meeting file, else by the first next
    meeting the task's own minutes list. Overdue: open and due before the as-of date.

    Example: psc tasks --overdue --as-of 2016-11-16 --format json
    """
    if ctx.invoked_subcommand is not None:
        return
    from psc.archive.tasks import Selection
    from psc.commands import list_tasks, parse_days

    selection = Selection(
        as_of=_date(as_of, "--as-of") or _today(),
        status=status,
        overdue=overdue,
        due_within=parse_days(due_within) if due_within is not None else None,
        due_before=_date(due_before, "--due-before"),
        owners=tuple(_names(owner) or ()),
        meeting=_names(meeting),
    )
    project = _project(ctx, no_cache, strict)
    body, notes, count = list_tasks(
        project, selection, fmt=fmt, group_by=group_by, lang=lang, csv_dialect=csv_dialect
    )
    for note in notes:
        console.echo(note, err=True)
    if fmt == "table":
        stream = io.StringIO() if output and output != "-" else sys.stdout
        console.print_table(
            body["columns"],
            body["rows"],
            title=body["title"],
            highlight=body["overdue"],
            stream=stream,
            optional=body["optional"],
            left_out=body["left_out"],
        )
        body = stream.getvalue() if isinstance(stream, io.StringIO) else None
    if body is not None:
        _emit(body, output, project)
    if fail_if_any and count:
        raise typer.Exit(1)


@tasks_app.command("show")
@handle_errors
def tasks_show(
    ctx: typer.Context,
    task_id: str = typer.Argument(
        ..., metavar="ID", autocompletion=complete_task, help="The task, e.g. 2016-09-07/3."
    ),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="The task as it stood on this date (default: today): reviews "
        "and statuses after it are not shown.",
        show_default=False,
    ),
    lang: str | None = typer.Option(
        None, "--lang", metavar="cs|en", help="cs or en.", show_default=False
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Read every file; neither use nor update .psc-cache/."
    ),
    strict: Strict = False,
) -> None:
    """Show a task with its whole history: assigned at, reviewed at, status and deadline changes.

    Example: psc tasks show 2016-09-07/3
    """
    from psc.commands import show_task

    project = _project(ctx, no_cache, strict)
    console.print_lines(
        show_task(project, _names(task_id), as_of=_date(as_of, "--as-of") or _today(), lang=lang)
    )


def _status_command(action: str, summary: str, example: str) -> None:
    def run(
        ctx: typer.Context,
        task_id: str = typer.Argument(
            ..., metavar="ID", autocompletion=complete_task, help="The task, e.g. 2016-09-07/3."
        ),
        on: str | None = typer.Option(
            None,
            "--on",
            metavar="DATE",
            help="Date of the change (default: today).",
            show_default=False,
        ),
        note: str | None = typer.Option(
            None, "--note", metavar="TEXT", help="A note on the change.", show_default=False
        ),
        no_cache: bool = typer.Option(
            False, "--no-cache", help="Read every file; neither use nor update .psc-cache/."
        ),
    ) -> None:
        from psc.edits.taskedit import set_status

        project = _project(ctx, no_cache)
        _, message = set_status(
            project,
            _names(task_id),
            action,
            on=_date(on, "--on") or _today(),
            note=check_text(_names(note), "--note"),
        )
        console.echo(message)

    run.__doc__ = (
        f"{summary}\n\nEdits only that task's lines in the meeting file that holds it, "
        f"validates the result and writes it atomically.\n\nExample: {example}"
    )
    tasks_app.command(action)(handle_errors(run))


_status_command("done", "Mark a task done.", "psc tasks done 2016-09-07/3 --on 2016-11-10")
_status_command(
    "cancel", "Mark a task cancelled.", "psc tasks cancel 2016-09-07/5 --note 'Nahrazeno.'"
)
_status_command("reopen", "Reopen a done or cancelled task.", "psc tasks reopen 2016-09-07/3")


def _time(value: str | None) -> Any | None:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--time {value!r}: give a time as HH:MM") from None


def _interactive() -> bool:
    return sys.stdin.isatty()


@command("new-meeting")
def new_meeting(
    ctx: typer.Context,
    date: str | None = typer.Argument(
        None,
        metavar="[DATE]",
        help="Date of the meeting (default: the next meeting the latest minutes list).",
        show_default=False,
    ),
    number: int | None = typer.Option(
        None, "--number", help="Meeting number (default: previous + 1).", show_default=False
    ),
    title: str | None = typer.Option(
        None, "--title", help="Title (default: from the group's title_pattern).", show_default=False
    ),
    time: str | None = typer.Option(
        None, "--time", metavar="HH:MM", help="Start time.", show_default=False
    ),
    place: str | None = typer.Option(None, "--place", help="Place.", show_default=False),
    from_meeting: str | None = typer.Option(
        None,
        "--from",
        metavar="MEETING",
        autocompletion=complete_meeting,
        help="Copy the agenda structure of this meeting.",
        show_default=False,
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the file; write nothing."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    edit: bool = typer.Option(
        False, "--edit", help="Open $VISUAL or $EDITOR on the file after writing."
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Read every file; neither use nor update .psc-cache/."
    ),
) -> None:
    """Scaffold the next meeting's file, with every task due by then in its task review.

    Prompts only in a terminal, for what it cannot work out; never in scripts.

    Example: psc new-meeting 2016-11-15 --dry-run
    """
    from psc.edits.scaffold import new_meeting as scaffold

    def ask(what: str) -> Any:
        if not _interactive():
            return None
        return _date(typer.prompt("Date of the meeting (YYYY-MM-DD)"), "date")

    project = _project(ctx, no_cache)
    path, text, written = scaffold(
        project,
        date=_date(date, "DATE"),
        number=number,
        title=check_text(_names(title), "--title"),
        time=_time(time),
        place=check_text(_names(place), "--place"),
        from_meeting=_names(from_meeting),
        ask=ask,
        dry_run=dry_run,
        force=force,
    )
    if not written:
        sys.stdout.write(text)
        return
    from psc.errors import display_path

    console.echo(f"wrote {display_path(path)}", err=True)
    if edit:
        from psc.cli.editor import open_in_editor

        open_in_editor(path)


@command("init")
def init(
    directory: Path = typer.Argument(
        Path("."), metavar="[DIR]", help="Where to create the repository.", show_default=False
    ),
    name: str | None = typer.Option(
        None, "--name", help="The group's full name.", show_default=False
    ),
    short: str | None = typer.Option(
        None, "--short", help="Its short name (default: the name).", show_default=False
    ),
    lang: str = typer.Option("cs", "--lang", metavar="cs|en", help="Language of the minutes."),
) -> None:
    """Create a new minutes repository: group.yaml, meetings/, .gitignore, a README, git init.

    Example: psc init komise --name "Komise pro chytrá města" --short KCM
    """
    from psc.edits.scaffold import init_repository

    check_language(lang)
    if name is None:
        if not _interactive():
            raise UsageError("give the group's name with --name")
        name = typer.prompt("Name of the group")
        if short is None:
            short = typer.prompt("Short name", default=name)
    check_text(name, "--name")
    check_text(short, "--short")
    if not name.strip():
        raise UsageError("the group's name must not be empty")
    directory.mkdir(parents=True, exist_ok=True)
    for line in init_repository(
        directory, name=name.strip(), short=(short or name).strip(), language=lang
    ):
        console.echo(line, err=True)


@command("list")
def list_(
    ctx: typer.Context,
    fmt: str = typer.Option("table", "--format", "-f", metavar="table|json", help="Output format."),
    lang: str | None = typer.Option(
        None, "--lang", metavar="cs|en", help="cs or en.", show_default=False
    ),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="Count open tasks as the archive stood on this date (default: today).",
        show_default=False,
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Read every file; neither use nor update .psc-cache/."
    ),
    strict: Strict = False,
) -> None:
    """List the meetings: date, number, title, draft or approved, and open tasks.

    Example: psc list --format json
    """
    from psc.commands import list_meetings

    body = list_meetings(
        _project(ctx, no_cache, strict),
        fmt=fmt,
        lang=lang,
        as_of=_date(as_of, "--as-of") or _today(),
    )
    if isinstance(body, str):
        sys.stdout.write(body)
        return
    console.print_table(body["columns"], body["rows"], title=body["title"])


@command("diff")
def diff(
    ctx: typer.Context,
    meetings: list[str] | None = typer.Argument(
        None,
        metavar="[MEETING]...",
        autocompletion=complete_meeting,
        help="Meetings to compare (default: every changed meeting file).",
        show_default=False,
    ),
    from_rev: str | None = typer.Option(
        None, "--from", metavar="REV", help="Old version (default: HEAD).", show_default=False
    ),
    to_rev: str | None = typer.Option(
        None,
        "--to",
        metavar="REV",
        help="New version (default: the working tree).",
        show_default=False,
    ),
    fmt: str = typer.Option(
        "text", "--format", "-f", metavar="text|md|html", help="Output format."
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (default: stdout).",
        show_default=False,
    ),
    lang: str | None = typer.Option(
        None, "--lang", metavar="cs|en", help="cs or en.", show_default=False
    ),
) -> None:
    """Show what changed in meetings, in the minutes' own terms (not YAML lines).

    md gives a summary to paste into a pull request; html (-o FILE) the rendered minutes
    with <ins>/<del> marks like tracked changes. Formatting-only edits are no change.

    Example: psc diff 2016-09-07 --format html -o changes.html
    """
    from psc.review import diff as review

    if fmt not in review.DIFF_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose text, md or html")
    check_language(lang)
    project = _project(ctx)
    diffs, renderer = review.diff_meetings(
        project, _names(meetings) or [], from_rev=from_rev, to_rev=to_rev, lang=lang
    )
    if fmt == "text" and not output:
        console.print_diff(review.as_text(diffs, renderer.labels))
        return
    if fmt == "text":
        import io as io_

        buffer = io_.StringIO()
        console.print_diff(review.as_text(diffs, renderer.labels), stream=buffer)
        body = buffer.getvalue()
    elif fmt == "md":
        body = review.as_markdown(diffs, renderer.labels)
    else:
        body = review.redline_html(diffs, renderer)
    _emit(body, output, project)


def _emit(body: str, output: str | None, project: Any = None) -> None:
    """Write a report to stdout, or atomically to a file (never over a file psc reads:
    the repository's group file, meetings or templates)."""
    if output and output != "-":
        from psc.archive.project import check_output
        from psc.fileio import write_text_atomic

        if project is None:  # a command that needs no repository: guard the one it runs in, if any
            from psc.archive.project import find_root
            from psc.errors import ProjectNotFound

            try:
                check_output(find_root(Path.cwd()), Path(output))
            except ProjectNotFound:
                pass
        else:
            project.check_output(Path(output))
        write_text_atomic(Path(output), body)
        console.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.write(body)


@command("log")
def log(
    ctx: typer.Context,
    meeting: str | None = typer.Argument(
        None,
        metavar="[MEETING]",
        autocompletion=complete_meeting,
        help="The meeting (default: every meeting).",
        show_default=False,
    ),
    lang: str | None = typer.Option(
        None, "--lang", metavar="cs|en", help="cs or en.", show_default=False
    ),
) -> None:
    """The history of a meeting file: commit, author, date, message, and what it changed.

    Example: psc log 2016-09-07
    """
    from psc.review import diff as review

    files, renderer = review.history(_project(ctx), _names(meeting), lang=lang)
    lines: list[str] = []
    for rel, entries in files:
        lines.append(rel)
        for e in entries:
            lines.append(f"  {e.sha[:10]}  {e.date}  {e.author}: {e.subject}")
            for c in e.changes[:8]:
                what = c.where + (f", {c.field}" if c.field else "")
                if c.kind == "added":
                    lines.append(f"      + {what}: {c.new}")
                elif c.kind == "removed":
                    lines.append(f"      - {what}: {c.old}")
                else:
                    lines.append(f"      ~ {what}: {c.old} → {c.new}")
            if e.truncated:
                lines.append("      (earlier history is not in this shallow clone)")
            elif not e.changes:
                lines.append(f"      ({renderer.labels['diff_no_change']})")
            if len(e.changes) > 8:
                lines.append(f"      … +{len(e.changes) - 8}")
    console.print_lines([_shorten(line) for line in lines])


def _shorten(line: str, width: int = 160) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


@command("approve")
def approve(
    ctx: typer.Context,
    meeting: str = typer.Argument(
        ...,
        metavar="MEETING",
        autocompletion=complete_meeting,
        help="The meeting, e.g. 2016-09-07.",
    ),
    by: str = typer.Option(..., "--by", metavar="NAME", help="Who approved the minutes."),
    org: str | None = typer.Option(
        None,
        "--org",
        metavar="ORG",
        help="Their organisation (default: from the member registry).",
        show_default=False,
    ),
    on: str | None = typer.Option(
        None, "--on", metavar="DATE", help="Date of approval (default: today).", show_default=False
    ),
) -> None:
    """Record the approval of minutes with a fingerprint of their content.

    From then on `psc validate` fails when the content changes without an amendment
    (`psc amend`). Formatting changes and task status updates do not count.

    Example: psc approve 2016-09-07 --by "František Kubeš" --on 2016-10-03
    """
    from psc.edits.approval import approve as record

    console.echo(
        record(
            _project(ctx),
            _names(meeting),
            by=check_text(_names(by), "--by"),
            org=check_text(_names(org), "--org"),
            on=_date(on, "--on") or _today(),
        )
    )


@command("amend")
def amend(
    ctx: typer.Context,
    meeting: str = typer.Argument(
        ...,
        metavar="MEETING",
        autocompletion=complete_meeting,
        help="The meeting, e.g. 2016-09-07.",
    ),
    by: str = typer.Option(..., "--by", metavar="NAME", help="Who made or authorised the change."),
    reason: str = typer.Option(
        ..., "--reason", metavar="TEXT", help="Why the approved minutes changed."
    ),
    on: str | None = typer.Option(
        None,
        "--on",
        metavar="DATE",
        help="Date of the change (default: today).",
        show_default=False,
    ),
) -> None:
    """Record a change to approved minutes as an amendment (shown in the rendered minutes).

    Example: psc amend 2016-09-07 --by "Jana Korytářová" --reason "Oprava termínu úkolu 3"
    """
    from psc.edits.approval import amend as record

    console.echo(
        record(
            _project(ctx),
            _names(meeting),
            by=check_text(_names(by), "--by"),
            reason=check_text(_names(reason), "--reason"),
            on=_date(on, "--on") or _today(),
        )
    )


@command("build")
def build(
    ctx: typer.Context,
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="DIR",
        help="Where to write the site (default: site/ in the repository).",
        show_default=False,
    ),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="Date of the task reports, from the archive as it stood then (default: today).",
        show_default=False,
    ),
    lang: str | None = typer.Option(
        None, "--lang", metavar="cs|en", help="cs or en.", show_default=False
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Read every file; neither use nor update .psc-cache/."
    ),
    strict: Strict = False,
) -> None:
    """Build a static website of the archive: meetings, minutes, tasks, organisations, calendar.

    It works opened from the file system and loads nothing from the network.

    Example: psc build -o site
    """
    from psc.publish.site import build_site

    check_language(lang)
    project = _project(ctx, no_cache, strict)
    out = Path(output) if output else project.root / "site"
    lines = build_site(project, out, as_of=_date(as_of, "--as-of") or _today(), lang=lang)
    console.echo(f"wrote {len(lines)} files to {out}", err=True)


@command("schema")
def schema(
    kind: str = typer.Argument("meeting", metavar="[meeting|group]", help="Which file's schema."),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (default: stdout).",
        show_default=False,
    ),
) -> None:
    """Print the JSON Schema of meeting (or group) files, for editors that check YAML as you type.

    Files that psc scaffolds begin with a `# yaml-language-server: $schema=…` line pointing
    to the copy in the repository's schema/ directory.

    Example: psc schema meeting -o schema/meeting.schema.json
    """
    from psc.loading.schema import KINDS, schema_text

    if kind not in KINDS:
        raise UsageError(f"unknown schema {kind!r}; choose meeting or group")
    _emit(schema_text(kind), output)


# commands kept in modules of their own register themselves on `app`
from psc.cli import export as cli_ics  # noqa: E402,F401
from psc.cli import remind as cli_remind  # noqa: E402,F401


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
