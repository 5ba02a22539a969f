"""Render the consistency report to one self-contained HTML file, and write it safely.

The file must open from disk years later, offline, and must never run what an article holds:
CSS and JS are read from package data and pasted inline; a Content-Security-Policy allows
exactly those two blocks (by their sha256, computed here at render time) and nothing else
(no network, no other script, no inline handler); every piece of article text goes through
Jinja's autoescape.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from verify import collector
from verify.errors import VerifyError
from verify.files import write_atomic
from verify.report import view
from verify.report.view import Limits, build

MARKER = "verify-report"
"""Name of the meta tag that marks a file as one of our reports (the only files we overwrite)."""

_MARKER_RE = re.compile(rb"""<meta\s+name=["']?verify-report["']?""", re.IGNORECASE)
_SNIFF_BYTES = 4096


class ReportExists(VerifyError):
    """The output path holds a file that is not one of our reports; overwriting it needs force."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} already exists and is not a verify report; refusing to overwrite it. "
            "Choose another output file, or pass --force to replace it."
        )
        self.path = path


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """The one Jinja environment: autoescape on for everything, unknown names are errors.

    The templates are package data that never change while the program runs, so they are
    not checked for changes on every lookup."""
    env = Environment(
        loader=PackageLoader("verify.report", "templates"),
        auto_reload=False,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        pieces=pieces,
        fragment=view.fragment,
        status_names=view.STATUS_NAMES,
        language_names=view.LANGUAGE_NAMES,
        conflict_kind_names=view.CONFLICT_KIND_NAMES,
    )
    return env


def pieces(items: Iterable[view.Piece]) -> Markup:
    """A sentence or a document text as HTML, its claims and values marked. Written here
    rather than as a template macro: a large report holds tens of thousands of them, and a
    macro call costs more than the markup it writes."""
    out: list[str] = []
    for piece in items:
        text = escape(piece.text)
        if piece.value:
            out.append(f'<mark class="v v-{escape(piece.status)}"><bdi>{text}</bdi></mark>')
        elif piece.claim:
            out.append(f'<span class="claim">{text}</span>')
        else:
            out.append(text)
    return Markup("".join(out))


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    static = files("verify.report").joinpath("static")
    css = static.joinpath("report.css").read_text(encoding="utf-8")
    js = static.joinpath("report.js").read_text(encoding="utf-8")
    for name, text, end in (("report.css", css, "</style"), ("report.js", js, "</script")):
        if end in text.lower():
            raise ValueError(f"{name} must not contain {end}: it would end its inline block early")
    return css, js


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(css: str, js: str) -> str:
    """Allow the page's own inline style and script blocks and nothing else.

    `img-src data:` leaves room for inline icons; `form-action`, `base-uri` and `frame-src`
    close the remaining doors a hostile article could try. Links to the articles still work:
    CSP does not govern navigation.
    """
    return "; ".join([
        "default-src 'none'",
        f"style-src {_sha256(css)}",
        f"script-src {_sha256(js)}",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-src 'none'",
    ])


# The limits a report gets unless told otherwise (Limits is frozen, so one shared instance is safe).
DEFAULT_LIMITS = Limits()


def render_report(data: Mapping[str, Any], *, limits: Limits = DEFAULT_LIMITS) -> str:
    """Return the report page for `data`, the report data built from the store.

    `data` holds `generated`, `tool_version`, `documents` (id, name, title, language,
    published, outlet, url, text), `facts` (id, status, kind, conflict_kind, label,
    explanation, review, versions, and optionally `entities`: the keys of the entities the
    fact is about; when absent they are found from the entities' names in the sentences) and
    `entities` (key, name, type, variants, documents). Missing optional fields are shown as
    absent, never guessed. `limits` caps each list so that a huge store still opens quickly.

    Data that holds every document and fact is counted as it is. A store's report data
    (`verify.report.data`) holds only what the page shows, and says the rest: `totals` (every
    count of the summary), each listed document's `marks` (its claims' spans with their
    facts' statuses) and each entity's `document_count`.
    """
    css, js = _assets()
    template = _environment().get_template("report.html")
    with collector.paused():
        return template.render(
            report=build(data, limits),
            csp=content_security_policy(css, js),
            css=Markup(css),
            js=Markup(js),
            marker=MARKER,
        )


def is_report(path: Path) -> bool:
    """Whether the file at `path` is a report this module wrote (it carries our meta tag)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    return _MARKER_RE.search(head) is not None


def write_report(data: Mapping[str, Any], path: Path, *, force: bool = False,
                 limits: Limits = DEFAULT_LIMITS) -> None:
    """Render the report and write it to `path` atomically.

    The page is written to a temporary file in the same folder and renamed over `path`, so a
    crash never leaves half a report and a reader never sees one. An existing file is replaced
    only when it is one of our reports, or when `force` is set; otherwise `ReportExists`.
    """
    path = Path(path)
    if path.exists() and not force and not is_report(path):
        raise ReportExists(path)
    write_atomic(path, render_report(data, limits=limits))
