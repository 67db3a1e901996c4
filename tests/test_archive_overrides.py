"""Hand-set assignment statuses follow their assignment across edits (issue 13): matching rules."""

from __future__ import annotations

from minutes.archive.overrides import apply_overrides, list_overrides, set_override


def _meeting(db, meeting: str, body_id: int, label: str, date: str, tasks: dict[str, str]) -> None:
    db.execute("insert or ignore into bodies (id, short_name) values (?, ?)", [body_id, f"body-{body_id}"])
    db.execute("insert into meetings (id, body_id, body, date) values (?, ?, ?, ?)", [meeting, body_id, label, date])
    for number, task in tasks.items():
        item = f"{meeting}-{number}"
        db.execute("insert into items (id, meeting_id, number) values (?, ?, ?)", [item, meeting, number])
        db.execute(
            "insert into assignments (id, meeting_id, item_id, stable_id, body, date, task, status)"
            " values (?, ?, ?, ?, ?, ?, ?, 'open')",
            [f"{item}-t0", meeting, item, f"{meeting}-{number}-s", label, date, task],
        )


def _replace(db, old: str, new: str, body_id: int, label: str, date: str, tasks: dict[str, str]) -> None:
    """The source file was edited: its meeting (and every id under it) is new."""
    for table in ("assignments", "items"):
        db.execute(f"delete from {table} where meeting_id = ?", [old])
    db.execute("delete from meetings where id = ?", [old])
    _meeting(db, new, body_id, label, date, tasks)


def _status(db, task_start: str) -> tuple:
    return db.execute("select status, status_note from assignments where task like ?", [task_start + "%"]).fetchone()


def test_archive_overrides_follow_an_edit_and_a_longer_body_label(fresh_db):
    db = fresh_db
    _meeting(db, "m1", 7, "SRO", "2019-02-14", {"4": "kartlägga hur rutinen tillämpas", "5": "ta fram en plan"})
    set_override(db, "m1-4-t0", status="done", note="Klart", now="2020-01-01")
    # Edited file, and a namesake body made the label longer; the task gained a word.
    _replace(db, "m1", "m2", 7, "SRO (Samrådsorganet)", "2019-02-14",
             {"4": "kartlägga hur rutinen tillämpas i verksamheterna", "5": "ta fram en plan"})
    assert apply_overrides(db) == {"matched": 1, "unmatched": 0}
    assert _status(db, "kartlägga") == ("done", "Klart")
    assert _status(db, "ta fram") == ("open", None)
    [row] = list_overrides(db)
    assert (row["matched"], row["assignment_id"], row["body"]) == ("anchored", "m2-4-t0", "SRO (Samrådsorganet)")


def test_archive_overrides_fuzzy_when_the_item_was_renumbered_and_reported_when_lost(fresh_db):
    db = fresh_db
    _meeting(db, "m1", 3, "KS", "2019-03-01", {"4": "utreda frågan om nya lokaler för skolan"})
    set_override(db, "m1-4-t0", status="done", note=None, now="2020-01-01")
    _replace(db, "m1", "m2", 3, "KS", "2019-03-01", {"5": "utreda frågan om nya lokaler för skolan."})
    assert apply_overrides(db)["matched"] == 1 and list_overrides(db)[0]["matched"] == "fuzzy"
    assert _status(db, "utreda") == ("done", None)
    # Another body's assignment with the same words is never taken for it.
    _replace(db, "m2", "m3", 4, "BUN", "2019-03-01", {"5": "utreda frågan om nya lokaler för skolan."})
    assert apply_overrides(db) == {"matched": 0, "unmatched": 1}
    assert _status(db, "utreda") == ("open", None)
    assert [r["task"] for r in list_overrides(db, unmatched_only=True)] == ["utreda frågan om nya lokaler för skolan."]
