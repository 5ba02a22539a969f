"""Entities: gazetteer look-up across scripts and clitics, title-led names, variant merging."""

from __future__ import annotations

from pathlib import Path

from verify.claims import Mention
from verify.extract.entities import Gazetteer, find_mentions, merge_variants

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"
GAZETTEER = Gazetteer.load()


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.key) for m in find_mentions(text, GAZETTEER)]


def test_names_in_both_scripts_share_a_key() -> None:
    assert _found("التقى الوزير بالرئيس إلهام علييف في باكو") == [
        ("إلهام علييف", "ilham-aliyev"),
        ("باكو", "baku"),
    ]
    assert _found("President Ilham Aliyev met him in Baku.") == [
        ("Ilham Aliyev", "ilham-aliyev"),
        ("Baku", "baku"),
    ]


def test_clitics_are_left_out_of_the_mention_and_capital_differs_from_country() -> None:
    assert _found("وصل وفد لإسرائيل ثم توجه إلى طهران وليس إلى إيران") == [
        ("إسرائيل", "israel"),
        ("طهران", "tehran"),
        ("إيران", "iran"),
    ]


def test_adjectives_name_their_country_in_every_inflection() -> None:
    keys = [key for _, key in _found("الوزير الإسرائيلي والسفارة الإسرائيلية والمسؤولين الإيرانيين")]
    assert keys == ["israel", "israel", "iran"]


def test_name_that_starts_a_longer_name_may_end_the_text() -> None:
    # "Israel" also begins "Israel's Foreign Ministry": at the end of a text, the longer
    # name has no words left to compare and must not be taken for the short one.
    assert _found("He visited Israel") == [("Israel", "israel")]
    assert _found("Iranian Israeli") == [("Iranian", "iran"), ("Israeli", "israel")]


def test_lowercase_english_word_is_not_a_capitalised_name() -> None:
    assert _found("a gallant effort") == []
    assert _found("Defence Minister Gallant arrived") == [("Gallant", "yoav-gallant")]


def test_article_is_not_peeled_off_a_person_name() -> None:
    gazetteer = Gazetteer()
    gazetteer.add_lines(["raisi\tperson\tإبراهيم رئيسي|رئيسي"])
    assert find_mentions("الهدف الرئيسي للزيارة", gazetteer) == []
    assert [m.key for m in find_mentions("قال رئيسي", gazetteer)] == ["raisi"]


def test_multi_word_organisation_with_quoted_part() -> None:
    assert _found("حسبما أوردت وكالة «ترند» الأذربيجانية") == [
        ("وكالة «ترند»", "trend"),
        ("أذربيجانية", "azerbaijan"),
    ]


def test_transliteration_variants_of_known_people_are_found() -> None:
    assert _found("سيلتقي الرئيس علاييف غدا") == [("علاييف", "ilham-aliyev")]
    assert _found("هرتسوع يتوجه إلى الخارج") == [("هرتسوع", "isaac-herzog")]


def test_one_unrelated_edit_is_not_a_variant() -> None:
    assert _found("وجه اتهاما إلى الحكومة") == []


def test_unknown_arabic_name_after_title_needs_two_words_and_a_boundary() -> None:
    assert _found("التقى وزير الدفاع السابق ماهر دلباز في العاصمة") == [
        ("ماهر دلباز", "name:ماهر_دلباز")
    ]
    assert _found("وزير الخارجية افتتح سفارة بلاده") == []
    assert _found("الرئيس يلتقي الوفد") == []


def test_unknown_english_name_after_title() -> None:
    assert _found("Mr Tomlinson said so") == [("Tomlinson", "name:tomlinson")]


def test_user_file_extends_the_gazetteer(tmp_path: Path) -> None:
    extra = tmp_path / "extra.tsv"
    extra.write_text("# mine\nlachin\tplace\tلاتشين|Lachin\n", encoding="utf-8")
    gazetteer = Gazetteer.load(extra)
    assert [m.key for m in find_mentions("الطريق إلى لاتشين", gazetteer)] == ["lachin"]
    assert "baku" in gazetteer.types


def _person(key: str, surface: str) -> Mention:
    return Mention(start=0, end=len(surface), key=key, surface=surface, type="person")


def test_spelling_variants_merge_across_documents() -> None:
    mapping = merge_variants(
        [
            _person("jeyhun-bayramov", "جيهان بيراموف"),
            _person("name:جيحون_بيرموف", "جيحون بيرموف"),
            _person("name:هرتسوع", "هرتسوع"),
            _person("isaac-herzog", "هرتسوغ"),
            _person("name:علاييف", "علاييف"),
            _person("ilham-aliyev", "إلهام علييف"),
        ]
    )
    assert mapping["name:جيحون_بيرموف"] == "jeyhun-bayramov"
    assert mapping["name:هرتسوع"] == "isaac-herzog"
    assert mapping["name:علاييف"] == "ilham-aliyev"


def test_different_people_with_close_names_do_not_merge() -> None:
    mapping = merge_variants(
        [
            _person("ilham-aliyev", "إلهام علييف"),
            _person("name:حيدر_علييف", "حيدر علييف"),
            _person("name:ذاكر_حسنوف", "ذاكر حسنوف"),
            _person("name:علي_حسينوف", "علي حسينوف"),
        ]
    )
    assert len(set(mapping.values())) == 4


def test_surname_alone_stays_apart_when_two_people_carry_it() -> None:
    mapping = merge_variants(
        [
            _person("name:إلهام_علييف", "إلهام علييف"),
            _person("name:حيدر_علييف", "حيدر علييف"),
            _person("name:علاييف", "علاييف"),
        ]
    )
    assert mapping["name:علاييف"] == "name:علاييف"


def test_two_gazetteer_people_never_merge() -> None:
    mapping = merge_variants(
        [_person("ilham-aliyev", "إلهام علييف"), _person("heydar-aliyev", "إلهام علييف")]
    )
    assert mapping == {"ilham-aliyev": "ilham-aliyev", "heydar-aliyev": "heydar-aliyev"}


def test_seed_variants_of_aliyev_and_bayramov_merge() -> None:
    mentions = [
        mention
        for path in sorted(SEEDS.iterdir())
        for mention in find_mentions(path.read_text(encoding="utf-8"), GAZETTEER)
    ]
    mapping = merge_variants(mentions)
    by_surface = {m.surface: mapping[m.key] for m in mentions}
    assert by_surface["علاييف"] == by_surface["علييف"] == "ilham-aliyev"
    assert by_surface["بيرموف"] == by_surface["جيهان بيراموف"] == "jeyhun-bayramov"
    assert by_surface["هرتسوع"] == by_surface["هرتسوغ"] == "isaac-herzog"


def test_seed_mentions_slice_back() -> None:
    for path in sorted(SEEDS.iterdir()):
        text = path.read_text(encoding="utf-8")
        for mention in find_mentions(text, GAZETTEER):
            assert text[mention.start : mention.end] == mention.surface
