"""Bulk import: walk files, skip known content, read, extract, store; failure is data."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from minutes.archive.store import (
    EXTRACTOR_VERSION,
    document_status,
    record_alias,
    record_failure,
    save_document,
)
from minutes.errors import IngestError, NeedsOCR
from minutes.ingest import read_bytes


@dataclass
class ImportSummary:
    """What one import run did, file by file."""

    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every regular, non-hidden file under ``paths``, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(p.startswith((".", "_")) for p in rel.parts):
                    yield child
        else:
            yield path


def ingest_paths(
    db: Database,
    paths: Iterable[str | Path],
    *,
    extract: Callable | None = None,
    progress: Callable[[str, str], None] | None = None,
) -> ImportSummary:
    """Import every file under ``paths`` into ``db``; a bad file is recorded, never raised."""
    from minutes.extract import extract_meeting

    extract = extract or extract_meeting
    summary = ImportSummary()
    for path in iter_files(paths):
        outcome = ingest_file(db, path, extract=extract)
        getattr(summary, outcome[0]).append(outcome[1] if outcome[0] != "failed" else outcome[1:])
        if progress:
            progress(str(path), outcome[0])
    return summary


def ingest_file(db: Database, path: Path, *, extract: Callable) -> tuple:
    """Import one file: ``("imported"|"skipped", path)`` or ``("failed", path, reason)``."""
    try:
        data = path.read_bytes()
    except OSError as e:
        return ("failed", str(path), f"cannot read file: {e.strerror or e}")
    sha256 = hashlib.sha256(data).hexdigest()
    known = document_status(db, sha256)
    if known and known["status"] == "ok" and known["extractor_version"] == EXTRACTOR_VERSION:
        record_alias(db, path=str(path), sha256=sha256, name=path.name)
        return ("skipped", str(path))
    try:
        document = read_bytes(data, name=path.name, path=str(path))
        meeting = extract(document)
    except IngestError as e:
        status = "needs_ocr" if isinstance(e, NeedsOCR) else "failed"
        record_failure(db, path=str(path), name=path.name, sha256=sha256, error=str(e), status=status)
        return ("failed", str(path), str(e))
    save_document(db, document, meeting)
    return ("imported", str(path))
