"""Links across meetings: threads, people, assignment follow-up (issue 7).

``link_archive(db)`` runs after every import; it is rebuilt from the stored
meetings, so it is safe to run any number of times.
"""

from __future__ import annotations

from sqlite_utils import Database


def link_archive(db: Database) -> None:
    """Rebuild threads, merged people and assignment statuses from the archive."""
    return None
