"""The one error hierarchy of psc.

Core modules raise these; `handle_errors` in psc.cli.app is the only place that turns them into
messages on stderr and exit codes (0 ok, 1 invalid data or a failed check, 2 usage error).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in one file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        from psc.messages import _

        where = f"{self.path}:{self.line}:{self.col}"
        field = f"{self.field}: " if self.field else ""
        severity = _("error") if self.severity == "error" else _("warning")
        return f"{where}: {severity}: {field}{self.message}"


def display_path(path: Path | str) -> str:
    """A path as the user should read it: relative to the current directory when below it."""
    import os

    try:
        cwd = os.getcwd()
    except OSError:
        return str(path)
    absolute = os.path.abspath(path)  # symlinks are shown as themselves, not as their targets
    base = _resolved(cwd)
    if absolute == base:
        return "."
    if absolute.startswith(base.rstrip(os.sep) + os.sep):
        return absolute[len(base.rstrip(os.sep)) + 1 :]
    return str(path)


@functools.lru_cache(maxsize=8)
def _resolved(directory: str) -> str:
    return str(Path(directory).resolve())


def did_you_mean(word: str, choices: list[str]) -> str:
    """ "; did you mean 'x'?" for the choice closest to a mistyped `word`, or ""."""
    import difflib

    from psc.messages import _

    near = difflib.get_close_matches(word, choices, n=1)
    return _("; did you mean '{choice}'?", choice=near[0]) if near else ""


def check_language(lang: str | None) -> None:
    """Languages psc renders: the group's default (None), cs or en."""
    if lang is not None and lang not in ("cs", "en"):
        from psc.messages import _

        raise UsageError(_("unknown language {lang!r}; choose cs or en", lang=lang))


CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"
"""Control characters psc refuses in text (a regex class body): C0 but tab and line feed,
DEL, C1 (NEL included) and the Unicode line and paragraph separators. They can rewrite a
terminal, hide text in a viewer and are forbidden in iCalendar."""


def control_char(text: str) -> str | None:
    """The first control character of `text` that psc refuses, or None."""
    import re

    match = re.search(f"[{CONTROL_CHARS}]", text)
    return match.group() if match else None


def check_text(value: str | None, option: str) -> str | None:
    """`value` of a command-line option that psc writes into a file, refused (a usage error)
    when it holds a control character that the file would then be refused for."""
    bad = control_char(value) if value is not None else None
    if bad is not None:
        from psc.messages import _

        raise UsageError(
            _(
                "{option}: control character U+{code} is not allowed in text",
                option=option,
                code=format(ord(bad), "04X"),
            )
        )
    return value


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written (the system's words, `strerror`, are
    English): in the current language for the common causes, else the system's words."""
    import errno

    from psc.messages import _, current

    reasons = {
        errno.ENOENT: _("No such file or directory"),
        errno.EACCES: _("Permission denied"),
        errno.EPERM: _("Operation not permitted"),
        errno.EISDIR: _("Is a directory"),
        errno.ENOTDIR: _("Not a directory"),
        errno.ENOSPC: _("No space left on device"),
        errno.EROFS: _("Read-only file system"),
        errno.EEXIST: _("File exists"),
        errno.ELOOP: _("Too many levels of symbolic links"),
        errno.ENAMETOOLONG: _("File name too long"),
    }
    if exc.errno in reasons and (current() != "en" or not exc.strerror):
        return reasons[exc.errno]
    if exc.strerror:
        return exc.strerror if current() == "en" else _("system error {code}", code=exc.errno)
    return str(exc)


class PscError(Exception):
    """Base of every error psc reports to the user; carries its exit code."""

    exit_code = 1

    def lines(self) -> list[str]:
        from psc.messages import _

        return [_("error: {message}", message=self)]


class UsageError(PscError):
    """The command was called wrongly: bad option values, unknown meeting, no repository."""

    exit_code = 2


class ProjectNotFound(UsageError):
    """No minutes repository (a directory with group.yaml) was found."""


class MeetingNotFound(UsageError):
    """A meeting named on the command line does not exist in the archive."""


class InvalidData(PscError):
    """One or more files are invalid; holds every problem found, with its position."""

    exit_code = 1

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) found")

    def lines(self) -> list[str]:
        from psc.messages import n_

        errors = [p for p in self.problems if p.severity == "error"]
        n, warnings = len(errors), len(self.problems) - len(errors)
        files = len({p.path for p in errors})
        summary = n_("{count} error", "{count} errors", n)
        summary += " " + n_("in {count} file", "in {count} files", files)
        if warnings:
            summary += " " + n_("(and {count} warning)", "(and {count} warnings)", warnings)
        return [str(p) for p in self.problems] + [summary]


class TemplateError(PscError):
    """A template is broken: bad syntax, or it uses a variable that does not exist."""


class OutputError(PscError):
    """An output file could not be written."""


class SomeFailed(PscError):
    """A command over many files did what it could, but some failed (each named already)."""
