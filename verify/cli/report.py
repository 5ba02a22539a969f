"""`verify report` and `verify export`: what leaves the store."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import click

from verify.cli.common import Context, friendly, pass_context
from verify.errors import VerifyError
from verify.export import export_data
from verify.formats import to_claimreview, to_csv
from verify.report import ReportExists, write_report
from verify.store import Store


def write_text(text: str, path: Path) -> None:
    """Atomic, like the report: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def as_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_outputs(store: Store, out: Path, json_out: Path | None, *, force: bool) -> None:
    data = export_data(store, for_report=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    if json_out is not None:
        export = {key: value for key, value in data.items()}
        export["documents"] = [
            {k: v for k, v in doc.items() if k != "text"} for doc in data["documents"]
        ]
        write_text(as_json(export), json_out)
        click.echo(f"JSON export written to {json_out}")
    try:
        write_report(data, out, force=force)
    except ReportExists as error:
        raise VerifyError(str(error)) from None
    click.echo(f"report written to {out}")


@click.command("report")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Report file (.html).")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the JSON export.")
@click.option("--force", is_flag=True, help="Overwrite a file that is not a verify report.")
@pass_context
@friendly
def report_command(context: Context, out: Path, json_out: Path | None, force: bool) -> None:
    """Write the self-contained HTML consistency report of the store.

    \b
    Example:
      verify report --out reports/consistency.html --json reports/consistency.json
    """
    write_outputs(context.store, out, json_out, force=force)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "claimreview"]),
              default="json", show_default=True)
@click.option("--out", type=click.Path(path_type=Path), help="File to write (default: stdout).")
@click.option("--publisher", default="verify", show_default=True,
              help="claimreview: the organisation publishing the reviews.")
@click.option("--report-url", default="consistency.html", show_default=True,
              help="claimreview: where the published report lives.")
@pass_context
@friendly
def export_command(context: Context, fmt: str, out: Path | None, publisher: str,
                   report_url: str) -> None:
    """Export the store's documents and facts as JSON, CSV or ClaimReview JSON-LD.

    JSON follows the documented contract; CSV has a row per version; claimreview holds
    schema.org ClaimReview objects for confirmed contradictions.

    \b
    Example:
      verify export --format json --out facts.json
      verify export --format claimreview --publisher "Desk" --report-url https://x.org/r.html
    """
    data = export_data(context.store)
    if fmt == "csv":
        text = to_csv(data)
    elif fmt == "claimreview":
        text = as_json(to_claimreview(data, publisher=publisher, report_url=report_url))
    else:
        text = as_json(data)
    if out is None:
        click.echo(text, nl=False)
    else:
        write_text(text, out)
