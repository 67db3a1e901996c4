"""ordered_map: input order kept, bounded look-ahead, a crashing job blamed alone."""

from __future__ import annotations

import os

import pytest

from minutes.importer.pool import ordered_map


def square(n: int) -> int:
    return n * n


def die_on_three(n: int) -> int:
    if n == 3:
        os._exit(1)  # a native reader segfaulting looks like this to the pool
    return n * n


@pytest.mark.parametrize("workers", [1, 2])
def test_bulk_pool_keeps_input_order(workers):
    results = list(ordered_map(square, range(20), workers=workers))
    assert results == [(n, n * n) for n in range(20)]


def test_bulk_pool_jobs_without_work_pass_through():
    results = list(ordered_map(square, range(6), workers=2, needs_work=lambda n: n % 2 == 0))
    assert results == [(0, 0), (1, None), (2, 4), (3, None), (4, 16), (5, None)]


def test_bulk_pool_reads_its_input_only_a_window_ahead():
    taken = []

    def jobs():
        for n in range(50):
            taken.append(n)
            yield n

    results = ordered_map(square, jobs(), workers=2, window=4)
    first = next(results)
    assert first == (0, 0)
    assert len(taken) <= 5
    assert len(list(results)) == 49


def test_bulk_pool_crashing_job_is_blamed_and_the_rest_finish():
    results = dict(ordered_map(die_on_three, range(8), workers=2, on_crash=lambda n: "crashed"))
    assert results == {n: ("crashed" if n == 3 else n * n) for n in range(8)}


@pytest.mark.parametrize("workers", [1, 2])
def test_bulk_pool_sets_up_nothing_when_no_job_needs_work(workers):
    started = []
    results = list(ordered_map(square, range(3), workers=workers, initializer=lambda: started.append(1),
                               needs_work=lambda n: False))
    assert results == [(0, None), (1, None), (2, None)] and started == []
