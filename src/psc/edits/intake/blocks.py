"""The blocks a source document is read into, before anything is recognised in them.

Every reader (`sources.py`: .txt, .md, .docx) turns its file into the same flat list of
`Block`s, in the document's order, each with where it came from (`where`: 'line 12',
'paragraph 7', 'table 1, row 3'), so the recogniser never knows which format it reads and
its report can point into the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["heading", "paragraph", "item", "row"]


@dataclass
class Block:
    """One block of the source.

    kind:
      - "heading": a heading (Markdown `#`, a Word Heading style); `level` 1–6.
      - "paragraph": a paragraph of running text.
      - "item": one point of a list; `ordered` for a numbered list, `number` the number as
        written when the source gives it ("3", "2.1"), else None.
      - "row": one row of a table (or a tab-separated line of text); `cells` its cells' text.
    text: the inline text as Markdown: bold runs as **…**, italics as *…*, links as
      [text](url); whitespace inside a paragraph collapsed to single spaces; no line breaks
      except where the source has a hard line break inside a paragraph (kept as "\n").
      For a row: the cells joined with " | " (for reports).
    bold: True when the whole text is bold (a heading written as a bold paragraph).
    marker: a numbered point's number as the source writes it ("1.", "1)", "2.1", "a)"),
      for text that keeps it; None where the source has no such text (Word's own numbering).
    indent: how far a line of plain text is indented (spaces; a tab counts as one), so a
      label's list on the indented lines below it, or a list item's continuation, can be told
      from a new paragraph; 0 where the source has no such text.
    """

    kind: Kind
    text: str
    where: str
    level: int = 0
    ordered: bool = False
    number: str | None = None
    cells: list[str] = field(default_factory=list)
    bold: bool = False
    marker: str | None = None
    indent: int = 0


def titled(
    block: Block,
    title: str,
    text: str,
    *,
    marker: str | None,
    number: str | None = None,
    indent: int = 0,
) -> list[Block]:
    """`block` read as a point's title with its text after it: a heading (level 2, with the
    point's `marker` and `number`), then the text as a paragraph where there is any; both at
    the block's place, with `indent`."""
    heading = Block(
        "heading", title, block.where, level=2, number=number, marker=marker, indent=indent
    )
    if not text:
        return [heading]
    return [heading, Block("paragraph", text, block.where, indent=indent)]


def decisions(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    """The resolutions of a draft meeting (its items' and sections' content), in order."""
    parts = [*meeting.get("items", []), *meeting.get("sections", [])]
    return [
        block
        for part in parts
        for block in part.get("content", [])
        if isinstance(block, dict) and "decision" in block
    ]
