"""Approval of minutes that cannot be silently broken: `psc approve` records the fingerprint
of the meeting's canonical content (`psc.loading.fingerprint`), `psc amend` the fingerprint
of a change made after approval. Both are minimal edits of the file's text
(`psc.loading.yamledit`), validated through the loading pipeline before they are written.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec

from psc.errors import PscError, UsageError, display_path
from psc.loading.fingerprint import (
    approval_date,
    current_fingerprint,
    expected_fingerprint,
    fingerprint,
)
from psc.messages import _

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.loading.model import Group, Meeting

_P = ParamSpec("_P")

_FINGERPRINT = "sha256:" + "0" * 64
"""Stands for an amendment's fingerprint while its record is written: the fingerprint
covers the record, so it is computed from the edited text and put in its place."""

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
    by: str | None,
    org: str | None = None,
    on: dt.date | None,
    today: dt.date,
    force: bool = False,
    body: bool = False,
    resolution: str | None = None,
    at: str | None = None,
    verifiers: Sequence[str] = (),
) -> str:
    """Record the approval of a meeting, with its fingerprint, as a minimal edit: by a person
    (`by`: `approved_by`) or by the body itself (`body`: `approved_at`, with the approving
    meeting `at` and its `resolution`). `verifiers` who signed the minutes are added to
    `verified_by` first, so the fingerprint covers their signatures. Comments still open
    stop it (PscError, exit 1, naming them); `force` approves anyway and records their IDs
    in the approval's `open_comments`. The date is `on`, else the approving meeting's, else
    `today`."""
    from psc.loading.yamledit import set_mapping

    if (by is None) == (not body):
        raise UsageError(_("give --by NAME (approved by a person) or --by-body (by a resolution)"))
    if not body and (resolution is not None or at is not None):
        raise UsageError(_("--resolution and --at go with --by-body"))
    if body and org is not None:
        raise UsageError(_("--org goes with --by NAME"))
    meeting, group, raw, text, path = _load_for_edit(project, meeting_ref)
    _check_not_approved(meeting)
    if body:
        if meeting.approved_at is not None:  # recorded before: what it says is the default
            resolution = resolution or meeting.approved_at.decision
            at = at or meeting.approved_at.meeting
            on = on or meeting.approved_at.date
        at, on = _approving_meeting(project, meeting, resolution, at, on)
    on = on or today
    if on < meeting.date:
        raise UsageError(
            _(
                "--on {on} is before the meeting ({date})",
                on=on.isoformat(),
                date=meeting.date.isoformat(),
            )
        )
    organisation = None
    if by is not None:
        member = group.person(by)
        organisation = org or (member.organisation if member else None)
        if organisation is not None and organisation not in group.organisations:
            raise UsageError(
                _(
                    "--org {organisation!r} is not in the group's organisations",
                    organisation=organisation,
                )
            )
    open_comments = meeting.open_comments
    if open_comments and not force:
        raise PscError(
            _(
                "{meeting} has open comments ({comments}); settle them with "
                "`psc comments settle`, or approve anyway with --force (recorded)",
                meeting=meeting.id,
                comments=", ".join(open_comments),
            )
        )
    text = _signed(text, meeting, group, verifiers, on)
    key = "approved_at" if body else "approved_by"
    values: dict[str, str | None] = (
        {"meeting": at, "decision": resolution}
        if body
        else {"name": by, "organisation": organisation}
    )
    values = {k: v for k, v in values.items() if v is not None}  # what is not given stays
    values["date"] = on.isoformat()
    if open_comments:
        values["open_comments"] = _OPEN_COMMENTS
    new_text = set_mapping(text, (key,), values)
    if open_comments:
        from psc.loading.yamlfile import scalar

        flow = "[" + ", ".join(scalar(i, flow=True) for i in open_comments) + "]"
        assert new_text.count(_OPEN_COMMENTS) == 1
        new_text = new_text.replace(_OPEN_COMMENTS, flow)
    approved = _reload(project, new_text, path, group)
    digest = fingerprint(approved, on)
    new_text = set_mapping(new_text, (key,), {"fingerprint": digest})
    _write_checked(project, path, raw, new_text, group)
    fields = {"meeting": meeting.id, "date": on.isoformat(), "fingerprint": digest}
    if by is not None:
        done = _("{meeting}: approved by {who} on {date} ({fingerprint})", who=by, **fields)
    else:
        done = _(
            "{meeting}: approved by the body{resolution} on {date} ({fingerprint})",
            resolution=_resolution_words(resolution, at),
            **fields,
        )
    if verifiers:
        done += _("; signed by {names}", names=", ".join(verifiers))
    if open_comments:
        done += _("; comments still open, recorded: {ids}", ids=", ".join(open_comments))
    return done


def _check_not_approved(meeting: Meeting) -> None:
    """Refuse a second approval: a change after approval is an amendment."""
    if meeting.approved_by is not None and meeting.approved_by.fingerprint:
        raise UsageError(
            _(
                "{meeting} is approved already ({name}, {date}); "
                "record later changes with `psc amend`",
                meeting=meeting.id,
                name=meeting.approved_by.name,
                date=meeting.approved_by.date,
            )
        )
    body = meeting.approved_at
    if body is not None and body.fingerprint:
        raise UsageError(
            _(
                "{meeting} is approved already (by the body{resolution}, {date}); "
                "record later changes with `psc amend`",
                meeting=meeting.id,
                resolution=_resolution_words(body.decision, body.meeting),
                date=body.date,
            )
        )


def _resolution_words(resolution: str | None, at: str | None) -> str:
    words = []
    if resolution:
        words.append(_("resolution {id}", id=resolution))
    if at:
        words.append(_("at {meeting}", meeting=at))
    return f" ({' '.join(words)})" if words else ""


def _approving_meeting(
    project: Project,
    meeting: Meeting,
    resolution: str | None,
    at: str | None,
    on: dt.date | None,
) -> tuple[str | None, dt.date | None]:
    """The meeting whose resolution approved `meeting` (found by the resolution's ID when
    `at` is not given), and the date of the approval (`on`, else that meeting's date). The
    approving meeting comes after the approved one; a resolution it names is its own."""
    if resolution is None and at is None:
        raise UsageError(_("--by-body needs --resolution ID or --at MEETING (or both)"))
    from psc.archive.register import decisions

    summaries = project.index().meetings  # refuses (InvalidData) when any file is invalid
    by_id = {m.id: m for m in summaries}
    if resolution is not None:
        found = [m for rid, m, _decision in decisions(summaries) if rid == resolution]
        if found and at is not None and found[0].id != at:
            raise UsageError(
                _(
                    "resolution {id} is a resolution of {meeting}, not of {at}",
                    id=resolution,
                    meeting=found[0].id,
                    at=at,
                )
            )
        if found:
            at = found[0].id
    if at is not None and at in by_id:
        approving = by_id[at]
        if (approving.date, approving.id) <= (meeting.date, meeting.id):
            raise UsageError(
                _(
                    "{at} is not after {meeting}: minutes are approved at a later meeting",
                    at=at,
                    meeting=meeting.id,
                )
            )
        on = on or approving.date
    return at, on


def _signed(
    text: str, meeting: Meeting, group: Group, verifiers: Sequence[str], on: dt.date
) -> str:
    """`text` with the verifiers who signed added to `verified_by` (dated `on`); a name must
    be one of the meeting's designated `verifiers` when it has any; one who signed already
    is not added again."""
    from psc.loading.yamledit import append_to_list

    designated = [p.name for p in meeting.verifiers]
    signed = {p.name for p in meeting.verified_by}
    for name in verifiers:
        if designated and name not in designated:
            raise UsageError(
                _(
                    "{name!r} is not a verifier of {meeting} (verifiers: {verifiers})",
                    name=name,
                    meeting=meeting.id,
                    verifiers=", ".join(designated),
                )
            )
        if name in signed:
            continue
        signed.add(name)
        entry = {"name": name}
        member = group.person(name)
        if member is not None and member.organisation:
            entry["organisation"] = member.organisation
        entry["date"] = on.isoformat()
        text = append_to_list(text, "verified_by", entry)
    return text


def _reload(project: Project, text: str, path: Path, group: Group) -> Meeting:
    """The meeting `text` holds (not yet written), its approval not checked."""
    from psc.edits.taskedit import check_edit

    return check_edit(project, path, text, group, approval=False)


@_serialized
def amend(project: Project, meeting_ref: str, *, by: str, reason: str, on: dt.date) -> str:
    """Record a change to approved minutes: an amendment with the new fingerprint."""
    from psc.loading.yamledit import append_to_list

    meeting, group, raw, text, path = _load_for_edit(project, meeting_ref)
    if meeting.approved_by is None and meeting.approved_at is None:
        raise UsageError(
            _(
                "{meeting} is not approved; edit it freely, and approve it with `psc approve`",
                meeting=meeting.id,
            )
        )
    if meeting.approved_by is None and not meeting.amendments:
        assert meeting.approved_at is not None
        if meeting.approved_at.fingerprint is None:
            raise UsageError(
                _(
                    "the approval of {meeting} by the body carries no fingerprint; record it "
                    "first with `psc approve {meeting} --by-body`",
                    meeting=meeting.id,
                )
            )
    approved_on = approval_date(meeting)
    if approved_on is not None and on < approved_on:
        raise UsageError(
            _(
                "--on {on} is before the approval ({date})",
                on=on.isoformat(),
                date=approved_on.isoformat(),
            )
        )
    expected, _mode = expected_fingerprint(meeting)
    if expected is not None and current_fingerprint(meeting, expected) == expected:
        raise UsageError(
            _(
                "{meeting} has not changed since it was approved; there is nothing to amend",
                meeting=meeting.id,
            )
        )
    entry = {"date": on.isoformat(), "by": by, "reason": reason, "fingerprint": _FINGERPRINT}
    new_text = append_to_list(text, "amendments", entry)
    # the fingerprint covers the amendment's own record (and the statuses until `on`)
    current = fingerprint(_reload(project, new_text, path, group), on)
    assert new_text.count(_FINGERPRINT) == 1
    new_text = new_text.replace(_FINGERPRINT, current)
    _write_checked(project, path, raw, new_text, group)
    return _(
        "{meeting}: amendment recorded ({fingerprint})", meeting=meeting.id, fingerprint=current
    )


def refuse_replacing_approved(path: Path, hint: str) -> None:
    """A command that writes a whole meeting file (`--force`) never replaces approved
    minutes (`approved_by` or `approved_at`): PscError, naming what to do instead. A file
    that cannot be read as YAML holds no approval psc knows of."""
    from psc.errors import InvalidData
    from psc.loading import pipeline

    if not path.is_file():
        return
    shown = display_path(path)
    try:
        data, _positions = pipeline.tree(pipeline.read(path), shown)
    except (InvalidData, OSError):
        return
    if isinstance(data, dict) and (data.get("approved_by") or "approved_at" in data):
        raise PscError(
            _(
                "{path} holds approved minutes; psc does not replace them, so nothing was "
                "written (record a change with `psc amend`, or {hint})",
                path=shown,
                hint=hint,
            )
        )


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
