"""A label a group sets to "" hides its words and the punctuation and markup that belong to
them, for every label of the table, in Markdown, HTML and Word, in Czech and English.

The label table is iterated, not listed: each label is first found in the minutes by a render
with every label replaced by a marker of its own (one render per meeting, language and format),
then rendered empty once per language (Markdown and HTML; Word for a fixed sample), in the
first rich meeting that uses it. Rich meetings: the seed, the council example (a draft, an
approved session, a vote per rollam), a real US commission's minutes (roll-call votes, next
meetings; also as a draft), a real foundation board's (movers), a real council's (the
attendance and roles where the minutes record them), and the shapes of items of
test_decision_shapes (candidates, roles, seconders, reviews with deadlines)."""

from __future__ import annotations

import html as htmllib
import io
import re
from functools import cache
from pathlib import Path

import pytest
import test_decision_shapes as shapes

from psc.language.labels import LABELS, labels_for
from psc.loading import pipeline
from psc.loading.model import Group, Meeting
from psc.publish.render import Renderer

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    (ROOT / "group.yaml", ROOT / "meetings" / "2016-09-07.yaml"),
    (ROOT / "examples/council/group.yaml", ROOT / "examples/council/meetings/2025-11-18.yaml"),
    (ROOT / "examples/council/group.yaml", ROOT / "examples/council/meetings/2025-03-18.yaml"),
    (ROOT / "examples/council/group.yaml", ROOT / "examples/council/meetings/2025-05-12.yaml"),
    (
        ROOT / "tests/fixtures/real/pdf-oakland-prac-2022-07/group.yaml",
        ROOT / "tests/fixtures/real/pdf-oakland-prac-2022-07/meetings/2022-07-13.yaml",
    ),
    (
        ROOT / "tests/fixtures/real/en-bevy-foundation-board-2024-02/group.yaml",
        ROOT / "tests/fixtures/real/en-bevy-foundation-board-2024-02/meetings/2024-02-03.yaml",
    ),
    (
        ROOT / "tests/fixtures/real/obec-koclirov-zastupitelstvo-2008-11/group.yaml",
        ROOT / "tests/fixtures/real/obec-koclirov-zastupitelstvo-2008-11/meetings/2008-11-27.yaml",
    ),
]
LANGUAGES = ("cs", "en")
KEYS = list(LABELS["cs"])
DOCX_SAMPLE = 12
"""Every DOCX_SAMPLE-th label the minutes print is also rendered empty as Word (Word is slow; it
says what the HTML says, `publish.docx`), and the labels a tester found leaving stray text."""
DOCX_ALWAYS = ("minutes", "draft_notice", "proposed_by", "next_meeting_firm")


@cache
def meetings() -> list[tuple[Group, Meeting]]:
    """The rich meetings, the commission's also as a draft (its approval not recorded), the
    shapes of items of `test_decision_shapes` (movers, candidates, roles, reviews), and the
    seed with its attendance as lists of people of each kind."""
    loaded = []
    for group_path, meeting_path in SOURCES:
        group = pipeline.load_group(group_path)
        loaded.append((group, pipeline.load_meeting(None, meeting_path, group)))
    group, meeting = loaded[4]
    loaded.append((group, meeting.model_copy(update={"approval_not_recorded": False})))
    loaded.append((Group.model_validate(shapes.GROUP), Meeting.model_validate(shapes.MEETING)))
    group, seed = loaded[0]  # the seed's attendance as lists of its own people, by kind
    people = [seed.recorded_by, seed.approved_by]
    lists = {kind: people for kind in ("present", "excused", "absent", "guests")}
    loaded.append(
        (group, seed.model_copy(update={"attendees": seed.attendees.model_copy(update=lists)}))
    )
    return loaded


def marker(key: str) -> str:
    """A label's marker: no character Markdown escapes, no placeholder, a date pattern's
    literal."""
    return "\u27e6" + key.replace("_", "\u00b7") + "\u27e7"


@cache
def _renderer(language: str) -> Renderer:
    return Renderer(meetings()[0][0], [], language)


def renderer(index: int, language: str, labels: dict[str, str]) -> Renderer:
    """A renderer of meeting `index`'s group in `language`, with `labels` over the group's own
    (those of its language). One renderer per language, its group and labels replaced in place,
    so that its templates are compiled once."""
    group = meetings()[index][0]
    made = _renderer(language)
    made.group = group
    for env in made.envs.values():
        env.globals["group"] = group
    own = group.labels if group.language == language else {}
    made.labels.clear()
    made.labels.update(labels_for(language, {**own, **labels}))
    return made


def docx_lines(renderer: Renderer, meeting: Meeting) -> list[str]:
    """The Word minutes as lines: each paragraph (a heading marked '#'), each table row as
    '| label | value |'."""
    import docx

    from psc.publish.docx import minutes_docx

    document = docx.Document(io.BytesIO(minutes_docx(renderer, meeting, [])))
    lines = []
    for paragraph in document.paragraphs:
        heading = (paragraph._p.style or "").startswith("Heading")  # the style's id: fast
        lines.append(("# " if heading else "") + paragraph.text)
    for table in document.tables:
        lines += ["| " + " | ".join(c.text for c in row.cells) + " |" for row in table.rows]
    return lines


def html_lines(page: str) -> list[str]:
    """The HTML minutes' text, a line per block; empty elements kept as a visible mark."""
    page = page.split("<body", 1)[-1]
    page = re.sub(r"<(h\d|th)[^>]*>\s*</\1>", "\n# \n", page)
    page = re.sub(r"<(p|li|div|td|strong|em)[^>]*>\s*</\1>", "\n()\n", page)
    page = re.sub(r"<th[^>]*>", "\n| ", page)
    page = re.sub(r"<td[^>]*>", "\n", page)
    page = re.sub(r"<h\d[^>]*>", "\n# ", page)
    page = re.sub(
        r"<br>|</?(p|li|div|tr|h\d|ul|ol|table|section|header|footer|main)\b[^>]*>", "\n", page
    )
    page = re.sub(r"<[^>]+>", "", page)
    return htmllib.unescape(page).splitlines()


def lines_of(renderer: Renderer, meeting: Meeting, fmt: str) -> list[str]:
    if fmt == "docx":
        return docx_lines(renderer, meeting)
    out = renderer.render(meeting, fmt)
    return out.splitlines() if fmt == "md" else html_lines(out)


ARTEFACTS = [
    (r"^\s*#+\s*$", "an empty heading"),
    (r"^\s*#+\s*[.:;,–]", "a heading of punctuation"),
    (r"^\|\s*$", "an empty table cell label"),
    (r"^[\s.:;,*_()\[\]–|-]+$", "a line of punctuation or markup alone"),
    (r"^\s*(?:[-*]\s+|\d+\.\s+)?(?:\*{1,2}|_)?\s*[.:;,)]", "punctuation where a word was"),
    (r"\(\s*\)", "empty brackets"),
    (r"(?<!\*)\*\*\s*\*\*(?!\*)", "empty bold"),
    (r"(?<![*\w])\*\s+\*(?![*\w])", "empty italics"),
    (r"[:;,]\s+[:;,.]", "punctuation after punctuation"),
    (r"\s[–]\s*\**\s*$", "a dash before nothing"),
]


def segments(line: str) -> list[str]:
    """A line's parts read on their own: a table row's cells (the first, the label, marked
    '| '), a cell's lines (<br>)."""
    if not line.startswith("|"):
        return line.split("<br>")
    cells = line.strip().strip("|").split(" | ")
    return ["| " + cells[0].strip()] + [p for c in cells[1:] for p in c.strip().split("<br>")]


def artefacts(lines: list[str], baseline: set[str]) -> list[str]:
    """The lines, not rendered so with every label in place, that show a hidden label's
    punctuation or markup."""
    found = []
    for line in lines:
        if line in baseline or not line.strip() or re.fullmatch(r"\|(-+\|)+", line):
            continue
        for part in segments(line):
            for pattern, what in ARTEFACTS:
                if re.search(pattern, part):
                    found.append(f"{what}: {line!r}")
    return found


@cache
def baseline(index: int, language: str, fmt: str) -> set[str]:
    return set(lines_of(renderer(index, language, {}), meetings()[index][1], fmt))


@cache
def used_labels(language: str, fmt: str) -> dict[str, int]:
    """Each label the minutes print in `language` and `fmt`, with the first meeting that does."""
    markers = {  # labels empty by default (psc's own order) are empty already
        key: f"'{marker(key)}'" if key.startswith("date_") else marker(key)
        for key in KEYS
        if LABELS[language][key]
    }
    used: dict[str, int] = {}
    for index, (_, meeting) in enumerate(meetings()):
        text = "\n".join(lines_of(renderer(index, language, markers), meeting, fmt))
        for key in KEYS:
            if key not in used and marker(key) in text:
                used[key] = index
    return used


def test_the_markers_find_the_labels_of_the_minutes():
    """The labels found in the minutes are most of those the minutes use, in each format."""
    for language in LANGUAGES:
        for fmt in ("md", "html"):
            used = used_labels(language, fmt)
            assert {"minutes", "draft_notice", "proposed_by", "next_meeting_firm"} <= set(used)
            assert len(used) > 60, (language, fmt, sorted(used))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_empty_label_leaves_no_stray_punctuation(language):
    """Every label of the table, set to "" by the group, hides its words with their
    punctuation and markup: never a lone '.', ':', '**', '*', '()', an empty heading or table
    label. Each label the minutes print is rendered empty once in Markdown and HTML (in the
    first rich meeting that prints it), every DOCX_SAMPLE-th also in Word."""
    problems, checked = [], 0
    docx_keys = set(sorted(used_labels(language, "html"))[::DOCX_SAMPLE]) | set(DOCX_ALWAYS)
    for key in KEYS:
        for fmt in ("md", "html", "docx"):
            index = used_labels(language, "html" if fmt == "docx" else fmt).get(key)
            if index is None or (fmt == "docx" and key not in docx_keys):
                continue
            checked += 1
            meeting = meetings()[index][1]
            lines = lines_of(renderer(index, language, {key: ""}), meeting, fmt)
            found = artefacts(lines, baseline(index, language, fmt))
            problems += [f"{key} ({fmt}, {meeting.id}): {p}" for p in found]
    print(f"{language}: {checked} renders with one label empty, {len(problems)} artefacts")
    assert checked > 150
    assert problems == []
