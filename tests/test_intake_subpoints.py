"""Numbered sub-points indented under a numbered item (issue 22, fourth round): a point of
that item's content, not the next item. Each quote is real: lines of the fixtures
en-perth-artifactory-co-tenants-2011-01 (Markdown) and odt-makerspace-gt-planungstreffen-2018-10
(an OpenDocument file; its text export)."""

from __future__ import annotations

import datetime as dt

from intake_quotes import source_lines
from test_intake_recognise import EN_GROUP, GROUP

from psc.edits.intake import subpoints
from psc.edits.intake.blocks import Block
from psc.edits.intake.recognise import recognise
from psc.edits.intake.sources import markdown_blocks, text_blocks

# https://github.com/Perth-Artifactory/wiki/blob/2bd5b9eea9c4c0aa1e30bcc20b57c82bac0192b4/minutes/Co-Tenants/2011-01-18.md
PERTH = "en-perth-artifactory-co-tenants-2011-01"
# the Makerspace Gütersloh's planning meeting (SOURCE.md of the fixture gives its address)
MAKERSPACE = "odt-makerspace-gt-planungstreffen-2018-10"


def _titles(meeting: dict) -> list[tuple[int | None, str | None]]:
    return [(item.get("number"), item.get("title")) for item in meeting["items"]]


def test_a_numbered_line_deeper_than_its_item_is_a_point_of_it():
    item = Block("item", "General", "line 1", ordered=True, number="2", indent=0)
    point = Block("item", "Artifactory still waiting", "line 2", ordered=True, number="2", indent=4)
    assert subpoints.under_item(point, 0)
    assert not subpoints.under_item(item, 0)
    assert not subpoints.under_item(point, None)  # no numbered item open


def test_markdown_sub_points_stay_in_their_item():
    text = "## Minutes\n\n" + source_lines(PERTH, "1. Property report", 10)
    blocks = markdown_blocks(text)
    assert [b.indent for b in blocks if b.text.startswith("Artifactory still")] == [4]
    meeting = recognise(blocks, EN_GROUP, date=dt.date(2011, 1, 18)).meeting
    titles = _titles(meeting)
    assert (2, "General") in titles
    assert (3, "Shared Bills") in titles
    assert not any(t and t.startswith("Artifactory still waiting") for _, t in titles)


def test_text_sub_points_stay_in_their_item():
    text = "Protokoll\n" + source_lines(MAKERSPACE, "Tagesordnungspunkte", 12)
    meeting = recognise(text_blocks(text), GROUP, date=dt.date(2018, 10, 4)).meeting
    titles = _titles(meeting)
    assert (3, "Nachrichen an die Öffentlichkeit") in titles
    assert (4, "Flyer überarbeiten") in titles
    assert not any(t and t.startswith("Disclaimer") for _, t in titles)
