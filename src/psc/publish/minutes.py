"""`psc render`: a meeting's minutes (or every meeting's) rendered to files or to stdout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from psc.errors import InvalidData, Problem, UsageError, check_language, display_path
from psc.messages import _

if TYPE_CHECKING:
    from psc.archive.project import Project
    from psc.archive.summary import MeetingSummary
    from psc.loading.model import Group, Meeting
    from psc.publish.render import Renderer

RENDER_DIR = "minutes"
"""Where `psc render` writes by default, relative to the repository root."""


@dataclass
class RenderedMinutes:
    """What `psc render` did: the files it wrote, or the one document meant for stdout."""

    written: list[Path] = field(default_factory=list)
    document: str | None = None
    """The minutes to print (-o -), not written anywhere."""
    meetings: int = 0
    """How many meetings' minutes were written."""

    def summary(self) -> str:
        """What was written, in one line: the files of one meeting by name, else how many
        files of how many meetings, and where."""
        import os

        from psc.messages import _, n_

        shown = [display_path(p) for p in self.written]
        if self.meetings <= 1:
            return _("wrote {files}", files=", ".join(shown))
        folders = sorted({os.path.dirname(p) or "." for p in shown})
        return n_(
            "wrote {count} file of {meetings} to {folder}",
            "wrote {count} files of {meetings} to {folder}",
            len(shown),
            meetings=n_("{count} meeting", "{count} meetings", self.meetings),
            folder=", ".join(folders),
        )


def render_minutes(
    project: Project,
    meeting_ref: str | None,
    *,
    all_: bool = False,
    fmt: str | None = None,
    output: str | None = None,
    lang: str | None = None,
    public: bool = False,
    progress: Callable[[int, int, Path], None] | None = None,
) -> RenderedMinutes:
    """Render one meeting (or all, with `all_`) in `fmt` (default: md and html) into
    minutes/<meeting>.<format>, or `output` (a file, a directory, or '-': the document is
    returned instead of written). Files are written one meeting at a time, so memory stays
    flat however large the archive. `public`: the public edition (see `publish.public`),
    by default into public/minutes/<meeting>.<format>. `progress` is told (meetings done,
    meetings in all, the file at hand) after each meeting."""
    from psc.archive.tasks import reviews, track
    from psc.fileio import write_text_atomic
    from psc.publish.render import BINARY_FORMATS, FORMATS, Renderer

    render_dir = project.root / RENDER_DIR
    if public:  # every meeting, summary and the group read as the public edition
        from psc.publish.public import public_output, public_project

        project = public_project(project)
        render_dir = public_output(render_dir)
    if fmt is not None and fmt not in (*FORMATS, *BINARY_FORMATS):
        raise UsageError(_("unknown format {fmt!r}; choose md, html, pdf or docx", fmt=fmt))
    check_language(lang)
    if all_ and meeting_ref:
        raise UsageError(_("give a meeting or --all, not both"))
    if not all_ and not meeting_ref:
        raise UsageError(_("which meeting? give its date (e.g. psc render 2016-09-07) or --all"))
    formats = [fmt] if fmt else list(FORMATS)
    to_stdout = output == "-"
    if to_stdout and (all_ or len(formats) > 1):
        raise UsageError(_("-o - writes one document: name one meeting and one --format"))

    if output is not None and not to_stdout and (all_ or len(formats) > 1):
        if Path(output).exists() and not Path(output).is_dir():
            raise UsageError(
                _("-o {path}: with --all or both formats, -o names a directory", path=output)
            )

    def target(meeting_id: str, fmt_: str) -> Path:
        if output is None:
            return render_dir / f"{meeting_id}.{fmt_}"
        if all_ or len(formats) > 1 or Path(output).is_dir():
            return Path(output) / f"{meeting_id}.{fmt_}"
        return Path(output)

    summaries: list[MeetingSummary] | None = None
    first: Meeting | None = None
    group: Group | None = None
    if all_:
        index = project.report_index()  # invalid files left out, or --strict
        if not index.meetings:
            raise UsageError(_("no meetings in {path}", path=display_path(project.meetings_dir)))
        summaries = index.meetings
        group = project.load_group()
        paths = [Path(m.path) for m in summaries]
    else:
        assert meeting_ref is not None
        paths = [project.meeting_path(meeting_ref)]
        problems: list[Problem] = []
        try:
            group = project.load_group()
        except InvalidData as exc:
            problems.extend(exc.problems)
        try:
            first = project.load_meeting(paths[0], group)
        except InvalidData as exc:
            problems.extend(exc.problems)
        if problems:
            raise InvalidData(problems)
    assert group is not None

    renderer = Renderer(group, [project.templates_dir], lang)
    result = RenderedMinutes()
    for done, path in enumerate(paths):
        if progress is not None:
            progress(done, len(paths), path)
        meeting = first if first is not None else project.load_meeting(path, group)
        if any(True for _ in reviews(meeting)) and not renderer.known_tasks:
            if summaries is None:
                summaries = project.report_index().meetings
            renderer.known_tasks = {t.id: t.task for t in track(summaries).values()}
        rendered = [(f, _render(renderer, meeting, f)) for f in formats]
        if to_stdout:
            document = rendered[0][1]
            if isinstance(document, bytes):
                raise UsageError(
                    _("a Word document does not go to the terminal: give -o FILE")
                    if formats[0] == "docx"
                    else _("a PDF does not go to the terminal: give -o FILE")
                )
            result.document = document
            return result
        for f, text in rendered:
            out = target(meeting.id, f)
            project.check_output(out)
            write_text_atomic(out, text)
            result.written.append(out)
        result.meetings += 1
    return result


def _render(renderer: Renderer, meeting: Meeting, fmt: str) -> str | bytes:
    """One format of the minutes: Word from `publish.docx` (which builds on the renderer), the
    others from the renderer itself."""
    if fmt == "docx":
        from psc.publish.docx import minutes_docx

        return minutes_docx(renderer, meeting, renderer.template_dirs)
    return renderer.render(meeting, fmt)
