"""Turning a file's bytes into text: BOMs first, strict UTF-8 next, then detection.

Arabic articles still circulate in cp1256 and UTF-16, so UTF-8 is tried first but not
assumed; charset-normalizer judges the rest, limited to the encodings news text uses so
that random bytes are refused rather than decoded as Latin-1 noise.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CANDIDATES = ["utf_16_le", "utf_16_be", "cp1256", "cp1252"]


class NotText(ValueError):
    """The bytes are binary, or text in no supported encoding."""


def decode(data: bytes) -> tuple[str, str]:
    """Return the text and the name of the encoding it was in."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(name), name), name
    try:
        return _checked(data.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data and not _looks_utf16(data):
        raise NotText("it is a binary file, not text")
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.encoding is None:
        raise NotText("its bytes are not text in UTF-8, UTF-16, cp1256 or cp1252")
    return _checked(str(best), best.encoding), best.encoding


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: mostly-ASCII or Arabic text puts NULs or 0x06 at one parity."""
    sample = data[:4096]
    odd = sample[1::2]
    even = sample[0::2]
    return any(
        half.count(0) + half.count(6) > 0.6 * len(half) for half in (odd, even) if half
    )


def _checked(text: str, encoding: str) -> str:
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(3, len(text[:20000]) // 100):
        raise NotText(f"it decodes as {encoding} but is full of control characters (binary?)")
    return text
