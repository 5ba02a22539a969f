"""`verify report` and `verify export`: what leaves the store."""

from __future__ import annotations

from pathlib import Path

import click

from verify.cli.common import Context, friendly, pass_context
from verify.export import export_data
from verify.files import write_atomic
from verify.formats import to_claimreview, to_csv
from verify.publish import json_text, publish
from verify.store import Store


def write_outputs(store: Store, out: Path, json_out: Path | None, *, force: bool) -> None:
    publish(store, out, json_out, force=force)
    if json_out is not None:
        click.echo(f"JSON export written to {json_out}")
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
        text = json_text(to_claimreview(data, publisher=publisher, report_url=report_url))
    else:
        text = json_text(data)
    if out is None:
        click.echo(text, nl=False)
    else:
        write_atomic(out, text)
