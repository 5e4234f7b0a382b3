"""Commands registered on psc's app (cli_remind); see psc.cli."""

from __future__ import annotations

import typer

from psc.cli import console
from psc.cli.main import Strict, _date, _project, _today, command


@command("remind")
def remind(
    ctx: typer.Context,
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="Remind as on this date, from the archive as it stood then (default: today).",
        show_default=False,
    ),
    within: str = typer.Option(
        "14d",
        "--within",
        metavar="DAYS",
        help="Also tasks due within this many days (e.g. 14d or 2w).",
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="DIR",
        help="Where to write the drafts (default: reminders/ in the repository).",
        show_default=False,
    ),
    send: bool = typer.Option(
        False,
        "--send",
        help="Send the reminders through SMTP instead of writing drafts; a reminder "
        "with no address is written as a draft.",
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Print what would be written or sent; do nothing."
    ),
    smtp_host: str | None = typer.Option(
        None,
        "--smtp-host",
        metavar="HOST",
        help="SMTP server (default: $PSC_SMTP_HOST, else localhost).",
        show_default=False,
    ),
    smtp_port: int | None = typer.Option(
        None,
        "--smtp-port",
        metavar="PORT",
        help="SMTP port (default: $PSC_SMTP_PORT, else 25; 465 means TLS from the start).",
        show_default=False,
    ),
    smtp_user: str | None = typer.Option(
        None,
        "--smtp-user",
        metavar="USER",
        help="Log in as USER, with the password from $PSC_SMTP_PASSWORD.",
        show_default=False,
    ),
    sender: str | None = typer.Option(
        None,
        "--from",
        metavar="ADDR",
        help="Sender (default: $PSC_SMTP_FROM, else the placeholder psc@localhost).",
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
    """E-mail reminders of overdue and soon-due tasks, one per responsible body.

    Each body (tasks without one: all members) with open tasks past their deadline or due
    within --within days gets one message, addressed to the tasks' contact addresses.
    By default the messages are written as .eml drafts (reminders/remind-<body>.eml),
    identical from run to run; --send delivers them through SMTP (STARTTLS when offered).

    Example: psc remind --as-of 2016-11-16 --within 2w --dry-run
    """
    from psc.commands import parse_days
    from psc.publish import remind as core

    days = parse_days(within, "--within")
    day = _date(as_of, "--as-of") or _today()
    project = _project(ctx, no_cache, strict)
    from_ = core.sender_address(sender)
    reminders, notes = core.collect(
        project, as_of=day, within=days, lang=lang, sender=from_, use_cache=not no_cache
    )
    settings = core.smtp_settings(smtp_host, smtp_port, smtp_user) if send else None
    directory = core.output_dir(project, output)
    if send and from_ == core.DEFAULT_FROM:
        notes.append(
            f"note: sending from the placeholder {core.DEFAULT_FROM}; "
            "give the real sender with --from or PSC_SMTP_FROM"
        )
    for note in notes:
        console.echo(note, err=True)
    if not reminders:
        console.echo("no reminders: no overdue or soon-due tasks")
        return
    to_send = [r for r in reminders if r.recipients] if send else []
    to_write = [r for r in reminders if not r.recipients] if send else reminders
    if dry_run:
        from psc.errors import display_path

        for r in to_send:
            console.echo(
                f"would send {r.filename} via {settings.host}:{settings.port}: {core.describe(r)}"
            )
        for r in to_write:
            if not r.recipients:
                console.echo(core.unaddressed_note(r), err=True)
            console.echo(f"would write {display_path(directory / r.filename)}: {core.describe(r)}")
        return
    if to_send:
        assert settings is not None
        for line in core.send(to_send, settings):
            console.echo(line, err=True)
    for line in core.write_drafts(to_write, directory):
        console.echo(line, err=True)
