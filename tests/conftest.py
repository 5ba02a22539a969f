"""Every test gets its own store and a working directory of its own.

The suite runs on SQLite by default; with VERIFY_TEST_PG set to a PostgreSQL URL (a role
allowed to create databases), every store test runs on a throwaway database on that
server instead. `.ci/run` runs the suite both ways.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from verify.pipeline import ingest_and_analyze
from verify.store import Store, open_store

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
CLAIMS = Path(__file__).resolve().parents[1] / "claims"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the user's store or reports."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VERIFY_DB", raising=False)
    monkeypatch.setenv("VERIFY_REVIEWER", "tester")
    return tmp_path


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """A new, empty database URL on the backend under test."""
    server = os.environ.get("VERIFY_TEST_PG")
    if not server:
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    name = f"verify_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = open_store(db_url)
    yield opened
    opened.close()


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the real articles are not at {SEEDS}")
    return SEEDS


def stock_sample(store: Store, folder: Path) -> None:
    """The sample corpus, then one article of it changed and filed again under another name:
    a store with superseded versions, facts that are gone and an outlet with two documents."""
    shutil.copytree(CLAIMS, folder)
    ingest_and_analyze(store, [folder], folders=[folder])
    changed = folder / "en_ashgabat_embassy.md"
    text = changed.read_text(encoding="utf-8")
    assert "Officials in Jerusalem" in text and "delegation of 30" in text
    changed.write_text(text.replace("Officials in Jerusalem", "Officials at home").replace(
        "delegation of 30", "delegation of 45"), encoding="utf-8")
    # The outlet files the story twice: two documents, one voice.
    shutil.copy(changed, folder / "en_ashgabat_embassy_again.md")
    ingest_and_analyze(store, [folder], folders=[folder])
