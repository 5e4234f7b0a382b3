"""`psc import DIR` (or several files): a whole archive of minutes at once.

Each document becomes one meeting file through `import_minutes`, as a single import would.
First every document is recognised (for its date), then they are written in date order, so
that numbering and names are consistent: a meeting whose minutes state no number continues
the archive's numbering (where the group's title uses {number}), and a second document of the
same day gets the name of a second meeting that day (2016-09-07-2.yaml). A file that fails
(unreadable, no date, an invalid result, an existing file without --force) is reported with
its reason and nothing is written for it; the others are still imported. In a directory,
hidden files and folders are ignored and files of another format are listed as skipped.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psc.errors import InvalidData, PscError, display_path

if TYPE_CHECKING:
    from psc.archive.project import Project

Progress = Callable[[int, int, Path], None]
"""Called after each step with (steps done, steps in all, the file of the step)."""


@dataclass
class Row:
    """One source file's line in the summary: what it became, or why nothing did."""

    source: Path
    path: Path | None = None
    """The meeting file written (or that would be, with --dry-run)."""
    date: dt.date | None = None
    number: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    notes: int = 0
    kept_as_text: int = 0
    written: bool = False
    reason: str | None = None
    """Why nothing was written for it (None: it was imported)."""
    skipped: bool = False
    """Not a format psc reads (found in a directory, so not tried)."""

    @property
    def failed(self) -> bool:
        return self.reason is not None and not self.skipped


def import_many(
    project: Project,
    paths: list[Path],
    *,
    force: bool = False,
    dry_run: bool = False,
    add_organisations: bool = False,
    progress: Progress | None = None,
    as_draft: bool = False,
) -> list[Row]:
    """Import every source in `paths` (files, and the files in directories) into `project`:
    the rows of the summary, in the order of the sources. Nothing is written for a row with
    a reason; with `dry_run` nothing at all."""
    from psc.edits.intake.importer import read_blocks, recognised

    sources, skipped = sources_in(paths)
    rows = {source: Row(source) for source in sources}
    total = 2 * len(sources)
    done = 0

    def step(source: Path, steps: int = 1) -> None:
        nonlocal done
        done += steps
        if progress is not None:
            progress(done, total, source)

    group = project.load_group()
    found: list[tuple[dt.date, int, Path, int | None]] = []
    read: dict[Path, list[Any]] = {}  # each source read once; recognised again when written
    for order, source in enumerate(sources):
        try:
            read[source] = read_blocks(project, source)
            meeting = recognised(project, source, group, blocks=read[source]).meeting
        except PscError as exc:
            rows[source].reason = _reason(exc, source)
            step(source, 2)
            continue
        found.append((meeting["date"], order, source, meeting.get("number")))
        step(source)
    _write_in_order(project, found, read, rows, force, dry_run, add_organisations, step, as_draft)
    return sorted([*rows.values(), *skipped], key=lambda row: _order(row.source))


def _write_in_order(
    project: Project,
    found: list[tuple[dt.date, int, Path, int | None]],
    read: dict[Path, list[Any]],
    rows: dict[Path, Row],
    force: bool,
    dry_run: bool,
    add_organisations: bool,
    step: Callable[[Path], None],
    as_draft: bool,
) -> None:
    """Import the recognised sources in date order (the order of the sources within a day),
    named and numbered as the archive continues."""
    from psc.edits.intake.importer import import_minutes
    from psc.edits.scaffold import FileExists

    group = project.load_group()
    numbered = "{number}" in (group.title_pattern or "{number}")
    earlier = [(m.date, m.id, m.number) for m in project.index(strict=False).meetings]
    per_day: dict[dt.date, int] = {}
    for day, _, source, stated in sorted(found):
        row = rows[source]
        per_day[day] = per_day.get(day, 0) + 1
        stem = day.isoformat() + ("" if per_day[day] == 1 else f"-{per_day[day]}")
        path = project.meetings_dir / f"{stem}.yaml"
        number = stated
        if number is None and numbered:
            number = _next_number([(d, n) for d, i, n in earlier if d <= day and i != stem])
        try:
            if dry_run and not force and path.exists():
                raise FileExists(
                    f"{display_path(path)} exists already (use --force to overwrite it)"
                )
            result = import_minutes(
                project,
                source,
                output=path,
                force=force,
                dry_run=dry_run,
                add_organisations=add_organisations,
                number=number,
                blocks=read[source],
                as_draft=as_draft,
            )
        except PscError as exc:
            row.reason = _reason(exc, source)
        else:
            row.path, row.date, row.written = result.path, day, result.written
            row.number = number
            row.counts, row.kept_as_text = result.counts, result.kept_as_text
            row.notes = len(result.notes)
            earlier = [e for e in earlier if e[1] != stem] + [(day, stem, number)]
        step(source)


def _next_number(before: list[tuple[dt.date, int | None]]) -> int | None:
    """The number after the last numbered meeting before; 1 for the first meeting; none when
    the meetings before carry no number (as `psc new` numbers)."""
    if not before:
        return 1
    numbers = [n for _, n in sorted(before, key=lambda e: e[0]) if n]
    return numbers[-1] + 1 if numbers else None


def sources_in(paths: list[Path]) -> tuple[list[Path], list[Row]]:
    """The files to import (each once, sorted within a directory) and the rows of the files
    skipped in directories for their format. A file named itself is always tried."""
    from psc.edits.intake.reading import SUFFIXES

    sources: list[Path] = []
    skipped: list[Row] = []
    seen: set[Path] = set()
    for path in paths:
        found = _files_in(path) if path.is_dir() else [path]
        for file in found:
            key = file.resolve()
            if key in seen:
                continue
            seen.add(key)
            if path.is_dir() and file.suffix.lower() not in (*SUFFIXES, ".markdown"):
                shown = ", ".join(SUFFIXES)
                skipped.append(
                    Row(file, reason=f"unsupported format (psc reads {shown})", skipped=True)
                )
            else:
                sources.append(file)
    return sources, skipped


def _files_in(folder: Path) -> list[Path]:
    """The files below `folder`, sorted, without hidden files and folders (a leading '.');
    links to folders are not followed."""
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(root, n) for n in names if not n.startswith("."))
    return sorted(files, key=_order)


def _order(path: Path) -> tuple[str, ...]:
    return path.parts


def _reason(exc: PscError, source: Path) -> str:
    """The error in one line, without the source's name in front (the row names it)."""
    if isinstance(exc, InvalidData):
        errors = [p for p in exc.problems if p.severity == "error"] or exc.problems
        if not errors:
            return str(exc)
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        if first.path != display_path(source):  # the meeting file it would have become
            return f"{first}{more}"
        where = "" if (first.line, first.col) == (1, 1) else f"line {first.line}: "
        return f"{where}{first.message}{more}"
    text = str(exc)
    prefix = f"{display_path(source)}: "
    return text[len(prefix) :] if text.startswith(prefix) else text
