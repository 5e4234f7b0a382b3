"""The archive as an iCalendar file: upcoming meetings as VEVENTs, open task deadlines as VTODOs.

What goes in:

- every meeting file dated on or after the as-of date (its full model is loaded for the time
  and place; earlier meetings are answered from the index and never loaded), and the
  `next_meetings` the latest minutes list for dates that have no meeting file yet;
- every open task with a resolved due date (a date, or 'next meeting' dated by the archive),
  overdue ones included. Ongoing tasks, 'next meeting' tasks with no known date, and done or
  cancelled tasks are left out: the file is a feed of what is ahead. A calendar that
  subscribes to it drops a task once it is done; one that imported an earlier file keeps
  its copy until removed by hand.

Times are local times in Europe/Prague (TZID, with a VTIMEZONE covering the years used); a
meeting without a known start time is an all-day event, one with a start but no end lasts
DEFAULT_DURATION. A start time is never guessed (not from the group's `default_time`); the
place of a listed date falls back as `psc new-meeting` does: the listed place, the latest
meeting's, the group's `default_place`.

The output is deterministic: UIDs come from the meeting or task ID and the group's short name
(`meeting-2016-11-15@ps-pro-sc.psc`, `task-2016-09-07-3@ps-pro-sc.psc`), so a client updates
entries instead of duplicating them (a listed date gets the UID its meeting file will have),
and DTSTAMP is the as-of date at 00:00 UTC, so the same archive and as-of date give
byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psc.errors import check_language
from psc.terms import TaskStatus, add_days

if TYPE_CHECKING:
    from psc.archive.project import Index, Project
    from psc.archive.tasks import TrackedTask

PRODID = "-//psc//minutes//CS"
TIMEZONE = "Europe/Prague"
DEFAULT_DURATION = dt.timedelta(hours=2)
"""How long a meeting with a start time but no end time is shown to last."""


@dataclass(frozen=True)
class MeetingEvent:
    """One meeting in the calendar: a meeting file, or a date the latest minutes list."""

    id: str
    date: dt.date
    title: str
    start: dt.time | None = None
    end: dt.time | None = None
    place: str | None = None
    tentative: bool = False
    note: str | None = None
    end_date: dt.date | None = None
    """The last day of a meeting held over several days."""


# ---------------------------------------------------------------------- text


def plain(text: str) -> str:
    """Inline Markdown as one line of plain text for the calendar: links become their text,
    bold marks and escapes go, control characters (RFC 5545 forbids them) too."""
    from psc.language.mdtext import plain_text

    return plain_text(text, urls=False)


def _text(value: str) -> str:
    """A text value that is not Markdown (names, labels, addresses), as the calendar takes
    it: one line, no control characters."""
    from psc.language.mdtext import plain_line

    return plain_line(value)


def uid_domain(short: str) -> str:
    """The right-hand side of the group's UIDs: its short name as a slug, e.g. 'ps-pro-sc.psc'."""
    ascii_ = unicodedata.normalize("NFKD", short).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return f"{slug or 'group'}.psc"


def meeting_uid(meeting_id: str, domain: str) -> str:
    return f"meeting-{meeting_id}@{domain}"


def task_uid(task_id: str, domain: str) -> str:
    """'2016-09-07/3' -> 'task-2016-09-07-3@…' (characters other than letters, digits, '.',
    '_' and '-' become '-')."""
    return f"task-{re.sub(r'[^A-Za-z0-9._-]', '-', task_id)}@{domain}"


# ---------------------------------------------------------------------- what goes in


def upcoming_meetings(
    index: Index, as_of: dt.date, load: Callable[[Any], Any], group: Callable[[], Any]
) -> list[MeetingEvent]:
    """Meetings on or after `as_of`: meeting files (loaded with `load`, a summary -> its model)
    and the dates the latest minutes list that have no file yet. `group()` gives the group
    model (for its default place); both are called only when needed."""
    events: list[MeetingEvent] = []
    loaded: dict[str, Any] = {}

    def model(summary: Any) -> Any:
        if summary.id not in loaded:
            loaded[summary.id] = load(summary)
        return loaded[summary.id]

    for summary in index.meetings:
        if (summary.end_date or summary.date) < as_of:  # over, not still in session
            continue
        m = model(summary)
        events.append(
            MeetingEvent(
                id=summary.id,
                date=summary.date,
                title=plain(summary.title),
                start=m.start,
                end=m.end if m.start is not None else None,
                place=plain(m.place) if m.place else (group().default_place or None),
                end_date=m.end_date,
            )
        )
    if index.meetings:
        latest = index.meetings[-1]
        with_file = {m.date for m in index.meetings}
        wanted = [
            n
            for n in latest.next_meetings
            if n.date >= as_of and n.date > latest.date and n.date not in with_file
        ]
        if wanted:
            listed: dict[dt.date, Any] = {}
            for n in model(latest).next_meetings:
                listed.setdefault(n.date, n)
            for summary_date in sorted({n.date for n in wanted}):
                n = listed[summary_date]
                place = n.place or model(latest).place or group().default_place
                events.append(
                    MeetingEvent(
                        id=n.date.isoformat(),
                        date=n.date,
                        title="",
                        start=n.time,
                        place=plain(place) if place else None,
                        tentative=n.tentative,
                        note=plain(n.note) if n.note else None,
                    )
                )
    return sorted(events, key=lambda e: (e.date, e.id))


def open_deadlines(tracked: list[TrackedTask]) -> list[TrackedTask]:
    """Open tasks with a due date, soonest first, then by where they were assigned."""
    chosen = [t for t in tracked if t.status == TaskStatus.open and t.due is not None]
    return sorted(chosen, key=lambda t: (t.due, t.meeting.date, t.meeting.id, t.index))


# ---------------------------------------------------------------------- the calendar


def build_calendar(
    *,
    group_name: str,
    group_short: str,
    meetings: list[MeetingEvent],
    tasks: list[TrackedTask],
    wording: Any,
    as_of: dt.date,
) -> bytes:
    """The iCalendar file (UTF-8, CRLF line ends) of these meetings and tasks."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event, Todo

    labels = wording.labels
    domain = uid_domain(group_short)
    stamp = dt.datetime.combine(as_of, dt.time(0), tzinfo=dt.timezone.utc)
    zone = ZoneInfo(TIMEZONE)

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _text(group_name))
    cal.add("x-wr-timezone", TIMEZONE)

    years: list[int] = []
    for m in meetings:
        event = Event()
        event.add("uid", meeting_uid(m.id, domain))
        event.add("dtstamp", stamp)
        if m.start is not None:
            start = dt.datetime.combine(m.date, m.start, tzinfo=zone)
            end = (
                dt.datetime.combine(m.end_date or m.date, m.end, tzinfo=zone)
                if m.end is not None
                else _later(start)
            )
            event.add("dtstart", start)
            if end is not None:  # none past the calendar's last instant: the event then has no end
                event.add("dtend", end)
            years += [start.year, (end or start).year]
        else:
            event.add("dtstart", m.date)
            last_day = m.end_date or m.date
            if last_day < dt.date.max:  # an all-day event without DTEND lasts its days (RFC 5545)
                event.add("dtend", add_days(last_day, 1))
        title = m.title or labels["calendar_meeting"].format(short=group_short)
        if m.tentative and not m.title:
            title += f" ({labels['calendar_tentative']})"
        event.add("summary", _text(title))
        if m.place:
            event.add("location", _text(m.place))
        if m.note:
            event.add("description", _text(m.note))
        event.add("status", "TENTATIVE" if m.tentative else "CONFIRMED")
        cal.add_component(event)

    for t in tasks:
        todo = Todo()
        todo.add("uid", task_uid(t.id, domain))
        todo.add("dtstamp", stamp)
        todo.add("due", t.due)
        todo.add("summary", plain(t.task.text))
        lines = [f"{labels['col_responsible']}: {', '.join(t.owners) or labels['all_members']}"]
        if t.deadline is not None:
            lines.append(f"{labels['col_deadline']}: {wording.deadline_words(t.deadline, t.due)}")
        if t.task.contact:
            lines.append(f"{labels['col_contact']}: {t.task.contact}")
        lines.append(f"{labels['col_id']}: {t.id}")
        lines.append(
            f"{labels['col_meeting']}: {wording.short_date(t.meeting.date)} ({t.meeting.id})"
        )
        todo.add("description", "\n".join(_text(line) for line in lines))
        if t.owners:
            todo.add("categories", [_text(owner) for owner in t.owners])
        todo.add("status", "NEEDS-ACTION")
        cal.add_component(todo)

    if years:  # one VTIMEZONE, covering just the years the events fall in
        # icalendar searches up to 64 days past a transition: stop a year short of the calendar's end
        first, last = min(min(years), dt.MAXYEAR - 1), min(max(years) + 1, dt.MAXYEAR)
        cal.add_missing_timezones(first_date=dt.date(first, 1, 1), last_date=dt.date(last, 1, 1))
    return cal.to_ical()


def _later(start: dt.datetime) -> dt.datetime | None:
    """`start` + DEFAULT_DURATION, or None past the last representable instant."""
    try:
        return start + DEFAULT_DURATION
    except OverflowError:
        return None


def export_ics(
    project: Project, *, as_of: dt.date, lang: str | None = None, public: bool = False
) -> bytes:
    """The archive's upcoming meetings and open task deadlines as an iCalendar file;
    `public`: from the public edition (private people's names replaced)."""
    from psc.archive.tasks import track

    check_language(lang)
    if public:
        from psc.publish.public import public_project

        project = public_project(project)
    index = project.report_index()
    group_model: list[Any] = []

    def group() -> Any:
        if not group_model:
            group_model.append(project.load_group())
        return group_model[0]

    meetings = upcoming_meetings(
        index, as_of, lambda s: project.load_meeting(Path(s.path), group()), group
    )
    tasks = open_deadlines(list(track(index.meetings, as_of=as_of).values()))
    info = index.group_info
    return build_calendar(
        group_name=info["name"],
        group_short=info["short"] or info["name"],
        meetings=meetings,
        tasks=tasks,
        wording=index.wording(lang),
        as_of=as_of,
    )
