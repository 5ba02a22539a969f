"""Ingest: files into stored document versions, one transaction per article.

A document is known by its name; the same text again changes nothing, a changed text adds a
version and the older one stays reachable. An article is stored with everything extracted
from it in the same transaction, so a crash or a bad file never leaves half of it. Articles
are committed in batches (a commit costs more than an article's inserts); a batch that
fails is rolled back whole and its articles are stored again one transaction each, so a
bad article never takes good ones with it.

Reading and extraction are pure, so they run in worker processes (`jobs`); only the main
process writes, which keeps one writer on SQLite and the order of commits deterministic.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from verify.errors import InputError
from verify.ingest.readers import MAX_BYTES, Article, iter_files, read_path
from verify.store import Store, open_store
from verify.store.chunks import chunks
from verify.store.models import Document, DocumentVersion

STORED, UNCHANGED, NEW_VERSION = "stored", "unchanged", "new version"
BATCH = 64  # articles per transaction; a batch that fails is redone one article at a time


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


@dataclass(frozen=True)
class StoredVersion:
    """The stored version an analyzer attaches its rows to."""

    id: int
    document_id: int
    name: str
    number: int
    text: str
    current: bool = True
    replaces: int | None = None  # the version that was current until this one


class Analyzer(Protocol):
    """Extraction in two halves: `prepare` runs in a worker, `store` in the article's
    transaction."""

    def prepare(self, article: Article) -> Any: ...

    def store(self, connection: Connection, stored: Sequence[tuple[StoredVersion, Any]]) -> None:
        """Attach the prepared results of each version (several at once: bulk statements)."""

    def forget(self) -> None:
        """Drop what was cached from a transaction that rolled back."""


Listener = Callable[[Path], None]


@dataclass(frozen=True)
class _Read:
    """What a worker sends back for one article, analysed unless its text is stored already
    (then most likely unchanged: the writer decides, and analyses it if it is not)."""

    article: Article
    digest: str
    prepared: Any


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
    pending: list[_Read] = []
    for path, results in _read_all(files, analyzer, store, max_bytes, jobs):
        for item in results:
            if isinstance(item, InputError):
                summary.errors.append(item)
            else:
                pending.append(item)
        if len(pending) >= BATCH:
            _tally(summary, _store_batch(store, pending, analyzer))
            pending = []
        if on_file is not None:
            on_file(path)
    _tally(summary, _store_batch(store, pending, analyzer))
    return summary


def _tally(summary: IngestSummary,
           results: list[tuple[_Read, str, int | None] | InputError]) -> None:
    for result in results:
        if isinstance(result, InputError):
            summary.errors.append(result)
            continue
        _, outcome, version_id = result
        if outcome == STORED:
            summary.stored += 1
        elif outcome == NEW_VERSION:
            summary.new_versions += 1
        else:
            summary.unchanged += 1
        if version_id is not None:
            summary.changed_versions.append(version_id)


def default_jobs() -> int:
    return os.cpu_count() or 1


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_uid(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


# Worker state, set once per process by the pool initializer (or inline when jobs == 1).
_worker: dict[str, Any] = {}


def _init_worker(analyzer: Analyzer | None, store: Store | str, max_bytes: int) -> None:
    """A worker process gets the store's URL and opens its own connection to it."""
    _worker.update(analyzer=analyzer, max_bytes=max_bytes,
                   store=open_store(store) if isinstance(store, str) else store)


def _stored(digests: Sequence[str]) -> set[str]:
    """Which of these texts the store holds already: their analysis can be skipped. Asked
    per file rather than loaded up front, so ten new articles cost ten look-ups whatever
    the size of the store."""
    store: Store = _worker["store"]
    found: set[str] = set()
    with store.session() as session:
        for chunk in chunks(sorted(set(digests))):
            found.update(session.scalars(select(DocumentVersion.content_hash)
                                         .where(DocumentVersion.content_hash.in_(chunk))))
    return found


def _read_one(path: Path) -> tuple[Path, list[_Read | InputError]]:
    analyzer: Analyzer | None = _worker["analyzer"]
    items = list(read_path(path, _worker["max_bytes"]))
    digests = {id(item): content_hash(item.text) for item in items if isinstance(item, Article)}
    known = _stored(list(digests.values()))
    results: list[_Read | InputError] = []
    for item in items:
        if isinstance(item, InputError):
            results.append(item)
            continue
        digest = digests[id(item)]
        if digest in known:
            results.append(_Read(item, digest, None))
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
        results.append(_Read(item, digest, prepared))
    return path, results


def _read_all(
    files: list[Path], analyzer: Analyzer | None, store: Store, max_bytes: int, jobs: int,
) -> Iterator[tuple[Path, list[_Read | InputError]]]:
    """Results in file order, whatever the number of workers."""
    if jobs <= 1 or len(files) < 2:
        _init_worker(analyzer, store, max_bytes)
        try:
            yield from map(_read_one, files)
        finally:
            _worker.clear()
        return
    url = store.engine.url.render_as_string(hide_password=False)
    with ProcessPoolExecutor(jobs, initializer=_init_worker,
                             initargs=(analyzer, url, max_bytes)) as pool:
        yield from pool.map(_read_one, files, chunksize=max(1, min(64, len(files) // (jobs * 8))))


def _store_batch(
    store: Store, reads: list[_Read], analyzer: Analyzer | None
) -> list[tuple[_Read, str, int | None] | InputError]:
    """Commit a batch of articles in one transaction; if anything in it fails, store them
    one transaction each instead, so one bad article costs only itself."""
    if len(reads) > 1:
        try:
            with store.session(write=True) as session:
                connection = session.connection()
                done = [(read, *stored) for read, stored in
                        zip(reads, _store_documents(connection, reads, analyzer), strict=True)]
                if analyzer is not None:
                    analyzer.store(connection, [(version, _prepared(read, analyzer))
                                                for read, _, version in done if version])
                return [(read, outcome, version.id if version else None)
                        for read, outcome, version in done]
        except Exception:
            if analyzer is not None:
                analyzer.forget()
    results: list[tuple[_Read, str, int | None] | InputError] = []
    for read in reads:
        try:
            results.append((read, *_store_with_retry(store, read, analyzer)))
        except InputError as error:
            results.append(error)
    return results


def _store_with_retry(
    store: Store, read: _Read, analyzer: Analyzer | None, attempts: int = 3
) -> tuple[str, int | None]:
    """Another worker may store the same document, source or entity at the same moment;
    the loser's transaction rolls back whole and is simply run again, seeing the winner's."""
    attempt = 1
    while True:
        try:
            with store.session(write=True) as session:
                return _store_article(session, read, analyzer)
        except Exception as error:
            if analyzer is not None:
                analyzer.forget()
            if not isinstance(error, IntegrityError) or attempt == attempts:
                raise
            attempt += 1


def _store_article(
    session: Session, read: _Read, analyzer: Analyzer | None
) -> tuple[str, int | None]:
    """One article and its claims in the session's transaction."""
    connection = session.connection()
    [(outcome, version)] = _store_documents(connection, [read], analyzer)
    if version is None:
        return outcome, None
    if analyzer is not None:
        try:
            analyzer.store(connection, [(version, _prepared(read, analyzer))])
        except IntegrityError:
            raise  # a race with another worker: the caller runs the article again
        except Exception as error:  # an extractor bug must not sink the whole batch
            raise InputError(
                read.article.source_path,
                f"claims could not be stored ({type(error).__name__}: {error})",
                "nothing of it was stored; please report this file as a bug",
            ) from error
    return outcome, version.id


def _prepared(read: _Read, analyzer: Analyzer) -> Any:
    """The worker's analysis, or one made here for a text the store holds under another
    name (the same wire story filed twice): rare enough to cost the writer nothing."""
    return read.prepared if read.prepared is not None else analyzer.prepare(read.article)


def _store_documents(
    connection: Connection, reads: Sequence[_Read], analyzer: Analyzer | None
) -> list[tuple[str, StoredVersion | None]]:
    """The documents and new versions of a batch, in a few statements for the whole batch
    (a statement per article cost more than the inserts themselves). A document may come
    twice in one batch (two versions of it); only its last is current."""
    now = datetime.now(UTC).replace(tzinfo=None)
    names = sorted({read.article.name for read in reads})
    ids = _document_ids(connection, names)
    known: defaultdict[int, list[str]] = defaultdict(list)  # content hashes, oldest first
    for chunk in chunks(sorted(ids.values())):
        for document_id, digest in connection.execute(
            select(DocumentVersion.document_id, DocumentVersion.content_hash)
            .where(DocumentVersion.document_id.in_(chunk)).order_by(DocumentVersion.number)
        ):
            known[document_id].append(digest)
    new = [name for name in names if name not in ids]
    if new:
        connection.execute(insert(Document), [
            {"uid": document_uid(name), "name": name, "created": now} for name in new])
        ids.update(_document_ids(connection, new))
    planned: list[tuple[str, int, int] | None] = []  # (outcome, document id, number)
    for read in reads:
        document_id = ids[read.article.name]
        hashes = known[document_id]
        if read.digest in hashes:  # stored before, or by an earlier article of this batch
            planned.append(None)
            continue
        planned.append((NEW_VERSION if hashes else STORED, document_id, len(hashes) + 1))
        hashes.append(read.digest)
    last = {plan[1]: plan[2] for plan in planned if plan}
    older = sorted(d for d, number in last.items() if number > 1)
    replaced: dict[int, int] = {}
    for chunk in chunks(older):
        replaced.update((document_id, version_id) for document_id, version_id in connection.execute(
            select(DocumentVersion.document_id, DocumentVersion.id)
            .where(DocumentVersion.document_id.in_(chunk), DocumentVersion.is_current.is_(True))))
        connection.execute(update(DocumentVersion).where(DocumentVersion.document_id.in_(chunk))
                           .values(is_current=False))
    rows = [_version_row(read, plan[1], plan[2], last[plan[1]] == plan[2], now, analyzer)
            for read, plan in zip(reads, planned, strict=True) if plan]
    if rows:
        connection.execute(insert(DocumentVersion), rows)
    version_ids: dict[tuple[int, int], int] = {}
    for chunk in chunks(sorted(last)):
        version_ids.update(((d, n), i) for i, d, n in connection.execute(
            select(DocumentVersion.id, DocumentVersion.document_id, DocumentVersion.number)
            .where(DocumentVersion.document_id.in_(chunk))))
    return [(UNCHANGED, None) if plan is None else (plan[0], StoredVersion(
        version_ids[plan[1], plan[2]], plan[1], read.article.name, plan[2], read.article.text,
        current=last[plan[1]] == plan[2],
        replaces=replaced.get(plan[1]) if last[plan[1]] == plan[2] else None))
        for read, plan in zip(reads, planned, strict=True)]


def _document_ids(connection: Connection, names: Sequence[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for chunk in chunks(names):
        ids.update((name, document_id) for name, document_id in connection.execute(
            select(Document.name, Document.id).where(Document.name.in_(chunk))))
    return ids


def _version_row(read: _Read, document_id: int, number: int, current: bool, now: datetime,
                 analyzer: Analyzer | None) -> dict[str, Any]:
    article = read.article
    return {
        "document_id": document_id, "number": number, "content_hash": read.digest,
        "is_current": current, "text": article.text, "title": article.title,
        "outlet": article.outlet, "url": article.url, "published": article.published,
        "published_from": article.published_from, "language": article.language,
        "encoding": article.encoding, "source_path": article.source_path, "ingested": now,
        "analyzed": analyzer is not None,
    }
