"""`psc diff --format html|pdf`: the redline of the minutes as readers see them (psc's own
HTML minutes), checked with a strict HTML5 parser and for what a parser lets pass (where
list items, table rows and the marks stand)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import html5lib
import pytest
from conftest import run
from test_review import commit, edit, git_env, git_repo, seed  # noqa: F401  (fixtures)

MPSV_OLD = "Z hlediska **MPSV** je relevantní zejména"
MPSV_NEW = "Z hlediska **MPSV** je velmi relevantní hlavně"


class _Structure(HTMLParser):
    """Content-model rules a parser does not enforce: li in a list, tr in a table, no main
    (a page of several meetings), ids unique, <ins>/<del> only around text."""

    BLOCKS = {"p", "li", "ul", "ol", "table", "tr", "td", "th", "section", "h1", "h2", "h3", "div"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        parent = self.stack[-1] if self.stack else ""
        if tag == "li" and parent not in ("ul", "ol"):
            self.problems.append(f"li in {parent}")
        if tag == "tr" and parent not in ("table", "tbody", "thead"):
            self.problems.append(f"tr in {parent}")
        if tag in ("ins", "del") and parent in ("ul", "ol", "table", "tr"):
            self.problems.append(f"{tag} in {parent}")
        if tag in self.BLOCKS and {"ins", "del"} & set(self.stack):
            self.problems.append(f"{tag} inside a mark")
        if tag == "main":
            self.problems.append("main")
        for name, value in attrs:
            if name == "id":
                if value in self.ids:
                    self.problems.append(f"id {value} twice")
                self.ids.add(value)
        if tag not in ("meta", "br", "hr", "img", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def assert_valid(page: str) -> None:
    html5lib.HTMLParser(strict=True).parse(page)  # raises on any parse error
    check = _Structure()
    check.feed(page)
    assert check.problems == []
    assert check.stack == []


def redline(runner, *args: str) -> str:
    result = run(runner, "diff", *args, "--format", "html", "-o", "r.html")
    assert result.exit_code == 0, result.output
    return open("r.html", encoding="utf-8").read()


def test_redline_is_the_rendered_minutes_with_the_changes_marked(git_repo, runner):  # noqa: F811 (a fixture)
    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    edit(seed(git_repo), MPSV_OLD, MPSV_NEW)
    page = redline(runner, "2016-09-07")
    assert_valid(page)
    minutes = page[page.index('<article class="minutes">') :]
    # the header table and the items' headings as the minutes render them
    assert '<table class="header">' in minutes
    assert '<tr><th scope="row">datum</th><td>7. září 2016, 13:00 – 15:00</td></tr>' in minutes
    assert (
        "<h3>Bod 2 – Diskuze klíčových činností Pracovní skupiny pro Smart Cities</h3>" in minutes
    )
    # the two changes, in place, the statement with its organisation in bold
    assert (
        '<p class="statement" data-by="MPSV">Z hlediska <strong>MPSV</strong> je <ins>velmi </ins>'
        "relevantní <del>zejména</del><ins>hlavně</ins> propojení s iniciativou Práce 4.0.</p>"
    ) in minutes
    assert '<span class="deadline">T: <del>1.</del><ins>30.</ins> 11. 2016</span>' in minutes
    assert len(re.findall(r"<(?:ins|del)>", minutes)) == 5  # nothing else is marked
    # no Markdown syntax; a link keeps its address; the footer is there
    assert "**" not in page and "](" not in page and "&lt;br" not in page and "|" not in minutes
    assert '<a href="http://www.smartcities.mmr.cz">www.smartcities.mmr.cz</a>' in minutes
    assert "<footer>" in minutes and "Zapsala: Jana Korytářová (MMR)" in minutes
    # the summary above, in the minutes' terms, without Markdown
    summary = page[: page.index('<article class="minutes">')]
    assert "Úkol 2016-09-07/3, termín: <del>1. 11. 2016</del> → <ins>30. 11. 2016</ins>" in summary
    assert "Z hlediska MPSV je <ins>velmi </ins>relevantní <del>zejména</del>" in summary


def test_file_data_stays_escaped(git_repo, runner):  # noqa: F811 (a fixture)
    edit(
        seed(git_repo),
        MPSV_OLD,
        'Z hlediska **MPSV** <script>alert(1)</script> & "x" <b>y</b> je relevantní zejména',
    )
    page = redline(runner, "2016-09-07")
    assert_valid(page)
    assert "<script" not in page and "<b>" not in page
    assert (
        "Z hlediska <strong>MPSV</strong><ins> &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
        '"x" &lt;b&gt;y&lt;/b&gt;</ins> je relevantní zejména'
    ) in page


def test_added_and_removed_blocks_are_shown_whole(git_repo, runner):  # noqa: F811 (a fixture)
    path = seed(git_repo)
    edit(
        path,
        "      - by: MZd\n",
        "      - by: MV\n        text: Nové **stanovisko** MV.\n      - by: MZd\n",
    )
    text = path.read_text(encoding="utf-8")
    start = text.index("  - text: Zpracovat aktualizace")
    end = text.index("  - text:", start + 5)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    page = redline(runner, "2016-09-07")
    assert_valid(page)
    assert (
        '<p class="statement redline-inserted" data-by="MV"><ins>Nové <strong>stanovisko</strong>'
        " MV.</ins></p>"
    ) in page
    removed = [line for line in page.splitlines() if 'class="redline-deleted"' in line]
    assert len(removed) == 1
    assert removed[0].startswith(
        '<li class="redline-deleted" data-task-id="2016-09-07/4"><del>Zpracovat aktualizace'
    )


def test_new_meeting_is_all_inserted(git_repo, runner):  # noqa: F811 (a fixture)
    from test_review import NEW_MEETING

    (git_repo / "meetings" / "2016-11-15.yaml").write_text(NEW_MEETING, encoding="utf-8")
    page = redline(runner)
    assert_valid(page)
    assert "<h3>Bod 1 – Zahájení</h3>" not in page
    assert "<h3><ins>Bod 1 – Zahájení</ins></h3>" in page
    assert '<header class="redline-inserted">' in page
    assert "<del>" not in page.split('<article class="minutes">')[1]


def test_words_keep_the_markup_and_show_a_changed_link():
    from psc.review.rendered import redline

    out = redline(
        '<p>See <a href="http://a.example">the page</a> now</p>',
        '<p>See <a href="http://b.example">the page</a> now</p>',
    )
    assert out == (
        '<p>See <a href="http://a.example"><del>the page</del></a>'
        '<a href="http://b.example"><ins>the page</ins></a> now</p>'
    )


def _pdf_ready() -> str | None:
    try:
        import weasyprint  # noqa: F401  (fixtures)
    except (ImportError, OSError) as exc:
        return f"WeasyPrint cannot run here ({exc}); .ci/run installs it with Pango"
    if shutil.which("pdftotext") is None:
        return "pdftotext is not installed (Debian package poppler-utils; .ci/run installs it)"
    return None


def test_pdf_redline_prints_the_page(git_repo, runner):  # noqa: F811 (a fixture)
    reason = _pdf_ready()
    if reason:
        pytest.skip(reason)
    edit(seed(git_repo), "deadline: 2016-11-01", "deadline: 2016-11-30")
    edit(seed(git_repo), MPSV_OLD, MPSV_NEW)
    result = run(runner, "diff", "2016-09-07", "--format", "pdf", "-o", "r.pdf")
    assert result.exit_code == 0, result.output
    data = (git_repo / "r.pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", str(git_repo / "r.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Z hlediska MPSV je velmi relevantní zejména hlavně propojení" in flat
    assert "T: 1. 30. 11. 2016" in flat
    assert "Bod 2 – Diskuze klíčových činností" in flat


def test_pdf_redline_needs_a_file(git_repo, runner):  # noqa: F811 (a fixture)
    result = run(runner, "diff", "2016-09-07", "--format", "pdf")
    assert result.exit_code == 2
    assert result.stderr == "error: a PDF does not go to the terminal: give -o FILE\n"
