"""Issue 13: published minutes of real bodies (tests/fixtures/real/<name>/), each kept as
published in source.txt with its address in SOURCE.md, written in psc's format. Every one
validates, and its rendered Markdown holds the sentences of the source, in their order."""

from __future__ import annotations

import bisect
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import REAL_BUDGET, real_fixtures, real_sample, run

from psc.edits.intake.facts import ordinals_joined

REAL = Path(__file__).parent / "fixtures" / "real"
FIXTURES = sorted(p.name for p in REAL.iterdir() if p.is_dir()) if REAL.is_dir() else []
FOUND = 0.95
"""Share of the source's sentences that must appear in the rendered Markdown."""
IN_ORDER = 0.95
"""Share of those found that must appear in the source's order."""


def _spaced(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", text)
    text = re.sub(r"[*_`#|>•]", " ", text)
    text = text.replace("\u00a0", " ").replace("–", "-").replace("—", "-")
    return " ".join(text.split()).casefold()


def normal(text: str) -> str:
    """Text compared as a reader would: Markdown marks, link targets, dashes, spacing and case
    do not count (nor a space a PDF reader may put before a colon, 'PRESENT :', or between a
    number and its superscript ordinal suffix, '23 rd')."""
    return ordinals_joined(_spaced(text).replace(" :", ":"))


def sentences(text: str) -> list[str]:
    """The source's sentences (and lines, where a line is not a sentence), long enough to mean
    something (page numbers and bullets alone do not count; 'Zapsal :' is as long as written)."""
    parts = re.split(r"(?<=[.!?:;])\s+|\n+", text)
    return [normal(p) for p in parts if len(_spaced(p)) >= 8]


def coverage(markdown: str, source: str) -> tuple[list[str], list[str], int]:
    """(sentences, those missing, how many of the found appear in order): the most found
    sentences that stand in the rendered text in the source's order (the longest such run,
    not necessarily contiguous), so that one sentence shown elsewhere, or a short one that
    also stands far ahead ('Contents'), costs itself and not every sentence after it."""
    rendered = normal(markdown)
    wanted = sentences(source)
    missing = [s for s in wanted if s not in rendered]
    return wanted, missing, _in_order([_places(rendered, s) for s in wanted if s in rendered])


def _places(text: str, sentence: str) -> list[int]:
    """Where `sentence` stands in `text`, every place."""
    found, at = [], text.find(sentence)
    while at >= 0:
        found.append(at)
        at = text.find(sentence, at + 1)
    return found


def _in_order(places: list[list[int]]) -> int:
    """The length of the longest chain taking at most one place of each sentence, in the
    sentences' order, each place after the one before (patience sorting: a sentence's places
    tried from the last, so that two of them never extend one chain)."""
    tails: list[int] = []  # tails[k]: the least last place of a chain of k + 1 sentences
    for options in places:
        for place in sorted(options, reverse=True):
            k = bisect.bisect_left(tails, place)
            if k == len(tails):
                tails.append(place)
            else:
                tails[k] = place
    return len(tails)


def test_a_sentence_shown_elsewhere_costs_itself_in_the_order_not_those_after_it():
    """The in-order count is the longest run of found sentences in the source's order: the
    seed's sentences with one moved to the end lose one, with a short one also standing first
    lose none, and in reverse keep one."""
    from conftest import SEED

    wanted = sentences(SEED.read_text(encoding="utf-8"))[:12]
    text = "\n\n".join(wanted)
    assert coverage(text, text)[0] == wanted
    assert coverage(text, text)[2] == 12
    moved = "\n\n".join(wanted[:2] + wanted[3:] + wanted[2:3])
    assert coverage(moved, text)[2] == 11
    shortest = min(wanted, key=len)
    assert coverage(f"{shortest}\n\n{text}", text)[2] == 12
    assert coverage("\n\n".join(reversed(wanted)), text)[2] == 1


def test_the_corpus_has_eighty_fixtures_of_seventy_kinds_forty_two_in_english():
    """Issue 22 item 6 added fixtures after the importer's rules were written (the held-out check):
    four in a first round, one of them a PDF, five in a second (two in Czech, three in English, one
    kept as its web page), four in a third (two in Czech, two in English, one kept as its web
    page), three in a fourth (two in Czech, one in English), eight in a fifth (three in Czech,
    five in English, one kept as its web page), eight in a sixth (four in Czech, four in
    English, two kept as their PDF), seven in a seventh (three in Czech, four in English, one
    kept as its PDF), seven in an eighth (three in Czech, four in English, one kept as its web
    page) and eight in a ninth (three in Czech, five in English, one kept as its PDF, one as its
    OpenDocument text), each of a kind of body not in the corpus before: eight fixtures keep a
    .docx, .odt or .pdf original, five a web page."""
    kinds, english = set(), 0
    for name in FIXTURES:
        head = (REAL / name / "SOURCE.md").read_text(encoding="utf-8").splitlines()[:3]
        assert head[0].startswith("url: http"), name
        assert re.fullmatch(r"retrieved: \d{4}-\d{2}-\d{2}", head[1]), name
        assert head[2].startswith("kind: "), name
        kinds.add(head[2].removeprefix("kind: ").strip())
        group = (REAL / name / "group.yaml").read_text(encoding="utf-8")
        english += bool(re.search(r"^language: en$", group, re.MULTILINE))
    documents = [p for p in REAL.glob("*/source.*") if p.suffix in (".docx", ".odt", ".pdf")]
    pages = list(REAL.glob("*/source.html"))
    assert len(FIXTURES) >= 80, FIXTURES
    assert len(kinds) >= 70, kinds
    assert english >= 42, english
    assert len(documents) >= 8, documents
    assert len(pages) >= 5, pages


def test_the_command_matrices_take_every_original_and_a_fixed_sample_of_the_rest():
    """The matrices that run whole commands per archive take REAL_BUDGET fixtures (printed in
    the session header): each kept as its original document first, the same draw every run."""
    sample = real_sample()
    assert sample == real_sample()
    assert len(sample) == min(REAL_BUDGET, len(real_fixtures())) and set(sample) <= set(FIXTURES)
    originals = [
        n for n in FIXTURES if any(p.suffix != ".txt" for p in (REAL / n).glob("source.*"))
    ]
    assert originals and set(originals) <= set(sample), originals


@pytest.mark.parametrize("name", FIXTURES)
def test_real_minutes_validate_and_render_every_sentence_in_order(name, runner, monkeypatch):
    root = REAL / name
    monkeypatch.chdir(root)
    result = run(runner, "validate", "--no-cache")
    assert result.exit_code == 0, result.output
    meetings = sorted(p.stem for p in (root / "meetings").glob("*.yaml"))
    markdown = ""
    for meeting in meetings:
        rendered = run(runner, "render", meeting, "--format", "md", "-o", "-", "--no-cache")
        assert rendered.exit_code == 0, rendered.output
        markdown += rendered.stdout
        # a label the group leaves empty hides its heading, never an empty one ('## ')
        assert not re.search(r"^#+[ \t]*$", rendered.stdout, re.MULTILINE), meeting
    wanted, missing, in_order = coverage(
        markdown, (root / "source.txt").read_text(encoding="utf-8")
    )
    found = len(wanted) - len(missing)
    assert found >= FOUND * len(wanted), f"{found}/{len(wanted)} found; missing: {missing[:10]}"
    assert in_order >= IN_ORDER * found, f"{in_order}/{found} in order"


def test_an_empty_label_hides_its_heading_in_html_and_word(tmp_path, monkeypatch, runner):
    """obec-holoubkov-financni-vybor-2006-12 leaves `next_meetings_title` empty: its next
    meeting is said without a heading, not under an empty one."""
    import shutil
    import zipfile

    root = tmp_path / "holoubkov"
    shutil.copytree(REAL / "obec-holoubkov-financni-vybor-2006-12", root)
    monkeypatch.chdir(root)
    day = next((root / "meetings").glob("*.yaml")).stem
    html = run(runner, "render", day, "--format", "html", "-o", "-", "--no-cache").stdout
    assert "Termín dalšího" in html and "<h2></h2>" not in html
    out = root / "m.docx"
    assert run(runner, "render", day, "--format", "docx", "-o", str(out)).exit_code == 0
    with zipfile.ZipFile(out) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert not re.search(r'<w:pStyle w:val="Heading2"/></w:pPr></w:p>', xml)
