"""The whole flow over a store: ingest new articles, extract their claims, match them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from verify.ingest import IngestSummary, ingest
from verify.ingest.readers import MAX_BYTES
from verify.store import Store


def ingest_and_analyze(
    store: Store,
    paths: Iterable[Path],
    *,
    max_bytes: int = MAX_BYTES,
    on_file: Callable[[Path], None] | None = None,
) -> IngestSummary:
    """Store the articles under `paths`."""
    return ingest(store, paths, max_bytes=max_bytes, on_file=on_file)
