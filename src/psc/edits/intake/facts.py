"""A meeting reduced to its facts, and how many of one meeting's facts another reproduces.

An import is measured against a careful hand transcription of the same minutes: not by its
text (kept whole either way) but by the structure psc can use, the facts of these kinds:

- item: an agenda item's number and title (a title the minutes do not give: any, `Title`);
- programme: a programme entry's title (the meeting's programme and any inside an item);
- decision: a decision's number, outcome, votes (for, against, abstained, unanimous) and its
  words (the resolution as the register shows it: `Wording`);
- attendance: a person of the attendance and the kind of their category (present, excused,
  absent, guests, or the category's own label);
- role: chair, minute taker, verifier, and who recorded, verified, approved or signed; the
  members of other roles (tellers, commissions: by their kind, else their label);
- statement: a statement's speaker and text;
- task: a task's text and deadline (a date, its words, or none);
- review: a review's task, status and new deadline.

Each fact is a tuple of normalised fields (Unicode NFC, whitespace, case, dashes); a name is
compared by its words, titles aside ('prof. MUDr. P. Strejc, DrSc.' is 'P. Strejc'; a name
whose words hold the other's, or their initials, matches it). Pure: nothing is read or written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from psc.loading.model import AgendaItem, Meeting, Person

KINDS = ("item", "programme", "decision", "attendance", "role", "statement", "task", "review")
"""The kinds of fact, in the order they are reported."""

_TITLES = frozenset(
    "bc bca ing arch mgr mga judr mudr mvdr phdr rndr paeddr thdr pharmdr rsdr doc prof dr "
    "phd ph csc drsc dis mba llm msc bsc ma ba dipl mr mrs ms miss cllr councillor sir".split()
)
"""Academic titles, post-nominals and forms of address: not words of a name."""

_KINDS_OF_CATEGORY = (  # first match wins: 'nepřítomni', 'dále přítomni' before 'přítomni'
    ("absent", ("nepřítom", "nezúčastn", "neomluv", "absent", "not present", "nicht anwesend")),
    ("excused", ("omluv", "apolog", "excused")),
    (
        "guests",
        (
            "dále přítom",
            "host",
            "přizv",
            "guest",
            "in attendance",
            "also present",
            "also attend",  # 'also attending', '… also attended'
            "gäste",  # German (intake/german.py): 'Gäste'
        ),
    ),
    # 'Anwesende Mitglieder'; 'zúčastněni' (those who took part)
    ("present", ("přítom", "present", "attend", "účast", "zúčastn", "anwesend")),
)


_ORDINAL = re.compile(r"\b(?P<n>\d{1,3}) (?P<suffix>st|nd|rd|th)\b")


def ordinals_joined(text: str) -> str:
    """`text` (case folded) with a number and its own ordinal suffix set apart joined: the
    suffix set as a superscript ('23rd') is read by some PDF readers as a word apart ('23
    rd'), the same words to a reader; a suffix that is not the number's ('2024 st') stays."""

    def join(match: re.Match[str]) -> str:
        n = int(match["n"])
        own = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return match["n"] + match["suffix"] if match["suffix"] == own else match.group()

    return _ORDINAL.sub(join, text)


def fold(text: object) -> str:
    """Text as compared: NFC, case folded, dashes and spacing unified (an ordinal's suffix
    with its number: '23 rd' is '23rd'), end punctuation off (a title's separator too:
    "Matters arising –" is "Matters arising")."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFC", str(text)).casefold()
    value = value.replace("\u00a0", " ").replace("–", "-").replace("—", "-")
    return ordinals_joined(" ".join(value.split())).strip(" .:;,-")


@dataclass(frozen=True)
class Name:
    """A person's name as the words that identify them (titles and punctuation aside)."""

    words: frozenset[str]

    @classmethod
    def of(cls, name: object) -> Name:
        words = re.findall(r"\w+", fold(name))
        return cls(frozenset(w for w in words if w not in _TITLES))

    def matches(self, other: Name) -> bool:
        """The same person: every word of the shorter name is a word of the other, or an
        initial of one ('V. Novotný' is 'Viktor Novotný'); a name of initials alone is no one."""
        small, big = sorted((self.words, other.words), key=len)
        return any(len(word) > 1 for word in small) and all(
            word in big or (len(word) == 1 and any(w.startswith(word) for w in big))
            for word in small
        )


@dataclass(frozen=True)
class Wording:
    """A text as its words (case, punctuation and Markdown marks aside)."""

    words: tuple[str, ...]

    @classmethod
    def of(cls, text: object) -> Wording:
        return cls(tuple(re.findall(r"\w+", fold(text))))

    def matches(self, other: Wording) -> bool:
        """The same text: equal words, or the words of the shorter (three at least) run
        unbroken inside the other ('Kontrolní výbor se shodl …' within the resolution that adds
        a label before it); a resolution worded only by its vote ('Schváleno : 3 pro') is not
        the resolution it approves."""
        small, big = sorted((self.words, other.words), key=len)
        if small == big:
            return True
        if len(small) < 3:
            return False
        return any(big[k : k + len(small)] == small for k in range(len(big) - len(small) + 1))


@dataclass(frozen=True)
class Title:
    """An item's number and title as wanted: a title the minutes do not give (a point numbered
    '1)' with only its text) is matched by any, such as the programme's entry of that number
    that an import titles it with; a title they give must be matched. A number written as
    part of the title is the same heading as that number apart ('a. Social' is 'a.' with
    'Social': both render 'a. Social')."""

    text: str
    number: str = ""
    label: str = field(default="", compare=False)
    """The number as the minutes write it ('01'), where the item keeps it: the same written
    number and title are the same heading, whether psc numbers the item too or not (label
    '01' alone, or number 1 with label '01': both render '01 Introduction')."""

    def matches(self, other: Title) -> bool:
        if self.number == other.number and (not self.text or self.text == other.text):
            return True
        if self.label and self.label == other.label and self.text == other.text:
            return True
        return bool(self.text) and self._words() == other._words()

    def _words(self) -> tuple[str, ...]:
        return tuple(re.findall(r"\w+", f"{self.number or self.label} {self.text}"))


Field = str | Name | Wording | Title
Fact = tuple[Field, ...]


def same(a: Fact, b: Fact) -> bool:
    """Whether two facts of one kind say the same: equal fields, names by their words."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if isinstance(x, (Name, Wording, Title)) and type(x) is type(y):
            if not x.matches(y):  # type: ignore[arg-type]
                return False
        elif x != y:
            return False
    return True


def category_kind(label: str) -> str:
    """The kind of an attendance category by its label: present, excused, absent, guests, or
    the folded label itself when it is none of these ('náhradníci')."""
    folded = fold(label)
    for kind, stems in _KINDS_OF_CATEGORY:
        if any(folded.startswith(s) or f" {s}" in folded for s in stems):
            return kind
    return folded


def _votes(decision: Any) -> tuple[str, ...]:
    """For, against, abstained and unanimity; counted from the roll call where the minutes
    give only the names (a vote by name states its counts whether or not a file repeats them)."""
    votes = decision.votes
    if votes is None and decision.roll_call:
        said = [entry.vote for entry in decision.roll_call]
        counts: tuple[int | None, ...] = tuple(
            said.count(kind) or None for kind in ("for", "against", "abstained")
        )
    else:
        counts = (
            (None, None, None) if votes is None else (votes.for_, votes.against, votes.abstained)
        )
    return (
        *("" if c is None else str(c) for c in counts),
        "unanimous" if decision.unanimous else "",
    )


def _speaker(statement: Any) -> Name:
    return Name.of(statement.person or statement.role or " ".join(statement.by))


def facts(meeting: Meeting) -> dict[str, list[Fact]]:
    """The meeting's facts by kind (every kind of KINDS present, perhaps with none)."""
    from psc.loading.model import Decision, ProgrammeBlock, Statement, TaskReview

    found: dict[str, list[Fact]] = {kind: [] for kind in KINDS}
    found["programme"] += [(fold(p.title),) for p in meeting.programme]
    for item in meeting.items:
        if _layout_only(item):
            continue  # '- content: [show: roles]': where the header's lines print, no point
        found["item"].append((Title(fold(item.title), fold(item.number), fold(item.label)),))
        for block in item.content:
            if isinstance(block, ProgrammeBlock):
                found["programme"] += [(fold(p.title),) for p in block.programme]
            elif isinstance(block, Decision):
                number = fold(block.number)
                found["decision"].append(
                    (number, fold(block.outcome), *_votes(block), Wording.of(block.decision))
                )
            elif isinstance(block, Statement):
                found["statement"].append((_speaker(block), fold(block.text)))
            elif isinstance(block, TaskReview):
                deadline = "" if block.deadline is None else fold(block.deadline)
                status = "" if block.status is None else block.status.value
                found["review"].append((fold(block.task), status, deadline))
    found["attendance"] = _attendance(meeting)
    found["role"] = _roles(meeting)
    for task in meeting.tasks:
        deadline = fold(task.deadline) or fold(task.deadline_text)
        found["task"].append((fold(task.text), deadline))
    return found


def _layout_only(item: AgendaItem) -> bool:
    """An item without a heading that only places what the header holds (`show: roles`,
    `show: attendance`): a place in the minutes' layout, not a point of the meeting."""
    from psc.loading.model import ShownPart

    untitled = item.title is None and item.number is None and not item.label
    return untitled and bool(item.content) and all(isinstance(b, ShownPart) for b in item.content)


def _attendance(meeting: Meeting) -> list[Fact]:
    attendees = meeting.attendees
    people: list[tuple[str, Person]] = [
        (kind, person)
        for kind in ("present", "excused", "absent", "guests")
        for person in getattr(attendees, kind)
    ]
    for category in attendees.categories:
        kind = category_kind(category.label)
        people += [(kind, p) for p in category.people]
        people += [(kind, p) for group in category.groups for p in group.people]
    return [(kind, Name.of(person.name)) for kind, person in people]


def _roles(meeting: Meeting) -> list[Fact]:
    roles: list[tuple[str, Any]] = [
        ("chair", meeting.chair),
        ("minute_taker", meeting.minute_taker),
    ]
    roles += [("verifier", p) for p in meeting.verifiers]
    roles += [("recorded_by", meeting.recorded_by), ("approved_by", meeting.approved_by)]
    roles += [("verified_by", p) for p in meeting.verified_by]
    roles += [("signed_by", p) for p in meeting.signed_by]
    roles += [(role.kind or fold(role.label), p) for role in meeting.roles for p in role.people]
    return [(role, Name.of(person.name)) for role, person in roles if person is not None]


@dataclass(frozen=True)
class Recall:
    """How many of the wanted facts of each kind were found: kind -> (matched, wanted)."""

    counts: dict[str, tuple[int, int]]
    found: dict[str, int] = field(default_factory=dict)
    """How many facts of each kind the import has, right or not (for `extra`)."""

    @property
    def extra(self) -> int:
        """Facts the import has that match none wanted: wrong or unwanted structure (a vote
        line taken for a resolution, a heading's words taken for a speaker)."""
        return sum(self.found.values()) - self.matched

    @property
    def precision(self) -> float:
        """Matched facts / facts the import has (1.0 when it has none)."""
        have = sum(self.found.values())
        return self.matched / have if have else 1.0

    @property
    def matched(self) -> int:
        return sum(m for m, _ in self.counts.values())

    @property
    def wanted(self) -> int:
        return sum(w for _, w in self.counts.values())

    @property
    def overall(self) -> float:
        """Matched facts / wanted facts (1.0 when nothing is wanted)."""
        return self.matched / self.wanted if self.wanted else 1.0

    def of(self, kind: str) -> float:
        matched, wanted = self.counts[kind]
        return matched / wanted if wanted else 1.0


def matched(wanted: list[Fact], found: list[Fact]) -> int:
    """How many of `wanted` `found` reproduces, each found fact matching at most one (as a
    multiset: two equal wanted facts need two found)."""
    left = list(found)
    count = 0
    for fact in wanted:
        hit = next((i for i, other in enumerate(left) if same(fact, other)), None)
        if hit is not None:
            del left[hit]
            count += 1
    return count


def recall(wanted: Meeting, found: Meeting) -> Recall:
    """The share of `wanted`'s facts (a hand-written meeting) that `found` (an import of the
    same minutes) reproduces, per kind of fact."""
    want, have = facts(wanted), facts(found)
    return Recall(
        {kind: (matched(want[kind], have[kind]), len(want[kind])) for kind in KINDS},
        {kind: len(have[kind]) for kind in KINDS},
    )
