"""The `psc` entry point: answers `psc --version` without importing anything heavy, hands
every other command to the Typer application in psc.cli, and leaves without tearing the
interpreter down."""

from __future__ import annotations

import sys
from typing import NoReturn


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from psc import __version__

        sys.stdout.write(f"psc {__version__}\n")
        return
    from psc.cli.app import main as cli_main

    try:
        cli_main()
    except SystemExit as done:
        leave(done.code)
    leave(0)


def leave(code: object) -> NoReturn:
    """End the process with `code` as SystemExit would (None 0, a number itself, anything
    else printed and 1), after the exit handlers and with the output flushed, but without
    freeing every object one by one: a report of tens of thousands of tasks would spend a
    tenth of its time on that. psc runs no threads of its own, and every file it writes is
    closed by then."""
    import atexit
    import os

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        sys.stderr.write(f"{code}\n")
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            status = status or 1
    os._exit(status)
