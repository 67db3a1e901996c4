"""``?_sok=`` on Datasette's table pages at scale: count the hits once, walk the date index, cap facets (issue 15).

Datasette runs a table page as separate statements over one ``where``: the
rows, their count, and one per facet. With the Swedish search as that
``where`` each statement used to evaluate the search and look up every hit's
row: for the commonest word at 200,000 items (100,000 hits) that was 0.6–0.9 s
a page, and under load past the 2 s SQL limit. Now, per request:

* the hits are found once, in the FTS index alone, as one JSON list of rowids
  kept in this process for the request's statements (``minutes_hits(key)``, a
  SQL function; a statement run without it, e.g. from "View and edit SQL",
  finds the hits itself), and their number decides the plan;
* up to ``MANY_HITS`` hits the ``where`` drives by rowid, as before: few rows,
  each looked up, facets exact;
* above it the ``where`` tests membership (``+rowid in …``), so SQLite walks the
  date index for the page's newest-first order and stops after one page, and
  the count scans the smallest index instead of every row;
* and above :data:`FACET_HITS` hits the facets count the newest that many
  (of every filter on the page), found once per request and shared by all
  facets, instead of every hit once per facet: with a word in half the items the counts say where the
  recent hits are, and the page says that they are capped. Search does the same
  with bm25 (:mod:`minutes.archive.search`): past ``MANY_HITS``, newest first.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from datasette.database import QueryInterrupted
from datasette.facets import ArrayFacet, ColumnFacet
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite

from minutes.archive.search import DATE_INDEXED, MANY_HITS, SEARCHABLE, QueryTooLong, check_query, fts_query

#: Above this many hits the facets count the newest this many (of every filter on the page).
#: Each facet then reads this many rows instead of every hit: at 200,000 items the
#: commonest word's four facets cost about 35 ms instead of 390 ms. Lower than
#: MANY_HITS because the facets are several statements and the page shows them all.
FACET_HITS = 5_000

#: Where the plan of a request's search is kept for its facets (the same Request object).
_ATTRIBUTE = "_minutes_hits"

#: The hit lists of the last requests (key -> JSON list of rowids), for ``minutes_hits(key)``.
#: A few requests' worth: one is needed only while its page's statements run.
_HITS: OrderedDict[str, str] = OrderedDict()
_HITS_KEPT = 8
_HITS_LOCK = threading.Lock()


def _keep(hits_json: str) -> str:
    """Keep a request's hit list for its statements; the key its ``where`` names it by."""
    key = secrets.token_hex(8)
    with _HITS_LOCK:
        _HITS[key] = hits_json
        while len(_HITS) > _HITS_KEPT:
            _HITS.popitem(last=False)
    return key


def _cached(key: str | None) -> str | None:
    """SQL ``minutes_hits(key)``: the kept hit list, or NULL (the statement then finds the hits itself)."""
    with _HITS_LOCK:
        return _HITS.get(key or "")


def register(conn: sqlite3.Connection) -> None:
    """Make ``minutes_hits(key)`` callable on a Datasette connection (not deterministic: it reads the cache)."""
    conn.create_function("minutes_hits", 1, lambda key: _cached(key))


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


@dataclass
class HitSet:
    """What one request's ``?_sok=`` found: how many hits (capped), and the facets' shared hit list."""

    table: str
    count: int  # hits in the FTS index
    newest: asyncio.Future | None = field(default=None, repr=False)  # JSON list of rowids, made once

    @property
    def many(self) -> bool:
        """So many hits that the rows are found by walking the date index."""
        return self.count > MANY_HITS

    @property
    def capped(self) -> bool:
        """So many hits that the facets count only the newest :data:`FACET_HITS`."""
        return self.count > FACET_HITS


async def sok_filter(request, database: str, table: str, datasette) -> FilterArguments | None:
    """The ``where`` for ``?_sok=`` on ``table``, planned by the number of hits (see the module)."""
    query = request.args.get("_sok")
    if not query or table not in SEARCHABLE:
        return None
    try:
        check_query(query)
    except QueryTooLong as too_long:
        return FilterArguments(["0"], human_descriptions=[too_long.swedish])  # no rows, and why
    expression = fts_query(query, table)
    if not expression:
        return FilterArguments(["0"], human_descriptions=[f"söker efter ”{query}”"])
    fts = f"[{table}_fts]"
    found = await datasette.get_database(database).execute(
        f"select count(*), json_group_array(rowid) from {fts} where {fts} match :q", {"q": expression},
    )
    count, hits_json = found.first()
    hits = HitSet(table, count)
    setattr(request, _ATTRIBUTE, hits)
    # The kept list, or (without it) the same list found again: coalesce runs its
    # second argument only when the first is NULL.
    listed = (f"(select value from json_each(coalesce(minutes_hits(:minutes_hits),"
              f" (select json_group_array(rowid) from {fts} where {fts} match :minutes_sok))))")
    description = f"matchar ”{query}”"
    if hits.many:
        # Unary + keeps SQLite from driving by the hits' rowids: it walks the date
        # index in the page's order and tests membership, one page of rows read.
        where = f"+rowid in {listed}"
    else:
        where = f"rowid in {listed}"
    if hits.capped:
        description += f" (fasetterna räknar de {_thousands(FACET_HITS)} nyaste träffarna)"
    params = {"minutes_sok": expression, "minutes_hits": _keep(hits_json)}
    return FilterArguments([where], params, [description])



def _newest_sql(sql: str, table: str) -> str:
    """Rowids of the newest :data:`FACET_HITS` rows of Datasette's ``select <columns> from [table] where …``."""
    marker = f" from {escape_sqlite(table)} "
    head, found, where = sql.partition(marker)
    if not found:
        raise ValueError(f"not a table page's SQL: {sql[:80]}")
    order = "date desc, rowid desc" if table in DATE_INDEXED else "rowid desc"
    return f"select rowid from {escape_sqlite(table)} {where} order by {order} limit {FACET_HITS}"


class _Capped:
    """Facets of a page with very many hits count the newest :data:`FACET_HITS` of them (found once)."""

    ds: object
    request: object
    database: str
    table: str | None
    sql: str
    params: dict

    async def _cap(self) -> None:
        hits: HitSet | None = getattr(self.request, _ATTRIBUTE, None)
        if hits is None or not hits.capped or hits.table != self.table or not self.table:
            return
        if hits.newest is None:  # the first facet to get here finds them; the others wait for it
            hits.newest = asyncio.get_running_loop().create_future()
            try:
                rows = await self.ds.execute(  # type: ignore[attr-defined]
                    self.database, _newest_sql(self.sql, self.table), self.params,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),  # type: ignore[attr-defined]
                )
                hits.newest.set_result(json.dumps([row[0] for row in rows.rows]))
            except Exception as error:  # noqa: BLE001 - every waiting facet must hear of it
                hits.newest.set_exception(error)
        newest = await asyncio.shield(hits.newest)
        table = escape_sqlite(self.table)
        self.sql = f"select * from {table} where rowid in (select value from json_each(:minutes_newest))"
        self.params = {**self.params, "minutes_newest": newest}

    async def facet_results(self):
        configs = self.get_configs()  # type: ignore[attr-defined]
        if not configs:
            return [], []
        try:
            await self._cap()
        except QueryInterrupted:
            return [], [c["config"].get("column") or c["config"]["simple"] for c in configs]
        return await super().facet_results()  # type: ignore[misc]


class CappedColumnFacet(_Capped, ColumnFacet):
    """Datasette's column facet, capped on very large searches."""


class CappedArrayFacet(_Capped, ArrayFacet):
    """Datasette's array facet, capped on very large searches."""


#: Datasette's facet classes and ours in their place (same ``type``, same output).
REPLACEMENTS = {ColumnFacet: CappedColumnFacet, ArrayFacet: CappedArrayFacet}
