"""The editing and review commands speak the group's language: approve, amend, tasks done,
comments add/settle, circulate, diff, log and import in Czech for a Czech group (the
project's own group file says `language: cs`), in English as before with --lang en; and
`psc log`/`psc diff` word who signed in their gender where the group file knows it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEED as SEED_TEXT
from conftest import run
from helpers import git_commit, git_init, isolate_git

SEED = "meetings/2016-09-07.yaml"


def unapproved(repo: Path) -> Path:
    """The seed without its approval (the draft it was before)."""
    path = repo / SEED
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\napproved_by:\n") + 1], encoding="utf-8")
    return path


def test_approve_and_amend_in_czech(repo, runner, speaking):
    unapproved(repo)
    result = run(runner, "approve", "2016-09-07", "--by", "František Kubeš", "--on", "2016-10-03")
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        r"2016-09-07: schváleno – František Kubeš, 2016-10-03 \(sha256:[0-9a-f]{32}\)\n",
        result.stdout,
    )
    result = run(runner, "approve", "2016-09-07", "--by", "David Koppitz")
    assert result.exit_code == 2
    assert result.stderr == (
        "chyba: zápis 2016-09-07 je již schválen (František Kubeš, 2016-10-03); "
        "pozdější změny zaznamenejte příkazem `psc amend`\n"
    )
    result = run(runner, "amend", "2016-09-07", "--by", "Jana Korytářová", "--reason", "oprava")
    assert result.exit_code == 2
    assert result.stderr == (
        "chyba: zápis 2016-09-07 se od schválení nezměnil; není co zaznamenat jako změnu\n"
    )
    result = run(runner, "--lang", "en", "amend", "2016-09-07", "--by", "J", "--reason", "x")
    assert result.stderr == (
        "error: 2016-09-07 has not changed since it was approved; there is nothing to amend\n"
    )


def test_approve_in_english_as_before(repo, runner, monkeypatch):
    unapproved(repo)
    result = run(runner, "approve", "2016-09-07", "--by", "František Kubeš", "--on", "2016-10-03")
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        r"2016-09-07: approved by František Kubeš on 2016-10-03 \(sha256:[0-9a-f]{32}\)\n",
        result.stdout,
    )


def test_tasks_done_in_czech(repo, runner, speaking):
    result = run(runner, "tasks", "done", "2016-09-07/1", "--on", "2016-12-01")
    assert result.exit_code == 0, result.output
    assert "2016-09-07/1: splněno dne 2016-12-01 (meetings/2016-09-07.yaml)" in result.stdout
    result = run(runner, "tasks", "done", "2016-09-07/1", "--on", "2016-12-01")
    assert result.exit_code != 0
    assert (
        "úkol 2016-09-07/1 je již ve stavu „splněno“ (od 2016-12-01); nic nebylo zapsáno"
        in result.stderr
    )
    result = run(runner, "tasks", "reopen", "2016-09-07/1", "--on", "2016-12-02")
    assert "2016-09-07/1: znovu otevřeno dne 2016-12-02" in result.stdout
    result = run(runner, "tasks", "cancel", "2016-09-07/9", "--on", "2016-12-02")
    assert result.exit_code == 2
    assert "chyba: neznámý úkol '2016-09-07/9'" in result.stderr
    result = run(runner, "--lang", "en", "tasks", "cancel", "2016-09-07/1", "--on", "2016-12-03")
    assert "2016-09-07/1: cancelled on 2016-12-03 (meetings/2016-09-07.yaml)" in result.stdout


def test_comments_add_and_settle_in_czech(repo, runner, speaking):
    unapproved(repo)
    said = []
    for args in (
        ["comments", "add", "2016-09-07", "--by", "Jana K.", "--text", "Ne.", "--on", "2016-09-20"],
        [
            "comments",
            "add",
            "2016-09-07",
            "--by",
            "D. K.",
            "--text",
            "Ne.",
            "--on",
            "2016-09-20",
            "--objection",
        ],
        ["approve", "2016-09-07", "--by", "František Kubeš", "--on", "2016-10-03"],
        ["comments", "settle", "2016-09-07", "1", "--accepted", "--on", "2016-10-01"],
        ["comments", "settle", "2016-09-07", "2", "--rejected", "--on", "2016-10-01"],
        [
            "comments",
            "settle",
            "2016-09-07",
            "2",
            "--rejected",
            "--note",
            "Ne",
            "--on",
            "2016-10-01",
        ],
        ["comments", "settle", "2016-09-07", "2", "--accepted", "--on", "2016-10-01"],
    ):
        result = run(runner, *args)
        said.append(result.output.strip())
    assert said == [
        "2016-09-07: připomínka 1 zaznamenána (otevřená)",
        "2016-09-07: námitka 2 zaznamenána (otevřená)",
        "chyba: zápis 2016-09-07 má otevřené připomínky (1, 2); vypořádejte je příkazem "
        "`psc comments settle`, nebo zápis schvalte přesto s --force (zaznamená se to)",
        "2016-09-07: připomínka 1 přijata dne 2016-10-01",
        "chyba: --rejected potřebuje odůvodnění: uveďte je v --note",
        "2016-09-07: připomínka 2 zamítnuta dne 2016-10-01",
        "chyba: připomínka 2 k zápisu 2016-09-07 je již vypořádána (zamítnuta, 2016-10-01)",
    ]
    result = run(runner, "--lang", "en", "comments", "settle", "2016-09-07", "2", "--accepted")
    assert result.stderr == (
        "error: comment 2 of 2016-09-07 is settled already (rejected, 2016-10-01)\n"
    )


def test_circulate_dry_run_notes_in_czech(repo, runner, speaking, tmp_path):
    unapproved(repo)
    out = tmp_path / "out"
    args = ["circulate", "2016-09-07", "--dry-run", "--on", "2016-09-20", "-o", str(out)]
    result = run(runner, *args)
    assert result.exit_code == 2
    assert result.stderr == (
        "chyba: žádný člen nemá e-mailovou adresu: doplňte členům v group.yaml `email` "
        "(nebo zadejte adresy v --to)\n"
    )
    group = repo / "group.yaml"
    text = group.read_text(encoding="utf-8")
    group.write_text(
        text.replace(
            "  - name: Jana Korytářová\n",
            "  - name: Jana Korytářová\n    email: jana.korytarova@mmr.cz\n",
        ),
        encoding="utf-8",
    )
    result = run(runner, *args)
    assert result.exit_code == 0, result.output
    assert "poznámka: David Koppitz nemá v group.yaml e-mailovou adresu; neodesílá se" in (
        result.stderr
    )
    assert (
        "Komu: jana.korytarova@mmr.cz; Předmět: Návrh zápisu z jednání PS pro SC dne "
        "7. 9. 2016 – připomínky do 27. 9. 2016; přílohy: 2016-09-07.pdf"
    ) in result.stderr
    result = run(runner, "--lang", "en", *args)
    assert "note: David Koppitz has no e-mail address in group.yaml; not sent to them" in (
        result.stderr
    )
    assert "To: jana.korytarova@mmr.cz; Subject: " in result.stderr


# ---------------------------------------------------------------------- diff, log


APPROVAL = "approved_by:\n  name: {name}\n  date: 2016-10-03\n"


@pytest.fixture
def history(repo, tmp_path, monkeypatch) -> Path:
    """The seed without its approval, committed in a git repository."""
    isolate_git(tmp_path, monkeypatch)
    unapproved(repo)
    git_init(repo)
    return repo


@pytest.mark.parametrize(
    ("name", "verb"),
    [
        ("František Kubeš", "schválil"),  # a man in the group file
        ("Jana Korytářová", "schválila"),  # a woman in the group file
        ("Alex Hrubý", "schváleno"),  # not a member: no gender known, no gender said
    ],
)
def test_diff_and_log_word_the_approver_in_their_gender(history, runner, speaking, name, verb):
    path = history / SEED
    with path.open("a", encoding="utf-8") as handle:
        handle.write(APPROVAL.format(name=name))
    result = run(runner, "diff", "2016-09-07")
    assert result.exit_code == 0, result.output
    person = name  # the record names no organisation
    assert f"+ Zápatí, {verb}: přidáno: {{+{person}, 3. 10. 2016+}}" in result.stdout
    git_commit(history, "Schváleno")
    result = run(runner, "log", "2016-09-07")
    assert result.exit_code == 0, result.output
    assert f"      + Zápatí, {verb}: {person}, 3. 10. 2016\n" in result.stdout
    assert "(a)" not in result.stdout
    result = run(runner, "log", "2016-09-07", "--lang", "en")
    assert f"      + Footer, approved by: {person}, " in result.stdout


def test_a_change_of_approver_between_genders_is_worded_without_gender(history, runner, speaking):
    path = history / SEED
    text = path.read_text(encoding="utf-8")
    path.write_text(text + APPROVAL.format(name="Jana Korytářová"), encoding="utf-8")
    git_commit(history, "Schválila Jana")
    path.write_text(text + APPROVAL.format(name="František Kubeš"), encoding="utf-8")
    result = run(runner, "diff", "2016-09-07")
    assert "~ Zápatí, schváleno: " in result.stdout


def test_the_record_s_own_gender_and_the_group_s_own_word(history, runner, speaking):
    path = history / SEED
    text = path.read_text(encoding="utf-8")
    path.write_text(text + APPROVAL.format(name="Alex Hrubá") + "  gender: female\n", "utf-8")
    result = run(runner, "diff", "2016-09-07")
    assert "+ Zápatí, schválila: přidáno: {+Alex Hrubá, 3. 10. 2016+}" in result.stdout
    group = history / "group.yaml"
    group.write_text(
        group.read_text(encoding="utf-8").replace(
            "labels:\n", "labels:\n  field_approved_by: schválení zápisu\n", 1
        ),
        encoding="utf-8",
    )
    result = run(runner, "diff", "2016-09-07")
    assert "+ Zápatí, schválení zápisu: přidáno: {+Alex Hrubá, 3. 10. 2016+}" in result.stdout


def test_diff_errors_in_czech(history, runner, speaking):
    result = run(runner, "diff", "--format", "xx")
    assert result.exit_code == 2
    assert result.stderr == "chyba: neznámý formát 'xx'; zvolte text, md, html, pdf nebo docx\n"


def test_log_of_an_invalid_version_in_czech(history, runner, speaking):
    path = history / SEED
    path.write_text(path.read_text(encoding="utf-8") + "unknown_key: 1\n", encoding="utf-8")
    git_commit(history, "Neplatný")
    result = run(runner, "log", "2016-09-07")
    assert "      + : neplatný soubor: meetings/2016-09-07.yaml" in result.stdout


# ---------------------------------------------------------------------- import


def test_import_errors_in_czech(repo, runner, speaking, tmp_path):
    fake = tmp_path / "zapis.pdf"
    fake.write_bytes(b"no pdf at all")
    result = run(runner, "import", str(fake))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{fake}:1:1: chyba: není to PDF (chybí hlavička %PDF)\n")
    undated = tmp_path / "zapis.txt"
    undated.write_text("Zápis\n\nPřítomni: Jana Korytářová\n", encoding="utf-8")
    result = run(runner, "import", str(undated))
    assert result.exit_code == 2
    assert result.stderr == (
        f"chyba: {undated}: datum jednání nenalezeno (hledáno v záhlaví, názvu a úvodních "
        "řádcích); zadejte je: psc import SOUBOR --date RRRR-MM-DD\n"
    )
    other = tmp_path / "zapis.rtf"
    other.write_text("x", encoding="utf-8")
    result = run(runner, "import", str(other))
    assert result.stderr == (
        "chyba: zapis.rtf nelze importovat: psc čte .docx, .htm, .html, .md, .odt, .pdf, .txt\n"
    )
    result = run(runner, "--lang", "en", "import", str(fake))
    assert result.stderr.startswith(f"{fake}:1:1: error: not a PDF (no %PDF header)\n")


def test_import_writes_its_comment_and_refusals_in_czech(repo, runner, speaking):
    result = run(runner, "import", str(SEED_TEXT), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "# Importováno ze souboru seed-2016-09-07.txt příkazem `psc import`: porovnejte jej "
        "s originálem.\n# Co psc nerozpoznal, zůstalo na svém místě jako prosté odstavce.\n"
    )
    result = run(runner, "import", str(SEED_TEXT))
    assert result.exit_code == 1
    assert (
        "meetings/2016-09-07.yaml již existuje; nic nebylo zapsáno (přepište jej s --force, "
        "nebo zapište jinam s -o)"
    ) in result.stderr
