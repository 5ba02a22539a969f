"""Opening stores: defaults, bad URLs, schema versions."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from verify.errors import StoreError
from verify.store import open_store, resolve_url
from verify.store.migrations import SCHEMA_VERSION


def test_default_url_is_a_file_in_the_working_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_url(None) == "sqlite:///verify.db"
    monkeypatch.setenv("VERIFY_DB", "sqlite:///elsewhere.db")
    assert resolve_url(None) == "sqlite:///elsewhere.db"
    assert resolve_url("sqlite:///given.db") == "sqlite:///given.db"


def test_sqlite_store_uses_wal_and_busy_timeout(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 's.db'}")
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    store.close()


def test_url_that_does_not_connect_says_so_without_password() -> None:
    with pytest.raises(StoreError) as raised:
        open_store("postgresql+psycopg://someone:secret@127.0.0.1:1/nowhere")
    message = str(raised.value)
    assert "cannot open the database" in message and "secret" not in message
    assert "check --db" in message


def test_unknown_url_scheme() -> None:
    with pytest.raises(StoreError, match="is not usable"):
        open_store("nosuchdb://x")


def test_reopening_keeps_schema_version(db_url: str) -> None:
    open_store(db_url).close()
    store = open_store(db_url)
    with store.engine.connect() as connection:
        version = connection.execute(
            text("SELECT value FROM meta WHERE name = 'schema_version'")).scalar()
    assert version == str(SCHEMA_VERSION)
    store.close()


def test_store_newer_than_the_code_is_refused(db_url: str) -> None:
    open_store(db_url).close()
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE meta SET value = '999' WHERE name = 'schema_version'"))
    engine.dispose()
    with pytest.raises(StoreError, match="schema 999 but this verify knows only up to"):
        open_store(db_url)


def test_foreign_database_is_not_touched(db_url: str) -> None:
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE payroll (id INTEGER)"))
    engine.dispose()
    with pytest.raises(StoreError, match="no verify schema"):
        open_store(db_url)


def test_store_of_schema_1_is_upgraded_and_keeps_its_data(db_url: str, tmp_path: Path) -> None:
    """A store written by the first release: bounded name columns, version 1."""
    from verify.pipeline import ingest_and_analyze

    store = open_store(db_url)
    (tmp_path / "a.txt").write_text("The border is 25 km away.\n", encoding="utf-8")
    ingest_and_analyze(store, [tmp_path / "a.txt"])
    store.close()
    engine = create_engine(db_url)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE sources ALTER COLUMN key TYPE VARCHAR(256)"))
        for table, column in (("facts", "documents"), ("facts", "outlets"),
                              ("entities", "documents"),  # added by schema 3
                              ("claims", "features")):  # added by schema 4
            connection.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        connection.execute(text("UPDATE meta SET value = '1' WHERE name = 'schema_version'"))
    engine.dispose()
    store = open_store(db_url)
    with store.engine.connect() as connection:
        version = connection.execute(
            text("SELECT value FROM meta WHERE name = 'schema_version'")).scalar()
        documents = connection.execute(text("SELECT name FROM documents")).scalars().all()
        connection.execute(text("INSERT INTO sources (key, name) VALUES (:k, 'x')"),
                           {"k": "long " * 100})
        features = connection.execute(text("SELECT features FROM claims")).scalars().all()
    store.close()
    assert version == str(SCHEMA_VERSION) == "4"
    assert documents == ["a.txt"]
    assert features == [None], "claims stored before keep no features: matching reads them anew"
