"""Each real fixture's minutes imported into a fresh repository, once per test process.

Three tests measure the same imports of tests/fixtures/real/: no word lost
(test_import.py), the structure recalled (test_import_recall.py) and the sentences rendered in
order (test_import_sentences.py). Each source is imported here once, as a new user would
(`psc init` with the fixture's language, `psc import`, `--date` only where the minutes do not
say when they met), validated and rendered as Markdown, and the result is kept for the
process. The tests that read it are one xdist group (CORPUS_GROUP; the suite runs with
`--dist loadgroup`), so one worker makes each import once instead of each test making its own.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import run
from typer.testing import CliRunner

REAL = Path(__file__).parent / "fixtures" / "real"
CORPUS = sorted(p.name for p in REAL.iterdir() if p.is_dir()) if REAL.is_dir() else []
CORPUS_GROUP = pytest.mark.xdist_group("corpus-import")

BINARY = (".docx", ".odt", ".pdf", ".html")
"""A fixture taken from a file of one of these formats keeps it as source.<ext>: that file is
imported (the reader of its format, its quirks included), not the text in source.txt."""


def original(name: str) -> Path:
    """The file of the fixture that a user would import: the original when the fixture keeps
    one, else source.txt."""
    fixture = REAL / name
    originals = [fixture / f"source{suffix}" for suffix in BINARY]
    return next((path for path in originals if path.exists()), fixture / "source.txt")


@dataclass(frozen=True)
class Imported:
    """One source imported into a fresh repository."""

    file: str
    """The meeting file's name (its date may differ from the hand-written one's)."""
    text: str
    """The meeting file psc import wrote."""
    report: str
    """What psc import printed on stderr (what became what)."""
    invalid: str
    """psc validate's output when the repository did not validate, else empty."""
    markdown: str
    """The meeting rendered as Markdown, as a new repository's templates word it."""


_MADE: dict[Path, Imported] = {}


def imported(name: str, source: Path | None = None) -> Imported:
    """The fixture `name`'s `source` (by default its `original`) imported, validated and
    rendered in a fresh repository; made once per process."""
    source = source or original(name)
    if source not in _MADE:
        _MADE[source] = _import(name, source)
    return _MADE[source]


def _import(name: str, source: Path) -> Imported:
    fixture = REAL / name
    runner = CliRunner()
    language = (yaml.safe_load((fixture / "group.yaml").read_text(encoding="utf-8")) or {}).get(
        "language", "cs"
    )
    home = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="psc-corpus-") as temporary:
        root = Path(temporary) / "fresh"
        result = run(
            runner, "init", str(root), "--name", "Body", "--short", "B", "--lang", language
        )
        assert result.exit_code == 0, result.output
        os.chdir(root)
        try:
            result = run(runner, "import", str(source))
            if result.exit_code != 0 and "no meeting date found" in result.stderr:
                # the minutes do not say when the meeting was (the fixture knows it from its page)
                day = next((fixture / "meetings").glob("*.yaml")).stem[:10]
                result = run(runner, "import", str(source), "--date", day)
            assert result.exit_code == 0, result.output
            path = next((root / "meetings").glob("*.yaml"))
            validated = run(runner, "validate")
            rendered = run(runner, "render", path.stem, "--format", "md", "-o", "-", "--no-cache")
            assert rendered.exit_code == 0, rendered.output
            return Imported(
                file=path.name,
                text=path.read_text(encoding="utf-8"),
                report=result.stderr,
                invalid=validated.output if validated.exit_code else "",
                markdown=rendered.stdout,
            )
        finally:
            os.chdir(home)
