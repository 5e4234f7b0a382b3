"""The CLI reference docs/cli.md: generated from the commands' help, checked in, not stale."""

from __future__ import annotations

from conftest import REPO


def test_checked_in_cli_reference_is_not_stale():
    from psc.cli.reference import COMMAND, reference

    checked_in = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert reference() == checked_in, f"docs/cli.md is stale; run: {COMMAND}"


def test_the_reference_has_every_command_and_its_help(runner):
    from conftest import run

    from psc.cli.reference import reference

    text = reference()
    for command in ("validate", "render", "tasks show", "tasks done", "export ics", "remind"):
        assert f"\n## psc {command}\n" in text
        help_text = run(runner, *command.split(), "--help").stdout
        first = help_text.split("\n\n")[1].split()  # the summary, however it is wrapped
        assert " ".join(first) in " ".join(text.split()), command
