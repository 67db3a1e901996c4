"""The app's own pages beside search: home, bodies, open assignments, import status (issue 16).

Handlers run the SQL of :mod:`minutes.archive.web` on the ``archive``
database and render one template each; the words are Swedish, the stored
codes are translated by :func:`minutes.datasette_plugin.labels.sv`.
"""

from __future__ import annotations

import json
import math

from datasette.utils.asgi import NotFound, Response

from minutes.archive import web
from minutes.datasette_plugin.labels import reason_sv, sv
from minutes.datasette_plugin.urls import url_for

DATABASE = "archive"
STATUS_PAGE_SIZE = 50


async def rows(datasette, query: tuple[str, dict]) -> list[dict]:
    """Run ``(sql, params)`` from :mod:`minutes.archive.web` on the archive."""
    sql, params = query
    result = await datasette.get_database(DATABASE).execute(sql, params)
    return [dict(r) for r in result.rows]


async def render(datasette, request, template: str, context: dict, *, status: int = 200) -> Response:
    html = await datasette.render_template(template, {**context, "sv": sv}, request=request)
    return Response.html(html, status=status)


async def home(datasette, request):
    """The home page: the search box, one entry point per kind of user, the feeds."""
    if DATABASE not in datasette.databases:
        raise NotFound("Inget arkiv")
    counts = (await rows(datasette, web.counts_sql()))[0]
    context = {
        "counts": counts,
        "bodies": (await rows(datasette, web.bodies_sql()))[:12],
        "latest": await rows(datasette, web.latest_meetings_sql()),
    }
    return await render(datasette, request, "minutes_home.html", context)


async def bodies(datasette, request):
    """Every body with its full name and number of meetings."""
    found = await rows(datasette, web.bodies_sql())
    return await render(datasette, request, "minutes_bodies.html", {"bodies": found})


async def body(datasette, request):
    """One body: its names, meetings, open assignments and feeds."""
    body_id = request.url_vars["id"]
    found = await rows(datasette, web.body_sql(body_id))
    if not found:
        raise NotFound("Organet finns inte i arkivet")
    context = {
        "body": found[0],
        "meetings": await rows(datasette, web.body_meetings_sql(body_id)),
        "assignments": await _assignments(datasette, body_id=body_id),
    }
    return await render(datasette, request, "minutes_body.html", context)


async def _assignments(datasette, **filters) -> list[dict]:
    """Assignments with assignees as (name, person page or None)."""
    found = await rows(datasette, web.assignments_sql(**filters))
    names = sorted({n for a in found for n in _names(a["assignees"])})
    ids = dict((r["name"], r["id"]) for r in await rows(datasette, web.people_by_name_sql(names))) if names else {}
    for a in found:
        a["people"] = [
            (n, url_for(datasette, "person", ids[n]) if n in ids else None) for n in _names(a["assignees"])
        ]
    return found


def _names(value: str | None) -> list[str]:
    try:
        names = json.loads(value or "[]")
    except ValueError:
        return []
    return [n for n in names if isinstance(n, str)]


async def assignments(datasette, request):
    """Open assignments, earliest due date first; ``?alla=1`` adds reported and done ones."""
    include_closed = request.args.get("alla") == "1"
    found = await _assignments(datasette, include_closed=include_closed)
    context = {"assignments": found, "include_closed": include_closed}
    return await render(datasette, request, "minutes_assignments.html", context)


async def import_status(datasette, request):
    """Documents with their status, failures first with the reason in Swedish; counts per status."""
    status = request.args.get("status") or None
    number = max(1, int(request.args.get("sida", "1"))) if request.args.get("sida", "1").isdigit() else 1
    counts = await rows(datasette, web.status_counts_sql())
    total = sum(c["n"] for c in counts if status in (None, c["status"]))
    documents = await rows(
        datasette,
        web.documents_sql(status=status, limit=STATUS_PAGE_SIZE, offset=(number - 1) * STATUS_PAGE_SIZE),
    )
    for d in documents:
        d["reason"] = reason_sv(d["error"])
    pages = max(1, math.ceil(total / STATUS_PAGE_SIZE))
    link = lambda n: url_for(datasette, "import", status=status, sida=n)  # noqa: E731
    context = {
        "counts": counts,
        "status": status,
        "documents": documents,
        "page": number,
        "pages": pages,
        "previous_url": link(number - 1) if number > 1 else None,
        "next_url": link(number + 1) if number < pages else None,
    }
    return await render(datasette, request, "minutes_import.html", context)
