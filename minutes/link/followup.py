"""Every assignment followed to its end: due date, report-back, status (issue 7).

Status is derived on every link run (open → reported when a later item in the
same thread reports back, overdue once the due date has passed) and then a
user's override from ``minutes assignments close/reopen`` is applied on top.
Overrides live in their own table keyed by a stable id made of the meeting,
the item number and the task, so they survive re-imports and reprocessing,
which delete and rewrite the ``assignments`` rows.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
from bisect import bisect_right
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from minutes.archive.schema import OPEN_ASSIGNMENT
from minutes.link.state import chunks, marks
from minutes.models import ASSIGNMENT_STATUSES
from minutes.swedish import normalise

#: Phrases by which a later item says it reports on an earlier task.
REPORT_BACK_CUES = (
    r"återrapport\w*",
    r"återkoppl\w*",
    r"redovis\w*",
    r"avrapport\w*",
    r"rapporterar tillbaka",
    r"fick [\w\s,.-]{0,80}?i uppdrag",
    r"gavs [\w\s,.-]{0,80}?i uppdrag",
    r"uppdraget (är|har) (slutfört|genomfört|klart|redovisats)",
)
REPORT_BACK = re.compile("|".join(REPORT_BACK_CUES))
#: A report-back that quotes the task this closely (partial ratio) is about that task.
TASK_QUOTE_RATIO = 85


def stable_id(meeting_id: str, item_number: str, task: str | None) -> str:
    """An assignment id that a re-import of the same document reproduces."""
    digest = hashlib.sha1(normalise(task or "").encode()).hexdigest()[:8]
    return f"{meeting_id}-{item_number}-{digest}"


def month_end(value: str) -> str:
    """'2019-05' → '2019-05-31'; 'YYYY' → 'YYYY-12-31'."""
    if len(value) == 4:
        return f"{value}-12-31"
    year, month = int(value[:4]), int(value[5:7])
    return f"{value[:7]}-{calendar.monthrange(year, month)[1]:02d}"


def resolve_due(due: str | None, next_meeting: str | None) -> str | None:
    """An ISO date for an extracted due value; None when it cannot be known."""
    if not due:
        return None
    if due == "next_meeting":
        return next_meeting
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", due):
        return due
    if re.fullmatch(r"\d{4}(-\d{2})?", due):
        return month_end(due)
    return None


def next_meetings(db, bodies: set | None = None) -> dict[str, str | None]:
    """Meeting id → date of the same body's next meeting in the archive (full dates only).

    ``bodies`` (body ids) limits the meetings read to those bodies'.
    """
    by_body: dict[str | None, list[tuple[str, str]]] = defaultdict(list)
    sql = "select id, body_id as body, date from meetings where date like '____-__-__'"
    if bodies is None:
        rows = db.query(sql)
    else:
        rows = (r for body in bodies for r in db.query(sql + " and body_id is ?", [body]))
    for r in rows:
        by_body[r["body"]].append((r["date"], r["id"]))
    following: dict[str, str | None] = {}
    for meetings in by_body.values():
        dates = sorted(d for d, _ in meetings)
        for date, meeting_id in meetings:
            k = bisect_right(dates, date)
            following[meeting_id] = dates[k] if k < len(dates) else None
    return following


def find_report(assignment: dict, later_items: list[dict]) -> str | None:
    """The first later item that reports back on ``assignment``, if any.

    The item must use a report-back phrase and quote the task, and be either
    in the same thread or name an assignee: the same task wording recurs in
    many bodies, so a quote alone could be someone else's report.
    """
    task = normalise(assignment["task"] or "")
    if len(task) <= 15:
        return None
    assignees = [normalise(a) for a in json.loads(assignment["assignees"] or "[]") if len(a) > 3]
    for item in later_items:
        text = item.get("norm")
        if text is None:  # an item not from a ReportIndex, which only holds items with a cue
            text = normalise(f"{item['title'] or ''}\n{item['text'] or ''}")
            if not REPORT_BACK.search(text):
                continue
        same_thread = assignment["thread_id"] is not None and item["thread_id"] == assignment["thread_id"]
        if not (same_thread or any(a in text for a in assignees)):
            continue
        if fuzz.partial_ratio(task, text) >= TASK_QUOTE_RATIO:
            return item["id"]
    return None


def derive_status(due_date: str | None, reported_item_id: str | None, today: dt.date) -> str:
    """reported when reported back; overdue when the due date has passed; else open."""
    if reported_item_id:
        return "reported"
    if due_date and due_date < today.isoformat():
        return "overdue"
    return "open"


#: "Vid mötet den … fick X i uppdrag att <task>": a later mention of an earlier task.
PAST_ASSIGNMENT = re.compile(r"\b(?:fick|gavs)\b[^.]{0,80}?\bi uppdrag att ([^.]+)")


def is_back_reference(task: str | None, item_text: str | None) -> bool:
    """True when the item mentions this task as given earlier ('fick … i uppdrag att …')."""
    if not task:
        return False
    return any(
        fuzz.ratio(normalise(task), normalise(m)) >= TASK_QUOTE_RATIO
        for m in PAST_ASSIGNMENT.findall(item_text or "")
    )


class ReportIndex:
    """The archive's items that could report back (they use a report-back phrase), by body and thread.

    Each assignment then looks only at the later such items of its body and
    thread (a binary search by date), so following up every assignment costs
    about what reading the archive once does.
    """

    def __init__(self, db, thread_of: dict[str, int], *, bodies: set | dict | None = None,
                 items: set[str] | None = None):
        self.by_body: dict = defaultdict(list)
        self.by_thread: dict = defaultdict(list)
        sql = """select i.id, i.title, i.text, m.body_id as body, m.date, m.source, i.position from items i
                 join meetings m on m.id = i.meeting_id"""
        if bodies is None:
            rows: list = list(db.query(sql + " order by m.date, m.source, i.position"))
        else:  # incremental: the bodies' items since a date, and the thread members the assignments can use
            since = bodies if isinstance(bodies, dict) else dict.fromkeys(bodies, "")
            found = {r["id"]: r for body, date in since.items()
                     for r in db.query(sql + " where m.body_id is ? and m.date >= ?", [body, date])}
            ids = sorted((items or set()) - set(found))
            for k in range(0, len(ids), 500):
                chunk = ids[k:k + 500]
                found.update((r["id"], r) for r in db.query(f"{sql} where i.id in ({', '.join('?' * len(chunk))})",
                                                            chunk))
            rows = sorted(found.values(), key=lambda r: (r["date"] or "", r["source"] or "", r["position"] or 0))
        for order, r in enumerate(rows):
            norm = normalise(f"{r['title'] or ''}\n{r['text'] or ''}")
            if not REPORT_BACK.search(norm):
                continue
            item = {"id": r["id"], "norm": norm, "date": r["date"] or "", "body": r["body"],
                    "thread_id": thread_of.get(r["id"]), "order": order}
            self.by_body[r["body"]].append(item)
            if item["thread_id"] is not None:
                self.by_thread[item["thread_id"]].append(item)
        self.dates = {key: [i["date"] for i in items] for key, items in self.by_body.items()}
        self.thread_dates = {key: [i["date"] for i in items] for key, items in self.by_thread.items()}

    def later(self, assignment: dict) -> list[dict]:
        """Items after the assignment's meeting, of its thread or its body, in archive order."""
        date = assignment["date"] or ""
        body = assignment["body"]
        found = self.by_body.get(body, [])[bisect_right(self.dates.get(body, []), date):]
        thread = assignment["thread_id"]
        if thread is not None and thread in self.by_thread:
            others = self.by_thread[thread][bisect_right(self.thread_dates[thread], date):]
            found = sorted({i["id"]: i for i in [*found, *others]}.values(), key=lambda i: i["order"])
        return found


ASSIGNMENT_ROWS = """select a.id, a.meeting_id, a.item_id, a.task, a.due, a.assignees, m.body_id as body, m.date,
                  i.number, i.text as item_text
           from assignments a join meetings m on m.id = a.meeting_id
           join items i on i.id = a.item_id"""


def _assignments_where(db, column: str, values) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for batch in chunks(sorted(values or ())):
        found.update((r["id"], r) for r in db.query(f"{ASSIGNMENT_ROWS} where {column} in ({marks(batch)})", batch))
    return found


def _membership(db, column: str, values) -> dict[str, int]:
    """item id -> thread id for the thread members whose ``column`` (item_id or thread_id) is in ``values``."""
    found: dict[str, int] = {}
    for batch in chunks(sorted(values)):
        found.update(db.execute(
            f"select item_id, thread_id from thread_members where {column} in ({marks(batch)})", batch).fetchall())
    return found


def _threads_of(db, item_ids) -> dict[str, int]:
    return _membership(db, "item_id", item_ids)


def _thread_members(db, threads) -> dict[str, int]:
    return _membership(db, "thread_id", threads)


def _previous_meetings(db, meetings: list[str]) -> set[str]:
    """The meeting of the same body just before each of ``meetings``: its "till nästa möte" now has a date."""
    found = set()
    for meeting in meetings:
        row = db.execute("""select p.id from meetings m join meetings p on p.body_id is m.body_id
                            and p.date < m.date and p.date like '____-__-__'
                            where m.id = ? order by p.date desc limit 1""", [meeting]).fetchone()
        if row:
            found.add(row[0])
    return found


def update_scoped(db, scope: dict, *, today: dt.date, overrides: dict) -> Counter:
    """Follow up what an incremental link touched (issue 15).

    ``scope``: ``meetings`` (the new meeting ids), ``items`` (the items whose thread
    changed), ``threads`` (item → thread id of every relinked item) and ``bodies`` (the
    new meetings' body ids). The assignments of the new meetings, of the
    region (their thread may have changed) and of each body's previous meeting (whose
    next meeting may now be known) are followed up in full; the other open assignments
    of the bodies are only checked against the new items, the only later items that
    can have changed for them.
    """
    # Relinked items keep their follow-up unless their thread changed, but the thread has a new id.
    db.conn.executemany("update assignments set thread_id = ? where item_id = ?",
                        [(thread, item) for item, thread in (scope.get("threads") or {}).items()])
    new = list(scope.get("meetings") or ())
    full = _assignments_where(db, "a.meeting_id", set(new) | _previous_meetings(db, new))
    full.update(_assignments_where(db, "a.item_id", scope.get("items")))
    bodies = set(scope.get("bodies") or ())
    rest = {r["id"]: r for body in bodies for r in db.query(
        f"{ASSIGNMENT_ROWS} where m.body_id is ? and {OPEN_ASSIGNMENT}", [body]) if r["id"] not in full}
    thread_of = _threads_of(db, {r["item_id"] for r in [*full.values(), *rest.values()]})
    thread_of.update(_thread_members(db, {thread_of[r["item_id"]] for r in full.values()
                                          if r["item_id"] in thread_of}))
    since: dict = {}
    for r in full.values():
        since[r["body"]] = min(since.get(r["body"], r["date"] or ""), r["date"] or "")
    reports = ReportIndex(db, thread_of, bodies=since, items=set(thread_of))
    following = next_meetings(db, set(since) | bodies)
    counts: Counter = Counter()
    updates = []
    for a in full.values():
        a["thread_id"] = thread_of.get(a["item_id"])
        u = follow_up(a, reports.later(a), following, overrides, today)
        updates.append(u)
        counts[u["status"]] += 1
    new_items = {r[0] for m in new for r in db.execute("select id from items where meeting_id = ?", [m])}
    fresh = ReportIndex(db, thread_of, bodies={}, items=new_items)
    for a in rest.values():
        a["thread_id"] = thread_of.get(a["item_id"])
        reported = find_report(a, fresh.later(a))
        if reported:
            u = follow_up(a, fresh.later(a), following, overrides, today)
            updates.append(u)
            counts[u["status"]] += 1
    _write(db, updates)
    return counts


def _write(db, updates: list[dict]) -> None:
    db.conn.executemany(
        """update assignments set stable_id = ?, due_date = ?, thread_id = ?, reported_item_id = ?,
           status = ?, status_note = ? where id = ?""",
        [(u["stable_id"], u["due_date"], u["thread_id"], u["reported_item_id"], u["status"], u["status_note"],
          u["id"]) for u in updates],
    )


def update_assignments(db, thread_of: dict[str, int], *, today: dt.date, scope: dict | None = None) -> Counter:
    """Write due_date, thread, report-back link and status of every assignment (or of those an
    incremental link touched, see :func:`update_scoped`); count the statuses written."""
    overrides = {r["stable_id"]: r for r in db.query("select * from assignment_overrides")}
    if scope is not None:
        return update_scoped(db, scope, today=today, overrides=overrides)
    following = next_meetings(db)
    reports = ReportIndex(db, thread_of)
    counts: Counter = Counter()
    updates = []
    for a in db.query(ASSIGNMENT_ROWS):
        a["thread_id"] = thread_of.get(a["item_id"])
        u = follow_up(a, reports.later(a), following, overrides, today)
        updates.append(u)
        counts[u["status"]] += 1
    _write(db, updates)
    return counts


def follow_up(a: dict, later: list[dict], following: dict, overrides: dict, today: dt.date) -> dict:
    """The follow-up columns of one assignment row (see :func:`update_assignments`).

    ``later``: the items after the assignment's meeting, of its thread or body, in archive order.
    """
    key = stable_id(a["meeting_id"], a["number"], a["task"])
    due_date = resolve_due(a["due"], following.get(a["meeting_id"]))
    if is_back_reference(a["task"], a["item_text"]):
        reported = a["item_id"]
    else:
        reported = find_report(a, later)
    status = derive_status(due_date, reported, today)
    override = overrides.get(key)
    return {
        "id": a["id"],
        "stable_id": key,
        "due_date": due_date,
        "thread_id": a["thread_id"],
        "reported_item_id": reported,
        "status": override["status"] if override else status,
        "status_note": override["note"] if override else None,
    }


def set_override(db, assignment: str, *, status: str, note: str | None, now: str) -> dict:
    """Record a user's status for an assignment (by row id or stable id); return the row."""
    if status not in ASSIGNMENT_STATUSES:
        raise ValueError(f"status must be one of {', '.join(ASSIGNMENT_STATUSES)}")
    rows = list(
        db.query("select id, stable_id from assignments where id = ? or stable_id = ?",
                 [assignment, assignment])
    )
    if not rows or not rows[0]["stable_id"]:
        raise LookupError(f"no linked assignment {assignment!r} (run `minutes link` first?)")
    key = rows[0]["stable_id"]
    db["assignment_overrides"].upsert(
        {"stable_id": key, "status": status, "note": note, "updated_at": now}, pk="stable_id"
    )
    db["assignments"].update(rows[0]["id"], {"status": status, "status_note": note})
    return {"id": rows[0]["id"], "stable_id": key, "status": status, "note": note}



def list_assignments(db, *, open_only: bool = False, person: str | None = None,
                     body: str | None = None) -> list[dict]:
    """Assignments by due date, optionally only open/overdue ones, one person's or one body's.

    ``person`` matches any written variant of the person's name (case-insensitive part).
    """
    where, params = [], []
    if open_only:
        where.append(OPEN_ASSIGNMENT)
    if body:
        where.append("a.body = ?")
        params.append(body)
    if person:
        where.append(
            """exists (select 1 from json_each(a.assignees) j
               join person_names pn on pn.name = j.value join person_names other
               on other.person_id = pn.person_id where other.name like ?)"""
        )
        params.append(f"%{person}%")
    sql = f"""select a.id, a.stable_id, a.status, a.due_date, a.body, a.date, a.assignees,
                     a.task, a.reported_item_id, a.status_note
              from assignments a {"where " + " and ".join(where) if where else ""}
              order by coalesce(a.due_date, '9999'), a.date, a.id"""
    return list(db.query(sql, params))
