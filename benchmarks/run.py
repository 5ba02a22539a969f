"""The performance harness: the real pipeline, stage by stage, on generated corpora of given sizes.

    .venv/bin/python benchmarks/run.py --sizes 100,1000,10000 [--db URL] [--out FILE.json]

For each size a corpus is generated (benchmarks/corpus.py, cached by size and seed), then
every measured piece runs in its own fresh subprocess so that the peak resident memory it
reports belongs to that size alone: (1) the pipeline into an empty store, stage by stage,
with precision and recall of the planted conflicts read from the export; (2) the matching
baselines on the same stored claims (naive all-pairs rapidfuzz, splink with DuckDB); (3) the
incremental case, ten more articles into the stored corpus with the report brought up to date.
Results go to a JSON file and a markdown table next to it (also printed).

`--db` takes a PostgreSQL URL instead of the per-size SQLite file; that database is EMPTIED
(its public schema dropped) before each size, so give it a throwaway database.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (a sibling script, not a package)

NAIVE_SAMPLE_PAIRS = 4_000_000  # pairs actually scored by the naive baseline before extrapolating
SCORER_SAMPLE_PAIRS = 4_000_000  # pairs put through the full pair score, in whole rows
INCREMENTAL_ARTICLES = 10
TOP_FUNCTIONS = 15


# --- measuring --------------------------------------------------------------------------------

def peak_mb() -> float:
    """Peak resident set of this process so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_mb() -> float:
    """Peak resident set of the largest finished child (the ingest's extraction workers)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cpu_seconds(who: int) -> float:
    """User and system CPU seconds of this process (RUSAGE_SELF) or of its finished children."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Stage:
    """One timed stage: wall seconds, the process's peak memory when it ended, and the CPU
    spent by this process and by the child processes that finished in the stage (ingest's
    extraction processes, matching's grouping processes): wall time is shared, CPU is not."""

    name: str
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    children_cpu_seconds: float = 0.0
    peak_mb: float = 0.0
    worker_peak_mb: float = 0.0
    profile: list[dict[str, Any]] | None = None


@contextmanager
def timed(stages: list[Stage], name: str, profile_dir: Path | None) -> Iterator[Stage]:
    """Time a stage; with `profile_dir`, sample it with pyinstrument and keep its hot spots."""
    stage = Stage(name)
    profiler = None
    if profile_dir is not None:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
    start = time.perf_counter()
    own, children = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
    try:
        yield stage
    finally:
        stage.seconds = time.perf_counter() - start
        stage.cpu_seconds = round(cpu_seconds(resource.RUSAGE_SELF) - own, 2)
        stage.children_cpu_seconds = round(cpu_seconds(resource.RUSAGE_CHILDREN) - children, 2)
        if profiler is not None and profile_dir is not None:
            profiler.stop()
            safe = name.replace("/", "-").replace(" ", "_")
            (profile_dir / f"{safe}.txt").write_text(
                profiler.output_text(unicode=True, color=False), encoding="utf-8")
            stage.profile = hot_spots(profiler)
        stage.peak_mb = peak_mb()
        stage.worker_peak_mb = children_peak_mb()
        stages.append(stage)


def hot_spots(profiler: Any) -> list[dict[str, Any]]:
    """Self time per function, summed over the whole call tree: where the time really goes.

    pyinstrument files a function's own time under a synthetic "[self]" child; it is
    credited back to that function so the ranking names real functions.
    """
    totals: defaultdict[str, float] = defaultdict(float)
    root = profiler.last_session.root_frame()
    stack = [root] if root is not None else []
    while stack:
        frame = stack.pop()
        owner = frame.parent if frame.function == "[self]" and frame.parent else frame
        where = f"{owner.function} ({owner.file_path_short}:{owner.line_no})"
        totals[where] += frame.total_self_time
        stack.extend(frame.children)
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])[:TOP_FUNCTIONS]
    return [{"function": k, "self_seconds": round(v, 3)} for k, v in ranked]


# --- stores -----------------------------------------------------------------------------------

def store_url(db: str | None, size: int) -> str:
    """The per-size SQLite file, or the PostgreSQL URL given (shared by every size)."""
    if db:
        return db
    return f"sqlite:///{RESULTS / 'stores' / f'n{size}.db'}"


def empty_store(url: str) -> None:
    """Start from nothing: delete the SQLite file, or drop PostgreSQL's public schema."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


# --- planted conflicts against the export --------------------------------------------------------

def score_conflicts(facts: list[dict[str, Any]], truth: dict[str, Any]) -> dict[str, Any]:
    """Precision and recall of planted conflicts, matched by document and value offsets.

    A planted pair is found when one exported conflict fact holds a version over each side's
    value; a flagged conflict fact is correct when it holds at least one planted pair.
    """
    spans: defaultdict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for fact in facts:
        for version in fact["versions"]:
            spans[version["document"]].append(
                (version["value_start"], version["value_end"], fact["id"], fact["status"]))

    def facts_over(side: dict[str, Any], conflicts_only: bool) -> set[str]:
        return {fid for start, end, fid, status in spans[side["document"]]
                if start < side["end"] and side["start"] < end
                and (status == "conflict" or not conflicts_only)}

    found: set[str] = set()
    recalled = grouped = 0
    for pair in truth["conflicts"]:
        both = facts_over(pair["a"], True) & facts_over(pair["b"], True)
        found |= both
        recalled += bool(both)
        grouped += bool(facts_over(pair["a"], False) & facts_over(pair["b"], False))
    flagged = [f["id"] for f in facts if f["status"] == "conflict"]
    planted = len(truth["conflicts"])
    return {
        "planted_pairs": planted,
        "flagged_facts": len(flagged),
        "flagged_correct": sum(f in found for f in flagged),
        "precision": round(sum(f in found for f in flagged) / len(flagged), 3) if flagged else None,
        "recall": round(recalled / planted, 3) if planted else None,
        "grouped_recall": round(grouped / planted, 3) if planted else None,
    }


# --- worker: the pipeline ----------------------------------------------------------------------

def work_pipeline(args: argparse.Namespace) -> dict[str, Any]:
    """Ingest+extract, match/facts and the report into an empty store, each stage timed."""
    from sqlalchemy import func, select

    from verify.analysis import Analyzer
    from verify.export import export_data
    from verify.facts import refresh_facts
    from verify.ingest import default_jobs, ingest
    from verify.pipeline import load_vocabularies
    from verify.publish import publish
    from verify.store import open_store
    from verify.store.models import Claim

    folder = Path(args.corpus)
    truth = json.loads((folder / corpus.TRUTH_FILE).read_text(encoding="utf-8"))
    empty_store(args.url)
    jobs = args.jobs or default_jobs()
    profile_dir = Path(args.profile) if args.profile else None
    stages: list[Stage] = []
    base_mb = peak_mb()
    store = open_store(args.url)
    with timed(stages, "ingest+extract", profile_dir):
        gazetteer, lexicon = load_vocabularies([folder])
        summary = ingest(store, [folder], analyzer=Analyzer(gazetteer, lexicon), jobs=jobs)
    with store.session() as session:
        claims = session.scalar(select(func.count()).select_from(Claim)) or 0
    with timed(stages, "match/facts", profile_dir):
        facts_summary = refresh_facts(store, lexicon)
    report = Path(args.report)
    with timed(stages, "report", profile_dir):
        publish(store, report, force=True)
    start = time.perf_counter()  # the JSON export: not part of ingest-to-report, timed apart
    facts = export_data(store)["facts"]
    export_seconds = time.perf_counter() - start
    store.close()
    return {
        "articles": summary.stored, "jobs": jobs, "failed": [str(e) for e in summary.errors][:5],
        "failed_count": summary.failed, "values": claims,
        "facts_multi": facts_summary.facts, "conflict_facts": facts_summary.conflicts,
        "report_bytes": report.stat().st_size, "import_mb": round(base_mb, 1),
        "stages": [vars(s) for s in stages],
        "json_export_seconds": round(export_seconds, 3),
        "quality": score_conflicts(facts, truth),
    }


# --- worker: matching baselines -----------------------------------------------------------------

def _planted_keys(items: list[Any], truth: dict[str, Any]) -> list[tuple[str, str]]:
    """The stored claim keys on each side of each planted pair (pairs not extracted are skipped)."""
    by_doc: defaultdict[str, list[Any]] = defaultdict(list)
    for item in items:
        by_doc[item.document].append(item)

    def key(side: dict[str, Any]) -> str | None:
        for item in by_doc[side["document"]]:
            value = item.claim.value
            if value.start < side["end"] and side["start"] < value.end:
                return str(item.claim_key)
        return None

    pairs = []
    for pair in truth["conflicts"]:
        a, b = key(pair["a"]), key(pair["b"])
        if a and b:
            pairs.append((a, b))
    return pairs


def work_baselines(args: argparse.Namespace) -> dict[str, Any]:
    """Blocked matching vs naive all-pairs rapidfuzz vs splink, on the store's own claims."""
    from verify.facts import current_items
    from verify.match import FactIndex, group_facts
    from verify.match.blocking import InvertedIndex, keys_of
    from verify.match.similarity import features, score
    from verify.match.thresholds import GROUP_THRESHOLD, MAX_BLOCK
    from verify.pipeline import load_vocabularies
    from verify.store import open_store

    folder = Path(args.corpus)
    truth = json.loads((folder / corpus.TRUTH_FILE).read_text(encoding="utf-8"))
    _, lexicon = load_vocabularies([folder])
    store = open_store(args.url)
    with store.session() as session:
        items = list(current_items(session))
    store.close()
    start = time.perf_counter()
    with _timing(FactIndex, "_build") as compare_seconds:
        # One core, as the naive figures are; facts of one version left out, as a store does.
        group_facts(items, lexicon=lexicon, jobs=1, singles=False)
    blocked_seconds = time.perf_counter() - start
    # Verdicts and explanations (the compare stage) follow matching whichever way the links
    # were found; matching alone is what the naive figures stand against.
    matching_seconds = blocked_seconds - compare_seconds[0]
    feats = {i.claim_key: features(i.claim, lexicon, i.text) for i in items}

    # Pair-level recall of the planted pairs: does the pair reach the scorer, and link?
    index = InvertedIndex()
    for key, f in feats.items():
        index.add(key, keys_of(f))
    planted = _planted_keys(items, truth)
    linked = [(a, b) for a, b in planted
              if score(feats[a], feats[b], lexicon=lexicon) >= GROUP_THRESHOLD]
    naive_linked = len(linked)
    blocked_linked = sum(b in index.candidates(a, keys_of(feats[a])) for a, b in linked)
    result: dict[str, Any] = {
        "claims": len(items), "blocked_match_seconds": round(blocked_seconds, 3),
        "compare_seconds": round(compare_seconds[0], 3),
        "planted_pairs_extracted": len(planted),
        "pair_recall_naive": round(naive_linked / len(planted), 3) if planted else None,
        "pair_recall_blocked": round(blocked_linked / len(planted), 3) if planted else None,
        "naive": naive_cdist([feats[i.claim_key].words for i in items]),
        "naive_scorer": naive_scorer([feats[i.claim_key] for i in items], lexicon, args.seed),
    }
    for name in ("naive", "naive_scorer"):
        result[name]["ratio"] = round(result[name]["extrapolated_seconds"] / blocked_seconds, 1)
        result[name]["ratio_matching_alone"] = round(
            result[name]["extrapolated_seconds"] / matching_seconds, 1)
    if not args.no_splink:
        usable = {k for k, block in index.blocks.items() if len(block) <= MAX_BLOCK}
        result["splink"] = splink_link(items, feats, usable, planted)
        result["splink"]["ratio"] = round(result["splink"]["seconds"] / blocked_seconds, 2)
    return result


@contextmanager
def _timing(owner: type, method: str) -> Iterator[list[float]]:
    """Time spent in one method while the block runs (the one-item list fills in)."""
    original = getattr(owner, method)
    spent = [0.0]

    def timed_call(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    setattr(owner, method, timed_call)
    try:
        yield spent
    finally:
        setattr(owner, method, original)


def naive_cdist(words: list[tuple[str, ...]]) -> dict[str, Any]:
    """All-pairs `fuzz.ratio` on the context word lists, timed on a sample and extrapolated.

    Each distinct word becomes one code point, so rapidfuzz's string ratio over the encoded
    lists equals the ratio over the word lists that `similarity.score` computes; this is only
    the context term of the score, so the extrapolation is a lower bound for naive matching.
    """
    from rapidfuzz import fuzz, process

    codes: dict[str, str] = {}
    encoded = ["".join(codes.setdefault(w, chr(0x10000 + len(codes))) for w in ws)
               for ws in words]
    n = len(encoded)
    for a, b, x, y in zip(words[:50], words[1:51], encoded[:50], encoded[1:51], strict=False):
        assert fuzz.ratio(a, b, processor=None) == fuzz.ratio(x, y), "encoding changes the ratio"
    sample = max(1, min(n, NAIVE_SAMPLE_PAIRS // max(n, 1)))
    start = time.perf_counter()
    process.cdist(encoded[:sample], encoded, scorer=fuzz.ratio, workers=1, dtype="uint8")
    seconds = time.perf_counter() - start
    scored = sample * n
    all_pairs = n * (n - 1) // 2
    return {"pairs_scored": scored, "pairs_per_second": round(scored / seconds),
            "all_pairs": all_pairs, "extrapolated_seconds": round(all_pairs * seconds / scored, 2)}


def naive_scorer(feats: list[Any], lexicon: Any, seed: int) -> dict[str, Any]:
    """All pairs put through the very pair score blocked matching uses, no blocking at all:
    timed on whole rows (randomly drawn claims, each against every claim, in store order)
    and extrapolated to n(n-1)/2.

    Rows, because an all-pairs loop walks them: one claim held, the others read one after
    another. Pairs drawn at random instead cost a cache miss each and overstated the naive
    time about 1.8x. The score returns at once for claims of different dimensions or fewer
    than two shared anchors, so most pairs cost one call and a comparison.
    """
    import random

    from verify.match.similarity import score

    n = len(feats)
    draw = random.Random(seed)
    rows = [feats[draw.randrange(n)] for _ in range(max(1, SCORER_SAMPLE_PAIRS // max(n, 1)))]
    start = time.perf_counter()
    for a in rows:
        for b in feats:
            score(a, b, lexicon=lexicon)
    seconds = time.perf_counter() - start
    scored = len(rows) * n
    all_pairs = n * (n - 1) // 2
    return {"pairs_scored": scored, "pairs_per_second": round(scored / seconds),
            "all_pairs": all_pairs, "extrapolated_seconds": round(all_pairs * seconds / scored, 2)}


def splink_link(items: list[Any], feats: dict[str, Any], usable: set[str],
                planted: list[tuple[str, str]]) -> dict[str, Any]:
    """Splink (DuckDB) deduplicating the same claims, blocked on the same usable keys.

    Blocking explodes each claim's key list (keys over the cap dropped, as the pipeline does);
    the comparisons mirror the score's parts (context words, entities), with fixed m/u
    probabilities so that no training run is timed against a pipeline that needs none.
    """
    import pyarrow as pa
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    from verify.match.blocking import keys_of

    rows = [{
        "unique_id": i.claim_key, "document": i.document,
        "context": " ".join(feats[i.claim_key].words),
        "entities": sorted(feats[i.claim_key].entities),
        "keys": sorted(k for k in keys_of(feats[i.claim_key]) if k in usable),
    } for i in items]
    settings = SettingsCreator(
        link_type="dedupe_only",
        probability_two_random_records_match=0.01,  # about the blocked pairs' link rate
        blocking_rules_to_generate_predictions=[block_on("keys", arrays_to_explode=["keys"])],
        comparisons=[
            cl.JaroWinklerAtThresholds("context", [0.9, 0.75]).configure(
                m_probabilities=[0.5, 0.3, 0.15, 0.05],
                u_probabilities=[0.005, 0.01, 0.05, 0.935]),
            cl.ArrayIntersectAtSizes("entities", [2, 1]).configure(
                m_probabilities=[0.7, 0.25, 0.05], u_probabilities=[0.02, 0.2, 0.78]),
        ],
        retain_intermediate_calculation_columns=False,
    )
    start = time.perf_counter()
    table = DuckDBAPI().register(pa.Table.from_pylist(rows))
    linker = Linker(table, settings, log_level=logging.WARNING)
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.5)
    pairs = predictions.as_dict()
    clusters.as_dict()
    seconds = time.perf_counter() - start
    linked = set(zip(pairs["unique_id_l"], pairs["unique_id_r"], strict=True))
    found = sum((a, b) in linked or (b, a) in linked for a, b in planted)
    return {"seconds": round(seconds, 3), "pairs_linked": len(linked),
            "pair_recall": round(found / len(planted), 3) if planted else None,
            "peak_mb": round(peak_mb(), 1)}


# --- worker: incremental update ---------------------------------------------------------------

def work_incremental(args: argparse.Namespace) -> dict[str, Any]:
    """Ten more articles into the stored corpus, facts regrouped, report rewritten: timed."""
    from sqlalchemy import func, select

    from verify.ingest import default_jobs
    from verify.pipeline import ingest_and_analyze
    from verify.publish import publish
    from verify.store import open_store
    from verify.store.models import Document

    folder = Path(args.corpus)
    stages: list[Stage] = []
    profile_dir = Path(args.profile) if args.profile else None
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "extra.jsonl"
        store = open_store(args.url)
        with store.session() as session:  # articles added by earlier runs come first
            stored = session.scalar(select(func.count()).select_from(Document)) or 0
        records = corpus.extra_articles(args.size, INCREMENTAL_ARTICLES, args.seed,
                                        first=max(args.size, stored))
        extra.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                         encoding="utf-8")
        with timed(stages, "add 10: ingest+facts", profile_dir):
            run = ingest_and_analyze(store, [extra], folders=[folder],
                                     jobs=args.jobs or default_jobs())
        with timed(stages, "add 10: report", profile_dir):
            publish(store, Path(args.report), force=True)
        store.close()
    return {"added": run.ingest.stored, "stages": [vars(s) for s in stages],
            "seconds": round(sum(s.seconds for s in stages), 3)}


# --- worker: the report in a browser -------------------------------------------------------------

def work_browser(args: argparse.Namespace) -> dict[str, Any]:
    """Seconds until Chromium has loaded the report (load event) and rendered its first page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu",
                                          "--disable-dev-shm-usage"])
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(Path(args.report).resolve().as_uri(), wait_until="load")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(null)))")
        seconds = time.perf_counter() - start
        browser.close()
    return {"open_seconds": round(seconds, 3)}


WORKERS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "pipeline": work_pipeline, "baselines": work_baselines,
    "incremental": work_incremental, "browser": work_browser,
}


# --- the driver ---------------------------------------------------------------------------------

def spawn(worker: str, size: int, folder: Path, url: str, report: Path, args: argparse.Namespace,
          profile: Path | None = None) -> dict[str, Any]:
    """Run one worker in a fresh interpreter and read back its JSON result (or its traceback)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    command = [sys.executable, __file__, "--worker", worker, "--size", str(size),
               "--corpus", str(folder), "--url", url, "--report", str(report),
               "--seed", str(args.seed), "--result", str(out)]
    if profile is not None:
        profile.mkdir(parents=True, exist_ok=True)
        command += ["--profile", str(profile)]
    if args.no_splink:
        command.append("--no-splink")
    if args.jobs:
        command += ["--jobs", str(args.jobs)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        if done.returncode != 0:
            return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip()
                    else f"exit {done.returncode}", "traceback": done.stderr[-4000:]}
        return dict(json.loads(out.read_text(encoding="utf-8")))
    finally:
        out.unlink(missing_ok=True)


def corpus_folder(size: int, seed: int) -> Path:
    """Where a generated corpus is kept between runs; the name carries a digest of the
    generator, so that a changed generator never reuses an older one's articles."""
    digest = hashlib.sha256(Path(corpus.__file__).read_bytes()).hexdigest()[:8]
    return RESULTS / "corpora" / f"n{size}-s{seed}-{digest}"


def bench_size(size: int, args: argparse.Namespace) -> dict[str, Any]:
    folder = corpus_folder(size, args.seed)
    if not (folder / corpus.TRUTH_FILE).exists():
        shutil.rmtree(folder, ignore_errors=True)
        corpus.generate(size, folder, args.seed)
    truth = json.loads((folder / corpus.TRUTH_FILE).read_text(encoding="utf-8"))
    url = store_url(args.db, size)
    report = RESULTS / "reports" / f"n{size}.html"
    report.parent.mkdir(parents=True, exist_ok=True)
    profile = RESULTS / "profiles" / f"n{size}" if size in args.profile_sizes else None
    result: dict[str, Any] = {"size": size, "corpus": truth["stats"],
                              "database": "postgresql" if args.db else "sqlite"}
    if not args.incremental_only:
        print(f"[{size}] pipeline ...", file=sys.stderr, flush=True)
        result["pipeline"] = spawn("pipeline", size, folder, url, report, args, profile)
        if "error" in result["pipeline"]:
            print(result["pipeline"]["traceback"], file=sys.stderr)
            return result
    if not args.no_baselines and not args.incremental_only:
        print(f"[{size}] baselines ...", file=sys.stderr, flush=True)
        result["baselines"] = spawn("baselines", size, folder, url, report, args)
    print(f"[{size}] incremental ...", file=sys.stderr, flush=True)
    result["incremental"] = spawn("incremental", size, folder, url, report, args, profile)
    if "error" in result["incremental"]:
        print(result["incremental"]["traceback"], file=sys.stderr)
    if args.browser:  # the report as the add-10 case left it: the store's latest
        print(f"[{size}] browser ...", file=sys.stderr, flush=True)
        result["browser"] = spawn("browser", size, folder, url, report, args)
    return result


def _fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def table(results: list[dict[str, Any]]) -> str:
    """The markdown summary: one row per size and stage, then the quality and baselines."""
    lines = ["| articles | stage | wall s | articles/s | values/s | CPU s: this / child "
             "processes | peak RSS MB |", "|---:|---|---:|---:|---:|---:|---:|"]
    for r in results:
        p = r.get("pipeline", {})
        if "error" in p:
            lines.append(f"| {r['size']:,} | FAILED: {p['error'][:80]} | | | | | |")
            continue
        if not p:  # --incremental-only
            continue
        total = own = children = 0.0
        for s in p["stages"]:
            total += s["seconds"]
            own += s.get("cpu_seconds", 0.0)
            children += s.get("children_cpu_seconds", 0.0)
            lines.append(f"| {r['size']:,} | {s['name']} | {s['seconds']:.2f} | "
                         f"{p['articles'] / s['seconds']:,.0f} | {p['values'] / s['seconds']:,.0f} "
                         f"| {_fmt(s.get('cpu_seconds'))} / {_fmt(s.get('children_cpu_seconds'))} "
                         f"| {s['peak_mb']:,.0f} |")
        peak = max(s["peak_mb"] for s in p["stages"])
        lines.append(f"| {r['size']:,} | **end to end** | **{total:.2f}** | "
                     f"{p['articles'] / total:,.0f} | {p['values'] / total:,.0f} | "
                     f"{own:,.1f} / {children:,.1f} | {peak:,.0f} |")
    lines += ["", "| articles | values | planted pairs | flagged | precision | recall | grouped "
              "| add 10 s | browser open s |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        p = r.get("pipeline", {})
        if "error" in p or not p:
            continue
        q = p["quality"]
        inc = r.get("incremental", {})
        lines.append(f"| {r['size']:,} | {p['values']:,} | {q['planted_pairs']} | "
                     f"{q['flagged_facts']} | {_fmt(q['precision'], 3)} | {_fmt(q['recall'], 3)} "
                     f"| {_fmt(q['grouped_recall'], 3)} | {_fmt(inc.get('seconds'), 2)} | "
                     f"{_fmt(r.get('browser', {}).get('open_seconds'), 2)} |")
    lines += ["", "| store (articles) | add 10: ingest+facts s | add 10: report s | total s "
              "| browser open s |", "|---:|---:|---:|---:|---:|"]
    for r in results:
        inc = r.get("incremental", {})
        if "stages" not in inc:
            continue
        parts = {s["name"]: s["seconds"] for s in inc["stages"]}
        lines.append(f"| {r['size']:,} | {_fmt(parts.get('add 10: ingest+facts'), 2)} | "
                     f"{_fmt(parts.get('add 10: report'), 2)} | {_fmt(inc['seconds'], 2)} | "
                     f"{_fmt(r.get('browser', {}).get('open_seconds'), 2)} |")
    lines += ["", "| articles | blocked match s (compare s of it) | naive, same score: s "
              "(extrapolated) | ratio (matching alone) | naive, context cdist only: s | ratio "
              "| splink s | splink/blocked | pair recall blocked / naive / splink |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        b = r.get("baselines")
        if not b:
            continue
        if "error" in b:
            lines.append(f"| {r['size']:,} | FAILED: {b['error'][:80]} | | | | | | | |")
            continue
        s = b.get("splink", {})
        full = b.get("naive_scorer", {})
        lines.append(f"| {r['size']:,} | {b['blocked_match_seconds']:.2f} "
                     f"({_fmt(b.get('compare_seconds'), 2)}) | "
                     f"{_fmt(full.get('extrapolated_seconds'))} | {_fmt(full.get('ratio'), 0)}x "
                     f"({_fmt(full.get('ratio_matching_alone'), 0)}x) | "
                     f"{b['naive']['extrapolated_seconds']:,.1f} | {b['naive']['ratio']:,.0f}x | "
                     f"{_fmt(s.get('seconds'), 2)} | {_fmt(s.get('ratio'), 2)} | "
                     f"{_fmt(b['pair_recall_blocked'], 3)} / {_fmt(b['pair_recall_naive'], 3)} / "
                     f"{_fmt(s.get('pair_recall'), 3)} |")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    import psutil

    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "processor": platform.processor() or platform.machine()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000",
                        help="comma-separated corpus sizes (articles)")
    parser.add_argument("--db", help="PostgreSQL URL to use instead of SQLite (it is emptied)")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--profile", default="",
                        help="comma-separated sizes to profile with pyinstrument")
    parser.add_argument("--browser", action="store_true",
                        help="also time opening the report in Chromium")
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--incremental-only", action="store_true",
                        help="only the add-10 case (and --browser) on the stores of earlier runs")
    parser.add_argument("--no-splink", action="store_true")
    parser.add_argument("--jobs", type=int,
                        help="extraction processes for ingest (default: the pipeline's own)")
    # Internal: one measured piece, run by the driver in its own subprocess.
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--report", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        from verify import collector

        collector.tune()  # as the `verify` command does
        Path(args.result).write_text(json.dumps(WORKERS[args.worker](args)), encoding="utf-8")
        return
    args.profile_sizes = {int(s) for s in args.profile.split(",") if s}
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(bench_size(size, args))
        write(args.out, results)
    print(table(results))


def write(out: Path, results: list[dict[str, Any]]) -> None:
    """JSON and markdown side by side, rewritten after every size so a long run leaves traces."""
    out.parent.mkdir(parents=True, exist_ok=True)
    document = {"machine": machine(), "when": time.strftime("%Y-%m-%d %H:%M:%S"),
                "results": results}
    out.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
    out.with_suffix(".md").write_text(table(results) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
