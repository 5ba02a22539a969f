"""One score for "these two claims state the same fact", and the words that tied them.

See `thresholds` for the formula and every constant. Features are computed once per claim
(`features`), at ingest, and kept with it (`stored`), so scoring a pair is a few small set
operations and two rapidfuzz calls.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from rapidfuzz import fuzz

from verify.claims import Claim
from verify.compare import TIME_KINDS, dimension
from verify.match.lexicon import CONCEPT_PREFIX, Framed, Lexicon, default_lexicon, names_in
from verify.match.thresholds import (
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
from verify.text.normalize import (
    CONJUNCTIONS,
    TOKEN_RE,
    clitics,
    is_content_word,
    match_form,
    stem,
)

ENTITY_PREFIX = "@"  # marks an entity key among anchors
# One empty set for every feature that is empty: most are, in most claims, and a store's
# worth of features otherwise keeps a million empty sets alive for the garbage collector.
_EMPTY: frozenset[str] = frozenset()


class Features(NamedTuple):
    """What matching looks at in a claim: its dimension, context words and entities.

    A named tuple rather than a frozen dataclass: as immutable, and built once per claim of
    a store in each run, where a frozen dataclass's checked set-up costs seven times more."""

    dimension: str
    words: tuple[str, ...]  # sorted unique context tokens, lexicon concepts mapped
    entities: frozenset[str]
    anchors: frozenset[str]  # words and ENTITY_PREFIX + entity keys
    near: tuple[str, ...] = ()  # sorted mapped words right next to the value
    specific: bool = False  # a kind that few sentences state (a length, a share, a sum)
    frame: frozenset[str] = frozenset()  # role concepts of the clause and the value's words
    # entities, the parties they belong to, and the places the sentence is about
    subjects: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # the countries and places the sentence is about
    timed: bool = False  # a year or a date: the time of an event
    slots: tuple[tuple[str, frozenset[str]], ...] = ()  # role → its concepts in `frame`
    parties: bool = False  # the frame holds a concept of a fact that joins places
    events: frozenset[str] = frozenset()  # concepts of `frame` in EVENT_ROLES
    opposable: frozenset[str] = frozenset()  # words that have an opposite in the lexicon
    actors: frozenset[str] = frozenset()  # organisations named, the cited source left out
    # organisations and places the sentence names beyond the clause, the cited source left
    # out (see `features`): blocking keys, not anchors
    beyond: frozenset[str] = frozenset()
    # the entities, the claim's or its sentence's, that what it measures goes to ("supplies
    # to Merv"), the cited source left out
    toward: frozenset[str] = frozenset()


class Reading(NamedTuple):
    """What `features` reads from a claim's words and its sentence: the costly part, which
    a store keeps beside the claim (`verify.match.stored`). The rest of the features
    follows from it by look-ups (`assemble`)."""

    words: tuple[str, ...]
    near: tuple[str, ...]
    places: frozenset[str]
    actors: frozenset[str]
    beyond: frozenset[str]
    toward: frozenset[str]


def features(claim: Claim, lexicon: Lexicon | None = None, sentence: str | None = None) -> Features:
    """The matching features of a claim (its context is already normalised and masked).

    With the sentence text, the words right next to the value (NEAR_WORDS each side, entity
    names as their keys) are kept apart: of two values in one clause they say which one a
    version is about (the place a distance is measured from sits next to it). The places
    are the clause's, each standing for the country it belongs to (Baku for Azerbaijan);
    when the clause names fewer than two, the sentence's are read too: "the president of
    Azerbaijan, whose country shares a border of 700 km with Iran" is about Azerbaijan.
    The organisations it is about (`actors`) are the clause's, or the sentence's when the
    clause names none ("Built by Kavir Rail, the pipe that reaches Baku stretches 80 km":
    the pipe is Kavir Rail's), less the one it cites. The organisations and places the
    sentence names beyond the clause (`beyond`) are blocking keys only, never scored: they
    find the versions whose clauses name what this one leaves to the rest of its sentence.
    """
    lex = lexicon or default_lexicon()
    return assemble(claim, read(claim, lex, sentence), lex)


def read(claim: Claim, lex: Lexicon, sentence: str | None) -> Reading:
    """The words, places and organisations of a claim's features (see `features`)."""
    entities = _set(claim.entities)
    own = lex.own_names(entities)
    words = tuple(sorted(lex.concepts(claim.context, own=own)))
    near: tuple[str, ...] = ()
    places = _places(entities, lex)
    sentence_stems: list[str] = []
    sentence_words: list[str] = []
    if sentence:
        before, value, after = _words(claim, sentence)
        sentence_words = before + value + after
        near_stems, sentence_stems = _stems(before, value, after)
        near = tuple(sorted({*lex.concepts(near_stems, names=True, own=own),
                             *_phrases(before, after, lex)}))
    organisations = lex.organisations_in(sentence_stems) if sentence_stems else _EMPTY
    actors = _uncited(claim, entities & lex.organisations or organisations, lex)
    beyond = _uncited(claim, organisations, lex)
    if sentence and len(places) < 2:  # a border, a distance, relations: two parties, named nearby
        found = _named_places(sentence_stems, sentence_words, own, organisations, lex)
        if found:
            places = places | _places(found, lex) or _EMPTY
            beyond |= found
    toward = (_uncited(claim, _toward(sentence_words, own, beyond, lex), lex)
              if own or beyond else _EMPTY)
    return Reading(words, near, places, actors, beyond - entities or _EMPTY, toward)


def assemble(claim: Claim, reading: Reading, lex: Lexicon) -> Features:
    """A claim's features from what was read of its words: the rest is look-ups."""
    words, near = reading.words, reading.near
    entities = _set(claim.entities)
    roles = lex.roles
    frame = _set([w for w in words if w in roles] + [w for w in near if w in roles])
    framed = lex.framed.get(frame)
    if framed is None:
        framed = lex.framed[frame] = _framed(frame, lex)
    parents = lex.parents
    subjects = entities.union([parents[e] for e in entities if e in parents],
                              reading.places) or _EMPTY
    kind = claim.value.kind
    return Features(
        dimension(claim.value), words, entities,
        frozenset([*words, *[ENTITY_PREFIX + e for e in entities]]), near,
        kind in SPECIFIC_KINDS, frame, subjects, reading.places, kind in TIME_KINDS,
        *framed, lex.opposable.intersection(words) or _EMPTY, reading.actors, reading.beyond,
        reading.toward,
    )


def _framed(frame: frozenset[str], lex: Lexicon) -> Framed:
    """A frame's concepts by role (sorted by role), whether it joins places, and its events."""
    if not frame:
        return (), False, _EMPTY
    roles = lex.roles
    slots: dict[str, set[str]] = {}
    for concept in frame:
        slots.setdefault(roles[concept], set()).add(concept)
    return (tuple(sorted((role, frozenset(c)) for role, c in slots.items())),
            bool(frame & lex.parties), frame & lex.events or _EMPTY)


def eventless(f: Features, lex: Lexicon) -> bool:
    """A year or a date whose words name no event: it clashes with every claim
    (`frame_clash`), so it can be no other claim's version."""
    return f.timed and lex.events.isdisjoint(f.words) and lex.events.isdisjoint(f.near)


def _set(items: Iterable[str]) -> frozenset[str]:
    """The items as a set; the shared empty set when there are none."""
    return frozenset(items) or _EMPTY


def _uncited(claim: Claim, organisations: frozenset[str], lex: Lexicon) -> frozenset[str]:
    """The organisations a claim is about, of those given: all but the one it cites.

    A source credited with a figure is not what the figure is about: two versions that
    credit one figure to different sources are one fact (an attribution conflict at most).
    """
    if not organisations or not claim.source:
        return organisations
    cited = {stem(t) for t in TOKEN_RE.findall(claim.source)}
    return _set([k for k in organisations if not lex.name_stems.get(k, _EMPTY) & cited])


def _named_places(stems: list[str], words: list[str], own: dict[str, str],
                  organisations: frozenset[str], lex: Lexicon) -> frozenset[str]:
    """Places the sentence (its content stems, and its words) names, words of the names of
    the claim's entities and of the sentence's organisations left out: "Ganja" in Ganja
    Steel names no city. A name read only whole ("Port Said") is looked for among the stems
    of all the words, in the few sentences that hold its content word."""
    name_stems = lex.name_stems
    taken = own.keys() | set().union(*(name_stems.get(k, _EMPTY) for k in organisations))
    found = names_in(stems, lex.place_names, taken)
    if not lex.whole_place_words.isdisjoint(stems):
        found |= names_in([stem(w) for w in words], lex.whole_place_names, taken)
    return found


def _toward(words: list[str], own: dict[str, str], beyond: frozenset[str],
            lex: Lexicon) -> frozenset[str]:
    """The entities of the claim (the name words `own` gives) and of the rest of its sentence
    (`beyond`) that stand right after a word of the lexicon's `!toward`, or one word later:
    "supplies to Merv", "إمداداتها إلى ميرف", "engineers sent to help Merv"; or right after
    a word its joined preposition governs: "لمساعدة ميرف" (to help Merv). Not after a word
    of an entity's own name: "للتأمين" in "واحة للتأمين" (Waha Insurance) is a name.

    The rest of the sentence counts: "To support Merv, Kavir has assigned 300 engineers"
    sends them to Merv, outside the value's clause. A name word that the claim's entities
    share with one read in the rest of the sentence is the claim's: the stems of "إلياس"
    and of "ياسنا" are one, and the claim knows which of the two it names."""
    if beyond:
        own = {**lex.own_names(beyond), **own}
    found = []
    for i, word in enumerate(words):
        if match_form(word) in lex.toward:
            reach = 2
        elif (lex.toward_prefixes and _joined(word, lex.toward_prefixes)
              and stem(word) not in own):
            reach = 1
        else:
            continue
        for after in words[i + 1 : i + 1 + reach]:
            key = own.get(_content_stem(after) or "")
            if key is not None:
                found.append(key)
                break
    return _set(found)


def _joined(word: str, prepositions: frozenset[str]) -> bool:
    """Whether one of the prepositions is written joined to the word, after any conjunction
    ("لدعم", "ولدعم"); the article's ل ("الدعم") is none."""
    peeled = clitics(word).lstrip(CONJUNCTIONS)
    return any(peeled.startswith(p) for p in prepositions)


def _phrases(before: list[str], after: list[str], lex: Lexicon) -> set[str]:
    """Concepts of the lexicon's phrases among the words right before and after the value."""
    found: set[str] = set()
    if not lex.phrases:
        return found
    starts = lex.phrase_starts
    for words in (before[-PHRASE_SPAN:], after[:PHRASE_SPAN]):
        forms = [match_form(w) for w in words]
        for n in lex.phrase_lengths:
            for i in range(len(forms) - n + 1):
                if forms[i] not in starts:
                    continue
                concept = lex.phrases.get(tuple(forms[i : i + n]))
                if concept:
                    found.add(CONCEPT_PREFIX + concept)
    return found


def _places(keys: set[str] | frozenset[str], lex: Lexicon) -> frozenset[str]:
    parents, places = lex.parents, lex.places
    return _set([p for p in [parents.get(k, k) for k in keys] if p in places])


def _words(claim: Claim, sentence: str) -> tuple[list[str], list[str], list[str]]:
    """The words of the sentence before the value, of the value, and after it.

    Read once for both the stems next to the value and the phrases around it.
    """
    start = claim.value.start - claim.sentence_start
    end = claim.value.end - claim.sentence_start
    return (TOKEN_RE.findall(sentence[:start]), TOKEN_RE.findall(sentence[start:end]),
            TOKEN_RE.findall(sentence[end:]))


def _stems(before: list[str], value: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    """The stems right next to the value (the counted noun included), and the sentence's."""
    stems_before = [s for s in map(_content_stem, before) if s is not None]
    stems_value = [s for s in map(_content_stem, value) if s is not None]
    stems_after = [s for s in map(_content_stem, after) if s is not None]
    near = stems_before[-NEAR_WORDS:] + stems_value + stems_after[:NEAR_WORDS]
    return near, stems_before + stems_value + stems_after


@lru_cache(maxsize=1 << 18)
def _content_stem(word: str) -> str | None:
    """The stem of a content word, None for a number or a function word: one cached look-up
    a word where the sentence's words are read for every claim in it."""
    return stem(word) if is_content_word(word) else None


def score(
    a: Features,
    b: Features,
    *,
    containment: bool = False,
    lexicon: Lexicon | None = None,
    clash_checked: bool = False,
) -> float:
    """The same-fact score of two claims in [0, 1] (formula in `thresholds`).

    With `containment`, `a` is a short query (a typed claim): its words and entities are
    measured by how much of them `b` holds, not by overlap of both sides. Contexts with
    opposite words (imports/exports, rise/fall in the lexicon) state different facts: 0,
    and so do claims about different subjects (`frame_clash`, skipped when the caller has
    `clash_checked` already).
    """
    if a.dimension != b.dimension or len(a.anchors & b.anchors) < MIN_SHARED:
        return 0.0
    if _opposed(a, b, lexicon) or (not clash_checked and clashes(a, b)):
        return 0.0
    if containment:
        shared = len(set(a.words) & set(b.words))
        context = shared / len(a.words) if a.words else 0.0
    else:
        context = fuzz.ratio(a.words, b.words, processor=None) / 100.0
    sa, sb = a.subjects, b.subjects
    if containment:
        entities = len(sa & sb) / len(sa) if sa else 0.0
    elif sa or sb:
        entities = 2 * len(sa & sb) / (len(sa) + len(sb))
    else:
        entities = context  # nothing to say either way: the words decide alone
    near = fuzz.ratio(a.near, b.near, processor=None) / 100.0 if a.near and b.near else context
    kind = 1.0 if a.specific or a.frame & b.frame else 0.0
    frame = _frame_overlap(a, b) if a.frame and b.frame else None
    frame = context if frame is None else frame  # no role filled on both sides: words decide
    return (W_CONTEXT * context + W_NEAR * near + W_ENTITY * entities + W_KIND * kind
            + W_FRAME * frame)


def _frame_overlap(a: Features, b: Features) -> float | None:
    """Dice overlap of the role concepts of the roles both sides fill; None when none is."""
    theirs = dict(b.slots)
    x = y = shared = 0
    for role, mine in a.slots:
        other = theirs.get(role)
        if other is not None:
            x, y, shared = x + len(mine), y + len(other), shared + len(mine & other)
    return 2 * shared / (x + y) if x else None


def frame_clash(a: Features, b: Features) -> str | None:
    """Why two claims cannot state one fact, or None: they are about different subjects.

    Each filled role must agree (the counted noun, the event, the goods, the flow, the
    measure: "four diplomats expelled" is not "four flights", a distance is not a border's
    length). Two claims that each name an organisation the other does not are about other
    subjects, however alike their sentences: "Kavir Steel holds 40% of the market in
    Georgia" is not about Merv Paper's share there. Places part two claims that each name
    one the other lacks only when the places define the fact: a fact that joins places
    (the lexicon's `!parties`: a border of Turkmenistan and Iran is not one of Azerbaijan
    and Iran), or a fact of one organisation, which happens where it is (its factory in
    Erbil is not the one in Basra). Otherwise states are actors and bystanders too (Israel
    opens an embassy in a city that lies 25 km from Iran): places alone never part them.
    What a value measures going to different entities is about different subjects too:
    "Kavir raised its supplies to Merv" is not Merv's supplies to Kavir, nor Kavir's to
    Sahand. Not for a fact that joins places: the line from Baku to Tbilisi is the line
    from Tbilisi to Baku.
    One side naming more than the other is no clash: articles leave things unsaid.
    Years and dates are the time of an event: two of them must name one event
    or place of one (EVENT_ROLES), or they are only the periods of other figures ("40% in
    2022").
    """
    found = _clash(a, b)
    if found is None:
        return None
    what, mine, other = found
    return f"different {what}: {_names(mine)} vs {_names(other)}" if mine else what


def clashes(a: Features, b: Features) -> bool:
    """`frame_clash` without the words: whether two claims are about different subjects."""
    return _clash(a, b) is not None


def _clash(
    a: Features, b: Features
) -> tuple[str, frozenset[str], frozenset[str]] | None:
    if a.slots and b.slots:
        theirs = dict(b.slots)
        for role, mine in a.slots:
            other = theirs.get(role)
            if other is not None and not mine & other:
                return role, mine, other
    if a.timed and not a.events & b.events:
        return "no event in common", frozenset(), frozenset()
    only_a, only_b = a.actors - b.actors, b.actors - a.actors
    if only_a and only_b:
        return "organisations", only_a, only_b
    joins = a.parties or b.parties
    if not joins and a.toward and b.toward and a.toward.isdisjoint(b.toward):
        return "destinations", a.toward, b.toward
    if joins or a.actors & b.actors:
        only_a, only_b = a.places - b.places, b.places - a.places
        if only_a and only_b:
            return "places", only_a, only_b
    return None


def takes_no_side(k: Features, x: Features, y: Features) -> bool:
    """True when k, tied to both x and y, says nothing that tells which of the two it states.

    x and y clash (`frame_clash`); k takes a side when it names a place or an organisation
    that one of them lacks, or fills a role on which x and y disagree.
    """
    if (k.places - (x.places & y.places) or k.actors - (x.actors & y.actors)
            or k.toward - (x.toward & y.toward)):
        return False
    theirs = dict(y.slots)
    clashing = {role for role, mine in x.slots
                if role in theirs and not mine & theirs[role]}
    return not any(role in clashing for role, _ in k.slots)


def _names(tokens: set[str] | frozenset[str]) -> str:
    return "/".join(sorted(t.lstrip(CONCEPT_PREFIX) for t in tokens))


def _opposed(a: Features, b: Features, lexicon: Lexicon | None) -> bool:
    if not (a.opposable and b.opposable):
        return False
    pairs = (lexicon or default_lexicon()).opposites
    only_a, only_b = set(a.words) - set(b.words), set(b.words) - set(a.words)
    return any((x, y) in pairs for x in only_a for y in only_b)


def shared_anchors(members: list[Features]) -> list[str]:
    """Anchors held by every member, else by the most members; most widely shared first."""
    if len(members) == 1:  # every anchor, entities first: most facts are of one claim
        return sorted(members[0].anchors, key=_entities_first)
    counts = Counter(chain.from_iterable(f.anchors for f in members))
    return sorted((k for k, n in counts.items() if n > 1),
                  key=lambda k: (-counts[k], *_entities_first(k)))


def _entities_first(anchor: str) -> tuple[bool, str]:
    return not anchor.startswith(ENTITY_PREFIX), anchor
