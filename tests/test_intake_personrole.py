"""A function written after a person's name and a comma in an attendance list (issue 22,
fourth round): it stays with the person, not a person of its own. Each quote is real: a line
of the fixture en-choppington-parish-council-2023-11 or of the page whose address is above it."""

from __future__ import annotations

from intake_quotes import source_lines

from psc.edits.intake import personrole
from psc.edits.intake.recognise import _split_people

CHOPPINGTON = "en-choppington-parish-council-2023-11"


def test_a_function_after_a_name_stays_with_the_person():
    line = source_lines(CHOPPINGTON, "Mrs A Brindley", 1).strip()
    assert _split_people(line)[:2] == [
        "Mrs A Brindley, Parish Clerk/Responsible Finance Officer",
        "Mr D L Nicholson Deputy Parish Clerk",
    ]


def test_the_body_a_person_serves_after_a_comma_stays_with_the_person():
    # Melton Parish Council, 5 May 2021, 'In Attendance:':
    # https://melton-suffolk-pc.gov.uk/documents/mpc21m04-minutes-of-the-statutory-annual-meeting-of-melton-parish-council-held-on-5-may-2021/
    line = "Mrs P Alder Assistant Clerk and Management Officer, Melton Parish Council"
    assert _split_people(line) == [line]


def test_a_person_is_no_function():
    assert personrole.is_function("Parish Clerk/Responsible Finance Officer")
    assert personrole.is_function("Melton Parish Council")
    assert not personrole.is_function("Mr D L Nicholson Deputy Parish Clerk")  # a person first
    assert not personrole.is_function("Cllr K Burn")
    # the names of an attendance stay apart (the fixture's councillors)
    assert personrole.with_functions(["Cllr K Burn", "Cllr G Huntley"]) == [
        "Cllr K Burn",
        "Cllr G Huntley",
    ]
    # a function first, before any person, is the office of the person after it, no person of
    # its own (en-grayshott-pcc-2024-05, line 5: "In attendance: PCC Secretary, Edward Tobin")
    assert personrole.with_functions(["PCC Secretary", "Edward Tobin"]) == [
        "PCC Secretary, Edward Tobin"
    ]
    assert personrole.with_functions(["Parish Clerk", "Mrs A Brindley", "Cllr K Burn"]) == [
        "Parish Clerk, Mrs A Brindley",
        "Cllr K Burn",
    ]
