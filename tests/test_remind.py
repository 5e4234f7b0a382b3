"""psc remind: e-mail reminders of overdue and soon-due tasks, as .eml drafts or through SMTP."""

from __future__ import annotations

import socket
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from conftest import refingerprint, run
from test_remind_recipients import add_addresses

AS_OF = "2016-11-16"


def parse(path: Path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def body_of(msg) -> str:
    """The text of a message, with LF line ends (drafts have CRLF, as RFC 5322 has them)."""
    return msg.get_content().replace("\r\n", "\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_env(monkeypatch):
    for name in ("PSC_SMTP_HOST", "PSC_SMTP_PORT", "PSC_SMTP_FROM", "PSC_SMTP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


# ---------------------------------------------------------------------- drafts


def test_drafts_at_the_seed(repo, runner, smtp_env):
    result = run(runner, "remind", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    out = repo / "reminders"
    assert sorted(p.name for p in out.iterdir()) == ["remind-MMR.eml", "remind-vsichni-clenove.eml"]

    everyone = parse(out / "remind-vsichni-clenove.eml")
    # the seed's group.yaml has no addresses: a draft for all members, the contact in copy only
    assert everyone["To"] is None
    assert everyone["Cc"] == "jana.korytarova@mmr.cz"
    assert everyone["From"] == "psc@localhost"
    assert everyone["Subject"] == "Připomínka úkolů PS pro SC k 16. 11. 2016"
    assert everyone["Date"] == "Wed, 16 Nov 2016 00:00:00 -0000"
    assert everyone["Message-ID"] is None
    assert everyone.get_content_type() == "text/plain"
    assert everyone.get_content_charset() == "utf-8"
    body = body_of(everyone)
    assert "2016-09-07/3  Poslat informace k dalším strategickým dokumentům" in body
    assert "Termín: 1. 11. 2016 – 15 dní po termínu" in body
    assert "Posílat na: jana.korytarova@mmr.cz" in body
    assert "2016-09-07/4" not in body and "2016-09-07/1" not in body  # MMR's; ongoing

    mmr = parse(out / "remind-MMR.eml")
    assert mmr["To"] is None and mmr["Cc"] is None
    assert mmr["Subject"] == "Připomínka úkolů PS pro SC k 16. 11. 2016"
    body = body_of(mmr)
    assert "za které odpovídá MMR" in body
    assert "2016-09-07/4  Zpracovat aktualizace možných zdrojů finanční podpory" in body
    assert "2016-09-07/5  Zorganizovat jednání MMR a MŽP" in body
    assert body.count("Termín: do další PS (15. 11. 2016) – 1 den po termínu") == 2
    assert "2016-09-07/3" not in body
    assert [line for line in result.stderr.splitlines() if line.startswith("note:")] == [
        "note: MMR has no e-mail address in group.yaml, nor has any of its members; "
        "remind-MMR.eml has no To: (add the address to group.yaml, or write it in the draft)",
        "note: no member has an e-mail address in group.yaml; remind-vsichni-clenove.eml has "
        "no To: (add the address to group.yaml, or write it in the draft)",
    ]
    assert "wrote reminders/remind-MMR.eml" in result.stderr


def test_draft_is_rfc5322_with_crlf_and_ascii_headers(repo, runner, smtp_env):
    run(runner, "remind", "--as-of", AS_OF)
    raw = (repo / "reminders" / "remind-vsichni-clenove.eml").read_bytes()
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.isascii()  # the Czech subject as an RFC 2047 encoded word
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line.decode()) <= 78 for line in raw.split(b"\r\n"))  # wrapped
    assert "Dobrý den,".encode() in body


def test_two_runs_are_byte_identical(repo, runner, smtp_env):
    run(runner, "remind", "--as-of", AS_OF)
    first = {p.name: p.read_bytes() for p in (repo / "reminders").iterdir()}
    run(runner, "remind", "--as-of", AS_OF, "--no-cache")
    second = {p.name: p.read_bytes() for p in (repo / "reminders").iterdir()}
    assert first == second and len(first) == 2


def test_nothing_to_remind(repo, runner, smtp_env):
    result = run(runner, "remind", "--as-of", "2016-10-01", "--within", "14d")
    assert result.exit_code == 0
    assert "no reminders: no overdue or soon-due tasks" in result.output
    assert not (repo / "reminders").exists()


def test_soon_due_tasks(repo, runner, smtp_env):
    result = run(runner, "remind", "--as-of", "2016-10-01", "--within", "40d")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (repo / "reminders").iterdir()) == ["remind-vsichni-clenove.eml"]
    msg = parse(repo / "reminders" / "remind-vsichni-clenove.eml")
    assert msg["Subject"] == "Připomínka úkolů PS pro SC k 1. 10. 2016"
    body = body_of(msg)
    assert "s termínem do 10. 11. 2016" in body
    assert "Termín: 1. 11. 2016 – zbývá 31 dní" in body
    # 7w reaches the next meeting (15. 11.): MMR's tasks too
    result = run(runner, "remind", "--as-of", "2016-10-01", "--within", "7w", "--dry-run")
    assert "remind-MMR.eml" in result.stdout


def test_dry_run_writes_nothing(repo, runner, smtp_env):
    result = run(runner, "remind", "--as-of", AS_OF, "--dry-run")
    assert result.exit_code == 0
    assert not (repo / "reminders").exists()
    lines = result.stdout.splitlines()
    assert lines == [
        "would write reminders/remind-MMR.eml: To: (none); Subject: Připomínka úkolů PS pro SC k 16. 11. 2016; "
        "2 tasks (2016-09-07/4, 2016-09-07/5)",
        "would write reminders/remind-vsichni-clenove.eml: To: (none); Cc: jana.korytarova@mmr.cz; "
        "Subject: Připomínka úkolů PS pro SC k 16. 11. 2016; 1 task (2016-09-07/3)",
    ]


def test_output_dir_from_and_english(repo, runner, smtp_env, monkeypatch, tmp_path):
    monkeypatch.setenv("PSC_SMTP_FROM", "ps-sc@mmr.cz")
    out = tmp_path / "drafts"
    result = run(runner, "remind", "--as-of", AS_OF, "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["remind-MMR.eml", "remind-all-members.eml"]
    msg = parse(out / "remind-all-members.eml")
    assert msg["From"] == "ps-sc@mmr.cz"
    assert msg["Subject"] == "Task reminder: PS pro SC, as of 16 Nov 2016"
    assert "Deadline: 1 Nov 2016 – 15 days overdue" in body_of(msg)
    result = run(
        runner, "remind", "--as-of", AS_OF, "-o", str(out), "--from", "PS pro SC <ps@mmr.cz>"
    )
    assert parse(out / "remind-MMR.eml")["From"] == "PS pro SC <ps@mmr.cz>"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--within", "soon"], "error: --within 'soon': give days or weeks, e.g. 14d or 2w"),
        (["--as-of", "16. 11. 2016"], "error: --as-of '16. 11. 2016': give a date as YYYY-MM-DD"),
        (["--from", "nobody"], "error: --from 'nobody': give one e-mail address"),
        (
            ["--from", "PS <sekretariát@mmr.cz>"],
            "error: --from 'PS <sekretariát@mmr.cz>': psc cannot send to an address with "
            "characters outside ASCII before the @ (SMTPUTF8); give an ASCII address",
        ),
        (["--lang", "de"], "error: unknown language 'de'; choose cs or en"),
        (
            ["--send", "--smtp-user", "jana"],
            "error: --smtp-user needs the password in the environment variable PSC_SMTP_PASSWORD",
        ),
    ],
)
def test_usage_errors(repo, runner, smtp_env, args, message):
    result = (
        run(runner, "remind", "--as-of", AS_OF, *args)
        if "--as-of" not in args
        else run(runner, "remind", *args)
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert not (repo / "reminders").exists()


def test_output_must_be_a_directory(repo, runner, smtp_env):
    (repo / "file.txt").write_text("x")
    result = run(runner, "remind", "--as-of", AS_OF, "-o", "file.txt")
    assert result.exit_code == 2
    assert "not a directory" in result.stderr


def test_markdown_links_and_several_owners(repo, runner, smtp_env):
    path = repo / "meetings" / "2016-09-07.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  - text: Posílat podněty ke struktuře a obsahu internetové stránky "
        "[www.smartcities.mmr.cz](http://www.smartcities.mmr.cz)\n    deadline: ongoing\n",
        "  - text: Posílat podněty ke struktuře a obsahu internetové stránky "
        "[www.smartcities.mmr.cz](http://www.smartcities.mmr.cz)\n    deadline: 2016-11-20\n"
        "    responsible: [MMR, SMO ČR]\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    refingerprint(repo)
    result = run(runner, "remind", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (repo / "reminders").iterdir())
    assert names == ["remind-MMR.eml", "remind-SMO-CR.eml", "remind-vsichni-clenove.eml"]
    mmr = parse(repo / "reminders" / "remind-MMR.eml")
    assert mmr["To"] is None  # MMR has no address: its contact is in copy, never the To
    assert mmr["Cc"] == "jana.korytarova@mmr.cz"  # the contact of task /1, now MMR's
    body = body_of(mmr)
    assert "stránky www.smartcities.mmr.cz (http://www.smartcities.mmr.cz)" in " ".join(
        body.split()
    )
    assert "Termín: 20. 11. 2016 – zbývají 4 dny" in body
    assert "note: MMR has no e-mail address in group.yaml" in result.stderr
    smo = parse(repo / "reminders" / "remind-SMO-CR.eml")
    assert "za které odpovídá SMO ČR" in body_of(smo)


def test_group_template_overrides_the_body(repo, runner, smtp_env):
    (repo / "templates").mkdir()
    (repo / "templates" / "remind.txt.j2").write_text(
        "{{ owner }}:{% for t in tasks %} {{ t.id }}{% endfor %}\n", encoding="utf-8"
    )
    run(runner, "remind", "--as-of", AS_OF)
    assert (
        body_of(parse(repo / "reminders" / "remind-MMR.eml")) == "MMR: 2016-09-07/4 2016-09-07/5\n"
    )
    (repo / "templates" / "remind.txt.j2").write_text("{{ nonsense }}\n", encoding="utf-8")
    result = run(runner, "remind", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "template error" in result.stderr and "'nonsense' is undefined" in result.stderr


# ---------------------------------------------------------------------- core


def test_slugify():
    from psc.publish.remind import slugify

    assert slugify("všichni členové") == "vsichni-clenove"
    assert slugify("MMR") == "MMR"
    assert slugify("SMO ČR") == "SMO-CR"
    assert slugify("Jana Korytářová") == "Jana-Korytarova"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("中文") == ""


def test_filenames_are_unique_ignoring_case():
    from psc.publish.remind import _filename

    used: set[str] = set()
    assert [_filename(o, used) for o in ("MMR", "mmr", "SMO ČR", "SMO-CR", "中文")] == [
        "remind-MMR.eml",
        "remind-mmr-2.eml",
        "remind-SMO-CR.eml",
        "remind-SMO-CR-2.eml",
        "remind-owner.eml",
    ]


def test_plain_text():
    from psc.publish.remind import plain_text

    assert plain_text("Viz [web](https://a.cz/x) a **tučně**") == "Viz web (https://a.cz/x) a tučně"
    assert plain_text("[https://a.cz](https://a.cz)") == "https://a.cz"
    assert (
        plain_text("piš na [Janu](mailto:jana@mmr.cz) nebo <https://b.cz>")
        == "piš na Janu (jana@mmr.cz) nebo https://b.cz"
    )
    assert plain_text("řádek\npokračuje `kód`") == "řádek pokračuje kód"


def test_days_words():
    from psc.publish.remind import days_words

    assert [days_words(n, "cs") for n in (1, 2, 4, 5, 22)] == [
        "1 den",
        "2 dny",
        "4 dny",
        "5 dní",
        "22 dní",
    ]
    assert [days_words(n, "en") for n in (1, 2)] == ["1 day", "2 days"]


# ---------------------------------------------------------------------- SMTP


class Collect:
    def __init__(self, refuse: tuple[str, ...] = ()):
        self.envelopes = []
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    started = []

    def start(handler=None, **kwargs):
        handler = handler or Collect()
        controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **kwargs)
        controller.start()
        started.append(controller)
        return controller, handler

    yield start
    for controller in started:
        controller.stop()


PETR = "petr.svec@vum.cz"
"""SMTP tests give Petr Švec an address: the all-members task /3 goes to him, the contact
in copy; the other members and MMR have none, so theirs are drafts."""


def test_send_through_smtp(repo, runner, smtp_env, smtp_server):
    add_addresses(repo, {"Petr Švec": PETR})
    controller, handler = smtp_server()
    result = run(
        runner,
        "remind",
        "--as-of",
        AS_OF,
        "--send",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(controller.port),
        "--from",
        "ps-sc@mmr.cz",
    )
    assert result.exit_code == 0, result.output
    assert len(handler.envelopes) == 1  # the others have no address
    envelope = handler.envelopes[0]
    assert envelope.mail_from == "ps-sc@mmr.cz"
    assert envelope.rcpt_tos == [PETR, "jana.korytarova@mmr.cz", "ps-sc@mmr.cz"]
    msg = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
    assert msg["To"] == f"Petr Švec <{PETR}>"
    assert msg["Cc"] == "jana.korytarova@mmr.cz, ps-sc@mmr.cz"
    assert msg["Subject"] == "Připomínka úkolů PS pro SC k 16. 11. 2016"
    assert msg["Message-ID"] and msg["X-Unsent"] is None
    assert "Termín: 1. 11. 2016 – 15 dní po termínu" in body_of(msg)
    assert (
        f"sent remind-Petr-Svec.eml to {PETR} (Cc: jana.korytarova@mmr.cz, ps-sc@mmr.cz)"
        in result.stderr
    )
    # the ones without an address are kept as drafts, not lost
    assert sorted(p.name for p in (repo / "reminders").iterdir()) == [
        "2016-11-16.sent.json",  # what was sent, so a run again does not send it twice
        "remind-David-Koppitz.eml",
        "remind-Frantisek-Kubes.eml",
        "remind-Jana-Korytarova.eml",
        "remind-MMR.eml",
    ]
    assert "note: MMR has no e-mail address in group.yaml" in result.stderr
    assert "note: David Koppitz has no e-mail address in group.yaml" in result.stderr


def test_send_with_settings_from_environment_and_login(
    repo, runner, smtp_env, smtp_server, monkeypatch
):
    from aiosmtpd.smtp import AuthResult

    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password))
        return AuthResult(
            success=auth_data.login == b"jana" and auth_data.password == b"tajne", handled=False
        )

    add_addresses(repo, {"Petr Švec": PETR})
    controller, handler = smtp_server(authenticator=authenticator, auth_require_tls=False)
    monkeypatch.setenv("PSC_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("PSC_SMTP_PORT", str(controller.port))
    monkeypatch.setenv("PSC_SMTP_PASSWORD", "tajne")
    result = run(runner, "remind", "--as-of", AS_OF, "--send", "--smtp-user", "jana")
    assert result.exit_code == 0, result.output
    assert logins == [(b"jana", b"tajne")]
    assert [e.rcpt_tos for e in handler.envelopes] == [[PETR, "jana.korytarova@mmr.cz"]]
    assert handler.envelopes[0].mail_from == "psc@localhost"
    assert "note: sending from the placeholder psc@localhost" in result.stderr

    monkeypatch.setenv("PSC_SMTP_PASSWORD", "spatne")
    monkeypatch.setenv("PSC_SMTP_FROM", "ps-sc@mmr.cz")
    result = run(runner, "remind", "--as-of", AS_OF, "--send", "--smtp-user", "jana")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(
        f"error: login to the SMTP server 127.0.0.1:{controller.port} as jana: 535"
    )
    assert len(handler.envelopes) == 1


def test_send_dry_run_sends_nothing(repo, runner, smtp_env, smtp_server):
    add_addresses(repo, {"Petr Švec": PETR})
    controller, handler = smtp_server()
    result = run(
        runner,
        "remind",
        "--as-of",
        AS_OF,
        "--send",
        "--dry-run",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(controller.port),
    )
    assert result.exit_code == 0
    assert handler.envelopes == []
    assert not (repo / "reminders").exists()
    subject = "Subject: Připomínka úkolů PS pro SC k 16. 11. 2016"
    assert result.stdout.splitlines() == [
        f"would send remind-Petr-Svec.eml via 127.0.0.1:{controller.port}: To: {PETR}; "
        f"Cc: jana.korytarova@mmr.cz; {subject}; 1 task (2016-09-07/3)",
        *(
            f"would write reminders/remind-{name}.eml: To: (none); Cc: jana.korytarova@mmr.cz; "
            f"{subject}; 1 task (2016-09-07/3)"
            for name in ("David-Koppitz", "Frantisek-Kubes", "Jana-Korytarova")
        ),
        f"would write reminders/remind-MMR.eml: To: (none); {subject}; "
        "2 tasks (2016-09-07/4, 2016-09-07/5)",
    ]


def test_send_to_a_closed_port(repo, runner, smtp_env):
    add_addresses(repo, {"Petr Švec": PETR})
    port = free_port()
    result = run(
        runner,
        "remind",
        "--as-of",
        AS_OF,
        "--send",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(port),
        "--from",
        "ps-sc@mmr.cz",
    )
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: cannot connect to the SMTP server 127.0.0.1:{port}: Connection refused (nothing sent)"
    ]
    assert not (repo / "reminders").exists()  # nothing half-done


def test_send_recipient_refused(repo, runner, smtp_env, smtp_server):
    add_addresses(repo, {"Petr Švec": PETR})
    controller, handler = smtp_server(Collect(refuse=(PETR, "jana.korytarova@mmr.cz")))
    result = run(
        runner,
        "remind",
        "--as-of",
        AS_OF,
        "--send",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(controller.port),
    )
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == (
        f"error: sending remind-Petr-Svec.eml through 127.0.0.1:{controller.port}: "
        f"recipients refused ({PETR}: 550 5.1.1 no such user; "
        "jana.korytarova@mmr.cz: 550 5.1.1 no such user) (nothing sent)"
    )
    assert handler.envelopes == []


class FailAtThird(Collect):
    """Accepts two messages, refuses the third (451) while `fail`, then accepts again."""

    def __init__(self):
        super().__init__()
        self.fail = True

    async def handle_DATA(self, server, session, envelope):
        if self.fail and len(self.envelopes) == 2:
            return "451 4.3.0 try again later"
        self.envelopes.append(envelope)
        return "250 OK"


def test_a_failure_at_the_third_reminder_is_completed_by_the_retry(
    repo, runner, smtp_env, smtp_server
):
    """Each reminder the server accepts is recorded (reminders/<as-of>.sent.json); the retry
    sends only the ones that did not go out, and says so."""
    add_addresses(
        repo,
        {
            "David Koppitz": "david.koppitz@mmr.cz",
            "František Kubeš": "frantisek.kubes@mmr.cz",
            "Jana Korytářová": "jana.korytarova@mmr.cz",
            "Petr Švec": PETR,
        },
    )
    controller, handler = smtp_server(FailAtThird())
    args = ["remind", "--as-of", AS_OF, "--send", "--smtp-host", "127.0.0.1"]
    args += ["--smtp-port", str(controller.port), "--from", "ps-sc@mmr.cz"]
    result = run(runner, *args)
    assert result.exit_code == 1
    assert [e.rcpt_tos[0] for e in handler.envelopes] == [
        "david.koppitz@mmr.cz",
        "frantisek.kubes@mmr.cz",
    ]
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .endswith(
            "451 4.3.0 try again later (2 of 4 sent before; run the command again to send the rest)"
        )
    )
    assert (repo / "reminders" / f"{AS_OF}.sent.json").is_file()

    handler.fail = False
    retry = run(runner, *args)
    assert retry.exit_code == 0, retry.output
    assert [e.rcpt_tos[0] for e in handler.envelopes] == [
        "david.koppitz@mmr.cz",
        "frantisek.kubes@mmr.cz",
        "jana.korytarova@mmr.cz",
        PETR,
    ]
    assert (
        "note: remind-David-Koppitz.eml went to david.koppitz@mmr.cz, jana.korytarova@mmr.cz, "
        "ps-sc@mmr.cz already (sent "
    ) in retry.stderr
    assert "not sent again" in retry.stderr
    assert "sent remind-Jana-Korytarova.eml to jana.korytarova@mmr.cz" in retry.stderr


def test_an_unwritable_journal_sends_no_reminder(repo, runner, smtp_env, smtp_server):
    add_addresses(repo, {"Petr Švec": PETR})
    (repo / "reminders").mkdir()
    journal = repo / "reminders" / f"{AS_OF}.sent.json"
    journal.write_text('{"sent": {}}\n', encoding="utf-8")
    journal.chmod(0o444)
    controller, handler = smtp_server()
    result = run(
        runner, "remind", "--as-of", AS_OF, "--send", "--smtp-host", "127.0.0.1",
        "--smtp-port", str(controller.port),
    )  # fmt: skip
    journal.chmod(0o644)
    assert result.exit_code == 1
    assert handler.envelopes == []
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: reminders/{AS_OF}.sent.json is read-only; nothing was written (make it "
        "writable first if the change is meant)"
    )


@pytest.mark.parametrize(
    "damage", ["[", '{"sent": []}', '{"sent": {"k": {"file": "f", "to": [1]}}}']
)
def test_a_damaged_journal_sends_no_reminder(repo, runner, smtp_env, smtp_server, damage):
    add_addresses(repo, {"Petr Švec": PETR})
    (repo / "reminders").mkdir()
    (repo / "reminders" / f"{AS_OF}.sent.json").write_text(damage, encoding="utf-8")
    controller, handler = smtp_server()
    result = run(
        runner, "remind", "--as-of", AS_OF, "--send", "--smtp-host", "127.0.0.1",
        "--smtp-port", str(controller.port),
    )  # fmt: skip
    assert result.exit_code == 1
    assert handler.envelopes == []
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(
        f"error: reminders/{AS_OF}.sent.json: not a journal of sent reminders psc can read ("
    )
