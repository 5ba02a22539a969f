"""The command line as a user meets it: help, summaries, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, func, select

from verify.cli import main
from verify.store.models import Document, DocumentVersion

ENGLISH = "Israel opened an embassy in Ashgabat, some 25 km from the Iranian border.\n"


def run(*args: str, db: str | None = None) -> click.testing.Result:
    prefix = ["--db", db] if db else []
    return CliRunner().invoke(main, [*prefix, *args], catch_exceptions=False)


def commands() -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in main.commands.items():
        found.append((name, command))
        if isinstance(command, click.Group):
            found.extend((f"{name} {sub}", c) for sub, c in command.commands.items())
    return found


@pytest.mark.parametrize("name,command", commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    result = run(*name.split(), "--help")
    assert result.exit_code == 0
    assert command.help and "Example" in result.output, f"{name} lacks help with an example"


def test_top_level_help_lists_the_verbs() -> None:
    result = run("--help")
    for verb in ("ingest", "run", "report", "export"):
        assert verb in result.output


def test_python_dash_m_works() -> None:
    done = subprocess.run([sys.executable, "-m", "verify", "--help"], capture_output=True,
                          text=True, check=True)
    assert "contradict" in done.stdout


def test_ingest_summary_and_exit_code(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    result = run("ingest", str(tmp_path / "in"), db=db_url)
    assert result.exit_code == 1
    assert "1 stored, 0 unchanged, 0 new versions, 1 failed" in result.stdout
    (line,) = [s for s in result.stderr.splitlines() if s.startswith("error:")]
    assert "empty.txt: file is empty; remove it" in line
    again = run("ingest", str(tmp_path / "in" / "a.txt"), db=db_url)
    assert again.exit_code == 0 and "0 stored, 1 unchanged" in again.stdout


def test_database_that_does_not_connect_is_one_line() -> None:
    result = run("ingest", ".", db="postgresql+psycopg://u@127.0.0.1:1/x")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot open the database")
    assert len(result.stderr.strip().splitlines()) == 1


def test_export_lists_documents(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: T\npublished: 2023-03-29\n---\n" + ENGLISH,
                                   encoding="utf-8")
    run("ingest", str(tmp_path / "a.md"), db=db_url)
    result = run("export", "--format", "json", db=db_url)
    data = json.loads(result.stdout)
    (document,) = data["documents"]
    assert document["name"] == "a.md" and document["published"] == "2023-03-29"
    assert document["language"] == "en" and document["title"] == "T"
    assert isinstance(data["facts"], list)


def test_kill_9_mid_batch_leaves_a_whole_store(tmp_path: Path) -> None:
    """Documents committed before the kill are whole; the next run stores the rest."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):  # texts without figures: this test is about storing, not matching
        (folder / f"a{i:03}.txt").write_text(f"Dispatch {i} from the desk, filed late.\n" * 40,
                                             encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    env = {**os.environ, "VERIFY_DB": url}
    process = subprocess.Popen([sys.executable, "-m", "verify", "ingest", str(folder)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    engine = create_engine(url)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        try:
            with engine.connect() as connection:
                stored = connection.execute(select(func.count(Document.id))).scalar() or 0
        except Exception:  # the file or its tables may not exist yet
            continue
        if stored >= 20:
            break
    os.killpg(process.pid, signal.SIGKILL)  # the writer and its extraction processes, at once
    process.wait()
    assert 20 <= stored < 400, "the batch finished before it could be killed"
    with engine.connect() as connection:
        documents = connection.execute(select(func.count(Document.id))).scalar()
        whole = connection.execute(select(func.count(DocumentVersion.id))).scalar()
    engine.dispose()
    assert documents == whole, "a document without its version was left behind"
    result = run("ingest", str(folder), db=url)
    assert result.exit_code == 0
    assert f"{400 - documents} stored, {documents} unchanged" in result.stdout


def test_run_writes_report_and_the_export_contract(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Near\npublished: 2023-03-29\n---\n"
                                 "The new embassy in Ashgabat stands 25 km from the Iranian "
                                 "border, officials said.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The new embassy in Ashgabat stands 17 km from the Iranian "
                                  "border, officials said.\n", encoding="utf-8")
    report, export = tmp_path / "out" / "r.html", tmp_path / "out" / "r.json"
    result = run("run", str(folder), "--out", str(report), "--json", str(export), db=db_url)
    assert result.exit_code == 0, result.output
    assert report.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    data = json.loads(export.read_text(encoding="utf-8"))
    assert {d["name"] for d in data["documents"]} == {"a.md", "b.txt"}
    assert all("text" not in d for d in data["documents"])
    texts = {p.name: p.read_text(encoding="utf-8").split("---\n")[-1].strip()
             for p in folder.iterdir()}
    (conflict,) = [f for f in data["facts"] if f["status"] == "conflict"]
    assert conflict["kind"] == "length" and conflict["explanation"]
    assert conflict["review"]["status"] == "open" and "history" not in conflict["review"]
    for version in conflict["versions"]:
        text = texts[version["document"]]
        assert version["text"] == text[version["start"]:version["end"]]
        assert version["value"] in version["text"] and version["unit"] == "km"
        for field in ("claim_id", "low", "high", "qualifier", "source"):
            assert field in version
    assert sorted(v["low"] for v in conflict["versions"]) == [17, 25]
    refused = run("report", "--out", str(folder / "b.txt"), db=db_url)
    assert refused.exit_code == 1 and "--force" in refused.stderr


def test_check_finds_the_arabic_sipri_sentence_for_an_english_claim(
        db_url: str, seeds: Path) -> None:
    assert run("ingest", str(seeds), db=db_url).exit_code == 0
    result = run("check", "Israel supplied 69% of Baku's arms imports", "--json", db=db_url)
    data = json.loads(result.stdout)
    assert data["claim"] == "Israel supplied 69% of Baku's arms imports"
    supports = [v for v in data["versions"] if v["verdict"] == "supports"]
    assert [v["document"][:3] for v in supports] == ["003"]
    (version,) = supports
    assert "69" in version["value"] or "٦٩" in version["value"]
    assert version["explanation"]


def test_check_does_not_call_another_fact_a_conflict(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    texts = {
        "a.txt": "The new embassy in Ashgabat lies 17 km from the Iranian border, diplomats said.",
        "b.txt": "The new embassy in Ashgabat lies 25 km from the Iranian border, diplomats said.",
        "c.txt": "Turkmenistan shares a border of about 1,000 km with Iran, mostly desert.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    assert run("ingest", str(folder), db=db_url).exit_code == 0
    result = run("check", "The embassy in Ashgabat is 17 km from the Iranian border", "--json",
                 db=db_url)
    verdicts = {v["document"]: v["verdict"] for v in json.loads(result.stdout)["versions"]}
    assert verdicts["a.txt"] == "supports" and verdicts["b.txt"] == "conflicts"
    assert verdicts.get("c.txt", "related") == "related"
