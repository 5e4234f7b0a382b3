from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

os.environ["PSC_LANG"] = "en"
"""The suite reads psc's messages in the code's language, English, whatever the group's
language or the locale (tests/test_messages.py checks each language and the choice)."""

REPO = Path(__file__).resolve().parents[1]
SEED = Path(__file__).parent / "fixtures" / "seed-2016-09-07.txt"
"""A copy of ../shared/seed/000_7d4f03c7bf7dc998.txt: the original minutes of the 1st meeting."""

REAL = REPO / "tests" / "fixtures" / "real"
SAMPLE_SEED = int(os.environ.get("PSC_SAMPLE_SEED", "22"))
REAL_BUDGET = int(os.environ.get("PSC_REAL_BUDGET", "13"))
"""How many real fixtures the matrices that run whole commands per archive take (test_matrix,
the Word redline, the scaffold): a fixed sample within a fixed budget, so that the suite's time
does not grow with the corpus. PSC_SAMPLE_SEED draws another sample; PSC_REAL_BUDGET=0 takes
every fixture. Tests of the corpus itself (validation, rendering, import, recall) take all."""


def real_fixtures() -> list[str]:
    """Every fixture of tests/fixtures/real/ (a directory with a group file), by name."""
    return sorted(d.name for d in REAL.iterdir() if (d / "group.yaml").is_file())


def real_sample() -> list[str]:
    """REAL_BUDGET real fixtures: every one kept as its original document (source.pdf, .odt,
    .html: the readers differ), then a draw with SAMPLE_SEED from the rest, in name order."""
    names = real_fixtures()
    if REAL_BUDGET <= 0 or REAL_BUDGET >= len(names):
        return names
    originals = [n for n in names if any(p.suffix != ".txt" for p in (REAL / n).glob("source.*"))]
    rest = [n for n in names if n not in originals]
    drawn = random.Random(SAMPLE_SEED).sample(rest, max(0, REAL_BUDGET - len(originals)))
    return sorted(originals[:REAL_BUDGET] + drawn)


def pytest_report_header(config: pytest.Config) -> str:
    sample = real_sample()
    return (
        f"real fixtures in the command matrices: {len(sample)} of {len(real_fixtures())} "
        f"(PSC_SAMPLE_SEED={SAMPLE_SEED}, PSC_REAL_BUDGET={REAL_BUDGET}): {', '.join(sample)}"
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's own minutes repository (group file and meetings), as cwd."""
    root = tmp_path / "minutes-repo"
    root.mkdir()
    shutil.copy(REPO / "group.yaml", root / "group.yaml")
    shutil.copytree(REPO / "meetings", root / "meetings")
    monkeypatch.chdir(root)
    return root


def _make_commands_once() -> None:
    """Typer's CliRunner makes the Click command of the application again on every invocation
    (inspecting the signature and type hints of every command): that was most of the suite's
    time. The application does not change while the tests run, so it is made once per app."""
    import typer.testing

    real = getattr(typer.testing, "_get_command", None)  # Typer's own name for it
    if real is None:  # another Typer: each invocation makes it, slower, as right
        return
    made: dict[int, object] = {}

    def get_command(app: object) -> object:
        if id(app) not in made:
            made[id(app)] = real(app)
        return made[id(app)]

    typer.testing._get_command = get_command  # type: ignore[attr-defined]


_make_commands_once()


@pytest.fixture
def speaking(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """No language pinned by the suite (PSC_LANG): the group's language, or the locale
    outside a repository, decides what psc speaks."""
    from psc import messages

    monkeypatch.delenv("PSC_LANG", raising=False)
    messages.reset()
    yield
    messages.reset()


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
