"""Known answers of the new families, collected while the text is written.

Writers call these helpers at the moment they print a fact, so the truth never lists
something the page does not show. The result has the gold shape of
``shared/gold/FORMAT.md``; documents of formal protocols also carry, on every item, the
four keys of "Fields of Swedish protocols" (case_number, proposals, votes, reservations).

Protocol documents add facts the gold shape does not score yet, under keys named as in
``minutes.models`` (the scorer ignores keys it does not know):

- per item: ``notes`` (protokollsanteckningar, ``{"by": [...], "text": ...}``), ``recusals``
  (names of members who declared jäv), ``recipients`` (Expedieras/Beslutet skickas till) and
  ``immediately_adjusted`` (the paragraph was declared omedelbart justerad);
- per vote: ``yes_means``/``no_means`` as printed and ``ballots``, the named vote list
  (``{"name", "party", "vote"}`` with vote yes/no/abstain/absent) when the protocol prints one;
- per attendee: ``substitute_for`` (the member a tjänstgörande ersättare replaces) and
  ``attendance`` (the part of the meeting, as printed: "§ 12-15").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PROTOCOL_KEYS = ("case_number", "proposals", "votes", "reservations")
EXTRA_ITEM_KEYS = ("notes", "recusals", "recipients", "immediately_adjusted")
EXTRA_ATTENDEE_KEYS = ("substitute_for", "attendance")


@dataclass(slots=True)
class TAttendee:
    """An attendee as the truth lists it."""

    name: str
    status: str
    organization: str | None = None
    role: str | None = None
    party: str | None = None
    substitute_for: str | None = None
    attendance: str | None = None

    def as_gold(self, protocol: bool) -> dict:
        data = {
            "name": self.name,
            "organization": self.organization,
            "role": self.role,
            "party": self.party,
            "status": self.status,
        }
        if protocol:
            data.update(substitute_for=self.substitute_for, attendance=self.attendance)
        return data


@dataclass(slots=True)
class TItem:
    """One item's known answers."""

    number: str | None
    title: str
    kind: str | None = None
    presenters: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    decisions: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)
    case_number: str | None = None
    proposals: list[dict] = field(default_factory=list)
    votes: list[dict] = field(default_factory=list)
    reservations: list[str] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    recusals: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    immediately_adjusted: bool = False

    def decide(self, text: str, kind: str, optional: bool = False) -> None:
        self.decisions.append({"text": text, "kind": kind, "optional": optional})

    def assign(self, assignees: list[str], task: str, due: str | None = None, optional: bool = False) -> None:
        self.assignments.append({"assignees": list(assignees), "task": task, "due": due, "optional": optional})

    def speaker(self, name: str) -> None:
        if name not in self.speakers:
            self.speakers.append(name)

    def as_gold(self, protocol: bool) -> dict:
        data: dict[str, Any] = {
            "number": self.number,
            "title": self.title,
            "kind": self.kind,
            "presenters": list(self.presenters),
            "speakers": list(self.speakers),
            "decisions": list(self.decisions),
            "assignments": list(self.assignments),
        }
        if protocol:
            data.update(
                case_number=self.case_number,
                proposals=list(self.proposals),
                votes=list(self.votes),
                reservations=list(self.reservations),
                notes=list(self.notes),
                recusals=list(self.recusals),
                recipients=list(self.recipients),
                immediately_adjusted=self.immediately_adjusted,
            )
        return data


@dataclass(slots=True)
class TMeeting:
    """The whole document's known answers, filled in while it is written."""

    source: str
    body: str | None
    body_name: str | None
    date: str | None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    signatories: list[str] = field(default_factory=list)
    attendees: list[TAttendee] = field(default_factory=list)
    items: list[TItem] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    protocol: bool = False

    def record(self, text: str, value: str) -> str:
        """Remember a date exactly as printed; returns the text so callers can print it."""
        self.dates.append((text, value))
        return text

    def item(self, number: str | None, title: str, **kwargs) -> TItem:
        item = TItem(number, title, **kwargs)
        self.items.append(item)
        return item

    def as_gold(self) -> dict:
        """The gold-shaped dict (one text per distinct date value, as the classic truth)."""
        protocol = self.protocol or any(i.case_number or i.proposals or i.votes or i.reservations for i in self.items)
        seen, dates = set(), []
        for text, value in self.dates:
            if value not in seen:
                seen.add(value)
                dates.append({"text": text, "value": value})
        return {
            "source": self.source,
            "meeting": {
                "body": self.body,
                "body_name": self.body_name,
                "date": self.date,
                "start_time": self.start_time,
                "end_time": self.end_time,
                "location": self.location,
                "signatories": list(self.signatories),
            },
            "attendees": [a.as_gold(protocol) for a in self.attendees],
            "items": [i.as_gold(protocol) for i in self.items],
            "dates": dates,
        }


def vote_entry(
    yes: int | None,
    no: int | None,
    abstain: int | None,
    absent: int | None,
    *,
    yes_means: str | None = None,
    no_means: str | None = None,
    ballots: list[dict] | None = None,
) -> dict:
    """A vote in the gold shape, with the named list and what Ja/Nej meant when printed."""
    entry: dict[str, Any] = {"yes": yes, "no": no, "abstain": abstain, "absent": absent}
    if yes_means or no_means:
        entry.update(yes_means=yes_means, no_means=no_means)
    if ballots:
        entry["ballots"] = ballots
    return entry
