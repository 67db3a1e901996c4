"""One search over items, decisions and assignments: filters, paging, counts and one ranking.

The search page, its JSON API and ``minutes search`` all call :func:`find`, so
they return the same hits in the same order. Each table is searched with the
statement of :func:`minutes.archive.search.search_sql` (filters added to it),
and the tables' ordered hits are merged by the same key that orders each
one: (part, score, newer first) for the best hits, the date for date order.
bm25 scores of the three indexes are comparable enough to interleave (the
weights give each a text column of weight 1).

Counts for the filters come from one grouped scan of each table's hits, with
the query's filters applied, as Datasette's facets count within the current
selection.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from functools import lru_cache

from minutes.archive.search import check_query, fts_query, register_functions, search_sql, time_limit

#: The searchable tables in the order their hits are listed on ties.
TABLES = ("items", "decisions", "assignments")

#: What each table's hits are called in results and URLs of the API.
TYPES = {"items": "item", "decisions": "decision", "assignments": "assignment"}

ORDERS = ("best", "newest", "oldest")

#: Column holding a hit's "kind" as shown beside it: item type, decision kind, status.
KIND_COLUMN = {"items": "kind", "decisions": "kind", "assignments": "status"}


@dataclass(frozen=True)
class Query:
    """What was asked: the words, which tables, filters, order and page."""

    text: str
    tables: tuple[str, ...] = TABLES
    bodies: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    decision_kinds: tuple[str, ...] = ()
    order: str = "best"
    offset: int = 0
    limit: int = 20

    def searched(self) -> tuple[str, ...]:
        """The tables searched: a decision-kind filter leaves only decisions."""
        tables = tuple(t for t in TABLES if t in self.tables)
        return tuple(t for t in tables if t == "decisions") if self.decision_kinds else tables


@dataclass
class Found:
    """A page of hits, the number of hits in all, and counts per filter value."""

    total: int
    hits: list[dict]
    counts: dict[str, dict] = field(default_factory=dict)


def where_sql(table: str, query: Query) -> tuple[str, dict]:
    """The SQL condition (on ``table``'s columns) and parameters for the query's filters."""
    parts: list[str] = []
    params: dict[str, str | int] = {}
    if query.bodies:
        names = [f":body{n}" for n in range(len(query.bodies))]
        parts.append(f"{table}.body in ({', '.join(names)})")
        params.update({name[1:]: body for name, body in zip(names, query.bodies)})
    if query.year_from is not None:
        parts.append(f"{table}.year >= :year_from")
        params["year_from"] = query.year_from
    if query.year_to is not None:
        parts.append(f"{table}.year <= :year_to")
        params["year_to"] = query.year_to
    if query.decision_kinds and table == "decisions":
        names = [f":kind{n}" for n in range(len(query.decision_kinds))]
        parts.append(f"decisions.kind in ({', '.join(names)})")
        params.update({name[1:]: kind for name, kind in zip(names, query.decision_kinds)})
    return " and ".join(parts), params


@lru_cache(maxsize=256)
def _sql(table: str, order: str, where: str) -> str:
    return search_sql(
        table, by_date=order != "best", oldest=order == "oldest", where=where, limit=":limit"
    )


def _rows(conn: sqlite3.Connection, sql: str, params: dict) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _entry(table: str, row: dict) -> dict:
    """One hit in the shape every caller shows: what, where, when, and the snippet."""
    entry = {
        "type": TYPES[table],
        "id": row["id"],
        "item_id": row["id"] if table == "items" else row["item_id"],
        "meeting_id": row["meeting_id"],
        "source": row["source"],
        "document_id": row["document_id"],
        "number": row["number"],
        "title": row["title"] if table == "items" else row["item_title"],
        "kind": row[KIND_COLUMN[table]],
        "date": row["date"],
        "body": row["body"],
        "snippet": row["snippet"],
    }
    if table == "assignments":
        entry["due_date"] = row["due_date"]
    return entry


def _merge_key(order: str):
    """The sort key that orders each table's hits, for merging them (stable sorts)."""
    if order == "best":
        return lambda pair: (pair[1]["part"], pair[1]["score"] or 0.0)
    return lambda pair: pair[1]["score"] or 0.0


def _merged(order: str, per_table: list[tuple[str, list[dict]]]) -> list[tuple[str, dict]]:
    pairs = [(table, row) for table, rows in per_table for row in rows]
    by_date = lambda pair: pair[1]["date"] or ""  # noqa: E731 - NULL sorts first, as in SQLite
    if order == "best":
        pairs.sort(key=by_date, reverse=True)
        pairs.sort(key=_merge_key(order))
        return pairs
    pairs.sort(key=_merge_key(order))
    pairs.sort(key=by_date, reverse=order == "newest")
    return pairs


#: Seconds one search may take (Datasette's own default limit for a query is 1 s).
SEARCH_SECONDS = 2.0


def find(conn: sqlite3.Connection, query: Query, *, with_counts: bool = True, html: bool = True,
         seconds: float | None = SEARCH_SECONDS) -> Found:
    """Search the archive: one page of hits, merged across tables, with totals and counts.

    ``html`` snippets mark hits with ``<mark>`` (text escaped); otherwise with ``[…]``.
    A query over the length or term limits raises QueryTooLong; a search past
    ``seconds`` (statements and the project's SQL functions alike) SearchTimeout.
    """
    if query.order not in ORDERS:
        raise ValueError(f"unknown order {query.order!r}")
    check_query(query.text)
    if not fts_query(query.text):
        return Found(0, [], {})
    with time_limit(conn, seconds):
        return _find(conn, query, with_counts=with_counts, html=html)


def _find(conn: sqlite3.Connection, query: Query, *, with_counts: bool, html: bool) -> Found:
    register_functions(conn, plain=not html)
    wanted = query.offset + query.limit
    per_table = []
    for table in query.searched():
        where, params = where_sql(table, query)
        rows = _rows(conn, _sql(table, query.order, where), {"q": query.text, "limit": wanted, **params})
        per_table.append((table, rows))
    page = _merged(query.order, per_table)[query.offset : wanted]
    hits = [_entry(table, row) for table, row in page]
    if not with_counts:
        return Found(-1, hits, {})
    counts = count_hits(conn, query)
    total = sum(counts["type"].get(TYPES[t], 0) for t in query.searched())
    return Found(total, hits, counts)


def count_hits(conn: sqlite3.Connection, query: Query) -> dict[str, dict]:
    """Hits per type, body, year and decision kind, within the query's filters.

    Types not searched are counted too (without the decision-kind filter,
    which only decisions have), so a page can offer them.
    """
    counts: dict[str, dict] = {"type": {}, "body": {}, "year": {}, "kind": {}}
    searched = query.searched()
    for table in TABLES:
        where, params = where_sql(table, query)
        extra = ", decisions.kind" if table == "decisions" else ", null"
        join = f"join {table} on {table}.rowid = {table}_fts.rowid"
        sql = (
            f"select {table}.body, {table}.year{extra}, count(*) from {table}_fts {join}"
            f" where {table}_fts match minutes_fts(:q, '{table}')"
            + (f" and ({where})" if where else "")
            + " group by 1, 2, 3"
        )
        total = 0
        for body, year, kind, n in conn.execute(sql, {"q": query.text, **params}):
            total += n
            if table not in searched:
                continue
            _add(counts["body"], body, n)
            _add(counts["year"], year, n)
            if kind is not None:
                _add(counts["kind"], kind, n)
        counts["type"][TYPES[table]] = total
    return counts


def _add(counter: dict, key, n: int) -> None:
    counter[key] = counter.get(key, 0) + n


def archive_years(conn: sqlite3.Connection) -> list[int]:
    """Every meeting year in the archive, oldest first (for year-range choices)."""
    rows = conn.execute("select distinct year from meetings where year is not null order by year")
    return [r[0] for r in rows]


def next_page(query: Query) -> Query:
    """The same query one page further on."""
    return replace(query, offset=query.offset + query.limit)
