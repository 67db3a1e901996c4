"""Builders for the hostile import corpus shared by the bulk-import tests (no tests here).

Each good file is a distinct generated meeting; each bad file is named after
what is wrong with it, and ``BAD`` says which words its recorded reason must
contain. Limits are small so the oversized file and the zip bomb stay small.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutes.importer.sources import Limits
from minutes.sample import iter_meetings, render_pdf_from_text

LIMITS = Limits(max_file_bytes=int(1.5 * 2**20), max_zip_total=64 * 2**20, max_zip_ratio=200)

#: Relative path → words its failure reason must contain.
BAD = {
    "bad/empty.txt": "no text",
    "bad/encrypted.pdf": "encrypted PDF",
    "bad/truncated.pdf": "truncated PDF",
    "bad/junk.pdf": "not a PDF",
    "bad/notes.xyz": "unsupported file type",
    "bad/oversized.txt": "file too large",
    "bad/scan.pdf": "needs OCR",
    "bad/evil.zip!/../escape.txt": "unsafe path in zip",
    "bad/evil.zip!//etc/abs.txt": "unsafe path in zip",
    "bad/bomb.zip!/zeros.txt": "zip bomb refused",
}

#: Relative paths of the good files, each a different meeting.
GOOD = [
    "2019/ks-2019-03-01.pdf",
    "2019/ks-2019-04-01.txt",
    "2019/old/windows-1252.txt",
    "2020/styrelse.docx",
    "archive.zip!/2018/nested/au-2018.txt",
    "archive.zip!/2018/au-2018.pdf",
]

#: A second name for the content of ``GOOD[1]``.
DUPLICATE = "copies/samma-protokoll.txt"


def meeting_texts(n: int, seed: int = 7) -> list[str]:
    """``n`` generated minutes, as plain text."""
    return [text for _name, text, _truth in iter_meetings(n, seed)]


def pdf_bytes(text: str, tmp: Path, name: str) -> bytes:
    path = tmp / name
    render_pdf_from_text(text, path, header="Protokoll", footer="Sida {page}")
    return path.read_bytes()


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def canvas_pdf(*, encrypt: str | None = None, scanned: bool = False) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
    if scanned:
        pdf.rect(72, 300, 400, 400, fill=1)  # stands in for a scanned page image
    else:
        pdf.drawString(72, 700, "Protokoll fört vid sammanträde med styrelsen")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write(root: Path, relative: str, data: bytes) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def build_corpus(root: Path) -> Path:
    """Write the hostile corpus under ``root`` and return it."""
    texts = meeting_texts(6)
    scratch = root.parent / f"{root.name}-scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    good_pdf = pdf_bytes(texts[0], scratch, "a.pdf")
    write(root, GOOD[0], good_pdf)
    write(root, GOOD[1], texts[1].encode("utf-8"))
    write(root, GOOD[2], texts[2].encode("cp1252", errors="replace").replace(b"\n", b"\r\n"))
    write(root, GOOD[3], docx_bytes(texts[3]))
    write(root, "archive.zip", zip_bytes({
        "2018/nested/au-2018.txt": texts[4].encode("utf-8"),
        "2018/au-2018.pdf": pdf_bytes(texts[5], scratch, "b.pdf"),
    }))
    write(root, DUPLICATE, texts[1].encode("utf-8"))
    _write_bad(root, good_pdf)
    return root


def _write_bad(root: Path, good_pdf: bytes) -> None:
    write(root, "bad/empty.txt", b"")
    write(root, "bad/encrypted.pdf", canvas_pdf(encrypt="hemligt"))
    write(root, "bad/truncated.pdf", good_pdf[: len(good_pdf) // 2])
    write(root, "bad/junk.pdf", b"this is not a pdf at all\n" * 20)
    write(root, "bad/notes.xyz", b"\x00\x01binary\x02")
    write(root, "bad/oversized.txt", b"Protokoll " * (LIMITS.max_file_bytes // 10 + 100))
    write(root, "bad/scan.pdf", canvas_pdf(scanned=True))
    write(root, "bad/evil.zip", zip_bytes({"../escape.txt": b"x", "/etc/abs.txt": b"y"}))
    write(root, "bad/bomb.zip", zip_bytes({"zeros.txt": b"\0" * (2**20 + 2**18)}))


def shown(root: Path, relative: str) -> str:
    """The display path the importer uses for a corpus entry."""
    return f"{root.name}/{relative}"  # relative to the import root (issue 13); not Path: it folds "!//etc"
