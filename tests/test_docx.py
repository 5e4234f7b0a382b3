"""Word minutes (psc render --format docx): the text of the Markdown minutes, the header
table, bold organisations, page-number fields, identical bytes, LibreOffice conversion."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import REPO, run

from psc.language.mdtext import plain_text


def _flat(text: str) -> str:
    return " ".join(text.split())


def _render(runner, out: Path, meeting: str = "2016-09-07") -> Path:
    result = run(runner, "render", meeting, "--format", "docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def _document_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return _flat(" ".join(parts))


def _markdown_paragraphs(markdown: str) -> list[str]:
    """The Markdown minutes' lines as plain text: markers and table pipes dropped."""
    lines = []
    for line in markdown.splitlines():
        if re.fullmatch(r"\|?[-| ]*\|?", line):  # table rule or blank
            continue
        line = re.sub(r"^(#+|[-*]|\d+\.)\s+", "", line.strip())
        for cell in line.strip("|").split("|") if line.startswith("|") else [line]:
            for part in cell.split("<br>"):
                text = _flat(plain_text(part.strip(), urls=False)).strip("*")
                if text:
                    lines.append(text)
    return lines


def test_docx_holds_the_markdown_minutes(repo, runner, tmp_path):
    document = docx.Document(str(_render(runner, tmp_path / "m.docx")))
    text = _document_text(document)
    markdown = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-").output
    missing = [p for p in _markdown_paragraphs(markdown) if p not in text]
    assert not missing
    for expected in (
        "7. září 2016, 13:00 – 15:00",
        "A Průběh jednání",
        "Bod 1 – Zahájení (ze strany MMR a Výboru pro udržitelné municipality)",
        "B Úkoly",
        "T: do další PS (15. 11. 2016), zpracuje MMR.",
        "T: průběžně",
        "Zapsala: Jana Korytářová (MMR), 27. 9. 2016, schválil: František Kubeš (MMR), 3. 10. 2016",
    ):
        assert expected in text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == [
        "Zápis",
        "A Průběh jednání",
        "Bod 1 – Zahájení (ze strany MMR a Výboru pro udržitelné municipality)",
    ]


def test_docx_header_table_and_bold_organisations(repo, runner, tmp_path):
    document = docx.Document(str(_render(runner, tmp_path / "m.docx")))
    rows = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert list(rows) == [
        "název",
        "datum",
        "místo",
        "účastníci",
        "přílohy zápisu",
        "Stran originálu",
    ]  # never the Word pages
    assert rows["datum"] == "7. září 2016, 13:00 – 15:00"
    bold = {run.text for p in document.paragraphs for run in p.runs if run.bold}
    assert {"MPSV", "MZd", "Svazu měst a obcí ČR"} <= bold


def test_docx_footer_numbers_pages_and_bytes_are_deterministic(repo, runner, tmp_path):
    first = _render(runner, tmp_path / "a.docx")
    second = _render(runner, tmp_path / "b.docx")
    assert first.read_bytes() == second.read_bytes()
    document = docx.Document(str(first))
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert "Strana" in footer and ">z<" in footer.replace(" z ", ">z<")
    core = document.core_properties
    assert core.created.date().isoformat() == "2016-09-07" == core.modified.date().isoformat()


def test_docx_takes_the_look_of_the_repository_reference(repo, runner, tmp_path):
    from docx.shared import Pt

    reference = docx.Document()
    reference.styles["Normal"].font.size = Pt(13)
    reference.add_paragraph("left out: only the reference's styles are kept")
    (repo / "templates").mkdir()
    reference.save(str(repo / "templates" / "reference.docx"))
    document = docx.Document(str(_render(runner, tmp_path / "m.docx")))
    assert document.styles["Normal"].font.size == Pt(13)
    assert "left out" not in _document_text(document)


def test_docx_does_not_go_to_the_terminal(repo, runner):
    result = run(runner, "render", "2016-09-07", "--format", "docx", "-o", "-")
    assert result.exit_code == 2
    assert "a Word document does not go to the terminal: give -o FILE" in result.output


def test_the_council_example_renders_to_docx(runner, monkeypatch, tmp_path):
    council = REPO / "examples" / "council"
    monkeypatch.chdir(council)
    for meeting in sorted((council / "meetings").glob("*.yaml")):
        out = _render(runner, tmp_path / f"{meeting.stem}.docx", meeting.stem)
        assert docx.Document(str(out)).paragraphs[0].text


def test_libreoffice_converts_the_docx(repo, runner, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        reason = "LibreOffice (soffice) is not installed; Debian's libreoffice-writer provides it"
        print(reason)
        pytest.skip(reason)
    out = _render(runner, tmp_path / "m.docx")
    result = subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF-")


def test_docx_without_python_docx_is_a_usage_error(repo, runner, tmp_path, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "docx", None)
    result = run(runner, "render", "2016-09-07", "--format", "docx", "-o", str(tmp_path / "m"))
    assert result.exit_code == 2
    assert "Word output needs python-docx, a dependency of psc" in result.output
    assert "internal error" not in result.output
    assert not (tmp_path / "m").exists()


def block_docx(monkeypatch) -> None:
    """python-docx gone from the installation, as far as imports can tell."""
    import sys

    for name in [m for m in sys.modules if m == "docx" or m.startswith("docx.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "docx", None)


def test_word_minutes_without_python_docx_in_any_state(repo, runner, tmp_path, monkeypatch):
    """python-docx missing from an installation (a broken install), whatever was imported
    before: one line, exit 2, never an internal error, nothing written."""
    block_docx(monkeypatch)
    result = run(runner, "render", "2016-09-07", "--format", "docx", "-o", str(tmp_path / "m"))
    assert result.exit_code == 2, result.output
    assert "python-docx" in result.stderr and "internal error" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "m").exists()


def test_any_missing_module_is_named_not_an_internal_error(repo, runner, monkeypatch):
    import psc.publish.taskreport

    def broken(*args, **kwargs):
        raise ModuleNotFoundError("No module named 'markdown_it'", name="markdown_it")

    monkeypatch.setattr(psc.publish.taskreport, "list_tasks", broken)
    result = run(runner, "tasks")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: the Python module 'markdown_it'")
    assert "internal error" not in result.stderr
