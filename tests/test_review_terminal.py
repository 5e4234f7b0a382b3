"""`psc diff` on a real terminal (a pseudo-terminal): changed words stay distinguishable
where the terminal shows no styles (NO_COLOR, TERM=dumb), written [-old-]{+new+}."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest
from test_review import edit, git_env, git_repo, seed  # noqa: F401  (fixtures)


def on_a_terminal(root, **env: str) -> str:
    """What `psc diff 2016-09-07` writes to a terminal, with `env` set (NO_COLOR unset else)."""
    master, slave = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    environ.update(COLUMNS="200", **env)
    process = subprocess.Popen(
        [sys.executable, "-m", "psc", "diff", "2016-09-07"],
        cwd=root,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=environ,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


PLAIN = "~ Úkol 2016-09-07/3, termín: [-1. 11. 2016-] → {+30. 11. 2016+}\n"


@pytest.mark.parametrize(
    "env", [{"TERM": "xterm-256color", "NO_COLOR": "1"}, {"TERM": "dumb"}], ids=["NO_COLOR", "dumb"]
)
def test_no_styles_marks_the_words(git_repo, env):  # noqa: F811 (a fixture)
    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    out = on_a_terminal(git_repo, **env)
    assert out.endswith(PLAIN)
    assert "\x1b[" not in out


def test_a_terminal_with_styles_colours_them(git_repo):  # noqa: F811 (a fixture)
    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    out = on_a_terminal(git_repo, TERM="xterm-256color")
    assert "\x1b[" in out  # struck through and coloured
    assert "[-" not in out and "{+" not in out
