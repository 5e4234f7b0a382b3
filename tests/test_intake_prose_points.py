"""Minutes written as numbered points of prose without titles of their own (issue 22, fourth
round: points.prose), on real text of two bodies: the held-out fixtures
srps-zs-mazurska-vybor-2015-11 (a parents' association committee, its points an indented
numbered list) and osadni-vybor-okrouhlik-2018-12 (a settlement committee, its points
paragraphs, the number glued to the text in some, written '6,' in one)."""

from __future__ import annotations

from pathlib import Path

from test_intake_recognise import _draft

from psc.edits.intake import points
from psc.edits.intake.blocks import Block

REAL = Path(__file__).parent / "fixtures" / "real"
MAZURSKA = REAL / "srps-zs-mazurska-vybor-2015-11"
OKROUHLIK = REAL / "osadni-vybor-okrouhlik-2018-12"


def _source(fixture: Path) -> str:
    return (fixture / "source.txt").read_text(encoding="utf-8")


def test_numbered_points_of_prose_are_items_without_titles_their_text_the_first_paragraph():
    for fixture, first in (
        (MAZURSKA, "INFORMACE ZE ZŠ – rodiče dostanou kompletní informace"),
        (OKROUHLIK, "Šerif sdělil, že byla opravena díra na hrázi u borovice"),
    ):
        items = _draft(_source(fixture)).meeting["items"]
        numbered = [item for item in items if "number" in item]
        assert [item["number"] for item in numbered] == list(range(1, len(numbered) + 1))
        assert len(numbered) in (5, 7)
        # a number glued to its text ('1.Šerif sdělil, …') runs into its first sentence, the
        # item's title (test_intake_glued_numbers.py); the other points have none
        spaced = [item for item in numbered if not item.get("run_in")]
        assert spaced and not any("title" in item for item in spaced)
        head = numbered[0].get("title") or numbered[0]["content"][0]
        assert str(head).startswith(first)


def test_a_number_glued_to_its_text_or_written_with_a_comma_keeps_its_marker_as_the_label():
    numbered = [i for i in _draft(_source(OKROUHLIK)).meeting["items"] if "number" in i]
    assert [item["label"] for item in numbered[:6]] == ["1.", "2.", "3.", "4.", "5.", "6,"]
    assert numbered[5]["content"] == ["Výběrem příspěvků na ohňostroj byli pověřeni hospodští."]


def test_the_decision_of_an_untitled_point_is_read_in_its_text():
    numbered = [i for i in _draft(_source(MAZURSKA)).meeting["items"] if "number" in i]
    decision = numbered[2]["content"][0]
    assert isinstance(decision, dict) and decision.get("outcome") == "adopted"
    assert decision["decision"].startswith("Výbor schválil přejmenování sdružení")


def test_short_lines_titles_in_capitals_and_titled_points_are_no_points_of_prose():
    # the attachments under 'Příloha:' (Mazurská), and a programme's short lines (Drahany)
    attachments = ["prezenční listina (v archivu SRPŠ)", "rozpočet SRPŠ k 4.11.2015"]
    drahany = [
        x.strip()
        for x in _source(REAL / "skolska-rada-zs-drahany-2022-10").splitlines()
        if x.strip()[:2] in {"1.", "2.", "3."}
    ][:3]
    assert drahany[0].startswith("1. Zahájení")
    for texts in (attachments, [x.split(" ", 1)[1] for x in drahany]):
        blocks = [
            Block("item", text, f"line {k}", ordered=True, number=str(k + 1))
            for k, text in enumerate(texts)
        ]
        assert points.prose(blocks) == {}
    # titles in capitals split from their text (Swaton Parish Council's '1. APOLOGIES FOR
    # ABSENCE. There were none.'), though each ends in a stop
    swaton = [
        x.strip()
        for x in _source(REAL / "en-swaton-parish-council-2021-05").splitlines()
        if x.strip()[:2] in {"1.", "2.", "3."}
    ]
    blocks = []
    for k, line in enumerate(swaton):
        title, text = line.split(" ", 1)[1].split(". ", 1)
        blocks += [
            Block("item", f"{title}.", f"line {k}", ordered=True, number=str(k + 1)),
            Block("paragraph", text, f"line {k}"),
        ]
    assert points.prose(blocks) == {}
    # a run with a titled point stays for `split` (its guards): Dereham's '3. Minutes: …'
    dereham = _source(REAL / "html-west-dereham-parish-council-2008-03")
    lines = [x.strip() for x in dereham.splitlines() if x.strip()[:2] in {"1.", "2.", "3."}]
    titled = [Block("paragraph", x, f"line {k}") for k, x in enumerate(lines[:3])]
    assert any(points.titled(b.text.split(" ", 1)[1]) for b in titled)
    assert points.prose(titled) == {}
