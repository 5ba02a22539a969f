"""Find every checkable value in a stretch of text: `find_values`.

Each value is an interval in its dimension's canonical unit (see units.py and dates.py) and
a qualifier. Interval rules, applied here once so that `compare` only intersects intervals:
- exact → [x, x];
- about (نحو، حوالي، قرابة، about, nearly ...) → [0.9·x, 1.1·x]: ±10 %, because round
  figures hedged with "about" are routinely 5–10 % off and a narrower band raises false
  conflicts;
- more-than → [x, None]; at-least → [x, None] (the qualifier keeps the strictness);
- less-than → [0, x]; at-most → [0, x] (every quantity here is non-negative);
- range → [a, b].
What is NOT extracted, because a false value makes a false contradiction: digits glued to a
name ("i24", "G20"), times of day, phone-like digit runs, numbers after "رقم / article /
section / page", and bare numbers that neither carry a unit, count a noun nor are hedged.
Hand-written because no library reads Arabic qualifiers, number words and units together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from verify.claims import Kind, Qualifier, Value
from verify.extract import numbers as nb
from verify.extract import units as un
from verify.extract.dates import find_dates, introduced_year
from verify.extract.gates import Gate, Window, english_heads, heads, key_words, starting
from verify.text.normalize import is_stopword

_V = nb.variants_pattern


def _alts(words: list[str]) -> str:
    return _V(words).replace(" ", r"\s+")


# --- Qualifiers ----------------------------------------------------------------------------

_AR_QUALIFIERS: dict[str, Qualifier] = {
    **{w: Qualifier.ABOUT for w in ("نحو", "حوالي", "حوالى", "قرابه", "زهاء", "ما يقارب",
                                    "يقارب", "ما يقرب من", "ما يناهز", "يناهز", "تقريبا")},
    **{w: Qualifier.MORE_THAN for w in ("اكثر من", "ما يزيد علي", "ما يزيد عن", "يزيد علي",
                                        "يزيد عن", "ازيد من", "ما يربو علي", "يربو علي",
                                        "ما يفوق", "يفوق", "فوق")},
    **{w: Qualifier.AT_LEAST for w in ("ما لا يقل عن", "لا يقل عن", "علي الاقل")},
    **{w: Qualifier.LESS_THAN for w in ("اقل من", "ما دون", "دون", "ما يقل عن", "يقل عن")},
    **{w: Qualifier.AT_MOST for w in ("علي الاكثر", "لا يزيد عن", "لا يزيد علي",
                                      "ما لا يزيد عن", "ما لا يزيد علي", "لا يتجاوز",
                                      "بحد اقصي")},
    **{w: Qualifier.RANGE for w in ("بين", "ما بين", "من")},
}
_EN_QUALIFIERS: dict[str, Qualifier] = {
    **{w: Qualifier.ABOUT for w in ("about", "around", "nearly", "some", "roughly",
                                    "approximately", "almost", "close to", "an estimated",
                                    "approx.", "circa")},
    **{w: Qualifier.MORE_THAN for w in ("more than", "over", "exceeded", "exceeding", "above",
                                        "upwards of", "in excess of", "topped", "surpassed")},
    **{w: Qualifier.AT_LEAST for w in ("at least", "no fewer than", "no less than",
                                       "a minimum of")},
    **{w: Qualifier.LESS_THAN for w in ("less than", "under", "fewer than", "below",
                                        "just under")},
    **{w: Qualifier.AT_MOST for w in ("at most", "up to", "no more than", "a maximum of")},
    **{w: Qualifier.RANGE for w in ("between", "from")},
}
_SUFFIX_QUALIFIERS: dict[str, Qualifier] = {
    "علي الاقل": Qualifier.AT_LEAST, "او اكثر": Qualifier.AT_LEAST, "فاكثر": Qualifier.AT_LEAST,
    "فما فوق": Qualifier.AT_LEAST, "علي الاكثر": Qualifier.AT_MOST, "او اقل": Qualifier.AT_MOST,
    "فاقل": Qualifier.AT_MOST, "تقريبا": Qualifier.ABOUT, "at least": Qualifier.AT_LEAST,
    "or more": Qualifier.AT_LEAST, "or so": Qualifier.ABOUT, "or less": Qualifier.AT_MOST,
    "at most": Qualifier.AT_MOST, "approximately": Qualifier.ABOUT, "roughly": Qualifier.ABOUT,
}
# A verb of exceeding may have one word between it and the figure ("تجاوزت مبيعاتها 740").
_EXCEED_VERBS = ("تجاوز", "تتجاوز", "يتجاوز", "تخط", "فاق", "يفوق", "تفوق")  # as _AR_EXCEED spells them
_AR_EXCEED = (r"(?:(?:[أا]?لا|لن|لم)\s+)?(?:[وف]?(?:[تي]?تجاوز|تخط|فاق|يفوق|تفوق)[\u0621-\u064a]{0,3})"
              r"(?:\s+(?![\d\u0660-\u0669])[\u0621-\u064a]+){0,2}?(?:\s+من)?")
_NEGATION = ("لا ", "الا ", "لن ", "لم ")

_AR_QUAL = "(?:[وفب]?" + _alts([k for k, q in _AR_QUALIFIERS.items() if q is not Qualifier.RANGE]) + ")"
_EN_QUAL = "(?i:" + nb.literal_pattern(
    k for k, q in _EN_QUALIFIERS.items() if q is not Qualifier.RANGE) + r")(?!\w)"
_QUAL = f"(?P<qual>(?<!\\w)(?:{_AR_QUAL}|{_EN_QUAL}|{_AR_EXCEED})\\s*)?"
_SUFFIX_QUAL = (
    "(?P<squal>\\s*(?:" + _alts([k for k in _SUFFIX_QUALIFIERS if k.isascii() is False])
    + "|(?i:" + "|".join(re.escape(k).replace(r"\ ", r"\s+")
                         for k in _SUFFIX_QUALIFIERS if k.isascii()) + "))(?!\\w))?"
)

# --- Numbers, units, counted nouns --------------------------------------------------------

_NUM_DIGITS = f"{nb.NUMBER_START}{nb.DIGITS_NUMBER}(?!:{nb.DIGIT})"
_NUMBER = (
    f"(?:{_NUM_DIGITS}(?:\\s*{nb.DIGIT_MULTIPLIER})?"
    f"|{nb.AR_FRACTION_NUMBER}|{nb.AR_WORDS_NUMBER}|{nb.EN_WORDS_NUMBER})"
    f"(?:{nb.NUMBER_WORD_FRACTION_SUFFIX}|{nb.EN_FRACTION_SUFFIX})?"
)
# Arabic particles and pronouns that never name what a number counts.
_NOT_NOUNS_AR = _V(
    ["من", "في", "الي", "علي", "عن", "او", "ثم", "مع", "حتي", "منذ", "بين", "قد", "كان", "هو", "هي", "التي",
     "الذي"]
)
_UNIT = (
    f"(?:\\s*(?P<sym>{un.SYMBOL_PATTERN})|\\s*(?P<unit>{un.AR_UNIT_PATTERN}|{un.EN_UNIT_PATTERN})"
    f"(?!\\s*{nb.DIGIT}{{4}})"
    f"(?P<ufrac>{nb.NUMBER_WORD_FRACTION_SUFFIX}|{nb.EN_FRACTION_SUFFIX})?"
    f"|\\s+(?P<noun>(?!{nb.AR_WORDS_NUMBER}|{nb.EN_WORDS_NUMBER})(?!{_NOT_NOUNS_AR}{nb.WORD_END})"
    f"[\u0621-\u064a]{{2,}}[\u064b-\u0652\u0640]*"
    f"|(?i:(?!(?:of|in|to|and|or|the|a|an|from|on|at|by|for|with|as|is|was|were|are|per|than|that"
    f"|which|who|after|before|since|until)\\b)[a-z]{{2,}}))(?!\\w)(?!\\s*{nb.DIGIT}{{4}}))?"
)
# Where a match can begin. A qualifier, number word, age cue, dual noun or Arabic ordinal
# starts a word; otherwise a match starts with a digit or a currency sign or code.
NUMBER_STARTS = f"(?<!\\w)\\w|{nb.DIGIT}|[$€£₪₼]|(?i:us\\$|usd|eur|gbp|nis|ils|azn)"
WORD_STARTS = "(?<!\\w)\\w"
# A single value starts with a digit, a currency sign or code, or a qualifier or number
# word, written in one of the ways below (clitic and article included), whose first letters
# the start test asks for: the engine then tries the whole pattern at few of a sentence's
# words instead of at each.
_AR_HEADS = [
    *(clitic + word for word, qualifier in _AR_QUALIFIERS.items()
      if qualifier is not Qualifier.RANGE for clitic in ("", "و", "ف", "ب")),
    *_NEGATION,
    *(clitic + verb for verb in _EXCEED_VERBS for clitic in ("", "و", "ف")),
    *nb.AR_FRACTIONS,
    *(clitic + article + word for word in [*nb.AR_WORD_VALUES, *nb.AR_MULTIPLIERS]
      for clitic in ("", "و", "ب") for article in ("", "ال")),
]
_EN_HEADS = [
    *(word for word, qualifier in _EN_QUALIFIERS.items() if qualifier is not Qualifier.RANGE),
    *(f"{article} {word}" for article in ("a", "an", "one")
      for word in ("dozen", "half", "quarter", *nb.EN_MULTIPLIERS)),
    "dozen", "half", *nb.EN_UNITS, *nb.EN_TENS, *nb.EN_MULTIPLIERS,
]
# The currency codes' first letters in every case IGNORECASE matches (İ and ı are i's).
SINGLE_STARTS = (
    f"{nb.DIGIT}|[$€£₪₼]|(?=[uUeEgGnNiIİıaA])(?i:us\\$|usd|eur|gbp|nis|ils|azn)"
    f"|(?<!\\w)(?:{heads(_AR_HEADS)}|{english_heads(_EN_HEADS)})"
)
SINGLE_RE = starting(
    SINGLE_STARTS,
    f"{_QUAL}(?P<cur>{un.PREFIX_CURRENCY_PATTERN})?(?P<num>{_NUMBER}){_UNIT}{_SUFFIX_QUAL}"
)
# A range's second half, from its separator on: every range holds it.
_RANGE_TAIL = (
    f"(?P<sep>[-–—]|(?<=\\s)(?:و|[اإ]لى|حتى|(?i:and|to))\\s*)\\s*(?P<cur2>{un.PREFIX_CURRENCY_PATTERN})?"
    f"(?P<num2>{_NUMBER})"
)
RANGE_RE = starting(
    NUMBER_STARTS,
    f"(?P<qual>(?<!\\w)(?:{_alts(['بين', 'ما بين', 'من'])}|(?i:between|from))\\s+)?"
    f"(?P<cur>{un.PREFIX_CURRENCY_PATTERN})?(?P<num>{_NUMBER})(?:\\s*(?P<u1>{un.SYMBOL_PATTERN}))?"
    f"\\s*{_RANGE_TAIL}{_UNIT}"
)
DUAL_RE = starting(
    WORD_STARTS,
    f"{_QUAL}(?P<dual>{un.DUAL_PATTERN})(?P<frac>{nb.NUMBER_WORD_FRACTION_SUFFIX})?"
)
# A singular time noun stands for one unit after a time preposition, or with "ونصف".
_TIME_NOUNS = ["عام", "سنه", "شهر", "اسبوع", "يوم", "ساعه", "عقد"]
SINGULAR_STARTS = heads(_TIME_NOUNS)  # both branches open with the time noun
SINGULAR_RE = starting(
    SINGULAR_STARTS,
    f"(?:(?<=بعد )|(?<=قبل )|(?<=منذ )|(?<=خلال )|(?<=لمدة ))(?P<unit>{_V(_TIME_NOUNS)}){nb.WORD_END}"
    f"(?P<frac>{nb.NUMBER_WORD_FRACTION_SUFFIX})?"
    f"|(?<!\\w)(?P<unit2>{_V(['عام', 'سنه', 'شهر', 'ساعه', 'يوم'])}){nb.WORD_END}"
    f"(?P<frac2>{nb.NUMBER_WORD_FRACTION_SUFFIX})"
)
# A definite plural time noun followed by a definite number word: "السنوات السبع الماضية".
_PLURAL_TIME_NOUNS = ["سنوات", "اعوام", "اشهر", "شهور", "اسابيع", "ايام", "ساعات", "عقود"]
POSTPOSED_RE = re.compile(
    f"(?<!\\w)(?:[وب])?ال(?P<unit>{_V(_PLURAL_TIME_NOUNS)})"
    f"\\s+(?P<num>ال{_V(list(nb.AR_WORD_VALUES))}{nb.WORD_END})"
)
_AGE_CUES = _alts(["عمره", "عمرها", "البالغ من العمر", "البالغه من العمر", "يبلغ من العمر", "تبلغ من العمر",
                   "عن عمر يناهز", "عن عمر"])
AGE_RE = starting(
    NUMBER_STARTS,
    f"(?P<cue>(?<!\\w)[وف]?(?:{_AGE_CUES}"
    f"|(?i:aged|age))\\s+)(?P<num>{_NUM_DIGITS}|{nb.AR_WORDS_NUMBER}|{nb.EN_WORDS_NUMBER})"
    f"(?:\\s*(?:{_V(['عاما', 'عام', 'سنه', 'سنوات', 'اعوام'])}{nb.WORD_END}|(?i:years?(?:\\s+old)?)(?!\\w)))?"
    f"|(?P<num2>{_NUM_DIGITS}|{nb.EN_WORDS_NUMBER})-year-old(?!\\w)"
)
_AR_ORDINALS = {"اول": 1, "اولي": 1, "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3, "رابع": 4,
                "رابعه": 4, "خامس": 5, "خامسه": 5, "سادس": 6, "سادسه": 6, "سابع": 7,
                "سابعه": 7, "ثامن": 8, "ثامنه": 8, "تاسع": 9, "تاسعه": 9, "عاشر": 10,
                "عاشره": 10}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
# Ordinals: an Arabic ordinal word with its clitics, "الـ" glued to digits, an English
# ordinal (after "the") or digits with st, nd, rd or th.
ORDINAL_STARTS = (
    f"{nb.DIGIT}|{heads([*(p + w for w in _AR_ORDINALS for p in ('', 'ال', 'وال', 'بال', 'لال', 'ل')), 'الـ'])}"
    f"|{english_heads(_EN_ORDINALS)}"
)
ORDINAL_RE = starting(
    ORDINAL_STARTS,
    f"(?<!\\w)(?:[وبل]?ال|ل)?(?P<ar>{_V(list(_AR_ORDINALS))}){nb.WORD_END}(?!\\s+{_V(['امس'])})"
    f"|(?<=\\w)?ال[ـ]+\\s*(?P<num>{nb.DIGITS_NUMBER})(?!\\w)"
    f"|(?i:(?<=the\\s)(?P<en>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?!\\w))"
    f"|{nb.NUMBER_START}(?P<nth>{nb.DIGIT}+)(?:st|nd|rd|th)(?!\\w)"
)
# Numbers right after these words are labels, not quantities; an English word must start
# a word ("that 300 jobs" is no label "at").
_LABEL_BEFORE = re.compile(
    "(?:" + _alts(["رقم", "المادة", "الماده", "الفقرة", "الفقره", "البند", "الفصل", "القرار",
                   "صفحة", "صفحه", "العدد", "الساعة", "الساعه", "قناة", "قناه", "الطريق"])
    + r"|(?<![^\W\d_])(?i:no\.|number|article|section|page|chapter|resolution|room|flight|route|channel|"
      r"at|model|version|grade|level))\s*$"
)
_LONG_DIGITS = re.compile(f"{nb.DIGIT}{{7,}}")
# The rest of an English counted noun phrase: "two phone calls", "three heavy cargo planes".
# A counted word that is not plural is a modifier when a plural word follows within two
# words; a plural word after "one" would be a verb ("one man dies"), so one counts no phrase.
_EN_NOUN_REST = re.compile(r"(?:\s+(?P<mid>[A-Za-z]{2,}))?\s+(?P<head>[a-z]{2,}s)(?!\w)(?!['’])")


# --- Turning a match into a Value ---------------------------------------------------------

def _qualifier(words: str | None) -> Qualifier:
    """The qualifier a prefix phrase states; exceeding verbs mean more-than."""
    if not words:
        return Qualifier.EXACT
    key = " ".join(nb.fold(words).split())
    if key.startswith(_NEGATION):
        return Qualifier.AT_MOST  # "لا يتجاوز" / "ألا تتجاوز": not more than
    for prefix in ("", "و", "ف", "ب"):
        if key.startswith(prefix) and key[len(prefix):] in _AR_QUALIFIERS:
            return _AR_QUALIFIERS[key[len(prefix):]]
    if key in _EN_QUALIFIERS:
        return _EN_QUALIFIERS[key]
    return Qualifier.MORE_THAN


def _interval(x: float, qualifier: Qualifier) -> tuple[float | None, float | None]:
    if qualifier is Qualifier.ABOUT:
        return round(x * 0.9, 9), round(x * 1.1, 9)
    if qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return x, None
    if qualifier in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
        return 0.0, x
    return x, x


_FRACTION_END = re.compile(f"(?:{nb.NUMBER_WORD_FRACTION_SUFFIX}|{nb.EN_FRACTION_SUFFIX})$")
_LEADING_DIGITS = re.compile(f"(?:(?<=\\s)|^)[\u0648\u0628\u0644\u0641\u0640]?({nb.DIGITS_NUMBER})")
_ANY_DIGIT = re.compile(nb.DIGIT)


def _number_value(words: str) -> float | None:
    """A number fragment's value: digits with multiplier, or words, plus "ونصف"."""
    frac = _FRACTION_END.search(words)
    core = words[: frac.start()] if frac else words
    digits = _LEADING_DIGITS.match(core.strip())
    if digits:
        value = nb.parse_digits(digits.group(1))
        rest = core.strip()[digits.end():].strip()
        mult = nb.multiplier_value(rest) if rest else 1.0
    else:
        parsed = nb.parse_number(core)
        if parsed is None:
            return None
        value, mult = parsed, 1.0
    if frac:
        return (value + nb.fraction_suffix_value(frac.group(0))) * mult if mult != 1.0 else (
            value + nb.fraction_suffix_value(frac.group(0)))
    return value * mult


def _is_label(text: str, start: int) -> bool:
    return _LABEL_BEFORE.search(text, max(0, start - 16), start) is not None


def _unit_of(m: re.Match[str]) -> tuple[un.Unit | None, bool]:
    """(unit, has a counted noun) for a quantity match; the currency prefix wins."""
    if m["cur"]:
        return un.lookup_prefix_currency(m["cur"]), False
    if m["sym"]:
        return un.lookup_unit(m["sym"]), False
    if m["unit"]:
        return un.lookup_unit(m["unit"]), False
    return None, m["noun"] is not None


def _quantity(kind: Kind, unit: str | None, start: int, end: int, low: float | None,
              high: float | None, qualifier: Qualifier, currency: str | None) -> Value:
    return Value(kind, start, end, low, high, unit, qualifier, True, currency)


def _single(m: re.Match[str], text: str) -> Value | None:
    number = m["num"]
    if _LONG_DIGITS.search(number) or _is_label(text, m.start("num")):
        return None
    if m.start("num") == m.start() and introduced_year(text, m.start(), number):
        return None
    value = _number_value(number)
    if value is None:
        return None
    unit, counted = _unit_of(m)
    qualifier = _qualifier(m["qual"])
    if m["squal"]:
        qualifier = _SUFFIX_QUALIFIERS[" ".join(nb.fold(m["squal"]).split())]
    if unit is None and not counted and qualifier is Qualifier.EXACT:
        return None
    if unit is None and _definite_word_number(number):
        return None
    if m["ufrac"]:
        value += nb.fraction_suffix_value(m["ufrac"])
    low, high = _interval(value * (unit.factor if unit else 1.0), qualifier)
    kind = unit.kind if unit else Kind.COUNT
    end = m.end("num") if m["cur"] and m["noun"] else m.end()  # "$5bn last": no counted noun
    if counted and not m["squal"] and value > 1:
        end = _noun_phrase_end(text, m["noun"], end)
    return _quantity(kind, unit.unit if unit else None, m.start(), end, low, high,
                     qualifier, unit.currency if unit else None)


def _noun_phrase_end(text: str, noun: str, end: int) -> int:
    """Where an English counted noun phrase that starts with `noun` (ending at `end`) ends."""
    if not noun.isascii() or noun.lower().endswith("s") or is_stopword(noun):
        return end
    rest = _EN_NOUN_REST.match(text, end)
    if rest is None or is_stopword(rest["head"]):
        return end
    mid = rest["mid"]
    if mid is not None and (is_stopword(mid) or mid.lower().endswith("s")):
        return end
    return rest.end()


def _definite_word_number(number: str) -> bool:
    """"الثلاثين" on its own is "the thirty", an epithet or ordinal, not a count."""
    first = nb.fold(number.split()[0])
    return first.startswith(("ال", "وال", "بال")) and _ANY_DIGIT.search(number) is None


def _range(m: re.Match[str], text: str) -> Value | None:
    sep = nb.fold(m["sep"]).strip().lower()
    qual = nb.fold(m["qual"] or "").strip().lower()
    if sep in ("و", "and") and qual not in ("بين", "ما بين", "between"):
        return None
    if sep in ("الي", "حتي", "to") and qual in ("بين", "ما بين", "between"):
        return None
    unit, _ = _unit_of(m)
    if unit is None or _is_label(text, m.start("num")):
        return None
    low, high = _number_value(m["num"]), _number_value(m["num2"])
    if low is None or high is None or not low < high:
        return None
    return _quantity(unit.kind, unit.unit, m.start(), m.end(), low * unit.factor,
                     high * unit.factor, Qualifier.RANGE, unit.currency)


def _dual(m: re.Match[str]) -> Value | None:
    known, unit = un.lookup_dual(m["dual"])
    if not known:
        return None
    count = 2.0 + (nb.fraction_suffix_value(m["frac"]) if m["frac"] else 0.0)
    qualifier = _qualifier(m["qual"])
    low, high = _interval(count * (unit.factor if unit else 1.0), qualifier)
    return _quantity(unit.kind if unit else Kind.COUNT, unit.unit if unit else None,
                     m.start(), m.end(), low, high, qualifier, unit.currency if unit else None)


def _singular(m: re.Match[str]) -> Value | None:
    unit = un.lookup_unit(m["unit"] or m["unit2"])
    if unit is None:
        return None
    frac = m["frac"] or m["frac2"]
    amount = (1.0 + nb.fraction_suffix_value(frac) if frac else 1.0) * unit.factor
    return _quantity(unit.kind, unit.unit, m.start(), m.end(), amount, amount,
                     Qualifier.EXACT, None)


def _postposed(m: re.Match[str]) -> Value | None:
    unit = un.lookup_unit(m["unit"] if nb.fold(m["unit"]) != "شهور" else "اشهر")
    value = nb.parse_arabic_words(m["num"])
    if unit is None or value is None:
        return None
    amount = value * unit.factor
    return _quantity(unit.kind, unit.unit, m.start(), m.end(), amount, amount,
                     Qualifier.EXACT, None)


def _age(m: re.Match[str]) -> Value | None:
    number = m["num"] or m["num2"]
    value = _number_value(number)
    if value is None or not 0 < value < 130:
        return None
    return _quantity(Kind.AGE, "year", m.start(), m.end(), value, value, Qualifier.EXACT, None)


def _ordinal(m: re.Match[str]) -> Value | None:
    if m["ar"]:
        n: float = _AR_ORDINALS[nb.fold(m["ar"])]
    elif m["en"]:
        n = _EN_ORDINALS[m["en"].lower()]
    else:
        n = nb.parse_digits(m["num"] or m["nth"])
    return _quantity(Kind.ORDINAL, None, m.start(), m.end(), n, n, Qualifier.EXACT, None)


# What every match of each scanner contains (see gates.py). A number is digits, Arabic
# number words, or English ones, which hold a unit, a ten, a multiplier or "dozen" ("a
# dozen", "half a million"); a range also holds its second half; every
# Arabic age cue holds the word عمر, every English age "age" or "-year-old"; an ordinal
# in digits is "1st" or "الـ5"; the other key words are matched up to a word end
# (WORD_END) by their patterns.
_NUMBER_GATE = Gate.of(key_words([*nb.AR_WORD_VALUES, *nb.AR_MULTIPLIERS], ends=True), ends=True,
                       digit=True, english=tuple(sorted(key_words(
                           ["dozen", *nb.EN_UNITS, *nb.EN_TENS, *nb.EN_MULTIPLIERS]))))
# Each pass: its scanner, what turns a match into a value, whether its matches hold a
# number (the number gate, asked once per window for the two passes that need it), and
# any further gate.
_RANGE_TAIL_GATE = Gate(found=re.compile(_RANGE_TAIL))
_PASSES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], str], Value | None], bool, Gate | None],
               ...] = (
    (AGE_RE, lambda m, t: _age(m), False,
     Gate.of({"عمر"}, ends=False, english=("age", "-year-old"))),
    (RANGE_RE, _range, True, _RANGE_TAIL_GATE),
    (SINGLE_RE, _single, True, None),
    (DUAL_RE, lambda m, t: _dual(m), False, Gate.of(key_words(un.DUALS, ends=True), ends=True)),
    (POSTPOSED_RE, lambda m, t: _postposed(m), False,
     Gate.of(key_words(_PLURAL_TIME_NOUNS, ends=True), ends=True)),
    (SINGULAR_RE, lambda m, t: _singular(m), False,
     Gate.of(key_words(_TIME_NOUNS, ends=True), ends=True)),
    (ORDINAL_RE, lambda m, t: _ordinal(m), False,
     Gate.of(key_words(_AR_ORDINALS, ends=True), ends=True,
             english=tuple(_EN_ORDINALS), raw=("الـ",),
             found=re.compile(f"{nb.DIGIT}(?:st|nd|rd|th)"))),
)


def _quantities(window: Window) -> Iterator[Value]:
    number = window.opens(_NUMBER_GATE)
    for rx, build, numeric, gate in _PASSES:
        if (numeric and not number) or (gate is not None and not window.opens(gate)):
            continue
        for m in rx.finditer(window.text, window.start, window.end):
            if m.end() > m.start():
                value = build(m, window.text)
                if value is not None:
                    yield value


def _select(dates: list[Value], quantities: list[Value]) -> list[Value]:
    """Non-overlapping values, leftmost-longest first; on equal spans dates win."""
    ranked = sorted(
        [(v.start, -(v.end - v.start), 0, i, v) for i, v in enumerate(dates)]
        + [(v.start, -(v.end - v.start), 1, i, v) for i, v in enumerate(quantities)],
        key=lambda t: t[:4],
    )
    chosen: list[Value] = []
    taken_until = -1
    for _start, _neg, _prio, _i, value in ranked:
        if value.start >= taken_until:
            chosen.append(value)
            taken_until = value.end
    return chosen


def find_values(text: str, start: int = 0, end: int | None = None, *,
                published: dt.date | None = None) -> list[Value]:
    """Every value in text[start:end], offsets into the whole text, sorted, non-overlapping."""
    stop = len(text) if end is None else min(end, len(text))
    begin = max(0, start)
    if begin >= stop:
        return []
    window = Window(text, begin, stop)
    return _select(find_dates(window, published), list(_quantities(window)))
