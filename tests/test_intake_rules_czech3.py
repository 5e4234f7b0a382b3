"""More rules of `psc import` on real Czech minutes (issue 22): a programme given as a table
with a presenter column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_recognise import _draft

from psc.edits.intake import groups, programme, runtogether, tables
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


def test_lines_run_together_broken_at_their_labels():
    # obec-velke-brezno-rada-2018-05, line 1: a PDF transcript run into one line
    blocks = text_blocks(_source("obec-velke-brezno-rada-2018-05"))
    split, notes = runtogether.split(blocks)
    texts = [(b.kind, b.text[:30]) for b in split]
    assert texts[:6] == [
        ("paragraph", "ZÁ P I S z 67. schůze Rady obc"),
        ("paragraph", "Přítomni: Mgr. Michal Kulhánek"),
        ("paragraph", "Omluveni:"),
        ("heading", "Zahájení"),
        ("paragraph", "Schůzi rady předsedal starosta"),
        ("paragraph", "Usnesení 67/2018 91/2018 Progr"),
    ]
    assert split[6].text.startswith("Usnesení 92/2018 Uzavření pachtovní smlouvy")
    # not a word lost: the lines read again are the paragraph
    assert " ".join(b.text for b in split).split() == blocks[0].text.split()
    assert notes == [("line 1", "lines run together: read as 7 lines")]


def test_lines_run_together_of_another_body():
    # http://docplayer.cz/190858944-J-dedic-r-bradac-m-doktor-v-karmazin-j-m-kasparu-j-kratochvil-r-kuhn-p-kysilka-t-samek-z-sarapatka-d-vana.html
    # (minutes of the 8th meeting of the Council of Czech Television, a PDF's transcript)
    quote = (
        "Zápis z 8. jednání Rady České televize ze dne Přítomni: J. Dědič, R. Bradáč, M. Doktor, "
        "V. Karmazín, J. M. Kašparů, J. Kratochvíl, R. Kühn, P. Kysilka, T. Samek, Z. Šarapatka, "
        "D. Váňa Omluveni: J. Šlégr, Z. Šarapatka příchod 13:12 hod. Sekretariát Rady : H. "
        "Zavadilová, P. Dvořáková Předsedající: J. Dědič Hosté: P. Dvořák, M. Havlová, D. Břinčil, "
        "P. Koliha, J. Staněk Program jednání: 1. Zahájení 2. Volba návrhové komise"
    )
    split, _ = runtogether.split(text_blocks(quote))
    assert [b.text.split(":")[0] for b in split] == [
        "Zápis z 8. jednání Rady České televize ze dne",
        "Přítomni",
        "Omluveni",
        "Předsedající",
        "Hosté",
    ]
    meeting = _draft(quote, date=dt.date(2020, 4, 29)).meeting  # the date the dump lost
    attendees = meeting["attendees"]
    assert len(attendees["present"]) == 11 and attendees["present"][-1] == "D. Váňa"
    assert attendees["excused"][0] == "J. Šlégr"
    assert attendees["guests"][0] == "P. Dvořák"
    assert meeting["chair"] == "J. Dědič"


def test_a_long_paragraph_with_one_label_stays_whole():
    # obec-uholicky-kontrolni-vybor-2014-11, line 24: long, but no label inside it
    blocks = [b for b in text_blocks(_source("obec-uholicky-kontrolni-vybor-2014-11"))]
    split, notes = runtogether.split(blocks)
    assert split == blocks and notes == []


def test_a_vote_table_read_as_the_line_of_its_vote():
    # svj-santrochova-shromazdeni-2025-11, lines 12-21: 'PRO |', 'ZDRŽEL SE |', 'PROTI |' over
    # '18.915 hlasů = … |' (read as a numbered point '18.915'), '714 hlasů = … |', '0 hlasů = … |'
    blocks = text_blocks(_source("svj-santrochova-shromazdeni-2025-11"))
    joined, notes = tables.cells_joined(blocks)
    (line,) = [b.text for b in joined if b.text.startswith("Výsledek hlasování")][:1]
    assert line.endswith(
        "hlasů): PRO: 18.915 hlasů = 96,36 % přítomných vlastníků 78,40 % všech vlastníků, "
        "ZDRŽEL SE: 714 hlasů = 3,64 % přítomných vlastníků 2,96 % všech vlastníků, "
        "PROTI: 0 hlasů = 0 % přítomných vlastníků 0 % všech vlastníků"
    )
    assert ("line 12–20", "a vote table: each column's head with its count, as one line") in notes
    content = _draft(_source("svj-santrochova-shromazdeni-2025-11")).meeting["items"][-1]["content"]
    votes = [
        (b["votes"], b.get("outcome")) for b in content if isinstance(b, dict) and "votes" in b
    ]
    assert votes == [
        ({"for": 18915, "abstained": 714, "against": 0}, "adopted"),  # 'Návrh přijat.'
        ({"for": 19092, "abstained": 537, "against": 0}, "adopted"),
    ]


def test_the_heads_of_a_vote_table():
    # https://www.portalobydleni.cz/pravni-poradna-jak-se-hodnoti-vysledek-hlasovani-svj/
    # (an owners' association's votes 'zapsán PRO / PROTI / ZDRŽEL SE / NEHLASOVAL')
    heads = "PRO / PROTI / ZDRŽEL SE / NEHLASOVAL".split(" / ")
    assert all(tables._VOTE_HEAD.match(h) for h in heads)
    assert not tables._VOTE_HEAD.match("Proti předloženému návrhu usnesení")


def test_people_attending_for_a_body():
    # spolek-sh-cms-uorp-2018-04, line 7
    assert groups.body_group(
        "z MV GŘ HZS ČR – plk. Mgr. Radek Kislinger a kpt. Mgr. Jana Kemrová"
    ) == (
        "z MV GŘ HZS ČR",
        ["plk. Mgr. Radek Kislinger", "kpt. Mgr. Jana Kemrová"],
    )
    # https://www.dh.cz/index.php/test-2/vykonny-vybor-sh-cms/jednani-vykonneho-vyboru/1366-zaznam-z-jednani-vv-sh-cms-25-3-2021
    # (the executive committee of SH ČMS: 'Omluveni: Za VV SH ČMS: J. Slámečka, …')
    assert groups.body_group("Za VV SH ČMS: J. Slámečka, L. Janeba, V. Hulec, J. Karger") == (
        "Za VV SH ČMS",
        ["J. Slámečka", "L. Janeba", "V. Hulec", "J. Karger"],
    )
    # no body first: names only (obec-zbilidy …), or a sentence
    assert groups.body_group("Mgr. Michal Kulhánek, Jaromír Dvořák") is None
    assert groups.body_group("z důvodu nemoci – omluven předem") is None


def test_the_attendance_sheet_and_guests_of_a_body_imported():
    # spolek-sh-cms-uorp-2018-04, lines 3-7: 'Přítomni:  dle prezenční listiny', 'Omluveni:  dle
    # prezenční listiny', 'Hosté: z MV GŘ HZS ČR – …': notes, not people named 'dle prezenční listiny'
    attendees = _draft(_source("spolek-sh-cms-uorp-2018-04")).meeting["attendees"]
    assert "note" not in attendees  # the sheet is the note of its label's category
    assert attendees["categories"] == [
        {"label": "Přítomni", "note": "dle prezenční listiny"},
        {"label": "Omluveni", "note": "dle prezenční listiny"},
        {
            "label": "Hosté",
            "groups": [
                {
                    "body": "z MV GŘ HZS ČR",
                    "people": ["plk. Mgr. Radek Kislinger", "kpt. Mgr. Jana Kemrová"],
                }
            ],
        },
    ]
