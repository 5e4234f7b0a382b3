"""Roles designated inside the minutes' sentences, not in header labels.

Minutes often name the chair, the minute-taker and the verifiers in the opening paragraph or
in the first item: 'Zapisovatelem byl určen František Štross, ověřovatelem Viktor Novotný.',
'…, ověřovatelé zápisu: J. Tesař a J. Drozdek., Zapisovatelkou byla určena pí. Naďa
Petličková.', 'Jednání zahájil a řídil ing. Hnízdil, …'. The gender comes from the verb form
('byla určena', 'zahájila'), never from the role's noun; a plural or a bare label gives none.
A proposal ('navrhl určit ověřovatelem zápisu Hanu Bílou') designates nobody: only a verb of
designation or a label inside the sentence does. Pure.
"""

from __future__ import annotations

import re

from psc.edits.intake.accusative import approved_roles
from psc.edits.intake.openedfunction import opened_by

Designation = tuple[str, str, str | None]
"""(role: chair, minute_taker or verifiers; the name as written; gender or None)."""

_TITLES = frozenset(
    "bc ing arch mgr judr mudr mvdr phdr rndr paeddr doc prof dr pí p pan paní".split()
)

_ROLE_NOUN = {
    "zapisovatel": "minute_taker",
    "ověřovatel": "verifiers",
}

_VERB = (
    r"(?P<verb>byl[aiy]?\s+(?:určen|jmenován)[aiy]?|byl[aiy]?\s+zvolen[aiy]?|byl[aiy]?\s+schválen[aiy]?"
    r"|je|jsou)"
)
_DESIGNATED = re.compile(
    r"\b(?:(?P<noun>zapisovatel|ověřovatel)(?:em|kou|i|kami)|(?P<presiding>předsedajícím))"
    r"(?:\s+zápisu)?\s+" + _VERB + r"\s+",
    re.I,
)
_LABELLED = re.compile(  # a label inside a sentence, after a comma: not a header line
    r"[,;]\s*(?P<noun>zapisovatel|ověřovatel)(?:ka|é|ky)?(?:\s+zápisu)?\s*:\s*", re.I
)
_ELLIPTIC = re.compile(  # ', ověřovatelem Viktor Novotný': the same verb, left out
    r"\s*,\s*(?:a\s+)?(?P<noun>zapisovatel|ověřovatel)(?:em|kou|i|kami)(?:\s+zápisu)?\s+", re.I
)
_OPENED = re.compile(  # who opened the meeting (not an item) or led it chairs it
    r"(?:\b(?:schůzi|jednání|zasedání)(?:\s+\w+){0,3}?\s+zahájil(?P<f1>a)?"
    r"|\bzahájil(?P<f4>a)?(?=\s+a\s+řídil))"
    r"(?:\s+a\s+řídil(?P<f2>a)?)?(?:\s*:)?\s+|\b(?:řídil|předsedal)(?P<f3>a)?(?:\s*:)?\s+",
    re.I,
)


def _name_word(word: str) -> bool:
    if word.lower().rstrip(".") in _TITLES:
        return True
    if re.fullmatch(r"\w\.", word) and word[0].isupper():
        return True
    if re.fullmatch(r"[\w'-]+", word) and word[0].isupper():  # not 'řídí': [Á-Ž] has 'ř'
        return True
    return bool(re.fullmatch(r"\w+(?:\.\w+)+", word))  # 'p.b.kysílko'


def _is_title_or_initial(word: str) -> bool:
    initial = bool(re.fullmatch(r"\w\.", word)) and word[0].isupper()
    return word.lower().rstrip(".") in _TITLES or initial


def _names(text: str, many: bool) -> tuple[list[str], int]:
    """The names at the start of `text` ('J. Tesař a J. Drozdek.'), and where they end."""
    names: list[str] = []
    current: list[str] = []
    end = 0
    for match in re.finditer(r"\S+", text):
        token = match.group()
        word = token.rstrip(",;:")
        stop = word.endswith(".") and not _is_title_or_initial(word)
        core = word.rstrip(".") if stop else word
        if many and current and core.lower() in ("a", "and"):
            names.append(" ".join(current))
            current = []
            continue
        if not _name_word(core):
            break
        current.append(core)
        end = match.start() + len(core)
        if stop or (token != word and not (many and token.endswith(","))):
            break
        if token.endswith(","):
            names.append(" ".join(current))
            current = []
    if current:
        names.append(" ".join(current))
    real = [n for n in names if not all(_is_title_or_initial(w) for w in n.split())]
    return real, end


def _gender(verb: str) -> str | None:
    first = verb.lower().split()[0]
    if first == "byla":
        return "female"
    if first == "byl":
        return "male"
    return None


_OPENED_BY = re.compile(  # '… bylo zahájeno v 18.00 hodin starostou obce Romanem Hejdukem'
    r"\b(?:zahájen[oa]?|řízen[oa]?|veden[oa]?)\b.{0,80}?\b"
    r"(?P<function>(?:místo)?starost(?:ou|kou)|předsed(?:ou|kyní)|předsedajícím|"
    r"místopředsed(?:ou|kyní)|ředitel(?:em|kou)|děkan(?:em|kou)|primátor(?:em|kou))\b"
    r"(?-i:(?:\s+(?!pan)[a-záčďéěíňóřšťúůýž]\w*){0,2})\s+(?:(?:panem|paní|p\.|pí\.?)\s+)?",
    re.I | re.S,
)
_LED_BY = re.compile(  # 'VV SH ČMS schvaluje řízení jednání Monikou Němečkovou.'
    r"\břízení\s+(?:jednání|schůze|zasedání)\s+(?=\w+(?:em|ou|ým|ím)\b)", re.I
)


def nominative(word: str, *, last: bool) -> str:
    """A word of a name in the instrumental case, in the nominative: 'Romanem' → 'Roman',
    'Hejdukem' → 'Hejduk', 'Vlčkem' → 'Vlček', 'Jiřím' → 'Jiří', 'Novým' → 'Nový',
    'Hanou' → 'Hana', 'Bílou' (a surname, the last word) → 'Bílá', 'Novákovou' → 'Nováková'.
    Titles and other words stay."""
    if word.endswith("em") and len(word) > 4:
        stem = word[:-2]
        if re.search(r"[^aeiouyáéíóúůýě][kl]$", stem, re.I) and not stem.endswith("ck"):
            stem = stem[:-1] + "e" + stem[-1]  # 'Vlčk' → 'Vlček', 'Pavl' → 'Pavel'
        return stem
    if word.endswith(("ým", "ím")) and len(word) > 3:
        return word[:-1]
    if word.endswith("ovou"):
        return word[:-4] + "ová"
    if word.endswith("ou") and len(word) > 3:
        return word[:-2] + ("á" if last else "a")
    return word


def _instrumental_gender(words: list[str]) -> str | None:
    last = words[-1] if words else ""
    if last.endswith(("em", "ým", "ím")):
        return "male"
    if last.endswith("ou"):
        return "female"
    return None


def chaired_by(text: str) -> list[Designation]:
    """The chair named in the instrumental: by function and name after 'zahájeno' or
    'řízeno' ('Mimořádné zasedání … bylo zahájeno v 18.00 hodin starostou obce Romanem
    Hejdukem.', '… bylo zahájeno v 17:07 hod. dosavadním starostou města panem Ing. Milanem
    Vlčkem'), or by name after 'řízení jednání' ('… schvaluje řízení jednání Monikou
    Němečkovou.')."""
    found: list[Designation] = []
    for match in (_OPENED_BY.search(text), _LED_BY.search(text)):
        if match is None:
            continue
        words: list[str] = []
        for word in text[match.end() :].split():
            if _is_title_or_initial(word.rstrip(",;:)")):
                words.append(word.rstrip(",;:)"))
                continue
            core = word.rstrip(",.;:)")
            if not _name_word(core):
                break
            words.append(core)
            if core != word:  # the sentence or the clause ends after it
                break
        real = [w for w in words if not _is_title_or_initial(w)]
        if real:
            shown = [
                w if _is_title_or_initial(w) else nominative(w, last=w is real[-1]) for w in words
            ]
            found.append(("chair", " ".join(shown), _instrumental_gender(real)))
            break
    return found


_ENTRUSTED = re.compile(
    r"\b(?:(?P<led>řízením|vedením)(?:\s+[\w.]+){0,3}?"
    r"|funkc[íie]\s+(?P<noun>zapisovatel|ověřovatel|předsedajícího)\w*(?:\s+zápisu)?)"
    r"\s+(?P<verb>byl[aiy]?\s+(?:pověřen|určen|zvolen|jmenován)[aiy]?)\s+",
    re.I,
)
"""'Řízením VH byl pověřen Ing. Václav Smetana.', 'Funkcí zapisovatele byl pověřen Ing. Jan
Chmelík.': a role entrusted to someone, the name after the verb."""
_PRESIDING = re.compile(
    r"\b[pP]ředsedající(?:m|ho)?\s+(?:schůze|jednání|zasedání|valné\s+hromady|shromáždění)"
    r"(?:\s+a\s+[a-záčďéěíňóřšťúůýž]+(?:\s+[a-záčďéěíňóřšťúůýž]+)?)?"
    r"\s+(?:(?:pan|paní|p\.|pí\.?)\s+)?(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ])",
)
"""'… se ujal předsedající schůze a starosta sboru Roman Sáblík.', 'Předsedající valné
hromady pan Pavel Sedlák, …': the one presiding, named after the noun (and a function)."""


def entrusted(text: str) -> list[tuple[int, Designation]]:
    """The roles `_ENTRUSTED` and `_PRESIDING` name, with where each starts."""
    found: list[tuple[int, Designation]] = []
    for match in _ENTRUSTED.finditer(text):
        noun = (match["noun"] or "předsedající").lower()
        role = "chair" if match["led"] or noun.startswith("předsed") else _ROLE_NOUN[noun]
        names, _ = _names(text[match.end() :], many=role == "verifiers")
        found += [(match.start(), (role, name, _gender(match["verb"]))) for name in names]
    for match in _PRESIDING.finditer(text):
        names, _ = _names(text[match.end() :], many=False)
        found += [(match.start(), ("chair", name, None)) for name in names[:1]]
    return found


def designated(text: str) -> list[Designation]:
    """The roles a sentence designates, in the order written."""
    found: list[tuple[int, Designation]] = []
    for match in _DESIGNATED.finditer(text):
        gender = _gender(match["verb"])
        role = "chair" if match["presiding"] else _ROLE_NOUN[match["noun"].lower()]
        names, end = _names(text[match.end() :], many=role == "verifiers")
        found += [(match.start(), (role, name, gender)) for name in names]
        rest = match.end() + end
        while names and (more := _ELLIPTIC.match(text, rest)):
            role = _ROLE_NOUN[more["noun"].lower()]
            names, end = _names(text[more.end() :], many=role == "verifiers")
            found += [(more.start(), (role, name, gender)) for name in names]
            rest = more.end() + end
    for match in _LABELLED.finditer(text):
        role = _ROLE_NOUN[match["noun"].lower()]
        names, _ = _names(text[match.end() :], many=role == "verifiers")
        found += [(match.start(), (role, name, None)) for name in names]
    for match in _OPENED.finditer(text):
        words = text[match.end() :].split()
        skipped = 0
        while skipped < min(3, len(words)) and not _name_word(words[skipped].rstrip(",.")):
            skipped += 1
        offset = match.end() + sum(len(w) + 1 for w in words[:skipped])
        names, _ = _names(text[offset:].lstrip(), many=False)
        names = [n for n in names if re.search(r"[a-záčďéěíňóřšťúůýž]{2}", n)]  # not 'ZŠ'
        female = match["f1"] or match["f2"] or match["f3"] or match["f4"]
        found += [(match.start(), ("chair", n, "female" if female else "male")) for n in names]
        break
    found += entrusted(text)
    found += [(len(text), d) for d in approved_roles(text)]  # 'schválili … zapisovatele (…)'
    if not any(role == "chair" for _, (role, _n, _g) in found):
        found += [(len(text), d) for d in chaired_by(text) or opened_by(text)]
    return [d for _, d in sorted(found, key=lambda f: f[0])]


def is_name(text: str) -> bool:
    """'Tereza Vosyková', 'pí. Naďa Petličková': one person's name and nothing else."""
    words = text.split()
    return 1 <= len(words) <= 6 and all(_name_word(w) for w in words)


_ACT = r"(?:určení|schválení|volba|zvolení|jmenování|ustanovení|návrh|odsouhlasení)"
_ACT_LABEL = re.compile(
    rf"^{_ACT}(?:\s+a\s+{_ACT})?\s+(?P<noun>zapisovatel(?:e|ky)|ověřovatel(?:e|ů|ky|ek)|"
    r"předsedajícího|předsedající)(?:\s+(?:zápisu|jednání|schůze|zasedání))*$",
    re.I,
)
_ACT_KIND = {"zapisovatel": "minute_taker", "ověřovatel": "verifiers", "předsedající": "chair"}


def act_label(label: str) -> str | None:
    """The role a label names by the act of designating it, the role's noun in the
    genitive: 'Určení a schválení zapisovatele jednání' (minute_taker), 'Volba ověřovatelů
    zápisu' (verifiers), 'Schválení předsedajícího' (chair); else None."""
    match = _ACT_LABEL.match(" ".join(label.split()).rstrip(":").strip())
    if match is None:
        return None
    noun = match["noun"].casefold()
    return next(kind for stem, kind in _ACT_KIND.items() if noun.startswith(stem))


_AND_NAME = re.compile(
    r"^(?P<a>(?:[\w.]+\s+)*?[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]+)\s+(?:a|and)\s+"
    r"(?P<b>[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w.]*(?:\s+[\w.-]+)+)$"
)


def split_and(names: list[str]) -> list[str]:
    """'Jaroslav Vrba a Aleš Janda' → two names: a list of people joined by 'a' / 'and' (each
    side capitalised words); anything else as it is."""
    people: list[str] = []
    for name in names:
        match = _AND_NAME.match(name.strip())
        people += [match["a"], match["b"]] if match else [name]
    return people


_PROPOSED = re.compile(
    r"^[-–•*]?\s*(?:návrh|volba)\s+(?:na\s+)?(?P<noun>předsedající(?:ho)?|zapisovatel(?:e|ku|ky)?|"
    r"ověřovatel(?:e|ů|ky|ku)?)(?:\s+zápisu)?\s*[-–:]\s*(?P<names>\S.*?)\s*$",
    re.I,
)
_ADOPTED = re.compile(r"^(?:návrh|usnesení)\s+(?:byl[oa]?\s+)?(?:přijat|schválen)[oa]?\b", re.I)
_NEXT_PROPOSAL = re.compile(r"^[-–•*]?\s*(?:návrh|volba)\s+na\b", re.I)


def proposed(text: str) -> list[Designation]:
    """'- Návrh na předsedajícího - Mgr. Jiří Hruška', 'Návrh na zapisovatele - Ing. Kateřina
    Kunešová': the person proposed for a role (who holds it only if the vote adopts it:
    `elected`)."""
    match = _PROPOSED.match(" ".join(text.split()))
    if match is None:
        return []
    noun = match["noun"].lower()
    role = (
        "chair"
        if noun.startswith("předsed")
        else next(kind for stem, kind in _ROLE_NOUN.items() if noun.startswith(stem))
    )
    names, end = _names(match["names"], many=role == "verifiers")
    if not names or match["names"][end:].strip(" ."):
        return []  # not a name alone ('Návrh na zapisovatele podal …')
    return [(role, name, None) for name in names]


def elected(texts: list[str]) -> list[tuple[int, Designation]]:
    """The roles proposed in `texts` (the minutes' paragraphs in order) whose proposal the
    minutes then record as adopted ('Návrh přijat.') before the next proposal, each with the
    index of its paragraph."""
    found: list[tuple[int, Designation]] = []
    for k, text in enumerate(texts):
        roles = proposed(text)
        if not roles:
            continue
        for later in texts[k + 1 : k + 30]:
            if _NEXT_PROPOSAL.match(later.strip()):
                break
            if _ADOPTED.match(later.strip()):
                found += [(k, role) for role in roles]
                break
    return found
