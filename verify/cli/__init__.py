"""The `verify` command: a thin layer that parses options, calls the library, prints.

Library errors (`VerifyError`) become one line and exit code 1; each command group lives
in its own module.
"""

from __future__ import annotations

import click

from verify import __version__, collector
from verify.cli.claims import check_command, compare_command, eval_command
from verify.cli.common import Context
from verify.cli.ingest import ingest_command, run_command
from verify.cli.report import export_command, report_command
from verify.cli.review import review_group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="verify")
@click.option(
    "--db", metavar="URL", envvar="VERIFY_DB", default=None,
    help="SQLAlchemy database URL (default: $VERIFY_DB, else sqlite:///verify.db).",
)
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """Find where news articles on one story contradict each other, with proof.

    \b
    Example:
      verify run claims/ --out reports/consistency.html --json reports/consistency.json
    """
    collector.tune()
    ctx.obj = Context(db)


main.add_command(ingest_command)
main.add_command(run_command)
main.add_command(report_command)
main.add_command(export_command)
main.add_command(review_group)
main.add_command(check_command)
main.add_command(compare_command)
main.add_command(eval_command)
