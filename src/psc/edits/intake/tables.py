"""A table as a web page's text dump writes it: each cell a line ending in ' |', an empty
cell a line of '|' alone (municipal minutes published by a records system: 'Přítomni: |'
over '(19) Milan Paluska, … |', 'Hosté: |' over '|').

`cells_joined` reads such lines back before the recogniser walks them, without losing a
word: a label's cell ('Ověřovatelé: |') and the cell under it ('Ondřej Schulz, Milan
Pečenka |') are one line 'Ověřovatelé: Ondřej Schulz, Milan Pečenka'; the separators go, so
'|' is never read as a value, let alone a person; an empty cell is left out (it holds no
word) and the report says so. A document with fewer than two such lines is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from psc.edits.intake.blocks import Block

Note = tuple[str, str]

_CELL_END = re.compile(r"\s*\|\s*$")
_LABEL_ALONE = re.compile(r"^[^:|]{1,40}:$")
"""A label's cell: 'Ověřovatelé:', 'Mandátová a volební komise:'."""


def _cell(block: Block) -> str | None:
    """The text of a cell line without its separator, or None for another block."""
    if block.kind != "paragraph" or not _CELL_END.search(block.text):
        return None
    return _CELL_END.sub("", block.text).strip()


def cells_joined(blocks: list[Block]) -> tuple[list[Block], list[Note]]:
    """The blocks with the table's cells read back (see the module), and notes for the
    report."""
    if sum(1 for b in blocks if _cell(b) is not None) < 2:
        return blocks, []
    out: list[Block] = []
    notes: list[Note] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        text = _cell(block)
        if text is None:
            out.append(block)
            i += 1
            continue
        if not text:
            notes.append((block.where, "an empty table cell '|': left out"))
            i += 1
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        value = _cell(nxt) if nxt is not None else None
        if _LABEL_ALONE.match(text) and nxt is not None and value is not None:
            if not value.endswith(":"):  # the next cell is no label of its own
                where = f"{block.where}–{nxt.where.split()[-1]}"
                out.append(replace(block, text=f"{text} {value}".rstrip(), where=where))
                shown = f"'{text.rstrip(':')}' over its cell on the next line"
                notes.append((where, f"{shown}: read as one line" if value else f"{shown}: empty"))
                i += 2
                continue
        out.append(replace(block, text=text))
        i += 1
    return out, notes
