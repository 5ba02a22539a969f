"""What leaves the store: the JSON export of design.md's contract, and the report's data.

Both are built from one query pass over the current document versions, so the report and
the export can never disagree.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from verify import __version__
from verify.store import Store
from verify.store.models import Document, DocumentVersion


def export_data(store: Store, *, with_text: bool = False) -> dict[str, Any]:
    """The JSON export; `with_text` adds each document's text for the report."""
    with store.session() as session:
        rows = session.execute(
            select(Document, DocumentVersion)
            .join(DocumentVersion, DocumentVersion.document_id == Document.id)
            .where(DocumentVersion.is_current.is_(True))
            .order_by(Document.name)
        ).all()
        documents = [_document(doc, version, with_text) for doc, version in rows]
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tool_version": __version__,
        "documents": documents,
        "facts": [],
    }


def _document(doc: Document, version: DocumentVersion, with_text: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": doc.uid,
        "name": doc.name,
        "title": version.title,
        "language": version.language,
        "published": _iso(version.published),
        "outlet": version.outlet,
        "url": version.url,
        "version": version.number,
    }
    if with_text:
        out["text"] = version.text
    return out


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
