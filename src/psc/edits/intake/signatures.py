"""The signature block at the end of minutes: small named rules of `psc import`.

Below the last item minutes carry the names of who signs them, often in columns a text
export keeps apart by wide spaces, each name with its function above or below it:

    Ověřovatelé zápisu:
    Hana Bílá              Starosta obce Zbilidy
    Jiří Huďa              Roman Hejduk

(obec-zbilidy-zastupitelstvo-2018-06: the verifiers in the first column, the mayor's
signature in the second), or one signature after the footer ('Zapsal: Vojtěch Eliáš' /
'Dr. Vojtěch ELIÁŠ' / 'předseda ŠR'). Each name is read as a role (verified_by, signed_by),
never as content lost; a function's line is the role's wording. Pure.
"""

from __future__ import annotations

import re

from psc.edits.intake.roles import is_name

Signature = tuple[str, str | None]
"""(the name as written, the function written with it, or None)."""


def is_function(text: str) -> bool:
    """'předseda ŠR', 'Starosta obce Zbilidy', 'ověřovatel zápisu': a short line naming a
    function, no sentence, no date (a name is none)."""
    words = text.split()
    if not 1 <= len(words) <= 6 or re.search(r"[\d:;!?]", text) or text.endswith("."):
        return False
    if is_name(text) and not any(w[:1].islower() for w in words[1:]):
        return False
    return words[0][:1].isalpha()


def column(cells: list[str]) -> list[Signature] | None:
    """One column of a signature block, top to bottom: each name with the function written
    above or below it ('Starosta obce Zbilidy' / 'Roman Hejduk'). None when a line is
    neither a name nor a function."""
    signatures: list[Signature] = []
    pending: str | None = None  # a function above the name it belongs to
    for cell in (c.strip() for c in cells):
        if not cell:
            continue
        if is_name(cell) and not is_function(cell) and len(cell.split()) > 1:
            # one word alone is no signature's name ('NAHORU', a web page's link to its top)
            signatures.append((cell, pending))
            pending = None
        elif is_function(cell):
            if signatures and signatures[-1][1] is None and pending is None and not _above(cells):
                signatures[-1] = (signatures[-1][0], cell)
            elif pending is None:
                pending = cell
            else:
                return None
        else:
            return None
    if pending is not None:
        return None
    return signatures


def _above(cells: list[str]) -> bool:
    """Is the column's first line a function (the functions stand above their names)?"""
    first = next((c.strip() for c in cells if c.strip()), "")
    return is_function(first) and not is_name(first)


def columns(rows: list[list[str]]) -> list[list[str]]:
    """Rows of cells as columns (a short row's missing cells empty)."""
    width = max((len(r) for r in rows), default=0)
    return [[row[k] if k < len(row) else "" for row in rows] for k in range(width)]
