"""Ingest: formats, encodings, chrome, idempotency, versions, and every bad input."""

from __future__ import annotations

import codecs
import json
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from verify.ingest import ingest
from verify.pipeline import ingest_and_analyze
from verify.store import Store
from verify.store.models import Claim, Document, DocumentVersion

ARABIC = "افتتحت إسرائيل سفارتها في عشق آباد على بعد 25 كيلومترا من الحدود الإيرانية.\n"
ENGLISH = "Israel opened an embassy in Ashgabat, some 25 km from the Iranian border.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def versions(store: Store) -> list[DocumentVersion]:
    with store.session() as session:
        return list(session.scalars(select(DocumentVersion).order_by(DocumentVersion.id)))


def test_plain_text_is_stored_with_language(store: Store, tmp_path: Path) -> None:
    write(tmp_path / "in", "ar.txt", ARABIC)
    write(tmp_path / "in", "en.txt", ENGLISH)
    summary = ingest(store, [tmp_path / "in"])
    assert (summary.stored, summary.failed) == (2, 0)
    stored = {v.source_path.rsplit("/", 1)[-1]: v for v in versions(store)}
    assert stored["ar.txt"].language == "ar"
    assert stored["en.txt"].language == "en"
    assert stored["ar.txt"].text == ARABIC.strip()


def test_same_files_twice_add_nothing(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARABIC)
    ingest(store, [tmp_path / "a.txt"])
    again = ingest(store, [tmp_path / "a.txt"])
    assert (again.stored, again.unchanged, again.new_versions) == (0, 1, 0)
    assert len(versions(store)) == 1


def test_changed_file_becomes_new_version_and_old_stays(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ARABIC)
    ingest(store, [path])
    path.write_text(ARABIC.replace("25", "20"), encoding="utf-8")
    summary = ingest(store, [path])
    assert summary.new_versions == 1
    stored = versions(store)
    assert [(v.number, v.is_current) for v in stored] == [(1, False), (2, True)]
    assert "25" in stored[0].text and "20" in stored[1].text
    with store.session() as session:
        assert session.scalar(select(func.count(Document.id))) == 1


def test_markdown_front_matter(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\ntitle: Embassy opens\noutlet: The Ledger\n"
          "url: https://example.org/a\npublished: 2023-03-29\nlanguage: en\n---\n" + ENGLISH)
    ingest(store, [tmp_path / "a.md"])
    (version,) = versions(store)
    assert (version.title, version.outlet, version.url) == (
        "Embassy opens", "The Ledger", "https://example.org/a")
    assert version.published == date(2023, 3, 29)
    assert version.published_from == "metadata"
    assert version.text == ENGLISH.strip()


def test_encodings_are_detected(store: Store, tmp_path: Path) -> None:
    long_arabic = ARABIC * 3
    write(tmp_path, "cp1256.txt", long_arabic.encode("cp1256"))
    write(tmp_path, "utf16.txt", long_arabic.encode("utf-16"))
    write(tmp_path, "bom.txt", codecs.BOM_UTF8 + long_arabic.replace("25", "26").encode())
    summary = ingest(store, [tmp_path])
    assert summary.failed == 0, summary.errors
    by_name = {v.source_path.rsplit("/", 1)[-1]: v for v in versions(store)}
    assert by_name["cp1256.txt"].encoding == "cp1256"
    assert by_name["utf16.txt"].text == by_name["cp1256.txt"].text == long_arabic.strip()
    assert by_name["bom.txt"].text.startswith("افتتحت")


def test_site_chrome_is_stripped_and_printed_date_used(store: Store, tmp_path: Path) -> None:
    page = ("Ekleme: 29.03.2023 14:05 / Güncelleme: 29.03.2023 15:10\nشارك المقال\n"
            + ARABIC + "Subscribe to our newsletter\n")
    write(tmp_path, "page.txt", page)
    ingest(store, [tmp_path / "page.txt"])
    (version,) = versions(store)
    assert version.text == ARABIC.strip()
    assert version.published == date(2023, 3, 29)
    assert version.published_from == "text"


def test_html_main_text_and_metadata_scripts_dropped(store: Store, tmp_path: Path) -> None:
    body = "".join(f"<p>{ENGLISH.strip()} Paragraph {i} adds more words to it.</p>" for i in range(3))
    write(tmp_path, "page.html", (
        "<html><head><title>Embassy</title><meta property='og:site_name' content='Ledger'>"
        "<meta property='article:published_time' content='2023-03-29T10:00:00Z'>"
        "<script>document.write('evil')</script></head><body><nav>Home | World</nav>"
        f"<article><h1>Embassy opens</h1>{body}<script>alert(1)</script></article>"
        "<footer>Share on Facebook</footer></body></html>"))
    summary = ingest(store, [tmp_path / "page.html"])
    assert summary.failed == 0, summary.errors
    (version,) = versions(store)
    assert "Paragraph 2" in version.text
    assert "alert" not in version.text and "evil" not in version.text
    assert version.outlet == "Ledger"
    assert version.published == date(2023, 3, 29)


def test_jsonl_bad_line_skipped_others_stored(store: Store, tmp_path: Path) -> None:
    lines = [json.dumps({"name": "one", "text": ENGLISH, "published": "2023-03-28"}),
             "{not json",
             json.dumps({"name": "two", "text": ARABIC, "language": "ar"})]
    write(tmp_path, "batch.jsonl", "\n".join(lines))
    summary = ingest(store, [tmp_path / "batch.jsonl"])
    assert summary.stored == 2
    (error,) = summary.errors
    assert str(error).startswith(f"{tmp_path / 'batch.jsonl'}:2: line is not valid JSON")


def test_every_bad_file_gets_one_line_and_batch_goes_on(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    write(folder, "empty.txt", "")
    write(folder, "binary.txt", bytes(range(256)) * 8)
    write(folder, "garbage.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50)
    write(folder, "bad.md", "---\ntitle: [unclosed\n---\n" + ENGLISH)
    write(folder, "unclosed.md", "---\ntitle: x\n" + ENGLISH)
    write(folder, "huge.txt", "word " * (1024 * 1024 + 10))
    write(folder, "good.txt", ENGLISH)
    unknown = write(tmp_path, "notes.docx", "x")
    summary = ingest(store, [folder, unknown], max_bytes=5 * 1024 * 1024)
    assert summary.stored == 1
    messages = {Path(e.path).name: str(e) for e in summary.errors}
    assert set(messages) == {"empty.txt", "binary.txt", "garbage.txt", "bad.md",
                             "unclosed.md", "huge.txt", "notes.docx"}
    assert "file is empty" in messages["empty.txt"]
    assert "binary" in messages["binary.txt"]
    assert "not text" in messages["garbage.txt"]
    assert "malformed front matter" in messages["bad.md"]
    assert "never closes" in messages["unclosed.md"]
    assert "over the 5 MB limit" in messages["huge.txt"] and "--max-size" in messages["huge.txt"]
    assert "unknown file type '.docx'" in messages["notes.docx"]
    assert all("\n" not in message and "; " in message for message in messages.values())


def test_file_that_disappears_mid_batch(store: Store, tmp_path: Path) -> None:
    first = write(tmp_path, "a.txt", ENGLISH)
    second = write(tmp_path, "b.txt", ARABIC)
    summary = ingest(store, [first, second], on_file=lambda _: second.unlink(missing_ok=True))
    assert summary.stored == 1
    (error,) = summary.errors
    assert str(error) == f"{second}: no such file (missing, or removed during the run); check the path"


def test_readme_in_a_folder_is_not_an_article(store: Store, tmp_path: Path) -> None:
    write(tmp_path / "claims", "README.md", "# What this folder holds\n")
    write(tmp_path / "claims", "a.txt", ENGLISH)
    assert ingest(store, [tmp_path / "claims"]).stored == 1


def test_seeds_twice_store_five_documents(store: Store, seeds: Path) -> None:
    first = ingest(store, [seeds])
    second = ingest(store, [seeds])
    assert (first.stored, first.failed) == (5, 0)
    assert (second.stored, second.unchanged) == (0, 5)
    assert all(v.language == "ar" for v in versions(store))


def test_a_stored_text_under_a_new_name_is_analysed_in_full(store: Store, tmp_path: Path) -> None:
    """Workers skip analysing a text the store holds; filed again under another name (a wire
    story two outlets carry) it is a document of its own and gets its claims all the same."""
    write(tmp_path / "first", "agency.txt", ARABIC)
    write(tmp_path / "second", "outlet.txt", ARABIC)
    ingest_and_analyze(store, [tmp_path / "first"])
    run = ingest_and_analyze(store, [tmp_path / "second", tmp_path / "first"], jobs=2)
    assert (run.ingest.stored, run.ingest.unchanged) == (1, 1)
    with store.session() as session:
        per_document = dict(session.execute(
            select(Document.name, func.count(Claim.id))
            .join(DocumentVersion, DocumentVersion.document_id == Document.id)
            .join(Claim, Claim.version_id == DocumentVersion.id).group_by(Document.name)).all())
    assert len(per_document) == 2
    assert len(set(per_document.values())) == 1 and min(per_document.values()) > 0
