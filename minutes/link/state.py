"""What the link step remembers between runs, so an import links only what it touched (issue 15).

A full link reads every item; an incremental one must find, without reading
the archive, the items a new meeting could share a thread with and weigh
their terms as a full run would. So every linked item leaves:

* its place (``ord``: date, source, position, the archive order), body and terms
  (``link_items``), and how many items use each term (``link_df``): the idf of
  any term is then a lookup, and a removed meeting's terms are subtracted;
* its index keys (``link_keys``): the features by which threads meet (title
  term prefixes, phrases, acronyms), its case number, its own "date § n" and
  the "date § n" it cites. Candidates are a key lookup, ordered by ``ord``.

``linked_meetings`` says which meetings the state covers: a meeting not in it
is new, one in it but gone from ``meetings`` was removed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from minutes.link.cases import CaseItem, references
from minutes.link.features import ItemFeatures, item_terms, order_key

CHUNK = 500


def chunks(values: Iterable, size: int = CHUNK):
    """Lists of at most ``size`` values (SQLite limits the parameters of one statement)."""
    batch: list = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def marks(values: list) -> str:
    return ", ".join("?" * len(values))


def position_key(date: str, number: str | None) -> str:
    """'2023-05-12|57': how a reference names an item."""
    return f"{date}|{(number or '').lstrip('§ ').strip()}"


def stored_keys(item: ItemFeatures, case: CaseItem | None) -> set[str]:
    """Every index key of an item, as stored (acronyms unfiltered: their share is judged when read)."""
    keys = {f"t:{t[:7]}" for t in item.anchored}
    keys.update(f"b:{a} {b}" for a, b in item.title_bigrams)
    keys.update(f"b:{a} {b}" for (a, b), n in item.text_bigrams.items() if n >= 2)
    keys.update(f"a:{x}" for x in item.title_acronyms | item.text_acronyms)
    if case is not None:
        if case.case is not None:
            keys.add(f"c:{case.case.year}/{case.case.number}")
        keys.add(f"p:{position_key(case.date, case.number)}")
        keys.update(f"r:{position_key(r.date, r.number)}" for r in references(case.text))
    return keys


def clear(db) -> None:
    """Forget the whole state (a full link rebuilds it)."""
    for table in ("link_keys", "link_items", "link_df", "linked_meetings"):
        db.execute(f"delete from [{table}]")


def remember(db, items: list[ItemFeatures], rows: dict[str, dict], cases: dict[str, CaseItem],
             meeting_ids: Iterable[str]) -> None:
    """Store the items' place, terms and keys, add their terms to the counts, mark their meetings linked.

    Rows are streamed to SQLite, so a full link's state costs no more memory than its items.
    """
    df: Counter = Counter()

    def item_rows():
        for item in items:
            terms = item_terms(item)
            df.update(terms)
            yield (item.id, item.meeting_id, order_key(rows[item.id]), item.date, item.body,
                   "\n".join(sorted(terms)))

    def key_rows():
        for item in items:
            ord_ = order_key(rows[item.id])
            for key in stored_keys(item, cases.get(item.id)):
                yield key, item.id, ord_, item.body

    db.conn.executemany("insert or replace into link_items (item_id, meeting_id, ord, date, body, terms) "
                        "values (?, ?, ?, ?, ?, ?)", item_rows())
    db.conn.executemany("insert or replace into link_keys (key, item_id, ord, body) values (?, ?, ?, ?)",
                        key_rows())
    db.conn.executemany("insert into link_df (term, df) values (?, ?) "
                        "on conflict(term) do update set df = df + excluded.df", list(df.items()))
    db.conn.executemany("insert or ignore into linked_meetings (meeting_id) values (?)",
                        ((m,) for m in meeting_ids))


def forget(db, meeting_ids: list[str]) -> list[str]:
    """Take meetings out of the state (their terms out of the counts); return their item ids."""
    gone: list[str] = []
    df: Counter = Counter()
    for batch in chunks(meeting_ids):
        for item_id, terms in db.execute(
                f"select item_id, terms from link_items where meeting_id in ({marks(batch)})", batch).fetchall():
            gone.append(item_id)
            df.update(t for t in (terms or "").split("\n") if t)
        db.execute(f"delete from linked_meetings where meeting_id in ({marks(batch)})", batch)
    for batch in chunks(gone):
        db.execute(f"delete from link_keys where item_id in ({marks(batch)})", batch)
        db.execute(f"delete from link_items where item_id in ({marks(batch)})", batch)
    db.conn.executemany("update link_df set df = df - ? where term = ?", [(n, t) for t, n in df.items()])
    db.execute("delete from link_df where df <= 0")
    return gone


def unlinked(db) -> tuple[list[str], list[str]]:
    """(meetings not yet linked, linked meetings that are gone from the archive)."""
    new = [r[0] for r in db.execute(
        "select id from meetings where id not in (select meeting_id from linked_meetings)").fetchall()]
    gone = {r[0] for r in db.execute(
        "select meeting_id from linked_meetings where meeting_id not in (select id from meetings)").fetchall()}
    # A deleted meeting leaves linked_meetings with it (archive.store.delete_meeting); its items stay here.
    gone.update(r[0] for r in db.execute(
        "select distinct meeting_id from link_items where meeting_id not in (select id from meetings)"))
    return new, sorted(gone)


def has_state(db) -> bool:
    """Whether a full link has left a state to continue from."""
    return db.execute("select exists(select 1 from linked_meetings)").fetchone()[0] == 1


def item_count(db) -> int:
    return db.execute("select count(*) from link_items").fetchone()[0]


def document_frequencies(db, terms: Iterable[str]) -> Counter:
    """The stored counts of ``terms``."""
    df: Counter = Counter()
    for batch in chunks(set(terms)):
        df.update(dict(db.execute(f"select term, df from link_df where term in ({marks(batch)})", batch).fetchall()))
    return df


def existing_keys(db, keys: Iterable[str]) -> set[str]:
    """Which of ``keys`` some stored item has."""
    found: set[str] = set()
    for batch in chunks(set(keys)):
        found.update(r[0] for r in db.execute(
            f"select distinct key from link_keys where key in ({marks(batch)})", batch).fetchall())
    return found


def calendar_dates(db, bodies: Iterable) -> dict:
    """Each body's dates with linked items (what :class:`~minutes.link.threads.Calendar` counts)."""
    dates: dict = {}
    for body in set(bodies):
        sql = "select distinct date from link_items where body is ?"
        dates[body] = {r[0] for r in db.execute(sql, [body]).fetchall()}
    return dates
