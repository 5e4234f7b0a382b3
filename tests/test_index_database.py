"""The index database `.psc-cache/index.sqlite3`: broken, foreign, shared, raced, moved.

Every answer given with the index is checked against the same command with --no-cache
(stdout, stderr and exit code), so these tests speak only of what psc shows, and of the
database file by its name. Runs that must be real processes (the database as a finished
psc process leaves it, several processes at once) use subprocesses; the rest go through
CliRunner.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO
from typer.testing import CliRunner

DATABASE = Path(".psc-cache") / "index.sqlite3"
AS_OF = "2000-03-01"
REPORT = ["tasks", "--status", "all", "--format", "json", "--as-of", AS_OF]
REPORTS = [
    REPORT,
    ["tasks", "--overdue", "--format", "json", "--as-of", AS_OF],
    ["list", "--format", "json", "--as-of", AS_OF],
    ["decisions", "--format", "json", "--as-of", AS_OF],
    ["validate"],
]
SQLITE_HEADER = b"SQLite format 3\x00"

Answer = tuple[int, str, str]
"""Exit code, stdout, stderr."""


def generate(root: Path, meetings: int = 8, seed: int = 7) -> Path:
    """A synthetic archive of benchmarks/generate.py at `root`."""
    spec = importlib.util.spec_from_file_location(
        "psc_bench_generate", REPO / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(root, meetings, seed, REPO / "group.yaml")
    return root


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A generated archive at tmp_path/minutes; the current directory is tmp_path, so
    paths in messages read minutes/meetings/…"""
    monkeypatch.delenv("PSC_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    root = generate(tmp_path / "minutes")
    assert (root / "meetings" / "2000-02-23.yaml").is_file()  # the last meeting, named below
    return root


def cli(root: Path, *args: str) -> Answer:
    """psc in-process."""
    from psc.cli.app import app

    result = CliRunner().invoke(app, ["--root", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def command(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "psc", "--root", str(root), *args]


def environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PSC_NO_CACHE"}


def process(root: Path, *args: str) -> Answer:
    """psc as a process of its own, from the current directory."""
    done = subprocess.run(
        command(root, *args), capture_output=True, text=True, timeout=120, env=environment()
    )
    return done.returncode, done.stdout, done.stderr


def start(root: Path, *args: str) -> subprocess.Popen[str]:
    """psc started as a process of its own, not waited for (see `answers`)."""
    return subprocess.Popen(
        command(root, *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
    )


def answers(procs: list[subprocess.Popen[str]]) -> list[Answer]:
    """What each started process answered, once all of them ended."""
    outputs = [p.communicate(timeout=120) for p in procs]
    return [(p.returncode, out, err) for p, (out, err) in zip(procs, outputs, strict=True)]


def direct(root: Path, *args: str) -> Answer:
    """The answer read from every file."""
    return cli(root, *args, "--no-cache")


def tables(path: Path) -> set[str]:
    """The tables of the SQLite database at `path` (which must be one: its header says so,
    and SQLite finds it intact)."""
    assert path.is_file(), f"no {DATABASE} (the index is not the SQLite database yet?)"
    assert path.read_bytes()[:16] == SQLITE_HEADER, f"{DATABASE} is not a SQLite database"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        found = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    conn.close()
    return found


def settle(path: Path) -> None:
    """Move what a write-ahead log holds into the database file itself (a finished psc
    process may leave index.sqlite3-wal behind), so that the file alone is the database."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()  # the last connection: SQLite removes -wal and -shm
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{path}{suffix}").exists()


def assert_same_answers(root: Path, reports: list[list[str]] = REPORTS) -> None:
    for args in reports:
        assert cli(root, *args) == direct(root, *args), args


# ---------------------------------------------------------------------- (a) corrupt


def garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def garbage_after_header(path: Path) -> None:
    path.write_bytes(SQLITE_HEADER + b"\x10\x00\x01\x01" + b"\xff" * 8000)


def empty(path: Path) -> None:
    path.write_bytes(b"")


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: max(len(data) // 2, 100)])


def zeroed_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = bytes(min(4096, len(data) - middle))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "corrupt, noticed_on_opening",
    [
        (garbage, True),
        (garbage_after_header, True),
        (empty, True),
        (truncated, True),
        (zeroed_middle, False),
    ],
    ids=["garbage", "garbage_after_header", "empty", "truncated", "zeroed_middle"],
)
def test_a_corrupt_database_is_rebuilt_silently(archive: Path, corrupt, noticed_on_opening):
    """Needs the SQLite index: on the JSON cache there is no index.sqlite3 to corrupt.
    A page zeroed inside the file may lie where no report reads: the answers must be right,
    the file need not be rebuilt then."""
    expected = direct(archive, *REPORT)
    assert expected[0] == 0 and expected[2] == "", expected[2]
    assert process(archive, *REPORT) == expected  # a real process: the database as psc leaves it
    tables(archive / DATABASE)
    settle(archive / DATABASE)  # the damage then reaches the tables, not only the first page
    corrupt(archive / DATABASE)
    assert cli(archive, *REPORT) == expected  # no warning: the cache is no business of the user's
    assert_same_answers(archive, REPORTS[1:3])
    assert cli(archive, *REPORT) == expected
    if noticed_on_opening:
        assert tables(archive / DATABASE), "the database was not rebuilt"
    else:
        path = archive / "meetings" / "2000-01-12.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
        assert_same_answers(archive, REPORTS[:4])


# ---------------------------------------------------------------------- (b) foreign


FOREIGN = {
    "one table x": "CREATE TABLE x (a INTEGER); INSERT INTO x VALUES (1), (2);",
    "names psc might use, other columns": (
        "CREATE TABLE meta (key TEXT, value TEXT);"
        "INSERT INTO meta VALUES ('schema', '1'), ('key', 'someone else''s');"
        "CREATE TABLE files (path TEXT);"
        "INSERT INTO files VALUES ('meetings/2000-01-05.yaml');"
        "CREATE TABLE meetings (x);"
        "CREATE TABLE tasks (y);"
    ),
    "a newer schema": (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('schema', '999'), ('key', '{}');"
        "CREATE TABLE files (name TEXT PRIMARY KEY, blob BLOB);"
    ),
}


@pytest.mark.parametrize("schema", list(FOREIGN), ids=list(FOREIGN))
def test_a_foreign_database_is_replaced(archive: Path, schema: str):
    """Needs the SQLite index: the JSON cache leaves index.sqlite3 alone."""
    path = archive / DATABASE
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.executescript(FOREIGN[schema])
    conn.commit()
    conn.close()
    foreign = tables(path)
    expected = direct(archive, *REPORT)
    assert cli(archive, *REPORT) == expected
    assert_same_answers(archive, REPORTS[2:3])
    assert cli(archive, *REPORT) == expected
    assert tables(path) - foreign, f"psc's index is not in {DATABASE}"
    if schema == "one table x":
        assert "x" not in tables(path), "the foreign table is still there"


def table_sql(path: Path) -> dict[str, str]:
    """The tables and indexes of the SQLite database at `path`, with their SQL."""
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
    finally:
        conn.close()


def test_a_damaged_table_is_repaired(tmp_path: Path, archive: Path):
    """psc's own database with one of its tables replaced by one of other columns (as a
    development build or a hand edit might leave it): answers stay right, and the database
    is psc's again. Needs the SQLite index."""
    expected = direct(archive, *REPORT)
    assert process(archive, *REPORT) == expected  # the index, by a process now ended
    settle(archive / DATABASE)
    good = (archive / DATABASE).read_bytes()
    own = table_sql(archive / DATABASE)
    assert {name for name, sql in own.items() if sql.startswith("CREATE TABLE")}
    unrepaired = []
    for name, sql in own.items():
        if not sql.startswith("CREATE TABLE"):
            continue
        copy = tmp_path / f"damaged-{name}"  # a copy of the repository: no psc has it open
        shutil.copytree(archive, copy, ignore=shutil.ignore_patterns(".psc-cache"))
        (copy / DATABASE).parent.mkdir()
        (copy / DATABASE).write_bytes(good)
        conn = sqlite3.connect(copy / DATABASE)
        conn.executescript(f'DROP TABLE "{name}"; CREATE TABLE "{name}" (x);')
        conn.close()
        assert cli(copy, *REPORT) == expected, name
        assert cli(copy, *REPORT) == expected, name
        if table_sql(copy / DATABASE) != own:
            unrepaired.append(name)
    assert unrepaired == []


# ---------------------------------------------------------------------- (c) processes


def test_processes_started_at_once_on_a_cold_cache(archive: Path):
    """Four processes fill the cache at the same moment: all answer, all alike."""
    expected = direct(archive, *REPORT)
    assert answers([start(archive, *REPORT) for _ in range(4)]) == [expected] * 4
    assert cli(archive, *REPORT) == expected  # and the index they left answers too


def test_reports_read_while_another_process_writes(archive: Path):
    """With every file changed, one process re-indexes the archive while others report."""
    process(archive, *REPORT)  # the index, warm
    for path in sorted((archive / "meetings").glob("*.yaml"))[::2]:
        text = path.read_text(encoding="utf-8").replace("status: done", "status: cancelled")
        path.write_text(text + "# changed\n", encoding="utf-8")
    readers = REPORTS[1:4]
    expected = [direct(archive, *REPORT)] + [direct(archive, *args) for args in readers]
    assert answers([start(archive, *args) for args in [REPORT, *readers]]) == expected
    assert cli(archive, *REPORT) == expected[0]


def test_a_report_while_a_write_transaction_is_open(archive: Path):
    """A process in the middle of writing the index (here: this test, holding a write
    transaction) does not keep another from answering. On the JSON cache the database
    is just a file psc does not read."""
    reports = [REPORT, REPORTS[2]]
    expected = [direct(archive, *args) for args in reports]
    assert process(archive, *REPORT) == expected[0]  # the index, by a process now ended
    writer = sqlite3.connect(archive / DATABASE, isolation_level=None, timeout=1)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("CREATE TABLE psc_test_pending (a)")
        writer.execute("INSERT INTO psc_test_pending VALUES (1)")
        for args, answer in zip(reports, expected, strict=True):
            assert process(archive, *args) == answer, args
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert cli(archive, *REPORT) == expected[0]


@pytest.mark.parametrize("begin", ["BEGIN IMMEDIATE", "BEGIN EXCLUSIVE"])
def test_a_command_that_writes_the_index_while_another_holds_it(archive: Path, begin: str):
    """Another process holds the database's write transaction while a command would write
    the index (a meeting changed): the command waits only a moment, then answers from the
    files, right, and leaves the index as it is (the next command brings it up to date)."""
    assert cli(archive, *REPORT) == direct(archive, *REPORT)  # the index, warm
    path = archive / "meetings" / "2000-01-05.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    expected = [direct(archive, *args) for args in REPORTS]
    holder = sqlite3.connect(archive / DATABASE, isolation_level=None, timeout=1)
    try:
        holder.execute(begin)
        holder.execute("INSERT INTO meta VALUES ('psc_test_pending', '1')")
        assert [cli(archive, *args) for args in REPORTS] == expected
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [cli(archive, *args) for args in REPORTS] == expected


def test_the_index_waits_only_a_moment_for_another_process(archive: Path):
    """The busy timeout of every connection psc opens to the index is a moment (a command
    never waits the seconds another process may hold the database)."""
    from psc.archive import cache

    assert cli(archive, *REPORT) == direct(archive, *REPORT)
    opened = cache.connect(archive / DATABASE, "key", create=False)
    assert opened is not None
    conn, _ = opened
    try:
        assert 0 < conn.execute("PRAGMA busy_timeout").fetchone()[0] <= 200
    finally:
        conn.close()
    assert 0 < cache.BUSY_TIMEOUT <= 0.2


# ---------------------------------------------------------------------- (d) racy edit


def test_an_edit_of_the_same_size_within_the_same_second_is_seen(archive: Path):
    """The file changes right after the index was written, keeps its size, and gets its
    old mtime back (as an editor or a checkout within one timestamp tick may leave it):
    the index still tells, by the content."""
    path = archive / "meetings" / "2000-01-05.yaml"
    now = time.time_ns()
    os.utime(path, ns=(now, now))  # changed just now: the index is written right after
    before = cli(archive, *REPORT)
    assert before == direct(archive, *REPORT)
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    deadline = next(line for line in text.splitlines() if line.startswith("    deadline: 2000-"))
    changed = text.replace(deadline, deadline.replace("2000-", "2099-"), 1)
    assert changed != text and len(changed.encode()) == len(text.encode())
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    after = cli(archive, *REPORT)
    assert after == direct(archive, *REPORT)
    assert after != before
    assert "2099-" in after[1]


# ---------------------------------------------------------------------- (e) moved


def test_a_moved_repository_answers_with_its_new_paths(tmp_path: Path, archive: Path):
    """The repository is copied elsewhere with its cache, and the original then changed:
    nothing the copy answers comes from the original's files."""
    assert process(archive, *REPORT)[0] == 0  # the index, by a process now ended
    moved = tmp_path / "moved"
    shutil.copytree(archive, moved)  # mtimes kept: the copied index is still current
    for path in (archive / "meetings").glob("*.yaml"):  # the original changes behind it
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("jednání", "JEDNÁNÍ").replace("status: done", "status: cancelled"),
            encoding="utf-8",
        )
    assert_same_answers(
        moved,
        [
            REPORT,
            ["decisions", "--format", "json", "--as-of", AS_OF],
            ["export", "ics", "--as-of", "2000-01-01"],  # reads meetings by their paths
            ["tasks", "show", "2000-01-05/1", "--as-of", AS_OF],
        ],
    )
    rendered = {}
    for name, extra in (("cached", []), ("direct", ["--no-cache"])):
        out = tmp_path / f"rendered-{name}"
        code, _, _ = cli(moved, "render", "--all", "--format", "md", "-o", str(out), *extra)
        assert code == 0
        rendered[name] = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}
    assert rendered["cached"] == rendered["direct"] and rendered["cached"]
    assert "JEDNÁNÍ" not in str(rendered["cached"])
    # A problem across files names both; the file named as the other one is served from
    # the index, with its path in the moved repository.
    later = moved / "meetings" / "2000-02-23.yaml"
    text = later.read_text(encoding="utf-8")
    later.write_text(
        text.replace(
            "\ntasks:\n",
            '\ntasks:\n  - text: "Znovu"\n    id: 2000-01-05/1\n    deadline: ongoing\n',
            1,
        ),
        encoding="utf-8",
    )
    for args in (REPORT, ["validate"]):
        answer = cli(moved, *args)
        assert answer == direct(moved, *args), args
        assert "moved/meetings/2000-01-05.yaml" in answer[2], answer[2]
        assert "minutes/" not in answer[2], answer[2]


# ---------------------------------------------------------------------- (f) git


def test_the_database_is_ignored_by_git(archive: Path, tmp_path: Path):
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    env = {
        **environment(),
        "HOME": str(tmp_path),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }

    def run_git(*args: str) -> str:
        return subprocess.run(
            [git, *args], cwd=archive, env=env, capture_output=True, text=True, check=True
        ).stdout

    run_git("init", "-q")
    assert cli(archive, *REPORT)[0] == 0
    assert (archive / ".psc-cache" / ".gitignore").read_text(encoding="utf-8").strip() == "*"
    assert (archive / DATABASE).is_file(), f"no {DATABASE}"
    run_git("check-ignore", "-q", str(DATABASE))  # exit 0: ignored
    status = run_git("status", "--porcelain", "--untracked-files=all")
    assert "group.yaml" in status and ".psc-cache" not in status, status
    run_git("add", "-A")
    staged = run_git("diff", "--cached", "--name-only")
    assert "meetings/2000-01-05.yaml" in staged and ".psc-cache" not in staged, staged
