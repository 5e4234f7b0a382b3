"""Archival, accessible PDF minutes: PDF/A-3b declared in the XMP metadata, tagged (structure
tree, /Lang), title and author in the metadata, the group's name at the top of every page, and
the original's page count ('Stran 4') labelled so it never reads as the PDF's own pages.

Read back with poppler-utils (pdfinfo, pdftotext) and the PDF's own bytes. Conformance is
declared, not validated: veraPDF is not part of the test environment."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from conftest import run

GROUP = "Pracovní skupina pro Smart Cities"
TITLE = "Zápis: 1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)"


@pytest.fixture
def ready() -> None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        pytest.skip(f"WeasyPrint cannot run here ({exc}); .ci/run installs it with Pango")
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils are not installed (.ci/run installs them)")


def render_pdf(runner, out: Path) -> Path:
    result = run(runner, "render", "2016-09-07", "--format", "pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def pdf_objects(path: Path) -> bytes:
    """The PDF's bytes with every Flate stream decompressed after them (object streams
    included), so dictionaries and the XMP packet can be searched as text."""
    raw = path.read_bytes()
    parts = [raw]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", raw, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # an uncompressed stream is in `raw` already
    return b"\n".join(parts)


def info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in out.stdout.splitlines())
    )


def pages_text(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return [page for page in out.stdout.split("\f") if page.strip()]


def test_the_pdf_declares_pdfa_3b_in_its_xmp_metadata(repo, runner, tmp_path, ready):
    pdf = pdf_objects(render_pdf(runner, tmp_path / "m.pdf"))
    xmp = re.search(rb"<x:xmpmeta.*?</x:xmpmeta>", pdf, re.S)
    assert xmp, "no XMP metadata stream"
    packet = xmp.group(0).decode("utf-8")
    assert re.search(r'pdfaid:part(="|>)3', packet)
    assert re.search(r'pdfaid:conformance(="|>)B', packet)
    assert f">{TITLE}</rdf:li>" in packet  # dc:title
    assert f"<rdf:li>{GROUP}</rdf:li>" in packet  # dc:creator
    assert b"/GTS_PDFA1" in pdf  # the sRGB output intent PDF/A asks for


def test_the_pdf_is_tagged_with_title_author_and_language(repo, runner, tmp_path, ready):
    path = render_pdf(runner, tmp_path / "m.pdf")
    meta = info(path)
    assert meta["Title"] == TITLE
    assert meta["Author"] == GROUP
    assert meta["Tagged"] == "yes"
    assert meta["Metadata Stream"] == "yes"
    pdf = pdf_objects(path)
    assert b"/StructTreeRoot" in pdf
    assert re.search(rb"/Lang\s*\(cs\)", pdf)
    structure = subprocess.run(
        ["pdfinfo", "-struct", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "H1" in structure and "Table" in structure and "P" in structure.split()


def test_every_page_is_headed_by_the_group_and_numbered(repo, runner, tmp_path, ready):
    pages = pages_text(render_pdf(runner, tmp_path / "m.pdf"))
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == GROUP
        assert lines[-1] == f"Strana {number} z {len(pages)}"


def test_the_originals_page_count_is_labelled_as_the_originals(repo, runner, tmp_path, ready):
    flat = " ".join("".join(pages_text(render_pdf(runner, tmp_path / "m.pdf"))).split())
    assert "Stran originálu 4" in flat
    assert not re.search(r"Stran 4\b", flat)  # the original's 4 pages are not the PDF's
    html = run(runner, "render", "2016-09-07", "--format", "html", "-o", "-").stdout
    assert '<th scope="row">Stran</th><td>4</td>' in html  # the HTML minutes keep their label


def test_a_group_name_cannot_break_out_of_the_running_header(repo, runner, tmp_path, ready):
    group = repo / "group.yaml"
    name = "Skupina \"A\" } @page { \\ 'B'"
    text = group.read_text(encoding="utf-8")
    text = text.replace(f"name: {GROUP}", f"name: '{name.replace(chr(39), chr(39) * 2)}'")
    text = text.replace("labels:\n", 'labels:\n  pages: ""\n', 1)
    group.write_text(text, encoding="utf-8")
    path = render_pdf(runner, tmp_path / "m.pdf")
    assert info(path)["Author"] == name
    pages = pages_text(path)
    assert all(page.strip().splitlines()[0].strip() == name for page in pages)
    flat = " ".join("".join(pages).split())
    assert "Stran" not in flat.replace("Strana", "")  # a hidden page count stays hidden
