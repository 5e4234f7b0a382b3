#!/usr/bin/env python3
"""One meeting file of many tasks: `psc validate --no-cache` and one `psc tasks done` in it.

    python benchmarks/large_file.py [--tasks 15000] [--runs 3] [--psc PATH] [--dir DIR]

writes DIR (default benchmarks/.data/large-file) with generate.py's first meeting, its tasks
repeated until there are --tasks of them (most with flow lists, `responsible: [...]`), and
prints the median wall time of each command over --runs runs after one warm-up. Before
every `tasks done` run the file is put back as generated, so each run edits the same open
task of a file the index has to read again (issue 21: over 10 s at 15,000 tasks). A
benchmark, not a test: it prints figures and exits 0 unless a command fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def large_meeting(root: Path, tasks: int) -> Path:
    """generate.py's first meeting at `root`, its tasks repeated to `tasks` of them."""
    spec = importlib.util.spec_from_file_location("psc_bench_generate", HERE / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generate.generate(root, 1, 1, HERE.parent / "group.yaml")
    path = root / "meetings" / "2000-01-05.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("tasks:") + 1
    end = start
    while end < len(lines) and (lines[end].startswith(" ") or not lines[end]):
        end += 1
    found: list[list[str]] = []
    for line in lines[start:end]:
        if line.startswith("  - "):
            found.append([])
        if line:
            found[-1].append(line)
    repeated = [line for i in range(tasks) for line in found[i % len(found)]]
    path.write_text("\n".join([*lines[:start], *repeated, *lines[end:]]), encoding="utf-8")
    return path


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"FAILED ({done.returncode}): {' '.join(command)}\n{done.stderr[-2000:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=15000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--psc", default=shutil.which("psc") or "psc")
    parser.add_argument("--dir", type=Path, default=HERE / ".data" / "large-file")
    args = parser.parse_args(argv)
    if args.dir.exists():
        shutil.rmtree(args.dir)
    path = large_meeting(args.dir, args.tasks)
    generated = path.read_bytes()
    psc = [args.psc, "--root", str(args.dir)]
    # the tasks' entries only (the items above them are lists too), in file order
    entries = path.read_text(encoding="utf-8").split("\ntasks:\n", 1)[1].split("\n  - ")
    entries[0] = entries[0].removeprefix("  - ")
    ordinal = next(i for i, t in enumerate(entries, 1) if "\n    status:" not in t)
    task = f"2000-01-05/{ordinal}"
    print(f"{args.tasks} tasks, {len(generated):,} bytes: {path}", file=sys.stderr)
    rows = {
        "validate --no-cache": lambda: timed([*psc, "validate", "--no-cache"]),
    }

    def done() -> float:
        path.write_bytes(generated)
        return timed([*psc, "tasks", "done", task, "--on", "2000-02-01"])

    rows[f"tasks done {task}"] = done
    for name, run in rows.items():
        run()  # warm-up
        samples = [run() for _ in range(args.runs)]
        print(f"{name:<30} median {statistics.median(samples):7.2f} s  "
              f"(min {min(samples):.2f}, max {max(samples):.2f})")  # fmt: skip
    path.write_bytes(generated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
