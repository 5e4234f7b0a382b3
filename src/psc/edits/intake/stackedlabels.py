"""Attendance labels stacked above the tables they head, as a PDF's text gives a Word table
of several attendance tables side by side or one under another: 'PRESENT :' / 'IN ATTENDANCE
:' / 'APOLOGIES :', then 'Name Organisation Affilliation' over the present's rows, the same
header over the (empty) second table, and again over the apologies' rows (a local
pharmaceutical committee's minutes, tests/fixtures/real/pdf-north-of-tyne-…; no second body's
minutes of this shape were found yet).

`read` takes such a block: at least two attendance labels with nothing after their colons,
one under the other, then as many tables as labels, each opening with the same header line,
its rows one a line (a person first, then their organisation or office: 'Chris Dodd Gill &
Schofield Independent'). The n-th table is the n-th label's: its rows the people of a
category of that label as written, a table without rows a category of nobody. The lines stay
where they stood, as written (psc would print the rows' columns run together otherwise).

english.py runs it among its walk rules.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from psc.edits.intake.blocks import Block

_ATTENDANCE = {"present", "attendees", "excused", "absent", "guests"}
_EMPTY_LABEL = re.compile(r"(?P<label>[^:]{2,40}?)\s*:")
"""A label with nothing after its colon ('PRESENT :')."""
_ROW = re.compile(r"[A-Z][\w’'.-]*(?:\s+\S+){1,9}")
"""A table's row: a person (a capital first) and a few words of columns after."""
_MOST_ROWS = 60


class Walk(Protocol):
    """What `read` uses of the recogniser (a part of english.py's Walk)."""

    blocks: list[Block]
    m: dict[str, Any]

    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...
    def is_label(self, text: str) -> str | None: ...


def _labels(r: Walk, i: int) -> list[str]:
    """The attendance labels stacked from block `i` on, as written."""
    labels: list[str] = []
    for block in r.blocks[i:]:
        match = _EMPTY_LABEL.fullmatch(block.text.strip()) if block.kind == "paragraph" else None
        if match is None or r.is_label(match["label"]) not in _ATTENDANCE:
            break
        labels.append(match["label"].strip())
    return labels


def _tables(blocks: list[Block], header: str, count: int) -> tuple[list[list[str]], int] | None:
    """`count` tables from the first block on, each opening with `header`: their rows and the
    index after the last; None when the blocks are no such tables."""
    tables: list[list[str]] = []
    k = 0
    while k < len(blocks) and len(tables) < count and blocks[k].text.strip() == header:
        rows: list[str] = []
        k += 1
        while k < len(blocks) and len(rows) < _MOST_ROWS:
            text = blocks[k].text.strip()
            if text == header or blocks[k].kind not in ("paragraph", "row"):
                break
            if not _ROW.fullmatch(text) or text.endswith(":"):
                break
            rows.append(text)
            k += 1
        tables.append(rows)
    if len(tables) != count or not any(tables):
        return None
    return tables, k


def read(r: Walk, i: int) -> int | None:
    """Stacked attendance labels and their tables (see the module): the block to go on
    from, or None."""
    labels = _labels(r, i)
    start = i + len(labels)
    if len(labels) < 2 or start >= len(r.blocks) or r.m.get("attendees"):
        return None
    header = r.blocks[start].text.strip()
    if r.blocks[start].kind != "paragraph" or _EMPTY_LABEL.fullmatch(header):
        return None
    found = _tables(r.blocks[start:], header, len(labels))
    if found is None:
        return None
    tables, end = found
    categories: list[dict[str, Any]] = []
    for label, rows in zip(labels, tables, strict=True):
        categories.append(
            {"label": label, "people": rows} if rows else {"label": label, "nobody": True}
        )
    r.m.setdefault("attendees", {})["categories"] = categories
    for block in r.blocks[i : start + end]:
        r.add(block.text.strip())
    counts = ", ".join(f"{label} {len(rows)}" for label, rows in zip(labels, tables, strict=True))
    r.note(r.blocks[i], f"attendance labels over their tables: {counts} (the lines kept)")
    return start + end
