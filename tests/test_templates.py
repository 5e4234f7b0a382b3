"""The template service: one environment factory, templates in folders by audience, one HTML
base and stylesheet, and a repository's own `templates/` overriding file by file, at the new
paths and at the flat names repositories used before the folders."""

from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from conftest import run

from psc.errors import TemplateError
from psc.language import templates

AS_OF = "2016-11-16"


def write(root: Path, name: str, text: str) -> Path:
    path = root / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def render_md(runner) -> str:
    result = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-")
    assert result.exit_code == 0, result.output
    return result.stdout


def reminder_body(repo: Path, name: str = "remind-MMR.eml") -> str:
    msg = BytesParser(policy=policy.default).parsebytes((repo / "reminders" / name).read_bytes())
    return msg.get_content().replace("\r\n", "\n")


def style_of(html: str) -> str:
    return re.search(r"<style>\n(.*?)</style>", html, re.S).group(1)


# ------------------------------------------------------------------ the factory


def test_every_legacy_name_is_a_shipped_template():
    shipped = templates.package_templates()
    for path, flat in templates.LEGACY_NAMES.items():
        assert (shipped / path).is_file(), path
        assert "/" not in flat


def test_the_shipped_folders_are_by_audience():
    shipped = templates.package_templates()
    names = {p.relative_to(shipped).as_posix() for p in shipped.rglob("*.j2")}
    assert {p.split("/")[0] for p in names if "/" in p} == {
        "minutes",
        "site",
        "reports",
        "mail",
        "scaffold",
        "review",
    }
    assert {p for p in names if "/" not in p} == {"_base.html.j2", "style.css.j2"}


def test_own_directory_first_then_the_package(tmp_path):
    env = templates.environment([tmp_path / "missing", tmp_path])
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "remind.txt.j2").write_text("own {{ x }}\n", encoding="utf-8")
    assert templates.render(env, "mail/remind.txt.j2", x=1) == "own 1\n"
    assert templates.render(env, "style.css.j2", labels={"page": "p", "page_of": "of"}).startswith(
        "  :root"
    )


def test_a_new_path_wins_over_the_legacy_name(tmp_path):
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "remind.txt.j2").write_text("new\n", encoding="utf-8")
    (tmp_path / "remind.txt.j2").write_text("legacy\n", encoding="utf-8")
    env = templates.environment([tmp_path])
    assert templates.render(env, "mail/remind.txt.j2") == "new\n"
    assert templates.render(env, "remind.txt.j2") == "new\n"  # an old import, the same file


def test_a_context_variable_may_be_called_name(tmp_path):
    (tmp_path / "t.j2").write_text("{{ name }}", encoding="utf-8")
    assert templates.render(templates.environment([tmp_path]), "t.j2", name="x") == "x"


def test_undefined_variables_and_syntax_errors_name_the_file_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "a.j2").write_text("line one\n{{ missing }}\n", encoding="utf-8")
    (tmp_path / "templates" / "b.j2").write_text("\n\n{% if %}\n", encoding="utf-8")
    env = templates.environment([tmp_path / "templates"])
    with pytest.raises(TemplateError) as undefined:
        templates.render(env, "a.j2")
    assert str(undefined.value) == "templates/a.j2:2: template error: 'missing' is undefined"
    with pytest.raises(TemplateError) as syntax:
        templates.render(env, "b.j2")
    assert str(syntax.value).startswith("templates/b.j2:3: template syntax error: ")
    with pytest.raises(TemplateError, match="nothing.j2: template error: nothing.j2"):
        templates.render(env, "nothing.j2")


def test_templates_are_sandboxed(tmp_path):
    (tmp_path / "t.j2").write_text("{{ x.__class__.__mro__ }}", encoding="utf-8")
    with pytest.raises(TemplateError, match="t.j2:1: template error: access to attribute"):
        templates.render(templates.environment([tmp_path]), "t.j2", x="")


# ------------------------------------------------------------------ one base, one stylesheet


def test_every_html_page_has_the_one_stylesheet_and_loads_nothing(repo, runner, tmp_path):
    site = tmp_path / "site"
    assert run(runner, "build", "-o", str(site), "--as-of", AS_OF).exit_code == 0
    report = tmp_path / "tasks.html"
    assert (
        run(runner, "tasks", "--as-of", AS_OF, "--format", "html", "-o", str(report)).exit_code == 0
    )
    minutes = (site / "meetings" / "2016-09-07.html").read_text(encoding="utf-8")
    common = style_of(minutes)
    pages = [report, site / "index.html", site / "tasks.html", *(site / "org").glob("*.html")]
    for page in [site / "meetings" / "2016-09-07.html", *pages]:
        html = page.read_text(encoding="utf-8")
        assert html.startswith('<!DOCTYPE html>\n<html lang="cs">\n<head>\n'), page
        assert html.count("<style>") == 1 and style_of(html).startswith(common), page
        assert not re.search(r"<link|<script|@import|url\(|src=\"http", html), page
    for page in pages:  # pages of tables add the stylesheet's part for tables
        assert "tr.overdue td" in style_of(page.read_text(encoding="utf-8"))
    assert "tr.overdue td" not in common


def test_no_shipped_template_but_the_frames_has_a_style_block():
    shipped = templates.package_templates()
    with_style = {
        p.relative_to(shipped).as_posix()
        for p in shipped.rglob("*.j2")
        if "<style" in p.read_text()
    }
    assert with_style == {"_base.html.j2", "site/_site.html.j2"}


def test_a_repository_stylesheet_styles_every_page(repo, runner, tmp_path):
    write(repo, "style.css.j2", "  body { color: #123; }\n")
    html = run(runner, "render", "2016-09-07", "--format", "html", "-o", "-").stdout
    assert style_of(html) == "  body { color: #123; }\n"
    report = tmp_path / "tasks.html"
    run(runner, "tasks", "--as-of", AS_OF, "--format", "html", "-o", str(report))
    assert style_of(report.read_text(encoding="utf-8")) == "  body { color: #123; }\n"


# ------------------------------------------------------------------ a repository's overrides


@pytest.mark.parametrize("name", ["minutes/minutes.md.j2", "minutes.md.j2"])
def test_minutes_override_at_either_name(repo, runner, name):
    write(repo, name, "Vlastní: {{ meeting.title }}\n")
    assert (
        render_md(runner) == "Vlastní: 1. jednání Pracovní skupiny pro Smart Cities (PS pro SC)\n"
    )


@pytest.mark.parametrize("name", ["minutes/_blocks.md.j2", "_blocks.md.j2"])
def test_the_blocks_override_at_either_name(repo, runner, name):
    write(
        repo, name, "{% macro blocks(content) %}[{{ content | length }} blocks]\n{% endmacro %}\n"
    )
    assert re.search(r"\[\d+ blocks\]", render_md(runner))


def test_an_older_minutes_template_importing_flat_names_still_renders(repo, runner):
    """A repository's copy of the old flat minutes.md.j2 (importing "_blocks.md.j2")."""
    shipped = templates.package_templates() / "minutes" / "minutes.md.j2"
    old = shipped.read_text(encoding="utf-8").replace("minutes/_blocks.md.j2", "_blocks.md.j2")
    assert '{% from "_blocks.md.j2" import blocks' in old
    expected = render_md(runner)
    write(repo, "minutes.md.j2", old)
    assert render_md(runner) == expected


def test_an_older_site_template_using_the_site_macro_still_renders(repo, runner, tmp_path):
    write(
        repo,
        "site-index.html.j2",
        '{% from "_site.html.j2" import page with context %}\n'
        '{% call page(labels.meetings_title, "") %}\n<h1>Vlastní</h1>\n{% endcall %}\n',
    )
    site = tmp_path / "site"
    assert run(runner, "build", "-o", str(site), "--as-of", AS_OF).exit_code == 0
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "<h1>Vlastní</h1>" in html and '<header class="site">' in html
    assert "tr.overdue td" in style_of(html)


@pytest.mark.parametrize("name", ["site/tasks.html.j2", "site-tasks.html.j2"])
def test_site_tasks_override_at_either_name(repo, runner, tmp_path, name):
    write(repo, name, "<p>{{ kind }}: {{ title }}</p>\n")
    site = tmp_path / "site"
    assert run(runner, "build", "-o", str(site), "--as-of", AS_OF).exit_code == 0
    assert (site / "org" / "mmr.html").read_text(encoding="utf-8") == "<p>org: MMR</p>\n"


@pytest.mark.parametrize("name", ["reports/tasks.md.j2", "tasks.md.j2"])
def test_task_report_override_at_either_name(repo, runner, name):
    write(repo, name, "{% for r in records %}{{ r.id }} {% endfor %}\n")
    result = run(runner, "tasks", "--as-of", AS_OF, "--format", "md", "-o", "-")
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"(2016-09-07/\d+ )+", result.stdout)  # the newline after endfor is trimmed


@pytest.mark.parametrize("name", ["mail/remind.txt.j2", "remind.txt.j2"])
def test_reminder_override_at_either_name(repo, runner, name):
    write(repo, name, "{{ owner }}:{% for t in tasks %} {{ t.id }}{% endfor %}\n")
    assert run(runner, "remind", "--as-of", AS_OF).exit_code == 0
    assert reminder_body(repo) == "MMR: 2016-09-07/4 2016-09-07/5\n"


@pytest.mark.parametrize("name", ["scaffold/meeting.yaml.j2", "meeting.yaml.j2"])
def test_scaffold_override_at_either_name(repo, runner, name):
    write(
        repo,
        name,
        "# {{ labels.item_opening }}, {{ group.short }}\n"
        "number: {{ plan.number }}\ntitle: {{ plan.title | yaml }}\n"
        "date: {{ plan.date.isoformat() }}\n",
    )
    assert run(runner, "new-meeting").exit_code == 0
    text = (repo / "meetings" / "2016-11-15.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Zahájení, PS pro SC\nnumber: 2\n")


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("minutes/minutes.md.j2", ["render", "2016-09-07", "--format", "md", "-o", "-"]),
        ("minutes.html.j2", ["render", "2016-09-07", "--format", "html", "-o", "-"]),
        ("_blocks.md.j2", ["render", "2016-09-07", "--format", "md", "-o", "-"]),
        ("tasks.html.j2", ["tasks", "--as-of", AS_OF, "--format", "html", "-o", "-"]),
        ("reports/tasks.md.j2", ["tasks", "--as-of", AS_OF, "--format", "md", "-o", "-"]),
        ("remind.txt.j2", ["remind", "--as-of", AS_OF]),
        ("site-index.html.j2", ["build", "-o", "out", "--as-of", AS_OF]),
        ("meeting.yaml.j2", ["new-meeting"]),
        ("scaffold/meeting.yaml.j2", ["new-meeting"]),
    ],
)
def test_an_undefined_variable_in_an_override_names_its_file_and_line(repo, runner, name, args):
    write(repo, name, "{# a comment #}\n{% macro blocks(c) %}{% endmacro %}\n{{ nonsense }}\n")
    result = run(runner, *args)
    assert result.exit_code == 1
    assert f"templates/{name}:3: template error: 'nonsense' is undefined" in result.stderr
