"""The archive's shape, declared as data and applied idempotently by ``ensure_db_shape``.

The tables of meetings and their facts are derived from the fact declarations
(:mod:`minutes.archive.facts`): every fact table keeps ``page``, ``start`` and
``end`` so it can point back at the place in its document's text where it was
read, and denormalised ``body``, ``date`` and ``year`` columns make Datasette
facets cheap (an indexed column instead of a join per row). The other tables
(source documents, lookups, what the link step writes) and the views are
declared here.
"""

from __future__ import annotations

from minutes.archive.facts import FACTS, ancestors, key_column, shadow_names, table_columns

#: The status codes of a stored document, with the Swedish label the pages show.
DOCUMENT_STATUSES = {
    "ok": "inläst",
    "failed": "misslyckades",
    "needs_ocr": "behöver textigenkänning (OCR)",
    "not_minutes": "inte ett protokoll",
    "refused": "avvisad (specialfil eller länk utanför mappen)",
}

#: Tables that are not facts of a meeting: source documents and their names, the
#: lookup tables the writer keeps, and what the link step writes.
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
            "status": str,  # a code of DOCUMENT_STATUSES
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
    # --- written by the link step (minutes.link), rebuilt from the meetings on every run ---
    "threads": {
        "columns": {"id": int, "label": str, "first_date": str, "last_date": str,
                    "meetings": int, "bodies": str,
                    "case_number": str},  # the case's number (normalised) when a case makes the thread
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
        # given and surname (case-folded first and last part) find the names that could be one
        # person without reading them all (incremental linking, issue 15)
        "columns": {"name": str, "person_id": int, "given": str, "surname": str},
        "pk": "name",
    },
    # Link state for incremental linking (issue 15): which meetings are linked, every
    # linked item's place, terms and index keys, and how many items use each term.
    "linked_meetings": {
        "columns": {"meeting_id": str},
        "pk": "meeting_id",
    },
    "link_items": {
        "columns": {"item_id": str, "meeting_id": str, "ord": str, "date": str, "body": str, "terms": str},
        "pk": "item_id",
    },
    "link_keys": {
        "columns": {"key": str, "item_id": str, "ord": str, "body": str},
        "pk": ("key", "item_id"),
    },
    "link_df": {
        "columns": {"term": str, "df": int},
        "pk": "term",
    },
    # Import roots (archive/roots.py): the label each imported folder's paths are stored
    # under, and a hash of its absolute path (which itself is never stored).
    "import_roots": {
        "columns": {"label": str, "root_id": str},
        "pk": "label",
    },
    # User input, never cleared: statuses set by `minutes assignments close/reopen`, keyed by
    # the stable id they were made on and anchored on what survives an edit of the source
    # file (body, meeting date, item number, task text; see archive/overrides.py). matched:
    # exact | anchored | fuzzy | unmatched, as of the last link run.
    "assignment_overrides": {
        "columns": {"stable_id": str, "status": str, "note": str, "updated_at": str,
                    "body_id": int, "body": str, "meeting_date": str, "item_number": str, "task": str,
                    "assignment_id": str, "matched": str},
        "pk": "stable_id",
    },
}

#: Declared columns that point at a table that is not a fact, by column name.
REFERENCES = {"document_id": ("documents", "id"), "body_id": ("bodies", "id"), "person_id": ("people", "id")}


def _foreign_keys(fact) -> list[tuple[str, str, str]]:
    """Each key column of a fact table points at its parent's (and the meeting's) table."""
    keys = [(key_column(a), a.table, "id") for a in ancestors(fact)]
    keys += [(c.name, *REFERENCES[c.name]) for c in fact.columns if c.name in REFERENCES]
    return keys


def _fact_indexes() -> list[tuple[str, list[str]]]:
    """Indexes on declared columns and on the context columns that facets and date order use."""
    indexes = []
    for fact in FACTS:
        indexes += [(fact.table, [c.name]) for c in fact.columns if c.index]
        if fact.context:
            indexes += [(fact.table, [name]) for name in ("body", "year", "date")]
    return indexes


#: The tables of the fact types, derived from their declarations (:mod:`minutes.archive.facts`).
FACT_TABLES: dict[str, dict] = {
    fact.table: {
        "columns": table_columns(fact),
        "pk": "id",
        "foreign_keys": _foreign_keys(fact),
    }
    for fact in FACTS
}
TABLES.update(FACT_TABLES)

#: Child tables of a meeting, deleted before a meeting is rewritten (children first).
MEETING_CHILDREN = tuple(fact.table for fact in reversed(FACTS) if fact.parent is not None)

UNIQUE_INDEXES = [
    ("bodies", ["short_name"]),
    ("people", ["name"]),
]

INDEXES = [
    *_fact_indexes(),
    ("documents", ["status"]),
    ("thread_members", ["item_id"]),
    ("person_names", ["person_id"]),
    ("person_names", ["given", "surname"]),
    ("person_names", ["surname"]),
    ("link_items", ["meeting_id"]),
    ("link_items", ["body", "date"]),
    ("link_keys", ["key", "ord"]),
    ("link_keys", ["key", "body", "ord"]),
    ("link_keys", ["item_id"]),
]

#: Full-text search: table -> indexed columns. Triggers keep them current.
#: Each searchable column is indexed three ways (issue 6, see ``archive/fts.py``):
#: as written, Snowball-stemmed (``_stem``) and as reversed stems (``_rev``) for
#: compound tails. Shadow columns are filled when rows are prepared.
FTS_CONFIG: dict[str, list[str]] = {
    fact.table: fact.search_columns + shadow_names(fact) for fact in FACTS if fact.search_columns
}

#: unicode61 without diacritic folding: å, ä and ö are letters of their own in Swedish.
FTS_TOKENIZE = "unicode61 remove_diacritics 0"

#: The text columns each searchable table derives its shadow columns from.
SEARCH_SOURCES: dict[str, list[str]] = {
    fact.table: fact.search_columns for fact in FACTS if fact.search_columns
}

#: What makes an assignment open: not reported back, not done (overdue ones are open too).
OPEN_ASSIGNMENT = "a.status in ('open', 'overdue')"

#: SQL: the party letters written in parentheses after a name ("Anna Berg (M)"), or null.
_PARTY_IN_PARENTHESES = ("case when r.by like '%(%)' then "
                         "substr(r.by, instr(r.by, '(') + 1, length(r.by) - instr(r.by, '(') - 1) end")

#: The parliamentary parties' names, for a reservation made in a party's name ("Moderaterna").
PARTY_LETTERS = {
    "socialdemokraterna": "S", "moderaterna": "M", "sverigedemokraterna": "SD", "centerpartiet": "C",
    "vänsterpartiet": "V", "kristdemokraterna": "KD", "liberalerna": "L", "miljöpartiet": "MP",
}
_PARTY_NAMED = "case lower(trim(r.by)) " + " ".join(
    f"when '{name}' then '{letter}'" for name, letter in PARTY_LETTERS.items()) + " end"

#: Views, created in this order (a view may read the ones before it).
VIEWS: dict[str, str] = {
    # The one definition of open assignments: the by-body and by-person views and the
    # Datasette query "Öppna uppdrag" read it; `minutes assignments list` uses OPEN_ASSIGNMENT.
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
    # Issue 12: how each member voted, every reservation with its party, and a case's path.
    "person_votes": """
        select b.id, coalesce(p.name, b.name) as person, b.name, b.party, b.vote, b.body, b.date, b.year,
               i.number as item_number, i.title as item_title, i.case_number, v.yes_means, v.no_means,
               p.id as person_id, b.vote_id, b.item_id, b.meeting_id
        from ballots b join votes v on v.id = b.vote_id join items i on i.id = b.item_id
        left join person_names pn on pn.name = b.name left join persons p on p.id = pn.person_id
        order by b.date desc, i.position, b.position
    """,
    "reservations_by_party": f"""
        select r.id, trim(case when instr(r.by, '(') then substr(r.by, 1, instr(r.by, '(') - 1) else r.by end)
                   as name,
               coalesce({_PARTY_IN_PARENTHESES},
                        (select a.party from attendees a where a.meeting_id = r.meeting_id and a.name = r.by
                         and a.party is not null limit 1),
                        {_PARTY_NAMED},
                        case when length(r.by) <= 4 and upper(r.by) = r.by then r.by end) as party,
               r.reason, r.body, r.date, r.year, i.number as item_number, i.title as item_title,
               i.case_number, r.item_id, r.meeting_id
        from reservations r join items i on i.id = r.item_id
        order by r.date desc, i.position, r.position
    """,
    "case_path": """
        select tm.thread_id, t.case_number, t.label, tm.position, m.date, m.body, i.number, i.title,
               (select group_concat(d.text, ' ') from decisions d
                where d.item_id = i.id and not coalesce(d.optional, 0)) as decision,
               (select 'ja ' || coalesce(v.yes, '–') || ', nej ' || coalesce(v.no, '–')
                       || ', avstår ' || coalesce(v.abstain, '–') from votes v
                where v.item_id = i.id order by v.position limit 1) as vote,
               (select count(*) from reservations r where r.item_id = i.id) as reservations,
               i.id as item_id, m.id as meeting_id
        from thread_members tm join threads t on t.id = tm.thread_id
        join items i on i.id = tm.item_id join meetings m on m.id = i.meeting_id
        order by tm.thread_id, tm.position
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
