"""A note on one person of an attendance as the minutes write it beside the name (`note` of
a person, label `person_note`): 'Commissioners Allen Ribbe, Jeff Thompson (arrived at 7:15
p.m.), …' (en-plymouth-planning-commission-1998-11), 'mjs[last_10_minutes]',
'Lachy[IRC_only]' (en-w3c-html-wg-2007-08, its group's pattern)."""

from __future__ import annotations

from conftest import run
from test_minutes_shapes import meeting, renderer, write_repo

PLYMOUTH = {
    "label": "MEMBERS PRESENT",
    "people": [
        {"name": "Allen Ribbe", "role": "Commissioner"},
        {"name": "Jeff Thompson", "note": "arrived at 7:15 p.m."},
    ],
}


def test_a_note_stands_after_the_person_and_the_groups_pattern_places_it():
    m = meeting(attendees={"categories": [PLYMOUTH]})
    md = renderer("en").render(m, "md")
    assert "MEMBERS PRESENT: Allen Ribbe, Commissioner, Jeff Thompson (arrived at 7:15 p.m.)" in md
    w3c = renderer("en", labels={"person_note": "{person}[{note}]"})
    people = {"label": "Present", "people": ["DanC", {"name": "mjs", "note": "last_10_minutes"}]}
    assert "Present: DanC, mjs[last_10_minutes]" in w3c.render(
        meeting(attendees={"categories": [people]}), "html"
    )
    hidden = renderer(
        "en", labels={"person_note": ""}
    )  # the note's words left out, never the person
    assert "MEMBERS PRESENT: Allen Ribbe, Commissioner, Jeff Thompson" in hidden.render(m, "md")
    assert "arrived" not in hidden.render(m, "md")


def test_a_person_note_pattern_with_an_unknown_placeholder_is_refused(
    tmp_path, runner, monkeypatch
):
    root = write_repo(
        tmp_path,
        {"date": "1998-11-10", "attendees": {"categories": [PLYMOUTH]}},
        {"labels": {"person_note": "{person} ({when})"}},
    )
    monkeypatch.chdir(root)
    result = run(runner, "validate", "--no-cache")
    assert result.exit_code == 1
    assert "labels.person_note: unknown placeholder '{when}'" in result.output
