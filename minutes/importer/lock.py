"""One import at a time per archive: a second ``minutes ingest`` waits, or says one is running.

Two imports into one archive would interleave their documents and race on
linking; SQLite's own lock only serialises single transactions. An advisory
``flock`` on ``<archive>-import.lock`` is held for the whole run instead. The
kernel drops it when the process dies however it dies (even ``kill -9``), so
a stale lock file never blocks the next run; the file only carries the pid of
the holder so the waiting side can say who it waits for.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from minutes.errors import MinutesError


class ImportRunning(MinutesError):
    """Another import holds the archive's import lock."""


def lock_path(db_path: str | Path) -> Path:
    """The lock file beside the archive (like SQLite's own ``-wal`` and ``-shm``)."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + "-import.lock")


def _holder(handle) -> str:
    handle.seek(0)
    text = handle.read().strip()
    return f"pid {text}" if text.isdigit() else "another process"


@contextlib.contextmanager
def import_lock(
    db_path: str | Path,
    *,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
    poll: float = 0.2,
) -> Iterator[None]:
    """Hold the archive's import lock for the ``with`` block.

    When another import holds it: wait for it (calling ``on_wait`` once with a
    message naming the holder), or with ``wait=False`` raise ImportRunning.
    """
    path = lock_path(db_path)
    with open(path, "a+", encoding="ascii") as handle:
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                message = f"another import is running on {db_path} ({_holder(handle)})"
                if not wait:
                    raise ImportRunning(f"{message}; try again when it has finished") from None
                if on_wait and not told:
                    on_wait(f"{message}; waiting for it to finish")
                    told = True
                time.sleep(poll)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)
