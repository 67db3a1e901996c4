"""The archive's shape, declared as data and applied idempotently by ``ensure_db_shape``.

Every fact table keeps ``page``, ``start`` and ``end`` so it can point back at
the place in its document's text where it was read. Denormalised ``body``,
``date`` and ``year`` columns on items, decisions and assignments make
Datasette facets cheap (an indexed column instead of a join per row).
"""

from __future__ import annotations

SPAN = {"page": int, "start": int, "end": int}

TABLES: dict[str, dict] = {
    "documents": {
        "columns": {
            "id": str,  # sha256 of the file's bytes
            "name": str,
            "path": str,
            "format": str,
            "pages": int,
            "size": int,
            "encoding": str,
            "text": str,
            "page_starts": str,  # JSON list of page start offsets
            "ocr_pages": str,  # JSON {page: mean word confidence} of the pages read by OCR (issue 14)
            "ocr_confidence": float,  # mean over those pages; null when no page was OCR'd
            "status": str,  # ok | failed | needs_ocr
            "error": str,
            "extractor_version": str,
            "ingested_at": str,
            "updated_at": str,
        },
        "pk": "id",
    },
    "document_paths": {
        "columns": {"path": str, "document_id": str, "name": str, "seen_at": str},
        "pk": "path",
        "foreign_keys": [("document_id", "documents", "id")],
    },
    "bodies": {
        # short_name is the body's key: its acronym, or its full name when the minutes
        # call it by a generic noun ("Styrelsen"); see archive.rows.body_key.
        "columns": {"id": int, "short_name": str, "name": str},
        "pk": "id",
    },
    "people": {
        "columns": {"id": int, "name": str},
        "pk": "id",
    },
    "meetings": {
        "columns": {
            "id": str,
            "document_id": str,
            "source": str,
            "body_id": int,
            "body": str,
            "body_name": str,
            "date": str,
            "year": int,
            "start_time": str,
            "end_time": str,
            "location": str,
            "signatories": str,  # JSON list
            "override_body": str,
            "override_date": str,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id"), ("body_id", "bodies", "id")],
    },
    "attendees": {
        "columns": {
            "id": str,
            "meeting_id": str,
            "person_id": int,
            "position": int,
            "name": str,
            "organization": str,
            "role": str,
            "party": str,
            "status": str,
            **SPAN,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id"), ("person_id", "people", "id")],
    },
    "items": {
        "columns": {
            "id": str,
            "meeting_id": str,
            "position": int,
            "number": str,
            "title": str,
            "kind": str,
            "text": str,
            "presenters": str,  # JSON list, faceted with _facet_array
            "speakers": str,  # JSON list
            "body": str,
            "date": str,
            "year": int,
            **SPAN,
            "title_stem": str,
            "text_stem": str,
            "title_rev": str,
            "text_rev": str,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id")],
    },
    "decisions": {
        "columns": {
            "id": str,
            "meeting_id": str,
            "item_id": str,
            "position": int,
            "text": str,
            "kind": str,
            "optional": int,
            "body": str,
            "date": str,
            "year": int,
            **SPAN,
            "text_stem": str,
            "text_rev": str,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id"), ("item_id", "items", "id")],
    },
    "assignments": {
        "columns": {
            "id": str,
            "meeting_id": str,
            "item_id": str,
            "position": int,
            "task": str,
            "assignees": str,  # JSON list
            "due": str,  # as extracted: ISO date, YYYY-MM, next_meeting or null
            "due_date": str,  # resolved ISO date when known
            "status": str,  # open | reported | done | overdue
            "optional": int,
            "body": str,
            "date": str,
            "year": int,
            **SPAN,
            "task_stem": str,
            "task_rev": str,
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id"), ("item_id", "items", "id")],
    },
    "date_mentions": {
        "columns": {"id": str, "meeting_id": str, "text": str, "value": str, **SPAN},
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id")],
    },
}

#: Child tables of a meeting, deleted before a meeting is rewritten (children first).
MEETING_CHILDREN = ("date_mentions", "assignments", "decisions", "attendees", "items")

UNIQUE_INDEXES = [
    ("bodies", ["short_name"]),
    ("people", ["name"]),
]

INDEXES = [
    ("meetings", ["date"]),
    ("meetings", ["body"]),
    ("meetings", ["year"]),
    ("items", ["body"]),
    ("items", ["year"]),
    ("items", ["kind"]),
    ("items", ["date"]),
    ("decisions", ["kind"]),
    ("decisions", ["body"]),
    ("decisions", ["year"]),
    ("decisions", ["date"]),  # newest-first search ties walk this index (issue 6)
    ("assignments", ["date"]),
    ("assignments", ["status"]),
    ("assignments", ["due_date"]),
    ("assignments", ["body"]),
    ("attendees", ["organization"]),
    ("attendees", ["status"]),
    ("documents", ["status"]),
]

#: Full-text search: table -> indexed columns. Triggers keep them current.
#: Each text column is indexed three ways (issue 6, see ``archive/swedish.py``):
#: as written, Snowball-stemmed (``_stem``) and as reversed stems (``_rev``) for
#: compound tails. Shadow columns are filled by ``store`` when rows are written.
FTS_CONFIG: dict[str, list[str]] = {
    "items": ["title", "text", "title_stem", "text_stem", "title_rev", "text_rev"],
    "decisions": ["text", "text_stem", "text_rev"],
    "assignments": ["task", "task_stem", "task_rev"],
}

#: unicode61 without diacritic folding: å, ä and ö are letters of their own in Swedish.
FTS_TOKENIZE = "unicode61 remove_diacritics 0"

#: Shadow search columns per table, derived from the text columns named here.
SEARCH_SOURCES: dict[str, list[str]] = {
    "items": ["title", "text"],
    "decisions": ["text"],
    "assignments": ["task"],
}

VIEWS: dict[str, str] = {
    "open_assignments": """
        select a.id, a.due_date, a.due, a.status, a.task, a.assignees, a.body,
               m.date as meeting_date, i.number as item_number, i.title as item_title,
               a.meeting_id, a.item_id
        from assignments a
        join meetings m on m.id = a.meeting_id
        join items i on i.id = a.item_id
        where a.status in ('open', 'overdue')
        order by coalesce(a.due_date, '9999'), m.date
    """,
    "decisions_by_meeting": """
        select d.id, m.body, m.date, m.year, i.number as item_number,
               i.title as item_title, d.kind, d.text, d.meeting_id, d.item_id
        from decisions d
        join meetings m on m.id = d.meeting_id
        join items i on i.id = d.item_id
        order by m.date desc, i.position, d.position
    """,
}
