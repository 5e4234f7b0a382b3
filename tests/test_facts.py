"""Issue 22: a meeting reduced to its facts (psc.edits.intake.facts), the measure of an import's
structure. Names, labels and titles are quoted from the real minutes in tests/fixtures/real."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from psc.edits.intake.facts import (
    KINDS,
    Name,
    Title,
    Wording,
    category_kind,
    facts,
    fold,
    matched,
    recall,
)

REAL = Path(__file__).parent / "fixtures" / "real"

MEETING = """\
title: Zápis ze 100. schůze VV ŠSČR
date: 2015-07-20
chair: {name: V. Novotný, role: předseda}
minute_taker: František Štross
verifiers: [Viktor Novotný]
attendees:
  categories:
    - label: Přítomni
      people: [Viktor Novotný, Marek Vokáč]
    - label: Omluven
      people: [Jiří Havlíček]
    - label: Hosté
      people: [{name: Jan Kolašín, role: sekretář ŠSČR}]
programme:
  - title: Zahájení, určení zapisovatele a ověřovatele zápisu
items:
  - number: 2
    title: Schválení zápisu z 99. schůze VV ŠSČR
    content:
      - person: P. Pisk
        text: P. Pisk doporučil smazat zmínku o návrhu J. Prokopové.
      - number: "100/1"
        decision: VV ŠSČR schvaluje zápis z 99. schůze VV ŠSČR.
        outcome: adopted
        votes: {for: 6, against: 0, abstained: 1}
      - task: 2015-06-01/1
        status: done
tasks:
  - text: Upravit zápis z 99. schůze VV
    responsible_text: sekretariát
    deadline: 2015-08-31
"""


def _meeting(text: str = MEETING):
    from psc.loading import pipeline

    return pipeline.load_meeting(text, Path("meetings/2015-07-20.yaml"), None, checks=False)


def test_every_kind_of_fact_is_read_from_its_place():
    found = facts(_meeting())
    assert found["item"] == [(Title("schválení zápisu z 99. schůze vv šsčr", "2"),)]
    assert found["programme"] == [("zahájení, určení zapisovatele a ověřovatele zápisu",)]
    words = Wording.of("VV ŠSČR schvaluje zápis z 99. schůze VV ŠSČR")
    assert found["decision"] == [("100/1", "adopted", "6", "0", "1", "", words)]
    assert [(kind, sorted(name.words)) for kind, name in found["attendance"]] == [
        ("present", ["novotný", "viktor"]),
        ("present", ["marek", "vokáč"]),
        ("excused", ["havlíček", "jiří"]),
        ("guests", ["jan", "kolašín"]),
    ]
    assert [role for role, _ in found["role"]] == ["chair", "minute_taker", "verifier"]
    assert [sorted(speaker.words) for speaker, _ in found["statement"]] == [["p", "pisk"]]
    assert found["task"] == [("upravit zápis z 99. schůze vv", "2015-08-31")]
    assert found["review"] == [("2015-06-01/1", "done", "")]


def test_a_meeting_recalls_all_of_its_own_facts():
    measured = recall(_meeting(), _meeting())
    assert measured.overall == 1.0
    assert measured.wanted == 13
    assert all(measured.of(kind) == 1.0 for kind in KINDS)


def test_a_fact_not_reproduced_lowers_its_kind_and_the_whole():
    without = MEETING.replace("        outcome: adopted\n", "").replace(
        "    deadline: 2015-08-31\n", "    deadline_text: průběžně\n"
    )
    measured = recall(_meeting(), _meeting(without))
    assert measured.counts["decision"] == (0, 1)  # the outcome is part of the decision
    assert measured.counts["task"] == (0, 1)  # and the deadline of the task
    assert measured.counts["attendance"] == (4, 4)
    assert measured.overall == 11 / 13
    assert recall(_meeting(without), _meeting()).counts["decision"] == (0, 1)


def test_text_is_compared_whatever_its_spacing_case_and_unicode_form():
    title = "Schválení zápisu z 99. schůze VV ŠSČR"
    decomposed = unicodedata.normalize("NFD", title)
    assert decomposed != title
    assert fold(f"  {decomposed.upper()}\u00a0 ") == fold(title)
    assert fold("Usnesení 100/1:") == fold("usnesení  100/1")


def test_names_are_compared_by_their_words_titles_aside():
    assert Name.of("prof. MUDr. P. Strejc, DrSc.").matches(Name.of("P. Strejc"))
    assert Name.of("V. Novotný").matches(Name.of("Viktor Novotný"))
    assert Name.of("Baxa").matches(Name.of("Baxa"))
    assert Name.of("Genein Cox-De Sousa").matches(Name.of("Cox-De Sousa"))
    assert not Name.of("Viktor Novotný").matches(Name.of("Martin Petr"))
    assert not Name.of("Petr Pisk").matches(Name.of("Petr Záruba"))
    assert not Name.of("P.").matches(Name.of("Petr Pisk"))  # initials alone are no one
    assert not Name.of("dle prezenční listiny").matches(Name.of("Jiří Havlíček"))


def test_the_kind_of_an_attendance_category_comes_from_its_label():
    kinds = {
        "Přítomni": "present",
        "Přítomní": "present",
        "Present": "present",
        "Omluveni": "excused",
        "Omluven": "excused",
        "Apologies": "excused",
        "Nepřítomni": "absent",
        "Nepřítomen": "absent",
        "Hosté": "guests",
        "Přizváni": "guests",
        "In attendance": "guests",
        "Dále přítomni": "guests",
        "Náhradníci": "náhradníci",
    }
    assert {label: category_kind(label) for label in kinds} == kinds


def test_facts_are_a_multiset():
    one = ("present", Name.of("Baxa"))
    assert matched([one, one], [one]) == 1
    assert matched([one], [one, one]) == 1
    assert matched([one, one], [one, one]) == 2


def test_a_task_without_a_deadline_and_the_members_of_other_roles_are_facts():
    # "Úkol 100/1: …" (spolek-sscr-vykonny-vybor-2015-07) and "Složení návrhové komise: A. Babínská,
    # L. Dlabáčová a ing. J. Látal" (obec-koclirov-zastupitelstvo-2008-11)
    text = MEETING.replace("    deadline: 2015-08-31\n", "") + (
        "roles:\n"
        "  - kind: drafting_commission\n"
        "    people: [A. Babínská, L. Dlabáčová]\n"
        "  - label: Skrutátoři\n"
        "    people: [Marek Vokáč]\n"
    )
    found = facts(_meeting(text))
    assert found["task"] == [("upravit zápis z 99. schůze vv", "")]
    assert [(role, sorted(name.words)) for role, name in found["role"][3:]] == [
        ("drafting_commission", ["a", "babínská"]),
        ("drafting_commission", ["dlabáčová", "l"]),
        ("skrutátoři", ["marek", "vokáč"]),
    ]
    with_deadline = recall(_meeting(text), _meeting())
    assert with_deadline.counts["task"] == (0, 1)  # no deadline is not the deadline of 31 August
    assert with_deadline.counts["role"] == (3, 6)


def test_a_titles_separator_is_not_part_of_it():
    """en-clifton-rawcliffe-allotments-2023-04 writes '4) Matters arising – it was suggested …':
    its hand-written title keeps the dash, an import's does not; both are the same title."""
    assert fold("Matters arising –") == fold("Matters arising") == "matters arising"
    assert fold("Present:") == fold("present")


def test_a_resolution_is_recalled_only_with_its_words():
    """Outcome and votes alone do not make the resolution: an import that took the vote line
    ('Schváleno : 3 pro', obec-uholicky's minutes) as the resolution's text has not reproduced
    the resolution it approves; the same words with a label before them, or marked in bold,
    have."""
    resolution = "VV ŠSČR schvaluje zápis z 99. schůze VV ŠSČR."
    for wording, same_words in (
        ("Schváleno : 3 pro", False),
        ("Usnesení 100/1: VV ŠSČR schvaluje zápis z 99. schůze VV ŠSČR", True),
        ("**VV ŠSČR schvaluje zápis z 99. schůze VV ŠSČR.**", True),
        ("VV ŠSČR schvaluje", True),
        ("schvaluje", False),  # two words or fewer: only equal words match
    ):
        text = MEETING.replace(f"decision: {resolution}", f'decision: "{wording}"')
        assert recall(_meeting(), _meeting(text)).counts["decision"] == (int(same_words), 1), (
            wording
        )
    assert Wording.of("Cart for President.").matches(Wording.of("**Cart for President.**"))


def test_facts_an_import_has_beyond_the_wanted_ones_lower_its_precision():
    """A vote line taken for the resolution is a fact nobody wanted: recall misses the
    resolution and precision counts the wrong one."""
    wrong = MEETING.replace(
        "decision: VV ŠSČR schvaluje zápis z 99. schůze VV ŠSČR.", 'decision: "Schváleno : 3 pro"'
    )
    measured = recall(_meeting(), _meeting(wrong))
    assert measured.extra == 1
    assert measured.precision == 12 / 13
    assert recall(_meeting(), _meeting()).precision == 1.0


def test_a_vote_by_name_counts_as_its_counts():
    """One file gives the roll call only ('Evans, Peasley, Funk, Cromer and Smiarowski voted
    aye', a school board's minutes), another the roll call and the counts: the same vote."""
    names = ["Evans", "Peasley", "Funk", "Cromer", "Smiarowski", "Rash", "Phillips"]
    roll = "".join(f"\n          - {{name: {n}, vote: for}}" for n in names[:6]) + (
        "\n          - {name: Phillips, vote: abstained}"
    )
    counted = MEETING.replace(
        "votes: {for: 6, against: 0, abstained: 1}", "votes: {for: 6, abstained: 1}"
    )
    by_name = MEETING.replace("votes: {for: 6, against: 0, abstained: 1}", f"roll_call:{roll}")
    assert recall(_meeting(counted), _meeting(by_name)).counts["decision"] == (1, 1)
    assert recall(_meeting(by_name), _meeting(counted)).counts["decision"] == (1, 1)
    assert facts(_meeting(by_name))["decision"][0][2:5] == ("6", "", "1")


def test_an_item_the_minutes_leave_untitled_is_matched_by_its_number():
    """Points numbered '1) Na základě …' under a programme (obec-holoubkov's minutes) have no
    title of their own: an import that titles point 1 with the programme's first entry has
    it right; a title the minutes give must still be matched, and a number too."""
    untitled = MEETING.replace("    title: Schválení zápisu z 99. schůze VV ŠSČR\n", "")
    titled = _meeting()
    assert recall(_meeting(untitled), titled).counts["item"] == (1, 1)
    assert recall(titled, _meeting(untitled)).counts["item"] == (0, 1)
    renumbered = MEETING.replace("  - number: 2\n", "  - number: 3\n")
    assert recall(_meeting(untitled), _meeting(renumbered)).counts["item"] == (0, 1)


def test_a_number_written_in_the_title_is_the_same_heading_as_a_number_apart():
    """A strata council's committee reports 'a. Social', 'b. Grounds and Gardening'
    (pdf-cypress-point-strata-council-2005-05): one file writes the letter in the title,
    another as the item's number; both render 'a. Social'. Other words still differ."""
    apart = _meeting()
    written = MEETING.replace("  - number: 2\n    title: Schválení", "  - title: 2. Schválení")
    assert recall(_meeting(written), apart).counts["item"] == (1, 1)
    assert recall(apart, _meeting(written)).counts["item"] == (1, 1)
    other = written.replace("title: 2. Schválení", "title: 3. Schválení")
    assert recall(_meeting(other), apart).counts["item"] == (0, 1)


def test_an_item_that_only_places_the_headers_parts_is_no_point():
    """'- content: [show: roles]' before minute 37 (where a community council's minutes write
    'Chair: Councillor P Vaughan'): where the header's lines print, not a point of the
    meeting, so no item fact; an item with text beside its `show` is one."""
    placed = MEETING.replace(
        "items:\n", "items:\n  - content:\n      - show: [roles, attendance]\n", 1
    )
    assert facts(_meeting(placed))["item"] == facts(_meeting())["item"]
    with_text = MEETING.replace(
        "items:\n",
        "items:\n  - content:\n      - show: roles\n      - 'Chair: Councillor P Vaughan'\n",
        1,
    )
    assert len(facts(_meeting(with_text))["item"]) == 2
