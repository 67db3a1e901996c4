"""Sample generator speed: the figures its tests used to hold with wall-clock limits (#10).

Run: .venv/bin/python benchmarks/bench_sample.py [--meetings 300]

Prints, each as a ratio against a reference measured in the same run:

* the sample archive of N meetings (text, PDF and truth files, as ``make demo`` writes
  it) against generating the same meetings' text alone: what writing files and PDFs
  costs on top (the old test allowed 60 s for 300 meetings);
* the first 2,000 meetings of a generator asked for 10⁶ meetings against one asked for
  2,000: about 1× when generation is lazy (the old test allowed 5 s).
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from pathlib import Path

from minutes.sample import generate_archive, iter_meetings


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=300)
    parser.add_argument("--lazy", type=int, default=2000, help="meetings taken from the large generator")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_sample_") as tmp:
        archive = timed(lambda: generate_archive(Path(tmp), meetings=args.meetings, seed=0))
    text = timed(lambda: list(iter_meetings(args.meetings, 0)))
    print(f"sample archive, {args.meetings} meetings: {archive:.1f} s "
          f"({archive / text:.1f}× generating their text alone, {text:.1f} s)")
    large = timed(lambda: list(itertools.islice(iter_meetings(10**6, 0), args.lazy)))
    small = timed(lambda: list(iter_meetings(args.lazy, 0)))
    print(f"first {args.lazy:,} of 10⁶ meetings: {large:.1f} s ({large / small:.2f}× a generator of "
          f"{args.lazy:,}, {small:.1f} s; ≈ 1× when lazy)")


if __name__ == "__main__":
    main()
