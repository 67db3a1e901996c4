"""The sandbox every file is parsed in: a worker process with a time alarm and a memory ceiling.

Readers are native code fed hostile bytes, so every file is parsed in a
worker process (also with ``--workers 1``): a reader that crashes kills only
its worker, and the pool blames that file (:mod:`minutes.importer.pool`).
Inside the worker, per file:

* wall time: an interval timer raises :class:`FileTimeout` in Python code
  after ``FileLimits.seconds``; code stuck inside a native library does not
  see it, so the pool also kills a worker whose file runs well past the limit
  (:func:`grace`), and the writer never waits on one file forever;
* memory: ``RLIMIT_AS`` is set to what the worker uses now plus
  ``FileLimits.memory``, so a reader that inflates a stream gets MemoryError
  (or dies) instead of taking the machine's memory;
* pages, unpacked bytes, text length: checked by the readers themselves
  (:mod:`minutes.ingest.limits`).

Workers also ask the kernel to kill them when their parent dies, so killing
an import's pid never leaves parsers running.
"""

from __future__ import annotations

import contextlib
import ctypes
import resource
import signal
import sys
import threading
from collections.abc import Iterator

from minutes.ingest import limits as file_limits
from minutes.ingest.limits import FileLimits, human_size


def grace(seconds: float) -> float:
    """Seconds past a file's time limit after which the pool kills its worker (a quarter, at least 2 s)."""
    return max(2.0, 0.25 * seconds)


_PR_SET_PDEATHSIG = 1
_in_worker = False


class FileTimeout(BaseException):  # noqa: N818 - not an Exception: broad handlers must not swallow it
    """Raised in a worker when its file is over the time limit."""


def die_with_parent() -> None:
    """Linux: SIGKILL this process when the process that started it dies (prctl PDEATHSIG)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def init_sandbox() -> None:
    """Worker start-up: die with the parent, leave SIGINT to the parent, enable per-file ceilings.

    Only in a process of its own, where this runs on the main thread: a Dask
    worker runs tasks on threads of a shared process, where signals cannot be
    set and a process-wide memory limit would hit every task; the cluster
    bounds time itself (:mod:`minutes.importer.cluster`).
    """
    global _in_worker
    if threading.current_thread() is not threading.main_thread():
        return
    _in_worker = True
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _sandboxed() -> bool:
    """In a worker process of our own pool, on its main thread (where signals and rlimits belong)."""
    return _in_worker and threading.current_thread() is threading.main_thread()


def _address_space() -> int:
    """Bytes of virtual memory this process maps now (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


@contextlib.contextmanager
def _memory_ceiling(limit: int) -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    used = _address_space()
    if not _sandboxed() or not used:
        yield
        return
    ceiling = used + limit
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _alarm(signum, frame) -> None:
    raise FileTimeout


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    if not _sandboxed() or seconds <= 0:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def limited(limits: FileLimits) -> Iterator[None]:
    """Run one file's parsing under ``limits`` (time and memory only inside a worker)."""
    file_limits.use(limits)
    with _memory_ceiling(limits.memory), _time_limit(limits.seconds):
        yield


def time_message(limits: FileLimits, *, killed: bool = False) -> str:
    how = "; its worker was stopped" if killed else ""
    return (f"over the time limit: still running after {limits.seconds:g} s{how}"
            f" (limit {limits.seconds:g} s, --max-seconds)")


def memory_message(limits: FileLimits) -> str:
    return (f"over the memory limit: reading it needed more than {human_size(limits.memory)}"
            f" (limit {human_size(limits.memory)}, --max-memory)")
