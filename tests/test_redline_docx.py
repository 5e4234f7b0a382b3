"""`psc diff --format docx`: the redline as a Word document with tracked changes."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import real_sample, run
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
    minutes_xml = xml.split("Přehled změn")[0]  # the minutes, before the summary of changes
    opening = [
        p for p in minutes_xml.split("<w:p>") if re.search(r"<w:t[^>]*>David Koppitz, ředitel", p)
    ]
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


# ---------------------------------------------------------------------- the Word minutes, redlined

SEED_TITLE = "Zápis: 1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)"


def _drop(element) -> None:
    element.getparent().remove(element)


def _unwrap(element) -> None:
    parent = element.getparent()
    at = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(at + offset, child)
    parent.remove(element)


def resolved(path: Path, accept: bool) -> list[tuple[str, str]]:
    """(style, text) of every paragraph of the document (cells included), its tracked
    changes all accepted (or all rejected), as Word does."""
    from lxml import etree

    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    gone, kept = (f"{W}del", f"{W}ins") if accept else (f"{W}ins", f"{W}del")
    for mark in list(root.iter(gone)):
        parent = mark.getparent()
        if parent is None:
            continue
        if parent.tag == f"{W}rPr" and parent.getparent().tag == f"{W}pPr":
            _drop(parent.getparent().getparent())  # a paragraph that goes, with its mark
        elif parent.tag == f"{W}trPr":
            _drop(parent.getparent())  # a row that goes
        else:
            _drop(mark)
    for mark in list(root.iter(kept)):
        if mark.getparent().tag in (f"{W}rPr", f"{W}trPr"):
            _drop(mark)
        else:
            _unwrap(mark)
    out = []
    for paragraph in root.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t", f"{W}delText"))
        out.append((style.get(f"{W}val") if style is not None else "", text))
    return out


def minutes(path: Path) -> list[tuple[str, str]]:
    return resolved(path, accept=True)


def word_minutes(root: Path, out: Path) -> Path:
    """The seed meeting's Word minutes as `psc render --format docx` writes them (the file is
    not checked: a change breaks its approval)."""
    from psc.archive.project import Project
    from psc.loading import pipeline
    from psc.publish.docx import minutes_docx
    from psc.publish.render import Renderer

    project = Project(root, use_cache=False)
    group = project.load_group()
    meeting = pipeline.load_meeting(None, seed(root), group, checks=False)
    renderer = Renderer(group, [project.templates_dir], None)
    out.write_bytes(minutes_docx(renderer, meeting, [project.templates_dir]))
    return out


def rich_change(root: Path) -> None:
    """A change of words, of the header table, of a link, a task removed, an item added."""
    path = seed(root)
    change(root)
    edit(path, "Pařížská 4", "Pařížská 6")
    edit(path, "http://www.smartcities.mmr.cz", "https://www.smartcities.gov.cz")
    text = path.read_text(encoding="utf-8")
    start = text.index("  - text: Posílat návrhy ohledně možností propagace")
    end = text.index("  - text: >-\n      Poslat informace k dalším")
    text = text[:start] + text[end:]
    text = text.replace(
        "\nsections:\n",
        "\n  - number: 9\n    title: Různé\n    content:\n      - Nic dalšího nezaznělo.\nsections:\n",
        1,
    )
    path.write_text(text, encoding="utf-8")


def test_the_word_redline_is_the_word_minutes_with_tracked_changes(git_repo, runner, tmp_path):  # noqa: F811
    import docx

    old_minutes = word_minutes(git_repo, tmp_path / "old.docx")
    rich_change(git_repo)
    commit(git_repo, "Změny", date="2016-11-02T09:30:00+01:00", author="Petr Novák")
    new_minutes = word_minutes(git_repo, tmp_path / "new.docx")
    args = ("diff", "2016-09-07", "--from", "HEAD~1", "--to", "HEAD", "--format", "docx")
    result = run(runner, *args, "-o", "r.docx")
    assert result.exit_code == 0, result.output
    out = git_repo / "r.docx"

    document = docx.Document(str(out))
    assert document.core_properties.title == SEED_TITLE
    assert document.tables, "the header is a table, as in the Word minutes"
    styles = {(p.style.name, p.text) for p in document.paragraphs}
    assert ("Heading 1", "Zápis") in styles
    assert (
        "Heading 3",
        "Bod 1 – Zahájení (ze strany MMR a Výboru pro udržitelné municipality)",
    ) in styles
    xml = body(out)
    assert "meetings/2016-09-07.yaml" not in xml  # titled by the meeting, not by its file
    assert "|" not in xml and "**" not in xml  # no Markdown source
    inserted, deleted = revisions(xml, "ins"), revisions(xml, "del")
    assert inserted and deleted
    assert all(
        a["author"] == "Petr Novák" and a["date"] == "2016-11-02T08:30:00Z"
        for a, _ in inserted + deleted
    )
    ids = [a["id"] for a, _ in inserted + deleted]
    assert len(ids) == len(set(ids))
    # the place changed inside the header table's cell
    from lxml import etree

    tree = etree.fromstring(xml.encode("utf-8"))
    in_cells = [
        "".join(t.text or "" for t in mark.iter(f"{W}t", f"{W}delText"))
        for mark in tree.iter(f"{W}ins", f"{W}del")
        if any(a.tag == f"{W}tc" for a in mark.iterancestors())
    ]
    assert "6," in in_cells and "4," in in_cells
    # the link's words changed inside the hyperlink
    assert any(mark.getparent().tag == f"{W}hyperlink" for mark in tree.iter(f"{W}ins", f"{W}del"))
    # accepting every change gives the new Word minutes, rejecting every one the old
    for accept, expected in ((True, new_minutes), (False, old_minutes)):
        paragraphs = resolved(out, accept=accept)
        summary = paragraphs.index(("Heading2", "Přehled změn"))  # then the summary of changes
        assert paragraphs[:summary] == minutes(expected), accept
    # the removed task is a deleted paragraph, the new item inserted paragraphs
    marks = [
        m.getparent().getparent().getparent()
        for m in tree.iter(f"{W}del")
        if m.getparent().tag == f"{W}rPr"
    ]
    assert any(
        "Posílat návrhy ohledně možností propagace"
        in "".join(t.text or "" for t in p.iter(f"{W}delText"))
        for p in marks
    )
    assert ("Heading3", "Bod 9 – Různé") in resolved(out, accept=True)
    assert ("Heading3", "Bod 9 – Různé") not in resolved(out, accept=False)


def test_the_pdf_and_html_redlines_are_titled_by_the_meeting(git_repo, runner):  # noqa: F811
    change(git_repo)
    result = run(runner, "diff", "2016-09-07", "--format", "html", "-o", "r.html")
    assert result.exit_code == 0, result.output
    assert f"<title>{SEED_TITLE}</title>" in (git_repo / "r.html").read_text(encoding="utf-8")
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        pytest.skip(f"WeasyPrint cannot run here ({exc}); .ci/run installs it with Pango")
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo is not installed (Debian package poppler-utils)")
    result = run(runner, "diff", "2016-09-07", "--format", "pdf", "-o", "r.pdf")
    assert result.exit_code == 0, result.output
    info = subprocess.run(
        ["pdfinfo", str(git_repo / "r.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert f"Title:           {SEED_TITLE}" in info.splitlines()


def test_the_summary_is_text_with_old_struck_and_new_underlined(git_repo, runner):  # noqa: F811
    import docx

    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    edit(seed(git_repo), "[www.smartcities.mmr.cz]", "[**nový** web]")
    result = run(runner, "diff", "2016-09-07", "--format", "docx", "-o", "r.docx")
    assert result.exit_code == 0, result.output
    paragraphs = docx.Document(str(git_repo / "r.docx")).paragraphs
    start = [p.text for p in paragraphs].index("Přehled změn")
    summary = paragraphs[start + 1 :]
    assert summary[-1].text == "Úkol 2016-09-07/3, termín: 1. 11. 2016 → 30. 11. 2016"
    assert any("www.smartcities.mmr.cznový web" in p.text for p in summary[:-1])
    assert all("**" not in p.text and "](" not in p.text for p in summary)  # text, not Markdown
    runs = {run.text: run for p in summary for run in p.runs}
    assert runs["1. 11. 2016"].font.strike and not runs["1. 11. 2016"].font.underline
    assert runs["30. 11. 2016"].font.underline and not runs["30. 11. 2016"].font.strike
    assert runs["www.smartcities.mmr.cz"].font.strike
    assert runs["nový web"].font.underline


def test_an_added_and_a_removed_meeting_in_the_word_redline(git_repo, runner, tmp_path):  # noqa: F811
    import docx
    from test_review import NEW_MEETING

    old_minutes = word_minutes(git_repo, tmp_path / "old.docx")
    seed(git_repo).unlink()
    (git_repo / "meetings" / "2016-11-15.yaml").write_text(NEW_MEETING, encoding="utf-8")
    commit(git_repo, "Jiné jednání", date="2016-11-16T09:00:00+01:00")
    args = ("diff", "--from", "HEAD~1", "--to", "HEAD", "--format", "docx", "-o", "r.docx")
    result = run(runner, *args)
    assert result.exit_code == 0, result.output
    out = git_repo / "r.docx"
    title = docx.Document(str(out)).core_properties.title
    assert sorted(title.split("; ")) == [
        "Zápis: 1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)",
        "Zápis: 2. jednání PS pro SC",
    ]
    accepted = [p for p in resolved(out, accept=True) if p[1]]
    rejected = [p for p in resolved(out, accept=False) if p[1]]
    assert ("", "Jednání zahájil David Koppitz.") in accepted
    assert not any("Zahájení (ze strany MMR" in text for _, text in accepted)
    assert all(p in rejected for p in minutes(old_minutes) if p[1])
    assert ("", "Jednání zahájil David Koppitz.") not in rejected


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_every_tracked_change(git_repo, runner, tmp_path):  # noqa: F811
    """LibreOffice opens the redline of a change to words, a table cell, a link, a removed
    task and an added item with each revision in place (saved again as Word, none lost)."""
    rich_change(git_repo)
    result = run(runner, "diff", "2016-09-07", "--format", "docx", "-o", "r.docx")
    assert result.exit_code == 0, result.output
    out = tmp_path / "lo"
    converted = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
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
    ours, theirs = body(git_repo / "r.docx"), body(out / "r.docx")
    for tag in ("ins", "del"):
        assert len(revisions(theirs, tag)) == len(revisions(ours, tag)) > 0, tag
        assert {a["author"] for a, _ in revisions(theirs, tag)} == {"psc"}
    accepted = [text for _, text in resolved(out / "r.docx", accept=True) if text]
    assert accepted == [text for _, text in resolved(git_repo / "r.docx", accept=True) if text]


def _archives() -> list[Path]:
    root = Path(__file__).resolve().parents[1]
    real = root / "tests" / "fixtures" / "real"
    return [root, root / "examples" / "council", *(real / name for name in real_sample())]


@pytest.mark.parametrize("archive", _archives(), ids=lambda p: p.name)
def test_the_word_redline_between_any_two_meetings_accepts_and_rejects_exactly(archive, tmp_path):
    """The Word redline from each meeting of an archive to the next (a hard case for the
    alignment: most blocks differ), from none to the first and from the last to none:
    accepting every change gives the new meeting's Word minutes, rejecting every one the
    old's."""
    from psc.archive.project import Project
    from psc.loading import pipeline
    from psc.publish.docx import minutes_docx
    from psc.publish.render import Renderer
    from psc.review.diff import MeetingDiff
    from psc.review.redline import Stamp, redline_docx

    project = Project(archive, use_cache=False)
    group = project.load_group()
    renderer = Renderer(group, [project.templates_dir], None)
    meetings = [
        pipeline.load_meeting(None, path, group, checks=False) for path in project.meeting_paths()
    ]
    assert meetings, archive
    pairs: list[tuple[Any, Any]] = list(zip(meetings, meetings[1:], strict=False))
    pairs += [(None, meetings[0]), (meetings[-1], None)]
    for old, new in pairs:
        diff = MeetingDiff("m.yaml", "a", "b", old, new, [])
        out = tmp_path / "r.docx"
        out.write_bytes(redline_docx([diff], renderer, {"m.yaml": Stamp("X", "")}))
        for accept, meeting in ((True, new), (False, old)):
            paragraphs = resolved(out, accept=accept)
            summary = paragraphs.index(("Heading2", renderer.labels["diff_summary"]))
            expected: list[tuple[str, str]] = []
            if meeting is not None:
                words = tmp_path / "m.docx"
                words.write_bytes(minutes_docx(renderer, meeting, [project.templates_dir]))
                expected = minutes(words)
            assert paragraphs[:summary] == expected, (archive.name, accept)
