"""Typer's own words in a usage error ('Usage:', 'Try … for help.', 'Error: No such option …')
in the language psc speaks.

Typer (0.29) carries its own copy of Click, whose messages are English f-strings rather than
gettext calls, so psc cannot point Click's `_` at its catalog. Instead `install()` replaces
the `show` of Typer's UsageError with `show`, which words the frame and the usage errors a
person meets (an unknown option or command, a missing argument, an extra argument, an option
without its value, an invalid value) through psc.messages from the exception's own fields; any
other message is shown as Typer words it. In English the text is Typer's, byte for byte.
"""

from __future__ import annotations

import re
import sys
from typing import IO, Any

from psc.messages import _

_INSTALLED: list[bool] = []


def install() -> None:
    """Have Typer's usage errors shown by `show` (once per process)."""
    if _INSTALLED:
        return
    from typer._click import exceptions

    exceptions.UsageError.show = show  # type: ignore[method-assign]
    _INSTALLED.append(True)


def show(self: Any, file: IO[Any] | None = None) -> None:
    """Typer's UsageError.show, in psc's words: the usage line, the hint, the error."""
    from typer._click.utils import echo

    stream = file if file is not None else sys.stderr
    ctx = self.ctx
    color = None
    if ctx is not None:
        color = ctx.color
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = (
                _(
                    "Try '{command} {option}' for help.",
                    command=ctx.command_path,
                    option=ctx.help_option_names[0],
                )
                + "\n"
            )
        echo(f"{usage_line(ctx.get_usage())}\n{hint}", file=stream, color=color)
    echo(_("Error: {message}", message=message(self)), file=stream, color=color)


def usage_line(line: str) -> str:
    """'Usage: psc tasks [OPTIONS]' with its first word in psc's language."""
    prefix = "Usage: "
    return _("Usage:") + " " + line[len(prefix) :] if line.startswith(prefix) else line


_NO_SUCH_COMMAND = re.compile(r"No such command (?P<name>'.*')\.\Z", re.S)
_EXTRA = re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)\Z", re.S)
_NEEDS_VALUE = re.compile(r"Option (?P<name>'.*') requires an argument\.\Z", re.S)


def message(exc: Any) -> str:
    """The error's message in psc's language, from the exception's fields where Typer's
    words are known, else as Typer words it."""
    from typer._click import exceptions

    if isinstance(exc, exceptions.NoSuchOption):
        said = _("No such option: {name}", name=exc.option_name)
        if exc.possibilities:
            options = ", ".join(sorted(exc.possibilities))
            said += " " + _("(Possible options: {options})", options=options)
        return said if exc.message.startswith("No such option: ") else exc.format_message()
    if isinstance(exc, exceptions.MissingParameter):
        return _missing(exc)
    if isinstance(exc, exceptions.BadParameter):
        english = exc.format_message()
        if english.startswith("Invalid value for ") and english.endswith(": " + exc.message):
            hint = english[len("Invalid value for ") : -len(": " + exc.message)]
            return _("Invalid value for {hint}: {message}", hint=hint, message=exc.message)
        return english
    text = exc.format_message()
    found = _NO_SUCH_COMMAND.match(text)
    if found:
        return _("No such command {name}.", name=found["name"])
    found = _EXTRA.match(text)
    if found:
        return _("Got unexpected extra argument(s) ({args})", args=found["args"])
    found = _NEEDS_VALUE.match(text)
    if found:
        return _("Option {name} requires an argument.", name=found["name"])
    return text


def _missing(exc: Any) -> str:
    """'Missing argument 'ID'.' (the plain form; one with more words stays Typer's)."""
    english = exc.format_message()
    words = {
        "argument": _("Missing argument"),
        "option": _("Missing option"),
        "parameter": _("Missing parameter"),
    }
    for kind, said in words.items():
        prefix = f"Missing {kind}"
        if english.startswith(prefix) and english.endswith(".") and ". " not in english:
            return said + english[len(prefix) :]
    return english
