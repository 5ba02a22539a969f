"""The store: SQLAlchemy models, sessions and migrations, on SQLite or PostgreSQL."""

from verify.store.session import Store, open_store, resolve_url

__all__ = ["Store", "open_store", "resolve_url"]
