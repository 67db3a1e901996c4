"""read() on hand-made text files and hostile inputs, by magic bytes not by name."""

from __future__ import annotations

import codecs

import pytest

from minutes.errors import EmptyDocument, UnsupportedFormat
from minutes.ingest import read, read_bytes

SENTENCE = "Nämnden beslutar att återremittera ärendet.\nÖvriga frågor: inga.\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8-sig"),
        (SENTENCE.encode("utf-16"), "utf-16"),
        # cp1250 ties with cp1252 in charset-normalizer; the tie must go to cp1252 (å, not ĺ).
        (SENTENCE.encode("cp1252"), "cp1252"),
    ],
)
def test_ingest_text_encodings_give_the_same_text(tmp_path, data, encoding):
    path = tmp_path / "protokoll.txt"
    path.write_bytes(data)
    document = read(path)
    assert document.text == SENTENCE
    assert document.encoding == encoding
    assert document.path == str(path) and document.size == len(data)


def test_ingest_text_crlf_and_nfd_are_normalised():
    data = "Fo\u0308redragande: Ma\u030arten\r\nBeslut\r\n".encode("utf-8")
    assert read_bytes(data, name="a.txt").text == "Föredragande: Mårten\nBeslut\n"


def test_ingest_text_empty_file(tmp_path):
    path = tmp_path / "tom.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument, match="no text"):
        read(path)


def test_ingest_text_empty_pdf_file_is_not_a_pdf(tmp_path):
    path = tmp_path / "tom.pdf"
    path.write_bytes(b"")
    with pytest.raises(UnsupportedFormat, match=r"not a PDF \(no %PDF header\)"):
        read(path)


def test_ingest_text_junk_named_pdf(tmp_path):
    path = tmp_path / "skräp.pdf"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(UnsupportedFormat, match="named .pdf but is not a PDF"):
        read(path)


def test_ingest_text_unknown_suffix_is_refused():
    with pytest.raises(UnsupportedFormat, match="unsupported file type '.xlsx'"):
        read_bytes(b"PK\x05\x06" + b"\0" * 18, name="budget.xlsx")


def test_ingest_text_cp1252_is_never_read_as_cp1250(tmp_path):
    """Issue 16: 4 of 300 generated Windows files once read "Samrådsorganet" as "Samrĺdsorganet"."""
    from minutes.ingest.text import decode
    from minutes.sample import generate_archive

    generate_archive(tmp_path / "arkiv", meetings=300, seed=0, pdf_share=0.0)
    decoded = {p.name: decode(p.read_bytes()) for p in (tmp_path / "arkiv").rglob("*.txt")}
    assert len(decoded) == 300
    assert not [name for name, (text, _) in decoded.items() if "ĺ" in text or "Ĺ" in text]
    assert {encoding for _, encoding in decoded.values()} >= {"cp1252", "utf-8"}
