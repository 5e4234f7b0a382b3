"""A web page of minutes (.html, .htm) as `Block`s, parsed with lxml's HTML parser.

A municipality's page holds its site around the minutes: menus, a header and footer,
scripts, search forms, cookie bars. Only the main content is read: the page's <main> (or
role="main"), else its largest <article>, else its body (also when the <main> lacks the
page's <h1>: minutes formatted as a page of their own keep title and attendance above
it); inside it, navigation, the site's headers and footers (not one holding the <h1>),
asides, forms, scripts and styles, hidden elements and blocks whose id or class names
site furniture (menu, breadcrumb, sidebar, cookie…) are left out.
Then: headings, paragraphs (a single <br> kept as a line break, two or more end the
paragraph), list items (numbered as the <ol> numbers them), each table row as a row (and
each term of a definition list with its descriptions), bold
as **…** and links as [text](url), as `sources` reads Word.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from psc.edits.intake.blocks import Block
from psc.edits.intake.sources import (
    _CONTROL,
    SEPARATORS_AS_SPACES,
    _collapse,
    _markdown_of,
    _Span,
    _unbold,
)
from psc.errors import InvalidData, Problem, display_path
from psc.loading import pipeline

MAX_HTML_BYTES = 16 * 1024 * 1024
"""A web page larger than this is refused before parsing."""

_DROPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "textarea",
    "input",
    "head",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "map",
}
_FURNITURE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|breadcrumbs?|sidebar|cookies?|banner|"
    r"skip-?link|search|social|share|sharing|footer|header|masthead|toolbar|pagination)"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre", "dl", "dt", "dd"}
_CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "body",
    "blockquote",
    "center",
    "figure",
    "figcaption",
    "details",
    "summary",
    "address",
    "fieldset",
    "font",
    "span",
    "header",
    "footer",
}
_INLINE_BOLD = {"b", "strong"}
_INLINE_ITALIC = {"i", "em"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)


def read_html(path: Path) -> list[Block]:
    """The blocks of the web page `path`."""
    return html_blocks(pipeline.read(path, MAX_HTML_BYTES), display_path(path))


def _encoding(data: bytes) -> str:
    """The page's encoding: its BOM, its <meta charset>, else UTF-8 when it decodes as
    UTF-8, else windows-1250 (what older Czech pages without a declaration use)."""
    import codecs

    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace")
        try:
            return codecs.lookup(name).name
        except LookupError:
            pass
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1250"
    return "utf-8"


def html_blocks(data: bytes, shown: str) -> list[Block]:
    """The main content of a web page (its bytes; `shown` names it) as blocks;
    InvalidData (one line) when it is no HTML psc can parse."""
    import lxml.html
    from lxml import etree

    def refuse(reason: str) -> InvalidData:
        return InvalidData([Problem(shown, 1, 1, "", _CONTROL.sub("?", reason))])

    if b"\x00" in data[:4096] or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refuse("not a web page psc reads (UTF-16 or binary; save it as UTF-8)")
    parser = lxml.html.HTMLParser(
        encoding=_encoding(data), remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.LxmlError, ValueError) as exc:
        raise refuse(f"not a web page ({' '.join(str(exc).split()) or 'empty'})") from None
    main = _main(root)
    reader = _Reader()
    reader.walk(main)
    reader.flush()
    return reader.out


def _hidden(element: Any) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _furniture(element: Any, inside_content: bool) -> bool:
    """Site furniture left out: menus, asides, scripts…, the page's own header and footer
    (a header inside an <article> is the article's title, kept), hidden elements."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _DROPPED or _hidden(element):
        return True
    if (element.get("role") or "") in _FURNITURE_ROLES:
        return True
    if tag in ("header", "footer") and not inside_content and not element.xpath(".//h1"):
        return True
    names = f"{element.get('id') or ''} {element.get('class') or ''}"
    furnished = tag in ("div", "section", "ul") and bool(_FURNITURE.search(names))
    return furnished and not element.xpath(".//h1")


def _text_length(element: Any) -> int:
    return len("".join(element.itertext()).strip())


def _main(root: Any) -> Any:
    """The page's main content: its <main> (or role=main), else its largest <article>,
    else its body. A <main> or <article> without the page's <h1> is only a part of the
    document (minutes whose title, date and attendance stand above it): then the body."""
    has_h1 = bool(root.xpath("//h1"))
    for found in (root.xpath("//main | //*[@role='main']"), root.xpath("//article")):
        if found:
            best = max(found, key=_text_length)
            if best.xpath(".//h1") or not has_h1:
                return best
            break
    body = root.find("body")
    return body if body is not None else root


class _Reader:
    """Walks the main content into blocks."""

    def __init__(self) -> None:
        self.out: list[Block] = []
        self.spans: list[_Span] = []  # loose inline content waiting for its paragraph
        self.line = 0
        self.tables = 0

    def flush(self) -> None:
        """The loose inline content read so far as paragraphs (split at <br><br>)."""
        text = _markdown_of(self.spans, bold=True) if self.spans else ""
        self.spans = []
        for part in re.split(r"\n\s*\n", text):
            self.paragraph(part, self.line)

    def paragraph(self, text: str, line: int, kind: str = "paragraph", **fields: Any) -> None:
        lines = [_collapse(x) for x in text.split("\n")]
        text = "\n".join(x for x in lines if x)
        if not text:
            return
        inner, bold = _unbold(text) if "\n" not in text else (text, False)
        self.out.append(Block(kind, inner, f"line {line}", bold=bold, **fields))  # type: ignore[arg-type]

    def walk(self, element: Any, inside: bool = False) -> None:
        """The children of a container: block elements as blocks, loose inline content
        gathered into paragraphs."""
        inside = inside or element.tag in ("main", "article")
        self.inline_text(element.text, element)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag and not _furniture(child, inside):
                if tag in _BLOCKS or tag in _CONTAINERS - {"span", "font"} or tag in ("li", "tr"):
                    self.flush()
                    self.block(child, tag, inside)
                elif tag == "br":
                    self.spans.append(_Span("\n", False, False, None))
                elif tag == "hr":
                    self.flush()
                else:
                    if not self.spans:
                        self.line = child.sourceline or self.line
                    self.spans += _spans(child, False, False, None)
            self.inline_text(child.tail, element)

    def inline_text(self, text: str | None, element: Any) -> None:
        if text and text.strip():
            if not self.spans:
                self.line = element.sourceline or self.line
            self.spans.append(_Span(_clean(text), False, False, None))

    def block(self, element: Any, tag: str, inside: bool) -> None:
        line = element.sourceline or 0
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            spans = _spans(element, False, False, None)
            text = _markdown_of(spans, bold=False).replace("\n", " ")
            if text.strip():
                self.out.append(
                    Block("heading", _collapse(text), f"line {line}", level=int(tag[1]))
                )
        elif tag in ("p", "dt", "dd", "pre", "summary", "figcaption", "address"):
            if any(isinstance(c.tag, str) and c.tag in _BLOCKS | {"div", "li"} for c in element):
                self.walk(element, inside)  # a <p> holding blocks (broken markup)
                self.flush()
                return
            whole = _markdown_of(_spans(element, False, False, None))
            for part in re.split(r"\n\s*\n", whole):
                self.paragraph(part, line)
        elif tag in ("ul", "ol"):
            self.list_items(element, tag == "ol", inside)
        elif tag == "li":
            self.item(element, False, None, inside)
        elif tag == "table":
            self.tables += 1
            self.table(element, self.tables)
        elif tag == "tr":
            self.row(element, 0, 0)
        elif tag == "dl":
            self.definitions(element, line)
        else:
            self.walk(element, inside)
            self.flush()

    def definitions(self, element: Any, line: int) -> None:
        """A definition list as rows: each term with its descriptions, as a table of two
        columns would hold them ("Present" | "miia")."""
        cells: list[str] = []
        for child in element.iter("dt", "dd"):
            text = _collapse(_markdown_of(_spans(child, False, False, None)).replace("\n", " "))
            if child.tag == "dt" and cells:
                self.out.append(Block("row", " | ".join(cells), f"line {line}", cells=cells))
                cells = []
            if child.tag == "dt":
                line = child.sourceline or line
            cells.append(_unbold(text)[0])
        if cells:
            self.out.append(Block("row", " | ".join(cells), f"line {line}", cells=cells))

    def list_items(self, element: Any, ordered: bool, inside: bool) -> None:
        start = (element.get("start") or "1").strip()
        number = int(start) if start.lstrip("-").isdigit() else 1
        for child in element:
            if not isinstance(child.tag, str) or child.tag != "li" or _furniture(child, inside):
                continue
            value = (child.get("value") or "").strip()
            if value.isdigit():
                number = int(value)
            self.item(child, ordered, str(number) if ordered else None, inside)
            number += 1

    def item(self, element: Any, ordered: bool, number: str | None, inside: bool) -> None:
        """A list item: its own text as one item, its nested lists and blocks after it."""
        spans: list[_Span] = []
        nested = []
        spans += [_Span(_clean(element.text), False, False, None)] if element.text else []
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in ("ul", "ol", "table", "div") or (tag == "p" and spans and _has_text(spans)):
                nested.append(child)
            elif tag and not _furniture(child, inside):
                spans += _spans(child, False, False, None)
            if child.tail and not nested:
                spans.append(_Span(_clean(child.tail), False, False, None))
        text = _markdown_of(spans)
        if text.strip():
            self.paragraph(text, element.sourceline or 0, "item", ordered=ordered, number=number)
        for child in nested:
            self.block(child, child.tag, inside)

    def table(self, element: Any, t: int) -> None:
        rows = [r for r in element.iter("tr") if _table_of(r) is element]
        for r, row in enumerate(rows, 1):
            self.row(row, t, r)

    def row(self, row: Any, t: int, r: int) -> None:
        cells = []
        for cell in row:
            if isinstance(cell.tag, str) and cell.tag in ("td", "th"):
                text = _markdown_of(_spans(cell, False, False, None))
                cells.append("\n".join(_collapse(x) for x in text.split("\n") if x.strip()))
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            where = f"table {t}, row {r}" if t else f"line {row.sourceline or 0}"
            self.out.append(Block("row", " | ".join(cells), where, cells=cells))


def _table_of(row: Any) -> Any:
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _has_text(spans: list[_Span]) -> bool:
    return bool("".join(s.text for s in spans).strip())


def _clean(text: str | None) -> str:
    """Inline text as the browser shows it: runs of white space as one space."""
    spaced = (text or "").translate(SEPARATORS_AS_SPACES)  # 'security-wg\u2029)': apart
    return re.sub(r"\s+", " ", _CONTROL.sub("", spaced).replace("\xa0", " "))


_BLOCK_BREAKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"}


def _spans(element: Any, bold: bool, italic: bool, link: str | None) -> list[_Span]:
    """The inline content of an element as spans: <b>/<strong> bold, <i>/<em> italic,
    <a href> links (web and mail addresses only), <br> a line break, a block inside it (a
    <p> in a cell) a line of its own; furniture left out."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _DROPPED or _hidden(element):
        return []
    bold = bold or tag in _INLINE_BOLD
    italic = italic or tag in _INLINE_ITALIC
    if tag == "a":
        href = (element.get("href") or "").strip()
        link = href if re.match(r"(?:https?:|mailto:)", href, re.IGNORECASE) else link
    out: list[_Span] = []
    if tag == "br":
        out.append(_Span("\n", bold, italic, link))
    if tag in _BLOCK_BREAKS:
        out.append(_Span("\n", bold, italic, link))
    if element.text:
        out.append(_Span(_clean(element.text), bold, italic, link))
    for child in element:
        out += _spans(child, bold, italic, link)
        if child.tail:
            out.append(_Span(_clean(child.tail), bold, italic, link))
    if tag in _BLOCK_BREAKS:
        out.append(_Span("\n", bold, italic, link))
    return out
