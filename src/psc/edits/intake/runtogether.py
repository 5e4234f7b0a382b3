"""Minutes whose lines a PDF's text dump ran together into one long paragraph: 'ZÁ P I S z
67. schůze Rady obce … Přítomni: Mgr. Michal Kulhánek, …, Ladislav Boháč. Omluveni:
Zahájení Schůzi rady … Usnesení 92/2018 Uzavření pachtovní smlouvy …' (a municipal board),
'Zápis z 8. jednání Rady České televize ze dne Přítomni: J. Dědič, … Omluveni: J. Šlégr, …
Hosté: P. Dvořák, …' (a public broadcaster's council, both transcripts of PDF minutes).

`split` breaks such a paragraph again before each label the minutes write at the start of a
line (the attendance's 'Přítomni:', 'Omluveni:', 'Hosté:', …; a resolution's 'Usnesení
92/2018'), so the recogniser reads them as it reads them on lines of their own. Only a long
paragraph with at least two such labels inside it is broken; the words stay, in their order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from psc.edits.intake.blocks import Block

Note = tuple[str, str]

_LONG = 400
"""A paragraph longer than this (characters) may be lines run together."""

_LABEL = re.compile(
    r"(?<=[\s.,;])(?="
    r"(?:Přítomni|Přítomno|Omluveni|Omluvené(?:\s+obce)?|Omluven|Omluvena|Nepřítomni|Neomluveni|Hosté|Přizváni|"
    r"Předsedající|Zapisovatel|Zapisovatelka|Ověřovatelé|Ověřovatel)\s*:"
    r"|Usnesení\s+(?:č\.\s*)?\d{1,4}/\d{2,4}\b"
    r")"
)
"""Where a line of the minutes began: before a label of the attendance or the roles, or a
resolution's label with its number."""

_OPENING = re.compile(r"(?<=:\s)(?=(?:Zahájení|Úvod)\s+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž])")
"""The heading of the opening point run into the sentence under it, straight after a label
left empty ('Omluveni: Zahájení Schůzi rady předsedal …')."""


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The lines of a run-together text, each with whether it is a heading."""
    cuts = [m.start() for m in _LABEL.finditer(text) if m.start() > 0]
    pieces: list[str] = []
    start = 0
    for cut in [*cuts, len(text)]:
        piece = text[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    out: list[tuple[str, bool]] = []
    for piece in pieces:
        opening = _OPENING.search(piece)
        if opening is None or opening.start() > 40:
            out.append((piece, False))
            continue
        heading, rest = piece[opening.start() :].split(None, 1)
        out += [(piece[: opening.start()].strip(), False), (heading, True), (rest, False)]
    return out


def split(blocks: list[Block]) -> tuple[list[Block], list[Note]]:
    """The blocks with each run-together paragraph broken at its labels (see the module), and
    notes for the report."""
    out: list[Block] = []
    notes: list[Note] = []
    for block in blocks:
        text = block.text
        if block.kind != "paragraph" or len(text) < _LONG or "\n" in text:
            out.append(block)
            continue
        if sum(1 for m in _LABEL.finditer(text) if m.start() > 0) < 2:
            out.append(block)
            continue
        pieces = _pieces(text)
        for piece, heading in pieces:
            if heading:
                out.append(replace(block, kind="heading", text=piece, level=2))
            else:
                out.append(replace(block, text=piece))
        notes.append((block.where, f"lines run together: read as {len(pieces)} lines"))
    return out, notes
