"""The readers of `psc import` (psc.edits.intake.sources): .txt, .md and .docx as blocks."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import docx
import pytest
from conftest import SEED, run
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_docx import seed_docx

from psc.edits.intake.blocks import Block
from psc.edits.intake.reading import read_source
from psc.edits.intake.sources import markdown_blocks, text_blocks
from psc.errors import InvalidData, UsageError
from psc.language.mdtext import plain_text


def _kinds(blocks: list[Block]) -> Counter[str]:
    return Counter(block.kind for block in blocks)


def _find(blocks: list[Block], start: str) -> Block:
    return next(block for block in blocks if block.text.startswith(start))


# ---------------------------------------------------------------------- .txt


def test_text_line_forms():
    text = "\n".join(
        [
            "# Title #",
            "## **Bod 4 – Témata**",
            "#hashtag is text",
            "  - dash   item  ",
            "* star item",
            "• bullet item",
            "+ plus item",
            "1. first",
            " 2) second",
            "a) letter",
            "2.1 sub point",
            "název\t1. jednání\t\t",
            "**Whole bold**",
            "**MPSV** je **MZd**",
            "plain   [link](http://x.cz)  **b**",
            "",
            "   ",
        ]
    )
    blocks = text_blocks(text)
    got = [(b.kind, b.text, b.where, b.level, b.ordered, b.number, b.bold) for b in blocks]
    assert got == [
        ("heading", "Title", "line 1", 1, False, None, False),
        ("heading", "Bod 4 – Témata", "line 2", 2, False, None, True),
        ("paragraph", "#hashtag is text", "line 3", 0, False, None, False),
        ("item", "dash item", "line 4", 0, False, None, False),
        ("item", "star item", "line 5", 0, False, None, False),
        ("item", "bullet item", "line 6", 0, False, None, False),
        ("item", "plus item", "line 7", 0, False, None, False),
        ("item", "first", "line 8", 0, True, "1", False),
        ("item", "second", "line 9", 0, True, "2", False),
        ("item", "letter", "line 10", 0, True, "a", False),
        ("item", "sub point", "line 11", 0, True, "2.1", False),
        ("row", "název | 1. jednání", "line 12", 0, False, None, False),
        ("paragraph", "Whole bold", "line 13", 0, False, None, True),
        ("paragraph", "**MPSV** je **MZd**", "line 14", 0, False, None, False),
        ("paragraph", "plain [link](http://x.cz) **b**", "line 15", 0, False, None, False),
    ]
    assert blocks[11].cells == ["název", "1. jednání"]


def test_text_initials_and_dates_are_not_lettered_items():
    blocks = text_blocks("J. Novák přednesl\n7. září 2016")
    assert [(b.kind, b.text, b.number) for b in blocks] == [
        ("paragraph", "J. Novák přednesl", None),
        ("paragraph", "7. září 2016", None),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "05. 06. 2014 od 13:00 hod.",  # issue 22, quoting real minutes
        "22nd November 2018, The Old School, …",  # issue 22
        "Wednesday 12 March 2008",  # tests/fixtures/real/en-m25-steering-group-2008-03
    ],
)
def test_text_line_opening_with_a_date_is_no_numbered_point(line):
    """'05.' of a date is no point number: the date line stays whole for the header."""
    assert [(b.kind, b.text, b.number) for b in text_blocks(line)] == [("paragraph", line, None)]


def test_seed_text(tmp_path):
    blocks = read_source(SEED)
    assert _kinds(blocks) == {"paragraph": 38, "heading": 12, "row": 5, "item": 5}
    rows = [b for b in blocks if b.kind == "row"]
    assert rows[0].cells == ["název", "1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)"]
    assert rows[1].cells == ["datum", "7. září 2016, 13:00 – 15:00"]
    assert rows[4].cells[2:] == ["Stran", "4"] and rows[0].where == "line 5"
    heading = _find(blocks, "A Průběh jednání")
    assert (heading.kind, heading.level, heading.where) == ("heading", 2, "line 11")
    bod4 = _find(blocks, "Bod 4 – Témata")
    assert (bod4.kind, bod4.level, bod4.bold) == ("heading", 2, True)
    current = _find(blocks, "Aktuální informace k metodické podpoře")
    assert current.kind == "paragraph" and current.bold and "**" not in current.text
    assert _find(blocks, "Z hlediska **MPSV** je").kind == "paragraph"
    task = _find(blocks, "Posílat podněty")
    assert task.kind == "item" and not task.ordered
    assert "[www.smartcities.mmr.cz](http://www.smartcities.mmr.cz)" in task.text
    footer = blocks[-1]
    assert footer.text.startswith("*Zapsala:") and footer.where == "line 121"
    # a copy with a BOM and Windows line ends reads the same
    copy = tmp_path / "seed.TXT"
    copy.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes().replace(b"\n", b"\r\n"))
    assert read_source(copy) == blocks


# ---------------------------------------------------------------------- .md


def test_markdown_blocks():
    text = (
        "# Zápis\n"
        "\n"
        "A soft-wrapped\n"
        "paragraph with **MPSV**  \n"
        "and a hard break.\n"
        "\n"
        "**Bold sub-heading**\n"
        "\n"
        "- one\n"
        "- two\n"
        "  wrapped\n"
        "\n"
        "3. three\n"
        "4. four\n"
        "\n"
        "| Název | Hodnota |\n"
        "| --- | --- |\n"
        "| **datum** | 7. 9. 2016 |\n"
        "\n"
        "> quoted\n"
        "\n"
        "```\n"
        "code *x*\n"
        "```\n"
        "\n"
        "název\tPS pro SC\n"
        "datum\t7. září 2016\n"
        "between\n"
    )
    blocks = markdown_blocks(text)
    got = [(b.kind, b.text, b.where, b.level, b.ordered, b.number, b.bold) for b in blocks]
    assert got == [
        ("heading", "Zápis", "line 1", 1, False, None, False),
        (
            "paragraph",
            "A soft-wrapped paragraph with **MPSV**\nand a hard break.",
            "line 3",
            0,
            False,
            None,
            False,
        ),
        ("paragraph", "Bold sub-heading", "line 7", 0, False, None, True),
        ("item", "one", "line 9", 0, False, None, False),
        ("item", "two wrapped", "line 10", 0, False, None, False),
        ("item", "three", "line 13", 0, True, "3", False),
        ("item", "four", "line 14", 0, True, "4", False),
        ("row", "Název | Hodnota", "line 16", 0, False, None, False),
        ("row", "datum | 7. 9. 2016", "line 18", 0, False, None, False),
        ("paragraph", "quoted", "line 20", 0, False, None, False),
        ("paragraph", "code *x*", "line 22", 0, False, None, False),
        ("row", "název | PS pro SC", "line 26", 0, False, None, False),
        ("row", "datum | 7. září 2016", "line 27", 0, False, None, False),
        ("paragraph", "between", "line 28", 0, False, None, False),
    ]


def test_markdown_file_of_the_seed(tmp_path):
    path = tmp_path / "seed.markdown"
    path.write_bytes(SEED.read_bytes())
    blocks = read_source(path)
    assert [b.cells[0] for b in blocks if b.kind == "row"] == [
        "název",
        "datum",
        "místo",
        "účastníci",
        "přílohy zápisu",
    ]
    assert _find(blocks, "Bod 4 – Témata").bold
    assert sum(b.kind == "item" for b in blocks) == 5


# ---------------------------------------------------------------------- errors


def test_unknown_suffix(tmp_path):
    path = tmp_path / "zapis.rtf"
    path.write_bytes(b"{\\rtf1")
    with pytest.raises(UsageError) as error:
        read_source(path)
    assert str(error.value) == (
        "cannot import zapis.rtf: psc reads .docx, .htm, .html, .md, .odt, .pdf, .txt"
    )


def test_broken_docx_names_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "random.docx").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InvalidData) as error:
        read_source(Path("random.docx"))
    assert error.value.lines()[0] == "random.docx:1:1: error: not a Word document (not a zip file)"
    # a zip that is not a Word package
    import zipfile

    with zipfile.ZipFile(tmp_path / "other.docx", "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(InvalidData) as error:
        read_source(Path("other.docx"))
    (line,) = error.value.lines()[:1]
    assert line.startswith("other.docx:1:1: error: not a Word document (") and "\n" not in line


def test_undecodable_and_unreadable_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("bad.txt").write_bytes("řádek\nšpatn".encode() + b"\xe9 byte\n")
    with pytest.raises(InvalidData) as error:
        read_source(Path("bad.txt"))
    assert error.value.lines()[0] == (
        "bad.txt:2:6: error: file is not UTF-8 (byte 0xe9); save it as UTF-8"
    )
    Path("ctl.md").write_text("ok\nab\x01c\n", encoding="utf-8")
    with pytest.raises(InvalidData) as error:
        read_source(Path("ctl.md"))
    assert error.value.lines()[0] == (
        "ctl.md:2:3: error: control character U+0001 is not allowed in text"
    )
    with pytest.raises(InvalidData) as error:
        read_source(Path("missing.txt"))
    assert "cannot read file" in error.value.lines()[0]


def test_form_feed_is_a_space(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("page one\f\npage\ftwo\n", encoding="utf-8")
    assert [b.text for b in read_source(path)] == ["page one", "page two"]


def test_docx_without_python_docx(tmp_path, monkeypatch):
    path = tmp_path / "a.docx"
    path.write_bytes(b"PK")
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(UsageError) as error:
        read_source(path)
    assert "needs python-docx, a dependency of psc" in str(error.value)


# ---------------------------------------------------------------------- .docx


def _hyperlink(paragraph, text: str, url: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = paragraph.add_run(text)
    link.append(run._r)
    paragraph._p.append(link)


def test_docx_blocks(tmp_path):
    document = docx.Document()
    document.add_heading("Zápis", level=0)  # Title
    document.add_heading("Bod 1 – Zahájení", level=3)
    paragraph = document.add_paragraph("Z hlediska ")
    paragraph.add_run("MP").bold = True
    paragraph.add_run("SV ").bold = True  # split runs, a bold space
    paragraph.add_run("je ")
    paragraph.add_run("důležité").italic = True
    both = paragraph.add_run(" vše")
    both.bold = both.italic = True
    paragraph.add_run(": a*b_c [x] <y> \\ `z`\tkonec. Kontakt: ")
    _hyperlink(paragraph, "jana@mmr.cz", "mailto:jana@mmr.cz")
    document.add_paragraph("")  # empty: skipped, but counted
    document.add_paragraph().add_run("Celý tučně").bold = True
    lines = document.add_paragraph("první")
    lines.add_run().add_break()
    lines.add_run("druhý")
    document.add_paragraph("odrážka", style="List Bullet")
    document.add_paragraph("číslo", style="List Number")
    document.add_paragraph("další", style="List Number")
    numbered = document.add_paragraph(style="List Paragraph")
    numbered.add_run("12. ")
    numbered.add_run("bod programu")
    document.add_paragraph("jen odsazený", style="List Paragraph")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).paragraphs[0].add_run("Název").bold = True
    table.cell(0, 1).merge(table.cell(0, 2)).paragraphs[0].add_run("PS pro SC")
    table.cell(1, 0).text = "Účastníci"
    table.cell(1, 1).text = "Přítomni: A"
    table.cell(1, 1).add_paragraph("Omluveni: B")
    document.add_paragraph("Po tabulce")
    path = tmp_path / "zapis.DOCX"
    document.save(str(path))

    blocks = read_source(path)
    got = [(b.kind, b.text, b.where, b.level, b.ordered, b.number, b.bold) for b in blocks]
    statement = (
        "Z hlediska **MPSV** je *důležité* ***vše***: a\\*b\\_c \\[x\\] \\<y> \\\\ \\`z\\` konec. "
        "Kontakt: [jana@mmr.cz](mailto:jana@mmr.cz)"
    )
    assert got == [
        ("heading", "Zápis", "paragraph 1", 1, False, None, False),
        ("heading", "Bod 1 – Zahájení", "paragraph 2", 3, False, None, False),
        ("paragraph", statement, "paragraph 3", 0, False, None, False),
        ("paragraph", "Celý tučně", "paragraph 5", 0, False, None, True),
        ("paragraph", "první\ndruhý", "paragraph 6", 0, False, None, False),
        ("item", "odrážka", "paragraph 7", 0, False, None, False),
        ("item", "číslo", "paragraph 8", 0, True, "1", False),
        ("item", "další", "paragraph 9", 0, True, "2", False),
        ("item", "bod programu", "paragraph 10", 0, True, "12", False),
        ("paragraph", "jen odsazený", "paragraph 11", 0, False, None, False),
        ("row", "Název | PS pro SC", "table 1, row 1", 0, False, None, False),
        ("row", "Účastníci | Přítomni: A\nOmluveni: B", "table 1, row 2", 0, False, None, False),
        ("paragraph", "Po tabulce", "paragraph 12", 0, False, None, False),
    ]
    assert blocks[-2].cells == ["Účastníci", "Přítomni: A\nOmluveni: B"]
    # the Markdown reads as what Word shows
    assert plain_text(statement, urls=False) == " ".join(paragraph.text.split())


def test_docx_keeps_text_of_insertions_and_drops_deletions(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    paragraph = document.add_paragraph("Kept ")
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="A"><w:r><w:t>inserted</w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="A"><w:r><w:delText>gone</w:delText>'
            "</w:r></w:del>"
        )
    )
    path = tmp_path / "c.docx"
    document.save(str(path))
    assert [b.text for b in read_source(path)] == ["Kept inserted"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab *_[]<>\\`#&", min_size=1, max_size=20))
def test_docx_plain_runs_read_as_their_text(tmp_path_factory, text):
    document = docx.Document()
    document.add_paragraph("x " + text)
    path = tmp_path_factory.mktemp("p") / "p.docx"
    document.save(str(path))
    (block,) = read_source(path)
    assert plain_text(block.text, urls=False) == " ".join(("x " + text).split())


def test_seed_docx(tmp_path):
    path = tmp_path / "seed.docx"
    seed_docx(SEED.read_text(encoding="utf-8"), path)
    blocks = read_source(path)
    assert _kinds(blocks) == {"paragraph": 38, "heading": 12, "row": 5, "item": 5}
    rows = [b for b in blocks if b.kind == "row"]
    assert [r.where for r in rows] == [f"table 1, row {n}" for n in range(1, 6)]
    assert rows[1].cells == ["datum", "7. září 2016, 13:00 – 15:00"]
    assert rows[4].cells[2:] == ["Stran", "4"]
    heading = _find(blocks, "A Průběh jednání")
    assert (heading.kind, heading.level, heading.where) == ("heading", 2, "paragraph 1")
    assert _find(blocks, "Bod 4 – Témata").bold
    assert _find(blocks, "Aktuální informace k metodické").bold
    assert _find(blocks, "Z hlediska **MPSV** je").kind == "paragraph"
    assert _find(blocks, "Zástupkyně **Svazu měst a obcí ČR** upozornila")
    tasks = [b for b in blocks if b.kind == "item"]
    assert "[www.smartcities.mmr.cz](http://www.smartcities.mmr.cz)" in tasks[0].text
    assert "[jana.korytarova@mmr.cz](mailto:jana.korytarova@mmr.cz)" in tasks[2].text
    assert blocks[-1].text.startswith("*Zapsala: Jana Korytářová (MMR)")
    # the same blocks as the text, but for where they are
    text_blocks_ = read_source(SEED)
    assert [(b.kind, b.text, b.bold, b.cells) for b in blocks] == [
        (b.kind, b.text, b.bold, b.cells) for b in text_blocks_
    ]


def test_round_trip_of_psc_word_minutes(repo, runner, tmp_path):
    out = tmp_path / "m.docx"
    result = run(runner, "render", "2016-09-07", "--format", "docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    blocks = read_source(out)
    assert any("**MPSV**" in b.text for b in blocks if b.kind == "paragraph")
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert "Bod 1 – Zahájení (ze strany MMR a Výboru pro udržitelné municipality)" in headings
    assert "A Průběh jednání" in headings
    rows = [b.cells for b in blocks if b.kind == "row"]
    assert rows[0] == ["název", "1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)"]
    assert rows[1] == ["datum", "7. září 2016, 13:00 – 15:00"]
    tasks = [b for b in blocks if b.kind == "item"]
    assert len(tasks) == 5
    assert "[www.smartcities.mmr.cz](http://www.smartcities.mmr.cz)" in tasks[0].text


def test_markdown_later_paragraph_of_an_item_has_no_number():
    blocks = markdown_blocks("7. first\n\n   more of it\n8. second\n")
    assert [(b.kind, b.text, b.ordered, b.number) for b in blocks] == [
        ("item", "first", True, "7"),
        ("item", "more of it", True, None),
        ("item", "second", True, "8"),
    ]


def test_docx_content_controls_strong_style_letters_and_merged_rows(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    body = document.element.body
    body.insert(
        0,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>In a control</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    strong = document.add_paragraph()
    strong.add_run("Strong").style = document.styles["Strong"]
    strong.add_run(" text")
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0">'
            '<w:start w:val="1"/><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    for word in ("alfa", "beta"):
        item = document.add_paragraph(word)
        item._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        )
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).paragraphs[0].add_run("Merged")
    table.cell(0, 1).text = "one"
    table.cell(1, 1).text = "two"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "in"
    inner.cell(0, 1).text = "ner"
    path = tmp_path / "x.docx"
    document.save(str(path))
    got = [(b.kind, b.text, b.where, b.number, b.cells) for b in read_source(path)]
    assert got == [
        ("paragraph", "In a control", "paragraph 1", None, []),
        ("paragraph", "**Strong** text", "paragraph 2", None, []),
        ("item", "alfa", "paragraph 3", "a", []),
        ("item", "beta", "paragraph 4", "b", []),
        ("row", "Merged | one", "table 1, row 1", None, ["Merged", "one"]),
        ("row", " | two\nin | ner", "table 1, row 2", None, ["", "two\nin | ner"]),
    ]
