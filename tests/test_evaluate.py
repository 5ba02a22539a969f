"""Pairwise precision/recall of flagged conflicts against a gold file."""

from __future__ import annotations

from typing import Any

from verify.evaluate import evaluate

GOLD: dict[str, Any] = {
    "facts": [
        {"label": "distance", "kind": "length", "verdict": "conflict", "why": "planted",
         "versions": [
             {"document": "a.txt", "value": "25 km", "group": "A"},
             {"document": "b.txt", "value": "less than 20 km", "group": "B"},
             {"document": "c.txt", "value": "17 km", "group": "B"},
         ]},
        {"label": "year", "kind": "year", "verdict": "conflict", "why": "planted",
         "versions": [
             {"document": "a.txt", "value": "1992", "group": "A"},
             {"document": "b.txt", "value": "1993", "group": "B"},
         ]},
        {"label": "border", "kind": "length", "verdict": "consistent", "why": "agree",
         "versions": [
             {"document": "a.txt", "value": "about 1000 km", "group": "A"},
             {"document": "b.txt", "value": "1,000 km", "group": "A"},
         ]},
    ]
}


def version(document: str, value: str, low: float | None, high: float | None,
            qualifier: str = "exact", unit: str | None = "km") -> dict[str, Any]:
    return {"document": document, "value": value, "low": low, "high": high, "unit": unit,
            "qualifier": qualifier, "start": 0, "end": 1, "text": value}


def test_a_perfect_prediction_scores_one() -> None:
    facts = [
        {"status": "conflict", "kind": "length", "versions": [
            version("a.txt", "25 km", 25, 25),
            version("b.txt", "أقل من 20 كم", 0, 20, "less-than"),  # words differ: no match
            version("b.txt", "less than 20 km", 0, 20, "less-than"),
            version("c.txt", "17 km", 17, 17),
        ]},
        {"status": "conflict", "kind": "year", "versions": [
            version("x/a.txt", "عام 1992", 1992, 1992, unit=None),
            version("b.txt", "1993", 1993, 1993, unit=None),
        ]},
    ]
    report = evaluate(GOLD, facts)
    # predicted: 25/ar-20, 25/20, 25/17, ar-20/... (20 vs 17 agree: not a pair), 1992/1993
    assert report["gold_pairs"] == 3
    assert report["recall"] == 1.0
    assert report["predicted_pairs"] == 4
    assert report["precision"] == 0.75
    assert report["per_kind"]["year"]["precision"] == 1.0
    assert len(report["false_positives"]) == 1 and "أقل من 20 كم" in report["false_positives"][0]


def test_versions_that_agree_inside_a_conflict_fact_are_not_pairs() -> None:
    facts = [{"status": "conflict", "kind": "length", "versions": [
        version("b.txt", "less than 20 km", 0, 20, "less-than"),
        version("c.txt", "17 km", 17, 17),
    ]}]
    report = evaluate(GOLD, facts)
    assert report["predicted_pairs"] == 0
    assert report["precision"] is None
    assert report["recall"] == 0.0
    assert len(report["missed"]) == 3


def test_a_flag_on_a_consistent_gold_fact_is_a_false_positive() -> None:
    facts = [{"status": "conflict", "kind": "length", "versions": [
        version("a.txt", "about 1000 km", 900, 1100, "about"),
        version("b.txt", "1,000 km", 1000, 1000),
        version("b.txt", "25 km", 25, 25),
    ]}]
    report = evaluate(GOLD, facts)
    assert report["precision"] == 0.0
    assert report["per_kind"]["length"]["predicted_pairs"] == 2


def test_without_bounds_differing_words_make_a_pair() -> None:
    facts = [{"status": "conflict", "kind": "year", "versions": [
        {"document": "a.txt", "value": "1992"}, {"document": "b.txt", "value": "1993"},
    ]}]
    assert evaluate(GOLD, facts)["per_kind"]["year"]["recall"] == 1.0


def test_consistent_facts_are_never_counted() -> None:
    facts = [{"status": "consistent", "kind": "year", "versions": [
        version("a.txt", "1992", 1992, 1992, unit=None),
        version("b.txt", "1993", 1993, 1993, unit=None),
    ]}]
    assert evaluate(GOLD, facts)["predicted_pairs"] == 0


def test_dates_exported_as_iso_days_and_dates_without_bounds_are_read() -> None:
    gold = {"facts": [{"kind": "date", "verdict": "conflict", "label": "opening", "versions": [
        {"document": "a.txt", "value": "20 April", "group": "A"},
        {"document": "b.txt", "value": "19 أبريل", "group": "B"},
        {"document": "c.txt", "value": "April 20", "group": "A"}]}]}
    facts = [{"status": "conflict", "kind": "date", "label": "opening", "versions": [
        {"document": "a.txt", "value": "20 April", "low": "2023-04-20", "high": "2023-04-20",
         "unit": None, "qualifier": "exact"},
        {"document": "c.txt", "value": "April 20", "low": "2023-04-20", "high": "2023-04-20",
         "unit": None, "qualifier": "exact"},
        {"document": "b.txt", "value": "19 أبريل", "low": None, "high": None, "unit": None,
         "qualifier": "exact"}]}]
    report = evaluate(gold, facts)
    # the two dated versions agree (no pair); the year-less one differs in words from both
    assert (report["precision"], report["recall"], report["predicted_pairs"]) == (1.0, 1.0, 2)
