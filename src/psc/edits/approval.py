"""Approval of minutes that cannot be silently broken: `psc approve` records the fingerprint
of the meeting's canonical content (`psc.loading.fingerprint`), `psc amend` the fingerprint
of a change made after approval. Both are minimal edits of the file's text
(`psc.loading.yamledit`), validated through the loading pipeline before they are written.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec

from psc.errors import PscError, UsageError, display_path
from psc.loading.fingerprint import expected_fingerprint, fingerprint

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.loading.model import Group, Meeting

_P = ParamSpec("_P")

_OPEN_COMMENTS = "psc-open-comments-placeholder"
"""Stands for the list of open comment IDs while `approved_by` is written (yamledit sets
text values); replaced by their flow list in the same edit."""


def _serialized(
    edit: Callable[Concatenate[Project, _P], str],
) -> Callable[Concatenate[Project, _P], str]:
    """Run an edit of a meeting file under the repository's edit lock, so that reading the
    file, checking the edit and writing it are one step no other psc edit can come between."""

    @functools.wraps(edit)
    def locked(project: Project, *args: _P.args, **kwargs: _P.kwargs) -> str:
        with project.edit_lock():
            return edit(project, *args, **kwargs)

    return locked


@_serialized
def approve(
    project: Project,
    meeting_ref: str,
    *,
    by: str,
    org: str | None,
    on: dt.date,
    force: bool = False,
) -> str:
    """Record the approval of a meeting, with its fingerprint, as a minimal edit. Comments
    still open stop it (PscError, exit 1, naming them); `force` approves anyway and records
    their IDs in `approved_by.open_comments`."""
    from psc.loading.yamledit import set_mapping

    meeting, group, raw, text, path = _load_for_edit(project, meeting_ref)
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
    open_comments = meeting.open_comments
    if open_comments and not force:
        raise PscError(
            f"{meeting.id} has open comments ({', '.join(open_comments)}); settle them with "
            "`psc comments settle`, or approve anyway with --force (recorded)"
        )
    values: dict[str, str | None] = {"name": by}
    if organisation:
        values["organisation"] = organisation
    values["date"] = on.isoformat()
    values["fingerprint"] = fingerprint(meeting)
    if open_comments:
        values["open_comments"] = _OPEN_COMMENTS
    new_text = set_mapping(text, ("approved_by",), values)
    if open_comments:
        from psc.loading.yamlfile import scalar

        flow = "[" + ", ".join(scalar(i, flow=True) for i in open_comments) + "]"
        assert new_text.count(_OPEN_COMMENTS) == 1
        new_text = new_text.replace(_OPEN_COMMENTS, flow)
    _write_checked(project, path, raw, new_text, group)
    done = f"{meeting.id}: approved by {by} on {on.isoformat()} ({values['fingerprint']})"
    if open_comments:
        done += f"; comments still open, recorded: {', '.join(open_comments)}"
    return done


@_serialized
def amend(project: Project, meeting_ref: str, *, by: str, reason: str, on: dt.date) -> str:
    """Record a change to approved minutes: an amendment with the new fingerprint."""
    from psc.loading.yamledit import append_to_list

    meeting, group, raw, text, path = _load_for_edit(project, meeting_ref)
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
    entry = {"date": on.isoformat(), "by": by, "reason": reason, "fingerprint": current}
    new_text = append_to_list(text, "amendments", entry)
    _write_checked(project, path, raw, new_text, group)
    return f"{meeting.id}: amendment recorded ({current})"


def _load_for_edit(project: Project, ref: str) -> tuple[Meeting, Group, bytes, str, Path]:
    """The meeting, the group, the exact bytes the edit starts from (read under the edit
    lock: `_serialized`) and their text; a symlinked file must lead to a file inside the
    repository. The approval itself is not checked: it is what these edits record."""
    from psc.loading import pipeline

    path = project.meeting_path(ref)
    project.check_inside(path)
    group = project.load_group()
    raw = pipeline.read(path)
    text = pipeline.text(raw, display_path(path))
    meeting = pipeline.load_meeting(text, path, group, approval=False)
    return meeting, group, raw, text, path


def _write_checked(project: Project, path: Path, raw: bytes, new: str, group: Group) -> None:
    from psc.edits.taskedit import check_edit
    from psc.fileio import write_text_atomic
    from psc.loading.pipeline import with_bom_of

    check_edit(project, path, new, group)
    write_text_atomic(path, with_bom_of(raw, new), unchanged_since=raw)
