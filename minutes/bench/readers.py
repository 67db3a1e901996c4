"""Time the two PDF readers side by side: ``read_pdf`` (PDFium) and pdfplumber.

The numbers justify the default reader (MEASUREMENTS.md §2: PDFium about
1,000 pages/s, pdfplumber about 16) and catch regressions in our own repair
step, which runs on top of PDFium. ``minutes bench`` calls
:func:`compare_readers`; ``python -m minutes.bench.readers FILE…`` prints it.
"""

from __future__ import annotations

import io
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from minutes.extras import optional_import
from minutes.ingest.pdf import read_pdf


def pdfplumber_pages(data: bytes) -> int:
    """pdfplumber ``extract_text`` on every page; returns the page count."""
    pdfplumber = optional_import("pdfplumber", extra="bench", purpose="timing pdfplumber")

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()  # without it pdfplumber keeps every page's objects (559 MiB per 100 pages)
        return len(pdf.pages)


def pypdfium2_pages(data: bytes) -> int:
    """pypdfium2's bare text of every page (``get_text_range``), nothing on top; returns the page count.

    The parsing limit the import is held to (issue 15: at least a quarter of
    this rate): the same library our reader uses, without header and footer
    cuts, column repair, extraction or storing.
    """
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            text_page = page.get_textpage()
            text_page.get_text_range()
            text_page.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def _read_pdf_pages(data: bytes) -> int:
    return read_pdf(data, name="bench.pdf").pages


READERS: dict[str, Callable[[bytes], int]] = {
    "pypdfium2 read_pdf": _read_pdf_pages,
    "pdfplumber extract_text": pdfplumber_pages,
}


def _time(reader: Callable[[bytes], int], data: bytes) -> tuple[int, float]:
    start = time.perf_counter()
    pages = reader(data)
    return pages, time.perf_counter() - start


def _rate(pages: int, seconds: float) -> float:
    return round(pages / seconds, 1) if seconds > 0 else float("inf")


def compare_readers(paths: Iterable[str | Path]) -> dict:
    """Pages per second of each reader over the same PDFs, per file and in total.

    Returns ``{"files": [{"path", "pages", <reader>: pages/s, ...}],
    "total": {"pages", <reader>: pages/s, ...}, "skipped": [{"path", "error"}]}``.
    Files a reader cannot read (encrypted, scanned) are listed as skipped.
    """
    files, skipped = [], []
    totals = {name: 0.0 for name in READERS}
    total_pages = 0
    for path in map(Path, paths):
        data = path.read_bytes()
        try:
            row = _bench_file(data)
        except Exception as error:  # noqa: BLE001 - IngestError, or any of pdfplumber's own errors
            skipped.append({"path": str(path), "error": str(error) or type(error).__name__})
            continue
        total_pages += row["pages"]
        for name in READERS:
            totals[name] += row.pop(f"_{name}")
        files.append({"path": str(path), **row})
    total = {"pages": total_pages, **{name: _rate(total_pages, s) for name, s in totals.items()}}
    return {"files": files, "total": total, "skipped": skipped}


def _bench_file(data: bytes) -> dict:
    """One file through every reader; seconds kept under "_<reader>" for the totals."""
    row: dict = {}
    for name, reader in READERS.items():
        pages, seconds = _time(reader, data)
        row.update({"pages": pages, name: _rate(pages, seconds), f"_{name}": seconds})
    return row


if __name__ == "__main__":
    print(json.dumps(compare_readers(sys.argv[1:]), indent=2, ensure_ascii=False))
