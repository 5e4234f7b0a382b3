"""The text of a PDF as `Block`s, read with pypdf.

A PDF holds positioned lines, not paragraphs. Its text is read page by page and put back
together by general rules, each tested on its own:
- running headers and footers are dropped: a line at the top or bottom of pages that
  repeats on most pages (digits aside: "Minutes 19/20 Page 29"), and a page number at a
  page's edge ("Page 2 of 13", "Strana 2 z 5", "- 2 -", "2/13");
- a word hyphenated at a line's end is joined ("Chem-" + "istry");
- a line that clearly continues the one before (it starts in lower case, or the line
  before ends with a comma or leaves a bracket open) is joined to it, so a wrapped paragraph or list item is one
  block;
- a drop capital, a paragraph's first letter set large and extracted as a line of its own
  ("M" over "otion: …"), is joined to the rest of its word;
- ligatures ("ﬀ", "ﬁ") are read as their letters.
Each logical line then becomes a block as a line of plain text does (`sources.line_block`:
bullets and numbered points as items).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from psc.edits.intake.blocks import Block
from psc.edits.intake.sources import _CONTROL, _collapse, line_block
from psc.errors import InvalidData, Problem, UsageError, display_path
from psc.loading import pipeline

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
            "reading PDF needs pypdf, a dependency of psc that is not installed here: reinstall psc"
        ) from None
    return pypdf


def pdf_pages(data: bytes, shown: str) -> list[str]:
    """The text of each page of a PDF (its bytes; `shown` names it); InvalidData (one line)
    when the bytes are not a PDF, a damaged or encrypted one, one too large, or one with
    no text at all (a scan)."""
    import logging
    import zlib

    pypdf = _pypdf()
    from pypdf.errors import PyPdfError

    def refuse(reason: str) -> InvalidData:
        return InvalidData([Problem(shown, 1, 1, "", _CONTROL.sub("?", reason))])

    if not data.lstrip()[:1024].find(b"%PDF-") >= 0:
        raise refuse("not a PDF (no %PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not the user's
    pages: list[str] = []
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise refuse("PDF is encrypted; save it without a password")
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise refuse(f"PDF has {count} pages, over the limit of {MAX_PAGES}")
        total = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > MAX_TEXT:
                raise refuse(f"PDF holds over {MAX_TEXT} characters of text, over the limit")
            pages.append(text)
    except InvalidData:
        raise
    except (PyPdfError, zlib.error, ValueError, KeyError, TypeError, AttributeError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise refuse(f"not a PDF psc can read ({reason})") from None
    except (RecursionError, MemoryError, OSError, NotImplementedError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise refuse(f"damaged PDF ({reason})") from None
    if not any(page.strip() for page in pages):
        raise refuse("PDF holds no text (a scan? psc reads a PDF's text, not its images)")
    return pages


def pdf_blocks(data: bytes, shown: str) -> list[Block]:
    """The blocks of a PDF's text: see the module's rules."""
    pages = [_page_lines(text) for text in pdf_pages(data, shown)]
    blocks = []
    for text, where in joined_lines(without_running_lines(pages)):
        block = line_block(text, where)
        if block is not None:
            blocks.append(block)
    return blocks


def _page_lines(text: str) -> list[str]:
    text = _CONTROL.sub(" ", text.translate(_LIGATURES).replace("\r", "\n"))
    return [_collapse(line) for line in text.split("\n")]


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


def joined_lines(pages: list[list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """The lines of all pages as logical lines: a drop capital and a word hyphenated at a
    line's end joined to the rest of the word without a space, a line that continues the one
    before (`_continues`) joined with a space; each with where its first line was. A blank
    line ends a paragraph."""
    out: list[tuple[str, str]] = []
    blank = False
    for lines in pages:
        for line, where in lines:
            if not line:
                blank = True
                continue
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
                if _continues(previous, line):
                    out[-1] = (f"{previous} {line}", first)
                    continue
            out.append((line, where))
            blank = False
    return out
