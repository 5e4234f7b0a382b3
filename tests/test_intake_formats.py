"""Issue 22, item 3: `psc import` reads OpenDocument text, the text of a PDF and web pages,
each into the same blocks as .txt, .md and .docx, for the one recogniser.

The readers are tried on the real originals of the corpus (tests/fixtures/real/*/source.odt,
.pdf, .html), and their rules (running headers and footers, hyphenation, wrapped lines, the
main content of a page) on real minutes' lines (quoted from the fixtures' source.txt). Bad
files are refused with one line naming the file and the reason."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from test_real_minutes import normal

from psc.edits.intake import opendocument, pdftext, webpage
from psc.edits.intake.reading import SUFFIXES, read_source
from psc.errors import InvalidData

REAL = Path(__file__).parent / "fixtures" / "real"
ODT = REAL / "odt-makerspace-gt-planungstreffen-2018-10" / "source.odt"
PDF = REAL / "pdf-ppss-committee-2016-04" / "source.pdf"
HTML = REAL / "html-w3c-publishing-cg-2025-05" / "source.html"
ZBILIDY = (REAL / "obec-zbilidy-zastupitelstvo-2018-06" / "source.txt").read_text(encoding="utf-8")
"""Real minutes (a municipal council, https://www.zbilidy.cz/…) for pages and documents made
here around their text."""
ORIGINALS = sorted(
    path for suffix in (".docx", ".odt", ".pdf", ".html") for path in REAL.glob(f"*/source{suffix}")
)


def _error(path: Path) -> str:
    with pytest.raises(InvalidData) as error:
        read_source(path)
    line, summary = error.value.lines()
    assert summary == "1 error in 1 file"
    return line


def _texts(path: Path) -> list[str]:
    return [block.text for block in read_source(path)]


# ---------------------------------------------------------------------- the corpus


LOST = {
    # pdf-north-of-tyne-lpc-2018-11 (seventh held-out round): each page's footer ("1 VER.19.01.A", the
    # page and the document's version), which the reader leaves out on purpose
    "pdf-north-of-tyne-lpc-2018-11": {"1", "2", "3", "19", "ver"},
    # the PDF's running header, left out, and a word hyphenated at a line's end, joined
    "pdf-ppss-committee-2016-04": {"agenda", "di", "versity"},
    # drop capitals read with the rest of their words ('Vice Chair Tran …', '1. For the
    # following reasons'), which source.txt sets apart ('V' / 'ice Chair Tran …')
    "pdf-oakland-prac-2022-07": {"v", "ice", "resent", "otion", "f", "or"},
    # a word hyphenated at a line's end, joined ('(před-' / 'seda)'), and the page's number
    "pdf-zverinec-valna-hromada-2018-10": {"před", "seda", "1"},
}
"""Words of a fixture's source.txt that its original's blocks rightly do not hold."""


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", normal(text)))


@pytest.mark.parametrize("original", ORIGINALS, ids=lambda p: p.parent.name)
def test_an_original_reads_as_the_text_a_reader_sees(original):
    """Every word of the fixture's source.txt (the text as a reader sees it) is in the blocks
    read from its original, numbers of lists included, but for what the reader leaves out on
    purpose (LOST)."""
    blocks = read_source(original)
    read = " ".join(f"{b.number or ''} {b.text}" for b in blocks)
    source = (original.parent / "source.txt").read_text(encoding="utf-8")
    assert _words(source) - _words(read) == LOST.get(original.parent.name, set())


def test_the_corpus_keeps_originals_of_three_formats():
    assert {p.suffix for p in ORIGINALS} >= {".odt", ".pdf", ".html"}
    assert all(p.stat().st_size < 300 * 1024 for p in ORIGINALS)


# ---------------------------------------------------------------------- OpenDocument


def test_odt_reads_the_page_header_then_labels_and_numbered_lists():
    blocks = read_source(ODT)
    title, day, label, people = blocks[:4]
    assert (title.kind, title.text) == ("heading", "Planungstreffen")  # the Title style
    assert (day.kind, day.text) == ("paragraph", "Mittwoch, 17. Oktober 2018")
    assert (label.text, label.bold, people.bold) == ("Anwesende Mitglieder", True, False)
    points = [(b.text, b.number) for b in blocks if b.kind == "item"]
    assert points[:3] == [
        ("Vorstellungsrunde", "1"),
        ("Auftreten nach außen", "2"),
        (
            "Mitmachen ist kostenlos; Mitglieder dürfen Maschinen nutzen; Es gibt eine "
            "Spendenerwartung an nicht Mitglieder;",
            "1",  # the first point of the second level
        ),
    ]
    assert [n for _, n in points[-7:]] == ["a", "b", "c", "d", "e", "f", "g"]
    assert "Seite" not in " ".join(b.text for b in blocks)  # the footer's page numbers


def _odt(
    body_xml: str, styles: str = "", mimetype: bytes = b"application/vnd.oasis.opendocument.text"
) -> bytes:
    """An OpenDocument text with `body_xml` as its office:text."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:text>{body_xml}</office:text></office:body>"
        "</office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", mimetype, zipfile.ZIP_STORED)
        package.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        package.writestr(
            "styles.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ns}/>',
        )
    return buffer.getvalue()


def test_odt_reads_bold_spans_links_tables_and_numbered_lists_by_their_style(tmp_path):
    styles = (
        '<style:style style:name="T1" style:family="text">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<text:list-style style:name="L1">'
        '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
        '<text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>'
        "</text:list-style>"
    )
    body = (
        '<text:p><text:span text:style-name="T1">Přítomni:</text:span> Hejduk Roman, Huďa Jiří'
        "</text:p>"
        '<text:list text:style-name="L1">'
        "<text:list-item><text:p>Určení ověřovatelů zápisu a zapisovatele</text:p></text:list-item>"
        "<text:list-item><text:p>Volba pověřeného zastupitele pro tvorbu územního plánu</text:p>"
        "<text:list><text:list-item><text:p>Omluveni: 0</text:p></text:list-item></text:list>"
        "</text:list-item></text:list>"
        '<text:list text:style-name="L1" text:continue-numbering="true">'
        "<text:list-item><text:p>Rozpočtové opatření č. 3/2018</text:p></text:list-item>"
        "</text:list>"
        "<table:table><table:table-row>"
        "<table:table-cell><text:p>Zapisovatel:</text:p></table:table-cell>"
        "<table:table-cell><text:p>Kratochvílová Žaneta</text:p></table:table-cell>"
        "</table:table-row></table:table>"
        '<text:p><text:a xlink:href="https://www.zbilidy.cz/">Zbilidy</text:a></text:p>'
    )
    assert "Přítomni: Hejduk Roman, Huďa Jiří" in ZBILIDY
    path = tmp_path / "zapis.odt"
    path.write_bytes(_odt(body, styles))
    got = [(b.kind, b.text, b.number, b.cells) for b in read_source(path)]
    assert got == [
        ("paragraph", "**Přítomni:** Hejduk Roman, Huďa Jiří", None, []),
        ("item", "Určení ověřovatelů zápisu a zapisovatele", "1", []),
        ("item", "Volba pověřeného zastupitele pro tvorbu územního plánu", "2", []),
        ("item", "Omluveni: 0", "a", []),
        ("item", "Rozpočtové opatření č. 3/2018", "3", []),  # the numbering continues
        (
            "row",
            "Zapisovatel: | Kratochvílová Žaneta",
            None,
            ["Zapisovatel:", "Kratochvílová Žaneta"],
        ),
        ("paragraph", "[Zbilidy](https://www.zbilidy.cz/)", None, []),
    ]


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip at all", "not an OpenDocument text (not a zip file)"),
        (
            lambda: _zip({"word/document.xml": b"<w/>"}),
            "not an OpenDocument text (no content.xml)",
        ),
        (
            lambda: _odt("", mimetype=b"application/vnd.oasis.opendocument.spreadsheet"),
            "not an OpenDocument text (application/vnd.oasis.opendocument.spreadsheet)",
        ),
        (
            lambda: _zip({"content.xml": b"<office:document-content", "mimetype": b""}),
            "not an OpenDocument text (",
        ),
        (
            lambda: _zip(
                {
                    "mimetype": b"application/vnd.oasis.opendocument.text",
                    "content.xml": b"\x00" * 64,
                    "META-INF/manifest.xml": b"<manifest:encryption-data/>",
                }
            ),
            "OpenDocument text is encrypted; save it without a password",
        ),
        (
            lambda: _zip({"mimetype": b"x", "content.xml": b" " * (4 * 1024 * 1024)}),
            "OpenDocument text unpacks too far (content.xml: ",
        ),
    ],
    ids=["not-zip", "word-inside", "spreadsheet", "broken-xml", "encrypted", "zip-bomb"],
)
def test_bad_odt_is_refused_in_one_line(tmp_path, content, message):
    path = tmp_path / "zapis.odt"
    path.write_bytes(content() if callable(content) else content)
    line = _error(path)
    assert line.startswith(f"{path}:1:1: error: {message}"), line


# ---------------------------------------------------------------------- PDF


def test_pdf_drops_the_running_header_and_joins_hyphenated_and_wrapped_lines():
    texts = _texts(PDF)
    source = (PDF.parent / "source.txt").read_text(encoding="utf-8")
    assert source.count("Agenda, 5-4-16") == 3  # at the top of each page
    assert not any("Agenda, 5-4-16" in text for text in texts)
    assert (
        "Daniel - continue conversing with other graduate group executives people about "
        "diversity event Been speaking to Kyra still; Club Fair, whole STEM event, or a smaller "
        "thing?"
    ) in " ".join(texts)
    blocks = read_source(PDF)
    assert [(b.kind, b.number, b.text) for b in blocks[5:8]] == [
        ("item", "1", "Attendance"),
        ("item", "1.1", "Opening"),
        ("item", "1.2", "Attendance to be taken"),
    ]
    assert blocks[0].where == "page 1, line 2"  # line 1, the header, is gone


# Lines of real minutes (tests/fixtures/real/*/source.txt) as a PDF would break them over pages.
_PPSS = "pdf-ppss-committee-2016-04"


def _page(*lines: str) -> list[str]:
    return list(lines)


def test_running_headers_footers_and_page_numbers_are_dropped():
    pages = [
        _page("Agenda, 5-4-16", "Committee Meeting", "1. Attendance", "Strana 1 z 3"),
        _page("Agenda, 5-4-16", "4.2 Academic Progress Committee", "No meetings", "Strana 2 z 3"),
        _page("Agenda, 5-4-16", "Action List from Meeting 14-3-16", "- 3 -"),
    ]
    kept = [[line for line, _ in page] for page in pdftext.without_running_lines(pages)]
    assert kept == [
        ["Committee Meeting", "1. Attendance"],
        ["4.2 Academic Progress Committee", "No meetings"],
        ["Action List from Meeting 14-3-16"],
    ]


def test_a_running_title_with_its_page_number_repeats_by_its_shape():
    """'Minutes 19/20 Page 29' on every page: the numbers change, the shape does not."""
    pages = [
        _page("Minutes 19/20 Page 29", "Zastupitelstvo obce schválilo navrhovaný program jednání."),
        _page("Minutes 19/20 Page 30", "Omluveni: 0"),
        _page("Page 31 of 40", "Nepřítomen: 0"),
    ]
    kept = [[line for line, _ in page] for page in pdftext.without_running_lines(pages)]
    assert kept == [
        ["Zastupitelstvo obce schválilo navrhovaný program jednání."],
        ["Omluveni: 0"],
        ["Nepřítomen: 0"],
    ]


def test_a_number_that_is_no_page_number_stays():
    """A bare number at a page's edge is its page number only near the page's own (front
    matter may shift it by two); a count or an amount far from it is text."""
    pages = [
        _page("Zastupitelstvo obce schválilo navrhovaný program jednání.", "Hlasování:", "7"),
        _page("Ověřovatel zápisu: Bílá Hana, Huďa Jiří", "Omluveni: 0", "2"),
        _page("Zapisovatel: Kratochvílová Žaneta", "3"),
    ]
    kept = [[line for line, _ in page] for page in pdftext.without_running_lines(pages)]
    assert kept == [
        ["Zastupitelstvo obce schválilo navrhovaný program jednání.", "Hlasování:", "7"],
        ["Ověřovatel zápisu: Bílá Hana, Huďa Jiří", "Omluveni: 0"],
        ["Zapisovatel: Kratochvílová Žaneta"],
    ]


def test_hyphenated_words_and_lines_that_clearly_continue_are_joined():
    lines = [
        ("• Daniel has been in discussion with some other graduate", "a"),
        ("science groups, including Chemistry. There has been not", "b"),
        ("nearly enough collaboration between STEM groups; a Di-", "c"),
        ("versity Fair/Event is currently being discussed with several", "d"),
        ("• Daniel will continue conversing with these other groups", "e"),
        (
            "Starosta obce navrhl určit ověřovatelem zápisu Hanu Bílou a Jiřího Huďu a zapisovatelem",
            "f",
        ),
        ("Žanetu Kratochvílovou. K návrhu nebyly vzneseny žádné protinávrhy.", "g"),
        ("Tristan and Cate to buy things on Thursday (plus other people?) 4:30 Friday setup", "h"),
        ("Shanette bring speakers (+ aux cables)", "i"),
        (
            "3. Tristan - talk to Melatos about Mentoring There is supposedly a mechanism for this",
            "j",
        ),
        (
            "already (including people from other faculties possibly). However some people (e.g.",
            "k",
        ),
        ("Giacomo) don’t have this", "l"),
    ]
    joined = pdftext.joined_lines([lines])
    assert joined == [
        (
            "• Daniel has been in discussion with some other graduate science groups, including "
            "Chemistry. There has been not nearly enough collaboration between STEM groups; a "
            "Diversity Fair/Event is currently being discussed with several",
            "a",
        ),
        ("• Daniel will continue conversing with these other groups", "e"),
        # an upper-case start after no comma nor open bracket: not clearly a continuation
        (
            "Starosta obce navrhl určit ověřovatelem zápisu Hanu Bílou a Jiřího Huďu a zapisovatelem",
            "f",
        ),
        ("Žanetu Kratochvílovou. K návrhu nebyly vzneseny žádné protinávrhy.", "g"),
        ("Tristan and Cate to buy things on Thursday (plus other people?) 4:30 Friday setup", "h"),
        ("Shanette bring speakers (+ aux cables)", "i"),
        (
            "3. Tristan - talk to Melatos about Mentoring There is supposedly a mechanism for this "
            "already (including people from other faculties possibly). However some people (e.g. "
            "Giacomo) don’t have this",
            "j",
        ),
    ]


def test_a_web_address_broken_at_its_hyphen_keeps_it():
    """pdf-north-of-tyne-lpc-2018-11: an address broken over two lines at one of its own
    hyphens is joined with the hyphen; a word hyphenated at a line's end still loses it."""
    lines = [
        ("Further information at  https://www.cvsnewcastle.org.uk/our-", "a"),
        ("services/training-and-events", "b"),
        ("Chem-", "c"),
        ("istry", "d"),
    ]
    assert pdftext.joined_lines([lines]) == [
        (
            "Further information at  https://www.cvsnewcastle.org.uk/our-services/training-and-events",
            "a",
        ),
        ("Chemistry", "c"),
    ]


def test_a_blank_line_ends_a_paragraph():
    lines = [("Omluveni: 0,", "a"), ("", ""), ("nepřítomen: 0", "b")]
    assert pdftext.joined_lines([lines]) == [("Omluveni: 0,", "a"), ("nepřítomen: 0", "b")]


def _pdf(pages: int = 1, password: str | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Zapis z jednani", "not a PDF (no %PDF header)"),
        (b"%PDF-1.4\n", "not a PDF psc can read ("),
        (lambda: PDF.read_bytes()[:20000], "not a PDF psc can read ("),
        (lambda: _pdf(password="tajne"), "PDF is encrypted; save it without a password"),
        (lambda: _pdf(), "PDF holds no text (a scan? psc reads a PDF's text, not its images)"),
    ],
    ids=["not-pdf", "header-only", "truncated", "encrypted", "scan"],
)
def test_bad_pdf_is_refused_in_one_line(tmp_path, content, message):
    path = tmp_path / "zapis.pdf"
    path.write_bytes(content() if callable(content) else content)
    line = _error(path)
    assert line.startswith(f"{path}:1:1: error: {message}"), line


def test_pdf_limits(tmp_path, monkeypatch):
    monkeypatch.setattr(pdftext, "MAX_PAGES", 2)
    assert _error(PDF).endswith("error: PDF has 3 pages, over the limit of 2")
    monkeypatch.setattr(pdftext, "MAX_TEXT", 100)
    monkeypatch.setattr(pdftext, "MAX_PAGES", 10)
    assert "over the limit" in _error(PDF)
    monkeypatch.setattr(pdftext, "MAX_PDF_BYTES", 1000)
    assert "over the limit" in _error(PDF)


# ---------------------------------------------------------------------- web pages


def test_html_minutes_keep_their_title_and_attendance_above_main():
    """scribe.perl's page: the <h1> and date in the page's <header>, the attendance in a
    definition list before <main>; the site's navigation left out."""
    blocks = read_source(HTML)
    assert blocks[0].kind == "heading" and blocks[0].text.startswith("Publishing CG plenary:")
    assert blocks[1].text == "15 May 2025"
    rows = [b.cells for b in blocks if b.kind == "row"]
    assert rows == [["Present", "miia"], ["Regrets", "-"], ["Chair", "-"], ["Scribe", "wolfgang"]]
    assert r"\<gautierchomel> presentmiia" in [b.text for b in blocks]
    speaker = next(b for b in blocks if b.text.startswith("senthil: speak about"))
    assert speaker.text.count("\n…") == 2  # the lines after <br> stay lines of its paragraph
    assert blocks[-1].text == "Active on IRC: gautierchomel, Michalis, wolfgang"


def _municipal_page(main: str, charset: str = "utf-8") -> str:
    """A municipality's page around `main`: its banner, menu, sidebar, footer, scripts."""
    return (
        f'<!DOCTYPE html><html lang="cs"><head><meta charset="{charset}">'
        "<title>Obec Zbilidy</title><style>p {color: red}</style></head><body>"
        '<header><a href="/"><img alt="Obec Zbilidy"></a><nav><ul><li><a href="/">Úvod</a></li>'
        '<li><a href="/obec">Obec</a></li></ul></nav><form><input name="q"></form></header>'
        '<div class="breadcrumbs">Úvod › Obec › Zastupitelstvo</div>'
        f"<main>{main}</main>"
        '<aside><h2>Aktuality</h2><p>Svoz odpadu</p></aside><div id="cookie-bar">Cookies</div>'
        "<footer><p>© Obec Zbilidy</p></footer><script>track()</script></body></html>"
    )


def test_a_municipal_page_reads_its_main_content_only(tmp_path):
    main = (
        "<h1>Zápis z mimořádného zasedání zastupitelstva obce konaného dne 28. 6. 2018</h1>"
        "<p><strong>Přítomni:</strong> Hejduk Roman, Huďa Jiří, Bílá Hana, Hodačová Marie, "
        "Komzák Pavel, Kratochvílová Žaneta, Trojanová Hana<br>Omluveni: 0<br><br>Nepřítomen: 0</p>"
        "<p><b>Program zasedání:</b></p>"
        "<ol><li>Určení ověřovatelů zápisu a zapisovatele</li>"
        "<li>Volba pověřeného zastupitele pro tvorbu územního plánu</li></ol>"
        '<ol start="3"><li>Rozpočtové opatření č. 3/2018</li></ol>'
        "<table><tr><th>Zapisovatel:</th><td>Kratochvílová Žaneta</td></tr></table>"
        "<div>Mimořádné zasedání zastupitelstva obce Zbilidy bylo zahájeno v 18.00 hodin "
        'starostou obce <a href="https://www.zbilidy.cz/">Romanem Hejdukem</a>.</div>'
    )
    for quoted in ("Program zasedání:", "Rozpočtové opatření č. 3/2018", "Zapisovatel:"):
        assert quoted in ZBILIDY
    path = tmp_path / "zapis.html"
    path.write_text(_municipal_page(main), encoding="utf-8")
    got = [(b.kind, b.text, b.number, b.bold) for b in read_source(path)]
    assert got == [
        (
            "heading",
            "Zápis z mimořádného zasedání zastupitelstva obce konaného dne 28. 6. 2018",
            None,
            False,
        ),
        (
            "paragraph",
            "**Přítomni:** Hejduk Roman, Huďa Jiří, Bílá Hana, Hodačová Marie, Komzák Pavel, "
            "Kratochvílová Žaneta, Trojanová Hana\nOmluveni: 0",
            None,
            False,
        ),
        ("paragraph", "Nepřítomen: 0", None, False),
        ("paragraph", "Program zasedání:", None, True),
        ("item", "Určení ověřovatelů zápisu a zapisovatele", "1", False),
        ("item", "Volba pověřeného zastupitele pro tvorbu územního plánu", "2", False),
        ("item", "Rozpočtové opatření č. 3/2018", "3", False),
        ("row", "Zapisovatel: | Kratochvílová Žaneta", None, False),
        (
            "paragraph",
            "Mimořádné zasedání zastupitelstva obce Zbilidy bylo zahájeno v 18.00 hodin starostou "
            "obce [Romanem Hejdukem](https://www.zbilidy.cz/).",
            None,
            False,
        ),
    ]


def test_a_page_without_main_is_read_from_its_body_without_furniture(tmp_path):
    page = _municipal_page("<p>Omluveni: 0</p>").replace("<main>", "").replace("</main>", "")
    path = tmp_path / "zapis.htm"
    path.write_bytes(page.replace("utf-8", "windows-1250").encode("cp1250"))
    assert _texts(path) == ["Omluveni: 0"]


def test_an_undeclared_page_in_windows_1250_is_read(tmp_path):
    path = tmp_path / "zapis.html"
    path.write_bytes("<p>Zápis z mimořádného zasedání</p>".encode("cp1250"))
    assert _texts(path) == ["Zápis z mimořádného zasedání"]


def test_bad_web_pages_are_refused_in_one_line(tmp_path, monkeypatch):
    path = tmp_path / "zapis.html"
    path.write_bytes("<p>Zápis</p>".encode("utf-16"))
    assert _error(path).endswith(
        "error: not a web page psc reads (UTF-16 or binary; save it as UTF-8)"
    )
    monkeypatch.setattr(webpage, "MAX_HTML_BYTES", 10)
    path.write_text("<p>Omluveni: 0</p>", encoding="utf-8")
    assert "over the limit" in _error(path)


# ---------------------------------------------------------------------- the command


def test_psc_help_loads_no_reader_library():
    import subprocess
    import sys

    code = (
        "import sys; from psc.cli.app import main; sys.argv=['psc','--help']\ntry: main()\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in ('odfdo','pypdf','lxml','docx') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_readers_cover_what_psc_says_it_reads():
    assert SUFFIXES == (".docx", ".htm", ".html", ".md", ".odt", ".pdf", ".txt")
    assert opendocument.KIND == "OpenDocument text"


# ------------------------------------------------------------------ Unicode's line separators

OPENJS = REAL / "en-openjs-cpc-2020-02" / "source.txt"
"""A foundation's minutes kept in git as Markdown, with a paragraph separator (U+2029) inside
a web address: 'Tobie: Is this the ecosystem security WG? (https://…/security-wg\u2029)?)'."""


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("separator", ["\u2029", "\u2028", "\x85"])
def test_unicode_line_and_paragraph_separators_in_text_are_line_breaks(tmp_path, suffix, separator):
    """Not 'control character U+2029 is not allowed in text' for the whole file: Unicode's
    separators (and NEL) are line breaks of a text, as its newlines are."""
    text = OPENJS.read_text(encoding="utf-8")
    assert "\u2029" in text
    path = tmp_path / f"minutes{suffix}"
    path.write_text(text.replace("\u2029", separator), "utf-8")
    blocks = read_source(path)
    read = "\n".join(block.text for block in blocks)
    assert separator not in read
    assert (
        "Tobie: Is this the ecosystem security WG? (https://github.com/nodejs/security-wg" in read
    )
    assert "Jory: This is the issue where they’re calling for participation." in read


def test_separators_inside_a_web_pages_paragraph_keep_the_words_apart(tmp_path):
    line = "Is this the ecosystem security WG? (https://github.com/nodejs/security-wg"
    page = f"<html><body><main><p>{line}\u2029)?) Tobie\u2028asked</p></main></body></html>"
    path = tmp_path / "minutes.html"
    path.write_text(page, encoding="utf-8")
    (block,) = read_source(path)
    assert block.text == f"{line} )?) Tobie asked"
