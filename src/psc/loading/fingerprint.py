"""Fingerprints of a meeting's canonical content, which an approval records.

The fingerprint hashes the meeting's data, not its text, so re-indenting or re-quoting
does not count as a change. It covers everything the minutes held when they were approved,
the approval records included (who approved them and when, the resolution, the amendments:
`approved_by`, `approved_at`, `amendments`, each without its own fingerprint), and of the
task statuses those set up to the approval (a status, or an entry of `status_history`,
dated after the latest approval or amendment is tracking: `psc tasks done` records those,
and refuses a status dated on or before it). An approval by a person (`approved_by`) or by
the body (`approved_at`) records it (`psc approve`, `psc amend`), and validation checks an
approved meeting against it from then on (`check_approval`).

Fingerprints of 16 hex digits, written by earlier versions of psc, are of the content
without the approval records (`approved_by` and `amendments` left out whole); they are
still checked as such. psc now writes 32 digits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from psc.errors import Problem
from psc.loading.model import Meeting, Task

_TRACKING = {"status", "status_date", "status_note", "status_history"}


def approval_date(meeting: Meeting) -> dt.date | None:
    """The date of the record the content is checked against: the latest amendment, else the
    approval by a person, else the approval by the body (None: not approved, or undated)."""
    if meeting.amendments:
        return meeting.amendments[-1].date
    if meeting.approved_by is not None:
        return meeting.approved_by.date
    if meeting.approved_at is not None:
        return meeting.approved_at.date
    return None


def canonical(
    meeting: Meeting, approved_on: dt.date | None = None, *, records: bool = True
) -> dict[str, Any]:
    """The meeting's content as plain data, the approval records without their fingerprints
    (not `records`: without the records of a person's approval and the amendments, as
    fingerprints of 16 digits were made); of the tasks' statuses, those that are undated or
    dated on or before `approved_on` (none when it is None), each task's in order: the
    approved minutes held them."""
    exclude: dict[str, Any] = {
        "approved_by": {"fingerprint"} if records else True,
        "approved_at": {"fingerprint"},
        "amendments": {"__all__": {"fingerprint"}} if records else True,
        "tasks": {"__all__": _TRACKING},
    }
    data = meeting.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude=exclude)
    if approved_on is not None:
        for task, entry in zip(meeting.tasks, data.get("tasks", []), strict=True):
            held = [e for e in _statuses(task) if e["date"] is None or e["date"] <= approved_on]
            if held:
                entry["status_as_approved"] = [
                    {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in e.items()}
                    for e in held
                ]
    return data


def _statuses(task: Task) -> list[dict[str, Any]]:
    """The statuses a task has had, oldest first: its history, then its status (when set)."""
    events = [
        {"status": h.status.value, "date": h.date, "note": h.note} for h in task.status_history
    ]
    if task.status.value != "open" or task.status_date or task.status_note:
        events.append(
            {"status": task.status.value, "date": task.status_date, "note": task.status_note}
        )
    return events


LEGACY = 16
"""Hex digits of a fingerprint made without the approval records (psc before them)."""

DIGITS = 32
"""Hex digits of the fingerprints psc writes."""


def fingerprint(
    meeting: Meeting, approved_on: dt.date | None = None, *, records: bool = True
) -> str:
    """'sha256:' and the first 32 hex digits of the hash of the canonical content (not
    `records`: 16, of the content without the approval records)."""
    data = json.dumps(
        canonical(meeting, approved_on, records=records),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    digest = hashlib.sha256(data.encode("utf-8")).hexdigest()
    return "sha256:" + digest[: DIGITS if records else LEGACY]


def current_fingerprint(meeting: Meeting, expected: str) -> str:
    """The fingerprint of the meeting's content now, in the form of `expected` (the one its
    latest approval record holds), as of that record's date."""
    legacy = len(expected) == len("sha256:") + LEGACY
    return fingerprint(meeting, approval_date(meeting), records=not legacy)


def expected_fingerprint(meeting: Meeting) -> tuple[str | None, tuple[Any, ...]]:
    """The fingerprint the content must have, and where it is written in the file."""
    if meeting.amendments:
        return meeting.amendments[-1].fingerprint, (
            "amendments",
            len(meeting.amendments) - 1,
            "fingerprint",
        )
    if meeting.approved_by is not None:
        return meeting.approved_by.fingerprint, ("approved_by", "fingerprint")
    assert meeting.approved_at is not None
    return meeting.approved_at.fingerprint, ("approved_at", "fingerprint")


def check_approval(meeting: Meeting) -> list[Problem]:
    """An approved meeting's content must match its approval (or its latest amendment). An
    approval by the body recorded before psc fingerprinted it (`approved_at` without a
    fingerprint, and no amendment) is not checked."""
    if meeting.approved_by is None and (
        meeting.approved_at is None
        or (meeting.approved_at.fingerprint is None and not meeting.amendments)
    ):
        return []
    from psc.messages import _

    pos = meeting.source
    expected, loc = expected_fingerprint(meeting)
    if expected is None:
        return [
            pos.problem(
                loc[:-1],
                _(
                    "approved minutes carry no fingerprint; record the approval with "
                    "`psc approve {id} --by NAME` (or the change with `psc amend`)",
                    id=meeting.id,
                ),
            )
        ]
    actual = current_fingerprint(meeting, expected)
    if actual != expected:
        return [
            pos.problem(
                loc,
                _(
                    "the approved minutes have changed (content {actual}, approved "
                    "{expected}); undo the change or record it with "
                    "`psc amend {id} --by NAME --reason TEXT`",
                    actual=actual,
                    expected=expected,
                    id=meeting.id,
                ),
            )
        ]
    return []
