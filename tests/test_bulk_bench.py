"""minutes bench's report: the idle-core estimate from CPU time and the lines a person reads."""

from __future__ import annotations

from minutes.bench import format_bench, idle_seconds


def run(workers: int, writer: float, others: float, seconds: float) -> dict:
    return {
        "workers": workers, "seconds": seconds, "docs": 101, "pages": 240, "failed": 0, "link_seconds": 0.5,
        "tree_pss_samples_mib": [300.0], "first_stored_seconds": 2.5, "steady_docs_per_second": 40.0,
        "peak_rss_writer_mib": 360.0, "peak_rss_worker_mib": 280.0, "load_average": 1.0,
        "steady_cpu_ms_per_doc": {"writer": writer, "workers": others}, "startup_cpu_seconds": 2.0,
    }


def test_bulk_bench_idle_seconds_take_the_busier_side_per_document():
    assert idle_seconds(run(1, 20.0, 0.0, 9.0)) == 2.0 + 100 * 0.020 + 0.5
    # two workers, 2 cores assumed or more: writer 4 ms, workers 20 ms in all → 10 or 12 ms per document
    two = idle_seconds(run(2, 4.0, 20.0, 6.0), linking=False)
    assert 2.0 + 100 * 0.010 <= two <= 2.0 + 100 * 0.012


def test_bulk_bench_report_names_both_targets_and_the_cpu_estimates():
    plumber = {"seconds": 20.0, "cpu_seconds": 19.0, "pages": 240, "docs": 101}
    report = {"files": 101, "repeat": 2, "pdfplumber": plumber,
              "imports": [run(1, 20.0, 0.0, 9.0), run(2, 4.0, 20.0, 6.0)]}
    text = "\n".join(format_bench(report))
    assert "target ≥ 4×" in text and "target ≥ 1.7×" in text
    assert "on idle cores, from CPU time" in text and "start-up included" in text


def test_bulk_bench_report_compares_the_import_with_bare_pypdfium2():
    plumber = {"seconds": 20.0, "cpu_seconds": 19.0, "pages": 240, "docs": 101}
    pdfium = {"seconds": 0.6, "cpu_seconds": 0.505, "pages": 240, "docs": 101}  # 5 ms CPU per document
    report = {"files": 101, "repeat": 1, "pdfplumber": plumber, "pypdfium2": pdfium,
              "imports": [run(1, 20.0, 0.0, 9.0), run(2, 4.0, 16.0, 6.0)]}
    lines = format_bench(report)
    assert any(line.startswith("pypdfium2 bare reading: 0.60 s, 400.0 pages/s") for line in lines)
    limits = [line for line in lines if "vs pypdfium2 bare reading" in line]
    assert len(limits) == 2 and all("0.250 of its rate in CPU" in line for line in limits)  # 5 / (20 + 0)


def test_bulk_bench_pypdfium2_reads_every_page(tmp_path):
    from minutes.bench import generate_pdfs
    from minutes.bench.readers import pypdfium2_pages
    from minutes.ingest.pdf import read_pdf

    path = generate_pdfs(tmp_path, 1)[0]
    assert pypdfium2_pages(path.read_bytes()) == read_pdf(path.read_bytes(), name="x.pdf").pages >= 1


def test_bulk_bench_one_worker_is_a_process_beside_the_writer():
    # Every file is parsed in a worker process, also with one (issue 13): writer and worker overlap.
    one = idle_seconds(run(1, 4.0, 20.0, 9.0), linking=False)
    assert one == 2.0 + 100 * 0.020
