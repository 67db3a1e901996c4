"""Tables and views of the linking step, declared as data (issue 7).

Linked tables (threads, persons) are rebuilt from the stored meetings on every
run; only ``assignment_overrides`` holds user input, so it is never cleared
and is keyed by a stable assignment id that survives re-imports.
"""

from __future__ import annotations

from sqlite_utils import Database

LINK_TABLES: dict[str, dict] = {
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
    "assignment_overrides": {
        "columns": {"stable_id": str, "status": str, "note": str, "updated_at": str},
        "pk": "stable_id",
    },
}

#: Columns the link step adds to the ``assignments`` table written by the store.
ASSIGNMENT_COLUMNS = {
    "stable_id": str,  # survives re-imports: meeting, item number and task
    "reported_item_id": str,  # the later item that reports back
    "thread_id": int,
    "status_note": str,  # the user's note from `minutes assignments close --note`
}

#: Tables rebuilt from scratch on every link run (never the overrides).
REBUILT_TABLES = ("thread_members", "threads", "person_names", "persons")

_OPEN = "a.status in ('open', 'overdue')"
_ASSIGNMENT_COLUMNS = """a.id, a.stable_id, a.status, a.due_date, a.due, a.task, a.assignees,
               a.body, m.date as meeting_date, i.number as item_number, i.title as item_title,
               a.thread_id, a.meeting_id, a.item_id"""

LINK_VIEWS: dict[str, str] = {
    "open_assignments_by_due_date": f"""
        select {_ASSIGNMENT_COLUMNS}
        from assignments a join meetings m on m.id = a.meeting_id join items i on i.id = a.item_id
        where {_OPEN}
        order by coalesce(a.due_date, '9999'), m.date""",
    "open_assignments_by_body": f"""
        select {_ASSIGNMENT_COLUMNS}
        from assignments a join meetings m on m.id = a.meeting_id join items i on i.id = a.item_id
        where {_OPEN}
        order by a.body, coalesce(a.due_date, '9999'), m.date""",
    "open_assignments_by_person": f"""
        select p.id as person_id, p.name as person, {_ASSIGNMENT_COLUMNS}
        from assignments a join json_each(a.assignees) j
        join person_names pn on pn.name = j.value join persons p on p.id = pn.person_id
        join meetings m on m.id = a.meeting_id join items i on i.id = a.item_id
        where {_OPEN}
        order by p.name, coalesce(a.due_date, '9999'), m.date""",
    "assignment_followup": f"""
        select {_ASSIGNMENT_COLUMNS}, a.reported_item_id, r.title as reported_in_title,
               rm.date as reported_on, a.status_note
        from assignments a join meetings m on m.id = a.meeting_id join items i on i.id = a.item_id
        left join items r on r.id = a.reported_item_id left join meetings rm on rm.id = r.meeting_id
        order by m.date, i.position, a.position""",
    "thread_timeline": """
        select t.id as thread_id, t.label, tm.position, m.date, m.body, m.source,
               i.number, i.title, i.kind, i.presenters, i.id as item_id, m.id as meeting_id
        from thread_members tm join threads t on t.id = tm.thread_id
        join items i on i.id = tm.item_id join meetings m on m.id = i.meeting_id
        order by t.id, tm.position""",
    "topic_counts_by_year": """
        select t.id as thread_id, t.label, m.year, count(*) as items
        from thread_members tm join threads t on t.id = tm.thread_id
        join items i on i.id = tm.item_id join meetings m on m.id = i.meeting_id
        group by t.id, m.year order by t.id, m.year""",
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
        order by 2, 4""",
    "person_summary": """
        select person_id, person,
               count(distinct meeting_id) as meetings,
               sum(activity = 'presented') as presentations,
               sum(activity = 'spoke') as speeches,
               sum(activity = 'assigned') as assignments,
               min(date) as first_seen, max(date) as last_seen
        from person_activity group by person_id order by person""",
}


def ensure_link_shape(db: Database) -> None:
    """Create the link tables, the extra assignment columns and the views; idempotent."""
    existing = set(db.table_names())
    for name, spec in LINK_TABLES.items():
        if name not in existing:
            db.create_table(name, spec["columns"], pk=spec["pk"])
    if "assignments" in existing:
        have = db["assignments"].columns_dict
        for column, kind in ASSIGNMENT_COLUMNS.items():
            if column not in have:
                db["assignments"].add_column(column, kind)
    db["thread_members"].create_index(["item_id"], if_not_exists=True)
    db["person_names"].create_index(["person_id"], if_not_exists=True)
    for name, sql in LINK_VIEWS.items():
        db.create_view(name, sql, replace=True)
