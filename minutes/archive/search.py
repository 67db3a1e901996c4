"""Swedish search over items, decisions and assignments, shared by the CLI and Datasette.

A user's query is parsed into terms (plain words, ``"phrases"``, ``prefix*``)
and turned into an FTS5 expression over the original and shadow columns
(see :mod:`minutes.archive.swedish`). The expression is built in Python and
only ever contains quoted tokens, so no input can raise an FTS5 syntax error.
Both are exposed as SQL functions (``minutes_fts``, ``minutes_snippet``) so
Datasette's canned queries run the very same SQL as ``minutes search``.
"""

from __future__ import annotations

import html
import re
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from minutes.archive.swedish import (
    MIN_AFFIX_STEM,
    MIN_COMPOUND,
    WORD,
    normalise,
    stem,
)

#: Searchable text columns per table; FTS indexes each plus ``_stem`` and ``_rev``.
SEARCHABLE: dict[str, list[str]] = {
    "items": ["title", "text"],
    "decisions": ["text"],
    "assignments": ["task"],
}

#: Shortest prefix a user may ask for; shorter ones would expand to most of the index.
MIN_PREFIX = 3

#: bm25 weights per FTS column, in FTS_CONFIG order: originals, then stems, then reversed.
#: A title hit outweighs any body hit; an exact form also matches its stem, so it
#: scores above an inflected form found only through the stem.
WEIGHTS = {
    "items": (10.0, 1.0, 5.0, 0.5, 3.0, 0.3),
    "decisions": (1.0, 0.5, 0.3),
    "assignments": (1.0, 0.5, 0.3),
}


def fts_columns(table: str) -> list[str]:
    """The FTS5 columns of ``table``: originals, their stems, their reversed stems."""
    columns = SEARCHABLE[table]
    return columns + [f"{c}_stem" for c in columns] + [f"{c}_rev" for c in columns]


@dataclass(frozen=True)
class Term:
    """One unit of a query: ``kind`` is "word", "phrase" or "prefix"; words are normalised."""

    kind: str
    words: tuple[str, ...]


_QUERY = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<chunk>[^\s"]+)')


def parse(query: str | None) -> list[Term]:
    """Split what a user typed into terms; anything that is not a word is ignored.

    A hyphenated chunk such as *Covid-19* is a phrase; a trailing ``*`` makes a
    prefix (if at least :data:`MIN_PREFIX` letters long, else a plain word).
    """
    terms = []
    for match in _QUERY.finditer(normalise(query or "")):
        text = match.group("phrase") if match.group("chunk") is None else match.group("chunk")
        found = tuple(WORD.findall(text))
        if len(found) > 1:
            terms.append(Term("phrase", found))
        elif found:
            is_prefix = bool(match.group("chunk")) and text.endswith("*")
            kind = "prefix" if is_prefix and len(found[0]) >= MIN_PREFIX else "word"
            terms.append(Term(kind, found))
    return terms


def _in(columns: list[str], phrase: str, *, prefix: bool = False) -> str:
    return "{" + " ".join(columns) + '}: "' + phrase + '"' + ("*" if prefix else "")


def term_expression(term: Term, columns: list[str]) -> str:
    """The FTS5 expression for one term over ``columns`` and their shadow columns."""
    stems = [f"{c}_stem" for c in columns]
    if term.kind == "prefix":
        return _in(columns + stems, term.words[0], prefix=True)
    if term.kind == "phrase":
        stemmed = " ".join(stem(w) for w in term.words)
        return f"({_in(columns, ' '.join(term.words))} OR {_in(stems, stemmed)})"
    word = term.words[0]
    root = stem(word)
    parts = [_in(columns, word)]
    if len(root) >= MIN_AFFIX_STEM:
        parts.append(_in(stems, root, prefix=True))  # inflections and compound heads
        parts.append(_in([f"{c}_rev" for c in columns], root[::-1], prefix=True))  # tails
    else:
        parts.append(_in(stems, root))
    return "(" + " OR ".join(parts) + ")"


def fts_query(query: str | None, table: str = "items") -> str:
    """A safe FTS5 MATCH expression for ``query`` on ``table``; "" when nothing to search."""
    columns = SEARCHABLE[table]
    return " AND ".join(term_expression(t, columns) for t in parse(query))


def word_matches(word: str, term: Term) -> bool:
    """Whether one normalised word of a text is a hit for ``term`` (mirrors the FTS rules)."""
    root = stem(word)
    if term.kind == "prefix":
        return word.startswith(term.words[0]) or root.startswith(term.words[0])
    if term.kind == "phrase":
        return word in term.words or root in {stem(w) for w in term.words}
    wanted = stem(term.words[0])
    if word == term.words[0] or root == wanted:
        return True
    if len(wanted) < MIN_AFFIX_STEM:
        return False
    return root.startswith(wanted) or (len(root) >= MIN_COMPOUND and root.endswith(wanted))


def snippet(
    text: str | None,
    query: str | None,
    *,
    width: int = 24,
    mark: tuple[str, str] = ("[", "]"),
    escape=lambda s: s,
) -> str:
    """About ``width`` words of ``text`` around the first hit, each hit wrapped in ``mark``."""
    if not text:
        return ""
    terms = parse(query)
    tokens = list(WORD.finditer(text))
    hits = {
        i for i, t in enumerate(tokens) if any(word_matches(normalise(t.group()), x) for x in terms)
    }
    first = min(hits, default=0)
    start = max(0, first - width // 4)
    end = min(len(tokens), start + width)
    if not tokens:
        return escape(" ".join(text.split()))
    pieces, cursor = [], tokens[start].start()
    for i in range(start, end):
        token = tokens[i]
        pieces.append(escape(text[cursor : token.start()]))
        word = escape(token.group())
        pieces.append(f"{mark[0]}{word}{mark[1]}" if i in hits else word)
        cursor = token.end()
    out = " ".join("".join(pieces).split())
    return ("… " if start > 0 else "") + out + (" …" if end < len(tokens) else "")


def html_snippet(text: str | None, query: str | None) -> str:
    """A snippet safe to embed in HTML: text escaped, hits in ``<mark>``."""
    return snippet(text, query, mark=("<mark>", "</mark>"), escape=html.escape)


def register_functions(conn: sqlite3.Connection, *, plain: bool = False) -> None:
    """Make ``minutes_fts(query, table)`` and ``minutes_snippet(text, query)`` callable in SQL.

    Datasette gets HTML snippets (``<mark>``); ``plain`` gives the CLI ``[hit]`` text.
    """
    conn.create_function("minutes_fts", 2, _sql_fts_query, deterministic=True)
    conn.create_function("minutes_snippet", 2, snippet if plain else html_snippet, deterministic=True)


def _sql_fts_query(query: str | None, table: str | None) -> str:
    # An empty MATCH is an FTS5 error; a quoted empty phrase matches nothing, quietly.
    return fts_query(query, table if table in SEARCHABLE else "items") or '""'


_SELECT = {
    "items": """items.id, meetings.source, items.number, items.title, items.kind,
       items.date, items.body, items.meeting_id,
       minutes_snippet(coalesce(items.text, items.title), :q) as snippet, hits.score""",
    "decisions": """decisions.id, meetings.source, items.number, items.title as item_title,
       decisions.kind, decisions.date, decisions.body, decisions.meeting_id, decisions.item_id,
       minutes_snippet(decisions.text, :q) as snippet, hits.score""",
    "assignments": """assignments.id, meetings.source, items.number, items.title as item_title,
       assignments.status, assignments.due_date, assignments.date, assignments.body,
       assignments.meeting_id, assignments.item_id,
       minutes_snippet(assignments.task, :q) as snippet, hits.score""",
}


def search_sql(table: str = "items", *, limit: str = ":limit", by_date: bool = False) -> str:
    """The ranked search SQL for ``table``: best first, or newest first with ``by_date``.

    Ranking happens in a CTE over rowids only, so snippets (Python calls) are
    computed for the returned page, not for every hit.
    """
    weights = ", ".join(str(w) for w in WEIGHTS[table])
    order = "{t}.date desc, {s}" if by_date else "{s}, {t}.date desc"
    join = f"join meetings on meetings.id = {table}.meeting_id"
    if table != "items":
        join += f"\nleft join items on items.id = {table}.item_id"
    return f"""
with hits as (
  select {table}.rowid as rowid, bm25({table}_fts, {weights}) as score
  from {table}_fts join {table} on {table}.rowid = {table}_fts.rowid
  where {table}_fts match minutes_fts(:q, '{table}')
  order by {order.format(t=table, s="score")}
  limit {limit}
)
select {_SELECT[table]}
from hits join {table} on {table}.rowid = hits.rowid
{join}
order by {order.format(t=table, s="hits.score")}
"""


#: Items, best first: title above body, exact form above inflection, newest on ties.
ITEM_SEARCH_SQL = search_sql("items")


def search_items(db: Database, query: str, *, limit: int = 20) -> list[dict]:
    """Items matching ``query``, best first, each with source, number, title, date, body, snippet."""
    if not fts_query(query):
        return []
    register_functions(db.conn, plain=True)
    return list(db.query(ITEM_SEARCH_SQL, {"q": query, "limit": limit}))
