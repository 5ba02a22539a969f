"""Units: every spelling maps to one canonical unit per dimension."""

from __future__ import annotations

import pytest

from verify.claims import Kind
from verify.extract.values import find_values


@pytest.mark.parametrize(
    ("text", "kind", "amount", "unit"),
    [
        ("على بعد 5 كيلومترات", Kind.LENGTH, 5, "km"),
        ("على بعد 5 كلم", Kind.LENGTH, 5, "km"),
        ("على بعد 5km", Kind.LENGTH, 5, "km"),
        ("a distance of 5 miles", Kind.LENGTH, 5 * 1.609344, "km"),
        ("طوله 500 متر", Kind.LENGTH, 0.5, "km"),
        ("مساحتها 30 كيلومترا مربعا", Kind.AREA, 30, "km2"),
        ("covers 100 hectares", Kind.AREA, 1, "km2"),
        ("وزنها 2 طن", Kind.WEIGHT, 2000, "kg"),
        ("weighs 40 kg", Kind.WEIGHT, 40, "kg"),
        ("بنسبة 5 بالمئة", Kind.PERCENT, 5, "%"),
        ("rose 5 per cent", Kind.PERCENT, 5, "%"),
        ("قيمتها 5 يورو", Kind.MONEY, 5, "EUR"),
        ("cost €5", Kind.MONEY, 5, "EUR"),
        ("بلغت 5 ملايين مانات", Kind.MONEY, 5e6, "AZN"),
        ("lasted 3 weeks", Kind.DURATION, 21, "day"),
        ("لمدة 3 أشهر", Kind.DURATION, 3 * 365.25 / 12, "day"),
        ("منذ 3 سنوات", Kind.DURATION, 3 * 365.25, "day"),
    ],
)
def test_units_normalise(text: str, kind: Kind, amount: float, unit: str) -> None:
    (value,) = find_values(text)
    assert (value.kind, value.unit) == (kind, unit)
    assert value.low == pytest.approx(amount)
    assert value.high == pytest.approx(amount)


def test_money_carries_its_currency() -> None:
    (value,) = find_values("بلغت المبيعات 740 مليون دولار")
    assert value.currency == "USD"


def test_a_year_after_a_unit_word_is_a_year_not_a_duration() -> None:
    text = "بلغ عددهم مليونين عام 2020"
    assert [text[v.start:v.end] for v in find_values(text)] == ["عام 2020"]
