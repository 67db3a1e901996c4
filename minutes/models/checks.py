"""Whether what was extracted from a file is a meeting at all (issue 16).

A shopping list or a README read as minutes gives a meeting of "Okänt organ –
okänt datum" with nothing decided. Such a file is recorded as not minutes, with
the reason, instead of being stored as an empty meeting.
"""

from __future__ import annotations

from minutes.models.meeting import Meeting

#: The reason stored for such a file (the status page shows it in Swedish).
NOT_MINUTES = "not minutes: no body, no date and no decision or assignment were found"


def not_minutes_reason(meeting: Meeting, overrides: dict | None = None) -> str | None:
    """The reason a meeting is no meeting, or None when it has any mark of minutes.

    Any one of a body, a date (also from a manifest) or a decision or assignment
    is enough: short notes with a single decision are minutes too.
    """
    overrides = overrides or {}
    if meeting.body or meeting.date or overrides.get("body") or overrides.get("date"):
        return None
    if any(item.decisions or item.assignments for item in meeting.items):
        return None
    return NOT_MINUTES
