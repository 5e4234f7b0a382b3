"""The pull/merge request example in examples/ci/: the workflows' safety rules, and the script
that posts `psc diff --format md` as one comment, run against real git repositories with a
fake `gh` (and a fake GitLab API on loopback) that record what would be posted."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import yaml
from test_review import commit, edit, git, isolate_git

REPO = Path(__file__).resolve().parents[1]
CI = REPO / "examples" / "ci"
SCRIPT = CI / "redline_comment.py"
MARKER = "<!-- psc-redline -->"
ORIGINAL = "Z hlediska **MPSV** je relevantní zejména propojení s iniciativou Práce 4.0."
INJECTION = (
    "Z hlediska MPSV ```\n@everyone <!-- x --> <script>alert(1)</script> $(rm -rf /) #1 "
    "<details><summary>s</summary> `id` GH-2 @org/team <img src=x onerror=alert(1)> ~~d~~"
)
BRANCH = "feat/$(touch${IFS}pwned)`touch${IFS}pwned2`;x"
"""A branch name with shell metacharacters (git allows all of these)."""

FAKE_GH = """\
#!{python}
import json, os, sys
args = sys.argv[1:]
body = None
for i, arg in enumerate(args):
    if arg == "--body-file":
        body = open(args[i + 1], encoding="utf-8").read()
    elif arg.startswith("body=@"):
        body = open(arg[len("body=@"):], encoding="utf-8").read()
with open(os.environ["FAKE_GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps({{"args": args, "body": body}}) + "\\n")
if args[:2] == ["api", "--paginate"]:
    print(os.environ.get("FAKE_GH_COMMENTS", ""))
"""


def load_script():
    spec = importlib.util.spec_from_file_location("redline_comment", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def pr_repo(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The `repo` fixture in git: 'main' with the seed, BRANCH changing one statement into
    injection attempts (checked out)."""
    isolate_git(tmp_path, monkeypatch)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Seed")
    git(repo, "checkout", "-q", "-b", BRANCH)
    edit(repo / "meetings" / "2016-09-07.yaml", ORIGINAL, json.dumps(INJECTION, ensure_ascii=False))
    commit(repo, "Injection", date="2016-10-04T12:00:00+02:00")
    return repo


@pytest.fixture
def fake_gh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `gh` first on PATH that records its arguments and the body it was given; the log."""
    bin_dir = tmp_path / "fake-bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH.format(python=sys.executable), encoding="utf-8")
    gh.chmod(0o755)
    log = tmp_path / "gh-calls.jsonl"
    monkeypatch.setenv("FAKE_GH_LOG", str(log))
    monkeypatch.setenv(
        "PATH",
        os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), os.environ["PATH"]]),
    )
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return log


def calls(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def post(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **env},
        check=False,
    )


GITHUB_ARGS = ("--post", "github", "--pr", "7", "--repo", "owner/minutes")


def rendered(body: str):
    """The body as GitHub's Markdown reads it (CommonMark with tables and strikethrough,
    raw HTML on, as GitHub has it before sanitising): its tokens, inline ones flattened."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = md.parse(body)
    flat = []
    for token in tokens:
        flat.append(token)
        flat.extend(token.children or [])
    return flat, md.render(body)


# ---------------------------------------------------------------------- the workflows


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_github_workflow_is_pinned_minimal_and_interpolates_nothing_into_scripts():
    workflow = yaml.safe_load((CI / "github-workflow.yml").read_text(encoding="utf-8"))
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert set(on) == {"pull_request"}  # never pull_request_target: see the comment in the file
    assert workflow["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    uses = [step["uses"] for step in steps(workflow) if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    runs = [step["run"] for step in steps(workflow) if "run" in step]
    assert runs and all("${{" not in script for script in runs), runs
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    comment = next(s for s in steps(workflow) if "redline_comment.py" in s.get("run", ""))
    assert comment["env"]["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    assert "--post github" in comment["run"] and '"$SAME_REPOSITORY" = true' in comment["run"]
    # the script comes from the pinned psc, not from the request's own files
    assert '"$RUNNER_TEMP/psc/examples/ci/redline_comment.py"' in comment["run"]


def test_gitlab_job_posts_with_the_script_and_uses_only_commit_ids():
    job = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))["minutes"]
    script = "\n".join(job["script"])
    assert "/tmp/psc/examples/ci/redline_comment.py --post gitlab" in script
    assert "$CI_MERGE_REQUEST_DIFF_BASE_SHA" in script
    assert not re.search(r"TITLE|DESCRIPTION|BRANCH_NAME", script), script
    assert job["artifacts"]["paths"] == ["redline.md", "redline.html"]


# ---------------------------------------------------------------------- the comment


def test_comment_holds_the_marker_and_the_change_with_every_injection_neutralised(
    pr_repo: Path, fake_gh: Path
):
    result = post(pr_repo, "--base", "main", "--head", BRANCH, *GITHUB_ARGS)
    assert result.returncode == 0, result.stderr
    assert "posted a comment" in result.stdout
    listing, create = calls(fake_gh)
    assert listing["args"][:3] == ["api", "--paginate", "repos/owner/minutes/issues/7/comments"]
    assert create["args"][:4] == ["pr", "comment", "7", "--repo"]
    body = create["body"]
    assert body == (pr_repo / "redline-comment.md").read_text(encoding="utf-8")
    assert body.startswith(MARKER + "\n")
    assert "Bod 2 – Diskuze klíčových činností" in body and "~~\\*\\*MPSV\\*\\*~~" in body

    tokens, html = rendered(body)
    # no raw HTML but the script's own marker and <sub>; no fence, no code block
    raw = [t.content.strip() for t in tokens if t.type in ("html_block", "html_inline")]
    assert raw == [MARKER, "<sub>", "</sub>"], raw
    assert not [t for t in tokens if t.type in ("fence", "code_block")]
    code = [t.content for t in tokens if t.type == "code_inline"]
    assert code[0] == "meetings/2016-09-07.yaml" and code[1].startswith("psc diff --from ")
    assert len(code) == 2, code
    # the injected text is shown as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;details&gt;" in html
    assert "```" in html and "$(rm" in html and "`id`" in html and "~~d~~" in html
    # no mention and no issue reference GitHub would link (they are broken by U+200B)
    text = "".join(t.content for t in tokens if t.type == "text")
    assert "@\u200beveryone" in text and "#\u200b1" in text and "@\u200borg/team" in text
    assert not re.search(r"(?<![\w`])@[A-Za-z0-9]|#[0-9]|GH-[0-9]", text), text
    # the branch name was an argument, never shell text
    assert not list(pr_repo.rglob("pwned*")) and not list(Path.cwd().rglob("pwned*"))
    # the whole redline is in the log and the full file too
    full = (pr_repo / "redline.md").read_text(encoding="utf-8")
    assert full in result.stdout and "\\<script\\>" in full


def test_the_comment_posted_before_is_updated(pr_repo: Path, fake_gh: Path):
    result = post(
        pr_repo, "--base", "main", "--head", "HEAD", *GITHUB_ARGS, FAKE_GH_COMMENTS="4242\n4243"
    )
    assert result.returncode == 0, result.stderr
    assert "updated comment 4242" in result.stdout
    listing, patch = calls(fake_gh)
    jq = listing["args"][listing["args"].index("--jq") + 1]
    assert '.user.login == "github-actions[bot]"' in jq and f'startswith("{MARKER}")' in jq
    assert patch["args"][:4] == [
        "api",
        "--method",
        "PATCH",
        "repos/owner/minutes/issues/comments/4242",
    ]
    assert patch["body"].startswith(MARKER) and "#\u200b" not in patch["body"]
    assert "#&#8203;1" in patch["body"]


def test_no_meeting_changed_creates_nothing_but_updates_an_old_comment(
    pr_repo: Path, fake_gh: Path
):
    result = post(pr_repo, "--base", "HEAD", "--head", "HEAD", *GITHUB_ARGS)
    assert result.returncode == 0, result.stderr
    assert [c["args"][0] for c in calls(fake_gh)] == ["api"]  # listed, nothing posted
    assert "nothing to post" in result.stdout
    fake_gh.unlink()
    result = post(pr_repo, "--base", "HEAD", "--head", "HEAD", *GITHUB_ARGS, FAKE_GH_COMMENTS="9")
    assert result.returncode == 0, result.stderr
    assert "No meeting changed." in calls(fake_gh)[-1]["body"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--pr", "7;rm -rf /", "--repo", "owner/minutes"), "--pr must be a pull request number"),
        (("--pr", "7", "--repo", "owner/minutes;x"), "--repo must be OWNER/NAME"),
    ],
)
def test_bad_request_values_stop_before_gh(pr_repo: Path, fake_gh: Path, args, message):
    result = post(pr_repo, "--base", "main", "--head", "HEAD", "--post", "github", *args)
    assert result.returncode == 1
    assert result.stderr.startswith("redline_comment: error: " + message)
    assert len(result.stderr.splitlines()) == 1 and not calls(fake_gh)


def test_an_option_like_revision_is_a_name_not_an_option(pr_repo: Path, fake_gh: Path):
    result = post(pr_repo, "--base", "main", "--head=--output=evil")
    assert result.returncode == 1
    assert "finding the commit '--output=evil' failed" in result.stderr
    assert not (pr_repo / "evil").exists() and not calls(fake_gh)


def test_on_github_the_log_cannot_hold_workflow_commands(pr_repo: Path, fake_gh: Path):
    result = post(pr_repo, "--base", "main", "--head", "HEAD", GITHUB_ACTIONS="true")
    assert result.returncode == 0, result.stderr
    first, *_ = result.stdout.splitlines()
    token = re.fullmatch(r"::stop-commands::([0-9a-f]{32})", first).group(1)
    assert f"\n::{token}::\n" in result.stdout
    assert result.stdout.index(f"::{token}::") > result.stdout.index("\\<script\\>")


# ---------------------------------------------------------------------- the limit


def test_a_long_redline_is_cut_at_a_line_with_a_note():
    script = load_script()
    lines = [f"- **Bod {i}**: změna 😀 {'slovo ' * 15}" for i in range(5000)]
    body, cut = script.compose("\n".join(lines) + "\n", "aaaa", "bbbb")
    assert cut and script.units(body) <= script.LIMIT < 65_536
    assert len(body) < script.units(body)  # the emoji count twice, as GitHub counts them
    shown = re.search(r"Truncated to fit a comment: (\d+) of 5000 lines shown", body)
    kept = int(shown.group(1))
    assert 0 < kept < 5000 and f"{lines[kept - 1]}\n\n> [!NOTE]" in body
    assert lines[kept] not in body and body.startswith(MARKER)


def test_one_line_longer_than_a_comment_is_cut_at_a_space():
    script = load_script()
    line = "- **Bod 1**: " + " ".join(f"\\<b{i}\\>" for i in range(20_000))
    body, cut = script.compose(line, "aaaa", "bbbb", limit=2000)
    assert cut and script.units(body) <= 2000
    kept = body.split("\n\n")[1]
    assert kept.endswith(" …") and line.startswith(kept[: -len(" …")] + " ")
    assert "1 of 1 lines shown" in body


def test_the_script_cuts_the_comment_and_keeps_the_whole_redline(pr_repo: Path, fake_gh: Path):
    result = post(pr_repo, "--base", "main", "--head", "HEAD", *GITHUB_ARGS, "--max-chars", "450")
    assert result.returncode == 0, result.stderr
    body = calls(fake_gh)[-1]["body"]
    assert len(body) <= 450 and "Truncated to fit a comment" in body
    assert "the comment is cut to 450 characters; the whole redline: redline.md" in result.stdout
    full = (pr_repo / "redline.md").read_text(encoding="utf-8")
    assert "@org/team" in full and "@org/team" not in body


def test_mentions_are_broken_outside_code_spans_only():
    script = load_script()
    assert script.neutralise("`@a #1` @b \\`@c\\` #2") == (
        "`@a #1` @&#8203;b \\`@&#8203;c\\` #&#8203;2"
    )
    assert script.neutralise("!3 ~x %m $4 &5 @u", "gitlab") == (
        "!&#8203;3 ~&#8203;x %&#8203;m $&#8203;4 &&#8203;5 @&#8203;u"
    )
    assert script.neutralise("a@b.cz, C# 10x, issue#") == "a@&#8203;b.cz, C# 10x, issue#"


# ---------------------------------------------------------------------- GitLab


class FakeGitLab(BaseHTTPRequestHandler):
    """/user is id 5; note 11 (by someone else) and 12 (ours) carry the marker."""

    requests: list[tuple[str, str, dict | None]] = []
    notes = [
        {"id": 11, "author": {"id": 6}, "body": MARKER + " not ours"},
        {"id": 12, "author": {"id": 5}, "body": MARKER + " ours"},
    ]

    def _reply(self, payload) -> None:
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        assert self.headers["PRIVATE-TOKEN"] == "glpat-test"
        self.requests.append(("GET", self.path, None))
        if self.path == "/api/v4/user":
            self._reply({"id": 5})
        else:
            self._reply(self.notes if self.path.endswith("page=1") else [])

    def do_PUT(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.requests.append(("PUT", self.path, body))
        self._reply({"id": 12})

    def log_message(self, *args) -> None:  # keep the test output quiet
        pass


def test_gitlab_updates_the_note_it_posted_before(pr_repo: Path, fake_gh: Path):
    server = HTTPServer(("127.0.0.1", 0), FakeGitLab)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = post(
            pr_repo,
            "--base",
            "main",
            "--head",
            "HEAD",
            "--post",
            "gitlab",
            CI_API_V4_URL=f"http://127.0.0.1:{server.server_port}/api/v4",
            CI_PROJECT_ID="group/minutes",
            CI_MERGE_REQUEST_IID="3",
            PSC_GITLAB_TOKEN="glpat-test",
        )
    finally:
        server.shutdown()
        thread.join()
    assert result.returncode == 0, result.stderr
    assert "updated note 12" in result.stdout
    method, path, payload = FakeGitLab.requests[-1]
    assert (method, path) == ("PUT", "/api/v4/projects/group%2Fminutes/merge_requests/3/notes/12")
    assert payload["body"].startswith(MARKER) and "~~" in payload["body"]
    assert "@&#8203;everyone" in payload["body"] and "#&#8203;1" in payload["body"]


def test_gitlab_without_a_token_only_writes_the_files(pr_repo: Path, fake_gh: Path):
    result = post(
        pr_repo, "--base", "main", "--head", "HEAD", "--post", "gitlab", PSC_GITLAB_TOKEN=""
    )
    assert result.returncode == 0, result.stderr
    assert "no PSC_GITLAB_TOKEN (a merge request from a fork?): not posting" in result.stdout
    assert (pr_repo / "redline-comment.md").read_text(encoding="utf-8").startswith(MARKER)
