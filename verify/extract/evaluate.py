"""Precision and recall of find_values against a labelled gold file.

`python -m verify.extract.evaluate [GOLD]` — GOLD is JSONL, one sentence a line:
{"lang", "published", "text", "values": [{"words", "kind", "low", "high", "unit",
"qualifier"}]}. A found value counts as right only when its words, kind, interval, unit and
qualifier all equal the gold ones, so a wrong interval is both a false positive and a miss.
A gold value may also give the claim's "source" and "scope" (a list): the line is then run
through the whole `extract()`, since a source or period named by back-reference ("the same
institute", "over the same period") is read from an earlier sentence, and those must match too.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from verify.claims import Value
from verify.extract import extract
from verify.extract.values import find_values

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "extraction_gold.jsonl"

Key = tuple[str, str, float | None, float | None, str | None, str]
_CLAIM_FIELDS = ("source", "scope")


@dataclass
class Tally:
    """Right, found and expected counts per bucket ("all", "ar", "en", "kind:...")."""

    right: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    expected: Counter[str] = field(default_factory=Counter)

    def precision(self, bucket: str) -> float:
        return self.right[bucket] / self.found[bucket] if self.found[bucket] else 1.0

    def recall(self, bucket: str) -> float:
        return self.right[bucket] / self.expected[bucket] if self.expected[bucket] else 1.0


def _num(x: float | None) -> float | None:
    return None if x is None else round(float(x), 6)


def _close(a: Key, b: Key) -> bool:
    same = a[0] == b[0] and a[1] == b[1] and a[4] == b[4] and a[5] == b[5]
    return same and all(
        (x is None and y is None) or (x is not None and y is not None
                                      and math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-6))
        for x, y in ((a[2], b[2]), (a[3], b[3]))
    )


Found = tuple[Key, dict[str, object]]


def evaluate(gold: Path) -> Tally:
    """Score every gold line; buckets are overall, per language and per gold/found kind."""
    tally = Tally()
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        expected: list[Found] = [
            ((v["words"], v["kind"], _num(v["low"]), _num(v["high"]), v["unit"], v["qualifier"]),
             {f: v[f] for f in _CLAIM_FIELDS if f in v})
            for v in row["values"]
        ]
        if any(fields for _, fields in expected):
            found: list[Found] = [
                (_key(text, claim.value), {"source": claim.source, "scope": list(claim.scope)})
                for claim in extract(text, published=published).claims
            ]
        else:
            found = [(_key(text, v), {}) for v in find_values(text, published=published)]
        _score(tally, row["lang"], expected, found)
    return tally


def _key(text: str, value: Value) -> Key:
    return (text[value.start:value.end], value.kind.value, _num(value.low), _num(value.high),
            value.unit, value.qualifier.value)


def _score(tally: Tally, lang: str, expected: list[Found], found: list[Found]) -> None:
    unmatched = list(expected)
    for key, fields in found:
        tally.found.update(["all", lang, f"kind:{key[1]}"])
        hit = next((g for g in unmatched if _close(g[0], key)
                    and all(fields.get(f) == want for f, want in g[1].items())), None)
        if hit is not None:
            unmatched.remove(hit)
            tally.right.update(["all", lang, f"kind:{key[1]}"])
    for key, _ in expected:
        tally.expected.update(["all", lang, f"kind:{key[1]}"])


def main(argv: list[str] | None = None) -> int:
    """Print precision and recall overall, per language and per kind."""
    args = sys.argv[1:] if argv is None else argv
    tally = evaluate(Path(args[0]) if args else DEFAULT_GOLD)
    buckets = ["all", "ar", "en"] + sorted(b for b in tally.expected | tally.found
                                          if b.startswith("kind:"))
    print(f"{'bucket':<18}{'precision':>10}{'recall':>10}{'gold':>7}{'found':>7}")
    for b in buckets:
        print(f"{b:<18}{tally.precision(b):>10.3f}{tally.recall(b):>10.3f}"
              f"{tally.expected[b]:>7}{tally.found[b]:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
