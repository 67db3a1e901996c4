"""Writing meetings into the archive: one transaction per document, deterministic ids.

A re-run writes the same rows with the same ids, so importing a folder twice
changes nothing; a document whose extraction fails part-way leaves nothing
half-written because every write for it happens inside one ``db.atomic()``.

The rows themselves are prepared by :mod:`minutes.archive.rows` (in the bulk
import's worker processes); storing them is a handful of statements per
document: upserts for the document and its path, deletes of the meeting it
replaces, one insert-or-ignore and one select for its people, and one
batched insert per table. Statements go to ``db.conn`` directly, without
sqlite-utils' per-call table introspection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from minutes.archive.bodies import LABELLED_TABLES, resolve
from minutes.archive.connect import Archive, write_transaction
from minutes.archive.fts import ensure_search, search_is_current
from minutes.archive.rows import (
    COLUMNS,
    DOCUMENT_COLUMNS,
    EXTRACTOR_VERSION,
    INSERT_ORDER,
    WRITER_COLUMNS,
    DocumentRows,
    Row,
    item_id_for,
    meeting_id_for,
    meeting_rows,
)
from minutes.archive.schema import (
    INDEXES,
    MEETING_CHILDREN,
    RETIRED_VIEWS,
    TABLES,
    UNIQUE_INDEXES,
    VIEWS,
)
from minutes.models import Meeting, SourceDocument

__all__ = [
    "EXTRACTOR_VERSION", "item_id_for", "meeting_id_for", "open_archive", "prepare_bulk_writes",
    "record_alias", "record_failure", "save_document", "store_rows",
]


def open_archive(path: str | Path) -> Database:
    """Open (creating if needed) the archive at ``path`` in WAL mode with its full shape.

    The connection waits for other processes' write locks and starts its write
    transactions with ``BEGIN IMMEDIATE`` (:mod:`minutes.archive.connect`), and
    opening an archive whose shape is current writes nothing, so any number of
    readers can open it beside a running import.
    """
    db = Archive(path)
    db.execute("PRAGMA foreign_keys = ON")
    db.enable_wal()
    ensure_db_shape(db)
    return db


def prepare_bulk_writes(db: Database) -> None:
    """Commit without an fsync per document, for imports that write thousands of them.

    WAL with ``synchronous = NORMAL`` survives a killed process intact (only a
    power cut can lose the last commits), and saves an fsync per document.
    """
    db.execute("PRAGMA synchronous = NORMAL")


def ensure_db_shape(db: Database) -> None:
    """Create missing tables, indexes, full-text indexes and views; safe to run any time.

    It first checks, reading only, whether anything is missing or out of date:
    a read-only command must never take the write lock (issue 13: recreating
    the views on every open made ``minutes search`` abort running imports).
    Only then does it take the write lock and look again under it.
    """
    if shape_is_current(db):
        return
    with write_transaction(db):
        if not shape_is_current(db):
            _apply_shape(db)


def _apply_shape(db: Database) -> None:
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
        db.table(table).create_index(columns, unique=True, if_not_exists=True)
    for table, columns in INDEXES:
        db.table(table).create_index(columns, if_not_exists=True)
    db.index_foreign_keys()
    ensure_search(db)  # issue 6: Swedish shadow columns and their FTS indexes
    for name in RETIRED_VIEWS:
        db.execute(f"drop view if exists [{name}]")
    for name, sql in VIEWS.items():
        if not _view_is_current(db, name, sql):
            db.execute(f"drop view if exists [{name}]")
            db.create_view(name, sql.strip())


def _normal_sql(sql: str | None) -> str:
    """SQL with runs of whitespace made one space, so stored and declared text compare."""
    return " ".join((sql or "").split())


def _view_is_current(db: Database, name: str, sql: str) -> bool:
    row = db.execute("select sql from sqlite_master where type = 'view' and name = ?", [name]).fetchone()
    return row is not None and _normal_sql(row[0]).endswith(" AS " + _normal_sql(sql))


def shape_is_current(db: Database) -> bool:
    """True when every declared table, column, index, full-text index and view is there as declared.

    Reads ``sqlite_master`` and table info only; never writes.
    """
    existing = set(db.table_names())
    for name, spec in TABLES.items():
        if name not in existing or not set(spec["columns"]) <= set(db[name].columns_dict):
            return False
    for indexed_table, columns in [*UNIQUE_INDEXES, *INDEXES]:
        if tuple(columns) not in {tuple(i.columns) for i in db.table(indexed_table).indexes}:
            return False
    for table_name in existing:
        table = db.table(table_name)
        indexed = {tuple(i.columns) for i in table.indexes}
        if any(tuple(fk.columns) not in indexed for fk in table.foreign_keys):
            return False
    if not search_is_current(db):
        return False
    views = set(db.view_names())
    if any(name in views for name in RETIRED_VIEWS):
        return False
    return all(_view_is_current(db, name, sql) for name, sql in VIEWS.items())


def _add_missing_columns(db: Database, table: str, columns: dict) -> None:
    have = db[table].columns_dict
    for column, kind in columns.items():
        if column not in have:
            db.table(table).add_column(column, kind)


def now() -> str:
    """The current UTC time as an ISO string, for ingested_at/updated_at columns."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def save_document(
    db: Database,
    document: SourceDocument,
    meeting: Meeting,
    *,
    overrides: dict | None = None,
) -> str:
    """Store a document and the meeting extracted from it, replacing any earlier version.

    The simple entry point: prepares the rows here (:func:`meeting_rows`) and
    stores them with :func:`store_rows`, in one transaction. The bulk import
    prepares rows in its worker processes and calls ``store_rows`` itself.
    Returns the meeting id.
    """
    return store_rows(db, meeting_rows(document, meeting, overrides))


def store_rows(db: Database, rows: DocumentRows) -> str:
    """Write one document's prepared rows, replacing any earlier version; returns the meeting id.

    Everything happens in one transaction: the document row, its path alias,
    the removal of whatever meeting this path or hash held before, and the new
    meeting with all its facts, one batched insert per table (the FTS triggers
    index the new rows as they go in).
    """
    conn = db.conn
    stamp = now()
    with write_transaction(db):
        _replace_path_predecessor(db, rows.sha256, rows.path)
        conn.execute(_UPSERT_DOCUMENT, (*_values(rows.document, DOCUMENT_COLUMNS), stamp, stamp))
        conn.execute(_UPSERT_PATH, (rows.path, rows.sha256, rows.name, stamp))
        delete_meeting(db, rows.meeting_id)
        body_id, label = resolve(conn, rows.body)  # issue 16: one identity per body
        people = _people_ids(conn, rows.people)
        ids: dict[str, Callable[[Row], object]] = {
            "body_id": lambda row: body_id, "person_id": lambda row: people[row["name"]],
        }
        for table in INSERT_ORDER:
            prepared = rows.tables[table]
            if not prepared:
                continue
            writer = {name: ids[name] for name in WRITER_COLUMNS[table]}
            if table in LABELLED_TABLES:
                writer["body"] = lambda row: label  # the body's unique label (archive.bodies)
            if writer:
                prepared = [{**row, **{name: fill(row) for name, fill in writer.items()}} for row in prepared]
            conn.executemany(_INSERT[table], [_values(row, COLUMNS[table]) for row in prepared])
    return rows.meeting_id


def _values(row: Row, columns: tuple[str, ...]) -> tuple:
    """A prepared row as the tuple ``executemany`` binds, in ``columns`` order."""
    return tuple(row[column] for column in columns)


def record_failure(
    db: Database,
    *,
    path: str,
    name: str,
    sha256: str,
    error: str,
    status: str = "failed",
) -> None:
    """Record a file that could not be imported, with the reason, in one transaction.

    When the path already holds a good document (a file that was fine and is
    now broken), the path keeps pointing at it: the archive keeps the last
    good meeting, and the failure is still listed with its own path.
    """
    with write_transaction(db):
        db.table("documents").upsert(
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
        current = db.execute(
            "select d.status from document_paths p join documents d on d.id = p.document_id"
            " where p.path = ?",
            [path],
        ).fetchone()
        if not current or current[0] != "ok":
            _write_path(db, path, sha256, name)


def record_alias(db: Database, *, path: str, sha256: str, name: str) -> None:
    """Remember another name under which already-imported content was found.

    When the path held other content before (a file changed into a copy of
    another), the meeting of its old content goes unless another path still
    holds it: no ghost meeting without a file (issue 13).
    """
    with write_transaction(db):
        _replace_path_predecessor(db, sha256, path)
        _write_path(db, path, sha256, name)


def delete_meeting(db: Database, meeting_id: str) -> None:
    """Delete one meeting and every fact that belongs to it (children first).

    The meeting also stops counting as linked, so the next incremental link (issue 15)
    takes its rewritten facts (or its absence) into account.
    """
    for table in MEETING_CHILDREN:
        db.conn.execute(f"delete from [{table}] where meeting_id = ?", [meeting_id])
    db.conn.execute("delete from meetings where id = ?", [meeting_id])
    db.conn.execute("delete from linked_meetings where meeting_id = ?", [meeting_id])


def _replace_path_predecessor(db: Database, sha256: str, path: str) -> None:
    """A changed file at a known path replaces the meeting its old content produced."""
    rows = db.conn.execute("select document_id from document_paths where path = ?", [path]).fetchall()
    if not rows or rows[0][0] == sha256:
        return
    old = rows[0][0]
    others = db.conn.execute(
        "select count(*) from document_paths where document_id = ? and path != ?", [old, path]
    ).fetchone()[0]
    if others:
        return
    delete_meeting(db, old[:16])
    db.conn.execute("delete from document_paths where path = ?", [path])
    db.conn.execute("delete from documents where id = ?", [old])


def _write_path(db: Database, path: str, sha256: str, name: str) -> None:
    db.conn.execute(_UPSERT_PATH, (path, sha256, name, now()))


def _insert_sql(table: str) -> str:
    columns = COLUMNS[table]
    names = ", ".join(f"[{c}]" for c in columns)
    return f"insert into [{table}] ({names}) values ({', '.join('?' * len(columns))})"


def _upsert_sql(table: str, columns: tuple[str, ...], key: str, keep: tuple[str, ...] = ()) -> str:
    """Insert, or update every column but ``key`` and ``keep`` of the row already there."""
    names = ", ".join(f"[{c}]" for c in columns)
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != key and c not in keep)
    return (
        f"insert into [{table}] ({names}) values ({', '.join('?' * len(columns))})"
        f" on conflict([{key}]) do update set {updates}"
    )


#: A document row in ``COLUMNS`` order plus updated_at and ingested_at; a re-import keeps ingested_at.
_UPSERT_DOCUMENT = _upsert_sql(
    "documents", (*DOCUMENT_COLUMNS, "updated_at", "ingested_at"), "id", keep=("ingested_at",)
)
_UPSERT_PATH = _upsert_sql("document_paths", ("path", "document_id", "name", "seen_at"), "path")
_INSERT = {table: _insert_sql(table) for table in INSERT_ORDER}


def _people_ids(conn, names: tuple[str, ...]) -> dict[str, int]:
    """name → id for the attendees of one document; new names get the next ids, in order."""
    if not names:
        return {}
    conn.executemany("insert or ignore into people (name) values (?)", [(name,) for name in names])
    marks = ", ".join("?" * len(names))
    return dict(conn.execute(f"select name, id from people where name in ({marks})", names).fetchall())
