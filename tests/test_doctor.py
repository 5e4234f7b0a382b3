"""psc doctor: what psc's commands need on this computer and in the repository, what each
missing part disables (one line per part, in the group's language), exit 1 when a part a
command needs is missing, JSON for machines."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from conftest import run
from helpers import isolate_git
from test_review import commit, git

from psc import doctor, gitrepo
from psc.archive import cache


def parts(result) -> dict[str, dict]:
    """The checkup's parts by their key, from `psc doctor --format json`'s output."""
    data = json.loads(result.stdout)
    return {p["part"]: p for p in data["parts"]}


@pytest.fixture
def git_repo(repo, tmp_path, monkeypatch):
    """The `repo` fixture's files committed to a fresh git repository (cwd: its root)."""
    isolate_git(tmp_path, monkeypatch)
    git(repo, "init", "-q")
    commit(repo, "Seed")
    return repo


@pytest.fixture
def everything(monkeypatch):
    """Git, WeasyPrint with Pango and DejaVu Sans, as this suite's machines have them
    (.ci/run installs Pango and DejaVu): probed for real, not faked."""
    missing = [] if shutil.which("git") else ["git"]
    try:
        doctor.pdf_engine()
    except Exception as exc:  # say why, never skip silently
        missing.append(f"WeasyPrint ({exc})")
    if "DejaVu Sans" not in doctor.czech_fonts():
        missing.append("DejaVu Sans (Debian: fonts-dejavu-core)")
    if missing:
        pytest.skip(f"not on this machine: {', '.join(missing)}")


def test_everything_present_in_a_repository_exits_0(runner, git_repo, everything):
    result = run(runner, "doctor")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "What psc needs on this computer"
    assert lines[1].split() == ["Part", "State", "Found", "Needed", "for"]
    for name in ("Python", "psc", "git", "PDF engine", "Fonts with Czech letters", "Group file"):
        assert any(line.startswith(name + " ") for line in lines[2:]), name
    assert "WeasyPrint " in result.stdout and ", Pango " in result.stdout
    assert "DejaVu Sans" in result.stdout
    assert f"git work tree             ok          {git_repo}" in result.stdout
    assert lines[-1] == "everything psc's commands need is present"
    found = parts(run(runner, "doctor", "--format", "json"))
    assert found["git"]["found"] == gitrepo.version()
    assert found["group"]["found"] == "group.yaml: Pracovní skupina pro Smart Cities"
    assert found["cache"]["state"] == "ok"


def test_without_smtp_settings_sending_is_said_to_write_drafts(runner, git_repo, everything):
    result = run(runner, "doctor")
    assert result.exit_code == 0  # no command fails for want of them
    assert "Sending e-mail (SMTP)     not set up  PSC_SMTP_HOST is not set" in result.stdout
    assert (
        "Sending e-mail (SMTP): remind --send and circulate --send would try a server on this "
        "computer (localhost:25); without --send both write drafts to send yourself "
        "(to add it: export PSC_SMTP_HOST=smtp.example.org PSC_SMTP_FROM=secretary@example.org)"
    ) in result.stdout


def test_smtp_settings_as_remind_reads_them(runner, git_repo, everything, monkeypatch):
    monkeypatch.setenv("PSC_SMTP_HOST", "smtp.obec.example")
    monkeypatch.setenv("PSC_SMTP_PORT", "587")
    smtp = parts(run(runner, "doctor", "--format", "json"))["smtp"]
    assert (smtp["state"], smtp["found"]) == (
        "optional",
        "smtp.obec.example:587, from psc@localhost",
    )
    assert smtp["effect"] == (
        "PSC_SMTP_FROM is not set: give the real sender with --from when sending"
    )
    monkeypatch.setenv("PSC_SMTP_FROM", "tajemnik@obec.example")
    monkeypatch.setenv("PSC_SMTP_PASSWORD", "secret")
    smtp = parts(run(runner, "doctor", "--format", "json"))["smtp"]
    assert smtp["state"] == "ok"
    assert smtp["found"] == (
        "smtp.obec.example:587, from tajemnik@obec.example, password set (for --smtp-user)"
    )
    assert "secret" not in json.dumps(smtp)
    monkeypatch.setenv("PSC_SMTP_PORT", "abc")
    result = run(runner, "doctor")
    assert result.exit_code == 1
    assert "PSC_SMTP_PORT 'abc': give a port number" in result.stdout
    assert result.stdout.splitlines()[-1] == "1 part missing: Sending e-mail (SMTP)"


def test_path_without_git_names_what_it_disables(
    runner, git_repo, everything, monkeypatch, tmp_path
):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run(runner, "doctor")
    assert result.exit_code == 1
    assert (
        "git: psc diff, psc log and validate --since cannot run; psc init makes no repository "
        "(to add it: Debian/Ubuntu: sudo apt install git · Fedora: sudo dnf install git · "
        "macOS: xcode-select --install)"
    ) in result.stdout
    assert "git                       missing     not found on PATH" in result.stdout
    assert "git work tree             missing     not checked: git is not installed" in (
        result.stdout
    )
    assert result.stdout.splitlines()[-1] == "2 parts missing: git, git work tree"
    # LibreOffice is not on that PATH either: said, but no command needs it
    office = parts(run(runner, "doctor", "--format", "json"))["libreoffice"]
    assert office["state"] == "optional"
    assert office["install"].startswith("Debian/Ubuntu: sudo apt install libreoffice-writer")


def test_weasyprint_not_installed(runner, git_repo, everything, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` fails
    result = run(runner, "doctor")
    assert result.exit_code == 1
    assert (
        "PDF engine                missing     the Python module weasyprint is not installed"
        in (result.stdout)
    )
    assert (
        "PDF engine: PDF minutes cannot be made: render --format pdf, diff --format pdf, "
        "circulate (to add it: reinstall psc with its dependencies: pip install "
    ) in result.stdout
    assert "psc[pdf]" not in result.stdout  # never a package of the public index
    assert result.stdout.splitlines()[-1] == "1 part missing: PDF engine"


def test_pango_not_loadable_names_the_system_packages(runner, git_repo, everything, monkeypatch):
    def no_pango():
        raise OSError("cannot load library 'libpango-1.0-0': error 0x7e")

    monkeypatch.setattr(doctor, "pdf_engine", no_pango)
    pdf = parts(run(runner, "doctor", "--format", "json"))["pdf"]
    assert pdf["state"] == "missing"
    assert pdf["found"] == (
        "WeasyPrint is installed but the Pango library cannot be loaded "
        "(cannot load library 'libpango-1.0-0': error 0x7e)"
    )
    assert pdf["install"] == (
        "Debian/Ubuntu: sudo apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 "
        "· Fedora: sudo dnf install pango · macOS: brew install pango"
    )


def test_a_broken_pdf_engine_is_a_line_not_a_traceback(runner, git_repo, everything, monkeypatch):
    def broken():
        raise RuntimeError("cffi: symbol not found")

    monkeypatch.setattr(doctor, "pdf_engine", broken)
    result = run(runner, "doctor")
    assert result.exit_code == 1
    assert "WeasyPrint cannot start (RuntimeError: cffi: symbol not found)" in result.stdout


def test_fonts(runner, git_repo, everything, monkeypatch):
    monkeypatch.setattr(doctor, "czech_fonts", lambda: [])
    result = run(runner, "doctor")
    assert result.exit_code == 1
    assert (
        "Fonts with Czech letters: PDF minutes print Czech letters (č, ř, ž) from a fallback "
        "font, or as empty boxes (to add it: Debian/Ubuntu: sudo apt install fonts-dejavu-core"
    ) in result.stdout
    monkeypatch.setattr(doctor, "czech_fonts", lambda: ["Liberation Sans", "Noto Sans"])
    fonts = parts(run(runner, "doctor", "--format", "json"))["fonts"]
    assert (fonts["state"], fonts["found"]) == (
        "ok",
        "2 fonts, but not DejaVu Sans, which the PDF asks for first",
    )


def test_czech_fonts_without_fontconfig_are_looked_for_in_the_font_folders(monkeypatch, tmp_path):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no fc-list
    fonts = tmp_path / "fonts"
    (fonts / "truetype" / "dejavu").mkdir(parents=True)
    monkeypatch.setattr(doctor, "FONT_DIRS", (str(tmp_path / "none"), str(fonts)))
    assert doctor.czech_fonts() == []
    (fonts / "truetype" / "dejavu" / "DejaVuSans.ttf").write_bytes(b"")
    assert doctor.czech_fonts() == ["DejaVu Sans"]


def test_json_shape(runner, git_repo, everything):
    result = run(runner, "doctor", "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == {"ok", "parts"}
    assert data["ok"] is True
    keys = [p["part"] for p in data["parts"]]
    assert keys == [
        "python",
        "psc",
        "git",
        "pdf",
        "fonts",
        "libreoffice",
        "smtp",
        "group",
        "work_tree",
        "cache",
    ]
    for part in data["parts"]:
        assert set(part) == {"part", "name", "state", "found", "needed_for", "effect", "install"}
        assert part["state"] in ("ok", "missing", "invalid", "optional")
        assert isinstance(part["needed_for"], list)
        if part["state"] == "ok":
            assert part["effect"] == part["install"] == ""
    assert parts(result)["git"]["needed_for"] == ["diff", "log", "validate --since", "init"]


def test_outside_a_repository_says_so(runner, tmp_path, monkeypatch, everything):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "doctor")
    assert result.exit_code == 0
    assert "none here: run psc doctor inside a minutes repository to check it too" in result.stdout
    assert "Group file" not in result.stdout


def test_the_repository_parts(runner, repo, everything, monkeypatch, tmp_path):
    result = run(runner, "doctor")  # `repo` is no git work tree
    assert result.exit_code == 1
    assert (
        "git work tree: psc diff, psc log and validate --since cannot run; nothing keeps the "
        "history (to add it: git init && git add -A && git commit -m 'Minutes')"
    ) in result.stdout
    assert "Cache                     ok          not made yet" in result.stdout
    run(runner, "list")
    assert parts(run(runner, "doctor", "--format", "json"))["cache"]["found"] == (
        ".psc-cache/ ready"
    )
    monkeypatch.setenv("PSC_NO_CACHE", "1")
    found = parts(run(runner, "doctor", "--format", "json"))["cache"]
    assert (found["state"], found["found"]) == ("optional", "off (PSC_NO_CACHE is set)")
    (repo / "group.yaml").write_text("name: [\n", encoding="utf-8")
    group = parts(run(runner, "doctor", "--format", "json"))["group"]
    assert group["state"] == "invalid"
    assert group["found"].startswith("group.yaml:2:1: error: ")
    assert group["install"] == "correct it: psc validate lists every problem"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run(runner, "--root", str(elsewhere), "doctor", "--format", "json")
    assert result.exit_code == 1
    group = parts(result)["group"]
    assert (group["state"], group["install"]) == ("missing", "psc init")
    assert group["found"].endswith("elsewhere holds no group.yaml")


def test_czech_in_a_czech_group_english_on_request(runner, git_repo, everything, speaking):
    result = run(runner, "doctor")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Co psc potřebuje na tomto počítači"
    assert lines[1].split() == ["Součást", "Stav", "Nalezeno", "Potřebují", "ji"]
    assert "Písma s českými znaky     v pořádku" in result.stdout
    assert "Odesílání e-mailů (SMTP)  nenastaveno  PSC_SMTP_HOST není nastavena" in result.stdout
    assert "bez --send oba příkazy zapíší koncepty k ručnímu odeslání" in result.stdout
    assert lines[-1] == "vše, co příkazy psc potřebují, je k dispozici"
    result = run(runner, "--lang", "en", "doctor")
    assert result.stdout.splitlines()[-1] == "everything psc's commands need is present"


def test_czech_missing_parts_and_plural(
    runner, git_repo, everything, speaking, monkeypatch, tmp_path
):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run(runner, "doctor")
    assert result.exit_code == 1
    assert (
        "git: psc diff, psc log a validate --since nelze spustit; psc init nezaloží repozitář "
        "gitu (jak doplnit: Debian/Ubuntu: sudo apt install git"
    ) in result.stdout
    assert result.stdout.splitlines()[-1] == "chybí 2 součásti: git, Pracovní strom gitu"
    data = json.loads(run(runner, "doctor", "--format", "json").stdout)
    assert data["parts"][2]["part"] == "git"  # keys and states stay English
    assert data["parts"][2]["state"] == "missing"
    assert data["parts"][2]["name"] == "git"


def test_outside_a_repository_the_locale_decides(
    runner, tmp_path, monkeypatch, everything, speaking
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "cs_CZ.UTF-8")
    result = run(runner, "doctor")
    assert "zde žádný: spusťte psc doctor v repozitáři zápisů" in result.stdout


def test_an_unknown_format_is_a_usage_error(runner, repo):
    result = run(runner, "doctor", "--format", "xml")
    assert result.exit_code == 2
    assert "unknown format 'xml'; choose table or json" in result.output


def test_git_version():
    if shutil.which("git") is None:
        assert gitrepo.version() is None
    else:
        version = gitrepo.version()
        assert version is not None and version[0].isdigit()


def test_cache_health_changes_nothing(tmp_path):
    assert cache.health(tmp_path) == "missing"
    assert not (tmp_path / cache.CACHE_DIR).exists()
    (tmp_path / cache.CACHE_DIR).mkdir()
    (tmp_path / cache.CACHE_DIR / cache.DB_FILE).write_bytes(b"not a database")
    assert cache.health(tmp_path) == "bad"
    assert (tmp_path / cache.CACHE_DIR / cache.DB_FILE).read_bytes() == b"not a database"
    (tmp_path / cache.CACHE_DIR / cache.DB_FILE).unlink()
    assert cache.connect(tmp_path / cache.CACHE_DIR / cache.DB_FILE, "k", create=True)
    assert cache.health(tmp_path) == "ready"
    with sqlite3.connect(tmp_path / cache.CACHE_DIR / cache.DB_FILE) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()


def test_checkup_exit_code_follows_the_parts():
    fine = doctor.Part("git", "git", doctor.OK, "2.39.5")
    optional = doctor.Part("smtp", "SMTP", doctor.OPTIONAL, "not set")
    assert doctor.Checkup([fine, optional]).exit_code == 0
    missing = doctor.Part("pdf", "PDF", doctor.MISSING, "none", ("circulate",), "no PDF")
    assert doctor.Checkup([fine, missing]).exit_code == 1
    invalid = doctor.Part("group", "Group file", doctor.INVALID, "bad")
    assert doctor.Checkup([invalid]).exit_code == 1
    assert doctor.Checkup([fine, missing]).advice() == ["PDF: no PDF"]


def test_python_and_psc_are_always_reported():
    assert doctor.python_part().state == doctor.OK
    found = doctor.psc_part().found
    assert found.startswith(__import__("psc").__version__ + ", ")


def test_a_repository_at_a_commit_is_named_as_such(monkeypatch, tmp_path):
    """pip's record of `pip install git+file:///srv/psc@<commit>` (a local repository, as the
    install guide's check does it): the repository at its commit, not the folder; installed
    by pipx, the command that replaces it."""
    from importlib import metadata

    from psc import installed

    class Recorded:
        def read_text(self, name):
            return json.dumps(
                {"url": "file:///srv/psc", "vcs_info": {"vcs": "git", "commit_id": "de330ed"}}
            )

    monkeypatch.setattr(metadata, "distribution", lambda name: Recorded())
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    assert installed.source() == "git+file:///srv/psc@de330ed"
    assert installed.install_command("pdf") == (
        "pip install 'psc[pdf] @ git+file:///srv/psc@de330ed'"
    )
    (tmp_path / "pipx_metadata.json").write_text("{}", encoding="utf-8")
    assert installed.install_command("pdf") == (
        "pipx install --force 'git+file:///srv/psc@de330ed'"
    )


def test_the_install_guide_names_the_packages_doctor_names():
    """docs/en/install.md and docs/cs/install.md list the same system packages as psc doctor's
    advice, and install with pipx at a release."""
    import re

    root = Path(__file__).resolve().parents[1]
    for page in ("docs/en/install.md", "docs/cs/install.md"):
        text = (root / page).read_text(encoding="utf-8")
        for how in doctor.PACKAGES.values():
            for package in re.findall(r"(?:apt|dnf|brew) install (?:--cask )?([^·]+)", how):
                for name in package.split():
                    assert name in text, (page, name)
        assert 'pipx install "git+' in text and "@v0.2.0" in text
        assert "pipx install ./psc" in text and "psc doctor" in text
