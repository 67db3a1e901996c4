"""The five seeds as 300 dpi scans, OCR'd, scored beside their text (issue 14).

Run: .venv/bin/python benchmarks/ocr_seeds.py [--dpi 300] [--skew 0.4] [--keep DIR]
Each seed is laid out as a PDF (``minutes.sample.render_pdf_from_text``),
printed to an image-only PDF (``scan_pdf``), read with ``ocr=True`` and
extracted; ``../shared/eval/score.py`` scores both sets against the gold.
Prints the headline F1 and per-field F1 of text and scans, OCR pages per
second and the mean word confidence. Needs Tesseract (``.ci/install-ocr``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from minutes.extract import extract_meeting
from minutes.ingest import read
from minutes.models import to_gold
from minutes.sample import render_pdf_from_text, scan_pdf

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
FIELDS = ("items", "decisions", "assignments", "dates", "attendees", "speakers", "presenters")


def write(meetings, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for meeting in meetings:
        (out / f"{Path(meeting.source).stem}.json").write_text(json.dumps(to_gold(meeting), ensure_ascii=False))
    return out


def score(pred: Path) -> dict:
    report = pred.with_suffix(".score.json")
    subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(SHARED / "gold"),
                    "--pred", str(pred), "--json", str(report)], check=True, capture_output=True)
    return json.loads(report.read_text())["total"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--skew", type=float, default=0.0, help="turn pages by up to this many degrees")
    parser.add_argument("--keep", type=Path, help="write the scans and OCR text here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        texts, scans, pages, seconds = [], [], 0, 0.0
        confidences: list[float] = []
        for path in sorted((SHARED / "seeds").glob("*.txt")):
            document = read(path)
            texts.append(extract_meeting(document))
            pdf = base / f"{path.stem}.pdf"
            render_pdf_from_text(document.text, pdf, header="Minnesanteckningar", footer="Sida {page}")
            scan = base / f"{path.stem}.scan.pdf"
            scan.write_bytes(scan_pdf(pdf.read_bytes(), dpi=args.dpi, skew=args.skew))
            start = time.perf_counter()
            ocred = read(scan, ocr=True)
            seconds += time.perf_counter() - start
            pages += len(ocred.ocr_pages)
            confidences.extend(ocred.ocr_pages.values())
            (base / f"{path.stem}.ocr.txt").write_text(ocred.text)
            ocred.name = path.name  # scored against the same gold file
            scans.append(extract_meeting(ocred))
        text, ocr = score(write(texts, base / "text")), score(write(scans, base / "scan"))
    print(f"seeds as {args.dpi} dpi scans, skew {args.skew}°: {pages} pages OCR'd in {seconds:.0f} s "
          f"({pages / seconds:.2f} pages/s in one process), mean word confidence "
          f"{sum(confidences) / len(confidences):.1f}")
    print(f"{'field':12} {'text':>6} {'scan':>6}")
    print(f"{'headline':12} {text['headline_f1']:6.3f} {ocr['headline_f1']:6.3f}")
    for field in FIELDS:
        print(f"{field:12} {text[field]['f1']:6.3f} {ocr[field]['f1']:6.3f}")


if __name__ == "__main__":
    main()
