"""Facts in the store: matching's groups made durable, and read back for reports.

Only facts of two or more versions are stored; a claim that matches nothing is a `single`
fact made up at export time, so a store of a million lone claims does not hold a million
fact rows. A fact's id hashes its member claim keys, so a re-run that finds the same group
keeps the same row, and with it the reviewer's decision.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session, aliased

from verify import claims as c
from verify import collector
from verify.match import Fact as Group
from verify.match import Features, Item, Lexicon, group_facts, score
from verify.match.blocking import Common, entity_pairs, keys_of
from verify.match.grouping import item_features
from verify.match.thresholds import (
    GROUP_THRESHOLD,
    MAX_BLOCK,
    MIN_SHARED,
    SAME_DOCUMENT_THRESHOLD,
)
from verify.review import carry_over
from verify.store import Store
from verify.store.chunks import chunks
from verify.store.models import (
    BlockingKey,
    Claim,
    Document,
    DocumentVersion,
    Fact,
    FactMember,
    Source,
)

CHECK_CANDIDATES = 20_000
REGROUP_LOCK = 0x76657269  # any constant the whole team's verify processes agree on


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


def claims_query(*, current: bool = True) -> Select[Any]:
    """Claims with their document's name, their sentence (cut out by the database, so a
    document's whole text never travels once per claim) and their cited source; those of
    current versions unless told otherwise."""
    length = Claim.sentence_end - Claim.sentence_start
    query = (
        select(Claim, Document.name, func.substr(DocumentVersion.text, Claim.sentence_start + 1,
                                                 length), Source.name)
        .join(DocumentVersion, Claim.version_id == DocumentVersion.id)
        .join(Document, DocumentVersion.document_id == Document.id)
        .outerjoin(Source, Claim.source_id == Source.id)
    )
    return query.where(DocumentVersion.is_current.is_(True)) if current else query


def items_query(*, current: bool = True) -> Select[Any]:
    """What matching needs of each claim, as plain columns: building an ORM entity per
    claim only to copy its fields out costs more than the matching of most claims."""
    query = claims_query(current=current)
    *_, document, sentence, source = query.selected_columns
    return query.with_only_columns(
        Claim.key, document, sentence, Claim.sentence_start, Claim.sentence_end, Claim.kind,
        Claim.value_start, Claim.value_end, Claim.low, Claim.high, Claim.unit, Claim.qualifier,
        Claim.resolved, Claim.currency, Claim.context, Claim.entities, source, Claim.scope,
        Claim.features)


_KINDS = {kind.value: kind for kind in c.Kind}
_QUALIFIERS = {qualifier.value: qualifier for qualifier in c.Qualifier}


def _item(row: Sequence[Any]) -> Item:
    """A row of `items_query` as matching sees it; the inverse of what `Analyzer` stores."""
    (key, document, sentence, sentence_start, sentence_end, kind, value_start, value_end, low,
     high, unit, qualifier, resolved, currency, context, entities, source, scope, stored) = row
    value = c.Value(_KINDS[kind], value_start, value_end, low, high, unit, _QUALIFIERS[qualifier],
                    resolved, currency)
    claim = c.Claim(sentence_start, sentence_end, value, tuple(context.split()),
                    tuple(entities.split()), source, tuple(scope.split()))
    return Item(key, document, claim, sentence, stored)


def current_items(session: Session) -> list[Item]:
    """Every claim of every current document version, as matching sees it."""
    with collector.kept():
        return list(map(_item, session.execute(items_query().order_by(Claim.id))))


def items_under_keys(session: Session, keys: Iterable[str]) -> list[Item]:
    """Current claims under the given blocking keys, rarest keys first, up to about
    CHECK_CANDIDATES claims: a typed claim in a store of millions is compared with the
    claims that share its most telling words, not with every claim about Israel."""
    sizes: dict[str, int] = {}
    for chunk in chunks(sorted(set(keys))):
        sizes.update((key, count) for key, count in session.execute(
            select(BlockingKey.key, func.count()).where(BlockingKey.key.in_(chunk))
            .group_by(BlockingKey.key)))
    chosen: list[str] = []
    total = 0
    for key in sorted(sizes, key=lambda k: (sizes[k], k)):
        if chosen and total + sizes[key] > CHECK_CANDIDATES:
            break
        chosen.append(key)
        total += sizes[key]
    ids: set[int] = set()
    for chunk in chunks(chosen):
        ids.update(session.scalars(select(BlockingKey.claim_id).where(BlockingKey.key.in_(chunk))))
    return _items_by_ids(session, ids)


def fact_of_claim(session: Session, claim_key: str) -> str | None:
    """The current fact a claim belongs to, if it was grouped with others."""
    return next(iter(_facts_with(session, [claim_key])), None)


def refresh_facts(
    store: Store, lexicon: Lexicon, changed_versions: Sequence[int] | None = None
) -> FactsSummary:
    """Bring facts and decisions up to date after the given versions were stored.

    With `changed_versions`, only what they touch is regrouped: the claims under their
    usable blocking keys, and every member of the facts those claims already belong to, so
    a few new articles in a store of millions cost a few queries, not a regrouping.
    Without, or when the change is most of the store, everything is regrouped.
    """
    with store.session(write=True) as session:
        _one_regrouping_at_a_time(session)
        if changed_versions is None:
            return _sync(session, _groups(current_items(session), lexicon), None)
        new_ids = _claims_of(session, changed_versions)
        total = session.scalar(select(func.count(Claim.id))) or 0
        if len(new_ids) * 2 >= total:
            return _sync(session, _groups(current_items(session), lexicon), None)
        seeds = _items_by_ids(session, new_ids)
        old = _superseded(session, changed_versions)
        superseded = {item.claim_key for item in old}
        moved = _under_moved_keys(session, new_ids, old, lexicon)
        touched = _facts_with(session, superseded | moved)
        seeds += _items_by_keys(session, (_members(session, touched) | moved) - superseded)
        # The walk starts from the claims the change took away too: a claim that a link to
        # one of them kept alone (`_ambiguous`) may now join a fact. They are not regrouped.
        current = {item.claim_key for item in seeds}
        gone = [item for item in old if item.claim_key not in current]
        component, common = _component(session, seeds + gone, lexicon)
        for item in gone:
            component.pop(item.claim_key, None)
        touched |= _facts_with(session, component)
        return _sync(session, _groups(component.values(), lexicon, common), touched)


def _component(session: Session, seeds: list[Item],
               lexicon: Lexicon) -> tuple[dict[str, Item], set[str | tuple[str, str]]]:
    """Everything linked to the seeds, directly or through others: exactly what regrouping
    them can change, since facts only ever join linked claims. Also returns the blocking
    keys and pairs of entity keys found over the cap, so the regrouping treats them as the
    whole store would.

    Each step asks the blocking index which claims share MIN_SHARED usable keys, or a rare
    pair of entity keys, with one claim of the frontier (ids and keys only), and loads and
    scores just those. A block, a claim and its features are fetched or computed once
    however many steps meet them."""
    floor = min(GROUP_THRESHOLD, SAME_DOCUMENT_THRESHOLD)
    found = {item.claim_key: item for item in seeds}
    loaded: dict[int, Item] = {}
    known = _Features(lexicon)
    blocks = _Blocks(session)
    frontier = list(found.values())
    while frontier:
        near = {f.claim_key: known.of(f) for f in frontier}
        index: dict[str, list[str]] = {}
        for key, feats in near.items():
            for block in keys_of(feats):
                index.setdefault(block, []).append(key)
        shared = Counter((claim_id, key) for block, claim_ids in blocks.usable(index).items()
                         for claim_id in claim_ids for key in index[block])
        named = {pair for feats in near.values() for pair in entity_pairs(keys_of(feats))}
        close = sorted({claim_id for (claim_id, _), n in shared.items() if n >= MIN_SHARED}
                       | {claim_id for ids in blocks.named(named).values() for claim_id in ids})
        loaded.update(_items_with_ids(session, [i for i in close if i not in loaded]))
        frontier = []
        for item in (loaded[i] for i in close):
            if item.claim_key in found:
                continue
            feats = known.of(item)
            partners = sorted({k for block in keys_of(feats) for k in index.get(block, ())})
            if any(score(near[k], feats, lexicon=lexicon) >= floor for k in partners):
                found[item.claim_key] = item
                frontier.append(item)
    return found, blocks.common


class _Features:
    """Matching features of the claims a walk meets, computed once per claim."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._found: dict[str, Features] = {}

    def of(self, item: Item) -> Features:
        found = self._found.get(item.claim_key)
        if found is None:
            found = self._found[item.claim_key] = item_features(item, self._lexicon)
        return found


class _Blocks:
    """The blocking index as a walk reads it: each key's size and claims fetched once.

    `common` gathers the keys, and the pairs of entity keys, met over the cap (too common
    to tie two claims)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._claims: dict[str, list[int]] = {}
        self._named: dict[tuple[str, str], list[int]] = {}
        self.common: set[str | tuple[str, str]] = set()

    def usable(self, keys: Iterable[str]) -> dict[str, list[int]]:
        """The claims under each of `keys` that is under the cap."""
        new = sorted(set(keys) - self._claims.keys() - self.common)
        usable, over = _split_by_block_size(self._session, new)
        self.common |= over
        for key in usable:
            self._claims[key] = []
        for chunk in chunks(sorted(usable)):
            for claim_id, key in self._session.execute(
                select(BlockingKey.claim_id, BlockingKey.key).where(BlockingKey.key.in_(chunk))
            ):
                self._claims[key].append(claim_id)
        return {key: self._claims[key] for key in keys if key in self._claims}

    def named(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[int]]:
        """The claims naming both entities of each pair that ties claims on its own (see
        `InvertedIndex`): one of its keys over the cap, the pair itself under it. The keys
        must have been through `usable`."""
        found: dict[tuple[str, str], list[int]] = {}
        for pair in sorted(set(pairs)):
            if pair in self.common or all(key in self._claims for key in pair):
                continue
            if pair not in self._named:
                first, second = sorted(pair, key=lambda key: key not in self._claims)
                ids = _naming_both(self._session, first, second, MAX_BLOCK + 1)
                if len(ids) > MAX_BLOCK:
                    self.common.add(pair)
                    continue
                self._named[pair] = ids
            found[pair] = self._named[pair]
        return found


_FIRST, _SECOND = aliased(BlockingKey), aliased(BlockingKey)
_NAMING_BOTH = (
    select(_FIRST.claim_id)
    .join(_SECOND, (_SECOND.claim_id == _FIRST.claim_id) & (_SECOND.key == bindparam("second")))
    .where(_FIRST.key == bindparam("first")).limit(bindparam("limit")))


def _naming_both(session: Session, first: str, second: str, up_to: int) -> list[int]:
    """Ids of the claims that carry both keys, no more than `up_to` of them; `first` is
    read through its index, so the rarer key goes first."""
    return list(session.scalars(_NAMING_BOTH, {"first": first, "second": second,
                                               "limit": up_to}))


def _split_by_block_size(session: Session, keys: list[str]) -> tuple[set[str], set[str]]:
    """Keys under the block cap, and keys over it (too common to tie two claims).

    A block is counted only up to one claim past the cap, one indexed look-up per key: the
    common keys a few new claims carry hold tens of thousands of claims each in a large
    store, and counting them whole took most of the time of adding ten articles."""
    usable = {key for key in keys if _block_size(session, key, MAX_BLOCK + 1) <= MAX_BLOCK}
    return usable, set(keys) - usable


_BLOCK_SIZE = select(func.count()).select_from(
    select(BlockingKey.claim_id).where(BlockingKey.key == bindparam("key"))
    .limit(bindparam("limit")).subquery())


def _block_size(session: Session, key: str, up_to: int) -> int:
    """How many claims carry a blocking key, counted no further than `up_to`."""
    return session.scalar(_BLOCK_SIZE, {"key": key, "limit": up_to}) or 0


def _under_moved_keys(session: Session, new_ids: Sequence[int], old: Sequence[Item],
                      lexicon: Lexicon) -> set[str]:
    """Claim keys under the blocking keys, and pairs of entity keys, that the change has
    moved across the cap.

    A key the new claims push past the cap no longer ties two claims; one that the claims
    of superseded versions leave under it ties them again. Either way every current claim
    under it is regrouped, with the facts it is in, as a regrouping of everything would: a
    link gone can split a fact or free a claim that two clashing links kept alone, and a
    new one can join facts. The walk from the new claims never reaches them. A pair of
    entity keys ties claims only while one of its keys is over the cap, so only such pairs
    are counted. Sizes are counted, as in `_split_by_block_size`, only as far as the test
    needs; the claims of superseded versions may count versions replaced long ago, which
    only regroups more."""
    new_keys: dict[int, list[str]] = {}
    for chunk in chunks(sorted(new_ids)):
        for claim_id, key in session.execute(select(BlockingKey.claim_id, BlockingKey.key)
                                             .where(BlockingKey.claim_id.in_(chunk))):
            new_keys.setdefault(claim_id, []).append(key)
    old_keys = [keys_of(item_features(item, lexicon)) for item in old]
    added = Counter(key for keys in new_keys.values() for key in keys)
    removed = Counter(key for keys in old_keys for key in keys)
    moved: list[str] = []
    over: set[str] = set()
    for key in sorted(added.keys() | removed.keys()):
        now = _block_size(session, key, MAX_BLOCK + added[key] + 1)
        if _crossed(now, added[key], removed[key]):
            moved.append(key)
        if now > MAX_BLOCK or now - added[key] + removed[key] > MAX_BLOCK:
            over.add(key)
    found: set[str] = set()
    for keys in chunks(moved):
        found.update(session.scalars(
            select(Claim.key).join(BlockingKey, BlockingKey.claim_id == Claim.id)
            .where(BlockingKey.key.in_(keys))))
    added_pairs = Counter(pair for keys in new_keys.values() for pair in entity_pairs(keys)
                          if not over.isdisjoint(pair))
    removed_pairs = Counter(pair for keys in old_keys for pair in entity_pairs(keys)
                            if not over.isdisjoint(pair))
    ids: set[int] = set()
    for pair in sorted(added_pairs.keys() | removed_pairs.keys()):
        first, second = sorted(pair, key=lambda key: key in over)
        naming = _naming_both(session, first, second, MAX_BLOCK + added_pairs[pair] + 1)
        if _crossed(len(naming), added_pairs[pair], removed_pairs[pair]):
            ids.update(naming)
    for chunk in chunks(sorted(ids)):
        found.update(session.scalars(select(Claim.key).where(Claim.id.in_(chunk))))
    return found


def _crossed(now: int, added: int, removed: int) -> bool:
    """Whether a block of `now` claims, `added` of them new and `removed` taken away, has
    crossed the cap: `now - added` is the least it can have held before, `removed` more
    the most."""
    before = now - added
    return before <= MAX_BLOCK < now or now <= MAX_BLOCK < before + removed


def _members(session: Session, facts: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(sorted(facts)):
        found.update(session.scalars(
            select(FactMember.claim_key).where(FactMember.fact_id.in_(chunk))))
    return found


def _one_regrouping_at_a_time(session: Session) -> None:
    """Two ingest workers on one PostgreSQL store regroup in turn, never side by side.

    (On SQLite the write transaction already holds the database's only write lock.)
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REGROUP_LOCK})


def _groups(items: Iterable[Item], lexicon: Lexicon, common: Common = ()) -> list[Group]:
    unique = {item.claim_key: item for item in items}
    return group_facts(list(unique.values()), lexicon=lexicon, common=common, singles=False)


def _claims_of(session: Session, versions: Sequence[int]) -> list[int]:
    found: list[int] = []
    for chunk in chunks(sorted(versions)):
        found += session.scalars(select(Claim.id).where(Claim.version_id.in_(chunk)))
    return found


def _superseded(session: Session, versions: Sequence[int]) -> list[Item]:
    """Claims of the older versions of changed documents: their facts must be redone, and
    the blocks they have left may have shrunk under the cap."""
    found: list[Item] = []
    for chunk in chunks(sorted(versions)):
        documents = select(DocumentVersion.document_id).where(DocumentVersion.id.in_(chunk))
        old = select(DocumentVersion.id).where(DocumentVersion.document_id.in_(documents),
                                               DocumentVersion.is_current.is_(False))
        found += map(_item, session.execute(items_query(current=False)
                                            .where(Claim.version_id.in_(old))))
    return found


def _facts_with(session: Session, claim_keys: Iterable[str]) -> set[str]:
    """The current facts of the given claims.

    Members are looked up by claim key and facts by id, in two steps: joined, SQLite walks
    the index of every current fact instead, seconds in a store of a hundred thousand."""
    found: set[str] = set()
    for chunk in chunks(sorted(claim_keys)):
        found.update(session.scalars(
            select(FactMember.fact_id).where(FactMember.claim_key.in_(chunk))))
    return _current(session, found)


def _current(session: Session, fact_ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(sorted(fact_ids)):
        found.update(session.scalars(
            select(Fact.id).where(Fact.id.in_(chunk), Fact.is_current.is_(True))))
    return found


def _items_by_ids(session: Session, ids: Iterable[int]) -> list[Item]:
    return list(_items_with_ids(session, ids).values())


def _items_with_ids(session: Session, ids: Iterable[int]) -> dict[int, Item]:
    found: dict[int, Item] = {}
    for chunk in chunks(sorted(ids)):
        for row in session.execute(items_query().add_columns(Claim.id)
                                   .where(Claim.id.in_(chunk))):
            found[row[-1]] = _item(row[:-1])
    return found


def _items_by_keys(session: Session, keys: Iterable[str]) -> list[Item]:
    items: list[Item] = []
    for chunk in chunks(sorted(keys)):
        items += map(_item, session.execute(items_query().where(Claim.key.in_(chunk))))
    return items


def _sync(session: Session, groups: Sequence[Group], scope: set[str] | None) -> FactsSummary:
    """Store `groups`; facts in `scope` (every current fact when None) not among them go.

    Core statements, one executemany each: the ORM's bulk paths split tens of thousands
    of rows into thousands of statements by which of their columns are null."""
    facts, members = cast(Table, Fact.__table__), cast(Table, FactMember.__table__)
    now = datetime.now(UTC).replace(tzinfo=None)
    wanted = {g.id: g for g in groups}
    known: set[str] = set()
    for chunk in chunks(sorted(wanted)):
        known.update(session.scalars(select(facts.c.id).where(facts.c.id.in_(chunk))))
    if scope is None:
        scope = set(session.scalars(select(facts.c.id).where(facts.c.is_current.is_(True))))
    gone = sorted(scope - set(wanted))
    for chunk in chunks(gone):
        session.execute(update(facts).where(facts.c.id.in_(chunk)).values(is_current=False))
    outlets = _outlets(session, {m.document for g in groups for m in g.members})
    rows = {g.id: {
        "status": g.status, "kind": g.kind, "conflict_kind": g.conflict_kind,
        "label": g.label, "explanation": g.explanation, "members_hash": members_hash(g),
        "is_current": True, "updated": now,
        "documents": len({m.document for m in g.members}),
        "outlets": len({outlets[m.document] for m in g.members}),
    } for g in groups}
    fresh = [g for g in groups if g.id not in known]
    if fresh:
        session.execute(insert(facts), [{"id": g.id, **rows[g.id]} for g in fresh])
        session.execute(insert(members), [
            {"fact_id": g.id, "claim_key": m.claim_key} for g in fresh for m in g.members
        ])
    if known:
        session.execute(
            update(facts).where(facts.c.id == bindparam("fact")),
            [{"fact": fact, **rows[fact]} for fact in sorted(known)])
    carry_over(session, gone, [g.id for g in fresh])
    return FactsSummary(
        facts=len(groups), conflicts=sum(g.status == "conflict" for g in groups),
        new=len(fresh), gone=len(gone),
    )


def _outlets(session: Session, documents: Iterable[str]) -> dict[str, str]:
    """The voice (`claims.voice`) behind each named document's current version."""
    found: dict[str, str] = {}
    for chunk in chunks(sorted(documents)):
        found.update((name, c.voice(outlet, name)) for name, outlet in session.execute(
            select(Document.name, DocumentVersion.outlet)
            .join(DocumentVersion, DocumentVersion.document_id == Document.id)
            .where(Document.name.in_(chunk), DocumentVersion.is_current.is_(True))))
    return found
