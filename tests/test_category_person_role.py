"""A category writes a person's role its own way (`person_role` of the category): the office
before the name, as UK parochial church councils, parish councils and steering groups write
'In attendance: PCC Secretary, Edward Tobin' and 'Also present: Parish Clerk – A Benson'
(en-grayshott-pcc-2024-05, en-hackleton-np-steering-group-2020-09), beside a category of the
same minutes with the role after the name ('R Hawkesford (Chairman)')."""

from __future__ import annotations

from conftest import run
from test_minutes_shapes import meeting, renderer, write_repo
from test_schema_agreement import _data, _schema_errors

GRAYSHOTT = {
    "label": "In attendance",
    "person_role": "{role}, {person}",
    "people": [{"name": "Edward Tobin", "role": "PCC Secretary"}],
}
HACKLETON = [
    {"label": "Members present", "people": [{"name": "R Hawkesford", "role": "Chairman"}]},
    {
        "label": "Also present",
        "person_role": "{role} – {person}",
        "people": [{"name": "A Benson", "role": "Parish Clerk"}],
    },
]


def test_a_category_writes_the_role_before_the_name_and_the_others_keep_the_groups_way():
    r = renderer("en", labels={"person_role": "{person} ({role})"})
    md = r.render(meeting(attendees={"categories": [GRAYSHOTT, *HACKLETON]}), "md")
    assert "In attendance: PCC Secretary, Edward Tobin" in md
    assert "Members present: R Hawkesford (Chairman)" in md
    assert "Also present: Parish Clerk – A Benson" in md


def test_a_bad_pattern_is_an_error_at_its_place_and_the_schema_refuses_it(
    tmp_path, runner, monkeypatch
):
    wrong = {**GRAYSHOTT, "person_role": "{role}, {name}"}
    root = write_repo(tmp_path, {"date": "2024-05-20", "attendees": {"categories": [wrong]}})
    monkeypatch.chdir(root)
    result = run(runner, "validate", "--no-cache")
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if "person_role" in x)
    assert line.startswith("meetings/2024-05-20.yaml:")
    assert "attendees.categories[0].person_role" in line
    assert "unknown placeholder '{name}'" in line
    assert "internal error" not in result.output
    data = _data(root / "meetings" / "2024-05-20.yaml")
    assert _schema_errors("meeting", data)
    data["attendees"]["categories"][0]["person_role"] = "{role}, {person}"
    assert _schema_errors("meeting", data) == []


def test_a_label_ending_with_its_own_separator_takes_no_colon():
    # en-north-bannock-fire-district-2019-08, line 6: "ROLL CALL – Roy Allen and Bruce Savage"
    roll_call = {"label": "ROLL CALL –", "people": ["Roy Allen", "Bruce Savage"]}
    r = renderer("en", labels={"names_last": " and "})
    md = r.render(meeting(attendees={"categories": [roll_call]}), "md")
    assert "ROLL CALL – Roy Allen and Bruce Savage" in md
    assert "–:" not in md
    nobody = {"label": "ROLL CALL –", "nobody": True}
    assert "ROLL CALL – –" in r.render(meeting(attendees={"categories": [nobody]}), "md")


def test_a_label_with_its_own_colon_gets_no_second_one_where_psc_adds_one():
    # spolek-sh-cms-uorp-2018-04, line 9: 'Určení a schválení zapisovatele jednání: Mojmír Dostál',
    # the minute-taker's own label shown where the minutes name her (psc printed '…jednání:: …')
    r = renderer("cs")
    assert r.said_by("Určení a schválení zapisovatele jednání:") == (
        "Určení a schválení zapisovatele jednání: "
    )
    assert r.said_by("Zapsala") == "Zapsala: "
    assert r.said_by("Parish Clerk –") == "Parish Clerk – "  # a dash of its own, as a category's
    assert r.said_by("") == ""
