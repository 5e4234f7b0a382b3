"""`psc decisions`: the register of resolutions as a report (table, md, html, json, csv), and
one resolution with its history (`psc decisions show`).

The JSON keys are a stable interface (documented in docs/reference/commands.md): id, number, meeting, date,
per_rollam, item, text, proposal, outcome, votes, status, status_by, status_date, links
{revokes, amends, supersedes, suspends, revoked_by, amended_by, superseded_by,
suspended_by}, tasks; where recorded, outcome_text, proposed_by, seconded_by and candidates
[{name, gender, votes, count, elected}]. CSV has the columns of the first list, lists joined with '; '.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from psc.errors import MeetingNotFound, UsageError, check_language, did_you_mean
from psc.language.table import Table
from psc.messages import _

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.archive.register import Resolution, Selection
    from psc.archive.taskindex import TaskIndex
    from psc.language.wording import Wording

LINK_KEYS = (
    "revokes",
    "amends",
    "supersedes",
    "suspends",
    "revoked_by",
    "amended_by",
    "superseded_by",
    "suspended_by",
)
CSV_COLUMNS = (
    "id",
    "number",
    "meeting",
    "date",
    "per_rollam",
    "item",
    "text",
    "outcome",
    "votes",
    "status",
    "status_by",
    "status_date",
    *LINK_KEYS,
    "tasks",
)


def record(res: Resolution) -> dict[str, Any]:
    """One resolution as a record (the JSON object of the report)."""
    d = res.decision
    votes: dict[str, Any] | None = None
    if d.votes or d.votes_text or d.unanimous:
        votes = dict(d.votes)
        if d.votes_text:
            votes["text"] = d.votes_text
        if d.unanimous:
            votes["unanimous"] = True
    return {
        "id": res.id,
        "number": d.number,
        "meeting": res.meeting.id,
        "date": res.meeting.date.isoformat(),
        "per_rollam": res.meeting.per_rollam,
        "item": d.item,
        "text": res.text,
        "proposal": d.proposal,
        "outcome": d.outcome or ("adopted" if res.adopted else None),
        "votes": votes,
        "status": res.status,
        "status_by": list(res.status_by),
        "status_date": res.status_date.isoformat() if res.status_date else None,
        "links": res.links,
        "tasks": list(res.tasks),
        **_worded(d),
    }


def _worded(d: Any) -> dict[str, Any]:
    """The keys a resolution has only where the minutes record them: its outcome as worded
    (`outcome_text`), mover and seconder (`proposed_by`, `seconded_by`), an election's
    `candidates` ({name, gender, votes, count, elected})."""
    extra: dict[str, Any] = {}
    if d.outcome_text:
        extra["outcome_text"] = d.outcome_text
    if d.proposed_by:
        extra["proposed_by"] = d.proposed_by
    if d.seconded_by:
        extra["seconded_by"] = d.seconded_by
    if d.candidates:
        extra["candidates"] = [dict(c) for c in d.candidates]
    return extra


def status_words(rec: dict[str, Any], labels: dict[str, str]) -> str:
    """'zrušeno (5/2022)': the status in the report's language, with the resolutions behind it."""
    word = labels["reg_status_" + rec["status"]]
    return f"{word} ({', '.join(rec['status_by'])})" if rec["status_by"] else word


def votes_words(votes: dict[str, Any] | None, words: dict[str, str] | None = None) -> str:
    """'for=5; against=0', '5:0:1' or '21 : 0 : 0' as written, or '' (for the CSV cell):
    the keys in `words` (publish.reports.csv_words) when given."""
    if not votes:
        return ""
    if "text" in votes:
        return str(votes["text"])
    words = words or {}
    counts = [
        f"{words.get(k, k)}={votes[k]}"
        for k in ("for", "against", "abstained", "absent", "not_voting")
        if k in votes
    ]
    if votes.get("unanimous"):
        counts.insert(0, words.get("unanimous", "unanimous"))
    return "; ".join(counts)


def _votes_in_words(votes: dict[str, Any] | None, wording: Wording) -> str:
    """'jednomyslně, pro 6, proti 0' in the report's language, or the vote as written."""
    if not votes:
        return ""
    if "text" in votes:
        return str(votes["text"])
    parts = [wording.labels["unanimous"]] if votes.get("unanimous") else []
    parts += [
        wording.label(f"vote_{k}", count=votes[k])
        for k in ("for", "against", "abstained", "absent", "not_voting")
        if k in votes
    ]
    return ", ".join(parts)


def to_csv(records: list[dict[str, Any]], dialect: str = "standard") -> str:
    """The records as CSV (publish.reports.write_csv): lists joined with '; '."""
    from psc.publish.reports import csv_words, word, write_csv

    words = csv_words()

    def row(rec: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in rec.items() if k not in ("links", "proposal")}
        out.update({k: "; ".join(v) for k, v in rec["links"].items()})
        out["status_by"] = "; ".join(rec["status_by"])
        out["tasks"] = "; ".join(rec["tasks"])
        out["votes"] = votes_words(rec["votes"], words)
        out["per_rollam"] = words["yes" if rec["per_rollam"] else "no"]
        out["outcome"] = word(words, rec["outcome"])
        out["status"] = word(words, rec["status"])
        return out

    return write_csv(CSV_COLUMNS, (row(rec) for rec in records), dialect)


@dataclass
class RegisterReport:
    """The report: text (md, html, json, csv) or a table for the terminal."""

    text: str | None
    table: Table | None
    count: int
    records: list[dict[str, Any]] = field(default_factory=list)


FORMATS = ("table", "md", "html", "json", "csv")


def list_decisions(
    project: Project,
    selection: Selection,
    *,
    as_of: dt.date,
    fmt: str = "table",
    lang: str | None = None,
    csv_dialect: str = "standard",
) -> RegisterReport:
    """The resolutions `selection` chooses, as the archive stood on `as_of`, in `fmt`."""
    from psc.archive.queries import check_owners, responsible_of
    from psc.archive.register import STATUSES, register, select
    from psc.archive.taskindex import answer
    from psc.archive.tasks import track
    from psc.publish.reports import CSV_DIALECTS, to_json

    if fmt not in FORMATS:
        raise UsageError(
            _("unknown format {fmt!r}; choose {choices}", fmt=fmt, choices=", ".join(FORMATS))
        )
    if selection.status not in STATUSES:
        raise UsageError(
            _(
                "unknown status {status!r}; choose {choices}",
                status=selection.status,
                choices=", ".join(STATUSES),
            )
        )
    if csv_dialect not in CSV_DIALECTS:
        raise UsageError(
            _(
                "unknown CSV dialect {dialect!r}; choose {choices}",
                dialect=csv_dialect,
                choices=_(" or ").join(CSV_DIALECTS),
            )
        )
    check_language(lang)

    def from_index(db: TaskIndex) -> tuple[list[Resolution], dict[str, Any]]:
        if selection.meeting is not None and not db.has_meeting(selection.meeting):
            raise MeetingNotFound(_("no meeting {meeting!r}", meeting=selection.meeting))
        meetings = db.decision_meetings()  # the register needs no other
        found = register(meetings, as_of, task_states=lambda ids: db.tasks_named(ids, as_of))
        return select(found.values(), selection, None), db.group_info

    answered = (
        answer(project, from_index)
        if not selection.owners  # --owner needs every task
        else None
    )
    if answered is not None:  # answered by the index database
        chosen, info = answered
    else:
        index = project.report_index()
        meetings, info = index.meetings, index.group_info
        if selection.meeting is not None:
            index.meeting(selection.meeting)  # an unknown meeting is an error, not an empty list
        check_owners(project, info, selection.owners, responsible_of(meetings))
        tracked = track(meetings, as_of=as_of) if selection.owners else None
        chosen = select(register(meetings, as_of).values(), selection, tracked)
    records = [record(r) for r in chosen]
    if fmt == "json":
        return RegisterReport(to_json(records), None, len(records), records)
    if fmt == "csv":
        return RegisterReport(to_csv(records, csv_dialect), None, len(records), records)
    wording: Wording
    if fmt in ("md", "html"):
        from psc.publish.render import Renderer

        wording = Renderer(project.load_group(), [project.templates_dir], lang)
    else:
        from psc.language.wording import Wording

        wording = Wording.of_group(info, lang)
    labels = wording.labels
    title = wording.label("register_title", date=wording.short_date(as_of))
    if fmt == "table":
        from psc.language.mdtext import plain_text

        columns = [
            labels["col_id"],
            labels["date"],
            labels["col_resolution"],
            labels["col_status"],
            labels["col_tasks"],
        ]
        rows: list[list[Any]] = [
            [
                r["id"],
                r["meeting"],
                plain_text(r["text"], repeat=False),  # the Markdown as it reads
                status_words(r, labels),
                ", ".join(r["tasks"]),
            ]
            for r in records
        ]
        table = Table(
            title,
            columns,
            rows,
            highlight=[False] * len(rows),
            optional=[4, 1],
            left_out=labels["table_left_out"],
        )
        return RegisterReport(None, table, len(records), records)
    from psc.publish.render import Renderer

    assert isinstance(wording, Renderer)
    for r in records:
        r["status_text"] = status_words(r, labels)
    text = wording.render_template(
        f"reports/decisions.{fmt}.j2", fmt, title=title, as_of=as_of, records=records
    )
    for r in records:
        del r["status_text"]
    return RegisterReport(text, None, len(records), records)


def find(
    resolutions: dict[str, Resolution], rid: str, meetings: list[Any], as_of: dt.date
) -> Resolution:
    """The resolution `rid`, or a usage error saying why there is none as of `as_of`."""
    if rid in resolutions:
        return resolutions[rid]
    later = next(
        (
            m
            for m in meetings
            if m.date > as_of and any(m.decision_id(i) == rid for i in range(len(m.decisions)))
        ),
        None,
    )
    if later is not None:
        raise UsageError(
            _(
                "resolution {resolution!r} is taken at {meeting}, after the as-of date "
                "{date}; give a later --as-of",
                resolution=rid,
                meeting=later.id,
                date=as_of.isoformat(),
            )
        )
    raise UsageError(
        _("unknown resolution {resolution!r}", resolution=rid)
        + did_you_mean(rid, list(resolutions))
    )


def show_decision(
    project: Project, rid: str, *, as_of: dt.date, lang: str | None = None
) -> list[str]:
    """A resolution with its text, proposal, votes, outcome, status and history, its links
    both ways and the tasks it imposes, as lines of text."""
    from psc.archive.register import register
    from psc.archive.tasks import track

    check_language(lang)
    index = project.report_index()
    resolutions = register(index.meetings, as_of)
    res = find(resolutions, rid, index.meetings, as_of)
    rec = record(res)
    wording = index.wording(lang)
    lab = wording.labels
    d = res.decision
    lines = [f"{res.id}: {res.text}"]
    if d.proposal and d.decision:
        lines.append(f"  {lab['proposal']}: {d.proposal}")
    where = f"{res.meeting.id}" + (f", {d.item}" if d.item else "")
    if res.meeting.per_rollam:
        where += f" ({lab['reg_per_rollam']})"
    lines.append(f"  {lab['diff_meeting']}: {where}")
    if rec["outcome"]:
        lines.append(f"  {lab['col_outcome']}: {lab['outcome_' + rec['outcome']]}")
    votes = _votes_in_words(rec["votes"], wording)
    if votes:
        lines.append(f"  {lab['col_votes']}: {votes}")
    if d.roll_call:
        lines.append(
            "    " + ", ".join(f"{n}: {lab.get('roll_call_' + v, v)}" for n, v in d.roll_call)
        )
    lines.append(f"  {lab['col_status']}: {status_words(rec, lab)}")
    for key in LINK_KEYS:
        if rec["links"][key]:
            lines.append(f"  {lab['reg_' + key]}: {', '.join(rec['links'][key])}")
    if res.tasks:
        tracked = track(index.meetings, as_of=as_of)
        lines.append(f"  {lab['reg_imposes']}:")
        for tid in res.tasks:
            t = tracked.get(tid)
            state = f" ({lab['status_' + t.status.value]})" if t is not None else ""
            text = t.task.text if t is not None else ""
            lines.append(f"    {tid}: {text}{state}")
    lines.append("")
    lines.append(f"  {lab['reg_history']}:")
    for event in res.history:
        if event.kind == "adopted":
            what = wording.label("reg_adopted", meeting=res.meeting.id)
        elif event.kind == "fulfilled":
            what = lab["reg_fulfilled"]
        elif event.by is None:
            outcome = lab["reg_status_" + event.kind]
            what = wording.label("reg_outcome_at", outcome=outcome, meeting=res.meeting.id)
        else:
            what = f"{lab['reg_' + event.kind]} {event.by}"
        lines.append(f"  {event.date.isoformat()}  {what}")
    return lines
