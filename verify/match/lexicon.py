"""The bilingual lexicon: words of one meaning in any language meet on one concept.

Claim contexts are stems (`verify.text.normalize.stem`), so an Arabic clause and an English
one share nothing but entity keys unless their words are mapped to shared concepts. The
mapping is data (`verify/data/lexicon.tsv`), and a user extends it with files of the same
format: a header row `concept<TAB>lang<TAB>lang...`, then one concept a line with its words
per language, variants separated by "|"; lines starting with "#" are comments. Words are
stemmed on load, so they are written as they appear in text. When two concepts claim one
stem, the first one loaded keeps it (the shipped file first, then extra files in order).

Two directives ride in the same files: `!opposite<TAB>concept<TAB>concept` declares concepts
that contradict each other (rise/fall), and `!negation<TAB>word|word...` lists negation words;
`verify.check.compare_statements` reads both.

The words of entity names (from the gazetteer) are dropped from contexts: entities are
matched by their canonical keys, across scripts, and counting "Baku" once as a key and once
as a word would let two claims that only name one place look alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from verify.extract.entities import Gazetteer
from verify.text.normalize import TOKEN_RE, match_form, stem

CONCEPT_PREFIX = "~"  # marks a concept among raw stems: "~embassy" never equals a stem


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A stem → concept map; `concepts()` rewrites a context into shared tokens."""

    by_stem: dict[str, str]
    names: dict[str, str] = field(default_factory=dict)  # name-word stem → entity key
    opposites: frozenset[tuple[str, str]] = frozenset()  # concept-token pairs, both ways
    negations: frozenset[str] = frozenset()  # match forms of negation words

    @classmethod
    def load(cls, extra: Sequence[Path] = (), gazetteer: Gazetteer | None = None) -> Lexicon:
        """The shipped lexicon, extended by the user's files (same format) in order.

        The gazetteer (the shipped one when None) names the entity words to drop.
        """
        shipped = resources.files("verify").joinpath("data/lexicon.tsv").read_text("utf-8")
        by_stem: dict[str, str] = {}
        opposites: set[tuple[str, str]] = set()
        negations: set[str] = set()
        for text in [shipped, *(Path(p).read_text("utf-8") for p in extra)]:
            for concept, words in _entries(text.splitlines()):
                if concept == "!opposite" and len(words) == 2:
                    one, other = (CONCEPT_PREFIX + w for w in words)
                    opposites |= {(one, other), (other, one)}
                elif concept == "!negation":
                    negations |= {match_form(w) for w in words}
                else:
                    for word in words:
                        for token in TOKEN_RE.findall(word):
                            by_stem.setdefault(stem(token), concept)
        entities = gazetteer or Gazetteer.load()
        names: dict[str, str] = {}
        for key in sorted(entities.names):
            for name in entities.names[key]:
                for token in TOKEN_RE.findall(name):
                    if stem(token) not in by_stem:
                        names.setdefault(stem(token), key)
        return cls(by_stem, names, frozenset(opposites), frozenset(negations))

    def concepts(self, context: Iterable[str], *, names: bool = False) -> tuple[str, ...]:
        """Each stem replaced by its concept token when the lexicon knows it; order kept.

        Entity-name words are dropped, or, with `names`, replaced by "@" + the entity key.
        """
        out: dict[str, None] = {}
        for token in context:
            if token in self.names:
                if names:
                    out.setdefault("@" + self.names[token], None)
                continue
            concept = self.by_stem.get(token)
            out.setdefault(CONCEPT_PREFIX + concept if concept else token, None)
        return tuple(out)


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
