"""A minutes repository on disk: discovery, the group file, and the meeting archive."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psc.errors import (
    InvalidData,
    MeetingNotFound,
    Problem,
    ProjectNotFound,
    UsageError,
    display_path,
)
from psc.terms import MEETING_FILE

if TYPE_CHECKING:  # the models import pydantic: only where files are parsed
    from psc.loading.model import Group, Meeting

GROUP_FILE = "group.yaml"
MEETINGS_DIR = "meetings"


def find_root(start: Path) -> Path:
    """The nearest directory at or above `start` holding a group file, as git finds .git."""
    start = start.resolve()
    for directory in (start, *start.parents):
        if (directory / GROUP_FILE).is_file():
            return directory
    raise ProjectNotFound(
        f"no {GROUP_FILE} found in {start} or any parent directory; "
        "run psc inside a minutes repository or pass --root DIR"
    )


SOURCE_DIRS = (MEETINGS_DIR, "templates")
"""Folders whose files psc reads: outputs are never written into them."""


def check_output(root: Path | None, target: Path, option: str = "-o") -> None:
    """Refuse to write an output (minutes, a report, a site) over a file psc reads: the group
    file, anything in meetings/ or templates/, also through a symlink or a hard link.
    `root` None (no repository found) checks nothing."""
    if root is None:
        return
    real = Path(os.path.realpath(target))
    real_root = Path(os.path.realpath(root))
    sources = [real_root / GROUP_FILE] + [real_root / d for d in SOURCE_DIRS]
    hit = next((s for s in sources if real == s or s in real.parents), None)
    if hit is None and real.is_file():
        same = os.stat(real)
        candidates = [real_root / GROUP_FILE, *sorted((real_root / MEETINGS_DIR).glob("*"))]
        hit = next((c for c in candidates if _same_file(c, same)), None)
    if hit is not None:
        if hit == real_root / GROUP_FILE:
            what = f"over the group file {GROUP_FILE}"
        elif hit.parent == real_root and hit.name in SOURCE_DIRS:
            what = f"into {hit.name}/, whose files psc reads"
        else:
            what = f"over {hit.relative_to(real_root).as_posix()}, a file psc reads (the same file by another name)"
        raise UsageError(
            f"{option} {display_path(target)}: refusing to write {what}; choose another output"
        )


def _same_file(path: Path, stat: os.stat_result) -> bool:
    try:
        other = path.stat()
    except OSError:
        return False
    return (other.st_ino, other.st_dev) == (stat.st_ino, stat.st_dev)


@dataclass
class Index:
    """Summaries of the archive's meetings (oldest first) and what reports need of the group."""

    group_info: dict[str, Any]
    meetings: list[Any]
    problems: list[Problem]
    checked: int

    def meeting(self, meeting_id: str) -> Any:
        for meeting in self.meetings:
            if meeting.id == meeting_id:
                return meeting
        raise MeetingNotFound(f"no meeting {meeting_id!r}")

    def wording(self, language: str | None = None) -> Any:
        from psc.language.wording import Wording

        info = self.group_info
        return Wording(language or info["language"], info["labels"], info["language"])


PARALLEL_FROM = 200
"""With this many files to parse, the work is shared among the CPUs."""

_FORKED: Any = None
"""(project, group) for forked workers, which inherit it."""


def _check_chunk(paths: list[Path]) -> list[tuple[Any, list[Problem], Any]]:
    project, group = _FORKED
    return [_check_file(project, path, group) for path in paths]


def _check_file(
    project: Project, path: Path, group: Group | None
) -> tuple[Any, list[Problem], Any]:
    """One meeting file checked and summarized: (summary or None, problems, cache stamp)."""
    from psc.archive.cache import file_hash
    from psc.archive.summary import summarize

    try:
        if path.parent != project.meetings_dir or path.is_symlink():
            project.check_inside(path)
        stat = path.stat()
        raw = path.read_bytes()
    except UsageError as exc:
        return None, [Problem(display_path(path), 1, 1, "", str(exc))], None
    except OSError as exc:
        return (
            None,
            [Problem(display_path(path), 1, 1, "", f"cannot read file: {exc.strerror}")],
            None,
        )
    try:
        meeting = project._meeting_from(path, raw, group)
    except InvalidData as exc:
        return None, exc.problems, None
    return summarize(meeting), [], (len(raw), stat.st_mtime_ns, file_hash(raw))


def group_info(group: Group) -> dict[str, Any]:
    """What reports need of the group, as plain data (kept in the cache). `owners`: the
    organisations' abbreviations and the members' names, which --owner may name."""
    return {
        "language": group.language,
        "labels": dict(group.labels),
        "name": group.name,
        "short": group.short,
        "owners": [*group.organisations, *(m.name for m in group.members)],
    }


YAML_SUFFIXES = (".yaml", ".yml")


def _stray_problem(project: Project, path: Path, top: bool) -> Problem:
    """Why a file in meetings/ that is not a meeting file is there, and what to do with it."""
    shown = display_path(path)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    if top and path.name.endswith(".yaml"):  # a broken link, a folder link, a device...
        return Problem(shown, 1, 1, "", "not a regular file; a meeting file must be one")
    if path.suffix.lower() in YAML_SUFFIXES:
        target = project.meetings_dir / f"{stem}.yaml"
        taken = " (a file of that name exists already: merge the two)" if target.exists() else ""
        if top:
            message = f"meeting files end in .yaml: rename it to {display_path(target)}{taken}"
        else:
            message = f"meeting files live directly in {MEETINGS_DIR}/: move it to {display_path(target)}{taken}"
        return Problem(shown, 1, 1, "", message + "; until then psc leaves it out")
    return Problem(
        shown,
        1,
        1,
        "",
        f"not a meeting file (those are {MEETINGS_DIR}/YYYY-MM-DD.yaml); "
        f"psc ignores it: move it out of {MEETINGS_DIR}/",
        "warning",
    )


def skipped_notes(problems: list[Problem]) -> list[str]:
    """One line per file a report left out (or a warning about a file psc ignores)."""
    by_file: dict[str, list[Problem]] = {}
    for p in sorted(problems):
        by_file.setdefault(p.path, []).append(p)
    lines = []
    for path, found in by_file.items():
        errors = [p for p in found if p.severity == "error"]
        if not errors:
            lines.extend(f"warning: {p.path}:{p.line}:{p.col}: {p.message}" for p in found)
            continue
        first = errors[0]
        where = f"{first.line}:{first.col}: " + (f"{first.field}: " if first.field else "")
        n = len(errors)
        lines.append(
            f"warning: skipped {path}: {n} problem{'s' if n != 1 else ''}, first: {where}{first.message}; "
            "run psc validate"
        )
    return lines


class Project:
    """A minutes repository: `group.yaml`, `meetings/`, optional `templates/`."""

    def __init__(self, root: Path):
        self.root = root
        self.group_path = root / GROUP_FILE
        self.meetings_dir = root / MEETINGS_DIR
        self.templates_dir = root / "templates"
        self.use_cache = True
        """False for --no-cache: every file is read, and .psc-cache/ is neither used nor updated."""
        self.strict = True
        """For read-only reports (`report_index`): False (no --strict) leaves invalid meeting
        files out, naming each through `warn`, instead of failing."""
        self.warnings: list[str] = []
        self.warn: Callable[[str], None] = self.warnings.append
        """Where `report_index` says which files it left out (the CLI: stderr)."""
        self._warned: set[str] = set()

    @classmethod
    def discover(cls, root: Path | None, cwd: Path) -> Project:
        """The project at `root` (which must hold a group file), else found upwards from `cwd`."""
        if root is not None:
            if not (root / GROUP_FILE).is_file():
                raise ProjectNotFound(f"{display_path(root)} holds no {GROUP_FILE}")
            return cls(root.resolve())
        return cls(find_root(cwd))

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
                    Problem(display_path(folder), 1, 1, "", f"cannot read folder: {exc.strerror}")
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
            hint = f" (meetings that day: {', '.join(same_day)})" if same_day else ""
            raise MeetingNotFound(f"no meeting {ref}: {display_path(path)} does not exist{hint}")
        path = Path(ref)
        if path.is_file():
            self.check_inside(path)
            return path
        raise MeetingNotFound(
            f"no meeting {ref!r}: give a date like 2016-09-07 or a path to a meeting file"
        )

    def check_output(self, target: Path, option: str = "-o") -> None:
        """Refuse an output over a file psc reads (see `check_output`)."""
        check_output(self.root, target, option)

    def check_inside(self, path: Path) -> None:
        """Refuse a file outside the repository (also through a symlink), naming it only."""
        try:
            path.resolve().relative_to(self.root.resolve())
        except ValueError:
            raise UsageError(
                f"{display_path(path)} is outside the minutes repository "
                f"({display_path(self.root)}); psc reads only files inside it"
            ) from None

    # ------------------------------------------------------------------ loading

    def load_group(self) -> Group:
        """The validated group file; raises InvalidData."""
        from psc.loading import validate, yamlfile

        data, pos = yamlfile.load(self.group_path)
        return validate.parse_group(data, pos)

    def load_meeting(self, path: Path, group: Group | None) -> Meeting:
        """One validated meeting, cross-checked against the group; raises InvalidData."""
        try:
            self.check_inside(path)
            raw = path.read_bytes()
        except UsageError as exc:
            raise InvalidData([Problem(display_path(path), 1, 1, "", str(exc))]) from None
        except OSError as exc:
            raise InvalidData(
                [Problem(display_path(path), 1, 1, "", f"cannot read file: {exc.strerror}")]
            ) from None
        return self._meeting_from(path, raw, group)

    def index(
        self, paths: list[Path] | None = None, *, use_cache: bool = True, strict: bool = True
    ) -> Index:
        """Validate the group and the meetings (all, or `paths`) and summarize them, from the
        cache where a file is unchanged. `strict`: raise InvalidData when anything is invalid;
        otherwise the index holds the valid meetings and lists the problems."""
        from psc.archive.cache import Cache, file_hash
        from psc.archive.tasks import check_tasks

        use_cache = use_cache and self.use_cache and not os.environ.get("PSC_NO_CACHE")
        problems: list[Problem] = []
        try:
            group_raw = self.group_path.read_bytes()
        except OSError as exc:
            raise InvalidData(
                [
                    Problem(
                        display_path(self.group_path), 1, 1, "", f"cannot read file: {exc.strerror}"
                    )
                ]
            ) from None
        cache = Cache(self.root, file_hash(group_raw)) if use_cache else None
        info = cache.group_info if cache is not None and cache.group_info else None
        group: Group | None = None
        group_checked = False

        def the_group() -> Group | None:
            nonlocal group, group_checked, info
            if not group_checked:
                group_checked = True
                try:
                    group = self.load_group()
                    info = group_info(group)
                except InvalidData as exc:
                    problems.extend(exc.problems)
            return group

        if info is None:
            the_group()
        summaries = []
        failed = False
        names = set()
        todo: list[tuple[str, Path]] = []
        if paths is None:
            listed, strays = self.scan()
            problems.extend(strays)
            failed = any(p.severity == "error" for p in strays)  # a meeting may be in one of them
        for path in listed if paths is None else paths:
            name = self._cache_name(path)
            names.add(name)
            summary = cache.get(name, path) if cache is not None and name else None
            if summary is None:
                todo.append((name, path))
            else:
                summaries.append(summary)
        if todo:
            g = the_group()
            for (name, _), (summary, file_problems, stamp) in zip(
                todo, self._check_files([p for _, p in todo], g)
            ):
                if file_problems:
                    problems.extend(file_problems)
                    failed = True
                    continue
                summaries.append(summary)
                if cache is not None and name and g is not None and stamp is not None:
                    cache.put(name, summary, *stamp)
        summaries.sort(key=lambda m: (m.date, m.id))
        if not failed or not strict:  # with files missing, a review's task may be in one of them
            cross = check_tasks(summaries, complete=not failed)
            problems.extend(cross)
            if cross:  # a file with a cross-file problem is left out too
                bad = {p.path for p in cross}
                summaries = [m for m in summaries if display_path(m.path) not in bad]
        group_ok = not group_checked or group is not None
        if cache is not None and group_ok:
            if paths is None:
                cache.forget_except(names)
            cache.group_info = info
            cache.save()
        if strict and any(p.severity == "error" for p in problems):
            raise InvalidData(problems)
        if info is None:  # the group file is invalid: report in the language it asks for, if any
            info = {"language": "cs", "labels": {}, "name": "", "short": ""}
        return Index(info, summaries, problems, 1 + len(summaries) + (1 if failed else 0))

    def report_index(self, *, use_cache: bool = True) -> Index:
        """The index a read-only report (tasks, list, show, remind, export, build) works from.
        `self.strict` (--strict): any invalid file is fatal, as for edits. Otherwise the report
        is made from the valid meetings, and each file left out is named once through
        `self.warn`; an invalid group file stays fatal (every meeting is read against it)."""
        index = self.index(use_cache=use_cache, strict=self.strict)
        group_file = display_path(self.group_path)
        broken = [p for p in index.problems if p.path == group_file and p.severity == "error"]
        if broken:
            raise InvalidData(broken)
        for line in skipped_notes(index.problems):
            if line not in self._warned:
                self._warned.add(line)
                self.warn(line)
        return index

    def _check_files(
        self, paths: list[Path], group: Group | None
    ) -> list[tuple[Any, list[Problem], Any]]:
        """Check and summarize meeting files: (summary or None, problems, (size, mtime_ns, sha256)).
        Many files are shared among the CPUs (forked workers inherit the loaded modules)."""
        import multiprocessing

        workers = min(os.cpu_count() or 1, 4)
        if (
            len(paths) < PARALLEL_FROM
            or workers < 2
            or sys.platform != "linux"
            or "fork" not in multiprocessing.get_all_start_methods()
        ):
            return [_check_file(self, path, group) for path in paths]
        global _FORKED
        _FORKED = (self, group)
        try:
            size = max(16, len(paths) // (workers * 4))
            chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                return [r for chunk in pool.map(_check_chunk, chunks) for r in chunk]
        finally:
            _FORKED = None

    def _cache_name(self, path: Path) -> str:
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return ""

    def _meeting_from(self, path: Path, raw: bytes, group: Group | None) -> Meeting:
        from psc.loading import validate, yamlfile

        shown = display_path(path)
        if len(raw) > yamlfile.MAX_BYTES:
            raise InvalidData(
                [
                    Problem(
                        shown,
                        1,
                        1,
                        "",
                        f"file is {len(raw)} bytes, over the limit of {yamlfile.MAX_BYTES}",
                    )
                ]
            )
        data, pos = yamlfile.loads(yamlfile.decode(raw, shown), shown)
        meeting = validate.parse_meeting(data, pos, path)
        problems = validate.check_meeting(meeting, path, group)
        if problems:
            raise InvalidData(problems)
        return meeting

    def validate(
        self, paths: list[Path] | None = None, *, use_cache: bool = True
    ) -> tuple[int, list[Problem]]:
        """Check the group file and the meetings (all, or `paths`): (files checked, problems).

        The group file is always checked, since every meeting is checked against it.
        """
        if paths is not None:
            missing = [p for p in paths if not p.is_file()]
            if missing:
                raise UsageError(f"no such file: {display_path(missing[0])}")
            for p in paths:
                self.check_inside(p)
            group_file = self.group_path.resolve()
            paths = [p for p in paths if p.resolve() != group_file]
        meeting_paths = self.meeting_paths() if paths is None else paths
        index = self.index(paths, use_cache=use_cache, strict=False)
        return 1 + len(meeting_paths), index.problems
