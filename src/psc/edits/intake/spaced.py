"""Words spaced out letter by letter, as minutes set a heading or a label for emphasis:
'P r o g r a m:' (a town commission), 'Z á p i s z 9. zasedání …', 'Z Á P I S č. 4 / 2011'
(municipal councils), 'P O S L A N E C K Á S N Ě M O V N A' (a parliament's committee). A
label is recognised by its word: `unspaced` gives the line with such words joined, for
comparing it with the labels psc knows; the text itself stays as written. Pure.
"""

from __future__ import annotations

import re

_SPACED = re.compile(r"(?<!\w)(?:[^\W\d_] ){2,}[^\W\d_](?!\w)")
"""Three letters or more, each alone and one space apart ('P r o g r a m')."""


def unspaced(text: str) -> str:
    """`text` with each word spaced out letter by letter joined ('P r o g r a m:' →
    'Program:'); a text without one is returned unchanged."""
    return _SPACED.sub(lambda match: match.group().replace(" ", ""), text)
