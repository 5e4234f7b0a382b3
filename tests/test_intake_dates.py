"""Dates, times and deadlines read from the free text of existing minutes (`psc import`)."""

from __future__ import annotations

import datetime as dt

import pytest

from psc.language.dates import (
    MONTHS_CS,
    MONTHS_EN,
    WEEKDAYS,
    deadline_date_hint,
    find_date,
    find_dates,
    find_period,
    find_times,
    parse_deadline,
)
from psc.terms import Deadline

D = dt.date
T = dt.time


@pytest.mark.parametrize(
    ("text", "day", "span"),
    [
        ("7. 9. 2016", D(2016, 9, 7), "7. 9. 2016"),
        ("7.9.2016", D(2016, 9, 7), "7.9.2016"),
        ("07.09.2016", D(2016, 9, 7), "07.09.2016"),
        ("čas (27.11. 2008, 17.00)", D(2008, 11, 27), "27.11. 2008"),
        ("dne\u00a07.\u00a09.\u00a02016", D(2016, 9, 7), "7.\u00a09.\u00a02016"),
        ("datum 7. září 2016, 13:00 – 15:00", D(2016, 9, 7), "7. září 2016"),
        ("7. ZÁŘÍ 2016", D(2016, 9, 7), "7. ZÁŘÍ 2016"),
        ("7.září 2016", D(2016, 9, 7), "7.září 2016"),
        ("Datum konání: 18. března 2014", D(2014, 3, 18), "18. března 2014"),
        ("(10. listopadu 2014)", D(2014, 11, 10), "10. listopadu 2014"),
        ("Pardubice, 20. července 2015", D(2015, 7, 20), "20. července 2015"),
        ("1. leden 2017", D(2017, 1, 1), "1. leden 2017"),
        ("2. Únor 2017", D(2017, 2, 2), "2. Únor 2017"),
        ("3. březen 2017", D(2017, 3, 3), "3. březen 2017"),
        ("4. duben 2017", D(2017, 4, 4), "4. duben 2017"),
        ("5. května 2017", D(2017, 5, 5), "5. května 2017"),
        ("6. květen 2017", D(2017, 5, 6), "6. květen 2017"),
        ("7. června 2017", D(2017, 6, 7), "7. června 2017"),
        ("8. červen 2017", D(2017, 6, 8), "8. červen 2017"),
        ("9. července 2017", D(2017, 7, 9), "9. července 2017"),
        ("10. červenec 2017", D(2017, 7, 10), "10. červenec 2017"),
        ("11. srpna 2017", D(2017, 8, 11), "11. srpna 2017"),
        ("12. srpen 2017", D(2017, 8, 12), "12. srpen 2017"),
        ("13. října 2017", D(2017, 10, 13), "13. října 2017"),
        ("14. říjen 2017", D(2017, 10, 14), "14. říjen 2017"),
        ("15. listopad 2017", D(2017, 11, 15), "15. listopad 2017"),
        ("16. prosince 2017", D(2017, 12, 16), "16. prosince 2017"),
        ("17. prosinec 2017", D(2017, 12, 17), "17. prosinec 2017"),
        ("18. ledna 2017", D(2017, 1, 18), "18. ledna 2017"),
        ("19. února 2017", D(2017, 2, 19), "19. února 2017"),
        ("20. dubna 2017", D(2017, 4, 20), "20. dubna 2017"),
        ("7 September 2016", D(2016, 9, 7), "7 September 2016"),
        ("September 7, 2016", D(2016, 9, 7), "September 7, 2016"),
        ("September 7th, 2016", D(2016, 9, 7), "September 7th, 2016"),
        ("7th September 2016", D(2016, 9, 7), "7th September 2016"),
        ("the 7th of September 2016", D(2016, 9, 7), "7th of September 2016"),
        ("1 Sept. 2016", D(2016, 9, 1), "1 Sept. 2016"),
        ("Wednesday 12 March 2008", D(2008, 3, 12), "12 March 2008"),
        ("held on Wednesday 12, December 2007 were", D(2007, 12, 12), "12, December 2007"),
        ("2016-09-07", D(2016, 9, 7), "2016-09-07"),
        ("7/9/2016", D(2016, 9, 7), "7/9/2016"),
        # year first with dots: a co-tenants' meeting's title (en-perth-artifactory-co-tenants),
        # a library board's file name (en-rockingham-library-trustees)
        ("Co-Tenants Meeting 2011.01.18", D(2011, 1, 18), "2011.01.18"),
        ("2017.03.07 Board Minutes", D(2017, 3, 7), "2017.03.07"),
        ("2019/3/7", D(2019, 3, 7), "2019/3/7"),
        ("31. 2. 2016 a pak 1. 3. 2016", D(2016, 3, 1), "1. 3. 2016"),
    ],
)
def test_find_date_reads_each_form_with_its_span(text, day, span):
    found = find_date(text)
    assert found is not None
    assert found[0] == day
    assert text[found[1] : found[2]] == span


@pytest.mark.parametrize(
    "text",
    [
        "31. 2. 2016",
        "2016-02-30",
        "31/4/2016",
        "usnesení 15/2018",
        "usnesení č. 5/3/2018",
        "opatření NAP č. 4.11.",
        "1. 2., 5. 4.",
        "1 February",
        "February 1",
        "7. zari 2016",
        "the May 2008 meeting",
        "září 2016",
        "2.2.1 It was agreed",
        "verze 1.2.3",
        "verze 2016.1.2.3",
        "usnesení č. 2018/3/5",
        "2011.13.01",
        "1.500.000 Kč",
        "13:00 – 15:00",
        "you may 5 times",
        "",
    ],
)
def test_find_date_without_year_finds_none(text):
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("1. 2.", D(2017, 2, 1)),
        ("do 15. 11.", D(2017, 11, 15)),
        ("1 February", D(2017, 2, 1)),
        ("February 1", D(2017, 2, 1)),
        ("1. ledna", D(2017, 1, 1)),
        ("7. 9. 2016", D(2016, 9, 7)),  # a written year wins over the one given
    ],
)
def test_find_date_with_year_dates_day_and_month(text, day):
    found = find_date(text, year=2017)
    assert found is not None and found[0] == day


@pytest.mark.parametrize(
    "text",
    [
        "opatření NAP č. 4.11.",
        "opatření NAP č. 4.11., týkajícího",
        "bod 3. 4.",
        "usnesení č. 5/3/2018",
        "31. 2.",
        "1. 2. 3. krok",
        "you may 5 times",
    ],
)
def test_find_date_with_year_leaves_numbers_alone(text):
    assert find_date(text, year=2014) is None


def test_find_dates_lists_the_tentative_year():
    text = "Termíny v roce 2017 (předběžně): 1. 2., 5. 4., 24. 5., 6. 9., 29. 11."
    found = find_dates(text, year=2017)
    assert [day for day, _, _ in found] == [
        D(2017, 2, 1),
        D(2017, 4, 5),
        D(2017, 5, 24),
        D(2017, 9, 6),
        D(2017, 11, 29),
    ]
    assert [text[start:end] for _, start, end in found] == [
        "1. 2.",
        "5. 4.",
        "24. 5.",
        "6. 9.",
        "29. 11.",
    ]


def test_find_dates_without_year_skips_day_and_month():
    text = "Termíny: 1. 2., 5. 4. a 15. 11. 2016"
    start = text.index("15. 11. 2016")
    assert find_dates(text) == [(D(2016, 11, 15), start, start + len("15. 11. 2016"))]


def test_find_dates_in_order_mixed_forms_skipping_invalid():
    text = "Zapsala: J. K., 27. 9. 2016, 31. 2. 2016, schválil: F. K., 3. října 2016; 2016-10-04"
    assert [day for day, _, _ in find_dates(text)] == [
        D(2016, 9, 27),
        D(2016, 10, 3),
        D(2016, 10, 4),
    ]


def test_find_dates_of_nothing_is_empty():
    assert find_dates("usnesení 15/2018 přijato") == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("13:00 – 15:00", T(13, 0), T(15, 0)),
        ("13:00-15:00", T(13, 0), T(15, 0)),
        ("13.00 – 15.00 hod.", T(13, 0), T(15, 0)),
        ("13.00 – 15.00", T(13, 0), T(15, 0)),
        ("7. září 2016, 13:00 – 15:00", T(13, 0), T(15, 0)),
        ("15.05 hod.", T(15, 5), None),
        ("v 17:30", T(17, 30), None),
        ("V 9.30.", T(9, 30), None),
        ("od 18.00 do 19.30 hodin", T(18, 0), T(19, 30)),
        ("od 18 do 20 hodin", T(18, 0), T(20, 0)),
        ("zahájeno v 19:15 hod.", T(19, 15), None),
        ("bylo zahájeno v 18.00 hodin starostou", T(18, 0), None),
        ("18.00 hodin", T(18, 0), None),
        ("v 14 hod.", T(14, 0), None),
        ("at 10:30", T(10, 30), None),
        ("10.30am", T(10, 30), None),
        ("10.30 a.m.", T(10, 30), None),
        ("12am", T(0, 0), None),
        ("12 PM", T(12, 0), None),
        ("2pm–4pm", T(14, 0), T(16, 0)),
        ("2–4pm", T(14, 0), T(16, 0)),
        ("from 9:00 to 11:00", T(9, 0), T(11, 0)),
        ("14:00 h", T(14, 0), None),
        ("15. 11. 2016 (opět ve 13:00)", T(13, 0), None),
        ("přišel v 17:50, přišla v 18:05", T(17, 50), None),
        ("25:00 a pak 13:00", T(13, 0), None),
    ],
)
def test_find_times(text, start, end):
    assert find_times(text) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "7.9.2016",
        "07.09.2016",
        "16. 9. 2016",
        "4.11.",
        "do 4.11.",
        "27.11. 2008, 17.00",
        "13.00",
        "opatření NAP č. 4.20 – 4.23.",
        "trvalo 2 h",
        "1-2",
        "24:00",
        "13:60",
        "13pm",
        "2016-09-07",
        "usnesení 15/2018",
        "",
    ],
)
def test_find_times_finds_none(text):
    assert find_times(text) == (None, None)


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("průběžně", Deadline("ongoing")),
        ("průběžně (posílat na jana.korytarova@mmr.cz)", Deadline("ongoing")),
        ("Průběžně", Deadline("ongoing")),
        ("trvale", Deadline("ongoing")),
        ("stále", Deadline("ongoing")),
        ("ongoing", Deadline("ongoing")),
        ("continuous", Deadline("ongoing")),
        ("do další PS (15. 11. 2016)", Deadline("next_meeting")),
        ("do dalšího jednání", Deadline("next_meeting")),
        ("do příštího jednání", Deadline("next_meeting")),
        ("na příští jednání", Deadline("next_meeting")),
        ("do příští schůze", Deadline("next_meeting")),
        ("do příštího zasedání ZO", Deadline("next_meeting")),
        ("next meeting", Deadline("next_meeting")),
        ("by the next meeting", Deadline("next_meeting")),
        ("By the next SG meeting", Deadline("next_meeting")),
        ("1. 11. 2016", Deadline("date", D(2016, 11, 1))),
        ("1. 11. 2016 (posílat na jana.korytarova@mmr.cz)", Deadline("date", D(2016, 11, 1))),
        ("do 30. 6. 2017", Deadline("date", D(2017, 6, 30))),
        ("nejpozději do 30. června 2017", Deadline("date", D(2017, 6, 30))),
        ("by 1 November 2016", Deadline("date", D(2016, 11, 1))),
        ("2016-11-01", Deadline("date", D(2016, 11, 1))),
        ("  ihned ", Deadline("words", text="ihned")),
        ("na jaře 2019", Deadline("words", text="na jaře 2019")),
        ("do konce roku", Deadline("words", text="do konce roku")),
        ("do příštího týdne", Deadline("words", text="do příštího týdne")),
        ("do 15. 11.", Deadline("words", text="do 15. 11.")),
        ("31. 2. 2016", Deadline("words", text="31. 2. 2016")),
        (
            "po schválení zprávy z 1. 11. 2016",
            Deadline("words", text="po schválení zprávy z 1. 11. 2016"),
        ),
    ],
)
def test_parse_deadline(text, deadline):
    assert parse_deadline(text) == deadline


def test_parse_deadline_with_year_dates_day_and_month():
    assert parse_deadline("do 15. 11.", year=2016) == Deadline("date", D(2016, 11, 15))


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_parse_deadline_of_no_words_is_none(text):
    assert parse_deadline(text) is None


@pytest.mark.parametrize(
    ("text", "year", "day"),
    [
        ("do další PS (15. 11. 2016)", None, D(2016, 11, 15)),
        ("1. 11. 2016", None, D(2016, 11, 1)),
        ("do další PS (15. 11.)", 2016, D(2016, 11, 15)),
        ("do další PS (15. 11.)", None, None),
        ("průběžně", None, None),
        ("by the next meeting on 3 May 2016", None, D(2016, 5, 3)),
    ],
)
def test_deadline_date_hint(text, year, day):
    assert deadline_date_hint(text, year=year) == day


def test_month_names_cover_every_month_in_both_languages():
    assert sorted(set(MONTHS_CS.values())) == list(range(1, 13))
    assert sorted(set(MONTHS_EN.values())) == list(range(1, 13))
    assert MONTHS_CS["září"] == 9 and MONTHS_CS["listopad"] == 11 and MONTHS_CS["ledna"] == 1
    assert MONTHS_EN["september"] == 9


# ------------------------------------------------------------- prose dates (issue 22)
# The texts are quoted from real minutes: issue 22 quotes them, tests/fixtures/real has more.


@pytest.mark.parametrize(
    ("text", "first", "last", "span"),
    [
        (
            "konaného dne 16. června 2026 od 18.00 hodin",
            D(2026, 6, 16),
            D(2026, 6, 16),
            "16. června 2026",
        ),
        ("05. 06. 2014 od 13:00 hod.", D(2014, 6, 5), D(2014, 6, 5), "05. 06. 2014"),
        (
            "22nd November 2018, The Old School, …",
            D(2018, 11, 22),
            D(2018, 11, 22),
            "22nd November 2018",
        ),
        ("May 15-16, 2019", D(2019, 5, 15), D(2019, 5, 16), "May 15-16, 2019"),
        # the day of the week belongs to the date: it is no place
        ("Wednesday 12 March 2008", D(2008, 3, 12), D(2008, 3, 12), "Wednesday 12 March 2008"),
        (
            "held on Wednesday 12, December 2007 were",
            D(2007, 12, 12),
            D(2007, 12, 12),
            "Wednesday 12, December 2007",
        ),
        # a weekday that is not the date's own stays out of it (pdf-ppss-committee-2016-04:
        # 4 April 2016 was a Monday), so the word is not lost with the date
        ("Date: Tuesday 4 April, 2016", D(2016, 4, 4), D(2016, 4, 4), "4 April, 2016"),
        # a superscript ordinal set apart by a PDF's text (pdf-north-of-tyne-lpc-2018-11)
        (
            "Date: Wednesday 14 th November 2018",
            D(2018, 11, 14),
            D(2018, 11, 14),
            "Wednesday 14 th November 2018",
        ),
    ],
)
def test_find_period(text, first, last, span):
    found = find_period(text)
    assert found is not None
    assert (found.first, found.last, text[found.start : found.end]) == (first, last, span)


def test_find_period_none_for_no_date_and_for_days_backwards():
    assert find_period("konaného dne v hod. v sále KD") is None  # obec-koclirov, line 1
    assert find_period("May 16-15, 2019") is None  # the quoted range, reversed


def test_find_date_of_a_range_is_its_first_day():
    assert find_date("May 15-16, 2019") == (D(2019, 5, 15), 0, 15)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("konaného dne 16. června 2026 od 18.00 hodin", T(18, 0)),
        ("05. 06. 2014 od 13:00 hod.", T(13, 0)),
        ("bylo zahájeno v 18.00 hodin starostou obce", T(18, 0)),  # obec-zbilidy, line 21
        ("Jednání zahájeno v 19:15 hod.", T(19, 15)),  # obec-uholicky, line 3
        ("began at 9:14", T(9, 14)),
    ],
)
def test_find_times_in_prose(text, start):
    assert find_times(text) == (start, None)


def test_months_and_weekdays_come_from_cldr():
    """Babel's CLDR names: the Czech genitive and nominative, English with abbreviations."""
    assert MONTHS_CS["června"] == MONTHS_CS["červen"] == 6
    assert MONTHS_EN["november"] == MONTHS_EN["nov"] == MONTHS_EN["sept"] + 2 == 11
    assert {"středa", "wednesday"} <= set(WEEKDAYS)
