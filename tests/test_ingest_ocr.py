"""Real OCR (ocrmypdf + Tesseract's Swedish model) on scans the tests print themselves (issue 14).

Every page here is invented minutes drawn with reportlab and turned into an
image-only PDF by ``minutes.sample.scan_pdf``; nothing stands in for
Tesseract. Where it cannot be installed the OCR tests are skipped and say what
is missing; the message that tells a user what to install is tested anyway.
"""

from __future__ import annotations

import io
import json
import sqlite3

import pytest
from click.testing import CliRunner
from rapidfuzz import fuzz
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutes.cli import cli
from minutes.errors import NeedsOCR
from minutes.extract import extract_meeting
from minutes.ingest import read_bytes
from minutes.ingest.ocr import missing_tools, ocr_available, ocr_mode
from minutes.sample import render_pdf_from_text, scan_pdf

needs_tesseract = pytest.mark.skipif(
    not ocr_available(), reason=f"OCR not installed here: missing {', '.join(missing_tools())}"
)

#: Invented minutes: one page, the shape of a small association's board meeting.
MINUTES = """Protokoll fört vid styrelsemöte i Brf Lönnkvisten
Datum: 2021-03-04
Närvarande: Åsa Öberg, Lennart Ståhl, Märta Ek
§ 12 Mötets öppnande
Ordföranden Åsa Öberg förklarade mötet öppnat.
§ 13 Val av justerare
Märta Ek valdes att justera protokollet.
§ 14 Fönsterbyte i trapphusen
Styrelsen beslutade att anta offerten från Glasmästarna.
Lennart Ståhl får i uppdrag att beställa arbetet före den 30 april.
§ 15 Mötets avslutande
Ordföranden tackade för visat intresse."""

SECOND_PAGE = """§ 16 Övriga frågor
Föreningens städdag blir lördagen den 17 april.
Nästa möte hålls den 6 maj 2021."""


def _pdf(*pages: str, size: float = 12) -> bytes:
    """A born-digital PDF with one page per text, one line per line."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for text in pages:
        y = 780.0
        pdf.setFont("Helvetica", size)
        for line in text.split("\n"):
            pdf.drawString(72, y, line)
            y -= size * 1.6
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _merge(*pdfs: bytes) -> bytes:
    """Pages of several PDFs in one (a text page followed by a scanned one)."""
    import pypdfium2 as pdfium

    target = pdfium.PdfDocument.new()
    for data in pdfs:
        source = pdfium.PdfDocument(data)
        target.import_pages(source)
    out = io.BytesIO()
    target.save(out)
    return out.getvalue()


def _lines_found(expected: str, text: str, *, score: float = 90) -> float:
    """Share of the expected lines that OCR gave back nearly verbatim."""
    got = text.split("\n")
    lines = expected.split("\n")
    return sum(max(fuzz.ratio(line, g) for g in got) >= score for line in lines) / len(lines)


@pytest.fixture(scope="module")
def scanned_minutes() -> bytes:
    return scan_pdf(_pdf(MINUTES), dpi=200)


def test_ingest_ocr_modes():
    assert [ocr_mode(v) for v in (False, None, True, "auto", "redo", "off")] == [
        "off", "off", "auto", "auto", "redo", "off"
    ]
    with pytest.raises(ValueError, match="unknown OCR mode"):
        ocr_mode("always")


def test_ingest_ocr_not_installed_says_what_to_install(monkeypatch, scanned_minutes):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(NeedsOCR, match=r"OCR is not installed \(install ocrmypdf and tesseract-ocr-swe; "
                       r"missing here: tesseract-ocr \(Debian\)"):
        read_bytes(scanned_minutes, name="skannat.pdf", ocr=True)


def test_ingest_ocr_scan_without_ocr_needs_ocr(scanned_minutes):
    with pytest.raises(NeedsOCR, match=r"needs OCR \(run with --ocr\)"):
        read_bytes(scanned_minutes, name="skannat.pdf")


@needs_tesseract
def test_ingest_ocr_reads_a_scanned_page(scanned_minutes):
    document = read_bytes(scanned_minutes, name="skannat.pdf", ocr=True)
    assert _lines_found(MINUTES, document.text) >= 0.9
    assert "§ 14 Fönsterbyte i trapphusen" in document.text
    assert list(document.ocr_pages) == [1] and document.ocr_pages[1] > 80
    assert document.pages_without_text == []
    assert "comes from OCR" in document.warnings[-1]


@needs_tesseract
def test_ingest_ocr_text_feeds_extraction(scanned_minutes):
    meeting = extract_meeting(read_bytes(scanned_minutes, name="skannat.pdf", ocr=True))
    assert [item.number for item in meeting.items] == ["12", "13", "14", "15"]
    assert meeting.date == "2021-03-04"
    assert {a.name for a in meeting.attendees} >= {"Åsa Öberg", "Lennart Ståhl", "Märta Ek"}


@needs_tesseract
def test_ingest_ocr_keeps_text_pages_and_reads_the_scanned_one():
    mixed = _merge(_pdf(MINUTES), scan_pdf(_pdf(SECOND_PAGE), dpi=200))
    plain = read_bytes(mixed, name="blandat.pdf")
    assert plain.pages_without_text == [2] and plain.ocr_pages == {}
    assert plain.warnings == ["no text layer on page(s) 2: scanned pages are missing from the text"]
    document = read_bytes(mixed, name="blandat.pdf", ocr=True)
    assert document.page_text(1) == plain.page_text(1)  # the text layer is kept as it was
    assert list(document.ocr_pages) == [2]
    assert _lines_found(SECOND_PAGE, document.page_text(2)) == 1.0


def _scan_with_layer(text_layer: str) -> bytes:
    """A scanned page carrying an earlier OCR's invisible (and wrong) text, as archives hold."""
    import pypdfium2 as pdfium

    scan = pdfium.PdfDocument(scan_pdf(_pdf(MINUTES), dpi=200))
    image = scan[0].render(scale=200 / 72, grayscale=True).to_pil()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawInlineImage(image, 0, 0, width=A4[0], height=A4[1])
    layer = pdf.beginText(72, 780)
    layer.setTextRenderMode(3)  # invisible, as OCR layers are
    layer.setFont("Helvetica", 12)
    for line in text_layer.split("\n"):
        layer.textLine(line)
    pdf.drawText(layer)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@needs_tesseract
def test_ingest_ocr_redo_replaces_a_poor_earlier_layer():
    poor = "Protokoli fört vid styre1semöte\n§ l2 Mötets öppuande\nStyrelsen besIutade att anta"
    data = _scan_with_layer(poor)
    kept = read_bytes(data, name="gammal-ocr.pdf", ocr=True)
    assert kept.ocr_pages == {} and "styre1semöte" in kept.text  # auto keeps a text layer
    redone = read_bytes(data, name="gammal-ocr.pdf", ocr="redo")
    assert list(redone.ocr_pages) == [1]
    assert "styre1semöte" not in redone.text
    assert "§ 14 Fönsterbyte i trapphusen" in redone.text


RULED_ROWS = [
    ("1.", "Mötet öppnas", "Åsa"),
    ("2.", "Val av sekreterare", "Märta"),
    ("3.", "Budget för 2022", "Lennart"),
    ("4.", "Mötet avslutas", "Åsa"),
]


def _ruled_table() -> bytes:
    """Minutes as a ruled table, Punkt | Vad | Ansvar, the layout Tesseract loses numbers in."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Times-Roman", 13)
    columns, top, height = (70, 130, 430, 525), 760, 30
    rows = [("Punkt", "Vad", "Ansvar"), *RULED_ROWS]
    for n, row in enumerate(rows):
        y = top - n * height
        for x, cell in zip(columns, row):
            pdf.drawString(x + 8, y - 20, cell)
    for n in range(len(rows) + 1):
        pdf.line(columns[0], top - n * height, columns[-1], top - n * height)
    for x in columns:
        pdf.line(x, top, x, top - len(rows) * height)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@needs_tesseract
def test_ingest_ocr_reads_a_ruled_table_row_by_row_with_its_numbers():
    document = read_bytes(scan_pdf(_ruled_table(), dpi=300), name="tabell.pdf", ocr=True)
    lines = document.text.split("\n")
    for row in RULED_ROWS:
        assert "\t".join(row) in lines


@needs_tesseract
def test_ingest_ocr_cli_records_pages_and_confidence(tmp_path, scanned_minutes):
    folder = tmp_path / "skannat"
    folder.mkdir()
    (folder / "protokoll.pdf").write_bytes(_merge(_pdf(MINUTES), scan_pdf(_pdf(SECOND_PAGE), dpi=200)))
    db = tmp_path / "a.db"
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(db), "--ocr", str(folder)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        pages, confidence = conn.execute("select ocr_pages, ocr_confidence from documents").fetchone()
    assert list(json.loads(pages)) == ["2"] and 80 < confidence <= 100


def test_ingest_ocr_cli_rejects_an_unknown_mode(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "a.db"), "--ocr=alltid"])
    assert result.exit_code != 0 and "neither auto, redo nor an existing path" in result.output


def test_ingest_ocr_scan_renderer_makes_image_only_pages(tmp_path):
    pdf = tmp_path / "p.pdf"
    render_pdf_from_text(MINUTES, pdf)
    scan = scan_pdf(pdf.read_bytes(), dpi=100)
    with pytest.raises(NeedsOCR):
        read_bytes(scan, name="skannat.pdf")
