"""A table of text made for a person: what a report shows in the terminal.

The core builds it (in the group's language); the command line draws it (psc.cli.console).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Table:
    """A titled table: column headers, rows of cells, and how to fit it in a narrow terminal."""

    title: str
    columns: list[str]
    rows: list[list[Any]]
    highlight: list[bool] = field(default_factory=list)
    """Rows to highlight (overdue tasks), one flag per row; empty: none."""
    optional: list[int] = field(default_factory=list)
    """Columns to leave out, in this order, when the terminal is too narrow."""
    left_out: str | None = None
    """The note naming the columns left out ({columns}), shown below the table."""
