"""The Swedish search page, "Följ ett ämne" and their JSON API (issue 16).

One box over items, decisions and assignments; the hits come from
:func:`minutes.archive.find.find`, the very function ``minutes search`` calls,
so the page and the command line rank alike. Every choice is a URL parameter
(Swedish names), so a search can be bookmarked and shared:

``q`` words · ``typ`` arende/beslut/uppdrag (repeatable) · ``organ`` (repeatable)
· ``fran``/``till`` years · ``beslutstyp`` (repeatable) · ``ordning``
relevans/nyast/aldst · ``sida``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from datasette.utils.asgi import Response

from minutes.archive.find import TABLES, TYPES, Query, archive_years, find
from minutes.archive.search import QueryTooLong, SearchTimeout
from minutes.datasette_plugin.labels import sv
from minutes.datasette_plugin.urls import url_for

DATABASE = "archive"
PAGE_SIZE = 20

#: URL value of a type -> table, and the Swedish word shown for it.
TYPE_PARAMS = {"arende": "items", "beslut": "decisions", "uppdrag": "assignments"}
TYPE_WORDS = {"item": "Ärende", "decision": "Beslut", "assignment": "Uppdrag"}
ORDER_PARAMS = {"relevans": "best", "nyast": "newest", "aldst": "oldest"}
ORDER_WORDS = {"relevans": "Bäst träff först", "nyast": "Nyast först", "aldst": "Äldst först"}


@dataclass(frozen=True)
class Page:
    """Which page this is: the plain search or "Följ ett ämne" (oldest first by default)."""

    name: str
    title: str
    default_order: str


SEARCH = Page("sok", "Sök i protokollen", "relevans")
FOLLOW = Page("folj", "Följ ett ämne", "aldst")


def _year(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _page_number(value: str | None) -> int:
    return max(1, int(value)) if value and value.isdigit() else 1


def query_from(args, page: Page) -> tuple[Query, dict]:
    """The archive query for a request's parameters, and the parameters as understood."""
    types = [t for t in args.getlist("typ") if t in TYPE_PARAMS]
    order = args.get("ordning") if args.get("ordning") in ORDER_PARAMS else page.default_order
    number = _page_number(args.get("sida"))
    text = (args.get("q") or "").strip()
    bodies = [b for b in args.getlist("organ") if b]
    year_from, year_to = _year(args.get("fran")), _year(args.get("till"))
    kinds = [k for k in args.getlist("beslutstyp") if k]
    params = {
        "q": text,
        "typ": types,
        "organ": bodies,
        "fran": year_from,
        "till": year_to,
        "beslutstyp": kinds,
        "ordning": order,
        "sida": number,
    }
    query = Query(
        text,
        tables=tuple(TYPE_PARAMS[t] for t in types) or TABLES,
        bodies=tuple(bodies),
        year_from=year_from,
        year_to=year_to,
        decision_kinds=tuple(kinds),
        order=ORDER_PARAMS[order],
        offset=(number - 1) * PAGE_SIZE,
        limit=PAGE_SIZE,
    )
    return query, params


def _link_params(params: dict, page: Page, **changes) -> dict:
    """URL parameters for a link from this page, without defaults (short, bookmarkable URLs)."""
    out = {**params, **changes}
    if out.get("ordning") == page.default_order:
        out["ordning"] = None
    if out.get("sida") == 1:
        out["sida"] = None
    return out


def _toggle(values: list, value) -> list:
    return [v for v in values if v != value] if value in values else [*values, value]


async def _run(datasette, query: Query):
    db = datasette.get_database(DATABASE)

    def work(conn):
        return find(conn, query), archive_years(conn)

    return await db.execute_fn(work)


def _facets(datasette, page: Page, params: dict, found) -> dict:
    """Each filter's values with their counts and the link that toggles them."""
    link = lambda **c: url_for(datasette, page.name, **_link_params(params, page, sida=1, **c))  # noqa: E731
    counts = found.counts
    types = [
        {"label": TYPE_WORDS[TYPES[table]], "count": counts["type"].get(TYPES[table], 0),
         "selected": param in params["typ"], "value": param,
         "url": link(typ=_toggle(params["typ"], param))}
        for param, table in TYPE_PARAMS.items()
    ]
    bodies = [
        {"label": body, "count": n, "selected": body in params["organ"], "value": body,
         "url": link(organ=_toggle(params["organ"], body))}
        for body, n in sorted(counts["body"].items(), key=lambda kv: (-kv[1], str(kv[0])))
        if body
    ]
    kinds = [
        {"label": sv(kind), "count": n, "selected": kind in params["beslutstyp"], "value": kind,
         "url": link(beslutstyp=_toggle(params["beslutstyp"], kind))}
        for kind, n in sorted(counts["kind"].items(), key=lambda kv: -kv[1])
    ]
    years = sorted((y, n) for y, n in counts["year"].items() if y)
    return {"typ": types, "organ": bodies, "beslutstyp": kinds, "ar": years}


def _entries(datasette, hits: list[dict]) -> list[dict]:
    """Hits as the page shows them: Swedish words, links to the item and its place in the source."""
    entries = []
    for hit in hits:
        entries.append({
            **hit,
            "type_word": TYPE_WORDS[hit["type"]],
            "kind_word": sv(hit["kind"]) if hit["kind"] else None,
            "url": url_for(datasette, "punkt", hit["item_id"]) if hit["item_id"] else None,
            "source_url": (
                url_for(datasette, "dokument", hit["document_id"]) + f"#fakta-{hit['id']}"
                if hit.get("document_id") else None
            ),
            "meeting_url": url_for(datasette, "mote", hit["meeting_id"]),
        })
    return entries


async def search_view(datasette, request, page: Page):
    """The search page (HTML) or its JSON twin (``/-/sok.json``).

    A query over the length or term limits, or one past the time limit, gets
    the page back with the reason in Swedish (status 400) instead of a search.
    """
    query, params = query_from(request.args, page)
    error = None
    try:
        found, years = await _run(datasette, query) if params["q"] else (None, None)
    except (QueryTooLong, SearchTimeout) as refused:
        found, years, error = None, None, refused.swedish
    if request.url_vars.get("format") == "json":
        if error:
            return Response.json({"query": params, "error": error}, status=400)
        return Response.json(_json(datasette, page, params, query, found))
    pages = math.ceil(found.total / PAGE_SIZE) if found else 0
    link = lambda **c: url_for(datasette, page.name, **_link_params(params, page, **c))  # noqa: E731
    context = {
        "page": page,
        "params": params,
        "found": found,
        "entries": _entries(datasette, found.hits) if found else [],
        "facets": _facets(datasette, page, params, found) if found else {},
        "years": years or [],
        "orders": ORDER_WORDS,
        "pages": pages,
        "previous_url": link(sida=params["sida"] - 1) if params["sida"] > 1 else None,
        "next_url": link(sida=params["sida"] + 1) if params["sida"] < pages else None,
        "json_url": url_for(datasette, page.name + "_json", **_link_params(params, page)) if params["q"] else None,
        "first": query.offset + 1,
        "error": error,
    }
    html = await datasette.render_template("minutes_search.html", context, request=request)
    return Response.html(html, status=400 if error else 200)


def _json(datasette, page: Page, params: dict, query: Query, found) -> dict:
    if found is None:
        return {"query": params, "total": 0, "results": [], "counts": {}}
    pages = math.ceil(found.total / PAGE_SIZE)
    return {
        "query": params,
        "total": found.total,
        "page": params["sida"],
        "pages": pages,
        "results": [
            {**hit, "url": url_for(datasette, "punkt", hit["item_id"]) if hit["item_id"] else None}
            for hit in found.hits
        ],
        "counts": {k: {str(key): n for key, n in v.items()} for k, v in found.counts.items()},
        "next": url_for(datasette, page.name + "_json", **_link_params(params, page, sida=params["sida"] + 1))
        if params["sida"] < pages else None,
    }


async def sok(datasette, request):
    """``/-/sok``: search decisions, items and assignments."""
    return await search_view(datasette, request, SEARCH)


async def folj(datasette, request):
    """``/-/folj``: every hit about a topic, oldest first, across bodies."""
    return await search_view(datasette, request, FOLLOW)

