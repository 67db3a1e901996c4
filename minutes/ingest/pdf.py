"""PDF reader: PDFium's text layer, repaired page by page.

pypdfium2 is the default because it is 45–80× faster than pdfminer-based
readers and recovers the same words on born-digital PDFs (see
``MEASUREMENTS.md`` §2). ``read_pdf_layout`` keeps pdfplumber for the rare
page whose reading order needs layout analysis, such as two-column attendee
lists.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium

from minutes.errors import EmptyDocument, EncryptedDocument, IngestError, NeedsOCR
from minutes.extras import optional_import
from minutes.ingest.cleanup import clean_pdf_page, remove_running_lines
from minutes.ingest.pdf_lines import page_text
from minutes.models import SourceDocument

#: Where a complete PDF must have its end-of-file marker. Writers may append a
#: little junk after it, so the tail is searched rather than the last bytes.
EOF_WINDOW = 4096

NEEDS_OCR_MESSAGE = "no text layer: scanned PDF, needs OCR (run with --ocr)"
TRUNCATED_MESSAGE = "truncated PDF: the file is incomplete (cut off before its end marker)"


def is_truncated(data: bytes) -> bool:
    """Whether the file ends before its ``%%EOF`` marker, as a cut-off download does."""
    return b"%%EOF" not in data[-EOF_WINDOW:]


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """Open a PDF, turning PDFium's error codes into errors an archivist can act on."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise _explain_open_error(error, data) from error


def _explain_open_error(error: pdfium.PdfiumError, data: bytes) -> IngestError:
    code = getattr(error, "err_code", None)
    if code == pdfium.raw.FPDF_ERR_PASSWORD:
        return EncryptedDocument("encrypted PDF: password protected, cannot be read")
    if code == pdfium.raw.FPDF_ERR_SECURITY:
        return EncryptedDocument("encrypted PDF: unsupported security handler, cannot be read")
    if is_truncated(data):
        return IngestError(TRUNCATED_MESSAGE)
    return IngestError(f"corrupt PDF: cannot be parsed ({_pdfium_reason(error)})")


def _pdfium_reason(error: pdfium.PdfiumError) -> str:
    """PDFium's own wording, e.g. "Data format error", for the error message."""
    text = str(error)
    if "PDFium:" in text:
        return text.split("PDFium:", 1)[1].strip(" ).")
    return text


def page_texts(document: pdfium.PdfDocument) -> list[str]:
    """The raw text layer of every page.

    Content-stream order, except on pages with table columns: those are
    rebuilt line by line with tabs at the column breaks (see ``pdf_lines``).
    """
    texts = []
    for page in document:
        textpage = page.get_textpage()
        try:
            texts.append(page_text(textpage) or textpage.get_text_range())
        finally:
            textpage.close()
            page.close()
    return texts


def blank_pages(pages: list[str]) -> list[int]:
    """1-based numbers of pages without any text (scanned or purely graphic)."""
    return [i + 1 for i, text in enumerate(pages) if not text.strip()]


def repair_pages(raw_pages: list[str]) -> list[str]:
    """Clean each page, then drop running headers/footers found across pages."""
    return remove_running_lines([clean_pdf_page(text) for text in raw_pages])


def _check_text_layer(raw_pages: list[str]) -> list[str]:
    """Raise when nothing can be read; return warnings for pages without text."""
    if not raw_pages:
        raise EmptyDocument("empty PDF: the document has no pages")
    blank = blank_pages(raw_pages)
    if len(blank) == len(raw_pages):
        raise NeedsOCR(NEEDS_OCR_MESSAGE)
    if blank:
        listed = ", ".join(map(str, blank))
        return [f"no text layer on page(s) {listed}: scanned pages are missing from the text"]
    return []


def read_pdf(data: bytes, *, name: str, ocr: bool = False) -> SourceDocument:
    """Read a born-digital PDF into a :class:`SourceDocument`, one page per ``page_starts`` entry.

    With ``ocr=True`` a PDF without a text layer is first run through
    ``ocrmypdf`` (see :mod:`minutes.ingest.ocr`).
    """
    document = open_pdf(data)
    try:
        if is_truncated(data):
            raise IngestError(TRUNCATED_MESSAGE)
        raw_pages = page_texts(document)
    finally:
        document.close()
    try:
        warnings = _check_text_layer(raw_pages)
        pages = repair_pages(raw_pages)
        _check_body(pages)
    except NeedsOCR:
        if not ocr:
            raise
        return _read_ocr(data, name=name)
    return SourceDocument.from_pages(name, pages, format="pdf", warnings=warnings)


def _check_body(pages: list[str]) -> None:
    """A text layer holding only headers and page numbers is a stamped scan."""
    if not any(page.strip() for page in pages):
        raise NeedsOCR(
            "no text layer beyond headers and page numbers: scanned PDF, needs OCR (run with --ocr)"
        )


def _read_ocr(data: bytes, *, name: str) -> SourceDocument:
    """OCR the PDF and read the result; a scan OCR cannot read is reported as such."""
    from minutes.ingest.ocr import ocr_pdf

    ocred = ocr_pdf(data)
    try:
        document = read_pdf(ocred, name=name)
    except NeedsOCR as error:
        raise NeedsOCR("OCR found no text: the scan may be blank or unreadable") from error
    return _mark_ocr(document)


def _mark_ocr(document: SourceDocument) -> SourceDocument:
    document.warnings.append("text comes from OCR (ocrmypdf, Swedish): expect recognition errors")
    return document


def read_pdf_layout(data: bytes, *, name: str) -> SourceDocument:
    """Read a PDF with pdfplumber's layout analysis (about 60× slower than :func:`read_pdf`).

    Use it when PDFium's content-stream order scrambles a page, e.g. a
    two-column attendee list: pdfplumber orders words by position. It applies
    the same repairs, so both readers return comparable text.
    """
    pdfplumber = optional_import("pdfplumber", extra="bench", purpose="the layout reader")
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    open_pdf(data).close()  # same error classes and messages as the fast path
    if is_truncated(data):
        raise IngestError(TRUNCATED_MESSAGE)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            raw_pages = [_plumber_page_text(page) for page in pdf.pages]
    except PDFPasswordIncorrect as error:
        raise EncryptedDocument("encrypted PDF: password protected, cannot be read") from error
    warnings = _check_text_layer(raw_pages)
    pages = repair_pages(raw_pages)
    _check_body(pages)
    return SourceDocument.from_pages(name, pages, format="pdf", warnings=warnings)


def _plumber_page_text(page) -> str:
    """One page's text via pdfplumber, releasing its cached objects (memory, see MEASUREMENTS)."""
    try:
        return page.extract_text() or ""
    finally:
        page.close()
