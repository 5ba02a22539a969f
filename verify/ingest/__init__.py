"""Ingest: files into stored document versions, one transaction per article.

A document is known by its name; the same text again changes nothing, a changed text adds a
version and the older one stays reachable. Each article is stored with everything
extracted from it in one transaction, so a crash or a bad file never leaves half of it.

Reading and extraction are pure, so they run in worker processes (`jobs`); only the main
process writes, which keeps one writer on SQLite and the order of commits deterministic.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from verify.errors import InputError
from verify.ingest.readers import MAX_BYTES, Article, iter_files, read_path
from verify.store import Store
from verify.store.models import Document, DocumentVersion

STORED, UNCHANGED, NEW_VERSION = "stored", "unchanged", "new version"


@dataclass
class IngestSummary:
    stored: int = 0
    unchanged: int = 0
    new_versions: int = 0
    errors: list[InputError] = field(default_factory=list)
    changed_versions: list[int] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


class Analyzer(Protocol):
    """Extraction in two halves: `prepare` runs in a worker, `store` in the article's
    transaction."""

    def prepare(self, article: Article) -> Any: ...

    def store(self, session: Session, version: DocumentVersion, prepared: Any) -> None: ...

    def forget(self) -> None:
        """Drop what was cached from a transaction that rolled back."""


Listener = Callable[[Path], None]


@dataclass(frozen=True)
class _Read:
    """What a worker sends back for one article: unchanged, or read and analysed."""

    article: Article
    digest: str
    prepared: Any
    unchanged: bool


def ingest(
    store: Store,
    paths: Iterable[Path],
    *,
    analyzer: Analyzer | None = None,
    max_bytes: int = MAX_BYTES,
    on_file: Listener | None = None,
    jobs: int = 1,
) -> IngestSummary:
    """Store every article under `paths`; `jobs` worker processes read and extract."""
    summary = IngestSummary()
    files = list(iter_files(list(paths)))
    known = _known_hashes(store)
    for path, results in _read_all(files, analyzer, known, max_bytes, jobs):
        for item in results:
            if isinstance(item, InputError):
                summary.errors.append(item)
                continue
            if item.unchanged:
                summary.unchanged += 1
                continue
            try:
                outcome, version_id = _store_with_retry(store, item, analyzer)
            except InputError as error:
                summary.errors.append(error)
                continue
            if outcome == STORED:
                summary.stored += 1
            elif outcome == NEW_VERSION:
                summary.new_versions += 1
            else:
                summary.unchanged += 1
            if version_id is not None:
                summary.changed_versions.append(version_id)
        if on_file is not None:
            on_file(path)
    return summary


def default_jobs() -> int:
    return os.cpu_count() or 1


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_uid(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


def _known_hashes(store: Store) -> frozenset[tuple[str, str]]:
    """(name, content hash) of every stored version: lets workers skip unchanged articles."""
    with store.session() as session:
        rows = session.execute(
            select(Document.name, DocumentVersion.content_hash)
            .join(DocumentVersion, DocumentVersion.document_id == Document.id)
        )
        return frozenset((name, digest) for name, digest in rows)


# Worker state, set once per process by the pool initializer (or inline when jobs == 1).
_worker: dict[str, Any] = {}


def _init_worker(analyzer: Analyzer | None, known: frozenset[tuple[str, str]],
                 max_bytes: int) -> None:
    _worker.update(analyzer=analyzer, known=known, max_bytes=max_bytes)


def _read_one(path: Path) -> tuple[Path, list[_Read | InputError]]:
    analyzer: Analyzer | None = _worker["analyzer"]
    results: list[_Read | InputError] = []
    for item in read_path(path, _worker["max_bytes"]):
        if isinstance(item, InputError):
            results.append(item)
            continue
        digest = content_hash(item.text)
        if (item.name, digest) in _worker["known"]:
            results.append(_Read(item, digest, None, unchanged=True))
            continue
        try:
            prepared = analyzer.prepare(item) if analyzer is not None else None
        except Exception as error:  # an extractor bug must not sink the whole batch
            results.append(InputError(
                item.source_path,
                f"claims could not be extracted ({type(error).__name__}: {error})",
                "nothing of it was stored; please report this file as a bug",
            ))
            continue
        results.append(_Read(item, digest, prepared, unchanged=False))
    return path, results


def _read_all(
    files: list[Path], analyzer: Analyzer | None, known: frozenset[tuple[str, str]],
    max_bytes: int, jobs: int,
) -> Iterator[tuple[Path, list[_Read | InputError]]]:
    """Results in file order, whatever the number of workers."""
    if jobs <= 1 or len(files) < 2:
        _init_worker(analyzer, known, max_bytes)
        yield from map(_read_one, files)
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker,
                             initargs=(analyzer, known, max_bytes)) as pool:
        yield from pool.map(_read_one, files, chunksize=max(1, min(64, len(files) // (jobs * 8))))


def _store_with_retry(
    store: Store, read: _Read, analyzer: Analyzer | None, attempts: int = 3
) -> tuple[str, int | None]:
    """Another worker may store the same document, source or entity at the same moment;
    the loser's transaction rolls back whole and is simply run again, seeing the winner's."""
    attempt = 1
    while True:
        try:
            return _store_article(store, read, analyzer)
        except Exception as error:
            if analyzer is not None:
                analyzer.forget()
            if not isinstance(error, IntegrityError) or attempt == attempts:
                raise
            attempt += 1


def _store_article(
    store: Store, read: _Read, analyzer: Analyzer | None
) -> tuple[str, int | None]:
    article = read.article
    now = datetime.now(UTC).replace(tzinfo=None)
    with store.session(write=True) as session:
        document = session.scalar(select(Document).where(Document.name == article.name))
        if document is None:
            document = Document(uid=document_uid(article.name), name=article.name, created=now)
            session.add(document)
            session.flush()
            outcome, number = STORED, 1
        else:
            known = session.scalars(
                select(DocumentVersion.content_hash).where(
                    DocumentVersion.document_id == document.id
                )
            ).all()
            if read.digest in known:  # stored by an earlier article of this same batch
                return UNCHANGED, None
            outcome, number = NEW_VERSION, len(known) + 1
            session.execute(
                update(DocumentVersion)
                .where(DocumentVersion.document_id == document.id)
                .values(is_current=False)
            )
        version = DocumentVersion(
            document_id=document.id, number=number, content_hash=read.digest, is_current=True,
            text=article.text, title=article.title, outlet=article.outlet, url=article.url,
            published=article.published, published_from=article.published_from,
            language=article.language, encoding=article.encoding,
            source_path=article.source_path, ingested=now, analyzed=analyzer is not None,
        )
        session.add(version)
        session.flush()
        if analyzer is not None:
            analyzer.store(session, version, read.prepared)
        return outcome, version.id
