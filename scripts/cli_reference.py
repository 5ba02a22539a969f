"""Print docs/cli.md: every command's --help, so the reference is never written by hand.

Regenerate with `.venv/bin/python scripts/cli_reference.py > docs/cli.md`; a test fails when
the file and the commands disagree.
"""

from __future__ import annotations

import click
from click.testing import CliRunner

from verify.cli import main


def reference() -> str:
    parts = ["# Command reference\n", "Every command's own `--help`, as `verify` prints it.\n"]
    for path in _commands(main, []):
        result = CliRunner().invoke(main, [*path, "--help"], prog_name="verify", terminal_width=100)
        title = " ".join(["verify", *path])
        parts.append(f"## `{title}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


def _commands(group: click.Group, prefix: list[str]) -> list[list[str]]:
    found = [prefix]
    for name in sorted(group.commands):
        command = group.commands[name]
        if isinstance(command, click.Group):
            found += _commands(command, [*prefix, name])
        else:
            found.append([*prefix, name])
    return found


if __name__ == "__main__":
    print(reference(), end="")
