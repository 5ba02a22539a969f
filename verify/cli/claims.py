"""`verify check`, `verify compare` and `verify eval`: claims against the store, statements
against each other, and the store's flags against a gold file."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import click

from verify.check import check_claim, compare_statements
from verify.cli.common import Context, friendly, pass_context
from verify.errors import VerifyError
from verify.evaluate import evaluate
from verify.export import export_data
from verify.facts import fact_of_claim, items_under_keys


@click.command("check")
@click.argument("claim")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
@friendly
def check_command(context: Context, claim: str, as_json: bool) -> None:
    """Find the stored versions of a claim typed in Arabic or English.

    Each version is marked supports, conflicts or related, with the sentence it stands in
    and why it was matched.

    \b
    Example:
      verify check "Israel supplied 69% of Baku's arms imports"
    """
    with context.store.session() as session:
        result = check_claim(claim, lambda keys: items_under_keys(session, keys),
                             fact_of=lambda key: fact_of_claim(session, key))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if not result["versions"]:
        click.echo("no stored version of this claim")
    for version in result["versions"]:
        click.echo(f"{version['verdict']:9}  {version['document']}: {version['value']}")
        click.echo(f"           {version['text']}")
        click.echo(f"           why: {version['explanation']}")


@click.command("compare")
@click.argument("statements", nargs=-1)
@click.option("--pairs", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV file with columns s1,s2: compare every row.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@friendly
def compare_command(statements: tuple[str, ...], pairs: Path | None, as_json: bool) -> None:
    """Decide whether two statements conflict, agree, cannot be compared, or are unrelated.

    \b
    Example:
      verify compare "The border is 25 km away" "The border is less than 20 km away"
      verify compare --pairs pairs.csv --json
    """
    if pairs is not None:
        if statements:
            raise VerifyError("give either two statements or --pairs FILE, not both")
        results = [compare_statements(s1, s2) for s1, s2 in _read_pairs(pairs)]
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    if len(statements) != 2:
        raise VerifyError("compare takes exactly two statements (or --pairs FILE.csv)")
    result = compare_statements(*statements)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{result['verdict']}: {result['explanation']}")


def _read_pairs(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"s1", "s2"} <= set(reader.fieldnames):
            raise VerifyError(f"{path}: needs the columns s1 and s2; add a header line s1,s2")
        return [(row["s1"] or "", row["s2"] or "") for row in reader]


@click.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold file of facts and their verdicts (format in the README).")
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as JSON.")
@pass_context
@friendly
def eval_command(context: Context, gold: Path, as_json: bool) -> None:
    """Score the store's flagged conflicts against a gold file: precision and recall.

    \b
    Example:
      verify run claims/ --out reports/consistency.html && verify eval --gold claims/gold.json
    """
    try:
        truth: dict[str, Any] = json.loads(gold.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise VerifyError(f"{gold}: not a JSON gold file ({error}); see the README's format") from None
    report = evaluate(truth, export_data(context.store)["facts"])
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(_line("all", report))
    for kind, scores in report["per_kind"].items():
        click.echo(_line(kind, scores))
    for pair in report["false_positives"]:
        click.echo(f"false alarm: {pair}")
    for pair in report["missed"]:
        click.echo(f"missed: {pair}")


def _line(name: str, scores: dict[str, Any]) -> str:
    def show(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.2f}"

    return (f"{name:12} precision {show(scores['precision'])}  recall {show(scores['recall'])}"
            f"  ({scores['predicted_pairs']} flagged pairs, {scores['gold_pairs']} gold pairs)")
