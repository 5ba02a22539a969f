"""Schema versions: a fresh store is created at the newest schema; an older one is upgraded
step by step by the numbered functions below, each in its own transaction.

A small numbered list instead of Alembic: the steps are few, must run on SQLite and
PostgreSQL alike, and need no separate migration environment shipped with the package.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from sqlalchemy import Connection, Engine, Table, inspect, select, text

from verify.errors import StoreError
from verify.store.models import Base, Meta

Migration = Callable[[Connection], None]

# Columns whose values come from articles (names, outlets, keys built from words) or from
# users (reviewer names): schema 1 gave them length limits that PostgreSQL enforces, so one
# long name made its whole article fail. SQLite never enforced them.
_UNBOUNDED = {
    "documents": ["name"],
    "document_versions": ["outlet"],
    "sources": ["key"],
    "entities": ["key"],
    "aliases": ["surface"],
    "mentions": ["surface"],
    "blocking_keys": ["key"],
    "reviews": ["reviewer"],
    "review_events": ["reviewer"],
}


def _unbounded_text(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    for table, columns in _UNBOUNDED.items():
        for column in columns:
            connection.execute(text(f'ALTER TABLE {table} ALTER COLUMN "{column}" TYPE TEXT'))


# The counts the report ranks by (see `Fact.documents`, `Entity.documents`), worked out once
# from what the store holds; from then on ingest and regrouping keep them. A fact's outlets
# follow `claims.voice`: the outlet, else the document's own name.
_COUNTS = [
    "ALTER TABLE facts ADD COLUMN documents INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE facts ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE entities ADD COLUMN documents INTEGER NOT NULL DEFAULT 0",
    """UPDATE entities SET documents = (
        SELECT count(DISTINCT m.version_id) FROM mentions m
        JOIN document_versions v ON v.id = m.version_id
        WHERE m.entity_id = entities.id AND v.is_current)""",
    """UPDATE facts SET
        documents = (
            SELECT count(DISTINCT v.document_id) FROM fact_members m
            JOIN claims c ON c.key = m.claim_key
            JOIN document_versions v ON v.id = c.version_id
            WHERE m.fact_id = facts.id AND v.is_current),
        outlets = (
            SELECT count(DISTINCT coalesce(nullif(trim(v.outlet), ''), d.name)) FROM fact_members m
            JOIN claims c ON c.key = m.claim_key
            JOIN document_versions v ON v.id = c.version_id
            JOIN documents d ON d.id = v.document_id
            WHERE m.fact_id = facts.id AND v.is_current)
        WHERE is_current""",
]


def _counts(connection: Connection) -> None:
    for statement in _COUNTS:
        connection.execute(text(statement))


def _stored_features(connection: Connection) -> None:
    """Claims stored before have none: matching reads their sentences, as it did then."""
    connection.execute(text("ALTER TABLE claims ADD COLUMN features TEXT"))


# MIGRATIONS[i] brings a store from version i + 1 to version i + 2; version 1 is the first
# schema. Append only: a released step never changes.
MIGRATIONS: list[Migration] = [_unbounded_text, _counts, _stored_features]

SCHEMA_VERSION = len(MIGRATIONS) + 1


def stored_version(connection: Connection) -> int | None:
    if not inspect(connection).has_table(Meta.__tablename__):
        return None
    raw = connection.execute(select(Meta.value).where(Meta.name == "schema_version")).scalar()
    return int(raw) if raw is not None else None


def _set_version(connection: Connection, version: int) -> None:
    table = cast(Table, Meta.__table__)
    connection.execute(table.delete().where(table.c.name == "schema_version"))
    connection.execute(table.insert().values(name="schema_version", value=str(version)))


MIGRATION_LOCK = 0x76657267  # PostgreSQL advisory lock held while a store is migrated
WRITE_OPTION = "verify_write"  # execution option: this transaction will write (see session)


def _locked(engine: Engine) -> Engine:
    """Two processes opening a new store at once must not both create it: the migration
    transaction takes SQLite's write lock at BEGIN (see `session`) or a PostgreSQL advisory
    lock before it looks at the schema."""
    return engine.execution_options(**{WRITE_OPTION: True})


def migrate(engine: Engine) -> int:
    """Return the version the store is at after creating or upgrading it."""
    with _locked(engine).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        version = stored_version(connection)
        if version is None:
            if inspect(connection).get_table_names():
                raise StoreError(
                    f"{engine.url.render_as_string(hide_password=True)} holds tables "
                    "but no verify schema; point --db at a new or a verify database"
                )
            Base.metadata.create_all(connection)
            _set_version(connection, SCHEMA_VERSION)
            return SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store is at schema {version} but this verify knows only up to "
            f"{SCHEMA_VERSION}; upgrade verify (pip install -U verify)"
        )
    for step in range(version, SCHEMA_VERSION):
        with _locked(engine).begin() as connection:
            MIGRATIONS[step - 1](connection)
            _set_version(connection, step + 1)
    return SCHEMA_VERSION
