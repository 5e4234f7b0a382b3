"""Every git call psc makes, in one place (the git command line, isolated from pagers)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from psc.errors import PscError
from psc.messages import _


class GitError(PscError):
    """git is missing, the directory is no repository, or a git command failed."""


def _git(
    args: list[str],
    cwd: Path,
    *,
    check: bool = True,
    raw: bool = False,
    options: list[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run git; its output as text. `raw`: decoded without newline translation, so a CR
    inside a commit message stays a character and never splits a line. `options`: git's
    own (`-c key=value`) before the command."""
    if shutil.which("git") is None:
        raise GitError(_("git is not installed (or not on PATH)"))
    env = {**os.environ, "GIT_PAGER": "cat", "LC_ALL": "C"}
    result = subprocess.run(
        ["git", "-c", "core.quotepath=off", *(options or []), *args],
        cwd=cwd,
        capture_output=True,
        text=not raw,
        encoding=None if raw else "utf-8",
        errors=None if raw else "replace",
        env=env,
        check=False,
    )
    if raw:
        result.stdout = result.stdout.decode("utf-8", "replace")
        result.stderr = result.stderr.decode("utf-8", "replace")
    if check and result.returncode != 0:
        message = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else _("failed")
        raise GitError(_("git {command}: {message}", command=args[0], message=message))
    return result


def inside_work_tree(path: Path) -> bool:
    """Whether `path` lies inside a git work tree."""
    if shutil.which("git") is None:
        return False
    return _git(["rev-parse", "--is-inside-work-tree"], path, check=False).stdout.strip() == "true"


def init(path: Path) -> None:
    """`git init` in `path`."""
    _git(["init", "-q"], path)


def available() -> bool:
    """Whether git is installed (on PATH)."""
    return shutil.which("git") is not None


FALLBACK_IDENTITY = ("psc", "psc@localhost")
"""The author of the first commit of a repository `psc init` created where git knows no one."""


def has_identity(path: Path) -> bool:
    """Whether git at `path` knows who commits (user.name and user.email configured, or the
    GIT_AUTHOR_/GIT_COMMITTER_ variables), so that a commit is never made under an identity
    git guessed from the host name."""

    def known(key: str, *variables: str) -> bool:
        if all(os.environ.get(v) for v in variables):
            return True
        return bool(_git(["config", key], path, check=False).stdout.strip())

    return known("user.name", "GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME") and known(
        "user.email", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"
    )


def commit_files(
    path: Path, files: list[str], message: str, *, identity: tuple[str, str] | None = None
) -> str:
    """Commit `files` (relative to `path`) and only them; `identity` (name, e-mail): the
    author and committer of this one commit, nothing configured. The commit's short hash."""
    _git(["add", "--", *files], path)
    who = ["-c", f"user.name={identity[0]}", "-c", f"user.email={identity[1]}"] if identity else []
    _git(["commit", "-q", "--no-verify", "-m", message, "--", *files], path, options=who)
    return _git(["rev-parse", "--short", "HEAD"], path).stdout.strip()


def toplevel(path: Path) -> Path:
    """The root of the work tree holding `path`; GitError when there is none."""
    result = _git(["rev-parse", "--show-toplevel"], path, check=False)
    if result.returncode != 0:
        raise GitError(_("{path} is not in a git repository", path=path))
    return Path(result.stdout.strip())


def verify(root: Path, rev: str) -> str:
    """The commit `rev` names; GitError for an unknown revision."""
    result = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root, check=False)
    if result.returncode != 0:
        if not has_commits(root):
            raise GitError(_("the git repository at {root} has no commits yet", root=root))
        raise GitError(_("unknown revision {rev!r}", rev=rev))
    return result.stdout.strip()


def show(root: Path, rev: str, relpath: str) -> str | None:
    """The text of `relpath` at `rev`, or None when the file does not exist there."""
    result = _git(["show", f"{rev}:{relpath}"], root, check=False)
    if result.returncode != 0:
        return None
    return result.stdout


def changed_paths(
    root: Path, old: str, new: str | None, pathspec: str, *, untracked: bool = True
) -> list[str]:
    """Paths under `pathspec` that differ between `old` and `new` (None: the work tree, with
    untracked files unless not `untracked`)."""
    args = ["diff", "--name-only", "--no-renames", old] + ([new] if new else []) + ["--", pathspec]
    paths = set(_git(args, root).stdout.split("\n"))
    if new is None and untracked:
        others = _git(["ls-files", "--others", "--exclude-standard", "--", pathspec], root).stdout
        paths |= set(others.split("\n"))
    return sorted(p for p in paths if p)


def renames(root: Path, old: str, new: str | None, pathspec: str) -> dict[str, str]:
    """Files under `pathspec` that git sees renamed between `old` and `new` (None: the work
    tree; a move shows once both names are in the index, as after `git mv`), by their new
    path: {new path: old path}. git's rename detection (`-M`) pairs them by similarity, so a
    file renamed and edited in one step is still one file."""
    args = ["diff", "-M", "--name-status", "-z", old] + ([new] if new else []) + ["--", pathspec]
    fields = _git(args, root).stdout.split("\0")
    moved: dict[str, str] = {}
    i = 0
    while i < len(fields):
        status = fields[i]
        if status.startswith(("R", "C")) and i + 2 < len(fields):
            if status.startswith("R"):
                moved[fields[i + 2]] = fields[i + 1]
            i += 3
        else:
            i += 2
    return moved


@dataclass(frozen=True)
class Commit:
    sha: str
    author: str
    date: str
    subject: str
    path: str
    old_path: str | None = None
    """The file's name before this commit, when this commit renamed it."""


def log(root: Path, relpath: str) -> list[Commit]:
    """Commits that changed `relpath` (following renames), newest first.

    A header line starts with NUL and holds NUL-separated fields: no commit message or
    author name can hold a NUL or a line feed (the subject is one line), whatever else
    it holds (CR, \\x1e, escapes); the file's status and names follow, one line (a rename
    commit: 'R<score>', the old and the new name, tab-separated; `Commit.old_path` then)."""
    out = _git(
        [
            "log",
            "--follow",
            "-M",
            "--name-status",
            "--format=%x00%H%x00%an%x00%ad%x00%s",
            "--date=short",
            "--",
            relpath,
        ],
        root,
        raw=True,
    ).stdout
    commits: list[Commit] = []
    header: list[str] | None = None
    names: list[list[str]] = []

    def flush() -> None:
        if header is not None:
            sha, author, date, subject = (header + ["", "", "", ""])[:4]
            status = names[0] if names else ["M", relpath]
            path = status[-1] if len(status) > 1 else relpath
            old_path = status[1] if status[0].startswith("R") and len(status) == 3 else None
            commits.append(Commit(sha, author, date, subject, path, old_path))

    for line in out.split("\n"):
        if line.startswith("\0"):
            flush()
            header, names = line[1:].split("\0", 3), []
        elif line.strip():
            names.append(line.split("\t"))
    flush()
    return commits


def parent(root: Path, sha: str) -> str | None:
    """The first parent of `sha`, or None for a root commit (or a shallow clone's edge)."""
    result = _git(["rev-parse", "--verify", "--quiet", f"{sha}^"], root, check=False)
    return result.stdout.strip() if result.returncode == 0 else None


def shallow_edge(root: Path, sha: str) -> bool:
    """Whether `sha` is a commit whose parents a shallow clone left out."""
    path = _git(["rev-parse", "--git-path", "shallow"], root).stdout.strip()
    shallow = (root / path) if not Path(path).is_absolute() else Path(path)
    try:
        return sha in shallow.read_text(encoding="ascii").split()
    except OSError:
        return False


def has_commits(root: Path) -> bool:
    return _git(["rev-parse", "--verify", "--quiet", "HEAD"], root, check=False).returncode == 0


def last_change(root: Path, relpath: str, old: str, new: str | None) -> Commit | None:
    """The newest commit of `old..new` that changed `relpath`, its date in ISO 8601 (None:
    no such commit). `new` None is the work tree: None when `relpath` has changes not
    committed yet (they have no author nor date in git), else the newest of `old..HEAD`."""
    if new is None:
        if _git(["status", "--porcelain", "--", relpath], root).stdout.strip():
            return None
        new = "HEAD"
    out = _git(
        ["log", "-1", "--format=%x00%H%x00%an%x00%aI%x00%s", f"{old}..{new}", "--", relpath],
        root,
        raw=True,
    ).stdout
    if not out.startswith("\0"):
        return None
    sha, author, date, subject = (out[1:].rstrip("\n").split("\0", 3) + ["", "", "", ""])[:4]
    return Commit(sha, author, date, subject, relpath)
