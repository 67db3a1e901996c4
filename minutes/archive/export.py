"""Reading meetings back out of the archive, and writing them as gold-shaped JSON.

The export reads only the archive (no re-extraction), so what it writes is
exactly what users search and browse.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_utils import Database

from minutes.models import (
    Assignment,
    Attendee,
    DateMention,
    Decision,
    Item,
    Meeting,
    SourceSpan,
    to_gold,
)


def _span(row: dict) -> SourceSpan | None:
    if row.get("start") is None:
        return None
    return SourceSpan(start=row["start"], end=row["end"], page=row.get("page") or 1)


def _rows(db: Database, sql: str, params: list) -> list[dict]:
    return list(db.query(sql, params))


def load_meeting(db: Database, meeting_id: str) -> Meeting:
    """Rebuild the :class:`Meeting` stored under ``meeting_id``."""
    row = _rows(db, "select * from meetings where id = ?", [meeting_id])[0]
    meeting = Meeting(
        source=row["source"],
        body=row["body"],
        body_name=row["body_name"],
        date=row["date"],
        start_time=row["start_time"],
        end_time=row["end_time"],
        location=row["location"],
        signatories=json.loads(row["signatories"] or "[]"),
    )
    meeting.attendees = [
        Attendee(
            name=a["name"],
            organization=a["organization"],
            role=a["role"],
            party=a["party"],
            status=a["status"],
            span=_span(a),
        )
        for a in _rows(
            db, "select * from attendees where meeting_id = ? order by position", [meeting_id]
        )
    ]
    meeting.items = [
        _load_item(db, i)
        for i in _rows(
            db, "select * from items where meeting_id = ? order by position", [meeting_id]
        )
    ]
    meeting.dates = [
        DateMention(text=d["text"], value=d["value"], span=_span(d))
        for d in _rows(
            db, "select * from date_mentions where meeting_id = ? order by rowid", [meeting_id]
        )
    ]
    return meeting


def _load_item(db: Database, row: dict) -> Item:
    decisions = [
        Decision(text=d["text"], kind=d["kind"], optional=bool(d["optional"]), span=_span(d))
        for d in _rows(
            db, "select * from decisions where item_id = ? order by position", [row["id"]]
        )
    ]
    assignments = [
        Assignment(
            task=a["task"],
            assignees=json.loads(a["assignees"] or "[]"),
            due=a["due"],
            optional=bool(a["optional"]),
            span=_span(a),
        )
        for a in _rows(
            db, "select * from assignments where item_id = ? order by position", [row["id"]]
        )
    ]
    return Item(
        number=row["number"],
        title=row["title"],
        kind=row["kind"],
        presenters=json.loads(row["presenters"] or "[]"),
        speakers=json.loads(row["speakers"] or "[]"),
        decisions=decisions,
        assignments=assignments,
        text=row["text"] or "",
        span=_span(row),
    )


def meeting_ids(db: Database) -> list[str]:
    """All meeting ids, in date then source order."""
    return [r["id"] for r in db.query("select id from meetings order by date, source")]


def load_threads(db: Database) -> list[dict]:
    """Threads in the gold shape; empty until threads are linked (issue 7)."""
    if "threads" not in db.table_names() or "thread_members" not in db.table_names():
        return []
    threads = []
    for t in db.query("select id, label from threads order by id"):
        members = [
            [m["source"], m["number"]]
            for m in db.query(
                """select m.source, i.number from thread_members tm
                   join items i on i.id = tm.item_id join meetings m on m.id = i.meeting_id
                   where tm.thread_id = ? order by m.date, i.position""",
                [t["id"]],
            )
        ]
        threads.append({"label": t["label"], "members": members})
    return threads


def export_json(db: Database, out_dir: str | Path) -> list[Path]:
    """Write one gold-shaped JSON file per meeting, plus ``threads.json``; return the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    used: set[str] = {"threads"}
    for meeting_id in meeting_ids(db):
        meeting = load_meeting(db, meeting_id)
        # Files are named after their source; two sources with one name (in different
        # folders) get the meeting id added, since scorers pair files by "source".
        stem = Path(meeting.source).stem
        name = stem if stem not in used else f"{stem}-{meeting_id[:8]}"
        used.add(name)
        path = out / f"{name}.json"
        path.write_text(
            json.dumps(to_gold(meeting), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        written.append(path)
    threads = out / "threads.json"
    threads.write_text(json.dumps(load_threads(db), ensure_ascii=False, indent=2), encoding="utf-8")
    written.append(threads)
    return written
