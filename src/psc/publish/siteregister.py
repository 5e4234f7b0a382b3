"""The site's register of resolutions (`psc build`): register.html, a page per resolution
(decisions/<slug>.html), and the slugs the minutes link their decisions with."""

from __future__ import annotations

import datetime as dt
from typing import Any

_MOVERS = ("proposed_by", "seconded_by")
"""A resolution's mover and seconder, as the register's records name them."""


def decision_slugs(meetings: list[Any]) -> dict[str, list[str]]:
    """Each meeting's decision pages by the order of its decisions: the slug of each
    decision's ID (`site.slug`: unique, stable, safe on any file system)."""
    from psc.publish.slugs import slug

    return {m.id: [slug(m.decision_id(i)) for i in range(len(m.decisions))] for m in meetings}


def register_pages(
    renderer: Any, meetings: list[Any], as_of: dt.date, context: dict[str, Any]
) -> list[tuple[str, str]]:
    """(relative path, HTML) of register.html and of each resolution's page, as the archive
    stood on `as_of`."""
    from psc.archive.register import register
    from psc.archive.tasks import track
    from psc.loading.model import Candidate, Person
    from psc.publish.registerreport import _votes_in_words, record, status_words
    from psc.publish.slugs import slug

    resolutions = register(meetings, as_of)
    tracked = track(meetings, as_of=as_of)
    labels = renderer.labels
    records = []
    for res in resolutions.values():
        rec = record(res)
        rec["slug"] = slug(res.id)
        rec["status_text"] = status_words(rec, labels)
        rec["votes_text"] = _votes_in_words(rec["votes"], renderer)
        rec["moved"] = renderer.moved_by(
            *(
                Person.model_validate({"name": rec[key]}) if rec.get(key) else None
                for key in _MOVERS
            ),
            " ".join(t for t in (rec["text"], rec.get("outcome_text")) if t),
        )
        rec.setdefault("outcome_text", None)
        rec["candidate_lines"] = [
            renderer.candidate_result(Candidate.model_validate(c))
            for c in rec.get("candidates", [])
        ]
        rec["anchor"] = f"d-{rec['slug']}"
        rec["link_slugs"] = {
            key: [(rid, slug(rid) if rid in resolutions else None) for rid in ids]
            for key, ids in rec["links"].items()
            if ids
        }
        rec["task_rows"] = [
            {
                "id": tid,
                "text": tracked[tid].task.text if tid in tracked else "",
                "status": tracked[tid].status.value if tid in tracked else None,
            }
            for tid in res.tasks
        ]
        rec["history"] = [(e.date, e.kind, e.by, slug(e.by) if e.by else "") for e in res.history]
        records.append(rec)
    title = renderer.label("register_title", date=renderer.short_date(as_of))
    pages = [
        (
            "register.html",
            renderer.render_template(
                "site/register.html.j2",
                "html",
                kind="register",
                title=title,
                records=records,
                **context,
            ),
        )
    ]
    for rec in records:
        pages.append(
            (
                f"decisions/{rec['slug']}.html",
                renderer.render_template(
                    "site/decision.html.j2",
                    "html",
                    kind="decision",
                    title=rec["id"],
                    r=rec,
                    **context,
                ),
            )
        )
    return pages
