"""Normalisation: spelling variants meet on one key; function words and numbers drop out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from verify.text.normalize import (
    content_stems,
    is_stopword,
    match_form,
    normalize,
    normalize_arabic,
    stem,
    strip_clitics,
    tokens,
)


def test_hamza_alef_forms_ta_marbuta_and_alef_maqsura_fold() -> None:
    assert normalize_arabic("أإآٱ") == "اااا"
    assert normalize_arabic("مؤتمر") == "موتمر"
    assert normalize_arabic("رئيس") == "رييس"
    assert normalize_arabic("مدرسة") == "مدرسه"
    assert normalize_arabic("مستشفى") == "مستشفي"


def test_diacritics_and_tatweel_vanish() -> None:
    assert normalize_arabic("السَّلامُ") == "السلام"
    assert normalize_arabic("كـــتاب") == "كتاب"


def test_clitic_forms_of_one_word_share_a_key() -> None:
    forms = ["المدرسة", "والمدرسة", "بالمدرسة", "للمدرسة", "مدرسة", "ومدرسة", "فالمدرسة"]
    assert len({match_form(form) for form in forms}) == 1


def test_word_starting_with_clitic_letter_is_consistent_with_its_article_form() -> None:
    assert match_form("وزير") == match_form("الوزير") == match_form("والوزير")


def test_short_words_keep_their_first_letter() -> None:
    assert strip_clitics("بلد") == "بلد"


def test_english_is_lowercased_and_possessive_dropped() -> None:
    assert match_form("Israel's") == "israel"
    assert match_form("EMBASSY") == "embassy"


def test_stems_join_inflections() -> None:
    assert stem("السفارة") == stem("سفارة") == stem("بالسفارة")
    assert stem("embassies") == stem("Embassy")


def test_stopwords_in_both_languages() -> None:
    assert is_stopword("التي") and is_stopword("وفي") and is_stopword("The")
    assert not is_stopword("سفارة") and not is_stopword("embassy")


def test_content_stems_drop_numbers_and_function_words_in_order() -> None:
    stems = content_stems("افتتحت الدولة سفارة في المدينة عام 2021 وفي المدينة 3 مكاتب")
    assert stems == (stem("افتتحت"), stem("الدولة"), stem("سفارة"), stem("المدينة"), stem("مكاتب"))
    assert content_stems("The embassy opened in 2021, the embassy said.") == ("embassi", "open")


def test_tokens_keep_offsets_with_marks_inside_words() -> None:
    text = "قال السَّفيرُ Mr. O'Neil"
    assert [text[s:e] for s, e, _ in tokens(text)] == ["قال", "السَّفيرُ", "Mr", "O'Neil"]


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_tokens_slice_back(text: str) -> None:
    for start, end, word in tokens(text):
        assert text[start:end] == word


def test_a_token_of_tatweel_alone_leaves_no_gap() -> None:
    assert normalize("0 ـ 1") == "0 1"
