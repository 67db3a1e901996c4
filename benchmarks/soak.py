"""Soak an import (issue 13): 8 clients search and close assignments while it runs, and a second starts half-way.

    .venv/bin/python benchmarks/soak.py --meetings 300 --clients 8

1. ``minutes sample`` writes N generated files (text and PDF, one folder per body);
2. both archives get a quarter of the bodies imported and linked first, so there
   are assignments to close while the rest is imported;
3. *quiet*: the whole folder is imported into one archive with nobody else
   around, then the chosen assignments are closed;
4. *soak*: the same import into the other archive while ``--clients`` processes
   loop over ``minutes search`` and ``minutes assignments close`` (every command a
   fresh process, as users run them), and a second ``minutes ingest`` of the same
   folder starts once half of the new files are stored;
5. both archives are exported and compared file by file, with every
   assignment's status.

Done when: 0 aborted commands (any non-zero exit or "database is locked"), the
second import waits and succeeds, and the two archives are equal. The figures
(wall times, commands run, latency percentiles) go to the README.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

WORDS = ["riktlinje", "budget", "uppdrag", "plattform", "avvikelse", "hemtjänst", "protokoll", "beslut"]


def minutes(*args: str, timeout: float = 1800) -> tuple[int, str, float]:
    """Run one ``minutes`` command as its own process; (exit status, stderr, seconds)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "minutes", *args], capture_output=True, text=True,
                          timeout=timeout, check=False)
    return done.returncode, done.stderr, time.perf_counter() - start


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def snapshot(db: Path, out: Path) -> dict[str, str]:
    """The archive as its export and its assignment statuses: what "equal archives" means here."""
    code, err, _ = minutes("export", "--db", str(db), "--out", str(out))
    if code:
        raise SystemExit(f"export of {db} failed: {err}")
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}
    overrides = [json.loads(line) for line in files.pop("overrides.jsonl", "").splitlines()]
    kept = [{k: v for k, v in o.items() if k != "updated_at"} for o in overrides]
    files["overrides"] = json.dumps(sorted(kept, key=lambda o: o["stable_id"]))
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select stable_id, status, status_note from assignments order by stable_id").fetchall()
    files["assignment statuses"] = json.dumps(rows)
    return files


class Clients:
    """``count`` client loops over search and close until told to stop; every command is counted."""

    def __init__(self, db: Path, count: int, closes: list[str]) -> None:
        self.db, self.count = db, count
        self.closes = list(closes)
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.timings: dict[str, list[float]] = {"search": [], "close": []}
        self.aborted: list[str] = []

    def _next_close(self) -> str | None:
        with self.lock:
            return self.closes.pop() if self.closes else None

    def _loop(self, k: int) -> None:
        n = 0
        while not self.stop.is_set():
            n += 1
            assignment = self._next_close() if n % 2 == 0 else None
            args: tuple[str, ...]
            if assignment:
                kind, args = "close", ("assignments", "close", assignment, "--db", str(self.db), "--note", "soak")
            else:
                kind, args = "search", ("search", "--db", str(self.db), "--format", "json", WORDS[(k + n) % len(WORDS)])
            code, err, seconds = minutes(*args)
            with self.lock:
                self.timings[kind].append(seconds)
                if code != 0 or "locked" in err:
                    self.aborted.append(f"{kind}: exit {code}: {err.strip()[-200:]}")

    def __enter__(self) -> Clients:
        self.threads = [threading.Thread(target=self._loop, args=(k,), daemon=True) for k in range(self.count)]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()


def percentiles(values: list[float]) -> str:
    if not values:
        return "none"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"n={len(values)} p50 {statistics.median(ordered):.2f} s, p95 {p95:.2f} s, max {ordered[-1]:.2f} s"


def soak(meetings: int, clients: int, workers: int, work: Path) -> dict:
    folder = work / "in"
    code, err, _ = minutes("sample", "--out", str(folder), "--meetings", str(meetings))
    if code:
        raise SystemExit(err)
    bodies = sorted(p for p in folder.iterdir() if p.is_dir())
    first_half = bodies[: len(bodies) // 4]
    total = sum(1 for p in folder.rglob("*") if p.is_file())
    quiet, busy = work / "quiet.db", work / "soak.db"
    for db in (quiet, busy):
        code, err, _ = minutes("ingest", "-q", "--db", str(db), *map(str, first_half))
        if code:
            raise SystemExit(f"first half into {db}: {err}")
    with sqlite3.connect(busy) as conn:
        closes = [r[0] for r in conn.execute("select stable_id from assignments order by stable_id")]
    base = stored(busy)
    idle = {"search": [minutes("search", "--db", str(busy), "--format", "json", w)[2] for w in WORDS[:4]],
            "close": [minutes("assignments", "close", a, "--db", str(busy), "--note", "soak")[2] for a in closes[:4]]}

    _, _, quiet_seconds = minutes("ingest", "-q", "--db", str(quiet), str(folder))
    for assignment in closes:
        minutes("assignments", "close", assignment, "--db", str(quiet), "--note", "soak")

    worker_args = ("-w", str(workers)) if workers else ()
    start = time.perf_counter()
    first = subprocess.Popen([sys.executable, "-m", "minutes", "ingest", "-q", *worker_args, "--db", str(busy),
                              str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second: dict = {}
    with Clients(busy, clients, closes) as running:
        while first.poll() is None and stored(busy) < base + (total - base) // 2:
            time.sleep(0.05)
        second_start = time.perf_counter()
        second_process = subprocess.Popen([sys.executable, "-m", "minutes", "ingest", "-q", "--db", str(busy),
                                           str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        out, err = first.communicate()
        soak_seconds = time.perf_counter() - start
        second_out, second_err = second_process.communicate()
        second = {"exit": second_process.returncode, "seconds": round(time.perf_counter() - second_start, 1),
                  "waited": "waiting for it to finish" in second_err, "summary": second_out.strip()}
        while running.closes:  # every chosen assignment is closed before the clients stop
            time.sleep(0.1)
    aborted = list(running.aborted)
    if first.returncode:
        aborted.append(f"first import: exit {first.returncode}: {err.strip()[-300:]}")
    if second["exit"]:
        aborted.append(f"second import: exit {second['exit']}: {second_err.strip()[-300:]}")

    a, b = snapshot(quiet, work / "quiet-export"), snapshot(busy, work / "soak-export")
    differing = sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))
    return {
        "files": total, "clients": clients, "quiet_import_s": round(quiet_seconds, 1),
        "soak_import_s": round(soak_seconds, 1), "first_import": out.strip(),
        "search": percentiles(running.timings["search"]), "close": percentiles(running.timings["close"]),
        "idle_search": percentiles(idle["search"]), "idle_close": percentiles(idle["close"]),
        "preimported": base,
        "commands": sum(map(len, running.timings.values())), "aborted": aborted, "second_import": second,
        "archives_equal": not differing, "differing": differing[:10], "closed": len(closes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=300)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=0, help="import workers (default: the machine's cores)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="minutes-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        report = soak(args.meetings, args.clients, args.workers, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    print(f"cores: {os.cpu_count()}", file=sys.stderr)
    sys.exit(0 if report["archives_equal"] and not report["aborted"] else 1)


if __name__ == "__main__":
    main()
