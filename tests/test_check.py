"""`check` and `compare` libraries: typed claims against stored ones, pairs of statements."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.check import check_claim, compare_statements
from verify.extract import extract
from verify.match import Item

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"


def items_of(name: str, text: str) -> list[Item]:
    """Every claim of one document as a stored item."""
    return [
        Item(f"{name}#{c.value.start}", name, c, text[c.sentence_start : c.sentence_end])
        for c in extract(text).claims
    ]


STORE = items_of(
    "ar.txt",
    "قالت الوكالة إن إسرائيل قدمت 69٪ من واردات باكو من الأسلحة.\n"
    "وتبعد عشق آباد 25 كيلومترا عن حدود إيران.\n",
)


def test_a_typed_english_claim_finds_its_arabic_version_as_support() -> None:
    result = check_claim("Israel supplied 69% of Baku's arms imports", STORE)
    assert result["claim"] == "Israel supplied 69% of Baku's arms imports"
    (version,) = result["versions"]
    assert version["verdict"] == "supports"
    assert version["value"] == "69٪"
    assert version["document"] == "ar.txt"
    assert "arms" in version["explanation"] and "imports" in version["explanation"]


def test_a_typed_claim_with_another_figure_conflicts() -> None:
    (version,) = check_claim("Israel supplied 40% of Baku's arms imports", STORE)["versions"]
    assert version["verdict"] == "conflicts"
    assert "do not overlap" in version["explanation"]


def test_candidates_may_come_from_a_callable_by_blocking_keys() -> None:
    asked: list[frozenset[str]] = []

    def fetch(keys: frozenset[str]) -> list[Item]:
        asked.append(keys)
        return [i for i in STORE if i.value_text == "69٪"]

    result = check_claim("Israel supplied 69% of Baku's arms imports", fetch)
    assert asked and all(k.startswith("percent:%|") for k in asked[0])
    assert [v["verdict"] for v in result["versions"]] == ["supports"]


def test_an_unrelated_claim_finds_nothing() -> None:
    assert check_claim("Brazil exported 12% more coffee", STORE)["versions"] == []


def test_version_text_is_the_sentence_at_its_offsets() -> None:
    (version,) = check_claim("Israel supplied 69% of Baku's arms imports", STORE)["versions"]
    assert version["text"].startswith("قالت الوكالة") and version["start"] == 0
    assert version["end"] - version["start"] == len(version["text"])


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("Ashgabat lies 25 km from the Iranian border",
         "تقع عشق آباد على بعد أقل من 20 كيلومترا من الحدود الإيرانية", "conflict"),
        ("Ashgabat lies 25 km from the Iranian border",
         "تقع عشق آباد على بعد نحو 25 كيلومترا من الحدود الإيرانية", "consistent"),
        ("ارتفاع أسعار النفط في الأسواق العالمية", "انخفاض أسعار النفط في الأسواق العالمية",
         "conflict"),
        ("الشرطة تعتقل ثلاثة متظاهرين في القاهرة", "الشرطة لم تعتقل متظاهرين في القاهرة",
         "conflict"),
        ("ارتفاع أسعار النفط في الأسواق العالمية", "فوز فريق الكرة في المباراة النهائية",
         "unrelated"),
        ("Israel's arms sales to Azerbaijan exceeded $740 million in 2017-2019",
         "Israel supplied 69% of Azerbaijan's arms imports in 2016-2020", "not-comparable"),
    ],
)
def test_compare_statements(a: str, b: str, verdict: str) -> None:
    result = compare_statements(a, b)
    assert result["verdict"] == verdict, result["explanation"]
    assert result["explanation"]


def test_a_negation_in_a_side_clause_is_not_a_contradiction() -> None:
    # the negated word of one side is not said on the other side: no opposite claim
    a = "مقتل 4 أشخاص في أمطار غزيرة لم تشهدها المدينة منذ عقود"
    b = "مقتل 4 أشخاص في أمطار غزيرة ضربت المدينة"
    assert compare_statements(a, b)["verdict"] != "conflict"


def test_several_values_of_one_headline_pair_with_their_equals() -> None:
    a = "three films win five awards in London"
    b = "3 films win 5 awards in London"
    assert compare_statements(a, b)["verdict"] == "consistent"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_the_design_card_check_finds_the_sipri_sentence_of_article_003() -> None:
    stored = [
        item for path in sorted(SEEDS.glob("*.txt")) for item in items_of(path.name,
                                                                        path.read_text("utf-8"))
    ]
    result = check_claim("Israel supplied 69% of Baku's arms imports", stored)
    supports = [v for v in result["versions"] if v["verdict"] == "supports"]
    assert [v["document"][:3] for v in supports] == ["003"]
    assert supports[0]["value"] == "69٪"
    assert "2016-2020" in supports[0]["text"]
    assert all(v["verdict"] != "conflicts" for v in result["versions"])
