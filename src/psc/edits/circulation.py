"""The record of a circulation: the draft minutes sent to the members for comments
(`psc circulate`), appended to the meeting's `circulations` as a minimal edit of the file's
text, validated through the loading pipeline before it is written. The messages themselves
are made and sent by `psc.review.circulate`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from psc.edits.approval import _load_for_edit, _serialized, _write_checked
from psc.errors import UsageError
from psc.messages import _, n_

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.loading.model import Meeting

_RECIPIENTS = "psc-recipients-placeholder"
"""Stands for the list of recipients while the entry is appended (yamledit appends mappings
of text); replaced by the flow list of addresses in the same edit."""


def check_circulable(meeting: Meeting) -> None:
    """Approved minutes are not circulated: there is nothing left to comment on."""
    if meeting.approved_by is not None or meeting.approved_at is not None:
        raise UsageError(
            _(
                "{meeting} is approved already; there is nothing to circulate "
                "(record changes after approval with `psc amend`)",
                meeting=meeting.id,
            )
        )


def check_deadline(meeting: Meeting, on: dt.date, deadline: dt.date) -> None:
    """The circulation is on or after the meeting, and the deadline on or after it."""
    if on < meeting.date:
        raise UsageError(
            _(
                "--on {on} is before the meeting ({date})",
                on=on.isoformat(),
                date=meeting.date.isoformat(),
            )
        )
    if deadline < on:
        raise UsageError(
            _(
                "the comment deadline {deadline} is before the circulation ({on})",
                deadline=deadline.isoformat(),
                on=on.isoformat(),
            )
        )


@_serialized
def record_circulation(
    project: Project,
    meeting_ref: str,
    *,
    on: dt.date,
    deadline: dt.date,
    recipients: list[str],
) -> str:
    """Append `{date, deadline, recipients}` to the meeting's `circulations`, unless that very
    circulation is recorded already (a run again records it once)."""
    from psc.loading.yamledit import append_to_list
    from psc.loading.yamlfile import scalar

    meeting, group, raw, text, path = _load_for_edit(project, meeting_ref)
    check_circulable(meeting)
    check_deadline(meeting, on, deadline)
    if not recipients:
        raise UsageError(_("a circulation has recipients"))
    summary = _(
        "({on}, {recipients}, comments by {deadline})",
        on=on.isoformat(),
        recipients=n_("{count} recipient", "{count} recipients", len(recipients)),
        deadline=deadline.isoformat(),
    )
    if any(
        c.date == on and c.deadline == deadline and c.recipients == recipients
        for c in meeting.circulations
    ):  # a run again (drafts written anew, or a send completed): recorded once
        return _(
            "{meeting}: circulation recorded already {summary}", meeting=meeting.id, summary=summary
        )
    if _RECIPIENTS in text:  # pragma: no cover - the placeholder in a meeting file
        raise UsageError(
            _(
                "{meeting}: the file holds {placeholder!r}; edit it by hand",
                meeting=meeting.id,
                placeholder=_RECIPIENTS,
            )
        )
    entry = {"date": on.isoformat(), "deadline": deadline.isoformat(), "recipients": _RECIPIENTS}
    new_text = append_to_list(text, "circulations", entry)
    flow = "[" + ", ".join(scalar(r, flow=True) for r in recipients) + "]"
    assert new_text.count(_RECIPIENTS) == 1
    new_text = new_text.replace(_RECIPIENTS, flow)
    _write_checked(project, path, raw, new_text, group)
    return _("{meeting}: circulation recorded {summary}", meeting=meeting.id, summary=summary)
