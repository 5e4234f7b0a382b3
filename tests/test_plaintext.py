"""plain_document: a Markdown document as the plain text of an e-mail body."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from psc.language.plaintext import plain_document


def test_headings_paragraphs_and_links():
    text = plain_document(
        "# Zápis\n\n## A Průběh\n\n### Bod 1\n\nText **tučně** a [web](https://x.cz).\n"
    )
    assert text == (
        "Zápis\n=====\n\nA Průběh\n--------\n\nBod 1\n\nText tučně a web (https://x.cz).\n"
    )


def test_a_table_of_labels_and_values_with_lines_in_a_cell():
    text = plain_document(
        "| název | Jednání |\n|---|---|\n| přílohy zápisu | Prezentace<br>Prezenční listina |\n"
    )
    assert text == (
        "název           Jednání\npřílohy zápisu  Prezentace\n                Prezenční listina\n"
    )


def test_a_narrow_table_is_aligned_and_a_wide_one_is_a_block_per_row():
    narrow = plain_document(
        "| ID | Stav | Kdo |\n|---|---|---|\n| 1 | splněn | MMR |\n| 22 | trvá | |\n"
    )
    assert narrow == "ID  Stav    Kdo\n--  ------  ---\n1   splněn  MMR\n22  trvá\n"
    wide = "| ID | Úkol | Termín |\n|---|---|---|\n| 1 | " + "slovo " * 20 + "| 1. 11. 2016 |\n"
    text = plain_document(wide)
    assert "|" not in text
    assert text.startswith("ID: 1\nÚkol: slovo slovo")
    assert text.rstrip().endswith("Termín: 1. 11. 2016")
    assert max(len(line) for line in text.splitlines()) <= 76


def test_control_characters_in_code_are_removed():
    assert plain_document("```\nls \x1b[31mred\n```\n") == "    ls  [31mred\n"


def test_tight_lists_stay_together_and_nest():
    text = plain_document("- a\n- b\n  1. c\n  2. d\n\n> citace\n")
    assert text == "- a\n- b\n  1. c\n  2. d\n\n  citace\n"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "# ",
                "## ",
                "- ",
                "1. ",
                "> ",
                "| a | b |",
                "|---|---|",
                "<br>",
                "**",
                "`",
                "\n",
                "\n\n",
                "text ",
                "[l](http://x.cz)",
                "    ",
                "***",
                "```",
            ]
        )
        | st.text(max_size=5),
        max_size=30,
    ).map("".join)
)
def test_any_markdown_becomes_text_without_control_characters(markdown):
    text = plain_document(markdown)
    assert text.endswith("\n")
    assert not any(c in text for c in "\x00\x1b\r")
