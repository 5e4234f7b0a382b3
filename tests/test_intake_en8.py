"""Issue 22's seventh round, English held-out shapes: minute references run into their text
(intake/gluedref.py, rendered run together by an item's `run_in`) and a role in brackets with
no comma before the list's last two people (intake/afterrole.py), on real minutes of
tests/fixtures/real and councils' minutes found on the web (the address above each quote)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from test_intake_english import _words_kept
from test_intake_recognise import EN_GROUP, _draft

from psc.edits.intake import afterrole, capsitems, colontitles, firstnames, gluedref, pdfbullets
from psc.edits.intake.reading import read_source
from psc.edits.intake.recognise import recognise
from psc.edits.intake.sources import read_markdown, text_blocks

REAL = Path(__file__).parent / "fixtures" / "real"


def _source(name: str) -> str:
    return (REAL / name / "source.txt").read_text(encoding="utf-8")


HACKLETON = _source("en-hackleton-np-steering-group-2020-09")

# https://chawleighparishcouncil.org/2021-05-05-annual-parish-council-meeting-minutes-2/
CHAWLEIGH = """2021/05/05: Annual Parish Council Meeting – Minutes
Notes of the remote Annual Parish Meeting
held on Thursday 5 May at 7:00 pm
APM 21.01The notes of the Annual Parish Meeting held on 9 May 2019 were accepted as a correct record. Proposed by Cllr Cockram, seconded by Cllr Martin, carried unanimously.
APM 21.02Cllr Godly gave a report on the key areas of work undertaken by the Council.
"""


def _kept(text: str, draft) -> None:
    """Every word kept, the reference and the text it runs into read as two words."""
    _words_kept(re.sub(r"(\d)([A-Z])", r"\1 \2", text), draft)


def _labelled(meeting) -> list[tuple[object, object, object]]:
    return [
        (i.get("label"), i.get("title"), i.get("run_in"))
        for i in meeting["items"]
        if i.get("label")
    ]


def test_minute_references_run_into_their_titles_are_items():
    """'NP/23/20There were no apologies for absence.', 'NP/27/20Matters Arising and brief
    update' (a steering group's minutes): items labelled by the reference, the rest of the
    line their title, run together as written."""
    draft = _draft(HACKLETON, EN_GROUP)
    labelled = _labelled(draft.meeting)
    assert labelled[0] == ("NP/23/20", "There were no apologies for absence.", True)
    assert ("NP/27/20", "Matters Arising and brief update", True) in labelled
    assert len(labelled) == 10
    _kept(HACKLETON, draft)


def test_minute_references_run_into_their_text_in_another_councils_minutes():
    """'APM 21.01The notes of …' (a parish meeting's notes, the reference glued to the
    sentence): the same shape, a space in the reference ('APM 21.01')."""
    draft = _draft(CHAWLEIGH, EN_GROUP)
    labelled = _labelled(draft.meeting)
    assert [label for label, _title, _run_in in labelled] == ["APM 21.01", "APM 21.02"]
    assert labelled[1][1].startswith("Cllr Godly gave a report")
    _kept(CHAWLEIGH, draft)


def test_one_glued_line_or_one_without_a_year_of_the_minutes_stays_text():
    """One line of the shape is no run of minutes; nor lines whose reference holds no year the
    minutes write out."""
    one = text_blocks(CHAWLEIGH.rsplit("APM 21.02", 1)[0])
    assert gluedref.split_glued(one, lambda _text: None) == []
    no_year = text_blocks(CHAWLEIGH.replace("2019", "").replace("2021/05/05", ""))
    assert gluedref.split_glued(no_year, lambda _text: None) == []


def test_a_run_in_label_renders_without_a_space(tmp_path, monkeypatch, runner):
    """Imported into a fresh repository, the minutes render 'NP/23/20There were no apologies
    for absence.' as the source writes it (Markdown, HTML and Word), not with a space."""
    from conftest import run

    root = tmp_path / "r"
    assert (
        run(runner, "init", str(root), "--name", "B", "--short", "B", "--lang", "en").exit_code == 0
    )
    monkeypatch.chdir(root)
    source = REAL / "en-hackleton-np-steering-group-2020-09" / "source.txt"
    assert run(runner, "import", str(source)).exit_code == 0
    assert run(runner, "validate").exit_code == 0
    for fmt in ("md", "html"):
        out = run(runner, "render", "2020-09-10", "--format", fmt, "-o", "-").stdout
        assert "NP/23/20There were no apologies for absence." in out, fmt
        assert "NP/23/20 There" not in out, fmt
    word = tmp_path / "m.docx"
    assert run(runner, "render", "2020-09-10", "--format", "docx", "-o", str(word)).exit_code == 0


def test_a_role_in_brackets_before_the_last_two_people():
    """'R Hawkesford (Chairman) C Lloyd & M Woolley.': three people."""
    draft = _draft(HACKLETON, EN_GROUP)
    assert draft.meeting["attendees"]["present"] == [
        "R Hawkesford (Chairman)",
        "C Lloyd",
        "M Woolley.",
    ]


def test_a_role_in_brackets_amid_a_list_stays_as_written():
    """'Ray Thompson (Secretary) Dawn Beckwith, …' (a residents' association) amid the list: one
    entry, so the line renders as the source writes it."""
    line = "Ray Thompson (Secretary) Dawn Beckwith"
    assert line in _source("html-stoke-ferry-residents-association-2004-10")
    assert afterrole.split_after_role(line) == [line]


# http://www.flybelen.com/2015/08/ (a model flying club's minutes)
FLYBELEN = """Minutes for July 21 Meeting

The meeting was called to order at 7 PM.

There were 9 members present.

The minutes for the last meeting were read and approved.

Treasurers Report: Mike presented the report for Dave. Mike reports that more weed killer was purchased for weed control at the field and Dave needs to be reimbursed for $74.80.

Old Business:

  • A funfly is scheduled for this weekend

  • Breakfast food will be served as pot luck.

New Business:

          Marty suggested that we post a message on Google Groups the third Monday of the month to remind members of the meeting the next day.

The meeting was adjourned at 7:30 pm.
"""

LOUISA_PDF = REAL / "pdf-louisa-county-coa-2019-04" / "source.pdf"
"""Read as `psc import` reads it (its text as pypdf gives it)."""


def _titles(meeting) -> list[object]:
    return [i.get("title") for i in meeting["items"] if i.get("title")]


def test_titles_with_a_colon_over_bullets_are_items():
    """'Minutes:' over its bullet, 'Publicity: no report' with its text on the line, 'Rack
    Card' and 'Adjourn' without a colon between the lists (a county commission on aging)."""
    draft = recognise(read_source(LOUISA_PDF), EN_GROUP)
    titles = _titles(draft.meeting)
    assert titles[:6] == [
        "Minutes:",
        "Treasurer Report:",
        "Publicity:",
        "Activities:",
        "Budget Committee:",
        "General Discussion on Funding:",
    ]
    assert {"Rack Card", "New Business", "Introduction:", "English Meadows Tour", "Adjourn"} <= set(
        titles
    )
    publicity = next(i for i in draft.meeting["items"] if i.get("title") == "Publicity:")
    assert publicity["content"] == ["no report"]


def test_titles_with_a_colon_in_another_bodys_minutes():
    """'Old Business:' over its bullets, 'New Business:' over its paragraph (a flying club's
    minutes that name no one present): items from the first such title."""
    draft = _draft(FLYBELEN, EN_GROUP, date=dt.date(2015, 7, 21))
    assert _titles(draft.meeting)[-2:] == ["Old Business:", "New Business:"]
    _words_kept(FLYBELEN, draft)


def test_one_title_with_a_colon_is_no_shape():
    """A single 'Old Business:' among paragraphs: nothing changes."""
    blocks = text_blocks(FLYBELEN.replace("New Business:", "New Business"))
    assert colontitles.colon_titles(blocks, lambda _text: None) == []


def test_a_bullet_wrapped_in_a_pdf_goes_on_on_the_next_line():
    """pypdf gives a bullet's wrapped line as a line of its own: 'BOS mtg regarding our new
    submission.' after '… at the last public' (a commission on aging); 'Restoration. PR are
    to …' after '… forwarded to PR' (a strata council's numbered point); a title or a label
    after an item stays its own ('Rack Card', 'Treasurer Report:')."""
    louisa = read_source(LOUISA_PDF)
    pdfbullets.join_bullet_wraps(louisa, lambda _text: None)
    texts = [b.text for b in louisa]
    assert any(
        t.endswith("at the last public BOS mtg regarding our new submission.") for t in texts
    )
    assert "BOS mtg regarding our new submission." not in texts
    assert "Rack Card" in texts and "Treasurer Report:" in texts
    cypress = read_source(REAL / "pdf-cypress-point-strata-council-2005-05" / "source.pdf")
    pdfbullets.join_bullet_wraps(cypress, lambda _text: None)
    assert any(
        b.kind == "item"
        and b.text.endswith(
            "forwarded to PR Restoration. PR are to correct all "
            "warranty deficiencies at their expense."
        )
        for b in cypress
    )


def test_a_short_numbered_title_keeps_its_text_on_the_next_line():
    """'Pool Competition' over 'Emails been sent out, …' (a student society's PDF): a title,
    not a wrapped line."""
    ppss = read_source(REAL / "pdf-ppss-committee-2016-04" / "source.pdf")
    before = [b.text for b in ppss]
    pdfbullets.join_bullet_wraps(ppss, lambda _text: None)
    assert "Emails been sent out, all been organised." in before
    assert "Emails been sent out, all been organised." in [b.text for b in ppss]


# https://github.com/CPAN-Security/security.metacpan.org/blob/main/meetings/cpansec-minutes-2025-01-08.md
CPANSEC = """## 16:05 UTC – Meeting start

### Welcome

*   Meeting chair: @sjn
*   Meeting secretary: @tux & @stigtsp

### Attendees, absents & regrets

*   Attendees
    * @sjn, @robrwo. @tux, @leont, @timlegge, @stigtsp
"""


def test_a_meeting_chair_label_names_the_chair(tmp_path):
    """'Meeting Chair: Jon Tustin, Chair' under the attendance (a commission on aging's PDF),
    '*   Meeting chair: @sjn' (a security group's Markdown minutes): the meeting's chair."""
    assert recognise(read_source(LOUISA_PDF), EN_GROUP).meeting["chair"].startswith("Jon Tustin")
    page = tmp_path / "minutes.md"
    page.write_text(CPANSEC, encoding="utf-8")
    draft = recognise(read_markdown(page), EN_GROUP, date=dt.date(2025, 1, 8))
    assert draft.meeting["chair"] == "@sjn"


def test_bullets_naming_people_present_by_first_name_are_statements_and_tasks():
    """'•   Bob said that …', '•   Ginger also suggested that …', '•   Barbara feels that …'
    (statements), '•   Jon will send Ginger …', '… unknown. Kathy and Alex (Activities
    Committee) will research.' (tasks, the sentence before it a list item in its place); a
    supervisor not present ('Willie Gentry Feels like …') stays a list item."""
    draft = recognise(read_source(LOUISA_PDF), EN_GROUP)
    blocks = [b for item in draft.meeting["items"] for b in item.get("content", [])]
    said = [(b["person"], b["text"][:30]) for b in blocks if isinstance(b, dict) and "person" in b]
    assert ("Bob Kuhnle", "Bob said that the Resource Cou") in said
    assert ("Barbara Hollins", "Barbara feels that we should c") in said
    assert len(said) == 7
    tasks = [t["text"] for t in draft.meeting["tasks"]]
    assert "Kathy and Alex (Activities Committee) will research." in tasks
    assert "Jon will ask Willie if that needs to happen." in tasks
    lists = [x for b in blocks if isinstance(b, dict) and "list" in b for x in b["list"]]
    assert "Cost to set up booth unknown." in lists
    assert any(x.startswith("Willie Gentry Feels like") for x in lists)


# https://bonmot.ca/Elderberries/library/2019-05-21_Meeting (a seniors' group: its people by
# their first names, in capitals where they are given a task)
ELDERBERRIES = "Pauline, Barend, Paula, Richard, Allison, Mike, Anita, Anne, Dan (notes)"
# http://torchfoxvalley.org/Minutes/Oct09.shtml (a Torch club's minutes)
TORCH = "Dr. Alan F. Button, Mary Poulson, Peter Thiel, Pat Warrick, Len Weis"


def test_first_names_in_other_bodies_minutes():
    """'DAN will reprint.', 'RICHARD and ANNE will look at the mic / av issue' (tasks);
    'Peter suggested photos of the convention be on our website.' (a statement); a sentence
    naming no one present, or a first name shared, names no one."""
    names = [n.strip() for n in ELDERBERRIES.split(",")]
    assert firstnames.read("DAN will reprint.", names) == ("task", ["Dan"])
    assert firstnames.read("RICHARD and ANNE will look at the mic / av issue", names) == (
        "task",
        ["Richard", "Anne"],
    )
    torch = [n.strip() for n in TORCH.split(",")]
    said = "Peter suggested photos of the convention be on our website."
    assert firstnames.read(said, torch) == ("statement", ["Peter Thiel"])
    assert firstnames.read("Scott: the library.", torch) is None
    assert firstnames.read(said, [*torch, "Peter Smith"]) is None


ROCKINGHAM = _source("en-rockingham-library-trustees-2017-03")
GIDDINGS = _source("en-giddings-village-hall-trustees-2015-07")


def test_members_of_the_public_named_after_the_attendance():
    """'- Members of the General Public: Sand Martin from' (a library's trustees): a category
    of the attendance, the bullet kept in its list; 'Members of the public: None' (a village
    hall's trustees) names no one and stays text."""
    draft = _draft(ROCKINGHAM, EN_GROUP)
    categories = draft.meeting["attendees"]["categories"]
    assert {"label": "Members of the General Public", "people": ["Sand Martin from"]} in categories
    first = draft.meeting["items"][0]["content"]
    assert any(
        "Members of the General Public: Sand Martin from" in b.get("list", []) for b in first
    )
    _words_kept(ROCKINGHAM, draft)
    giddings = _draft(GIDDINGS, EN_GROUP).meeting
    labels = [c["label"] for c in giddings["attendees"].get("categories", [])]
    assert "Members of the public" not in labels
    assert "Members of the public: None" in giddings["items"][0]["content"]


CYPRESS_PDF = REAL / "pdf-cypress-point-strata-council-2005-05" / "source.pdf"


def test_numbered_titles_in_capitals_over_points_numbered_again_are_items():
    """'2. CALL TO ORDER 7:40 PM', '3. ADOPTION OF MINUTES a. Minutes of …', … '10. NEXT
    MEETING: Wednesday, June 29, 2005' (a strata council's PDF) are items 2 to 10; the points
    numbered again from 1 under them ('1. Plants – …', '2. Pool planting – …') stay points of
    their item, and '1. PRESENT: …' the attendance; the agenda's label above them is no
    programme."""
    draft = recognise(read_source(CYPRESS_PDF), EN_GROUP)
    numbered = [(i["number"], i["title"]) for i in draft.meeting["items"] if i.get("number")]
    assert numbered == [
        (2, "CALL TO ORDER 7:40 PM"),
        (3, "ADOPTION OF MINUTES"),
        (4, "COMMITTEE REPORTS"),
        (5, "NEW BUSINESS"),
        (6, "OLD BUSINESS"),
        (7, "CORRESPONDENCE"),
        (8, "FINANCIALS"),
        (9, "OTHER BUSINESS"),
        (10, "NEXT MEETING:"),
    ]
    assert "programme" not in draft.meeting
    assert draft.meeting["attendees"]["present"]


def test_numbered_titles_in_capitals_without_points_numbered_again_are_left_alone():
    """Without points numbered again from 1 among them, numbered lines in capitals are the
    walk's as before (a parish council's '1. APOLOGIES …' and so on)."""
    blocks = read_source(CYPRESS_PDF)
    kept = [b for b in blocks if not (b.kind == "item" and b.ordered and b.number == "1")]
    assert capsitems.capital_items(kept, lambda _text: None) == []


def test_a_lettered_sentence_is_no_sub_item():
    """'a. Minutes of April 27, 2005 were adopted unanimously.' under item 3: a decision, not a
    sub-item titled by a sentence; 'a. Realty Signs' before 'b. The toilets are scheduled …'
    (a sentence): lettered points of the item's text, not sub-items."""
    draft = recognise(read_source(CYPRESS_PDF), EN_GROUP)
    sub = [i.get("title") for i in draft.meeting["items"] if i.get("subitem")]
    assert not any("adopted" in (t or "") for t in sub)
    assert "Realty Signs" not in sub
    assert "Grounds and Gardening" in sub
    blocks = [b for item in draft.meeting["items"] for b in item.get("content", [])]
    decided = [b["decision"] for b in blocks if isinstance(b, dict) and "decision" in b]
    assert any("were adopted unanimously" in d for d in decided)
