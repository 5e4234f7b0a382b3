"""`psc init --profile`: the words of a kind of body (council, committee, academic senate,
association, working group) in the new group.yaml, the question asked in a terminal, the
README's install command, the .gitignore and the first commit, made with real git."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import run
from helpers import isolate_git

from psc.edits import profiles

NAMES = {
    "council": {"cs": "Zastupitelstvo obce Lhota", "en": "Lhota Parish Council"},
    "committee": {"cs": "Kontrolní výbor obce Lhota", "en": "Planning Committee"},
    "senate": {"cs": "Akademický senát Přírodovědecké fakulty", "en": "Faculty Senate"},
    "association": {"cs": "Spolek přátel Lhoty", "en": "Lhota Residents' Association"},
    "working-group": {"cs": "Pracovní skupina pro vodu", "en": "Water Working Group"},
}

FIRST_LINES = {
    # the H1 of a new group's first minutes (a draft), then the first item's heading
    ("council", "cs"): (
        "# Zápis z 1. zasedání Zastupitelstva obce Lhota – návrh",
        "### 1\\. Zahájení, určení zapisovatele a ověřovatelů zápisu",
    ),
    ("committee", "cs"): (
        "# Zápis z 1. jednání Kontrolního výboru obce Lhota – návrh",
        "### 1\\. Zahájení",
    ),
    ("senate", "cs"): (
        "# Zápis z 1. zasedání Akademického senátu Přírodovědecké fakulty – návrh",
        "### 1\\. Zahájení a schválení programu",
    ),
    ("association", "cs"): (
        "# Zápis z členské schůze Spolku přátel Lhoty – návrh",
        "### 1\\. Zahájení, volba předsedajícího, zapisovatele a ověřovatelů zápisu",
    ),
    ("working-group", "cs"): ("# Zápis – návrh", "### Bod 1 – Zahájení"),
    ("council", "en"): (
        "# Minutes of the Meeting of Lhota Parish Council held on 15 January 2026 – draft",
        "### 1\\. Apologies for absence",
    ),
    ("committee", "en"): (
        "# Minutes of the Meeting of the Planning Committee – draft",
        "### 1\\. Opening and apologies",
    ),
    ("senate", "en"): (
        "# Minutes of the Meeting of the Faculty Senate – draft",
        "### 1\\. Opening and approval of the agenda",
    ),
    ("association", "en"): (
        "# Minutes of the General Meeting of the Lhota Residents' Association – draft",
        "### 1\\. Welcome and apologies",
    ),
    ("working-group", "en"): ("# Minutes – draft", "### Item 1 – Opening"),
}


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    isolate_git(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_the_shipped_profiles_in_their_order():
    assert profiles.names() == ["council", "committee", "senate", "association", "working-group"]
    for name in profiles.names():
        profile = profiles.load(name)
        assert set(profile.title_pattern) == {"cs", "en"}
        assert profile.description["cs"] and profile.description["en"]


@pytest.mark.parametrize("language", ["cs", "en"])
@pytest.mark.parametrize("profile", list(NAMES))
def test_each_profile_gives_minutes_that_fit_the_body(home, runner, monkeypatch, profile, language):
    root = home / profile
    name = NAMES[profile][language]
    args = ["init", str(root), "--profile", profile, "--name", name, "--lang", language]
    result = run(runner, *args)
    assert result.exit_code == 0, result.stderr
    monkeypatch.chdir(root)
    assert run(runner, "new-meeting", "2026-01-15").exit_code == 0
    assert run(runner, "validate").exit_code == 0
    assert run(runner, "render", "2026-01-15").exit_code == 0
    lines = (root / "minutes" / "2026-01-15.md").read_text(encoding="utf-8").splitlines()
    heading, first_item = FIRST_LINES[profile, language]
    assert lines[0] == heading
    assert first_item in lines
    header = [line for line in lines if line.startswith("| ")]
    assert all(row[2].isupper() for row in header), header  # "| Datum …", never "| datum"
    if profile != "working-group":  # the first group's headings only where they fit
        assert not any(line.startswith("## A ") or line.startswith("## B ") for line in lines)
        scaffold = (root / "meetings" / "2026-01-15.yaml").read_text(encoding="utf-8")
        assert "# A " not in scaffold and "# B " not in scaffold


def test_the_council_votes_and_resolutions_as_councils_write_them(home, runner, monkeypatch):
    root = home / "zo"
    name = "Zastupitelstvo obce Lhota"
    assert run(runner, "init", "zo", "--profile", "council", "--name", name).exit_code == 0
    monkeypatch.chdir(root)
    assert run(runner, "new-meeting", "2026-01-15").exit_code == 0
    path = root / "meetings" / "2026-01-15.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    title: Různé\n    content: []",
        "    title: Různé\n    content:\n"
        "      - decision: Zastupitelstvo schvaluje rozpočet.\n"
        "        number: 1/2026\n"
        "        votes: {for: 7, against: 0, abstained: 1}\n",
    )
    path.write_text(text, encoding="utf-8")
    result = run(runner, "render", "2026-01-15", "--format", "md", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert (
        "**Usnesení č. 1/2026:** Zastupitelstvo schvaluje rozpočet. "
        "Hlasování: pro 7, proti 0, zdržel se 1" in result.stdout
    )


def test_the_genitive_of_a_name():
    words = {"Zastupitelstvo": "Zastupitelstva", "Akademický": "Akademického", "senát": "senátu"}
    assert (
        profiles.genitive("Zastupitelstvo obce Lhota", "ZO", words) == "Zastupitelstva obce Lhota"
    )
    assert profiles.genitive("Akademický senát PřF", "AS", words) == "Akademického senátu PřF"
    # a first word psc does not know: the short name, which does not decline, else the name
    assert profiles.genitive("Obecní rada Lhota", "OR Lhota", words) == "OR Lhota"
    assert profiles.genitive("Obecní rada Lhota", "Obecní rada Lhota", words) == (
        "Obecní rada Lhota"
    )
    assert profiles.genitive("Board", "B", {}) == "Board"


def test_help_lists_the_profiles(runner):
    result = run(runner, "init", "--help")
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    assert "council, committee, senate, association, working-group" in flat


def test_an_unknown_profile_is_a_usage_error_with_the_closest_one(home, runner):
    result = run(runner, "init", "x", "--profile", "concil", "--name", "Zastupitelstvo obce X")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown profile 'concil'; did you mean 'council'?\n"
    result = run(runner, "init", "x", "--profile", "parliament", "--name", "X")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: unknown profile 'parliament'; choose one of: council, committee, senate, "
        "association, working-group\n"
    )
    assert not (home / "x").exists()


def test_a_profile_file_of_ones_own(home, runner):
    own = home / "board.yaml"
    own.write_text(
        "description: {en: a board}\n"
        "en:\n"
        '  title_pattern: "Board meeting {number}"\n'
        "  labels: {minutes: '{title}', section_a: Proceedings}\n",
        encoding="utf-8",
    )
    args = ["init", "b", "--profile", str(own), "--name", "Board", "--lang", "en"]
    assert run(runner, *args).exit_code == 0
    written = yaml.safe_load((home / "b" / "group.yaml").read_text(encoding="utf-8"))
    assert written["title_pattern"] == "Board meeting {number}"
    assert written["labels"] == {"minutes": "{title}", "section_a": "Proceedings"}
    result = run(runner, "init", "c", "--profile", str(own), "--name", "Rada")
    assert result.exit_code == 1
    assert result.stderr == "error: the profile board has no words in cs\n"


def test_a_broken_profile_writes_nothing(home, runner):
    own = home / "broken.yaml"
    own.write_text('cs:\n  title_pattern: "{cislo}. schůze"\n', encoding="utf-8")
    result = run(runner, "init", "b", "--profile", str(own), "--name", "Výbor")
    assert result.exit_code == 1
    assert "title_pattern" in result.stderr and "{cislo}" in result.stderr
    assert not (home / "b" / "group.yaml").exists()


def test_a_terminal_is_asked_for_the_profile(home, runner, monkeypatch):
    import psc.cli.app
    import psc.cli.common

    monkeypatch.setattr(psc.cli.common, "interactive", lambda: True)
    result = runner.invoke(
        psc.cli.app.app, ["init", "zo", "--name", "Zastupitelstvo obce Lhota"], input="9\n1\n"
    )
    assert result.exit_code == 0, result.output
    assert "1. council: municipal, parish or town council" in result.stderr
    assert "choose a number from 1 to 5 or a name" in result.stderr
    written = (home / "zo" / "group.yaml").read_text(encoding="utf-8")
    assert "psc init --profile council" in written


def test_a_script_is_never_asked(home, runner, monkeypatch):
    import psc.cli.common

    monkeypatch.setattr(psc.cli.common, "interactive", lambda: False)
    assert run(runner, "init", "g", "--name", "Skupina").exit_code == 0
    written = (home / "g" / "group.yaml").read_text(encoding="utf-8")
    assert 'title_pattern: "{number}. jednání – Skupina"' in written


def test_the_readme_gives_the_install_command(home, runner):
    assert run(runner, "init", "cs", "--name", "Výbor").exit_code == 0
    readme = (home / "cs" / "README.md").read_text(encoding="utf-8")
    assert 'pipx install "git+<adresa repozitáře psc>@v' in readme
    assert "psc doctor" in readme and "Místo `<adresa repozitáře psc>` uveďte" in readme
    assert run(runner, "init", "en", "--name", "Board", "--lang", "en").exit_code == 0
    readme = (home / "en" / "README.md").read_text(encoding="utf-8")
    assert 'pipx install "git+<psc repository URL>@v' in readme


def test_the_readme_names_the_repository_psc_came_from(home, runner, monkeypatch):
    import psc.installed

    monkeypatch.setattr(psc.installed, "source", lambda: "git+https://example.org/psc.git@0123abcd")
    assert run(runner, "init", "g", "--name", "Výbor").exit_code == 0
    readme = (home / "g" / "README.md").read_text(encoding="utf-8")
    assert 'pipx install "git+https://example.org/psc.git@v' in readme
    assert "<adresa" not in readme


# ---------------------------------------------------------------- git: the first commit


def test_init_makes_the_first_commit_so_that_diff_works(home, runner, monkeypatch):
    result = run(runner, "init", "zo", "--profile", "council", "--name", "Zastupitelstvo obce X")
    assert result.exit_code == 0, result.stderr
    root = home / "zo"
    assert "initialised a git repository in zo\n" in result.stderr
    sha = git(root, "rev-parse", "--short", "HEAD").strip()
    assert f"committed group.yaml README.md .gitignore schema meetings as {sha}\n" in result.stderr
    assert (
        git(root, "log", "--format=%an <%ae>") == "Jana Korytářová <jana.korytarova@example.org>\n"
    )
    committed = git(root, "ls-files").split()
    assert committed == [
        ".gitignore",
        "README.md",
        "group.yaml",
        "meetings/.gitkeep",
        "schema/group.schema.json",
        "schema/meeting.schema.json",
    ]
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""
    monkeypatch.chdir(root)
    assert run(runner, "new-meeting", "2026-01-15").exit_code == 0
    result = run(runner, "diff")
    assert result.exit_code == 0, result.stderr
    assert "2026-01-15" in result.stdout


def test_without_a_git_identity_the_new_repository_gets_psc_s(home, runner, monkeypatch):
    for name in (
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ):
        monkeypatch.delenv(name)
    result = run(runner, "init", "g", "--name", "Skupina")
    assert result.exit_code == 0, result.stderr
    root = home / "g"
    assert git(root, "log", "--format=%an <%ae>|%cn <%ce>") == (
        "psc <psc@localhost>|psc <psc@localhost>\n"
    )
    assert "this first commit's author is 'psc <psc@localhost>'" in result.stderr
    assert "git config --global user.email" in result.stderr
    configured = subprocess.run(
        ["git", "-C", str(root), "config", "user.name"], capture_output=True, text=True
    )
    assert configured.stdout == ""  # the identity was for that one commit, not configured


def test_a_repository_of_ones_own_without_commits_or_identity_is_left_to_its_owner(
    home, runner, monkeypatch
):
    for name in (
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ):
        monkeypatch.delenv(name)
    outer = home / "outer"
    outer.mkdir()
    git(outer, "init", "-q")
    result = run(runner, "init", "outer/g", "--name", "Skupina")
    assert result.exit_code == 0, result.stderr
    assert "note: nothing committed: git does not know who you are" in result.stderr
    assert "git add group.yaml README.md .gitignore schema meetings && git commit" in result.stderr
    has_head = subprocess.run(["git", "-C", str(outer), "rev-parse", "--verify", "-q", "HEAD"])
    assert has_head.returncode != 0


def test_a_repository_with_commits_gets_no_commit_of_psc(home, runner):
    outer = home / "outer"
    outer.mkdir()
    git(outer, "init", "-q")
    git(outer, "commit", "-q", "--allow-empty", "-m", "start")
    assert run(runner, "init", "outer/g", "--name", "Skupina").exit_code == 0
    assert git(outer, "rev-list", "--count", "HEAD").strip() == "1"
    assert not (outer / "g" / ".git").exists()


def test_without_git_the_files_are_written_and_the_commands_named(home, runner, monkeypatch):
    import psc.gitrepo

    monkeypatch.setattr(psc.gitrepo.shutil, "which", lambda name: None)
    result = run(runner, "init", "g", "--name", "Skupina")
    assert result.exit_code == 0, result.stderr
    assert (home / "g" / "group.yaml").is_file() and not (home / "g" / ".git").exists()
    assert "note: git is not installed" in result.stderr
    assert "git init && git add group.yaml README.md .gitignore schema meetings" in result.stderr


def test_editor_backups_are_not_committed(home, runner):
    assert run(runner, "init", "g", "--name", "Skupina").exit_code == 0
    root = home / "g"
    for name in ("group.yaml~", ".group.yaml.swp", ".#group.yaml", "#group.yaml#"):
        (root / name).write_text("backup", encoding="utf-8")
        (root / "meetings" / name).write_text("backup", encoding="utf-8")
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""


# ---------------------------------------------------------------- in Czech


def test_init_speaks_czech_for_a_czech_group(home, runner, speaking):
    result = run(runner, "init", "zo", "--profile", "council", "--name", "Zastupitelstvo obce X")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    sha = git(home / "zo", "rev-parse", "--short", "HEAD").strip()
    assert lines == [
        "zapsáno zo/group.yaml",
        "zapsáno zo/README.md",
        "zapsáno zo/.gitignore",
        "zapsáno zo/schema/",
        "vytvořeno zo/meetings/",
        "založen repozitář git v zo",
        f"uloženo do gitu jako {sha}: group.yaml README.md .gitignore schema meetings",
    ]
    subject = git(home / "zo", "log", "--format=%s")
    assert subject == (
        "Zastupitelstvo obce X: soubor skupiny, README, .gitignore a schémata (psc init)\n"
    )
    result = run(runner, "init", "y", "--profile", "concil", "--name", "X")
    assert result.stderr == "chyba: neznámý profil 'concil'; nemysleli jste 'council'?\n"


def test_init_speaks_english_for_an_english_group(home, runner, speaking):
    result = run(runner, "init", "b", "--name", "Board", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == "wrote b/group.yaml"


def test_a_new_meeting_file_of_an_english_group_has_no_czech_example(home, runner):
    """The scaffold's hint for an attendance note is in the group's language."""
    result = run(
        runner, "init", "tc", "--profile", "council", "--lang", "en", "--name", "Town Council"
    )
    assert result.exit_code == 0, result.stderr
    assert run(runner, "--root", "tc", "new-meeting", "2026-01-15").exit_code == 0
    text = (home / "tc" / "meetings" / "2026-01-15.yaml").read_text(encoding="utf-8")
    assert '"see the attendance sheet"' in text
    assert "prezenční" not in text
