"""Cheap tests that tell a scanner it cannot match in a stretch of text, so it is not run.

Each scanner of values.py and dates.py tries its pattern at every position of a sentence,
yet most sentences hold no digit, no Latin letter and none of the key words a scanner needs
(a month name, a dual noun, a number word), and there the answer is known in advance.
A gate states something every match of its scanner contains; when the stretch does not
contain it, the scanner is skipped, which changes no result. Gates must therefore only ever
name what a match cannot do without, never what it merely usually has.

Word gates look for folded words (see `fold_letters`) as plain substrings of the folded
stretch: every spelling variant a pattern accepts folds to the word it was written from,
so a match of the word's pattern always leaves that word in the folded text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from verify.extract.numbers import DIGIT, literal_pattern

# The letters spelling variants of one word differ by, each mapped to the form the word
# lists are written in (numbers.variants_pattern accepts exactly these as variants).
_FOLD_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})

DIGITS = re.compile(DIGIT)
# Under IGNORECASE a Latin letter in a pattern also matches K (Kelvin), ſ, ı and İ; so does
# this class, so it holds wherever an English alternative can match.
LATIN = re.compile("(?i:[a-z])")


def fold_letters(text: str) -> str:
    """The text with hamza seats, alef forms, ta marbuta and alef maqsura folded (same length)."""
    return text.translate(_FOLD_LETTERS)


class _Vocabulary:
    """Every word some gate names, and one pattern that finds all of them in one pass.

    Scanning once per stretch for all gates' words is what keeps gates cheap: one regex
    pass in C instead of a substring search per word per gate.
    """

    def __init__(self) -> None:
        self.words: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self._prefixes: dict[str, frozenset[str]] = {}

    def add(self, words: Iterable[str]) -> None:
        """Take in a gate's words (the pattern is rebuilt on next use)."""
        if not self.words.issuperset(words):
            self.words.update(words)
            self._pattern = None

    def found(self, folded: str) -> set[str]:
        """The vocabulary words that occur in a folded text.

        The pattern reports, at each position, the longest word starting there; the
        shorter words starting there are its prefixes, so they are counted with it.
        """
        if self._pattern is None:
            self._pattern = re.compile(f"(?=({literal_pattern(self.words)}))")
            self._prefixes = {
                word: frozenset(w for w in self.words if word.startswith(w)) for word in self.words
            }
        present: set[str] = set()
        for match in self._pattern.finditer(folded):
            present |= self._prefixes[match.group(1)]
        return present


_VOCABULARY = _Vocabulary()


class Window:
    """One stretch text[start:end] that scanners run over, with its gate answers remembered."""

    __slots__ = ("text", "start", "end", "_words", "_answers")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self._words: set[str] | None = None
        self._answers: dict[Gate, bool] = {}

    @property
    def words(self) -> set[str]:
        """The gate words in the stretch once its letters are folded, found once."""
        if self._words is None:
            self._words = _VOCABULARY.found(fold_letters(self.text[self.start : self.end]))
        return self._words

    def opens(self, gate: Gate | None) -> bool:
        """Whether the gate lets its scanner run here (no gate: always)."""
        if gate is None:
            return True
        answer = self._answers.get(gate)
        if answer is None:
            answer = self._answers[gate] = gate.holds(self)
        return answer


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: cheap
class Gate:
    """What every match of one scanner contains: one of `chars` or `words` or `raw`.

    `chars` is a pattern of single characters, `words` are folded words (looked for in the
    folded stretch), `raw` are words looked for as written (آب، whose folded form اب is in
    every other word). `also`, when given, must hold as well.
    """

    chars: tuple[re.Pattern[str], ...] = ()
    words: frozenset[str] = frozenset()
    raw: tuple[str, ...] = ()
    also: Gate | None = None

    def __post_init__(self) -> None:
        _VOCABULARY.add(self.words)

    def holds(self, window: Window) -> bool:
        """Whether the stretch contains what the gate names."""
        found = (
            any(pattern.search(window.text, window.start, window.end) for pattern in self.chars)
            or bool(self.words and not self.words.isdisjoint(window.words))
            or any(window.text.find(word, window.start, window.end) >= 0 for word in self.raw)
        )
        return found and (self.also is None or window.opens(self.also))


def key_words(words: Iterable[str]) -> frozenset[str]:
    """Folded gate words for a word list: each entry's first word, without redundant ones.

    A multi-word entry ("كانون الثاني") is matched with any whitespace between its words,
    so only its first word is sure to stand as written; a word that holds another listed
    word adds nothing, since the shorter one is found wherever it is.
    """
    firsts = sorted({fold_letters(word.split()[0]) for word in words if word.strip()}, key=len)
    kept: list[str] = []
    for word in firsts:
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return frozenset(kept)
