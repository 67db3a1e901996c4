"""Plain-text reader: detects the encoding from the bytes, never from the extension."""

from __future__ import annotations

import codecs

from charset_normalizer import CharsetMatch, CharsetMatches, from_bytes

from minutes.errors import EmptyDocument, UnsupportedFormat
from minutes.ingest.cleanup import clean_text
from minutes.models import SourceDocument

#: The single-byte code page that wins a tie (see ``_best_match``).
PREFERRED_ON_TIE = "cp1252"

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
    best = _best_match(from_bytes(data))
    if best is None:
        raise UnsupportedFormat("not text: no character encoding fits the bytes")
    return str(best), best.encoding


def _best_match(matches: CharsetMatches) -> CharsetMatch | None:
    """charset-normalizer's best guess, read as Swedish: least chaos, then most coherence, then cp1252.

    For Swedish text cp1250 and cp1252 often score the same chaos, and the
    library may rank cp1250 first even when cp1252 reads as more coherent
    language, turning "å" into "ĺ" ("Samrĺdsorganet", issue 16). Among the
    candidates with the least chaos the most coherent wins, and on a full tie
    cp1252: old Swedish Windows files are cp1252.
    """
    best = matches.best()
    if best is None:
        return None
    calm = [m for m in matches if m.chaos == best.chaos]
    return max(calm, key=lambda m: (m.coherence, PREFERRED_ON_TIE in m.could_be_from_charset))


def read_text(data: bytes, *, name: str) -> SourceDocument:
    """Read a text file's bytes into a :class:`SourceDocument`."""
    text, encoding = decode(data)
    text = clean_text(text)
    if not text.strip():
        raise EmptyDocument("the file holds no text")
    return SourceDocument(name=name, text=text, format="text", encoding=encoding)
