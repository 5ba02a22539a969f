"""Numbers as news text writes them: digits in three scripts, and Arabic and English words.

Hand-written because no maintained library parses Arabic number words in their gender and
case forms (ستة، ست، الثلاثين), duals, fractions and multipliers together with English ones.

This module exposes regex *fragments* (strings) that `values.py` composes into its one
compiled scanner, plus the functions that turn a matched fragment back into a float.
Arabic spelling variants (hamza and alef forms, ta marbuta, alef maqsura) are folded by
`fold()` before dictionary lookup, and the regexes accept every variant through classes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_THOUSANDS_SEP = "[,\u066c]"
_DECIMAL_SEP = "[.\u066b]"

# A clitic letter (و، ب، ل، ف) may be glued to a number ("و2019"); any other letter glued in
# front ("i24", "نيوز24", "G20") makes it part of a name, which is never a value.
CLITIC_START = r"(?:(?<!\w)|(?<=(?<!\w)[\u0648\u0628\u0644\u0641]))"
NUMBER_START = r"(?:(?<![\w.,:\u066b\u066c])|(?<=(?<!\w)[\u0648\u0628\u0644\u0641])|(?<=\u0640))"

DIGITS_NUMBER = (
    f"(?:{DIGIT}{{1,3}}(?:{_THOUSANDS_SEP}{DIGIT}{{3}})+|{DIGIT}+)"
    f"(?:{_DECIMAL_SEP}{DIGIT}+)?(?!{DIGIT}|{_DECIMAL_SEP}{DIGIT}|{_THOUSANDS_SEP}{DIGIT})"
)

_DIGIT_TABLE = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u066b": ".",
        "\u066c": "",
        ",": "",
    }
)


def parse_digits(text: str) -> float:
    """Read a digit string in any of the three digit systems with either separator style.

    Western digits, by far the most common, need only their thousands commas dropped,
    which is cheaper than a translation table.
    """
    if text.isascii():
        return float(text.replace(",", ""))
    return float(text.translate(_DIGIT_TABLE))


_ASCII_DIGITS = str.maketrans({
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
})


def to_ascii_digits(text: str) -> str:
    """Western digits for any Eastern Arabic or Persian ones (separators left in place)."""
    return text.translate(_ASCII_DIGITS)


# --- Arabic letters folding ---------------------------------------------------------------

_DIACRITICS = re.compile("[\u064b-\u0652\u0640\u0670]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Fold Arabic spelling variants so dictionary lookups see one form per word.

    Remembered: the same unit, qualifier and number words are looked up again and again.
    """
    return _DIACRITICS.sub("", word).translate(_FOLD).lower()


_CLASS = {"ا": "[اأإآٱ]", "ه": "[هة]", "ي": "[يى]"}
WORD_END = "[\u064b-\u0652\u0640]*(?!\\w)"


_CLASS_LETTERS = {key: frozenset(cls.strip("[]")) for key, cls in _CLASS.items()}
_SPACE = frozenset(" ")  # one space in a word stands for any run of whitespace


def variants_pattern(folded_words: list[str]) -> str:
    """A regex alternation accepting every spelling variant of the folded words, longest first."""
    return trie_pattern(folded_words, lambda ch: _CLASS_LETTERS.get(ch, frozenset(ch)))


def literal_pattern(words: Iterable[str]) -> str:
    """A regex alternation of literal words (spaces match any whitespace), longest first."""
    return trie_pattern(words, frozenset)


def trie_pattern(words: Iterable[str], letters: Callable[[str], frozenset[str]]) -> str:
    """An alternation of `words`, written as a prefix tree so a failing position costs one test.

    Python's regex engine tries a flat alternation's branches one by one at every position
    of the text; a tree rejects most positions on its first letter. It matches what the
    flat alternation sorted longest first matches, in the same order: `letters` gives the
    characters each written character accepts, siblings are split until no two accept one
    character, so the words matching at a position lie on one path and are tried deepest,
    that is longest, first.
    """
    root: _Node = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(_SPACE if ch == " " else letters(ch), {})
        node[_END] = {}
    return _emit(root)


_Node = dict[frozenset[str], "_Node"]
_END: frozenset[str] = frozenset()  # the key marking the end of a word in a tree node


def _emit(node: _Node) -> str:
    """The regex of a prefix-tree node: its branches, optional when a word ends there.

    Branches whose subtrees read alike share one character class.
    """
    tails: dict[str, set[str]] = {}
    for chars, child in _disjoint(node):
        tails.setdefault(_emit(child), set()).update(chars)
    branches = sorted(_class(frozenset(chars)) + tail for tail, chars in tails.items())
    if not branches:
        return ""
    if len(branches) == 1 and _END not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + (")?" if _END in node else ")")


def _disjoint(node: _Node) -> list[tuple[frozenset[str], _Node]]:
    """A node's branches re-cut so no two accept one character, subtrees merged where they met."""
    owners: dict[str, list[frozenset[str]]] = {}
    for chars in node:
        for ch in chars:
            owners.setdefault(ch, []).append(chars)
    blocks: dict[tuple[frozenset[str], ...], set[str]] = {}
    for ch, keys in owners.items():
        blocks.setdefault(tuple(keys), set()).add(ch)
    return [(frozenset(chars), _merge([node[key] for key in keys])) for keys, chars in blocks.items()]


def _merge(nodes: list[_Node]) -> _Node:
    """The union of prefix trees."""
    if len(nodes) == 1:
        return nodes[0]
    union: _Node = {}
    for node in nodes:
        for chars, child in node.items():
            union[chars] = _merge([union[chars], child]) if chars in union else child
    return union


def _class(chars: frozenset[str]) -> str:
    """One regex atom accepting exactly `chars` (`\\s+` for a space)."""
    if chars == _SPACE:
        return r"\s+"
    if len(chars) == 1:
        return re.escape(next(iter(chars)))
    return "[" + "".join(sorted(re.escape(ch) for ch in chars)) + "]"


# --- Arabic number words ------------------------------------------------------------------

_AR_UNITS = {
    "واحد": 1, "واحده": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10, "احد": 1, "احدي": 1,
}
_AR_TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
_AR_HUNDREDS = {"مائه": 100, "مئه": 100, "مائتان": 200, "مائتين": 200, "مئتان": 200, "مئتين": 200}
for _stem, _n in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8),
                  ("ثماني", 8), ("تسع", 9)):
    _AR_HUNDREDS[_stem + "مائه"] = _n * 100
    _AR_HUNDREDS[_stem + "مئه"] = _n * 100
_AR_MULT = {
    "الف": 1000, "الفا": 1000, "الاف": 1000, "الفان": 2000, "الفين": 2000,
    "مليون": 1e6, "ملايين": 1e6, "مليونا": 1e6, "مليونان": 2e6, "مليونين": 2e6,
    "مليار": 1e9, "الفي": 2000, "مليوني": 2e6, "ملياري": 2e9, "مليارات": 1e9, "مليارا": 1e9,
    "ملياران": 2e9, "مليارين": 2e9,
    "بليون": 1e9, "تريليون": 1e12,
}
_AR_DUAL_MULT = {"الفان", "الفين", "الفي", "مليونان", "مليونين", "مليوني", "ملياران", "مليارين",
                 "ملياري"}
_AR_FRACTIONS = {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3, "ثلثي": 2 / 3, "ثلثا": 2 / 3}

AR_WORD_VALUES: dict[str, float] = {**_AR_UNITS, **_AR_TENS, **_AR_HUNDREDS}
AR_MULTIPLIERS: dict[str, float] = dict(_AR_MULT)
AR_FRACTIONS: dict[str, float] = dict(_AR_FRACTIONS)

# Words that cannot stand for a number on their own: "احد" (Sunday / one of), "واحد(ة)"
# ("one of"), "الاثنين" (Monday), plural multipliers ("آلاف" = thousands, vague), bare "عشر".
_AR_NOT_ALONE = {"احد", "احدي", "واحد", "واحده", "اثنا", "اثني", "اثنتا", "اثنتي", "عشر",
                 "الاف", "ملايين", "مليارات"}

_WEEKDAY_NAMES = {"الاثنين", "الاثنان", "والاثنين"}  # Monday, or "the two" (the pair)
_AR_NUMBER_WORD = variants_pattern(list(AR_WORD_VALUES) + list(AR_MULTIPLIERS))
_AR_PREFIX = "(?:[وب])?(?:ال)?"
# One number word, or several joined by spaces and "و" ("خمسة وعشرين", "ثلاثة آلاف").
AR_WORDS_NUMBER = (
    f"(?<!\\w){_AR_PREFIX}{_AR_NUMBER_WORD}{WORD_END}"
    f"(?:\\s+(?:و\\s?)?(?:ال)?{_AR_NUMBER_WORD}{WORD_END})*"
)
AR_FRACTION_NUMBER = (
    f"(?<!\\w){variants_pattern(list(AR_FRACTIONS))}{WORD_END}"
    f"\\s+{variants_pattern(list(AR_MULTIPLIERS))}{WORD_END}"
)

_AR_TOKEN = re.compile(r"[^\sو]\S*|و(?=\S)\S*")


def _strip_prefixes(word: str) -> str:
    """Drop a conjunction/preposition and the article from a folded number word."""
    for prefix in ("وال", "بال", "ال", "و", "ب"):
        if word.startswith(prefix) and word[len(prefix):] in _ALL_AR:
            return word[len(prefix):]
    return word


_ALL_AR: dict[str, float] = {**AR_WORD_VALUES, **AR_MULTIPLIERS, **AR_FRACTIONS}


def parse_arabic_words(text: str) -> float | None:
    """Value of an Arabic number-word phrase, or None when it cannot stand for a number.

    Teens ("ثلاثة عشر") add the unit and ten; "و" joins parts; a multiplier multiplies what
    precedes it (or 1, or 2 for its dual form) and closes that group.
    """
    raw = [fold(w) for w in text.split() if fold(w) not in ("و", "")]
    words = [_strip_prefixes(w) for w in raw]
    if len(words) == 1 and (words[0] in _AR_NOT_ALONE or raw[0] in _WEEKDAY_NAMES):
        return None
    total = 0.0
    current = 0.0
    for word in words:
        if word in AR_MULTIPLIERS:
            mult = AR_MULTIPLIERS[word]
            base = current if current else 1.0
            if current and word in _AR_DUAL_MULT:
                return None  # "ثلاثة ألفين" is not a number
            total += base * mult
            current = 0.0
        elif word in AR_FRACTIONS:
            current += AR_FRACTIONS[word]
        elif word in AR_WORD_VALUES:
            current += AR_WORD_VALUES[word]
        else:
            return None
    value = total + current
    return value if value > 0 else None


# --- English number words -----------------------------------------------------------------

EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}
EN_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9,
                  "trillion": 1e12}
_EN_SMALL = "(?:" + literal_pattern([*EN_UNITS, *EN_TENS]) + ")"
_EN_MULT = "(?:" + literal_pattern(EN_MULTIPLIERS) + ")"
_EN_PART = f"(?:{_EN_SMALL}(?:-{_EN_SMALL})?|{_EN_MULT})"
EN_WORDS_NUMBER = (
    f"(?i:(?<![\\w-])(?:(?:a|one)\\s+dozen|dozen|(?:a|one|an)\\s+(?:half|quarter)\\s+(?:of\\s+)?an?\\s+"
    f"{_EN_MULT}|half\\s+a\\s+{_EN_MULT}|a\\s+{_EN_MULT}(?:\\s+(?:and\\s+)?{_EN_PART})*|"
    f"{_EN_PART}(?:\\s+(?:and\\s+)?{_EN_PART})*)(?![\\w-]))"
)
_EN_FRACTION = {"half": 0.5, "quarter": 0.25}


def parse_english_words(text: str) -> float | None:
    """Value of an English number-word phrase ("thirty-five", "a dozen", "half a million")."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("and", "of", "")]
    if words[-1] == "dozen":
        return 12.0
    total = 0.0
    current = 0.0
    for word in words:
        if word in ("a", "an"):
            current = current or 1.0
        elif word in _EN_FRACTION:
            current = _EN_FRACTION[word]
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in EN_MULTIPLIERS:
            total += (current or 1.0) * EN_MULTIPLIERS[word]
            current = 0.0
        elif word in EN_UNITS:
            current += EN_UNITS[word]
        elif word in EN_TENS:
            current += EN_TENS[word]
        else:
            return None
    value = total + current
    return value if value > 0 else None


# --- Digit multipliers ("740 مليون", "$5bn", "3.2 million") ---------------------------------

DIGIT_MULTIPLIERS: dict[str, float] = {
    **AR_MULTIPLIERS, "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
    "billions": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3, "tn": 1e12,
}
_DIGIT_MULT_AR = variants_pattern(list(AR_MULTIPLIERS))
DIGIT_MULTIPLIER = (
    f"(?:{_DIGIT_MULT_AR}{WORD_END}|(?i:thousand|millions?|billions?|trillion)(?!\\w)"
    f"|(?:bn|mn|m|k|tn)(?![\\w\u0600-\u06ff]))"
)


def multiplier_value(word: str) -> float:
    """Factor of a multiplier word as matched by DIGIT_MULTIPLIER."""
    key = fold(word)
    return DIGIT_MULTIPLIERS.get(key, DIGIT_MULTIPLIERS.get(key.lower(), 1.0))


NUMBER_WORD_FRACTION_SUFFIX = f"\\s+و\\s?{variants_pattern(['نصف', 'ربع'])}{WORD_END}"
EN_FRACTION_SUFFIX = r"\s+and\s+a\s+(?:half|quarter)(?!\w)"


def fraction_suffix_value(text: str) -> float:
    """0.5 or 0.25 for a trailing "ونصف" / "and a half" / "وربع" / "and a quarter"."""
    folded = fold(text)
    return 0.25 if ("ربع" in folded or "quarter" in folded) else 0.5


_DIGITS_ONLY = re.compile(DIGITS_NUMBER)
_ASCII_LETTER = re.compile("[a-zA-Z]")


def parse_number(text: str) -> float | None:
    """Value of one number fragment: digits, Arabic words or English words."""
    stripped = text.strip()
    if _DIGITS_ONLY.fullmatch(stripped):
        return parse_digits(stripped)
    if _ASCII_LETTER.search(stripped):
        return parse_english_words(stripped)
    return parse_arabic_words(stripped)
