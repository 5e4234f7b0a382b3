"""Markdown minutes that carry one action list from meeting to meeting (issue 22, fourth round):
under 'Action Items', an entry marked '**New**:' is a task of this meeting, an entry struck
through is an earlier action done, the other entries (in a list that marks its new ones) are
earlier actions still open; '## People Present' over the attendance. Each quote is real: from
the held-out fixture en-perth-artifactory-co-tenants-2011-01 or the page whose address is above
it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_intake_recognise import EN_GROUP, _draft

from psc.edits.intake import actionlist
from psc.edits.intake.recognise import _label_kind, _split_people

REAL = Path(__file__).parent / "fixtures" / "real"
PERTH = REAL / "en-perth-artifactory-co-tenants-2011-01" / "source.txt"


def test_an_entry_struck_through_is_an_action_done():
    assert actionlist.done("~~SM to contact AJ regarding the final lease~~") == (
        "SM to contact AJ regarding the final lease"
    )
    # the Artifactory's committee, 18 January 2011 (HTML strike and the word 'Done'):
    # https://github.com/Perth-Artifactory/wiki/blob/10a92fc8b2db5cf1bd1dffbc635b09cc925f2bbf/minutes/Committee/2011-01-18.md
    assert actionlist.done("<s>PD to Get meta workshop info up and running</s> Done") == (
        "PD to Get meta workshop info up and running"
    )
    # an entry struck in part is no action done
    assert actionlist.done("BR to harass people about wireless internets etc.") is None
    assert actionlist.done("~~Short~~ text goes on") is None


def test_an_entry_marked_new_is_a_task_of_this_meeting():
    assert actionlist.new("**New**: AJ to provide contact details for bin") == (
        "AJ to provide contact details for bin"
    )
    assert actionlist.new("Artifactory to design and install an RFID-based physical access") is None


def test_a_numbered_action_list_gives_tasks_and_reviews_not_agenda_items():
    draft = _draft(PERTH.read_text(encoding="utf-8"), EN_GROUP, date=dt.date(2011, 1, 18))
    meeting = draft.meeting
    actions = next(item for item in meeting["items"] if item.get("title") == "Action Items")
    content = actions["content"]
    reviews = [(b["task"], b["status"]) for b in content if isinstance(b, dict) and "task" in b]
    assert reviews == [
        ("6", "open"),
        ("7", "open"),
        ("8", "open"),
        ("9", "open"),
        ("10", "done"),
        ("11", "done"),
        ("12", "done"),
    ]
    # the new ones assigned where the list gives them, the mark kept as written with the
    # entry's number (no word of the list is lost)
    assert content[:2] == ["1. **New**:", {"assigned": "2011-01-18/1"}]
    texts = [task["text"] for task in meeting["tasks"]]
    assert "AJ to provide contact details for bin" in texts  # without '2. **New**:'
    assert not any("**New**" in text or "~~" in text for text in texts)
    numbered = [item["number"] for item in meeting["items"] if "number" in item]
    assert numbered == [1, 2, 3]  # the minutes' three topics, no action among them


def test_people_present_labels_the_attendance():
    assert _label_kind("People Present", {}) == "present"
    # a research group's meeting notes, 27 August 2026 ('## People present' over a bullet list;
    # public repository file found with find_string '## People Present')
    assert _label_kind("People present", {}) == "present"


def test_a_comma_inside_a_persons_brackets_does_not_split_the_people():
    assert _split_people("Andrew Wheatley (AW, lessee)") == ["Andrew Wheatley (AW, lessee)"]
    # a list of people still splits at its commas (tests/fixtures/real/en-m25-steering-group-2008-03)
    people = (
        "Nick Bevan (Chair), Julie Brittain, Genein Cox-De Sousa, Adam Edwards, Robert Hall, "
        "Julie Howell, Caroline Lloyd, Rosemary Lynch, Ann Murphy, Mary Nixon, Frances Norton, "
        "Pete Ryan."
    )
    assert _split_people(people)[:2] == ["Nick Bevan (Chair)", "Julie Brittain"]
    assert len(_split_people(people)) == 12


def test_apologies_from_without_a_verb_name_who_sent_them():
    from psc.edits.intake.english import _APOLOGIES

    perth = PERTH.read_text(encoding="utf-8").splitlines()
    line = next(line for line in perth if line.startswith("Apologies from"))
    assert _APOLOGIES.match(line)["names"] == "Anthony Jessop (AJ, co-tenant)"
    # the Artifactory's committee, 4 January 2011:
    # https://github.com/Perth-Artifactory/wiki/blob/10a92fc8b2db5cf1bd1dffbc635b09cc925f2bbf/minutes/Committee/2011-01-04.md
    committee = _APOLOGIES.match("Apologies from Peter Dreisiger (PD), Simon Kirkby (SK)")
    assert committee["names"] == "Peter Dreisiger (PD), Simon Kirkby (SK)"
    draft = _draft(PERTH.read_text(encoding="utf-8"), EN_GROUP, date=dt.date(2011, 1, 18))
    assert draft.meeting["attendees"]["excused"] == ["Anthony Jessop"]


def _on_lines(*texts: str) -> list:
    from psc.edits.intake.blocks import Block

    return [Block("paragraph", text, f"line {n}") for n, text in enumerate(texts, 1)]


def test_a_lettered_point_is_no_rest_of_the_line_above():
    from psc.edits.intake.english import _wrapped

    def no_label(_: str) -> None:
        return None

    # html-stoke-ferry-residents-association-2004-10: the item's title, then its lettered points
    ferry = REAL / "html-stoke-ferry-residents-association-2004-10" / "source.txt"
    lines = ferry.read_text(encoding="utf-8").splitlines()
    at = lines.index("a. Committee Membership.")
    title, point = _on_lines(lines[at - 1], lines[at])
    assert title.text == "ITEM 7 ANY OTHER BUSINESS"
    assert not _wrapped(title, point, no_label)
    council, hedge = _on_lines(lines[at + 4], lines[at + 5])
    assert hedge.text == "c. Bridge Road Hedge"
    assert not _wrapped(council, hedge, no_label)
    # French Branch Homeowners Association, 22 January 2004 (a question, then its answer):
    # http://www.frenchbranch.org/agendas/2004/generalminutes/FBHOMinutes0104.html
    question, answer = _on_lines(
        "1)      Is there anybody to coordinate volunteers for the school systems?",
        "a. He took name and phone and will",
    )
    assert not _wrapped(question, answer, no_label)
