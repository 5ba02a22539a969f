"""Sentences and clauses: exact offsets, Arabic punctuation, no split inside numbers or quotes."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from verify.text.segment import clauses, quote_spans, sentences

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_arabic_terminators_split() -> None:
    text = "هل وصل الوفد؟ نعم وصل أمس. وسيغادر غداً؛ ثم يعود"
    assert _texts(text, sentences(text)) == ["هل وصل الوفد؟", "نعم وصل أمس.", "وسيغادر غداً؛", "ثم يعود"]


def test_lines_are_sentences_even_without_punctuation() -> None:
    text = "عنوان الخبر بلا نقطة\n\nنص الخبر هنا. وجملة ثانية.\n"
    assert _texts(text, sentences(text)) == ["عنوان الخبر بلا نقطة", "نص الخبر هنا.", "وجملة ثانية."]


def test_no_split_inside_numbers_dates_and_abbreviations() -> None:
    text = (
        "Sales grew 3.5 percent in 2016-2020 and the U.S. embassy opened on 29.03.2023 "
        "with Mr. Smith present. A second sentence follows."
    )
    spans = sentences(text)
    assert len(spans) == 2
    assert text[spans[0][0] : spans[0][1]].endswith("present.")


def test_no_split_inside_a_quotation() -> None:
    text = "وقال الوزير «وصلنا أمس. وسنغادر غداً. والزيارة ناجحة»، وأضاف أنها مهمة. ثم غادر."
    assert _texts(text, sentences(text)) == [
        "وقال الوزير «وصلنا أمس. وسنغادر غداً. والزيارة ناجحة»، وأضاف أنها مهمة.",
        "ثم غادر.",
    ]


def test_sentence_ending_inside_quote_closes_after_the_quote() -> None:
    text = 'He said: "We arrived. We leave tomorrow." Then he left.'
    assert _texts(text, sentences(text)) == ['He said: "We arrived. We leave tomorrow."', "Then he left."]


def test_stray_quote_mark_does_not_swallow_the_paragraph() -> None:
    text = 'قال إن "الوضع هادئ. ثم عاد الوفد. وانتهت الزيارة.'
    assert len(sentences(text)) == 3


def test_quote_spans_pair_guillemets_and_straight_quotes() -> None:
    text = 'a «b» c "d" e "f'
    assert _texts(text, quote_spans(text)) == ["«b»", '"d"']


def test_clauses_split_at_commas_and_contrast_but_keep_short_fronted_phrases() -> None:
    text = (
        "في عام 2020، افتتحت الدولة سفارة جديدة في العاصمة، بينما أغلقت قنصليتها في "
        "المدينة الساحلية الكبرى."
    )
    assert _texts(text, clauses(text, 0, len(text))) == [
        "في عام 2020، افتتحت الدولة سفارة جديدة في العاصمة،",
        "بينما أغلقت قنصليتها في المدينة الساحلية الكبرى.",
    ]


def test_clauses_do_not_split_numbers_or_quotes() -> None:
    text = 'The ministry paid 1,200,000 dollars "for roads, bridges, and schools" in total.'
    assert _texts(text, clauses(text, 0, len(text))) == [text]


def test_seed_sentence_with_distance_is_one_sentence_with_exact_offsets() -> None:
    text = (SEEDS / "000_380740b5efdd1092.txt").read_text(encoding="utf-8")
    holding = [(s, e) for s, e in sentences(text) if "25 كيلومتراً" in text[s:e]]
    assert len(holding) == 1
    start, end = holding[0]
    assert text[start:end] == (
        "وتبتعد عشق آباد، 25 كيلومتراً من حدود تركمانستان وإيران الممتدة لمسافة نحو 1000 كيلومتر."
    )
    assert clauses(text, start, end) == [(start, end)]


def test_seed_quotation_with_inner_sentences_stays_whole() -> None:
    text = (SEEDS / "000_380740b5efdd1092.txt").read_text(encoding="utf-8")
    spans = _texts(text, sentences(text))
    assert any(s.startswith("وقال كوهين «إسرائيل") and s.endswith("بيننا».") for s in spans)


def test_seed_date_line_keeps_its_dates() -> None:
    text = (SEEDS / "002_4cb5879784269bd4.txt").read_text(encoding="utf-8")
    assert any(s.startswith("Ekleme: 29.03.2023") for s in _texts(text, sentences(text)))


_ALPHABET = st.sampled_from(list("اب ت.؟!؛،,«»\"“”\n 0123456789-abcU.S "))


@settings(max_examples=300)
@given(st.text(alphabet=_ALPHABET) | st.text())
def test_spans_slice_back_and_cover_every_non_space_character_in_order(text: str) -> None:
    spans = sentences(text)
    covered = "".join(text[start:end] for start, end in spans)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end
        assert text[start:end] == text[start:end].strip()
        previous_end = end
        inner = clauses(text, start, end)
        assert re.sub(r"\s", "", "".join(text[a:b] for a, b in inner)) == re.sub(
            r"\s", "", text[start:end]
        )
