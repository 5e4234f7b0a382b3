"""Resolutions the minutes tell in a sentence, without a resolution label: small named rules
of `psc import`.

Minutes of small bodies often record a decision as a sentence with the body as its subject,
in the past tense or as a noting, sometimes with the vote in parentheses after it:
'ASF schválil náhradníky (20/0/0).' (an academic senate), 'Zastupitelstvo obce bere na
vědomí rozpočtové opatření č. 3/2018.' (a municipal council), 'Zastupitelstvo obce vzalo na
vědomí zprávu o činnosti rady.', and in English with the meeting or its members as the
subject: 'The meeting agreed the minutes represented a true record …', 'Members received and
noted the minutes.' (a parish council), 'Councillors received and approved statements of
account …', 'The Board unanimously adopted the resolution' (unanimous as it says). Each such
sentence is a resolution whose outcome its verb states; a verb in the present other than a
noting ('schvaluje', 'žádá') proposes and states nothing, and stays text. Pure.
"""

from __future__ import annotations

import re
from typing import Any

from psc.edits.intake import closingvote

_CAPS = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_BODY_WORDS = (
    r"(?i:zastupitelstvo|rada|výbor|komise|senát|shromáždění|valná\s+hromada|představenstvo|"
    r"kolegium|schůze|"
    r"členská\s+schůze|kontrolní\s+výbor|finanční\s+výbor|školská\s+rada|the\s+council|"
    r"the\s+committee|the\s+board|the\s+assembly|the\s+meeting|council|committee|board|"
    r"members|councillors)"
)
_ABBREVIATION = rf"[{_CAPS}][\w]*[{_CAPS}][\w]*"
"""'ASF', 'ŠR', 'KV', 'PřF' (two capitals at least)."""
_SUBJECT = (
    rf"(?P<body>(?:[{_CAPS}][a-záčďéěíňóřšťúůýž]+[ýíá]\s+)?{_BODY_WORDS}(?:\s+\(?[\w.]+\)?){{0,3}}?"
    rf"|{_ABBREVIATION}(?:\s+{_ABBREVIATION}){{0,2}})"
)
_VERB = re.compile(
    r"(?P<noted>bere\s+na\s+vědomí|vzal[oaiy]?\s+na\s+vědomí|(?:received\s+and\s+)?noted|"
    r"took\s+note)"
    r"|(?P<rejected>neschválil[oaiy]?|zamítl[oaiy]?|odmítl[oaiy]?|rejected|did\s+not\s+approve)"
    r"|(?P<adopted>schválil[oaiy]?|zvolil[oaiy]?|jmenoval[oaiy]?|rozhodl[oaiy]?|"
    r"uložil[oaiy]?|(?:received\s+and\s+)?approved|adopted|agreed|accepted|resolved|elected|"
    r"appointed)",
    re.I,
)
_TOLD = re.compile(rf"^{_SUBJECT}\s+(?P<verb>(?i:{_VERB.pattern}))\b")
_SLASH_VOTE = re.compile(
    r"\s*\(\s*(?P<for>\d+)\s*/\s*(?P<against>\d+)\s*/\s*(?P<abstained>\d+)\s*\)(?P<stop>\s*\.)?\s*$"
)
"""'(20/0/0)': for, against, abstained, in the order Czech minutes write them
('pro/proti/zdržel se')."""


def slash_vote(text: str) -> tuple[str, dict[str, int], str] | None:
    """'ASF schválil náhradníky (20/0/0).' → ('ASF schválil náhradníky.', counts, '20/0/0')."""
    match = _SLASH_VOTE.search(text)
    if match is None:
        return None
    counts = {key: int(match[key]) for key in ("for", "against", "abstained")}
    said = "/".join(match[key] for key in ("for", "against", "abstained"))
    return text[: match.start()].rstrip() + (match["stop"] or "").strip(), counts, said


def told_decision(text: str) -> dict[str, Any] | None:
    """A paragraph that is one resolution told as done, with its outcome (and its vote when
    it ends with one in parentheses); None for anything else (a proposal, a longer text)."""
    rest = text.strip()
    voted = slash_vote(rest)
    closes = voted is not None and re.search(r"\)\s*\.$", rest) is not None  # '(20/0/0).'
    if voted is not None:
        rest = voted[0]
    match = _TOLD.match(rest) or (_after_reason(rest) if voted is None else None)
    if match is None:
        return None
    if voted is None and _sentences(rest) > 1:
        return None  # a decision inside a longer account stays the account's text
    decision: dict[str, Any] = {"decision": rest}
    if voted is not None:
        decision["votes"] = voted[1]
        decision["votes_text"] = voted[2]
    if closes and rest.endswith("."):  # the stop after the vote: where it stood (closingvote)
        decision.update({"decision": rest[:-1], closingvote.MARK: True})
    verb = _VERB.match(match["verb"])
    assert verb is not None
    decision["outcome"] = next(k for k in ("noted", "rejected", "adopted") if verb[k])
    if _UNANIMOUS.search(match.group(0)):  # 'The Board unanimously adopted the resolution'
        decision["unanimous"] = True
    return decision


_REASON = re.compile(r"^(?:protože|jelikož|poněvadž|vzhledem\s+k|z\s+důvodu|na\s+základě)\b", re.I)
"""A sentence that gives its reason first ('Protože rozpočet byl předložen …, …')."""
_THEREFORE = re.compile(
    rf",?\s+a\s+(?:proto|tedy)\s+(?:se\s+)?(?:jednomysln\w+\s+)?"
    rf"(?P<verb>(?i:{_VERB.pattern}))\b",
    re.I,
)
"""'… spolku a proto se jednomyslně rozhodl o …': the decision after its reason, the body the
sentence's subject."""


def _after_reason(text: str) -> re.Match[str] | None:
    """A decision told after its reason, in one sentence: the reason's clause first, then the
    body and its verb ('Protože rozpočet byl předložen jako nevyrovnaný …, finanční výbor
    jednomyslně odmítl přijetí takovéhoto rozpočtu.'), or the body, its reason and 'a proto'
    with the verb ('Výbor spolku konstatoval, že …, a proto se jednomyslně rozhodl o …'). The
    match of the body and verb (its group 'verb'), or None."""
    if _REASON.match(text):
        for comma in re.finditer(r",\s+", text):
            told = _TOLD.match(text[comma.end() :])
            if told is not None:
                return told
        return None
    if re.match(rf"^{_SUBJECT}\s", text) is None:
        return None
    return _THEREFORE.search(text)


def _sentences(text: str) -> int:
    """How many sentences (a stop after a word of four letters or more, then a capital)."""
    return 1 + len(re.findall(rf"\w{{4,}}[.!?]\s+[{_CAPS}]", text))


_PASSIVE = re.compile(
    r"\b(?P<neg>ne)?(?:byl[aoiy]?|bylo)\s+(?:[\w.]+\s+){0,3}?"
    r"(?P<verb>schválen[aoiy]?|odsouhlasen[aoiy]?|zvolen[aoiy]?|přijat[aoiy]?)\b"
    r"|\b(?:přítomní|přítomni|členové|účastníci|delegáti)\s+(?:(?:\w+\s+){0,2}?)"
    r"(?P<active>schválili|zvolili|přijali)\b"
    r"|\b(?P<everyone>všichni)\s+(?:(?:\w+\s+){0,5}?)(?P<all_active>schválili|zvolili|přijali)\b",
    re.I,
)
"""A decision told as a result rather than as the body's act: 'Navrhovaný program byl
hlasováním schválen.', 'Navržení kandidáti byli zvoleni jednomyslně', 'Složení mandátové
komise bylo schváleno všemi hlasy.', 'Bylo odsouhlaseno pozvání indického misionáře …' (a
parish council), 'Bylo odsouhlaseno konání zájezdu.' (a fire brigade's committee),
'Přítomní hlasováním schválili znění jednacího řádu VH.', and all of them, unanimously: 'Všichni schválili navrženého zapisovatele …' (a municipal
council), 'Všichni zastupitelé následně složili slib a zvolili návrhovou komise …' (another)."""
_UNANIMOUS = re.compile(
    r"\b(?:jednomysln\w*|jednohlasn\w*|všemi\s+(?:hlasy|přítomnými)|unanimous\w*)\b", re.I
)
"""Unanimity as told: 'jednomyslně', by all votes ('bylo schváleno všemi hlasy', an
association's general meeting) or by all present ('Program byl schválen všemi přítomnými
členy …', a hunting association's annual meeting)."""


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (a stop after a word of four letters or more, or after
    an abbreviation in capitals ('… programu VH. Navrhovaný …'), then a capital: not 'Ing.
    Novák', 'p. č. 245')."""
    parts = re.split(
        rf"(?:(?<=\w{{4}}[.!?])|(?<=\b[{_CAPS}]{{2}}[.!?]))\s+(?=[{_CAPS}])", text.strip()
    )
    return [p.strip() for p in parts if p.strip()]


def passive_decision(sentence: str) -> dict[str, Any] | None:
    """One sentence that tells a result ('… byl schválen jednomyslně'): a resolution with its
    outcome (rejected for 'nebyl schválen') and unanimous when it says so; else None. A
    conditional or a proposal ('by byl schválen', 'navrhuje') is no result."""
    match = _PASSIVE.search(sentence)
    if match is None or re.search(r"\bby\s+(?:byl|bylo|byly|byli|byla)\b", sentence, re.I):
        return None
    decision: dict[str, Any] = {"decision": sentence}
    if _UNANIMOUS.search(sentence) or match["everyone"]:
        decision["unanimous"] = True
    decision["outcome"] = "rejected" if match["neg"] else "adopted"
    return decision


def first_told(text: str) -> tuple[str, dict[str, Any], str] | None:
    """A paragraph telling several results, one a sentence ('Později při online hlasování bylo
    jednohlasně schváleno vedení výboru ve složení: … Zároveň byly jednohlasně schváleny
    navrhované změny stanov.'): the sentences before the first, it, and the sentences after it
    (read again, the next result among them); None unless two sentences at least tell one."""
    parts = sentences(text)
    found = [(k, d) for k, part in enumerate(parts) if (d := passive_decision(part)) is not None]
    if len(found) < 2:  # noqa: PLR2004
        return None
    k, decision = found[0]
    return " ".join(parts[:k]), decision, " ".join(parts[k + 1 :])


def told_in_text(text: str) -> tuple[str, dict[str, Any], str] | None:
    """A paragraph with one sentence telling a result among others ('Ing. Smetana představil
    návrh programu VH. Navrhovaný program byl hlasováním schválen.'): the sentences before it,
    the resolution, the sentences after it; None when no sentence tells one, or several do."""
    parts = sentences(text)
    found = [(k, d) for k, part in enumerate(parts) if (d := passive_decision(part)) is not None]
    if len(found) != 1:
        return None
    k, decision = found[0]
    return " ".join(parts[:k]), decision, " ".join(parts[k + 1 :])
