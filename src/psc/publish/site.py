"""A static website of the archive (`psc build`): works from the file system, loads nothing
from the network, prints well, and reads in the group's language.

site/index.html          the meetings: date, number, title, draft/approved, attachments
site/meetings/<id>.html  each meeting's minutes
site/tasks.html          open tasks, overdue ones first (as of the build's date)
site/register.html       the register of resolutions (publish.siteregister), with status
site/decisions/<slug>.html  each resolution: text, vote, status, history, links both ways
site/search.html         search in the minutes (publish.sitesearch: MiniSearch, all inline)
site/org/<slug>.html     a page per responsible body with its tasks
site/calendar.ics        meetings and task deadlines (psc export ics)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from psc.errors import UsageError, display_path
from psc.messages import _
from psc.publish.slugs import slug as slug  # the site's file names (re-exported)

ALL_MEMBERS_SLUG = "all_members"
"""The page of tasks without a responsible body (no other slug has '_' without 8 hex digits after it)."""


def build_site(
    project: Any,
    out: Path,
    *,
    as_of: dt.date,
    lang: str | None = None,
    use_cache: bool = True,
    public: bool = False,
    progress: Callable[[int, int, Path], None] | None = None,
) -> list[str]:
    """Write the site into `out`; return what was written, line by line. `public`: the
    public edition, every page, report, index and the calendar made from it alone.
    `progress` is told (meetings done, meetings in all, the file at hand) as the minutes'
    pages are written."""
    from psc.archive.tasks import Selection, select, track
    from psc.fileio import write_text_atomic
    from psc.publish.render import Renderer, task_rows
    from psc.publish.reports import grouped, record
    from psc.publish.sitesearch import search_context, search_documents

    if public:  # from here on, every meeting, summary and the group read as the public edition
        from psc.publish.public import public_project

        project = public_project(project)
    if out.exists() and not out.is_dir():
        raise UsageError(_("-o {path}: not a directory", path=display_path(out)))
    earlier = site_manifest(out)  # what an earlier build wrote here, removed below if stale
    index = project.report_index(use_cache=use_cache)
    group = project.load_group()
    renderer = Renderer(group, [project.templates_dir], lang)
    tracked = track(index.meetings, as_of=as_of)  # the reports: the archive as it stood on as_of
    known: dict[str, Any] = {}  # the minutes (of any date) name the tasks they review
    for m in index.meetings:
        for i, task in enumerate(m.tasks):
            known.setdefault(m.task_id(i), task)
    renderer.known_tasks = known
    from psc.publish.siteregister import decision_slugs, register_pages

    held = [m for m in index.meetings if m.date <= as_of]  # the register's pages, as of as_of
    renderer.decision_pages = decision_slugs(held)  # the minutes link their decisions to them
    written: list[str] = []

    def write(rel: str, content: str | bytes) -> None:
        project.check_output(out / rel)
        write_text_atomic(out / rel, content)
        written.append(rel)

    meetings = []
    documents: list[dict[str, str]] = []  # what search.html searches
    for done, summary in enumerate(reversed(index.meetings)):  # newest first
        if progress is not None:
            progress(done, len(index.meetings), Path(summary.path))
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
                "end_date": meeting.end_date,
                "number": meeting.number,
                "title": meeting.title,
                "approved": meeting.approved_by is not None or meeting.approved_at is not None,
                "published": meeting.approval_not_recorded,
                "attachments": meeting.attachments,
                "href": f"meetings/{meeting.id}.html",
            }
        )
        documents += search_documents(meeting, f"meetings/{meeting.id}.html", renderer.labels)

    open_tasks = select(tracked.values(), Selection(as_of=as_of))
    records = [record(t, as_of, renderer) for t in open_tasks]
    overdue = [r for r in records if r["overdue"]]
    owners = grouped(records, renderer.labels["all_members"])
    all_members = renderer.labels["all_members"]
    organisations = [
        {
            "name": owner,
            "full": group.organisation_names.get(owner, ""),
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
    write(
        "search.html",
        renderer.render_template(
            "site/search.html.j2", "html", kind="search", **search_context(documents), **context
        ),
    )
    for rel, page in register_pages(renderer, index.meetings, as_of, context):
        write(rel, page)
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
    remove_stale(project, out, earlier, written)
    return [_("wrote {path}", path=display_path(out / rel)) for rel in written]


MANIFEST = ".psc-site.json"
"""The list of files `psc build` wrote into a site's directory, so the next build of the same
directory removes the pages that are gone (a meeting deleted or renamed) and nothing else."""


def site_manifest(out: Path) -> list[str]:
    """The files an earlier build wrote into `out`, as it listed them; none when there is no
    list or it cannot be read (then nothing is removed)."""
    import json

    try:
        listed = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    files = listed.get("files") if isinstance(listed, dict) else None
    return [f for f in files if isinstance(f, str)] if isinstance(files, list) else []


def remove_stale(project: Any, out: Path, earlier: list[str], written: list[str]) -> list[str]:
    """Remove from `out` the files an earlier build wrote and this one did not, then list
    this build's files in the manifest. Only plain relative paths inside `out` that psc may
    write are removed (never a source psc reads, never through a symlinked folder), and
    folders left empty by a removal go too. Returns what was removed."""
    import json
    import os

    from psc.fileio import write_text_atomic

    root = Path(os.path.realpath(out))
    removed: list[str] = []
    for rel in sorted(set(earlier) - set(written)):
        parts = Path(rel).parts
        if not parts or Path(rel).is_absolute() or ".." in parts or rel != Path(rel).as_posix():
            continue
        target = out / rel
        if Path(os.path.realpath(target.parent)) != root.joinpath(*parts[:-1]):
            continue  # a folder on the way is a symlink: not a page psc wrote
        try:
            project.check_output(target)
        except UsageError:
            continue
        if target.is_file() or target.is_symlink():
            target.unlink()
            removed.append(rel)
            folder = target.parent
            while folder != out and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
    manifest = {"generator": "psc build", "files": sorted(set(written))}
    write_text_atomic(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return removed
