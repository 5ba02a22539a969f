"""Real data: every value in the seed articles, with its expected kind, interval and qualifier.

Only 002 prints its publication date ("Ekleme: 29.03.2023"), so only there are relative dates
resolved; elsewhere they must come out unresolved. Expectations were written by reading each
article; a value not listed here must not be found (precision), a listed one must be.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from verify.extract.values import find_values

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"
PUBLISHED = {"002_4cb5879784269bd4.txt": dt.date(2023, 3, 29)}


def D(year: int, month: int, day: int) -> int:  # noqa: N802 - reads like a date literal
    return dt.date(year, month, day).toordinal()


Row = tuple[str, str, float | None, float | None, str | None, str]

EXPECTED: dict[str, list[Row]] = {
    "000_380740b5efdd1092.txt": [
        ('أمس', "date", None, None, 'day', "exact"),
        ('شهر', "duration", 30.4375, 30.4375, 'day', "exact"),
        ('أول', "ordinal", 1, 1, None, "exact"),
        ('30 مسؤولاً', "count", 30.0, 30.0, None, "exact"),
        ('أمس', "date", None, None, 'day', "exact"),
        ('25 كيلومتراً', "length", 25.0, 25.0, 'km', "exact"),
        ('نحو 1000 كيلومتر', "length", 900.0, 1100.0, 'km', "about"),
        ('أول', "ordinal", 1, 1, None, "exact"),
        ('30 عاماً', "duration", 10957.5, 10957.5, 'day', "exact"),
        ('الشهر الماضي', "date-range", None, None, 'day', "range"),
        ('الشهر الماضي', "date-range", None, None, 'day', "range"),
        ('أربعة دبلوماسيين', "count", 4.0, 4.0, None, "exact"),
        ('الأسبوع الماضي', "date-range", None, None, 'day', "range"),
        ('اتصالين', "count", 2.0, 2.0, None, "exact"),
        ('يناير (كانون الثاني)', "date-range", None, None, 'day', "range"),
        ('الشهر الماضي', "date-range", None, None, 'day', "range"),
    ],
    "001_decb7cdc42e1d4d6.txt": [
        ('اليوم الخميس', "date", None, None, 'day', "exact"),
        ('يومين', "duration", 2.0, 2.0, 'day', "exact"),
        ('هذا العام', "year", None, None, 'year', "exact"),
        ('الأربعاء', "date", None, None, 'day', "exact"),
        ('الثلاثاء', "date", None, None, 'day', "exact"),
        ('أول', "ordinal", 1, 1, None, "exact"),
        ('مايو/أيار', "date-range", None, None, 'day', "range"),
        ('أول', "ordinal", 1, 1, None, "exact"),
        ('نهاية مارس/آذار الماضي', "date-range", None, None, 'day', "range"),
        ('30 عاما', "duration", 10957.5, 10957.5, 'day', "exact"),
        ('أوائل تسعينات القرن الماضي', "year", None, None, 'year', "range"),
        ('عام 2021', "year", 2021, 2021, 'year', "exact"),
        ('عام 2022', "year", 2022, 2022, 'year', "exact"),
        ('وتجاوزت مبيعاتها من 740 مليون دولار', "money", 740000000.0, None, 'USD', "more-than"),
        ('بين 2017 و2019', "year", 2017, 2019, 'year', "range"),
        ('أبريل/نيسان', "date-range", None, None, 'day', "range"),
        ('أقل من 20 كلم', "length", 0.0, 20.0, 'km', "less-than"),
    ],
    "002_4cb5879784269bd4.txt": [
        ('29.03.2023', "date", D(2023, 3, 29), D(2023, 3, 29), 'day', "exact"),
        ('29.03.2023', "date", D(2023, 3, 29), D(2023, 3, 29), 'day', "exact"),
        ('اليوم الأربعاء', "date", D(2023, 3, 29), D(2023, 3, 29), 'day', "exact"),
        ('السنوات الثلاثين', "duration", 10957.5, 10957.5, 'day', "exact"),
        ('أواخر كانون الأول/ ديسمبر الماضي', "date-range", D(2022, 12, 20), D(2022, 12, 31), 'day', "range"),
        ('لأول', "ordinal", 1, 1, None, "exact"),
        ('عام 1992', "year", 1992, 1992, 'year', "exact"),
        ('السنوات الثلاثين', "duration", 10957.5, 10957.5, 'day', "exact"),
        ('بالعام 2021', "year", 2021, 2021, 'year', "exact"),
        ('تشرين الثاني/ نوفمبر الماضي', "date-range", D(2022, 11, 1), D(2022, 11, 30), 'day', "range"),
        ('114 شركة', "count", 114.0, 114.0, None, "exact"),
        ('العام 1993', "year", 1993, 1993, 'year', "exact"),
        ('قرابة 30 عاماً', "duration", 9861.75, 12053.25, 'day', "about"),
        ('2020', "year", 2020, 2020, 'year', "exact"),
    ],
    "003_030399cd39890128.txt": [
        ('يوم الثلاثاء', "date", None, None, 'day', "exact"),
        ('الـ 75', "ordinal", 75.0, 75.0, None, "exact"),
        ('يوم الأربعاء', "date", None, None, 'day', "exact"),
        ('عام 2020', "year", 2020, 2020, 'year', "exact"),
        ('أبريل', "date-range", None, None, 'day', "range"),
        ('أكثر من 30٪', "percent", 30.0, None, '%', "more-than"),
        ('مارس', "date-range", None, None, 'day', "range"),
        ('أبريل نيسان 2021', "date-range", D(2021, 4, 1), D(2021, 4, 30), 'day', "range"),
        ('العام الماضي', "year", None, None, 'year', "exact"),
        ('69٪', "percent", 69.0, 69.0, '%', "exact"),
        ('2016-2020', "year", 2016, 2020, 'year', "range"),
        ('17٪', "percent", 17.0, 17.0, '%', "exact"),
        ('عام 2020', "year", 2020, 2020, 'year', "exact"),
        ('ستة أسابيع', "duration", 42.0, 42.0, 'day', "exact"),
        ('أكثر من 6000 جندي', "count", 6000.0, None, None, "more-than"),
        ('عام 1991', "year", 1991, 1991, 'year', "exact"),
        ('عام 1992', "year", 1992, 1992, 'year', "exact"),
        ('أكتوبر', "date-range", None, None, 'day', "range"),
        ('ديسمبر', "date-range", None, None, 'day', "range"),
        ('أول', "ordinal", 1, 1, None, "exact"),
        ('أقل من شهرين', "duration", 0.0, 60.875, 'day', "less-than"),
    ],
    "004_5307e4666b6ec7d6.txt": [
        ('اليوم الأربعاء 29 مارس (آذار)', "date", None, None, 'day', "exact"),
        ('الشهر المقبل', "date-range", None, None, 'day', "range"),
        ('السنوات السبع', "duration", 2556.75, 2556.75, 'day', "exact"),
        ('ما لا يقل عن 92 طائرة', "count", 92.0, None, None, "at-least"),
        ('الأولى', "ordinal", 1, 1, None, "exact"),
    ],
}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not present")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_values(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    found = [
        (text[v.start:v.end], v.kind.value,
         None if v.low is None else round(v.low, 4),
         None if v.high is None else round(v.high, 4), v.unit, v.qualifier.value)
        for v in find_values(text, published=PUBLISHED.get(name))
    ]
    assert found == EXPECTED[name]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not present")
def test_seed_dates_resolve_once_publication_is_known() -> None:
    text = (SEEDS / "004_5307e4666b6ec7d6.txt").read_text(encoding="utf-8")
    values = find_values(text, published=dt.date(2023, 3, 29))
    first = values[0]
    assert text[first.start:first.end] == "اليوم الأربعاء 29 مارس (آذار)"
    assert first.low == first.high == D(2023, 3, 29)
    assert all(v.resolved for v in values)
