"""The cache of validated meetings: never stale, never trusted when broken."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import INDEX, index_names, index_sql, refingerprint, run


def overdue_ids(runner, *extra: str) -> list[str]:
    result = run(runner, "tasks", "--overdue", "--as-of", "2016-11-16", "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return [r["id"] for r in json.loads(result.stdout)]


def test_first_run_fills_the_cache_and_the_second_uses_it(repo, runner, monkeypatch):
    assert overdue_ids(runner) == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]
    assert index_names(repo) == ["meetings/2016-09-07.yaml"]
    assert (repo / ".psc-cache" / ".gitignore").read_text() == "*\n"
    import psc.loading.pipeline

    def no_parsing(*args, **kwargs):
        raise AssertionError("a cached, unchanged file was parsed again")

    monkeypatch.setattr(psc.loading.pipeline, "load_meeting", no_parsing)
    assert overdue_ids(runner) == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]


def test_an_edited_file_is_never_served_stale(repo, runner):
    overdue_ids(runner)
    path = repo / "meetings" / "2016-09-07.yaml"
    stat = path.stat()
    text = path.read_text(encoding="utf-8").replace("deadline: 2016-11-01", "deadline: 2016-11-30")
    path.write_text(text, encoding="utf-8")
    refingerprint(repo)
    assert overdue_ids(runner) == ["2016-09-07/4", "2016-09-07/5"]
    # the same size and the very same mtime as before: the content hash still tells
    text = path.read_text(encoding="utf-8").replace("deadline: 2016-11-30", "deadline: 2016-11-02")
    path.write_text(text, encoding="utf-8")
    refingerprint(repo)
    os.utime(path, ns=(stat.st_atime_ns, path.stat().st_mtime_ns))
    assert overdue_ids(runner) == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]


def test_an_edit_long_after_the_cache_was_written(repo, runner):
    """A file last changed long before the cache was written is trusted by size and mtime;
    editing it changes them."""
    path = repo / "meetings" / "2016-09-07.yaml"
    old = path.stat()
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns - 10**11))  # 100 s ago
    overdue_ids(runner)
    text = path.read_text(encoding="utf-8").replace("deadline: 2016-11-01", "deadline: 2016-11-30")
    path.write_text(text, encoding="utf-8")
    refingerprint(repo)
    assert overdue_ids(runner) == ["2016-09-07/4", "2016-09-07/5"]


def test_a_touched_but_unchanged_file_gives_the_same_answer(repo, runner):
    first = overdue_ids(runner)
    path = repo / "meetings" / "2016-09-07.yaml"
    os.utime(path)
    assert overdue_ids(runner) == first


def test_a_corrupt_cache_is_rebuilt(repo, runner):
    overdue_ids(runner)
    for junk in (
        b"\x00\xff not a database",
        b"SQLite format 3\x00" + b"\xff" * 200,
        b"[]",
        b"",
    ):
        for extra in (".psc-cache/index.sqlite3-wal", ".psc-cache/index.sqlite3-shm"):
            (repo / extra).unlink(missing_ok=True)
        (repo / INDEX).write_bytes(junk)
        assert overdue_ids(runner) == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]
        assert index_names(repo) == ["meetings/2016-09-07.yaml"]


def test_a_tampered_entry_is_not_trusted_beyond_its_shape(repo, runner):
    overdue_ids(runner)
    (summary,) = index_sql(repo, "SELECT summary FROM files")[0]
    data = json.loads(summary)
    data["tasks"] = "not a list"
    index_sql(repo, "UPDATE files SET summary = ?", json.dumps(data))
    index_sql(repo, "DELETE FROM derived_files")  # the report must read the summaries
    assert overdue_ids(runner) == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]


def test_a_version_change_invalidates_the_cache(repo, runner, monkeypatch):
    overdue_ids(runner)
    (summary,) = index_sql(repo, "SELECT summary FROM files")[0]
    data = json.loads(summary)
    data["tasks"] = []  # what an older psc might have stored
    index_sql(repo, "UPDATE files SET summary = ?", json.dumps(data))
    index_sql(repo, "DELETE FROM task_states")
    import psc.archive.cache

    monkeypatch.setattr(psc.archive.cache, "__version__", "99.0")
    assert overdue_ids(runner) == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]
    (key,) = index_sql(repo, "SELECT value FROM meta WHERE key = 'key'")[0]
    assert json.loads(key)["psc"] == "99.0"


def test_a_group_change_invalidates_the_cache(repo, runner):
    overdue_ids(runner)
    group = repo / "group.yaml"
    group.write_text(
        group.read_text(encoding="utf-8").replace("  MPSV: ", "  MPSX: "), encoding="utf-8"
    )
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert "unknown organisation 'MPSV'" in result.stderr


def test_no_cache_reads_everything_and_writes_no_cache(repo, runner):
    assert overdue_ids(runner, "--no-cache") == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]
    assert not (repo / ".psc-cache").exists()
    for args in (
        ["validate", "--no-cache"],
        ["list", "--no-cache"],
        ["render", "--all", "--no-cache"],
    ):
        assert run(runner, *args).exit_code == 0
    assert not (repo / ".psc-cache").exists()


def test_invalid_files_are_never_cached(repo, runner):
    path = repo / "meetings" / "2016-09-07.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: 1.", "titel: 1.", 1), encoding="utf-8"
    )
    for _ in range(2):
        result = run(runner, "validate")
        assert result.exit_code == 1 and "unknown key 'titel'" in result.stderr


def test_two_processes_at_once(repo):
    """Two psc processes filling the cache at the same moment both answer correctly."""
    for i in range(30):
        (repo / "meetings" / f"2015-{1 + i // 28:02d}-{1 + i % 28:02d}.yaml").write_text(
            f"number: {i + 1}\ntitle: J {i}\ndate: 2015-{1 + i // 28:02d}-{1 + i % 28:02d}\n"
            f"tasks:\n  - text: Úkol {i}\n    deadline: 2015-06-01\n",
            encoding="utf-8",
        )
    cmd = [
        sys.executable,
        "-m",
        "psc",
        "--root",
        str(repo),
        "tasks",
        "--overdue",
        "--as-of",
        "2016-11-16",
        "--format",
        "json",
    ]
    procs = [
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for (out, err), p in zip(outputs, procs, strict=True):
        assert p.returncode == 0, err
        assert len(json.loads(out)) == 33
    assert not list((repo / ".psc-cache").glob("*.tmp"))
    assert len(index_names(repo)) == 31


def test_many_files_are_checked_in_parallel_with_the_same_verdicts(repo, runner, monkeypatch):
    """Forked workers (used from PARALLEL_FROM files on) give what one process gives."""
    import psc.archive.index

    for i in range(12):
        day = f"2015-01-{i + 1:02d}"
        body = f"number: {i + 1}\ntitle: J {i}\ndate: {day}\ntasks:\n  - text: Úkol {i}\n    deadline: 2015-06-01\n"
        if i == 5:
            body = body.replace("title:", "titel:")
        (repo / "meetings" / f"{day}.yaml").write_text(body, encoding="utf-8")
    sequential = run(runner, "validate", "--no-cache")
    monkeypatch.setattr(psc.archive.index, "PARALLEL_FROM", 2)
    parallel = run(runner, "validate", "--no-cache")
    assert parallel.exit_code == sequential.exit_code == 1
    assert parallel.stderr == sequential.stderr
    assert "meetings/2015-01-06.yaml:2:1: error: titel: unknown key 'titel'" in parallel.stderr
    path = repo / "meetings" / "2015-01-06.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel:", "title:"), encoding="utf-8")
    assert overdue_ids(runner)[:3] == ["2015-01-01/1", "2015-01-02/1", "2015-01-03/1"]
    assert len(index_names(repo)) == 13


def _edit_keeping_size_and_mtime(path, old: str, new: str, *, approve: bool, root) -> None:
    """Change `old` to `new` (same length) in `path`, then put its size and mtime back as
    `touch -d`, `cp -p` or `rsync -a` would: only its ctime (and maybe inode) tells."""
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old) == len(new)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if approve:
        refingerprint(root)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)


def _long_ago(path) -> None:
    """The file last modified 100 s ago: well outside the racy window, trusted by its stamp."""
    old = path.stat()
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns - 10**11))


def test_a_same_size_edit_with_its_mtime_put_back_is_seen_by_reports(repo, runner):
    path = repo / "meetings" / "2016-09-07.yaml"
    refingerprint(repo)  # a fingerprint of today's length: the edit below keeps the size
    _long_ago(path)
    assert overdue_ids(runner) == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]
    assert overdue_ids(runner) == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]  # tables
    _edit_keeping_size_and_mtime(
        path, "deadline: 2016-11-01", "deadline: 2016-11-30", approve=True, root=repo
    )
    assert overdue_ids(runner, "--no-cache") == ["2016-09-07/4", "2016-09-07/5"]
    assert overdue_ids(runner) == ["2016-09-07/4", "2016-09-07/5"]


def test_a_same_size_edit_of_approved_minutes_with_its_mtime_put_back_fails_validate(repo, runner):
    path = repo / "meetings" / "2016-09-07.yaml"
    _long_ago(path)
    assert run(runner, "validate").exit_code == 0
    assert run(runner, "validate").exit_code == 0  # as found valid: answered by the index
    _edit_keeping_size_and_mtime(
        path, "deadline: 2016-11-01", "deadline: 2016-11-30", approve=False, root=repo
    )
    direct = run(runner, "validate", "--no-cache")
    assert direct.exit_code == 1 and "fingerprint" in direct.output
    cached = run(runner, "validate")
    assert (cached.exit_code, cached.output) == (direct.exit_code, direct.output)
