"""What `psc diff` and `psc log` show: the changes between two versions of meetings (diff
lines for the terminal, a Markdown summary or the redlined minutes), and a meeting file's
history as lines of text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from psc.errors import UsageError, check_language
from psc.messages import _

if TYPE_CHECKING:
    from psc.archive.project import Project

DiffLine = tuple[str, list[tuple[str, str]]]
"""(prefix, segments): '#' a heading, '+', '-' or '~' a change; segments marked '=', '-', '+'."""

LOG_CHANGES = 8
"""Changes of one commit shown by `psc log`; the rest are counted."""
LOG_WIDTH = 160
"""Longer lines of `psc log` are cut, with '…'."""


@dataclass
class Changes:
    """The changes in one format: `lines` for the terminal (text), or a `document` (md, html;
    bytes for pdf and docx)."""

    lines: list[DiffLine] | None = None
    document: str | bytes | None = None


def changes(
    project: Project,
    refs: list[str],
    *,
    from_rev: str | None = None,
    to_rev: str | None = None,
    fmt: str = "text",
    lang: str | None = None,
    now: dt.datetime | None = None,
) -> Changes:
    """The changes to the named meetings (or every changed one) between two revisions
    (default: HEAD and the working tree), in the minutes' own terms. `now` dates the
    tracked changes of the working tree in the Word redline (docx)."""
    from psc.review import diff

    if fmt not in diff.DIFF_FORMATS:
        raise UsageError(_("unknown format {fmt!r}; choose text, md, html, pdf or docx", fmt=fmt))
    check_language(lang)
    diffs, renderer = diff.diff_meetings(project, refs, from_rev=from_rev, to_rev=to_rev, lang=lang)
    if fmt == "text":
        return Changes(lines=diff.as_text(diffs, renderer.labels))
    if fmt == "md":
        return Changes(document=diff.as_markdown(diffs, renderer.labels))
    if fmt == "docx":
        from psc import gitrepo
        from psc.review.redline import redline_docx, stamp

        root = gitrepo.toplevel(project.root)
        stamps = {d.path: stamp(root, d.path, from_rev, to_rev, now) for d in diffs}
        return Changes(document=redline_docx(diffs, renderer, stamps))
    if fmt == "pdf":
        return Changes(document=diff.redline_pdf(diffs, renderer))
    return Changes(document=diff.redline_html(diffs, renderer))


def history_lines(project: Project, ref: str | None, *, lang: str | None = None) -> list[str]:
    """The history of a meeting file (or of every one): per file its commits, newest first,
    each with author, date, subject and what it changed."""
    from psc.review.diff import history

    files, renderer = history(project, ref, lang=lang)
    lines: list[str] = []
    for rel, entries in files:
        lines.append(rel)
        for e in entries:
            lines.append(f"  {e.sha[:10]}  {e.date}  {e.author}: {e.subject}")
            if e.renamed_from:
                lines.append(f"      ~ {e.renamed_from} → {e.path}")
            for c in e.changes[:LOG_CHANGES]:
                what = c.where + (f", {c.field}" if c.field else "")
                if c.kind == "added":
                    lines.append(f"      + {what}: {c.new}")
                elif c.kind == "removed":
                    lines.append(f"      - {what}: {c.old}")
                else:
                    lines.append(f"      ~ {what}: {c.old} → {c.new}")
            if e.truncated:
                lines.append("      " + _("(earlier history is not in this shallow clone)"))
            elif not e.changes:
                lines.append(f"      ({renderer.labels['diff_no_change']})")
            if len(e.changes) > LOG_CHANGES:
                lines.append(f"      … +{len(e.changes) - LOG_CHANGES}")
    return [_shorten(line) for line in lines]


def _shorten(line: str, width: int = LOG_WIDTH) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"
