"""What the user said about an assignment, kept on what survives an edit of its source file.

Meeting ids are content hashes, so appending one line to a file gives its
meeting, items and assignments new ids, and an override keyed on them was
silently lost (issue 13). An override is therefore anchored on what an edit
leaves alone: the body (its id: its label can change when another body with the
same acronym arrives), the meeting date, the item number and the task text.
Every link run matches each override to the current assignments:

1. *exact*: the assignment whose stable id the override was made on;
2. *anchored*: same body, date and item number, task text alike (ratio ≥ 0.6);
3. *fuzzy*: same body and date, or same body and item number (a corrected
   date), with a task text almost the same (ratio ≥ 0.85).

An override that matches nothing is kept and reported (``minutes assignments
overrides``, the link counts, the export), never dropped.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from sqlite_utils import Database

#: Task-text similarity needed with the item number agreeing, and without it.
ANCHORED_RATIO = 0.6
FUZZY_RATIO = 0.85

_ASSIGNMENTS = """
    select a.id, a.stable_id, m.body_id, a.body, a.date, i.number as item_number, a.task
    from assignments a join items i on i.id = a.item_id join meetings m on m.id = a.meeting_id
"""


def _similar(a: str | None, b: str | None) -> float:
    return SequenceMatcher(None, " ".join((a or "").lower().split()), " ".join((b or "").lower().split())).ratio()


def _same_body(row: dict, override: dict) -> bool:
    if override.get("body_id") is not None:
        return row["body_id"] == override["body_id"]
    return row["body"] == override["body"]


def set_override(db: Database, assignment: str, *, status: str, note: str | None, now: str) -> dict:
    """Record a user's status for an assignment (by row id or stable id) with its anchors; return it."""
    from minutes.models import ASSIGNMENT_STATUSES

    if status not in ASSIGNMENT_STATUSES:
        raise ValueError(f"status must be one of {', '.join(ASSIGNMENT_STATUSES)}")
    rows = list(db.query(_ASSIGNMENTS + " where a.id = ? or a.stable_id = ?", [assignment, assignment]))
    if not rows or not rows[0]["stable_id"]:
        raise LookupError(f"no linked assignment {assignment!r} (run `minutes link` first?)")
    row = rows[0]
    db.table("assignment_overrides").upsert(
        {"stable_id": row["stable_id"], "status": status, "note": note, "updated_at": now,
         "body_id": row["body_id"], "body": row["body"], "meeting_date": row["date"],
         "item_number": row["item_number"],
         "task": row["task"], "assignment_id": row["id"], "matched": "exact"},
        pk="stable_id",
    )
    db.table("assignments").update(row["id"], {"status": status, "status_note": note})
    return {"id": row["id"], "stable_id": row["stable_id"], "status": status, "note": note}


def _match(override: dict, by_stable: dict, rows: list[dict], taken: set) -> tuple[dict | None, str]:
    exact = by_stable.get(override["stable_id"])
    if exact is not None:
        return exact, "exact"
    if override.get("body") is None:
        return None, "unmatched"  # an override from before anchors were kept, and its assignment is gone
    best, how, score = None, "unmatched", 0.0
    for row in rows:
        if row["id"] in taken or not _same_body(row, override):
            continue
        same_date = row["date"] == override["meeting_date"]
        same_item = row["item_number"] == override["item_number"]
        if not (same_date or same_item):
            continue
        ratio = _similar(row["task"], override["task"])
        needed = ANCHORED_RATIO if same_date and same_item else FUZZY_RATIO
        if ratio >= needed and ratio > score:
            best, score = row, ratio
            how = "anchored" if same_date and same_item else "fuzzy"
    return best, how


def apply_overrides(db: Database) -> dict:
    """Match every override to the current assignments and apply it; return matched and unmatched counts.

    Runs inside the link step's transaction, after statuses were derived.
    """
    rows = list(db.query(_ASSIGNMENTS))
    by_stable = {row["stable_id"]: row for row in rows if row["stable_id"]}
    overrides = list(db.query("select * from assignment_overrides order by updated_at, stable_id"))
    taken: set = set()
    counts = {"matched": 0, "unmatched": 0}
    for override in overrides:
        row, how = _match(override, by_stable, rows, taken)
        anchors = {}
        if row is not None:
            taken.add(row["id"])
            db.conn.execute("update assignments set status = ?, status_note = ? where id = ?",
                            [override["status"], override["note"], row["id"]])
            # Anchors follow the assignment as it is now, so a file edited again and again
            # (or a body's label made longer by a namesake) keeps matching.
            anchors = {"body_id": row["body_id"], "body": row["body"], "meeting_date": row["date"],
                       "item_number": row["item_number"], "task": row["task"]}
        counts["matched" if row is not None else "unmatched"] += 1
        sets = {"assignment_id": row["id"] if row is not None else None, "matched": how, **anchors}
        assignments = ", ".join(f"[{k}] = ?" for k in sets)
        db.conn.execute(f"update assignment_overrides set {assignments} where stable_id = ?",
                        [*sets.values(), override["stable_id"]])
    return counts


def list_overrides(db: Database, *, unmatched_only: bool = False) -> list[dict]:
    """Every override with what it is anchored on and the assignment it applies to now (if any)."""
    where = " where matched = 'unmatched'" if unmatched_only else ""
    return list(db.query(
        "select stable_id, status, note, updated_at, body_id, body, meeting_date, item_number, task,"
        f" assignment_id, matched from assignment_overrides{where} order by meeting_date, item_number"
    ))
