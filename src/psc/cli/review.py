"""Commands on the history of the minutes in git: diff, log, approve, amend."""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from collections.abc import Mapping
from typing import Annotated, TextIO

import typer

from psc.cli import common, console, options
from psc.cli.options import LangBrief, Meeting, On, Output
from psc.messages import _


def diff(
    ctx: typer.Context,
    meetings: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[MEETING]...",
            autocompletion=common.complete_meeting,
            help="Meetings to compare (default: every changed meeting file).",
            show_default=False,
        ),
    ] = None,
    from_rev: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="REV", help="Old version (default: HEAD).", show_default=False
        ),
    ] = None,
    to_rev: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="REV",
            help="New version (default: the working tree).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        options.format_(
            "text|md|html|pdf|docx",
            "text, md, html, pdf (-o FILE) or docx (Word with tracked changes; -o FILE).",
        ),
    ] = "text",
    output: Output = None,
    lang: LangBrief = None,
) -> None:
    """Show what changed in meetings, in the minutes' own terms (not YAML lines).

    md gives a summary to paste into a pull request; html (-o FILE) the minutes as readers
    see them (header table, items, statements, decisions, tasks, footer) with deleted and
    inserted words marked <del>/<ins> in place, below a summary; pdf (-o FILE) that page
    printed; docx (-o FILE) the Word minutes with tracked changes to accept or reject, by
    the author and date of the newest commit (uncommitted changes: psc, now). Formatting-only
    edits are no change. A meeting moved to another date (`git mv`) is one meeting whose date
    and task IDs changed. Where the terminal shows no styles (NO_COLOR, TERM=dumb, a pipe),
    changed words are written [-old-]{+new+}.

    Example: psc diff 2016-09-07 --format html -o changes.html
    """
    from psc.cli.output import emit
    from psc.errors import UsageError
    from psc.review.reports import changes

    if fmt == "docx" and output in (None, "-"):
        raise UsageError(_("a Word document does not go to the terminal: give -o FILE"))
    if fmt == "pdf" and output in (None, "-"):
        raise UsageError(_("a PDF does not go to the terminal: give -o FILE"))
    project = common.project(ctx)
    result = changes(
        project,
        common.names(meetings) or [],
        from_rev=from_rev,
        to_rev=to_rev,
        fmt=fmt,
        lang=lang,
        now=dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
    )
    if result.lines is not None:
        if not output and _styles_shown(sys.stdout, os.environ):
            console.print_diff(result.lines)
            return
        buffer = io.StringIO()  # no styles shown: changed words marked [-old-]{+new+}
        console.print_diff(result.lines, stream=buffer)
        if not output:
            sys.stdout.write(buffer.getvalue())
            return
        emit(buffer.getvalue(), output, project)
        return
    assert result.document is not None
    emit(result.document, output, project)


def _styles_shown(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Whether the terminal shows struck-through and coloured words: a TTY that is not dumb,
    without NO_COLOR (where colour is off, strikethrough alone is lost on many terminals)."""
    return (
        console.fancy(stream)
        and not environ.get("NO_COLOR")
        and environ.get("TERM", "").lower() != "dumb"
    )


def log(
    ctx: typer.Context,
    meeting: Annotated[
        str | None,
        typer.Argument(
            metavar="[MEETING]",
            autocompletion=common.complete_meeting,
            help="The meeting (default: every meeting).",
            show_default=False,
        ),
    ] = None,
    lang: LangBrief = None,
) -> None:
    """The history of a meeting file: commit, author, date, message, and what it changed.

    Example: psc log 2016-09-07
    """
    from psc.review.reports import history_lines

    console.print_lines(
        history_lines(
            common.project(ctx),
            common.names(meeting),
            lang=common.report_language(ctx, lang),
        )
    )


def approve(
    ctx: typer.Context,
    meeting: Meeting,
    by: Annotated[
        str | None,
        typer.Option("--by", metavar="NAME", help="Who approved the minutes.", show_default=False),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            metavar="ORG",
            help="Their organisation (default: from the member registry).",
            show_default=False,
        ),
    ] = None,
    by_body: Annotated[
        bool,
        typer.Option(
            "--by-body",
            help="Approved by the body itself, by a resolution at a later meeting (approved_at).",
        ),
    ] = False,
    resolution: Annotated[
        str | None,
        typer.Option(
            "--resolution",
            metavar="ID",
            help="With --by-body: the approving resolution's ID (its number).",
            show_default=False,
        ),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            metavar="MEETING",
            help="With --by-body: the approving meeting (default: the one whose resolution it is).",
            show_default=False,
        ),
    ] = None,
    verifiers: Annotated[
        list[str] | None,
        typer.Option(
            "--verifier",
            metavar="NAME",
            help="A verifier who signed the minutes (repeatable); added to verified_by, "
            "covered by the fingerprint.",
            show_default=False,
        ),
    ] = None,
    on: Annotated[
        str | None,
        options.on("Date of approval (default: the approving meeting's, else today)."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Approve although comments are still open; their IDs are recorded in "
            "the approval's open_comments.",
        ),
    ] = False,
) -> None:
    """Record the approval of minutes with a fingerprint of their content: by a person
    (--by) or by the body's resolution (--by-body).

    From then on `psc validate` fails when the content changes without an amendment
    (`psc amend`). Formatting changes and task statuses dated after the approval do not
    count. While comments are open (`psc comments`) it refuses, naming them, unless --force.

    Example: psc approve 2016-09-07 --by "František Kubeš" --on 2016-10-03

    Example: psc approve 2025-01-21 --by-body --resolution 3/14/2025 --verifier "Jan Novák"
    """
    from psc.edits.approval import approve as record

    console.echo(
        record(
            common.project(ctx),
            common.names(meeting),
            by=common.text(by, "--by"),
            org=common.text(org, "--org"),
            on=common.date(on, "--on"),
            today=common.today(),
            force=force,
            body=by_body,
            resolution=common.text(resolution, "--resolution"),
            at=common.names(at),
            verifiers=[common.text(v, "--verifier") for v in verifiers or []],
        )
    )


def amend(
    ctx: typer.Context,
    meeting: Meeting,
    by: Annotated[
        str, typer.Option("--by", metavar="NAME", help="Who made or authorised the change.")
    ],
    reason: Annotated[
        str, typer.Option("--reason", metavar="TEXT", help="Why the approved minutes changed.")
    ],
    on: On = None,
) -> None:
    """Record a change to approved minutes as an amendment (shown in the rendered minutes).

    Example: psc amend 2016-09-07 --by "Jana Korytářová" --reason "Oprava termínu úkolu 3"
    """
    from psc.edits.approval import amend as record

    console.echo(
        record(
            common.project(ctx),
            common.names(meeting),
            by=common.text(by, "--by"),
            reason=common.text(reason, "--reason"),
            on=common.date(on, "--on") or common.today(),
        )
    )
