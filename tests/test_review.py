"""Reviews: decisions persist across re-runs, go stale when claims change, never get lost
to a concurrent reviewer; on SQLite and PostgreSQL alike (see conftest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from verify.cli import main
from verify.export import export_data, flag_detail, list_flags
from verify.pipeline import ingest_and_analyze
from verify.review import ReviewConflict, UnknownFlag, set_review
from verify.store import Store

NEAR = "The new embassy in Ashgabat stands 25 km from the Iranian border, officials said."
FAR = "The new embassy in Ashgabat stands 17 km from the Iranian border, officials said."
OTHER = "The ministry hired 120 new diplomats for its missions in Central Asia this year."


def corpus(folder: Path, **articles: str) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def only_flag(store: Store) -> dict[str, object]:
    (flag,) = list_flags(store)
    return flag


@pytest.fixture
def flagged(store: Store, tmp_path: Path) -> tuple[Store, Path]:
    folder = corpus(tmp_path / "in", a=NEAR, b=FAR)
    ingest_and_analyze(store, [folder])
    return store, folder


def test_decision_is_recorded_with_history(flagged: tuple[Store, Path]) -> None:
    store, _ = flagged
    flag_id = str(only_flag(store)["id"])
    set_review(store, flag_id, "needs-source", note="ask the agency", reviewer="amal")
    set_review(store, flag_id[:8], "confirmed", note="map checked", reviewer="ben")
    detail = flag_detail(store, flag_id)
    assert detail["review"]["status"] == "confirmed" and detail["review"]["reviewer"] == "ben"
    assert [(e["status"], e["reviewer"], e["note"]) for e in detail["review"]["history"]] == [
        ("needs-source", "amal", "ask the agency"), ("confirmed", "ben", "map checked")]
    assert detail["review"]["revision"] == 2 and detail["review"]["stale"] is False


def test_decision_survives_rerun_and_new_documents(flagged: tuple[Store, Path]) -> None:
    store, folder = flagged
    flag_id = str(only_flag(store)["id"])
    set_review(store, flag_id, "confirmed", reviewer="amal")
    ingest_and_analyze(store, [folder])
    corpus(folder, c=OTHER)
    ingest_and_analyze(store, [folder])
    flag = only_flag(store)
    assert flag["id"] == flag_id
    assert flag["review"] == {**flag["review"], "status": "confirmed", "stale": False}


def test_changed_claims_make_the_decision_stale_not_lost(flagged: tuple[Store, Path]) -> None:
    store, folder = flagged
    old_id = str(only_flag(store)["id"])
    set_review(store, old_id, "dismissed", note="same place", reviewer="amal")
    (folder / "b.txt").write_text(FAR.replace("17 km", "15 km") + "\n", encoding="utf-8")
    ingest_and_analyze(store, [folder])
    flag = only_flag(store)
    assert flag["id"] != old_id
    review = flag["review"]
    assert (review["status"], review["reviewer"], review["stale"]) == ("dismissed", "amal", True)
    history = flag_detail(store, str(flag["id"]))["review"]["history"]
    assert [e["note"] for e in history] == ["same place"]


def test_second_reviewer_on_an_old_revision_is_refused(flagged: tuple[Store, Path]) -> None:
    store, _ = flagged
    flag_id = str(only_flag(store)["id"])
    seen = flag_detail(store, flag_id)["review"]["revision"]
    set_review(store, flag_id, "confirmed", reviewer="amal", expected_revision=seen)
    with pytest.raises(ReviewConflict) as refused:
        set_review(store, flag_id, "dismissed", reviewer="ben", expected_revision=seen)
    message = str(refused.value)
    assert "amal set it to confirmed" in message and "verify review show" in message
    assert flag_detail(store, flag_id)["review"]["status"] == "confirmed"


def test_unknown_flag_and_status(flagged: tuple[Store, Path]) -> None:
    store, _ = flagged
    with pytest.raises(UnknownFlag, match="no current flag matches 'nope'"):
        set_review(store, "nope", "confirmed")
    with pytest.raises(Exception, match="unknown status 'maybe'"):
        set_review(store, str(only_flag(store)["id"]), "maybe")


def test_review_commands(flagged: tuple[Store, Path], db_url: str) -> None:
    store, _ = flagged
    flag_id = str(only_flag(store)["id"])
    runner = CliRunner()
    listed = runner.invoke(main, ["--db", db_url, "review", "list"])
    assert listed.exit_code == 0 and flag_id in listed.output and "open" in listed.output
    done = runner.invoke(main, ["--db", db_url, "review", "set", flag_id, "--status",
                                "confirmed", "--note", "checked"])
    assert done.exit_code == 0 and "confirmed by tester (revision 1)" in done.output
    shown = runner.invoke(main, ["--db", db_url, "review", "show", flag_id])
    assert "25 km" in shown.output and "17 km" in shown.output and "tester: confirmed" in shown.output
    other = runner.invoke(main, ["--db", db_url, "review", "set", flag_id, "--status",
                                 "needs-source", "--reviewer", "ben"])
    assert "this replaces tester's decision (confirmed," in other.output
    stale = runner.invoke(main, ["--db", db_url, "review", "set", flag_id, "--status",
                                 "resolved", "--expect", "0"])
    assert stale.exit_code == 1 and "changed while you were deciding" in stale.stderr
    as_json = json.loads(runner.invoke(main, ["--db", db_url, "review", "list", "--json",
                                              "--status", "needs-source"]).output)
    assert [f["id"] for f in as_json] == [flag_id]


def test_export_formats_carry_the_decision(flagged: tuple[Store, Path], db_url: str) -> None:
    store, _ = flagged
    flag_id = str(only_flag(store)["id"])
    set_review(store, flag_id, "confirmed", note="checked", reviewer="amal")
    runner = CliRunner()
    csv_out = runner.invoke(main, ["--db", db_url, "export", "--format", "csv"]).output
    assert csv_out.startswith("\ufefffact_id,")
    assert sum(flag_id in line and "confirmed" in line for line in csv_out.splitlines()) == 2
    reviews = json.loads(runner.invoke(main, ["--db", db_url, "export", "--format",
                                              "claimreview", "--publisher", "Desk"]).output)
    (review,) = reviews
    for field in ("claimReviewed", "reviewRating", "url", "author", "itemReviewed",
                  "datePublished"):
        assert review[field], field
    assert review["@type"] == "ClaimReview" and review["reviewRating"]["alternateName"]
    assert len(review["itemReviewed"]["appearance"]) == 2
    data = export_data(store)
    (fact,) = [f for f in data["facts"] if f["id"] == flag_id]
    assert fact["review"]["status"] == "confirmed"
