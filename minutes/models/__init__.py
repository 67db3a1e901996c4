"""The domain model of minutes: plain dataclasses, free of I/O.

Every stage of the pipeline hands the next one these objects:
``ingest`` produces a :class:`SourceDocument`, ``extract`` turns it into a
:class:`Meeting`, ``archive`` stores and exports meetings. The gold JSON shape
(``../shared/gold/FORMAT.md``) is the public face of a meeting: ``to_gold`` and
``meeting_from_gold`` convert both ways.
"""

from minutes.models.document import SourceDocument
from minutes.models.gold import meeting_from_gold, to_gold
from minutes.models.meeting import (
    ASSIGNMENT_STATUSES,
    ATTENDEE_STATUSES,
    BALLOT_VOTES,
    DECISION_KINDS,
    ITEM_KINDS,
    PROPOSAL_KINDS,
    RIKSDAG_PARTIES,
    Assignment,
    Attendee,
    Ballot,
    DateMention,
    Decision,
    Item,
    Meeting,
    Proposal,
    ProtocolNote,
    Recusal,
    Reservation,
    SourceSpan,
    Vote,
)

__all__ = [
    "ASSIGNMENT_STATUSES",
    "ATTENDEE_STATUSES",
    "BALLOT_VOTES",
    "DECISION_KINDS",
    "ITEM_KINDS",
    "PROPOSAL_KINDS",
    "RIKSDAG_PARTIES",
    "Assignment",
    "Attendee",
    "Ballot",
    "DateMention",
    "Decision",
    "Item",
    "Meeting",
    "Proposal",
    "ProtocolNote",
    "Recusal",
    "Reservation",
    "SourceDocument",
    "SourceSpan",
    "Vote",
    "meeting_from_gold",
    "to_gold",
]
