"""Review of minute edits in git: semantic diff, redline, history."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psc import gitrepo
from psc.errors import InvalidData, UsageError
from psc.loading import pipeline
from psc.loading.model import MEETING_FILE, Meeting
from psc.review.semdiff import Change, Differ, words

DIFF_FORMATS = ("text", "md", "html", "docx")


@dataclass
class MeetingDiff:
    """The changes to one meeting file between two versions."""

    path: str  # relative to the git root
    old_label: str
    new_label: str
    old: Meeting | None
    new: Meeting | None
    changes: list[Change]


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
    if refs:
        rels = []
        for ref in refs:
            if MEETING_FILE.match(ref):
                rels.append(f"{meetings_rel}/{ref}.yaml")
            else:
                rels.append(Path(ref).resolve().relative_to(root.resolve()).as_posix())
    else:
        rels = [
            p
            for p in gitrepo.changed_paths(root, old_rev, to_rev, meetings_rel)
            if p.endswith(".yaml")
        ]
    group = project.load_group()
    renderer = Renderer(group, [project.templates_dir], lang)
    new_label = to_rev or renderer.labels["diff_working_tree"]
    differ = Differ(renderer)
    results, problems = [], []
    for rel in rels:
        old_text = gitrepo.show(root, old_rev, rel)
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
            raise UsageError(f"{rel} exists neither at {old_rev} nor in {new_label}")
        try:
            old = _parse(old_text, rel, old_rev, group)
            new = _parse(new_text, rel, new_label, group)
        except InvalidData as exc:
            problems.extend(exc.problems)
            continue
        results.append(MeetingDiff(rel, old_rev, new_label, old, new, differ.diff(old, new)))
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
        lines.append(("#", [("=", f"{d.path} ({d.old_label} → {d.new_label})")]))
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
        out.append(f"### {_code_span(d.path)} ({md_text(d.old_label)} → {md_text(d.new_label)})\n")
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


def _redline_block(old: str | None, new: str | None) -> str:
    """One rendered Markdown line as HTML, with <del>/<ins> where it changed."""
    line = new if new is not None else old
    assert line is not None
    tag, strip = "p", line
    for prefix, name in (("### ", "h3"), ("## ", "h2"), ("# ", "h1"), ("- ", "li")):
        if line.startswith(prefix):
            tag, strip = name, prefix
            break
    else:
        strip = ""

    def body(text: str | None) -> str:
        return _plain(
            text[len(strip) :] if text and strip and text.startswith(strip) else (text or "")
        )

    if old is None:
        inner = f"<ins>{html.escape(body(new))}</ins>"
    elif new is None:
        inner = f"<del>{html.escape(body(old))}</del>"
    else:
        inner = "".join(
            html.escape(t)
            if k == "="
            else f"<{'del' if k == '-' else 'ins'}>{html.escape(t)}</{'del' if k == '-' else 'ins'}>"
            for k, t in words(body(old), body(new))
        )
    if line.startswith("|"):  # a row of the header table
        return f'<p class="row">{inner}</p>'
    return f"<{tag}>{inner}</{tag}>"


def redline_html(diffs: list[MeetingDiff], renderer: Any) -> str:
    """The rendered minutes with insertions and deletions marked like tracked changes."""
    import difflib

    labels = renderer.labels
    parts = []
    for d in diffs:
        old_md = renderer.render(d.old, "md").splitlines() if d.old else []
        new_md = renderer.render(d.new, "md").splitlines() if d.new else []
        old_md = [line for line in old_md if line.strip() and not line.startswith("|---")]
        new_md = [line for line in new_md if line.strip() and not line.startswith("|---")]
        summary = (
            "".join(
                "<li>"
                + html.escape(_arrow(c))
                + ": "
                + (f"<del>{html.escape(c.old)}</del>" if c.old else "")
                + (" → " if c.old and c.new else "")
                + (f"<ins>{html.escape(c.new)}</ins>" if c.new else "")
                + "</li>"
                for c in d.changes
            )
            or f"<li>{html.escape(labels['diff_no_change'])}</li>"
        )
        blocks = []
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
            None, old_md, new_md, autojunk=False
        ).get_opcodes():
            if op == "equal":
                blocks += [_redline_block(line, line) for line in new_md[j1:j2]]
                continue
            pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
            blocks += [_redline_block(old_md[i1 + k], new_md[j1 + k]) for k in range(pairs)]
            blocks += [_redline_block(line, None) for line in old_md[i1 + pairs : i2]]
            blocks += [_redline_block(None, line) for line in new_md[j1 + pairs : j2]]
        parts.append(
            f'<section><h1 class="file">{html.escape(d.path)} ({html.escape(d.old_label)} → '
            f'{html.escape(d.new_label)})</h1>\n<ul class="summary">{summary}</ul>\n'
            f"<article>\n" + "\n".join(blocks) + "\n</article></section>"
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{renderer.language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>psc diff</title>\n<style>\n"
        "body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 50rem; margin: 2rem auto; "
        "padding: 0 1rem; line-height: 1.5; }\n"
        "ins { background: #d4f7d4; color: #064d06; text-decoration: underline; }\n"
        "del { background: #fbd9d9; color: #7a0b0b; text-decoration: line-through; }\n"
        "h1.file { font-size: 1rem; font-family: monospace; background: #eee; padding: .3rem; }\n"
        "ul.summary { border-left: 3px solid #999; padding-left: 1.5rem; }\n"
        "article { border-top: 1px solid #ccc; margin-top: 1rem; }\n"
        "</style>\n</head>\n<body>\n" + "\n".join(parts) + "\n</body>\n</html>\n"
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
            old_text = gitrepo.show(root, before_sha, commit.path) if before_sha else None
            try:
                old = _parse(old_text, commit.path, commit.sha[:7] + "^", group)
                new = _parse(new_text, commit.path, commit.sha[:7], group)
                changes = differ.diff(old, new)
            except InvalidData as exc:
                changes = [Change("", "", None, f"invalid file: {exc.problems[0]}")]
            entries.append(
                LogEntry(commit.sha, commit.author, commit.date, commit.subject, changes)
            )
        out.append((rel, entries))
    return out, renderer
