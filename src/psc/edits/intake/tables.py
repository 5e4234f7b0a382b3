"""A table as a web page's text dump writes it: each cell a line ending in ' |', an empty
cell a line of '|' alone (municipal minutes published by a records system: 'Přítomni: |'
over '(19) Milan Paluska, … |', 'Hosté: |' over '|').

`cells_joined` reads such lines back before the recogniser walks them, without losing a
word: a label's cell ('Ověřovatelé: |') and the cell under it ('Ondřej Schulz, Milan
Pečenka |') are one line 'Ověřovatelé: Ondřej Schulz, Milan Pečenka'; the separators go, so
'|' is never read as a value, let alone a person; an empty cell is left out (it holds no
word) and the report says so. A document with fewer than two such lines is left as it is.

A vote given as a table (an owners' assembly: 'PRO |', 'ZDRŽEL SE |', 'PROTI |' over
'18.915 hlasů = 96,36 % přítomných vlastníků … |', '714 hlasů = … |', '0 hlasů = … |') is read
back as the line of the vote it is: each column's head before its cell ('PRO: 18.915 hlasů =
…, ZDRŽEL SE: 714 hlasů = …, PROTI: 0 hlasů = …'), after the line that announces it when that
line ends in a colon ('Výsledek hlasování (…):'); the block keeps the table's cells, so that
the vote's words are shown as the table wrote them (`as_written`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from psc.edits.intake.blocks import Block

Note = tuple[str, str]

_CELL_END = re.compile(r"\s*\|\s*$")
_LABEL_ALONE = re.compile(r"^[^:|]{1,40}:$")
"""A label's cell: 'Ověřovatelé:', 'Mandátová a volební komise:'."""


_VOTE_HEAD = re.compile(
    r"^(?:pro|proti|zdržel[oaiy]?\s+se|zdrželi\s+se|nehlasoval[oaiy]?|for|against|abstained|"
    r"abstentions?)$",
    re.I,
)
"""The head of a vote table's column: 'PRO', 'ZDRŽEL SE', 'PROTI'."""
_COUNT_FIRST = re.compile(r"^\d[\d.]*\s")


def _cell(block: Block) -> str | None:
    """The text of a cell line without its separator, or None for another block. A cell that
    opens with a count read as a numbered point ('18.915 hlasů = … |' as point '18.') is the
    cell's text with its count;
    a numbered point of another number is no cell."""
    text = block.text
    if block.kind == "item" and block.ordered and block.marker:
        if not re.fullmatch(r"\d{1,3}\.\d{3}", block.marker):  # '18.915', not '2.'
            return None
        text = f"{block.marker} {text}"
    elif block.kind != "paragraph":
        return None
    if not _CELL_END.search(text):
        return None
    return _CELL_END.sub("", text).strip()


def _vote_table(blocks: list[Block], i: int) -> tuple[list[tuple[str, str]], int] | None:
    """The columns (head, cell) of a vote table whose heads start at block `i`, and the index
    of the block after it; None when no vote table starts there."""
    heads: list[str] = []
    k = i
    while k < len(blocks) and (text := _cell(blocks[k])) is not None and _VOTE_HEAD.match(text):
        heads.append(text)
        k += 1
    if len(heads) < 2:
        return None
    while k < len(blocks) and _cell(blocks[k]) == "":  # the empty cell opening the next row
        k += 1
    cells: list[str] = []
    while len(cells) < len(heads) and k < len(blocks):
        text = _cell(blocks[k])
        if text is None or not _COUNT_FIRST.match(text + " "):
            return None
        cells.append(text)
        k += 1
    if len(cells) < len(heads):
        return None
    return list(zip(heads, cells, strict=True)), k


def as_written(block: Block) -> str:
    """A paragraph's text with a vote table read back into it (`cells_joined`) given as the
    table writes it, its heads and then their counts, each cell closed by '|' ('PRO | ZDRŽEL
    SE | PROTI | 18.915 hlasů = … | 714 hlasů = … | 0 hlasů = … |'): the words the minutes
    show for the vote, in their order; any other block's text as it is."""
    if block.kind != "paragraph" or not block.cells or len(block.cells) % 2:
        return block.text
    half = len(block.cells) // 2
    line = ", ".join(
        f"{h}: {c}" for h, c in zip(block.cells[:half], block.cells[half:], strict=True)
    )
    if not block.text.endswith(line):
        return block.text
    return block.text[: -len(line)] + " | ".join(block.cells) + " |"


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
        voted = _vote_table(blocks, i)
        if voted is not None:
            columns, end = voted
            line = ", ".join(f"{head}: {cell}" for head, cell in columns)
            last = blocks[end - 1].where.split()[-1]
            before = out[-1] if out else None
            written = [head for head, _ in columns] + [cell for _, cell in columns]
            if before is not None and before.kind == "paragraph" and before.text.endswith(":"):
                out[-1] = replace(before, text=f"{before.text} {line}", cells=written)
                where = f"{before.where}–{last}"
            else:
                out.append(replace(block, text=line, cells=written))
                where = f"{block.where}–{last}"
            notes.append((where, "a vote table: each column's head with its count, as one line"))
            i = end
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
