"""Language of an article: Arabic, English, or other.

A script count plus English function words: the pipeline only needs these three answers,
and a statistical detector would cost more than the whole extraction of an article.
"""

from __future__ import annotations

import re

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")
_ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on with as was by at from it said has have are".split()
)


def detect_language(text: str) -> str:
    sample = text[:5000]
    arabic = len(_ARABIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic == 0 and latin == 0:
        return "other"
    if arabic >= latin:
        return "ar"
    words = re.findall(r"[a-z]+", sample.lower())
    common = sum(1 for word in words if word in _ENGLISH_WORDS)
    return "en" if words and common / len(words) > 0.08 else "other"
