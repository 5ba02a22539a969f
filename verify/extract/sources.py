"""The source a sentence cites for its facts, named as the text names it.

An explicit attribution (وفقا لـ، بحسب، حسبما أوردت، نقلا عن، according to, citing) wins over a
reporting verb (قال، ذكرت، أفادت، أعلن، كتبت، نقلت عن، said, told, has reported), because a
sentence such as "X said ..., according to Y" reports Y's account of X; figures credited to
a named body (بيانات المعهد، figures from X) come last. Triggers inside a quotation are the
quoted speaker's words, not the article's attribution, and are skipped.

A verb with no named subject (وقال: ...، قالت إنها) names no source: the sentence before may,
but guessing which noun it was costs precision. A source named by back-reference (المعهد
ذاته، الوكالة، the same institute, the daily) is different: the text itself says which kind
of body it means, so `SourceTrail` gives it the name of the latest source of that kind cited
in an earlier sentence of the document (one whose name or descriptor holds the same head
noun: معهد ستوكهولم ... for المعهد ذاته, "the Israeli daily Haaretz" for the daily).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from verify.claims import Mention
from verify.text.normalize import is_arabic, is_stopword, match_form, normalize_arabic, tokens
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
# نقل also means "carried": it quotes only when what it carries is speech, from someone (عن)
# or that something holds (أن): "ونقلت الوكالة عن مسؤول" cites, "ونقلت الشركة عبر الميناء" ships.
_CARRIED = re.compile(r"(?<![^\W\d_])[وف]?نقلت?\s*$")
_QUOTING = re.compile(r"[\s\u00a0]*(?:عن|أن|ان|إن)(?![^\W\d_])")
_ENGLISH_VERB = re.compile(r"\b(?:said|says|told|reported|reports|announced|wrote|stated)\b")
# Figures credited to a body without a verb of saying: "بيانات المعهد"، "figures from X".
# What follows must be a known organisation, a back-reference or (English) a capitalised
# name, since "أرقام الصادرات" (export figures) names what was counted, not who counted.
_DATA = re.compile(
    r"(?=[بأإتDdFfSsEe])(?<![^\W\d_])(?:(?:بيانات|أرقام|إحصاءات|إحصائيات|تقديرات)\s+"
    r"|(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ee]stimates)\s+(?:from|by|(?:compiled|published|released)\s+by)\s+)"
)
_AUXILIARIES = frozenset({"has", "have", "had", "also"})
_LOWER_LATIN = re.compile("[a-z]")  # every English reporting verb above is written with these
_NAME_GAP = re.compile(r"[ \t\u00a0\-ـ]*")
_QUOTE_GAP = re.compile(r"[ \t\u00a0]*[«“\"]|[»”\"][ \t\u00a0]*")
_ACRONYM = re.compile(r"\s*\([^()\n]{1,40}\)")
_REPORT_NOUNS = frozenset({"بيان", "تقرير", "تصريح", "تصريحات", "statement", "report"})
# Figures are named after the body that compiled them with no link word (بيانات المعهد).
_DATA_NOUNS = frozenset({"بيانات", "ارقام", "احصاءات", "احصاييات", "تقديرات", "data", "figures",
                         "statistics", "estimates"})
_REPORT_LINKS = frozenset({"صدر", "صادر", "عن", "من", "from", "by", "of", "issued", "published",
                           "released", "compiled"})
_NAME_CONNECTORS = frozenset({"of", "for", "and", "on", "de"})
_MAX_NAME_WORDS = 8
_MAX_QUOTED_NAME_WORDS = 3  # «ترند» is part of a name; a quoted sentence is speech
_WORDS = re.compile(r"[^\W_]+")


# Head nouns of the bodies a text cites, by kind; a back-reference names only its kind.
_HEAD_KINDS: dict[str, str] = {
    **{match_form(w): kind for kind, ws in (
        ("institute", ("معهد",)), ("agency", ("وكالة",)), ("newspaper", ("صحيفة", "جريدة", "يومية")),
        ("ministry", ("وزارة",)), ("centre", ("مركز",)), ("organisation", ("منظمة",)),
        ("channel", ("قناة", "شبكة")), ("office", ("مكتب",)), ("bank", ("بنك",)),
        ("company", ("شركة",)),
    ) for w in ws},
    **{w: kind for kind, ws in (
        ("institute", ("institute",)), ("agency", ("agency",)),
        ("newspaper", ("newspaper", "daily", "paper", "weekly")),
        ("ministry", ("ministry", "department")), ("centre", ("centre", "center")),
        ("organisation", ("organisation", "organization")),
        ("channel", ("channel", "broadcaster", "network")), ("office", ("office",)),
        ("bank", ("bank",)), ("company", ("company", "firm")),
    ) for w in ws},
}
_SAME_AFTER = frozenset(match_form(w) for w in ("ذاته", "ذاتها", "نفسه", "نفسها", "عينه", "عينها"))
_SAME_BEFORE = frozenset({"same", match_form("نفس")})
_ARABIC_DEFINITE = re.compile("^[وف]?(?:ب?ال|لل)")


@dataclass(frozen=True, slots=True)
class Citation:
    """A cited source as the sentence names it, and the kinds of body its words say it is.

    `refers_back` marks a back-reference ("the same institute"): its name is only a kind.
    """

    name: str
    kinds: frozenset[str]
    refers_back: bool = False


def cited_source(
    text: str, sentence_start: int, sentence_end: int, mentions: Sequence[Mention] = ()
) -> str | None:
    """The source cited by the sentence text[sentence_start:sentence_end], or None.

    A back-reference stays as written here; `SourceTrail` resolves it within a document.
    """
    found = citation(text, sentence_start, sentence_end, mentions)
    return None if found is None else found.name


def citation(
    text: str, sentence_start: int, sentence_end: int, mentions: Sequence[Mention] = ()
) -> Citation | None:
    """The citation of the sentence text[sentence_start:sentence_end], or None."""
    quotes = quote_spans(text, sentence_start, sentence_end)
    words: list[tuple[int, int, str]] | None = None  # tokenised once a trigger is found
    for pattern in (_EXPLICIT, _ARABIC_VERB, _DATA):
        for match in pattern.finditer(text, sentence_start, sentence_end):
            if _quoted(match.start(), quotes):
                continue
            words = words if words is not None else tokens(text, sentence_start, sentence_end)
            found = _name_after(text, words, match.end(), mentions, pattern is _DATA)
            if found is not None and not (pattern is _ARABIC_VERB
                                          and _carries_goods(text, match, found)):
                return found
    if _LOWER_LATIN.search(text, sentence_start, sentence_end) is None:
        return None  # no English reporting verb can stand here
    for match in _ENGLISH_VERB.finditer(text, sentence_start, sentence_end):
        if not _quoted(match.start(), quotes):
            words = words if words is not None else tokens(text, sentence_start, sentence_end)
            found = _name_before(text, words, match.start())
            if found is not None:
                return found
    return None


def _carries_goods(text: str, verb: re.Match[str], found: Citation) -> bool:
    """A form of نقل whose subject is followed by neither عن nor أن: a shipment, not a quote."""
    if not _CARRIED.search(verb.group()):
        return False
    end = text.find(found.name, verb.end())
    return end < 0 or _QUOTING.match(text, end + len(found.name)) is None


class SourceTrail:
    """The sources of one document's sentences, each found on first request and kept.

    Only sentences with values are asked about; the earlier ones are read only when a
    back-reference needs the latest source of its kind, so a document without one pays
    nothing more.
    """

    def __init__(
        self, text: str, spans: Sequence[tuple[int, int]], mentions: Sequence[Mention]
    ) -> None:
        self._text = text
        self._spans = spans
        self._mentions = mentions
        self._found: dict[int, Citation | None] = {}

    def source(self, index: int) -> str | None:
        """The source sentence `index` cites, a back-reference replaced by the name it means."""
        found = self._resolved(index)
        return None if found is None else found.name

    def _resolved(self, index: int) -> Citation | None:
        if index in self._found:
            return self._found[index]
        found = citation(self._text, *self._spans[index], self._mentions)
        if found is not None and found.refers_back:
            earlier = (self._resolved(i) for i in range(index - 1, -1, -1))
            named = next((c for c in earlier
                          if c is not None and not c.refers_back and c.kinds & found.kinds), None)
            if named is not None:
                found = Citation(named.name, named.kinds | found.kinds)
        self._found[index] = found
        return found


def _kinds(words: Sequence[str]) -> frozenset[str]:
    """The kinds of body the head nouns among `words` name."""
    return frozenset(kind for word in words if (kind := _HEAD_KINDS.get(match_form(word))))


def _back_reference(
    text: str, words: list[tuple[int, int, str]], first: int, definite: bool
) -> tuple[Citation, int] | None:
    """A back-reference starting at words[first]: "(the) same institute", "the agency",
    "المعهد ذاته", "نفس الوكالة", "الصحيفة" standing alone, with the index of its last word.

    A bare definite head is one only when no name follows it ("الوكالة الدولية للطاقة" is
    a name, "the Institute of ..." too; see `_name_goes_on`).
    """
    index, same = first, False
    if match_form(words[index][2]) in _SAME_BEFORE and index + 1 < len(words):
        index, same = index + 1, True
    head = words[index][2]
    kind = _HEAD_KINDS.get(match_form(head))
    if kind is None:
        return None
    arabic = is_arabic(head)
    if arabic and not _ARABIC_DEFINITE.match(normalize_arabic(head)):
        return None
    last = index
    following = words[index + 1] if index + 1 < len(words) else None
    if following is not None and match_form(following[2]) in _SAME_AFTER:
        last, same = index + 1, True
    elif not same and (not (definite or arabic) or _name_goes_on(text, words, index, arabic)):
        return None
    name = text[words[first][0] : words[last][1]]
    return Citation(name, frozenset({kind}), refers_back=True), last


def _quoted(position: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether a position lies inside a quotation."""
    return any(lo < position < hi for lo, hi in quotes)


def _first_token(words: list[tuple[int, int, str]], position: int) -> int | None:
    """Index of the first token ending after `position` (a clitic ل may precede it)."""
    for index, (_, end, _) in enumerate(words):
        if end > position:
            return index
    return None


def _name_goes_on(
    text: str, words: list[tuple[int, int, str]], index: int, arabic: bool
) -> bool:
    """Whether the word after a head noun continues its name.

    Arabic names run on in genitives and adjectives, so only a function word (or
    punctuation) ends one; an English name runs on only into a capitalised word or a
    connector ("of", "for"), a lower-case word after the noun being its verb ("show").
    """
    if index + 1 >= len(words) or _NAME_GAP.fullmatch(text, words[index][1], words[index + 1][0]) is None:
        return False
    word = words[index + 1][2]
    if arabic:
        return not is_stopword(word)
    return word[:1].isupper() or word.lower() in _NAME_CONNECTORS


def _name_after(
    text: str,
    words: list[tuple[int, int, str]],
    position: int,
    mentions: Sequence[Mention],
    restricted: bool = False,
) -> Citation | None:
    """The name phrase that starts at `position`: words up to punctuation or a function word.

    `restricted` (after a data noun) takes only a known organisation, a back-reference or a
    capitalised English name.
    """
    first = _first_token(words, position)
    if first is None or text[position : words[first][0]].strip(" \tـ"):
        return None
    first = _skip_report_noun(words, first)
    definite = first < len(words) and words[first][2].lower() == "the"
    if definite:
        first += 1
    if first >= len(words):
        return None
    back = _back_reference(text, words, first, definite)
    if back is not None:
        return back[0]
    start = max(position, words[first][0])
    known = next((m for m in mentions if m.start == start), None)
    if restricted and not (
        (known is not None and known.type == "organisation") or words[first][2][:1].isupper()
    ):
        return None
    last = _name_end(text, words, first, known)
    if last < first:
        return None
    return _english_name(text, words, first, last, lambda end: _extend(text, end, start), start)


def _english_name(
    text: str,
    words: list[tuple[int, int, str]],
    first: int,
    last: int,
    extend: Callable[[int], int],
    start: int | None = None,
) -> Citation:
    """The citation of words[first..last]; an English descriptor before a name is dropped.

    "the Israeli daily Haaretz" cites Haaretz: a lower-case noun followed by capitalised
    words describes the name that follows it, and is kept only as the kind of body it is.
    """
    kinds = _kinds([word for _, _, word in words[first : last + 1]])
    name_first = first
    for index in range(first, last):
        word = words[index][2]
        if (word.isascii() and word.isalpha() and word.islower()
                and word not in _NAME_CONNECTORS and words[index + 1][2][:1].isupper()):
            name_first = index + 1
    begin = words[name_first][0] if name_first > first or start is None else start
    return Citation(text[begin : extend(words[last][1])], kinds)


def _skip_report_noun(words: list[tuple[int, int, str]], first: int) -> int:
    """Past "a statement issued by" to the body it names (بيان صدر عن مكتب ...), and past
    "figures (published by)" (بيانات معهد ...)."""
    noun = _plain(words[first][2])
    if noun not in _REPORT_NOUNS and noun not in _DATA_NOUNS:
        return first
    index = first + 1
    while index < len(words) and index <= first + 3 and _plain(words[index][2]) in _REPORT_LINKS:
        index += 1
    linked = first + 1 < index or noun in _DATA_NOUNS
    return index if linked and index < len(words) else first


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
        if _verb_after_name(words, index, last):
            break
        last = index
    return last


def _verb_after_name(words: list[tuple[int, int, str]], index: int, last: int) -> bool:
    """Whether words[index] is the verb after an English name ("Eurostat show"): a lower-case
    word after a capitalised one, not a descriptor before another capitalised word."""
    word = words[index][2]
    if last < 0 or not (word.isascii() and word.islower()) or not words[last][2][:1].isupper():
        return False
    following = words[index + 1][2] if index + 1 < len(words) else ""
    return not following[:1].isupper()


def _extend(text: str, end: int, start: int) -> int:
    """Grow a name over a quote mark it leaves open and a following (ACRONYM)."""
    opened = text.count("«", start, end) - text.count("»", start, end)
    if (opened > 0 and text.startswith("»", end)) or text.count('"', start, end) % 2 == 1:
        end += 1
    acronym = _ACRONYM.match(text, end)
    return acronym.end() if acronym is not None else end


def _name_before(
    text: str, words: list[tuple[int, int, str]], position: int
) -> Citation | None:
    """The subject right before an English reporting verb ("the ministry said"), past the
    auxiliaries of its tense ("Haaretz has reported")."""
    index = next((i for i in range(len(words) - 1, -1, -1) if words[i][1] <= position), None)
    while (index is not None and index > 0 and words[index][2].lower() in _AUXILIARIES
           and _NAME_GAP.fullmatch(text, words[index][1], position) is not None):
        position = words[index][0]
        index -= 1
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
    definite = first > 0 and words[first - 1][2].lower() == "the"
    if definite or match_form(words[first][2]) in _SAME_BEFORE:
        back = _back_reference(text, words, first, definite)
        if back is not None and back[1] == index:
            return back[0]
    return _english_name(text, words, first, index, lambda end: end)
