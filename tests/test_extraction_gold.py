"""The labelled extraction set stays above the precision and recall reached on it."""

from __future__ import annotations

from verify.extract.evaluate import DEFAULT_GOLD, evaluate


def test_gold_floors() -> None:
    tally = evaluate(DEFAULT_GOLD)
    assert tally.expected["ar"] >= 200 and tally.expected["en"] >= 100
    for bucket in ("all", "ar", "en"):
        assert tally.precision(bucket) >= 0.97, bucket
        assert tally.recall(bucket) >= 0.97, bucket
