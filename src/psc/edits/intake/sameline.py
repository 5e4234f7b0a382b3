"""An attendance line restored from text that ran it together with other lines, kept as written.

Where a web page's or a PDF's text lost its line breaks, the rules that restore the lines
(`runpoints`, `runtogether`, `english.labels_on_one_line`) break one line of the source into
several blocks, each keeping the place of the line it came from: 'CITY OF PLYMOUTH PLANNING
COMMISSION MINUTES NOVEMBER 10, 1998 MEMBERS PRESENT: Chairman Mike Stulberg, … John Stoebner
MEMBERS ABSENT: Commissioner Kim Koehnen STAFF PRESENT: … Denise Hutt 1. CALL TO ORDER: …'
(a planning commission's minutes, one line of the page). Its attendance, read into the header's
rows, would cut the source's sentences that run across those lines ('… John Stoebner MEMBERS
ABSENT:'); kept as text in its place (its people read all the same), it reads as the source.
"""

from __future__ import annotations

from collections.abc import Sequence

from psc.edits.intake.blocks import Block


def run_together(blocks: Sequence[Block], i: int, k: int) -> bool:
    """Did blocks `i` to `k - 1` (an attendance line) share a line of the source with the block
    before or after them (the line broken out of run-together text)?"""
    first, last = blocks[i], blocks[k - 1]
    before = blocks[i - 1] if i > 0 else None
    after = blocks[k] if k < len(blocks) else None
    return (before is not None and before.where == first.where) or (
        after is not None and after.where == last.where
    )
