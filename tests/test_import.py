"""Issue 15: `psc import` of existing minutes (.txt, .md, .docx) into a draft meeting file.

The seed's text and a Word document made from it import into this repository's layout as
valid minutes that render the seed's sentences in order, with statements, tasks, deadlines
and the approval; psc's own Word minutes import back to the same rendered minutes (the
bundled meeting and every meeting of the council example); the real minutes of the corpus
import into fresh `psc init` repositories and validate, and no word of theirs is lost; the
command never overwrites, has --dry-run and -o -, reports with the source's line numbers."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SEED, run
from corpus_import import CORPUS, CORPUS_GROUP, imported
from seed_docx import seed_docx
from test_real_minutes import FOUND, IN_ORDER, coverage, normal

COUNCIL = REPO / "examples" / "council"
REAL = Path(__file__).parent / "fixtures" / "real"


@pytest.fixture
def empty_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This repository's layout (its group.yaml), with no meeting yet, as cwd."""
    root = tmp_path / "archive"
    (root / "meetings").mkdir(parents=True)
    shutil.copy(REPO / "group.yaml", root / "group.yaml")
    monkeypatch.chdir(root)
    return root


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _markdown(runner, root: Path, meeting: str) -> str:
    out = root.parent / f"rendered-{root.name}-{meeting}.md"
    result = run(runner, "render", meeting, "--format", "md", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


# ------------------------------------------------------------------ the seed


def test_the_seed_imports_as_valid_minutes_with_its_sentences_in_order(empty_repo, runner):
    result = run(runner, "import", str(SEED))
    assert result.exit_code == 0, result.output
    assert "wrote meetings/2016-09-07.yaml" in result.stderr
    assert run(runner, "validate").exit_code == 0
    wanted, missing, in_order = coverage(
        _markdown(runner, empty_repo, "2016-09-07"), SEED.read_text()
    )
    found = len(wanted) - len(missing)
    assert found / len(wanted) >= FOUND, missing
    assert in_order / found >= IN_ORDER


def test_the_seed_imports_with_statements_tasks_deadlines_and_approval(empty_repo, runner):
    run(runner, "import", str(SEED))
    imported = _load(empty_repo / "meetings" / "2016-09-07.yaml")
    original = _load(REPO / "meetings" / "2016-09-07.yaml")

    def speakers(meeting: dict) -> list:
        return [
            block["by"]
            for item in meeting["items"]
            for block in item.get("content", [])
            if isinstance(block, dict) and "by" in block
        ]

    assert speakers(original) == [s for s in speakers(imported) if s != "MMR"]
    assert len(speakers(original)) == 18
    tasks = imported["tasks"]
    assert [t["deadline"] for t in tasks] == [
        "ongoing",
        "ongoing",
        dt.date(2016, 11, 1),
        "next meeting",
        "next meeting",
    ]
    assert [t.get("contact") for t in tasks[:3]] == ["jana.korytarova@mmr.cz"] * 3
    assert tasks[3]["responsible"] == "MMR" and tasks[3]["responsible_text"] == "zpracuje MMR."
    assert imported["recorded_by"]["name"] == "Jana Korytářová"
    assert imported["recorded_by"]["organisation"] == "MMR"
    assert imported["approved_by"]["date"] == dt.date(2016, 10, 3)
    assert imported["approved_by"]["fingerprint"].startswith("sha256:")
    for key in ("number", "title", "date", "start", "end", "place", "pages", "next_meetings"):
        assert imported[key] == original[key], key


def test_the_imported_seed_renders_as_the_bundled_minutes(empty_repo, runner):
    """Sentence for sentence the same Markdown as the hand-written meeting file; only the
    attachments, one line in the text (the Word cell's lines are lost in it), differ."""
    run(runner, "import", str(SEED))
    imported = _markdown(runner, empty_repo, "2016-09-07").splitlines()
    golden = (REPO / "tests" / "golden" / "2016-09-07.md").read_text(encoding="utf-8").splitlines()
    assert len(imported) == len(golden)
    differ = [(a, b) for a, b in zip(golden, imported, strict=True) if a != b]
    assert len(differ) == 1 and differ[0][0].startswith("| přílohy zápisu |")


def test_imported_approval_catches_a_later_edit(empty_repo, runner):
    run(runner, "import", str(SEED))
    path = empty_repo / "meetings" / "2016-09-07.yaml"
    path.write_text(path.read_text().replace("zahájil jednání", "zahájil schůzi"))
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert "approved" in result.stderr and "changed" in result.stderr


def test_a_word_document_of_the_seed_imports_as_its_text_does(empty_repo, runner, tmp_path):
    source = tmp_path / "zapis.docx"
    seed_docx(SEED.read_text(encoding="utf-8"), source)
    run(runner, "import", str(SEED), "-o", "meetings/2016-09-07.yaml")
    from_text = _markdown(runner, empty_repo, "2016-09-07")
    result = run(runner, "import", str(source), "--force")
    assert result.exit_code == 0, result.output
    assert "paragraph 6" in result.stderr or "table 1, row" in result.stderr
    assert _markdown(runner, empty_repo, "2016-09-07") == from_text


# ------------------------------------------------------------------ round trip


ROUND_TRIP = [("seed", "2016-09-07")] + [
    ("council", p.stem) for p in sorted((COUNCIL / "meetings").glob("*.yaml"))
]


@pytest.mark.parametrize(("archive", "meeting"), ROUND_TRIP, ids=[m for _, m in ROUND_TRIP])
def test_psc_word_minutes_import_back_to_the_same_minutes(
    archive, meeting, tmp_path, monkeypatch, runner
):
    root = tmp_path / "archive"
    if archive == "seed":
        (root / "meetings").mkdir(parents=True)
        shutil.copy(REPO / "group.yaml", root)
        shutil.copy(REPO / "meetings" / f"{meeting}.yaml", root / "meetings")
    else:
        shutil.copytree(COUNCIL, root, ignore=shutil.ignore_patterns("minutes", "site", ".*"))
    monkeypatch.chdir(root)
    before = _markdown(runner, root, meeting)
    word = tmp_path / f"{meeting}.docx"
    assert run(runner, "render", meeting, "--format", "docx", "-o", str(word)).exit_code == 0
    (root / "meetings" / f"{meeting}.yaml").unlink()
    result = run(runner, "import", str(word))
    assert result.exit_code == 0, result.output
    assert run(runner, "validate").exit_code == 0
    assert _markdown(runner, root, meeting) == before


# ------------------------------------------------------------------ real minutes


KNOWN_LOSSES: dict[str, str] = {
    # Issue 22 item 6: fixtures added late, as the honest check of the importer's rules; the
    # importer is not tuned to them. Strict: once they import whole, the mark must go.
    # (mesto-pecky-zastupitelstvo-2025-04's table dump and date line are read)
    # Second and third rounds: none (attendance points numbered as items keep their number,
    # a next meeting's line stays as text: points.py)
}
"""Fixtures whose import loses words today, with what is lost."""


@CORPUS_GROUP
@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_LOSSES[n]))
        if n in KNOWN_LOSSES
        else n
        for n in CORPUS
    ],
)
def test_real_minutes_import_into_a_fresh_repository_and_lose_no_word(name):
    fixture = REAL / name
    made = imported(name, fixture / "source.txt")  # one import per process (corpus_import)
    assert made.invalid == ""
    rendered = set(re.findall(r"\w+", normal(made.markdown)))
    labels = set(re.findall(r"'([^']+)'", made.report))  # labels the report names
    label_words = {w for label in labels for w in re.findall(r"\w+", normal(label))}
    source = normal((fixture / "source.txt").read_text(encoding="utf-8"))
    lost = {w for w in re.findall(r"\w+", source) if w not in rendered} - label_words
    # a day written with its ordinal ('Wednesday 14th November 2018') is rendered as the date
    lost = {w for w in lost if re.sub(r"^(\d+)(?:st|nd|rd|th)$", r"\1", w) not in rendered}
    assert not lost, lost


# ------------------------------------------------------------------ the command


def test_import_never_overwrites_without_force(empty_repo, runner):
    assert run(runner, "import", str(SEED)).exit_code == 0
    path = empty_repo / "meetings" / "2016-09-07.yaml"
    path.write_text(path.read_text() + "# mine\n")
    before = path.read_bytes()
    result = run(runner, "import", str(SEED))
    assert result.exit_code == 1
    assert "meetings/2016-09-07.yaml exists already; nothing was written" in result.stderr
    assert path.read_bytes() == before
    assert run(runner, "import", str(SEED), "--force").exit_code == 0
    assert path.read_bytes() != before


def test_dry_run_and_dash_print_the_file_and_write_nothing(empty_repo, runner):
    for args in (["--dry-run"], ["-o", "-"]):
        result = run(runner, "import", str(SEED), *args)
        assert result.exit_code == 0
        assert result.stdout.startswith("# Imported from seed-2016-09-07.txt")
        assert "date: 2016-09-07" in result.stdout
        assert "nothing written" in result.stderr
        assert list((empty_repo / "meetings").iterdir()) == []


def test_the_report_names_the_source_lines(empty_repo, runner):
    result = run(runner, "import", str(SEED), "--dry-run")
    lines = result.stderr.splitlines()
    assert "  line 6: 'datum' → date 2016-09-07, start 13:00, end 15:00" in lines
    assert "  line 29: statement by MPSV" in lines
    assert "  line 119: task 5, deadline next meeting" in lines
    assert "  line 121: footer → zapsala, schválil" in lines
    assert "--quiet" not in result.stderr
    quiet = run(runner, "import", str(SEED), "--dry-run", "--quiet")
    assert len(quiet.stderr.splitlines()) == 1


def test_output_elsewhere_and_never_over_the_group_file(empty_repo, runner):
    assert run(runner, "import", str(SEED), "-o", "draft.yaml").exit_code == 0
    assert (empty_repo / "draft.yaml").read_text().startswith("# Imported from")
    before = (empty_repo / "group.yaml").read_bytes()
    result = run(runner, "import", str(SEED), "-o", "group.yaml", "--force")
    assert result.exit_code != 0
    assert (empty_repo / "group.yaml").read_bytes() == before


def test_minutes_without_a_date_ask_for_one(empty_repo, runner, tmp_path):
    source = tmp_path / "zapis.txt"
    source.write_text("Zápis z jednání výboru\n\nBod 1 – Zahájení\n\nJednání zahájil předseda.\n")
    result = run(runner, "import", str(source))
    assert result.exit_code == 2  # a usage error: the command needs --date
    assert result.stderr.strip().endswith("give it: psc import FILE --date YYYY-MM-DD")
    assert len(result.stderr.strip().splitlines()) == 1
    assert run(runner, "import", str(source), "--date", "2024-03-05").exit_code == 0
    assert _load(empty_repo / "meetings" / "2024-03-05.yaml")["items"][0]["title"] == "Zahájení"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("zapis.rtf", b"{\\rtf1", "psc reads .docx, .htm, .html, .md, .odt, .pdf, .txt"),
        ("zapis.pdf", b"%PDF-1.4", "zapis.pdf:1:1: error: not a PDF"),
        ("zapis.odt", b"not a zip at all", "zapis.odt:1:1: error: not an OpenDocument text"),
        ("zapis.docx", b"not a zip at all", "not a Word document"),
        ("zapis.txt", b"Datum: 1. 2. 2024\n\xff\xfe broken\n", "zapis.txt:2:1"),
        ("zapis.txt", b"", "nothing to import"),
    ],
)
def test_bad_sources_get_one_line_and_no_file(empty_repo, runner, tmp_path, name, content, message):
    source = tmp_path / name
    source.write_bytes(content)
    result = run(runner, "import", str(source))
    assert result.exit_code != 0
    first, *rest = result.stderr.strip().splitlines()
    assert message in first
    assert rest in ([], ["1 error in 1 file"])  # psc's summary line after a file's errors
    assert list((empty_repo / "meetings").iterdir()) == []


def test_bodies_missing_from_the_group_are_proposed_or_registered(tmp_path, monkeypatch, runner):
    root = tmp_path / "fresh"
    run(runner, "init", str(root), "--name", "Pracovní skupina", "--short", "PS")
    monkeypatch.chdir(root)
    group_before = (root / "group.yaml").read_text()
    plain = run(runner, "import", str(SEED), "--dry-run")
    assert "'MPSV' may be a body not in group.yaml" in plain.stderr
    assert "statement by" not in plain.stderr
    result = run(runner, "import", str(SEED), "--add-organisations")
    assert result.exit_code == 0, result.output
    assert "registered MPSV: MPSV in group.yaml" in result.stderr
    group = _load(root / "group.yaml")
    assert {"MPSV", "MZd", "MK"} <= set(group["organisations"])
    assert "statement by MPSV" in result.stderr
    kept = [line for line in group_before.splitlines() if line.startswith("#")]
    assert kept and all(line in (root / "group.yaml").read_text() for line in kept)
    assert run(runner, "validate").exit_code == 0


def test_group_file_untouched_when_the_meeting_exists(tmp_path, monkeypatch, runner):
    root = tmp_path / "fresh"
    run(runner, "init", str(root), "--name", "Pracovní skupina", "--short", "PS")
    monkeypatch.chdir(root)
    (root / "meetings" / "2016-09-07.yaml").write_text("title: x\n")
    before = (root / "group.yaml").read_bytes()
    result = run(runner, "import", str(SEED), "--add-organisations")
    assert result.exit_code == 1 and "exists already" in result.stderr
    assert (root / "group.yaml").read_bytes() == before


def test_a_markdown_source_imports_like_its_text(empty_repo, runner, tmp_path):
    source = tmp_path / "zapis.md"
    source.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    run(runner, "import", str(SEED), "-o", "meetings/2016-09-07.yaml")
    from_text = _markdown(runner, empty_repo, "2016-09-07")
    assert run(runner, "import", str(source), "--force").exit_code == 0
    from_markdown = _markdown(runner, empty_repo, "2016-09-07")
    wanted, missing, _ = coverage(from_markdown, SEED.read_text(encoding="utf-8"))
    assert len(missing) / len(wanted) <= 1 - FOUND, missing
    assert from_markdown.count("**MPSV**") == from_text.count("**MPSV**") == 1


def test_a_file_in_meetings_must_be_named_by_its_date(empty_repo, runner):
    result = run(runner, "import", str(SEED), "-o", "meetings/zapis.yaml")
    assert result.exit_code == 1
    assert "file name 'zapis.yaml' must be the meeting's date" in result.stderr
    assert not (empty_repo / "meetings" / "zapis.yaml").exists()
    assert run(runner, "import", str(SEED), "-o", "meetings/2016-09-07-2.yaml").exit_code == 0


def test_a_weekday_that_contradicts_the_date_keeps_its_line(empty_repo, runner, tmp_path):
    """'Date: Tuesday 4 April, 2016' (pdf-ppss-committee-2016-04: the fourth was a Monday):
    the date is read, and the line stays as text, so 'Tuesday' is not lost."""
    source = tmp_path / "minutes.txt"
    lines = (REAL / "pdf-ppss-committee-2016-04" / "source.txt").read_text(encoding="utf-8")
    source.write_text(lines, encoding="utf-8")
    result = run(runner, "import", str(source), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "date: 2016-04-04" in result.stdout
    assert "'Date: Tuesday 4 April, 2016'" in result.stdout
    assert "'Date': 'Tuesday' has no field; the line is kept as text" in result.stderr


def test_published_minutes_are_not_imported_as_drafts_unless_asked(tmp_path, monkeypatch, runner):
    """Minutes that record no approval and do not call themselves a draft are an archive's
    published minutes: imported with approval_not_recorded, rendered without the draft notice;
    --draft imports the same file as a draft awaiting approval, in a single or a batch import."""
    fixture = REAL / "en-roseville-city-council-2017-01"
    root = tmp_path / "fresh"
    assert (
        run(runner, "init", str(root), "--name", "Body", "--short", "B", "--lang", "en").exit_code
        == 0
    )
    monkeypatch.chdir(root)
    result = run(runner, "import", str(fixture / "source.txt"))
    assert result.exit_code == 0, result.output
    assert "published minutes whose approval is not recorded" in result.stderr
    path = root / "meetings" / "2017-01-09.yaml"
    assert _load(path)["approval_not_recorded"] is True
    assert "have not been approved" not in _markdown(runner, root, "2017-01-09")
    path.unlink()
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(fixture / "source.txt", folder / "roseville.txt")
    for args in ([str(fixture / "source.txt"), "--draft"], [str(folder), "--draft"]):
        result = run(runner, "import", *args)
        assert result.exit_code == 0, result.output
        assert "approval_not_recorded" not in _load(path)
        assert "Draft – these minutes have not been approved yet." in _markdown(
            runner, root, "2017-01-09"
        )
        path.unlink()
