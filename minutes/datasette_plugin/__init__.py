"""Datasette plugin for the minutes archive: Swedish search, pages and cell links (issue 6).

Hooks stay small; queries live in :mod:`minutes.datasette_plugin.pages`, markup in
``templates/``. Everything here is read-only.
"""

from __future__ import annotations

import copy
import re

from datasette import hookimpl
from datasette.filters import FilterArguments
from markupsafe import Markup, escape

from minutes.archive.search import (
    MANY_HITS,
    SEARCHABLE,
    fts_query,
    register_functions,
    search_sql,
)
from minutes.datasette_plugin import pages
from minutes.datasette_plugin.metadata import fact_metadata

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
    if "archive" in datasette.databases:
        return
    files = [db for db in datasette.databases.values() if db.path and not db.is_memory]
    if len(files) != 1 or not _is_archive(files[0].path):
        return
    db = files[0]
    datasette.remove_database(db.name)
    datasette.add_database(db, name="archive", route="archive")


def _is_archive(path: str) -> bool:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return bool(conn.execute("select 1 from sqlite_master where name = 'meetings'").fetchone())
    finally:
        conn.close()


@hookimpl
def get_metadata(datasette, key, database, table):
    """Titles, column descriptions, facets and sort order of the fact tables, as declared."""
    return copy.deepcopy(fact_metadata())  # Datasette merges into what it is given


@hookimpl
def prepare_connection(conn):
    """Give every connection the Swedish search functions used by the canned queries."""
    register_functions(conn)


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
    query = request.args.get("_sok")
    if not query or table not in SEARCHABLE:
        return None
    expression = fts_query(query, table)
    if not expression:
        return FilterArguments(["0"], human_descriptions=[f"söker efter ”{query}”"])
    where = f"rowid in (select rowid from [{table}_fts] where [{table}_fts] match :minutes_sok)"
    return FilterArguments(
        [where], {"minutes_sok": expression}, [f"matchar ”{query}”"]
    )


_MARK = re.compile(r"&lt;(/?)mark&gt;")


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Highlight snippets and link ids to the archive's own pages."""
    if not isinstance(value, str) or not value:
        return None
    if column == "snippet":
        # Escape everything, then let only <mark> through: safe whatever SQL made it.
        return Markup(_MARK.sub(r"<\1mark>", str(escape(value))))
    link = pages.link_for(table, column, value)
    if link:
        return Markup(f'<a href="{escape(link)}">{escape(value)}</a>')
    return None


@hookimpl
def register_routes():
    """The meeting, item, document and person pages under ``/-/``."""
    return pages.ROUTES
