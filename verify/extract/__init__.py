"""Claim extraction: one pass over a document gives its claims (values in context) and mentions.

Each value found in a sentence becomes a Claim carrying what matching needs: the content
stems of the value's clause (its own words and all numbers left out), the entities named in
the clause (or in the sentence when the clause names none), the source the sentence cites,
and the time scope written next to the value (the other years and date ranges of its clause,
and rate words such as "annually"), since 69% in 2016-2020 and 69% in 2022 are different facts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import lru_cache

from verify.claims import Claim, Extraction, Kind, Mention, Value
from verify.extract.entities import Gazetteer, find_mentions
from verify.extract.sources import cited_source
from verify.extract.values import find_values
from verify.text.normalize import content_stems
from verify.text.segment import clauses, sentences

__all__ = ["extract", "default_gazetteer"]

_SCOPE_KINDS = frozenset({Kind.YEAR, Kind.DATE_RANGE})
_RATE_WORDS = tuple(
    (name, re.compile(rf"(?<!\w)(?:{words})(?!\w)"))
    for name, words in (
        ("per-year", "سنويا|سنوياً|سنويًا|في السنة|كل عام|كل سنة|annually|yearly|per year|a year|each year"),
        ("per-month", "شهريا|شهرياً|شهريًا|كل شهر|monthly|per month|a month|each month"),
        ("per-day", "يوميا|يومياً|يوميًا|كل يوم|daily|per day|a day|each day"),
    )
)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return Gazetteer.load()


def extract(
    text: str,
    *,
    published: date | None = None,
    language: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Extraction:
    """Every claim and entity mention of one document, with offsets into `text`.

    `language` is accepted for callers that know it; the rules are chosen per word by its
    script, so mixed Arabic and English text needs no language switch.
    """
    del language  # rules follow each word's script
    mentions = find_mentions(text, gazetteer or default_gazetteer())
    starts = [mention.start for mention in mentions]
    claims: list[Claim] = []
    for sentence_start, sentence_end in sentences(text):
        values = find_values(text, sentence_start, sentence_end, published=published)
        if not values:
            continue
        source = cited_source(text, sentence_start, sentence_end, mentions)
        sentence_keys = _keys(mentions, starts, sentence_start, sentence_end)
        for clause_start, clause_end in clauses(text, sentence_start, sentence_end):
            in_clause = [v for v in values if clause_start <= v.start < clause_end]
            if not in_clause:
                continue
            keys = _keys(mentions, starts, clause_start, clause_end) or sentence_keys
            rates = _rates(text, clause_start, clause_end)
            for value in in_clause:
                claims.append(
                    Claim(
                        sentence_start=sentence_start,
                        sentence_end=sentence_end,
                        value=value,
                        context=_context(text, clause_start, clause_end, value),
                        entities=keys,
                        source=source,
                        scope=_scope(value, in_clause, rates),
                    )
                )
    return Extraction(claims=tuple(claims), mentions=tuple(mentions))


def _keys(mentions: list[Mention], starts: list[int], start: int, end: int) -> tuple[str, ...]:
    """The distinct entity keys mentioned in text[start:end], in order of first mention."""
    keys: dict[str, None] = {}
    for index in range(bisect_left(starts, start), len(mentions)):
        if mentions[index].start >= end:
            break
        keys.setdefault(mentions[index].key, None)
    return tuple(keys)


def _context(text: str, start: int, end: int, value: Value) -> tuple[str, ...]:
    """Content stems of the clause around the value, without the value's own words."""
    return content_stems(text[start : value.start] + " " + text[value.end : end])


def _scope(value: Value, values: list[Value], rates: list[str]) -> tuple[str, ...]:
    """The periods the clause binds the value to: its other years and ranges, rate words."""
    periods = [
        label
        for other in values
        if other is not value and other.kind in _SCOPE_KINDS
        if (label := _period(other)) is not None
    ]
    return tuple(dict.fromkeys(periods + rates))


def _rates(text: str, start: int, end: int) -> list[str]:
    """The rate words ("annually", "شهريا") of the clause text[start:end], found once per clause."""
    clause = text[start:end].lower()
    return [name for name, pattern in _RATE_WORDS if pattern.search(clause)]


def _period(value: Value) -> str | None:
    """A year or date range as a label: "2017-2019", "2020", or "2023-04-01..2023-04-30"."""
    if value.low is None or value.high is None or not value.resolved:
        return None
    low, high = int(value.low), int(value.high)
    if value.kind is Kind.YEAR:
        return str(low) if low == high else f"{low}-{high}"
    first, last = date.fromordinal(low), date.fromordinal(high)
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year) if first.year == last.year else f"{first.year}-{last.year}"
    return f"{first.isoformat()}..{last.isoformat()}"
