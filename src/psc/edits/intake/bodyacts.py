"""A body's decisions told among its other acts (issue 22's ninth round): small named rules
of `psc import`, beside `told`'s.

- `discussed`: the body discussed a matter and, in the same sentence, decided on it: 'Výkonný
  výbor projednal organizaci pouťové taneční zábavy, určil termín Pochodu okolo Heřmanic na
  22. 9. 2012.' (a sports club's committee), 'Výbor projednal možnost zájezdu na muzikál …
  a pověřil předsedu kalkulací tohoto zájezdu.' (a trade union's committee): the sentence is
  a resolution, adopted;
- `continued`: a sentence without a subject of its own that opens with 'Zároveň', 'Dále',
  'Také' and a verb of deciding, after a sentence whose subject is the body: 'Výbor byl
  seznámen s novým kronikářem (paní Jana Říhová). Zároveň schválil nákup nové kroniky …'
  (as 'Výbor schválil nákup vánočních kolekcí … a zároveň neschválil nákup …' in the trade
  union's committee goes on in one sentence): that sentence is the body's resolution, the
  sentences before it stay text.

Pure.
"""

from __future__ import annotations

import re
from typing import Any

from psc.edits.intake import told

_DECIDING = (
    r"(?P<neg>ne)?(?:schválil|odsouhlasil|určil|stanovil|rozhodl|zvolil|pověřil|uložil)[aoiy]?"
)
_DISCUSSED = re.compile(
    rf"^{told._SUBJECT}\s+projednal[aoiy]?\s+[^.;]+?(?:,\s*(?:a\s+)?|\s+a\s+){_DECIDING}\b"
)
_ADVERB = r"(?:zároveň|současně|dále|také|rovněž|poté|následně)"
_CONTINUED = re.compile(rf"^{_ADVERB}\s+(?:se\s+)?{_DECIDING}\b", re.I)


def _sentences(text: str) -> list[str]:
    """`told.sentences`, a stop after a closing bracket ending one too ('(paní Jana
    Říhová). Zároveň …')."""
    return [
        piece
        for part in told.sentences(text)
        for piece in re.split(rf"(?<=\)[.!?])\s+(?=[{told._CAPS}])", part)
    ]


def _adopted(sentence: str, neg: str | None) -> dict[str, Any]:
    return {"decision": sentence, "outcome": "rejected" if neg else "adopted"}


def discussed(text: str) -> dict[str, Any] | None:
    """One sentence of the body that discussed a matter and decided on it: a resolution."""
    sentences = _sentences(text)
    if len(sentences) != 1:
        return None
    match = _DISCUSSED.match(sentences[0])
    return _adopted(text.strip(), match["neg"]) if match else None


def continued(text: str) -> tuple[str, dict[str, Any], str] | None:
    """A paragraph whose first sentence has the body as its subject and whose later sentence
    goes on with its decision ('Zároveň schválil …'): (the sentences before, the resolution,
    the sentences after); None otherwise, or when several sentences so decide."""
    parts = _sentences(text)
    if len(parts) < 2 or not re.match(rf"^{told._SUBJECT}\s", parts[0]):
        return None
    found = [(k, m) for k, part in enumerate(parts) if k and (m := _CONTINUED.match(part))]
    if len(found) != 1:
        return None
    k, match = found[0]
    return " ".join(parts[:k]), _adopted(parts[k], match["neg"]), " ".join(parts[k + 1 :])
