"""Readers of existing minutes: a .txt, .md or .docx file as a flat list of `Block`s
(`reading.read_source` chooses the reader of each suffix; .odt, PDF and HTML have their own
modules, which share this one's inline Markdown and package checks).

Each reader keeps the document's order and says where each block came from; it recognises
only the shape of the text (headings, list items, table rows, paragraphs), never what the
text means: that is the recogniser's work. Inline text is Markdown, as psc stores it: a
Word document's bold runs become **…**, its hyperlinks [text](url), and characters that
Markdown would read as marks are escaped, so the text reads back as what Word showed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psc.edits.intake.blocks import Block
from psc.errors import CONTROL_CHARS, InvalidData, Problem, UsageError, display_path
from psc.loading import pipeline
from psc.messages import _

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

MAX_DOCX_BYTES = 64 * 1024 * 1024
"""A Word file larger than this is refused before reading (its pictures may make it far
larger than a text source; its text is checked by `check_package`)."""


def read_text(path: Path) -> list[Block]:
    """The blocks of a plain text file."""
    return text_blocks(_checked_text(path))


def read_markdown(path: Path) -> list[Block]:
    """The blocks of a Markdown file."""
    return markdown_blocks(_checked_text(path))


def read_docx(path: Path) -> list[Block]:
    """The blocks of a Word file (at most MAX_DOCX_BYTES)."""
    return docx_blocks(pipeline.read(path, MAX_DOCX_BYTES), display_path(path))


# ---------------------------------------------------------------------- text

_PAGE_BREAKS = str.maketrans("\f\v", "  ")
_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n"})
"""Unicode's line and paragraph separators and NEL: line breaks as a text file writes them
(a web page's or a word processor's text keeps them), not characters to refuse."""
SEPARATORS_AS_SPACES = str.maketrans({"\u2028": " ", "\u2029": " ", "\x85": " "})
"""The same separators inside a paragraph of a document (HTML, OpenDocument): white space,
where a control character is dropped; the words on either side stay apart."""
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")
_SPACES = re.compile(r"[ \t\r]+")


def _checked_text(path: Path) -> str:
    """The file as checked text (`pipeline.text`: size, BOM, UTF-8, NUL), form feeds and
    vertical tabs read as spaces, Unicode's line and paragraph separators as line breaks; a
    control character is refused at its line and column."""
    shown = display_path(path)
    text = pipeline.text(pipeline.read(path), shown).replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_PAGE_BREAKS).translate(_LINE_BREAKS)
    bad = _CONTROL.search(text.replace("\t", " "))
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        code = f"{ord(bad.group()):04X}"
        message = _("control character U+{code} is not allowed in text", code=code)
        raise InvalidData([Problem(shown, line, col, "", message)])
    return text


def _collapse(text: str) -> str:
    """Runs of spaces and tabs as one space, no space at the ends."""
    return _SPACES.sub(" ", text).strip()


_COLUMNS = re.compile(r"(?<=[^\s:]) {8,}(?=\S)")
"""A gap of eight spaces or more inside a line: columns of a text export ('Hana Bílá
<spaces> Starosta obce Zbilidy' under 'Ověřovatelé zápisu:'); not the gap after a label
('Zapisovatel:      Tereza Vosyková' is one line of text), nor the gap after a point's number
or bullet ('1.            Roll Call' is a numbered point, as a word processor's text export
spaces it)."""
_MARKER = re.compile(r"(?:\d{1,9}(?:\.\d{1,9})*[.)]|[a-zA-Z][.)]|[-*+•◦▪–])\s+")
_HEADING = re.compile(r"(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_BULLET = re.compile(r"[ \t]*[-*+•◦▪–][ \t]+(.*)")
_ORDERED = re.compile(r"[ \t]*(\d{1,9}(?:\.\d{1,9})*)[.)][ \t]+(.*)|[ \t]*([a-zA-Z])\)[ \t]+(.*)")
_DOTTED = re.compile(r"[ \t]*(\d{1,9}(?:\.\d{1,9})+)[ \t]+(.*)")  # "2.1 text"
_WHOLE_BOLD = re.compile(r"\*\*(?!\s)(.+?)(?<!\s)\*\*")


def _unbold(text: str) -> tuple[str, bool]:
    """A text written wholly as one **bold** span: its inner text and True."""
    match = _WHOLE_BOLD.fullmatch(text)
    if match and "**" not in match.group(1):
        return match.group(1), True
    return text, False


def _text_block(kind: Any, text: str, where: str, **fields: Any) -> Block:
    inner, bold = _unbold(_collapse(text))
    return Block(kind, inner, where, bold=bold, **fields)


def _row(line: str, where: str) -> Block:
    cells = [_collapse(cell) for cell in line.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    return Block("row", " | ".join(cells), where, cells=cells)


def _starts_with_date(line: str) -> bool:
    """'05. 06. 2014 od 13:00 hod.', '16. června 2026', '07.25.77 VB …': a line opening with
    a whole date is no numbered point '05.' or '16.'."""
    from psc.language import dates

    if _DOTTED_DAY.match(line):
        return True
    found = dates.find_period(line)
    return found is not None and found.start == 0


_DOTTED_DAY = re.compile(
    r"(?:(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2]))"
    r"\.(?:\d{2}|\d{4})(?=[\s-])"
)
"""A day written with two digits to each part and points between, month or day first, as a
records portal names its documents ('07.25.77 VB Special Mtg Minutes-…'): no points
'07.25.77' of a list."""


def line_block(line: str, where: str) -> Block | None:
    """One line of plain text as a block (None for a blank line): a `#` heading, a list
    item (`- `, `* `, `• `, `1. `, `1) `, `a) `, `2.1 `), a row when it holds a tab, else a
    paragraph."""
    stripped = line.strip(" \t\r\n")
    if not stripped:
        return None
    indent = len(line) - len(line.lstrip(" \t"))
    if "\t" in stripped:
        return _row(stripped, where)
    point = _MARKER.match(stripped)
    start = point.end() if point else 0
    if _COLUMNS.search(stripped, start):  # columns a text export keeps apart by wide spaces
        return _row(stripped[:start] + _COLUMNS.sub("\t", stripped[start:]), where)
    heading = _HEADING.fullmatch(stripped)
    if heading:
        if not heading.group(2):
            return None  # an empty heading: only marks
        return _text_block("heading", heading.group(2), where, level=len(heading.group(1)))
    bullet = _BULLET.fullmatch(line)
    if bullet and bullet.group(1).strip():
        return _text_block("item", bullet.group(1), where, indent=indent)
    ordered = _ORDERED.fullmatch(line) or _DOTTED.fullmatch(line)
    if ordered and not _starts_with_date(stripped):
        number, text = (g for g in ordered.groups() if g is not None)
        if text.strip():
            marker = line.strip()[: len(line.strip()) - len(text.lstrip())].strip()
            return _text_block(
                "item", text, where, ordered=True, number=number, marker=marker, indent=indent
            )
    return _text_block("paragraph", stripped, where, indent=indent)


def text_blocks(text: str) -> list[Block]:
    """Plain text read line by line (an export puts one paragraph on a line), with the light
    Markdown of `line_block`; `where` is 'line N' of the text."""
    blocks = []
    for n, line in enumerate(text.split("\n"), 1):
        block = line_block(line, f"line {n}")
        if block is not None:
            blocks.append(block)
    return blocks


# ---------------------------------------------------------------------- Markdown


@cache
def _markdown() -> Any:
    """CommonMark with GFM tables, raw HTML off (psc's own parser has no tables)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


_HARD_BREAK = re.compile(r"(?:  +|(?<!\\)(?:\\\\)*\\)$")


def _inline_source(content: str) -> str:
    """A paragraph's source Markdown on one line: soft breaks as spaces, hard breaks (two
    spaces or a backslash at a line's end) as "\\n"."""
    lines = content.split("\n")
    out = []
    for i, line in enumerate(lines):
        hard = i < len(lines) - 1 and _HARD_BREAK.search(line)
        if hard:
            line = line[: hard.start()]
        out.append(_collapse(line) + ("\n" if hard else " "))
    return "".join(out).strip(" ")


def _paragraph_blocks(
    content: str, first_line: int, kind: Any = "paragraph", **fields: Any
) -> list[Block]:
    """A Markdown paragraph as one block, or, when some of its lines hold a tab (a table
    pasted as text), each tab line as a row and the lines between as paragraphs."""
    lines = content.split("\n")
    if not any("\t" in line.strip(" \t") for line in lines):
        text = _inline_source(content)
        return [_text_block(kind, text, f"line {first_line}", **fields)] if text else []
    blocks: list[Block] = []
    start = first_line
    run: list[str] = []
    for n, line in enumerate(lines, first_line):
        if "\t" not in line.strip(" \t"):
            if not run:
                start = n
            run.append(line)
            continue
        if run:
            blocks += _paragraph_blocks("\n".join(run), start, kind, **fields)
            run = []
        blocks.append(_row(line.strip(" \t"), f"line {n}"))
    if run:
        blocks += _paragraph_blocks("\n".join(run), start, kind, **fields)
    return blocks


def markdown_blocks(text: str) -> list[Block]:
    """Markdown read by its block structure: headings, paragraphs (their source Markdown),
    list items, table rows, code, the paragraphs of quotes; `where` is 'line N'."""
    blocks: list[Block] = []
    lists: list[bool] = []  # ordered, for each open list
    item: dict[str, Any] | None = None  # the fields of the current list item's first block
    heading = 0
    row: list[str] | None = None
    row_line = 0
    source_lines = text.split("\n")
    for token in _markdown().parse(text):
        kind = token.type
        line = token.map[0] + 1 if token.map else 0
        if kind == "heading_open":
            heading = int(token.tag[1:])
        elif kind == "heading_close":
            heading = 0
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            ordered = lists[-1]
            number = (token.info or None) if ordered else None
            marker = f"{number}{token.markup}" if number else None
            item = {"ordered": ordered, "number": number, "marker": marker}
            if len(lists) > 1 and 0 < line <= len(source_lines):  # a nested list's point
                written = source_lines[line - 1]
                item["indent"] = len(written) - len(written.lstrip(" \t"))
        elif kind == "list_item_close":
            item = None
        elif kind == "tr_open":
            row, row_line = [], line
        elif kind == "tr_close" and row is not None:
            while row and not row[-1]:
                row.pop()
            if row:
                blocks.append(Block("row", " | ".join(row), f"line {row_line}", cells=row))
            row = None
        elif kind == "inline" and row is not None:
            row.append(_unbold(_inline_source(token.content))[0])
        elif kind == "inline" and heading:
            if token.content.strip():
                blocks.append(_text_block("heading", token.content, f"line {line}", level=heading))
        elif kind == "inline" and lists:
            fields = item or {"ordered": lists[-1], "number": None}
            blocks += _paragraph_blocks(token.content, line, "item", **fields)
            item = {**fields, "number": None, "marker": None}  # a later paragraph: no number
        elif kind == "inline":
            blocks += _paragraph_blocks(token.content, line)
        elif kind in ("fence", "code_block") and token.content.strip():
            code = token.content.rstrip("\n")
            blocks.append(Block("paragraph", code, f"line {line}"))
    return blocks


# ---------------------------------------------------------------------- Word


def _docx() -> Any:
    try:
        import docx
    except ImportError:
        raise UsageError(
            _(
                "reading Word needs python-docx, a dependency of psc that is not installed "
                "here: reinstall psc"
            )
        ) from None
    return docx


MAX_ENTRIES = 5000
"""A Word file with more entries than this is refused before parsing."""
MAX_UNPACKED = 256 * 1024 * 1024
"""Bytes a Word file's entries may hold unpacked, all together (pictures included)."""
MAX_XML = 16 * 1024 * 1024
"""Bytes of XML a Word file's entries may hold unpacked (what is parsed: minutes hold well
under 1 MB; parsing takes a few times its size in memory)."""
MAX_RATIO = 200
"""An entry over 1 MB unpacked may be at most this many times its packed size."""


def check_package(package: bytes, shown: str, kind: str = "Word document") -> None:
    """Refuse (InvalidData, one line naming the file) a Word file (or another zipped
    package, named `kind` in the messages: "OpenDocument text") that is not a zip, is
    damaged, holds an encrypted entry or one packed by a method psc does not read, or would
    unpack to too much: more entries than MAX_ENTRIES, more bytes than MAX_UNPACKED, more
    XML than MAX_XML, or an entry packed more than MAX_RATIO times. Only the zip's
    directory is read (the unpacked sizes it states bound what Python's zipfile unpacks)."""
    import zipfile

    a_kind, kind = _kind(kind)

    def refuse(reason: str) -> InvalidData:
        return InvalidData([Problem(shown, 1, 1, "", reason)])

    try:
        with zipfile.ZipFile(io.BytesIO(package)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        reason = _("not a zip file") if isinstance(exc, zipfile.BadZipFile) else str(exc)
        reason = reason or _("damaged zip")
        raise refuse(_("not {a_kind} ({reason})", a_kind=a_kind, reason=reason)) from None
    if len(entries) > MAX_ENTRIES:
        raise refuse(
            _(
                "{kind} has {count} entries, over the limit of {limit}",
                kind=kind,
                count=len(entries),
                limit=MAX_ENTRIES,
            )
        )
    unpacked = xml = 0
    for entry in entries:
        name = _CONTROL.sub("?", entry.filename)
        if entry.flag_bits & 0x1:
            raise refuse(
                _("{kind} is encrypted ({name}); save it without a password", kind=kind, name=name)
            )
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(
                _(
                    "not {a_kind} ({name} is packed by method {method}, which psc does not read)",
                    a_kind=a_kind,
                    name=name,
                    method=entry.compress_type,
                )
            )
        unpacked += entry.file_size
        if entry.filename.lower().endswith((".xml", ".rels")):
            xml += entry.file_size
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * entry.compress_size:
            raise refuse(
                _(
                    "{kind} unpacks too far ({name}: {packed} bytes packed "
                    "into {size}, over {ratio} times)",
                    kind=kind,
                    name=name,
                    packed=entry.compress_size,
                    size=entry.file_size,
                    ratio=MAX_RATIO,
                )
            )
    if unpacked > MAX_UNPACKED:
        raise refuse(
            _(
                "{kind} unpacks to {size} bytes, over the limit of {limit}",
                kind=kind,
                size=unpacked,
                limit=MAX_UNPACKED,
            )
        )
    if xml > MAX_XML:
        raise refuse(
            _(
                "{kind} holds {size} bytes of XML, over the limit of {limit}",
                kind=kind,
                size=xml,
                limit=MAX_XML,
            )
        )


def _kind(kind: str) -> tuple[str, str]:
    """A kind of document as the messages name it, with its article and without: ('a Word
    document', 'Word document'), in the language of the messages."""
    if kind == "Word document":
        return _("a Word document"), _("Word document")
    if kind == "OpenDocument text":
        return _("an OpenDocument text"), _("OpenDocument text")
    return ("an " if kind[:1] in "AEIOU" else "a ") + kind, kind  # pragma: no cover


def docx_blocks(package: bytes, shown: str) -> list[Block]:
    """The body of a Word document (its bytes; `shown` names it), paragraphs and tables in
    order: Heading/Title styles as headings, list paragraphs as items, each table row as a
    row; InvalidData when the bytes are not a Word document, a damaged one, or one too
    large to read (`check_package`)."""
    import zipfile
    import zlib

    from lxml import etree

    docx = _docx()
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError

    check_package(package, shown)
    try:
        document = docx.Document(io.BytesIO(package))
        return _Reader(document).blocks()
    except (OpcError, zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        reason = _("not a zip file") if isinstance(exc, zipfile.BadZipFile) else str(exc)
        problem = _("not a Word document ({reason})", reason=reason)
    except (zlib.error, NotImplementedError, RuntimeError, OSError) as exc:
        problem = _("damaged Word document ({reason})", reason=_reason(exc))
    except (
        KeyError,
        ValueError,
        SyntaxError,
        etree.LxmlError,
        EOFError,
        PythonDocxError,
    ) as exc:
        problem = _("not a Word document ({reason})", reason=_reason(exc))
    raise InvalidData([Problem(shown, 1, 1, "", _CONTROL.sub("?", problem))])


def _reason(exc: BaseException) -> str:
    """What a reader's exception says, on one line (its type when it says nothing)."""
    return " ".join(str(exc).split()) or type(exc).__name__


_ESCAPED = re.compile(r"([\\`*_\[\]<])")
_LINK_DESTINATION = re.compile(r"([()\\<> ])")
_NUMBERED = re.compile(r"(\d{1,9})\.[ \t]+")
_HEADING_STYLE = re.compile(r"Heading ([1-9])")


@dataclass
class _Span:
    """A stretch of a paragraph with one look: its text, bold, italic, the link it is in."""

    text: str
    bold: bool
    italic: bool
    link: str | None


def _escaped(text: str) -> str:
    """Plain text as Markdown that reads as the same text."""
    return _ESCAPED.sub(r"\\\1", text)


def _marked(text: str, bold: bool, italic: bool) -> str:
    """Escaped `text` between the marks of its look, spaces kept outside the marks."""
    core = text.strip(" \n")
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip(" \n"))], text[len(text.rstrip(" \n")) :]
    mark = "*" * ((2 if bold else 0) + (1 if italic else 0))
    return f"{lead}{mark}{_escaped(core)}{mark}{trail}"


def _markdown_of(spans: list[_Span], *, bold: bool = True) -> str:
    """Spans as inline Markdown (`bold` False: bold left unmarked, for a wholly bold text)."""
    groups: list[_Span] = []
    for span in spans:
        last = groups[-1] if groups else None
        if last and (last.bold, last.italic, last.link) == (span.bold, span.italic, span.link):
            last.text += span.text
        else:
            groups.append(_Span(span.text, span.bold, span.italic, span.link))
    out: list[str] = []
    i = 0
    while i < len(groups):
        link = groups[i].link
        j = i + 1
        while link is not None and j < len(groups) and groups[j].link == link:
            j += 1
        inner = "".join(_marked(g.text, g.bold and bold, g.italic) for g in groups[i:j])
        if link:
            label = inner.strip(" ") or _escaped(link)
            destination = _LINK_DESTINATION.sub(
                lambda m: "%20" if m.group() == " " else "\\" + m.group(), link
            )
            pad = " " if inner.startswith(" ") else ""
            out.append(f"{pad}[{label}]({destination}){' ' if inner.endswith(' ') else ''}")
        else:
            out.append(inner)
        i = j
    text = re.sub(r" +", " ", "".join(out))
    return re.sub(r" *\n *", "\n", text).strip(" \n")


class _Styles:
    """A document's styles by ID and its default style of each type, read once: python-docx
    finds a paragraph's or a run's style by searching every style (an XPath query, or a scan
    for the default), which costs paragraphs × styles on a document of thousands of them.
    What a style inherits is found once per style (`inherited`), also along long chains of
    base styles, and a ring of them (a document may base a style on itself) ends."""

    def __init__(self, document: Any):
        self.by_id: dict[str, Any] = {}
        self.defaults: dict[Any, Any] = {}
        for style in document.styles.element.style_lst:
            style_id = style.styleId
            if style_id is not None:
                self.by_id.setdefault(style_id, style)  # the first, as python-docx finds it
            if style.default:
                self.defaults[style.type] = style  # the last, as the standard says
        self.memo: dict[str, dict[Any, Any]] = {}

    def of(self, style_id: str | None, kind: Any) -> Any:
        """The style element `style_id` of type `kind`, else the default of that type
        (None when there is none), as python-docx's `get_style` answers."""
        style = self.by_id.get(style_id) if style_id else None
        if style is None or style.type != kind:
            return self.defaults.get(kind)
        return style

    def inherited(self, style: Any, what: str, own: Callable[[Any], Any]) -> Any:
        """The first value other than None that `own` finds on the style element `style`
        or on the styles it is based on, nearest first (None: none has one), remembered
        under `what` for every style walked through (each style is asked once)."""
        memo = self.memo.setdefault(what, {})
        walked: list[Any] = []
        seen: set[Any] = set()
        found = None
        while style is not None:
            if style in memo:
                found = memo[style]
                break
            if style in seen:
                break  # a ring of base styles
            seen.add(style)
            walked.append(style)
            found = own(style)
            if found is not None:
                break
            based_on = style.basedOn
            style = self.by_id.get(based_on.val) if based_on is not None else None
        for walked_style in walked:
            memo[walked_style] = found
        return found

    @staticmethod
    def name(style: Any) -> str:
        """A style's name as Word shows it ("Heading 1"; "" for none)."""
        from docx.styles import BabelFish

        name = style.name_val if style is not None else None
        return BabelFish.internal2ui(name) if name else ""


class _Reader:
    """Walks one python-docx Document's body into blocks."""

    def __init__(self, document: Any):
        self.document = document
        self.styles = _Styles(document)
        self.formats: dict[str, dict[str, tuple[str | None, int]]] | None = None
        """The numFmt and start of each level (by ilvl) of each numbering (by numId)."""
        self.paragraphs = 0
        self.tables = 0
        self.counters: dict[str, list[int]] = {}  # numbering: the count at each level
        self.out: list[Block] = []

    def blocks(self) -> list[Block]:
        self.walk(self.document.element.body, self.document._body)
        return self.out

    def walk(self, element: Any, parent: Any) -> None:
        """Paragraphs and tables of a body in order, also inside content controls."""
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in element.iterchildren():
            tag = _local(child.tag)
            if tag == "p":
                self.paragraphs += 1
                self.paragraph(Paragraph(child, parent), f"paragraph {self.paragraphs}")
            elif tag == "tbl":
                self.tables += 1
                self.table(Table(child, parent), self.tables)
            elif tag in ("sdt", "sdtContent", "customXml"):
                self.walk(child, parent)

    def paragraph(self, paragraph: Paragraph, where: str) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        spans = _spans(paragraph._p, paragraph, self.styles)
        if not "".join(s.text for s in spans).strip():
            return
        whole_bold = all(s.bold for s in spans if s.text.strip())
        text = _markdown_of(spans, bold=not whole_bold)
        paragraph_style = self.styles.of(paragraph._p.style, WD_STYLE_TYPE.PARAGRAPH)
        style = self.styles.name(paragraph_style)
        heading = _HEADING_STYLE.fullmatch(style)
        if heading or style == "Title":
            level = min(int(heading.group(1)), 6) if heading else 1
            self.out.append(Block("heading", text, where, level=level, bold=whole_bold))
            return
        numbering = self.numbering(paragraph, paragraph_style)
        if numbering is not None or "List Bullet" in style or "List Number" in style:
            ordered, number = numbering if numbering is not None else (False, None)
            ordered = ordered or "Number" in style
            item = Block("item", text, where, ordered=ordered, number=number, bold=whole_bold)
            self.out.append(item)
            return
        numbered = _NUMBERED.match(text)
        if style == "List Paragraph" and numbered and text[numbered.end() :].strip():
            rest = text[numbered.end() :]
            self.out.append(
                Block(
                    "item",
                    rest,
                    where,
                    ordered=True,
                    number=numbered.group(1),
                    bold=whole_bold,
                    marker=text[: numbered.end()].strip(),
                )
            )
            return
        self.out.append(Block("paragraph", text, where, bold=whole_bold))

    def numbering(self, paragraph: Paragraph, style: Any) -> tuple[bool, str | None] | None:
        """(ordered, number) of a paragraph numbered by Word (w:numPr of the paragraph or of
        its style, the style element `style`), or None. The number is counted for decimal
        and letter formats."""
        from docx.oxml.ns import qn

        path = f"{qn('w:pPr')}/{qn('w:numPr')}"
        num_pr = paragraph._p.find(path)
        if num_pr is None:
            num_pr = self.styles.inherited(style, "numPr", lambda based: based.find(path))
        if num_pr is None:
            return None
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        num = num_id.get(qn("w:val")) if num_id is not None else None
        if num is None or num == "0":  # numId 0: numbering switched off
            return None
        level = int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
        fmt, start = self.format(num, level)
        if fmt == "bullet":
            return False, None
        counts = self.counters.setdefault(num, [])
        while len(counts) <= level:
            counts.append(0)
        del counts[level + 1 :]
        counts[level] = counts[level] + 1 if counts[level] else start
        value = counts[level]
        if fmt in ("lowerLetter", "upperLetter") and 1 <= value <= 26:
            letter = chr(ord("a") + value - 1)
            return True, letter.upper() if fmt == "upperLetter" else letter
        if fmt in ("decimal", "decimalZero", None):
            return True, str(value)
        return True, None

    def format(self, num: str, level: int) -> tuple[str | None, int]:
        """The numFmt and start of level `level` of numbering `num` (None: not found)."""
        if self.formats is None:
            self.formats = self._formats()
        return self.formats.get(num, {}).get(str(level), (None, 1))

    def _formats(self) -> dict[str, dict[str, tuple[str | None, int]]]:
        """Every numbering's levels (see `formats`), read once: the first w:num of each
        numId, the first w:abstractNum of each ID and the first w:lvl of each level."""
        from docx.oxml.ns import qn

        try:
            numbering = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return {}
        abstracts: dict[str | None, dict[str, tuple[str | None, int]]] = {}
        for abstract_el in numbering.findall(qn("w:abstractNum")):
            levels: dict[str, tuple[str | None, int]] = {}
            for lvl in abstract_el.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                start = lvl.find(qn("w:start"))
                start_value = start.get(qn("w:val")) if start is not None else "1"
                levels.setdefault(
                    lvl.get(qn("w:ilvl")),
                    (
                        fmt.get(qn("w:val")) if fmt is not None else None,
                        int(start_value) if (start_value or "").isdigit() else 1,
                    ),
                )
            abstracts.setdefault(abstract_el.get(qn("w:abstractNumId")), levels)
        formats: dict[str, dict[str, tuple[str | None, int]]] = {}
        for num_el in numbering.findall(qn("w:num")):
            abstract = num_el.find(qn("w:abstractNumId"))
            abstract_id = abstract.get(qn("w:val")) if abstract is not None else None
            formats.setdefault(num_el.get(qn("w:numId")), abstracts.get(abstract_id, {}))
        return formats

    def table(self, table: Table, t: int) -> None:
        from docx.table import _Cell

        for r, tr in enumerate(table._tbl.tr_lst, 1):
            cells = []
            for tc in tr.tc_lst:  # one w:tc per cell: merged cells once, continued ones empty
                cells.append(self.cell(_Cell(tc, table)))
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                self.out.append(Block("row", " | ".join(cells), f"table {t}, row {r}", cells=cells))

    def cell(self, cell: Any) -> str:
        """A cell's paragraphs as lines (wholly bold ones without their marks); a table in
        it as one line per row."""
        lines = []
        for part in cell.iter_inner_content():
            if hasattr(part, "rows"):
                for tr in part._tbl.tr_lst:
                    from docx.table import _Cell

                    inner = [self.cell(_Cell(tc, part)) for tc in tr.tc_lst]
                    if any(inner):
                        lines.append(" | ".join(inner))
                continue
            spans = _spans(part._p, part, self.styles)
            if "".join(s.text for s in spans).strip():
                lines.append(
                    _markdown_of(spans, bold=not all(s.bold for s in spans if s.text.strip()))
                )
        return "\n".join(lines)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _spans(element: Any, paragraph: Any, styles: _Styles, link: str | None = None) -> list[_Span]:
    """The runs of a paragraph (also inside hyperlinks, insertions, smart tags, fields and
    content controls; not deleted text) as spans."""
    from docx.text.run import Run

    spans: list[_Span] = []
    for child in element.iterchildren():
        tag = _local(child.tag)
        if tag == "r":
            run = Run(child, paragraph)
            text = _CONTROL.sub("", run.text.replace("\t", " "))
            if text:
                spans.append(_Span(text, _bold(run, styles), bool(run.italic), link))
        elif tag == "hyperlink":
            spans += _spans(child, paragraph, styles, _hyperlink(child, paragraph) or link)
        elif tag in ("ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml"):
            spans += _spans(child, paragraph, styles, link)
    return spans


def _bold(run: Any, styles: _Styles) -> bool:
    """Whether a run is bold: by itself, else by its character style (Strong) or the
    styles that one is based on."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.text.font import Font

    if run.bold is not None:
        return bool(run.bold)
    style = styles.of(run._r.style, WD_STYLE_TYPE.CHARACTER)
    return bool(styles.inherited(style, "bold", lambda based: Font(based).bold))


def _hyperlink(element: Any, paragraph: Any) -> str | None:
    """The address of a w:hyperlink: its relationship's target (and #anchor)."""
    from docx.oxml.ns import qn

    rid = element.get(qn("r:id"))
    address = ""
    if rid:
        rel = paragraph.part.rels.get(rid)
        if rel is not None and rel.is_external:
            address = rel.target_ref
    anchor = element.get(qn("w:anchor"))
    if address and anchor:
        address += f"#{anchor}"
    return address or None
