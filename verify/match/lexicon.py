"""The bilingual lexicon: words of one meaning in any language meet on one concept.

Claim contexts are stems (`verify.text.normalize.stem`), so an Arabic clause and an English
one share nothing but entity keys unless their words are mapped to shared concepts. The
mapping is data (`verify/data/lexicon.tsv`), and a user extends it with files of the same
format: a header row `concept<TAB>lang<TAB>lang...`, then one concept a line with its words
per language, variants separated by "|"; lines starting with "#" are comments. Words are
stemmed on load, so they are written as they appear in text. When two concepts claim one
stem, the first one loaded keeps it (the shipped file first, then extra files in order).

The words of entity names (from the gazetteer) are dropped from contexts: entities are
matched by their canonical keys, across scripts, and counting "Baku" once as a key and once
as a word would let two claims that only name one place look alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from verify.extract.entities import Gazetteer
from verify.text.normalize import TOKEN_RE, stem

CONCEPT_PREFIX = "~"  # marks a concept among raw stems: "~embassy" never equals a stem


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A stem → concept map; `concepts()` rewrites a context into shared tokens."""

    by_stem: dict[str, str]
    names: frozenset[str] = frozenset()  # stems of entity-name words, dropped from contexts

    @classmethod
    def load(cls, extra: Sequence[Path] = (), gazetteer: Gazetteer | None = None) -> Lexicon:
        """The shipped lexicon, extended by the user's files (same format) in order.

        The gazetteer (the shipped one when None) names the entity words to drop.
        """
        shipped = resources.files("verify").joinpath("data/lexicon.tsv").read_text("utf-8")
        by_stem: dict[str, str] = {}
        for text in [shipped, *(Path(p).read_text("utf-8") for p in extra)]:
            for concept, word in _entries(text.splitlines()):
                for token in TOKEN_RE.findall(word):
                    by_stem.setdefault(stem(token), concept)
        entities = gazetteer or Gazetteer.load()
        names = frozenset(
            stem(token)
            for written in entities.names.values()
            for name in written
            for token in TOKEN_RE.findall(name)
        )
        return cls(by_stem, names - by_stem.keys())

    def concepts(self, context: Iterable[str]) -> tuple[str, ...]:
        """Each stem replaced by its concept token when the lexicon knows it; order kept."""
        out: dict[str, None] = {}
        for token in context:
            if token in self.names:
                continue
            concept = self.by_stem.get(token)
            out.setdefault(CONCEPT_PREFIX + concept if concept else token, None)
        return tuple(out)


def _entries(lines: Iterable[str]) -> Iterable[tuple[str, str]]:
    header_seen = False
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if not header_seen:  # the header row names the languages; nothing to map
            header_seen = True
            continue
        concept = cells[0].strip()
        for cell in cells[1:]:
            for word in cell.split("|"):
                if word.strip():
                    yield concept, word.strip()


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return Lexicon.load()
