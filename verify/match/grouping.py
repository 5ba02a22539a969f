"""Facts: the versions of one claim across documents, grouped without chaining.

Pairs of claims are linked when their score (see `thresholds`) reaches GROUP_THRESHOLD;
facts are then built by greedy complete linkage over those links, strongest first: two
groups merge only when *every* member of one is linked to every member of the other, so an
unrelated claim is never pulled in through a middle one. Links are examined in the order
(score, claim keys), which depends on the inputs only, never on their order, and a fact's id
hashes its sorted member keys: the same inputs give the same facts and ids.

Two values of one sentence are never linked: they are different facts (a distance and a
border length), however alike their clause words are. Two amounts MAX_RATIO times apart
are never linked either (`_apart`). A claim linked to two claims that are about different
subjects (`similarity.frame_clash`: another place, event or counted noun) and that names
nothing to side with either says too little to tell which it states ("the two countries
established relations in 1993", next to a 1993 of Israel and Turkmenistan and one of Israel
and Azerbaijan): it stays alone rather than be given to either. Two values of one document
in different sentences are linked only at SAME_DOCUMENT_THRESHOLD (a repetition).

`FactIndex.add` is the incremental form: new items are scored against the candidates their
blocking keys reach, and only the linked components they touch are regrouped.

Costs stay near linear in the claims: candidates are the union of small blocks of key
combinations (`blocking`), found for a first batch all at once over arrays (`candidates`);
the cheap vetoes (same sentence, amounts apart, `frame_clash`) run before the score; a
component of links that is a clique is one fact as it stands, and in the others complete
linkage keeps a count of links between every two groups, so whether two groups may merge
(every member linked to every member: |A|·|B| links) is one look-up, not a scan of both.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations, compress
from multiprocessing import get_context
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from verify import collector
from verify.claims import DATE_KINDS, Claim, Kind
from verify.compare import TIME_KINDS, Comparison, compare, dimension, interval
from verify.extract.values import find_values
from verify.match.blocking import Common, InvertedIndex, keys_for
from verify.match.candidates import candidate_pairs
from verify.match.lexicon import CONCEPT_PREFIX, Lexicon, default_lexicon
from verify.match.similarity import (
    ENTITY_PREFIX,
    Features,
    assemble,
    clashes,
    features,
    score,
    shared_anchors,
    takes_no_side,
)
from verify.match.stored import Columns, Parts, columns, decode, parts, parts_of, reading
from verify.match.thresholds import GROUP_THRESHOLD, MAX_RATIO, SAME_DOCUMENT_THRESHOLD
from verify.text.normalize import TOKEN_RE, stem

Status = Literal["conflict", "consistent", "not-comparable", "single"]
FactConflict = Literal["number", "date", "attribution", "self-contradiction"]
LABEL_WORDS = 5
SINGLE = "Stated in one place only."  # the explanation of a fact of one version
_NO_LINKS: dict[str, float] = {}


@dataclass(frozen=True, slots=True)
class Item:
    """One claim as matching sees it: a stable key from the caller, its document, its sentence.

    `text` is the sentence exactly as in the document (document_text[sentence_start:
    sentence_end]), so the value's own words are recoverable from it. `stored` is the line
    of features a store keeps with the claim (`stored.encode`), when it has one.
    """

    claim_key: str
    document: str
    claim: Claim
    text: str
    stored: str | None = None

    @property
    def value_text(self) -> str:
        """The value's own words as they stand in the sentence."""
        offset = self.claim.sentence_start
        return self.text[self.claim.value.start - offset : self.claim.value.end - offset]


@dataclass(frozen=True, slots=True)
class PairVerdict:
    """The comparison of two versions of a fact (keys in sorted order)."""

    a: str
    b: str
    comparison: Comparison


@dataclass(frozen=True, slots=True)
class Fact:
    """A group of versions of one claim, with its verdict and the why of it."""

    id: str
    status: Status
    kind: str
    conflict_kind: FactConflict | None
    label: str
    explanation: str
    members: tuple[Item, ...]
    pairs: tuple[PairVerdict, ...]


PARALLEL_FROM = 20_000  # items; below this, starting processes costs more than it saves


def fact_id(claim_keys: Iterable[str]) -> str:
    """A stable id: the hash of the sorted member claim keys."""
    joined = "\n".join(sorted(claim_keys)).encode("utf-8")
    return hashlib.sha256(joined).hexdigest()[:16]


def group_facts(
    items: Sequence[Item], *, lexicon: Lexicon | None = None, common: Common = (),
    jobs: int | None = None, parallel_from: int = PARALLEL_FROM, singles: bool = True,
) -> list[Fact]:
    """Group items into facts, sorted by id; with `singles`, a fact of one version for each
    item that joins no other (a store keeps none: most claims are such, and building and
    passing them between processes costs more than grouping them).

    `common`: blocking keys (and pairs of entity keys) over the cap in a larger store the
    items are taken from, so that regrouping a part of it finds the candidates that
    regrouping all of it would.

    Claims of two dimensions are never linked, so the dimensions can be grouped apart: from
    `parallel_from` items on, `jobs` processes (default: every core) take them one after
    another, with the very facts one process would find.
    """
    workers = jobs or os.cpu_count() or 1
    if workers > 1 and len(items) >= parallel_from:
        parts = _by_dimension(items)
        if len(parts) > 1:
            return sorted(_group_in_processes(parts, min(workers, len(parts)), lexicon,
                                              common, singles), key=lambda f: f.id)
    return _group(items, lexicon, common, singles)


def _group(items: Sequence[Item], lexicon: Lexicon | None, common: Common,
           singles: bool) -> list[Fact]:
    index = FactIndex(lexicon, common, singles=singles)
    index.add(items)
    return index.facts()


def _by_dimension(items: Sequence[Item]) -> list[list[Item]]:
    """The items of each dimension, largest dimension first: processes that take them in
    turn, the next as they finish one, end close together whatever each dimension's claims
    cost (years that name no event cost little, counts much); shared out in advance by
    size, one process at 100,000 articles grouped for 56 s while the other was done at 34."""
    by_dimension: dict[str, list[Item]] = {}
    for item in items:
        by_dimension.setdefault(dimension(item.claim.value), []).append(item)
    return [by_dimension[d] for d in sorted(by_dimension, key=lambda d: (-len(by_dimension[d]), d))]


# What forked grouping processes inherit instead of receiving it pickled (set only while
# they run): the parts and the lexicon and common keys they share.
_inherited: dict[str, Any] = {}


def _group_part(number: int) -> list[tuple[Fact, tuple[str, ...]]]:
    """The facts of one part, each without its members and with their keys instead: the
    parent holds the items already, and sending them back cost it more than the rest."""
    facts = _group(_inherited["parts"][number], _inherited["lexicon"], _inherited["common"],
                   _inherited["singles"])
    return [(replace(f, members=()), tuple(m.claim_key for m in f.members)) for f in facts]


def _group_in_processes(parts: list[list[Item]], workers: int, lexicon: Lexicon | None,
                        common: Common, singles: bool) -> list[Fact]:
    """The parts in `workers` forked processes, each taking the next part when it is done
    with one; only the facts travel back."""
    _inherited.update(parts=parts, lexicon=lexicon or default_lexicon(), common=frozenset(common),
                      singles=singles)
    items = {item.claim_key: item for part in parts for item in part}
    try:
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            return [replace(fact, members=tuple(map(items.__getitem__, keys)))
                    for facts in pool.map(_group_part, range(len(parts))) for fact, keys in facts]
    finally:
        _inherited.clear()


class FactIndex:
    """Facts over a growing set of items; `add` re-examines only what new items touch.

    Without `singles`, an item that joins no other is no fact of its own (see `group_facts`).
    """

    def __init__(self, lexicon: Lexicon | None = None, common: Common = (), *,
                 singles: bool = True) -> None:
        self._lexicon = lexicon or default_lexicon()
        self._singles = singles
        self._items: dict[str, Item] = {}
        self._common = common
        # Features are assembled from a stored line only for a claim with candidates, when
        # first needed (`_feature`): most claims of a store have none.
        self._features: dict[str, Features] = {}
        self._assembled: dict[tuple[object, ...], Features] = {}  # by all they are made of
        # years and dates that name no event: in their blocks, never in a pair (`eventless`)
        self._eventless: set[str] = set()
        # The first items are paired all at once (`candidates`); the index of their keys is
        # built only if more items come.
        self._keys: dict[str, frozenset[str]] = {}
        self._index: InvertedIndex | None = None
        self._links: dict[str, dict[str, float]] = {}  # only claims with a link have any
        self._spans: dict[str, tuple[float, float] | None] = {}  # amounts, for `_apart`
        self._fact_of: dict[str, str] = {}
        self._facts: dict[str, Fact] = {}

    def facts(self) -> list[Fact]:
        """Every fact, sorted by id."""
        return [self._facts[k] for k in sorted(self._facts)]

    def fact(self, fact_id: str) -> Fact:
        """One fact by id."""
        return self._facts[fact_id]

    def add(self, items: Iterable[Item]) -> set[str]:
        """Add items; returns the ids of facts created or dissolved by the addition.

        Features, links and facts are long-lived objects without cycles: the cycle collector
        is kept off them (`collector.kept`), or its passes walk them again and again."""
        with collector.kept():
            return self._add(items)

    def _add(self, items: Iterable[Item]) -> set[str]:
        fresh = [i for i in items if i.claim_key not in self._items]
        new = {i.claim_key for i in fresh}
        if self._items:
            # Links found through a block that grew too common are re-derived.
            crossed = self._index_items(fresh)
            for key in crossed - new:
                for other in self._links.pop(key, _NO_LINKS):
                    self._links[other].pop(key, None)
            touched = crossed | new
            assert self._index is not None
            eventless = self._eventless
            self._link([(a, b) for a, b in self._index.pairs(touched, self._keys)
                        if a not in eventless and b not in eventless])
            component = self._component(touched)
        else:
            self._link(self._first_pairs(fresh))
            component = new  # every link is between two of them
        before: set[str] = set()
        # A dissolved fact's members are regrouped too, wherever they now link (a first
        # batch dissolves none).
        while self._fact_of:
            facts = {self._fact_of[k] for k in component if k in self._fact_of}
            if facts <= before:
                break
            before |= facts
            component = self._component(
                component | {m.claim_key for f in facts for m in self._facts[f].members}
            )
        for fid in before:
            for member in self._facts.pop(fid).members:
                self._fact_of.pop(member.claim_key, None)
        after: set[str] = set()
        for members in self._cluster(component):
            if len(members) == 1 and not self._singles:
                continue
            fact = self._build(members)
            self._facts[fact.id] = fact
            after.add(fact.id)
            for key in members:
                self._fact_of[key] = fact.id
        return before ^ after

    def _first_pairs(self, fresh: list[Item]) -> list[tuple[str, str]]:
        """The candidate pairs of the first items, found all at once (`candidates`), each
        in key order; pairs with a year or a date that names no event are left out."""
        self._items.update((item.claim_key, item) for item in fresh)
        keys = [item.claim_key for item in fresh]
        found = columns([item.stored for item in fresh], self._lexicon)
        if found is None:  # some line missing or stale: each item on its own
            told: dict[tuple[object, ...], Features] = {}
            found = Columns.of([self._keyed(item, told) for item in fresh])
        dimensions, words, ties, eventless = found
        rows = candidate_pairs(dimensions, words, ties, self._common)
        if any(eventless):
            self._eventless.update(compress(keys, eventless))
            timeless = np.array(eventless, dtype=bool)
            rows = rows[~(timeless[rows[:, 0]] | timeless[rows[:, 1]])]
        pairs = [(keys[i], keys[j]) for i, j in _together(rows, len(keys)).tolist()]
        return [(a, b) if a < b else (b, a) for a, b in pairs]

    def _index_items(self, fresh: list[Item]) -> set[str]:
        """Blocking keys of new items, in the index; returns the claims under the blocks that
        have just grown past the cap. The first items' index is built on the way."""
        told: dict[tuple[object, ...], Features] = {}
        keys = self._keys
        if self._index is None:
            for item in self._items.values():
                keys[item.claim_key] = _blocking_keys(self._keyed(item, told))
            self._index = InvertedIndex.of(list(keys.items()), self._common)
        crossed: set[str] = set()
        for item in fresh:
            self._items[item.claim_key] = item
            found = self._keyed(item, told)
            if found.eventless:
                self._eventless.add(item.claim_key)
            own = keys[item.claim_key] = _blocking_keys(found)
            crossed |= self._index.add(item.claim_key, own)
        return crossed

    def _keyed(self, item: Item, told: dict[tuple[object, ...], Features]) -> Parts:
        """What blocking reads of an item: from its stored line when it can be trusted
        (`stored.parts`); else from its features, computed once for the items that say the
        same thing in the same words (`_said`) and kept (an index built after a first batch
        finds them kept)."""
        found = parts(item.stored, self._lexicon)
        if found is not None:
            return found
        f = self._features.get(item.claim_key)
        if f is None:
            said = _said(item)
            f = told.get(said)
            if f is None:
                f = told[said] = features(item.claim, self._lexicon, item.text)
            self._features[item.claim_key] = f
        return parts_of(f, self._lexicon)

    def _feature(self, key: str) -> Features:
        """A claim's features, assembled from its stored line when first asked for: only
        claims in candidate pairs, and the members of facts, ever need them. Claims that say
        the same thing in the same words (one wire story in many outlets: a fifth of the
        claims with candidates at 10,000 generated articles) share one Features object."""
        found = self._features.get(key)
        if found is None:
            item = self._items[key]
            claim = item.claim
            value = claim.value
            same = (item.stored, claim.entities, value.kind, value.unit, value.currency)
            found = self._assembled.get(same)
            if found is None:
                read = reading(item.stored, self._lexicon)
                assert read is not None, "an item without a stored line has its features"
                found = self._assembled[same] = assemble(claim, read, self._lexicon)
            self._features[key] = found
        return found

    def _link(self, pairs: list[tuple[str, str]]) -> None:
        """Score candidate pairs; a link where the score reaches the threshold. The vetoes
        that part two claims before any score come first: one sentence, amounts ten times
        apart, different subjects (`frame_clash`). A year or a date that names no event
        clashes with every claim: the callers leave its pairs out, before any features are
        assembled."""
        items, feats, spans, links = self._items, self._features, self._spans, self._links
        # Features are built in the order the pairs read them, so that the pairs find them
        # near each other in memory: built in hash order, matching 10,000 articles took
        # 2.6 s instead of 2.4.
        for key in dict.fromkeys(k for pair in pairs for k in pair):
            if key not in spans:
                self._feature(key)
                spans[key] = _span(items[key].claim)
        lexicon = self._lexicon
        for key, other in pairs:
            a, b, fa, fb = items[key], items[other], feats[key], feats[other]
            if (_same_sentence(a, b) or _apart(spans[key], spans[other])
                    or clashes(fa, fb)):
                continue
            s = score(fb, fa, lexicon=lexicon, clash_checked=True)
            if s >= (SAME_DOCUMENT_THRESHOLD if a.document == b.document else GROUP_THRESHOLD):
                mine, theirs = links.get(key), links.get(other)
                if mine is None:
                    mine = links[key] = {}
                if theirs is None:
                    theirs = links[other] = {}
                mine[other] = theirs[key] = s

    def _component(self, seeds: set[str]) -> set[str]:
        seen, stack = set(seeds), list(seeds)
        while stack:
            for other in self._links.get(stack.pop(), _NO_LINKS):
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        return seen

    def _cluster(self, keys: set[str]) -> list[list[str]]:
        """Greedy complete linkage over the links among `keys`, component by component.

        Links never cross components, so each is grouped on its own; and a component whose
        members are all linked to each other is one group whatever the order of its links:
        nearly every component is such a clique of two to five versions, so the strongest-
        first merging (`_linkage`) runs on the few others only.
        """
        every = self._links
        # Claims in the order their links were made, that of their features in memory
        # (see `_link`): in hash order, 10,000 articles' links took 0.19 s, not 0.12.
        linked = [k for k in every if k in keys]
        free = set(linked)
        free -= {k for k in linked if len(every[k]) > 1 and self._ambiguous(k)}
        groups: list[list[str]] = []
        seen: set[str] = set()
        for start in linked:
            if start not in free or start in seen:
                continue
            component, stack = [start], [start]
            seen.add(start)
            while stack:
                for other in every[stack.pop()]:
                    if other in free and other not in seen:
                        seen.add(other)
                        stack.append(other)
                        component.append(other)
            if len(component) == 1:
                continue
            size = len(component) - 1
            if all(len(every[k]) == size and every[k].keys() <= free for k in component):
                groups.append(sorted(component))
            else:
                groups += self._linkage(component, free)
        if self._singles:
            grouped = {k for g in groups for k in g}
            groups += [[k] for k in keys - grouped]
        return groups

    def _linkage(self, component: list[str], free: set[str]) -> list[list[str]]:
        """Greedy complete linkage over the links of one component, strongest link first.

        `between[g][h]` counts the links between groups g and h (named by one member); they
        may merge only when it is |g|·|h|, every member linked to every member.
        """
        every = self._links
        links = sorted((-s, a, b) for a in component for b, s in every[a].items()
                       if a < b and b in free)
        group = {k: k for k in component}
        members = {k: [k] for k in component}
        between: dict[str, dict[str, int]] = {k: {} for k in component}
        for _, a, b in links:
            between[a][b] = between[b][a] = 1
        for _, a, b in links:
            ga, gb = group[a], group[b]
            if ga == gb or between[ga].get(gb, 0) != len(members[ga]) * len(members[gb]):
                continue
            if len(members[ga]) < len(members[gb]):
                ga, gb = gb, ga
            for k in members[gb]:
                group[k] = ga
            members[ga] += members.pop(gb)
            del between[ga][gb]
            for other, n in between.pop(gb).items():
                if other != ga:
                    row = between[other]
                    del row[gb]
                    row[ga] = row.get(ga, 0) + n
                    between[ga][other] = between[ga].get(other, 0) + n
        return [sorted(m) for m in members.values()]

    def _ambiguous(self, key: str) -> bool:
        """Linked to two claims (or more) that clash, with nothing to side with either (see
        module); the caller has made sure of two links.

        Two partners linked to each other passed every veto, so they do not clash: most
        claims with several links are in a clique, and the pairs left are few. Of those,
        only partners that name every place and organisation `key` names can be such a
        pair (`takes_no_side`).
        """
        every, feats, items, spans = self._links, self._features, self._items, self._spans
        partners = list(every[key])
        apart = [(x, y) for i, x in enumerate(partners) for y in partners[i + 1 :]
                 if y not in every[x]]
        if not apart:
            return False
        f = feats[key]
        for x, y in apart:
            fx, fy = feats[x], feats[y]
            if (f.places <= fx.places and f.actors <= fx.actors and f.places <= fy.places
                    and f.actors <= fy.actors and clashes(fx, fy) and takes_no_side(f, fx, fy)
                    and not _same_sentence(items[x], items[y])
                    and not _apart(spans[x], spans[y])):
                return True
        return False

    def _build(self, keys: list[str]) -> Fact:
        members = sorted((self._items[k] for k in keys), key=_position)
        pairs = tuple(
            PairVerdict(a.claim_key, b.claim_key, compare_versions(a, b))
            for a, b in combinations(members, 2)
        )
        feats = [self._feature(k) for k in keys]
        kind = members[0].claim.value.kind.value
        status, conflict = _status(pairs, members)
        label = _label(kind, feats)
        if label is not None and status == "single":  # neither needs the words that tie it
            explanation = SINGLE
        else:
            words = _tie_words(feats, [m.text for m in members])
            label = label or (f"{kind}: {', '.join(words)}" if words else kind)
            explanation = _explain(status, words, pairs, {m.claim_key: m for m in members})
        return Fact(fact_id(keys), status, kind, conflict, label, explanation, tuple(members),
                    pairs)


def item_features(item: Item, lexicon: Lexicon) -> Features:
    """An item's features: the stored ones when they can be trusted, else read anew."""
    found = decode(item.stored, item.claim, lexicon)
    return found if found is not None else features(item.claim, lexicon, item.text)


def _together(rows: npt.NDArray[np.int64], claims: int) -> npt.NDArray[np.int64]:
    """Candidate pairs (i, j), i < j, ordered so that the pairs of a few claims that are
    each other's candidates come one after another: by the least of the first claim and its
    partners. `_link` builds features in the order it reads them, so the versions of one
    fact then lie near each other in memory, as they are compared: at 10,000 articles this
    took a twentieth off matching."""
    lead = np.arange(claims)
    np.minimum.at(lead, rows[:, 1], rows[:, 0])
    return rows[np.lexsort((rows[:, 1], rows[:, 0], lead[rows[:, 0]]))]


def _blocking_keys(found: Parts) -> frozenset[str]:
    return keys_for(found.dimension, found.words.split(), found.ties.split())


def _said(item: Item) -> tuple[object, ...]:
    """Everything `features` reads of an item: one sentence carried by many outlets (a wire
    story) is read once, and its claims share one Features object."""
    claim, value = item.claim, item.claim.value
    return (item.text, value.start - claim.sentence_start, value.end - claim.sentence_start,
            value.kind, value.unit, value.currency, claim.context, claim.entities, claim.source)


def _position(item: Item) -> tuple[str, int, int, str]:
    """Where a version stands: by document, then by place in it."""
    return item.document, item.claim.sentence_start, item.claim.value.start, item.claim_key


def _tie_words(feats: Sequence[Features], texts: Sequence[str]) -> list[str]:
    """The anchors the versions share most widely, in the words of their texts."""
    surface = _Surface(texts)
    return [surface.word(a) for a in shared_anchors(list(feats))[:LABEL_WORDS]]


def _label(kind: str, feats: Sequence[Features]) -> str | None:
    """A short phrase for a fact: what every version measures, and the places all name.

    "length, distance: Ashgabat – Iran – Turkmenistan", "count, diplomats expelled:
    Azerbaijan – Iran"; None when the versions share no role word to say it with.
    """
    frame = frozenset.intersection(*(f.frame for f in feats))
    if not frame:
        return None
    places = frozenset.intersection(*(f.places for f in feats))
    what = " ".join(sorted(c.removeprefix(CONCEPT_PREFIX) for c in frame))
    where = " – ".join(p.replace("-", " ").title() for p in sorted(places))
    return f"{kind}, {what}: {where}" if where else f"{kind}, {what}"


def compare_versions(a: Item, b: Item) -> Comparison:
    """`compare`, after giving a day and month without a year the year of the other version.

    "19 April" in an undated article cannot be placed on the time line; matched to
    "20 April 2023" as the date of one event it is read in 2023, and the explanation says so.
    Only a day-and-month that stays the same whatever the anchor is read so (see
    `_year_free_day`): "Wednesday" or "yesterday" depend on a publication date they lack.
    """
    if a.claim.value.kind not in DATE_KINDS or b.claim.value.kind not in DATE_KINDS:
        return compare(a.claim, b.claim)
    if a.claim.value.resolved == b.claim.value.resolved:
        return compare(a.claim, b.claim)
    loose, anchored = (a, b) if not a.claim.value.resolved else (b, a)
    if anchored.claim.value.low is None:
        return compare(a.claim, b.claim)
    year = date.fromordinal(int(anchored.claim.value.low)).year
    day = _year_free_day(loose.value_text, year)
    if day is None:
        return compare(a.claim, b.claim)
    value = replace(loose.claim.value, low=float(day.toordinal()), high=float(day.toordinal()),
                    resolved=True)
    claim = replace(loose.claim, value=value)
    pair = (claim, anchored.claim) if loose is a else (anchored.claim, claim)
    result = compare(*pair)
    note = f"«{loose.value_text}» names no year; read in {year}, the other version's year. "
    return replace(result, explanation=note + result.explanation)


def _year_free_day(words: str, year: int) -> date | None:
    """The day the words name in `year`, when they name a day and month and no year."""
    days = []
    for anchor in (date(year, 12, 31), date(year + 1, 12, 30)):
        found = [v for v in find_values(words, published=anchor)
                 if v.kind is Kind.DATE and v.resolved and v.low is not None and v.low == v.high]
        if len(found) != 1:
            return None
        assert found[0].low is not None
        days.append(date.fromordinal(int(found[0].low)))
    first, second = days
    if (first.month, first.day, first.year + 1) != (second.month, second.day, second.year):
        return None
    return first.replace(year=year)


def _span(claim: Claim) -> tuple[float, float] | None:
    """The interval of an amount (None for years and dates), for `_apart`."""
    if claim.value.kind in TIME_KINDS:
        return None
    iv = interval(claim.value)
    return iv.low, iv.high


def _apart(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    """Amounts MAX_RATIO times apart or more: other facts that share words, not one misreported.

    "a month after the embassy opened" and "30 years of relations" share their words; a
    report that gets a figure wrong gets it wrong by a little, not by a factor of ten.
    """
    if a is None or b is None:
        return False
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return low > 0 and high > 0 and low >= MAX_RATIO * high


def _same_sentence(a: Item, b: Item) -> bool:
    return a.document == b.document and (
        a.claim.sentence_start < b.claim.sentence_end
        and b.claim.sentence_start < a.claim.sentence_end
    )


def _status(
    pairs: Sequence[PairVerdict], members: Sequence[Item]
) -> tuple[Status, FactConflict | None]:
    if len(members) == 1:
        return "single", None
    conflicts = [p for p in pairs if p.comparison.verdict == "conflict"]
    if conflicts:
        document = {m.claim_key: m.document for m in members}
        if any(document[p.a] == document[p.b] for p in conflicts):
            return "conflict", "self-contradiction"
        kinds = {p.comparison.conflict_kind for p in conflicts}
        order: tuple[FactConflict, ...] = ("number", "date", "attribution")
        return "conflict", next(k for k in order if k in kinds)
    if any(p.comparison.verdict == "consistent" for p in pairs):
        return "consistent", None
    return "not-comparable", None


def _explain(
    status: Status, words: list[str], pairs: Sequence[PairVerdict], items: dict[str, Item]
) -> str:
    tied = f"Tied by {', '.join(words)}." if words else ""
    if status == "single":
        return SINGLE
    wanted = {"conflict": "conflict", "consistent": "consistent"}.get(status, "not-comparable")
    pair = next(p for p in pairs if p.comparison.verdict == wanted)
    a, b = items[pair.a], items[pair.b]
    where = f"{a.document} vs {b.document}" if a.document != b.document else (
        f"{a.document} contradicts itself"
    )
    return f"{tied} {where}: {pair.comparison.explanation}".strip()


def display_anchor(anchor: str, texts: Sequence[str]) -> str:
    """An anchor in readable words: entity key, concept name, or the stem's surface word."""
    return _Surface(texts).word(anchor)


class _Surface:
    """The first word of the texts written with each stem, read word by word as far as
    needed: the anchors of one fact are looked up in the same few texts, and most are found
    in the first words of the first one."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._unread: Iterator[str] = (w for text in texts for w in TOKEN_RE.findall(text))
        self._words: dict[str, str] = {}

    def word(self, anchor: str) -> str:
        """An anchor in readable words: entity key, concept name, or the stem's surface word."""
        if anchor.startswith(ENTITY_PREFIX):
            return anchor[len(ENTITY_PREFIX) :]
        if anchor.startswith(CONCEPT_PREFIX):
            return anchor[len(CONCEPT_PREFIX) :]
        words = self._words
        if anchor in words:
            return words[anchor]
        for word in self._unread:
            found = stem(word)
            if found not in words:
                words[found] = word
                if found == anchor:
                    return word
        return anchor
