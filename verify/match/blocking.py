"""Blocking keys and the inverted index: candidates come from shared keys, never all pairs.

A key is the value's dimension joined to one anchor (an entity key or a lexicon-mapped
content stem): two claims can only be versions of one fact if they measure the same thing
and share words, so only claims under one key are ever scored. A caller holding claims in a
database stores `blocking_keys(claim)` next to each claim and fetches candidates by them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from verify.claims import Claim
from verify.match.lexicon import Lexicon
from verify.match.similarity import Features, features
from verify.match.thresholds import MAX_BLOCK, MIN_SHARED


def keys_of(f: Features) -> frozenset[str]:
    """The blocking keys of a claim's features: dimension × anchor."""
    return frozenset(f"{f.dimension}|{anchor}" for anchor in f.anchors)


def blocking_keys(claim: Claim, lexicon: Lexicon | None = None) -> frozenset[str]:
    """The blocking keys of a claim (what a store indexes it by to fetch candidates)."""
    return keys_of(features(claim, lexicon))


class InvertedIndex:
    """Blocking key → claim keys, with the block-size cap that drops over-common keys."""

    def __init__(self) -> None:
        self.blocks: dict[str, set[str]] = {}

    def add(self, claim_key: str, keys: Iterable[str]) -> set[str]:
        """Index one claim; returns the keys whose block has just grown past the cap."""
        crossed: set[str] = set()
        for key in keys:
            block = self.blocks.setdefault(key, set())
            block.add(claim_key)
            if len(block) == MAX_BLOCK + 1:
                crossed.add(key)
        return crossed

    def candidates(self, claim_key: str, keys: Iterable[str]) -> list[str]:
        """Claims sharing at least MIN_SHARED usable keys with this one, in a stable order."""
        counts: Counter[str] = Counter()
        for key in keys:
            block = self.blocks.get(key)
            if block is not None and len(block) <= MAX_BLOCK:
                counts.update(block)
        counts.pop(claim_key, None)
        return sorted(k for k, n in counts.items() if n >= MIN_SHARED)
