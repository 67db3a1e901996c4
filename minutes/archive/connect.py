"""Connections to the archive that queue instead of failing when another process writes.

SQLite in WAL mode lets readers and one writer work side by side, but two
things turn a busy archive into ``database is locked`` aborts (issue 13):

* a *deferred* transaction that reads and then writes cannot wait for the
  lock (SQLite refuses it at once, or its snapshot would be stale), so every
  write transaction here starts with ``BEGIN IMMEDIATE``, which takes the
  write lock first and therefore *can* wait;
* the default 5 s busy timeout is shorter than the longest write (linking a
  10,000-meeting archive takes well over a minute), so every connection waits
  :func:`~minutes.archive.busy.busy_timeout` seconds, 600 by default (``MINUTES_BUSY_TIMEOUT``).
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Generator
from pathlib import Path

from sqlite_utils import Database

from minutes.archive.busy import configure


class Archive(Database):
    """A sqlite-utils ``Database`` whose ``atomic()`` takes the write lock up front.

    ``Database.atomic`` opens a deferred ``BEGIN``: the first read takes a
    snapshot, and the first write after another process committed fails with
    ``database is locked`` however long the busy timeout is. ``BEGIN
    IMMEDIATE`` waits for the lock instead; nested blocks still use savepoints.
    """

    def __init__(self, path: str | Path, **kwargs) -> None:
        super().__init__(path, **kwargs)
        configure(self.conn)

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:
            name = f"minutes_{secrets.token_hex(8)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            if self.conn.in_transaction:
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        try:
            if self.conn.in_transaction:  # DDL helpers may have committed already (``with conn:``)
                self.conn.execute("COMMIT")
        except BaseException:
            self.conn.rollback()
            raise


@contextlib.contextmanager
def write_transaction(db: Database) -> Generator[Database, None, None]:
    """``BEGIN IMMEDIATE`` for any ``Database`` (also one not opened as :class:`Archive`)."""
    if isinstance(db, Archive) or db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    with Archive.atomic(db):  # type: ignore[arg-type]
        yield db
