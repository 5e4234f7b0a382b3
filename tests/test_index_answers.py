"""The index gives the same answers as reading every file (--no-cache, PSC_NO_CACHE).

Black-box through the CLI, so it holds whatever the cache is made of: synthetic archives of
benchmarks/generate.py are changed at random between runs (a task's status or deadline, a
review added, a meeting deleted, added or slipped in between, a file touched or broken), and
each report, run with the cache (the first run after a change re-indexes, a second one is
warm), must give the very stdout, stderr and exit code that the same report gives without it.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
from pathlib import Path

import pytest
from conftest import REPO, load_generator
from typer.testing import CliRunner

SEEDS = [3, 11, 2024]
MEETINGS = 20
ROUNDS = 3
"""Rounds of random changes to each archive after its first state."""

QUOTED = re.compile(r'"(.*)"')


GENERATE = load_generator()
GROUP = GENERATE.yaml.safe_load((REPO / "group.yaml").read_text(encoding="utf-8"))
OWNERS = [*GROUP["organisations"], *(m["name"] for m in GROUP["members"])]


class Archive:
    """A generated minutes repository and the random changes made to it."""

    def __init__(self, root: Path, seed: int):
        self.root = root
        self.rng = random.Random(f"index-answers:{seed}")
        GENERATE.generate(root, MEETINGS, seed, REPO / "group.yaml")
        # the generator of the archive, replayed, goes on with the meetings that follow
        self.generator = GENERATE.Generator(GROUP, seed)
        for index in range(MEETINGS):
            self.generator.meeting(index, GENERATE.FIRST_DATE + dt.timedelta(weeks=index))
        self.next_index = MEETINGS
        self.log: list[str] = []
        self.broken: dict[Path, str] = {}
        """Files made invalid, with the text they had."""

    # ------------------------------------------------------------------ what is there
    def files(self) -> list[Path]:
        return sorted((self.root / "meetings").glob("*.yaml"))

    def dates(self) -> list[dt.date]:
        return [dt.date.fromisoformat(p.stem[:10]) for p in self.files()]

    def task_ids(self) -> list[str]:
        ids = []
        for path in self.files():
            ordinal = 0
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("  - text: "):
                    ordinal += 1
                    ids.append(f"{path.stem}/{ordinal}")
        return ids

    def as_of(self, kind: str) -> str:
        dates = self.dates() or [GENERATE.FIRST_DATE]
        day = {
            "before": dates[0] - dt.timedelta(days=self.rng.randint(1, 40)),
            "on": self.rng.choice(dates),
            "between": self.rng.choice(dates) + dt.timedelta(days=self.rng.randint(1, 6)),
            "after": dates[-1] + dt.timedelta(days=self.rng.randint(0, 400)),
        }[kind]
        return day.isoformat()

    # ------------------------------------------------------------------ changes
    def mutate(self) -> None:
        """One random change of the archive, recorded in `log` for the failure message."""
        change = self.rng.choices(
            ["status", "deadline", "review", "delete", "add", "insert", "touch", "break"],
            weights=[4, 3, 3, 1, 2, 1, 1, 1],
        )[0]
        getattr(self, f"_{change}")()

    def _pick_task(self) -> tuple[Path, list[str], int, int] | None:
        """A random task: its file, the file's lines and the task's first and end line."""
        files = self.files()
        if not files:
            return None
        path = self.rng.choice(files)
        lines = path.read_text(encoding="utf-8").splitlines()
        starts = [i for i, line in enumerate(lines) if line.startswith("  - text: ")]
        if not starts:
            return None
        start = self.rng.choice(starts)
        end = start + 1
        while end < len(lines) and lines[end].startswith("    "):
            end += 1
        return path, lines, start, end

    def _write(self, path: Path, lines: list[str], what: str) -> None:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.log.append(f"{what} in {path.name}")

    def _status(self) -> None:
        picked = self._pick_task()
        if picked is None:
            return
        path, lines, start, end = picked
        day = dt.date.fromisoformat(path.stem[:10])
        status_at = [i for i in range(start, end) if lines[i].startswith("    status: ")]
        if status_at and self.rng.random() < 0.4:  # reopened: no status at all
            lines[start:end] = [
                line
                for line in lines[start:end]
                if not line.startswith(("    status: ", "    status_date: ", "    status_note: "))
            ]
            self._write(path, lines, f"task {start} reopened")
            return
        status = self.rng.choice(["done", "cancelled"])
        when = (day + dt.timedelta(days=self.rng.randint(0, 90))).isoformat()
        block = [
            line
            for line in lines[start:end]
            if not line.startswith(("    status: ", "    status_date: "))
        ]
        lines[start:end] = [*block, f"    status: {status}", f"    status_date: {when}"]
        self._write(path, lines, f"task {start} {status} on {when}")

    def _deadline(self) -> None:
        picked = self._pick_task()
        if picked is None:
            return
        path, lines, start, end = picked
        day = dt.date.fromisoformat(path.stem[:10])
        new = self.rng.choice(
            [
                (day + dt.timedelta(days=self.rng.randint(1, 150))).isoformat(),
                "next meeting",
                "ongoing",
            ]
        )
        for i in range(start, end):
            if lines[i].startswith("    deadline: "):
                lines[i] = f"    deadline: {new}"
        self._write(path, lines, f"task {start} deadline {new}")

    def _review(self) -> None:
        files = self.files()
        later = [p for p in files[1:] if '    title: "Kontrola úkolů"' in p.read_text("utf-8")]
        if not later:
            return
        path = self.rng.choice(later)
        earlier = [t for t in self.task_ids() if t[:10] < path.stem[:10]]
        lines = path.read_text(encoding="utf-8").splitlines()
        reviewed = {
            found.group(1)
            for line in lines
            if line.startswith("      - task: ") and (found := QUOTED.search(line))
        }
        candidates = [t for t in earlier if t not in reviewed]
        if not candidates:
            return
        task = self.rng.choice(candidates[-60:])
        at = lines.index('    title: "Kontrola úkolů"') + 1
        while at < len(lines) and lines[at].startswith(("    content:", "      ", "        ")):
            at += 1
        review = [f'      - task: "{task}"']
        roll = self.rng.random()
        if roll < 0.4:
            review.append("        status: done")
        elif roll < 0.55:
            review.append("        status: cancelled")
        elif roll < 0.7:
            review.append("        status: open")
        if roll >= 0.55 and self.rng.random() < 0.5:
            day = dt.date.fromisoformat(path.stem[:10]) + dt.timedelta(days=self.rng.randint(7, 60))
            review.append(f"        deadline: {self.rng.choice([day.isoformat(), 'next meeting'])}")
        review.append('        note: "Kontrola doplněna."')
        lines[at:at] = review
        self._write(path, lines, f"review of {task} ({roll:.2f})")

    def _delete(self) -> None:
        files = self.files()
        if len(files) < 3:
            return
        path = files[-1] if self.rng.random() < 0.5 else self.rng.choice(files)
        path.unlink()
        self.log.append(f"deleted {path.name}")

    def _add(self) -> None:
        """The generator's next meeting (its reviews may name tasks of deleted files)."""
        day = GENERATE.FIRST_DATE + dt.timedelta(weeks=self.next_index)
        text = self.generator.meeting(self.next_index, day)
        self.next_index += 1
        path = self.root / "meetings" / f"{day.isoformat()}.yaml"
        path.write_text(text, encoding="utf-8")
        self.log.append(f"added {path.name}")

    def _insert(self) -> None:
        """A small meeting between two others: 'next meeting' deadlines before it move."""
        dates = self.dates()
        if not dates:
            return
        day = self.rng.choice(dates) + dt.timedelta(days=self.rng.randint(1, 6))
        path = self.root / "meetings" / f"{day.isoformat()}.yaml"
        if path.exists():
            return
        number = 500 + self.rng.randint(0, 10**6)
        deadline = self.rng.choice(
            ["next meeting", "ongoing", (day + dt.timedelta(days=20)).isoformat()]
        )
        path.write_text(
            f'number: {number}\ntitle: "Mimořádné jednání {number}"\ndate: {day.isoformat()}\n'
            f'tasks:\n  - text: "Připravit podklady {number}"\n    deadline: {deadline}\n'
            f"    responsible: {GENERATE.q(self.rng.choice(OWNERS))}\n",
            encoding="utf-8",
        )
        self.log.append(f"inserted {path.name}")

    def _touch(self) -> None:
        files = self.files()
        if files:
            path = self.rng.choice(files)
            os.utime(path)
            self.log.append(f"touched {path.name}")

    def _break(self) -> None:
        """A file made invalid, or one broken earlier put back as it was."""
        if self.broken and self.rng.random() < 0.5:
            path, text = self.broken.popitem()
            path.write_text(text, encoding="utf-8")
            self.log.append(f"healed {path.name}")
            return
        files = self.files()
        if not files:
            return
        path = self.rng.choice(files)
        text = path.read_text(encoding="utf-8")
        self.broken.setdefault(path, text)
        if self.rng.random() < 0.5:
            text = text.replace("\ntitle:", "\ntitel:", 1)  # invalid: an unknown key
        else:
            text = text.replace("\ntasks:\n", "\ntasks:\n  - text: [unclosed\n", 1)  # no YAML
        path.write_text(text, encoding="utf-8")
        self.log.append(f"broke {path.name}")


def tasks_options(archive: Archive) -> list[str]:
    """A random combination of `psc tasks` filters (none, one or two, sometimes more)."""
    rng = archive.rng
    stems = [p.stem for p in archive.files()] or ["2000-01-05"]
    filters = [
        lambda: ["--overdue"],
        lambda: ["--status", rng.choice(["all", "done", "cancelled", "open"])],
        lambda: ["--status", "all"],
        lambda: ["--due-within", rng.choice(["0d", "7d", "14d", "2w", "60d"])],
        lambda: ["--due-before", archive.as_of(rng.choice(["on", "between", "after"]))],
        lambda: ["--owner", rng.choice(OWNERS)],
        lambda: ["--owner", rng.choice(OWNERS), "--owner", rng.choice(OWNERS)],
        lambda: ["--owner", "Nikdo Neznámý"],  # an error
        lambda: ["--meeting", rng.choice(stems)],
        lambda: ["--meeting", "1999-01-01"],  # no such meeting
        lambda: ["--group-by", "owner"],
        lambda: ["--fail-if-any"],
        lambda: ["--strict"],
    ]
    options: list[str] = []
    for make in rng.sample(filters, rng.choice([0, 1, 1, 2, 2, 3])):
        options += make()
    return options


def commands(archive: Archive, state: int) -> list[tuple[list[str], bool]]:
    """The reports to compare in one state of the archive, each with whether the cache is
    turned off by --no-cache (else by PSC_NO_CACHE). The kinds of as-of date take turns."""
    kinds = ["before", "on", "between", "after"]
    rng = archive.rng

    def report(command: str, turn: int, *options: str) -> list[str]:
        return [command, "--format", "json", "--as-of", archive.as_of(kinds[turn % 4]), *options]

    found = [
        (report("tasks", state, *tasks_options(archive)), True),
        (report("tasks", state + 1, *tasks_options(archive)), state % 2 == 0),
        (report("list", state + 2), False),
        (report("decisions", state + 3), rng.random() < 0.5),
    ]
    if state % 2 == 0:
        found.append((["validate"], True))
    return found


def invoke(runner: CliRunner, root: Path, args: list[str], env: dict[str, str] | None = None):
    from psc.cli.app import app

    result = runner.invoke(app, ["--root", str(root), *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("seed", SEEDS)
def test_the_index_answers_as_reading_every_file(tmp_path: Path, monkeypatch, seed: int):
    monkeypatch.delenv("PSC_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)  # paths in messages are relative to the current directory
    archive = Archive(tmp_path / "minutes", seed)
    runner = CliRunner()
    compared = 0
    for state in range(ROUNDS + 1):
        if state:
            for _ in range(archive.rng.randint(1, 3)):
                archive.mutate()
        for number, (args, option) in enumerate(commands(archive, state)):
            cached = invoke(runner, archive.root, args)
            if number == 0:  # the first run re-indexes what changed; then the index is warm
                warm = invoke(runner, archive.root, args)
                assert warm == cached, f"a warm run differs from the first: {args}"
            if option:
                direct = invoke(runner, archive.root, [*args, "--no-cache"])
            else:
                direct = invoke(runner, archive.root, args, env={"PSC_NO_CACHE": "1"})
            context = f"seed {seed}, state {state}, psc {' '.join(args)}; changes: {archive.log}"
            assert cached[0] == direct[0], context
            assert cached[2] == direct[2], context
            assert cached[1] == direct[1], context
            compared += 1
    assert compared == (ROUNDS + 1) * 4 + (ROUNDS + 2) // 2
