"""The lower layers speak the group's language: validation problems (YAML syntax, unknown
keys, wrong types, bad dates, duplicate IDs), a missing group file, a meeting not found and
the summary line in Czech for a Czech group, in English as before; and the index database
never hands out a message in the wrong language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from psc import messages
from tests.conftest import run

FIXTURES = Path(__file__).parent / "fixtures" / "invalid"
GROUP_FILE = Path(__file__).parents[1] / "group.yaml"

ENGLISH = re.compile(
    r"\b(the|is|are|not|expected|must|allowed|invalid|unknown|should|input|found|while|"
    r"parsing|already|used|mean|write|with|file|value|missing|required|error|errors)\b"
)
"""English words that no Czech message holds (keys and values are quoted and left out)."""


def meeting_repo(tmp_path: Path, text: str | bytes, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Czech group (this project's group file) with one meeting file holding `text`."""
    shutil.copyfile(GROUP_FILE, tmp_path / "group.yaml")
    (tmp_path / "meetings").mkdir(exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    (tmp_path / "meetings" / "2016-09-07.yaml").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def problems(runner, root: Path, *lang: str) -> list[str]:
    result = run(runner, "--root", str(root), *lang, "validate")
    assert result.exit_code == 1, result.output
    return result.output.splitlines()


def test_yaml_syntax_in_czech_and_english(runner, tmp_path, monkeypatch, speaking):
    text = "title: [Zasedání\nplace: Praha\n"
    root = meeting_repo(tmp_path, text, monkeypatch)
    czech = problems(runner, root)
    print(czech)
    assert czech == [
        "meetings/2016-09-07.yaml:1:8: chyba: neplatný YAML: tato závorka [ není uzavřena "
        "(nenalezena očekávaná ',' nebo ']' na řádku 2, ve sloupci 6)",
        "1 chyba v 1 souboru",
    ]
    english = problems(runner, root, "--lang", "en")
    assert english == [
        "meetings/2016-09-07.yaml:1:8: error: invalid YAML: this bracket [ is not closed "
        "(did not find expected ',' or ']' at line 2, column 6)",
        "1 error in 1 file",
    ]


def test_a_colon_in_a_value_says_quote_it_in_czech(runner, tmp_path, monkeypatch, speaking):
    root = meeting_repo(tmp_path, "date: 2016-09-07\ntitle: Jednání: rozpočet\n", monkeypatch)
    czech = problems(runner, root)
    print(czech)
    assert czech[0] == (
        "meetings/2016-09-07.yaml:2:15: chyba: neplatný YAML: dvojice klíč: hodnota zde nejsou "
        'povoleny; je v hodnotě dvojtečka? dejte ji do uvozovek: title: "Jednání: rozpočet"'
    )


def fixture_lines(runner, tmp_path, monkeypatch, case: str, *lang: str) -> list[str]:
    root = meeting_repo(tmp_path, (FIXTURES / case).read_bytes(), monkeypatch)
    return problems(runner, root, *lang)


@pytest.mark.parametrize(
    ("case", "czech", "english"),
    [
        (
            "key-unknown-attendees.yaml",
            "attendees.presnt: neznámý klíč 'presnt'; nemysleli jste 'present'?",
            "attendees.presnt: unknown key 'presnt'; did you mean 'present'?",
        ),
        (
            "type-title-mapping.yaml",
            "title: očekává se text",
            "title: input should be a valid string",
        ),
        (
            "type-number-text.yaml",
            "number: očekává se celé číslo, nikoli 'abc'",
            "number: expected a whole number, not 'abc'",
        ),
        (
            "type-number-zero.yaml",
            "number: hodnota musí být nejméně 1",
            "number: input should be greater than or equal to 1",
        ),
        (
            "date-impossible.yaml",
            "date: neplatné datum '2016-02-30' (den je mimo povolený rozsah); "
            "zapište je ve tvaru YYYY-MM-DD",
            "date: invalid date '2016-02-30' (day value is outside expected range); "
            "write YYYY-MM-DD",
        ),
        (
            "date-impossible-deadline.yaml",
            "tasks[0].deadline: neplatné datum '2016-02-30' (takový den v daném měsíci není); "
            "zapište je ve tvaru YYYY-MM-DD",
            "tasks[0].deadline: invalid date '2016-02-30' (day is out of range for month); "
            "write YYYY-MM-DD",
        ),
        (
            "task-id-duplicate.yaml",
            "tasks[1].id: ID úkolu 'web' už má tasks[0]",
            "tasks[1].id: task ID 'web' is already used by tasks[0]",
        ),
        (
            "comment-id-duplicate-ordinal.yaml",
            "comments[1]: ID připomínky '2' (její pořadí) už má comments[0]; zadejte jí id",
            "comments[1]: comment ID '2' (its ordinal) is already used by comments[0]; "
            "give it an id",
        ),
        (
            "task-status-finished.yaml",
            "tasks[0].status: hodnota musí být 'open', 'done' nebo 'cancelled', nikoli 'finished'",
            "tasks[0].status: input should be 'open', 'done' or 'cancelled', not 'finished'",
        ),
    ],
)
def test_validate_problems_in_czech_and_english(
    runner, tmp_path, monkeypatch, speaking, case, czech, english
):
    said = fixture_lines(runner, tmp_path, monkeypatch, case)
    print(said)
    assert any(line.endswith(": chyba: " + czech) for line in said), said
    assert said[-1] in ("1 chyba v 1 souboru", "2 chyby v 1 souboru")
    said = fixture_lines(runner, tmp_path, monkeypatch, case, "--lang", "en")
    assert any(line.endswith(": error: " + english) for line in said), said
    assert said[-1] in ("1 error in 1 file", "2 errors in 1 file")


def test_summary_line_takes_czech_plural_forms(runner, tmp_path, monkeypatch, speaking):
    root = meeting_repo(tmp_path, "x: [\n", monkeypatch)
    for name in ("2016-09-08", "2016-09-09", "2016-09-10", "2016-09-11"):
        (root / "meetings" / f"{name}.yaml").write_text("x: [\n", encoding="utf-8")
    said = problems(runner, root)
    print(said[-1])
    assert said[-1] == "5 chyb v 5 souborech"


CASES = sorted(p.name for p in FIXTURES.glob("*.yaml") if not p.name.startswith("ok-"))


@pytest.mark.parametrize("case", CASES)
def test_no_english_word_in_a_czech_problem(runner, tmp_path, monkeypatch, speaking, case):
    """Every invalid fixture, answered in Czech: no English word outside quoted keys, values
    and field paths (pydantic's and the YAML parser's own words included)."""
    said = fixture_lines(runner, tmp_path, monkeypatch, case)
    for line in said:
        message = line.split(": chyba: ", 1)[-1]
        message = re.sub(r"^[\w.\[\]]+: ", "", message)  # the field path
        message = re.sub(r"'[^']*'|\"[^\"]*\"|\([a-z_, ]+\)", "", message)  # keys, values
        assert not ENGLISH.search(message), line


def test_no_group_file_in_czech(runner, tmp_path, monkeypatch, speaking):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "--lang", "cs", "validate")
    assert result.exit_code == 2
    print(result.output)
    assert (
        f"chyba: group.yaml nebyl nalezen v {tmp_path.resolve()} ani v žádné nadřazené "
        "složce; spusťte psc uvnitř repozitáře zápisů nebo zadejte --root SLOŽKA"
    ) in result.output
    result = run(runner, "--lang", "en", "validate")
    assert (
        f"error: no group.yaml found in {tmp_path.resolve()} or any parent directory; "
        "run psc inside a minutes repository or pass --root DIR"
    ) in result.output


def test_meeting_not_found_in_czech(runner, repo, speaking):
    result = run(runner, "render", "2030-01-01")
    assert result.exit_code == 2
    print(result.output)
    assert (
        "chyba: jednání 2030-01-01 neexistuje: meetings/2030-01-01.yaml neexistuje" in result.output
    )
    result = run(runner, "--lang", "en", "render", "2030-01-01")
    assert "error: no meeting 2030-01-01: meetings/2030-01-01.yaml does not exist" in result.output


def test_the_index_never_answers_in_the_wrong_language(runner, repo, speaking):
    """With the index database on, a problem validated in Czech comes out in English for
    --lang en, and in Czech again; the report that skips the file says so in each language."""
    (repo / "meetings" / "2030-01-01.yaml").write_text(
        "date: 2030-01-01\ntitle: X\ntitel: Y\n", encoding="utf-8"
    )
    czech = (
        "meetings/2030-01-01.yaml:3:1: chyba: titel: neznámý klíč 'titel'; nemysleli jste 'title'?"
    )
    english = (
        "meetings/2030-01-01.yaml:3:1: error: titel: unknown key 'titel'; did you mean 'title'?"
    )
    for lang, expected in (("cs", czech), ("en", english), ("cs", czech)):
        result = run(runner, "--lang", lang, "validate")
        print(result.output)
        assert expected in result.output.splitlines()
        assert (repo / ".psc-cache" / "index.sqlite3").is_file()  # the cache is on
    result = run(runner, "--lang", "en", "list")
    assert "warning: skipped meetings/2030-01-01.yaml: 1 problem, first: 3:1: titel: " in (
        result.output
    )
    result = run(runner, "--lang", "cs", "list")
    print(result.output)
    assert "varování: vynechán meetings/2030-01-01.yaml: 1 problém, první: 3:1: titel: " in (
        result.output
    )
    (repo / "meetings" / "2030-01-01.yaml").unlink()  # a valid archive: the tables are made
    assert run(runner, "--lang", "cs", "validate").exit_code == 0
    result = run(runner, "--lang", "en", "render", "2030-01-02")
    assert "error: no meeting 2030-01-02: " in result.output


def test_os_reason_in_czech(speaking, tmp_path):
    from psc.errors import InvalidData
    from psc.loading import pipeline

    messages.choose("option", "cs")
    with pytest.raises(InvalidData) as caught:
        pipeline.read(tmp_path / "missing.yaml")
    assert caught.value.problems[0].message == (
        "soubor nelze přečíst: soubor ani složka neexistuje"
    )
    messages.choose("option", "en")
    with pytest.raises(InvalidData) as caught:
        pipeline.read(tmp_path / "missing.yaml")
    assert caught.value.problems[0].message == "cannot read file: No such file or directory"


def test_validate_ok_and_search_references_in_czech(runner, repo, speaking):
    result = run(runner, "validate")
    assert result.exit_code == 0
    files = 1 + len(list((repo / "meetings").glob("*.yaml")))
    print(result.output)
    assert result.output.splitlines()[-1] == messages.n_(
        "ok: {count} file valid", "ok: {count} files valid", files
    )
    assert result.output.startswith("v pořádku: ")
    english = run(runner, "--lang", "en", "validate")
    assert english.output.splitlines()[-1] == f"ok: {files} files valid"
    result = run(runner, "search", "mmr")
    print(result.output)
    assert result.output.splitlines()[0].startswith("2016-09-07 bod 1 název: Zahájení")
    english = run(runner, "--lang", "en", "search", "mmr")
    assert english.output.splitlines()[0].startswith("2016-09-07 item 1 title: Zahájení")
    result = run(runner, "search", " ")
    assert result.exit_code == 2
    assert "chyba: zadejte text, který se má hledat" in result.output


def test_group_file_problems_in_czech(runner, repo, speaking):
    group = repo / "group.yaml"
    text = group.read_text(encoding="utf-8")
    broken = "labels:\n  date_long: d. b. y\n  col_responsibl: Kdo\n"
    group.write_text(text.replace("labels:\n", broken, 1), encoding="utf-8")
    result = run(runner, "validate")
    print(result.output)
    assert (
        "labels.col_responsibl: neznámý popisek 'col_responsibl'; nemysleli jste 'col_responsible'?"
        in (result.output)
    )
    assert (
        "labels.date_long: není to vzor data; zapište jej jako CLDR, např. 'd. M. y' nebo "
        "'d. MMMM y'" in result.output
    )
    english = run(runner, "--lang", "en", "validate")
    assert (
        "labels.col_responsibl: unknown label 'col_responsibl'; did you mean 'col_responsible'?"
        in (english.output)
    )
    assert "labels.date_long: not a date pattern (" in english.output


def test_a_broken_template_in_czech(runner, repo, speaking):
    (repo / "templates").mkdir()
    (repo / "templates" / "minutes.md.j2").write_text("{{ nikde }}\n", encoding="utf-8")
    result = run(runner, "render", "2016-09-07", "--format", "md", "-o", "-")
    print(result.output)
    assert result.exit_code == 1
    assert "templates/minutes.md.j2:1: chyba šablony: 'nikde' není definováno" in result.output
    english = run(runner, "--lang", "en", "render", "2016-09-07", "--format", "md", "-o", "-")
    assert "templates/minutes.md.j2:1: template error: 'nikde' is undefined" in english.output


def test_a_read_only_file_in_czech(speaking, tmp_path):
    import os

    from psc.errors import OutputError
    from psc.fileio import FileWrite, write_files

    target = tmp_path / "a.txt"
    target.write_text("x", encoding="utf-8")
    os.chmod(target, 0o444)
    messages.choose("option", "cs")
    with pytest.raises(OutputError) as caught:
        write_files([FileWrite(target, b"y")])
    print(caught.value)
    assert str(caught.value).endswith(
        "a.txt je jen pro čtení; nic nebylo zapsáno (je-li změna zamýšlena, povolte nejprve zápis)"
    )


def test_addresses_in_czech(speaking):
    from psc.loading.addresses import NOT_ASCII, AddressError, check_address
    from psc.loading.model import Member

    messages.choose("option", "cs")
    with pytest.raises(ValueError) as caught:
        Member.model_validate({"name": "Eva Malá", "email": "eva.malá@obec.cz"})
    print(caught.value)
    assert "psc neumí odeslat zprávu na adresu se znaky mimo ASCII před @" in str(caught.value)
    with pytest.raises(ValueError) as caught:
        Member.model_validate({"name": "Eva Malá", "email": "eva"})
    assert "očekává se e-mailová adresa, nikoli 'eva'" in str(caught.value)
    with pytest.raises(AddressError) as raised:  # the commands test for NOT_ASCII itself
        check_address("eva.malá@obec.cz")
    assert raised.value.not_ascii and NOT_ASCII in str(raised.value)
    messages.choose("option", "en")
    with pytest.raises(ValueError) as caught:
        Member.model_validate({"name": "Eva Malá", "email": "eva.malá@obec.cz"})
    assert f"'eva.malá@obec.cz': {NOT_ASCII}" in str(caught.value)


def test_git_problems_in_czech(runner, repo, speaking):
    import subprocess

    result = run(runner, "validate", "--since", "HEAD~1")
    print(result.output)
    assert result.exit_code == 2
    assert "chyba: --since HEAD~1: . není v repozitáři git" in result.output  # cwd: the repo
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    result = run(runner, "validate", "--since", "HEAD~1")
    print(result.output)
    assert f"chyba: repozitář git v {repo} zatím nemá žádný commit" in result.output
    english = run(runner, "--lang", "en", "validate", "--since", "HEAD~1")
    assert f"error: the git repository at {repo} has no commits yet" in english.output


def test_a_name_cut_by_a_comma_says_quote_it_in_czech(runner, repo, speaking):
    group = repo / "group.yaml"
    text = group.read_text(encoding="utf-8")
    member = "  - {name: doc. PaedDr. Ilona Mauritzová, Ph.D., gender: female}\n"
    group.write_text(text.replace("members:\n", "members:\n" + member, 1), encoding="utf-8")
    result = run(runner, "validate")
    print(result.output)
    assert result.exit_code == 1
    assert (
        "neznámý klíč 'Ph.D.': čárka před ním ukončila hodnotu klíče 'name'; dejte hodnotu do "
        'uvozovek: name: "doc. PaedDr. Ilona Mauritzová, Ph.D."'
    ) in result.output
    group.write_text(text, encoding="utf-8")
    meeting = repo / "meetings" / "2016-09-07.yaml"
    source = meeting.read_text(encoding="utf-8")
    first = "items:\n  - number: 1\n"
    meeting.write_text(
        source.replace(first, first + "    presenters: [doc. Ing. Jan Novák, Ph.D.]\n", 1),
        encoding="utf-8",
    )
    said = run(runner, "validate").output.splitlines()
    print(said)
    assert any(
        line.endswith(
            "items[0].presenters[1]: 'Ph.D.' je akademický titul osoby 'doc. Ing. Jan Novák', "
            "oddělený čárkou seznamu v hranatých závorkách; dejte celé jméno do uvozovek: "
            '"doc. Ing. Jan Novák, Ph.D."'
        )
        for line in said
    )
