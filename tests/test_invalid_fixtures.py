"""The corpus of invalid meeting files: each must fail `psc validate` with exactly the
expected `path:line:col: error:` lines (and the `ok-*` oddities must pass)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from psc.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures" / "invalid"
EXPECTED_FILE = FIXTURES / "expected.txt"
GROUP_FILE = Path(__file__).parents[1] / "group.yaml"
SHOWN = "meetings/2016-09-07.yaml"
PROBLEM_LINE = re.compile(r"^\S.*:\d+:\d+: error: ")


def _expected() -> dict[str, list[str]]:
    """Case file name -> its expected lines (after the path prefix), or ['ok']."""
    table: dict[str, list[str]] = {}
    for number, raw in enumerate(EXPECTED_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        name, sep, rest = raw.partition(": ")
        assert sep and name.endswith(".yaml") and rest, (
            f"expected.txt:{number}: malformed line {raw!r}"
        )
        table.setdefault(name, []).append(rest)
    return table


EXPECTED = _expected()
CASES = sorted(p.name for p in FIXTURES.glob("*.yaml"))


def test_every_case_has_expected_lines_and_every_line_a_case() -> None:
    assert CASES, f"no fixtures in {FIXTURES}"
    without_lines = [name for name in CASES if name not in EXPECTED]
    without_file = sorted(name for name in EXPECTED if name not in CASES)
    assert not without_lines, f"fixtures missing from expected.txt: {without_lines}"
    assert not without_file, f"expected.txt names fixtures that do not exist: {without_file}"
    for name, lines in EXPECTED.items():
        assert lines == ["ok"] or "ok" not in lines, f"{name}: 'ok' mixed with error lines"
        assert len(lines) == len(set(lines)), f"{name}: duplicate expected lines"


@pytest.mark.parametrize("case", CASES)
def test_invalid_fixture(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copyfile(GROUP_FILE, tmp_path / "group.yaml")
    (tmp_path / "meetings").mkdir()
    (tmp_path / "meetings" / "2016-09-07.yaml").write_bytes((FIXTURES / case).read_bytes())
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(app, ["--root", str(tmp_path), "validate"])

    output = result.output
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{result.exception!r}\n{output}"
    )
    expected = EXPECTED.get(case, [])
    ok = expected == ["ok"]
    assert result.exit_code == (0 if ok else 1), output
    printed = {line for line in output.splitlines() if PROBLEM_LINE.match(line)}
    wanted = set() if ok else {f"{SHOWN}:{line}" for line in expected}
    assert printed == wanted, output


@pytest.mark.parametrize("case", CASES)
def test_same_verdict_without_libyaml(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyYAML's pure-Python parser gives the same verdict at the same positions as libyaml's."""
    import yaml

    import psc.loading.yamlfile
    from psc.archive.project import Project
    from psc.errors import InvalidData

    shutil.copyfile(GROUP_FILE, tmp_path / "group.yaml")
    (tmp_path / "meetings").mkdir()
    (tmp_path / "meetings" / "2016-09-07.yaml").write_bytes((FIXTURES / case).read_bytes())
    monkeypatch.chdir(tmp_path)

    def verdict() -> set[tuple[int, int, str]]:
        try:
            Project(tmp_path, use_cache=False).index()
        except InvalidData as exc:
            return {(p.line, p.col, p.field) for p in exc.problems}
        return set()

    with_libyaml = verdict()
    monkeypatch.setattr(psc.loading.yamlfile, "_Loader", yaml.SafeLoader)
    assert verdict() == with_libyaml
