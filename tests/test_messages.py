"""psc speaks the group's language: the message catalogs are complete and compiled, and the
language is chosen by --lang, PSC_LANG, the group file, then the locale."""

from __future__ import annotations

from psc import messages
from psc.language import catalogs
from tests.conftest import run


def test_catalogs_hold_every_message_of_the_code_translated_and_compiled():
    assert catalogs.check() == []


def test_czech_plural_forms(speaking):
    messages.choose("option", "cs")
    said = [messages.n_("{count} error", "{count} errors", n) for n in (1, 2, 5)]
    assert said == ["1 chyba", "2 chyby", "5 chyb"]
    messages.choose("option", "en")
    assert messages.n_("{count} error", "{count} errors", 2) == "2 errors"


def test_the_order_of_choice(speaking, monkeypatch):
    messages.choose("group", "cs")
    assert messages.current() == "cs"
    monkeypatch.setenv("PSC_LANG", "en")
    assert messages.current() == "en"
    messages.choose("command", "cs")
    assert messages.current() == "cs"
    messages.choose("option", "en")
    assert messages.current() == "en"


def test_locale_decides_outside_a_repository(speaking):
    assert messages.locale_language({"LANG": "cs_CZ.UTF-8"}) == "cs"
    assert messages.locale_language({"LC_ALL": "C", "LANG": "cs_CZ.UTF-8"}) == "en"
    assert messages.locale_language({}) == "en"


def test_group_language_is_read_without_parsing(tmp_path):
    group = tmp_path / "group.yaml"
    group.write_text("name: X\nlanguage: en  # the minutes' language\n", encoding="utf-8")
    assert messages.repository_language(None, tmp_path / "meetings") == "en"
    group.write_text("name: X\n", encoding="utf-8")
    assert messages.repository_language(tmp_path, tmp_path) == "cs"  # the model's default
    assert messages.group_language(tmp_path / "missing.yaml") == "cs"


def test_a_czech_group_is_answered_in_czech(runner, repo, speaking):
    (repo / "meetings" / "2030-01-01.yaml").write_text("x: [\n", encoding="utf-8")
    result = run(runner, "--root", str(repo), "validate")
    assert result.exit_code == 1
    assert ": chyba: " in result.output
    assert "1 chyba v 1 souboru" in result.output
    result = run(runner, "--root", str(repo), "--lang", "en", "validate")
    assert "1 error in 1 file" in result.output


def test_an_unknown_language_is_a_usage_error(runner, repo):
    result = run(runner, "--root", str(repo), "--lang", "de", "validate")
    assert result.exit_code == 2
    assert "unknown language 'de'; choose cs or en" in result.output


def test_the_language_of_a_huge_group_file_is_read_from_its_head(tmp_path):
    group = tmp_path / "group.yaml"
    with group.open("w", encoding="utf-8") as handle:
        handle.write("name: X\nlanguage: en\n")
        handle.write("# " + "x" * (messages.GROUP_HEAD * 4) + "\n")
        handle.write("language: cs\n")  # past the head: not read
    assert messages.group_language(group) == "en"


def test_the_check_tells_apart_one_message_in_two_contexts(monkeypatch):
    """'rejected' of a comment and of a resolution are two messages: one left untranslated
    is found even though the other is translated."""
    real = catalogs.read

    def without_the_comments_word(lang):  # type: ignore[no-untyped-def]
        catalog = real(lang)
        catalog.get("rejected", context="comment").string = ""
        return catalog

    monkeypatch.setattr(catalogs, "read", without_the_comments_word)
    assert "cs: not translated: 'rejected' (context 'comment')" in catalogs.check()


def test_root_names_the_group_whose_language_psc_speaks(runner, repo, speaking, tmp_path):
    """In a Czech repository, `--root` of an English group is answered in English."""
    other = tmp_path / "english"
    (other / "meetings").mkdir(parents=True)
    (other / "group.yaml").write_text(
        "name: Town Council\nshort: TC\nlanguage: en\n", encoding="utf-8"
    )
    (other / "meetings" / "2030-01-01.yaml").write_text("x: [\n", encoding="utf-8")
    result = run(runner, "--root", str(other), "validate")
    assert result.exit_code == 1
    assert "1 error in 1 file" in result.output
    (repo / "meetings" / "2030-01-01.yaml").write_text("x: [\n", encoding="utf-8")
    assert "1 chyba v 1 souboru" in run(runner, "validate").output
