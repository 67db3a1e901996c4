"""``minutes bench``: the whole import timed beside pdfplumber reading the same PDFs.

The issue's targets (issue 5): the import (parse, extract, store) at least 4×
faster than pdfplumber alone on the same files, 2 workers at least 1.7×
faster than 1, and peak memory flat in the number of files. Each import runs
in a fresh process so its peak RSS is its own; the process tree's memory
(PSS) is also sampled at every tenth of the files, which shows whether memory
grows with them.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import tempfile
import time
from pathlib import Path

from minutes.extras import optional_import

#: How often (as a share of the files) the import's memory is sampled.
SAMPLES = 10


def generate_pdfs(folder: Path, n: int, *, seed: int = 0) -> list[Path]:
    """Write ``n`` generated sets of minutes as PDFs with a running header and page numbers."""
    from minutes.sample import iter_meetings, render_pdf_from_text

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, (filename, text, _truth) in enumerate(iter_meetings(n, seed)):
        path = folder / f"{k:05d}-{Path(filename).stem}.pdf"
        render_pdf_from_text(text, path, header=Path(filename).stem, footer="Sida {page} av {pages}")
        paths.append(path)
    return paths


def time_pdfplumber(paths: list[Path]) -> dict:
    """pdfplumber ``extract_text`` over every page of every file, in this process."""
    from minutes.bench.readers import pdfplumber_pages

    return _time_reader(pdfplumber_pages, paths)


def time_pypdfium2(paths: list[Path]) -> dict:
    """pypdfium2's bare text of every page of every file, in this process: the parsing limit."""
    from minutes.bench.readers import pypdfium2_pages

    pypdfium2_pages(paths[0].read_bytes())  # PDFium's own start-up stays out of the rate
    return _time_reader(pypdfium2_pages, paths)


def _time_reader(reader, paths: list[Path]) -> dict:
    start, cpu = time.perf_counter(), time.process_time()
    pages = sum(reader(path.read_bytes()) for path in paths)
    return {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu,
            "pages": pages, "docs": len(paths)}


def time_import(folder: Path, db_path: Path, *, workers: int) -> dict:
    """Run one import in a fresh process and return its timing and memory figures."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_import_child, args=(str(folder), str(db_path), workers, send))
    child.start()
    report = receive.recv()
    child.join()
    return report


def _import_child(folder: str, db_path: str, workers: int, send) -> None:
    """The measured import (runs in its own process)."""
    from minutes.archive import open_archive
    from minutes.archive.documents import stored_pages
    from minutes.importer.bulk import ingest_paths
    from minutes.importer.sources import count_sources

    total = count_sources([folder])
    db = open_archive(db_path)
    probe = _Probe(total)
    summary = ingest_paths(db, [folder], workers=workers, progress=probe)
    seconds = time.perf_counter() - probe.start
    pages = stored_pages(db)
    send.send({
        "workers": workers, "seconds": seconds, "docs": len(summary.imported), "pages": pages,
        "failed": len(summary.failed), "link_seconds": summary.link_seconds, "tree_pss_samples_mib": probe.samples,
        "first_stored_seconds": probe.first, "steady_docs_per_second": probe.steady_docs_per_second(),
        "peak_rss_writer_mib": _maxrss_mib(resource.RUSAGE_SELF),
        "peak_rss_worker_mib": _maxrss_mib(resource.RUSAGE_CHILDREN),
        "steady_cpu_ms_per_doc": probe.steady_cpu_ms(),
        "startup_cpu_seconds": probe.startup_cpu(),
        "load_average": os.getloadavg()[0],
    })


def _maxrss_mib(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # ru_maxrss is in KiB on Linux


class _Probe:
    """A progress callback that samples the process tree's memory every tenth of the files
    and notes when the first and last file were stored (the start-up vs steady state)."""

    def __init__(self, total: int) -> None:
        self.total, self.every = total, max(1, total // SAMPLES)
        self.done = 0
        self.samples: list[float] = []
        self.start = time.perf_counter()
        self.cpu_start = tree_cpu_seconds()
        self.first = self.last = 0.0
        self.cpu_first: dict[str, float] = {}
        self.cpu_last: dict[str, float] = {}
        self.probe_cpu = 0.0  # CPU this probe spent sampling memory between the first and last file

    def __call__(self, result) -> None:
        self.done += 1
        self.last = time.perf_counter() - self.start
        if self.done == 1:
            self.first = self.last
            self.cpu_first = tree_cpu_seconds()
        if self.done == self.total:
            self.cpu_last = tree_cpu_seconds()
        if self.done % self.every == 0:
            cpu = time.process_time()
            self.samples.append(tree_rss_mib())
            if self.done < self.total:  # the probe's own reading of /proc is not the import's CPU
                self.probe_cpu += time.process_time() - cpu

    def steady_cpu_ms(self) -> dict[str, float]:
        """CPU per document between the first and the last file, in the writer and in the workers."""
        docs = max(self.done - 1, 1)
        spent = {side: self.cpu_last.get(side, 0.0) - self.cpu_first.get(side, 0.0) for side in ("writer", "workers")}
        spent["writer"] -= self.probe_cpu
        return {side: round(seconds / docs * 1000, 1) for side, seconds in spent.items()}

    def startup_cpu(self) -> float:
        """CPU from the start until the first file was stored (pipeline load, first document)."""
        return round(sum(self.cpu_first.values()) - sum(self.cpu_start.values()), 2)

    def steady_docs_per_second(self) -> float:
        """Files per second after the first was stored: the rate once the pipelines are loaded."""
        return _rate(self.done - 1, self.last - self.first)


def tree_cpu_seconds() -> dict[str, float]:
    """User + system CPU so far of this process ("writer") and of its live children ("workers")."""
    psutil = optional_import("psutil", extra="bench", purpose="measuring memory and CPU")

    me = psutil.Process()
    workers = 0.0
    for child in me.children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.NoSuchProcess:
            continue
        workers += times.user + times.system
    mine = me.cpu_times()
    return {"writer": mine.user + mine.system, "workers": workers}


def tree_rss_mib() -> float:
    """Memory of this process and all its children, in MiB.

    Proportional set size where the system reports it: forked workers share
    the pipeline's pages with the parent, and summing plain RSS would count
    those pages once per process.
    """
    psutil = optional_import("psutil", extra="bench", purpose="measuring memory and CPU")

    me = psutil.Process()
    total = 0
    for process in (me, *me.children(recursive=True)):
        try:
            total += _pss_or_rss(process)
        except psutil.NoSuchProcess:
            pass
    return round(total / 2**20, 1)


def _pss_or_rss(process) -> int:
    psutil = optional_import("psutil", extra="bench", purpose="measuring memory and CPU")

    try:
        return process.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return process.memory_info().rss


def run_bench(n: int = 200, *, workers: tuple[int, ...] = (1, 2), seed: int = 0,
              folder: Path | None = None, repeat: int = 1) -> dict:
    """Generate ``n`` PDFs, time pdfplumber over them, then the import with each worker count.

    With ``repeat`` > 1 every measurement is taken that many times, interleaved,
    and the fastest kept: on a shared machine the minimum is the least noisy figure.
    """
    with tempfile.TemporaryDirectory(prefix="minutes-bench-") as tmp:
        pdf_folder = folder or Path(tmp, "pdfs")
        paths = sorted(pdf_folder.glob("*.pdf")) if folder else generate_pdfs(pdf_folder, n, seed=seed)
        plumbers: list[dict] = []
        pdfiums: list[dict] = []
        imports: dict[int, list[dict]] = {w: [] for w in workers}
        for attempt in range(repeat):
            pdfiums.append(time_pypdfium2(paths))
            plumbers.append(time_pdfplumber(paths))
            for w in workers:
                imports[w].append(time_import(pdf_folder, Path(tmp, f"bench-{w}-{attempt}.db"), workers=w))
    fastest = [min(runs, key=lambda run: run["seconds"]) for runs in imports.values()]
    return {"files": len(paths), "repeat": repeat, "pdfplumber": min(plumbers, key=lambda r: r["seconds"]),
            "pypdfium2": min(pdfiums, key=lambda r: r["seconds"]), "imports": fastest}


def _rate(count: float, seconds: float) -> float:
    return round(count / seconds, 1) if seconds else float("inf")


def _without_link(run: dict, plumber: dict) -> str:
    """The same run without cross-meeting linking, which is issue 7's cost, not the import's."""
    seconds = run["seconds"] - run["link_seconds"]
    return (
        f"  of which linking {run['link_seconds']:.1f} s; without it {seconds:.1f} s, "
        f"{_rate(run['pages'], seconds)} pages/s, {plumber['seconds'] / seconds:.1f}× pdfplumber"
    )


def _cpu_line(run: dict) -> str:
    """CPU per document once loaded, in the writer and the workers, and the machine's load.

    On a shared machine wall time says as much about the neighbours as about the
    import; CPU time does not. On idle cores a run with W workers is bounded by
    the busier side: the writer, or the workers' CPU shared among W cores.
    """
    cpu = run["steady_cpu_ms_per_doc"]
    line = f"  CPU per document once loaded: writer {cpu['writer']} ms"
    if cpu.get("workers"):  # also with one worker: every file is parsed in a worker process (issue 13)
        line += f", workers {cpu['workers']} ms in all"
    return line + f"; load average {run['load_average']:.1f} on {os.cpu_count()} cores"


def _parsing_limit_line(run: dict, pdfium: dict) -> str:
    """The import's rate as a share of pypdfium2's bare reading of the same files (target ≥ 0.25).

    In pages per CPU second once loaded (writer and workers together), which
    neighbours hardly move, and in wall-clock pages per second.
    """
    cpu = run["steady_cpu_ms_per_doc"]
    import_ms = cpu["writer"] + cpu["workers"]
    pdfium_ms = pdfium["cpu_seconds"] / max(pdfium["docs"], 1) * 1000
    wall = (run["pages"] / run["seconds"]) / (pdfium["pages"] / pdfium["seconds"]) if run["seconds"] else 0.0
    return (
        f"  vs pypdfium2 bare reading: {pdfium_ms / import_ms if import_ms else 0:.3f} of its rate in CPU "
        f"({import_ms:.1f} vs {pdfium_ms:.1f} ms CPU per document once loaded; target ≥ 0.25), "
        f"{wall:.3f} in wall-clock pages/s"
    )


def idle_speedup(one: dict, many: dict) -> float:
    """The steady-state speed-up that idle cores would give, from CPU time alone."""
    serial = sum(one["steady_cpu_ms_per_doc"].values())  # writer and its one worker process
    cpu = many["steady_cpu_ms_per_doc"]
    cores = min(os.cpu_count() or 1, many["workers"] + 1)
    bound = max(cpu["writer"], cpu["workers"] / many["workers"], (cpu["writer"] + cpu["workers"]) / cores)
    return serial / bound if bound else float("inf")


def _bound_ms(run: dict) -> float:
    """Milliseconds per document once loaded on idle cores: the busier side of the pipeline."""
    cpu = run["steady_cpu_ms_per_doc"]
    workers = max(1, run["workers"])  # one worker is a process of its own too, beside the writer
    cores = min(os.cpu_count() or 1, workers + 1)
    return max(cpu["writer"], cpu["workers"] / workers, (cpu["writer"] + cpu["workers"]) / cores)


def idle_seconds(run: dict, *, linking: bool = True) -> float:
    """The run's wall time on idle cores, from CPU time: start-up, then the busier side per document.

    Neighbours on a shared machine stretch wall time but hardly CPU time, so
    this is the figure to compare across runs; linking is counted at its wall time.
    """
    seconds = run.get("startup_cpu_seconds", run["first_stored_seconds"])
    seconds += max(run["docs"] - 1, 0) * _bound_ms(run) / 1000
    return seconds + (run["link_seconds"] if linking else 0.0)


def format_bench(report: dict) -> list[str]:
    """The report as lines a person reads: rates, memory, and the two target ratios."""
    plumber = report["pdfplumber"]
    lines = [
        f"{report['files']} PDFs, {plumber['pages']} pages (fastest of {report.get('repeat', 1)}); "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end",
        f"pdfplumber alone: {plumber['seconds']:.1f} s, {_rate(plumber['pages'], plumber['seconds'])} pages/s",
    ]
    pdfium = report.get("pypdfium2")
    if pdfium:
        lines.append(
            f"pypdfium2 bare reading: {pdfium['seconds']:.2f} s, {_rate(pdfium['pages'], pdfium['seconds'])} pages/s, "
            f"{_rate(pdfium['pages'], pdfium['cpu_seconds'])} pages per CPU s, "
            f"{pdfium['cpu_seconds'] / max(pdfium['docs'], 1) * 1000:.1f} ms CPU per document"
        )
    for run in report["imports"]:
        ratio = plumber["seconds"] / run["seconds"]
        lines.append(
            f"import, {run['workers']} worker(s): {run['seconds']:.1f} s, "
            f"{_rate(run['pages'], run['seconds'])} pages/s, {_rate(run['docs'], run['seconds'])} docs/s, "
            f"{ratio:.1f}× pdfplumber (target ≥ 4×), {run['failed']} failed"
        )
        lines.append(_without_link(run, plumber))
        lines.append(
            f"  first file stored after {run['first_stored_seconds']:.1f} s (pipeline load); "
            f"then {run['steady_docs_per_second']} docs/s"
        )
        lines.append(_cpu_line(run))
        if pdfium:
            lines.append(_parsing_limit_line(run, pdfium))
        if "cpu_seconds" in plumber and "startup_cpu_seconds" in run:
            idle, unlinked = idle_seconds(run), idle_seconds(run, linking=False)
            lines.append(
                f"  on idle cores, from CPU time: {idle:.1f} s, {plumber['cpu_seconds'] / idle:.1f}× pdfplumber's "
                f"{plumber['cpu_seconds']:.1f} CPU s ({plumber['cpu_seconds'] / unlinked:.1f}× without linking; "
                f"start-up {run['startup_cpu_seconds']:.1f} CPU s)"
            )
        lines.append(
            f"  peak RSS: writer {run['peak_rss_writer_mib']} MiB, largest worker {run['peak_rss_worker_mib']} MiB; "
            f"tree PSS per tenth of files: {', '.join(map(str, run['tree_pss_samples_mib']))} MiB"
        )
    runs = {run["workers"]: run for run in report["imports"]}
    if 1 in runs and 2 in runs:
        one, two = runs[1], runs[2]
        unlinked = (one["seconds"] - one["link_seconds"]) / (two["seconds"] - two["link_seconds"])
        lines.append(
            f"2 workers vs 1: {one['seconds'] / two['seconds']:.2f}× faster overall (target ≥ 1.7×), "
            f"{unlinked:.2f}× without linking, "
            f"{two['steady_docs_per_second'] / one['steady_docs_per_second']:.2f}× once loaded; "
            f"{idle_speedup(one, two):.2f}× on idle cores once loaded, from CPU time"
        )
        if "startup_cpu_seconds" in one and "startup_cpu_seconds" in two:
            lines.append(
                f"  on idle cores, from CPU time, start-up included: {idle_seconds(one) / idle_seconds(two):.2f}× "
                f"overall, {idle_seconds(one, linking=False) / idle_seconds(two, linking=False):.2f}× without linking"
            )
    return lines


# --- OCR (issue 14) ----------------------------------------------------------------


def _cpu_now() -> float:
    """CPU seconds of this process and its finished children (Tesseract runs as a child)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_ocr_bench(n: int = 3, *, dpi: int = 300, seed: int = 0) -> dict:
    """Generate ``n`` minutes, print them to ``dpi`` scans, and time OCR beside the text layer.

    OCR runs in this process, one page after another (Tesseract limited to one
    thread), so pages per CPU second is pages per second per core. The
    reference, measured in the same run, is reading the same pages from their
    born-digital text layer.
    """
    from minutes.ingest import read_bytes
    from minutes.sample import scan_pdf

    with tempfile.TemporaryDirectory() as tmp:
        originals = [p.read_bytes() for p in generate_pdfs(Path(tmp), n, seed=seed)]
    scans = [scan_pdf(data, dpi=dpi) for data in originals]
    read_bytes(originals[0], name="warm-up.pdf")  # imports and PDFium start-up stay out of the figures
    start_wall, start_cpu = time.perf_counter(), _cpu_now()
    text_pages = sum(read_bytes(data, name="bench.pdf").pages for data in originals)
    text = {"pages": text_pages, "seconds": time.perf_counter() - start_wall, "cpu_seconds": _cpu_now() - start_cpu}
    start_wall, start_cpu = time.perf_counter(), _cpu_now()
    documents = [read_bytes(data, name="scan.pdf", ocr=True) for data in scans]
    confidences = [c for d in documents for c in d.ocr_pages.values()]
    ocr = {"pages": len(confidences), "seconds": time.perf_counter() - start_wall,
           "cpu_seconds": _cpu_now() - start_cpu,
           "mean_confidence": round(sum(confidences) / len(confidences), 1) if confidences else None}
    return {"files": n, "dpi": dpi, "text_layer": text, "ocr": ocr}


def format_ocr_bench(report: dict) -> list[str]:
    """OCR pages per second per core, beside the text layer of the same pages."""
    ocr, text = report["ocr"], report["text_layer"]
    per_core = ocr["pages"] / ocr["cpu_seconds"] if ocr["cpu_seconds"] else float("inf")
    text_per_core = text["pages"] / text["cpu_seconds"] if text["cpu_seconds"] else float("inf")
    return [
        f"{report['files']} generated minutes, {ocr['pages']} pages scanned at {report['dpi']} dpi",
        f"OCR (ocrmypdf + Tesseract swe, one thread): {per_core:.2f} pages/s per core "
        f"({ocr['cpu_seconds']:.1f} CPU s, {ocr['seconds']:.1f} s wall, "
        f"{_rate(ocr['pages'], ocr['seconds'])} pages/s); "
        f"mean word confidence {ocr['mean_confidence']}",
        f"text layer of the same pages: {text_per_core:.1f} pages/s per core, "
        f"{text_per_core / per_core:.0f}× OCR's rate",
    ]
