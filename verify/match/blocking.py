"""Blocking keys and the inverted index: candidates come from shared keys, never all pairs.

A key is the value's dimension joined to one anchor (an entity key or a lexicon-mapped
content stem): two claims can only be versions of one fact if they measure the same thing
and share words, so only claims under one key are ever scored. A caller holding claims in a
database stores `blocking_keys(claim)` next to each claim and fetches candidates by them.

Two claims are candidates when they share MIN_SHARED usable keys: keys whose block holds
at most MAX_BLOCK claims (a key most claims carry says nothing about a fact). They are also
candidates when they share two entity keys that at most MAX_BLOCK claims name together:
as coverage grows, a city or a country is named by thousands of claims of a dimension, but
a company and the city of its plant, or the two countries of a border, by a few. The index
keeps, beside each key's block, the claims under each combination of MIN_SHARED keys and
under each pair of entity keys, so a claim's candidates are the union of a few small
blocks: no counting over large ones.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from itertools import combinations

from verify.claims import Claim
from verify.match.lexicon import Lexicon
from verify.match.similarity import ENTITY_PREFIX, Features, features
from verify.match.thresholds import MAX_BLOCK, MIN_SHARED

ENTITY_KEY = "|" + ENTITY_PREFIX  # in a key of an entity: dimension|@key


def keys_of(f: Features) -> frozenset[str]:
    """The blocking keys of a claim's features: dimension × anchor, and dimension × each
    organisation and place its sentence names beyond the value's clause: "Built by Kavir
    Rail, the pipe that reaches Baku stretches 80 km" shares the key of Kavir Rail with
    "The Kavir Rail pipeline to Baku runs for 80 km", though its clause names only Baku,
    and the key of Baku alone grows too common to tie them in a season of coverage."""
    return keys_for(f.dimension, f.words, [*f.entities, *f.beyond])


def keys_for(dimension: str, words: Iterable[str], entities: Iterable[str]) -> frozenset[str]:
    """`keys_of` from what blocking reads of a claim (`stored.Parts`): its dimension, its
    words, and the entity keys of the claim and of the rest of its sentence."""
    prefix = dimension + "|"
    entity = prefix + ENTITY_PREFIX
    return frozenset([*[prefix + w for w in words], *[entity + e for e in entities]])


def entity_pairs(keys: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Every pair of the entity keys among `keys`, each in sorted order."""
    return combinations(sorted(k for k in keys if ENTITY_KEY in k), 2)


def blocking_keys(claim: Claim, lexicon: Lexicon | None = None,
                  sentence: str | None = None) -> frozenset[str]:
    """The blocking keys of a claim (what a store indexes it by to fetch candidates); pass
    its sentence, as matching does, or the keys the sentence adds are missing."""
    return keys_of(features(claim, lexicon, sentence))


Common = Iterable[str | tuple[str, str]]  # keys, and pairs of entity keys, over the cap


class InvertedIndex:
    """Blocking key → claim keys, with the block-size cap that drops over-common keys.

    `common` names keys, and pairs of entity keys, known to be over the cap beyond the
    claims of this index (a store regrouping a few of its claims knows how many others
    carry each).
    """

    def __init__(self, common: Common = ()) -> None:
        self.blocks: dict[str, set[str]] = {}
        self.combined: dict[tuple[str, ...], list[str]] = {}
        self.named: dict[tuple[str, str], list[str]] = {}  # claims naming both entities
        self._common = frozenset(k for k in common if isinstance(k, str))
        self._common_pairs = frozenset(k for k in common if isinstance(k, tuple))

    @classmethod
    def of(cls, claims: Sequence[tuple[str, frozenset[str]]],
           common: Common = ()) -> InvertedIndex:
        """The index `add` builds claim by claim, built from many claims at once (a whole
        corpus grouped): every block first, then the combinations of each claim's keys
        under the cap. Combinations with a key over the cap are never read (see `add`), so
        storing only those under it gives the same candidates, and no block's size is
        checked on every claim added."""
        index = cls(common)
        blocks, combined, named = index.blocks, index.combined, index.named
        for claim, keys in claims:
            for key in keys:
                block = blocks.get(key)
                if block is None:
                    blocks[key] = {claim}
                else:
                    block.add(claim)
        usable = {k for k, block in blocks.items() if len(block) <= MAX_BLOCK} - index._common
        for claim, keys in claims:
            ordered = sorted(keys)
            mine = [k for k in ordered if k in usable]
            if len(mine) >= MIN_SHARED:
                for combo in combinations(mine, MIN_SHARED):
                    combined.setdefault(combo, []).append(claim)
            for pair in entity_pairs(ordered):
                named.setdefault(pair, []).append(claim)
        return index

    def usable(self, key: str) -> bool:
        """A key under the cap: rare enough to make its claims candidates of each other."""
        return key not in self._common and len(self.blocks.get(key, ())) <= MAX_BLOCK

    def add(self, claim_key: str, keys: Iterable[str]) -> set[str]:
        """Index one claim; returns the claims under the keys and pairs of entities whose
        block has just grown past the cap (links found through them must be re-derived)."""
        crossed: set[str] = set()
        usable: list[str] = []  # in key order, as combinations are stored
        blocks, common = self.blocks, self._common
        ordered = sorted(set(keys))
        for key in ordered:
            block = blocks.get(key)
            if block is None:
                block = blocks[key] = set()
            block.add(claim_key)
            size = len(block)
            if size == MAX_BLOCK + 1:
                crossed |= block
            elif size <= MAX_BLOCK and key not in common:
                usable.append(key)
        # A combination with a key over the cap never makes a candidate again (blocks only
        # grow), so it is not stored.
        combined = self.combined
        for combo in combinations(usable, MIN_SHARED):
            combined.setdefault(combo, []).append(claim_key)
        named = self.named
        for pair in entity_pairs(ordered):
            claims = named.setdefault(pair, [])
            claims.append(claim_key)
            if len(claims) == MAX_BLOCK + 1:
                crossed.update(claims)
        return crossed

    def candidates(self, claim_key: str, keys: Iterable[str]) -> list[str]:
        """Claims sharing MIN_SHARED usable keys with this one, or two entity keys that few
        claims name together, in a stable order."""
        found: set[str] = set()
        for block in self._blocks_of(sorted(set(keys))):
            found.update(block)
        found.discard(claim_key)
        return sorted(found)

    def pairs(self, claims: Collection[str],
              keys: Mapping[str, Iterable[str]]) -> set[tuple[str, str]]:
        """Every candidate pair with one of `claims` (whose keys `keys` gives), that claim
        first (the lesser key when both are among them).

        The pairs `candidates` gives each of the claims, read block by block: a block of
        one combination of keys is read once, not once for each claim in it. When the claims
        are as many as the blocks (a whole corpus grouped at once), every block of two claims
        or more is read instead of gathering the claims' combinations: the same blocks hold
        every pair of the claims, and the pairs with none of them are left out below.
        """
        blocks: Iterable[list[str]]
        if len(claims) >= len(self.combined):
            blocks = [block for combo, block in self.combined.items()
                      if len(block) > 1 and len(self._usable(list(combo))) == len(combo)]
            blocks += [block for pair, block in self.named.items()
                       if len(block) > 1 and self._rare(pair)]
        else:
            seen: dict[int, list[str]] = {}
            for claim in claims:
                for block in self._blocks_of(sorted(set(keys[claim]))):
                    seen[id(block)] = block
            blocks = seen.values()
        found: set[tuple[str, str]] = set()
        for unsorted in blocks:
            block = sorted(unsorted)
            for i, a in enumerate(block):
                mine = a in claims
                for b in block[i + 1 :]:
                    if mine:
                        found.add((a, b))
                    elif b in claims:
                        found.add((b, a))
        return found

    def _blocks_of(self, keys: list[str]) -> Iterator[list[str]]:
        """The blocks that tie a claim of these sorted keys to its candidates: one for each
        combination of its usable keys, and one for each pair of its entity keys that few
        claims name together while one of the two is common on its own."""
        combined = self.combined
        for combo in combinations(self._usable(keys), MIN_SHARED):
            block = combined.get(combo)
            if block:
                yield block
        named = self.named
        for pair in entity_pairs(keys):
            block = named.get(pair)
            if block and self._rare(pair):
                yield block

    def _rare(self, pair: tuple[str, str]) -> bool:
        """A pair of entity keys that ties its claims beyond what its keys alone do: named
        together by at most MAX_BLOCK claims, while one of the two is over the cap (two
        keys under it tie their claims as a combination already)."""
        return (len(self.named[pair]) <= MAX_BLOCK and pair not in self._common_pairs
                and len(self._usable(list(pair))) < 2)

    def _usable(self, keys: list[str]) -> list[str]:
        """The usable ones of sorted keys, in order: the combinations of usable keys alone
        are the combinations whose every key is usable, so each key is checked once."""
        blocks, common = self.blocks, self._common
        return [k for k in keys if k not in common and len(blocks.get(k, ())) <= MAX_BLOCK]
