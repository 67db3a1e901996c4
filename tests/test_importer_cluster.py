"""``ingest --cluster``: reading and extraction on Dask workers store exactly what one machine stores (issue 15)."""

from __future__ import annotations

import os
import sys

import pytest
from click.testing import CliRunner
from test_bulk_corpus import GOOD, LIMITS, build_corpus

from minutes.archive import export_json, open_archive
from minutes.cli import cli
from minutes.importer.bulk import ingest_paths
from minutes.importer.cluster import ClusterUnavailable, cluster_map, connect

distributed = pytest.importorskip("distributed")
cloudpickle = pytest.importorskip("cloudpickle")
# The workers cannot import tests/: send this module's functions by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

#: Columns stamped with the clock at store time: the only values two imports may differ in.
CLOCK = {"updated_at", "ingested_at", "seen_at", "first_seen", "last_seen", "imported_at"}


def square(n: int) -> int:
    return n * n


def slow_on_two(n: int) -> int:
    if n == 2:
        import time

        time.sleep(60)  # a reader stuck on one file
    return n * n


def die_on_three(n: int) -> int:
    if n == 3:
        os._exit(1)  # a native reader segfaulting looks like this to the scheduler
    return n * n


def dump(db) -> dict[str, list[tuple]]:
    """Every row of every table (search indexes included), without the clock columns, in a fixed order."""
    tables = {}
    for name in db.table_names():
        columns = [c.name for c in db[name].columns if c.name not in CLOCK]
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows = db.execute(f'select {quoted} from "{name}"').fetchall()
        tables[name] = sorted(rows, key=repr)
    return tables


@pytest.fixture(scope="module")
def cluster():
    """Three worker processes of one thread each: jobs really run out of order and out of process."""
    with distributed.LocalCluster(n_workers=3, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as local:
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("cluster") / "corpus")


def test_importer_cluster_map_keeps_input_order_and_passes_jobs_without_work(cluster):
    results = list(cluster_map(square, range(30), address=cluster.scheduler_address, window=5,
                               needs_work=lambda n: n % 3 != 0))
    assert results == [(n, None if n % 3 == 0 else n * n) for n in range(30)]


def test_importer_cluster_map_reads_its_input_only_a_window_ahead(cluster):
    taken = []

    def jobs():
        for n in range(40):
            taken.append(n)
            yield n

    results = cluster_map(square, jobs(), address=cluster.scheduler_address, window=4)
    assert next(results) == (0, 0)
    assert len(taken) <= 5
    assert [r for _n, r in results] == [n * n for n in range(1, 40)]


def test_importer_cluster_map_connects_to_nothing_when_no_job_needs_work():
    results = list(cluster_map(square, range(3), address="tcp://127.0.0.1:9", needs_work=lambda n: False))
    assert results == [(0, None), (1, None), (2, None)]


def test_importer_cluster_map_job_that_keeps_killing_workers_is_blamed_and_the_rest_finish(cluster):
    results = dict(cluster_map(die_on_three, range(6), address=cluster.scheduler_address,
                               on_crash=lambda n: "crashed"))
    assert results == {n: ("crashed" if n == 3 else n * n) for n in range(6)}


def test_importer_cluster_map_job_past_its_time_gets_on_timeout_and_the_rest_finish(cluster):
    results = dict(cluster_map(slow_on_two, range(6), address=cluster.scheduler_address, timeout=3,
                               on_timeout=lambda n: "timed out"))
    assert results == {n: ("timed out" if n == 2 else n * n) for n in range(6)}
    assert list(cluster_map(square, range(3), address=cluster.scheduler_address)) == [(0, 0), (1, 1), (2, 4)]


def test_importer_cluster_archive_is_identical_to_a_single_machine_import(cluster, corpus, tmp_path):
    local = open_archive(tmp_path / "local.db")
    local_summary = ingest_paths(local, [corpus], workers=1, limits=LIMITS)
    remote = open_archive(tmp_path / "cluster.db")
    remote_summary = ingest_paths(remote, [corpus], cluster=cluster.scheduler_address, limits=LIMITS)

    assert sorted(remote_summary.imported) == sorted(local_summary.imported)
    assert len(remote_summary.imported) == len(GOOD)
    assert sorted(remote_summary.failed) == sorted(local_summary.failed) and remote_summary.failed
    one = {p.name: p.read_text() for p in export_json(local, tmp_path / "one")}
    two = {p.name: p.read_text() for p in export_json(remote, tmp_path / "two")}
    assert one == two and len(one) >= len(GOOD)
    local_rows, remote_rows = dump(local), dump(remote)
    assert local_rows.keys() == remote_rows.keys()
    for table in local_rows:
        assert remote_rows[table] == local_rows[table], table
    assert sum(map(len, local_rows.values())) > 100  # a real archive was compared, not two empty ones


def test_importer_cluster_rerun_finds_everything_stored(cluster, corpus, tmp_path):
    db = open_archive(tmp_path / "again.db")
    ingest_paths(db, [corpus], cluster=cluster.scheduler_address, limits=LIMITS)
    again = ingest_paths(db, [corpus], cluster=cluster.scheduler_address, limits=LIMITS)
    assert again.imported == [] and len(again.unchanged) >= len(GOOD)  # only the failures are tried again


def test_importer_cluster_cli_ingests_through_the_scheduler(cluster, tmp_path):
    (tmp_path / "protokoll.txt").write_text("1. Budget\nNämnden noterar informationen.\n", encoding="utf-8")
    db_path = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(db_path), "--cluster",
                                      cluster.scheduler_address, str(tmp_path / "protokoll.txt")])
    assert result.exit_code == 0, result.output
    assert open_archive(db_path)["meetings"].count == 1


def test_importer_cluster_unreachable_scheduler_is_named(tmp_path):
    with pytest.raises(ClusterUnavailable, match="tcp://127.0.0.1:9"):
        connect("tcp://127.0.0.1:9", timeout=1)


def test_importer_cluster_without_the_extra_names_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if minutes[cluster] were not installed
    (tmp_path / "p.txt").write_text("1. Budget\nNämnden noterar informationen.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(tmp_path / "a.db"), "--cluster",
                                      "tcp://127.0.0.1:9", str(tmp_path / "p.txt")])
    assert result.exit_code == 1
    assert "pip install 'minutes[cluster]'" in result.output
