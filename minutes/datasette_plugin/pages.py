"""The archive's own pages: meeting, item, source document with its facts, person.

Each handler runs a few read-only queries against the ``archive`` database and
renders one template from ``templates/``. Routes live under ``/-/`` so they
never collide with Datasette's database and table URLs.
"""

from __future__ import annotations

import json
from collections import defaultdict
from urllib.parse import quote

from datasette.utils.asgi import NotFound, Response

from minutes.archive.facts import ITEM, children
from minutes.archive.web import ballots_sql, person_reservations_sql, person_votes_sql
from minutes.datasette_plugin.labels import sv
from minutes.datasette_plugin.spans import FACT_TABLES, HIGHLIGHTS, segments
from minutes.datasette_plugin.threads import thread_list_page, thread_page

DATABASE = "archive"

#: (table, column) -> page prefix, for cells that should link to the archive's pages.
LINKS = {
    (None, "meeting_id"): "/-/mote/",
    (None, "item_id"): "/-/punkt/",
    (None, "document_id"): "/-/dokument/",
    (None, "person_id"): "/-/person/",
    (None, "thread_id"): "/-/trad/",
    ("threads", "id"): "/-/trad/",
    ("meetings", "id"): "/-/mote/",
    ("items", "id"): "/-/punkt/",
    ("documents", "id"): "/-/dokument/",
    ("people", "id"): "/-/person/",
}


def link_for(table: str | None, column: str, value) -> str | None:
    """The archive page a cell value points at, if any."""
    prefix = LINKS.get((table, column)) or LINKS.get((None, column))
    return prefix + quote(str(value), safe="") if prefix else None


async def _rows(datasette, sql: str, params: dict | list) -> list[dict]:
    result = await datasette.get_database(DATABASE).execute(sql, params)
    return [dict(r) for r in result.rows]


async def _one(datasette, sql: str, params: dict | list) -> dict:
    rows = await _rows(datasette, sql, params)
    if not rows:
        raise NotFound("Finns inte i arkivet")
    return rows[0]


def _json_list(value: str | None) -> list:
    try:
        return json.loads(value or "[]")
    except ValueError:
        return []


async def _render(datasette, request, template: str, context: dict) -> Response:
    context = {**context, "sv": sv, "listed_facts": LISTED_FACTS}
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html)


async def meeting_page(datasette, request):
    """A meeting: metadata, attendees, items with their decisions and assignments, source."""
    meeting_id = request.url_vars["id"]
    meeting = await _one(
        datasette,
        "select m.*, d.name as document_name, d.format, d.pages from meetings m "
        "left join documents d on d.id = m.document_id where m.id = ?",
        [meeting_id],
    )
    attendees = await _rows(
        datasette, "select * from attendees where meeting_id = ? order by position", [meeting_id]
    )
    items = await _items_with_facts(datasette, meeting_id=meeting_id)
    context = {"meeting": meeting, "attendees": attendees, "items": items}
    return await _render(datasette, request, "minutes_meeting.html", context)


#: The facts listed under each item, as declared (:mod:`minutes.archive.facts`); decisions
#: and assignments have markup of their own, the others are listed by their summary.
ITEM_FACTS = children(ITEM)
#: Facts with markup of their own on the item page (the rest are listed by their summary).
OWN_MARKUP = ("decisions", "assignments", "proposals", "votes", "reservations")
LISTED_FACTS = [
    {"table": f.table, "label": f.label} for f in ITEM_FACTS if f.table not in OWN_MARKUP
]


def _decoded(fact, row: dict) -> dict:
    """A fact row with its JSON list columns as lists, for the templates."""
    for column in fact.columns:
        if column.codec == "json":
            row[column.name] = _json_list(row.get(column.name))
    return row


async def _items_with_facts(datasette, *, meeting_id=None, item_id=None) -> list[dict]:
    """Items of a meeting (or one item), each with every declared fact of theirs."""
    column, fact_column, value = (
        ("meeting_id", "meeting_id", meeting_id) if item_id is None else ("id", "item_id", item_id)
    )
    items = await _rows(
        datasette,
        "select id, meeting_id, number, title, kind, text, presenters, date, body, "
        f"page, start, end from items where {column} = ? order by position",
        [value],
    )
    facts: dict[str, dict[str, list]] = defaultdict(lambda: {f.table: [] for f in ITEM_FACTS})
    for fact in ITEM_FACTS:
        summary = f", {fact.summary} as summary" if fact.summary else ""
        sql = f"select *{summary} from [{fact.table}] where {fact_column} = ? order by position"
        for row in await _rows(datasette, sql, [value]):
            facts[row["item_id"]][fact.table].append(_decoded(fact, row))
    ballots: dict[str, list[dict]] = defaultdict(list)
    for row in await _rows(datasette, *ballots_sql(fact_column, value)):
        ballots[row["vote_id"]].append(row)
    for item in items:
        for vote in facts[item["id"]]["votes"]:
            vote["ballots"] = ballots.get(vote["id"], [])
    for item in items:
        item["presenters"] = _json_list(item["presenters"])
        item.update(facts[item["id"]])
    return items


async def item_page(datasette, request):
    """One item with its text, decisions and assignments, and its meeting."""
    items = await _items_with_facts(datasette, item_id=request.url_vars["id"])
    if not items:
        raise NotFound("Ärendet finns inte i arkivet")
    item = items[0]
    meeting = await _one(datasette, "select * from meetings where id = ?", [item["meeting_id"]])
    threads = await _threads_of(datasette, item["id"])
    context = {"item": item, "meeting": meeting, "threads": threads}
    return await _render(datasette, request, "minutes_item.html", context)


async def _threads_of(datasette, item_id: str) -> list[dict]:
    """The threads an item belongs to (none before the archive has been linked)."""
    if not await datasette.get_database(DATABASE).table_exists("thread_members"):
        return []
    return await _rows(
        datasette,
        "select t.id, t.label from thread_members tm join threads t on t.id = tm.thread_id "
        "where tm.item_id = ?",
        [item_id],
    )


async def document_page(datasette, request):
    """The source text of a document with every extracted fact highlighted at its span."""
    document_id = request.url_vars["id"]
    document = await _one(
        datasette, "select id, name, format, pages, text from documents where id = ?", [document_id]
    )
    meeting = (await _rows(datasette, "select * from meetings where document_id = ?", [document_id]))
    facts = []
    if meeting:
        for table, label_sql in FACT_TABLES.items():
            facts += await _rows(
                datasette,
                f"select '{table}' as kind, id, {label_sql} as label, page, start, end "
                f"from {table} where meeting_id = ? and start is not null",
                [meeting[0]["id"]],
            )
    context = {
        "document": document,
        "meeting": meeting[0] if meeting else None,
        "segments": segments(document["text"] or "", facts),
        "highlights": HIGHLIGHTS,
        "facts": sorted(facts, key=lambda f: f["start"]),
    }
    return await _render(datasette, request, "minutes_document.html", context)


async def person_page(datasette, request):
    """A person: the meetings they attended, items they presented, assignments they got."""
    person = await _one(datasette, "select * from people where id = ?", [request.url_vars["id"]])
    name = person["name"]
    attended = await _rows(
        datasette,
        "select a.organization, a.role, a.status, m.id as meeting_id, m.body, m.date "
        "from attendees a join meetings m on m.id = a.meeting_id where a.person_id = ? "
        "order by m.date desc",
        [person["id"]],
    )
    presented = await _rows(
        datasette,
        "select i.id, i.title, i.date, i.body from items i, json_each(i.presenters) p "
        "where p.value = ? order by i.date desc",
        [name],
    )
    assigned = await _rows(
        datasette,
        "select a.id, a.task, a.status, a.due_date, a.date, a.item_id from assignments a, "
        "json_each(a.assignees) p where p.value = ? order by a.date desc",
        [name],
    )
    votes = await _rows(datasette, *person_votes_sql(name))
    reserved = await _rows(datasette, *person_reservations_sql(name))
    context = {"person": person, "attended": attended, "presented": presented, "assigned": assigned,
               "votes": votes, "reserved": reserved}
    return await _render(datasette, request, "minutes_person.html", context)


async def threads_page(datasette, request):
    """Every thread in the archive."""
    return await thread_list_page(datasette, request, rows=_rows, render=_render)


async def one_thread_page(datasette, request):
    """One thread's timeline and chart."""
    return await thread_page(datasette, request, rows=_rows, render=_render)


ROUTES = [
    (r"^/-/tradar$", threads_page),
    (r"^/-/trad/(?P<id>\d+)$", one_thread_page),
    (r"^/-/mote/(?P<id>[^/]+)$", meeting_page),
    (r"^/-/punkt/(?P<id>[^/]+)$", item_page),
    (r"^/-/dokument/(?P<id>[^/]+)$", document_page),
    (r"^/-/person/(?P<id>[^/]+)$", person_page),
]
