"""Write a council's meetings in date order, so each § can cite the earlier stages of its case.

A case reaches the kommunfullmäktige after the kommunstyrelse has treated it; its KF §
cites "Kommunstyrelsens protokoll 2023-05-12 § 57", so the KS meeting must be written
first. Meetings are therefore written in date order across the council's bodies, each body
keeping its own § numbering per year.
"""

from __future__ import annotations

from collections.abc import Iterator

from .cases import unique_case
from .council import make_council, plan_cases, plan_meetings
from .decision_list import write_decision_list
from .model import Generated
from .protocol import BodyState, write_meeting


def council_meetings(family: str, index: int, count: int, seed: int, pdf_share: float) -> Iterator[Generated]:
    """The `count` meetings of council number `index` of a family (kommunal or regional)."""
    council = make_council(family, index, seed)
    plan_meetings(council, count, seed)
    plan_cases(council, seed, unique_case)
    order = list(council.bodies)
    meetings = sorted(
        ((day, key, k) for key, days in council.days.items() for k, day in enumerate(days)),
        key=lambda t: (t[0], order.index(t[1])),
    )
    states = {key: BodyState() for key in council.bodies}
    for day, key, k in meetings:
        body = council.bodies[key]
        writer = write_decision_list if body.layout == "decision_list" else write_meeting
        yield writer(council, body, k, day, seed, pdf_share, states[key])
