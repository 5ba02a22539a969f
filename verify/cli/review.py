"""`verify review`: list flags, show one with its history, record a decision."""

from __future__ import annotations

import json

import click

from verify.cli.common import Context, friendly, pass_context
from verify.export import flag_detail, list_flags
from verify.review import STATUSES, set_review


@click.group("review")
def review_group() -> None:
    """Review flagged contradictions; decisions survive every re-run.

    \b
    Example:
      verify review list --status open
      verify review set 3f2a9c --status confirmed --note "checked the SIPRI table"
    """


@review_group.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only flags with this decision.")
@click.option("--kind", help="Only facts of this kind (length, money, date, ...).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_context
@friendly
def list_command(context: Context, status: str | None, kind: str | None, as_json: bool) -> None:
    """List flagged facts (conflicts) with their review status.

    \b
    Example:
      verify review list --status open --kind length
    """
    flags = list_flags(context.store, status=status, kind=kind)
    if as_json:
        click.echo(json.dumps(flags, ensure_ascii=False, indent=2))
        return
    if not flags:
        click.echo("no flags")
        return
    for flag in flags:
        review = flag["review"]
        stale = " (stale)" if review["stale"] else ""
        click.echo(f"{flag['id']}  {review['status']}{stale:8}  {flag['kind']:10}  {flag['label']}")


@review_group.command("show")
@click.argument("flag_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
@friendly
def show_command(context: Context, flag_id: str, as_json: bool) -> None:
    """Show one flag: its versions, the explanation and the whole review history.

    \b
    Example:
      verify review show 3f2a9c
    """
    fact = flag_detail(context.store, flag_id)
    if as_json:
        click.echo(json.dumps(fact, ensure_ascii=False, indent=2))
        return
    review = fact["review"]
    click.echo(f"{fact['id']}  [{fact['status']}, {fact['kind']}]  {fact['label']}")
    click.echo(f"why: {fact['explanation']}")
    for version in fact["versions"]:
        source = f"  (source: {version['source']})" if version["source"] else ""
        click.echo(f"- {version['document']}: {version['value']}{source}")
        click.echo(f"    {version['text']}")
    stale = ", stale: its claims changed since" if review["stale"] else ""
    click.echo(f"review: {review['status']} (revision {review['revision']}{stale})")
    for event in review["history"]:
        note = f" — {event['note']}" if event["note"] else ""
        click.echo(f"  {event['at']}  {event['reviewer']}: {event['status']}{note}")


@review_group.command("set")
@click.argument("flag_id")
@click.option("--status", required=True, type=click.Choice(STATUSES))
@click.option("--note", help="Why: what was checked, where.")
@click.option("--reviewer", help="Who decides (default: $VERIFY_REVIEWER, else the login name).")
@click.option("--expect", "expected", type=int, metavar="REVISION",
              help="Fail if the flag is no longer at this revision (from `review show`).")
@pass_context
@friendly
def set_command(context: Context, flag_id: str, status: str, note: str | None,
                reviewer: str | None, expected: int | None) -> None:
    """Record a decision on a flag; the history keeps every earlier one.

    \b
    Example:
      verify review set 3f2a9c --status dismissed --note "two different borders"
    """
    result = set_review(context.store, flag_id, status, note=note, reviewer=reviewer,
                        expected_revision=expected)
    click.echo(f"{flag_id}: {result.status} by {result.reviewer} (revision {result.revision})")
    before = result.replaced
    if before is not None and before.reviewer != result.reviewer:
        click.echo(f"this replaces {before.reviewer}'s decision ({before.status}, "
                   f"{before.as_dict()['updated']}); both stay in the history")
