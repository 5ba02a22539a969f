"""Units of measure, the dimension each belongs to, and its factor to the canonical unit.

One canonical unit per dimension, so that any two values of one kind compare directly:
length "km", area "km2", weight "kg", percent "%", duration "day" (a year is 365.25 days,
a month 30.4375), age "year", money the ISO currency code (no exchange rates: dollars and
euros never compare), count "item" (None in the Value). Words are listed in their folded
form (see numbers.fold) and matched in every spelling variant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.claims import Kind
from verify.extract.numbers import WORD_END, fold, variants_pattern


@dataclass(frozen=True, slots=True)
class Unit:
    """What a unit word measures and how to convert it to the canonical unit."""

    kind: Kind
    unit: str
    factor: float
    currency: str | None = None


YEAR_DAYS = 365.25
MONTH_DAYS = YEAR_DAYS / 12

_KM = Unit(Kind.LENGTH, "km", 1.0)
_M = Unit(Kind.LENGTH, "km", 0.001)
_CM = Unit(Kind.LENGTH, "km", 0.00001)
_MILE = Unit(Kind.LENGTH, "km", 1.609344)
_KM2 = Unit(Kind.AREA, "km2", 1.0)
_HECTARE = Unit(Kind.AREA, "km2", 0.01)
_DUNAM = Unit(Kind.AREA, "km2", 0.001)
_ACRE = Unit(Kind.AREA, "km2", 0.00404686)
_FEDDAN = Unit(Kind.AREA, "km2", 0.0042)
_SQMI = Unit(Kind.AREA, "km2", 2.589988)
_M2 = Unit(Kind.AREA, "km2", 1e-6)
_KG = Unit(Kind.WEIGHT, "kg", 1.0)
_TON = Unit(Kind.WEIGHT, "kg", 1000.0)
_GRAM = Unit(Kind.WEIGHT, "kg", 0.001)
_PERCENT = Unit(Kind.PERCENT, "%", 1.0)
_YEAR = Unit(Kind.DURATION, "day", YEAR_DAYS)
_DECADE = Unit(Kind.DURATION, "day", YEAR_DAYS * 10)
_CENTURY = Unit(Kind.DURATION, "day", YEAR_DAYS * 100)
_MONTH = Unit(Kind.DURATION, "day", MONTH_DAYS)
_WEEK = Unit(Kind.DURATION, "day", 7.0)
_DAY = Unit(Kind.DURATION, "day", 1.0)
_HOUR = Unit(Kind.DURATION, "day", 1 / 24)
_MINUTE = Unit(Kind.DURATION, "day", 1 / 1440)


def _money(code: str) -> Unit:
    return Unit(Kind.MONEY, code, 1.0, code)


# Arabic unit words, folded. A dual form carries its own count (see DUALS).
AR_UNITS: dict[str, Unit] = {
    **{w: _KM for w in ("كيلومتر", "كيلومترا", "كيلومترات", "كيلو متر", "كيلو مترا",
                        "كيلو مترات", "كلم", "كم")},
    **{w: _M for w in ("متر", "مترا", "امتار")},
    **{w: _CM for w in ("سنتيمتر", "سنتيمترا", "سنتيمترات", "سم")},
    **{w: _MILE for w in ("ميل", "ميلا", "اميال")},
    **{w: _KM2 for w in ("كيلومتر مربع", "كيلومترا مربعا", "كيلومترات مربعه", "كم مربع",
                         "كم2", "كلم مربع", "كم²", "كلم²")},
    **{w: _M2 for w in ("متر مربع", "مترا مربعا", "امتار مربعه")},
    **{w: _HECTARE for w in ("هكتار", "هكتارا", "هكتارات")},
    **{w: _DUNAM for w in ("دونم", "دونما", "دونمات")},
    **{w: _FEDDAN for w in ("فدان", "فدانا", "افدنه")},
    **{w: _KG for w in ("كيلوغرام", "كيلوغراما", "كيلوغرامات", "كيلوجرام", "كيلوجراما",
                        "كيلوجرامات", "كغ", "كلغ", "كجم")},
    **{w: _TON for w in ("طن", "طنا", "اطنان")},
    **{w: _GRAM for w in ("غرام", "غراما", "غرامات", "جرام", "جراما", "جرامات")},
    **{w: _PERCENT for w in ("في المائه", "في المئه", "بالمائه", "بالمئه", "%", "٪")},
    **{w: _YEAR for w in ("عام", "عاما", "اعوام", "سنه", "سنوات", "سنين", "عامًا")},
    **{w: _DECADE for w in ("عقد", "عقود")},
    **{w: _CENTURY for w in ("قرن", "قرون")},
    **{w: _MONTH for w in ("شهر", "شهرا", "اشهر", "شهور")},
    **{w: _WEEK for w in ("اسبوع", "اسبوعا", "اسابيع")},
    **{w: _DAY for w in ("يوم", "يوما", "ايام")},
    **{w: _HOUR for w in ("ساعه", "ساعات")},
    **{w: _MINUTE for w in ("دقيقه", "دقائق")},
    **{w: _money("USD") for w in ("دولار", "دولارا", "دولارات", "دولار امريكي",
                                   "دولار اميركي", "دولارا امريكيا", "دولارا اميركيا")},
    **{w: _money("EUR") for w in ("يورو",)},
    **{w: _money("GBP") for w in ("جنيه استرليني", "جنيها استرلينيا", "جنيهات استرلينيه")},
    **{w: _money("EGP") for w in ("جنيه", "جنيها", "جنيهات", "جنيه مصري", "جنيها مصريا")},
    **{w: _money("ILS") for w in ("شيكل", "شيكلا", "شيكلات", "شيقل", "شيقلا", "شواكل")},
    **{w: _money("AZN") for w in ("مانات",)},
    **{w: _money("SAR") for w in ("ريال سعودي", "ريالا سعوديا", "ريالات سعوديه")},
    **{w: _money("QAR") for w in ("ريال قطري", "ريالا قطريا")},
    **{w: _money("IRR") for w in ("ريال ايراني", "ريالا ايرانيا", "تومان")},
    **{w: _money("AED") for w in ("درهم اماراتي", "درهم", "دراهم", "درهما")},
    **{w: _money("KWD") for w in ("دينار كويتي", "دينارا كويتيا")},
    **{w: _money("JOD") for w in ("دينار اردني", "دينارا اردنيا")},
    **{w: _money("IQD") for w in ("دينار عراقي", "دينارا عراقيا")},
    **{w: _money("TRY") for w in ("ليره تركيه", "ليرات تركيه")},
    **{w: _money("LBP") for w in ("ليره لبنانيه", "ليرات لبنانيه")},
    **{w: _money("RUB") for w in ("روبل", "روبلا", "روبلات")},
    **{w: _money("CNY") for w in ("يوان",)},
}

# Dual nouns state their own count: "يومين" is 2 days, "اتصالين" 2 calls.
DUALS: dict[str, Unit | None] = {
    **{w: _YEAR for w in ("عامين", "عامان", "سنتين", "سنتان")},
    **{w: _MONTH for w in ("شهرين", "شهران")},
    **{w: _WEEK for w in ("اسبوعين", "اسبوعان")},
    **{w: _DAY for w in ("يومين", "يومان")},
    **{w: _HOUR for w in ("ساعتين", "ساعتان")},
    **{w: _DECADE for w in ("عقدين", "عقدان")},
    **{w: _CENTURY for w in ("قرنين", "قرنان")},
    **{w: _KM for w in ("كيلومترين",)},
    **{w: _money("USD") for w in ("دولارين",)},
    **{w: None for w in ("اتصالين", "اتصالان", "مرتين", "مرتان", "شخصين", "طفلين",
                         "جنديين", "هجومين", "زيارتين", "لقاءين", "اجتماعين", "صاروخين",
                         "قتيلين", "مصابين", "سفيرين", "وزيرين", "طائرتين", "سفينتين")},
}

EN_UNITS: dict[str, Unit] = {
    **{w: _KM for w in ("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers")},
    **{w: _M for w in ("metre", "metres", "meter", "meters")},
    **{w: _CM for w in ("cm", "centimetres", "centimeters")},
    **{w: _MILE for w in ("mile", "miles")},
    **{w: _KM2 for w in ("km2", "km²", "sq km", "square kilometres", "square kilometers",
                         "square kilometre", "square kilometer")},
    **{w: _SQMI for w in ("square miles", "square mile", "sq mi")},
    **{w: _M2 for w in ("square metres", "square meters", "m2", "m²")},
    **{w: _HECTARE for w in ("hectare", "hectares", "ha")},
    **{w: _ACRE for w in ("acre", "acres")},
    **{w: _KG for w in ("kg", "kgs", "kilogram", "kilograms", "kilogrammes")},
    **{w: _TON for w in ("ton", "tons", "tonne", "tonnes", "metric tons")},
    **{w: _GRAM for w in ("gram", "grams", "g")},
    **{w: _PERCENT for w in ("percent", "per cent", "pc")},
    **{w: _YEAR for w in ("year", "years")},
    **{w: _DECADE for w in ("decade", "decades")},
    **{w: _CENTURY for w in ("century", "centuries")},
    **{w: _MONTH for w in ("month", "months")},
    **{w: _WEEK for w in ("week", "weeks")},
    **{w: _DAY for w in ("day", "days")},
    **{w: _HOUR for w in ("hour", "hours")},
    **{w: _MINUTE for w in ("minute", "minutes")},
    **{w: _money("USD") for w in ("dollar", "dollars", "usd", "us dollars")},
    **{w: _money("EUR") for w in ("euro", "euros", "eur")},
    **{w: _money("GBP") for w in ("pound", "pounds", "gbp", "pounds sterling")},
    **{w: _money("ILS") for w in ("shekel", "shekels", "ils", "nis")},
    **{w: _money("AZN") for w in ("manat", "manats", "azn")},
    **{w: _money("SAR") for w in ("riyal", "riyals", "sar")},
    **{w: _money("IRR") for w in ("rial", "rials", "irr")},
    **{w: _money("RUB") for w in ("rouble", "roubles", "ruble", "rubles", "rub")},
    **{w: _money("TRY") for w in ("lira", "liras", "try")},
}

# Currency symbols and codes written before the figure ("$740 million", "US$ 5bn", "€3").
PREFIX_CURRENCIES: dict[str, Unit] = {
    "$": _money("USD"), "us$": _money("USD"), "usd": _money("USD"), "€": _money("EUR"),
    "eur": _money("EUR"), "£": _money("GBP"), "gbp": _money("GBP"), "₪": _money("ILS"),
    "nis": _money("ILS"), "ils": _money("ILS"), "₼": _money("AZN"), "azn": _money("AZN"),
}
SUFFIX_SYMBOLS: dict[str, Unit] = {"%": _PERCENT, "٪": _PERCENT, "$": _money("USD"),
                                   "€": _money("EUR")}

_EN_SORTED = sorted(EN_UNITS, key=len, reverse=True)
EN_UNIT_PATTERN = (
    "(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _EN_SORTED) + r")(?![\w²])"
)
AR_UNIT_PATTERN = (
    variants_pattern([w for w in AR_UNITS if w not in ("%", "٪")]).replace(" ", r"\s+")
    + WORD_END
)
DUAL_PATTERN = "(?<!\\w)(?:ال)?" + variants_pattern(list(DUALS)) + WORD_END
SYMBOL_PATTERN = "[%\u066a]"
# ASCII-only case folding: Unicode folding would let "ıls" or "uſd" match a code the table
# does not hold.
PREFIX_CURRENCY_PATTERN = r"(?:(?ai:US\$|USD|EUR|GBP|NIS|ILS|AZN)\s?|[$€£₪₼]\s?)"


def lookup_unit(words: str) -> Unit | None:
    """The unit a matched unit phrase names, in either language."""
    key = " ".join(fold(words).split())
    if key.startswith("ال") and key[2:] in AR_UNITS:
        key = key[2:]
    return AR_UNITS.get(key) or EN_UNITS.get(key) or SUFFIX_SYMBOLS.get(key)


def lookup_dual(word: str) -> tuple[bool, Unit | None]:
    """(is it a known dual, its unit or None for a counted noun) for a dual noun."""
    key = fold(word)
    if key.startswith("ال"):
        key = key[2:]
    return (key in DUALS, DUALS.get(key))


def lookup_prefix_currency(symbol: str) -> Unit:
    """The currency a symbol or code written before the figure names."""
    return PREFIX_CURRENCIES[symbol.strip().lower()]
