"""Ranked item search, shared by ``minutes search`` and the Datasette search page.

One SQL statement (:data:`ITEM_SEARCH_SQL`) is the whole ranking, so the CLI
and Datasette's canned query give the same order.
"""

from __future__ import annotations

import re
import unicodedata

from sqlite_utils import Database

#: Title matches weigh more than body matches (bm25 column weights: title, text).
ITEM_SEARCH_SQL = """
select items.id, meetings.source, items.number, items.title, items.kind,
       items.date, items.body, items.meeting_id,
       snippet(items_fts, -1, '[', ']', ' … ', 12) as snippet,
       bm25(items_fts, 10.0, 1.0) as score
from items_fts
join items on items.rowid = items_fts.rowid
join meetings on meetings.id = items.meeting_id
where items_fts match :query
order by score, items.date desc
limit :limit
"""

_WORD = re.compile(r"\w+", re.UNICODE)


def to_fts_query(query: str) -> str:
    """Turn what a user typed into a safe FTS5 query.

    Quoted phrases stay phrases, a trailing ``*`` makes a prefix, every other
    word is quoted, so no user input can raise an FTS5 syntax error.
    """
    query = unicodedata.normalize("NFC", query)
    parts = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        prefix = word.endswith("*")
        for token in _WORD.findall(word):
            parts.append(f'"{token}"' + ("*" if prefix else ""))
    return " ".join(parts)


def search_items(db: Database, query: str, *, limit: int = 20) -> list[dict]:
    """Items matching ``query``, best first, each with source, number, title, date, body, snippet."""
    fts_query = to_fts_query(query)
    if not fts_query:
        return []
    return list(db.query(ITEM_SEARCH_SQL, {"query": fts_query, "limit": limit}))
