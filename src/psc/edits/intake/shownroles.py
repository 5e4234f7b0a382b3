"""The roles recorded after text of the minutes are shown where they stood.

Minutes name their chair, minute-taker and verifiers on label lines, often after the
opening ('Bratr Majer provedl zahájení dnešního jednání …' / 'Určení a schválení
zapisovatele jednání: Mojmír Dostál' / 'Určení a schválení ověřovatelů zápisu: Jaroslav Vrba
a Aleš Janda', an association's committee). psc prints the roles in the header, above every
item, unless an item shows them (`show: roles`). So when the first of them is read on a label
line (the line itself taken as the role, not kept as text) after text of the minutes and
before the first item, the import leaves `show: roles` where it was read, and the minutes read
in their own order, as `shownhere` does for the attendance and the programme. Roles read
before any text stay in the header; roles told in sentences stay in their sentences.
"""

from __future__ import annotations

from typing import Any, Protocol

ROLES = ("chair", "minute_taker", "verifiers")
"""The roles a header's label line names (read by the walk, not from sentences)."""


class Walk(Protocol):
    """What this rule uses of the recogniser (recognise.py's _Recogniser)."""

    m: dict[str, Any]
    items: list[dict[str, Any]]

    def add(self, block: Any) -> None: ...
    def started(self) -> bool: ...


def _text(block: Any) -> bool:
    return not (isinstance(block, dict) and ("heading" in block or "show" in block))


def before_step(walk: Walk) -> bool:
    """Whether a role read in the next step, before the first item, comes after text of the
    minutes (False once a role is read)."""
    if any(role in walk.m for role in ROLES) or walk.started():
        return False
    return any(_text(b) for item in walk.items for b in item.get("content", []))


def after_step(walk: Walk, text_before: bool) -> None:
    """The step read the first role after text, before the first item: `show: roles` there."""
    if text_before and not walk.started() and any(role in walk.m for role in ROLES):
        walk.add({"show": "roles"})


SIGNATURES = {"show": "signatures"}


def signatures_read(walk: Walk) -> None:
    """The walk read who recorded (verified, approved) the minutes: `show: signatures` there,
    for `settle_signatures` to keep where text of the minutes follows the signatures (a web
    page's 'Se zápisem souhlasí:', 'Příloha:', 'Nalezli jste chybu?' under 'Zapsala: …')."""
    if walk.items and not any(SIGNATURES in item.get("content", []) for item in walk.items):
        walk.add(dict(SIGNATURES))


def settle_signatures(parts: list[dict[str, Any]]) -> None:
    """Keep `show: signatures` only where text follows it; with nothing after it the
    signatures stand at the end of the minutes, as psc prints them anyway."""
    seen = False
    for part in parts:
        for block in part.get("content", []):
            if block == SIGNATURES:
                seen = True
            elif seen and (isinstance(block, str) or "show" not in block):
                return
    for part in parts:
        content = part.get("content", [])
        if SIGNATURES in content:
            content.remove(SIGNATURES)
