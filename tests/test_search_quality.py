"""Search quality end to end: the archive built by ``minutes ingest`` from real minutes, queried
with ``minutes search``, scored by the project-independent ``../shared/eval/search.py``
(recall@10, MRR). Floors rise when search or extraction improves."""

from __future__ import annotations

import re
import subprocess
import sys

from click.testing import CliRunner
from conftest import SHARED

from minutes.cli import cli

SEARCH_EVAL = SHARED / "eval" / "search.py"


def _quality(db, queries) -> tuple[float, float]:
    command = [sys.executable, "-m", "minutes", "search", "--db", str(db), "--format", "json", "--limit", "10"]
    result = subprocess.run(
        [sys.executable, str(SEARCH_EVAL), "--queries", str(queries), "--k", "10", "--", *command, "{query}"],
        capture_output=True,
        text=True,
        check=True,
    )
    m = re.search(r"mean_recall@10=([\d.]+) mrr=([\d.]+)", result.stdout)
    assert m, result.stdout
    return float(m.group(1)), float(m.group(2))


def _ingest(db, *folders) -> None:
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db), "--quiet", *map(str, folders)])
    assert result.exit_code == 0, result.output


def test_search_quality_on_the_seeds(seeds_dir, tmp_path):
    _ingest(tmp_path / "seeds.db", seeds_dir)
    recall, mrr = _quality(tmp_path / "seeds.db", SHARED / "eval" / "search_queries.json")
    assert recall >= 1.0 and mrr >= 0.96, (recall, mrr)


def test_search_quality_on_real_minutes(realworld_dir, tmp_path):
    """Third-party minutes of many layouts: what search finds rests on what extraction cuts out."""
    _ingest(tmp_path / "realworld.db", realworld_dir / "texts", realworld_dir / "pdfs")
    recall, mrr = _quality(tmp_path / "realworld.db", SHARED / "eval" / "search_queries_realworld.json")
    assert recall >= 0.93 and mrr >= 0.94, (recall, mrr)
