"""`psc remind`: which reminders go out through SMTP and which are written as drafts, what a
dry run says, and the delivery itself (the messages are made by psc.publish.remind)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from psc.errors import display_path
from psc.messages import _
from psc.publish import remind

if TYPE_CHECKING:
    from psc.archive.project import Project


class PreviewLine(NamedTuple):
    """A line of a dry run: what would be done (stdout), or a note about it (stderr)."""

    text: str
    note: bool = False


@dataclass
class Dispatch:
    """The reminders due, and where each goes: sent when `settings` is given and it has an
    address, else written as a draft into `directory`."""

    reminders: list[remind.Reminder]
    notes: list[str]
    """Notes for stderr, to be shown before anything is sent or written."""
    directory: Path
    settings: remind.SmtpSettings | None = None
    journal: remind.SendJournal | None = None
    """When sending: the reminders of this as-of date sent already (never sent twice)."""

    @property
    def to_send(self) -> list[remind.Reminder]:
        if self.settings is None:
            return []
        journal = self.journal
        return [r for r in self.reminders if r.recipients and not (journal and journal.had(r))]

    @property
    def to_write(self) -> list[remind.Reminder]:
        if self.settings is None:
            return self.reminders
        return [r for r in self.reminders if not r.recipients]

    def preview(self) -> list[PreviewLine]:
        """What a run would send and write (--dry-run), doing nothing."""
        lines = []
        if self.settings is not None:
            where = f"{self.settings.host}:{self.settings.port}"
            lines += [
                PreviewLine(
                    _(
                        "would send {file} via {server}: {what}",
                        file=r.filename,
                        server=where,
                        what=remind.describe(r),
                    )
                )
                for r in self.to_send
            ]
        for r in self.to_write:
            if not r.recipients:
                lines.append(PreviewLine(remind.unaddressed_note(r), note=True))
            path = display_path(self.directory / r.filename)
            lines.append(
                PreviewLine(_("would write {path}: {what}", path=path, what=remind.describe(r)))
            )
        return lines

    def deliver(self) -> Iterator[str]:
        """Send what has an address (with `settings`), then write the rest as drafts; the
        lines to report, as each step is done."""
        if self.to_send:
            assert self.settings is not None
            yield from remind.send(self.to_send, self.settings, journal=self.journal)
        yield from remind.write_drafts(self.to_write, self.directory)


def plan_reminders(
    project: Project,
    *,
    as_of: dt.date,
    within: int = remind.DEFAULT_WITHIN,
    lang: str | None = None,
    sender: str | None = None,
    send: bool = False,
    smtp_host: str | None = None,
    smtp_port: int | None = None,
    smtp_user: str | None = None,
    output: str | None = None,
    public: bool = False,
) -> Dispatch:
    """The reminders due at `as_of` (see `remind.collect`) and how each is delivered: with
    `send`, through the SMTP server the options or the environment name (PSC_SMTP_*);
    drafts go to `output` (default: reminders/ in the repository). `public`: made from the
    public edition (private people's names replaced), drafts by default in public/reminders/."""
    if public:
        from psc.publish.public import public_output, public_project

        project = public_project(project)
        if output is None:
            output = str(public_output(project.root / remind.DEFAULT_DIR))
    from_ = remind.sender_address(sender)
    reminders, notes = remind.collect(project, as_of=as_of, within=within, lang=lang, sender=from_)
    settings = remind.smtp_settings(smtp_host, smtp_port, smtp_user) if send else None
    directory = remind.output_dir(project, output)
    for r in reminders:  # each draft, also a link in the folder, never over a source or outside
        project.check_output(directory / r.filename)
    if send and from_ == remind.DEFAULT_FROM:
        notes.append(
            _(
                "note: sending from the placeholder {sender}; give the real sender with --from "
                "or PSC_SMTP_FROM",
                sender=remind.DEFAULT_FROM,
            )
        )
    journal = None
    if send:
        journal = remind.SendJournal.load(project, as_of)
        for r in reminders:
            done = journal.had(r) if r.recipients else None
            if done is not None:
                notes.append(
                    _(
                        "note: {file} went to {recipients} already (sent {at}); not sent again",
                        file=r.filename,
                        recipients=", ".join(done["to"]),
                        at=done["at"],
                    )
                )
    return Dispatch(reminders, notes, directory, settings, journal)
