"""Cited sources: explicit attributions, reporting verbs, quotations, names as written."""

from __future__ import annotations

from pathlib import Path

from verify.extract.entities import Gazetteer, find_mentions
from verify.extract.sources import cited_source
from verify.text.segment import sentences

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"


def _source(text: str) -> str | None:
    return cited_source(text, 0, len(text), find_mentions(text, Gazetteer.load()))


def test_explicit_arabic_attributions_with_glued_preposition() -> None:
    assert _source("بلغت الصادرات 5 ملايين دولار، وفقاً لـ البنك المركزي.") == "البنك المركزي"
    assert _source("بلغت الصادرات 5 ملايين دولار وفقا لمعهد الدراسات (مد).") == "معهد الدراسات (مد)"
    assert _source("بحسب وزارة المالية، ارتفع الدين 3%.") == "وزارة المالية"
    assert _source("ارتفع الدين 3%، نقلا عن مصادر حكومية.") == "مصادر حكومية"


def test_reporting_verbs_name_their_subject_up_to_a_function_word() -> None:
    assert _source("وذكرت صحيفة «الأيام» اليومية أن 40 شخصا أصيبوا.") == "صحيفة «الأيام» اليومية"
    assert _source("وأفادت وزارة الصحة بأن 12 شخصا توفوا.") == "وزارة الصحة"


def test_verb_without_a_named_subject_cites_nothing() -> None:
    assert _source("وقال: «وصل 30 مسؤولا».") is None
    assert _source("وقالت إنها تلقت 5 رسائل.") is None


def test_explicit_attribution_wins_over_a_speech_verb() -> None:
    assert _source("قال الوزير إن 3 سفن وصلت، حسبما أوردت وكالة الأنباء.") == "وكالة الأنباء"


def test_trigger_inside_a_quotation_is_not_the_article_source() -> None:
    assert _source("وأضاف «بحسب تقديراتنا وصل 30 شخصا»") is None


def test_report_noun_leads_to_the_body_that_issued_it() -> None:
    assert _source("بحسب بيان صدر عن مكتب الرئيس، وصل 3 وزراء.") == "مكتب الرئيس"


def test_english_attributions() -> None:
    assert _source("Sales reached $5 million, according to the Central Bank (CB).") == (
        "Central Bank (CB)"
    )
    assert _source("Exports rose 5%, the finance ministry said.") == "finance ministry"
    assert _source("He said 5 ships arrived.") is None


def _seed_sources(name: str) -> dict[str, str | None]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    mentions = find_mentions(text, Gazetteer.load())
    return {text[s:e]: cited_source(text, s, e, mentions) for s, e in sentences(text)}


def test_seed_sources() -> None:
    first = _seed_sources("001_decb7cdc42e1d4d6.txt")
    arms = next(s for s in first if "740 مليون دولار" in s)
    assert first[arms] == "معهد ستوكهولم الدولي لبحوث السلام (سيبري)"
    third = _seed_sources("003_030399cd39890128.txt")
    share = next(s for s in third if "69٪" in s)
    assert third[share] == "معهد ستوكهولم الدولي لأبحاث السلام"
    zero = _seed_sources("000_380740b5efdd1092.txt")
    embassy = next(s for s in zero if "حسبما أوردت" in s)
    assert zero[embassy] == "وكالة «ترند» الأذربيجانية"
    distance = next(s for s in zero if "25 كيلومتراً" in s)
    assert zero[distance] is None
    fourth = _seed_sources("004_5307e4666b6ec7d6.txt")
    flights = next(s for s in fourth if "92 طائرة" in s)
    assert fourth[flights] == 'صحيفة "هآرتس"'
