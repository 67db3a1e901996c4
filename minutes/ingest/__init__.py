"""Readers that turn a file into a :class:`~minutes.models.SourceDocument`.

``read(path)`` picks a reader from the file's first bytes (its magic), falling
back to the extension only for plain text, so a junk file named ``.pdf`` is
reported as what it is.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from minutes.errors import EncryptedDocument, UnsupportedFormat
from minutes.ingest.text import read_text
from minutes.models import SourceDocument

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}

#: Compound File (OLE) magic: legacy .doc/.xls, and the wrapper Office puts
#: around a password-protected .docx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, suffix: str) -> str:
    """The format of a file from its magic bytes: ``pdf``, ``docx`` or ``text``."""
    if data.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data.startswith(OLE_MAGIC):
        _refuse_ole(suffix)
    if data.startswith(b"PK\x03\x04") and suffix == ".docx":
        return "docx"
    if data.startswith(b"PK\x03\x04"):
        raise UnsupportedFormat("a zip container that is not a .docx document")
    if suffix == ".pdf":
        raise UnsupportedFormat("named .pdf but is not a PDF (no %PDF header)")
    if suffix in TEXT_SUFFIXES or suffix == ".csv":
        return "text"
    raise UnsupportedFormat(f"unsupported file type {suffix!r}")


def _refuse_ole(suffix: str) -> None:
    if suffix == ".docx":
        raise EncryptedDocument("encrypted Word document: password protected, cannot be read")
    raise UnsupportedFormat("legacy Word/Office file (.doc): save it as .docx or PDF first")


def read_bytes(data: bytes, *, name: str, path: str = "", ocr: bool | str = False) -> SourceDocument:
    """Read a file's content given as bytes (from disk or a zip entry).

    ``ocr`` ("auto" or True, "redo", False) lets the scanned pages of a PDF go
    through OCR instead of being reported missing (see ``minutes.ingest.ocr``).
    """
    suffix = Path(name).suffix.lower()
    kind = sniff(data, suffix)
    if kind == "pdf":
        from minutes.ingest.pdf import read_pdf

        document = read_pdf(data, name=name, ocr=ocr)
    elif kind == "docx":
        from minutes.ingest.docx import read_docx

        document = read_docx(data, name=name)
    else:
        document = read_text(data, name=name)
    document.sha256 = hashlib.sha256(data).hexdigest()
    document.path = path or name
    document.size = len(data)
    return document


def read(path: str | Path, *, ocr: bool | str = False) -> SourceDocument:
    """Read one file from disk."""
    path = Path(path)
    return read_bytes(path.read_bytes(), name=path.name, path=str(path), ocr=ocr)


__all__ = ["read", "read_bytes", "sniff"]
