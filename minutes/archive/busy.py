"""How long a connection waits for another process's lock (stdlib only, for fast read-only commands).

``minutes search`` must start without importing sqlite-utils, so the busy
timeout and the read-only connection live here, apart from
:mod:`minutes.archive.connect`.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

#: Seconds a connection waits for another process's write lock before giving up.
DEFAULT_BUSY_TIMEOUT = 600.0


def busy_timeout() -> float:
    """The busy timeout in seconds: ``MINUTES_BUSY_TIMEOUT`` if set, else 600."""
    value = os.environ.get("MINUTES_BUSY_TIMEOUT", "")
    try:
        return max(0.0, float(value)) if value else DEFAULT_BUSY_TIMEOUT
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT


def configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Wait for locks, and make the transactions Python opens by itself immediate ones."""
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout() * 1000)}")
    conn.isolation_level = "IMMEDIATE"
    return conn


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open the archive for reading only: nothing is created, nothing can be written."""
    from urllib.parse import quote

    uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout())
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout() * 1000)}")
    return conn
