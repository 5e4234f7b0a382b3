#!/usr/bin/env python3
"""Generate a synthetic, valid psc minutes repository for benchmarks.

    python benchmarks/generate.py DIR --meetings N [--seed S]

writes DIR/group.yaml (a copy of the project's group.yaml, so the organisation
abbreviations are known) and N meeting files DIR/meetings/YYYY-MM-DD.yaml, one a week from
2000-01-05 on. Each meeting is about as long as the bundled seed (meetings/2016-09-07.yaml):
a header, 5-9 agenda items with Czech paragraphs, headings, statements by the group's
organisations and sometimes decisions with votes, a free section, next meetings, and 5-15
tasks with every kind of deadline (ISO date, `ongoing`, `next meeting`), status
(open/done/cancelled with status_date), contacts and responsible bodies. From the second
meeting on, agenda item 2 is "Kontrola úkolů" with task reviews (`task: <id>` with a status,
a note and sometimes a new deadline) of earlier meetings' tasks, by their derived IDs
(`<meeting date>/<1-based ordinal>`).

Meetings are unapproved (no `approved_by`, so no fingerprint is needed) but recorded.
The Czech text is built from words of the seed meeting. Output is deterministic for a
given seed, and meeting k is the same whatever N is (each meeting has its own random
stream), so a smaller archive is a prefix of a larger one.

Strings are written as JSON strings (a valid YAML double-quoted scalar) or, for long
paragraphs, as folded block scalars of plain words, like the seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import textwrap
import unicodedata
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
FIRST_DATE = dt.date(2000, 1, 5)

# Words of the seed meeting (meetings/2016-09-07.yaml), lower case, as written there.
WORDS = """
aby agend agentury akcí akcích aktivit aktivitu aktivity aktualizace aktualizaci aktualizací
aktuálních aktuálním ale apel architektury architektů atd bankovního bude budou budoucna
bydlení byl byla byli bylo byly centrum certifikovalo chování chytré chytrých chytřejší
clusteru cílem další dalších dalším daty definice definici designu digitálního diskuze
diskuzi dle dne do dobrou dobré době dokumenty dokumentů dokumentům dopad doplňovaly
doplňující dopravní dotací dotačních dotýká duplicitní dvěma dále dílčích dědictví
důležitost důležitých důraz důvody ekvivalentů elementy energetiku energetiky
environmentálně evaluací evaluační financování finanční gestorů hlavně hlediska hledání
hosta hosté hostů identifikace identifikačních identifikována implementaci indikátorů
informace informací informacím informoval iniciativou inspiraci integrovaného inteligentní
inteligentních internetová internetové investování jako jakých je jeden jednotlivost
jednotlivých jednání jejich jejichž jež jimiž již jsou kanály každý kde ke klade kladen
klíčových komise komory komunikační komunální koncept konceptem konceptu koncesí
konferencích konkrétní konkrétních konkrétně kontext konzultant koordinace koordinátor
krajů krizové kroků kterou která které kterými kultivaci kulturní leták listina lze
magazín mají masivnost materiálů menších metodickou metodické metodiky mezi mezirezortní
mobility modelového modely modelů mohou možností možné možní možných municipalitami
municipality mírně místní místních měla měly měst města městem město městské městských
městy na nabízí nad namodelovat naopak např navrženi navrženy navržená navzájem nebo
nebyly nechalo nejbližší nim nosná nových nutné náplní národní následné následných
následně nástroji návaznosti návrhy názvu něj některým obcemi obcí obecních objevit
oblast oblasti oblastí obohacovaly obou oboustranného oboustranný obsahu obsahují
odbornou odborné odborných odboru oddělení odpovídajících odvětví ohledně operačních
operačními opět organizace ostatních označit očekává pak partnerství partnery patří
platformu plán plánu plánuje pod podmnožina podnikatelského podnikatelským podněty
podporou podporu podporuje podpory podpoře podpořeno pohled pokusit politiky pomoci popis
popsání poskytovatelem poskytována posílali potřeba potřebu poukázáno považuje pořádaných
pořádání požadavky požádáni pracovní praxe praxí prevence prezentace prezenční primátorů
prioritizace pro probíhat procesů program programech programu programy projektových
projektu projekty projektů propagace propagaci propagací propagačních propojení
prostředků prostřednictvím prostředí provazbách prvky prvních práci práva průběžně
průřezovost průřezové publikace péči předseda představena představení představil
představilo předávání přehledů překryvu překrývají přenos přenosu přes přiklání
připomenut připraven přislíbeno přispívá přispěje přizván přizvání přičemž příkladů
příložená přípravu přístupy přítomné příští příštího působí reakce realizace realizaci
regionální relevance relevanci relevantní relevantních republika resp rezortů roli
rozpracovat roztříštěnost rozvoj rozvoje rozvoji rozřídění rozšířit rámci rámcových rámec
samospráv samosprávami sdílení sdělil se sektorem sektoru semináře seminářů setkání
seznam shrnul shrnutí shrnutím situacích sjednotit skepsi skupinu skupiny sladění
sledovanými snaze sociální souvislost souvislosti spadající spatřuje specializovaných
speciální splňovat spojen spolupráce spolupráci správu správy stabilizaci standardizace
standartu stanovení starostů stav strany strategický strategických strategickým
strategie strategií strategiích struktuře stručně stránek stránka stránky stránkách stále
stát svoláno svou své svého svém synergickou synergii systémy sítě tajemníků také tato
technologických technologie technologií tematickou tematikou titulů tj to tohoto
transparentnost trhu tyto tápou téma témata této tímto týkají týkajících těchto třeba
uchopení udržitelnou udržitelné udržitelnému uplatňování upozornil upozornila urbánní
uveden uvedeno uvedl uvedla vazbu ve vedoucí veřejností veřejnou veřejné veřejného
veřejných vhodná vhodné vidí viz vlastních vlády vnímán vodou vycházející vyjasnění
vyjádřena vykazovanými vymezení vystoupení vystoupil vytvoření vytváření využití vyvěsit
vyzval vzoru vztahu více vítá vítána vítány výraznějším významné výzvu výzvách výše
včetně webových za zabývat zabývá zahraničními zahájil zajistit zajímá zakázek zaměření
zaměřuje zapojení zaznělo zde zdraví zdrojů zdůraznil ze zejména zkušenosti zkušeností
zmíněných znaků zohlednění zpracovat zpracovatel zpracován zpracování zpracovávat
zpracuje zprostředkování základních záměrů zároveň zásadní zásobování zástupce zástupci
závěr zřízena zřízení území územím účast úřadů časopisech českého českých či činnosti
činností členové členů články čtvrtý ředitel řešení řízení širší šíření že
""".split()

# Proper names and phrases of the seed, dropped into sentences now and then.
PHRASES = [
    "Smart Cities",
    "koncept Smart Cities",
    "Metodika konceptu inteligentních měst",
    "Dohoda o partnerství",
    "Akční plán pro rozvoj digitálního trhu",
    "Průmysl 4.0",
    "Zásady urbánní politiky",
    "Česká republika 2030",
    "Pakt starostů a primátorů",
    "místní Agenda 21 (MA21)",
    "ESIF",
    "IROP",
    "Open Data",
    "ITS (inteligentní dopravní systémy)",
    "Plány udržitelné městské mobility",
    "Czech Smart City Cluster",
    "e-Health",
]

# Infinitives that open a task, as the seed's tasks do.
TASK_VERBS = [
    "Posílat",
    "Poslat",
    "Zpracovat",
    "Zorganizovat",
    "Rozpracovat",
    "Sjednotit",
    "Zajistit",
    "Namodelovat",
    "Rozšířit",
    "Vyvěsit",
    "Označit",
    "Popsat",
    "Představit",
]

ITEM_TITLES = [
    "Diskuze klíčových činností Pracovní skupiny pro Smart Cities",
    "Organizace odborných seminářů ke Smart Cities pro města",
    "Témata vhodná pro zaměření PS a dále pak pro semináře ke SC (diskuze)",
    "Aktivity MMR v rámci propagace",
    "Aktuální stav relevantních strategických dokumentů",
    "Informace o pořádaných akcích",
    "Finanční modely pro Smart Cities",
    "Standardizace a evaluační rámec konceptu SC",
    "Přenos informací do území",
    "Zapojení rezortů a ostatních členů do činnosti PS",
    "Metodická podpora konceptu Smart Cities ze strany rezortů",
    "Spolupráce s podnikatelským sektorem",
]

SECTION_TITLES = [
    "Návrh na přizvání dalších členů/ hostů PS pro SC",
    "Různé",
    "Podněty členů PS pro SC",
    "Informace o akcích členů",
]

HEADINGS = [
    "Aktuální informace k metodické podpoře konceptu Smart Cities ze strany rezortů – (tour de table)",
    "Zapojení rezortů a ostatních členů do činnosti Pracovní skupiny pro Smart Cities – (tour de table)",
    "Finanční modely pro SC",
    "Standardizace jednotlivých procesů",
    "Evaluační rámec a indikátory",
]

PLACES = [
    "Akademie veřejného investování, Pařížská 4, Ministerstvo pro místní rozvoj, Praha 1",
    "Ministerstvo pro místní rozvoj, Staroměstské náměstí 6, Praha 1",
    "Ministerstvo životního prostředí, Vršovická 65, Praha 10",
]

ATTACHMENTS = [
    "Prezenční listina",
    "Program jednání",
    "Prezentace MMR",
    "Přehled možných zdrojů finanční podpory",
    "Seznam relevantních strategických dokumentů",
]

# Extra attendees (besides the group's members), with organisations of group.yaml.
PEOPLE = [
    ("Martina Nováková", "MPSV"),
    ("Tomáš Dvořák", "MZd"),
    ("Lucie Černá", "MK"),
    ("Pavel Procházka", "ÚV"),
    ("Eva Kučerová", "SMO ČR"),
    ("Jiří Veselý", "AK ČR"),
    ("Hana Horáková", "MPO"),
    ("Martin Němec", "MZe"),
    ("Petra Marková", "MD"),
    ("Jan Pokorný", "MŽP"),
    ("Kateřina Králová", "MV"),
    ("Ondřej Růžička", "NS MAS"),
]

REVIEW_NOTES = [
    "Úkol trvá.",
    "Splněno.",
    "Seznam byl rozeslán členům PS.",
    "Informace byly zaslány.",
    "Bude projednáno na příštím jednání.",
    "Úkol již není relevantní.",
    "Podklady byly zveřejněny na webových stránkách.",
]


def ascii_lower(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii()).lower()


def email(name: str, org: str) -> str:
    first, _, last = name.partition(" ")
    domain = ascii_lower(org).replace(" ", "").replace("-", "") or "mmr"
    return f"{ascii_lower(first)}.{ascii_lower(last)}@{domain}.cz"


def q(text: str) -> str:
    """A YAML double-quoted scalar: a JSON string is one."""
    return json.dumps(text, ensure_ascii=False)


class Writer:
    """Builds a meeting file line by line."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, line: str) -> None:
        self.lines.append(line)

    def text(self, indent: int, prefix: str, value: str) -> None:
        """`prefix` followed by `value`: quoted when short, a folded block when long."""
        pad = " " * indent
        if len(value) <= 90 or not _FOLDABLE(value):
            self.add(f"{pad}{prefix}{q(value)}")
            return
        self.add(f"{pad}{prefix}>-")
        # the block's lines sit deeper than the key (or the dash) that holds it
        inner = pad + ("    " if prefix.startswith("- ") and prefix != "- " else "  ")
        for line in textwrap.wrap(
            value, width=96 - len(inner), break_on_hyphens=False, break_long_words=False
        ):
            self.add(inner + line)

    def __str__(self) -> str:
        return "\n".join(self.lines) + "\n"


def _FOLDABLE(value: str) -> bool:
    # Plain words and punctuation only: nothing a folded scalar could read differently.
    return (
        "\n" not in value and "  " not in value and value == value.strip() and value.isprintable()
    )


class Generator:
    def __init__(self, group: dict, seed: int):
        self.seed = seed
        self.orgs: list[str] = list(group.get("organisations") or {})
        self.members: list[tuple[str, str | None]] = [
            (m["name"], m.get("organisation")) for m in group.get("members") or []
        ]
        self.title_pattern = group.get("title_pattern") or "{number}. jednání"
        # IDs of earlier tasks that are still open, oldest first, with their meeting's index.
        self.open_tasks: list[tuple[int, str]] = []
        self.decision_counter: dict[int, int] = {}

    # ------------------------------------------------------------------ text
    def sentence(
        self, rng: random.Random, lo: int = 8, hi: int = 22, org: str | None = None
    ) -> str:
        words = rng.sample(WORDS, rng.randint(lo, hi))
        if org is not None:
            words.insert(rng.randint(0, min(3, len(words))), f"**{org}**")
        if rng.random() < 0.3:
            words.insert(rng.randint(1, len(words)), rng.choice(PHRASES))
        if rng.random() < 0.15:
            words.insert(rng.randint(1, len(words)), rng.choice(self.orgs))
        if len(words) > 10 and rng.random() < 0.5:
            cut = rng.randint(4, len(words) - 3)
            words[cut] = words[cut] + ","
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(
        self, rng: random.Random, lo: int = 1, hi: int = 4, org: str | None = None
    ) -> str:
        count = rng.randint(lo, hi)
        return " ".join(self.sentence(rng, org=org if i == 0 else None) for i in range(count))

    def person(self, rng: random.Random) -> tuple[str, str | None]:
        if rng.random() < 0.6 and self.members:
            return rng.choice(self.members)
        return rng.choice(PEOPLE)

    # ------------------------------------------------------------------ meeting
    def meeting(self, index: int, date: dt.date) -> str:
        rng = random.Random(f"psc-bench:{self.seed}:{index}")
        number = index + 1
        w = Writer()
        w.add(f"# Synthetic minutes for psc benchmarks (seed {self.seed}, meeting {number}).")
        w.add(f"number: {number}")
        w.add(f"title: {q(self.title_pattern.format(number=number))}")
        w.add(f"date: {date.isoformat()}")
        w.add('start: "13:00"')
        w.add(f'end: "{rng.choice(["14:30", "15:00", "15:30", "16:00"])}"')
        w.add(f"place: {q(rng.choice(PLACES))}")
        w.add("attendees:")
        w.add(f"  note: {q('viz prezenční listina')}")
        if rng.random() < 0.5:
            w.add("  present:")
            chosen = {p for p in (self.person(rng) for _ in range(rng.randint(3, 8)))}
            for name, org in sorted(chosen, key=lambda p: p[0]):
                w.add(f"    - name: {q(name)}")
                if org:
                    w.add(f"      organisation: {q(org)}")
        if rng.random() < 0.3:
            name, org = rng.choice(PEOPLE)
            w.add("  excused:")
            w.add(f"    - {{name: {q(name)}, organisation: {q(org)}}}")
        w.add("attachments:")
        for att in sorted(rng.sample(ATTACHMENTS, rng.randint(1, 4))):
            w.add(f"  - {q(att)}")
        w.add(f"pages: {rng.randint(2, 8)}")
        w.add("")
        w.add("# A Průběh jednání")
        w.add("items:")
        n_items = rng.randint(5, 9)
        titles = rng.sample(ITEM_TITLES, n_items)
        for item_no in range(1, n_items + 1):
            w.add(f"  - number: {item_no}")
            if item_no == 1:
                w.add(f"    title: {q('Zahájení')}")
                w.add("    content:")
                name, _ = self.person(rng)
                verb = "zahájila" if name.endswith("á") else "zahájil"
                w.text(6, "- ", f"{name} {verb} jednání pracovní skupiny.")
                w.text(6, "- ", self.paragraph(rng, 2, 5))
                continue
            if item_no == 2 and index > 0:
                self.reviews(rng, w, date)
                continue
            if item_no == n_items:
                w.add(f"    title: {q('Diskuze, shrnutí, závěr PS pro SC')}")
            else:
                w.add(f"    title: {q(titles[item_no - 1])}")
            if rng.random() < 0.3:
                w.add(f"    presenters: [{q(self.person(rng)[0])}]")
            w.add("    content:")
            if rng.random() < 0.2:
                w.text(6, "- heading: ", rng.choice(HEADINGS))
            for _ in range(rng.randint(1, 3)):
                w.text(6, "- ", self.paragraph(rng, 1, 5))
            if rng.random() < 0.4:
                for org in rng.sample(self.orgs, rng.randint(1, 6)):
                    w.add(f"      - by: {q(org)}")
                    w.text(8, "text: ", self.paragraph(rng, 1, 3, org=org))
            if rng.random() < 0.25:
                self.decision(rng, w, date)
        w.add("")
        w.add("sections:")
        w.add(f"  - title: {q(rng.choice(SECTION_TITLES))}")
        w.add("    content:")
        for _ in range(rng.randint(1, 2)):
            w.text(6, "- ", self.paragraph(rng, 1, 4))
        w.add("")
        w.add("next_meetings:")
        nxt = date + dt.timedelta(days=7)
        w.add(f"  - date: {nxt.isoformat()}")
        w.add('    time: "13:00"')
        if rng.random() < 0.5:
            w.add(f"    note: {q('opět ve 13:00')}")
        for k in range(rng.randint(0, 3)):
            w.add(f"  - date: {(nxt + dt.timedelta(days=14 * (k + 1))).isoformat()}")
            w.add("    tentative: true")
        w.add("")
        w.add("# B Úkoly")
        w.add("tasks:")
        new_open: list[tuple[int, str]] = []
        for ordinal in range(1, rng.randint(5, 15) + 1):
            tid = f"{date.isoformat()}/{ordinal}"
            if self.task(rng, w, date, nxt):
                new_open.append((index, tid))
        w.add("")
        name, org = rng.choice(self.members) if self.members else PEOPLE[0]
        w.add("recorded_by:")
        w.add(f"  name: {q(name)}")
        if org:
            w.add(f"  organisation: {q(org)}")
        w.add(f"  date: {(date + dt.timedelta(days=rng.randint(2, 20))).isoformat()}")
        self.open_tasks.extend(new_open)
        # Tasks of meetings long past drop out of the pool reviews draw from.
        self.open_tasks = [t for t in self.open_tasks if t[0] > index - 12]
        return str(w)

    def decision(self, rng: random.Random, w: Writer, date: dt.date) -> None:
        self.decision_counter[date.year] = self.decision_counter.get(date.year, 0) + 1
        sentence = self.sentence(rng, 6, 14)
        w.text(6, "- decision: ", "PS " + sentence[0].lower() + sentence[1:])
        w.add(f"        number: {q(f'{self.decision_counter[date.year]}/{date.year}')}")
        total = rng.randint(8, 20)
        against = rng.randint(0, 3)
        abstained = rng.randint(0, 3)
        votes_for = max(total - against - abstained, 0)
        w.add(f"        votes: {{for: {votes_for}, against: {against}, abstained: {abstained}}}")
        w.add(f"        outcome: {'adopted' if votes_for > against else 'rejected'}")

    def reviews(self, rng: random.Random, w: Writer, date: dt.date) -> None:
        w.add(f"    title: {q('Kontrola úkolů')}")
        w.add("    content:")
        w.text(6, "- ", "Členové PS pro SC zkontrolovali plnění úkolů z předchozích jednání.")
        pool = self.open_tasks
        if not pool:
            w.text(6, "- ", "Žádné úkoly ke kontrole.")
            return
        picked = rng.sample(pool, min(len(pool), rng.randint(2, 8)))
        picked.sort(key=lambda t: (t[1][:10], int(t[1].rsplit("/", 1)[1])))
        closed = set()
        for _, tid in picked:
            w.add(f"      - task: {q(tid)}")
            roll = rng.random()
            if roll < 0.45:
                w.add("        status: done")
                closed.add(tid)
            elif roll < 0.55:
                w.add("        status: cancelled")
                closed.add(tid)
            elif roll < 0.7:
                w.add("        status: open")
            if roll >= 0.55 and rng.random() < 0.5:
                new = date + dt.timedelta(days=rng.randint(7, 90))
                w.add(f"        deadline: {rng.choice([new.isoformat(), 'next meeting'])}")
            w.text(
                8,
                "note: ",
                rng.choice(REVIEW_NOTES) if rng.random() < 0.6 else self.sentence(rng, 5, 12),
            )
        self.open_tasks = [t for t in self.open_tasks if t[1] not in closed]

    def task(self, rng: random.Random, w: Writer, date: dt.date, nxt: dt.date) -> bool:
        """Writes one task; True when it stays open."""
        words = rng.sample(WORDS, rng.randint(4, 14))
        text = rng.choice(TASK_VERBS) + " " + " ".join(words)
        if rng.random() < 0.2:
            text += " " + rng.choice(PHRASES)
        w.text(2, "- text: ", text)
        roll = rng.random()
        if roll < 0.5:
            deadline = (date + dt.timedelta(days=rng.randint(7, 120))).isoformat()
        elif roll < 0.75:
            deadline = "next meeting"
        else:
            deadline = "ongoing"
        w.add(f"    deadline: {deadline}")
        if rng.random() < 0.4:
            name, org = self.person(rng)
            w.add(f"    contact: {email(name, org or 'mmr')}")
        roll = rng.random()
        if roll < 0.45:
            orgs = rng.sample(self.orgs, rng.randint(1, 2))
            if len(orgs) == 1:
                w.add(f"    responsible: {q(orgs[0])}")
                if rng.random() < 0.2:
                    w.add(f"    responsible_text: {q(f'zpracuje {orgs[0]}.')}")
            else:
                w.add(f"    responsible: [{', '.join(q(o) for o in orgs)}]")
        elif roll < 0.55 and self.members:
            w.add(f"    responsible: {q(rng.choice(self.members)[0])}")
        roll = rng.random()
        if roll < 0.6:
            return True
        status = "done" if roll < 0.88 else "cancelled"
        w.add(f"    status: {status}")
        w.add(f"    status_date: {(date + dt.timedelta(days=rng.randint(1, 60))).isoformat()}")
        if rng.random() < 0.3:
            w.text(4, "status_note: ", self.sentence(rng, 4, 10))
        return False


def generate(root: Path, meetings: int, seed: int, group_file: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(group_file, root / "group.yaml")
    with open(group_file, encoding="utf-8") as f:
        group = yaml.safe_load(f)
    out = root / "meetings"
    if out.exists():
        for old in out.glob("*.yaml"):
            old.unlink()
    out.mkdir(exist_ok=True)
    gen = Generator(group, seed)
    for index in range(meetings):
        date = FIRST_DATE + dt.timedelta(weeks=index)
        (out / f"{date.isoformat()}.yaml").write_text(gen.meeting(index, date), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="where to write the repository")
    parser.add_argument("--meetings", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--group",
        type=Path,
        default=PROJECT / "group.yaml",
        help="group file to copy (default: the project's group.yaml)",
    )
    args = parser.parse_args(argv)
    if args.meetings < 1:
        parser.error("--meetings must be at least 1")
    generate(args.dir, args.meetings, args.seed, args.group)
    print(f"wrote {args.meetings} meetings to {args.dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
