"""`verify check` and `verify compare`: one typed claim against the store, or two statements.

`check_claim` extracts the typed claim (Arabic or English), asks the caller for stored items
under its blocking keys, keeps those that state the same fact (the match score, with the
typed side measured by containment since it is short) and gives each a verdict: supports
(the values agree), conflicts (they do not) or related (same fact, values not comparable).

`compare_statements` decides one pair of statements: unrelated when the shorter one has less
than COMPARE_THRESHOLD of its anchors (content words, lexicon concepts, entity keys) in the
other; otherwise their values are compared pairwise (same dimension, closest
contexts first), and, when values say nothing, two general cues of contradiction are read
from the lexicon data: opposite words (rise/fall, arrest/release, نفى/أكد) on the two sides,
or a negation on one side only. Both cues need the statements to be nearly the same words
(OPPOSITE_THRESHOLD), since "rose" in one and "fell" in another of two loosely related
headlines is no contradiction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from verify.claims import Claim, Extraction, Kind
from verify.compare import TIME_KINDS, Comparison, compare
from verify.extract import extract
from verify.extract.entities import Gazetteer
from verify.match.blocking import keys_of
from verify.match.grouping import Item, display_anchor
from verify.match.lexicon import CONCEPT_PREFIX, Lexicon, default_lexicon
from verify.match.similarity import ENTITY_PREFIX, Features, features, score
from verify.match.thresholds import CHECK_THRESHOLD, COMPARE_THRESHOLD
from verify.text.normalize import TOKEN_RE, content_stems, match_form

# Statements must share this much (containment score, see `thresholds`) before opposite
# words or a one-sided negation count as a contradiction.
OPPOSITE_THRESHOLD = 0.7

SCOPE_KINDS = frozenset({Kind.YEAR, Kind.DATE_RANGE})
CheckVerdict = Literal["supports", "conflicts", "related"]
Candidates = Callable[[frozenset[str]], Iterable[Item]] | Iterable[Item]
_CHECK_VERDICT: dict[str, CheckVerdict] = {
    "consistent": "supports",
    "conflict": "conflicts",
    "not-comparable": "related",
}


@dataclass(frozen=True, slots=True)
class _Version:
    item: Item
    score: float
    comparison: Comparison
    tied_by: tuple[str, ...]


def check_claim(
    text: str,
    candidates: Candidates,
    *,
    language: str | None = None,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
    fact_of: Callable[[str], str | None] | None = None,
) -> dict[str, Any]:
    """The stored versions of a typed claim, shaped like `verify check --json`.

    `candidates` is either a callable taking blocking keys and returning the stored items
    under any of them (what a database does), or an iterable of items to filter here.
    `fact_of` tells which stored fact a claim key belongs to: once some version supports the
    typed claim, a disagreeing version of another fact is only related (a border's length
    does not contradict a distance to that border), never a conflict.
    """
    lex = lexicon or default_lexicon()
    extraction = extract(text, language=language, gazetteer=gazetteer)
    best: dict[str, _Version] = {}
    for query in extraction.claims:
        fq = features(query, lex, text)
        keys = keys_of(fq)
        pool = candidates(keys) if callable(candidates) else candidates
        for item in pool:
            fc = features(item.claim, lex, item.text)
            if not callable(candidates) and keys.isdisjoint(keys_of(fc)):
                continue
            s = score(fq, fc, containment=True, lexicon=lex)
            if s < CHECK_THRESHOLD:
                continue
            seen = best.get(item.claim_key)
            if seen is None or s > seen.score:
                shared = sorted(fq.anchors & fc.anchors)
                tied = tuple(display_anchor(k, [item.text]) for k in shared)
                best[item.claim_key] = _Version(item, s, compare(query, item.claim), tied)
    if fact_of is not None:
        _other_facts_only_related(best, fact_of)
    order = {"supports": 0, "conflicts": 1, "related": 2}
    versions = sorted(
        best.values(),
        key=lambda v: (
            order[_CHECK_VERDICT[v.comparison.verdict]],
            -v.score,
            v.item.document,
            v.item.claim.sentence_start,
        ),
    )
    return {"claim": text, "versions": [_version_json(v) for v in versions]}


def _other_facts_only_related(best: dict[str, _Version],
                              fact_of: Callable[[str], str | None]) -> None:
    supported = {fact_of(k) for k, v in best.items() if v.comparison.verdict == "consistent"}
    supported.discard(None)
    if not supported:
        return
    for key, version in best.items():
        fact = fact_of(key)
        if version.comparison.verdict == "conflict" and fact not in supported:
            why = ("the stored versions that support the claim form another fact, so this "
                   f"one is about something else. ({version.comparison.explanation})")
            best[key] = replace(version, comparison=Comparison("not-comparable", None, why))


def compare_statements(
    a: str,
    b: str,
    *,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
) -> dict[str, str]:
    """One pair of statements, shaped like `verify compare --json`."""
    lex = lexicon or default_lexicon()
    ea, eb = extract(a, gazetteer=gazetteer), extract(b, gazetteer=gazetteer)
    sa, sb = _statement(a, ea, lex), _statement(b, eb, lex)
    short, long_ = (sa, sb) if len(sa.anchors) <= len(sb.anchors) else (sb, sa)
    related = len(short.anchors & long_.anchors) / len(short.anchors) if short.anchors else 0.0
    shared = _words(short.anchors & long_.anchors, [a, b])
    if related < COMPARE_THRESHOLD:
        only = f"they share only {', '.join(shared)}" if shared else "they share no content words"
        return {"verdict": "unrelated", "explanation": f"Not about one fact: {only}."}
    tied = f"Tied by {', '.join(shared)}."
    pairs = _value_pairs(_stated(ea.claims), _stated(eb.claims), lex, a, b)
    conflict = next((c for c in pairs if c.verdict == "conflict"), None)
    if conflict is not None:
        return {"verdict": "conflict", "explanation": f"{tied} {conflict.explanation}"}
    if related >= OPPOSITE_THRESHOLD:
        cue = _opposite(sa, sb, lex) or _negated(a, b, lex)
        if cue is not None:
            return {"verdict": "conflict", "explanation": f"{tied} {cue}"}
    agree = next((c for c in pairs if c.verdict == "consistent"), None)
    if agree is not None:
        return {"verdict": "consistent", "explanation": f"{tied} {agree.explanation}"}
    why = pairs[0].explanation if pairs else "no values or opposite words to compare."
    return {"verdict": "not-comparable", "explanation": f"{tied} About one fact, but {why}"}


def _statement(text: str, extraction: Extraction, lex: Lexicon) -> Features:
    """Whole-statement features: every content word and every entity named."""
    words = tuple(sorted(lex.concepts(content_stems(text))))
    entities = frozenset(m.key for m in extraction.mentions)
    anchors = frozenset(words) | {ENTITY_PREFIX + e for e in entities}
    return Features("statement", words, entities, anchors)


def _stated(claims: Sequence[Claim]) -> list[Claim]:
    """The claims a statement makes: a period that scopes another value is not one itself.

    In "sales exceeded $740 million in 2017-2019" the years qualify the sum; comparing them
    with another statement's period would call two different measures consistent.
    """
    scoped = any(c.scope and c.value.kind not in TIME_KINDS for c in claims)
    return [c for c in claims if not (scoped and c.value.kind in SCOPE_KINDS)]


def _value_pairs(
    left: Iterable[Claim], right: Iterable[Claim], lex: Lexicon, left_text: str, right_text: str
) -> list[Comparison]:
    """Each left claim against the right claims of its dimension that share most with it.

    Headlines pack several values in one clause, so context often cannot tell which right
    value a left one answers: a left value agrees when any of its closest right values
    agrees, and conflicts only when it conflicts with all of them.
    """
    rights = [(c, features(c, lex, right_text)) for c in right]
    out: list[Comparison] = []
    for claim in left:
        fl = features(claim, lex, left_text)
        same = [(c, fr) for c, fr in rights if fr.dimension == fl.dimension]
        if not same:
            continue
        best = max(_overlap(fl, fr) for _, fr in same)
        verdicts = [compare(claim, c) for c, fr in same if _overlap(fl, fr) == best]
        agree = [v for v in verdicts if v.verdict != "conflict"]
        out.append(agree[0] if agree else verdicts[0])
    return out


def _overlap(a: Features, b: Features) -> int:
    return len(a.anchors & b.anchors)


def _opposite(a: Features, b: Features, lex: Lexicon) -> str | None:
    """Opposite concepts across the sides, each absent from the other side."""
    for one in a.words:
        for other in b.words:
            if (one, other) in lex.opposites and one not in b.words and other not in a.words:
                return (
                    f"Opposite words: {one.removeprefix(CONCEPT_PREFIX)} vs "
                    f"{other.removeprefix(CONCEPT_PREFIX)}."
                )
    return None


def _negated(a: str, b: str, lex: Lexicon) -> str | None:
    """A negation on one side only, bearing on a word both sides share.

    The word right after the negation must be said on the other side too ("did not arrest"
    against "arrested"); a negation inside a side clause of one headline is no contradiction.
    A side that denies (a deny word of the lexicon) is itself negative.
    """
    sides = []
    for text in (a, b):
        words = TOKEN_RE.findall(text)
        stems = set(lex.concepts(content_stems(text)))
        hits = [
            (w, n) for w, n in zip(words, words[1:], strict=False) if match_form(w) in lex.negations
        ]
        denies = any(lex.by_stem.get(s.removeprefix(CONCEPT_PREFIX)) == "deny" or s == "~deny"
                     for s in stems)
        sides.append((hits, stems, denies))
    (hits_a, stems_a, deny_a), (hits_b, stems_b, deny_b) = sides
    if bool(hits_a) == bool(hits_b) or deny_a or deny_b:
        return None
    hits, other = (hits_a, stems_b) if hits_a else (hits_b, stems_a)
    for word, negated in hits:
        if set(lex.concepts(content_stems(negated))) & other:
            return f"One statement negates the other: \"{word} {negated}\" on one side only."
    return None


def _words(anchors: Iterable[str], texts: list[str]) -> list[str]:
    return [display_anchor(a, texts) for a in sorted(anchors)]


def _version_json(v: _Version) -> dict[str, Any]:
    claim = v.item.claim
    verdict = _CHECK_VERDICT[v.comparison.verdict]
    return {
        "document": v.item.document,
        "text": v.item.text,
        "start": claim.sentence_start,
        "end": claim.sentence_end,
        "value": v.item.value_text,
        "verdict": verdict,
        "explanation": f"Tied by {', '.join(v.tied_by)}. {v.comparison.explanation}",
        "claim_key": v.item.claim_key,
        "score": round(v.score, 3),
    }
