"""Scaffolding: the next meeting's file from the archive, and a new minutes repository.

`plan_meeting` is pure (it takes the archive and the date); the file is written from the
overridable template `scaffold/meeting.yaml.j2`, validated before it is written, and written
atomically, never over an existing file unless asked to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from psc.archive.tasks import TrackedTask, next_meeting_after, track
from psc.errors import PscError, UsageError, display_path
from psc.language.wording import Wording
from psc.loading.model import Group, Meeting, TaskStatus


class FileExists(PscError):
    """The file to create exists already (and --force was not given)."""


@dataclass
class Review:
    """A task carried into the new meeting's task review."""

    id: str
    text: str
    responsible: str
    deadline: str


@dataclass
class MeetingPlan:
    """Everything the scaffold template needs to write the next meeting's file."""

    number: int | None
    title: str
    date: dt.date
    start: dt.time | None
    end: dt.time | None
    place: str | None
    members: list[Any]
    items: list[dict[str, Any]]
    reviews: list[Review]
    ongoing: list[Review]
    next_meetings: list[Any]
    previous: str | None
    review_item: int | None = None
    sections: list[str] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return f"{self.date.isoformat()}.yaml"


def next_date(meetings: list[Meeting]) -> dt.date | None:
    """The date of the next meeting as the latest minutes list it (firm dates first)."""
    if not meetings:
        return None
    latest = meetings[-1]
    listed = [n for n in latest.next_meetings if n.date > latest.date]
    firm = [n.date for n in listed if not n.tentative]
    dates = firm or [n.date for n in listed]
    return min(dates) if dates else None


def plan_meeting(
    group: Group,
    meetings: list[Any],
    wording: Wording,
    *,
    date: dt.date,
    number: int | None = None,
    title: str | None = None,
    time: dt.time | None = None,
    place: str | None = None,
    template: Meeting | None = None,
    load: Any = None,
) -> MeetingPlan:
    """What the next meeting's file holds, from the group, the archive (meetings or their
    summaries; `load` turns a summary into its meeting) and the options."""
    labels = wording.labels
    meetings = sorted(meetings, key=lambda m: (m.date, m.id))
    before = [m for m in meetings if m.date <= date]
    previous = before[-1] if before else None
    if previous is not None and load is not None and not isinstance(previous, Meeting):
        previous = load(previous)
    if number is None:  # the next number; none for a body that does not number its meetings
        # (a vote by correspondence between meetings carries no number: count from the last
        # numbered meeting)
        numbered = [m.number for m in before if m.number]
        number = 1 if previous is None else (numbered[-1] + 1 if numbered else None)
    if title is None:
        pattern = group.title_pattern or labels["meeting_title"]
        if number is None and "{number}" in pattern:  # a body that does not number its meetings
            pattern = "{name}"
        title = pattern.format(number=number, name=group.name, short=group.short)
    listed = next((n for n in (previous.next_meetings if previous else []) if n.date == date), None)
    start = (
        time
        or (listed.time if listed and listed.time else None)
        or (previous.start if previous else None)
        or group.default_time
    )
    end = None
    if previous and previous.start and previous.end and start == previous.start:
        end = previous.end
    place = (
        place
        or (listed.place if listed and listed.place else None)
        or (previous.place if previous else None)
        or group.default_place
    )

    # tasks due by this meeting: resolve 'next meeting' as if this meeting's file existed
    with_new = [*meetings, SimpleNamespace(date=date)]
    reviews, ongoing = [], []
    for t in track(
        meetings, as_of=date
    ).values():  # the tasks as they stand on the new meeting's date
        if t.status != TaskStatus.open or t.meeting.date >= date:
            continue
        deadline = t.deadline
        if deadline is None:
            continue
        due = t.due
        if deadline.kind == "next_meeting":
            due = next_meeting_after(t.deadline_set_at or t.meeting, with_new)  # type: ignore[arg-type]
        entry = _review(t, wording, due)
        if deadline.kind == "ongoing":
            ongoing.append(entry)
        elif due is None or due <= date:
            reviews.append(entry)

    standard: list[dict[str, Any] | None] = [
        {"title": labels["item_opening"]},
        {"title": labels["item_minutes_approval"]} if previous else None,
        {"title": labels["item_task_review"], "review": True} if reviews or ongoing else None,
    ]
    items = [i for i in standard if i]
    sections: list[str] = []
    if template is not None:
        taken = {i["title"] for i in items}
        items += [
            {"title": i.title, "presenters": i.presenters}
            for i in template.items
            if i.title and i.title not in taken
        ]
        sections = [s.title for s in template.sections]
    else:
        items.append({"title": labels["item_other"]})
    for n, item in enumerate(items, 1):
        item["number"] = n
    review_item = next((i["number"] for i in items if i.get("review")), None)
    next_meetings = [n for n in (previous.next_meetings if previous else []) if n.date > date]
    return MeetingPlan(
        number=number,
        title=title,
        date=date,
        start=start,
        end=end,
        place=place,
        members=list(group.members),
        items=items,
        reviews=reviews,
        ongoing=ongoing,
        next_meetings=next_meetings,
        previous=previous.id if previous else None,
        review_item=review_item,
        sections=sections,
    )


def _review(t: TrackedTask, wording: Wording, due: dt.date | None) -> Review:
    labels = wording.labels
    deadline = wording.deadline_words(t.deadline, due) if t.deadline else ""
    return Review(t.id, t.task.text, ", ".join(t.owners) or labels["all_members"], deadline)


def new_meeting(
    project: Any,
    *,
    date: dt.date | None,
    number: int | None = None,
    title: str | None = None,
    time: dt.time | None = None,
    place: str | None = None,
    from_meeting: str | None = None,
    ask: Any = None,
    dry_run: bool = False,
    force: bool = False,
) -> tuple[Path, str, bool]:
    """Scaffold the next meeting: (its path, its text, whether it was written)."""
    from psc.fileio import write_text_atomic

    index = project.index()
    group = project.load_group()
    meetings = index.meetings
    if date is None:
        date = next_date(meetings)
    if date is None and ask is not None:
        date = ask("date")
    if date is None:
        reason = (
            "the latest minutes list no next meeting" if meetings else "there is no meeting yet"
        )
        raise UsageError(f"which date? {reason}; give it: psc new-meeting YYYY-MM-DD")

    def load(summary: Any) -> Meeting:
        return project.load_meeting(Path(summary.path), group)

    template = load(index.meeting(from_meeting)) if from_meeting else None
    wording = Wording(group.language, group.labels, group.language)
    plan = plan_meeting(
        group,
        meetings,
        wording,
        date=date,
        number=number,
        title=title,
        time=time,
        place=place,
        template=template,
        load=load,
    )
    text = _render(
        [project.templates_dir], "scaffold/meeting.yaml.j2", wording, group=group, plan=plan
    )
    path = project.meetings_dir / plan.file_name
    _check_scaffold(project, path, text, group)
    if dry_run:
        return path, text, False
    # created exclusively: a file that appeared meanwhile is never replaced
    with project.edit_lock():
        if force:
            project.check_inside(
                path
            )  # --force through a symlink: only onto a file inside the repository
            from psc.edits.approval import refuse_replacing_approved

            refuse_replacing_approved(path, "give another DATE")
        try:
            write_text_atomic(path, text, exclusive=not force)
        except FileExistsError:
            raise FileExists(
                f"{display_path(path)} exists already; nothing was written "
                "(use --force to overwrite it)"
            ) from None
    return path, text, True


def _check_scaffold(project: Any, path: Path, text: str, group: Group) -> None:
    """The scaffold must validate as written (through the loading pipeline); a broken
    template is reported (InvalidData), not written."""
    from psc.loading import pipeline

    pipeline.load_meeting(text, path, group)


def _render(own: list[Path], name: str, wording: Wording | None, /, **context: Any) -> str:
    """A scaffold from template `name` (a repository's own `templates/` in `own` first): YAML
    values through the filter `yaml`, comments through `comment`; the wording of the group's
    language as `labels`, `label`, dates and deadlines (not for `psc init`: no group yet)."""
    from psc.language import templates
    from psc.loading.yamlfile import scalar

    filters: dict[str, Any] = {
        "yaml": scalar,
        "comment": lambda text: " ".join(str(text).split()),
        "hhmm": lambda t: f"{t:%H:%M}" if t else "",
    }
    names: dict[str, Any] = {}
    if wording is not None:
        filters.update(short_date=wording.short_date, long_date=wording.long_date)
        names.update(
            labels=wording.labels,
            label=wording.label,
            lang=wording.language,
            deadline_words=wording.deadline_words,
        )
    env = templates.environment(own, filters=filters, globals=names)
    return templates.render(env, name, **context)


# ------------------------------------------------------------------ psc init


def init_repository(directory: Path, *, name: str, short: str, language: str) -> list[str]:
    """Create a minutes repository in `directory`; return what was done, line by line."""
    from psc import gitrepo
    from psc.fileio import write_text_atomic

    group_file = directory / "group.yaml"
    if group_file.exists():
        raise FileExists(f"{display_path(group_file)} exists already: this is a minutes repository")
    context = {"name": name, "short": short, "language": language}
    done = []
    for target, template in (
        (group_file, "scaffold/group.yaml.j2"),
        (directory / "README.md", "scaffold/group-readme.md.j2"),
    ):
        if target.exists():
            done.append(f"kept {display_path(target)}")
            continue
        write_text_atomic(target, _render([], template, None, **context))
        done.append(f"wrote {display_path(target)}")
    gitignore = directory / ".gitignore"
    wanted = ["/minutes/", "/site/", "/reminders/", "/.psc-cache/"]
    existing = gitignore.read_text(encoding="utf-8").splitlines() if gitignore.exists() else []
    missing = [line for line in wanted if line not in existing]
    if missing:
        write_text_atomic(gitignore, "\n".join([*existing, *missing]) + "\n")
        done.append(f"wrote {display_path(gitignore)}")
    from psc.loading.schema import KINDS, schema_text

    schema_dir = directory / "schema"
    for kind in KINDS:  # editors check files against these as people type
        target = schema_dir / f"{kind}.schema.json"
        if not target.exists():
            write_text_atomic(target, schema_text(kind))
    done.append(f"wrote {display_path(schema_dir)}/")
    meetings = directory / "meetings"
    meetings.mkdir(exist_ok=True)
    keep = meetings / ".gitkeep"
    if not any(meetings.iterdir()):
        keep.write_text("", encoding="utf-8")
    done.append(f"created {display_path(meetings)}/")
    if not gitrepo.inside_work_tree(directory):
        gitrepo.init(directory)
        done.append(f"initialised a git repository in {display_path(directory)}")
    return done
