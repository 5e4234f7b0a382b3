"""An item with a number but no title (minutes that write '6, ' and then the text) is headed by
its number, so the reader sees where the point starts: 'Bod 6', '6.' by a group's pattern,
'Item 6' in English, its own label as written; in Markdown, HTML and Word. The texts are
quoted from tests/fixtures/real/osadni-vybor-okrouhlik-2018-12/source.txt."""

from __future__ import annotations

import io
from typing import Any

import pytest

from psc.language.mdtext import md_text
from psc.loading.model import Group, Meeting
from psc.publish.render import Renderer

POINT_2 = (
    "Šerif informoval o své schůzce se starostou obce, který přislíbil řádné prohrnování sněhu, "
    "pokud bude nutné i přes hráz, když po opravě silnice na hrázi je možné hráz přejet bez "
    "problémů."
)
POINT_6 = "Výběrem příspěvků na ohňostroj byli pověřeni hospodští."


def meeting(**item: Any) -> Meeting:
    return Meeting.model_validate(
        {
            "title": "Zápis ze schůze osadního výboru osady Okrouhlík ze dne 1.12.2018",
            "date": "2018-12-01",
            "approval_not_recorded": True,
            "items": [
                {"number": 2, "content": [POINT_2]},
                {"number": 6, "content": [POINT_6], **item},
            ],
        }
    )


def renderer(language: str = "cs", **labels: str) -> Renderer:
    group = {"name": "Osadní výbor", "short": "OV", "language": language, "labels": labels}
    return Renderer(Group.model_validate(group), [])


def docx_paragraphs(r: Renderer, m: Meeting) -> list[tuple[str, str]]:
    import docx

    from psc.publish.docx import minutes_docx

    document = docx.Document(io.BytesIO(minutes_docx(r, m, [])))
    return [(p._p.style or "", p.text) for p in document.paragraphs]


@pytest.mark.parametrize(
    ("language", "labels", "item", "heading"),
    [
        ("cs", {}, {}, "Bod 6"),
        ("en", {}, {}, "Item 6"),
        ("cs", {"item": "{number}. {title}"}, {}, "6."),
        ("cs", {}, {"label": "6, "}, "6,"),
    ],
)
def test_an_untitled_numbered_item_is_headed_by_its_number(language, labels, item, heading):
    r = renderer(language, **labels)
    m = meeting(**item)
    md = r.render(m, "md")
    assert f"### {md_text(heading, line=True)}\n\n{POINT_6}" in md  # '6\\.': not a list
    assert f'<section class="item" id="item-6">\n<h3>{heading}</h3>\n<p>{POINT_6}</p>' in (
        r.render(m, "html")
    )
    paragraphs = docx_paragraphs(r, m)
    assert ("Heading3", heading) in paragraphs
    assert paragraphs[paragraphs.index(("Heading3", heading)) + 1][1] == POINT_6


def test_an_item_heading_the_group_hides_keeps_the_minutes_own_words():
    """`item` set to "": the group's words ('Bod 6 – ') go, the title stays; an untitled item
    then has no heading (nothing of its own to show)."""
    r = renderer(item="")
    titled = meeting(title="Různé")
    assert "### Různé\n" in r.render(titled, "md")
    assert "###" not in r.render(meeting(), "md")
