"""find_values on sentences written for the test, plus properties that hold for any text."""

from __future__ import annotations

import datetime as dt
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.claims import Kind, Qualifier, Value
from verify.extract import dates, gates, values
from verify.extract.gates import Window
from verify.extract.values import find_values

PUB = dt.date(2023, 3, 29)


def only(text: str, published: dt.date | None = None) -> tuple[str, Value]:
    values = find_values(text, published=published)
    assert len(values) == 1, [(text[v.start:v.end], v) for v in values]
    return text[values[0].start:values[0].end], values[0]


@pytest.mark.parametrize(
    ("text", "words", "kind", "low", "high", "unit", "qualifier"),
    [
        ("تقع المدينة على بعد نحو 1000 كيلومتر من الساحل", "نحو 1000 كيلومتر", Kind.LENGTH,
         900, 1100, "km", Qualifier.ABOUT),
        ("المسافة أقل من 20 كلم فقط", "أقل من 20 كلم", Kind.LENGTH, 0, 20, "km",
         Qualifier.LESS_THAN),
        ("The base lies less than 20 km from the border.", "less than 20 km", Kind.LENGTH, 0,
         20, "km", Qualifier.LESS_THAN),
        ("بلغت الصادرات أكثر من 740 مليون دولار", "أكثر من 740 مليون دولار", Kind.MONEY,
         740e6, None, "USD", Qualifier.MORE_THAN),
        ("Exports were worth over $5bn last decade.", "over $5bn", Kind.MONEY, 5e9, None, "USD",
         Qualifier.MORE_THAN),
        ("شكلت ٦٩٪ من الواردات", "٦٩٪", Kind.PERCENT, 69, 69, "%", Qualifier.EXACT),
        ("ارتفعت الأسعار بنسبة 12 في المائة", "12 في المائة", Kind.PERCENT, 12, 12, "%",
         Qualifier.EXACT),
        ("رافقه وفد من 30 مسؤولاً", "30 مسؤولاً", Kind.COUNT, 30, 30, None, Qualifier.EXACT),
        ("طردت الحكومة أربعة دبلوماسيين", "أربعة دبلوماسيين", Kind.COUNT, 4, 4, None,
         Qualifier.EXACT),
        ("أجرى الوزير اتصالين بنظيره", "اتصالين", Kind.COUNT, 2, 2, None, Qualifier.EXACT),
        ("استمرت الزيارة يومين", "يومين", Kind.DURATION, 2, 2, "day", Qualifier.EXACT),
        ("The truce held for six weeks.", "six weeks", Kind.DURATION, 42, 42, "day",
         Qualifier.EXACT),
        ("حلقت ما لا يقل عن 92 طائرة", "ما لا يقل عن 92 طائرة", Kind.COUNT, 92, None, None,
         Qualifier.AT_LEAST),
        ("قتل 5 أشخاص على الأقل", "5 أشخاص على الأقل", Kind.COUNT, 5, None, None,
         Qualifier.AT_LEAST),
        ("The bridge is 3-5 km long.", "3-5 km", Kind.LENGTH, 3, 5, "km", Qualifier.RANGE),
        ("يمتد الجدار بين 3 و5 كيلومترات", "بين 3 و5 كيلومترات", Kind.LENGTH, 3, 5, "km",
         Qualifier.RANGE),
        ("He is aged 45 and lives abroad.", "aged 45", Kind.AGE, 45, 45, "year", Qualifier.EXACT),
        ("وصلت الشحنة بعد عام ونصف", "عام ونصف", Kind.DURATION, 547.875, 547.875, "day",
         Qualifier.EXACT),
        ("احتفلت البلاد بعيد استقلالها الـ 75", "الـ 75", Kind.ORDINAL, 75, 75, None,
         Qualifier.EXACT),
    ],
)
def test_quantities(text: str, words: str, kind: Kind, low: float | None, high: float | None,
                    unit: str | None, qualifier: Qualifier) -> None:
    found, value = only(text)
    assert found == words
    assert (value.kind, value.low, value.high, value.unit, value.qualifier) == (
        kind, low, high, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "words", "kind", "low", "high"),
    [
        ("وقعت الاتفاقية عام 2021 في العاصمة", "عام 2021", Kind.YEAR, 2021, 2021),
        ("قدمت إسرائيل الأسلحة في 2016-2020، وفق التقرير", "2016-2020", Kind.YEAR, 2016, 2020),
        ("ارتفعت المبيعات بين 2017 و2019", "بين 2017 و2019", Kind.YEAR, 2017, 2019),
        ("افتتحت السفارة في 29 مارس (آذار) 2023", "29 مارس (آذار) 2023", Kind.DATE,
         dt.date(2023, 3, 29).toordinal(), dt.date(2023, 3, 29).toordinal()),
        ("Ekleme: 29.03.2023", "29.03.2023", Kind.DATE, dt.date(2023, 3, 29).toordinal(),
         dt.date(2023, 3, 29).toordinal()),
        ("افتتحت في نهاية مارس/آذار 2023", "نهاية مارس/آذار 2023", Kind.DATE_RANGE,
         dt.date(2023, 3, 20).toordinal(), dt.date(2023, 3, 31).toordinal()),
        ("يعود ذلك إلى أوائل تسعينات القرن العشرين", "أوائل تسعينات القرن العشرين", Kind.YEAR,
         1990, 1994),
    ],
)
def test_dates(text: str, words: str, kind: Kind, low: float, high: float) -> None:
    found, value = only(text)
    assert (found, value.kind, value.low, value.high) == (words, kind, low, high)


def test_relative_date_resolves_against_publication() -> None:
    found, value = only("وصل الوزير أمس إلى العاصمة", PUB)
    assert found == "أمس"
    assert value.low == value.high == dt.date(2023, 3, 28).toordinal()


def test_relative_date_without_publication_is_unresolved() -> None:
    _, value = only("وصل الوزير أمس إلى العاصمة")
    assert value.resolved is False
    assert value.low is None and value.high is None


@pytest.mark.parametrize(
    "text",
    [
        "ذكرت قناة «أي نيوز24» الإخبارية",
        "Call +972 3 555 1234 for details",
        "وفقا للمادة 5 من الدستور",
        "at 16:06:44 the session ended",
        "The G20 summit met.",
    ],
)
def test_labels_names_and_times_are_not_values(text: str) -> None:
    assert [text[v.start:v.end] for v in find_values(text)] == []


def test_offsets_are_into_the_whole_text() -> None:
    text = "مقدمة طويلة. المسافة 25 كيلومتراً فقط."
    values = find_values(text, 13, len(text))
    assert [text[v.start:v.end] for v in values] == ["25 كيلومتراً"]
    assert find_values(text, 0, 12) == []


ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
TEXT = st.text(st.one_of(ARABIC, st.characters(), st.sampled_from(list(" ٪%-/.,0123456789"))))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_never_raises_and_spans_are_sorted_and_disjoint(text: str) -> None:
    values = find_values(text)
    for left, right in zip(values, values[1:], strict=False):
        assert left.end <= right.start
    for value in values:
        assert 0 <= value.start < value.end <= len(text)
        assert text[value.start:value.end].strip() == text[value.start:value.end]


WORDS = st.lists(
    st.sampled_from(["نحو", "أكثر من", "عام", "2020", "٣٠", "كيلومتر", "مليون", "دولار", "بين",
                     "و", "في", "مارس", "آذار", "/", "-", "about", "km", "over", "$", "5",
                     "million", "أمس", "ستة", "أسابيع", "the", "1990s", "٪"]),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.sampled_from([None, PUB]))
def test_word_soup_never_raises(words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    for value in find_values(text, published=published):
        assert text[value.start:value.end]
        if value.low is not None and value.high is not None:
            assert value.low <= value.high


GATED = st.lists(
    st.sampled_from(["ستة", "ستةً", "ست", "عشرين", "تسعينيات", "اتصالين", "يومين", "السنوات",
                     "السبع", "الأول", "أول", "أمس", "الثلاثاء", "الجمعة", "هذا", "الشهر", "الماضي",
                     "آب", "أب", "آذار", "كانون الثاني", "رمضان", "1444", "شوال", "عمره", "عاماً",
                     "عام", "ونصف", "بعد", "منذ", "نحو", "أكثر من", "مليون", "ألف", "آلاف", "و",
                     "خمسة وعشرين", "بين", "إلى", "2019", "٢٠٢٢", "٪", "March", "May", "aged",
                     "Monday", "last", "year", "the", "1990s", "early", "third", "K", "ſ", "İ",
                     "ـ", "،", "-", "/", ".", "عمره 45 عاماً", "ستة أشهر", "بين 2017 و2019",
                     "29 آذار/مارس 2023", "الأسبوع المقبل", "يوم الثلاثاء 5", "the 1990s", "$5bn", "US$ 3",
                     "usd4", "€3", "29.03.2023",
                     "2023-03-29", "2016-2020", "1990-95", "من 2017 إلى 2019", "between 2001 and 2003",
                     "FROM 1999 TO 2002", "The Year 2020", "لعام 2021", "بالعام ٢٠٢٢", "وعام 2020",
                     "5 رمضان 1444 هـ", "خلال عام ونصف", "aged 45", "3 March", "ما لا يزيد على",
                     "لا يتجاوز", "وتجاوزت مبيعاتها", "فاقت", "بنحو", "نصف مليون", "والثلاثين",
                     "بالألف", "approximately", "In excess of", "a dozen", "half a million",
                     "an half of a million", "Thirty-five", "ONE", "uSd", "eUr", "nIs 4"]),
    max_size=10,
)


@settings(max_examples=300, deadline=None)
@given(GATED, st.sampled_from(["", "", " ", "و", "ال"]), st.sampled_from([None, PUB]))
def test_gates_change_no_result(words: list[str], glue: str, published: dt.date | None,
                                ) -> None:
    # A scanner is skipped where its gate says it cannot match; running every scanner
    # everywhere must find the same values.
    text = " ".join(glue + word for word in words)
    fast = find_values(text, published=published)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Window, "opens", lambda self, gate: True)
        assert find_values(text, published=published) == fast


STARTED = [(values.SINGLE_RE, values.SINGLE_STARTS), (values.RANGE_RE, values.NUMBER_STARTS),
           (values.AGE_RE, values.NUMBER_STARTS), (values.DUAL_RE, values.WORD_STARTS),
           (dates.AR_DATE_RE, dates.AR_DATE_STARTS), (values.SINGULAR_RE, values.SINGULAR_STARTS),
           (values.ORDINAL_RE, values.ORDINAL_STARTS), (dates.RELATIVE_RE, dates.RELATIVE_STARTS),
           (dates.NUMERIC_DATE_RE, dates.NUMERIC_STARTS),
           (dates.YEAR_RANGE_RE, dates.YEAR_RANGE_STARTS), (dates.YEAR_RE, dates.YEAR_STARTS)]


@settings(max_examples=300, deadline=None)
@given(GATED, st.sampled_from(["", "", " ", "و", "ال", "x", "-"]))
def test_start_tests_change_no_match(words: list[str], glue: str) -> None:
    # Each scanner is tried only where its start test holds; tried everywhere, it must
    # find the same matches.
    text = " ".join(glue + word for word in words)
    for started, starts in STARTED:
        everywhere = re.compile(started.pattern.removeprefix(f"(?={starts})"), started.flags)
        assert everywhere.pattern != started.pattern
        assert ([m.span() for m in started.finditer(text)]
                == [m.span() for m in everywhere.finditer(text)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2019 Iran opened a consulate in Baku.", [("2019", Kind.YEAR)]),
        ("In 2021 workers at the port struck.", [("2021", Kind.YEAR)]),
        ("Since 2005 Kavir Steel has built 3 plants.",
         [("2005", Kind.YEAR), ("3 plants", Kind.COUNT)]),
        ("منذ 2005 افتتحت الشركة 3 مصانع", [("2005", Kind.YEAR), ("3 مصانع", Kind.COUNT)]),
        # no word of time before the number, or no year's digits: a count
        ("The mill employs 2021 workers.", [("2021 workers", Kind.COUNT)]),
        ("In 2,021 cases the court ruled.", [("2,021 cases", Kind.COUNT)]),
        ("In 1500 ships sailed.", [("1500 ships", Kind.COUNT)]),
    ],
)
def test_a_year_that_a_word_of_time_introduces_starts_no_count(
        text: str, expected: list[tuple[str, Kind]]) -> None:
    assert [(text[v.start:v.end], v.kind) for v in find_values(text)] == expected


def test_an_english_counted_noun_phrase_is_the_values_words() -> None:
    assert only("The ministers held two phone calls.")[0] == "two phone calls"
    assert only("Three heavy cargo planes landed.")[0] == "Three heavy cargo planes"
    assert only("About 60 flights left.")[0] == "About 60 flights"
    assert only("One man dies every day.")[0] == "One man"  # a verb follows "one", no plural


def test_a_number_after_that_is_no_label() -> None:
    assert only("Officials said that 300 jobs were lost.")[0] == "300 jobs"


def test_the_latin_gate_holds_where_a_case_blind_latin_letter_does() -> None:
    # Gates look for Latin letters with a spelled-out class; it must hold exactly where
    # IGNORECASE's [a-z] matches (K, ſ, ı and İ included).
    blind = re.compile("(?i:[a-z])")
    assert all((blind.fullmatch(ch) is None) == (gates._LATIN.fullmatch(ch) is None)
               for ch in map(chr, range(sys.maxunicode + 1)))


@pytest.mark.parametrize("code", ["ıls", "nıs", "uſd", "ilſ", "uſ$"])
def test_a_code_spelled_with_a_look_alike_letter_is_no_currency(code: str) -> None:
    # Unicode case folding takes ı for i and ſ for s, but the codes are ASCII: such a word
    # names no currency (a "$" written after it still does).
    text = f"They paid {code} 4 million dollars."
    (value,) = find_values(text)
    assert value.start >= text.index(code) + len(code.rstrip("$"))
    assert value.currency == "USD"
