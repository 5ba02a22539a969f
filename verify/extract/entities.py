"""People, places and organisations: gazetteer look-up, title-led unknown names, variants.

The gazetteer (`verify/data/gazetteer.tsv`, extendable by a user file of the same format)
has one entity per line: `key<TAB>type<TAB>names<TAB>adjectives`, names and adjectives
separated by `|`, in any script, so Aliyev and علييف share a key. Adjectives (إسرائيلي,
Israeli) are listed in the masculine singular; their feminine and plural forms are derived.

Matching is one pass over a document's tokens with a dict keyed on the normalised first
token, so its cost does not grow with the gazetteer. Spelling variants of known people
(علاييف for علييف) are caught through a one-deletion index; names the gazetteer does not know
are taken only after a title (الرئيس، وزير الخارجية، President, Minister) and given a
`name:` key; `merge_variants` then folds spelling variants across documents.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import compress
from operator import itemgetter
from pathlib import Path

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from verify.claims import Mention
from verify.text.normalize import is_arabic, is_stopword, match_form, normalize_arabic, tokens

UNKNOWN_PREFIX = "name:"
_ARABIC_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "وب", "ول", "وك", "فب",
                    "فل", "و", "ف", "ب", "ل", "ك")
_ARABIC_ADJECTIVE_ENDINGS = ("", "ه", "ون", "ين", "ان", "تين", "ات")
_ENGLISH_ADJECTIVE_ENDINGS = ("", "s")
# What may stand between two words of one name: spaces, a hyphen, a comma or quote marks.
_NAME_GAP = re.compile(r"[\s\-«»\"“”]*")
_TAIL_GAP = re.compile(r"[\s\-«»\"“”،,]*")
_MIN_FUZZY_LENGTH = 5  # shorter words sit too close to common words for fuzzy matching
_TITLES = frozenset(
    normalize_arabic(word)
    for word in """الرئيس رئيس الوزير وزير وزيرة الوزيرة السفير سفير السفيرة نظيره نظيرته
    نظيرها نائب المتحدث متحدث الملك الأمير الجنرال المستشار رئيسة الرئيسة العاهل""".split()
) | frozenset(
    """president minister mr mrs ms dr ambassador secretary chancellor king prince general gen
    senator spokesman spokeswoman envoy""".split()
)
_TITLE_TAIL = frozenset(
    normalize_arabic(word)
    for word in """خارجية دفاع داخلية صحة مالية حكومة دولة وزراء آنذاك حينها السابق الحالي
    الأسبق foreign defence defense interior health finance prime deputy state former vice
    then""".split()
)
_MAX_NAME_WORDS = 3
_VARIANT_MEMO = 1 << 18  # words remembered by variant_of before the memo starts over
_VOWEL_LETTERS = frozenset("اويaeiouy")
_STAND_INS = frozenset(
    frozenset(pair)
    for pair in ("غع", "غج", "حه", "تط", "سص", "زذ", "كق", "دض", "جق", "ck", "kq", "ij", "yj")
)
_QUOTE_CLOSERS = {"«": "»", "“": "”", '"': '"'}
_QUOTE_OPENERS = re.compile("[«“\"]")
_BOUNDARY_GAP = re.compile(r"\s*")  # a name followed only by spaces needs a boundary word


@dataclass(frozen=True, slots=True)
class _Name:
    """One indexed name: the entity it names, its length in tokens, and its case rule."""

    key: str
    type: str
    cased: bool  # a Latin name written capitalised only matches capitalised text


@dataclass(slots=True)
class Gazetteer:
    """Known entities, indexed for one-pass matching on normalised token sequences."""

    types: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)  # key → the party it belongs to
    _index: dict[tuple[str, ...], _Name] = field(default_factory=dict)
    _lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _deletions: dict[str, set[tuple[str, str, bool]]] = field(default_factory=dict)
    _variants: dict[str, str | None] = field(default_factory=dict)  # memo of variant_of
    _starts: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)  # of starts
    _persons: dict[str, tuple[int, str] | None] = field(default_factory=dict)  # of person_variant
    _openers: dict[str, bool] = field(default_factory=dict)  # memo of may_open
    _files: int = 0  # the files (`add_lines` calls) added so far
    _file_of: dict[str, int] = field(default_factory=dict)  # key → the file that gave it

    @classmethod
    def load(cls, extra: Path | None = None) -> Gazetteer:
        """The packaged gazetteer, extended (or overridden, key by key) by a user file."""
        gazetteer = cls()
        packaged = resources.files("verify") / "data" / "gazetteer.tsv"
        gazetteer.add_lines(packaged.read_text(encoding="utf-8").splitlines())
        if extra is not None:
            gazetteer.add_lines(extra.read_text(encoding="utf-8").splitlines())
        return gazetteer

    def add_lines(self, lines: Iterable[str]) -> None:
        """Add entities from TSV lines (comments and blank lines skipped): one file, whose
        names, where they are an earlier file's names too, are its own (`overridden`)."""
        self._files += 1
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 3:
                raise ValueError(f"gazetteer line needs key, type and names: {line!r}")
            key, kind, names = cells[0].strip(), cells[1].strip(), _split(cells[2])
            adjectives = _split(cells[3]) if len(cells) > 3 else []
            self.add(key, kind, names, adjectives, cells[4].strip() if len(cells) > 4 else "")

    def add(self, key: str, kind: str, names: list[str], adjectives: list[str],
            parent: str = "") -> None:
        """Index one entity under all its names and the inflected forms of its adjectives;
        an entity given again is given whole, its parent (the party it belongs to) too."""
        self.types[key] = kind
        self.names[key] = names
        if parent:
            self.parents[key] = parent
        else:
            self.parents.pop(key, None)
        self._file_of[key] = self._files
        self._variants.clear()
        self._starts.clear()
        self._persons.clear()
        self._openers.clear()
        for name in names:
            self._index_name(key, kind, name_forms(name), name)
        for adjective in adjectives:
            forms = name_forms(adjective)
            endings = _ARABIC_ADJECTIVE_ENDINGS if is_arabic(adjective) else _ENGLISH_ADJECTIVE_ENDINGS
            for ending in endings:
                self._index_name(key, kind, (*forms[:-1], forms[-1] + ending), adjective)

    def _index_name(self, key: str, kind: str, forms: tuple[str, ...], written: str) -> None:
        """Index one normalised token sequence, and person words for variant look-up."""
        if not forms:
            return
        self._index[forms] = _Name(key, kind, written[:1].isupper())
        lengths = set(self._lengths.get(forms[0], ())) | {len(forms)}
        self._lengths[forms[0]] = tuple(sorted(lengths, reverse=True))
        if kind == "person":
            for form in forms:
                if len(form) >= _MIN_FUZZY_LENGTH:
                    for variant in _deletion_variants(form):
                        entry = (key, form, len(forms) == 1)
                        self._deletions.setdefault(variant, set()).add(entry)

    def file_of(self, key: str) -> int:
        """Which of the files added gave an entity: 1 for the first (the packaged one)."""
        return self._file_of.get(key, 0)

    def overridden(self, key: str, name: str) -> bool:
        """Whether a later file gave this name of an entity to another entity (a corpus's
        own entry for a city the packaged file knows): text is read as naming that one, so
        the name is no longer this one's. Two entities of one file that share a name both
        keep it."""
        found = self._index.get(name_forms(name))
        return (found is not None and found.key != key
                and self.file_of(found.key) > self.file_of(key))

    def match(
        self, first: str, following: Sequence[str], word: str, peeled: str = ""
    ) -> tuple[int, _Name] | None:
        """The longest name whose tokens are `first` then `following`, as (tokens, name).

        `peeled` is the clitic taken off the first word: a person's name never carries the
        article, so الرئيسي is not the surname رئيسي.
        """
        for n in self._lengths.get(first, ()):
            if n - 1 > len(following):
                continue  # near the end of the text: a shorter prefix must not pass for it
            name = self._index.get((first, *following[: n - 1]))
            if name is None or (name.cased and word[:1].islower()):
                continue
            if name.type == "person" and "ال" in peeled.replace("لل", "ال"):  # see _person_peelings
                continue
            return n, name
        return None

    def may_open(self, form: str) -> bool:
        """Whether a mention can begin at a word of this form: it begins a known name, is
        a known person's name word but for a variant, or is a title (remembered per word).

        Most words of a text are none of these, and are passed over at the cost of one look-up.
        """
        opens = self._openers.get(form)
        if opens is None:
            if len(self._openers) >= _VARIANT_MEMO:
                self._openers.clear()
            opens = self._openers[form] = bool(
                self.starts(form) or self.person_variant(form) is not None or _is_title(form)
            )
        return opens

    def openings(self, forms: Sequence[str]) -> list[bool]:
        """`may_open` of each form, its memo read directly for the forms already seen."""
        seen = self._openers.get
        return [known if (known := seen(form)) is not None else self.may_open(form)
                for form in forms]

    def starts(self, form: str) -> tuple[tuple[int, str], ...]:
        """The readings of a word (see `_peelings`) that some indexed name begins with.

        Remembered per word: most words begin no name, and then `match` need not be tried.
        """
        readings = self._starts.get(form)
        if readings is None:
            if len(self._starts) >= _VARIANT_MEMO:
                self._starts.clear()
            readings = self._starts[form] = tuple(
                (peeled, first) for peeled, first in _peelings(form) if first in self._lengths
            )
        return readings

    def person_variant(self, form: str) -> tuple[int, str] | None:
        """(clitic letters, key) of the first person reading of a word that is a known
        person's name word but for a transliteration variant, or None (remembered per word)."""
        if form not in self._persons:
            if len(self._persons) >= _VARIANT_MEMO:
                self._persons.clear()
            self._persons[form] = next(
                ((peeled, key) for peeled, first in _person_peelings(form)
                 if (key := self.variant_of(first)) is not None),
                None,
            )
        return self._persons[form]

    def variant_of(self, form: str) -> str | None:
        """The one person with a name word a transliteration variant away from `form`.

        When several people share the word (Ilham and Heydar Aliyev), the one the
        gazetteer lists under the word alone is meant; otherwise nobody is.
        """
        if form not in self._variants:
            if len(self._variants) >= _VARIANT_MEMO:
                self._variants.clear()
            self._variants[form] = self._find_variant(form)
        return self._variants[form]

    def _find_variant(self, form: str) -> str | None:
        """variant_of without the memo."""
        if len(form) < _MIN_FUZZY_LENGTH or is_stopword(form):
            return None
        found = {
            (key, alone)
            for variant in _deletion_variants(form)
            for key, known, alone in self._deletions.get(variant, ())
            if _transliteration_variant(form, known)
        }
        keys = {key for key, _ in found}
        if len(keys) > 1:
            keys = {key for key, alone in found if alone}
        return keys.pop() if len(keys) == 1 else None


def _transliteration_variant(form: str, known: str) -> bool:
    """Whether two words differ the way transliterations of one name do.

    One long vowel written or left out (علييف / علاييف، بيراموف / بيرموف), or one letter
    swapped for its usual stand-in (هرتسوغ / هرتسوع). Any other single edit is as likely to
    be a different word (اتهام is not الهام).
    """
    if form == known:
        return True
    edits = Levenshtein.editops(form, known)
    if len(edits) != 1:
        return False
    # Unpacked rather than indexed: the stubs type edits[0] as "Editops | Editop".
    [edit] = edits
    if edit.tag == "insert":
        return known[edit.dest_pos] in _VOWEL_LETTERS
    if edit.tag == "delete":
        return form[edit.src_pos] in _VOWEL_LETTERS
    return frozenset((form[edit.src_pos], known[edit.dest_pos])) in _STAND_INS


def _split(cell: str) -> list[str]:
    """The |-separated, non-empty names of a cell."""
    return [name.strip() for name in cell.split("|") if name.strip()]


@lru_cache(maxsize=1 << 16)
def _deletion_variants(form: str) -> frozenset[str]:
    """The word and every way of deleting one letter: two words one edit apart share one."""
    return frozenset({form} | {form[:i] + form[i + 1 :] for i in range(len(form))})


@lru_cache(maxsize=1 << 18)
@lru_cache(maxsize=1 << 18)
def name_form(word: str) -> str:
    """How a word of a name is compared: letters folded, Latin lowercased, clitics kept.

    Clitics stay because peeling them blindly damages names (كوهين is not ك + وهين);
    `_peelings` tries the clitic readings explicitly instead. Remembered per word: every
    word of every text passes through here, and news repeats its words.
    """
    return normalize_arabic(word) if is_arabic(word) else match_form(word)


def name_forms(name: str) -> tuple[str, ...]:
    """The normalised tokens of a multi-word name."""
    return tuple(name_form(word) for _, _, word in tokens(name))


@lru_cache(maxsize=1 << 18)
def _peelings(form: str) -> tuple[tuple[int, str], ...]:
    """Readings of a first word: as written, then without each clitic prefix it may carry."""
    readings = [(0, form)]
    if is_arabic(form):
        readings += [
            (len(prefix), form[len(prefix) :])
            for prefix in _ARABIC_PREFIXES
            if form.startswith(prefix) and len(form) - len(prefix) >= 2
        ]
    return tuple(readings)


def _letters_to_offset(word: str, letters: int) -> int:
    """Offset inside `word` after its first `letters` letters (marks and tatweel skipped)."""
    if letters == 0 and not word.startswith("\u0640"):
        return 0  # no clitic peeled, as for most mentions
    seen = 0
    for offset, char in enumerate(word):
        if seen == letters and char not in "\u0640":
            return offset
        if normalize_arabic(char):
            seen += 1
    return len(word)


def find_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Every entity mention in the text, in order, from one pass over its tokens.

    Only the tokens that may open a mention are visited (a token inside a mention found
    before it is passed over); the others cost one remembered look-up each.
    """
    spans = tokens(text)
    words = list(map(itemgetter(2), spans))
    forms = list(map(name_form, words))
    mentions: list[Mention] = []
    i = 0
    for candidate in compress(range(len(forms)), gazetteer.openings(forms)):
        if candidate < i:
            continue
        found = _gazetteer_mention(text, spans, words, forms, candidate, gazetteer)
        if found is None:
            found = _titled_mention(text, spans, words, forms, candidate, gazetteer)
        if found is None:
            i = candidate + 1
            continue
        mention, i = found
        mentions.append(mention)
    return mentions


def _joined(text: str, spans: list[tuple[int, int, str]], i: int, n: int) -> bool:
    """Whether tokens i..i+n-1 are written as one name (only spaces or hyphens between)."""
    if n == 1:
        return True  # most names are one word, with no gap to test
    return all(
        _NAME_GAP.fullmatch(text, spans[j][1], spans[j + 1][0]) is not None
        for j in range(i, min(i + n, len(spans)) - 1)
    )


def _gazetteer_mention(
    text: str,
    spans: list[tuple[int, int, str]],
    words: list[str],
    forms: list[str],
    i: int,
    gazetteer: Gazetteer,
) -> tuple[Mention, int] | None:
    """A known name (or a transliteration variant of a known person's) starting at token i."""
    readings = gazetteer.starts(forms[i])
    if readings:
        following = forms[i + 1 : i + _MAX_NAME_WORDS + 6]
        for peeled, first in readings:
            match = gazetteer.match(first, following, words[i][peeled:], forms[i][:peeled])
            if match is not None and _joined(text, spans, i, match[0]):
                count, name = match
                return _mention(text, spans, i, count, peeled, name.key, name.type), i + count
    if not (is_arabic(words[i]) or words[i][:1].isupper()):
        return None
    variant = gazetteer.person_variant(forms[i])
    if variant is None:
        return None
    peeled, key = variant
    return _mention(text, spans, i, 1, peeled, key, gazetteer.types[key]), i + 1


def _person_peelings(form: str) -> tuple[tuple[int, str], ...]:
    """The readings of a word that a person's name can have: no article among its clitics."""
    return tuple((n, rest) for n, rest in _peelings(form) if "ال" not in form[:n].replace("لل", "ال"))


def _mention(
    text: str, spans: list[tuple[int, int, str]], i: int, count: int, peeled: int, key: str,
    kind: str,
) -> Mention:
    """A mention over tokens i..i+count-1, its first `peeled` letters (a clitic) left out."""
    start = spans[i][0] + _letters_to_offset(spans[i][2], peeled)
    end = spans[i + count - 1][1]
    opened = _QUOTE_OPENERS.search(text, start, end)
    if opened is not None and text.startswith(_QUOTE_CLOSERS[opened.group()], end):
        end += 1  # وكالة «ترند»: a quote opened inside a name closes with it
    return Mention(start=start, end=end, key=key, surface=text[start:end], type=kind)


@lru_cache(maxsize=1 << 16)
def _is_title(form: str) -> bool:
    """Whether a word (possibly with a clitic: بالرئيس، لنظيره) is a title."""
    return any(reading in _TITLES for _, reading in _peelings(form))


def _titled_mention(
    text: str,
    spans: list[tuple[int, int, str]],
    words: list[str],
    forms: list[str],
    i: int,
    gazetteer: Gazetteer,
) -> tuple[Mention, int] | None:
    """An unknown person named right after a title and its modifiers.

    Precision first: an Arabic name must have two words (a given name and a surname), since
    without capitals a single word after a title is as often a verb or noun; an English
    name is a run of capitalised words.
    """
    if not _is_title(forms[i]):
        return None
    j = i + 1
    while j < len(spans) and _TAIL_GAP.fullmatch(text, spans[j - 1][1], spans[j][0]):
        if not (_is_title(forms[j]) or _is_tail(forms[j], words[j]) or _is_place(forms, words, j, gazetteer)):
            break
        j += 1
    count = _name_length(text, spans, words, forms, j, gazetteer)
    if count == 0:
        return None
    key = UNKNOWN_PREFIX + "_".join(forms[j : j + count])  # keys never hold spaces
    return _mention(text, spans, j, count, 0, key, "person"), j + count


def _is_tail(form: str, word: str) -> bool:
    """A word that continues a title: a ministry, a nationality adjective, 'then'."""
    if is_arabic(word):
        return form.startswith(("ال", "وال")) or any(r in _TITLE_TAIL for _, r in _peelings(form))
    return form in _TITLE_TAIL


def _known(forms: list[str], words: list[str], j: int, gazetteer: Gazetteer) -> _Name | None:
    """The gazetteer entity named by token j (with any clitic), if any."""
    readings = gazetteer.starts(forms[j])
    if not readings:
        return None
    following = forms[j + 1 : j + _MAX_NAME_WORDS + 6]
    for peeled, first in readings:
        match = gazetteer.match(first, following, words[j][peeled:], forms[j][:peeled])
        if match is not None:
            return match[1]
    return None


def _is_place(forms: list[str], words: list[str], j: int, gazetteer: Gazetteer) -> bool:
    """Whether a non-person gazetteer name starts at token j (رئيس أذربيجان ...)."""
    known = _known(forms, words, j, gazetteer)
    return known is not None and known.type != "person"


def _name_length(
    text: str,
    spans: list[tuple[int, int, str]],
    words: list[str],
    forms: list[str],
    j: int,
    gazetteer: Gazetteer,
) -> int:
    """How many tokens from j form an unknown name (0 when they do not look like one).

    An Arabic name needs two words and a boundary after them (punctuation, a function
    word, a known name or the end): without capitals, that is what sets "يوآف غالانت
    اليوم" apart from "افتتح سفارة بلاده".
    """
    count = 0
    for k in range(j, min(j + _MAX_NAME_WORDS, len(spans))):
        if k > j and _NAME_GAP.fullmatch(text, spans[k - 1][1], spans[k][0]) is None:
            break
        if not _name_word(forms[k], words[k]) or _known(forms, words, k, gazetteer):
            break
        if any(gazetteer.variant_of(reading) for _, reading in _person_peelings(forms[k])):
            break
        count += 1
    if count == 0 or not is_arabic(words[j]):
        return count
    if count < 2 or not _boundary_after(text, spans, words, forms, j + 1, gazetteer):
        return 0
    return 2


def _boundary_after(
    text: str,
    spans: list[tuple[int, int, str]],
    words: list[str],
    forms: list[str],
    k: int,
    gazetteer: Gazetteer,
) -> bool:
    """Whether the name ending at token k is followed by punctuation, a function word,
    a known name or the end of the text."""
    if k + 1 >= len(spans):
        return True
    if _BOUNDARY_GAP.fullmatch(text, spans[k][1], spans[k + 1][0]) is None:
        return True
    nxt = k + 1
    return is_stopword(words[nxt]) or _known(forms, words, nxt, gazetteer) is not None


def _name_word(form: str, word: str) -> bool:
    """A word that can be part of a person's name."""
    if any(char.isdigit() for char in word) or is_stopword(word) or _is_title(form):
        return False
    if is_arabic(word):
        return not form.startswith("ال") and len(form) >= 2
    return word[:1].isupper()


def merge_variants(mentions: Iterable[Mention]) -> dict[str, str]:
    """Map every mention key to a canonical key, folding spelling variants of one person.

    Gazetteer keys map to themselves and two of them never merge. Full names (given name
    and surname) merge when the surnames are at least 80% alike and the given names at
    least 60% alike; then a surname written alone joins a person only when exactly one
    person fits it. A person known to the gazetteer takes part through the surfaces it is
    mentioned by. Candidates come from a one-deletion index on surnames: the cost stays
    linear in the number of names.
    """
    mentions = list(mentions)
    counts = Counter(mention.key for mention in mentions)
    full, alone = _person_forms(mentions)
    parent = {key: key for key in counts}
    index = _surname_index({**alone, **full})
    for key, names in full.items():
        for other in _candidates(index, names, full, full):
            _union(parent, key, other)
    for key, names in alone.items():
        if key in full:
            continue
        roots = {_root(parent, other) for other in _candidates(index, names, full, alone)}
        roots.discard(_root(parent, key))
        if len(roots) == 1:
            _union(parent, key, roots.pop())
    return _canonical(parent, counts)


PersonForms = dict[str, set[tuple[str, ...]]]


def _person_forms(mentions: list[Mention]) -> tuple[PersonForms, PersonForms]:
    """Per person key: its written full names, and its surnames written alone."""
    full: PersonForms = defaultdict(set)
    alone: PersonForms = defaultdict(set)
    for mention in mentions:
        if mention.type == "person":
            name = name_forms(mention.surface)
            if name:
                (full if len(name) > 1 else alone)[mention.key].add(name)
    return full, alone


def _surname_index(forms: PersonForms) -> dict[str, set[str]]:
    """One-deletion variants of every surname, to the keys that carry it."""
    index: dict[str, set[str]] = defaultdict(set)
    for key, names in forms.items():
        for name in names:
            for variant in _deletion_variants(name[-1]):
                index[variant].add(key)
    return index


def _candidates(
    index: dict[str, set[str]], names: set[tuple[str, ...]], *pools: PersonForms
) -> set[str]:
    """Keys from the pools with a written name that agrees with one of `names`."""
    found: set[str] = set()
    for name in names:
        for variant in _deletion_variants(name[-1]):
            for other in index.get(variant, ()):
                if any(_names_agree(name, known) for pool in pools for known in pool.get(other, ())):
                    found.add(other)
    return found


def _names_agree(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """Surnames alike, and given names alike when both names have one."""
    if ratio(left[-1], right[-1]) < 80:
        return False
    if len(left) > 1 and len(right) > 1:
        return ratio(" ".join(left[:-1]), " ".join(right[:-1])) >= 60
    return True


def _root(parent: dict[str, str], key: str) -> str:
    """The representative of a key's cluster (with path halving)."""
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _union(parent: dict[str, str], key: str, other: str) -> None:
    """Join two clusters, unless each already holds a different gazetteer key.

    A cluster's root is its gazetteer key when it has one, so the check needs roots only.
    """
    mine, theirs = _root(parent, key), _root(parent, other)
    if mine == theirs:
        return
    if not mine.startswith(UNKNOWN_PREFIX):
        if not theirs.startswith(UNKNOWN_PREFIX):
            return
        mine, theirs = theirs, mine
    parent[mine] = theirs


def _canonical(parent: dict[str, str], counts: Counter[str]) -> dict[str, str]:
    """Each key's canonical key: its cluster's gazetteer key, else its most mentioned name."""
    clusters: dict[str, list[str]] = defaultdict(list)
    for key in counts:
        clusters[_root(parent, key)].append(key)
    mapping: dict[str, str] = {}
    for root, members in clusters.items():
        chosen = root
        if root.startswith(UNKNOWN_PREFIX):
            chosen = min(members, key=lambda k: (-counts[k], k))
        mapping.update(dict.fromkeys(members, chosen))
    return mapping
