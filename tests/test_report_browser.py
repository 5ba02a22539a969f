"""The report in a real browser: Debian's headless Chromium driven by Playwright.

What only a browser can show: that the page makes no request, that its script runs under its
own CSP and filters, that Arabic lays out right-to-left, that hostile article text stays inert,
and that a store-sized report opens quickly.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Dialog, Page, Route, sync_playwright
from report_fixtures import SEEDS, large_report, sample_report, seed_report

from verify.report import write_report

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium "
                                                      "(apt-get install chromium)"),
]

@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """One Chromium for the module, with a fresh empty profile."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=ARGS, headless=True,
            viewport={"width": 1280, "height": 900})
        try:
            yield context
        finally:
            context.close()


class Opened:
    """A report open in a tab, with every request other than the file itself and every dialog."""

    def __init__(self, page: Page, url: str) -> None:
        self.page = page
        self.url = url
        self.requests: list[str] = []
        self.dialogs: list[str] = []


@pytest.fixture
def open_report(browser: BrowserContext, tmp_path: Path) -> Iterator[Any]:
    pages: list[Page] = []

    def opener(data: dict[str, Any], fragment: str = "") -> Opened:
        path = tmp_path / "report.html"
        write_report(data, path, force=True)
        page = browser.new_page()
        pages.append(page)
        opened = Opened(page, path.as_uri())

        def route(r: Route) -> None:
            if r.request.url.split("#")[0] == opened.url:
                r.continue_()
            else:
                opened.requests.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        def dialog(d: Dialog) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(opened.url + fragment)
        return opened

    yield opener
    for page in pages:
        page.close()


def visible_facts(page: Page, status: str) -> list[str]:
    return list(page.eval_on_selector_all(
        f"li.fact.status-{status}",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.fact)"))


def wait_until(page: Page, expression: str, timeout: float = 3.0) -> None:
    """Poll a JS expression; the page's CSP forbids the eval that `wait_for_function` needs."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)


def test_page_makes_no_request(open_report: Any) -> None:
    opened = open_report(sample_report())
    opened.page.click("text=Full text with claims highlighted >> nth=0")
    opened.page.wait_for_timeout(200)
    assert opened.requests == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are not beside the repo")
def test_seed_conflict_shows_both_values_highlighted(open_report: Any) -> None:
    page = open_report(seed_report()).page
    marks = page.locator('li[data-fact="seed-distance"] .sentence mark')
    assert marks.count() == 2
    assert [marks.nth(i).is_visible() for i in range(2)] == [True, True]
    assert marks.all_inner_texts() == ["25 كيلومتراً", "أقل من 20 كلم"]
    background = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_status_filter_hides_the_other_facts_and_goes_into_the_fragment(open_report: Any) -> None:
    page = open_report(sample_report()).page
    assert visible_facts(page, "conflict") == ["f-distance", "f-hostile"]
    page.click('button[data-filter="status"][data-value="consistent"]')
    assert visible_facts(page, "conflict") == []
    assert visible_facts(page, "consistent") == ["f-embassy"]
    assert page.evaluate("location.hash") == "#status=consistent"
    assert page.get_attribute('button[data-value="consistent"]', "aria-pressed") == "true"
    page.click("[data-clear]")
    assert visible_facts(page, "conflict") == ["f-distance", "f-hostile"]


def test_a_shared_link_restores_the_filter(open_report: Any) -> None:
    page = open_report(sample_report(), "#doc=ar%20b.md&status=conflict").page
    assert visible_facts(page, "conflict") == ["f-distance"]
    assert visible_facts(page, "consistent") == []
    assert page.input_value('select[data-filter="doc"]') == "ar%20b.md"
    page.select_option('select[data-filter="doc"]', "hostile.html")
    assert visible_facts(page, "conflict") == ["f-hostile"]
    assert page.evaluate("decodeURIComponent(location.hash)") == "#status=conflict&doc=hostile.html"


def test_search_finds_arabic_across_spelling_variants(open_report: Any) -> None:
    page = open_report(sample_report()).page
    page.fill('input[data-filter="q"]', "اقل من 20")  # the text has أقل, with hamza
    wait_until(page, "location.hash.includes('q=')")
    assert visible_facts(page, "conflict") == ["f-distance"]


def test_arabic_is_right_to_left_and_english_left_to_right(open_report: Any) -> None:
    page = open_report(sample_report()).page
    sentences = page.locator('li[data-fact="f-distance"] .version .sentence')
    directions = [sentences.nth(i).evaluate("e => getComputedStyle(e).direction") for i in range(3)]
    assert directions == ["rtl", "rtl", "ltr"]


def test_hostile_article_runs_nothing(open_report: Any) -> None:
    opened = open_report(sample_report())
    page = opened.page
    for details in page.locator("details").all():
        details.evaluate("d => d.open = true")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert opened.dialogs == []
    assert page.locator("img, svg, iframe").count() == 0
    assert page.locator("a[href^='javascript' i]").count() == 0
    hostile = page.locator("li.document", has_text="hostile.html").locator(".doc-text").text_content()
    assert "<script>window.__pwned = 1</script>" in (hostile or "")


def test_large_report_opens_in_under_three_seconds(browser: BrowserContext, tmp_path: Path) -> None:
    data = large_report(facts=5000, documents=1000)
    path = tmp_path / "large.html"
    write_report(data, path)
    page = browser.new_page()
    try:
        page.goto(path.as_uri(), wait_until="load")
        assert page.locator("li.fact.status-conflict").first.is_visible()
        # The browser's own clock, from the start of navigation to the end of the load event.
        elapsed = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
        assert elapsed < 3.0, f"the report took {elapsed:.2f} s to open"
        page.click('button[data-filter="review"][data-value="open"]')
        shown = page.locator("li.fact.status-conflict:not([hidden]):not(.later)")
        assert shown.count() == 50
        assert all("review:open" in (k or "").split() for k in
                   shown.evaluate_all("els => els.map(e => e.dataset.k)"))
    finally:
        page.close()
