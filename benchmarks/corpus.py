"""A seeded corpus of Arabic and English business-and-diplomacy articles with planted conflicts.

Speed alone says nothing if the matches are wrong, so every corpus carries its own answer key:
each fact (a template bound to its subjects, with one true value) is stated by one or more
articles, in either language and in one of several wordings; about one fact in twenty is
restated somewhere with a value that cannot hold together with the true one. The truth file
lists those planted pairs by document name and by the value's words and offsets, so a run can
measure precision and recall of flagged conflicts on the very corpus it timed.

Subjects are drawn from large parametrised pools (companies built from brand x sector,
cities, countries) so that distinct facts rarely share both their subjects and their words,
as in a real season of coverage; a `gazetteer.tsv` and a `lexicon.tsv` are written next to the
articles so that Arabic and English names and field words meet, the way a user extends the
packaged vocabularies. The same seed and size always give the same bytes.

    .venv/bin/python benchmarks/corpus.py --size 1000 --out /tmp/corpus-1000
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

TRUTH_FILE = "truth.json"
SHARD = 500  # articles per .jsonl file: far under the reader's per-file size limit
FILES_UP_TO = 2000  # corpora up to this size are written one article per .txt/.md file
CONFLICT_RATE = 1 / 20  # share of all facts restated somewhere with a disjoint value
# How many articles state one fact: most facts appear once, some are picked up by others.
RESTATEMENTS = ((1, 0.50), (2, 0.30), (3, 0.15), (4, 0.05))
VALUES_PER_ARTICLE = (10, 18)

# --- vocabularies -------------------------------------------------------------------------

# Invented brand names with an Arabic spelling of each; combined with sectors below.
BRANDS = [
    ("Kavir", "كافير"), ("Saffron", "زعفران"), ("Altyn", "آلتين"), ("Mirab", "ميراب"),
    ("Dunay", "دوناي"), ("Zarrin", "زرين"), ("Qalam", "قلم"), ("Sahar", "سحر"),
    ("Tamar", "تمار"), ("Orion", "أوريون"), ("Nexa", "نيكسا"), ("Borna", "بورنا"),
    ("Khazar", "خزر"), ("Lazurit", "لازوريت"), ("Merv", "مرو"), ("Gobustan", "غوبوستان"),
    ("Shirvan", "شيروان"), ("Ganja", "غانجا"), ("Karak", "كرك"), ("Nakhla", "نخلة"),
    ("Rimal", "رمال"), ("Sanabel", "سنابل"), ("Waha", "واحة"), ("Zaytun", "زيتون"),
    ("Amber", "عنبر"), ("Talas", "طلس"), ("Velora", "فيلورا"), ("Ardent", "أردنت"),
    ("Corvin", "كورفين"), ("Dalmir", "دالمير"), ("Eskan", "إسكان"), ("Farin", "فارين"),
    ("Gilan", "جيلان"), ("Harran", "حران"), ("Ilyas", "إلياس"), ("Jasmin", "ياسمين"),
    ("Kestrel", "كيستريل"), ("Lumen", "لومين"), ("Marwa", "مروة"), ("Nurlan", "نورلان"),
    ("Ostara", "أوستارا"), ("Pamir", "بامير"), ("Quartz", "كوارتز"), ("Rustam", "رستم"),
    ("Sabir", "صابر"), ("Tigran", "تيغران"), ("Ural", "أورال"), ("Vesta", "فيستا"),
    ("Yasna", "ياسنا"), ("Zenith", "زينيث"), ("Anatol", "أناتول"), ("Belkis", "بلقيس"),
    ("Cyrene", "قيرين"), ("Derin", "ديرين"), ("Elbrus", "إلبروس"), ("Fayruz", "فيروز"),
    ("Gorgan", "جرجان"), ("Hazar", "هزار"), ("Irmak", "إرماك"), ("Javid", "جاويد"),
]
SECTORS = [
    ("Energy", "للطاقة"), ("Logistics", "للنقل"), ("Steel", "للصلب"), ("Cement", "للإسمنت"),
    ("Telecom", "للاتصالات"), ("Shipping", "للملاحة"), ("Mining", "للتعدين"),
    ("Foods", "للأغذية"), ("Textiles", "للنسيج"), ("Chemicals", "للكيماويات"),
    ("Pharma", "للأدوية"), ("Motors", "للسيارات"), ("Aviation", "للطيران"),
    ("Construction", "للمقاولات"), ("Petroleum", "للبترول"), ("Water", "للمياه"),
    ("Fertilisers", "للأسمدة"), ("Glass", "للزجاج"), ("Paper", "للورق"),
    ("Electronics", "للإلكترونيات"), ("Solar", "للطاقة الشمسية"), ("Rail", "للسكك الحديدية"),
    ("Insurance", "للتأمين"), ("Tobacco", "للتبغ"), ("Dairy", "للألبان"),
]
CITIES = [
    ("Baku", "باكو"), ("Ganja", "گنجه"), ("Sumgait", "سومقاييت"), ("Ashgabat", "عشق آباد"),
    ("Turkmenbashi", "تركمنباشي"), ("Mary", "ماري"), ("Tabriz", "تبريز"), ("Mashhad", "مشهد"),
    ("Haifa", "حيفا"), ("Ashdod", "أسدود"), ("Eilat", "إيلات"), ("Istanbul", "إسطنبول"),
    ("Izmir", "إزمير"), ("Mersin", "مرسين"), ("Ceyhan", "جيهان"), ("Tbilisi", "تبليسي"),
    ("Batumi", "باتومي"), ("Poti", "بوتي"), ("Aktau", "أكتاو"), ("Almaty", "ألماتي"),
    ("Tashkent", "طشقند"), ("Samarkand", "سمرقند"), ("Bukhara", "بخارى"), ("Dushanbe", "دوشنبه"),
    ("Bishkek", "بيشكيك"), ("Yerevan", "يريفان"), ("Gyumri", "غيومري"), ("Astrakhan", "أستراخان"),
    ("Makhachkala", "محج قلعة"), ("Derbent", "دربند"), ("Odesa", "أوديسا"), ("Constanta", "كونستانتا"),
    ("Varna", "فارنا"), ("Piraeus", "بيرايوس"), ("Limassol", "ليماسول"), ("Beirut", "بيروت"),
    ("Amman", "عمان"), ("Aqaba", "العقبة"), ("Cairo", "القاهرة"), ("Alexandria", "الإسكندرية"),
    ("Port Said", "بورسعيد"), ("Jeddah", "جدة"), ("Riyadh", "الرياض"), ("Dammam", "الدمام"),
    ("Doha", "الدوحة"), ("Dubai", "دبي"), ("Abu Dhabi", "أبوظبي"), ("Muscat", "مسقط"),
    ("Kuwait City", "مدينة الكويت"), ("Basra", "البصرة"), ("Erbil", "أربيل"), ("Mosul", "الموصل"),
    ("Karachi", "كراتشي"), ("Gwadar", "جوادر"), ("Mumbai", "مومباي"), ("Chabahar", "تشابهار"),
    ("Bandar Abbas", "بندر عباس"), ("Rasht", "رشت"), ("Trabzon", "طرابزون"), ("Samsun", "سامسون"),
]
COUNTRIES = [
    ("Georgia", "جورجيا"), ("Kazakhstan", "كازاخستان"), ("Uzbekistan", "أوزبكستان"),
    ("Kyrgyzstan", "قيرغيزستان"), ("Tajikistan", "طاجيكستان"), ("Pakistan", "باكستان"),
    ("India", "الهند"), ("China", "الصين"), ("Japan", "اليابان"), ("South Korea", "كوريا الجنوبية"),
    ("Germany", "ألمانيا"), ("France", "فرنسا"), ("Italy", "إيطاليا"), ("Spain", "إسبانيا"),
    ("Greece", "اليونان"), ("Cyprus", "قبرص"), ("Egypt", "مصر"), ("Jordan", "الأردن"),
    ("Lebanon", "لبنان"), ("Iraq", "العراق"), ("Saudi Arabia", "السعودية"), ("Qatar", "قطر"),
    ("Oman", "عمان"), ("Kuwait", "الكويت"), ("Bahrain", "البحرين"), ("Morocco", "المغرب"),
    ("Tunisia", "تونس"), ("Algeria", "الجزائر"), ("Ukraine", "أوكرانيا"), ("Romania", "رومانيا"),
    ("Bulgaria", "بلغاريا"), ("Poland", "بولندا"), ("Hungary", "المجر"), ("Serbia", "صربيا"),
    ("Brazil", "البرازيل"), ("Indonesia", "إندونيسيا"), ("Malaysia", "ماليزيا"), ("Vietnam", "فيتنام"),
]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_AR = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
             "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
MONTHS_AR_WEST = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
                  "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]

# Field words of the templates in both languages: written to the corpus's lexicon.tsv so that
# an Arabic and an English version of one fact share their words, not only their subjects.
LEXICON = [
    ("pipeline", "pipeline|pipe", "أنابيب|خط"),
    ("workers", "workers|employs|staff", "عاملا|عامل|توظف|موظفا"),
    ("plant", "plant|factory", "مصنع|مصنعها"),
    ("market", "market|share", "سوق|حصة"),
    ("contract", "contract|deal|agreement", "عقد|عقدا|صفقة"),
    ("signed", "signed|sign", "وقعت|وقع|توقيع"),
    ("office", "office|branch", "مكتب|مكتبا|فرع|فرعا"),
    ("terminal", "terminal", "محطة|محطتها"),
    ("negotiations", "negotiations|talks", "مفاوضات|محادثات"),
    ("lasted", "lasted|took", "استمرت|استغرقت|دامت"),
    ("shipped", "shipped|exported|moved", "شحنت|شحن|نقلت"),
    ("wheat", "wheat|grain", "قمح|القمح|حبوب"),
    ("port", "port|harbour", "ميناء|مرفأ"),
    ("invested", "invested|investment", "استثمرت|استثمار|ضخت"),
    ("solar", "solar", "شمسية|الشمسية"),
    ("farm", "farm|park", "مزرعة|حقل"),
    ("stations", "stations|outlets", "محطات|محطة"),
    ("fuel", "fuel|petrol", "وقود|الوقود"),
    ("railway", "railway|rail|line", "سكة|سكك|قطار"),
    ("engineers", "engineers|engineer", "مهندسا|مهندسين|مهندس"),
    ("partners", "partners|together|cooperated", "شريكين|تتعاونان|تعاون"),
    ("acquisition", "acquisition|purchase|takeover", "استحواذ|شراء"),
    ("completed", "completed|finalised", "أتمت|أكملت|أنجزت"),
    ("warehouse", "warehouse|depot", "مستودع|مستودعات"),
    ("construction", "construction|building", "بناء|تشييد"),
    ("founded", "founded|established", "تأسست|أسست|تأسيس"),
    ("headquarters", "headquarters|head office", "مقر|مقرها"),
    ("grew", "grew|rose|raised|increased", "زادت|رفعت|ارتفعت|نمت"),
]

# Sentences with no figure at all: the bulk of any article, and what extraction must skip.
FILLER_EN = [
    "Officials at {co} declined to comment on the details of the arrangement.",
    "Analysts in {city} said the move reflects a broader shift in regional trade routes.",
    "The announcement came amid renewed interest in the Caspian corridor.",
    "Local business groups welcomed the news, while some economists urged caution.",
    "The company did not say how the project would be financed.",
    "Traders in {city} expect further announcements in the coming weeks.",
    "Government representatives from {country} attended the ceremony.",
    "Critics argue that such projects rarely deliver the promised jobs.",
    "The plan still needs the approval of several regulators.",
    "Executives described the region as a natural bridge between Asia and Europe.",
    "Observers noted that competition for transit cargo has intensified.",
    "Residents of {city} have raised concerns about traffic and pollution.",
    "A spokesperson for {co} said the firm remains committed to the region.",
    "The talks were described by both sides as constructive and frank.",
    "Diplomats from {country} have followed the negotiations closely.",
    "Industry insiders say more deals of this kind are likely.",
]
FILLER_AR = [
    "وامتنع مسؤولون في {co} عن التعليق على تفاصيل الاتفاق.",
    "ويرى محللون في {city} أن الخطوة تعكس تحولا أوسع في طرق التجارة الإقليمية.",
    "ويأتي الإعلان وسط اهتمام متجدد بممر بحر قزوين.",
    "ورحبت أوساط رجال الأعمال المحلية بالخبر، فيما دعا اقتصاديون إلى الحذر.",
    "ولم توضح الشركة كيف سيجري تمويل المشروع.",
    "ويتوقع تجار في {city} مزيدا من الإعلانات خلال الأسابيع المقبلة.",
    "وحضر ممثلون عن حكومة {country} مراسم الافتتاح.",
    "ويقول منتقدون إن مثل هذه المشاريع نادرا ما توفر فرص العمل الموعودة.",
    "ولا تزال الخطة بحاجة إلى موافقة عدة جهات رقابية.",
    "ووصف مديرون تنفيذيون المنطقة بأنها جسر طبيعي بين آسيا وأوروبا.",
    "ولاحظ مراقبون أن المنافسة على شحنات العبور اشتدت.",
    "وأبدى سكان {city} قلقهم من الازدحام والتلوث.",
    "وقال متحدث باسم {co} إن الشركة ملتزمة بالعمل في المنطقة.",
    "ووصف الجانبان المحادثات بأنها بناءة وصريحة.",
    "ويتابع دبلوماسيون من {country} المفاوضات عن كثب.",
    "ويقول مطلعون على القطاع إن صفقات مماثلة مرجحة.",
]
TITLE_EN = ["{co} expands its presence in {city}", "New deals for {co} as trade shifts",
            "{co} bets on the Caspian corridor", "Business ties deepen between {city} and {country}"]
TITLE_AR = ["{co} توسع حضورها في {city}", "صفقات جديدة لشركة {co} مع تحول التجارة",
            "{co} تراهن على ممر قزوين", "تعزيز الروابط التجارية بين {city} و{country}"]


# --- values ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    """How one kind of value is drawn, made disjoint, and written in each language."""

    name: str
    draw: Callable[[random.Random], int]
    conflict: Callable[[random.Random, int], int]  # a value that cannot overlap the true one
    en: Callable[[int], str]
    ar: Callable[[int], str]


def _apart(rng: random.Random, value: int) -> int:
    """A figure 30-70% above or below: far outside any rounding a reporter might do."""
    factor = rng.choice([rng.uniform(1.3, 1.7), rng.uniform(0.35, 0.7)])
    other = max(1, round(value * factor))
    return other if other != value else value + 1


def _day(ordinal: int) -> date:
    return date(2023, 1, 1) + timedelta(days=ordinal)


def _date_en(ordinal: int) -> str:
    d = _day(ordinal)
    return f"{d.day} {MONTHS_EN[d.month - 1]} 2023"


def _date_ar(ordinal: int) -> str:
    d = _day(ordinal)
    names = MONTHS_AR if d.day % 2 else MONTHS_AR_WEST  # both Arabic month systems occur
    return f"{d.day} {names[d.month - 1]} 2023"


KINDS = {
    "count": Kind("count", lambda r: r.randrange(120, 9000),
                  _apart, lambda v: f"{v:,}", lambda v: f"{v}"),
    "percent": Kind("percent", lambda r: r.randrange(8, 70),
                    lambda r, v: v + r.choice([-1, 1]) * r.randrange(6, 15) if v > 22
                    else v + r.randrange(6, 15),
                    lambda v: f"{v}%", lambda v: f"{v}٪"),
    "money": Kind("money", lambda r: r.randrange(15, 950),
                  _apart, lambda v: f"${v} million", lambda v: f"{v} مليون دولار"),
    "length": Kind("length", lambda r: r.randrange(40, 1800),
                   _apart, lambda v: f"{v} kilometres", lambda v: f"{v} كيلومترا"),
    "weight": Kind("weight", lambda r: r.randrange(20, 900) * 1000,
                   _apart, lambda v: f"{v:,} tonnes", lambda v: f"{v} طن"),
    "year": Kind("year", lambda r: r.randrange(1992, 2021),
                 lambda r, v: v + r.choice([-1, 1]) * r.randrange(3, 9),
                 lambda v: f"{v}", lambda v: f"{v}"),
    "date": Kind("date", lambda r: r.randrange(10, 330),
                 lambda r, v: v + r.choice([-1, 1]) * r.randrange(5, 25),
                 _date_en, _date_ar),
    "duration": Kind("duration", lambda r: r.randrange(11, 90),
                     lambda r, v: v + r.randrange(12, 40),
                     lambda v: f"{v} days", lambda v: f"{v} يوما"),
}


# --- templates ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Template:
    """One kind of fact: its subject slots and its wordings; {v} is the value's place."""

    kind: str
    slots: tuple[str, ...]  # "co", "co2", "city", "city2", "country"
    en: tuple[str, ...]
    ar: tuple[str, ...]
    # The fact is the same whichever of its two subjects comes first: the railway between
    # Baku and Tbilisi is the railway between Tbilisi and Baku, and a contract one company
    # signed with another is the contract the other signed with it.
    symmetric: bool = False


TEMPLATES = [
    Template("length", ("co", "city"),
             ("The {co} pipeline to {city} runs for {v}, the company said.",
              "Built by {co}, the pipe that reaches {city} stretches {v}."),
             ("ويمتد خط أنابيب {co} إلى {city} على مسافة {v}.",
              "ويبلغ طول خط الأنابيب الذي أنشأته {co} باتجاه {city} {v} بحسب الشركة.")),
    Template("count", ("co", "city"),
             ("{co} employs {v} workers at its plant in {city}.",
              "The {city} factory of {co} has a staff of {v} workers."),
             ("وتوظف {co} {v} عامل في مصنعها بمدينة {city}.",
              "ويعمل في مصنع {co} في {city} {v} عامل وفق بيانات الشركة.")),
    Template("percent", ("co", "country"),
             ("{co} holds {v} of the market in {country}.",
              "In {country}, {co} now controls a market share of {v}."),
             ("وتستحوذ {co} على {v} من السوق في {country}.",
              "وتبلغ حصة {co} من سوق {country} {v}.")),
    Template("money", ("co", "co2"),
             ("{co} signed a contract worth {v} with {co2}.",
              "The deal that {co} signed with {co2} is worth {v}."),
             ("ووقعت {co} عقدا بقيمة {v} مع {co2}.",
              "وتبلغ قيمة الصفقة التي وقعتها {co} مع {co2} {v}."), symmetric=True),
    Template("year", ("co", "city"),
             ("{co} opened its office in {city} in {v}.",
              "The {city} branch of {co} dates back to {v}."),
             ("وافتتحت {co} مكتبها في {city} عام {v}.",
              "ويعود فرع {co} في {city} إلى عام {v}.")),
    Template("date", ("co", "city"),
             ("{co} inaugurated its new terminal in {city} on {v}.",
              "The new {city} terminal of {co} opened on {v}."),
             ("ودشنت {co} محطتها الجديدة في {city} في {v}.",
              "وافتتحت محطة {co} الجديدة في {city} في {v}.")),
    Template("duration", ("co", "co2"),
             ("Negotiations between {co} and {co2} lasted {v}.",
              "It took {v} of talks for {co} and {co2} to agree."),
             ("واستمرت المفاوضات بين {co} و{co2} {v}.",
              "واستغرقت محادثات {co} و{co2} {v} قبل الاتفاق."), symmetric=True),
    Template("weight", ("co", "city"),
             ("{co} shipped {v} of wheat through the port of {city}.",
              "Through the {city} port, {co} moved {v} of grain."),
             ("وشحنت {co} {v} من القمح عبر ميناء {city}.",
              "ونقلت {co} عبر مرفأ {city} {v} من الحبوب.")),
    Template("money", ("co", "city"),
             ("{co} invested {v} in a solar farm near {city}.",
              "The solar park that {co} is building near {city} is a {v} investment."),
             ("واستثمرت {co} {v} في مزرعة للطاقة الشمسية قرب {city}.",
              "وضخت {co} {v} في حقل للطاقة الشمسية قرب {city}.")),
    Template("count", ("co", "country"),
             ("{co} operates {v} fuel stations in {country}.",
              "In {country}, {co} runs a network of {v} fuel stations."),
             ("وتدير {co} {v} محطة وقود في {country}.",
              "وتملك {co} في {country} شبكة من {v} محطة وقود.")),
    Template("percent", ("co", "co2"),
             ("{co} raised its supplies to {co2} by {v}.",
              "Supplies from {co} to {co2} grew by {v}."),
             ("ورفعت {co} إمداداتها إلى {co2} بنسبة {v}.",
              "وزادت إمدادات {co} إلى {co2} بنسبة {v}.")),
    Template("length", ("city", "city2"),
             ("The new railway between {city} and {city2} is {v} long.",
              "Trains on the {city} to {city2} line will cover {v}."),
             ("ويبلغ طول خط السكة الحديدية الجديد بين {city} و{city2} {v}.",
              "وتقطع القطارات على خط {city} - {city2} مسافة {v}."), symmetric=True),
    Template("count", ("co", "co2"),
             ("{co} sent {v} engineers to help {co2} with the project.",
              "To support {co2}, {co} has assigned {v} engineers."),
             ("وأرسلت {co} {v} مهندس لمساعدة {co2} في المشروع.",
              "وخصصت {co} {v} مهندس لدعم {co2}.")),
    Template("year", ("co", "co2"),
             ("{co} and {co2} have cooperated as partners since {v}.",
              "The partnership of {co} with {co2} began in {v}."),
             ("وتتعاون {co} و{co2} كشريكين منذ عام {v}.",
              "وبدأت الشراكة بين {co} و{co2} عام {v}."), symmetric=True),
    Template("date", ("co", "co2"),
             ("{co} completed its acquisition of {co2} on {v}.",
              "The takeover of {co2} by {co} was finalised on {v}."),
             ("وأتمت {co} استحواذها على {co2} في {v}.",
              "وأنجزت {co} صفقة شراء {co2} في {v}.")),
    Template("duration", ("co", "city"),
             ("Construction of the {co} warehouse in {city} took {v}.",
              "Building the {city} depot of {co} lasted {v}."),
             ("واستغرق بناء مستودع {co} في {city} {v}.",
              "ودامت أعمال تشييد مستودع {co} في {city} {v}.")),
]


# --- the corpus -------------------------------------------------------------------------------

@dataclass
class Fact:
    """A template bound to its subjects, with the true value and, if planted, a disjoint one."""

    id: int
    template: int
    subjects: dict[str, int]
    value: int
    conflict_value: int | None = None
    articles: list[int] = field(default_factory=list)  # the first states the true value


@dataclass
class Version:
    """Where a fact's value landed in an article: enough to find it in the export."""

    fact: int
    document: str
    value: str
    start: int
    end: int
    planted: bool


@dataclass
class Companies:
    """Brand x sector: a pool of about 1,500 companies with English and Arabic names."""

    names: list[tuple[str, str]]

    @classmethod
    def build(cls) -> Companies:
        return cls([(f"{b} {s}", f"{ba} {sa}") for b, ba in BRANDS for s, sa in SECTORS])


_COMPANIES = Companies.build().names
POOLS: dict[str, list[tuple[str, str]]] = {
    "co": _COMPANIES, "co2": _COMPANIES,
    "city": CITIES, "city2": CITIES, "country": COUNTRIES,
}


def _entity_key(slot: str, index: int) -> str:
    pool = slot.rstrip("2")
    return f"bench-{pool}-{index}"


def gazetteer_lines() -> list[str]:
    """The corpus's subjects as gazetteer entries, so both spellings meet on one key."""
    lines = ["# key\ttype\tnames\tadjectives (written by benchmarks/corpus.py)"]
    for slot, kind in (("co", "organisation"), ("city", "place"), ("country", "place")):
        for index, (en, ar) in enumerate(POOLS[slot]):
            lines.append(f"{_entity_key(slot, index)}\t{kind}\t{en}|{ar}\t")
    return lines


def lexicon_lines() -> list[str]:
    """The templates' field words, English and Arabic, in the packaged lexicon's format."""
    return ["concept\ten\tar"] + [f"bench-{c}\t{en}\t{ar}" for c, en, ar in LEXICON]


def _restatements(rng: random.Random) -> int:
    draw, total = rng.random(), 0.0
    for count, share in RESTATEMENTS:
        total += share
        if draw < total:
            return count
    return RESTATEMENTS[-1][0]


def plan(size: int, seed: int) -> tuple[list[Fact], list[list[int]]]:
    """Facts and which articles state them: each article gets 10-18 distinct facts."""
    rng = random.Random(seed)
    capacity = [rng.randint(*VALUES_PER_ARTICLE) for _ in range(size)]
    open_articles = list(range(size))
    facts: list[Fact] = []
    bound: set[tuple[int, tuple[object, ...]]] = set()
    by_article: list[list[int]] = [[] for _ in range(size)]
    multi = sum(share for _, share in RESTATEMENTS[1:])
    planted_share = CONFLICT_RATE / multi  # of restated facts, so that 1 fact in 20 conflicts
    while open_articles:
        template = rng.randrange(len(TEMPLATES))
        t = TEMPLATES[template]
        subjects = {slot: rng.randrange(len(POOLS[slot])) for slot in t.slots}
        if any(subjects.get(a) == subjects.get(b) for a, b in (("co", "co2"), ("city", "city2"))
               if a in subjects and b in subjects):
            continue
        binding = (template, tuple(sorted(subjects.values() if t.symmetric
                                          else subjects.items())))
        if binding in bound:
            continue
        wanted = min(_restatements(rng), len(open_articles))
        chosen: list[int] = []
        while len(chosen) < wanted:
            pick = open_articles[rng.randrange(len(open_articles))]
            if pick not in chosen:
                chosen.append(pick)
        bound.add(binding)
        kind = KINDS[t.kind]
        fact = Fact(len(facts), template, subjects, kind.draw(rng), articles=chosen)
        if len(chosen) > 1 and rng.random() < planted_share:
            fact.conflict_value = kind.conflict(rng, fact.value)
        facts.append(fact)
        for article in chosen:
            by_article[article].append(fact.id)
            capacity[article] -= 1
        if any(capacity[a] == 0 for a in chosen):
            open_articles = [a for a in open_articles if capacity[a] > 0]
    return facts, by_article


def _fill(text: str, names: dict[str, str]) -> str:
    for slot, name in names.items():
        text = text.replace("{" + slot + "}", name)
    return text


def _names(subjects: dict[str, int], lang: int) -> dict[str, str]:
    return {slot: POOLS[slot][index][lang] for slot, index in subjects.items()}


def write_article(
    number: int, fact_ids: list[int], facts: list[Fact], rng: random.Random
) -> tuple[dict[str, str], list[Version]]:
    """One article's text and metadata, and where each of its values stands in the text."""
    lang = rng.randrange(2)  # 0 English, 1 Arabic
    code = ("en", "ar")[lang]
    name = f"{number:06d}_{code}"
    lead = facts[fact_ids[0]].subjects if fact_ids else {}
    scene = {
        "co": POOLS["co"][lead.get("co", rng.randrange(len(POOLS["co"])))][lang],
        "city": CITIES[rng.randrange(len(CITIES))][lang],
        "country": COUNTRIES[rng.randrange(len(COUNTRIES))][lang],
    }
    title = _fill(rng.choice((TITLE_EN, TITLE_AR)[lang]), scene)
    fillers = (FILLER_EN, FILLER_AR)[lang]
    text = ""
    versions: list[Version] = []
    order = list(fact_ids)
    rng.shuffle(order)
    paragraph: list[str] = []

    def flush() -> None:
        nonlocal text, paragraph
        if paragraph:
            text += " ".join(paragraph) + "\n\n"
            paragraph = []

    def add(sentence: str) -> int:
        """Append a sentence; returns where it starts in the final text."""
        prefix = text + " ".join(paragraph) + (" " if paragraph else "")
        paragraph.append(sentence)
        return len(prefix)

    for _ in range(rng.randint(2, 3)):
        add(_fill(rng.choice(fillers), scene))
    flush()
    for fact_id in order:
        fact = facts[fact_id]
        t = TEMPLATES[fact.template]
        kind = KINDS[t.kind]
        planted = fact.conflict_value is not None and number == fact.articles[-1]
        value = fact.conflict_value if planted and fact.conflict_value is not None else fact.value
        words = (kind.en, kind.ar)[lang](value)
        wording = rng.choice((t.en, t.ar)[lang])
        head, _, tail = _fill(wording, _names(fact.subjects, lang)).partition("{v}")
        start = add(head + words + tail) + len(head)
        versions.append(Version(fact_id, name, words, start, start + len(words), planted))
        for _ in range(rng.choice((0, 1, 1, 2))):
            add(_fill(rng.choice(fillers), scene))
        if len(paragraph) >= rng.randint(3, 5):
            flush()
    flush()
    body = text.rstrip("\n") + "\n"
    published = _day(rng.randrange(0, 360)).isoformat()
    return {"name": name, "title": title, "language": code, "published": published,
            "outlet": ("Caspian Business Wire", "وكالة أنباء قزوين الاقتصادية")[lang],
            "text": body}, versions


def generate(size: int, out: Path, seed: int = 2023) -> dict[str, object]:
    """Write `size` articles, the vocabularies and the truth file under `out`; return stats."""
    facts, by_article = plan(size, seed)
    rng = random.Random(seed + 1)
    out.mkdir(parents=True, exist_ok=True)
    (out / "gazetteer.tsv").write_text("\n".join(gazetteer_lines()) + "\n", encoding="utf-8")
    (out / "lexicon.tsv").write_text("\n".join(lexicon_lines()) + "\n", encoding="utf-8")
    versions: list[Version] = []
    words = 0
    shard: list[str] = []
    for number in range(size):
        record, found = write_article(number, by_article[number], facts, rng)
        versions.extend(found)
        words += len(record["text"].split())
        if size > FILES_UP_TO:
            shard.append(json.dumps(record, ensure_ascii=False))
            if len(shard) == SHARD or number == size - 1:
                (out / f"articles_{number // SHARD:04d}.jsonl").write_text(
                    "\n".join(shard) + "\n", encoding="utf-8")
                shard = []
        else:
            document = _write_file(out, record, number)
            for version in found:
                version.document = document
    truth = _truth(facts, versions, size, seed, words)
    (out / TRUTH_FILE).write_text(json.dumps(truth, ensure_ascii=False, indent=1),
                                  encoding="utf-8")
    return truth["stats"]  # type: ignore[return-value]


def _write_file(out: Path, record: dict[str, str], number: int) -> str:
    """Half the articles as .md with front matter, half as bare .txt (both readers timed).

    The body is written exactly as it will be stored (no trailing spaces, no chrome lines),
    so the truth file's offsets are offsets into the stored text. Returns the document's
    name as ingest will know it (the file name).
    """
    if number % 2:
        head = "\n".join(f"{k}: {json.dumps(record[k], ensure_ascii=False)}"
                         for k in ("title", "language", "published", "outlet"))
        name = f"{record['name']}.md"
        (out / name).write_text(f"---\n{head}\n---\n{record['text']}", encoding="utf-8")
    else:
        name = f"{record['name']}.txt"
        (out / name).write_text(record["text"], encoding="utf-8")
    return name


def _truth(facts: list[Fact], versions: list[Version], size: int, seed: int,
           words: int) -> dict[str, object]:
    by_fact: dict[int, list[Version]] = {}
    for version in versions:
        by_fact.setdefault(version.fact, []).append(version)
    conflicts = []
    for fact in facts:
        if fact.conflict_value is None:
            continue
        stated = by_fact[fact.id]
        odd = next(v for v in stated if v.planted)
        for other in stated:
            if not other.planted:
                conflicts.append({"fact": fact.id, "kind": TEMPLATES[fact.template].kind,
                                  "a": _side(other), "b": _side(odd)})
    restated = sum(len(f.articles) > 1 for f in facts)
    return {
        "stats": {"articles": size, "seed": seed, "words": words, "values": len(versions),
                  "facts": len(facts), "restated_facts": restated,
                  "planted_conflict_facts": sum(f.conflict_value is not None for f in facts),
                  "planted_conflict_pairs": len(conflicts)},
        "conflicts": conflicts,
    }


def _side(version: Version) -> dict[str, object]:
    return {"document": version.document, "value": version.value,
            "start": version.start, "end": version.end}


def extra_articles(size: int, count: int, seed: int,
                   first: int | None = None) -> Iterator[dict[str, str]]:
    """`count` more articles restating facts of the `size`-article corpus (the incremental case).

    They reuse the corpus's own facts (same plan, same seed), so the new versions land in
    existing facts and regroup them, which is what an incremental update must handle.
    `first` numbers them after articles added by earlier runs, so a stored corpus can take
    the case again and again.
    """
    facts, _ = plan(size, seed)
    start = size if first is None else first
    rng = random.Random(seed + 2 + start - size)
    for number in range(start, start + count):
        picks = rng.sample(range(len(facts)), rng.randint(*VALUES_PER_ARTICLE))
        record, _ = write_article(number, picks, facts, rng)
        yield record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
    print(json.dumps(generate(args.size, args.out, args.seed), indent=1))


if __name__ == "__main__":
    main()
