"""A hostile import folder, built from nothing: every file that once broke or stalled an import.

Each case of issue 13 is made here, small enough to build in a test: a FIFO,
symlinks to ``/etc/passwd`` and ``/dev/zero``, a Latin-1 file name, a PDF
whose page tree is a DAG claiming a million pages, a PDF stream that inflates
far past its size, a .docx with a paragraph bomb, a huge text file. Beside
them go a few good generated minutes, which must come through intact. The
tests and ``benchmarks/soak.py`` share it.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    """One hostile file: its name in the folder and a word its failure reason must contain."""

    name: str
    reason: str  # a fragment of the recorded reason ("" when the file must import fine)


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF with a correct cross-reference table around numbered ``objects`` (1-based)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def page_tree_dag(depth: int = 6, fan: int = 10) -> bytes:
    """A PDF of a few hundred bytes whose page tree claims ``fan ** depth`` pages.

    Every node lists the same child ``fan`` times, so the tree is a DAG:
    each level multiplies the page count without adding an object.
    """
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = len(objects) + 1
        child = number + 1
        kids = b" ".join(b"%d 0 R" % child for _ in range(fan))
        parent = b"" if level == 0 else b" /Parent %d 0 R" % (number - 1)
        objects.append(b"<< /Type /Pages /Kids [%s] /Count %d%s >>" % (kids, fan ** (depth - level), parent))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] >>" % len(objects))
    return _pdf(objects)


def inflating_pdf(inflated: int = 512 * 2**20) -> bytes:
    """A one-page PDF whose content stream is small packed and ``inflated`` bytes unpacked."""
    packer = zlib.compressobj(9)
    chunk = b" " * 2**20
    packed = b"".join(packer.compress(chunk) for _ in range(inflated // len(chunk))) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    return _pdf(objects)


def paragraph_bomb_docx(paragraphs: int = 2_000_000) -> bytes:
    """A small .docx whose body holds ``paragraphs`` empty paragraphs (python-docx walks each one)."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "<w:p/>" * paragraphs
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>'
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": document,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            package.writestr(name, text)
    return out.getvalue()


def good_minutes(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    """``count`` generated minutes as text files, which must import whatever lies beside them."""
    from minutes.sample import iter_meetings

    paths = []
    for k, (filename, text, _truth) in enumerate(iter_meetings(count, seed)):
        path = folder / f"bra-{k:02d}-{Path(filename).stem}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def build_hostile_folder(folder: Path, *, good: int = 3, big_text: int = 24 * 2**20) -> tuple[list[Path], list[Case]]:
    """Write the hostile folder; return the good files and the hostile cases with their expected reasons.

    Cases the platform cannot make (no FIFOs, no /dev/zero) are left out.
    """
    folder.mkdir(parents=True, exist_ok=True)
    good_paths = good_minutes(folder, good)
    cases = [
        Case("sidtrad.pdf", "page limit"),
        Case("uppblasbar.pdf", "unpacked size limit"),
        Case("styckebomb.docx", "time limit"),
        Case("jattetext.txt", "text length limit"),
        Case("lankad-passwd.txt", "outside the imported folder"),
    ]
    (folder / "sidtrad.pdf").write_bytes(page_tree_dag())
    (folder / "uppblasbar.pdf").write_bytes(inflating_pdf())
    (folder / "styckebomb.docx").write_bytes(paragraph_bomb_docx())
    with open(folder / "jattetext.txt", "wb") as handle:
        handle.write(b"Protokoll " * (big_text // 10))
    os.symlink("/etc/passwd", folder / "lankad-passwd.txt")
    if Path("/dev/zero").exists():
        os.symlink("/dev/zero", folder / "lankad-noll.pdf")
        cases.append(Case("lankad-noll.pdf", "outside the imported folder"))
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "ror.txt")
        cases.append(Case("ror.txt", "FIFO"))
    latin1 = os.fsencode(folder) + b"/m\xf6te-\xe5r-2019.txt"  # "möte-år-2019.txt" from an old Windows share
    text = good_paths[0].read_text(encoding="utf-8") + "\nJusterat från gammal filserver.\n"
    with open(latin1, "wb") as handle:
        handle.write(text.encode("utf-8"))
    cases.append(Case("m\\xf6te-\\xe5r-2019.txt", ""))
    return good_paths, cases
