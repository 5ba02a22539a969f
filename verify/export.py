"""What leaves the store: the JSON export of design.md's contract, and the report's data.

Both are built by one function over the current document versions, so the report and the
export can never disagree; the report only adds document texts, entities and histories.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, String, cast, func, select
from sqlalchemy.orm import Session

from verify import __version__, collector
from verify.claims import DATE_KINDS
from verify.facts import claims_query
from verify.match import fact_id
from verify.review import OPEN, Decision, current_fact, decision, history
from verify.store import Store
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

STATUS_ORDER = {"conflict": 0, "not-comparable": 1, "consistent": 2, "single": 3}
REPORT_SINGLES = 50_000  # past this many claims, a report carries lone claims of conflict documents
REPORT_DOCUMENTS = 1_000


def export_data(store: Store, *, for_report: bool = False) -> dict[str, Any]:
    """The JSON export; `for_report` adds texts, entities and review histories."""
    with collector.paused(), store.session() as session:
        texts = (DocumentVersion.text,) if for_report else ()
        rows = session.execute(
            select(DocumentVersion.id, Document.uid, Document.name, DocumentVersion.title,
                   DocumentVersion.language, DocumentVersion.published, DocumentVersion.outlet,
                   DocumentVersion.url, DocumentVersion.number, *texts)
            .join(DocumentVersion, DocumentVersion.document_id == Document.id)
            .where(DocumentVersion.is_current.is_(True))
            .order_by(Document.name)
        ).all()
        documents = [_document(row, for_report) for row in rows]
        claims = _current_claims(session)
        singles = "conflicts" if for_report and claims > REPORT_SINGLES else "all"
        facts = _facts(session, for_report, singles=singles)
        data: dict[str, Any] = {
            "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tool_version": __version__,
            "documents": documents,
            "facts": facts,
        }
        if for_report:
            data["entities"] = _entities(session, {row[0]: row[2] for row in rows})
            grouped = sum(len(f["versions"]) for f in facts if f["status"] != "single")
            data["totals"] = {"single": claims - grouped}
    return data


def _document(row: Sequence[Any], with_text: bool) -> dict[str, Any]:
    _, uid, name, title, language, published, outlet, url, number, *text = row
    out: dict[str, Any] = {
        "id": uid,
        "name": name,
        "title": title,
        "language": language,
        "published": _iso(published),
        "outlet": outlet,
        "url": url,
        "version": number,
    }
    if with_text:
        out["text"] = text[0]
    return out


def _version_query() -> Select[Any]:
    """The current claims as `_version` reads them: plain rows rather than ORM entities,
    because a large store exports hundreds of thousands of them."""
    query = claims_query()
    *_, document, sentence, source = query.selected_columns
    return query.with_only_columns(
        Claim.key, document, sentence, Claim.sentence_start, Claim.sentence_end,
        Claim.value_text, Claim.value_start, Claim.value_end, Claim.kind, Claim.low,
        Claim.high, Claim.unit, Claim.qualifier, source, Claim.entities)


def _version(row: Sequence[Any]) -> dict[str, Any]:
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


def _keep(found: dict[str, dict[str, Any]], version: dict[str, Any]) -> None:
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
    claims as `single` facts: "all" of them, "none", or "conflicts": only those of the
    documents that hold conflicts (the documents a report of a large store shows in full;
    the counts stay exact either way)."""
    selected = (query if query is not None else select(Fact)).where(Fact.is_current.is_(True))
    facts = session.execute(selected.with_only_columns(
        Fact.id, Fact.status, Fact.kind, Fact.conflict_kind, Fact.label, Fact.explanation)).all()
    versions = _member_versions(session, selected.with_only_columns(Fact.id))
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
    for key, version in _lone_versions(session, singles, out).items():
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


def _member_versions(session: Session,
                     fact_ids: Select[Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """The current versions of the selected facts' members, by fact and claim key, in one
    query: a join rather than an IN list per few hundred keys."""
    found: defaultdict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    rows = session.execute(
        _version_query().add_columns(FactMember.fact_id)
        .join(FactMember, FactMember.claim_key == Claim.key)
        .where(FactMember.fact_id.in_(fact_ids)))
    for *columns, fact_key in rows:
        _keep(found[fact_key], _version(columns))
    return found


def _decisions(session: Session, fact_ids: Select[Any]) -> dict[str, Decision]:
    """The decisions on the selected facts; only reviewed facts are read as entities."""
    return {fact.id: decision(review, fact) for review, fact in session.execute(
        select(Review, Fact).join(Fact, Fact.id == Review.fact_id)
        .where(Review.fact_id.in_(fact_ids)))}


def _lone_versions(session: Session, singles: str,
                   grouped: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    if singles == "none":
        return {}
    condition: list[ColumnElement[bool]] = []
    if singles == "conflicts":
        documents = sorted({v["document"] for f in grouped if f["status"] == "conflict"
                            for v in f["versions"]})[:REPORT_DOCUMENTS]
        if not documents:
            return {}
        condition.append(Document.name.in_(documents))
    found: dict[str, dict[str, Any]] = {}
    for row in session.execute(_version_query().where(*condition)):
        _keep(found, _version(row))
    return found


def _current_claims(session: Session) -> int:
    return session.scalar(
        select(func.count(Claim.id)).join(DocumentVersion, Claim.version_id == DocumentVersion.id)
        .where(DocumentVersion.is_current.is_(True))) or 0


def _single_label(version: dict[str, Any]) -> str:
    sentence = " ".join(version["text"].split())
    return sentence if len(sentence) <= 90 else sentence[:87] + "..."


def _entities(session: Session, names: dict[int, str]) -> list[dict[str, Any]]:
    """Entities named by current documents; `names` maps current version ids to document
    names, so the mentions are read without joining them to the documents."""
    variants: defaultdict[int, set[str]] = defaultdict(set)
    for entity_id, surface in session.execute(select(Alias.entity_id, Alias.surface)):
        variants[entity_id].add(surface)
    # One row per entity with its versions joined into one string: a large store holds
    # millions of mentions, and millions of rows cost far more to read than to split.
    pairs = select(Mention.entity_id, Mention.version_id).distinct().subquery()
    documents: defaultdict[int, set[str]] = defaultdict(set)
    for entity_id, versions in session.execute(
            select(pairs.c.entity_id, func.aggregate_strings(cast(pairs.c.version_id, String), ","))
            .group_by(pairs.c.entity_id)):
        documents[entity_id] = {names[v] for v in map(int, versions.split(",")) if v in names}
    return [
        {"key": key, "name": name, "type": kind, "variants": sorted(variants[entity_id]),
         "documents": sorted(documents[entity_id])}
        for entity_id, key, name, kind in session.execute(
            select(Entity.id, Entity.key, Entity.name, Entity.type).order_by(Entity.key))
        if documents[entity_id]
    ]


def _bound(value: float | None, is_date: bool) -> float | int | str | None:
    if value is None:
        return None
    if is_date:
        return date.fromordinal(int(value)).isoformat()
    return int(value) if float(value).is_integer() else value


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
