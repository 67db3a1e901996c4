"""Writing meetings into the archive: one transaction per document, deterministic ids.

A re-run writes the same rows with the same ids, so importing a folder twice
changes nothing; a document whose extraction fails part-way leaves nothing
half-written because every write for it happens inside one ``db.atomic()``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlite_utils import Database

from minutes.archive.fts import ensure_search, search_values
from minutes.archive.schema import (
    INDEXES,
    MEETING_CHILDREN,
    TABLES,
    UNIQUE_INDEXES,
    VIEWS,
)
from minutes.models import Meeting, SourceDocument, SourceSpan

EXTRACTOR_VERSION = "1"


def open_archive(path: str | Path) -> Database:
    """Open (creating if needed) the archive at ``path`` in WAL mode with its full shape."""
    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    db.enable_wal()
    ensure_db_shape(db)
    return db


def ensure_db_shape(db: Database) -> None:
    """Create missing tables, indexes, full-text indexes and views; safe to run any time."""
    existing = set(db.table_names())
    for name, spec in TABLES.items():
        if name not in existing:
            db.create_table(
                name,
                spec["columns"],
                pk=spec["pk"],
                foreign_keys=spec.get("foreign_keys"),
            )
        else:
            _add_missing_columns(db, name, spec["columns"])
    for table, columns in UNIQUE_INDEXES:
        db[table].create_index(columns, unique=True, if_not_exists=True)
    for table, columns in INDEXES:
        db[table].create_index(columns, if_not_exists=True)
    db.index_foreign_keys()
    ensure_search(db)  # issue 6: Swedish shadow columns and their FTS indexes
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)


def _add_missing_columns(db: Database, table: str, columns: dict) -> None:
    have = db[table].columns_dict
    for column, kind in columns.items():
        if column not in have:
            db[table].add_column(column, kind)


def now() -> str:
    """The current UTC time as an ISO string, for ingested_at/updated_at columns."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def meeting_id_for(document: SourceDocument) -> str:
    """Meetings are keyed by their document's content hash, so re-imports are idempotent."""
    return document.sha256[:16]


def save_document(
    db: Database,
    document: SourceDocument,
    meeting: Meeting,
    *,
    overrides: dict | None = None,
) -> str:
    """Store a document and the meeting extracted from it, replacing any earlier version.

    Everything happens in one transaction: the document row, its path alias,
    the removal of whatever meeting this path or hash held before, and the new
    meeting with all its facts. Returns the meeting id.
    """
    overrides = overrides or {}
    with db.atomic():
        _replace_path_predecessor(db, document)
        _write_document_row(db, document, status="ok", error=None)
        _write_path(db, document.path, document.sha256, document.name)
        meeting_id = meeting_id_for(document)
        delete_meeting(db, meeting_id)
        _write_meeting(db, meeting_id, document, meeting, overrides)
    return meeting_id


def record_failure(
    db: Database,
    *,
    path: str,
    name: str,
    sha256: str,
    error: str,
    status: str = "failed",
) -> None:
    """Record a file that could not be imported, with the reason, in one transaction."""
    with db.atomic():
        db["documents"].upsert(
            {
                "id": sha256,
                "name": name,
                "path": path,
                "status": status,
                "error": error,
                "updated_at": now(),
                "ingested_at": now(),
            },
            pk="id",
        )
        _write_path(db, path, sha256, name)


def record_alias(db: Database, *, path: str, sha256: str, name: str) -> None:
    """Remember another name under which already-imported content was found."""
    with db.atomic():
        _write_path(db, path, sha256, name)


def document_status(db: Database, sha256: str) -> dict | None:
    """The stored status row of a document by content hash, or None if never seen."""
    rows = db.execute(
        "select id, status, extractor_version from documents where id = ?", [sha256]
    ).fetchall()
    if not rows:
        return None
    return {"id": rows[0][0], "status": rows[0][1], "extractor_version": rows[0][2]}


def delete_meeting(db: Database, meeting_id: str) -> None:
    """Delete one meeting and every fact that belongs to it (children first)."""
    for table in MEETING_CHILDREN:
        db.execute(f"delete from [{table}] where meeting_id = ?", [meeting_id])
    db.execute("delete from meetings where id = ?", [meeting_id])


def _replace_path_predecessor(db: Database, document: SourceDocument) -> None:
    """A changed file at a known path replaces the meeting its old content produced."""
    rows = db.execute(
        "select document_id from document_paths where path = ?", [document.path]
    ).fetchall()
    if not rows or rows[0][0] == document.sha256:
        return
    old = rows[0][0]
    others = db.execute(
        "select count(*) from document_paths where document_id = ? and path != ?",
        [old, document.path],
    ).fetchone()[0]
    if others:
        return
    delete_meeting(db, old[:16])
    db.execute("delete from document_paths where path = ?", [document.path])
    db.execute("delete from documents where id = ?", [old])


def _write_document_row(db: Database, document: SourceDocument, *, status: str, error) -> None:
    existing = document_status(db, document.sha256)
    db["documents"].upsert(
        {
            "id": document.sha256,
            "name": document.name,
            "path": document.path,
            "format": document.format,
            "pages": document.pages,
            "size": document.size,
            "encoding": document.encoding,
            "text": document.text,
            "page_starts": json.dumps(document.page_starts),
            "status": status,
            "error": error,
            "extractor_version": EXTRACTOR_VERSION,
            "updated_at": now(),
            **({} if existing else {"ingested_at": now()}),
        },
        pk="id",
    )


def _write_path(db: Database, path: str, sha256: str, name: str) -> None:
    db["document_paths"].upsert(
        {"path": path, "document_id": sha256, "name": name, "seen_at": now()}, pk="path"
    )


def _span(span: SourceSpan | None) -> dict:
    if span is None:
        return {"page": None, "start": None, "end": None}
    return {"page": span.page, "start": span.start, "end": span.end}


def _write_meeting(
    db: Database, meeting_id: str, document: SourceDocument, meeting: Meeting, overrides: dict
) -> None:
    body = overrides.get("body") or meeting.body
    body_name = overrides.get("body_name") or meeting.body_name
    date = overrides.get("date") or meeting.date
    year = int(date[:4]) if date and date[:4].isdigit() else None
    body_id = _body_id(db, body, body_name)
    db["meetings"].insert(
        {
            "id": meeting_id,
            "document_id": document.sha256,
            "source": document.name,
            "body_id": body_id,
            "body": body,
            "body_name": body_name,
            "date": date,
            "year": year,
            "start_time": meeting.start_time,
            "end_time": meeting.end_time,
            "location": meeting.location,
            "signatories": json.dumps(meeting.signatories, ensure_ascii=False),
            "override_body": overrides.get("body"),
            "override_date": overrides.get("date"),
        }
    )
    context = {"meeting_id": meeting_id, "body": body, "date": date, "year": year}
    _write_attendees(db, meeting, context)
    _write_items(db, meeting, context)
    db["date_mentions"].insert_all(
        {
            "id": f"{meeting_id}-d{n}",
            "meeting_id": meeting_id,
            "text": d.text,
            "value": d.value,
            **_span(d.span),
        }
        for n, d in enumerate(meeting.dates)
    )


def _body_id(db: Database, short_name: str | None, name: str | None) -> int | None:
    if not short_name and not name:
        return None
    key = short_name or name
    body_id = db["bodies"].lookup({"short_name": key})
    if name:
        db.execute("update bodies set name = coalesce(name, ?) where id = ?", [name, body_id])
    return body_id


def _write_attendees(db: Database, meeting: Meeting, context: dict) -> None:
    meeting_id = context["meeting_id"]
    for n, a in enumerate(meeting.attendees):
        person_id = db["people"].lookup({"name": a.name})
        db["attendees"].insert(
            {
                "id": f"{meeting_id}-a{n}",
                "meeting_id": meeting_id,
                "person_id": person_id,
                "position": n,
                "name": a.name,
                "organization": a.organization,
                "role": a.role,
                "party": a.party,
                "status": a.status,
                **_span(a.span),
            }
        )


def item_id_for(meeting_id: str, number: str, seen: set[str]) -> str:
    """Items are keyed by (meeting, printed number); a repeated number gets a suffix."""
    base = f"{meeting_id}-{number}"
    item_id, n = base, 1
    while item_id in seen:
        n += 1
        item_id = f"{base}~{n}"
    seen.add(item_id)
    return item_id


def _write_items(db: Database, meeting: Meeting, context: dict) -> None:
    meeting_id = context["meeting_id"]
    seen: set[str] = set()
    for position, item in enumerate(meeting.items):
        item_id = item_id_for(meeting_id, item.number, seen)
        db["items"].insert(
            {
                "id": item_id,
                "position": position,
                "number": item.number,
                "title": item.title,
                "kind": item.kind,
                "text": item.text,
                "presenters": json.dumps(item.presenters, ensure_ascii=False),
                "speakers": json.dumps(item.speakers, ensure_ascii=False),
                **search_values("items", {"title": item.title, "text": item.text}),
                **context,
                **_span(item.span),
            }
        )
        db["decisions"].insert_all(
            {
                "id": f"{item_id}-d{n}",
                "item_id": item_id,
                "position": n,
                "text": d.text,
                "kind": d.kind,
                "optional": int(d.optional),
                **search_values("decisions", {"text": d.text}),
                **context,
                **_span(d.span),
            }
            for n, d in enumerate(item.decisions)
        )
        db["assignments"].insert_all(
            {
                "id": f"{item_id}-t{n}",
                "item_id": item_id,
                "position": n,
                "task": a.task,
                "assignees": json.dumps(a.assignees, ensure_ascii=False),
                **search_values("assignments", {"task": a.task}),
                "due": a.due,
                "due_date": a.due if a.due and a.due[:4].isdigit() else None,
                "status": "open",
                "optional": int(a.optional),
                **context,
                **_span(a.span),
            }
            for n, a in enumerate(item.assignments)
        )
