"""Opening a store: one engine per URL, SQLite tuned for one writer and many readers."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from verify.errors import StoreError
from verify.store.migrations import WRITE_OPTION, migrate

DEFAULT_URL = "sqlite:///verify.db"
SQLITE_BUSY_MS = 30_000
OPEN_ATTEMPTS = 5


def resolve_url(url: str | None) -> str:
    """--db wins, then $VERIFY_DB, then a file in the working directory."""
    return url or os.environ.get("VERIFY_DB") or DEFAULT_URL


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets a report be read while an ingest writes; the busy timeout makes a second
    # writer wait instead of failing at once. The driver's own transaction handling is off
    # so that `_begin_sqlite` decides how each transaction starts.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    # A writing transaction takes the write lock up front (BEGIN IMMEDIATE): two processes
    # that both read and then write would otherwise deadlock, and SQLite would fail one of
    # them at once instead of letting it wait.
    mode = "IMMEDIATE" if connection.get_execution_options().get(WRITE_OPTION) else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")



class Store:
    """A migrated database and the sessions onto it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._readers = sessionmaker(engine, expire_on_commit=False)
        self._writers = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction: committed whole on success, rolled back whole on any error.

        `write` marks a transaction that will write, so that concurrent writers queue
        (SQLite's busy timeout) instead of failing.
        """
        with (self._writers if write else self._readers).begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None) -> Store:
    """Connect, check the schema version and bring an older store up to date."""
    url = resolve_url(url)
    try:
        engine = create_engine(url, connect_args=_connect_args(url))
    except (ArgumentError, ImportError) as error:
        raise StoreError(
            f"database URL {url!r} is not usable ({error}); "
            "pass --db sqlite:///FILE.db or postgresql+psycopg://USER@HOST/DB"
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
    try:
        _migrate_when_free(engine)
    except StoreError:
        engine.dispose()
        raise
    except OperationalError as error:
        engine.dispose()
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise StoreError(
            f"cannot open the database {_redact(url)}: {reason}; "
            "check --db or $VERIFY_DB and that the server is running"
        ) from None
    return Store(engine)


def _migrate_when_free(engine: Engine) -> None:
    """Two processes creating one new SQLite file at the same moment can meet a lock that
    SQLite reports at once instead of waiting on it (turning the new file to WAL): the
    loser tries again shortly, as it would wait on any other lock."""
    for attempt in range(1, OPEN_ATTEMPTS + 1):
        started = time.monotonic()
        try:
            migrate(engine)
            return
        except OperationalError as error:
            at_once = time.monotonic() - started < 1.0  # a lock waited on is not retried
            locked = engine.dialect.name == "sqlite" and "locked" in str(error.orig)
            if not (locked and at_once) or attempt == OPEN_ATTEMPTS:
                raise
            engine.dispose()
            time.sleep(0.1 * attempt)


def _connect_args(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        return {"timeout": SQLITE_BUSY_MS / 1000}
    if url.startswith("postgresql"):
        return {"connect_timeout": 5}
    return {}


def _redact(url: str) -> str:
    """Never print a password in an error message."""
    head, sep, tail = url.partition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, credentials = head.partition("//")
    user = credentials.split(":", 1)[0]
    return f"{scheme}//{user}:***@{tail}"
