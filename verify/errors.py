"""Library exceptions: each message names what is wrong and how to fix it.

The CLI turns these into one line and exit code 1; anything else is a bug and may show
a traceback.
"""

from __future__ import annotations


class VerifyError(Exception):
    """A problem the user can fix; the message says how."""


class StoreError(VerifyError):
    """The database cannot be opened or is of a schema this code does not know."""


class InputError(VerifyError):
    """One input file cannot be read as an article."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        super().__init__(f"{path}: {problem}; {fix}")
        self.path, self.problem, self.fix = path, problem, fix

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, str]]:
        # Errors travel back from worker processes; rebuild them from their parts.
        return InputError, (self.path, self.problem, self.fix)
