"""read_pdf on PDFs generated with reportlab: body lines survive, furniture goes."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutes.errors import EncryptedDocument, IngestError, NeedsOCR
from minutes.ingest import read_bytes
from minutes.ingest.pdf import read_pdf, read_pdf_layout

HEADER = "Protokoll Kommunstyrelsens arbetsutskott 2019-04-08"

#: Body lines per page as drawn. "<sym>" / "<zapf>" draw a bullet glyph from
#: the Symbol / ZapfDingbats font before the rest of the line.
PAGES = [
    [
        "Protokoll fört vid sammanträde med",
        "kommunstyrelsens arbetsutskott i Åmål",
        "Tid: måndagen den 8 april 2019 kl. 13.00",
        "Närvarande: Anna Berg (S), ordförande",
        "§ 12 Val av justerare",
        "1. Mötets öppnande",
        "Ordföranden hälsar alla välkomna och konstaterar att verksam-",
        "heten inom äldreomsorgen går enligt plan.",
        "Styrelsen diskuterade budgeten för",
    ],
    [
        "nästa år och beslutade att återkomma i frågan.",
        "2) Samverkan vid in- och utskrivning från sluten hälso-",
        "och sjukvård",
        "Föredragande: Örjan Ek",
        "<sym>Rutinen för vårdplanering ses över",
        "<zapf>Uppföljning sker i höst",
    ],
    [
        "3. Övriga frågor",
        "Inga övriga frågor anmäldes. Mötet avslutades.",
    ],
]

EXPECTED = [
    [
        "Protokoll fört vid sammanträde med",
        "kommunstyrelsens arbetsutskott i Åmål",
        "Tid: måndagen den 8 april 2019 kl. 13.00",
        "Närvarande: Anna Berg (S), ordförande",
        "§ 12 Val av justerare",
        "1. Mötets öppnande",
        "Ordföranden hälsar alla välkomna och konstaterar att verksamheten",
        "inom äldreomsorgen går enligt plan.",
        "Styrelsen diskuterade budgeten för",
    ],
    [
        "nästa år och beslutade att återkomma i frågan.",
        "2) Samverkan vid in- och utskrivning från sluten hälso-",
        "och sjukvård",
        "Föredragande: Örjan Ek",
        "• Rutinen för vårdplanering ses över",
        "• Uppföljning sker i höst",
    ],
    PAGES[2],
]


def _draw_line(pdf: canvas.Canvas, y: float, line: str) -> None:
    for marker, font, glyph in (("<sym>", "Symbol", "\u2022"), ("<zapf>", "ZapfDingbats", "l")):
        if line.startswith(marker):
            pdf.setFont(font, 11)
            pdf.drawString(72, y, glyph)
            pdf.setFont("Helvetica", 11)
            pdf.drawString(90, y, line[len(marker) :])
            return
    pdf.drawString(72, y, line)


def make_pdf(pages=PAGES, *, header=HEADER, header_last=True, footer="Sida {n} av {total}", **kw) -> bytes:
    """A minutes-like A4 PDF; the header is drawn last so PDFium reports it at the end."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, **kw)
    width, height = A4
    for n, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 11)
        if header and not header_last:
            pdf.drawString(72, height - 40, header)
        for i, line in enumerate(lines):
            _draw_line(pdf, height - 100 - 16 * i, line)
        if footer:
            pdf.drawCentredString(width / 2, 40, footer.format(n=n, total=len(pages)))
        if header and header_last:
            pdf.drawString(72, height - 40, header)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def minutes_pdf() -> bytes:
    return make_pdf()


def test_ingest_pdf_keeps_body_lines_and_drops_furniture(minutes_pdf):
    document = read_pdf(minutes_pdf, name="ks.pdf")
    assert [document.page_text(p).strip("\n").split("\n") for p in (1, 2, 3)] == EXPECTED
    assert "Sida" not in document.text
    assert HEADER not in document.text
    assert document.format == "pdf"
    assert document.warnings == []


def test_ingest_pdf_page_starts_point_at_each_page(minutes_pdf):
    document = read_pdf(minutes_pdf, name="ks.pdf")
    assert document.pages == 3
    for page, lines in enumerate(EXPECTED, start=1):
        start = document.page_starts[page - 1]
        assert document.text[start:].startswith(lines[0])
        assert document.page_of(start) == page


def test_ingest_pdf_header_drawn_first_is_removed_too():
    document = read_pdf(make_pdf(header_last=False, footer="{n} ({total})"), name="ks.pdf")
    assert document.page_text(1).split("\n")[0] == EXPECTED[0][0]
    assert HEADER not in document.text
    assert "(3)" not in document.text


def test_ingest_pdf_single_page_drops_its_page_number():
    document = read_pdf(make_pdf([PAGES[2]], header="", footer="Sida {n}"), name="one.pdf")
    assert document.text == "\n".join(PAGES[2])


def test_ingest_pdf_output_has_no_carriage_returns_or_markers(minutes_pdf):
    text = read_pdf(minutes_pdf, name="ks.pdf").text
    assert "\r" not in text and "\ufffe" not in text and "■" not in text


def test_ingest_pdf_read_bytes_dispatches_on_magic(minutes_pdf):
    document = read_bytes(minutes_pdf, name="protokoll.PDF", path="/in/protokoll.PDF")
    assert document.format == "pdf"
    assert len(document.sha256) == 64
    assert document.size == len(minutes_pdf)


def test_ingest_pdf_layout_reader_gives_the_same_body(minutes_pdf):
    fast = read_pdf(minutes_pdf, name="ks.pdf")
    layout = read_pdf_layout(minutes_pdf, name="ks.pdf")
    assert layout.page_starts == fast.page_starts
    assert layout.page_text(3) == fast.page_text(3)
    assert "verksamheten" in layout.text and HEADER not in layout.text


# --- hostile files -------------------------------------------------------------


def test_ingest_pdf_encrypted_is_reported():
    data = make_pdf(encrypt="secret")
    with pytest.raises(EncryptedDocument, match="encrypted PDF: password protected"):
        read_pdf(data, name="secret.pdf")
    with pytest.raises(EncryptedDocument, match="password protected"):
        read_pdf_layout(data, name="secret.pdf")


def test_ingest_pdf_truncated_is_reported(minutes_pdf):
    with pytest.raises(IngestError, match="truncated PDF") as caught:
        read_pdf(minutes_pdf[: len(minutes_pdf) // 2], name="cut.pdf")
    assert type(caught.value) is IngestError


def test_ingest_pdf_truncated_just_before_eof_marker(minutes_pdf):
    cut = minutes_pdf[: minutes_pdf.rindex(b"%%EOF")]
    with pytest.raises(IngestError, match="truncated PDF"):
        read_pdf(cut, name="cut.pdf")


def test_ingest_pdf_corrupt_body_is_reported():
    data = b"%PDF-1.4\n" + b"\x00garbage\xff" * 200 + b"\n%%EOF\n"
    with pytest.raises(IngestError, match="corrupt PDF: cannot be parsed") as caught:
        read_pdf(data, name="junk.pdf")
    assert type(caught.value) is IngestError


def _image_only_pdf(*, stamp: str = "") -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for n in (1, 2):
        pdf.rect(72, 300, 400, 400, fill=1)  # stands in for a scanned page image
        if stamp:
            pdf.drawString(72, 40, stamp.format(n=n))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_ingest_pdf_without_text_layer_needs_ocr():
    with pytest.raises(NeedsOCR, match=r"no text layer: scanned PDF, needs OCR \(run with --ocr\)"):
        read_pdf(_image_only_pdf(), name="scan.pdf")


def test_ingest_pdf_scan_with_only_page_numbers_needs_ocr():
    with pytest.raises(NeedsOCR, match="beyond headers and page numbers"):
        read_pdf(_image_only_pdf(stamp="Sida {n} av 2"), name="scan.pdf")


def test_ingest_pdf_partly_scanned_warns_with_page_numbers():
    data = make_pdf([PAGES[0], [], PAGES[2]], header="", footer="")
    document = read_pdf(data, name="mixed.pdf")
    assert document.pages == 3 and document.page_text(2).strip() == ""
    assert document.warnings == [
        "no text layer on page(s) 2: scanned pages are missing from the text"
    ]
