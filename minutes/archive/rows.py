"""A document and its meeting as ready-to-insert rows: prepared in the worker, stored by the writer.

:func:`meeting_rows` is pure (no database, no clock): it turns a document and
the meeting extracted from it into tuples in the column order of
:data:`COLUMNS`, with the deterministic ids (meeting id from the content
hash, item ids from printed numbers) and the Swedish shadow search columns
(``*_stem``, ``*_rev``) already computed. It runs in the pool's worker
processes, so the single writer only has to execute one batched insert per
table inside the document's transaction (:func:`minutes.archive.store.store_rows`).

Two things need the archive and are left to the writer: the integer ids of
people and bodies (handed out in order of first appearance, as before). Each
attendee row is stored with its ``person_id`` appended by the writer, each
meeting row with its ``body_id``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from minutes.archive.bodies import body_key, canonical
from minutes.archive.fts import search_values
from minutes.models import Meeting, SourceDocument, SourceSpan

#: Bumped when extraction changes what is stored: unchanged files are re-extracted.
EXTRACTOR_VERSION = "1"

_SPAN = ("page", "start", "end")


def _shadow_names(table: str) -> tuple[str, ...]:
    """The shadow search columns of ``table`` in the order ``search_values`` gives them."""
    return tuple(search_values(table, {}))


#: Column order of each prepared row. ``meetings`` rows get ``body_id`` and
#: ``attendees`` rows ``person_id`` appended by the writer (see ``WRITER_COLUMNS``).
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "name", "path", "format", "pages", "size", "encoding", "text",
                  "page_starts", "status", "error", "extractor_version", "ocr_pages", "ocr_confidence"),
    "meetings": ("id", "document_id", "source", "body", "body_name", "date", "year", "start_time",
                 "end_time", "location", "signatories", "override_body", "override_date"),
    "attendees": ("id", "meeting_id", "position", "name", "organization", "role", "party",
                  "status", *_SPAN),
    "items": ("id", "meeting_id", "position", "number", "title", "kind", "text", "presenters",
              "speakers", "body", "date", "year", *_SPAN, *_shadow_names("items")),
    "decisions": ("id", "meeting_id", "item_id", "position", "text", "kind", "optional", "body",
                  "date", "year", *_SPAN, *_shadow_names("decisions")),
    "assignments": ("id", "meeting_id", "item_id", "position", "task", "assignees", "due",
                    "due_date", "status", "optional", "body", "date", "year", *_SPAN,
                    *_shadow_names("assignments")),
    "date_mentions": ("id", "meeting_id", "text", "value", *_SPAN),
}

#: Columns the writer appends to a prepared row once it knows the archive's ids.
WRITER_COLUMNS: dict[str, tuple[str, ...]] = {"meetings": ("body_id",), "attendees": ("person_id",)}

#: Tables of a meeting in insert order (parents first).
INSERT_ORDER = ("meetings", "attendees", "items", "decisions", "assignments", "date_mentions")


@dataclass
class DocumentRows:
    """Everything ``store_rows`` writes for one document, in ``COLUMNS`` order."""

    meeting_id: str
    document: tuple  # one documents row (the writer adds updated_at/ingested_at)
    path: str  # the name this content was found under (document_paths)
    name: str
    body: tuple[str, str | None] | None  # (short, full) name of the meeting's body (archive.bodies)
    people: tuple[str, ...]  # distinct attendee names, in order of first appearance
    tables: dict[str, list[tuple]]  # table → rows, for every table in INSERT_ORDER

    @property
    def sha256(self) -> str:
        return self.document[0]

    @property
    def format(self) -> str:
        return self.document[3]


def meeting_id_for(document: SourceDocument) -> str:
    """Meetings are keyed by their document's content hash, so re-imports are idempotent."""
    return document.sha256[:16]


def item_id_for(meeting_id: str, number: str, seen: set[str]) -> str:
    """Items are keyed by (meeting, printed number); a repeated number gets a suffix."""
    base = f"{meeting_id}-{number}"
    item_id, n = base, 1
    while item_id in seen:
        n += 1
        item_id = f"{base}~{n}"
    seen.add(item_id)
    return item_id


def _span(span: SourceSpan | None) -> tuple:
    if span is None:
        return (None, None, None)
    return (span.page, span.start, span.end)


def _json(values: list) -> str:
    return json.dumps(values, ensure_ascii=False)


def _shadow(table: str, values: dict) -> tuple:
    """The shadow search columns of a row, in ``COLUMNS`` order (``<col>_stem``, ``<col>_rev``)."""
    return tuple(search_values(table, values).values())


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
    context = (key, date, year)
    tables: dict[str, list[tuple]] = {
        "meetings": [(
            meeting_id, document.sha256, document.name, body, body_name, date, year,
            meeting.start_time, meeting.end_time, meeting.location, _json(meeting.signatories),
            overrides.get("body"), overrides.get("date"),
        )],
        "attendees": [
            (f"{meeting_id}-a{n}", meeting_id, n, a.name, a.organization, a.role, a.party, a.status,
             *_span(a.span))
            for n, a in enumerate(meeting.attendees)
        ],
        "items": [], "decisions": [], "assignments": [],
        "date_mentions": [
            (f"{meeting_id}-d{n}", meeting_id, d.text, d.value, *_span(d.span))
            for n, d in enumerate(meeting.dates)
        ],
    }
    seen: set[str] = set()
    for position, item in enumerate(meeting.items):
        item_id = item_id_for(meeting_id, item.number, seen)
        tables["items"].append((
            item_id, meeting_id, position, item.number, item.title, item.kind, item.text,
            _json(item.presenters), _json(item.speakers), *context, *_span(item.span),
            *_shadow("items", {"title": item.title, "text": item.text}),
        ))
        tables["decisions"].extend(
            (f"{item_id}-d{n}", meeting_id, item_id, n, d.text, d.kind, int(d.optional), *context,
             *_span(d.span), *_shadow("decisions", {"text": d.text}))
            for n, d in enumerate(item.decisions)
        )
        tables["assignments"].extend(
            (f"{item_id}-t{n}", meeting_id, item_id, n, a.task, _json(a.assignees), a.due,
             a.due if a.due and a.due[:4].isdigit() else None, "open", int(a.optional), *context,
             *_span(a.span), *_shadow("assignments", {"task": a.task}))
            for n, a in enumerate(item.assignments)
        )
    return DocumentRows(
        meeting_id=meeting_id,
        document=(
            document.sha256, document.name, document.path, document.format, document.pages,
            document.size, document.encoding, document.text, json.dumps(document.page_starts),
            "ok", None, EXTRACTOR_VERSION,
            json.dumps(document.ocr_pages) if document.ocr_pages else None, document.ocr_confidence,
        ),
        path=document.path,
        name=document.name,
        body=names,
        people=tuple(dict.fromkeys(a.name for a in meeting.attendees)),
        tables=tables,
    )
