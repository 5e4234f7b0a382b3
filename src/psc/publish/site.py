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

_CLEAN = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
ALL_MEMBERS_SLUG = "all_members"
"""The page of tasks without a responsible body (no other slug has '_' without 8 hex digits after it)."""


def slug(text: str) -> str:
    """The file name (without .html) of a responsible body's page: unique and stable, the same
    name always giving the same slug whatever other names exist, and safe on file systems
    that ignore case. A name of capitals, digits and single hyphens is lowercased as it is
    ('MMR' -> 'mmr', 'MMR-ODP' -> 'mmr-odp'); any other name is folded to ASCII and gets '_'
    and 8 hex digits of the SHA-256 of its NFC form ('MŽP' -> 'mzp_…', 'SMO ČR' ->
    'smo-cr_…', 'mmr' -> 'mmr_…'), a name with nothing to fold (Cyrillic, Greek) 'x_…'.
    Lowercased names never hold '_', so the two kinds cannot meet."""
    import hashlib

    from psc.terms import nfc

    text = nfc(text)
    if _CLEAN.fullmatch(text) and len(text) <= 64 and text.lower() not in _RESERVED:
        return text.lower()
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:40].strip("-") or "x"
    return f"{folded}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"


def build_site(
    project: Any, out: Path, *, as_of: dt.date, lang: str | None = None, use_cache: bool = True
) -> list[str]:
    """Write the site into `out`; return what was written, line by line."""
    from psc.archive.tasks import Selection, select, track
    from psc.fileio import write_text_atomic
    from psc.publish.render import Renderer, task_rows
    from psc.publish.reports import grouped, record

    if out.exists() and not out.is_dir():
        raise UsageError(f"-o {display_path(out)}: not a directory")
    index = project.report_index(use_cache=use_cache)
    group = project.load_group()
    renderer = Renderer(group, [project.templates_dir], lang)
    tracked = track(index.meetings, as_of=as_of)  # the reports: the archive as it stood on as_of
    known: dict[str, Any] = {}  # the minutes (of any date) name the tasks they review
    for m in index.meetings:
        for i, task in enumerate(m.tasks):
            known.setdefault(m.task_id(i), task)
    renderer.known_tasks = known
    written: list[str] = []

    def write(rel: str, content: str | bytes) -> None:
        project.check_output(out / rel)
        write_text_atomic(out / rel, content)
        written.append(rel)

    meetings = []
    for summary in reversed(index.meetings):  # newest first
        meeting = project.load_meeting(Path(summary.path), group)
        write(
            f"meetings/{meeting.id}.html",
            renderer.render_template(
                "minutes/minutes.html.j2",
                "html",
                meeting=meeting,
                tasks=task_rows(meeting),
                nav={"index": "../index.html", "tasks": "../tasks.html"},
            ),
        )
        meetings.append(
            {
                "id": meeting.id,
                "date": meeting.date,
                "number": meeting.number,
                "title": meeting.title,
                "approved": meeting.approved_by is not None or meeting.approved_at is not None,
                "attachments": meeting.attachments,
                "href": f"meetings/{meeting.id}.html",
            }
        )

    open_tasks = select(tracked.values(), Selection(as_of=as_of))
    records = [record(t, as_of, renderer) for t in open_tasks]
    overdue = [r for r in records if r["overdue"]]
    owners = grouped(records, renderer.labels["all_members"])
    all_members = renderer.labels["all_members"]
    organisations = [
        {
            "name": owner,
            "full": group.organisations.get(owner, ""),
            "slug": ALL_MEMBERS_SLUG if owner == all_members else slug(owner),
            "count": len(rows),
            "overdue": sum(1 for r in rows if r["overdue"]),
        }
        for owner, rows in owners
    ]
    context = {
        "as_of": as_of,
        "meetings": meetings,
        "organisations": organisations,
        "overdue_count": len(overdue),
        "open_count": len(records),
    }
    write(
        "index.html",
        renderer.render_template("site/index.html.j2", "html", kind="index", **context),
    )
    title = renderer.label("tasks_title", date=renderer.short_date(as_of))
    write(
        "tasks.html",
        renderer.render_template(
            "site/tasks.html.j2",
            "html",
            kind="tasks",
            title=title,
            groups=[("", records)],
            **context,
        ),
    )
    for org, (owner, rows) in zip(organisations, owners, strict=True):
        write(
            f"org/{org['slug']}.html",
            renderer.render_template(
                "site/tasks.html.j2",
                "html",
                kind="org",
                title=owner,
                org=org,
                groups=[("", rows)],
                **context,
            ),
        )
    try:
        from psc.publish.calendar import export_ics

        write("calendar.ics", export_ics(project, as_of=as_of, lang=lang))
    except ImportError:  # pragma: no cover - the calendar module ships with psc
        pass
    return [f"wrote {display_path(out / rel)}" for rel in written]
