"""Commands that publish the archive: build (a static site), export ics (a calendar),
remind (e-mail reminders of overdue and soon-due tasks)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from psc.cli import common, console, options
from psc.cli.options import Lang, LangBrief, NoCache, Public, Strict
from psc.errors import check_language
from psc.messages import _, n_

EXPORT_HELP = "Export the archive for other tools.\n\nExample: psc export ics -o kalendar.ics"
"""The help of the `psc export` group."""


def build(
    ctx: typer.Context,
    output: Annotated[
        str | None,
        options.output(
            "DIR",
            "Where to write the site (default: site/ in the repository; --public: public/site/).",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        options.as_of(
            "Date of the task reports, from the archive as it stood then (default: today)."
        ),
    ] = None,
    lang: LangBrief = None,
    public: Public = False,
    no_cache: NoCache = False,
    strict: Strict = False,
) -> None:
    """Build a static website of the archive: meetings, minutes, tasks, organisations, calendar.

    It works opened from the file system and loads nothing from the network. With --public
    every page, report and index is made from the public edition.

    Example: psc build -o site
    """
    from psc.publish.site import build_site

    check_language(lang)
    project = common.project(ctx, no_cache, strict)
    out = Path(output) if output else project.root / "site"
    if public and not output:
        from psc.publish.public import public_output

        out = public_output(out)
    when = common.date(as_of, "--as-of") or common.today()
    with console.progress(_("building"), sys.stderr) as advance:
        written = build_site(project, out, as_of=when, lang=lang, public=public, progress=advance)
    console.echo(
        n_(
            "wrote {count} file to {folder}",
            "wrote {count} files to {folder}",
            len(written),
            folder=out,
        ),
        err=True,
    )


def export_ics(
    ctx: typer.Context,
    output: Annotated[
        str | None, options.output("FILE", "Write the calendar to FILE (default: stdout).")
    ] = None,
    as_of: Annotated[
        str | None,
        options.as_of(
            "Meetings on or after this date, tasks as the archive stood on it (default: "
            "today); also the DTSTAMP, so the same archive and date give the same file."
        ),
    ] = None,
    lang: Lang = None,
    public: Public = False,
    no_cache: NoCache = False,
    strict: Strict = False,
) -> None:
    """Write an iCalendar (.ics) file: upcoming meetings as events, open task deadlines as to-dos.

    Meetings: every meeting file from the as-of date on and the dates the latest minutes
    list (tentative ones as TENTATIVE), in Europe/Prague time, all-day when no time is
    known. To-dos: open tasks with a due date (not ongoing, done or cancelled ones).
    UIDs are stable, so calendars update entries instead of duplicating them.

    Example: psc export ics --as-of 2016-10-01 -o ps-pro-sc.ics
    """
    from psc.cli.output import emit
    from psc.publish.calendar import export_ics as calendar

    when = common.date(as_of, "--as-of") or common.today()
    project = common.project(ctx, no_cache, strict)
    # bytes: the file keeps icalendar's CRLF line ends byte for byte
    emit(calendar(project, as_of=when, lang=lang, public=public), output, project)


def remind(
    ctx: typer.Context,
    as_of: Annotated[
        str | None,
        options.as_of(
            "Remind as on this date, from the archive as it stood then (default: today)."
        ),
    ] = None,
    within: Annotated[
        str,
        typer.Option(
            "--within",
            metavar="DAYS",
            help="Also tasks due within this many days (e.g. 14d or 2w).",
        ),
    ] = "14d",
    output: Annotated[
        str | None,
        options.output(
            "DIR",
            "Where to write the drafts (default: reminders/ in the repository; --public: "
            "public/reminders/).",
        ),
    ] = None,
    send: Annotated[
        bool,
        typer.Option(
            "--send",
            help="Send the reminders through SMTP instead of writing drafts; a reminder "
            "with no address is written as a draft.",
        ),
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Print what would be written or sent; do nothing."),
    ] = False,
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
    public: Public = False,
    no_cache: NoCache = False,
    strict: Strict = False,
) -> None:
    """E-mail reminders of overdue and soon-due tasks, one per recipient with all their tasks.

    Open tasks past their deadline or due within --within days go to the people responsible,
    by their addresses in group.yaml: a member named in the task; an organisation's own
    address and its members'; every member for a task without `responsible`. The task's
    contact and the sender (--from, unless the placeholder) are in Cc. Someone responsible
    without an address gets a draft without To, and a note on stderr names them.
    By default the messages are written as .eml drafts (reminders/remind-<name>.eml),
    identical from run to run; --send delivers them through SMTP (STARTTLS when offered).

    Example: psc remind --as-of 2016-11-16 --within 2w --dry-run
    """
    from psc.publish.dispatch import plan_reminders

    days = common.days(within, "--within")
    day = common.date(as_of, "--as-of") or common.today()
    dispatch = plan_reminders(
        common.project(ctx, no_cache, strict),
        as_of=day,
        within=days,
        lang=lang,
        sender=sender,
        send=send,
        smtp_host=smtp_host,
        smtp_port=smtp_port,
        smtp_user=smtp_user,
        output=output,
        public=public,
    )
    for note in dispatch.notes:
        console.echo(note, err=True)
    if not dispatch.reminders:
        console.echo(_("no reminders: no overdue or soon-due tasks"))
        return
    if dry_run:
        for line in dispatch.preview():
            console.echo(line.text, err=line.note)
        return
    for done in dispatch.deliver():
        console.echo(done, err=True)
