"""A person's role in brackets with no comma after it before the last people of an attendance
list, joined by '&' or 'and': 'R Hawkesford (Chairman) C Lloyd & M Woolley.'.

The bracket closes the person; the capitalised words after it are the last two people. The
same shape amid a list ('Ray Thompson (Secretary) Dawn Beckwith, Mandy Leamon, …', 'Eva
Kaltenthaler (minutes) Stephen Spooner, …') stays one entry: psc prints its people with a
comma between them, and there the source's line would no longer be found in the minutes
(its sentence kept outweighs one name). recognise.py's `_split_people` splits each part of a
list so before it splits the last two people joined by '&'.
"""

from __future__ import annotations

import re

_AFTER_ROLE = re.compile(r"(?<=\))\s+(?=[A-Z][\w.'’-]*\s+[A-Z])")
"""The space after a closing bracket, before two capitalised words (a name: 'C Lloyd')."""
_LAST_TWO = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:&|and)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\.?$"
)
"""'C Lloyd & M Woolley.': the last two people of a list joined by '&' or 'and'."""
_PERSON_WITH_ROLE = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,4}\([^()]{2,40}\)$")
"""'R Hawkesford (Chairman)': a person's capitalised words, then the role in brackets."""


_AND_AFTER_ROLE = re.compile(r"(?<=\))\s+and\s+(?=[A-Z])")
"""' and ' after a closing bracket, before a capitalised word: the list's last person."""
_PERSON = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*(?:\s+\([^()]{2,40}\))?\.?$")
"""'Sue Else SE (Clerk).', 'Cllr H Allsopp (leave).': a person's capitalised words, perhaps
with a role or reason in brackets."""


def split_after_role(part: str) -> list[str]:
    """'R Hawkesford (Chairman) C Lloyd & M Woolley.' → ['R Hawkesford (Chairman)', 'C Lloyd
    & M Woolley.'] (the last part of a list); 'Nicola Anderton NDA (Head Teacher and Member)
    and Sue Else SE (Clerk).' (a governing body's attendees; 'Cllr A Hart (work commitment) and
    Cllr H Allsopp (leave).', a parish council's apologies) → the two people; a part of another
    shape as it is."""
    anded = _AND_AFTER_ROLE.split(part.strip())
    if len(anded) == 2 and _PERSON_WITH_ROLE.match(anded[0]) and _PERSON.match(anded[1]):
        return [anded[0], re.sub(r"(?<=\))\.$", "", anded[1])]  # the list's full stop
    pieces = _AFTER_ROLE.split(part.strip())
    if len(pieces) != 2 or not _PERSON_WITH_ROLE.match(pieces[0]):
        return [part]
    if not _LAST_TWO.match(pieces[1]):
        return [part]
    return pieces
