"""What the blocks of existing minutes are: the recogniser of `psc import`.

`recognise(blocks, group)` walks the blocks of a source document once, in order, and builds
the mapping of a meeting file: the header (a table or 'label: value' lines), the programme,
the agenda items with their paragraphs, headings, lists, statements and resolutions, free
sections, the next meetings, the task section and the footer (who recorded and approved the
minutes). Each decision is written down as a `Note` pointing into the source, so the person
importing can check it. Nothing is dropped: a block that is not recognised stays a paragraph
where it was. Pure: no files, no clock; the caller validates and writes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from psc.edits.intake import (
    actionlist,
    actionmark,
    afterrole,
    agreed,
    announced,
    approvalstate,
    barenumber,
    bodies,
    bodyacts,
    bulletedlabels,
    bulletedpeople,
    bulletheads,
    chairline,
    charged,
    closingvote,
    commissions,
    continued,
    counted,
    counterproposal,
    english,
    excused,
    functionlines,
    german,
    gluednumber,
    groups,
    keptrows,
    labelalone,
    labelleditems,
    motions,
    namedvote,
    namerows,
    narrative,
    needed,
    nestedpoints,
    opening,
    ownlabels,
    peoplelist,
    personrole,
    points,
    programme,
    repeatedtitles,
    resolved,
    restated,
    roles,
    runframe,
    runpoints,
    runprogramme,
    runtogether,
    sameline,
    sectionlabels,
    segment,
    shownhere,
    shownroles,
    spaced,
    strays,
    subpoints,
    tables,
    tasks,
    told,
    toldpresent,
    votelist,
    wrapped,
    written,
)
from psc.edits.intake.blocks import Block
from psc.edits.intake.phrases import Phrases, pattern
from psc.language import dates
from psc.language.wording import Wording
from psc.loading.model import Group


@dataclass
class Note:
    """One line of the import report: where in the source, and what it became."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class Draft:
    """A meeting file's data as recognised, with the report and the bodies to register."""

    meeting: dict[str, Any]
    notes: list[Note]
    organisations: dict[str, str] = field(default_factory=dict)
    """Bodies not in group.yaml that the import registers (--add-organisations)."""
    kept_as_text: int = 0
    """How many blocks stayed plain paragraphs."""
    marked_draft: bool = False
    """The minutes call themselves a draft ('Draft Minutes', 'Návrh zápisu')."""


# ------------------------------------------------------------------------------ words


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(text.replace("\u00a0", " ").split())


_HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("název", "název jednání", "title", "meeting", "subject", "předmět", "věc"),
    "date": (
        "datum",
        "datum konání",
        "datum jednání",
        "datum zasedání",
        "date",
        "konání",
        "termín",
        "termín konání",
        "termín jednání",
        "dne",
        "kdy",
        "when",
        "date and time",
        "datum a čas",
        "datum a místo konání",
    ),
    "time": ("čas", "čas konání", "začátek", "time", "hodina"),
    "place": (
        "místo",
        "místo konání",
        "místo jednání",
        "místo zasedání",
        "place",
        "venue",
        "location",
        "kde",
        "where",
    ),
    "present": (
        "přítomni",
        "přítomní",
        "přítomno",
        "přítomen",
        "přítomna",
        "přítomny",
        "přítomní členové",
        "přítomni členové",
        "present",
        "members present",
        "people present",  # '## People Present' (Markdown minutes)
    ),
    "attendees": ("účastníci", "účast", "účastníci jednání", "attendees", "attendance"),
    "excused": (
        "omluveni",
        "omluven",
        "omluvena",
        "omluvení",
        "omluveny",
        "omluvené",
        "omluvené obce",  # a union's members are municipalities: 'Omluvené obce: Dešná, …'
        "omluvili se",
        "apologies",
        "excused",
        "apologies for absence",
        "apologies received",
    ),
    "absent": (
        "nepřítomni",
        "nepřítomen",
        "nepřítomna",
        "nepřítomní",
        "neomluveni",
        "neomluven",
        "neomluvena",
        "absent",
    ),
    "guests": (
        "hosté",
        "host",
        "hosty",
        "přizváni",
        "přizvaní",
        "přizvaný",
        "guests",
        "in attendance",
        "also present",
        "also attending",
        "guest",
    ),
    "chair": ("předsedající", "řídil", "řídila", "chair", "chaired by", "chairman", "chairperson"),
    "minute_taker": (
        "zapisovatel",
        "zapisovatelka",
        "zapisovatel(ka)",
        "minute taker",
        "minute-taker",
        "minutes taken by",
        "secretary",
    ),
    "verifiers": (
        "ověřovatel",
        "ověřovatelé",
        "ověřovatelka",
        "ověřovatel zápisu",
        "ověřovatelé zápisu",
        "ověřovatelka zápisu",
        "verifiers",
        "verifiers of the minutes",
    ),
    "attachments": (
        "přílohy",
        "přílohy zápisu",
        "příloha",
        "příloha zápisu",
        "attachments",
        "annexes",
        "enclosures",
    ),
    "pages": ("stran", "počet stran", "pages", "stran originálu", "pages of the original"),
    "programme": programme.HEADER_LABELS,
    "category": (
        "náhradníci",
        "substitutes",
        "zástupci",
        "veřejnost",
        "občané",
        "zúčastnění",  # 'zúčastněni: p. Hrabák, …' (those who took part), under its own label
        "zúčastněni",
    ),
}
"""Labels of the header and attendance lines, in Czech and English ('Přítomni: …')."""

_LABEL_LINE = re.compile(r"^\**\s*([^:*\n]{1,40}?)\s*\**\s*:\s*\**\s*(.*)$", re.S)
_ITEM = re.compile(
    r"^(?P<label>(?:bod(?:\s+(?:programu|č\.))?|ad|k\s+bodu|item|agenda\s+item)\s*"
    r"(?P<number>\d+)\s*(?:\)|\.|:|/(?!\d))?(?:\s*programu)?)\s*[–—:.)-]?\s*(?P<title>.*)$",
    re.I | re.S,
)
_NUMBERED = re.compile(r"^(?P<number>\d{1,2})\s*(?:[.)]|/(?=\s))\s*(?P<title>\S.*)$", re.S)
"""'1. Title', '1) Title', '1/ Title' (a slash after the number, then a space)."""
_STRUCTURAL = re.compile(
    r"^(?:[A-C]\s+)?(?:průběh jednání|průběh zasedání|průběh schůze|proceedings|"
    r"projednávané body|jednání)$",
    re.I,
)
_TASK_HEADING = re.compile(
    r"^(?:[A-C]\s+)?(?:úkoly|přehled úkolů|nové úkoly|uložené úkoly|tasks|action items|"
    r"action points|actions)\s*:?$",
    re.I,
)
_MOTION_NEXT = re.compile(r"^(?:motion|moved|(?:on|upon)\s+(?:a\s+)?motion)\b", re.I)
"""'ACTION ITEMS' over 'Motion by … to approve …': the points the board acts on, not tasks."""
_NEXT_HEADING = re.compile(
    r"^(?:termíny?\s+(?:dalš\w*|příšt\w*)\s+(?:jednání|zasedání|schůz\w*)|"
    r"(?:další|příští)\s+(?:jednání|zasedání|schůze)|next\s+meetings?|dates?\s+of\s+next\s+"
    r"meetings?)\b",
    re.I,
)
_DECISION = re.compile(
    r"^(?P<label>(?:návrh\s+)?(?:usnesení|resolution|decision)"
    r"(?:\s*(?:č\.|čís\.|číslo|no\.|number))?\s*(?P<number>[\w]+(?:[/.-][\w]+)*)?)"
    r"\s*:?\s*(?P<text>.*)$",
    re.I | re.S,
)
_VOTE = re.compile(
    r"^(?:\*\*)?(?:hlasování|výsledek hlasování|vote|voting)(?:\*\*)?\s*:?\s*(?P<words>.*)$",
    re.I | re.S,
)
_VOTE_PART = re.compile(
    r"(?P<word>pro|proti|zdržel[oaiy]?\s+se|zdrželi\s+se|zdržení|zdrž\.|nehlasoval[oaiy]?|"
    r"for|against|abstentions?|abstained|abstain)\s*:?\s*\(?(?P<count>\d{1,3}(?:\.\d{3})+(?!\d)|\d+)"
    r"|(?P<count2>\d+)\s*(?:hlas(?:ů|y|u)?\s+)?(?P<word2>pro|proti|zdržel[oaiy]?\s+se|se\s+zdržel[oaiy]?|for|against)\b"
    r"|\bpočtem\s+(?P<count3>\d+)\s+hlas(?:ů|y)?\b(?!\s+(?:pro|proti|zdrž))",
    re.I,
)
"""'pro: 14', '5 pro', '0 hlasů proti, 0 hlasů zdržel se a 62 hlasů pro', and the count the
resolution passed by: 'počtem 62 hlasů, 0 proti, 0 zdržel se' (those for it)."""
_COUNTED_VOTE = re.compile(
    r"^[^:\d]{1,30}:\s*\d+\s+pro\s*,\s*\d+\s+proti\s*,\s*\d+\s+(?:se\s+zdržel\w*|zdržel\w*\s+se)$",
    re.I,
)
"""A vote's counts after the words saying whose they are: 'Z aktivních členů: 26 pro, 0 proti,
25 se zdrželo' (of the active members, after an online vote)."""
_RESULT_WORDS = (
    (
        "rejected",
        re.compile(
            r"\b(?:neschvál\w*|nepřijat\w*|zamítnut\w*|nebyl[oaiy]?\s+(?:\w+\s+)?"
            r"(?:schválen|přijat)\w*|rejected|not\s+(?:carried|agreed|approved|adopted)|"
            r"defeated|fell)\b",
            re.I,
        ),
    ),
    (
        "adopted",
        re.compile(r"\b(?:schválen[oaiy]?|přijat[oaiy]?|carried|approved|agreed|adopted)\b", re.I),
    ),
)
"""The result as the vote line words it ('Hlasování: jednomyslně schváleno (proti: 0/ zdržel
se: 0/pro: 23)', 'Schváleno :  3 pro'): the stated outcome, before anything inferred."""
_STATED_DECISIONS = (
    (
        "noted",
        re.compile(
            r"\b(?:bere|brala?|vzal[oaiy]?|vzali)\s+na\s+vědomí\b|\btook\s+note\b",
            re.I,
        ),
    ),
    (
        "adopted",
        re.compile(
            r"\b(?:schválil[oaiy]?|zvolil[oaiy]?|rozhodl[oaiy]?|jmenoval[oaiy]?|"
            r"uložil[oaiy]?|byl[oaiy]?\s+(?:schválen|zvolen|přijat)\w*|"
            r"it\s+was\s+resolved|resolved\s+that)\b",
            re.I,
        ),
    ),
)
"""The outcome a resolution's own words state: noting ('Zastupitelstvo obce bere na vědomí
rozpočtové opatření', 'vzalo na vědomí zprávu'), or a decision told as done ('Zastupitelstvo
obce zvolilo …', 'Předsedou … byl zvolen …'). A verb in the present ('schvaluje') is the
proposal's wording and states no result."""


_DECIDED_SENTENCE = re.compile(
    r"^(?:(?P<label>\d+(?:\.\d+)+\.?)\s+)?(?P<text>"
    r"(?:it\s+was\s+(?:(?:also|further|unanimously|duly|formally)\s+){0,2}(?:agreed|resolved)\b"
    r"|resolved\s*[:–-]|resolved\s+that\b"
    r"|the\s+minutes\s+of\b.*\b(?:was|were)\s+(?:(?:formally|duly|unanimously)\s+)?"
    r"(?:approved|adopted|agreed|confirmed)\b"
    r").*)$",
    re.I | re.S,
)
"""A decision the minutes tell in a sentence, perhaps after a minute number: '2.2.1 It was
agreed that …', 'It was also agreed that …', 'It was RESOLVED …', 'Resolved: …', '2.1 The minutes of the meeting held on
Wednesday 12, December 2007 were formally approved.'"""


_RESTATED_NUMBER = re.compile(
    r"\s*\((?:bod|item)\s+(?:číslo|č\.|no\.|number)\s*(?P<number>\d+)\)$", re.I
)
"""The item's number said again after its title ('1. Volba pracovních komisí (bod číslo
1)', minutes exported by a records system)."""
_SAID_BY = re.compile(
    r"^(?:k\s+tomuto\s+bodu\s+se\s+vyjádři\w*|diskutující|v\s+diskusi\s+vystoupil\w*)\s*:", re.I
)
"""Who spoke to the point ('K tomuto bodu se vyjádřili: Milan Paluska'): never what a vote
after it decided."""
_LETTERED = re.compile(r"^[a-z]\)$")
"""The marker of a lettered point ('a)', 'b)'): the parts of an item, each perhaps a
resolution told as done ('b) OZ vzalo na vědomí zprávu auditorky – bez závad')."""
_DECISION_LIST = re.compile(r"^(?:závěry\s+a\s+usnesení|usnesení|resolutions|decisions)\s*:$", re.I)
"""The label of a numbered list of resolutions: 'Závěry a usnesení:' (each point below it a
resolution)."""


def stated_result(said: str) -> str | None:
    """The outcome a vote line states in words ('jednomyslně schváleno'), or None."""
    for outcome, words in _RESULT_WORDS:
        if words.search(said):
            return outcome
    return None


def stated_decision(text: str) -> str | None:
    """The outcome a resolution's own text states ('bere na vědomí' → noted), or None."""
    for outcome, words in _STATED_DECISIONS:
        if words.search(text):
            return outcome
    return None


_VOTE_TRIPLE = re.compile(
    r"(?P<a>\d+)\s*:\s*(?P<b>\d+)\s*:\s*(?P<c>\d+)\s*\(\s*(?P<legend>[^()]*?:[^()]*?:[^()]*?)\s*\)"
)
"""Counts with their legend: '25 : 0 : 0 (pro : proti : zdrželo se) schváleno'."""
_RESULT_SENTENCE = re.compile(
    r"^(?:usnesení|návrh(?:\s+usnesení)?)\s+(?:byl[oa]?\s+)?(?:jednomyslně\s+)?"
    r"(?:schválen|přijat)[oa]?\s*\.?$",
    re.I,
)
"""The result told after the vote: 'Usnesení bylo (jednomyslně) schváleno.', 'Návrh přijat.'"""
_VOTE_KEYS = {
    "pro": "for",
    "for": "for",
    "proti": "against",
    "against": "against",
}
_FOOTER = re.compile(
    r"(?P<verb>zapsala|zapsal|vypracovala|vypracoval|sepsala|sepsal|zapisovatelka|zapisovatel|"
    r"schválila|schválil|ověřili|ověřila|ověřil|zkontrolovali|zkontrolovala|zkontroloval|"
    r"ověřovatelé|ověřovatelka|ověřovatel)\s*:\s*"
    r"|(?P<verb_en>recorded by|minutes taken by|minutes by|approved by|verified by|verifiers)"
    r"\s*:?\s*",
    re.I,
)
_CLOSING = re.compile(
    r"^(?:(?:there\s+being|as\s+there\s+was)\s+no\s+(?:further|other)\s+business,?\s+)?"
    r"(?:(?:the\s+)?(?:meeting|jednání|zasedání|schůze|porada)\s+(?:bylo\s+|byla\s+|byl\s+|"
    r"was\s+)?(?:skončil[oa]?|ukončen[oa]?|closed|ended|finished|concluded)\b"
    r"|konec\s+(?:jednání|zasedání|schůze)\b"
    r"|(?:\S+\s+){1,4}(?:ukončil[a]?\s+(?:jednání|zasedání|schůzi)|closed\s+the\s+meeting)\b)",
    re.I,
)
"""The close of the meeting told with its time ('Jednání skončilo v 18:45.', 'Starosta
ukončil zasedání v 20:15 hod.', 'The Chairman closed the meeting at 9.30pm', 'There being no
further business the meeting closed at 7.35pm.')."""
_CONTACT = re.compile(
    r"\s*\((?P<words>[^()\[\]]*?)\s*\[?(?P<mail>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\]?"
    r"(?:\(mailto:[^)]*\))?\s*\)"
)
_DEADLINE = re.compile(r"\s*[–—-]?\s*\b(?:T|Termín|Deadline|Due)\s*:\s*", re.I)
_TIME_WORDS = re.compile(
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]m|[ap]\.\s?m\.)(?!\w)"
    r"|\d{1,2}[:.]\d{2}(?:\s*(?:hodin|hod\.?|h\b|uhr\b))?",
    re.I,
)
"""A time as written after a date ('13:00 hod.', '18.00 hodin', '6.30pm', '7pm', '19:30 Uhr'):
where the place after it begins."""
_ATTENDANCE = {"present", "excused", "absent", "guests", "attendees", "category"}
_JOINERS = frozenset("v ve od do at from to a and on hod hodin h uhr the dne až".split())
"""Words that join a date and its times ('dne 16. června 2026 od 18.00 hodin')."""


def _unread(value: str, found: dates.Period | None, last: int) -> list[str]:
    """Words of a date line (before the place or kept words from `last`) that are neither
    its date, its times nor a word joining them ('čas' of '2. 4. 2025, čas: 17:30')."""
    text = list(value)
    spans = [m.span() for m in _TIME_WORDS.finditer(value)]
    if found is not None:
        spans.append((found.start, found.end))
    for start, end in spans:
        text[start:end] = " " * (end - start)
    words = re.findall(r"\w+", "".join(text)[: last or None])
    return [w for w in words if w.casefold() not in _JOINERS]


_NEXT_MEETING_LABEL = re.compile(
    r"(?:termín[y]?\s+(?:dalšího|dalších|příštího|příštích)\s+(?:jednání|zasedání|schůz[ei])"
    r"|(?:date\s+of\s+(?:the\s+)?)?next\s+meeting)\b[^:\n]{0,40}:",
    re.I,
)
"""A line labelled as the next meeting's date, wherever it stands."""

_CHAIR_MARK = re.compile(
    r"(?P<name>[^()]+?)\s*(?:\((?:chair|chairman|chairperson|chairwoman|předsedající)\)|"
    r"\s[-–]\s*(?:chair|chairman|chairperson|chairwoman))\.?",
    re.I,
)
"""A person of the attendance marked as the meeting's chair."""

_SINGLE = {"title", "place", "chair", "minute_taker", "verifiers", "pages", "time"}
"""Header fields given once: a second line with their label stays text."""
_EMPTY = {"", "-", "–", "—", "0", "(0)", "nikdo", "none", "nobody", "žádní", "nikdo nebyl"}
_SEE_LIST = re.compile(
    r"^(?:viz|see|dle|podle)\b|^an?\s+list\s+of\s+(?:\w+\s+){0,2}(?:attending|present)\s+"
    r"(?:is|was)\s+(?:available|attached|kept|held)\b",
    re.I,
)
"""'viz prezenční listina', 'dle prezenční listiny', 'A list of Members attending is
available, on request, from the Secretary': the attendance is the sheet's."""
_ACADEMIC_AFTER = re.compile(
    r"^(?:Ph\.?\s?D\.?|Th\.?\s?D\.?|CSc\.|DrSc\.|DSc\.|MBA|LL\.?M\.?|MPA|DiS\.|ArtD\.|"
    r"PhD\.?|M\.?Sc\.?|B\.?Sc\.?|DBA)$"
)
_PAGE_MARK = re.compile(
    r"^(?:(?:minutes|zápis)\s+[\w/.-]+\s+)?(?:page|strana|str\.)\s*\d+"
    r"(?:\s*(?:of|z|ze|/)\s*\d+)?$",
    re.I,
)
"""A page header or footer of a PDF's text: 'Minutes 19/20 Page 29', 'Page 2 of 13',
'Strana 2 z 13'. Not content: left out wherever it stands."""
_STATUS_LINE = re.compile(
    r"^(?:(?:draft|adopted|approved|unapproved|confirmed)\s+minutes|návrh(?:\s+zápisu)?|"
    r"schválený\s+zápis)\.?$",
    re.I,
)
"""A line above the title on the state of the minutes: 'Draft Minutes', 'Adopted Minutes',
'Návrh', 'Schválený zápis'."""
_APPROVED_STATUS = re.compile(r"^(?:adopted|approved|confirmed|schválený)\b", re.I)
"""…of those, the lines that say the body approved them."""
_LETTERHEAD = re.compile(
    r"^(?:obec|město|městys|statutární\s+město|městská\s+část|kraj|společenství\s+vlastníků|"
    r"spolek|sdružení|association|parish\s+council|town\s+council|city\s+of)\s+\w",
    re.I,
)
"""The body's name above the title: 'Obec …', 'SPOLEČENSTVÍ VLASTNÍKŮ JEDNOTEK …'."""


_MINUTES_WORDS = re.compile(
    r"\b(?:zápis\w*|usnesení|protokol|jednání|zasedání|schůz\w*|minutes|meeting|agenda|"
    r"proceedings)\b",
    re.I,
)
"""Words of a title of minutes, which a letterhead does not have."""


def _is_letterhead(text: str) -> bool:
    """A short line naming the body ('Obec …', a name in capitals), no sentence, no date."""
    words = text.split()
    if not 1 <= len(words) <= 10 or re.search(r"[\d:;!?]", text) or text.endswith("."):
        return False
    if _MINUTES_WORDS.search(text):
        return False  # 'STEERING GROUP MEETING MINUTES', 'ZÁPIS Z JEDNÁNÍ …': a title
    letters = [ch for ch in text if ch.isalpha()]
    capitals = len(words) >= 2 and all(ch.isupper() for ch in letters)
    return capitals or bool(_LETTERHEAD.match(text))


_LEAD_WORDS = re.compile(
    r"^(?:zástupce|zástupkyně|zástupci|z hlediska|pro|za|podle|dle|from|for)\s+\*\*", re.I
)


def _strip_marks(text: str) -> str:
    """Text without an outer bold or italic wrapping ('*Zapsala: …*')."""
    text = text.strip()
    for mark in ("***", "**", "*", "__", "_"):
        if text.startswith(mark) and text.endswith(mark) and len(text) > 2 * len(mark):
            inner = text[len(mark) : -len(mark)]
            if mark not in inner:
                return inner.strip()
    return text


def _plain(text: str) -> str:
    """Markdown marks left out, for matching words (never for what is kept)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_]{1,3}", "", text).strip()


_VOTE_WORDS = re.compile(
    r"\b(?:pro|proti|jednomysl\w*|zdržel\w*|for|against|unanim\w*|abstain\w*)\b|\d+\s*:\s*\d+",
    re.I,
)


def _more_than_a_sentence(text: str) -> bool:
    """'Zprávu přednesl X. Kontrolu přednesl Y.': a sentence ends inside (not 'p. č. 245/3',
    not 'Ing. Novák': the word before the stop is longer than an abbreviation)."""
    for match in re.finditer(r"(\w+)[.!?]\s+(\w)", text):
        if len(match.group(1)) > 3 and match.group(2).isupper():
            return True
    return False


_CLOSING_NOTE = re.compile(r"^(?P<title>[^()]*\w[^()]*?)\s+\([^()]+\)$")


def _without_note(title: str) -> str:
    """A title without the note in brackets that closes it ('Elections to the Advisory
    Board (neither the Chair, nor the Vice-Chair posts were contested elections; …)',
    'Monetary discussion (signatories)'): the note belongs to the title however long it is."""
    match = _CLOSING_NOTE.match(title)
    return match["title"] if match and len(match["title"].split()) >= 2 else title


_DEFINES = re.compile(r"\((?:dále\s+(?:jen|také)|hereinafter|the\s+[\"“])\b", re.I)
"""'(dále jen VH)', '(hereinafter …)': a term defined, as running text does and no title."""


def _titled_dash(text: str) -> tuple[str, str] | None:
    """'Grounds maintenance contract – It was noted that …': a short title (twelve words at
    most, no stop) before a dash, and the item's text after it."""
    match = re.match(r"^(?P<title>[^–.!?]{3,90}?)\s+[–—]\s+(?P<rest>\S.*)$", text, re.S)
    if match is None or len(match["title"].split()) > 12:
        return None
    if _DEFINES.search(match["title"]):  # '(dále jen VH)': a term defined in running text
        return None
    return match["title"].strip(), match["rest"].strip()


def _verifying(verb: str) -> bool:
    return verb.startswith(("ověřovatel", "ověřil", "zkontrol", "verif"))


def _verb(match: re.Match[str]) -> str:
    """The footer's verb ('zapsala', 'approved by'), lower case."""
    return (match["verb"] or match["verb_en"]).casefold()


def _only_dates(text: str, found: list[tuple[dt.date, int, int]]) -> bool:
    """'Termín dalšího jednání: 15. 11. 2016 (opět ve 13:00)', 'Termíny v roce 2017
    (předběžně): 1. 2., 5. 4.': a line of meeting dates, with no sentence of its own."""
    rest = text
    for _day, start, end in reversed(found):
        rest = rest[:start] + " " + rest[end:]
    rest = re.sub(r"^[^:]{0,60}:", " ", rest)  # its label
    rest = re.sub(r"\([^()]*\)", " ", rest)  # notes in parentheses
    rest = re.sub(
        r"\d{1,2}[:.]\d{2}|\b(?:v|ve|od|at|from|roce|roku|in|\d{4}|hod|hodin)\b", " ", rest
    )
    rest = re.sub(r"předběžně|tentative(?:ly)?|provisional(?:ly)?", " ", rest, flags=re.I)
    return len(re.findall(r"\w{3,}", rest)) <= 1


def _is_decision(plain: str) -> re.Match[str] | None:
    """'Usnesení č. 15/2018', 'Usnesení:' (not 'Usnesení a závěr', not 'Návrh usnesení')."""
    match = _DECISION.match(_strip_marks(plain))
    if not match or match["label"].casefold().startswith(("návrh", "proposed")):
        return None
    number = match["number"]
    after = match.string[len(match["label"]) :].lstrip()
    if not (number or after.startswith(":")) or (number and not re.search(r"\d", number)):
        return None
    return match


def _after_label(text: str, label: str) -> str:
    """The Markdown `text` after its leading label (bold or not): '**Usnesení 1:** Text'."""
    bold = re.match(r"^\*\*(.+?)\*\*\s*:?\s*", text)
    if bold and _fold(_plain(bold.group(1))).rstrip(":") == _fold(label).rstrip(":"):
        return text[bold.end() :].strip()
    plain_label = re.escape(label.rstrip(":"))
    match = re.match(rf"^\W*{plain_label}\W*?:?\s*", text, re.I)
    if match:
        return text[match.end() :].lstrip("*: ").strip()
    return text


def _marker(block: Block) -> str:
    """A numbered point's number as written ('2.1', '1)'), else as psc writes it ('1.')."""
    if block.marker:
        return block.marker
    number = block.number or ""
    return f"{number}." if number.isdigit() else f"{number})"


def _raw(block: Block) -> str:
    """The block's text as written, its list number included ('19. dubna 2007 …' that a
    reader took for point 19 of a list)."""
    if block.kind == "item" and block.ordered and block.number:
        return f"{_marker(block)} {block.text.strip()}"
    return block.text.strip()


_MEMBERS_OF = re.compile(
    r"^(?P<label>(?:ne)?přítomn[íiy]|omluven[íiy])\s+(?:členové|členky|členů)\s+\S.{0,30}$"
)
"""An attendance label naming the body whose members it lists ('Přítomní členové školské
rady:', 'Přítomní členové KR:'): the attendance of its first word."""


def _label_kind(label: str, extra: dict[str, str]) -> str | None:
    folded = _fold(spaced.unspaced(_plain(label))).rstrip(":").strip()  # 'P r o g r a m:'
    folded = re.sub(r"\s*\(\d+\)$", "", folded)  # 'Present (7)': the label with its count
    noted = re.fullmatch(r"(.+?)\s*\([^()]{1,30}\)", folded)  # 'Přítomni (bez titulů)'
    if noted and _label_kind(noted.group(1), extra) in _ATTENDANCE:
        return _label_kind(noted.group(1), extra)
    if folded in extra:
        return extra[folded]
    for kind, words in _HEADER_LABELS.items():
        if folded in words:
            return kind
    members = _MEMBERS_OF.match(folded)  # 'Přítomní členové školské rady', '… KR'
    if members:
        return _label_kind(members["label"], extra)
    if (category := peoplelist.category_label(folded)) is not None:  # 'Library Trustees Present'
        return category
    german_kind = german.label_kind(folded)  # 'Gäste', 'Protokollant.in'
    return german_kind or roles.act_label(folded)  # 'Určení a schválení zapisovatele jednání'


_AMPERSAND_NAMES = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+&\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\.?$"
)
"""The last two names of a list joined by '&' ('R. Parkinson, S. Osbourne & H. Mason.',
'…, John Gili-Ross & Manya Barrow')."""


_PEOPLE_SEPARATOR = re.compile(r"[,;\n](?![^()]*\))")
"""A comma between people, not one inside a person's brackets ('Andrew Wheatley (AW,
lessee)')."""


def _split_people(value: str) -> list[str]:
    """'A, B, doc. C, Ph.D.' → ['A', 'B', 'doc. C, Ph.D.'] (a title after a name stays)."""
    parts = points.people(value) or [p.strip() for p in _PEOPLE_SEPARATOR.split(value)]
    parts = [piece for part in parts for piece in afterrole.split_after_role(part)]
    if parts and _AMPERSAND_NAMES.match(parts[-1]):  # '… S. Osbourne & H. Mason.'
        parts[-1:] = [p.strip() for p in parts[-1].split("&")]
    people: list[str] = []
    for part in parts:
        if not part or strays.address_only(part):  # 'pp.,': a form of address, no one
            continue
        if people and _ACADEMIC_AFTER.match(part):
            people[-1] = f"{people[-1]}, {part}"
        else:
            people.append(part)
    return personrole.with_functions(people)


def _attendance_value(value: str) -> tuple[list[str], int | None, str | None, bool]:
    """'A, B (22)' → names and count; '(4), viz prezenční listina' → count and note;
    '–', '0', 'nikdo' → nobody."""
    names, count = _count(value.strip())
    note = None
    see = re.search(r"(?:^|,\s*)((?:viz|see|dle|podle)\b.*)$", names, re.I)
    if see:
        note = see.group(1).strip()
        names = names[: see.start()].strip(" ,")
    lead = re.match(r"^\((\d+)\)\s*,?\s*", names)
    if lead and count is None:
        count = int(lead.group(1))
        names = names[lead.end() :]
    folded = _fold(_plain(names))
    nobody = folded in ("-", "–", "—")  # psc writes 'nobody' so; other words stay as written
    if folded in _EMPTY and not nobody and folded:
        note = f"{names}, {note}" if note else names
    people = [] if folded in _EMPTY else peoplelist.split_last(_split_people(names))
    if people and note is None and (counted := peoplelist.counted(people[-1])):  # '9 members …'
        people, note = people[:-1], counted
    return people, count, note, nobody


def _count(value: str) -> tuple[str, int | None]:
    """'Baxa, Berka (22)' → ('Baxa, Berka', 22)."""
    match = re.search(r"\s*\((\d+)\)\s*$", value)
    if match:
        return value[: match.start()].strip(), int(match.group(1))
    return value, None


def _continues(value: str, block: Block) -> bool:
    """Does `block` go on with the list `value` that a line break cut: after a comma or 'a',
    'and', '&', inside parentheses, or a line starting in lower case ('17:50), …' after
    'PhDr. Hynek Krátký (přišel v', 'sekretář ŠSČR), …' after '(generální')?"""
    if block.kind != "paragraph":
        return False
    text = block.text.strip()
    if re.search(r"(?:,|\s(?:a|and|&))$", value.rstrip()) or value.count("(") > value.count(")"):
        return True
    if _NAME_CUT.search(value) and _NAME_CUT_REST.match(text):  # '…, Veronika' / 'Burgerová, …'
        return True
    return (text[:1].islower() and not _SEE_LIST.match(text)) or _names_line(text)


_NAME_CUT = re.compile(r",\s*[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’-]*$")
_NAME_CUT_REST = re.compile(r"^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’-]*,\s")
"""A list of names that a line break cut inside a name: the line ends with a first name alone
after a comma ('…, Lukáš Semerád, Veronika'), the next opens with the rest of it and a comma
('Burgerová, Martin Kurečka a …')."""


def _own_category(label: str, value: str) -> bool:
    """'Online hlasující: Jan Horáček, Martin Ukrop, Anna Řechtáčková, …': a label that is no
    attendance word psc knows, over a list of people (three at least, each one to five
    capitalised words): a category of the attendance, labelled as written."""
    if len(label.split()) > 3 or not label[:1].isupper():
        return False
    listed = value.strip().rstrip(",")
    return listed.count(",") >= 2 and _names_line(listed)  # noqa: PLR2004


def _names_line(text: str) -> bool:
    """'Brittain, Genein Cox-De Sousa, Adam Edwards': names and nothing else, each of one to
    five capitalised words (a title, a note in parentheses)."""
    parts = [p.strip() for p in text.rstrip(".").split(",")]
    if len(parts) < 2 or chairline.is_chair_line(text):  # 'Meeting Chair: Jon Tustin, Chair'
        return False
    for part in parts:
        words = re.sub(r"\([^()]*\)", "", part).split()
        if not 1 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
            return False
    return True


# ------------------------------------------------------------------------- recogniser


class _Recogniser:
    def __init__(
        self,
        blocks: list[Block],
        group: Group,
        *,
        date: dt.date | None,
        add_organisations: bool,
    ):
        english_minutes = group.language == "en"  # english.join_wrapped joins their wraps
        self.blocks, self.joins = (list(blocks), []) if english_minutes else wrapped.joined(blocks)
        self.group = group
        self.registry = dict(group.organisation_names)
        self.added: dict[str, str] = {}
        self.add_organisations = add_organisations
        self.wording = Wording(group.language, group.labels, group.language)
        self.notes: list[Note] = []
        self.kept = 0
        self.m: dict[str, Any] = {}
        self.date = date
        self.items: list[dict[str, Any]] = []
        self.sections: list[dict[str, Any]] = []
        self.tasks: list[dict[str, Any]] = []
        self.next_meetings: list[dict[str, Any]] = []
        self.designations: list[tuple[Block, tuple[str, str, str | None]]] = []
        self.told_roles: set[str] = set()
        """The roles read from sentences that stay in the text (designated_roles)."""
        self.elected: dict[int, tuple[str, list[str]]] | None = None
        self.speakers: dict[str, str] = {}
        """Speakers named with their function ('ředitelka' → 'Mgr. Hana Plisková'): a later
        sentence of speaking whose subject is the function alone is theirs."""
        """Lines electing the verifiers among the commissions (commissions.py), by index."""
        self.container: list[Any] | None = None
        self.item_indent: int | None = None
        self.mode = "head"  # head, body, tasks, next, footer
        self.item_level: int | None = None
        self.programme: list[dict[str, Any]] = []
        self.in_programme = False
        self.footer_seen = False
        self.verifying = False
        self.task_heading: Block | None = None
        self.pending_list: dict[str, Any] | None = None
        self.extra_labels = self._own_labels()
        self.phrases = Phrases(group)
        self.last_decision: dict[str, Any] | None = None
        self.proposal: tuple[Block, str] | None = None
        self.fresh_item = False
        self.structural_level: int | None = None
        self.status_approved = False
        """The approval is a status line's ('Adopted Minutes'), kept as its note."""
        self.marked_draft = False
        """A status line says the minutes are a draft ('Draft Minutes', 'Návrh')."""
        self.stated_approval: tuple[str, Block] | None = None
        """What a line or sentence says of the minutes' approval (approvalstate.py)."""
        self.english = group.language == "en"
        """English minutes: the rules of english.py read their shapes too."""
        self.blocks, cells = tables.cells_joined(self.blocks)  # a table's text dump
        self.notes += [Note(where, what) for where, what in cells]
        self.blocks, runs = runtogether.split(self.blocks)  # a PDF's lines run together
        self.notes += [Note(where, what) for where, what in runs]
        self.run_lines = runs  # for runframe: the title's line among them
        self.blocks, runs = runprogramme.split(self.blocks)  # '…program: 1) … 2) … 1) …'
        self.notes += [Note(where, what) for where, what in runs]
        known = {**english.LABELS, **self.extra_labels} if self.english else self.extra_labels
        if self.english:  # a web page's lines lost: 'MEMBERS ABSENT: … 1. CALL TO ORDER: 2. …'
            self.blocks, runs = runpoints.split(self.blocks, lambda text: _label_kind(text, known))
            self.notes += [Note(where, what) for where, what in runs]
        self.blocks, runs = segment.restore(self.blocks, lambda text: _label_kind(text, known))
        self.notes += [Note(where, what) for where, what in runs]  # any other run-together text
        self.blocks, listed = votelist.joined(self.blocks)  # 'Hlasování' / 'pro: (14) …' / …
        self.notes += [Note(where, what) for where, what in listed]
        self.blocks, alone = labelalone.joined(  # 'Gäste' / 'Peter Mohr, …'
            self.blocks, self.is_label, categories_only=not self.english
        )
        self.notes += [Note(where, what) for where, what in alone]
        if not self.english:  # 'Přítomni:' over ' • Ing. Pavel Grund' / …
            self.blocks, listed = bulletedlabels.joined(self.blocks, self.is_label)
            self.notes += [Note(where, what) for where, what in listed]
        if self.english:
            for word, kind in english.LABELS.items():
                self.extra_labels.setdefault(word, kind)
            self.blocks, reshaped = english.prepare(self.blocks, self.is_label)
            self.notes += [Note(where, what) for where, what in reshaped]
        self.prose_points = points.prose(self.blocks)
        self.bullet_heads = bulletheads.headings(self.blocks, self.is_label)
        """Headings over bulleted points ('Přijímání nových členů' / '• …'), by block id."""
        """Numbered points of prose without titles ('1.Šerif sdělil, že …'), by block id."""
        self.notes += [
            Note(where, what) for where, what in points.split(self.blocks, self.is_label)
        ]
        self.known_titles = programme.programme_in_text(self.blocks)
        """A programme listed inside the text, for titling items ('K bodu 2:')."""
        self.minutes = programme.minute_headings(self.blocks)
        """Headings of numbered minutes ('23/165 …', '23/166 …'), by block index."""
        self.requeue: Block | None = None
        self.listed: list[tuple[str, dict[str, Any]]] = []
        """Resolutions listed under 'Usnesení' and the label as written (resolved.py)."""
        self.marked_new = False  # an action list marking its new entries ('**New**:')
        """The text of a numbered point that started an item, to be read next as a block."""

    def is_label(self, text: str) -> str | None:
        """The kind of a header or attendance label ('Present' → present), or None."""
        return _label_kind(text, self.extra_labels)

    def _own_labels(self) -> dict[str, str]:
        """The group's and psc's own header labels (psc's Word minutes read back)."""
        extra: dict[str, str] = {}
        for language in ("cs", "en"):
            labels = Wording(
                language, self.group.labels if language == self.group.language else {}
            ).labels
            for key, kind in (
                ("name", "title"),
                ("date", "date"),
                ("place", "place"),
                ("attendees", "attendees"),
                ("attachments", "attachments"),
                ("pages_original", "pages"),
                ("present", "present"),
                ("excused", "excused"),
                ("absent", "absent"),
                ("guests", "guests"),
                ("programme", "programme"),
                ("chair", "chair"),
                ("minute_taker", "minute_taker"),
                ("minute_taker_female", "minute_taker"),
                ("minute_taker_male", "minute_taker"),
                ("verifiers", "verifiers"),
            ):
                word = labels.get(key)
                if word:
                    extra.setdefault(_fold(word), kind)
        return extra

    # ---------------------------------------------------------------- reporting

    def note(self, block: Block | str, what: str) -> None:
        where = block if isinstance(block, str) else block.where
        self.notes.append(Note(where, what))

    def text_kept(self, block: Block, why: str = "kept as a paragraph") -> None:
        self.kept += 1
        self.add(block.text if block.kind != "row" else " ".join(block.cells))
        self.note(block, why)

    # ---------------------------------------------------------------- containers

    def content(self) -> list[Any]:
        if self.container is None:  # text before the first item: an item without a title
            self.items.append({"content": []})
            self.container = self.items[-1]["content"]
        return self.container

    def add(self, block: Any) -> None:
        self.flush_list()
        self.content().append(block)

    def flush_list(self) -> None:
        if self.pending_list is not None:
            pending, self.pending_list = self.pending_list, None
            self.content().append(pending)

    # ---------------------------------------------------------------- the walk

    def run(self) -> Draft:
        for where in self.joins:
            self.note(where, "hard-wrapped lines joined into one paragraph")
        for block in self.blocks:  # a header line naming the role later takes its place
            self.roles_in(block)
        i, follows = 0, None
        narrated = narrative.told(self.blocks)  # a paragraph of prose a point of business
        while i < len(self.blocks):
            narrative.before_step(self, i, narrated)
            follows = announced.points_at(self, i) or follows  # '… byl následující:' over points
            text_before = shownhere.before_step(self)  # attendance after text: shown there
            programme_after_text = shownhere.programme_before_step(self)  # the programme too
            roles_after_text = shownroles.before_step(self)  # and the roles
            nxt = self.step(i)
            shownhere.after_step(self, text_before)
            if told := toldpresent.record(self.m, self.blocks[i]):  # 'Přítomni byli …', kept
                self.note(self.blocks[i], told)
            shownhere.programme_after_step(self, programme_after_text)
            shownroles.after_step(self, roles_after_text)
            if self.requeue is not None:  # the point's text, read as the block it is
                self.blocks[i], self.requeue, nxt = self.requeue, None, i
            i = nxt
            announced.begin(self, i, follows)
        self.flush_list()
        if self.english:
            english.after(self)
        tasks.imposed(self)  # a resolution's last clause and 'T: …': the task it imposes
        approvalstate.settle(self)  # 'These are the Approved Minutes …', 'DRAFT', a draft's title
        shownhere.settle(self)  # no `show` beside the attendance's own line kept as text
        return self.finish()

    def step(self, i: int) -> int:
        block = self.blocks[i]
        text = block.text.strip()
        if block.kind != "row" and not _plain(text):
            return i + 1
        if self.is_psc_own(block) or self.page_mark(block):
            return i + 1
        if block.kind != "row":
            approvalstate.seen(self, block, _plain(text))
        if self.above_title(block):
            return i + 1
        if block.kind == "row" and self.signature_block(i) is not None:
            return len(self.blocks)
        if block.kind == "row":
            return self.row(i)
        points.after_the_last_point(self, i)  # the lines after the last point's text
        done = points.attendance_point(self, i)  # '1. Present: …': attendance and item 1
        done = nestedpoints.sub_point(self, i) if done is None else done  # '6.1' under item 6
        if done is not None:
            return done
        done = english.before(self, i) if self.english else repeatedtitles.heading(self, i)
        done = sectionlabels.section_line(self, i) if done is None and not self.english else done
        if done is None and not self.english:  # 'Předseda: Jiří Veigrt' / 'Jednatel : …'
            done = functionlines.function_first_lines(self, i, self.is_label)
        if done is not None:
            return done
        if self.in_programme and self._programme_restarts(block):
            self.in_programme = False
        if self.in_programme:
            if block.kind == "item" or (block.kind == "paragraph" and _NUMBERED.match(text)):
                numbered = _NUMBERED.match(text)
                title = (
                    block.text if block.kind == "item" or numbered is None else numbered["title"]
                )
                entry: dict[str, Any] = {"title": title.strip()}
                marker = block.marker if numbered is None else text[: numbered.start("title")]
                ownlabels.programme_marker(self.m, marker)  # '1/', '1)': the entry's number
                first = programme.presenter_first(entry["title"])
                if first is not None:  # 'prof. MUDr. P. Strejc, DrSc. - Kontrola zápisu …'
                    entry[programme.WRITTEN] = entry["title"]  # for programme.settle_presenters
                    entry["title"], who, minutes = first
                    entry["presenters"] = [who]
                    if minutes:
                        entry["duration"] = minutes
                presented = None if first else self._presented(entry["title"])
                if presented is not None and presented[0]:
                    entry["title"] = presented[0]
                    if presented[1]:
                        entry["presenters"] = presented[1]
                    if presented[2]:
                        entry["duration"] = presented[2]
                self.programme.append(entry)
                self.note(block, f"programme point {len(self.programme)}")
                return i + 1
            self.in_programme = False
        if self.prose_point(block):
            return i + 1
        if id(block) in self.bullet_heads and not self.in_programme and "title" in self.m:
            self.start_item(block, {"title": text}, f"'{text}' over bullet points: an item")
            return i + 1
        if self.programme_line(i):
            return i + 1
        tabled = self.programme_table(i)
        if tabled is not None:
            return tabled
        if self.started() and self.roles_elected(i):
            return i + 1
        if self.footer(block):
            return i + 1
        recorded = self.recorded_on(i)
        if recorded is not None:
            return recorded
        signed = self.signature_block(i)
        if signed is not None:
            return signed
        if self.verifying and block.kind == "paragraph" and self.signature_name(block):
            return i + 1
        self.verifying = False
        if (done := namedvote.after_the_list(self, i)) is not None:
            return done  # '* Jan Čermák: ano' / … / '**… byl přijat za člena spolku.**'
        if block.kind == "heading" or block.bold or self._structural_line(block):
            return self.heading(i)
        labelled = self.label_line(i)
        if labelled is not None:
            return labelled
        if self.item_start(block):
            return i + 1
        if (done := repeatedtitles.numbered_heading(self, i)) is not None:
            return done  # '4. Nákup keřů' under the programme's '4. zakoupení keřů …'
        if self.presenters(block):
            return i + 1
        self.fresh_item = False
        if self.approved_at(block):
            return i + 1
        if self.mode == "tasks" and (done := actionlist.step(self, i)) is not None:
            return done  # a numbered action list: '1. **New**: …', '10. ~~…~~'
        if self.mode == "tasks":  # a decision among the action points is still a decision
            return self.decided_sentence(i) or self.task(i)
        done = actionmark.in_item(self, i)  # 'Action. Mandy Leamon agreed to …', '… Action: Brenda'
        if done is not None:
            return done
        done = None if self.english else charged.in_text(self, i)  # '… pověřila X, aby …'
        done = agreed.in_text(self, i) if done is None and not self.english else done
        done = tasks.in_place(self, i) if done is None else done
        if done is not None:
            return done
        done = needed.in_place(self, i)  # 'Nejpozději k 15.11.2015 je třeba zvolit …'
        if done is not None:
            return done
        if self.mode == "next" and self.next_meeting(block):
            return i + 1
        if _NEXT_MEETING_LABEL.match(_strip_marks(_plain(text))):
            written.close_at_label(self, _plain(text))  # after the last item: the close
            if self.next_meeting(block):
                return i + 1  # 'Termíny dalšího jednání PS: 15. 11. 2016' inside an item
        if self.english and (done := english.within(self, i)) is not None:
            return done
        if (done := namedvote.in_a_paragraph(self, i)) is not None:
            return done  # '… Vote by roll call. Racich, yes; Dement, yes; … Motion carried.'
        for step in (
            self.decision_list,
            self.proposal_line,
            self.decision,
            self.vote_alone,
            self.decided_sentence,
            self.told_decision,
        ):
            done = step(i)
            if done is not None:
                return done
        if self.roll_call(block) or self.review(block) or self.closing_line(block):
            return i + 1
        if block.kind == "paragraph" and written.closes(self, block, _plain(block.text)):
            return i + 1
        if block.kind == "item" and not block.ordered and self.task_in_place(i):
            return i + 1
        if block.kind == "item":
            self.list_item(block)
            return i + 1
        self.paragraph(block)
        return i + 1

    # ---------------------------------------------------------------- header

    def started(self) -> bool:
        """Has the first agenda item begun? Text before it (a letterhead, a line the header
        does not expect) goes into an item without a title, and the header goes on."""
        return any(
            item.get("number") is not None or item.get("title") or item.get("label")
            for item in self.items
        )

    def page_mark(self, block: Block) -> bool:
        """'Minutes 19/20 Page 29', 'Page 2 of 13', 'Strana 2 z 13' anywhere: not content."""
        plain = _strip_marks(_plain(block.text)) if block.kind != "row" else ""
        if block.kind in ("paragraph", "heading") and _PAGE_MARK.match(plain):
            self.note(block, f"page header or footer '{plain}': left out")
            return True
        return False

    def above_title(self, block: Block) -> bool:
        """Before the title: a status line ('Draft Minutes') or a letterhead ('Obec …',
        'SPOLEČENSTVÍ VLASTNÍKŮ JEDNOTEK …'): kept as text, reported, and the header goes on."""
        if "title" in self.m or self.started() or block.kind not in ("paragraph", "heading"):
            return False
        plain = _strip_marks(_plain(block.text))
        if _STATUS_LINE.match(plain):
            if _APPROVED_STATUS.match(plain) and "approved_at" not in self.m:
                self.m["approved_at"] = {"note": plain}
                self.status_approved = True
                self.note(block, f"status line '{plain}' → approved by the body (its note)")
            else:
                self.marked_draft = True
                self.text_kept(
                    block, f"status line '{plain}': kept as text (the minutes stay a draft)"
                )
            return True
        own = _fold(plain) in (_fold(self.group.name), _fold(self.group.short))
        if own or _is_letterhead(plain):
            if self.items or self.programme or "date" in self.m:
                self.text_kept(  # a line above the title after other text: the minutes' text
                    block,
                    f"letterhead '{plain}'"
                    + (" (the group's name)" if own else "")
                    + ": kept as text",
                )
            else:  # the lines the minutes open with: their letterhead, printed above the title
                self.m.setdefault("letterhead", []).append(block.text.strip())
                self.note(block, f"letterhead '{plain}'" + (" (the group's name)" if own else ""))
            return True
        return False

    def is_psc_own(self, block: Block) -> bool:
        """psc's own words in its Word minutes: the 'Zápis' heading and the draft notice."""
        if self.started() or self.mode != "head":
            return False
        plain = _fold(_plain(block.text))
        for language in ("cs", "en"):
            labels = Wording(
                language, self.group.labels if language == self.group.language else {}
            ).labels
            own = _fold(labels["minutes"].split("{")[0].strip())
            if (
                block.kind == "heading"
                and own
                and (plain == own or plain == _fold(f"{labels['minutes']} – {labels['draft']}"))
            ):
                self.marked_draft = self.marked_draft or plain != own
                self.note(block, "psc's own heading of the minutes: left out")
                return True
            if plain == _fold(labels["draft_notice"]):
                self.marked_draft = True
                self.note(block, "psc's draft notice: left out (the minutes stay a draft)")
                return True
        return False

    def row(self, i: int) -> int:
        block = self.blocks[i]
        cells = [c.strip() for c in block.cells]
        pairs = []
        rest = []
        k = 0
        while k < len(cells):
            kind = _label_kind(cells[k], self.extra_labels) if k + 1 < len(cells) else None
            if kind is not None:
                pairs.append((cells[k], kind, cells[k + 1]))
                k += 2
            else:
                rest.append(cells[k])
                k += 1
        if not pairs or self.started():
            self.text_kept(block, "table row kept as a paragraph")
            return i + 1
        for label, kind, value in pairs:
            self.header_value(block, label, kind, value)
        if rest:
            self.text_kept(
                Block("paragraph", " ".join(rest), block.where), "table cells kept as a paragraph"
            )
        return i + 1

    def label_line(self, i: int) -> int | None:
        """'Label: value' (or 'Label:' with the value in the next block) of the header."""
        block = self.blocks[i]
        if block.kind not in ("paragraph", "item") or self.mode in ("tasks",):
            return None
        match = _LABEL_LINE.match(block.text.strip())
        if not match:
            return None
        label, value = match.group(1), match.group(2).strip()
        kind = _label_kind(label, self.extra_labels)
        if kind is None and "attendees" in self.m and not self.started():
            kind = "category" if _own_category(label, value) else None  # after the attendance
        if kind is None:
            return None
        closing = self.started() or self.footer_seen  # after the items: the footer's verifiers
        if closing and kind != "verifiers":
            return None  # inside an item a 'label: value' line is the item's text
        field = {"time": "start"}.get(kind, kind)
        again = kind in _SINGLE and field in self.m and not (closing and kind == "verifiers")
        if again or (kind == "date" and "date" in self.m):
            return None  # the header said it already: this line stays text where it is
        if kind == "programme" and not value and labelleditems.heads_items(self.blocks, i + 1):
            return None  # 'Program:' over '1) …' / its text / '2) …': the items themselves
        if kind == "programme":
            if value:
                self.programme.append({"title": value})
            ownlabels.keep(self.m, self.group, "programme", f"{_plain(label)}:")
            self.in_programme = True
            self.note(block, f"'{_plain(label)}': the programme follows")
            return i + 1
        if not value and kind in _ATTENDANCE and (done := self.groups_below(i, label)):
            return done
        if kind in _ATTENDANCE and (done := self.empty_before_label(i, label, value)):
            return done
        if not value and i + 1 < len(self.blocks):
            nxt = self.blocks[i + 1]
            raw = _raw(nxt)
            dated = kind in ("date", "time") and dates.find_date(raw) is not None
            if (nxt.kind == "paragraph" or dated) and not self._is_label_line(raw):
                if kind == "verifiers" or not self._looks_like_item(nxt):
                    if kind == "verifiers" and closing:
                        self.verifying = True
                        ownlabels.keep(self.m, self.group, "verified_by_plural", label)
                        self.note(block, "verifiers of the minutes: the names follow")
                        return i + 1
                    if kind in _ATTENDANCE:
                        return self.wrapped_attendance(i, label, kind, raw, i + 2)
                    self.header_value(block, label, kind, raw, nxt)
                    return i + 2
        if kind in _ATTENDANCE:
            return self.wrapped_attendance(i, label, kind, value, i + 1)
        if kind == "verifiers" and closing:
            self.verifying = True
            ownlabels.keep(self.m, self.group, "verified_by_plural", label)  # as written
            for name in _split_people(value):
                self.m.setdefault("verified_by", []).append({"name": name})
            self.note(block, "verifiers of the minutes")
            return i + 1
        self.header_value(block, label, kind, value)
        return i + 1

    def empty_before_label(self, i: int, label: str, value: str) -> int | None:
        """'Omluveni: Nepřítomni:' (a commission's minutes), '… Neomluveni: Hosté: Žáček, Kania'
        (an academic senate's): an attendance label left empty, the next label on its line. The
        line is read as the two it runs together (from block `i` again), or None."""
        nxt = _LABEL_LINE.match(value)
        if nxt is None or _label_kind(nxt.group(1), self.extra_labels) not in _ATTENDANCE:
            return None
        block = self.blocks[i]
        head = block.text[: block.text.index(value)].rstrip()
        self.blocks[i : i + 1] = [replace(block, text=head), replace(block, text=value)]
        if nxt.group(2).strip():
            return i
        self.label_line(i)  # both left empty: neither takes the paragraph after them
        kind = _label_kind(nxt.group(1), self.extra_labels) or ""
        return self.wrapped_attendance(i + 1, nxt.group(1), kind, "", i + 2)

    def groups_below(self, i: int, label: str) -> int | None:
        """'Přítomni:' alone over the bodies present, each on its line with its people on the
        lines below (`groups.bodies_below`): one category of the label, its groups."""
        lines: list[str] = []
        for nxt in self.blocks[i + 1 :]:
            raw = _raw(nxt).strip()
            if nxt.kind != "paragraph" or self._is_label_line(raw) or _NUMBERED.match(raw):
                break
            lines.append(raw)
        found = groups.bodies_below(lines)
        if found is None:
            return None
        grouped, used = found
        attendees = self.m.setdefault("attendees", {})
        attendees.setdefault("categories", []).append({"label": label, "groups": grouped})
        ownlabels.attendance_read(self.m, "category", label)
        last = self.blocks[i + used].where.split()[-1]
        self.note(
            Block("paragraph", "", f"{self.blocks[i].where}–{last}"),
            f"'{_plain(label)}' → attendance category ({len(grouped)} bodies, each its people)",
        )
        return i + 1 + used

    def wrapped_attendance(self, i: int, label: str, kind: str, value: str, k: int) -> int:
        """An attendance list (on the label's line, or the line after it, up to block `k`)
        that a PDF's text wraps onto the next lines: the lines that continue it joined to
        it. The blocks after it are read from the one returned."""
        block = self.blocks[i]
        first, written = k, value
        if rows := namerows.below(value, self.blocks[k:]):  # 'PRESENT: A B C D' / 'E F'
            value, k = ", ".join(rows[0]), k + rows[1]
            written = " ".join([written, *(_raw(b) for b in self.blocks[first:k])])
        while value and k < len(self.blocks) and _continues(value, self.blocks[k]):
            nxt = self.blocks[k]
            raw = _raw(nxt)
            if self._is_label_line(raw) or self._looks_like_item(nxt) or _NUMBERED.match(raw):
                break
            value = f"{value.rstrip()} {raw.strip()}"
            k += 1
        if k > first:
            self.note(block, f"'{_plain(label)}' wrapped onto {k - i} lines: joined")
        last = self.blocks[k - 1].where.split()[-1]
        shown = block if k == i + 1 else Block("paragraph", "", f"{block.where}–{last}")
        self.header_value(shown, label, kind, value)
        people = _attendance_value(value)[0] if kind in ownlabels.SAID_LABELS else []
        reworded = ownlabels.reworded(self.m, written if rows else value, people)  # 'A (X) Mr. B'
        split = kind == "present" and excused.split(value) is not None  # psc prints two lines
        reworded = reworded or split or ownlabels.lines_kept(self.m)  # and the lines after it
        reworded = reworded or sameline.run_together(self.blocks, i, k)  # '… X MEMBERS ABSENT:'
        if bulletedpeople.marked(block):  # its bullets stay below it as written: its text
            ownlabels.line_kept(self.m)
            return k
        if (
            (k == i + 1 or rows)
            and not self.started()
            and (strays.not_printed_back(value) or reworded)
        ):
            for line in self.blocks[i:k]:  # the rows of names too (namerows.py)
                self.text_kept(
                    line, "the attendance line as written (its people read) kept as text"
                )
            ownlabels.line_kept(self.m)
        return k

    def _is_label_line(self, text: str) -> bool:
        match = _LABEL_LINE.match(text)
        return bool(match and _label_kind(match.group(1), self.extra_labels))

    def _looks_like_item(self, block: Block) -> bool:
        return bool(_ITEM.match(block.text.strip()))

    def header_value(
        self, block: Block, label: str, kind: str, value: str, value_block: Block | None = None
    ) -> None:
        had_date = "date" in self.m
        self.header_value_read(block, label, kind, value, value_block)
        if kind == "place" and value_block is None and keptrows.after_kept_date(self.items):
            keptrows.keep_in_place(self.m)  # 'Datum konání: …' kept: 'Místo konání: …' too
            self.text_kept(block, "the place's line kept in its place, after the date's")
            return
        shown = _plain(label)
        if kind in ownlabels.ROW_LABELS - {"date", "programme"} or (
            kind == "date" and not had_date and "date" in self.m
        ):  # 'Zapisovatel:', 'Datum konání:' as written, where psc's word differs
            colon = not block.text or re.search(rf"{re.escape(shown)}\s*\**\s*:", block.text)
            ownlabels.keep(self.m, self.group, kind, shown + (":" if colon else ""))

    def header_value_read(
        self, block: Block, label: str, kind: str, value: str, value_block: Block | None
    ) -> None:
        where = (
            block.where if value_block is None else f"{block.where}–{value_block.where.split()[-1]}"
        )
        shown = _plain(label)
        value = value.strip()
        if kind == "title":
            self.m["title"] = value
            self.number_from(value)
            self.note(where, f"'{shown}' → title")
        elif kind in ("date", "time"):
            self.when(where, shown, value)
        elif kind == "place":
            self.m["place"] = value
            self.note(where, f"'{shown}' → place")
        elif kind == "attendees":
            self.attendees(where, shown, value)
        elif kind in ("present", "excused", "absent", "guests", "category"):
            self.attendance(where, shown, kind, value)
        elif kind in ("chair", "minute_taker") and _fold(_plain(value)) in _EMPTY:
            self.note(where, f"'{shown}: {value}' names no one: no {kind.replace('_', ' ')}")
        elif kind in ("chair", "minute_taker"):
            self.m[kind] = value
            self.note(where, f"'{shown}' → {kind.replace('_', ' ')}")
        elif kind == "verifiers":
            self.m["verifiers"] = roles.split_and(_split_people(value))
            ownlabels.joined(self.m, value, self.m["verifiers"])
            self.note(where, f"'{shown}' → verifiers")
        elif kind == "attachments":
            parts = [p.strip() for p in value.split("\n") if p.strip()]
            self.m.setdefault("attachments", []).extend(parts)
            self.note(where, f"'{shown}' → attachments ({len(parts)})")
        elif kind == "pages":
            if value.isdigit():
                self.m["pages"] = int(value)
                self.note(where, f"'{shown}' → pages")
            else:
                self.text_kept(Block("paragraph", f"{label}: {value}", where))

    def number_from(self, title: str) -> None:
        match = re.search(
            r"(?<![\d/])(\d{1,4})\.\s*(?:řádné\w*\s+|mimořádné\w*\s+|veřejné\w*\s+)?"
            r"(?:jednání|zasedání|schůz\w*|setkání|meeting|session)",
            title,
            re.I,
        )
        if match and "number" not in self.m:
            self.m["number"] = int(match.group(1))

    def when(self, where: str, label: str, value: str) -> None:
        """'7. září 2016, 13:00 – 15:00', '19. dubna 2007 v 17:30 v knihovně AG': the date,
        the times, and words after them as the place (when there is none yet)."""
        found = dates.find_period(value)
        parts = []
        last = 0
        if found is not None and "date" not in self.m:
            self.m["date"] = found.first
            parts.append(f"date {found.first.isoformat()}")
            last = found.end
            written = value[found.start : found.end]  # 'Datum: 22. 10. 2018': printed so
            if label and ownlabels.date_form(self.m, self.group, written, found.first):
                parts.append(f"written '{written.strip()}'")
            if found.last != found.first:  # the format has no end date: the line stays
                kept = Block("paragraph", f"{label}: {value}" if label else value, where)
                self.text_kept(
                    kept,
                    f"a meeting over several days (to {found.last.isoformat()}): the date is "
                    "its first day; the line is kept as text",
                )
        start, end = dates.find_times(value[last:] if found else value)
        for key, time in (("start", start), ("end", end)):
            if time is not None:
                self.m[key] = time
                parts.append(f"{key} {time:%H:%M}")
        for match in _TIME_WORDS.finditer(value):
            last = max(last, match.end())
        tail = value[last:].strip(" ,;.–-")
        # words before the date that are no lead-in ("dne", "held on") and no weekday of
        # the date's own ("Tuesday 4 April 2016" was a Monday): kept with the line, as a tail
        head = value[: found.start].strip(" ,;.–-") if found is not None else ""
        if head and (dates.DATE_LEAD_IN.fullmatch(head) or not re.search(r"[^\W\d_]", head)):
            head = ""
        if tail and "place" not in self.m and not re.search(r"\d", tail) and not head:
            self.m["place"] = tail
            parts.append("place")
        elif tail or head:  # words with no field of their own: the line stays, too
            kept = Block("paragraph", f"{label}: {value}" if label else value, where)
            words = " … ".join(w for w in (head, tail) if w)
            self.text_kept(kept, f"'{label}': '{words}' has no field; the line is kept as text")
        if parts and _unread(value, found, last):  # 'datum: 2. 4. 2025, čas: 17:30': the
            label = f"{label}: {value}" if label else value  # line is named whole
        if parts:
            self.note(where, (f"'{label}' → " if label else "") + ", ".join(parts))
        else:
            kept = Block("paragraph", f"{label}: {value}", where)
            self.text_kept(kept, f"'{label}': no date found, kept as text")

    def attendees(self, where: str, label: str, value: str) -> None:
        """The attendance cell: 'viz prezenční listina', or lines 'Přítomni: …', 'Omluveni:
        …', a sentence on the quorum, or the names alone. Lines that need more than a list
        of names (a count, 'nobody', a note) make every labelled line a category, so the
        lines keep their order."""
        lines = [line.strip() for line in value.split("\n") if line.strip()]
        labelled: list[tuple[str, str, str | None, str]] = []
        for line in lines:
            match = _LABEL_LINE.match(line)
            kind = _label_kind(match.group(1), self.extra_labels) if match else None
            if match and kind in ("present", "excused", "absent", "guests", "category"):
                labelled.append((line, _plain(match.group(1)), kind, match.group(2).strip()))
            else:
                labelled.append((line, "", None, ""))
        plain_lists = all(
            not kind or _attendance_value(words)[1:] == (None, None, False)
            for _line, _label, kind, words in labelled
        )
        for line, word, kind, words in labelled:
            if kind is not None:
                self.attendance(where, word, kind if plain_lists else "category", words)
            elif self.quorum(where, line):
                continue
            elif _SEE_LIST.match(_plain(line)) or len(lines) > 1:
                attendees = self.m.setdefault("attendees", {})
                attendees["note"] = f"{attendees['note']}\n{line}" if "note" in attendees else line
                self.note(where, f"'{label}' → attendance note")
            else:
                self.attendance(where, label, "present", line)

    def quorum(self, where: str, line: str) -> bool:
        """'Přítomno 6 z 7 členů; usnášeníschopné.' or the minutes' own sentence on it."""
        plain = _plain(line)
        if not re.search(r"usnášeníschopn|quorate|quorum", plain, re.I):
            return False
        quorum: dict[str, Any] = {}
        counts = re.search(r"(\d+)\s+(?:z|ze|of|out of)\s+(\d+)", plain)
        if counts:
            quorum["present"], quorum["members"] = int(counts.group(1)), int(counts.group(2))
        quorum["quorate"] = not re.search(
            r"neusnášeníschopn|(?:není|nebyl[aoiy]?)\s+(?:\w+\s+)?usnášeníschopn|not quorate|"
            r"inquorate",
            plain,
            re.I,
        )
        written = self._own_quorum(quorum)
        if written is None or _fold(written) != _fold(plain):
            quorum["note"] = line
        self.m.setdefault("attendees", {})["quorum"] = quorum
        self.note(where, "quorum")
        return True

    def _own_quorum(self, quorum: dict[str, Any]) -> str | None:
        """The sentence psc writes for `quorum` (as the renderer does)."""
        labels = self.wording.labels
        if "present" not in quorum:
            return None
        text = labels["quorum"].format(present=quorum["present"], members=quorum["members"])
        text += "; " + labels["quorate_yes" if quorum["quorate"] else "quorate_no"]
        return text[:1].upper() + text[1:] + "."

    def attendance(self, where: str, label: str, kind: str, value: str) -> None:
        attendees = self.m.setdefault("attendees", {})
        ownlabels.attendance_read(self.m, kind, label)  # the order the minutes give them
        if _SEE_LIST.match(_plain(value)) and kind == "present" and "note" not in attendees:
            # 'Přítomni: dle prezenční listiny': a category of its label, the sheet its note
            attendees.setdefault("categories", []).append({"label": label, "note": value})
            self.note(where, f"'{label}' → attendance note")
            return
        grouped = groups.body_group(value)  # 'z MV GŘ HZS ČR – plk. Mgr. Radek Kislinger a …'
        if grouped is not None:
            body, members = grouped
            group = {"body": body, "people": members}
            attendees.setdefault("categories", []).append({"label": label, "groups": [group]})
            self.note(where, f"'{label}' → attendance category ({len(members)} for '{body}')")
            return
        parts = excused.split(value) if kind == "present" else None
        if parts is not None:  # 'Přítomno: 6 členů zastupitelstva, P. Šefčíková omluvena - …'
            present = {"label": label, "count": parts.count, "note": parts.counted}
            away: dict[str, Any] = {"label": parts.word, "people": parts.excused}
            if parts.why:
                away["note"] = parts.why
            attendees.setdefault("categories", []).extend([present, away])
            self.note(where, f"'{label}' → {parts.count} present, '{parts.word}' excused")
            return
        people, count, note, nobody = _attendance_value(value)
        ownlabels.joined(self.m, value, people)  # 'A, B a C': the words before the last
        standard = kind in ("present", "excused", "absent", "guests")
        if any(  # after people under a label of their own ('zúčastněni'), a category too:
            c.get("people") and self.is_label(c["label"]) == "category"  # printed in order
            for c in attendees.get("categories", [])
        ):
            standard = False
        if standard and (count, note, nobody) == (None, None, False) and not attendees.get(kind):
            if people:
                attendees[kind] = people
                ownlabels.keep(self.m, self.group, kind, label)  # 'Omluven:' as written
                self.note(where, f"'{label}' → {kind} ({len(people)})")
            else:
                self.note(where, f"'{label}' is empty: left out")
            return
        category: dict[str, Any] = {"label": label}
        if people:
            category["people"] = people
        if count is not None:
            category["count"] = count
        if note:
            category["note"] = note
        if nobody:
            category["nobody"] = True
        attendees.setdefault("categories", []).append(category)
        self.note(where, f"'{label}' → attendance category")

    # ---------------------------------------------------------------- body

    def heading(self, i: int) -> int:
        block = self.blocks[i]
        text = _plain(block.text) if block.bold else block.text.strip()
        text = _strip_marks(text)
        plain = _plain(text)
        level = block.level if block.kind == "heading" else 4
        if (
            block.kind == "heading"
            and "title" not in self.m
            and not self.started()
            and (level == 1 or i < 3)
            and not _ITEM.match(plain)
            and not _STRUCTURAL.match(plain)
            and _label_kind(plain, self.extra_labels) != "programme"  # '## Agenda': no title
        ):
            self.m["title"] = plain if "**" in text else text
            self.number_from(plain)
            self.note(block, "title")
            if "date" not in self.m:
                self.date_from_text(block, plain)
            return i + 1
        self.date_line(block, plain)  # 'Mittwoch, 17. Oktober 2018' under the title
        if not self.started() and _fold(plain) in {
            _fold(w) for w in self.phrases.words("per_rollam")
        }:
            done = self.per_rollam(i)
            if done is not None:
                return done
        if _label_kind(plain, self.extra_labels) == "programme" and not self.started():
            ownlabels.keep(self.m, self.group, "programme", plain)  # 'Program zasedání:'
            self.in_programme = True
            self.note(block, f"'{plain}': the programme follows")
            return i + 1
        if self.item_start(block, text):
            return i + 1
        if _STRUCTURAL.match(plain.rstrip(":")) or _fold(plain) in self._section_a_words():
            if self.section_item(i, text):
                return i + 1
            self.flush_list()
            self.mode = "body"
            if block.kind == "heading":
                self.structural_level = level
            self.note(block, f"'{plain}': psc prints its own heading for the proceedings")
            return i + 1
        if _TASK_HEADING.match(plain) and self.action_points_in_item(i, text):
            return i + 1
        motions = i + 1 < len(self.blocks) and _MOTION_NEXT.match(self.blocks[i + 1].text)
        if (_TASK_HEADING.match(plain) and not motions) or _fold(plain) in self._section_b_words():
            self.flush_list()
            self.mode = "tasks"
            self.task_heading = block
            self.note(block, f"'{plain}': the tasks follow")
            return i + 1
        if _NEXT_HEADING.match(plain):
            self.flush_list()
            self.mode = "next"
            self.sections.append({"title": text, "content": []})
            self.container = self.sections[-1]["content"]
            self.note(block, f"'{plain}': the next meetings follow")
            return i + 1
        if self.mode == "tasks":
            self.mode = "body"
        item_level = self.item_level or (
            self.structural_level + 1 if self.structural_level is not None else None
        )
        if block.kind == "heading" and item_level is not None and level == item_level:
            self.start_item(block, {"title": text}, "item without a number")
            return i + 1
        if block.kind == "heading" and self.items and item_level is not None and level < item_level:
            self.flush_list()
            self.mode = "body"
            self.sections.append({"title": text, "content": []})
            self.container = self.sections[-1]["content"]
            self.note(block, "a section after the agenda items")
            return i + 1
        if block.kind == "heading" and not self.started() and opening.is_opening(plain):
            self.start_item(block, {"title": text}, f"'{plain}': the opening, an item of its own")
            return i + 1
        if self.mode == "head":
            self.mode = "body"
        self.add({"heading": text})
        self.note(block, "heading")
        return i + 1

    def per_rollam(self, i: int) -> int | None:
        """A vote by correspondence as psc writes it: the question, the period and the rule,
        each member's answer, the meeting that confirmed it. None when it is not complete
        (then its lines stay text)."""
        vote: dict[str, Any] = {}
        answers: list[dict[str, Any]] = []
        k = i + 1
        votes = self.phrases.roll_call_votes
        words = "|".join(re.escape(w) for w in sorted(votes, key=len, reverse=True))
        while k < len(self.blocks) and self.blocks[k].kind != "heading":
            plain = _plain(self.blocks[k].text)
            for labels in self.phrases.labels:
                question = re.match(
                    rf"^{re.escape(labels['per_rollam_question'])}\s*:\s*(.+)$", plain, re.S
                )
                period = re.match(
                    pattern(labels["per_rollam_period"])
                    + rf"(?:\s+{re.escape(labels['per_rollam_rule'])}\s*:\s*(?P<rule>.+))?$",
                    plain,
                    re.S,
                )
                confirmed = re.fullmatch(pattern(labels["per_rollam_confirmed"]), plain)
                if question and "question" not in vote:
                    vote["question"] = question.group(1).strip()
                    break
                if period:
                    opened = dates.find_date(period["opened"])
                    deadline = dates.find_date(period["deadline"])
                    if opened is None or deadline is None:
                        return None
                    vote["opened"], vote["deadline"] = opened[0], deadline[0]
                    if period["rule"]:
                        vote["rule"] = period["rule"].strip()
                    break
                if confirmed:
                    found = dates.find_date(confirmed["meeting"])
                    vote["confirmed_at"] = found[0].isoformat() if found else confirmed["meeting"]
                    break
                if re.fullmatch(rf"{re.escape(labels['per_rollam_votes'])}\s*:?", plain):
                    break
            else:
                answer = re.fullmatch(
                    rf"(?P<name>[^:]+?):\s*(?P<vote>{words})(?:\s*\((?P<date>[^()]+)\))?",
                    plain,
                    re.I,
                )
                if answer is None:
                    return None
                entry: dict[str, Any] = {
                    "name": answer["name"].strip(),
                    "vote": votes[answer["vote"].casefold()],
                }
                if entry["vote"] not in ("for", "against", "abstained", "no_answer"):
                    return None
                if answer["date"]:
                    found = dates.find_date(answer["date"])
                    if found is None:
                        return None
                    entry["date"] = found[0]
                answers.append(entry)
            k += 1
        if not {"question", "opened", "deadline"} <= set(vote):
            return None
        if answers:
            vote["votes"] = answers
        order = ("question", "opened", "deadline", "rule", "votes", "confirmed_at")
        self.m["per_rollam"] = {key: vote[key] for key in order if key in vote}
        self.note(self.blocks[i], f"vote by correspondence ({len(answers)} answers)")
        return k

    def programme_line(self, i: int) -> bool:
        """'Program zasedání' on a line of its own (no colon, no heading) with the numbered
        points under it: the programme follows."""
        block = self.blocks[i]
        text = _plain(block.text)
        if block.kind != "paragraph" or self.started() or self.programme or self.in_programme:
            return False
        if not programme.is_label(text) or not programme.points_after(self.blocks, i + 1):
            return False
        if labelleditems.heads_items(self.blocks, i + 1):  # the items' points, not a programme
            return False
        ownlabels.keep(self.m, self.group, "programme", text)
        self.in_programme = True
        self.note(block, f"'{text}': the programme follows")
        return True

    def programme_table(self, i: int) -> int | None:
        """A programme given as a table with a presenter column ('Bod programu Předkladatel'
        over '1 Zahájení, … V. Novotný', …): the head stays as a heading, the rows are the
        programme (at the top of the minutes, the meeting's; inside an item, the item's)."""
        found = programme.table(self.blocks, i)
        if found is None:
            return None
        entries, end, skipped = found
        block = self.blocks[i]
        if not any("|" in self.blocks[k].text for k in range(i, end)):  # the table's text
            self.m.setdefault("labels", {}).setdefault("programme_entry", programme.TABLE_ROW)
        for k in skipped:
            self.note(self.blocks[k], f"'{self.blocks[k].text.strip()}': a page number: left out")
        if not self.started() and not self.programme:
            self.programme.extend(entries)
            self.note(block, f"'{block.text.strip()}': a programme table ({len(entries)} rows)")
            return end
        self.add({"heading": block.text.strip()})
        self.add({"programme": entries})
        self.note(block, f"'{block.text.strip()}': a programme table ({len(entries)} rows)")
        return end

    def _programme_restarts(self, block: Block) -> bool:
        """A point numbered again from the start ('1. Zahájení' after '3. Různé') is the
        first item, not a fourth point of the programme."""
        numbered = _NUMBERED.match(_raw(block)) if block.kind == "paragraph" else None
        number = (
            block.number if block.kind == "item" else (numbered["number"] if numbered else None)
        )
        return bool(
            self.programme
            and number
            and number.isdigit()
            and int(number) != len(self.programme) + 1
        )

    def _structural_line(self, block: Block) -> bool:
        """'B Úkoly', 'Průběh jednání', 'Termíny dalších jednání' as a short plain line (as a
        text export writes a heading)."""
        plain = _plain(block.text).rstrip(":").strip()
        if block.kind != "paragraph" or len(plain.split()) > 5:
            return False
        folded = _fold(plain)
        return bool(
            _TASK_HEADING.match(plain)
            or _STRUCTURAL.match(plain)
            or _NEXT_HEADING.fullmatch(plain)
            or folded in self._section_a_words()
            or folded in self._section_b_words()
        )

    def _section_a_words(self) -> set[str]:
        return {_fold(w) for w in self.phrases.words("section_a")}

    def _section_b_words(self) -> set[str]:
        return {_fold(w) for w in self.phrases.words("section_b")}

    def date_line(self, block: Block, plain: str) -> None:
        """A bold line or heading of the header that is a date and nothing else ('Mittwoch,
        17. Oktober 2018' under an .odt's title): the meeting's date, when none is known yet.
        The line stays where it is (psc words its dates in Czech or English only)."""
        if "date" in self.m or "title" not in self.m or self.started():
            return
        found = dates.find_period(plain)
        if found is None or found.start > 0 or plain[found.end :].strip(" .,"):
            return
        self.m["date"] = found.first
        self.note(block, f"date {found.first.isoformat()} from a line of its own (it stays)")

    def date_from_text(self, block: Block, text: str) -> None:
        """'Zápis … konaného dne 16. června 2026 od 18.00 hodin': the date, and the start
        time written after it."""
        plain = _plain(text)
        found = dates.find_period(plain)
        year = None if found else points.header_year(self.blocks, block)  # 'April 2008' above
        if year is not None:
            found = dates.find_period(plain, year=year)
        if found is None:
            return
        self.m["date"] = found.first
        given = f" (its year {year} from the line above)" if year is not None else ""
        self.note(block, f"date {found.first.isoformat()} from the title{given}")
        if dates.slashed_both_ways(plain[found.start : found.end]):  # '5/4/23'
            self.note(block, "the date's numbers read day first, then month (UK usage)")
        if found.last != found.first:
            self.note(block, f"the meeting lasts to {found.last.isoformat()}: the title keeps it")
        start, _ = dates.find_times(plain[found.end :])
        if start is not None and "start" not in self.m:
            self.m["start"] = start
            self.note(block, f"start {start:%H:%M} from the title")

    def item_start(self, block: Block, text: str | None = None) -> bool:
        """'Bod 1 – Title', 'Ad 1)', 'K bodu 2', '3. Title' (a short numbered line)."""
        if self.minute_item(block):
            return True
        text = _strip_marks(text if text is not None else block.text)
        plain = _plain(text)
        match = _ITEM.match(plain)
        if match:
            number = int(match["number"])
            title = match["title"].strip() or None
            written = match["label"].strip()
            if title and plain[match.end("label") : match.start("title")].strip() in (
                "-",
                "–",
                "—",
            ):
                written = plain[: match.start("title")].strip()  # 'Bod č. 2 - …': its dash kept
        else:
            numbered = _NUMBERED.match(plain) if block.kind != "item" else None
            if block.kind == "item" and block.ordered and block.number and block.number.isdigit():
                numbered = _NUMBERED.match(f"{block.number}. {plain}")
            if numbered is None and (bare := barenumber.number(plain, self.items)):
                bare_item = {"number": bare, "label": plain.strip()}  # '2)' over its text
                self.start_item(block, bare_item, f"item {bare} ('{plain.strip()}'), no title")
                return True
            if numbered is None:
                return False
            if subpoints.under_item(block, self.item_indent) and not barenumber.continues(
                self.blocks, block, self.item_indent or 0, self.items
            ):  # '  3) Diskuse' where the page indents the rest: the next item all the same
                return False
            if self.presenter_first_item(block, numbered):
                return True
            if not self.numbered_item(block, numbered):
                return self.point_of_programme(block, numbered)
            number = int(numbered["number"])
            title = numbered["title"].strip()
            written = block.marker or numbered.string[: numbered.start("title")].strip()
        if any(item.get("number") == number for item in self.items):
            return False
        self.opening_is_item_one(number)
        item: dict[str, Any] = {"number": number}
        restated = _RESTATED_NUMBER.search(title or "")
        if title and restated and int(restated["number"]) == number:
            title = title[: restated.start()].rstrip()  # psc numbers the item itself
            self.note(block, f"'{restated.group().strip()}' after the title: the item's number")
        listed = programme.title_of(self.listed_titles(), number)
        opening = None
        dashed = _titled_dash(title) if title and len(title.split()) > 14 else None
        if dashed is not None and not listed:  # '7. Grounds maintenance contract – It was …'
            title, opening = dashed
        short = _without_note(title) if title else None  # a closing note in brackets aside
        long_title = short is not None and (len(short.split()) > 20 or _more_than_a_sentence(short))
        if title and title.endswith(".") and number > 1 and self.numbered_paragraph(block, number):
            long_title = True  # '3. Ing. Smetana představil návrh programu VH.' after '2. …'
        if title and long_title and not (listed and programme.agrees(listed, title)):
            opening, title = text[len(text) - len(title) :] if text.endswith(title) else title, None
        run_in = match is None and gluednumber.glued(plain)  # '2.Volba …', '1.Šerif sdělil, …'
        if run_in and not title and opening:  # its text runs on: the first sentence its title
            title, opening = gluednumber.first_sentence(opening)
        written_title = title
        if not title and listed:  # 'K bodu 1) programu', 'Ad 2)': the programme names it
            title = listed.rstrip(".").strip()
        if title:
            item["title"] = title
        # the number as written, where the group's pattern would write it otherwise
        if not written_title or _fold(
            self.wording.label("item", number=number, title=title)
        ) != _fold(plain):
            item["label"] = written
        if run_in and title:
            item.update(label=written, run_in=True)  # the number run into its title as written
        self.start_item(
            block, item, f"item {number}" + (f" ('{written}')" if "label" in item else "")
        )
        if title and not written_title:
            item["number_only"] = True  # the minutes head it by its number alone
            self.note(block, f"item {number}: its title from the programme")
        if opening:  # 'K bodu 2: Zprávu … přednesl …': the label, then the text as a paragraph
            self.text_of_item(block, opening)
            self.fresh_item = False
        return True

    def closing_line(self, block: Block) -> bool:
        """'Jednání skončilo v 18:45.', 'The meeting closed at 9.15pm.': the close of the
        meeting after its last item, an item without a title of its own (not the last item's
        text), and the end time when no header gave it."""
        text = _plain(block.text)
        if block.kind != "paragraph" or not self.started() or not _CLOSING.match(text):
            return False
        _start, end = dates.find_times(text)
        end = end or _start
        if end is None:
            return False
        last = self.items[-1] if self.items else {}
        if last.get("number") is not None or last.get("title"):
            self.flush_list()
            self.items.append({"content": []})
            self.container = self.items[-1]["content"]
        self.add(block.text.strip())
        self.kept += 1
        if "end" not in self.m:
            self.m["end"] = end
        self.note(block, f"the close of the meeting: end {end:%H:%M} (the sentence stays)")
        return True

    def section_item(self, i: int, title: str, *, listed: bool = False) -> bool:
        """'Závěry a usnesení:' (its resolutions below), 'Průběh jednání:' with the chair's
        opening under it: a part of the minutes before their first numbered item is an item
        of its own, titled as written, without a number. (A heading right before item 1, as
        'Průběh zasedání' / '1. ASF schválil …', is no item: psc prints its own.)"""
        if any(isinstance(item.get("number"), int) for item in self.items):
            return False
        nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        if nxt is None or self.in_programme:
            return False
        follows = _ITEM.match(_plain(nxt.text)) or programme.point(nxt) is not None
        if not listed and (nxt.kind != "paragraph" or nxt.bold or follows):
            return False
        self.start_item(self.blocks[i], {"title": title}, f"'{title}': an item without a number")
        return True

    def opening_is_item_one(self, number: int) -> None:
        """'K bodu 2:' first: the text before it, untitled, is item 1 (the opening the
        minutes give no heading), titled by the programme when it lists item 1."""
        if number != 2 or any(isinstance(item.get("number"), int) for item in self.items):
            return
        listed = programme.title_of(self.listed_titles(), 1)
        lead = [item for item in self.items if item.get("content")]
        if listed is None or len(lead) != 1 or set(lead[0]) != {"content"}:
            return
        lead[0]["number"] = 1
        lead[0]["title"] = listed.rstrip(".").strip()
        self.note("before item 2", "the text before item 2 → item 1, titled by the programme")

    def listed_titles(self) -> list[str]:
        """The programme's titles: the programme section, else a programme listed inside the
        text (the first resolution adopting it)."""
        if self.programme:
            return [str(entry["title"]) for entry in self.programme]
        return self.known_titles

    def minute_item(self, block: Block) -> bool:
        """'23/166 Declarations of Interest' after '23/165 Receive /accept apologies …': a
        body numbering its minutes; each heading an item, numbered in order, its minute
        number kept as the label."""
        index = next((k for k, b in enumerate(self.blocks) if b is block), None)
        if index is None or index not in self.minutes:
            return False
        minute, title = self.minutes[index]
        numbers = [item["number"] for item in self.items if isinstance(item.get("number"), int)]
        number = numbers[-1] + 1 if numbers else 1
        item = {"number": number, "label": minute, "title": title}
        self.start_item(block, item, f"item {number} (minute '{minute}')")
        return True

    def presenter_first_item(self, block: Block, numbered: re.Match[str]) -> bool:
        """'1. prof. MUDr. P. Strejc, DrSc. - Kontrola zápisu ze 6. 3. 2017' after a
        programme of the same lines: item 1, titled as the programme, presented by him."""
        first = programme.presenter_first(numbered["title"])
        number = int(numbered["number"])
        listed = programme.title_of(self.listed_titles(), number)
        if first is None or listed is None or not programme.agrees(listed, first[0]):
            return False
        if any(item.get("number") == number for item in self.items):
            return False
        item: dict[str, Any] = {"number": number, "title": first[0], "presenters": [first[1]]}
        item["label"] = block.marker or numbered.string[: numbered.start("title")].strip()
        self.start_item(block, item, f"item {number}, its presenter first")
        return True

    def prose_point(self, block: Block) -> bool:
        """A numbered point of prose (`points.prose`) numbered as the next item: an item of
        that number without a title (unless a programme names it: `point_of_programme`), its
        text read next as the paragraph it is."""
        point = self.prose_points.get(id(block))
        if point is None or point[0] is not block or self.mode in ("tasks", "next", "footer"):
            return False
        _block, number, marker, text = point
        numbers = [item["number"] for item in self.items if isinstance(item.get("number"), int)]
        if number != (numbers[-1] + 1 if numbers else 1):
            return False
        if programme.title_of(self.listed_titles(), number) is not None:
            return False
        item: dict[str, Any] = {"number": number, "label": marker.strip()}
        if gluednumber.glued(_plain(block.text)):  # '1.Šerif sdělil, …': as written
            title, text = gluednumber.first_sentence(text)
            item.update(title=title, run_in=True)
        self.start_item(block, item, f"item {number} ('{marker.strip()}'): a point of prose")
        if text:
            self.requeue = Block("paragraph", text, block.where)
        return True

    def point_of_programme(self, block: Block, numbered: re.Match[str]) -> bool:
        """'1. ASF schválil náhradníky (20/0/0).', '2. ŠR projednala každý dopis …': after a
        programme, a point numbered as the next item is that item (titled by the programme),
        its text the item's first paragraph, read as any paragraph is (a resolution, a
        statement)."""
        number = int(numbered["number"])
        title = programme.title_of(self.listed_titles(), number)
        if title is None or self.in_programme or self.mode in ("tasks", "next", "footer"):
            return False
        numbers = [item["number"] for item in self.items if isinstance(item.get("number"), int)]
        if number != (numbers[-1] + 1 if numbers else 1):
            return False
        if announced.a_list_follows(self.content()):  # '… výčet akcí:' over its own list
            return False
        item: dict[str, Any] = {"number": number, "title": title.rstrip(".").strip()}
        item["label"] = block.marker or numbered.string[: numbered.start("title")].strip()
        item["number_only"] = True  # the minutes head it by its number alone
        self.start_item(block, item, f"item {number}: numbered as the programme, titled by it")
        self.requeue = Block("paragraph", numbered["title"].strip(), block.where)
        return True

    def text_of_item(self, block: Block, text: str) -> None:
        """Text that came on an item's label line ('K bodu 2: Zprávu … přednesl …'): read
        next as the paragraph it is (a decision told in it is one)."""
        self.requeue = Block("paragraph", text, block.where)

    def start_item(self, block: Block, item: dict[str, Any], what: str) -> None:
        self.flush_list()
        item["content"] = []
        self.items.append(item)
        self.container = item["content"]
        self.fresh_item = True
        # a numbered item's indent: a numbered line indented deeper is a point of it
        self.item_indent = block.indent if item.get("number") is not None else None
        if self.mode in ("head", "tasks", "next"):
            self.mode = "body"
        if block.kind == "heading" and self.item_level is None:
            self.item_level = block.level
        self.note(block, what)

    def numbered_item(self, block: Block, match: re.Match[str]) -> bool:
        """Is a numbered line an agenda item (not a point of a list)?"""
        number = int(match["number"])
        title = match["title"].strip()
        if actionlist.is_action(self, block):
            return False
        if block.kind == "heading":  # at the level of the items (or the first of them)
            level = self.item_level or (
                self.structural_level + 1 if self.structural_level is not None else None
            )
            return level in (None, block.level)
        if self.programme:
            if number > len(self.programme):
                return False
            wanted = _fold(_plain(self.programme[number - 1]["title"]))[:25]
            return _fold(title)[: len(wanted)] == wanted or _fold(title).startswith(wanted[:12])
        if block.bold or (number > 1 and self.numbered_paragraph(block, number)):
            return True
        numbers = [item["number"] for item in self.items if item.get("number")]
        expected = (numbers[-1] + 1) if numbers else 1
        if number != expected:
            return False
        title = _without_note(title)  # a note in brackets closing it: part of the title
        if len(title) <= 100 and len(title.split()) <= 14:
            return True
        if len(title) <= 140 and len(title.split()) <= 20 and not re.search(r"[.!?;:]", title):
            return True  # '8. Open Session for members of the public to raise any matters …'
        return _titled_dash(title) is not None or self.numbered_paragraph(block, number)

    def numbered_paragraph(self, block: Block, number: int) -> bool:
        """Minutes written as numbered paragraphs of prose, without titles ('1. Jednání řádné
        valné hromady … bylo zahájeno ve 13:00 hodin. …', '2. Ing. Václav Smetana následně
        seznámil přítomné …'): each paragraph in sequence an item without a title, when the
        first one opens the body (no line before it announces a list: 'Usnesení:') or the
        item before it is one such."""
        if block.kind == "heading":
            return False
        numbered = [item for item in self.items if item.get("number") is not None]
        if numbered:
            return "title" not in numbered[-1] and numbered[-1]["number"] == number - 1
        content = self.items[-1]["content"] if self.items else []
        last = content[-1] if content else None
        return number == 1 and not (isinstance(last, str) and last.rstrip().endswith(":"))

    def head_line(self, block: Block) -> bool:
        """Before the first item: the title ('Zápis ze 6. jednání školské rady'), a line
        with the date ('Pardubice, 20. července 2015'), a page number."""
        if self.mode != "head" or self.started():
            return False
        raw = _raw(block)
        plain = _plain(raw)
        if re.fullmatch(r"\d{1,3}", plain):
            self.note(block, "a page number: left out")
            return True
        if "title" in self.m and self.quorum(block.where, raw):
            return True
        if "title" not in self.m and block.kind == "paragraph" and len(plain) <= 250:
            self.m["title"] = _strip_marks(raw)
            self.number_from(plain)
            self.note(block, "title")
            if "date" not in self.m:
                self.date_from_text(block, plain)
            return True
        period = dates.find_period(plain) if "date" not in self.m and len(plain) <= 80 else None
        if period is not None:
            before = plain[: period.start].strip(" ,;")
            lead_in = dates.DATE_LEAD_IN.fullmatch(before)
            self.when(block.where, lead_in.group(0) if lead_in else "", plain[period.start :])
            before = "" if lead_in else before
            place = not re.search(r"\d", before) and not _MINUTES_WORDS.search(before)
            if before and "place" not in self.m and place:  # 'Zápis ze schůze … ze dne': no place
                self.m["place"] = before
                self.note(block, "place")
            elif before or german.dated_in_german(plain):  # 'Mittwoch, 17. Oktober 2018'
                self.text_kept(Block("paragraph", raw, block.where), "kept as text, too")
            return True
        return False

    def paragraph(self, block: Block) -> None:
        if self.head_line(block):
            return
        if self.mode == "head":
            self.mode = "body"
            self.times_from_opening(block)
        text = block.text.strip()
        if self.mode == "body" and self.programme and not self.in_programme:
            restated.begin_item(self, block, text)  # 'Ve zprávě o činnosti MS zmínil …'
        if self.mode == "body" and "date" not in self.m and not self.started():
            if not points.after_a_point(self.blocks, block):  # an item's text has no say
                self.date_from_text(block, text)
        by = bodies.mentions(self._opening(text), self.registry)
        if not by:
            lead = bodies.leading_abbreviation(_plain(text), self.registry)
            by = [lead] if lead else []
        if not by:
            by = self.unknown_body(block, text)
        if by:
            self.add({"by": by if len(by) > 1 else by[0], "text": text})
            self.note(block, "statement by " + ", ".join(by))
            return
        if self.person_statements(block, text):
            return
        if self.mode == "body" and not self.english:  # 'Navrhla, aby …' after a statement
            said = continued.statement(self.content(), text)
            if said is not None:
                self.add(said)
                who = said.get("person") or said["role"]
                self.note(block, f"speaker '{who}' continues → statement")
                return
        self.add(text)
        self.kept += 1

    def attendee_names(self) -> list[str]:
        """The names of the attendance read so far and of the group's members."""
        attendees = self.m.get("attendees", {})
        names: list[Any] = [m.name for m in self.group.members]
        for kind in ("present", "excused", "absent", "guests"):
            names += attendees.get(kind, [])
        for category in attendees.get("categories", []):
            names += category.get("people", [])
        return [n if isinstance(n, str) else str(n.get("name", "")) for n in names]

    def person_statements(self, block: Block, text: str) -> bool:
        """'Baláž – Problém …', 'Cllr Smith: …' (the paragraph, a statement), or sentences
        with a speaker and a verb of speaking ('P. Pisk doporučil …'), each a statement and
        the sentences around them text (statements.py)."""
        from psc.edits.intake import statements

        if self.mode not in ("body",):
            return False
        plain = _plain(text)
        known = self.attendee_names()
        said = statements.name_dash(
            plain, known, language=self.group.language
        ) or statements.name_colon(plain, known)
        if said is not None:
            self.add({"person": said.person, "text": text})
            self.note(block, f"speaker '{said.person}' → statement")
            return True
        parts = statements.statements_in(plain, known, self.speakers) if plain == text else None
        if parts is None:
            return False
        for part in parts:
            if isinstance(part, str):
                self.add(part)
                self.kept += 1
                continue
            statement: dict[str, Any] = {"person": part.person} if part.person else {}
            if part.role:
                statement["role"] = part.role
            if part.role and part.person:
                self.speakers.setdefault(part.role.split()[0].casefold(), part.person)
                self.speakers.setdefault(part.role.casefold(), part.person)
            statement["text"] = part.text
            self.add(statement)
            whole = " (the paragraph)" if len(parts) == 1 else " (its part of the paragraph)"
            who = part.person or f"{part.role}, by function"
            self.note(block, f"speaker '{who}' → statement{whole}")
        return True

    def _opening(self, text: str) -> str:
        """The first words of a paragraph, where the minutes name who speaks."""
        words = text.split()
        return " ".join(words[:12])

    def times_from_opening(self, block: Block) -> None:
        """'Jednání zahájeno v 19:15 hod.' before the first item: the start time."""
        plain = _plain(block.text)
        verbs = list(re.finditer(r"zahájen|zahájil|opened|began|started", plain, re.I))
        if "start" not in self.m and verbs:
            # 'scheduled for 9:00 … began at 9:14': the time after the verb is the start
            start, _ = dates.find_times(plain[verbs[-1].end() :])
            if start is None:
                start, _ = dates.find_times(plain)
            if start is not None:
                self.m["start"] = start
                self.note(
                    block, f"start {start:%H:%M} from the opening sentence (the sentence stays)"
                )

    def unknown_body(self, block: Block, text: str) -> list[str]:
        match = re.match(r"^\*\*([^*]{2,80}?)\*\*", text) or (
            re.match(r"^\S+(?:\s+\S+)?\s+\*\*([^*]{2,80}?)\*\*", text)
            if _LEAD_WORDS.match(text)
            else None
        )
        if not match:
            return []
        phrase = match.group(1).strip()
        if (
            phrase.endswith(":")
            or len(phrase.split()) > 8
            or not phrase[:1].isupper()
            or _ITEM.match(phrase)
            or _DECISION.match(phrase)
        ):
            return []
        if not self.add_organisations:
            self.note(
                block,
                f"'{phrase}' may be a body not in group.yaml: kept as a paragraph "
                "(--add-organisations registers it and makes this a statement)",
            )
            return []
        abbr = bodies.propose_abbreviation(phrase, set(self.registry))
        self.registry[abbr] = phrase
        self.added[abbr] = phrase
        self.note(block, f"registered '{phrase}' as {abbr} (check its name in group.yaml)")
        return [abbr]

    def list_item(self, block: Block) -> None:
        ordered = block.ordered
        text = block.text.strip()
        pending = self.pending_list
        if pending is not None and bool(pending.get("ordered")) != ordered:
            self.flush_list()
            pending = None
        if ordered:
            expected = len(pending["list"]) + 1 if pending else 1
            sequential = block.number == str(expected) and block.marker in (None, f"{expected}.")
            if not sequential:  # numbered as the minutes number it: keep the number as written
                if block.number:
                    text = f"{_marker(block)} {text}"
                self.flush_list()
                self.add(text)
                self.note(block, "numbered point kept as a paragraph with its number")
                return
        if pending is None:
            self.flush_list()
            self.pending_list = {"list": [], **({"ordered": True} if ordered else {})}
        assert self.pending_list is not None
        self.pending_list["list"].append(text)

    # ---------------------------------------------------------------- decisions

    def decision(self, i: int) -> int | None:
        """'Usnesení č. 15/2018' with its text (after the colon or in the next paragraphs)
        and its vote (in parentheses at the end, or on the next lines)."""
        block = self.blocks[i]
        text = _strip_marks(block.text.strip())
        plain = _plain(text)
        match = _is_decision(plain)
        if not match:
            return None
        number = match["number"]
        after = plain[len(match["label"]) :].lstrip()
        written = match["label"].strip() + (":" if after.startswith(":") else "")
        own = resolved.own_number(number or "", after, self.m.get("number"))
        if own is not None:  # 'Usnesení 67/2018 91/2018 …': meeting 67's resolution 91/2018
            number = own[0]
            written = plain[: len(plain) - len(own[1])].strip() if own[1] else plain.strip()
            self.note(block, f"'{written}': the meeting's resolutions, this one {number}")
        decision: dict[str, Any] = {}
        default = " ".join(p for p in (self.wording.labels["decision"], number or "") if p) + ":"
        if _fold(written) != _fold(default) or not number:
            decision["label"] = written
        if number:
            decision["number"] = number
        body_text = _after_label(text, written)
        used = 1
        if not body_text:
            lines: list[str] = []
            k = i + 1
            while k < len(self.blocks) and len(lines) < 30:
                nxt = self.blocks[k]
                nplain = _plain(nxt.text)
                if nxt.kind in ("heading", "row") or nxt.bold or _VOTE.match(nplain):
                    break
                if self._is_vote_count(nxt) or _is_decision(nplain) or self._looks_like_item(nxt):
                    break
                lines.append(self._as_markdown_line(nxt))
                k += 1
            if not lines:
                return None
            ends_in_vote = k < len(self.blocks) and (
                _VOTE.match(_plain(self.blocks[k].text)) or self._is_vote_count(self.blocks[k])
            )
            if not ends_in_vote:
                lines = lines[:1]
            body_text = "\n\n".join(self._joined(lines))
            used = 1 + len(lines)
        body_text = self.vote_record(body_text, decision)
        if self.proposal is not None:
            decision["proposal"] = self.proposal[1]
            self.proposal = None
        decision["decision"] = body_text
        used += self.votes(i + used, decision)
        self.outcome(decision)
        self.add(decision)
        self.last_decision = decision
        self.listed.append((written, decision))
        voted = " with its vote" if {"votes", "votes_text", "unanimous"} & set(decision) else ""
        self.note(block, f"resolution {number or ''}".strip() + voted)
        return i + used

    def decision_list(self, i: int) -> int | None:
        """'Závěry a usnesení:' and a numbered list: each point a resolution, numbered as
        written, with the outcome its words state ('Předsedou ekonomické komise AS byl zvolen
        …' adopted)."""
        block = self.blocks[i]
        label = _strip_marks(_plain(block.text))
        if block.kind != "paragraph" or not resolved.list_label(label):
            return None
        k = i + 1
        points: list[Block] = []
        while k < len(self.blocks):
            nxt = self.blocks[k]
            if nxt.kind == "item" and (nxt.ordered or points) and tasks.will_do(nxt.text):
                break  # '- předseda FV … předloží plán práce …': a task, read as one
            if nxt.kind == "item" and (nxt.ordered or _DECISION_LIST.match(label) is None):
                points.append(nxt)
            elif not (points and self.page_mark(nxt)):  # a page footer inside: left out
                break
            k += 1
        if not points:
            return None
        if not self.section_item(i, block.text.strip(), listed=True):
            self.add(block.text.strip())
        for point in points:
            decision: dict[str, Any] = {}
            if point.number:
                decision["label"] = _marker(point)
            decision["decision"] = self.vote_record(point.text.strip(), decision)
            self.outcome(decision)
            self.add(decision)
            self.last_decision = decision
            self.listed.append((label, decision))
        self.note(block, f"'{_plain(block.text).strip(' :')}': {len(points)} resolutions")
        return k

    def part_of_last(self, text: str, decision: dict[str, Any]) -> None:
        """'II. Zastupitelstvo obce vzalo na vědomí …' voted on its own after 'Usnesení
        č.2/7 / I. …': part II of resolution 2/7, numbered '2/7 II'."""
        part = re.match(r"^(?P<part>[IVX]{1,4})\.\s+(?P<rest>\S.*)$", text, re.S)
        last = self.last_decision
        if (
            part
            and last is not None
            and last.get("number")
            and re.match(r"^[IVX]{1,4}\.\s", str(last.get("decision", "")))
            and self.content()
            and last in self.content()
        ):
            decision["label"] = f"{part['part']}."
            decision["number"] = f"{last['number']} {part['part']}"
            decision["decision"] = part["rest"]
            return
        decision["decision"] = text

    def decided_sentence(self, i: int) -> int | None:
        """'2.2.1 It was agreed that with effect from the May 2008 meeting, …', 'It was
        RESOLVED …': a paragraph telling a decision made is a resolution, adopted (its minute
        number its label), with the vote that may follow."""
        block = self.blocks[i]
        if block.kind not in ("paragraph", "item") or block.bold or not self.started():
            return None
        text = block.text.strip()
        match = _DECIDED_SENTENCE.match(_plain(text))
        if not match or _plain(text) != text:
            return None
        decision: dict[str, Any] = {}
        label = match["label"] or (_marker(block) if block.kind == "item" and block.number else "")
        if label:
            decision["label"] = label
        decision["decision"] = self.vote_record(match["text"].strip(), decision)
        used = 1 + self.votes(i + 1, decision)
        decision.setdefault("outcome", "adopted")
        self.add(decision)
        self.last_decision = decision
        self.note(block, "decision told in a sentence → resolution, adopted")
        return i + used

    def told_decision(self, i: int) -> int | None:
        """'ASF schválil náhradníky (20/0/0).', 'Zastupitelstvo obce bere na vědomí rozpočtové
        opatření č. 3/2018.': the body's decision told in a sentence (told.py), with the vote
        in parentheses or on the lines after it."""
        from psc.edits.intake.told import told_decision

        block = self.blocks[i]
        text = block.text.strip()
        bullet = block.kind == "item" and not block.ordered and not block.bold
        if bullet and _plain(text) == text and told_decision(text) is None:
            return self.told_in_text(i)  # '• Do komise byli navrženi … Složení … schváleno …'
        if bullet and _plain(text) == text:  # '• Schůze předběžně (jednohlasně) schválila …'
            self.flush_list()
        lettered = block.kind == "item" and _LETTERED.match(block.marker or "")
        told_alone = block.kind == "paragraph" or lettered or bullet
        if not told_alone or block.bold or _plain(text) != text:
            return None
        decision = told_decision(text)
        if decision is None and block.kind == "paragraph":
            decision = resolved.consent(text)  # 'Výbor se zněním dopisu souhlasí.'
            decision = decision or bodyacts.discussed(text)  # 'Výbor projednal …, určil …'
        if decision is not None and lettered:  # 'b) OZ vzalo na vědomí zprávu auditorky'
            decision = {"label": block.marker, **decision}
        if decision is None:
            return self.told_in_text(i)
        used = 1 if "votes" in decision else 1 + self.votes(i + 1, decision)
        self.add(decision)
        self.last_decision = decision
        self.note(block, f"decision told in a sentence → resolution, {decision['outcome']}")
        return i + used

    def told_in_text(self, i: int) -> int | None:
        """'Ing. Smetana představil návrh programu VH. Navrhovaný program byl hlasováním
        schválen.': a sentence telling a result among others (told.py) is a resolution, the
        sentences before it a paragraph, those after it read again as a paragraph."""
        from psc.edits.intake.told import told_in_text

        block = self.blocks[i]
        found = told_in_text(block.text.strip())
        if found is None and block.kind == "paragraph":  # 'Výbor byl … . Zároveň schválil …'
            found = bodyacts.continued(block.text.strip())
        if found is None and block.kind == "item" and self.bullet_heads:
            found = told.first_told(block.text.strip())  # '• … bylo schváleno …. Zároveň byly …'
        if found is None:
            return None
        before, decision, after = found
        if block.kind == "item" and not before and self.bullet_heads:
            self.flush_list()  # minutes written as bullets under headings: the point is the result
        elif block.kind == "item":  # the point keeps its sentences before the result
            if not before:
                return None
            self.list_item(Block("item", before, block.where, indent=block.indent))
            self.flush_list()
        elif before:
            self.paragraph(Block("paragraph", before, block.where))
        self.add(decision)
        self.last_decision = decision
        self.note(block, f"a result told in a sentence → resolution, {decision['outcome']}")
        if not after and runprogramme.approves_a_list(self, i, decision):
            self.in_programme = True  # '… program … schválen dle předloženého návrhu:' / '1. …'
            self.add({"show": "programme"})  # printed under the sentence that approves it
        if after:
            self.requeue = Block("paragraph", after, block.where)
            return i
        return i + 1 + self.votes(i + 1, decision)

    def vote_alone(self, i: int) -> int | None:
        """A vote no resolution label comes before: 'Hlasování: jednomyslně schváleno (proti:
        0/ zdržel se: 0/pro: 23)' under 'Schválení programu', 'Schváleno :  3 pro' after the
        committee's finding. The paragraph just before it, kept as it is, is what was voted on
        ('ŠR podporuje zavedení školného …' / 'Hlasování: pro 5, zdržel se 1, proti 2.');
        with none, the decision is the vote's own words, labelled as written."""
        block = self.blocks[i]
        plain = _strip_marks(_plain(block.text))
        match = _VOTE.match(plain)
        if not (match or self._is_vote_count(block)) or not self.started():
            return None
        if not _VOTE_PART.search(plain):
            return None
        decision: dict[str, Any] = {}
        content = self.content()
        before = self.blocks[i - 1] if i else None
        if (
            self.pending_list is None
            and content
            and isinstance(content[-1], str)
            and before is not None
            and before.kind == "paragraph"
            and content[-1] == before.text.strip()
            and not _SAID_BY.match(before.text.strip())
        ):
            raised = counterproposal.take(content, decision)  # '- Návrh …' / 'Proti … protinávrh'
            if raised is None:
                self.part_of_last(content.pop(), decision)
            used = self.votes(i, decision)
            if raised is not None:
                counterproposal.worded(decision, raised)
        elif match:
            label = plain[: match.start("words")].strip()
            decision["label"] = label if label.endswith(":") else label + ":"
            said = match["words"].strip()
            text = self.vote_record(said, decision)
            if text == said:  # no counts in parentheses: the whole line is the vote
                self._vote_words(said, decision)
            elif re.search(r"jednomysl|unanim", text, re.I):
                decision["unanimous"] = True
            if stated_result(text):
                decision["outcome"] = stated_result(text)
            decision["decision"] = text
            used = 1
            result = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
            if (  # 'Hlasování: pro: (14) …, proti: (0), …' / 'Návrh byl přijat'
                "outcome" not in decision
                and result is not None
                and result.kind == "paragraph"
                and _RESULT_SENTENCE.match(_plain(result.text).strip())
            ):
                decision["outcome"] = stated_result(_plain(result.text))
                motions.worded(decision, [result.text])
                used = 2
        else:
            used = self.votes(i, decision)
            decision["decision"] = decision.pop("votes_text")
            decision["votes_text"] = decision["decision"]
        if not used:
            return None
        self.outcome(decision)
        self.add(decision)
        self.last_decision = decision
        said_label = plain[: match.start("words")].strip(" :") if match else ""
        named = f"'{said_label}' " if said_label else ""
        self.note(block, f"vote {named}with no resolution label → resolution with its vote")
        return i + used

    def vote_record(self, text: str, decision: dict[str, Any]) -> str:
        """'… schvaluje program. (jednomyslně, pro 6) – přijato': the vote in parentheses and
        the outcome at the end of a resolution, taken off its text."""
        outcomes = self.phrases.outcomes
        match = re.search(r"\s*\((?P<votes>[^()]*)\)(?:\s*[–-]\s*(?P<outcome>[^()]+?))?\s*$", text)
        outcome_only = re.search(r"\s+[–-]\s+(?P<outcome>[^()–-]+?)\s*$", text)
        if match and _VOTE_WORDS.search(match["votes"]):
            if match["outcome"] and match["outcome"].strip().casefold() not in outcomes:
                return text
            self._vote_words(match["votes"].strip(), decision)
            if match["outcome"]:
                decision["outcome"] = outcomes[match["outcome"].strip().casefold()]
            return text[: match.start()].rstrip()
        if outcome_only and outcome_only["outcome"].strip().casefold() in outcomes:
            decision["outcome"] = outcomes[outcome_only["outcome"].strip().casefold()]
            return text[: outcome_only.start()].rstrip()
        return text

    def outcome(self, decision: dict[str, Any]) -> None:
        """A resolution's outcome where the minutes state it: in the words of its vote
        ('jednomyslně schváleno'), else in its own text ('bere na vědomí', 'zvolilo'). Not
        guessed from a split count: the rule (of those voting, of all members, a qualified
        majority) is the body's; only a unanimous count is read as adopted, once the whole
        meeting is read (counted.py)."""
        if "outcome" in decision:
            return
        found = stated_result(decision.get("votes_text", "")) or stated_decision(
            decision.get("decision", "")
        )
        if found:
            decision["outcome"] = found

    def _vote_words(self, said: str, decision: dict[str, Any]) -> None:
        counts: dict[str, int] = {}
        triple = _VOTE_TRIPLE.search(said)
        if triple:
            for word, count in zip(
                triple["legend"].split(":"), (triple["a"], triple["b"], triple["c"]), strict=True
            ):
                word = word.strip().casefold()
                key = _VOTE_KEYS.get(word, "abstained" if re.match(r"zdrž|abst", word) else "")
                if key:
                    counts.setdefault(key, int(count))
        for part in _VOTE_PART.finditer(said):
            word = (part["word"] or part["word2"] or "pro").casefold()  # 'počtem 62 hlasů'
            count = int((part["count"] or part["count2"] or part["count3"]).replace(".", ""))
            key = _VOTE_KEYS.get(
                word, "abstained" if re.match(r"(?:se\s+)?zdrž|abst", word) else "not_voting"
            )  # '25 se zdrželo
            counts.setdefault(key, count)
        if counts:
            decision["votes"] = counts
        if re.search(r"jednomysl|unanim", said, re.I):
            decision["unanimous"] = True
        if said:
            decision["votes_text"] = said

    def proposal_line(self, i: int) -> int | None:
        """'Návrh usnesení: …' before its resolution (or alone: a proposal not adopted)."""
        block = self.blocks[i]
        words = self.phrases.alternatives("proposal")
        match = re.match(
            rf"^(?:\*\*)?(?:{words})(?:\*\*)?\s*:\s*(?:\*\*)?\s*", block.text.strip(), re.I
        )
        if not match or block.kind not in ("paragraph",):
            return None
        text = block.text.strip()[match.end() :].strip()
        if not text:
            return None
        nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        if nxt is not None and self._resolution_follows(i + 1):
            self.proposal = (block, text)
            self.note(block, f"'{_plain(match.group(0)).strip(' :')}' → proposed resolution")
            return i + 1
        decision: dict[str, Any] = {}
        decision["proposal"] = self.vote_record(text, decision)
        used = 1 + self.votes(i + 1, decision)
        self.outcome(decision)
        self.add(decision)
        self.last_decision = decision
        self.note(
            block,
            f"'{_plain(match.group(0)).strip(' :')}' → proposed resolution (no adopted text follows)",
        )
        return i + used

    def _resolution_follows(self, k: int) -> bool:
        """Does block `k` start a resolution that `decision` will take (it has a text)?"""
        block = self.blocks[k]
        match = _is_decision(_plain(block.text))
        if not match:
            return False
        written = match["label"].strip()
        if _after_label(_strip_marks(block.text.strip()), written).strip(": "):
            return True
        nxt = self.blocks[k + 1] if k + 1 < len(self.blocks) else None
        return (
            nxt is not None
            and nxt.kind in ("paragraph", "item")
            and not nxt.bold
            and not _VOTE.match(_plain(nxt.text))
            and not self._is_vote_count(nxt)
            and not _is_decision(_plain(nxt.text))
            and not self._looks_like_item(nxt)
        )

    def roll_call(self, block: Block) -> bool:
        """'Jmenovité hlasování: A: pro, B: zdržel se' after a resolution."""
        if (
            self.last_decision is None
            or not self.container
            or self.container[-1] is not self.last_decision
        ):
            return False
        words = self.phrases.alternatives("roll_call")
        match = re.match(rf"^(?:{words})\s*:\s*(.+)$", _plain(block.text), re.I | re.S)
        if not match:
            return False
        votes = self.phrases.roll_call_votes
        pattern = "|".join(re.escape(w) for w in sorted(votes, key=len, reverse=True))
        found = []
        for part in re.finditer(rf"([^:,]+?):\s*({pattern})(?=,|$)", match.group(1).strip(), re.I):
            found.append({"name": part.group(1).strip(), "vote": votes[part.group(2).casefold()]})
        if not found:
            return False
        self.last_decision["roll_call"] = found
        self.note(block, f"roll call ({len(found)})")
        return True

    def review(self, block: Block) -> bool:
        """'Úkol 2016-09-07/3 (text): splněno; nový termín 1. 12. 2016. Poznámka.': a review of
        an earlier meeting's task."""
        plain = block.text.strip()
        statuses = "|".join(
            re.escape(w) for w in sorted(self.phrases.statuses, key=len, reverse=True)
        )
        new = self.phrases.alternatives("new_deadline")
        for word in self.phrases.words("review"):
            head = pattern(word).replace(
                "(?P<id>.+?)", r"(?P<id>[A-Za-z0-9][A-Za-z0-9._/-]*[A-Za-z0-9])"
            )
            match = re.match(
                rf"^{head}(?:\s+\((?P<text>[^()]*(?:\([^()]*\)[^()]*)*)\))?"
                rf"(?::\s*(?P<status>{statuses}))?(?:;\s*(?:{new})\s+(?P<deadline>[^.]+?))?"
                rf"(?:\.\s*(?P<note>.*))?$",
                plain,
                re.I | re.S,
            )
            if not match or not (match["text"] or match["status"] or match["note"]):
                continue
            review: dict[str, Any] = {"task": match["id"]}
            if match["status"]:
                review["status"] = self.phrases.statuses[match["status"].casefold()]
            if match["deadline"]:
                year = self.m["date"].year if isinstance(self.m.get("date"), dt.date) else None
                deadline = dates.parse_deadline(match["deadline"], year=year)
                if deadline is None or deadline.kind == "words":
                    continue
                review["deadline"] = deadline.date if deadline.kind == "date" else str(deadline)
            if match["note"]:
                review["note"] = match["note"].strip()
            if match["text"]:
                review["text"] = match["text"].strip()
            self.add(review)
            self.note(block, f"review of task {match['id']}")
            return True
        return False

    def presenters(self, block: Block) -> bool:
        """'Předkládá: Ing. Pavel Straka (10 min.)' right under an item's heading."""
        if not self.fresh_item or not self.items:
            return False
        found = self._presented(_strip_marks(block.text.strip()), alone=True)
        if found is None:
            return False
        _rest, names, minutes = found
        item = self.items[-1]
        if names:
            item["presenters"] = names
        if minutes:
            item["duration"] = minutes
        self.note(block, "presenters of the item")
        return True

    def _presented(
        self, text: str, *, alone: bool = False
    ) -> tuple[str, list[str], int | None] | None:
        """'Title – Předkládá: A, B (15 min.)' → ('Title', ['A', 'B'], 15)."""
        words = self.phrases.alternatives("presenters", "presenters_plural")
        lead = "^" if alone else r"\s+[–-]\s+"
        match = re.search(
            rf"{lead}(?:(?:{words})\s*:\s*(?P<names>.+?))?\s*(?:\((?P<min>\d+)\s*min\.?\))?\s*$",
            text,
            re.I,
        )
        if not match or not (match["names"] or match["min"]):
            return None
        names = _split_people(match["names"]) if match["names"] else []
        return text[: match.start()].strip(), names, int(match["min"]) if match["min"] else None

    def _as_markdown_line(self, block: Block) -> str:
        if block.kind == "item":
            mark = _marker(block) if block.ordered and block.number else "-"
            return f"\x00{mark} {block.text.strip()}"
        return block.text.strip()

    @staticmethod
    def _joined(lines: list[str]) -> list[str]:
        """Consecutive list points as one Markdown list; paragraphs as they are."""
        out: list[str] = []
        for line in lines:
            if line.startswith("\x00"):
                if out and out[-1].startswith("\x00"):
                    out[-1] += "\n" + line[1:]
                    continue
                out.append("\x00" + line[1:])
            else:
                out.append(line)
        return [line.lstrip("\x00") for line in out]

    def _is_vote_count(self, block: Block) -> bool:
        return bool(
            re.match(
                r"^(?:pro|proti|zdržel\w*\s+se|schváleno|neschváleno)\s*:?\s*\d",
                _plain(block.text),
                re.I,
            )
        )

    def votes(self, k: int, decision: dict[str, Any]) -> int:
        """The vote after a resolution: 'Hlasování: pro 7, proti 0, zdržel se 1' or lines
        'Pro: 6' / 'Proti: 0' / 'Zdržel se: 1'. Returns how many blocks it took."""
        words: list[str] = []
        used = 0
        while k + used < len(self.blocks):
            block = self.blocks[k + used]
            plain = _strip_marks(_plain(block.text))
            match = _VOTE.match(plain)
            if match and not words:
                words.append(match["words"].strip())
                used += 1
                continue
            if self._is_vote_count(block) and len(plain) < 40:
                words.append(plain)
                used += 1
                continue
            if not words and _COUNTED_VOTE.match(plain):  # 'Z aktivních členů: 26 pro, 0 proti, …'
                words.append(plain)
                used += 1
                break
            if _VOTE_TRIPLE.match(plain) or (words and _RESULT_SENTENCE.match(plain)):
                words.append(plain)
                used += 1
                continue
            break
        if not words:
            return 0
        said = ", ".join(w for w in words if w)
        self._vote_words(said, decision)
        motions.worded(decision, [tables.as_written(b) for b in self.blocks[k : k + used]])
        return used

    # ---------------------------------------------------------------- tasks

    def task(self, i: int) -> int:
        block = self.blocks[i]
        task = self.parse_task(block)
        if task is None:
            if not tasks.in_section(self, block):
                self.task_as_text(block)
            return i + 1
        self.tasks.append(task)
        self.note(block, f"task {len(self.tasks)}, deadline {task['_kind'].replace('_', ' ')}")
        return i + 1

    def action_points_in_item(self, i: int, text: str) -> bool:
        """'Matters arising:' / 'Action points:' / '2.2.1 It was agreed …' inside item 2: a
        line of text (no heading) labelling what follows in the item, when no task written
        as psc writes it ('– T: …') follows; it stays the item's heading, and the item goes
        on (en-m25-steering-group-2008-03)."""
        block = self.blocks[i]
        if block.kind != "paragraph" or not self.started() or self.container is None:
            return False
        nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        if nxt is None or self.parse_task(nxt) is not None:
            return False
        if self.container is not self.items[-1].get("content"):
            return False
        self.add({"heading": text})
        self.note(block, f"'{_plain(text)}': a heading inside the item (no tasks with T: follow)")
        return True

    def task_in_place(self, i: int) -> bool:
        """A task given inside an item ('- Podat žádost – T: 30. 4. 2025, starosta'): a task
        of the meeting, shown where it was assigned."""
        block = self.blocks[i]
        if not re.search(r"[–—-]\s*(?:T|Termín|Deadline|Due)\s*:", block.text):
            return False
        task = self.parse_task(block)
        if task is None:
            return False
        self.tasks.append(task)
        self.add({"assigned": len(self.tasks)})  # the task's ordinal: its ID once dated
        self.note(
            block,
            f"task {len(self.tasks)} (assigned in this item), deadline {task['_kind'].replace('_', ' ')}",
        )
        return True

    def parse_task(self, block: Block) -> dict[str, Any] | None:
        """'Text – T: 1. 11. 2016 (posílat na x@y), MMR [splněno 3. 10. 2016]'."""
        text = block.text.strip()
        task: dict[str, Any] = {}
        status = re.search(r"\s*\[(?P<words>[^\[\]]+)\]\s*$", text)
        if status:
            words = status["words"].strip()
            for word, key in sorted(self.phrases.statuses.items(), key=lambda kv: -len(kv[0])):
                if words.casefold().startswith(word):
                    rest = words[len(word) :].strip()
                    note = None
                    if ":" in rest:
                        rest, note = (part.strip() for part in rest.split(":", 1))
                    found = dates.find_date(rest) if rest else None
                    if rest and (found is None or rest[found[2] :].strip()):
                        break
                    task["status"] = key
                    if found is not None:
                        task["status_date"] = found[0]
                    if note:
                        task["status_note"] = note
                    text = text[: status.start()].rstrip()
                    break
        parts = list(_DEADLINE.finditer(text))
        if not parts:
            return None
        cut = parts[-1]
        what = text[: cut.start()].rstrip(" –—-")
        rest = text[cut.end() :].strip()
        task["text"] = what
        contact = _CONTACT.search(rest)
        if contact:
            task["contact"] = contact["mail"]
            rest = (rest[: contact.start()] + rest[contact.end() :]).strip()
        due_words, who = self._split_responsible(rest)
        year = self.m["date"].year if isinstance(self.m.get("date"), dt.date) else None
        deadline = dates.parse_deadline(due_words, year=year) if due_words else None
        if deadline is None or not what:
            return None
        task["_kind"] = deadline.kind
        if deadline.kind == "words":
            task["deadline_text"] = due_words
        else:
            task["deadline"] = deadline.date if deadline.kind == "date" else str(deadline)
            task["_words"] = due_words
        if who:
            known = self._responsible(who)
            if known:
                task["responsible"] = known if len(known) > 1 else known[0]
            if not known or _fold(_plain(who)).rstrip(".") != _fold(", ".join(known)):
                task["responsible_text"] = who
        return task

    def task_as_text(self, block: Block) -> None:
        """A line of the task section that is no task (no deadline): kept in a section."""
        if not self.sections or self.sections[-1].get("_tasks") is not True:
            title = _plain(self.task_heading.text) if self.task_heading else "Úkoly"
            self.sections.append({"title": title, "content": [], "_tasks": True})
            self.container = self.sections[-1]["content"]
        self.container = self.sections[-1]["content"]
        if block.kind == "item":
            self.list_item(block)
        else:
            self.add(block.text.strip())
        self.kept += 1
        self.note(block, "in the task section without a deadline (T: …): kept as text")

    def _split_responsible(self, rest: str) -> tuple[str, str]:
        """'do další PS (15. 11. 2016), zpracuje MMR.' → deadline words, responsible words."""
        depth = 0
        for k, ch in enumerate(rest):
            depth += ch == "("
            depth -= ch == ")"
            if ch == "," and depth == 0:
                head = rest[:k].strip()
                if dates.find_date(head) is not None or dates.parse_deadline(head) is not None:
                    tail = rest[k + 1 :].strip()
                    if dates.find_date(tail) is None:
                        return head, tail
        return rest.strip(), ""

    def _responsible(self, words: str) -> list[str]:
        found = []
        plain = _plain(words)
        for abbr in sorted(self.registry, key=len, reverse=True):
            if re.search(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", plain) and abbr not in found:
                found.append(abbr)
        for member in self.group.members:
            if member.name in plain and member.name not in found:
                found.append(member.name)
        return sorted(found, key=lambda w: plain.find(w))

    # ---------------------------------------------------------------- next meetings

    def next_meeting(self, block: Block) -> bool:
        plain = _plain(block.text)
        year_match = re.search(r"\b(?:v roce|roku|in)\s+(\d{4})\b", plain)
        year = int(year_match.group(1)) if year_match else None
        found = dates.find_dates(plain, year=year)
        meeting_date = self.m.get("date")
        if not found or (
            isinstance(meeting_date, dt.date) and any(d <= meeting_date for d, _, _ in found)
        ):
            return False
        if not _only_dates(plain, found):
            return False  # a sentence that names a date ('podklady zašle MMR do 1. 11.')
        tentative = bool(re.search(r"předběžn|tentativ|provisional|orientačn", plain, re.I))
        added = []
        for day, _start, end in found:
            entry: dict[str, Any] = {"date": day}
            after = plain[end:]
            note = re.match(r"\s*\(([^)]*)\)", after)
            if note and not tentative:
                entry["note"] = note.group(1).strip()
                start, _ = dates.find_times(note.group(1))
                if start is not None:
                    entry["time"] = start
            elif not tentative:
                start, _ = dates.find_times(after[:25])
                if start is not None:
                    entry["time"] = start
            if tentative:
                entry["tentative"] = True
            self.next_meetings.append(entry)
            added.append(day.isoformat())
        label = re.match(r"^([^:\d]{3,60}):", plain)
        said = f"'{label.group(1).strip()}' → " if label else ""
        stays = points.date_words_lost(plain, found, self.wording.short_date)
        if stays:  # 'Wednesday 12th October 2011', printed '12 Oct 2011': the line stays too
            if block.kind == "item" and not block.ordered:  # a bullet: in its list
                self.list_item(block)
            else:
                self.add(block.text.strip())
            self.kept += 1
        self.note(
            block,
            said
            + "next meetings "
            + ", ".join(added)
            + (" (tentative)" if tentative else "")
            + (" (the line stays: psc prints the date otherwise)" if stays else ""),
        )
        return True

    def roles_in(self, block: Block) -> None:
        """Roles designated in a sentence ('Zapisovatelem byl určen František Štross, …'):
        kept aside, they become the meeting's chair, minute-taker and verifiers where no
        header line names them (finish). The sentence stays where it is."""
        from psc.edits.intake.roles import designated

        if block.kind in ("paragraph", "item"):
            self.designations += [(block, d) for d in designated(_plain(block.text))]
            self.commissions(block)

    def roles_elected(self, i: int) -> bool:
        """'Ověřovatelé: A, B', 'Zapisovatel: C' among the lines electing the commissions
        inside an item: the verifiers or minute-taker of these minutes (no footer); the line
        stays the item's text."""
        if self.elected is None:
            texts = [_plain(b.text) for b in self.blocks]
            self.elected = commissions.elected_among_roles(texts)
        if i not in self.elected:
            return False
        role, names = self.elected[i]
        if role not in self.m:
            self.m[role] = names if role == "verifiers" else names[0]
            what = role.replace("_", " ")
            self.note(self.blocks[i], f"{what} elected in the item (the line stays)")
        self.paragraph(self.blocks[i])
        return True

    def commissions(self, block: Block) -> None:
        """'Návrhová komise: A a B', 'Skrutátoři: …': the meeting's other roles; 'Jednání
        řídil předseda výboru.': the chair by function (commissions.py). The line stays."""
        text = _plain(block.text)
        for role in commissions.designated(text):
            self.m.setdefault("roles", []).append(role)
            what = role.get("kind", "a role under its label")
            self.note(block, f"'{role['label']}' → {what} ({len(role['people'])})")
        function = commissions.chair_function(text)
        if function and "chair_function" not in self.m:
            self.m["chair_function"] = function
            self.designations = [  # the words after the function name no chair
                (b, d) for b, d in self.designations if not (b is block and d[0] == "chair")
            ]
            self.note(block, f"'{function}' → the chair, named by function (the line stays)")

    def designated_roles(self) -> None:
        """The roles the sentences designated, for the roles no header line named; a role
        elected on a proposal the minutes record as adopted first (roles.elected)."""
        named = {role for role in ("chair", "minute_taker", "verifiers") if role in self.m}
        texts = [b for b in self.blocks if b.kind in ("paragraph", "item")]
        elected = roles.elected([_plain(b.text) for b in texts])
        self.designations[:0] = [(texts[k], d) for k, d in elected]
        for block, (role, name, gender) in self.designations:
            if role in named or (role != "verifiers" and role in self.m):
                continue  # a header line names it, or an earlier sentence did
            person: dict[str, Any] | str = {"name": name, "gender": gender} if gender else name
            if role == "verifiers":
                self.m.setdefault("verifiers", []).append(person)
            else:
                self.m[role] = person
            self.told_roles.add(role)
            self.note(block, f"'{name}' → {role.replace('_', ' ')} (the sentence stays)")
        if "chair" not in self.m:
            self.chair_from_attendance()

    def chair_from_attendance(self) -> None:
        """'Present: Nick Bevan (Chair), …': the person marked chair chairs the meeting (the
        attendance keeps the mark)."""
        attendees = self.m.get("attendees", {})
        people = list(attendees.get("present", []))
        for category in attendees.get("categories", []):
            people += category.get("people", [])
        for person in people:
            marked = _CHAIR_MARK.fullmatch(person) if isinstance(person, str) else None
            if marked:
                self.m["chair"] = marked["name"]
                self.note("attendance", f"'{person}' → chair (the attendance keeps it)")
                return

    # ---------------------------------------------------------------- footer

    def footer(self, block: Block) -> bool:
        """'Zapsala: Jana Korytářová (MMR), 27. 9. 2016, schválil: František Kubeš (MMR),
        3. 10. 2016', 'Ověřovatelé: A, 24. 3. 2025, B, 24. 3. 2025'; before the first item
        the same words name the minute-taker and verifiers (header lines)."""
        if block.kind not in ("paragraph", "item"):
            return False
        text = _strip_marks(_plain(block.text))
        first = _FOOTER.match(text)
        if not first:
            return False
        if not self.started() and _verb(first).startswith(
            ("ověřovatel", "verifiers", "zapisovatel")
        ):
            return False  # 'Zapisovatel: …', 'Ověřovatelé: …' in the header: labels of roles
        found = list(_FOOTER.finditer(text))
        if self.minute_taker_label(block, text, found):
            return True
        people: list[tuple[str, list[dict[str, Any]]]] = []
        for k, found_verb in enumerate(found):
            end = found[k + 1].start() if k + 1 < len(found) else len(text)
            value = text[found_verb.end() : end].strip(" ,;")
            signers = self.signers(value, _verb(found_verb))
            if not signers:
                return False
            people.append((_verb(found_verb), signers))
        for verb, signers in people:
            if verb.startswith(("zaps", "zapis", "vyprac", "seps", "recorded", "minutes")):
                self.m["recorded_by"] = signers[0]
                if len(people) == 1:  # the line as written: 'Zapsal : Tomáš Marek'
                    verb_written = found[0]["verb"] or found[0]["verb_en"]
                    if verb.startswith("seps"):  # 'Sepsala:': psc prints its own 'Zapsala:'
                        verb_written = "Zapsal" + verb.removeprefix("sepsal")
                    ownlabels.signature(signers[0], verb_written, text, self.group)
            elif verb.startswith(("schvál", "approved")):
                self.m["approved_by"] = signers[0]
            else:
                self.m.setdefault("verified_by", []).extend(signers)
                if len(signers) > 1:  # 'Ověřili: J. Nouza, J. Kolín': their word as written
                    written = next(f for f in found if _verb(f) == verb)
                    label = written["verb"] or written["verb_en"]
                    ownlabels.keep(self.m, self.group, "verified_by_plural", label)
        self.flush_list()
        self.footer_seen = True
        shownroles.signatures_read(self)  # shown here where text follows them
        self.note(block, "footer → " + ", ".join(v for v, _ in people))
        for verb, _ in people:
            if verb.casefold() == "ověřili":  # the plural, printed as the verifiers' label
                self.note(block, f"'{verb}' → verified_by, shown under the verifiers' label")
        return True

    def recorded_on(self, i: int) -> int | None:
        """'Zapsala dne 27.5.2011 Iveta Plachá', 'Zapsal dne 6.12.2006' over the name
        (recorder.py): who recorded, with the day; the block to go on from, or None."""
        from psc.edits.intake.recorder import recorded_on

        block = self.blocks[i]
        if block.kind != "paragraph" or "recorded_by" in self.m:
            return None
        after = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        below = _plain(after.text) if after is not None and after.kind == "paragraph" else None
        found = recorded_on(_strip_marks(_plain(block.text)), below)
        if found is None:
            return None
        self.m["recorded_by"], used_below = found
        written = _strip_marks(_plain(block.text)) + (f" {below}" if used_below else "")
        ownlabels.signature(self.m["recorded_by"], "", written, self.group)  # 'Zapsal dne …'
        self.flush_list()
        self.footer_seen = True
        shownroles.signatures_read(self)
        said = "recorded by" + (", with the day" if "date" in self.m["recorded_by"] else "")
        self.note(block, f"footer → {said}" + (" (the name below)" * used_below))
        return i + 2 if used_below else i + 1

    def minute_taker_label(self, block: Block, text: str, found: list[re.Match[str]]) -> bool:
        """'Zapisovatel: Tereza Vosyková' inside an item, before any footer: the role's noun
        names the meeting's minute-taker (a footer's 'Zapsal:' is who recorded)."""
        if len(found) != 1 or not _verb(found[0]).startswith("zapisovatel"):
            return False
        from psc.edits.intake.roles import is_name

        if self.footer_seen or "minute_taker" in self.m:
            return False
        name = text[found[0].end() :].strip(" ,;.")
        if not is_name(name):
            return False
        self.m["minute_taker"] = name
        self.note(block, f"'{_verb(found[0])}' → minute taker")
        return True

    def signers(self, value: str, verb: str) -> list[dict[str, Any]]:
        """'A (MMR), 27. 9. 2016' or 'A, 24. 3. 2025, B, 24. 3. 2025' or 'A, B'."""
        found = dates.find_dates(value)
        pieces: list[tuple[str, dt.date | None]] = []
        if found:
            start = 0
            for found_day, begin, end in found:
                pieces.append((value[start:begin].strip(" ,;"), found_day))
                start = end
            if value[start:].strip(" ,;.") and len(found) == 1 and not pieces[0][0]:
                pieces = [(value[start:].strip(" ,;"), found[0][0])]
            elif value[start:].strip(" ,;."):
                return []
        else:
            pieces = (
                [(name, None) for name in _split_people(value)]
                if _verifying(verb)
                else [(value, None)]
            )
        if len(pieces) > 1 and not _verifying(verb):
            return []  # one recorder, one approver: two names are not understood
        people = []
        for name, day in pieces:
            person = self.signer(name, verb, day)
            if person is None:
                return []
            people.append(person)
        return people

    def signer(self, value: str, verb: str, day: dt.date | None) -> dict[str, Any] | None:
        """'Jana Korytářová (MMR)' → name, organisation, gender (from the verb's form)."""
        org_match = re.search(r"\s*\(([^()]+)\)\s*$", value)
        organisation = role = None
        if org_match and re.fullmatch(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+)*\s*", org_match[1]):
            if org_match[1].strip()[:1].islower():  # '( jednatel )': a function, no body
                role, value, org_match = org_match[1].strip(), value[: org_match.start()], None
        if org_match:
            abbr = bodies.match(org_match.group(1), self.registry)
            if abbr is None and self.add_organisations:
                abbr = org_match.group(1).strip()
                if " " not in abbr and len(abbr) <= 12:
                    self.registry[abbr] = abbr
                    self.added[abbr] = abbr
                else:
                    abbr = None
            if abbr is not None:
                organisation = abbr
                value = value[: org_match.start()].strip()
        name = value.strip(" ,;")
        if not name or len(name) > 80 or re.search(r"\d", name):
            return None
        person: dict[str, Any] = {"name": name}
        if organisation:
            person["organisation"] = organisation
        if role:
            person["role"] = role
        folded = verb.casefold()
        if folded in ("zapsala", "vypracovala", "sepsala", "schválila", "ověřila", "zkontrolovala"):
            person["gender"] = "female"  # the verb's form
        elif folded in ("zapsal", "vypracoval", "sepsal", "schválil", "ověřil", "zkontroloval"):
            person["gender"] = "male"
        if day is not None:
            person["date"] = day
        return person

    def approved_at(self, block: Block) -> bool:
        """'Zápis byl schválen na jednání 22. 4. 2025, usnesením č. 1/15/2025.' (after a
        status line 'Adopted Minutes', whose words are the approval's note, it stays text)."""
        if not self.started() or self.status_approved:
            return False
        plain = _strip_marks(_plain(block.text))
        for labels in self.phrases.labels:
            regex = (
                re.escape(labels["approved_at"])
                + rf"(?:\s+{pattern(labels['approved_at_meeting'])}|\s+{pattern(labels['approved_at_date'])})?"
                + rf"(?:,\s*{pattern(labels['approved_at_decision'])})?\.?"
            )
            match = re.fullmatch(regex, plain, re.I)
            if not match:
                continue
            approval: dict[str, Any] = {}
            groups = match.groupdict()
            if groups.get("meeting"):
                found = dates.find_date(groups["meeting"])
                whole = found is not None and not groups["meeting"][found[2] :].strip()
                approval["meeting"] = found[0].isoformat() if whole and found else groups["meeting"]
            if groups.get("date"):
                found = dates.find_date(groups["date"])
                if found is None:
                    continue
                approval["date"] = found[0]
            if groups.get("decision"):
                approval["decision"] = groups["decision"].strip()
            self.m["approved_at"] = approval
            self.note(block, "approved by the body (approved_at)")
            return True
        return False

    def signature_block(self, i: int) -> int | None:
        """The signatures that end the minutes, after the footer or 'Ověřovatelé zápisu:':
        names with their functions, in columns or one under another (signatures.py); the
        verifiers' column first, the others signed_by. Read only when every block left is
        one of them; returns the end."""
        from psc.edits.intake import signatures

        if not (self.footer_seen or self.verifying) or not self.started():
            return None
        rest = self.blocks[i:]
        if not rest or len(rest) > 8 or any(b.kind not in ("paragraph", "row") for b in rest):
            return None
        rows = [b.cells if b.kind == "row" else [_plain(b.text)] for b in rest]
        found = [signatures.column(cells) for cells in signatures.columns(rows)]
        if any(col is None for col in found) or not any(found):
            return None
        for k, col in enumerate(found):
            for name, role in col or []:
                person: dict[str, Any] = {"name": name}
                if role:
                    person["role"] = role
                key = "verified_by" if self.verifying and k == 0 else "signed_by"
                self.m.setdefault(key, []).append(person)
                shown = f"'{name}'" + (f" ('{role}')" if role else "")
                self.note(rest[0], f"signature {shown} → {key.replace('_', ' ')}")
        self.verifying = False
        return len(self.blocks)

    def signature_name(self, block: Block) -> bool:
        """A verifier's name on its own line after 'Ověřovatelé zápisu:'."""
        text = _plain(block.text)
        if len(text) > 60 or re.search(r"[\d:]", text) or len(text.split()) > 5:
            return False
        self.m.setdefault("verified_by", []).append({"name": text})
        self.note(block, "verifier of the minutes")
        return True

    # ---------------------------------------------------------------- the meeting

    def as_listed(self, decision: dict[str, Any]) -> bool:
        """A resolution listed under 'Usnesení' with no outcome or vote stated: adopted
        (resolved.py), and the report says so."""
        label = next((written for written, d in self.listed if d is decision), None)
        if label is None or not resolved.adopted_as_listed(label, decision):
            return False
        which = str(decision.get("number") or decision.get("label") or "").strip()
        self.notes.append(
            Note(
                "source", f"resolution {which} listed under '{label}' (no result stated) → adopted"
            )
        )
        return True

    def finish(self) -> Draft:
        self.designated_roles()
        shownroles.settle_signatures([*self.items, *self.sections])
        m = self.m
        ownlabels.settle(m, self.group)  # the minutes' own labels where psc's differ
        if self.date is not None:
            m["date"] = self.date
        meeting: dict[str, Any] = {}
        for key in (
            "letterhead",
            "number",
            "title",
            "date",
            "start",
            "end",
            "place",
            "chair",
            "chair_function",
            "minute_taker",
            "verifiers",
            "roles",
            "attendees",
            "labels",
        ):
            if key in m:
                meeting[key] = m[key]
        if "title" not in meeting:
            meeting["title"] = self.group.short
            self.notes.append(
                Note("source", f"no title found: the group's short name '{self.group.short}'")
            )
        programme.settle_presenters(self.programme)  # presenters first on most lines only
        if self.programme:
            meeting["programme"] = self.programme
        for key in ("attachments", "pages", "per_rollam"):
            if key in m:
                meeting[key] = m[key]
        items = [
            item
            for item in self.items
            if item.get("content") or item.get("title") or item.get("label")
        ]
        for item in items:
            if not item.get("content"):
                del item["content"]
        if items:
            meeting["items"] = items
        sections = []
        for section in self.sections:
            section.pop("_tasks", None)
            if section["content"]:
                sections.append(section)
            elif not self.next_meetings:
                sections.append({"title": section["title"]})
        if sections:
            meeting["sections"] = sections
        if self.next_meetings:
            meeting["next_meetings"] = self.next_meetings
        for part in items + sections:  # the outcome in the minutes' words replaces votes_text
            for block in part.get("content", []):
                if isinstance(block, dict) and "outcome_text" in block:
                    motions.tidy(block)
                if isinstance(block, dict) and "decision" in block and self.as_listed(block):
                    continue
                if isinstance(block, dict) and "decision" in block and counted.infer(block):
                    which = str(block.get("number") or block.get("label") or "").strip()
                    self.notes.append(
                        Note("source", f"resolution {which} unanimous (no result stated) → adopted")
                    )
        if self.tasks:
            meeting["tasks"] = [self._task_words(task, meeting) for task in self.tasks]
            day = meeting.get("date")
            for part in items + sections:
                for block in part.get("content", []):
                    if isinstance(block, dict) and isinstance(block.get("assigned"), int):
                        ordinal = block["assigned"]
                        block["assigned"] = self.tasks[ordinal - 1].get("id") or (
                            f"{day.isoformat() if isinstance(day, dt.date) else day}/{ordinal}"
                        )  # the task's own number ('Úkol 100/1'), else its derived ID
        for key in ("recorded_by", "approved_by", "verified_by", "signed_by", "approved_at"):
            if key in m:
                meeting[key] = m[key]
        ownlabels.unheaded(meeting)  # no 'Decision:' inside the minutes' own sentences
        closingvote.settle(meeting, self.wording.labels["vote_record"])  # '(20/0/0).'
        title_at = next((n.where for n in self.notes if n.what == "title"), None)
        if runframe.title_run_on(self.run_lines, title_at):  # 'Zápis z … v Dačicích Přítomni: …'
            runframe.settle(meeting, self.told_roles)
        return Draft(meeting, self.notes, self.added, self.kept, self.marked_draft)

    def _task_words(self, task: dict[str, Any], meeting: dict[str, Any]) -> dict[str, Any]:
        """Keep the deadline's own words where psc would word it differently."""
        from psc.terms import Deadline

        words = task.pop("_words", None)
        if words and "deadline" in task:
            due = None
            firm = [n["date"] for n in meeting.get("next_meetings", []) if not n.get("tentative")]
            if firm:
                due = min(firm)
            shown = self.wording.deadline_words(Deadline.parse(task["deadline"]), due)
            if _fold(shown) != _fold(_plain(words)):
                task["deadline_text"] = words
        keys = (
            "id",
            "text",
            "deadline",
            "deadline_text",
            "contact",
            "responsible",
            "responsible_text",
            "status",
            "status_date",
            "status_note",
        )
        ordered = {k: task[k] for k in keys if k in task}
        return ordered


def recognise(
    blocks: list[Block],
    group: Group,
    *,
    date: dt.date | None = None,
    add_organisations: bool = False,
) -> Draft:
    """The meeting in `blocks`, recognised against `group` (its registry of organisations,
    its members and labels); `date` overrides the date found in the source."""
    return _Recogniser(blocks, group, date=date, add_organisations=add_organisations).run()
