"""A minutes repository on disk: discovery, the group file, and the meeting archive."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from psc.archive.index import Index, Indexer, Progress, check_inside
from psc.archive.index import group_info as group_info  # what reports need of the group
from psc.errors import (
    InvalidData,
    MeetingNotFound,
    Problem,
    ProjectNotFound,
    UsageError,
    display_path,
    os_reason,
)
from psc.messages import _, n_
from psc.terms import MEETING_FILE

if TYPE_CHECKING:  # the models import pydantic: only where files are parsed
    from psc.archive.register import DecisionProblem
    from psc.archive.summary import MeetingSummary
    from psc.archive.tasks import TaskProblem
    from psc.loading.model import Group, Meeting

GROUP_FILE = "group.yaml"
MEETINGS_DIR = "meetings"


NO_CACHE_VARIABLE = "PSC_NO_CACHE"
"""Set (to anything but the empty string), it turns the cache off as --no-cache does."""


def cache_wanted(no_cache: bool, environ: Mapping[str, str]) -> bool:
    """Whether a command uses the cache: not with --no-cache (`no_cache`), nor with
    PSC_NO_CACHE set in `environ`. The CLI calls it once, where it builds the project:
    `Project.discover(root, cwd, use_cache=cache_wanted(no_cache, os.environ))`."""
    return not no_cache and not environ.get(NO_CACHE_VARIABLE)


def find_root(start: Path) -> Path:
    """The nearest directory at or above `start` holding a group file, as git finds .git."""
    start = start.resolve()
    for directory in (start, *start.parents):
        if (directory / GROUP_FILE).is_file():
            return directory
    raise ProjectNotFound(
        _(
            "no {file} found in {start} or any parent directory; "
            "run psc inside a minutes repository or pass --root DIR",
            file=GROUP_FILE,
            start=start,
        )
    )


SOURCE_DIRS = (MEETINGS_DIR, "templates")
"""Folders whose files psc reads: outputs are never written into them."""


def check_output(root: Path | None, target: Path, option: str = "-o") -> None:
    """Refuse to write an output (minutes, a report, a site) over a file psc reads: the group
    file, anything in meetings/ or templates/, also through a symlink or a hard link; and
    through a symbolic link of the repository that leads outside it (`fileio.resolve_within`).
    `root` None (no repository found) checks nothing."""
    if root is None:
        return
    from psc.fileio import resolve_within

    real = resolve_within(root, target)
    real_root = Path(os.path.realpath(root))
    sources = [real_root / GROUP_FILE] + [real_root / d for d in SOURCE_DIRS]
    hit = next((s for s in sources if real == s or s in real.parents), None)
    if hit is None and real.is_file():
        same = os.stat(real)
        candidates = [real_root / GROUP_FILE, *sorted((real_root / MEETINGS_DIR).glob("*"))]
        hit = next((c for c in candidates if _same_file(c, same)), None)
    if hit is not None:
        if hit == real_root / GROUP_FILE:
            what = _("over the group file {file}", file=GROUP_FILE)
        elif hit.parent == real_root and hit.name in SOURCE_DIRS:
            what = _("into {folder}/, whose files psc reads", folder=hit.name)
        else:
            what = _(
                "over {file}, a file psc reads (the same file by another name)",
                file=hit.relative_to(real_root).as_posix(),
            )
        raise UsageError(
            _(
                "{option} {target}: refusing to write {what}; choose another output",
                option=option,
                target=display_path(target),
                what=what,
            )
        )


def _same_file(path: Path, stat: os.stat_result) -> bool:
    try:
        other = path.stat()
    except OSError:
        return False
    return (other.st_ino, other.st_dev) == (stat.st_ino, stat.st_dev)


YAML_SUFFIXES = (".yaml", ".yml")


def _stray_problem(project: Project, path: Path, top: bool) -> Problem:
    """Why a file in meetings/ that is not a meeting file is there, and what to do with it."""
    shown = display_path(path)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    if top and path.name.endswith(".yaml"):  # a broken link, a folder link, a device...
        return Problem(shown, 1, 1, "", _("not a regular file; a meeting file must be one"))
    if path.suffix.lower() in YAML_SUFFIXES:
        target = project.meetings_dir / f"{stem}.yaml"
        taken = _(" (a file of that name exists already: merge the two)") if target.exists() else ""
        if top:
            message = _(
                "meeting files end in .yaml: rename it to {target}", target=display_path(target)
            )
        else:
            message = _(
                "meeting files live directly in {folder}/: move it to {target}",
                folder=MEETINGS_DIR,
                target=display_path(target),
            )
        return Problem(shown, 1, 1, "", message + taken + _("; until then psc leaves it out"))
    return Problem(
        shown,
        1,
        1,
        "",
        _(
            "not a meeting file (those are {folder}/YYYY-MM-DD.yaml); "
            "psc ignores it: move it out of {folder}/",
            folder=MEETINGS_DIR,
        ),
        "warning",
    )


def skipped_notes(problems: list[Problem]) -> list[str]:
    """One line per file a report left out (or a warning about a file psc ignores)."""
    by_file: dict[str, list[Problem]] = {}
    for p in sorted(problems):
        by_file.setdefault(p.path, []).append(p)
    lines: list[str] = []
    for path, found in by_file.items():
        errors = [p for p in found if p.severity == "error"]
        if not errors:
            lines.extend(
                _(
                    "warning: {where}: {message}",
                    where=":".join((p.path, str(p.line), str(p.col))),
                    message=p.message,
                )
                for p in found
            )
            continue
        first = errors[0]
        where = f"{first.line}:{first.col}: " + (f"{first.field}: " if first.field else "")
        n = len(errors)
        lines.append(
            n_(
                "warning: skipped {path}: {count} problem, first: {first}; run psc validate",
                "warning: skipped {path}: {count} problems, first: {first}; run psc validate",
                n,
                path=path,
                first=where + first.message,
            )
        )
    return lines


class Project:
    """A minutes repository: `group.yaml`, `meetings/`, optional `templates/`."""

    answers_from_index = True
    """Read-only reports may be answered from the index database's tables
    (`archive.taskindex`); False for a reading of the repository that the index does not
    hold (the public edition)."""

    def __init__(self, root: Path, *, use_cache: bool = True):
        self.root = root
        self.group_path = root / GROUP_FILE
        self.meetings_dir = root / MEETINGS_DIR
        self.templates_dir = root / "templates"
        self.use_cache = use_cache
        """False (--no-cache, PSC_NO_CACHE): every file is read, and .psc-cache/ is neither
        used nor updated. The one switch of the cache: set where the CLI builds the project."""
        self.strict = True
        """For read-only reports (`report_index`): False (no --strict) leaves invalid meeting
        files out, naming each through `warn`, instead of failing."""
        self.warnings: list[str] = []
        self.warn: Callable[[str], None] = self.warnings.append
        """Where `report_index` says which files it left out (the CLI: stderr)."""
        self._warned: set[str] = set()

    @classmethod
    def discover(cls, root: Path | None, cwd: Path, *, use_cache: bool = True) -> Project:
        """The project at `root` (which must hold a group file), else found upwards from `cwd`.
        `use_cache`: see `cache_wanted` for what the command line and the environment say."""
        from psc.archive.cache import CACHE_DIR
        from psc.fileio import resolve_within

        if root is not None:
            if not (root / GROUP_FILE).is_file():
                raise ProjectNotFound(
                    _("{root} holds no {file}", root=display_path(root), file=GROUP_FILE)
                )
            project = cls(root.resolve(), use_cache=use_cache)
        else:
            project = cls(find_root(cwd), use_cache=use_cache)
        resolve_within(project.root, project.group_path)  # read by every command
        resolve_within(project.root, project.root / CACHE_DIR)  # written by most
        return project

    # ------------------------------------------------------------------ files

    def meeting_paths(self) -> list[Path]:
        """Every meeting file in `meetings/`, in date order."""
        return self.scan()[0]

    def scan(self) -> tuple[list[Path], list[Problem]]:
        """The meeting files (`meetings/*.yaml`, in date order) and a problem for every other
        file below `meetings/`, so that none is silently ignored: `.yml`, `.YAML` and files in
        subfolders are errors (a meeting there would vanish from every report), any other file
        a warning. Hidden files and folders (a leading '.', such as .gitkeep) are ignored."""
        if not self.meetings_dir.is_dir():
            return [], []
        meetings: list[Path] = []
        strays: list[Problem] = []
        pending = [self.meetings_dir]
        while pending:
            folder = pending.pop()
            top = folder == self.meetings_dir
            try:
                entries = list(os.scandir(folder))
            except OSError as exc:
                strays.append(
                    Problem(
                        display_path(folder),
                        1,
                        1,
                        "",
                        _("cannot read folder: {reason}", reason=os_reason(exc)),
                    )
                )
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                path = Path(entry.path)
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                    is_file = entry.is_file()
                except OSError:
                    is_dir = is_file = False
                if is_dir:
                    pending.append(path)
                elif top and is_file and entry.name.endswith(".yaml"):
                    meetings.append(path)
                else:
                    strays.append(_stray_problem(self, path, top))
        return sorted(meetings), strays

    def meeting_path(self, ref: str) -> Path:
        """The file of the meeting `ref`: an ID such as 2016-09-07, or a path."""
        if MEETING_FILE.match(ref):
            path = self.meetings_dir / f"{ref}.yaml"
            if path.is_file():
                return path
            same_day = [p.stem for p in self.meeting_paths() if p.stem.startswith(ref)]
            hint = _(" (meetings that day: {ids})", ids=", ".join(same_day)) if same_day else ""
            raise MeetingNotFound(
                _("no meeting {ref}: {path} does not exist", ref=ref, path=display_path(path))
                + hint
            )
        path = Path(ref)
        if path.is_file():
            self.check_inside(path)
            return path
        raise MeetingNotFound(
            _(
                "no meeting {ref!r}: give a date like 2016-09-07 or a path to a meeting file",
                ref=ref,
            )
        )

    def check_output(self, target: Path, option: str = "-o") -> None:
        """Refuse an output over a file psc reads (see `check_output`)."""
        check_output(self.root, target, option)

    def check_links(self, path: Path) -> Path:
        """`path`, a file psc is given to read (`psc import FILE`) or write, refused when a
        symbolic link of the repository takes it outside (see `fileio.resolve_within`)."""
        from psc.fileio import resolve_within

        resolve_within(self.root, path)
        return path

    def check_inside(self, path: Path) -> None:
        """Refuse a file outside the repository (also through a symlink), naming it only."""
        check_inside(self.root, path)

    def edit_lock(self) -> AbstractContextManager[None]:
        """The repository's exclusive edit lock (`.psc-cache/edit.lock`), held by every edit
        across re-reading a file, checking the edit and writing it."""
        from psc.archive.cache import CACHE_DIR
        from psc.fileio import edit_lock

        return edit_lock(self.root / CACHE_DIR)

    # ------------------------------------------------------------------ loading

    def load_group(self) -> Group:
        """The validated group file; raises InvalidData."""
        from psc.loading import pipeline

        return pipeline.load_group(self.group_path)

    def load_meeting(self, path: Path, group: Group | None) -> Meeting:
        """One validated meeting, cross-checked against the group; raises InvalidData."""
        from psc.loading import pipeline

        try:
            self.check_inside(path)
        except UsageError as exc:
            raise InvalidData([Problem(display_path(path), 1, 1, "", str(exc))]) from None
        return pipeline.load_meeting(None, path, group)

    def index(
        self,
        paths: list[Path] | None = None,
        *,
        strict: bool = True,
        reports: bool = True,
        progress: Progress | None = None,
    ) -> Index:
        """Validate the group and the meetings (all, or `paths`) and summarize them, from the
        cache (unless `use_cache` is off) where a file is unchanged. `strict`: raise
        InvalidData when anything is invalid; otherwise the index holds the valid meetings
        and lists the problems. `reports`: also bring the tables reports are answered from
        up to date; False: the problems are all the caller wants, and the meetings may be
        left out (see `Indexer.build`)."""
        indexer = Indexer(self.root, self.group_path, self.meetings_dir, use_cache=self.use_cache)
        if paths is None:
            listed, strays = self.scan()
            return indexer.build(
                listed, strays=strays, strict=strict, derive_tables=reports, progress=progress
            )
        return indexer.build(paths, strays=None, strict=strict, progress=progress)

    def report_index(self, *, use_cache: bool | None = None) -> Index:
        """The index a read-only report (tasks, list, show, remind, export, build) works from.
        `self.strict` (--strict): any invalid file is fatal, as for edits. Otherwise the report
        is made from the valid meetings, and each file left out is named once through
        `self.warn`; an invalid group file stays fatal (every meeting is read against it).
        `use_cache` is transitional, for callers that still pass it (False: this report reads
        every file); the switch is `Project(use_cache=...)`. Remove it once no caller does."""
        if use_cache is False and self.use_cache:
            self.use_cache = False
            try:
                return self.report_index()
            finally:
                self.use_cache = True
        index = self.index(strict=self.strict)
        group_file = display_path(self.group_path)
        broken = [p for p in index.problems if p.path == group_file and p.severity == "error"]
        if broken:
            raise InvalidData(broken)
        for line in skipped_notes(index.problems):
            if line not in self._warned:
                self._warned.add(line)
                self.warn(line)
        return index

    def validate(
        self,
        paths: list[Path] | None = None,
        *,
        since: str | None = None,
        progress: Progress | None = None,
    ) -> tuple[int, list[Problem]]:
        """Check the group file and the meetings (all, or `paths`): (files checked, problems).

        The group file is always checked, since every meeting is checked against it. In a
        git work tree, positional task IDs are compared with the revision `since` (default:
        the last commit, when there is one).
        """
        if paths is not None:
            missing = [p for p in paths if not p.is_file()]
            if missing:
                raise UsageError(_("no such file: {path}", path=display_path(missing[0])))
            for p in paths:
                self.check_inside(p)
            seen = {self.group_path.resolve()}  # always checked, and a file named twice once
            unique = []
            for p in paths:
                if p.resolve() not in seen:
                    seen.add(p.resolve())
                    unique.append(p)
            paths = unique
        meeting_paths = self.meeting_paths() if paths is None else paths
        index = self.index(paths, strict=False, reports=False, progress=progress)
        whole = index.meetings if paths is None else []
        return 1 + len(meeting_paths), index.problems + self._repointed_tasks(whole, since)

    def _repointed_tasks(self, summaries: list[MeetingSummary], since: str | None) -> list[Problem]:
        """In a git work tree: tasks of the meeting files changed since the revision `since`
        (None: the last commit, if any) whose positional IDs now name other tasks, while
        reviews refer to them (`tasks.repointed`). `summaries`: the valid meetings of the
        whole archive when at hand."""
        from psc import gitrepo

        if since is not None:
            if not gitrepo.inside_work_tree(self.root):
                raise UsageError(
                    _(
                        "--since {since}: {root} is not in a git repository",
                        since=since,
                        root=display_path(self.root),
                    )
                )
            rev = gitrepo.verify(self.root, since)  # GitError for an unknown revision
        elif not gitrepo.inside_work_tree(self.root) or not gitrepo.has_commits(self.root):
            return []
        else:
            rev = "HEAD"
        top = gitrepo.toplevel(self.root).resolve()
        try:
            pathspec = self.meetings_dir.resolve().relative_to(top).as_posix()
        except ValueError:  # pragma: no cover - meetings/ linked out of the work tree
            return []
        try:
            changed = gitrepo.changed_paths(top, rev, None, pathspec, untracked=False)
        except gitrepo.GitError:  # pragma: no cover - a safety net, not a reason to fail
            return []
        if not changed:
            return []
        from psc.archive.tasks import repointed
        from psc.loading import pipeline

        summaries = summaries or self.index(strict=False).meetings
        reviewed: dict[str, MeetingSummary] = {}
        for m in sorted(summaries, key=lambda m: (m.date, m.id)):
            for review in m.reviews:
                reviewed.setdefault(review.task, m)
        positional = {t.rpartition("/")[0] for t in reviewed}  # meetings of '<meeting>/<n>'
        by_path = {Path(m.path).resolve(): m for m in summaries}
        found: list[TaskProblem | DecisionProblem] = []
        for rel in changed:
            meeting = by_path.get((top / rel).resolve())
            if meeting is None or meeting.id not in positional:
                continue  # no review refers to a task of this meeting by a positional ID
            old = gitrepo.show(top, rev, rel)
            if old is None:
                continue
            try:
                data, _positions = pipeline.tree(old, rel)
            except InvalidData:
                continue  # the last commit's file was not valid YAML: nothing to compare with
            tasks = data.get("tasks") if isinstance(data, dict) else None
            if not isinstance(tasks, list):
                continue
            before = [
                (_text(t.get("id")), _text(t.get("text")) or "")
                if isinstance(t, dict)
                else (None, "")
                for t in tasks
            ]
            found.extend(repointed(meeting, before, reviewed))
        return Indexer._positioned(found)


def _text(value: object) -> str | None:
    """A value of the YAML tree as text (every scalar is one), None for anything else."""
    return value if isinstance(value, str) else None
