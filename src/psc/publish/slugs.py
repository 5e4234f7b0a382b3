"""File names of the site's pages for names and numbers: unique, stable, safe everywhere."""

from __future__ import annotations

import re
import unicodedata

_CLEAN = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def slug(text: str) -> str:
    """The file name (without .html) of a responsible body's page: unique and stable, the same
    name always giving the same slug whatever other names exist, and safe on file systems
    that ignore case. A name of capitals, digits and single hyphens is lowercased as it is
    ('MMR' -> 'mmr', 'MMR-ODP' -> 'mmr-odp'); any other name is folded to ASCII and gets '_'
    and 8 hex digits of the SHA-256 of its NFC form ('MŽP' -> 'mzp_…', 'SMO ČR' ->
    'smo-cr_…', 'mmr' -> 'mmr_…'), a name with nothing to fold (Cyrillic, Greek) 'x_…'.
    Lowercased names never hold '_', so the two kinds cannot meet."""
    import hashlib

    from psc.terms import nfc

    text = nfc(text)
    if _CLEAN.fullmatch(text) and len(text) <= 64 and text.lower() not in _RESERVED:
        return text.lower()
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:40].strip("-") or "x"
    return f"{folded}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"
