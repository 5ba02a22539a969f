"""The source a sentence cites for its facts, named as the text names it.

An explicit attribution (وفقا لـ، بحسب، حسبما أوردت، نقلا عن، according to, citing) wins over a
reporting verb (قال، ذكرت، أفادت، أعلن، كتبت، said, told, reported), because a sentence such as
"X said ..., according to Y" reports Y's account of X. Triggers inside a quotation are the
quoted speaker's words, not the article's attribution, and are skipped. A verb with no named
subject (وقال: ...، قالت إنها) names no source: the sentence before may, but guessing which
noun it was costs precision, so no source is carried over from another sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verify.claims import Mention
from verify.text.normalize import is_arabic, is_stopword, normalize_arabic, tokens
from verify.text.segment import quote_spans

# Each trigger pattern opens with the letters its phrases can start with: most positions
# of a sentence are rejected by that one test, before the look-behind and the phrases.
_EXPLICIT = re.compile(
    r"(?=[وفبحنAaCcQq])(?<![^\W\d_])(?:[وف]?(?:وفق(?:اً|ًا|ا)?|بحسب|حسب|نقلا|نقلاً)(?:\s*(?:لـ|ل)\s*|\s+عن\s+|\s+)"
    r"|حسبما\s+(?:أوردت?|ذكرت?|أفادت?|نقلت?|قالت?)\s+"
    r"|(?:[Aa]ccording\s+to|[Cc]iting|[Cc]ited\s+by|[Aa]s\s+reported\s+by|[Qq]uoting)\s+)"
)
_ARABIC_VERB = re.compile(
    r"(?=[وفقذأكن])(?<![^\W\d_])[وف]?(?:قال|قالت|ذكر|ذكرت|أفاد|أفادت|أعلن|أعلنت|كتب|كتبت|أورد|أوردت|نقل|نقلت)"
    r"(?![^\W\d_])\s*"
)
_ENGLISH_VERB = re.compile(r"\b(?:said|says|told|reported|reports|announced|wrote|stated)\b")
_LOWER_LATIN = re.compile("[a-z]")  # every English reporting verb above is written with these
_NAME_GAP = re.compile(r"[ \t\u00a0\-ـ]*")
_QUOTE_GAP = re.compile(r"[ \t\u00a0]*[«“\"]|[»”\"][ \t\u00a0]*")
_ACRONYM = re.compile(r"\s*\([^()\n]{1,40}\)")
_REPORT_NOUNS = frozenset({"بيان", "تقرير", "تصريح", "تصريحات", "statement", "report"})
_REPORT_LINKS = frozenset({"صدر", "صادر", "عن", "من", "from", "by", "of", "issued"})
_NAME_CONNECTORS = frozenset({"of", "for", "and", "on", "de"})
_MAX_NAME_WORDS = 8
_MAX_QUOTED_NAME_WORDS = 3  # «ترند» is part of a name; a quoted sentence is speech
_WORDS = re.compile(r"[^\W_]+")


def cited_source(
    text: str, sentence_start: int, sentence_end: int, mentions: Sequence[Mention] = ()
) -> str | None:
    """The source cited by the sentence text[sentence_start:sentence_end], or None."""
    quotes = quote_spans(text, sentence_start, sentence_end)
    words: list[tuple[int, int, str]] | None = None  # tokenised once a trigger is found
    for pattern in (_EXPLICIT, _ARABIC_VERB):
        for match in pattern.finditer(text, sentence_start, sentence_end):
            if _quoted(match.start(), quotes):
                continue
            words = words if words is not None else tokens(text, sentence_start, sentence_end)
            name = _name_after(text, words, match.end(), mentions)
            if name is not None:
                return name
    if _LOWER_LATIN.search(text, sentence_start, sentence_end) is None:
        return None  # no English reporting verb can stand here
    for match in _ENGLISH_VERB.finditer(text, sentence_start, sentence_end):
        if not _quoted(match.start(), quotes):
            words = words if words is not None else tokens(text, sentence_start, sentence_end)
            name = _name_before(text, words, match.start())
            if name is not None:
                return name
    return None


def _quoted(position: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether a position lies inside a quotation."""
    return any(lo < position < hi for lo, hi in quotes)


def _first_token(words: list[tuple[int, int, str]], position: int) -> int | None:
    """Index of the first token ending after `position` (a clitic ل may precede it)."""
    for index, (_, end, _) in enumerate(words):
        if end > position:
            return index
    return None


def _name_after(
    text: str, words: list[tuple[int, int, str]], position: int, mentions: Sequence[Mention]
) -> str | None:
    """The name phrase that starts at `position`: words up to punctuation or a function word."""
    first = _first_token(words, position)
    if first is None or text[position : words[first][0]].strip(" \tـ"):
        return None
    first = _skip_report_noun(words, first)
    if first < len(words) and words[first][2].lower() == "the":
        first += 1
    if first >= len(words):
        return None
    start = max(position, words[first][0])
    known = next((m for m in mentions if m.start == start), None)
    last = _name_end(text, words, first, known)
    if last < first:
        return None
    return text[start : _extend(text, words[last][1], start)]


def _skip_report_noun(words: list[tuple[int, int, str]], first: int) -> int:
    """Past "a statement issued by" to the body it names (بيان صدر عن مكتب ...)."""
    if _plain(words[first][2]) not in _REPORT_NOUNS:
        return first
    index = first + 1
    while index < len(words) and index <= first + 3 and _plain(words[index][2]) in _REPORT_LINKS:
        index += 1
    return index if first + 1 < index < len(words) else first


def _plain(word: str) -> str:
    """A word with its letters folded, for comparing against a word list."""
    return normalize_arabic(word) if is_arabic(word) else word.lower()


def _name_end(
    text: str, words: list[tuple[int, int, str]], first: int, known: Mention | None
) -> int:
    """Index of the last word of a name starting at `first` (first - 1 when there is none).

    A name that starts with a known entity ends with it, save for the Arabic adjectives
    after it (وكالة «ترند» الأذربيجانية), so a subject is not run into its verb's object.
    """
    quotes = quote_spans(text, words[first][0], words[min(len(words), first + 12) - 1][1])
    last = first - 1
    for index in range(first, min(first + _MAX_NAME_WORDS, len(words))):
        start, end, word = words[index]
        if index > first:
            gap = text[words[index - 1][1] : start]
            if _NAME_GAP.fullmatch(gap) is None and _QUOTE_GAP.fullmatch(gap) is None:
                break
        quote = next(((lo, hi) for lo, hi in quotes if lo < start < hi), None)
        if quote is not None:
            if len(_WORDS.findall(text, *quote)) > _MAX_QUOTED_NAME_WORDS:
                break
            last = index
            continue
        if known is not None and start >= known.end and not _plain(word).startswith("ال"):
            break
        if word.lower() in _NAME_CONNECTORS and index > first:
            continue
        if is_stopword(word) or any(char.isdigit() for char in word):
            break
        last = index
    return last


def _extend(text: str, end: int, start: int) -> int:
    """Grow a name over a quote mark it leaves open and a following (ACRONYM)."""
    opened = text.count("«", start, end) - text.count("»", start, end)
    if (opened > 0 and text.startswith("»", end)) or text.count('"', start, end) % 2 == 1:
        end += 1
    acronym = _ACRONYM.match(text, end)
    return acronym.end() if acronym is not None else end


def _name_before(text: str, words: list[tuple[int, int, str]], position: int) -> str | None:
    """The subject right before an English reporting verb ("the ministry said")."""
    index = next((i for i in range(len(words) - 1, -1, -1) if words[i][1] <= position), None)
    if index is None or _NAME_GAP.fullmatch(text, words[index][1], position) is None:
        return None
    first = index
    while first > 0 and index - first < _MAX_NAME_WORDS:
        word = words[first - 1][2]
        gap = text[words[first - 1][1] : words[first][0]]
        if _NAME_GAP.fullmatch(gap) is None or is_stopword(word) and word not in _NAME_CONNECTORS:
            break
        first -= 1
    while first <= index and words[first][2].lower() in _NAME_CONNECTORS:
        first += 1
    if first > index or is_stopword(words[index][2]):
        return None
    return text[words[first][0] : words[index][1]]
