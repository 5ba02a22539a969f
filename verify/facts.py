"""Facts in the store: matching's groups made durable, and read back for reports.

Only facts of two or more versions are stored; a claim that matches nothing is a `single`
fact made up at export time, so a store of a million lone claims does not hold a million
fact rows. A fact's id hashes its member claim keys, so a re-run that finds the same group
keeps the same row, and with it the reviewer's decision.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Select, insert, select, update
from sqlalchemy.orm import Session

from verify.analysis import to_item
from verify.match import Fact as Group
from verify.match import Item, Lexicon, group_facts
from verify.review import carry_over
from verify.store import Store
from verify.store.models import (
    BlockingKey,
    Claim,
    Document,
    DocumentVersion,
    Fact,
    FactMember,
    Source,
)


@dataclass(frozen=True)
class FactsSummary:
    facts: int
    conflicts: int
    new: int
    gone: int


def members_hash(group: Group) -> str:
    """What a reviewer saw: the members and the verdict; a change makes a decision stale."""
    parts = sorted(m.claim_key for m in group.members) + [group.status]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def _item_query() -> Select[tuple[Claim, str, str, str | None]]:
    return (
        select(Claim, Document.name, DocumentVersion.text, Source.name)
        .join(DocumentVersion, Claim.version_id == DocumentVersion.id)
        .join(Document, DocumentVersion.document_id == Document.id)
        .outerjoin(Source, Claim.source_id == Source.id)
        .where(DocumentVersion.is_current.is_(True))
    )


def current_items(session: Session) -> Iterator[Item]:
    """Every claim of every current document version, as matching sees it."""
    for claim, name, text, source in session.execute(_item_query().order_by(Claim.id)):
        yield to_item(claim, name, text, source)


def items_under_keys(session: Session, keys: Iterable[str]) -> list[Item]:
    """Current claims that carry any of the blocking keys: candidates without a scan."""
    wanted = sorted(set(keys))
    found: dict[int, Item] = {}
    for start in range(0, len(wanted), 500):
        ids = select(BlockingKey.claim_id).where(BlockingKey.key.in_(wanted[start : start + 500]))
        for claim, name, text, source in session.execute(
            _item_query().where(Claim.id.in_(ids))
        ):
            found[claim.id] = to_item(claim, name, text, source)
    return [found[k] for k in sorted(found)]


def refresh_facts(store: Store, lexicon: Lexicon) -> FactsSummary:
    """Regroup the store's claims and bring the facts table and decisions up to date."""
    with store.session() as session:
        groups = [g for g in group_facts(list(current_items(session)), lexicon=lexicon)
                  if len(g.members) > 1]
        return _sync(session, groups)


def _sync(session: Session, groups: Sequence[Group]) -> FactsSummary:
    now = datetime.now(UTC).replace(tzinfo=None)
    known = set(session.scalars(select(Fact.id)))
    current = set(session.scalars(select(Fact.id).where(Fact.is_current.is_(True))))
    wanted = {g.id: g for g in groups}
    gone = sorted(current - set(wanted))
    if gone:
        session.execute(update(Fact).where(Fact.id.in_(gone)).values(is_current=False))
    fresh = [g for g in groups if g.id not in known]
    for group in groups:
        row = {
            "status": group.status, "kind": group.kind, "conflict_kind": group.conflict_kind,
            "label": group.label, "explanation": group.explanation,
            "members_hash": members_hash(group), "is_current": True, "updated": now,
        }
        if group.id in known:
            session.execute(update(Fact).where(Fact.id == group.id).values(**row))
        else:
            session.execute(insert(Fact).values(id=group.id, **row))
    if fresh:
        session.execute(insert(FactMember), [
            {"fact_id": g.id, "claim_key": m.claim_key} for g in fresh for m in g.members
        ])
    carry_over(session, gone, [g.id for g in fresh])
    return FactsSummary(
        facts=len(groups), conflicts=sum(g.status == "conflict" for g in groups),
        new=len(fresh), gone=len(gone),
    )
