"""The `psc` entry point: answers `psc --version` without importing anything heavy, and
hands every other command to the Typer application in psc.cli."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from psc import __version__

        sys.stdout.write(f"psc {__version__}\n")
        return
    from psc.cli.app import main as cli_main

    cli_main()
