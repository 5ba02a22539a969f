"""`verify report` and `verify export`: what leaves the store."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import click

from verify.cli.common import Context, friendly, pass_context
from verify.export import export_data
from verify.store import Store


def write_json(data: dict[str, Any], path: Path) -> None:
    """Atomic, like the report: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    os.replace(temporary, path)


def write_outputs(store: Store, out: Path, json_out: Path | None, *, force: bool) -> None:
    data = export_data(store, with_text=True)
    if json_out is not None:
        export = {key: value for key, value in data.items()}
        export["documents"] = [
            {k: v for k, v in doc.items() if k != "text"} for doc in data["documents"]
        ]
        write_json(export, json_out)
        click.echo(f"JSON export written to {json_out}")
    from verify.report import write_report

    write_report(data, out, force=force)
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
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--out", type=click.Path(path_type=Path), help="File to write (default: stdout).")
@pass_context
@friendly
def export_command(context: Context, fmt: str, out: Path | None) -> None:
    """Export the store's documents and facts.

    \b
    Example:
      verify export --format json --out facts.json
    """
    data = export_data(context.store)
    if out is None:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        write_json(data, out)
