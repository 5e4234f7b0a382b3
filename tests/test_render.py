"""Rendered minutes of the seed meeting: golden files, every sentence of the seed, safety."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import REPO, SEED, refingerprint, run

GOLDEN = Path(__file__).parent / "golden"


def render(repo: Path, runner, *args: str) -> str:
    result = run(runner, "render", *args, "-o", "-")
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden(repo, runner, fmt):
    """The rendered seed equals the reviewed golden file (PSC_UPDATE_GOLDEN=1 rewrites it)."""
    out = render(repo, runner, "2016-09-07", "--format", fmt)
    golden = GOLDEN / f"2016-09-07.{fmt}"
    if os.environ.get("PSC_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_rendering_is_deterministic(repo, runner, fmt):
    first = render(repo, runner, "2016-09-07", "--format", fmt)
    second = render(repo, runner, "2016-09-07", "--format", fmt)
    assert first.encode() == second.encode()


def _normalise(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links -> their text
    text = text.replace("**", "").replace("<br>", " ").replace("|", " ")
    text = re.sub(r"(?m)^\s*(#+|[-*])\s+", "", text)  # headings, bullets
    text = text.replace("*", "")
    text = re.sub(r"\s[-–]\s", " – ", text)
    return " ".join(text.split())


def seed_sentences() -> list[str]:
    """Every sentence (or sentence fragment) of the seed text, formatting stripped."""
    sentences = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        for cell in line.split("\t"):
            cell = _normalise(cell)
            if not cell:
                continue
            sentences.extend(s for s in re.split(r"(?<=[.;:!?])\s+", cell) if s.strip())
    return sentences


def test_every_seed_sentence_is_in_the_markdown(repo, runner):
    out = _normalise(render(repo, runner, "2016-09-07", "--format", "md"))
    sentences = seed_sentences()
    assert len(sentences) > 100
    missing = [s for s in sentences if s not in out]
    assert missing == []


def test_seed_reads_like_the_original(repo, runner):
    out = render(repo, runner, "2016-09-07", "--format", "md")
    for expected in [
        "| název | 1. jednání Pracovní skupiny pro Smart Cities (PS pro SC) |",
        "| datum | 7. září 2016, 13:00 – 15:00 |",
        "| účastníci | viz prezenční listina |",
        "## A Průběh jednání",
        "### Bod 1 – Zahájení (ze strany MMR a Výboru pro udržitelné municipality)",
        "### Bod 8 – Diskuze, shrnutí, závěr PS pro SC",
        "## B Úkoly",
        "– T: průběžně (posílat na [jana.korytarova@mmr.cz](mailto:jana.korytarova@mmr.cz))",
        "– T: 1. 11. 2016 (posílat na",
        "– T: do další PS (15. 11. 2016), zpracuje MMR.",
        "Termíny dalšího jednání PS: **15. 11. 2016 (opět ve 13:00)**",
        "Termíny v roce 2017 (předběžně): 1. 2., 5. 4., 24. 5., 6. 9., 29. 11.",
        "*Zapsala: Jana Korytářová (MMR), 27. 9. 2016, schválil: František Kubeš (MMR), 3. 10. 2016*",
    ]:
        assert expected in out


def test_html_is_standalone_and_semantic(repo, runner):
    out = render(repo, runner, "2016-09-07", "--format", "html")
    assert out.startswith("<!DOCTYPE html>")
    assert '<html lang="cs">' in out
    assert "<h2>A Průběh jednání</h2>" in out
    assert "<h3>Bod 2 – Diskuze klíčových činností Pracovní skupiny pro Smart Cities</h3>" in out
    assert '<a href="http://www.smartcities.mmr.cz">www.smartcities.mmr.cz</a>' in out
    assert "Z hlediska <strong>MPSV</strong> je relevantní" in out
    assert "@media print" in out
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!www\.smartcities)""", out)
    assert "<link" not in out and "<script" not in out


def test_english_labels_and_dates(repo, runner):
    out = render(repo, runner, "2016-09-07", "--format", "md", "--lang", "en")
    assert "| date | 7 September 2016, 13:00 – 15:00 |" in out
    assert "## A Proceedings" in out
    assert "### Item 1 – Zahájení" in out
    assert "– Due: ongoing" in out
    assert "– Due: by the next meeting (15 Nov 2016), zpracuje MMR." in out
    assert "*Recorded by: Jana Korytářová (MMR), 27 Sept 2016" in out or "27 Sep 2016" in out


def _edit(repo: Path, old: str, new: str) -> None:
    path = repo / "meetings" / "2016-09-07.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    refingerprint(repo)


def test_verb_forms_follow_gender(repo, runner):
    _edit(
        repo,
        "approved_by:\n  name: František Kubeš",
        "approved_by:\n  gender: female\n  name: Eva Nováková",
    )
    out = render(repo, runner, "2016-09-07", "--format", "md")
    assert (
        "*Zapsala: Jana Korytářová (MMR), 27. 9. 2016, schválila: Eva Nováková (MMR), 3. 10. 2016*"
        in out
    )


def test_unknown_gender_uses_both_forms(repo, runner):
    _edit(repo, "recorded_by:\n  name: Jana Korytářová", "recorded_by:\n  name: Alex Novák")
    out = render(repo, runner, "2016-09-07", "--format", "md")
    assert "*Zapsal(a): Alex Novák (MMR), 27. 9. 2016" in out


def test_html_escapes_text_and_ignores_raw_html(repo, runner):
    _edit(repo, "title: Zahájení", "title: Zahájení <script>alert(1)</script>")
    _edit(
        repo,
        "      - David Koppitz, ředitel",
        "      - <img src=x onerror=alert(1)> David Koppitz, ředitel",
    )
    out = render(repo, runner, "2016-09-07", "--format", "html")
    assert "<script>alert" not in out and "<img" not in out
    assert "Zahájení &lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt; David Koppitz" in out


def test_markdown_table_cells_are_escaped(repo, runner):
    _edit(repo, "place: Akademie", "place: A | B Akademie")
    out = render(repo, runner, "2016-09-07", "--format", "md")
    assert "| místo | A \\| B Akademie" in out


def test_repository_templates_override_the_defaults(repo, runner):
    (repo / "templates").mkdir()
    (repo / "templates" / "minutes.md.j2").write_text(
        "Vlastní: {{ meeting.title }}\n", encoding="utf-8"
    )
    out = render(repo, runner, "2016-09-07", "--format", "md")
    assert out == "Vlastní: 1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)\n"
    html = render(repo, runner, "2016-09-07", "--format", "html")
    assert html.startswith("<!DOCTYPE html>")


def test_html_autoescape_does_not_depend_on_template_name(repo, runner):
    (repo / "templates").mkdir()
    (repo / "templates" / "minutes.html.j2").write_text("{{ meeting.title }}", encoding="utf-8")
    _edit(repo, "title: 1. jednání", "title: <b>1. jednání")
    assert render(repo, runner, "2016-09-07", "--format", "html").startswith("&lt;b&gt;1. jednání")


def test_undefined_variable_in_a_template_is_an_error(repo, runner):
    (repo / "templates").mkdir()
    (repo / "templates" / "minutes.md.j2").write_text("{{ meeting.titel }}", encoding="utf-8")
    result = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-")
    assert result.exit_code == 1
    assert "minutes.md.j2" in result.output


def test_shipped_templates_exist():
    import psc
    from psc.language.templates import package_templates

    root = package_templates()
    names = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert {"minutes/minutes.md.j2", "minutes/minutes.html.j2"} <= names
    installed = Path(psc.__file__).resolve().parent
    if REPO / "src" not in installed.parents:  # a real install (as in CI): the wheel ships them
        assert package_templates() == installed / "templates"
        for name in names:
            assert (installed / "templates" / name).read_bytes() == (
                REPO / "templates" / name
            ).read_bytes()
