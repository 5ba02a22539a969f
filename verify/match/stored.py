"""Features kept beside each claim in the store, so that matching does not read every
sentence a second time.

Ingest computes a claim's features anyway, in its worker processes: its blocking keys come
from them. What is costly in them (`similarity.Reading`: the words, places and
organisations read from the context and the sentence) is stored as one line of text with
the claim, and matching only looks the rest up (`similarity.assemble`). The line ends with
what blocking reads of the claim (`Parts`), so that a whole store is blocked on its lines
alone (`columns`).

Stored features are trusted only when this very code computed them with these very
vocabularies: each line starts with a tag that hashes both, and a claim whose tag differs
(another lexicon, a folder's own gazetteer, a newer `verify`) is read again from its
sentence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata, resources
from typing import NamedTuple, cast

from verify.claims import Claim
from verify.match.lexicon import Lexicon
from verify.match.similarity import Features, Reading, assemble, eventless

# The modules whose code decides what features are: a change to any of them (or to the
# stemmer) makes every stored line stale. Hashing their source, rather than a version
# number someone must remember to raise, cannot forget a change.
_CODE = ("match/similarity.py", "match/lexicon.py", "match/thresholds.py", "match/stored.py",
         "text/normalize.py", "compare.py", "extract/entities.py")
_READ = len(Reading._fields)  # the cells after the tag that hold what was read


@lru_cache(maxsize=1)
def _code() -> str:
    digest = hashlib.sha256(metadata.version("snowballstemmer").encode())
    package = resources.files("verify")
    for path in _CODE:
        digest.update(package.joinpath(path).read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=8)
def _tag(fingerprint: str) -> str:
    return hashlib.sha256((_code() + fingerprint).encode()).hexdigest()[:12]


def tag(lexicon: Lexicon) -> str | None:
    """The tag of features computed with this lexicon; None for a lexicon built in code,
    whose features are never stored."""
    return _tag(lexicon.fingerprint) if lexicon.fingerprint else None


def encode(found: Features, lexicon: Lexicon) -> str | None:
    """The line a store keeps for these features (None when they cannot be trusted later):
    what was read (`Reading`), then what blocking reads (`Parts`).

    Every item is one token (stems, concepts, entity keys hold no space), so spaces and
    tabs are separator enough."""
    label = tag(lexicon)
    if label is None:
        return None
    read = (found.words, found.near, sorted(found.places), sorted(found.actors),
            sorted(found.beyond), sorted(found.toward))
    blocking = parts_of(found, lexicon)
    return "\t".join([label, *(" ".join(cell) for cell in read), blocking.dimension,
                      blocking.words, blocking.ties, "1" if blocking.eventless else ""])


def decode(line: str | None, claim: Claim, lexicon: Lexicon) -> Features | None:
    """The features a stored line holds, or None when it is missing or stale."""
    found = reading(line, lexicon)
    return None if found is None else assemble(claim, found, lexicon)


def reading(line: str | None, lexicon: Lexicon) -> Reading | None:
    """What a stored line says was read of its claim, or None when it is missing or stale:
    the costly part of its features, without the look-ups of the rest (`assemble`)."""
    cells = _cells(line, lexicon)
    if cells is None:
        return None
    words, near, places, actors, beyond, toward = cells[1 : _READ + 1]
    return Reading(tuple(words.split()), tuple(near.split()), _set(places), _set(actors),
                   _set(beyond), _set(toward))


class Parts(NamedTuple):
    """What blocking reads of a claim: the dimension, the words and the entity keys of its
    blocking keys (`blocking.keys_of`), tokens joined by spaces, and whether it is a year or
    a date that names no event (`similarity.eventless`). A stored line ends with them, so
    that the claims of a store, most of which are in no candidate pair, are blocked on
    their lines alone: nothing else of a line, and nothing of its claim, is read for them."""

    dimension: str
    words: str
    ties: str
    eventless: bool


_FIELDS = _READ + len(Parts._fields)  # the cells after the tag


def parts_of(found: Features, lexicon: Lexicon) -> Parts:
    """What blocking reads of a claim, from its features."""
    return Parts(found.dimension, " ".join(found.words),
                 " ".join(sorted(found.entities | found.beyond)), eventless(found, lexicon))


def parts(line: str | None, lexicon: Lexicon) -> Parts | None:
    """What blocking reads of a stored line's claim, or None when it is missing or stale."""
    cells = _cells(line, lexicon)
    if cells is None:
        return None
    dimension, words, ties, timeless = cells[_READ + 1 :]
    return Parts(dimension, words, ties, bool(timeless))


class Columns(NamedTuple):
    """`Parts` of many lines, one list for each."""

    dimensions: list[str]
    words: list[str]
    ties: list[str]
    eventless: list[bool]

    @classmethod
    def of(cls, rows: Sequence[Parts]) -> Columns:
        """The columns of parts read one by one."""
        return cls([p.dimension for p in rows], [p.words for p in rows], [p.ties for p in rows],
                   [p.eventless for p in rows])


def columns(lines: Sequence[str | None], lexicon: Lexicon) -> Columns | None:
    """`parts` of many lines at once, or None unless every line can be trusted: the lines
    are split in one call, and each column is a slice. A line with a cell too many or too
    few shifts the slices, so the tags would no longer all be read where they stand: the
    count of tags found there checks every line."""
    label = tag(lexicon)
    if label is None or not all(lines):
        return None
    width = _FIELDS + 1
    cells = "\t".join(cast("list[str]", lines)).split("\t")
    if len(cells) != width * len(lines) or cells[0::width].count(label) != len(lines):
        return None
    start = _READ + 1
    return Columns(cells[start::width], cells[start + 1 :: width], cells[start + 2 :: width],
                   list(map(bool, cells[start + 3 :: width])))


def _cells(line: str | None, lexicon: Lexicon) -> list[str] | None:
    if not line:
        return None
    cells = line.split("\t")
    return cells if len(cells) == _FIELDS + 1 and cells[0] == tag(lexicon) else None


_EMPTY: frozenset[str] = frozenset()


def _set(cell: str) -> frozenset[str]:
    return frozenset(cell.split()) if cell else _EMPTY
