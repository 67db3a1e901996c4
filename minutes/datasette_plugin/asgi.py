"""Two small rewrites around Datasette's own pages (issue 16).

* Every HTML page says ``<html lang="sv">``: Datasette's ``base.html`` has no
  ``lang`` and no block around the tag, so the first body chunk of an HTML
  response gets it instead of a copied base template.
* A table page's own search box (``?_search=``) runs FTS5 on exact forms and
  finds nothing for *riktlinjer*; on the searchable tables it becomes the
  Swedish ``?_sok=`` filter (:func:`minutes.datasette_plugin.filters_from_request`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

from minutes.archive.web import SEARCHABLE_TABLES

_HTML_TAG = re.compile(rb"<html(?=[\s>])(?![^>]*\blang=)", re.IGNORECASE)
_TABLE_PATH = re.compile(r"^/archive/(" + "|".join(SEARCHABLE_TABLES) + r")(\.json)?$")


def swedish_search_query(path: str, query_string: bytes) -> bytes:
    """The query string with ``_search`` renamed ``_sok`` on a searchable table's page."""
    if b"_search" not in query_string or not _TABLE_PATH.match(path):
        return query_string
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    renamed = [("_sok" if k == "_search" else k, v) for k, v in pairs]
    return urlencode(renamed, encoding="latin-1").encode("latin-1")


def wrap(app, base_url: str = "/"):
    """The ASGI app with both rewrites."""
    prefix = base_url.rstrip("/")

    async def wrapped(scope, receive, send):
        if scope.get("type") != "http":
            return await app(scope, receive, send)
        path = scope.get("path", "")
        if prefix and path.startswith(prefix):
            path = path[len(prefix):] or "/"
        query = swedish_search_query(path, scope.get("query_string", b""))
        if query != scope.get("query_string", b""):
            scope = {**scope, "query_string": query}
        state = {"html": False, "done": False}

        async def send_sv(message):
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers") or [])
                state["html"] = headers.get(b"content-type", b"").startswith(b"text/html")
                if state["html"] and b"content-length" in headers:
                    state["done"] = True  # a fixed length cannot grow; leave the page as it is
            elif message["type"] == "http.response.body" and state["html"] and not state["done"]:
                body = message.get("body", b"")
                if body:
                    state["done"] = True
                    message = {**message, "body": _HTML_TAG.sub(b'<html lang="sv"', body, count=1)}
            await send(message)

        return await app(scope, receive, send_sv)

    return wrapped
