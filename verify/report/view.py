"""What the report shows, worked out from the report data before any HTML is written.

The templates only lay out what this module decides: the order of the conflicts (most severe
first), which words of a sentence are the value, the tokens the page's filters match on, and
where the lists are cut. Keeping those decisions in plain Python keeps them testable without a
browser and keeps logic out of the templates.

Every list is capped (see `Limits`) so that the file stays small enough to open in a few
seconds whatever the size of the store; the summary counts always cover everything, and each
cut list says how much it leaves out and where to find all of it (the JSON export).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property, lru_cache
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from verify.claims import voice

LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "other": "Other"}
CONFLICT_KIND_NAMES = {
    "number": "Number",
    "date": "Date",
    "attribution": "Attribution",
    "self": "Self-contradiction",
}
REVIEW_NAMES = {
    "open": "Open",
    "needs-source": "Needs source",
    "confirmed": "Confirmed",
    "resolved": "Resolved",
    "dismissed": "Dismissed",
}
STATUS_NAMES = {
    "conflict": "Conflict",
    "consistent": "Consistent",
    "not-comparable": "Not comparable",
    "single": "Single source",
}
STATUS_TOTALS = {
    "conflict": "Conflicts",
    "consistent": "Corroborated",
    "not-comparable": "Not comparable",
    "single": "Single source",
}
DATE_KINDS = frozenset({"date", "date-range"})

# A reviewer works down the list: undecided flags first (a stale decision is undecided again),
# then the ones waiting on a source; settled ones last.
_REVIEW_RANK = {"open": 0, "needs-source": 1, "confirmed": 2, "resolved": 3, "dismissed": 4}
# Disagreeing figures and dates are the clearest errors; attribution needs more judgement.
_KIND_RANK = {"number": 0, "date": 0, "attribution": 1, "self": 2}


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of each list the file carries, so that a huge store still opens quickly.

    Conflicts are the point of the report and get the largest share; the other lists are
    context. Document texts are the bulk of any store, so they are capped by total size:
    documents past the budget are listed with their metadata only.
    """

    conflicts: int = 2000
    other_facts: int = 500
    entities: int = 2000
    documents: int = 1000
    document_text_chars: int = 1_000_000
    page: int = 50


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text and how to show it: plain, inside a claim's sentence, or the value."""

    text: str
    claim: bool = False
    value: bool = False
    status: str = ""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A document's metadata as every version card and the document list show it."""

    index: int
    name: str
    title: str | None
    language: str
    direction: str
    published: str | None
    outlet: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class VersionView:
    """One article's wording of a fact."""

    document: DocumentInfo | None
    document_name: str
    pieces: tuple[Piece, ...]
    value: str
    interval: str
    qualifier: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    status: str
    reviewer: str | None
    note: str | None
    at: str | None


@dataclass(frozen=True, slots=True)
class ReviewView:
    status: str
    status_name: str
    reviewer: str | None
    note: str | None
    updated: str | None
    stale: bool
    history: tuple[HistoryEntry, ...]


@dataclass(frozen=True, slots=True)
class FactView:
    """A fact card: its versions, verdict, review and the tokens the filters match on."""

    id: str
    status: str
    kind: str | None
    conflict_kind: str | None
    label: str
    explanation: str | None
    review: ReviewView
    versions: tuple[VersionView, ...]
    documents: int
    outlets: int
    sources: int
    tokens: str


@dataclass(frozen=True, slots=True)
class EntityView:
    key: str
    name: str
    type: str | None
    variants: tuple[str, ...]
    documents: int
    tokens: str


@dataclass(frozen=True, slots=True)
class DocumentView:
    info: DocumentInfo
    claims: int
    conflicts: int
    pieces: tuple[Piece, ...] | None  # None: the text is past the size budget
    tokens: str


@dataclass(frozen=True, slots=True)
class Section:
    """One list of the page, cut to its limit; `total` counts what the store holds."""

    key: str
    title: str
    intro: str
    items: Sequence[Any]
    total: int


@dataclass(frozen=True, slots=True)
class Count:
    """A number in the summary, with the filter (as a URL fragment) that shows its items."""

    name: str
    value: int
    fragment: str
    tone: str


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str


@dataclass(slots=True)
class Report:
    """Everything the template needs, in the order the page shows it."""

    generated: str | None
    tool_version: str | None
    documents: int
    languages: list[Count]
    date_span: tuple[str, str] | None
    facts: int
    statuses: list[Count]
    conflict_kinds: list[Count]
    conflict_reviews: list[Count]
    stale: int
    sections: list[Section]
    kind_options: list[Option]
    entity_options: list[Option]
    document_options: list[Option]
    limits: Limits
    notes: list[str] = field(default_factory=list)


@lru_cache(maxsize=1 << 16)
def token(value: str) -> str:
    """Encode a key for a space-separated data attribute, exactly as JS encodeURIComponent does.

    The page's script reads a filter value from the URL fragment and encodes it the same way,
    so any name (spaces, Arabic, punctuation) matches without a lookup table.
    """
    return quote(value, safe="!~*'()")


def fragment(**params: str) -> str:
    """A URL fragment that sets the page's filters, e.g. ``#status=conflict&doc=a.txt``."""
    return "#" + urlencode(params, quote_via=quote)


def safe_url(url: object) -> str | None:
    """Return the URL only when it may be a link: http or https with a host; never javascript:."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return url
    return None


def direction(language: str) -> str:
    """The text direction of a document's language; unknown languages let the browser decide."""
    return {"ar": "rtl", "en": "ltr"}.get(language, "auto")


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}"  # converted units carry digits nobody stated (16 miles = 25.7495 km)


def _bound(value: object, kind: str | None) -> str | None:
    if isinstance(value, str) and kind in DATE_KINDS:
        return value  # the export writes dates as ISO strings already
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    if kind in DATE_KINDS:
        try:
            return date.fromordinal(int(value)).isoformat()
        except (ValueError, OverflowError):
            return _number(value)
    if kind == "year":
        return str(int(value))
    return _number(value)


def interval(low: object, high: object, unit: object, kind: str | None) -> str:
    """The range of values a version's words allow, e.g. "25 km", "< 20 km", "740 – ∞ million".

    Dates come as ISO strings (the export) or day ordinals (the store's own numbers); they
    are shown as ISO dates.
    """
    lo, hi = _bound(low, kind), _bound(high, kind)
    if lo is None and hi is None:
        return ""
    if lo == hi:
        text = str(lo)
    elif lo is None:
        text = f"< {hi}"
    elif hi is None:
        text = f"> {lo}"
    else:
        text = f"{lo} – {hi}"
    suffix = _text(unit) if kind not in DATE_KINDS and kind != "year" else None
    return f"{text} {suffix}" if suffix else text


def _timestamp(value: object) -> str | None:
    """An ISO timestamp as a reader says it ("22 Nov 2026, 10:00 UTC"); other text unchanged."""
    text = _text(value)
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    zone = " UTC" if moment.utcoffset() == timedelta(0) else ""
    return f"{moment.day} {moment:%b %Y, %H:%M}{zone}"


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def sentence_pieces(version: Mapping[str, Any], status: str) -> tuple[Piece, ...]:
    """Split a version's sentence into the words before the value, the value, and the rest.

    The value's offsets are document offsets; they are used when they fall inside the
    sentence. Otherwise the value's own words are looked up in the sentence, and when even
    that fails the sentence is shown whole rather than with a wrong highlight.
    """
    text = str(version.get("text") or "")
    value = str(version.get("value") or "")
    start = _int(version.get("start"))
    vs, ve = _int(version.get("value_start")), _int(version.get("value_end"))
    lo = hi = -1
    if start is not None and vs is not None and ve is not None and 0 <= vs - start < ve - start <= len(text):
        lo, hi = vs - start, ve - start
    elif value and value in text:
        lo = text.index(value)
        hi = lo + len(value)
    if lo < 0:
        return (Piece(text, claim=True),)
    pieces = [Piece(text[:lo], claim=True), Piece(text[lo:hi], claim=True, value=True, status=status),
              Piece(text[hi:], claim=True)]
    return tuple(p for p in pieces if p.text)


def document_pieces(text: str, spans: Iterable[tuple[int, int, int, int, str]]) -> tuple[Piece, ...]:
    """Cut a document's text at every claim sentence and value boundary.

    `spans` are (sentence start, sentence end, value start, value end, fact status). Spans may
    overlap (two claims in one sentence), so the text is swept once over all boundaries and
    each run is marked by what covers it; a value covered by several facts takes the most
    severe status.
    """
    severity = {"conflict": 3, "not-comparable": 2, "consistent": 1, "single": 0}
    n = len(text)
    sentences: list[tuple[int, int]] = []
    values: list[tuple[int, int, str]] = []
    cuts = {0, n}
    for s0, s1, v0, v1, status in spans:
        s0, s1 = max(0, min(s0, n)), max(0, min(s1, n))
        if s0 < s1:
            sentences.append((s0, s1))
            cuts.update((s0, s1))
        v0, v1 = max(0, min(v0, n)), max(0, min(v1, n))
        if v0 < v1:
            values.append((v0, v1, status))
            cuts.update((v0, v1))
    bounds = sorted(cuts)
    in_claim = _coverage(bounds, sentences)
    value_status: dict[int, str] = {}
    for v0, v1, status in values:
        for i in range(bisect_left(bounds, v0), bisect_left(bounds, v1)):
            old = value_status.get(i)
            if old is None or severity.get(status, 0) > severity.get(old, 0):
                value_status[i] = status
    pieces = []
    for i in range(len(bounds) - 1):
        chunk = text[bounds[i]:bounds[i + 1]]
        marked = value_status.get(i)
        pieces.append(Piece(chunk, claim=in_claim[i] or marked is not None, value=marked is not None,
                            status=marked or ""))
    return tuple(_merge(pieces))


def _coverage(bounds: list[int], spans: list[tuple[int, int]]) -> list[bool]:
    """For each run between consecutive bounds, whether any span covers it (a difference array)."""
    delta = [0] * (len(bounds) + 1)
    for s0, s1 in spans:
        delta[bisect_left(bounds, s0)] += 1
        delta[bisect_left(bounds, s1)] -= 1
    covered, depth = [], 0
    for i in range(len(bounds) - 1):
        depth += delta[i]
        covered.append(depth > 0)
    return covered


def _merge(pieces: Iterable[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        last = merged[-1] if merged else None
        if last and (last.claim, last.value, last.status) == (piece.claim, piece.value, piece.status):
            merged[-1] = Piece(last.text + piece.text, piece.claim, piece.value, piece.status)
        else:
            merged.append(piece)
    return merged


def _review(raw: object) -> ReviewView:
    review: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    status = str(review.get("status") or "open")
    history = tuple(
        HistoryEntry(str(h.get("status") or ""), _text(h.get("reviewer")), _text(h.get("note")),
                     _text(h.get("at")))
        for h in review.get("history") or () if isinstance(h, Mapping)
    )
    return ReviewView(status, REVIEW_NAMES.get(status, status), _text(review.get("reviewer")),
                      _text(review.get("note")), _text(review.get("updated")), bool(review.get("stale")),
                      history)


def conflict_rank(review: str, stale: bool, conflict_kind: str | None, documents: int,
                  label: str) -> tuple[int, int, int, str]:
    """Sort key for conflicts: undecided first, then numbers and dates, then the widest spread."""
    rank = 0 if stale else _REVIEW_RANK.get(review, 0)
    return (rank, _KIND_RANK.get(conflict_kind or "", 3), -documents, label.casefold())


def corroboration_rank(outlets: int, documents: int, label: str) -> tuple[int, int, str]:
    """Sort key for corroborated facts: most outlets, then most documents."""
    return -outlets, -documents, label.casefold()


def breadth_rank(documents: int, label: str) -> tuple[int, str]:
    """Sort key for facts that are not comparable: most documents first."""
    return -documents, label.casefold()


class _EntityFinder:
    """Finds which entities a fact mentions when the data does not say so.

    One alternation of every name and spelling variant, longest first, scans each sentence
    once, so the cost grows with the text and not with entities × facts.
    """

    def __init__(self, entities: Sequence[Mapping[str, Any]]) -> None:
        self._entities = entities

    @cached_property
    def _key(self) -> dict[str, str]:
        key: dict[str, str] = {}
        for entity in self._entities:
            for name in (entity.get("name"), *(entity.get("variants") or ())):
                if isinstance(name, str) and len(name.strip()) > 1:
                    key.setdefault(name.strip().casefold(), str(entity.get("key")))
        return key

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        """Compiled on first use: the export names each fact's entities, so a report built
        from it never needs the pattern, which takes long to compile for many names."""
        names = sorted(self._key, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, names)), re.IGNORECASE) if names else None

    def keys(self, texts: Iterable[str]) -> list[str]:
        if self._pattern is None:
            return []
        found = {self._key[m.group(0).casefold()] for t in texts for m in self._pattern.finditer(t)}
        return sorted(found)


def _fact(raw: Mapping[str, Any], docs: Mapping[str, DocumentInfo], finder: _EntityFinder) -> FactView:
    status = str(raw.get("status") or "single")
    kind = _text(raw.get("kind"))
    conflict_kind = _text(raw.get("conflict_kind")) if status == "conflict" else None
    review = _review(raw.get("review"))
    versions = []
    for v in raw.get("versions") or ():
        name = str(v.get("document") or "")
        words = str(v.get("value") or "")
        span = interval(v.get("low"), v.get("high"), v.get("unit"), kind)
        versions.append(VersionView(
            document=docs.get(name), document_name=name, pieces=sentence_pieces(v, status),
            value=words, interval="" if span in words else span,
            qualifier=_text(v.get("qualifier")), source=_text(v.get("source")),
        ))
    names = {v.document_name for v in versions}
    outlets = {voice(v.document.outlet if v.document else None, v.document_name) for v in versions}
    sources = {v.source for v in versions if v.source}
    raw_entities = raw.get("entities")
    entity_keys = ([str(k) for k in raw_entities] if isinstance(raw_entities, list)
                   else finder.keys(str(v.get("text") or "") for v in raw.get("versions") or ()))
    tokens = [f"status:{status}", f"review:{review.status}"]
    if conflict_kind:
        tokens.append(f"kind:{conflict_kind}")
    tokens += [f"entity:{token(k)}" for k in entity_keys]
    tokens += [f"doc:{token(n)}" for n in sorted(names)]
    return FactView(
        id=str(raw.get("id") or ""), status=status, kind=kind, conflict_kind=conflict_kind,
        label=_label(raw), explanation=_text(raw.get("explanation")),
        review=review, versions=tuple(versions), documents=len(names), outlets=len(outlets),
        sources=len(sources), tokens=" ".join(tokens),
    )


def _ordered(counter: Counter[str], names: Mapping[str, str]) -> list[str]:
    """The keys of `counter` in the order of `names` (the order the page explains them in)."""
    return [k for k in names if counter[k]] + sorted(k for k in counter if k not in names)


def _no_link(key: str) -> str:
    return ""


def _counts(counter: Counter[str], names: Mapping[str, str],
            link: Callable[[str], str] = _no_link) -> list[Count]:
    """Counts for the summary, each with the filter fragment that shows its items."""
    return [Count(names.get(k, k), counter[k], link(k), k) for k in _ordered(counter, names)]


def build(data: Mapping[str, Any], limits: Limits) -> Report:
    """Work out the whole report from its data (see `render_report` for the shape)."""
    raw_docs: list[Mapping[str, Any]] = [d for d in data.get("documents") or () if isinstance(d, Mapping)]
    raw_facts: list[Mapping[str, Any]] = [f for f in data.get("facts") or () if isinstance(f, Mapping)]
    raw_entities: list[Mapping[str, Any]] = [e for e in data.get("entities") or () if isinstance(e, Mapping)]

    docs: dict[str, DocumentInfo] = {}
    for i, d in enumerate(raw_docs):
        name = str(d.get("name") or d.get("id") or f"document {i + 1}")
        language = str(d.get("language") or "other")
        docs[name] = DocumentInfo(i, name, _text(d.get("title")), language, direction(language),
                                  _text(d.get("published")), _text(d.get("outlet")), safe_url(d.get("url")))

    finder = _EntityFinder(raw_entities)
    # Lone claims only mark their spans in document texts: no card is built for them.
    grouped = [f for f in raw_facts if f.get("status") != "single"]
    # Cards are built only for the facts the page shows: each list is ranked on its raw data
    # first, and the summary counts are taken from the raw data too.
    flagged = [f for f in grouped if f.get("status") == "conflict"]
    reviews = [_review(f.get("review")) for f in flagged]
    ranked = sorted(zip(flagged, reviews, strict=True), key=lambda p: conflict_rank(
        p[1].status, p[1].stale, _text(p[0].get("conflict_kind")),
        len(set(_version_names(p[0]))), _label(p[0])))
    corroborated = sorted((f for f in grouped if f.get("status") == "consistent"),
                          key=lambda f: corroboration_rank(
                              len(_voices(f, docs)), len(set(_version_names(f))), _label(f)))
    incomparable = sorted((f for f in grouped if f.get("status") == "not-comparable"),
                          key=lambda f: breadth_rank(len(set(_version_names(f))), _label(f)))
    shown_others = corroborated[:limits.other_facts] + incomparable[:limits.other_facts]
    conflicts = [_fact(f, docs, finder) for f, _ in ranked[:limits.conflicts]]
    facts = [_fact(f, docs, finder) for f in shown_others]
    totals = _totals(data.get("totals"), docs, raw_facts, flagged, reviews)
    by_status: dict[str, list[FactView]] = {}
    for fact in facts:
        by_status.setdefault(fact.status, []).append(fact)
    consistent = sorted(by_status.get("consistent", []),
                        key=lambda f: (-f.outlets, -f.documents, f.label.casefold()))
    other = sorted(by_status.get("not-comparable", []), key=lambda f: (-f.documents, f.label.casefold()))

    status_counts = totals.statuses
    sections = [
        Section("conflicts", "Flagged conflicts",
                "Facts on which the articles disagree, most severe first: undecided before reviewed, "
                "figures and dates before attribution, the widest disagreement first.",
                conflicts, status_counts["conflict"]),
        Section("consistent", "Corroborated facts",
                "Facts that several articles state compatibly, with how many independent outlets "
                "and cited sources stand behind them.",
                consistent, status_counts["consistent"]),
        Section("not-comparable", "Not comparable",
                "Versions that look alike but measure something else or another period; never "
                "counted as conflicts.",
                other, status_counts["not-comparable"]),
    ]
    documents = _documents_section(raw_docs, docs, raw_entities, raw_facts, limits,
                                   totals.documents)
    document_options = list(docs.values())[:limits.documents]
    listed = {d.info.name for d in documents.items} | {d.name for d in document_options}
    sections.append(_entities_section(raw_entities, docs, listed, limits))
    sections.append(documents)

    notes = [f"{s.title}: showing {len(s.items):,} of {s.total:,}."
             for s in sections if len(s.items) < s.total]
    return Report(
        generated=_timestamp(data.get("generated")), tool_version=_text(data.get("tool_version")),
        documents=totals.documents,
        languages=_counts(totals.languages, LANGUAGE_NAMES),
        date_span=totals.published,
        facts=sum(status_counts.values()),
        statuses=_counts(status_counts, STATUS_TOTALS, lambda k: fragment(status=k)),
        conflict_kinds=_counts(totals.conflict_kinds, CONFLICT_KIND_NAMES,
                               lambda k: fragment(status="conflict", kind=k)),
        conflict_reviews=_counts(totals.reviews, REVIEW_NAMES,
                                 lambda k: fragment(status="conflict", review=k)),
        stale=totals.stale,
        sections=sections,
        kind_options=[Option(token(k), CONFLICT_KIND_NAMES.get(k, k))
                      for k in _ordered(totals.conflict_kinds, CONFLICT_KIND_NAMES)],
        entity_options=[Option(token(str(e.get("key"))), str(e.get("name") or e.get("key")))
                        for e in raw_entities[:limits.entities]],
        document_options=[Option(token(d.name), d.name) for d in document_options],
        limits=limits, notes=notes,
    )


@dataclass(frozen=True, slots=True)
class Totals:
    """Every count the summary states, over the whole store."""

    documents: int
    languages: Counter[str]
    published: tuple[str, str] | None
    statuses: Counter[str]
    conflict_kinds: Counter[str]
    reviews: Counter[str]
    stale: int


def _totals(given: object, docs: Mapping[str, DocumentInfo], raw_facts: list[Mapping[str, Any]],
            flagged: list[Mapping[str, Any]], reviews: list[ReviewView]) -> Totals:
    """The counts the data states (a store's report data, cut to what the page shows), or
    else counted from the data, which then holds every document and fact (an export)."""
    if isinstance(given, Mapping):
        published = given.get("published")
        return Totals(
            int(given.get("documents") or 0), Counter(given.get("languages") or {}),
            (str(published[0]), str(published[1])) if published else None,
            +Counter(given.get("statuses") or {}), Counter(given.get("conflict_kinds") or {}),
            Counter(given.get("reviews") or {}), int(given.get("stale") or 0))
    dates = sorted(d.published for d in docs.values() if d.published)
    return Totals(
        len(docs), Counter(d.language for d in docs.values()),
        (dates[0], dates[-1]) if dates else None,
        Counter(str(f.get("status") or "single") for f in raw_facts),
        Counter(_text(f.get("conflict_kind")) or "other" for f in flagged),
        Counter(r.status for r in reviews), sum(1 for r in reviews if r.stale))


def _version_names(raw: Mapping[str, Any]) -> list[str]:
    return [str(v.get("document") or "") for v in raw.get("versions") or ()]


def _label(raw: Mapping[str, Any]) -> str:
    return str(raw.get("label") or raw.get("id") or "")


def _voices(raw: Mapping[str, Any], docs: Mapping[str, DocumentInfo]) -> set[str]:
    return {voice(docs[n].outlet if n in docs else None, n) for n in _version_names(raw)}


def _entities_section(raw: list[Mapping[str, Any]], docs: Mapping[str, DocumentInfo],
                      listed: set[str], limits: Limits) -> Section:
    """Entity cards; each carries a document token only for the documents the page lists (in
    its document list or its document filter), the only ones a reader can filter on: an entity
    named in most of a large store's documents would otherwise carry tens of thousands."""
    items = []
    ordered = sorted(raw, key=lambda e: (-len(e.get("variants") or ()), -_document_count(e),
                                         str(e.get("name") or "").casefold()))
    for e in ordered[:limits.entities]:
        key = str(e.get("key"))
        names = e.get("documents") or ()
        variants = tuple(dict.fromkeys(str(v) for v in e.get("variants") or () if str(v) != e.get("name")))
        shown = [f"doc:{token(n)}" for n in _listed(names, listed)]
        # An entity of unlisted documents only still belongs to some document: the empty
        # token keeps it out of every document filter, as its own documents' tokens would.
        tokens = [f"entity:{token(key)}", *(shown or ["doc:"] if _document_count(e) else [])]
        items.append(EntityView(key, str(e.get("name") or key), _text(e.get("type")), variants,
                                _document_count(e), " ".join(tokens)))
    return Section("entities", "Entities and spelling variants",
                   "People, places and organisations the articles name; spellings of one name are "
                   "merged here rather than flagged.", items, len(raw))


def _document_count(entity: Mapping[str, Any]) -> int:
    """How many documents name the entity: a store's report data lists only the documents
    the page lists, and counts them all."""
    count = entity.get("document_count")
    return count if isinstance(count, int) else len(entity.get("documents") or ())


def _listed(names: Iterable[object], listed: Container[str]) -> Iterator[str]:
    """The names among `names` that the page lists, in their order; filtered without a
    Python-level loop, since an entity of a large store names tens of thousands."""
    return filter(listed.__contains__, map(str, names))


def _documents_section(raw_docs: list[Mapping[str, Any]], docs: Mapping[str, DocumentInfo],
                       raw_entities: list[Mapping[str, Any]],
                       raw_facts: list[Mapping[str, Any]], limits: Limits, total: int) -> Section:
    marked = {str(d.get("name")): d["marks"] for d in raw_docs if isinstance(d.get("marks"), list)}
    conflicts: Counter[str] = Counter(
        {name: sum(1 for m in marks if m[4] == "conflict") for name, marks in marked.items()})
    if not marked:
        conflicts.update(
            str(v.get("document") or "") for raw in raw_facts if raw.get("status") == "conflict"
            for v in raw.get("versions") or () if _span(v) is not None)
    # Documents with conflicts first: those are the ones a reader opens from a conflict card.
    # strict=False: `docs` is keyed by name, so two documents with one name leave it shorter than
    # `raw_docs`, and the pairing has always stopped at the shorter of the two.
    ordered = sorted(zip(raw_docs, docs.values(), strict=False),
                     key=lambda p: (-conflicts[p[1].name], p[1].index))[:limits.documents]
    # Spans and entity tokens only for the documents listed: a large store holds many more.
    spans: dict[str, list[tuple[int, int, int, int, str]]] = {info.name: [] for _, info in ordered}
    if marked:
        for name, listed in spans.items():
            listed.extend((int(a), int(b), int(c), int(d), str(e))
                          for a, b, c, d, e in marked.get(name, ()))
    else:
        for raw in raw_facts:
            status = str(raw.get("status") or "single")
            for v in raw.get("versions") or ():
                found = spans.get(str(v.get("document") or ""))
                span = _span(v) if found is not None else None
                if found is not None and span is not None:
                    found.append((*span, status))
    entity_tokens: dict[str, list[str]] = {}
    for e in raw_entities:
        for name in _listed(e.get("documents") or (), spans):
            entity_tokens.setdefault(name, []).append(f"entity:{token(str(e.get('key')))}")
    budget = limits.document_text_chars
    items = []
    for raw, info in ordered:
        text = str(raw.get("text") or "")
        pieces = None
        if len(text) <= budget:
            budget -= len(text)
            pieces = document_pieces(text, spans[info.name])
        items.append(DocumentView(info, len(spans[info.name]), conflicts[info.name], pieces,
                                  " ".join([f"doc:{token(info.name)}", *entity_tokens.get(info.name, [])])))
    return Section("documents", "Documents",
                   "Each article with its claims highlighted in its text; values in conflict are "
                   "marked red, corroborated ones green.", items, total)


def _span(version: Mapping[str, Any]) -> tuple[int, int, int, int] | None:
    """A version's (sentence start, end, value start, end) in its document; None when the
    sentence has no offsets. A value without offsets marks nothing (an empty span)."""
    s0, s1 = _int(version.get("start")), _int(version.get("end"))
    if s0 is None or s1 is None:
        return None
    v0, v1 = _int(version.get("value_start")), _int(version.get("value_end"))
    return s0, s1, v0 if v0 is not None else s0, v1 if v1 is not None else s0
