"""How well stored threads match known threads: pairwise precision, recall and F1 (issue 12).

A thread is judged by the pairs of items it puts together: a case split in two
loses the pairs between its halves (recall), two cases made one gain pairs
that are wrong (precision). Only items that the known answers place in some
thread count, so threads of other items (recurring topics) neither help nor hurt.
The known threads come from ``_truth/threads.json`` as the sample generator
writes it: ``[{"label", "members": [[file name, item number], …]}, …]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from pathlib import PurePath


def known_threads(db, truth: list[dict]) -> list[set[str]]:
    """The known threads as sets of stored item ids (members the archive lacks are left out)."""
    ids = {(PurePath(r["source"] or "").name, str(r["number"])): r["id"] for r in db.query(
        "select i.id, i.number, m.source from items i join meetings m on m.id = i.meeting_id")}
    threads = []
    for thread in truth:
        found = {ids[(name, str(number))] for name, number in thread["members"] if (name, str(number)) in ids}
        if len(found) > 1:
            threads.append(found)
    return threads


def stored_threads(db) -> list[set[str]]:
    """The threads the link step stored, as sets of item ids."""
    groups: dict[int, set[str]] = {}
    for r in db.query("select thread_id, item_id from thread_members"):
        groups.setdefault(r["thread_id"], set()).add(r["item_id"])
    return list(groups.values())


def _pairs(groups: Iterable[set[str]], keep: set[str]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for group in groups:
        found.update(combinations(sorted(group & keep), 2))
    return found


def pairwise_scores(predicted: list[set[str]], known: list[set[str]]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of ``predicted`` threads against ``known`` ones."""
    keep = set().union(*known) if known else set()
    truth, guess = _pairs(known, keep), _pairs(predicted, keep)
    right = len(truth & guess)
    precision = right / len(guess) if guess else 1.0
    recall = right / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pairs": len(truth)}
