"""Matching: which claims in different documents state the same fact (step 4 of the flow).

Blocking keys gather candidates (`blocking`), one score decides a pair (`similarity`, with
every constant in `thresholds`), and complete linkage groups versions into facts without
chaining (`grouping`); Arabic meets English through entity keys and the lexicon (`lexicon`).
"""

from verify.match.blocking import InvertedIndex, blocking_keys
from verify.match.grouping import Fact, FactIndex, Item, PairVerdict, fact_id, group_facts
from verify.match.lexicon import Lexicon, default_lexicon
from verify.match.similarity import Features, features, score

__all__ = [
    "Fact",
    "FactIndex",
    "Features",
    "InvertedIndex",
    "Item",
    "Lexicon",
    "PairVerdict",
    "blocking_keys",
    "default_lexicon",
    "fact_id",
    "features",
    "group_facts",
    "score",
]
