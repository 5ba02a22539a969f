"""What leaves the store: the JSON export of design.md's contract.

The report's data (`verify.report.data`) reads facts and versions through the functions
here, so the report and the export can never disagree on a fact.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from verify import __version__, collector
from verify.claims import DATE_KINDS
from verify.facts import claims_query
from verify.match import fact_id
from verify.review import OPEN, Decision, current_fact, decision, history
from verify.store import Store
from verify.store.chunks import chunks
from verify.store.models import (
    Claim,
    Document,
    DocumentVersion,
    Fact,
    FactMember,
    Review,
)

STATUS_ORDER = {"conflict": 0, "not-comparable": 1, "consistent": 2, "single": 3}


def export_data(store: Store) -> dict[str, Any]:
    """The JSON export: every current document and every fact, lone claims included."""
    with collector.paused(), store.session() as session:
        # Sorted here rather than by the database, whose order of names follows its
        # collation: SQLite and PostgreSQL would list the same store differently.
        rows = sorted(session.execute(document_query()), key=lambda row: row[1])
        return {
            "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tool_version": __version__,
            "documents": [document_fields(row) for row in rows],
            "facts": _facts(session, False, singles=True),
        }


def document_query() -> Select[Any]:
    """The exported fields of current documents, in `document_fields` order."""
    return cast("Select[Any]", (
        select(Document.uid, Document.name, DocumentVersion.title, DocumentVersion.language,
               DocumentVersion.published, DocumentVersion.outlet, DocumentVersion.url,
               DocumentVersion.number)
        .join(DocumentVersion, DocumentVersion.document_id == Document.id)
        .where(DocumentVersion.is_current.is_(True))
    ))


def document_fields(row: Sequence[Any]) -> dict[str, Any]:
    uid, name, title, language, published, outlet, url, number = row
    return {
        "id": uid,
        "name": name,
        "title": title,
        "language": language,
        "published": _iso(published),
        "outlet": outlet,
        "url": url,
        "version": number,
    }


def version_query() -> Select[Any]:
    """The current claims as `_version` reads them: plain rows rather than ORM entities,
    because a large store exports hundreds of thousands of them."""
    query = claims_query()
    *_, document, sentence, source = query.selected_columns
    return query.with_only_columns(
        Claim.key, document, sentence, Claim.sentence_start, Claim.sentence_end,
        Claim.value_text, Claim.value_start, Claim.value_end, Claim.kind, Claim.low,
        Claim.high, Claim.unit, Claim.qualifier, source, Claim.entities)


def version_fields(row: Sequence[Any]) -> dict[str, Any]:
    (key, document, sentence, start, end, value, value_start, value_end, kind, low, high,
     unit, qualifier, source, entities) = row
    is_date = kind in DATE_KINDS
    return {
        "claim_id": key,
        "document": document,
        "text": sentence,
        "start": start,
        "end": end,
        "value": value,
        "value_start": value_start,
        "value_end": value_end,
        "kind": kind,
        "low": _bound(low, is_date),
        "high": _bound(high, is_date),
        "unit": unit,
        "qualifier": qualifier,
        "source": source,
        "entities": entities.split(),
    }


def keep(found: dict[str, dict[str, Any]], version: dict[str, Any]) -> None:
    """Keep one version per claim key: a sentence written twice in one document gives two
    claims one key, and the later of them stands for both."""
    old = found.get(version["claim_id"])
    if old is None or _place(version) >= _place(old):
        found[version["claim_id"]] = version


def _place(version: dict[str, Any]) -> tuple[str, int]:
    return version["document"], version["value_start"]


def list_flags(store: Store, *, status: str | None = None,
               kind: str | None = None) -> list[dict[str, Any]]:
    """Flagged facts (conflicts), optionally only those with one decision or of one kind."""
    with store.session() as session:
        flags = _facts(session, False, query=select(Fact).where(
            Fact.is_current.is_(True), Fact.status == "conflict"))
    return [f for f in flags if (status is None or f["review"]["status"] == status)
            and (kind is None or f["kind"] == kind)]


def flag_detail(store: Store, fact_id: str) -> dict[str, Any]:
    """One fact with its versions and its whole review history; a unique id prefix will do."""
    with store.session() as session:
        fact = current_fact(session, fact_id)
        (found,) = _facts(session, True, query=select(Fact).where(Fact.id == fact.id))
    return found


def facts_with_ids(session: Session, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The given current facts as exported, with their review histories. (By id alone:
    asked for current facts too, SQLite walks the index of every current fact per chunk.)"""
    found: list[dict[str, Any]] = []
    for chunk in chunks(sorted(ids)):
        found += _facts(session, True, query=select(Fact).where(Fact.id.in_(chunk)))
    return found


def _facts(session: Session, with_history: bool, *, query: Select[Any] | None = None,
           singles: bool = False) -> list[dict[str, Any]]:
    """Facts as exported: those `query` selects (every current fact when None), then, with
    `singles`, every lone claim as a `single` fact."""
    selected = query if query is not None else select(Fact).where(Fact.is_current.is_(True))
    facts = session.execute(selected.with_only_columns(
        Fact.id, Fact.status, Fact.kind, Fact.conflict_kind, Fact.label, Fact.explanation)).all()
    versions = member_versions(session, selected.with_only_columns(Fact.id))
    reviews = _decisions(session, selected.with_only_columns(Fact.id))
    out: list[dict[str, Any]] = []
    for fact_key, status, kind, conflict_kind, label, explanation in facts:
        review = reviews.get(fact_key)
        shown = review.as_dict() if review is not None else OPEN.as_dict()
        if with_history:
            shown["history"] = history(session, fact_key) if review is not None else []
        ordered = sorted(versions.get(fact_key, {}).values(), key=_place)
        out.append({
            "id": fact_key, "status": status, "kind": kind,
            "conflict_kind": conflict_kind, "label": label,
            "explanation": explanation, "review": shown,
            "entities": sorted({e for v in ordered for e in v["entities"]}),
            "versions": ordered,
        })
    grouped = {key for found in versions.values() for key in found}
    for key, version in (_all_versions(session) if singles else {}).items():
        if key in grouped:
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


def member_versions(session: Session,
                     fact_ids: Select[Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """The current versions of the selected facts' members, by fact and claim key, in one
    query: a join rather than an IN list per few hundred keys."""
    found: defaultdict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    rows = session.execute(
        version_query().add_columns(FactMember.fact_id)
        .join(FactMember, FactMember.claim_key == Claim.key)
        .where(FactMember.fact_id.in_(fact_ids)))
    for *columns, fact_key in rows:
        keep(found[fact_key], version_fields(columns))
    return found


def _decisions(session: Session, fact_ids: Select[Any]) -> dict[str, Decision]:
    """The decisions on the selected facts; only reviewed facts are read as entities."""
    return {fact.id: decision(review, fact) for review, fact in session.execute(
        select(Review, Fact).join(Fact, Fact.id == Review.fact_id)
        .where(Review.fact_id.in_(fact_ids)))}


def _all_versions(session: Session) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for row in session.execute(version_query()):
        keep(found, version_fields(row))
    return found


def _single_label(version: dict[str, Any]) -> str:
    sentence = " ".join(version["text"].split())
    return sentence if len(sentence) <= 90 else sentence[:87] + "..."


def _bound(value: float | None, is_date: bool) -> float | int | str | None:
    if value is None:
        return None
    if is_date:
        return date.fromordinal(int(value)).isoformat()
    return int(value) if float(value).is_integer() else value


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
