"""Writing what leaves the store to files: the report, its JSON export, other formats.

Every file is written atomically (`files.write_atomic`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from verify.export import export_data
from verify.files import write_atomic
from verify.report import write_report
from verify.store import Store

REPORT_ONLY = ("entities", "totals")


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def publish(store: Store, report: Path, export: Path | None = None, *,
            force: bool = False) -> None:
    """The report, and the JSON export cut from the same data when the report carries every
    lone claim (a large store's report carries only those of documents in conflict)."""
    data = export_data(store, for_report=True)
    if export is not None:
        singles = sum(1 for fact in data["facts"] if fact["status"] == "single")
        complete = singles == data["totals"]["single"]
        write_atomic(export, json_text(_export_part(data) if complete else export_data(store)))
    report.parent.mkdir(parents=True, exist_ok=True)
    write_report(data, report, force=force)


def _export_part(data: dict[str, Any]) -> dict[str, Any]:
    """Report data less what only the page needs: texts, entities, review histories."""
    exported = {k: v for k, v in data.items() if k not in REPORT_ONLY}
    exported["documents"] = [{k: v for k, v in d.items() if k != "text"}
                             for d in data["documents"]]
    exported["facts"] = [
        {**fact, "review": {k: v for k, v in fact["review"].items() if k != "history"}}
        for fact in data["facts"]
    ]
    return exported
