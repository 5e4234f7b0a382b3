"""`psc decisions`: the register of resolutions, and one resolution with its history."""

from __future__ import annotations

import io
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup, TyperOption

from psc.cli import common, console, options
from psc.cli.options import Lang, LangBrief, NoCache, Strict


class TextOrCommand(TyperGroup):
    """A group whose callback takes an optional TEXT argument beside its subcommands:
    `psc decisions zapis --status valid` filters by text, `psc decisions show ID` runs show.
    The text may stand before or after the options."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        first = self._first_positional(args)
        if first is not None and args[first] not in self.commands:
            args = [*args[:first], *args[first + 1 :], args[first]]  # options first, then TEXT
        rest = super().parse_args(ctx, args)
        text = ctx.params.get("text")
        if (
            isinstance(text, str) and text in self.commands
        ):  # TEXT took the subcommand's name: give it back
            ctx.params["text"] = None
            ctx._protected_args, ctx.args = [text], [*ctx._protected_args, *ctx.args]
            return ctx.args
        return rest

    def get_params(self, ctx: typer.Context) -> list[Any]:  # type: ignore[override]
        """Its parameters; a subcommand's context asks for them to build its command path,
        which TEXT is no part of ('psc decisions show', not 'psc decisions [TEXT] show')."""
        params = super().get_params(ctx)
        if ctx.command is not self:
            return [p for p in params if p.name != "text"]
        return params

    def _first_positional(self, args: list[str]) -> int | None:
        """The index of the first argument that is not an option nor an option's value."""
        takes_value = {
            name
            for param in self.params
            if isinstance(param, TyperOption) and not param.is_flag
            for name in param.opts
        }
        skip = False
        for i, arg in enumerate(args):
            if skip:
                skip = False
            elif arg == "--":
                return i + 1 if i + 1 < len(args) else None
            elif arg.startswith("-") and arg != "-":
                skip = arg in takes_value
            else:
                return i
        return None


def decisions(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(
            metavar="TEXT",
            help="Only resolutions whose ID, text, proposal or item holds TEXT (case and "
            "diacritics do not matter: 'usneseni' finds 'usnesení').",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        str,
        typer.Option(
            "--status",
            metavar="valid|fulfilled|amended|suspended|superseded|revoked|rejected|noted|all",
            help="Which resolutions, by their status as of the as-of date (also withdrawn, "
            "postponed, proposed).",
        ),
    ] = "all",
    as_of: Annotated[
        str | None,
        options.as_of(
            "The register as it stood on this date (default: today): resolutions, links, "
            "fulfilment and task statuses after it do not count."
        ),
    ] = None,
    meeting: Annotated[
        str | None,
        typer.Option(
            "--meeting",
            metavar="MEETING",
            autocompletion=common.complete_meeting,
            help="Only resolutions of this meeting.",
            show_default=False,
        ),
    ] = None,
    owner: Annotated[
        list[str] | None,
        typer.Option(
            "--owner",
            metavar="ORG",
            help="Only resolutions imposing a task on this body or person (repeatable).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        options.format_(
            "table|md|html|json|csv",
            "Output format. CSV headers and words follow the language psc speaks; "
            "`psc --lang en decisions --format csv` is the stable English CSV for machines.",
        ),
    ] = "table",
    csv_dialect: Annotated[
        str,
        typer.Option(
            "--csv-dialect",
            metavar="standard|excel",
            help="CSV flavour: standard (comma, LF) or excel (semicolon, CRLF, UTF-8 BOM).",
        ),
    ] = "standard",
    output: Annotated[
        str | None, options.output("FILE", "Write the register to FILE (default: stdout).")
    ] = None,
    lang: Lang = None,
    no_cache: NoCache = False,
    strict: Strict = False,
) -> None:
    """List the register of resolutions: every decision with its ID and status (or run the
    subcommand show).

    A resolution's ID is its number, else '<meeting>/u<n>' (the n-th decision of the
    meeting). Status: valid, fulfilled, amended (still valid), suspended, superseded,
    revoked, or the outcome of one not adopted (rejected, noted, withdrawn, postponed).

    Example: psc decisions --status valid --as-of 2025-06-30 --format json
    """
    if ctx.invoked_subcommand is not None:
        return
    from psc.archive.register import Selection
    from psc.cli.output import emit
    from psc.publish.registerreport import list_decisions

    when = common.date(as_of, "--as-of") or common.today()
    selection = Selection(
        status=status,
        meeting=common.names(meeting),
        owners=tuple(common.names(owner) or ()),
        text=common.names(text),
    )
    project = common.project(ctx, no_cache, strict)
    report = list_decisions(
        project,
        selection,
        as_of=when,
        fmt=fmt,
        lang=common.report_language(ctx, lang),
        csv_dialect=csv_dialect,
    )
    if report.table is not None:
        if output and output != "-":
            buffer = io.StringIO()
            console.show_table(report.table, stream=buffer)
            emit(buffer.getvalue(), output, project)
        else:
            console.show_table(report.table, stream=sys.stdout)
    elif report.text is not None:
        emit(report.text, output, project)


def show(
    ctx: typer.Context,
    decision_id: Annotated[
        str, typer.Argument(metavar="ID", help="The resolution, e.g. 3/2022 or 2016-09-07/u1.")
    ],
    as_of: Annotated[
        str | None,
        options.as_of(
            "The resolution as it stood on this date (default: today): later links and "
            "fulfilment are not shown."
        ),
    ] = None,
    lang: LangBrief = None,
    no_cache: NoCache = False,
    strict: Strict = False,
) -> None:
    """Show a resolution: text, proposal, votes, outcome, status with its history, its links
    both ways and the tasks it imposes.

    Example: psc decisions show 5/14/2025
    """
    from psc.publish.registerreport import show_decision

    project = common.project(ctx, no_cache, strict)
    when = common.date(as_of, "--as-of") or common.today()
    console.print_lines(
        show_decision(
            project,
            common.names(decision_id),
            as_of=when,
            lang=common.report_language(ctx, lang),
        )
    )
