"""`psc export ics`: upcoming meetings and open task deadlines as an iCalendar file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import run
from icalendar import Calendar

D = dt.date
PRAGUE = "Europe/Prague"
TENTATIVE_2017 = [D(2017, 2, 1), D(2017, 4, 5), D(2017, 5, 24), D(2017, 9, 6), D(2017, 11, 29)]

SECOND = """\
number: 2
title: 2. jednání Pracovní skupiny pro Smart Cities (PS pro SC)
date: 2016-11-15
start: "14:00"
place: "[MMR](https://www.mmr.cz), Staroměstské nám. 6, Praha 1"
"""


def export(runner, *args: str) -> bytes:
    result = run(runner, "export", "ics", *args)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def parse(data: bytes) -> tuple[Calendar, dict[str, object], dict[str, object]]:
    cal = Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    todos = {str(t["UID"]): t for t in cal.walk("VTODO")}
    return cal, events, todos


def start(component) -> object:
    return component.decoded("DTSTART")


def test_seed_calendar(repo, runner):
    cal, events, todos = parse(export(runner, "--as-of", "2016-10-01"))
    assert str(cal["PRODID"]) == "-//psc//minutes//CS"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["X-WR-CALNAME"]) == "Pracovní skupina pro Smart Cities"

    # the meeting of 7 September is before the as-of date; 15 November and the 2017 dates follow
    assert sorted(events) == [
        f"meeting-{d}@ps-pro-sc.psc" for d in ["2016-11-15", *map(str, TENTATIVE_2017)]
    ]
    nov = events["meeting-2016-11-15@ps-pro-sc.psc"]
    begin, end = start(nov), nov.decoded("DTEND")
    assert begin.replace(tzinfo=None) == dt.datetime(2016, 11, 15, 13, 0)
    assert end.replace(tzinfo=None) == dt.datetime(2016, 11, 15, 15, 0)  # no end listed: 2 hours
    assert nov["DTSTART"].params["TZID"] == PRAGUE
    assert begin.utcoffset() == dt.timedelta(hours=1)  # CET in November
    assert str(nov["STATUS"]) == "CONFIRMED"
    assert str(nov["SUMMARY"]) == "Jednání PS pro SC"
    assert str(nov["DESCRIPTION"]) == "opět ve 13:00"
    # the place falls back as `psc new-meeting` would: the latest meeting's place
    assert str(nov["LOCATION"]).startswith("Akademie veřejného investování")
    for day in TENTATIVE_2017:
        event = events[f"meeting-{day}@ps-pro-sc.psc"]
        assert start(event) == day and not isinstance(
            start(event), dt.datetime
        )  # all-day: no time known
        assert event.decoded("DTEND") == day + dt.timedelta(days=1)
        assert str(event["STATUS"]) == "TENTATIVE"
        assert str(event["SUMMARY"]) == "Jednání PS pro SC (předběžně)"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == [PRAGUE]

    # the dated and next-meeting tasks; the two ongoing ones (tasks 1 and 2) are not to-dos
    assert sorted(todos) == [f"task-2016-09-07-{n}@ps-pro-sc.psc" for n in (3, 4, 5)]
    due = {uid: t.decoded("DUE") for uid, t in todos.items()}
    assert due == {
        "task-2016-09-07-3@ps-pro-sc.psc": D(2016, 11, 1),
        "task-2016-09-07-4@ps-pro-sc.psc": D(2016, 11, 15),
        "task-2016-09-07-5@ps-pro-sc.psc": D(2016, 11, 15),
    }
    assert all(todo["DUE"].params.get("VALUE") == "DATE" for todo in todos.values())
    assert all(str(todo["STATUS"]) == "NEEDS-ACTION" for todo in todos.values())
    third = todos["task-2016-09-07-3@ps-pro-sc.psc"]
    assert str(third["SUMMARY"]).startswith("Poslat informace k dalším strategickým dokumentům")
    assert "všichni členové" in str(third["DESCRIPTION"])
    assert "jana.korytarova@mmr.cz" in str(third["DESCRIPTION"])
    assert "CATEGORIES" not in third  # all members: no responsible organisation
    fourth = todos["task-2016-09-07-4@ps-pro-sc.psc"]
    assert str(fourth["SUMMARY"]) == "Zpracovat aktualizace možných zdrojů finanční podpory"
    assert fourth["CATEGORIES"].cats == ["MMR"]
    assert "Odpovídá: MMR" in str(fourth["DESCRIPTION"])
    assert "do další PS (15. 11. 2016)" in str(fourth["DESCRIPTION"])


def test_identical_exports_and_stable_uids(repo, runner):
    first = export(runner, "--as-of", "2016-10-01")
    second = export(runner, "--as-of", "2016-10-01", "--no-cache")
    assert first == second
    assert b"DTSTAMP:20161001T000000Z\r\n" in first  # DTSTAMP is the as-of date, not the clock
    later = export(runner, "--as-of", "2016-10-02")
    assert parse(later)[1].keys() == parse(first)[1].keys()
    assert parse(later)[2].keys() == parse(first)[2].keys()
    assert later.replace(b"20161002T000000Z", b"20161001T000000Z") == first


def test_crlf_and_output_file(repo, runner):
    data = export(runner, "--as-of", "2016-10-01")
    assert data.count(b"\n") == data.count(b"\r\n") > 0
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    result = run(runner, "export", "ics", "--as-of", "2016-10-01", "-o", "out/calendar.ics")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "wrote out/calendar.ics" in result.stderr
    assert (repo / "out" / "calendar.ics").read_bytes() == data
    assert not [
        p for p in (repo / "out").iterdir() if p.name != "calendar.ics"
    ]  # no temporary left


def test_done_task_is_left_out(repo, runner):
    # (the seed was approved on 2016-10-03: a status is recorded after that)
    assert run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-10-04").exit_code == 0
    cal, _, todos = parse(export(runner, "--as-of", "2016-10-05"))  # done before the as-of date
    assert "task-2016-09-07-3@ps-pro-sc.psc" not in todos
    assert sorted(todos) == [f"task-2016-09-07-{n}@ps-pro-sc.psc" for n in (4, 5)]
    assert all(str(t["STATUS"]) == "NEEDS-ACTION" for t in cal.walk("VTODO"))


def test_meeting_file_replaces_listed_date(repo, runner):
    """The file of a listed meeting takes over its event: same UID, its own title, time, place."""
    (repo / "meetings" / "2016-11-15.yaml").write_text(SECOND, encoding="utf-8")
    _, events, todos = parse(export(runner, "--as-of", "2016-10-01"))
    event = events["meeting-2016-11-15@ps-pro-sc.psc"]
    assert str(event["SUMMARY"]) == "2. jednání Pracovní skupiny pro Smart Cities (PS pro SC)"
    assert start(event).replace(tzinfo=None) == dt.datetime(2016, 11, 15, 14, 0)
    assert event.decoded("DTEND").replace(tzinfo=None) == dt.datetime(2016, 11, 15, 16, 0)
    assert str(event["LOCATION"]) == "MMR, Staroměstské nám. 6, Praha 1"  # Markdown link: its text
    assert str(event["STATUS"]) == "CONFIRMED"
    # the latest minutes (this file) list no further dates
    assert list(events) == ["meeting-2016-11-15@ps-pro-sc.psc"]
    assert {t.decoded("DUE") for t in todos.values()} == {D(2016, 11, 1), D(2016, 11, 15)}


def test_meeting_on_the_as_of_date_and_earlier_ones_not_loaded(repo, runner, monkeypatch):
    from psc.archive.project import Project

    loaded: list[str] = []
    original = Project.load_meeting

    def spy(self, path, group):
        loaded.append(Path(path).stem)
        return original(self, path, group)

    monkeypatch.setattr(Project, "load_meeting", spy)
    _, events, _ = parse(export(runner, "--as-of", "2016-09-07"))
    first = events["meeting-2016-09-07@ps-pro-sc.psc"]
    assert str(first["SUMMARY"]) == "1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)"
    assert start(first).replace(tzinfo=None) == dt.datetime(2016, 9, 7, 13, 0)
    assert start(first).utcoffset() == dt.timedelta(hours=2)  # CEST in September
    assert first.decoded("DTEND").replace(tzinfo=None) == dt.datetime(2016, 9, 7, 15, 0)
    assert loaded == ["2016-09-07"]  # loaded once, for the event and its listed dates

    loaded.clear()
    cal, events, todos = parse(export(runner, "--as-of", "2018-01-01"))
    assert events == {} and loaded == []  # nothing ahead: no meeting model is loaded
    assert len(todos) == 3  # overdue open tasks stay on the list
    assert cal.walk("VTIMEZONE") == []


def test_english(repo, runner):
    _, events, todos = parse(export(runner, "--as-of", "2016-10-01", "--lang", "en"))
    assert (
        str(events["meeting-2017-02-01@ps-pro-sc.psc"]["SUMMARY"])
        == "Meeting of PS pro SC (tentative)"
    )
    assert "Responsible: all members" in str(
        todos["task-2016-09-07-3@ps-pro-sc.psc"]["DESCRIPTION"]
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "de"],
        ["--as-of", "2016-13-01"],
        ["--as-of", "yesterday"],
        ["--bogus"],
        ["extra-argument"],
    ],
)
def test_usage_errors(repo, runner, args):
    result = run(runner, "export", "ics", *args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_no_repository(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "export", "ics")
    assert result.exit_code == 2
    assert "group.yaml" in result.stderr


def test_help_has_example(runner):
    for path in (["export"], ["export", "ics"]):
        result = run(runner, *path, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.stdout


def test_plain_text_and_uids():
    from psc.publish.calendar import plain, task_uid, uid_domain

    assert (
        plain("Stránka [www.smartcities.mmr.cz](http://www.smartcities.mmr.cz) a **MPSV**")
        == "Stránka www.smartcities.mmr.cz a MPSV"
    )
    assert plain("piš na <mailto:jana@mmr.cz>,\n  díky \\*") == "piš na jana@mmr.cz, díky *"
    assert uid_domain("PS pro SC") == "ps-pro-sc.psc"
    assert uid_domain("Komise pro chytrá města") == "komise-pro-chytra-mesta.psc"
    assert task_uid("2016-09-07/3", "ps-pro-sc.psc") == "task-2016-09-07-3@ps-pro-sc.psc"
