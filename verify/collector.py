"""Garbage-collector settings for a process that builds millions of long-lived objects.

Matching keeps every claim's features, links and facts alive for the whole run. With the
default thresholds the collector walks that growing heap again and again and finds almost
nothing to free (the objects hold no cycles that die young); run-sized thresholds and a
frozen start-up heap cut the match stage by about a fifth.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (50_000, 50, 1_000)  # allocations before a young collection; then older ones


def tune() -> None:
    """Collect rarely; leave what is loaded at start-up out of every later collection."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def paused() -> Iterator[None]:
    """No cycle collection while a store's worth of rows becomes objects (loading items,
    building an export): none of them forms a cycle, reference counting frees them all the
    same, and each full collection would walk them all again. Library code pauses it only
    around such a build, whatever the calling process has set."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def kept() -> Iterator[None]:
    """`paused`, around a build whose objects the process keeps (matching's items, features,
    links and facts): when it ends they are set aside for good (`gc.freeze`), or the first
    collection after it walks every one of them, a second a 10,000-article match. None of
    them forms a cycle, so reference counting still frees them when they are dropped."""
    with paused():
        try:
            yield
        finally:
            gc.freeze()
