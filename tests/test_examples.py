"""The example repositories: they validate, and the reference of the file format
(docs/reference/format.md) shows the council's minutes as psc renders them now
(PSC_UPDATE_DOCS=1 rewrites the page's copy; review the diff)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from conftest import REPO, run

COUNCIL = REPO / "examples" / "council"
FORMAT_PAGE = REPO / "docs" / "reference" / "format.md"
BLOCK = re.compile(
    r"(<!-- council-example:start -->\n\n````markdown\n)(.*?)(````\n\n<!-- council-example:end -->)",
    re.S,
)


def test_the_council_example_validates(runner, monkeypatch):
    monkeypatch.chdir(COUNCIL)
    result = run(runner, "validate", "--no-cache")
    assert result.exit_code == 0, result.output
    assert result.output == "ok: 8 files valid\n"


def test_the_format_page_shows_the_council_minutes_as_rendered(runner, monkeypatch):
    monkeypatch.chdir(COUNCIL)
    result = run(runner, "render", "2025-03-18", "--format", "md", "-o", "-", "--no-cache")
    assert result.exit_code == 0, result.output
    page = FORMAT_PAGE.read_text(encoding="utf-8")
    if os.environ.get("PSC_UPDATE_DOCS"):
        page = BLOCK.sub(lambda m: m.group(1) + result.stdout + m.group(3), page)
        FORMAT_PAGE.write_text(page, encoding="utf-8")
    match = BLOCK.search(page)
    assert match, "docs/reference/format.md lost its council-example block"
    assert match.group(2) == result.stdout, (
        "stale: run PSC_UPDATE_DOCS=1 python -m pytest tests/test_examples.py"
    )
    for structure in (
        "Předsedající",
        "Ověřovatelé zápisu",
        "Neomluveni: –",
        "usnášeníschopné",
        "## Program jednání",
        "**Usnesení 2/14/2025:**",
        "(jednomyslně, pro 6)",
        "Josef Kratochvíl: zdržel se",
        "vzato na vědomí",
        "Návrh usnesení:",
        "Jmenovité hlasování",
        "T: do příštího zasedání",
        "Zápis byl schválen na jednání 22. 4. 2025, usnesením č. 1/15/2025.",
    ):
        assert structure in result.stdout, structure


def council_meetings() -> tuple[list, object]:
    """The council's meetings, each through the one pipeline (checked against the group)."""
    from psc.loading import pipeline

    group = pipeline.load_group(COUNCIL / "group.yaml")
    paths = sorted(Path(COUNCIL / "meetings").glob("*.yaml"))
    return [pipeline.load_meeting(None, path, group) for path in paths], group


def council_decisions(meetings: list) -> list:
    """(meeting, decision) of every decision block of `meetings`."""
    from psc.loading.model import Decision

    return [
        (meeting, block)
        for meeting in meetings
        for item in meeting.items
        for block in item.content
        if isinstance(block, Decision)
    ]


def test_the_council_example_holds_a_public_record():
    """What the register, search and the public edition run on (issue 14): at least 6
    meetings, 20 numbered resolutions, 2 revoked and 1 amended by later ones, a vote per
    rollam confirmed at the next meeting, tasks imposed by resolutions, 2 private persons."""
    meetings, group = council_meetings()
    sessions = [m for m in meetings if m.per_rollam is None]
    assert len(sessions) >= 6
    decisions = council_decisions(meetings)
    numbers = [d.number for _, d in decisions if d.number]
    assert len(numbers) >= 20 and len(set(numbers)) == len(numbers)
    by_number = {d.number: (m, d) for m, d in decisions if d.number}

    revoked = [t for _, d in decisions for t in d.revokes]
    amended = [t for _, d in decisions for t in d.amends]
    assert len(set(revoked)) >= 2 and len(set(amended)) >= 1
    for _, d in decisions:  # every link names an earlier resolution of the example
        for target in (*d.revokes, *d.amends):
            assert target in by_number
    assert by_number["5/15/2025"][0].date < by_number["6/16/2025"][0].date

    voted = [m for m in meetings if m.per_rollam is not None]
    assert len(voted) == 1
    vote = voted[0].per_rollam
    assert vote is not None and vote.votes and vote.confirmed_at
    later = [m for m in sessions if m.date > voted[0].date]
    assert vote.confirmed_at == later[0].id  # confirmed at the very next meeting
    rollam_numbers = [d.number for m, d in decisions if m is voted[0]]
    assert rollam_numbers == ["PR 1/2025"]
    confirming = [d for m, d in decisions if m is later[0] and "PR 1/2025" in (d.decision or "")]
    assert len(confirming) == 1

    imposed = [(m, t) for m, d in decisions for t in d.imposes]
    assert len(imposed) >= 10
    for meeting, task in imposed:
        assert task in {meeting.task_id(i) for i in range(len(meeting.tasks))}
    reviews = [
        b
        for m in meetings
        for item in m.items
        for b in item.content
        if type(b).__name__ == "TaskReview"
    ]
    assert len(reviews) >= 10

    private = {p.name for p in group.privacy.persons} | {
        p.name for m in meetings for p in m.private_persons
    }
    assert private == {"Hana Malá", "Radek Pospíšil"}
    for person in [*group.privacy.persons, *(p for m in meetings for p in m.private_persons)]:
        assert len(person.forms) >= 3  # declined forms: 'Radku Pospíšilovi'
    texts = " ".join(
        str(block.model_dump()) for m in meetings for item in m.items for block in item.content
    )
    assert "Radku Pospíšilovi" in texts and "Haně Malé" in texts
