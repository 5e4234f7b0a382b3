"""Tasks the minutes give, in the shapes they write them: one family of small named rules of
`psc import`, with one entry for the walk (`in_place`; `in_section` for a line under 'Action
points:' / 'Úkoly'; `imposed` after the walk).

- a task's label, with or without its number ('Úkol 100/1: Upravit zápis z 99. schůze VV
  sekretariát', 'Úkol: …'): `undated`, the task keeps its number;
- an owner known to the meeting 'to' do something ('ACTION: Brent to close issues …', 'Rod to
  follow up with …', English): `undated`, by `task_without_deadline`;
- `action_line`: a label, then the task ('2.2.2 Action: NB to follow up with MW about …',
  'Action Item: Greg Stein will create mailing lists.');
- `to_do`: someone 'to' do something, perhaps after the topic and a dash ('(3.5) Welcome
  Packs – RM to distribute packs to new residents …'), the doer by initials, a name or a
  function ('Clerk to draft and issue …');
- `for_next_meeting`: a sentence of something to do for the next meeting ('To be confirmed by
  Cllr Bealey at next meeting..', 'Na příští květnové jednání si máme připravit …'), due then;
- `will_do`: a Czech sentence of who will do what ('Předseda KV vypracuje plán činnosti …',
  'Další podkladové materiály zašlou tajemnici KV do 10.9.2007.'), due when 'do …' says;
- `split_task`: a block that ends with such a task after other sentences or its topic
  ('Lighting. HP to contact GG … RJ to replace lamps in Block Three.'), read as two blocks;
- `imposed_task`: a resolution whose text ends with a task and 'T: 31. 5. 2018' imposes it.

A task without a deadline is a task all the same (the meeting file holds one since issue 22):
the line or sentence as written is its text (number, label and owner: nothing is dropped),
it is never overdue, and the item shows it in its place. A deadline written as psc reads it
('– T: 30. 4. 2025') is the recogniser's `parse_task`. The rules are pure; `in_place`,
`in_section` and `imposed` record what they find.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any, Protocol

from psc.edits.intake.blocks import Block
from psc.language import dates
from psc.terms import Deadline

_LABEL = re.compile(
    r"^(?P<label>(?:\d+(?:\.\d+)*\.?\s+)?(?:action(?:\s+(?:point|item))?|actions?|task|úkol"
    r"(?:\s+(?:č\.\s*)?[\w/.-]*\d[\w/.-]*)?)\s*:)\s*(?P<text>\S.*)$",
    re.I | re.S,
)
_DOER = (
    r"(?:[A-Z]{2,4}|(?i:the\s+clerk|clerk|chair(?:man)?|all(?:\s+members)?)|"
    r"(?:Cllr\.?|Mr|Mrs|Ms|Dr)\s+[A-Z][\w'-]+|[A-Z][a-z]+\s+[A-Z][\w'-]+)"
)
_TO_DO = re.compile(
    rf"^(?P<who>{_DOER}(?:\s*(?:,|and|&|/)\s*{_DOER})*)\s+to\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$",
    re.S,
)
"""'NB to follow up with MW …', 'AH and JB to liaise with …', 'Clerk to write …'."""
_NOT_VERBS = frozenset("the a an be date this that which whom".split())


@dataclass(frozen=True)
class TaskLine:
    """A task as the minutes give it: its label as written (or none), its text, the doer's
    words (or none)."""

    label: str | None
    text: str
    who: str | None


def action_line(text: str) -> TaskLine | None:
    """'2.2.2 Action: NB to follow up with MW about …', 'Úkol 100/1: Upravit zápis …'."""
    match = _LABEL.match(text.strip())
    if match is None:
        return None
    rest = match["text"].strip()
    doer = _TO_DO.match(rest)
    who = doer["who"] if doer is not None and _is_verb(doer["verb"]) else None
    return TaskLine(match["label"].strip(), rest, who)


_TOPIC_LENGTH = 140
"""A topic before the dash and the task is a line's start: 140 characters at most."""


def to_do(text: str) -> TaskLine | None:
    """'NB to follow up with MW about …', '(3.5) Welcome Packs – RM to distribute packs …',
    '12. Park inspection- clerk to get quotes …': someone to do something, in one sentence
    (the topic before a dash stays the text's)."""
    text = text.strip()
    if len(_sentences(text)) > 1:  # more than one sentence: an account
        return None
    match = _TO_DO.match(text)
    if match is None:  # 'Park inspection- clerk to …'; a topic of dashed parts ('Glazewing
        # Ltd, Station Road - erection of Portal Framed Building … - clerk to ask if …')
        for topic in re.finditer(r"\s?[–—-]\s+", text[:_TOPIC_LENGTH]):
            match = _TO_DO.match(text[topic.end() :]) if topic.start() >= 2 else None
            if match is not None:
                break
    if match is None or not _is_verb(match["verb"]):
        return None
    return TaskLine(None, text, match["who"])


class Walk(Protocol):
    """What these rules use of the recogniser (recognise.py's _Recogniser)."""

    blocks: list[Block]
    m: dict[str, Any]
    tasks: list[dict[str, Any]]
    items: list[dict[str, Any]]
    sections: list[dict[str, Any]]
    english: bool

    def started(self) -> bool: ...
    def add(self, block: Any) -> None: ...
    def note(self, block: Block | str, what: str) -> None: ...
    def _responsible(self, words: str) -> list[str]: ...


def _is_verb(word: str) -> bool:
    return word.casefold() not in _NOT_VERBS and len(word) > 1


_TASK_LABEL = re.compile(
    r"^(?:\*\*)?úkol(?:\s+č\.)?(?:\s+(?P<id>[A-Za-z0-9][A-Za-z0-9./-]*?))?\s*(?:\*\*)?\s*:"
    r"\s*(?:\*\*)?\s*\S",
    re.I,
)
"""'Úkol 100/1: …', 'Úkol č. 3: …', 'Úkol: …' (a Czech task's label at the line's start)."""


_ACTION = re.compile(
    r"^(?:\*\*)?action(?:\s+(?:point|item))?(?:\*\*)?\s*:\s*(?P<text>\S.*)$", re.I | re.S
)
_OWNER_TO = re.compile(
    r"^(?P<owner>@?[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,3})\s+to\s+"
    r"(?P<verb>[a-z]+)\b"
)
_NOT_OWNER_VERBS = {"the", "a", "an", "be", "date", "all", "this", "that", "his", "her", "their"}


def _plain(text: str) -> str:
    """Markdown marks and link targets left out (for matching, never for what is kept)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_]{1,3}", "", text).strip()


def _emphasis(text: str) -> bool:
    """Bold or italic marks outside a link ('**…**'): a line set apart, no task's sentence (a
    Markdown link is a task's words as written: 'Bára si bere na starost kontrolu [Pull
    Requestu #206 …](https://…) skrze účetního.')."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text) != _plain(text)


def task_without_deadline(text: str) -> tuple[str, str] | None:
    """'ACTION: Brent to close issues …', 'Rod to follow up with email …', 'HP to liaise
    with …' (English): (owner, the task's words), or None."""
    plain = _plain(text)
    action = _ACTION.match(plain)
    body = action["text"].strip() if action else plain
    owner = _OWNER_TO.match(body)
    if owner is None or owner["verb"] in _NOT_OWNER_VERBS:
        return None
    if action is None and len(owner["owner"].split()) > 2:
        return None  # 'The Town Council to …' reads as a heading, not an owner
    return owner["owner"], body


def _names(r: Walk) -> set[str]:
    """The words of the names of the attendance and the roles ('Rod' of 'Rod Vagg')."""
    attendees = r.m.get("attendees", {})
    people: list[Any] = [r.m.get("chair"), r.m.get("minute_taker")]
    for key in ("present", "excused", "absent", "guests"):
        people += attendees.get(key, [])
    for category in attendees.get("categories", []):
        people += category.get("people", [])
    names = [p.get("name") if isinstance(p, dict) else p for p in people]
    return {w for n in names if isinstance(n, str) for w in re.findall(r"@?[\w'’-]+", n)}


def _known(owner: str, names: set[str] | None) -> bool:
    """An owner the line can name without an 'Action:' label: initials ('NB', 'ES'), a
    handle, or words of a name of the attendance ('Rod'); not 'Consensus to …'."""
    words = re.findall(r"@?[\w.'’-]+", owner)
    return all(
        re.fullmatch(r"[A-Z]{2,4}|@[\w-]+", w) or (names is not None and w in names)
        for w in words
        if w != "and"
    )


def undated(text: str, *, english: bool, names: set[str] | None = None) -> dict[str, Any] | None:
    """The task a line without a deadline gives, or None: {'text': the line as written,
    'id': its own number when it has one ('Úkol 100/1:' → '100/1'), '_owner': who, when
    the line names them ('NB' of '2.2.2 Action: NB to follow up …')}."""
    line = text.strip()
    label = _TASK_LABEL.match(line)
    if label is not None:
        task: dict[str, Any] = {"text": line, "_kind": "none"}
        if label["id"] and re.search(r"\d", label["id"]):
            task["id"] = label["id"].rstrip("./")
        return task
    if not english:
        return None
    numbered = re.match(
        r"^\d+(?:[.-]\d+)*\.?\s+(?=\S)", _plain(line)
    )  # '2.2.2 Action: …', '11-01 SAB to …'
    words = _plain(line)[numbered.end() :] if numbered else line
    found = task_without_deadline(words)
    if found is None or (not _ACTION.match(_plain(words)) and not _known(found[0], names)):
        return None
    return {"text": line, "_kind": "none", "_owner": found[0]}


def _line(block: Block) -> str:
    """The block's line as written: a numbered point with its number ('2.2.2 Action: …')."""
    text = block.text.strip()
    if block.kind == "item" and block.ordered and (block.marker or block.number):
        return f"{block.marker or block.number} {text}"
    return text


def _raw(block: Block) -> str:
    """The block's text as written, a numbered point's number as written ('2.1', '1)') or
    as psc writes it ('1.') (recognise.py's `_raw`)."""
    if block.kind == "item" and block.ordered and block.number:
        marker = block.marker or (
            f"{block.number}." if block.number.isdigit() else f"{block.number})"
        )
        return f"{marker} {block.text.strip()}"
    return block.text.strip()


def _what(task: dict[str, Any]) -> str:
    owner = task.pop("_owner", None)
    if owner:
        return f"a task for {owner}"
    return f"task {task['id']}" if "id" in task else "a task"


_DEADLINE = re.compile(r"\s*[–—-]?\s*\b(?:T|Termín|Deadline|Due)\s*:\s*", re.I)
"""A deadline as psc reads it ('– T: 30. 4. 2025'): the recogniser's `parse_task`'s."""


def _bullet(r: Walk, block: Block) -> bool:
    """A bullet after the title in minutes that number no items (a bullet per topic: 'Kokoška
    si bere na starost ověření, …'): read for tasks as an item's line is."""
    return block.kind == "item" and not block.ordered and "title" in r.m


def in_place(r: Walk, i: int) -> int | None:
    """The walk's one entry for a task given in an item's text, kept in its place: a task's
    label or an owner known 'to' … (`undated`: its ID when the line numbers it, else its
    ordinal), else an action line or someone 'to' do something (`action_line`, `to_do`),
    the doers the group knows its responsible, else a sentence that gives a task
    (`in_sentence`). The block to go on from, or None."""
    block = r.blocks[i]
    if block.kind not in ("paragraph", "item") or not (r.started() or _bullet(r, block)):
        return None
    task = undated(_line(block), english=r.english, names=_names(r))
    if task is not None:
        what = _what(task)
        r.tasks.append(task)
        r.add({"assigned": task.get("id", len(r.tasks))})
        r.note(block, f"{what} without a deadline (assigned in this item; the line is its text)")
        return i + 1
    raw = _raw(block)
    if block.bold or _emphasis(raw) or _DEADLINE.search(raw):
        return None
    found = None if _plain(raw) != raw else action_line(raw) or to_do(raw)
    if found is None:
        return in_sentence(r, i)
    shown = f"'{found.label}' " if found.label else ""
    task = {"text": raw, "_kind": "none"}  # the line as written
    known = r._responsible(found.who) if found.who else []
    if known:
        task["responsible"] = known if len(known) > 1 else known[0]
    r.tasks.append(task)
    r.add({"assigned": len(r.tasks)})
    r.note(block, f"{shown}task {len(r.tasks)} (assigned in this item), no deadline")
    return i + 1


def in_section(r: Walk, block: Block) -> bool:
    """A line under 'Action points:' / 'Úkoly' with no deadline that is still a task
    ('2.2.2 Action: NB to follow up …'): a task without a deadline."""
    task = undated(_line(block), english=r.english, names=_names(r))
    if task is None:
        return False
    what = _what(task)
    r.tasks.append(task)
    r.note(block, f"{what} without a deadline")
    return True


# ---------------------------------------------------------------- tasks inside sentences

_NEXT_EN = re.compile(
    r"\b(?P<when>(?:at|by|for|before|until)\s+(?:the\s+)?next(?:\s+\w+)?\s+meeting)\b", re.I
)
"""'at next meeting', 'by the next meeting', 'for the next Council meeting'."""
_BY_WHOM_EN = re.compile(
    r"^(?i:to\s+be\s+[a-z]{3,}\s+by)\s+(?P<who>(?i:(?:the\s+)?(?:clerk|chair(?:man)?))|"
    r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]+)"
)
"""'To be confirmed by Cllr Bealey …': what is to be done and by whom ('Matter to be listed
at next meeting' names no one: a matter put off, no task)."""
_NEXT_CS = re.compile(
    r"^(?P<when>(?:na|do|k|ke|pro)\s+(?:příští|další|nejbližší)(?:m|ho|mu)?\s+"
    r"(?:[^\W\d]+\s+)?(?:jednání|schůz[eiíy]|zasedání|porad[auyě])(?:m|ch)?)\s+\S",
    re.I,
)
"""'Na příští květnové jednání …', 'Do příští schůze …' (the next meeting first)."""

_INFINITIVE_CS = re.compile(
    r"(?<![\w-])(?P<verb>[a-zěščřžýáíéúůďťň]{2,}(?:it|at|ět|et|out|nout|ovat|ít|ýt|ci))(?![\w-])"
)
"""A Czech infinitive ('zabezpečit', 'zajistit', 'podepsat', 'předložit')."""
_NOT_INFINITIVES = frozenset(
    "počet rozpočet účet předmět výbor limit audit kredit deficit mandát kandidát senát "
    "magistrát formát certifikát byt at it et".split()
)


def _infinitive(text: str, start: int = 0) -> re.Match[str] | None:
    """The first Czech infinitive in `text` from `start` (nouns that end like one aside)."""
    found = _INFINITIVE_CS.finditer(text, start)
    return next((m for m in found if m["verb"].casefold() not in _NOT_INFINITIVES), None)


_WILL_DO_CS = re.compile(
    r"(?<!\w)(?:"
    r"(?:vy|z|do|za|pro)pracuj[eí]|zaktualizuj[eí]|zkontroluj[eí]|zorganizuj[eí]|"
    r"(?:zajist|připrav|předlož|prověř|oslov|doplň|oprav|uprav|zveřejn|vyvěs|zjist|ověř|"
    r"prošetř|zabezpeč|vyřeš|dořeš|rozděl|navrhn|vyzv|sestav)í|"
    r"(?:před|pod|dod|objedn|svol|sjedn|dojedn)(?:á|ají)|"  # not 'projedná': a discussion
    r"(?:za|po|roze)(?:šle|šlou)|"
    r"si\s+(?:bere|berou|vezme|vezmou)\s+na\s+starost|"  # a member takes a task on
    r"[–—-]\s+(?:zodpovíd|odpovíd)(?:á|ají)(?=\s+\S)"  # '… – zodpovídá V. Sláma'
    r")(?!\w)",
    re.I,
)
"""A Czech verb of a task in the future (perfective): 'vypracuje', 'zajistí', 'zašlou', a
member taking a task on at the meeting ('Kokoška si bere na starost ověření, …'), or who is
in charge after the task and a dash ('Dresy pro A mužstvo – zodpovídá M. Čížek')."""
_DECIDING_CS = re.compile(
    r"(?<!\w)(?:schvaluj|neschvaluj|ukládá|ukládaj|pověřuj|souhlasí|nesouhlasí|volí|jmenuj|"
    r"zamítá|revokuj|doporučuj|bere\s+na\s+vědomí|usnesení)",
    re.I,
)
"""A decision's verb: the sentence is a decision's, not a task's."""
_DEADLINE_CS = re.compile(
    r"(?<!\w)(?:nejpozději\s+)?do\s+(?=\d|příští|další|nejbližší|konce)", re.I
)
"""'do 10.9.2007', 'do příští schůze', 'do konce roku 2018': where a deadline's words start."""
_SUBORDINATE = re.compile(r"^(?:že|aby|pokud|když|jestli|zda|který|která|které|kdo|co)\b", re.I)


_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:Cllr|Mr|Mrs|Ms|Dr|St|No|Rev|Prof|Ing|Mgr|Bc|MUDr|MVDr|JUDr|PhDr|RNDr|"
    r"doc|prof|p|pí|č|tj|tzv|[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ])\.$"
)
"""A word the full stop abbreviates ('Cllr.', 'MVDr.', 'J.'): no sentence ends there."""
_NUMBER = re.compile(r"\d+(?:\.\d+)*\.")
"""A point's number ('12.'): no sentence of its own."""


def _sentences(text: str) -> list[str]:
    """The text's sentences, each as written (a full stop, then a capital letter; not after
    a title, an initial or a point's number)."""
    parts: list[str] = []
    for part in re.split(r"(?<=[.!?])\s+(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ])", text.strip()):
        if parts and (_ABBREVIATION.search(parts[-1]) or _NUMBER.fullmatch(parts[-1])):
            parts[-1] = f"{parts[-1]} {part}"
        elif part:
            parts.append(part)
    return parts


def for_next_meeting(sentence: str, *, english: bool) -> dict[str, Any] | None:
    """A sentence that gives someone something to do for the next meeting: 'To be confirmed
    by Cllr Bealey at next meeting..', 'Na příští květnové jednání si máme připravit návrh
    témat …': a task, its deadline the next meeting (in the minutes' words), its doer
    ('_owner') when the English names one."""
    text = sentence.strip()
    task: dict[str, Any] = {"text": text, "_kind": "next_meeting", "deadline": "next meeting"}
    if english:
        when = _NEXT_EN.search(text)
        plain = _plain(text)
        doer = _BY_WHOM_EN.match(plain) or _TO_DO.match(plain)
        if when is None or doer is None:
            return None
        return {**task, "_words": when["when"], "_owner": doer["who"]}
    start = _NEXT_CS.match(text)
    if start is None or text.endswith(("?", ":")) or _DECIDING_CS.search(text):
        return None
    return {**task, "_words": start["when"]}


def will_do(sentence: str, *, year: int | None = None) -> dict[str, Any] | None:
    """A Czech sentence that says who will do what, the verb a task's in the future near its
    start ('Předseda KV vypracuje plán činnosti tak, aby …', 'Další podkladové materiály
    zašlou tajemnici KV do 10.9.2007.'): a task, with its deadline when 'do …' gives one."""
    text = sentence.strip()
    if len(text) > 300 or text.endswith(("?", ":")) or _SUBORDINATE.match(text):
        return None
    sentences = _sentences(text)
    if len(sentences) > 1:
        return _will_do_on(sentences, text, year)
    if _DECIDING_CS.search(text):
        return None
    verb = _WILL_DO_CS.search(text)
    lead = text[: verb.start()] if verb else ""
    first = _DEADLINE_CS.search(lead)  # 'předseda FV do dalšího zasedání …, které … předloží'
    doer = lead[: first.start()] if first is not None else lead
    if verb is None or len(doer.split()) > 5 or "," in doer or len(lead.split()) > 16:
        return None  # the verb of the sentence's first clause, near its start
    task: dict[str, Any] = {"text": text, "_kind": "none"}
    due = first or _DEADLINE_CS.search(text, verb.end())
    if due is not None:
        end = verb.start() if first is not None else len(text)
        words = text[due.start() : end].rstrip(" .,")
        deadline = _due(words, year)
        if deadline is not None and deadline.kind in ("date", "next_meeting"):
            cut = words
            if deadline.kind == "date":
                found = dates.find_date(words, year=year)
                cut = words[: found[2]] if found else words
            task["_kind"] = deadline.kind
            task["deadline"] = deadline.date if deadline.kind == "date" else "next meeting"
            task["_words"] = cut
    return task


def _will_do_on(sentences: list[str], text: str, year: int | None) -> dict[str, Any] | None:
    """Sentences of one doer's task: the first says who will do what, each next one goes on
    with the verb and no doer of its own ('Tajchmanová J. připraví drobné občerstvení …. Předá
    kontakt na stánek …'): one task, the whole text; None otherwise."""
    first = will_do(sentences[0], year=year)
    if first is None:
        return None
    task = {**first, "text": text}
    for sentence in sentences[1:]:
        more = will_do(sentence, year=year) if _WILL_DO_CS.match(sentence.strip()) else None
        if more is None:
            return None
        if task["_kind"] == "none" and more["_kind"] != "none":  # the deadline a later one gives
            task.update({k: more[k] for k in ("_kind", "deadline", "_words")})
    return task


def _due(words: str, year: int | None) -> Deadline | None:
    """The deadline 'do …' gives; the next meeting with its day when the words give it ('do
    dalšího zasedání výboru, které se bude konat 14.12.2006': that day)."""
    deadline = dates.parse_deadline(words, year=year)
    if deadline is not None and deadline.kind == "next_meeting":
        found = dates.find_date(words, year=year)
        if found is not None:
            return dates.parse_deadline(words[found[1] : found[2]], year=year)
    return deadline


_TOPIC = re.compile(r"^(?P<topic>[^:.!?]{2,40}:)\s+(?P<rest>\S.*)$", re.S)
"""'Manhole Cover(s): GC to contact builders …': a topic named before the task."""


def _a_task(sentence: str, english: bool) -> bool:
    """Whether a sentence alone is a task: for the next meeting, someone 'to' do something
    ('RJ to replace lamps in Block Three.'), or who will do what ('Další podkladové materiály
    zašlou tajemnici KV do 10.9.2007.')."""
    if for_next_meeting(sentence, english=english) is not None:
        return True
    return to_do(sentence) is not None if english else will_do(sentence) is not None


def split_task(text: str, *, english: bool) -> tuple[str, str] | None:
    """A block's text that ends with a task after other sentences ('Lighting. HP to contact
    GG … RJ to replace lamps in Block Three.') or after its topic ('Manhole Cover(s): GC to
    contact …'): (what comes before the task, the task), or None."""
    text = text.strip()
    sentences = _sentences(text)
    if not english and will_do(text) is not None:
        return None  # one doer's task of several sentences: no split
    topic = _TOPIC.match(text) if len(sentences) == 1 else None
    if len(sentences) > 1 and _a_task(sentences[-1], english):
        last = sentences[-1]
    elif topic is not None and english and to_do(topic["rest"]) is not None:
        last = topic["rest"]
    else:
        return None
    return text[: -len(last)].rstrip(), last


def _split_last(r: Walk, i: int, english: bool) -> int | None:
    """A block that ends with a task (`split_task`), read again as two blocks: what comes
    before the task first (so it is read as it would be, and split again when it ends with a
    task too), then the task alone."""
    block = r.blocks[i]
    split = split_task(block.text, english=english)
    if split is None:
        return None
    first = replace(block, text=split[0])
    task = replace(block, kind="paragraph", text=split[1], ordered=False, number=None, marker=None)
    r.blocks[i : i + 1] = [first, task]
    return i


def _year(r: Walk) -> int | None:
    day = r.m.get("date")
    return day.year if isinstance(day, dt.date) else None


def in_sentence(r: Walk, i: int) -> int | None:
    """A task a block's sentence gives: a whole block for the next meeting ('To be confirmed
    by … at next meeting', 'Na příští … jednání si máme připravit …') or a Czech line of who
    will do what ('Předseda KV vypracuje plán činnosti …'), a task shown in its place; a
    block that ends with a task is split before it (`_split_last`)."""
    block = r.blocks[i]
    if block.kind not in ("paragraph", "item") or block.bold:
        return None
    if not (r.started() or _bullet(r, block)):
        return None
    raw = _raw(block)
    if _emphasis(raw) or _DEADLINE.search(raw):
        return None
    task = for_next_meeting(raw, english=r.english) if len(_sentences(raw)) == 1 else None
    if task is None and not r.english:
        task = will_do(raw, year=_year(r))
    if task is None:
        return _split_last(r, i, r.english)
    owner = task.pop("_owner", None)
    r.tasks.append(task)
    r.add({"assigned": len(r.tasks)})
    due = task["_kind"].replace("_", " ")
    what = f"task {len(r.tasks)}" + (f" for {owner}" if owner else "")
    r.note(block, f"{what} (assigned in this item), deadline {due}")
    return i + 1


# ---------------------------------------------------------------- tasks a resolution imposes

_DUE_AT_END = re.compile(r"\s+(?:T|Termín)\s*:\s*(?P<due>[^:]{1,40}?)\s*$")
"""'… zabezpečit uzavření pachtovní smlouvy. T: 31. 5. 2018' (the deadline closes the text)."""


def imposed_task(text: str, *, year: int | None = None) -> tuple[str, dict[str, Any]] | None:
    """A resolution whose text ends with a task and its deadline ('… IČ: 02557703 zabezpečit
    uzavření pachtovní smlouvy. T: 31. 5. 2018'): the resolution's text without the deadline,
    and the task it imposes (its last sentence's clause from its first infinitive on)."""
    due = _DUE_AT_END.search(text)
    if due is None:
        return None
    deadline = dates.parse_deadline(due["due"], year=year)
    if deadline is None or deadline.kind == "words":
        return None
    head = text[: due.start()].rstrip()
    cut = list(re.finditer(r"[.:;!?]\s", head[:-1]))  # the last sentence, or after a label
    start = cut[-1].end() if cut else 0
    verb = _infinitive(head, start)
    if verb is None or head[verb.start() :].count(" ") > 40:
        return None
    task: dict[str, Any] = {"text": head[verb.start() :], "_kind": deadline.kind}
    if deadline.kind == "date":
        task["deadline"] = deadline.date
    else:
        task["deadline"] = "next meeting" if deadline.kind == "next_meeting" else "ongoing"
    task["_words"] = due["due"]
    return head, task


def imposed(r: Walk) -> None:
    """After the walk: each resolution that ends with a task and its deadline imposes that
    task (`imposed_task`), a task of the meeting linked from the resolution."""
    day = r.m.get("date")
    for part in [*r.items, *r.sections]:
        for block in part.get("content", []):
            if not isinstance(block, dict) or not isinstance(block.get("decision"), str):
                continue
            found = imposed_task(block["decision"], year=_year(r))
            if found is None or not isinstance(day, dt.date):
                continue
            block["decision"], task = found
            r.tasks.append(task)
            block["imposes"] = f"{day.isoformat()}/{len(r.tasks)}"
            where = next((b.where for b in r.blocks if task["text"] in b.text), "")
            r.note(where, f"the resolution imposes task {len(r.tasks)}, deadline {task['_kind']}")
