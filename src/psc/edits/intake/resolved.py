"""Resolutions as Czech bodies list them: small named rules of `psc import`.

- `adopted_as_listed`: a resolution listed under the label 'Usnesení' (its own label with its
  number, 'Usnesení 92/2018', or the label of a list of them, 'Usnesení finančního výboru
  (FV):'), not a proposal ('Návrh usnesení'), with no vote and no outcome stated, is adopted:
  that is how Czech bodies write the resolutions they adopted, in the present ('FV požaduje,
  aby …', 'Rada obce Velké Březno schvaluje program …'). A verb that refuses ('neschvaluje',
  'nesouhlasí', 'zamítá'), a conditional ('by …') or a fact told in the passive with no act of
  the body ('Příští zasedání AS je plánováno na 8. prosince 2014.') is left without one.
- `list_label`: 'Usnesení finančního výboru (FV):', 'Závěry a usnesení:', 'Usnesení:' on a
  line of its own: the label of the list of resolutions below it (not 'Usnesení č. 5:', one
  resolution's label).
- `own_number`: 'Usnesení 67/2018 91/2018 …' where the first number is the meeting's own
  ('67. schůze'): the resolutions of meeting 67/2018, and this one numbered 91/2018.
- `consent`: the body's consent told in the present, alone in its paragraph ('Výbor se
  zněním dopisu souhlasí.', 'VV ŠSČR souhlasí s převodem …'): a resolution, adopted
  ('nesouhlasí': rejected).

Pure: no state, no files.
"""

from __future__ import annotations

import re
from typing import Any

from psc.edits.intake import told

_LIST_LABEL = re.compile(
    r"^(?:závěry\s+a\s+usnesení|usnesení(?:\s+(?!č\.|čís|číslo|\d)[^\d:]{2,60}?)?|resolutions|"
    r"decisions)\s*:$",
    re.I,
)
_PROPOSAL = re.compile(r"\bnávrh\w*\s+usnesení\b|^návrh\b", re.I)
_REFUSING = re.compile(
    r"\b(?:neschvaluj\w*|nesouhlas\w*|zamítá\w*|odmítá\w*|nedoporučuj\w*)\b|\bby\s+(?:měl|mohl)",
    re.I,
)
_ACTS = re.compile(
    r"\b(?:schvaluje|požaduje|žádá|ukládá|souhlasí|bere\s+na\s+vědomí|doporučuje|pověřuje|"
    r"volí|jmenuje|určuje|revokuje|zmocňuje|stanoví|stanovuje|vydává|zřizuje|ruší|rozhoduje|"
    r"podporuje|deleguje|odvolává)\b",
    re.I,
)
"""A body's act in the present: the verb of a resolution ('FV požaduje, aby …')."""
_FACT = re.compile(r"\b(?:je|jsou|bude|budou)\s+(?:\w+\s+)?\w+(?:no|na|ny|ni|en)\b", re.I)
"""A fact told in the passive ('Příští zasedání AS je plánováno na 8. prosince 2014.'): a
point among the resolutions that reports, not one the body adopted."""
_MEETING_AND_OWN = re.compile(r"^(?P<own>\d+\s*/\s*\d{2,4})\b\s*(?P<rest>.*)$", re.S)
_CONSENT = re.compile(
    rf"^(?P<body>{told._BODY_WORDS}|{told._ABBREVIATION}(?:\s+{told._ABBREVIATION}){{0,2}})"
    r"\s+(?:se?\s+\w+(?:\s+\w+){0,3}?\s+)?(?:(?:rovněž|také|plně|jednomyslně)\s+)?"
    r"(?P<verb>(?:ne)?souhlasí)\b(?P<rest>[^.!?]*)[.!]?$",
    re.S,
)


def list_label(text: str) -> bool:
    """Whether a line alone is the label of a list of resolutions below it."""
    return _LIST_LABEL.match(text.strip()) is not None


def adopted_as_listed(label: str, decision: dict[str, Any]) -> bool:
    """Give a resolution listed under 'Usnesení' (its label as written: `label`) without a
    stated outcome or vote the outcome adopted; True when it did."""
    if "outcome" in decision or {"votes", "votes_text", "unanimous", "proposal", "roll_call"} & set(
        decision
    ):
        return False
    if not re.match(r"^(?:usnesení|závěry\s+a\s+usnesení)\b", label.strip(), re.I):
        return False
    text = str(decision.get("decision", ""))
    if _PROPOSAL.search(label) or _REFUSING.search(text):
        return False
    if _FACT.search(text) and not _ACTS.search(text):
        return False
    decision["outcome"] = "adopted"
    return True


def own_number(number: str, text: str, meeting: object) -> tuple[str, str] | None:
    """('91/2018', the text after it) where `number` ('67/2018') is the meeting's own
    (`meeting`: the meeting's number, 67) and a second number of the same shape follows it;
    None otherwise."""
    first = re.match(r"^(\d+)\s*/\s*\d{2,4}$", number or "")
    second = _MEETING_AND_OWN.match(text.strip())
    if first is None or second is None or meeting is None:
        return None
    if str(int(first[1])) != str(meeting).strip():
        return None
    return re.sub(r"\s+", "", second["own"]), second["rest"].strip()


def consent(text: str) -> dict[str, Any] | None:
    """'Výbor se zněním dopisu souhlasí.': one sentence, the body its subject and 'souhlasí'
    its verb, is the body's resolution, adopted ('nesouhlasí': rejected); None otherwise."""
    sentence = text.strip()
    if len(told.sentences(sentence)) != 1 or len(sentence) > 300:
        return None
    match = _CONSENT.match(sentence)
    if match is None or re.search(r"\bby\b", sentence):
        return None
    outcome = "rejected" if match["verb"].casefold().startswith("ne") else "adopted"
    return {"decision": sentence, "outcome": outcome}
