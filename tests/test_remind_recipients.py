"""psc remind addresses the people responsible (members by name, organisations with their
members, every member for tasks without an owner), one message per recipient with all their
tasks, the contact and the sender in Cc; e-mail addresses in group.yaml are validated, and a
group file with organisations as {name, email} mappings works everywhere."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from conftest import refingerprint, run

AS_OF = "2016-11-16"
SUBJECT = "Připomínka úkolů PS pro SC k 16. 11. 2016"
JANA = "jana.korytarova@mmr.cz"


def add_addresses(
    root: Path, members: dict[str, str], organisations: dict[str, str] | None = None
) -> None:
    """Give members (by name) and organisations (by abbreviation; written in the mapping
    form) of the copied seed's group.yaml an e-mail address."""
    path = root / "group.yaml"
    text = path.read_text(encoding="utf-8")
    for name, email in members.items():
        line = f"  - name: {name}\n"
        assert line in text, name
        text = text.replace(line, f"{line}    email: {email}\n", 1)
    for abbr, email in (organisations or {}).items():
        start = text.index(f"\n  {abbr}: ") + 1
        end = text.index("\n", start)
        full = text[start:end].split(": ", 1)[1]
        text = text[:start] + f"  {abbr}: {{name: {full}, email: {email}}}" + text[end:]
    path.write_text(text, encoding="utf-8")


def responsible(root: Path, task_text: str, owners: str) -> None:
    """Set `responsible` of the seed's task that starts with `task_text` (and refingerprint)."""
    path = root / "meetings" / "2016-09-07.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith(f"  - text: {task_text}"))
    end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith("    "))
    kept = [line for line in lines[at + 1 : end] if not line.startswith("    responsible:")]
    lines[at + 1 : end] = [*kept, f"    responsible: {owners}\n"]
    path.write_text("".join(lines), encoding="utf-8")
    refingerprint(root)


@pytest.fixture
def addressed(repo, monkeypatch):
    """The seed with addresses for three of the four members and for MMR; task /5 is MMR's
    and David Koppitz's by name; Petr Švec (VUM) has no address."""
    for name in ("PSC_SMTP_HOST", "PSC_SMTP_PORT", "PSC_SMTP_FROM", "PSC_SMTP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    add_addresses(
        repo,
        {
            "David Koppitz": "david.koppitz@mmr.cz",
            "František Kubeš": "frantisek.kubes@mmr.cz",
            "Jana Korytářová": JANA,
        },
        {"MMR": "podatelna@mmr.cz"},
    )
    responsible(repo, "Zorganizovat jednání MMR a MŽP", "[MMR, David Koppitz]")
    return repo


def parse(path: Path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def body_of(msg) -> str:
    return msg.get_content().replace("\r\n", "\n")


# ---------------------------------------------------------------------- the routing


@dataclass
class FakeTask:
    """What `route` reads of a tracked task."""

    id: str
    owners: list[str] = field(default_factory=list)


def group(**extra):
    from psc.loading.model import Group

    data = {
        "name": "Skupina",
        "short": "S",
        "organisations": {
            "A": {"name": "Úřad A", "email": "podatelna@a.cz"},
            "B": "Úřad B",
            "C": "Úřad C",
        },
        "members": [
            {"name": "Alena", "organisation": "A", "email": "alena@a.cz"},
            {"name": "Bohuš", "organisation": "B", "email": "bohus@b.cz"},
            {"name": "Cyril", "organisation": "B"},
            {"name": "Dana", "organisation": "C"},
        ],
    }
    return Group.model_validate({**data, **extra})


def routed(tasks, grp) -> list[tuple[str, str | None, list[str], list[str]]]:
    from psc.publish.remind import route

    return [
        (a.owner, a.address, [t.id for t in a.tasks], a.reasons)
        for a in route(tasks, grp, "all members")
    ]


def test_route_to_members_organisations_and_everyone():
    tasks = [
        FakeTask("t1", ["A"]),  # the organisation's address and its member's
        FakeTask("t2", ["A", "Alena"]),  # Alena by name and through A: t2 once
        FakeTask("t3", ["B"]),  # B has no address of its own: its members that have one
        FakeTask("t4", ["C"]),  # neither C nor Dana has one: C's tasks under its name
        FakeTask("t5", ["Cyril"]),  # a member without an address, by name
        FakeTask("t6"),  # all members: every address, and those without one by name
    ]
    assert routed(tasks, group()) == [
        ("A", "podatelna@a.cz", ["t1", "t2"], ["A"]),
        ("Alena", "alena@a.cz", ["t1", "t2", "t6"], ["A", "Alena", "all members"]),
        ("Bohuš", "bohus@b.cz", ["t3", "t6"], ["B", "all members"]),
        ("C", None, ["t4"], ["C"]),
        ("Cyril", None, ["t5", "t6"], ["Cyril", "all members"]),
        ("Dana", None, ["t6"], ["all members"]),
    ]


def test_route_without_any_member_address_keeps_the_all_members_tasks_together():
    grp = group(
        organisations={"A": "Úřad A"},
        members=[{"name": "Alena", "organisation": "A"}, {"name": "Bohuš"}],
    )
    from psc.publish.remind import route

    found = route([FakeTask("t1"), FakeTask("t2", ["Bohuš"])], grp, "all members")
    assert [(a.owner, a.address, a.everyone, a.missing) for a in found] == [
        ("Bohuš", None, False, "Bohuš has no e-mail address in group.yaml"),
        ("all members", None, True, "no member has an e-mail address in group.yaml"),
    ]


def test_an_address_shared_by_an_organisation_and_a_member_gets_one_message():
    grp = group(
        members=[{"name": "Alena", "organisation": "A", "email": "PODATELNA@a.cz"}],
    )
    assert routed([FakeTask("t1", ["A"]), FakeTask("t2", ["Alena"])], grp) == [
        ("A", "podatelna@a.cz", ["t1", "t2"], ["A", "Alena"]),
    ]


# ---------------------------------------------------------------------- psc remind


def test_dry_run_addresses_the_people_responsible_not_the_contact(addressed, runner):
    result = run(runner, "remind", "--as-of", AS_OF, "--dry-run")
    assert result.exit_code == 0, result.output
    assert not (addressed / "reminders").exists()
    all3 = "3 tasks (2016-09-07/3, 2016-09-07/4, 2016-09-07/5)"
    assert result.stdout.splitlines() == [
        "would write reminders/remind-David-Koppitz.eml: To: david.koppitz@mmr.cz; "
        f"Cc: {JANA}; Subject: {SUBJECT}; {all3}",
        "would write reminders/remind-Frantisek-Kubes.eml: To: frantisek.kubes@mmr.cz; "
        f"Cc: {JANA}; Subject: {SUBJECT}; {all3}",
        f"would write reminders/remind-Jana-Korytarova.eml: To: {JANA}; Subject: {SUBJECT}; {all3}",
        "would write reminders/remind-MMR.eml: To: podatelna@mmr.cz; "
        f"Subject: {SUBJECT}; 2 tasks (2016-09-07/4, 2016-09-07/5)",
        f"would write reminders/remind-Petr-Svec.eml: To: (none); Cc: {JANA}; "
        f"Subject: {SUBJECT}; 1 task (2016-09-07/3)",
    ]
    assert result.stderr.splitlines() == [
        "note: Petr Švec has no e-mail address in group.yaml; remind-Petr-Svec.eml has no To: "
        "(add the address to group.yaml, or write it in the draft)"
    ]


def test_drafts_name_the_recipients_and_list_each_task_once(addressed, runner):
    result = run(runner, "remind", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    out = addressed / "reminders"
    assert sorted(p.name for p in out.iterdir()) == [
        "remind-David-Koppitz.eml",
        "remind-Frantisek-Kubes.eml",
        "remind-Jana-Korytarova.eml",
        "remind-MMR.eml",
        "remind-Petr-Svec.eml",
    ]
    david = parse(out / "remind-David-Koppitz.eml")
    assert david["To"] == "David Koppitz <david.koppitz@mmr.cz>"
    assert david["Cc"] == JANA  # the contact of the all-members task /3, in copy only
    body = body_of(david)
    assert "za které odpovídá David Koppitz" in body
    for task_id in ("2016-09-07/3", "2016-09-07/4", "2016-09-07/5"):
        assert body.count(task_id) == 1  # /5 is his by name and through MMR: listed once
    assert "Odpovídá: všichni členové" in body and "Odpovídá: MMR, David Koppitz" in body

    jana = parse(out / "remind-Jana-Korytarova.eml")
    assert jana["To"] == f"Jana Korytářová <{JANA}>" and jana["Cc"] is None

    mmr = parse(out / "remind-MMR.eml")
    assert mmr["To"] == "Ministerstvo pro místní rozvoj <podatelna@mmr.cz>"
    assert mmr["Cc"] is None
    body = body_of(mmr)
    assert "za které odpovídá MMR" in body and "Odpovídá:" not in body

    petr = parse(out / "remind-Petr-Svec.eml")
    assert petr["To"] is None and petr["Cc"] == JANA
    assert "pro všechny členy" in body_of(petr) and "2016-09-07/3" in body_of(petr)
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert notes == [
        "note: Petr Švec has no e-mail address in group.yaml; remind-Petr-Svec.eml has no To: "
        "(add the address to group.yaml, or write it in the draft)"
    ]
    raw = (out / "remind-MMR.eml").read_bytes()
    assert raw.partition(b"\r\n\r\n")[0].isascii()  # the Czech name as an encoded word


def test_the_sender_is_in_copy(addressed, runner):
    result = run(runner, "remind", "--as-of", AS_OF, "--from", "PS pro SC <ps-sc@mmr.cz>")
    assert result.exit_code == 0, result.output
    out = addressed / "reminders"
    assert parse(out / "remind-MMR.eml")["Cc"] == "PS pro SC <ps-sc@mmr.cz>"
    assert parse(out / "remind-David-Koppitz.eml")["Cc"] == f"{JANA}, PS pro SC <ps-sc@mmr.cz>"
    assert parse(out / "remind-Petr-Svec.eml")["To"] is None
    # the placeholder sender is no one to copy
    result = run(runner, "remind", "--as-of", AS_OF, "--dry-run")
    assert "psc@localhost" not in result.stdout


def test_a_quoted_name_in_to(addressed, runner):
    text = (addressed / "group.yaml").read_text(encoding="utf-8")
    (addressed / "group.yaml").write_text(
        text.replace("name: David Koppitz\n", "name: Ing. David Koppitz, Ph.D.\n"),
        encoding="utf-8",
    )
    responsible(addressed, "Zorganizovat jednání MMR a MŽP", "[MMR, 'Ing. David Koppitz, Ph.D.']")
    result = run(runner, "remind", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    msg = parse(addressed / "reminders" / "remind-Ing-David-Koppitz-Ph-D.eml")
    assert msg["To"] == '"Ing. David Koppitz, Ph.D." <david.koppitz@mmr.cz>'
    assert [a.addr_spec for a in msg["To"].addresses] == ["david.koppitz@mmr.cz"]


# ---------------------------------------------------------------------- SMTP


class Collect:
    def __init__(self, refuse: tuple[str, ...] = ()):
        self.envelopes: list = []
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

    def start(handler):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        started.append(controller)
        return controller

    yield start
    for controller in started:
        controller.stop()


def test_send_to_the_responsible_with_the_contact_and_sender_in_copy(
    addressed, runner, smtp_server
):
    handler = Collect(refuse=("frantisek.kubes@mmr.cz",))
    controller = smtp_server(handler)
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
    received = {}
    for envelope in handler.envelopes:
        msg = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
        received[msg["To"]] = (envelope.rcpt_tos, msg["Cc"])
    assert received == {
        "David Koppitz <david.koppitz@mmr.cz>": (
            ["david.koppitz@mmr.cz", JANA, "ps-sc@mmr.cz"],
            f"{JANA}, ps-sc@mmr.cz",
        ),
        # Kubeš refused by the server: the copies still go, and a note says so
        "František Kubeš <frantisek.kubes@mmr.cz>": (
            [JANA, "ps-sc@mmr.cz"],
            f"{JANA}, ps-sc@mmr.cz",
        ),
        f"Jana Korytářová <{JANA}>": ([JANA, "ps-sc@mmr.cz"], "ps-sc@mmr.cz"),
        "Ministerstvo pro místní rozvoj <podatelna@mmr.cz>": (
            ["podatelna@mmr.cz", "ps-sc@mmr.cz"],
            "ps-sc@mmr.cz",
        ),
    }
    assert all(envelope.mail_from == "ps-sc@mmr.cz" for envelope in handler.envelopes)
    stderr = result.stderr.splitlines()
    assert (
        f"sent remind-David-Koppitz.eml to david.koppitz@mmr.cz (Cc: {JANA}, ps-sc@mmr.cz): "
        f"Subject: {SUBJECT}; 3 tasks"
    ) in stderr
    assert (
        "note: frantisek.kubes@mmr.cz refused remind-Frantisek-Kubes.eml: 550 5.1.1 no such user"
    ) in stderr
    # Petr Švec has no address: his reminder is a draft, not sent to the copies alone
    drafts = sorted(p.name for p in (addressed / "reminders").iterdir())
    assert drafts == ["2016-11-16.sent.json", "remind-Petr-Svec.eml"]
    assert "note: Petr Švec has no e-mail address in group.yaml" in result.stderr


# ---------------------------------------------------------------------- group.yaml


def test_invalid_addresses_in_group_yaml_are_errors_with_positions(repo, runner):
    add_addresses(repo, {"Petr Švec": "petr.svec(at)vum.cz"}, {"MMR": "podatelna-mmr.cz"})
    text = (repo / "group.yaml").read_text(encoding="utf-8").splitlines()
    org_line = next(i for i, line in enumerate(text, 1) if line.startswith("  MMR: {"))
    member_line = next(i for i, line in enumerate(text, 1) if "petr.svec(at)" in line)
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        f"group.yaml:{org_line}:54: error: organisations.MMR.email: expected an e-mail address, "
        "not 'podatelna-mmr.cz'",
        f"group.yaml:{member_line}:12: error: members[3].email: expected an e-mail address, "
        "not 'petr.svec(at)vum.cz'",
    ]
    assert "Traceback" not in result.output


def test_organisations_as_mappings_validate_render_and_build(repo, runner):
    before = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-")
    assert before.exit_code == 0, before.output
    add_addresses(repo, {}, {"MMR": "podatelna@mmr.cz", "SMO ČR": "smocr@smocr.cz"})
    assert "  MMR: {name: Ministerstvo pro místní rozvoj, email: podatelna@mmr.cz}" in (
        repo / "group.yaml"
    ).read_text(encoding="utf-8")
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    after = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-")
    assert after.exit_code == 0, after.output
    assert after.stdout == before.stdout  # the mapping form renders as the plain name did
    for extra in ([], ["--public"]):
        result = run(runner, "build", "--as-of", AS_OF, *extra)
        assert result.exit_code == 0, result.output
    index = (repo / "site" / "index.html").read_text(encoding="utf-8")
    assert "Ministerstvo pro místní rozvoj" in index
    assert "{&#39;name&#39;" not in index and "email" not in index
    result = run(runner, "tasks", "--as-of", AS_OF, "--group-by", "owner")
    assert result.exit_code == 0, result.output


def test_the_council_example_gives_its_members_addresses(runner, monkeypatch):
    from psc.loading.pipeline import load_group

    root = Path(__file__).resolve().parents[1] / "examples" / "council"
    grp = load_group(root / "group.yaml")
    assert grp.members and all(m.email for m in grp.members)
    monkeypatch.chdir(root)
    result = run(runner, "remind", "--as-of", "2025-12-01", "--within", "9w", "--dry-run")
    assert result.exit_code == 0, result.output
    subject = "Subject: Připomínka úkolů ZO Javorná Lhota k 1. 12. 2025"
    assert result.stdout.splitlines() == [
        "would write reminders/remind-Marie-Dvorakova.eml: "
        f"To: marie.dvorakova@javorna-lhota.example; {subject}; 1 task (2025-11-18/1)",
        f"would write reminders/remind-OU.eml: To: (none); {subject}; 1 task (2025-11-18/2)",
    ]
    assert result.stderr.splitlines() == [
        "note: OÚ has no e-mail address in group.yaml, nor has any of its members; "
        "remind-OU.eml has no To: (add the address to group.yaml, or write it in the draft)"
    ]
    assert not (root / "reminders").exists()


def test_an_address_with_characters_outside_ascii_before_the_at_is_an_error(repo, runner):
    """psc does not speak SMTPUTF8: such an address is refused at validate, with its
    position, not found out by `circulate` or `remind` (nor a task's contact)."""
    add_addresses(repo, {"Petr Švec": "petr.švec@vum.cz"})
    text = (repo / "group.yaml").read_text(encoding="utf-8").splitlines()
    member_line = next(i for i, line in enumerate(text, 1) if "petr.švec@" in line)
    result = run(runner, "validate")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"group.yaml:{member_line}:12: error: members[3].email: 'petr.švec@vum.cz': psc cannot "
        "send to an address with characters outside ASCII before the @ (SMTPUTF8); give an "
        "ASCII address"
    )


def test_an_internationalised_domain_is_sent_in_idna(repo, runner, monkeypatch):
    """The domain of an address may be internationalised: the draft's To has it in IDNA
    (punycode), never as an encoded word inside the address; the name is an encoded word."""
    for name in ("PSC_SMTP_HOST", "PSC_SMTP_PORT", "PSC_SMTP_FROM", "PSC_SMTP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    add_addresses(repo, {"Petr Švec": "petr.svec@obec-příklad.cz"})
    assert run(runner, "validate").exit_code == 0
    result = run(
        runner, "remind", "--as-of", "2016-11-16", "--from", "PS pro SC <ps@obec-příklad.cz>"
    )
    assert result.exit_code == 0, result.output
    raw = (repo / "reminders" / "remind-Petr-Svec.eml").read_bytes()
    headers = raw.split(b"\r\n\r\n", 1)[0].decode("ascii").replace("\r\n ", " ")
    assert "To: Petr =?utf-8?q?=C5=A0vec?= <petr.svec@xn--obec-pklad-p8a90k.cz>" in headers
    assert "From: PS pro SC <ps@xn--obec-pklad-p8a90k.cz>" in headers
    for line in headers.splitlines():
        if line.startswith(("To:", "From:", "Cc:")):
            assert "=?" not in line.split("<", 1)[-1]  # no encoded word in an address
