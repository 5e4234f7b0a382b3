"""Issue 22's seventh round, English held-out shapes: minute references run into their text
(intake/gluedref.py, rendered run together by an item's `run_in`) and a role in brackets with
no comma before the list's last two people (intake/afterrole.py), on real minutes of
tests/fixtures/real and councils' minutes found on the web (the address above each quote)."""

from __future__ import annotations

import re
from pathlib import Path

from test_intake_english import _words_kept
from test_intake_recognise import EN_GROUP, _draft

from psc.edits.intake import afterrole, gluedref
from psc.edits.intake.sources import text_blocks

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


HACKLETON = _source("en-hackleton-np-steering-group-2020-09")

# https://chawleighparishcouncil.org/2021-05-05-annual-parish-council-meeting-minutes-2/
CHAWLEIGH = """2021/05/05: Annual Parish Council Meeting – Minutes
Notes of the remote Annual Parish Meeting
held on Thursday 5 May at 7:00 pm
APM 21.01The notes of the Annual Parish Meeting held on 9 May 2019 were accepted as a correct record. Proposed by Cllr Cockram, seconded by Cllr Martin, carried unanimously.
APM 21.02Cllr Godly gave a report on the key areas of work undertaken by the Council.
"""


def _kept(text: str, draft) -> None:
    """Every word kept, the reference and the text it runs into read as two words."""
    _words_kept(re.sub(r"(\d)([A-Z])", r"\1 \2", text), draft)


def _labelled(meeting) -> list[tuple[object, object, object]]:
    return [
        (i.get("label"), i.get("title"), i.get("run_in"))
        for i in meeting["items"]
        if i.get("label")
    ]


def test_minute_references_run_into_their_titles_are_items():
    """'NP/23/20There were no apologies for absence.', 'NP/27/20Matters Arising and brief
    update' (a steering group's minutes): items labelled by the reference, the rest of the
    line their title, run together as written."""
    draft = _draft(HACKLETON, EN_GROUP)
    labelled = _labelled(draft.meeting)
    assert labelled[0] == ("NP/23/20", "There were no apologies for absence.", True)
    assert ("NP/27/20", "Matters Arising and brief update", True) in labelled
    assert len(labelled) == 10
    _kept(HACKLETON, draft)


def test_minute_references_run_into_their_text_in_another_councils_minutes():
    """'APM 21.01The notes of …' (a parish meeting's notes, the reference glued to the
    sentence): the same shape, a space in the reference ('APM 21.01')."""
    draft = _draft(CHAWLEIGH, EN_GROUP)
    labelled = _labelled(draft.meeting)
    assert [label for label, _title, _run_in in labelled] == ["APM 21.01", "APM 21.02"]
    assert labelled[1][1].startswith("Cllr Godly gave a report")
    _kept(CHAWLEIGH, draft)


def test_one_glued_line_or_one_without_a_year_of_the_minutes_stays_text():
    """One line of the shape is no run of minutes; nor lines whose reference holds no year the
    minutes write out."""
    one = text_blocks(CHAWLEIGH.rsplit("APM 21.02", 1)[0])
    assert gluedref.split_glued(one, lambda _text: None) == []
    no_year = text_blocks(CHAWLEIGH.replace("2019", "").replace("2021/05/05", ""))
    assert gluedref.split_glued(no_year, lambda _text: None) == []


def test_a_run_in_label_renders_without_a_space(tmp_path, monkeypatch, runner):
    """Imported into a fresh repository, the minutes render 'NP/23/20There were no apologies
    for absence.' as the source writes it (Markdown, HTML and Word), not with a space."""
    from conftest import run

    root = tmp_path / "r"
    assert (
        run(runner, "init", str(root), "--name", "B", "--short", "B", "--lang", "en").exit_code == 0
    )
    monkeypatch.chdir(root)
    source = REAL / "en-hackleton-np-steering-group-2020-09" / "source.txt"
    assert run(runner, "import", str(source)).exit_code == 0
    assert run(runner, "validate").exit_code == 0
    for fmt in ("md", "html"):
        out = run(runner, "render", "2020-09-10", "--format", fmt, "-o", "-").stdout
        assert "NP/23/20There were no apologies for absence." in out, fmt
        assert "NP/23/20 There" not in out, fmt
    word = tmp_path / "m.docx"
    assert run(runner, "render", "2020-09-10", "--format", "docx", "-o", str(word)).exit_code == 0


def test_a_role_in_brackets_before_the_last_two_people():
    """'R Hawkesford (Chairman) C Lloyd & M Woolley.': three people."""
    draft = _draft(HACKLETON, EN_GROUP)
    assert draft.meeting["attendees"]["present"] == [
        "R Hawkesford (Chairman)",
        "C Lloyd",
        "M Woolley.",
    ]


def test_a_role_in_brackets_amid_a_list_stays_as_written():
    """'Ray Thompson (Secretary) Dawn Beckwith, …' (a residents' association) amid the list: one
    entry, so the line renders as the source writes it."""
    line = "Ray Thompson (Secretary) Dawn Beckwith"
    assert line in _source("html-stoke-ferry-residents-association-2004-10")
    assert afterrole.split_after_role(line) == [line]
