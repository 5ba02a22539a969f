"""The in-memory shape of what extraction finds, shared by every stage after it.

These are plain frozen dataclasses rather than ORM rows so that extraction, matching and
comparison can run (and be tested) without a database, and in worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What a value measures; only values of one kind and dimension are ever compared."""

    COUNT = "count"
    PERCENT = "percent"
    MONEY = "money"
    LENGTH = "length"
    AREA = "area"
    WEIGHT = "weight"
    DURATION = "duration"
    AGE = "age"
    YEAR = "year"
    DATE = "date"
    DATE_RANGE = "date-range"
    ORDINAL = "ordinal"


class Qualifier(StrEnum):
    """How the text hedges the figure; it decides the interval the figure stands for."""

    EXACT = "exact"
    ABOUT = "about"
    MORE_THAN = "more-than"
    AT_LEAST = "at-least"
    LESS_THAN = "less-than"
    AT_MOST = "at-most"
    RANGE = "range"


DATE_KINDS = frozenset({Kind.DATE, Kind.DATE_RANGE})


@dataclass(frozen=True, slots=True)
class Value:
    """One figure as the text states it.

    `start`/`end` slice the value's own words out of the document text (qualifier words
    included, e.g. "نحو 1000 كيلومتر"). `low`/`high` bound what the words allow, in the
    canonical unit of the dimension (km, USD, %, day, year); for dates they are proleptic
    Gregorian day ordinals (`date.toordinal()`), so every comparison is interval arithmetic.
    An open side is `None` ("more than 5" has no upper bound).
    """

    kind: Kind
    start: int
    end: int
    low: float | None
    high: float | None
    unit: str | None
    qualifier: Qualifier
    resolved: bool = True  # False: a relative date with no publication date to anchor it
    currency: str | None = None  # ISO code when kind is money and it is known


@dataclass(frozen=True, slots=True)
class Claim:
    """A value in its sentence, with what matching needs to tie it to other articles."""

    sentence_start: int
    sentence_end: int
    value: Value
    context: tuple[str, ...]  # normalised content stems of the clause, numbers masked
    entities: tuple[str, ...] = ()  # canonical entity keys from the gazetteer
    source: str | None = None  # the cited source, as the text names it
    scope: tuple[str, ...] = field(default=())  # time scope words/years bound to the value


@dataclass(frozen=True, slots=True)
class Mention:
    """A person, place or organisation named in the text, tied to its canonical entity."""

    start: int
    end: int
    key: str  # canonical entity key (gazetteer id, or a merged spelling-variant cluster)
    surface: str  # the words as they stand in the text
    type: str  # person | place | organisation


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything one pass over a document yields."""

    claims: tuple[Claim, ...]
    mentions: tuple[Mention, ...]


def voice(outlet: str | None, document: str) -> str:
    """Who stands behind a document's claims: its outlet, else the document itself. Two
    articles of one outlet are one voice when a report counts how widely a fact is stated."""
    return (outlet or "").strip() or document
