"""More rules of `psc import` on real Czech minutes (issue 22): a programme given as a table
with a presenter column."""

from __future__ import annotations

from pathlib import Path

from test_intake_recognise import _draft

from psc.edits.intake import programme
from psc.edits.intake.sources import text_blocks

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


# spolek-sscr-vykonny-vybor-2015-07, lines 15-19: the table's head, its rows, and the page
# number where the table crosses a page.
_SSCR_TABLE = (
    "Bod programu Předkladatel\n"
    "1 Zahájení, určení zapisovatele a ověřovatele zápisu V. Novotný\n"
    "2\n"
    "2 Schválení zápisu 99. schůze VV ŠSČR V. Novotný\n"
    "4 Kolize MČR družstev v bleskovém/rapid šachu a 1. ligy P. Záruba\n"
)


def test_a_programme_table_with_a_presenter_column():
    blocks = text_blocks(_SSCR_TABLE)
    found = programme.table(blocks, 0)
    assert found is not None
    entries, end, skipped = found
    assert entries == [
        {
            "title": "Zahájení, určení zapisovatele a ověřovatele zápisu",
            "presenters": ["V. Novotný"],
        },
        {"title": "Schválení zápisu 99. schůze VV ŠSČR", "presenters": ["V. Novotný"]},
    ]
    assert skipped == [2]  # the lone '2' between rows 1 and 2: a page number
    assert blocks[end].text.startswith("4 Kolize")  # row 4 after row 2 is no row of this table


def test_no_table_without_its_head_or_its_rows():
    blocks = text_blocks(_SSCR_TABLE)
    assert programme.table(blocks, 1) is None  # a row is no head
    assert programme.table(text_blocks("Bod programu Předkladatel\n2\n"), 0) is None


def test_the_programme_table_inside_an_item():
    meeting = _draft(_source("spolek-sscr-vykonny-vybor-2015-07")).meeting
    third = meeting["items"][2]["content"]
    assert third[0] == {"heading": "Bod programu Předkladatel"}
    rows = third[1]["programme"]
    assert len(rows) == 17
    assert rows[11] == {
        "title": "Koncepce činnosti KR, nový Statut rozhodčích",
        "presenters": ["P. Harasimovič"],
    }
    assert rows[14] == {"title": "Zpráva hospodáře", "presenters": ["R. Svoboda"]}
