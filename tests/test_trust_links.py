"""Nothing outside the repository is read or written through a link of the repository
(`fileio.resolve_within`): templates, the Word reference document, outputs and sources; and a
repository's templates, rendered in Jinja2's sandbox, never reach the environment."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import SEED, run

from psc.language import templates

SECRET = "hunter2-6b1f0e"
LINK_ERROR = "a symbolic link in the minutes repository leads outside it"


def outputs(root: Path) -> str:
    """Every byte psc may have written in the repository, as text."""
    found = []
    for f in sorted(root.rglob("*")):
        if f.is_file() and not f.is_symlink() and ".psc-cache" not in f.parts:
            found.append(f.read_bytes().decode("utf-8", errors="replace"))
    return "\n".join(found)


@pytest.fixture
def secret_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file outside the repository holding a secret, and the secret in the environment."""
    monkeypatch.setenv("PSC_SMTP_PASSWORD", SECRET)
    outside = tmp_path / "outside"
    outside.mkdir()
    path = outside / "secret.txt"
    path.write_text(f"PSC_SMTP_PASSWORD={SECRET}\n", encoding="utf-8")
    return path


def one_line(result) -> str:
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.parametrize("target", ["file", "environ"])
@pytest.mark.parametrize("name", ["minutes/minutes.md.j2", "minutes.md.j2", "_base.html.j2"])
def test_a_template_linked_outside_is_refused_and_no_secret_is_written(
    repo, runner, secret_file, target, name
):
    link = repo / "templates" / name
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(secret_file if target == "file" else Path("/proc/self/environ"))
    uses = "md" if name.endswith(".md.j2") else "html"
    for args, formats in (
        (["render", "2016-09-07", "-f", "md", "-o", "-"], "md"),
        (["render", "2016-09-07", "-f", "html", "-o", "-"], "html"),
        (["render", "--all"], "md html"),
        (["build", "--as-of", "2016-11-16"], "html"),
        (["build", "--public", "--as-of", "2016-11-16"], "html"),
    ):
        result = run(runner, *args)
        assert SECRET not in result.output
        if uses not in formats:
            continue  # this command does not use the linked template
        assert result.exit_code == 2, (args, result.output)
        assert one_line(result) == f"error: templates/{name}: {LINK_ERROR}; psc reads and " + (
            "writes only inside the repository (replace the link by the file itself)"
        )
    assert SECRET not in outputs(repo)


def test_a_templates_folder_linked_outside_is_refused(repo, runner, secret_file):
    (secret_file.parent / "minutes.md.j2").write_text("{{ 'leaked ' + meeting.id }}")
    (repo / "templates").symlink_to(secret_file.parent, target_is_directory=True)
    result = run(runner, "render", "2016-09-07", "-f", "md", "-o", "-")
    assert result.exit_code == 2
    assert one_line(result).startswith(f"error: templates/minutes.md.j2: {LINK_ERROR}")
    assert "leaked" not in result.output


def test_a_link_that_stays_inside_the_repository_is_followed(repo, runner):
    shared = repo / "shared"
    shared.mkdir()
    (shared / "minutes.md.j2").write_text("OWN {{ meeting.id }}\n", encoding="utf-8")
    (repo / "templates").mkdir()
    (repo / "templates" / "minutes.md.j2").symlink_to(Path("..") / "shared" / "minutes.md.j2")
    result = run(runner, "render", "2016-09-07", "-f", "md", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout == "OWN 2016-09-07\n"


def test_a_reference_document_linked_outside_is_refused(repo, runner, secret_file, tmp_path):
    (repo / "templates").mkdir()
    (repo / "templates" / "reference.docx").symlink_to(secret_file)
    out = tmp_path / "minutes.docx"
    result = run(runner, "render", "2016-09-07", "-f", "docx", "-o", str(out))
    assert result.exit_code == 2
    assert one_line(result).startswith(f"error: templates/reference.docx: {LINK_ERROR}")
    assert not out.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["render", "2016-09-07", "-o", "out/minutes.md"],
        ["render", "--all", "-o", "out"],
        ["build", "--as-of", "2016-11-16", "-o", "out"],
        ["build", "--public", "--as-of", "2016-11-16", "-o", "out/public"],
        ["export", "ics", "--as-of", "2016-11-16", "-o", "out/cal.ics"],
        ["tasks", "--as-of", "2016-11-16", "-o", "out/tasks.md"],
        ["remind", "--as-of", "2016-11-16", "--within", "60d", "-o", "out"],
    ],
)
def test_an_output_through_a_folder_linked_outside_is_refused(repo, runner, tmp_path, args):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repo / "out").symlink_to(elsewhere, target_is_directory=True)
    result = run(runner, *args)
    assert result.exit_code == 2, result.output
    assert one_line(result).startswith("error: out")
    assert LINK_ERROR in result.output
    assert list(elsewhere.iterdir()) == []


def test_the_default_site_folder_linked_outside_is_refused(repo, runner, tmp_path):
    elsewhere = tmp_path / "www"
    elsewhere.mkdir()
    (repo / "site").symlink_to(elsewhere, target_is_directory=True)
    result = run(runner, "build", "--as-of", "2016-11-16")
    assert result.exit_code == 2
    assert LINK_ERROR in one_line(result)
    assert list(elsewhere.iterdir()) == []


def test_an_output_file_linked_outside_is_refused(repo, runner, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    (repo / "tasks.md").symlink_to(victim)
    result = run(runner, "tasks", "--as-of", "2016-11-16", "-o", "tasks.md")
    assert result.exit_code == 2
    assert one_line(result) == f"error: tasks.md: {LINK_ERROR}; psc reads and writes only " + (
        "inside the repository (replace the link by the file itself)"
    )
    assert victim.read_text(encoding="utf-8") == "keep me\n"


def test_an_output_the_user_names_outside_the_repository_is_written(repo, runner, tmp_path):
    out = tmp_path / "elsewhere" / "tasks.md"
    result = run(runner, "tasks", "--as-of", "2016-11-16", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.is_file()


def test_an_import_source_linked_outside_is_refused(repo, runner, secret_file):
    shutil.copy(SEED, secret_file.parent / "zapis.txt")
    (repo / "zapis.txt").symlink_to(secret_file.parent / "zapis.txt")
    result = run(runner, "import", "zapis.txt", "--dry-run")
    assert result.exit_code == 2
    assert one_line(result).startswith(f"error: zapis.txt: {LINK_ERROR}")
    # the same file named where it is, outside the repository, is the user's to import
    result = run(runner, "import", str(secret_file.parent / "zapis.txt"), "--dry-run")
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------------ the sandbox


ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ lipsum.__globals__['os'].environ }}",
    "{{ cycler.__init__.__globals__.os.environ }}",
    "{{ label.__self__.group }}",
    "{{ meeting.__class__.__init__.__globals__ }}",
]


@pytest.mark.parametrize("escape", ESCAPES)
def test_a_repository_template_cannot_reach_python_internals(repo, runner, escape, monkeypatch):
    monkeypatch.setenv("PSC_SMTP_PASSWORD", SECRET)
    (repo / "templates").mkdir()
    (repo / "templates" / "minutes.md.j2").write_text(escape + "\n", encoding="utf-8")
    result = run(runner, "render", "2016-09-07", "-f", "md", "-o", "-")
    assert result.exit_code == 1, result.output
    assert one_line(result).startswith("error: templates/minutes.md.j2:1: template error: ")
    assert SECRET not in result.output


def test_no_template_global_holds_the_environment(repo, monkeypatch):
    from psc.archive.project import Project
    from psc.publish.render import Renderer

    monkeypatch.setenv("PSC_SMTP_PASSWORD", SECRET)
    project = Project(repo)
    renderer = Renderer(project.load_group(), [project.templates_dir])
    envs = [*renderer.envs.values(), templates.environment([repo / "templates"])]
    for env in envs:
        for name, value in env.globals.items():
            assert value is not os.environ and value is not os, name
            assert SECRET not in repr(value), name


def test_a_reminder_draft_linked_outside_is_refused(repo, runner, tmp_path):
    victim = tmp_path / "victim.eml"
    victim.write_text("keep me\n", encoding="utf-8")
    (repo / "reminders").mkdir()
    (repo / "reminders" / "remind-MMR.eml").symlink_to(victim)
    result = run(runner, "remind", "--as-of", "2016-11-16", "--within", "60d")
    assert result.exit_code == 2, result.output
    assert one_line(result).startswith(f"error: reminders/remind-MMR.eml: {LINK_ERROR}")
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in (repo / "reminders").iterdir()) == ["remind-MMR.eml"]


def test_an_import_into_a_folder_linked_outside_is_refused(repo, runner, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repo / "drafts").symlink_to(elsewhere, target_is_directory=True)
    result = run(runner, "import", str(SEED), "-o", "drafts/2016-09-07.yaml")
    assert result.exit_code == 2, result.output
    assert one_line(result).startswith(f"error: drafts/2016-09-07.yaml: {LINK_ERROR}")
    assert list(elsewhere.iterdir()) == []


def test_a_group_file_linked_outside_is_refused(repo, runner, secret_file):
    outside = secret_file.parent / "group.yaml"
    outside.write_text(
        (repo / "group.yaml").read_text(encoding="utf-8").replace("name: ", f"name: {SECRET} ", 1),
        encoding="utf-8",
    )
    (repo / "group.yaml").unlink()
    (repo / "group.yaml").symlink_to(outside)
    for args in (["validate"], ["render", "2016-09-07", "-f", "md", "-o", "-"]):
        result = run(runner, *args)
        assert result.exit_code == 2, result.output
        assert one_line(result).startswith(f"error: group.yaml: {LINK_ERROR}")
        assert SECRET not in result.output


def test_a_cache_folder_linked_outside_is_refused(repo, runner, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repo / ".psc-cache").symlink_to(elsewhere, target_is_directory=True)
    result = run(runner, "validate")
    assert result.exit_code == 2, result.output
    assert one_line(result).startswith(f"error: .psc-cache: {LINK_ERROR}")
    assert list(elsewhere.iterdir()) == []
    assert run(runner, "validate", "--no-cache").exit_code == 2  # fix the link first


def test_a_mail_template_cannot_reach_the_environment(repo, runner, monkeypatch):
    monkeypatch.setenv("PSC_SMTP_PASSWORD", SECRET)
    (repo / "templates" / "mail").mkdir(parents=True)
    template = repo / "templates" / "mail" / "remind.txt.j2"
    template.write_text("{{ lipsum.__globals__['os'].environ }}\n", encoding="utf-8")
    result = run(runner, "remind", "--as-of", "2016-11-16", "--within", "60d", "--dry-run")
    assert result.exit_code == 1, result.output
    assert one_line(result).startswith("error: templates/mail/remind.txt.j2:1: template error: ")
    assert SECRET not in result.output
