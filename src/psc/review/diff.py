"""Review of minute edits in git: semantic diff, redline, history."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psc import gitrepo
from psc.errors import InvalidData, UsageError
from psc.loading import pipeline
from psc.loading.model import MEETING_FILE, Meeting
from psc.messages import _
from psc.review.semdiff import Change, Differ, words

DIFF_FORMATS = ("text", "md", "html", "pdf", "docx")


@dataclass
class MeetingDiff:
    """The changes to one meeting file between two versions."""

    path: str  # relative to the git root
    old_label: str
    new_label: str
    old: Meeting | None
    new: Meeting | None
    changes: list[Change]
    old_path: str | None = None
    """The file's name in the old version, when git sees it renamed (the meeting moved to
    another date): the two are one meeting, not one removed and one added."""

    @property
    def heading(self) -> str:
        """'meetings/a.yaml (HEAD → pracovní kopie)', 'meetings/a.yaml → meetings/b.yaml (…)'."""
        moved = f"{self.old_path} → " if self.old_path else ""
        return f"{moved}{self.path} ({self.old_label} → {self.new_label})"


def _parse(text: bytes | str | None, rel: str, label: str, group: Any) -> Meeting | None:
    """The meeting a revision holds (None: no file there), through the loading pipeline up
    to the model: an old revision is compared as it was, not checked again."""
    if text is None:
        return None
    return pipeline.load_meeting(text, Path(rel), group, checks=False, shown=f"{rel}@{label}")


def diff_meetings(
    project: Any,
    refs: list[str],
    *,
    from_rev: str | None,
    to_rev: str | None,
    lang: str | None = None,
) -> tuple[list[MeetingDiff], Any]:
    """Semantic diffs of the named meetings (or every changed one) between two revisions
    (default: HEAD and the working tree)."""
    from psc.publish.render import Renderer

    root = gitrepo.toplevel(project.root)
    old_rev = from_rev or "HEAD"
    gitrepo.verify(root, old_rev)
    if to_rev is not None:
        gitrepo.verify(root, to_rev)
    meetings_rel = project.meetings_dir.resolve().relative_to(root.resolve()).as_posix()
    moved = gitrepo.renames(root, old_rev, to_rev, meetings_rel)  # {new path: old path}
    if refs:
        rels = []
        for ref in refs:
            if MEETING_FILE.match(ref):
                rel = f"{meetings_rel}/{ref}.yaml"
            else:  # a path: inside the repository (also through a link), else refused
                project.check_inside(Path(ref))
                rel = Path(ref).resolve().relative_to(root.resolve()).as_posix()
            # a meeting named by its old date is shown under its new name
            rels.append(next((new for new, old in moved.items() if old == rel), rel))
    else:
        rels = [
            p
            for p in gitrepo.changed_paths(root, old_rev, to_rev, meetings_rel)
            if p.endswith(".yaml") and p not in moved.values()
        ]
    group = project.load_group()
    renderer = Renderer(group, [project.templates_dir], lang)
    new_label = to_rev or renderer.labels["diff_working_tree"]
    differ = Differ(renderer)
    results, problems = [], []
    for rel in rels:
        old_rel = moved.get(rel, rel)
        old_text = gitrepo.show(root, old_rev, old_rel)
        new_text: bytes | str | None
        try:
            if to_rev is None:  # the working tree, read as every reader reads (the pipeline)
                path = root / rel
                new_text = pipeline.read(path) if path.is_file() else None
            else:
                new_text = gitrepo.show(root, to_rev, rel)
        except InvalidData as exc:
            problems.extend(exc.problems)
            continue
        if old_text is None and new_text is None:
            raise UsageError(
                _(
                    "{path} exists neither at {old} nor in {new}",
                    path=rel,
                    old=old_rev,
                    new=new_label,
                )
            )
        try:
            old = _parse(old_text, old_rel, old_rev, group)
            new = _parse(new_text, rel, new_label, group)
        except InvalidData as exc:
            problems.extend(exc.problems)
            continue
        results.append(
            MeetingDiff(
                rel,
                old_rev,
                new_label,
                old,
                new,
                differ.diff(old, new),
                old_rel if old_rel != rel else None,
            )
        )
    if problems:
        raise InvalidData(problems)
    return results, renderer


# ---------------------------------------------------------------------- output


def _arrow(change: Change) -> str:
    return f"{change.where}" + (f", {change.field}" if change.field else "")


def as_text(
    diffs: list[MeetingDiff], labels: dict[str, str]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Lines as (prefix, segments): '+', '-' or '~', segments marked '=', '-', '+' for colouring."""
    lines: list[tuple[str, list[tuple[str, str]]]] = []
    for d in diffs:
        lines.append(("#", [("=", d.heading)]))
        if not d.changes:
            lines.append((" ", [("=", labels["diff_no_change"])]))
        for c in d.changes:
            head = _arrow(c) + ": "
            if c.kind == "added":
                lines.append(("+", [("=", head + labels["diff_added"] + ": "), ("+", c.new or "")]))
            elif c.kind == "removed":
                lines.append(
                    ("-", [("=", head + labels["diff_removed"] + ": "), ("-", c.old or "")])
                )
            elif len(c.old or "") < 40 and len(c.new or "") < 40:
                lines.append(
                    ("~", [("=", head), ("-", c.old or ""), ("=", " → "), ("+", c.new or "")])
                )
            else:
                lines.append(("~", [("=", head), *words(c.old or "", c.new or "")]))
    return lines


def _code_span(text: str) -> str:
    """`text` as one Markdown code span: fenced by more backticks than it holds, controls
    made visible (a path may hold a newline)."""
    from psc.language.escape import literal

    text = literal(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def as_markdown(diffs: list[MeetingDiff], labels: dict[str, str]) -> str:
    """A Markdown summary to paste into a pull request. Every piece of data in it (paths,
    revisions, labels, old and new values) is escaped as plain text on one line: file
    content cannot add a heading, a rule, a list item, a link or HTML to the comment."""
    from psc.language.mdtext import md_text

    def seg(kind: str, text: str) -> str:
        if not text.strip():
            return " " if text else ""
        lead, core, trail = re.match(r"(\s*)(.*?)(\s*)$", text, re.S).groups()  # type: ignore[union-attr]
        core = md_text(" ".join(core.split()))
        lead, trail = (" " if lead else ""), (" " if trail else "")
        return (
            lead
            + (f"~~{core}~~" if kind == "-" else f"**{core}**" if kind == "+" else core)
            + trail
        )

    def label(key: str) -> str:
        return md_text(labels[key])

    out = []
    for d in diffs:
        moved = f"{_code_span(d.old_path)} → " if d.old_path else ""
        out.append(
            f"### {moved}{_code_span(d.path)} ({md_text(d.old_label)} → {md_text(d.new_label)})\n"
        )
        if not d.changes:
            out.append(f"- {label('diff_no_change')}")
        for c in d.changes:
            head = f"**{md_text(_arrow(c))}**: "
            if c.kind == "added":
                out.append(f"- {head}{label('diff_added')}: {seg('+', c.new or '')}")
            elif c.kind == "removed":
                out.append(f"- {head}{label('diff_removed')}: {seg('-', c.old or '')}")
            elif len(c.old or "") < 40 and len(c.new or "") < 40:
                out.append(f"- {head}{seg('-', c.old or '')} → {seg('+', c.new or '')}")
            else:
                out.append(
                    f"- {head}" + "".join(seg(k, t) for k, t in words(c.old or "", c.new or ""))
                )
        out.append("")
    return "\n".join(out) + "\n"


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _plain(md: str) -> str:
    return _LINK.sub(r"\1", md).replace("**", "").replace("\\|", "|")


def _summary_values(change: Change) -> list[tuple[str, str]]:
    """A change's old and new value for the page, as text without Markdown syntax: short ones
    whole ('<del>1. 11. 2016</del> → <ins>30. 11. 2016</ins>'), long ones word by word."""
    from psc.language.mdtext import plain_text

    old = plain_text(change.old) if change.old is not None else None
    new = plain_text(change.new) if change.new is not None else None
    if old is None:
        return [("+", new or "")]
    if new is None:
        return [("-", old)]
    if len(old) < 40 and len(new) < 40:
        return [("-", old), ("=", " → "), ("+", new)]
    return words(old, new)


def redline_title(diffs: list[MeetingDiff], renderer: Any) -> str:
    """The title of the redline: the minutes' title of each meeting ('Zápis: 1. jednání …'),
    else the group's name."""
    titles = []
    for d in diffs:
        meeting = d.new or d.old
        if meeting is not None and renderer.document_title(meeting) not in titles:
            titles.append(renderer.document_title(meeting))
    return "; ".join(titles) or renderer.group.name


def redline_html(diffs: list[MeetingDiff], renderer: Any) -> str:
    """The minutes as readers see them (psc's HTML minutes) with insertions and deletions
    marked in place like tracked changes, below a summary of the changes in the minutes'
    terms (see `review.rendered`)."""
    from markupsafe import Markup

    from psc.review.rendered import minutes_fragment, redline

    files = [
        {
            "heading": d.heading,
            "summary": [(_arrow(c), _summary_values(c)) for c in d.changes],
            "redline": Markup(
                redline(minutes_fragment(renderer, d.old), minutes_fragment(renderer, d.new))
            ),
        }
        for d in diffs
    ]
    return renderer.render_template(
        "review/redline.html.j2", "html", files=files, title=redline_title(diffs, renderer)
    )


def redline_pdf(diffs: list[MeetingDiff], renderer: Any) -> bytes:
    """The HTML redline printed to PDF the way `psc render --format pdf` prints minutes."""
    from psc.publish.render import html_to_pdf

    return html_to_pdf(
        redline_html(diffs, renderer),
        title=redline_title(diffs, renderer),
        author=renderer.group.name,
        running_header=renderer.group.name,
        lang=renderer.language,
    )


# ---------------------------------------------------------------------- history


@dataclass
class LogEntry:
    sha: str
    author: str
    date: str
    subject: str
    changes: list[Change]
    truncated: bool = False
    """The commit's parent is not in this (shallow) clone, so what it changed is unknown."""
    renamed_from: str | None = None
    """The file's name before this commit, when this commit renamed it (moved the meeting)."""
    path: str = ""
    """The file's name after this commit."""


def history(
    project: Any, ref: str | None, *, lang: str | None = None
) -> tuple[list[tuple[str, list[LogEntry]]], Any]:
    """The commits of each meeting file (or the named one), newest first, with what each changed."""
    from psc.publish.render import Renderer

    root = gitrepo.toplevel(project.root)
    group = project.load_group()
    renderer = Renderer(group, [project.templates_dir], lang)
    differ = Differ(renderer)
    if ref:
        paths = [project.meeting_path(ref)]
    else:
        paths = project.meeting_paths()
    out = []
    for path in paths:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
        entries = []
        for commit in gitrepo.log(root, rel):
            before_sha = gitrepo.parent(root, commit.sha)
            if before_sha is None and gitrepo.shallow_edge(root, commit.sha):
                entries.append(
                    LogEntry(
                        commit.sha, commit.author, commit.date, commit.subject, [], truncated=True
                    )
                )
                continue
            new_text = gitrepo.show(root, commit.sha, commit.path)
            old_path = commit.old_path or commit.path  # a rename commit: the file's old name
            old_text = gitrepo.show(root, before_sha, old_path) if before_sha else None
            try:
                old = _parse(old_text, old_path, commit.sha[:7] + "^", group)
                new = _parse(new_text, commit.path, commit.sha[:7], group)
                changes = differ.diff(old, new)
            except InvalidData as exc:
                changes = [
                    Change("", "", None, _("invalid file: {problem}", problem=exc.problems[0]))
                ]
            entries.append(
                LogEntry(
                    commit.sha,
                    commit.author,
                    commit.date,
                    commit.subject,
                    changes,
                    renamed_from=commit.old_path if old_text is not None else None,
                    path=commit.path,
                )
            )
        out.append((rel, entries))
    return out, renderer
