"""Precision and recall of flagged conflicts against a gold file, overall and per kind.

Method (pairwise, so a fact of three versions with one odd one out counts two pairs):

* A gold conflict pair is two versions of one gold fact whose verdict is "conflict" and
  whose `group` letters differ.
* A predicted conflict pair is two versions of one fact with status "conflict" whose values
  disagree: their intervals (kind, low, high, unit, qualifier as exported) do not overlap
  under `verify.compare`, or, when an export lacks the bounds, their value words differ.
* A predicted version matches a gold version when the document names are equal (or one
  contains the other, for records inside a JSONL file) and the value words match after
  whitespace folding, one a substring of the other.
* precision = predicted pairs matching some gold conflict pair / predicted pairs;
  recall = gold conflict pairs matched by some predicted pair / gold conflict pairs.
  A ratio with nothing to count is reported as None.
* Per kind: gold pairs by their fact's `kind`, predicted pairs by their fact's `kind`.

The gold format: `{"facts": [{"label", "kind", "verdict", "versions": [{"document", "value",
"group"}], "why"}]}`; the predicted facts are the `facts` of the JSON export.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from verify.claims import Claim, Kind, Qualifier, Value
from verify.compare import compare


@dataclass(frozen=True, slots=True)
class _Version:
    document: str
    value: str


@dataclass(frozen=True, slots=True)
class _Pair:
    kind: str
    a: _Version
    b: _Version
    label: str


def evaluate(gold: Mapping[str, Any], facts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The conflict precision/recall report (see the module docstring for the method)."""
    expected = list(_gold_pairs(gold))
    predicted = list(_predicted_pairs(facts))
    hits = [p for p in predicted if any(_same_pair(p, g) for g in expected)]
    found = [g for g in expected if any(_same_pair(p, g) for p in predicted)]
    kinds = sorted({p.kind for p in expected} | {p.kind for p in predicted})
    return {
        **_scores(len(predicted), len(hits), len(expected), len(found)),
        "per_kind": {
            k: _scores(
                sum(p.kind == k for p in predicted),
                sum(p.kind == k for p in hits),
                sum(g.kind == k for g in expected),
                sum(g.kind == k for g in found),
            )
            for k in kinds
        },
        "false_positives": [_show(p) for p in predicted if p not in hits],
        "missed": [_show(g) for g in expected if g not in found],
    }


def _scores(predicted: int, hits: int, expected: int, found: int) -> dict[str, Any]:
    return {
        "predicted_pairs": predicted,
        "gold_pairs": expected,
        "precision": hits / predicted if predicted else None,
        "recall": found / expected if expected else None,
    }


def _gold_pairs(gold: Mapping[str, Any]) -> Iterable[_Pair]:
    for fact in gold.get("facts", []):
        if fact.get("verdict") != "conflict":
            continue
        for a, b in combinations(fact.get("versions", []), 2):
            if a.get("group") != b.get("group"):
                yield _Pair(
                    str(fact.get("kind")),
                    _Version(a["document"], a["value"]),
                    _Version(b["document"], b["value"]),
                    str(fact.get("label", "")),
                )


def _predicted_pairs(facts: Sequence[Mapping[str, Any]]) -> Iterable[_Pair]:
    for fact in facts:
        if fact.get("status") != "conflict":
            continue
        kind = str(fact.get("kind"))
        for a, b in combinations(fact.get("versions", []), 2):
            if _disagree(kind, a, b):
                yield _Pair(
                    kind,
                    _Version(a["document"], a["value"]),
                    _Version(b["document"], b["value"]),
                    str(fact.get("label", "")),
                )


def _disagree(kind: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    ca, cb = _claim(kind, a), _claim(kind, b)
    if ca is None or cb is None:
        return _fold(a["value"]) != _fold(b["value"])
    return compare(ca, cb).verdict == "conflict"


def _claim(kind: str, version: Mapping[str, Any]) -> Claim | None:
    """The exported value rebuilt as a claim, or None when the export lacks its bounds."""
    if version.get("low") is None and version.get("high") is None:
        return None  # no bounds exported (or a date the text gives no year for)
    try:
        value = Value(
            Kind(kind),
            0,
            0,
            _number(kind, version.get("low")),
            _number(kind, version.get("high")),
            version.get("unit"),
            Qualifier(version.get("qualifier") or "exact"),
        )
    except ValueError:
        return None
    return Claim(0, 0, value, (), source=version.get("source"))


def _number(kind: str, bound: float | str | None) -> float | None:
    """An exported bound as `Value` holds it: dates are exported as ISO days, not ordinals."""
    if not isinstance(bound, str):
        return bound
    day = date.fromisoformat(bound)
    return float(day.year) if kind == Kind.YEAR.value else float(day.toordinal())


def _fold(words: str) -> str:
    return " ".join(words.split())


def _same_version(p: _Version, g: _Version) -> bool:
    same_doc = p.document == g.document or p.document in g.document or g.document in p.document
    pv, gv = _fold(p.value), _fold(g.value)
    return same_doc and bool(pv) and bool(gv) and (pv in gv or gv in pv)


def _same_pair(p: _Pair, g: _Pair) -> bool:
    return (_same_version(p.a, g.a) and _same_version(p.b, g.b)) or (
        _same_version(p.a, g.b) and _same_version(p.b, g.a)
    )


def _show(pair: _Pair) -> str:
    return (
        f"{pair.kind} [{pair.label}]: {pair.a.document} «{pair.a.value}» vs "
        f"{pair.b.document} «{pair.b.value}»"
    )
