"""`psc diff --format docx`: the redline as a Word document with tracked changes."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import run
from test_review import commit, edit, git_env, git_repo, seed  # noqa: F401  (fixtures)

pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def body(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def change(root: Path) -> None:
    edit(seed(root), "deadline: 2016-11-01", "deadline: 2016-11-30")
    edit(seed(root), "zahájil jednání pracovní skupiny", "zahájil zasedání pracovní skupiny")


def revisions(xml: str, tag: str) -> list[tuple[dict[str, str], str]]:
    """(attributes, text) of every `w:ins` / `w:del` of the document."""
    from lxml import etree

    out = []
    for element in etree.fromstring(xml.encode("utf-8")).iter(f"{W}{tag}"):
        if element.getparent().tag == f"{W}rPr":
            continue  # a paragraph mark
        attrs = {k.replace(W, ""): v for k, v in element.attrib.items()}
        text = "".join(t.text or "" for t in element.iter(f"{W}t", f"{W}delText"))
        out.append((attrs, text))
    return out


def test_committed_change_tracked_with_author_and_date(git_repo, runner):  # noqa: F811 (a fixture)
    change(git_repo)
    commit(git_repo, "Termín a slovo", date="2016-11-02T09:30:00+01:00", author="Petr Novák")
    args = ("diff", "2016-09-07", "--from", "HEAD~1", "--to", "HEAD", "--format", "docx")
    result = run(runner, *args, "-o", "r.docx")
    assert result.exit_code == 0, result.output
    assert result.stderr == "wrote r.docx\n"
    xml = body(git_repo / "r.docx")
    inserted, deleted = revisions(xml, "ins"), revisions(xml, "del")
    assert any(text.startswith("30.") for _, text in inserted)
    assert any(text.startswith("1.") for _, text in deleted)
    assert any("zasedání" in text for _, text in inserted)
    assert any("jednání" in text for _, text in deleted)
    assert "<w:delText" in xml
    for attrs, _ in inserted + deleted:
        assert attrs["author"] == "Petr Novák"
        assert attrs["date"] == "2016-11-02T08:30:00Z"
    ids = [attrs["id"] for attrs, _ in inserted + deleted]
    assert len(set(ids)) == len(ids)
    # in the minutes' paragraph the old word is deleted text only, the rest unmarked
    opening = [p for p in xml.split("<w:p>") if re.search(r"<w:t[^>]*>David Koppitz, ředitel", p)]
    assert len(opening) == 1, opening
    assert '<w:delText xml:space="preserve">jednání</w:delText>' in opening[0]
    assert not re.search(r"<w:t[^>]*>[^<]*zahájil jednání", opening[0])
    assert "Poslat informace" in xml

    import docx

    document = docx.Document(str(git_repo / "r.docx"))
    assert any("Poslat informace" in p.text for p in document.paragraphs)

    # deterministic: a second run gives the same bytes
    again = run(runner, *args, "-o", "r2.docx")
    assert again.exit_code == 0, again.output
    assert (git_repo / "r.docx").read_bytes() == (git_repo / "r2.docx").read_bytes()


def test_working_tree_changes_are_psc_dated_by_now(git_repo):  # noqa: F811 (a fixture)
    from psc.archive.project import Project
    from psc.review.reports import changes

    change(git_repo)
    now = dt.datetime(2016, 11, 5, 10, 0, tzinfo=dt.timezone.utc)
    project = Project(git_repo, use_cache=False)
    first = changes(project, ["2016-09-07"], fmt="docx", now=now).document
    second = changes(project, ["2016-09-07"], fmt="docx", now=now).document
    assert isinstance(first, bytes) and first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    for attrs, _ in revisions(xml, "ins") + revisions(xml, "del"):
        assert attrs["author"] == "psc"
        assert attrs["date"] == "2016-11-05T10:00:00Z"


def test_no_change_says_so(git_repo, runner):  # noqa: F811 (a fixture)
    result = run(runner, "diff", "2016-09-07", "--format", "docx", "-o", "r.docx")
    assert result.exit_code == 0, result.output
    xml = body(git_repo / "r.docx")
    assert "beze změn obsahu" in xml
    assert "<w:ins" not in xml and "<w:del" not in xml


def test_docx_never_to_the_terminal(git_repo, runner):  # noqa: F811 (a fixture)
    for extra in ((), ("-o", "-")):
        result = run(runner, "diff", "2016-09-07", "--format", "docx", *extra)
        assert result.exit_code == 2
        assert "give -o FILE" in result.stderr
        assert result.stdout == ""


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_it(git_repo, runner, tmp_path):  # noqa: F811 (a fixture)
    change(git_repo)
    result = run(runner, "diff", "2016-09-07", "--format", "docx", "-o", "r.docx")
    assert result.exit_code == 0, result.output
    out = tmp_path / "pdf"
    converted = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(git_repo / "r.docx"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert converted.returncode == 0, converted.stderr
    pdf = out / "r.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def test_the_word_redline_without_python_docx(git_repo, runner, monkeypatch):  # noqa: F811
    from test_docx import block_docx

    change(git_repo)
    block_docx(monkeypatch)
    result = run(runner, "diff", "2016-09-07", "--format", "docx", "-o", "r.docx")
    assert result.exit_code == 2, result.output
    assert "'docx'" in result.stderr or "python-docx" in result.stderr
    assert "internal error" not in result.stderr
    assert not (git_repo / "r.docx").exists()
