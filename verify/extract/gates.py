"""Cheap tests that tell a scanner it cannot match in a stretch of text, so it is not run.

Each scanner of values.py and dates.py tries its pattern at every position of a sentence,
yet most sentences hold no digit, no Latin letter and none of the key words a scanner needs
(a month name, a dual noun, a number word), and there the answer is known in advance.
A gate states something every match of its scanner contains; when the stretch does not
contain it, the scanner is skipped, which changes no result. Gates must therefore only ever
name what a match cannot do without, never what it merely usually has.

Word gates look for folded words (see `fold_letters`) in the folded stretch: every spelling
variant a pattern accepts folds to the word it was written from, so a match of the word's
pattern always leaves that word in the folded text. Most patterns also require the word to
end a word (`WORD_END`: marks or tatweel, then no letter); a gate built with `ends=True`
asks for that too, so "ست" (six) does not open the number scanners in "استقبال".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from verify.extract.numbers import DIGIT, WORD_END, literal_pattern, variants_pattern

# The letters spelling variants of one word differ by, each mapped to the form the word
# lists are written in (numbers.variants_pattern accepts exactly these as variants).
_FOLD_LETTERS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ة", "ه"), ("ى", "ي"))
_DIGITS = re.compile(DIGIT)
# Under IGNORECASE a Latin letter in a pattern also matches K (Kelvin), ſ, ı and İ; so does
# this class, so it holds wherever an English alternative can match. (Spelled out: a
# case-blind class costs a case fold per character, several times the plain test.)
_LATIN = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]")
_WORD_END = re.compile(WORD_END)
# The letters other than A-Z that IGNORECASE matches with a-z, each to its Latin letter, so
# that a lower-cased stretch holds every English word a case-blind pattern finds in it.
_LATIN_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})
_ENDED = "|"  # suffix of a vocabulary entry standing for "the word, ending a word"


def fold_letters(text: str) -> str:
    """The text with hamza seats, alef forms, ta marbuta and alef maqsura folded (same length).

    Six `str.replace` calls: several times faster than `str.translate` on Arabic text.
    """
    for letter, folded in _FOLD_LETTERS:
        text = text.replace(letter, folded)
    return text


class _Vocabulary:
    """Every word some gate names, and one pattern that finds all of them in one pass.

    Scanning once per stretch for all gates' words is what keeps gates cheap: one regex
    pass in C instead of a substring search per word per gate.
    """

    def __init__(self) -> None:
        self.words: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self._prefixes: dict[str, tuple[str, ...]] = {}

    def add(self, words: Iterable[str]) -> None:
        """Take in a gate's words (the pattern is rebuilt on next use)."""
        if not self.words.issuperset(words):
            self.words.update(words)
            self._pattern = None

    def found(self, folded: str) -> set[str]:
        """The words that occur in a folded text, and the same marked `_ENDED` where they
        end a word.

        The pattern gives the longest word starting at each position it stops at, and
        the search resumes one letter on, so overlapping words are all found; the
        shorter words starting at the same position are prefixes of the longest one, so
        they are counted with it. (Its branches all open with a letter, which lets the
        engine skip quickly to the next letter that starts some word.)
        """
        if self._pattern is None:
            self._pattern = re.compile(literal_pattern(self.words))
            self._prefixes = {
                word: tuple(w for w in self.words if word.startswith(w)) for word in self.words
            }
        present: set[str] = set()
        match = self._pattern.search(folded)
        while match is not None:
            start = match.start()
            for word in self._prefixes[match.group()]:
                present.add(word)
                if _WORD_END.match(folded, start + len(word)):
                    present.add(word + _ENDED)
            match = self._pattern.search(folded, start + 1)
        return present


_VOCABULARY = _Vocabulary()


class Window:
    """One stretch text[start:end] that scanners run over, and what its gates look for.

    What gates ask about (a digit? a Latin letter? which gate words?) is found once, on
    creation: nearly every stretch is asked all three.
    """

    __slots__ = ("text", "start", "end", "digit", "latin", "english", "words")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.digit = _DIGITS.search(text, start, end) is not None
        self.latin = _LATIN.search(text, start, end) is not None
        self.english = text[start:end].translate(_LATIN_FOLD).lower() if self.latin else ""
        self.words = _VOCABULARY.found(fold_letters(text[start:end]))

    def opens(self, gate: Gate) -> bool:
        """Whether the gate lets its scanner run here."""
        if not (
            (gate.digit and self.digit)
            or (gate.latin and self.latin and (
                not gate.english or any(word in self.english for word in gate.english)))
            or not gate.words.isdisjoint(self.words)
            or (gate.raw and any(self.text.find(word, self.start, self.end) >= 0
                                 for word in gate.raw))
            or (gate.found is not None
                and gate.found.search(self.text, self.start, self.end) is not None)
            or (gate.english_found is not None and self.latin
                and gate.english_found.search(self.english) is not None)
        ):
            return False
        return gate.also is None or self.opens(gate.also)


@dataclass(frozen=True, slots=True, eq=False)
class Gate:
    """What every match of one scanner contains: a digit, a Latin letter, or a word.

    `words` are folded (see `key_words`), looked for in the folded stretch; with `ends`
    they must end a word there. `raw` words are looked for as written (آب، whose folded
    form اب is in countless words). `english` narrows `latin`: lower-case English words,
    one of which every English match holds whatever its case (a month name, "age"), looked
    for in the lower-cased stretch, since nearly every English sentence has a Latin letter
    and few name a month. `found` is a pattern some part of every match matches;
    `english_found` one that some part of every match matches in the lower-cased stretch
    (written in lower case, it finds what the case-blind pattern would, at a fraction of
    the cost). `also`, when given, must hold as well.
    """

    digit: bool = False
    latin: bool = False
    words: frozenset[str] = frozenset()
    raw: tuple[str, ...] = ()
    also: Gate | None = None
    english: tuple[str, ...] = ()
    found: re.Pattern[str] | None = None
    english_found: re.Pattern[str] | None = None

    @classmethod
    def of(cls, words: Iterable[str], *, ends: bool, digit: bool = False, latin: bool = False,
           raw: tuple[str, ...] = (), also: Gate | None = None,
           english: tuple[str, ...] = (), found: re.Pattern[str] | None = None) -> Gate:
        """A gate on words (folded already), which with `ends` must end a word."""
        words = frozenset(words)
        _VOCABULARY.add(words)
        if ends:
            words = frozenset(word + _ENDED for word in words)
        return cls(digit, latin or bool(english), words, raw, also, english, found)


def key_words(words: Iterable[str], *, ends: bool = False) -> frozenset[str]:
    """Folded gate words for a word list: each entry's first word, without redundant ones.

    A multi-word entry ("كانون الثاني") is matched with any whitespace between its words,
    so only its first word is sure to stand as written (and to end a word). A word that
    holds another listed word adds nothing, since the shorter one is found wherever it is;
    with `ends` (the words must end a word) only a word ending in another is redundant.
    """
    firsts = sorted({fold_letters(word.split()[0]) for word in words if word.strip()}, key=len)
    kept: list[str] = []
    for word in firsts:
        if not any(word.endswith(short) if ends else short in word for short in kept):
            kept.append(word)
    return frozenset(kept)


HEAD = 3  # letters of a word a start test looks at


def heads(words: Iterable[str]) -> str:
    """A start test for words: their first HEAD letters, in every spelling variant a
    pattern accepts (see numbers.variants_pattern); one space stands for any whitespace.

    A pattern that opens with one of the words can only begin where this holds, and most
    positions of a text fail it on their first letter or two.
    """
    return variants_pattern(sorted({word[:HEAD] for word in words}))


def english_heads(words: Iterable[str]) -> str:
    """`heads` for English words, matched whatever their case as IGNORECASE does."""
    return "(?i:" + literal_pattern(sorted({word[:HEAD] for word in words})) + ")"


def starting(starts: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled to be tried only where `starts` holds (a cheap zero-width test).

    `starts` must hold wherever a match of `pattern` can begin (for numbers: a word's first
    letter, a digit, a currency sign). The engine then rejects most positions with that one
    test instead of trying every alternative of the pattern there, and finds the same
    leftmost, non-overlapping matches.
    """
    return re.compile(f"(?={starts})(?:{pattern})", flags)
