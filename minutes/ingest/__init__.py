"""Readers that turn a file into a :class:`~minutes.models.SourceDocument`.

``read(path)`` picks a reader from the file's first bytes (its magic), falling
back to the extension only for plain text and web pages, so a junk file named
``.pdf`` is reported as what it is. Formats: PDF (with OCR of scanned pages),
Word .docx and .doc (97-2003), RTF, OpenDocument .odt, saved web pages, text.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import zipfile
from pathlib import Path

from minutes.errors import EncryptedDocument, UnsupportedFormat
from minutes.ingest.limits import check_decompressed, check_text, current
from minutes.ingest.text import read_text
from minutes.models import SourceDocument

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

#: Compound File (OLE) magic: legacy .doc/.xls, and the wrapper Office puts
#: around a password-protected .docx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, suffix: str) -> str:
    """The format of a file from its magic bytes.

    One of ``pdf``, ``docx``, ``doc``, ``odt``, ``rtf``, ``html`` or ``text``;
    the suffix only separates text from web pages and names what a refused
    file claimed to be.
    """
    from minutes.ingest.html import looks_like_html
    from minutes.ingest.legacy import is_word_document
    from minutes.ingest.odt import is_odt

    if data.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data.startswith(OLE_MAGIC):
        return _ole_kind(data, suffix, is_word_document(data))
    if is_odt(data):
        return "odt"
    if data.startswith(b"PK\x03\x04") and suffix == ".docx":
        return "docx"
    if data.startswith(b"PK\x03\x04"):
        raise UnsupportedFormat("a zip container that is not a .docx or .odt document")
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if suffix == ".pdf":
        raise UnsupportedFormat("named .pdf but is not a PDF (no %PDF header)")
    if suffix in HTML_SUFFIXES or (suffix in TEXT_SUFFIXES and looks_like_html(data)):
        return "html"
    if suffix in TEXT_SUFFIXES or suffix == ".csv":
        return "text"
    raise UnsupportedFormat(f"unsupported file type {suffix!r}")


def _ole_kind(data: bytes, suffix: str, word: bool) -> str:
    """A Compound File: a Word 97-2003 document, or what cannot be read (with the reason)."""
    if suffix == ".docx":
        raise EncryptedDocument("encrypted Word document: password protected, cannot be read")
    if word:
        return "doc"
    if suffix == ".doc":
        raise UnsupportedFormat("legacy Word file (.doc) without a Word document stream: damaged or not Word")
    raise UnsupportedFormat("legacy Office file that is not a Word document (Excel or PowerPoint?)")


#: Reader of each format: (module, function), imported on first use.
READERS = {
    "pdf": ("minutes.ingest.pdf", "read_pdf"),
    "docx": ("minutes.ingest.docx", "read_docx"),
    "doc": ("minutes.ingest.legacy", "read_doc"),
    "rtf": ("minutes.ingest.legacy", "read_rtf"),
    "odt": ("minutes.ingest.odt", "read_odt"),
    "html": ("minutes.ingest.html", "read_html"),
}


def read_bytes(data: bytes, *, name: str, path: str = "", ocr: bool | str = False) -> SourceDocument:
    """Read a file's content given as bytes (from disk or a zip entry).

    ``ocr`` ("auto" or True, "redo", False) lets the scanned pages of a PDF go
    through OCR instead of being reported missing (see ``minutes.ingest.ocr``).
    """
    kind = sniff(data, Path(name).suffix.lower())
    if kind in ("docx", "odt"):
        check_decompressed(unpacked_size(data))
    elif kind == "pdf":
        from minutes.ingest.pdf_guard import check_pdf_streams

        check_pdf_streams(data)
    elif kind in ("text", "html") and len(data) > 4 * current().text_chars:
        check_text(len(data) // 4)  # at least a character per 4 bytes: too long, refused before decoding
    if kind == "text":
        document = read_text(data, name=name)
    else:
        module, function = READERS[kind]
        reader = getattr(importlib.import_module(module), function)
        document = reader(data, name=name, ocr=ocr) if kind == "pdf" else reader(data, name=name)
    check_text(len(document.text))
    document.sha256 = hashlib.sha256(data).hexdigest()
    document.path = path or name
    document.size = len(data)
    return document


def unpacked_size(data: bytes) -> int:
    """What a zip-based document (.docx, .odt) says its parts unpack to; 0 if it is no zip.

    The declared sizes are what ``zipfile`` reads up to (it stops at them and
    checks the CRC), so they bound the bytes a reader can be handed.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0


def read(path: str | Path, *, ocr: bool | str = False) -> SourceDocument:
    """Read one file from disk."""
    path = Path(path)
    return read_bytes(path.read_bytes(), name=path.name, path=str(path), ocr=ocr)


__all__ = ["read", "read_bytes", "sniff"]
