"""Councils — a municipality or a region — and the cases that travel between their bodies.

A council is planned as a whole before any text is written: its parties and majority, the
rosters of its bodies (a nämnd, the arbetsutskott, the styrelse, the fullmäktige), their
meeting calendars and the cases (ärenden) that go from one body to the next under one
diarienummer: a nämnd prepares, the styrelse proposes, the fullmäktige decides. Every
case that is printed reaches at least two bodies, which is what case threads are tested on.
Everything derives from (family, seed, council index), so a council can be rebuilt alone.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from . import vocabulary as V
from .bodies import WIDE_NAMES, ascii_slug, town_name, unique_people
from .dates import nth_weekday
from .model import Person

FIRST_YEAR, LAST_YEAR = 2015, 2025

#: Meeting months and week of the month per kind of body (a nämnd meets before the
#: styrelse, which meets before the fullmäktige, so a case can pass all three in a month).
CALENDAR = {
    "namnd": ((1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12), 0),
    "rnamnd": ((1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12), 0),
    "ksau": ((1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12), 1),
    "ks": ((1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12), 2),
    "rs": ((1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12), 2),
    "kf": ((2, 3, 4, 5, 6, 9, 10, 11, 12), 3),
    "rf": ((2, 4, 6, 9, 11), 3),
}
#: Case paths by family: kinds of body in the order a case passes them, with a weight.
PATHS = {
    "kommunal": (
        (("namnd", "ks", "kf"), 3),
        (("namnd", "ks"), 2),
        (("ks", "kf"), 3),
        (("ksau", "ks", "kf"), 2),
        (("kf", "ks", "kf"), 2),
    ),
    "regional": ((("rnamnd", "rs", "rf"), 3), (("rnamnd", "rs"), 1), (("rs", "rf"), 3), (("rf", "rs", "rf"), 2)),
}
#: Share of a council's meetings per kind of body.
SHARES = {"namnd": 0.28, "ksau": 0.14, "ks": 0.3, "kf": 0.28, "rnamnd": 0.25, "rs": 0.4, "rf": 0.35}
#: Who keeps the register of a case that starts at a body of this kind.
REGISTRY = {"ksau": "KS", "ks": "KS", "kf": "KS", "rs": "RS", "rf": "RS"}
DNR_FORMATS = ("{p} {y}/{n}", "{p} {y}.{n:04d}", "{p}/{y}:{n}", "{y}/{n}", "{p} {n}/{yy:02d}")


@dataclass(slots=True)
class CouncilBody:
    """One body of a council with its roster, calendar and way of naming itself."""

    key: str
    kind: str  # namnd | ksau | ks | kf | rnamnd | rs | rf
    name: str  # "Kommunstyrelsen"
    short: str  # "KS"
    genitive: str  # "Kommunstyrelsens"
    administration: str  # "kommunledningsförvaltningen"
    members: list[Person] = field(default_factory=list)
    deputies: list[Person] = field(default_factory=list)
    officials: list[Person] = field(default_factory=list)
    seats: int = 0
    seat_parties: dict[str, int] = field(default_factory=dict)
    weekday: int = 0
    hours: tuple[str, str] = ("13:00", "16:00")
    room: str = ""
    slug: str = ""

    @property
    def voice(self) -> str:
        """How the body is named inside a sentence ('kommunstyrelsen')."""
        return self.name[0].lower() + self.name[1:]

    @property
    def layout(self) -> str:
        """Regional assemblies publish decision lists; every other body a § protocol."""
        return "decision_list" if self.kind == "rf" else "protocol"


@dataclass(slots=True)
class Case:
    """An ärende with its diarienummer and the meetings (body key, meeting index) it passes."""

    dnr: str
    kind: str
    title: str
    year_mentions: list[tuple[str, str]]
    final: list[tuple[str, str]]  # the deciding body's att-satser: (text, decision kind)
    background: list[str]
    stages: list[tuple[str, int]]
    path: tuple[str, ...] = ()
    author: Person | None = None
    lodged: date | None = None
    att_mentions: list[tuple[str, str]] = field(default_factory=list)  # dates inside the att-satser
    numbers: dict[int, str] = field(default_factory=dict)  # stage index -> § number printed
    days: dict[int, date] = field(default_factory=dict)


@dataclass(slots=True)
class Council:
    """A municipality or a region: its bodies, politics, registry habits and cases."""

    family: str
    index: int
    place: str
    org: str  # "Bjurås kommun" / "Region Bjurland"
    bodies: dict[str, CouncilBody]
    parties: tuple[str, ...]
    party_names: dict[str, str]
    coalition: tuple[str, ...]
    dnr_format: str
    districts: tuple[str, ...]
    days: dict[str, list[date]] = field(default_factory=dict)
    cases: list[Case] = field(default_factory=list)
    agenda: dict[tuple[str, int], list[tuple[Case, int]]] = field(default_factory=dict)

    @property
    def opposition(self) -> tuple[str, ...]:
        return tuple(p for p in self.parties if p not in self.coalition)


def place_genitive(place: str) -> str:
    """'Bjurås' -> 'Bjurås', 'Myrlid' -> 'Myrlids' (no extra s after s, x, z)."""
    return place if place[-1] in "sxz" else place + "s"


def _seat_split(
    rng: random.Random, seats: int, weights: dict[str, float], coalition: tuple[str, ...]
) -> dict[str, int]:
    """Seats per party by largest remainder, with the coalition holding a majority."""
    total = sum(weights.values())
    exact = {p: seats * w / total for p, w in weights.items()}
    split = {p: int(x) for p, x in exact.items()}
    for p in sorted(exact, key=lambda p: (split[p] - exact[p], p))[: seats - sum(split.values())]:
        split[p] += 1
    while sum(split[p] for p in coalition) <= seats // 2:
        donor = max((p for p in split if p not in coalition and split[p] > 0), key=lambda p: (split[p], p))
        split[donor] -= 1
        split[max(coalition, key=lambda p: (split[p], p))] += 1
    return {p: n for p, n in split.items() if n}


def _body_names(kind: str, council_org: str, rng: random.Random, used: set[str]) -> tuple[str, str, str, str]:
    """(name, short, genitive, administration) of a body of the given kind."""
    if kind in ("namnd", "rnamnd"):
        table = V.NAMNDER if kind == "namnd" else V.REGION_NAMNDER
        options = [n for n in table if n[0] not in used]
        name, short, genitive, admin = rng.choice(options)
        return name, short, genitive, admin
    return {
        "ksau": ("Kommunstyrelsens arbetsutskott", "KSAU", "Arbetsutskottets", "kommunledningsförvaltningen"),
        "ks": ("Kommunstyrelsen", "KS", "Kommunstyrelsens", "kommunledningsförvaltningen"),
        "kf": ("Kommunfullmäktige", "KF", "Kommunfullmäktiges", "kommunledningsförvaltningen"),
        "rs": ("Regionstyrelsen", "RS", "Regionstyrelsens", "regionledningskontoret"),
        "rf": ("Regionfullmäktige", "RF", "Regionfullmäktiges", "regionledningskontoret"),
    }[kind]


def _people(rng: random.Random, taken: set[str], parties: list[str]) -> list[Person]:
    """New people, one per party letter given."""
    names = unique_people(rng, len(parties), taken, WIDE_NAMES)
    return [Person(full, first, None, None, party) for (full, first), party in zip(names, parties)]


def _ordered(seat_parties: dict[str, int], order: tuple[str, ...]) -> list[str]:
    """Party letters seat by seat, coalition first, larger parties first."""
    parties = sorted(seat_parties, key=lambda p: (p not in order, -seat_parties[p], p))
    return [p for p in parties for _ in range(seat_parties[p])]


def _roster(
    rng: random.Random,
    body: CouncilBody,
    pool: list[Person],
    taken: set[str],
    coalition: tuple[str, ...],
    chair_words: tuple[str, str],
) -> None:
    """Members (chair first, vice chair from the opposition), deputies and officials."""
    letters = _ordered(body.seat_parties, coalition)
    members: list[Person] = []
    available = list(pool)
    for party in letters:
        match = next((p for p in available if p.party == party), None)
        if match is not None:
            available.remove(match)
            members.append(replace(match, role=None))
        else:
            members.extend(_people(rng, taken, [party]))
    opposition = [m for m in members if m.party not in coalition]
    chair, vice = members[0], (opposition[0] if opposition else members[1])
    members.remove(vice)
    members.insert(1, vice)
    members[0] = replace(chair, role=chair_words[0])
    members[1] = replace(vice, role=chair_words[1])
    body.members = members
    deputy_letters = _ordered({p: max(1, (n + 1) // 2) for p, n in body.seat_parties.items()}, coalition)
    body.deputies = _people(rng, taken, deputy_letters)
    secretary_title = "kommunsekreterare" if body.kind == "kf" else rng.choice(V.SECRETARY_TITLES)
    titles = [secretary_title] + rng.sample(V.OFFICIAL_TITLES_MUNICIPAL, rng.randint(1, 3))
    body.officials = [
        Person(full, first, None, title)
        for (full, first), title in zip(unique_people(rng, len(titles), taken, WIDE_NAMES), titles)
    ]


def _districts(rng: random.Random) -> tuple[str, ...]:
    """Invented district names of one council ('Norrbacken', 'Kyrkviken')."""
    pairs = [(p, s) for p in V.DISTRICT_PREFIXES for s in V.DISTRICT_SUFFIXES]
    return tuple(p + s for p, s in rng.sample(pairs, 5))


def make_council(family: str, index: int, seed: int) -> Council:
    """Build council number `index` of a family (pure function of its arguments)."""
    rng = random.Random(f"council:{family}:{seed}:{index}")
    place = town_name(index * 4 + (0 if family == "kommunal" else 1))
    if family == "kommunal":
        org = f"{place} kommun"
        kinds = ["namnd"] * rng.choice((1, 1, 2)) + (["ksau"] if rng.random() < 0.5 else []) + ["ks", "kf"]
    else:
        org = f"Region {place}"
        kinds = ["rnamnd", "rs", "rf"]
    parties = ["S", "M"] + rng.sample([p for p in V.PARTIES if p not in ("S", "M")], rng.randint(3, 6))
    party_names = {p: V.PARTY_NAMES[p] for p in parties}
    if rng.random() < 0.35:
        local, letters = rng.choice(V.LOCAL_PARTIES)
        party_names[letters] = local.format(place=place, place_gen=place_genitive(place))
        parties.append(letters)
    coalitions: list[tuple[str, ...]] = [c for c in V.COALITIONS if all(p in parties for p in c)] or [("S", parties[2])]
    coalition = rng.choice(coalitions)
    weights = {p: rng.uniform(0.6, 3.0) * (2.2 if p in ("S", "M") else 1.0) for p in parties}
    council = Council(
        family, index, place, org, {}, tuple(parties), party_names, coalition, rng.choice(DNR_FORMATS), _districts(rng)
    )
    taken: set[str] = set()
    chair_words = rng.choice(V.CHAIR_WORDS)
    rooms = V.MUNICIPAL_ROOMS if family == "kommunal" else V.REGION_ROOMS
    used: set[str] = set()
    assembly = None
    for n, kind in enumerate(kinds):
        name, short, genitive, admin = _body_names(kind, org, rng, used)
        used.add(name)
        key = kind if kinds.count(kind) == 1 else f"{kind}{n}"
        seats = {
            "namnd": (9, 11),
            "rnamnd": (11, 13),
            "ksau": (5,),
            "ks": (11, 13),
            "kf": (31, 41),
            "rs": (13, 15),
            "rf": (71, 81),
        }[kind]
        body = CouncilBody(
            key,
            kind,
            name,
            short,
            genitive,
            admin,
            seats=rng.choice(seats),
            weekday=rng.randrange(4),
            hours=rng.choice(
                (
                    ("08:30", "12:00"),
                    ("13:00", "16:30"),
                    ("09:00", "15:00"),
                    ("18:00", "21:30") if kind == "kf" else ("13:15", "15:40"),
                )
            ),
            room=rng.choice(rooms).format(place=place, room=rng.choice(V.ROOM_NAMES)),
            slug=f"{family}-{index:03d}-{ascii_slug(place)}-{ascii_slug(short)}",
        )
        body.seat_parties = _seat_split(rng, body.seats, weights, coalition)
        if kind in ("kf", "rf"):
            assembly = body
        council.bodies[key] = body
    # rosters: the fullmäktige first, the styrelse from its members, the utskott from the styrelse
    order = sorted(
        council.bodies.values(),
        key=lambda b: (
            ("kf", "rf", "ks", "rs", "ksau").index(b.kind) if b.kind in ("kf", "rf", "ks", "rs", "ksau") else 9
        ),
    )
    for body in order:
        if body.kind == "rf":
            continue  # decision lists print no names of members
        pool: list[Person] = []
        if body.kind in ("ks", "rs") and assembly is not None and assembly.members:
            pool = assembly.members
        if body.kind == "ksau":
            pool = council.bodies["ks"].members
        _roster(rng, body, pool, taken, coalition, chair_words)
    return council


def body_days(body: CouncilBody, start: tuple[int, int], count: int) -> list[date]:
    """The first `count` meeting days of a body from (year, month) on."""
    months, week = CALENDAR[body.kind]
    days: list[date] = []
    year = start[0]
    while len(days) < count:
        for month in months:
            if (year, month) >= start and len(days) < count:
                days.append(nth_weekday(year, month, body.weekday, week))
        year += 1
    return days


def allocate(total: int, weights: list[float]) -> list[int]:
    """Split `total` by weights (largest remainder, earlier entries win ties)."""
    if not weights:
        return []
    scale = sum(weights)
    exact = [total * w / scale for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def plan_meetings(council: Council, total: int, seed: int) -> None:
    """Give every body its meeting days (a seeded start, everyone from the same month)."""
    rng = random.Random(f"calendar:{council.family}:{seed}:{council.index}")
    bodies = list(council.bodies.values())
    counts = allocate(
        total,
        [
            SHARES[b.kind] / (2 if b.kind == "namnd" and sum(x.kind == "namnd" for x in bodies) > 1 else 1)
            for b in bodies
        ],
    )
    years = max(math.ceil(n / len(CALENDAR[b.kind][0])) for b, n in zip(bodies, counts))
    start = (rng.randint(FIRST_YEAR, max(FIRST_YEAR, LAST_YEAR - years)), rng.choice((1, 2, 8)))
    council.days = {b.key: body_days(b, start, n) for b, n in zip(bodies, counts) if n}


def _next_meeting(days: list[date], after: date) -> int | None:
    """Index of the first meeting at least five days after `after`."""
    for i, day in enumerate(days):
        if day >= after + timedelta(days=5):
            return i
    return None


def plan_cases(council: Council, seed: int, make_case) -> None:
    """Start cases at meetings and route them through the council's bodies.

    `make_case(council, path, first_body, day, rng, number)` writes the case's content; this
    function decides only who sees it when. A case whose path cannot continue inside the
    archive's time span is kept only if it already reached two bodies.
    """
    rng = random.Random(f"cases:{council.family}:{seed}:{council.index}")
    bodies = council.bodies
    kinds = {b.kind for k, b in bodies.items() if k in council.days}
    paths = [(p, w) for p, w in PATHS[council.family] if set(p) <= kinds]
    load: dict[tuple[str, int], int] = {}
    counters: dict[tuple[str, int], int] = {}
    meetings = sorted(
        ((day, key, i) for key, days in council.days.items() for i, day in enumerate(days)),
        key=lambda t: (t[0], list(bodies).index(t[1])),
    )
    for day, key, i in meetings:
        body = bodies[key]
        starting = [(p, w) for p, w in paths if p[0] == body.kind]
        if not starting:
            continue
        for _ in range(rng.choice((1, 2, 2, 3))):
            if load.get((key, i), 0) >= 4:
                break
            path = rng.choices([p for p, _ in starting], [w for _, w in starting])[0]
            stages, when = [(key, i)], day
            for kind in path[1:]:
                candidates = [k for k, b in bodies.items() if b.kind == kind and k in council.days]
                nxt = _next_meeting(council.days[candidates[0]], when) if candidates else None
                if nxt is None or load.get((candidates[0], nxt), 0) >= 5:
                    break
                stages.append((candidates[0], nxt))
                when = council.days[candidates[0]][nxt]
            if len({k for k, _ in stages}) < 2:
                continue
            prefix = REGISTRY.get(body.kind, body.short)
            # One register when the number does not print its prefix: two cases never share a number.
            register = prefix if "{p}" in council.dnr_format else ""
            counter = counters.get((register, day.year), rng.randint(20, 300))
            counter += rng.randint(1, 9)
            counters[(register, day.year)] = counter
            dnr = council.dnr_format.format(p=prefix, y=day.year, yy=day.year % 100, n=counter)
            case = make_case(council, path, body, day, rng, dnr)
            case.stages, case.path = stages, path
            council.cases.append(case)
            for s, stage in enumerate(stages):
                load[stage] = load.get(stage, 0) + 1
                council.agenda.setdefault(stage, []).append((case, s))
