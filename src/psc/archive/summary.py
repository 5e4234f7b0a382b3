"""What reports need of a meeting, as small plain objects (no pydantic), cacheable as JSON.

`summarize` turns a validated Meeting into a MeetingSummary; the cache stores summaries,
so `psc tasks` and `psc list` answer from it without parsing YAML or importing pydantic.
Positions are not kept (they cost memory at 10,000 meetings): a problem found in summaries
carries the path of its value (`ReviewSummary.loc`), and the archive layer positions it
through the loading pipeline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypeVar

from psc.terms import Deadline, TaskStatus

FORMAT = 9
"""Version of the summaries' JSON form and of what makes a file valid (part of the cache key:
7, the fingerprint covers statuses held at approval, comment IDs unique; 8, a decision's
verbatim outcome, mover, seconder and candidates, tasks without a deadline; 9, published minutes
whose approval is not recorded, a meeting's last day)."""


@dataclass(slots=True)
class NextDate:
    date: dt.date
    tentative: bool = False


@dataclass(slots=True)
class TaskSummary:
    id: str | None
    text: str
    responsible: list[str]
    responsible_text: str | None
    deadline: Deadline
    contact: str | None
    status: TaskStatus
    status_date: dt.date | None
    status_note: str | None
    status_history: list[tuple[TaskStatus, dt.date | None, str | None]] = field(
        default_factory=list
    )
    """Earlier statuses, oldest first: (status, date, note)."""


@dataclass(slots=True)
class ReviewSummary:
    task: str
    status: TaskStatus | None
    deadline: Deadline | None
    note: str | None
    loc: tuple[Any, ...]
    """Where the review's `task` key is in the file (for messages)."""
    text: str | None = None
    """The reviewed task's own text, for a task older than the archive (not tracked)."""


VOTE_KEYS = ("for", "against", "abstained", "absent", "not_voting")
"""The vote counts a decision may record, in the order reports give them."""

LINK_KINDS = ("revokes", "amends", "supersedes", "suspends")
"""How a resolution may act on earlier ones (its fields of the same names)."""


@dataclass(slots=True)
class DecisionSummary:
    """A decision (resolution) of the meeting, for the register of resolutions."""

    number: str | None
    label: str | None
    decision: str | None
    proposal: str | None
    outcome: str | None
    votes: dict[str, int]
    """The counts recorded, by VOTE_KEYS (only those given)."""
    votes_text: str | None
    unanimous: bool
    roll_call: list[tuple[str, str]]
    links: dict[str, list[str]]
    """IDs of earlier resolutions by LINK_KINDS (only kinds given)."""
    imposes: list[str]
    fulfilled: dt.date | None
    loc: tuple[Any, ...]
    """Where the decision is in the file: ("items"|"sections", i, "content", j)."""
    item: str | None
    """The title of its agenda item or section."""
    item_number: int | None
    outcome_text: str | None = None
    """The outcome as the minutes word it."""
    proposed_by: str | None = None
    seconded_by: str | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)
    """An election's result per candidate: name, and votes, count, elected where recorded."""


@dataclass(slots=True)
class MeetingSummary:
    id: str
    path: str
    date: dt.date
    number: int | None
    title: str
    approved: bool
    next_meetings: list[NextDate] = field(default_factory=list)
    tasks: list[TaskSummary] = field(default_factory=list)
    reviews: list[ReviewSummary] = field(default_factory=list)
    decisions: list[DecisionSummary] = field(default_factory=list)
    per_rollam: bool = False
    """The file records a vote by correspondence (its decisions were taken then)."""
    published: bool = False
    """Published minutes whose approval the text does not record (`approval_not_recorded`):
    not approved here, and not a draft either."""
    end_date: dt.date | None = None
    """The last day of a meeting held over several days."""

    def decision_id(self, index: int) -> str:
        """The register ID of the decision at `index`: its number, or '<meeting>/u<n>'."""
        return self.decisions[index].number or f"{self.id}/u{index + 1}"

    def task_id(self, index: int) -> str:
        """The ID of the task at `index`: explicit, or '<meeting>/<n>'."""
        return self.tasks[index].id or f"{self.id}/{index + 1}"


def summarize(meeting: Any) -> MeetingSummary:
    """The summary of a validated meeting model."""
    from psc.loading.model import Decision, TaskReview

    reviews = []
    decisions = []
    for i, item in enumerate(meeting.items):
        for j, block in enumerate(item.content):
            if block.__class__ is Decision:
                decisions.append(_decision(block, ("items", i, "content", j), item))
            elif block.__class__ is TaskReview:
                reviews.append(
                    ReviewSummary(
                        block.task,
                        block.status,
                        block.deadline,
                        block.note,
                        ("items", i, "content", j, "task"),
                        block.text,
                    )
                )
    return MeetingSummary(
        id=meeting.id,
        path=str(meeting.path) if meeting.path is not None else "",
        date=meeting.date,
        number=meeting.number,
        title=meeting.title,
        approved=meeting.approved_by is not None or meeting.approved_at is not None,
        published=not meeting.draft and meeting.approved_by is None and meeting.approved_at is None,
        end_date=meeting.end_date,
        next_meetings=[NextDate(n.date, n.tentative) for n in meeting.next_meetings],
        tasks=[
            TaskSummary(
                t.id,
                t.text,
                list(t.responsible),
                t.responsible_text,
                t.deadline,
                t.contact,
                t.status,
                t.status_date,
                t.status_note,
                [(h.status, h.date, h.note) for h in t.status_history],
            )
            for t in meeting.tasks
        ],
        reviews=reviews,
        decisions=decisions
        + [
            _decision(block, ("sections", i, "content", j), section)
            for i, section in enumerate(meeting.sections)
            for j, block in enumerate(section.content)
            if block.__class__ is Decision
        ],
        per_rollam=meeting.per_rollam is not None,
    )


def _decision(block: Any, loc: tuple[Any, ...], item: Any) -> DecisionSummary:
    votes = {}
    if block.votes is not None:
        counts = block.votes.model_dump(by_alias=True)
        votes = {k: counts[k] for k in VOTE_KEYS if counts.get(k) is not None}
    return DecisionSummary(
        number=block.number,
        label=block.label,
        decision=block.decision,
        proposal=block.proposal,
        outcome=block.outcome,
        votes=votes,
        votes_text=block.votes_text,
        unanimous=block.unanimous,
        roll_call=[(v.name, v.vote) for v in block.roll_call],
        links={k: list(getattr(block, k)) for k in LINK_KINDS if getattr(block, k)},
        imposes=list(block.imposes),
        fulfilled=block.fulfilled,
        loc=loc,
        item=item.title,
        item_number=getattr(item, "number", None),
        outcome_text=block.outcome_text,
        proposed_by=block.proposed_by.name if block.proposed_by else None,
        seconded_by=block.seconded_by.name if block.seconded_by else None,
        candidates=[_candidate(c) for c in block.candidates],
    )


def _candidate(candidate: Any) -> dict[str, Any]:
    """{'name', 'gender', 'votes', 'count', 'elected'}: the name and what was recorded."""
    record: dict[str, Any] = {"name": candidate.name}
    if candidate.gender is not None:  # the verb agrees: 'zvolena'
        record["gender"] = candidate.gender.value
    if candidate.votes is not None:
        counts = candidate.votes.model_dump(by_alias=True)
        record["votes"] = {k: counts[k] for k in VOTE_KEYS if counts.get(k) is not None}
    if candidate.count is not None:
        record["count"] = candidate.count
    if candidate.elected is not None:
        record["elected"] = candidate.elected
    return record


# ---------------------------------------------------------------------- JSON form


_STATUS = {s.value: s for s in TaskStatus}
_DAY: dict[str, dt.date] = {}


def _deadline(value: Deadline | None) -> list[Any] | None:
    if value is None:
        return None
    day = value.date.isoformat() if value.date else None
    return [value.kind, day] if value.text is None else [value.kind, day, value.text]


def _from_deadline(value: list[Any] | None) -> Deadline | None:
    if value is None:
        return None
    kind, day, *words = value
    if kind not in ("date", "ongoing", "next_meeting", "words", "none"):
        raise ValueError(f"bad deadline kind {kind!r}")
    return Deadline(kind, _day(day), str(words[0]) if words else None)


def _d(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> dt.date | None:
    """A date from ISO text; the few distinct dates of an archive are parsed once."""
    if not text:
        return None
    day = _DAY.get(text)
    if day is None:
        day = _DAY[text] = dt.date.fromisoformat(text)
    return day


_T = TypeVar("_T")


def _required(value: _T | None) -> _T:
    """`value`, which the JSON form must hold (a malformed cache entry is dropped)."""
    if value is None:
        raise ValueError("a required value is missing")
    return value


def to_json(s: MeetingSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "path": s.path,
        "date": s.date.isoformat(),
        "number": s.number,
        "title": s.title,
        "approved": s.approved,
        "published": s.published,
        "end_date": None if s.end_date is None else s.end_date.isoformat(),
        "next": [[n.date.isoformat(), n.tentative] for n in s.next_meetings],
        "tasks": [
            [
                t.id,
                t.text,
                t.responsible,
                t.responsible_text,
                _deadline(t.deadline),
                t.contact,
                t.status.value,
                _d(t.status_date),
                t.status_note,
                [[h[0].value, _d(h[1]), h[2]] for h in t.status_history],
            ]
            for t in s.tasks
        ],
        "reviews": [
            [
                r.task,
                r.status.value if r.status else None,
                _deadline(r.deadline),
                r.note,
                list(r.loc),
                r.text,
            ]
            for r in s.reviews
        ],
        "decisions": [
            [
                d.number,
                d.label,
                d.decision,
                d.proposal,
                d.outcome,
                d.votes,
                d.votes_text,
                d.unanimous,
                [list(v) for v in d.roll_call],
                d.links,
                d.imposes,
                _d(d.fulfilled),
                list(d.loc),
                d.item,
                d.item_number,
                d.outcome_text,
                d.proposed_by,
                d.seconded_by,
                d.candidates,
            ]
            for d in s.decisions
        ],
        "per_rollam": s.per_rollam,
    }


def from_json(d: dict[str, Any]) -> MeetingSummary:
    """A summary from its JSON form; raises KeyError, TypeError or ValueError when malformed."""
    return MeetingSummary(
        id=d["id"],
        path=d["path"],
        date=_required(_day(d["date"])),
        number=None if d["number"] is None else int(d["number"]),
        title=d["title"],
        approved=bool(d["approved"]),
        published=bool(d["published"]),
        end_date=_day(d["end_date"]),
        next_meetings=[
            NextDate(_required(_day(day)), bool(tentative)) for day, tentative in d["next"]
        ],
        tasks=[
            TaskSummary(
                tid,
                text,
                list(resp),
                resp_text,
                _required(_from_deadline(deadline)),
                contact,
                _STATUS[status],
                _day(status_date),
                note,
                [(_STATUS[h_status], _day(h_date), h_note) for h_status, h_date, h_note in history],
            )
            for tid, text, resp, resp_text, deadline, contact, status, status_date, note, history in d[
                "tasks"
            ]
        ],
        reviews=[
            ReviewSummary(
                task,
                _STATUS[status] if status else None,
                _from_deadline(deadline),
                note,
                tuple(loc),
                text,
            )
            for task, status, deadline, note, loc, text in d["reviews"]
        ],
        decisions=[
            DecisionSummary(
                number,
                label,
                decision,
                proposal,
                outcome,
                {str(k): int(v) for k, v in votes.items()},
                votes_text,
                bool(unanimous),
                [(str(name), str(vote)) for name, vote in roll_call],
                {str(k): [str(t) for t in v] for k, v in links.items()},
                [str(t) for t in imposes],
                _day(fulfilled),
                tuple(loc),
                item,
                None if item_number is None else int(item_number),
                outcome_text,
                proposed_by,
                seconded_by,
                [dict(c) for c in candidates],
            )
            for (
                number,
                label,
                decision,
                proposal,
                outcome,
                votes,
                votes_text,
                unanimous,
                roll_call,
                links,
                imposes,
                fulfilled,
                loc,
                item,
                item_number,
                outcome_text,
                proposed_by,
                seconded_by,
                candidates,
            ) in d["decisions"]
        ],
        per_rollam=bool(d["per_rollam"]),
    )
