"""What the commands do, without the command line: each returns what to print.

The CLI parses options and calls one of these; they raise psc's errors and never exit.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from psc.errors import InvalidData, UsageError, display_path

if TYPE_CHECKING:
    from psc.project import Project

RENDER_DIR = "minutes"
"""Where `psc render` writes by default, relative to the repository root."""


def render_minutes(
    project: Project,
    meeting_ref: str | None,
    *,
    all_: bool = False,
    fmt: str | None = None,
    output: str | None = None,
    lang: str | None = None,
) -> list[str]:
    """Render one meeting (or all) to files or stdout; return the lines to report."""
    from psc.fileio import write_text_atomic
    from psc.render import FORMATS, Renderer

    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose md or html")
    if lang is not None and lang not in ("cs", "en"):
        raise UsageError(f"unknown language {lang!r}; choose cs or en")
    if all_ and meeting_ref:
        raise UsageError("give a meeting or --all, not both")
    if not all_ and not meeting_ref:
        raise UsageError("which meeting? give its date (e.g. psc render 2016-09-07) or --all")
    formats = [fmt] if fmt else list(FORMATS)
    to_stdout = output == "-"
    if to_stdout and (all_ or len(formats) > 1):
        raise UsageError("-o - writes one document: name one meeting and one --format")

    if all_:
        archive = project.load_archive()
        group, meetings = archive.group, archive.meetings
        if not meetings:
            raise UsageError(f"no meetings in {display_path(project.meetings_dir)}")
    else:
        assert meeting_ref is not None
        path = project.meeting_path(meeting_ref)
        problems = []
        group = None
        try:
            group = project.load_group()
        except InvalidData as exc:
            problems.extend(exc.problems)
        try:
            meeting = project.load_meeting(path, group)
        except InvalidData as exc:
            problems.extend(exc.problems)
        if problems:
            raise InvalidData(problems)
        meetings = [meeting]
    assert group is not None

    renderer = Renderer(group, [project.templates_dir], lang)
    rendered = [(m, f, renderer.render(m, f)) for m in meetings for f in formats]

    if to_stdout:
        sys.stdout.write(rendered[0][2])
        return []
    if output is None:
        directory = project.root / RENDER_DIR
        targets = [directory / f"{m.id}.{f}" for m, f, _ in rendered]
    elif all_ or len(formats) > 1:
        directory = Path(output)
        if directory.exists() and not directory.is_dir():
            raise UsageError(f"-o {output}: with --all or both formats, -o names a directory")
        targets = [directory / f"{m.id}.{f}" for m, f, _ in rendered]
    else:
        target = Path(output)
        if target.is_dir():
            target = target / f"{meetings[0].id}.{formats[0]}"
        targets = [target]
    lines = []
    for target, (_, _, text) in zip(targets, rendered):
        write_text_atomic(target, text)
        lines.append(f"wrote {display_path(target)}")
    return lines
