"""An ordered, bounded process pool: parse in many processes, store in one.

Why not ``Pool.imap``: its feeder thread drains the input iterator as fast as
it can, so every file's bytes would sit in memory at once. Here at most
``window`` jobs are in flight, and results come back in submission order, so
the single writer stores documents in the same order whatever the number of
workers (ids handed out by ``lookup()`` then match ``--workers 1`` exactly).

Workers are long-running: the initializer builds the spaCy pipeline once per
process (about 2.3 s and 350 MiB), never once per document. Where processes
fork, it runs once in the parent before the workers start, and they inherit it.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any


@dataclass
class _Entry:
    """One job in the window and its future (None when it needs no work)."""

    job: Any
    future: Future | None = None


def _context() -> multiprocessing.context.BaseContext:
    """Fork where available: workers start without re-importing spaCy (0.7 s each)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _lost(future: Future) -> bool:
    """A future whose result died with a broken pool (unfinished, cancelled or failed)."""
    return not future.done() or future.cancelled() or future.exception() is not None


def ordered_map(
    work: Callable[[Any], Any],
    jobs: Iterable[Any],
    *,
    workers: int,
    initializer: Callable[[], None] | None = None,
    needs_work: Callable[[Any], bool] = lambda job: True,
    on_crash: Callable[[Any], Any] | None = None,
    window: int | None = None,
    isolate: bool = False,
    warm_up: Callable[[], None] | None = None,
    timeout: float | None = None,
    on_timeout: Callable[[Any], Any] | None = None,
) -> Iterator[tuple[Any, Any]]:
    """Yield ``(job, work(job))`` in input order; jobs failing ``needs_work`` pass with None.

    ``workers <= 1`` runs everything in this process (the same code path, no
    pickling) unless ``isolate``: then one worker process does the work, so a
    crashing job cannot end the run. ``on_crash(job)`` gives the result for a
    job that kills its worker process (a segfault in a native reader), so the
    batch goes on. ``timeout``: seconds the oldest job may take, counted from
    when the caller starts waiting for it; past that its workers are killed and
    ``on_timeout(job)`` is its result. ``warm_up`` runs once in this process
    before workers are forked (they inherit what it built).
    """
    if workers <= 1 and not isolate:
        yield from _in_process(work, jobs, initializer, needs_work)
        return
    pool = _Pool(work, max(workers, 1), initializer, on_crash)
    pool.warm_up, pool.timeout, pool.on_timeout = warm_up, timeout, on_timeout
    try:
        yield from pool.run(jobs, needs_work, window or workers * 4)
    except BaseException:  # Ctrl-C, SIGTERM, a full disk, or the caller stopped reading
        pool._kill_workers()  # do not wait for files in flight (one may be stuck for its whole time limit)
        raise
    finally:
        pool.shutdown()


def _in_process(work: Callable, jobs: Iterable, initializer: Callable | None, needs_work: Callable):
    """The one-worker path: the same calls, in this process, set up only if some job needs work."""
    ready = initializer is None
    for job in jobs:
        if not needs_work(job):
            yield job, None
            continue
        if initializer is not None and not ready:
            initializer()
            ready = True
        yield job, work(job)


class _Pool:
    """A ProcessPoolExecutor that is rebuilt when a worker process dies."""

    def __init__(self, work: Callable, workers: int, initializer: Callable | None, on_crash: Callable | None):
        self.work, self.workers, self.initializer, self.on_crash = work, workers, initializer, on_crash
        self.executor: ProcessPoolExecutor | None = None  # started by the first job that needs work
        self.pending: deque[_Entry] = deque()
        self.warm_up: Callable[[], None] | None = None
        self.timeout: float | None = None
        self.on_timeout: Callable[[Any], Any] | None = None

    def _submit(self, job: Any) -> Future:
        if self.executor is None:
            self.executor = self._new_executor()
        return self.executor.submit(self.work, job)

    def _new_executor(self) -> ProcessPoolExecutor:
        if self.warm_up and _context().get_start_method() == "fork":
            # Warm the parent once: forked workers inherit the built pipeline, so the
            # 2.3 s load is paid once instead of once per worker, and its pages are shared.
            self.warm_up()
            self.warm_up = None
        return ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=self.initializer)

    def run(self, jobs: Iterable, needs_work: Callable, window: int) -> Iterator[tuple[Any, Any]]:
        """Keep ``window`` jobs in flight; hand results back oldest first."""
        for job in jobs:
            entry = _Entry(job)
            if needs_work(job):
                entry.future = self._submit(job)
            self.pending.append(entry)
            if len(self.pending) >= window:
                yield self._next()
        while self.pending:
            yield self._next()

    def _next(self) -> tuple[Any, Any]:
        entry = self.pending.popleft()
        if entry.future is None:
            return entry.job, None
        try:
            return entry.job, entry.future.result(timeout=self.timeout)
        except BrokenProcessPool:
            return entry.job, self._recover(entry)
        except FutureTimeout:
            return entry.job, self._stuck(entry)

    def _stuck(self, head: _Entry) -> Any:
        """The oldest job ran far past its limit inside native code: kill the workers, blame it.

        Which worker runs it is not known, so all are stopped; the other jobs
        in flight are resubmitted to a fresh pool.
        """
        self._kill_workers()
        self._restart()
        for entry in self.pending:
            if entry.future is not None and _lost(entry.future):
                entry.future = self._submit(entry.job)
        return self.on_timeout(head.job) if self.on_timeout else None

    def _kill_workers(self) -> None:
        if self.executor is None:
            return
        for process in list(self.executor._processes.values()):
            process.kill()

    def _recover(self, head: _Entry) -> Any:
        """After a worker died, run the oldest job alone: if it kills a worker again, blame it.

        Every job in flight fails when any worker dies, so the culprit is found
        by probing one job at a time; the innocent ones are simply resubmitted.
        """
        self._restart()
        try:
            result = self._submit(head.job).result(timeout=self.timeout)
        except FutureTimeout:
            self._kill_workers()
            self._restart()
            result = self.on_timeout(head.job) if self.on_timeout else None
        except BrokenProcessPool:
            self._restart()
            result = self.on_crash(head.job) if self.on_crash else None
        for entry in self.pending:
            if entry.future is not None and _lost(entry.future):
                entry.future = self._submit(entry.job)
        return result

    def _restart(self) -> None:
        self.shutdown()
        self.executor = None

    def shutdown(self) -> None:
        """Stop the workers; queued jobs are dropped (the caller has stopped reading)."""
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
