"""Site chrome: lines a scraped page carries that are not the article.

Whole lines are removed before the text is stored, so every offset computed later points
into the text as stored. Only lines that are chrome from start to end go; a sentence that
merely mentions sharing stays.
"""

from __future__ import annotations

import re
from datetime import date

_CHROME_LINE = re.compile(
    r"""^\s*(?:
        (?:share|tweet|email|print|copy\ link|whatsapp|facebook|twitter|telegram|linkedin|x)
            (?:\s*(?:on|via|this|article|story|[|/·•,-]))*
            (?:\s*(?:facebook|twitter|whatsapp|telegram|linkedin|email|x))*
      | (?:sign\ up|subscribe)\b.{0,80}(?:newsletter|updates|inbox|free)?[.!]?
      | (?:read\ more|related(?:\ articles|\ stories)?|advertisement|follow\ us.{0,40})
      | (?:شارك|مشاركة)(?:\s*(?:المقال|الخبر|عبر|على|فيسبوك|تويتر|واتساب|تلغرام|[|/·•،-]))*
      | (?:اشترك|سجّل|سجل)\b.{0,60}(?:النشرة|البريدية|مجانا|مجاناً)?.{0,20}
      | (?:اقرأ\ أيضا|اقرأ\ أيضاً|اقرأ\ المزيد|مواضيع\ ذات\ صلة|إعلان|تابعونا.{0,40})
      | (?:ekleme|güncelleme|published|updated|posted|last\ updated|تاريخ\ النشر|نشر\ في|آخر\ تحديث)
            \s*:?\s*[\d./:\-\s]+(?:[/|]\s*(?:ekleme|güncelleme|updated|آخر\ تحديث)\s*:?\s*[\d./:\-\s]+)*
      | (?:by|بقلم|كتب|كتبت)\s*:?\s*[^\s.،]{1,30}(?:\s+[^\s.،]{1,30}){0,3}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

_PRINTED_DATE = re.compile(
    r"(?:ekleme|published|posted|تاريخ النشر|نشر في)\s*:?\s*"
    r"(?:(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})|(?P<Y>\d{4})-(?P<M>\d{2})-(?P<D>\d{2}))",
    re.IGNORECASE,
)


def strip_chrome(text: str) -> str:
    """Drop chrome lines and blank runs; keep the article's own line breaks."""
    kept = [line.rstrip() for line in text.splitlines() if not _is_chrome(line)]
    cleaned = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", cleaned).strip()


def _is_chrome(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(stripped) < 160 and _CHROME_LINE.match(stripped) is not None


def printed_date(text: str) -> date | None:
    """A publication date printed in the page (e.g. `Ekleme: 29.03.2023`), if any."""
    match = _PRINTED_DATE.search(text[:3000])
    if match is None:
        return None
    try:
        if match["y"]:
            return date(int(match["y"]), int(match["m"]), int(match["d"]))
        return date(int(match["Y"]), int(match["M"]), int(match["D"]))
    except ValueError:
        return None
