"""The CLI reference (docs/cli.md), made from the commands' own help so it cannot drift.

Each command's section is exactly what `psc COMMAND --help` prints, at a fixed width.
Regenerate it with:

    .venv/bin/python -m psc.cli.reference docs/cli.md

tests/test_cli_reference.py fails when the checked-in file is stale.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

WIDTH = 88
"""The width the help is wrapped at (a terminal's, fixed so the file is the same everywhere)."""

COMMAND = ".venv/bin/python -m psc.cli.reference docs/cli.md"
"""How to regenerate the reference (named by the staleness test)."""


def _commands(ctx: typer.Context) -> Iterator[typer.Context]:
    """`ctx` and the context of every (sub)command below it, in the order --help lists them."""
    yield ctx
    command: Any = ctx.command
    for name in command.list_commands(ctx) if hasattr(command, "list_commands") else []:
        sub = command.get_command(ctx, name)
        if sub is not None and not sub.hidden:
            yield from _commands(typer.Context(sub, parent=ctx, info_name=name))


def reference() -> str:
    """docs/cli.md: a contents list, then each command's --help in a section of its own."""
    from psc.cli.app import app

    root = typer.Context(
        typer.main.get_command(app), info_name="psc", terminal_width=WIDTH, max_content_width=WIDTH
    )
    contexts = list(_commands(root))
    lines = [
        "# psc command reference",
        "",
        "<!-- Generated from the commands' help: do not edit by hand. Regenerate with",
        f"     {COMMAND} -->",
        "",
    ]
    lines += [f"- [`{c.command_path}`](#{_anchor(c.command_path)})" for c in contexts[1:]]
    for ctx in contexts:
        lines += ["", f"## {ctx.command_path}", "", "```text", ctx.get_help().rstrip(), "```"]
    return "\n".join(lines) + "\n"


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, spaces as dashes."""
    return heading.lower().replace(" ", "-")


def main(argv: list[str] | None = None) -> None:
    """Write the reference to the file named (default: stdout)."""
    args = sys.argv[1:] if argv is None else argv
    text = reference()
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
