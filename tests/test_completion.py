"""Shell completion (typer's) knows meeting dates and task IDs."""

from __future__ import annotations

import os
import subprocess
import sys


def complete(repo, words: str) -> list[str]:
    env = {
        **os.environ,
        "_PSC_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    out = subprocess.run(
        [sys.executable, "-m", "psc"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_meeting_dates_complete(repo):
    (repo / "meetings" / "2016-11-15.yaml").write_text("number: 2\ntitle: X\ndate: 2016-11-15\n")
    assert complete(repo, "psc render 2016-1") == ["2016-11-15"]
    assert complete(repo, "psc diff ") == ["2016-09-07", "2016-11-15"]
    assert complete(repo, "psc approve 2016-09") == ["2016-09-07"]


def test_task_ids_complete(repo):
    assert complete(repo, "psc tasks done 2016-09-07/") == [f"2016-09-07/{n}" for n in range(1, 6)]
    assert complete(repo, "psc tasks show 2016-09-07/3") == ["2016-09-07/3"]


def test_completion_outside_a_repository_is_quiet(tmp_path):
    assert complete(tmp_path, "psc render 2016") == []
