"""Facts in the store: incremental regrouping agrees with regrouping everything."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from conftest import CLAIMS
from sqlalchemy import select, update

import verify.facts
import verify.match.blocking
import verify.match.candidates
from verify.export import export_data
from verify.extract import extract
from verify.facts import current_items, refresh_facts
from verify.match import Lexicon, features, group_facts
from verify.match.blocking import keys_of
from verify.match.similarity import Reading
from verify.match.stored import Parts, columns, decode, encode, parts, parts_of, tag
from verify.pipeline import ingest_and_analyze, load_vocabularies
from verify.store import open_store
from verify.store.models import BlockingKey, Claim


def grouped(url: str) -> set[tuple[str, str, tuple[str, ...]]]:
    store = open_store(url)
    facts = export_data(store)["facts"]
    store.close()
    return {(f["id"], f["status"], tuple(sorted(v["claim_id"] for v in f["versions"])))
            for f in facts if f["status"] != "single"}


def stored_at_once_and_one_by_one(tmp_path: Path, files: list[Path],
                                  order: Iterable[Path]) -> tuple[str, str]:
    """Two stores of the same files: one ingested in one run, one a file a run in `order`."""
    at_once = f"sqlite:///{tmp_path / 'once.db'}"
    store = open_store(at_once)
    ingest_and_analyze(store, files)
    store.close()
    stepwise = f"sqlite:///{tmp_path / 'steps.db'}"
    store = open_store(stepwise)
    for path in order:
        ingest_and_analyze(store, [path])
    store.close()
    return at_once, stepwise


def _cap_blocks(monkeypatch: pytest.MonkeyPatch, cap: int) -> None:
    """The block-size cap, in every module that reads it."""
    for module in (verify.facts, verify.match.blocking, verify.match.candidates):
        monkeypatch.setattr(module, "MAX_BLOCK", cap)


@pytest.mark.parametrize("cap", [None, 3, 5, 8, 10])
def test_one_by_one_gives_the_facts_of_all_at_once(tmp_path: Path, cap: int | None,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # With a small block cap, keys cross it as articles arrive one by one; a fact linked
    # through a key that crossed must come apart as a regrouping of everything finds it.
    if cap is not None:
        _cap_blocks(monkeypatch, cap)
    files = sorted(p for p in CLAIMS.iterdir() if p.suffix in {".txt", ".md", ".html", ".jsonl"})
    at_once, stepwise = stored_at_once_and_one_by_one(tmp_path, files, reversed(files))
    expected = grouped(at_once)
    assert expected, "the sample corpus states facts in more than one article"
    assert grouped(stepwise) == expected


ARTICLES = sorted(p.name for p in CLAIMS.iterdir()
                  if p.suffix in {".txt", ".md", ".html"} and p.name != "README.md")


@pytest.mark.parametrize("cap", [None, 8])
def test_an_edited_article_regroups_as_a_fresh_store_would(tmp_path: Path, cap: int | None,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           ) -> None:
    # Each article in turn loses its last two thirds: facts its old claims were in, claims
    # their links kept alone and keys they leave under the cap must all be regrouped.
    if cap is not None:
        _cap_blocks(monkeypatch, cap)
    for n, name in enumerate(ARTICLES):
        folder = tmp_path / f"corpus{n}"
        shutil.copytree(CLAIMS, folder)
        edited = f"sqlite:///{tmp_path / f'edited{n}.db'}"
        store = open_store(edited)
        ingest_and_analyze(store, [folder])
        raw = (folder / name).read_bytes()
        (folder / name).write_bytes(raw[: len(raw) // 3].decode("utf-8", "ignore").encode())
        assert ingest_and_analyze(store, [folder]).ingest.new_versions == 1
        store.close()
        fresh = f"sqlite:///{tmp_path / f'fresh{n}.db'}"
        store = open_store(fresh)
        ingest_and_analyze(store, [folder])
        store.close()
        assert grouped(edited) == grouped(fresh), name


def test_dimensions_grouped_in_processes_give_the_same_facts(tmp_path: Path) -> None:
    """Over PARALLEL_FROM items the dimensions are grouped in forked processes; forced on a
    small corpus here, the facts must be exactly those of one process."""
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    ingest_and_analyze(store, [CLAIMS], folders=[CLAIMS])
    with store.session() as session:
        items = current_items(session)
    store.close()
    _, lexicon = load_vocabularies([CLAIMS])

    def shown(facts: list[Any]) -> list[tuple[Any, ...]]:
        return [(f.id, f.status, f.conflict_kind, f.label, f.explanation,
                 tuple(m.claim_key for m in f.members)) for f in facts]

    alone = group_facts(items, lexicon=lexicon, jobs=1)
    shared = group_facts(items, lexicon=lexicon, jobs=2, parallel_from=1)
    assert len({item.claim.value.kind for item in items}) > 2, "several dimensions to share out"
    assert any(len(f.members) > 1 for f in alone)
    assert shown(shared) == shown(alone)
    # A store keeps facts of two versions or more; asked for those alone, in one process or
    # several, grouping gives exactly them.
    several = [f for f in alone if len(f.members) > 1]
    assert shown(group_facts(items, lexicon=lexicon, jobs=1, singles=False)) == shown(several)
    assert shown(group_facts(items, lexicon=lexicon, jobs=2, parallel_from=1,
                             singles=False)) == shown(several)


def test_stored_blocking_keys_are_the_keys_matching_reads(tmp_path: Path) -> None:
    # The store's candidates must be the ones grouping everything at once would score, so
    # the keys written at ingest are computed from the claim's sentence, as matching does.
    url = f"sqlite:///{tmp_path / 'keys.db'}"
    store = open_store(url)
    ingest_and_analyze(store, [CLAIMS], folders=[CLAIMS])
    _, lexicon = load_vocabularies([CLAIMS])
    with store.session() as session:
        items = {i.claim_key: i for i in current_items(session)}
        stored: dict[str, set[str]] = {}
        for claim_key, key in session.execute(
                select(Claim.key, BlockingKey.key).join(Claim, Claim.id == BlockingKey.claim_id)):
            stored.setdefault(claim_key, set()).add(key)
    store.close()
    beyond = 0
    for claim_key, item in items.items():
        found = features(item.claim, lexicon, item.text)
        beyond += bool(found.beyond)
        assert stored.get(claim_key, set()) == set(keys_of(found)), item.text
        # and the features kept with the claim are the ones read from its sentence
        assert decode(item.stored, item.claim, lexicon) == found, item.text
    assert beyond, "the sample corpus has values whose clause leaves an entity unnamed"


@pytest.mark.parametrize("line", [None, "0123456789ab" + "\t" * (len(Reading._fields)
                                                                  + len(Parts._fields))])
def test_claims_without_trusted_features_are_read_from_their_sentences(
        tmp_path: Path, line: str | None) -> None:
    # A store from before features were kept holds none; one whose lines another lexicon
    # or another verify wrote holds lines of another tag. Lines of empty features under a
    # foreign tag would tie nothing, were they believed.
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    ingest_and_analyze(store, [CLAIMS], folders=[CLAIMS])
    store.close()
    expected = grouped(url)
    assert expected
    store = open_store(url)
    with store.session(write=True) as session:
        session.execute(update(Claim).values(features=line))
    _, lexicon = load_vocabularies([CLAIMS])
    refresh_facts(store, lexicon)
    store.close()
    assert grouped(url) == expected


def test_stored_features_are_tagged_with_the_vocabularies_that_made_them(tmp_path: Path) -> None:
    extra = tmp_path / "lexicon.tsv"
    extra.write_text("concept\ten\nwheat\tgrain|wheat\n", encoding="utf-8")
    shipped, extended = Lexicon.load(), Lexicon.load([extra])
    claim = extract("Exports of grain rose 5% last year.").claims[0]
    found = features(claim, shipped, "Exports of grain rose 5% last year.")
    line = encode(found, shipped)
    assert line is not None and decode(line, claim, shipped) == found
    assert tag(shipped) != tag(extended) and decode(line, claim, extended) is None
    built = Lexicon(by_stem={})  # built in code: no files to tell its features by
    assert tag(built) is None and encode(found, built) is None


def test_stored_lines_read_at_once_are_the_lines_read_one_by_one() -> None:
    lexicon = Lexicon.load()
    sentences = ["Exports of grain to Iran rose 5% last year.",
                 "In 2021, Azerbaijan bought arms from Israel.",
                 "Built by Kavir Rail, the pipe that reaches Baku stretches 80 km.",
                 "The border of Iran and Turkey is 530 km long."]
    lines = []
    for sentence in sentences:
        claim = extract(sentence).claims[0]
        found = features(claim, lexicon, sentence)
        lines.append(encode(found, lexicon))
        assert parts(lines[-1], lexicon) == parts_of(found, lexicon)
    one_by_one = [parts(line, lexicon) for line in lines]
    assert [p.eventless if p else None for p in one_by_one] == [False, True, False, False]
    assert all(p and p.ties for p in one_by_one) and len({p and p.dimension for p in one_by_one}) > 1
    at_once = columns(lines, lexicon)
    assert at_once is not None
    assert [tuple(cells) for cells in zip(*at_once, strict=True)] == one_by_one
    # One line missing or stale, and every line is read on its own: a cell too many in one
    # line and one too few in another must not pass for two good lines.
    line = lines[0]
    assert line is not None
    stale = "f" * 12 + line[12:]
    longer, shorter = line + "\tx", line.rsplit("\t", 1)[0]
    for bad in ([None, *lines], [stale, *lines], ["", *lines], [longer, shorter, *lines]):
        assert columns(bad, lexicon) is None


# Written for the test: each country is named by more claims than the cap of 2 allows, but
# a border is named by its two countries, and two of its versions are few.
BORDERS = {
    "a1.txt": "The border of Azerbaijan and Armenia is 1,000 km long.",
    "a2.txt": "The border of Azerbaijan and Russia is 340 km long.",
    "a3.txt": "The border of Iran and Turkey is 530 km long.",
    "a4.txt": "The border of Iran and Turkmenistan is 1,150 km long.",
    "p1.txt": "The border of Azerbaijan and Iran is 700 km long.",
    "p2.txt": "The border of Azerbaijan and Iran is 430 km long.",
    "p3.txt": "Azerbaijan lies 760 km away from Iran.",
    "q1.txt": "The border of Armenia and Turkey is 310 km long.",
    "q2.txt": "The border of Armenia and Turkey is 270 km long.",
}


def test_a_pair_of_common_places_ties_its_few_claims_until_it_grows_common(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _cap_blocks(monkeypatch, 2)
    folder = tmp_path / "borders"
    folder.mkdir()
    for name, text in BORDERS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    files = sorted(folder.iterdir())
    at_once, stepwise = stored_at_once_and_one_by_one(tmp_path, files, files)
    expected = grouped(at_once)
    # Armenia and Turkey are named by two claims: one fact. Azerbaijan and Iran by three
    # (two border lengths and a distance), more than the cap: no tie is left.
    assert [(status, len(members)) for _, status, members in expected] == [("conflict", 2)]
    assert grouped(stepwise) == expected
    # An edit that takes the distance away gives the two border lengths their tie back.
    (folder / "p3.txt").write_text("The border of Iran and Russia is 760 km long.\n",
                                   encoding="utf-8")
    store = open_store(stepwise)
    ingest_and_analyze(store, [folder / "p3.txt"])
    store.close()
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    store = open_store(fresh)
    ingest_and_analyze(store, files)
    store.close()
    assert len(grouped(fresh)) == 2
    assert grouped(stepwise) == grouped(fresh)
