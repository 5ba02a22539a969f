"""The whole flow over a store: ingest new articles with their claims, then regroup facts.

A claims folder may carry its own `gazetteer.tsv` (names and aliases) and `lexicon.tsv`
(bilingual field words) beside the articles; they extend the packaged ones for the run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from verify.analysis import Analyzer
from verify.extract.entities import Gazetteer
from verify.facts import FactsSummary, refresh_facts
from verify.ingest import IngestSummary, ingest
from verify.ingest.readers import MAX_BYTES
from verify.match import Lexicon
from verify.store import Store

GAZETTEER_FILE = "gazetteer.tsv"
LEXICON_FILE = "lexicon.tsv"


@dataclass(frozen=True)
class RunSummary:
    ingest: IngestSummary
    facts: FactsSummary | None


def load_vocabularies(paths: Iterable[Path]) -> tuple[Gazetteer, Lexicon]:
    """The packaged gazetteer and lexicon, extended by the files found in given folders."""
    folders = [p for p in paths if p.is_dir()]
    gazetteers = [f / GAZETTEER_FILE for f in folders if (f / GAZETTEER_FILE).is_file()]
    lexicons = [f / LEXICON_FILE for f in folders if (f / LEXICON_FILE).is_file()]
    gazetteer = Gazetteer.load(gazetteers[0] if gazetteers else None)
    return gazetteer, Lexicon.load(lexicons, gazetteer=gazetteer)


def ingest_and_analyze(
    store: Store,
    paths: Iterable[Path],
    *,
    folders: Iterable[Path] = (),
    max_bytes: int = MAX_BYTES,
    on_file: Callable[[Path], None] | None = None,
    jobs: int = 1,
) -> RunSummary:
    """Store the articles under `paths` with their claims; regroup facts if any changed."""
    gazetteer, lexicon = load_vocabularies(folders)
    summary = ingest(store, paths, analyzer=Analyzer(gazetteer, lexicon), max_bytes=max_bytes,
                     on_file=on_file, jobs=jobs)
    facts = (refresh_facts(store, lexicon, summary.changed_versions)
             if summary.changed_versions else None)
    return RunSummary(summary, facts)
