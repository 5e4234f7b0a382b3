#!/usr/bin/env python3
"""Post what a pull (merge) request changes in the minutes as one comment on it.

Runs `psc diff --from <merge base> --to <head> --format md` in the repository it is started
in, wraps the Markdown in a comment that starts with a hidden marker, and creates that comment
or updates the one it posted before (GitHub through `gh`, GitLab through its REST API). The
whole redline is also written to a file (`--full`) and printed to the job's log.

Meeting text reaches the comment only through psc's Markdown escaping, which keeps it plain
text on one line (no HTML, no code fence, no heading, link or image). What is not Markdown
but the forge's own reading of text, mentions (`@name`, `@org/team`) and references (`#12`,
`GH-12`; on GitLab also `!12`, `~label`, `%milestone`, `$12`, `&12`), this script breaks
with a zero-width space, outside code spans.

Untrusted values (branch names, titles) are never needed: revisions are resolved to commit
ids first and every program is run with an argument list, never through a shell.

Standard library only; run it locally without `--post` to see the comment:

    python3 examples/ci/redline_comment.py --base origin/main --head HEAD
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

MARKER = "<!-- psc-redline -->"
"""The first line of the comment: how the script finds the comment it posted before."""
LIMIT = 65_000
"""Characters of a comment (GitHub refuses more than 65,536), counted as UTF-16 units."""
GITHUB_BOT = "github-actions[bot]"
ZWSP = "&#8203;"
_MENTIONS = {
    "github": re.compile(r"[@](?=[A-Za-z0-9])|#(?=[0-9])|(?i:\bGH-)(?=[0-9])"),
    "gitlab": re.compile(r"[@~%](?=[A-Za-z0-9\"])|[#!$&](?=[0-9])|(?i:\bGH-)(?=[0-9])"),
}
_BACKTICKS = re.compile(r"\\.|`+", re.S)


class Failure(Exception):
    """A one-line error for the job's log."""


# ---------------------------------------------------------------------- the comment


def neutralise(markdown: str, forge: str = "github") -> str:
    """`markdown` with every mention and issue reference broken by a zero-width space
    (the forge links and notifies them after Markdown is rendered, so escaping cannot);
    code spans are left as they are (the forge reads nothing in them)."""
    pattern = _MENTIONS[forge]

    def text(part: str) -> str:
        return pattern.sub(lambda m: m.group() + ZWSP, part)

    out = []
    for line in markdown.split("\n"):
        pieces, start, pos = [], 0, 0
        while (m := _BACKTICKS.search(line, pos)) is not None:
            if m.group().startswith("\\"):
                pos = m.end()
                continue
            size = len(m.group())
            close = re.compile(rf"(?<!`)`{{{size}}}(?!`)").search(line, m.end())
            if close is None:
                pos = m.end()
                continue
            pieces += [text(line[start : m.start()]), line[m.start() : close.end()]]
            start = pos = close.end()
        out.append("".join(pieces) + text(line[start:]))
    return "\n".join(out)


def units(text: str) -> int:
    """The length GitHub measures (UTF-16 code units: an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


def compose(redline: str, base: str, head: str, limit: int = LIMIT) -> tuple[str, bool]:
    """The comment: marker, title, the redline (cut at a line, else at a space, to fit
    `limit` with the note saying so) and the command that made it; and whether it was cut."""
    head_part = f"{MARKER}\n## Changes to the minutes\n\n"
    foot = f"\n<sub>`psc diff --from {base} --to {head} --format md`</sub>\n"
    if not redline.strip():
        return head_part + "No meeting changed.\n" + foot, False
    body = redline.rstrip("\n") + "\n"
    if units(head_part + body + foot) <= limit:
        return head_part + body + foot, False
    lines = body.rstrip("\n").split("\n")
    note = (
        "\n> [!NOTE]\n> Truncated to fit a comment: {shown} of {total} lines shown. The whole "
        "redline is in the job's log and in its artifact `redline`.\n"
    )
    room = limit - units(head_part + foot + note.format(shown=len(lines), total=len(lines)))
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + units(line) + 1 > room:
            if not kept:  # one line longer than a comment: cut it at a space
                size = max(0, room - 2) * 2  # UTF-16 bytes; a split surrogate pair is dropped
                cut = line.encode("utf-16-le")[:size].decode("utf-16-le", errors="ignore")
                cut = cut[: cut.rfind(" ")] if " " in cut else ""
                kept.append(cut + " …")
            break
        kept.append(line)
        used += units(line) + 1
    shown = "\n".join(kept).rstrip("\n") + "\n"
    return head_part + shown + note.format(shown=len(kept), total=len(lines)) + foot, True


# ---------------------------------------------------------------------- git and psc


def run(args: list[str], *, what: str, capture: bool = True) -> str:
    try:
        result = subprocess.run(
            args, capture_output=capture, text=True, encoding="utf-8", check=False
        )
    except OSError as exc:
        raise Failure(f"cannot run {args[0]}: {exc.strerror}") from None
    if result.returncode != 0:
        detail = (result.stderr or "").strip().splitlines()
        raise Failure(f"{what} failed: " + (" / ".join(detail[-3:]) or f"exit {result.returncode}"))
    return result.stdout or ""


def commit_id(rev: str) -> str:
    """The id of the commit `rev` names, abbreviated as git keeps it unambiguous (an
    option-like name stays a name)."""
    return run(
        [
            "git",
            "rev-parse",
            "--verify",
            "--quiet",
            "--short=12",
            "--end-of-options",
            f"{rev}^{{commit}}",
        ],
        what=f"finding the commit {rev!r}",
    ).strip()


def redline(psc: str, base: str, head: str) -> str:
    """`psc diff` of the meetings changed between `base` and `head`, as Markdown."""
    return run([psc, "diff", "--from", base, "--to", head, "--format", "md"], what="psc diff")


def show_in_log(markdown: str) -> None:
    """Print the whole redline to the log; on GitHub, between '::stop-commands::' lines so
    no line of it is read as a workflow command."""
    token = secrets.token_hex(16) if os.environ.get("GITHUB_ACTIONS") == "true" else ""
    if token:
        print(f"::stop-commands::{token}")
    print(markdown, end="" if markdown.endswith("\n") else "\n")
    if token:
        print(f"::{token}::")


# ---------------------------------------------------------------------- forges


def post_github(body_file: Path, *, repo: str, number: str, login: str, create: bool) -> str:
    """Update the comment with the marker by `login` on pull request `number`, else create
    one (when `create`); what was done."""
    select = (
        f".[] | select(.user.login == {json.dumps(login)} and "
        f"(.body | startswith({json.dumps(MARKER)}))) | .id"
    )
    found = run(
        ["gh", "api", "--paginate", f"repos/{repo}/issues/{number}/comments", "--jq", select],
        what="listing the comments",
    ).split()
    if found:
        run(
            [
                "gh",
                "api",
                "--method",
                "PATCH",
                f"repos/{repo}/issues/comments/{found[0]}",
                "-F",
                f"body=@{body_file}",
            ],
            what="updating the comment",
        )
        return f"updated comment {found[0]}"
    if not create:
        return "nothing to post"
    run(
        ["gh", "pr", "comment", number, "--repo", repo, "--body-file", str(body_file)],
        what="posting the comment",
    )
    return "posted a comment"


def _gitlab(method: str, url: str, token: str, payload: dict[str, str] | None = None) -> object:
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("PRIVATE-TOKEN", token)
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read() or b"null")
    except (OSError, ValueError) as exc:
        raise Failure(f"GitLab API {method} {url.split('?')[0]} failed: {exc}") from None


def post_gitlab(body: str, *, api: str, project: str, iid: str, token: str, create: bool) -> str:
    """The same on a GitLab merge request, as the user the token belongs to."""
    me = _gitlab("GET", f"{api}/user", token)
    my_id = me.get("id") if isinstance(me, dict) else None
    notes_url = f"{api}/projects/{urllib.parse.quote(project, safe='')}/merge_requests/{iid}/notes"
    page = 1
    while True:
        notes = _gitlab("GET", f"{notes_url}?per_page=100&sort=asc&page={page}", token)
        if not isinstance(notes, list) or not notes:
            break
        for note in notes:
            if (
                isinstance(note, dict)
                and (note.get("author") or {}).get("id") == my_id
                and str(note.get("body", "")).startswith(MARKER)
            ):
                _gitlab("PUT", f"{notes_url}/{note['id']}", token, {"body": body})
                return f"updated note {note['id']}"
        page += 1
    if not create:
        return "nothing to post"
    _gitlab("POST", notes_url, token, {"body": body})
    return "posted a note"


# ---------------------------------------------------------------------- command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the target branch's commit")
    parser.add_argument("--head", required=True, help="the request's head commit")
    parser.add_argument("--post", choices=["github", "gitlab"], help="post the comment there")
    parser.add_argument("--repo", default=os.environ.get("GITHUB_REPOSITORY", ""))
    parser.add_argument("--pr", default="", help="pull request number (GitHub)")
    parser.add_argument("--login", default=GITHUB_BOT, help="who posts on GitHub")
    parser.add_argument("--forge", choices=sorted(_MENTIONS), help="default: --post or github")
    parser.add_argument("--body", default="redline-comment.md", help="the comment, written here")
    parser.add_argument("--full", default="redline.md", help="the whole redline, written here")
    parser.add_argument("--max-chars", type=int, default=LIMIT)
    parser.add_argument("--psc", default="psc", help="the psc command")
    args = parser.parse_args(argv)
    try:
        base, head = commit_id(args.base), commit_id(args.head)
        try:  # the request's changes only, not those made on the target since it branched
            merge_base = commit_id(
                run(["git", "merge-base", base, head], what="git merge-base").strip()
            )
        except Failure:  # no common history
            merge_base = base
        markdown = redline(args.psc, merge_base, head)
        Path(args.full).write_text(markdown, encoding="utf-8")
        show_in_log(markdown)
        forge = args.forge or args.post or "github"
        body, cut = compose(neutralise(markdown, forge), merge_base, head, args.max_chars)
        body_file = Path(args.body)
        body_file.write_text(body, encoding="utf-8")
        if cut:
            print(
                f"the comment is cut to {args.max_chars} characters; the whole redline: {args.full}"
            )
        create = bool(markdown.strip())
        if args.post == "github":
            if not re.fullmatch(r"[0-9]+", args.pr):
                raise Failure(f"--pr must be a pull request number, not {args.pr!r}")
            if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", args.repo):
                raise Failure(f"--repo must be OWNER/NAME, not {args.repo!r}")
            done = post_github(
                body_file.resolve(), repo=args.repo, number=args.pr, login=args.login, create=create
            )
            print(done)
        elif args.post == "gitlab":
            env = {
                name: os.environ.get(name, "")
                for name in (
                    "CI_API_V4_URL",
                    "CI_PROJECT_ID",
                    "CI_MERGE_REQUEST_IID",
                    "PSC_GITLAB_TOKEN",
                )
            }
            if not env["PSC_GITLAB_TOKEN"]:
                print("no PSC_GITLAB_TOKEN (a merge request from a fork?): not posting")
                return 0
            if not re.fullmatch(r"[0-9]+", env["CI_MERGE_REQUEST_IID"]):
                raise Failure("CI_MERGE_REQUEST_IID is not set: not a merge request pipeline")
            done = post_gitlab(
                body,
                api=env["CI_API_V4_URL"].rstrip("/"),
                project=env["CI_PROJECT_ID"],
                iid=env["CI_MERGE_REQUEST_IID"],
                token=env["PSC_GITLAB_TOKEN"],
                create=create,
            )
            print(done)
    except Failure as exc:
        print(f"redline_comment: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
