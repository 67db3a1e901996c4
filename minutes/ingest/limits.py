"""Limits on what one file may cost: wall time, memory, pages, decompressed bytes, text length.

A hostile or broken file must not stall or sink a whole import (issue 13): a
1.4 KB PDF whose page tree claims a million pages, a stream that inflates to
gigabytes, a .docx with two million paragraphs. The bulk import applies one
:class:`FileLimits` to every file it parses (``minutes ingest --max-seconds``
and friends); readers ask :func:`current` and raise :class:`LimitExceeded`
naming the limit, so the file is recorded as failed with that reason and the
import goes on. Wall time and memory are enforced around the reader by the
worker's sandbox (:mod:`minutes.importer.sandbox`), not here.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutes.errors import IngestError


@dataclass(frozen=True)
class FileLimits:
    """What one file may use; the defaults are far above any real minutes document."""

    seconds: float = 120.0  # wall time to read and extract it
    memory: int = 2 * 2**30  # address space the worker may grow by while reading it
    pages: int = 2_000
    decompressed: int = 256 * 2**20  # bytes unpacked from a .docx/.odt package
    text_chars: int = 5_000_000


#: The option of ``minutes ingest`` that sets each limit, named in messages.
OPTIONS = {
    "seconds": "--max-seconds",
    "memory": "--max-memory",
    "pages": "--max-pages",
    "decompressed": "--max-unpacked",
    "text_chars": "--max-text",
}

_current = FileLimits()


class LimitExceeded(IngestError):
    """A file is over one of its limits; the message names the limit and its option."""

    def __init__(self, limit: str, message: str) -> None:
        super().__init__(message)
        self.limit = limit


def current() -> FileLimits:
    """The limits of the file being read in this process."""
    return _current


def use(limits: FileLimits) -> None:
    """Make ``limits`` the ones readers in this process check (set by the sandbox per file)."""
    global _current
    _current = limits


_LABELS = {"seconds": "time", "pages": "page", "text_chars": "text length", "decompressed": "unpacked size"}


def exceeded(limit: str, what: str, value: str) -> LimitExceeded:
    """``over the page limit: the PDF claims 1000000 pages (limit 2000, --max-pages)``."""
    label = _LABELS.get(limit, limit)
    return LimitExceeded(limit, f"over the {label} limit: {what} (limit {value}, {OPTIONS[limit]})")


def human_size(n: int) -> str:
    """A byte count as an archivist reads it: "100 MB", "2 GB", "512 bytes"."""
    for unit, size in (("GB", 2**30), ("MB", 2**20), ("kB", 2**10)):
        if n >= size:
            return f"{n / size:.0f} {unit}" if n % size == 0 else f"{n / size:.1f} {unit}"
    return f"{n} bytes"


def check_pages(count: int) -> None:
    """Refuse a document with more pages than the limit, before reading any of them."""
    limit = current().pages
    if count > limit:
        raise exceeded("pages", f"the document has {count} pages", str(limit))


def check_decompressed(size: int, what: str = "its parts") -> None:
    """Refuse a package (or a PDF's streams) that unpacks to more bytes than the limit."""
    limit = current().decompressed
    if size > limit:
        raise exceeded("decompressed", f"{what} unpack to more than {human_size(limit)}", human_size(limit))


def check_text(length: int) -> None:
    """Refuse a document whose text is longer than the limit (extraction time grows with it)."""
    limit = current().text_chars
    if length > limit:
        raise exceeded("text_chars", f"{length} characters of text", f"{limit} characters")
