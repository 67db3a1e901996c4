"""Conversion between :class:`Meeting` and the gold JSON shape (``shared/gold/FORMAT.md``).

The export writes exactly this shape so that ``shared/eval/score.py`` can score
the archive. Spans and item texts are not part of the gold shape and are
dropped by :func:`to_gold`.
"""

from __future__ import annotations

from typing import Any

from minutes.models.meeting import (
    BALLOT_VOTES,
    Assignment,
    Attendee,
    DateMention,
    Decision,
    Item,
    Meeting,
    Proposal,
    Reservation,
    Vote,
)

#: Fields of formal protocols: written on every item of a meeting that has any of them
#: (``FORMAT.md``: a document is scored on them only when its gold has them).
PROTOCOL_KEYS = ("case_number", "proposals", "votes", "reservations")
VOTE_COUNTS = BALLOT_VOTES  # a vote's counts are kept per way a member can vote

MEETING_FIELDS = ("body", "body_name", "date", "start_time", "end_time", "location")


def to_gold(meeting: Meeting) -> dict:
    """The gold-shaped dict for one meeting."""
    head = {key: getattr(meeting, key) for key in MEETING_FIELDS}
    head["signatories"] = list(meeting.signatories)
    protocol = any(item.has_protocol_facts for item in meeting.items)
    return {
        "source": meeting.source,
        "meeting": head,
        "attendees": [_attendee(a) for a in meeting.attendees],
        "items": [_item(i, protocol=protocol) for i in meeting.items],
        "dates": [{"text": d.text, "value": d.value} for d in meeting.dates],
    }


def _attendee(a: Attendee) -> dict:
    return {
        "name": a.name,
        "organization": a.organization,
        "role": a.role,
        "party": a.party,
        "status": a.status,
    }


def _item(item: Item, *, protocol: bool = False) -> dict:
    data: dict[str, Any] = {
        "number": item.number,
        "title": item.title,
        "kind": item.kind,
        "presenters": list(item.presenters),
        "speakers": list(item.speakers),
        "decisions": [
            {"text": d.text, "kind": d.kind, "optional": d.optional} for d in item.decisions
        ],
        "assignments": [
            {
                "assignees": list(a.assignees),
                "task": a.task,
                "due": a.due,
                "optional": a.optional,
            }
            for a in item.assignments
        ],
    }
    if protocol:
        data["case_number"] = item.case_number
        data["proposals"] = [{"by": list(p.by), "text": p.text} for p in item.proposals]
        data["votes"] = [{key: getattr(v, key) for key in VOTE_COUNTS} for v in item.votes]
        data["reservations"] = [r.by for r in item.reservations]
    return data


def meeting_from_gold(data: dict) -> Meeting:
    """Build a :class:`Meeting` from a gold-shaped dict (the inverse of :func:`to_gold`)."""
    head = data.get("meeting") or {}
    return Meeting(
        source=data.get("source", ""),
        signatories=list(head.get("signatories") or []),
        attendees=[Attendee(**a) for a in data.get("attendees") or []],
        items=[_item_from_gold(i) for i in data.get("items") or []],
        dates=[DateMention(text=d["text"], value=d["value"]) for d in data.get("dates") or []],
        **{key: head.get(key) for key in MEETING_FIELDS},
    )


def _item_from_gold(data: dict) -> Item:
    return Item(
        number=data["number"],
        title=data["title"],
        kind=data.get("kind"),
        presenters=list(data.get("presenters") or []),
        speakers=list(data.get("speakers") or []),
        decisions=[Decision(**d) for d in data.get("decisions") or []],
        assignments=[Assignment(**a) for a in data.get("assignments") or []],
        case_number=data.get("case_number"),
        proposals=[Proposal(text=p["text"], by=list(p.get("by") or [])) for p in data.get("proposals") or []],
        votes=[Vote(**{key: v.get(key) for key in VOTE_COUNTS}) for v in data.get("votes") or []],
        reservations=[Reservation(by=r) for r in data.get("reservations") or []],
    )
