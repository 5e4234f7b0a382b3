"""A table as a web page's text dump writes it (psc.edits.intake.tables), and the words of a
date line the header reads, on mesto-pecky-zastupitelstvo-2025-04 (minutes published by a
municipal records system, https://mesto-pecky.usneseni.cz/verejne/c0c30943-0554-11f0-9479-00505683238f/zapis)."""

from __future__ import annotations

from pathlib import Path

from test_intake_recognise import _draft

from psc.edits.intake import tables
from psc.edits.intake.sources import text_blocks

REAL = Path(__file__).parent / "fixtures" / "real"
PECKY = (REAL / "mesto-pecky-zastupitelstvo-2025-04" / "source.txt").read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    blocks, _notes = tables.cells_joined(text_blocks(text))
    return [b.text for b in blocks]


def test_a_labels_cell_and_the_cell_under_it_are_one_line():
    lines = _lines(PECKY)
    assert "Ověřovatelé: Ondřej Schulz, Milan Pečenka" in lines
    assert "Předsedající: Milan Paluska" in lines
    assert "Hosté:" in lines  # over an empty cell
    assert not any(line.strip() == "|" or line.endswith("|") for line in lines)


def test_a_label_over_another_label_is_not_joined():
    # 'Hlasování |' over 'pro: |' over '(19) Václav Drška, … |'
    lines = _lines(PECKY)
    assert "Hlasování" in lines
    assert any(line.startswith("pro: (19) Václav Drška, ") for line in lines)


def test_a_lone_line_ending_in_a_bar_is_left_as_it_is():
    # one line alone is no table (the Pečky title line, as the fixture's source has it)
    text = "ZÁPIS ze zasedání zastupitelstva č. 2/2025\nPřítomni: |\n"
    assert _lines(text) == ["ZÁPIS ze zasedání zastupitelstva č. 2/2025", "Přítomni: |"]


def test_a_separator_is_never_a_person():
    meeting = _draft(PECKY).meeting
    assert meeting["chair"] == "Milan Paluska"
    people = [p for c in meeting["attendees"].get("categories", []) for p in c.get("people", [])]
    assert "|" not in people and "Milan Paluska" in people
    assert "guests" not in meeting["attendees"]  # 'Hosté: |' over '|': nobody


def test_a_date_line_with_more_words_than_its_date_and_time_is_named_whole():
    draft = _draft(PECKY)
    notes = [(n.where, n.what) for n in draft.notes]
    assert (
        "line 3",
        "'datum: 2. 4. 2025, čas: 17:30' → date 2025-04-02, written '2. 4. 2025', start 17:30",
    ) in notes
