"""Interval comparison of two claims: overlap, disjointness, tolerance, dimension, scope."""

from __future__ import annotations

from datetime import date

import pytest

from verify.claims import Claim, Kind, Qualifier, Value
from verify.compare import ABOUT, ROUNDING, compare, describe, interval


def claim(
    kind: Kind,
    low: float | None,
    high: float | None = None,
    *,
    unit: str | None = None,
    q: Qualifier = Qualifier.EXACT,
    source: str | None = None,
    scope: tuple[str, ...] = (),
    currency: str | None = None,
    resolved: bool = True,
) -> Claim:
    """A hand-built claim; only the value, source and scope matter to compare()."""
    if high is None and q in (Qualifier.EXACT, Qualifier.ABOUT, Qualifier.RANGE):
        high = low
    value = Value(kind, 0, 1, low, high, unit, q, resolved=resolved, currency=currency)
    return Claim(0, 10, value, ("x",), source=source, scope=scope)


def day(y: int, m: int, d: int) -> float:
    return float(date(y, m, d).toordinal())


def test_exact_against_less_than_is_a_number_conflict() -> None:
    # "25 km" against "less than 20 km" (the design table's first row, as hand-built values)
    result = compare(
        claim(Kind.LENGTH, 25, unit="km"),
        claim(Kind.LENGTH, None, 20, unit="km", q=Qualifier.LESS_THAN),
    )
    assert result.verdict == "conflict"
    assert result.conflict_kind == "number"
    assert "25 km (exact)" in result.explanation
    assert "less than 20 km" in result.explanation
    assert "[25, 25]±1% vs [0, 20)" in result.explanation


def test_a_range_holding_a_day_is_consistent() -> None:
    # "end of March" (a range) against "29 March" (a day): one holds the other
    end_of_march = claim(Kind.DATE_RANGE, day(2023, 3, 21), day(2023, 3, 31), q=Qualifier.RANGE)
    the_29th = claim(Kind.DATE, day(2023, 3, 29))
    result = compare(end_of_march, the_29th)
    assert result.verdict == "consistent"
    assert result.conflict_kind is None
    assert "one holds the other" in result.explanation
    assert "2023-03-29" in result.explanation


def test_other_measure_is_not_comparable_never_conflict() -> None:
    money = claim(Kind.MONEY, 740e6, None, unit="USD", currency="USD", q=Qualifier.MORE_THAN,
                  scope=("2017-2019",))
    share = claim(Kind.PERCENT, 69, unit="%", scope=("2016-2020",))
    result = compare(money, share)
    assert result.verdict == "not-comparable"
    assert "measure different things" in result.explanation


def test_other_time_scope_is_not_comparable() -> None:
    a = claim(Kind.PERCENT, 69, unit="%", scope=("2016-2020",))
    b = claim(Kind.PERCENT, 40, unit="%", scope=("2011–2015",))
    result = compare(a, b)
    assert result.verdict == "not-comparable"
    assert "2011-2015" in result.explanation


def test_same_scope_written_with_another_dash_compares() -> None:
    a = claim(Kind.PERCENT, 69, unit="%", scope=("2016-2020",))
    b = claim(Kind.PERCENT, 40, unit="%", scope=("2016 – 2020",))
    assert compare(a, b).verdict == "conflict"


def test_rounding_tolerance_is_pinned() -> None:
    # exact figures stand for x ± 1%: 100 vs 101.9 overlap, 100 vs 102.1 do not
    assert ROUNDING == 0.01
    near = compare(claim(Kind.COUNT, 100), claim(Kind.COUNT, 101.9))
    far = compare(claim(Kind.COUNT, 100), claim(Kind.COUNT, 102.1))
    assert near.verdict == "consistent"
    assert far.verdict == "conflict"


def test_about_tolerance_is_pinned() -> None:
    # "about 1000" stands for 900..1100
    assert ABOUT == 0.10
    about = claim(Kind.LENGTH, 1000, unit="km", q=Qualifier.ABOUT)
    assert compare(about, claim(Kind.LENGTH, 1080, unit="km")).verdict == "consistent"
    assert compare(about, claim(Kind.LENGTH, 1150, unit="km")).verdict == "conflict"
    iv = interval(about.value)
    assert (iv.low, iv.high) == (900, 1100)


def test_years_have_no_rounding_tolerance() -> None:
    result = compare(claim(Kind.YEAR, 2021), claim(Kind.YEAR, 2022))
    assert result.verdict == "conflict"
    assert result.conflict_kind == "date"


def test_year_holds_a_date_of_that_year() -> None:
    assert compare(claim(Kind.YEAR, 2023), claim(Kind.DATE, day(2023, 3, 29))).verdict == (
        "consistent"
    )
    assert compare(claim(Kind.YEAR, 2022), claim(Kind.DATE, day(2023, 3, 29))).verdict == (
        "conflict"
    )


def test_more_than_is_open_at_its_bound() -> None:
    over = claim(Kind.COUNT, 6000, None, q=Qualifier.MORE_THAN)
    assert compare(over, claim(Kind.COUNT, 7000)).verdict == "consistent"
    assert compare(over, claim(Kind.COUNT, 5000)).verdict == "conflict"
    assert compare(over, claim(Kind.COUNT, 3000, None, q=Qualifier.LESS_THAN)).verdict == (
        "conflict"
    )


def test_less_than_and_exactly_at_the_bound_touch_only_through_rounding() -> None:
    under = claim(Kind.LENGTH, None, 20, unit="km", q=Qualifier.LESS_THAN)
    at_most = claim(Kind.LENGTH, None, 20, unit="km", q=Qualifier.AT_MOST)
    at_least = claim(Kind.LENGTH, 20, None, unit="km", q=Qualifier.AT_LEAST)
    more = claim(Kind.LENGTH, 20, None, unit="km", q=Qualifier.MORE_THAN)
    assert compare(at_most, at_least).verdict == "consistent"
    assert compare(under, at_least).verdict == "conflict"
    assert compare(at_most, more).verdict == "conflict"


def test_miles_convert_to_kilometres_before_comparing() -> None:
    miles = claim(Kind.LENGTH, 10, unit="mi")
    assert compare(miles, claim(Kind.LENGTH, 16.1, unit="km")).verdict == "consistent"
    assert compare(miles, claim(Kind.LENGTH, 25, unit="km")).verdict == "conflict"


def test_other_currency_is_not_comparable() -> None:
    usd = claim(Kind.MONEY, 5e6, unit="USD", currency="USD")
    eur = claim(Kind.MONEY, 9e6, unit="EUR", currency="EUR")
    assert compare(usd, eur).verdict == "not-comparable"


def test_unresolved_relative_date_is_not_comparable() -> None:
    loose = claim(Kind.DATE, day(2023, 3, 1), resolved=False)
    assert compare(loose, claim(Kind.DATE, day(2023, 4, 1))).verdict == "not-comparable"


def test_same_figure_credited_to_different_sources_is_an_attribution_conflict() -> None:
    a = claim(Kind.PERCENT, 69, unit="%", source="SIPRI")
    b = claim(Kind.PERCENT, 69, unit="%", source="Haaretz newspaper")
    result = compare(a, b)
    assert result.verdict == "conflict"
    assert result.conflict_kind == "attribution"
    assert "SIPRI" in result.explanation and "Haaretz" in result.explanation


def test_one_source_spelled_two_ways_is_not_an_attribution_conflict() -> None:
    a = claim(Kind.PERCENT, 69, unit="%", source="معهد ستوكهولم الدولي لبحوث السلام")
    b = claim(Kind.PERCENT, 69, unit="%", source="معهد ستوكهولم الدولي لأبحاث السلام")
    assert compare(a, b).verdict == "consistent"


def test_one_source_cited_for_different_figures_is_an_attribution_conflict() -> None:
    a = claim(Kind.COUNT, 92, source="Haaretz")
    b = claim(Kind.COUNT, 29, source="haaretz")
    result = compare(a, b)
    assert (result.verdict, result.conflict_kind) == ("conflict", "attribution")
    assert "both cite" in result.explanation


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (Value(Kind.LENGTH, 0, 1, 1000, 1000, "km", Qualifier.ABOUT), "about 1,000 km"),
        (Value(Kind.DURATION, 0, 1, 10957.5, 10957.5, "day", Qualifier.EXACT),
         "30 years (exact)"),
        (Value(Kind.PERCENT, 0, 1, 69, 69, "%", Qualifier.EXACT), "69% (exact)"),
        (Value(Kind.YEAR, 0, 1, 2016, 2020, None, Qualifier.RANGE), "2016-2020"),
        (Value(Kind.DATE_RANGE, 0, 1, date(2023, 3, 1).toordinal(), date(2023, 3, 31).toordinal(),
               None, Qualifier.RANGE), "March 2023"),
        (Value(Kind.DATE, 0, 1, date(2023, 3, 29).toordinal(), date(2023, 3, 29).toordinal(),
               None, Qualifier.EXACT), "2023-03-29 (exact)"),
        (Value(Kind.MONEY, 0, 1, 740e6, None, "USD", Qualifier.MORE_THAN, currency="USD"),
         "more than 740,000,000 USD"),
    ],
)
def test_describe_reads_like_the_text(value: Value, words: str) -> None:
    assert describe(value) == words


def test_sources_named_in_two_scripts_are_told_apart_through_the_gazetteer() -> None:
    from verify.compare import _same_source

    assert _same_source("SIPRI", "معهد ستوكهولم الدولي لأبحاث السلام") is True
    assert _same_source("Haaretz", "معهد ستوكهولم الدولي لأبحاث السلام") is False
    assert _same_source("Haaretz", "وكالة مجهولة") is None
