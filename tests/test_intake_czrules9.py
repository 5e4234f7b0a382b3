"""Czech rules of issue 22's eighth round, for the seventh held-out set: a programme and its
items run together on one line, the chair named by function in the opening sentence, and the
attendance labels 'zúčastněni' and 'Omluvené obce'. Each quote is real: from a fixture's
source.txt (named) or from the page whose address is above it."""

from __future__ import annotations

import datetime as dt

from intake_quotes import REAL
from test_intake_recognise import _draft

from psc.edits.intake import openedfunction, peoplelist, runprogramme, runtogether
from psc.edits.intake.blocks import Block
from psc.edits.intake.facts import category_kind
from psc.edits.intake.sources import text_blocks

DSO = "dso-mikroregion-dacicko-valna-hromada-2018-06"
RADA = "rada-vlady-boj-s-korupci-2015-05"
OHK = "ohk-kladno-predstavenstvo-2023-03"
BREZNO = "obec-velke-brezno-rada-2018-05"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    blocks, _ = runprogramme.split(runtogether.split(text_blocks(_source(name)))[0])
    return [b.text for b in blocks]


def test_a_programme_run_into_one_line_is_broken_into_its_points_and_items():
    lines = _lines(DSO)
    start = next(k for k, line in enumerate(lines) if line.endswith("Schválený program:"))
    assert lines[start + 1 : start + 4] == [
        "1) Zahájení",
        "2) Volba ověřovatele zápisu",
        "3) Zpráva Revizní komise",
    ]
    assert lines[start + 9 : start + 12] == [
        "9) Závěr",
        "1) Zahájení:",  # the items take the points up again under their numbers and titles
        "Předseda mikroregionu Ing. Karel Macků přivítal přítomné, byl schválen program zasedání "
        "valné hromady. Zapisovatelkou byla určena Jana Štěpánová.",
    ]
    # the next line of the source, read as a list's item: its later items broken off too
    assert "2) Volba ověřovatele zápisu:" in lines
    assert "3) Zpráva Revizní komise:" in lines
    assert " ".join(" ".join(lines).split()) == " ".join(_source(DSO).split())  # no word lost


def test_the_last_point_ends_at_the_label_before_the_items():
    lines = _lines(RADA)
    at = lines.index("6. Různé")
    assert lines[at - 5] == "1. Úvodní slovo"
    assert lines[at + 1 : at + 3] == ["Průběh jednání:", "1. Úvodní slovo"]
    assert lines[at + 3].startswith("Jiří Dienstbier úvodem zrekapituloval")
    assert lines[at - 6].startswith("Program jednání Rady byl jednomyslně schválen")


def test_a_run_of_points_whose_end_is_not_known_stays_as_written():
    # '… 5) Diskuze Mgr. Kulhánek předložil radě …': no items under the same numbers, no label
    blocks = text_blocks(_source(BREZNO))
    assert runprogramme.split(blocks) == (blocks, [])
    two = [Block("paragraph", "Program: 1. Zahájení 2. Různé 1. Zahájení Starosta …", "line 1")]
    assert runprogramme.split(two)[0] == two  # two points are no programme read so


def test_the_imported_minutes_have_the_programme_and_its_items():
    meeting = _draft(_source(RADA), date=dt.date(2015, 5, 20)).meeting
    assert len(meeting["programme"]) == 6
    assert meeting["programme"][1]["title"].startswith("Rozkrývání nejasné vlastnické")
    lead = meeting["items"][0]["content"]
    assert lead[0]["decision"].startswith("Program jednání Rady byl jednomyslně schválen")
    assert lead[1] == {"show": "programme"}  # printed under the sentence that approves it
    assert [(i["number"], i["title"]) for i in meeting["items"][1:]] == [
        (1, "Úvodní slovo"),
        (
            2,
            "Rozkrývání nejasné vlastnické struktury obchodních korporací a zákaz státu "
            "obchodovat s takovými subjekty",
        ),
    ]
    meeting = _draft(_source(DSO)).meeting
    # the attendance and the programme shown first (its beginning run together: runframe)
    assert meeting["items"][0] == {"content": [{"show": "attendance"}, {"show": "programme"}]}
    assert [i.get("number") for i in meeting["items"][1:]] == [1, 2, 3]
    assert [i.get("label") for i in meeting["items"][1:]] == ["1)", "2)", "3)"]
    assert len(meeting["programme"]) == 9


# https://www.lf1.cuni.cz/zapis-3-4-2017
SENATE = "Předseda Akademického senátu 1. LF UK, P. Strejc, zahájil zasedání v 15.05 hodin."


def test_the_chair_is_named_by_function_as_the_subject_of_the_opening_sentence():
    rada = next(line for line in _source(RADA).splitlines() if "zahájil jednání" in line)
    assert openedfunction.opened_by(rada) == [("chair", "Jiří Dienstbier", "male")]
    dso = next(line for line in _lines(DSO) if line.startswith("Předseda mikroregionu"))
    assert openedfunction.opened_by(dso) == [("chair", "Ing. Karel Macků", "male")]
    assert openedfunction.opened_by(SENATE) == [("chair", "P. Strejc", "male")]
    assert (
        _draft(_source(RADA), date=dt.date(2015, 5, 20)).meeting["chair"]["name"]
        == "Jiří Dienstbier"
    )


def test_a_function_without_a_name_names_no_chair():
    svaty = (REAL / "ms-svaty-antonin-vyrocni-schuze-2011-03" / "source.txt").read_text(
        encoding="utf-8"
    )
    welcome = next(line for line in svaty.splitlines() if line.startswith("Předseda MS"))
    assert openedfunction.opened_by(welcome) == []  # 'Předseda MS přivítal přítomné …'
    senate = (REAL / "senat-prf-mu-2014-11" / "source.txt").read_text(encoding="utf-8")
    welcome = next(line for line in senate.splitlines() if line.startswith("Předseda AS"))
    assert openedfunction.opened_by(welcome) == []


def test_those_who_took_part_are_a_category_under_their_own_label_and_keep_their_order():
    meeting = _draft(_source(OHK)).meeting
    categories = meeting["attendees"]["categories"]
    assert [c["label"] for c in categories] == ["zúčastněni", "omluveni"]
    assert categories[0]["people"][:2] == ["p. Hrabák", "p. Chmelík"]
    assert categories[1]["people"] == ["p. Dundr", "p. Hašek"]
    assert category_kind("zúčastněni") == "present"
    assert category_kind("nezúčastnili se") == "absent"


def test_municipalities_excused_are_read_inside_a_run_together_line():
    assert "Omluvené obce: Červený Hrádek, Dešná, Dobrohošť, Heřmaneč, Horní Slatina, " in " ".join(
        _lines(DSO)
    )
    attendees = _draft(_source(DSO)).meeting["attendees"]
    # the categories in the minutes' order, each labelled as written (ownlabels)
    (excused,) = [c for c in attendees["categories"] if c["label"] == "Omluvené obce"]
    assert excused["people"][:2] == ["Červený Hrádek", "Dešná"]
    assert category_kind("Omluvené obce") == "excused"
    assert any(line.startswith("Omluvené obce:") for line in _lines(DSO))


def test_a_count_of_members_by_the_list_of_attendance_names_no_one():
    present = next(line for line in _lines(DSO) if line.startswith("Přítomni:"))
    assert present == "Přítomni: 17 členských obcí dle prezenční listiny"
    assert peoplelist.counted(present.removeprefix("Přítomni: "))
    # obec-vetrusice-zastupitelstvo-2014-06: 'Přítomno: 6 členů zastupitelstva, …'
    assert peoplelist.counted("6 členů zastupitelstva")
    assert not peoplelist.counted("Ing. Pavel Grund")
    attendees = _draft(_source(DSO)).meeting["attendees"]
    assert "present" not in attendees
    assert attendees["categories"][0]["note"] == "17 členských obcí dle prezenční listiny"
