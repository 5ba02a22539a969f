"""Number parsing: digits in three scripts with separators, Arabic and English words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.extract.numbers import (
    parse_arabic_words,
    parse_digits,
    parse_english_words,
    variants_pattern,
)
from verify.extract.values import find_values

EASTERN = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["west", "east", "persian"]))
def test_digits_with_separators_parse_back(n: int, script: str) -> None:
    written = f"{n:,}"
    if script == "east":
        written = written.translate(EASTERN)
    elif script == "persian":
        written = written.translate(PERSIAN)
    assert parse_digits(written) == n


@given(st.integers(min_value=0, max_value=99999), st.integers(min_value=1, max_value=99))
def test_decimals_parse_back(whole: int, cents: int) -> None:
    assert parse_digits(f"{whole}.{cents:02d}".translate(EASTERN)) == pytest.approx(
        whole + cents / 100)


_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def english(n: int) -> str:
    """Write 1..999 in English words, independently of the parser."""
    parts = []
    if n >= 100:
        parts.append(f"{_UNITS[n // 100]} hundred")
        n %= 100
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen"]
    if 10 <= n < 20:
        parts.append(teens[n - 10])
    elif n:
        parts.append("-".join(p for p in (_TENS[n // 10], _UNITS[n % 10]) if p))
    return " ".join(parts)


@given(st.integers(min_value=1, max_value=999))
def test_english_words_parse_back(n: int) -> None:
    assert parse_english_words(english(n)) == n


_AR_UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_AR_TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_AR_HUNDREDS = ["", "مائة", "مائتان", "ثلاثمائة", "أربعمائة", "خمسمائة", "ستمائة", "سبعمائة",
                "ثمانمائة", "تسعمائة"]


def arabic(n: int) -> str:
    """Write 2..999 (no teens) in Arabic words; a bare "واحد" is "one of", never a value."""
    parts = []
    if n >= 100:
        parts.append(_AR_HUNDREDS[n // 100])
    unit, ten = n % 10, (n // 10) % 10
    small = " و".join(p for p in (_AR_UNITS[unit], _AR_TENS[ten]) if p)
    if small:
        parts.append(small)
    return " و".join(parts)


@given(st.integers(min_value=2, max_value=999).filter(lambda n: (n // 10) % 10 != 1 or n % 10 == 0))
def test_arabic_words_parse_back(n: int) -> None:
    assert parse_arabic_words(arabic(n)) == n


@pytest.mark.parametrize(
    ("words", "value"),
    [("ستة", 6), ("ست", 6), ("الثلاثين", 30), ("السبع", 7), ("ألفين", 2000),
     ("ثلاثة آلاف وخمسمائة", 3500), ("خمسة وعشرين", 25), ("نصف مليون", 500_000),
     ("ثلاثة عشر", 13), ("مليونين", 2_000_000), ("آلاف", None), ("الاثنين", None)],
)
def test_arabic_word_forms(words: str, value: float | None) -> None:
    assert parse_arabic_words(words) == value


@pytest.mark.parametrize(
    ("words", "value"),
    [("thirty-five", 35), ("a dozen", 12), ("two hundred", 200), ("half a million", 500_000),
     ("three thousand", 3000), ("a million", 1_000_000)],
)
def test_english_word_forms(words: str, value: float) -> None:
    assert parse_english_words(words) == value


@given(st.integers(min_value=2, max_value=10**6), st.sampled_from(["west", "east"]))
def test_counts_in_sentences_round_trip(n: int, script: str) -> None:
    written = f"{n:,}" if script == "west" else f"{n:,}".translate(EASTERN)
    text = f"وصل {written} شخصا إلى المدينة"
    (value,) = find_values(text)
    assert value.low == value.high == n
    assert text[value.start:value.end] == f"{written} شخصا"


_CLASSES = {"ا": "[اأإآٱ]", "ه": "[هة]", "ي": "[يى]"}
_LETTERS = list("اأهةيىبن ")


def _flat(words: list[str]) -> str:
    """The plain alternation, longest first, that the prefix tree must behave like."""
    return "(?:" + "|".join(
        "".join(r"\s+" if ch == " " else _CLASSES.get(ch, re.escape(ch)) for ch in word)
        for word in sorted(set(words), key=len, reverse=True)
    ) + ")"


@settings(max_examples=300)
@given(st.lists(st.text(st.sampled_from(_LETTERS), min_size=1, max_size=4).map(str.strip)
                .filter(bool), min_size=1, max_size=8),
       st.text(st.sampled_from(_LETTERS + ["x"]), max_size=8))
def test_variant_tree_matches_like_the_flat_alternation(words: list[str], text: str) -> None:
    # Followed by a test that forces backtracking: both must settle on the same word.
    for tail in ("", "(?!\\w)", "x"):
        flat = re.compile(_flat(words) + tail)
        tree = re.compile(variants_pattern(words) + tail)
        for pos in range(len(text) + 1):
            left, right = flat.match(text, pos), tree.match(text, pos)
            assert (left and left.span()) == (right and right.span()), (words, text, pos, tail)
