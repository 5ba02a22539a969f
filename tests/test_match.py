"""Matching on claims built by hand: blocking, cross-language ties, no chaining, stable ids."""

from __future__ import annotations

import ast
import os
import random
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.claims import Claim, Kind, Qualifier, Value
from verify.extract.entities import Gazetteer
from verify.match import FactIndex, InvertedIndex, Item, Lexicon, blocking_keys, group_facts
from verify.match.blocking import keys_for
from verify.match.candidates import candidate_pairs
from verify.match.lexicon import default_lexicon
from verify.match.similarity import Features, eventless, features, frame_clash
from verify.match.thresholds import MAX_BLOCK
from verify.text.normalize import content_stems


def item(
    key: str,
    document: str,
    sentence: str,
    value_words: str,
    kind: Kind,
    low: float | None,
    high: float | None = None,
    *,
    unit: str | None = None,
    q: Qualifier = Qualifier.EXACT,
    entities: tuple[str, ...] = (),
    clause: str | None = None,
    sentence_start: int = 0,
    scope: tuple[str, ...] = (),
) -> Item:
    """An item whose claim is built from the written sentence (context from its clause)."""
    if high is None and q in (Qualifier.EXACT, Qualifier.ABOUT):
        high = low
    at = sentence.index(value_words)
    value = Value(kind, sentence_start + at, sentence_start + at + len(value_words), low, high,
                  unit, q)
    context = content_stems(clause if clause is not None else sentence)
    claim = Claim(sentence_start, sentence_start + len(sentence), value, context, entities,
                  scope=scope)
    return Item(key, document, claim, sentence)


def _gazetteer_with(*lines: str) -> Gazetteer:
    """The packaged gazetteer and, as a folder's own file after it, the given lines."""
    gazetteer = Gazetteer.load()
    gazetteer.add_lines(lines)
    return gazetteer


def _lexicon_with(*lines: str) -> Lexicon:
    """The shipped lexicon over `_gazetteer_with` the given lines."""
    return Lexicon.load(gazetteer=_gazetteer_with(*lines))


def day(y: int, m: int, d: int) -> float:
    return float(date(y, m, d).toordinal())


AR_DISTANCE = item(
    "ar-25", "a.txt", "تبعد عشق آباد 25 كيلومترا عن حدود إيران", "25 كيلومترا",
    Kind.LENGTH, 25, unit="km", entities=("ashgabat", "iran"),
)
EN_DISTANCE = item(
    "en-20", "b.txt", "Ashgabat lies less than 20 km from the Iranian border", "less than 20 km",
    Kind.LENGTH, None, 20, unit="km", q=Qualifier.LESS_THAN, entities=("ashgabat", "iran"),
)


def test_arabic_and_english_versions_meet_through_entities_and_lexicon() -> None:
    (fact,) = [f for f in group_facts([AR_DISTANCE, EN_DISTANCE]) if len(f.members) > 1]
    assert fact.status == "conflict"
    assert fact.conflict_kind == "number"
    assert "ashgabat" in fact.explanation and "border" in fact.explanation
    assert "do not overlap" in fact.explanation
    assert fact.label == "length, border distance: Iran – Turkmenistan"  # Ashgabat: Turkmenistan


def test_two_values_of_one_sentence_are_two_facts_even_with_one_context() -> None:
    sentence = "تبعد عشق آباد 25 كيلومترا عن حدود إيران الممتدة نحو 1000 كيلومتر"
    distance = item("d", "a.txt", sentence, "25 كيلومترا", Kind.LENGTH, 25, unit="km",
                    entities=("ashgabat", "iran"))
    border = item("b", "a.txt", sentence, "نحو 1000 كيلومتر", Kind.LENGTH, 1000, unit="km",
                  q=Qualifier.ABOUT, entities=("ashgabat", "iran"))
    facts = group_facts([distance, border])
    assert sorted(len(f.members) for f in facts) == [1, 1]
    assert {f.status for f in facts} == {"single"}


def test_the_other_version_joins_the_closer_of_two_values_in_one_sentence() -> None:
    sentence = "تبعد عشق آباد 25 كيلومترا عن حدود إيران، الممتدة لمسافة نحو 1000 كيلومتر"
    distance = item("d", "a.txt", sentence, "25 كيلومترا", Kind.LENGTH, 25, unit="km",
                    entities=("ashgabat", "iran"), clause="تبعد عشق آباد 25 كيلومترا عن حدود إيران")
    border = item("b", "a.txt", sentence, "نحو 1000 كيلومتر", Kind.LENGTH, 1000, unit="km",
                  q=Qualifier.ABOUT, entities=("iran",), clause="الممتدة لمسافة نحو 1000 كيلومتر")
    facts = group_facts([distance, border, EN_DISTANCE])
    (pair,) = [f for f in facts if len(f.members) == 2]
    assert {m.claim_key for m in pair.members} == {"d", "en-20"}


def test_no_chaining_through_a_middle_claim() -> None:
    # B shares half its words with A and the other half with C; A and C share nothing
    a = item("a", "1.txt", "embassy opened capital delegation visit 5", "5", Kind.COUNT, 5)
    b = item("b", "2.txt", "embassy opened capital delegation oil imports arms trade 6", "6",
             Kind.COUNT, 6)
    c = item("c", "3.txt", "oil imports arms trade 7", "7", Kind.COUNT, 7)
    facts = group_facts([a, b, c])
    groups = [{m.claim_key for m in f.members} for f in facts]
    assert not any({"a", "c"} <= g for g in groups)
    assert {"a", "b"} in groups or {"b", "c"} in groups


def test_thirty_years_of_two_different_facts_never_group() -> None:
    minister = item("m", "1.txt",
                    "Cohen is the first Israeli minister to visit Ashgabat in 30 years",
                    "30 years", Kind.DURATION, 30, unit="year", entities=("cohen", "israel",
                                                                          "ashgabat"))
    embassy = item("e", "2.txt",
                   "Azerbaijan opened an embassy in Tel Aviv after 30 years of relations",
                   "30 years", Kind.DURATION, 30, unit="year", entities=("azerbaijan",
                                                                         "tel-aviv"))
    assert all(f.status == "single" for f in group_facts([minister, embassy]))


def test_end_of_march_and_29_march_are_one_consistent_fact() -> None:
    a = item("a", "1.txt", "Azerbaijan opened its embassy in Tel Aviv at the end of March",
             "end of March", Kind.DATE_RANGE, day(2023, 3, 21), day(2023, 3, 31),
             q=Qualifier.RANGE, entities=("azerbaijan", "tel-aviv"))
    b = item("b", "2.txt", "افتتحت أذربيجان سفارتها في تل أبيب يوم 29 مارس", "29 مارس",
             Kind.DATE, day(2023, 3, 29), entities=("azerbaijan", "tel-aviv"))
    (fact,) = [f for f in group_facts([a, b]) if len(f.members) == 2]
    assert fact.status == "consistent"
    assert "one holds the other" in fact.explanation


def test_arms_money_and_arms_share_never_meet() -> None:
    money = item("m", "1.txt", "Israel's arms sales to Azerbaijan exceeded $740 million",
                 "$740 million", Kind.MONEY, 740e6, None, unit="USD", q=Qualifier.MORE_THAN,
                 entities=("israel", "azerbaijan"), scope=("2017-2019",))
    share = item("s", "2.txt", "Israel supplied 69% of Azerbaijan's arms imports", "69%",
                 Kind.PERCENT, 69, unit="%", entities=("israel", "azerbaijan"),
                 scope=("2016-2020",))
    assert blocking_keys(money.claim).isdisjoint(blocking_keys(share.claim))
    assert all(f.status == "single" for f in group_facts([money, share]))


def test_a_document_that_contradicts_itself_is_its_own_kind() -> None:
    first = item("1", "a.txt", "The delegation of 30 officials arrived in Baku", "30",
                 Kind.COUNT, 30, entities=("baku",))
    second = item("2", "a.txt", "A delegation of 45 officials arrived in Baku", "45",
                  Kind.COUNT, 45, entities=("baku",), sentence_start=200)
    (fact,) = group_facts([first, second])
    assert (fact.status, fact.conflict_kind) == ("conflict", "self-contradiction")
    assert "contradicts itself" in fact.explanation


def test_blocking_keys_carry_the_dimension_and_candidates_need_two_shared_keys() -> None:
    keys = blocking_keys(AR_DISTANCE.claim)
    assert "length:km|@ashgabat" in keys
    assert "length:km|~border" in keys
    index = InvertedIndex()
    index.add("x", ["k1", "k2", "k3"])
    index.add("y", ["k1", "k2"])
    index.add("z", ["k3", "k9"])
    assert index.candidates("x", ["k1", "k2", "k3"]) == ["y"]


def test_an_over_common_key_stops_being_a_key() -> None:
    index = InvertedIndex()
    crossed: set[str] = set()
    for n in range(MAX_BLOCK + 1):
        crossed |= index.add(f"c{n}", ["common", f"own{n}", f"mine{n}"])
    assert crossed == {f"c{n}" for n in range(MAX_BLOCK + 1)}  # their links are re-derived
    index.add("q", ["common", "own0"])
    assert index.candidates("q", ["common", "own0"]) == []
    assert index.candidates("q", ["common", "own0", "mine0"]) == ["c0"]


def test_two_common_entities_tie_the_few_claims_that_name_both() -> None:
    index = InvertedIndex()
    keys: dict[str, list[str]] = {}
    for n in range(MAX_BLOCK + 1):  # each country is named by many claims, with others
        keys[f"a{n}"] = ["d|@azerbaijan", f"d|@other{n}", "d|border"]
        keys[f"i{n}"] = ["d|@iran", f"d|@else{n}", "d|border"]
    keys["x"] = keys["y"] = ["d|@azerbaijan", "d|@iran", "d|border"]
    for claim, its in keys.items():
        index.add(claim, its)
    assert index.candidates("x", keys["x"]) == ["y"]
    assert index.pairs({"x"}, keys) == {("x", "y")}  # a few claims: their blocks are read
    assert index.pairs(set(keys), keys) == {("x", "y")}  # all of them: every block is read
    assert index.candidates("w", ["d|@azerbaijan", "d|border"]) == []  # one entity: no tie
    crossed: set[str] = set()
    for n in range(MAX_BLOCK):  # the pair grows as common as its countries
        crossed |= index.add(f"p{n}", ["d|@azerbaijan", "d|@iran"])
    assert {"x", "y"} <= crossed
    assert index.candidates("x", keys["x"]) == []


def test_a_store_s_common_pairs_of_entities_are_common_in_a_part_of_it_too() -> None:
    keys = ["d|@azerbaijan", "d|@iran"]
    index = InvertedIndex(common=[*keys, ("d|@azerbaijan", "d|@iran")])
    index.add("x", keys)
    assert index.candidates("y", keys) == []
    assert InvertedIndex(common=keys).candidates("y", keys) == []  # nothing indexed yet
    index = InvertedIndex(common=keys)
    index.add("x", keys)
    assert index.candidates("y", keys) == ["x"]


def test_a_store_s_common_keys_are_common_in_a_part_of_it_too() -> None:
    index = InvertedIndex(common=["common"])
    index.add("x", ["common", "k1", "k2"])
    index.add("z", ["k1", "k2"])
    assert index.candidates("y", ["common", "k1"]) == []
    assert index.candidates("y", ["common", "k1", "k2"]) == ["x", "z"]


def test_a_user_lexicon_file_extends_the_shipped_one(tmp_path: Path) -> None:
    a = item("a", "1.txt", "the glorbix reached 40 in Baku", "40", Kind.COUNT, 40,
             entities=("baku",))
    b = item("b", "2.txt", "Baku counted 90 zanthor", "90", Kind.COUNT, 90, entities=("baku",))
    assert all(f.status == "single" for f in group_facts([a, b]))
    extra = tmp_path / "mine.tsv"
    extra.write_text("concept\ten\txx\nwidget\tglorbix\tzanthor\n", encoding="utf-8")
    facts = group_facts([a, b], lexicon=Lexicon.load([extra]))
    assert [f.status for f in facts] == ["conflict"]


def _corpus() -> list[Item]:
    return [
        AR_DISTANCE,
        EN_DISTANCE,
        item("e1", "c.txt", "Ashgabat is 25 km from the border with Iran", "25 km", Kind.LENGTH,
             25, unit="km", entities=("ashgabat", "iran")),
        item("o1", "c.txt", "Israel buys more than 30% of its oil from Azerbaijan", "30%",
             Kind.PERCENT, 30, None, unit="%", q=Qualifier.MORE_THAN,
             entities=("israel", "azerbaijan"), sentence_start=100),
        item("o2", "d.txt", "تشتري إسرائيل 40٪ من نفطها من أذربيجان", "40٪", Kind.PERCENT, 40,
             unit="%", entities=("israel", "azerbaijan")),
        item("o3", "a.txt", "تستورد إسرائيل نحو 40٪ من نفطها من أذربيجان", "نحو 40٪",
             Kind.PERCENT, 40, unit="%", q=Qualifier.ABOUT, entities=("israel", "azerbaijan"),
             sentence_start=300),
        item("x", "d.txt", "114 Israeli companies work in Azerbaijan", "114", Kind.COUNT, 114,
             entities=("israel", "azerbaijan"), sentence_start=50),
    ]


def _summary(facts: list[object]) -> list[tuple[str, str, tuple[str, ...]]]:
    from verify.match import Fact

    out = []
    for f in facts:
        assert isinstance(f, Fact)
        out.append((f.id, f.status, tuple(sorted(m.claim_key for m in f.members))))
    return out


def test_the_corpus_groups_as_expected() -> None:
    groups = _groups(_corpus())
    assert groups[("ar-25", "e1", "en-20")] == "conflict"
    assert groups[("o1", "o2", "o3")] == "consistent"
    assert groups[("x",)] == "single"


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_facts_and_ids_do_not_depend_on_input_order(rnd: random.Random) -> None:
    corpus = _corpus()
    expected = _summary(list(group_facts(corpus)))
    rnd.shuffle(corpus)
    assert _summary(list(group_facts(corpus))) == expected


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_adding_in_batches_gives_the_facts_of_one_pass(rnd: random.Random) -> None:
    corpus = _corpus()
    expected = _summary(list(group_facts(corpus)))
    rnd.shuffle(corpus)
    cut = rnd.randrange(1, len(corpus))
    index = FactIndex()
    first = index.add(corpus[:cut])
    affected = index.add(corpus[cut:])
    assert _summary(list(index.facts())) == expected
    assert affected  # the new items made or changed at least one fact
    untouched = {f.id for f in index.facts()} - affected
    assert untouched <= first


SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"


def _seed_facts() -> list[object]:
    from verify.extract import extract

    items: list[Item] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        for c in extract(text).claims:
            items.append(Item(f"{path.name}#{c.value.start}", path.name, c,
                              text[c.sentence_start : c.sentence_end]))
    return list(group_facts(items))


def _values(fact: object) -> set[tuple[str, str]]:
    from verify.match import Fact

    assert isinstance(fact, Fact)
    return {(m.document[:3], m.value_text) for m in fact.members}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_seeds_flag_the_ashgabat_distance_and_at_most_four_conflicts() -> None:
    from verify.match import Fact

    facts = [f for f in _seed_facts() if isinstance(f, Fact)]
    conflicts = [f for f in facts if f.status == "conflict"]
    assert 1 <= len(conflicts) <= 4
    distance = [f for f in conflicts if ("000", "25 كيلومتراً") in _values(f)]
    assert len(distance) == 1
    assert ("001", "أقل من 20 كلم") in _values(distance[0])
    assert distance[0].conflict_kind == "number"
    # the ~1000 km border of the same sentence is another fact
    assert ("000", "نحو 1000 كيلومتر") not in _values(distance[0])
    for fact in facts:
        values = _values(fact)
        # 740 million (2017-2019) and 69% (2016-2020) are never one fact
        assert not ({v for d, v in values if "740" in v} and {v for d, v in values if "69" in v})
        # the two "30 years" (first minister's visit / years of relations) never meet
        assert not {("000", "30 عاماً"), ("001", "30 عاما")} <= values
    for fact in conflicts:
        assert "do not overlap" in fact.explanation or "credited" in fact.explanation


def _groups(items: list[Item], lexicon: Lexicon | None = None) -> dict[tuple[str, ...], str]:
    """Each fact's status by its members' keys, sorted."""
    facts = group_facts(items, lexicon=lexicon)
    return {members: status for _, status, members in _summary(list(facts))}


def test_counts_are_one_fact_only_when_they_count_the_same_thing() -> None:
    ar = item("ar", "a.txt", "طردت أذربيجان أربعة دبلوماسيين إيرانيين", "أربعة دبلوماسيين",
              Kind.COUNT, 4, entities=("azerbaijan", "iran"))
    en = item("en", "b.txt", "Baku expelled five Iranian diplomats", "five", Kind.COUNT, 5,
              entities=("baku", "iran"))
    flights = item("fl", "c.txt", "Azerbaijan expelled Iranian staff after four flights",
                   "four flights", Kind.COUNT, 4, entities=("azerbaijan", "iran"))
    groups = _groups([ar, en, flights])
    assert groups[("ar", "en")] == "conflict"  # Baku stands for Azerbaijan
    assert groups[("fl",)] == "single"  # flights are not diplomats


def test_a_distance_is_not_a_border_length_in_either_language() -> None:
    distance = item("d", "a.txt", "تبعد المدينة 25 كيلومترا عن الحدود مع إيران", "25 كيلومترا",
                    Kind.LENGTH, 25, unit="km", entities=("iran",))
    phrase = item("p", "b.txt", "تقع المدينة على بعد أقل من 20 كلم من الحدود مع إيران",
                  "أقل من 20 كلم", Kind.LENGTH, None, 20, unit="km", q=Qualifier.LESS_THAN,
                  entities=("iran",))
    border = item("b", "c.txt", "The border with Iran runs for about 1,000 km", "about 1,000 km",
                  Kind.LENGTH, 900, 1100, unit="km", q=Qualifier.ABOUT, entities=("iran",))
    groups = _groups([distance, phrase, border])
    assert groups[("d", "p")] == "conflict"  # "على بعد" is a distance phrase
    assert groups[("b",)] == "single"


def test_borders_between_other_countries_are_other_facts() -> None:
    tm = item("tm", "a.txt", "Turkmenistan shares a border with Iran that runs 1,000 km",
              "1,000 km", Kind.LENGTH, 1000, unit="km", entities=("turkmenistan", "iran"))
    az = item("az", "b.txt", "يمتد الشريط الحدودي بين أذربيجان وإيران على 700 كيلومتر",
              "700 كيلومتر", Kind.LENGTH, 700, unit="km", entities=("azerbaijan", "iran"))
    az_en = item("az2", "c.txt", "Azerbaijan's border with Iran runs for 690 km", "690 km",
                 Kind.LENGTH, 690, unit="km", entities=("azerbaijan", "iran"))
    groups = _groups([tm, az, az_en])
    assert groups[("tm",)] == "single"
    assert groups[("az", "az2")] == "consistent"


def test_years_are_one_fact_only_when_they_mark_one_event() -> None:
    en = item("en", "a.txt", "Israel and Azerbaijan established diplomatic relations in 1993",
              "1993", Kind.YEAR, 1993, entities=("israel", "azerbaijan"))
    ar = item("ar", "b.txt", "أقامت إسرائيل وأذربيجان علاقات دبلوماسية عام 1992", "1992",
              Kind.YEAR, 1992, entities=("israel", "azerbaijan"))
    oil = item("o1", "c.txt", "Azerbaijani oil made up 40% of Israel's oil imports in 2022",
               "2022", Kind.YEAR, 2022, entities=("azerbaijan", "israel"))
    oil2 = item("o2", "d.txt", "Azerbaijani oil made up 40% of Israel's oil imports in 2021",
                "2021", Kind.YEAR, 2021, entities=("azerbaijan", "israel"))
    groups = _groups([en, ar, oil, oil2])
    assert groups[("ar", "en")] == "conflict"
    assert groups[("o1",)] == groups[("o2",)] == "single"  # periods of a share, no event


def test_the_opening_of_an_office_is_not_the_opening_of_a_terminal() -> None:
    lex = _firms()
    office = item("o", "a.txt", "Kavir Rail opened its office in Erbil in 2003", "2003",
                  Kind.YEAR, 2003, entities=("kavir-rail", "erbil"))
    again = item("o2", "b.txt", "Kavir Rail opened its Erbil office in 2005", "2005",
                 Kind.YEAR, 2005, entities=("kavir-rail", "erbil"))
    terminal = item("t", "c.txt", "Kavir Rail opened its new terminal in Erbil on 12 March 2023",
                    "12 March 2023", Kind.DATE, day(2023, 3, 12),
                    entities=("kavir-rail", "erbil"))
    plant = item("p", "d.txt", "The Erbil plant of Kavir Rail opened in 2011", "2011",
                 Kind.YEAR, 2011, entities=("erbil", "kavir-rail"))
    assert _groups([office, again, terminal, plant], lex) == {
        ("o", "o2"): "conflict", ("t",): "single", ("p",): "single"}


def test_a_pipeline_s_length_is_not_a_railway_s_that_reaches_the_same_city() -> None:
    lex = _firms()
    pipe = item("p", "a.txt", "The Kavir Rail pipeline to Erbil runs for 95 km", "95 km",
                Kind.LENGTH, 95, unit="km", entities=("kavir-rail", "erbil"))
    again = item("p2", "b.txt", "يمتد خط أنابيب كافير للسكك الحديدية إلى أربيل على مسافة 80 كيلومترا",
                 "80 كيلومترا", Kind.LENGTH, 80, unit="km", entities=("kavir-rail", "erbil"))
    rail = item("r", "c.txt", "The new railway between Erbil and Basra is 120 km long", "120 km",
                Kind.LENGTH, 120, unit="km", entities=("erbil", "basra"))
    assert _groups([pipe, again, rail], lex) == {("p", "p2"): "conflict", ("r",): "single"}


def test_railways_between_other_cities_are_other_facts() -> None:
    lex = _firms()
    one = item("a", "a.txt", "وتقطع القطارات على خط أربيل - البصرة مسافة 540 كيلومترا",
               "540 كيلومترا", Kind.LENGTH, 540, unit="km", entities=("erbil", "basra"))
    again = item("b", "b.txt", "Trains on the Erbil to Basra line will cover 610 km", "610 km",
                 Kind.LENGTH, 610, unit="km", entities=("erbil", "basra"))
    other = item("c", "c.txt", "وتقطع القطارات على خط أربيل - بندر عباس مسافة 1200 كيلومتر",
                 "1200 كيلومتر", Kind.LENGTH, 1200, unit="km", entities=("erbil", "bandar-abbas"))
    assert _groups([one, again, other], lex) == {("a", "b"): "conflict", ("c",): "single"}


def test_a_claim_that_cannot_say_which_of_two_facts_it_states_stays_alone() -> None:
    vague = item("v", "a.txt", "The two countries established diplomatic relations in 1993",
                 "1993", Kind.YEAR, 1993, entities=("israel",))
    tm = item("tm", "b.txt", "Israel and Turkmenistan established diplomatic relations in 1993",
              "1993", Kind.YEAR, 1993, entities=("israel", "turkmenistan"))
    az = item("az", "c.txt", "Israel and Azerbaijan established diplomatic relations in 1992",
              "1992", Kind.YEAR, 1992, entities=("israel", "azerbaijan"))
    az2 = item("az2", "d.txt", "أقامت إسرائيل وأذربيجان علاقات دبلوماسية عام 1993", "1993",
               Kind.YEAR, 1993, entities=("israel", "azerbaijan"))
    groups = _groups([vague, tm, az, az2])
    assert groups[("v",)] == "single"
    assert groups[("az", "az2")] == "conflict"
    assert groups[("tm",)] == "single"


def test_a_date_without_a_year_is_read_in_the_year_of_the_other_version() -> None:
    dated = item("d", "a.txt", "Cohen opened the embassy on 20 April", "20 April", Kind.DATE,
                 day(2023, 4, 20), entities=("eli-cohen",))
    sentence = "افتتح كوهين مقر السفارة يوم 19 أبريل"
    at = sentence.index("19 أبريل")
    loose = Item("u", "b.txt", Claim(0, len(sentence), Value(
        Kind.DATE, at, at + len("19 أبريل"), None, None, None, Qualifier.EXACT, resolved=False),
        content_stems(sentence), ("eli-cohen",)), sentence)
    fact = next(f for f in group_facts([dated, loose]) if len(f.members) == 2)
    assert fact.status == "conflict" and fact.conflict_kind == "date"
    assert "read in 2023" in fact.explanation


def test_amounts_ten_times_apart_are_other_facts() -> None:
    month = item("m", "a.txt", "Cohen came a month after the embassy in Tel Aviv opened",
                 "a month", Kind.DURATION, 30, unit="day", entities=("tel-aviv",))
    years = item("y", "b.txt", "The embassy in Tel Aviv opened after 30 years of relations",
                 "30 years", Kind.DURATION, 10957.5, unit="day", entities=("tel-aviv",))
    assert all(f.status == "single" for f in group_facts([month, years]))


def _firms() -> Lexicon:
    """The shipped lexicon with two companies of one sector, named as in running text."""
    return _lexicon_with("kavir-rail\torganisation\tKavir Rail|كافير للسكك الحديدية\t",
                         "amber-rail\torganisation\tAmber Rail|عنبر للسكك الحديدية\t",
                         "erbil\tplace\tErbil|أربيل\t", "basra\tplace\tBasra|البصرة\t",
                         "bandar-abbas\tplace\tBandar Abbas|بندر عباس\t")


def test_two_organisations_in_one_sentence_frame_are_two_facts() -> None:
    lex = _firms()
    kavir = item("k", "a.txt", "Kavir Rail employs 4,100 workers at its plant in Erbil", "4,100",
                 Kind.COUNT, 4100, entities=("kavir-rail", "erbil"))
    amber = item("m", "b.txt", "Amber Rail employs 4,800 workers at its plant in Erbil", "4,800",
                 Kind.COUNT, 4800, entities=("amber-rail", "erbil"))
    again = item("k2", "c.txt", "Kavir Rail employs 4,700 workers at its plant in Erbil",
                 "4,700", Kind.COUNT, 4700, entities=("kavir-rail", "erbil"))
    groups = _groups([kavir, amber, again], lex)
    assert groups[("k", "k2")] == "conflict"
    assert groups[("m",)] == "single"


def test_one_organisation_in_two_places_states_two_facts() -> None:
    lex = _firms()
    erbil = item("e", "a.txt", "Kavir Rail employs 4,100 workers at its plant in Erbil", "4,100",
                 Kind.COUNT, 4100, entities=("kavir-rail", "erbil"))
    basra = item("b", "b.txt", "Kavir Rail employs 4,800 workers at its plant in Basra", "4,800",
                 Kind.COUNT, 4800, entities=("kavir-rail", "basra"))
    assert set(_groups([erbil, basra], lex)) == {("e",), ("b",)}


def test_the_organisation_a_figure_is_credited_to_is_not_its_subject() -> None:
    from dataclasses import replace

    lex = _firms()
    one = item("1", "a.txt", "Erbil's rail freight grew by 40%, Kavir Rail said", "40%",
               Kind.PERCENT, 40, unit="%", entities=("erbil", "kavir-rail"))
    other = item("2", "b.txt", "Erbil's rail freight grew by 25%, Amber Rail said", "25%",
                 Kind.PERCENT, 25, unit="%", entities=("erbil", "amber-rail"))
    one = replace(one, claim=replace(one.claim, source="Kavir Rail"))
    other = replace(other, claim=replace(other.claim, source="Amber Rail"))
    assert _groups([one, other], lex)[("1", "2")] == "conflict"


def test_name_words_that_are_also_field_words_tie_nothing() -> None:
    lex = _firms()
    kavir = item("k", "a.txt", "Kavir Rail won a contract for 300 km of track", "300 km",
                 Kind.LENGTH, 300, unit="km", entities=("kavir-rail",))
    assert "rail" not in similarity_words(kavir, lex)


def similarity_words(it: Item, lex: Lexicon) -> tuple[str, ...]:
    from verify.match import features

    return features(it.claim, lex, it.text).words


def _built_by(key: str, document: str, firm: str, km: int) -> Item:
    """A pipeline's length whose clause names only the city: the firm comes before it."""
    clause = f"the pipe that reaches Erbil stretches {km} km"
    return item(key, document, f"Built by {firm}, {clause}", f"{km} km", Kind.LENGTH, km,
                unit="km", entities=("erbil",), clause=clause)


def test_an_organisation_named_outside_the_value_s_clause_is_still_its_subject() -> None:
    lex = _firms()
    kavir = _built_by("k", "a.txt", "Kavir Rail", 80)
    amber = _built_by("m", "b.txt", "Amber Rail", 95)
    assert set(_groups([kavir, amber], lex)) == {("k",), ("m",)}


def test_the_organisation_and_place_a_sentence_names_outside_the_clause_are_keys() -> None:
    lex = _firms()
    built = _built_by("b", "a.txt", "Kavir Rail", 80)
    port = item("p", "b.txt", "Through the Erbil depot, Kavir Rail moved 40,000 tonnes of steel",
                "40,000 tonnes", Kind.WEIGHT, 40000, unit="t", entities=("kavir-rail",),
                clause="Kavir Rail moved 40,000 tonnes of steel")
    assert "length:km|@kavir-rail" in blocking_keys(built.claim, lex, built.text)
    assert "weight:t|@erbil" in blocking_keys(port.claim, lex, port.text)
    assert "length:km|@kavir-rail" not in blocking_keys(built.claim, lex)  # no sentence given


def test_a_second_organisation_of_the_sentence_is_a_key_unless_it_is_the_cited_source() -> None:
    from dataclasses import replace

    lex = _firms()
    sent = item("s", "a.txt", "To support Amber Rail, Kavir Rail has assigned 70 engineers", "70",
                Kind.COUNT, 70, entities=("kavir-rail",),
                clause="Kavir Rail has assigned 70 engineers")
    assert "count:-|@amber-rail" in blocking_keys(sent.claim, lex, sent.text)
    cited = replace(sent.claim, source="Amber Rail")
    assert "count:-|@amber-rail" not in blocking_keys(cited, lex, sent.text)


def test_a_place_of_several_words_is_read_from_the_sentence_only_whole() -> None:
    lex = _firms()
    whole = item("w", "a.txt", "وشحنت كافير للسكك الحديدية عبر ميناء بندر عباس 40 ألف طن",
                 "40 ألف طن", Kind.WEIGHT, 40000, unit="t", entities=("kavir-rail",),
                 clause="وشحنت كافير للسكك الحديدية 40 ألف طن")
    part = item("p", "b.txt", "Abbas said that Kavir Rail moved 40,000 tonnes", "40,000 tonnes",
                Kind.WEIGHT, 40000, unit="t", entities=("kavir-rail",))
    assert "weight:t|@bandar-abbas" in blocking_keys(whole.claim, lex, whole.text)
    assert "weight:t|@bandar-abbas" not in blocking_keys(part.claim, lex, part.text)


def test_versions_tied_by_the_sentence_s_organisation_meet_when_their_words_are_common() -> None:
    # A season of coverage makes the words of a pipeline sentence too common to be keys; the
    # organisation and the place are what is left to tie the versions.
    lex = _firms()
    built = _built_by("b", "a.txt", "Kavir Rail", 80)
    line = item("l", "b.txt", "The Kavir Rail pipeline to Erbil runs for 95 km", "95 km",
                Kind.LENGTH, 95, unit="km", entities=("kavir-rail", "erbil"))
    words = {k for it in (built, line) for k in blocking_keys(it.claim, lex, it.text)
             if "@" not in k}
    groups = {members: status for _, status, members in
              _summary(group_facts([built, line], lexicon=lex, common=words))}
    assert groups == {("b", "l"): "conflict"}


def _port(key: str, sentence: str, clause: str) -> Item:
    """Kavir Rail's tonnage through a port its clause may leave to the rest of the sentence."""
    value = sentence[sentence.index("40"):sentence.index("tonnes") + len("tonnes")]
    return item(key, "a.txt", sentence, value, Kind.WEIGHT, 40000, unit="t",
                entities=("kavir-rail",), clause=clause)


def test_a_folder_s_own_entry_for_a_packaged_place_name_is_read_as_the_extractor_reads_it(
) -> None:
    # the packaged file gives "Baku" to baku, a corpus's own file to city-7
    gazetteer = _gazetteer_with("kavir-rail\torganisation\tKavir Rail\t",
                                "city-7\tplace\tBaku|باكو\t")
    assert gazetteer.overridden("baku", "Baku") and not gazetteer.overridden("city-7", "Baku")
    lex = Lexicon.load(gazetteer=gazetteer)
    port = _port("p", "Through the Baku port, Kavir Rail moved 40,000 tonnes of grain",
                 "Kavir Rail moved 40,000 tonnes of grain")
    assert "weight:t|@city-7" in blocking_keys(port.claim, lex, port.text)


def test_a_name_two_places_of_one_file_share_is_not_read() -> None:
    gazetteer = _gazetteer_with("kavir-rail\torganisation\tKavir Rail\t",
                                "amman\tplace\tAmman|عمان\t", "oman\tplace\tOman|عمان\t")
    assert not gazetteer.overridden("amman", "عمان")
    lex = Lexicon.load(gazetteer=gazetteer)
    port = _port("p", "عبر عمان، Kavir Rail moved 40,000 tonnes", "Kavir Rail moved 40,000 tonnes")
    assert not {"amman", "oman"} & features_of(port, lex).beyond


def test_a_place_name_of_one_content_word_and_function_words_is_read_only_whole() -> None:
    lex = _lexicon_with("kavir-rail\torganisation\tKavir Rail\t",
                        "port-said\tplace\tPort Said|بورسعيد\t")  # "said": a function word
    whole = _port("w", "Through the Port Said port, Kavir Rail moved 40,000 tonnes of grain",
                  "Kavir Rail moved 40,000 tonnes of grain")
    assert features_of(whole, lex).beyond == {"port-said"}
    assert "weight:t|@port-said" in blocking_keys(whole.claim, lex, whole.text)
    port = _port("p", "At the port, officials said Kavir Rail moved 40,000 tonnes",
                 "Kavir Rail moved 40,000 tonnes")
    assert "port-said" not in features_of(port, lex).beyond


def features_of(it: Item, lex: Lexicon) -> Features:
    return features(it.claim, lex, it.text)


def test_an_organisation_is_read_from_a_sentence_only_where_its_name_stands_whole() -> None:
    lex = _lexicon_with("kavir-rail\torganisation\tKavir Rail\t",
                        "bank-of-erbil\torganisation\tBank of Erbil\t")
    assert lex.organisations_in(content_stems("Built by Kavir Rail, the pipe")) == {"kavir-rail"}
    assert lex.organisations_in(content_stems("Kavir Dairy ships its milk by rail")) == set()
    assert lex.organisations_in(content_stems("a loan from the Bank of Erbil")) == {
        "bank-of-erbil"}


def test_a_place_word_in_an_organisation_s_name_names_no_place() -> None:
    lex = _lexicon_with("ganja-steel\torganisation\tGanja Steel|غانجا للصلب\t",
                        "kavir-rail\torganisation\tKavir Rail\t", "ganja\tplace\tGanja|گنجه\t")
    steel = item("s", "a.txt", "Ganja Steel employs 900 workers", "900", Kind.COUNT, 900,
                 entities=("ganja-steel",))
    found = features(steel.claim, lex, steel.text)
    assert "ganja" not in found.places | found.beyond
    helped = item("h", "b.txt", "To support Ganja Steel, Kavir Rail has assigned 70 engineers",
                  "70", Kind.COUNT, 70, entities=("kavir-rail",),
                  clause="Kavir Rail has assigned 70 engineers")
    found = features(helped.claim, lex, helped.text)
    assert found.beyond == {"ganja-steel"}


def test_tie_words_are_the_first_words_of_the_versions_written_with_each_stem() -> None:
    from verify.match.grouping import display_anchor
    from verify.text.normalize import stem

    texts = ["Two embassies opened in 2020", "The embassy opens a consulate"]
    assert display_anchor(stem("embassy"), texts) == "embassies"
    assert display_anchor(stem("consulate"), texts) == "consulate"
    assert display_anchor("nowhere", texts) == "nowhere"
    assert display_anchor("@iran", texts) == "iran"


def test_shared_anchors_rank_the_most_widely_shared_first_entities_before_words() -> None:
    from verify.match import features
    from verify.match.similarity import shared_anchors

    one = features(EN_DISTANCE.claim, None, EN_DISTANCE.text)
    assert shared_anchors([one]) == sorted(one.anchors, key=lambda a: (a[0] != "@", a))
    other = features(AR_DISTANCE.claim, None, AR_DISTANCE.text)
    common = sorted((one.anchors & other.anchors) - {"@ashgabat", "@iran"})
    assert shared_anchors([one, one, other]) == [
        "@ashgabat", "@iran", *common, *sorted(one.anchors - other.anchors)]


def test_one_sentence_carried_by_two_outlets_is_one_consistent_fact() -> None:
    from dataclasses import replace

    wire = "Ashgabat lies 20 km from the Iranian border"
    first = item("w1", "a.txt", wire, "20 km", Kind.LENGTH, 20, unit="km",
                 entities=("ashgabat", "iran"))
    second = replace(first, claim_key="w2", document="b.txt")
    (fact,) = [f for f in group_facts([first, second, AR_DISTANCE]) if len(f.members) > 1]
    assert {m.claim_key for m in fact.members} >= {"w1", "w2"}


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_pairs_are_the_candidates_of_the_given_claims(rnd: random.Random) -> None:
    keys = {f"c{n}": {f"k{rnd.randrange(8)}" for _ in range(rnd.randrange(1, 5))}
            for n in range(40)}
    index = InvertedIndex(common=["k7"])
    for claim, own in keys.items():
        index.add(claim, own)
    some = set(rnd.sample(sorted(keys), rnd.randrange(1, len(keys))))
    expected = {frozenset((claim, other)) for claim in some
                for other in index.candidates(claim, keys[claim])}
    pairs = index.pairs(some, keys)
    assert {frozenset(p) for p in pairs} == expected and len(pairs) == len(expected)
    assert all(a in some and (b not in some or a < b) for a, b in pairs)


@settings(max_examples=100, deadline=None)
@given(st.randoms(use_true_random=False))
def test_an_index_built_at_once_is_the_index_built_claim_by_claim(rnd: random.Random) -> None:
    words = [f"d|w{n}" for n in range(5)] + [f"d|@e{n}" for n in range(5)]
    keys = {f"c{n}": frozenset(rnd.sample(words, rnd.randrange(1, 6)))
            for n in range(rnd.randrange(8, 30))}
    later = {f"n{n}": frozenset(rnd.sample(words, rnd.randrange(1, 6))) for n in range(5)}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("verify.match.blocking.MAX_BLOCK", 6)  # a cap some blocks outgrow
        at_once = InvertedIndex.of(list(keys.items()), common=["d|w4", ("d|@e0", "d|@e1")])
        one_by_one = InvertedIndex(common=["d|w4", ("d|@e0", "d|@e1")])
        for claim, own in keys.items():
            one_by_one.add(claim, own)
        for index in (at_once, one_by_one):  # and both go on growing alike
            for claim, own in later.items():
                index.add(claim, own)
        every = keys | later
        assert at_once.blocks == one_by_one.blocks
        for claim, own in every.items():
            assert at_once.candidates(claim, own) == one_by_one.candidates(claim, own)
        assert at_once.pairs(set(every), every) == one_by_one.pairs(set(every), every)


@settings(max_examples=150, deadline=None)
@given(st.randoms(use_true_random=False))
def test_pairs_found_at_once_are_the_pairs_of_the_index(rnd: random.Random) -> None:
    """`candidate_pairs` over arrays against the index grown claim by claim, with a cap some
    blocks outgrow, keys and pairs of entities common elsewhere, repeated tokens and
    stray spaces."""
    words, names = [f"w{n}" for n in range(6)], [f"e{n}" for n in range(6)]
    n = rnd.randrange(0, 40)
    dimensions = [rnd.choice(["d", "d", "f"]) for _ in range(n)]
    own = [" ".join(rnd.choices(words, k=rnd.randrange(0, 5))) for _ in range(n)]
    named = [rnd.choice(["", " "]).join(rnd.choices(names, k=rnd.randrange(0, 5)))
             for _ in range(n)]
    common: list[str | tuple[str, str]] = [f"d|{rnd.choice(words)}", f"f|@{rnd.choice(names)}",
                                           "g|w0", tuple(sorted(["d|@e0", "d|@e1"])),
                                           ("d|@e2", "d|@e9")]
    keys = [(f"c{i:02}", keys_for(dimensions[i], own[i].split(), named[i].split()))
            for i in range(n)]
    with pytest.MonkeyPatch.context() as patch:
        cap = rnd.randrange(2, 8)
        for module in ("blocking", "candidates"):
            patch.setattr(f"verify.match.{module}.MAX_BLOCK", cap)
        index = InvertedIndex(common=common)
        for claim, its_keys in keys:
            index.add(claim, its_keys)
        expected = index.pairs({claim for claim, _ in keys}, dict(keys))
        found = candidate_pairs(dimensions, own, named, common)
    assert {(keys[i][0], keys[j][0]) for i, j in found.tolist()} == expected
    assert len(found) == len(expected) and all(i < j for i, j in found.tolist())


def test_a_year_that_names_no_event_is_no_other_claim_s_version() -> None:
    lexicon = default_lexicon()
    share = item("s", "a.txt", "Azerbaijan bought 40% of its arms from Israel in 2021", "2021",
                 Kind.YEAR, 2021, entities=("azerbaijan", "israel"))
    again = item("t", "b.txt", "In 2022 Azerbaijan bought 45% of its arms from Israel", "2022",
                 Kind.YEAR, 2022, entities=("azerbaijan", "israel"))
    opened = item("o", "c.txt", "Israel opened its embassy in Azerbaijan in 2021", "2021",
                  Kind.YEAR, 2021, entities=("israel", "azerbaijan"))
    found = {i.claim_key: features(i.claim, lexicon, i.text) for i in (share, again, opened)}
    said = {k: eventless(found[k], lexicon) for k in ("s", "t", "o")}
    assert said == {"s": True, "t": True, "o": False}
    for a, b in (("s", "t"), ("s", "o"), ("o", "s")):  # what lets matching skip their pairs
        assert frame_clash(found[a], found[b]) == "no event in common"
    assert all(f.status == "single" for f in group_facts([share, again, opened]))


def test_a_name_word_two_entities_share_goes_to_the_one_it_names_most_whatever_the_hash_seed(
) -> None:
    # Set order follows the hash seed; which entity a shared name word stands for must not.
    program = ("from verify.match.lexicon import default_lexicon; "
               "own = default_lexicon().own_names(frozenset(['israel-foreign-ministry', "
               "'times-of-israel', 'israel', 'kan'])); print(sorted(own.items()))")
    runs = {subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3", "4")}
    (printed,) = runs
    own = dict(ast.literal_eval(printed))
    israel = default_lexicon().name_stems["israel"]
    assert israel and all(own[s] == "israel" for s in israel)


def _traders() -> Lexicon:
    return _lexicon_with("kavir-dairy\torganisation\tKavir Dairy|كافير للألبان\t",
                         "merv-paper\torganisation\tMerv Paper|ميرف للورق\t",
                         "sahand-steel\torganisation\tSahand Steel|سهند للصلب\t")


def _supplies(key: str, sentence: str, value: str, low: float, *firms: str) -> Item:
    return item(key, f"{key}.txt", sentence, value, Kind.PERCENT, low, unit="%", entities=firms)


def test_what_goes_to_another_entity_is_another_fact() -> None:
    lex = _traders()
    there = _supplies("a", "Kavir Dairy raised its supplies to Merv Paper by 20%.", "20%", 20,
                      "kavir-dairy", "merv-paper")
    back = _supplies("b", "Merv Paper raised its supplies to Kavir Dairy by 35%.", "35%", 35,
                     "kavir-dairy", "merv-paper")
    elsewhere = _supplies("c", "Kavir Dairy raised its supplies to Sahand Steel by 25%.", "25%",
                          25, "kavir-dairy", "sahand-steel")
    told_again = _supplies("d", "Supplies from Kavir Dairy to Merv Paper grew by 35%.", "35%", 35,
                           "kavir-dairy", "merv-paper")
    arabic = _supplies("e", "ورفعت كافير للألبان إمداداتها إلى ميرف للورق بنسبة 30%", "30%", 30,
                       "kavir-dairy", "merv-paper")
    assert features_of(there, lex).toward == {"merv-paper"}
    assert features_of(arabic, lex).toward == {"merv-paper"}
    assert frame_clash(features_of(there, lex), features_of(back, lex)) == (
        "different destinations: merv-paper vs kavir-dairy")
    groups = _groups([there, back, elsewhere, told_again, arabic], lex)
    assert groups[("a", "d", "e")] == "conflict"
    assert ("b",) in groups and ("c",) in groups


def test_a_preposition_joined_to_its_word_says_where_it_goes_too() -> None:
    lex = _lexicon_with("kavir-dairy\torganisation\tKavir Dairy|كافير للألبان\t",
                        "merv-paper\torganisation\tMerv Paper|ميرف للورق\t")

    def engineers(key: str, sentence: str, value: str, low: float) -> Item:
        return item(key, f"{key}.txt", sentence, value, Kind.COUNT, low,
                    entities=("kavir-dairy", "merv-paper"))

    helps = engineers("a", "وأرسلت كافير للألبان 300 مهندس لمساعدة ميرف للورق في المشروع",
                      "300 مهندس", 300)
    helped = engineers("b", "وأرسلت ميرف للورق 450 مهندسا ولمساعدة كافير للألبان في المشروع",
                       "450 مهندسا", 450)
    again = engineers("c", "أرسلت كافير للألبان 320 مهندسا لمساعدة ميرف للورق في المشروع",
                      "320 مهندسا", 320)
    assert features_of(helps, lex).toward == {"merv-paper"}
    assert features_of(helped, lex).toward == {"kavir-dairy"}
    groups = _groups([helps, helped, again], lex)
    assert ("a", "c") in groups and ("b",) in groups
    # Not a preposition: the ل of a name's own word ("كافير للألبان" before another firm),
    # and the article's ("الشركة ميرف للورق", the company Merv Paper).
    named = engineers("d", "وقعت كافير للألبان وميرف للورق عقدا يشمل 40 مهندسا", "40 مهندسا",
                      40)
    article = engineers("e", "وقالت الشركة ميرف للورق إن كافير للألبان أرسلت 50 مهندسا",
                        "50 مهندسا", 50)
    assert features_of(named, lex).toward == frozenset()
    assert features_of(article, lex).toward == frozenset()


def test_where_a_value_goes_may_be_named_outside_its_clause() -> None:
    lex = _traders()

    def assigned(key: str, sentence: str, value: str, low: float, *firms: str) -> Item:
        return item(key, f"{key}.txt", sentence, value, Kind.COUNT, low, entities=firms,
                    clause=sentence.split(", ")[-1])

    merv = assigned("a", "To support Merv Paper, Kavir Dairy has assigned 300 engineers.",
                    "300 engineers", 300, "kavir-dairy")
    sahand = assigned("b", "To support Sahand Steel, Kavir Dairy has assigned 500 engineers.",
                      "500 engineers", 500, "kavir-dairy")
    again = assigned("c", "Kavir Dairy has assigned 320 engineers to support Merv Paper.",
                     "320 engineers", 320, "kavir-dairy", "merv-paper")
    assert features_of(merv, lex).toward == {"merv-paper"}
    assert features_of(sahand, lex).toward == {"sahand-steel"}
    groups = _groups([merv, sahand, again], lex)
    assert ("a", "c") in groups and ("b",) in groups


def test_a_destination_the_claim_names_is_the_one_it_names_not_a_namesake() -> None:
    # "إلياس" and "ياسنا" stem alike: the rest of the sentence reads both firms from one name.
    lex = _lexicon_with("kavir-dairy\torganisation\tKavir Dairy|كافير للألبان\t",
                        "ilyas-paper\torganisation\tIlyas Paper|إلياس للورق\t",
                        "yasna-paper\torganisation\tYasna Paper|ياسنا للورق\t")
    supplies = _supplies("a", "ورفعت كافير للألبان إمداداتها إلى ياسنا للورق بنسبة 30%", "30%",
                         30, "kavir-dairy", "yasna-paper")
    assert features_of(supplies, lex).toward == {"yasna-paper"}


def test_a_source_quoted_with_according_to_is_no_destination() -> None:
    lex = _traders()
    cited = _supplies("a", "Supplies of Kavir Dairy grew by 20%, according to Merv Paper.", "20%",
                      20, "kavir-dairy", "merv-paper")
    claim = replace(cited.claim, source="Merv Paper")
    assert features(claim, lex, cited.text).toward == frozenset()


def test_a_route_told_from_either_end_is_one_route() -> None:
    one = item("a", "a.txt", "The railway from Baku to Tehran is 500 km long.", "500 km",
               Kind.LENGTH, 500, unit="km", entities=("baku", "tehran"))
    other = item("b", "b.txt", "The railway from Tehran to Baku is 540 km long.", "540 km",
                 Kind.LENGTH, 540, unit="km", entities=("baku", "tehran"))
    lex = default_lexicon()
    assert features_of(one, lex).toward == {"tehran"} and features_of(other, lex).toward == {"baku"}
    facts = group_facts([one, other], lexicon=lex)
    assert [(len(f.members), f.status) for f in facts] == [(2, "conflict")]


def test_a_folder_s_gazetteer_says_where_its_places_belong() -> None:
    lex = _lexicon_with("nardaran\tplace\tNardaran|نارداران\t\tazerbaijan",
                        "baku\tplace\tBaku|باكو\t")  # given again, whole: no parent now
    assert lex.parents["nardaran"] == "azerbaijan" and "baku" not in lex.parents
    assert default_lexicon().parents["baku"] == "azerbaijan"
    claim = item("a", "a.txt", "Nardaran lies 25 km from the coast.", "25 km", Kind.LENGTH, 25,
                 unit="km", entities=("nardaran",)).claim
    assert "azerbaijan" in features(claim, lex).subjects
