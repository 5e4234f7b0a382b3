"""Comments and objections to the draft minutes: recorded, settled, listed, rendered as an
annex where the group wants it, and holding up the approval while open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run

APPROVE = ["approve", "2016-11-15", "--by", "František Kubeš", "--on", "2016-11-28"]


@pytest.fixture
def draft(repo: Path, runner) -> Path:
    """The draft psc new-meeting writes (2016-11-15)."""
    assert run(runner, "new-meeting", "2016-11-15").exit_code == 0
    return repo / "meetings" / "2016-11-15.yaml"


def load(path: Path):
    from psc.loading import pipeline

    return pipeline.load_meeting(
        None, path, pipeline.load_group(path.parents[1] / "group.yaml"), approval=False
    )


def add(runner, *args: str):
    return run(runner, "comments", "add", "2016-11-15", *args)


def test_add_and_list(draft, runner):
    result = add(
        runner, "--by", "Petr Švec", "--text", "Doplnit termín", "--refers-to", "Bod 3",
        "--on", "2016-11-17",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == "2016-11-15: comment 1 recorded (open)\n"
    result = add(runner, "--by", "MPSV", "--text", "Nesouhlas", "--objection", "--on", "2016-11-18")
    assert result.stdout == "2016-11-15: objection 2 recorded (open)\n"
    assert draft.read_text(encoding="utf-8").endswith(
        "comments:\n"
        "  - by: Petr Švec\n    date: 2016-11-17\n    text: Doplnit termín\n    refers_to: Bod 3\n"
        "  - kind: objection\n    by: MPSV\n    date: 2016-11-18\n    text: Nesouhlas\n"
    )
    table = run(runner, "comments")
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == [
        "Meeting",
        "ID",
        "Kind",
        "By",
        "Received",
        "Refers",
        "to",
        "Text",
        "Status",
    ]
    assert lines[1].split()[:3] == ["2016-11-15", "1", "comment"] and "Bod 3" in lines[1]
    assert lines[2].split()[:3] == ["2016-11-15", "2", "objection"]

    assert (
        run(
            runner, "comments", "settle", "2016-11-15", "1", "--accepted", "--on", "2016-11-20"
        ).exit_code
        == 0
    )
    rows = json.loads(run(runner, "comments", "--format", "json").stdout)
    assert [(r["meeting"], r["id"], r["status"]) for r in rows] == [("2016-11-15", "2", "open")]
    rows = json.loads(run(runner, "comments", "2016-11-15", "--all", "--format", "json").stdout)
    assert [(r["id"], r["status"], r["settled"]) for r in rows] == [
        ("1", "accepted", "2016-11-20"),
        ("2", "open", None),
    ]
    assert run(runner, "comments", "2016-09-07").stdout == "no open comments\n"


def test_open_comment_stops_approval_and_settled_lets_it_pass(draft, runner):
    assert (
        add(runner, "--by", "Petr Švec", "--text", "Doplnit termín", "--on", "2016-11-17").exit_code
        == 0
    )
    before = draft.read_bytes()
    result = run(runner, *APPROVE)
    assert result.exit_code == 1
    assert result.stderr == (
        "error: 2016-11-15 has open comments (1); settle them with `psc comments settle`, "
        "or approve anyway with --force (recorded)\n"
    )
    assert draft.read_bytes() == before

    result = run(
        runner, "comments", "settle", "2016-11-15", "1", "--rejected", "--on", "2016-11-20"
    )
    assert result.exit_code == 2
    assert result.stderr == "error: --rejected needs the reason: give it with --note\n"
    result = run(
        runner, "comments", "settle", "2016-11-15", "1", "--rejected",
        "--note", "Termín byl dohodnut", "--on", "2016-11-20",
    )  # fmt: skip
    assert result.stdout == "2016-11-15: comment 1 rejected on 2016-11-20\n"
    (comment,) = load(draft).comments
    assert (comment.status, comment.settlement) == ("rejected", "Termín byl dohodnut")

    result = run(runner, *APPROVE)
    assert result.exit_code == 0, result.output
    assert load(draft).approved_by.open_comments == []
    assert run(runner, "validate").exit_code == 0

    # the approval covers the settled comments: changing one afterwards breaks it
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("Termín byl dohodnut", "Jiný důvod"), encoding="utf-8")
    result = run(runner, "validate", str(draft))
    assert result.exit_code == 1
    assert "error: approved_by.fingerprint: the approved minutes have changed" in result.stderr


def test_force_records_the_open_comments(draft, runner):
    add(runner, "--by", "Petr Švec", "--text", "A", "--on", "2016-11-17")
    add(runner, "--by", "MPSV", "--text", "B", "--on", "2016-11-17")
    run(runner, "comments", "settle", "2016-11-15", "1", "--accepted", "--on", "2016-11-20")
    result = run(runner, *APPROVE, "--force")
    assert result.exit_code == 0, result.output
    assert "comments still open, recorded: 2" in result.stdout
    assert load(draft).approved_by.open_comments == ["2"]
    assert run(runner, "validate").exit_code == 0
    # approved: comments can no longer change
    result = run(runner, "comments", "settle", "2016-11-15", "2", "--accepted")
    assert result.exit_code == 2
    assert "is approved already" in result.stderr


def test_settle_errors(draft, runner):
    add(runner, "--by", "Petr Švec", "--text", "A", "--on", "2016-11-17")
    result = run(runner, "comments", "settle", "2016-11-15", "7", "--accepted")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: 2016-11-15 has no comment '7' (comments: 1)\n",
    )
    result = run(runner, "comments", "settle", "2016-11-15", "1")
    assert (result.exit_code, result.stderr) == (2, "error: give --accepted or --rejected\n")
    run(runner, "comments", "settle", "2016-11-15", "1", "--accepted", "--on", "2016-11-18")
    result = run(runner, "comments", "settle", "2016-11-15", "1", "--accepted")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "error: comment 1 of 2016-11-15 is settled already (accepted, 2016-11-18)\n"
    )


def test_an_explicit_id_is_not_reused(draft, runner):
    text = draft.read_text(encoding="utf-8")
    draft.write_text(
        text + "comments:\n  - id: '2'\n    by: MPSV\n    date: 2016-11-17\n    text: A\n",
        encoding="utf-8",
    )
    result = add(runner, "--by", "Petr Švec", "--text", "B", "--on", "2016-11-17")
    assert result.stdout == "2016-11-15: comment 3 recorded (open)\n"
    assert [load(draft).comment_id(i) for i in range(2)] == ["2", "3"]


def _settled_comments(draft: Path, runner) -> None:
    add(
        runner,
        "--by",
        "Petr Švec",
        "--text",
        "Doplnit *termín*",
        "--refers-to",
        "Bod 3",
        "--on",
        "2016-11-17",
    )
    add(runner, "--by", "MPSV", "--text", "Nesouhlas", "--objection", "--on", "2016-11-18")
    run(
        runner,
        "comments",
        "settle",
        "2016-11-15",
        "2",
        "--rejected",
        "--note",
        "Zápis odpovídá",
        "--on",
        "2016-11-20",
    )


def test_annex_only_where_the_group_wants_it(draft, runner, tmp_path):
    _settled_comments(draft, runner)
    md = run(runner, "render", "2016-11-15", "-f", "md", "-o", "-").stdout
    assert "Připomínky a námitky" not in md

    group = draft.parents[1] / "group.yaml"
    group.write_text(group.read_text(encoding="utf-8") + "comments_annex: true\n", encoding="utf-8")
    md = run(runner, "render", "2016-11-15", "-f", "md", "-o", "-").stdout
    assert md.endswith(
        "## Připomínky a námitky\n\n"
        "- **Připomínka 1** (Petr Švec, 17. 11. 2016; týká se: Bod 3): Doplnit *termín* – "
        "*nevypořádáno*\n"
        "- **Námitka 2** (MPSV, 18. 11. 2016): Nesouhlas – *neakceptováno 20. 11. 2016*: "
        "Zápis odpovídá\n"
    )
    html = run(runner, "render", "2016-11-15", "-f", "html", "-o", "-").stdout
    assert '<section class="annex comments" id="comments">\n<h2>Připomínky a námitky</h2>' in html
    assert "<strong>Námitka 2</strong> (MPSV," in html and "Doplnit <em>termín</em>" in html
    assert html.index('id="comments"') > html.index("</main>")

    import docx

    out = tmp_path / "m.docx"
    assert run(runner, "render", "2016-11-15", "-f", "docx", "-o", str(out)).exit_code == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    i = texts.index("Připomínky a námitky")
    assert (
        texts[i + 2]
        == "Námitka 2 (MPSV, 18. 11. 2016): Nesouhlas – neakceptováno 20. 11. 2016: Zápis odpovídá"
    )


def test_annex_in_the_pdf(draft, runner, tmp_path):
    pdftotext = pytest.importorskip("shutil").which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    import subprocess

    _settled_comments(draft, runner)
    group = draft.parents[1] / "group.yaml"
    group.write_text(group.read_text(encoding="utf-8") + "comments_annex: true\n", encoding="utf-8")
    out = tmp_path / "m.pdf"
    assert run(runner, "render", "2016-11-15", "-f", "pdf", "-o", str(out)).exit_code == 0
    text = subprocess.run(
        [pdftotext, str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Připomínky a námitky" in text and "Námitka 2" in text


def test_english_labels(draft, runner):
    _settled_comments(draft, runner)
    group = draft.parents[1] / "group.yaml"
    group.write_text(group.read_text(encoding="utf-8") + "comments_annex: true\n", encoding="utf-8")
    md = run(runner, "render", "2016-11-15", "-f", "md", "-o", "-", "--lang", "en").stdout
    assert "## Comments and objections" in md
    assert "- **Objection 2** (MPSV, 18 Nov 2016): Nesouhlas – *rejected 20 Nov 2016*" in md
