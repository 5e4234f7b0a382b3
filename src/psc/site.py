"""A static website of the archive (`psc build`): works from the file system, loads nothing
from the network, prints well, and reads in the group's language.

site/index.html          the meetings: date, number, title, draft/approved, attachments
site/meetings/<id>.html  each meeting's minutes
site/tasks.html          open tasks, overdue ones first (as of the build's date)
site/org/<slug>.html     a page per responsible body with its tasks
site/calendar.ics        meetings and task deadlines (psc export ics)
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

from psc.errors import UsageError, display_path


def slug(text: str) -> str:
    """An ASCII file name for `text`: 'MŽP' -> 'mzp', 'SMO ČR' -> 'smo-cr'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def build_site(project: Any, out: Path, *, as_of: dt.date, lang: str | None = None,
               use_cache: bool = True) -> list[str]:
    """Write the site into `out`; return what was written, line by line."""
    from psc.fileio import write_text_atomic
    from psc.render import Renderer
    from psc.reports import grouped, record
    from psc.tasks import Selection, select, track

    if out.exists() and not out.is_dir():
        raise UsageError(f"-o {display_path(out)}: not a directory")
    index = project.index(use_cache=use_cache)
    group = project.load_group()
    renderer = Renderer(group, [project.templates_dir], lang)
    tracked = track(index.meetings)
    renderer.known_tasks = {t.id: t.task for t in tracked.values()}
    written: list[str] = []

    def write(rel: str, content: str | bytes) -> None:
        write_text_atomic(out / rel, content)
        written.append(rel)

    meetings = []
    for summary in reversed(index.meetings):  # newest first
        meeting = project.load_meeting(Path(summary.path), group)
        write(f"meetings/{meeting.id}.html",
              renderer.render_template("minutes.html.j2", "html", meeting=meeting,
                                       tasks=[{"id": meeting.task_id(i), "task": t} for i, t in enumerate(meeting.tasks)],
                                       nav={"index": "../index.html", "tasks": "../tasks.html"}))
        meetings.append({"id": meeting.id, "date": meeting.date, "number": meeting.number, "title": meeting.title,
                         "approved": meeting.approved_by is not None, "attachments": meeting.attachments,
                         "href": f"meetings/{meeting.id}.html"})

    open_tasks = select(tracked.values(), Selection(as_of=as_of))
    records = [record(t, as_of, renderer) for t in open_tasks]
    overdue = [r for r in records if r["overdue"]]
    owners = grouped(records, renderer.labels["all_members"])
    organisations = [{"name": owner, "full": group.organisations.get(owner, ""), "slug": slug(owner),
                      "count": len(rows), "overdue": sum(1 for r in rows if r["overdue"])}
                     for owner, rows in owners]
    context = {"as_of": as_of, "meetings": meetings, "organisations": organisations,
               "overdue_count": len(overdue), "open_count": len(records)}
    write("index.html", renderer.render_template("site-index.html.j2", "html", kind="index", **context))
    title = renderer.label("tasks_title", date=renderer.short_date(as_of))
    write("tasks.html", renderer.render_template("site-tasks.html.j2", "html", kind="tasks", title=title,
                                                 groups=[("", records)], **context))
    for org, (owner, rows) in zip(organisations, owners):
        write(f"org/{org['slug']}.html",
              renderer.render_template("site-tasks.html.j2", "html", kind="org", title=owner, org=org,
                                       groups=[("", rows)], **context))
    try:
        from psc.calendar_export import export_ics

        write("calendar.ics", export_ics(project, as_of=as_of, lang=lang))
    except ImportError:  # pragma: no cover - the calendar module ships with psc
        pass
    return [f"wrote {display_path(out / rel)}" for rel in written]
