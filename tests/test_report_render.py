"""The report page, parsed: the elements a reader relies on, escaping, CSP, and safe writing."""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import pytest
from lxml.html import HtmlElement
from report_fixtures import HOSTILE_TEXT, SEEDS, sample_report, seed_report, select

from verify.report import Limits, ReportExists, is_report, render_report, write_report
from verify.report.view import document_pieces, interval, safe_url, token


@pytest.fixture(scope="module")
def html() -> str:
    return render_report(sample_report())


@pytest.fixture(scope="module")
def tree(html: str) -> HtmlElement:
    return lxml.html.fromstring(html)


def cards(tree: HtmlElement, status: str) -> list[HtmlElement]:
    return list(select(tree, f"li.fact.status-{status}"))


def card(tree: HtmlElement, fact_id: str) -> HtmlElement:
    (found,) = tree.xpath("//li[@data-fact=$id]", id=fact_id)
    return found


def test_first_screen_says_what_was_checked(tree: HtmlElement) -> None:
    (h1,) = select(tree, "h1")
    assert h1.text_content() == "4 facts checked across 4 documents"
    dek = select(tree, ".dek")[0].text_content()
    assert "2 Arabic" in dek and "2 English" in dek
    assert "2023-04-19 to 2023-04-21" in dek
    assert "generated 22 Nov 2026, 10:00 UTC" in dek
    tiles = {select(t, ".cap")[0].text_content(): select(t, ".num")[0].text_content()
             for t in select(tree, ".tile")}
    assert tiles == {"Conflicts": "2", "Corroborated": "1", "Not comparable": "1"}
    kinds = [a.get("href") for a in select(tree, ".breakdown .counts a")]
    assert "#status=conflict&kind=number" in kinds
    assert "#status=conflict&review=open" in kinds


def test_conflict_card_shows_versions_side_by_side_with_values_marked(tree: HtmlElement) -> None:
    fact = card(tree, "f-distance")
    assert select(fact, ".label")[0].text_content() == "Distance from Ashgabat to the Iranian border"
    assert select(fact, ".tag.kind")[0].text_content() == "Number conflict"
    versions = select(fact, ".version")
    assert len(versions) == 3
    marks = [m.text_content() for m in select(fact, ".sentence mark")]
    assert marks == ["25 كيلومتراً", "أقل من 20 كلم", "about 17 km"]
    first = versions[0]
    assert select(first, ".sentence")[0].get("dir") == "rtl"
    assert first.get("lang") == "ar"
    assert select(versions[2], ".sentence")[0].get("dir") == "ltr"
    meta = select(first, ".meta")[0].text_content()
    assert "ar_a.txt" in meta and "الشرق" in meta and "2023-04-20" in meta and "وكالة الأنباء الرسمية" in meta
    assert select(first, ".meta a")[0].get("href") == "https://example.org/ar-a"
    assert "25 km" in select(first, ".interval")[0].text_content()
    assert "outside" in select(fact, ".why")[0].text_content()
    assert select(fact, ".review .badge")[0].text_content() == "Open"


def test_sentence_text_around_the_mark_is_the_whole_sentence(tree: HtmlElement) -> None:
    sentence = select(card(tree, "f-distance"), ".sentence")[0]
    assert sentence.text_content() == (
        "وتبعد عشق آباد 25 كيلومتراً عن الحدود الإيرانية، وفقا لوكالة الأنباء الرسمية."
    )


def test_conflicts_come_most_severe_first(tree: HtmlElement) -> None:
    order = [c.get("data-fact") for c in cards(tree, "conflict")]
    assert order == ["f-distance", "f-hostile"]  # open before a (stale) confirmed decision


def test_stale_flag_shows_its_old_decision(tree: HtmlElement) -> None:
    fact = card(tree, "f-hostile")
    assert select(fact, ".badge.stale")
    assert "Confirmed" in select(fact, ".stale-note")[0].text_content()
    assert len(select(fact, ".history li")) == 2


def test_article_markup_is_escaped_text(html: str, tree: HtmlElement) -> None:
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "<script>window" not in html
    assert "onerror=\"window" not in html
    assert "<svg" not in html
    scripts = select(tree, "script")
    assert len(scripts) == 1 and "__pwned" not in (scripts[0].text or "")
    assert not select(tree, "img, svg, iframe, object, embed")
    assert any(HOSTILE_TEXT[:60] in d.text_content() for d in select(tree, ".doc-text"))


def test_only_http_urls_become_links(tree: HtmlElement) -> None:
    hrefs = [a.get("href") for a in select(tree, "a[href]")]
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs), hrefs
    assert not any("javascript" in h.lower() for h in hrefs)
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JavaScript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url("https://") is None
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"


def test_content_security_policy_comes_first_and_pins_the_inline_blocks(tree: HtmlElement) -> None:
    head = tree.find("head")
    first = head[0]
    assert first.tag == "meta" and first.get("http-equiv") == "Content-Security-Policy"
    policy = dict(part.strip().split(" ", 1) for part in first.get("content").split(";"))
    assert policy["default-src"] == "'none'"

    def pin(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert policy["style-src"] == pin(select(tree, "style")[0].text)
    assert policy["script-src"] == pin(select(tree, "script")[0].text)
    assert "unsafe" not in first.get("content")


def test_no_resource_is_loaded_from_anywhere(tree: HtmlElement) -> None:
    assert not tree.xpath("//*[@src]")
    assert not select(tree, "link")
    css = select(tree, "style")[0].text
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_filters_carry_tokens_that_match_the_options(tree: HtmlElement) -> None:
    fact = card(tree, "f-distance")
    tokens = set(fact.get("data-k").split())
    assert {"status:conflict", "review:open", "kind:number", "entity:ashgabat", "doc:ar%20b.md"} <= tokens
    options = {o.get("value") for o in select(tree, 'select[data-filter="doc"] option')}
    assert token("ar b.md") in options
    chips = {b.get("data-value") for b in select(tree, 'button[data-filter="status"]')}
    assert chips == {"conflict", "consistent", "not-comparable"}


def test_corroboration_counts_independent_outlets(tree: HtmlElement) -> None:
    support = select(card(tree, "f-embassy"), ".tag.support")[0].text_content()
    assert support == "2 documents · 2 independent outlets"


def test_entities_list_their_merged_spellings(tree: HtmlElement) -> None:
    (aliyev,) = [e for e in select(tree, "li.entity") if "إلهام علييف" in e.text_content()]
    assert [v.text_content() for v in select(aliyev, ".variant")] == ["علييف", "علاييف", "Aliyev"]
    assert select(aliyev, "a")[0].get("href") == "#entity=aliyev"


def test_document_view_marks_its_claims_in_its_text(tree: HtmlElement) -> None:
    (doc,) = [d for d in select(tree, "li.document")
              if "ar_a.txt" in select(d, ".doc-meta")[0].text_content()]
    text = select(doc, ".doc-text")[0]
    assert text.get("dir") == "rtl"
    marks = {m.text_content(): m.get("class") for m in select(text, "mark")}
    assert marks == {"25 كيلومتراً": "v v-conflict", "نهاية مارس 2023": "v v-consistent"}


def test_lists_are_paged_and_capped() -> None:
    data = sample_report()
    data["facts"] = [dict(data["facts"][0], id=f"f{i}") for i in range(7)]
    tree = lxml.html.fromstring(render_report(data, limits=Limits(conflicts=5, page=2)))
    conflicts = cards(tree, "conflict")
    assert len(conflicts) == 5
    assert ["later" in c.get("class") for c in conflicts] == [False, False, True, True, True]
    assert select(tree, "#conflicts .more")[0].text_content() == "Show 2 more (3 left)"
    assert "Showing the first 5 of 7" in select(tree, "#conflicts .cut")[0].text_content()


def test_document_texts_past_the_budget_are_left_out() -> None:
    tree = lxml.html.fromstring(render_report(sample_report(), limits=Limits(document_text_chars=400)))
    with_text = select(tree, "li.document .doc-text")
    without = [d for d in select(tree, "li.document") if not select(d, ".doc-text")]
    assert with_text and without


def test_overlapping_claims_are_cut_once() -> None:
    pieces = document_pieces("abcdefghij", [(0, 6, 2, 4, "consistent"), (3, 9, 3, 5, "conflict")])
    assert "".join(p.text for p in pieces) == "abcdefghij"
    assert [(p.text, p.value, p.status) for p in pieces if p.value] == [
        ("c", True, "consistent"), ("de", True, "conflict")]
    assert pieces[-1].text == "j" and not pieces[-1].claim


def test_intervals_read_as_ranges() -> None:
    assert interval(25, 25, "km", "length") == "25 km"
    assert interval(None, 20, "km", "length") == "< 20 km"
    assert interval(740_000_000, None, "USD", "money") == "> 740,000,000 USD"
    assert interval(738606, 738610, None, "date") == "2023-03-27 – 2023-03-31"
    assert interval("2023-03-27", "2023-03-31", None, "date-range") == "2023-03-27 – 2023-03-31"
    assert interval(None, None, None, "count") == ""


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are not beside the repo")
def test_seed_conflict_is_highlighted_in_the_real_sentences() -> None:
    tree = lxml.html.fromstring(render_report(seed_report()))
    fact = card(tree, "seed-distance")
    assert [m.text_content() for m in select(fact, ".sentence mark")] == ["25 كيلومتراً", "أقل من 20 كلم"]


@pytest.fixture
def out(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "report.html"
    assert not [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"], "a temporary file was left behind"


def test_write_report_writes_a_report_and_rewrites_its_own(out: Path) -> None:
    write_report(sample_report(), out)
    assert is_report(out)
    data: dict[str, Any] = seed_report() if SEEDS.is_dir() else sample_report()
    data["generated"] = "2027-01-01T00:00:00Z"
    write_report(data, out)
    assert "1 Jan 2027, 00:00 UTC" in out.read_text(encoding="utf-8")


def test_write_report_refuses_to_overwrite_other_files(out: Path) -> None:
    out.write_text("<html><body>my notes</body></html>", encoding="utf-8")
    with pytest.raises(ReportExists) as raised:
        write_report(sample_report(), out)
    assert str(out) in str(raised.value) and "--force" in str(raised.value)
    assert out.read_text(encoding="utf-8") == "<html><body>my notes</body></html>"
    write_report(sample_report(), out, force=True)
    assert is_report(out)


def test_write_report_leaves_the_old_file_whole_when_rendering_fails(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_report(sample_report(), out)
    before = out.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_report(seed_report() if SEEDS.is_dir() else sample_report(), out)
    assert out.read_bytes() == before
