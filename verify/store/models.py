"""The typed schema of the store: everything the flow keeps between runs.

Integer primary keys keep bulk inserts cheap; the string `uid`/`key` columns are the stable
ids that leave the store (export, report, review), derived from content so that a re-run on
the same articles gives the same ids whatever the order of ingestion.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """One row per setting; holds the schema version that migrations read."""

    __tablename__ = "meta"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))


class Document(Base):
    """An article as the user knows it: its name; the text lives in its versions."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    created: Mapped[datetime] = mapped_column(DateTime)

    versions: Mapped[list[DocumentVersion]] = relationship(
        back_populates="document", order_by="DocumentVersion.number"
    )


class DocumentVersion(Base):
    """One content of a document; a changed file adds a version, the old stays reachable."""

    __tablename__ = "document_versions"
    __table_args__ = (
        UniqueConstraint("document_id", "content_hash"),
        UniqueConstraint("document_id", "number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    published_from: Mapped[str | None] = mapped_column(String(16))  # metadata | text
    language: Mapped[str] = mapped_column(String(8))
    encoding: Mapped[str | None] = mapped_column(String(32))
    source_path: Mapped[str] = mapped_column(Text)
    ingested: Mapped[datetime] = mapped_column(DateTime)
    analyzed: Mapped[bool] = mapped_column(Boolean, default=False)

    document: Mapped[Document] = relationship(back_populates="versions")


class Source(Base):
    """A source an article cites (an agency, an institute, a person)."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)  # normalised name
    name: Mapped[str] = mapped_column(Text)  # first spelling seen


class Entity(Base):
    """A person, place or organisation; spelling variants hang off it as aliases."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    # Current documents that name it, kept by ingest: counting them from the mentions takes
    # seconds in a large store, and the report ranks every entity by it.
    documents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Alias(Base):
    """A spelling of an entity as some article wrote it."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("entity_id", "surface"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    surface: Mapped[str] = mapped_column(Text)


class Mention(Base):
    """Where a version names an entity, by exact offsets into its text."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("document_versions.id", ondelete="CASCADE"), index=True
    )
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(Text)


class Claim(Base):
    """A value in its sentence: the unit that matching groups and comparison judges."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), index=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("document_versions.id", ondelete="CASCADE"), index=True
    )
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    value_start: Mapped[int] = mapped_column(Integer)
    value_end: Mapped[int] = mapped_column(Integer)
    value_text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(16))
    currency: Mapped[str | None] = mapped_column(String(8))
    qualifier: Mapped[str] = mapped_column(String(16))
    resolved: Mapped[bool] = mapped_column(Boolean, default=True)
    context: Mapped[str] = mapped_column(Text)  # space-joined normalised stems
    entities: Mapped[str] = mapped_column(Text)  # space-joined canonical entity keys
    scope: Mapped[str] = mapped_column(Text)  # space-joined time scope
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    # matching features as ingest computed them (`verify.match.stored`); NULL in a store
    # from before they were kept, and read again from the sentence then
    features: Mapped[str | None] = mapped_column(Text)


class BlockingKey(Base):
    """Inverted index from a blocking key to the claims that carry it.

    Lets a few new claims find their candidates in a store of millions without a scan.
    """

    __tablename__ = "blocking_keys"
    __table_args__ = (Index("ix_blocking_keys_key", "key"),)

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(Text, primary_key=True)


class Fact(Base):
    """A group of claims that state one fact; its verdict is recomputed on every run."""

    __tablename__ = "facts"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    conflict_kind: Mapped[str | None] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text)
    members_hash: Mapped[str] = mapped_column(String(64))
    is_current: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    updated: Mapped[datetime] = mapped_column(DateTime)
    # How many documents and outlets state it, kept with its members: the report ranks every
    # fact by them and shows only the first few hundred, so it never reads the rest's claims.
    documents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    outlets: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class FactMember(Base):
    """Which claims a fact groups, by their stable claim keys."""

    __tablename__ = "fact_members"

    fact_id: Mapped[str] = mapped_column(
        ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True
    )
    claim_key: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class Review(Base):
    """A reviewer's current decision on a flagged fact.

    `revision` is SQLAlchemy's version counter: a second reviewer who read an older
    revision fails at write time instead of silently overwriting the first.
    """

    __tablename__ = "reviews"

    fact_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    updated: Mapped[datetime] = mapped_column(DateTime)
    members_hash: Mapped[str] = mapped_column(String(64))  # what the reviewer saw
    revision: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": revision}


class ReviewEvent(Base):
    """Every decision ever made, in order; history is appended, never rewritten."""

    __tablename__ = "review_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fact_id: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
    members_hash: Mapped[str] = mapped_column(String(64))
