"""Issue 22's ninth round: the one shared step that restores the logical lines of run-together
text (intake/segment.py), attendance on a numbered minute or sub-minute kept as written
(intake/pointattendance.py), attendance labels stacked above their tables
(intake/stackedlabels.py), action points numbered by the committee and cut by their column
(intake/tasks.py, intake/taskwrap.py) and abbreviations explained after a dash
(intake/capsopen.py), on real minutes of tests/fixtures/real and minutes found on the web (the
address above each quote)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_en9 import WEST_LINN
from test_intake_recognise import EN_GROUP, GROUP, _draft

from psc.edits.intake import capsopen, english, pointattendance, segment, tasks, taskwrap
from psc.edits.intake.blocks import Block
from psc.edits.intake.recognise import _label_kind

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


def _is_label(text: str) -> str | None:
    """The intake's own labels, as the recogniser knows them for English minutes."""
    return _label_kind(text, dict(english.LABELS))


PLYMOUTH = _source("en-plymouth-planning-commission-1998-11").strip()
RADA_VLADY = _source("rada-vlady-boj-s-korupci-2015-05").splitlines()[1]
VELKE_BREZNO = _source("obec-velke-brezno-rada-2018-05").splitlines()[0]
HACKLETON = _source("en-hackleton-np-steering-group-2020-09")
CEFN = _source("en-cefn-community-council-2019-09")
HIGHWORTH = _source("en-highworth-school-governing-body-2015-01")

# http://lawsdocbox.com/US_Government_Resources/67175032-Groby-parish-council.html (a parish
# council's minutes in a document site's transcript, their lines lost)
GROBY = (
    "Groby Parish Council Minutes of a Meeting of Groby Parish Council held at 7.00pm on Monday 4 "
    "February 2008 at the Parish Council Chamber, Leicester Road, Groby Cou/285/07-08 Present "
    "Members: Cllr P Batty (Chairman), Cllr J Batty, Cllr Beck, Cllr Cartwright, Cllr Emmerson, "
    "Cllr Hodges, Cllr Hollick (arrived at 7.01pm), Cllr Jones, Cllr Lindsay, Cllr Marvin, Cllr J "
    "Smith, Cllr L Smith (arrived at 7.01pm), Cllr Stockill (arrived at 7.03pm) and Cllr Yarwood. "
    "Cou/286/07-08 Apologies for Absence Apologies for absence were received from Cllr Purves "
    "With the absence of the Vice Chairman it was proposed by Councillor P Batty that Councillor "
    "Beck be elected Vice Chairman for the meeting the Council RESOLVED to elect Councillor Beck "
    "as Vice Chairman for the meeting. Cou/287/07-08 Declarations of Interest Cllr P Batty Cllr J "
    "Batty - Cllr Beck Personal interest in item 7 (Borough Councillor Report) as Borough "
    "Councillor. Personal interest in item 9 (Planning and Development Committee 2 February 2008) "
    "as acted as Chairman for the meeting"
)

# http://docplayer.cz/146505732-Zapis-z-2-zasedani-zastupitelstva-mesta-litomysle-konaneho-dne-od-hod-v-malem-sale-smetanova-domu-v-litomysli.html
# (a town council's minutes in a document site's transcript, their lines lost)
LITOMYSL = (
    "Zápis z 2. zasedání Zastupitelstva města Litomyšle konaného dne od hod v malém sále "
    "Smetanova domu v Litomyšli Přítomni: Miroslav Bárta,, Alena Červinková, Mgr., Ing. "
    "Vítězslav Hanzl, MUDr. Vít Heblt, Ing. Josef Janeček, Radomil Kašpar, Dana Kmošková, Michal "
    "Kortyš, Mgr. Jaromír Kroužil, MUDr. Tomáš Mrkvička, Ing. Marek Novohradský, Radek "
    "Pulkrábek, MUDr. Renata Rothscheinová, Lubomír Sršeň, Vojtěch Stříteský, Ing. Jaromír "
    "Odstrčil, Ing. Terezie Šmolíková, Mgr. Josef Štefl, MUDr. Libor Vylíčil, Mgr. Zdeněk Zitko "
    "Omluveni: - (viz listina přítomných) Zapisovatelka: Mgr. Miroslava Kubešová Zasedání "
    "Zastupitelstva města Litomyšle (dále též jako zastupitelstvo ) bylo zahájeno v hodin "
    "starostou města Michalem Kortyšem (dále jen předsedající ). Uvítal přítomné členy "
    "zastupitelstva a ostatní přítomné. Prohlásil, že 2. zasedání zastupitelstva města bylo řádně "
    "svoláno a vyhlášeno. Zápis z předchozího zasedání zastupitelstva byl uložen k nahlédnutí v "
    "kanceláři starosty města. Dále byl přístupný všem členům zastupitelstva v intranetu městského "
    "úřadu a na oficiálních webových stránkách města. Proti zápisu nebyla podána žádná námitka, "
    "proto se považuje za schválený. Předsedající konstatoval, že je přítomno všech 23 zastupitelů "
    "a tím je zasedání zastupitelstva města podle 92, odst. 3 zákona o obcích schopno usnášet se. "
    "ČÁST A Bod č. 1, část A - Procedurální záležitosti Schválení programu zasedání Poté "
    "předsedající seznámil přítomné s navrženým programem. ČÁST A 1. Procedurální záležitosti "
    "schválení programu zasedání volba návrhové komise a ověřovatelů zápisu 2. Majetkoprávní "
    "záležitosti města 3. Závěrečný úče"
)

# https://de.scribd.com/document/65710330/Minutes (a manual of company minutes: a numbered
# synopsis run together, then a table whose rows number sections of an act)
SCRIBD = (
    "Synopsis Important Provisions at a Glance 1. Minutes Meaning 2. Classification of minutes 3. "
    "Heading of the minutes 4. Minutes requires no confirmation before signing by the chairman 5. "
    "Minutes may be kept in the loose leaf binders 6. Alteration and corrections of minutes 7. "
    "Signing of minutes by the chairman within 30 days from the date of the meeting 8. "
    "Presumptions as to minutes as conclusive evidence 9. Place for keeping the minutes book 10. "
    "Penalty for defaults in keeping proper minutes 11. Publication of minutes Appendix 1 Specimen "
    "of the Board resolution for giving authority to keep minutes in loose leaf binder Important "
    "Provisions at a Glance Sl. No. Sections Matters dealt with 1. 193 Contents, recording and "
    "signing of minutes. 2. 194 Evidential value of minutes."
)

# http://www.moneycontrol.com/news/business/announcements/yash-papers-outcome-of-board-meeting-2437915.html
# (a board's outcome on one line: two points, sums and dates with points inside them)
YASH = (
    "This is to inform you that the Board of Directors of the Company at its meeting held today "
    "i.e. 14th November, 2017 (which commenced at 09:00 A.M. and concluded at 11:00 A.M.) has, "
    "inter-alia, transacted the following businesses:-1. Approval of Sanction Letter for "
    "Financial Year 2014-15: The Board of Directors has approved Sanction Letter "
    "No.INC-10-16/I.I.P.S./15-16/Vol.V/1544 dated 10th November, 2017 of Rs.1,30,22,432.00 as "
    "Interest Free Loan related to financial year 2014-15 repayable after 7 years.2. Noting of "
    "approval of disbursement of Interest Free Loan: The Board of Directors took note for approval "
    "of disbursement of Rs.98,14,769.00 as Interest Free Loan for 7 years from the date of "
    "disbursement from Pradeshiya Industrial & Investment Corporation of U.P. Ltd., LucknowSource "
    ": BSE"
)

# https://salfordpriors.gov.uk/1316-2/ and
# https://hamptonbishopparishcouncil.gov.uk/hampton-bishop-parish-council-minutes/draft-minutes/
# (two parish councils: the councillors under a label of their own inside the attendance)
SALFORD_PRIORS = (
    "Present: Councillors:L Maude, J Stedman, K James, D Penn, A Green, P Gordon, T Shale (19:10)"
)
HAMPTON_BISHOP = "Present … Councillors: Mark Frankland (In the Chair), Susan Marr & Chris Plant."


def _pieces(text: str) -> list[str]:
    pieces = segment.lines(text, _is_label)
    assert " ".join(pieces).split() == text.split()  # every word kept, in its order
    return pieces


def test_points_numbered_in_sequence_start_lines_of_their_own_in_two_languages():
    """'1. Call to Order 2. Approval of Minutes … 7. Adjourn' (a planning commission's agenda)
    and '1. Úvodní slovo 2. Rozkrývání … 6. Různé' (a government council's programme): each
    point a line, read as a numbered point of a list."""
    west_linn = _pieces(WEST_LINN)
    assert [p.split()[0] for p in west_linn[1:]] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    rada = _pieces(RADA_VLADY)
    assert [p[:2] for p in rada if p[0].isdigit()] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert rada[1].startswith("Přítomni: dle podpisové listiny")
    blocks, notes = segment.restore([Block("paragraph", WEST_LINN, "line 1")], _is_label)
    assert [(b.kind, b.number) for b in blocks][1:3] == [("item", "1"), ("item", "2")]
    assert notes == [("line 1", "lines run together: read as 8 lines")]


def test_a_number_inside_a_sentence_starts_no_line():
    """'odst. 3 zákona', 'Bod č. 1,', 'Rs.1,30,22,432.00', 'item 7 (Borough …', 'at 7.00pm',
    'repayable after 7 years.2. Noting' with one point after it: no run of points, so the
    board's outcome stays one line; the manual's synopsis is cut at its points 1-11, never at
    the table's '1. 193 Contents' (a number before a number)."""
    assert _pieces(YASH) == [YASH]
    litomysl = _pieces(LITOMYSL)
    assert not any(p.startswith(("3 zákona", "1, část", "2. zasedání")) for p in litomysl)
    assert [p[:2] for p in litomysl if p[0].isdigit()] == ["1.", "2.", "3."]
    synopsis = _pieces(SCRIBD)
    assert [p.split()[0] for p in synopsis[1:]] == [f"{n}." for n in range(1, 12)]
    assert synopsis[-1].endswith("2. 194 Evidential value of minutes.")
    groby = _pieces(GROBY)
    assert not any(p.startswith(("7 (", "7.0", "9 (")) for p in groby)


def test_minute_numbers_in_sequence_start_lines():
    """'Cou/285/07-08 … Cou/286/07-08 … Cou/287/07-08' (a parish council, run together) and
    'NP/23/20There … NP/24/20There …' (a steering group's minutes, a line each): one part
    counts up, the others stay; the label straight after its minute's number stays on its
    line ('Cou/285/07-08 Present Members: …')."""
    groby = _pieces(GROBY)
    assert [p.split()[0] for p in groby[1:]] == ["Cou/285/07-08", "Cou/286/07-08", "Cou/287/07-08"]
    assert groby[1].startswith("Cou/285/07-08 Present Members: Cllr P Batty (Chairman)")
    starts = segment.minute_starts(HACKLETON)
    assert [HACKLETON[s : s + 8] for s in starts] == [f"NP/{n}/20" for n in range(27, 32)]


def test_known_labels_start_lines_and_a_list_inside_a_sentence_stays():
    """'… Zdeněk Zitko Omluveni: … Zapisovatelka: …' (a town council) and '… John Stoebner MEMBERS
    ABSENT: … STAFF PRESENT: …' (a planning commission): a line at each label the intake knows,
    but not at a label ending a title in capitals ('3. APPROVAL OF AGENDA:'); a programme listed
    inside a resolution's sentence ('… takto: 1) Zahájení 2) … 5) Diskuze Mgr. Kulhánek …', a
    municipal board) is left as written, where it ends not being known."""
    litomysl = _pieces(LITOMYSL)
    assert [p.split(":")[0] for p in litomysl[1:4]] == ["Přítomni", "Omluveni", "Zapisovatelka"]
    plymouth = _pieces(PLYMOUTH)
    assert [p.split(":")[0] for p in plymouth[1:4]] == [
        "MEMBERS PRESENT",
        "MEMBERS ABSENT",
        "STAFF PRESENT",
    ]
    assert "3. APPROVAL OF AGENDA:" in plymouth
    assert not any(p.startswith("2) Hospodaření") for p in _pieces(VELKE_BREZNO))


def test_a_short_or_well_lined_paragraph_is_left_alone():
    """A paragraph with fewer than three places, or lines of its own, stays as it is."""
    assert _pieces(HAMPTON_BISHOP) == [HAMPTON_BISHOP]
    lined = Block("paragraph", "\n".join(CEFN.splitlines()[:9]), "line 1")
    assert segment.restore([lined], _is_label) == ([lined], [])


def test_a_minute_titled_by_an_attendance_label_gives_its_list_under_its_own_label():
    """'37.PRESENT Councillors: P Blackwell, … D Wright & Mrs G Wright Also PCSO Abi Land & …'
    (a community council): item 37 titled 'PRESENT', labelled as written; the councillors a
    category 'Councillors' ending before 'Also'; the line after the title kept as written."""
    meeting = _draft(CEFN, EN_GROUP).meeting
    item = next(i for i in meeting["items"] if i.get("title") == "PRESENT")
    assert item["label"] == "37." and item["run_in"] is True and "number" not in item
    assert item["content"][0].startswith("Councillors: P Blackwell, B Cook")
    assert item["content"][0].endswith("representing Cefn Creates")
    (category,) = meeting["attendees"]["categories"]
    assert category["label"] == "Councillors"
    assert category["people"][0] == "P Blackwell"
    assert category["people"][-2:] == ["D Wright", "Mrs G Wright"]


def test_a_list_under_a_label_of_its_own_inside_the_attendance():
    """'Present: Councillors:L Maude, …' and 'Present … Councillors: Mark Frankland (In the
    Chair), Susan Marr & Chris Plant.' (two parish councils): the councillors' own label and
    their people; a label the intake knows ('1.2Absent: …', a governing body) is none of a
    list's own."""
    label, people = pointattendance.own_label(SALFORD_PRIORS.split(": ", 1)[1], _is_label) or (
        "",
        "",
    )
    assert (label, people.split(", ")[:2]) == ("Councillors", ["L Maude", "J Stedman"])
    own = pointattendance.own_label(HAMPTON_BISHOP.split("… ", 1)[1], _is_label)
    assert own == ("Councillors", "Mark Frankland (In the Chair), Susan Marr & Chris Plant")
    assert pointattendance.own_label(HIGHWORTH.splitlines()[20][3:], _is_label) is None


def test_sub_minutes_of_the_apologies_give_the_attendance_and_stay_as_written():
    """'1.1Approved apologies:Maureen Penny MP (…), …' and '1.2Absent: Martyn Kelham MK (…), …'
    (a school's governing body): excused and absent, the lines kept in minute 1."""
    meeting = _draft(HIGHWORTH, EN_GROUP, date=dt.date(2015, 1, 28)).meeting
    attendees = meeting["attendees"]
    excused = [c for c in attendees.get("categories", []) if c["label"] == "Approved apologies"]
    people = excused[0]["people"] if excused else attendees["excused"]
    assert people[0].startswith("Maureen Penny") and len(people) == 5
    absent = [c for c in attendees.get("categories", []) if c["label"] == "Absent"]
    gone = absent[0]["people"] if absent else attendees["absent"]
    assert [p.split(" M")[0] for p in gone] == ["Martyn Kelham", "Matt Ford"]
    item = next(i for i in meeting["items"] if i.get("number") == 1)
    assert item["content"][0].startswith("1.1Approved apologies:Maureen Penny")
    assert item["content"][1].startswith("1.2Absent: Martyn Kelham")


def test_a_label_inside_a_czech_paragraph_read_by_the_whole_import():
    """The Czech town council's transcript imported: the present read from the line of its
    label, ending where the next label begins ('… Mgr. Zdeněk Zitko Omluveni: …'), and the
    points numbered in sequence that the step restored after the labels read as items."""
    draft = _draft(LITOMYSL, GROUP, date=dt.date(2018, 12, 10))
    present = draft.meeting["attendees"]["present"]
    assert present[0] == "Miroslav Bárta" and present[-1] == "Mgr. Zdeněk Zitko"
    items = [(i.get("number"), i.get("title", "").split()[0]) for i in draft.meeting["items"][1:]]
    assert items == [(1, "Procedurální"), (2, "Majetkoprávní"), (3, "Závěrečný")]


NORTH_OF_TYNE = _source("pdf-north-of-tyne-lpc-2018-11")


def test_attendance_labels_stacked_above_their_tables_give_each_table_its_label():
    """'PRESENT :' / 'IN ATTENDANCE :' / 'APOLOGIES :' above three tables each opening with
    'Name Organisation Affilliation' (a local pharmaceutical committee's PDF): the first
    table's rows present, the empty second a category of nobody, the third's rows apologies;
    the lines kept where they stood."""
    meeting = _draft(NORTH_OF_TYNE, EN_GROUP).meeting
    present, attending, apologies = meeting["attendees"]["categories"]
    assert present["label"] == "PRESENT" and len(present["people"]) == 11
    assert present["people"][0] == "Chris Dodd Gill & Schofield Independent"
    assert attending == {"label": "IN ATTENDANCE", "nobody": True}
    assert apologies["label"] == "APOLOGIES" and len(apologies["people"]) == 7
    assert apologies["people"][2] == "Farhaan Qureshi (Bobby) Lloyds CCA"
    lead = meeting["items"][0]["content"]
    assert "PRESENT :" in lead and lead.count("Name Organisation Affilliation") == 3


def test_action_points_numbered_by_month_are_tasks_and_a_cut_one_is_joined():
    """'11-03 GM to share CCA MUR slides' (the committee's own number, an owner by initials
    'to' …) is a task, as '2.2.2 Action: NB to …' is; '11-04 SAB to organise Rachel' /
    'Harrison as facilitator' (the PDF's column cut it) one line again, 'Notes:' not joined."""
    assert tasks.undated("11-03 GM to share CCA MUR slides", english=True) == {
        "text": "11-03 GM to share CCA MUR slides",
        "_kind": "none",
        "_owner": "GM",
    }
    lines = ["11-04 SAB to organise Rachel", "Harrison as facilitator", "Notes:"]
    blocks = [Block("paragraph", line, f"line {n}") for n, line in enumerate(lines, 1)]
    notes = taskwrap.joined(blocks, _is_label)
    assert [b.text for b in blocks] == [
        "11-04 SAB to organise Rachel Harrison as facilitator",
        "Notes:",
    ]
    assert len(notes) == 1
    cut = ["11-05 SAB to develop draft strategy and papers for Strategy", "Day", "06 Governance"]
    blocks = [Block("paragraph", line, "page 3") for line in cut]
    taskwrap.joined(blocks, _is_label)
    assert [b.text for b in blocks][1:] == ["06 Governance"]
    titles = [i.get("title") for i in _draft(NORTH_OF_TYNE, EN_GROUP).meeting["items"]]
    assert len([t for t in titles if t]) == 9


# http://www.bracknellandascotccg.nhs.uk/bracknell-ascot-ccg-glossary/ (a health body's
# glossary: abbreviations explained after a dash)
BRACKNELL = [
    "ADASS – Association of Directors of Adult Social Services",
    "AGM – Annual General Meeting",
]


def test_an_abbreviation_explained_after_a_dash_is_no_title():
    """'ORWG – Organisational Review Working Group', 'GSC – Governance Sub-Committee strategy
    day. …' (the committee's footnote, run into the text after it) and a glossary's 'ADASS –
    Association of Directors of Adult Social Services': no title in capitals; 'FMD – provide
    frequent update communications' and 'MATTERS ARISING – Dates …' still open with theirs."""
    footnote = [line.strip() for line in NORTH_OF_TYNE.splitlines()[108:111]]
    for text in [*footnote, *BRACKNELL]:
        assert capsopen.opening(text) is None, text
    fmd = NORTH_OF_TYNE.splitlines()[69].strip()
    assert capsopen.opening(fmd) == ("FMD", "provide frequent update communications")
