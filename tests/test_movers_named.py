"""A mover or seconder the decision's own words already name is not said again ('X proposed,
Y seconded.' under 'Willmus moved, Etten seconded, …'): named after the verb or before it, in
English and Czech. Every line is quoted from real minutes: tests/fixtures/real/<name>/source.txt
where a fixture is named (those marked 'main' came with fixtures added to the main line of
development in the same round), else the address in the comment."""

from __future__ import annotations

import pytest

from psc.loading.model import Decision, Group
from psc.publish.render import Renderer, _named_as_mover

NAMED = [
    # (where, the minutes' words, the people they name as mover or seconder)
    (
        "en-roseville-city-council-2017-01",
        "Willmus moved, Etten seconded, approval of the agenda as presented.",
        ["Willmus", "Etten"],
    ),
    (
        "en-swaton-parish-council-2021-05",
        "Cllr Mrs Penketh proposed and Cllr Mrs Patrick seconded that Cllr Wilson be Chairman.",
        ["Cllr Mrs Penketh", "Cllr Mrs Patrick"],
    ),
    (
        "en-swaton-parish-council-2021-05",
        "It was proposed by Cllr Deptford and seconded by Cllr Campion that this meeting",
        ["Cllr Deptford", "Cllr Campion"],
    ),
    (
        "en-marshchapel-parish-council-2019-05",
        "Cllr Rickett was nominated and proposed by Cllr Parkinson.",
        ["Cllr Parkinson"],
    ),
    (
        "en-marshchapel-parish-council-2019-05",
        "Cllr Rickett accepted the nomination Cllr Osbourne seconded the proposal.",
        ["Cllr Osbourne"],
    ),
    (
        "html-stoke-ferry-residents-association-2004-10",
        "Guy de Montfort proposed that Ray Thompson be elected as Vice Chairman of the Association. This was seconded by Robin Kerr and the proposal was agreed unanimously.",
        ["Guy de Montfort", "Robin Kerr"],
    ),
    (
        "html-west-dereham-parish-council-2008-03",
        "Audit Commission - £58. 75: proposed Mrs. Berry seconded Mrs. Cann pass for payment.",
        ["Mrs. Berry", "Mrs. Cann"],
    ),
    (
        "pdf-oakland-prac-2022-07",
        "Moved by: Commissioner K. Smith. Second by: Commissioner Watkins.",
        ["Commissioner K. Smith", "Watkins"],
    ),
    (
        "main: html-stoke-ferry-annual-parish-meeting-2012-05",
        "Mrs Leamon proposed acceptance of the last Annual Parish Meeting Minutes seconded by Mrs Buckley-Stevens.",
        ["Mrs Leamon", "Mrs Buckley-Stevens"],
    ),
    (
        "main: en-rockingham-library-trustees-2017-03",
        "Heidi moves, ad Leslie seconds a slate of John Chair, Ellen Vice Chair, Gary as Secretary, Martha as Treasurer;",
        ["Heidi", "Leslie"],
    ),
    ("main: en-rockingham-library-trustees-2017-03", "Heidi, Ellen Seconds;", ["Ellen"]),
    (
        "main: en-mormon-trail-school-board-2018-10",
        "Funk made a motion to approve the agenda with the following changes.",
        ["Funk"],
    ),
    (
        "main: en-mormon-trail-school-board-2018-10",
        "Under action items, bills were approved with a motion by Cromer and a second by Peasley.",
        ["Cromer", "Peasley"],
    ),
    (
        "main: en-mormon-trail-school-board-2018-10",
        "Cromer made the motion to adjourn followed by a second from Peasley.",
        ["Cromer", "Peasley"],
    ),
    (
        "main: en-mormon-trail-school-board-2018-10",
        "discussion items. Cromer seconded.",
        ["Cromer"],
    ),
    # https://www.dh.cz/index.php/test-2/vykonny-vybor-sh-cms/jednani-vykonneho-vyboru/1366-zaznam-z-jednani-vv-sh-cms-25-3-2021
    (
        "Výkonný výbor SH ČMS, 25. 3. 2021",
        "J. Salivar navrhl, aby jednání řídila Monika Němečková.",
        ["J. Salivar"],
    ),
]

NOT_NAMED = [
    # (where, the minutes' words, people they name, but not as mover or seconder)
    (
        "en-swaton-parish-council-2021-05",
        "Cllr Mrs Penketh proposed and Cllr Mrs Patrick seconded that Cllr Wilson be Chairman.",
        ["Cllr Wilson"],
    ),
    (
        "html-stoke-ferry-residents-association-2004-10",
        "Guy de Montfort proposed that Ray Thompson be elected as Vice Chairman of the Association.",
        ["Ray Thompson"],
    ),
    (
        "main: en-rockingham-library-trustees-2017-03",
        "Heidi moves, ad Leslie seconds a slate of John Chair, Ellen Vice Chair, Gary as Secretary, Martha as Treasurer;",
        ["John", "Ellen", "Gary", "Martha"],
    ),
    (
        "obec-zbilidy-zastupitelstvo-2018-06",
        "Starosta obce navrhl určit ověřovatelem zápisu Hanu Bílou a Jiřího Huďu",
        ["Hana Bílá", "Jiří Huďa"],
    ),
    (
        "Výkonný výbor SH ČMS, 25. 3. 2021",
        "J. Salivar navrhl, aby jednání řídila Monika Němečková.",
        ["Monika Němečková"],
    ),
    # the mover named only by a comma before the seconder: not said to have moved
    ("main: en-rockingham-library-trustees-2017-03", "Heidi, Ellen Seconds;", ["Heidi"]),
]


@pytest.mark.parametrize(("where", "words", "people"), NAMED, ids=[w for w, _, _ in NAMED])
def test_a_mover_named_in_the_minutes_words_is_seen(where, words, people):
    assert [p for p in people if not _named_as_mover(p, words)] == []


@pytest.mark.parametrize(("where", "words", "people"), NOT_NAMED, ids=[w for w, _, _ in NOT_NAMED])
def test_a_name_said_otherwise_is_not_taken_for_the_mover(where, words, people):
    assert [p for p in people if _named_as_mover(p, words)] == []


def test_the_minutes_do_not_say_the_mover_twice():
    """A decision whose words name its mover and seconder renders no 'X proposed, Y
    seconded.' line; one whose words name only the mover still names the seconder."""
    renderer = Renderer(Group.model_validate({"name": "R", "short": "R", "language": "en"}), [])
    both = Decision.model_validate(
        {
            "decision": "Heidi moves, ad Leslie seconds a slate of John Chair, Ellen Vice Chair, "
            "Gary as Secretary, Martha as Treasurer;",
            "proposed_by": "Heidi",
            "seconded_by": "Leslie",
        }
    )
    assert renderer.moved(both) == ""
    one = Decision.model_validate(
        {
            "decision": "Funk made a motion to approve the agenda with the following changes.",
            "proposed_by": "Funk",
            "seconded_by": "Cromer",
        }
    )
    assert renderer.moved(one) == "Cromer seconded."
