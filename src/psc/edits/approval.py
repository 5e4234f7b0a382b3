"""Approval of minutes that cannot be silently broken: fingerprints of canonical content.

The fingerprint hashes the meeting's data, not its text, so re-indenting or re-quoting
does not count as a change. It leaves out the approval and amendments themselves and the
tracking of task status (status, status_date, status_note, status_history), which is
updated after approval by design (`psc tasks done`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from psc.errors import Problem, UsageError, display_path
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


def _serialized(edit: Callable[..., str]) -> Callable[..., str]:
    """Run an edit of a meeting file under the repository's edit lock, so that reading the
    file, checking the edit and writing it are one step no other psc edit can come between."""

    @functools.wraps(edit)
    def locked(project: Any, *args: Any, **kwargs: Any) -> str:
        from psc.fileio import edit_lock

        with edit_lock(project.root):
            return edit(project, *args, **kwargs)

    return locked


@_serialized
def approve(project: Any, meeting_ref: str, *, by: str, org: str | None, on: dt.date) -> str:
    """Record the approval of a meeting, with its fingerprint, as a minimal edit."""
    meeting, group, raw, path = _load_for_edit(project, meeting_ref)
    text = yamlfile_text(raw, path)
    if meeting.approved_by is not None and meeting.approved_by.fingerprint:
        raise UsageError(
            f"{meeting.id} is approved already ({meeting.approved_by.name}, "
            f"{meeting.approved_by.date}); record later changes with `psc amend`"
        )
    if on < meeting.date:
        raise UsageError(
            f"--on {on.isoformat()} is before the meeting ({meeting.date.isoformat()})"
        )
    member = group.person(by)
    organisation = org or (member.organisation if member else None)
    if organisation is not None and organisation not in group.organisations:
        raise UsageError(f"--org {organisation!r} is not in the group's organisations")
    values: dict[str, str | None] = {"name": by}
    if organisation:
        values["organisation"] = organisation
    values["date"] = on.isoformat()
    values["fingerprint"] = fingerprint(meeting)
    from psc.edits.taskedit import set_mapping

    new_text = set_mapping(text, ("approved_by",), values)
    _write_checked(project, path, raw, new_text, group)
    return f"{meeting.id}: approved by {by} on {on.isoformat()} ({values['fingerprint']})"


@_serialized
def amend(project: Any, meeting_ref: str, *, by: str, reason: str, on: dt.date) -> str:
    """Record a change to approved minutes: an amendment with the new fingerprint."""
    meeting, group, raw, path = _load_for_edit(project, meeting_ref)
    text = yamlfile_text(raw, path)
    if meeting.approved_by is None:
        raise UsageError(
            f"{meeting.id} is not approved; edit it freely, and approve it with `psc approve`"
        )
    current = fingerprint(meeting)
    expected, _ = expected_fingerprint(meeting)
    if current == expected:
        raise UsageError(
            f"{meeting.id} has not changed since it was approved; there is nothing to amend"
        )
    from psc.edits.taskedit import append_to_list

    entry = {"date": on.isoformat(), "by": by, "reason": reason, "fingerprint": current}
    new_text = append_to_list(text, "amendments", entry)
    _write_checked(project, path, raw, new_text, group)
    return f"{meeting.id}: amendment recorded ({current})"


def yamlfile_text(raw: bytes, path: Path) -> str:
    from psc.loading.yamlfile import decode

    return decode(raw, display_path(path))


def _load_for_edit(project: Any, ref: str) -> tuple[Meeting, Any, bytes, Path]:
    """The meeting, the group, and the exact bytes the edit starts from (read under the edit
    lock: `_serialized`); a symlinked file must lead to a file inside the repository."""
    from psc.errors import InvalidData
    from psc.loading import validate, yamlfile

    path = project.meeting_path(ref)
    project.check_inside(path)
    group = project.load_group()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {display_path(path)}: {exc.strerror}") from None
    data, pos = yamlfile.loads(yamlfile.decode(raw, display_path(path)), display_path(path))
    meeting = validate.parse_meeting(data, pos, path)
    problems = validate.check_meeting(meeting, path, group, approval=False)  # what they record
    if problems:
        raise InvalidData(problems)
    return meeting, group, raw, path


def _write_checked(project: Any, path: Path, raw: bytes, new: str, group: Any) -> None:
    from psc.edits.taskedit import check_edit
    from psc.fileio import write_text_atomic

    check_edit(project, path, new, group)
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    write_text_atomic(path, bom + new, unchanged_since=raw)
