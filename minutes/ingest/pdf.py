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
import pypdfium2.raw as pdfium_c

from minutes.errors import EmptyDocument, EncryptedDocument, IngestError, NeedsOCR
from minutes.extras import optional_import
from minutes.ingest.cleanup import clean_pdf_page, remove_running_lines, repair_ocr_text
from minutes.ingest.limits import check_pages
from minutes.ingest.ocr import OcrPage, ocr_mode
from minutes.ingest.pdf_lines import page_text
from minutes.models import SourceDocument

#: PDF text render mode 3: glyphs that are not drawn, as OCR layers over a scan are.
INVISIBLE = pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE

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
    """The text layer of every page, rebuilt line by line as printed (see ``pdf_lines``)."""
    check_pages(len(document))  # a page-tree DAG can claim a million pages in 1.4 KB
    texts = []
    for page in document:
        textpage = page.get_textpage()
        try:
            texts.append(page_text(textpage))
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


def _page_objects(document: pdfium.PdfDocument, number: int) -> tuple[bool, float]:
    """Whether page ``number`` draws anything but text, and the share of its text drawn invisible.

    A page without text that draws an image or paths is a scan (or text
    turned into outlines): OCR can read it; an empty page it cannot. Invisible
    text over an image is what OCR programs add to a scan: the layer
    ``--ocr=redo`` replaces.
    """
    page = document[number - 1]
    try:
        graphics, text_objects, invisible = False, 0, 0
        for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
            obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
            if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_TEXT:
                graphics = True
                continue
            text_objects += 1
            invisible += pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == INVISIBLE
        return graphics, invisible / text_objects if text_objects else 0.0
    finally:
        page.close()


def ocr_targets(document: pdfium.PdfDocument, pages: list[str], mode: str) -> list[int]:
    """The pages OCR should read: scans without text, and with ``redo`` earlier OCR layers too."""
    if mode == "off":
        return []
    targets = []
    for number, text in enumerate(pages, start=1):
        if text.strip() and mode != "redo":
            continue  # a page with text keeps it; its objects need not be looked at
        graphics, invisible = _page_objects(document, number)
        if graphics and (not text.strip() or invisible > 0.5):
            targets.append(number)
    return targets


def read_pdf(data: bytes, *, name: str, ocr: bool | str = False) -> SourceDocument:
    """Read a PDF into a :class:`SourceDocument`, one page per ``page_starts`` entry.

    ``ocr`` (see :func:`minutes.ingest.ocr.ocr_mode`): ``"auto"``/``True``
    OCRs the pages that have no text layer and keeps the others as they are;
    ``"redo"`` also replaces the invisible text an earlier OCR left on a scan.
    Which pages were OCR'd, and Tesseract's mean word confidence on each, is
    kept in ``ocr_pages``; pages still without text are in ``pages_without_text``.
    """
    mode = ocr_mode(ocr)
    document = open_pdf(data)
    try:
        if is_truncated(data):
            raise IngestError(TRUNCATED_MESSAGE)
        raw_pages = page_texts(document)
        if not raw_pages:
            raise EmptyDocument("empty PDF: the document has no pages")
        targets = ocr_targets(document, repair_pages(raw_pages), mode) if mode != "off" else []
    finally:
        document.close()
    ocred = _ocr(data, targets)
    for number, page in ocred.items():
        raw_pages[number - 1] = repair_ocr_text(page.text)
    pages = repair_pages(raw_pages)
    without_text = blank_pages(pages)
    if len(without_text) == len(pages):
        raise NeedsOCR(_no_text_message(raw_pages, targets))
    return SourceDocument.from_pages(
        name, pages, format="pdf", warnings=_warnings(without_text, ocred),
        pages_without_text=without_text,
        ocr_pages={number: page.confidence for number, page in ocred.items()},
    )


def _ocr(data: bytes, targets: list[int]) -> dict[int, OcrPage]:
    if not targets:
        return {}
    from minutes.ingest.ocr import ocr_pages

    return ocr_pages(data, targets)


def _no_text_message(raw_pages: list[str], targets: list[int]) -> str:
    """Why a PDF gave no text at all: scanned, stamped scan, or a scan OCR could not read."""
    if targets:
        return "OCR found no text: the scan may be blank or unreadable"
    if blank_pages(raw_pages) and len(blank_pages(raw_pages)) == len(raw_pages):
        return NEEDS_OCR_MESSAGE
    return "no text layer beyond headers and page numbers: scanned PDF, needs OCR (run with --ocr)"


def _warnings(without_text: list[int], ocred: dict[int, OcrPage]) -> list[str]:
    warnings = []
    if without_text:
        listed = ", ".join(map(str, without_text))
        warnings.append(f"no text layer on page(s) {listed}: scanned pages are missing from the text")
    if ocred:
        listed = ", ".join(f"{n} ({p.confidence:.0f} %)" for n, p in sorted(ocred.items()))
        warnings.append(
            f"text of page(s) {listed} comes from OCR (Tesseract, Swedish; mean word confidence): "
            "expect recognition errors"
        )
    return warnings


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
    if not raw_pages:
        raise EmptyDocument("empty PDF: the document has no pages")
    pages = repair_pages(raw_pages)
    without_text = blank_pages(pages)
    if len(without_text) == len(pages):
        raise NeedsOCR(_no_text_message(raw_pages, []))
    return SourceDocument.from_pages(
        name, pages, format="pdf", warnings=_warnings(without_text, {}), pages_without_text=without_text
    )


def _plumber_page_text(page) -> str:
    """One page's text via pdfplumber, releasing its cached objects (memory, see MEASUREMENTS)."""
    try:
        return page.extract_text() or ""
    finally:
        page.close()
