"""Commands of the review round: circulate (the draft sent to the members for comments) and
comments (comments and objections recorded, settled and listed)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from psc.cli import common, console, options
from psc.cli.decisions import TextOrCommand
from psc.cli.options import Lang, Meeting, On
from psc.errors import UsageError
from psc.messages import _, p_


def circulate(
    ctx: typer.Context,
    meeting: Meeting,
    deadline: Annotated[
        str | None,
        typer.Option(
            "--deadline",
            metavar="DATE",
            help="Comments are due by this date (default: 7 days after --on).",
            show_default=False,
        ),
    ] = None,
    days: Annotated[
        str | None,
        typer.Option(
            "--days",
            metavar="DAYS",
            help="Comments are due this many days after --on (e.g. 7, 10d or 2w).",
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        list[str] | None,
        typer.Option(
            "--to",
            metavar="NAME|ADDR",
            help="Send to this member (by name or address) or address only; repeatable "
            "(default: every member with an e-mail address in group.yaml).",
            show_default=False,
        ),
    ] = None,
    docx: Annotated[bool, typer.Option("--docx", help="Attach the Word minutes too.")] = False,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Write the messages as .eml files (see -o), send nothing, record nothing.",
        ),
    ] = False,
    output: Annotated[
        str | None,
        options.output("DIR", "Where to write the .eml files (default: circulation/)."),
    ] = None,
    send: Annotated[
        bool,
        typer.Option(
            "--send", help="Send the messages through SMTP (else they are written as drafts)."
        ),
    ] = False,
    on: Annotated[str | None, options.on("Date of the circulation (default: today).")] = None,
    smtp_host: Annotated[
        str | None,
        typer.Option(
            "--smtp-host",
            metavar="HOST",
            help="SMTP server (default: $PSC_SMTP_HOST, else localhost).",
            show_default=False,
        ),
    ] = None,
    smtp_port: Annotated[
        int | None,
        typer.Option(
            "--smtp-port",
            metavar="PORT",
            help="SMTP port (default: $PSC_SMTP_PORT, else 25; 465 means TLS from the start).",
            show_default=False,
        ),
    ] = None,
    smtp_user: Annotated[
        str | None,
        typer.Option(
            "--smtp-user",
            metavar="USER",
            help="Log in as USER, with the password from $PSC_SMTP_PASSWORD.",
            show_default=False,
        ),
    ] = None,
    sender: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="ADDR",
            help="Sender (default: $PSC_SMTP_FROM, else the placeholder psc@localhost).",
            show_default=False,
        ),
    ] = None,
    lang: Lang = None,
) -> None:
    """Send the draft minutes to the members for comments, and record the circulation.

    One message per member with an address (group.yaml members' email): the PDF of the
    minutes attached (--docx: the Word minutes too), the minutes as text in the body, the
    comment deadline. Without --send the messages are written as .eml drafts
    (circulation/circulate-<meeting>-<name>.eml) to send from a mail program; with --send
    they go through SMTP (the settings of psc remind). Either way the circulation (date,
    recipients, deadline) is recorded in the meeting file first; --dry-run writes the drafts
    and records nothing. A --send that fails part-way is completed by running it again: it
    sends only to those who did not get the message (circulation/<meeting>.sent.json).
    Approved minutes are refused.

    Example: psc circulate 2016-11-15 --days 7 --dry-run
    """
    from psc.edits.circulation import record_circulation
    from psc.review.circulate import plan_circulation, write_drafts
    from psc.review.circulate import send as deliver

    project = common.project(ctx)
    day = common.date(on, "--on") or common.today()
    plan = plan_circulation(
        project,
        common.names(meeting),
        on=day,
        deadline=common.date(deadline, "--deadline"),
        days=common.days(days, "--days") if days is not None else None,
        to=common.names(to) or None,
        docx=docx,
        lang=lang,
        sender=sender,
        send=send and not dry_run,
        smtp_host=smtp_host,
        smtp_port=smtp_port,
        smtp_user=smtp_user,
        output=output,
    )
    for note in plan.notes:
        console.echo(note, err=True)

    def record() -> None:  # before the first message: a file psc cannot write sends nothing
        if not dry_run:
            console.echo(
                record_circulation(
                    project,
                    plan.meeting,
                    on=plan.on,
                    deadline=plan.deadline,
                    recipients=plan.recipients,
                )
            )

    if plan.settings is not None:
        for line in deliver(plan, begin=record):
            console.echo(line, err=True)
    else:
        record()
        for line in write_drafts(plan):
            console.echo(line, err=True)
    if dry_run:
        console.echo(_("{meeting}: dry run, no circulation recorded", meeting=plan.meeting))


# ---------------------------------------------------------------------- comments


class MeetingOrCommand(TextOrCommand):
    """`psc comments [MEETING]` beside `psc comments add|settle`: TextOrCommand with the
    optional argument named `meeting`."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        first = self._first_positional(args)
        if first is not None and args[first] not in self.commands:
            args = [*args[:first], *args[first + 1 :], args[first]]
        rest = super(TextOrCommand, self).parse_args(ctx, args)
        meeting = ctx.params.get("meeting")
        if isinstance(meeting, str) and meeting in self.commands:
            ctx.params["meeting"] = None
            ctx._protected_args, ctx.args = [meeting], [*ctx._protected_args, *ctx.args]
            return ctx.args
        return rest

    def get_params(self, ctx: typer.Context) -> list[Any]:  # type: ignore[override]
        params = super(TextOrCommand, self).get_params(ctx)
        if ctx.command is not self:
            return [p for p in params if p.name != "meeting"]
        return params


def comments(
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
    all_: Annotated[bool, typer.Option("--all", help="Settled comments too.")] = False,
    fmt: Annotated[str, options.format_("table|json", "Output format.")] = "table",
) -> None:
    """List the comments and objections still open (--all: settled ones too).

    Record them with `psc comments add`, settle them with `psc comments settle`; while any
    is open, `psc approve` refuses.

    Example: psc comments 2016-11-15 --all
    """
    if ctx.invoked_subcommand is not None:
        return
    from psc.edits.comments import list_comments

    if fmt not in ("table", "json"):
        raise UsageError(_("unknown format {fmt!r}; choose table or json", fmt=fmt))
    found = list_comments(common.project(ctx), common.names(meeting), settled=all_)
    for note in found.notes:
        console.echo(note, err=True)
    if fmt == "json":
        sys.stdout.write(
            json.dumps([r.as_json() for r in found.rows], ensure_ascii=False, indent=2) + "\n"
        )
        return
    if not found.rows:
        console.echo(_("no comments") if all_ else _("no open comments"))
        return
    columns = [
        _("Meeting"),
        _("ID"),
        _("Kind"),
        _("By"),
        _("Received"),
        _("Refers to"),
        _("Text"),
        _("Status"),
    ]
    words = comment_words()
    rows = [
        [
            r.meeting,
            r.id,
            words.get(r.kind, r.kind),
            r.by,
            r.date.isoformat(),
            r.refers_to or "",
            r.text,
            words.get(r.status, r.status)
            + (f" {r.settled.isoformat()}" if r.settled else "")
            + (f": {r.settlement}" if r.settlement else ""),
        ]
        for r in found.rows
    ]
    console.print_table(columns, rows, optional=[5, 2])


def comment_words() -> dict[str, str]:
    """The kinds and statuses of comments as the table shows them (JSON keeps the keys)."""
    return {
        "comment": _("comment"),
        "objection": _("objection"),
        "open": p_("comment", "open"),
        "accepted": p_("comment", "accepted"),
        "rejected": p_("comment", "rejected"),
    }


def add(
    ctx: typer.Context,
    meeting: Meeting,
    by: Annotated[str, typer.Option("--by", metavar="NAME", help="Who raised it.")],
    text: Annotated[str, typer.Option("--text", metavar="TEXT", help="What it says.")],
    objection: Annotated[
        bool, typer.Option("--objection", help="An objection (námitka), not a comment.")
    ] = False,
    refers_to: Annotated[
        str | None,
        typer.Option(
            "--refers-to",
            metavar="PART",
            help="The part of the minutes it concerns, e.g. 'Bod 2'.",
            show_default=False,
        ),
    ] = None,
    on: Annotated[str | None, options.on("When it was received (default: today).")] = None,
) -> None:
    """Record a comment (or, with --objection, an objection) to the draft minutes, open.

    Example: psc comments add 2016-11-15 --by "Petr Švec" --text "Doplnit termín úkolu 2" --refers-to "Bod 2"
    """
    from psc.edits.comments import add_comment

    console.echo(
        add_comment(
            common.project(ctx),
            common.names(meeting),
            by=common.text(by, "--by"),
            text=common.text(text, "--text"),
            objection=objection,
            refers_to=common.text(refers_to, "--refers-to"),
            on=common.date(on, "--on") or common.today(),
        )
    )


def settle(
    ctx: typer.Context,
    meeting: Meeting,
    comment_id: Annotated[str, typer.Argument(metavar="ID", help="The comment, e.g. 1.")],
    accepted: Annotated[
        bool, typer.Option("--accepted", help="Accepted: the minutes were changed.")
    ] = False,
    rejected: Annotated[
        bool, typer.Option("--rejected", help="Rejected: give the reason with --note.")
    ] = False,
    note: Annotated[
        str | None,
        typer.Option(
            "--note",
            metavar="TEXT",
            help="The change made, or the reason for rejecting it.",
            show_default=False,
        ),
    ] = None,
    on: On = None,
) -> None:
    """Record how a comment was settled: --accepted or --rejected (with the reason in --note).

    Example: psc comments settle 2016-11-15 1 --rejected --note "Termín byl dohodnut na jednání"
    """
    from psc.edits.comments import settle_comment

    if accepted == rejected:
        raise UsageError(_("give --accepted or --rejected"))
    console.echo(
        settle_comment(
            common.project(ctx),
            common.names(meeting),
            common.names(comment_id),
            accepted=accepted,
            note=common.text(note, "--note"),
            on=common.date(on, "--on") or common.today(),
        )
    )
