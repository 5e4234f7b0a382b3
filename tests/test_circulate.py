"""psc circulate: the draft minutes sent to the members for comments, with the PDF attached,
as .eml drafts or through SMTP (aiosmtpd on loopback), and the circulation recorded."""

from __future__ import annotations

import json
import socket
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from conftest import run

ON = "2016-11-16"


@pytest.fixture
def draft(repo: Path, runner, monkeypatch) -> Path:
    """The repository with the draft psc new-meeting writes (2016-11-15) and two members
    with an address."""
    for name in ("PSC_SMTP_HOST", "PSC_SMTP_PORT", "PSC_SMTP_FROM", "PSC_SMTP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    group = repo / "group.yaml"
    text = group.read_text(encoding="utf-8")
    text = text.replace(
        "  - name: Jana Korytářová\n",
        "  - name: Jana Korytářová\n    email: jana.korytarova@mmr.cz\n",
    ).replace(
        "    role: předseda Výboru pro udržitelné municipality\n",
        "    role: předseda Výboru pro udržitelné municipality\n    email: petr.svec@example.cz\n",
    )
    group.write_text(text, encoding="utf-8")
    result = run(runner, "new-meeting", "2016-11-15")
    assert result.exit_code == 0, result.output
    return repo / "meetings" / "2016-11-15.yaml"


def parse(path: Path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def load(path: Path):
    from psc.loading import pipeline

    return pipeline.load_meeting(None, path, pipeline.load_group(path.parents[1] / "group.yaml"))


def test_dry_run_writes_one_message_per_member_with_the_pdf(draft, runner, tmp_path):
    before = draft.read_bytes()
    out = tmp_path / "out"
    result = run(runner, "circulate", "2016-11-15", "--dry-run", "--on", ON, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "circulate-2016-11-15-Jana-Korytarova.eml",
        "circulate-2016-11-15-Petr-Svec.eml",
    ]
    msg = parse(out / "circulate-2016-11-15-Petr-Svec.eml")
    assert msg["To"] == "Petr Švec <petr.svec@example.cz>"
    assert msg["Subject"] == (
        "Návrh zápisu z jednání PS pro SC dne 15. 11. 2016 – připomínky do 23. 11. 2016"
    )
    assert msg["Date"] == "Wed, 16 Nov 2016 00:00:00 -0000"
    assert msg["X-Unsent"] == "1"
    body = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "do 23. 11. 2016" in body  # the comment deadline: 7 days by default
    assert "\nZápis – návrh\n" in body and "\nBod 3 – Kontrola úkolů\n" in body  # the minutes
    (pdf,) = [p for p in msg.iter_attachments()]
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename() == "2016-11-15.pdf"
    assert pdf.get_content().startswith(b"%PDF")
    assert "note: David Koppitz has no e-mail address in group.yaml" in result.stderr
    assert "dry run, no circulation recorded" in result.stdout
    assert draft.read_bytes() == before  # nothing recorded


def test_drafts_record_the_circulation(draft, runner):
    result = run(runner, "circulate", "2016-11-15", "--on", ON, "--deadline", "2016-11-30")
    assert result.exit_code == 0, result.output
    assert (draft.parents[1] / "circulation" / "circulate-2016-11-15-Jana-Korytarova.eml").is_file()
    assert (
        "circulation recorded (2016-11-16, 2 recipients, comments by 2016-11-30)" in result.stdout
    )
    (circulation,) = load(draft).circulations
    assert circulation.date.isoformat() == ON
    assert circulation.deadline.isoformat() == "2016-11-30"
    assert circulation.recipients == ["jana.korytarova@mmr.cz", "petr.svec@example.cz"]
    assert draft.read_text(encoding="utf-8").endswith(
        "circulations:\n  - date: 2016-11-16\n    deadline: 2016-11-30\n"
        "    recipients: [jana.korytarova@mmr.cz, petr.svec@example.cz]\n"
    )
    assert run(runner, "validate").exit_code == 0


def test_to_days_and_docx(draft, runner, tmp_path):
    out = tmp_path / "out"
    result = run(
        runner, "circulate", "2016-11-15", "--dry-run", "--on", ON, "--days", "2w",
        "--to", "Petr Švec", "--to", "host@example.org", "--docx", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "circulate-2016-11-15-Petr-Svec.eml",
        "circulate-2016-11-15-host-example-org.eml",
    ]
    msg = parse(out / "circulate-2016-11-15-host-example-org.eml")
    assert msg["To"] == "host@example.org"
    assert "připomínky do 30. 11. 2016" in msg["Subject"]
    names = [a.get_filename() for a in msg.iter_attachments()]
    assert names == ["2016-11-15.pdf", "2016-11-15.docx"]
    assert "note:" not in result.stderr  # members not chosen are not noted


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "Nikdo"], "error: --to 'Nikdo': neither a member of group.yaml nor an e-mail address"),
        (["--to", "David Koppitz"], "error: --to 'David Koppitz': the member has no e-mail address in group.yaml"),
        (["--deadline", "2016-11-20", "--days", "3"], "error: give --deadline or --days, not both"),
        (["--deadline", "2016-11-10"], "error: the comment deadline 2016-11-10 is before the circulation (2016-11-16)"),
    ],
)  # fmt: skip
def test_usage_errors(draft, runner, args, message):
    before = draft.read_bytes()
    result = run(runner, "circulate", "2016-11-15", "--on", ON, *args)
    assert result.exit_code == 2
    assert result.stderr.strip() == message
    assert draft.read_bytes() == before
    assert not (draft.parents[1] / "circulation").exists()


def test_refuses_approved_minutes(repo, runner):
    result = run(runner, "circulate", "2016-09-07", "--dry-run")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: 2016-09-07 is approved already; there is nothing to circulate "
        "(record changes after approval with `psc amend`)"
    )


def test_no_member_with_an_address(repo, runner):
    assert run(runner, "new-meeting", "2016-11-15").exit_code == 0
    result = run(runner, "circulate", "2016-11-15", "--dry-run")
    assert result.exit_code == 2
    assert "error: no member has an e-mail address" in result.stderr


# ---------------------------------------------------------------------- SMTP


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Collect:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    controller = Controller(Collect(), hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


def test_send_through_smtp(draft, runner, smtp_server):
    result = run(
        runner, "circulate", "2016-11-15", "--send", "--on", ON,
        "--smtp-host", "127.0.0.1", "--smtp-port", str(smtp_server.port), "--from", "ps-sc@mmr.cz",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    envelopes = smtp_server.handler.envelopes
    assert [e.rcpt_tos for e in envelopes] == [["jana.korytarova@mmr.cz"], ["petr.svec@example.cz"]]
    assert {e.mail_from for e in envelopes} == {"ps-sc@mmr.cz"}
    msg = BytesParser(policy=policy.default).parsebytes(envelopes[0].original_content)
    assert msg["Message-ID"] and msg["X-Unsent"] is None
    (pdf,) = list(msg.iter_attachments())
    assert pdf.get_filename() == "2016-11-15.pdf"
    assert pdf.get_content().startswith(b"%PDF")
    sent = draft.parents[1] / "circulation"  # sent, no drafts: the journal of who had it
    assert [p.name for p in sent.iterdir()] == ["2016-11-15.sent.json"]
    assert (
        "sent circulate-2016-11-15-Jana-Korytarova.eml to jana.korytarova@mmr.cz" in result.stderr
    )
    (circulation,) = load(draft).circulations
    assert circulation.recipients == ["jana.korytarova@mmr.cz", "petr.svec@example.cz"]


def test_send_failure_records_nothing(draft, runner):
    before = draft.read_bytes()
    port = free_port()  # nothing listens there
    result = run(
        runner, "circulate", "2016-11-15", "--send", "--on", ON,
        "--smtp-host", "127.0.0.1", "--smtp-port", str(port),
    )  # fmt: skip
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith(f"error: cannot connect to the SMTP server 127.0.0.1:{port}:")
    )
    assert draft.read_bytes() == before


# ---------------------------------------------------------------------- exactly once


class FailAtThird(Collect):
    """Accepts two messages, refuses the third for a while (451), then accepts again."""

    def __init__(self, fail: bool = True):
        super().__init__()
        self.fail = fail

    async def handle_DATA(self, server, session, envelope):
        if self.fail and len(self.envelopes) == 2:
            return "451 4.3.0 try again later"
        self.envelopes.append(envelope)
        return "250 OK"


THREE = ["david.koppitz@example.cz", "jana.korytarova@mmr.cz", "petr.svec@example.cz"]


def give_david_an_address(repo: Path) -> None:
    group = repo / "group.yaml"
    text = group.read_text(encoding="utf-8")
    assert "  - name: David Koppitz\n" in text
    text = text.replace(
        "  - name: David Koppitz\n",
        "  - name: David Koppitz\n    email: david.koppitz@example.cz\n",
    )
    group.write_text(text, encoding="utf-8")


def send_args(port: int) -> list[str]:
    return [
        "circulate", "2016-11-15", "--send", "--on", ON,
        "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--from", "ps-sc@mmr.cz",
    ]  # fmt: skip


def test_a_failure_at_the_third_message_is_resumed_by_the_retry(draft, runner):
    """The circulation is recorded before sending, each message as the server accepts it; the
    retry sends only to those who did not get it, and says so."""
    from aiosmtpd.controller import Controller

    give_david_an_address(draft.parents[1])
    handler = FailAtThird()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        result = run(runner, *send_args(controller.port))
        assert result.exit_code == 1
        assert [e.rcpt_tos for e in handler.envelopes] == [[a] for a in THREE[:2]]
        error = result.stderr.strip().splitlines()[-1]
        assert error.startswith(
            f"error: sending circulate-2016-11-15-Petr-Svec.eml through 127.0.0.1:"
            f"{controller.port}: 451 4.3.0 try again later (2 of 3 sent before"
        ), error
        assert "run the command again to send to the rest" in error
        # recorded before sending: the circulation, to all three
        (circulation,) = load(draft).circulations
        assert circulation.recipients == THREE
        journal = draft.parents[1] / "circulation" / "2016-11-15.sent.json"
        assert sorted(
            json.loads(journal.read_text(encoding="utf-8"))["circulations"][0]["sent"]
        ) == sorted(THREE[:2])

        handler.fail = False
        retry = run(runner, *send_args(controller.port))
        assert retry.exit_code == 0, retry.output
        assert [e.rcpt_tos for e in handler.envelopes] == [[a] for a in THREE]  # only the third
        assert "note: jana.korytarova@mmr.cz had the draft already (sent " in retry.stderr
        assert "not sent again" in retry.stderr
        assert "sent circulate-2016-11-15-Petr-Svec.eml to petr.svec@example.cz" in (retry.stderr)
        (circulation,) = load(draft).circulations  # recorded once
        assert circulation.recipients == THREE

        again = run(runner, *send_args(controller.port))  # complete: never twice
        assert again.exit_code == 2
        assert again.stderr.strip().splitlines()[-1] == (
            "error: 2016-11-15: this draft was sent to every recipient already (2016-11-16, "
            "comments by 2016-11-23); nothing sent (a new circulation has another --on, "
            "--deadline or --to)"
        )
        assert len(handler.envelopes) == 3
    finally:
        controller.stop()


def test_a_read_only_meeting_file_sends_nothing(draft, runner, smtp_server):
    before = draft.read_bytes()
    draft.chmod(0o444)
    try:
        result = run(runner, *send_args(smtp_server.port))
    finally:
        draft.chmod(0o644)
    assert result.exit_code == 1
    assert smtp_server.handler.envelopes == []
    assert result.stderr.strip().splitlines()[-1] == (
        "error: meetings/2016-11-15.yaml is read-only; nothing was written (make it writable "
        "first if the change is meant)"
    )
    assert "sent circulate-" not in result.stderr
    assert draft.read_bytes() == before


def test_drafts_written_twice_record_the_circulation_once(draft, runner):
    for _ in range(2):
        result = run(runner, "circulate", "2016-11-15", "--on", ON)
        assert result.exit_code == 0, result.output
    assert len(load(draft).circulations) == 1
    assert "circulation recorded already" in result.stdout


def test_an_internationalised_domain_is_sent_in_idna(draft, runner, smtp_server):
    group = draft.parents[1] / "group.yaml"
    text = group.read_text(encoding="utf-8")
    group.write_text(text.replace("petr.svec@example.cz", "petr.svec@obec-příklad.cz"), "utf-8")
    result = run(runner, *send_args(smtp_server.port))
    assert result.exit_code == 0, result.output
    envelopes = smtp_server.handler.envelopes
    assert [e.rcpt_tos for e in envelopes][1] == ["petr.svec@xn--obec-pklad-p8a90k.cz"]
    raw = envelopes[1].original_content
    assert b"To: Petr =?utf-8?q?=C5=A0vec?= <petr.svec@xn--obec-pklad-p8a90k.cz>" in raw
    (circulation,) = load(draft).circulations
    assert circulation.recipients[1] == "petr.svec@obec-příklad.cz"  # as group.yaml has it


def test_to_an_address_outside_ascii_before_the_at_is_refused(draft, runner):
    result = run(runner, "circulate", "2016-11-15", "--dry-run", "--to", "jána@example.cz")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: --to 'jána@example.cz': psc cannot send to an address with characters outside "
        "ASCII before the @ (SMTPUTF8); give an ASCII address"
    )


# ---------------------------------------------------------------------- the body


def test_the_body_is_plain_text_with_an_html_alternative(draft, runner, tmp_path):
    import html5lib

    out = tmp_path / "out"
    result = run(runner, "circulate", "2016-11-15", "--dry-run", "--on", ON, "-o", str(out))
    assert result.exit_code == 0, result.output
    msg = parse(out / "circulate-2016-11-15-Petr-Svec.eml")
    (alternative, _pdf) = msg.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "<br>" not in text and "|---|" not in text
    assert not [line for line in text.splitlines() if line.lstrip().startswith("|")]
    assert "\nZápis – návrh\n=============\n" in text
    assert "\nBod 3 – Kontrola úkolů\n" in text and "###" not in text
    assert "\nnázev      2. jednání Pracovní skupiny pro Smart Cities (PS pro SC)\n" in text
    assert "do 23. 11. 2016" in text
    html = msg.get_body(("html",)).get_content()
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    assert document.find(".//table") is not None
    words = " ".join("".join(document.find("body").itertext()).split())
    assert "Bod 3 – Kontrola úkolů" in words and "do 23. 11. 2016" in words


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        '{"circulations": [{"date": "16. 11.", "deadline": "2016-11-23", "draft": "x", '
        '"recipients": [], "sent": {}}]}',
        '{"circulations": [{"date": "2016-11-16", "deadline": "2016-11-23", "draft": "x", '
        '"recipients": [1], "sent": []}]}',
    ],
)
def test_a_damaged_journal_sends_nothing(draft, runner, smtp_server, damage):
    journal = draft.parents[1] / "circulation" / "2016-11-15.sent.json"
    journal.parent.mkdir()
    journal.write_text(damage, encoding="utf-8")
    before = draft.read_bytes()
    result = run(runner, *send_args(smtp_server.port))
    assert result.exit_code == 1
    assert smtp_server.handler.envelopes == []
    (line,) = result.stderr.strip().splitlines()[-1:]
    assert line.startswith(
        "error: circulation/2016-11-15.sent.json: not a journal of circulations psc can read ("
    )
    assert line.endswith("nothing sent (move it away if the circulations it records are complete)")
    assert draft.read_bytes() == before
