"""Facts in the store: incremental regrouping agrees with regrouping everything."""

from __future__ import annotations

from pathlib import Path

from conftest import CLAIMS

from verify.export import export_data
from verify.pipeline import ingest_and_analyze
from verify.store import open_store


def grouped(url: str) -> set[tuple[str, str, tuple[str, ...]]]:
    store = open_store(url)
    facts = export_data(store)["facts"]
    store.close()
    return {(f["id"], f["status"], tuple(sorted(v["claim_id"] for v in f["versions"])))
            for f in facts if f["status"] != "single"}


def test_one_by_one_gives_the_facts_of_all_at_once(tmp_path: Path) -> None:
    files = sorted(p for p in CLAIMS.iterdir() if p.suffix in {".txt", ".md", ".html", ".jsonl"})
    at_once = f"sqlite:///{tmp_path / 'once.db'}"
    store = open_store(at_once)
    ingest_and_analyze(store, files)
    store.close()
    stepwise = f"sqlite:///{tmp_path / 'steps.db'}"
    store = open_store(stepwise)
    for path in reversed(files):
        ingest_and_analyze(store, [path])
    store.close()
    expected = grouped(at_once)
    assert expected, "the sample corpus states facts in more than one article"
    assert grouped(stepwise) == expected
