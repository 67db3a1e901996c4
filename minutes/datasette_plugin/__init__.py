"""Datasette plugin for the minutes archive: the whole Swedish app (issues 6, 16).

Hooks stay small; pages live in :mod:`~minutes.datasette_plugin.pages`,
:mod:`~minutes.datasette_plugin.search_page`, :mod:`~minutes.datasette_plugin.site`
and :mod:`~minutes.datasette_plugin.feeds`, their SQL in :mod:`minutes.archive`,
markup in ``templates/``, metadata in ``metadata.yml``: all package data, so an
installed wheel serves the same app as the checkout. Everything is read-only.
"""

from __future__ import annotations

import html
import re

from datasette import hookimpl
from markupsafe import Markup, escape

from minutes.archive.search import (
    MANY_HITS,
    SEARCHABLE,
    register_functions,
    search_sql,
)
from minutes.archive.web import INTERNAL_COLUMNS, SEARCHABLE_TABLES
from minutes.datasette_plugin import asgi, feeds, pages, search_page, site, table_search
from minutes.datasette_plugin.labels import sv
from minutes.datasette_plugin.metadata import metadata_for
from minutes.datasette_plugin.urls import url_for

#: Past this many hits the search pages list newest first (see minutes.archive.search).
_HUGE = f"Över {MANY_HITS:,} träffar".replace(",", "\u00a0")

#: Canned search queries: name -> (table, newest first?, Swedish title, description).
SEARCH_QUERIES = {
    "sok": (
        "items",
        False,
        "Sök i ärenden",
        f"Rubriker och text, bäst träff först. {_HUGE}: träffar i rubriken först,"
        " nyast först.",
    ),
    "sok_beslut": (
        "decisions",
        False,
        "Sök i beslut",
        f"Beslutstexter, bäst träff först. {_HUGE}: nyast först.",
    ),
    "sok_uppdrag": (
        "assignments",
        False,
        "Sök i uppdrag",
        f"Uppdrag, bäst träff först. {_HUGE}: nyast först.",
    ),
    "folj_amne": (
        "items",
        True,
        "Följ ett ämne",
        "Alla ärenden om ett ämne i datumordning, över alla organ.",
    ),
}


@hookimpl
def startup(datasette):
    """Serve an archive file under the name ``archive`` whatever the file is called.

    The metadata, canned queries and pages address the database as
    ``archive``; ``minutes serve --db other.db`` would otherwise be served as
    ``other``. Only a single archive database (one with a ``meetings`` table)
    is renamed.
    """
    _quiet_client_errors()
    if "archive" in datasette.databases:
        return
    files = [db for db in datasette.databases.values() if db.path and not db.is_memory]
    if len(files) != 1 or not _is_archive(files[0].path):
        return
    db = files[0]
    datasette.remove_database(db.name)
    datasette.add_database(db, name="archive", route="archive")


def _quiet_client_errors() -> None:
    """Stop Datasette printing a rich traceback, with every local, for each 404 (issue 16).

    Its default exception handler does so whenever ``rich`` is importable
    (spaCy's typer brings it); a missing page then cost tens of milliseconds
    and a screenful of log. Server errors are still logged with a traceback.
    """
    import datasette.handle_exception

    datasette.handle_exception.rich = None


def _is_archive(path: str) -> bool:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return bool(conn.execute("select 1 from sqlite_master where name = 'meetings'").fetchone())
    finally:
        conn.close()


@hookimpl
def prepare_connection(conn):
    """Give every connection the Swedish search functions used by the canned queries and table pages.

    And a busy timeout (issue 13): in WAL mode a reader rarely waits at all, but
    one that meets an import's checkpoint waits for it (up to 30 s, a page is
    not worth more) instead of failing at once.
    """
    from minutes.archive.busy import busy_timeout

    conn.execute(f"PRAGMA busy_timeout = {int(min(busy_timeout(), 30.0) * 1000)}")
    register_functions(conn)
    table_search.register(conn)


@hookimpl
def canned_queries(datasette, database):
    """The ranked search queries, built from the same SQL as ``minutes search``."""
    if database != "archive":
        return {}
    return {
        name: {
            "sql": search_sql(table, limit="100" if by_date else "50", by_date=by_date),
            "title": title,
            "description": description,
            "params": ["q"],
            "hide_sql": True,
        }
        for name, (table, by_date, title, description) in SEARCH_QUERIES.items()
    }


@hookimpl
def filters_from_request(request, database, table, datasette):
    """``?_sok=`` on items, decisions and assignments: Swedish search that keeps facets."""
    if not request.args.get("_sok") or table not in SEARCHABLE:
        return None
    return table_search.sok_filter(request, database, table, datasette)


@hookimpl(hookwrapper=True)
def register_facet_classes():
    """Datasette's column and array facets, capped when a ``?_sok=`` has very many hits."""
    outcome = yield
    outcome.force_result([[table_search.REPLACEMENTS.get(c, c) for c in classes]
                          for classes in outcome.get_result()])


_MARK = re.compile(r"&lt;(/?)mark&gt;")


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Highlight snippets and link ids to the archive's own pages."""
    if not isinstance(value, str) or not value:
        return None
    if column == "snippet":
        # Snippets arrive HTML-escaped with <mark>s: undo that once, escape everything,
        # then let only <mark> through. Safe whatever SQL made the value, escaped once.
        return Markup(_MARK.sub(r"<\1mark>", str(escape(html.unescape(value)))))
    link = pages.link_for(table, column, value)
    if link:
        return Markup(f'<a href="{escape(datasette.urls.path(link))}">{escape(value)}</a>')
    return None


@hookimpl
def get_metadata(datasette, key, database, table):
    """Titles, descriptions, facets and canned queries: the fact tables' declarations under the
    package's ``metadata.yml`` (:mod:`~minutes.datasette_plugin.metadata`)."""
    return metadata_for(datasette)


@hookimpl
def extra_template_vars(template, database, table, view_name, datasette):
    """``minutes_url`` and ``sv`` for every template; the columns a table page hides."""
    return {
        "minutes_url": lambda name, value=None, **params: url_for(datasette, name, value, **params),
        "sv": sv,
        "minutes_hidden": INTERNAL_COLUMNS.get(table or "", set()) if database == "archive" else set(),
    }


@hookimpl
def extra_body_script(template, database, table, view_name, datasette):
    """On searchable table pages the search box asks for Swedish search (``_sok``)."""
    if database != "archive" or table not in SEARCHABLE_TABLES or view_name != "table":
        return None
    return _SOK_SCRIPT


_SOK_SCRIPT = """(function () {
  var box = document.getElementById("_search");
  if (!box) return;
  box.name = "_sok";
  box.value = new URLSearchParams(location.search).get("_sok") || box.value;
  var label = document.querySelector('label[for="_search"]');
  if (label) label.textContent = "Sök:";
})();"""


@hookimpl
def asgi_wrapper(datasette):
    """``lang="sv"`` on every page; table search boxes run the Swedish search."""
    return lambda app: asgi.wrap(app, datasette.setting("base_url") or "/")


@hookimpl
def register_routes():
    """The app's own pages: home, search, meetings, items, documents, people, feeds."""
    return [
        (r"^/$", site.home),
        (r"^/-/sok(?:\.(?P<format>json))?$", search_page.sok),
        (r"^/-/folj(?:\.(?P<format>json))?$", search_page.folj),
        (r"^/-/uppdrag$", site.assignments),
        (r"^/-/uppdrag\.ics$", feeds.calendar),
        (r"^/-/beslut\.atom$", feeds.decisions_feed),
        (r"^/-/import$", site.import_status),
        (r"^/-/organ$", site.bodies),
        (r"^/-/organ/(?P<id>\d+)$", site.body),
        *pages.ROUTES,
    ]
