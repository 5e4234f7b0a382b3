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
    from psc.loading.fingerprint import fingerprint

    path = root / "meetings" / "2016-09-07.yaml"
    data, pos = pipeline.load_yaml(path)
    new = fingerprint(validate.parse_meeting(data, pos, path))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(
            f"  fingerprint: {new}\n" if line.startswith("  fingerprint: ") else line
            for line in lines
        ),
        encoding="utf-8",
    )
