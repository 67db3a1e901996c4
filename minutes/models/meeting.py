"""Meeting, attendee, item, decision, assignment, date mention and source span."""

from __future__ import annotations

from dataclasses import dataclass, field

DECISION_KINDS = ("noted", "endorsed", "decided", "referred", "other")
ITEM_KINDS = ("information", "dialog", "beslut", "information och dialog")
ATTENDEE_STATUSES = ("present", "absent", "invited", "called", "unknown")
ASSIGNMENT_STATUSES = ("open", "reported", "done", "overdue")


@dataclass(frozen=True)
class SourceSpan:
    """Where a fact was read: characters ``start:end`` of the document text, on ``page``."""

    start: int
    end: int
    page: int = 1

    def as_dict(self) -> dict:
        return {"page": self.page, "start": self.start, "end": self.end}


@dataclass
class DateMention:
    """A date expression and its normalised value: ISO date, ``YYYY-MM`` or ``YYYY``."""

    text: str
    value: str
    span: SourceSpan | None = None


@dataclass
class Attendee:
    """A person listed as attending, invited, called or absent."""

    name: str
    organization: str | None = None
    role: str | None = None
    party: str | None = None
    status: str = "unknown"
    span: SourceSpan | None = None


@dataclass
class Decision:
    """A statement of what the body decided, endorsed or noted."""

    text: str
    kind: str = "other"
    optional: bool = False
    span: SourceSpan | None = None


@dataclass
class Assignment:
    """Somebody asked to do something, perhaps by a due date or the next meeting."""

    task: str
    assignees: list[str] = field(default_factory=list)
    due: str | None = None
    optional: bool = False
    span: SourceSpan | None = None


@dataclass
class Item:
    """One agenda item: its number as printed, title, label, people, outcomes, text."""

    number: str
    title: str
    kind: str | None = None
    presenters: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    text: str = ""
    span: SourceSpan | None = None


@dataclass
class Meeting:
    """Everything extracted from one set of minutes."""

    source: str
    body: str | None = None
    body_name: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    signatories: list[str] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        """The meeting year, when the date says at least that much."""
        if self.date and self.date[:4].isdigit():
            return int(self.date[:4])
        return None
