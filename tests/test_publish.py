"""Report and export from one store: a large store's report carries only the lone claims
of documents in conflict, while its counts and the JSON export stay complete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verify import export
from verify.export import export_data
from verify.pipeline import ingest_and_analyze
from verify.publish import publish
from verify.store import Store

ARTICLES = {
    "near.txt": "The new embassy in Ashgabat stands 25 km from the Iranian border, officials "
                "said. The ministry hired 120 new diplomats this year.",
    "far.txt": "The new embassy in Ashgabat stands 17 km from the Iranian border, officials said.",
    "other.txt": "The port of Baku handled 4 million tonnes of cargo in 2022.",
}


@pytest.fixture
def stocked(store: Store, tmp_path: Path) -> Store:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    ingest_and_analyze(store, [folder])
    return store


def singles_by_document(facts: list[dict[str, object]]) -> set[str]:
    return {v["document"] for f in facts if f["status"] == "single"  # type: ignore[index]
            for v in f["versions"]}  # type: ignore[attr-defined]


def test_small_store_report_carries_every_claim(stocked: Store) -> None:
    data = export_data(stocked, for_report=True)
    assert singles_by_document(data["facts"]) == {"near.txt", "other.txt"}
    assert data["totals"]["single"] == sum(f["status"] == "single" for f in data["facts"])


def test_large_store_report_keeps_counts_and_export_stays_whole(
        stocked: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full = export_data(stocked)
    monkeypatch.setattr(export, "REPORT_SINGLES", 1)
    data = export_data(stocked, for_report=True)
    assert singles_by_document(data["facts"]) == {"near.txt"}
    assert data["totals"]["single"] == sum(f["status"] == "single" for f in full["facts"]) > 1
    publish(stocked, tmp_path / "r.html", tmp_path / "r.json")
    written = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [f["id"] for f in written["facts"]] == [f["id"] for f in full["facts"]]
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert f">{data['totals']['single']}<" in page.replace(" ", "").replace("\n", "")
