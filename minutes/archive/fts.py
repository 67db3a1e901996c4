"""Full-text indexes with Swedish shadow columns: their forms, creation, upgrade and back-fill.

Search matches three forms of every word, each kept in its own column so
FTS5 (whose tokenizers know no Swedish) can index them with the plain
``unicode61`` tokenizer:

* the word as written (the original column): exact forms rank highest;
* its Snowball stem (``*_stem``, :func:`minutes.swedish.stem`): *riktlinjer*,
  *riktlinjen* → *riktlinj*; a prefix query on the stem also finds compounds
  whose first part is the word (*avvikelse* → *avvikelsehantering*);
* its stem reversed (``*_rev``), only for words long enough to be compounds:
  a prefix query on the reversed stem finds compounds whose *last* part is
  the word (*plattform* → *webbplattformen*), which Swedish makes common.

The FTS5 tables are external-content tables over ``items``, ``decisions`` and
``assignments`` kept current by sqlite-utils triggers. The shadow columns they
index (stems, reversed stems) are computed in Python when rows are written;
this module fills them for rows written before they existed, and rebuilds an
index whose column list or tokenizer no longer matches ``schema.FTS_CONFIG``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes.archive.schema import FTS_CONFIG, FTS_TOKENIZE, SEARCH_SOURCES
from minutes.swedish import stem, words

if TYPE_CHECKING:  # search imports this module: `minutes search` must not load sqlite_utils (and numpy)
    from sqlite_utils import Database

#: Shortest stem that takes part in prefix (compound-head) or suffix matching.
MIN_AFFIX_STEM = 4

#: Shortest stem stored reversed: a 4-letter head needs at least a 3-letter modifier.
MIN_COMPOUND = 7


def stem_text(text: str | None) -> str:
    """``text`` as a sequence of stems, word order kept so stemmed phrases still match."""
    return " ".join(stem(w) for w in words(text))


def reversed_text(text: str | None) -> str:
    """The distinct stems of compound-length words in ``text``, each spelled backwards.

    Order and repeats do not matter for suffix matching, so they are dropped:
    this keeps the column a fraction of the text's size.
    """
    stems = {stem(w) for w in words(text)}
    return " ".join(sorted(s[::-1] for s in stems if len(s) >= MIN_COMPOUND))


def shadow_columns(values: dict[str, str | None], columns: list[str]) -> dict[str, str]:
    """``<col>_stem`` and ``<col>_rev`` for each of ``columns`` in a row's ``values``."""
    shadow = {}
    for column in columns:
        shadow[f"{column}_stem"] = stem_text(values.get(column))
        shadow[f"{column}_rev"] = reversed_text(values.get(column))
    return shadow


def search_values(table: str, row: dict) -> dict[str, str]:
    """The shadow search columns for a row of ``table`` about to be written."""
    return shadow_columns(row, SEARCH_SOURCES[table])


def ensure_search(db: Database) -> None:
    """Make every FTS index match FTS_CONFIG, back-filling shadow columns first if rebuilt."""
    for table, columns in FTS_CONFIG.items():
        fts = db.table(table).detect_fts()
        if fts and _is_current(db, fts, columns):
            continue
        if fts:
            db.table(table).disable_fts()
        backfill(db, table)
        db.table(table).enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZE)


def search_is_current(db: Database) -> bool:
    """True when every FTS index exists as FTS_CONFIG declares it (reads only)."""
    for table, columns in FTS_CONFIG.items():
        fts = db.table(table).detect_fts()
        if not fts or not _is_current(db, fts, columns):
            return False
    return True


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
