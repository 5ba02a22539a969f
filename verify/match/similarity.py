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
from verify.match.thresholds import (
    MIN_SHARED,
    NEAR_WORDS,
    SPECIFIC_KINDS,
    W_CONTEXT,
    W_ENTITY,
    W_KIND,
    W_NEAR,
)
from verify.text.normalize import TOKEN_RE, is_content_word, stem

ENTITY_PREFIX = "@"  # marks an entity key among anchors


@dataclass(frozen=True, slots=True)
class Features:
    """What matching looks at in a claim: its dimension, context words and entities."""

    dimension: str
    words: tuple[str, ...]  # sorted unique context tokens, lexicon concepts mapped
    entities: frozenset[str]
    anchors: frozenset[str]  # words and ENTITY_PREFIX + entity keys
    near: tuple[str, ...] = ()  # sorted mapped words right next to the value
    specific: bool = False  # a kind that few sentences state (a length, a share, a sum)


def features(claim: Claim, lexicon: Lexicon | None = None, sentence: str | None = None) -> Features:
    """The matching features of a claim (its context is already normalised and masked).

    With the sentence text, the words right next to the value (NEAR_WORDS each side, entity
    names as their keys) are kept apart: of two values in one clause they say which one a
    version is about (the place a distance is measured from sits next to it).
    """
    lex = lexicon or default_lexicon()
    words = tuple(sorted(lex.concepts(claim.context)))
    entities = frozenset(claim.entities)
    anchors = frozenset(words) | {ENTITY_PREFIX + e for e in entities}
    near = tuple(sorted(lex.concepts(_near_stems(claim, sentence), names=True))) if sentence else ()
    return Features(dimension(claim.value), words, entities, anchors, near,
                    claim.value.kind in SPECIFIC_KINDS)


def _near_stems(claim: Claim, sentence: str) -> list[str]:
    offset = claim.sentence_start
    before = [w for w in TOKEN_RE.findall(sentence[: claim.value.start - offset])]
    after = [w for w in TOKEN_RE.findall(sentence[claim.value.end - offset :])]
    own = TOKEN_RE.findall(sentence[claim.value.start - offset : claim.value.end - offset])
    pick = [w for w in before if is_content_word(w)][-NEAR_WORDS:]
    pick += [w for w in own if is_content_word(w)]  # the counted noun: "four diplomats"
    pick += [w for w in after if is_content_word(w)][:NEAR_WORDS]
    return [stem(w) for w in pick]


def score(
    a: Features, b: Features, *, containment: bool = False, lexicon: Lexicon | None = None
) -> float:
    """The same-fact score of two claims in [0, 1] (formula in `thresholds`).

    With `containment`, `a` is a short query (a typed claim): its words and entities are
    measured by how much of them `b` holds, not by overlap of both sides. Contexts with
    opposite words (imports/exports, rise/fall in the lexicon) state different facts: 0.
    """
    if a.dimension != b.dimension or len(a.anchors & b.anchors) < MIN_SHARED:
        return 0.0
    if _opposed(a, b, lexicon):
        return 0.0
    if containment:
        shared = len(set(a.words) & set(b.words))
        context = shared / len(a.words) if a.words else 0.0
    else:
        context = fuzz.ratio(a.words, b.words, processor=None) / 100.0
    if containment:
        entities = len(a.entities & b.entities) / len(a.entities) if a.entities else 0.0
    elif a.entities or b.entities:
        entities = 2 * len(a.entities & b.entities) / (len(a.entities) + len(b.entities))
    else:
        entities = context  # nothing to say either way: the words decide alone
    near = fuzz.ratio(a.near, b.near, processor=None) / 100.0 if a.near and b.near else context
    kind = 1.0 if a.specific else 0.0
    return W_CONTEXT * context + W_NEAR * near + W_ENTITY * entities + W_KIND * kind


def _opposed(a: Features, b: Features, lexicon: Lexicon | None) -> bool:
    pairs = (lexicon or default_lexicon()).opposites
    if not pairs:
        return False
    only_a, only_b = set(a.words) - set(b.words), set(b.words) - set(a.words)
    return any((x, y) in pairs for x in only_a for y in only_b)


def shared_anchors(members: list[Features]) -> list[str]:
    """Anchors held by every member, else by the most members; most widely shared first."""
    counts: dict[str, int] = {}
    for f in members:
        for anchor in f.anchors:
            counts[anchor] = counts.get(anchor, 0) + 1
    ranked = sorted(counts, key=lambda k: (-counts[k], not k.startswith(ENTITY_PREFIX), k))
    return [k for k in ranked if counts[k] > 1 or len(members) == 1]
