"""Issue 22: an import keeps the source's own words where psc would write its own (the
classes of loss the sentence check of tests/test_import_sentences.py found), on lines of the
real fixtures' sources (tests/fixtures/real/*/source.txt)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from test_intake_recognise import EN_GROUP, GROUP, _draft

from psc.edits.intake import ownlabels
from psc.edits.intake.opendocument import read_odt
from psc.errors import InvalidData
from psc.loading.model import Group, Meeting
from psc.loading.pipeline import load_meeting
from psc.publish.docx import minutes_docx
from psc.publish.render import Renderer

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


# ---------------------------------------------------------------- a meeting's own labels

ZBILIDY: dict[str, Any] = {
    # obec-zbilidy-zastupitelstvo-2018-06: its header and programme as its source writes them
    "title": "Zápis z mimořádného zasedání zastupitelstva obce konaného dne 28. 6. 2018",
    "date": "2018-06-28",
    "minute_taker": {"name": "Kratochvílová Žaneta", "gender": "female"},
    "verifiers": ["Bílá Hana", "Huďa Jiří"],
    "attendees": {"excused": ["Hejduk Roman"]},
    "programme": [{"title": "Určení ověřovatelů zápisu a zapisovatele"}],
    "items": [{"number": 1, "title": "Určení ověřovatelů zápisu a zapisovatele"}],
}
OWN = {
    "programme": "Program zasedání:",
    "minute_taker": "Zapisovatel:",
    "verifiers": "Ověřovatel zápisu:",
    "excused": "Omluveni",
}


def _minutes(meeting: dict[str, Any], language: str | None = None) -> str:
    group = Group(name="Zastupitelstvo obce Zbilidy", short="ZO Zbilidy")
    return Renderer(group, [], language).render(Meeting.model_validate(meeting), "md")


def test_a_meetings_own_labels_word_its_minutes_over_the_groups():
    own = _minutes({**ZBILIDY, "labels": OWN})
    assert "## Program zasedání:\n" in own
    assert "| Zapisovatel: | Kratochvílová Žaneta |" in own  # its gendered form too
    assert "| Ověřovatel zápisu: | Bílá Hana, Huďa Jiří |" in own
    plain = _minutes(ZBILIDY)
    assert "## Program jednání\n" in plain
    assert "| Zapisovatelka | Kratochvílová Žaneta |" in plain
    assert "| Ověřovatelé zápisu | Bílá Hana, Huďa Jiří |" in plain


def test_a_meetings_own_labels_are_its_alone_and_of_its_language():
    group = Group(name="Zastupitelstvo obce Zbilidy", short="ZO Zbilidy")
    renderer = Renderer(group, [])
    first = renderer.render(Meeting.model_validate({**ZBILIDY, "labels": OWN}), "md")
    second = renderer.render(Meeting.model_validate(ZBILIDY), "md")
    assert "Program zasedání:" in first
    assert "Program zasedání:" not in second and "## Program jednání\n" in second
    english = _minutes({**ZBILIDY, "labels": OWN}, "en")  # the minutes' words are Czech
    assert "Program zasedání:" not in english and "Zapisovatel:" not in english


def test_a_meetings_unknown_label_is_an_error_at_its_line():
    text = (
        "title: Zápis\ndate: 2018-06-28\nlabels:\n  programm: 'Program zasedání:'\n"
        "  proposed_by: 'navrhl {persona}'\n"
    )
    with pytest.raises(InvalidData) as raised:
        load_meeting(text, Path("meetings/2018-06-28.yaml"), None, approval=False)
    lines = [line.split(": error: ", 1) for line in raised.value.lines()]
    assert lines[0] == [
        "meetings/2018-06-28.yaml:4:3",
        "labels.programm: unknown label 'programm'; did you mean 'programme'?",
    ]
    assert lines[1][0] == "meetings/2018-06-28.yaml:5:16"
    assert lines[1][1].startswith("labels.proposed_by: ")


def test_the_import_keeps_the_labels_the_minutes_write_where_psc_words_them_otherwise():
    # obec-zbilidy-zastupitelstvo-2018-06: 'Zapisovatel: Kratochvílová Žaneta', 'Ověřovatel
    # zápisu: Bílá Hana, Huďa Jiří', 'Program zasedání:'; 'Přítomni:' is psc's word already
    draft = _draft(_source("obec-zbilidy-zastupitelstvo-2018-06"), GROUP)
    assert draft.meeting["labels"] == {
        "minute_taker": "Zapisovatel:",
        "verifiers": "Ověřovatel zápisu:",
        "programme": "Program zasedání:",
        "verified_by_plural": "Ověřovatelé zápisu",  # over their signatures at the end
    }
    # mesto-lysa-stavebni-komise-2019-06: 'Omluven: pan Macke', 'Nepřítomen: pan Štefan, pan
    # Horvát', 'Host: xxx', 'P r o g r a m:' (psc follows an attendance's label with ': '), and
    # its programme numbered '1/ Diskuse nad tématy …'
    draft = _draft(_source("mesto-lysa-stavebni-komise-2019-06"), GROUP)
    assert draft.meeting["labels"] == {
        "excused": "Omluven",
        "absent": "Nepřítomen",
        "guests": "Host",
        "programme": "P r o g r a m:",
        "programme_entry": "{number}/ {title}[ – {presented}][ {duration}][ – {note}]",
    }
    # en-hackleton-np-steering-group-2020-09: 'Members present:', 'Also present:', the members
    # joined by '&' ('… C Lloyd & M Woolley.'); the minutes head no decision and no attendance
    draft = _draft(_source("en-hackleton-np-steering-group-2020-09"), EN_GROUP)
    assert draft.meeting["labels"] == {
        "present": "Members present",
        "guests": "Also present",
        "attendees": "",
        "names_last": " & ",
        "decision": "",
    }


def test_labels_psc_words_the_same_are_not_kept():
    # ms-svaty-antonin-vyrocni-schuze-2011-03 (its programme told in a sentence) and
    # psp-vybor-zivotni-prostredi-2020-02 ('Přítomni: …', 'Omluveni: …') write no label psc
    # would word otherwise
    for name in ("ms-svaty-antonin-vyrocni-schuze-2011-03", "psp-vybor-zivotni-prostredi-2020-02"):
        draft = _draft(_source(name), GROUP)
        own = dict(draft.meeting.get("labels", {}))
        # psp's attendance lines, run together with the text before them, stay text in their
        # place (sameline.py): the header's row of the attendance is left out, no word changed
        assert own.pop("attendees", "") == ""
        assert set(own) <= {"decision"}, own  # psc's heading of a decision left out, no other


# ---------------------------------------------------------------- roles where they stood


def test_roles_read_on_label_lines_after_the_opening_are_shown_there():
    # spolek-sh-cms-uorp-2018-04: 'Bratr Majer provedl zahájení dnešního jednání …' /
    # 'Určení a schválení zapisovatele jednání: Mojmír Dostál' / 'Určení a schválení
    # ověřovatelů zápisu: Jaroslav Vrba a Aleš Janda'
    draft = _draft(_source("spolek-sh-cms-uorp-2018-04"), GROUP)
    opening = draft.meeting["items"][0]
    assert "title" not in opening
    assert opening["content"][0]["text"].startswith("Bratr Majer provedl zahájení dnešního")
    assert opening["content"][1] == {"show": "roles"}
    assert draft.meeting["minute_taker"] == "Mojmír Dostál"


def test_roles_read_before_any_text_stay_in_the_header():
    # obec-zbilidy-zastupitelstvo-2018-06: 'Zapisovatel: …' among the header's lines
    draft = _draft(_source("obec-zbilidy-zastupitelstvo-2018-06"), GROUP)
    shown = [b for item in draft.meeting["items"] for b in item.get("content", [])]
    assert {"show": "roles"} not in shown
    assert draft.meeting["minute_taker"] == "Kratochvílová Žaneta"


# ---------------------------------------------------------------- the mover's words


def test_a_line_of_labels_gives_the_meetings_own_words_for_the_mover():
    # https://melton-suffolk-pc.gov.uk/documents/mpc21m04-minutes-of-the-statutory-annual-
    # meeting-of-melton-parish-council-held-on-5-may-2021/
    m: dict[str, Any] = {}
    line = "Proposed by: Cllr Taylor                   Seconded by: Cllr Gradwell"
    assert ownlabels.movers(m, [line]) == {
        "proposed_by": "Proposed by: {person}",
        "seconded_by": "Seconded by: {person}",
    }
    # a line each, without a colon (the Burnaby council's, in test_intake_motions4.py)
    m = {"labels": {"programme": "Agenda:"}}
    ownlabels.movers(m, ["MOVED BY councillor mcdonell", "SECONDED BY councillor jordan"])
    assert m["labels"] == {
        "programme": "Agenda:",
        "proposed_by": "MOVED BY {person}",
        "seconded_by": "SECONDED BY {person}",
    }


def test_the_bevy_boards_motions_render_their_mover_as_written():
    # en-bevy-foundation-board-2024-02: '**Cart for President.**' / 'Proposed by: Cart' /
    # 'Unanimously approved.'
    source = _source("en-bevy-foundation-board-2024-02")  # its date is the page's front matter
    draft = _draft(source, EN_GROUP, date=dt.date(2024, 2, 3))
    assert draft.meeting["labels"]["proposed_by"] == "Proposed by: {person}"
    group = Group(name="Bevy Foundation Board", short="Board", language="en")
    meeting = Meeting.model_validate(draft.meeting)
    minutes = Renderer(group, []).render(meeting, "md")
    assert "Cart for President.\n\nProposed by: Cart.\n\nUnanimously approved.\n" in minutes


# ---------------------------------------------------------------- a list's numbers as written


def test_an_opendocument_lists_numbers_keep_the_suffix_its_style_writes():
    # odt-makerspace-gt-planungstreffen-2018-10: 'Tagesordnungspunkte' / '1) Vorstellungsrunde' /
    # '2) Auftreten nach außen' (a list style numbering '1', '2' with the suffix ')')
    blocks = read_odt(REAL / "odt-makerspace-gt-planungstreffen-2018-10" / "source.odt")
    points = [(b.marker, b.text) for b in blocks if b.kind == "item" and b.number]
    assert points[:2] == [("1)", "Vorstellungsrunde"), ("2)", "Auftreten nach außen")]
    sub = next(b for b in blocks if b.text.startswith("Mitmachen ist kostenlos"))
    assert sub.marker == "1."  # the nested list's own style: '1.'


# ---------------------------------------------------------------- the programme where it stood


def test_a_programme_under_its_heading_is_shown_after_the_sentence_above_its_list():
    # en-nodejs-tsc-2016-11: '## Agenda' / 'Extracted from **tsc-agenda** labelled issues and
    # pull requests from the **nodejs org** prior to the meeting.' / '* Investigate moving …'
    draft = _draft(_source("en-nodejs-tsc-2016-11"), EN_GROUP)
    agenda = next(item for item in draft.meeting["items"] if item.get("title") == "Agenda")
    assert agenda["content"][0].startswith("Extracted from **tsc-agenda** labelled issues")
    assert agenda["content"][1:] == [{"show": "programme"}]
    assert draft.meeting["programme"][0]["title"].startswith("Investigate moving `nvm`")


def test_a_programme_numbered_otherwise_than_psc_keeps_its_numbers_as_written():
    # obec-holoubkov-financni-vybor-2006-12: 'Program :' / '1) Ustavení nového složení výboru'
    draft = _draft(_source("obec-holoubkov-financni-vybor-2006-12"), GROUP)
    pattern = draft.meeting["labels"]["programme_entry"]
    assert pattern == "{number}) {title}[ – {presented}][ {duration}][ – {note}]"
    group = Group(name="Finanční výbor", short="FV")
    minutes = Renderer(group, []).render(Meeting.model_validate(draft.meeting), "md")
    assert "\n1) Ustavení nového složení výboru\n" in minutes
    # a programme numbered '1.', as psc numbers it, keeps psc's line (zbilidy: '1. Určení …')
    draft = _draft(_source("obec-zbilidy-zastupitelstvo-2018-06"), GROUP)
    assert "programme_entry" not in draft.meeting["labels"]


# ---------------------------------------------------------------- the attendance in its order


def test_attendance_read_in_another_order_than_psc_prints_it_keeps_its_order():
    # obec-hrabova-kulturni-komise-2016-12: 'Přítomni: …' / 'Hosté: Tajchmanová J.' / 'Omluven:
    # Houžvička M' (psc prints the excused before the guests)
    draft = _draft(_source("obec-hrabova-kulturni-komise-2016-12"), GROUP)
    attendees = draft.meeting["attendees"]
    assert [c["label"] for c in attendees["categories"]] == ["Přítomni", "Hosté", "Omluven"]
    assert attendees["categories"][1]["people"] == ["Tajchmanová J."]
    assert not {"present", "excused", "guests"} & set(attendees)
    assert "excused" not in draft.meeting.get("labels", {})  # the category's label says it


def test_attendance_in_psc_order_keeps_psc_kinds():
    # mesto-lysa-stavebni-komise-2019-06: 'Přítomni' / 'Omluven' / 'Nepřítomen' / 'Host'
    draft = _draft(_source("mesto-lysa-stavebni-komise-2019-06"), GROUP)
    assert set(draft.meeting["attendees"]) == {"present", "excused", "absent", "guests"}


# ---------------------------------------------------------------- decisions without a heading


def test_minutes_that_head_none_of_their_decisions_print_them_without_psc_heading():
    # en-clifton-rawcliffe-allotments-2023-04: '3) Minutes of last meeting – accepted as correct'
    draft = _draft(_source("en-clifton-rawcliffe-allotments-2023-04"), EN_GROUP)
    assert draft.meeting["labels"]["decision"] == ""
    group = Group(name="Allotments Association", short="CRAA", language="en")
    minutes = Renderer(group, []).render(Meeting.model_validate(draft.meeting), "md")
    assert "### 3\\) Minutes of last meeting –\n\naccepted as correct – adopted\n" in minutes
    # obec-zbilidy-zastupitelstvo-2018-06 heads one ('Usnesení č. 15/2018'): psc's word stays
    draft = _draft(_source("obec-zbilidy-zastupitelstvo-2018-06"), GROUP)
    assert "decision" not in draft.meeting["labels"]


# ---------------------------------------------------------------- names joined as written


def test_names_joined_by_a_word_before_the_last_keep_that_word():
    # spolek-sh-cms-uorp-2018-04: 'Určení a schválení ověřovatelů zápisu: Jaroslav Vrba a Aleš
    # Janda', 'Hosté: z MV GŘ HZS ČR – plk. Mgr. Radek Kislinger a kpt. Mgr. Jana Kemrová'
    draft = _draft(_source("spolek-sh-cms-uorp-2018-04"), GROUP)
    assert draft.meeting["labels"]["names_last"] == " a "
    group = Group(name="ÚORP SH ČMS", short="ÚORP")
    minutes = Renderer(group, []).render(Meeting.model_validate(draft.meeting), "md")
    assert "Jaroslav Vrba a Aleš Janda" in minutes
    assert "plk. Mgr. Radek Kislinger a kpt. Mgr. Jana Kemrová" in minutes


def test_names_joined_by_commas_or_by_several_ways_keep_psc_join():
    m: dict[str, Any] = {}
    # obec-zbilidy-zastupitelstvo-2018-06: 'Ověřovatel zápisu: Bílá Hana, Huďa Jiří'
    ownlabels.joined(m, "Bílá Hana, Huďa Jiří", ["Bílá Hana", "Huďa Jiří"])
    # spolek-sh-cms-uorp-2018-04: 'Jaroslav Vrba a Aleš Janda'
    ownlabels.joined(m, "Jaroslav Vrba a Aleš Janda", ["Jaroslav Vrba", "Aleš Janda"])
    ownlabels.settle(m, GROUP)
    assert "labels" not in m and "_joins" not in m


# ---------------------------------------------------------------- the footer as written


def test_the_recorders_line_as_written_is_the_footers():
    # srps-zs-mazurska-vybor-2015-11: 'Zapsala M. Petřinová – 4.11.2015'
    draft = _draft(_source("srps-zs-mazurska-vybor-2015-11"), GROUP)
    recorder = draft.meeting["recorded_by"]
    assert recorder["text"] == "Zapsala M. Petřinová – 4.11.2015"
    group = Group(name="Výbor SRPŠ", short="SRPŠ")
    meeting = Meeting.model_validate(draft.meeting)
    minutes = Renderer(group, []).render(meeting, "md")
    assert minutes.endswith("*Zapsala M. Petřinová – 4.11.2015*\n")
    html = Renderer(group, []).render(meeting, "html")
    assert "<p>Zapsala M. Petřinová – 4.11.2015</p>" in html
    word = docx.Document(io.BytesIO(minutes_docx(Renderer(group, []), meeting, [])))
    assert word.paragraphs[-1].text == "Zapsala M. Petřinová – 4.11.2015"
    # obec-vetrusice-zastupitelstvo-2014-06: 'Zapsala: S. Zádová' / 'Ověřili: J. Nouza, J. Kolín'
    draft = _draft(_source("obec-vetrusice-zastupitelstvo-2014-06"), GROUP)
    assert "text" not in draft.meeting["recorded_by"]  # psc writes it so
    assert draft.meeting["labels"]["verified_by_plural"] == "Ověřili"
    minutes = Renderer(group, []).render(Meeting.model_validate(draft.meeting), "md")
    assert "*Zapsala: S. Zádová, Ověřili: J. Nouza, J. Kolín*" in minutes


def test_a_recorder_over_the_name_keeps_both_lines_words():
    # obec-holoubkov-financni-vybor-2006-12: 'Zapsal dne 6.12.2006' / 'Zbyněk Tůma'
    draft = _draft(_source("obec-holoubkov-financni-vybor-2006-12"), GROUP)
    assert draft.meeting["recorded_by"]["text"] == "Zapsal dne 6.12.2006 Zbyněk Tůma"


def test_a_closing_parts_label_keeps_its_colon_as_the_items_title():
    # spolek-tj-sokol-ceske-hermanice-vybor-2012-07: 'Diskuse:  Bednář L. - poděkování …',
    # 'Závěrem:  Výkonný výbor projednal organizaci pouťové taneční zábavy, …'
    draft = _draft(_source("spolek-tj-sokol-ceske-hermanice-vybor-2012-07"), GROUP)
    titles = [item.get("title") for item in draft.meeting["items"]]
    assert "Diskuse:" in titles and "Závěrem:" in titles


def test_a_title_before_a_dash_keeps_the_dash_in_paragraphs_as_in_bullets():
    # en-clifton-rawcliffe-allotments-2023-04: '3) Minutes of last meeting – accepted as correct',
    # a numbered paragraph; en-rockingham-library-trustees-2017-03: '- Oaths of Office – Celina
    # read the Oath, …', a bullet
    draft = _draft(_source("en-clifton-rawcliffe-allotments-2023-04"), EN_GROUP)
    assert "Minutes of last meeting –" in [item.get("title") for item in draft.meeting["items"]]
    draft = _draft(_source("en-rockingham-library-trustees-2017-03"), EN_GROUP)
    assert "Oaths of Office –" in [item.get("title") for item in draft.meeting["items"]]


# ---------------------------------------------------------------- signatures where they stood


def test_signatures_with_text_of_the_minutes_after_them_are_shown_where_they_stood():
    # mesto-litomerice-redakcni-rada-2017-01: 'Zapsala: Ing. Eva Břeňová' / 'Se zápisem
    # souhlasí:' / 'Příloha:' / 'Zápis ke stažení (.pdf)' (the town's web page)
    draft = _draft(_source("mesto-litomerice-redakcni-rada-2017-01"), GROUP)
    last = draft.meeting["items"][-1]["content"]
    at = last.index({"show": "signatures"})
    assert "Se zápisem souhlasí:" in last[at + 1 :]
    group = Group(name="Redakční rada", short="RR")
    meeting = Meeting.model_validate(draft.meeting)
    minutes = Renderer(group, []).render(meeting, "md")
    assert "*Zapsala: Ing. Eva Břeňová*\n\nSe zápisem souhlasí:\n" in minutes
    assert minutes.count("Zapsala: Ing. Eva Břeňová") == 1  # not again at the end
    html = Renderer(group, []).render(meeting, "html")
    assert html.count("Zapsala: Ing. Eva Břeňová") == 1
    assert html.index("Zapsala: Ing. Eva Břeňová") < html.index("Se zápisem souhlasí:")
    word = docx.Document(io.BytesIO(minutes_docx(Renderer(group, []), meeting, [])))
    lines = [p.text for p in word.paragraphs]
    at = lines.index("Zapsala: Ing. Eva Břeňová")
    assert "Se zápisem souhlasí:" in lines[at + 1 :]


def test_signatures_at_the_end_of_the_minutes_stay_psc_footer():
    # srps-zs-mazurska-vybor-2015-11 ends with 'Zapsala M. Petřinová – 4.11.2015'
    draft = _draft(_source("srps-zs-mazurska-vybor-2015-11"), GROUP)
    shown = [b for item in draft.meeting["items"] for b in item.get("content", [])]
    assert {"show": "signatures"} not in shown


# ---------------------------------------------------------------- attendance lines as written


def test_attendance_psc_would_print_otherwise_stays_as_written_and_is_not_said_twice():
    # en-stoke-ferry-mill-liaison-2011-07: 'Present: Mrs. Daphne Clements (Parish Council) Mr.
    # Ray Thompson (Editor Village Pump) Mr. Keith White (Vion Stoke Ferry) …' (no commas)
    draft = _draft(_source("en-stoke-ferry-mill-liaison-2011-07"), EN_GROUP)
    texts = [b for item in draft.meeting["items"] for b in item.get("content", [])]
    assert any(
        isinstance(b, str) and b.startswith("Present: Mrs. Daphne Clements (Parish Council) Mr.")
        for b in texts
    )
    assert draft.meeting["attendees"]["present"][0] == "Mrs. Daphne Clements (Parish Council)"
    assert draft.meeting["labels"]["attendees"] == ""  # the header's row would repeat it
    # en-marshchapel-parish-council-2019-05: 'Present: Cllrs. P Rickett (Chair); C. Henderson
    # (V. Chair); …' (semicolons), then 'Apologies: …', 'Other apologies: …', 'Clerk: …'
    draft = _draft(_source("en-marshchapel-parish-council-2019-05"), EN_GROUP)
    texts = [b for item in draft.meeting["items"] for b in item.get("content", [])]
    assert "Apologies: Cllr R Bealey (reason accepted)" in texts  # after the first, all as written
    assert draft.meeting["labels"]["attendees"] == ""


def test_attendance_psc_prints_as_written_stays_in_the_header():
    # obec-zbilidy-zastupitelstvo-2018-06: 'Přítomni: Hejduk Roman, Huďa Jiří, …'
    draft = _draft(_source("obec-zbilidy-zastupitelstvo-2018-06"), GROUP)
    assert "attendees" not in draft.meeting["labels"]
    assert not ownlabels.reworded({}, "Jaroslav Vrba a Aleš Janda", ["Jaroslav Vrba", "Aleš Janda"])


def test_an_attendance_line_psc_splits_in_two_stays_as_written():
    # obec-vetrusice-zastupitelstvo-2014-06: 'Přítomno: 6 členů zastupitelstva, P. Šefčíková
    # omluvena - zaměstnání' (psc prints the present and the excused on two lines)
    draft = _draft(_source("obec-vetrusice-zastupitelstvo-2014-06"), GROUP)
    texts = [b for item in draft.meeting["items"] for b in item.get("content", [])]
    line = "Přítomno: 6 členů zastupitelstva, P. Šefčíková omluvena - zaměstnání"
    assert line in texts
    assert draft.meeting["attendees"]["categories"][1]["people"] == ["P. Šefčíková"]
