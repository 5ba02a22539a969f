"""The report's data, read from the store: only what the page shows, and every count it states.

A report lists a few thousand facts and a thousand documents whatever the size of the store,
so the store is asked for the ranking columns of every fact (stored with it: status, labels,
document and outlet counts) and for the claims of the listed facts and documents only. The
facts and versions come from `verify.export`, so the report and the JSON export never differ
on a fact; the result has the shape `render_report` documents, with `totals` and each listed
document's `marks` standing in for what was left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from verify import __version__, collector
from verify.export import document_fields, document_query, facts_with_ids
from verify.report.render import DEFAULT_LIMITS
from verify.report.view import Limits, breadth_rank, conflict_rank, corroboration_rank
from verify.review import OPEN
from verify.store import Store
from verify.store.chunks import chunks
from verify.store.models import (
    Alias,
    Claim,
    Document,
    DocumentVersion,
    Entity,
    Fact,
    FactMember,
    Mention,
    Review,
)

Mark = tuple[int, int, int, int, str]  # sentence start, end, value start, end, fact status


def report_data(store: Store, limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """The data of the report `limits` cuts, in the shape `render_report` takes."""
    with collector.paused(), store.session() as session:
        # Every document keeps one current version, so the names are read without the
        # versions (whose rows hold the texts); the order is the export's (`export_data`).
        names = sorted(session.scalars(select(Document.name)))
        position = {name: i for i, name in enumerate(names)}
        ranked, totals = _ranked_facts(session, limits)
        facts = facts_with_ids(session, ranked)
        listed = _listed_documents(session, names, position, limits)
        named = {v["document"] for f in facts for v in f["versions"]}
        shown = set(listed) | set(names[:limits.documents])  # in full, or as a filter
        documents, versions = _documents(
            session, sorted(named | shown, key=position.__getitem__), set(listed))
        marks = _marks(session, [versions[name] for name in listed])
        for document in documents:
            if document["name"] in marks:
                document["marks"] = marks[document["name"]]
        totals.update(_document_totals(session), documents=len(names))
        totals["statuses"]["single"] = _current_claims(session) - _grouped_claims(session)
        return {
            "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tool_version": __version__,
            "documents": documents,
            "facts": facts,
            "entities": _entities(session, {versions[name]: name for name in shown}),
            "totals": totals,
        }


def _document_totals(session: Session) -> dict[str, Any]:
    """Documents by language, and the first and last publication dates."""
    languages: dict[str, int] = {}
    days: list[Any] = []
    for language, n, first, last in session.execute(
            select(DocumentVersion.language, func.count(), func.min(DocumentVersion.published),
                   func.max(DocumentVersion.published))
            .where(DocumentVersion.is_current.is_(True)).group_by(DocumentVersion.language)):
        languages[language] = n
        days += [day for day in (first, last) if day is not None]
    return {"languages": languages,
            "published": [min(days).isoformat(), max(days).isoformat()] if days else None}


def _ranked_facts(session: Session, limits: Limits) -> tuple[list[str], dict[str, Any]]:
    """The ids of the facts each list of the page shows, ranked as the page ranks them, and
    the counts of every fact by status, conflict kind and review."""
    conflicts = session.execute(
        select(Fact.id, Fact.conflict_kind, Fact.documents, Fact.label, Fact.members_hash,
               Review.status, Review.members_hash)
        .outerjoin(Review, Review.fact_id == Fact.id)
        .where(Fact.is_current.is_(True), Fact.status == "conflict")).all()
    reviews: Counter[str] = Counter()
    stale = 0
    ranks = []
    for fact_id, kind, documents, label, members, reviewed, seen in conflicts:
        status = reviewed or OPEN.status
        is_stale = reviewed is not None and seen != members
        reviews[status] += 1
        stale += is_stale
        ranks.append((conflict_rank(status, is_stale, kind, documents, label), fact_id))
    consistent = _leading(session, "consistent", (Fact.outlets, Fact.documents), limits.other_facts)
    incomparable = _leading(session, "not-comparable", (Fact.documents,), limits.other_facts)
    shown = [fact_id for _, fact_id in sorted(ranks)[:limits.conflicts]]
    shown += [row[0] for row in sorted(
        consistent, key=lambda r: corroboration_rank(r[1], r[2], r[3]))[:limits.other_facts]]
    shown += [row[0] for row in sorted(
        incomparable, key=lambda r: breadth_rank(r[1], r[2]))[:limits.other_facts]]
    statuses: dict[str, int] = {}
    statuses.update((status, n) for status, n in session.execute(
        select(Fact.status, func.count()).where(Fact.is_current.is_(True)).group_by(Fact.status)))
    return shown, {
        "statuses": statuses,
        "conflict_kinds": dict(Counter(row[1] or "other" for row in conflicts)),
        "reviews": dict(reviews),
        "stale": stale,
    }


def _leading(session: Session, status: str, counts: tuple[InstrumentedAttribute[int], ...],
             limit: int) -> list[tuple[Any, ...]]:
    """The current facts of a status that can rank among the first `limit` of their list:
    lists rank by `counts`, largest first, then by label as Python orders text (which no
    collation matches), so every fact that ties with the limit-th on counts is read, and
    the labels are ranked by the caller. The other facts of a large store are never read."""
    if limit <= 0:
        return []
    current = (Fact.is_current.is_(True), Fact.status == status)
    edge = session.execute(select(*counts).where(*current).order_by(*(c.desc() for c in counts))
                           .offset(limit - 1).limit(1)).first()
    query = select(Fact.id, *counts, Fact.label).where(*current)
    if edge is not None:
        query = query.where(tuple_(*counts) >= tuple_(*edge))
    return [tuple(row) for row in session.execute(query)]


def _listed_documents(session: Session, names: list[str], position: dict[str, int],
                      limits: Limits) -> list[str]:
    """The documents the page shows in full: most conflict versions first, then name order."""
    pairs = (select(FactMember.claim_key)
             .join(Fact, Fact.id == FactMember.fact_id)
             .where(Fact.is_current.is_(True), Fact.status == "conflict").subquery())
    conflicts: dict[str, int] = {}
    conflicts.update((name, n) for name, n in session.execute(
        select(Document.name, func.count(func.distinct(pairs.c.claim_key)))
        .select_from(pairs).join(Claim, Claim.key == pairs.c.claim_key)
        .join(DocumentVersion, DocumentVersion.id == Claim.version_id)
        .join(Document, Document.id == DocumentVersion.document_id)
        .where(DocumentVersion.is_current.is_(True)).group_by(Document.name)))
    first = sorted(conflicts, key=lambda n: (-conflicts[n], position[n]))[:limits.documents]
    rest = (n for n in names if n not in conflicts)
    return first + [n for n, _ in zip(rest, range(limits.documents - len(first)), strict=False)]


def _marks(session: Session, versions: Sequence[int]) -> dict[str, list[Mark]]:
    """Every current claim of the given versions with the status of its fact (single when it
    has none), one per claim key as the export keeps them: what the page highlights."""
    found: dict[tuple[str, str], tuple[int, int, int, int]] = {}
    status: dict[str, str] = {}
    current = aliased(Fact)
    for chunk in chunks(sorted(versions)):
        # A claim key stays a member of facts that are gone: only a current one gives a status.
        rows = session.execute(
            select(Document.name, Claim.key, Claim.sentence_start, Claim.sentence_end,
                   Claim.value_start, Claim.value_end, current.status)
            .join(DocumentVersion, DocumentVersion.id == Claim.version_id)
            .join(Document, Document.id == DocumentVersion.document_id)
            .outerjoin(FactMember, FactMember.claim_key == Claim.key)
            .outerjoin(current, (current.id == FactMember.fact_id) & current.is_current.is_(True))
            .where(Claim.version_id.in_(chunk)))
        for name, key, s0, s1, v0, v1, fact_status in rows:
            old = found.get((name, key))
            if old is None or v0 >= old[2]:  # the later of a sentence written twice
                found[name, key] = (s0, s1, v0, v1)
            if fact_status is not None:
                status[key] = fact_status
    marks: defaultdict[str, list[Mark]] = defaultdict(list)
    for (name, key), (s0, s1, v0, v1) in sorted(found.items(), key=lambda p: p[1][2]):
        marks[name].append((s0, s1, v0, v1, status.get(key, "single")))
    return marks


def _documents(session: Session, names: Sequence[str],
               with_text: set[str]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The exported fields of the named documents, in the given order, with texts only for
    the documents shown in full; and their current versions' ids."""
    found: dict[str, dict[str, Any]] = {}
    versions: dict[str, int] = {}
    for chunk in chunks(names):
        for *row, version in session.execute(
                document_query().add_columns(DocumentVersion.id).where(Document.name.in_(chunk))):
            found[row[1]] = document_fields(row)
            versions[row[1]] = version
    for ids in chunks(sorted(versions[name] for name in with_text)):
        for name, text in session.execute(
                select(Document.name, DocumentVersion.text)
                .join(DocumentVersion, DocumentVersion.document_id == Document.id)
                .where(DocumentVersion.id.in_(ids))):
            found[name]["text"] = text
    return [found[name] for name in names], versions


def _entities(session: Session, listed: dict[int, str]) -> list[dict[str, Any]]:
    """Entities named by current documents, by key: each with its count of documents and,
    by name, those of the documents the page lists (`listed` maps their version ids)."""
    variants: defaultdict[int, set[str]] = defaultdict(set)
    for entity_id, surface in session.execute(select(Alias.entity_id, Alias.surface)):
        variants[entity_id].add(surface)
    documents: defaultdict[int, set[str]] = defaultdict(set)
    for chunk in chunks(sorted(listed)):
        for entity_id, version in session.execute(
                select(Mention.entity_id, Mention.version_id).distinct()
                .where(Mention.version_id.in_(chunk))):
            documents[entity_id].add(listed[version])
    return [
        {"key": key, "name": name, "type": kind, "variants": sorted(variants[entity_id]),
         "documents": sorted(documents[entity_id]), "document_count": count}
        for entity_id, key, name, kind, count in session.execute(
            select(Entity.id, Entity.key, Entity.name, Entity.type, Entity.documents)
            .where(Entity.documents > 0).order_by(Entity.key))
    ]


def _current_claims(session: Session) -> int:
    """All claims less those of superseded versions: few, and counted without reading
    every claim's version."""
    old = select(DocumentVersion.id).where(DocumentVersion.is_current.is_(False))
    return ((session.scalar(select(func.count()).select_from(Claim)) or 0)
            - (session.scalar(select(func.count()).select_from(Claim)
                              .where(Claim.version_id.in_(old))) or 0))


def _grouped_claims(session: Session) -> int:
    """Claims that belong to a current fact: a claim key is a member of one at most."""
    return session.scalar(
        select(func.count()).select_from(FactMember).join(Fact, Fact.id == FactMember.fact_id)
        .where(Fact.is_current.is_(True))) or 0
