"""read_docx on Word files generated with python-docx."""

from __future__ import annotations

import io
import unicodedata

import docx
import pytest

from minutes.errors import (
    EmptyDocument,
    EncryptedDocument,
    IngestError,
    UnsupportedFormat,
)
from minutes.ingest import read_bytes
from minutes.ingest.docx import read_docx


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def minutes_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Protokoll från styrelsemöte", level=1)
    document.add_paragraph("Tid: tisdagen den 3 mars 2020 kl. 09.00")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Närvarande", "Roll"
    table.cell(1, 0).text, table.cell(1, 1).text = "Åsa Öberg", "ordförande"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Frånvarande: ingen"
    document.add_paragraph("1. Mötets öppnande")
    document.add_paragraph("Val av justerare", style="List Number")
    document.add_paragraph("Ekonomisk rapport", style="List Number")
    document.add_paragraph("Underlag skickas ut i förväg", style="List Bullet")
    document.add_paragraph(unicodedata.normalize("NFD", "Föredragande: Jörgen Älvström"))
    return _save(document)


def test_ingest_docx_paragraphs_tables_and_numbers_in_order(minutes_docx):
    document = read_docx(minutes_docx, name="styrelse.docx")
    assert document.text.split("\n") == [
        "Protokoll från styrelsemöte",
        "Tid: tisdagen den 3 mars 2020 kl. 09.00",
        "Närvarande\tRoll",
        "Åsa Öberg\tordförande",
        "Frånvarande: ingen",
        "1. Mötets öppnande",
        "1. Val av justerare",
        "2. Ekonomisk rapport",
        "• Underlag skickas ut i förväg",
        "Föredragande: Jörgen Älvström",
    ]
    assert document.format == "docx" and document.page_starts == [0]


def test_ingest_docx_text_is_nfc(minutes_docx):
    text = read_docx(minutes_docx, name="styrelse.docx").text
    assert unicodedata.is_normalized("NFC", text)


def test_ingest_docx_read_bytes_dispatches(minutes_docx):
    document = read_bytes(minutes_docx, name="styrelse.docx")
    assert document.format == "docx" and len(document.sha256) == 64


def test_ingest_docx_empty_document_is_reported():
    with pytest.raises(EmptyDocument, match="empty Word document"):
        read_docx(_save(docx.Document()), name="tom.docx")


def test_ingest_docx_broken_package_is_reported():
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "inte ett Word-dokument")
    with pytest.raises(IngestError, match="corrupt Word document"):
        read_docx(buffer.getvalue(), name="trasig.docx")


def test_ingest_docx_truncated_is_reported(minutes_docx):
    with pytest.raises(IngestError, match="corrupt Word document"):
        read_docx(minutes_docx[: len(minutes_docx) // 2], name="halv.docx")


def test_ingest_docx_password_protected_is_reported():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    with pytest.raises(EncryptedDocument, match="password protected"):
        read_bytes(ole, name="hemlig.docx")
    with pytest.raises(UnsupportedFormat, match="legacy Word"):
        read_bytes(ole, name="gammal.doc")
