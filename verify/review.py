"""Reviewers' decisions on flagged facts: kept across re-runs, never silently overwritten.

A decision is stored against the fact id together with the hash of the claims the
reviewer saw. When a re-run changes those claims the decision is shown as stale (with
the old decision) instead of being dropped; when the fact's membership changed so much
that it got a new id, `carry_over` moves the decision to its successor, also as stale.

Concurrency is optimistic: every write names the revision it was based on, and a write
based on an old revision fails with a message saying who changed what, on SQLite and
PostgreSQL alike (SQLAlchemy's version counter turns a lost race into StaleDataError).
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from verify.errors import VerifyError
from verify.store import Store
from verify.store.chunks import chunks
from verify.store.models import Fact, FactMember, Review, ReviewEvent

STATUSES = ("open", "confirmed", "dismissed", "needs-source", "resolved")


class ReviewConflict(VerifyError):
    """Someone else decided on the same flag since this reviewer last looked."""


class UnknownFlag(VerifyError):
    """No current flag has that id."""


@dataclass(frozen=True)
class Decision:
    """A flag's review state as a reviewer sees it; `replaced` is the decision it overrode."""

    status: str
    reviewer: str | None
    note: str | None
    updated: datetime | None
    revision: int
    stale: bool
    replaced: Decision | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "status": self.status,
            "reviewer": self.reviewer,
            "note": self.note,
            "updated": _iso(self.updated),
            "revision": self.revision,
            "stale": self.stale,
        }


OPEN = Decision("open", None, None, None, 0, False)


def default_reviewer() -> str:
    """$VERIFY_REVIEWER, else the login name: a decision always says who made it."""
    return os.environ.get("VERIFY_REVIEWER") or getpass.getuser()


def decision(review: Review | None, fact: Fact) -> Decision:
    if review is None:
        return OPEN
    return Decision(
        review.status, review.reviewer, review.note, review.updated, review.revision,
        stale=review.members_hash != fact.members_hash,
    )


def decisions(session: Session, fact_ids: list[str]) -> dict[str, Review]:
    found: dict[str, Review] = {}
    for chunk in chunks(fact_ids):
        found.update(
            (r.fact_id, r) for r in session.scalars(select(Review).where(Review.fact_id.in_(chunk)))
        )
    return found


def history(session: Session, fact_id: str) -> list[dict[str, object]]:
    events = session.scalars(
        select(ReviewEvent).where(ReviewEvent.fact_id == fact_id).order_by(ReviewEvent.id)
    )
    return [
        {"status": e.status, "reviewer": e.reviewer, "note": e.note, "at": _iso(e.at)}
        for e in events
    ]


def set_review(
    store: Store,
    fact_id: str,
    status: str,
    *,
    note: str | None = None,
    reviewer: str | None = None,
    expected_revision: int | None = None,
) -> Decision:
    """Record a decision; `expected_revision` is the revision the reviewer saw (0: none)."""
    if status not in STATUSES:
        raise VerifyError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    reviewer = reviewer or default_reviewer()
    now = datetime.now(UTC).replace(tzinfo=None)
    try:
        with store.session(write=True) as session:
            fact = current_fact(session, fact_id)
            review = session.get(Review, fact.id)
            seen = review.revision if review is not None else 0
            if expected_revision is not None and expected_revision != seen:
                raise _conflict(fact.id, review)
            before = decision(review, fact) if review is not None else None
            if review is None:
                review = Review(fact_id=fact.id, revision=0)
                session.add(review)
            review.status, review.reviewer, review.note = status, reviewer, note
            review.updated, review.members_hash = now, fact.members_hash
            session.add(ReviewEvent(fact_id=fact.id, status=status, reviewer=reviewer,
                                    note=note, at=now, members_hash=fact.members_hash))
            session.flush()
            return replace(decision(review, fact), replaced=before)
    except (StaleDataError, IntegrityError):
        with store.session() as session:
            raise _conflict(fact_id, session.get(Review, fact_id)) from None


def _conflict(fact_id: str, review: Review | None) -> ReviewConflict:
    if review is None:
        what = "its review was removed"
    else:
        who = review.reviewer or "someone"
        what = f"{who} set it to {review.status} at {_iso(review.updated)} (revision {review.revision})"
    return ReviewConflict(
        f"flag {fact_id} changed while you were deciding: {what}; "
        f"read it again with `verify review show {fact_id}` and repeat your decision"
    )


def current_fact(session: Session, fact_id: str) -> Fact:
    matches = session.scalars(
        select(Fact).where(Fact.id.startswith(fact_id), Fact.is_current.is_(True))
    ).all()
    if len(matches) != 1:
        problem = "no current flag" if not matches else "more than one flag"
        raise UnknownFlag(f"{problem} matches {fact_id!r}; list them with `verify review list`")
    return matches[0]


def carry_over(session: Session, gone: list[str], new_fact_ids: list[str]) -> None:
    """Give each new fact the decision of a vanished fact that shared claims with it.

    The carried decision keeps the old members hash, so it shows as stale until a reviewer
    looks again; the history records the move.
    """
    if not gone or not new_fact_ids:
        return
    reviewed = decisions(session, gone)
    if not reviewed:
        return
    old_members: dict[str, str] = {}
    for row in session.execute(
        select(FactMember.claim_key, FactMember.fact_id).where(FactMember.fact_id.in_(list(reviewed)))
    ):
        old_members[row.claim_key] = row.fact_id
    taken = set(decisions(session, new_fact_ids))
    for row in session.execute(
        select(FactMember.fact_id, FactMember.claim_key).where(FactMember.fact_id.in_(new_fact_ids))
    ):
        source = old_members.get(row.claim_key)
        if source is None or row.fact_id in taken:
            continue
        old = reviewed[source]
        taken.add(row.fact_id)
        session.add(Review(fact_id=row.fact_id, status=old.status, reviewer=old.reviewer,
                           note=old.note, updated=old.updated, members_hash=old.members_hash,
                           revision=1))
        for event in session.scalars(select(ReviewEvent).where(ReviewEvent.fact_id == source)
                                     .order_by(ReviewEvent.id)):
            session.add(ReviewEvent(fact_id=row.fact_id, status=event.status,
                                    reviewer=event.reviewer, note=event.note, at=event.at,
                                    members_hash=event.members_hash))


def _iso(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None
