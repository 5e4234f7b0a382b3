"""psc new-meeting and psc init."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import REPO, real_sample, run

from psc.loading.pipeline import load_yaml as load


def test_scaffold_after_the_seed(repo, runner):
    result = run(runner, "new-meeting")
    assert result.exit_code == 0, result.output
    assert result.stderr == "wrote meetings/2016-11-15.yaml\n"
    path = repo / "meetings" / "2016-11-15.yaml"
    data, _ = load(path)
    assert data["number"] == "2"
    assert data["title"] == "2. jednání Pracovní skupiny pro Smart Cities (PS pro SC)"
    assert data["date"] == "2016-11-15"
    assert (data["start"], data["end"]) == ("13:00", None)  # an end is never copied
    assert data["place"].startswith("Akademie veřejného investování")
    assert [p["name"] for p in data["attendees"]["present"]] == [
        "David Koppitz",
        "František Kubeš",
        "Jana Korytářová",
        "Petr Švec",
    ]
    titles = [i["title"] for i in data["items"]]
    assert titles == ["Zahájení", "Schválení zápisu z minulého jednání", "Kontrola úkolů", "Různé"]
    review = data["items"][2]["content"]
    assert [r["task"] for r in review] == ["2016-09-07/3", "2016-09-07/4", "2016-09-07/5"]
    assert all(r["status"] is None for r in review)
    text = path.read_text(encoding="utf-8")
    assert (
        "# Zpracovat aktualizace možných zdrojů finanční podpory (MMR; do další PS (15. 11. 2016))"
        in text
    )
    assert "# - task: 2016-09-07/1" in text  # ongoing tasks named, not reviewed
    assert [n["date"] for n in data["next_meetings"]] == [
        "2017-02-01",
        "2017-04-05",
        "2017-05-24",
        "2017-09-06",
        "2017-11-29",
    ]
    assert data["tasks"] == [] and data["recorded_by"] is None


def test_scaffold_validates_and_renders(repo, runner):
    assert run(runner, "new-meeting").exit_code == 0
    assert run(runner, "validate").stdout == "ok: 3 files valid\n"
    result = run(runner, "render", "2016-11-15", "--format", "md", "-o", "-")
    assert result.exit_code == 0
    assert "### Bod 3 – Kontrola úkolů" in result.stdout
    assert (
        "Úkol 2016-09-07/4 (Zpracovat aktualizace možných zdrojů finanční podpory)" in result.stdout
    )


def test_filling_in_the_review_closes_tasks(repo, runner):
    run(runner, "new-meeting")
    path = repo / "meetings" / "2016-11-15.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "- task: 2016-09-07/3\n        status:\n", "- task: 2016-09-07/3\n        status: done\n"
    )
    path.write_text(text, encoding="utf-8")
    result = run(runner, "tasks", "--overdue", "--as-of", "2016-11-16", "--format", "csv")
    assert [line.split(",")[0] for line in result.stdout.splitlines()[1:]] == [
        "2016-09-07/4",
        "2016-09-07/5",
    ]


def test_refuses_to_overwrite(repo, runner):
    run(runner, "new-meeting")
    path = repo / "meetings" / "2016-11-15.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# my notes\n", encoding="utf-8")
    before = path.read_bytes()
    result = run(runner, "new-meeting", "2016-11-15")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: meetings/2016-11-15.yaml exists already; nothing was written "
        "(use --force to overwrite it)\n"
    )
    assert path.read_bytes() == before
    assert run(runner, "new-meeting", "2016-11-15", "--force").exit_code == 0
    assert path.read_bytes() != before


def test_dry_run_writes_nothing(repo, runner):
    result = run(runner, "new-meeting", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "# yaml-language-server: $schema=../schema/meeting.schema.json\n"
        "# 2. jednání Pracovní skupiny pro Smart Cities (PS pro SC)\n"
    )
    assert "- task: 2016-09-07/5" in result.stdout
    assert not (repo / "meetings" / "2016-11-15.yaml").exists()


def test_options(repo, runner):
    result = run(
        runner,
        "new-meeting",
        "2016-12-01",
        "--number",
        "7",
        "--title",
        "Mimořádné jednání: rozpočet",
        "--time",
        "09:30",
        "--place",
        "Praha # 1",
        "--dry-run",
    )
    data_text = result.stdout
    assert 'title: "Mimořádné jednání: rozpočet"' in data_text
    assert 'start: "09:30"' in data_text and "number: 7" in data_text
    assert 'place: "Praha # 1"' in data_text
    # 09:30 differs from the previous start, so the end is left to fill in
    assert "end:  # HH:MM" in data_text


def test_from_copies_the_agenda(repo, runner):
    result = run(runner, "new-meeting", "2016-11-15", "--from", "2016-09-07", "--dry-run")
    assert "title: Diskuze klíčových činností Pracovní skupiny pro Smart Cities" in result.stdout
    assert "title: Návrh na přizvání dalších členů/ hostů PS pro SC" in result.stdout
    assert "title: Různé" not in result.stdout


def test_usage_errors(repo, runner):
    assert run(runner, "new-meeting", "15. 11. 2016").exit_code == 2
    assert run(runner, "new-meeting", "--time", "1 pm", "--dry-run").exit_code == 2
    result = run(runner, "new-meeting", "--from", "2015-01-01")
    assert result.exit_code == 2 and "no meeting '2015-01-01'" in result.stderr


def test_edit_opens_the_editor(repo, runner, monkeypatch, tmp_path):
    log = tmp_path / "edited"
    monkeypatch.setenv("VISUAL", f"sh -c 'echo \"$0\" > {log}'")
    assert run(runner, "new-meeting", "--edit").exit_code == 0
    assert log.read_text().strip().endswith("meetings/2016-11-15.yaml")


def test_no_date_and_no_terminal_is_a_usage_error(tmp_path, monkeypatch, runner):
    monkeypatch.chdir(tmp_path)
    assert run(runner, "init", "--name", "Komise", "--short", "K").exit_code == 0
    result = run(runner, "new-meeting")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "error: which date? there is no meeting yet; give it: psc new-meeting YYYY-MM-DD\n"
    )


def test_init_then_first_meeting(tmp_path, monkeypatch, runner):
    target = tmp_path / "komise"
    monkeypatch.chdir(tmp_path)
    result = run(runner, "init", "komise", "--name", "Komise pro chytrá města", "--short", "KCM")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == [
        ".git",
        ".gitignore",
        "README.md",
        "group.yaml",
        "meetings",
        "schema",
    ]
    monkeypatch.chdir(target)
    assert run(runner, "new-meeting", "2026-01-15").exit_code == 0
    data, _ = load(target / "meetings" / "2026-01-15.yaml")
    assert data["number"] == "1"
    assert data["title"] == "1. jednání – Komise pro chytrá města"
    assert [i["title"] for i in data["items"]] == ["Zahájení", "Různé"]
    assert run(runner, "validate").stdout == "ok: 2 files valid\n"
    assert run(runner, "render", "2026-01-15").exit_code == 0


def test_init_in_english_inside_an_existing_repository(tmp_path, monkeypatch, runner):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    sub = tmp_path / "minutes"
    monkeypatch.chdir(tmp_path)
    assert run(runner, "init", "minutes", "--name", "Board", "--lang", "en").exit_code == 0
    assert not (sub / ".git").exists()
    assert 'title_pattern: "Board: meeting {number}"' in (sub / "group.yaml").read_text(
        encoding="utf-8"
    )
    monkeypatch.chdir(sub)
    run(runner, "new-meeting", "2026-01-15")
    data, _ = load(sub / "meetings" / "2026-01-15.yaml")
    assert data["title"] == "Board: meeting 1" and data["items"][0]["title"] == "Opening"


def test_init_refuses_an_existing_repository_and_needs_a_name(repo, runner, tmp_path, monkeypatch):
    before = (repo / "group.yaml").read_bytes()
    result = run(runner, "init", str(repo), "--name", "X")
    assert result.exit_code == 1 and "exists already" in result.stderr
    assert (repo / "group.yaml").read_bytes() == before
    monkeypatch.chdir(tmp_path)
    result = run(runner, "init", "new")
    assert result.exit_code == 2 and result.stderr == "error: give the group's name with --name\n"


def test_init_prompts_in_a_terminal(tmp_path, monkeypatch, runner):
    import psc.cli.app
    import psc.cli.common

    monkeypatch.setattr(psc.cli.common, "interactive", lambda: True)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(psc.cli.app.app, ["init", "g"], input="Rada města\nRM\n\n")
    assert result.exit_code == 0, result.output
    written = (tmp_path / "g" / "group.yaml").read_text(encoding="utf-8")
    assert "short: RM" in written
    assert 'title_pattern: "{number}. jednání – Rada města"' in written  # the default profile


def test_a_repository_template_overrides_the_scaffold(repo, runner):
    (repo / "templates").mkdir()
    (repo / "templates" / "meeting.yaml.j2").write_text(
        "number: {{ plan.number }}\ntitle: {{ plan.title | yaml }}\ndate: {{ plan.date.isoformat() }}\n",
        encoding="utf-8",
    )
    assert run(runner, "new-meeting").exit_code == 0
    assert (
        (repo / "meetings" / "2016-11-15.yaml")
        .read_text(encoding="utf-8")
        .startswith("number: 2\n")
    )


def test_a_broken_scaffold_template_writes_nothing(repo, runner):
    (repo / "templates").mkdir()
    (repo / "templates" / "meeting.yaml.j2").write_text(
        "number: {{ plan.number }}\ntitel: x\n", encoding="utf-8"
    )
    result = run(runner, "new-meeting")
    assert result.exit_code == 1
    assert "meetings/2016-11-15.yaml:2:1: error: titel: unknown key 'titel'" in result.stderr
    assert not (repo / "meetings" / "2016-11-15.yaml").exists()


# ------------------------------------------------------------------ what a new meeting keeps


@pytest.fixture
def council(tmp_path, monkeypatch):
    """A copy of examples/council (a body with roles, attendance categories and a quorum)."""
    root = tmp_path / "council"
    shutil.copytree(REPO / "examples" / "council", root)
    monkeypatch.chdir(root)
    return root


def test_new_meeting_keeps_roles_categories_and_quorum_shape(council, runner):
    result = run(runner, "new-meeting", "2026-01-20")
    assert result.exit_code == 0, result.stderr
    data, _ = load(council / "meetings" / "2026-01-20.yaml")
    assert data["number"] == "19" and data["start"] == "18:00" and data["end"] is None
    assert data["chair"] == {"name": "Ing. Pavel Straka", "role": "starosta"}
    assert data["minute_taker"] == {"name": "Jitka Horáková"}
    assert [v["name"] for v in data["verifiers"]] == ["Marie Dvořáková", "Libor Čermák"]
    categories = data["attendees"]["categories"]
    assert [c["label"] for c in categories] == ["Přítomni", "Omluveni", "Veřejnost"]
    assert len(categories[0]["people"]) == 7 and categories[1]["people"] == []
    assert "count" not in categories[0]  # counts are this meeting's, to fill in
    assert "present" not in data["attendees"]  # the body writes categories, not lists
    assert data["attendees"]["quorum"] == {"present": None, "members": "7", "quorate": None}
    assert run(runner, "validate").exit_code == 0


def test_a_private_chair_stays_private(council, runner):
    path = council / "meetings" / "2025-11-18.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "minute_taker: {name: Jitka Horáková}",
            "minute_taker: {name: Jitka Horáková, private: true}",
        ),
        encoding="utf-8",
    )
    result = run(runner, "new-meeting", "2026-01-20", "--dry-run")
    assert "minute_taker: {name: Jitka Horáková, private: true}\n" in result.stdout


def test_a_forced_rewrite_keeps_its_number(repo, runner):
    assert run(runner, "new-meeting").exit_code == 0
    assert run(runner, "new-meeting", "2016-11-15", "--force").exit_code == 0
    data, _ = load(repo / "meetings" / "2016-11-15.yaml")
    assert data["number"] == "2"
    assert data["title"] == "2. jednání Pracovní skupiny pro Smart Cities (PS pro SC)"
    assert [r["task"] for r in data["items"][2]["content"]] == [
        "2016-09-07/3",
        "2016-09-07/4",
        "2016-09-07/5",
    ]


def test_from_never_repeats_the_opening(repo, runner):
    result = run(runner, "new-meeting", "2016-11-15", "--from", "2016-09-07", "--dry-run")
    titles = [line.strip() for line in result.stdout.splitlines() if line.startswith("    title:")]
    assert titles[:3] == [
        "title: Zahájení (ze strany MMR a Výboru pro udržitelné municipality)",
        "title: Schválení zápisu z minulého jednání",
        "title: Kontrola úkolů",
    ]
    assert sum(t.startswith("title: Zahájení") for t in titles) == 1


def test_from_takes_the_templates_own_opening_and_review(council, runner):
    result = run(runner, "new-meeting", "2026-01-20", "--from", "2025-11-18")
    assert result.exit_code == 0, result.stderr
    data, _ = load(council / "meetings" / "2026-01-20.yaml")
    assert [(i["number"], i["title"]) for i in data["items"]] == [
        ("1", "Zahájení, určení ověřovatelů a zapisovatele, schválení programu"),
        ("2", "Schválení zápisu z minulého jednání"),
        ("3", "Kontrola plnění usnesení a úkolů"),
        ("4", "Rozpočtové provizorium na rok 2026"),
        ("5", "Inventarizace majetku a závazků obce"),
        ("6", "Zimní údržba místních komunikací"),
    ]
    assert [r["task"] for r in data["items"][2]["content"]] == ["2025-11-18/2"]
    assert run(runner, "validate").exit_code == 0


@pytest.mark.parametrize(
    "archive",
    [
        *real_sample(),
        "examples/council",
    ],
)
def test_new_meeting_validates_on_every_archive(archive, tmp_path, monkeypatch, runner):
    """Whatever roles, categories and quorum the previous minutes hold, the scaffold (and one
    from the latest meeting's agenda) validates with the rest of the archive."""
    source = REPO / archive if "/" in archive else REPO / "tests" / "fixtures" / "real" / archive
    root = tmp_path / "archive"
    shutil.copytree(source, root)
    monkeypatch.chdir(root)
    latest = sorted((root / "meetings").glob("*.yaml"))[-1].stem
    for args in (["2030-01-01"], ["2030-02-01", "--from", latest]):
        result = run(runner, "new-meeting", *args)
        assert result.exit_code == 0, result.stderr
        data, _ = load(root / "meetings" / f"{args[0]}.yaml")
        assert data["end"] is None
    assert run(runner, "validate", "--no-cache").exit_code == 0
