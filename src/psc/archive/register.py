"""The register of resolutions (evidence usnesení): every decision of the archive with a
stable ID, its status as of a date, and the links between resolutions.

A decision's ID is its `number` in the group's scheme ('3/2022', 'ZM 12/15'), else derived
from its meeting and its order there ('2016-09-07/u1', counting every decision of the
meeting, numbered or not, so the derived IDs never shift when a number is added). Like
`archive.tasks`, everything here is pure: functions take the archive's summaries and the
date they compare with (`as_of`); nothing reads the clock or the disk.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from psc.archive.summary import LINK_KINDS, DecisionSummary, MeetingSummary
from psc.archive.tasks import summaries, track
from psc.errors import did_you_mean, display_path
from psc.messages import _
from psc.terms import TaskStatus

STATUSES = (
    "valid",
    "fulfilled",
    "amended",
    "suspended",
    "superseded",
    "revoked",
    "rejected",
    "noted",
    "withdrawn",
    "postponed",
    "proposed",
    "all",
)
"""What `--status` may choose: the statuses a resolution can have, and all."""

INCOMING = {
    "revokes": "revoked_by",
    "amends": "amended_by",
    "supersedes": "superseded_by",
    "suspends": "suspended_by",
}
"""The name of each link kind seen from its target."""


@dataclass(slots=True)
class RegisterEvent:
    """One entry of a resolution's history: adopted (or its outcome), acted on by a later
    resolution (`kind` one of INCOMING's values, `by` its ID), or fulfilled."""

    date: dt.date
    kind: str
    by: str | None = None


@dataclass
class Resolution:
    """A decision of the archive as it stood on a date: its status and its links both ways."""

    id: str
    decision: DecisionSummary
    meeting: MeetingSummary
    index: int
    status: str = "valid"
    status_by: list[str] = field(default_factory=list)
    """The resolutions that gave it its status (which revoked, superseded, suspended it…)."""
    status_date: dt.date | None = None
    incoming: dict[str, list[str]] = field(default_factory=dict)
    """Later resolutions acting on this one, by INCOMING's values (only kinds present)."""
    history: list[RegisterEvent] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)
    """The tasks it imposes (IDs)."""

    @property
    def adopted(self) -> bool:
        return adopted(self.decision)

    @property
    def text(self) -> str:
        return self.decision.decision or self.decision.proposal or ""

    @property
    def links(self) -> dict[str, list[str]]:
        """Its links both ways: revokes, amends, supersedes, suspends, revoked_by, …"""
        out = {k: list(self.decision.links.get(k, [])) for k in LINK_KINDS}
        out.update({k: list(self.incoming.get(k, [])) for k in INCOMING.values()})
        return out


def adopted(decision: DecisionSummary) -> bool:
    """Adopted: so recorded, or a decision's text given without an outcome."""
    return decision.outcome == "adopted" or (decision.outcome is None and bool(decision.decision))


def fold(text: str) -> str:
    """`text` without case and diacritics, for matching what a person types ('usneseni')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def decisions(meetings: Iterable[MeetingSummary]) -> Iterable[tuple[str, MeetingSummary, int]]:
    """(ID, meeting, index) of every decision, in the order of `meetings`."""
    for meeting in meetings:
        for index in range(len(meeting.decisions)):
            yield meeting.decision_id(index), meeting, index


# ---------------------------------------------------------------------- the register


def register(
    meetings: Iterable[Any],
    as_of: dt.date | None = None,
    *,
    task_states: Callable[[set[str]], Mapping[str, Any]] | None = None,
) -> dict[str, Resolution]:
    """Every resolution of the archive by ID, oldest first, with its status.

    `as_of`: the archive as it stood on that date: decisions of meetings held after it do not
    exist yet, nor do their links, a `fulfilled` date after it, or task statuses after it.
    None: everything. Assumes a checked archive (`check_decisions`); a link to an unknown ID
    is ignored. `task_states`: the tasks of the given IDs as `track(meetings, as_of)` has
    them (the index database answers it); None: tracked from `meetings`."""
    schedule = summaries(meetings)
    held = schedule if as_of is None else [m for m in schedule if m.date <= as_of]
    found: dict[str, Resolution] = {}
    for rid, meeting, index in decisions(held):
        if rid not in found:
            decision = meeting.decisions[index]
            found[rid] = Resolution(rid, decision, meeting, index, tasks=list(decision.imposes))
    for res in found.values():  # a later resolution acting on an earlier one
        if not res.adopted:
            continue
        for kind, targets in res.decision.links.items():
            for target in targets:
                if target in found and target != res.id:
                    found[target].incoming.setdefault(INCOMING[kind], []).append(res.id)
    imposed = {t for r in found.values() for t in r.tasks}
    tracked: Mapping[str, Any] = {}
    if imposed:
        tracked = track(schedule, as_of) if task_states is None else task_states(imposed)
    for res in found.values():
        _settle(res, found, tracked, as_of)
    return found


def _settle(
    res: Resolution, found: dict[str, Resolution], tracked: Mapping[str, Any], as_of: dt.date | None
) -> None:
    """The status and history of `res` from its outcome and the resolutions acting on it."""
    day = res.meeting.date
    outcome = res.decision.outcome
    if not res.adopted:
        res.status = outcome or "proposed"
        res.status_date = day
        res.history = [RegisterEvent(day, res.status)]
        return
    res.history = [RegisterEvent(day, "adopted")]
    for kind, ids in res.incoming.items():
        for rid in ids:
            res.history.append(RegisterEvent(found[rid].meeting.date, kind, rid))
    fulfilled = res.decision.fulfilled
    if fulfilled is not None and as_of is not None and fulfilled > as_of:
        fulfilled = None
    if fulfilled is None and res.tasks:
        imposed = [tracked.get(t) for t in res.tasks]
        if all(t is not None and t.status == TaskStatus.done for t in imposed):
            fulfilled = max((t.status_date or t.meeting.date) for t in imposed if t is not None)
    if fulfilled is not None:
        res.history.append(RegisterEvent(fulfilled, "fulfilled"))
    res.history.sort(key=lambda e: (e.date, e.kind != "adopted"))
    for kind, status in (
        ("revoked_by", "revoked"),
        ("superseded_by", "superseded"),
        ("suspended_by", "suspended"),
    ):
        ids = res.incoming.get(kind, [])
        if kind == "suspended_by":  # a suspension lasts while the suspending one is in force
            ids = [i for i in ids if not _ended(found[i])]
        if ids:
            res.status, res.status_by = status, list(ids)
            res.status_date = max(found[i].meeting.date for i in ids)
            return
    if fulfilled is not None:
        res.status, res.status_date = "fulfilled", fulfilled
        return
    if res.incoming.get("amended_by"):
        ids = res.incoming["amended_by"]
        res.status, res.status_by = "amended", list(ids)
        res.status_date = max(found[i].meeting.date for i in ids)
        return
    res.status, res.status_date = "valid", day


def _ended(res: Resolution) -> bool:
    """A resolution no longer in force: revoked or superseded by a later one."""
    return bool(res.incoming.get("revoked_by") or res.incoming.get("superseded_by"))


# ---------------------------------------------------------------------- checks


@dataclass(frozen=True)
class DecisionProblem:
    """A problem `check_decisions` found: in which meeting, at which path of its data (such
    as `("items", 2, "content", 1, "revokes", 0)`), and what. The archive layer gives it its
    line and column."""

    meeting: MeetingSummary
    loc: tuple[Any, ...]
    message: str


def check_decisions(meetings: Iterable[Any], *, complete: bool = True) -> list[DecisionProblem]:
    """Archive-wide checks of the register: resolution IDs unique; each link names a known
    resolution that came before and closes no cycle; `imposes` names tasks of the same
    meeting. Not `complete` (some files could not be read): an unknown target is not
    reported, since it may be in one of those files."""
    meetings = summaries(meetings)
    found: list[DecisionProblem] = []
    seen: dict[str, tuple[MeetingSummary, int]] = {}
    for rid, meeting, index in decisions(meetings):
        decision = meeting.decisions[index]
        if rid in seen:
            other, other_index = seen[rid]
            part, i, _content, j = other.decisions[other_index].loc
            where = f"{part}[{i}].content[{j}]"
            loc = decision.loc + (("number",) if decision.number else ())
            found.append(
                DecisionProblem(
                    meeting,
                    loc,
                    _(
                        "resolution ID '{id}' is already used in {path} ({where})",
                        id=rid,
                        path=display_path(other.path),
                        where=where,
                    ),
                )
            )
            continue
        seen[rid] = (meeting, index)
    order = {rid: (m.date, m.id, i) for rid, (m, i) in seen.items()}
    graph = {
        rid: [t for targets in m.decisions[i].links.values() for t in targets]
        for rid, (m, i) in seen.items()
    }
    for rid, (meeting, index) in seen.items():
        decision = meeting.decisions[index]
        for kind, targets in decision.links.items():
            for k, target in enumerate(targets):
                loc = (*decision.loc, kind, k)
                if target not in seen:
                    if complete:
                        message = _("unknown resolution '{id}'", id=target) + did_you_mean(
                            target, list(seen)
                        )
                        found.append(DecisionProblem(meeting, loc, message))
                    continue
                cycle = _path(graph, target, rid)
                if cycle is not None:
                    found.append(
                        DecisionProblem(
                            meeting,
                            loc,
                            _("a cycle of links: {cycle}", cycle=" → ".join([rid, *cycle])),
                        )
                    )
                elif order[target] >= order[rid]:
                    found.append(
                        DecisionProblem(
                            meeting,
                            loc,
                            _(
                                "resolution '{id}' ({meeting}) is not earlier than this one; "
                                "a resolution {kind} only earlier ones",
                                id=target,
                                meeting=seen[target][0].id,
                                kind=kind,
                            ),
                        )
                    )
        tasks = {meeting.task_id(i) for i in range(len(meeting.tasks))}
        for k, task in enumerate(decision.imposes):
            if task not in tasks:
                found.append(
                    DecisionProblem(
                        meeting,
                        (*decision.loc, "imposes", k),
                        _(
                            "task '{id}' is not a task of this meeting ({meeting})",
                            id=task,
                            meeting=meeting.id,
                        )
                        + did_you_mean(task, sorted(tasks)),
                    )
                )
    return found


def _path(graph: dict[str, list[str]], start: str, goal: str) -> list[str] | None:
    """The IDs from `start` to `goal` along links (both included), or None."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    visited: set[str] = set()
    while stack:
        node, path = stack.pop()
        if node == goal:
            return path
        if node in visited:
            continue
        visited.add(node)
        stack.extend((t, [*path, t]) for t in graph.get(node, []) if t not in visited)
    return None


# ---------------------------------------------------------------------- selection


@dataclass(frozen=True)
class Selection:
    """Which resolutions a register report shows."""

    status: str = "all"
    meeting: str | None = None
    owners: tuple[str, ...] = ()
    text: str | None = None


def select(
    resolutions: Iterable[Resolution], how: Selection, tracked: dict[str, Any] | None = None
) -> list[Resolution]:
    """The resolutions matching `how`, oldest first. `owners`: resolutions imposing a task
    on one of them (`tracked`: the tasks by ID, for their owners)."""
    from psc.terms import nfc

    owners = {nfc(o).casefold() for o in how.owners}
    needle = fold(how.text) if how.text else None
    chosen = []
    for res in resolutions:
        if how.status != "all" and res.status != how.status:
            continue
        if how.meeting is not None and res.meeting.id != how.meeting:
            continue
        if owners:
            names = {
                nfc(o).casefold()
                for t in res.tasks
                if tracked and t in tracked
                for o in tracked[t].owners
            }
            if not owners & names:
                continue
        if needle is not None:
            d = res.decision
            haystack = " ".join(x for x in (res.id, d.decision, d.proposal, d.label, d.item) if x)
            if needle not in fold(haystack):
                continue
        chosen.append(res)
    return chosen


def imposed_by(resolutions: Iterable[Resolution], task_id: str) -> list[str]:
    """The IDs of the resolutions imposing task `task_id`."""
    return [r.id for r in resolutions if task_id in r.tasks]
