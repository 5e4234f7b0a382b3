"""OpenDocument text (.odt, what LibreOffice writes) as `Block`s, read with odfdo.

The first page's header (a letterhead, or the meeting's title and date), then the body in
order: headings (text:h, and paragraphs of the Title style), paragraphs, list
items with the number their list style gives them ("3", "2.1", "b"), each table row as a
row; bold spans (by their style or the styles it inherits) as **…**, links as [text](url),
as `sources` reads Word. Footnotes, annotations, frames and a table of contents are left
out: they are not the minutes' running text.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from psc.edits.intake.blocks import Block
from psc.edits.intake.sources import (
    _CONTROL,
    SEPARATORS_AS_SPACES,
    _markdown_of,
    _reason,
    _Span,
    check_package,
)
from psc.errors import InvalidData, Problem, UsageError, display_path
from psc.loading import pipeline
from psc.messages import _

MAX_ODT_BYTES = 64 * 1024 * 1024
"""An OpenDocument file larger than this is refused before reading (as a Word file)."""
KIND = "OpenDocument text"

_SKIPPED = {
    "text:note",
    "office:annotation",
    "office:annotation-end",
    "draw:frame",
    "draw:custom-shape",
    "text:tracked-changes",
    "text:table-of-content",
    "text:alphabetical-index",
    "text:bibliography",
    "text:sequence-decls",
    "text:variable-decls",
    "text:user-field-decls",
    "office:forms",
}
_BOLD = {"bold", "600", "700", "800", "900"}


def read_odt(path: Path) -> list[Block]:
    """The blocks of the OpenDocument text file `path`."""
    return odt_blocks(pipeline.read(path, MAX_ODT_BYTES), display_path(path))


def _odfdo() -> Any:
    try:
        import odfdo
    except ImportError:
        raise UsageError(
            _(
                "reading OpenDocument needs odfdo, a dependency of psc that is not installed "
                "here: reinstall psc"
            )
        ) from None
    return odfdo


def odt_blocks(package: bytes, shown: str) -> list[Block]:
    """The body of an OpenDocument text (its bytes; `shown` names it) as blocks;
    InvalidData (one line) when the bytes are not one, a damaged one, an encrypted one or
    one too large to read (`sources.check_package`)."""
    import zipfile
    import zlib

    from lxml import etree

    odfdo = _odfdo()
    check_package(package, shown, KIND)

    def refuse(reason: str) -> InvalidData:
        return InvalidData([Problem(shown, 1, 1, "", _CONTROL.sub("?", reason))])

    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        names = set(archive.namelist())
        mimetype = archive.read("mimetype") if "mimetype" in names else b""
        manifest = (
            archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
        )
    if b"encryption-data" in manifest:
        raise refuse(_("OpenDocument text is encrypted; save it without a password"))
    if "content.xml" not in names or (mimetype and b"opendocument.text" not in mimetype):
        what = mimetype.decode("ascii", "replace").strip() or _("no content.xml")
        raise refuse(_("not an OpenDocument text ({reason})", reason=what))
    try:
        document = odfdo.Document(io.BytesIO(package))
        return _Reader(document).blocks()
    except (zlib.error, zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as exc:
        problem = _("damaged OpenDocument text ({reason})", reason=_reason(exc))
    except (KeyError, ValueError, TypeError, AttributeError, etree.LxmlError) as exc:
        problem = _("not an OpenDocument text ({reason})", reason=_reason(exc))
    raise refuse(problem)


def _reaches_deeper(item: Any) -> bool:
    """Whether a list item only holds a list one level deeper before any text of its own (how
    OpenDocument writes a point set at a deeper level where the list goes on: '8.3.1' after
    another list): such an item shows no number or bullet and counts none (ODF 1.2,
    text:list-item), and a paragraph of its own after that list is plain text."""
    for child in item.children:
        if child.tag in ("text:p", "text:h"):
            return False
        if child.tag == "text:list":
            return True
    return False


def _roman(value: int) -> str:
    out = ""
    for number, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while value >= number:
            out += letters
            value -= number
    return out


def _formatted(value: int, fmt: str) -> str | None:
    """A list number in the list style's num-format ("1", "a", "A", "i", "I")."""
    if fmt == "1":
        return str(value)
    if fmt in ("a", "A") and 1 <= value <= 26:
        letter = chr(ord("a") + value - 1)
        return letter.upper() if fmt == "A" else letter
    if fmt in ("i", "I") and 1 <= value < 4000:
        return _roman(value).upper() if fmt == "I" else _roman(value)
    return None


class _Reader:
    """Walks one odfdo Document's body into blocks."""

    def __init__(self, document: Any):
        self.document = document
        self.out: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        self.bold_memo: dict[tuple[str, str], bool] = {}
        self.counters: dict[str, list[int]] = {}  # per list style: the count at each level

    def blocks(self) -> list[Block]:
        self.page_header()
        self.walk(self.document.body)
        return self.out

    def page_header(self) -> None:
        """The first page's header, once, before the body: LibreOffice keeps a letterhead,
        or the meeting's title and date, there (its footer holds page numbers: left out)."""
        pages = {
            str(page.get_attribute("style:name")): page
            for page in self.document.get_styles("master-page")
        }
        page = pages.get("Standard") or next(iter(pages.values()), None)
        if page is None:
            return
        headers = {child.tag: child for child in page.children}
        header = headers.get("style:header-first") or headers.get("style:header")
        if header is not None:
            self.walk(header)

    # ---------------------------------------------------------------- styles

    def bold(self, family: str, name: str | None) -> bool:
        """Whether the style `name` of `family` (or a style it is based on) is bold."""
        if not name:
            return False
        key = (family, name)
        if key not in self.bold_memo:
            self.bold_memo[key] = False  # a ring of parent styles ends here
            style = self.document.get_style(family, name)
            found = False
            if style is not None:
                weight = style.get_attribute("fo:font-weight")
                properties = style.get_properties(area="text") or {}
                weight = properties.get("fo:font-weight") or weight
                if weight is not None:
                    found = str(weight) in _BOLD
                else:
                    found = self.bold(family, style.get_attribute("style:parent-style-name"))
            self.bold_memo[key] = found
        return self.bold_memo[key]

    def display_name(self, name: str | None) -> str:
        """The name LibreOffice shows for a paragraph style: an automatic style ("P3", made
        for one paragraph's direct formatting) shows the style it is based on ("Title")."""
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            style = self.document.get_style("paragraph", name)
            if style is None:
                return name
            automatic = style.parent is not None and style.parent.tag == "office:automatic-styles"
            parent = style.get_attribute("style:parent-style-name")
            if not automatic or not parent:
                return str(style.get_attribute("style:display-name") or name)
            name = str(parent)
        return name or ""

    def list_level(self, style_name: str | None, level: int) -> tuple[str | None, int, int]:
        """(num-format, start value, levels shown) of level `level` (1-based) of the list
        style `style_name`: format None for bullets and unknown styles."""
        if not style_name:
            return None, 1, 1
        style = self.document.get_style("list", style_name)
        if style is None:
            return None, 1, 1
        for child in style.children:
            if child.get_attribute("text:level") != str(level):
                continue
            if child.tag != "text:list-level-style-number":
                return None, 1, 1
            start = str(child.get_attribute("text:start-value") or "1")
            shown = str(child.get_attribute("text:display-levels") or "1")
            fmt = child.get_attribute("style:num-format")
            return (
                str(fmt) if fmt else None,
                int(start) if start.isdigit() else 1,
                int(shown) if shown.isdigit() else 1,
            )
        return None, 1, 1

    def list_affixes(self, style_name: str | None, level: int) -> tuple[str, str]:
        """(num-prefix, num-suffix) of level `level` of the list style `style_name`: what
        the list writes around a point's number ('1)' has the suffix ')'), "" where none."""
        style = self.document.get_style("list", style_name) if style_name else None
        for child in style.children if style is not None else []:
            if child.get_attribute("text:level") == str(level):
                prefix = child.get_attribute("style:num-prefix")
                suffix = child.get_attribute("style:num-suffix")
                return str(prefix or ""), str(suffix or "")
        return "", ""

    # ---------------------------------------------------------------- body

    def walk(self, element: Any) -> None:
        for child in element.children:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == "text:h":
                level = str(child.get_attribute("text:outline-level") or "1")
                self.paragraph(child, "heading", level=min(int(level), 6) if level.isdigit() else 1)
            elif tag == "text:p":
                self.paragraph(child, "paragraph")
            elif tag == "text:list":
                self.list_items(child, None, 1, restart=True)
            elif tag == "table:table":
                self.tables += 1
                self.table(child, self.tables)
            elif tag in ("text:section", "text:index-body", "office:text", "text:soft-page-break"):
                self.walk(child)

    def paragraph(self, element: Any, kind: str, **fields: Any) -> None:
        self.paragraphs += 1
        where = f"paragraph {self.paragraphs}"
        style = element.get_attribute("text:style-name")
        whole = self.bold("paragraph", str(style) if style else None)
        spans = self.spans(element, whole, None)
        if not "".join(s.text for s in spans).strip():
            return
        whole_bold = all(s.bold for s in spans if s.text.strip())
        text = _markdown_of(spans, bold=not whole_bold)
        if kind == "paragraph" and self.display_name(str(style) if style else None) == "Title":
            kind, fields = "heading", {"level": 1}
        self.out.append(Block(kind, text, where, bold=whole_bold, **fields))  # type: ignore[arg-type]

    def list_items(self, element: Any, style: str | None, level: int, *, restart: bool) -> None:
        """A text:list's items at `level` (1-based), numbered by their list style."""
        own = element.get_attribute("text:style-name")
        style = str(own) if own else style
        key = style or ""
        continues = element.get_attribute("text:continue-numbering") in ("true", True) or bool(
            element.get_attribute("text:continue-list")
        )
        counts = self.counters.setdefault(key, [])
        if restart and not continues:
            counts.clear()
        for item in element.children:
            if item.tag not in ("text:list-item", "text:list-header"):
                continue
            fmt, start, shown = self.list_level(style, level)
            number: str | None = None
            deeper = _reaches_deeper(item)
            if item.tag == "text:list-item" and fmt is not None and not deeper:
                while len(counts) < level:
                    counts.append(0)
                del counts[level:]
                override = str(item.get_attribute("text:start-value") or "")
                if override.isdigit():
                    counts[level - 1] = int(override)
                else:
                    counts[level - 1] = counts[level - 1] + 1 if counts[level - 1] else start
                parts = []
                for at in range(max(1, level - shown + 1), level + 1):
                    at_fmt = fmt if at == level else (self.list_level(style, at)[0] or "1")
                    parts.append(_formatted(counts[at - 1] or 1, at_fmt))
                number = ".".join(p for p in parts if p) if all(parts) else None
            first = True
            for child in item.children:
                if child.tag in ("text:p", "text:h") and deeper:  # no number, no bullet: text
                    self.paragraph(child, "paragraph", indent=4 * (level - 1))
                elif child.tag in ("text:p", "text:h"):
                    fields: dict[str, Any] = {
                        "ordered": fmt is not None,
                        "number": number if first else None,
                    }
                    if first and number:  # the number as the list writes it: '1)'
                        prefix, suffix = self.list_affixes(style, level)
                        fields["marker"] = f"{prefix.strip()}{number}{suffix.strip()}"
                    if level > 1:  # a nested list's point, indented as a text export shows it
                        fields["indent"] = 4 * (level - 1)
                    self.paragraph(child, "item", **fields)
                    first = False
                elif child.tag == "text:list":
                    self.list_items(child, style, level + 1, restart=False)

    def table(self, element: Any, t: int) -> None:
        r = 0
        for row in element.xpath(".//table:table-row"):
            r += 1
            cells = []
            for cell in row.children:
                if cell.tag == "table:covered-table-cell":
                    cells.append("")
                elif cell.tag == "table:table-cell":
                    cells.append(self.cell(cell))
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                self.out.append(Block("row", " | ".join(cells), f"table {t}, row {r}", cells=cells))

    def cell(self, cell: Any) -> str:
        lines = []
        for part in cell.children:
            if part.tag in ("text:p", "text:h"):
                style = part.get_attribute("text:style-name")
                spans = self.spans(
                    part, self.bold("paragraph", str(style) if style else None), None
                )
                if "".join(s.text for s in spans).strip():
                    bold = all(s.bold for s in spans if s.text.strip())
                    lines.append(_markdown_of(spans, bold=not bold))
            elif part.tag == "text:list":
                for p in part.xpath(".//text:p"):
                    spans = self.spans(p, False, None)
                    if "".join(s.text for s in spans).strip():
                        lines.append(_markdown_of(spans))
        return "\n".join(lines)

    # ---------------------------------------------------------------- inline

    def spans(self, element: Any, bold: bool, link: str | None) -> list[_Span]:
        """The text of a paragraph or span as spans, bold by its style or its parent's."""
        out: list[_Span] = []

        def add(text: str | None, look: bool, href: str | None) -> None:
            if text:
                text = text.translate(SEPARATORS_AS_SPACES).replace("\t", " ")
                text = _CONTROL.sub("", text.replace("\n", " "))
                if text:
                    out.append(_Span(text, look, False, href))

        add(element.text, bold, link)
        for child in element.children:
            tag = child.tag
            if tag in _SKIPPED:
                pass
            elif tag == "text:span":
                style = child.get_attribute("text:style-name")
                own = self.bold("text", str(style) if style else None) or bold
                out += self.spans(child, own, link)
            elif tag == "text:a":
                href = child.get_attribute("xlink:href")
                out += self.spans(child, bold, str(href) if href else link)
            elif tag == "text:s":
                count = str(child.get_attribute("text:c") or "1")
                add(" " * (int(count) if count.isdigit() else 1), bold, link)
            elif tag == "text:tab":
                add(" ", bold, link)
            elif tag == "text:line-break":
                out.append(_Span("\n", bold, False, link))
            elif tag in ("text:bookmark", "text:bookmark-start", "text:bookmark-end"):
                pass
            else:  # fields (dates, page numbers, user fields), smart tags, meta: their text
                out += self.spans(child, bold, link)
            add(child.tail, bold, link)
        return out
