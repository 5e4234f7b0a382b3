"""Issue 13, the format: structures that minutes of many bodies need, checked where they are
written (positions), and old files unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run

MEETING = """\
title: Zasedání zastupitelstva
date: 2022-05-12
chair: {name: Ing. Petr Novák, role: starosta}
minute_taker: Jana Malá
verifiers: [Eva Dvořáková, Josef Král]
attendees:
  categories:
    - label: Přítomni
      people: [Ing. Petr Novák, Jana Malá, Eva Dvořáková]
      count: 9
    - label: Omluveni
      people: [{name: Karel Veselý}]
    - label: Neomluveni
      nobody: true
    - label: Hosté
      groups:
        - body: Za krajská sdružení
          people: [Jan Dlouhý]
  quorum: {present: 9, members: 11, quorate: true}
programme:
  - {title: Zahájení, duration: 5}
  - {title: Rozpočet obce, presenters: ["doc. Ing. J. Novák, Ph.D."], duration: 15}
items:
  - title: Zahájení
    content:
      - Starosta zahájil zasedání.
      - decision: Zastupitelstvo schvaluje program.
        label: Usnesení č. 1/5/2022
        votes: {for: 9}
        outcome: adopted
  - number: 1
    label: Ad 1)
    title: Rozpočet obce
    content:
      - {person: Ing. Petr Novák, role: starosta, text: Starosta představil rozpočet.}
      - list: [příjmy, výdaje]
      - proposal: Zastupitelstvo schvaluje rozpočet.
        votes_text: "8 : 1 : 0"
        unanimous: false
        roll_call: [{name: Jana Malá, vote: against}]
        outcome: adopted
      - decision: Zastupitelstvo bere na vědomí zprávu.
        outcome: noted
      - assigned: ukol-1
      - task: 2019/4
        text: Opravit chodník
        status: done
tasks:
  - id: ukol-1
    text: Zveřejnit rozpočet
    deadline_text: na jaře 2023
approved_at: {meeting: 2022-06-09, decision: 3/6/2022}
"""

GROUP = """\
name: Zastupitelstvo obce Lhota
short: ZO Lhota
"""


@pytest.fixture
def council(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "lhota"
    (root / "meetings").mkdir(parents=True)
    (root / "group.yaml").write_text(GROUP, encoding="utf-8")
    (root / "meetings" / "2022-05-12.yaml").write_text(MEETING, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def edit(root: Path, old: str, new: str) -> None:
    path = root / "meetings" / "2022-05-12.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_new_structure_validates(council, runner):
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    from psc.loading import pipeline

    meeting = pipeline.load_meeting(None, council / "meetings" / "2022-05-12.yaml", None)
    assert meeting.number is None and meeting.items[0].number is None
    assert [p.name for p in meeting.verifiers] == ["Eva Dvořáková", "Josef Král"]
    assert meeting.attendees.categories[2].nobody
    assert meeting.attendees.quorum.quorate
    votes = meeting.items[0].content[1].votes
    assert (votes.for_, votes.against, votes.abstained) == (9, None, None)  # no zeros invented
    deadline = meeting.tasks[0].deadline
    assert (deadline.kind, deadline.date, deadline.text) == ("words", None, "na jaře 2023")


def test_a_words_deadline_is_never_overdue(council, runner):
    import json

    result = run(runner, "tasks", "--as-of", "2030-01-01", "--format", "json")
    assert result.exit_code == 0, result.output
    (task,) = json.loads(result.stdout)
    assert (task["id"], task["deadline"], task["due"], task["overdue"]) == (
        "ukol-1",
        "na jaře 2023",
        None,
        False,
    )
    assert (
        run(runner, "tasks", "--overdue", "--as-of", "2030-01-01", "--format", "json").stdout
        == "[]\n"
    )


def test_a_review_of_a_task_older_than_the_archive_needs_its_text(council, runner):
    assert run(runner, "validate").exit_code == 0
    edit(council, "        text: Opravit chodník\n", "")
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert (
        "unknown task '2019/4' (for a task older than the archive, give its text" in result.stderr
    )


def test_an_academic_title_split_off_by_a_flow_list_is_named(council, runner):
    edit(
        council,
        'presenters: ["doc. Ing. J. Novák, Ph.D."]',
        "presenters: [doc. Ing. J. Novák, Ph.D.]",
    )
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "meetings/2022-05-12.yaml:22:61: error: programme[1].presenters[1]: 'Ph.D.' is the academic "
        "title of 'doc. Ing. J. Novák', split off by the comma of a flow list; quote the whole name: "
        '"doc. Ing. J. Novák, Ph.D."'
    )


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "      - assigned: ukol-1\n",
            "      - assigned: ukol-2\n",
            "items[1].content[4].assigned: no task 'ukol-2' in this meeting's tasks; did you mean 'ukol-1'?",
        ),
        (
            "      - list: [příjmy, výdaje]\n",
            "      - assigned: ukol-1\n",
            "items[1].content[4].assigned: task 'ukol-1' is already shown at items[1].content[1].assigned",
        ),
        (
            "      - {person: Ing. Petr Novák, role: starosta, text: Starosta představil rozpočet.}\n",
            "      - {person: null, by: [], text: Starosta představil rozpočet.}\n",
            "items[1].content[0]: a statement names who spoke: 'by' (organisations), 'person' or,",
        ),
        (
            "      - decision: Zastupitelstvo bere na vědomí zprávu.\n        outcome: noted\n",
            "      - decision: null\n        outcome: noted\n",
            "items[1].content[3]: a decision has its text ('decision') or its draft ('proposal')",
        ),
        (
            "        outcome: noted\n",
            "        outcome: maybe\n",
            "items[1].content[3].outcome: input should be",
        ),
    ],
)
def test_new_structures_are_checked_at_their_position(council, runner, old, new, message):
    edit(council, old, new)
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr


def test_organisations_of_the_new_people_are_checked(council, runner):
    edit(
        council,
        "chair: {name: Ing. Petr Novák, role: starosta}",
        "chair: {name: Ing. Petr Novák, organisation: OÚ}",
    )
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert "chair.organisation: unknown organisation 'OÚ'" in result.stderr


def test_new_meeting_of_a_body_that_does_not_number_its_meetings(council, runner):
    result = run(runner, "new-meeting", "2022-06-09", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "\nnumber:" not in result.stdout and "title: Zastupitelstvo obce Lhota" in result.stdout


def test_text_without_a_heading_and_signatures_without_a_verb(council, runner):
    edit(
        council,
        "items:\n  - title: Zahájení\n",
        "items:\n  - content: [Jednání bylo zahájeno v 17:30.]\n  - title: Zahájení\n",
    )
    path = council / "meetings" / "2022-05-12.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "signed_by:\n  - {name: Dr. Vojtěch Eliáš, role: předseda ŠR}\n",
        encoding="utf-8",
    )
    assert run(runner, "validate").exit_code == 0
    md = run(runner, "render", "2022-05-12", "--format", "md", "-o", "-").stdout
    assert "\nJednání bylo zahájeno v 17:30.\n" in md
    assert "### Jednání" not in md and "None" not in md
    assert md.rstrip().endswith("*Dr. Vojtěch Eliáš, předseda ŠR*")
    html = run(runner, "render", "2022-05-12", "--format", "html", "-o", "-").stdout
    assert '<p class="signed">Dr. Vojtěch Eliáš, předseda ŠR</p>' in html
    edit(council, "  - content: [Jednání bylo zahájeno v 17:30.]\n", "  - content: []\n")
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert "an item without a title holds content" in result.stderr


def test_minutes_approved_by_the_body_are_no_draft_anywhere(council, runner):
    import json

    listed = json.loads(run(runner, "list", "--format", "json").stdout)
    assert [m["approved"] for m in listed] == [True]
    md = run(runner, "render", "2022-05-12", "--format", "md", "-o", "-").stdout
    assert md.startswith("# Zápis\n") and "návrh" not in md.splitlines()[0]


def test_a_title_used_as_the_heading_is_not_repeated_in_the_page_title(council, runner):
    (council / "group.yaml").write_text(GROUP + 'labels:\n  minutes: "{title}"\n', encoding="utf-8")
    html = run(runner, "render", "2022-05-12", "--format", "html", "-o", "-").stdout
    assert "<title>Zasedání zastupitelstva</title>" in html


def test_a_vote_by_correspondence_is_rendered_with_every_answer(council, runner):
    (council / "meetings" / "2022-05-20.yaml").write_text(
        "title: Hlasování per rollam\ndate: 2022-05-20\n"
        "per_rollam:\n  question: Souhlasíte s opravou?\n  opened: 2022-05-16\n  deadline: 2022-05-20\n"
        "  rule: Neodpověď je zdržení se.\n  votes:\n    - {name: Jana Malá, vote: for, date: 2022-05-17}\n"
        "    - {name: Josef Král, vote: no_answer}\n  confirmed_at: 2022-06-09\n"
        "items:\n  - title: Oprava\n    content:\n      - decision: Zastupitelstvo souhlasí s opravou.\n"
        "        number: PR 1/2022\n        outcome: adopted\n",
        encoding="utf-8",
    )
    assert run(runner, "validate").exit_code == 0
    md = run(runner, "render", "2022-05-20", "--format", "md", "-o", "-").stdout
    for line in (
        "## Hlasování per rollam",
        "Otázka: Souhlasíte s opravou?",
        "Hlasování probíhalo od 16. 5. 2022 do 20. 5. 2022. Pravidlo: Neodpověď je zdržení se.",
        "- Jana Malá: pro (17. 5. 2022)",
        "- Josef Král: neodpověděl(a)",
        "Výsledek hlasování byl potvrzen na jednání 9. 6. 2022.",
    ):
        assert line in md.splitlines(), line
    assert "| účastníci |" not in md  # no empty attendance row
    html = run(runner, "render", "2022-05-20", "--format", "html", "-o", "-").stdout
    assert '<section class="per-rollam">' in html and "<li>Josef Král: neodpověděl(a)</li>" in html
    assert "účastníci" not in html


def test_the_next_number_counts_past_an_unnumbered_vote_by_correspondence(
    tmp_path, runner, monkeypatch
):
    import shutil

    from conftest import REPO

    root = tmp_path / "council"
    shutil.copytree(
        REPO / "examples" / "council", root, ignore=shutil.ignore_patterns(".psc-cache")
    )
    for later in ("2025-06-17", "2025-09-16", "2025-11-18"):
        (root / "meetings" / f"{later}.yaml").unlink()
    monkeypatch.chdir(root)
    result = run(runner, "new-meeting", "2025-06-17", "--dry-run", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "\nnumber: 16\n" in result.stdout  # after the 15th session, past the vote of 2025-05-12
