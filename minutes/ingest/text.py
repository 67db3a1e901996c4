"""Plain-text reader: detects the encoding from the bytes, never from the extension."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from minutes.errors import EmptyDocument, UnsupportedFormat
from minutes.ingest.cleanup import clean_text
from minutes.models import SourceDocument

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)``.

    A byte-order mark wins; then strict UTF-8 (most files); then
    charset-normalizer's best guess, which tells cp1252 from UTF-16 without a BOM.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise UnsupportedFormat("not text: no character encoding fits the bytes")
    return str(best), best.encoding


def read_text(data: bytes, *, name: str) -> SourceDocument:
    """Read a text file's bytes into a :class:`SourceDocument`."""
    text, encoding = decode(data)
    text = clean_text(text)
    if not text.strip():
        raise EmptyDocument("the file holds no text")
    return SourceDocument(name=name, text=text, format="text", encoding=encoding)
