"""Helpers of the tests of `psc import`'s rules that quote real minutes: a quote recognised as
a meeting (which must validate), and lines of a fixture's source.txt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from psc.edits.intake.draft import meeting_text
from psc.edits.intake.recognise import recognise
from psc.edits.intake.sources import text_blocks
from psc.loading.model import Group
from psc.loading.pipeline import load_meeting

REAL = Path(__file__).parent / "fixtures" / "real"


def recognised(text: str, group: Group, date: dt.date) -> dict[str, Any]:
    """`text` recognised for `group` (dated `date` when it does not say); it must validate."""
    draft = recognise(text_blocks(text), group, date=date)
    yaml_text = meeting_text(draft.meeting, comment="x")
    day = draft.meeting["date"]
    load_meeting(yaml_text, Path(f"meetings/{day.isoformat()}.yaml"), group, approval=False)
    return draft.meeting


def source_lines(fixture: str, first: str, count: int) -> str:
    """`count` lines of a fixture's source.txt, from the line that starts with `first`."""
    lines = (REAL / fixture / "source.txt").read_text(encoding="utf-8").splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith(first))
    return "\n".join(lines[start : start + count]) + "\n"
