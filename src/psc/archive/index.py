"""The archive's index: every meeting file checked through the loading pipeline and
summarized, from the cache where a file is unchanged, in forked workers when there are many.

`Indexer` runs once per command: it holds the repository's paths, the group (loaded only
when a file has to be checked against it) and the cache. `FileChecker` checks one file; it
is plain data (paths and the group), so the worker processes receive it with their work.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from psc.archive.cache import APPROVED, DRAFT, PUBLISHED
from psc.archive.summary import MeetingSummary
from psc.errors import InvalidData, MeetingNotFound, Problem, UsageError, display_path

if TYPE_CHECKING:
    from psc.archive.cache import Cache, Derived, Stamp
    from psc.archive.register import DecisionProblem
    from psc.archive.tasks import TaskProblem
    from psc.language.wording import Wording
    from psc.loading.model import Group
    from psc.loading.yamlfile import Positions

Progress = Callable[[int, int, Path], None]
"""Told (steps done, steps in all, the file at hand) as long work goes on (psc.cli.console's
progress bar)."""

PARTIAL_UP_TO = 20
"""The report tables are updated row by row when up to this many meeting files (or a tenth
of the archive) changed since they were made; made anew otherwise."""

PARALLEL_FROM = 200
"""With this many files to parse, the work is shared among the CPUs."""

INVALID_GROUP_INFO: dict[str, Any] = {"language": "cs", "labels": {}, "name": "", "short": ""}
"""What reports know of an invalid group file (the language psc reports in by default)."""


@dataclass
class Index:
    """Summaries of the archive's meetings (oldest first) and what reports need of the group."""

    group_info: dict[str, Any]
    meetings: list[MeetingSummary]
    problems: list[Problem]
    checked: int

    def meeting(self, meeting_id: str) -> MeetingSummary:
        for meeting in self.meetings:
            if meeting.id == meeting_id:
                return meeting
        from psc.messages import _

        raise MeetingNotFound(_("no meeting {id!r}", id=meeting_id))

    def wording(self, language: str | None = None) -> Wording:
        from psc.language.wording import Wording

        return Wording.of_group(self.group_info, language)


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


def check_inside(root: Path, path: Path) -> None:
    """Refuse (UsageError) a file outside the repository at `root`, also through a symlink,
    naming it only."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        from psc.messages import _

        raise UsageError(
            _(
                "{path} is outside the minutes repository ({root}); psc reads only files inside it",
                path=display_path(path),
                root=display_path(root),
            )
        ) from None


class Checked(NamedTuple):
    """One meeting file checked: its summary, or the problems that keep it out; and the
    file's stamp for the cache."""

    summary: MeetingSummary | None
    problems: list[Problem]
    stamp: Stamp | None
    stored: str | None = None
    """The summary's form in the index database (made by the worker that read the file)."""


@dataclass(frozen=True)
class FileChecker:
    """Checks meeting files of the repository at `root` against `group` (None: an invalid
    group file, whose registry is not checked). Picklable: worker processes get it whole."""

    root: Path
    meetings_dir: Path
    group: Group | None
    stored: bool = False
    """Make each summary's form for the index database too (when the index is kept)."""

    def check(self, path: Path) -> Checked:
        """One meeting file through the loading pipeline, summarized."""
        from psc.archive.cache import Stamp, file_hash, stored_form
        from psc.archive.summary import summarize
        from psc.loading import pipeline

        try:
            if path.parent != self.meetings_dir or path.is_symlink():
                check_inside(self.root, path)
            raw, st = pipeline.read_stamped(path)
            meeting = pipeline.load_meeting(raw, path, self.group)
        except UsageError as exc:
            return Checked(None, [Problem(display_path(path), 1, 1, "", str(exc))], None)
        except InvalidData as exc:
            return Checked(None, exc.problems, None)
        summary = summarize(meeting)
        stored = None
        if self.stored:
            try:
                name = Path(os.path.abspath(path)).relative_to(self.root).as_posix()
                stored = stored_form(summary, name)
            except ValueError:
                pass  # outside the repository: not kept
        return Checked(summary, [], Stamp.of(st, len(raw), file_hash(raw)), stored)

    def check_all(self, paths: list[Path]) -> list[Checked]:
        return [self.check(path) for path in paths]

    def check_many(self, paths: list[Path], progress: Progress | None = None) -> list[Checked]:
        """`check_all`, shared among forked worker processes when there are many files (the
        workers inherit the loaded modules; each chunk of work carries this checker).
        `progress` is told (files checked, files in all, the last file) as they are."""
        import multiprocessing

        tell = progress or (lambda done, total, path: None)

        workers = min(os.cpu_count() or 1, 4)
        if (
            len(paths) < PARALLEL_FROM
            or workers < 2
            or sys.platform != "linux"
            or "fork" not in multiprocessing.get_all_start_methods()
        ):
            checked = []
            for n, path in enumerate(paths):
                tell(n, len(paths), path)
                checked.append(self.check(path))
            if paths:
                tell(len(paths), len(paths), paths[-1])
            return checked
        size = max(16, len(paths) // (workers * 4))
        chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
        found: list[Checked] = []
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for chunk, results in zip(chunks, pool.imap(self.check_all, chunks), strict=True):
                found.extend(results)
                tell(len(found), len(paths), chunk[-1])
        return found


class Indexer:
    """One indexing of the repository at `root`: the group file, then each meeting file from
    the cache (`use_cache`) or checked (`FileChecker`), then the archive-wide task checks."""

    def __init__(self, root: Path, group_path: Path, meetings_dir: Path, *, use_cache: bool):
        self.root = root
        self.group_path = group_path
        self.meetings_dir = meetings_dir
        self.use_cache = use_cache
        self.cache: Cache | None = None
        self.group: Group | None = None
        self.group_checked = False
        """True once the group file was validated (it is not when the cache answers all)."""
        self.info: dict[str, Any] | None = None
        self.problems: list[Problem] = []
        self._group_raw = b""

    def build(
        self,
        paths: list[Path],
        *,
        strays: list[Problem] | None,
        strict: bool,
        derive_tables: bool = False,
        progress: Progress | None = None,
    ) -> Index:
        """Validate the group and the meetings `paths` and summarize them. `strays`: the
        problems of scanning meetings/ when `paths` are all its meeting files, None when they
        are named files (the cache then keeps the entries of the others). `derive_tables`:
        bring the index database's report tables up to date when the whole archive is
        valid (a report will be answered from them). False (`psc validate`, which wants the
        problems only): the first report makes them, and when every file is as the archive
        was last found valid no summary is read (the index's meetings are then empty).
        `strict`: raise
        InvalidData when anything is invalid; otherwise the index holds the valid meetings
        and lists the problems. `progress` is told of the files checked (not of those the
        cache answers)."""
        from psc.archive.cache import Cache, file_hash
        from psc.archive.register import check_decisions
        from psc.archive.tasks import check_tasks
        from psc.loading import pipeline

        self._group_raw = pipeline.read(self.group_path)
        if self.use_cache:
            self.cache = Cache(self.root, file_hash(self._group_raw))
            self.info = self.cache.group_info or None
        if self.info is None:
            self._load_group()
        failed = False
        if strays is not None:
            self.problems.extend(strays)
            failed = any(p.severity == "error" for p in strays)  # a meeting may be in one of them
            if not derive_tables and self._as_found_valid(paths):
                # every file as when the archive was last found valid as a whole: nothing to
                # check, and no summary to read for a caller that wants the problems
                assert self.cache is not None  # _as_found_valid needs it
                self.cache.close()
                info = self.info if self.info is not None else INVALID_GROUP_INFO
                return Index(info, [], self.problems, 1 + len(paths))
        summaries, todo, names = self._from_cache(paths)
        if todo:
            group = self._load_group()
            checker = FileChecker(self.root, self.meetings_dir, group, self.cache is not None)
            if self.cache is not None and len(todo) >= PARALLEL_FROM:
                self.cache.release()  # the workers are forked: no open database in them
            for name, checked in zip(
                [n for n, _ in todo],
                checker.check_many([p for _, p in todo], progress),
                strict=True,
            ):
                if checked.problems:
                    self.problems.extend(checked.problems)
                    failed = True
                    continue
                assert checked.summary is not None
                summaries.append(checked.summary)
                if self.cache is not None and name and group is not None and checked.stamp:
                    self.cache.put(name, checked.summary, checked.stamp, checked.stored)
        summaries.sort(key=lambda m: (m.date, m.id))
        whole = strays is not None and not self.problems and self.cache is not None
        stamps = self._stamps(summaries) if whole else None
        known_good = (
            stamps is not None and self.cache is not None and self.cache.derived_from(stamps)
        )
        tables_current = known_good and self.cache is not None and self.cache.has_tables
        if known_good:
            pass  # the archive as it was when found valid as a whole: nothing to check across it
        elif not failed or not strict:  # with files missing, a review's task may be in one of them
            cross = self._positioned(
                [
                    *check_tasks(summaries, complete=not failed),
                    *check_decisions(summaries, complete=not failed),
                ]
            )
            self.problems.extend(cross)
            if cross:  # a file with a cross-file problem is left out too
                bad = {p.path for p in cross}
                summaries = [m for m in summaries if display_path(m.path) not in bad]
        group_ok = not self.group_checked or self.group is not None
        if self.cache is not None and group_ok:
            if strays is not None:
                self.cache.forget_except(names)
            self.cache.group_info = self.info
            derived, valid = None, None
            if stamps is not None and not self.problems:
                if derive_tables and not tables_current:
                    derived = self._derive(summaries, stamps)
                if derived is None and not known_good:
                    valid = stamps
            self.cache.save(derived, valid)
        if self.cache is not None:
            self.cache.close()  # the last connection checkpoints the WAL into the file
        if strict and any(p.severity == "error" for p in self.problems):
            raise InvalidData(self.problems)
        info = self.info if self.info is not None else INVALID_GROUP_INFO
        return Index(info, summaries, self.problems, 1 + len(summaries) + (1 if failed else 0))

    def _load_group(self) -> Group | None:
        """The group, validated once (its problems join the index's)."""
        if not self.group_checked:
            from psc.loading import pipeline

            self.group_checked = True
            try:
                self.group = pipeline.load_group(self.group_path, self._group_raw)
                self.info = group_info(self.group)
            except InvalidData as exc:
                self.problems.extend(exc.problems)
        return self.group

    def _from_cache(
        self, paths: list[Path]
    ) -> tuple[list[MeetingSummary], list[tuple[str, Path]], set[str]]:
        """The summaries the cache holds for `paths`, the (name, path) of the files to check,
        and the cache names of all `paths`."""
        summaries: list[MeetingSummary] = []
        todo: list[tuple[str, Path]] = []
        names: set[str] = set()
        for path in paths:
            name = self._cache_name(path)
            names.add(name)
            summary = self.cache.get(name, path) if self.cache is not None and name else None
            if summary is None:
                todo.append((name, path))
            else:
                summaries.append(summary)
        return summaries, todo, names

    def _derive(self, summaries: list[MeetingSummary], stamps: dict[str, Stamp]) -> Derived | None:
        """The report tables for `summaries`: only the rows of what changed when the tables
        hold the same files and a few of them changed (a change to one meeting touches the
        tasks it assigns or reviews, before and after; the schedule of meetings is the
        same), else all of them."""
        assert self.cache is not None
        base = self.cache.derived_stamps() if self.cache.has_tables else {}
        if base.keys() == stamps.keys():
            changed = {n for n, st in stamps.items() if base[n] != st.identity()}
            if 0 < len(changed) <= max(PARTIAL_UP_TO, len(stamps) // 10):
                meetings = [m for m in summaries if self._cache_name(Path(m.path)) in changed]
                ids = {m.id for m in meetings}
                touched = self.cache.touched(ids)
                for m in meetings:
                    touched.update(m.task_id(i) for i in range(len(m.tasks)))
                    touched.update(r.task for r in m.reviews)
                return derive(summaries, stamps, partial=(touched, ids), base=base)
        return derive(summaries, stamps)

    def _as_found_valid(self, paths: list[Path]) -> bool:
        """Whether `paths` are the files of the archive last found valid as a whole, each
        unchanged since (by its stamp), with no problem besides: then nothing needs
        checking. Only with the cache and a group file known valid."""
        if self.cache is None or self.info is None or self.problems or not self.cache.current:
            return False
        stamps = self.cache.unchanged([(self._cache_name(p), p) for p in paths])
        return stamps is not None and self.cache.derived_from(stamps)

    def _stamps(self, summaries: list[MeetingSummary]) -> dict[str, Stamp] | None:
        """The cache's stamp of each meeting's file by name; None when one is missing."""
        assert self.cache is not None
        out: dict[str, Stamp] = {}
        for m in summaries:
            name = self._cache_name(Path(m.path))
            stamp = self.cache.stamp(name) if name else None
            if stamp is None:
                return None
            out[name] = stamp
        return out

    def _cache_name(self, path: Path) -> str:
        """The file's path relative to the root (the cache's key), "" for one outside it."""
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return ""

    @staticmethod
    def _positioned(found: list[TaskProblem | DecisionProblem]) -> list[Problem]:
        """Problems of the archive-wide checks at their lines and columns: the positions of
        each file concerned are read through the loading pipeline, once."""
        from psc.loading import pipeline

        positions: dict[str, Positions] = {}
        problems = []
        for problem in found:
            path = problem.meeting.path
            if path not in positions:
                positions[path] = pipeline.positions(Path(path))
            problems.append(positions[path].problem(problem.loc, problem.message))
        return problems


def derive(
    summaries: list[MeetingSummary],
    stamps: dict[str, Stamp],
    *,
    partial: tuple[set[str], set[str]] | None = None,
    base: dict[str, tuple[Any, ...]] | None = None,
) -> Derived | None:
    """The report tables of the index database for a whole valid archive: its meetings
    (with their decisions, for the register), every task's states over the as-of dates
    (`tasks.timeline`), the tasks each meeting reviews, the names of all responsible, and
    the files' `stamps` by name. `partial` (task IDs, meeting IDs): only the rows of those,
    to replace theirs in tables made from the files of `base`."""
    import json

    from psc.archive.cache import SEPARATOR, Derived
    from psc.archive.summary import to_json
    from psc.archive.tasks import timeline

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def day(value: Any) -> str | None:
        return None if value is None else value.isoformat()

    name_of = {Path(name).stem: name for name in stamps}  # a meeting's ID is its file's stem
    only_tasks, only_meetings = partial if partial is not None else (None, None)
    meetings = []
    reviews: list[tuple[str, str]] = []
    for m in summaries:
        if only_meetings is not None and m.id not in only_meetings:
            continue
        reviews.extend((m.id, r.task) for r in m.reviews)
        light = MeetingSummary(
            m.id, name_of[m.id], m.date, m.number, m.title, m.approved,
            next_meetings=m.next_meetings, decisions=m.decisions, per_rollam=m.per_rollam,
            published=m.published, end_date=m.end_date,
        )  # fmt: skip
        meetings.append(
            (
                m.id,
                name_of[m.id],
                m.date.isoformat(),
                m.number,
                m.title,
                APPROVED if m.approved else PUBLISHED if m.published else DRAFT,
                len(m.decisions),
                dump(to_json(light)) if m.decisions else None,
            )
        )
    states = []
    responsible: dict[str, None] = {}
    for m in summaries:
        for task in m.tasks:
            responsible.update(dict.fromkeys(task.responsible))
    for start, until, t in timeline(summaries, only_tasks):
        deadline = t.deadline
        states.append(
            (
                t.id,
                t.meeting.id,
                t.meeting.date.isoformat(),
                t.index,
                start.isoformat(),
                day(until),
                t.status.value,
                day(t.status_date),
                t.status_note,
                None if deadline is None else deadline.kind,
                None if deadline is None else day(deadline.date),
                None if deadline is None else deadline.text,
                day(t.due),
                int(t.unresolved),
                t.task.text,
                SEPARATOR.join(t.task.responsible),
                t.task.responsible_text,
                t.task.contact,
            )  # fmt: skip
        )
    states.sort(key=lambda row: (row[6], row[12] or ""))  # as the reports look them up
    if any(SEPARATOR in name for name in responsible):
        return None  # a name the table cannot hold: reports read the files
    files = [(name, *st.identity()) for name, st in stamps.items()]
    if partial is None:
        return Derived(files, meetings, states, reviews, list(responsible))
    ids = (sorted(partial[0]), sorted(partial[1]))
    return Derived(files, meetings, states, reviews, list(responsible), ids, base)
