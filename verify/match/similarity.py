"""One score for "these two claims state the same fact", and the words that tied them.

See `thresholds` for the formula and every constant. Features are computed once per claim
(`features`), so scoring a pair is two small set operations and one rapidfuzz call.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from verify.claims import Claim
from verify.compare import TIME_KINDS, dimension
from verify.match.lexicon import CONCEPT_PREFIX, Lexicon, default_lexicon
from verify.match.thresholds import (
    EVENT_ROLES,
    MIN_SHARED,
    NEAR_WORDS,
    PHRASE_SPAN,
    SPECIFIC_KINDS,
    W_CONTEXT,
    W_ENTITY,
    W_FRAME,
    W_KIND,
    W_NEAR,
)
from verify.text.normalize import TOKEN_RE, is_content_word, match_form, stem

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
    frame: frozenset[str] = frozenset()  # role concepts of the clause and the value's words
    subjects: frozenset[str] = frozenset()  # entities and the parties they belong to
    places: frozenset[str] = frozenset()  # the countries and places the sentence is about
    timed: bool = False  # a year or a date: the time of an event


def features(claim: Claim, lexicon: Lexicon | None = None, sentence: str | None = None) -> Features:
    """The matching features of a claim (its context is already normalised and masked).

    With the sentence text, the words right next to the value (NEAR_WORDS each side, entity
    names as their keys) are kept apart: of two values in one clause they say which one a
    version is about (the place a distance is measured from sits next to it). The places
    are the clause's, each standing for the country it belongs to (Baku for Azerbaijan);
    when the clause names fewer than two, the sentence's are read too: "the president of
    Azerbaijan, whose country shares a border of 700 km with Iran" is about Azerbaijan.
    """
    lex = lexicon or default_lexicon()
    words = tuple(sorted(lex.concepts(claim.context)))
    entities = frozenset(claim.entities)
    anchors = frozenset(words) | {ENTITY_PREFIX + e for e in entities}
    near: tuple[str, ...] = ()
    places = _places(entities, lex)
    if sentence:
        near_stems, sentence_stems = _stems(claim, sentence)
        near = tuple(sorted({*lex.concepts(near_stems, names=True), *_phrases(claim, sentence,
                                                                              lex)}))
        if len(places) < 2:  # a border, a distance, relations: two parties, named nearby
            named = {lex.place_words[t] for t in sentence_stems if t in lex.place_words}
            places |= _places(named, lex)
    frame = frozenset(w for w in (*words, *near) if w in lex.roles)
    subjects = entities | {lex.parents[e] for e in entities if e in lex.parents}
    return Features(dimension(claim.value), words, entities, anchors, near,
                    claim.value.kind in SPECIFIC_KINDS, frame, subjects, places,
                    claim.value.kind in TIME_KINDS)


def _phrases(claim: Claim, sentence: str, lex: Lexicon) -> set[str]:
    """Concepts of the lexicon's phrases among the words right before and after the value."""
    if not lex.phrases:
        return set()
    offset = claim.sentence_start
    before = TOKEN_RE.findall(sentence[: claim.value.start - offset])[-PHRASE_SPAN:]
    after = TOKEN_RE.findall(sentence[claim.value.end - offset :])[:PHRASE_SPAN]
    found: set[str] = set()
    for words in (before, after):
        forms = [match_form(w) for w in words]
        for n in {len(p) for p in lex.phrases}:
            for i in range(len(forms) - n + 1):
                concept = lex.phrases.get(tuple(forms[i : i + n]))
                if concept:
                    found.add(CONCEPT_PREFIX + concept)
    return found


def _places(keys: set[str] | frozenset[str], lex: Lexicon) -> frozenset[str]:
    return frozenset(p for p in (lex.parents.get(k, k) for k in keys) if p in lex.places)


def _stems(claim: Claim, sentence: str) -> tuple[list[str], list[str]]:
    """The stems right next to the value (the counted noun included), and the sentence's."""
    offset = claim.sentence_start
    before = [w for w in TOKEN_RE.findall(sentence[: claim.value.start - offset])
              if is_content_word(w)]
    own = [w for w in TOKEN_RE.findall(sentence[claim.value.start - offset : claim.value.end
                                                 - offset]) if is_content_word(w)]
    after = [w for w in TOKEN_RE.findall(sentence[claim.value.end - offset :])
             if is_content_word(w)]
    near = [stem(w) for w in before[-NEAR_WORDS:] + own + after[:NEAR_WORDS]]
    return near, [stem(w) for w in before + own + after]


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
    if _opposed(a, b, lexicon) or frame_clash(a, b, lexicon) is not None:
        return 0.0
    if containment:
        shared = len(set(a.words) & set(b.words))
        context = shared / len(a.words) if a.words else 0.0
    else:
        context = fuzz.ratio(a.words, b.words, processor=None) / 100.0
    sa, sb = a.subjects | a.places, b.subjects | b.places
    if containment:
        entities = len(sa & sb) / len(sa) if sa else 0.0
    elif sa or sb:
        entities = 2 * len(sa & sb) / (len(sa) + len(sb))
    else:
        entities = context  # nothing to say either way: the words decide alone
    near = fuzz.ratio(a.near, b.near, processor=None) / 100.0 if a.near and b.near else context
    kind = 1.0 if a.specific or a.frame & b.frame else 0.0
    frame = _frame_overlap(a, b, lexicon) if a.frame and b.frame else None
    frame = context if frame is None else frame  # no role filled on both sides: words decide
    return (W_CONTEXT * context + W_NEAR * near + W_ENTITY * entities + W_KIND * kind
            + W_FRAME * frame)


def _frame_overlap(a: Features, b: Features, lexicon: Lexicon | None) -> float | None:
    """Dice overlap of the role concepts of the roles both sides fill; None when none is."""
    roles = (lexicon or default_lexicon()).roles
    common = {roles[c] for c in a.frame} & {roles[c] for c in b.frame}
    x = {c for c in a.frame if roles[c] in common}
    y = {c for c in b.frame if roles[c] in common}
    return 2 * len(x & y) / (len(x) + len(y)) if common else None


def frame_clash(a: Features, b: Features, lexicon: Lexicon | None = None) -> str | None:
    """Why two claims cannot state one fact, or None: they are about different subjects.

    Each filled role must agree (the counted noun, the event, the goods, the flow, the
    measure: "four diplomats expelled" is not "four flights", a distance is not a border's
    length). A fact that joins places (the lexicon's `!parties`: a border, relations) is
    another fact when each side names a place the other lacks (a border of Turkmenistan
    and Iran is not one of Azerbaijan and Iran); other facts name actors and bystanders
    too (Israel opens an embassy in a city that lies 25 km from Iran), so places alone
    never part them.
    One side saying less than the other is no clash: articles leave things unsaid. Years
    and dates are the time of an event: two of them must name one event or place of one
    (EVENT_ROLES), or they are only the periods of other figures ("40% in 2022").
    """
    lex = lexicon or default_lexicon()
    roles = lex.roles
    by_role: dict[str, tuple[set[str], set[str]]] = {}
    for side, f in enumerate((a, b)):
        for concept in f.frame:
            by_role.setdefault(roles[concept], (set(), set()))[side].add(concept)
    for role, (one, other) in sorted(by_role.items()):
        if one and other and not one & other:
            return f"different {role}: {_names(one)} vs {_names(other)}"
    if a.timed and not any(roles[c] in EVENT_ROLES for c in a.frame & b.frame):
        return "no event in common"
    only_a, only_b = a.places - b.places, b.places - a.places
    if only_a and only_b and (a.frame | b.frame) & lex.parties:
        return f"different places: {_names(only_a)} vs {_names(only_b)}"
    return None


def takes_no_side(k: Features, x: Features, y: Features, lexicon: Lexicon | None = None) -> bool:
    """True when k, tied to both x and y, says nothing that tells which of the two it states.

    x and y clash (`frame_clash`); k takes a side when it names a place that one of them
    lacks, or fills a role on which x and y disagree.
    """
    roles = (lexicon or default_lexicon()).roles
    if k.places - (x.places & y.places):
        return False
    filled_x = {roles[c] for c in x.frame}
    filled_y = {roles[c] for c in y.frame}
    clashing = {r for r in filled_x & filled_y
                if not {c for c in x.frame & y.frame if roles[c] == r}}
    return not any(roles[c] in clashing for c in k.frame)


def _names(tokens: set[str] | frozenset[str]) -> str:
    return "/".join(sorted(t.lstrip(CONCEPT_PREFIX) for t in tokens))


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
