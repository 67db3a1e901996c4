"""Invented bodies: names, rosters, schedules and per-era writing styles.

A body is derived only from (seed, index), so any body can be rebuilt on its own
and archives of any size stay deterministic. Bodies come in regions of four (a care
cooperation group, a political consultation body, a municipal committee and a
board) that share recurring topics, which is what makes cross-body threads.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import vocabulary as V
from .model import Body, Person, Style, Topic

KINDS = ("care", "political", "committee", "board")
ERAS = ((2015, 2018), (2019, 2021), (2022, 2025))
PERIODS = ((2015, 2018), (2019, 2022), (2023, 2026))


def era_of(year: int) -> int:
    """Index of the writing era a year falls in (styles drift over time)."""
    return next(i for i, (lo, hi) in enumerate(ERAS) if lo <= year <= hi)


def period_of(year: int) -> int:
    """Index of the term of office (rosters change at elections)."""
    return next(i for i, (lo, hi) in enumerate(PERIODS) if lo <= year <= hi)


def place_name(index: int) -> str:
    """A unique invented place name for every index (numbered once combinations run out)."""
    prefixes, suffixes = V.PLACE_PREFIXES, V.PLACE_SUFFIXES
    name = prefixes[index % len(prefixes)] + suffixes[(index // len(prefixes)) % len(suffixes)]
    name = _no_triple_letters(name)
    cycle = index // (len(prefixes) * len(suffixes))
    return name if cycle == 0 else f"{name} {cycle + 1}"


def _no_triple_letters(name: str) -> str:
    """Swedish compounds drop a third identical consonant ('Lönn' + 'näs' = 'Lönnäs')."""
    out = ""
    for ch in name:
        if len(out) >= 2 and out[-1].lower() == out[-2].lower() == ch:
            continue
        out += ch
    return out


def town_name(index: int) -> str:
    """A unique invented town for the new families (its own stock, apart from place_name's)."""
    prefixes, suffixes = V.TOWN_PREFIXES, V.TOWN_SUFFIXES
    name = prefixes[index % len(prefixes)] + suffixes[(index // len(prefixes)) % len(suffixes)]
    name = _no_triple_letters(name)
    cycle = index // (len(prefixes) * len(suffixes))
    return name if cycle == 0 else f"{name} {cycle + 1}"


def region_name(index: int) -> str:
    """Invented region names differ from municipality names by their ending."""
    base = V.PLACE_PREFIXES[(index * 7) % len(V.PLACE_PREFIXES)]
    suffix = V.REGION_SUFFIXES[index % len(V.REGION_SUFFIXES)]
    cycle = index // (len(V.PLACE_PREFIXES) * len(V.REGION_SUFFIXES))
    name = (base + suffix).capitalize()
    return name if cycle == 0 else f"{name} {cycle + 1}"


@dataclass(frozen=True, slots=True)
class NameStock:
    """The name tables one family draws people from."""

    female: tuple[str, ...]
    male: tuple[str, ...]
    double_female: tuple[str, ...]
    double_male: tuple[str, ...]
    middle_female: tuple[str, ...]
    middle_male: tuple[str, ...]
    last: tuple[str, ...]
    second_last: tuple[str, ...]


#: The classic family's names (unchanged, so classic archives stay byte for byte the same).
CLASSIC_NAMES = NameStock(
    V.FEMALE_NAMES,
    V.MALE_NAMES,
    V.DOUBLE_FEMALE_NAMES,
    V.DOUBLE_MALE_NAMES,
    V.MIDDLE_FEMALE_NAMES,
    V.MIDDLE_MALE_NAMES,
    V.LAST_NAMES,
    V.SECOND_LAST_NAMES,
)
#: A wider stock for the other families, so their people are not the classic ones.
WIDE_NAMES = NameStock(
    V.FEMALE_NAMES + V.EXTRA_FEMALE_NAMES,
    V.MALE_NAMES + V.EXTRA_MALE_NAMES,
    V.DOUBLE_FEMALE_NAMES,
    V.DOUBLE_MALE_NAMES,
    V.MIDDLE_FEMALE_NAMES,
    V.MIDDLE_MALE_NAMES,
    V.EXTRA_LAST_NAMES + V.LAST_NAMES,
    V.SECOND_LAST_NAMES,
)


def person_name(rng: random.Random, names: NameStock = CLASSIC_NAMES) -> tuple[str, str]:
    """(full name, first name as used alone); some double-barrelled or with middle names."""
    female = rng.random() < 0.55
    roll = rng.random()
    if roll < 0.15:
        first = rng.choice(names.double_female if female else names.double_male)
    else:
        first = rng.choice(names.female if female else names.male)
    last = rng.choice(names.last)
    if rng.random() < 0.08:
        last = f"{rng.choice(names.second_last)} {last}"
    full = f"{first} {last}"
    if 0.15 <= roll < 0.23:
        middle = rng.choice(names.middle_female if female else names.middle_male)
        full = f"{first} {middle} {last}"
    return full, first


def unique_people(
    rng: random.Random, count: int, taken: set[str], names: NameStock = CLASSIC_NAMES
) -> list[tuple[str, str]]:
    """Names not yet in `taken` (which is updated), so a first name plus context stays unambiguous."""
    people: list[tuple[str, str]] = []
    while len(people) < count:
        full, first = person_name(rng, names)
        if full not in taken:
            taken.add(full)
            people.append((full, first))
    return people


def _orgs(kind: str, place: str, region: str, rng: random.Random) -> list[str]:
    """Organisation labels printed beside names (filled with the body's places)."""
    neighbours = [place] + [place_name(rng.randrange(300)) for _ in range(4)]
    if kind == "political":
        return [f"{n}regionen" if i else f"Region {region}" for i, n in enumerate(neighbours)]
    if kind == "committee":
        return ["Socialförvaltningen", "Kommunstyrelsen", "Revisionen"]
    if kind == "board":
        return [f"{n} kommun" for n in neighbours]
    return [rng.choice(V.CARE_ORGS).format(place=n, region=f"Region {region}") for n in neighbours]


def _roster(
    kind: str, rng: random.Random, orgs: list[str], taken: set[str], role_abbrev: bool
) -> tuple[list[Person], list[Person]]:
    """(members, officials) for one term of office; the first members chair the body."""
    size = {"care": 12, "political": 10, "committee": 9, "board": 7}[kind]
    members = []
    for i, (full, first) in enumerate(unique_people(rng, size, taken)):
        party = rng.choice(V.PARTIES) if kind in ("political", "committee") else None
        org = None if kind == "committee" else orgs[i % len(orgs)]
        role = None
        if i == 0:
            role = "ordf" if role_abbrev else "ordförande"
        elif i == 1:
            role = "vice ordf" if role_abbrev else "vice ordförande"
        members.append(Person(full, first, org, role, party))
    officials = []
    for full, first in unique_people(rng, 3, taken):
        role = rng.choice(V.OFFICIAL_ROLES)
        officials.append(Person(full, first, rng.choice(orgs) if kind != "committee" else None, role))
    officials[0].role = "sekreterare"
    return members, officials


def _names(kind: str, place: str, region: str, rng: random.Random) -> tuple[str, str, tuple]:
    """(short, full, how the body refers to itself in decisions)."""
    if kind == "care":
        short = f"VS{region[0]}"
        full = f"Vårdsamverkan {region}"
        return short, full, (short, full)
    if kind == "political":
        full = f"Samrådsorganet mellan Kommunförbundet {region} och Region {region}"
        return "SRO", full, ("SRO", "Det politiska samrådsorganet", "Samrådsorganet")
    if kind == "committee":
        name = rng.choice(("Socialnämnden", "Vård- och omsorgsnämnden", "Omsorgsnämnden"))
        return name, f"{name} i {place} kommun", (name, "Nämnden")
    full = f"Styrelsen för Samordningsförbundet {place}"
    return "Styrelsen", full, ("Styrelsen",)


TOPIC_WINDOW_YEARS = 2


def topic_window(year: int) -> int:
    """Topics live for about two years before the region moves on to new ones."""
    return (year - ERAS[0][0]) // TOPIC_WINDOW_YEARS


def _topics(region_index: int, window: int, seed: int) -> list[Topic]:
    """Recurring topics of one region in one time window, shared by all its bodies."""
    rng = random.Random(f"topics:{seed}:{region_index}:{window}")
    region = region_name(region_index)
    topics = []
    for k in rng.sample(range(len(V.THREAD_TOPICS)), 4):
        label, subject, titles = V.THREAD_TOPICS[k]
        fill = {"system": rng.choice(V.SYSTEMS), "area": rng.choice(V.AREAS)}
        first = ERAS[0][0] + window * TOPIC_WINDOW_YEARS
        when = f"{first}–{first + TOPIC_WINDOW_YEARS - 1}"
        topics.append(
            Topic(
                (region_index, window, k),
                f"{label.format(**fill)} ({region} {when})",
                subject.format(**fill),
                tuple(t.format(**fill) for t in titles),
            )
        )
    return topics


def topics_for(body: Body, year: int) -> list[Topic]:
    """The body's share of its region's current topics (committees and boards take two)."""
    topics = body.topics[topic_window(year)]
    return topics[:2] if body.kind in ("committee", "board") else topics


def _style(kind: str, era: int, rng: random.Random) -> Style:
    """Pick one body's layout habits for one era (older eras look like copied PDFs)."""
    protocol = kind in ("committee", "board")
    header = rng.choice(
        {
            "care": (("tid_iso", "tid_long"), ("tid_iso", "dag_noyear"), ("datum_long",)),
            "political": (("tid_long",), ("dag_noyear", "tid_long"), ("datum_long", "tid_iso")),
        }.get(kind, (("protocol",),) * 3)[era]
    )
    if protocol:
        numbering = rng.choice(
            ("para_before", "para_own_line") if kind == "committee" else ("para_after", "para_before")
        )
        decision = rng.choice(("plain", "heading", "bullets"))
        doc_title = "Protokoll"
        signature: str | None = "protocol"
        attendees = "protocol"
    else:
        numbering = rng.choice(("dot", "paren")) if era < 2 else "dot"
        decision = rng.choice(("inline", "block", "bullets") if kind == "care" else ("block", "inline"))
        doc_title = rng.choice(("Minnesanteckningar", "Mötesanteckning", "Mötesanteckningar"))
        signature = rng.choice(("slash", "two_col", None)) if kind == "political" else rng.choice(("slash", None, None))
        attendees = (
            "political"
            if kind == "political"
            else rng.choice(("one_per_line", "inline", "grouped") if era < 2 else ("grouped", "one_per_line"))
        )
    encoding = rng.choice(("cp1252", "cp1252", "utf-8") if era == 0 else ("utf-8", "utf-8-sig", "utf-8", "cp1252"))
    return Style(
        doc_title=doc_title,
        header=header,
        header_first=rng.random() < 0.75,
        attendees=attendees,
        absent=rng.choice(("block", "suffix", "names_later")),
        numbering=numbering,
        kind_labels=not protocol and rng.random() < 0.7,
        presenter_label=rng.choice(("Föredragande:", "Föredragande:", "Föredragare:", None)),
        decision=decision,
        bullet=rng.choice(("•", "-", "•", "–")),
        wrap=rng.choice((78, 84, 90)) if era == 0 or rng.random() < 0.3 else None,
        page_artifacts=era < 2 and rng.random() < 0.6,
        signature=signature,
        encoding=encoding,
        newline="\r\n" if rng.random() < 0.3 else "\n",
        role_abbrev=rng.random() < 0.3,
        links=era == 2 and rng.random() < 0.6,
        online_label=rng.choice(("Plats: Teams", "Mötesform: Teams")),
    )


def ascii_slug(text: str) -> str:
    """File-system friendly slug part (folder names stay ASCII on every platform)."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o", " ": "-"})
    return text.lower().translate(table)


def make_body(index: int, seed: int) -> Body:
    """Build body number `index` of the archive made with `seed` (pure function)."""
    rng = random.Random(f"body:{seed}:{index}")
    kind = KINDS[index % len(KINDS)]
    region_index = index // len(KINDS)
    region = region_name(region_index)
    place = place_name(index)
    short, full, refs = _names(kind, place, region, rng)
    orgs = _orgs(kind, place, region, rng)
    role_abbrev = rng.random() < 0.3
    taken: set[str] = set()
    rosters = {}
    members, officials = _roster(kind, rng, orgs, taken, role_abbrev)
    for p in range(len(PERIODS)):
        if p:  # about a third of the members change at each election
            keep = [m for m in members[2:] if rng.random() < 0.65]
            fresh, _ = _roster(kind, rng, orgs, taken, role_abbrev)
            members = fresh[:2] + keep + fresh[2 : 2 + len(members) - 2 - len(keep)]
        rosters[p] = (members, officials)
    guests = [Person(full_name, first, rng.choice(orgs), None) for full_name, first in unique_people(rng, 8, taken)]
    windows = range(topic_window(ERAS[-1][1]) + 1)
    topics = {w: _topics(region_index, w, seed) for w in windows}
    months = {
        "care": (2, 3, 5, 6, 9, 10, 11, 12),
        "political": (2, 4, 5, 9, 10, 11),
        "committee": (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12),
        "board": (2, 4, 6, 9, 10, 12),
    }[kind]
    start = rng.choice((("09:00", "11:00"), ("13:00", "15:00"), ("13:30", "16:30"), ("08:30", "12:00")))
    return Body(
        index=index,
        kind=kind,
        short=short,
        full=full,
        slug=f"{index:04d}-{kind}-{ascii_slug(place)}",
        place=place,
        region=region,
        self_refs=refs,
        weekday=rng.randrange(5),
        months=months,
        week_of_month=rng.randrange(3),
        start_hours=start,
        rosters=rosters,
        guests=guests,
        topics=topics,
        styles={era: _style(kind, era, rng) for era in range(len(ERAS))},
        rooms=tuple(r.format(place=place) for r in rng.sample(V.ROOMS, 2)),
    )
