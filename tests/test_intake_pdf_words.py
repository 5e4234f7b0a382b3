"""Issue 22, round 11: a PDF's words are read by the places of their glyphs (pdfminer.six),
after pypdf has opened and checked the file.

pypdf's own text extraction adds a space only where the pen moves on by about half a space,
and LaTeX's justified lines shrink their spaces below that: the online voters of a student
association's general meeting came out as 'JanHoráček,MartinUkrop,…'. Tried on the real
PDFs of the corpus (tests/fixtures/real/pdf-*/source.pdf); the few PDFs made here hold no
minutes (a blank page, a watermark) but for one real line."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from test_real_minutes import normal

from psc.edits.intake import pdftext
from psc.edits.intake.facts import Wording, fold
from psc.edits.intake.reading import read_source
from psc.errors import InvalidData

REAL = Path(__file__).parent / "fixtures" / "real"


def _page_texts(name: str) -> list[str]:
    path = REAL / name / "source.pdf"
    return pdftext.pdf_pages(path.read_bytes(), str(path))


def test_the_words_of_a_justified_latex_line_keep_their_spaces():
    # pdf-zverinec-valna-hromada-2018-10 (LaTeX, Latin Modern): the line's spaces shrank to
    # under half a space's width
    (page,) = _page_texts("pdf-zverinec-valna-hromada-2018-10")
    assert (
        "Online hlasující: Jan Horáček, Martin Ukrop, Anna Řechtáčková, Martin Kurečka, Radka "
        "Cieslarová," in page.splitlines()
    )
    assert "Vláďa Sedláček, Jan Drábek, Ondřej Borýsek, Tom Eﬀenberger," in page


def test_a_superscript_and_a_drop_capital_stay_with_their_words():
    # pdf-north-of-tyne-lpc-2018-11: 'th' set as a superscript after '14'
    page = " ".join(_page_texts("pdf-north-of-tyne-lpc-2018-11")[0].split())
    assert "Date: Wednesday 14th November 2018" in page
    # pdf-oakland-prac-2022-07: 'V' and 'P' set over two lines at their paragraphs' start
    first = [
        " ".join(line.split()) for line in _page_texts("pdf-oakland-prac-2022-07")[0].splitlines()
    ]
    assert "Vice Chair Tran read statement on Consent Item 4A – Resolution No. 2021-" in first
    assert any(line.startswith("Present (7): Vice Chair Tran, Commissioners") for line in first)


def test_an_ordinals_suffix_set_apart_is_the_same_word():
    # pdf-north-of-tyne-lpc-2018-11's source.txt (as pypdf read it) and its PDF as a reader sees it
    assert fold("Wednesday 23 rd January 2019") == fold("Wednesday 23rd January 2019")
    assert Wording.of("pencilled for 23 rd January").matches(
        Wording.of("pencilled for 23rd January")
    )
    assert normal("Wednesday 14 th November 2018") == normal("Wednesday 14th November 2018")
    assert normal("PRESENT :") == normal("PRESENT:")
    # en-grayshott-pcc-2024-05's first two lines: 'St' after the year is no suffix of it
    assert "2024 st luke" in fold("PCC Minutes: Monday 20th May 2024\nSt Luke’s Church, Grayshott")


def _pdf(content: bytes, filters: str = "") -> bytes:
    """A one-page PDF (Helvetica) drawing `content`, its stream's bytes as given."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d%s >>\nstream\n" % (len(content), filters.encode())
        + content
        + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_watermark_set_across_the_page_is_left_out(tmp_path):
    # the line: pdf-oakland-prac-2022-07's source.txt
    content = (
        b"BT /F1 12 Tf 72 700 Td (Public Comment: There were 2 speakers.) Tj ET\n"
        b"BT /F1 60 Tf 0.7071 0.7071 -0.7071 0.7071 150 250 Tm (DRAFT) Tj ET"
    )
    path = tmp_path / "minutes.pdf"
    path.write_bytes(_pdf(content))
    assert [block.text for block in read_source(path)] == ["Public Comment: There were 2 speakers."]


def test_a_pdf_that_unpacks_too_far_is_refused_before_it_is_read(tmp_path):
    """80 MB of spaces packed into 80 KB: over pypdf's limit (75 MB a stream), which
    pdfminer.six does not have."""
    packer = zlib.compressobj(9)
    packed = b"".join(packer.compress(b" " * 1024 * 1024) for _ in range(80)) + packer.flush()
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf(packed, " /Filter /FlateDecode"))
    assert path.stat().st_size < 200 * 1024
    with pytest.raises(InvalidData) as error:
        read_source(path)
    line, summary = error.value.lines()
    assert line.startswith(f"{path}:1:1: error: PDF unpacks too far ("), line
    assert summary == "1 error in 1 file"


def test_a_full_line_of_a_justified_paragraph_goes_on_on_the_next_line():
    """pdf-zverinec-valna-hromada-2018-10: the attendance wraps after 'Veronika', the line
    full to the right edge of the text; the next line, 'Burgerová, Martin Kurečka a …', goes
    on with it (as a line after a comma does)."""
    path = REAL / "pdf-zverinec-valna-hromada-2018-10" / "source.pdf"
    texts = [block.text for block in read_source(path)]
    present = next(text for text in texts if text.startswith("Přítomní:"))
    assert present.endswith(
        "Lukáš Semerád, Veronika Burgerová, Martin Kurečka a Dominika Krejčí na telefonu"
    )
    online = next(text for text in texts if text.startswith("Online hlasující:"))
    assert online.endswith("Dominika Krejčí, Jan Böhm, Nika Blaňárová, Ron Luc")


def test_a_row_of_a_table_is_no_full_line():
    """pdf-north-of-tyne-lpc-2018-11: the attendance's table ('Chris Dodd Gill & Schofield
    Independent'), its columns apart, and the page's running footer are no full lines."""
    path = REAL / "pdf-north-of-tyne-lpc-2018-11" / "source.pdf"
    (first, *_) = pdftext.pdf_lines(path.read_bytes(), str(path))
    full = dict(
        zip((" ".join(line.text.split()) for line in first), pdftext.full_lines(first), strict=True)
    )
    assert full["Chris Dodd Gill & Schofield Independent"] is False
    assert not any(full.values())  # a page of labels, a table and short lines
