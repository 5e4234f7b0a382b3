"""The public edition (`--public`): private people's names replaced, private passages left out,
and no private string in any byte of any public output (HTML, Markdown, PDF text, ICS, the
site's search index, e-mail drafts), while the internal edition stays complete."""

from __future__ import annotations

import email
import email.policy
import html
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run
from hypothesis import given, settings
from hypothesis import strategies as st

GROUP_MEMBERS = """\
members:
  - name: Libor Čermák
    organisation: MMR
    gender: male
  - name: Petra Malá
    gender: female
    private: true
"""

GROUP_PRIVACY = """
privacy:
  replacement: initials
  persons:
    - name: Libor Čermák
      forms: [Libora Čermáka, Liborovi Čermákovi, Liborem Čermákem]
"""

MEETING = """\
number: 2
title: 2. jednání Pracovní skupiny pro Smart Cities (PS pro SC)
date: 2016-11-15
start: "13:00"
chair: {name: Marek Vondrouš, private: true}
minute_taker: Petra Malá
verifiers:
  - {name: Zuzana Hrabalová, private: true}
attendees:
  present:
    - {name: Libor Čermák, organisation: MMR, private: true}
    - Jana Korytářová
  guests:
    - Zuzana Hrabalová
programme:
  - title: Zpráva Libora Čermáka
    presenters: [Libor Čermák]
private_persons:
  - name: Zuzana Hrabalová
    forms: [Zuzany Hrabalové, Zuzanou Hrabalovou]
items:
  - number: 1
    title: Zpráva Libora Čermáka
    presenters: [Libor Čermák, Zuzana Hrabalová]
    content:
      - >-
        Jednání zahájil Marek Vondrouš; o zprávě Libora
        Čermáka mluvila se Zuzanou Hrabalovou Petra Malá.
      - text: Soukromý odstavec PRIVMARKER-PARA-7f3a o rodinných poměrech.
        private: true
      - heading: Nadpis PRIVMARKER-HEAD-2b1c
        private: true
      - person: Jana Korytářová
        text: Sdělila PRIVMARKER-STMT-91c2 o zdraví.
        private: true
      - list: [PRIVMARKER-LIST-55d0]
        private: true
      - person: Libor Čermák
        text: "**Libor Čermák** poděkoval Liborovi Čermákovi."
      - decision: PS bere na vědomí zprávu Libora Čermáka.
        number: 1/2016
        outcome: noted
        roll_call:
          - {name: Marek Vondrouš, vote: for}
          - {name: Petra Malá, vote: abstained}
      - task: 2016-09-07/1
        note: Projednáno s Liborem Čermákem.
  - content:
      - text: PRIVMARKER-ALONE-3e3e
        private: true
tasks:
  - text: Liborovi Čermákovi zaslat podklady od Zuzany Hrabalové.
    responsible: [Libor Čermák]
    deadline: 2016-12-01
    contact: podatelna@example.cz
  - text: Připravit dopis.
    responsible: [MMR]
    responsible_text: zpracuje Marek Vondrouš.
    deadline: 2016-11-30
next_meetings:
  - date: 2017-01-20
recorded_by: {name: Petra Malá, private: true}
"""

LATER = """\
number: 3
title: 3. jednání Pracovní skupiny pro Smart Cities (PS pro SC)
date: 2017-01-20
items:
  - number: 1
    title: Kontrola úkolů
    content:
      - Marek Vondrouš shrnul, co zbývá.
      - task: 2016-11-15/2
        note: Marek Vondrouš dopis připravuje.
"""

PRIVATE = [
    "Libor Čermák",
    "Libora Čermáka",
    "Liborovi Čermákovi",
    "Liborem Čermákem",
    "Zuzana Hrabalová",
    "Zuzany Hrabalové",
    "Zuzanou Hrabalovou",
    "Marek Vondrouš",
    "Petra Malá",
    "PRIVMARKER",
]
"""Every private name and form, and the prefix of the markers of the private passages."""

FOLDED = ["cermak", "hrabalov", "vondrous", "petra mala", "privmarker"]
"""The same, as file names and slugs fold them (no diacritics, any case)."""


@pytest.fixture
def private_repo(repo: Path) -> Path:
    """The seed repository with private people (with declined forms), a private statement,
    paragraph, heading and list, tasks naming private people, and a later meeting that
    names a person private only in an earlier one."""
    group = repo / "group.yaml"
    text = group.read_text(encoding="utf-8")
    assert text.count("members:\n") == 1
    text = text.replace("members:\n", GROUP_MEMBERS) + GROUP_PRIVACY
    group.write_text(text, encoding="utf-8")
    (repo / "meetings" / "2016-11-15.yaml").write_text(MEETING, encoding="utf-8")
    (repo / "meetings" / "2017-01-20.yaml").write_text(LATER, encoding="utf-8")
    return repo


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def views(path: Path) -> list[str]:
    """Every way a reader may get at the text of a file: its bytes as text, HTML entities
    resolved, iCalendar lines unfolded and unescaped, e-mail headers and bodies decoded, a
    PDF's text and metadata read back; each also with its whitespace made single spaces."""
    raw = path.read_bytes()
    found = [raw.decode("utf-8", errors="replace"), raw.decode("latin-1")]
    text = found[0]
    found.append(html.unescape(text))
    unfolded = text.replace("\r\n ", "").replace("\n ", "")
    found.append(unfolded.replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n"))
    if path.suffix == ".eml":
        message = email.message_from_bytes(raw, policy=email.policy.default)
        found += [str(v) for v in message.values()]
        found += [part.get_content() for part in message.walk() if not part.is_multipart()]
    if path.suffix == ".pdf":
        for tool in (["pdftotext", str(path), "-"], ["pdfinfo", "-meta", str(path)]):
            found.append(subprocess.run(tool, capture_output=True, text=True, check=True).stdout)
    return found + [" ".join(v.split()) for v in found]


def leaks(*places: Path) -> list[str]:
    """'file: string' for every private string in the files under `places` (their paths too)."""
    found = []
    files = [f for p in places for f in ([p] if p.is_file() else sorted(p.rglob("*")))]
    assert files, places
    for f in files:
        if not f.is_file():
            continue
        seen = views(f) + [str(f)]
        for s in PRIVATE:
            found += [f"{f}: {s}" for v in seen if s in v][:1]
        for s in FOLDED:
            found += [f"{f}: {s}" for v in seen if s in _fold(v)][:1]
    return found


def _pdf_ready() -> str | None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"WeasyPrint cannot run here ({exc}); .ci/run installs it with Pango"
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        return "pdftotext/pdfinfo are not installed (Debian package poppler-utils)"
    return None


# ------------------------------------------------------------------------ every output


def test_no_private_string_reaches_any_public_output(private_repo, runner):
    day = ["--as-of", "2016-11-20"]
    assert run(runner, "validate").exit_code == 0
    assert run(runner, "build", "--public", *day).exit_code == 0
    assert run(runner, "render", "--all", "--public").exit_code == 0  # md and html
    result = run(runner, "export", "ics", "--public", *day, "-o", "public.ics")
    assert result.exit_code == 0, result.output
    result = run(runner, "remind", "--public", *day, "--within", "60d", "--dry-run")
    assert result.exit_code == 0 and "would write" in result.output, result.output
    dry_run = private_repo / "dry-run.txt"
    dry_run.write_text(result.output, encoding="utf-8")
    assert run(runner, "remind", "--public", *day, "--within", "60d").exit_code == 0

    site = private_repo / "public" / "site"
    minutes = private_repo / "public" / "minutes"
    drafts = private_repo / "public" / "reminders"
    assert (site / "meetings" / "2016-11-15.html").is_file()
    assert (minutes / "2016-11-15.md").is_file() and (minutes / "2016-11-15.html").is_file()
    assert sorted(p.name for p in drafts.iterdir())
    public = [site, minutes, drafts, private_repo / "public.ics", dry_run]
    assert leaks(*public) == []
    page = (site / "meetings" / "2016-11-15.html").read_text(encoding="utf-8")
    assert "L. Č." in page and "M. V." in page and "Zapisovatelka" in page

    # the internal edition stays complete: every name and every private passage
    assert run(runner, "build", *day).exit_code == 0
    assert run(runner, "render", "--all").exit_code == 0
    internal = private_repo / "site" / "meetings" / "2016-11-15.html"
    text = " ".join(html.unescape(internal.read_text(encoding="utf-8")).split())
    for marker in ("PRIVMARKER-PARA-7f3a", "PRIVMARKER-STMT-91c2", "PRIVMARKER-HEAD-2b1c"):
        assert marker in text
    for name in ("Libora Čermáka", "Zuzanou Hrabalovou", "Marek Vondrouš", "Petra Malá"):
        assert name in text
    assert "Marek Vondrouš" in (private_repo / "minutes" / "2017-01-20.md").read_text("utf-8")
    assert len(leaks(private_repo / "site")) > len(leaks(site))  # the check does find them
    assert leaks(*public) == []  # the internal build did not touch the public one


def test_no_private_string_in_the_public_pdf(private_repo, runner, tmp_path):
    reason = _pdf_ready()
    if reason:
        pytest.skip(reason)
    out = tmp_path / "public.pdf"
    result = run(runner, "render", "2016-11-15", "--public", "--format", "pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert leaks(out) == []
    assert "L. Č." in " ".join(views(out))
    internal = tmp_path / "internal.pdf"
    assert run(runner, "render", "2016-11-15", "-f", "pdf", "-o", str(internal)).exit_code == 0
    assert any("Zuzanou Hrabalovou" in v for v in views(internal))


def test_public_outputs_go_beside_the_internal_ones(private_repo, runner):
    assert run(runner, "render", "2016-11-15").exit_code == 0
    result = run(runner, "render", "2016-11-15", "--public")
    assert result.exit_code == 0
    assert "wrote public/minutes/2016-11-15.md" in result.output
    internal = (private_repo / "minutes" / "2016-11-15.md").read_text(encoding="utf-8")
    assert "PRIVMARKER-PARA-7f3a" in internal and "Libora Čermáka" in internal
    assert leaks(private_repo / "public" / "minutes") == []
    result = run(runner, "build", "--public", "--as-of", "2016-11-20")
    assert result.exit_code == 0
    assert (private_repo / "public" / "site" / "index.html").is_file()
    assert not (private_repo / "site").exists()
    # neither edition's folder lies inside the other's: uploading site/ publishes only it
    assert run(runner, "build", "--as-of", "2016-11-20").exit_code == 0
    assert run(runner, "remind", "--as-of", "2016-11-20", "--public").exit_code == 0
    assert sorted(p.name for p in (private_repo / "public").iterdir()) == [
        "minutes",
        "reminders",
        "site",
    ]
    assert not list((private_repo / "site").rglob("*public*"))
    assert not (private_repo / "minutes" / "public").exists()


def test_public_render_to_stdout(private_repo, runner):
    result = run(runner, "render", "2016-11-15", "--public", "-f", "md", "-o", "-")
    assert result.exit_code == 0
    assert "# Zápis" in result.stdout and "L. Č." in result.stdout
    assert not [s for s in PRIVATE if s in result.stdout]


# ------------------------------------------------------------------------ the pure function


def _load(root: Path, meeting: str = "2016-11-15"):
    from psc.archive.project import Project

    project = Project(root)
    group = project.load_group()
    return project.load_meeting(root / "meetings" / f"{meeting}.yaml", group), group


def test_public_edition_replaces_every_form_in_every_text(private_repo):
    from psc.publish.public import public_edition

    meeting, group = _load(private_repo)
    before = meeting.model_dump_json()
    edition = public_edition(meeting, group)
    dumped = edition.model_dump_json()
    assert not [s for s in PRIVATE if s in dumped]
    assert meeting.model_dump_json() == before  # the internal edition is untouched
    assert edition.chair is not None and edition.chair.name == "M. V."
    assert edition.items[0].title == "Zpráva L. Č."
    assert edition.items[0].presenters == ["L. Č.", "Z. H."]
    assert edition.items[0].content[0].text == (  # type: ignore[union-attr]
        "Jednání zahájil M. V.; o zprávě L. Č. mluvila se Z. H. P. M."
    )
    assert edition.tasks[0].text == "L. Č. zaslat podklady od Z. H."
    assert edition.tasks[0].responsible == ["L. Č."]
    assert edition.recorded_by is not None and edition.recorded_by.gender is not None
    assert edition.recorded_by.gender.value == "female"  # 'Zapsala' still agrees
    assert edition.private_persons == []
    assert len(edition.items) == 1  # the untitled item held only a private paragraph
    kinds = [type(b).__name__ for b in edition.items[0].content]
    assert kinds == ["Paragraph", "Statement", "Decision", "TaskReview"]
    assert edition.id == meeting.id and edition.path == meeting.path


def test_redacted_label_and_own_replacement(private_repo):
    from psc.publish.public import public_edition

    meeting, group = _load(private_repo)
    group.privacy.replacement = "redacted"
    meeting.private_persons[0].replacement = "paní Z."
    edition = public_edition(meeting, group)
    assert edition.chair is not None and edition.chair.name == "[anonymizováno]"
    assert edition.tasks[0].text == "[anonymizováno] zaslat podklady od paní Z."
    group.language = "en"
    assert public_edition(meeting, group).chair.name == "[redacted]"  # type: ignore[union-attr]


def test_whole_words_any_case_any_whitespace():
    from psc.publish.public import Redactor

    redact = Redactor({"Libor Čermák": "L. Č.", "Čermák": "Č."})
    assert redact("Libor Čermák.") == "L. Č."
    assert redact("Libor\n  Čermák a Čermák") == "L. Č. a Č."
    assert redact("Liborek Čermákový, libor čermák") == "Liborek Čermákový, L. Č."
    assert redact("LIBOR\u00a0ČERMÁK") == "L. Č."
    assert redact("LiborČermák, xČermák, Čermákovi") == "LiborČermák, xČermák, Čermákovi"
    assert redact("Libor Čermák".replace("Č", "C\u030c")) == "L. Č."  # NFD typed on a Mac
    assert Redactor({})("Libor Čermák") == "Libor Čermák"


def test_initials():
    from psc.publish.public import initials

    assert initials("Libor Čermák") == "L. Č."
    assert initials("Liborovi Čermákovi") == "L. Č."
    assert initials("Ing. Jana Nováková-Dvořáková, Ph.D.") == "J. N.-D."
    assert initials("Dr. Vojtěch Eliáš") == "V. E."
    assert initials("ing.") is None


def test_a_person_private_in_one_meeting_is_private_in_all(private_repo):
    from psc.archive.project import Project
    from psc.publish.public import public_project

    project = public_project(Project(private_repo))
    later = project.load_meeting(private_repo / "meetings" / "2017-01-20.yaml", None)
    assert later.items[0].content[0].text == "M. V. shrnul, co zbývá."  # type: ignore[union-attr]
    index = project.report_index()
    notes = [r.note for m in index.meetings for r in m.reviews]
    assert "M. V. dopis připravuje." in notes
    assert not [s for m in index.meetings for t in m.tasks for s in PRIVATE if s in t.text]


# ------------------------------------------------------------------ never skip and publish

PUBLIC_COMMANDS = [
    ["build", "--public", "--as-of", "2016-11-20"],
    ["build", "--public", "--as-of", "2016-11-20", "-o", "out"],
    ["render", "--all", "--public"],
    ["render", "2016-09-07", "--public"],
    ["render", "2016-09-07", "--public", "-f", "md", "-o", "-"],
    ["export", "ics", "--public", "--as-of", "2016-11-20", "-o", "out.ics"],
    ["export", "ics", "--public", "--as-of", "2016-11-20"],
    ["remind", "--public", "--as-of", "2016-11-20", "--within", "60d"],
    ["remind", "--public", "--as-of", "2016-11-20", "--within", "60d", "--dry-run"],
]


@pytest.mark.parametrize("args", PUBLIC_COMMANDS)
def test_a_public_output_refuses_an_invalid_file_and_writes_nothing(private_repo, runner, args):
    path = private_repo / "meetings" / "2016-11-15.yaml"
    path.write_text(MEETING.replace("next_meetings:", "unknown_key: 1\nnext_meetings:"), "utf-8")
    before = sorted(p for p in private_repo.rglob("*") if ".psc-cache" not in p.parts)
    result = run(runner, *args)
    assert result.exit_code == 1, result.output
    assert "meetings/2016-11-15.yaml:60:1: error: unknown_key: " in result.output
    assert not [s for s in PRIVATE if s in result.output]
    after = sorted(p for p in private_repo.rglob("*") if ".psc-cache" not in p.parts)
    assert after == before  # nothing written
    # without --public the report of the valid meetings goes on, as before
    if args[0] != "render" or "--all" in args:
        internal = run(runner, *[a for a in args if a != "--public"])
        assert internal.exit_code == 0, internal.output
        assert "warning: skipped meetings/2016-11-15.yaml" in internal.output


# ------------------------------------------------------------------ private members' contacts


def test_a_private_members_address_is_never_published(private_repo, runner):
    group = private_repo / "group.yaml"
    text = group.read_text(encoding="utf-8")
    text = text.replace(
        "    gender: male\n", "    gender: male\n    email: libor.cermak@mmr.cz\n", 1
    )
    text = text.replace(
        "    gender: female\n    private: true\n",
        "    gender: female\n    private: true\n    email: petra.mala@example.cz\n",
    )
    group.write_text(text, encoding="utf-8")
    meeting = private_repo / "meetings" / "2016-11-15.yaml"
    text = meeting.read_text(encoding="utf-8")
    text = text.replace("contact: podatelna@example.cz", "contact: Libor.Cermak@MMR.cz")
    text = text.replace(
        "    responsible_text: zpracuje Marek Vondrouš.\n",
        "    responsible_text: zpracuje Marek Vondrouš.\n    contact: petra.mala@example.cz\n",
    )
    meeting.write_text(text, encoding="utf-8")
    day = ["--as-of", "2016-11-20"]
    assert run(runner, "validate").exit_code == 0
    assert run(runner, "build", "--public", *day).exit_code == 0
    assert run(runner, "render", "--all", "--public").exit_code == 0
    assert run(runner, "export", "ics", "--public", *day, "-o", "public.ics").exit_code == 0
    result = run(runner, "remind", "--public", *day, "--within", "60d")
    assert result.exit_code == 0, result.output
    dry_run = run(runner, "remind", "--public", *day, "--within", "60d", "--dry-run")
    assert dry_run.exit_code == 0
    outputs = [
        *(private_repo / "public").rglob("*"),
        private_repo / "public.ics",
    ]
    seen = (
        " ".join(v.casefold() for f in outputs if f.is_file() for v in views(f) + [str(f)])
        + (result.output + dry_run.output).casefold()
    )
    assert "cermak@" not in seen and "mala@" not in seen
    tasks = (private_repo / "public" / "site" / "tasks.html").read_text(encoding="utf-8")
    assert "L. Č." in tasks and "P. M." in tasks  # the contacts, as the people's names read
    assert "mailto:L." not in tasks and "mailto:P." not in tasks  # and no longer links
    minutes = (private_repo / "public" / "minutes" / "2016-11-15.html").read_text("utf-8")
    assert "(posílat na L. Č.)" in minutes and "mailto:L." not in minutes
    minutes = (private_repo / "public" / "minutes" / "2016-11-15.md").read_text("utf-8")
    assert "(posílat na L. Č.)" in minutes and "mailto:L." not in minutes
    # the internal edition keeps them
    assert run(runner, "build", *day).exit_code == 0
    internal = (private_repo / "site" / "tasks.html").read_text(encoding="utf-8")
    assert "Libor.Cermak@MMR.cz" in internal and "petra.mala@example.cz" in internal


# ------------------------------------------------------------------ the words, not the source

HIDDEN_NAMES = ["Hana Malá", "Radek Pospíšil"]
"""Private people of the property test (in the meeting's private_persons)."""

ENTITIES = {"á": "&aacute;", "í": "&#237;", "š": "&#x161;", "a": "&#97;", "H": "&#x48;"}


@st.composite
def hidden(draw: st.DrawFn, name: str) -> str:
    """`name` as a text may write it: words split and wrapped in inline markup (emphasis,
    code, links, tags), letters as entities or in another case, soft hyphens and zero-width
    characters inside words, any whitespace between them, in NFC or NFD."""
    words = []
    for word in name.split():
        cuts = sorted(draw(st.sets(st.integers(1, len(word) - 1), max_size=2)))
        chunks = [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]
        written = []
        for chunk in chunks:
            chunk = draw(st.sampled_from([chunk, chunk.upper(), chunk.lower()]))
            if draw(st.booleans()):
                chunk = "".join(ENTITIES.get(c, c) if draw(st.booleans()) else c for c in chunk)
            wrap = draw(
                st.sampled_from(
                    [
                        "{}",
                        "*{}*",
                        "**{}**",
                        "_{}_",
                        "__{}__",
                        "`{}`",
                        "<b>{}</b>",
                        "[{}](https://example.cz/x)",
                        "{}\u00ad",
                        "{}\u200b",
                        "{}\u2060",
                        "\\{}",
                    ]
                )
            )
            written.append(wrap.replace("{}", chunk))
        words.append("".join(written))
    if draw(st.booleans()):  # markup around the whole name
        words[0] = draw(st.sampled_from(["*", "**", "_", "[", "<i>"])) + words[0]
    spaces = st.sampled_from([" ", "  ", "\u00a0", "&nbsp;", "&#32;", "\n", " \u2009"])
    text = words[0] + "".join(draw(spaces) + w for w in words[1:])
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


def reader_text(text: str) -> str:
    """What a reader sees of `text`: NFKC, case-folded, no invisible characters, single spaces."""
    text = unicodedata.normalize("NFKC", html.unescape(text)).casefold()
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(text.split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return "".join(parser.parts)


def test_markup_cannot_hide_a_private_name(private_repo):
    from psc.loading.model import Paragraph, PrivatePerson
    from psc.publish.public import public_edition
    from psc.publish.render import Renderer

    meeting, group = _load(private_repo)
    meeting.private_persons = [PrivatePerson(name=n, replacement=None) for n in HIDDEN_NAMES]
    renderer = Renderer(group, [private_repo / "templates"])
    names = [reader_text(n) for n in HIDDEN_NAMES]

    @settings(max_examples=150, deadline=None)
    @given(st.sampled_from(HIDDEN_NAMES).flatmap(hidden), st.sampled_from(["", "x ", "(", "„"]))
    def check(written: str, before: str) -> None:
        text = f"Jednání zahájil{' ' if not before else ' ' + before}{written} a odešel."
        meeting.items[0].content[0] = Paragraph(text=text)
        meeting.tasks[0].text = f"Zaslat podklady: {written}."
        edition = public_edition(meeting, group)
        page = renderer.render(edition, "html")
        markdown = renderer.render(edition, "md")
        for seen in (
            reader_text(html_text(page)),
            reader_text(page),
            reader_text(re.sub(r"[*_`\\]", "", markdown)),
        ):
            for name in names:
                assert name not in seen, (written, name)

    check()
