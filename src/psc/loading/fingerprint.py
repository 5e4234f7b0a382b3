"""Fingerprints of a meeting's canonical content, which an approval records.

The fingerprint hashes the meeting's data, not its text, so re-indenting or re-quoting
does not count as a change. It leaves out the approval and amendments themselves and the
tracking of task status (status, status_date, status_note, status_history), which is
updated after approval by design (`psc tasks done`). Validation checks an approved
meeting against it (`check_approval`); `psc approve` and `psc amend` record it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from psc.errors import Problem
from psc.loading.model import Meeting

_TRACKING = {"status", "status_date", "status_note", "status_history"}


def canonical(meeting: Meeting) -> dict[str, Any]:
    """The meeting's content as plain data, without approval, amendments and task status."""
    exclude: dict[str, Any] = {
        "approved_by": True,
        "amendments": True,
        "tasks": {"__all__": _TRACKING},
    }
    return meeting.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude=exclude)


def fingerprint(meeting: Meeting) -> str:
    """'sha256:' and the first 16 hex digits of the hash of the canonical content."""
    data = json.dumps(canonical(meeting), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def expected_fingerprint(meeting: Meeting) -> tuple[str | None, tuple[Any, ...]]:
    """The fingerprint the content must have, and where it is written in the file."""
    if meeting.amendments:
        return meeting.amendments[-1].fingerprint, (
            "amendments",
            len(meeting.amendments) - 1,
            "fingerprint",
        )
    assert meeting.approved_by is not None
    return meeting.approved_by.fingerprint, ("approved_by", "fingerprint")


def check_approval(meeting: Meeting) -> list[Problem]:
    """An approved meeting's content must match its approval (or its latest amendment)."""
    if meeting.approved_by is None:
        return []
    pos = meeting.source
    expected, loc = expected_fingerprint(meeting)
    if expected is None:
        return [
            pos.problem(
                loc[:-1],
                f"approved minutes carry no fingerprint; record the approval with "
                f"`psc approve {meeting.id} --by NAME` (or the change with `psc amend`)",
            )
        ]
    actual = fingerprint(meeting)
    if actual != expected:
        return [
            pos.problem(
                loc,
                f"the approved minutes have changed (content {actual}, approved {expected}); "
                f"undo the change or record it with `psc amend {meeting.id} --by NAME --reason TEXT`",
            )
        ]
    return []
