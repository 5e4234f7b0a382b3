"""What minutes say of their own approval (psc.edits.intake.approvalstate), on real lines."""

from __future__ import annotations

import pytest

from psc.edits.intake.approvalstate import stated


@pytest.mark.parametrize(
    ("text", "head", "state"),
    [
        # tests/fixtures/real/en-cabforum-smcwg-2024-05/source.txt
        (
            "These are the Approved Minutes of the meeting described in the subject of this "
            "message. Corrections and clarifications where needed are encouraged by reply.",
            True,
            "approved",
        ),
        # tests/fixtures/real/en-m25-steering-group-2008-03/source.txt, under the title
        ("Note: The following minutes were approved.", True, "approved"),
        # tests/fixtures/real/en-mormon-trail-school-board-2018-10/source.txt, at the end
        (
            "These minutes are written as recorded by Superintendent Kerry Phillips and are "
            "subject to approval at the next regular board meeting.",
            False,
            "draft",
        ),
        # tests/fixtures/real/html-stoke-ferry-annual-parish-meeting-2012-05/source.txt
        ("DRAFT", True, "draft"),
    ],
)
def test_the_minutes_state_of_themselves(text, head, state):
    assert stated(text, head=head) == state


@pytest.mark.parametrize(
    ("text", "head"),
    [
        # earlier minutes approved, not these (en-m25-steering-group-2008-03, item 2.1)
        (
            "2.1 The minutes of the meeting held on Wednesday 12, December 2007 were formally approved.",
            False,
        ),
        # en-stoke-ferry-mill-liaison-2011-07
        ("The minutes of the previous meeting were agreed.", False),
        # en-cabforum-smcwg-2024-05, item 4
        ("The minutes for the teleconference of April 24 were approved.", False),
        # 'the following minutes' inside an item are earlier minutes
        ("Note: The following minutes were approved.", False),
        # a bare 'DRAFT' after the first item is text, not the minutes' state
        ("DRAFT", False),
        # psf-board: a task about a draft
        ("Action Item: Hardt was directed to draft a budget for Board approval.", True),
    ],
)
def test_other_minutes_and_other_drafts_say_nothing_of_these(text, head):
    assert stated(text, head=head) is None
