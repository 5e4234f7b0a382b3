"""The redline as a Word document with tracked changes (`psc diff --format docx`).

Both versions of each changed meeting are written as the Word minutes (`publish.docx`: the
header table, headings, lists, bold and links as runs), and the two bodies are compared as
the HTML redline compares its blocks (`review.rendered`): paragraphs and tables aligned as
whole elements, table rows and cells inside a pair of tables, the words of a pair of
paragraphs one by one with their formatting kept. The result is the new minutes with the
changes as Word's tracked changes (`w:ins` / `w:del` around runs, an inserted or deleted
paragraph mark or table row), so an approver reviews them in Word ("Sledování změn") and
accepts or rejects each one; a summary of the changes in the minutes' terms follows. A
revision's author and date are those of the newest commit that changed the file in the
compared range; changes not committed yet are psc's, dated by `now` (which the command line
passes in: no clock is read here). The document is titled by the meeting (its minutes'
title); the look comes from the minutes' reference document; the bytes are deterministic.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from psc import gitrepo
from psc.review.diff import _arrow, _summary_values, redline_title

if TYPE_CHECKING:
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


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WORD = re.compile(r"\s+|\S+")

Token = tuple[str | None, bytes, str]
"""A word (or the spaces between words) of a paragraph: the hyperlink it is in (its
relationship id), its run's properties (`w:rPr` as XML) and the text."""


def _xml(element: Any) -> bytes:
    from lxml import etree

    return etree.tostring(element)


def _element(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


class _Revisions:
    """Makes `w:ins` / `w:del` marks by one author at one date; ids count up from 1 in
    document order (unique in the document)."""

    def __init__(self) -> None:
        self.next_id = 1
        self.who = Stamp(AUTHOR, "")

    def mark(self, kind: str) -> Any:
        attrs = {"id": str(self.next_id), "author": self.who.author}
        if self.who.date:
            attrs["date"] = self.who.date
        self.next_id += 1
        return _element("w:ins" if kind == "+" else "w:del", **attrs)


# ---------------------------------------------------------------------- paragraphs


def _tokens(paragraph: Any) -> list[Token]:
    """The words of a paragraph with their link and run properties."""
    out: list[Token] = []

    def runs(parent: Any, link: str | None) -> None:
        for child in parent:
            if child.tag == f"{_W}hyperlink":
                runs(child, child.get(_R_ID))
            elif child.tag in (f"{_W}ins", f"{_W}del"):
                runs(child, link)
            elif child.tag == f"{_W}r":
                properties = child.find(f"{_W}rPr")
                key = _xml(properties) if properties is not None else b""
                text = ""
                for part in child:
                    if part.tag in (f"{_W}t", f"{_W}delText"):
                        text += part.text or ""
                    elif part.tag == f"{_W}tab":
                        text += "\t"
                    elif part.tag in (f"{_W}br", f"{_W}cr"):
                        text += "\n"
                out.extend((link, key, word) for word in _WORD.findall(text))

    runs(paragraph, None)
    return out


def _run(properties: bytes, text: str, deleted: bool) -> Any:
    """A run of `text` with the given properties (`w:delText` when deleted)."""
    from lxml import etree

    run = _element("w:r")
    if properties:
        run.append(etree.fromstring(properties))
    for part in re.split(r"([\t\n])", text):
        if part == "\t":
            run.append(_element("w:tab"))
        elif part == "\n":
            run.append(_element("w:br"))
        elif part:
            body = _element("w:delText" if deleted else "w:t")
            body.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            body.text = part
            run.append(body)
    return run


def _paragraph(
    shape: Any, marked: list[tuple[str, Token]], marks: _Revisions, whole: str = ""
) -> Any:
    """A paragraph with the properties of `shape` and the marked words: runs of one kind,
    link and formatting together; inserted and deleted runs inside `w:ins` / `w:del`, which
    are inside the link. `whole` ('+', '-'): the paragraph mark itself is marked too, so
    that rejecting (accepting) the change removes the paragraph, not only its words."""
    from docx.oxml.ns import qn

    paragraph = _element("w:p")
    properties = shape.find(f"{_W}pPr")
    properties = copy.deepcopy(properties) if properties is not None else None
    if whole:
        if properties is None:
            properties = _element("w:pPr")
        mark_properties = properties.find(f"{_W}rPr")
        if mark_properties is None:
            mark_properties = _element("w:rPr")
            properties.append(mark_properties)
        mark_properties.append(marks.mark(whole))
    if properties is not None:
        paragraph.append(properties)
    groups: list[tuple[str, str | None, bytes, str]] = []
    for kind, (link, run_properties, word) in marked:
        if groups and groups[-1][:3] == (kind, link, run_properties):
            groups[-1] = (*groups[-1][:3], groups[-1][3] + word)
        else:
            groups.append((kind, link, run_properties, word))
    container: tuple[Any, str | None] | None = None  # the open hyperlink
    revision: tuple[Any, str, str | None] | None = None  # the open w:ins / w:del
    for kind, link, run_properties, text in groups:
        if link is None:
            parent = paragraph
            container = None
        else:
            if container is None or container[1] != link:
                hyperlink = _element("w:hyperlink")
                hyperlink.set(qn("r:id"), link)
                paragraph.append(hyperlink)
                container = (hyperlink, link)
                revision = None
            parent = container[0]
        run = _run(run_properties, text, kind == "-")
        if kind == "=":
            parent.append(run)
            revision = None
            continue
        if (
            revision is None
            or revision[1] != kind
            or revision[2] != link
            or (revision[0].getparent() is not parent)
        ):
            revision = (marks.mark(kind), kind, link)
            parent.append(revision[0])
        revision[0].append(run)
    return paragraph


def _pair_paragraphs(old: Any, new: Any, marks: _Revisions) -> Any:
    """Two versions of a paragraph, word by word: deleted words before inserted ones."""
    a, b = _tokens(old), _tokens(new)
    marked: list[tuple[str, Token]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            marked += [("=", t) for t in b[j1:j2]]
            continue
        marked += [("-", t) for t in a[i1:i2]]
        marked += [("+", t) for t in b[j1:j2]]
    return _paragraph(new, marked, marks)


def _style(paragraph: Any) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val", "") if style is not None else ""


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{_W}t", f"{_W}delText"))


# ---------------------------------------------------------------------- blocks and tables


def _whole(element: Any, kind: str, marks: _Revisions) -> Any:
    """A paragraph or table only one version has, every word and mark of it marked."""
    if element.tag == f"{_W}p":
        return _paragraph(element, [(kind, t) for t in _tokens(element)], marks, whole=kind)
    if element.tag == f"{_W}tbl":
        table = _shell(element)
        for row in element.iterchildren(f"{_W}tr"):
            table.append(_whole_row(row, kind, marks))
        return table
    return copy.deepcopy(element)


def _shell(element: Any, keep: tuple[str, ...] = ("tblPr", "tblGrid")) -> Any:
    """A copy of a table (row, cell) with its properties only."""
    shell = _element(element.prefix + ":" + element.tag.split("}")[1])
    for child in element:
        if child.tag.split("}")[1] in keep:
            shell.append(copy.deepcopy(child))
    return shell


def _row_properties(row: Any, kind: str, marks: _Revisions) -> None:
    """The row marked inserted or deleted (`w:trPr/w:ins|w:del`)."""
    properties = row.find(f"{_W}trPr")
    if properties is None:
        properties = _element("w:trPr")
        before = row.find(f"{_W}tblPrEx")
        if before is not None:
            before.addnext(properties)
        else:
            row.insert(0, properties)
    properties.append(marks.mark(kind))


def _whole_row(row: Any, kind: str, marks: _Revisions) -> Any:
    out = _shell(row, ("tblPrEx", "trPr"))
    _row_properties(out, kind, marks)
    for cell in row.iterchildren(f"{_W}tc"):
        new_cell = _shell(cell, ("tcPr",))
        for child in _content(cell):
            new_cell.append(_whole(child, kind, marks))
        out.append(new_cell)
    return out


def _content(container: Any) -> list[Any]:
    """The paragraphs and tables of a body or a cell."""
    return [c for c in container if c.tag in (f"{_W}p", f"{_W}tbl")]


def _cells(row: Any) -> list[Any]:
    return list(row.iterchildren(f"{_W}tc"))


def _pair_rows(old: Any, new: Any, marks: _Revisions) -> Any:
    out = _shell(new, ("tblPrEx", "trPr"))
    for a, b in zip(_cells(old), _cells(new), strict=True):
        cell = _shell(b, ("tcPr",))
        for child in blocks(_content(a), _content(b), marks):
            cell.append(child)
        out.append(cell)
    return out


def _pair_tables(old: Any, new: Any, marks: _Revisions) -> Any:
    table = _shell(new)
    for row in _aligned(
        list(old.iterchildren(f"{_W}tr")),
        list(new.iterchildren(f"{_W}tr")),
        marks,
        akin=_akin_rows,
        pair=_pair_rows,
        whole=_whole_row,
    ):
        table.append(row)
    return table


def _akin_rows(old: Any, new: Any) -> bool:
    """Two versions of one row: as many cells, and the first cell's text (a header table's
    label) the same, or most of the words the same."""
    a, b = _cells(old), _cells(new)
    if len(a) != len(b):
        return False
    if a and _text(a[0]) == _text(b[0]):
        return True
    return _similar(_text(old), _text(new))


def _similar(old: str, new: str) -> bool:
    return difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio() >= 0.5


def _akin(old: Any, new: Any) -> bool:
    """Two versions of one block: paragraphs of one style with at least half of their words
    the same; tables of as many columns."""
    if old.tag != new.tag:
        return False
    if old.tag == f"{_W}tbl":
        columns = f"{_W}tblGrid/{_W}gridCol"
        return len(old.findall(columns)) == len(new.findall(columns))
    if old.tag == f"{_W}p":
        return _style(old) == _style(new) and _similar(_text(old), _text(new))
    return False


def _pair(old: Any, new: Any, marks: _Revisions) -> Any:
    if old.tag == f"{_W}tbl":
        return _pair_tables(old, new, marks)
    return _pair_paragraphs(old, new, marks)


def _aligned(
    old: list[Any], new: list[Any], marks: _Revisions, *, akin: Any, pair: Any, whole: Any
) -> list[Any]:
    """Elements of two versions aligned: the same ones as they are, versions of one compared
    inside, the rest whole (deleted before inserted)."""
    out: list[Any] = []
    matcher = difflib.SequenceMatcher(
        None, [_xml(e) for e in old], [_xml(e) for e in new], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [copy.deepcopy(e) for e in new[j1:j2]]
            continue
        gone, came = old[i1:i2], new[j1:j2]
        i = j = 0
        while i < len(gone) and j < len(came):
            if akin(gone[i], came[j]):
                out.append(pair(gone[i], came[j], marks))
                i, j = i + 1, j + 1
            elif any(akin(gone[i], later) for later in came[j + 1 :]):
                out.append(whole(came[j], "+", marks))
                j += 1
            else:
                out.append(whole(gone[i], "-", marks))
                i += 1
        out += [whole(e, "-", marks) for e in gone[i:]]
        out += [whole(e, "+", marks) for e in came[j:]]
    return out


def blocks(old: list[Any], new: list[Any], marks: _Revisions) -> list[Any]:
    """The paragraphs and tables of two versions of the minutes (or of a cell) as one body
    with tracked changes."""
    return _aligned(old, new, marks, akin=_akin, pair=_pair, whole=_whole)


# ---------------------------------------------------------------------- the document


def _rendered(renderer: Any, meeting: Any, document: Any) -> list[Any]:
    """The body of the Word minutes of `meeting` (none: no meeting), taken out of
    `document` (so that their links are relationships of it)."""
    from psc.publish.docx import write_minutes

    if meeting is None:
        return []
    write_minutes(renderer, meeting, document)
    body = document.element.body
    elements = _content(body)
    for element in elements:
        body.remove(element)
    return elements


def redline_docx(diffs: list[MeetingDiff], renderer: Any, stamps: dict[str, Stamp]) -> bytes:
    """The redline of `diffs` as the bytes of a Word document with tracked changes; `stamps`
    by file (the path of each diff): who changed it and when."""
    from psc.publish.docx import page_frame, reference, saved

    document = reference(list(renderer.template_dirs))
    labels = renderer.labels
    marks = _Revisions()
    body = document.element.body
    out: list[Any] = []
    for d in diffs:
        marks.who = stamps.get(d.path, Stamp(AUTHOR, ""))
        old, new = _rendered(renderer, d.old, document), _rendered(renderer, d.new, document)
        out += blocks(old, new, marks)
        document.add_heading(labels["diff_summary"], level=2)
        for c in d.changes:
            summary = document.add_paragraph(_arrow(c) + ": ", style="List Bullet")
            if c.old is None or c.new is None:
                summary.add_run(labels["diff_added" if c.old is None else "diff_removed"] + ": ")
            for kind, text in _summary_values(c):  # as text, old struck out, new underlined
                run = summary.add_run(text)
                run.font.strike = kind == "-" or None
                run.font.underline = kind == "+" or None
        if not d.changes:
            document.add_paragraph(labels["diff_no_change"])
        out += _content(body)
        for element in _content(body):
            body.remove(element)
    if not diffs:
        document.add_paragraph(labels["diff_no_change"])
        out += _content(body)
    end = body.find(f"{_W}sectPr")
    for element in out:
        if end is not None:
            end.addprevious(element)
        else:
            body.append(element)
    page_frame(renderer, document)

    dates = sorted(s.date for s in stamps.values() if s.date)
    when = (
        dt.datetime.strptime(dates[-1], "%Y-%m-%dT%H:%M:%SZ")
        if dates
        else dt.datetime(1980, 1, 1, 0, 0)
    )
    return saved(
        document,
        title=redline_title(diffs, renderer),
        author=AUTHOR,
        language=renderer.language,
        when=when,
    )
