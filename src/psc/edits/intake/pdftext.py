"""The text of a PDF as `Block`s.

pypdf opens the PDF and checks it (encrypted, too many pages, damaged, and every stream it
would unpack within pypdf's limits on decompression), then pdfminer.six reads each page's
glyphs with their places (`page_lines`): the words of a line are told apart by the gap
between their glyphs, as a reader sees them. (pypdf's own text extraction adds a space only
for a shift of the pen over about half a space's width, and a justified line set by LaTeX
shrinks its spaces below that: 'JanHoráček,MartinUkrop,…'.)

A PDF holds positioned lines, not paragraphs. Its text is read page by page and put back
together by general rules, each tested on its own:
- running headers and footers are dropped: a line at the top or bottom of pages that
  repeats on most pages (digits aside: "Minutes 19/20 Page 29"), and a page number at a
  page's edge ("Page 2 of 13", "Strana 2 z 5", "- 2 -", "2/13");
- a word hyphenated at a line's end is joined ("Chem-" + "istry");
- a line that clearly continues the one before (it starts in lower case, or the line
  before ends with a comma or leaves a bracket open) is joined to it, so a wrapped paragraph or list item is one
  block;
- so is a line after a full line of a justified paragraph (one spanning the text's width to
  its right edge, without a table's columns: `full_lines`), unless it opens a point of its
  own or the full line ends a sentence ("…, Veronika" + "Burgerová, Martin Kurečka …");
- a drop capital, a paragraph's first letter set large and extracted as a line of its own
  ("M" over "otion: …"), is joined to the rest of its word;
- ligatures ("ﬀ", "ﬁ") are read as their letters.
Each logical line then becomes a block as a line of plain text does (`sources.line_block`:
bullets and numbered points as items).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psc.edits.intake.blocks import Block
from psc.edits.intake.sources import _CONTROL, _collapse, line_block
from psc.errors import InvalidData, Problem, UsageError, display_path
from psc.loading import pipeline
from psc.messages import _

MAX_PDF_BYTES = 64 * 1024 * 1024
"""A PDF larger than this is refused before reading."""
MAX_PAGES = 2000
"""A PDF with more pages than this is refused (minutes run to tens of pages)."""
MAX_TEXT = 8 * 1024 * 1024
"""Characters of text a PDF may yield, all pages together."""

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb06": "st",
    }
)
_PAGE_NUMBER = re.compile(
    r"(?:(?P<word>page|p\.|strana|stránka|str\.|s\.)\s*)?(?P<dash>[-–—]\s*)?(?P<n>\d{1,4})\s*[-–—]?"
    r"(?P<of>\s*(?:of|z|ze|/)\s*\d{1,4})?",
    re.IGNORECASE,
)
"""A page number: 'Page 2 of 13', 'Strana 2 z 5', '- 2 -', '2/13', '2'."""
_DIGITS = re.compile(r"\d+")
_EDGE = 3
"""How many lines at the top and at the bottom of a page may be a running header/footer."""


def read_pdf(path: Path) -> list[Block]:
    """The blocks of the text of the PDF `path`."""
    return pdf_blocks(pipeline.read(path, MAX_PDF_BYTES), display_path(path))


def _pypdf() -> Any:
    try:
        import pypdf
    except ImportError:
        raise UsageError(
            _(
                "reading PDF needs pypdf, a dependency of psc that is not installed here: "
                "reinstall psc"
            )
        ) from None
    return pypdf


def _checked(pypdf: Any, data: bytes, refuse: Callable[[str], InvalidData]) -> Any:
    """The PDF opened with pypdf and checked: not encrypted (or with an empty password), no
    more than MAX_PAGES pages, and each stream but images (which the text does not need)
    unpacked within pypdf's limits, so that a small file unpacking to gigabytes is refused
    before pdfminer.six, which has no such limit, reads it."""
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise refuse(_("PDF is encrypted; save it without a password"))
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise refuse(
            _("PDF has {count} pages, over the limit of {limit}", count=count, limit=MAX_PAGES)
        )
    for generation, numbers in reader.xref.items():
        for number in numbers:
            stream = reader.get_object(pypdf.generic.IndirectObject(number, generation, reader))
            if (
                isinstance(stream, pypdf.generic.StreamObject)
                and stream.get("/Subtype") != "/Image"
            ):
                stream.get_data()
    return reader


def pdf_pages(data: bytes, shown: str) -> list[str]:
    """The text of each page of a PDF (its bytes; `shown` names it); InvalidData (one line)
    when the bytes are not a PDF, a damaged or encrypted one, one too large, or one with
    no text at all (a scan)."""
    return ["\n".join(line.text for line in page) for page in pdf_lines(data, shown)]


def pdf_lines(data: bytes, shown: str) -> list[list[Line]]:
    """The lines of each page of a PDF, as `pdf_pages` reads them."""
    import logging
    import zlib

    pypdf = _pypdf()
    try:
        import pdfminer  # noqa: F401
    except ImportError:
        raise UsageError(
            _(
                "reading PDF needs pdfminer.six, a dependency of psc that is not installed "
                "here: reinstall psc"
            )
        ) from None
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFException
    from pdfminer.psparser import PSException
    from pypdf.errors import LimitReachedError, PyPdfError

    def refuse(reason: str) -> InvalidData:
        return InvalidData([Problem(shown, 1, 1, "", _CONTROL.sub("?", reason))])

    if not data.lstrip()[:1024].find(b"%PDF-") >= 0:
        raise refuse(_("not a PDF (no %PDF header)"))
    for name in ("pypdf", "pdfminer"):  # their warnings are not the user's
        logging.getLogger(name).setLevel(logging.ERROR)
    pages: list[list[Line]] = []
    try:
        _checked(pypdf, data, refuse)
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        resources = PDFResourceManager()
        device = PDFPageAggregator(resources, laparams=None)  # glyphs as drawn, no layout
        interpreter = PDFPageInterpreter(resources, device)
        total = 0
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            lines = page_lines(_glyphs(device.get_result()))
            total += sum(len(line.text) + 1 for line in lines)
            if total > MAX_TEXT:
                raise refuse(
                    _(
                        "PDF holds over {limit} characters of text, over the limit",
                        limit=MAX_TEXT,
                    )
                )
            pages.append(lines)
    except InvalidData:
        raise
    except LimitReachedError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise refuse(_("PDF unpacks too far ({reason})", reason=reason)) from None
    except (
        PyPdfError,
        PDFException,
        PSException,
        zlib.error,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        AssertionError,
    ) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise refuse(_("not a PDF psc can read ({reason})", reason=reason)) from None
    except (RecursionError, MemoryError, OSError, NotImplementedError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise refuse(_("damaged PDF ({reason})", reason=reason)) from None
    if not any(line.text.strip() for page in pages for line in page):
        raise refuse(_("PDF holds no text (a scan? psc reads a PDF's text, not its images)"))
    return pages


def _glyphs(container: Any) -> Iterator[Any]:
    """The glyphs of a page set on a level line as pdfminer.six draws them (LTChar), in the
    order they are drawn, those of a form (LTFigure) in its place; text set at an angle or
    upside down (a watermark across the page) is left out, an oblique (slanted) one kept."""
    from pdfminer.layout import LTChar, LTFigure

    for item in container:
        if isinstance(item, LTChar) and _level(item.matrix):
            yield item
        elif isinstance(item, LTFigure):
            yield from _glyphs(item)


def _level(matrix: tuple[float, float, float, float, float, float]) -> bool:
    """Whether a glyph's matrix (a, b, c, d, e, f) sets it on a level line, upright: its
    baseline (a, b) runs to the right without rising, its height (c, d) points up."""
    a, b, _c, d = matrix[:4]
    return a > 0 and d > 0 and abs(b) <= 0.01 * a


WORD_GAP = 0.1
"""A gap between two glyphs wider than this share of the larger one's size (its height or
width) parts two words; pdfminer.six's own word margin."""


@dataclass(frozen=True)
class Line:
    """A line of a page: its text, where its glyphs begin and end across the page, and
    whether a gap between two of them is as wide as a table's columns leave."""

    text: str
    x0: float = 0.0
    x1: float = 0.0
    columns: bool = False


COLUMN_GAP = 2.0
"""A gap between two glyphs of a line wider than this many times their size: columns."""


def page_lines(glyphs: Iterable[Any]) -> list[Line]:
    """A page's lines from its glyphs in the order they are drawn (anything with `x0`, `x1`,
    `y0`, `y1`, `width`, `height` and `get_text()`): a glyph whose middle lies outside the
    height of the glyph before it (and the other way round) starts a new line, so that a
    superscript ('23rd') and a drop capital spanning two lines stay with their words; within
    a line a gap wider than WORD_GAP of the glyphs' size, or a step back to the left, is a
    space."""
    lines: list[Line] = []
    text: list[str] = []
    first: Any = None
    last: Any = None
    columns = False
    for glyph in glyphs:
        if last is not None:
            middle, last_middle = (glyph.y0 + glyph.y1) / 2, (last.y0 + last.y1) / 2
            if not (last.y0 <= middle <= last.y1 or glyph.y0 <= last_middle <= glyph.y1):
                lines.append(Line("".join(text), first.x0, last.x1, columns))
                text, first, columns = [], None, False
            else:
                size = max(glyph.width, glyph.height, last.width, last.height)
                if glyph.x0 - last.x1 > WORD_GAP * size or glyph.x1 < last.x0 - WORD_GAP * size:
                    text.append(" ")
                columns = columns or abs(glyph.x0 - last.x1) > COLUMN_GAP * size
        text.append(glyph.get_text())
        first = first or glyph
        last = glyph
    if first is not None and last is not None:
        lines.append(Line("".join(text), first.x0, last.x1, columns))
    return lines or [Line("")]


def page_text(glyphs: Iterable[Any]) -> str:
    """A page's text: its lines (`page_lines`), one a line."""
    return "\n".join(line.text for line in page_lines(glyphs))


_FULL = 0.01
"""A line ending within this share of the text's width from its right edge reaches it."""
_WIDE = 0.8
"""... and a line that spans at least this share of the width is a full line of text."""


def full_lines(lines: list[Line]) -> list[bool]:
    """Whether each line of a page is a full line of running text: it spans the width of the
    page's text and reaches its right edge (a justified paragraph's line, the words going on
    on the next line), with no gap of a table's columns in it."""
    filled = [line for line in lines if line.text.strip()]
    if not filled:
        return [False] * len(lines)
    left, right = min(line.x0 for line in filled), max(line.x1 for line in filled)
    width = right - left
    return [
        bool(line.text.strip())
        and not line.columns
        and width > 0
        and line.x1 >= right - _FULL * width
        and line.x1 - line.x0 >= _WIDE * width
        for line in lines
    ]


def pdf_blocks(data: bytes, shown: str) -> list[Block]:
    """The blocks of a PDF's text: see the module's rules."""
    read = pdf_lines(data, shown)
    pages = [[_clean(line.text) for line in lines] for lines in read]
    full = {
        f"page {p}, line {n}"
        for p, lines in enumerate(read, 1)
        for n, wide in enumerate(full_lines(lines), 1)
        if wide
    }
    blocks = []
    for text, where in joined_lines(without_running_lines(pages), full):
        block = line_block(text, where)
        if block is not None:
            blocks.append(block)
    return blocks


def _clean(line: str) -> str:
    return _collapse(_CONTROL.sub(" ", line.translate(_LIGATURES).replace("\r", " ")))


def _shape(line: str) -> str | None:
    """A line with its numbers as '#' (a running header's page number changes); None for
    a line without letters (a number alone is a page number only by `_page_number`)."""
    if not re.search(r"[^\W\d_]", line):
        return None
    return _DIGITS.sub("#", line.casefold())


def _page_number(line: str, page: int) -> bool:
    """A line that is only a page number: worded ('Page 2 of 13', 'Strana 2 z 5', '- 2 -',
    '2/13'), or a bare number near `page` (1-based; front matter may shift it by two)."""
    match = _PAGE_NUMBER.fullmatch(line)
    if match is None:
        return False
    if match["word"] or match["of"] or match["dash"]:
        return True
    return 1 <= int(match["n"]) and abs(int(match["n"]) - page) <= 2


def without_running_lines(pages: list[list[str]]) -> list[list[tuple[str, str]]]:
    """Each page's lines (with 'page N, line M') without its running headers and footers:
    a line among the first or last _EDGE non-blank lines of a page whose shape repeats at
    the same edge of at least half of the pages (two at least), and a page number at a
    page's first or last line."""
    edges: dict[tuple[str, str | None], int] = {}
    for lines in pages:
        filled = [line for line in lines if line]
        seen = {("top", _shape(line)) for line in filled[:_EDGE] if _shape(line)}
        seen |= {("bottom", _shape(line)) for line in filled[-_EDGE:] if _shape(line)}
        for key in seen:
            edges[key] = edges.get(key, 0) + 1
    needed = max(2, (len(pages) + 1) // 2)
    out: list[list[tuple[str, str]]] = []
    for p, lines in enumerate(pages, 1):
        numbered = [(n, line) for n, line in enumerate(lines, 1) if line]
        drop: set[int] = set()
        for at, (n, line) in enumerate(numbered):
            top, bottom = at < _EDGE, at >= len(numbered) - _EDGE
            shape = _shape(line)
            if shape and (
                (top and edges.get(("top", shape), 0) >= needed)
                or (bottom and edges.get(("bottom", shape), 0) >= needed)
            ):
                drop.add(n)
        for at in (0, len(numbered) - 1):
            if numbered and _page_number(numbered[at][1], p):
                drop.add(numbered[at][0])
        page_lines = [
            (line, f"page {p}, line {n}") if line else ("", "")
            for n, line in enumerate(lines, 1)
            if n not in drop
        ]
        out.append(page_lines)
    return out


_HYPHENATED = re.compile(r"\w[-\u00ad]$")
_STARTS_LOWER = re.compile(r"[(\[„“‚‘«\"']?[^\W\d_]")


def _continues(previous: str, line: str) -> bool:
    """Whether `line` clearly goes on from `previous`: it is no list item or heading of its
    own, and it starts in lower case, or `previous` ends with a comma or leaves a bracket
    open."""
    block = line_block(line, "")
    if block is None or block.kind != "paragraph":
        return False
    start = _STARTS_LOWER.match(line)
    lower = start is not None and start.group()[-1].islower()
    return lower or previous.endswith(",") or previous.count("(") > previous.count(")")


def _wraps(previous: str, line: str) -> bool:
    """Whether `line` goes on from `previous`, a full line of a justified paragraph
    ('Přítomní: …, Lukáš Semerád, Veronika' / 'Burgerová, Martin Kurečka a Dominika Krejčí
    na telefonu'): it is no list item or heading of its own, and `previous` ends no sentence
    or label."""
    block = line_block(line, "")
    return block is not None and block.kind == "paragraph" and not re.search(r"[.!?:;]$", previous)


_DROP_CAPITAL = re.compile(r"[B-HJ-Z]")
"""A capital letter alone on a line: a drop capital ('A' and 'I' are words of their own)."""
_REST_OF_WORD = re.compile(r"[a-z]+\b")


def _drop_capital(previous: str, line: str) -> bool:
    """Whether `previous` is a drop capital and `line` the rest of its word ('V' over 'ice
    Chair Tran read …', 'P' over 'resent (7): …'): a capital alone, then lower case."""
    return _DROP_CAPITAL.fullmatch(previous) is not None and _REST_OF_WORD.match(line) is not None


_ADDRESS_END = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S*-$", re.I)
"""A line ending inside a web address at one of its hyphens ('https://www.cvsnewcastle.org.uk/our-'
over 'services/training-and-events'): the hyphen belongs to the address and stays."""


def joined_lines(
    pages: list[list[tuple[str, str]]], full: Collection[str] = ()
) -> list[tuple[str, str]]:
    """The lines of all pages as logical lines: a drop capital and a word hyphenated at a
    line's end joined to the rest of the word without a space, a line that continues the one
    before (`_continues`, or `_wraps` after a full line: `full` holds where such lines are)
    joined with a space; each with where its first line was. A blank line ends a paragraph."""
    out: list[tuple[str, str]] = []
    blank = False
    before = ""  # where the line before was
    for lines in pages:
        for line, where in lines:
            if not line:
                blank = True
                continue
            wrapped, before = before in full, where
            if out and not blank:
                previous, first = out[-1]
                if _drop_capital(previous, line):
                    out[-1] = (previous + line, first)
                    continue
                if _HYPHENATED.search(previous) and _continues(previous, line):
                    if _ADDRESS_END.search(previous):  # the hyphen is the address's own
                        out[-1] = (previous + line, first)
                        continue
                    if line[:1].islower():
                        out[-1] = (previous[:-1] + line, first)
                        continue
                if _continues(previous, line) or (wrapped and _wraps(previous, line)):
                    out[-1] = (f"{previous} {line}", first)
                    continue
            out.append((line, where))
            blank = False
    return out
