"""The optional OCR path: a clear error without ocrmypdf, and a working hand-off with it."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from minutes.errors import NeedsOCR
from minutes.ingest import read_bytes
from minutes.ingest.ocr import ocr_command

sys.path.insert(0, str(Path(__file__).parent))
from test_ingest_pdf import PAGES, _image_only_pdf, make_pdf  # noqa: E402


def test_ingest_ocr_not_installed_says_what_to_install(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(NeedsOCR, match="OCR is not installed \\(install ocrmypdf"):
        read_bytes(_image_only_pdf(), name="scan.pdf", ocr=True)


def test_ingest_ocr_command_is_swedish():
    assert ocr_command(Path("in.pdf"), Path("out.pdf"))[:3] == ["ocrmypdf", "-l", "swe"]


def _fake_ocrmypdf(folder: Path, result: Path, *, status: int = 0) -> None:
    """A stand-in ocrmypdf that copies a prepared PDF to its last argument."""
    script = folder / "ocrmypdf"
    script.write_text(
        f"#!/bin/sh\nfor last; do :; done\ncp '{result}' \"$last\"\n"
        f"echo 'ocrmypdf: simulated failure' >&2\nexit {status}\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as ocrmypdf")
def test_ingest_ocr_reads_the_ocred_pdf(tmp_path, monkeypatch):
    result = tmp_path / "ocred.pdf"
    result.write_bytes(make_pdf([PAGES[2]], header="", footer=""))
    _fake_ocrmypdf(tmp_path, result)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    document = read_bytes(_image_only_pdf(), name="scan.pdf", ocr=True)
    assert document.text == "\n".join(PAGES[2])
    assert document.warnings[-1].startswith("text comes from OCR")


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as ocrmypdf")
def test_ingest_ocr_failure_reports_ocrmypdfs_reason(tmp_path, monkeypatch):
    result = tmp_path / "ocred.pdf"
    result.write_bytes(b"")
    _fake_ocrmypdf(tmp_path, result, status=2)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(NeedsOCR, match="OCR failed: ocrmypdf: simulated failure"):
        read_bytes(_image_only_pdf(), name="scan.pdf", ocr=True)
