"""Report data built by hand, in the shape the store hands to `render_report`.

Offsets are found in the texts rather than typed in, so a fixture cannot drift from its own
text: `text` is always `document_text[start:end]`, as the JSON contract says.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml.html import HtmlElement  # type: ignore[import-untyped]

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

HOSTILE_TEXT = (
    "Officials said 40 people attended. <script>window.__pwned = 1</script> "
    "Others counted <img src=x onerror=\"window.__pwned = 2\"> 55 people at the talks. "
    "</textarea></script><svg onload=alert(1)> The end."
)

AR_A = (
    "أجرى وزير الخارجية الإسرائيلي إيلي كوهين مشاورات في باكو مع الرئيس إلهام علييف.\n"
    "وتبعد عشق آباد 25 كيلومتراً عن الحدود الإيرانية، وفقا لوكالة الأنباء الرسمية.\n"
    "وافتتحت أذربيجان سفارتها في تل أبيب في نهاية مارس 2023."
)
AR_B = (
    "التقى الرئيس علاييف بالوزير الإسرائيلي في العاصمة باكو.\n"
    "وتقع السفارة الجديدة في عشق آباد على بعد أقل من 20 كلم من إيران، حسبما أوردت صحيفة هآرتس.\n"
    "وكانت أذربيجان قد افتتحت سفارتها في تل أبيب يوم 29 مارس 2023."
)
EN_C = (
    "Israel's foreign minister Eli Cohen opened an embassy in Ashgabat, about 17 km from the "
    "Iranian border, according to Reuters.\n"
    "Israel supplied 69% of Baku's major arms imports in 2016-2020, according to SIPRI."
)


def version(doc: dict[str, Any], sentence: str, value: str, **extra: Any) -> dict[str, Any]:
    """A version of a fact: the sentence and value located in the document's text."""
    text: str = doc["text"]
    start = text.index(sentence)
    value_start = text.index(value, start)
    return {
        "claim_id": f"c-{doc['name']}-{start}",
        "document": doc["name"],
        "text": sentence,
        "start": start,
        "end": start + len(sentence),
        "value_start": value_start,
        "value_end": value_start + len(value),
        "value": value,
        "low": extra.pop("low", None),
        "high": extra.pop("high", None),
        "unit": extra.pop("unit", None),
        "qualifier": extra.pop("qualifier", "exact"),
        "source": extra.pop("source", None),
        **extra,
    }


def review(status: str = "open", **extra: Any) -> dict[str, Any]:
    return {"status": status, "reviewer": None, "note": None, "updated": None, "stale": False,
            "history": [], **extra}


def sample_report() -> dict[str, Any]:
    """Two Arabic articles and one English one with planted conflicts, plus a hostile article."""
    a = {"id": "d1", "name": "ar_a.txt", "title": "كوهين في باكو وعشق آباد", "language": "ar",
         "published": "2023-04-20", "outlet": "الشرق", "url": "https://example.org/ar-a", "text": AR_A}
    b = {"id": "d2", "name": "ar b.md", "title": "سفارة إسرائيلية قرب حدود إيران", "language": "ar",
         "published": "2023-04-21", "outlet": "الجزيرة", "url": "javascript:window.__pwned=3", "text": AR_B}
    c = {"id": "d3", "name": "en_c.txt", "title": "Israel opens embassy near Iran", "language": "en",
         "published": "2023-04-19", "outlet": "Wire", "url": "http://example.com/en-c", "text": EN_C}
    h = {"id": "d4", "name": "hostile.html", "title": "<script>window.__pwned=4</script>Hostile",
         "language": "en", "published": None, "outlet": "<b>bold</b>", "url": "JavaScript:alert(1)",
         "text": HOSTILE_TEXT}
    a_sent = "وتبعد عشق آباد 25 كيلومتراً عن الحدود الإيرانية، وفقا لوكالة الأنباء الرسمية."
    b_sent = "وتقع السفارة الجديدة في عشق آباد على بعد أقل من 20 كلم من إيران، حسبما أوردت صحيفة هآرتس."
    c_sent = ("Israel's foreign minister Eli Cohen opened an embassy in Ashgabat, about 17 km from the "
              "Iranian border, according to Reuters.")
    facts = [
        {"id": "f-distance", "status": "conflict", "kind": "length", "conflict_kind": "number",
         "label": "Distance from Ashgabat to the Iranian border",
         "explanation": "Both sentences give the distance from Ashgabat to Iran; 25 km lies outside "
                        "'less than 20 km'.",
         "review": review("open"),
         "versions": [
             version(a, a_sent, "25 كيلومتراً", low=25, high=25, unit="km", source="وكالة الأنباء الرسمية"),
             version(b, b_sent, "أقل من 20 كلم", low=None, high=20, unit="km", qualifier="less-than",
                     source="صحيفة هآرتس"),
             version(c, c_sent, "about 17 km", low=15.3, high=18.7, unit="km", qualifier="about",
                     source="Reuters"),
         ]},
        {"id": "f-hostile", "status": "conflict", "kind": "count", "conflict_kind": "number",
         "label": "Attendance <script>window.__pwned=5</script>",
         "explanation": "<img src=x onerror=\"window.__pwned=6\"> 40 and 55 differ.",
         "review": review("confirmed", reviewer="<b>mallory</b>",
                          note="</script><script>window.__pwned=7</script>",
                          updated="2026-11-21T09:00:00Z", stale=True,
                          history=[{"status": "open", "reviewer": None, "note": None,
                                    "at": "2026-11-20T09:00:00Z"},
                                   {"status": "confirmed", "reviewer": "<b>mallory</b>", "note": "checked",
                                    "at": "2026-11-21T09:00:00Z"}]),
         "versions": [
             version(h, "Officials said 40 people attended.", "40 people", low=40, high=40),
             version(h, "Others counted <img src=x onerror=\"window.__pwned = 2\"> 55 people at the talks.",
                     "55 people", low=55, high=55),
         ]},
        {"id": "f-embassy", "status": "consistent", "kind": "date", "conflict_kind": None,
         "label": "Azerbaijan's embassy in Tel Aviv opened",
         "explanation": "29 March 2023 falls within the end of March 2023.",
         "review": review(),
         "versions": [
             version(a, "وافتتحت أذربيجان سفارتها في تل أبيب في نهاية مارس 2023.", "نهاية مارس 2023",
                     low=738606, high=738610, qualifier="range"),
             version(b, "وكانت أذربيجان قد افتتحت سفارتها في تل أبيب يوم 29 مارس 2023.", "29 مارس 2023",
                     low=738608, high=738608),
         ]},
        {"id": "f-arms", "status": "not-comparable", "kind": "percent", "conflict_kind": None,
         "label": "Israeli share of Azerbaijan's arms imports",
         "explanation": "Another period and measure: a share of imports, not a sum.",
         "review": review(),
         "versions": [
             version(c, "Israel supplied 69% of Baku's major arms imports in 2016-2020, according to SIPRI.",
                     "69%", low=69, high=69, unit="%", source="SIPRI"),
         ]},
    ]
    entities = [
        {"key": "aliyev", "name": "إلهام علييف", "type": "person", "variants": ["علييف", "علاييف", "Aliyev"],
         "documents": ["ar_a.txt", "ar b.md"]},
        {"key": "ashgabat", "name": "عشق آباد", "type": "place", "variants": ["Ashgabat"],
         "documents": ["ar_a.txt", "ar b.md", "en_c.txt"]},
    ]
    return {"generated": "2026-11-22T10:00:00Z", "tool_version": "0.1.0",
            "documents": [a, b, c, h], "facts": facts, "entities": entities}


def seed_report() -> dict[str, Any]:
    """The real distance conflict between seed articles 000 and 001 (25 km vs less than 20 km)."""
    docs: list[dict[str, Any]] = []
    for name in ("000_380740b5efdd1092.txt", "001_decb7cdc42e1d4d6.txt"):
        text = (SEEDS / name).read_text(encoding="utf-8")
        docs.append({"id": name[:3], "name": name, "title": None, "language": "ar", "published": None,
                     "outlet": None, "url": None, "text": text})
    first, second = docs
    s1 = next(s for s in first["text"].split(".") if "25 كيلومتراً" in s).strip() + "."
    s2 = next(s for s in second["text"].split(".") if "أقل من 20 كلم" in s).strip() + "."
    fact = {"id": "seed-distance", "status": "conflict", "kind": "length", "conflict_kind": "number",
            "label": "المسافة بين عشق آباد والحدود الإيرانية",
            "explanation": "25 km and less than 20 km do not overlap.",
            "review": review(),
            "versions": [version(first, s1, "25 كيلومتراً", low=25, high=25, unit="km"),
                         version(second, s2, "أقل من 20 كلم", high=20, unit="km", qualifier="less-than")]}
    return {"generated": "2026-11-22T10:00:00Z", "tool_version": "0.1.0", "documents": docs,
            "facts": [fact], "entities": []}


def large_report(facts: int = 5000, documents: int = 1000) -> dict[str, Any]:
    """A store-sized report: `facts` facts over `documents` English and Arabic documents."""
    docs = []
    for i in range(documents):
        arabic = i % 2 == 0
        sentence = (f"وقال المسؤول إن عدد المشاركين بلغ {i} شخصاً في الاجتماع رقم {i}." if arabic
                    else f"The official said {i} people attended meeting number {i}.")
        docs.append({"id": f"d{i}", "name": f"doc_{i:05d}.txt", "title": f"Article {i}",
                     "language": "ar" if arabic else "en",
                     "published": f"2023-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                     "outlet": f"Outlet {i % 37}", "url": f"https://example.org/{i}",
                     "text": (sentence + " ") * 20})
    statuses = ["conflict", "consistent", "consistent", "not-comparable", "single"]
    kinds = ["number", "date", "attribution"]
    reviews = ["open", "confirmed", "dismissed", "needs-source", "resolved"]
    out = []
    for n in range(facts):
        status = statuses[n % len(statuses)]
        versions = []
        for j in range(1 if status == "single" else 2):
            doc = docs[(n + j * 7) % documents]
            text = doc["text"]
            end = text.index(".") + 1
            number = str(int(doc["id"][1:]))
            vs = text.index(number)
            versions.append({"claim_id": f"c{n}-{j}", "document": doc["name"], "text": text[:end], "start": 0,
                             "end": end, "value_start": vs, "value_end": vs + len(number), "value": number,
                             "low": int(number), "high": int(number), "unit": None, "qualifier": "exact",
                             "source": f"Agency {n % 5}"})
        out.append({"id": f"f{n}", "status": status, "kind": "count",
                    "conflict_kind": kinds[n % 3] if status == "conflict" else None,
                    "label": f"Attendance at meeting {n}", "explanation": "Synthetic fact for the load test.",
                    "review": review(reviews[n % len(reviews)]), "versions": versions})
    entities = [{"key": f"e{k}", "name": f"Entity {k}", "type": "person", "variants": [f"Entity-{k}"],
                 "documents": [docs[k % documents]["name"]]} for k in range(500)]
    return {"generated": "2026-11-22T10:00:00Z", "tool_version": "0.1.0", "documents": docs,
            "facts": out, "entities": entities}


_STEP = re.compile(r"""(?P<tag>[a-z0-9]+)?(?P<rest>(?:[.#][\w-]+|\[[\w-]+(?:="[^"]*")?\])*)$""")
_PART = re.compile(r"""[.#][\w-]+|\[([\w-]+)(?:="([^"]*)")?\]""")


def select(element: HtmlElement, selector: str) -> list[HtmlElement]:
    """The elements a simple CSS selector picks (tags, .class, #id, [attr], [attr="v"], descendants, commas).

    lxml's own `cssselect` needs a package the project does not depend on; this covers what the
    tests ask for by turning the selector into XPath.
    """
    found: list[HtmlElement] = []
    for alternative in selector.split(","):
        path = "."
        for step in alternative.split():
            match = _STEP.match(step)
            if match is None:
                raise ValueError(f"unsupported selector step: {step}")
            tests = []
            for part in _PART.finditer(match.group("rest")):
                text = part.group(0)
                if text.startswith("."):
                    tests.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {text[1:]} ')")
                elif text.startswith("#"):
                    tests.append(f"@id='{text[1:]}'")
                elif part.group(2) is not None:
                    tests.append(f"@{part.group(1)}='{part.group(2)}'")
                else:
                    tests.append(f"@{part.group(1)}")
            path += f"//{match.group('tag') or '*'}" + "".join(f"[{t}]" for t in tests)
        found.extend(element.xpath(path))
    return found
