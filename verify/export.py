"""What leaves the store: the JSON export of design.md's contract, and the report's data.

Both are built by one function over the current document versions, so the report and the
export can never disagree; the report only adds document texts, entities and histories.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from verify import __version__
from verify.claims import DATE_KINDS, Kind
from verify.facts import claims_query
from verify.match import fact_id
from verify.review import OPEN, current_fact, decision, decisions, history
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
)

STATUS_ORDER = {"conflict": 0, "not-comparable": 1, "consistent": 2, "single": 3}
REPORT_SINGLES = 50_000  # past this many claims, a report carries lone claims of conflict documents
REPORT_DOCUMENTS = 1_000


def export_data(store: Store, *, for_report: bool = False) -> dict[str, Any]:
    """The JSON export; `for_report` adds texts, entities and review histories."""
    with store.session() as session:
        rows = session.execute(
            select(Document, DocumentVersion)
            .join(DocumentVersion, DocumentVersion.document_id == Document.id)
            .where(DocumentVersion.is_current.is_(True))
            .order_by(Document.name)
        ).all()
        documents = [_document(doc, version, for_report) for doc, version in rows]
        facts = _facts(session, for_report, singles="report" if for_report else "all")
        data: dict[str, Any] = {
            "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tool_version": __version__,
            "documents": documents,
            "facts": facts,
        }
        if for_report:
            data["entities"] = _entities(session)
            grouped = sum(len(f["versions"]) for f in facts if f["status"] != "single")
            data["totals"] = {"single": _current_claims(session) - grouped}
    return data


def _document(doc: Document, version: DocumentVersion, with_text: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": doc.uid,
        "name": doc.name,
        "title": version.title,
        "language": version.language,
        "published": _iso(version.published),
        "outlet": version.outlet,
        "url": version.url,
        "version": version.number,
    }
    if with_text:
        out["text"] = version.text
    return out


def _versions(session: Session, *conditions: ColumnElement[bool]) -> dict[str, dict[str, Any]]:
    """Exported versions of the current claims that meet `conditions`, by claim key."""
    rows = session.execute(
        claims_query().where(*conditions).order_by(Document.name, Claim.value_start))
    return {claim.key: _version(claim, name, sentence, source)
            for claim, name, sentence, source in rows}


def _versions_of_keys(session: Session, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(keys):
        found.update(_versions(session, Claim.key.in_(chunk)))
    return found


def _version(claim: Claim, document: str, sentence: str, source: str | None) -> dict[str, Any]:
    is_date = Kind(claim.kind) in DATE_KINDS
    return {
        "claim_id": claim.key,
        "document": document,
        "text": sentence,
        "start": claim.sentence_start,
        "end": claim.sentence_end,
        "value": claim.value_text,
        "value_start": claim.value_start,
        "value_end": claim.value_end,
        "kind": claim.kind,
        "low": _bound(claim.low, is_date),
        "high": _bound(claim.high, is_date),
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "source": source,
        "entities": claim.entities.split(),
    }


def list_flags(store: Store, *, status: str | None = None,
               kind: str | None = None) -> list[dict[str, Any]]:
    """Flagged facts (conflicts), optionally only those with one decision or of one kind."""
    with store.session() as session:
        flags = _facts(session, False, query=select(Fact).where(Fact.status == "conflict"))
    return [f for f in flags if (status is None or f["review"]["status"] == status)
            and (kind is None or f["kind"] == kind)]


def flag_detail(store: Store, fact_id: str) -> dict[str, Any]:
    """One fact with its versions and its whole review history; a unique id prefix will do."""
    with store.session() as session:
        fact = current_fact(session, fact_id)
        (found,) = _facts(session, True, query=select(Fact).where(Fact.id == fact.id))
    return found


def _facts(session: Session, with_history: bool, *, query: Select[Any] | None = None,
           singles: str = "none") -> list[dict[str, Any]]:
    """Facts as exported: those `query` selects (every current fact when None), then lone
    claims as `single` facts: "all" of them, "none", or "report": all of them in a store of
    up to REPORT_SINGLES claims, else only those of the documents that hold conflicts (the
    documents a report shows in full; the counts stay exact either way)."""
    facts = list(session.scalars((query if query is not None else select(Fact))
                                 .where(Fact.is_current.is_(True))))
    ids = [f.id for f in facts]
    members: defaultdict[str, list[str]] = defaultdict(list)
    for chunk in chunks(ids):
        for fact_key, claim_key in session.execute(
            select(FactMember.fact_id, FactMember.claim_key)
            .where(FactMember.fact_id.in_(chunk))
        ):
            members[fact_key].append(claim_key)
    versions = _versions_of_keys(session, sorted({k for keys in members.values() for k in keys}))
    reviews = decisions(session, ids)
    out = []
    for fact in facts:
        review = decision(reviews.get(fact.id), fact).as_dict()
        if with_history:
            review["history"] = history(session, fact.id) if fact.id in reviews else []
        ordered = sorted((versions[k] for k in members[fact.id] if k in versions),
                         key=lambda v: (v["document"], v["value_start"]))
        out.append({
            "id": fact.id, "status": fact.status, "kind": fact.kind,
            "conflict_kind": fact.conflict_kind, "label": fact.label,
            "explanation": fact.explanation, "review": review,
            "entities": sorted({e for v in ordered for e in v["entities"]}),
            "versions": ordered,
        })
    for key, version in _lone_versions(session, singles, out).items():
        if key in versions:
            continue
        single = {**OPEN.as_dict(), "history": []} if with_history else OPEN.as_dict()
        out.append({
            "id": fact_id([key]), "status": "single", "kind": version["kind"],
            "conflict_kind": None, "label": _single_label(version),
            "explanation": "stated by one document only; nothing to compare it with",
            "review": single, "entities": version["entities"], "versions": [version],
        })
    out.sort(key=lambda f: (STATUS_ORDER.get(f["status"], 9), f["label"], f["id"]))
    return out


def _lone_versions(session: Session, singles: str,
                   grouped: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    if singles == "none":
        return {}
    if singles == "report" and _current_claims(session) > REPORT_SINGLES:
        documents = sorted({v["document"] for f in grouped if f["status"] == "conflict"
                            for v in f["versions"]})[:REPORT_DOCUMENTS]
        return _versions(session, Document.name.in_(documents)) if documents else {}
    return _versions(session)


def _current_claims(session: Session) -> int:
    return session.scalar(
        select(func.count(Claim.id)).join(DocumentVersion, Claim.version_id == DocumentVersion.id)
        .where(DocumentVersion.is_current.is_(True))) or 0


def _single_label(version: dict[str, Any]) -> str:
    sentence = " ".join(version["text"].split())
    return sentence if len(sentence) <= 90 else sentence[:87] + "..."


def _entities(session: Session) -> list[dict[str, Any]]:
    variants: defaultdict[int, set[str]] = defaultdict(set)
    for alias in session.scalars(select(Alias)):
        variants[alias.entity_id].add(alias.surface)
    documents: defaultdict[int, set[str]] = defaultdict(set)
    for entity_id, name in session.execute(
        select(Mention.entity_id, Document.name)
        .join(DocumentVersion, Mention.version_id == DocumentVersion.id)
        .join(Document, DocumentVersion.document_id == Document.id)
        .where(DocumentVersion.is_current.is_(True)).distinct()
    ):
        documents[entity_id].add(name)
    return [
        {"key": e.key, "name": e.name, "type": e.type, "variants": sorted(variants[e.id]),
         "documents": sorted(documents[e.id])}
        for e in session.scalars(select(Entity).order_by(Entity.key)) if documents[e.id]
    ]


def _bound(value: float | None, is_date: bool) -> float | int | str | None:
    if value is None:
        return None
    if is_date:
        return date.fromordinal(int(value)).isoformat()
    return int(value) if float(value).is_integer() else value


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
