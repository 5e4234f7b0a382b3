"""All terminal output that goes through rich, and the neutralising of user text in it.

User text is always printed literally: it is wrapped in `rich.text.Text` (never parsed
as markup), and control characters and bidirectional overrides are shown as escapes.
This is the terminal's one escaping policy: every line psc prints (reports, notes,
warnings and errors on stderr) goes through `literal` (psc.language.escape), so file content
can neither move the cursor, retitle the window, overwrite a line nor start a new one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from psc.language.escape import literal, plain_cells

if TYPE_CHECKING:
    from psc.language.table import Table


def echo(line: Any, *, err: bool = False) -> None:
    """Print one line of text psc made from data (a note, a warning, an error) literally."""
    stream = sys.stderr if err else sys.stdout
    stream.write(literal(line) + "\n")
    stream.flush()


def fancy(stream: TextIO) -> bool:
    """Whether to draw for a terminal: stdout is a TTY (NO_COLOR only turns colour off)."""
    return stream.isatty()


@contextmanager
def progress(
    label: str, stream: TextIO, *, hidden: bool = False, force: bool = False
) -> Iterator[Callable[[int, int, Path], None]]:
    """A progress bar on `stream` while the block runs, advanced by calling what it gives
    with (steps done, steps in all, the file at hand); drawn only on a terminal (or when
    `force`d) and removed when done, so captured output never holds it."""
    if hidden or not (force or fancy(stream)):
        yield lambda done, total, path: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    console = Console(
        file=stream,
        force_terminal=True if force else None,
        no_color=bool(os.environ.get("NO_COLOR")),
        highlight=False,
    )
    columns = (
        TextColumn(label, markup=False),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[file]}", markup=False),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=None, file="")

        def advance(done: int, total: int, path: Path) -> None:
            bar.update(task, completed=done, total=total, file=literal(path.name))

        yield advance


def print_table(
    columns: list[str],
    rows: list[list[Any]],
    *,
    title: str | None = None,
    highlight: list[bool] | None = None,
    stream: TextIO | None = None,
    width: int | None = None,
    optional: list[int] | None = None,
    left_out: str | None = None,
) -> None:
    """A table: rich on a terminal (highlighted rows in red), plain aligned text otherwise.
    On a terminal, a column of single words (IDs, dates, meeting IDs, e-mail addresses) is
    never broken: the columns of text wrap instead. When the terminal is too narrow for that,
    the `optional` columns are left out, in their order, and `left_out` (with {columns})
    says which. `width`: the terminal's (default: its own)."""
    stream = stream or sys.stdout
    cells = [["" if c is None else c if type(c) is str else str(c) for c in row] for row in rows]
    if not plain_cells(cells):  # each cell on one line, with controls made visible
        cells = [[literal(" ".join(c.split())) for c in row] for row in cells]
    if not fancy(stream):
        _plain_table(columns, cells, title, stream)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=stream, no_color=bool(os.environ.get("NO_COLOR")), highlight=False, width=width
    )
    shown = _fitting(columns, cells, width or console.width, optional or [])
    dropped = [columns[i] for i in range(len(columns)) if i not in shown]
    columns = [columns[i] for i in shown]
    cells = [[row[i] for i in shown] for row in cells]
    table = Table(title=Text(literal(title)) if title else None, show_lines=False)
    for column, col_width, whole in _widths(columns, cells, width or console.width):
        table.add_column(Text(column), overflow="fold", no_wrap=whole, width=col_width)
    for i, row in enumerate(cells):
        style = "red" if highlight and highlight[i] else None
        table.add_row(*(Text(c) for c in row), style=style)
    console.print(table)
    if dropped and left_out:
        console.print(Text(literal(left_out.format(columns=", ".join(dropped))), style="dim"))


def _widths(
    columns: list[str], cells: list[list[str]], width: int
) -> list[tuple[str, int | None, bool]]:
    """(header, width or None for its natural width, kept whole) of each column. Columns of
    single words (IDs, dates, e-mail addresses) are kept whole where the width allows; short
    values (a number of days) are as wide as the header's longest word; the columns of text
    share the rest (the narrow ones get their whole width first), each at least as wide as its
    longest word (up to 16), so they wrap between words."""
    keep = _unbroken_columns(columns, cells, width)
    natural = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    fixed: dict[int, int] = {}
    texts: list[int] = []
    for i, column in enumerate(columns):
        header = max((len(w) for w in column.split()), default=1)
        longest = max((len(row[i]) for row in cells), default=0)
        if i in keep:
            fixed[i] = max(longest, header)
        elif longest <= header:
            fixed[i] = header
        else:
            texts.append(i)
    room = width - 3 * len(columns) - 1 - sum(fixed.values())
    if 3 * len(columns) + 1 + sum(natural) <= width or not texts:
        return [(c, None, i in keep) for i, c in enumerate(columns)]
    least = {
        i: max(
            min(max((len(w) for row in cells for w in row[i].split()), default=1), 16),
            min(max((len(w) for w in columns[i].split()), default=1), 8),
        )
        for i in texts
    }
    share: dict[int, int] = {}
    left = sorted(
        texts, key=lambda i: natural[i]
    )  # water-filling: narrow columns get all they need
    while left:
        i = left.pop(0)
        fair = room // (len(left) + 1)
        share[i] = max(least[i], min(natural[i], fair, room - sum(least[j] for j in left)))
        room -= share[i]
    return [(c, fixed.get(i, share.get(i)), i in keep) for i, c in enumerate(columns)]


def _is_word_column(cells: list[list[str]], i: int) -> bool:
    return (
        bool(cells)
        and all(" " not in row[i] for row in cells)
        and max(len(row[i]) for row in cells) >= 6
    )


def _fitting(
    columns: list[str], cells: list[list[str]], width: int, optional: list[int]
) -> list[int]:
    """The columns to show: all, unless the single-word columns kept whole and the text
    columns at a readable minimum (16, or their longest word) need more than `width`; then
    the `optional` ones are left out in order until the rest fits."""

    def need(shown: list[int]) -> int:
        total = 3 * len(shown) + 1  # a border and two spaces of padding per column
        for i in shown:
            longest_word = max((len(w) for row in cells for w in row[i].split()), default=0)
            header_word = max((len(w) for w in columns[i].split()), default=0)
            if _is_word_column(cells, i):
                total += max(longest_word, header_word)
            else:
                total += max(min(longest_word, 16), min(header_word, 8), 4)
        return total

    shown = list(range(len(columns)))
    for i in optional:
        if need(shown) <= width:
            break
        shown.remove(i)
    return shown


def _unbroken_columns(columns: list[str], cells: list[list[str]], width: int) -> set[int]:
    """Columns whose cells are single words of some length (IDs, dates, meeting IDs, e-mail
    addresses): never broken, from the left, as far as the width leaves room for the columns
    of text to wrap in (the first of them, the task's text, gets the most)."""
    content = width - 3 * len(columns) - 1  # a border and two spaces of padding per column
    words = [
        i
        for i in range(len(columns))
        if cells
        and all(" " not in row[i] for row in cells)
        and max(len(row[i]) for row in cells) >= 6
    ]
    texts = [i for i in range(len(columns)) if i not in words]
    reserve = 8 + 4 * (len(texts) - 1) if texts else 0
    keep: set[int] = set()
    used = 0
    for i in words:
        longest = max(len(row[i]) for row in cells)
        if used + longest + reserve <= content:
            keep.add(i)
            used += longest
    return keep


def _plain_table(
    columns: list[str], rows: list[list[str]], title: str | None, stream: TextIO
) -> None:
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    if title:
        stream.write(literal(title) + "\n")
    for row in [columns, *rows]:
        stream.write("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() + "\n")


def show_table(table: Table, stream: TextIO | None = None, width: int | None = None) -> None:
    """A report's table (see `print_table`)."""
    print_table(
        table.columns,
        table.rows,
        title=table.title,
        highlight=table.highlight,
        stream=stream,
        width=width,
        optional=table.optional,
        left_out=table.left_out,
    )


def print_lines(lines: list[str], stream: TextIO | None = None) -> None:
    """Plain lines of user text, printed literally."""
    stream = stream or sys.stdout
    for line in lines:
        stream.write(literal(line) + "\n")


def print_diff(
    lines: list[tuple[str, list[tuple[str, str]]]], stream: TextIO | None = None
) -> None:
    """Diff lines: on a terminal deletions red and struck through, insertions green; as plain
    text deletions [-like this-] and insertions {+like this+} (wdiff's notation)."""
    stream = stream or sys.stdout
    if not fancy(stream):
        for prefix, segments in lines:
            marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
            text = "".join(
                marks[k].format(literal(t)) if t.strip() or k == "=" else literal(t)
                for k, t in segments
            )
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
