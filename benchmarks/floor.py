#!/usr/bin/env python3
"""The do-nothing floor of psc's read-only reports: a Typer application whose commands take
the options of `psc tasks`, `psc list` and `psc decisions` and do nothing with them.

    python benchmarks/floor.py --root DIR tasks --overdue --as-of 2019-03-01 --format json

What it costs is what any Typer command line costs before it does any work: starting
Python, importing Typer and parsing the same options. benchmarks/run.py runs it with the
interpreter of psc's virtual environment and sets each psc report against it.
"""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(rich_markup_mode=None, add_completion=False)


@app.callback()
def main(root: Annotated[str | None, typer.Option("--root", metavar="DIR")] = None) -> None:
    """psc's global options (--root), doing nothing."""


@app.command()
def tasks(
    overdue: Annotated[bool, typer.Option("--overdue")] = False,
    due_within: Annotated[str | None, typer.Option("--due-within")] = None,
    due_before: Annotated[str | None, typer.Option("--due-before")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of")] = None,
    owner: Annotated[list[str] | None, typer.Option("--owner")] = None,
    meeting: Annotated[str | None, typer.Option("--meeting")] = None,
    status: Annotated[str, typer.Option("--status")] = "open",
    group_by: Annotated[str | None, typer.Option("--group-by")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f")] = "table",
    csv_dialect: Annotated[str, typer.Option("--csv-dialect")] = "standard",
    output: Annotated[str | None, typer.Option("--output", "-o")] = None,
    lang: Annotated[str | None, typer.Option("--lang")] = None,
    fail_if_any: Annotated[bool, typer.Option("--fail-if-any")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache")] = False,
    strict: Annotated[bool, typer.Option("--strict")] = False,
) -> None:
    """The options of `psc tasks`; does nothing."""


@app.command("list")
def list_(
    fmt: Annotated[str, typer.Option("--format", "-f")] = "table",
    lang: Annotated[str | None, typer.Option("--lang")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache")] = False,
    strict: Annotated[bool, typer.Option("--strict")] = False,
) -> None:
    """The options of `psc list`; does nothing."""


@app.command()
def decisions(
    text: Annotated[str | None, typer.Argument()] = None,
    status: Annotated[str, typer.Option("--status")] = "all",
    as_of: Annotated[str | None, typer.Option("--as-of")] = None,
    meeting: Annotated[str | None, typer.Option("--meeting")] = None,
    owner: Annotated[list[str] | None, typer.Option("--owner")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f")] = "table",
    csv_dialect: Annotated[str, typer.Option("--csv-dialect")] = "standard",
    output: Annotated[str | None, typer.Option("--output", "-o")] = None,
    lang: Annotated[str | None, typer.Option("--lang")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache")] = False,
    strict: Annotated[bool, typer.Option("--strict")] = False,
) -> None:
    """The options of `psc decisions`; does nothing."""


if __name__ == "__main__":
    app()
