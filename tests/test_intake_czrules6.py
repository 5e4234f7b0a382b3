"""Czech rules of issue 22's fifth round (helper cz6): resolutions listed under 'Usnesení'
without a stated result (adopted, the coordinator's decision (a)), a list of resolutions under
a body's label, the meeting's number before a resolution's own, a body's consent told in the
present, labels spaced out letter by letter, points numbered '1/', and the place and day of
writing that closes the minutes. Each rule on real lines: the fixtures of tests/fixtures/real
and published minutes (addresses above the quotes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from test_intake_recognise import _draft

from psc.edits.intake import opening, programme, resolved, strays, written
from psc.edits.intake.needed import needed
from psc.edits.intake.recorder import recorded_on
from psc.edits.intake.spaced import unspaced
from psc.edits.intake.told import passive_decision

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def _decisions(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        block
        for item in meeting["items"]
        for block in item.get("content", [])
        if isinstance(block, dict) and "decision" in block
    ]


# ---------------------------------------------------------------- words spaced out


def test_words_spaced_out_letter_by_letter_are_read_as_words():
    # mesto-lysa-stavebni-komise-2019-06 (a town's building commission)
    assert unspaced("P r o g r a m:") == "Program:"
    # a municipal council: http://docplayer.cz/13527657-Z-a-p-i-s-c-4-2011.html
    assert unspaced("Z Á P I S č. 4 / 2011").startswith("ZÁPIS")
    # a town council, its programme label spaced out too:
    # http://www.odolenavoda.cz/cs/mestsky-urad/zastupitelske-organy/jednani-a-usneseni-zm/detail/81-zapis-z-verejneho-jednani-01/
    assert unspaced("P r o g r a m :") == "Program :"
    # a line without such a word stays as it is
    assert unspaced("Přítomni: pan Bláha, pan Čichovský") == "Přítomni: pan Bláha, pan Čichovský"


def test_a_programme_label_spaced_out_is_the_programme_label():
    assert programme.is_label("P r o g r a m:")
    assert programme.is_label("P r o g r a m :")


def test_a_town_councils_spaced_out_programme_is_its_programme():
    # http://www.odolenavoda.cz/cs/mestsky-urad/zastupitelske-organy/jednani-a-usneseni-zm/detail/81-zapis-z-verejneho-jednani-01/
    text = (
        "Z á p i s č . 1 /2 001\n\n"
        "z veřejného zasedání Městského zastupitelstva Odolena Voda\n\n"
        "konaného dne 22. ledna 2001 v ZK AERO od 17.00 hodin\n\n"
        "P r o g r a m :\n\n"
        "1) Kontrola usnesení Zastupitelstva města Odolena Voda\n\n"
        "2) Zpráva o činnosti Rady města Odolena Voda\n"
    )
    meeting = _draft(text).meeting
    assert [entry["title"] for entry in meeting["programme"]] == [
        "Kontrola usnesení Zastupitelstva města Odolena Voda",
        "Zpráva o činnosti Rady města Odolena Voda",
    ]


# ---------------------------------------------------------------- points numbered '1/'


def test_a_programme_point_numbered_with_a_slash_and_its_item():
    meeting = _draft(_source("mesto-lysa-stavebni-komise-2019-06")).meeting
    assert [entry["title"] for entry in meeting["programme"]] == [
        "Diskuse nad tématy z rady a zastupitelstva města a podněty stavební komise (předkládá SK)."
    ]
    # 'k bodu 1/': item 1, the slash part of its label, not a title
    item = next(item for item in meeting["items"] if item.get("number") == 1)
    assert item["label"] == "k bodu 1/"
    assert item.get("title") != "/"


def test_points_of_prose_numbered_with_a_slash_are_items():
    # the settlement committee's later minutes: https://www.osada-okrouhlik.cz/zapis-ze-schuze-1-7-2019
    text = (
        "Zápis ze schůze 1.7 2019\n\n"
        "Přítomni: Josef Špát, Jirka Řezníček, Zdeněk Krejčí, Pavel Chromý\n\n"
        "1/ Schůzi zahájil a řídil předseda Josef Špát.\n\n"
        "2/ Předseda vyhodnotil brigádu ze dne 8. 6. 2019, byly provedeny údržbové práce na "
        "cestě na hrázi (u Kačerů).\n\n"
        "3/ Výbor odsouhlasil provést rozbor vody u studánky u tenisového hřiště (pumpa) a "
        "rozbor vody u Horního rybníka. Zajistí Jitka Teichmanová. Výsledek rozboru bude sdělen "
        "na příští schůzi.\n"
    )
    items = _draft(text, date=dt.date(2019, 7, 1)).meeting["items"]
    assert [(item.get("number"), item.get("label")) for item in items] == [
        (1, "1/"),
        (2, "2/"),
        (3, "3/"),
    ]
    assert items[1]["content"][0].startswith("Předseda vyhodnotil brigádu")


# ---------------------------------------------------------------- resolutions under 'Usnesení'


def test_a_resolution_under_its_label_without_a_result_is_adopted():
    # spolek-sscr-vykonny-vybor-2015-07 (a chess federation's executive committee)
    meeting = _draft(_source("spolek-sscr-vykonny-vybor-2015-07")).meeting
    found = {d.get("number"): d.get("outcome") for d in _decisions(meeting)}
    assert found["100/1"] == "adopted"


def test_a_boards_resolutions_numbered_after_the_meetings_number_are_adopted():
    # obec-velke-brezno-rada-2018-05: 'Usnesení 67/2018 91/2018 Program jednání …' (the
    # board's 67th meeting), then 'Usnesení 92/2018 …' with its verb lost in the transcript
    meeting = _draft(_source("obec-velke-brezno-rada-2018-05")).meeting
    found = [(d.get("number"), d.get("outcome")) for d in _decisions(meeting)]
    assert found == [("91/2018", "adopted"), ("92/2018", "adopted")]
    assert _decisions(meeting)[0]["decision"].startswith("Program jednání 67. schůze")


def test_the_meetings_number_only_when_it_is_the_meetings():
    assert resolved.own_number("67/2018", "91/2018 Program jednání", 67) == (
        "91/2018",
        "Program jednání",
    )
    assert resolved.own_number("67/2018", "91/2018 Program jednání", 66) is None
    assert resolved.own_number("67/2018", "Program jednání", 67) is None


def test_a_proposal_a_vote_or_a_refusal_is_not_adopted_by_its_label():
    # the resolution of spolek-sscr-vykonny-vybor-2015-07, under other labels and with a vote
    text = "VV ŠSČR schvaluje zápis z 99. schůze VV ŠSČR."
    assert not resolved.adopted_as_listed("Návrh usnesení:", {"decision": text})
    assert not resolved.adopted_as_listed(
        "Usnesení 100/1:", {"decision": text, "votes": {"for": 3, "against": 2}}
    )
    refused = {"decision": "Obecní zastupitelstvo neschvaluje:"}
    # http://slepotice.webnode.cz/news/usneseni-ze-zasedani-c-6-2014/
    assert not resolved.adopted_as_listed("Usnesení:", refused)
    assert "outcome" not in refused
    listed = {"decision": text}
    assert resolved.adopted_as_listed("Usnesení 100/1:", listed)
    assert listed["outcome"] == "adopted"


def test_a_list_of_resolutions_under_a_bodys_label_and_the_task_after_it():
    # obec-holoubkov-financni-vybor-2006-12: 'Usnesení finančního výboru (FV):' over two
    # bullets, the committee's demand and a task of its chairman
    assert resolved.list_label("Usnesení finančního výboru (FV):")
    assert resolved.list_label("Závěry a usnesení:")
    assert not resolved.list_label("Usnesení č. 4/1:")  # one resolution's label
    meeting = _draft(_source("obec-holoubkov-financni-vybor-2006-12")).meeting
    listed = [d for d in _decisions(meeting) if d["decision"].startswith("FV požaduje")]
    assert [d.get("outcome") for d in listed] == ["adopted"]
    assert meeting["tasks"][0]["text"].startswith("předseda FV do dalšího zasedání")


# ---------------------------------------------------------------- the body's consent


def test_a_bodys_consent_told_in_the_present_is_its_resolution():
    # osadni-vybor-okrouhlik-2018-12 (a settlement committee)
    consent = resolved.consent("Výbor se zněním dopisu souhlasí.")
    assert consent == {"decision": "Výbor se zněním dopisu souhlasí.", "outcome": "adopted"}
    # a chess federation's executive committee, its resolution:
    # http://docplayer.cz/1285773-Zapis-ze-70-schuze-vv-sscr-v-brne-26-4-2012.html
    said = "VV ŠSČR souhlasí s převodem Olega Spirina na listinu FRL CZE."
    assert resolved.consent(said) == {"decision": said, "outcome": "adopted"}


def test_someone_elses_consent_is_no_resolution():
    # osadni-vybor-okrouhlik-2018-12: the mayor, not the committee
    mayor = "Starosta souhlasí se zadáním posudku společně dohodnutému znalci."
    assert resolved.consent(mayor) is None
    # http://docplayer.cz/1285773-Zapis-ze-70-schuze-vv-sscr-v-brne-26-4-2012.html: other
    # bodies' consent reported
    assert resolved.consent("TMK vyslovila souhlas, STK rovněž souhlasí.") is None


def test_the_committees_consent_in_its_minutes_is_a_resolution():
    meeting = _draft(_source("osadni-vybor-okrouhlik-2018-12")).meeting
    assert [(d["decision"], d["outcome"]) for d in _decisions(meeting)] == [
        ("Výbor se zněním dopisu souhlasí.", "adopted")
    ]


# ---------------------------------------------------------------- the place and day of writing


def test_the_place_and_day_of_writing():
    assert written.place_and_day("V Lysé n. L. dne 8.9.2019")  # mesto-lysa-stavebni-komise
    # a municipal council's resolutions: https://strezetice.cz/usneseni-ze-dne-28-2-2003-3665
    assert written.place_and_day("Ve Střezeticích dne 28.2.2003.")
    # a sentence that names a place and a day is not it
    assert not written.place_and_day("V Lysé n. L. bude komise svolána dne 9.9.2019")


def test_the_place_and_day_of_writing_closes_the_minutes():
    items = _draft(_source("mesto-lysa-stavebni-komise-2019-06")).meeting["items"]
    last = items[-1]
    assert "number" not in last and "title" not in last
    assert last["content"][0] == "V Lysé n. L. dne 8.9.2019"
    assert not any("V Lysé n. L." in str(block) for block in items[-2]["content"])


def test_resolutions_under_a_list_label_and_the_fact_among_them():
    # senat-prf-mu-2014-11 (an academic senate): 'Závěry a usnesení:' over its resolutions, the
    # first in the present ('AS PřF MU žádá …'), the last a fact told in the passive
    meeting = _draft(_source("senat-prf-mu-2014-11")).meeting
    found = [(d["decision"][:22], d.get("outcome")) for d in _decisions(meeting)]
    assert ("AS PřF MU žádá vedení ", "adopted") in found
    assert ("Příští zasedání AS je ", None) in found


# ---------------------------------------------------------------- the opening, an item


def test_the_opening_heading():
    # obec-velke-brezno-rada-2018-05 (the heading run into its sentence in the transcript)
    assert opening.is_opening("Zahájení")
    # a municipal council: https://www.boretin.cz/index.php/uredni-deska/36-z%C3%A1pis-ze-zased%C3%A1n%C3%AD-zastupitelstva-obce-bo%C5%99et%C3%ADn-ze-dne-7-11-2019
    assert opening.is_opening("Zahájení zasedání zastupitelstva")
    # a programme point that begins with the word is no heading of the opening
    assert not opening.is_opening("Zahájení, určení zapisovatele a ověřovatele zápisu")


def test_the_opening_before_any_numbered_item_is_an_item_of_its_own():
    items = _draft(_source("obec-velke-brezno-rada-2018-05")).meeting["items"]
    titled = [item for item in items if item.get("title") == "Zahájení"]
    assert len(titled) == 1 and "number" not in titled[0]
    assert titled[0]["content"][0].startswith("Schůzi rady předsedal starosta")


# ---------------------------------------------------------------- attendance lines as written


def test_attendance_lines_psc_would_not_print_back():
    # osadni-vybor-okrouhlik-2018-12: a form of address alone, an empty place between commas
    line = (
        "pp., Josef Špát, Zdeněk Krejčí, Milada Bobková, Ivan Škrabal, Rostislav Cakl, Pavel "
        "Prokš, Jiří Řezníček, Pavel Chromý, , Jitka Teichmanová, Tomáš Marek"
    )
    assert strays.not_printed_back(line)
    # obec-velke-brezno-rada-2018-05: 'Omluveni:' with no one after it
    assert strays.not_printed_back("")
    # mesto-lysa-stavebni-komise-2019-06: an ordinary list
    assert not strays.not_printed_back("pan Bláha, pan Čichovský, pan Sedláček, pan Smejkal")
    assert strays.address_only("pp.") and not strays.address_only("p. Martin Vetchý")


def test_such_a_line_stays_text_in_its_place_and_its_people_are_read():
    meeting = _draft(_source("osadni-vybor-okrouhlik-2018-12")).meeting
    first = meeting["items"][0]
    assert "number" not in first
    # its title line before the date is kept as text (no place), then the attendance line
    assert first["content"][0].startswith("Zápis ze schůze osadního výboru osady Okrouhlík")
    assert first["content"][1].startswith("Přítomni : pp., Josef Špát,")
    assert meeting["attendees"]["present"][0] == "Josef Špát"  # 'pp.' is no one
    board = _draft(_source("obec-velke-brezno-rada-2018-05")).meeting
    # its lines run together with the title: 'Přítomni: …' stays text in its place too
    # (sameline.py), before the label with no one
    lines = board["items"][0]["content"]
    assert lines[0].startswith("Přítomni: Mgr. Michal Kulhánek, ") and lines[1:] == ["Omluveni:"]


# ---------------------------------------------------------------- the recorder, then the day


def test_the_recorder_named_before_the_day():
    # srps-zs-mazurska-vybor-2015-11 (a school parents' association's committee), and its
    # minutes of September: http://www.mazurska.cz/srps/archiv/skolni-rok-20152016/1-schuze-srps-23-9-2015/
    assert recorded_on("Zapsala M. Petřinová – 4.11.2015") == (
        {"name": "M. Petřinová", "gender": "female", "date": dt.date(2015, 11, 4)},
        False,
    )
    assert recorded_on("Zapsala M. Petřinová – 2.10.2015") == (
        {"name": "M. Petřinová", "gender": "female", "date": dt.date(2015, 10, 2)},
        False,
    )
    # the forms read before stay as they were: the day first, the name alone
    # (https://www.skola-rosice.net/content/zapis-ze-schuze-sdruzeni-rosa-i-ze-dne-2552011?page=9)
    assert recorded_on("Zapsala dne 27.5.2011 Iveta Plachá") == (
        {"name": "Iveta Plachá", "gender": "female", "date": dt.date(2011, 5, 27)},
        False,
    )


def test_the_recorder_named_before_the_day_in_the_minutes():
    meeting = _draft(_source("srps-zs-mazurska-vybor-2015-11")).meeting
    assert meeting["recorded_by"] == {
        "name": "M. Petřinová",
        "gender": "female",
        "date": dt.date(2015, 11, 4),
        "text": "Zapsala M. Petřinová – 4.11.2015",  # as written
    }


# ---------------------------------------------------------------- what must be done by a day


def test_what_must_be_done_by_a_day_is_a_task():
    # srps-zs-mazurska-vybor-2015-11
    first = "Nejpozději k 15.11.2015 je třeba zvolit novou hospodářku SRPŠ."
    assert needed(first) == {
        "text": first,
        "_kind": "date",
        "deadline": dt.date(2015, 11, 15),
        "_words": "Nejpozději k 15.11.2015",
    }
    # another school's parents' association: https://www.srpzspist.cz/zapis-z-clenske-schuze-12-09-2023/
    fee = "Členský příspěvek je nutno uhradit třídním učitelům do 31. října 2023."
    found = needed(fee)
    assert found is not None and found["deadline"] == dt.date(2023, 10, 31)
    # without its day, no task: a chess federation's committee,
    # http://docplayer.cz/1285773-Zapis-ze-70-schuze-vv-sscr-v-brne-26-4-2012.html
    assert (
        needed("Je třeba oslovit cestovní kancelář o nabídku na cca 18 letenek a z nich vybírat.")
        is None
    )


def test_the_task_opening_a_point_is_shown_in_its_place_and_the_rest_stays():
    meeting = _draft(_source("srps-zs-mazurska-vybor-2015-11")).meeting
    item = next(item for item in meeting["items"] if item.get("number") == 4)
    assert item["content"] == [
        {"assigned": "2015-11-04/1"},
        "Výbor požádal vedení školy o spolupráci při náboru nových členů SRPŠ.",
    ]
    assert meeting["tasks"][0]["deadline"] == dt.date(2015, 11, 15)


def test_the_next_meeting_in_a_sentence_of_its_own():
    # obec-hrabova-kulturni-komise-2016-12 (a district's cultural commission)
    assert written.next_meeting("Další schůze 10.1.2017 v 16.30 hod.")
    # a school parents' association: https://srps-na-smetance.webnode.cz/zapis-ze-schuze-srps-dne-11-9-2018/
    assert written.next_meeting("Další schůzka SRPŠ byla stanovena na 13. 11. 2018.")
    # mesto-lysa-stavebni-komise-2019-06: two sentences, the item's own text
    assert not written.next_meeting(
        "Příští řádné jednání SK je naplánováno na 9.9.2019 od 18,00 hod, velká zasedací "
        "místnost radnice. V případně nutnosti bude komise svolána i přes prázdniny."
    )


def test_the_next_meeting_after_the_last_items_bullets_closes_the_minutes():
    meeting = _draft(_source("obec-hrabova-kulturni-komise-2016-12")).meeting
    last = meeting["items"][-1]
    assert "number" not in last and "title" not in last
    assert last["content"][0] == "Další schůze 10.1.2017 v 16.30 hod."
    assert meeting["next_meetings"][0]["date"] == dt.date(2017, 1, 10)


# ---------------------------------------------------------------- all of them approved


def test_all_of_them_approving_is_a_unanimous_resolution():
    # obec-vetrusice-zastupitelstvo-2014-06 (a municipal council)
    said = (
        "Všichni schválili navrženého zapisovatele (S. Zádovou), ověřovatele ( J. Nouzu a J. "
        "Kolína ) a program zastupitelstva."
    )
    assert passive_decision(said) == {"decision": said, "unanimous": True, "outcome": "adopted"}
    # another municipal council: http://www.strelicnik.cz/category/zastupitelstvo/
    elected = (
        "Všichni zastupitelé následně složili slib a zvolili návrhovou komise ve složení p. Mgr. "
        "H. Fialová a p. Hloušková, ověřovateli zápisu pak p. Ing. L. Záleského a p. J. Štveráčka."
    )
    found = passive_decision(elected)
    assert found is not None and found["unanimous"] and found["outcome"] == "adopted"


def test_all_of_them_approving_in_the_councils_opening():
    meeting = _draft(_source("obec-vetrusice-zastupitelstvo-2014-06")).meeting
    found = [d for d in _decisions(meeting) if d["decision"].startswith("Všichni schválili")]
    assert [(d.get("unanimous"), d.get("outcome")) for d in found] == [(True, "adopted")]
    assert meeting["minute_taker"] == "S. Zádová"  # the roles are still read from it
