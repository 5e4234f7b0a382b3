"""A meeting moved to another date (`git mv` and `date:` changed) is one meeting whose date
and derived task IDs changed, in `psc diff` and in `psc log`, not one removed and one added."""

from __future__ import annotations

from conftest import run
from test_review import commit, git, git_env, git_repo, seed  # noqa: F401  (fixtures)

NEW_REL = "meetings/2016-09-08.yaml"


def move(root) -> None:
    git(root, "mv", "meetings/2016-09-07.yaml", NEW_REL)
    path = root / NEW_REL
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ndate: 2016-09-07\n", "\ndate: 2016-09-08\n"), encoding="utf-8")


MOVED = [
    "~ Záhlaví, datum: [-7. září 2016-] → {+8. září 2016+}",
    *(f"~ Úkol 2016-09-08/{n}, ID: [-2016-09-07/{n}-] → {{+2016-09-08/{n}+}}" for n in range(1, 6)),
]


def test_diff_shows_the_date_and_task_ids_changed(git_repo, runner):  # noqa: F811 (a fixture)
    move(git_repo)
    for args in ([], ["2016-09-08"], ["2016-09-07"]):  # every changed one, the new or old name
        result = run(runner, "diff", *args)
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines() == [
            "meetings/2016-09-07.yaml → meetings/2016-09-08.yaml (HEAD → pracovní kopie)",
            *MOVED,
        ], args


def test_diff_between_commits_and_in_markdown(git_repo, runner):  # noqa: F811 (a fixture)
    move(git_repo)
    commit(git_repo, "Move the meeting")
    result = run(runner, "diff", "--from", "HEAD~1", "--to", "HEAD", "--format", "md")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "### `meetings/2016-09-07.yaml` → `meetings/2016-09-08.yaml` (HEAD\\~1 → HEAD)\n\n"
        "- **Záhlaví, datum**: ~~7. září 2016~~ → **8. září 2016**\n"
        "- **Úkol 2016-09-08/1, ID**: ~~2016-09-07/1~~ → **2016-09-08/1**\n"
    )
    assert "přidáno" not in result.stdout and "odstraněno" not in result.stdout


def test_html_redline_of_a_moved_meeting_marks_the_date(git_repo, runner):  # noqa: F811 (a fixture)
    move(git_repo)
    result = run(runner, "diff", "2016-09-08", "--format", "html", "-o", "r.html")
    assert result.exit_code == 0, result.output
    page = (git_repo / "r.html").read_text(encoding="utf-8")
    assert (
        '<th scope="row">datum</th>\n<td><del>7.</del><ins>8.</ins> září 2016, 13:00 – 15:00'
        in page
    )
    assert "redline-inserted" not in page.split("<body>")[1]


def test_log_shows_the_rename_commit_as_such(git_repo, runner):  # noqa: F811 (a fixture)
    move(git_repo)
    sha = commit(git_repo, "Move the meeting", date="2016-10-05T12:00:00+02:00")
    result = run(runner, "log", "2016-09-08")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "meetings/2016-09-08.yaml",
        f"  {sha[:10]}  2016-10-05  Jana Korytářová: Move the meeting",
        "      ~ meetings/2016-09-07.yaml → meetings/2016-09-08.yaml",
        "      ~ Záhlaví, datum: 7. září 2016 → 8. září 2016",
    ]
    assert "      ~ Úkol 2016-09-08/5, ID: 2016-09-07/5 → 2016-09-08/5" in lines
    # the seed commit still created the meeting, under its old name
    assert lines[-2].endswith("Jana Korytářová: Seed")
    assert lines[-1].startswith("      + Jednání: ")


def test_gitrepo_renames(git_repo):  # noqa: F811 (a fixture)
    from psc import gitrepo

    move(git_repo)
    assert gitrepo.renames(git_repo, "HEAD", None, "meetings") == {
        NEW_REL: "meetings/2016-09-07.yaml"
    }
    assert gitrepo.renames(git_repo, "HEAD", "HEAD", "meetings") == {}
