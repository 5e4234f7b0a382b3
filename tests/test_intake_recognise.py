"""The recogniser of `psc import` (psc.edits.intake.recognise) on small minutes snippets.

Each test reads a few lines written as real minutes are (Czech, and one English group) with
the plain-text reader, recognises them against a group built here, checks one behaviour in
`draft.meeting`, and checks that the meeting it gives validates through the loading pipeline.
The last section holds the cases a first version got wrong (text lost, a wrong field).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psc.edits.intake.draft import meeting_text
from psc.edits.intake.recognise import Draft, recognise
from psc.edits.intake.sources import text_blocks
from psc.language.dates import MONTHS_CS, MONTHS_EN
from psc.language.wording import Wording
from psc.loading.model import Group, Member
from psc.loading.pipeline import load_meeting

D = dt.date
T = dt.time

GROUP = Group(
    name="Pracovní skupina pro Smart Cities",
    short="PS pro SC",
    organisations={
        "MMR": "Ministerstvo pro místní rozvoj",
        "MPSV": "Ministerstvo práce a sociálních věcí",
        "SMO ČR": "Svaz měst a obcí České republiky",
    },
    members=[Member(name="Jana Korytářová", organisation="MMR", gender="female")],
)

EN_GROUP = Group(
    name="Little Snoring Parish Council",
    short="LSPC",
    language="en",
    organisations={"CC": "County Council"},
    members=[Member(name="Alice Smith")],
)

HEAD = "Zápis z jednání pracovní skupiny\nDatum: 7. 9. 2016\n"
"""A title and a date: what every meeting file needs."""

ITEM = HEAD + "Bod 1 – Zahájení\n"
"""…and an agenda item to put the body into."""


def _draft(
    text: str, group: Group = GROUP, *, date: dt.date | None = None, add: bool = False
) -> Draft:
    """`text` recognised; the meeting it gives must validate as meetings/<date>.yaml (with the
    bodies the import registers added to the group, as `psc import` writes them)."""
    draft = recognise(text_blocks(text), group, date=date, add_organisations=add)
    _validate(draft, group)
    return draft


def _validate(draft: Draft, group: Group) -> str:
    yaml_text = meeting_text(draft.meeting, comment="x")
    day = draft.meeting["date"]
    registry = {**group.organisations, **draft.organisations}
    loaded_group = group.model_copy(update={"organisations": registry})
    load_meeting(yaml_text, Path(f"meetings/{day.isoformat()}.yaml"), loaded_group, approval=False)
    return yaml_text


def _meeting(text: str, group: Group = GROUP, **kwargs: Any) -> dict[str, Any]:
    return _draft(text, group, **kwargs).meeting


def _content(text: str, **kwargs: Any) -> list[Any]:
    """The content of the only agenda item."""
    (item,) = _meeting(text, **kwargs)["items"]
    return item["content"]


# ------------------------------------------------------------------------------ header


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Zápis z jednání\nDatum: 7. 9. 2016\nBod 1 – Zahájení\nText.",
            {"date": D(2016, 9, 7)},
            id="datum-numeric",
        ),
        pytest.param(
            "Zápis z jednání\nDatum a čas: 7. září 2016, 13:00 – 15:00\nBod 1 – Zahájení\nText.",
            {"date": D(2016, 9, 7), "start": T(13, 0), "end": T(15, 0)},
            id="datum-a-cas-month-name-and-times",
        ),
        pytest.param(
            HEAD + "Místo konání: MMR, Staroměstské nám. 6, Praha 1\nBod 1 – Zahájení\nText.",
            {"place": "MMR, Staroměstské nám. 6, Praha 1"},
            id="misto-konani",
        ),
        pytest.param(
            HEAD + "Čas: 15.05 hod.\nBod 1 – Zahájení\nText.",
            {"start": T(15, 5)},
            id="cas-hod",
        ),
        pytest.param(
            "název\t5. jednání Pracovní skupiny pro Smart Cities\n"
            "datum\t7. září 2016, 13:00 – 15:00\n"
            "místo\tAkademie veřejného investování, Praha 1\n"
            "Bod 1 – Zahájení\nText.",
            {
                "number": 5,
                "title": "5. jednání Pracovní skupiny pro Smart Cities",
                "date": D(2016, 9, 7),
                "start": T(13, 0),
                "end": T(15, 0),
                "place": "Akademie veřejného investování, Praha 1",
            },
            id="tab-separated-header-table",
        ),
        pytest.param(
            "Zápis z jednání výboru\nKonání:\n7. 9. 2016\nBod 1 – Zahájení\nText.",
            {"date": D(2016, 9, 7)},
            id="konani-date-on-next-line",
        ),
        pytest.param(
            "Zápis ze 6. jednání školské rady\nPardubice, 20. července 2015\n"
            "Bod 1 – Zahájení\nText.",
            {"date": D(2015, 7, 20), "place": "Pardubice"},
            id="place-and-date-line-under-title",
        ),
        pytest.param(
            "Zápis z 23. jednání Pracovní skupiny pro Smart Cities\nDatum: 7. 9. 2016\n"
            "Bod 1 – Zahájení\nText.",
            {"title": "Zápis z 23. jednání Pracovní skupiny pro Smart Cities", "number": 23},
            id="title-and-number",
        ),
    ],
)
def test_header(text: str, expected: dict[str, Any]):
    meeting = _meeting(text)
    assert {key: meeting.get(key) for key in expected} == expected


def test_header_labels_are_reported():
    draft = _draft(HEAD + "Místo konání: Praha\nBod 1 – Zahájení\nText.")
    assert [(n.where, n.what) for n in draft.notes[:3]] == [
        ("line 1", "title"),
        ("line 2", "'Datum' → date 2016-09-07, written '7. 9. 2016'"),
        ("line 3", "'Místo konání' → place"),
    ]


def test_no_title_takes_the_groups_short_name():
    draft = _draft("Datum: 7. 9. 2016\nBod 1 – Zahájení\nText.")
    assert draft.meeting["title"] == "PS pro SC"
    assert any("no title found" in note.what for note in draft.notes)


def test_date_given_overrides_the_source():
    meeting = _meeting(ITEM + "Text.", date=D(2016, 9, 8))
    assert meeting["date"] == D(2016, 9, 8)


# -------------------------------------------------------------------------- attendance


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            "Přítomni: Jan Novák, Petr Malý, Eva Dlouhá",
            {"present": ["Jan Novák", "Petr Malý", "Eva Dlouhá"]},
            id="present",
        ),
        pytest.param("Omluveni: Karel Veselý", {"excused": ["Karel Veselý"]}, id="excused"),
        pytest.param("Hosté: Marie Horká", {"guests": ["Marie Horká"]}, id="guests"),
        pytest.param(
            "Přítomni: doc. Jan Novák, Ph.D., Eva Dlouhá",
            {"present": ["doc. Jan Novák, Ph.D.", "Eva Dlouhá"]},
            id="title-after-a-name-stays",
        ),
        pytest.param(
            "Přítomni: viz prezenční listina",
            {"categories": [{"label": "Přítomni", "note": "viz prezenční listina"}]},
            id="see-the-attendance-list",
        ),
        pytest.param(
            "Přítomni: Baxa, Berka, Cibulka (22)\nOmluveni: 0\nHosté: Marie Horká",
            {
                "categories": [  # in the minutes' order, the guests too
                    {"label": "Přítomni", "people": ["Baxa", "Berka", "Cibulka"], "count": 22},
                    {"label": "Omluveni", "note": "0"},
                    {"label": "Hosté", "people": ["Marie Horká"]},
                ],
            },
            id="counts-make-categories",
        ),
        pytest.param(
            "Omluveni: –",
            {"categories": [{"label": "Omluveni", "nobody": True}]},
            id="dash-is-nobody",
        ),
    ],
)
def test_attendance(lines: str, expected: dict[str, Any]):
    meeting = _meeting(HEAD + lines + "\nBod 1 – Zahájení\nText.")
    assert meeting["attendees"] == expected


# --------------------------------------------------------------------------- programme

PROGRAMME = (
    HEAD
    + "Program:\n"
    + "1. Zahájení – Předkládá: Ing. Pavel Straka (10 min.)\n"
    + "2. Zpráva o činnosti výboru\n"
    + "3. Různé\n"
    + "**Průběh jednání**\n"
)


def test_programme_points_with_presenters_and_duration():
    meeting = _meeting(PROGRAMME + "1. Zahájení\nText.")
    assert meeting["programme"] == [
        {"title": "Zahájení", "presenters": ["Ing. Pavel Straka"], "duration": 10},
        {"title": "Zpráva o činnosti výboru"},
        {"title": "Různé"},
    ]


def test_numbered_lines_matching_the_programme_are_items():
    meeting = _meeting(
        PROGRAMME + "1. Zahájení\nPředseda zahájil jednání.\n"
        "2. Zpráva o činnosti výboru za rok 2016\nZprávu přednesl tajemník."
    )
    assert [(i["number"], i["title"]) for i in meeting["items"]] == [
        (1, "Zahájení"),
        (2, "Zpráva o činnosti výboru za rok 2016"),
    ]
    assert meeting["items"][1]["content"] == ["Zprávu přednesl tajemník."]


def test_numbered_line_not_in_the_programme_stays_text():
    meeting = _meeting(PROGRAMME + "1. Zahájení\nPředseda zahájil jednání.\n5. Nový bod jednání")
    (item,) = meeting["items"]
    assert item["content"] == ["Předseda zahájil jednání.", "5. Nový bod jednání"]


def test_structural_heading_is_left_to_psc():
    draft = _draft(PROGRAMME + "1. Zahájení\nText.")
    assert "Průběh jednání" not in str(draft.meeting)
    assert any("psc prints its own heading" in note.what for note in draft.notes)


# ------------------------------------------------------------------------------- items


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Bod 1 – Zahájení", {"number": 1, "title": "Zahájení"}, id="bod"),
        pytest.param(
            "Ad 1) Zahájení", {"number": 1, "title": "Zahájení", "label": "Ad 1)"}, id="ad"
        ),
        pytest.param(
            "K bodu 1 Zahájení",
            {"number": 1, "title": "Zahájení", "label": "K bodu 1"},
            id="k-bodu",
        ),
        pytest.param(
            "Bod programu 1: Zahájení",
            {"number": 1, "title": "Zahájení", "label": "Bod programu 1:"},
            id="bod-programu",
        ),
        pytest.param("## Bod 1 – Zahájení", {"number": 1, "title": "Zahájení"}, id="heading"),
    ],
)
def test_item_start(line: str, expected: dict[str, Any]):
    (item,) = _meeting(HEAD + line + "\nPředseda zahájil jednání.")["items"]
    assert {key: item.get(key) for key in ("number", "title", "label")} == {
        "label": None,
        **expected,
    }
    assert item["content"] == ["Předseda zahájil jednání."]


def test_k_bodu_with_sentences_keeps_them_as_a_paragraph():
    sentence = (
        "Zprávu o činnosti přednesl předseda výboru. Kontrolu hospodaření přednesla pokladní."
    )
    (item,) = _meeting(HEAD + f"K bodu 2: {sentence}")["items"]
    assert item == {"number": 2, "label": "K bodu 2:", "content": [sentence]}


def test_presenters_under_an_item():
    (item,) = _meeting(ITEM + "Předkládá: Ing. Pavel Straka (10 min.)\nText.")["items"]
    assert (item["presenters"], item["duration"]) == (["Ing. Pavel Straka"], 10)
    assert item["content"] == ["Text."]


def test_items_in_order_with_their_paragraphs():
    meeting = _meeting(
        HEAD + "Bod 1 – Zahájení\nPředseda zahájil jednání.\nBod 2 – Rozpočet\n"
        "Pokladní představila rozpočet.\nDiskuse proběhla."
    )
    assert [item["content"] for item in meeting["items"]] == [
        ["Předseda zahájil jednání."],
        ["Pokladní představila rozpočet.", "Diskuse proběhla."],
    ]


def test_bold_line_is_a_heading_and_bullets_a_list():
    content = _content(ITEM + "**Financování**\n- první možnost\n- druhá možnost\nZávěr.")
    assert content == [
        {"heading": "Financování"},
        {"list": ["první možnost", "druhá možnost"]},
        "Závěr.",
    ]


# -------------------------------------------------------------------------- statements


@pytest.mark.parametrize(
    ("line", "by"),
    [
        pytest.param("**MPSV** informovalo o výzvě na sociální bydlení.", "MPSV", id="bold-abbr"),
        pytest.param(
            "Zástupkyně **Svazu měst a obcí ČR** upozornila na zátěž malých obcí.",
            "SMO ČR",
            id="bold-full-name-in-another-case",
        ),
        pytest.param(
            "Z hlediska **MPSV** je relevantní propojení s iniciativou Práce 4.0.",
            "MPSV",
            id="bold-after-lead-words",
        ),
        pytest.param("MMR představilo metodiku Smart Cities.", "MMR", id="leading-abbreviation"),
        pytest.param(
            "**MMR** a **MPSV** se shodly na společném postupu.",
            ["MMR", "MPSV"],
            id="two-bodies",
        ),
    ],
)
def test_statement(line: str, by: str | list[str]):
    assert _content(ITEM + line) == [{"by": by, "text": line}]


def test_paragraph_naming_no_body_stays_text():
    assert _content(ITEM + "Předseda poděkoval všem přítomným.") == [
        "Předseda poděkoval všem přítomným."
    ]


UNKNOWN = ITEM + "**Národní síť Zdravých měst** doplnila informace o projektech."


def test_unknown_bold_body_is_kept_as_text_with_a_note():
    draft = _draft(UNKNOWN)
    assert draft.meeting["items"][0]["content"] == [
        "**Národní síť Zdravých měst** doplnila informace o projektech."
    ]
    assert draft.organisations == {}
    assert any(
        "'Národní síť Zdravých měst' may be a body not in group.yaml" in note.what
        and note.where == "line 4"
        for note in draft.notes
    )


def test_unknown_bold_body_is_registered_with_add_organisations():
    draft = _draft(UNKNOWN, add=True)
    assert draft.organisations == {"NSZM": "Národní síť Zdravých měst"}
    assert draft.meeting["items"][0]["content"] == [
        {"by": "NSZM", "text": "**Národní síť Zdravých měst** doplnila informace o projektech."}
    ]
    assert any(
        note.what == "registered 'Národní síť Zdravých měst' as NSZM (check its name in group.yaml)"
        for note in draft.notes
    )


# ------------------------------------------------------------------------- resolutions


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            "Usnesení č. 15/2018\nVýbor schvaluje program jednání.\nPro: 6\nProti: 0\nZdržel se: 1",
            {
                "label": "Usnesení č. 15/2018",
                "number": "15/2018",
                "decision": "Výbor schvaluje program jednání.",
                "votes": {"for": 6, "against": 0, "abstained": 1},
                "votes_text": "Pro: 6, Proti: 0, Zdržel se: 1",
            },
            id="number-text-next-line-vote-lines",
        ),
        pytest.param(
            "Usnesení 3/12: Výbor schvaluje rozpočet na rok 2017 (jednomyslně, pro 6)",
            {
                "number": "3/12",
                "votes": {"for": 6},
                "unanimous": True,
                "votes_text": "jednomyslně, pro 6",
                "decision": "Výbor schvaluje rozpočet na rok 2017",
            },
            id="vote-in-parentheses",
        ),
        pytest.param(
            "Usnesení č. 4: Výbor bere na vědomí zprávu o činnosti.\n"
            "Hlasování: pro 7, proti 0, zdržel se 1",
            {
                "label": "Usnesení č. 4:",
                "number": "4",
                "decision": "Výbor bere na vědomí zprávu o činnosti.",
                "votes": {"for": 7, "against": 0, "abstained": 1},
                "outcome": "noted",
                "outcome_text": "Hlasování: pro 7, proti 0, zdržel se 1",  # the line as written
            },
            id="hlasovani-line",
        ),
        pytest.param(
            "Návrh usnesení: Výbor schvaluje rozpočet.\n"
            "Usnesení č. 5: Výbor schvaluje rozpočet ve znění změn.",
            {
                "label": "Usnesení č. 5:",
                "number": "5",
                "proposal": "Výbor schvaluje rozpočet.",
                "decision": "Výbor schvaluje rozpočet ve znění změn.",
            },
            id="proposal-then-resolution",
        ),
        pytest.param(
            "Návrh usnesení: Výbor schvaluje prodej pozemku.\n"
            "Hlasování: pro 2, proti 5, zdržel se 0",
            {
                "proposal": "Výbor schvaluje prodej pozemku.",
                "votes": {"for": 2, "against": 5, "abstained": 0},
                "outcome_text": "Hlasování: pro 2, proti 5, zdržel se 0",
            },
            id="proposal-alone-not-adopted",
        ),
        pytest.param(
            "Usnesení č. 6: Výbor schvaluje rozpočet.\n"
            "Jmenovité hlasování: Jan Novák: pro, Petr Malý: proti",
            {
                "label": "Usnesení č. 6:",
                "number": "6",
                "decision": "Výbor schvaluje rozpočet.",
                "roll_call": [
                    {"name": "Jan Novák", "vote": "for"},
                    {"name": "Petr Malý", "vote": "against"},
                ],
            },
            id="roll-call",
        ),
    ],
)
def test_resolution(lines: str, expected: dict[str, Any]):
    assert _content(ITEM + lines) == [expected]


def test_paragraph_after_a_resolution_stays_a_paragraph():
    content = _content(ITEM + "Usnesení č. 7: Výbor schvaluje zápis.\nPředseda ukončil jednání.")
    assert content[1:] == ["Předseda ukončil jednání."]


# ------------------------------------------------------------------------------- tasks

TASKS = (
    ITEM
    + "Text.\n"
    + "## B Úkoly\n"
    + "- Sledovat výzvy OP Zaměstnanost – T: průběžně\n"
    + "- Zaslat podklady k metodice – T: 1. 11. 2016 (posílat na jana.korytarova@mmr.cz)\n"
    + "- Připravit přehled projektů – T: do další PS (15. 11. 2016), zpracuje MMR.\n"
    + "- Členové se seznámí s metodikou.\n"
    + "- Aktualizovat web – T: 30. 9. 2016 [splněno 3. 10. 2016]\n"
)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        pytest.param(
            0, {"text": "Sledovat výzvy OP Zaměstnanost", "deadline": "ongoing"}, id="prubezne"
        ),
        pytest.param(
            1,
            {
                "text": "Zaslat podklady k metodice",
                "deadline": D(2016, 11, 1),
                "contact": "jana.korytarova@mmr.cz",
            },
            id="date-and-contact",
        ),
        pytest.param(
            2,
            {
                "text": "Připravit přehled projektů",
                "deadline": "next meeting",
                "deadline_text": "do další PS (15. 11. 2016)",
                "responsible": "MMR",
                "responsible_text": "zpracuje MMR.",
            },
            id="next-meeting-and-responsible",
        ),
        pytest.param(
            3,
            {
                "text": "Aktualizovat web",
                "deadline": D(2016, 9, 30),
                "status": "done",
                "status_date": D(2016, 10, 3),
            },
            id="status-suffix",
        ),
    ],
)
def test_task_section(n: int, expected: dict[str, Any]):
    assert _meeting(TASKS)["tasks"][n] == expected


def test_task_section_line_without_deadline_is_kept_in_a_section():
    draft = _draft(TASKS)
    assert len(draft.meeting["tasks"]) == 4
    assert draft.meeting["sections"] == [
        {"title": "B Úkoly", "content": [{"list": ["Členové se seznámí s metodikou."]}]}
    ]
    assert any(note.where == "line 9" and "without a deadline" in note.what for note in draft.notes)


def test_bold_task_heading_and_member_responsible():
    meeting = _meeting(
        ITEM + "Text.\n**Úkoly**\nSledovat výzvy – T: průběžně, Jana Korytářová\n"
        "Zaslat zprávu – T: 1. 11. 2016, Jana Korytářová a MMR"
    )
    assert meeting["tasks"] == [
        {"text": "Sledovat výzvy", "deadline": "ongoing", "responsible": "Jana Korytářová"},
        {
            "text": "Zaslat zprávu",
            "deadline": D(2016, 11, 1),
            "responsible": ["Jana Korytářová", "MMR"],
            "responsible_text": "Jana Korytářová a MMR",
        },
    ]


def test_task_given_inside_an_item():
    meeting = _meeting(
        "Zápis z jednání\nDatum: 7. 4. 2025\nBod 1 – Žádost o dotaci\n"
        "Rada projednala žádost.\n- Podat žádost – T: 30. 4. 2025, MMR\nDalší text."
    )
    assert meeting["tasks"] == [
        {"text": "Podat žádost", "deadline": D(2025, 4, 30), "responsible": "MMR"}
    ]
    assert meeting["items"][0]["content"] == [
        "Rada projednala žádost.",
        {"assigned": "2025-04-07/1"},
        "Další text.",
    ]


def test_task_review_line():
    content = _content(ITEM + "Úkol 2016-06-01/3 (Zaslat podklady): splněno. Podklady rozeslány.")
    assert content == [
        {
            "task": "2016-06-01/3",
            "status": "done",
            "note": "Podklady rozeslány.",
            "text": "Zaslat podklady",
        }
    ]


# ----------------------------------------------------------------------- next meetings


def test_next_meetings_with_time_and_tentative_dates():
    meeting = _meeting(
        ITEM + "Text.\n## Termíny dalších jednání\n"
        "Termín dalšího jednání: **15. 11. 2016 (opět ve 13:00)**\n"
        "Termíny v roce 2017 (předběžně): 1. 2., 5. 4."
    )
    assert meeting["next_meetings"] == [
        {"date": D(2016, 11, 15), "note": "opět ve 13:00", "time": T(13, 0)},
        {"date": D(2017, 2, 1), "tentative": True},
        {"date": D(2017, 4, 5), "tentative": True},
    ]
    assert "sections" not in meeting


# ------------------------------------------------------------------------------ footer


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "Zapsala: Jana K. (MMR), 27. 9. 2016, schválil: F. K. (MMR), 3. 10. 2016",
            {
                "recorded_by": {
                    "name": "Jana K.",
                    "organisation": "MMR",
                    "gender": "female",
                    "date": D(2016, 9, 27),
                },
                "approved_by": {
                    "name": "F. K.",
                    "organisation": "MMR",
                    "gender": "male",
                    "date": D(2016, 10, 3),
                },
            },
            id="recorded-and-approved",
        ),
        pytest.param(
            "*Zapsala: Jana Korytářová (MMR), 27. 9. 2016*",
            {
                "recorded_by": {
                    "name": "Jana Korytářová",
                    "organisation": "MMR",
                    "gender": "female",
                    "date": D(2016, 9, 27),
                }
            },
            id="italic-footer",
        ),
        pytest.param(
            "Zapsal: Petr Malý",
            {"recorded_by": {"name": "Petr Malý", "gender": "male"}},
            id="zapsal-alone",
        ),
        pytest.param(
            "Ověřovatelé: Jan Novák, 24. 3. 2025, Eva Dlouhá, 24. 3. 2025",
            {
                "verified_by": [
                    {"name": "Jan Novák", "date": D(2025, 3, 24)},
                    {"name": "Eva Dlouhá", "date": D(2025, 3, 24)},
                ]
            },
            id="verifiers-with-dates",
        ),
        pytest.param(
            "Zapsal: Petr Malý\nOvěřovatelé zápisu:\nJan Novák\nEva Dlouhá",
            {
                "recorded_by": {"name": "Petr Malý", "gender": "male"},
                "verified_by": [{"name": "Jan Novák"}, {"name": "Eva Dlouhá"}],
            },
            id="verifiers-on-lines",
        ),
        pytest.param(
            "Zápis byl schválen na jednání 22. 4. 2025, usnesením č. 1/15/2025.",
            {"approved_at": {"meeting": "2025-04-22", "decision": "1/15/2025"}},
            id="approved-at",
        ),
    ],
)
def test_footer(line: str, expected: dict[str, Any]):
    meeting = _meeting(ITEM + "Text.\n" + line)
    assert {key: meeting.get(key) for key in expected} == expected
    assert meeting["items"][0]["content"] == ["Text."]


# ----------------------------------------------------------------------------- English


def test_english_minutes():
    meeting = _meeting(
        "Minutes of the 12th meeting of the Parish Council\n"
        "Date: 3 March 2024\n"
        "Venue: Village Hall\n"
        "Present: Alice Smith, Bob Jones\n"
        "Apologies: Carol White\n"
        "1. Apologies for absence\n"
        "Apologies were received from Carol White.\n"
        "2. Planning applications\n"
        "**CC** reported on the new application.\n"
        "Resolution 2/2024: The council supports the application.\n"
        "Vote: for 5, against 0, abstentions 1\n"
        "Minutes taken by: Dan Brown",
        EN_GROUP,
    )
    assert (meeting["date"], meeting["place"]) == (D(2024, 3, 3), "Village Hall")
    assert meeting["attendees"] == {
        "present": ["Alice Smith", "Bob Jones"],
        "excused": ["Carol White"],
    }
    assert [(item["number"], item["title"]) for item in meeting["items"]] == [
        (1, "Apologies for absence"),
        (2, "Planning applications"),
    ]
    assert meeting["items"][1]["content"] == [
        {"by": "CC", "text": "**CC** reported on the new application."},
        {
            "label": "Resolution 2/2024:",
            "number": "2/2024",
            "decision": "The council supports the application.",
            "votes": {"for": 5, "against": 0, "abstained": 1},
            "outcome_text": "Vote: for 5, against 0, abstentions 1",  # the line as written
        },
    ]
    assert meeting["recorded_by"] == {"name": "Dan Brown"}


def test_english_agenda_and_items():
    meeting = _meeting(
        "Minutes of the meeting\nDate: 3 March 2024\nAgenda:\n1. Welcome\n2. Finance\n"
        "Item 1 Welcome\nThe chair welcomed everyone.\nItem 2 Finance\n"
        "The treasurer presented the accounts.",
        EN_GROUP,
    )
    assert meeting["programme"] == [{"title": "Welcome"}, {"title": "Finance"}]
    assert [(i["number"], i["title"], i["content"]) for i in meeting["items"]] == [
        (1, "Welcome", ["The chair welcomed everyone."]),
        (2, "Finance", ["The treasurer presented the accounts."]),
    ]


# ----------------------------------------------------------------- never loses text

FRAGMENTS = [
    # labels of the header and attendance
    "Zápis z 23. jednání pracovní skupiny",
    "Datum: 7. 9. 2016",
    "Místo konání: Praha, Staroměstské náměstí",
    "Čas: 15.05 hod.",
    "Přítomni: Jan Novák, Eva Dlouhá",
    "Omluveni: Karel Veselý",
    "Hosté: Marie Horká",
    "Program:",
    # numbered lines
    "1. Zahájení",
    "2. Rozpočet obce",
    "Bod 3 – Různé",
    "Ad 2) Kontrola úkolů",
    "K bodu 4: Zprávu přednesl starosta obce. Diskuse proběhla krátce.",
    # bold phrases
    "**MPSV** informovalo o výzvě na bydlení.",
    "Zástupkyně **Svazu měst a obcí ČR** upozornila na zátěž.",
    "**Národní síť Zdravých měst** doplnila informace.",
    "**Různé**",
    "MMR představilo metodiku.",
    # resolutions
    "Usnesení č. 15/2018",
    "Výbor schvaluje program jednání.",
    "Pro: 6",
    "Proti: 0",
    "Zdržel se: 1",
    "Hlasování: pro 7, proti 0, zdržel se 1",
    "Usnesení 3/12: Rada schvaluje rozpočet (jednomyslně, pro 6)",
    "Jmenovité hlasování: Jan Novák: pro, Eva Dlouhá: proti",
    # tasks ("T:" lines)
    "## B Úkoly",
    "- Sledovat výzvy – T: průběžně",
    "- Zaslat podklady – T: 1. 11. 2016 (posílat na a@b.cz)",
    "- Připravit přehled – T: do další PS (15. 11. 2016), zpracuje MMR.",
    "Úkol 2016-06-01/3 (Zaslat podklady): splněno. Podklady rozeslány.",
    # next meetings and footer
    "Termín dalšího jednání: **15. 11. 2016 (opět ve 13:00)**",
    "Zapsala: Jana Korytářová (MMR), 27. 9. 2016",
    "Ověřovatelé zápisu:",
    "Jan Novák",
    "Zápis byl schválen na jednání 22. 4. 2025, usnesením č. 1/15/2025.",
    # free sentences and lists
    "Diskuse se zaměřila na financování projektů.",
    "Předseda poděkoval všem přítomným.",
    "- bod seznamu o dotacích",
]
"""Lines as minutes write them. Left out, as known failures (intake_failures.md): a heading
of the next meetings (a dated line under it loses its words), a footer with a date before the
meeting's date is known, and the same label twice (hence `unique=True`)."""


def _psc_words() -> set[str]:
    """Words psc writes itself (its labels in both languages, month names): a line psc
    turns into structure may leave them out, as the renderer writes them back."""
    words = {name.casefold() for name in (*MONTHS_CS, *MONTHS_EN)}
    for language in ("cs", "en"):
        for label in Wording(language, {}).labels.values():
            words |= {w.casefold() for w in re.findall(r"\w+", label)}
    return words


PSC_WORDS = _psc_words()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=10, unique=True))
def test_never_loses_text(lines: list[str]):
    """Whatever the lines are, the meeting validates and each of their words is in the YAML,
    in the report, or one psc writes itself."""
    text = "\n".join(["Datum: 7. 9. 2016", *lines])
    draft = recognise(text_blocks(text), GROUP)
    yaml_text = _validate(draft, GROUP)
    seen = (yaml_text + "\n" + "\n".join(str(note) for note in draft.notes)).casefold()
    lost = [
        word
        for word in re.findall(r"\w{4,}", text)
        if word.casefold() not in seen and word.casefold() not in PSC_WORDS
    ]
    assert not lost, (lost, text)


# ------------------------------------------------------------------ found wrong once


def _words_kept(text: str, draft: Draft) -> None:
    """Every word of `text` is in the meeting file or a note of the report."""
    kept = meeting_text(draft.meeting, comment="x") + " ".join(str(n) for n in draft.notes)
    lost = [w for w in re.findall(r"\w{4,}", text) if w not in kept]
    assert not lost, lost


def test_a_sentence_with_a_date_under_the_next_meetings_stays_text():
    text = (
        ITEM + "Text.\n## Termíny dalších jednání\nTermín dalšího jednání: 15. 11. 2016 ve 13:00\n"
        "Na programu bude rozpočet, podklady zašle MMR do 1. 11. 2016.\n"
    )
    draft = _draft(text)
    assert [n["date"] for n in draft.meeting["next_meetings"]] == [D(2016, 11, 15)]
    assert draft.meeting["sections"][0]["content"] == [
        "Na programu bude rozpočet, podklady zašle MMR do 1. 11. 2016."
    ]
    _words_kept(text, draft)


def test_a_header_label_given_again_stays_text_where_it_is():
    text = HEAD + "Místo konání: Praha\nBod 1 – Zahájení\nText.\nMísto konání: Brno, výstaviště\n"
    draft = _draft(text)
    assert draft.meeting["place"] == "Praha"
    assert "Místo konání: Brno, výstaviště" in draft.meeting["items"][0]["content"]
    text = HEAD + "Čas: 13:00\nČas: 14:00\nBod 1 – Zahájení\nText.\n"
    draft = _draft(text)
    assert draft.meeting["start"] == T(13, 0)
    _words_kept(text, draft)


def test_a_date_line_inside_an_item_changes_no_header_field():
    text = ITEM + "Text.\nDatum a čas: 8. září 2016, 14:00 – 16:00\n"
    draft = _draft(text)
    assert draft.meeting["date"] == D(2016, 9, 7) and "start" not in draft.meeting
    assert "Datum a čas: 8. září 2016, 14:00 – 16:00" in draft.meeting["items"][0]["content"]


def test_a_proposal_without_an_adopted_text_stands_alone():
    text = (
        ITEM + "Návrh usnesení: Výbor schvaluje rozpočet.\nUsnesení č. 15/2018\n"
        "## Bod 2 – Různé\nUsnesení č. 16/2018: Výbor bere na vědomí zprávu.\n"
    )
    draft = _draft(text)
    first, second = draft.meeting["items"]
    assert first["content"][0] == {"proposal": "Výbor schvaluje rozpočet."}
    assert "proposal" not in second["content"][0]
    _words_kept(text, draft)


def test_the_recorder_named_in_the_header_is_not_the_meeting_date():
    text = "Zápis z jednání\nZapsala: Jana Korytářová (MMR), 27. 9. 2016\nDatum: 7. 9. 2016\n"
    meeting = _meeting(text + "Bod 1 – Zahájení\nText.\n")
    assert meeting["date"] == D(2016, 9, 7)
    assert meeting["recorded_by"]["name"] == "Jana Korytářová"
    assert meeting["recorded_by"]["date"] == D(2016, 9, 27)


def test_items_numbered_again_after_the_programme_are_items():
    text = (
        HEAD
        + "Program:\n1. Zahájení\n2. Zpráva o činnosti\n1. Zahájení\nJednání zahájil předseda.\n"
    )
    meeting = _meeting(text)
    assert [p["title"] for p in meeting["programme"]] == ["Zahájení", "Zpráva o činnosti"]
    assert meeting["items"][0]["title"] == "Zahájení"
    assert meeting["items"][0]["content"] == ["Jednání zahájil předseda."]


@pytest.mark.parametrize("line", ["B Úkoly", "Úkoly", "Úkoly:"])
def test_a_task_heading_on_a_plain_line_starts_the_tasks(line):
    meeting = _meeting(ITEM + f"Text.\n{line}\nSledovat výzvy – T: průběžně, Jana Korytářová\n")
    assert meeting["tasks"] == [
        {"text": "Sledovat výzvy", "deadline": "ongoing", "responsible": "Jana Korytářová"}
    ]


def test_the_proceedings_heading_on_a_plain_line_is_psc_s_own():
    meeting = _meeting(HEAD + "Průběh jednání\nBod 1 – Zahájení\nText.\n")
    assert [item.get("title") for item in meeting["items"]] == ["Zahájení"]


def test_verifiers_named_on_lines_after_the_last_item():
    text = ITEM + "Text.\nOvěřovatelé zápisu:\nJan Novák\nEva Dlouhá\n"
    meeting = _meeting(text)
    assert meeting["verified_by"] == [{"name": "Jan Novák"}, {"name": "Eva Dlouhá"}]


def test_minutes_taken_by_without_a_colon():
    text = "Minutes of the meeting\nDate: 12 March 2008\n1. Welcome\nText.\nMinutes taken by Dan Brown\n"
    meeting = _meeting(text, EN_GROUP)
    # the line as written, where psc would print 'Minutes taken by: Dan Brown'
    assert meeting["recorded_by"] == {"name": "Dan Brown", "text": "Minutes taken by Dan Brown"}


def test_a_quorum_sentence_in_the_header():
    text = HEAD + "Přítomni: A, B, C\nPřítomno 6 z 7 členů, komise je usnášeníschopná.\n"
    meeting = _meeting(text + "Bod 1 – Zahájení\nText.\n")
    quorum = meeting["attendees"]["quorum"]
    assert (quorum["present"], quorum["members"], quorum["quorate"]) == (6, 7, True)
    assert quorum["note"] == "Přítomno 6 z 7 členů, komise je usnášeníschopná."


def test_two_names_for_one_recorder_stay_text():
    text = ITEM + "Text.\nZapsal: Jan Novák, 1. 10. 2016, Eva Dlouhá, 2. 10. 2016\n"
    draft = _draft(text)
    assert "recorded_by" not in draft.meeting
    _words_kept(text, draft)


# ------------------------------------------------- prose dates and times in the header
# Issue 22 quotes these lines from real minutes; the title and item lines around them are the
# module's usual HEAD/ITEM shapes.


def test_a_title_with_a_prose_date_and_start():
    meeting = _meeting("konaného dne 16. června 2026 od 18.00 hodin\nBod 1 – Zahájení\n")
    assert (meeting["date"], meeting["start"]) == (D(2026, 6, 16), T(18, 0))


def test_a_date_line_led_in_by_words_gives_no_place():
    draft = _draft(
        "Zápis z jednání pracovní skupiny\nkonaného dne 16. června 2026 od 18.00 hodin\n"
        "Bod 1 – Zahájení\n"
    )
    meeting = draft.meeting
    assert (meeting["date"], meeting["start"]) == (D(2026, 6, 16), T(18, 0))
    assert "place" not in meeting and meeting["items"][0]["title"] == "Zahájení"
    assert any(n.what == "'konaného dne' → date 2026-06-16, start 18:00" for n in draft.notes)


def test_a_numeric_date_line_with_a_start_is_no_numbered_point():
    meeting = _meeting(
        "Zápis z jednání pracovní skupiny\n05. 06. 2014 od 13:00 hod.\nBod 1 – Zahájení\n"
    )
    assert (meeting["date"], meeting["start"]) == (D(2014, 6, 5), T(13, 0))
    assert [item["title"] for item in meeting["items"]] == ["Zahájení"]


def test_an_english_date_line_with_an_ordinal_and_the_place():
    meeting = _meeting(
        "Minutes of the Parish Council\n22nd November 2018, The Old School, …\n1. Apologies\n",
        EN_GROUP,
    )
    assert (meeting["date"], meeting["place"]) == (D(2018, 11, 22), "The Old School, …")


def test_the_day_of_the_week_is_no_place():
    """tests/fixtures/real/en-m25-steering-group-2008-03, line 1."""
    meeting = _meeting("Minutes of the Board\nWednesday 12 March 2008\n1. Apologies\n", EN_GROUP)
    assert meeting["date"] == D(2008, 3, 12) and "place" not in meeting


def test_a_meeting_over_two_days_takes_the_first_and_keeps_the_line():
    """The format has no end date: the first day is the date, the line stays as text."""
    draft = _draft("Minutes of the Board\nMay 15-16, 2019\n1. Apologies\n", EN_GROUP)
    assert draft.meeting["date"] == D(2019, 5, 15)
    assert draft.meeting["items"][0]["content"] == ["May 15-16, 2019"]
    assert any("over several days (to 2019-05-16)" in n.what for n in draft.notes)


def test_the_actual_start_is_the_time_after_began():
    meeting = _meeting(HEAD + "scheduled for 9:00 … began at 9:14\nBod 1 – Zahájení\n")
    assert meeting["start"] == T(9, 14)
