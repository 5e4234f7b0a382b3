from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SEED = Path(__file__).parent / "fixtures" / "seed-2016-09-07.txt"
"""A copy of ../shared/seed/000_7d4f03c7bf7dc998.txt: the original minutes of the 1st meeting."""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's own minutes repository (group file and meetings), as cwd."""
    root = tmp_path / "minutes-repo"
    root.mkdir()
    shutil.copy(REPO / "group.yaml", root / "group.yaml")
    shutil.copytree(REPO / "meetings", root / "meetings")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str):
    """Invoke psc in-process; psc must never let an exception escape."""
    from psc.cli.app import app

    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def refingerprint(root: Path) -> None:
    """After a test changed the seed's content, record the new content's fingerprint, as if
    the change had been approved, so the test checks what it means to."""
    from psc.loading import pipeline, validate
    from psc.loading.fingerprint import approval_date, fingerprint

    path = root / "meetings" / "2016-09-07.yaml"
    data, pos = pipeline.load_yaml(path)
    meeting = validate.parse_meeting(data, pos, path)
    new = fingerprint(meeting, approval_date(meeting))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(
            f"  fingerprint: {new}\n" if line.startswith("  fingerprint: ") else line
            for line in lines
        ),
        encoding="utf-8",
    )


INDEX = Path(".psc-cache") / "index.sqlite3"
"""The index database of a repository (psc.archive.cache)."""


def index_sql(root: Path, sql: str, *params: object) -> list[tuple]:
    """Rows of a query on the repository's index database (a test looking inside it)."""
    import sqlite3

    conn = sqlite3.connect(root / INDEX)
    try:
        with conn:
            return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def index_names(root: Path) -> list[str]:
    """The files whose summaries the index holds, by name."""
    return [r[0] for r in index_sql(root, "SELECT name FROM files ORDER BY name")]


def index_text(root: Path) -> str:
    """Everything the index database holds, as SQL text."""
    import sqlite3

    conn = sqlite3.connect(root / INDEX)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def load_generator():  # type: ignore[no-untyped-def]
    """benchmarks/generate.py as a module (it is a script, not part of the package): the
    generator of synthetic archives, for tests over random archives."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "psc_bench_generate", REPO / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
