"""Semantic diff of two versions of a meeting: what changed in the minutes' own terms.

Versions are compared as data (so re-indenting or re-quoting is no change), and every
value is shown as the minutes word it (Czech dates, 'do další PS (15. 11. 2016)').
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from psc.loading.model import (
    AssignedTask,
    Decision,
    Heading,
    ListBlock,
    Meeting,
    Paragraph,
    ProgrammeBlock,
    ShownPart,
    Statement,
    TaskReview,
    block_kind,
)


@dataclass(frozen=True)
class Change:
    """One change: where (a part of the minutes), which field, old and new value as text."""

    where: str
    field: str
    old: str | None
    new: str | None

    @property
    def kind(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed"


def words(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level diff: [('=', text), ('-', deleted), ('+', inserted)], whitespace kept."""
    a, b = re.findall(r"\s+|[^\s]+", old), re.findall(r"\s+|[^\s]+", new)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out


def _moved_id(old: Meeting, new: Meeting, index: int) -> str:
    """The ID task `index` of `old` has in `new`'s meeting: an explicit ID stays, a derived
    one ('<meeting>/<n>') follows the meeting's ID (its date)."""
    return old.tasks[index].id or f"{new.id}/{index + 1}"


COMPARED = frozenset(
    "number title date start end place chair minute_taker verifiers attendees programme "
    "programme_note attachments pages items sections next_meetings tasks recorded_by "
    "approved_by verified_by signed_by approved_at amendments".split()
    + ["chair_function", "roles"]  # header rows, as `Renderer.designated` words them
)
"""The meeting's fields `Differ.diff` compares in the minutes' words; any other (a field
added to the model later, per rollam votes, comments, circulations) is compared as data."""


def _leaves(value: Any, path: str = "") -> dict[str, Any]:
    """The values of a model dump by their dotted paths ('attendees.quorum.present')."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(_leaves(item, f"{path}.{key}" if path else str(key)))
        return out
    if isinstance(value, list) and value:
        out = {}
        for index, item in enumerate(value):
            out.update(_leaves(item, f"{path}.{index + 1}"))
        return out
    return {path: value}


def _as_text(value: Any) -> str | None:
    if value is None or value == [] or value == {}:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def unlisted(old: Meeting, new: Meeting, *, everything: bool) -> list[Change]:
    """Differences of the data the minutes' words do not show, by their paths in the file
    ('per_rollam.votes.2.vote: for → against'): of the fields not in COMPARED, or of every
    field (`everything`: the words found no change, yet the data differ), so that no change
    of a file is ever reported as none."""
    fields = None if everything else set(Meeting.model_fields) - COMPARED
    a = _leaves(old.model_dump(mode="json", by_alias=True, include=fields))
    b = _leaves(new.model_dump(mode="json", by_alias=True, include=fields))
    changes = []
    for path in list(a) + [p for p in b if p not in a]:
        before, after = _as_text(a.get(path)), _as_text(b.get(path))
        if before != after:
            changes.append(Change(path, "", before, after))
    return changes


class Differ:
    """Compares meetings with the words of one renderer (labels, dates)."""

    def __init__(self, renderer: Any):
        self.r = renderer
        self.labels = renderer.labels

    # ------------------------------------------------------------------ values as text

    def _date(self, day: Any) -> str:
        return self.r.short_date(day) if day else ""

    def _person(self, person: Any) -> str:
        if person is None:
            return ""
        text = self.r.person(person)
        return f"{text}, {self._date(person.date)}" if getattr(person, "date", None) else text

    def _blocks(self, content: list[Any]) -> list[str]:
        """The content of an item or section as texts to compare: one per block, one per
        point of a list or a programme (a changed point is one change, not the whole list)."""
        out: list[str] = []
        for block in content:
            kind = block_kind(block)
            words_of = self._BLOCK_TEXTS.get(kind or "")
            if words_of is None:  # a kind of the model this table does not know yet
                raise TypeError(f"no diff text for the content block kind {kind!r}")
            out += words_of(self, block)
        return out

    def _paragraph(self, block: Paragraph) -> list[str]:
        return [block.text]

    def _heading(self, block: Heading) -> list[str]:
        return [f"**{block.heading}**"]

    def _statement(self, block: Statement) -> list[str]:
        return [block.text]

    def _decision(self, block: Decision) -> list[str]:
        texts = []
        if block.proposal:
            proposal = self.labels["proposal"]
            texts.append(f"{proposal}: {block.proposal}" if proposal else block.proposal)
        if block.decision or not texts:
            heading = self.r.decision_heading(block)
            text = block.decision or ""
            texts.append(f"{heading} {text}".strip() if heading else text)
        worded = bool(block.outcome_text)  # the minutes' own words replace vote and outcome
        record = self.r.vote_record(block) if not worded else ""
        outcome = (
            f" – {self.labels['outcome_' + block.outcome]}" if block.outcome and not worded else ""
        )
        texts[-1] += (f" {record}" if record else "") + outcome
        texts += [self.r.candidate_result(c) for c in block.candidates]
        if movers := self.r.moved(block):
            texts.append(movers)
        if block.outcome_text:
            texts.append(block.outcome_text)
        if block.roll_call:
            texts.append(self.r.roll_call(block))
        return texts

    def _review(self, block: TaskReview) -> list[str]:
        parts = [self.r.label("review", id=block.task)]
        if block.status:
            parts.append(self.labels["status_" + block.status.value])
        if block.deadline:
            parts.append(
                f"{self.labels['new_deadline']} {self.r.deadline_words(block.deadline, None, unresolved='')}"
            )
        if block.note:
            parts.append(block.note)
        return [": ".join(parts[:2]) + "".join(f"; {p}" for p in parts[2:])]

    def _list(self, block: ListBlock) -> list[str]:
        if block.ordered:
            return [f"{n}. {point}" for n, point in enumerate(block.items, 1)]
        return [f"• {point}" for point in block.items]

    def _programme(self, block: ProgrammeBlock) -> list[str]:
        return [f"{self.labels['programme']}: {p}" for p in self._programme_points(block.programme)]

    def _programme_points(self, programme: list[Any]) -> list[str]:
        """'1. Zahájení – Předkládá: J. Novák (15 min.)', one per point of a programme."""
        texts = []
        for n, point in enumerate(programme, 1):
            presenters = self.r.presented(point.presenters, point.duration)
            texts.append(f"{n}. {point.title}" + (f" – {presenters}" if presenters else ""))
            if point.note:
                texts[-1] += f" – {point.note}"
        return texts

    def _assigned(self, block: AssignedTask) -> list[str]:
        return [self.r.label("diff_task", id=block.assigned)]

    def _shown(self, block: ShownPart) -> list[str]:
        """Where the attendance, roles or quorum are shown: the part's name, as the file has it."""
        return [f"[{part}]" for part in block.show]

    _BLOCK_TEXTS: dict[str, Callable[[Differ, Any], list[str]]] = {
        "paragraph": _paragraph,
        "heading": _heading,
        "statement": _statement,
        "decision": _decision,
        "review": _review,
        "list": _list,
        "programme": _programme,
        "assigned": _assigned,
        "shown": _shown,
    }
    """The texts of each kind of content block (`loading.model.BLOCK_MODELS`), by kind."""

    def _attendees(self, m: Meeting) -> str:
        parts = [m.attendees.note] if m.attendees.note else []
        for category in ("present", "excused", "absent", "guests"):
            people = getattr(m.attendees, category)
            if people:
                parts.append(
                    f"{self.labels[category]}: " + ", ".join(self.r.person(p) for p in people)
                )
        parts += [self.r.category(c) for c in m.attendees.categories]
        if m.attendees.quorum and self.r.quorum(m.attendees.quorum):
            parts.append(self.r.quorum(m.attendees.quorum))
        return "; ".join(parts)

    def _signed(self, who: Any) -> str:
        text = self.r.person(who) + (f", {who.role}" if who.role else "")
        return text + (f", {self._date(who.date)}" if who.date else "")

    def _body_approval(self, m: Meeting) -> str:
        if m.approved_at is None:
            return ""
        return m.approved_at.note or self.r.body_approval(m.approved_at)

    def _next_meetings(self, m: Meeting) -> str:
        out = []
        for n in m.next_meetings:
            text = self._date(n.date)
            if n.time:
                text += f" {n.time:%H:%M}"
            if n.place:
                text += f", {n.place}"
            if n.tentative:
                text += " (?)"
            out.append(text)
        return "; ".join(out)

    def _task(self, meeting: Meeting, index: int) -> dict[str, str]:
        t = meeting.tasks[index]
        status = self.labels["status_" + t.status.value]
        if t.status_date:
            status += f" {self._date(t.status_date)}"
        if t.status_note:
            status += f": {t.status_note}"
        return {
            "field_text": t.text,
            "field_responsible": t.responsible_text or ", ".join(t.responsible),
            "field_deadline": self.r.deadline_words(
                t.deadline, self.r.next_meeting_date(meeting), unresolved=""
            ),
            "field_contact": t.contact or "",
            "field_status": status,
        }

    def _signer_field(self, key: str, people: list[Any]) -> str:
        """The field of a signature ('recorded_by', 'approved_by', 'verified_by') for
        `people`: the verb in their gender where the group file knows it for every one
        ('schválil', 'schválila'), else a wording without gender ('schváleno'); a group's
        own label for the field is kept as it is."""
        from psc.language.labels import LABELS
        from psc.messages import in_language

        field = self.labels[f"field_{key}"]
        defaults = LABELS.get(self.r.language, {})
        if field != defaults.get(f"field_{key}", field):
            return field  # the group words the field itself
        genders = {self.r.gender(p) for p in people if p is not None}
        if len(genders) == 1 and None not in genders:
            verb = self.labels[f"{key}_{genders.pop()}"]
            return verb[:1].lower() + verb[1:]
        neutral = {
            "recorded_by": in_language(self.r.language, "recorded by"),
            "approved_by": in_language(self.r.language, "approved by"),
            "verified_by": in_language(self.r.language, "verified by"),
        }
        return neutral[key]

    # ------------------------------------------------------------------ comparison

    def diff(self, old: Meeting | None, new: Meeting | None) -> list[Change]:
        """Every change from `old` to `new` (None: the meeting did not exist)."""
        lab = self.labels
        if old is None or new is None:
            m = new or old
            assert m is not None
            return [
                Change(
                    lab["diff_meeting"],
                    "",
                    None if old is None else m.title,
                    None if new is None else m.title,
                )
            ]
        changes: list[Change] = []

        def field(where: str, name: str, a: str, b: str) -> None:
            if a != b:
                changes.append(Change(where, name, a or None, b or None))

        head = lab["diff_header"]
        field(head, lab["field_number"], str(old.number or ""), str(new.number or ""))
        field(head, lab["name"], old.title, new.title)
        field(head, lab["date"], self.r.long_date(old.date), self.r.long_date(new.date))
        field(
            head,
            lab["field_start"],
            f"{old.start:%H:%M}" if old.start else "",
            f"{new.start:%H:%M}" if new.start else "",
        )
        field(
            head,
            lab["field_end"],
            f"{old.end:%H:%M}" if old.end else "",
            f"{new.end:%H:%M}" if new.end else "",
        )
        field(head, lab["place"], old.place or "", new.place or "")
        field(head, lab["attendees"], self._attendees(old), self._attendees(new))
        self._lists(
            changes,
            head,
            "",
            [f"{word}: {who}" for word, who in self.r.designated(old)],
            [f"{word}: {who}" for word, who in self.r.designated(new)],
        )
        self._lists(changes, head, lab["attachments"], old.attachments, new.attachments)
        field(head, lab["pages"], str(old.pages or ""), str(new.pages or ""))
        programme = lab["programme"]
        self._lists(
            changes,
            programme,
            "",
            self._programme_points(old.programme),
            self._programme_points(new.programme),
        )
        field(programme, "", old.programme_note or "", new.programme_note or "")

        def item_key(index: int, item: Any) -> tuple[int, Any]:
            # numbered items pair by number; unnumbered ones ('Zahájení', 'Různé') by title,
            # text without a heading by its place
            if item.number is not None:
                return (0, item.number)
            return (1, item.title) if item.title else (2, index)

        old_items = {item_key(n, i): i for n, i in enumerate(old.items)}
        new_items = {item_key(n, i): i for n, i in enumerate(new.items)}
        for ident in sorted(
            set(old_items) | set(new_items), key=lambda k: (k[0], str(k[1]).zfill(6))
        ):
            a, b = old_items.get(ident), new_items.get(ident)
            title = (b or a).title or ""  # type: ignore[union-attr]
            where = self.r.label("item", number=ident[1], title=title) if ident[0] == 0 else title
            where = where or self.r.label("item_unnumbered", title=f"#{ident[1] + 1}")
            if a is None or b is None:
                changes.append(
                    Change(
                        where, "", None if a is None else a.title, None if b is None else b.title
                    )
                )
                continue
            field(where, lab["field_title"], a.title or "", b.title or "")
            if a.label != b.label:
                field(where, "", self.r.item_heading(a), self.r.item_heading(b))
            field(where, lab["field_presenters"], ", ".join(a.presenters), ", ".join(b.presenters))
            field(where, "", self.r.presented([], a.duration), self.r.presented([], b.duration))
            self._lists(
                changes,
                where,
                "",
                self._blocks(a.content),
                self._blocks(b.content),
            )

        for i in range(max(len(old.sections), len(new.sections))):
            sa = old.sections[i] if i < len(old.sections) else None
            sb = new.sections[i] if i < len(new.sections) else None
            where = (sb or sa).title  # type: ignore[union-attr]
            if sa is None or sb is None:
                changes.append(
                    Change(
                        where,
                        "",
                        None if sa is None else sa.title,
                        None if sb is None else sb.title,
                    )
                )
                continue
            field(where, lab["field_title"], sa.title, sb.title)
            self._lists(
                changes,
                where,
                "",
                self._blocks(sa.content),
                self._blocks(sb.content),
            )

        field(lab["next_meetings_title"], "", self._next_meetings(old), self._next_meetings(new))

        # a task's derived ID ('<meeting>/<n>') changes with the meeting's date: an old task
        # is compared with the new one under the ID it has now, and the change of ID is shown
        old_ids = {_moved_id(old, new, i): old.task_id(i) for i in range(len(old.tasks))}
        old_tasks = {tid: i for i, tid in enumerate(old_ids)}
        new_tasks = {new.task_id(i): i for i in range(len(new.tasks))}
        for tid in list(old_tasks) + [t for t in new_tasks if t not in old_tasks]:
            where = self.r.label("diff_task", id=tid)
            if tid in old_tasks and tid in new_tasks and old_ids[tid] != tid:
                changes.append(Change(where, lab["col_id"], old_ids[tid], tid))
            if tid not in new_tasks or tid not in old_tasks:
                text = (
                    (old if tid not in new_tasks else new)
                    .tasks[(old_tasks if tid not in new_tasks else new_tasks)[tid]]
                    .text
                )
                changes.append(
                    Change(
                        where,
                        "",
                        text if tid not in new_tasks else None,
                        text if tid in new_tasks else None,
                    )
                )
                continue
            a_fields, b_fields = self._task(old, old_tasks[tid]), self._task(new, new_tasks[tid])
            for key in a_fields:
                field(where, lab[key], a_fields[key], b_fields[key])

        foot = lab["diff_footer"]
        field(
            foot,
            self._signer_field("recorded_by", [old.recorded_by, new.recorded_by]),
            self._person(old.recorded_by),
            self._person(new.recorded_by),
        )
        field(
            foot,
            self._signer_field("approved_by", [old.approved_by, new.approved_by]),
            self._person(old.approved_by),
            self._person(new.approved_by),
        )
        self._lists(
            changes,
            foot,
            self._signer_field("verified_by", [*old.verified_by, *new.verified_by]),
            [self._person(p) for p in old.verified_by],
            [self._person(p) for p in new.verified_by],
        )
        self._lists(
            changes,
            foot,
            "",
            [self._signed(p) for p in old.signed_by],
            [self._signed(p) for p in new.signed_by],
        )
        field(foot, "", self._body_approval(old), self._body_approval(new))
        self._lists(
            changes,
            foot,
            lab["amendments"],
            [f"{self._date(a.date)}, {a.by}: {a.reason}" for a in old.amendments],
            [f"{self._date(a.date)}, {a.by}: {a.reason}" for a in new.amendments],
        )
        if not changes or any(name not in COMPARED for name in Meeting.model_fields):
            changes += unlisted(old, new, everything=not changes)
        return changes

    @staticmethod
    def _lists(
        changes: list[Change], where: str, name: str, old: list[str], new: list[str]
    ) -> None:
        """Changes between two lists of texts: replaced entries paired, the rest added/removed."""
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
            for k in range(pairs):
                changes.append(Change(where, name, old[i1 + k], new[j1 + k]))
            for text in old[i1 + pairs : i2]:
                changes.append(Change(where, name, text, None))
            for text in new[j1 + pairs : j2]:
                changes.append(Change(where, name, None, text))
