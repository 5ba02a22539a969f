"""The export's other shapes: CSV for spreadsheets, ClaimReview JSON-LD for publishing.

Both are views of `export_data`, so every format agrees with the JSON export.
"""

from __future__ import annotations

import csv
import io
from typing import Any

CSV_COLUMNS = (
    "fact_id", "fact_status", "kind", "conflict_kind", "label", "review_status", "reviewer",
    "document", "value", "low", "high", "unit", "qualifier", "source", "start", "end", "text",
)


def to_csv(data: dict[str, Any]) -> str:
    """One row per version; starts with a BOM so spreadsheets read the Arabic as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for fact in data["facts"]:
        for version in fact["versions"]:
            writer.writerow([
                fact["id"], fact["status"], fact["kind"], fact["conflict_kind"] or "",
                fact["label"], fact["review"]["status"], fact["review"]["reviewer"] or "",
                version["document"], version["value"], _cell(version["low"]),
                _cell(version["high"]), version["unit"] or "", version["qualifier"],
                version["source"] or "", version["start"], version["end"], version["text"],
            ])
    return "\ufeff" + out.getvalue()


def to_claimreview(data: dict[str, Any], *, publisher: str, report_url: str) -> list[dict[str, Any]]:
    """schema.org ClaimReview for each confirmed contradiction.

    Fills the fields schema.org and fact-check indexes require: claimReviewed, reviewRating
    (with alternateName), url, author, datePublished, and itemReviewed as a Claim whose
    appearances are the articles that state it.
    """
    documents = {d["name"]: d for d in data["documents"]}
    reviews = []
    for fact in data["facts"]:
        if fact["status"] != "conflict" or fact["review"]["status"] != "confirmed":
            continue
        appearances = []
        for version in fact["versions"]:
            document = documents.get(version["document"], {})
            work: dict[str, Any] = {"@type": "CreativeWork", "name": document.get("title")
                                    or version["document"], "text": version["text"]}
            if document.get("url"):
                work["url"] = document["url"]
            if document.get("published"):
                work["datePublished"] = document["published"]
            if document.get("outlet"):
                work["publisher"] = {"@type": "Organization", "name": document["outlet"]}
            appearances.append(work)
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{report_url}#fact-{fact['id']}",
            "claimReviewed": fact["label"],
            "datePublished": (fact["review"]["updated"] or data["generated"])[:10],
            "author": {"@type": "Organization", "name": publisher},
            "reviewRating": {
                "@type": "Rating",
                "alternateName": "Contradicted across sources",
                "ratingExplanation": fact["explanation"],
            },
            "itemReviewed": {"@type": "Claim", "appearance": appearances},
            "reviewBody": fact["review"]["note"] or fact["explanation"],
        })
    return reviews


def _cell(value: object) -> str:
    return "" if value is None else str(value)
