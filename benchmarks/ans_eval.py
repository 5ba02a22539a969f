"""Conflict precision and recall of `compare_statements` on the ANS stance corpus.

ANS pairs an Arabic headline (s1) with a paraphrase (agree), a contradiction (disagree) or
an unrelated headline (other); see ../shared/datasets/ans/SOURCE.md. A pair counts as a
predicted conflict when `compare_statements` says "conflict"; the gold conflicts are the
"disagree" rows. Rules are tuned on train and dev only; the test split is never read here.

    .venv/bin/python benchmarks/ans_eval.py [dev|train] [--show N]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from verify.check import compare_statements

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "ans" / "stance"
SPLITS = ("train", "dev")  # the test split stays unseen


def main() -> None:
    """Print the confusion of conflict/no-conflict against disagree/other labels."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("split", nargs="?", default="dev", choices=SPLITS)
    parser.add_argument("--show", type=int, default=0, help="print N false positives")
    args = parser.parse_args()
    counts: Counter[tuple[str, bool]] = Counter()
    verdicts: Counter[str] = Counter()
    false_positives: list[tuple[str, str, str, str]] = []
    with (DATA / f"{args.split}.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            result = compare_statements(row["s1"], row["s2"])
            verdicts[result["verdict"]] += 1
            flagged = result["verdict"] == "conflict"
            counts[(row["stance"], flagged)] += 1
            if flagged and row["stance"] != "disagree":
                false_positives.append((row["s1"], row["s2"], row["stance"],
                                        result["explanation"]))
    tp = counts[("disagree", True)]
    fp = sum(n for (stance, flagged), n in counts.items() if flagged and stance != "disagree")
    gold = sum(n for (stance, _), n in counts.items() if stance == "disagree")
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / gold if gold else float("nan")
    print(f"split={args.split} pairs={sum(counts.values())} verdicts={dict(verdicts)}")
    print(f"conflict precision={precision:.3f} recall={recall:.3f} (tp={tp} fp={fp} "
          f"gold={gold})")
    for s1, s2, stance, why in false_positives[: args.show]:
        print(f"- [{stance}] {s1} || {s2} || {why}")


if __name__ == "__main__":
    main()
