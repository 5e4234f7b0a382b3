"""Issue 22: the frame of real minutes in psc's format, each shape opt-in by a field or a
label: the body's letterhead, a meeting over several days and its actual start, published
minutes whose approval is not recorded, the attendance, roles and quorum shown where the
minutes record them, programme lines and item headings by the group's pattern, names joined
as the language joins them, a category's note before its people, and sub-items. Rendered in
Markdown, HTML and Word, in Czech and English.

Every text quoted here is from published minutes (the address stands beside each)."""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run

from psc.edits.intake.facts import Title, facts
from psc.language.labels import fill_entry
from psc.loading.model import Group, Meeting
from psc.publish.render import Renderer

# https://adoc.pub/download/zapis-z-10-schze-shromadni-vlastnik-jednotek-objektu-nad-vlt.html
SVJ_LETTERHEAD = "SPOLEČENSTVÍ VLASTNÍKŮ JEDNOTEK OBJEKTU NAD VLTAVSKÝM ÚDOLÍM, PRAHA 6"
SVJ_TITLE = (
    "Zápis z 10. schůze shromáždění vlastníků jednotek objektu Nad Vltavským údolím, Praha 6"
)
SVJ_QUORUM = (
    "Prezenční listina byla uzavřena v 9.15 hodin, přítomno bylo 77,05 % vlastníků jednotek, "
    "shromáždění je usnášeníschopné"
)
SVJ_PRESENT = "vlastníci jednotek a zplnomocnění zástupci dle prezenční listiny"

# https://www.lf1.cuni.cz/zapis-3-4-2017
LF1_PROGRAMME = [
    {
        "title": "Kontrola zápisu ze 6. 3. 2017",
        "presenters": ["prof. MUDr. P. Strejc, DrSc."],
        "duration": 10,
    },
    {
        "title": "Informace děkana členům AS",
        "presenters": ["prof. MUDr. A. Šedo, DrSc."],
        "duration": 20,
    },
    {"title": "Různé", "duration": 10},
]
LF1_STREJC = (
    "P. Strejc vyzval přítomné k připomínkování předloženého zápisu z minulého zasedání a "
    "následně k jeho schválení."
)
LF1_LINES = [
    "1. prof. MUDr. P. Strejc, DrSc. - Kontrola zápisu ze 6. 3. 2017 (10 min.)",
    "2. prof. MUDr. A. Šedo, DrSc. - Informace děkana členům AS (20 min.)",
    "3. Různé (10 min.)",
]

# https://records.lodi.gov/WebLink/DocView.aspx?dbid=0&id=26836&repo=CITY-RECORDS
LODI_OPENING = (
    "The Regular City Council meeting of September 3, 2008, was called to order by Mayor "
    "Mounce at 7:08 p.m."
)
LODI_PRESENT = [
    "Mayor Pro Tempore Hansen",
    "Council Member Hitchcock",
    "Council Member Johnson",
    "Council Member Katzakian",
    "Mayor Mounce",
]

# https://oakland.legistar.com/View.ashx?GUID=079D23F5-AE44-40B8-8FD6-A67B1A45DD36&ID=120550&M=M
OAKLAND_EXCUSED = ["Chair De La Fuente"]
OAKLAND_PRESENT = ["Vice Mayor Chang", "Member Reid", "Member Brunner"]

# https://mesto-pecky.usneseni.cz/verejne/c0c30943-0554-11f0-9479-00505683238f/zapis: "datum: 2. 4.
# 2025, čas: 17:30", "Omluveni: (2) Jaroslav Železný, Jaroslava Vosecká", "Jednání zahájeno
# 02.04.2025 v 17:32:01"
PECKY_EXCUSED = {
    "label": "Omluveni",
    "note": "(2)",
    "note_first": True,
    "people": ["Jaroslav Železný", "Jaroslava Vosecká"],
}

# https://publicdocs.smgov.net/WebLink/DocView.aspx?id=2369332&dbid=0&repo=SMGOV
SANTA_MONICA_SUBITEMS = [
    ("1.A.", "Conference with Legal Counsel – Existing Litigation"),
    ("1.B.", "Conference with Labor Negotiator: Government Code Section 54957.6."),
]

# https://hctv.us/minutes-of-july-31-2023-hctv-board-meeting: "Scheduled for 5:00 via zoom,
# opened officially 5:05 as per agenda."
# https://elgin.edu/about-ecc/trustees/board-meetings/index.aspx: a board meeting on "June 26 &
# 27, 2018".


def renderer(language: str = "cs", **group: Any) -> Renderer:
    data = {"name": "Shromáždění vlastníků", "short": "SVJ", "language": language, **group}
    return Renderer(Group.model_validate(data), [])


def meeting(**fields: Any) -> Meeting:
    data = {"title": SVJ_TITLE, "date": "2016-04-23", **fields}
    return Meeting.model_validate(data)


def docx_text(r: Renderer, m: Meeting) -> list[tuple[str, str]]:
    """(style, text) of each paragraph of the Word minutes, and the header table's cells."""
    import docx

    from psc.publish.docx import minutes_docx

    document = docx.Document(io.BytesIO(minutes_docx(r, m, [])))
    out = [(p.style.name, p.text) for p in document.paragraphs]
    for table in document.tables:
        out += [("cell", cell.text) for row in table.rows for cell in row.cells]
    return out


# ------------------------------------------------------------------ letterhead


def test_the_group_letterhead_stands_above_the_title_in_every_format():
    r = renderer(letterhead=[SVJ_LETTERHEAD])
    m = meeting()
    md = r.render(m, "md")
    assert md.startswith(f"{SVJ_LETTERHEAD}\n\n# Zápis")
    html = r.render(m, "html")
    assert f'<p class="letterhead">{SVJ_LETTERHEAD}</p>\n<h1>' in html
    paragraphs = docx_text(r, m)
    assert paragraphs[0] == ("Normal", SVJ_LETTERHEAD)
    assert paragraphs[1][0] == "Heading 1"


def test_a_meeting_letterhead_replaces_the_groups():
    # https://cuni.cz/UK-4979-version1-vr000427.htm heads its minutes "UNIVERZITA KARLOVA"
    r = renderer(letterhead=[SVJ_LETTERHEAD])
    md = r.render(meeting(letterhead=["UNIVERZITA KARLOVA", "Č.j. 2264/2000-I/IV"]), "md")
    assert md.startswith("UNIVERZITA KARLOVA\n\nČ.j. 2264/2000-I/IV\n\n# Zápis")
    assert SVJ_LETTERHEAD not in md


# ------------------------------------------------------------------ days and start


def test_a_meeting_over_two_days_and_its_actual_start():
    r = renderer("en")
    m = meeting(date="2018-06-26", end_date="2018-06-27", start="17:00", started="17:05")
    md = r.render(m, "md")
    assert "| date | 26 June 2018 – 27 June 2018, 17:00 (began at 17:05) |" in md
    html = r.render(m, "html")
    assert "<td>26 June 2018 – 27 June 2018, 17:00 (began at 17:05)</td>" in html
    assert ("cell", "26 June 2018 – 27 June 2018, 17:00 (began at 17:05)") in docx_text(r, m)
    cs = renderer().render(meeting(date="2025-04-02", start="17:30", started="17:32"), "md")
    assert "| datum | 2. dubna 2025, 17:30 (zahájeno v 17:32) |" in cs


def test_an_end_time_on_the_last_day_may_be_earlier_than_the_start(tmp_path, runner, monkeypatch):
    root = write_repo(
        tmp_path,
        {"date": "2018-06-26", "end_date": "2018-06-27", "start": "17:00", "end": "12:00"},
    )
    monkeypatch.chdir(root)
    assert run(runner, "validate", "--no-cache").exit_code == 0


def test_the_end_date_must_follow_the_date(tmp_path, runner, monkeypatch):
    root = write_repo(tmp_path, {"date": "2018-06-26", "end_date": "2018-06-26"})
    monkeypatch.chdir(root)
    result = run(runner, "validate", "--no-cache")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "meetings/2018-06-26.yaml:3:11: error: end_date: end_date 2018-06-26 is not after the "
        "meeting's date (2018-06-26)"
    )


def write_repo(tmp_path: Path, fields: dict[str, Any], group: dict[str, Any] | None = None) -> Path:
    root = tmp_path / "repo"
    (root / "meetings").mkdir(parents=True)
    data = {"name": "Board of Trustees", "short": "Board", "language": "en", **(group or {})}
    (root / "group.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    body = {"title": "Board meeting", **fields}
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False)
    (root / "meetings" / f"{fields['date']}.yaml").write_text(text, encoding="utf-8")
    return root


def test_the_calendar_and_the_site_index_span_the_days(tmp_path, runner, monkeypatch):
    root = write_repo(tmp_path, {"date": "2018-06-26", "end_date": "2018-06-27"})
    (root / "meetings" / "2018-07-10.yaml").write_text(
        "title: Board meeting\ndate: 2018-07-10\nend_date: 2018-07-11\nstart: '18:00'\n"
        "end: '12:00'\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    ics = run(runner, "export", "ics", "--as-of", "2018-06-01")
    assert ics.exit_code == 0, ics.output
    text = ics.stdout.replace("\r\n", "\n")
    assert "DTSTART;VALUE=DATE:20180626\nDTEND;VALUE=DATE:20180628\n" in text
    assert re.search(
        r"DTSTART;TZID=Europe/Prague:20180710T180000\nDTEND;TZID=Europe/Prague:20180711T120000",
        text,
    )
    site = run(runner, "build", "--as-of", "2018-08-01", "-o", "site")
    assert site.exit_code == 0, site.output
    index = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert (
        '<time datetime="2018-06-26">26 Jun 2018</time> – <time datetime="2018-06-27">'
        "27 Jun 2018</time>"
    ) in index


def test_the_calendar_keeps_a_meeting_still_in_session_on_the_day_asked(
    tmp_path, runner, monkeypatch
):
    root = write_repo(tmp_path, {"date": "2018-06-26", "end_date": "2018-06-28"})
    monkeypatch.chdir(root)
    for args in (["--no-cache"], [], []):  # from the files, then from the index
        during = run(runner, "export", "ics", "--as-of", "2018-06-27", *args)
        assert during.exit_code == 0, during.output
        assert "DTSTART;VALUE=DATE:20180626\nDTEND;VALUE=DATE:20180629" in during.stdout.replace(
            "\r\n", "\n"
        )
        after = run(runner, "export", "ics", "--as-of", "2018-06-29", *args)
        assert after.exit_code == 0 and "DTSTART;VALUE=DATE:20180626" not in after.stdout


# ------------------------------------------------------------------ approval not recorded


@pytest.mark.parametrize("language", ["cs", "en"])
def test_published_minutes_whose_approval_is_not_recorded_are_no_draft(language):
    r = renderer(language)
    draft, published = meeting(), meeting(approval_not_recorded=True)
    notice = r.labels["draft_notice"]
    assert notice in r.render(draft, "md") and notice in r.render(draft, "html")
    for fmt in ("md", "html"):
        out = r.render(published, fmt)
        assert notice not in out and f" – {r.labels['draft']}" not in out
    assert not any(notice in text for _, text in docx_text(r, published))
    assert published.draft is False and draft.draft is True


def test_a_group_may_word_the_missing_approval():
    # the wording is the group's own; psc shows none by default
    r = renderer(labels={"approval_not_recorded": "Schválení zápisu není uvedeno."})
    m = meeting(approval_not_recorded=True)
    assert "*Schválení zápisu není uvedeno.*" in r.render(m, "md")
    assert '<p class="approval-not-recorded" role="note">' in r.render(m, "html")


def test_the_site_index_calls_them_published(tmp_path, runner, monkeypatch):
    root = write_repo(tmp_path, {"date": "2018-06-26", "approval_not_recorded": True})
    monkeypatch.chdir(root)
    assert run(runner, "build", "--as-of", "2018-08-01", "-o", "site").exit_code == 0
    index = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "<td>published</td>" in index and 'class="draft"' not in index
    assert "None" not in index  # a meeting without a number has an empty cell


def test_psc_list_calls_them_published_from_the_files_and_from_the_index(
    tmp_path, runner, monkeypatch
):
    root = write_repo(tmp_path, {"date": "2018-06-26", "approval_not_recorded": True})
    (root / "meetings" / "2018-07-10.yaml").write_text(
        "title: Board meeting\ndate: 2018-07-10\n", encoding="utf-8"
    )
    monkeypatch.chdir(root)
    for args in (["--no-cache"], [], []):  # the files; the index built; the index answering
        result = run(runner, "list", "--format", "json", *args)
        assert result.exit_code == 0, result.output
        rows = {m["id"]: (m["approved"], m["published"]) for m in json.loads(result.stdout)}
        assert rows == {"2018-06-26": (False, True), "2018-07-10": (False, False)}
        table = run(runner, "list", *args).stdout
        assert re.search(r"2018-06-26.*published", table) and re.search(r"2018-07-10.*draft", table)


# ------------------------------------------------------------------ shown where recorded


def roll_call_meeting(**fields: Any) -> Meeting:
    return Meeting.model_validate(
        {
            "title": "Regular City Council Meeting",
            "date": "2008-09-03",
            "attendees": {
                "present": LODI_PRESENT,
                "absent": [],
                "categories": [
                    {
                        "label": "Also Present",
                        "people": [
                            "City Manager King",
                            "City Attorney Schwabauer",
                            "City Clerk Johl",
                        ],
                    }
                ],
            },
            "items": [
                {
                    "label": "A.",
                    "title": "Call to Order / Roll call",
                    "content": [LODI_OPENING, {"show": "attendance"}],
                }
            ],
            **fields,
        }
    )


def test_the_attendance_shown_in_a_roll_call_item_leaves_the_header():
    r = Renderer(
        Group.model_validate(
            {
                "name": "Lodi City Council",
                "short": "Council",
                "language": "en",
                "labels": {"names_last": ", and "},
            }
        ),
        [],
    )
    m = roll_call_meeting()
    md = r.render(m, "md")
    assert "| attendees |" not in md
    heading = md.index("### A. Call to Order / Roll call")
    present = md.index(
        "Present: Mayor Pro Tempore Hansen, Council Member Hitchcock, Council Member Johnson, "
        "Council Member Katzakian, and Mayor Mounce\n"
    )
    also = md.index(
        "Also Present: City Manager King, City Attorney Schwabauer, and City Clerk Johl"
    )
    assert heading < md.index(LODI_OPENING) < present < also
    html = r.render(m, "html")
    assert '<th scope="row">attendees</th>' not in html
    assert '<div class="attendance">' in html and "Katzakian, and Mayor Mounce</p>" in html
    words = [text for _, text in docx_text(r, m)]
    assert any(t.startswith("Present: Mayor Pro Tempore Hansen") for t in words)
    assert not any(t == "attendees" for t in words)


def test_quorum_and_roles_shown_in_the_opening_item():
    r = renderer()
    m = meeting(
        chair="Oldřich Bednář",
        minute_taker={"name": "Pavel Brázda", "gender": "male"},
        attendees={"note": SVJ_PRESENT, "quorum": {"note": SVJ_QUORUM}},
        items=[{"number": 1, "title": "Průběh schůze", "content": [{"show": ["quorum", "roles"]}]}],
    )
    md = r.render(m, "md")
    header = md[: md.index("### ")]
    assert SVJ_PRESENT in header  # the attendance is not shown elsewhere: it stays in the header
    assert SVJ_QUORUM not in header and "Předsedající" not in header
    body = md[md.index("### ") :]
    assert f"{SVJ_QUORUM}\n\nPředsedající: Oldřich Bednář\n\nZapisovatel: Pavel Brázda\n" in body
    html = r.render(m, "html")
    assert f'<p class="quorum">{SVJ_QUORUM}</p>' in html
    assert '<p class="role">Zapisovatel: Pavel Brázda</p>' in html
    assert '<th scope="row">Předsedající</th>' not in html


def test_a_show_block_accepts_only_the_parts_of_the_header():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        meeting(items=[{"title": "Roll Call", "content": [{"show": "agenda"}]}])
    with pytest.raises(ValidationError):
        meeting(items=[{"title": "Roll Call", "content": [{"show": []}]}])


# ------------------------------------------------------------------ patterns


def test_programme_and_headings_in_the_groups_order_presenter_first():
    labels = {
        "programme_entry": "{number}. [{presenters} - ]{title}[ {duration}]",
        "item_entry": "[{number}. ][{presenters} - ]{title}",
    }
    r = renderer(labels=labels)
    m = meeting(
        programme=LF1_PROGRAMME,
        items=[{"number": 1, **LF1_PROGRAMME[0], "content": [LF1_STREJC]}],
    )
    md = r.render(m, "md")
    for line in LF1_LINES:
        assert f"{line}\n" in md
    assert "### 1\\. prof. MUDr. P. Strejc, DrSc. - Kontrola zápisu ze 6. 3. 2017\n" in md
    assert "Předkládá" not in md  # the heading holds the presenter: no line of its own
    html = r.render(m, "html")
    # the entry writes its own number: no list marker of the browser's before it ("1. 1) …")
    assert f'<li class="entry" style="list-style: none">{LF1_LINES[0]}</li>' in html
    assert "<h3>1. prof. MUDr. P. Strejc, DrSc. - Kontrola zápisu ze 6. 3. 2017</h3>" in html
    words = [text for _, text in docx_text(r, m)]
    assert LF1_LINES[1] in words
    assert "1. prof. MUDr. P. Strejc, DrSc. - Kontrola zápisu ze 6. 3. 2017" in words


def test_without_the_labels_the_programme_keeps_psc_s_own_line():
    md = renderer().render(meeting(programme=LF1_PROGRAMME), "md")
    assert (
        "1. Kontrola zápisu ze 6. 3. 2017 – Předkládá: prof. MUDr. P. Strejc, DrSc. (10 min.)" in md
    )


def test_a_pattern_part_in_brackets_goes_with_its_empty_value():
    pattern = "{number}. [{presenters} - ]{title}[ {duration}]"
    assert fill_entry(pattern, number="7", title="Různé", presenters="", duration="(10 min.)") == (
        "7. Různé (10 min.)"
    )
    assert fill_entry(pattern, str.upper, number="7", title="x", presenters="", duration="") == (
        "7. x"
    )


def test_entry_patterns_with_unknown_placeholders_are_refused(tmp_path, runner, monkeypatch):
    root = write_repo(
        tmp_path, {"date": "2018-06-26"}, {"labels": {"programme_entry": "{number} {speaker}"}}
    )
    monkeypatch.chdir(root)
    result = run(runner, "validate", "--no-cache")
    assert result.exit_code == 1
    line = result.output.splitlines()[0]
    assert (
        line.startswith("group.yaml:")
        and "labels.programme_entry: unknown placeholder '{speaker}'" in line
    )


def test_markup_in_a_pattern_value_is_escaped():
    r = renderer(labels={"programme_entry": "{number}. {presenters} - {title}"})
    m = meeting(programme=[{"title": "Různé", "presenters": ["<b>X</b>"]}])
    assert "1. &lt;b&gt;X&lt;/b&gt; - Různé" in r.render(m, "html")
    assert "1. \\<b\\>X\\</b\\> - Různé" in r.render(m, "md")


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("language", "last", "joined"),
    [
        # https://oakland.legistar.com/… "Present: Vice Mayor Chang, Member Reid and Member Brunner"
        ("en", " and ", "Vice Mayor Chang, Member Reid and Member Brunner"),
        ("en", ", and ", "Vice Mayor Chang, Member Reid, and Member Brunner"),
        ("cs", " a ", "Vice Mayor Chang, Member Reid a Member Brunner"),
        ("cs", None, "Vice Mayor Chang, Member Reid, Member Brunner"),
    ],
)
def test_names_joined_as_the_group_joins_them(language, last, joined):
    labels = {"names_last": last} if last is not None else {}
    r = renderer(language, labels=labels)
    m = meeting(
        attendees={"present": OAKLAND_PRESENT},
        verifiers=OAKLAND_PRESENT,
        programme=[{"title": "Closed Session", "presenters": OAKLAND_PRESENT}],
    )
    md = r.render(m, "md")
    assert md.count(joined) == 3  # attendance, verifiers, presenters
    assert joined in r.render(m, "html")
    assert any(joined in text for _, text in docx_text(r, m))


def test_koclirov_joins_its_verifiers_with_a():
    # tests/fixtures/real/obec-koclirov-zastupitelstvo-2008-11: "ověřovatelé zápisu: J. Tesař a
    # J. Drozdek" (group label names_last: " a ")
    root = Path(__file__).parent / "fixtures" / "real" / "obec-koclirov-zastupitelstvo-2008-11"
    group = Group.model_validate(yaml.safe_load((root / "group.yaml").read_text(encoding="utf-8")))
    data = yaml.safe_load((root / "meetings" / "2008-11-27.yaml").read_text(encoding="utf-8"))
    data["date"] = str(data["date"])
    md = Renderer(group, []).render(Meeting.model_validate(data), "md")
    assert "| Ověřovatelé zápisu | J. Tesař a J. Drozdek |" in md


# ------------------------------------------------------------------ categories


def test_categories_in_their_recorded_order_with_the_note_in_place():
    r = renderer("en")
    m = meeting(
        attendees={
            "categories": [
                {"label": "Excused", "people": OAKLAND_EXCUSED},
                {"label": "Present", "people": OAKLAND_PRESENT},
                {"label": "Přítomni", "note": SVJ_PRESENT},
                PECKY_EXCUSED,
            ]
        }
    )
    md = r.render(m, "md")
    assert (
        "| attendees | Excused: Chair De La Fuente<br>Present: Vice Mayor Chang, Member Reid, "
        f"Member Brunner<br>Přítomni: {SVJ_PRESENT}<br>Omluveni: (2) Jaroslav Železný, "
        "Jaroslava Vosecká |"
    ) in md


# ------------------------------------------------------------------ sub-items


def closed_sessions() -> Meeting:
    return Meeting.model_validate(
        {
            "title": "City Council Minutes",
            "date": "2019-02-26",
            "items": [
                {
                    "number": 1,
                    "title": "CLOSED SESSIONS",
                    "content": ["There was no one present for public comment on closed sessions."],
                },
                *[
                    {
                        "label": label,
                        "title": title,
                        "subitem": True,
                        "content": [
                            "The City Attorney advised this matter was heard with no "
                            "reportable action taken."
                        ],
                    }
                    for label, title in SANTA_MONICA_SUBITEMS
                ],
            ],
        }
    )


def test_sub_items_under_their_item_in_every_format():
    r = renderer("en")
    m = closed_sessions()
    md = r.render(m, "md")
    assert "### 1 – CLOSED SESSIONS\n" in md or "### Item 1 – CLOSED SESSIONS\n" in md
    assert "#### 1.A. Conference with Legal Counsel – Existing Litigation\n" in md
    assert md.index("#### 1.A.") < md.index("#### 1.B.")
    html = r.render(m, "html")
    assert '<section class="item subitem">\n<h4>1.A. Conference with Legal Counsel' in html
    styles = dict((text, style) for style, text in docx_text(r, m))
    assert styles["1.B. Conference with Labor Negotiator: Government Code Section 54957.6."] == (
        "Heading 4"
    )


def test_sub_items_are_items_to_the_recall():
    found = facts(closed_sessions())["item"]
    assert len(found) == 3
    assert found[1] == (Title("conference with legal counsel - existing litigation", "", "1.a"),)


def test_the_meeting_file_of_every_shape_validates_through_psc(tmp_path, runner, monkeypatch):
    fields = {
        "date": "2018-06-26",
        "end_date": "2018-06-27",
        "start": "17:00",
        "started": "17:05",
        "letterhead": ["CITY OF SANTA MONICA"],
        "approval_not_recorded": True,
        "attendees": {"categories": [{**PECKY_EXCUSED, "note_first": "yes"}]},
        "items": [
            {"number": 1, "title": "CLOSED SESSIONS", "content": [{"show": "attendance"}]},
            {"label": "1.A.", "title": SANTA_MONICA_SUBITEMS[0][1], "subitem": True},
        ],
    }
    root = write_repo(tmp_path, copy.deepcopy(fields), {"letterhead": ["Board of Trustees"]})
    monkeypatch.chdir(root)
    assert run(runner, "validate", "--no-cache").exit_code == 0
    for fmt in ("md", "html", "docx"):
        out = run(runner, "render", "2018-06-26", "--format", fmt, "-o", f"out.{fmt}", "--no-cache")
        assert out.exit_code == 0, out.output
    assert "CITY OF SANTA MONICA" in (root / "out.md").read_text(encoding="utf-8")


def test_the_published_schema_accepts_every_shape_and_refuses_what_psc_refuses(tmp_path):
    from test_schema_agreement import _data, _schema_errors

    root = write_repo(
        tmp_path,
        {
            "date": "2018-06-26",
            "end_date": "2018-06-27",
            "started": "17:05",
            "letterhead": ["CITY OF SANTA MONICA"],
            "approval_not_recorded": "yes",
            "attendees": {"categories": [PECKY_EXCUSED]},
            "items": [
                {"title": "Roll Call", "content": [{"show": ["roles", "quorum"]}]},
                {"label": "1.A.", "title": SANTA_MONICA_SUBITEMS[0][1], "subitem": True},
            ],
        },
        {"letterhead": ["Board of Trustees"], "labels": {"item_entry": "[{number}. ]{title}"}},
    )
    assert _schema_errors("meeting", _data(root / "meetings" / "2018-06-26.yaml")) == []
    assert _schema_errors("group", _data(root / "group.yaml")) == []
    bad = _data(root / "meetings" / "2018-06-26.yaml")
    for wrong in ("agenda", [], ""):
        bad["items"][0]["content"] = [{"show": wrong}]
        assert _schema_errors("meeting", bad), wrong
    group = _data(root / "group.yaml")
    group["labels"] = {"programme_entry": "{number} {speaker}"}
    assert _schema_errors("group", group)
