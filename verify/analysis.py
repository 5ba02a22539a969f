"""Extraction results into the store, and stored claims back into the shape matching needs.

Runs inside the article's ingest transaction, so a document is never stored without its
claims or with half of them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from verify import claims as c
from verify.extract import extract
from verify.extract.entities import Gazetteer
from verify.ingest.readers import Article
from verify.match import Item, Lexicon, blocking_keys
from verify.store.models import Alias, BlockingKey, Claim, DocumentVersion, Entity, Mention, Source
from verify.text.normalize import normalize


def claim_key(document: str, sentence: str, offset_in_sentence: int) -> str:
    """Stable across re-runs and unrelated edits elsewhere in the document."""
    raw = f"{document}\x1f{sentence}\x1f{offset_in_sentence}".encode()
    return hashlib.sha256(raw).hexdigest()[:20]


@dataclass(frozen=True)
class Prepared:
    """An article's extraction with its blocking keys, computed in a worker process."""

    extraction: c.Extraction
    keys: tuple[tuple[str, ...], ...]  # blocking keys, one tuple per claim


@dataclass
class Analyzer:
    """Holds what every document needs (gazetteer, lexicon), loaded once per run."""

    gazetteer: Gazetteer
    lexicon: Lexicon

    def prepare(self, article: Article) -> Prepared:
        result = extract(article.text, published=article.published, language=article.language,
                         gazetteer=self.gazetteer)
        keys = tuple(tuple(sorted(blocking_keys(found, self.lexicon))) for found in result.claims)
        return Prepared(result, keys)

    def store(self, session: Session, version: DocumentVersion, prepared: Prepared) -> None:
        result = prepared.extraction
        _unindex_older_versions(session, version)
        name = version.document.name
        sources = _source_ids(session, {cl.source for cl in result.claims if cl.source})
        rows = []
        for found in result.claims:
            sentence = version.text[found.sentence_start : found.sentence_end]
            value = found.value
            rows.append({
                "key": claim_key(name, sentence, value.start - found.sentence_start),
                "version_id": version.id,
                "sentence_start": found.sentence_start, "sentence_end": found.sentence_end,
                "value_start": value.start, "value_end": value.end,
                "value_text": version.text[value.start : value.end],
                "kind": value.kind.value, "low": value.low, "high": value.high,
                "unit": value.unit, "currency": value.currency,
                "qualifier": value.qualifier.value, "resolved": value.resolved,
                "context": " ".join(found.context), "entities": " ".join(found.entities),
                "scope": " ".join(found.scope),
                "source_id": sources.get(found.source) if found.source else None,
            })
        if rows:
            ids = session.scalars(insert(Claim).returning(Claim.id, sort_by_parameter_order=True),
                                  rows).all()
            session.execute(insert(BlockingKey), [
                {"claim_id": claim_id, "key": key}
                for claim_id, claim_keys in zip(ids, prepared.keys, strict=True)
                for key in claim_keys
            ])
        _store_mentions(session, version.id, result.mentions)


def _unindex_older_versions(session: Session, version: DocumentVersion) -> None:
    """Only current claims stay in the blocking index, so block sizes count what matters."""
    if version.number == 1:
        return
    older = select(DocumentVersion.id).where(DocumentVersion.document_id == version.document_id,
                                             DocumentVersion.id != version.id)
    session.execute(delete(BlockingKey).where(
        BlockingKey.claim_id.in_(select(Claim.id).where(Claim.version_id.in_(older)))))


def _source_ids(session: Session, names: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for name in sorted(names):
        key = normalize(name)
        source_id = session.scalar(select(Source.id).where(Source.key == key))
        if source_id is None:
            source = Source(key=key, name=name)
            session.add(source)
            session.flush()
            source_id = source.id
        found[name] = source_id
    return found


def _store_mentions(session: Session, version_id: int, mentions: Iterable[c.Mention]) -> None:
    entity_ids: dict[str, int] = {}
    aliases: set[tuple[int, str]] = set()
    rows = []
    for mention in mentions:
        if mention.key not in entity_ids:
            entity = session.scalar(select(Entity).where(Entity.key == mention.key))
            if entity is None:
                entity = Entity(key=mention.key, name=mention.surface, type=mention.type)
                session.add(entity)
                session.flush()
            entity_ids[mention.key] = entity.id
        entity_id = entity_ids[mention.key]
        aliases.add((entity_id, mention.surface))
        rows.append({"version_id": version_id, "entity_id": entity_id, "start": mention.start,
                     "end": mention.end, "surface": mention.surface})
    if rows:
        session.execute(insert(Mention), rows)
    for entity_id, surface in sorted(aliases):
        known = session.scalar(select(Alias.id).where(Alias.entity_id == entity_id,
                                                      Alias.surface == surface))
        if known is None:
            session.add(Alias(entity_id=entity_id, surface=surface))


def to_item(row: Claim, document: str, text: str, source: str | None) -> Item:
    """A stored claim as matching sees it; the inverse of what `Analyzer` stores."""
    value = c.Value(
        kind=c.Kind(row.kind), start=row.value_start, end=row.value_end, low=row.low,
        high=row.high, unit=row.unit, qualifier=c.Qualifier(row.qualifier),
        resolved=row.resolved, currency=row.currency,
    )
    claim = c.Claim(
        sentence_start=row.sentence_start, sentence_end=row.sentence_end, value=value,
        context=tuple(row.context.split()), entities=tuple(row.entities.split()),
        source=source, scope=tuple(row.scope.split()),
    )
    return Item(claim_key=row.key, document=document,
                claim=claim, text=text[row.sentence_start : row.sentence_end])


