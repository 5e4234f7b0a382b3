"""A minutes repository on disk: discovery, the group file, and the meeting archive."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from psc.errors import InvalidData, MeetingNotFound, Problem, ProjectNotFound, UsageError, display_path
from psc.model import MEETING_FILE, Group, Meeting

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


@dataclass
class Archive:
    """The group and all its meetings, oldest first."""

    group: Group
    meetings: list[Meeting]

    def meeting(self, meeting_id: str) -> Meeting:
        for meeting in self.meetings:
            if meeting.id == meeting_id:
                return meeting
        raise MeetingNotFound(f"no meeting {meeting_id!r}")


class Project:
    """A minutes repository: `group.yaml`, `meetings/`, optional `templates/`."""

    def __init__(self, root: Path):
        self.root = root
        self.group_path = root / GROUP_FILE
        self.meetings_dir = root / MEETINGS_DIR
        self.templates_dir = root / "templates"

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
        if not self.meetings_dir.is_dir():
            return []
        return sorted(p for p in self.meetings_dir.glob("*.yaml") if p.is_file())

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
        raise MeetingNotFound(f"no meeting {ref!r}: give a date like 2016-09-07 or a path to a meeting file")

    def check_inside(self, path: Path) -> None:
        """Refuse a file outside the repository (also through a symlink), naming it only."""
        try:
            path.resolve().relative_to(self.root.resolve())
        except ValueError:
            raise UsageError(f"{display_path(path)} is outside the minutes repository "
                             f"({display_path(self.root)}); psc reads only files inside it") from None

    # ------------------------------------------------------------------ loading

    def load_group(self) -> Group:
        """The validated group file; raises InvalidData."""
        from psc import validate, yamlfile

        data, pos = yamlfile.load(self.group_path)
        return validate.parse_group(data, pos)

    def load_meeting(self, path: Path, group: Group | None) -> Meeting:
        """One validated meeting, cross-checked against the group; raises InvalidData."""
        from psc import validate, yamlfile

        try:
            self.check_inside(path)
        except UsageError as exc:
            raise InvalidData([Problem(display_path(path), 1, 1, "", str(exc))]) from None
        data, pos = yamlfile.load(path)
        meeting = validate.parse_meeting(data, pos, path)
        problems = validate.check_meeting(meeting, path, group)
        if problems:
            raise InvalidData(problems)
        return meeting

    def load_archive(self, paths: list[Path] | None = None) -> Archive:
        """The group and every meeting; raises InvalidData listing the problems of all files."""
        problems: list[Problem] = []
        group: Group | None = None
        try:
            group = self.load_group()
        except InvalidData as exc:
            problems.extend(exc.problems)
        meetings = []
        failed = False
        for path in self.meeting_paths() if paths is None else paths:
            try:
                meetings.append(self.load_meeting(path, group))
            except InvalidData as exc:
                problems.extend(exc.problems)
                failed = True
        if not failed:  # references between meetings mean something only when all loaded
            from psc.tasks import check_tasks

            problems.extend(check_tasks(meetings))
        if problems:
            raise InvalidData(problems)
        assert group is not None
        meetings.sort(key=lambda m: (m.date, m.id))
        return Archive(group, meetings)

    def load_valid_meetings(self, group: Group | None) -> list[Meeting]:
        """Every meeting that loads without problems (for lookups; `validate` reports the rest)."""
        meetings = []
        for path in self.meeting_paths():
            try:
                meetings.append(self.load_meeting(path, group))
            except InvalidData:
                continue
        return meetings

    def validate(self, paths: list[Path] | None = None) -> tuple[int, list[Problem]]:
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
        try:
            self.load_archive(meeting_paths)
        except InvalidData as exc:
            return 1 + len(meeting_paths), exc.problems
        return 1 + len(meeting_paths), []
