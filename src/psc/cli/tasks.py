"""`psc tasks` and its subcommands: the task report, one task's history, and the status edits
(done, cancel, reopen)."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from typing import Annotated

import typer

from psc.cli import common, console, options
from psc.cli.options import Lang, LangBrief, NoCache, Note, On, Strict, TaskId


def tasks(
    ctx: typer.Context,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only tasks past their deadline.")
    ] = False,
    due_within: Annotated[
        str | None,
        typer.Option(
            "--due-within",
            metavar="DAYS",
            help="Only tasks due within this many days of the as-of "
            "date (e.g. 14d or 2w), overdue ones included.",
            show_default=False,
        ),
    ] = None,
    due_before: Annotated[
        str | None,
        typer.Option(
            "--due-before", metavar="DATE", help="Only tasks due before DATE.", show_default=False
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        options.as_of(
            "Report the archive as it stood on this date (default: today): "
            "tasks assigned, reviews held and statuses dated after it do not count."
        ),
    ] = None,
    owner: Annotated[
        list[str] | None,
        typer.Option(
            "--owner",
            metavar="ORG",
            help="Only tasks of this responsible body or person (repeatable), "
            "and tasks without one (those are every member's). A name that is neither an "
            "organisation, a member nor a responsible of any task is an error.",
            show_default=False,
        ),
    ] = None,
    meeting: Annotated[
        str | None,
        typer.Option(
            "--meeting",
            metavar="MEETING",
            autocompletion=common.complete_meeting,
            help="Only tasks assigned at this meeting.",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        str, typer.Option("--status", metavar="open|done|cancelled|all", help="Which tasks.")
    ] = "open",
    group_by: Annotated[
        str | None,
        typer.Option(
            "--group-by",
            metavar="owner",
            help="Group the report by responsible body.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        options.format_(
            "table|md|html|json|csv",
            "Output format. CSV headers and words follow the language psc speaks; "
            "`psc --lang en tasks --format csv` is the stable English CSV for machines.",
        ),
    ] = "table",
    csv_dialect: Annotated[
        str,
        typer.Option(
            "--csv-dialect",
            metavar="standard|excel",
            help="CSV flavour: standard (comma, LF) or excel (semicolon, CRLF, UTF-8 BOM: "
            "opens correctly in Czech spreadsheet programs).",
        ),
    ] = "standard",
    output: Annotated[
        str | None, options.output("FILE", "Write the report to FILE (default: stdout).")
    ] = None,
    lang: Lang = None,
    fail_if_any: Annotated[
        bool,
        typer.Option(
            "--fail-if-any", help="Exit with 1 when the list is not empty (for cron or CI)."
        ),
    ] = False,
    no_cache: NoCache = False,
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
    from psc.cli.output import emit
    from psc.publish.taskreport import list_tasks

    selection = Selection(
        as_of=common.date(as_of, "--as-of") or common.today(),
        status=status,
        overdue=overdue,
        due_within=common.days(due_within) if due_within is not None else None,
        due_before=common.date(due_before, "--due-before"),
        owners=tuple(common.names(owner) or ()),
        meeting=common.names(meeting),
    )
    project = common.project(ctx, no_cache, strict)
    report = list_tasks(
        project,
        selection,
        fmt=fmt,
        group_by=group_by,
        lang=common.report_language(ctx, lang),
        csv_dialect=csv_dialect,
    )
    for note in report.notes:
        console.echo(note, err=True)
    if report.table is not None:
        if output and output != "-":
            buffer = io.StringIO()
            console.show_table(report.table, stream=buffer)
            emit(buffer.getvalue(), output, project)
        else:
            console.show_table(report.table, stream=sys.stdout)
    elif report.text is not None:
        emit(report.text, output, project)
    if fail_if_any and report.count:
        raise typer.Exit(1)


def show(
    ctx: typer.Context,
    task_id: TaskId,
    as_of: Annotated[
        str | None,
        options.as_of(
            "The task as it stood on this date (default: today): reviews "
            "and statuses after it are not shown."
        ),
    ] = None,
    lang: LangBrief = None,
    no_cache: NoCache = False,
    strict: Strict = False,
) -> None:
    """Show a task with its whole history: assigned at, reviewed at, status and deadline changes.

    Example: psc tasks show 2016-09-07/3
    """
    from psc.archive.queries import show_task

    project = common.project(ctx, no_cache, strict)
    when = common.date(as_of, "--as-of") or common.today()
    console.print_lines(
        show_task(
            project,
            common.names(task_id),
            as_of=when,
            lang=common.report_language(ctx, lang),
        )
    )


STATUS_ACTIONS = {
    "done": ("Mark a task done.", "psc tasks done 2016-09-07/3 --on 2016-11-10"),
    "cancel": ("Mark a task cancelled.", "psc tasks cancel 2016-09-07/5 --note 'Nahrazeno.'"),
    "reopen": ("Reopen a done or cancelled task.", "psc tasks reopen 2016-09-07/3"),
}
"""The status edits: action -> (summary, example) of its help."""


def status_command(action: str) -> Callable[..., None]:
    """The command `psc tasks <action>` (done, cancel or reopen)."""
    summary, example = STATUS_ACTIONS[action]

    def run(
        ctx: typer.Context,
        task_id: TaskId,
        on: On = None,
        note: Note = None,
        no_cache: NoCache = False,
    ) -> None:
        from psc.edits.taskedit import set_status

        project = common.project(ctx, no_cache)
        _, message = set_status(
            project,
            common.names(task_id),
            action,
            on=common.date(on, "--on") or common.today(),
            note=common.text(note, "--note"),
        )
        console.echo(message)

    run.__name__ = action
    run.__doc__ = (
        f"{summary}\n\nEdits only that task's lines in the meeting file that holds it, "
        f"validates the result and writes it atomically.\n\nExample: {example}"
    )
    return run
