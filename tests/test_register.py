"""The register of resolutions: IDs, status as of a date, links, checks, `psc decisions`,
the site's register pages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from conftest import run

D = dt.date

GROUP = """\
name: Rada obce Lipová
short: RO Lipová
language: cs
organisations:
  OÚ: Obecní úřad
members:
  - {name: Jana Nová, gender: female}
labels:
  decision: Usnesení
"""

M1 = """\
title: 1. schůze rady
date: 2022-01-10
items:
  - title: Rozpočet
    content:
      - decision: Rada schvaluje rozpočet obce na rok 2022.
        number: 1/2022
        votes: {for: 5, against: 0, abstained: 1}
        outcome: adopted
        imposes: 2022-01-10/1
      - decision: Rada schvaluje pravidla pro přidělování dotací.
        number: 2/2022
        outcome: adopted
      - proposal: Rada schvaluje nákup služebního vozu.
        outcome: rejected
      - decision: Rada bere na vědomí zprávu o činnosti úřadu.
        outcome: noted
sections:
  - title: Další usnesení
    content:
      - decision: Rada schvaluje svůj jednací řád.
        number: 3/2022
tasks:
  - text: Zveřejnit schválený rozpočet
    responsible: [OÚ]
    deadline: 2022-02-01
"""

M2 = """\
title: 2. schůze rady
date: 2022-03-01
items:
  - title: Kontrola
    content:
      - task: 2022-01-10/1
        status: done
      - decision: Rada mění usnesení č. 2/2022 v článku 3.
        number: 4/2022
        amends: 2/2022
      - decision: Rada pozastavuje účinnost jednacího řádu.
        number: 5/2022
        suspends: [3/2022]
"""

M3 = """\
title: Hlasování per rollam
date: 2022-05-01
per_rollam:
  question: Souhlasíte s novými pravidly pro dotace?
  opened: 2022-04-25
  deadline: 2022-05-01
  votes:
    - {name: Jana Nová, vote: for}
items:
  - title: Nová pravidla pro dotace
    content:
      - decision: Rada nahrazuje pravidla pro dotace novými pravidly.
        number: PR 1/2022
        supersedes: 2/2022
"""

M4 = """\
title: 3. schůze rady
date: 2022-06-01
items:
  - title: Jednací řád
    content:
      - decision: Rada ruší usnesení č. 5/2022 o pozastavení jednacího řádu.
        number: 6/2022
        revokes: 5/2022
      - decision: Rada ukládá starostce svolat veřejné projednání.
        number: 7/2022
        fulfilled: 2022-07-01
        imposes: [2022-06-01/1]
tasks:
  - text: Svolat veřejné projednání
    responsible: [Jana Nová]
    deadline: 2022-06-30
"""


def make(root: Path, **files: str) -> Path:
    (root / "meetings").mkdir(parents=True, exist_ok=True)
    (root / "group.yaml").write_text(GROUP, encoding="utf-8")
    for date, text in files.items():
        (root / "meetings" / f"{date}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def council(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make(
        tmp_path / "rada",
        **{"2022-01-10": M1, "2022-03-01": M2, "2022-05-01": M3, "2022-06-01": M4},
    )
    monkeypatch.chdir(root)
    return root


def summaries(root: Path):
    from psc.archive.project import Project

    return Project.discover(root, root, use_cache=False).index().meetings


def statuses(root: Path, as_of: dt.date | None) -> dict[str, tuple[str, list[str]]]:
    from psc.archive.register import register

    return {r.id: (r.status, r.status_by) for r in register(summaries(root), as_of).values()}


def position(text: str, line_start: str, value: str) -> tuple[int, int]:
    """1-based line and column of `value` on the first line starting (stripped) with `line_start`."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(line_start):
            return n, line.index(value) + 1
    raise AssertionError(line_start)


# ---------------------------------------------------------------- IDs and status


def test_ids_are_numbers_else_derived_from_meeting_and_order(council):
    ids = list(statuses(council, None))
    assert ids == [
        "1/2022",
        "2/2022",
        "2022-01-10/u3",  # the third decision of the meeting: unnumbered
        "2022-01-10/u4",
        "3/2022",  # in a section, after the items
        "4/2022",
        "5/2022",
        "PR 1/2022",  # decided per rollam
        "6/2022",
        "7/2022",
    ]


def test_status_as_of_several_dates(council):
    early = statuses(council, D(2022, 2, 1))
    assert early == {
        "1/2022": ("valid", []),  # its imposed task is not done yet
        "2/2022": ("valid", []),
        "2022-01-10/u3": ("rejected", []),
        "2022-01-10/u4": ("noted", []),
        "3/2022": ("valid", []),
    }
    march = statuses(council, D(2022, 3, 1))
    assert march["1/2022"] == ("fulfilled", [])  # every imposed task done
    assert march["2/2022"] == ("amended", ["4/2022"])  # amended: still valid
    assert march["3/2022"] == ("suspended", ["5/2022"])
    may = statuses(council, D(2022, 5, 1))
    assert may["2/2022"] == ("superseded", ["PR 1/2022"])
    june = statuses(council, D(2022, 6, 1))
    assert june["5/2022"] == ("revoked", ["6/2022"])
    assert june["3/2022"] == ("valid", [])  # the suspension was revoked
    assert june["7/2022"] == ("valid", [])  # fulfilled only on 2022-07-01
    assert statuses(council, D(2022, 7, 1))["7/2022"] == ("fulfilled", [])


def test_history_and_links_both_ways(council):
    from psc.archive.register import register

    reg = register(summaries(council), D(2022, 12, 31))
    two = reg["2/2022"]
    assert [(e.date, e.kind, e.by) for e in two.history] == [
        (D(2022, 1, 10), "adopted", None),
        (D(2022, 3, 1), "amended_by", "4/2022"),
        (D(2022, 5, 1), "superseded_by", "PR 1/2022"),
    ]
    assert two.links["amended_by"] == ["4/2022"] and two.links["superseded_by"] == ["PR 1/2022"]
    assert reg["4/2022"].links["amends"] == ["2/2022"]
    assert reg["1/2022"].tasks == ["2022-01-10/1"]


def test_summaries_round_trip_through_the_cache_form(council):
    from psc.archive.summary import from_json, to_json

    for meeting in summaries(council):
        assert from_json(json.loads(json.dumps(to_json(meeting)))) == meeting


def test_register_answers_from_the_cache(council, runner):
    first = run(runner, "decisions", "--format", "json", "--as-of", "2022-12-31")
    assert (council / ".psc-cache").is_dir()
    second = run(runner, "decisions", "--format", "json", "--as-of", "2022-12-31")
    assert first.stdout == second.stdout and json.loads(second.stdout)[0]["id"] == "1/2022"


# ---------------------------------------------------------------- checks


def validate_lines(runner) -> list[str]:
    result = run(runner, "validate")
    assert result.exit_code == 1, result.output
    return [line for line in result.stderr.splitlines() if ": error: " in line]


def test_unknown_target_is_an_error_at_the_link(tmp_path, monkeypatch, runner):
    text = M2.replace("amends: 2/2022", "amends: 2/2O22")
    make(tmp_path, **{"2022-01-10": M1, "2022-03-01": text})
    monkeypatch.chdir(tmp_path)
    line, col = position(text, "amends:", "2/2O22")
    assert validate_lines(runner) == [
        f"meetings/2022-03-01.yaml:{line}:{col}: error: items[0].content[1].amends[0]: "
        "unknown resolution '2/2O22'; did you mean '2/2022'?"
    ]


def test_a_target_that_is_not_earlier_is_an_error(tmp_path, monkeypatch, runner):
    text = M1.replace(
        "        number: 2/2022\n", "        number: 2/2022\n        revokes: 5/2022\n"
    )
    make(tmp_path, **{"2022-01-10": text, "2022-03-01": M2})
    monkeypatch.chdir(tmp_path)
    line, col = position(text, "revokes:", "5/2022")
    assert validate_lines(runner) == [
        f"meetings/2022-01-10.yaml:{line}:{col}: error: items[0].content[1].revokes[0]: "
        "resolution '5/2022' (2022-03-01) is not earlier than this one; a resolution revokes "
        "only earlier ones"
    ]


def test_a_cycle_is_an_error_at_each_link(tmp_path, monkeypatch, runner):
    text = M1.replace(
        "        number: 3/2022\n", "        number: 3/2022\n        amends: 3/2022\n"
    )
    make(tmp_path, **{"2022-01-10": text})
    monkeypatch.chdir(tmp_path)
    line, col = position(text, "amends:", "3/2022")
    assert validate_lines(runner) == [
        f"meetings/2022-01-10.yaml:{line}:{col}: error: sections[0].content[0].amends[0]: "
        "a cycle of links: 3/2022 → 3/2022"
    ]
    two = M1.replace("        number: 3/2022\n", "        number: 3/2022\n        amends: 2/2022\n")
    two = two.replace(
        "        number: 2/2022\n", "        number: 2/2022\n        revokes: [3/2022]\n"
    )
    make(tmp_path, **{"2022-01-10": two})
    first = position(two, "revokes:", "3/2022")
    second = position(two, "amends:", "2/2022")
    assert validate_lines(runner) == [
        f"meetings/2022-01-10.yaml:{first[0]}:{first[1]}: error: items[0].content[1].revokes[0]: "
        "a cycle of links: 2/2022 → 3/2022 → 2/2022",
        f"meetings/2022-01-10.yaml:{second[0]}:{second[1]}: error: sections[0].content[0].amends[0]: "
        "a cycle of links: 3/2022 → 2/2022 → 3/2022",
    ]


def test_imposes_names_tasks_of_the_same_meeting(tmp_path, monkeypatch, runner):
    text = M1.replace("imposes: 2022-01-10/1", "imposes: 2022-03-01/1")
    make(tmp_path, **{"2022-01-10": text})
    monkeypatch.chdir(tmp_path)
    line, col = position(text, "imposes:", "2022-03-01/1")
    assert validate_lines(runner) == [
        f"meetings/2022-01-10.yaml:{line}:{col}: error: items[0].content[0].imposes[0]: "
        "task '2022-03-01/1' is not a task of this meeting (2022-01-10); did you mean "
        "'2022-01-10/1'?"
    ]


def test_duplicate_numbers_are_an_error(tmp_path, monkeypatch, runner):
    text = M2.replace("number: 5/2022", "number: 1/2022")
    make(tmp_path, **{"2022-01-10": M1, "2022-03-01": text})
    monkeypatch.chdir(tmp_path)
    line, col = position(text, "number: 1/2022", "1/2022")
    assert validate_lines(runner) == [
        f"meetings/2022-03-01.yaml:{line}:{col}: error: items[0].content[2].number: "
        "resolution ID '1/2022' is already used in meetings/2022-01-10.yaml (items[0].content[0])"
    ]


def test_a_valid_register_validates(council, runner):
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- psc decisions


def decisions_json(runner, *args: str) -> list[dict]:
    result = run(runner, "decisions", "--format", "json", "--as-of", "2022-12-31", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_records_have_the_documented_keys(council, runner):
    records = decisions_json(runner)
    assert list(records[0]) == [
        "id",
        "number",
        "meeting",
        "date",
        "per_rollam",
        "item",
        "text",
        "proposal",
        "outcome",
        "votes",
        "status",
        "status_by",
        "status_date",
        "links",
        "tasks",
    ]
    first = records[0]
    assert first["votes"] == {"for": 5, "against": 0, "abstained": 1}
    assert first["status"] == "fulfilled" and first["tasks"] == ["2022-01-10/1"]
    by_id = {r["id"]: r for r in records}
    assert by_id["5/2022"]["status"] == "revoked" and by_id["5/2022"]["status_by"] == ["6/2022"]
    assert by_id["5/2022"]["links"]["revoked_by"] == ["6/2022"]
    assert by_id["5/2022"]["links"]["suspends"] == ["3/2022"]
    assert by_id["PR 1/2022"]["per_rollam"] is True
    assert by_id["2022-01-10/u3"]["outcome"] == "rejected"
    assert by_id["2022-01-10/u3"]["text"] == "Rada schvaluje nákup služebního vozu."


def test_filters(council, runner):
    assert [r["id"] for r in decisions_json(runner, "--status", "valid")] == [
        "3/2022",
        "4/2022",
        "PR 1/2022",
        "6/2022",
    ]
    assert [r["id"] for r in decisions_json(runner, "--status", "revoked")] == ["5/2022"]
    assert [r["id"] for r in decisions_json(runner, "--meeting", "2022-03-01")] == [
        "4/2022",
        "5/2022",
    ]
    assert [r["id"] for r in decisions_json(runner, "--owner", "Jana Nová")] == ["7/2022"]
    # text: case and diacritics do not matter, before or after the options
    assert [r["id"] for r in decisions_json(runner, "JEDNACI RAD")] == [
        "3/2022",
        "6/2022",
        "7/2022",
    ]
    result = run(runner, "decisions", "dotac", "--format", "json", "--as-of", "2022-12-31")
    assert [r["id"] for r in json.loads(result.stdout)] == ["2/2022", "PR 1/2022"]
    # as of a date, later resolutions do not exist yet
    early = run(runner, "decisions", "--format", "json", "--as-of", "2022-02-01")
    assert len(json.loads(early.stdout)) == 5
    bad = run(runner, "decisions", "--status", "gone")
    assert bad.exit_code == 2 and "unknown status 'gone'" in bad.stderr


def test_every_format(council, runner):
    table = run(runner, "decisions", "--as-of", "2022-12-31")
    assert table.exit_code == 0 and "Evidence usnesení k 31. 12. 2022" in table.stdout
    assert "zrušeno (6/2022)" in table.stdout
    md = run(runner, "decisions", "--format", "md", "--as-of", "2022-12-31").stdout
    assert md.startswith("# Evidence usnesení k 31. 12. 2022\n")
    assert (
        "| 5/2022 | 2022-03-01 | Rada pozastavuje účinnost jednacího řádu. | zrušeno (6/2022) |"
        in md
    )
    html = run(runner, "decisions", "--format", "html", "--as-of", "2022-12-31").stdout
    assert '<tr data-status="revoked"><td class="id">5/2022</td>' in html
    out = run(runner, "decisions", "--format", "csv", "--as-of", "2022-12-31").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["votes"] == "for=5; against=0; abstained=1"
    five = next(r for r in rows if r["id"] == "5/2022")
    assert five["revoked_by"] == "6/2022" and five["suspends"] == "3/2022"
    en = run(runner, "decisions", "--lang", "en", "--as-of", "2022-12-31").stdout
    assert "Register of resolutions as of" in en and "revoked (6/2022)" in en


def test_csv_cells_are_never_formulas(tmp_path, monkeypatch, runner):
    make(tmp_path, **{"2022-01-10": M1.replace("Rada schvaluje svůj", "=HYPERLINK() svůj")})
    monkeypatch.chdir(tmp_path)
    out = run(runner, "decisions", "--format", "csv", "--as-of", "2022-12-31").stdout
    assert ",'=HYPERLINK() svůj jednací řád.," in out


def test_show(council, runner):
    result = run(runner, "decisions", "show", "2/2022", "--as-of", "2022-12-31")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "2/2022: Rada schvaluje pravidla pro přidělování dotací.",
        "  Jednání: 2022-01-10, Rozpočet",
        "  Výsledek: přijato",
        "  Stav: nahrazeno (PR 1/2022)",
        "  změněno usnesením: 4/2022",
        "  nahrazeno usnesením: PR 1/2022",
        "",
        "  Historie:",
        "  2022-01-10  přijato na jednání 2022-01-10",
        "  2022-03-01  změněno usnesením 4/2022",
        "  2022-05-01  nahrazeno usnesením PR 1/2022",
    ]
    one = run(runner, "decisions", "show", "1/2022", "--as-of", "2022-12-31").stdout
    assert "  Hlasování: pro 5, proti 0, zdrželo se 1" in one
    assert "    2022-01-10/1: Zveřejnit schválený rozpočet (splněno)" in one
    assert "  2022-03-01  splněno" in one
    pr = run(runner, "decisions", "show", "PR 1/2022", "--as-of", "2022-12-31").stdout
    assert "(hlasování per rollam)" in pr and "  nahrazuje: 2/2022" in pr
    later = run(runner, "decisions", "show", "6/2022", "--as-of", "2022-02-01")
    assert later.exit_code == 2
    assert later.stderr.strip() == (
        "error: resolution '6/2022' is taken at 2022-06-01, after the as-of date 2022-02-01; "
        "give a later --as-of"
    )
    unknown = run(runner, "decisions", "show", "8/2022", "--as-of", "2022-12-31")
    assert unknown.exit_code == 2 and "unknown resolution '8/2022'" in unknown.stderr


def test_tasks_show_names_the_imposing_resolution(council, runner):
    result = run(runner, "tasks", "show", "2022-06-01/1", "--as-of", "2022-12-31")
    assert "  uloženo usnesením: 7/2022" in result.stdout.splitlines()


# ---------------------------------------------------------------- the site


def test_site_register_and_a_page_per_resolution_linked_both_ways(council, runner):
    from psc.publish.site import slug

    result = run(runner, "build", "--as-of", "2022-12-31", "-o", "site")
    assert result.exit_code == 0, result.output
    site = council / "site"
    register = (site / "register.html").read_text(encoding="utf-8")
    five = slug("5/2022")
    assert f'<a href="decisions/{five}.html">5/2022</a>' in register
    assert '<tr data-status="revoked">' in register
    page = (site / "decisions" / f"{five}.html").read_text(encoding="utf-8")
    assert f'<a href="../meetings/2022-03-01.html#d-{five}">2022-03-01</a>' in page
    assert f'<a href="{slug("6/2022")}.html">6/2022</a>' in page  # revoked by, linked
    assert f'<a href="{slug("3/2022")}.html">3/2022</a>' in page  # suspends, linked
    minutes = (site / "meetings" / "2022-03-01.html").read_text(encoding="utf-8")
    assert (
        f'<p class="decision" id="d-{five}"><strong><a href="../decisions/{five}.html">'
        "Usnesení 5/2022:</a></strong>"
    ) in minutes
    pages = sorted(p.name for p in (site / "decisions").iterdir())
    assert len(pages) == 10 and len(set(pages)) == 10
    assert 'href="register.html"' in (site / "index.html").read_text(encoding="utf-8")
    for html_file in site.rglob("*.html"):  # every internal link and anchor resolves
        html = html_file.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"#]+\.html)(?:#([^"]+))?"', html):
            target = (html_file.parent / href[0]).resolve()
            assert target.is_file(), (html_file, href)
            if href[1]:
                assert f'id="{href[1]}"' in target.read_text(encoding="utf-8"), (html_file, href)


def test_render_does_not_link_decisions(council, runner):
    result = run(runner, "render", "2022-03-01", "--format", "html", "-o", "-")
    assert result.exit_code == 0, result.output
    assert '<p class="decision"><strong>Usnesení 5/2022:</strong>' in result.stdout
    assert "decisions/" not in result.stdout


def test_minutes_after_the_as_of_date_do_not_link_to_pages_not_built(council, runner):
    from psc.publish.site import slug

    result = run(runner, "build", "--as-of", "2022-04-01", "-o", "site")
    assert result.exit_code == 0, result.output
    site = council / "site"
    assert not (site / "decisions" / f"{slug('6/2022')}.html").exists()
    later = (site / "meetings" / "2022-06-01.html").read_text(encoding="utf-8")
    assert "decisions/" not in later
    earlier = (site / "meetings" / "2022-03-01.html").read_text(encoding="utf-8")
    assert f"../decisions/{slug('5/2022')}.html" in earlier
