"""All terminal output that goes through rich, and the neutralising of user text in it.

User text is always printed literally: it is wrapped in `rich.text.Text` (never parsed
as markup), and control characters and bidirectional overrides are shown as escapes.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, TextIO

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def literal(text: Any) -> str:
    """`text` with control characters and bidi overrides made visible (e.g. '\\x1b')."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", "" if text is None else str(text))


def fancy(stream: TextIO) -> bool:
    """Whether to draw for a terminal: stdout is a TTY (NO_COLOR only turns colour off)."""
    return stream.isatty()


def print_table(
    columns: list[str],
    rows: list[list[Any]],
    *,
    title: str | None = None,
    highlight: list[bool] | None = None,
    stream: TextIO | None = None,
) -> None:
    """A table: rich on a terminal (highlighted rows in red), plain aligned text otherwise."""
    stream = stream or sys.stdout
    cells = [[literal(c) for c in row] for row in rows]
    if not fancy(stream):
        _plain_table(columns, cells, title, stream)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, no_color=bool(os.environ.get("NO_COLOR")), highlight=False)
    table = Table(title=Text(literal(title)) if title else None, show_lines=False)
    for column in columns:
        table.add_column(Text(column), overflow="fold")
    for i, row in enumerate(cells):
        style = "red" if highlight and highlight[i] else None
        table.add_row(*(Text(c) for c in row), style=style)
    console.print(table)


def _plain_table(columns: list[str], rows: list[list[str]], title: str | None, stream: TextIO) -> None:
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    if title:
        stream.write(literal(title) + "\n")
    for row in [columns, *rows]:
        stream.write("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() + "\n")


def print_lines(lines: list[str], stream: TextIO | None = None) -> None:
    """Plain lines of user text, printed literally."""
    stream = stream or sys.stdout
    for line in lines:
        stream.write(literal(line) + "\n")


def print_diff(lines: list[tuple[str, list[tuple[str, str]]]], stream: TextIO | None = None) -> None:
    """Diff lines: on a terminal deletions red and struck through, insertions green; as plain
    text deletions [-like this-] and insertions {+like this+} (wdiff's notation)."""
    stream = stream or sys.stdout
    if not fancy(stream):
        for prefix, segments in lines:
            marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
            text = "".join(marks[k].format(literal(t)) if t.strip() or k == "=" else literal(t)
                           for k, t in segments)
            stream.write((text if prefix == "#" else f"{prefix} {text}") + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, no_color=bool(os.environ.get("NO_COLOR")), highlight=False)
    styles = {"=": "", "-": "red strike", "+": "green underline"}
    for prefix, segments in lines:
        line = Text("" if prefix == "#" else f"{prefix} ", style="bold" if prefix == "#" else "")
        for kind, text in segments:
            line.append(literal(text), style="bold" if prefix == "#" else styles[kind])
        console.print(line)
