"""Several ingest workers on one store, as a team runs verify: nothing lost, nothing twice.

Runs against the backend under test: a throwaway PostgreSQL database when VERIFY_TEST_PG is
set (what `.ci/run` does), a SQLite file otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from verify.export import export_data
from verify.pipeline import ingest_and_analyze
from verify.store import open_store
from verify.store.models import Claim, Document, DocumentVersion

SENTENCES = [
    "The embassy in Ashgabat stands {n} km from the Iranian border, officials said.",
    "Azerbaijan bought {n} drones from Israeli firms in 2021, the ministry said.",
    "Trade between Israel and Azerbaijan reached ${n} million last year.",
]


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        text = " ".join(s.format(n=10 + (i % 4) * 5 + k) for k, s in enumerate(SENTENCES))
        (folder / f"article_{i:02}.txt").write_text(text + "\n", encoding="utf-8")


def test_two_workers_on_one_store(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "shared_inbox"
    write_corpus(folder, 24)
    env = {**os.environ, "VERIFY_DB": db_url}
    command = [sys.executable, "-m", "verify", "ingest", str(folder), "--jobs", "1"]
    workers = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [w.communicate(timeout=300) for w in workers]
    for worker, (_, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
    stored = [int(out.split(" stored")[0].rsplit("\n", 1)[-1]) for out, _ in outputs]
    assert sum(stored) == 24, outputs
    store = open_store(db_url)
    with store.session() as session:
        assert session.scalar(select(func.count(Document.id))) == 24
        assert session.scalar(select(func.count(DocumentVersion.id))) == 24
        claims = session.scalar(select(func.count(Claim.id)))
    together = {(f["id"], f["status"]) for f in export_data(store)["facts"]}
    store.close()

    alone = open_store(f"sqlite:///{tmp_path / 'alone.db'}")
    ingest_and_analyze(alone, [folder])
    with alone.session() as session:
        assert session.scalar(select(func.count(Claim.id))) == claims
    assert {(f["id"], f["status"]) for f in export_data(alone)["facts"]} == together
    alone.close()
