"""Links across meetings: threads, people, assignment follow-up (issue 7).

``link_archive(db)`` runs after every import; it is rebuilt from the stored
meetings, so it is safe to run any number of times. Only user overrides of
assignment statuses are kept between runs (see :mod:`minutes.link.followup`).
The tables and columns it writes are declared with the rest of the archive
(:mod:`minutes.archive.schema`), so any archive opened by ``open_archive``
(or shaped by ``ensure_db_shape``) has them.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from minutes.link.followup import update_assignments
from minutes.link.people import save_persons
from minutes.link.threads import find_threads, save_threads

__all__ = ["link_archive"]


def link_archive(db: Database, *, today: dt.date | None = None) -> dict:
    """Rebuild threads, merged people and assignment statuses; return counts of each."""
    with db.atomic():
        thread_of = save_threads(db, find_threads(db))
        persons = save_persons(db)
        statuses = update_assignments(db, thread_of, today=today or dt.date.today())
    _commit(db)
    return {
        "threads": len(set(thread_of.values())),
        "threaded_items": len(thread_of),
        "persons": persons,
        "assignments": dict(sorted(statuses.items())),
    }


def _commit(db: Database) -> None:
    """Commit even when the caller's connection was left inside a transaction.

    ``db.atomic()`` only takes a savepoint inside an open transaction, and an
    archive opened by ``open_archive`` can be in one; linked data is derived,
    so losing it silently at process exit would be worse than committing.
    """
    if db.conn.in_transaction:
        db.conn.commit()
