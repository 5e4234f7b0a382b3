"""Rendering meetings into minutes (Markdown and HTML) through Jinja2 templates.

The environments come from psc.language.templates (the package's defaults, overridden file by
file by a repository's own `templates/`). HTML is always autoescaped, whatever the template's
name; inline Markdown in text fields becomes HTML with raw HTML disabled. Output is
deterministic.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from psc.errors import UsageError
from psc.language import templates
from psc.language.labels import applied, fill_entry
from psc.language.mdtext import md_block, md_cell, md_line, md_text, parser
from psc.language.wording import Wording
from psc.loading.model import (
    AgendaItem,
    AssignedTask,
    AttendanceCategory,
    BodyApproval,
    Candidate,
    Decision,
    Group,
    Meeting,
    Person,
    Quorum,
    Votes,
)
from psc.loading.yamlfile import scalar as yaml_scalar
from psc.messages import _

FORMATS = ("md", "html")
"""The text formats (one Jinja2 environment each); `pdf` and `docx` give bytes."""
BINARY_FORMATS = ("pdf", "docx")


def inline_html(text: str) -> Markup:
    """Inline Markdown (bold, links) as HTML; raw HTML in the text is shown, not run."""
    return Markup(parser().renderInline(text))


def _markdown_filters() -> dict[str, Any]:
    """The Markdown environment's filters: each returns Markup, so `_md_finalize` leaves its
    output alone; everything else a template prints is escaped as plain text."""
    return {
        "md_line": lambda text: Markup(md_line(text)),
        "md_block": lambda text: Markup(md_block(text)),
        "md_cell": lambda text: Markup(md_cell(text)),
        "md_text": lambda text, line=False: Markup(md_text(text, line=line)),
    }


def _md_finalize(value: Any) -> Any:
    """Every value a Markdown template prints: escaped as plain text unless a Markdown
    filter made it (Markup), so no field, name or label can inject HTML or markup."""
    return value if isinstance(value, Markup) else md_text(value)


_MOVER_WORDS = r"(?:moved|proposed|second(?:ed)?|navrhovatel(?:ka)?|předkladatel(?:ka)?)"
"""Words before the name of a motion's mover or seconder in the minutes' own text: 'Moved by:
Commissioner K. Smith', 'Second: …', 'Navrhovatel: Ing. Novák', 'proposed Mrs. Berry' (at
most two titles between them and the name)."""

_MOTION_BY = r"(?:motion|second)\s+(?:by|from)"
"""A motion or a second 'by' or 'from' its member: 'with a motion by Cromer and a second by
Peasley', 'followed by a second from Peasley'."""

_CZECH_BEFORE = r"(?:navrhl(?:a|\(a\))?|navrhuje|podpořil(?:a|\(a\))?|podporuje|na\s+návrh)"
"""Czech words right before the mover's name: 'navrhl Jan Novák', 'na návrh Jana Nováka' (at
most one title between them and the name, so 'navrhl určit ověřovatelem Hanu Bílou' names whom
the mover proposed, not the mover)."""

_VERBS_AFTER = (
    r"(?:proposed|moved|moves|seconded|seconds|(?:made|makes)\s+(?:a|the)\s+motion"
    r"|navrhl(?:a|\(a\))?|navrhuje|podpořil(?:a|\(a\))?|podporuje)"
)
"""Verbs after the name of the member who moved or seconded: 'Mrs Leamon proposed', 'Heidi
moves, ad Leslie seconds', 'Funk made a motion', 'Cromer seconded', 'Jan Novák navrhl'."""


_TITLE = r"(?-i:(?:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]\S*|\S+\.)\s+)"
"""A word that may stand between the verb and the name: a title ('Commissioner', 'Cllr',
'Mrs.', 'Ing.', 'p.'), capitalised or abbreviated; never 'that' ('seconded that Cllr Wilson be
Chairman' names the candidate, not a seconder)."""


def _name_pattern(name: str) -> str:
    """`name` as the minutes may write it: its words in order, a Czech name also in another
    case ('Jana Nováka' for Jan Novák: a word of four letters or more may change its last
    letter and take up to three more)."""
    parts = []
    for word in name.split():
        if len(word) >= 4 and word[-1].isalpha():
            parts.append(re.escape(word[:-1]) + r"\w{0,3}")
        else:
            parts.append(re.escape(word))
    return r"\s+".join(parts)


def _named_as_mover(name: str, text: str) -> bool:
    """Whether `text` names `name` as a mover or seconder, before the verb or after it:
    'Moved by: Commissioner K. Smith', 'It was proposed by Cllr Deptford', 'a motion by
    Cromer', 'Mrs Leamon proposed', 'Funk made a motion', 'navrhl Jan Novák', 'na návrh Jana
    Nováka', 'Jan Novák navrhl'."""
    who = _name_pattern(name)
    patterns = (
        rf"\b{_MOVER_WORDS}(?:\s+by)?\s*:?\s+{_TITLE}{{0,2}}?{who}(?!\w)",
        rf"\b{_MOTION_BY}\s+{_TITLE}{{0,2}}?{who}(?!\w)",
        rf"(?<!\w){_CZECH_BEFORE}\s+{_TITLE}?{who}(?!\w)",
        rf"(?<!\w){who}\s*,?\s+{_VERBS_AFTER}(?!\w)",
    )
    return any(re.search(p, text, flags=re.IGNORECASE) for p in patterns)


_OWN_SEPARATORS = (":", "–", "—", "-")
"""The ends of a label that separates what follows itself ('ROLL CALL –', 'Zapisovatel:'):
`Renderer.said_by` adds no colon of psc's after them."""


class Renderer(Wording):
    """Renders meetings of one group in one language with one set of templates."""

    def __init__(self, group: Group, template_dirs: list[Path], language: str | None = None):
        super().__init__(language or group.language, group.labels, group.language)
        self.group = group
        self.known_tasks: dict[str, Any] = {}
        """Tasks of the archive by ID, so task reviews can name what they review."""
        self.decision_pages: dict[str, list[str]] = {}
        """For the site: each meeting's register pages, by the order of its decisions (the
        minutes then link a decision to its page); empty for `psc render`."""
        self.template_dirs = template_dirs
        """Where templates (and a Word reference document, `reference.docx`) are looked up."""
        self.envs = {fmt: self._environment(template_dirs, fmt) for fmt in FORMATS}

    def _environment(self, dirs: list[Path], fmt: str) -> jinja2.Environment:
        autoescape = fmt == "html"
        env = templates.environment(
            dirs, autoescape=autoescape, finalize=_md_finalize if fmt == "md" else None
        )
        env.filters.update(
            long_date=self.long_date,
            short_date=self.short_date,
            day_month=self.day_month,
            hhmm=lambda t: f"{t:%H:%M}" if t else "",
            md_cell=md_cell,
            md_line=md_line if not autoescape else (lambda text: text),
            md_block=md_block if not autoescape else (lambda text: text),
            md_text=md_text if not autoescape else (lambda text, line=False: text),
            person=self.person,
            inline=inline_html if autoescape else (lambda text: text),
            yaml=yaml_scalar,
            comment=lambda text: " ".join(str(text).split()),
            capfirst=capfirst,
            names=self.names,
        )
        if fmt == "md":
            env.filters.update(_markdown_filters())
        env.globals.update(
            labels=self.labels,
            group=self.group,
            label=self.label,
            person=self.person,
            attendee=self.attendee,
            signed=self.signed,
            signatures=self.signatures,
            minutes_title=self.minutes_title,
            title_heading=self.title_heading,
            document_title=self.document_title,
            said_by=self.said_by,
            item_heading=self.item_heading,
            presented=self.presented,
            item_presented=self.item_presented,
            programme_entry=self.programme_entry,
            item_entry=self.item_entry,
            letterhead=self.letterhead,
            when=self.when,
            designated=self.designated,
            category=self.category,
            quorum=self.quorum,
            decision_heading=self.decision_heading,
            vote_record=self.vote_record,
            moved=self.moved,
            candidate_result=self.candidate_result,
            roll_call=self.roll_call,
            body_approval=self.body_approval,
            per_rollam_answers=self.per_rollam_answers,
            per_rollam_confirmed=self.per_rollam_confirmed,
            deadline=self.deadline,
            deadline_words=self.deadline_words,
            next_meeting_date=self.next_meeting_date,
            tentative_years=self.tentative_years,
            lang=self.language,
            plain=(lambda text: str(escape(text))) if autoescape else md_text,
            reviewed_task=lambda task_id: self.known_tasks.get(task_id),
            decision_slug=self.decision_slug,
        )
        return env

    def gender(self, person: Person) -> str | None:
        if person.gender is not None:
            return person.gender.value
        member = self.group.person(person.name)
        return member.gender.value if member and member.gender else None

    def person(self, person: Person) -> str:
        """'Jana Korytářová (MMR)'."""
        return f"{person.name} ({person.organisation})" if person.organisation else person.name

    def signed(self, role: str, person: Person) -> str:
        """The verb for a signature in the person's gender: 'Zapsala', 'schválil'."""
        return self.gendered(role, person)

    def gendered(self, key: str, person: Person) -> str:
        """Label `key` in the person's gender ('Zapisovatelka'), else its neutral form."""
        gender = self.gender(person)
        return self.labels[f"{key}_{gender}"] if gender else self.labels[key]

    def attendee(self, person: Person, pattern: str | None = None) -> str:
        """'Jana Korytářová (MMR)', 'Ing. Petr Novák, starosta': a person with organisation
        and role (label `person_role`: 'Nick Bevan (Chair)' where a group writes it so; a
        category's own `pattern`: 'PCC Secretary, Edward Tobin')."""
        text = self.person(person)
        text = self.with_role(text, person.role, pattern) if person.role else text
        if person.note and self.labels["person_note"]:  # 'Jeff Thompson (arrived at 7:15 p.m.)'
            text = self.label("person_note", person=text, note=person.note)
        return text

    def with_role(self, person: str, role: str, pattern: str | None = None) -> str:
        """'Ing. Petr Novák, starosta' by `pattern`, else label `person_role`; the person
        alone where the group set it to "" (the role's words hidden, never the person)."""
        if pattern is not None:
            return pattern.format(person=person, role=role)
        if not self.labels["person_role"]:
            return person
        return self.label("person_role", person=person, role=role)

    def signatures(self, meeting: Meeting) -> list[tuple[str, list[Any]]]:
        """Who signed, as (verb, people): 'Zapsala', 'Ověřovatelé' for several verifiers,
        'schválil'; the first verb capitalised (it starts the line). A signature the minutes
        word themselves (its `text`) has no verb of psc's: the templates print its text."""
        lines: list[tuple[str, list[Any]]] = []

        def signed(key: str, who: Any) -> tuple[str, list[Any]]:
            return ("" if who.text else self.signed(key, who), [who])

        if meeting.recorded_by:
            lines.append(signed("recorded_by", meeting.recorded_by))
        if len(meeting.verified_by) > 1 and not all(v.text for v in meeting.verified_by):
            lines.append((self.labels["verified_by_plural"], list(meeting.verified_by)))
        else:
            lines.extend(signed("verified_by", v) for v in meeting.verified_by)
        if meeting.approved_by:
            lines.append(signed("approved_by", meeting.approved_by))
        if lines:
            lines[0] = (capfirst(lines[0][0]), lines[0][1])
        return lines

    # ------------------------------------------------------------------ the frame

    def minutes_title(self, meeting: Meeting) -> str:
        """The H1: label `minutes` with {title}, {number}, {date} ('Zápis')."""
        return self.label(
            "minutes",
            title=meeting.title,
            number="" if meeting.number is None else meeting.number,
            date=self.long_date(meeting.date),
        )

    def title_heading(self, meeting: Meeting) -> str:
        """The H1 as printed: the title ('Zápis'), and for a draft ' – návrh'; each left out,
        with its dash, where the group set its label to "" ("" when both are)."""
        draft = self.labels["draft"] if meeting.draft else ""
        return " – ".join(p for p in (self.minutes_title(meeting), draft) if p)

    def said_by(self, verb: str) -> str:
        """A label with its colon before what it introduces ('Zapsala: ', 'Přítomni: ',
        'Otázka: '); "" where the group set the label to "", so no lone ':' is left; a label
        written with its own separator ('Určení a schválení zapisovatele jednání:', 'ROLL
        CALL –') takes no colon of psc's."""
        if not verb:
            return ""
        return f"{verb} " if verb.endswith(_OWN_SEPARATORS) else f"{verb}: "

    def letterhead(self, meeting: Meeting) -> list[str]:
        """The lines above the title: the meeting's own letterhead, else the group's."""
        return list(meeting.letterhead or self.group.letterhead)

    def when(self, meeting: Meeting) -> str:
        """The header's date: '7. září 2016, 10:00 – 12:00', over several days '15. května
        2019 – 16. května 2019', and the actual start beside the scheduled one."""
        text = self.date_span(meeting.date, meeting.end_date)
        if meeting.start:
            text += f", {meeting.start:%H:%M}"
            if meeting.started and self.labels["started"]:
                text += " " + self.label("started", time=f"{meeting.started:%H:%M}")
            if meeting.end:
                text += f" – {meeting.end:%H:%M}"
        elif meeting.started and self.labels["started"]:
            text += ", " + self.label("started", time=f"{meeting.started:%H:%M}")
        return text

    def item_heading(self, item: AgendaItem) -> str:
        """'Ad 1) Title' (the item's own label), 'Bod 1 – Title' (the group's pattern), the
        title alone for an unnumbered item, or "" for text without a heading. An item with a
        number or label but no title ('2) ' and then its text) is headed by them alone ('Bod
        2', '2.', 'Ad 2)'), so the reader sees where it starts. A group's `item_entry`
        pattern, where set, orders a titled item's heading itself. A pattern the group set to
        "" leaves the minutes' own words: the label and the title."""
        if item.number_only:  # '1) Na základě …': its title is the programme's, not printed
            item = item.model_copy(update={"title": None})
        if item.title is None and not item.label and item.number is None:
            return ""
        if self.labels["item_entry"] and item.title is not None and not item.subitem:
            return self.item_entry(item, str)
        title = item.title or ""
        values: dict[str, Any]
        if item.label and item.run_in:  # 'NP/23/20There were …': the minutes' own words
            return f"{item.label}{title}"
        if item.label:
            key, values = "item_labelled", {"label": item.label, "title": title}
        elif item.subitem and item.title is not None:
            key, values = "subitem", {"title": title}
        elif item.number is not None:
            key, values = "item", {"number": item.number, "title": title}
        else:
            key, values = "item_unnumbered", {"title": title}
        if not self.labels[key]:
            return " ".join(p for p in (item.label, title) if p)
        if item.title is None:
            return _without_title(self.labels[key], values)
        heading = self.label(key, **values)
        return heading.strip() if key == "item_labelled" else heading

    def item_presented(self, item: AgendaItem) -> str:
        """The presenters' line under an item's heading, unless its heading holds them."""
        titled = item.title is not None and not item.number_only
        if self.labels["item_entry"] and titled and not item.subitem:
            return ""
        return self.presented(item.presenters, item.duration)

    def _entry_values(
        self, presenters: list[str], duration: int | None, escape: Any
    ) -> dict[str, Any]:
        return {
            "presenters": escape(self.names(presenters)) if presenters else "",
            "presented": escape(self.presented(presenters)) if presenters else "",
            "duration": escape(self.label("duration", minutes=duration)) if duration else "",
        }

    def item_entry(self, item: AgendaItem, escape: Any = str) -> str:
        """An item's heading by the group's `item_entry` pattern; `escape` gives the
        output's form of plain text (the title is given as it is, inline Markdown)."""
        number = item.label or ("" if item.number is None else str(item.number))
        return fill_entry(
            self.labels["item_entry"],
            escape,
            number=escape(number),
            title=item.title,
            **self._entry_values(item.presenters, item.duration, escape),
        )

    def programme_entry(self, point: Any, number: int, title: Any, escape: Any) -> Any:
        """A programme line by the group's `programme_entry` pattern, or "" where the group
        keeps psc's own line; `title` is already in the output's form."""
        if not self.labels["programme_entry"]:
            return ""
        note = escape(point.note) if point.note else ""
        return Markup(
            fill_entry(
                self.labels["programme_entry"],
                escape,
                number=escape(str(number)),
                title=title,
                note=note,
                **self._entry_values(point.presenters, point.duration, escape),
            )
        )

    def presented(self, presenters: list[str], duration: int | None = None) -> str:
        """'Předkládá: J. Novák (15 min.)', 'Předkládají: A, B': the verb agrees in number."""
        parts = []
        if presenters:
            word = self.labels["presenters" if len(presenters) == 1 else "presenters_plural"]
            names = self.names(presenters)
            parts.append(f"{word}: {names}" if word else names)
        if duration:
            parts.append(self.label("duration", minutes=duration))
        return " ".join(p for p in parts if p)

    def designated(self, meeting: Meeting) -> list[tuple[str, str]]:
        """The roles designated at the meeting as header rows: chair (by name, function or
        both), minute-taker, verifiers, then the other roles in their order (tellers,
        commissions: the minutes' own label, else the group's); a row whose label the group
        set to "" is left out."""
        rows = []
        if meeting.chair:
            chair = self.attendee(meeting.chair)
            if meeting.chair_function:
                chair = self.with_role(chair, meeting.chair_function)
            rows.append((self.labels["chair"], chair))
        elif meeting.chair_function:
            rows.append((self.labels["chair"], meeting.chair_function))
        if meeting.minute_taker:
            taker = meeting.minute_taker
            rows.append((self.gendered("minute_taker", taker), self.attendee(taker)))
        if meeting.verifiers:
            verifiers = meeting.verifiers
            word = (
                self.labels["verifiers"]
                if len(verifiers) > 1
                else self.gendered("verifier", verifiers[0])
            )
            rows.append((word, self.names(self.attendee(v) for v in verifiers)))
        for role in meeting.roles:
            word = role.label or self.labels[f"role_{role.kind}"]
            rows.append((word, self.names(self.attendee(p) for p in role.people)))
        return [(word, text) for word, text in rows if word]

    def category(self, category: AttendanceCategory) -> str:
        """'Omluveni: A, B', 'Přizváni: Za X: A, B; Za Y: C', 'Přítomni: (22)', 'Neomluveni: –';
        a label that ends with its own separator takes no colon ('ROLL CALL –')."""

        def names(people: list[Person]) -> str:
            return self.names(self.attendee(p, category.person_role) for p in people)

        parts = [names(category.people)] if category.people else []
        for group in category.groups:
            text = f"{group.body}: {names(group.people)}" if group.people else group.body
            if group.count is not None and self.labels["attendance_count"]:
                text += " " + self.label("attendance_count", count=group.count)
            parts.append(text)
        text = "; ".join(parts)
        if category.nobody and not text:
            text = self.labels["attendance_nobody"]
        if category.count is not None and self.labels["attendance_count"]:
            count = self.label("attendance_count", count=category.count)
            text = f"{text} {count}" if text else count
        if category.note and category.note_first:
            text = f"{category.note} {text}" if text else category.note
        elif category.note:
            text = f"{text}, {category.note}" if text else category.note
        if text:
            return self.said_by(category.label) + text  # 'ROLL CALL – Roy Allen and Bruce Savage'
        return category.label if category.label.endswith(_OWN_SEPARATORS) else f"{category.label}:"

    def quorum(self, quorum: Quorum) -> str:
        """Its note as written, else 'Přítomno 9 z 11 členů; usnášeníschopné.', 'Přítomno 77,05 %
        hlasů; usnášeníschopné.' (a share, as owners' associations count)."""
        if quorum.note:
            return quorum.note
        parts = []
        if quorum.present is not None and quorum.members is not None:
            parts.append(self.label("quorum", present=quorum.present, members=quorum.members))
        elif quorum.present is not None:
            parts.append(self.label("quorum_present", present=quorum.present))
        if quorum.share is not None:
            parts.append(self.label("quorum_share", share=self.number(quorum.share)))
        if quorum.quorate is not None:
            parts.append(self.labels["quorate_yes" if quorum.quorate else "quorate_no"])
        text = "; ".join(p for p in parts if p)
        return f"{capfirst(text)}." if text else ""

    def decision_heading(self, decision: Decision) -> str:
        """The decision's `label` as written, else the group's word with the number and a
        colon ('Usnesení 1:'); none for an unnumbered proposal that was not adopted."""
        if decision.label:
            return decision.label
        if not decision.decision and not decision.number:
            return ""
        text = " ".join(p for p in (self.labels["decision"], decision.number or "") if p)
        return f"{text}:" if text else ""

    def decision_slug(self, meeting: Any, decision: Decision) -> str:
        """The slug of the register page of `decision` of `meeting` (site/decisions/<slug>.html) when building the site, else ""."""
        if not self.decision_pages:
            return ""
        pages = self.decision_pages.get(meeting.id, [])
        blocks = [b for part in (*meeting.items, *meeting.sections) for b in part.content]
        order = [b for b in blocks if b.__class__ is decision.__class__]
        for index, block in enumerate(order):
            if block is decision:
                return pages[index] if index < len(pages) else ""
        return ""

    def vote_record(self, decision: Decision) -> str:
        """'(pro 9, proti 0, zdrželo se 0)', '(pro 9)', '(jednomyslně)', '(21 : 0 : 0)': the
        vote as written, or only the counts recorded (all three in the group's `votes`)."""
        if decision.votes_text:
            votes = decision.votes_text
        else:
            parts = [self.labels["unanimous"]] if decision.unanimous else []
            if decision.votes is not None:
                parts.append(self.vote_counts(decision.votes))
            votes = ", ".join(p for p in parts if p)
        return self.label("vote_record", votes=votes) if votes else ""

    def vote_counts(self, v: Votes) -> str:
        """'pro 9, proti 0, zdrželo se 0', 'pro 9, nepřítomno 2': the counts recorded."""
        counts = {
            "for": v.for_,
            "against": v.against,
            "abstained": v.abstained,
            "absent": v.absent,
            "not_voting": v.not_voting,
        }
        rest = list(counts)
        parts = []
        if None not in (v.for_, v.against, v.abstained):
            parts.append(self.label("votes", for_=v.for_, against=v.against, abstained=v.abstained))
            rest = ["absent", "not_voting"]
        parts += [self.label(f"vote_{k}", count=counts[k]) for k in rest if counts[k] is not None]
        return ", ".join(p for p in parts if p)

    def number(self, value: float) -> str:
        """'77,05' (Czech), '77.05' (English): a number with the language's decimal sign."""
        text = repr(float(value)).removesuffix(".0")
        return text.replace(".", ",") if self.language == "cs" else text

    def moved(self, decision: Decision) -> str:
        """'Cllr A proposed, Cllr B seconded.', 'Navrhl Jan Novák, podpořila Eva Malá.'"""
        said = " ".join(
            t for t in (decision.proposal, decision.decision, decision.outcome_text) if t
        )
        return self.moved_by(decision.proposed_by, decision.seconded_by, said)

    def moved_by(self, proposed: Person | None, seconded: Person | None, said: str = "") -> str:
        """The mover and seconder in words, each verb in the person's gender; "" for none. A
        person the motion's own words `said` already name as its mover or seconder ("Moved by:
        Commissioner Torres. Second by: …") is not said again; a name said otherwise ("Cart
        for President.") is."""
        said = " ".join(said.split())
        parts = [
            self.gendered(key, person).format(person=self.person(person))
            for key, person in (("proposed_by", proposed), ("seconded_by", seconded))
            if person is not None and not _named_as_mover(person.name, said)
        ]
        parts = [p for p in parts if p]  # a verb the group set to "" hides its clause
        return capfirst(", ".join(parts)) + "." if parts else ""

    def candidate_result(self, candidate: Candidate) -> str:
        """'Jan Novák: pro 14, proti 0, zdrželo se 1 – zvolen', 'Eva Malá: 25 hlasů – zvolena',
        '2 hlasy', '1 vote': the count in the language's plural form."""
        parts = []
        if candidate.votes is not None:
            parts.append(self.vote_counts(candidate.votes))
        if candidate.count is not None:
            count = candidate.count  # 1 hlas, 2-4 hlasy, 5 hlasů (the 'few' form is Czech)
            form = "_one" if count == 1 else "_few" if 2 <= count <= 4 else ""
            parts.append(self.label("candidate_count" + form, count=count))
        text = ", ".join(p for p in parts if p)
        who = self.attendee(candidate.model_copy(update={"note": None}))  # the note is the result's
        text = f"{who}: {text}" if text else who
        if candidate.elected is not None:
            result = self.gendered("elected" if candidate.elected else "not_elected", candidate)
            text += f" – {result}" if result else ""
        if candidate.note:
            text += f" ({candidate.note})"
        return text

    def roll_call(self, decision: Decision) -> str:
        """'Jmenovité hlasování: A: pro, B: proti'."""

        def verb(name: str, vote: str) -> str:
            member = self.group.person(name)  # the verb agrees with a registered member's gender
            gender = member.gender.value if member and member.gender else None
            key = f"roll_call_{vote}_{gender}" if gender else f"roll_call_{vote}"
            return self.labels.get(key, self.labels[f"roll_call_{vote}"])

        votes = ", ".join(said(v.name, verb(v.name, v.vote)) for v in decision.roll_call)
        word = self.labels["roll_call"]
        return f"{word}: {votes}" if word and votes else votes

    def per_rollam_answers(self, vote: Any) -> list[str]:
        """'Ing. Pavel Straka: pro (5. 5. 2025)', one per member, in the file's order."""
        answers = []
        for answer in vote.votes:
            member = self.group.person(answer.name)
            gender = member.gender.value if member and member.gender else None
            key = f"roll_call_{answer.vote}"
            word = (
                self.labels.get(f"{key}_{gender}", self.labels[key]) if gender else self.labels[key]
            )
            when = f" ({self.short_date(answer.date)})" if answer.date else ""
            answers.append(said(answer.name, word) + when)
        return answers

    def per_rollam_confirmed(self, vote: Any) -> str:
        """'Výsledek hlasování byl potvrzen na jednání 17. 6. 2025.'"""
        meeting = vote.confirmed_at or ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", meeting):
            meeting = self.short_date(dt.date.fromisoformat(meeting))
        return self.label("per_rollam_confirmed", meeting=meeting)

    def body_approval(self, approval: BodyApproval) -> str:
        """'Zápis byl schválen na jednání 12. 6. 2022, usnesením č. 5/2022.' (its `note`, when
        given, is shown instead by the template)."""
        parts = [self.labels["approved_at"]]  # each part the group set to "" left out
        if approval.meeting:
            meeting = approval.meeting
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", meeting):
                meeting = self.short_date(dt.date.fromisoformat(meeting))
            parts.append(self.label("approved_at_meeting", meeting=meeting))
        elif approval.date:
            parts.append(self.label("approved_at_date", date=self.short_date(approval.date)))
        text = " ".join(p for p in parts if p)
        if approval.decision and self.labels["approved_at_decision"]:
            decision = self.label("approved_at_decision", decision=approval.decision)
            text = f"{text}, {decision}" if text else decision
        text = capfirst(text)
        return f"{text}." if text else ""

    # ------------------------------------------------------------------ rendering

    @contextmanager
    def own_words(self, meeting: Any) -> Iterator[None]:
        """While `meeting` renders: the labels its minutes word themselves (its `labels`) over
        the group's, when it renders in the group's language; one given without its gendered
        forms stands for them too. The dict is updated in place (the templates hold it) and
        restored afterwards."""
        own: dict[str, str] = getattr(meeting, "labels", None) or {}
        if not own or self.language != self.group.language:
            yield
            return
        kept = dict(self.labels)
        words = applied(own)
        for key, value in list(words.items()):
            for form in (f"{key}_male", f"{key}_female"):
                if form in kept and form not in own:
                    words[form] = value
        self.labels.update(words)
        try:
            yield
        finally:
            self.labels.clear()
            self.labels.update(kept)

    def render(self, meeting: Meeting, fmt: str) -> Any:
        """The minutes of `meeting` as Markdown (`md`), a standalone HTML page (`html`), or
        PDF bytes (`pdf`: the HTML page printed by WeasyPrint, fonts embedded, page numbers).
        Word minutes (`docx`) are built by `publish.docx.minutes_docx` from this renderer."""
        with self.own_words(meeting):
            return self._render(meeting, fmt)

    def _render(self, meeting: Meeting, fmt: str) -> Any:
        if fmt == "pdf":
            return html_to_pdf(
                self.render_template(
                    "minutes/minutes.html.j2",
                    "html",
                    meeting=meeting,
                    tasks=task_rows(meeting),
                    labels=self.pdf_labels(),
                ),
                title=self.document_title(meeting),
                author=self.group.name,
                running_header=self.group.name,
                lang=self.language,
            )
        return self.render_template(
            f"minutes/minutes.{fmt}.j2", fmt, meeting=meeting, tasks=task_rows(meeting)
        )

    def document_title(self, meeting: Meeting) -> str:
        """The minutes' title as the HTML page's <title> gives it: 'Zápis: 1. jednání …', or
        the heading alone where it already holds the meeting's title."""
        heading = self.minutes_title(meeting)
        if not heading:  # the group hides the word 'Zápis'
            return meeting.title
        return heading if meeting.title in heading else f"{heading}: {meeting.title}"

    def pdf_labels(self) -> dict[str, str]:
        """The labels of the PDF minutes: the original's page count ('Stran 4', field `pages`)
        is labelled as the original's ('Stran originálu'), so it never reads as the page count
        of the PDF, whose own pages are numbered 'Strana 1 z 3' at their foot."""
        if not self.labels["pages"]:  # a group that hides the page count hides it here too
            return dict(self.labels)
        return {**self.labels, "pages": self.labels["pages_original"]}

    def render_template(self, name: str, fmt: str, /, **context: Any) -> str:
        """Render template `name` in the environment of `fmt`; broken templates raise
        TemplateError. A page of one meeting's minutes takes that meeting's own labels."""
        with self.own_words(context.get("meeting")):
            return templates.render(self.envs[fmt], name, **context)


PDF_VARIANT = "pdf/a-3b"
"""The archival profile the PDF minutes declare (PDF/A-3, level B), tagged besides."""


def css_string(text: str) -> str:
    """`text` as a CSS string literal: every character but letters, digits and spaces as a hex
    escape, so no name can end the string or the rule (the space after an escape ends it and
    is not part of the text)."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x} " for c in text) + '"'


def html_to_pdf(
    html: str,
    *,
    title: str | None = None,
    author: str | None = None,
    running_header: str | None = None,
    lang: str | None = None,
) -> bytes:
    """Print an HTML page to an archival, tagged PDF with WeasyPrint (psc's extra `pdf`):
    PDF/A-3b (XMP identification, sRGB output intent, fonts embedded), a structure tree and
    the document's language (/Lang), `title` and `author` in the document information and the
    XMP metadata, and `running_header` at the top of every page. The header is a stylesheet
    of the PDF alone: the HTML page is unchanged."""
    try:
        import weasyprint
    except ImportError:
        from psc.installed import install_command

        raise UsageError(
            _(
                "PDF output needs WeasyPrint: {command} (and the Pango library, e.g. Debian's "
                "libpango-1.0-0)",
                command=install_command("pdf"),
            )
        ) from None
    except OSError as exc:  # WeasyPrint is there but its system libraries are not
        raise UsageError(
            _(
                "WeasyPrint cannot start ({error}); install Pango (Debian: libpango-1.0-0 "
                "libpangoft2-1.0-0)",
                error=exc,
            )
        ) from None
    stylesheets = []
    if running_header:
        stylesheets.append(
            weasyprint.CSS(
                string="@page { @top-center { content: "
                + css_string(running_header)
                + '; font-size: 9pt; color: #555; font-family: "DejaVu Sans", sans-serif; } }'
            )
        )
    document = weasyprint.HTML(string=html).render(
        stylesheets=stylesheets, pdf_variant=PDF_VARIANT, pdf_tags=True
    )
    if title:
        document.metadata.title = title
    if author:
        document.metadata.authors = [author]
    if lang:
        document.metadata.lang = lang
    pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    return pdf


def _without_title(pattern: str, values: dict[str, Any]) -> str:
    """A heading pattern filled for an item without a title: the pattern's own separator
    before {title} left out with it ('Bod {number} – {title}' gives 'Bod 2', '{number}.
    {title}' gives '2.'), the item's own label kept as written ('6, ')."""
    from string import Formatter

    out = []
    for text, field, _spec, _conversion in Formatter().parse(pattern):
        if field == "title":
            out.append(text.rstrip(" \u2013\u2014-:,;"))
        else:
            out.append(text + ("" if field is None else str(values[field])))
    return "".join(out).strip()


def said(name: str, word: str) -> str:
    """'Duhe: pro': a name and what the minutes say of it; the name alone where the word is
    a label the group set to ""."""
    return f"{name}: {word}" if word else name


def capfirst(text: str) -> str:
    """'Ověřil' for 'ověřil': the first letter capitalised, the rest as it is."""
    return text[:1].upper() + text[1:]


def tasks_in_place(meeting: Meeting) -> set[str]:
    """IDs of the tasks the minutes show where they were assigned (`assigned` blocks)."""
    blocks = [b for item in meeting.items for b in item.content]
    blocks += [b for section in meeting.sections for b in section.content]
    return {block.assigned for block in blocks if isinstance(block, AssignedTask)}


def task_rows(meeting: Meeting) -> list[dict[str, Any]]:
    """The tasks as the minutes show them, with the status to show (or None) and whether an
    item shows the task in place (`in_place`; the tasks section then leaves it out). Minutes
    show the record as approved: in approved minutes a status dated after the approval is
    left out (every status, when the approval or the status has no date); statuses are a
    matter for the task reports. Drafts show the status written on the task."""
    approved = meeting.approved_by or meeting.approved_at
    in_place = tasks_in_place(meeting)
    rows = []
    for i, task in enumerate(meeting.tasks):
        shown = task.status.value != "open"
        if shown and approved is not None:
            shown = (
                approved.date is not None
                and task.status_date is not None
                and task.status_date <= approved.date
            )
        task_id = meeting.task_id(i)
        rows.append(
            {
                "id": task_id,
                "task": task,
                "status": task.status.value if shown else None,
                "status_date": task.status_date if shown else None,
                "status_note": task.status_note if shown else None,
                "in_place": task_id in in_place,
            }
        )
    return rows
