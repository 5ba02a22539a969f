"""Writing what leaves the store to files: the report, its JSON export, other formats.

Every file is written atomically (`files.write_atomic`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from verify.export import export_data
from verify.files import write_atomic
from verify.report import DEFAULT_LIMITS, Limits, write_report
from verify.report.data import report_data
from verify.store import Store


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def publish(store: Store, report: Path, export: Path | None = None, *,
            force: bool = False, limits: Limits = DEFAULT_LIMITS) -> None:
    """The report, and the JSON export when asked for."""
    if export is not None:
        write_atomic(export, json_text(export_data(store)))
    report.parent.mkdir(parents=True, exist_ok=True)
    write_report(report_data(store, limits), report, force=force, limits=limits)
