"""`psc search`: find text across the archive's items, statements, decisions and tasks."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from psc.cli import common, console, options
from psc.cli.options import NoCache, Strict
from psc.errors import UsageError
from psc.messages import _

SEARCH_FORMATS = ("text", "json")


def search(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT",
            help="Words to find, all in one block; case and diacritics do not matter.",
        ),
    ],
    meeting: Annotated[
        list[str] | None,
        typer.Option(
            "--meeting",
            metavar="MEETING",
            autocompletion=common.complete_meeting,
            help="Only in this meeting (repeatable).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        options.format_(
            "text|json",
            "text (a reference and a snippet per line) or json (meeting, item, kind, id, text, "
            "snippet).",
        ),
    ] = "text",
    fail_if_none: Annotated[
        bool,
        typer.Option("--fail-if-none", help="Exit with 1 when nothing is found (for scripts)."),
    ] = False,
    no_cache: NoCache = False,
    strict: Strict = False,
) -> None:
    """Search the minutes: item titles, paragraphs, headings, lists, statements, decisions
    (text, proposal, label, number) and tasks (text, deadline words, notes).

    Each word of TEXT must occur, as part of a word, in the same block; "usneseni" finds
    "usnesení" and "Usnesením". Hits are listed in archive order as references (meeting,
    item, decision number or task ID) with a snippet. Nothing found: "no match" on stderr,
    exit 0 (1 with --fail-if-none).

    Example: psc search "usneseni kontrole" --format json
    """
    from psc.archive.search import search as find

    if fmt not in SEARCH_FORMATS:
        raise UsageError(_("unknown format {fmt!r}; choose text or json", fmt=fmt))
    project = common.project(ctx, no_cache, strict)
    result = find(project, common.names(text), meetings=common.names(meeting))
    if not result.hits:
        console.echo(_("no match"), err=True)
        if fmt == "json":
            typer.echo("[]")
        if fail_if_none:
            raise typer.Exit(1)
        return
    if fmt == "json":
        sys.stdout.write(result.as_json())
        return
    for line in result.lines():  # references in the language psc speaks (archive.search)
        console.echo(line)
