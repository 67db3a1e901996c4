"""The SQL behind the web app's own pages: home, assignments, feeds, import status.

The plugin (:mod:`minutes.datasette_plugin`) runs these through Datasette's
read-only connections; only this package knows table and column names. Each
function returns ``(sql, params)``. Tables made by ``minutes link`` may be
missing on an archive that was never linked, so nothing here needs them.
"""

from __future__ import annotations

from minutes.archive.facts import FACTS, shadow_names

#: Columns no reader needs on a table page: search shadow columns, whole texts, offsets.
INTERNAL_COLUMNS: dict[str, set[str]] = {
    **{fact.table: set(shadow_names(fact)) for fact in FACTS if fact.search_columns},
    "documents": {"text", "page_starts"},
}

#: Tables whose table page gets the Swedish search box: every fact with searchable text.
SEARCHABLE_TABLES = tuple(fact.table for fact in FACTS if fact.search_columns)

#: Assignment statuses that still ask something of someone.
OPEN_STATUSES = ("open", "overdue")


def counts_sql() -> tuple[str, dict]:
    """How much the archive holds: meetings, items, decisions, open assignments, documents."""
    return (
        "select (select count(*) from meetings) as meetings,"
        " (select count(*) from items) as items,"
        " (select count(*) from decisions) as decisions,"
        " (select count(*) from assignments where status in ('open', 'overdue')) as open_assignments,"
        " (select count(*) from documents) as documents,"
        " (select count(*) from documents where status != 'ok') as failed,"
        " (select min(date) from meetings) as first_date, (select max(date) from meetings) as last_date",
        {},
    )


def bodies_sql() -> tuple[str, dict]:
    """Every body with its canonical names and how many meetings it held, busiest first."""
    return (
        "select b.id, b.short_name as label, b.name, count(m.id) as meetings,"
        " min(m.date) as first_date, max(m.date) as last_date"
        " from bodies b left join meetings m on m.body_id = b.id"
        " group by b.id order by meetings desc, b.short_name",
        {},
    )


def body_sql(body_id: int | str) -> tuple[str, dict]:
    """One body by id."""
    return "select id, short_name as label, name from bodies where id = :id", {"id": body_id}


def body_meetings_sql(body_id: int | str) -> tuple[str, dict]:
    """A body's meetings, newest first."""
    return (
        "select id, date, source, location from meetings where body_id = :id order by date desc",
        {"id": body_id},
    )


def assignments_sql(
    *,
    body_id: int | str | None = None,
    person: str | None = None,
    include_closed: bool = False,
    due_only: bool = False,
    limit: int = 500,
) -> tuple[str, dict]:
    """Assignments with their item, meeting and body, earliest due date first.

    ``person`` is a name as written among the assignees; ``include_closed``
    adds reported and done ones; ``due_only`` keeps those with a full due date
    (for the calendar).
    """
    where: list[str] = []
    params: dict[str, int | str] = {"limit": limit}
    if not include_closed:
        where.append("a.status in ('open', 'overdue')")
    if body_id is not None:
        where.append("m.body_id = :body_id")
        params["body_id"] = body_id
    if person:
        where.append("exists (select 1 from json_each(a.assignees) j where j.value = :person)")
        params["person"] = person
    if due_only:
        where.append("length(a.due_date) = 10")
    sql = (
        "select a.id, a.task, a.assignees, a.due, a.due_date, a.status, a.date as meeting_date,"
        " a.item_id, a.meeting_id, i.number as item_number, i.title as item_title,"
        " b.id as body_id, coalesce(b.short_name, a.body) as body, b.name as body_name"
        " from assignments a join meetings m on m.id = a.meeting_id"
        " left join items i on i.id = a.item_id left join bodies b on b.id = m.body_id"
        + (" where " + " and ".join(where) if where else "")
        + " order by coalesce(a.due_date, '9999'), a.date, a.id limit :limit"
    )
    return sql, params


def people_by_name_sql(names: list[str]) -> tuple[str, dict]:
    """People ids for names as written (assignees become links to their pages)."""
    marks = ", ".join(f":n{i}" for i in range(len(names)))
    return (
        f"select name, id from people where name in ({marks})",
        {f"n{i}": name for i, name in enumerate(names)},
    )


def person_sql(person_id: int | str) -> tuple[str, dict]:
    """One person by id."""
    return "select id, name from people where id = :id", {"id": person_id}


def recent_decisions_sql(*, body_id: int | str | None = None, limit: int = 100) -> tuple[str, dict]:
    """The newest decisions with their item and body (for the Atom feed)."""
    where = ""
    params: dict[str, int | str] = {"limit": limit}
    if body_id is not None:
        where = " where m.body_id = :body_id"
        params["body_id"] = body_id
    return (
        "select d.id, d.text, d.kind, d.date, d.item_id, d.meeting_id, i.title as item_title,"
        " i.number as item_number, coalesce(b.short_name, d.body) as body, b.name as body_name"
        " from decisions d join meetings m on m.id = d.meeting_id"
        " left join items i on i.id = d.item_id left join bodies b on b.id = m.body_id"
        f"{where} order by d.date desc, d.id limit :limit",
        params,
    )


def status_counts_sql() -> tuple[str, dict]:
    """Documents per import status."""
    return "select status, count(*) as n from documents group by status order by n desc", {}


def documents_sql(*, status: str | None = None, limit: int = 50, offset: int = 0) -> tuple[str, dict]:
    """Imported documents with their status and reason, failures first, then newest import."""
    where = " where d.status = :status" if status else ""
    return (
        "select d.id, d.name, d.path, d.format, d.pages, d.status, d.error, d.updated_at,"
        " m.id as meeting_id, m.body, m.date"
        " from documents d left join meetings m on m.document_id = d.id"
        f"{where} order by d.status = 'ok', d.updated_at desc, d.name limit :limit offset :offset",
        {"status": status, "limit": limit, "offset": offset},
    )


def latest_meetings_sql(limit: int = 8) -> tuple[str, dict]:
    """The most recent meetings, for the home page."""
    return (
        "select m.id, m.date, coalesce(b.short_name, m.body) as body, b.name as body_name,"
        " (select count(*) from items i where i.meeting_id = m.id) as items"
        " from meetings m left join bodies b on b.id = m.body_id"
        " order by m.date desc limit :limit",
        {"limit": limit},
    )


# --- issue 12: votes, reservations and a case's path ---------------------------------------------

#: Every written form of one person's name (the link step's merged variants, or the name itself).
_NAMES_OF = """select :name as name union select o.name from person_names pn
               join person_names o on o.person_id = pn.person_id where pn.name = :name"""


def person_votes_sql(name: str) -> tuple[str, dict]:
    """How a person voted in named votes, newest first, through every variant of their name."""
    return f"select * from person_votes where name in ({_NAMES_OF}) order by date desc", {"name": name}


def person_reservations_sql(name: str) -> tuple[str, dict]:
    """The reservations a person made, newest first."""
    return f"select * from reservations_by_party where name in ({_NAMES_OF}) order by date desc", {"name": name}


def ballots_sql(column: str, value: str) -> tuple[str, list]:
    """The named vote lists of a meeting (``column`` "meeting_id") or an item ("item_id")."""
    if column not in ("meeting_id", "item_id"):
        raise ValueError(column)
    return f"select * from ballots where {column} = ? order by position", [value]


def case_path_sql(thread_id) -> tuple[str, list]:
    """A case's path through the bodies: each stage's date, body, paragraph, decision and vote."""
    return "select * from case_path where thread_id = ? order by position", [thread_id]
