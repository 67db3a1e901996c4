"""Telling a storage fault (disk full, I/O error) from a document the archive refuses.

A document that breaks a constraint is that document's failure, recorded and
skipped. A full disk or an I/O error is the archive's: every later write will
fail too, and recording good files as failed would hide the real cause
(issue 13). Those stop the import with one message.
"""

from __future__ import annotations

import errno
import sqlite3

from minutes.errors import ArchiveUnwritable

#: Primary SQLite result codes that mean the archive itself cannot be written.
_FATAL = {
    13: "the disk is full",  # SQLITE_FULL
    10: "a disk I/O error",  # SQLITE_IOERR (and its extended codes)
    14: "the archive file cannot be opened",  # SQLITE_CANTOPEN
    8: "the archive is read-only",  # SQLITE_READONLY
    7: "out of memory",  # SQLITE_NOMEM
    11: "the archive file is corrupt",  # SQLITE_CORRUPT
    26: "the archive file is not a database",  # SQLITE_NOTADB
    5: "another process kept the archive locked",  # SQLITE_BUSY, after the whole busy timeout
}
_FATAL_ERRNO = {
    errno.ENOSPC: "the disk is full",
    errno.EIO: "a disk I/O error",
    errno.EDQUOT: "the disk quota is used up",
}


def storage_fault(error: BaseException) -> str | None:
    """What is wrong with the archive's storage if ``error`` says so, else None."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in _FATAL:
            return _FATAL[code & 0xFF]
        text = str(error).lower()
        if "disk is full" in text or "disk i/o error" in text:
            return "the disk is full" if "full" in text else "a disk I/O error"
        if "database is locked" in text:
            return _FATAL[5]
    if isinstance(error, OSError) and error.errno in _FATAL_ERRNO:
        return _FATAL_ERRNO[error.errno]
    return None


def unwritable(db_path: str, fault: str, error: BaseException) -> ArchiveUnwritable:
    """The one message the import stops with."""
    return ArchiveUnwritable(
        f"cannot write to the archive {db_path}: {fault} ({error}). The import stopped; every document"
        " stored before is complete. Free space or fix the disk and run the same command again."
    )
