"""The redline as a Word document with tracked changes (`psc diff --format docx`).

Each changed meeting's rendered minutes, line by line (as the HTML redline), with the changed
words in `w:ins` / `w:del` revisions, so an approver reviews them in Word ("Sledování změn")
and accepts or rejects each one. A revision's author and date are those of the newest commit
that changed the file in the compared range; changes not committed yet are psc's, dated by
`now` (which the command line passes in: no clock is read here). The look comes from the
minutes' reference document (`publish.docx`); the bytes are deterministic.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from psc import gitrepo
from psc.review.diff import _arrow, _plain
from psc.review.semdiff import words

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

    from psc.review.diff import MeetingDiff

AUTHOR = "psc"
"""The author of changes no commit holds (the working tree), and of a range without commits."""


@dataclass(frozen=True)
class Stamp:
    """Who made the changes of one file and when (`w:author`, `w:date`; date may be '')."""

    author: str
    date: str


def _iso(moment: dt.datetime) -> str:
    """`moment` as Word writes revision dates: UTC, seconds, 'Z' (naive: taken as UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def stamp(
    root: Any, rel: str, from_rev: str | None, to_rev: str | None, now: dt.datetime | None
) -> Stamp:
    """The author and date of the changes to `rel` between the two revisions."""
    commit = gitrepo.last_change(root, rel, from_rev or "HEAD", to_rev)
    if commit is None:
        return Stamp(AUTHOR, _iso(now) if now is not None else "")
    try:
        date = _iso(dt.datetime.fromisoformat(commit.date))
    except ValueError:
        date = _iso(now) if now is not None else ""
    return Stamp(commit.author or AUTHOR, date)


_STYLES = (("### ", "Heading 3"), ("## ", "Heading 2"), ("# ", "Heading 1"), ("- ", "List Bullet"))


class _Writer:
    """Paragraphs with tracked changes; revision ids count up from 1 in document order."""

    def __init__(self, document: Any):
        self.doc = document
        self.next_id = 1

    def _revision(self, tag: str, who: Stamp) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        element.set(qn("w:author"), who.author)
        if who.date:
            element.set(qn("w:date"), who.date)
        return element

    def _run(self, kind: str, text: str) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        run = OxmlElement("w:r")
        body = OxmlElement("w:delText" if kind == "-" else "w:t")
        body.set(qn("xml:space"), "preserve")
        body.text = text
        run.append(body)
        return run

    def _mark_paragraph(self, paragraph: Paragraph, kind: str, who: Stamp) -> None:
        """The paragraph mark itself inserted or deleted: rejecting (accepting) the change
        removes the whole paragraph, not only its words."""
        from docx.oxml import OxmlElement

        properties = paragraph._p.get_or_add_pPr()
        marks = OxmlElement("w:rPr")
        marks.append(self._revision("w:ins" if kind == "+" else "w:del", who))
        properties.append(marks)

    def line(self, old: str | None, new: str | None, who: Stamp) -> None:
        """One rendered Markdown line, its changed words as revisions."""
        line = new if new is not None else old
        assert line is not None
        style, strip = None, ""
        for prefix, name in _STYLES:
            if line.startswith(prefix):
                style, strip = name, prefix
                break

        def body(text: str | None) -> str:
            text = text or ""
            return _plain(text[len(strip) :] if strip and text.startswith(strip) else text)

        paragraph = self.doc.add_paragraph(style=style)
        if old is None:
            segments = [("+", body(new))]
            self._mark_paragraph(paragraph, "+", who)
        elif new is None:
            segments = [("-", body(old))]
            self._mark_paragraph(paragraph, "-", who)
        else:
            segments = words(body(old), body(new))
        for kind, text in segments:
            if not text:
                continue
            if kind == "=":
                paragraph._p.append(self._run(kind, text))
                continue
            revision = self._revision("w:del" if kind == "-" else "w:ins", who)
            revision.append(self._run(kind, text))
            paragraph._p.append(revision)


def _lines(renderer: Any, meeting: Any) -> list[str]:
    if meeting is None:
        return []
    rendered = renderer.render(meeting, "md").splitlines()
    return [line for line in rendered if line.strip() and not line.startswith("|---")]


def redline_docx(diffs: list[MeetingDiff], renderer: Any, stamps: dict[str, Stamp]) -> bytes:
    """The redline of `diffs` as the bytes of a Word document with tracked changes; `stamps`
    by file (the path of each diff): who changed it and when."""
    from psc.publish.docx import reference, saved

    document = reference(list(renderer.template_dirs))
    labels = renderer.labels
    writer = _Writer(document)
    if not diffs:
        document.add_paragraph(labels["diff_no_change"])
    for d in diffs:
        who = stamps.get(d.path, Stamp(AUTHOR, ""))
        document.add_paragraph(f"{d.path} ({d.old_label} → {d.new_label})", style="Heading 1")
        if not d.changes:
            document.add_paragraph(labels["diff_no_change"])
            continue
        for c in d.changes:
            summary = _arrow(c) + ": "
            if c.old is None:
                summary += f"{labels['diff_added']}: {c.new}"
            elif c.new is None:
                summary += f"{labels['diff_removed']}: {c.old}"
            else:
                summary += f"{c.old} → {c.new}"
            document.add_paragraph(summary, style="List Bullet")
        old_md, new_md = _lines(renderer, d.old), _lines(renderer, d.new)
        matcher = difflib.SequenceMatcher(None, old_md, new_md, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for line in new_md[j1:j2]:
                    writer.line(line, line, who)
                continue
            pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
            for k in range(pairs):
                writer.line(old_md[i1 + k], new_md[j1 + k], who)
            for line in old_md[i1 + pairs : i2]:
                writer.line(line, None, who)
            for line in new_md[j1 + pairs : j2]:
                writer.line(None, line, who)

    dates = sorted(s.date for s in stamps.values() if s.date)
    when = (
        dt.datetime.strptime(dates[-1], "%Y-%m-%dT%H:%M:%SZ")
        if dates
        else dt.datetime(1980, 1, 1, 0, 0)
    )
    return saved(document, title="psc diff", author=AUTHOR, language=renderer.language, when=when)
