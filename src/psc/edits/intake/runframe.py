"""Minutes whose beginning is run together from the title on: 'Zápis z Valné hromady … konané
dne 25. 6. 2018 v Dačicích Přítomni: 17 členských obcí … Omluvené obce: … Hosté: … Schválený
program: 1) Zahájení 2) …' (a PDF's text, a voluntary association of municipalities), 'Zápis z
8. jednání Rady České televize ze dne Přítomni: J. Dědič, … Omluveni: …' (a public
broadcaster's council), read as lines by `runtogether`.

Such minutes have no frame of their own: no header table, no heading over their proceedings;
their title runs into their attendance, their attendance into their programme, the programme
into the first point. psc's frame (the table of 'název', 'datum', the roles, and 'A Průběh
jednání') would stand between them. So the meeting's own labels leave psc's frame out (the
title heads the minutes), the attendance and the programme are shown where they were read (at
the start), and a role told in a sentence that stays in the text is not printed again in a
header row; a role read on a label line is shown with them. Pure.
"""

from __future__ import annotations

from typing import Any

FRAME = {"minutes": "{title}", "name": "", "date": "", "place": "", "section_a": ""}
"""The meeting's own labels of psc's frame: the title its heading, no header rows of its
own, no heading over the items."""
ROLE_LABELS = {"chair": "chair", "minute_taker": "minute_taker", "verifiers": "verifiers"}
"""A role's key in the meeting and the label of its header row."""


def title_run_on(runs: list[tuple[str, str]], title_line: str | None) -> bool:
    """Whether `runtogether` broke the line the title stands on (its `runs` notes, each with
    the place of the line it broke)."""
    return title_line is not None and any(where == title_line for where, _ in runs)


def settle(meeting: dict[str, Any], told: set[str]) -> None:
    """The frame of minutes run together from their title (see the module); `told` names
    the roles read from sentences that stay in the text."""
    labels: dict[str, str] = meeting.setdefault("labels", {})
    for key, value in FRAME.items():
        labels.setdefault(key, value)
    shown = {
        block["show"]
        for item in meeting.get("items", [])
        for block in item.get("content", [])
        if isinstance(block, dict) and "show" in block
    }
    lead: list[dict[str, str]] = []
    attendees = meeting.get("attendees") or {}
    if attendees and "attendance" not in shown and labels.get("attendees") != "":
        lead.append({"show": "attendance"})
    for role, label in ROLE_LABELS.items():
        if role in meeting and role in told:
            labels.setdefault(label, "")  # its sentence says it
    lined = [role for role in ROLE_LABELS if role in meeting and role not in told]
    if (lined or meeting.get("roles")) and "roles" not in shown:
        lead.append({"show": "roles"})
    if meeting.get("programme") and "programme" not in shown:
        lead.append({"show": "programme"})
    if lead:
        items = meeting.setdefault("items", [])
        first = items[0] if items else None
        if first is not None and "title" not in first and "number" not in first:
            first["content"][:0] = lead
        else:
            items.insert(0, {"content": lead})
