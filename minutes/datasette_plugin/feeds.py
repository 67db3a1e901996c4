"""The assignments calendar (RFC 5545, ``icalendar``) and the decisions feed (Atom, ``feedgen``).

Calendar: one all-day event per assignment with a due date, with DTSTAMP, a
stable UID, a URL back to its item and a STATUS; reported and done ones are
left out unless ``?alla=1``. ``?organ=ID`` and ``?person=ID`` narrow it.

Feed: the newest decisions with absolute links and URI ids; formalities
(agenda approved, justerare chosen, the meeting opened) are left out.
"""

from __future__ import annotations

import datetime as dt
import json

from datasette.utils.asgi import NotFound, Response

from minutes.archive import web
from minutes.archive.formalities import is_formality
from minutes.datasette_plugin.labels import sv
from minutes.datasette_plugin.site import rows
from minutes.datasette_plugin.urls import url_for

#: An event is about an open task; one that is done shows as cancelled when included.
EVENT_STATUS = {"open": "CONFIRMED", "overdue": "CONFIRMED", "reported": "CANCELLED", "done": "CANCELLED"}


async def _scope(datasette, request) -> dict:
    """The ``organ``/``person`` narrowing of a feed, checked against the archive."""
    scope: dict = {}
    if request.args.get("organ"):
        found = await rows(datasette, web.body_sql(request.args["organ"]))
        if not found:
            raise NotFound("Organet finns inte i arkivet")
        scope["body_id"], scope["title"] = found[0]["id"], found[0]["label"]
    if request.args.get("person"):
        found = await rows(datasette, web.person_sql(request.args["person"]))
        if not found:
            raise NotFound("Personen finns inte i arkivet")
        scope["person"], scope["title"] = found[0]["name"], found[0]["name"]
    return scope


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


async def calendar(datasette, request):
    """``/-/uppdrag.ics``: assignments' due dates as all-day events."""
    from icalendar import Calendar, Event

    scope = await _scope(datasette, request)
    found = await rows(datasette, web.assignments_sql(
        body_id=scope.get("body_id"), person=scope.get("person"),
        include_closed=request.args.get("alla") == "1", due_only=True, limit=5000,
    ))
    cal = Calendar()
    cal.add("prodid", "-//minutes//Protokollarkivet//SV")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Uppdrag" + (f" – {scope['title']}" if scope.get("title") else ""))
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    host = request.host.split(":")[0] or "localhost"
    for a in found:
        due = _date(a["due_date"])
        if due is None:
            continue
        event = Event()
        event.add("uid", f"uppdrag-{a['id']}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + dt.timedelta(days=1))
        event.add("summary", f"{a['body'] or 'Uppdrag'}: {_short(a['task'])}")
        people = ", ".join(json.loads(a["assignees"] or "[]")) or "okänd"
        event.add("description", (
            f"{a['task']}\n\nAnsvariga: {people}\nÄrende: {a['item_number'] or ''} {a['item_title'] or ''}"
            f"\nMöte: {a['body'] or ''} {a['meeting_date'] or ''}\nStatus: {sv(a['status'])}"
        ))
        event.add("url", datasette.absolute_url(request, url_for(datasette, "punkt", a["item_id"])))
        event.add("status", EVENT_STATUS.get(a["status"], "CONFIRMED"))
        cal.add_component(event)
    return Response(
        cal.to_ical().decode("utf-8"),
        content_type="text/calendar; charset=utf-8",
        headers={"content-disposition": 'inline; filename="uppdrag.ics"'},
    )


def _short(text: str | None, width: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


async def decisions_feed(datasette, request):
    """``/-/beslut.atom``: the newest decisions, formalities left out."""
    from feedgen.feed import FeedGenerator

    scope = await _scope(datasette, request)
    found = await rows(datasette, web.recent_decisions_sql(body_id=scope.get("body_id"), limit=200))
    home = datasette.absolute_url(request, url_for(datasette, "hem"))
    feed = FeedGenerator()
    feed.id(datasette.absolute_url(request, request.full_path))
    feed.title("Nya beslut" + (f" – {scope['title']}" if scope.get("title") else "") + " – Protokollarkivet")
    feed.link(href=home, rel="alternate")
    feed.link(href=datasette.absolute_url(request, request.full_path), rel="self")
    feed.language("sv")
    latest = None
    for d in reversed([d for d in found if not is_formality(d["item_title"])][:100]):
        updated = _updated(d["date"])
        latest = max(latest, updated) if latest else updated
        link = datasette.absolute_url(request, url_for(datasette, "punkt", d["item_id"]))
        entry = feed.add_entry()
        entry.id(f"{link}#beslut-{d['id']}")
        entry.title(f"{d['body'] or ''} {d['date'] or ''}: {d['item_title'] or _short(d['text'])}".strip())
        entry.link(href=link)
        entry.updated(updated)
        entry.summary(f"{sv(d['kind'])}: {d['text']}")
    feed.updated(latest or dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
    return Response(feed.atom_str(pretty=True).decode("utf-8"), content_type="application/atom+xml; charset=utf-8")


def _updated(date: str | None) -> dt.datetime:
    """A meeting date as the entry's update time (midnight UTC); a bare year as its 1 January."""
    day = _date(date) or _date(f"{(date or '1970')[:4]}-01-01") or dt.date(1970, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
