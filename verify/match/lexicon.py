"""The bilingual lexicon: words of one meaning in any language meet on one concept.

Claim contexts are stems (`verify.text.normalize.stem`), so an Arabic clause and an English
one share nothing but entity keys unless their words are mapped to shared concepts. The
mapping is data (`verify/data/lexicon.tsv`), and a user extends it with files of the same
format: a header row `concept<TAB>lang<TAB>lang...`, then one concept a line with its words
per language, variants separated by "|"; lines starting with "#" are comments. Words are
stemmed on load, so they are written as they appear in text; an entry of several words
("على بعد", "at a distance") is a phrase, matched word for word next to a value. When two concepts claim one
stem, the first one loaded keeps it (the shipped file first, then extra files in order).

Four directives ride in the same files: `!opposite<TAB>concept<TAB>concept` declares concepts
that contradict each other (rise/fall), and `!negation<TAB>word|word...` lists negation words;
`verify.check.compare_statements` reads both. `!role<TAB>role<TAB>concept|concept...` puts
concepts in one slot of what a value is about (the counted noun, the event a date marks,
the goods traded, the flow, the measure of a length...): matching requires two versions
to agree on each slot both of them fill (`similarity.frame_clash`), and
`!parties<TAB>concept|concept...` marks the concepts of facts defined by the places they
join (a border's length, relations between states). `!toward<TAB>word|word...` lists
the words after which an entity is where what a value measures goes ("supplies to Merv",
"إلى ميرف"); a word written with a trailing "-" is a preposition joined to the word it
governs ("ل-": "لمساعدة ميرف", to help Merv).

Where an entity belongs (a capital to its country, a minister to his state) comes from the
gazetteer's optional fifth column: "Baku" and "Azerbaijan" name one party of a story.

The words of entity names (from the gazetteer) are dropped from contexts: entities are
matched by their canonical keys, across scripts, and counting "Baku" once as a key and once
as a word would let two claims that only name one place look alike. That holds for the
names of the entities a claim names even when a name word is also a field word ("Rimal
Rail" next to "railway", "هزار للنقل" next to "نقلت"): left in, it would tie two companies
of one sector as if they shared the fact's words (`own_names`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from verify.extract.entities import Gazetteer
from verify.match.thresholds import EVENT_ROLES
from verify.text.normalize import TOKEN_RE, is_content_word, match_form, normalize_arabic, stem

MIN_PLACE_STEM = 4  # letters a one-word place name's stem needs to be read in running text
CONCEPT_PREFIX = "~"  # marks a concept among raw stems: "~embassy" never equals a stem


# a frame's concepts by role, whether it joins places, and its event concepts
Framed = tuple[tuple[tuple[str, frozenset[str]], ...], bool, frozenset[str]]
# first stem → the lengths of the names it starts, longest first, and those names' stems → key
Names = dict[str, tuple[tuple[int, ...], dict[tuple[str, ...], str]]]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A stem → concept map; `concepts()` rewrites a context into shared tokens."""

    by_stem: dict[str, str]
    names: dict[str, str] = field(default_factory=dict)  # name-word stem → entity key
    opposites: frozenset[tuple[str, str]] = frozenset()  # concept-token pairs, both ways
    negations: frozenset[str] = frozenset()  # match forms of negation words
    toward: frozenset[str] = frozenset()  # match forms of the words of `!toward`
    toward_prefixes: frozenset[str] = frozenset()  # its joined prepositions, letters folded
    roles: dict[str, str] = field(default_factory=dict)  # concept token → its role
    parties: frozenset[str] = frozenset()  # concept tokens of facts that join places
    parents: dict[str, str] = field(default_factory=dict)  # entity key → the party it belongs to
    places: frozenset[str] = frozenset()  # entity keys of places (countries, cities...)
    place_names: Names = field(default_factory=dict)  # to read places in a sentence
    # places whose names are read only whole, function words too ("Port Said"), over all the
    # stems of a sentence; and the content stems of those names, that a sentence holds first
    whole_place_names: Names = field(default_factory=dict)
    whole_place_words: frozenset[str] = frozenset()
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)  # word forms → concept
    opposable: frozenset[str] = frozenset()  # concept tokens that have an opposite
    organisations: frozenset[str] = frozenset()  # entity keys of organisations
    name_stems: dict[str, frozenset[str]] = field(default_factory=dict)  # key → its names' stems
    organisation_names: Names = field(default_factory=dict)  # to read them in a sentence
    # a hash of the files and gazetteer it was loaded from; empty for one built in code
    fingerprint: str = ""
    # how many words the phrases have, and their first words: derived once, so that looking
    # for phrases next to a value builds no tuple of words that no phrase starts with
    phrase_lengths: frozenset[int] = field(init=False, default=frozenset())
    phrase_starts: frozenset[str] = field(init=False, default=frozenset())
    events: frozenset[str] = field(init=False, default=frozenset())  # concepts of EVENT_ROLES
    # what `similarity.assemble` derives from a frame (a set of role concepts), by frame: a
    # few dozen frames recur across a store's claims
    framed: dict[frozenset[str], Framed] = field(init=False, default_factory=dict, repr=False,
                                                 compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "phrase_lengths", frozenset(len(p) for p in self.phrases))
        object.__setattr__(self, "phrase_starts", frozenset(p[0] for p in self.phrases if p))
        object.__setattr__(self, "events", frozenset(
            c for c, role in self.roles.items() if role in EVENT_ROLES))

    @classmethod
    def load(cls, extra: Sequence[Path] = (), gazetteer: Gazetteer | None = None) -> Lexicon:
        """The shipped lexicon, extended by the user's files (same format) in order.

        The gazetteer (the shipped one when None) names the entity words to drop.
        """
        shipped = resources.files("verify").joinpath("data/lexicon.tsv").read_text("utf-8")
        by_stem: dict[str, str] = {}
        opposites: set[tuple[str, str]] = set()
        negations: set[str] = set()
        toward: set[str] = set()
        toward_prefixes: set[str] = set()
        roles: dict[str, str] = {}
        parties: set[str] = set()
        phrases: dict[tuple[str, ...], str] = {}
        texts = [shipped, *(Path(p).read_text("utf-8") for p in extra)]
        for text in texts:
            for concept, words in _entries(text.splitlines()):
                if concept == "!opposite" and len(words) == 2:
                    one, other = (CONCEPT_PREFIX + w for w in words)
                    opposites |= {(one, other), (other, one)}
                elif concept == "!negation":
                    negations |= {match_form(w) for w in words}
                elif concept == "!toward":
                    toward |= {match_form(w) for w in words if not w.endswith("-")}
                    toward_prefixes |= {normalize_arabic(w[:-1]) for w in words
                                        if w.endswith("-")}
                elif concept == "!parties":
                    parties |= {CONCEPT_PREFIX + w for w in words}
                elif concept == "!role" and words:
                    for name in words[1:]:
                        roles.setdefault(CONCEPT_PREFIX + name, words[0])
                else:
                    for word in words:
                        tokens = TOKEN_RE.findall(word)
                        if len(tokens) > 1:  # a phrase: its words may be function words
                            phrases.setdefault(tuple(match_form(t) for t in tokens), concept)
                            continue
                        for token in tokens:
                            by_stem.setdefault(stem(token), concept)
        entities = gazetteer or Gazetteer.load()
        names: dict[str, str] = {}
        for key in sorted(entities.names):
            for name in entities.names[key]:
                if entities.overridden(key, name):
                    continue
                for token in TOKEN_RE.findall(name):
                    if stem(token) not in by_stem:
                        names.setdefault(stem(token), key)
        places = frozenset(k for k, t in entities.types.items() if t == "place")
        name_stems = {key: frozenset(stem(t) for name in entities.names[key]
                                     for t in TOKEN_RE.findall(name))
                      for key in entities.names}
        organisations = frozenset(k for k, t in entities.types.items() if t == "organisation")
        organisation_names = _by_first_stem({
            (stems, key) for key in organisations for name in entities.names[key]
            if (stems := _content_stems(name))})
        return cls(by_stem, names, frozenset(opposites), frozenset(negations),
                   frozenset(toward), frozenset(toward_prefixes), roles, frozenset(parties),
                   dict(entities.parents), places, *_place_names(entities, places, by_stem),
                   phrases, frozenset(one for one, _ in opposites), organisations, name_stems,
                   organisation_names, _fingerprint(texts, entities))

    def organisations_in(self, stems: Sequence[str]) -> frozenset[str]:
        """Keys of the organisations named in the content stems of a sentence."""
        return names_in(stems, self.organisation_names)

    def own_names(self, entities: Collection[str]) -> dict[str, str]:
        """Stem → entity key for every word of the names of the given entities.

        A word two of them share ("Israel" in Israel and in Israel's foreign ministry) goes
        to the one whose name it fills most (fewest words, then the lesser key), so the
        result never depends on the order a set is walked in.
        """
        stems = self.name_stems
        if len(entities) < 2:
            return {s: key for key in entities for s in stems.get(key, ())}
        own: dict[str, str] = {}
        for key in sorted(entities, key=lambda k: (len(stems.get(k, ())), k)):
            for s in stems.get(key, ()):
                own.setdefault(s, key)
        return own

    def concepts(
        self, context: Iterable[str], *, names: bool = False, own: dict[str, str] | None = None
    ) -> tuple[str, ...]:
        """Each stem replaced by its concept token when the lexicon knows it; order kept.

        Entity-name words are dropped, or, with `names`, replaced by "@" + the entity key;
        the words of `own` (`own_names` of the claim's entities) first, whatever else they
        may mean.
        """
        out: dict[str, None] = {}
        for token in context:
            if own and token in own:
                if names:
                    out.setdefault("@" + own[token], None)
                continue
            if token in self.names:
                if names:
                    out.setdefault("@" + self.names[token], None)
                continue
            concept = self.by_stem.get(token)
            out.setdefault(CONCEPT_PREFIX + concept if concept else token, None)
        return tuple(out)


def names_in(stems: Sequence[str], names: Names,
             taken: AbstractSet[str] = frozenset()) -> frozenset[str]:
    """Keys of the names whose content stems stand in a row among `stems` (the content
    stems of a sentence), the longest at each place; names with a word of `taken` are not
    read. In a row, not anywhere in the sentence: "Kavir Dairy supplies Fayruz Solar
    Energy" names no Kavir Energy."""
    found = []
    for first in names.keys() & stems:  # the few names a sentence holds, found in C
        lengths, keys = names[first]
        at = -1
        while (at := _index(stems, first, at + 1)) >= 0:
            for n in lengths:
                words = tuple(stems[at : at + n])
                key = keys.get(words)
                if key is not None and taken.isdisjoint(words):
                    found.append(key)
                    break
    return frozenset(found)


def _index(items: Sequence[str], item: str, start: int) -> int:
    """Where `item` next stands in `items` from `start` on; -1 when nowhere."""
    try:
        return items.index(item, start)
    except ValueError:
        return -1


def _content_stems(name: str) -> tuple[str, ...]:
    return tuple(stem(t) for t in TOKEN_RE.findall(name) if is_content_word(t))


def _all_stems(name: str) -> tuple[str, ...]:
    return tuple(stem(t) for t in TOKEN_RE.findall(name))


def _by_first_stem(names: Iterable[tuple[tuple[str, ...], str]]) -> Names:
    """Names by their first stem (a name of two keys keeps the lesser)."""
    by_first: dict[str, dict[tuple[str, ...], str]] = {}
    for stems, key in sorted(names, reverse=True):
        by_first.setdefault(stems[0], {})[stems] = key
    return {first: (tuple(sorted({len(s) for s in keys}, reverse=True)), keys)
            for first, keys in by_first.items()}


def _place_names(entities: Gazetteer, places: frozenset[str],
                 taken: dict[str, str]) -> tuple[Names, Names, frozenset[str]]:
    """Place names as content stems ("Iran", "باكو", "Bandar Abbas"), for reading the places
    of a sentence; the names read only whole, as stems of all their words; and the content
    words of those.

    A name of one word is left out when its stem is short (the Arabic stemmer cuts "باكو"
    to three letters) or a lexicon word, and so is a name two places share: a place read
    where none is named would keep two versions of one fact apart. A name a later file gave
    to another place (`Gazetteer.overridden`) is that one's alone, as the extractor reads
    it. A name whose function words leave one content word ("Port Said": "said" is a
    function word, "port" a lexicon word) is read only whole: its one word would name the
    place wherever it stands.
    """
    found: dict[tuple[str, ...], set[str]] = {}
    whole: dict[tuple[str, ...], set[str]] = {}
    words: dict[tuple[str, ...], str] = {}  # a name read whole → its one content stem
    for key in sorted(places):
        for name in entities.names[key]:
            if entities.overridden(key, name):
                continue
            stems = _content_stems(name)
            spelled = _all_stems(name)
            if len(stems) == 1 and len(spelled) > 1:
                whole.setdefault(spelled, set()).add(key)
                words[spelled] = stems[0]
            elif len(stems) > 1 or (stems and len(stems[0]) >= MIN_PLACE_STEM
                                    and stems[0] not in taken):
                found.setdefault(stems, set()).add(key)
    unique = [(stems, next(iter(keys))) for stems, keys in whole.items() if len(keys) == 1]
    return (_by_first_stem((stems, next(iter(keys))) for stems, keys in found.items()
                           if len(keys) == 1),
            _by_first_stem(unique),
            frozenset(words[stems] for stems, _ in unique))


def _fingerprint(texts: Iterable[str], entities: Gazetteer) -> str:
    """A hash of everything a lexicon is built from: its files, and the gazetteer's names,
    types and parents and the file that gave each (a later file's names override)."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode() + b"\x00")
    for key in sorted(entities.names):
        digest.update(f"{key}\t{entities.types.get(key)}\t{'|'.join(entities.names[key])}"
                      f"\t{entities.parents.get(key, '')}\t{entities.file_of(key)}\n".encode())
    return digest.hexdigest()


def _entries(lines: Iterable[str]) -> Iterable[tuple[str, list[str]]]:
    """(concept, words) per data line; a directive's cells are its words, in order."""
    header_seen = False
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if not header_seen:  # the header row names the languages; nothing to map
            header_seen = True
            continue
        words = [w.strip() for cell in cells[1:] for w in cell.split("|") if w.strip()]
        yield cells[0].strip(), words


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return Lexicon.load()
