"""Rows straight to the driver's executemany, for the tables that grow with the corpus.

SQLAlchemy's executemany still walks every parameter set in Python; for the claims, keys
and mentions of a batch of articles (over a hundred rows per article) that walk costs about
as much as the database's own work. Only plain values (str, int, float, bool, None) may
pass here: nothing that a column type would have converted on the way in.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

Row = Sequence[str | int | float | bool | None]


def insert_rows(connection: Connection, table: str, columns: Sequence[str],
                rows: Sequence[Row]) -> None:
    """INSERT `rows` (tuples in the order of `columns`) in one driver call."""
    if not rows:
        return
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    marker = "?" if dialect.paramstyle == "qmark" else "%s"  # sqlite3; psycopg
    names = ", ".join(quote(c) for c in columns)
    markers = ", ".join([marker] * len(columns))
    connection.exec_driver_sql(
        f"INSERT INTO {quote(table)} ({names}) VALUES ({markers})", list(rows))
