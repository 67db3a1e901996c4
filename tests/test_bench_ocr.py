"""``minutes bench --ocr``: the report states OCR pages per second per core beside the text layer."""

from __future__ import annotations

from minutes.bench import format_ocr_bench


def test_bench_ocr_report_gives_pages_per_core_and_the_ratio_to_the_text_layer():
    report = {
        "files": 2, "dpi": 300,
        "text_layer": {"pages": 4, "seconds": 0.05, "cpu_seconds": 0.04},
        "ocr": {"pages": 4, "seconds": 16.0, "cpu_seconds": 12.5, "mean_confidence": 94.2},
    }
    lines = format_ocr_bench(report)
    assert lines[0] == "2 generated minutes, 4 pages scanned at 300 dpi"
    assert "0.32 pages/s per core (12.5 CPU s, 16.0 s wall" in lines[1]
    assert "mean word confidence 94.2" in lines[1]
    assert lines[2] == "text layer of the same pages: 100.0 pages/s per core, 312× OCR's rate"
