"""The loader keeps what was written and reports problems at their positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from psc.errors import InvalidData
from psc.loading.pipeline import load_yaml as load
from psc.loading.yamlfile import loads


def problems_of(text: str) -> list[str]:
    with pytest.raises(InvalidData) as info:
        loads(text, "f.yaml")
    return [str(p) for p in info.value.problems]


def test_scalars_stay_as_written():
    value, _ = loads("start: 13:00\nplace: no\nflag: yes\nn: 012\nempty:\ntilde: ~\n", "f.yaml")
    assert value == {
        "start": "13:00",
        "place": "no",
        "flag": "yes",
        "n": "012",
        "empty": None,
        "tilde": None,
    }


def test_quoted_null_is_text():
    value, _ = loads('a: "null"\nb: ""\n', "f.yaml")
    assert value == {"a": "null", "b": ""}


def test_positions_of_values_and_keys():
    _, pos = loads("a:\n  - x: 1\n    y: [2, 3]\n", "f.yaml")
    assert pos.values[("a", 0, "y", 1)] == (3, 12)
    assert pos.keys[("a", 0, "y")] == (3, 5)
    assert pos.of(("a", 0, "missing")) == (2, 5)


def test_duplicate_key_reported_at_second_key():
    assert problems_of("a: 1\nb:\n  c: 1\n  c: 2\n") == [
        "f.yaml:4:3: error: b.c: duplicate key 'c' (first defined at line 3)"
    ]


def test_python_tag_is_refused_and_never_run(tmp_path: Path):
    marker = tmp_path / "ran"
    text = f"x: !!python/object/apply:os.system ['touch {marker}']\n"
    assert problems_of(text) == [
        "f.yaml:1:4: error: x: YAML tags are not allowed (!!python/object/apply:os.system)"
    ]
    assert not marker.exists()


def test_alias_is_refused():
    assert problems_of("a: &x [1]\nb: *x\n") == [
        "f.yaml:2:4: error: aliases (*name) are not allowed; write the value out"
    ]


def test_several_documents():
    assert problems_of("a: 1\n---\nb: 2\n") == [
        "f.yaml:2:1: error: invalid YAML: file holds more than one YAML document; keep one meeting per file"
    ]


def test_tab_indentation_is_explained():
    assert problems_of("a:\n\tb: 1\n") == [
        "f.yaml:2:1: error: invalid YAML: a tab character; YAML is indented with spaces, not tabs"
    ]


def test_empty_file():
    assert problems_of("") == ["f.yaml:1:1: error: file is empty"]
    assert problems_of("# only a comment\n") == [
        "f.yaml:1:1: error: file holds only comments, no data"
    ]


def test_bom_and_crlf_are_accepted(tmp_path: Path):
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: A\r\nplace: B\r\n")
    value, pos = load(path)
    assert value == {"title": "A", "place": "B"}
    assert pos.values[("place",)] == (2, 8)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xff\xfet\x00", "1:1: error: file is UTF-16; save it as UTF-8"),
        (b"title: caf\xe9\n", "1:11: error: file is not UTF-8 (byte 0xe9); save it as UTF-8"),
        (b"a: 1\nb: x\x00y\n", "2:5: error: file contains a NUL character"),
    ],
)
def test_bad_encodings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: bytes, message: str):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "m.yaml"
    path.write_bytes(raw)
    with pytest.raises(InvalidData) as info:
        load(path)
    assert [str(p) for p in info.value.problems] == [f"m.yaml:{message}"]


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import psc.loading.pipeline

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(psc.loading.pipeline, "MAX_BYTES", 10)
    path = tmp_path / "m.yaml"
    path.write_text("title: a long title\n")
    with pytest.raises(InvalidData) as info:
        load(path)
    assert (
        str(info.value.problems[0]) == "m.yaml:1:1: error: file is 20 bytes, over the limit of 10"
    )


# ------------------------------------------------------------------ a value to quote


def test_a_colon_inside_a_value_says_to_quote_it():
    """'title: Publicity: no report' (a point of a council on aging's minutes written by hand
    as its title): the line with its value quoted, not only 'mapping values are not allowed'."""
    (problem,) = problems_of("items:\n  - title: Publicity: no report\n")
    assert 'quote it: title: "Publicity: no report"' in problem
    assert problem.startswith("f.yaml:2:")


def test_a_colon_inside_a_flow_mappings_value_says_to_quote_it():
    (problem,) = problems_of("members:\n  - {name: Publicity: no report}\n")
    assert "this bracket { is not closed" in problem
    assert "a colon or comma inside a value? put the value in quotes" in problem


def test_a_comma_inside_a_flow_mappings_name_says_to_quote_the_whole_name(repo, runner):
    """'{name: doc. PaedDr. Ilona Mauritzová, Ph.D., gender: female}' (a school board's
    chair) read 'Ph.D.' as a key: the message says which value the comma cut and how to
    write it, not only "unknown key 'Ph.D.'"."""
    from conftest import run

    group = repo / "group.yaml"
    text = group.read_text(encoding="utf-8")
    member = "  - {name: doc. PaedDr. Ilona Mauritzová, Ph.D., gender: female}\n"
    group.write_text(text.replace("members:\n", "members:\n" + member, 1), encoding="utf-8")
    result = run(runner, "validate")
    assert result.exit_code != 0
    assert (
        "unknown key 'Ph.D.': the comma before it ended the value of 'name'; quote the value: "
        'name: "doc. PaedDr. Ilona Mauritzová, Ph.D."'
    ) in " ".join(result.output.split())
