"""Reading meetings back out of the archive, and writing them as gold-shaped JSON.

The export reads only the archive (no re-extraction), so what it writes is
exactly what users search and browse.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, cast

from sqlite_utils import Database

from minutes.archive.facts import BY_NAME, FACTS, MEETING, Fact, children, key_column
from minutes.archive.overrides import list_overrides
from minutes.models import Meeting, SourceSpan, to_gold


def _span(row: dict) -> SourceSpan | None:
    if row.get("start") is None:
        return None
    return SourceSpan(start=row["start"], end=row["end"], page=row.get("page") or 1)


def _required_fields(model: type) -> frozenset[str]:
    """Fields without a default ("Item.number", None when unnumbered): passed even when NULL."""
    return frozenset(
        f.name for f in dataclasses.fields(model)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


def _model(fact: Fact, row: dict, below: dict[str, dict[str, list[dict]]]) -> Any:
    """One fact's dataclass from its row, with the facts below it attached.

    A stored NULL is left out, so the dataclass default applies (an empty
    list, ``"unknown"``, ``False``), as it did when the fact was extracted.
    """
    values = {c.attribute: c.decode(row[c.name]) for c in fact.loadable()}
    required = _required_fields(fact.model)
    kwargs = {name: value for name, value in values.items() if value is not None or name in required}
    if fact.has_span:
        kwargs["span"] = _span(row)
    for child in children(fact):
        kwargs[child.attr] = [_model(child, r, below) for r in below[child.table].get(row["id"], [])]
    return fact.model(**kwargs)


def load_meeting(db: Database, meeting_id: str) -> Meeting:
    """Rebuild the :class:`Meeting` stored under ``meeting_id``, every fact in its place.

    One query per fact table: each table's rows of the meeting, grouped under
    their parent's id and kept in their order.
    """
    below: dict[str, dict[str, list[dict]]] = {}
    for fact in FACTS[1:]:
        grouped: dict[str, list[dict]] = {}
        key = key_column(BY_NAME[fact.parent or "meeting"])
        sql = f"select * from [{fact.table}] where meeting_id = ? order by position, rowid"
        for row in db.query(sql, [meeting_id]):
            grouped.setdefault(row[key], []).append(row)
        below[fact.table] = grouped
    row = next(db.query("select * from meetings where id = ?", [meeting_id]))
    return cast(Meeting, _model(MEETING, row, below))


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
    """Write one gold-shaped JSON file per meeting, ``threads.json`` and ``overrides.jsonl``; return the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    used: set[str] = {"threads", "overrides"}
    for meeting_id in meeting_ids(db):
        meeting = load_meeting(db, meeting_id)
        # Files are named after their source; two sources with one name (in different
        # folders) get the meeting id added, since scorers pair files by "source".
        stem = _fitting(Path(meeting.source).stem)
        name = stem if stem not in used else f"{stem}-{meeting_id[:8]}"
        used.add(name)
        path = out / f"{name}.json"
        path.write_text(
            json.dumps(to_gold(meeting), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        written.append(path)
    threads = out / "threads.json"
    threads.write_text(json.dumps(load_threads(db), ensure_ascii=False, indent=2), encoding="utf-8")
    # What the user said is exported too, so the archive is not its only copy (issue 13):
    # one override a line (.jsonl, so tools pairing meeting files by *.json pass it by).
    overrides = out / "overrides.jsonl"
    lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in list_overrides(db)]
    overrides.write_text("".join(lines), encoding="utf-8")
    written += [threads, overrides]
    return written


#: Bytes of a file stem that leave room for "-<id>.json" within a 255-byte file name.
MAX_STEM_BYTES = 200


def _fitting(stem: str) -> str:
    """A source's stem cut to fit a file name (255 bytes), whole characters only."""
    raw = stem.encode("utf-8", "surrogateescape")
    if len(raw) <= MAX_STEM_BYTES:
        return stem
    return raw[:MAX_STEM_BYTES].decode("utf-8", "ignore")
