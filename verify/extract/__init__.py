"""Claim extraction: one pass over a document gives its claims (values in context) and mentions.

Each value found in a sentence becomes a Claim carrying what matching needs: the content
stems of the value's clause (its own words and all numbers left out), the entities named in
the clause (or in the sentence when the clause names none), the source the sentence cites,
and the time scope written next to the value (the other years and date ranges of its clause,
and rate words such as "annually"), since 69% in 2016-2020 and 69% in 2022 are different facts.

Two things are read across sentences because the text points back to them: a source named
by back-reference ("the same institute", see sources.SourceTrail), and a period named so
("over the same period", "في الفترة نفسها"), which takes the period of the latest earlier
sentence that states one. A clause that is nothing but its value ("، يوم الأربعاء 19 أبريل،")
takes its context from the clauses around it, whose words say what the value is about.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import lru_cache

from verify.claims import Claim, Extraction, Kind, Mention, Value
from verify.extract.entities import Gazetteer, find_mentions
from verify.extract.sources import SourceTrail
from verify.extract.values import find_values
from verify.text.normalize import content_stems
from verify.text.segment import clauses, sentences

__all__ = ["extract", "default_gazetteer"]

_SCOPE_KINDS = frozenset({Kind.YEAR, Kind.DATE_RANGE})
# "daily" and "monthly" are also nouns for newspapers and magazines: before a name or a
# reporting verb ("the Israeli daily Haaretz", "the daily reported") they are no rate.
_NOT_A_RATE = r"(?!\s+(?:(?-i:[A-Z])|(?:has|had|said|says|reported|reports|wrote)\b))"
_RATES = (
    ("per-year", "سنويا|سنوياً|سنويًا|في السنة|كل عام|كل سنة|annually|yearly|per year|a year|each year"),
    ("per-month", f"شهريا|شهرياً|شهريًا|كل شهر|monthly{_NOT_A_RATE}|per month|a month|each month"),
    ("per-day", f"يوميا|يومياً|يوميًا|كل يوم|daily{_NOT_A_RATE}|per day|a day|each day"),
)
_RATE_WORDS = tuple(
    (name, re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)) for name, words in _RATES
)
# Any rate word at all: most clauses have none, and one search tells so.
_ANY_RATE = re.compile(rf"(?<!\w)(?:{'|'.join(words for _, words in _RATES)})(?!\w)", re.IGNORECASE)
# A period named by back-reference: the period of an earlier sentence.
_SAME_PERIOD = re.compile(
    r"(?<!\w)(?:(?:over|in|during|for|across|within)\s+the\s+same\s+(?:period|years?)"
    r"|[وف]?(?:خلال|في|عن)\s+(?:ال(?:فترة|فترة|مدة|سنوات|[أا]عوام)\s+(?:نفسها|ذاتها|عينها)"
    r"|ال(?:عام|سنة)\s+(?:نفسه|ذاته|عينه|نفسها|ذاتها)"
    r"|نفس\s+ال(?:فترة|مدة|سنوات|[أا]عوام|عام|سنة)))(?!\w)",
    re.IGNORECASE,
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
    spans = sentences(text)
    trail = SourceTrail(text, spans, mentions)
    claims: list[Claim] = []
    earlier_period: tuple[str, ...] = ()  # the latest period an earlier sentence states
    for index, (sentence_start, sentence_end) in enumerate(spans):
        values = find_values(text, sentence_start, sentence_end, published=published)
        if not values:
            continue
        source = trail.source(index)
        sentence_keys = _keys(mentions, starts, sentence_start, sentence_end)
        pieces = clauses(text, sentence_start, sentence_end)
        for number, (clause_start, clause_end) in enumerate(pieces):
            in_clause = [v for v in values if clause_start <= v.start < clause_end]
            if not in_clause:
                continue
            keys = _keys(mentions, starts, clause_start, clause_end) or sentence_keys
            rates = _rates(text, clause_start, clause_end)
            same_period = _same_period(text, clause_start, clause_end, earlier_period)
            for value in in_clause:
                context = _context(text, clause_start, clause_end, value)
                if not context:
                    around = pieces[max(0, number - 1)][0], pieces[min(len(pieces) - 1, number + 1)][1]
                    context = _context(text, *around, value)
                claims.append(
                    Claim(
                        sentence_start=sentence_start,
                        sentence_end=sentence_end,
                        value=value,
                        context=context,
                        entities=keys,
                        source=source,
                        scope=_scope(value, in_clause, rates, same_period),
                    )
                )
        earlier_period = _last_period(values) or earlier_period
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


def _scope(
    value: Value, values: list[Value], rates: list[str], same_period: tuple[str, ...]
) -> tuple[str, ...]:
    """The periods the clause binds the value to: its other years and ranges, else the
    period it names by back-reference; then its rate words."""
    periods = [
        label
        for other in values
        if other is not value and other.kind in _SCOPE_KINDS
        if (label := _period(other)) is not None
    ]
    return tuple(dict.fromkeys((periods or list(same_period)) + rates))


def _same_period(text: str, start: int, end: int, earlier: tuple[str, ...]) -> tuple[str, ...]:
    """The earlier period, when the clause text[start:end] names it ("over the same period")."""
    if earlier and _SAME_PERIOD.search(text, start, end) is not None:
        return earlier
    return ()


def _last_period(values: list[Value]) -> tuple[str, ...]:
    """The period the last year or date range of a sentence states, or () when none does."""
    for value in reversed(values):
        if value.kind in _SCOPE_KINDS and (label := _period(value)) is not None:
            return (label,)
    return ()


def _rates(text: str, start: int, end: int) -> list[str]:
    """The rate words ("annually", "شهريا") of the clause text[start:end], found once per clause."""
    if _ANY_RATE.search(text, start, end) is None:
        return []
    return [name for name, pattern in _RATE_WORDS if pattern.search(text, start, end)]


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
