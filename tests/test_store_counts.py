"""Counts the store keeps beside its rows so that a report of a large store reads only what it
shows: how many current documents name each entity, and how many documents and outlets state
each fact. Each is checked against a count made from the rows themselves, after ingest, after
a changed article and after a store of schema 2 is upgraded."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from conftest import stock_sample
from sqlalchemy import create_engine, select, text

from verify.claims import voice
from verify.store import Store, open_store
from verify.store.migrations import SCHEMA_VERSION
from verify.store.models import (
    Claim,
    DocumentVersion,
    Entity,
    Fact,
    FactMember,
    Mention,
)


def kept(store: Store) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    with store.session() as session:
        entities = {key: n for key, n in session.execute(select(Entity.key, Entity.documents))}
        facts = {i: (d, o) for i, d, o in session.execute(
            select(Fact.id, Fact.documents, Fact.outlets).where(Fact.is_current.is_(True)))}
    return entities, facts


def counted(store: Store) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    with store.session() as session:
        named: defaultdict[str, set[int]] = defaultdict(set)
        for entity, version in session.execute(
                select(Entity.key, Mention.version_id).join(Mention)
                .join(DocumentVersion, DocumentVersion.id == Mention.version_id)
                .where(DocumentVersion.is_current.is_(True))):
            named[entity].add(version)
        entities = {key: len(named[key]) for key in session.scalars(select(Entity.key))}
        stated: defaultdict[str, set[tuple[str, str]]] = defaultdict(set)
        for fact in session.scalars(select(Fact).where(Fact.is_current.is_(True))):
            stated[fact.id] = set()
            for version in session.scalars(
                    select(DocumentVersion).join(Claim).join(FactMember, FactMember.claim_key == Claim.key)
                    .where(FactMember.fact_id == fact.id, DocumentVersion.is_current.is_(True))):
                stated[fact.id].add((version.document.name, voice(version.outlet, version.document.name)))
        facts = {i: (len({d for d, _ in s}), len({o for _, o in s})) for i, s in stated.items()}
    return entities, facts


def test_ingest_and_regrouping_keep_the_counts(store: Store, tmp_path: Path) -> None:
    stock_sample(store, tmp_path / "claims")
    entities, facts = kept(store)
    assert (entities, facts) == counted(store)
    assert entities["jerusalem"] == 0  # named only by the text that was replaced
    assert max(entities.values()) > 1
    assert any(o < d for d, o in facts.values())  # the sample has articles without an outlet


def test_upgrade_from_schema_2_counts_what_the_store_holds(db_url: str, tmp_path: Path) -> None:
    store = open_store(db_url)
    stock_sample(store, tmp_path / "claims")
    expected = counted(store)
    store.close()
    engine = create_engine(db_url)
    with engine.begin() as connection:
        for table, column in (("facts", "documents"), ("facts", "outlets"), ("entities", "documents"),
                              ("claims", "features")):  # the last added by schema 4
            connection.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        connection.execute(text("UPDATE meta SET value = '2' WHERE name = 'schema_version'"))
    engine.dispose()
    store = open_store(db_url)
    assert kept(store) == expected
    store.close()
    assert SCHEMA_VERSION == 4
