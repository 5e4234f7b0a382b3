"""Attendance recorded after text of the minutes is shown where it stood.

Minutes put a line or two before their attendance: the body's name as a letterhead ('Město
Pečky'), the opening ('Jednání zahájeno v 19:15 hod.'), the meeting's kind ('(řádné
zasedání)'), a list of links (an open-source project's notes). psc prints attendance in the
header, above every item, unless an item shows it (`show: attendance`). So when the first
attendance label comes after such text, the import leaves a `show` block where the label
stood, and the minutes read in their own order. Attendance read before any text, or under
nothing but a heading of its own ('Attendees'), stays in the header, as before.
"""

from __future__ import annotations

from typing import Any, Protocol


class Walk(Protocol):
    """What this rule uses of the recogniser (recognise.py's _Recogniser)."""

    m: dict[str, Any]
    container: list[Any] | None
    pending_list: dict[str, Any] | None

    def add(self, block: Any) -> None: ...


def before_attendance(walk: Walk) -> None:
    """Called as an attendance label is read: the first one, after text of the minutes,
    leaves `show: attendance` in its place."""
    before = [*(walk.container or []), *([walk.pending_list] if walk.pending_list else [])]
    if "attendees" in walk.m or not before:
        return
    if all(isinstance(b, dict) and "heading" in b for b in before):
        return  # only a heading over it ('Attendees'): the attendance's own, header and all
    if any(isinstance(b, dict) and b.get("show") == "attendance" for b in before):
        return
    walk.add({"show": "attendance"})  # a list still open is closed before it
