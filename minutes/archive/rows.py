"""A document and its meeting as ready-to-insert rows: prepared in the worker, stored by the writer.

:func:`meeting_rows` is pure (no database, no clock): it walks the meeting
along the fact declarations (:mod:`minutes.archive.facts`) and turns every
fact into a row, a dict keyed by column name, with the deterministic ids
(meeting id from the content hash, item ids from printed numbers, the others
from their parent's id and their place in its list) and the Swedish shadow
search columns (``*_stem``, ``*_rev``) already computed. It runs in the
pool's worker processes, so the single writer only has to execute one batched
insert per table inside the document's transaction
(:func:`minutes.archive.store.store_rows`), where the dicts become tuples in
:data:`COLUMNS` order.

Two things need the archive and are left to the writer: the integer ids of
people and bodies (handed out in order of first appearance). Their columns
(``person_id``, ``body_id``) are declared ``written_by="writer"``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from minutes.archive.bodies import body_key, canonical
from minutes.archive.facts import FACTS, MEETING, Fact, ancestors, children, key_column, table_columns
from minutes.archive.fts import search_values
from minutes.models import Meeting, SourceDocument, SourceSpan

#: Bumped by hand when extraction changes what is stored; the digest of the fact
#: declarations is added to it, so a new fact, table or column makes every stored
#: document count as out of date: the next import (or ``minutes reprocess``)
#: extracts it again into the new shape. The stored search stems are part of what
#: extraction stores: a change to ``minutes.swedish.stem`` bumps it too.
EXTRACTION_VERSION = "4"


def _declarations_digest() -> str:
    """A short, stable digest of every fact table's columns."""
    shape = {fact.table: sorted(table_columns(fact)) for fact in FACTS}
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()[:8]


EXTRACTOR_VERSION = f"{EXTRACTION_VERSION}.{_declarations_digest()}"

#: Columns of a documents row as prepared here (the writer adds updated_at/ingested_at).
DOCUMENT_COLUMNS = ("id", "name", "path", "format", "pages", "size", "encoding", "text",
                    "page_starts", "status", "error", "extractor_version", "ocr_pages", "ocr_confidence")

#: Columns inserted per fact table, in insert order: everything but what the link step writes.
COLUMNS: dict[str, tuple[str, ...]] = {
    fact.table: tuple(
        name for name in table_columns(fact)
        if name not in {c.name for c in fact.columns if c.written_by == "link"}
    )
    for fact in FACTS
}

#: Columns the single writer fills per table, once it knows the archive's ids.
WRITER_COLUMNS: dict[str, tuple[str, ...]] = {
    fact.table: tuple(c.name for c in fact.columns if c.written_by == "writer") for fact in FACTS
}

#: Tables of a meeting in insert order (parents first).
INSERT_ORDER = tuple(fact.table for fact in FACTS)

Row = dict[str, Any]


@dataclass
class DocumentRows:
    """Everything ``store_rows`` writes for one document: rows keyed by column name."""

    meeting_id: str
    document: Row  # one documents row (the writer adds updated_at/ingested_at)
    path: str  # the name this content was found under (document_paths)
    name: str
    body: tuple[str, str | None] | None  # (short, full) name of the meeting's body (archive.bodies)
    people: tuple[str, ...]  # distinct attendee names, in order of first appearance
    tables: dict[str, list[Row]]  # table → rows, for every table in INSERT_ORDER

    @property
    def sha256(self) -> str:
        return self.document["id"]

    @property
    def format(self) -> str:
        return self.document["format"]


def meeting_id_for(document: SourceDocument) -> str:
    """Meetings are keyed by their document's content hash, so re-imports are idempotent."""
    return document.sha256[:16]


def item_id_for(meeting_id: str, number: str | None, seen: set[str]) -> str:
    """Items are keyed by (meeting, printed number); a repeated number gets a suffix."""
    base = f"{meeting_id}-{number if number is not None else ''}"
    item_id, n = base, 1
    while item_id in seen:
        n += 1
        item_id = f"{base}~{n}"
    seen.add(item_id)
    return item_id


def _span(span: SourceSpan | None) -> Row:
    if span is None:
        return {"page": None, "start": None, "end": None}
    return {"page": span.page, "start": span.start, "end": span.end}


def _values(fact: Fact, obj: Any) -> Row:
    """The declared columns of one fact that the prepared rows fill, encoded for storage."""
    values = {}
    for column in fact.columns:
        if column.written_by != "rows":
            continue
        if column.derive is not None:
            values[column.name] = column.encode(column.derive(obj))
        elif column.attribute:
            values[column.name] = column.encode(getattr(obj, column.attribute))
    return values


@dataclass(frozen=True)
class _Plan:
    """What row building needs of a fact, worked out once from its declaration."""

    keys: tuple[tuple[str, str], ...]  # (column, fact name) of the ids above it
    children: tuple[Fact, ...]
    has_span: bool
    searchable: bool


_PLANS = {
    fact.name: _Plan(tuple((key_column(a), a.name) for a in ancestors(fact)), tuple(children(fact)),
                     fact.has_span, bool(fact.search_columns))
    for fact in FACTS
}


class _Walk:
    """Turns one meeting's facts into rows, parents before children."""

    def __init__(self, meeting_id: str, context: Row) -> None:
        self.meeting_id, self.context = meeting_id, context
        self.tables: dict[str, list[Row]] = {fact.table: [] for fact in FACTS}
        self.item_ids: set[str] = set()

    def children(self, fact: Fact, obj: Any, ids: dict[str, str]) -> None:
        """Rows for every fact held in lists on ``obj`` (a ``fact``), and theirs in turn."""
        for child in _PLANS[fact.name].children:
            for position, value in enumerate(getattr(obj, child.attr)):
                row_id = self._id(child, value, ids, position)
                self.tables[child.table].append(self.row(child, value, {**ids, child.name: row_id}, position))
                self.children(child, value, {**ids, child.name: row_id})

    def _id(self, fact: Fact, obj: Any, ids: dict[str, str], position: int) -> str:
        if fact.name == "item":
            return item_id_for(self.meeting_id, obj.number, self.item_ids)
        return f"{ids[fact.parent or 'meeting']}-{fact.key}{position}"

    def row(self, fact: Fact, obj: Any, ids: dict[str, str], position: int) -> Row:
        plan = _PLANS[fact.name]
        row: Row = {"id": ids[fact.name]}
        row.update((column, ids[name]) for column, name in plan.keys)
        row["position"] = position
        row.update(_values(fact, obj))
        if fact.context:
            row.update(self.context)
        if plan.has_span:
            row.update(_span(obj.span))
        if plan.searchable:
            row.update(search_values(fact.table, row))
        return row


def meeting_rows(
    document: SourceDocument, meeting: Meeting, overrides: dict | None = None
) -> DocumentRows:
    """Every row that stores ``document`` and ``meeting`` (pure: the same input gives the same rows)."""
    overrides = overrides or {}
    meeting_id = meeting_id_for(document)
    body = overrides.get("body") or meeting.body
    body_name = overrides.get("body_name") or meeting.body_name
    date = overrides.get("date") or meeting.date
    year = int(date[:4]) if date and date[:4].isdigit() else None
    names = canonical(body, body_name)
    key = body_key(*names) if names else None  # the writer may give it a longer label
    walk = _Walk(meeting_id, {"body": key, "date": date, "year": year})
    walk.tables["meetings"].append({
        "id": meeting_id, **_values(MEETING, meeting), "document_id": document.sha256,
        "body": body, "body_name": body_name, "date": date, "year": year,
        "override_body": overrides.get("body"), "override_date": overrides.get("date"),
    })
    walk.children(MEETING, meeting, {"meeting": meeting_id})
    return DocumentRows(
        meeting_id=meeting_id,
        document=dict(zip(DOCUMENT_COLUMNS, (
            document.sha256, document.name, document.path, document.format, document.pages,
            document.size, document.encoding, document.text, json.dumps(document.page_starts),
            "ok", None, EXTRACTOR_VERSION,
            json.dumps(document.ocr_pages) if document.ocr_pages else None, document.ocr_confidence,
        ), strict=True)),
        path=document.path,
        name=document.name,
        body=names,
        people=tuple(dict.fromkeys(a.name for a in meeting.attendees)),
        tables=walk.tables,
    )
