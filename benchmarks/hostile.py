"""Every hostile file of issue 13, imported beside good minutes: its reason, time and peak memory.

    .venv/bin/python benchmarks/hostile.py

Builds the hostile folder (``minutes.bench.hostile``) and imports it once as
a whole (the good files must all be stored), then each hostile file alone in
its own ``minutes ingest`` process, printing the reason it was recorded with,
the wall time and the peak RSS of the import's process tree (the importer and
its worker, from ``getrusage(RUSAGE_CHILDREN)`` of a fresh process per file).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from minutes.bench.hostile import build_hostile_folder
from minutes.importer.sources import escaped


def _measured(args: list[str]) -> tuple[int, str, float, float]:
    """Run ``minutes ingest ARGS`` in a child that reports its children's peak RSS (MiB)."""
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "command = [sys.executable, '-m', 'minutes', 'ingest', *sys.argv[1:]]\n"
        "done = subprocess.run(command, capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps([done.returncode, done.stdout + done.stderr, time.perf_counter() - start, peak]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True).stdout
    code, text, seconds, peak = json.loads(out)
    return code, text, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-seconds", default="20", help="the per-file time limit to run with")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="minutes-hostile-"))
    folder = work / "in"
    good, cases = build_hostile_folder(folder)
    limits = ["--max-seconds", args.max_seconds, "-w", "1"]
    code, text, seconds, peak = _measured(["--db", str(work / "all.db"), *limits, str(folder)])
    print(f"whole folder: {seconds:.1f} s, peak RSS {peak:.0f} MiB; {text.strip().splitlines()[-1]}")
    stored = [name for name in (p.name for p in good) if f"imported  {folder.name}/{name}" in text]
    print(f"good files stored: {len(stored)} of {len(good)}")
    print(f"{'file':28} {'time':>7} {'peak RSS':>9}  reason")
    for n, case in enumerate(cases):
        alone = work / f"case-{n}"  # the file alone in a folder of its own, as it lay in the hostile one
        alone.mkdir()
        path = next(p for p in folder.iterdir() if escaped(p.name) == case.name)
        path.rename(alone / path.name)
        code, text, seconds, peak = _measured(["--db", str(work / f"case-{n}.db"), *limits, str(alone)])
        line = next((ln for ln in text.splitlines() if ln.startswith("[1/")), text.strip().splitlines()[-1])
        reason = line.split(" ", 2)[-1]
        print(f"{case.name:28} {seconds:6.1f}s {peak:7.0f}MiB  {reason[:150]}")


if __name__ == "__main__":
    main()
