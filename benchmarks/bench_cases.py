"""Benchmark case threads (issue 12): is a case one thread on generated council archives?

Generates kommunal and regional protocols (``minutes.sample``), imports them
with the real extractor, links them and prints pairwise precision, recall and
F1 of the stored threads against the known case threads the generator writes
(``_truth/threads.json``), with the same figures for title linking alone.

    .venv/bin/python benchmarks/bench_cases.py                      # 100 and 300 meetings, seeds 1-2
    .venv/bin/python benchmarks/bench_cases.py --meetings 60 --seeds 7
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from minutes.archive import open_archive
from minutes.importer.bulk import ingest_paths
from minutes.link.features import load_items
from minutes.link.score import known_threads, pairwise_scores, stored_threads
from minutes.link.threads import Weights, cluster, scored_pairs
from minutes.sample import generate_archive


def title_only(db) -> list[set[str]]:
    """Threads from titles and features alone, as before case numbers counted."""
    items = load_items(db)
    return [{items[k].id for k in g} for g in cluster(items, scored_pairs(items, Weights(items)))]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[100, 300])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)
    print(f"{'meetings':>9} {'seed':>5} {'cases':>6} {'pairs':>6} {'precision':>10} {'recall':>7} {'F1':>6}"
          f" {'titles F1':>10}")
    for n in args.meetings:
        for seed in args.seeds:
            with tempfile.TemporaryDirectory(prefix="bench_cases_") as tmp:
                folder = Path(tmp)
                generate_archive(folder / "files", meetings=n, seed=seed, pdf_share=0.0,
                                 families="kommunal,regional")
                db = open_archive(folder / "archive.db")
                ingest_paths(db, [folder / "files"])
                truth = json.loads((folder / "files" / "_truth" / "threads.json").read_text("utf-8"))
                known = known_threads(db, truth)
                s = pairwise_scores(stored_threads(db), known)
                t = pairwise_scores(title_only(db), known)
                db.close()
            print(f"{n:>9,} {seed:>5} {len(known):>6} {s['pairs']:>6} {s['precision']:>10.3f} "
                  f"{s['recall']:>7.3f} {s['f1']:>6.3f} {t['f1']:>10.3f}", flush=True)


if __name__ == "__main__":
    main()
