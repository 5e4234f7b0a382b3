"""`read_source`: the minutes in a file as `Block`s, by the reader of the file's suffix.

Every reader gives the same flat list of blocks, so one recogniser reads them all: plain
text and Markdown and Word (`sources`), OpenDocument text (`opendocument`), the text of a
PDF (`pdftext`) and a web page (`webpage`). Each reader imports its library only when it
runs, so `psc --help` loads none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from psc.edits.intake.blocks import Block
from psc.errors import UsageError
from psc.messages import _

SUFFIXES = (".docx", ".htm", ".html", ".md", ".odt", ".pdf", ".txt")
"""What `read_source` reads (.markdown is read as .md)."""


def _readers() -> dict[str, Callable[[Path], list[Block]]]:
    from psc.edits.intake import opendocument, pdftext, sources, webpage

    return {
        ".txt": sources.read_text,
        ".md": sources.read_markdown,
        ".markdown": sources.read_markdown,
        ".docx": sources.read_docx,
        ".odt": opendocument.read_odt,
        ".pdf": pdftext.read_pdf,
        ".html": webpage.read_html,
        ".htm": webpage.read_html,
    }


def read_source(path: Path) -> list[Block]:
    """The blocks of the minutes in `path`, read by its suffix (see SUFFIXES); UsageError
    for another suffix, InvalidData naming the file when it cannot be read."""
    reader = _readers().get(path.suffix.lower())
    if reader is None:
        raise UsageError(
            _(
                "cannot import {name}: psc reads {suffixes}",
                name=path.name,
                suffixes=", ".join(SUFFIXES),
            )
        )
    return reader(path)
