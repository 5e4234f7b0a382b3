"""Issue 22, item 4: `psc import DIR` (or several files) imports a whole archive at once.

One meeting per document, numbered and named in date order (continuing the archive's
numbering; a second document of a day gets the name of a second meeting that day), a summary
table of what was recognised in each file, each file that fails named with its reason (and
nothing written for it) while the others are imported, files of another format listed as
skipped, hidden ones ignored; --dry-run writes nothing. The sources are real published
minutes (tests/fixtures/real/*/source.txt)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SEED, run

REAL = Path(__file__).parent / "fixtures" / "real"
DATED = {  # fixture → (the date its minutes give, the number they state)
    "senat-prf-uk-2007-10": ("2007-10-26", None),
    "en-m25-steering-group-2008-03": ("2008-03-12", None),
    "obec-uholicky-kontrolni-vybor-2014-11": ("2014-11-25", None),
}
UNDATED = "obec-koclirov-zastupitelstvo-2008-11"  # its minutes give no date psc finds


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This repository's layout (its group.yaml, numbering its meetings), empty, as cwd."""
    root = tmp_path / "archive"
    (root / "meetings").mkdir(parents=True)
    shutil.copy(REPO / "group.yaml", root / "group.yaml")
    monkeypatch.chdir(root)
    return root


def _source(folder: Path, fixture: str, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copy(REAL / fixture / "source.txt", target)
    return target


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """Three real minutes (one in a subfolder), one without a date, one not UTF-8, a PDF
    that is only its header, a file of a format psc does not read, and a hidden folder with
    minutes in it."""
    folder = tmp_path / "old minutes"
    _source(folder, "senat-prf-uk-2007-10", "senat.txt")
    _source(folder, "en-m25-steering-group-2008-03", "m25.txt")
    _source(folder / "2014", "obec-uholicky-kontrolni-vybor-2014-11", "kontrolni-vybor.md")
    _source(folder, UNDATED, "koclirov.txt")
    (folder / "broken.txt").write_bytes("Zápis".encode("utf-16"))
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "notes.rtf").write_bytes(b"{\\rtf1 Z\\'e1pis}")
    _source(folder / ".old", "senat-prf-uk-2007-10", "senat.txt")
    return folder


def _meetings(root: Path) -> dict[str, dict]:
    return {
        p.name: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((root / "meetings").glob("*.yaml"))
    }


def test_a_folder_imports_as_a_valid_archive_naming_each_file_that_failed(archive, sources, runner):
    result = run(runner, "import", str(sources))
    assert result.exit_code == 1, result.output
    written = _meetings(archive)
    assert sorted(written) == [f"{day}.yaml" for day, _ in sorted(DATED.values())]
    assert run(runner, "validate").exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["file", "date"]
    for name, day in (("senat.txt", "2007-10-26"), ("m25.txt", "2008-03-12")):
        assert any(f"/{name}" in line and day in line and "wrote" in line for line in lines)
    assert any("2014/kontrolni-vybor.md" in line and "2014-11-25" in line for line in lines)
    assert any("notes.rtf" in line and "skipped" in line for line in lines)
    assert any("scan.pdf" in line and "failed" in line for line in lines)
    assert not any(".old" in line for line in lines), result.stdout  # hidden: ignored
    errors = result.stderr.splitlines()
    assert any("koclirov.txt: not imported: no meeting date found" in e for e in errors)
    assert any(
        e.endswith("broken.txt: not imported: file is UTF-16; save it as UTF-8") for e in errors
    )
    assert any(
        "notes.rtf: skipped: unsupported format (psc reads .docx, .htm, .html, .md, .odt, .pdf, "
        ".txt)" in e
        for e in errors
    )
    assert any("scan.pdf: not imported: not a PDF psc can read (" in e for e in errors)
    assert errors[-1].startswith("error: imported 3 of 7 files (1 skipped); 3 failed")


def test_the_summary_counts_what_was_recognised_in_each_file(archive, sources, runner):
    result = run(runner, "import", str(sources / "senat.txt"), str(sources / "m25.txt"))
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split() == [
        "file", "date", "no.", "items", "decisions", "tasks", "people", "notes", "result",
        "meeting",
    ]  # fmt: skip
    written = _meetings(archive)
    for row in rows:
        cells = row.split()
        meeting = written[cells[-1]]
        assert cells[-2] == "wrote"
        assert int(cells[-7]) == len(meeting["items"])
        assert int(cells[-8]) == meeting["number"]
    assert result.stderr.splitlines()[-1] == "imported 2 of 2 files"


def test_meetings_are_numbered_in_date_order_continuing_the_archive(archive, sources, runner):
    shutil.copy(REPO / "meetings" / "2016-09-07.yaml", archive / "meetings")  # number 1
    later = _source(sources.parent / "later", "obec-zbilidy-zastupitelstvo-2018-06", "z.txt")
    stated = _source(sources.parent / "later", "skolska-rada-arcig-2007-04", "rada.txt")
    # given newest first: numbered by date all the same
    result = run(runner, "import", str(later), str(stated), str(sources))
    assert result.exit_code == 1, result.output
    numbers = {name: m.get("number") for name, m in _meetings(archive).items()}
    assert numbers == {
        "2007-04-19.yaml": 6,  # its minutes say "6. jednání": kept
        "2007-10-26.yaml": 7,
        "2008-03-12.yaml": 8,
        "2014-11-25.yaml": 9,
        "2016-09-07.yaml": 1,  # the archive's own, untouched
        "2018-06-28.yaml": 2,  # continues after the archive's meeting before it
    }
    assert run(runner, "validate").exit_code == 0


def test_a_second_document_of_a_day_is_the_second_meeting_that_day(archive, tmp_path, runner):
    folder = tmp_path / "same day"
    _source(folder, "en-m25-steering-group-2008-03", "a.txt")
    _source(folder, "en-m25-steering-group-2008-03", "b.txt")
    result = run(runner, "import", str(folder))
    assert result.exit_code == 0, result.output
    assert sorted(_meetings(archive)) == ["2008-03-12-2.yaml", "2008-03-12.yaml"]
    assert any(
        "b.txt" in line and "2008-03-12-2.yaml" in line for line in result.stdout.splitlines()
    )
    assert run(runner, "validate").exit_code == 0
    again = run(runner, "import", str(folder))  # would overwrite both: neither written
    assert again.exit_code == 1
    assert "a.txt: not imported: meetings/2008-03-12.yaml exists already" in again.stderr
    assert "b.txt: not imported: meetings/2008-03-12-2.yaml exists already" in again.stderr
    assert run(runner, "import", str(folder), "--force").exit_code == 0


def test_dry_run_writes_nothing_and_prints_the_summary(archive, sources, runner):
    before = sorted(p.name for p in archive.rglob("*"))
    result = run(runner, "import", str(sources), "--dry-run")
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in archive.rglob("*") if ".psc" not in str(p)) == [
        n for n in before if ".psc" not in n
    ]
    assert _meetings(archive) == {}
    assert result.stdout.count("would write") == 3
    assert (
        result.stderr.splitlines()[-1] == "error: would import 3 of 7 files (1 skipped); 3 failed"
    )
    assert "\x1b" not in result.output  # no progress bar in captured output


def test_one_file_options_are_refused_for_many(archive, sources, runner):
    result = run(runner, "import", str(sources), "--date", "2020-01-01")
    assert result.exit_code == 2
    assert "--date applies to one file" in result.stderr
    assert _meetings(archive) == {}


def test_the_progress_bar_is_drawn_on_a_terminal_only(tmp_path):
    from psc.cli import console

    captured = io.StringIO()
    with console.progress("importing", captured) as advance:
        advance(1, 2, tmp_path / "a.txt")
    assert captured.getvalue() == ""
    forced = io.StringIO()
    with console.progress("importing", forced, force=True) as advance:
        advance(1, 2, tmp_path / "a\x1b[2Jb.txt")
    assert "importing" in forced.getvalue()
    assert "\x1b[2J" not in forced.getvalue()  # a file's name is printed literally


def test_each_source_is_read_once(archive, runner, tmp_path, monkeypatch):
    """A folder's files are read once: the pass that finds their dates hands its blocks to
    the pass that writes (a Word file is parsed once, not twice)."""
    import psc.edits.intake.reading

    folder = tmp_path / "two"
    _source(folder, "senat-prf-uk-2007-10", "senat.txt")
    _source(folder, "en-m25-steering-group-2008-03", "m25.txt")
    real_read = psc.edits.intake.reading.read_source
    read: list[str] = []

    def counted(path, *args, **kwargs):
        read.append(Path(path).name)
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(psc.edits.intake.reading, "read_source", counted)
    result = run(runner, "import", str(folder))
    assert result.exit_code == 0, result.output
    assert sorted(read) == ["m25.txt", "senat.txt"]


def _odt_of(text: str, target: Path) -> Path:
    """Real minutes' text as a LibreOffice document would hold it: a paragraph a line."""
    from odfdo import Document, Paragraph

    document = Document("text")
    for line in text.splitlines():
        if line.strip():
            document.body.append(Paragraph(line.strip()))
    document.save(target)
    return target


def test_a_folder_of_every_format_imports_and_names_the_broken_file(archive, runner, tmp_path):
    """.txt, .md, .docx, .odt, .pdf and .html side by side, and an .odt that is no
    document: five meetings written, the broken file named with its reason."""
    from seed_docx import seed_docx

    folder = tmp_path / "mixed"
    _source(folder, "senat-prf-uk-2007-10", "senat.txt")
    _source(folder, "obec-uholicky-kontrolni-vybor-2014-11", "kontrolni-vybor.md")
    seed_docx(SEED.read_text(encoding="utf-8"), folder / "seed.docx")
    m25 = (REAL / "en-m25-steering-group-2008-03" / "source.txt").read_text(encoding="utf-8")
    _odt_of(m25, folder / "m25.odt")
    shutil.copy(REAL / "pdf-ppss-committee-2016-04" / "source.pdf", folder / "ppss.pdf")
    shutil.copy(REAL / "html-w3c-publishing-cg-2025-05" / "source.html", folder / "w3c.html")
    (folder / "broken.odt").write_bytes(b"PK\x03\x04 not really a zip")
    result = run(runner, "import", str(folder))
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    for name in ("senat.txt", "kontrolni-vybor.md", "seed.docx", "m25.odt", "ppss.pdf", "w3c.html"):
        assert any(name in line and "wrote" in line for line in lines), (name, result.output)
    errors = result.stderr.splitlines()
    assert any(
        e.endswith("broken.odt: not imported: not an OpenDocument text (not a zip file)")
        for e in errors
    ), errors
    assert errors[-1] == "error: imported 6 of 7 files; 1 failed, nothing written for them"
    assert len(_meetings(archive)) == 6
    assert run(runner, "validate").exit_code == 0
