"""Extraction speed on one core: sentences/s and MB/s of find_values.

Text is the gold sentences repeated; run `python benchmarks/extract_speed.py [SECONDS]`.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

from verify.extract.values import find_values

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "extraction_gold.jsonl"


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    sentences = [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines()]
    published = dt.date(2023, 3, 29)
    count = 0
    size = 0
    begin = time.perf_counter()
    while time.perf_counter() - begin < seconds:
        for sentence in sentences:
            find_values(sentence, published=published)
            size += len(sentence.encode("utf-8"))
        count += len(sentences)
    elapsed = time.perf_counter() - begin
    # Whole documents: one call over 50 sentences joined, as the extract stage calls it.
    document = "\n".join(sentences[:50])
    doc_begin = time.perf_counter()
    for _ in range(50):
        find_values(document, published=published)
    doc_elapsed = time.perf_counter() - doc_begin
    print(f"sentences/s {count / elapsed:,.0f}   MB/s {size / elapsed / 1e6:.3f}")
    print(f"documents (50 sentences, {len(document.encode('utf-8')) / 1000:.1f} kB) /s "
          f"{50 / doc_elapsed:,.1f}   MB/s {50 * len(document.encode('utf-8')) / doc_elapsed / 1e6:.3f}")


if __name__ == "__main__":
    main()
