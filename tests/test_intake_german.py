"""German minutes in `psc import` (issue 22, fifth round): German labels read from a data table
(german.py) beside the Czech and English ones, and a label alone on its line over its people
on the next line (labelalone.py), in any language.

Every input is a real quote: from a fixture of tests/fixtures/real/ (named), or from a
published Protokoll found with the search tool (its address in a comment). Each label of the
table is found in at least two German bodies' minutes. Each recognised meeting must validate.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from intake_quotes import REAL, recognised, source_lines

from psc.edits.intake import german, labelalone
from psc.edits.intake.facts import category_kind
from psc.edits.intake.reading import read_source
from psc.edits.intake.recognise import recognise
from psc.edits.intake.sources import text_blocks
from psc.language import dates
from psc.loading.model import Group

# psc words its labels in Czech or English: a German body chooses English (as the Makerspace
# Gütersloh fixture's group.yaml does), and its minutes keep their own German labels
DE = Group(name="Verein", short="V", language="en")
DAY = dt.date(2018, 10, 17)


def _meeting(text: str) -> dict[str, Any]:
    return recognised(text, DE, DAY)


def _categories(meeting: dict[str, Any]) -> dict[str, list[str]]:
    return {c["label"]: c.get("people", []) for c in meeting["attendees"]["categories"]}


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        # https://wiki.piratenpartei.de/HE:Vorstand/Protokolle/2020-04.05 'Anwesend: Martina, …';
        # https://wiki.dezentrale.space/Protokolle/2024-02-26_Plenum 'Anwesend 14'
        ("Anwesend", "category"),
        # https://technikkultur-erfurt.de/verein:protokolle:plenum-2017-09 'Anwesende (16): …';
        # https://jena.reparier-cafe.de/node/56 'Anwesende' over its list
        ("Anwesende", "category"),
        # the fixture's 'Anwesende Mitglieder'; technikkultur-erfurt (above): 'Anwesend
        # (Mumble) (2): Karsten, gafu' (the count is taken off before)
        ("Anwesende Mitglieder", "category"),
        ("Anwesend (Mumble)", "category"),
        # the fixture's 'Gäste' over its list; https://wiki.dezentrale.space/index.php?oldid=1757
        # &title=Protokolle%2F2025-05-26_Plenum 'Gäste: 1'
        ("Gäste", "category"),
        # https://jena.reparier-cafe.de/node/56 'Protokollant' over 'Stephan';
        # https://wiki.piratenpartei.de/HE:Vorstand/Protokolle/2020-04.05 'Ernennung
        # Protokollant: Jutta'; dezentrale 2025-05-26 (above) 'Protokollantin: Julius, pilgrim';
        # the fixture's 'Protokollant.in:'
        ("Protokollant", "minute_taker"),
        ("Protokollantin", "minute_taker"),
        ("Protokollant.in", "minute_taker"),
        # https://www.binary-kitchen.de/wiki/organisation:plenum:plenum_44?rev=1762633211
        # 'Moderation: anke', 'Uhrzeit: 19:30 Uhr', 'Ort: Binary Kitchen';
        # https://wiki.niemandsland.org/index.php?title=Plenumsprotokoll/23&printable=yes
        # 'Moderation' over Hanno; https://wikimirror.piraten.tools/wiki/index.php?
        # title=Koordinatorenkonferenz%2FTreffen%2F2010-01-15 'Ort:      NRW-Mumble',
        # 'Uhrzeit:  21.03 Uhr - 23:49 Uhr'
        ("Moderation", "chair"),
        ("Uhrzeit", "time"),
        ("Ort", "place"),
    ],
)
def test_german_labels_are_read_by_their_kind(label, kind):
    assert german.label_kind(label.casefold()) == kind


def test_words_that_only_resemble_german_labels_are_no_labels():
    assert german.label_kind("protokoll der sitzung") is None
    assert german.label_kind("ortin") is None  # an inclusive ending only on a role's noun
    assert german.label_kind("tagesordnungspunkte") is None  # the items follow: not a list
    assert german.label_kind("gäste willkommen heißen") is None


def test_an_attendance_label_on_its_line_gives_a_category_named_as_written():
    # https://wiki.piratenpartei.de/HE:Vorstand/Protokolle/2020-04.05
    meeting = _meeting(
        "Vorstandssitzung am 05.04.2020, 21:00 Uhr\n\n"
        "Anwesend: Martina, Pawel, Matthias, Carsten, Florian, Volker, Jutta\n"
    )
    assert _categories(meeting) == {
        "Anwesend": ["Martina", "Pawel", "Matthias", "Carsten", "Florian", "Volker", "Jutta"]
    }


def test_an_attendance_label_with_its_count_and_one_with_a_note_keep_them():
    # https://technikkultur-erfurt.de/verein:protokolle:plenum-2017-09
    meeting = _meeting(
        "Protokoll zum Plenum am 13. September 2017 im Bytespeicher\n\n"
        "Anwesende (16): Arne, Bernd, Christian, Christoph, Constantin, Eckart, Marcel, Martin, "
        "Max, Phillip, Stefan, Stephan, Stefan (Chaos), Till, LTEF\n\n"
        "Anwesend (Mumble) (2): Karsten, gafu\n"
    )
    people = _categories(meeting)  # each label as written, its count with it
    assert list(people) == ["Anwesende (16)", "Anwesend (Mumble) (2)"]
    assert len(people["Anwesende (16)"]) == 15 and people["Anwesende (16)"][-1] == "LTEF"
    assert people["Anwesend (Mumble) (2)"] == ["Karsten", "gafu"]


def test_the_makerspace_header_labels_alone_over_their_people():
    # odt-makerspace-gt-planungstreffen-2018-10: bold labels on lines of their own in the .odt
    text = source_lines("odt-makerspace-gt-planungstreffen-2018-10", "Planungstreffen", 8)
    meeting = _meeting(text.replace("\n", "\n\n"))
    assert _categories(meeting) == {
        "Anwesende Mitglieder": [
            "Leon Farchau",
            "Andre Siewert",
            "Michael Prange",
            "Olaf Koenig",
            "Philip Markus",
            "Björn Koenig",
        ],
        "Gäste": ["Peter Mohr", "Hans-Christan Meinert", "Bernd", "Gerd Schiestel", "René Plitzko"],
    }
    assert meeting["minute_taker"] == "Michael Prange"  # 'Protokollant.in:' / 'Michael Prange'


def test_a_role_alone_over_one_name_and_a_count_left_alone():
    # https://jena.reparier-cafe.de/node/56: 'Protokollant' / 'Stephan' / 'Anwesende' /
    # '7 Personen' (a count, no people: left as it is)
    blocks = text_blocks("Protokoll 2014-11-09\n\nProtokollant\nStephan\nAnwesende\n7 Personen\n")
    joined, notes = labelalone.joined(blocks, lambda t: german.label_kind(t.casefold()))
    assert [b.text for b in joined] == [
        "Protokoll 2014-11-09",
        "Protokollant: Stephan",
        "Anwesende",
        "7 Personen",
    ]
    assert notes == [
        ("line 3–4", "'Protokollant' over its people on the next line: read as one line")
    ]


def test_a_label_over_a_sentence_is_not_joined():
    # https://jena.reparier-cafe.de/node/56: a heading of the minutes over its first point
    blocks = text_blocks(
        "Anwesende\nbei FB wurden schon mal Anfragen etwas undiplomatisch beanwortet\n"
    )
    joined, notes = labelalone.joined(blocks, lambda t: german.label_kind(t.casefold()))
    assert len(joined) == 2 and notes == []


def test_in_a_czech_groups_import_only_a_categorys_label_is_joined():
    # https://jena.reparier-cafe.de/node/56 ('Protokollant' over 'Stephan') and the fixture's
    # 'Gäste' over its people: a Czech group's import prints its own word for a minute taker
    # (the German label would be lost), a category keeps its label as written
    gaeste = source_lines("odt-makerspace-gt-planungstreffen-2018-10", "Gäste", 2)
    blocks = text_blocks(f"Protokollant\nStephan\n{gaeste}\n")
    joined, _notes = labelalone.joined(
        blocks, lambda t: german.label_kind(t.casefold()), categories_only=True
    )
    assert [b.text for b in joined] == [
        "Protokollant",
        "Stephan",
        "Gäste: Peter Mohr, Hans-Christan Meinert, Bernd, Gerd Schiestel, René Plitzko",
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # odt-makerspace-gt-planungstreffen-2018-10
        ("Mittwoch, 17. Oktober 2018", dt.date(2018, 10, 17)),
        # https://technikkultur-erfurt.de/verein:protokolle:plenum-2017-09
        ("Protokoll zum Plenum am 13. September 2017 im Bytespeicher", dt.date(2017, 9, 13)),
        # http://wikivoyage-ev.org/wiki/Protokoll_%C3%BCber_die_Mitgliederversammlung_des_
        # Wikivoyage_e.V._am_29._September_2007
        (
            "Protokoll über die Mitgliederversammlung des Wikivoyage e.V. am 29. September 2007",
            dt.date(2007, 9, 29),
        ),
    ],
)
def test_german_dates_are_read(text, day):
    found = dates.find_date(text)
    assert found is not None and found[0] == day


def test_a_date_in_german_is_the_meetings_date_and_its_line_stays():
    # odt-makerspace-gt-planungstreffen-2018-10: the title, then the date on a line of its own
    text = source_lines("odt-makerspace-gt-planungstreffen-2018-10", "Planungstreffen", 2)
    draft = recognise(text_blocks(text.replace("\n", "\n\n")), DE, date=None)
    assert draft.meeting["date"] == dt.date(2018, 10, 17)
    assert draft.meeting["items"][0]["content"] == ["Mittwoch, 17. Oktober 2018"]
    assert german.dated_in_german("Mittwoch, 17. Oktober 2018")
    assert not german.dated_in_german("Wednesday 13th July 2011")  # en-stoke-ferry-mill-liaison


def test_a_bold_date_line_under_the_title_of_an_odt_is_the_meetings_date():
    # odt-makerspace-gt-planungstreffen-2018-10: the .odt's bold line under its title
    blocks = read_source(REAL / "odt-makerspace-gt-planungstreffen-2018-10" / "source.odt")
    draft = recognise(blocks, DE, date=None)
    assert draft.meeting["date"] == dt.date(2018, 10, 17)
    assert {"heading": "Mittwoch, 17. Oktober 2018"} in draft.meeting["items"][0]["content"]


def test_a_german_header_of_labelled_lines():
    # https://www.binary-kitchen.de/wiki/organisation:plenum:plenum_44?rev=1762633211
    text = "Datum: 06.11.2025\n\nUhrzeit: 19:30 Uhr\n\nOrt: Binary Kitchen\n\nModeration: anke\n"
    meeting = recognised(text, DE, None)  # dated by the minutes alone
    assert meeting["date"] == dt.date(2025, 11, 6)
    assert meeting["start"] == dt.time(19, 30)
    assert meeting["place"] == "Binary Kitchen"  # not 'Uhr': the time's word is no place
    assert meeting["chair"] == "anke"


def test_uhr_makes_a_time():
    # https://wikimirror.piraten.tools/wiki/index.php?title=Koordinatorenkonferenz%2FTreffen%2F
    # 2010-01-15 'Uhrzeit:  21.03 Uhr - 23:49 Uhr'; https://wiki.dezentrale.space/Protokolle/
    # 2024-02-26_Plenum 'ab 10 Uhr gehts los'
    assert dates.find_times("21.03 Uhr - 23:49 Uhr") == (dt.time(21, 3), dt.time(23, 49))
    assert dates.find_times("ab 10 Uhr gehts los") == (dt.time(10, 0), None)


def test_german_categories_have_their_kind_in_the_recall_measure():
    # a German category of people present or of guests is compared by its kind, as a Czech or
    # English one is: a transcription that lists them as 'present' matches an import that keeps
    # the minutes' own label (the labels of the parametrised test above)
    assert category_kind("Anwesende Mitglieder") == "present"
    assert category_kind("Anwesend (Mumble) (2)") == "present"
    assert category_kind("Gäste") == "guests"
    assert category_kind("Nicht anwesend") == "absent"
