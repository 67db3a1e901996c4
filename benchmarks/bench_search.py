"""Benchmark Swedish search on a generated archive (issue 6).

Builds an archive of N items from ``minutes.sample.iter_meetings`` (items are
written straight from the truth dicts and the generated text, no extraction),
then times, for single words, two words, phrases and prefixes:

* the Datasette JSON search API (``/archive/sok.json``, in-process client,
  settings as ``minutes serve``), and
* the raw FTS5 ranking query for the same expression (bm25 top 50 from the
  index alone), and the canned query's full SQL on a plain sqlite3
  connection, per query in the same run after a warm-up pass.

Prints p50/p95 per query class and the archive size per item, split into the
original text, the shadow columns and the FTS indexes. Queries with more than
``MANY_HITS`` hits are not ranked by bm25 but newest first (titles first), so
each class also says how many of its queries took that path, and the
Datasette p50/p95 of those that were still ranked by bm25.

    .venv/bin/python benchmarks/bench_search.py --items 20000
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import sys
import time
from pathlib import Path

from sqlite_utils import Database

from minutes.archive.schema import TABLES
from minutes.archive.search import (
    MANY_HITS,
    WEIGHTS,
    fts_query,
    register_functions,
    search_sql,
)
from minutes.archive.store import ensure_db_shape
from minutes.sample import iter_meetings
from minutes.swedish import WORD

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from datasette_fixtures import make_datasette  # noqa: E402


def item_rows(n_items: int, seed: int):
    """Yield (meeting row, item rows) until ``n_items`` items have been produced."""
    produced, meetings = 0, iter_meetings(10**9, seed)
    for index, (_filename, text, truth) in enumerate(meetings):
        meta = truth["meeting"]
        meeting_id = f"m{index}"
        meeting = {"id": meeting_id, "source": truth["source"], "body": meta["body"],
                   "date": meta["date"], "year": int(meta["date"][:4])}
        items = list(_items(text, truth["items"], meeting))
        yield meeting, items
        produced += len(items)
        if produced >= n_items:
            return


def _items(text: str, items: list[dict], meeting: dict):
    """Item text is what lies between its title and the next item's title in the source."""
    starts, cursor = [], 0
    for item in items:
        found = text.find(item["title"] or "", cursor)
        starts.append(found if found >= 0 else cursor)
        cursor = max(cursor, starts[-1])
    for n, item in enumerate(items):
        end = starts[n + 1] if n + 1 < len(items) else len(text)
        body = text[starts[n] + len(item["title"] or ""): end].strip()
        yield {"id": f"{meeting['id']}-{n}", "meeting_id": meeting["id"], "position": n,
               "number": item["number"], "title": item["title"], "kind": item["kind"],
               "text": body, "body": meeting["body"], "date": meeting["date"],
               "year": meeting["year"]}


def build(path: Path, n_items: int, seed: int) -> int:
    """Write the archive; FTS and shadow columns are built once at the end by ensure_db_shape."""
    db = Database(path)
    db.enable_wal()
    for name in ("meetings", "items"):
        spec = TABLES[name]
        db.create_table(name, spec["columns"], pk=spec["pk"])
    count = 0
    with db.conn:
        for meeting, items in item_rows(n_items, seed):
            db.table("meetings").insert(meeting)
            db.table("items").insert_all(items, batch_size=1000)
            count += len(items)
    t0 = time.perf_counter()
    ensure_db_shape(db)
    db.conn.commit()
    print(f"built {count:,} items; shadow columns + FTS + indexes in {time.perf_counter() - t0:.1f} s")
    db.execute("vacuum")
    return count


def queries(path: Path, per_class: int, seed: int) -> dict[str, list[str]]:
    """Queries drawn from item titles: words, word pairs, phrases and prefixes."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    titles = [t for (t,) in conn.execute("select title from items where title is not null")]
    words = [w for w in ((WORD.findall(t)) for t in rng.sample(titles, min(2000, len(titles)))) if len(w) >= 2]
    long = lambda ws: [w for w in ws if len(w) >= 5]  # noqa: E731
    out: dict[str, list] = {"single word": [], "two words": [], "phrase": [], "prefix": []}
    for ws in words:
        lw = long(ws)
        if lw:
            out["single word"].append(rng.choice(lw).lower())
            out["prefix"].append(rng.choice(lw).lower()[:4] + "*")
        if len(lw) >= 2:
            out["two words"].append(" ".join(rng.sample(lw, 2)).lower())
        i = rng.randrange(len(ws) - 1)
        out["phrase"].append('"' + f"{ws[i]} {ws[i + 1]}".lower() + '"')
    return {k: v[:per_class] for k, v in out.items()}


#: Raw FTS5: the ranking at the heart of the canned query, alone (no rows read, no snippets).
RAW_SQL = (
    "select rowid, bm25(items_fts, {w}) as score from items_fts where items_fts match ? "
    "order by score limit 50"
).format(w=", ".join(map(str, WEIGHTS["items"])))

#: The canned query's own SQL (ranking, ties by date, joins, snippets), as Datasette runs it.
FULL_SQL = search_sql("items", limit="50")


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, check_same_thread=False)
    register_functions(conn)
    return conn


def timed(run) -> float:
    t0 = time.perf_counter()
    run()
    return (time.perf_counter() - t0) * 1000


async def measure(ds, conn: sqlite3.Connection, qs: list[str]) -> dict[str, list[float]]:
    """Per query, in one go: raw FTS5, the full SQL on sqlite3, and the Datasette JSON API.

    A first pass warms the OS and SQLite caches for every query, so that no
    column pays for cold pages the others then find warm.
    """
    out: dict = {"raw": [], "sql": [], "api": [], "hits": [], "errors": 0}
    for q in qs:
        conn.execute(RAW_SQL, [fts_query(q)]).fetchall()
    for q in qs:
        expression = fts_query(q)
        out["raw"].append(timed(lambda expression=expression: conn.execute(RAW_SQL, [expression]).fetchall()))
        out["sql"].append(timed(lambda q=q: conn.execute(FULL_SQL, {"q": q}).fetchall()))
        t0 = time.perf_counter()
        response = await ds.client.get("/archive/sok.json", params={"q": q, "_shape": "array"})
        out["api"].append((time.perf_counter() - t0) * 1000)
        if response.status_code != 200:
            out["errors"] += 1
            print(f"  {q!r}: HTTP {response.status_code} {response.text[:120]}")
        out["hits"].append(conn.execute(
            "select count(*) from items_fts where items_fts match ?", [expression]).fetchone()[0])
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def sizes(path: Path, n_items: int) -> None:
    """Bytes per item: whole file, FTS index tables, and the text vs shadow columns."""
    conn = sqlite3.connect(path)
    total = path.stat().st_size
    try:
        fts = conn.execute(
            "select sum(pgsize) from dbstat where name like 'items_fts%'").fetchone()[0] or 0
    except sqlite3.OperationalError:
        fts = 0
    text, stems, revs = conn.execute(
        "select sum(length(cast(coalesce(title,'') || coalesce(text,'') as blob))), "
        "sum(length(cast(coalesce(title_stem,'') || coalesce(text_stem,'') as blob))), "
        "sum(length(cast(coalesce(title_rev,'') || coalesce(text_rev,'') as blob))) from items"
    ).fetchone()
    print(f"archive {total / 1e6:.1f} MB = {total / n_items:,.0f} B/item; "
          f"FTS index {fts / n_items:,.0f} B/item; original text {text / n_items:,.0f} B/item; "
          f"stem column {stems / n_items:,.0f} B/item; reversed column {revs / n_items:,.0f} B/item")


async def run(path: Path, per_class: int, seed: int) -> None:
    ds = make_datasette(path)
    await ds.client.get("/archive/sok.json?q=warmup")
    conn = connect(path)
    print(f"{'class':12} {'n':>4} {'hits p50':>8} | {'datasette p50':>13} {'p95':>7} | "
          f"{'raw FTS5 p50':>12} {'p95':>7} | {'same SQL p50':>12} {'p95':>7} | "
          f"{'ds/raw p50':>10} {'p95':>5} | {'ds/SQL p50':>10} {'p95':>5} | "
          f"{'newest-first':>12} | {'bm25-ranked ds p50':>18} {'p95':>7} | errors")
    for name, qs in queries(path, per_class, seed).items():
        m = await measure(ds, conn, qs)
        api, raw, sql = m["api"], m["raw"], m["sql"]
        ranked = [ms for ms, hits in zip(api, m["hits"]) if hits <= MANY_HITS]
        ranked_pct = (f"{pct(ranked, .5):15.1f} ms {pct(ranked, .95):7.1f}" if ranked
                      else f"{'-':>15}    {'-':>7}")
        print(f"{name:12} {len(qs):4} {pct(m['hits'], .5):8,} | "
              f"{pct(api, .5):10.1f} ms {pct(api, .95):7.1f} | "
              f"{pct(raw, .5):9.1f} ms {pct(raw, .95):7.1f} | "
              f"{pct(sql, .5):9.1f} ms {pct(sql, .95):7.1f} | "
              f"{pct(api, .5) / max(pct(raw, .5), 1e-3):9.2f}× {pct(api, .95) / max(pct(raw, .95), 1e-3):4.2f}× | "
              f"{pct(api, .5) / max(pct(sql, .5), 1e-3):9.2f}× {pct(api, .95) / max(pct(sql, .95), 1e-3):4.2f}× | "
              f"{len(qs) - len([h for h in m['hits'] if h <= MANY_HITS]):5} of {len(qs):3} | "
              f"{ranked_pct} | "
              f"{m['errors']}", flush=True)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=100, help="queries per class")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", type=Path, default=None, help="reuse or keep this archive file")
    args = parser.parse_args(argv)
    # Datasette names the database after the file: the canned queries expect "archive".
    path = args.db or Path(f"/tmp/bench-search-{args.items}/archive.db")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        build(path, args.items, args.seed)
    n_items = sqlite3.connect(path).execute("select count(*) from items").fetchone()[0]
    sizes(path, n_items)
    asyncio.run(run(path, args.queries, args.seed))


if __name__ == "__main__":
    main()
