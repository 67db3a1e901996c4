"""Our PDF text beside pdftotext's and pdfplumber's, per file.

Run: .venv/bin/python benchmarks/pdf_text_compare.py [FILE.pdf | FOLDER ...]
(default: ../shared/realworld/pdfs). Prints per PDF the word-sequence
similarity (rapidfuzz Indel ratio, 0-100) of our reader's text against
pdftotext (poppler, plain reading order) and against pdfplumber, and for
each of the three the number of letter-spaced tokens (single letters in a run
of three or more, "M ö t e t") and of doubled words ("fö fö"). pdftotext keeps
running headers and page numbers that our reader removes on purpose, so
100 is not the target; a letter-spaced or reordered text scores far lower.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

from rapidfuzz import fuzz

from minutes.errors import IngestError
from minutes.ingest import read

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "realworld" / "pdfs"
_SINGLE_RUN_RE = re.compile(r"(?:(?<!\S)\w(?:\s+|$)){3,}")
_DOUBLED_RE = re.compile(r"(?<!\S)(\w{2,}) \1(?=\w)")


def words(text: str) -> list[str]:
    """Whitespace-separated tokens, the unit the similarity is measured on."""
    return text.split()


def letter_spaced(text: str) -> int:
    """Single letters standing in runs of three or more: the letter-spacing symptom."""
    return sum(len(m.group(0).split()) for m in _SINGLE_RUN_RE.finditer(text))


def doubled(text: str) -> int:
    """A fragment repeated before the rest of its word ("fö fö r"): the doubled-ligature symptom."""
    return len(_DOUBLED_RE.findall(text))


def pdftotext(path: Path) -> str:
    """Poppler's plain-order text, or "" when pdftotext is not installed."""
    if not shutil.which("pdftotext"):
        return ""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=False).stdout


def pdfplumber_text(path: Path) -> str:
    """pdfplumber's ``extract_text`` over every page."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def ours(path: Path) -> tuple[str, list[str]]:
    """Our reader's text and warnings (an unreadable file gives its error as a warning)."""
    try:
        document = read(path)
    except IngestError as error:
        return "", [str(error)]
    return document.text, document.warnings


def compare(path: Path) -> dict:
    """The figures for one PDF."""
    text, warnings = ours(path)
    poppler, plumber = pdftotext(path), pdfplumber_text(path)
    return {
        "file": path.name,
        "vs_pdftotext": fuzz.ratio(words(text), words(poppler)) if poppler else float("nan"),
        "vs_pdfplumber": fuzz.ratio(words(text), words(plumber)),
        "spaced": (letter_spaced(text), letter_spaced(poppler), letter_spaced(plumber)),
        "doubled": (doubled(text), doubled(poppler), doubled(plumber)),
        "warnings": warnings,
    }


def pdf_paths(arguments: list[str]) -> list[Path]:
    """PDF files named or found in the folders named (default: the real-world set)."""
    paths: list[Path] = []
    for argument in arguments or [str(DEFAULT)]:
        path = Path(argument)
        paths.extend(sorted(path.glob("*.pdf")) if path.is_dir() else [path])
    return paths


def main(arguments: list[str]) -> None:
    """Print one line per PDF and the mean similarity."""
    rows = [compare(path) for path in pdf_paths(arguments)]
    print(f"{'file':48} {'~pdftotext':>10} {'~plumber':>9}  spaced ours/popp/plumb  doubled ours/popp/plumb")
    for row in rows:
        spaced, dup = "/".join(map(str, row["spaced"])), "/".join(map(str, row["doubled"]))
        print(f"{row['file'][:48]:48} {row['vs_pdftotext']:10.1f} {row['vs_pdfplumber']:9.1f}  {spaced:>22}  {dup:>23}")
        for warning in row["warnings"]:
            print(f"    warning: {warning}")
    if rows:
        mean = sum(r["vs_pdftotext"] for r in rows) / len(rows)
        print(f"mean similarity to pdftotext: {mean:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
