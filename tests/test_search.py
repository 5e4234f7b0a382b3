"""psc search and the site's search page: case and diacritics ignored, every word in one block,
references to meeting, item, decision and task; the page works opened from the file system."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import run

from psc.archive.search import fold, match, snippet

MEETING = """\
title: 2. jednání
date: 2016-10-10
items:
  - number: 1
    title: Rozpočet na rok 2017
    content:
      - Diskuse o **Rozpočtu** proběhla bez námitek.
      - heading: Přehled žádostí o dotace
      - list: [Oprava chodníku, Veřejné osvětlení]
      - by: MMR
        text: MMR podpořilo návrh na zřízení fondu.
      - number: 5/2016
        label: Usnesení č. 5/2016
        proposal: Návrh na zvýšení příspěvku
        decision: Pracovní skupina schvaluje rozpočet obce.
      - task: 2016-09-07/3
        note: Seznam dokumentů je téměř hotov.
  - title: Různé
    content:
      - Nic dalšího nezaznělo; zasedání skončilo.
tasks:
  - text: Připravit zprávu o čerpání
    deadline_text: na jaře 2017
"""


@pytest.fixture
def archive(repo: Path) -> Path:
    """The seed meeting and a second one holding a block of every kind."""
    (repo / "meetings" / "2016-10-10.yaml").write_text(MEETING, encoding="utf-8")
    return repo


def search_json(runner, *args: str) -> list[dict]:
    result = run(runner, "search", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ---------------------------------------------------------------------- core


def test_fold_ignores_case_and_diacritics_in_nfc_and_nfd():
    nfd = unicodedata.normalize("NFD", "USNESENÍ Řízení")
    assert fold("Usnesení řízení") == fold(nfd) == "usneseni rizeni"


def test_match_needs_every_word_and_gives_a_snippet_around_the_first():
    text = (
        "Na svém zasedání dne 5. května 2016 zastupitelstvo obce schvaluje rozpočet na rok 2017 "
        "a ukládá starostovi jej bez odkladu zveřejnit na úřední desce."
    )
    assert match(text, ["rozpocet", "ukláda"]) is None  # a query's words are folded by terms()
    assert match(text, ["zverejnit", "rozpocet"]) == (
        "…obce schvaluje rozpočet na rok 2017 a ukládá starostovi jej bez odkladu…"
    )
    assert match(text, ["rozpocet", "nic"]) is None


def test_snippet_cuts_at_words():
    text = " ".join(f"slovo{i}" for i in range(40))
    cut = snippet(text, text.index("slovo20"))
    assert cut.startswith("…slovo") and cut.endswith("…") and "slovo20" in cut
    assert not cut[1:-1].startswith(" ") and all(w.startswith("slovo") for w in cut[1:-1].split())


# ---------------------------------------------------------------------- command line


def test_each_kind_of_block_is_found_with_its_reference(archive, runner):
    found = {
        query: [(h["meeting"], h["item"], h["kind"], h["id"]) for h in search_json(runner, query)]
        for query in (
            "rozpocet 2017",
            "namitek",
            "zadosti dotace",
            "verejne osvetleni",
            "zrizeni fondu",
            "prispevku",
            "5/2016",
            "temer hotov",
            "jare 2017",
            "zasedani skoncilo",
        )
    }
    assert found == {
        "rozpocet 2017": [("2016-10-10", "1", "title", None)],
        "namitek": [("2016-10-10", "1", "paragraph", None)],
        "zadosti dotace": [("2016-10-10", "1", "heading", None)],
        "verejne osvetleni": [("2016-10-10", "1", "list", None)],
        "zrizeni fondu": [("2016-10-10", "1", "statement", None)],
        "prispevku": [("2016-10-10", "1", "decision", "5/2016")],
        "5/2016": [("2016-10-10", "1", "decision", "5/2016")],
        "temer hotov": [("2016-10-10", "1", "review", "2016-09-07/3")],
        "jare 2017": [("2016-10-10", None, "task", "2016-10-10/1")],
        "zasedani skoncilo": [("2016-10-10", "Různé", "paragraph", None)],
    }


def test_words_must_all_be_in_one_block(archive, runner):
    # "rozpočet" is in the decision and the title, "2017" in the title and the task
    assert [h["kind"] for h in search_json(runner, "ROZPOČET schvaluje")] == ["decision"]
    assert [h["kind"] for h in search_json(runner, "rozpočtu 2017")] == []


def test_text_output_lists_references_in_archive_order(archive, runner):
    result = run(runner, "search", "mmr")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "2016-09-07 item 1 title: Zahájení (ze strany MMR a Výboru pro udržitelné municipality)"
    )
    assert lines[-1] == "2016-10-10 item 1 statement: MMR podpořilo návrh na zřízení fondu."
    assert [line[:10] for line in lines] == sorted(line[:10] for line in lines)
    decision = run(runner, "search", "usneseni 5/2016").stdout
    assert decision == (
        "2016-10-10 item 1 decision 5/2016: Usnesení č. 5/2016 · Pracovní skupina schvaluje "
        "rozpočet…\n"
    )


def test_json_holds_meeting_item_kind_id_text_and_snippet(archive, runner):
    (hit,) = search_json(runner, "osvětlení")
    assert hit == {
        "meeting": "2016-10-10",
        "item": "1",
        "kind": "list",
        "id": None,
        "text": "Oprava chodníku · Veřejné osvětlení",
        "snippet": "Oprava chodníku · Veřejné osvětlení",
    }


def test_a_query_typed_in_nfd_finds_nfc_text(archive, runner):
    nfd = unicodedata.normalize("NFD", "Řízení fondu")
    assert [h["kind"] for h in search_json(runner, nfd)] == ["statement"]


def test_meeting_option_limits_the_search(archive, runner):
    assert {h["meeting"] for h in search_json(runner, "mmr")} == {"2016-09-07", "2016-10-10"}
    assert {h["meeting"] for h in search_json(runner, "mmr", "--meeting", "2016-10-10")} == {
        "2016-10-10"
    }
    unknown = run(runner, "search", "mmr", "--meeting", "2016-01-01")
    assert unknown.exit_code == 2 and "no meeting '2016-01-01'" in unknown.stderr


def test_no_match_says_so_on_stderr(archive, runner):
    result = run(runner, "search", "neexistujici slovo")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no match\n")
    as_json = run(runner, "search", "neexistujici", "--format", "json")
    assert (as_json.exit_code, as_json.stdout) == (0, "[]\n")
    failing = run(runner, "search", "neexistujici", "--fail-if-none")
    assert (failing.exit_code, failing.stderr) == (1, "no match\n")
    assert run(runner, "search", "mmr", "--fail-if-none").exit_code == 0


def test_usage_errors(archive, runner):
    empty = run(runner, "search", "  ")
    assert empty.exit_code == 2 and "give some text to search for" in empty.stderr
    fmt = run(runner, "search", "mmr", "--format", "csv")
    assert fmt.exit_code == 2 and "unknown format 'csv'; choose text or json" in fmt.stderr


def test_an_invalid_meeting_is_skipped_and_named_unless_strict(archive, runner):
    (archive / "meetings" / "2016-11-11.yaml").write_text(
        "title: Rozbité\ndate: 2016-11-11\nitems: 5\n", encoding="utf-8"
    )
    result = run(runner, "search", "zrizeni fondu")
    assert result.exit_code == 0
    assert result.stdout.startswith("2016-10-10 item 1 statement:")
    assert (
        "warning: skipped meetings/2016-11-11.yaml: 1 problem, first: 3:8: items:" in result.stderr
    )
    strict = run(runner, "search", "zrizeni fondu", "--strict", "--no-cache")
    assert strict.exit_code == 1 and "meetings/2016-11-11.yaml:3:8: error:" in strict.stderr


# ---------------------------------------------------------------------- the site


def test_site_has_a_search_page_with_the_library_inline(archive, runner):
    result = run(runner, "build", "--as-of", "2016-11-16")
    assert result.exit_code == 0, result.output
    site = archive / "site"
    page = (site / "search.html").read_text(encoding="utf-8")
    assert "Permission is hereby granted" in page and "MiniSearch" in page  # the licence kept
    assert not re.search(r"<script[^>]*\bsrc|<link\b", page)  # everything inline
    documents = json.loads(page.split('id="search-documents">')[1].split("</script>")[0])
    decision = next(d for d in documents if "5/2016" in d["r"])
    assert decision["h"] == "meetings/2016-10-10.html#item-1"
    assert decision["r"] == "Bod 1 – Rozpočet na rok 2017 · Usnesení 5/2016"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<form class="search" role="search" action="search.html">' in index
    assert "<script" not in index  # the box on the index page is a plain form


def _cdp(browser: str, flags: list[str]):
    """Chromium driven through the DevTools protocol over a pipe (no port, no package)."""
    to_browser, from_us = os.pipe()
    from_browser, to_us = os.pipe()

    def fds() -> None:  # the protocol's pipe is fds 3 (commands) and 4 (replies)
        a, b = os.dup(to_browser), os.dup(to_us)
        os.dup2(a, 3)
        os.dup2(b, 4)

    proc = subprocess.Popen(
        [browser, *flags, "--remote-debugging-pipe", "about:blank"],
        close_fds=False,
        preexec_fn=fds,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(to_browser)
    os.close(to_us)
    state = {"n": 0, "buffer": b""}

    def send(method: str, params: dict | None = None, session: str | None = None) -> dict:
        state["n"] += 1
        message = {"id": state["n"], "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(from_us, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in state["buffer"]:
                chunk = os.read(from_browser, 65536)
                assert chunk, "Chromium closed the DevTools pipe"
                state["buffer"] += chunk
            raw, state["buffer"] = state["buffer"].split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == state["n"]:
                assert "error" not in reply, reply
                return reply["result"]

    def close() -> None:
        try:
            send("Browser.close")
            proc.wait(timeout=20)
        finally:
            if proc.poll() is None:
                proc.kill()
            os.close(from_us)
            os.close(from_browser)

    return send, close


def test_typing_without_diacritics_on_the_site_opened_from_files_finds_the_meeting(
    archive, runner, tmp_path
):
    from test_site import FLAGS

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("Chromium is not installed (Debian package 'chromium'; .ci/run installs it)")
    assert run(runner, "build", "--as-of", "2016-11-16").exit_code == 0
    page = (archive / "site" / "search.html").as_uri()
    send, close = _cdp(browser, [*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"])
    try:
        target = send("Target.createTarget", {"url": page})["targetId"]
        session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

        def js(expression: str):
            answer = send(
                "Runtime.evaluate", {"expression": expression, "returnByValue": True}, session
            )
            return answer["result"].get("value")

        for _ in range(300):  # the page loads from the file system
            if js("location.href + ' ' + document.readyState") == f"{page} complete":
                break
            time.sleep(0.1)
        send("Emulation.setFocusEmulationEnabled", {"enabled": True}, session)
        js("document.getElementById('q').focus()")
        send("Input.insertText", {"text": "zrizeni fondu"}, session)
        links = js(
            "Array.from(document.querySelectorAll('#search-results a'), a => a.textContent + ' ' + a.getAttribute('href'))"
        )
        assert links == ["2016-10-10 – 2. jednání meetings/2016-10-10.html#item-1"]
        assert js("document.getElementById('search-count').textContent") == "Nalezeno: 1"
        assert "zřízení fondu" in js("document.querySelector('.snippet').textContent")
        js("document.getElementById('q').value = ''")
        send("Input.insertText", {"text": "usneseni neexistuje"}, session)
        assert js("document.getElementById('search-count').textContent") == "Nic nenalezeno."
    finally:
        close()
    dom = subprocess.run(
        [
            browser,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'p2'}",
            "--dump-dom",
            page + "?q=MMR+navrh",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout  # what the index page's box sends
    assert 'href="meetings/2016-10-10.html#item-1">2016-10-10 – 2. jednání</a>' in dom
