"""Comments (připomínky) and objections (námitky) to the draft minutes, recorded in the
meeting file: `psc comments add` appends one to `comments`, `psc comments settle` records
how it was settled (accepted, or rejected with the reason), `psc comments` lists them.
Both edits are minimal edits of the file's text (`psc.loading.yamledit`), made under the
repository's edit lock and validated through the loading pipeline before they are written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from psc.edits.approval import _load_for_edit, _serialized, _write_checked
from psc.errors import InvalidData, UsageError, display_path
from psc.messages import _, p_

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.loading.model import Meeting


def _check_draft(meeting: Meeting, what: str) -> None:
    """Comments belong to the draft: approved minutes' content (comments included) is
    fixed by their fingerprint. `what` is the edit, in the language of the messages."""
    if meeting.approved_by is not None and meeting.approved_by.fingerprint:
        raise UsageError(
            _(
                "{meeting} is approved already; {what} would change the approved content "
                "(edit the file and record the change with `psc amend`)",
                meeting=meeting.id,
                what=what,
            )
        )


@_serialized
def add_comment(
    project: Project,
    meeting_ref: str,
    *,
    by: str,
    text: str,
    objection: bool = False,
    refers_to: str | None = None,
    on: dt.date,
) -> str:
    """Append an open comment (or objection) to the meeting's `comments`; its ID is its
    ordinal, or the next free number when an explicit ID already takes that one."""
    from psc.loading.yamledit import append_to_list

    meeting, group, raw, content, path = _load_for_edit(project, meeting_ref)
    _check_draft(meeting, _("a new comment"))
    if on < meeting.date:
        raise UsageError(
            _(
                "--on {on} is before the meeting ({date})",
                on=on.isoformat(),
                date=meeting.date.isoformat(),
            )
        )
    taken = {meeting.comment_id(i) for i in range(len(meeting.comments))}
    ordinal = str(len(meeting.comments) + 1)
    entry: dict[str, str] = {}
    comment_id = ordinal
    if ordinal in taken:
        n = len(meeting.comments) + 1
        while str(n) in taken:
            n += 1
        comment_id = entry["id"] = str(n)
    if objection:
        entry["kind"] = "objection"
    entry.update(by=by, date=on.isoformat(), text=text)
    if refers_to:
        entry["refers_to"] = refers_to
    new_text = append_to_list(content, "comments", entry)
    _write_checked(project, path, raw, new_text, group)
    if objection:
        return _("{meeting}: objection {id} recorded (open)", meeting=meeting.id, id=comment_id)
    return _("{meeting}: comment {id} recorded (open)", meeting=meeting.id, id=comment_id)


@_serialized
def settle_comment(
    project: Project,
    meeting_ref: str,
    comment_id: str,
    *,
    accepted: bool,
    note: str | None = None,
    on: dt.date,
) -> str:
    """Record how comment `comment_id` was settled: accepted (the minutes were changed, the
    note says how) or rejected (the note gives the reason, which is required)."""
    meeting, group, raw, content, path = _load_for_edit(project, meeting_ref)
    _check_draft(meeting, _("settling a comment"))
    ids = [meeting.comment_id(i) for i in range(len(meeting.comments))]
    if comment_id not in ids:
        known = ", ".join(ids) if ids else _("none")
        raise UsageError(
            _(
                "{meeting} has no comment {id!r} (comments: {known})",
                meeting=meeting.id,
                id=comment_id,
                known=known,
            )
        )
    index = ids.index(comment_id)
    comment = meeting.comments[index]
    if comment.status != "open":
        raise UsageError(
            _(
                "comment {id} of {meeting} is settled already ({status}{settled})",
                id=comment_id,
                meeting=meeting.id,
                status=p_("comment", "accepted")
                if comment.status == "accepted"
                else p_("comment", "rejected"),
                settled=", " + comment.settled.isoformat() if comment.settled else "",
            )
        )
    if not accepted and not note:
        raise UsageError(_("--rejected needs the reason: give it with --note"))
    if on < comment.date:
        raise UsageError(
            _(
                "--on {on} is before the comment was received ({date})",
                on=on.isoformat(),
                date=comment.date.isoformat(),
            )
        )
    status = "accepted" if accepted else "rejected"
    values: dict[str, str | None] = {"status": status, "settled": on.isoformat()}
    if note:
        values["settlement"] = note
    new_text = _set_item_fields(content, "comments", index, values)
    _write_checked(project, path, raw, new_text, group)
    if accepted:
        return _(
            "{meeting}: comment {id} accepted on {date}",
            meeting=meeting.id,
            id=comment_id,
            date=on.isoformat(),
        )
    return _(
        "{meeting}: comment {id} rejected on {date}",
        meeting=meeting.id,
        id=comment_id,
        date=on.isoformat(),
    )


def _set_item_fields(text: str, key: str, index: int, values: dict[str, str | None]) -> str:
    """`text` with the keys of item `index` of the top-level list `key` set in place or
    added at the item's end (as `yamledit.set_fields` does for tasks)."""
    import yaml

    from psc.loading import yamledit
    from psc.loading.yamlfile import compose

    def item(text: str) -> yaml.MappingNode:
        root = compose(text)
        found = yamledit._get(root, key) if isinstance(root, yaml.MappingNode) else None
        if found is None or not isinstance(found[1], yaml.SequenceNode):
            raise yamledit.EditError(_("the file has no list '{key}'", key=key))
        node = found[1].value[index] if index < len(found[1].value) else None
        if not isinstance(node, yaml.MappingNode):
            raise yamledit.EditError(
                _("item {n} of '{key}' is not a mapping; edit it by hand", n=index + 1, key=key)
            )
        return node

    def edit(text: str, newline: str) -> str:
        present = {k.value for k, _v in item(text).value if isinstance(k, yaml.ScalarNode)}
        here = {k: v for k, v in values.items() if k in present}
        text = yamledit._apply(text, yamledit._mapping_edits(text, item(text), here, newline))
        missing = {k: v for k, v in values.items() if k not in present and v is not None}
        if missing:
            text = yamledit._apply(
                text, yamledit._mapping_edits(text, item(text), missing, newline)
            )
        return text

    return yamledit._in_style(text, edit)


# ---------------------------------------------------------------------- listing


@dataclass
class CommentRow:
    """One comment as `psc comments` lists it."""

    meeting: str
    id: str
    kind: str
    by: str
    date: dt.date
    refers_to: str | None
    text: str
    status: str
    settled: dt.date | None
    settlement: str | None

    def as_json(self) -> dict[str, object]:
        return {
            "meeting": self.meeting,
            "id": self.id,
            "kind": self.kind,
            "by": self.by,
            "date": self.date.isoformat(),
            "refers_to": self.refers_to,
            "text": self.text,
            "status": self.status,
            "settled": self.settled.isoformat() if self.settled else None,
            "settlement": self.settlement,
        }


@dataclass
class CommentList:
    """The comments listed, and the meeting files left out as invalid (notes for stderr)."""

    rows: list[CommentRow]
    notes: list[str]


def list_comments(
    project: Project, meeting_ref: str | None = None, *, settled: bool = False
) -> CommentList:
    """The open comments of one meeting (or of every meeting); with `settled`, all of them.
    Over the whole archive an invalid meeting file is left out with a note; a named one
    that is invalid is an error."""
    group = project.load_group()
    paths = [project.meeting_path(meeting_ref)] if meeting_ref else project.meeting_paths()
    rows: list[CommentRow] = []
    notes: list[str] = []
    for path in paths:
        try:
            meeting = project.load_meeting(path, group)
        except InvalidData:
            if meeting_ref:
                raise
            notes.append(
                _(
                    "warning: skipped {path}: invalid (psc validate lists its problems)",
                    path=display_path(path),
                )
            )
            continue
        for i, c in enumerate(meeting.comments):
            if c.status != "open" and not settled:
                continue
            rows.append(
                CommentRow(
                    meeting=meeting.id,
                    id=meeting.comment_id(i),
                    kind=c.kind,
                    by=c.by,
                    date=c.date,
                    refers_to=c.refers_to,
                    text=c.text,
                    status=c.status,
                    settled=c.settled,
                    settlement=c.settlement,
                )
            )
    return CommentList(rows, notes)
