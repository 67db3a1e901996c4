"""Links across meetings: threads, people, assignment follow-up (issue 7).

``link_archive(db)`` rebuilds everything from the stored meetings, so it is
safe to run any number of times; ``link_new(db)``, which every import runs,
links only the meetings imported or removed since (issue 15), and gives the
same threads, people and statuses. Only user overrides of
assignment statuses are kept between runs (see :mod:`minutes.link.followup`).
The tables and columns it writes are declared with the rest of the archive
(:mod:`minutes.archive.schema`), so any archive opened by ``open_archive``
(or shaped by ``ensure_db_shape``) has them.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from minutes.archive.overrides import apply_overrides
from minutes.link import state
from minutes.link.cases import load_case_items
from minutes.link.features import Weights, item_rows, load_items
from minutes.link.followup import update_assignments
from minutes.link.incremental import link_touched
from minutes.link.people import save_persons
from minutes.link.threads import group_items, save_threads

__all__ = ["link_archive", "link_new"]


def link_archive(db: Database, *, today: dt.date | None = None) -> dict:
    """Rebuild threads, merged people and assignment statuses; return counts of each.

    Also rebuilds the link state (:mod:`minutes.link.state`) that :func:`link_new` continues from.
    """
    with db.atomic():
        rows = item_rows(db)
        items = load_items(db, rows)
        cases = load_case_items(db)
        thread_of = save_threads(db, group_items(items, Weights(items), cases))
        persons = save_persons(db)
        statuses = update_assignments(db, thread_of, today=today or dt.date.today())
        _remember_all(db, items, {r["id"]: r for r in rows}, cases)
        overrides = apply_overrides(db)  # issue 13: user statuses kept across edits of the source
    _commit(db)
    return {
        "threads": len(set(thread_of.values())),
        "threaded_items": len(thread_of),
        "persons": persons,
        "assignments": dict(sorted(statuses.items())),
        "overrides": overrides,
    }


def link_new(db: Database, *, today: dt.date | None = None) -> dict:
    """Link only the meetings imported (or removed) since the last link (issue 15); nothing new, nothing done.

    An archive without link state (never linked, or linked by an older version) is linked in full.
    """
    if not state.has_state(db):
        if not db.execute("select exists(select 1 from meetings)").fetchone()[0]:
            return {"meetings": 0, "items": 0, "region": 0, "threads": 0, "persons": 0, "assignments": {},
                    "overrides": {"matched": 0, "unmatched": 0}}
        counts = link_archive(db, today=today)
        return {"meetings": -1, **counts}
    with db.atomic():
        counts = link_touched(db, today=today or dt.date.today())
        counts["overrides"] = apply_overrides(db)  # issue 13: user statuses kept across edits of the source
    _commit(db)
    return counts


def _remember_all(db: Database, items: list, rows: dict, cases: list) -> None:
    """The link state of the whole archive, after a full link."""
    state.clear(db)
    meetings = [r[0] for r in db.execute("select id from meetings").fetchall()]
    state.remember(db, items, rows, {c.id: c for c in cases}, meetings)


def _commit(db: Database) -> None:
    """Commit even when the caller's connection was left inside a transaction.

    ``db.atomic()`` only takes a savepoint inside an open transaction, and an
    archive opened by ``open_archive`` can be in one; linked data is derived,
    so losing it silently at process exit would be worse than committing.
    """
    if db.conn.in_transaction:
        db.conn.commit()
