"""Rendering meetings into minutes (Markdown and HTML) through Jinja2 templates.

The environments come from psc.language.templates (the package's defaults, overridden file by
file by a repository's own `templates/`). HTML is always autoescaped, whatever the template's
name; inline Markdown in text fields becomes HTML with raw HTML disabled. Output is
deterministic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from psc.errors import UsageError
from psc.language import templates
from psc.language.mdtext import md_block, md_cell, md_line, md_text, parser
from psc.language.wording import Wording
from psc.loading.model import Group, Meeting, Person
from psc.loading.yamlfile import scalar as yaml_scalar

FORMATS = ("md", "html")


def inline_html(text: str) -> Markup:
    """Inline Markdown (bold, links) as HTML; raw HTML in the text is shown, not run."""
    return Markup(parser().renderInline(text))


def _markdown_filters() -> dict[str, Any]:
    """The Markdown environment's filters: each returns Markup, so `_md_finalize` leaves its
    output alone; everything else a template prints is escaped as plain text."""
    return {
        "md_line": lambda text: Markup(md_line(text)),
        "md_block": lambda text: Markup(md_block(text)),
        "md_cell": lambda text: Markup(md_cell(text)),
        "md_text": lambda text, line=False: Markup(md_text(text, line=line)),
    }


def _md_finalize(value: Any) -> Any:
    """Every value a Markdown template prints: escaped as plain text unless a Markdown
    filter made it (Markup), so no field, name or label can inject HTML or markup."""
    return value if isinstance(value, Markup) else md_text(value)


class Renderer(Wording):
    """Renders meetings of one group in one language with one set of templates."""

    def __init__(self, group: Group, template_dirs: list[Path], language: str | None = None):
        super().__init__(language or group.language, group.labels, group.language)
        self.group = group
        self.known_tasks: dict[str, Any] = {}
        """Tasks of the archive by ID, so task reviews can name what they review."""
        self.envs = {fmt: self._environment(template_dirs, fmt) for fmt in FORMATS}

    def _environment(self, dirs: list[Path], fmt: str) -> jinja2.Environment:
        autoescape = fmt == "html"
        env = templates.environment(
            dirs, autoescape=autoescape, finalize=_md_finalize if fmt == "md" else None
        )
        env.filters.update(
            long_date=self.long_date,
            short_date=self.short_date,
            day_month=self.day_month,
            hhmm=lambda t: f"{t:%H:%M}" if t else "",
            md_cell=md_cell,
            md_line=md_line if not autoescape else (lambda text: text),
            md_block=md_block if not autoescape else (lambda text: text),
            md_text=md_text if not autoescape else (lambda text, line=False: text),
            person=self.person,
            inline=inline_html if autoescape else (lambda text: text),
            yaml=yaml_scalar,
            comment=lambda text: " ".join(str(text).split()),
        )
        if fmt == "md":
            env.filters.update(_markdown_filters())
        env.globals.update(
            labels=self.labels,
            group=self.group,
            label=self.label,
            person=self.person,
            signed=self.signed,
            deadline=self.deadline,
            deadline_words=self.deadline_words,
            next_meeting_date=self.next_meeting_date,
            tentative_years=self.tentative_years,
            lang=self.language,
            reviewed_task=lambda task_id: self.known_tasks.get(task_id),
        )
        return env

    def gender(self, person: Person) -> str | None:
        if person.gender is not None:
            return person.gender.value
        member = self.group.person(person.name)
        return member.gender.value if member and member.gender else None

    def person(self, person: Person) -> str:
        """'Jana Korytářová (MMR)'."""
        return f"{person.name} ({person.organisation})" if person.organisation else person.name

    def signed(self, role: str, person: Person) -> str:
        """The verb for a signature in the person's gender: 'Zapsala', 'schválil'."""
        gender = self.gender(person)
        return self.labels[f"{role}_{gender}"] if gender else self.labels[role]

    # ------------------------------------------------------------------ rendering

    def render(self, meeting: Meeting, fmt: str) -> Any:
        """The minutes of `meeting` as Markdown (`md`), a standalone HTML page (`html`), or
        PDF bytes (`pdf`: the HTML page printed by WeasyPrint, fonts embedded, page numbers)."""
        if fmt == "pdf":
            return html_to_pdf(self.render(meeting, "html"))
        return self.render_template(
            f"minutes/minutes.{fmt}.j2", fmt, meeting=meeting, tasks=task_rows(meeting)
        )

    def render_template(self, name: str, fmt: str, /, **context: Any) -> str:
        """Render template `name` in the environment of `fmt`; broken templates raise TemplateError."""
        return templates.render(self.envs[fmt], name, **context)


def html_to_pdf(html: str) -> bytes:
    """Print an HTML page to PDF with WeasyPrint (the optional extra `psc[pdf]`)."""
    try:
        import weasyprint
    except ImportError:
        raise UsageError(
            "PDF output needs WeasyPrint: pip install 'psc[pdf]' "
            "(and the Pango library, e.g. Debian's libpango-1.0-0)"
        ) from None
    except OSError as exc:  # WeasyPrint is there but its system libraries are not
        raise UsageError(
            f"WeasyPrint cannot start ({exc}); install Pango (Debian: libpango-1.0-0 "
            "libpangoft2-1.0-0)"
        ) from None
    return weasyprint.HTML(string=html).write_pdf()


def task_rows(meeting: Meeting) -> list[dict[str, Any]]:
    """The tasks as the minutes show them, with the status to show (or None). Minutes show
    the record as approved: in approved minutes a status dated after the approval is left
    out (every status, when the approval or the status has no date); statuses are a matter
    for the task reports. Drafts show the status written on the task."""
    approved = meeting.approved_by
    rows = []
    for i, task in enumerate(meeting.tasks):
        shown = task.status.value != "open"
        if shown and approved is not None:
            shown = (
                approved.date is not None
                and task.status_date is not None
                and task.status_date <= approved.date
            )
        rows.append(
            {
                "id": meeting.task_id(i),
                "task": task,
                "status": task.status.value if shown else None,
                "status_date": task.status_date if shown else None,
                "status_note": task.status_note if shown else None,
            }
        )
    return rows
