"""Dates: both Arabic month systems, English, Hijri, numeric, decades and relative phrases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.claims import Kind
from verify.extract import dates
from verify.extract.dates import AR_MONTHS, hijri_to_ordinal
from verify.extract.gates import Window
from verify.extract.values import find_values

PUB = dt.date(2023, 3, 29)  # a Wednesday
LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول"]
GREGORIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر"]


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["greg", "lev", "pair", "en", "dotted", "iso"]))
def test_any_written_date_parses_back(day: dt.date, style: str) -> None:
    written = {
        "greg": f"{day.day} {GREGORIAN[day.month - 1]} {day.year}",
        "lev": f"{day.day} {LEVANTINE[day.month - 1]} {day.year}",
        "pair": f"{day.day} {GREGORIAN[day.month - 1]}/{LEVANTINE[day.month - 1]} {day.year}",
        "en": day.strftime("%d %B %Y").lstrip("0"),
        "dotted": day.strftime("%d.%m.%Y"),
        "iso": day.isoformat(),
    }[style]
    text = f"وقع الحدث في {written} حسب البيان"
    (value,) = find_values(text)
    assert text[value.start:value.end] == written
    assert value.low == value.high == day.toordinal()


def test_month_tables_cover_twelve_months_twice() -> None:
    assert sorted(set(AR_MONTHS.values())) == list(range(1, 13))


@pytest.mark.parametrize(
    ("text", "words", "low", "high"),
    [
        ("وصل أمس إلى المدينة", "أمس", dt.date(2023, 3, 28), dt.date(2023, 3, 28)),
        ("اجتمعوا الثلاثاء في القصر", "الثلاثاء", dt.date(2023, 3, 28), dt.date(2023, 3, 28)),
        ("تبدأ المحادثات الأسبوع المقبل", "الأسبوع المقبل", dt.date(2023, 4, 3),
         dt.date(2023, 4, 9)),
        ("They met on Tuesday in Baku.", "on Tuesday", dt.date(2023, 3, 28), dt.date(2023, 3, 28)),
        ("Talks resume next month.", "next month", dt.date(2023, 4, 1), dt.date(2023, 4, 30)),
        ("تدهورت العلاقات الشهر الماضي", "الشهر الماضي", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("افتتحت في نهاية مارس الماضي", "نهاية مارس الماضي", dt.date(2022, 3, 20),
         dt.date(2022, 3, 31)),
        ("It opened in early April.", "early April", dt.date(2023, 4, 1), dt.date(2023, 4, 10)),
    ],
)
def test_relative_dates(text: str, words: str, low: dt.date, high: dt.date) -> None:
    (value,) = find_values(text, published=PUB)
    assert text[value.start:value.end] == words
    assert (value.low, value.high) == (low.toordinal(), high.toordinal())


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("منذ مطلع تسعينيات القرن الماضي", 1990, 1994), ("since the early 1990s", 1990, 1994),
     ("في أواخر الثمانينيات", 1985, 1989), ("from 2017 to 2019", 2017, 2019),
     ("بين عامي 2014 و2016", 2014, 2016), ("في 2016-2020", 2016, 2020)],
)
def test_year_ranges_and_decades(text: str, low: int, high: int) -> None:
    (value,) = find_values(text, published=PUB)
    assert (value.kind, value.low, value.high) == (Kind.YEAR, low, high)


def test_hijri_conversion_matches_known_dates() -> None:
    # 1 Muharram 1445 was 19 July 2023; 1 Ramadan 1444 was 23 March 2023 (±1 day tabular).
    assert abs(hijri_to_ordinal(1445, 1, 1) - dt.date(2023, 7, 19).toordinal()) <= 1
    assert abs(hijri_to_ordinal(1444, 9, 1) - dt.date(2023, 3, 23).toordinal()) <= 1


def test_hijri_date_in_text_is_widened_by_a_day() -> None:
    (value,) = find_values("صدر القرار في 15 رمضان 1444 هـ")
    assert value.low is not None and value.high is not None
    assert value.low <= dt.date(2023, 4, 6).toordinal() <= value.high
    assert value.high - value.low == 2


def test_bare_month_that_is_also_a_verb_is_not_a_date() -> None:
    text = "مارس الضغط على الحكومة"
    assert find_values(text, published=PUB) == []


@pytest.mark.parametrize("published", [PUB, None])
@pytest.mark.parametrize("text", ["He arrived in March.", "They met early March", "وصل في مارس"])
def test_month_alone_after_a_cue_in_either_pattern(text: str, published: dt.date | None) -> None:
    # The English and Arabic month patterns have different groups (only the Arabic one has
    # a second month name); reading a month with no day or year must not ask either for a
    # group it lacks (an early version raised IndexError: no such group here).
    values = find_values(text, published=published)
    assert [v.kind for v in values] == [Kind.DATE_RANGE]
    assert values[0].resolved is (published is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["MARCH", "maRch", "Mar.", "market", "Sept.", "ſept", "ſeptember", "DEC",
                                 "deK", "Kelvin", "İ", "jan", "janı", "JUNE", "junes", "May", "mayor",
                                 "Σ", "ΣΑ", "3", "-", ".", "_"]), max_size=6),
       st.sampled_from([" ", "", "-", "."]))
def test_the_english_month_gate_holds_where_a_month_name_does(words: list[str], glue: str) -> None:
    # The gate reads the lower-cased stretch with a lower-case month pattern; it must hold
    # exactly where the case-blind month pattern finds a month in the text.
    text = glue.join(words)
    also = dates._EN_MONTH_GATE.also
    assert also is not None
    window = Window(text, 0, len(text))
    assert window.opens(also) == (dates.EN_MONTH_RE.search(text) is not None)
