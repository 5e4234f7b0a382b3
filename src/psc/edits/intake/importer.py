"""`psc import FILE`: existing minutes → a draft meeting file in `meetings/`.

One road, each step its own module: the source is read into blocks (`sources`), the blocks
are recognised against the group (`recognise`), the meeting is written as YAML (`draft`),
checked through the loading pipeline like every meeting file, and only then written: never
over an existing file unless asked (`force`), together with any bodies registered in
group.yaml (`add_organisations`), under the repository's edit lock.

Minutes approved before psc (the footer names who approved them) are imported as approved,
with the fingerprint of what was imported, so a later edit is caught as for any approval.
Minutes whose text records no approval and does not call itself a draft are published
minutes of an archive: imported with `approval_not_recorded`, so they are not shown as drafts
awaiting approval; `as_draft` (`psc import --draft`) imports them as a draft instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psc.edits.intake.recognise import Draft, Note
from psc.errors import UsageError, display_path
from psc.messages import _

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.fileio import FileWrite


@dataclass
class Imported:
    """What `import_minutes` did: the file, its text, the report, whether it was written."""

    path: Path
    text: str
    notes: list[Note]
    written: bool
    organisations: dict[str, str] = field(default_factory=dict)
    kept_as_text: int = 0
    approved: bool = False
    published: bool = False
    """No approval recorded, not a draft: imported with `approval_not_recorded`."""
    counts: dict[str, int] = field(default_factory=dict)
    """What was recognised: items, decisions, tasks, people (see `_counts`)."""


def import_minutes(
    project: Project,
    source: Path,
    *,
    output: Path | None = None,
    date: dt.date | None = None,
    add_organisations: bool = False,
    force: bool = False,
    dry_run: bool = False,
    number: int | None = None,
    blocks: list[Any] | None = None,
    as_draft: bool = False,
) -> Imported:
    """Import `source` into `project`: into `output` (default meetings/<date>.yaml); with
    `dry_run` nothing is written (the text is returned); `number`: the meeting's number when
    the minutes do not state one; `blocks`: the source as `read_blocks` read it already;
    `as_draft`: a draft even when the text records no approval (see the module's note).
    Raises UsageError, InvalidData."""
    from psc.fileio import FileWrite
    from psc.loading import pipeline

    group_raw = pipeline.read(project.group_path)
    group_text = pipeline.text(group_raw, display_path(project.group_path))
    group = pipeline.load_group(project.group_path, group_text)
    draft = recognised(
        project, source, group, date=date, add_organisations=add_organisations, blocks=blocks
    )
    if number is not None and "number" not in draft.meeting:  # the number goes first
        draft.meeting = {"number": number, **draft.meeting}
    published = _published(draft, as_draft)
    new_group_text = group_text
    if draft.organisations:
        from psc.loading.yamledit import set_mapping

        new_group_text = set_mapping(
            group_text, ("organisations",), dict(draft.organisations.items())
        )
        group = pipeline.load_group(project.group_path, new_group_text)
    day: dt.date = draft.meeting["date"]
    path = project.meetings_dir / f"{day.isoformat()}.yaml"
    # checked as the file it becomes: one in meetings/ must be named by its date
    inside = output is not None and output.resolve().parent == project.meetings_dir.resolve()
    checked_as = output if inside and output else path
    _repoint_assigned(draft.meeting, day.isoformat(), checked_as.stem)
    text, loaded = _checked_text(draft.meeting, source, checked_as, group)
    approved = "approved_by" in draft.meeting or "approved_at" in draft.meeting
    result = Imported(
        path if output is None else output,
        text,
        draft.notes,
        False,
        draft.organisations,
        draft.kept_as_text,
        approved,
        published,
        _counts(loaded),
    )
    if dry_run:
        return result
    group_write = None
    if draft.organisations:  # written only if group.yaml still holds what was read
        group_write = FileWrite(
            project.group_path,
            pipeline.with_bom_of(group_raw, new_group_text),
            unchanged_since=group_raw,
        )
    _write(project, result.path, text, force, group_write)
    result.written = True
    return result


def recognised(
    project: Project,
    source: Path,
    group: Any,
    *,
    date: dt.date | None = None,
    add_organisations: bool = False,
    blocks: list[Any] | None = None,
) -> Draft:
    """The meeting recognised in `source` against `group`, with its date (UsageError when the
    file holds no text or the minutes give no date; InvalidData when it cannot be read);
    `blocks`: the source as `read_blocks` read it already."""
    from psc.edits.intake.recognise import recognise

    if blocks is None:
        blocks = read_blocks(project, source)
    draft = recognise(blocks, group, date=date, add_organisations=add_organisations)
    if not isinstance(draft.meeting.get("date"), dt.date):
        raise UsageError(
            _(
                "{path}: no meeting date found (looked in the header, the title "
                "and the opening lines); give it: psc import FILE --date YYYY-MM-DD",
                path=display_path(source),
            )
        )
    return draft


def read_blocks(project: Project, source: Path) -> list[Any]:
    """The blocks of text of `source` (UsageError when it holds none; InvalidData when it
    cannot be read); read once, recognised as often as the group changes."""
    from psc.edits.intake.reading import read_source

    blocks = read_source(project.check_links(source))
    if not blocks:
        raise UsageError(
            _("{path}: nothing to import (the file holds no text)", path=display_path(source))
        )
    return blocks


def _counts(meeting: Any) -> dict[str, int]:
    """What the import recognised, counted in the validated meeting: its items, decisions,
    tasks and the people of its attendance."""
    from psc.archive.summary import summarize

    summary = summarize(meeting)
    attendees = meeting.attendees
    people = sum(len(getattr(attendees, k)) for k in ("present", "excused", "absent", "guests"))
    people += sum(len(c.people) for c in attendees.categories)
    return {
        "items": len(meeting.items),
        "decisions": len(summary.decisions),
        "tasks": len(summary.tasks),
        "people": people,
    }


def _published(draft: Draft, as_draft: bool) -> bool:
    """Mark `draft` as published minutes whose approval is not recorded, unless they are
    approved, call themselves a draft, or `as_draft`: whether it was marked."""
    meeting = draft.meeting
    if as_draft or draft.marked_draft or "approved_by" in meeting or "approved_at" in meeting:
        return False
    keys = list(meeting)
    at = keys.index("date") + 1 if "date" in keys else len(keys)
    draft.meeting = {
        **{k: meeting[k] for k in keys[:at]},
        "approval_not_recorded": True,
        **{k: meeting[k] for k in keys[at:]},
    }
    draft.notes.append(
        Note(
            "source",
            _(
                "no approval recorded, not called a draft → published minutes "
                "(approval_not_recorded: true); psc import --draft keeps them a draft"
            ),
        )
    )
    return True


def _checked_text(meeting: dict[str, Any], source: Path, path: Path, group: Any) -> tuple[str, Any]:
    """The file's text, validated as `path`, and the meeting loaded from it; each task gets its explicit ID (the one its
    position gives it now), an approval the fingerprint of the import."""
    from psc.edits.intake.draft import meeting_text
    from psc.loading import pipeline
    from psc.loading.fingerprint import approval_date, fingerprint

    comment = (
        _("Imported from {name} by `psc import`: read it against the original.", name=source.name)
        + "\n"
        + _("Whatever psc did not recognise is kept as plain paragraphs where it stood.")
    )
    meeting["tasks"] = [  # written, so a task inserted later above them renames none
        {"id": task.get("id") or f"{path.stem}/{n}", **task}
        for n, task in enumerate(meeting.get("tasks", []), 1)
    ]
    if not meeting["tasks"]:
        del meeting["tasks"]
    text = meeting_text(meeting, comment=comment)
    loaded = pipeline.load_meeting(text, path, group, approval=False)
    approval = next((k for k in ("approved_by", "approved_at") if k in meeting), None)
    if approval is not None:  # by a person or by the body: fingerprinted alike
        meeting[approval]["fingerprint"] = fingerprint(loaded, approval_date(loaded))
        text = meeting_text(meeting, comment=comment)
        loaded = pipeline.load_meeting(text, path, group)
    return text, loaded


def _write(
    project: Project, path: Path, text: str, force: bool, group_write: FileWrite | None
) -> None:
    """Write the meeting file and the group file with its new bodies, both or neither; the
    group first, so that a kill between the two leaves a valid archive (a group with bodies
    no meeting names yet, never a meeting naming bodies the group lacks)."""
    from psc.edits.scaffold import FileExists
    from psc.fileio import FileWrite, write_files

    writes = [] if group_write is None else [group_write]
    writes.append(FileWrite(path, text, exclusive=not force))
    with project.edit_lock():
        project.check_inside(path) if force else project.check_links(path)
        try:
            write_files(writes)
        except FileExistsError:
            raise FileExists(
                _(
                    "{path} exists already; nothing was written "
                    "(use --force to overwrite it, or -o to write elsewhere)",
                    path=display_path(path),
                )
            ) from None


def _repoint_assigned(meeting: dict[str, Any], day: str, meeting_id: str) -> None:
    """Tasks shown where they were assigned (`assigned: <day>/<n>`) name the meeting by the
    file it becomes: a second meeting of a day is `<day>-2`, its tasks `<day>-2/<n>`."""
    if meeting_id == day:
        return
    for part in [*meeting.get("items", []), *meeting.get("sections", [])]:
        for block in part.get("content", []):
            ref = block.get("assigned") if isinstance(block, dict) else None
            if isinstance(ref, str) and ref.startswith(f"{day}/"):
                block["assigned"] = f"{meeting_id}/{ref[len(day) + 1 :]}"
