"""The report of a store is read from the store cut to what the page shows: it must be the
very page that the complete data (every document, fact and entity) gives, whatever the limits.

The complete data is put together here the plain way, from the JSON export and an ORM query
per document, fact and entity, so that it checks the store's ranked and counted reading
rather than repeating it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from conftest import stock_sample
from sqlalchemy import select, update

from verify.export import export_data
from verify.publish import publish
from verify.report import Limits, render_report
from verify.report.data import report_data
from verify.review import history, set_review
from verify.store import Store
from verify.store.models import (
    Alias,
    Document,
    DocumentVersion,
    Entity,
    Mention,
    Review,
)

LIMITS = [
    Limits(),
    Limits(conflicts=3, other_facts=2, entities=4, documents=3, document_text_chars=2_000),
    Limits(conflicts=1, other_facts=1, entities=1, documents=1, document_text_chars=0),
]


def complete_data(store: Store) -> dict[str, Any]:
    """Every document with its text, every fact with its review history, every entity with
    every document that names it."""
    data = export_data(store)
    with store.session() as session:
        for document in data["documents"]:
            document["text"] = session.scalar(
                select(DocumentVersion.text).join(Document)
                .where(Document.name == document["name"], DocumentVersion.is_current.is_(True)))
        for fact in data["facts"]:
            fact["review"]["history"] = history(session, fact["id"])
        names: defaultdict[int, set[str]] = defaultdict(set)
        for mention, version in session.execute(
                select(Mention, DocumentVersion).join(DocumentVersion)
                .where(DocumentVersion.is_current.is_(True))):
            names[mention.entity_id].add(version.document.name)
        data["entities"] = [
            {"key": e.key, "name": e.name, "type": e.type,
             "variants": sorted(session.scalars(select(Alias.surface).where(Alias.entity_id == e.id))),
             "documents": sorted(names[e.id])}
            for e in session.scalars(select(Entity).order_by(Entity.key)) if names[e.id]
        ]
    return data


@pytest.fixture
def sample(store: Store, tmp_path: Path) -> Store:
    """The changed sample corpus, with decisions of every kind: a fresh one, a stale one."""
    stock_sample(store, tmp_path / "claims")
    conflicts = [f for f in export_data(store)["facts"] if f["status"] == "conflict"]
    assert len(conflicts) >= 3
    set_review(store, conflicts[0]["id"], "confirmed", note="checked against the ministry")
    set_review(store, conflicts[1]["id"], "dismissed")
    with store.session(write=True) as session:
        session.execute(update(Review).where(Review.fact_id == conflicts[1]["id"])
                        .values(members_hash="seen before a re-run"))
    return store


@pytest.mark.parametrize("limits", LIMITS, ids=["default", "small", "one"])
def test_report_read_from_the_store_is_the_page_of_the_complete_data(
        sample: Store, limits: Limits) -> None:
    cut = report_data(sample, limits)
    whole = {**complete_data(sample), "generated": cut["generated"]}
    assert render_report(cut, limits=limits) == render_report(whole, limits=limits)


def test_report_data_carries_only_what_the_page_shows(sample: Store) -> None:
    limits = LIMITS[2]
    cut = report_data(sample, limits)
    whole = complete_data(sample)
    grouped = [f for f in whole["facts"] if f["status"] != "single"]
    assert 0 < len(cut["facts"]) <= 3 < len(grouped)
    assert sum(1 for d in cut["documents"] if "text" in d) == 1
    assert sum(cut["totals"]["statuses"].values()) == len(whole["facts"])
    assert cut["totals"]["documents"] == len(whole["documents"])
    assert cut["totals"]["stale"] == 1


def test_publish_writes_the_whole_export_beside_the_report(sample: Store, tmp_path: Path) -> None:
    publish(sample, tmp_path / "r.html", tmp_path / "r.json")
    written = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    full = export_data(sample)
    assert [f["id"] for f in written["facts"]] == [f["id"] for f in full["facts"]]
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
