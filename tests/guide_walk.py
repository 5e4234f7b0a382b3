"""Runs a guide of docs/ as written: its shell blocks, and the files the reader writes.

A page marks what the reader does with HTML comments (invisible on the site) right before a
fenced block:

- no mark on a ```sh block: the reader runs it (every line, in one shell, from the folder the
  previous block ended in; `psc` is the psc under test);
- `<!-- walk: write PATH -->`: the reader writes the block's text into PATH;
- `<!-- walk: replace PATH -->`: in PATH, the reader replaces this block's text by the next
  block's;
- `<!-- walk: shows PATH -->`: the block is an excerpt of the file PATH as it is at this point
  (its lines in order; `…` as in output, below);
- `<!-- walk: skip REASON -->`: a ```sh block the walk-through does not run (it needs what a
  test cannot have, such as a mail server).

A ```text block right after a block that runs is its output as the page shows it: each of its
lines must be a line of what the commands printed, in order; a line with `…` stands for any
line that begins with what precedes the `…` and ends with what follows it. Other blocks (a
```yaml example, a listing without a language) are read, not run.

`python tests/guide_walk.py docs/cs/index.md` runs a page in a temporary folder and prints each
step's output, to paste into the page; `--update` rewrites the page's copies of output that psc
no longer prints (review the diff; a copy shortened with `…` is left for you to edit).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^(`{3,})([\w+-]*)\s*$")
GIT_SUMMARY = re.compile(r"^(\[\S+ [0-9a-f]{7,}\] .*| \d+ files? changed.*)\n", re.M)
"""The lines `git commit` prints, which name a new commit each time: left out of an update."""
MARK = re.compile(r"^<!-- walk: (write|replace|skip|shows) ?(.*?) -->\s*$")


@dataclass
class Block:
    """A fenced block of a page: its language, text, the mark before it and its line."""

    lang: str
    text: str
    mark: str
    argument: str
    line: int


@dataclass
class Step:
    """One thing the reader does: run commands, write a file, or replace text in a file."""

    kind: str  # run, write, replace, shows
    line: int
    text: str
    path: str = ""
    new: str = ""
    shown: str | None = None  # run: the output the page shows
    shown_line: int = 0


def blocks(page: str) -> list[Block]:
    """The fenced blocks of a Markdown page, each with the walk mark right before it."""
    found: list[Block] = []
    lines = page.split("\n")
    mark, argument = "", ""
    i = 0
    while i < len(lines):
        line = lines[i]
        marked = MARK.match(line)
        if marked:
            mark, argument = marked.group(1), marked.group(2)
            i += 1
            continue
        opened = FENCE.match(line)
        if opened:
            fence, lang = opened.group(1), opened.group(2)
            body: list[str] = []
            i += 1
            while i < len(lines) and lines[i].strip() != fence:
                body.append(lines[i])
                i += 1
            found.append(Block(lang, "\n".join(body) + "\n", mark, argument, i + 1 - len(body)))
            mark, argument = "", ""
        elif line.strip():
            mark, argument = "", ""  # a mark holds only for the block right after it
        i += 1
    return found


def steps(page: str) -> list[Step]:
    """What the reader of `page` does, in order."""
    found: list[Step] = []
    pending: Step | None = None
    previous: Block | None = None
    for block in blocks(page):
        ran = found and found[-1].kind == "run" and previous is not None and previous.lang == "sh"
        previous = block
        if ran and block.lang == "text" and not block.mark and found[-1].shown is None:
            found[-1].shown, found[-1].shown_line = block.text, block.line
        elif pending is not None:
            pending.new = block.text
            found.append(pending)
            pending = None
        elif block.mark == "write":
            found.append(Step("write", block.line, block.text, path=block.argument))
        elif block.mark == "shows":
            found.append(Step("shows", block.line, block.text, path=block.argument))
        elif block.mark == "replace":
            pending = Step("replace", block.line, block.text, path=block.argument)
        elif block.lang == "sh" and block.mark != "skip":
            found.append(Step("run", block.line, block.text))
    if pending is not None:
        raise ValueError(f"line {pending.line}: a replace mark without the new text after it")
    return found


def unshown(shown: str, printed: str) -> list[str]:
    """The lines of `shown` (a page's copy of some output) that `printed` does not have, in
    order; `…` in a line of `shown` stands for any text."""
    lines = printed.splitlines()
    missing: list[str] = []
    at = 0
    for expected in shown.splitlines():
        head, ellipsis, tail = expected.partition("…")
        for index in range(at, len(lines)):
            line = lines[index]
            if line == expected or (ellipsis and line.startswith(head) and line.endswith(tail)):
                at = index + 1
                break
        else:
            missing.append(expected)
    return missing


def environment(home: Path, python: str = sys.executable) -> dict[str, str]:
    """The environment of a reader's shell: `psc` is this checkout's psc (a PATH shim), the
    home folder is fresh (git's global settings go there), the language is the group's."""
    shims = home / "bin"
    shims.mkdir(parents=True, exist_ok=True)
    shim = shims / "psc"
    shim.write_text(f'#!/bin/sh\nexec {shlex.quote(python)} -m psc "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PSC_", "GIT_", "LC_", "LANG"))
    }
    env.update(
        HOME=str(home),
        PATH=f"{shims}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=str(REPO / "src"),
        GIT_CONFIG_NOSYSTEM="1",
        LANG="C.UTF-8",
        PYTHONIOENCODING="utf-8",
    )
    return env


def walk(page: Path, where: Path, show=None, update: bool = False) -> Path:
    """Do what `page` says, starting in the empty folder `where`; returns the folder the reader
    ends in. Raises AssertionError naming the page's line when a command fails or prints other
    than the page shows; with `update`, the page's copies of output (those without `…`) are
    rewritten to what psc printed instead."""
    renewed: dict[int, tuple[str, str]] = {}
    home = where / "home"
    start = where / "work"
    start.mkdir(parents=True)
    env = environment(home)
    cwd = start
    for step in steps(page.read_text(encoding="utf-8")):
        if step.kind == "write":
            target = cwd / step.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(step.text, encoding="utf-8")
        elif step.kind == "shows":
            missing = unshown(step.text, (cwd / step.path).read_text(encoding="utf-8"))
            assert not missing, (
                f"{page}:{step.line}: {step.path} does not hold these lines now:\n"
                + "\n".join(missing)
            )
        elif step.kind == "replace":
            target = cwd / step.path
            text = target.read_text(encoding="utf-8")
            assert text.count(step.text) == 1, (
                f"{page}:{step.line}: the text to replace is not once in {step.path}:\n{step.text}"
            )
            target.write_text(text.replace(step.text, step.new), encoding="utf-8")
        else:
            marker = where / "cwd"
            script = (
                f"set -e\ncd {shlex.quote(str(cwd))}\n{step.text}pwd > {shlex.quote(str(marker))}\n"
            )
            result = subprocess.run(
                ["bash", "-c", script], env=env, capture_output=True, text=True, timeout=300
            )
            if show is not None:
                show(step, result)
            assert result.returncode == 0, (
                f"{page}:{step.line}: exit {result.returncode}\n{step.text}\n"
                f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
            )
            cwd = Path(marker.read_text(encoding="utf-8").strip())
            printed = result.stdout + result.stderr
            missing = unshown(step.shown, printed) if step.shown is not None else []
            if missing and update and "…" not in (step.shown or "…"):
                renewed[step.shown_line] = (step.shown or "", GIT_SUMMARY.sub("", printed))
            else:
                assert not missing, (
                    f"{page}:{step.shown_line}: the page shows output psc does not print now:\n"
                    + "\n".join(missing)
                    + f"\n\npsc printed:\n{printed}"
                )
    if renewed:
        lines = page.read_text(encoding="utf-8").split("\n")
        for first, (old, new) in sorted(renewed.items(), reverse=True):
            count = len(old.splitlines())
            lines[first - 1 : first - 1 + count] = new.rstrip("\n").split("\n")
        page.write_text("\n".join(lines), encoding="utf-8")
    return cwd


def main(argv: list[str]) -> int:
    """Run a page and print every step's output (to paste into the page); with --update,
    rewrite the page's copies of output that psc no longer prints (those without `…`)."""
    update = "--update" in argv
    argv = [a for a in argv if a != "--update"]

    def show(step: Step, result: subprocess.CompletedProcess) -> None:
        print(f"--- line {step.line}: {step.text.strip()}")
        print(result.stdout + result.stderr, end="")

    with tempfile.TemporaryDirectory() as tmp:
        end = walk(Path(argv[0]), Path(tmp), show, update=update)
        print(f"--- ended in {end}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
