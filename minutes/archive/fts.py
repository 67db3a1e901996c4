"""Full-text indexes with Swedish shadow columns: created, upgraded and back-filled.

The FTS5 tables are external-content tables over ``items``, ``decisions`` and
``assignments`` kept current by sqlite-utils triggers. The shadow columns they
index (stems, reversed stems) are computed in Python when rows are written;
this module fills them for rows written before they existed, and rebuilds an
index whose column list or tokenizer no longer matches ``schema.FTS_CONFIG``.
"""

from __future__ import annotations

from sqlite_utils import Database

from minutes.archive.schema import FTS_CONFIG, FTS_TOKENIZE, SEARCH_SOURCES
from minutes.archive.swedish import shadow_columns


def search_values(table: str, row: dict) -> dict[str, str]:
    """The shadow search columns for a row of ``table`` about to be written."""
    return shadow_columns(row, SEARCH_SOURCES[table])


def ensure_search(db: Database) -> None:
    """Make every FTS index match FTS_CONFIG, back-filling shadow columns first if rebuilt."""
    for table, columns in FTS_CONFIG.items():
        fts = db[table].detect_fts()
        if fts and _is_current(db, fts, columns):
            continue
        if fts:
            db[table].disable_fts()
        backfill(db, table)
        db[table].enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZE)


def _is_current(db: Database, fts: str, columns: list[str]) -> bool:
    sql = db[fts].schema
    return db[fts].columns_dict.keys() == set(columns) and "remove_diacritics 0" in sql


def backfill(db: Database, table: str) -> int:
    """Compute shadow columns for every row of ``table``; returns the number of rows."""
    sources = SEARCH_SOURCES[table]
    select = ", ".join(f"[{c}]" for c in sources)
    updates = []
    for rowid, *values in db.execute(f"select rowid, {select} from [{table}]").fetchall():
        shadow = search_values(table, dict(zip(sources, values)))
        updates.append([*shadow.values(), rowid])
    if updates:
        assignments = ", ".join(f"[{c}] = ?" for c in shadow)
        db.conn.executemany(f"update [{table}] set {assignments} where rowid = ?", updates)
    return len(updates)
