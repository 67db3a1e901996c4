"""Re-run extraction over the stored text after the rules improve, without re-parsing files.

The archive keeps each document's clean text and page offsets
(``documents.text``, ``documents.page_starts``), which is all the extractor
reads, so the PDFs need not be at hand. Each meeting is replaced in its own
transaction, in the same pool as the import, and manifest overrides stored
with the meeting are kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlite_utils import Database

from minutes.archive.store import store_rows
from minutes.ingest.bulk import FileResult, default_workers
from minutes.ingest.pool import ordered_map
from minutes.ingest.work import Outcome, crashed, extract_document, init_worker
from minutes.models import SourceDocument

_DOCUMENT_COLUMNS = "id, name, path, format, text, page_starts, size, encoding, ocr_pages"


@dataclass
class ReprocessSummary:
    """Which documents were extracted again, and which failed (their old meeting stays)."""

    reprocessed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def reprocess_archive(
    db: Database,
    *,
    workers: int | None = None,
    progress: Callable[[FileResult], None] | None = None,
) -> ReprocessSummary:
    """Extract every stored document again and replace its meeting."""
    from minutes.link import link_archive

    db.execute("PRAGMA synchronous = NORMAL")
    summary = ReprocessSummary()
    results = ordered_map(
        _extract,
        _stored_documents(db),
        workers=workers or default_workers(),
        initializer=init_worker,
        on_crash=crashed,
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
    return db.execute("select count(*) from documents where status = 'ok'").fetchone()[0]


def _extract(job: tuple[SourceDocument, dict]) -> Outcome:
    """Pool entry point (top-level so it pickles): extract and prepare rows, keeping the overrides."""
    document, overrides = job
    return extract_document(document, overrides)


def _stored_documents(db: Database) -> Iterator[tuple[SourceDocument, dict]]:
    """Stored documents one at a time with their meeting's overrides (ids first, so writes
    never disturb the scan; a document's overrides change only when it is itself stored)."""
    ids = [row[0] for row in db.execute("select id from documents where status = 'ok' order by rowid")]
    for sha256 in ids:
        row = db.execute(f"select {_DOCUMENT_COLUMNS} from documents where id = ?", [sha256]).fetchone()
        if row is not None:
            yield _document(row), _overrides(db, sha256)


def _document(row: tuple) -> SourceDocument:
    sha256, name, path, fmt, text, page_starts, size, encoding, ocr_pages = row
    return SourceDocument(
        name=name, text=text or "", sha256=sha256, path=path or name, format=fmt or "text",
        page_starts=json.loads(page_starts) if page_starts else [0], size=size or 0, encoding=encoding,
        ocr_pages={int(k): v for k, v in json.loads(ocr_pages).items()} if ocr_pages else {},
    )


def _overrides(db: Database, sha256: str) -> dict[str, str]:
    """The manifest overrides the meeting was stored with, so reprocessing keeps them."""
    row = db.execute(
        "select override_body, body_name, override_date from meetings where document_id = ?", [sha256]
    ).fetchone()
    if row is None:
        return {}
    body, body_name, date = row
    overrides = {"body": body, "body_name": body_name if body else None, "date": date}
    return {key: value for key, value in overrides.items() if value}


def _store(db: Database, document: SourceDocument, outcome: Outcome) -> FileResult:
    if not outcome.ok:
        return FileResult(document.path, "failed", outcome.error)
    store_rows(db, outcome.rows)
    return FileResult(document.path, "reprocessed")
