"""Decide whether two claims about one fact agree, and say why in one glance.

Every value is read as an interval in its dimension's canonical unit; two versions of a fact
agree when their intervals overlap and conflict when they are disjoint. Values of another
measure (kind or unit dimension, currency) or of another time scope are *not comparable*:
"over $740 million in 2017-2019" and "69% of imports in 2016-2020" never conflict.

Tolerance rule (the only numbers that loosen a comparison, pinned by tests):

* an exact figure of a numeric kind stands for ``x ± ROUNDING·|x|`` (1%): reports round, and
  "69%" against "69.4%" is not a contradiction;
* an "about" figure stands for ``x ± ABOUT·|x|`` (10%), or ``± ABOUT_DAYS`` for years and
  dates, unless the extractor already gave it a range;
* years and dates have no rounding tolerance: 2021 against 2022 is a real disagreement;
* "more than x" / "less than x" are open at x; figures of non-negative kinds start at 0.

Attribution is a conflict of its own: the same figure credited to clearly different sources,
or one source cited for figures that do not overlap (which often betrays a copying error).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz, utils

from verify.claims import DATE_KINDS, Claim, Kind, Qualifier, Value
from verify.extract import default_gazetteer
from verify.extract.entities import find_mentions

Verdict = Literal["conflict", "consistent", "not-comparable"]
ConflictKind = Literal["number", "date", "attribution"]

ROUNDING = 0.01
ABOUT = 0.10
ABOUT_DAYS = 31
# Two cited sources are "clearly different" below this rapidfuzz token_set_ratio (0-100);
# spelling variants of one institute score well above it.
SOURCE_DIFFERENT = 45.0

TIME_KINDS = DATE_KINDS | {Kind.YEAR}
# How `describe` words each qualifier around the figure.
_HEDGES = {
    Qualifier.EXACT: "{} (exact)",
    Qualifier.ABOUT: "about {}",
    Qualifier.MORE_THAN: "more than {}",
    Qualifier.AT_LEAST: "at least {}",
    Qualifier.LESS_THAN: "less than {}",
    Qualifier.AT_MOST: "at most {}",
    Qualifier.RANGE: "{}",
}
SIGNED_KINDS = TIME_KINDS  # every other kind measures a non-negative amount

# Fallback conversions to the canonical unit, for values that arrive unconverted.
_UNIT_FACTORS: dict[str, tuple[str, float]] = {
    "mi": ("km", 1.609344),
    "mile": ("km", 1.609344),
    "m": ("km", 0.001),
    "kg": ("t", 0.001),
    "km2": ("km2", 1.0),
    "mi2": ("km2", 2.589988),
    "ha": ("km2", 0.01),
    "month": ("day", 30.4375),
    "week": ("day", 7.0),
    "year": ("day", 365.25),
}


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed or half-open stretch of the real line; infinities stand for open ends."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        """True when some number lies in both intervals."""
        low, high = max(self.low, other.low), min(self.high, other.high)
        if low < high:
            return True
        if low > high:
            return False
        low_open = (self.low_open and self.low == low) or (other.low_open and other.low == low)
        high_open = (self.high_open and self.high == high) or (
            other.high_open and other.high == high
        )
        return not (low_open or high_open)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The verdict on one pair of claims, with the sentence a reviewer reads."""

    verdict: Verdict
    conflict_kind: ConflictKind | None
    explanation: str


def dimension(value: Value) -> str:
    """The comparable family of a value: two values compare only within one dimension.

    Years, dates and date ranges share one time line; money is split by currency when the
    currency is known; everything else by kind and canonical unit.
    """
    return _dimension(value.kind, value.unit, value.currency)


@lru_cache(maxsize=1024)
def _dimension(kind: Kind, unit: str | None, currency: str | None) -> str:
    """`dimension`, once for each of the few kinds, units and currencies a store holds."""
    if kind in TIME_KINDS:
        return "time"
    canonical = _canonical(unit)
    if kind is Kind.MONEY:
        return f"money:{currency or canonical or '?'}"
    return f"{kind.value}:{canonical or '-'}"


def interval(value: Value, *, tolerant: bool = True) -> Interval:
    """The interval the value's words allow, widened by the tolerance rule unless told not to."""
    low, high = _bounds(value)
    q = value.qualifier
    floor = -math.inf if value.kind in SIGNED_KINDS else 0.0
    if q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        point = low if low is not None else high
        assert point is not None
        return Interval(point, math.inf, low_open=q is Qualifier.MORE_THAN, high_open=True)
    if q in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
        point = high if high is not None else low
        assert point is not None
        return Interval(floor, point, high_open=q is Qualifier.LESS_THAN)
    lo = low if low is not None else floor
    hi = high if high is not None else math.inf
    rate = _tolerance(value) if tolerant else 0.0
    if value.kind in TIME_KINDS:
        return Interval(lo - rate, hi + rate)
    return Interval(lo - rate * abs(lo), hi + rate * abs(hi))


def _tolerance(value: Value) -> float:
    """Relative tolerance (or days, for time kinds) the tolerance rule gives a point value."""
    low, high = value.low, value.high
    if value.qualifier is Qualifier.ABOUT and low == high:
        return ABOUT_DAYS if value.kind in TIME_KINDS else ABOUT
    if value.qualifier is Qualifier.EXACT and value.kind not in TIME_KINDS:
        return ROUNDING
    return 0.0


def compare(a: Claim, b: Claim) -> Comparison:
    """Compare two claims taken to state one fact; see the module docstring for the rules."""
    va, vb = a.value, b.value
    da, db = describe(va), describe(vb)
    if not (va.resolved and vb.resolved):
        return Comparison(
            "not-comparable", None, f"{da} and {db}: a relative date has no anchor to resolve it."
        )
    if dimension(va) != dimension(vb):
        return Comparison(
            "not-comparable",
            None,
            f"{da} and {db} measure different things ({_dim_words(va)} vs {_dim_words(vb)}).",
        )
    sa, sb = _scope(a), _scope(b)
    if sa and sb and sa != sb:
        return Comparison(
            "not-comparable",
            None,
            f"{da} and {db} cover different periods ({', '.join(sorted(sa))} vs "
            f"{', '.join(sorted(sb))}).",
        )
    ia, ib = interval(va), interval(vb)
    shown = f"{_show(va)} vs {_show(vb)}"
    same_source = _same_source(a.source, b.source)
    if not ia.overlaps(ib):
        if same_source:
            return Comparison(
                "conflict",
                "attribution",
                f"{da} and {db} do not overlap ({shown}), yet both cite {a.source}.",
            )
        kind: ConflictKind = "date" if va.kind in TIME_KINDS else "number"
        return Comparison("conflict", kind, f"{da} and {db} do not overlap: {shown}.")
    if same_source is False and _same_figure(va, vb):
        return Comparison(
            "conflict",
            "attribution",
            f"The same figure {da} is credited to different sources: {a.source} vs {b.source}.",
        )
    how = "one holds the other" if _contains(ia, ib) or _contains(ib, ia) else "they overlap"
    return Comparison("consistent", None, f"{da} and {db} agree, {how}: {shown}.")


def describe(value: Value) -> str:
    """The value in words a reviewer reads: qualifier, figure, unit ("less than 20 km")."""
    low, high = _bounds(value)
    unit = _canonical_unit(value) or ""
    if value.kind is Kind.MONEY:
        unit = value.currency or unit
    q = value.qualifier
    if value.kind in TIME_KINDS:
        text = _time_span(low, high)
    elif q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        text = _num(low if low is not None else high)
    elif q in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
        text = _num(high if high is not None else low)
    elif q is Qualifier.ABOUT and low is not None and high is not None:
        text = _num((low + high) / 2)  # the stated figure, whatever width the extractor gave
    elif q is Qualifier.RANGE or (low is not None and high is not None and low != high):
        text = f"{_num(low)}-{_num(high)}"
    else:
        text = _num(low if low is not None else high)
    if unit == "day" and value.kind not in TIME_KINDS:
        text, unit = _in_years(low, high, text)
    if unit and value.kind not in TIME_KINDS:
        text = f"{text}%" if unit == "%" else f"{text} {unit}"
    return _HEDGES[value.qualifier].format(text)


def _bounds(value: Value) -> tuple[float | None, float | None]:
    """low/high in the canonical unit of the dimension (years become day ordinals)."""
    low, high = value.low, value.high
    if value.kind is Kind.YEAR:
        return (
            None if low is None else float(date(int(low), 1, 1).toordinal()),
            None if high is None else float(date(int(high), 12, 31).toordinal()),
        )
    factor = _UNIT_FACTORS.get(value.unit or "", (value.unit, 1.0))[1]
    return (
        None if low is None else low * factor,
        None if high is None else high * factor,
    )


def _canonical_unit(value: Value) -> str | None:
    return _canonical(value.unit)


def _canonical(unit: str | None) -> str | None:
    return _UNIT_FACTORS.get(unit or "", (unit, 1.0))[0]


def _dim_words(value: Value) -> str:
    unit = _canonical_unit(value)
    if value.kind is Kind.MONEY and value.currency:
        unit = value.currency
    return f"{value.kind.value} in {unit}" if unit else value.kind.value


def _scope(claim: Claim) -> frozenset[str]:
    return frozenset(re.sub(r"\s*[-–—/]\s*", "-", s.strip()) for s in claim.scope if s.strip())


def _same_source(a: str | None, b: str | None) -> bool | None:
    """True/False when both sources are known: by the gazetteer's entities they name (which
    spans scripts: SIPRI / معهد ستوكهولم), else by spelling within one script; None when
    unknown."""
    if not a or not b:
        return None
    known_a, known_b = _source_entities(a), _source_entities(b)
    if known_a and known_b:
        return not known_a.isdisjoint(known_b)
    if _script(a) != _script(b):
        return None  # one source named in two scripts cannot be told apart by spelling
    score = fuzz.token_set_ratio(a, b, processor=utils.default_process)
    return score >= SOURCE_DIFFERENT


@lru_cache(maxsize=4096)
def _source_entities(name: str) -> frozenset[str]:
    """Organisations and people a source's name refers to, by the packaged gazetteer."""
    mentions = find_mentions(name, default_gazetteer())
    return frozenset(m.key for m in mentions if m.type in {"organisation", "person"})


def _script(text: str) -> str:
    return "arabic" if re.search("[\u0600-\u06ff]", text) else "latin"


def _same_figure(a: Value, b: Value) -> bool:
    """Both values state one and the same figure with the same hedge."""
    return a.qualifier == b.qualifier and _bounds(a) == _bounds(b)


def _contains(outer: Interval, inner: Interval) -> bool:
    return outer.low <= inner.low and inner.high <= outer.high


def _in_years(low: float | None, high: float | None, text: str) -> tuple[str, str]:
    """A duration of whole years reads in years ("30 years"), not 10,957.5 days."""
    points = [x for x in (low, high) if x is not None]
    years = [x / 365.25 for x in points]
    if points and all(y >= 1 and abs(y - round(y)) < 0.01 for y in years):
        shown = sorted({round(y) for y in years})
        return "-".join(str(y) for y in shown), "years"
    return text, "day"


def _num(x: float | None) -> str:
    if x is None or math.isinf(x):
        return "∞" if x is None or x > 0 else "-∞"
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) >= 1e6 else f"{x:.4g}"


def _day(x: float) -> str:
    if math.isinf(x):
        return "…"
    return date.fromordinal(int(x)).isoformat()


def _time_span(low: float | None, high: float | None) -> str:
    """Whole years read as years ("2022", "2016-2020"), whole months as months."""
    if low is not None and high is not None:
        first, last = date.fromordinal(int(low)), date.fromordinal(int(high))
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
            return str(first.year) if first.year == last.year else f"{first.year}-{last.year}"
        month_end = (last + timedelta(days=1)).day == 1
        if first.day == 1 and month_end and (first.year, first.month) == (last.year, last.month):
            return first.strftime("%B %Y")
    lo = _day(low) if low is not None else "…"
    hi = _day(high) if high is not None else "…"
    return lo if lo == hi else f"{lo}..{hi}"


def _show(value: Value) -> str:
    """The stated interval in bracket notation (dates as ISO days), with its tolerance."""
    iv = interval(value, tolerant=False)
    rate = _tolerance(value)
    if value.kind in TIME_KINDS:
        pad = f"±{rate:g} days" if rate else ""
    else:
        pad = f"±{rate:.0%}" if rate else ""
    if value.kind in TIME_KINDS:
        lo, hi = _day(iv.low), _day(iv.high)
    else:
        lo, hi = _num(iv.low), _num(iv.high)
    shown = f"{'(' if iv.low_open else '['}{lo}, {hi}{')' if iv.high_open else ']'}"
    return f"{shown}{pad}"
