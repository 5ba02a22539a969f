"""Reading one file into articles: .txt, .md with front matter, .html, .jsonl.

Each reader returns what the file says about itself; the ingest step decides what is new.
A .jsonl file yields one result per line, so one bad line does not sink the others.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from verify.errors import InputError
from verify.ingest.chrome import printed_date, strip_chrome
from verify.ingest.encoding import NotText, decode
from verify.ingest.language import detect_language

MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


@dataclass(frozen=True)
class Article:
    """An article ready to store: text as it will be stored, and its metadata."""

    name: str
    text: str
    source_path: str
    encoding: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str | None = None
    language: str = "other"


def read_path(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield the articles in one file, or the error that stops each of them."""
    shown = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield InputError(
            shown, f"unknown file type {suffix or '(no extension)'!r}",
            "give .txt, .md, .html or .jsonl files",
        )
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(
                shown, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit",
                "split it, or raise the limit with --max-size",
            )
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield InputError(shown, "no such file (missing, or removed during the run)", "check the path")
        return
    except OSError as error:
        yield InputError(shown, f"cannot be read ({error.strerror})", "check its permissions")
        return
    if not data.strip():
        yield InputError(shown, "file is empty", "remove it or give it the article's text")
        return
    try:
        text, encoding = decode(data)
    except NotText as error:
        yield InputError(shown, str(error), "give a text file (UTF-8, UTF-16 or cp1256)")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, text, encoding)
        return
    reader = {".txt": _read_txt, ".md": _read_md, ".html": _read_html, ".htm": _read_html}
    try:
        yield reader[suffix](path, text, encoding)
    except InputError as error:
        yield error


def _finish(path: Path, name: str, body: str, encoding: str, meta: dict[str, Any]) -> Article:
    text = strip_chrome(body)
    if not text:
        raise InputError(str(path), "no article text left after removing page chrome",
                         "check that the file holds the article itself")
    published = _as_date(meta.get("published"), str(path))
    published_from = "metadata" if published else None
    if published is None:
        published = printed_date(body)
        published_from = "text" if published else None
    language = str(meta.get("language") or detect_language(text))
    return Article(
        name=name, text=text, source_path=str(path), encoding=encoding,
        title=_opt(meta.get("title")), outlet=_opt(meta.get("outlet")), url=_opt(meta.get("url")),
        published=published, published_from=published_from, language=language,
    )


def _read_txt(path: Path, text: str, encoding: str) -> Article:
    return _finish(path, path.name, text, encoding, {})


def _read_md(path: Path, text: str, encoding: str) -> Article:
    meta: dict[str, Any] = {}
    body = text
    if text.lstrip().startswith("---"):
        head, sep, rest = text.lstrip()[3:].partition("\n---")
        if not sep:
            raise InputError(str(path), "front matter opens with --- but never closes",
                             "end it with a line of ---")
        try:
            loaded = yaml.safe_load(head)
        except yaml.YAMLError as error:
            where = getattr(error, "problem_mark", None)
            line = f" at line {where.line + 2}" if where is not None else ""
            raise InputError(str(path), f"malformed front matter{line}",
                             "write it as 'key: value' lines (title, outlet, url, published, "
                             "language)") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise InputError(str(path), "front matter is not a set of 'key: value' lines",
                             "write it as 'key: value' lines")
        meta = loaded or {}
        body = rest.partition("\n")[2]
    return _finish(path, path.name, body, encoding, meta)


def _read_html(path: Path, text: str, encoding: str) -> Article:
    import trafilatura  # a heavy import, paid only by runs that meet an HTML page

    with warnings.catch_warnings():
        # lxml and trafilatura warn about their own internals; not the user's problem.
        warnings.simplefilter("ignore")
        document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    if isinstance(document, dict):  # only with as_dict=True, which is not asked for
        raise TypeError("trafilatura returned a dict")
    if document is None or not document.text:
        raise InputError(str(path), "no article text found in the HTML page",
                         "save the article page itself, or its text as .txt")
    meta = {
        "title": document.title, "outlet": document.sitename, "url": document.url,
        "published": _html_date(text, document.date),
    }
    return _finish(path, path.name, document.text, encoding, meta)


def _html_date(html: str, found: str | None) -> str | None:
    """Trust trafilatura's date only when the page states it, never the file's own date."""
    if found and found[:10] in html:
        return found[:10]
    if found:
        try:
            day = date.fromisoformat(found[:10])
        except ValueError:
            return None
        for form in (day.strftime("%Y-%m-%d"), day.strftime("%d.%m.%Y"), day.strftime("%Y/%m/%d")):
            if form in html:
                return found[:10]
    return None


def _read_jsonl(path: Path, text: str, encoding: str) -> Iterator[Article | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"line is not valid JSON ({error.msg})",
                             "write one JSON object per line")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputError(where, "line has no \"text\" string",
                             "give each line a \"text\" field with the article")
            continue
        name = str(record.get("name") or f"{path.name}#{number}")
        try:
            yield _finish(Path(where), name, record["text"], encoding, record)
        except InputError as error:
            yield error


def _as_date(raw: object, where: str) -> date | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw).strip()[:10])
    except ValueError:
        raise InputError(where, f"published date {raw!r} is not a date",
                         "write it as YYYY-MM-DD") from None


def _opt(raw: object) -> str | None:
    return str(raw).strip() or None if raw is not None else None


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Files as given, and folders walked recursively in a stable order.

    Inside a folder, hidden files and README files are skipped: a claims folder documents
    itself, and its README is not an article.
    """
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not _is_documentation(p)
            )
        else:
            yield path


def _is_documentation(path: Path) -> bool:
    return path.name.startswith(".") or path.stem.upper() == "README"
