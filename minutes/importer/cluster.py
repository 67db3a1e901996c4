"""Reading and extraction on a Dask distributed cluster, storing with one writer here (issue 15).

``minutes ingest --cluster tcp://scheduler:8786`` plans, stores and links in
this process exactly as a local import does; only the per-file work
(:func:`minutes.importer.bulk._work`: read the bytes, extract the meeting,
prepare its rows) runs on the cluster's workers, on as many machines as the
scheduler has. :func:`cluster_map` keeps :func:`minutes.importer.pool.ordered_map`'s
contract, so the archive is the same whichever runs the work:

* results come back in input order, so ids handed out by ``lookup()`` match a
  single-machine import row for row;
* at most ``window`` jobs are in flight, so a million files never sit in the
  client's (or the scheduler's) memory at once;
* a job whose worker dies is retried by the scheduler on another worker, and
  one that keeps killing workers (``KilledWorker``) gets ``on_crash(job)``, so
  the batch goes on as it does with a local pool.

Why Dask rather than Ray: the work is a plain function over picklable
dataclasses, which ``Client.submit`` runs as it is; Dask is pure Python from
PyPI (no native object store, no ``ray start`` daemons), starts with
``dask scheduler`` / ``dask worker`` on any machine with the package installed,
and its ``LocalCluster`` lets a test run the very same code path with several
worker processes. Each worker builds the spaCy pipeline once (the pool's
initializer, run on every worker at connection), never once per document.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from minutes.errors import MinutesError
from minutes.extras import optional_import

#: Jobs kept in flight per worker thread: enough to hide the round trip to the
#: scheduler, few enough that the bytes in flight stay small.
JOBS_PER_THREAD = 4


def _distributed() -> Any:
    """The ``distributed`` package, or a :class:`MissingExtra` naming ``minutes[cluster]``."""
    return optional_import("distributed", extra="cluster", purpose="importing on a cluster (--cluster)")


class ClusterUnavailable(MinutesError):
    """No Dask scheduler answers at the address given to ``--cluster``."""


def connect(address: str, *, timeout: float = 30) -> Any:
    """A :class:`distributed.Client` for the scheduler at ``address`` (``tcp://host:8786``)."""
    distributed = _distributed()
    try:
        return distributed.Client(address, timeout=timeout)
    except (OSError, TimeoutError) as error:
        raise ClusterUnavailable(f"no Dask scheduler answers at {address} ({error})") from error


def cluster_map(
    work: Callable[[Any], Any],
    jobs: Iterable[Any],
    *,
    address: str,
    initializer: Callable[[], None] | None = None,
    needs_work: Callable[[Any], bool] = lambda job: True,
    on_crash: Callable[[Any], Any] | None = None,
    window: int | None = None,
    isolate: bool = True,
    warm_up: Callable[[], None] | None = None,
    timeout: float | None = None,
    on_timeout: Callable[[Any], Any] | None = None,
) -> Iterator[tuple[Any, Any]]:
    """Yield ``(job, work(job))`` in input order, ``work`` running on the cluster at ``address``.

    The same signature as :func:`~minutes.importer.pool.ordered_map` with the
    scheduler's address in place of a worker count. The client connects only
    when some job needs work (an import of unchanged files never needs a cluster).
    Work is always isolated from this process (``isolate`` is accepted for the
    pool's signature), and ``warm_up`` has nothing to warm here: workers are
    not forked from this process. ``timeout``: seconds the oldest job may take
    once the caller waits for it; past that the workers running it are
    restarted (their nanny starts fresh ones) and ``on_timeout(job)`` is its result.
    """
    run = _ClusterRun(work, address, initializer, on_crash)
    run.timeout, run.on_timeout = timeout, on_timeout
    try:
        yield from run.run(jobs, needs_work, window)
    finally:
        run.close()


class _ClusterRun:
    """One import's connection to the cluster and its window of futures."""

    def __init__(self, work: Callable, address: str, initializer: Callable | None, on_crash: Callable | None):
        self.work, self.address, self.initializer, self.on_crash = work, address, initializer, on_crash
        self.client: Any = None
        self.pending: deque[tuple[Any, Any]] = deque()  # (job, future or None), oldest first
        self.timeout: float | None = None
        self.on_timeout: Callable | None = None

    def _connect(self) -> Any:
        if self.client is None:
            self.client = connect(self.address)
            if self.initializer is not None:
                # Build the pipeline on every worker now, in parallel; a worker that
                # joins later builds it on its first job (default_nlp() is cached).
                self.client.run(self.initializer)
        return self.client

    def _window(self, window: int | None) -> int:
        if window:
            return window
        threads = sum(self._connect().nthreads().values()) or 1
        return threads * JOBS_PER_THREAD

    def run(self, jobs: Iterable, needs_work: Callable, window: int | None) -> Iterator[tuple[Any, Any]]:
        size: int | None = window
        for job in jobs:
            future = None
            if needs_work(job):
                size = size or self._window(window)
                # pure=False: two jobs with equal bytes are still two tasks (the
                # planner has already folded duplicates; a re-run must re-run).
                future = self._connect().submit(self.work, job, pure=False)
            self.pending.append((job, future))
            if len(self.pending) >= (size or 1):
                yield self._next()
        while self.pending:
            yield self._next()

    def _next(self) -> tuple[Any, Any]:
        job, future = self.pending.popleft()
        if future is None:
            return job, None
        distributed = _distributed()
        try:
            result = future.result(timeout=self.timeout)
        except distributed.KilledWorker:
            # The scheduler retried the job on other workers and every one died on it.
            result = self.on_crash(job) if self.on_crash else None
        except (TimeoutError, distributed.TimeoutError):
            self._stop(future)
            result = self.on_timeout(job) if self.on_timeout else None
        finally:
            future.release()
        return job, result

    def _stop(self, future: Any) -> None:
        """Cancel a job that ran past its time, and restart the workers running it.

        A running task cannot be interrupted inside its worker: restarting the
        worker process is what frees the core (the nanny starts a new one).
        """
        key = future.key
        busy = [worker for worker, keys in self.client.processing().items() if key in keys]
        self.client.cancel([future])
        if busy:
            self.client.restart_workers(busy, raise_for_error=False)

    def close(self) -> None:
        """Cancel what is still in flight (the caller stopped reading) and disconnect."""
        if self.client is None:
            return
        futures = [future for _job, future in self.pending if future is not None]
        if futures:
            self.client.cancel(futures)
        self.pending.clear()
        self.client.close()
        self.client = None
