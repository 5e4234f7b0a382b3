"""Reports that give the right answer (issue 11, "Wrong answers" and the date crashes):
--as-of as the archive on that date, every file in meetings/ accounted for, NFC names,
unknown owners refused, unique site slugs, reports that skip invalid files, and date
arithmetic that saturates instead of crashing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psc.errors import InvalidData

D = dt.date

M1 = """\
number: 1
title: První jednání
date: 2020-01-10
items:
  - number: 1
    title: Úvod
    content:
      - Zahájeno.
tasks:
  - text: Úkol A
    deadline: next meeting
    responsible: [MMR]
  - text: Úkol B
    deadline: 2020-03-01
    responsible: [MŽP]
    status: done
    status_date: 2020-02-20
  - text: Úkol D
    deadline: 2020-02-01
    status: done
    status_date: 2020-02-25
"""

M2 = """\
number: 2
title: Druhé jednání
date: 2020-02-10
items:
  - number: 1
    title: Kontrola úkolů
    content:
      - task: 2020-01-10/1
        status: done
        note: Hotovo.
tasks:
  - text: Úkol C
    deadline: ongoing
    responsible: [MMR]
"""

M3 = """\
number: 3
title: Třetí jednání
date: 2020-03-10
items:
  - number: 1
    title: Kontrola úkolů
    content:
      - task: 2020-02-10/1
        deadline: 2020-04-01
        note: Termín stanoven.
tasks:
  - text: Úkol E
    deadline: next meeting
    responsible: [MMR]
"""


@pytest.fixture
def archive(repo: Path) -> Path:
    """Three meetings: tasks assigned, reviewed and marked done at different dates."""
    (repo / "meetings" / "2016-09-07.yaml").unlink()
    for name, text in (("2020-01-10", M1), ("2020-02-10", M2), ("2020-03-10", M3)):
        (repo / "meetings" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return repo


def records(runner, *args: str) -> dict[str, dict]:
    result = run(runner, "tasks", "--format", "json", "--status", "all", *args)
    assert result.exit_code == 0, result.output
    return {r["id"]: r for r in json.loads(result.stdout)}


def state(runner, as_of: str) -> dict[str, tuple]:
    return {
        tid: (r["status"], r["status_date"], r["deadline"], r["due"])
        for tid, r in records(runner, "--as-of", as_of).items()
    }


# ---------------------------------------------------------------- 1. --as-of is the archive on that date


def test_as_of_gives_the_state_on_each_date(archive, runner):
    assert state(runner, "2020-01-09") == {}
    assert state(runner, "2020-01-10") == {
        "2020-01-10/1": ("open", None, "next meeting", "2020-02-10"),
        "2020-01-10/2": ("open", None, "2020-03-01", "2020-03-01"),
        "2020-01-10/3": ("open", None, "2020-02-01", "2020-02-01"),
    }
    assert state(runner, "2020-02-10") == {
        "2020-01-10/1": ("done", "2020-02-10", "next meeting", "2020-02-10"),
        "2020-01-10/2": ("open", None, "2020-03-01", "2020-03-01"),
        "2020-01-10/3": ("open", None, "2020-02-01", "2020-02-01"),
        "2020-02-10/1": ("open", None, "ongoing", None),
    }
    assert state(runner, "2020-02-22")["2020-01-10/2"] == (
        "done",
        "2020-02-20",
        "2020-03-01",
        "2020-03-01",
    )
    assert state(runner, "2020-02-22")["2020-01-10/3"][0] == "open"
    at_9 = state(runner, "2020-03-09")
    assert at_9["2020-01-10/3"] == ("done", "2020-02-25", "2020-02-01", "2020-02-01")
    assert at_9["2020-02-10/1"] == (
        "open",
        None,
        "ongoing",
        None,
    )  # the review of 10 March not yet held
    assert "2020-03-10/1" not in at_9
    at_10 = state(runner, "2020-03-10")
    assert at_10["2020-02-10/1"] == ("open", None, "2020-04-01", "2020-04-01")
    assert at_10["2020-03-10/1"] == ("open", None, "next meeting", None)


def test_overdue_as_of_a_date_before_the_status_was_set(archive, runner):
    overdue = records(runner, "--as-of", "2020-02-12", "--overdue", "--status", "open")
    assert sorted(overdue) == ["2020-01-10/3"]  # done only on 25 February
    assert overdue["2020-01-10/3"]["days_overdue"] == 11


def test_next_meeting_is_dated_by_a_later_file_whose_content_does_not_count(archive, runner):
    record = records(runner, "--as-of", "2020-01-20")["2020-01-10/1"]
    assert (record["status"], record["due"]) == ("open", "2020-02-10")  # the schedule was known


def test_tasks_show_lists_no_review_after_the_date(archive, runner):
    def history(as_of: str) -> list[str]:
        result = run(runner, "tasks", "show", "2020-02-10/1", "--as-of", as_of)
        assert result.exit_code == 0, result.output
        return [line.split()[0] for line in result.stdout.splitlines() if line.startswith("  20")]

    assert history("2020-03-09") == ["2020-02-10"]
    assert history("2020-03-10") == ["2020-02-10", "2020-03-10"]
    result = run(runner, "tasks", "show", "2020-03-10/1", "--as-of", "2020-03-01")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: task '2020-03-10/1' is assigned at 2020-03-10, after the as-of date "
        "2020-03-01; give a later --as-of\n"
    )


def test_tasks_show_ignores_a_scaffolded_future_meeting(archive, runner):
    (archive / "meetings" / "2020-04-07.yaml").write_text(
        M3.replace("number: 3", "number: 4")
        .replace("2020-03-10", "2020-04-07")
        .replace(
            "task: 2020-02-10/1\n        deadline: 2020-04-01",
            "task: 2020-02-10/1\n        status: done",
        )
        .replace("Úkol E", "Úkol F"),
        encoding="utf-8",
    )
    result = run(runner, "tasks", "show", "2020-02-10/1", "--as-of", "2020-03-20")
    assert result.exit_code == 0, result.output
    assert "2020-04-07" not in result.stdout and "splněno" not in result.stdout


def test_export_ics_as_of(archive, runner):
    def todos(as_of: str) -> list[str]:
        result = run(runner, "export", "ics", "--as-of", as_of)
        assert result.exit_code == 0, result.output
        return re.findall(r"UID:task-([^@]+)@", result.stdout)

    assert todos("2020-02-11") == ["2020-01-10-3", "2020-01-10-2"]
    assert todos("2020-03-11") == ["2020-02-10-1"]


def test_remind_as_of(archive, runner):
    result = run(runner, "remind", "--as-of", "2020-02-11", "--within", "7d", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "2020-01-10/3" in result.stdout and "2020-01-10/1" not in result.stdout


def test_list_counts_open_tasks_as_of(archive, runner):
    def counts(as_of: str) -> dict[str, int]:
        result = run(runner, "list", "--format", "json", "--as-of", as_of)
        assert result.exit_code == 0, result.output
        return {m["id"]: m["open_tasks"] for m in json.loads(result.stdout)}

    assert counts("2020-01-15") == {"2020-01-10": 3, "2020-02-10": 0, "2020-03-10": 0}
    assert counts("2020-02-10") == {"2020-01-10": 2, "2020-02-10": 1, "2020-03-10": 0}
    assert counts("2020-03-10") == {"2020-01-10": 0, "2020-02-10": 1, "2020-03-10": 1}


def test_build_reports_as_of(archive, runner):
    result = run(runner, "build", "--as-of", "2020-02-11")
    assert result.exit_code == 0, result.output
    tasks = (archive / "site" / "tasks.html").read_text(encoding="utf-8")
    assert "2020-01-10/3" in tasks and "2020-03-10/1" not in tasks and "2020-01-10/1" not in tasks


def test_scaffold_reviews_the_tasks_open_on_its_date(archive, runner):
    result = run(runner, "new-meeting", "2020-02-15", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "task: 2020-01-10/3" in result.stdout  # done only on 25 February


# the pure core, against an oracle: the archive cut down to what existed on the date

DAYS = st.integers(min_value=0, max_value=40).map(lambda n: D(2020, 1, 1) + dt.timedelta(days=n))
STATUSES = st.sampled_from(["open", "done", "cancelled"])


@st.composite
def archives(draw):
    from psc.archive.summary import MeetingSummary, NextDate, ReviewSummary, TaskSummary
    from psc.terms import Deadline, TaskStatus

    dates = sorted(draw(st.sets(DAYS, min_size=1, max_size=5)))
    meetings, ids = [], []
    for n, day in enumerate(dates, 1):
        tasks = []
        for _ in range(draw(st.integers(0, 3))):
            deadline = draw(
                st.one_of(
                    st.just(Deadline("ongoing")),
                    st.just(Deadline("next_meeting")),
                    DAYS.map(lambda d: Deadline("date", d)),
                )
            )
            status = TaskStatus(draw(STATUSES))
            status_date = draw(st.one_of(st.none(), DAYS)) if status != TaskStatus.open else None
            tasks.append(
                TaskSummary(
                    None,
                    "t",
                    [],
                    None,
                    deadline,
                    None,
                    status,
                    status_date,
                    draw(st.one_of(st.none(), st.just("n"))),
                )
            )
        reviews = []
        for _ in range(draw(st.integers(0, 3)) if ids else 0):
            reviews.append(
                ReviewSummary(
                    draw(st.sampled_from(ids)),
                    draw(st.one_of(st.none(), STATUSES.map(TaskStatus))),
                    draw(
                        st.one_of(
                            st.none(),
                            DAYS.map(lambda d: Deadline("date", d)),
                            st.just(Deadline("next_meeting")),
                        )
                    ),
                    draw(st.one_of(st.none(), st.just("r"))),
                    (),
                )
            )
        nexts = [NextDate(d, draw(st.booleans())) for d in draw(st.lists(DAYS, max_size=2))]
        meeting = MeetingSummary(day.isoformat(), "", day, n, "m", False, nexts, tasks, reviews)
        meetings.append(meeting)
        ids += [meeting.task_id(i) for i in range(len(tasks))]
    return meetings


def _cut(meetings, as_of):
    """What the archive held on `as_of`: later meetings only as dates, later statuses undone."""
    from psc.terms import TaskStatus

    out = []
    for m in meetings:
        if m.date > as_of:
            out.append(dataclasses.replace(m, tasks=[], reviews=[]))
            continue
        tasks = [
            t
            if (t.status_date or m.date) <= as_of
            else dataclasses.replace(t, status=TaskStatus.open, status_date=None, status_note=None)
            for t in m.tasks
        ]
        out.append(dataclasses.replace(m, tasks=tasks))
    return out


def _view(tasks):
    return {
        tid: (
            t.status,
            t.status_date,
            t.status_note,
            t.deadline,
            t.due,
            t.meeting.id,
            [(e.kind, e.date, e.meeting.id, e.status, e.deadline, e.note) for e in t.history],
        )
        for tid, t in tasks.items()
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(archives(), DAYS)
def test_track_as_of_equals_the_archive_cut_at_that_date(meetings, as_of):
    from psc.archive.tasks import track

    assert _view(track(meetings, as_of=as_of)) == _view(track(_cut(meetings, as_of)))


def test_track_without_as_of_is_everything(archive):
    from psc.archive.project import Project
    from psc.archive.tasks import track

    index = Project(archive).index()
    assert _view(track(index.meetings)) == _view(track(index.meetings, as_of=D.max))


# ---------------------------------------------------------------- 2. every file in meetings/ accounted for


@pytest.mark.parametrize("name", ["2020-04-01.yml", "2020-04-01.YAML", "2020-04-01.Yaml"])
def test_meeting_file_with_another_suffix_is_an_error(archive, runner, name):
    (archive / "meetings" / name).write_text(
        M3.replace("2020-03-10", "2020-04-01"), encoding="utf-8"
    )
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert (
        f"meetings/{name}:1:1: error: meeting files end in .yaml: rename it to meetings/2020-04-01.yaml; "
        "until then psc leaves it out"
    ) in result.stderr
    report = run(runner, "tasks", "--as-of", "2020-04-02")
    assert report.exit_code == 0
    assert (
        f"warning: skipped meetings/{name}: 1 problem, first: 1:1: meeting files end in .yaml"
        in report.stderr
    )
    assert run(runner, "tasks", "--as-of", "2020-04-02", "--strict").exit_code == 1
    edit = run(runner, "tasks", "done", "2020-02-10/1", "--on", "2020-04-02")
    assert edit.exit_code == 1 and f"meetings/{name}:1:1: error" in edit.stderr  # edits stay strict


def test_meeting_file_in_a_subfolder_is_an_error(archive, runner):
    (archive / "meetings" / "2019").mkdir()
    (archive / "meetings" / "2019" / "2019-12-01.yaml").write_text(
        M1.replace("2020-01-10", "2019-12-01"), encoding="utf-8"
    )
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert (
        "meetings/2019/2019-12-01.yaml:1:1: error: meeting files live directly in meetings/: move it to "
        "meetings/2019-12-01.yaml; until then psc leaves it out"
    ) in result.stderr


def test_other_files_are_warnings_and_hidden_files_are_ignored(archive, runner):
    (archive / "meetings" / "poznamky.txt").write_text("x", encoding="utf-8")
    (archive / "meetings" / ".gitkeep").write_text("", encoding="utf-8")
    (archive / "meetings" / ".2020-05-01.yaml.swp").write_text("x", encoding="utf-8")
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "meetings/poznamky.txt:1:1: warning: not a meeting file (those are "
        "meetings/YYYY-MM-DD.yaml); psc ignores it: move it out of meetings/\n"
    )
    assert result.stdout == "ok: 4 files valid\n"
    as_json = json.loads(run(runner, "validate", "--format", "json").stdout)
    assert [p["severity"] for p in as_json["problems"]] == ["warning"]
    report = run(runner, "tasks", "--as-of", "2020-03-10")
    assert report.exit_code == 0
    assert report.stderr.startswith("warning: meetings/poznamky.txt:1:1: not a meeting file")
    assert run(runner, "tasks", "done", "2020-02-10/1", "--on", "2020-03-11").exit_code == 0


# ---------------------------------------------------------------- 3. Unicode: NFC everywhere


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_owner_typed_in_nfd_finds_the_nfc_name(archive, runner):
    assert nfd("MŽP") != "MŽP"
    found = records(runner, "--as-of", "2020-01-15", "--owner", nfd("MŽP"))
    assert sorted(found) == ["2020-01-10/2", "2020-01-10/3"]  # its task, and all members' task


def test_names_written_in_nfd_in_a_file_are_read_as_nfc(archive, runner):
    path = archive / "meetings" / "2020-01-10.yaml"
    path.write_text(nfd(M1), encoding="utf-8")  # also the keys' and the title's accents
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output  # no "unknown organisation; did you mean"
    found = records(runner, "--as-of", "2020-01-15", "--owner", "MŽP")
    assert found["2020-01-10/2"]["responsible"] == ["MŽP"]
    result = run(runner, "list", "--format", "json")
    assert json.loads(result.stdout)[0]["title"] == "První jednání"


def test_nfd_and_nfc_files_load_alike():
    from psc.loading import yamlfile

    text = "název: Žluťoučký kůň\nseznam: [MŽP, SMO ČR]\n"
    assert (
        yamlfile.loads(nfd(text), "x")[0]
        == yamlfile.loads(text, "x")[0]
        == {"název": "Žluťoučký kůň", "seznam": ["MŽP", "SMO ČR"]}
    )
    # a key once in NFC and once in NFD is the same key: a duplicate
    with pytest.raises(InvalidData) as caught:
        yamlfile.loads("název: a\n" + nfd("název") + ": b\n", "x")
    assert [p.message for p in caught.value.problems] == [
        "duplicate key 'název' (first defined at line 1)"
    ]


def test_the_same_minutes_in_nfd_keep_their_fingerprint(archive):
    from psc.loading import pipeline, validate
    from psc.loading.fingerprint import fingerprint

    path = archive / "meetings" / "2020-01-10.yaml"
    data, pos = pipeline.load_yaml(path)
    before = fingerprint(validate.parse_meeting(data, pos, path))
    path.write_text(nfd(M1), encoding="utf-8")
    data, pos = pipeline.load_yaml(path)
    assert fingerprint(validate.parse_meeting(data, pos, path)) == before


def test_notes_and_names_from_the_command_line_are_written_in_nfc(archive, runner):
    result = run(
        runner,
        "tasks",
        "done",
        "2020-02-10/1",
        "--on",
        "2020-03-11",
        "--note",
        nfd("Splněno včas."),
    )
    assert result.exit_code == 0, result.output
    text = (archive / "meetings" / "2020-02-10.yaml").read_text(encoding="utf-8")
    assert "Splněno včas." in text and nfd("Splněno včas.") not in text


# ---------------------------------------------------------------- 4. --owner: unknown names are errors


def test_unknown_owner_is_a_usage_error_with_a_suggestion(archive, runner):
    result = run(runner, "tasks", "--owner", "MMRR", "--fail-if-any")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --owner 'MMRR': no organisation, member or task responsible of that "
        "name; did you mean 'MMR'?\n"
    )


def test_owner_may_be_a_member_or_any_organisation(archive, runner):
    assert records(
        runner, "--as-of", "2020-01-15", "--owner", "David Koppitz"
    )  # a member: all members' tasks
    assert sorted(records(runner, "--as-of", "2020-01-15", "--owner", "mzd")) == ["2020-01-10/3"]


def test_owner_includes_tasks_of_all_members(archive, runner):
    found = records(runner, "--as-of", "2020-01-15", "--owner", "MMR")
    assert sorted(found) == ["2020-01-10/1", "2020-01-10/3"]
    assert found["2020-01-10/3"]["responsible"] == []
    assert "without one" in run(runner, "tasks", "--help").stdout


# ---------------------------------------------------------------- 5. site slugs


def test_slugs_are_unique_and_stable():
    from psc.publish.site import slug

    names = [
        "MZP",
        "MŽP",
        nfd("MŽP"),
        "mzp",
        "Mzp",
        "SMO ČR",
        "SMO-ČR",
        "МВД",
        "ΥΠΕΝ",
        "Министерство",
        "TC HK",
        "TC-HK",
        "MMR-ODP",
        "CON",
        "mzp_1a2b3c4d",
    ]
    slugs = {name: slug(name) for name in names}
    assert slugs["MZP"] == "mzp" and slugs["MMR-ODP"] == "mmr-odp"
    assert slugs["MŽP"] == slugs[nfd("MŽP")] and re.fullmatch(r"mzp_[0-9a-f]{8}", slugs["MŽP"])
    assert re.fullmatch(r"smo-cr_[0-9a-f]{8}", slugs["SMO ČR"])
    assert re.fullmatch(r"x_[0-9a-f]{8}", slugs["МВД"]) and slugs["МВД"] != slugs["ΥΠΕΝ"]
    distinct = {unicodedata.normalize("NFC", n) for n in names}
    assert len({slug(n) for n in distinct}) == len(distinct)
    assert all(re.fullmatch(r"[a-z0-9_-]+", s) for s in slugs.values())
    assert slug("MŽP") == slugs["MŽP"]  # the same name, the same file, whatever else exists


def test_site_has_a_page_per_body_and_links_to_each(archive, runner):
    group = archive / "group.yaml"
    group.write_text(
        group.read_text(encoding="utf-8").replace(
            "organisations:\n",
            "organisations:\n  MZP: Ministerstvo zdejší politiky\n  МВД: Министерство\n"
            "  ΥΠΕΝ: Υπουργείο\n",
            1,
        ),
        encoding="utf-8",
    )
    path = archive / "meetings" / "2020-03-10.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "".join(
            f"  - text: Úkol {n}\n    deadline: ongoing\n    responsible: [{who}]\n"
            for n, who in enumerate(["MZP", "МВД", "ΥΠΕΝ", "SMO ČR", "MŽP"])
        ),
        encoding="utf-8",
    )
    result = run(runner, "build", "--as-of", "2020-03-10")
    assert result.exit_code == 0, result.output
    site = archive / "site"
    pages = sorted(p.name for p in (site / "org").iterdir())
    assert len(pages) == 6  # MMR, MZP, MŽP, SMO ČR, МВД, ΥΠΕΝ
    index = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(org/[^"]+)"', index)
    assert sorted(Path(link).name for link in links) == pages
    for link in links:
        assert (site / link).is_file()
    by_name = {
        name: site / "org" / f"{s}.html"
        for s, name in re.findall(r'href="org/([^"]+)\.html">([^<]+)</a>', index)
    }
    for n, who in enumerate(
        ["MZP", "МВД", "ΥΠΕΝ", "SMO ČR", "MŽP"]
    ):  # each body's page holds its task
        page = by_name[who].read_text(encoding="utf-8")
        assert f"Úkol {n}<" in page or f"Úkol {n} " in page or f"Úkol {n}\n" in page, who
        assert all(f"Úkol {m}<" not in page for m in range(5) if m != n), who
    assert by_name["MZP"].name == "mzp.html"


# ---------------------------------------------------------------- 6. reports skip invalid files


BROKEN = "number: 4\ntitle: [unclosed\n"


def test_reports_skip_an_invalid_file_and_name_it(archive, runner):
    (archive / "meetings" / "2020-04-01.yaml").write_text(BROKEN, encoding="utf-8")
    result = run(runner, "tasks", "--as-of", "2020-03-10")
    assert result.exit_code == 0, result.output
    assert "2020-02-10/1" in result.stdout
    warning = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1
    assert warning[0].startswith(
        "warning: skipped meetings/2020-04-01.yaml: 1 problem, first: 2:8: "
    )
    assert warning[0].endswith("; run psc validate")
    strict = run(runner, "tasks", "--as-of", "2020-03-10", "--strict")
    assert strict.exit_code == 1 and "meetings/2020-04-01.yaml:2:8: error:" in strict.stderr
    assert strict.stderr.endswith("1 error in 1 file\n")
    assert run(runner, "validate").exit_code == 1  # the gate
    for args in (
        ["list"],
        ["tasks", "show", "2020-02-10/1"],
        ["export", "ics", "--as-of", "2020-03-01"],
        ["remind", "--as-of", "2020-03-01", "--dry-run"],
        ["build", "--as-of", "2020-03-01"],
        ["render", "2020-02-10", "-o", "-", "--format", "md"],
        ["render", "--all"],
    ):
        other = run(runner, *args)
        assert other.exit_code == 0, (args, other.output)
        assert "warning: skipped meetings/2020-04-01.yaml" in other.stderr, args
        assert run(runner, *args, "--strict").exit_code == 1, args


def test_an_approved_file_changed_without_amend_is_skipped(archive, runner):
    assert (
        run(
            runner, "approve", "2020-02-10", "--by", "David Koppitz", "--on", "2020-03-10"
        ).exit_code
        == 0
    )
    path = archive / "meetings" / "2020-02-10.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Úkol C", "Úkol C změněný"), encoding="utf-8"
    )
    result = run(runner, "tasks", "--as-of", "2020-03-10", "--status", "all", "-f", "json")
    assert result.exit_code == 0
    assert sorted(r["id"] for r in json.loads(result.stdout)) == [
        "2020-01-10/1",
        "2020-01-10/2",
        "2020-01-10/3",
        "2020-03-10/1",
    ]
    assert "warning: skipped meetings/2020-02-10.yaml: 1 problem" in result.stderr
    assert "the approved minutes have changed" in result.stderr
    edit = run(runner, "tasks", "done", "2020-01-10/2", "--on", "2020-03-11")
    assert edit.exit_code == 1  # edits stay strict


def test_a_file_with_a_cross_file_problem_is_skipped(archive, runner):
    path = archive / "meetings" / "2020-03-10.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  - text: Úkol E\n", "  - text: Úkol E\n    id: 2020-02-10/1\n"
        ),
        encoding="utf-8",
    )
    result = run(runner, "tasks", "--as-of", "2020-03-10", "--status", "all", "-f", "json")
    assert result.exit_code == 0, result.output
    assert "warning: skipped meetings/2020-03-10.yaml: 1 problem, first: " in result.stderr
    assert "task ID '2020-02-10/1' is already used" in result.stderr
    found = {r["id"]: r for r in json.loads(result.stdout)}
    assert (
        found["2020-02-10/1"]["text"] == "Úkol C" and found["2020-02-10/1"]["deadline"] == "ongoing"
    )


def test_an_invalid_group_file_stays_fatal(archive, runner):
    (archive / "group.yaml").write_text("name: [\n", encoding="utf-8")
    result = run(runner, "tasks")
    assert result.exit_code == 1 and "group.yaml:" in result.stderr


# ---------------------------------------------------------------- 7. dates at the calendar's ends


@pytest.mark.parametrize(
    "args",
    [
        ["tasks", "--due-within", "3000000d"],
        ["tasks", "--due-within", "3000000w", "--as-of", "2020-01-15"],
        ["tasks", "--as-of", "9999-12-31", "--due-within", "14d"],
        ["tasks", "--as-of", "0001-01-01", "--overdue"],
        ["remind", "--within", "3000000d", "--dry-run"],
        ["remind", "--as-of", "9999-12-31", "--dry-run"],
        ["export", "ics", "--as-of", "9999-12-31"],
        ["build", "--as-of", "9999-12-31"],
    ],
)
def test_far_dates_do_not_crash(archive, runner, args):
    result = run(runner, *args)
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output


def test_a_meeting_on_the_last_day_of_the_calendar(archive, runner):
    last = (
        M3.replace("2020-03-10", "9999-12-31")
        .replace("number: 3", "number: 4")
        .replace("Úkol E", "Úkol Z")
    )
    (archive / "meetings" / "9999-12-31.yaml").write_text(
        last + 'start: "23:30"\n', encoding="utf-8"
    )
    (archive / "meetings" / "9999-12-30.yaml").write_text(
        last.replace("9999-12-31", "9999-12-30")
        .replace("number: 4", "number: 5")
        .replace("task: 2020-02-10/1", "task: 2020-03-10/1"),
        encoding="utf-8",
    )
    assert run(runner, "validate").exit_code == 0
    for args in (
        ["tasks", "--as-of", "9999-12-31", "--due-within", "14d"],
        ["export", "ics", "--as-of", "9999-12-01"],
        ["build", "--as-of", "9999-12-31"],
        ["remind", "--as-of", "9999-12-31", "--dry-run"],
        ["list"],
        ["tasks", "show", "9999-12-30/1", "--as-of", "9999-12-31"],
    ):
        result = run(runner, *args)
        assert result.exit_code == 0, (args, result.output)
    ics = run(runner, "export", "ics", "--as-of", "9999-12-01").stdout
    assert "DTSTART;TZID=Europe/Prague:99991231T233000" in ics
    all_day = next(e for e in ics.split("BEGIN:VEVENT") if "UID:meeting-9999-12-30@" in e)
    assert "DTEND;VALUE=DATE:99991231" in all_day


def test_an_all_day_event_on_the_last_day_has_no_end():
    from psc.language.wording import Wording
    from psc.publish.calendar import MeetingEvent, build_calendar

    ics = build_calendar(
        group_name="G",
        group_short="G",
        meetings=[MeetingEvent("9999-12-31", D.max, "T")],
        tasks=[],
        wording=Wording("cs", {}, "cs"),
        as_of=D.max,
    ).decode()
    assert "DTSTART;VALUE=DATE:99991231" in ics and "DTEND" not in ics


@pytest.mark.parametrize("option", [["tasks", "--due-within"], ["remind", "--within"]])
def test_absurd_numbers_of_days_are_usage_errors(archive, runner, option):
    result = run(runner, *option, "99999999999999999999d")
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: {option[1]} '99999999999999999999d': give at most 999999999 days\n"
    )


def test_add_days_saturates():
    from psc.terms import add_days

    assert add_days(D(2020, 1, 1), 3) == D(2020, 1, 4)
    assert add_days(D(9999, 12, 30), 14) == D.max
    assert add_days(D(2020, 1, 1), 10**20) == D.max
    assert add_days(D(1, 1, 2), -5) == D.min
