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
from psc.language.labels import meeting_title
from psc.language.wording import Wording
from psc.loading.model import Group, Meeting, Person, TaskStatus


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
    chair: Person | None = None
    minute_taker: Person | None = None
    verifiers: list[Person] = field(default_factory=list)
    categories: list[dict[str, Any]] = field(default_factory=list)
    """The previous meeting's attendance categories: label, people (the members in the first
    when the meeting lists nobody as present otherwise), note."""
    lists: bool = True
    """Whether the file lists present, excused, absent and guests (else only `categories`)."""
    quorum: dict[str, Any] | None = None
    """The previous meeting's quorum shape: how many members in all; the rest to fill in."""

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
    # the file this plan becomes is not part of the archive it is planned from (--force)
    replaced = date.isoformat()
    meetings = sorted((m for m in meetings if m.id != replaced), key=lambda m: (m.date, m.id))
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
        title = meeting_title(pattern, number=number, name=group.name, short=group.short)
    listed = next((n for n in (previous.next_meetings if previous else []) if n.date == date), None)
    start = (
        time
        or (listed.time if listed and listed.time else None)
        or (previous.start if previous else None)
        or group.default_time
    )
    end = None  # how long a meeting lasts is known when it ends, never copied
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

    items = _agenda(labels, previous is not None, bool(reviews or ongoing), template)
    sections = [s.title for s in template.sections] if template is not None else []
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
        **(_roles_and_attendance(previous, group) if isinstance(previous, Meeting) else {}),
    )


def _agenda(
    labels: dict[str, str], approval: bool, review: bool, template: Meeting | None
) -> list[dict[str, Any]]:
    """The items: opening, approval of the previous minutes (when there are some), task
    review (when tasks are due), then the template's items (`--from`) or 'other business'.
    A template's own opening, approval and review are those items (under the template's
    titles), never repeated: its first item when it opens the meeting, an item titled as the
    approval, an item reviewing tasks."""
    standard: list[dict[str, Any]] = [{"title": labels["item_opening"], "kind": "opening"}]
    if approval:
        standard.append({"title": labels["item_minutes_approval"], "kind": "approval"})
    if review:
        standard.append({"title": labels["item_task_review"], "kind": "review", "review": True})
    if template is None:
        return [*standard, {"title": labels["item_other"]}]
    rest = [i for i in template.items if i.title]
    for kind, label in (
        ("opening", labels["item_opening"]),
        ("approval", labels["item_minutes_approval"]),
        ("review", labels["item_task_review"]),
    ):
        found = next((i for i in rest if _is_standard(i, kind, label, rest)), None)
        if found is None:
            continue
        rest.remove(found)
        mine = next((item for item in standard if item["kind"] == kind), None)
        if mine is not None:
            mine.update(title=found.title, presenters=found.presenters)
    return [*standard, *({"title": i.title, "presenters": i.presenters} for i in rest)]


def _is_standard(item: Any, kind: str, label: str, items: list[Any]) -> bool:
    """Whether the template's `item` is its opening, approval or task review (`kind`)."""
    title = (item.title or "").casefold()
    if kind == "opening":
        return item is items[0] and title.startswith(label.casefold())
    if kind == "review":
        from psc.loading.model import TaskReview

        return title.startswith(label.casefold()) or any(
            isinstance(block, TaskReview) for block in item.content
        )
    return title.startswith(label.casefold())


def _roles_and_attendance(previous: Meeting, group: Group) -> dict[str, Any]:
    """What a meeting keeps from the one before: its chair, minute-taker and verifiers, its
    attendance categories (labels and notes; people to fill in) and its quorum's shape."""
    attendees = previous.attendees
    lists = bool(
        attendees.present
        or attendees.excused
        or attendees.absent
        or attendees.guests
        or not attendees.categories
    )
    categories: list[dict[str, Any]] = [
        {"label": c.label, "people": [], "note": c.note} for c in attendees.categories
    ]
    if categories and not lists:  # the first category is who attends: the members, as present
        first = attendees.categories[0]
        members = [
            Person.model_validate({"name": m.name, "organisation": m.organisation})
            for m in group.members
        ]
        categories[0]["people"] = members or list(first.people)
    quorum = attendees.quorum
    return {
        "chair": previous.chair,
        "minute_taker": previous.minute_taker,
        "verifiers": list(previous.verifiers),
        "categories": categories,
        "lists": lists,
        "quorum": None if quorum is None else {"members": quorum.members},
    }


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

GITIGNORE = [
    "# Written by psc, never committed: the rendered minutes, the site, the public edition,",
    "# reminder and circulation drafts (they hold members' addresses) and the index.",
    "/minutes/",
    "/site/",
    "/public/",
    "/reminders/",
    "/circulation/",
    "/.psc-cache/",
    "# A file psc was writing when it was stopped, and editors' backups.",
    ".*.tmp",
    "*~",
    ".*.swp",
    ".#*",
    "\\#*#",
]
"""What `psc init` keeps out of git: every folder psc writes to by default (the rendered
minutes, the site, the public edition's outputs, reminder and circulation drafts, which hold
members' addresses, and the index), the temporary file a psc killed mid-write leaves beside
a file (`psc.fileio`) and editors' backup and swap files, so `git add -A` commits only the
archive itself (tests/test_gitignore.py runs every command that writes and checks nothing new
is left)."""

FIRST_COMMIT = ["group.yaml", "README.md", ".gitignore", "schema", "meetings"]
"""What the first commit of `psc init` holds (relative to the new repository)."""


def init_repository(
    directory: Path,
    *,
    name: str,
    short: str,
    language: str,
    profile: Any = None,
) -> list[str]:
    """Create a minutes repository in `directory` with the words of `profile` (a
    psc.edits.profiles.Profile; None: the default, a working group); return what was done,
    line by line. Its files are written together, group.yaml last: a repository is one once
    its group file is there, so an init killed half-way can be run again. Then git: a new
    repository, and the first commit (see `_first_commit`)."""
    from psc import __version__
    from psc.edits import profiles
    from psc.fileio import FileWrite, write_files
    from psc.loading.schema import KINDS, schema_text
    from psc.messages import _

    if profile is None:
        profile = profiles.load(profiles.DEFAULT)
    if language not in profile.title_pattern:
        raise profiles.ProfileError(
            _(
                "the profile {profile} has no words in {language}",
                profile=profile.name,
                language=language,
            )
        )
    group_file = directory / "group.yaml"
    if group_file.exists():
        raise FileExists(
            _(
                "{path} exists already: this is a minutes repository",
                path=display_path(group_file),
            )
        )
    title_pattern, labels = profile.words(language, name, short)
    context = {
        "name": name,
        "short": short,
        "language": language,
        "profile": profile.name,
        "title_pattern": title_pattern,
        "labels": labels,
        "repository": _repository(),
        "tag": f"v{__version__}",
    }
    group_text = _render([], "scaffold/group.yaml.j2", None, **context)
    _check_group(group_file, group_text)
    done: list[str] = []
    writes: list[FileWrite] = []
    readme = directory / "README.md"
    if readme.exists():
        done.append(_("kept {path}", path=display_path(readme)))
    else:
        writes.append(
            FileWrite(readme, _render([], "scaffold/group-readme.md.j2", None, **context))
        )
        done.append(_("wrote {path}", path=display_path(readme)))
    gitignore = directory / ".gitignore"
    existing = gitignore.read_text(encoding="utf-8").splitlines() if gitignore.exists() else []
    missing = [line for line in GITIGNORE if line not in existing]
    if missing:
        writes.append(FileWrite(gitignore, "\n".join([*existing, *missing]) + "\n"))
        done.append(_("wrote {path}", path=display_path(gitignore)))
    schema_dir = directory / "schema"
    for kind in KINDS:  # editors check files against these as people type
        target = schema_dir / f"{kind}.schema.json"
        if not target.exists():
            writes.append(FileWrite(target, schema_text(kind)))
    shown_schema = display_path(schema_dir) + "/"
    done.append(_("wrote {path}", path=shown_schema))
    meetings = directory / "meetings"
    if not (meetings.is_dir() and any(meetings.iterdir())):
        writes.append(FileWrite(meetings / ".gitkeep", ""))
    shown_meetings = display_path(meetings) + "/"
    done.append(_("created {path}", path=shown_meetings))
    writes.append(FileWrite(group_file, group_text))
    write_files(writes)
    done.insert(0, _("wrote {path}", path=display_path(group_file)))
    done.extend(_first_commit(directory, name))
    return done


def _repository() -> str | None:
    """The URL of the git repository this psc was installed from (for the README's install
    command), None when it came from elsewhere (a checkout's path is no one else's)."""
    from psc.installed import source

    where = source() or ""
    if not where.startswith("git+") or "://" not in where:
        return None
    head, slash, last = where[len("git+") :].rpartition("/")
    return head + slash + last.split("@")[0]  # without the commit it was installed at


def _check_group(path: Path, text: str) -> None:
    """The group file as written must load (a profile's labels and pattern checked as any
    group's are): a broken profile is reported, nothing written."""
    from psc.loading import pipeline

    pipeline.load_group(path, text)


def _first_commit(directory: Path, name: str) -> list[str]:
    """git for a new repository: `git init` where the directory is in none, then the first
    commit of the files psc wrote, so that `psc diff` works at once, where the repository has
    no commit yet. The author is git's configured identity; a repository psc has just created
    where git knows no one gets psc's own (for that one commit, and said); in a repository of
    the user's own, psc then leaves the commit to her and names the command."""
    from psc import gitrepo
    from psc.messages import _

    shown = display_path(directory)
    files = " ".join(FIRST_COMMIT)
    if not gitrepo.available():
        return [
            _(
                "note: git is not installed; to keep the history of the minutes, install it "
                "and run: git init && git add {files} && git commit -m 'psc init'",
                files=files,
            )
        ]
    done = []
    created = not gitrepo.inside_work_tree(directory)
    if created:
        gitrepo.init(directory)
        done.append(_("initialised a git repository in {path}", path=shown))
    elif gitrepo.has_commits(directory):
        return done
    message = _("{name}: group file, README, .gitignore and schemas (psc init)", name=name)
    identity = None
    if not gitrepo.has_identity(directory):
        if not created:
            done.append(
                _(
                    "note: nothing committed: git does not know who you are; set it with "
                    "git config --global user.name 'Your Name' and git config --global "
                    "user.email you@example.org, then run: git add {files} && git commit -m "
                    "'psc init'",
                    files=files,
                )
            )
            return done
        identity = gitrepo.FALLBACK_IDENTITY
    sha = gitrepo.commit_files(directory, FIRST_COMMIT, message, identity=identity)
    done.append(_("committed {files} as {sha}", files=files, sha=sha))
    if identity is not None:
        who = "{} <{}>".format(*identity)
        done.append(
            _(
                "note: git does not know who you are, so this first commit's author is "
                "'{who}'; set yours with git config --global user.name 'Your Name' and "
                "git config --global user.email you@example.org",
                who=who,
            )
        )
    return done
