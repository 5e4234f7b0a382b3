"""What the command modules share: the repository a command works on (--root, --no-cache,
--strict), option values parsed into dates, days and names, and shell completion.

Command modules import this module, never each other nor psc.cli.app, so the command line
has no import cycle. Call `today()` and `interactive()` through the module (tests replace them).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, overload

import typer

from psc.cli import console
from psc.errors import UsageError, check_text
from psc.messages import _

if TYPE_CHECKING:
    from psc.archive.project import Project


def project(ctx: typer.Context, no_cache: bool = False, strict: bool | None = None) -> Project:
    """The repository (--root, else found upwards from the current directory). `strict`
    given: a read-only report, which leaves invalid meeting files out with a warning on
    stderr unless `strict` (--strict)."""
    from psc.archive.project import Project, cache_wanted

    options = ctx.find_root().obj or {}  # set by the main callback (--root)
    use_cache = cache_wanted(no_cache, os.environ)  # --no-cache, PSC_NO_CACHE
    found = Project.discover(options.get("root"), Path.cwd(), use_cache=use_cache)
    if strict is not None:
        found.strict = strict
        found.warn = lambda line: console.echo(line, err=True)
    return found


def report_language(ctx: typer.Context, lang: str | None) -> str | None:
    """The language of a report printed for a person (tasks, decisions, list, show, log):
    the command's --lang, else psc's own --lang (`psc --lang en tasks --format csv` is
    English whatever the group's language), else None: the group's. A document (render,
    build, export, circulate, remind) is in the command's --lang or the group's only."""
    if lang is not None:
        return lang
    options = ctx.find_root().obj or {}
    chosen = options.get("lang")
    return chosen if isinstance(chosen, str) else None


def today() -> dt.date:
    """The date reports and edits default to."""
    return dt.date.today()


def interactive() -> bool:
    """Whether psc may ask: standard input is a terminal (never in scripts)."""
    return sys.stdin.isatty()


@overload
def names(values: None) -> None: ...
@overload
def names(values: str) -> str: ...
@overload
def names(values: list[str]) -> list[str]: ...
def names(values: str | list[str] | None) -> str | list[str] | None:
    """Names typed on the command line (owners, IDs, meetings, people) in NFC, as files are read:
    macOS and some terminals type 'Ž' as Z + a combining caron (NFD)."""
    from psc.terms import nfc

    if values is None:
        return None
    if isinstance(values, str):
        return nfc(values)
    return [nfc(v) for v in values]


@overload
def text(value: str, option: str) -> str: ...
@overload
def text(value: str | None, option: str) -> str | None: ...
def text(value: str | None, option: str) -> str | None:
    """Text typed for a file (a name, a title, a note): in NFC, and refused (a usage error)
    when it holds a control character that the file would then be refused for."""
    return check_text(names(value), option)


def date(value: str | None, option: str) -> dt.date | None:
    """An option's YYYY-MM-DD value (None when not given); anything else is a usage error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            _("{option} {value!r}: give a date as YYYY-MM-DD", option=option, value=value)
        ) from None


def time(value: str | None) -> dt.time | None:
    """The --time HH:MM value."""
    if value is None:
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise UsageError(_("--time {value!r}: give a time as HH:MM", value=value)) from None


MAX_DAYS_DIGITS = 9
"""Longer numbers of days are refused (dates past the calendar's end saturate at 9999-12-31)."""


def days(text: str, option: str = "--due-within") -> int:
    """'14d', '2w' or '14' -> days; a bad value is a usage error naming `option`."""
    match = re.fullmatch(r"\s*(\d+)\s*([dw]?)\s*", text)
    if not match:
        raise UsageError(
            _("{option} {value!r}: give days or weeks, e.g. 14d or 2w", option=option, value=text)
        )
    if len(match.group(1).lstrip("0")) > MAX_DAYS_DIGITS:
        raise UsageError(
            _(
                "{option} {value!r}: give at most {most} days",
                option=option,
                value=text,
                most="9" * MAX_DAYS_DIGITS,
            )
        )
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


def complete_meeting(incomplete: str) -> list[str]:
    """Shell completion of meeting IDs (file names in meetings/; nothing is parsed)."""
    try:
        from psc.archive.project import find_root

        meetings = find_root(Path.cwd()) / "meetings"
        return sorted(p.stem for p in meetings.glob("*.yaml") if p.stem.startswith(incomplete))
    except Exception:  # completion must never print an error into the shell
        return []


def complete_task(incomplete: str) -> list[str]:
    """Shell completion of task IDs (from the cache when it is fresh)."""
    try:
        from psc.archive.project import Project

        index = Project.discover(None, Path.cwd()).index(strict=False)
        ids = [m.task_id(i) for m in index.meetings for i in range(len(m.tasks))]
        return [t for t in ids if t.startswith(incomplete)]
    except Exception:
        return []
