"""Ingest: files into stored document versions, one transaction per article.

A document is known by its name; the same text again changes nothing, a changed text adds a
version and the older one stays reachable. Each article is stored with everything
extracted from it in one transaction, so a crash or a bad file never leaves half of it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, update
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


Analyzer = Callable[[Session, DocumentVersion], None]
Listener = Callable[[Path], None]


def ingest(
    store: Store,
    paths: Iterable[Path],
    *,
    analyze: Analyzer | None = None,
    max_bytes: int = MAX_BYTES,
    on_file: Listener | None = None,
) -> IngestSummary:
    """Store every article under `paths`; `analyze` runs inside each article's transaction."""
    summary = IngestSummary()
    for path in iter_files(list(paths)):
        for item in read_path(path, max_bytes):
            if isinstance(item, InputError):
                summary.errors.append(item)
                continue
            try:
                outcome, version_id = _store_article(store, item, analyze)
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


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_uid(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


def _store_article(
    store: Store, article: Article, analyze: Analyzer | None
) -> tuple[str, int | None]:
    digest = content_hash(article.text)
    now = datetime.now(UTC).replace(tzinfo=None)
    with store.session() as session:
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
            if digest in known:
                return UNCHANGED, None
            outcome, number = NEW_VERSION, len(known) + 1
            session.execute(
                update(DocumentVersion)
                .where(DocumentVersion.document_id == document.id)
                .values(is_current=False)
            )
        version = DocumentVersion(
            document_id=document.id, number=number, content_hash=digest, is_current=True,
            text=article.text, title=article.title, outlet=article.outlet, url=article.url,
            published=article.published, published_from=article.published_from,
            language=article.language, encoding=article.encoding,
            source_path=article.source_path, ingested=now, analyzed=False,
        )
        session.add(version)
        session.flush()
        if analyze is not None:
            try:
                analyze(session, version)
            except Exception as error:  # an extractor bug must not sink the whole batch
                raise InputError(
                    article.source_path,
                    f"claims could not be extracted ({type(error).__name__}: {error})",
                    "nothing of it was stored; please report this file as a bug",
                ) from error
            version.analyzed = True
        return outcome, version.id
