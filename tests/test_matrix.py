"""Every command of psc, in each of its formats, on every archive: never an internal error.

The archives are the seed (the repository's own group.yaml and meetings/), examples/council,
a fixed sample of tests/fixtures/real/ (conftest.real_sample, printed in the header) and
small generated ones (helpers.archive_names). Each
is made a git repository; then every kind of content block the model knows (BLOCK_MODELS) is
edited at random (added, changed, moved or removed; some approved meetings re-fingerprinted
so they stay valid) and committed, a few more edits are left in the working tree, and every
command of the Typer application is run in-process, with random arguments and options drawn
from what the archive holds (--send delivers to a local SMTP server) (helpers.commands: a new command or format is covered without a
change here; a parameter this file cannot fill fails the test, naming it).

Each run must end with an exit code of 0, 1 or 2, without "internal error", without a
traceback and without terminal control characters in its output. The matrix is sampled
within a fixed budget, with a fixed seed (PSC_MATRIX_SEED to try another; it is printed):
each command runs once per archive, its format rotated from archive to archive, so that
every command runs in every format on some archive.

Failures that other work in progress fixes are listed in KNOWN_FAILURES (to be emptied as
it lands); any other failure fails the test with the command, the archive and the edits
that lead to it.
"""

from __future__ import annotations

import os
import random
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from helpers import (
    NASTY,
    SOURCES,
    WORDS,
    Command,
    archive_names,
    block_kinds,
    commands,
    control_chars,
    date_near,
    edit_block,
    edit_file,
    edit_group,
    fast_runner,
    git_commit,
    git_init,
    group_fields,
    isolate_git,
    make_archive,
    refingerprint,
    start_smtp,
    vocabulary,
)

SEED = int(os.environ.get("PSC_MATRIX_SEED", "2021"))
UNCOMMITTED_EDITS = 3
"""Block edits left in the working tree after the committed ones (for diff)."""
GROUP_EDITS = 2
"""Edits of the group file after the edits of the meetings' blocks."""
KEEP_INVALID = 0.25
"""The share of edits that leave a valid archive invalid which are kept."""


@dataclass(frozen=True)
class Known:
    """A failure the matrix finds that is being fixed elsewhere: a run of `command` (a
    regular expression on 'psc COMMAND ARGS') whose output matches `symptom` is not counted.
    `owner` is who fixes it."""

    command: str
    symptom: str
    owner: str
    note: str = ""


KNOWN_FAILURES: list[Known] = []
"""Empty since issue 21 landed: a failure found here is fixed at its root, not listed."""

EXIT_CODES = {0, 1, 2}
FLAG_ODDS = {"--send": 0.6}
"""How often a flag is given, where not 1 in 4 (mail is sent to the local SMTP server)."""
BINARY_FORMATS = {"pdf", "docx"}
"""Formats written to a file (-o), never to the terminal."""

SKIPPED_OPTIONS = {
    "--edit": "opens an editor",
    "--root": "every run has the archive as its working directory",
    "--smtp-user": "the local SMTP server takes no login",
    "--install-completion": "changes the user's shell",
    "--show-completion": "shell setup",
    "--version": "no archive involved",
    "--help": "no archive involved",
}
"""Options the matrix never gives, with why."""


@dataclass
class Archive:
    """An archive under test: where it is, what it holds, what was done to it."""

    name: str
    root: Path
    rng: random.Random
    log: list[str] = field(default_factory=list)
    shas: list[str] = field(default_factory=list)
    outputs: int = 0
    valid: bool | None = None
    """Whether the archive validates (as of the last edit)."""
    runner: Any = None
    group_edits: int = 0
    """Edits of the group file made so far (on this and, in turn, the archives before it)."""

    def out(self, suffix: str = "") -> str:
        """A new path for an output, outside meetings/."""
        self.outputs += 1
        return f"out/{self.outputs}{suffix}"


class Arguments:
    """Arguments of one run of a command, each parameter filled from what the archive holds
    (by its metavar, else its type): required ones always, optional ones at random."""

    def __init__(self, archive: Archive, command: Command, fmt: str | None):
        self.archive = archive
        self.rng = archive.rng
        self.voc = vocabulary(archive.root)
        self.command = command
        self.fmt = fmt
        self.meeting: str | None = None

    def build(self) -> list[str]:
        args: list[str] = list(self.command.path)
        for param in self.command.params:
            opts = getattr(param, "opts", [])
            if param.param_type_name == "argument":
                if param.required or self.rng.random() < 0.6:
                    args += self.values(param)
                continue
            flag = opts[0]
            if flag in SKIPPED_OPTIONS:
                continue
            if flag == "--format":
                if self.fmt is not None:
                    args += [flag, self.fmt]
                continue
            if flag == "--output" and self.fmt in BINARY_FORMATS:
                args += [flag, self.archive.out(f".{self.fmt}")]
                continue
            if flag == "--all" and self.fmt in BINARY_FORMATS:
                continue  # one meeting printed is enough (a PDF takes a second or two)
            if _annotation(param) is bool:
                if self.rng.random() < FLAG_ODDS.get(flag, 0.25):
                    args.append(flag)
            elif param.required or self.rng.random() < 0.35:
                args += [flag, *self.values(param)]
        return args

    def values(self, param: Any) -> list[str]:
        metavar = (param.metavar or "").strip("[]").removesuffix("...").strip("[]")
        rng = self.rng
        if param.param_type_name == "argument" and param.nargs == -1:
            return [self.value(metavar, param) for _ in range(rng.randint(1, 2))]
        return [self.value(metavar, param)]

    def value(self, metavar: str, param: Any) -> str:
        rng, voc, name = self.rng, self.voc, self.command.name
        argument = param.param_type_name == "argument"
        if metavar == "MEETING":  # mostly one of the archive's; a path, one outside, none
            self.meeting = rng.choice(voc.meetings) if voc.meetings else "1999-01-01"
            return rng.choices(
                [self.meeting, f"meetings/{self.meeting}.yaml", "/etc/passwd", "1999-01-01"],
                weights=[85, 5, 5, 5],
            )[0]
        if metavar == "ID":
            if name.startswith("tasks"):
                pool = voc.task_ids
            elif name.startswith("decisions"):
                pool = voc.decision_ids
            else:  # a comment of the meeting named before it
                pool = voc.comment_ids.get(self.meeting or "", [])
            return rng.choice(pool) if pool and rng.random() < 0.9 else "nic/9"
        if metavar in ("DATE", "YYYY-MM-DD"):
            return date_near(rng, voc.meetings)
        if metavar == "TEXT":
            if argument:  # words to find
                return rng.choice([*WORDS, *NASTY[:3]])
            return rng.choice([*WORDS, *NASTY])
        if metavar == "PATH":
            return f"meetings/{rng.choice(voc.meetings)}.yaml" if voc.meetings else "group.yaml"
        if metavar == "FILE":
            if argument:  # minutes to import
                return rng.choice(SOURCES)
            return self.archive.out(f".{self.fmt or 'txt'}")
        if metavar == "DIR":
            return self.archive.out()
        if metavar == "FILE|DIR|-":
            return rng.choice(["-", self.archive.out(), self.archive.out(f".{self.fmt or 'md'}")])
        if metavar in ("NAME", "NAME|ADDR"):
            return (
                rng.choice(voc.members) if voc.members and rng.random() < 0.8 else "Nikdo Neznámý"
            )
        if metavar == "ORG":
            pool = voc.organisations + voc.members
            return rng.choice(pool) if pool and rng.random() < 0.9 else "XYZ"
        if metavar == "HOST":
            return "127.0.0.1"
        if metavar == "PORT":
            return os.environ["PSC_SMTP_PORT"]
        if metavar == "ADDR":
            return rng.choice(["sekretariat@example.org", "Jana Nováková <jana@example.org>"])
        if metavar == "PART":
            return "Bod 1"
        if metavar == "REV":
            return rng.choice([*self.archive.shas, "HEAD", "HEAD~1"])
        if metavar == "HH:MM":
            return rng.choice(["13:00", "9:30", "25:61"])
        if metavar == "DAYS":
            return rng.choice(["14d", "2w", "7", "0", "1d"])
        if "|" in metavar or metavar.islower():  # the choices: cs|en, owner
            return rng.choice(metavar.split("|"))
        if metavar == "" and _annotation(param) is int:
            return str(rng.randint(1, 60))
        if metavar == "" and _annotation(param) is str:
            return rng.choice([*WORDS, *NASTY])
        raise AssertionError(
            f"test_matrix cannot fill {param.name!r} ({metavar or _annotation(param)}) of "
            f"`psc {name}`: add it to Arguments.value"
        )


def _annotation(param: Any) -> Any:
    """The Python type a parameter is declared with (bool: a flag)."""
    return param.type_descriptor.annotation


def plan(index: int, rng: random.Random) -> list[tuple[Command, str | None]]:
    """The runs on the `index`-th archive: every command once, its format rotated so that
    over the archives every format of every command runs (in a random order)."""
    runs = [(c, c.formats[(index + k) % len(c.formats)]) for k, c in enumerate(commands())]
    rng.shuffle(runs)
    return runs


def check(result: Any, argv: list[str]) -> str | None:
    """What is wrong with a run, or None."""
    output = result.output
    problems = []
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        problems.append(f"exception {type(result.exception).__name__}: {result.exception}")
    if result.exit_code not in EXIT_CODES:
        problems.append(f"exit code {result.exit_code}")
    if "internal error" in output:
        problems.append("internal error")
    if "Traceback (most recent call last)" in output:
        problems.append("traceback")
    if chars := control_chars(output):
        problems.append(f"control characters {sorted(set(chars))}")
    if not problems:
        return None
    return f"{'; '.join(problems)}\n    $ psc {shlex.join(argv)}\n    {output.strip()[-600:]}"


def known(argv: list[str], failure: str) -> Known | None:
    line = "psc " + shlex.join(argv)
    for entry in KNOWN_FAILURES:
        if re.search(entry.command, line) and re.search(entry.symptom, failure):
            return entry
    return None


def edit_every_kind(archive: Archive, kinds: list[str]) -> None:
    """An edit of each kind in `kinds`, each in a random meeting file, an operation on a
    whole meeting file, and edits of the group file; approved meetings re-fingerprinted half
    of the time. Most edits that make a valid archive invalid are undone (KEEP_INVALID of
    them stay), so that the commands mostly work on valid archives and reach what lies
    behind validation."""
    rng = archive.rng
    for kind in kinds:
        files = sorted((archive.root / "meetings").glob("*.yaml"))
        if files:
            path = rng.choice(files)
            _edit(archive, path, lambda p, k=kind: _block_edit(archive, p, k))  # type: ignore[misc]
    files = sorted((archive.root / "meetings").glob("*.yaml"))
    if len(files) > 1:  # a whole file copied, renamed or deleted (an archive keeps one)
        archive.log.append(edit_file(rng.choice(files), rng))
        archive.valid = _valid(archive)
    group = archive.root / "group.yaml"
    fields = group_fields()
    for _ in range(GROUP_EDITS):  # the fields in turn over the archives: each edited somewhere
        prop = fields[archive.group_edits % len(fields)]
        archive.group_edits += 1
        _edit(archive, group, lambda p, f=prop: edit_group(p, rng, vocabulary(archive.root), f))


def _block_edit(archive: Archive, path: Path, kind: str) -> str:
    what = edit_block(path, kind, archive.rng, vocabulary(archive.root))
    if archive.rng.random() < 0.5:
        refingerprint(path)
    return what


def _valid(archive: Archive) -> bool:
    from psc.cli.app import app

    return archive.runner.invoke(app, ["validate", "--no-cache"]).exit_code == 0


def _edit(archive: Archive, path: Path, edit: Any) -> None:
    """Make `edit` to `path`, undone (mostly) when it made a valid archive invalid."""
    if archive.valid is None:
        archive.valid = _valid(archive)
    before = path.read_bytes()
    what = edit(path)
    valid = _valid(archive)
    if archive.valid and not valid and archive.rng.random() >= KEEP_INVALID:
        path.write_bytes(before)
        what += " (undone: invalid)"
    else:
        archive.valid = valid
    archive.log.append(what)


@pytest.fixture(scope="module")
def smtp() -> Any:
    """A local SMTP server for the commands' --send (remind, circulate)."""
    controller = start_smtp()
    yield controller
    controller.stop()


@pytest.mark.parametrize("index,name", list(enumerate(archive_names())))
def test_every_command_on_the_archive(
    index: int, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: Any
) -> None:
    print(f"PSC_MATRIX_SEED={SEED}")
    rng = random.Random(f"{SEED}:{name}")
    isolate_git(tmp_path, monkeypatch)
    monkeypatch.setenv("PSC_SMTP_HOST", "127.0.0.1")  # --send goes to the local server
    monkeypatch.setenv("PSC_SMTP_PORT", str(smtp.port))
    root = make_archive(name, tmp_path / "archive", addresses=index % 2 == 1)
    monkeypatch.chdir(root)
    archive = Archive(name, root, rng, runner=fast_runner(monkeypatch))
    archive.group_edits = index * GROUP_EDITS * 2
    archive.shas.append(git_init(root))
    kinds = block_kinds()
    rng.shuffle(kinds)
    edit_every_kind(archive, kinds)
    archive.shas.append(git_commit(root, "Random edits"))
    edit_every_kind(archive, rng.sample(kinds, UNCOMMITTED_EDITS))
    archive.log.append("(the last edits not committed)")

    from psc.cli.app import app

    runner = archive.runner
    failures, excluded = [], []
    for command, fmt in plan(index, rng):
        argv = Arguments(archive, command, fmt).build()
        result = runner.invoke(app, argv)
        failure = check(result, argv)
        if failure is None:
            continue
        entry = known(argv, failure)
        (excluded if entry else failures).append(failure)
    print(f"archive {name}; edits:\n  " + "\n  ".join(archive.log))
    print(f"messages the local SMTP server received so far: {smtp.handler.messages}")
    for line in excluded:
        print("known failure (KNOWN_FAILURES):", line)
    assert not failures, (
        f"PSC_MATRIX_SEED={SEED}, archive {name}; edits:\n  "
        + "\n  ".join(archive.log)
        + "\nfailures:\n"
        + "\n".join(failures)
    )


def test_every_parameter_can_be_filled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each parameter of each command has a value the matrix knows how to give (a command
    added with a new kind of parameter fails here, naming it, until Arguments learns it)."""
    monkeypatch.setenv("PSC_SMTP_PORT", "2525")
    archive = Archive("seed", REPO, random.Random(SEED))
    for command in commands():
        for fmt in command.formats:
            args = Arguments(archive, command, fmt)
            for param in command.params:
                if param.param_type_name == "argument" or (
                    param.opts[0] not in SKIPPED_OPTIONS and _annotation(param) is not bool
                ):
                    assert args.values(param), (command.name, param.name)


def test_the_archives_run_every_command_in_every_format() -> None:
    """Over the archives, the plan runs each command in each of its formats at least once."""
    names = archive_names()
    planned = {
        (command.name, fmt)
        for index in range(len(names))
        for command, fmt in plan(index, random.Random(SEED))
    }
    assert planned == {(c.name, f) for c in commands() for f in c.formats}
