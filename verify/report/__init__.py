"""The self-contained HTML consistency report: every flagged contradiction with its versions.

`render_report` turns the report data into one HTML page; `write_report` writes it
atomically and never replaces a file that is not one of our reports unless forced.
"""

from verify.report.render import (
    DEFAULT_LIMITS,
    ReportExists,
    is_report,
    render_report,
    write_report,
)
from verify.report.view import Limits

__all__ = ["DEFAULT_LIMITS", "Limits", "ReportExists", "is_report", "render_report", "write_report"]
