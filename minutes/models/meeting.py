"""Meeting, attendee, item, decision, assignment, date mention and source span.

Formal protocols (kommunallagen 5 kap.) add, per item, the case number, the
yrkanden moved at the meeting (:class:`Proposal`), each omröstning
(:class:`Vote`, with its named list of :class:`Ballot`), reservations,
protokollsanteckningar (:class:`ProtocolNote`), jäv (:class:`Recusal`) and the
recipients of the decision; and, per attendee, whom a substitute replaces and
for which part of the meeting they took part.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DECISION_KINDS = ("noted", "endorsed", "decided", "referred", "other")
ITEM_KINDS = ("information", "dialog", "beslut", "information och dialog")
ATTENDEE_STATUSES = ("present", "absent", "invited", "called", "unknown")
ASSIGNMENT_STATUSES = ("open", "reported", "done", "overdue")
#: What a yrkande asks for: bifall (approve), avslag (reject), återremiss (send back),
#: ändring (amend), tillägg (add to), or other (a procedural or free proposal).
PROPOSAL_KINDS = ("bifall", "avslag", "återremiss", "ändring", "tillägg", "other")
#: How one member voted in a named vote list (omröstningslista).
BALLOT_VOTES = ("yes", "no", "abstain", "absent")
#: The parties of the Riksdag by the letters minutes print after a name ("Anna Berg (S)").
#: Outside ``extract/`` (which reads many more, historic and local ones) this is the one list.
RIKSDAG_PARTIES = ("S", "M", "C", "V", "L", "KD", "MP", "SD")


@dataclass(frozen=True)
class SourceSpan:
    """Where a fact was read: characters ``start:end`` of the document text, on ``page``."""

    start: int
    end: int
    page: int = 1


@dataclass
class DateMention:
    """A date expression and its normalised value: ISO date, ``YYYY-MM`` or ``YYYY``."""

    text: str
    value: str
    span: SourceSpan | None = None


@dataclass
class Attendee:
    """A person listed as attending, invited, called or absent.

    ``substitute_for`` names the member a tjänstgörande ersättare replaces
    ("ersätter", "istf", "tjg ers för"); ``attendance`` says for which part of
    the meeting someone took part, as printed ("§§ 12-15", "från kl 14.30").
    """

    name: str
    organization: str | None = None
    role: str | None = None
    party: str | None = None
    status: str = "unknown"
    substitute_for: str | None = None
    attendance: str | None = None
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
class Proposal:
    """A yrkande moved at the meeting: who moved what ("bifall till förslaget")."""

    text: str
    by: list[str] = field(default_factory=list)
    kind: str = "other"
    span: SourceSpan | None = None


@dataclass
class Ballot:
    """One member's vote in a named vote list."""

    name: str
    vote: str
    party: str | None = None


@dataclass
class Vote:
    """One omröstning/votering: counts as printed (None where not printed).

    ``yes_means`` and ``no_means`` say what Ja and Nej stood for, as printed;
    ``ballots`` is the named vote list when the protocol has one.
    """

    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    absent: int | None = None
    yes_means: str | None = None
    no_means: str | None = None
    ballots: list[Ballot] = field(default_factory=list)
    span: SourceSpan | None = None

    def ballot_counts(self) -> dict[str, int]:
        """The named list counted per vote, to check against the printed counts."""
        counts = dict.fromkeys(BALLOT_VOTES, 0)
        for ballot in self.ballots:
            counts[ballot.vote] = counts.get(ballot.vote, 0) + 1
        return counts


@dataclass
class Reservation:
    """Someone who reserved against the decision, as written (a name or party letters)."""

    by: str
    reason: str | None = None
    span: SourceSpan | None = None


@dataclass
class ProtocolNote:
    """A protokollsanteckning: a statement entered in the minutes by members."""

    text: str
    by: list[str] = field(default_factory=list)
    span: SourceSpan | None = None


@dataclass
class Recusal:
    """A member who, because of jäv, took no part in the item (not an abstention)."""

    name: str
    span: SourceSpan | None = None


@dataclass
class Item:
    """One agenda item: its number as printed (None when unnumbered), title, label, people, outcomes, text."""

    number: str | None
    title: str
    kind: str | None = None
    presenters: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    case_number: str | None = None
    proposals: list[Proposal] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    reservations: list[Reservation] = field(default_factory=list)
    notes: list[ProtocolNote] = field(default_factory=list)
    recusals: list[Recusal] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    immediately_adjusted: bool = False
    text: str = ""
    span: SourceSpan | None = None

    @property
    def has_protocol_facts(self) -> bool:
        """Whether the item carries any field of a formal protocol (scored only then)."""
        return bool(self.case_number or self.proposals or self.votes or self.reservations)


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
