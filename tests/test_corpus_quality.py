"""The whole pipeline on the sample corpus and the seeds, in a temporary SQLite store.

claims/ ships a gold file of every fact two articles state; the floors below are the
matching issue's (conflict precision ≥ 0.9, recall ≥ 0.8, pairwise). On the real seed
articles the Ashgabat distance (25 km against less than 20 km) must be flagged, and no more
than four conflicts in all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from verify.cli import main

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "claims"
SEEDS = ROOT.parent / "shared" / "seeds"


def _run(tmp_path: Path, folder: Path) -> tuple[CliRunner, str, dict[str, object]]:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'q.db'}"
    out = runner.invoke(main, ["--db", db, "run", str(folder), "--out", str(tmp_path / "r.html"),
                               "--json", str(tmp_path / "r.json"), "--jobs", "1"])
    assert out.exit_code == 0, out.output
    return runner, db, json.loads((tmp_path / "r.json").read_text("utf-8"))


def test_sample_corpus_conflicts_reach_the_floors(tmp_path: Path) -> None:
    runner, db, _ = _run(tmp_path, CLAIMS)
    out = runner.invoke(main, ["--db", db, "eval", "--gold", str(CLAIMS / "gold.json"),
                               "--json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)
    assert report["precision"] >= 0.9, report["false_positives"]
    assert report["recall"] >= 0.8, report["missed"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_seeds_flag_the_ashgabat_distance_and_at_most_four_conflicts(tmp_path: Path) -> None:
    _, _, export = _run(tmp_path, SEEDS)
    facts = export["facts"]
    assert isinstance(facts, list)
    conflicts = [f for f in facts if f["status"] == "conflict"]
    assert 1 <= len(conflicts) <= 4
    values = [{v["value"] for v in f["versions"]} for f in conflicts]
    assert any({"25 كيلومتراً", "أقل من 20 كلم"} <= v for v in values)
