"""A statement whose speaker the minutes name only by function ('Hlavní poradkyně chovu
bostonských terierů informovala …', spolek-yorkshire-club-vybor-2020-06; 'Předseda MS
přivítal …', ms-svaty-antonin-vyrocni-schuze-2011-03): `role` alone names the speaker, no
person is made up from the office. psc validate, the published schema and the recall checker
agree on it; the minutes show the text as written."""

from __future__ import annotations

from conftest import run
from test_minutes_shapes import meeting, renderer, write_repo
from test_schema_agreement import _data, _schema_errors

from psc.edits.intake.facts import Name, facts

YORKSHIRE = (
    "Hlavní poradkyně chovu bostonských terierů informovala členy výboru o nadcházející schůzce "
    "klubů, zastřešujících brachycefalická plemena."
)
STATEMENT = {"role": "Hlavní poradkyně chovu bostonských terierů", "text": YORKSHIRE}


def test_a_speaker_named_by_function_alone_is_a_statement(tmp_path, runner, monkeypatch):
    root = write_repo(
        tmp_path, {"date": "2020-06-06", "items": [{"title": "Bod", "content": [STATEMENT]}]}
    )
    monkeypatch.chdir(root)
    assert run(runner, "validate", "--no-cache").exit_code == 0
    assert _schema_errors("meeting", _data(root / "meetings" / "2020-06-06.yaml")) == []
    m = meeting(items=[{"title": "Bod", "content": [STATEMENT]}])
    assert m.items[0].content[0].__class__.__name__ == "Statement"
    assert YORKSHIRE in renderer("cs").render(m, "md")
    (said,) = facts(m)["statement"]
    assert said[0] == Name.of("Hlavní poradkyně chovu bostonských terierů")


def test_a_statement_without_any_speaker_is_still_refused(tmp_path, runner, monkeypatch):
    nobody = {"role": "", "text": YORKSHIRE}
    root = write_repo(
        tmp_path, {"date": "2020-06-06", "items": [{"title": "Bod", "content": [nobody]}]}
    )
    monkeypatch.chdir(root)
    result = run(runner, "validate", "--no-cache")
    assert result.exit_code == 1
    assert "a statement names who spoke" in result.output
    assert _schema_errors("meeting", _data(root / "meetings" / "2020-06-06.yaml"))
