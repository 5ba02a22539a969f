"""Dates, years, decades and relative time expressions, as day-ordinal or year intervals.

Conventions (what `compare` relies on):
- one day → kind date, [d, d] as `date.toordinal()`; a month, part of a month, a week or a
  day range → kind date-range, qualifier range, [first day, last day];
- a year → kind year, [y, y], unit "year"; a year range or a decade → kind year, qualifier
  range; parts of a month are generous (early 1–10, mid 10–20, late/end 20–last) and parts
  of a decade overlap (early 0–4, mid 3–7, late 5–9), because a too-narrow reading would
  raise false conflicts;
- relative expressions (أمس، الثلاثاء، الشهر الماضي، last year) are resolved against the
  publication date; a bare weekday means the latest such day on or before it (news reports
  the past), unless "المقبل/القادم/next" says otherwise. With no publication date the value
  keeps its span, has no bounds and `resolved=False`;
- Hijri dates use the tabular (arithmetical) Islamic calendar and are widened by a day on
  each side, since official calendars (Umm al-Qura, sighting) differ from it by a day or so.
Hand-written because no library reads both Arabic month systems, Hijri and relative phrases.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from verify.claims import Kind, Qualifier, Value
from verify.extract.gates import Gate, Window, english_heads, heads, key_words, starting
from verify.extract.numbers import (
    CLITIC_START,
    DIGIT,
    NUMBER_START,
    fold,
    to_ascii_digits,
    variants_pattern,
)

AR_MONTHS: dict[str, int] = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "جوان": 6, "جويليه": 7,
}
EN_MONTHS: dict[str, int] = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
     "sept": 9, "oct": 10, "nov": 11, "dec": 12}
HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4,
    "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي الاخره": 6, "جمادي الثانيه": 6,
    "جمادي الثاني": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}
AR_WEEKDAYS: dict[str, int] = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3,
                               "الجمعه": 4, "السبت": 5, "الاحد": 6}
EN_WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_SP = r"\s+"
_END = r"[\u064b-\u0652\u0640]*(?!\w)"
# "آب" (August) only with its madda: "أب" is "father".
_AR_MONTH = "(?:" + variants_pattern(list(AR_MONTHS)).replace(" ", _SP) + "|آب)" + _END
_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
    r"(?![\w])"
)
_DAY = f"(?:{DIGIT}{{1,2}})"
_YEAR = (
    f"(?:(?:1[89]|20|21){DIGIT}{DIGIT}"
    "|(?:[\u0661\u06f1][\u0668\u0669\u06f8\u06f9]|[\u0662\u06f2][\u0660\u06f0])"
    "[\u0660-\u0669\u06f0-\u06f9]{2})"
)
_WEEKDAY_AR = "(?:ال)" + variants_pattern([w[2:] for w in AR_WEEKDAYS]) + _END
_WEEKDAY_EN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)"
_AR_PART_WORDS = ["مطلع", "بدايه", "اوائل", "مستهل", "اول", "منتصف", "اواسط", "اواخر", "نهايه",
                  "اخر", "اوسط"]
_AR_PART = variants_pattern(_AR_PART_WORDS) + _END + r"(?:\s+شهر)?"
_EN_PART = r"(?i:early|mid-?|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
_AR_ANCHORS = ["الماضي", "المقبل", "القادم", "الفائت", "المنصرم", "الجاري", "الحالي", "الماضيه",
               "المقبله", "القادمه"]
_AR_ANCHOR = variants_pattern(_AR_ANCHORS) + _END
_AR_YEAR_CUES = ["عام", "العام", "سنه", "لعام", "بعام", "بالعام", "للعام", "وعام", "العامين", "عامي"]
_AR_YEAR_CUE = variants_pattern(_AR_YEAR_CUES) + _END
# Preceding words that make a bare month name a date (مارس is also a verb, May a modal).
_MONTH_CUE = (
    "(?:(?<=[\\s(])|^)(?:" + variants_pattern(["في", "فى", "خلال", "منذ", "حتي", "شهر", "بشهر",
                                               "وفي", "قبل", "بعد", "مع", "اوائل"])
    + r"|(?i:in|since|until|by|during|from|of|last|next|this))\s+$"
)

_MONTH_CUE_RE = re.compile(_MONTH_CUE)
AR_MONTH_RE = re.compile(_AR_MONTH)
EN_MONTH_RE = re.compile(_EN_MONTH, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Found:
    """A date candidate before it becomes a Value: span, kind, bounds, resolvedness."""

    start: int
    end: int
    kind: Kind
    low: float | None
    high: float | None
    qualifier: Qualifier
    resolved: bool = True

    def value(self) -> Value:
        unit = "year" if self.kind is Kind.YEAR else "day"
        return Value(self.kind, self.start, self.end, self.low, self.high, unit,
                     self.qualifier, self.resolved)


def _int(text: str) -> int:
    return int(to_ascii_digits(text))


def _month_of(words: str) -> int | None:
    key = " ".join(fold(words).split())
    if words.strip() == "آب":
        return 8
    return AR_MONTHS.get(key) or EN_MONTHS.get(key.rstrip("."))


def _part_bounds(part: str | None, year: int, month: int) -> tuple[int, int]:
    """First and last day a month, or a part of it ("مطلع", "late"), may mean."""
    last = calendar.monthrange(year, month)[1]
    if not part:
        return 1, last
    key = fold(part).split()[0].rstrip("-")
    if key in ("مطلع", "بدايه", "اوائل", "مستهل", "اول", "early", "beginning", "start"):
        return 1, 10
    if key in ("منتصف", "اواسط", "اوسط", "mid", "middle"):
        return 10, 20
    if key == "the":
        return _part_bounds(part.split(None, 1)[1], year, month)
    return 20, last


def _month_year(month: int, year: int | None, anchor: str | None,
                published: dt.date | None) -> int | None:
    """Year of a month named without one: the publication year, shifted by الماضي/المقبل."""
    if year is not None:
        return year
    if published is None:
        return None
    key = fold(anchor or "").strip()
    if key in ("الماضي", "الفائت", "المنصرم", "last"):
        return published.year if month < published.month else published.year - 1
    if key in ("المقبل", "القادم", "next"):
        return published.year if month > published.month else published.year + 1
    return published.year


def _day_or_month(start: int, end: int, month: int, day: int | None,
                  part: str | None, resolved_year: int | None) -> _Found | None:
    """A single day when the day is given, else the (part of the) month as a range."""
    if resolved_year is None:
        return _Found(start, end, Kind.DATE if day else Kind.DATE_RANGE, None, None,
                      Qualifier.EXACT if day else Qualifier.RANGE, False)
    try:
        if day:
            d = dt.date(resolved_year, month, day).toordinal()
            return _Found(start, end, Kind.DATE, d, d, Qualifier.EXACT)
        first, last = _part_bounds(part, resolved_year, month)
        return _Found(start, end, Kind.DATE_RANGE, dt.date(resolved_year, month, first).toordinal(),
                      dt.date(resolved_year, month, last).toordinal(), Qualifier.RANGE)
    except ValueError:
        return None


# --- Named-month dates -----------------------------------------------------------------------

_AR_MONTH_PAIR = (
    f"(?P<m1>{_AR_MONTH})(?:\\s*[/(\\-]?\\s*(?P<m2>{_AR_MONTH})(?:\\s*\\))?)?"
)
# An Arabic named-month date opens with a weekday (after اليوم or يوم), a part of the month,
# a day in digits or the month itself.
AR_DATE_STARTS = f"{DIGIT}|{heads(['اليوم', 'يوم', *AR_WEEKDAYS, *_AR_PART_WORDS, *AR_MONTHS, 'آب'])}"
AR_DATE_RE = starting(
    AR_DATE_STARTS,
    f"(?:(?:{variants_pattern(['اليوم'])}\\s+)?(?:يوم\\s+)?{_WEEKDAY_AR}\\s*،?\\s*(?=\\d|{DIGIT}))?"
    f"(?:(?P<part>{_AR_PART})\\s+)?(?:{NUMBER_START}(?P<day>{_DAY})\\s*(?:من\\s+)?(?:شهر\\s+)?)?"
    f"{_AR_MONTH_PAIR}"
    f"(?:\\s*،?\\s*(?:من\\s+)?(?:عام\\s+|سنة\\s+)?(?P<year>{_YEAR})(?!{DIGIT})(?:\\s*م(?!\\w))?)?"
    f"(?:\\s+(?P<anchor>{_AR_ANCHOR}))?"
)
EN_DATE_RE = re.compile(
    f"(?:(?P<part>{_EN_PART})\\s*)?"
    f"(?:(?P<day>{_DAY})(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?"
    f"(?P<m1>{_EN_MONTH})(?:\\s+(?P<day2>{_DAY})(?:st|nd|rd|th)?(?!\\w))?"
    f"(?:,?\\s+(?P<year>{_YEAR})(?!\\w))?",
    re.IGNORECASE,
)
_EN_ANCHOR_BEFORE = re.compile(r"(?i)(last|next|this)\s+$")


# A month name ends a word (_END), or is followed by the next word of its name.
_AR_MONTH_GATE = Gate.of(key_words(AR_MONTHS, ends=True), ends=True, raw=("آب",))
# Nearly a tenth of English sentences hold a month's first letters ("market", "decided"),
# few a month name ending a word, which the named-month pattern needs.
_EN_MONTH_GATE = Gate(latin=True, english=tuple(sorted({name[:3] for name in EN_MONTHS})),
                      also=Gate(english_found=re.compile(_EN_MONTH.lower())))


def _named_month_dates(window: Window, published: dt.date | None) -> Iterator[_Found]:
    for rx, gate in ((AR_DATE_RE, _AR_MONTH_GATE), (EN_DATE_RE, _EN_MONTH_GATE)):
        if not window.opens(gate):
            continue
        for m in rx.finditer(window.text, window.start, window.end):
            found = _named_month(m, window.text, published)
            if found is not None:
                yield found


def _named_month(m: re.Match[str], text: str, published: dt.date | None) -> _Found | None:
    month = _month_of(m["m1"])
    if month is None:
        return None
    groups = m.groupdict()
    day_text = groups.get("day") or groups.get("day2")
    year = _int(m["year"]) if m["year"] else None
    anchor = groups.get("anchor")
    if anchor is None and rx_is_english(m):
        before = _EN_ANCHOR_BEFORE.search(text, max(0, m.start() - 6), m.start())
        anchor = before.group(1) if before else None
    if not (day_text or year or anchor or groups.get("m2") or m["part"]) and not _has_month_cue(
            text, m):
        return None
    if rx_is_english(m) and m["m1"].lower() == "may" and not (day_text or year):
        return None
    day = _int(day_text) if day_text else None
    resolved_year = _month_year(month, year, anchor, published)
    return _day_or_month(m.start(), m.end(), month, day, m["part"], resolved_year)


def rx_is_english(m: re.Match[str]) -> bool:
    """Whether a named-month match came from the English pattern."""
    return m.re is EN_DATE_RE


def _has_month_cue(text: str, m: re.Match[str]) -> bool:
    return _MONTH_CUE_RE.search(text[max(0, m.start() - 8):m.start()]) is not None


# --- Numeric and Hijri dates --------------------------------------------------------------

# Where a year or numeric date can begin: a digit, or the first letters of a year cue or
# of the words that open a year range ("بين، من، منذ، between, from").
NUMERIC_STARTS = DIGIT
YEAR_RANGE_STARTS = f"{DIGIT}|{heads(['بين', 'ما بين', 'من', 'منذ'])}|{english_heads(['between', 'from'])}"
YEAR_STARTS = f"{DIGIT}|{heads(_AR_YEAR_CUES)}|{english_heads(['the year', 'year'])}"
NUMERIC_DATE_RE = starting(
    NUMERIC_STARTS,
    f"(?<![\\d.\\-/])(?:(?P<y>{_YEAR})-(?P<mo>{DIGIT}{{1,2}})-(?P<d>{DIGIT}{{1,2}})"
    f"|(?P<a>{DIGIT}{{1,2}})(?P<sep>[./\\-])(?P<b>{DIGIT}{{1,2}})(?P=sep)(?P<y2>{_YEAR}))"
    f"(?![\\d.\\-/]?\\d)"
)


def _numeric_dates(text: str, start: int, end: int) -> Iterator[_Found]:
    for m in NUMERIC_DATE_RE.finditer(text, start, end):
        if m["y"]:
            year, month, day = _int(m["y"]), _int(m["mo"]), _int(m["d"])
        else:
            a, b, year = _int(m["a"]), _int(m["b"]), _int(m["y2"])
            day, month = (b, a) if b > 12 >= a else (a, b)  # day first unless impossible
        try:
            d = dt.date(year, month, day).toordinal()
        except ValueError:
            continue
        yield _Found(m.start(), m.end(), Kind.DATE, d, d, Qualifier.EXACT)


HIJRI_RE = re.compile(
    f"(?:(?P<day>{DIGIT}{{1,2}})\\s+(?:من\\s+)?(?:شهر\\s+)?)?"
    f"(?P<month>{variants_pattern(list(HIJRI_MONTHS)).replace(' ', _SP)}){_END}"
    f"\\s*(?:من\\s+)?(?:عام\\s+|سنة\\s+)?(?P<year>1[34]{DIGIT}{DIGIT})\\s*(?:هـ|ه(?!\\w)|للهجرة|AH)?"
)


def hijri_to_ordinal(year: int, month: int, day: int) -> int:
    """Tabular Islamic calendar (civil epoch, 16 July 622 Julian) to a proleptic ordinal."""
    days = (day + int(29.5 * (month - 1) + 0.99) + (year - 1) * 354
            + (3 + 11 * year) // 30)
    julian_day = days + 1948439
    return julian_day - 1721425


def _hijri_dates(text: str, start: int, end: int) -> Iterator[_Found]:
    for m in HIJRI_RE.finditer(text, start, end):
        month = HIJRI_MONTHS[" ".join(fold(m["month"]).split())]
        year = _int(m["year"])
        if m["day"]:
            first = last = hijri_to_ordinal(year, month, _int(m["day"]))
            kind = Kind.DATE
        else:
            first = hijri_to_ordinal(year, month, 1)
            last = hijri_to_ordinal(year, month, 30) if month != 12 else first + 29
            kind = Kind.DATE_RANGE
        yield _Found(m.start(), m.end(), kind, first - 1, last + 1, Qualifier.RANGE)


# --- Years, year ranges, decades ----------------------------------------------------------

YEAR_RANGE_RE = starting(
    YEAR_RANGE_STARTS,
    f"(?:(?:{variants_pattern(['بين', 'ما بين']).replace(' ', _SP)})\\s+(?:{_AR_YEAR_CUE}\\s+)?"
    f"(?P<a1>{_YEAR})\\s+و\\s?(?:عام\\s+)?(?P<b1>{_YEAR})"
    f"|(?:من|منذ)\\s+(?:{_AR_YEAR_CUE}\\s+)?(?P<a2>{_YEAR})\\s+(?:[اإ]لى|حتى|لغاية)\\s+(?:عام\\s+)?(?P<b2>{_YEAR})"
    f"|(?i:between)\\s+(?P<a3>{_YEAR})\\s+and\\s+(?P<b3>{_YEAR})"
    f"|(?i:from)\\s+(?P<a4>{_YEAR})\\s+(?i:to|until|through)\\s+(?P<b4>{_YEAR})"
    f"|{NUMBER_START}(?P<a5>{_YEAR})\\s*[-–—/]\\s*(?P<b5>{_YEAR}|{DIGIT}{DIGIT})(?!{DIGIT}|[-/.]{DIGIT}))"
)
YEAR_RE = starting(
    YEAR_STARTS,
    f"(?:(?P<cue>{_AR_YEAR_CUE}|(?i:the\\s+year|year))\\s+)?{NUMBER_START}"
    f"(?P<year>{_YEAR})(?!{DIGIT}|[.,\u066b\u066c]{DIGIT})(?:\\s*(?:م|ميلادي)(?!\\w))?"
)
# After a bare year (no cue before it) only these may follow, else it is a count.
_YEAR_FOLLOW = re.compile(
    r"\s*(?:$|[^\w\s]|(?:و|في|من|إلى|الى|حتى|ثم|عندما|حين|and|to|when|the|in|,|،)(?!\w))"
)
_YEAR_BEFORE = re.compile(r"(?i)(?:في|منذ|حتى|قبل|بعد|خلال|in|since|until|by|during|of|before|after)\s+$")


def introduced_year(text: str, start: int, number: str) -> bool:
    """Four digits in the years' range right after a word that introduces a time ("in",
    "since", "منذ"): a year, which `_years` reads, and no count may start from it, however
    the words after it run ("In 2019 Iran opened a consulate" counts no Irans)."""
    return (len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100
            and _YEAR_BEFORE.search(text, max(0, start - 8), start) is not None)


def _year_ranges(text: str, start: int, end: int) -> Iterator[_Found]:
    for m in YEAR_RANGE_RE.finditer(text, start, end):
        i = next(k for k in range(1, 6) if m[f"a{k}"])
        low, high_text = _int(m[f"a{i}"]), m[f"b{i}"]
        high = _int(high_text)
        if high < 100:
            high += low - low % 100
        if low < high <= low + 200:
            yield _Found(m.start(), m.end(), Kind.YEAR, low, high, Qualifier.RANGE)


def _years(text: str, start: int, end: int) -> Iterator[_Found]:
    for m in YEAR_RE.finditer(text, start, end):
        year = _int(m["year"])
        if not 1800 <= year <= 2100:
            continue
        if not m["cue"]:
            cued = _YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start())
            if cued is None and not _YEAR_FOLLOW.match(text, m.end()):
                continue
        yield _Found(m.start(), m.end(), Kind.YEAR, year, year, Qualifier.EXACT)


_AR_DECADES = {"عشرين": 2, "ثلاثين": 3, "اربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7,
               "ثمانين": 8, "تسعين": 9}
_EN_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
               "seventies": 7, "eighties": 8, "nineties": 9}
DECADE_RE = re.compile(
    f"(?:(?P<part>{_AR_PART})\\s+(?:عقد\\s+)?)?(?:ال)?(?P<ar>{variants_pattern(list(_AR_DECADES))})"
    f"(?:ي[\u0651]?)?ات(?:\\s+(?:من\\s+)?القرن\\s+(?P<century>الماضي|العشرين|الحالي|20|21))?"
    f"|(?i:(?:the\\s+)?(?P<enpart>early|mid-?|late)?\\s*(?:(?P<cent>1[89]|20)?(?P<dec>\\d)0s"
    f"|(?P<words>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\\w))"
)


def _decades(text: str, start: int, end: int, published: dt.date | None) -> Iterator[_Found]:
    for m in DECADE_RE.finditer(text, start, end):
        if m["ar"]:
            tens = _AR_DECADES[fold(m["ar"])]
            century = _ar_century(m["century"], published)
            part = m["part"]
        else:
            tens = int(m["dec"]) if m["dec"] else _EN_DECADES[m["words"].lower()]
            century = int(m["cent"]) * 100 if m["cent"] else 1900
            part = m["enpart"]
            if not m["cent"] and m["dec"] and not m.group(0).lower().startswith("the"):
                continue  # "70s" alone may be an age group
        if century is None:
            yield _Found(m.start(), m.end(), Kind.YEAR, None, None, Qualifier.RANGE, False)
            continue
        first = century + tens * 10
        lo, hi = _decade_part(part)
        yield _Found(m.start(), m.end(), Kind.YEAR, first + lo, first + hi, Qualifier.RANGE)


def _ar_century(word: str | None, published: dt.date | None) -> int | None:
    """Start year of the century a decade phrase names; "الماضي" needs the publication date."""
    if word is None or word in ("العشرين", "20"):
        return 1900
    if word in ("الحالي", "21"):
        return 2000
    return None if published is None else (published.year // 100 - 1) * 100


def _decade_part(part: str | None) -> tuple[int, int]:
    if not part:
        return 0, 9
    key = fold(part).split()[0].rstrip("-")
    if key in ("مطلع", "بدايه", "اوائل", "مستهل", "اول", "early"):
        return 0, 4
    if key in ("منتصف", "اواسط", "اوسط", "mid"):
        return 3, 7
    return 5, 9


# --- Relative expressions ---------------------------------------------------------------

_REL_DAY = {"امس": -1, "البارحه": -1, "اول امس": -2, "امس الاول": -2, "اليوم": 0, "غدا": 1,
            "yesterday": -1, "today": 0, "tomorrow": 1, "the day before yesterday": -2}
_PERIOD_NOUNS = ["شهر", "عام", "سنه", "اسبوع"]
_PERIODS = variants_pattern(_PERIOD_NOUNS)
_AR_DAY_WORDS = ["اول امس", "امس الاول", "امس", "البارحه", "اليوم", "غدا"]
# An Arabic relative expression starts a word or follows a one-letter clitic (CLITIC_START)
# with one of its words; an English one with one of its words, wherever it stands.
_AR_RELATIVE_HEADS = heads(["اليوم", "يوم", *AR_WEEKDAYS, *_AR_DAY_WORDS, "هذا", "هذه",
                            *("ال" + noun for noun in _PERIOD_NOUNS)])
_EN_RELATIVE_HEADS = english_heads(["on ", "last", "next", "this", "past", *EN_WEEKDAYS, "the day",
                                    "yesterday", "today", "tomorrow"])
RELATIVE_STARTS = f"{CLITIC_START}{_AR_RELATIVE_HEADS}|{_EN_RELATIVE_HEADS}"
_AR_DAYS = variants_pattern(_AR_DAY_WORDS).replace(" ", _SP)
RELATIVE_RE = starting(
    RELATIVE_STARTS,
    f"(?P<weekday>{CLITIC_START}(?:{variants_pattern(['اليوم'])}\\s+|يوم\\s+)?{_WEEKDAY_AR}"
    f"(?:\\s+(?P<wanchor>{_AR_ANCHOR}))?"
    f"|(?i:(?:on\\s+)?(?:(?P<enanchor>last|next|this)\\s+)?{_WEEKDAY_EN}))"
    f"|(?P<day>{CLITIC_START}(?:{_AR_DAYS}){_END}"
    f"|(?i:\\b(?:the\\s+day\\s+before\\s+yesterday|yesterday|today|tomorrow)\\b))"
    f"|(?P<period>{CLITIC_START}(?:{variants_pattern(['هذا', 'هذه'])}\\s+ال(?P<this>{_PERIODS}){_END}"
    f"|ال(?P<unit>{_PERIODS})\\s+(?P<anchor>{_AR_ANCHOR}))"
    f"|(?i:(?P<enrel>last|next|this|past)\\s+(?P<enunit>week|month|year)(?!\\w)))"
)


def _relative(text: str, start: int, end: int, published: dt.date | None) -> Iterator[_Found]:
    for m in RELATIVE_RE.finditer(text, start, end):
        if m["period"]:
            found = _relative_period(m, published)
        else:
            found = _relative_day(m, published)
        if found is not None:
            yield found


def _relative_day(m: re.Match[str], published: dt.date | None) -> _Found | None:
    if published is None:
        return _Found(m.start(), m.end(), Kind.DATE, None, None, Qualifier.EXACT, False)
    words = fold(m.group(0))
    if m["day"] and not _starts_with_weekday(words):
        offset = _REL_DAY.get(" ".join(words.split()), 0)
        day = published.toordinal() + offset
        return _Found(m.start(), m.end(), Kind.DATE, day, day, Qualifier.EXACT)
    if words.startswith("اليوم"):
        day = published.toordinal()
        return _Found(m.start(), m.end(), Kind.DATE, day, day, Qualifier.EXACT)
    weekday = next(v for k, v in {**AR_WEEKDAYS, **EN_WEEKDAYS}.items() if k in words)
    anchor = fold(m["wanchor"] or m["enanchor"] or "").removesuffix("ه")
    day = published.toordinal() - (published.weekday() - weekday) % 7
    if anchor in ("المقبل", "القادم", "next"):
        day += 7
    elif anchor in ("الماضي", "الفائت", "المنصرم", "last") and day == published.toordinal():
        day -= 7
    return _Found(m.start(), m.end(), Kind.DATE, day, day, Qualifier.EXACT)


def _starts_with_weekday(words: str) -> bool:
    return any(words.endswith(k) for k in AR_WEEKDAYS)


def _relative_period(m: re.Match[str], published: dt.date | None) -> _Found | None:
    unit = fold(m["unit"] or m["this"] or m["enunit"] or "")
    anchor = fold(m["anchor"] or m["enrel"] or "")
    shift = -1 if anchor in ("الماضي", "الفائت", "المنصرم", "last", "past") else (
        1 if anchor in ("المقبل", "القادم", "next") else 0)
    kind = Kind.YEAR if unit in ("عام", "سنه", "year") else Kind.DATE_RANGE
    if published is None:
        return _Found(m.start(), m.end(), kind, None, None, Qualifier.RANGE if kind is
                      Kind.DATE_RANGE else Qualifier.EXACT, False)
    if kind is Kind.YEAR:
        return _Found(m.start(), m.end(), kind, published.year + shift,
                      published.year + shift, Qualifier.EXACT)
    if unit in ("شهر", "month"):
        index = published.year * 12 + published.month - 1 + shift
        year, month = divmod(index, 12)
        first = dt.date(year, month + 1, 1)
        last = first.replace(day=calendar.monthrange(year, month + 1)[1])
    else:
        first = published - dt.timedelta(days=published.weekday() - 7 * shift)
        last = first + dt.timedelta(days=6)
    return _Found(m.start(), m.end(), kind, first.toordinal(), last.toordinal(), Qualifier.RANGE)


# What every match of each scanner contains (see gates.py); a digit for the numeric ones.
# Month, weekday and relative words end a word in their patterns (_END); decade words do not
# ("تسعينيات"). An English decade ends in "0s" or "ties"; an English relative expression
# holds "day" (weekdays, yesterday, today), "tomorrow", or a period after its anchor.
_HAS_DIGIT = Gate(digit=True)
_HIJRI_GATE = Gate.of(key_words(HIJRI_MONTHS, ends=True), ends=True, also=_HAS_DIGIT)
_DECADE_GATE = Gate.of(key_words(_AR_DECADES), ends=False, english=("0s", "ties"))
_RELATIVE_GATE = Gate.of(
    key_words([*AR_WEEKDAYS, "امس", "البارحه", "اليوم", "غدا"], ends=True),
    ends=True, english=("day", "tomorrow"),
)
# An Arabic period ("هذا الشهر", "العام الماضي") holds both a period noun and هذا/هذه or an
# anchor word: either alone is common, both together are not.
_RELATIVE_AR_PERIOD_GATE = Gate.of(
    key_words(_PERIOD_NOUNS, ends=True), ends=True,
    also=Gate.of(key_words(["هذا", "هذه", *_AR_ANCHORS], ends=True), ends=True),
)
_RELATIVE_PERIOD_GATE = Gate(latin=True, english=("week", "month", "year"),
                             also=Gate(latin=True, english=("last", "next", "this", "past")))


def find_dates(window: Window, published: dt.date | None) -> list[Value]:
    """Every date-like candidate in the window; overlaps are left to the caller.

    The scanners run in a fixed order (the caller breaks ties by it), each only where its
    gate says it can match.
    """
    text, start, end = window.text, window.start, window.end
    found: list[_Found] = []
    digit = window.digit  # what the _HAS_DIGIT gate asks, read once
    if digit:
        found += _numeric_dates(text, start, end)
    if digit and window.opens(_HIJRI_GATE):
        found += _hijri_dates(text, start, end)
    found += _named_month_dates(window, published)
    if digit:
        found += _year_ranges(text, start, end)
    if window.opens(_DECADE_GATE):
        found += _decades(text, start, end, published)
    if (window.opens(_RELATIVE_GATE) or window.opens(_RELATIVE_AR_PERIOD_GATE)
            or window.opens(_RELATIVE_PERIOD_GATE)):
        found += _relative(text, start, end, published)
    if digit:
        found += _years(text, start, end)
    return [f.value() for f in found]
