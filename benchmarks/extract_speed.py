"""Extraction speed on one core: whole articles through extract(), and find_values alone.

    .venv/bin/python benchmarks/extract_speed.py [SECONDS] [FOLDER]

Articles are the real ones in ../shared/seeds (or every article read from FOLDER, e.g. the
sample corpus in claims/), each extracted with its publication date and the folder's
gazetteer, as the ingest stage does: articles/s, sentences/s and MB/s of text. An ingest
worker (Analyzer.prepare) also computes the blocking keys of every claim; they are timed
alone on the extractions, and given as a share of extraction and keys together. The find_values figures
run the labelled gold sentences. Time is this process's CPU time (one core) and each figure is the best of
several rounds, so that other work on a shared machine disturbs it less; the pipeline's
floor (10,000 articles in 60 s on 2 cores) needs about 150 articles/s per core on
articles of the seeds' length.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from verify.extract import extract
from verify.extract.values import find_values
from verify.ingest.readers import Article, read_path
from verify.match import blocking_keys
from verify.pipeline import load_vocabularies
from verify.text.segment import sentences

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "extraction_gold.jsonl"
SEEDS = ROOT.parent / "shared" / "seeds"
ROUNDS = 5


def _articles(folder: Path) -> list[Article]:
    """Every article the readers take from the folder's files."""
    found: list[Article] = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            found += [item for item in read_path(path) if isinstance(item, Article)]
    return found


def _best_rate(seconds: float, work: Callable[[], None]) -> float:
    """The best rounds per CPU second of `work` over ROUNDS slices of `seconds`."""
    best = 0.0
    for _ in range(ROUNDS):
        count = 0
        begin = time.process_time()
        while (elapsed := time.process_time() - begin) < seconds / ROUNDS or count == 0:
            work()
            count += 1
        best = max(best, count / elapsed)
    return best


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else SEEDS
    articles = _articles(folder)
    if not articles:
        raise SystemExit(f"no articles in {folder}")
    gazetteer, lexicon = load_vocabularies([folder])
    chars = sum(len(article.text) for article in articles)
    size = sum(len(article.text.encode("utf-8")) for article in articles)
    count = sum(len(sentences(article.text)) for article in articles)

    def extract_all() -> None:
        for article in articles:
            extract(article.text, published=article.published, gazetteer=gazetteer)

    extract_all()  # warm the per-word caches, as a long run does
    rounds = _best_rate(seconds, extract_all)
    print(f"extract()  {len(articles)} articles from {folder} (mean {chars / len(articles):,.0f} "
          f"characters, {count / len(articles):.1f} sentences)")
    print(f"  articles/s {rounds * len(articles):,.1f}   sentences/s {rounds * count:,.0f}   "
          f"MB/s {rounds * size / 1e6:.3f}")

    extractions = [extract(article.text, published=article.published, gazetteer=gazetteer)
                   for article in articles]

    def keys_all() -> None:
        for extraction in extractions:
            for claim in extraction.claims:
                blocking_keys(claim, lexicon)

    keys = _best_rate(seconds / 2, keys_all)
    print(f"blocking_keys()  articles/s {keys * len(articles):,.1f}   "
          f"{rounds / (rounds + keys):.0%} of a worker's extraction and keys")

    gold = [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines()]
    published = dt.date(2023, 3, 29)
    gold_size = sum(len(sentence.encode("utf-8")) for sentence in gold)

    def values_all() -> None:
        for sentence in gold:
            find_values(sentence, published=published)

    rounds = _best_rate(seconds / 2, values_all)
    print(f"find_values()  {len(gold)} gold sentences")
    print(f"  sentences/s {rounds * len(gold):,.0f}   MB/s {rounds * gold_size / 1e6:.3f}")


if __name__ == "__main__":
    main()
