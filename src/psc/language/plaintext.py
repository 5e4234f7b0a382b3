"""A Markdown document as plain text, for the body of an e-mail: headings underlined,
paragraphs and list items wrapped, tables as aligned columns (or, too wide for a line, as
one block of `heading: value` lines per row); no Markdown syntax, no HTML. The parse is
markdown-it's (raw HTML off), the inline text `plain_text`'s; a `<br>` in a table cell,
which the Markdown minutes write between the lines of a cell, starts a new line."""

from __future__ import annotations

import re
import textwrap
from functools import cache
from typing import Any

from psc.language.mdtext import plain_text

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters (tabs kept) removed from code blocks, as plain_text removes them."""

WIDTH = 76
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LABEL_MAX = 24
"""The widest first column of a two-column table kept beside its values."""


@cache
def _parser() -> Any:
    """psc's Markdown parser (CommonMark, raw HTML off) with tables, which the minutes use."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _cell_lines(source: str) -> list[str]:
    return [line for part in _BR.split(source) if (line := plain_text(part))] or [""]


def plain_document(markdown: str, width: int = WIDTH) -> str:
    """`markdown` as plain text wrapped at `width`, blocks separated by blank lines."""
    tokens = _parser().parse(markdown)
    blocks: list[list[str]] = []
    indent: list[str] = []  # the prefix of list items and quotes around the current block
    bullets: list[int | None] = []  # per open list: the next number, or None for bullets
    first_in_item = False
    item_marker = ""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        pad = "".join(indent)
        if kind == "heading_open":
            text = plain_text(tokens[i + 1].content)
            level = int(token.tag[1])
            lines = _wrap(text, width, pad, pad)
            if level <= 2:
                lines.append(pad + ("=" if level == 1 else "-") * min(len(text), width - len(pad)))
            blocks.append(lines)
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            bullets.append(int(start or 1) if kind == "ordered_list_open" else None)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            bullets.pop()
        elif kind == "list_item_open":
            number = bullets[-1]
            marker = "- " if number is None else f"{number}. "
            if number is not None:
                bullets[-1] = number + 1
            indent.append(" " * len(marker))
            first_in_item = True
            item_marker = marker
        elif kind == "list_item_close":
            indent.pop()
        elif kind == "blockquote_open":
            indent.append("  ")
        elif kind == "blockquote_close":
            indent.pop()
        elif kind == "paragraph_open":
            text = plain_text(tokens[i + 1].content)
            if first_in_item:
                lines = _wrap(text, width, "".join(indent[:-1]) + item_marker, pad)
                first_in_item = False
            else:
                lines = _wrap(text, width, pad, pad)
            nested_start = tokens[i - 2].type in ("bullet_list_open", "ordered_list_open")
            if token.hidden and blocks and (len(bullets) > 1 or not nested_start):
                blocks[-1].extend(lines)  # the items of a tight list stay together
            else:
                blocks.append(lines)
            i += 3
            continue
        elif kind in ("fence", "code_block"):
            code = token.content.rstrip("\n").split("\n")
            blocks.append([pad + "    " + _CONTROL.sub(" ", line) for line in code])
        elif kind == "hr":
            blocks.append([pad + "* * *"])
        elif kind == "table_open":
            end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
            blocks.append(_table(tokens[i:end], width, pad))
            i = end + 1
            continue
        i += 1
    return "\n\n".join("\n".join(line.rstrip() for line in block) for block in blocks) + "\n"


def _table(tokens: list[Any], width: int, pad: str) -> list[str]:
    """A table as aligned columns; too wide for `width`, each row a block of lines."""
    rows: list[list[list[str]]] = []
    header_rows = 0
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            rows[-1].append(_cell_lines(token.content))
        elif token.type == "thead_close":
            header_rows = len(rows)
    if not rows:
        return []
    columns = max(len(r) for r in rows)
    rows = [r + [[""]] * (columns - len(r)) for r in rows]
    widths = [max(len(line) for r in rows for line in r[c]) for c in range(columns)]
    available = width - len(pad)
    if columns == 2 and widths[0] <= _LABEL_MAX:  # a table of labels and values
        label = widths[0] + 2
        lines = []
        for names, values in rows:
            for k, value in enumerate(values):
                head = (names[k] if k < len(names) else "").ljust(label)
                lines.extend(_wrap(value, available, pad + head, pad + " " * label))
            lines.extend(pad + name for name in names[len(values) :])
        return lines
    if sum(widths) + 2 * (columns - 1) <= available:
        lines = []
        for n, row in enumerate(rows):
            height = max(len(cell) for cell in row)
            for k in range(height):
                parts = [
                    (cell[k] if k < len(cell) else "").ljust(widths[c])
                    for c, cell in enumerate(row)
                ]
                lines.append(pad + "  ".join(parts))
            if n + 1 == header_rows:
                lines.append(pad + "  ".join("-" * w for w in widths))
        return lines
    # too wide: each row (after the header) a block of 'heading: value' lines
    names = [" ".join(cell) for cell in rows[0]] if header_rows else [""] * columns
    lines = []
    for row in rows[header_rows:]:
        if lines:
            lines.append("")
        for name, cell in zip(names, row, strict=True):
            value = " ".join(cell)
            if not value:
                continue
            first = f"{name}: " if name else ""
            lines.extend(_wrap(value, available, pad + first, pad + "  "))
    return lines
