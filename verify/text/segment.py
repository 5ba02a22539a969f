"""Sentences and clauses with exact character offsets, for Arabic and English news text.

Hand-written rather than pysbd: one compiled-regex pass per paragraph keeps offsets exact,
knows Arabic punctuation (؟ ؛ ، « ») and runs on a hundred thousand articles in minutes.

Rules: a line break always ends a sentence (headlines and paragraphs are lines); . ! ? ؟ ؛
end one when followed by a space and not inside a quotation, a number (2016-2020,
29.03.2023, 3.5), an abbreviation (U.S., Mr., د.) or before a lower-case English word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029]+")
_NON_SPACE = re.compile(r"\S")
# A sentence end: terminators, then closing quotes/brackets, then a space or the end.
_TERMINATOR = re.compile(r"(?:[.!?؟؛…]+)[\"'”’»)\]]*(?=\s|$)")
_WORD_BEFORE_DOT = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)\.$")
_NEXT_LOWER = re.compile(r"\s+[\"'“«(]?[a-z]")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen col lt sgt capt sen rep gov pres jr sr inc ltd co corp no vs
    etc jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m""".split()
)
_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"', "„": "“"}
_QUOTE_OPEN = re.compile("[«“\"„]")
_MAX_QUOTE = 2000  # a "quotation" longer than this is an unbalanced quote mark, not a quote

# Clause breaks: commas (Arabic and Latin) followed by space, semicolons, and contrastive
# or subordinating conjunctions that start a new proposition.
_CLAUSE_BREAK = re.compile(
    r"[،,;؛](?=\s)|\s(?=(?:بينما|في حين|لكنه|لكنها|لكن|إلا أن|whereas|while|but)\s)"
)
_MIN_CLAUSE_WORDS = 4  # a shorter piece ("In 2020,", "من جهته،") belongs to its neighbour
# Words are runs of letters and digits; a piece long enough holds _MIN_CLAUSE_WORDS of them
# apart, which one search tells without listing its words.
_ENOUGH_WORDS = re.compile(rf"[^\W_]++(?:[\W_]++[^\W_]++){{{_MIN_CLAUSE_WORDS - 1}}}")


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Balanced quotations in text[start:end], as (open, close+1) offsets.

    A quote mark with no partner before `end` opens nothing: one stray mark must not
    swallow the rest of the paragraph.
    """
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    while True:
        match = _QUOTE_OPEN.search(text, pos, stop)
        if match is None:
            return spans
        opener = match.start()
        closer = text.find(_QUOTE_PAIRS[match.group()], opener + 1, min(stop, opener + _MAX_QUOTE))
        if closer < 0:
            pos = opener + 1
            continue
        spans.append((opener, closer + 1))
        pos = closer + 1


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a position falls strictly inside one of the (sorted, disjoint) spans."""
    return any(lo < position < hi for lo, hi in spans)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at `dot` closes an abbreviation or an initial rather than a sentence."""
    match = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot + 1)
    if match is None:
        return False
    word = match.group(1).lower()
    return len(word) == 1 or "." in word or word in _ABBREVIATIONS


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding whitespace, or None when nothing is left."""
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return None
    last = end
    while text[last - 1].isspace():
        last -= 1
    return first.start(), last


def _breaks(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets where a sentence ends inside one paragraph."""
    quotes = quote_spans(text, start, end)
    for match in _TERMINATOR.finditer(text, start, end):
        cut = match.end()
        if cut >= end or _inside(cut, quotes):
            continue
        if text[match.start()] == "." and match.end() - match.start() == 1:
            if _is_abbreviation(text, match.start()) or _NEXT_LOWER.match(text, cut, end):
                continue
        yield cut


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the whole text; text[start:end] is the sentence, stripped."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        begin = paragraph.start()
        for cut in (*_breaks(text, paragraph.start(), paragraph.end()), paragraph.end()):
            span = _strip(text, begin, cut)
            if span is not None:
                spans.append(span)
            begin = cut
    return spans


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans inside text[start:end] (a sentence); together they cover it.

    A piece with fewer than four words joins the clause after it (or before it, at the end),
    so fronted phrases stay with the proposition they introduce.
    """
    quotes = quote_spans(text, start, end)
    pieces: list[tuple[int, int]] = []
    begin = start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if _inside(match.start(), quotes):
            continue
        pieces.append((begin, match.end()))
        begin = match.end()
    pieces.append((begin, end))
    merged = _merge_short(text, pieces)
    return [span for piece in merged if (span := _strip(text, *piece)) is not None]


def _merge_short(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join each too-short piece to the next one; a short last piece joins the one before."""
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for lo, hi in pieces:
        lo = lo if pending is None else pending
        if _ENOUGH_WORDS.search(text, lo, hi) is None:
            pending = lo
            continue
        merged.append((lo, hi))
        pending = None
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], pieces[-1][1])
        else:
            merged.append((pending, pieces[-1][1]))
    return merged
