"""What every command shares: the store it opens and the way errors reach the user."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import click

from verify.errors import VerifyError
from verify.store import Store, open_store

P = ParamSpec("P")
R = TypeVar("R")


class Context:
    """Opens the store lazily, so `--help` and `compare` never touch a database."""

    def __init__(self, db: str | None) -> None:
        self.db = db
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db)
            click.get_current_context().call_on_close(self._store.close)
        return self._store


def friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a library error into `Error: <one line>` and exit code 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except VerifyError as error:
            raise click.ClickException(str(error)) from None

    return wrapper


pass_context = click.make_pass_decorator(Context)
