"""Optional OCR of scanned PDFs through the ``ocrmypdf`` command.

OCR is an external program rather than a dependency: Tesseract and its
Swedish model are system packages, so the archive works without them and
says plainly what to install when a scan turns up.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from minutes.errors import NeedsOCR

#: Seconds one document may take; a stuck OCR run must not stall a batch.
OCR_TIMEOUT = 600


def ocr_available() -> bool:
    """Whether ``ocrmypdf`` is on PATH."""
    return shutil.which("ocrmypdf") is not None


def ocr_command(source: Path, target: Path) -> list[str]:
    """The ocrmypdf call: Swedish, pages that already have text left alone."""
    return ["ocrmypdf", "-l", "swe", "--skip-text", "--quiet", str(source), str(target)]


def ocr_pdf(data: bytes) -> bytes:
    """Return the PDF with a text layer added by OCR (Swedish)."""
    if not ocr_available():
        raise NeedsOCR(
            "no text layer: scanned PDF, and OCR is not installed "
            "(install ocrmypdf and tesseract-ocr-swe)"
        )
    with tempfile.TemporaryDirectory(prefix="minutes-ocr-") as folder:
        source, target = Path(folder, "in.pdf"), Path(folder, "out.pdf")
        source.write_bytes(data)
        _run(ocr_command(source, target))
        return target.read_bytes()


def _run(command: list[str]) -> None:
    """Run ocrmypdf, reporting its own last words when it fails."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=OCR_TIMEOUT)
    except subprocess.TimeoutExpired as error:
        raise NeedsOCR(f"OCR gave up after {OCR_TIMEOUT} s: scanned PDF left unread") from error
    if done.returncode != 0:
        lines = (done.stderr or done.stdout or "").strip().splitlines()
        reason = lines[-1] if lines else f"exit status {done.returncode}"
        raise NeedsOCR(f"OCR failed: {reason}")
