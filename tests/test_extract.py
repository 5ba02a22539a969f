"""Assembly: one Claim per value with its sentence, clause context, entities, source, scope."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from verify.claims import Kind
from verify.extract import extract
from verify.text.normalize import stem

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"


def test_claim_keeps_sentence_offsets_and_value_words() -> None:
    text = "عنوان\nافتتحت إسرائيل سفارة في باكو عام 2021. وقال الوزير إن 30 مسؤولا حضروا."
    claims = extract(text).claims
    assert [text[c.value.start : c.value.end] for c in claims] == ["عام 2021", "30 مسؤولا"]
    first = claims[0]
    assert text[first.sentence_start : first.sentence_end] == "افتتحت إسرائيل سفارة في باكو عام 2021."


def test_context_is_the_clause_without_numbers_or_the_values_own_words() -> None:
    text = "باعت الشركة 40 طائرة للجيش، بينما اشترت الحكومة نحو 12 سفينة من الخارج."
    claims = extract(text).claims
    planes = next(c for c in claims if "40" in text[c.value.start : c.value.end])
    assert stem("الشركة") in planes.context and stem("للجيش") in planes.context
    assert stem("سفينة") not in planes.context
    assert stem("طائرة") not in planes.context
    assert not any(ch.isdigit() for word in planes.context for ch in word)


def test_entities_come_from_the_clause_or_else_the_sentence() -> None:
    text = "التقى الوفد في باكو بمسؤولين من طهران، وقد استمرت المحادثات مدة 3 ساعات متواصلة."
    claim = extract(text).claims[0]
    assert claim.entities == ("baku", "tehran")
    text = "قالت إسرائيل إنها نقلت 40 طائرة، وإن إيران احتجت على الصفقة بشدة في بيان."
    claim = next(c for c in extract(text).claims if "40" in text[c.value.start : c.value.end])
    assert claim.entities == ("israel",)


def test_scope_holds_the_other_years_of_the_clause_and_rate_words() -> None:
    text = "Israel supplied 69% of Azerbaijan's arms imports in 2016-2020, SIPRI said."
    extraction = extract(text)
    share = next(c for c in extraction.claims if c.value.kind is Kind.PERCENT)
    assert share.scope == ("2016-2020",)
    assert share.source == "SIPRI"
    assert "azerbaijan" in share.entities
    text = "The country exports 3 million barrels annually."
    barrels = extract(text).claims[0]
    assert barrels.scope == ("per-year",)


def test_mentions_are_returned_with_the_claims() -> None:
    text = "التقى الرئيس إلهام علييف في باكو"
    assert [m.key for m in extract(text).mentions] == ["ilham-aliyev", "baku"]


def test_seed_distance_claims() -> None:
    text = (SEEDS / "000_380740b5efdd1092.txt").read_text(encoding="utf-8")
    extraction = extract(text, published=date(2023, 4, 21))
    distance = next(c for c in extraction.claims if c.value.kind is Kind.LENGTH)
    sentence = text[distance.sentence_start : distance.sentence_end]
    assert sentence.startswith("وتبتعد عشق آباد") and sentence.endswith("1000 كيلومتر.")
    assert {"ashgabat", "iran"} <= set(distance.entities)
    other = (SEEDS / "001_decb7cdc42e1d4d6.txt").read_text(encoding="utf-8")
    under = next(c for c in extract(other).claims if c.value.kind is Kind.LENGTH)
    assert {"ashgabat", "iran"} <= set(under.entities)
    assert set(distance.context) & set(under.context)


def test_seed_arms_claims_carry_source_and_period() -> None:
    text = (SEEDS / "001_decb7cdc42e1d4d6.txt").read_text(encoding="utf-8")
    money = next(c for c in extract(text).claims if c.value.kind is Kind.MONEY)
    assert money.scope == ("2017-2019",)
    assert money.source == "معهد ستوكهولم الدولي لبحوث السلام (سيبري)"
    text = (SEEDS / "003_030399cd39890128.txt").read_text(encoding="utf-8")
    share = next(c for c in extract(text).claims if text[c.value.start : c.value.end] == "69٪")
    assert share.scope == ("2016-2020",)
    assert share.source == "معهد ستوكهولم الدولي لأبحاث السلام"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("اب تل 0123456789.،,«»\"-٪%\nعام مليون دولار كم")) ) | st.text())
def test_extract_never_raises_and_offsets_slice_back(text: str) -> None:
    extraction = extract(text)
    for claim in extraction.claims:
        assert 0 <= claim.sentence_start <= claim.value.start
        assert claim.value.end <= claim.sentence_end <= len(text)
    for mention in extraction.mentions:
        assert text[mention.start : mention.end] == mention.surface


def _by_words(text: str, published: date | None = None) -> dict[str, object]:
    return {text[c.value.start : c.value.end]: c for c in extract(text, published=published).claims}


def test_the_same_period_takes_the_period_of_an_earlier_sentence() -> None:
    text = (
        "Norway supplied 40 per cent of the salmon between 2010 and 2014. No figures exist. "
        "The Danish daily Politiken has reported that Chile took 25 per cent over the same period."
    )
    claims = _by_words(text)
    assert claims["25 per cent"].scope == ("2010-2014",)  # type: ignore[attr-defined]
    arabic = "صدّر المغرب 30٪ من الطماطم بين 2015 و2019. وصدّرت تونس 12٪ في الفترة ذاتها."
    assert _by_words(arabic)["12٪"].scope == ("2015-2019",)  # type: ignore[attr-defined]


def test_the_same_period_with_no_earlier_period_adds_nothing() -> None:
    claims = _by_words("Chile took 25 per cent over the same period.")
    assert claims["25 per cent"].scope == ()  # type: ignore[attr-defined]


def test_a_newspaper_called_daily_is_no_daily_rate() -> None:
    claims = _by_words("The Israeli daily Maariv said 30 ships sank, and 4 ships sail daily.")
    assert claims["30 ships"].scope == ()  # type: ignore[attr-defined]
    assert claims["4 ships"].scope == ("per-day",)  # type: ignore[attr-defined]


def test_a_clause_that_is_only_its_date_takes_the_words_around_it() -> None:
    text = "افتتح رئيس البلدية السابق للمدينة، يوم الخميس 12 مايو، جسرا جديدا فوق النهر."
    claim = _by_words(text)["يوم الخميس 12 مايو"]
    assert claim.value.kind is Kind.DATE and not claim.value.resolved  # type: ignore[attr-defined]
    assert {stem("افتتح"), stem("جسرا")} <= set(claim.context)  # type: ignore[attr-defined]
    dated = _by_words(text, published=date(2022, 5, 20))["يوم الخميس 12 مايو"]
    assert dated.value.low == date(2022, 5, 12).toordinal()  # type: ignore[attr-defined]
