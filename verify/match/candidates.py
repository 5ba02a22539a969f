"""The candidate pairs of a whole set of claims at once, over arrays of integers.

They are the pairs `blocking.InvertedIndex` gives: claims sharing MIN_SHARED usable keys, or
two entity keys few claims name together while one of the two is over the cap. Built
through the index, grouping a whole store made a set of strings per key and a list per
combination of keys, one claim at a time, and that cost more than scoring the pairs. Here
every key of every claim is an integer in one array (numpy), and block sizes, the
combinations of each claim's keys and the claims that share one are sorts and counts over
it. The index stays what a store grows claim by claim (`FactIndex.add` after the first
batch); a property test holds the two to the same pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from verify.match.blocking import Common
from verify.match.similarity import ENTITY_PREFIX
from verify.match.thresholds import MAX_BLOCK, MIN_SHARED

Ints = npt.NDArray[np.int64]
_CELL = "\0"  # between two cells' tokens: no token is a NUL


def candidate_pairs(dimensions: Sequence[str], words: Sequence[str], entities: Sequence[str],
                    common: Common = ()) -> Ints:
    """Every candidate pair of the claims as rows (i, j) of their positions, i < j, sorted.

    Claim i is given by what its blocking keys are made of (`blocking.keys_for`): its
    dimension, its words, and the entity keys of the claim and of the rest of its sentence,
    tokens joined by spaces as a stored line keeps them. `common` as for `InvertedIndex`.
    """
    assert MIN_SHARED == 2, "the combinations below are pairs of keys"
    n = len(dimensions)
    word_ids, word_owner, of_words = _factorize(words, 0)
    first_entity = len(word_ids) + 1  # after the words and the marker
    entity_ids, entity_owner, of_entities = _factorize(entities, first_entity)
    tokens = first_entity + len(entity_ids) + 1
    dimension_ids = {d: i for i, d in enumerate(dict.fromkeys(dimensions))}
    dimension = np.fromiter(map(dimension_ids.__getitem__, dimensions), np.int64, n)
    span = max(len(dimension_ids), 1) * tokens  # a key is a dimension and a token
    owner = np.concatenate([word_owner, entity_owner])
    # one membership for each claim and key, sorted by claim, then by key
    claim, key = np.divmod(_distinct(owner * span + dimension[owner] * tokens
                                     + np.concatenate([of_words, of_entities])), span)

    usable = np.bincount(key, minlength=span) <= MAX_BLOCK
    ids = _Ids(dimension_ids, word_ids, entity_ids, tokens)
    for common_key in common:
        if isinstance(common_key, str) and (found := ids.key(common_key)) is not None:
            usable[found] = False
    keep = usable[key]
    combination, holder = _combinations(claim[keep], key[keep], span)
    shared = _sharing(holder, combination)

    named = key % tokens >= first_entity
    combination, holder = _combinations(claim[named], key[named], span)
    first, second = np.divmod(combination, span)
    rare = ~(usable[first] & usable[second])  # two usable keys tie them as a combination
    pairs = [ids.pair(p, span) for p in common if isinstance(p, tuple)]
    rare &= ~np.isin(combination, np.array([p for p in pairs if p is not None], np.int64))
    rows = np.concatenate([shared, _sharing(holder[rare], combination[rare])])
    return np.column_stack(np.divmod(_distinct(rows[:, 0] * n + rows[:, 1]), n))


def _distinct(numbers: Ints) -> Ints:
    """The distinct numbers, sorted: what `np.unique` gives, which took fifty times as long
    as a sort on these arrays (numpy 2.4)."""
    ordered = np.sort(numbers)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def _factorize(cells: Sequence[str], start: int) -> tuple[dict[str, int], Ints, Ints]:
    """Each distinct token's id, from `start` up to `start` + their number (the marker
    between cells takes one); and for each token of the cells, the cell it is in and its
    id. The cells are split in one call."""
    tokens = f" {_CELL} ".join([*cells, ""]).split()
    ids = {t: start + i for i, t in enumerate(dict.fromkeys(tokens))}
    of = np.fromiter(map(ids.__getitem__, tokens), np.int64, len(tokens))
    marker = of == ids.pop(_CELL, -1)
    return ids, np.cumsum(marker)[~marker], of[~marker]


def _combinations(claim: Ints, key: Ints, span: int) -> tuple[Ints, Ints]:
    """Every pair of keys of one claim, as one number (lesser key first), with the claim;
    `claim` and `key` sorted by claim, then by key. One step per distance between the
    keys' places in the claim's run: as many steps as the most keys one claim holds."""
    if not len(claim):
        return np.empty(0, np.int64), np.empty(0, np.int64)
    starts = np.flatnonzero(np.r_[True, claim[1:] != claim[:-1]])
    lengths = np.diff(np.r_[starts, len(claim)])
    left = np.repeat(starts + lengths, lengths) - np.arange(len(claim)) - 1  # keys after
    combinations, holders = [], []
    for distance in range(1, int(lengths.max())):
        at = np.flatnonzero(left >= distance)
        combinations.append(key[at] * span + key[at + distance])
        holders.append(claim[at])
    if not combinations:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(combinations), np.concatenate(holders)


def _sharing(holder: Ints, combination: Ints) -> Ints:
    """Every pair of claims holding one combination that at most MAX_BLOCK claims hold, as
    rows (lesser claim first); pairs of one size of block are taken together."""
    order = np.argsort(combination, kind="stable")
    combination, holder = combination[order], holder[order]
    starts = np.flatnonzero(np.r_[True, combination[1:] != combination[:-1]]) if len(
        combination) else np.empty(0, np.int64)
    sizes = np.diff(np.r_[starts, len(combination)])
    rows = [np.empty((0, 2), np.int64)]
    for size in np.unique(sizes[(sizes > 1) & (sizes <= MAX_BLOCK)]):
        first, second = np.triu_indices(size, 1)
        block = starts[sizes == size][:, None]
        a, b = holder[block + first].ravel(), holder[block + second].ravel()
        rows.append(np.column_stack([np.minimum(a, b), np.maximum(a, b)]))
    return np.concatenate(rows)


class _Ids(NamedTuple):
    """The ids of keys written as strings (`common`): a dimension and a word or an entity."""

    dimensions: dict[str, int]
    words: dict[str, int]
    entities: dict[str, int]
    tokens: int

    def key(self, written: str) -> int | None:
        """The id of a key `blocking.keys_for` writes, None when no claim here has it."""
        dimension, _, token = written.partition("|")
        found = (self.entities.get(token[len(ENTITY_PREFIX):])
                 if token.startswith(ENTITY_PREFIX) else self.words.get(token))
        where = self.dimensions.get(dimension)
        return None if found is None or where is None else where * self.tokens + found

    def pair(self, written: tuple[str, str], span: int) -> int | None:
        """The number `_combinations` makes of a pair of keys, None when one is not here."""
        first, second = self.key(written[0]), self.key(written[1])
        if first is None or second is None:
            return None
        return min(first, second) * span + max(first, second)
