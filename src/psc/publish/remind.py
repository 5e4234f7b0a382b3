"""E-mail reminders of overdue and soon-due tasks: one message per recipient, with all
their tasks.

The recipients are the people responsible (`route`): a member named in a task's
`responsible`, the organisation named there (its own address and its members' addresses),
every member for a task without one. The task's `contact`, who collects the answers, and a
configured sender are in Cc, never the only To. Whoever is responsible but has no address in
group.yaml gets the reminder as a draft without To, and a note says so.

`collect` builds the reminders from the archive (pure apart from reading it: the date
compared with is `as_of`, never the clock); `write_drafts` writes them as .eml files
(RFC 5322, UTF-8, deterministic: no Message-ID, a Date derived from `as_of`); `send`
delivers them through SMTP. The body comes from the template `mail/remind.txt.j2`, which a
repository's own `templates/` may override like the minutes' templates.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from psc.errors import PscError, UsageError, check_language, display_path
from psc.language.mdtext import plain_line, plain_text  # noqa: F401  (plain_text: re-exported)
from psc.messages import _, n_

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.archive.tasks import TrackedTask
    from psc.loading.model import Group

T = TypeVar("T")

DEFAULT_WITHIN = 14
"""Days ahead of the as-of date a task counts as soon due."""
DEFAULT_DIR = "reminders"
"""Where drafts go by default, relative to the repository root."""
DEFAULT_FROM = "psc@localhost"
"""The sender when neither --from nor PSC_SMTP_FROM names one: a placeholder to replace."""
DEFAULT_HOST = "localhost"
DEFAULT_PORT = 25
SMTPS_PORT = 465
"""On this port the connection is TLS from the start (SMTPS) instead of STARTTLS."""
TEMPLATE = "mail/remind.txt.j2"
WIDTH = 76
"""Body lines are wrapped at this width (words longer than it, such as URLs, are kept whole)."""

# Words of the reminders. A group file cannot override them yet (its `labels` are checked
# against psc.language.labels); the group's own overrides of shared labels (col_deadline, contact...)
# do apply.

_DAY_FORMS = {"cs": ("den", "dny", "dní"), "en": ("day", "days", "days")}


class SendError(PscError):
    """Reminders could not be delivered: no connection, refused login or recipients."""

    exit_code = 1


def days_words(days: int, language: str) -> str:
    """'1 den', '3 dny', '15 dní'; '1 day', '15 days'."""
    one, few, many = _DAY_FORMS[language]
    if days == 1:
        return f"{days} {one}"
    if language == "cs" and 2 <= days <= 4:
        return f"{days} {few}"
    return f"{days} {many}"


def slugify(name: str) -> str:
    """An ASCII file-name part of a name: 'všichni členové' -> 'vsichni-clenove', 'SMO ČR' -> 'SMO-CR'."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_).strip("-")


def header_text(value: str) -> str:
    """The one policy for every e-mail header value psc writes (Subject, From, To) and the
    names derived from it: whitespace (a folded `short: >` ends in a newline) collapsed to
    single spaces, control characters removed, so no value can break or add a header."""
    return plain_line(value)


def wrap(text: str, indent: str = "", prefix: str = "", width: int = WIDTH) -> str:
    """`prefix` and text wrapped at `width`, continuation lines indented by `indent`.
    Words longer than a line (URLs) stay whole."""
    import textwrap

    return textwrap.fill(
        " ".join(str(text).split()),
        width=width,
        initial_indent=prefix,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


@dataclass
class Addressee:
    """Where one message goes: an address, or someone responsible without one (`address`
    None: the message is a draft without To). `reasons`: the `responsible` entries (or the
    all-members label) through which its tasks reach it, in order."""

    key: str
    owner: str
    """The member's name, the organisation's abbreviation, or the all-members label."""
    address: str | None
    display: str
    """The name the To header shows beside the address."""
    missing: str = ""
    """Without an address: who has none, as the note on stderr says it."""
    everyone: bool = False
    tasks: list[TrackedTask] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def route(tasks: list[TrackedTask], group: Group, all_members: str) -> list[Addressee]:
    """The recipients of `tasks`, each with all of its tasks (each task once, in the order
    given): a member named in `responsible` by their address; an organisation by its own
    address and its members' addresses; a task without `responsible` by every member's
    address. Someone without an address keeps their tasks under their name: a member; an
    organisation when neither it nor any of its members has one; the all-members tasks as
    one whole when no member has an address. Ordered by name, all members last."""
    book: dict[str, Addressee] = {}
    addressed_members = [m for m in group.members if m.email]

    def add(entry: Addressee, task: TrackedTask, reason: str) -> None:
        found = book.setdefault(entry.key, entry)
        if all(t.id != task.id for t in found.tasks):
            found.tasks.append(task)
        if reason not in found.reasons:
            found.reasons.append(reason)

    def by_address(address: str, owner: str, display: str, task: TrackedTask, reason: str) -> None:
        add(Addressee("@" + address.casefold(), owner, address, display), task, reason)

    def unaddressed_member(name: str, task: TrackedTask, reason: str, known: bool) -> None:
        missing = (
            _("{name} has no e-mail address in group.yaml", name=name)
            if known
            else _("{name} is not a member in group.yaml, so has no e-mail address", name=name)
        )
        add(Addressee("person:" + name.casefold(), name, None, name, missing), task, reason)

    for t in tasks:
        entries: list[str | None] = [*t.owners] or [None]
        for entry in entries:
            if entry is None:
                if not addressed_members:
                    missing = _("no member has an e-mail address in group.yaml")
                    whole = Addressee("all", all_members, None, all_members, missing, everyone=True)
                    add(whole, t, all_members)
                    continue
                for m in group.members:
                    if m.email:
                        by_address(m.email, m.name, m.name, t, all_members)
                    else:
                        unaddressed_member(m.name, t, all_members, known=True)
            elif entry in group.organisations:
                org = group.organisations[entry]
                pairs = [(org.email, entry, org.name)] if org.email else []
                pairs += [(m.email, m.name, m.name) for m in group.members_of(entry) if m.email]
                for address, owner, display in pairs:
                    by_address(address, owner, display, t, entry)
                if not pairs:
                    missing = _(
                        "{name} has no e-mail address in group.yaml, nor has any of its members",
                        name=entry,
                    )
                    add(
                        Addressee("body:" + entry.casefold(), entry, None, entry, missing), t, entry
                    )
            else:
                member = group.person(entry)
                if member is not None and member.email:
                    by_address(member.email, member.name, member.name, t, entry)
                else:
                    unaddressed_member(entry, t, entry, known=member is not None)
    return sorted(book.values(), key=lambda a: (a.everyone, a.owner.casefold(), a.key))


@dataclass
class Reminder:
    """One message: all the tasks of one recipient (or of someone responsible without an
    address) and where it goes. `recipients` (To) and `cc` are bare addresses, for the SMTP
    envelope; `to_header` and `cc_header` are the headers, with names."""

    owner: str
    everyone: bool
    filename: str
    tasks: list[TrackedTask]
    recipients: list[str]
    sender: str
    subject: str
    body: str
    as_of: dt.date
    task_ids: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    to_header: str = ""
    cc_header: str = ""
    missing: str = ""
    """Without recipients: who has no address (for the note on stderr)."""

    def message(self, *, sending: bool = False, eightbit: bool = True) -> EmailMessage:
        """The message. A draft is deterministic: a Date at midnight of the as-of date (no time
        zone: '-0000'), no Message-ID, and X-Unsent so mail programs open it for sending.
        A message being sent gets the current Date and a Message-ID instead."""
        from email import utils

        msg = EmailMessage()
        msg["From"] = sender_header(self.sender)
        if self.recipients:
            msg["To"] = header_text(self.to_header or ", ".join(self.recipients))
        if self.cc:
            msg["Cc"] = header_text(self.cc_header or ", ".join(self.cc))
        msg["Subject"] = header_text(self.subject)
        if sending:
            msg["Date"] = utils.formatdate(localtime=True)
            domain = utils.parseaddr(self.sender)[1].rpartition("@")[2] or None
            msg["Message-ID"] = utils.make_msgid("psc-remind", domain=domain)
        else:
            msg["Date"] = utils.format_datetime(dt.datetime.combine(self.as_of, dt.time()))
            msg["X-Unsent"] = "1"
        longest = max((len(line.encode("utf-8")) for line in self.body.splitlines()), default=0)
        cte = "8bit" if eightbit and longest <= 998 else "quoted-printable"
        msg.set_content(self.body, charset="utf-8", cte=cte)
        return msg

    def as_eml(self) -> str:
        """The draft as the text of an .eml file (CRLF line ends, as RFC 5322 has them)."""
        from email import policy

        return self.message().as_bytes(policy=policy.SMTP).decode("utf-8")


def collect(
    project: Project,
    *,
    as_of: dt.date,
    within: int = DEFAULT_WITHIN,
    lang: str | None = None,
    sender: str = DEFAULT_FROM,
    use_cache: bool = True,
) -> tuple[list[Reminder], list[str]]:
    """The reminders due at `as_of`: one per recipient (see `route`) with all of their open
    tasks overdue or due within `within` days; the tasks' contacts and a configured sender
    (not the placeholder) in Cc. And notes for stderr."""
    from psc.archive.tasks import Selection, select, track, unresolved_left_out
    from psc.terms import add_days

    check_language(lang)
    if within < 0:
        raise UsageError(_("--within must not be negative"))
    _check_sender(sender)
    index = project.report_index(use_cache=use_cache)
    group = project.load_group()
    wording = index.wording(lang)
    labels = wording.labels
    info = index.group_info
    tracked = list(track(index.meetings, as_of=as_of).values())
    selection = Selection(as_of=as_of, due_within=within)
    chosen = select(tracked, selection)
    notes = [
        _(
            "note: task {task} has no date for its 'next meeting' deadline (no later meeting "
            "is known); it is left out of the reminders",
            task=t.id,
        )
        for t in unresolved_left_out(tracked, selection)
    ]

    all_members = labels["all_members"]
    env = _environment(project, wording)
    until = add_days(as_of, within)
    fmt = {
        "short": info.get("short") or info.get("name") or "",
        "date": wording.short_date(as_of),
        "until": wording.short_date(until),
    }
    copy_to = [] if sender == DEFAULT_FROM else [(_addr_spec(sender), sender_header(sender))]
    reminders: list[Reminder] = []
    used: set[str] = set()
    for addressee in route(chosen, group, all_members):
        tasks = addressee.tasks
        recipients = [ascii_address(addressee.address)] if addressee.address else []
        to_header = _mailbox(addressee.address, addressee.display) if addressee.address else ""
        cc: list[tuple[str, str]] = []
        taken = {r.casefold() for r in recipients}
        for contact, shown in [*_contacts(tasks, notes), *copy_to]:
            contact = ascii_address(contact)
            if contact.casefold() not in taken:
                taken.add(contact.casefold())
                cc.append((contact, shown))
        filename = _filename(addressee.owner, used)
        everyone = addressee.reasons == [all_members]
        intro = (
            labels["remind_intro_all"].format(**fmt)
            if everyone
            else labels["remind_intro_owner"].format(owner=addressee.owner, **fmt)
        )
        rows = [_row(t, as_of, wording, labels) for t in tasks]
        body = _render(
            env,
            group=info,
            owner=addressee.owner,
            everyone=everyone,
            responsible=addressee.reasons,
            show_responsible=not everyone and addressee.reasons != [addressee.owner],
            tasks=rows,
            intro=intro,
            labels=labels,
            as_of=as_of,
            until=until,
            recipients=recipients,
            cc=[address for address, _ in cc],
            sender=sender,
        )
        reminders.append(
            Reminder(
                owner=addressee.owner,
                everyone=everyone,
                filename=filename,
                tasks=tasks,
                recipients=recipients,
                sender=sender,
                subject=header_text(labels["remind_subject"].format(**fmt)),
                body=body,
                as_of=as_of,
                task_ids=[t.id for t in tasks],
                cc=[address for address, _ in cc],
                to_header=to_header,
                cc_header=", ".join(shown for _, shown in cc),
                missing=addressee.missing,
            )
        )
    return reminders, notes


def _contacts(tasks: list[TrackedTask], notes: list[str]) -> list[tuple[str, str]]:
    """The usable contact addresses of `tasks`, each once; a note (once) for one that is not."""
    from email.headerregistry import Address

    found: list[tuple[str, str]] = []
    for t in tasks:
        contact = t.task.contact
        if not contact or any(contact.casefold() == c.casefold() for c, _ in found):
            continue
        try:
            Address(addr_spec=contact)
        except (ValueError, IndexError):
            note = _(
                "note: contact {contact!r} of task {task} is not a usable e-mail address; left out",
                contact=contact,
                task=t.id,
            )
            if note not in notes:
                notes.append(note)
            continue
        found.append((contact, ascii_address(contact)))
    return found


def ascii_address(address: str) -> str:
    """The address as the SMTP envelope and the headers carry it: an internationalised
    domain in IDNA (punycode), never an encoded word."""
    from psc.loading.addresses import AddressError
    from psc.loading.addresses import ascii_address as idna

    try:
        return idna(address)
    except AddressError:  # not from a checked file (a --from): left for the server to refuse
        return address


def _mailbox(address: str, display: str) -> str:
    """'Jana Korytářová <jana@mmr.cz>', the name quoted where it must be ('"Ing. P. S." <…>'),
    the address in ASCII (the name becomes an encoded word when the message is written)."""
    from email.headerregistry import Address

    try:
        return str(Address(display_name=header_text(display), addr_spec=ascii_address(address)))
    except (ValueError, IndexError):
        return address


def sender_header(sender: str) -> str:
    """The From header of `sender` ('PS pro SC <ps@mmr.cz>' or a bare address), its address
    in ASCII."""
    from email.utils import parseaddr

    name, address = parseaddr(header_text(sender))
    if not address:
        return header_text(sender)
    return _mailbox(address, name) if name else ascii_address(address)


def unaddressed_note(r: Reminder) -> str:
    """The note for stderr when a reminder has no recipient: who has no address."""
    who = r.missing or _("no task of {owner} has a recipient", owner=r.owner)
    return _(
        "note: {who}; {file} has no To: (add the address to group.yaml, or write it in the draft)",
        who=who,
        file=r.filename,
    )


def _check_sender(sender: str) -> None:
    from email.headerregistry import HeaderRegistry
    from email.utils import parseaddr

    from psc.loading.addresses import NOT_ASCII

    if not parseaddr(sender)[1].rpartition("@")[0].isascii():  # psc does not send SMTPUTF8
        raise UsageError(f"--from {sender!r}: {NOT_ASCII}")  # NOT_ASCII: psc.loading's words
    try:
        header: Any = HeaderRegistry()("From", sender)  # an AddressHeader, as 'From' is
        ok = (
            len(header.addresses) == 1
            and not header.defects
            and "@" in header.addresses[0].addr_spec
        )
    except (ValueError, IndexError):
        ok = False
    if not ok or "\n" in sender or "\r" in sender:
        raise UsageError(
            _(
                "--from {sender!r}: give one e-mail address, e.g. 'PS pro SC <ps@example.cz>'",
                sender=sender,
            )
        )


def _filename(owner: str, used: set[str]) -> str:
    """'remind-MMR.eml', unique among `used` even on case-insensitive file systems."""
    slug = slugify(owner) or "owner"
    name, n = f"remind-{slug}", 1
    while name.casefold() in used:
        n += 1
        name = f"remind-{slug}-{n}"
    used.add(name.casefold())
    return name + ".eml"


def _row(t: TrackedTask, as_of: dt.date, wording: Any, labels: dict[str, str]) -> dict[str, Any]:
    """What the template shows of a task."""
    language = wording.language
    if t.is_overdue(as_of):
        when = labels["remind_overdue"].format(
            days=days_words(t.days_overdue(as_of) or 0, language)
        )
    elif t.due == as_of:
        when = labels["remind_due_today"]
    elif t.due is not None:
        left = (t.due - as_of).days
        few = language == "cs" and 2 <= left <= 4  # Czech: "zbývají 3 dny", "zbývá 5 dní"
        key = "remind_due_in_few" if few and labels.get("remind_due_in_few") else "remind_due_in"
        when = labels[key].format(days=days_words(left, language))
    else:
        when = ""
    return {
        "id": t.id,
        "text": plain_text(t.task.text),
        "deadline": wording.deadline_words(t.deadline, t.due) if t.deadline else "",
        "due": t.due,
        "when": when,
        "overdue": t.is_overdue(as_of),
        "days_overdue": t.days_overdue(as_of),
        "meeting": t.meeting.id,
        "assigned": labels["remind_assigned"].format(meeting=t.meeting.id),
        "contact": t.task.contact,
        "responsible": t.owners,
        "responsible_words": ", ".join(t.owners) or labels["all_members"],
    }


def _environment(project: Project, wording: Any) -> Any:
    from psc.language import templates

    filters = {"wrap": wrap, "short_date": wording.short_date, "plain": plain_text}
    return templates.environment([project.templates_dir], filters=filters)


def _render(env: Any, **context: Any) -> str:
    from psc.language import templates

    text = templates.render(env, TEMPLATE, **context)
    # one body, whatever the template's line ends; no trailing blanks
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


# ---------------------------------------------------------------------- output


def output_dir(project: Project, output: str | None) -> Path:
    """-o DIR, or reminders/ at the repository root; a file there is a usage error."""
    directory = Path(output) if output else project.root / DEFAULT_DIR
    if directory.exists() and not directory.is_dir():
        raise UsageError(_("-o {path}: not a directory", path=display_path(directory)))
    project.check_output(directory)  # never drafts among the meetings or templates
    return directory


def describe(r: Reminder) -> str:
    """'To: a@b; Cc: c@d; Subject: …; 2 tasks (…)' for --dry-run and the report of what was done."""
    to = ", ".join(r.recipients) if r.recipients else _("(none)")
    cc = f"Cc: {', '.join(r.cc)}; " if r.cc else ""
    n = len(r.tasks)
    tasks = n_("{count} task", "{count} tasks", n)
    return f"To: {to}; {cc}Subject: {r.subject}; {tasks} ({', '.join(r.task_ids)})"


def write_drafts(reminders: list[Reminder], directory: Path) -> list[str]:
    """Write each reminder as an .eml file in `directory`; the lines to report."""
    from psc.fileio import write_text_atomic

    lines = []
    for r in reminders:
        if not r.recipients:
            lines.append(unaddressed_note(r))
        path = directory / r.filename
        write_text_atomic(path, r.as_eml())
        lines.append(_("wrote {path}: {what}", path=display_path(path), what=describe(r)))
    return lines


# ---------------------------------------------------------------------- SMTP


JOURNAL = "{as_of}.sent.json"
"""The reminders of an as-of date sent through SMTP, in reminders/ at the repository root."""


def message_key(r: Reminder) -> str:
    """What makes a reminder the same message: its envelope, sender, subject and body."""
    import hashlib
    import json

    data = [r.sender, r.recipients, r.cc, r.subject, r.body]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


@dataclass
class SendJournal:
    """The reminders of one as-of date that the SMTP server accepted, written before the
    first message (so that an unwritable journal sends nothing) and after each accepted one,
    atomically: a run after a failure sends only the ones that did not go out."""

    path: Path
    as_of: dt.date
    sent: dict[str, dict[str, Any]]

    @classmethod
    def load(cls, project: Project, as_of: dt.date) -> SendJournal:
        path = project.root / DEFAULT_DIR / JOURNAL.format(as_of=as_of.isoformat())

        def checked(data: Any) -> dict[str, dict[str, Any]]:
            sent = data["sent"]
            if not isinstance(sent, dict):
                raise ValueError(_("no mapping of sent reminders"))
            for done in sent.values():
                strings = [done["file"], done["at"], *done["to"]]
                if not all(isinstance(x, str) for x in strings):
                    raise ValueError(_("a reminder that is not a file, addresses and a time"))
            return sent

        sent = read_journal(
            project,
            path,
            checked,
            _("sent reminders"),
            _("if the reminders it records went out"),
        )
        return cls(path, as_of, sent if sent is not None else {})

    def had(self, r: Reminder) -> dict[str, Any] | None:
        """The record of this very reminder sent already, or None."""
        return self.sent.get(message_key(r))

    def record(self, r: Reminder | None = None) -> None:
        """Write the journal: with `r` recorded as accepted now, or as it is (before sending)."""
        if r is not None:
            at = dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")
            self.sent[message_key(r)] = {
                "file": r.filename,
                "to": [*r.recipients, *r.cc],
                "at": at,
            }
        write_journal(self.path, {"as_of": self.as_of.isoformat(), "sent": self.sent})


def read_journal(
    project: Project, path: Path, checked: Callable[[Any], T], what: str, unless: str
) -> T | None:
    """The journal at `path` as `checked` reads its JSON (None when there is none yet); one
    line of error, nothing sent, when it is damaged. Shared by reminders and circulations."""
    import json

    from psc.errors import OutputError
    from psc.loading import pipeline

    project.check_output(path)
    if not path.exists():
        return None
    try:
        return checked(json.loads(pipeline.read(path).decode("utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise OutputError(
            _(
                "{path}: not a journal of {what} psc can read ({error}); nothing sent (move "
                "it away {unless})",
                path=display_path(path),
                what=what,
                error=exc,
                unless=unless,
            )
        ) from None


def write_journal(path: Path, data: dict[str, Any]) -> None:
    """Write a journal of sent mail atomically, as JSON."""
    import json

    from psc.fileio import write_text_atomic

    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@dataclass(frozen=True)
class SmtpSettings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    user: str | None = None
    password: str | None = None
    timeout: float = 30.0


def smtp_settings(
    host: str | None = None,
    port: int | None = None,
    user: str | None = None,
    env: Mapping[str, str] | None = None,
) -> SmtpSettings:
    """Options first, then PSC_SMTP_HOST / PSC_SMTP_PORT / PSC_SMTP_PASSWORD, then localhost:25."""
    env = os.environ if env is None else env
    host = host or env.get("PSC_SMTP_HOST") or DEFAULT_HOST
    if port is None and env.get("PSC_SMTP_PORT"):
        try:
            port = int(env["PSC_SMTP_PORT"])
        except ValueError:
            raise UsageError(
                _("PSC_SMTP_PORT {value!r}: give a port number", value=env["PSC_SMTP_PORT"])
            ) from None
    port = DEFAULT_PORT if port is None else port
    if not 0 < port < 65536:
        raise UsageError(_("SMTP port {port}: give a port number from 1 to 65535", port=port))
    password = None
    if user:
        password = env.get("PSC_SMTP_PASSWORD")
        if not password:
            raise UsageError(
                _("--smtp-user needs the password in the environment variable PSC_SMTP_PASSWORD")
            )
    return SmtpSettings(host=host, port=port, user=user or None, password=password)


def sender_address(option: str | None, env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    return option or env.get("PSC_SMTP_FROM") or DEFAULT_FROM


def _reason(exc: BaseException) -> str:
    import smtplib

    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        parts = [
            f"{addr}: {_response(code, text)}" for addr, (code, text) in exc.recipients.items()
        ]
        return _("recipients refused ({refusals})", refusals="; ".join(parts))
    if isinstance(exc, smtplib.SMTPResponseException):
        return _response(exc.smtp_code, exc.smtp_error)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return " ".join(str(exc).split()) or type(exc).__name__


def _response(code: int, text: Any) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return " ".join(f"{code} {text}".split())


def _loopback(host: str) -> bool:
    import ipaddress

    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def send(
    reminders: list[Reminder],
    settings: SmtpSettings,
    connect: Callable[..., Any] | None = None,
    journal: SendJournal | None = None,
) -> list[str]:
    """Send every reminder that has recipients over one SMTP connection; the lines to report.
    STARTTLS when the server offers it; a login only over TLS (or to this machine). The
    `journal` is written before the first message and records each one the server accepts.
    Every failure is a SendError with a one-line message."""
    import smtplib
    import ssl

    where = f"{settings.host}:{settings.port}"
    addressed = [r for r in reminders if r.recipients]
    if not addressed:
        return []
    lines: list[str] = []
    sent = 0

    def failed(what: str, exc: BaseException) -> SendError:
        done = (
            " "
            + _(
                "({sent} of {count} sent before; run the command again to send the rest)",
                sent=sent,
                count=len(addressed),
            )
            if sent
            else " " + _("(nothing sent)")
        )
        return SendError(f"{what}: {_reason(exc)}{done}")

    try:
        if connect is not None:
            server = connect(settings.host, settings.port, timeout=settings.timeout)
        elif settings.port == SMTPS_PORT:
            server = smtplib.SMTP_SSL(
                settings.host,
                settings.port,
                timeout=settings.timeout,
                context=ssl.create_default_context(),
            )
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    except (OSError, smtplib.SMTPException) as exc:
        raise failed(_("cannot connect to the SMTP server {server}", server=where), exc) from None
    step = _("SMTP server {server}", server=where)
    try:
        with server:
            server.ehlo_or_helo_if_needed()
            encrypted = isinstance(server, smtplib.SMTP_SSL)
            if not encrypted and server.has_extn("starttls"):
                step = _("STARTTLS with the SMTP server {server}", server=where)
                server.starttls(context=ssl.create_default_context())
                server.ehlo()
                encrypted = True
            if settings.user:
                if not encrypted and not _loopback(settings.host):
                    raise SendError(
                        _(
                            "the SMTP server {server} offers no STARTTLS; psc does not send "
                            "a password unencrypted (nothing sent)",
                            server=where,
                        )
                    )
                step = _(
                    "login to the SMTP server {server} as {user}", server=where, user=settings.user
                )
                server.login(settings.user, settings.password or "")
            eightbit = server.has_extn("8bitmime")
            if journal is not None:  # before the first message: unwritable, nothing is sent
                journal.record()
            for r in addressed:
                step = _("sending {file} through {server}", file=r.filename, server=where)
                msg = r.message(sending=True, eightbit=eightbit)
                from_addr = _addr_spec(r.sender)
                envelope = [*r.recipients, *r.cc]
                international = not all(a.isascii() for a in [from_addr, *envelope])
                options = ["BODY=8BITMIME"] if eightbit and not international else []
                refused = server.send_message(msg, from_addr, envelope, mail_options=options)
                sent += 1
                if journal is not None:
                    journal.record(r)
                accepted = [a for a in r.recipients if a not in (refused or {})]
                copied = [a for a in r.cc if a not in (refused or {})]
                cc = f" (Cc: {', '.join(copied)})" if copied else ""
                lines.append(
                    _(
                        "sent {file} to {recipients}{cc}: Subject: {subject}; {tasks}",
                        file=r.filename,
                        recipients=", ".join(accepted) or _("(none)"),
                        cc=cc,
                        subject=r.subject,
                        tasks=n_("{count} task", "{count} tasks", len(r.tasks)),
                    )
                )
                for addr, (code, text) in (refused or {}).items():
                    lines.append(
                        _(
                            "note: {address} refused {file}: {response}",
                            address=addr,
                            file=r.filename,
                            response=_response(code, text),
                        )
                    )
    except SendError:
        raise
    except (OSError, smtplib.SMTPException) as exc:
        raise failed(step, exc) from None
    return lines


def _addr_spec(sender: str) -> str:
    """The bare address of a sender, in ASCII."""
    from email.utils import parseaddr

    return ascii_address(parseaddr(sender)[1] or sender)
