#!/usr/bin/env python3
"""psc benchmark suite: psc side by side with Taskwarrior, a do-nothing Typer command and
libyaml, on archives of a given number of tasks.

    python benchmarks/run.py [--tasks 10000,50000] [--runs 5] [--json out.json] [--psc PATH]
    python benchmarks/run.py --quick                 # smoke run: 1,000 tasks

For each size T (tasks; default 10,000 and 50,000) benchmarks/generate.py writes the number
of meetings whose tasks come nearest T into benchmarks/.data/ (reused while generate.py,
the count and the seed are unchanged), and the suite measures, with D the day after the
archive's last meeting (or --as-of):

  tasks --overdue json warm   psc --root DIR tasks --overdue --as-of D --format json
                              (cache built by the run before)  vs Taskwarrior, Typer floor
  tasks --overdue json cold   the same with DIR/.psc-cache deleted before every run
                                                               vs Taskwarrior, Typer floor
  validate cold               psc --root DIR validate --no-cache   vs CSafeLoader floor
  validate cold, index        psc --root DIR validate (no .psc-cache before it) vs the same floor

and, at the size nearest 1,000 meetings, each read-only report warm against the Typer
floor (benchmarks/floor.py, the same command and options doing nothing): tasks --overdue
(table), tasks --status all --format csv, list --format json, decisions --format json.

Taskwarrior (`task overdue`) gets the same tasks: every task of the archive, imported with
its status. The commands of one group run interleaved (one run of each in turn), once as
a warm-up and then --runs times; the time is the median, the memory the largest maximum
resident set size (GNU time's %M). A command that exits non-zero is reported as FAILED
with the tail of its stderr, never timed. Then a verdict table judges the targets of
issue 17 (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATOR = HERE / "generate.py"
FLOOR = HERE / "floor.py"
DATA = HERE / ".data"
FIRST_MEETING = dt.date(2000, 1, 5)  # generate.py's FIRST_DATE: one meeting a week from it

DEFAULT_TASKS = [10_000, 50_000]
QUICK_TASKS = [1_000]
MIN_RUNS = 5

FLOOR_SCRIPT = """\
import sys, pathlib, yaml
root = pathlib.Path(sys.argv[1])
for path in [root / "group.yaml", *sorted((root / "meetings").glob("*.yaml"))]:
    with open(path, "rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
"""

# How many tasks each meeting generate.py writes has, meeting by meeting: generate.py's own
# Generator run in memory (meeting k does not depend on how many follow it). A task is a
# "  - text:" line: the only list item at indent 2 with that key is in `tasks:`.
CALIBRATE_SCRIPT = """\
import datetime as dt, importlib.util, json, sys
import yaml
spec = importlib.util.spec_from_file_location("psc_bench_generate", sys.argv[1])
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)
seed, wanted = int(sys.argv[2]), int(sys.argv[3])
with open(gen.PROJECT / "group.yaml", encoding="utf-8") as f:
    generator = gen.Generator(yaml.safe_load(f), seed)
counts, total = [], 0
while total < wanted:
    k = len(counts)
    text = generator.meeting(k, gen.FIRST_DATE + dt.timedelta(weeks=k))
    counts.append(sum(1 for line in text.splitlines() if line.startswith("  - text:")))
    total += counts[-1]
print(json.dumps(counts))
"""

# Targets of issue 17.
TW_TARGETS = [(10_000, 1.0, 0.5), (50_000, 0.3, None)]  # (tasks, limit, aim)
GROWTH = (10_000, 50_000, 2.0)
REPORT_MEETINGS, REPORT_LIMIT = 1_000, 1.5
VALIDATE_LIMIT = 1.2
MEMORY_TASKS, MEMORY_LIMIT_MB = 50_000, 300.0
EXACT = 0.05  # a size counts as "the size" within 5 % of it

OVERDUE_WARM = "tasks --overdue json warm"
OVERDUE_COLD = "tasks --overdue json cold"
VALIDATE_COLD = "validate --no-cache cold"
VALIDATE_INDEX = "validate cold, index written"


# --------------------------------------------------------------------------- running


@dataclass
class Sample:
    ok: bool
    ms: float
    rss_mb: float
    rc: int
    stderr_tail: str = ""


def _gnu_time() -> str | None:
    """/usr/bin/time when it is GNU time (it has -f and -o)."""
    path = shutil.which("time", path="/usr/bin:/bin") or None
    if path is None:
        return None
    try:
        probe = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return path if "GNU" in probe.stdout + probe.stderr else None


GNU_TIME: str | None = None
MEMORY_METHOD = ""


def _memory_method() -> str:
    return (
        "GNU time (%M): the max RSS of the command, which time forks from its own small process"
        if GNU_TIME
        else "ru_maxrss from os.wait4 (no GNU time): a child spawned from run.py inherits "
        "run.py's own peak RSS as its starting high-water mark, so small figures are overstated"
    )


def run_once(cmd: list[str], *, env: dict[str, str], cwd: Path, timeout: float) -> Sample:
    """Runs `cmd` with output to temporary files: its wall time and its own max RSS.

    The RSS comes from GNU time when it is there. Measured directly (ru_maxrss of the
    child from os.wait4) a child would start from run.py's own high-water mark: Linux
    keeps the RSS peak of the address space the child execs from, which after a
    (v)fork is run.py's. GNU time forks the command from its own tiny process instead.
    """
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile(prefix="rss-", suffix=".txt") as rss_file,
    ):
        full = [GNU_TIME, "-f", "%M", "-o", rss_file.name, *cmd] if GNU_TIME else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(
            full,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
        rc = os.waitstatus_to_exitcode(status)
        proc.returncode = rc  # reaped here; keeps Popen from waiting again
        rss_kb = float(usage.ru_maxrss)  # Linux: kilobytes
        if GNU_TIME:
            # The last line is %M; a line before it says when the command failed.
            lines = Path(rss_file.name).read_text(errors="replace").split()
            rss_kb = float(lines[-1]) if lines and lines[-1].isdigit() else float("nan")
        tail = ""
        if rc != 0 or timed_out.is_set():
            err.seek(0)
            lines = err.read().decode("utf-8", "replace").rstrip().splitlines()
            tail = "\n".join(lines[-12:])
            if timed_out.is_set():
                tail = f"timed out after {timeout:.0f} s\n" + tail
        return Sample(rc == 0 and not timed_out.is_set(), elapsed * 1000, rss_kb / 1024, rc, tail)


@dataclass
class Command:
    """One command of a group: what it measures, for which tool, and how to run it."""

    row: str
    tool: str  # "psc", "taskwarrior", "typer floor", "csafeloader floor"
    argv: list[str]
    env: dict[str, str] | None = None
    prepare: Callable[[], None] | None = None
    note: str = ""


@dataclass
class Result:
    tasks: int
    meetings: int
    row: str
    tool: str
    command: str
    ok: bool = False
    skipped: str = ""
    median_ms: float | None = None
    min_ms: float | None = None
    max_ms: float | None = None
    samples_ms: list[float] = field(default_factory=list)
    peak_rss_mb: float | None = None
    rc: int | None = None
    stderr_tail: str = ""
    note: str = ""


def measure_group(
    size: Size, commands: list[Command], *, runs: int, env: dict[str, str], timeout: float
) -> list[Result]:
    """Runs the commands in turn, one run of each per round: a warm-up round, then `runs`
    measured rounds. Interleaving spreads the machine's drift over all of them alike."""
    results = []
    for c in commands:
        shown = " ".join(_short(a) for a in c.argv)
        if c.tool == "taskwarrior":
            shown = "TASKRC=<run dir>/taskrc " + shown
        results.append(Result(size.tasks, size.meetings, c.row, c.tool, shown, note=c.note))
        print(f"  [{size.label}] {c.row} / {c.tool}: {shown}", file=sys.stderr, flush=True)
    samples: list[list[Sample]] = [[] for _ in commands]
    alive = [True] * len(commands)
    for round_no in range(runs + 1):
        for k, c in enumerate(commands):
            if not alive[k]:
                continue
            if c.prepare:
                c.prepare()
            sample = run_once(c.argv, env=c.env or env, cwd=size.root, timeout=timeout)
            if not sample.ok:
                alive[k] = False
                results[k].rc, results[k].stderr_tail = sample.rc, sample.stderr_tail
                print(
                    f"    FAILED {c.row} / {c.tool} (exit {sample.rc}):\n"
                    + _indent(sample.stderr_tail, 6),
                    file=sys.stderr,
                    flush=True,
                )
            elif round_no > 0:
                samples[k].append(sample)
        print(
            f"    round {round_no}/{runs}{' (warm-up)' if round_no == 0 else ''} done",
            file=sys.stderr,
            flush=True,
        )
    for result, taken, ok in zip(results, samples, alive, strict=True):
        if not ok:
            continue
        result.ok, result.rc = True, 0
        result.samples_ms = [round(s.ms, 2) for s in taken]
        result.median_ms = round(statistics.median(s.ms for s in taken), 2)
        result.min_ms = round(min(s.ms for s in taken), 2)
        result.max_ms = round(max(s.ms for s in taken), 2)
        result.peak_rss_mb = round(max(s.rss_mb for s in taken), 1)
        print(
            f"    {result.row} / {result.tool}: median {result.median_ms:.1f} ms, "
            f"peak {result.peak_rss_mb:.1f} MB",
            file=sys.stderr,
            flush=True,
        )
    return results


def _short(arg: str) -> str:
    for base, name in ((str(DATA), "$DATA"), (str(HERE), "benchmarks")):
        if arg.startswith(base):
            arg = name + arg[len(base) :]
    if "\n" in arg:
        arg = "<script>"
    return arg if arg and " " not in arg else json.dumps(arg)


def _indent(text: str, n: int) -> str:
    return "\n".join(" " * n + line for line in text.splitlines())


# --------------------------------------------------------------------------- setup


def psc_python(psc: Path) -> str:
    """The interpreter of psc's virtual environment: its script's shebang, else python3
    next to it, else this interpreter."""
    try:
        first = psc.read_bytes()[:300].split(b"\n", 1)[0].decode()
        if first.startswith("#!"):
            exe = first[2:].strip().split()[0]
            if os.access(exe, os.X_OK) and "python" in Path(exe).name:
                return exe
    except (OSError, UnicodeDecodeError):
        pass
    for name in ("python3", "python"):
        cand = psc.parent / name
        if os.access(cand, os.X_OK):
            return str(cand)
    return sys.executable


def compile_psc(python: str) -> None:
    """Byte-compile psc's own modules, as `pip install` does for an installed package. An
    editable install run with PYTHONDONTWRITEBYTECODE set (as on some CI machines) would
    otherwise compile psc's source on every run, and that would be measured."""
    where = subprocess.run(
        [python, "-c", "import os, psc; print(os.path.dirname(psc.__file__))"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if where:
        subprocess.run([python, "-m", "compileall", "-q", where], capture_output=True)
        print(f"byte-compiled {where}", file=sys.stderr)


def _generator_hash() -> str:
    return hashlib.sha256(GENERATOR.read_bytes()).hexdigest()


def tasks_per_meeting(wanted: int, seed: int, python: str) -> list[int]:
    """The task counts of generate.py's meetings, in order, until they add up to `wanted`;
    kept in benchmarks/.data/ while generate.py and the seed are unchanged."""
    cache = DATA / f"tasks-per-meeting-seed-{seed}.json"
    key = _generator_hash()
    try:
        kept = json.loads(cache.read_text())
        if kept["generator"] == key and sum(kept["counts"]) >= wanted:
            return kept["counts"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    print(f"counting generate.py's tasks per meeting up to {wanted:,} ...", file=sys.stderr)
    proc = subprocess.run(
        [python, "-c", CALIBRATE_SCRIPT, str(GENERATOR), str(seed), str(wanted)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"counting the generator's tasks failed:\n{proc.stderr[-2000:]}")
    counts = json.loads(proc.stdout)
    cache.write_text(json.dumps({"generator": key, "counts": counts}))
    return counts


def meetings_for(wanted: int, counts: list[int]) -> tuple[int, int]:
    """The number of meetings whose tasks come nearest `wanted`, and their task count."""
    best, total = (1, counts[0]), 0
    for k, n in enumerate(counts, start=1):
        total += n
        if abs(total - wanted) < abs(best[1] - wanted):
            best = (k, total)
        if total >= wanted:
            break
    return best


def archive(meetings: int, seed: int, python: str) -> Path:
    """The generated archive of `meetings` meetings, made anew when generate.py changed."""
    stamp_value = json.dumps({"generator": _generator_hash(), "meetings": meetings, "seed": seed})
    root = DATA / f"meetings-{meetings}-seed-{seed}"
    stamp = root / ".generated"
    if stamp.exists() and stamp.read_text() == stamp_value:
        print(f"reusing {root}", file=sys.stderr)
        return root
    if root.exists():
        shutil.rmtree(root)
    print(f"generating {meetings} meetings into {root} ...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    subprocess.run(
        [python, str(GENERATOR), str(root), "--meetings", str(meetings), "--seed", str(seed)],
        check=True,
    )
    stamp.write_text(stamp_value)
    print(f"  generated in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return root


def drop_cache(root: Path) -> None:
    shutil.rmtree(root / ".psc-cache", ignore_errors=True)


def ensure_tool(command: str, package: str, usable: Callable[[], bool]) -> str:
    """'' when `command` is usable, installing Debian's `package` when it is not and
    apt-get can; else why it is not."""
    if usable():
        return ""
    if not shutil.which("apt-get"):
        return f"{command} is not installed and apt-get is not available"
    if os.geteuid() != 0:
        return f"{command} is not installed and installing it needs root (apt-get)"
    print(f"installing {command}: apt-get install -y {package} ...", file=sys.stderr, flush=True)
    proc = subprocess.run(
        ["apt-get", "install", "-y", package],
        capture_output=True,
        text=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    if proc.returncode != 0 or not usable():
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-3:])
        return f"apt-get install -y {package} failed (exit {proc.returncode}): {tail}"
    return ""


def _tw_word(text: str) -> str:
    """A project name or tag: no spaces, no leading +/-."""
    return "".join(c if c.isalnum() or c in "_.-" else "_" for c in text).lstrip("+-") or "x"


def _tw_date(iso: str) -> str:
    return iso[:10].replace("-", "") + "T000000Z"


TW_STATUS = {"open": "pending", "done": "completed", "cancelled": "deleted"}


def taskwarrior_setup(
    task: str, tasks: list[dict], workdir: Path, as_of: str, env: dict[str, str]
) -> tuple[dict[str, str], str, int]:
    """A TASKDATA directory with all the tasks imported, each with its status; returns the
    environment, a note and how many Taskwarrior counts as overdue."""
    data = workdir / "taskdata"
    data.mkdir(parents=True)
    rc = workdir / "taskrc"
    # The built-in `overdue` report compares with the real clock; psc reports as of a given
    # date, so the report's filter is set to the same cut-off (everything else is built-in).
    rc.write_text(
        f"data.location={data}\n"
        "confirmation=off\n"
        "verbose=nothing\n"
        "color=off\n"
        "hooks=off\n"
        f"report.overdue.filter=status:pending and due.before:{_tw_date(as_of)}\n"
    )
    tw_env = {**env, "TASKRC": str(rc), "TASKDATA": str(data)}
    records = []
    for t in tasks:
        status = TW_STATUS.get(t.get("status", "open"), "pending")
        rec: dict[str, str | list[str]] = {
            "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, "psc-task:" + t["id"])),
            "description": " ".join(t["text"].split()),
            "status": status,
            "entry": _tw_date(t["meeting"]),
        }
        if status != "pending":
            rec["end"] = _tw_date(t.get("status_date") or t["meeting"])
        if t.get("due"):
            rec["due"] = _tw_date(t["due"])
        owners = [_tw_word(o) for o in t.get("responsible") or []]
        rec["project"] = owners[0] if owners else "vsichni"
        if owners:
            rec["tags"] = sorted(set(owners))
        records.append(rec)
    dump = workdir / "import.json"
    dump.write_text(json.dumps(records, ensure_ascii=False))

    def task_run(*words: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [task, *words], env=tw_env, capture_output=True, text=True, stdin=subprocess.DEVNULL
        )

    start = time.perf_counter()
    proc = task_run("rc.gc=off", "import", str(dump))
    if proc.returncode != 0:
        raise RuntimeError(
            f"task import failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}"
        )
    # One garbage collection (the default, rc.gc=on, of any report) moves the completed and
    # deleted tasks from pending.data to completed.data, as in a list kept over years; the
    # measured runs then pass rc.gc=off, which only spares Taskwarrior work.
    task_run("rc.gc=on", "list")
    took = time.perf_counter() - start
    counted = {
        status: task_run("rc.gc=off", f"status:{status}", "count").stdout.strip()
        for status in ("pending", "completed", "deleted")
    }
    overdue = task_run(
        "rc.gc=off", "status:pending", f"due.before:{_tw_date(as_of)}", "count"
    ).stdout.strip()
    sizes = ", ".join(
        f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in sorted(data.glob("*.data"))
    )
    note = (
        f"{len(records):,} tasks imported in {took:.1f} s; task count: "
        + ", ".join(f"{v} {k}" for k, v in counted.items())
        + f", {overdue} overdue (due before {as_of}); {sizes}"
    )
    return tw_env, note, int(overdue) if overdue.isdigit() else -1


# --------------------------------------------------------------------------- the suite


@dataclass
class Size:
    wanted: int  # the tasks asked for (--tasks)
    meetings: int
    tasks: int  # the tasks the archive has (counted by psc)
    root: Path
    as_of: str
    open_tasks: int = 0
    overdue: int = 0  # psc's overdue tasks as of as_of
    taskwarrior_overdue: int | None = None
    reports: bool = False  # the size nearest 1,000 meetings: every report is measured

    @property
    def label(self) -> str:
        return f"{self.tasks:,} tasks"


def bench_size(
    size: Size,
    args: argparse.Namespace,
    psc: str,
    python: str,
    task: str | None,
    task_reason: str,
    env: dict[str, str],
) -> list[Result]:
    root, as_of = size.root, size.as_of
    base = [psc, "--root", str(root)]
    floor = [python, str(FLOOR), "--root", str(root)]
    results: list[Result] = []

    def group(commands: list[Command]) -> None:
        results.extend(measure_group(size, commands, runs=args.runs, env=env, timeout=args.timeout))

    cold = lambda: drop_cache(root)  # noqa: E731

    def warm() -> None:
        if not (root / ".psc-cache").exists():
            print("    note: no .psc-cache before a warm run", file=sys.stderr)

    # Validate, cold, against libyaml parsing the same files and doing nothing else.
    floor_script = DATA / "csafeloader_floor.py"
    floor_script.write_text(FLOOR_SCRIPT)
    group(
        [
            Command(VALIDATE_COLD, "psc", base + ["validate", "--no-cache"], prepare=cold),
            Command(VALIDATE_INDEX, "psc", base + ["validate"], prepare=cold),
            Command(
                VALIDATE_INDEX,
                "csafeloader floor",
                [python, str(floor_script), str(root)],
                note="the same floor, measured again beside it",
            ),
            Command(
                VALIDATE_COLD,
                "csafeloader floor",
                [python, str(floor_script), str(root)],
                note="yaml.load(f, Loader=yaml.CSafeLoader) of group.yaml and every meeting",
            ),
        ]
    )

    # The overdue report: cold (the cache deleted; this run builds it again), then warm
    # (the cache the cold run built), Taskwarrior on the same tasks, and the Typer floor.
    overdue = ["tasks", "--overdue", "--as-of", as_of, "--format", "json"]
    commands = [
        Command(OVERDUE_COLD, "psc", base + overdue, prepare=cold),
        Command(OVERDUE_WARM, "psc", base + overdue, prepare=warm),
        Command(OVERDUE_WARM, "typer floor", floor + overdue, note="benchmarks/floor.py"),
    ]
    workdir = Path(tempfile.mkdtemp(prefix=f"taskwarrior-{size.tasks}-", dir=DATA))
    try:
        if task is None:
            skipped = task_reason
        else:
            try:
                listing = json.loads((DATA / f"tasks-{size.meetings}.json").read_text())
                tw_env, note, size.taskwarrior_overdue = taskwarrior_setup(
                    task, listing, workdir, as_of, env
                )
                print(f"  [{size.label}] Taskwarrior: {note}", file=sys.stderr)
                if size.taskwarrior_overdue != size.overdue:
                    note += f" (psc: {size.overdue} overdue: NOT the same tasks)"
                commands.append(
                    Command(
                        OVERDUE_WARM,
                        "taskwarrior",
                        [task, "rc.gc=off", "overdue"],
                        env=tw_env,
                        note=note,
                    )
                )
                skipped = ""
            except (RuntimeError, OSError, ValueError) as exc:
                skipped = str(exc)
        group(commands)
        if skipped:
            print(f"  [{size.label}] Taskwarrior skipped: {skipped}", file=sys.stderr)
            results.append(
                Result(
                    size.tasks,
                    size.meetings,
                    OVERDUE_WARM,
                    "taskwarrior",
                    "task overdue",
                    skipped=skipped,
                )
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    # Taskwarrior and the floor have no cache: one measurement each, shown against both rows.
    for r in [r for r in results if r.row == OVERDUE_WARM and r.tool != "psc"]:
        results.append(Result(**{**asdict(r), "row": OVERDUE_COLD}))

    if size.reports:
        reports = [
            ("tasks --overdue table warm", ["tasks", "--overdue", "--as-of", as_of]),
            (
                "tasks --status all csv warm",
                ["tasks", "--status", "all", "--as-of", as_of, "--format", "csv"],
            ),
            ("list json warm", ["list", "--as-of", as_of, "--format", "json"]),
            ("decisions json warm", ["decisions", "--as-of", as_of, "--format", "json"]),
        ]
        commands = []
        for row, words in reports:
            commands.append(Command(row, "psc", base + words, prepare=warm))
            commands.append(Command(row, "typer floor", floor + words))
        group(commands)
    drop_cache(root)
    return results


def prepare_size(
    wanted: int, counts: list[int], args: argparse.Namespace, psc: str, python: str, env: dict
) -> Size:
    meetings, expected = meetings_for(wanted, counts)
    root = archive(meetings, args.seed, python)
    last = FIRST_MEETING + dt.timedelta(weeks=meetings - 1)
    as_of = args.as_of or (last + dt.timedelta(days=1)).isoformat()
    # Every task of the archive, with its status as of D: the exact count, the tasks
    # Taskwarrior gets and psc's own overdue count.
    proc = subprocess.run(
        [psc, "--root", str(root), "tasks", "--status", "all", "--as-of", as_of]
        + ["--format", "json", "--no-cache"],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
    )
    if proc.returncode != 0:
        raise SystemExit(
            f"psc tasks --status all failed (exit {proc.returncode}): {proc.stderr[-1000:]}"
        )
    listing = json.loads(proc.stdout)
    (DATA / f"tasks-{meetings}.json").write_text(proc.stdout)
    size = Size(
        wanted,
        meetings,
        len(listing),
        root,
        as_of,
        open_tasks=sum(1 for t in listing if t.get("status") == "open"),
        overdue=sum(1 for t in listing if t.get("overdue")),
    )
    print(
        f"{wanted:,} tasks asked: {meetings:,} meetings ({FIRST_MEETING} to {last}) with "
        f"{size.tasks:,} tasks ({expected:,} counted in generate.py's output), "
        f"{size.open_tasks:,} open and {size.overdue:,} overdue as of {as_of}",
        file=sys.stderr,
    )
    return size


# --------------------------------------------------------------------------- verdicts


@dataclass
class Verdict:
    target: str
    tasks: int
    meetings: int
    measured: float | None  # a ratio, or MB
    limit: float
    unit: str  # "x" or "MB"
    exact: bool  # judged at the size the issue names (else at the nearest, indicative)
    met: bool | None  # None: not judged (a baseline skipped or failed, a size missing)
    note: str = ""
    aim: float | None = None


def _nearest(sizes: list[Size], value: float, key: Callable[[Size], int]) -> Size | None:
    return min(sizes, key=lambda s: abs(math.log(key(s) / value)), default=None)


def _close(value: int, named: int) -> bool:
    return abs(value - named) <= EXACT * named


def verdicts(sizes: list[Size], results: list[Result]) -> list[Verdict]:
    by = {(r.tasks, r.row, r.tool): r for r in results}

    def ratio(size: Size, row: str, tool: str) -> tuple[float | None, bool | None, str]:
        """psc's median over the baseline's; met=False when psc failed, None when the
        baseline did."""
        ours, theirs = by.get((size.tasks, row, "psc")), by.get((size.tasks, row, tool))
        if ours is None or not ours.ok or ours.median_ms is None:
            return None, False, "psc failed"
        if theirs is None or not theirs.ok or not theirs.median_ms:
            why = "skipped" if theirs is not None and theirs.skipped else "failed"
            return None, None, f"{tool} {why}"
        return ours.median_ms / theirs.median_ms, True, ""

    out: list[Verdict] = []

    def judge(
        target: str,
        size: Size,
        measured: tuple[float | None, bool | None, str],
        limit: float,
        exact: bool,
        unit: str = "x",
        aim: float | None = None,
    ) -> None:
        value, judged, note = measured
        met = (value <= limit) if value is not None else (False if judged is False else None)
        rounded = None if value is None else round(value, 3 if unit == "x" else 1)
        out.append(
            Verdict(target, size.tasks, size.meetings, rounded, limit, unit, exact, met, note, aim)
        )

    for named, limit, aim in TW_TARGETS:
        size = _nearest(sizes, named, lambda s: s.tasks)
        if size is not None:
            judge(
                f"tasks --overdue warm / Taskwarrior at {named:,} tasks",
                size,
                ratio(size, OVERDUE_WARM, "taskwarrior"),
                limit,
                _close(size.tasks, named),
                aim=aim,
            )

    small_named, large_named, limit = GROWTH
    small = _nearest(sizes, small_named, lambda s: s.tasks)
    large = _nearest(sizes, large_named, lambda s: s.tasks)
    if small is large and len(sizes) > 1:  # sizes away from the issue's: the widest span
        small, large = sizes[0], sizes[-1]
    if small is not None and large is not None:
        target = f"growth of tasks --overdue warm, {small_named:,} to {large_named:,} tasks"
        if small is large:
            judge(target, large, (None, None, "needs two sizes"), limit, False)
        else:
            a = by.get((small.tasks, OVERDUE_WARM, "psc"))
            b = by.get((large.tasks, OVERDUE_WARM, "psc"))
            tw_a = by.get((small.tasks, OVERDUE_WARM, "taskwarrior"))
            tw_b = by.get((large.tasks, OVERDUE_WARM, "taskwarrior"))
            tw = (
                f"; Taskwarrior {tw_b.median_ms / tw_a.median_ms:.2f}x"
                if tw_a and tw_b and tw_a.ok and tw_b.ok and tw_a.median_ms and tw_b.median_ms
                else ""
            )
            measured: tuple[float | None, bool | None, str] = (
                (b.median_ms / a.median_ms, True, f"{small.tasks:,} to {large.tasks:,} tasks{tw}")
                if a and b and a.ok and b.ok and a.median_ms and b.median_ms
                else (None, False, "psc failed")
            )
            exact = _close(small.tasks, small_named) and _close(large.tasks, large_named)
            judge(target, large, measured, limit, exact)

    report_size = next((s for s in sizes if s.reports), None)
    if report_size is not None:
        exact = _close(report_size.meetings, REPORT_MEETINGS)
        rows = [
            r.row
            for r in results
            if r.tasks == report_size.tasks and r.tool == "psc" and r.row.endswith(" warm")
        ]
        for row in rows:
            judge(
                f"{row} / Typer floor at {REPORT_MEETINGS:,} meetings",
                report_size,
                ratio(report_size, row, "typer floor"),
                REPORT_LIMIT,
                exact,
            )

    for size in sizes:
        for row in (VALIDATE_COLD, VALIDATE_INDEX):
            judge(
                f"{row} / CSafeLoader",
                size,
                ratio(size, row, "csafeloader floor"),
                VALIDATE_LIMIT,
                True,
            )

    size = _nearest(sizes, MEMORY_TASKS, lambda s: s.tasks)
    if size is not None:
        for row in (VALIDATE_COLD, VALIDATE_INDEX, OVERDUE_COLD, OVERDUE_WARM):
            r = by.get((size.tasks, row, "psc"))
            peak = r.peak_rss_mb if r is not None and r.ok else None
            judge(
                f"peak memory of {row} at {MEMORY_TASKS:,} tasks",
                size,
                (peak, True, "") if peak is not None else (None, False, "psc failed"),
                MEMORY_LIMIT_MB,
                _close(size.tasks, MEMORY_TASKS),
                unit="MB",
            )
    return out


# --------------------------------------------------------------------------- tables


def fmt(value: float | None, spec: str = ".0f") -> str:
    return "-" if value is None else format(value, spec)


def _render(rows: list[list[str]], numeric: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for k, row in enumerate(rows):
        cells = [
            c.rjust(widths[i]) if i in numeric else c.ljust(widths[i]) for i, c in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


BASELINE_NAMES = {
    "taskwarrior": "Taskwarrior",
    "typer floor": "Typer floor",
    "csafeloader floor": "CSafeLoader",
}


def measurements_table(results: list[Result]) -> str:
    """psc's rows, each with its baselines beside it and the ratio."""
    by = {(r.tasks, r.row, r.tool): r for r in results}
    rows = [
        [
            "tasks",
            "meetings",
            "measurement",
            "psc ms",
            "psc MB",
            "vs",
            "base ms",
            "base MB",
            "ratio",
        ]
    ]
    psc_rows = sorted((r for r in results if r.tool == "psc"), key=lambda r: r.tasks)
    for r in psc_rows:
        baselines: list[Result | None] = [
            by[k]
            for k in (
                (r.tasks, r.row, t) for t in ("taskwarrior", "typer floor", "csafeloader floor")
            )
            if k in by
        ] or [None]
        for n, other in enumerate(baselines):
            first = n == 0
            left = [
                f"{r.tasks:,}" if first else "",
                f"{r.meetings:,}" if first else "",
                r.row if first else "",
                (fmt(r.median_ms) if r.ok else "FAILED") if first else "",
                (fmt(r.peak_rss_mb, ".1f") if r.ok else "") if first else "",
            ]
            if other is None:
                rows.append(left + ["", "", "", ""])
                continue
            name = BASELINE_NAMES.get(other.tool, other.tool)
            if other.skipped:
                rows.append(left + [name, "skipped", "", ""])
                continue
            ratio = (
                f"{r.median_ms / other.median_ms:.2f}x"
                if r.ok and other.ok and r.median_ms and other.median_ms
                else ""
            )
            rows.append(
                left
                + [
                    name,
                    fmt(other.median_ms) if other.ok else "FAILED",
                    fmt(other.peak_rss_mb, ".1f") if other.ok else "",
                    ratio,
                ]
            )
    return "\n".join(_render(rows, {0, 1, 3, 4, 6, 7, 8}))


def verdict_table(judged: list[Verdict]) -> str:
    rows = [["target", "tasks", "meetings", "measured", "limit", "verdict"]]
    for v in judged:
        measured = (
            "-"
            if v.measured is None
            else f"{v.measured:.2f}x"
            if v.unit == "x"
            else f"{v.measured:.0f} MB"
        )
        limit = f"<= {v.limit:g}x" if v.unit == "x" else f"<= {v.limit:.0f} MB"
        verdict = "met" if v.met else "NOT met" if v.met is False else "not judged"
        if v.met is not None and not v.exact:
            verdict = f"({verdict}: indicative, not at the issue's size)"
        if v.aim is not None and v.measured is not None:
            verdict += f"; aim {v.aim:g}x {'met' if v.measured <= v.aim else 'not met'}"
        if v.note:
            verdict += f" [{v.note}]"
        rows.append([v.target, f"{v.tasks:,}", f"{v.meetings:,}", measured, limit, verdict])
    return "\n".join(_render(rows, {1, 2, 3}))


def problems(results: list[Result]) -> list[str]:
    out = []
    seen = set()
    for r in results:
        key = (r.tasks, r.tool, r.command)
        if key in seen:
            continue
        seen.add(key)
        if r.skipped:
            out.append(f"skipped [{r.tasks:,} tasks] {r.row} / {r.tool}: {r.skipped}")
        elif not r.ok:
            out.append(
                f"FAILED [{r.tasks:,} tasks] {r.row} / {r.tool} (exit {r.rc}): {r.command}\n"
                + _indent(r.stderr_tail or "(no stderr)", 4)
            )
    return out


# --------------------------------------------------------------------------- main


def _sizes(text: str) -> list[int]:
    return [int(s.strip().replace("_", "")) for s in text.split(",") if s.strip()]


def main(argv: list[str] | None = None) -> int:
    global GNU_TIME, MEMORY_METHOD
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--tasks",
        help="archive sizes in tasks, comma-separated (default: 10000,50000; with --quick: 1000)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=MIN_RUNS,
        help=f"measured runs per command, after one warm-up (default and least {MIN_RUNS})",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 1,000 tasks unless --tasks says otherwise, and --runs may be below "
        f"{MIN_RUNS}; the verdicts are then indicative",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument(
        "--psc",
        type=Path,
        help="the psc executable (default: psc next to this interpreter, else on PATH)",
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument(
        "--as-of",
        help="as-of date of the task reports (default: the day after each archive's last "
        "meeting, so every task and status counts)",
    )
    parser.add_argument(
        "--timeout", type=float, default=900, help="seconds per command run (default 900)"
    )
    args = parser.parse_args(argv)
    try:
        wanted = _sizes(args.tasks) if args.tasks else QUICK_TASKS if args.quick else DEFAULT_TASKS
    except ValueError:
        parser.error("--tasks takes comma-separated integers, e.g. 10000,50000")
    if not wanted or min(wanted) < 10:
        parser.error("--tasks: at least 10 tasks")
    if args.runs < 1 or (args.runs < MIN_RUNS and not args.quick):
        parser.error(
            f"--runs must be at least {MIN_RUNS} (the issue's median of 5; --quick allows fewer)"
        )
    if args.as_of:
        try:
            dt.date.fromisoformat(args.as_of)
        except ValueError:
            parser.error("--as-of takes a date, YYYY-MM-DD")

    psc = args.psc or next((p for p in (Path(sys.executable).parent / "psc",) if p.exists()), None)
    if psc is None:
        found = shutil.which("psc")
        if not found:
            parser.error("psc not found; pass --psc PATH")
        psc = Path(found)
    psc = Path(psc).absolute()
    python = psc_python(psc)
    compile_psc(python)
    DATA.mkdir(exist_ok=True)
    env = {**os.environ, "NO_COLOR": "1", "TZ": "UTC"}
    env.pop("TASKRC", None)
    env.pop("TASKDATA", None)

    time_reason = ensure_tool("GNU time", "time", lambda: _gnu_time() is not None)
    GNU_TIME = _gnu_time()
    MEMORY_METHOD = _memory_method()
    task_reason = ensure_tool(
        "Taskwarrior (task)", "taskwarrior", lambda: bool(shutil.which("task"))
    )
    task = shutil.which("task")
    version = subprocess.run(
        [str(psc), "--version"], capture_output=True, text=True, env=env
    ).stdout.strip()
    task_version = (
        subprocess.run([task, "--version"], capture_output=True, text=True).stdout.strip()
        if task
        else None
    )
    print(
        f"{version or 'psc'} ({psc}), python {python}; "
        f"Taskwarrior: {task_version or 'skipped: ' + task_reason}; "
        f"memory: {'GNU time' if GNU_TIME else time_reason}",
        file=sys.stderr,
    )

    started = time.time()
    counts = tasks_per_meeting(max(wanted) + 100, args.seed, python)
    sizes = [prepare_size(w, counts, args, str(psc), python, env) for w in sorted(set(wanted))]
    report_size = _nearest(sizes, REPORT_MEETINGS, lambda s: s.meetings)
    if report_size is not None:
        report_size.reports = True
    results: list[Result] = []
    for size in sizes:
        results.extend(bench_size(size, args, str(psc), python, task, task_reason, env))
    judged = verdicts(sizes, results)

    print()
    print(
        f"psc benchmarks: {version}, Taskwarrior {task_version or '-'}; "
        f"median of {args.runs} runs after 1 warm-up, interleaved; {os.cpu_count()} CPUs; "
        f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC"
    )
    print(
        "peak memory: "
        + ("GNU time %M" if GNU_TIME else "os.wait4 ru_maxrss (no GNU time; overstated)")
    )
    for s in sizes:
        print(
            f"  {s.tasks:,} tasks = {s.meetings:,} meetings, {s.open_tasks:,} open, "
            f"{s.overdue:,} overdue as of {s.as_of} (Taskwarrior: "
            f"{'-' if s.taskwarrior_overdue is None else f'{s.taskwarrior_overdue:,}'} overdue)"
            + ("; every report measured here" if s.reports else "")
        )
    print()
    print(measurements_table(results))
    notes = [
        f"[{r.tasks:,} tasks] Taskwarrior: {r.note}"
        for r in results
        if r.tool == "taskwarrior" and r.note and r.row == OVERDUE_WARM
    ]
    if notes:
        print("\n" + "\n".join(notes))
    trouble = problems(results)
    if trouble:
        print("\n" + "\n".join(trouble))
    print()
    print(verdict_table(judged))
    exact = [v for v in judged if v.exact and v.met is not None]
    missed = [v for v in exact if not v.met]
    print(
        f"\ntargets at the issue's sizes: {len(exact) - len(missed)} met, {len(missed)} not met"
        + (
            f", {len(judged) - len(exact)} indicative or not judged"
            if len(judged) > len(exact)
            else ""
        )
        + "".join(
            f"\n  NOT met: {v.target} [{v.tasks:,} tasks]: "
            + ("failed" if v.measured is None else f"{v.measured:.2f}{v.unit}")
            + f", limit {v.limit:g}{v.unit}"
            for v in missed
        )
    )

    if args.json:
        doc = {
            "meta": {
                "psc": version,
                "psc_path": str(psc),
                "python": python,
                "python_version": subprocess.run(
                    [python, "-c", "import sys; print(sys.version)"], capture_output=True, text=True
                ).stdout.strip(),
                "taskwarrior": task_version,
                "taskwarrior_skipped": task_reason or None,
                "tasks_asked": wanted,
                "runs": args.runs,
                "warmups": 1,
                "quick": args.quick,
                "seed": args.seed,
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
                "started": dt.datetime.fromtimestamp(started, dt.timezone.utc).isoformat(),
                "duration_s": round(time.time() - started, 1),
                "time": "median wall time of the measured runs (perf_counter from spawn to wait4, "
                "GNU time's own ~1 ms included when it is used); the commands of a group run "
                "interleaved, one run of each per round",
                "memory": "peak_rss_mb: max over the measured runs of " + MEMORY_METHOD,
            },
            "sizes": [{**asdict(s), "root": str(s.root), "label": s.label} for s in sizes],
            "results": [asdict(r) for r in results],
            "targets": [asdict(v) for v in judged],
        }
        args.json.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
