"""Normalisation of Arabic and English words, for matching only.

The stored text is never changed: these functions produce comparison keys. Arabic news
spells one word many ways (hamza seats, ta marbuta, alef maqsura, diacritics, tatweel) and
glues clitics to it (و، ف، ب، ل، ك، ال); two mentions of one word must meet on one key.
Everything here runs once per token of every article, so the per-word work is cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

# Harakat, superscript alef and Quranic marks carry no meaning for matching.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTER_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian kaf
    }
)
# A token: letters/digits with Arabic marks and tatweel kept inside, so offsets stay exact.
# Runs of letters are taken whole and never given back (nothing follows to give them to),
# which makes tokenising a third cheaper than a loop over single characters.
TOKEN_RE = re.compile(r"[^\W_](?:[^\W_]+|[\u0610-\u061a\u064b-\u065f\u0670\u0640]+|['’](?=[^\W_]))*+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_DIGIT = re.compile(r"\d")
_NOT_WORD = re.compile(r"[^\w']")  # lowercasing may leave combining marks (İ -> i̇)

# Clitics are only stripped while at least this many letters remain: shorter words are
# mostly function words or roots whose first letter merely looks like a clitic.
_MIN_STEM = 3
_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")
_SINGLE_CLITICS = frozenset("وفبلك")
CONJUNCTIONS = "وف"  # the clitics that may come before a preposition (و, ف: and, so)

_ARABIC_STOPWORDS_WRITTEN = (
    """
    في من على الى عن ان انه انها بان لان كان كانت يكون تكون كانوا قد لقد ما لا لم لن
    هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين اللاتي هو هي هم هما هن انا نحن انت
    مع بين بعد قبل عند عندما حيث حين كل بعض غير او ام ثم كما لكن بل اذا اذ حتى منذ خلال
    وفي ومن وعلى والى وعن وان وقد وما ولا ولم وهو وهي وهذا وهذه وذلك ومع وبين وبعد وقبل وكان
    وكانت فقد فان فيه فيها منه منها عليه عليها اليه اليها له لها لهم به بها بهم عنه عنها
    ايضا اي التى ليس ليست هناك هنا الا اما ضمن نحو لدى لدي تجاه ازاء عبر دون سوى مثل
    وقال قال قالت وقالت واضاف اضاف واضافت اضافت يذكر وذكر ذكر ذكرت وذكرت اليوم امس
    يوم عام سنه العام الماضي المقبل الحالي وفقا حسب بحسب وفق نقلا حسبما
    انذاك كلا كلتا جدا فقط مجرد
    """
)
_ARABIC_STOPWORDS = frozenset(
    _DIACRITICS.sub("", word).translate(_LETTER_MAP) for word in _ARABIC_STOPWORDS_WRITTEN.split()
)
_ENGLISH_STOPWORDS = frozenset(
    """
    a an the and or but nor so yet of in on at to for from by with about as into onto over
    under than then that this these those there here is are was were be been being am do
    does did done has have had having will would shall should can could may might must not
    no it its it's he she they them their his her him we us our you your i me my who whom
    whose which what when where while why how all any both each few more most other some
    such only own same too very s t just also said says say according per via up down out
    off again further once after before during between through against among within without
    last next year years day days today yesterday since until
    """.split()
)

_AR_STEMMER = snowballstemmer.stemmer("arabic")
_EN_STEMMER = snowballstemmer.stemmer("english")


def normalize_arabic(word: str) -> str:
    """Fold the spelling variants of Arabic letters and drop marks and tatweel."""
    return _DIACRITICS.sub("", word).translate(_LETTER_MAP)


def strip_clitics(word: str) -> str:
    """Peel conjunction, preposition and article prefixes off a normalised Arabic word.

    Stripping repeats until none applies, so X, الX, والX, بالX and وبX all reach the same
    key even when X itself starts with a clitic-like letter (وزير and الوزير both give زير).
    """
    changed = True
    while changed:
        changed = False
        for article in _ARTICLES:
            if word.startswith(article) and len(word) - len(article) >= _MIN_STEM:
                word = word[len(article) :]
                changed = True
                break
        else:
            if word[:1] in _SINGLE_CLITICS and len(word) - 1 >= _MIN_STEM:
                word = word[1:]
                changed = True
    return word


@lru_cache(maxsize=1 << 16)
def clitics(word: str) -> str:
    """The clitics `match_form` peels off the front of an Arabic word ("ول" of ولدعم), after
    its letters are folded; empty for any other word."""
    if not is_arabic(word):
        return ""
    folded = normalize_arabic(word)
    return folded[: len(folded) - len(strip_clitics(folded))]


def is_arabic(word: str) -> bool:
    """Whether the word is written in Arabic script (it decides which rules apply)."""
    return _ARABIC_LETTER.search(word) is not None


@lru_cache(maxsize=1 << 18)
def match_form(word: str) -> str:
    """The key a word is matched on: Arabic letters folded and clitics peeled, Latin lowercased.

    It keeps the word otherwise whole (no stemming), which is what names need.
    """
    if is_arabic(word):
        return strip_clitics(normalize_arabic(word))
    lowered = _NOT_WORD.sub("", word.lower().replace("’", "'"))
    while lowered.endswith("'s"):
        lowered = lowered[:-2]
    return lowered


def normalize(text: str) -> str:
    """Whole-text normalisation for matching: every token replaced by its match form.

    A token of marks or tatweel alone has an empty form; it is dropped rather than left as
    a double space, so normalising twice gives what normalising once did.
    """
    return " ".join(filter(None, map(match_form, TOKEN_RE.findall(text))))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """The words of text[start:end] as (start, end, word) with offsets into the whole text.

    Built by mapping the match methods over the matches, which keeps the per-word work
    out of the interpreter loop: a whole article is tokenised for its entity mentions.
    """
    stop = len(text) if end is None else end
    found = list(TOKEN_RE.finditer(text, start, stop))
    return list(zip(map(re.Match.start, found), map(re.Match.end, found), map(re.Match.group, found),
                    strict=True))


@lru_cache(maxsize=1 << 18)
def is_stopword(word: str) -> bool:
    """Function words carry no fact, so they never tie two claims together."""
    if is_arabic(word):
        folded = normalize_arabic(word)
        return (
            folded in _ARABIC_STOPWORDS
            or strip_clitics(folded) in _ARABIC_STOPWORDS
            or (folded[:1] in _SINGLE_CLITICS and folded[1:] in _ARABIC_STOPWORDS)
        )
    return match_form(word) in _ENGLISH_STOPWORDS


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """The stem of one word, after normalisation (the Snowball stemmers are slow: cached)."""
    form = match_form(word)
    if is_arabic(word):
        return str(_AR_STEMMER.stemWord(form))
    return str(_EN_STEMMER.stemWord(form))


@lru_cache(maxsize=1 << 18)
def is_content_word(word: str) -> bool:
    """A word that can say what a claim is about: not a number, not a function word."""
    return _DIGIT.search(word) is None and len(word) > 1 and not is_stopword(word)


def content_stems(text: str) -> tuple[str, ...]:
    """The stems of the content words of a text, in order, each once (numbers excluded)."""
    return tuple(dict.fromkeys(map(stem, filter(is_content_word, TOKEN_RE.findall(text)))))
