"""Word minutes (`psc render --format docx`) written with python-docx.

The document mirrors the HTML minutes block by block, through the Renderer's own helpers
(headings, labels, deadlines, Czech dates), so both say the same words. Inline Markdown
(bold, italics, links) becomes runs through markdown-it's tokens. The look comes from a
reference document, as pandoc's `--reference-doc`: a repository's `templates/reference.docx`
when it exists, else python-docx's default document with psc's styles applied in code (no
binary is shipped; `python -m psc.publish.docx FILE` writes that default, for a group to start
its own from). Only the reference's styles, page setup, header and footer are kept; its body
is replaced. The output is deterministic: core properties dated by the meeting, zip entries
with a fixed timestamp and order.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psc.errors import UsageError
from psc.language.mdtext import parser
from psc.messages import _

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

    from psc.loading.model import Meeting
    from psc.publish.render import Renderer

REFERENCE = "reference.docx"
"""The reference document's name in a template directory (a repository's `templates/`)."""

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every zip entry's timestamp: the earliest a zip can hold, so no clock enters the file."""


def _docx() -> Any:
    try:
        import docx
    except ImportError:
        raise UsageError(
            _(
                "Word output needs python-docx, a dependency of psc that is not installed "
                "here: reinstall psc"
            )
        ) from None
    return docx


def default_reference() -> Document:
    """python-docx's default document with psc's look: a sans-serif body, dark headings."""
    document = _docx().Document()  # first: says what is missing when python-docx is
    from docx.shared import Pt, RGBColor

    styles = document.styles
    styles["Normal"].font.name = "DejaVu Sans"
    styles["Normal"].font.size = Pt(10)
    for level, size in ((1, 16), (2, 13), (3, 11), (4, 10)):
        style = styles[f"Heading {level}"]
        style.font.name = "DejaVu Sans"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x22, 0x22, 0x22)
    return document


def reference(template_dirs: list[Path]) -> Document:
    """The first `reference.docx` of `template_dirs`, emptied of its body, else the default."""
    from psc.language.templates import own_file

    for directory in template_dirs:
        path = own_file(directory, REFERENCE)
        if path is not None:
            document = _docx().Document(str(path))
            body = document.element.body
            for child in list(body):
                if not child.tag.endswith("}sectPr"):
                    body.remove(child)
            return document
    return default_reference()


def add_inline(paragraph: Paragraph, text: str, *, bold: bool = False) -> None:
    """Inline Markdown of `text` as runs of `paragraph`: **bold**, *italic*, `code`, links
    (a Word hyperlink to the URL); raw HTML stays text, as in the HTML minutes."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    strong = 1 if bold else 0
    emphasis = 0
    link: Any = None
    for token in parser().parseInline(str(text))[0].children or []:
        kind = token.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis -= 1
        elif kind == "link_open":
            rid = paragraph.part.relate_to(
                str(token.attrs["href"]), RELATIONSHIP_TYPE.HYPERLINK, is_external=True
            )
            link = OxmlElement("w:hyperlink")
            link.set(qn("r:id"), rid)
            paragraph._p.append(link)
        elif kind == "link_close":
            link = None
        elif kind in ("text", "code_inline", "html_inline", "softbreak", "hardbreak"):
            content = " " if kind in ("softbreak", "hardbreak") else token.content
            run = paragraph.add_run(content)
            run.bold = bool(strong) or None
            run.italic = bool(emphasis) or None
            if link is not None:
                run.font.underline = True
                run.font.color.rgb = _link_colour()
                link.append(run._r)


def _link_colour() -> Any:
    from docx.shared import RGBColor

    return RGBColor(0x05, 0x63, 0xC1)


def _page_field(paragraph: Paragraph, instruction: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def minutes_docx(renderer: Renderer, meeting: Meeting, template_dirs: list[Path]) -> bytes:
    """The minutes of `meeting` as the bytes of a Word document."""
    document = reference(template_dirs)
    write_minutes(renderer, meeting, document)
    page_frame(renderer, document)
    return saved(
        document,
        title=renderer.document_title(meeting),
        author=renderer.group.name,
        language=renderer.language,
        when=dt.datetime.combine(meeting.date, dt.time(0, 0)),
    )


def write_minutes(renderer: Renderer, meeting: Meeting, document: Document) -> None:
    """The minutes of `meeting` appended to the body of `document` (also the Word redline's
    two versions, `review.redline`)."""
    from psc.publish.render import task_rows

    with renderer.own_words(meeting):  # the meeting's own labels, as its minutes word them
        _Writer(renderer, meeting, document).write(task_rows(meeting))


def page_frame(renderer: Renderer, document: Document) -> None:
    """The page's header (the group's name) and footer ('Strana 1 z 3')."""
    labels = renderer.labels
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = renderer.group.name
    footer = section.footer.paragraphs[0]
    footer.text = ""
    footer.add_run(f"{labels['page']} ")
    _page_field(footer, "PAGE")
    footer.add_run(f" {labels['page_of']} ")
    _page_field(footer, "NUMPAGES")


def saved(document: Any, *, title: str, author: str, language: str, when: dt.datetime) -> bytes:
    """The bytes of `document` with its metadata set and every date in it `when`, so the same
    input gives the same file (the minutes, the redline)."""
    core = document.core_properties
    core.title = title
    core.author = author
    core.last_modified_by = author
    core.language = language
    core.created = when
    core.modified = when
    core.last_printed = when
    core.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    return fixed_zip(raw.getvalue())


def fixed_zip(package: bytes) -> bytes:
    """`package` with every entry's timestamp fixed (order and content as they were)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


class _Writer:
    """Writes one meeting into a document, in the order of the HTML minutes."""

    def __init__(self, renderer: Renderer, meeting: Meeting, document: Document):
        self.r = renderer
        self.meeting = meeting
        self.doc = document
        self.labels = renderer.labels

    def para(self, text: str = "", *, style: str | None = None, bold: bool = False) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=style)
        if text:
            add_inline(paragraph, text, bold=bold)
        return paragraph

    def heading(self, text: str, level: int) -> None:
        paragraph = self.doc.add_heading(level=level)
        add_inline(paragraph, text)

    def write(self, tasks: list[dict[str, Any]]) -> None:
        r, m, labels = self.r, self.meeting, self.labels
        approved = not m.draft
        for line in r.letterhead(m):
            self.para(line)
        title = r.title_heading(m)  # a label the group set to "" is left out, as in the HTML
        if title:
            self.doc.add_heading(title, level=1)
        if not approved:
            if labels["draft_notice"]:
                self.para().add_run(labels["draft_notice"]).italic = True
        elif m.approval_not_recorded and labels["approval_not_recorded"]:
            self.para().add_run(labels["approval_not_recorded"]).italic = True
        self.header_table()
        if m.programme and "programme" not in m.shown_parts:
            if labels["programme"]:
                self.heading(labels["programme"], 2)
            self.programme(m.programme)
            if m.programme_note:
                self.para(m.programme_note)
        if m.per_rollam:
            self.per_rollam()
        if labels["section_a"]:
            self.heading(labels["section_a"], 2)
        for item in m.items:
            heading = r.item_heading(item)
            if heading:
                self.doc.add_heading(heading, level=4 if item.subitem else 3)
            presenters = r.item_presented(item)
            if presenters:
                self.para().add_run(presenters).italic = True
            self.blocks(item.content, tasks)
        for section in m.sections:
            self.heading(section.title, 2)
            self.blocks(section.content, tasks)
        if m.next_meetings:
            self.next_meetings()
        listed = [row for row in tasks if not row["in_place"]]
        if listed or (not tasks and labels["section_b"] and labels["no_tasks"]):
            if labels["section_b"]:
                self.heading(labels["section_b"], 2)
            for row in listed:
                self.task_line(row, self.doc.add_paragraph(style="List Bullet"))
            if not listed:
                self.para(labels["no_tasks"])
        self.signatures()
        if self.r.group.comments_annex and m.comments:
            self.comments_annex()

    def header_table(self) -> None:
        r, m, labels = self.r, self.meeting, self.labels
        rows: list[tuple[str, list[str]]] = []
        if labels["name"]:
            rows.append((labels["name"], [m.title]))
        if labels["date"]:
            rows.append((labels["date"], [r.when(m)]))
        if m.place and labels["place"]:
            rows.append((labels["place"], [m.place]))
        shown = m.shown_parts
        if labels["attendees"]:
            lines = [] if "attendance" in shown else self.attendance()
            if "quorum" not in shown and m.attendees.quorum and r.quorum(m.attendees.quorum):
                lines.append(r.quorum(m.attendees.quorum))
            if lines:
                rows.append((labels["attendees"], lines))
        if "roles" not in shown:
            rows += [(word, [who]) for word, who in r.designated(m)]
        if m.attachments and labels["attachments"]:
            rows.append((labels["attachments"], list(m.attachments)))
        if m.pages and labels["pages"]:
            # the original's page count, never to be read as this document's (Strana N z M)
            rows.append((labels["pages_original"], [str(m.pages)]))
        if not rows:
            return
        table = self.doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for word, lines in rows:
            label_cell, value_cell = table.add_row().cells
            label_cell.paragraphs[0].add_run(word).bold = True
            for i, line in enumerate(lines):
                paragraph = value_cell.paragraphs[0] if i == 0 else value_cell.add_paragraph()
                add_inline(paragraph, line)

    def attendance(self) -> list[str]:
        """The attendance's lines: its note, the people by kind, the body's categories."""
        r, a = self.r, self.meeting.attendees
        lines = [a.note] if a.note else []
        for kind in ("present", "excused", "absent", "guests"):
            people = getattr(a, kind)
            if people:
                lines.append(r.said_by(self.labels[kind]) + r.names(r.person(p) for p in people))
        return lines + [r.category(c) for c in a.categories]

    def shown(self, parts: list[str]) -> None:
        """The attendance, roles, quorum or programme where the minutes record them (`show`)."""
        r, m = self.r, self.meeting
        for part in parts:
            if part == "attendance":
                for line in self.attendance():
                    self.para(line)
            elif part == "roles":
                for word, who in r.designated(m):
                    self.doc.add_paragraph(f"{r.said_by(word)}{who}")
            elif part == "programme":
                if m.programme and self.labels["programme"]:
                    self.para().add_run(self.labels["programme"]).bold = True
                self.programme(m.programme)
                if m.programme_note:
                    self.para(m.programme_note)
            elif part == "signatures":
                self.signature_line()
            elif m.attendees.quorum and r.quorum(m.attendees.quorum):
                self.doc.add_paragraph(r.quorum(m.attendees.quorum))

    def programme(self, programme: list[Any]) -> None:
        for i, point in enumerate(programme, 1):
            entry = self.r.programme_entry(point, i, point.title, str)
            if entry:
                add_inline(self.doc.add_paragraph(style="List Paragraph"), str(entry))
                continue
            paragraph = self.doc.add_paragraph(style="List Paragraph")
            paragraph.add_run(f"{i}. ")
            add_inline(paragraph, point.title)
            presenters = self.r.presented(point.presenters, point.duration)
            if presenters:
                paragraph.add_run(f" – {presenters}")
            if point.note:
                paragraph.add_run(" – ")
                add_inline(paragraph, point.note)

    def per_rollam(self) -> None:
        r, labels, vote = self.r, self.labels, self.meeting.per_rollam
        assert vote is not None
        if labels["per_rollam"]:
            self.heading(labels["per_rollam"], 2)
        self.para(r.said_by(labels["per_rollam_question"]) + vote.question)
        period = r.label(
            "per_rollam_period",
            opened=r.short_date(vote.opened),
            deadline=r.short_date(vote.deadline),
        )
        rule = r.said_by(labels["per_rollam_rule"]) + vote.rule if vote.rule else ""
        if period or rule:
            self.para(" ".join(p for p in (period, rule) if p))
        if vote.votes:
            if labels["per_rollam_votes"]:
                self.para(f"{labels['per_rollam_votes']}:")
            for answer in r.per_rollam_answers(vote):
                self.doc.add_paragraph(answer, style="List Bullet")
        if vote.confirmed_at and r.per_rollam_confirmed(vote):
            self.doc.add_paragraph(r.per_rollam_confirmed(vote))

    def next_meetings(self) -> None:
        r, labels, m = self.r, self.labels, self.meeting
        if labels["next_meetings_title"]:  # an empty label: no heading (the group hides it)
            self.heading(labels["next_meetings_title"], 2)
        firm = [n for n in m.next_meetings if not n.tentative]
        if firm:
            paragraph = self.doc.add_paragraph(r.said_by(labels["next_meeting_firm"]))
            for i, n in enumerate(firm):
                text = r.short_date(n.date)
                if n.note:
                    text += f" ({n.note})"
                elif n.time:
                    text += f", {n.time:%H:%M}"
                if n.place:
                    text += f", {n.place}"
                paragraph.add_run(text).bold = True
                if i < len(firm) - 1:
                    paragraph.add_run(", ")
        for year, dates in r.tentative_years(m):
            words = ", ".join(r.day_month(d) for d in dates)
            self.doc.add_paragraph(r.said_by(r.label("next_meeting_tentative", year=year)) + words)

    def blocks(self, content: list[Any], tasks: list[dict[str, Any]]) -> None:
        for block in content:
            if hasattr(block, "heading"):
                self.heading(block.heading, 4)
            elif hasattr(block, "by"):  # a statement: its text names the body in bold
                self.para(block.text)
            elif hasattr(block, "decision"):
                self.decision(block)
            elif hasattr(block, "task") and hasattr(block, "status"):
                self.review(block)
            elif hasattr(block, "items"):
                for i, point in enumerate(block.items, 1):
                    if block.ordered:
                        paragraph = self.doc.add_paragraph(style="List Paragraph")
                        paragraph.add_run(f"{i}. ")
                    else:
                        paragraph = self.doc.add_paragraph(style="List Bullet")
                    add_inline(paragraph, point)
            elif hasattr(block, "programme"):
                self.programme(block.programme)
            elif hasattr(block, "show"):
                self.shown(block.show)
            elif hasattr(block, "assigned"):
                for row in tasks:
                    if row["id"] == block.assigned:
                        self.task_line(row, self.doc.add_paragraph(style="List Bullet"))
            else:
                self.para(block.text)

    def review(self, block: Any) -> None:
        """'Úkol 100/1 (text): splněno; nový termín …. Note', each part whose label the group
        set to "" left out with its punctuation, as in the HTML."""
        r, labels = self.r, self.labels
        reviewed = r.known_tasks.get(block.task)
        text = block.text or (reviewed.text if reviewed else "")
        head = r.label("review", id=block.task)
        paragraph = self.doc.add_paragraph(head)
        if text:
            paragraph.add_run(" (" if head else "")
            add_inline(paragraph, text)
            paragraph.add_run(")" if head else "")
        said = bool(head or text)
        status = labels["status_" + block.status.value] if block.status else ""
        if status:
            paragraph.add_run((": " if said else "") + status)
        due = ""
        if block.deadline:
            words = r.deadline_words(block.deadline, r.next_meeting_date(self.meeting))
            due = " ".join(p for p in (labels["new_deadline"], words) if p)
            paragraph.add_run(("; " if said or status else "") + due)
        if block.note:
            paragraph.add_run(". " if said or status or due else "")
            add_inline(paragraph, block.note)

    def decision(self, block: Any) -> None:
        r, labels = self.r, self.labels
        heading = r.decision_heading(block)
        record = r.vote_record(block) if not block.outcome_text else ""
        outcome = (
            labels["outcome_" + block.outcome] if block.outcome and not block.outcome_text else ""
        )
        tail = (f" {record}" if record else "") + (f" – {outcome}" if outcome else "")
        if block.proposal:
            paragraph = self.doc.add_paragraph()
            if not block.decision and heading:
                paragraph.add_run(heading).bold = True
                paragraph.add_run(" ")
            if labels["proposal"]:
                paragraph.add_run(f"{labels['proposal']}: ")
            add_inline(paragraph, block.proposal)
            if not block.decision and tail:
                paragraph.add_run(tail)
        if block.decision:
            paragraph = self.doc.add_paragraph()
            if heading:
                paragraph.add_run(heading).bold = True
                paragraph.add_run(" ")
            add_inline(paragraph, block.decision)
            if tail:
                paragraph.add_run(tail)
        for candidate in block.candidates:
            self.doc.add_paragraph(r.candidate_result(candidate), style="List Bullet")
        if movers := r.moved(block):
            self.doc.add_paragraph(movers)
        if block.outcome_text:
            self.para(block.outcome_text)
        if block.roll_call:
            self.doc.add_paragraph(r.roll_call(block))

    def task_line(self, row: dict[str, Any], paragraph: Paragraph) -> None:
        """'Text – T: 1. 11. 2016 (kontakt …), MMR [splněno 3. 10. 2016]', as the HTML."""
        r, labels, task = self.r, self.labels, row["task"]
        add_inline(paragraph, task.text)
        due = r.deadline(task.deadline, self.meeting)
        if due:
            paragraph.add_run(f" – {due}")
        if task.contact:
            paragraph.add_run(
                " (" + " ".join(p for p in (labels["contact"], task.contact) if p) + ")"
            )
        if task.responsible_text:
            paragraph.add_run(", ")
            add_inline(paragraph, task.responsible_text)
        elif task.responsible:
            paragraph.add_run(", " + ", ".join(task.responsible))
        if row["status"]:
            status = labels["status_" + row["status"]]
            if row["status_date"]:
                status += " " + r.short_date(row["status_date"])
            if row["status_note"]:
                status += f": {row['status_note']}"
            paragraph.add_run(f" [{status}]")

    def signature_line(self) -> None:
        """Who recorded, verified and approved, on one line."""
        r = self.r
        lines = r.signatures(self.meeting)
        if lines:
            parts = []
            for verb, people in lines:
                names = r.names(
                    who.text or r.person(who) + (f", {r.short_date(who.date)}" if who.date else "")
                    for who in people
                )
                parts.append(r.said_by(verb) + names)
            self.doc.add_paragraph(", ".join(parts))

    def signatures(self) -> None:
        r, m = self.r, self.meeting
        if "signatures" not in m.shown_parts:  # else shown where the minutes give them
            self.signature_line()
        if m.approved_at:
            if m.approved_at.note:
                self.para(m.approved_at.note)
            elif r.body_approval(m.approved_at):
                self.doc.add_paragraph(r.body_approval(m.approved_at))
        for who in m.signed_by:
            paragraph = self.doc.add_paragraph(r.person(who))
            if who.role:
                paragraph.add_run(", ")
                add_inline(paragraph, who.role)
            if who.date:
                paragraph.add_run(f", {r.short_date(who.date)}")
        if m.amendments:
            if self.labels["amendments"]:
                self.heading(self.labels["amendments"], 2)
            for a in m.amendments:
                paragraph = self.doc.add_paragraph(style="List Bullet")
                paragraph.add_run(f"{r.short_date(a.date)}, ")
                add_inline(paragraph, a.by)
                paragraph.add_run(": ")
                add_inline(paragraph, a.reason)

    def comments_annex(self) -> None:
        """The annex of comments and objections and how each was settled (comments_annex)."""
        r, m, labels = self.r, self.meeting, self.labels
        if labels["comments_annex"]:
            self.heading(labels["comments_annex"], 2)
        for i, c in enumerate(m.comments):
            paragraph = self.doc.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{labels['comment_kind_' + c.kind]} {m.comment_id(i)}").bold = True
            paragraph.add_run(" (")
            add_inline(paragraph, c.by)
            paragraph.add_run(f", {r.short_date(c.date)}")
            if c.refers_to:
                paragraph.add_run("; " + r.label("comment_refers_to", part=c.refers_to))
            paragraph.add_run("): ")
            add_inline(paragraph, c.text)
            paragraph.add_run(" – ")
            status = labels["comment_status_" + c.status]
            if c.settled:
                status += f" {r.short_date(c.settled)}"
            paragraph.add_run(status).italic = True
            if c.settlement:
                paragraph.add_run(": ")
                add_inline(paragraph, c.settlement)


if __name__ == "__main__":  # python -m psc.publish.docx FILE: the default, to restyle
    default_reference().save(sys.argv[1] if len(sys.argv) > 1 else REFERENCE)
