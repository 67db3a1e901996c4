"""What the archive holds about each source document: status, stored text, manifest overrides.

The import pipeline (:mod:`minutes.importer`) asks these questions before and
after it parses a file; the SQL that answers them lives here, beside the
schema, so the pipeline never names a table or a column.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlite_utils import Database

from minutes.models import SourceDocument

_DOCUMENT_COLUMNS = "id, name, path, format, text, page_starts, size, encoding, ocr_pages"


def document_status(db: Database, sha256: str) -> dict | None:
    """The stored status row of a document by content hash, or None if never seen."""
    rows = db.execute(
        "select id, status, extractor_version from documents where id = ?", [sha256]
    ).fetchall()
    if not rows:
        return None
    return {"id": rows[0][0], "status": rows[0][1], "extractor_version": rows[0][2]}


def stored_overrides(db: Database, sha256: str) -> dict[str, str | None] | None:
    """The body, body name and date overrides the document's meeting was stored with.

    ``body`` and ``date`` are what a manifest set (None where it set nothing);
    ``body_name`` is the stored name, whether a manifest or the text gave it.
    None when the document has no meeting.
    """
    row = db.execute(
        "select override_body, body_name, override_date from meetings where document_id = ?", [sha256]
    ).fetchone()
    if row is None:
        return None
    return {"body": row[0], "body_name": row[1], "date": row[2]}


def count_stored_documents(db: Database) -> int:
    """How many documents were read and stored without failure."""
    return db.execute("select count(*) from documents where status = 'ok'").fetchone()[0]


def stored_pages(db: Database) -> int:
    """The pages of every document stored without failure."""
    return db.execute("select coalesce(sum(pages), 0) from documents where status = 'ok'").fetchone()[0]


def stored_documents(db: Database) -> Iterator[SourceDocument]:
    """Every stored document, rebuilt from its stored text, in the order they were first stored.

    The ids are read first, so writes made while iterating never disturb the scan.
    """
    ids = [row[0] for row in db.execute("select id from documents where status = 'ok' order by rowid")]
    for sha256 in ids:
        document = load_document(db, sha256)
        if document is not None:
            yield document


def load_document(db: Database, sha256: str) -> SourceDocument | None:
    """The document stored under ``sha256`` as the readers returned it (text and page offsets)."""
    row = db.execute(f"select {_DOCUMENT_COLUMNS} from documents where id = ?", [sha256]).fetchone()
    if row is None:
        return None
    sha256, name, path, fmt, text, page_starts, size, encoding, ocr_pages = row
    return SourceDocument(
        name=name, text=text or "", sha256=sha256, path=path or name, format=fmt or "text",
        page_starts=json.loads(page_starts) if page_starts else [0], size=size or 0, encoding=encoding,
        ocr_pages={int(k): v for k, v in json.loads(ocr_pages).items()} if ocr_pages else {},
    )
