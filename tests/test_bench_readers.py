"""compare_readers returns pages/s for both readers and skips what they cannot read."""

from __future__ import annotations

import sys
from pathlib import Path

from minutes.bench.readers import READERS, compare_readers

sys.path.insert(0, str(Path(__file__).parent))
from test_ingest_pdf import make_pdf  # noqa: E402


def test_bench_readers_compare_readers(tmp_path):
    good, locked = tmp_path / "ks.pdf", tmp_path / "hemlig.pdf"
    good.write_bytes(make_pdf())
    locked.write_bytes(make_pdf(encrypt="secret"))
    result = compare_readers([good, locked])
    assert [row["path"] for row in result["files"]] == [str(good)]
    assert result["total"]["pages"] == 3
    assert all(result["total"][name] > 0 for name in READERS)
    assert result["skipped"] == [
        {"path": str(locked), "error": "encrypted PDF: password protected, cannot be read"}
    ]
