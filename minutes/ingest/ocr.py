"""OCR of scanned PDF pages: ocrmypdf with Tesseract's Swedish model, page by page.

ocrmypdf does the work a scan needs before recognition (rasterising at the
image's own resolution, page rotation) and runs Tesseract; its hOCR output
keeps every word's box and confidence, which the PDF text layer it would
otherwise write throws away. The words are laid out again as lines here, rows
of a table side by side with tabs, like the born-digital path (``pdf_lines``).

Tesseract and its Swedish model are system packages (Debian ``tesseract-ocr``
and ``tesseract-ocr-swe``, installed by ``.ci/install-ocr``), so the archive
works without them and says plainly what is missing when a scan turns up.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from minutes.errors import NeedsOCR

#: Tesseract's language: the Swedish model.
LANGUAGE = "swe"

#: Seconds Tesseract may spend on one page; a stuck page must not stall a batch.
PAGE_TIMEOUT = 180

#: Tesseract's page segmentation: 4, one column of lines of varying size. Minutes
#: are one column; tables are read row by row, and with their rules erased
#: (``ocr_rules``) the number cells are kept, which automatic layout (3) drops.
PAGE_SEGMENTATION = 4

#: Processing modes of ``--ocr``: off, OCR pages without text, also redo earlier OCR layers.
MODES = ("off", "auto", "redo")

#: A gap between two words wider than this many word heights is a column break.
COLUMN_GAP = 1.5

_LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
_BBOX_RE = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_CONF_RE = re.compile(r"x_wconf (-?\d+(?:\.\d+)?)")
_RULE_RE = re.compile(r"^[|\[\]]+$")
_PAGE_FILE_RE = re.compile(r"^(\d+)_ocr_hocr\.hocr$")


def ocr_mode(value: bool | str | None) -> str:
    """``--ocr`` as one of :data:`MODES`: ``True`` means "auto", ``False``/``None`` "off"."""
    if value is True:
        return "auto"
    if not value:
        return "off"
    if value not in MODES:
        raise ValueError(f"unknown OCR mode {value!r}: use one of {', '.join(MODES)}")
    return str(value)


def missing_tools() -> tuple[str, ...]:
    """What OCR still needs on this machine, as package names; empty when it can run."""
    missing = []
    if importlib.util.find_spec("ocrmypdf") is None:
        missing.append("ocrmypdf (pip)")
    if shutil.which("tesseract") is None:
        missing.append("tesseract-ocr (Debian)")
    elif LANGUAGE not in _tesseract_languages():
        missing.append("tesseract-ocr-swe (Debian, the Swedish model)")
    return tuple(missing)


def _tesseract_languages() -> set[str]:
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    return {line.strip() for line in done.stdout.splitlines()[1:]}


def ocr_available() -> bool:
    """Whether ocrmypdf, Tesseract and its Swedish model are all installed."""
    return not missing_tools()


def require_ocr() -> None:
    """Raise :class:`NeedsOCR` naming what to install when OCR cannot run here."""
    missing = missing_tools()
    if missing:
        raise NeedsOCR(
            "no text layer: scanned PDF, and OCR is not installed (install ocrmypdf and "
            f"tesseract-ocr-swe; missing here: {', '.join(missing)}; as root, "
            "`bash .ci/install-ocr` in the minutes checkout installs them)"
        )


@dataclass(slots=True)
class Word:
    """One recognised word, its box in image pixels (y grows downwards) and confidence."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float

    @property
    def height(self) -> int:
        return max(1, self.bottom - self.top)


@dataclass
class OcrPage:
    """One page read by OCR: its text, one printed line per line, and Tesseract's confidence."""

    number: int
    text: str
    confidence: float  # mean word confidence, 0-100
    words: int


def ocr_pages(data: bytes, pages: list[int]) -> dict[int, OcrPage]:
    """OCR the given 1-based pages of a PDF; returns what each page reads.

    Pages are rasterised and recognised whatever text they carry, so a poor
    earlier OCR layer is replaced rather than kept (``--ocr=redo``).
    """
    require_ocr()
    if not pages:
        return {}
    with tempfile.TemporaryDirectory(prefix="minutes-ocr-") as folder:
        source, out = Path(folder, "in.pdf"), Path(folder, "hocr")
        source.write_bytes(data)
        out.mkdir()
        _run_hocr(source, out, pages)
        return {number: read_hocr(path, number) for number, path in _hocr_files(out)}


def _run_hocr(source: Path, out: Path, pages: list[int]) -> None:
    """ocrmypdf's hOCR pipeline: rasterise and recognise ``pages``, one hOCR file each."""
    import ocrmypdf
    from ocrmypdf.api import _pdf_to_hocr  # documented, marked experimental (ocrmypdf ≥ 15)

    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)
    # Tesseract's OpenMP threads halve throughput on a shared two-core machine
    # (3.5 s a page with one thread, 7 s with two); parallelism is the import's workers.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        _pdf_to_hocr(
            source, out, language=[LANGUAGE], pages=",".join(map(str, sorted(pages))),
            mode="force", jobs=1, use_threads=True, progress_bar=False,
            tesseract_timeout=PAGE_TIMEOUT, tesseract_pagesegmode=PAGE_SEGMENTATION,
            plugins=["minutes.ingest.ocr_rules"],
        )
    except (ocrmypdf.exceptions.ExitCodeException, OSError) as error:
        reason = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
        raise NeedsOCR(f"OCR failed: {reason}") from error


def _hocr_files(folder: Path) -> list[tuple[int, Path]]:
    found = []
    for path in folder.iterdir():
        match = _PAGE_FILE_RE.match(path.name)
        if match:
            found.append((int(match.group(1)), path))
    return sorted(found)


def read_hocr(path: Path, number: int) -> OcrPage:
    """Read one page's hOCR into text and its mean word confidence."""
    lines = hocr_lines(ET.parse(path).getroot())
    words = [word for line in lines for word in line]
    confidences = [w.confidence for w in words if w.confidence >= 0]
    confidence = round(statistics.fmean(confidences), 1) if confidences else 0.0
    return OcrPage(number, "\n".join(row_texts(lines)), confidence, len(words))


def _classes(element: ET.Element) -> set[str]:
    return set((element.get("class") or "").split())


def hocr_lines(root: ET.Element) -> list[list[Word]]:
    """Tesseract's text lines, each a list of words, in the order Tesseract found them."""
    lines = []
    for element in root.iter():
        if _classes(element) & _LINE_CLASSES:
            read = [_word(w) for w in element.iter() if "ocrx_word" in _classes(w)]
            words = [w for w in read if w is not None]
            if words:
                lines.append(words)
    return lines


def _word(element: ET.Element) -> Word | None:
    text = "".join(element.itertext()).strip()
    box = _BBOX_RE.search(element.get("title") or "")
    if not text or not box:
        return None
    conf = _CONF_RE.search(element.get("title") or "")
    left, top, right, bottom = map(int, box.groups())
    return Word(text, left, top, right, bottom, float(conf.group(1)) if conf else -1.0)


def _overlap(a: list[Word], b: list[Word]) -> float:
    """How much two lines share vertically, as a share of the shorter one."""
    a_top, a_bottom = min(w.top for w in a), max(w.bottom for w in a)
    b_top, b_bottom = min(w.top for w in b), max(w.bottom for w in b)
    shared = min(a_bottom, b_bottom) - max(a_top, b_top)
    return shared / max(1, min(a_bottom - a_top, b_bottom - b_top))


def rows(lines: list[list[Word]]) -> list[list[Word]]:
    """Lines side by side on the page (cells of one table row) merged, rows top to bottom.

    Tesseract reads a table column by column when its cells are separate
    blocks; a person reads it row by row.
    """
    merged: list[list[Word]] = []
    for line in sorted(lines, key=lambda ws: min(w.top for w in ws)):
        target = next((row for row in reversed(merged[-3:]) if _overlap(row, line) > 0.5), None)
        if target is None:
            merged.append(list(line))
        else:
            target.extend(line)
    return [sorted(row, key=lambda w: w.left) for row in merged]


def row_texts(lines: list[list[Word]]) -> list[str]:
    """Each row as text: words joined by a space, across a wide gap or a table rule by a tab.

    Tesseract reads the ruled lines of a table as "|" (or "[", "]"): they mark
    a column break, not text.
    """
    texts = []
    for row in rows(lines):
        height = statistics.median(w.height for w in row)
        parts: list[str] = []
        rule = False
        for prev, word in zip([None, *row], row):
            if _RULE_RE.match(word.text):
                rule = True
                continue
            if parts:
                wide = prev is not None and word.left - prev.right > COLUMN_GAP * height
                parts.append("\t" if rule or wide else " ")
            parts.append(word.text)
            rule = False
        if parts:
            texts.append("".join(parts))
    return texts
