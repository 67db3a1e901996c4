"""Benchmark the link step (issue 7) on generated archives of growing size.

Builds archives of N meetings from ``minutes.sample.iter_meetings`` without
the extractor: each meeting is the truth dict turned into a ``Meeting``
(``meeting_from_gold``), each item's text is what lies between its title and
the next item's title in the generated text, and ``save_document`` stores it.
Then times ``link_archive`` on each archive and prints seconds, milliseconds
per meeting and what was linked.

    .venv/bin/python benchmarks/bench_link.py                  # 500, 2,000, 10,000
    .venv/bin/python benchmarks/bench_link.py --meetings 500 2000 --keep /tmp/bench
    .venv/bin/python benchmarks/bench_link.py --incremental --meetings 1000 5000 20000

With ``--keep DIR`` the built archives are kept in DIR and reused by later runs
(only the link step is timed either way).

``--incremental`` (issue 15) times, on each archive, a full ``minutes link``
and then ``link_new`` after one more file is imported into it, and prints
both as ratios to the smallest archive: one new file should cost the same
whatever the archive's size, and a full relink should grow no worse than
n·log n (its ratio over n·log n's stays near or below 1). The new file's
"region" is the items it relinks: the threads it may join are relinked whole,
so its cost follows their length (ms per region item), not the archive's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from minutes.archive import open_archive
from minutes.archive.store import save_document
from minutes.link import link_archive, link_new
from minutes.models import SourceDocument
from minutes.sample import iter_meetings
from minutes.sample.known import known_meeting

TODAY = dt.date(2030, 1, 1)


def build(path: Path, meetings: int, seed: int) -> float:
    """Write an archive of ``meetings`` generated meetings to ``path``; return seconds taken."""
    started = time.perf_counter()
    db = open_archive(path)
    for filename, text, truth in iter_meetings(meetings, seed):
        meeting = known_meeting(filename, text, truth)
        doc = SourceDocument(name=filename, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                             path=filename)
        save_document(db, doc, meeting)
    db.conn.commit()
    db.close()
    return time.perf_counter() - started


def store(db, generated) -> None:
    """Store generated meetings as the importer would, without the extractor."""
    for filename, text, truth in generated:
        meeting = known_meeting(filename, text, truth)
        doc = SourceDocument(name=filename, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                             path=filename)
        save_document(db, doc, meeting)
    db.conn.commit()


def peak_mib(run) -> tuple[float, float]:
    """Seconds and peak traced memory (MiB) of ``run()`` (tracing slows it: compare runs with each other)."""
    import tracemalloc

    tracemalloc.start()
    started = time.perf_counter()
    run()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak


def incremental(sizes: list[int], seed: int, folder: Path) -> None:
    """Full relink and one new file's link on archives of growing size, as ratios to the smallest."""
    import math

    print(f"{'meetings':>9} {'items':>8} {'full s':>8} {'new file s':>11} {'new MiB':>8} "
          f"{'region':>7} {'ms/region item':>15} {'full x':>7} {'n·log n x':>10} {'full/nlogn':>11} {'new file x':>11}")
    generated = list(iter_meetings(max(sizes) + 1, seed))
    extra = generated[-1:]
    first: dict = {}
    for n in sizes:
        path = folder / f"incremental_{n}_{seed}.db"
        path.unlink(missing_ok=True)
        db = open_archive(path)
        store(db, generated[:n])
        items = db.execute("select count(*) from items").fetchone()[0]
        started = time.perf_counter()
        link_archive(db, today=TODAY)  # untraced: tracing would slow it several times over
        full = time.perf_counter() - started
        store(db, extra)
        copy = folder / f"incremental_{n}_{seed}_traced.db"
        db.conn.backup(sqlite3.connect(copy))  # the same step again, traced, for its memory
        started = time.perf_counter()
        counts = link_new(db, today=TODAY)
        new = time.perf_counter() - started
        db.close()
        traced = open_archive(copy)
        new_mib = peak_mib(lambda traced=traced: link_new(traced, today=TODAY))[1]
        traced.close()
        path.unlink()
        copy.unlink()
        nlogn = n * math.log(n)
        first = first or {"full": full, "nlogn": nlogn, "new": new}
        growth = nlogn / first["nlogn"]
        print(f"{n:>9,} {items:>8,} {full:>8.2f} {new:>11.3f} {new_mib:>8.1f} "
              f"{counts.get('region', 0):>7,} {1000 * new / max(counts.get('region', 0), 1):>15.2f} "
              f"{full / first['full']:>7.2f} {growth:>10.2f} "
              f"{full / first['full'] / growth:>11.2f} {new / first['new']:>11.2f}", flush=True)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[500, 2000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the built archives in this folder")
    parser.add_argument("--runs", type=int, default=1, help="link runs per archive (the best is shown)")
    parser.add_argument("--incremental", action="store_true",
                        help="time one new file's link against a full relink (issue 15)")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_link_"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.incremental:
        incremental(args.meetings, args.seed, folder)
        return
    print(f"{'meetings':>9} {'items':>8} {'link s':>8} {'ms/meeting':>11} {'threads':>8} "
          f"{'threaded':>9} {'persons':>8}")
    for n in args.meetings:
        path = folder / f"link_{n}_{args.seed}.db"
        if not path.exists():
            seconds = build(path, n, args.seed)
            print(f"  (built {path.name} in {seconds:.1f} s)", file=sys.stderr)
        db = open_archive(path)
        items = db.execute("select count(*) from items").fetchone()[0]
        best, counts = float("inf"), {}
        for _ in range(args.runs):
            started = time.perf_counter()
            counts = link_archive(db, today=TODAY)
            best = min(best, time.perf_counter() - started)
        db.close()
        print(f"{n:>9,} {items:>8,} {best:>8.2f} {1000 * best / n:>11.2f} {counts['threads']:>8,} "
              f"{counts['threaded_items']:>9,} {counts['persons']:>8,}", flush=True)
        if not args.keep:
            path.unlink()


if __name__ == "__main__":
    main()
