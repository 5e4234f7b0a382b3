"""`psc circulate`: the draft minutes sent to the members for comments, one message per
member with an address (group.yaml `members[].email`), the PDF of the minutes attached (and
the Word minutes, on request), the minutes in the body with the comment deadline: as plain
text (tables aligned, no Markdown) with the rendered HTML minutes as the alternative.

It stands on both sides of the layers: the messages come from `publish` (the renderer, the
SMTP settings and the header policy of `psc remind`), the record of the circulation is an
edit (`edits.circulation`). Drafts are .eml files (RFC 5322) in a directory; `--send`
delivers them over one SMTP connection, as `psc remind --send` does.

Sending is exactly once: the circulation is recorded in the meeting file before the first
message goes out (an unwritable file stops it with nothing sent), and a journal,
`circulation/<meeting>.sent.json`, records each recipient as the server accepts their
message. A run after a failure completes the circulation: it sends only to those the
journal does not list, and says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psc.errors import UsageError, check_language, display_path
from psc.language.plaintext import plain_document
from psc.messages import _
from psc.publish import remind

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.loading.model import Group, Meeting

_BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)

DEFAULT_DIR = "circulation"
"""Where drafts go by default, relative to the repository root."""
DEFAULT_DAYS = 7
"""Days from the circulation to the comment deadline when neither --deadline nor --days is given."""
TEMPLATE = "mail/circulate.txt.j2"
HTML_TEMPLATE = "mail/circulate.html.j2"
"""The letter above the rendered HTML minutes in the message's HTML alternative."""


@dataclass
class Attachment:
    filename: str
    content: bytes
    maintype: str
    subtype: str


@dataclass
class CirculationMessage:
    """One message of a circulation: the draft to one member."""

    name: str
    address: str
    filename: str
    sender: str
    subject: str
    body: str
    on: dt.date
    attachments: list[Attachment] = field(default_factory=list)
    html: str | None = None
    """The HTML alternative of `body`: the letter and the rendered HTML minutes."""

    def message(self, *, sending: bool = False, eightbit: bool = True) -> EmailMessage:
        """The message. A draft has a Date at midnight of the circulation day, no Message-ID
        and X-Unsent (mail programs open it for sending); a message being sent gets the
        current Date and a Message-ID."""
        from email import utils
        from email.headerregistry import Address

        msg = EmailMessage()
        msg["From"] = remind.sender_header(self.sender)
        msg["To"] = Address(
            display_name=remind.header_text(self.name), addr_spec=remind.ascii_address(self.address)
        )
        msg["Subject"] = remind.header_text(self.subject)
        if sending:
            msg["Date"] = utils.formatdate(localtime=True)
            domain = utils.parseaddr(self.sender)[1].rpartition("@")[2] or None
            msg["Message-ID"] = utils.make_msgid("psc-circulate", domain=domain)
        else:
            msg["Date"] = utils.format_datetime(dt.datetime.combine(self.on, dt.time()))
            msg["X-Unsent"] = "1"
        msg.set_content(self.body, charset="utf-8", cte=_transfer_encoding(self.body, eightbit))
        if self.html is not None:
            html = self.html
            msg.add_alternative(html, subtype="html", cte=_transfer_encoding(html, eightbit))
        for a in self.attachments:
            msg.add_attachment(
                a.content, maintype=a.maintype, subtype=a.subtype, filename=a.filename
            )
        if self.attachments:  # a fixed boundary: the same draft from run to run
            msg.set_boundary(f"psc-circulate-{self.filename.removesuffix('.eml')}")
        return msg

    def as_eml(self) -> bytes:
        """The draft as the bytes of an .eml file (CRLF line ends, as RFC 5322 has them)."""
        from email import policy

        return self.message().as_bytes(policy=policy.SMTP)

    def describe(self) -> str:
        names = ", ".join(a.filename for a in self.attachments) or _("no attachment")
        return _(
            "To: {address}; Subject: {subject}; attached: {names}",
            address=self.address,
            subject=self.subject,
            names=names,
        )


@dataclass
class Circulation:
    """The messages of one circulation, where they go, and what is recorded."""

    meeting: str
    on: dt.date
    deadline: dt.date
    messages: list[CirculationMessage]
    notes: list[str]
    directory: Path
    settings: remind.SmtpSettings | None = None
    journal: Journal | None = None
    """When sending: the record of who has had the message."""
    recorded: list[str] = field(default_factory=list)
    """Every recipient of the circulation, those who had it in an earlier run included."""
    entry: dict[str, Any] | None = None
    """The circulation's entry in the journal."""

    @property
    def recipients(self) -> list[str]:
        return self.recorded or [m.address for m in self.messages]


JOURNAL = "{meeting}.sent.json"
"""The journal of sent circulations, in circulation/ at the repository root."""


@dataclass
class Journal:
    """Who has had each circulation of one meeting sent through SMTP: written before the
    first message (every recipient pending) and after each message the server accepts, so
    that a run after a failure sends only to the rest. JSON, written atomically."""

    path: Path
    meeting: str
    circulations: list[dict[str, Any]]

    @classmethod
    def load(cls, project: Project, meeting_id: str) -> Journal:
        path = project.root / DEFAULT_DIR / JOURNAL.format(meeting=meeting_id)

        def checked(data: Any) -> list[dict[str, Any]]:
            entries = data["circulations"]
            if not isinstance(entries, list):
                raise ValueError("no list of circulations")
            for e in entries:
                dt.date.fromisoformat(e["date"])
                dt.date.fromisoformat(e["deadline"])
                strings = [e["draft"], *e["recipients"], *e["sent"], *e["sent"].values()]
                if not all(isinstance(x, str) for x in strings) or not isinstance(e["sent"], dict):
                    raise ValueError("a circulation that is not dates, addresses and times")
            return entries

        entries = remind.read_journal(
            project,
            path,
            checked,
            _("circulations"),
            _("if the circulations it records are complete"),
        )
        return cls(path, meeting_id, entries if entries is not None else [])

    def unfinished(self, draft: str) -> dict[str, Any] | None:
        """The last circulation of this draft that has recipients still to send to."""
        for entry in reversed(self.circulations):
            if entry.get("draft") == draft:
                return entry if set(entry["recipients"]) - set(entry["sent"]) else None
        return None

    def done(self, draft: str, on: dt.date, deadline: dt.date, recipients: list[str]) -> bool:
        """This draft was sent already to exactly these recipients, with this date and deadline."""
        return any(
            e.get("draft") == draft
            and e.get("date") == on.isoformat()
            and e.get("deadline") == deadline.isoformat()
            and e["recipients"] == recipients
            and not set(e["recipients"]) - set(e["sent"])
            for e in self.circulations
        )

    def begin(self, entry: dict[str, Any]) -> None:
        """Record the circulation `entry` (a new one, or the one resumed) before sending."""
        if not any(e is entry for e in self.circulations):
            self.circulations.append(entry)
        self._write()

    def sent(self, entry: dict[str, Any], address: str, at: str) -> None:
        entry["sent"][address] = at
        self._write()

    def _write(self) -> None:
        remind.write_journal(
            self.path, {"meeting": self.meeting, "circulations": self.circulations}
        )


def draft_fingerprint(meeting: Meeting) -> str:
    """The fingerprint of the draft's content, leaving out its circulations and comments
    (which a circulation and its answers add)."""
    from psc.loading.fingerprint import fingerprint

    return fingerprint(meeting.model_copy(update={"circulations": [], "comments": []}))


def plan_circulation(
    project: Project,
    meeting_ref: str,
    *,
    on: dt.date,
    deadline: dt.date | None = None,
    days: int | None = None,
    to: list[str] | None = None,
    docx: bool = False,
    lang: str | None = None,
    sender: str | None = None,
    send: bool = False,
    smtp_host: str | None = None,
    smtp_port: int | None = None,
    smtp_user: str | None = None,
    output: str | None = None,
) -> Circulation:
    """The messages circulating the draft of `meeting_ref` on `on`, with the comment
    `deadline` (or `days` after `on`; default 7 days): to the members named in `to` (names
    or addresses), else to every member with an address. Approved minutes are refused."""
    from psc.edits.circulation import check_circulable, check_deadline
    from psc.terms import add_days

    check_language(lang)
    if deadline is not None and days is not None:
        raise UsageError(_("give --deadline or --days, not both"))
    if deadline is None:
        deadline = add_days(on, DEFAULT_DAYS if days is None else days)
    from_ = remind.sender_address(sender)
    remind._check_sender(from_)
    group = project.load_group()
    path = project.meeting_path(meeting_ref)
    meeting = project.load_meeting(path, group)
    check_circulable(meeting)
    check_deadline(meeting, on, deadline)
    people, notes = _recipients(group, to)
    if not people:
        raise UsageError(
            _(
                "no member has an e-mail address: add `email` to the members in group.yaml "
                "(or name addresses with --to)"
            )
        )
    journal, entry, recorded = None, None, [address for _name, address in people]
    if send:
        journal = Journal.load(project, meeting.id)
        draft = draft_fingerprint(meeting)
        entry = journal.unfinished(draft)
        if entry is not None:  # a run that failed: complete it, same date, deadline, recipients
            on = dt.date.fromisoformat(entry["date"])
            deadline = dt.date.fromisoformat(entry["deadline"])
            recorded = list(entry["recipients"])
            names = {m.email.casefold(): m.name for m in group.members if m.email}
            people = [(names.get(a.casefold(), ""), a) for a in recorded if a not in entry["sent"]]
            notes = [
                _(
                    "note: completing the circulation of {date} (comments by {deadline}): "
                    "{sent} of {total} sent already",
                    date=entry["date"],
                    deadline=entry["deadline"],
                    sent=len(entry["sent"]),
                    total=len(recorded),
                ),
                *(
                    _(
                        "note: {address} had the draft already (sent {at}); not sent again",
                        address=a,
                        at=at,
                    )
                    for a, at in entry["sent"].items()
                ),
            ]
        elif journal.done(draft, on, deadline, recorded):
            raise UsageError(
                _(
                    "{meeting}: this draft was sent to every recipient already "
                    "({on}, comments by {deadline}); nothing sent "
                    "(a new circulation has another --on, --deadline or --to)",
                    meeting=meeting.id,
                    on=on.isoformat(),
                    deadline=deadline.isoformat(),
                )
            )
        else:
            entry = {
                "date": on.isoformat(),
                "deadline": deadline.isoformat(),
                "draft": draft,
                "recipients": recorded,
                "sent": {},
            }
    renderer = _renderer(project, group, meeting, lang)
    attachments = [
        Attachment(f"{meeting.id}.pdf", renderer.render(meeting, "pdf"), "application", "pdf")
    ]
    if docx:
        from psc.publish.docx import minutes_docx

        attachments.append(
            Attachment(
                f"{meeting.id}.docx",
                minutes_docx(renderer, meeting, renderer.template_dirs),
                "application",
                "vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        )
    labels = renderer.labels
    fmt = {
        "short": group.short,
        "title": meeting.title,
        "date": renderer.short_date(meeting.date),
        "deadline": renderer.short_date(deadline),
    }
    subject = remind.header_text(labels["circulate_subject"].format(**fmt))
    minutes_text = plain_document(renderer.render(meeting, "md"))
    minutes_html = renderer.render(meeting, "html")
    found = _BODY.search(minutes_html)  # the letter goes at the start of the page's body
    start = found.end() if found else 0
    env = _environment(project, renderer)
    used: set[str] = set()
    messages = []
    for name, address in people:
        context: dict[str, Any] = {
            "group": group,
            "meeting": meeting,
            "name": name,
            "intro": labels["circulate_intro"].format(**fmt),
            "how": labels["circulate_how"].format(**fmt),
            "attached": [a.filename for a in attachments],
            "deadline": deadline,
            "labels": labels,
        }
        body = _body(env, minutes=minutes_text, **context)
        letter = renderer.render_template(HTML_TEMPLATE, "html", **context)
        html = minutes_html[:start] + "\n" + letter + minutes_html[start:]
        messages.append(
            CirculationMessage(
                name=name,
                address=address,
                filename=_filename(meeting.id, name or address, used),
                sender=from_,
                subject=subject,
                body=body,
                on=on,
                attachments=attachments,
                html=html,
            )
        )
    settings = remind.smtp_settings(smtp_host, smtp_port, smtp_user) if send else None
    if send and from_ == remind.DEFAULT_FROM:
        notes.append(
            _(
                "note: sending from the placeholder {sender}; "
                "give the real sender with --from or PSC_SMTP_FROM",
                sender=remind.DEFAULT_FROM,
            )
        )
    directory = Path(output) if output else project.root / DEFAULT_DIR
    if directory.exists() and not directory.is_dir():
        raise UsageError(_("-o {path}: not a directory", path=display_path(directory)))
    project.check_output(directory)
    for m in messages:  # each draft, also a link in the folder, never over a source or outside
        project.check_output(directory / m.filename)
    return Circulation(
        meeting.id, on, deadline, messages, notes, directory, settings, journal, recorded, entry
    )


def _recipients(group: Group, to: list[str] | None) -> tuple[list[tuple[str, str]], list[str]]:
    """(name, address) of each recipient, in the group's order (or that of `to`), each
    address once; notes on members left out for want of an address."""
    notes: list[str] = []
    chosen: list[tuple[str, str]] = []
    if not to:
        for m in group.members:
            if m.email:
                chosen.append((m.name, m.email))
            else:
                notes.append(
                    _(
                        "note: {name} has no e-mail address in group.yaml; not sent to them",
                        name=m.name,
                    )
                )
    else:
        for wanted in to:
            member = group.person(wanted) or next(
                (m for m in group.members if m.email and m.email.casefold() == wanted.casefold()),
                None,
            )
            if member is not None:
                if not member.email:
                    raise UsageError(
                        _(
                            "--to {wanted!r}: the member has no e-mail address in group.yaml",
                            wanted=wanted,
                        )
                    )
                chosen.append((member.name, member.email))
            elif _address(wanted):
                chosen.append(("", wanted))
            else:
                raise UsageError(
                    _(
                        "--to {wanted!r}: neither a member of group.yaml nor an e-mail address",
                        wanted=wanted,
                    )
                )

    unique: list[tuple[str, str]] = []
    for name, address in chosen:
        if address.casefold() not in {a.casefold() for _name, a in unique}:
            unique.append((name, address))
    return unique, notes


def _address(wanted: str) -> bool:
    """`--to` names an address psc can send to; one it never could is a usage error."""
    from psc.loading.addresses import NOT_ASCII, AddressError, check_address

    try:
        check_address(wanted)
    except AddressError as exc:
        if NOT_ASCII in str(exc):
            raise UsageError(f"--to {wanted!r}: {NOT_ASCII}") from None
        return False
    return True


def _renderer(project: Project, group: Group, meeting: Meeting, lang: str | None) -> Any:
    from psc.archive.tasks import reviews, track
    from psc.publish.render import Renderer

    renderer = Renderer(group, [project.templates_dir], lang)
    if any(True for _ in reviews(meeting)):
        renderer.known_tasks = {
            t.id: t.task for t in track(project.report_index().meetings).values()
        }
    return renderer


def _environment(project: Project, renderer: Any) -> Any:
    from psc.language import templates

    filters = {"wrap": remind.wrap, "short_date": renderer.short_date}
    return templates.environment([project.templates_dir], filters=filters)


def _body(env: Any, **context: Any) -> str:
    from psc.language import templates

    text = templates.render(env, TEMPLATE, **context)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def _transfer_encoding(text: str, eightbit: bool) -> str:
    """8bit where the server takes it and no line is longer than SMTP allows."""
    longest = max((len(line.encode("utf-8")) for line in text.splitlines()), default=0)
    return "8bit" if eightbit and longest <= 998 else "quoted-printable"


def _filename(meeting_id: str, who: str, used: set[str]) -> str:
    """'circulate-2016-11-15-Jana-Korytarova.eml', unique even on case-insensitive file systems."""
    slug = remind.slugify(who) or "member"
    name, n = f"circulate-{meeting_id}-{slug}", 1
    while name.casefold() in used:
        n += 1
        name = f"circulate-{meeting_id}-{slug}-{n}"
    used.add(name.casefold())
    return name + ".eml"


# ---------------------------------------------------------------------- delivery


def preview(plan: Circulation) -> list[str]:
    """What --send would do, or what drafts there would be."""
    return [
        _("would send {file}: {what}", file=m.filename, what=m.describe()) for m in plan.messages
    ]


def write_drafts(plan: Circulation) -> list[str]:
    """Write each message as an .eml file in the plan's directory; the lines to report."""
    from psc.fileio import write_text_atomic

    lines = []
    for m in plan.messages:
        path = plan.directory / m.filename
        write_text_atomic(path, m.as_eml())
        lines.append(_("wrote {path}: {what}", path=display_path(path), what=m.describe()))
    return lines


def send(
    plan: Circulation,
    connect: Callable[..., Any] | None = None,
    begin: Callable[[], None] | None = None,
) -> Iterator[str]:
    """Send every message over one SMTP connection (STARTTLS when offered; a login only over
    TLS or to this machine); the lines to report. Once the server is ready, `begin` (which
    records the circulation) and the journal are written before the first message, and each
    recipient is recorded in the journal as the server accepts their message. A failure is
    remind.SendError; a failure of `begin` or of the journal stops it as it is."""
    import smtplib
    import ssl

    settings = plan.settings
    assert settings is not None
    where = f"{settings.host}:{settings.port}"
    total, sent = len(plan.messages), 0

    def failed(what: str, exc: BaseException) -> remind.SendError:
        done = (
            _(
                " ({sent} of {total} sent before; run the command again to send to the rest)",
                sent=sent,
                total=total,
            )
            if sent
            else _(" (nothing sent)")
        )
        return remind.SendError(f"{what}: {remind._reason(exc)}{done}")

    journal, entry = plan.journal, plan.entry
    try:
        if connect is not None:
            server = connect(settings.host, settings.port, timeout=settings.timeout)
        elif settings.port == remind.SMTPS_PORT:
            server = smtplib.SMTP_SSL(
                settings.host,
                settings.port,
                timeout=settings.timeout,
                context=ssl.create_default_context(),
            )
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    except (OSError, smtplib.SMTPException) as exc:
        raise failed(_("cannot connect to the SMTP server {where}", where=where), exc) from None
    step = _("SMTP server {where}", where=where)
    lines: list[str] = []
    try:
        with server:
            server.ehlo_or_helo_if_needed()
            encrypted = isinstance(server, smtplib.SMTP_SSL)
            if not encrypted and server.has_extn("starttls"):
                step = _("STARTTLS with the SMTP server {where}", where=where)
                server.starttls(context=ssl.create_default_context())
                server.ehlo()
                encrypted = True
            if settings.user:
                if not encrypted and not remind._loopback(settings.host):
                    raise remind.SendError(
                        _(
                            "the SMTP server {where} offers no STARTTLS; psc does not send "
                            "a password unencrypted (nothing sent)",
                            where=where,
                        )
                    )
                step = _(
                    "login to the SMTP server {where} as {user}", where=where, user=settings.user
                )
                server.login(settings.user, settings.password or "")
            eightbit = server.has_extn("8bitmime")
            # recorded before the first message: a file psc cannot write sends nothing
            if begin is not None:
                begin()
            if journal is not None and entry is not None:
                journal.begin(entry)
            for m in plan.messages:
                step = _("sending {file} through {where}", file=m.filename, where=where)
                from_addr = remind._addr_spec(m.sender)
                to_addr = remind.ascii_address(m.address)
                international = not (from_addr.isascii() and to_addr.isascii())
                options = ["BODY=8BITMIME"] if eightbit and not international else []
                server.send_message(
                    m.message(sending=True, eightbit=eightbit),
                    from_addr,
                    [to_addr],
                    mail_options=options,
                )
                sent += 1
                if journal is not None and entry is not None:
                    journal.sent(entry, m.address, _now())
                lines.append(
                    _(
                        "sent {file} to {address}: Subject: {subject}",
                        file=m.filename,
                        address=m.address,
                        subject=m.subject,
                    )
                )
    except remind.SendError:
        raise
    except (OSError, smtplib.SMTPException) as exc:
        raise failed(step, exc) from None
    return iter(lines)


def _now() -> str:
    """The time a message was accepted, as the journal records it."""
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")
