"""Benchmark Datasette table pages with Swedish search and facets under load (issue 15).

Builds (or reuses) the generated items archive of :mod:`bench_search`, finds
the commonest words in the items' search index, and times, per word:

* the table page ``/archive/items?_sok=WORD`` (HTML, the metadata's facets:
  body, year, kind, presenters; sorted newest first), and its JSON twin;
* the same page with 4 requests in flight at once (``--concurrency``), the
  load a few simultaneous users put on one server process;
* as the reference, in the same run, the bare FTS5 count of the word's hits
  on a plain sqlite3 connection (``select count(*) … match``): the least any
  page that says how many hits there are must do;
* and, in the same run, the same page with the plan switched off (both caps
  of :mod:`minutes.datasette_plugin.table_search` lifted: every statement
  drives by the hits' rowids and every facet counts every hit), close to how
  the page ran before issue 15 (which also evaluated the search anew in every
  statement).

Prints p50/p95 per word and class, the page/reference ratios, and whether
any page answered with an error (Datasette's "SQL Interrupted" is HTTP 400).

    .venv/bin/python benchmarks/bench_table.py --items 200000
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from bench_search import build, pct  # noqa: E402
from datasette_fixtures import make_datasette  # noqa: E402

from minutes.archive.search import fts_query, register_functions  # noqa: E402
from minutes.datasette_plugin import table_search  # noqa: E402


def commonest_words(path: Path, n: int) -> list[str]:
    """The ``n`` terms in the most items (original columns, words of 4+ letters)."""
    conn = sqlite3.connect(path)
    conn.execute("create virtual table temp.vocab using fts5vocab(main, items_fts, row)")
    rows = conn.execute("select term from temp.vocab where length(term) >= 4 order by doc desc limit ?", [n * 3])
    words = [term for (term,) in rows if term.isalpha()]
    return words[:n]


def reference_ms(conn: sqlite3.Connection, word: str, runs: int) -> tuple[list[float], int]:
    """Times of the bare FTS5 count of ``word``'s hits, and the count."""
    expression = fts_query(word)
    times, hits = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        hits = conn.execute("select count(*) from items_fts where items_fts match ?", [expression]).fetchone()[0]
        times.append((time.perf_counter() - t0) * 1000)
    return times, hits


async def page_ms(ds, url: str, runs: int, concurrency: int) -> tuple[list[float], int]:
    """Per-request times of ``url`` (``runs`` requests, ``concurrency`` at once) and the errors."""
    times: list[float] = []
    errors = 0

    async def one():
        nonlocal errors
        t0 = time.perf_counter()
        response = await ds.client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        if response.status_code != 200:
            errors += 1

    for start in range(0, runs, concurrency):
        await asyncio.gather(*(one() for _ in range(min(concurrency, runs - start))))
    return times, errors


async def run(path: Path, words: list[str], runs: int, concurrency: int) -> None:
    ds = make_datasette(path)
    await ds.client.get("/archive/items?_sok=warmup")
    conn = sqlite3.connect(path)
    register_functions(conn)
    print(f"{'word':14} {'hits':>7} | {'FTS count p50':>13} {'p95':>6} | {'page p50':>8} {'p95':>6} "
          f"{'×ref':>5} | {'json p50':>8} {'p95':>6} | {f'page ×{concurrency} p50':>12} {'p95':>6} | "
          f"{'unplanned p50':>13} {'p95':>6} | errors")
    for word in words:
        ref, hits = reference_ms(conn, word, runs)
        url = f"/archive/items?_sok={word}"
        await page_ms(ds, url, 2, 1)  # warm the caches for this word
        page, e1 = await page_ms(ds, url, runs, 1)
        json, e2 = await page_ms(ds, f"/archive/items.json?_sok={word}", runs, 1)
        loaded, e3 = await page_ms(ds, url, runs * concurrency, concurrency)
        caps = table_search.MANY_HITS, table_search.FACET_HITS
        table_search.MANY_HITS = table_search.FACET_HITS = 10**12  # the plan off: as before issue 15
        try:
            plain, e4 = await page_ms(ds, url, max(runs // 2, 3), 1)
        finally:
            table_search.MANY_HITS, table_search.FACET_HITS = caps
        print(f"{word:14} {hits:7,} | {pct(ref, .5):10.1f} ms {pct(ref, .95):6.1f} | "
              f"{pct(page, .5):5.0f} ms {pct(page, .95):6.0f} {pct(page, .95) / max(pct(ref, .95), 1e-3):5.1f} | "
              f"{pct(json, .5):5.0f} ms {pct(json, .95):6.0f} | "
              f"{pct(loaded, .5):9.0f} ms {pct(loaded, .95):6.0f} | "
              f"{pct(plain, .5):10.0f} ms {pct(plain, .95):6.0f} | {e1 + e2 + e3 + e4}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--words", type=int, default=3, help="how many of the commonest words")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--db", type=Path, default=None, help="reuse or keep this archive file")
    args = parser.parse_args(argv)
    path = args.db or Path(f"/tmp/bench-search-{args.items}/archive.db")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        build(path, args.items, 0)
    n_items = sqlite3.connect(path).execute("select count(*) from items").fetchone()[0]
    print(f"{n_items:,} items in {path}")
    asyncio.run(run(path, commonest_words(path, args.words), args.runs, args.concurrency))


if __name__ == "__main__":
    main()
