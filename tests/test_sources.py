"""Cited sources: explicit attributions, reporting verbs, quotations, names as written."""

from __future__ import annotations

from pathlib import Path

from verify.extract import extract
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


def test_naql_quotes_only_speech_from_someone_or_that_something_holds() -> None:
    assert _source("ونقلت وكالة الأنباء عن مسؤول أن 40 شاحنة عبرت.") == "وكالة الأنباء"
    assert _source("ونقلت صحيفة «الأيام» أن 40 شاحنة عبرت.") == "صحيفة «الأيام»"
    assert _source("ونقلت شركة الموانئ عبر ميناء العقبة 40 ألف طن من القمح.") is None
    assert _source("وقد نقل القطار 300 راكب إلى العاصمة.") is None


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


def _document_sources(text: str) -> dict[str, str | None]:
    """Each sentence's source through extract(), which resolves back-references."""
    claims = extract(text).claims
    return {text[c.value.start : c.value.end]: c.source for c in claims}


def test_back_reference_takes_the_latest_earlier_source_of_its_kind() -> None:
    text = (
        "وقال المعهد الأوروبي للدراسات الزراعية إن الصادرات بلغت 30 مليون طن. "
        "وأفادت وكالة الأنباء الكويتية بأن 40 سفينة رست. "
        "وتظهر بيانات المعهد ذاته أن 12 سفينة غرقت. وذكرت الوكالة ذاتها أن 15 سفينة وصلت. "
        "وقالت الصحيفة إن 9 سفن تأخرت."
    )
    found = _document_sources(text)
    assert found["12 سفينة"] == "المعهد الأوروبي للدراسات الزراعية"
    assert found["15 سفينة"] == "وكالة الأنباء الكويتية"
    assert found["9 سفن"] == "الصحيفة"  # no newspaper cited before: kept as written


def test_english_back_references_and_descriptors() -> None:
    text = (
        "The Lisbon Institute of Ports said 40 ships docked. "
        "The Portuguese daily Publico has reported that 12 ships sank. "
        "Figures from the same institute show that 15 ships arrived. "
        "The daily reported that 9 ships were late."
    )
    found = _document_sources(text)
    assert found["40 ships"] == "Lisbon Institute of Ports"
    assert found["12 ships"] == "Publico"
    assert found["15 ships"] == "Lisbon Institute of Ports"
    assert found["9 ships"] == "Publico"


def test_data_nouns_credit_only_a_named_body() -> None:
    assert _source("Data from Eurostat show that 40 ships docked.") == "Eurostat"
    assert _source("وتشير أرقام الصادرات إلى أن 40 سفينة رست.") is None
    assert _source("ووفق بيانات البنك الدولي، بلغ النمو 3%.") == "البنك الدولي"


def test_a_definite_head_followed_by_its_name_is_no_back_reference() -> None:
    text = "قالت الوكالة الدولية للطاقة الذرية إن 5 مفاعلات توقفت."
    assert _source(text) == "الوكالة الدولية للطاقة الذرية"
    assert _source("The Institute of Peace said 5 ships sank.") == "Institute of Peace"
