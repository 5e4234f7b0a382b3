"""A Word document made from seed-like text, the way a person would have written it in Word:
the tab lines as one table, `#` lines in Heading styles, `- ` lines as List Bullet, bold and
italic runs, real hyperlinks (w:hyperlink with a relationship, in the Hyperlink look)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_INLINE = re.compile(
    r"\*\*(?P<bold>.+?)\*\*|\*(?P<italic>[^*]+?)\*|\[(?P<label>[^\]]+)\]\((?P<url>[^)]+)\)"
)
_HEADING = re.compile(r"(#{1,6})\s+(.*)")


def _runs(paragraph: Any, text: str) -> None:
    """`text` as runs: **bold**, *italic*, [label](url) as a hyperlink, the rest plain."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    at = 0
    for match in _INLINE.finditer(text):
        if match.start() > at:
            paragraph.add_run(text[at : match.start()])
        if match.group("bold") is not None:
            paragraph.add_run(match.group("bold")).bold = True
        elif match.group("italic") is not None:
            paragraph.add_run(match.group("italic")).italic = True
        else:
            rid = paragraph.part.relate_to(
                match.group("url"), RELATIONSHIP_TYPE.HYPERLINK, is_external=True
            )
            link = OxmlElement("w:hyperlink")
            link.set(qn("r:id"), rid)
            run = paragraph.add_run(match.group("label"))
            run.font.underline = True
            run.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
            link.append(run._r)
            paragraph._p.append(link)
        at = match.end()
    if at < len(text):
        paragraph.add_run(text[at:])


def seed_docx(text: str, path: Path) -> None:
    """Write to `path` a Word document of seed-like `text` (see the module's docstring)."""
    import docx

    document = docx.Document()
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if "\t" in line:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                cells = [cell.strip() for cell in lines[i].rstrip().split("\t")]
                while cells and not cells[-1]:
                    cells.pop()
                rows.append(cells)
                i += 1
            table = document.add_table(rows=0, cols=max(2, *(len(row) for row in rows)))
            table.style = "Table Grid"
            for cells in rows:
                for cell, value in zip(table.add_row().cells, cells, strict=False):
                    _runs(cell.paragraphs[0], value)
            continue
        i += 1
        heading = _HEADING.fullmatch(line)
        if heading:
            _runs(document.add_heading(level=len(heading.group(1))), heading.group(2))
        elif line.startswith("- "):
            _runs(document.add_paragraph(style="List Bullet"), line[2:])
        elif line.strip():
            _runs(document.add_paragraph(), line.strip())
    document.save(str(path))
