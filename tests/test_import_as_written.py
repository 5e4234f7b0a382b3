"""Issue 22: an import keeps the source's own words where psc would write its own (the
classes of loss the sentence check of tests/test_import_sentences.py found), on lines of the
real fixtures' sources (tests/fixtures/real/*/source.txt)."""

from __future__ import annotations

from pathlib import Path

from test_intake_recognise import EN_GROUP, GROUP, _draft

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- an item's title as written


def test_a_numbered_items_title_keeps_the_colon_the_minutes_write_after_it():
    # sdh-svratouch-valna-hromada-2015-11: '1) Zahájení:' over its text, '2) Minuta ticha …'
    draft = _draft(_source("sdh-svratouch-valna-hromada-2015-11"), GROUP)
    titles = [item.get("title") for item in draft.meeting["items"] if "number" in item]
    assert titles[:3] == [
        "Zahájení:",
        "Minuta ticha za zesnulé členy SDH Svratouch … Františka Hladíka a Jaroslava Cacha",
        "Schválení programu VVH:",
    ]


def test_a_points_title_keeps_its_colon_when_split_from_its_text():
    # html-west-dereham-parish-council-2008-03: '3. Minutes: It was agreed that …'
    draft = _draft(_source("html-west-dereham-parish-council-2008-03"), EN_GROUP)
    titles = [item.get("title") for item in draft.meeting["items"] if "number" in item]
    assert titles[2:5] == ["Minutes:", "Matters Arising:", "Planning:"]
