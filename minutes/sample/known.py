"""A generated meeting as its known answers describe it, for linking tests and benchmarks that
need stored meetings without running the extractor."""

from __future__ import annotations

from minutes.models import Meeting, meeting_from_gold


def known_meeting(filename: str, text: str, truth: dict) -> Meeting:
    """The meeting of the known answers, each item given the text between its title and the next."""
    meeting = meeting_from_gold(dict(truth, source=filename))
    starts, cursor = [], 0
    for item in meeting.items:
        found = text.find(item.title or "", cursor)
        starts.append(found if found >= 0 else cursor)
        cursor = max(cursor, starts[-1])
    for n, item in enumerate(meeting.items):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        if item.title and text.startswith(item.title, starts[n]):
            item.text = text[starts[n] + len(item.title) : end].strip()
    return meeting
