"""`verify ingest` and `verify run`: files in, a summary out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from verify.cli.common import Context, friendly, pass_context
from verify.cli.report import write_outputs
from verify.ingest import IngestSummary, default_jobs
from verify.ingest.readers import MAX_BYTES, iter_files
from verify.pipeline import ingest_and_analyze

paths_argument = click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path)
)
jobs_option = click.option(
    "--jobs", type=click.IntRange(min=1), default=default_jobs, show_default="all cores",
    help="Worker processes that read and extract articles.",
)
max_size_option = click.option(
    "--max-size", type=click.IntRange(min=1), default=MAX_BYTES // (1024 * 1024),
    show_default=True, metavar="MB", help="Refuse files larger than this.",
)


def _ingest(context: Context, paths: tuple[Path, ...], max_size: int, jobs: int) -> IngestSummary:
    store = context.store  # a store that does not open fails before any progress bar
    files = list(iter_files(list(paths)))
    with click.progressbar(
        length=len(files), label="Ingesting", file=sys.stderr,
        show_pos=True, item_show_func=lambda name: name,
    ) as bar:
        def advance(path: Path) -> None:
            bar.update(1, path.name)

        result = ingest_and_analyze(
            store, files, folders=paths, max_bytes=max_size * 1024 * 1024, on_file=advance,
            jobs=jobs,
        )
    summary = result.ingest
    for error in summary.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(
        f"{summary.stored} stored, {summary.unchanged} unchanged, "
        f"{summary.new_versions} new versions, {summary.failed} failed"
    )
    if result.facts is not None:
        click.echo(f"{result.facts.facts} facts stated by more than one version, "
                   f"{result.facts.conflicts} in conflict")
    return summary


@click.command("ingest")
@paths_argument
@max_size_option
@jobs_option
@pass_context
@friendly
def ingest_command(context: Context, paths: tuple[Path, ...], max_size: int, jobs: int) -> None:
    """Read articles into the store: files or folders (walked recursively).

    Takes .txt, .md (front matter: title, outlet, url, published, language), .html and
    .jsonl (one article per line). Ingesting the same file again changes nothing; a
    changed file becomes a new version. Exits 1 if any file failed.

    \b
    Example:
      verify ingest claims/ more/article.html
    """
    summary = _ingest(context, paths, max_size, jobs)
    if summary.failed:
        sys.exit(1)


@click.command("run")
@paths_argument
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Report file (.html).")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the JSON export.")
@click.option("--force", is_flag=True, help="Overwrite a file that is not a verify report.")
@max_size_option
@jobs_option
@pass_context
@friendly
def run_command(
    context: Context, paths: tuple[Path, ...], out: Path, json_out: Path | None,
    force: bool, max_size: int, jobs: int,
) -> None:
    """Ingest articles, then write the consistency report, in one step.

    \b
    Example:
      verify run claims/ --out reports/consistency.html --json reports/consistency.json
    """
    summary = _ingest(context, paths, max_size, jobs)
    write_outputs(context.store, out, json_out, force=force)
    if summary.failed:
        sys.exit(1)
