"""Bulk import: plan each source, parse in a pool, store with one writer; failure is data.

The flow for every :class:`~minutes.importer.sources.Source`, in input order:

1. *plan* (main process): hash the bytes; content already stored under the
   current extractor version is ``unchanged``, content seen earlier in this
   run is a ``duplicate``, a source that could not be read is ``failed``,
   anything else must be parsed;
2. *parse* (worker processes, see :mod:`minutes.importer.pool`): read the bytes,
   extract the meeting and prepare its rows (ids, search columns);
3. *store* (main process, one transaction per document): insert the prepared
   rows, or record the failure with its reason, or record the other name.

Because results are stored in input order, ``--workers N`` writes exactly
what ``--workers 1`` writes, and killing the run at any moment leaves whole
documents only: a re-run skips what was stored and finishes the rest.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from minutes.archive.documents import document_status, stored_overrides
from minutes.archive.faults import storage_fault, unwritable
from minutes.archive.roots import migrate_path, root_labels
from minutes.archive.rows import DocumentRows
from minutes.archive.store import (
    EXTRACTOR_VERSION,
    prepare_bulk_writes,
    record_alias,
    record_failure,
    store_rows,
)
from minutes.importer.pool import ordered_map
from minutes.importer.sandbox import grace
from minutes.importer.sources import Limits, Source, escaped, iter_sources, read_manifest
from minutes.importer.work import (
    Outcome,
    ParseJob,
    crashed,
    init_worker,
    read_and_extract,
    timed_out,
    warm_up,
)
from minutes.ingest.limits import FileLimits

#: Outcomes that leave the file's content in the archive; the others are
#: "failed" and "needs_ocr", each with a reason.
SUCCESSES = ("imported", "unchanged", "duplicate", "reprocessed")


@dataclass
class FileResult:
    """One file's fate, as the summary and the progress display see it."""

    path: str
    outcome: str
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome in SUCCESSES


@dataclass
class ImportSummary:
    """What one import run did, file by file."""

    imported: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, same content as)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    link_seconds: float = 0.0  # time spent in link_archive, which the benchmark reports apart
    unmatched_overrides: int = 0  # statuses set by hand that match no assignment any more

    @property
    def ok(self) -> bool:
        """True when no file failed (the CLI's exit status)."""
        return not self.failed

    def add(self, result: FileResult) -> None:
        """File one result under its outcome."""
        if result.outcome == "imported":
            self.imported.append(result.path)
        elif result.outcome == "unchanged":
            self.unchanged.append(result.path)
        elif result.outcome == "duplicate":
            self.duplicates.append((result.path, result.reason or ""))
        else:
            self.failed.append((result.path, result.reason or result.outcome))


@dataclass
class _Job:
    """The plan for one source; ``parse`` is set when a worker must read it."""

    source: Source
    kind: str  # parse | unchanged | duplicate | failed
    sha256: str
    parse: ParseJob | None = None


def default_workers() -> int:
    """The machine's cores: parsing and extraction are CPU-bound."""
    return os.cpu_count() or 1


def ingest_paths(
    db: Database,
    paths: Iterable[str | Path] = (),
    *,
    manifests: Iterable[str | Path] = (),
    workers: int | None = None,
    ocr: bool = False,
    limits: Limits | None = None,
    file_limits: FileLimits | None = None,
    follow_symlinks: bool = False,
    progress: Callable[[FileResult], None] | None = None,
    cluster: str | None = None,
) -> ImportSummary:
    """Import files, folders, zips and manifest CSVs into ``db``; a bad file is recorded, never raised.

    Every file is parsed in a worker process under ``file_limits``
    (:mod:`minutes.importer.sandbox`), also with one worker. A storage fault
    (disk full, I/O error) is not a file's failure: it raises ArchiveUnwritable
    at once, and every document stored before it is complete.
    """
    from minutes.link import link_new

    prepare_bulk_writes(db)
    summary = ImportSummary()
    file_limits = file_limits or FileLimits()
    planner = _Planner(db, ocr=ocr, limits=file_limits)
    paths, manifests = list(paths), list(manifests)
    labels = root_labels(db, [*paths, *(Path(m).parent for m in manifests)], escaped)
    jobs = map(planner.plan, _sources(paths, manifests, limits or Limits(), follow_symlinks, labels))
    results = _mapper(cluster, workers)(
        _work,
        jobs,
        initializer=init_worker,
        warm_up=warm_up,
        isolate=True,
        needs_work=lambda job: job.kind == "parse",
        on_crash=crashed,
        timeout=file_limits.seconds + grace(file_limits.seconds),
        on_timeout=timed_out,
    )
    writer = _Writer(db)
    with _stop_on_storage_faults(db):
        for job, outcome in results:
            result = writer.store(job, outcome)
            summary.add(result)
            if progress:
                progress(result)
        start = time.perf_counter()
        linked = link_new(db)  # only what this import touched (issue 15); `minutes link` relinks everything
        summary.unmatched_overrides = linked.get("overrides", {}).get("unmatched", 0)
        summary.link_seconds = time.perf_counter() - start
    return summary


def _mapper(cluster: str | None, workers: int | None) -> Callable[..., Iterator[tuple[Any, Any]]]:
    """The local pool, or the cluster when an address is given: the same contract, the same rows.

    ``cluster`` (``ingest_paths(cluster=…)``, ``minutes ingest --cluster``) is a
    Dask scheduler's address: the files are then read and extracted on its
    workers (:mod:`minutes.importer.cluster`) and stored here.
    """
    if cluster:
        from minutes.importer.cluster import cluster_map

        return functools.partial(cluster_map, address=cluster)
    return functools.partial(ordered_map, workers=workers or default_workers())


@contextlib.contextmanager
def _stop_on_storage_faults(db: Database) -> Iterator[None]:
    """Turn a full disk or an I/O error anywhere in storing into one ArchiveUnwritable."""
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        fault = storage_fault(error)
        if fault is None:
            raise
        raise unwritable(_db_file(db), fault, error) from error


def _db_file(db: Database) -> str:
    row = db.execute("pragma database_list").fetchone()
    return row[2] if row and row[2] else "(in memory)"


def _sources(
    paths: Iterable, manifests: Iterable, limits: Limits, follow_symlinks: bool, labels: dict[str, str]
) -> Iterator[Source]:
    """Every source, shown under its root's label (paths relative to what the user named)."""
    sizes: dict[str, Any] = {"max_file_bytes": limits.max_file_bytes, "max_zip_total": limits.max_zip_total,
                             "max_zip_ratio": limits.max_zip_ratio, "follow_symlinks": follow_symlinks}
    yield from iter_sources(paths, labels=labels, **sizes)
    for manifest in manifests:
        yield from read_manifest(manifest, label=labels.get(str(Path(manifest).parent)), **sizes)


def _work(job: _Job) -> Outcome:
    """Pool entry point (top-level so it pickles); only jobs planned for parsing come here."""
    if job.parse is None:
        raise ValueError(f"{job.source.display_path}: planned as {job.kind}, nothing to parse")
    return read_and_extract(job.parse)


def unread_id(display_path: str) -> str:
    """A stable document id for a file whose bytes could not be had (keyed by its path)."""
    return hashlib.sha256(f"unread:{display_path}".encode()).hexdigest()


class _Planner:
    """Decides, before any parsing, what each source needs (main process only)."""

    def __init__(self, db: Database, *, ocr: bool, limits: FileLimits | None = None) -> None:
        self.db, self.ocr, self.limits = db, ocr, limits or FileLimits()
        # sha256 → was it stored before this run began? Asking the archive only on
        # first sight keeps the answer the same however far planning runs ahead of
        # storing (it runs a window ahead with a pool, not at all with one worker).
        self.seen: dict[str, bool] = {}

    def plan(self, source: Source) -> _Job:
        if not source.ok:
            return _Job(source, "failed", unread_id(source.display_path))
        data = source.data or b""
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 in self.seen:
            kind = "unchanged" if self.seen[sha256] else "duplicate"
        else:
            self.seen[sha256] = self._stored(sha256) and not self._new_overrides(sha256, source.overrides)
            kind = "unchanged" if self.seen[sha256] else "parse"
        job = _Job(source, kind, sha256)
        if kind == "parse":
            job.parse = ParseJob(data, source.name, source.display_path, self.ocr, source.overrides, self.limits)
        source.data = None  # the bytes travel in job.parse only; keep one copy in flight
        return job

    def _new_overrides(self, sha256: str, overrides: dict) -> bool:
        """A manifest now says something else about stored content: store it again."""
        if not overrides:
            return False
        stored = stored_overrides(self.db, sha256)
        if stored is None:
            return False
        return any(value and stored.get(key) != value for key, value in overrides.items())

    def _stored(self, sha256: str) -> bool:
        known = document_status(self.db, sha256)
        return known is not None and known["status"] == "ok" and known["extractor_version"] == EXTRACTOR_VERSION


class _Writer:
    """Stores each planned job's result; one transaction per document."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.first: dict[str, FileResult] = {}  # sha256 → the result of its first copy this run

    def store(self, job: _Job, outcome: Outcome | None) -> FileResult:
        source = job.source
        if source.given_path:  # an archive from before paths were stored relative (issue 13)
            migrate_path(self.db, source.given_path, source.display_path)
        if job.kind == "failed":
            return self._fail(source, job.sha256, source.error or "cannot be read", source.status)
        if job.kind in ("unchanged", "duplicate"):
            record_alias(self.db, path=source.display_path, sha256=job.sha256, name=source.name)
            return self._other_name(job)
        if outcome is not None and outcome.ok and outcome.rows is not None:
            result = self._save(job, outcome.rows)
        else:
            status = outcome.status if outcome is not None else "failed"
            reason = outcome.error if outcome is not None else None
            result = self._fail(source, job.sha256, reason or "nothing was extracted", status)
        self.first[job.sha256] = result
        return result

    def _save(self, job: _Job, rows: DocumentRows) -> FileResult:
        """Store one meeting; if the archive refuses it, the transaction is rolled back and recorded."""
        source = job.source
        try:
            store_rows(self.db, rows)
        except (sqlite3.Error, ValueError, TypeError) as error:
            if storage_fault(error):
                raise
            reason = f"could not be stored ({type(error).__name__}: {error})"
            return self._fail(source, job.sha256, reason, "failed")
        return FileResult(source.display_path, "imported")

    def _fail(self, source: Source, sha256: str, reason: str, status: str) -> FileResult:
        record_failure(self.db, path=source.display_path, name=source.name, sha256=sha256,
                       error=reason, status=status)
        return FileResult(source.display_path, status, reason)

    def _other_name(self, job: _Job) -> FileResult:
        """Another name for stored content; a copy of a failed file fails with the same reason."""
        path = job.source.display_path
        if job.kind == "unchanged":
            return FileResult(path, "unchanged")
        first = self.first[job.sha256]
        if first.ok:
            return FileResult(path, "duplicate", first.path)
        return FileResult(path, first.outcome, f"{first.reason} (same content as {first.path})")
