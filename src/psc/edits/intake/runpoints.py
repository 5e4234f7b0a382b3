"""English minutes whose lines a web page's text lost, the whole minutes on one line: 'CITY OF
PLYMOUTH PLANNING COMMISSION MINUTES … MEMBERS PRESENT: Chairman Mike Stulberg, … MEMBERS
ABSENT: Commissioner Kim Koehnen STAFF PRESENT: Director Anne Hurlburt, … 1. CALL TO ORDER:
2. PUBLIC FORUM: 3. APPROVAL OF AGENDA: …' (a planning commission), '1. Call to Order
2. Approval of Minutes –Planning Commission April 6, 2011 minutes … 3. Public Comments 4. Update
on …' (another planning commission's page, quoted in tests/test_intake_runpoints.py).

`split` breaks such a paragraph again before each attendance label in capitals ('MEMBERS
PRESENT:', 'STAFF PRESENT:', 'MEMBERS ABSENT:') and before each point of a run numbered 1, 2, 3 …
in order (three at least), so the recogniser reads them as lines of their own. Only a long
paragraph with at least three such places is broken; the words stay, in their order.
recognise.py runs it for English minutes, after `runtogether.split`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from psc.edits.intake import capsitems, segment
from psc.edits.intake.blocks import Block
from psc.edits.intake.sources import line_block

Note = tuple[str, str]

_LONG = 400
"""A paragraph longer than this (characters) may be lines run together."""
_LEAST = 3
"""Points numbered in order, and places to break, that make a run-together paragraph."""

_LABEL = re.compile(
    r"(?<=[\s.,;)])(?:[A-Z]{2,}\s+){0,2}(?:PRESENT|ABSENT|APOLOGIES|IN ATTENDANCE)\s*:"
)
"""An attendance label in capitals after text ('… John Stoebner MEMBERS ABSENT: …')."""

_NUMBERED = re.compile(r"(\d{1,2})\.\s+(.*)", re.DOTALL)


def _lines(piece: str, block: Block) -> list[Block]:
    """A line of the run-together paragraph as its blocks: a point titled in capitals is the
    heading of its item, its title as written ('1. CALL TO ORDER:'; capsitems' `capital_item`
    reads it), the words after the title a paragraph; any other line as a line of text is."""
    numbered = _NUMBERED.fullmatch(piece)
    split = capsitems.split_title(numbered[2]) if numbered else None
    if numbered and split:
        title, rest = split
        heading = Block("heading", title, block.where, level=2, number=numbered[1])
        heading = replace(heading, marker=capsitems.MARK)
        return [heading, *([replace(block, text=rest)] if rest else [])]
    line = line_block(piece, block.where)
    return [line if line is not None else replace(block, text=piece)]


def _cuts(text: str) -> list[int]:
    """Where the lines of a run-together paragraph began (none when it is not one)."""
    points = segment.point_starts(text)  # the shared step's run of points in sequence
    cuts = sorted({m.start() for m in _LABEL.finditer(text) if m.start() > 0} | set(points))
    return cuts if len(cuts) >= _LEAST else []


def split(blocks: list[Block]) -> tuple[list[Block], list[Note]]:
    """The blocks with each run-together paragraph broken (see the module), and notes for
    the report."""
    out: list[Block] = []
    notes: list[Note] = []
    for block in blocks:
        text = block.text
        cuts = _cuts(text) if block.kind == "paragraph" and len(text) >= _LONG else []
        if not cuts or "\n" in text:
            out.append(block)
            continue
        pieces = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        for piece in filter(None, pieces):
            out += _lines(piece, block)
        notes.append((block.where, f"lines run together: read as {len(pieces)} lines"))
    return out, notes
