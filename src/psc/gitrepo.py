"""Every git call psc makes, in one place."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from psc.errors import PscError


class GitError(PscError):
    """git is missing or a git command failed."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("git") is None:
        raise GitError("git is not installed (or not on PATH)")
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def inside_work_tree(path: Path) -> bool:
    """Whether `path` lies inside a git work tree."""
    if shutil.which("git") is None:
        return False
    return _git(["rev-parse", "--is-inside-work-tree"], path).stdout.strip() == "true"


def init(path: Path) -> None:
    """`git init` in `path`."""
    result = _git(["init", "-q"], path)
    if result.returncode != 0:
        raise GitError(f"git init failed: {result.stderr.strip()}")
