"""Re-run extraction over the stored text after the rules improve, without re-parsing files.

The archive keeps each document's clean text and page offsets
(``documents.text``, ``documents.page_starts``), which is all the extractor
reads, so the PDFs need not be at hand. Each meeting is replaced in its own
transaction, in the same pool as the import, and manifest overrides stored
with the meeting are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlite_utils import Database

from minutes.archive.documents import count_stored_documents, stored_documents, stored_overrides
from minutes.archive.store import prepare_bulk_writes, store_rows
from minutes.importer.bulk import FileResult, default_workers
from minutes.importer.pool import ordered_map
from minutes.importer.sandbox import FileTimeout, grace, limited, time_message
from minutes.importer.work import Outcome, crashed, extract_document, init_worker, timed_out, warm_up
from minutes.ingest.limits import FileLimits
from minutes.models import SourceDocument


@dataclass
class ReprocessSummary:
    """Which documents were extracted again, and which failed (their old meeting stays)."""

    reprocessed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


#: Reprocessing reads stored text only, so of the per-file limits only time and memory apply.
LIMITS = FileLimits()


def reprocess_archive(
    db: Database,
    *,
    workers: int | None = None,
    progress: Callable[[FileResult], None] | None = None,
) -> ReprocessSummary:
    """Extract every stored document again and replace its meeting."""
    from minutes.link import link_archive

    prepare_bulk_writes(db)
    summary = ReprocessSummary()
    results = ordered_map(
        _extract,
        _stored_documents(db),
        workers=workers or default_workers(),
        initializer=init_worker,
        warm_up=warm_up,  # forked workers share the parent's pipeline
        isolate=True,  # an extractor bug that kills its process kills only the worker
        on_crash=crashed,
        timeout=LIMITS.seconds + grace(LIMITS.seconds),
        on_timeout=timed_out,
    )
    for (document, _overrides), outcome in results:
        result = _store(db, document, outcome)
        if result.ok:
            summary.reprocessed.append(result.path)
        else:
            summary.failed.append((result.path, result.reason or "failed"))
        if progress:
            progress(result)
    link_archive(db)
    return summary


def count_stored(db: Database) -> int:
    """How many documents ``reprocess_archive`` will visit (for a progress bar)."""
    return count_stored_documents(db)


def _extract(job: tuple[SourceDocument, dict]) -> Outcome:
    """Pool entry point (top-level so it pickles): extract and prepare rows, keeping the overrides."""
    document, overrides = job
    try:
        with limited(LIMITS):
            return extract_document(document, overrides)
    except FileTimeout:
        return Outcome("failed", error=time_message(LIMITS))


def _stored_documents(db: Database) -> Iterator[tuple[SourceDocument, dict]]:
    """Stored documents one at a time with their meeting's overrides (a document's overrides
    change only when it is itself stored, so reading them as the scan goes is safe)."""
    for document in stored_documents(db):
        yield document, _overrides(db, document.sha256)


def _overrides(db: Database, sha256: str) -> dict[str, str]:
    """The manifest overrides the meeting was stored with, so reprocessing keeps them."""
    stored = stored_overrides(db, sha256)
    if stored is None:
        return {}
    if not stored["body"]:
        stored["body_name"] = None  # the name is the manifest's only when it set the body
    return {key: value for key, value in stored.items() if value}


def _store(db: Database, document: SourceDocument, outcome: Outcome) -> FileResult:
    if not outcome.ok or outcome.rows is None:
        return FileResult(document.path, "failed", outcome.error)
    store_rows(db, outcome.rows)
    return FileResult(document.path, "reprocessed")
