"""Issue 13: the minutes' frame and the new structures rendered in Markdown and HTML: the
group's labels (title, headings, header rows, item and vote patterns), designated roles, the
programme, attendance categories and quorum, lists, statements by people, decisions with any
subset of votes and five outcomes, tasks shown where assigned, deadlines in words, reviews of
tasks older than the archive, and approval by the body."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run

from psc.language.mdtext import parser
from psc.language.wording import Wording
from psc.loading.model import Decision, Group, Meeting
from psc.publish.render import Renderer
from psc.terms import Deadline

GROUP: dict[str, Any] = {
    "name": "Zastupitelstvo obce Lhota",
    "short": "ZO Lhota",
    "language": "cs",
    "members": [
        {"name": "Eva Malá", "gender": "female"},
        {"name": "Jan Novák", "gender": "male"},
    ],
}

MEETING: dict[str, Any] = {
    "number": 12,
    "title": "12. zasedání Zastupitelstva obce Lhota",
    "date": "2022-05-12",
    "start": "18:00",
    "place": "obecní úřad",
    "chair": {"name": "Ing. Petr Novák", "role": "starosta"},
    "minute_taker": {"name": "Eva Malá"},
    "verifiers": ["Jan Novák", "Marie Dlouhá"],
    "attendees": {
        "categories": [
            {
                "label": "Přítomni",
                "people": [{"name": "Jan Novák", "role": "místostarosta"}, "Eva Malá"],
                "count": 9,
            },
            {
                "label": "Přizváni",
                "groups": [{"body": "Za SDH", "people": ["K. Hasič", "L. Voda"]}],
            },
            {"label": "Neomluveni", "nobody": True},
            {"label": "Veřejnost", "count": 22, "note": "viz prezenční listina"},
        ],
        "quorum": {"present": 9, "members": 11, "quorate": True},
    },
    "programme": [
        {"title": "Zahájení", "presenters": ["Ing. Petr Novák"], "duration": 5},
        {
            "title": "Rozpočet",
            "presenters": ["doc. Ing. J. Novák, Ph.D.", "Eva Malá"],
            "duration": 15,
            "note": "podklady předem",
        },
        {"title": "Různé"},
    ],
    "programme_note": "Program byl schválen bez připomínek.",
    "items": [
        {
            "title": "Zahájení",
            "content": [
                "Starosta zahájil zasedání v 18:00.",
                {
                    "label": "Usnesení č. 1/12-5-2022",
                    "decision": "Zastupitelstvo schvaluje program.",
                    "votes": {"for": 9},
                    "outcome": "adopted",
                },
            ],
        },
        {
            "number": 1,
            "label": "Ad 1)",
            "title": "Rozpočet",
            "presenters": ["Eva Malá", "Jan Novák"],
            "duration": 15,
            "content": [
                {
                    "person": "Ing. Petr Novák",
                    "role": "starosta",
                    "text": "Starosta představil návrh rozpočtu.",
                },
                {"list": ["příjmy 10 mil. Kč", "výdaje 9 mil. Kč"]},
                {"list": ["první", "druhý"], "ordered": True},
                {
                    "proposal": "Zastupitelstvo schvaluje rozpočet na rok 2022.",
                    "decision": "Zastupitelstvo schvaluje rozpočet na rok 2022 se schodkem.",
                    "number": "2/2022",
                    "votes": {"for": 8, "against": 1},
                    "roll_call": [
                        {"name": "Jan Novák", "vote": "for"},
                        {"name": "Eva Malá", "vote": "against"},
                    ],
                    "outcome": "adopted",
                },
                {
                    "proposal": "Zastupitelstvo ruší vyhlášku.",
                    "number": "3/2022",
                    "votes_text": "3 : 6 : 0",
                    "outcome": "rejected",
                },
                {
                    "decision": "Zastupitelstvo bere na vědomí zprávu kontrolního výboru.",
                    "unanimous": True,
                    "outcome": "noted",
                },
                {"assigned": "T1"},
            ],
        },
        {
            "number": 2,
            "title": "Různé",
            "presenters": ["Eva Malá"],
            "content": [
                {"programme": [{"title": "Dotace", "presenters": ["Jan Novák"], "duration": 10}]},
                {"task": "2015/7", "text": "Opravit most.", "status": "done"},
                {
                    "decision": "Starý styl.",
                    "number": "4",
                    "votes": {"for": 9, "against": 0, "abstained": 0},
                    "outcome": "adopted",
                },
            ],
        },
    ],
    "tasks": [
        {
            "id": "T1",
            "text": "Zveřejnit rozpočet.",
            "deadline_text": "na jaře 2023",
            "responsible": ["Eva Malá"],
        },
        {
            "text": "Opravit chodník.",
            "deadline": "2022-09-01",
            "deadline_text": "na zářijové jednání",
        },
    ],
    "verified_by": [{"name": "Jan Novák"}, {"name": "Marie Dlouhá", "date": "2022-05-20"}],
    "approved_at": {"meeting": "2022-06-16", "decision": "5/2022"},
}


def render(
    fmt: str,
    meeting: dict[str, Any] | None = None,
    labels: dict[str, str] | None = None,
    language: str | None = None,
) -> str:
    group = {**GROUP, "labels": labels or {}}
    renderer = Renderer(Group.model_validate(group), [], language)
    return renderer.render(Meeting.model_validate(meeting or MEETING), fmt)


def changed(**keys: Any) -> dict[str, Any]:
    """The test meeting with some top-level keys replaced (None: left out)."""
    meeting = copy.deepcopy(MEETING)
    for key, value in keys.items():
        if value is None:
            meeting.pop(key, None)
        else:
            meeting[key] = value
    return meeting


def header_rows(markdown: str) -> list[list[str]]:
    """The header table as a Markdown viewer reads it (GFM tables): cells as text."""
    md = parser().__class__("commonmark", {"html": False}).enable("table")
    html = md.render(markdown)
    table = re.search(r"<table>(.*?)</table>", html, re.S)
    assert table, html
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    return [re.findall(r"<t[hd]>(.*?)</t[hd]>", row, re.S) for row in rows]


# ------------------------------------------------------------------ every structure


def test_every_new_structure_in_markdown():
    out = render("md")
    lines = out.splitlines()
    expected = [
        "# Zápis",
        "| název | 12. zasedání Zastupitelstva obce Lhota |",
        "| datum | 12. května 2022, 18:00 |",
        "| účastníci | Přítomni: Jan Novák, místostarosta, Eva Malá (9)<br>Přizváni: Za SDH: "
        "K. Hasič, L. Voda<br>Neomluveni: –<br>Veřejnost: (22), viz prezenční listina<br>"
        "Přítomno 9 z 11 členů; usnášeníschopné. |",
        "| Předsedající | Ing. Petr Novák, starosta |",
        "| Zapisovatelka | Eva Malá |",
        "| Ověřovatelé zápisu | Jan Novák, Marie Dlouhá |",
        "## Program jednání",
        "1. Zahájení – Předkládá: Ing. Petr Novák (5 min.)",
        "2. Rozpočet – Předkládají: doc. Ing. J. Novák, Ph.D., Eva Malá (15 min.) – podklady předem",
        "3. Různé",
        "Program byl schválen bez připomínek.",
        "## A Průběh jednání",
        "### Zahájení",
        "**Usnesení č. 1/12-5-2022** Zastupitelstvo schvaluje program. (pro 9) – přijato",
        "### Ad 1) Rozpočet",
        "*Předkládají: Eva Malá, Jan Novák (15 min.)*",
        "Starosta představil návrh rozpočtu.",
        "- příjmy 10 mil. Kč",
        "- výdaje 9 mil. Kč",
        "1. první",
        "2. druhý",
        "Návrh usnesení: Zastupitelstvo schvaluje rozpočet na rok 2022.",
        "**Usnesení 2/2022:** Zastupitelstvo schvaluje rozpočet na rok 2022 se schodkem. "
        "(pro 8, proti 1) – přijato",
        "Jmenovité hlasování: Jan Novák: pro, Eva Malá: proti",
        "**Usnesení 3/2022:** Návrh usnesení: Zastupitelstvo ruší vyhlášku. (3 : 6 : 0) – nepřijato",
        "**Usnesení:** Zastupitelstvo bere na vědomí zprávu kontrolního výboru. (jednomyslně) "
        "– vzato na vědomí",
        "- Zveřejnit rozpočet. – T: na jaře 2023, Eva Malá",
        "### Bod 2 – Různé",
        "*Předkládá: Eva Malá*",
        "1. Dotace – Předkládá: Jan Novák (10 min.)",
        "Úkol 2015/7 (Opravit most.): splněno",
        "**Usnesení 4:** Starý styl. (pro 9, proti 0, zdrželo se 0) – přijato",
        "## B Úkoly",
        "- Opravit chodník. – T: na zářijové jednání",
        "*Ověřovatelé: Jan Novák, Marie Dlouhá, 20. 5. 2022*",
        "*Zápis byl schválen na jednání 16. 6. 2022, usnesením č. 5/2022.*",
    ]
    missing = [line for line in expected if line not in lines]
    assert missing == []
    # in this order, each once
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions)
    assert out.count("Zveřejnit rozpočet.") == 1
    # approved by the body: not a draft
    assert "návrh" not in lines[0] and "dosud nebyl schválen" not in out


def test_every_new_structure_in_html():
    out = render("html")
    for snippet in [
        "<h1>Zápis</h1>",
        "<div>Přítomni: Jan Novák, místostarosta, Eva Malá (9)</div>",
        "<div>Neomluveni: –</div>",
        '<div class="quorum">Přítomno 9 z 11 členů; usnášeníschopné.</div>',
        '<tr><th scope="row">Předsedající</th><td>Ing. Petr Novák, starosta</td></tr>',
        '<tr><th scope="row">Zapisovatelka</th><td>Eva Malá</td></tr>',
        '<tr><th scope="row">Ověřovatelé zápisu</th><td>Jan Novák, Marie Dlouhá</td></tr>',
        '<section class="programme">\n<h2>Program jednání</h2>\n<ol class="programme">\n'
        '<li>Zahájení – <span class="presenters">Předkládá: Ing. Petr Novák (5 min.)</span></li>',
        "</ol>\n<p>Program byl schválen bez připomínek.</p>\n</section>",
        '<section class="item">\n<h3>Zahájení</h3>',
        '<section class="item" id="item-1">\n<h3>Ad 1) Rozpočet</h3>',
        '<p class="presenters"><em>Předkládají: Eva Malá, Jan Novák (15 min.)</em></p>',
        '<p class="statement" data-person="Ing. Petr Novák">Starosta představil návrh rozpočtu.</p>',
        "<ul>\n<li>příjmy 10 mil. Kč</li>\n<li>výdaje 9 mil. Kč</li>\n</ul>",
        "<ol>\n<li>první</li>\n<li>druhý</li>\n</ol>",
        '<p class="proposal">Návrh usnesení: Zastupitelstvo schvaluje rozpočet na rok 2022.</p>',
        '<p class="decision"><strong>Usnesení 2/2022:</strong> Zastupitelstvo schvaluje rozpočet '
        "na rok 2022 se schodkem. (pro 8, proti 1) – přijato</p>",
        '<p class="roll-call">Jmenovité hlasování: Jan Novák: pro, Eva Malá: proti</p>',
        '<p class="proposal"><strong>Usnesení 3/2022:</strong> Návrh usnesení: Zastupitelstvo ruší '
        "vyhlášku. (3 : 6 : 0) – nepřijato</p>",
        '<ul class="tasks"><li data-task-id="T1">Zveřejnit rozpočet. – '
        '<span class="deadline">T: na jaře 2023</span>, Eva Malá</li></ul>',
        '<p class="review">Úkol 2015/7 (Opravit most.): splněno</p>',
        '<p class="decision"><strong>Usnesení 4:</strong> Starý styl. (pro 9, proti 0, '
        "zdrželo se 0) – přijato</p>",
        '<li id="task-1" data-task-id="2022-05-12/2">Opravit chodník. – '
        '<span class="deadline">T: na zářijové jednání</span></li>',
        '<p>Ověřovatelé: Jan Novák, Marie Dlouhá, <time datetime="2022-05-20">20. 5. 2022</time></p>',
        '<p class="approval">Zápis byl schválen na jednání 16. 6. 2022, usnesením č. 5/2022.</p>',
    ]:
        assert snippet in out, snippet
    assert out.count("Zveřejnit rozpočet.") == 1
    assert 'class="draft"' not in out


def test_the_header_table_is_one_valid_table():
    rows = header_rows(render("md"))
    assert [row[0] for row in rows] == [
        "název",
        "datum",
        "místo",
        "účastníci",
        "Předsedající",
        "Zapisovatelka",
        "Ověřovatelé zápisu",
    ]
    assert all(len(row) == 2 for row in rows)
    assert rows[3][1].count("&lt;br&gt;") == 4  # (the test parser shows raw HTML as text)


def test_english_words_of_the_new_structures():
    out = render("md", language="en")
    for line in [
        "| Chair | Ing. Petr Novák, starosta |",
        "| Minute-taker | Eva Malá |",
        "## Agenda",
        "2. Rozpočet – Presented by: doc. Ing. J. Novák, Ph.D., Eva Malá (15 min.) – podklady předem",
        "Proposed resolution: Zastupitelstvo schvaluje rozpočet na rok 2022.",
        "**Decision 2/2022:** Zastupitelstvo schvaluje rozpočet na rok 2022 se schodkem. "
        "(for 8, against 1) – adopted",
        "Roll call: Jan Novák: for, Eva Malá: against",
        "**Decision:** Zastupitelstvo bere na vědomí zprávu kontrolního výboru. (unanimously) "
        "– noted",
        "- Zveřejnit rozpočet. – Due: na jaře 2023, Eva Malá",
        "*Verified by: Jan Novák, Marie Dlouhá, 20 May 2022*",
        "*The minutes were approved at the meeting of 16 Jun 2022, by decision 5/2022.*",
    ]:
        assert line in out.splitlines(), line


# ------------------------------------------------------------------ the group's frame


def test_a_group_words_the_frame_its_own_way():
    labels = {
        "minutes": "Zápis z {number}. zasedání ({date})",
        "item": "{number}. {title}",
        "section_a": "Průběh zasedání",
        "programme": "Návrh programu",
        "chair": "Řídící schůze",
        "vote_record": "Hlasování: {votes}.",
        "votes": "{for_} : {against} : {abstained}",
        "vote_for": "PRO {count}",
        "decision": "Usnesení č.",
        "outcome_adopted": "usnesení bylo přijato",
        "presenters": "předkládá",
        "duration": "{minutes} minut",
    }
    out = render("md", labels=labels).splitlines()
    for line in [
        "# Zápis z 12. zasedání (12. května 2022)",
        "## Návrh programu",
        "1. Zahájení – předkládá: Ing. Petr Novák 5 minut",
        "| Řídící schůze | Ing. Petr Novák, starosta |",
        "## Průběh zasedání",
        "### Ad 1) Rozpočet",  # the item's own label wins over the group's pattern
        "### 2\\. Různé",  # (a heading's text is plain text: '2.' escaped)
        "**Usnesení č. 1/12-5-2022** Zastupitelstvo schvaluje program. Hlasování: PRO 9. "
        "– usnesení bylo přijato",
        "**Usnesení č. 4:** Starý styl. Hlasování: 9 : 0 : 0. – usnesení bylo přijato",
    ]:
        assert line in out, line
    html = render("html", labels=labels)
    assert "<title>Zápis z 12. zasedání (12. května 2022): 12. zasedání" in html
    assert "<h3>2. Různé</h3>" in html


def test_empty_labels_leave_headings_and_rows_out():
    labels = {
        "section_a": "",
        "section_b": "",
        "programme": "",
        "name": "",
        "place": "",
        "attendees": "",
        "chair": "",
        "proposal": "",
        "decision": "",
    }
    out = render("md", labels=labels)
    lines = out.splitlines()
    assert not any(line.startswith("## ") for line in lines)  # no H2 at all
    assert "Zveřejnit rozpočet." in out and "- Opravit chodník. – T: na zářijové jednání" in lines
    assert [row[0] for row in header_rows(out)] == [
        "datum",
        "Zapisovatelka",
        "Ověřovatelé zápisu",
    ]
    assert lines[2] == "| datum | 12. května 2022, 18:00 |" and lines[3] == "|---|---|"
    assert "1. Zahájení – Předkládá: Ing. Petr Novák (5 min.)" in lines
    assert "Zastupitelstvo schvaluje rozpočet na rok 2022." in lines  # the proposal, no label
    # an unnumbered decision with no group word has no heading
    assert (
        "Zastupitelstvo bere na vědomí zprávu kontrolního výboru. (jednomyslně) – vzato na vědomí"
        in lines
    )
    assert (
        "**4** Starý styl." not in out
        and "**4:** Starý styl. (pro 9, proti 0, zdrželo se 0)" in out
    )
    html = render("html", labels=labels)
    assert "<h2>" not in html and '<th scope="row">název</th>' not in html
    assert '<th scope="row">místo</th>' not in html


def test_no_tasks_wording_only_where_the_tasks_section_is_shown():
    no_tasks = changed(tasks=None)
    no_tasks["items"] = [i for i in no_tasks["items"] if i.get("number") != 1]
    assert "## B Úkoly\n\nŽádné úkoly.\n" in render("md", no_tasks)
    assert "<h2>B Úkoly</h2>\n<p>Žádné úkoly.</p>" in render("html", no_tasks)
    for labels in ({"section_b": ""}, {"no_tasks": ""}):
        out = render("md", no_tasks, labels)
        assert "B Úkoly" not in out and "Žádné úkoly" not in out
        assert 'class="tasks"' not in render("html", no_tasks, labels)


def test_the_meeting_number_is_optional():
    out = render("md", changed(number=None), {"minutes": "Zápis {number}"})
    assert out.startswith("# Zápis\n") or out.startswith("# Zápis \n")


def test_the_minute_taker_and_a_single_verifier_by_gender():
    meeting = changed(minute_taker={"name": "Petr Neznámý"}, verifiers=["Jan Novák"])
    lines = render("md", meeting).splitlines()
    assert "| Zapisovatel(ka) | Petr Neznámý |" in lines
    assert "| Ověřovatel zápisu | Jan Novák |" in lines
    meeting = changed(
        minute_taker={"name": "Petr Neznámý", "gender": "male"}, verifiers=["Eva Malá"]
    )
    lines = render("md", meeting).splitlines()
    assert "| Zapisovatel | Petr Neznámý |" in lines
    assert "| Ověřovatelka zápisu | Eva Malá |" in lines


# ------------------------------------------------------------------ votes and decisions


def votes(**decision: Any) -> str:
    renderer = Renderer(Group.model_validate(GROUP), [])
    return renderer.vote_record(Decision.model_validate({"decision": "Text.", **decision}))


@pytest.mark.parametrize(
    ("decision", "record"),
    [
        ({"votes": {"for": 9}}, "(pro 9)"),
        ({"votes": {"for": 9, "against": 0}}, "(pro 9, proti 0)"),
        ({"votes": {"against": 2, "abstained": 1}}, "(proti 2, zdrželo se 1)"),
        (
            {"votes": {"for": 7, "absent": 2, "not_voting": 1}},
            "(pro 7, nepřítomno 2, nehlasovalo 1)",
        ),
        (
            {"votes": {"for": 9, "against": 0, "abstained": 0}},
            "(pro 9, proti 0, zdrželo se 0)",
        ),
        (
            {"votes": {"for": 9, "against": 0, "abstained": 1, "absent": 1}},
            "(pro 9, proti 0, zdrželo se 1, nepřítomno 1)",
        ),
        ({"unanimous": True}, "(jednomyslně)"),
        ({"unanimous": True, "votes": {"for": 11}}, "(jednomyslně, pro 11)"),
        ({"votes_text": "21 : 0 : 0", "votes": {"for": 21}}, "(21 : 0 : 0)"),
        ({}, ""),
    ],
)
def test_only_the_recorded_votes_are_shown(decision, record):
    assert votes(**decision) == record


def test_an_old_style_decision_renders_as_before():
    meeting = changed(
        items=[
            {
                "number": 1,
                "title": "Hlasování",
                "content": [
                    {
                        "decision": "Schvaluje se.",
                        "number": "1/2016",
                        "votes": {"for": 9, "against": 0, "abstained": 1},
                        "outcome": "rejected",
                    },
                    {"decision": "Bez hlasování."},
                    "Další odstavec.",
                ],
            }
        ],
        tasks=None,
    )
    md = render("md", meeting)
    assert (
        "### Bod 1 – Hlasování\n\n"
        "**Usnesení 1/2016:** Schvaluje se. (pro 9, proti 0, zdrželo se 1) – nepřijato\n\n"
        "**Usnesení:** Bez hlasování.\n\n"
        "Další odstavec.\n\n"
    ) in md
    html = render("html", meeting)
    assert (
        '<p class="decision"><strong>Usnesení 1/2016:</strong> Schvaluje se. '
        "(pro 9, proti 0, zdrželo se 1) – nepřijato</p>\n"
        '<p class="decision"><strong>Usnesení:</strong> Bez hlasování.</p>\n'
        "<p>Další odstavec.</p>"
    ) in html


@pytest.mark.parametrize(
    ("outcome", "word"),
    [("noted", "vzato na vědomí"), ("withdrawn", "staženo"), ("postponed", "odloženo")],
)
def test_outcomes(outcome, word):
    meeting = changed(
        items=[{"title": "Body", "content": [{"decision": "Text.", "outcome": outcome}]}]
    )
    assert f"**Usnesení:** Text. – {word}" in render("md", meeting).splitlines()


# ------------------------------------------------------------------ tasks


def test_tasks_shown_in_place_are_not_repeated_and_the_section_goes_when_all_are():
    meeting = changed(tasks=[MEETING["tasks"][0]])
    md = render("md", meeting)
    assert md.count("Zveřejnit rozpočet.") == 1
    assert "B Úkoly" not in md and "Žádné úkoly" not in md
    html = render("html", meeting)
    assert html.count("Zveřejnit rozpočet.") == 1
    assert 'class="tasks"><li data-task-id="T1">' in html and "<h2>B Úkoly</h2>" not in html


def test_deadlines_in_words():
    wording = Wording("cs")
    assert wording.deadline_words(Deadline("words", text="na jaře 2019"), None) == "na jaře 2019"
    dated = Deadline("date", Deadline.parse("2019-05-01").date, "na jaře 2019")
    assert wording.deadline_words(dated, None) == "na jaře 2019"
    assert wording.deadline_words(Deadline("words"), None) == "termín neurčen"
    lines = render("md").splitlines()
    assert "- Opravit chodník. – T: na zářijové jednání" in lines


def test_a_review_of_a_task_older_than_the_archive_shows_its_text():
    lines = render("md").splitlines()
    assert "Úkol 2015/7 (Opravit most.): splněno" in lines


# ------------------------------------------------------------------ signatures and approval


def test_signatures_capitalised_and_plural():
    meeting = changed(verified_by=[{"name": "Jan Novák"}], approved_at=None)
    md = render("md", meeting)
    assert "*Ověřil: Jan Novák*" in md.splitlines()
    assert md.startswith("# Zápis – návrh\n\n*Návrh – zápis dosud nebyl schválen.*\n")
    html = render("html", meeting)
    assert "<p>Ověřil: Jan Novák</p>" in html and 'class="draft"' in html


def test_approval_by_the_body():
    note = "Zápis byl schválen na **13. zasedání**."
    meeting = changed(approved_at={"meeting": "2022-06-16", "note": note}, verified_by=None)
    md = render("md", meeting)
    assert md.rstrip().endswith("*Zápis byl schválen na **13. zasedání**.*")
    assert "*Ověř" not in md
    html = render("html", meeting)
    assert (
        '<footer>\n<p class="approval">Zápis byl schválen na <strong>13. zasedání</strong>.</p>'
        in html
    )
    meeting = changed(approved_at={"date": "2022-06-16"})
    assert "*Zápis byl schválen dne 16. 6. 2022.*" in render("md", meeting).splitlines()
    meeting = changed(approved_at={"meeting": "2022-06-16-b", "decision": "7"})
    assert (
        "*Zápis byl schválen na jednání 2022-06-16-b, usnesením č. 7.*"
        in render("md", meeting).splitlines()
    )


# ------------------------------------------------------------------ escaping


def test_data_cannot_inject_markup():
    meeting = changed(
        chair={"name": "<b>Boss</b> | x"},
        attendees={"categories": [{"label": "Přítomni <i>", "people": ["A *B*"]}]},
        items=[
            {
                "title": "# Bod",
                "content": [
                    {"person": 'X" onclick="y', "text": "Řekl <script>."},
                    {"list": ["- vnořený", "<img src=x>"]},
                    {"label": "<u>1</u>", "decision": "Text.", "votes_text": "<b>9</b>"},
                ],
            }
        ],
    )
    md = render("md", meeting)
    assert re.findall(r"(?<!\\)<[^>]*>", md.replace("<br>", "")) == []
    assert all(len(row) == 2 for row in header_rows(md))
    html = render("html", meeting)
    assert "<b>Boss" not in html and "<script>" not in html and "<u>1" not in html
    assert 'data-person="X&#34; onclick=&#34;y"' in html


# ------------------------------------------------------------------ through the CLI


def test_the_test_meeting_validates_and_renders_through_psc(tmp_path: Path, runner, monkeypatch):
    root = tmp_path / "lhota"
    (root / "meetings").mkdir(parents=True)
    (root / "group.yaml").write_text(yaml.safe_dump(GROUP, allow_unicode=True), encoding="utf-8")
    (root / "meetings" / "2022-05-12.yaml").write_text(
        yaml.safe_dump(MEETING, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    monkeypatch.chdir(root)
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    result = run(runner, "render", "2022-05-12", "--format", "md", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout == render("md")


def test_people_with_roles_as_the_group_writes_them_and_an_empty_category():
    meeting = changed(
        attendees={
            "categories": [
                {
                    "label": "Present",
                    "people": [{"name": "Nick Bevan", "role": "Chair"}, "Ann Murphy"],
                },
                {"label": "Omluveni"},
            ]
        }
    )
    out = render("md", meeting, {"person_role": "{person} ({role})"})
    assert (
        "| účastníci | Present: Nick Bevan (Chair), Ann Murphy<br>Omluveni: |" in out.splitlines()
    )
    assert "| Předsedající | Ing. Petr Novák (starosta) |" in out.splitlines()
