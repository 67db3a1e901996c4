"""Readers for the office formats of 1990s and 2000s archives: Word 97-2003 (.doc) and RTF.

A .doc is handed to a converter from Debian (catdoc, else antiword, else
LibreOffice headless), whichever is installed: they keep one paragraph per
line and a table's cells apart, which is what the extractor needs. RTF is
read with ``striprtf``. Both give tables as tab-separated rows, like the
.docx and PDF readers.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from minutes.errors import EmptyDocument, EncryptedDocument, IngestError, UnsupportedFormat
from minutes.ingest.cleanup import clean_text
from minutes.models import SourceDocument

#: Seconds a converter may take on one file.
CONVERT_TIMEOUT = 120

#: The name of the main stream of a Word document inside its Compound File, as stored (UTF-16).
WORD_STREAM = "WordDocument".encode("utf-16-le")

_ANSI_CODEPAGE_RE = re.compile(rb"\\ansicpg(\d+)")
_ANTIWORD_ROW_RE = re.compile(r"^\|(.*)\|$")


def is_word_document(data: bytes) -> bool:
    """Whether a Compound File (OLE) holds a Word document rather than Excel or PowerPoint."""
    return WORD_STREAM in data[:65536] or WORD_STREAM in data


# --- .doc -------------------------------------------------------------------------


def _catdoc(path: Path) -> list[str]:
    return ["catdoc", "-d", "utf-8", "-w", str(path)]


def _antiword(path: Path) -> list[str]:
    return ["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)]


#: Converters in order of preference: (program, command builder).
DOC_CONVERTERS = (("catdoc", _catdoc), ("antiword", _antiword))


def doc_converter() -> str | None:
    """The first .doc converter installed here (catdoc, antiword, soffice), or None."""
    for program, _ in DOC_CONVERTERS:
        if shutil.which(program):
            return program
    return "soffice" if shutil.which("soffice") else None


def doc_text(data: bytes) -> str:
    """The text of a Word 97-2003 document, through the first converter installed."""
    converter = doc_converter()
    if converter is None:
        raise UnsupportedFormat(
            "legacy Word file (.doc): no converter installed (install catdoc or antiword "
            "from Debian, or LibreOffice), or save it as .docx or PDF"
        )
    with tempfile.TemporaryDirectory(prefix="minutes-doc-") as folder:
        path = Path(folder, "document.doc")
        path.write_bytes(data)
        if converter == "soffice":
            return _soffice_text(path)
        command = dict(DOC_CONVERTERS)[converter](path)
        return _antiword_tables(_run(command, converter))


def _run(command: list[str], program: str) -> str:
    try:
        done = subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as error:
        raise IngestError(f"legacy Word file (.doc): {program} gave up after {CONVERT_TIMEOUT} s") from error
    stderr = done.stderr.decode("utf-8", "replace").strip()
    if "encrypt" in stderr.lower() or "password" in stderr.lower():
        raise EncryptedDocument("encrypted Word document (.doc): password protected, cannot be read")
    if done.returncode != 0:
        reason = stderr.splitlines()[-1] if stderr else f"exit status {done.returncode}"
        raise IngestError(f"corrupt Word document (.doc): {program} cannot read it ({reason})")
    return done.stdout.decode("utf-8", "replace")


def _soffice_text(path: Path) -> str:
    """LibreOffice headless to UTF-8 text, in its own profile so parallel runs do not collide."""
    profile = path.parent / "profile"
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(path.parent), str(path)]
    _run(command, "LibreOffice")
    out = path.with_suffix(".txt")
    if not out.exists():
        raise IngestError("corrupt Word document (.doc): LibreOffice could not convert it")
    return out.read_text(encoding="utf-8-sig", errors="replace")


def _antiword_tables(text: str) -> str:
    """antiword draws a table row as "|cell   |cell   |": make it tab-separated cells."""
    lines = []
    for line in text.split("\n"):
        row = _ANTIWORD_ROW_RE.match(line.rstrip())
        lines.append("\t".join(cell.strip() for cell in row.group(1).split("|")) if row else line)
    return "\n".join(lines)


def read_doc(data: bytes, *, name: str) -> SourceDocument:
    """Read a Word 97-2003 (.doc) file into a :class:`SourceDocument`."""
    text = _paragraph_lines(clean_text(doc_text(data)))
    if not text.strip():
        raise EmptyDocument("empty Word document (.doc): it holds no text")
    return SourceDocument(name=name, text=text, format="doc")


def _paragraph_lines(text: str) -> str:
    """Collapse the blank line converters put between paragraphs; keep one line per paragraph."""
    return re.sub(r"\n{2,}", "\n", text).strip("\n")


# --- .rtf -------------------------------------------------------------------------


def rtf_encoding(data: bytes) -> str:
    """The code page an RTF file declares for its 8-bit characters (``\\ansicpg1252``)."""
    match = _ANSI_CODEPAGE_RE.search(data[:4096])
    return f"cp{int(match.group(1))}" if match else "cp1252"


def rtf_text(data: bytes) -> str:
    """An RTF document's text: one paragraph a line, table cells separated by tabs."""
    from striprtf.striprtf import rtf_to_text

    encoding = rtf_encoding(data)
    try:
        text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except (LookupError, ValueError) as error:
        raise IngestError(f"corrupt RTF document: cannot be read ({error})") from error
    # striprtf ends every table cell with "|": a row comes out as "a|b|c|"
    return "\n".join(
        "\t".join(cell.strip() for cell in line[:-1].split("|")) if line.endswith("|") else line
        for line in text.split("\n")
    )


def read_rtf(data: bytes, *, name: str) -> SourceDocument:
    """Read an RTF file into a :class:`SourceDocument`."""
    text = _paragraph_lines(clean_text(rtf_text(data)))
    if not text.strip():
        raise EmptyDocument("empty RTF document: it holds no text")
    return SourceDocument(name=name, text=text, format="rtf")
