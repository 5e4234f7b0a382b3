"""Issue 22: an imported meeting renders its source's sentences, in order.

The done-when asks that each fixture's import "validates and renders at least 95 % of the
sentences in order", as its hand-written meeting does (tests/test_real_minutes.py measures
those). Here every fixture's source is imported into a fresh repository (as a new user would:
`psc init`, `psc import`, the group's default wording), rendered as Markdown, and measured with
the same sentence check: the share of the source's sentences found, and of those, the share
in order.

The figures are printed (pytest -n 0 -s) for every fixture and the corpus. A ratchet keeps
them: tests/fixtures/real/import-sentences-floor.json records, per fixture, how many sentences
were found and how many in order, and neither may fall (a fixture not recorded yet is shown
without a floor). After improving the import, raise the floor with
    PSC_UPDATE_SENTENCES=1 pytest tests/test_import_sentences.py -n 0 -s
Where the goal is not met yet is printed, not asserted: the floor is what the suite holds."""

from __future__ import annotations

import json
import os

from corpus_import import CORPUS, CORPUS_GROUP, REAL, imported
from test_real_minutes import FOUND, IN_ORDER, coverage

FLOOR = REAL / "import-sentences-floor.json"
UPDATE = os.environ.get("PSC_UPDATE_SENTENCES") == "1"


def _measured(name: str) -> tuple[int, int, int]:
    """(sentences of the source, found in the import's minutes, of those in order)."""
    source = (REAL / name / "source.txt").read_text(encoding="utf-8")
    wanted, missing, in_order = coverage(imported(name).markdown, source)
    return len(wanted), len(wanted) - len(missing), in_order


@CORPUS_GROUP
def test_imports_render_at_least_the_recorded_share_of_their_sentences_in_order():
    floor = json.loads(FLOOR.read_text(encoding="utf-8")) if FLOOR.exists() else {}
    today: dict[str, dict[str, int]] = {}
    lines, short = [], []
    for name in CORPUS:
        wanted, found, in_order = _measured(name)
        today[name] = {"found": found, "in_order": in_order}
        met = found >= FOUND * wanted and in_order >= IN_ORDER * found
        short += [] if met else [name]
        lines.append(
            f"{name}: found {found}/{wanted} ({found / wanted:.2f}), in order {in_order}/{found} "
            f"({in_order / max(found, 1):.2f})" + ("" if met else "  below the goal")
        )
    lines.append(f"{len(CORPUS) - len(short)} of {len(CORPUS)} imports meet the goal")
    report = "\n".join(lines)
    print(f"\nsentences of the source in the import's minutes (goal {FOUND:.0%}, {IN_ORDER:.0%}")
    print(" of them in order)\n" + report)
    if UPDATE:
        floor = today
        FLOOR.write_text(json.dumps(floor, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    stale = sorted(set(floor) - set(today))
    assert not stale, f"{FLOOR.name} names fixtures gone from the corpus: {stale}"
    fallen = [
        f"{name} {what} {today[name][what]} < {least}"
        for name, counts in floor.items()
        for what, least in counts.items()
        if today[name][what] < least
    ]
    assert not fallen, (
        f"an import renders fewer of its sentences ({FLOOR.name}): {fallen}\n{report}"
    )
    assert all(today[name]["found"] > 0 for name in CORPUS), report
