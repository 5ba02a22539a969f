"""One score for "these two claims state the same fact", and the words that tied them.

See `thresholds` for the formula and every constant. Features are computed once per claim
(`features`), so scoring a pair is two small set operations and one rapidfuzz call.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from verify.claims import Claim
from verify.compare import dimension
from verify.match.lexicon import Lexicon, default_lexicon
from verify.match.thresholds import MIN_SHARED, W_CONTEXT, W_ENTITY

ENTITY_PREFIX = "@"  # marks an entity key among anchors


@dataclass(frozen=True, slots=True)
class Features:
    """What matching looks at in a claim: its dimension, context words and entities."""

    dimension: str
    words: tuple[str, ...]  # sorted unique context tokens, lexicon concepts mapped
    entities: frozenset[str]
    anchors: frozenset[str]  # words and ENTITY_PREFIX + entity keys


def features(claim: Claim, lexicon: Lexicon | None = None) -> Features:
    """The matching features of a claim (its context is already normalised and masked)."""
    words = tuple(sorted((lexicon or default_lexicon()).concepts(claim.context)))
    entities = frozenset(claim.entities)
    anchors = frozenset(words) | {ENTITY_PREFIX + e for e in entities}
    return Features(dimension(claim.value), words, entities, anchors)


def score(a: Features, b: Features, *, containment: bool = False) -> float:
    """The same-fact score of two claims in [0, 1] (formula in `thresholds`).

    With `containment`, `a` is a short query (a typed claim): its words and entities are
    measured by how much of them `b` holds, not by overlap of both sides.
    """
    if a.dimension != b.dimension or len(a.anchors & b.anchors) < MIN_SHARED:
        return 0.0
    if containment:
        shared = len(set(a.words) & set(b.words))
        context = shared / len(a.words) if a.words else 0.0
    else:
        context = fuzz.ratio(a.words, b.words, processor=None) / 100.0
    if not a.entities and not b.entities:
        return context
    if containment:
        entities = len(a.entities & b.entities) / len(a.entities) if a.entities else 0.0
    else:
        smaller = min(len(a.entities), len(b.entities))
        entities = len(a.entities & b.entities) / smaller if smaller else 0.0
    return W_CONTEXT * context + W_ENTITY * entities


def shared_anchors(members: list[Features]) -> list[str]:
    """Anchors held by every member, else by the most members; most widely shared first."""
    counts: dict[str, int] = {}
    for f in members:
        for anchor in f.anchors:
            counts[anchor] = counts.get(anchor, 0) + 1
    ranked = sorted(counts, key=lambda k: (-counts[k], not k.startswith(ENTITY_PREFIX), k))
    return [k for k in ranked if counts[k] > 1 or len(members) == 1]
