"""Review of minute edits against real git repositories: diff, log, approve, amend, validate.

Every test runs git for real, in a temporary repository isolated from the user's git
configuration (no global or system config, fixed identities and dates, HOME in tmp).
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run
from helpers import isolate_git  # one place for git's isolation (also used via this module)

SEED_REL = "meetings/2016-09-07.yaml"
SEED_TITLE = "1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)"
_SEED_TEXT = (Path(__file__).resolve().parents[1] / SEED_REL).read_text(encoding="utf-8")
APPROVED_BY = _SEED_TEXT[_SEED_TEXT.index("\napproved_by:\n") + 1 :]
"""The seed's approval block, as the project's own seed records it (its last lines)."""
SEED_FP = re.fullmatch(
    r"approved_by:\n  name: František Kubeš\n  organisation: MMR\n  date: 2016-10-03\n"
    r"  fingerprint: (sha256:[0-9a-f]{16})\n",
    APPROVED_BY,
).group(1)
NEW_MEETING = (
    "number: 2\n"
    "title: 2. jednání PS pro SC\n"
    "date: 2016-11-15\n"
    'start: "13:00"\n'
    'end: "15:00"\n'
    "items:\n"
    "  - number: 1\n"
    "    title: Zahájení\n"
    "    content:\n"
    "      - Jednání zahájil David Koppitz.\n"
)


# ---------------------------------------------------------------------- helpers


def git(cwd: Path, *args: str, **env: str) -> str:
    """Run git in `cwd` (with the test's isolated environment, plus `env`); its stdout."""
    import os

    result = subprocess.run(
        ["git", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **env},
        check=False,
    )
    assert result.returncode == 0, f"git {' '.join(args)} failed: {result.stderr}"
    return result.stdout


def commit(
    root: Path, message: str, *, date: str = "2016-10-03T12:00:00+02:00", author: str | None = None
) -> str:
    """Stage everything and commit; the new commit's sha."""
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    if author is not None:
        env["GIT_AUTHOR_NAME"] = author
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, **env)
    return git(root, "rev-parse", "HEAD").strip()


@pytest.fixture
def git_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate_git(tmp_path, monkeypatch)
    return tmp_path


@pytest.fixture
def git_repo(repo: Path, git_env: Path) -> Path:
    """The `repo` fixture's files committed to a fresh git repository (cwd: its root)."""
    git(repo, "init", "-q")
    commit(repo, "Seed", date="2016-10-03T12:00:00+02:00")
    assert git(repo, "status", "--porcelain") == ""
    return repo


def seed(root: Path) -> Path:
    return root / SEED_REL


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def fingerprint_position(path: Path) -> tuple[int, int]:
    """1-based line and column of the value of the (last) fingerprint in the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    line = max(i for i, text in enumerate(lines) if re.match(r"\s+fingerprint: ", text)) + 1
    col = lines[line - 1].index("sha256:") + 1
    return line, col


def one_line_error(result) -> str:
    """The single line a failing command printed (on stderr), with nothing on stdout."""
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# ---------------------------------------------------------------------- 1. a change to approved minutes


def test_deadline_change_text_diff(git_repo, runner):
    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    result = run(runner, "diff", "2016-09-07")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "meetings/2016-09-07.yaml (HEAD → pracovní kopie)\n"
        "~ Úkol 2016-09-07/3, termín: [-1. 11. 2016-] → {+30. 11. 2016+}\n"
    )


def test_deadline_change_markdown_diff(git_repo, runner):
    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    result = run(runner, "diff", "2016-09-07", "--format", "md")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "### `meetings/2016-09-07.yaml` (HEAD → pracovní kopie)\n"
        "\n"
        "- **Úkol 2016-09-07/3, termín**: ~~1. 11. 2016~~ → **30. 11. 2016**\n"
        "\n"
    )


def test_deadline_change_html_redline(git_repo, runner):
    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    result = run(runner, "diff", "2016-09-07", "--format", "html", "-o", "d.html")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == "wrote d.html\n"
    page = (git_repo / "d.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="cs">\n<head>\n<meta charset="utf-8">\n')
    assert f"<title>Zápis: {SEED_TITLE}</title>" in page
    assert "<body>" in page
    assert page.endswith("</body>\n</html>\n")
    # the summary marks the whole dates
    assert "Úkol 2016-09-07/3, termín: <del>1. 11. 2016</del> → <ins>30. 11. 2016</ins>" in page
    # the rendered minutes mark the change in the task's line, the rest unmarked
    task_lines = [
        line
        for line in page.splitlines()
        if line.startswith('<li data-task-id="2016-09-07/3">Poslat informace')
    ]
    assert len(task_lines) == 1
    assert "<del>" in task_lines[0] and "<ins>" in task_lines[0]
    assert re.search(r"<del>[^<]*1\.[^<]*</del>", task_lines[0])
    assert re.search(r"<ins>[^<]*30\.[^<]*</ins>", task_lines[0])
    assert "11. 2016" in task_lines[0]
    marked = [line for line in page.splitlines() if "<ins>" in line or "<del>" in line]
    assert len(marked) == 2  # the summary and the task, nothing else


def test_deadline_change_breaks_the_approval_until_amended(git_repo, runner):
    path = seed(git_repo)
    edit(path, "deadline: 2016-11-01", "deadline: 2016-11-30")
    line, col = fingerprint_position(path)

    result = run(runner, "validate")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert re.fullmatch(
        rf"meetings/2016-09-07\.yaml:{line}:{col}: error: approved_by\.fingerprint: the approved minutes "
        r"have changed \(content sha256:[0-9a-f]{16}, approved "
        + re.escape(SEED_FP)
        + r"\); undo the change "
        r"or record it with `psc amend 2016-09-07 --by NAME --reason TEXT`",
        lines[0],
    ), lines[0]
    assert lines[1] == "1 error in 1 file"

    result = run(
        runner,
        "amend",
        "2016-09-07",
        "--by",
        "Jana Korytářová",
        "--reason",
        "Oprava",
        "--on",
        "2016-12-01",
    )
    assert result.exit_code == 0, result.output
    recorded = re.fullmatch(
        r"2016-09-07: amendment recorded \((sha256:[0-9a-f]{32})\)\n", result.stdout
    )
    assert recorded, result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.endswith(
        APPROVED_BY + "amendments:\n"
        "  - date: 2016-12-01\n"
        "    by: Jana Korytářová\n"
        "    reason: Oprava\n"
        f"    fingerprint: {recorded.group(1)}\n"
    )

    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    assert result.stdout == "ok: 2 files valid\n"

    md = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-")
    assert md.exit_code == 0, md.output
    assert "**Změny po schválení:**" in md.stdout
    assert "- 1. 12. 2016, Jana Korytářová: Oprava" in md.stdout
    assert "– T: 30. 11. 2016" in md.stdout
    assert "– návrh" not in md.stdout
    html = run(runner, "render", "2016-09-07", "--format", "html", "-o", "-")
    assert html.exit_code == 0, html.output
    assert "<h2>Změny po schválení</h2>" in html.stdout
    assert "Oprava" in html.stdout


def test_log_after_committing_the_amended_change(git_repo, runner):
    seed_sha = git(git_repo, "rev-parse", "HEAD").strip()
    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    result = run(
        runner,
        "amend",
        "2016-09-07",
        "--by",
        "Jana Korytářová",
        "--reason",
        "Oprava",
        "--on",
        "2016-12-01",
    )
    assert result.exit_code == 0, result.output
    sha = commit(
        git_repo,
        "Posunout termín úkolu 3",
        date="2016-12-01T09:30:00+01:00",
        author="František Kubeš",
    )

    result = run(runner, "log", "2016-09-07")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "meetings/2016-09-07.yaml\n"
        f"  {sha[:10]}  2016-12-01  František Kubeš: Posunout termín úkolu 3\n"
        "      ~ Úkol 2016-09-07/3, termín: 1. 11. 2016 → 30. 11. 2016\n"
        "      + Zápatí, Změny po schválení: 1. 12. 2016, Jana Korytářová: Oprava\n"
        f"  {seed_sha[:10]}  2016-10-03  Jana Korytářová: Seed\n"
        f"      + Jednání: {SEED_TITLE}\n"
    )
    # after the commit, the working tree is the same as HEAD
    result = run(runner, "diff")
    assert result.exit_code == 0
    assert result.stdout == ""


# ---------------------------------------------------------------------- 2. formatting is no change


def _reformat(text: str) -> str:
    """The same data in other words: quotes, a folded block as one line, re-indentation, a comment."""
    plain = "place: Akademie veřejného investování, Pařížská 4, Ministerstvo pro místní rozvoj, Praha 1\n"
    assert plain in text
    text = text.replace(
        plain,
        'place: "Akademie veřejného investování, Pařížská 4, Ministerstvo pro místní '
        'rozvoj, Praha 1"\n',
    )
    folded = (
        "      - >-\n"
        "        Bylo zároveň poukázáno na potřebu sjednotit pohled na koncept SC, připomenut byl i apel na\n"
        "        průřezovost agend a dopad konceptu SC na další významné národní strategie.\n"
    )
    assert folded in text
    text = text.replace(
        folded,
        '      - "Bylo zároveň poukázáno na potřebu sjednotit pohled na koncept SC, '
        "připomenut byl i apel na průřezovost agend a dopad konceptu SC na další "
        'významné národní strategie."\n',
    )
    single = "      - David Koppitz, ředitel odboru regionální politiky, zahájil jednání pracovní skupiny.\n"
    assert single in text
    text = text.replace(
        single,
        "      - 'David Koppitz, ředitel odboru regionální politiky, zahájil jednání "
        "pracovní skupiny.'\n",
    )
    recorded = "recorded_by:\n  name: Jana Korytářová\n  organisation: MMR\n  date: 2016-09-27\n"
    assert recorded in text
    text = text.replace(
        recorded,
        "recorded_by:\n    name: Jana Korytářová  # zapisovatelka\n"
        "    organisation: MMR\n    date: 2016-09-27\n",
    )
    return text


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_formatting_only_edits_are_no_change(git_repo, runner, crlf):
    path = seed(git_repo)
    original = path.read_bytes()
    text = _reformat(path.read_text(encoding="utf-8"))
    if crlf:
        text = text.replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes() != original
    assert (b"\r\n" in path.read_bytes()) == crlf
    assert git(git_repo, "status", "--porcelain") == f" M {SEED_REL}\n"  # git sees a change

    expected = "meetings/2016-09-07.yaml (HEAD → pracovní kopie)\n  beze změn obsahu\n"
    result = run(runner, "diff", "2016-09-07")
    assert result.exit_code == 0, result.output
    assert result.stdout == expected
    result = run(runner, "diff")
    assert result.exit_code == 0, result.output
    assert result.stdout == expected
    result = run(runner, "diff", "--format", "md")
    assert (
        result.stdout
        == "### `meetings/2016-09-07.yaml` (HEAD → pracovní kopie)\n\n- beze změn obsahu\n\n"
    )

    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    assert result.stdout == "ok: 2 files valid\n"


def test_formatting_only_commit_is_no_change_in_log(git_repo, runner):
    path = seed(git_repo)
    path.write_bytes(
        _reformat(path.read_text(encoding="utf-8")).replace("\n", "\r\n").encode("utf-8")
    )
    sha = commit(git_repo, "Přeformátovat", date="2016-10-10T10:00:00+02:00")
    result = run(runner, "log", "2016-09-07")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "meetings/2016-09-07.yaml",
        f"  {sha[:10]}  2016-10-10  Jana Korytářová: Přeformátovat",
        "      (beze změn obsahu)",
    ]


# ---------------------------------------------------------------------- 3. what diff finds


def test_diff_without_names_lists_every_changed_meeting_and_untracked_ones(git_repo, runner):
    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    (git_repo / "meetings" / "2016-11-15.yaml").write_text(NEW_MEETING, encoding="utf-8")
    (git_repo / "notes.yaml").write_text("not: a meeting\n", encoding="utf-8")  # outside meetings/
    assert "?? meetings/2016-11-15.yaml" in git(git_repo, "status", "--porcelain")
    result = run(runner, "diff")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "meetings/2016-09-07.yaml (HEAD → pracovní kopie)\n"
        "~ Úkol 2016-09-07/3, termín: [-1. 11. 2016-] → {+30. 11. 2016+}\n"
        "meetings/2016-11-15.yaml (HEAD → pracovní kopie)\n"
        "+ Jednání: přidáno: {+2. jednání PS pro SC+}\n"
    )


def test_diff_without_changes_prints_nothing(git_repo, runner):
    result = run(runner, "diff")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_diff_between_two_commits_with_added_and_removed_meeting(git_repo, runner):
    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    new = git_repo / "meetings" / "2016-11-15.yaml"
    new.write_text(NEW_MEETING, encoding="utf-8")
    second = commit(git_repo, "Druhé jednání", date="2016-11-16T10:00:00+01:00")
    new.unlink()
    third = commit(git_repo, "Bez druhého jednání", date="2016-11-17T10:00:00+01:00")

    result = run(runner, "diff", "--from", "HEAD~2", "--to", "HEAD~1")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "meetings/2016-09-07.yaml (HEAD~2 → HEAD~1)\n"
        "~ Úkol 2016-09-07/3, termín: [-1. 11. 2016-] → {+30. 11. 2016+}\n"
        "meetings/2016-11-15.yaml (HEAD~2 → HEAD~1)\n"
        "+ Jednání: přidáno: {+2. jednání PS pro SC+}\n"
    )

    result = run(runner, "diff", "--from", second, "--to", third)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"meetings/2016-11-15.yaml ({second} → {third})\n"
        "- Jednání: odstraněno: [-2. jednání PS pro SC-]\n"
    )

    # named, and absent at the old revision: added
    result = run(runner, "diff", "2016-11-15", "--from", "HEAD~2", "--to", "HEAD~1")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "meetings/2016-11-15.yaml (HEAD~2 → HEAD~1)\n+ Jednání: přidáno: {+2. jednání PS pro SC+}\n"
    )
    # named, and absent in the working tree: removed
    result = run(runner, "diff", "2016-11-15", "--from", "HEAD~1")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "meetings/2016-11-15.yaml (HEAD~1 → pracovní kopie)\n"
        "- Jednání: odstraněno: [-2. jednání PS pro SC-]\n"
    )
    # the markdown form of added and removed
    result = run(
        runner, "diff", "--from", "HEAD~2", "--to", "HEAD~1", "2016-11-15", "--format", "md"
    )
    assert "- **Jednání**: přidáno: **2. jednání PS pro SC**" in result.stdout
    result = run(runner, "diff", "--from", "HEAD~1", "2016-11-15", "--format", "md")
    assert "- **Jednání**: odstraněno: ~~2. jednání PS pro SC~~" in result.stdout


def test_diff_meeting_deleted_in_working_tree(git_repo, runner):
    seed(git_repo).unlink()
    result = run(runner, "diff")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "meetings/2016-09-07.yaml (HEAD → pracovní kopie)\n"
        f"- Jednání: odstraněno: [-{SEED_TITLE}-]\n"
    )


def test_diff_content_changes_in_minutes_terms(git_repo, runner):
    path = seed(git_repo)
    # an agenda item's paragraph reworded
    edit(
        path,
        "David Koppitz informoval o aktuálních akcích",
        "David Koppitz stručně informoval o plánovaných akcích",
    )
    # a statement added
    edit(
        path,
        "      - by: MV\n",
        '      - by: MD\n        text: "MD doplnilo informace o projektu C-Roads."\n'
        "      - by: MV\n",
    )
    # the last task's responsible body MMR -> MŽP (an organisation group.yaml knows), and a task added
    old_task = (
        "  - text: Zorganizovat jednání MMR a MŽP k popsání a vyjasnění překryvu agend MA21 a Smart Cities\n"
        "    deadline: next meeting\n"
        "    responsible: MMR\n"
    )
    edit(
        path,
        old_task,
        old_task.replace("responsible: MMR", "responsible: MŽP")
        + "  - text: Připravit přehled příkladů dobré praxe\n    deadline: 2017-02-01\n    responsible: MMR\n",
    )
    assert "  MŽP: Ministerstvo životního prostředí\n" in (git_repo / "group.yaml").read_text(
        encoding="utf-8"
    )

    result = run(runner, "diff", "2016-09-07")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "meetings/2016-09-07.yaml (HEAD → pracovní kopie)\n"
        "+ Bod 2 – Diskuze klíčových činností Pracovní skupiny pro Smart Cities: přidáno: "
        "{+MD doplnilo informace o projektu C-Roads.+}\n"
        "~ Bod 7 – Informace o pořádaných akcích: David Koppitz{+ stručně+} informoval o "
        "[-aktuálních-]{+plánovaných+} akcích s tematikou Smart Cities, které budou v nejbližší době "
        "probíhat (viz příložená prezentace).\n"
        "~ Úkol 2016-09-07/5, odpovídá: [-MMR-] → {+MŽP+}\n"
        "+ Úkol 2016-09-07/6: přidáno: {+Připravit přehled příkladů dobré praxe+}\n"
    )
    md = run(runner, "diff", "2016-09-07", "--format", "md")
    assert (
        "- **Bod 7 – Informace o pořádaných akcích**: David Koppitz **stručně** informoval o "
        "~~aktuálních~~**plánovaných** akcích"
    ) in md.stdout
    assert "- **Úkol 2016-09-07/5, odpovídá**: ~~MMR~~ → **MŽP**" in md.stdout


def test_diff_task_removed(git_repo, runner):
    old_task = (
        "  - text: Zorganizovat jednání MMR a MŽP k popsání a vyjasnění překryvu agend MA21 a Smart Cities\n"
        "    deadline: next meeting\n"
        "    responsible: MMR\n"
    )
    edit(seed(git_repo), old_task, "")
    result = run(runner, "diff", "2016-09-07")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "meetings/2016-09-07.yaml (HEAD → pracovní kopie)\n"
        "- Úkol 2016-09-07/5: odstraněno: "
        "[-Zorganizovat jednání MMR a MŽP k popsání a vyjasnění překryvu agend MA21 a Smart Cities-]\n"
    )


def test_diff_task_status_change_by_tasks_done(git_repo, runner):
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10")
    assert result.exit_code == 0, result.output
    result = run(runner, "diff", "2016-09-07")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "meetings/2016-09-07.yaml (HEAD → pracovní kopie)\n"
        "~ Úkol 2016-09-07/3, stav: [-otevřený-] → {+splněno 10. 11. 2016+}\n"
    )


# ---------------------------------------------------------------------- 4. errors


def test_diff_outside_a_git_repository(repo, git_env, runner, monkeypatch):
    plain = git_env / "not-in-git"
    shutil.copytree(repo, plain)
    monkeypatch.chdir(plain)
    assert (
        subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"], cwd=plain, capture_output=True
        ).returncode
        != 0
    )
    for args in (["diff"], ["diff", "2016-09-07"], ["log"]):
        result = run(runner, *args)
        assert result.exit_code == 1, args
        assert one_line_error(result) == f"error: {plain.resolve()} is not in a git repository"


def test_diff_unknown_revision(git_repo, runner):
    result = run(runner, "diff", "--from", "nope")
    assert result.exit_code == 1
    assert one_line_error(result) == "error: unknown revision 'nope'"
    result = run(runner, "diff", "2016-09-07", "--to", "nope")
    assert result.exit_code == 1
    assert one_line_error(result) == "error: unknown revision 'nope'"


def test_repository_without_commits(repo, git_env, runner):
    git(repo, "init", "-q")
    for args in (["diff"], ["diff", "2016-09-07"], ["log", "2016-09-07"]):
        result = run(runner, *args)
        assert result.exit_code == 1, (args, result.output)
        assert one_line_error(result).startswith("error: "), args
    git(repo, "add", "-A")  # staged but still no commit
    result = run(runner, "diff")
    assert result.exit_code == 1
    assert one_line_error(result).startswith("error: ")


# ---------------------------------------------------------------------- 5. shallow clones


@pytest.fixture
def shallow(git_repo, git_env, monkeypatch) -> tuple[Path, str]:
    """A depth-1 clone of a two-commit history (seed; deadline moved), as cwd."""
    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    sha = commit(
        git_repo, "Posunout termín", date="2016-11-02T10:00:00+01:00", author="František Kubeš"
    )
    clone = git_env / "shallow"
    git(git_env, "clone", "-q", "--depth", "1", git_repo.as_uri(), str(clone))
    assert (clone / ".git" / "shallow").is_file()
    assert git(clone, "rev-list", "--count", "HEAD").strip() == "1"
    monkeypatch.chdir(clone)
    return clone, sha


def test_shallow_clone_diff_and_log(shallow, runner):
    clone, sha = shallow
    result = run(runner, "diff")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    result = run(runner, "log", "2016-09-07")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        "meetings/2016-09-07.yaml",
        f"  {sha[:10]}  2016-11-02  František Kubeš: Posunout termín",
    ]
    assert (
        sum(
            1
            for line in result.stdout.splitlines()
            if line.startswith("  ") and not line.startswith("    ")
        )
        == 1
    )
    # the parent is not in the clone: a one-line error, no traceback
    result = run(runner, "diff", "--from", "HEAD~1")
    assert result.exit_code == 1
    assert one_line_error(result) == "error: unknown revision 'HEAD~1'"


def test_shallow_clone_with_uncommitted_changes(shallow, runner):
    clone, sha = shallow
    edit(seed(clone), "deadline: 2016-11-30", "deadline: 2016-12-15")
    (clone / "meetings" / "2016-11-15.yaml").write_text(NEW_MEETING, encoding="utf-8")
    result = run(runner, "diff")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "meetings/2016-09-07.yaml (HEAD → pracovní kopie)\n"
        "~ Úkol 2016-09-07/3, termín: [-30. 11. 2016-] → {+15. 12. 2016+}\n"
        "meetings/2016-11-15.yaml (HEAD → pracovní kopie)\n"
        "+ Jednání: přidáno: {+2. jednání PS pro SC+}\n"
    )
    result = run(runner, "diff", "2016-09-07", "--format", "md")
    assert "~~30. 11. 2016~~ → **15. 12. 2016**" in result.stdout
    # log shows only what was committed
    result = run(runner, "log", "2016-09-07")
    assert result.exit_code == 0, result.output
    assert (
        f"  {sha[:10]}  2016-11-02  František Kubeš: Posunout termín" in result.stdout.splitlines()
    )
    assert "15. 12. 2016" not in result.stdout
    # the untracked meeting has no history yet
    result = run(runner, "log", "2016-11-15")
    assert result.exit_code == 0, result.output
    assert result.stdout == "meetings/2016-11-15.yaml\n"


def test_shallow_clone_log_does_not_claim_the_edge_commit_added_the_meeting(shallow, runner):
    """The clone's only commit moved a deadline; its parent is cut off, not absent. psc must not
    report that this commit created the meeting (as it would for a true root commit)."""
    clone, sha = shallow
    result = run(runner, "log", "2016-09-07")
    assert result.exit_code == 0, result.output
    assert (
        f"  {sha[:10]}  2016-11-02  František Kubeš: Posunout termín" in result.stdout.splitlines()
    )
    assert f"+ Jednání: {SEED_TITLE}" not in result.stdout, result.stdout


# ---------------------------------------------------------------------- 6. approval


@pytest.fixture
def unapproved(git_repo) -> tuple[Path, str]:
    """The seed without its approval, committed; (path, the original approved text)."""
    path = seed(git_repo)
    original = path.read_text(encoding="utf-8")
    assert original.endswith(APPROVED_BY)
    path.write_text(original[: -len(APPROVED_BY)], encoding="utf-8")
    commit(git_repo, "Návrh zápisu", date="2016-09-27T10:00:00+02:00")
    return path, original


def test_approve_is_a_minimal_edit(unapproved, runner):
    path, original = unapproved
    before = path.read_text(encoding="utf-8")
    result = run(runner, "approve", "2016-09-07", "--by", "František Kubeš", "--on", "2016-10-03")
    assert result.exit_code == 0, result.output
    written = re.fullmatch(
        r"2016-09-07: approved by František Kubeš on 2016-10-03 \((sha256:[0-9a-f]{32})\)\n",
        result.stdout,
    )
    assert written, result.stdout
    # the seed's approval, with a fingerprint of 32 digits (which covers the record itself;
    # the seed's 16 digits, of earlier versions, do not)
    approved_by = APPROVED_BY.replace(SEED_FP, written.group(1))
    after = path.read_text(encoding="utf-8")

    # only the approved_by lines are new; every other line is byte-identical
    before_lines, after_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    ops = [
        op
        for op in difflib.SequenceMatcher(
            None, before_lines, after_lines, autojunk=False
        ).get_opcodes()
        if op[0] != "equal"
    ]
    assert len(ops) == 1
    tag, i1, i2, j1, j2 = ops[0]
    assert tag == "insert"
    assert "".join(after_lines[j1:j2]) == approved_by  # organisation MMR from the member registry
    assert after.startswith(before)
    assert after == original.replace(SEED_FP, written.group(1))

    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    result = run(runner, "diff", "2016-09-07")
    assert result.stdout == (
        "meetings/2016-09-07.yaml (HEAD → pracovní kopie)\n"
        "+ Zápatí, schválil: přidáno: {+František Kubeš (MMR), 3. 10. 2016+}\n"
    )  # the group file knows him a man: the verb in his gender (issue 23)

    # approving again is refused, and changes nothing
    result = run(runner, "approve", "2016-09-07", "--by", "David Koppitz", "--on", "2016-10-05")
    assert result.exit_code == 2
    assert one_line_error(result) == (
        "error: 2016-09-07 is approved already (František Kubeš, 2016-10-03); "
        "record later changes with `psc amend`"
    )
    assert path.read_text(encoding="utf-8") == after


def test_approve_org_option(unapproved, runner):
    path, _ = unapproved
    result = run(
        runner,
        "approve",
        "2016-09-07",
        "--by",
        "František Kubeš",
        "--org",
        "XYZ",
        "--on",
        "2016-10-03",
    )
    assert result.exit_code == 2
    assert one_line_error(result) == "error: --org 'XYZ' is not in the group's organisations"
    assert "approved_by" not in path.read_text(encoding="utf-8")
    result = run(
        runner,
        "approve",
        "2016-09-07",
        "--by",
        "František Kubeš",
        "--org",
        "MŽP",
        "--on",
        "2016-10-03",
    )
    assert result.exit_code == 0, result.output
    assert (
        "approved_by:\n  name: František Kubeš\n  organisation: MŽP\n  date: 2016-10-03\n"
        in path.read_text(encoding="utf-8")
    )
    assert run(runner, "validate").exit_code == 0


def test_list_shows_draft_then_approved(unapproved, runner):
    header = "datum       Č.  Název                                                     Stav"
    result = run(runner, "list")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Jednání\n{header}   Otevřené úkoly\n2016-09-07  1   {SEED_TITLE}  návrh  5\n"
    )
    data = json.loads(run(runner, "list", "--format", "json").stdout)
    assert [(m["id"], m["approved"], m["open_tasks"]) for m in data] == [("2016-09-07", False, 5)]

    assert (
        run(
            runner, "approve", "2016-09-07", "--by", "František Kubeš", "--on", "2016-10-03"
        ).exit_code
        == 0
    )
    result = run(runner, "list")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Jednání\n{header}       Otevřené úkoly\n2016-09-07  1   {SEED_TITLE}  schváleno  5\n"
    )
    data = json.loads(run(runner, "list", "--format", "json").stdout)
    assert [(m["id"], m["approved"], m["open_tasks"]) for m in data] == [("2016-09-07", True, 5)]


def test_unapproved_minutes_render_as_draft(unapproved, runner):
    md = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-")
    assert md.exit_code == 0, md.output
    assert md.stdout.startswith("# Zápis – návrh\n\n*Návrh – zápis dosud nebyl schválen.*\n")
    html = run(runner, "render", "2016-09-07", "--format", "html", "-o", "-")
    assert html.exit_code == 0, html.output
    assert "<h1>Zápis – návrh</h1>" in html.stdout
    assert '<p class="draft" role="note">Návrh – zápis dosud nebyl schválen.</p>' in html.stdout

    assert (
        run(
            runner, "approve", "2016-09-07", "--by", "František Kubeš", "--on", "2016-10-03"
        ).exit_code
        == 0
    )
    md = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-")
    assert md.stdout.startswith("# Zápis\n")
    assert "návrh" not in md.stdout.splitlines()[0]
    assert "dosud nebyl schválen" not in md.stdout


def test_task_status_update_keeps_the_approval(git_repo, runner):
    path = seed(git_repo)
    result = run(runner, "tasks", "done", "2016-09-07/3", "--on", "2016-11-10")
    assert result.exit_code == 0, result.output
    assert "    status: done\n    status_date: 2016-11-10\n" in path.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8").endswith(APPROVED_BY)  # no amendment needed
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    assert result.stdout == "ok: 2 files valid\n"
    result = run(
        runner,
        "amend",
        "2016-09-07",
        "--by",
        "Jana Korytářová",
        "--reason",
        "Nic",
        "--on",
        "2016-11-10",
    )
    assert result.exit_code == 2
    assert one_line_error(result) == (
        "error: 2016-09-07 has not changed since it was approved; there is nothing to amend"
    )


# ---------------------------------------------------------------------- 7. validate for CI


def _break_two_files(root: Path) -> None:
    edit(seed(root), "deadline: 2016-11-01", "deadline: 2016-11-30")
    (root / "meetings" / "2016-11-15.yaml").write_text(
        "number: 2\ntitle: X\ndate: 2016-11-15\nstart: 13:00\nend: 12:00\n", encoding="utf-8"
    )


def test_validate_github_annotations(git_repo, runner):
    _break_two_files(git_repo)
    line, col = fingerprint_position(seed(git_repo))
    result = run(runner, "validate", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    assert re.fullmatch(
        rf"::error file=meetings/2016-09-07\.yaml,line={line},col={col}::approved_by\.fingerprint: the approved "
        r"minutes have changed \(content sha256:[0-9a-f]{16}, approved "
        + re.escape(SEED_FP)
        + r"\); undo the "
        r"change or record it with `psc amend 2016-09-07 --by NAME --reason TEXT`",
        lines[0],
    ), lines[0]
    assert (
        lines[1]
        == "::error file=meetings/2016-11-15.yaml,line=5,col=6::end: end 12:00 is not after start 13:00"
    )


def test_validate_github_when_valid(git_repo, runner):
    result = run(runner, "validate", "--format", "github")
    assert result.exit_code == 0
    assert "::error" not in result.stdout


def test_validate_json(git_repo, runner):
    result = run(runner, "validate", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"files": 2, "problems": []}

    _break_two_files(git_repo)
    line, col = fingerprint_position(seed(git_repo))
    result = run(runner, "validate", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["files"] == 3
    problems = report["problems"]
    assert [(p["path"], p["line"], p["column"], p["field"], p["severity"]) for p in problems] == [
        ("meetings/2016-09-07.yaml", line, col, "approved_by.fingerprint", "error"),
        ("meetings/2016-11-15.yaml", 5, 6, "end", "error"),
    ]
    assert problems[0]["message"].startswith("the approved minutes have changed (content sha256:")
    assert problems[1]["message"] == "end 12:00 is not after start 13:00"


def test_markdown_diff_of_bold_text_stays_well_formed(git_repo, runner):
    """An added statement that holds **bold** is shown as its text (escaped), in bold."""
    path = git_repo / "meetings" / "2016-09-07.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "      - by: MZd\n",
        '      - by: MD\n        text: "**MD** doplnilo <něco>."\n      - by: MZd\n',
        1,
    )
    path.write_text(text, encoding="utf-8")
    result = run(runner, "diff", "2016-09-07", "--format", "md")
    assert result.exit_code == 0, result.output
    assert "**\\*\\*MD\\*\\* doplnilo \\<něco\\>.**" in result.stdout
    assert "****" not in result.stdout
