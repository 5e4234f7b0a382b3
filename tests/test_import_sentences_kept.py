"""Issue 22, round 9: an import renders its source's sentences as written, where psc printed
them otherwise (the classes the sentence check of tests/test_import_sentences.py found), on
lines of the real fixtures' sources (tests/fixtures/real/*/source.txt) and published minutes
(their address beside them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corpus_import import CORPUS_GROUP, imported
from test_intake_recognise import GROUP, _draft
from test_real_minutes import normal

from psc.edits.intake import closingvote, gluednumber, programme, runframe
from psc.loading.model import Meeting
from psc.publish.render import Renderer

REAL = Path(__file__).parent / "fixtures" / "real"
pytestmark = CORPUS_GROUP  # the fixtures imported once, with the other corpus tests


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def _imported(name: str) -> tuple[dict[str, Any], str]:
    """The fixture's source recognised, and its minutes as `psc import` writes and renders
    them in a fresh repository (plain, as the sentence check reads them)."""
    return _draft(_source(name), GROUP).meeting, normal(imported(name).markdown)


def _numbered(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for item in meeting["items"] if "number" in item]


# ---------------------------------------------------------------- a number glued to its text


def test_a_number_glued_to_its_text_is_told_from_one_written_apart():
    assert gluednumber.glued("2.Volba pověřeného zastupitele pro tvorbu územního plánu")  # zbilidy
    assert gluednumber.glued(
        "1.Šerif  sdělil, že byla opravena díra na hrázi u borovice"
    )  # okrouhlík
    assert not gluednumber.glued("2. Šerif informoval o své schůzce se starostou obce")
    assert not gluednumber.glued("1.2Absent: Martyn Kelham MK (Community Governor)")  # highworth
    assert not gluednumber.glued("6, Výběrem příspěvků na ohňostroj byli pověřeni hospodští.")


def test_the_first_sentence_of_a_point_of_prose_is_its_title():
    # osadni-vybor-okrouhlik-2018-12, point 3: 'v r. 2019' is no end of a sentence
    text = (
        "Zdeněk Krejčí informoval o dopise, kde vyzývá osadníky, aby sdělili své návrhy na "
        "program akcí osady v r. 2019 a k účasti na akcích a jejich organizaci. Nejlépe, kdyby "
        "se zapojili mladší a nejmladší."
    )
    title, rest = gluednumber.first_sentence(text)
    assert title.endswith("v r. 2019 a k účasti na akcích a jejich organizaci.")
    assert rest == "Nejlépe, kdyby se zapojili mladší a nejmladší."
    assert gluednumber.first_sentence("Výběrem byli pověřeni hospodští.")[1] == ""


def test_a_heading_with_its_number_glued_renders_as_written():
    # obec-zbilidy-zastupitelstvo-2018-06: '2.Volba pověřeného zastupitele …' (item 1 is spaced)
    meeting, minutes = _imported("obec-zbilidy-zastupitelstvo-2018-06")
    first, second = _numbered(meeting)[:2]
    assert "run_in" not in first
    assert (second["label"], second["run_in"]) == ("2.", True)
    assert second["title"] == "Volba pověřeného zastupitele pro tvorbu územního plánu"
    assert "2.volba pověřeného zastupitele" in minutes


def test_points_of_prose_with_their_number_glued_are_titled_by_their_first_sentence():
    # osadni-vybor-okrouhlik-2018-12: '1.Šerif sdělil, …', '2. Šerif informoval …', '3.Zdeněk …'
    meeting, minutes = _imported("osadni-vybor-okrouhlik-2018-12")
    points = _numbered(meeting)
    assert points[0]["title"].startswith("Šerif sdělil, že byla opravena díra")
    assert "content" not in points[0] and points[0]["run_in"] is True
    assert "title" not in points[1] and "run_in" not in points[1]  # '2. Šerif': spaced
    assert points[2]["content"][0] == "Nejlépe, kdyby se zapojili mladší a nejmladší."
    assert "1.šerif sdělil, že byla opravena díra" in minutes
    assert "3.zdeněk krejčí informoval o dopise" in minutes


# ---------------------------------------------------------------- headed by the number alone


def test_points_titled_from_the_programme_are_headed_by_their_number_alone():
    # obec-holoubkov-financni-vybor-2006-12: 'Program :' / '1) Ustavení nového složení výboru' /
    # … / '1) Na základě listopadových voleb …' (the point's text after its number)
    meeting, minutes = _imported("obec-holoubkov-financni-vybor-2006-12")
    points = _numbered(meeting)
    assert [p["title"] for p in points] == [p["title"] for p in meeting["programme"]]
    assert all(p["number_only"] is True for p in points)
    assert "1) na základě listopadových voleb do zastupitelstva" in minutes
    assert "3) usnesení finančního výboru (fv):" in minutes
    assert "1) ustavení nového složení výboru" in minutes  # the programme still names it


def test_an_item_headed_by_its_number_alone_keeps_its_title_for_the_register():
    item = {"number": 1, "label": "1)", "title": "Ustavení nového složení výboru"}
    content = {"content": ["Na základě listopadových voleb do zastupitelstva …"]}
    meeting = {"title": "Zápis ze zasedání FV ze dne 6.12.2006", "date": "2006-12-06"}
    plain = Meeting.model_validate({**meeting, "items": [{**item, **content}]})
    only = Meeting.model_validate({**meeting, "items": [{**item, **content, "number_only": True}]})
    renderer = Renderer(GROUP, [])
    assert "### 1\\) Ustavení nového složení výboru" in renderer.render(plain, "md")
    shown = renderer.render(only, "md")
    assert "### 1\\)\n" in shown and "Ustavení" not in shown
    assert only.items[0].title == "Ustavení nového složení výboru"


def test_a_label_keeps_its_space_before_the_colon():
    # obec-holoubkov-financni-vybor-2006-12: 'Program :'
    meeting, minutes = _imported("obec-holoubkov-financni-vybor-2006-12")
    assert meeting["labels"]["programme"] == "Program :"
    assert "program: 1) ustavení" in minutes  # (normal() drops a space before a colon)
    assert "**Program :**" in imported("obec-holoubkov-financni-vybor-2006-12").markdown


# ---------------------------------------------------------------- other words as written


def test_a_programme_table_renders_its_rows_as_they_read():
    # spolek-sscr-vykonny-vybor-2015-07: 'Bod programu Předkladatel' / '1 Zahájení, určení
    # zapisovatele a ověřovatele zápisu V. Novotný' / …
    meeting, minutes = _imported("spolek-sscr-vykonny-vybor-2015-07")
    assert meeting["labels"]["programme_entry"] == programme.TABLE_ROW
    assert "1 zahájení, určení zapisovatele a ověřovatele zápisu v. novotný" in minutes
    assert "17 změna webu šsčr j. havlíček" in minutes


def test_an_items_label_keeps_the_dash_after_its_number():
    # spolek-sh-cms-uorp-2018-04: 'Bod č. 1 stálé body jednání', 'Bod č. 2 - návrhy na změny …'
    meeting, minutes = _imported("spolek-sh-cms-uorp-2018-04")
    assert [p.get("label") for p in _numbered(meeting)] == ["Bod č. 1", "Bod č. 2 -", "Bod č. 3 -"]
    assert "bod č. 2 - návrhy na změny a doplňky propozic" in minutes
    # the attendance sheet keeps its label: 'Přítomni: dle prezenční listiny'
    assert "přítomni: dle prezenční listiny" in minutes


def test_the_verifiers_label_over_their_signatures_is_kept():
    # obec-zbilidy-zastupitelstvo-2018-06: 'Ověřovatelé zápisu:' / 'Hana Bílá …' / 'Jiří Huďa …'
    meeting, minutes = _imported("obec-zbilidy-zastupitelstvo-2018-06")
    assert meeting["labels"]["verified_by_plural"] == "Ověřovatelé zápisu"
    assert "ověřovatelé zápisu: hana bílá, jiří huďa" in minutes


def test_a_vote_closing_its_sentence_keeps_the_stop_after_it():
    # senat-prf-uk-2007-10: ' 1. ASF schválil náhradníky (20/0/0).'
    meeting, minutes = _imported("senat-prf-uk-2007-10")
    first = _numbered(meeting)[0]["content"][0]
    assert (first["decision"], first["votes_text"]) == ("ASF schválil náhradníky", "20/0/0")
    assert meeting["labels"]["vote_record"] == "({votes})."
    assert "asf schválil náhradníky (20/0/0)." in minutes
    assert "2007 (19/0/1)." in minutes


def test_votes_closing_some_sentences_only_keep_their_stops_in_the_text():
    closing = {"decision": "ASF schválil náhradníky", "votes_text": "20/0/0"}
    other = {"decision": "VV ŠSČR schvaluje zápis.", "votes": {"for": 5}}
    meeting = {"items": [{"content": [{**closing, closingvote.MARK: True}, other]}]}
    closingvote.settle(meeting, "({votes})")
    assert meeting["items"][0]["content"][0] == {**closing, "decision": "ASF schválil náhradníky."}
    assert "labels" not in meeting


def test_a_presenter_named_first_on_one_line_of_many_is_the_titles():
    # dso-mikroregion-dacicko-valna-hromada-2018-06: '… 4) Hasičský záchranný sbor … 5) Region
    # Renesance - aktuality 6) …' (presenters first on most lines: test_intake_rules.py, LF1)
    meeting, minutes = _imported("dso-mikroregion-dacicko-valna-hromada-2018-06")
    fifth = meeting["programme"][4]
    assert fifth == {"title": "Region Renesance - aktuality"}
    assert "5) region renesance - aktuality" in minutes


def test_psc_validate_names_an_item_headed_by_a_number_it_does_not_have(tmp_path, runner):
    from conftest import run

    assert run(runner, "init", str(tmp_path / "r"), "--name", "FV", "--lang", "cs").exit_code == 0
    meetings = tmp_path / "r" / "meetings"
    meetings.mkdir(exist_ok=True)
    item = "{title: Ustavení nového složení výboru, number_only: true, content: [Text.]}"
    (meetings / "2006-12-06.yaml").write_text(
        f"title: Zápis ze zasedání FV\ndate: 2006-12-06\nitems:\n  - {item}\n", encoding="utf-8"
    )
    result = run(runner, "--root", str(tmp_path / "r"), "validate")
    assert result.exit_code == 1
    assert "2006-12-06.yaml:4:" in result.stderr
    assert "number_only: the item is headed by its number" in result.stderr
    numbered = item.replace("{title", "{number: 1, title")
    (meetings / "2006-12-06.yaml").write_text(
        f"title: Zápis ze zasedání FV\ndate: 2006-12-06\nitems:\n  - {numbered}\n", encoding="utf-8"
    )
    assert run(runner, "--root", str(tmp_path / "r"), "validate").exit_code == 0


# ---------------------------------------------------------------- minutes run together


def test_minutes_run_together_from_their_title_keep_no_frame_of_psc_s():
    # dso-mikroregion-dacicko-valna-hromada-2018-06: 'Zápis z Valné hromady … konané dne 25. 6.
    # 2018 v Dačicích Přítomni: 17 členských obcí dle prezenční listiny Omluvené obce: …'
    meeting, minutes = _imported("dso-mikroregion-dacicko-valna-hromada-2018-06")
    labels = meeting["labels"]
    assert {k: labels[k] for k in runframe.FRAME} == runframe.FRAME
    # the attendance's lines stay text in their place (sameline), the programme shown after them
    content = meeting["items"][0]["content"]
    assert content[0] == "Přítomni: 17 členských obcí dle prezenční listiny"
    assert content[-1] == {"show": "programme"}
    # the chair and the minute-taker are told in item 1's sentences, which stay
    assert (labels["chair"], labels["minute_taker"]) == ("", "")
    assert "2018 v dačicích přítomni: 17 členských obcí dle prezenční listiny omluvené obce:" in (
        minutes
    )
    assert "účetní mikroregionu dačicko schválený program: 1) zahájení" in minutes
    assert "9) závěr 1) zahájení:" in minutes
    # obec-velke-brezno-rada-2018-05: 'ZÁ P I S z 67. schůze … Velké Březno Přítomni: …'
    meeting, minutes = _imported("obec-velke-brezno-rada-2018-05")
    assert meeting["labels"]["section_a"] == ""
    assert "obecním úřadě velké březno přítomni: mgr. michal kulhánek" in minutes


def test_minutes_with_their_title_on_a_line_of_its_own_keep_psc_s_frame():
    # obec-zbilidy-zastupitelstvo-2018-06: the title, then 'Přítomni: …' on a line of its own
    meeting, minutes = _imported("obec-zbilidy-zastupitelstvo-2018-06")
    assert not set(runframe.FRAME) & set(meeting["labels"])
    assert runframe.title_run_on([("line 1", "lines run together")], "line 3") is False
    assert runframe.title_run_on([("line 1", "lines run together")], "line 1") is True


def test_a_role_read_on_a_line_of_a_run_together_beginning_is_shown_with_the_attendance():
    meeting: dict[str, Any] = {
        "title": "Zápis z 8. jednání Rady České televize",
        "minute_taker": "Jana Nováková",
        "chair": "Jan Novák",
        "attendees": {"present": ["J. Dědič"]},
        "items": [{"title": "Zahájení", "content": ["Text."]}],
    }
    runframe.settle(meeting, told={"chair"})
    assert meeting["items"][0] == {"content": [{"show": "attendance"}, {"show": "roles"}]}
    assert meeting["labels"]["chair"] == "" and "minute_taker" not in meeting["labels"]


def test_a_title_of_minutes_before_the_date_is_no_place():
    # osadni-vybor-okrouhlik-2018-12: 'schůze 1.12 2018' / 'Zápis ze schůze osadního výboru
    # osady Okrouhlík ze dne 1.12.2018'; pdf-louisa-county-coa-2019-04: 'Louisa County
    # Commission on Aging' / 'Minutes April 3, 2019' / 'Location: English Meadows …'
    meeting, minutes = _imported("osadni-vybor-okrouhlik-2018-12")
    assert "place" not in meeting
    assert "zápis ze schůze osadního výboru osady okrouhlík ze dne 1.12.2018" in minutes
    louisa = normal(imported("pdf-louisa-county-coa-2019-04").markdown)
    assert "proceedings minutes april 3, 2019 present:" in louisa
    # a place before the date stays the place: 'Pardubice, 20. července 2015' (sscr)
    assert _imported("spolek-sscr-vykonny-vybor-2015-07")[0]["place"] == "Pardubice"


def test_a_role_label_read_with_its_colon_is_shown_with_one():
    # spolek-sh-cms-uorp-2018-04, lines 9-10: 'Určení a schválení zapisovatele jednání: Mojmír
    # Dostál' (the minutes' own label, shown where they name the roles): psc wrote 'jednání::'
    markdown = imported("spolek-sh-cms-uorp-2018-04").markdown
    assert "Určení a schválení zapisovatele jednání: Mojmír Dostál" in markdown
    assert "::" not in markdown
