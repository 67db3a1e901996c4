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
        # short_name is the body's unique label: its acronym, or its full name when the
        # minutes call it by a generic noun ("Styrelsen"), plus the full name when two
        # bodies share an acronym; short is the short name as written (archive.bodies).
        "columns": {"id": int, "short_name": str, "name": str, "short": str},
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
            # Written by the link step (minutes.link.followup), null until it runs:
            "stable_id": str,  # survives re-imports: meeting, item number and task
            "reported_item_id": str,  # the later item that reports back
            "thread_id": int,
            "status_note": str,  # the user's note from `minutes assignments close --note`
        },
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id"), ("item_id", "items", "id")],
    },
    "date_mentions": {
        "columns": {"id": str, "meeting_id": str, "text": str, "value": str, **SPAN},
        "pk": "id",
        "foreign_keys": [("meeting_id", "meetings", "id")],
    },
    # --- written by the link step (minutes.link), rebuilt from the meetings on every run ---
    "threads": {
        "columns": {"id": int, "label": str, "first_date": str, "last_date": str,
                    "meetings": int, "bodies": str},
        "pk": "id",
    },
    "thread_members": {
        "columns": {"thread_id": int, "item_id": str, "position": int, "date": str},
        "pk": ("thread_id", "item_id"),
    },
    "persons": {
        "columns": {"id": int, "name": str, "variants": str},
        "pk": "id",
    },
    "person_names": {
        "columns": {"name": str, "person_id": int},
        "pk": "name",
    },
    # User input, never cleared: statuses set by `minutes assignments close/reopen`,
    # keyed by the stable assignment id that survives re-imports.
    "assignment_overrides": {
        "columns": {"stable_id": str, "status": str, "note": str, "updated_at": str},
        "pk": "stable_id",
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
    ("thread_members", ["item_id"]),
    ("person_names", ["person_id"]),
]

#: Full-text search: table -> indexed columns. Triggers keep them current.
#: Each text column is indexed three ways (issue 6, see ``archive/fts.py``):
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

#: What makes an assignment open: not reported back, not done (overdue ones are open too).
OPEN_ASSIGNMENT = "a.status in ('open', 'overdue')"

#: Views, created in this order (a view may read the ones before it).
VIEWS: dict[str, str] = {
    # The one definition of open assignments; the by-body and by-person views, the
    # Datasette query "Öppna uppdrag" and `minutes assignments list --open` read it.
    "open_assignments": f"""
        select a.id, a.stable_id, a.status, a.due_date, a.due, a.task, a.assignees, a.body,
               m.date as meeting_date, i.number as item_number, i.title as item_title,
               a.thread_id, a.meeting_id, a.item_id
        from assignments a
        join meetings m on m.id = a.meeting_id
        join items i on i.id = a.item_id
        where {OPEN_ASSIGNMENT}
        order by coalesce(a.due_date, '9999'), m.date
    """,
    "open_assignments_by_body": """
        select * from open_assignments
        order by body, coalesce(due_date, '9999'), meeting_date
    """,
    "open_assignments_by_person": """
        select p.id as person_id, p.name as person, o.*
        from open_assignments o join json_each(o.assignees) j
        join person_names pn on pn.name = j.value join persons p on p.id = pn.person_id
        order by p.name, coalesce(o.due_date, '9999'), o.meeting_date
    """,
    "assignment_followup": """
        select a.id, a.stable_id, a.status, a.due_date, a.due, a.task, a.assignees, a.body,
               m.date as meeting_date, i.number as item_number, i.title as item_title,
               a.thread_id, a.meeting_id, a.item_id,
               a.reported_item_id, r.title as reported_in_title, rm.date as reported_on, a.status_note
        from assignments a join meetings m on m.id = a.meeting_id join items i on i.id = a.item_id
        left join items r on r.id = a.reported_item_id left join meetings rm on rm.id = r.meeting_id
        order by m.date, i.position, a.position
    """,
    "decisions_by_meeting": """
        select d.id, m.body, m.date, m.year, i.number as item_number,
               i.title as item_title, d.kind, d.text, d.meeting_id, d.item_id
        from decisions d
        join meetings m on m.id = d.meeting_id
        join items i on i.id = d.item_id
        order by m.date desc, i.position, d.position
    """,
    "thread_timeline": """
        select t.id as thread_id, t.label, tm.position, m.date, m.body, m.source,
               i.number, i.title, i.kind, i.presenters, i.id as item_id, m.id as meeting_id
        from thread_members tm join threads t on t.id = tm.thread_id
        join items i on i.id = tm.item_id join meetings m on m.id = i.meeting_id
        order by t.id, tm.position
    """,
    "topic_counts_by_year": """
        select t.id as thread_id, t.label, m.year, count(*) as items
        from thread_members tm join threads t on t.id = tm.thread_id
        join items i on i.id = tm.item_id join meetings m on m.id = i.meeting_id
        group by t.id, m.year order by t.id, m.year
    """,
    "person_activity": """
        select pn.person_id, p.name as person, 'attended' as activity, m.date, m.body,
               m.id as meeting_id, null as item_id, null as title, a.status as detail
        from attendees a join person_names pn on pn.name = a.name
        join persons p on p.id = pn.person_id join meetings m on m.id = a.meeting_id
        union all
        select pn.person_id, p.name, 'presented', m.date, m.body, m.id, i.id, i.title, null
        from items i join json_each(i.presenters) j join person_names pn on pn.name = j.value
        join persons p on p.id = pn.person_id join meetings m on m.id = i.meeting_id
        union all
        select pn.person_id, p.name, 'spoke', m.date, m.body, m.id, i.id, i.title, null
        from items i join json_each(i.speakers) j join person_names pn on pn.name = j.value
        join persons p on p.id = pn.person_id join meetings m on m.id = i.meeting_id
        union all
        select pn.person_id, p.name, 'assigned', m.date, m.body, m.id, s.item_id, s.task, s.status
        from assignments s join json_each(s.assignees) j join person_names pn on pn.name = j.value
        join persons p on p.id = pn.person_id join meetings m on m.id = s.meeting_id
        order by 2, 4
    """,
    "person_summary": """
        select person_id, person,
               count(distinct meeting_id) as meetings,
               sum(activity = 'presented') as presentations,
               sum(activity = 'spoke') as speeches,
               sum(activity = 'assigned') as assignments,
               min(date) as first_seen, max(date) as last_seen
        from person_activity group by person_id order by person
    """,
}

#: Views of earlier versions that ``ensure_db_shape`` drops (``open_assignments`` replaced it).
RETIRED_VIEWS = ("open_assignments_by_due_date",)
