"""English minutes whose lines a web page's text lost, the whole minutes on one line: 'CITY OF
PLYMOUTH PLANNING COMMISSION MINUTES … MEMBERS PRESENT: Chairman Mike Stulberg, … MEMBERS
ABSENT: Commissioner Kim Koehnen STAFF PRESENT: Director Anne Hurlburt, … 1. CALL TO ORDER:
2. PUBLIC FORUM: 3. APPROVAL OF AGENDA: …' (a planning commission), '1. Call to Order
2. Approval of Minutes –Planning Commission April 6, 2011 minutes … 3. Public Comments 4. Update
on …' (another planning commission's page, quoted in tests/test_intake_runpoints.py).

`split` breaks such a paragraph into the lines the shared step (`segment.lines`) finds: before
each label the intake knows ('MEMBERS PRESENT:', 'STAFF PRESENT:', 'MEMBERS ABSENT:') and each
point of a run numbered in sequence (three at least), so the recogniser reads them as lines
of their own; what it adds is the points titled in capitals read as their items' headings.
Only a long paragraph with at least three such places is broken; the words stay, in their
order. recognise.py runs it for English minutes, after `runtogether.split`.
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


def split(blocks: list[Block], is_label: segment.IsLabel) -> tuple[list[Block], list[Note]]:
    """The blocks with each run-together paragraph broken where the shared step
    (`segment.lines`, the intake's labels `is_label`) finds its lines (see the module), and
    notes for the report."""
    out: list[Block] = []
    notes: list[Note] = []
    for block in blocks:
        text = block.text
        long = block.kind == "paragraph" and len(text) >= _LONG
        pieces = segment.lines(text, is_label) if long else [text]
        if len(pieces) < _LEAST:
            out.append(block)
            continue
        for piece in pieces:
            out += _lines(piece, block)
        notes.append((block.where, f"lines run together: read as {len(pieces)} lines"))
    return out, notes
