"""Extraction results into the store: claims, blocking keys, sources and entity mentions.

Runs inside the article's ingest transaction, so a document is never stored without its
claims or with half of them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import cast

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from verify import claims as c
from verify.extract import extract
from verify.extract.entities import Gazetteer
from verify.ingest import StoredVersion
from verify.ingest.readers import Article
from verify.match import Lexicon, features
from verify.match.blocking import keys_of
from verify.match.stored import encode
from verify.store.bulk import Row, insert_rows
from verify.store.chunks import chunks
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
    features: tuple[str | None, ...]  # matching features as stored (`stored.encode`), per claim


@dataclass
class Analyzer:
    """Holds what every document needs (gazetteer, lexicon), loaded once per run.

    In the writing process it also caches the ids of entities, aliases and sources already
    stored, so an article costs a few bulk inserts instead of a query per name; `forget`
    drops the cache after a transaction that rolled back.
    """

    gazetteer: Gazetteer
    lexicon: Lexicon
    _entities: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _aliases: set[tuple[int, str]] = field(default_factory=set, init=False, repr=False)
    _sources: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _loaded: bool = field(default=False, init=False, repr=False)

    def prepare(self, article: Article) -> Prepared:
        result = extract(article.text, published=article.published, language=article.language,
                         gazetteer=self.gazetteer)
        text = article.text
        found = [features(claim, self.lexicon, text[claim.sentence_start:claim.sentence_end])
                 for claim in result.claims]
        return Prepared(result, tuple(tuple(sorted(keys_of(f))) for f in found),
                        tuple(encode(f, self.lexicon) for f in found))

    def forget(self) -> None:
        self._entities.clear()
        self._aliases.clear()
        self._sources.clear()
        self._loaded = False

    def store(self, connection: Connection,
              stored: Sequence[tuple[StoredVersion, Prepared]]) -> None:
        """The claims, keys and mentions of several versions, a few bulk statements in all."""
        self._load(connection)
        for version, _ in stored:
            _unindex_older_versions(connection, version)
        sources = self._source_ids(connection, {cl.source for _, prepared in stored
                                                for cl in prepared.extraction.claims if cl.source})
        insert_rows(connection, Claim.__tablename__, CLAIM_COLUMNS, [
            _claim_row(version, found, sources, line)
            for version, prepared in stored
            for found, line in zip(prepared.extraction.claims, prepared.features, strict=True)])
        ids = _claim_ids(connection, [version.id for version, _ in stored])
        # In key order, the index on keys takes them page by page rather than at random.
        insert_rows(connection, BlockingKey.__tablename__, ("claim_id", "key"), sorted((
            (ids[version.id, found.value.start], key)
            for version, prepared in stored
            for found, keys in zip(prepared.extraction.claims, prepared.keys, strict=True)
            for key in keys), key=itemgetter(1)))
        self._store_mentions(connection, [(version.id, prepared.extraction.mentions)
                                          for version, prepared in stored])
        self._count_documents(connection, stored)

    def _load(self, connection: Connection) -> None:
        if self._loaded:
            return
        self._entities.update((k, i) for k, i in connection.execute(select(Entity.key, Entity.id)))
        self._aliases.update((i, a) for i, a in connection.execute(select(Alias.entity_id, Alias.surface)))
        self._sources.update((k, i) for k, i in connection.execute(select(Source.key, Source.id)))
        self._loaded = True

    def _source_ids(self, connection: Connection, names: set[str]) -> dict[str, int]:
        keys = {name: normalize(name) for name in names}
        new = sorted({key for key in keys.values() if key not in self._sources})
        if new:
            first = {key: name for name, key in sorted(keys.items(), reverse=True)}
            rows = connection.execute(insert(Source).returning(Source.key, Source.id),
                                   [{"key": key, "name": first[key]} for key in new])
            self._sources.update((k, i) for k, i in rows)
        return {name: self._sources[key] for name, key in keys.items()}

    def _store_mentions(self, connection: Connection,
                        found: Sequence[tuple[int, Sequence[c.Mention]]]) -> None:
        mentions = [m for _, ms in found for m in ms]
        new: dict[str, c.Mention] = {}
        for mention in mentions:
            if mention.key not in self._entities:
                new.setdefault(mention.key, mention)
        if new:
            inserted = connection.execute(insert(Entity).returning(Entity.key, Entity.id), [
                {"key": key, "name": m.surface, "type": m.type} for key, m in sorted(new.items())
            ])
            self._entities.update((k, i) for k, i in inserted)
        aliases = {(self._entities[m.key], m.surface) for m in mentions} - self._aliases
        if aliases:
            connection.execute(insert(Alias), [
                {"entity_id": entity_id, "surface": surface} for entity_id, surface in sorted(aliases)
            ])
            self._aliases.update(aliases)
        insert_rows(connection, Mention.__tablename__, ("version_id", "entity_id", "start", "end", "surface"),
                    [(version_id, self._entities[m.key], m.start, m.end, m.surface)
                     for version_id, ms in found for m in ms])


    def _count_documents(self, connection: Connection,
                         stored: Sequence[tuple[StoredVersion, Prepared]]) -> None:
        """Keep `Entity.documents`: a version that becomes current adds one to each entity
        it names, and the version it replaces takes one off each entity that one named."""
        delta: Counter[int] = Counter()
        for version, prepared in stored:
            if version.current:
                delta.update({self._entities[m.key] for m in prepared.extraction.mentions})
        for chunk in chunks(sorted(v.replaces for v, _ in stored if v.replaces is not None)):
            delta.subtract(entity_id for _, entity_id in connection.execute(
                select(Mention.version_id, Mention.entity_id).distinct()
                .where(Mention.version_id.in_(chunk))))
        changes = sorted((entity_id, n) for entity_id, n in delta.items() if n)
        if changes:  # in id order, so two writers on PostgreSQL lock rows in one order
            entities = cast(Table, Entity.__table__)
            connection.execute(
                update(entities).where(entities.c.id == bindparam("entity"))
                .values(documents=entities.c.documents + bindparam("delta")),
                [{"entity": entity_id, "delta": n} for entity_id, n in changes])


CLAIM_COLUMNS = (
    "key", "version_id", "sentence_start", "sentence_end", "value_start", "value_end",
    "value_text", "kind", "low", "high", "unit", "currency", "qualifier", "resolved",
    "context", "entities", "scope", "source_id", "features",
)


def _claim_row(version: StoredVersion, found: c.Claim, sources: dict[str, int],
               line: str | None) -> Row:
    """A claim as a tuple in CLAIM_COLUMNS order."""
    sentence = version.text[found.sentence_start : found.sentence_end]
    value = found.value
    return (
        claim_key(version.name, sentence, value.start - found.sentence_start), version.id,
        found.sentence_start, found.sentence_end, value.start, value.end,
        version.text[value.start : value.end], value.kind.value, value.low, value.high,
        value.unit, value.currency, value.qualifier.value, value.resolved,
        " ".join(found.context), " ".join(found.entities), " ".join(found.scope),
        sources[found.source] if found.source else None, line,
    )


def _claim_ids(connection: Connection, versions: Sequence[int]) -> dict[tuple[int, int], int]:
    """Stored claim ids by (version, value offset): a version's values never overlap, so
    the offset names one claim, and the ids need no RETURNING row by row."""
    ids: dict[tuple[int, int], int] = {}
    for chunk in chunks(sorted(versions)):
        ids.update(((version, start), claim_id) for claim_id, version, start in connection.execute(
            select(Claim.id, Claim.version_id, Claim.value_start).where(Claim.version_id.in_(chunk))))
    return ids


def _unindex_older_versions(connection: Connection, version: StoredVersion) -> None:
    """Only current claims stay in the blocking index, so block sizes count what matters."""
    if version.number == 1:
        return
    older = select(DocumentVersion.id).where(DocumentVersion.document_id == version.document_id,
                                             DocumentVersion.id != version.id)
    connection.execute(delete(BlockingKey).where(
        BlockingKey.claim_id.in_(select(Claim.id).where(Claim.version_id.in_(older)))))
