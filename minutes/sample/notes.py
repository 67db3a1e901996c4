"""Minnesanteckningar of working groups: 'Närvarande: A, B och C', unnumbered headings or
bullets, and action lines ('Åtgärd: ... Ansvarig: ... Klart till: ...') or an action table.

Items carry no numbers (number null), a group names people by first name once the list
makes that certain, and the next meeting is a formal (optional) decision.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import vocabulary as V
from .bodies import WIDE_NAMES, ascii_slug, town_name, unique_people
from .dates import clock, long_form, nth_weekday
from .layout import Doc, render
from .model import Generated, Output, Person
from .truth import TAttendee, TItem, TMeeting


@dataclass(slots=True)
class Group:
    """A working group that keeps minnesanteckningar."""

    index: int
    name: str
    people: list[Person]
    weekday: int
    hours: tuple[str, str]
    room: str
    slug: str
    style: dict = field(default_factory=dict)


def make_group(index: int, seed: int) -> Group:
    rng = random.Random(f"group:{seed}:{index}")
    name = rng.choice(V.NOTE_GROUPS).format(area=rng.choice(V.AREAS), system=rng.choice(V.SYSTEMS))
    people = [
        Person(full, first, rng.choice(V.NOTE_ORGS) if rng.random() < 0.5 else None)
        for full, first in unique_people(rng, rng.randint(5, 8), set(), WIDE_NAMES)
    ]
    place = town_name(index * 4 + 3)
    style = {
        "items": rng.choice(("headings", "bullets")),
        "actions": rng.choice(("lines", "lines", "table")),
        "date": rng.choice(("iso", "long")),
        "medium": rng.choices(("plain", "markdown", "flat"), (0.5, 0.35, 0.15))[0],
        "title": rng.choice(("Minnesanteckningar", "Minnesanteckningar från möte", "Anteckningar")),
        "bullet": rng.choice(("•", "-", "–")),
    }
    return Group(
        index,
        name,
        people,
        rng.randrange(5),
        rng.choice((("10:00", "11:30"), ("13:00", "14:30"), ("09:00", "10:00"))),
        rng.choice(("Teams", f"Stadshuset i {place}, rum 3", "Kansliets konferensrum")),
        f"minnes-{index:03d}-{ascii_slug(place)}",
        style,
    )


def group_days(group: Group, count: int, seed: int) -> list[date]:
    """Monthly meetings (not in July) from a seeded start."""
    rng = random.Random(f"groupdays:{seed}:{group.index}")
    year = rng.randint(2016, 2024)
    days: list[date] = []
    while len(days) < count:
        days += [nth_weekday(year, m, group.weekday, 1) for m in range(1, 13) if m != 7]
        year += 1
    return days[:count]


def _who(person: Person, present: list[Person], rng: random.Random) -> str:
    firsts = [p.first for p in present]
    return person.first if firsts.count(person.first) == 1 and rng.random() < 0.5 else person.name


def _due(rng: random.Random, day: date, truth: TMeeting) -> tuple[str, str | None]:
    """('2023-04-15' | '15 april' | 'nästa möte', due value)."""
    roll = rng.random()
    if roll < 0.3:
        return "nästa möte", "next_meeting"
    when = day + timedelta(days=rng.randint(10, 50))
    if roll < 0.65 or when.year != day.year:
        return truth.record(when.isoformat(), when.isoformat()), when.isoformat()
    return truth.record(long_form(when, year=False), when.isoformat()), when.isoformat()


def write_notes(group: Group, k: int, day: date, next_day: date | None, seed: int, pdf_share: float) -> Generated:
    """One set of minnesanteckningar."""
    rng = random.Random(f"meeting:minnes:{seed}:{group.index}:{k}")
    stem = f"{group.slug}_{day.isoformat()}"
    style = group.style
    pdf = style["medium"] == "plain" and random.Random(f"pdf:{stem}:{seed}").random() < pdf_share
    suffix = ".pdf" if pdf else ".txt"
    truth = TMeeting(stem + suffix, group.name, group.name, day.isoformat())
    doc = Doc(bullet=style["bullet"])
    doc.title(style["title"])
    doc.text(group.name)
    doc.blank()
    start, end = group.hours
    when = day.isoformat() if style["date"] == "iso" else long_form(day)
    truth.record(when, day.isoformat())
    doc.text(f"Datum: {when}, kl. {clock(start)}–{clock(end)}")
    doc.text(f"Plats: {group.room}")
    truth.start_time, truth.end_time, truth.location = start, end, group.room
    absent = [p for p in group.people[1:] if rng.random() < 0.2]
    present = [p for p in group.people if p not in absent]

    def listed(p: Person) -> str:
        return f"{p.name} ({p.org})" if p.org else p.name

    names = [listed(p) for p in present]
    doc.text("Närvarande: " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]))
    if absent:
        doc.text("Ej närvarande: " + ", ".join(listed(p) for p in absent))
    truth.attendees = [TAttendee(p.name, "present", organization=p.org) for p in present] + [
        TAttendee(p.name, "absent", organization=p.org) for p in absent
    ]
    doc.blank()
    actions: list[tuple[TItem, str, Person, str, str | None]] = []
    for heading in rng.sample(V.NOTE_HEADINGS, rng.randint(2, 4)):
        item = truth.item(None, heading)
        if style["items"] == "headings":
            doc.heading(heading)
        else:
            doc.bullets([heading])
        speaker = rng.choice(present)
        doc.text(f"{_who(speaker, present, rng)} informerar om {heading.lower()}.")
        item.speaker(speaker.name)
        doc.text(
            rng.choice(
                (
                    "Gruppen diskuterade frågan.",
                    "Inga invändningar framkom.",
                    "Det finns behov av att stämma av med verksamheterna.",
                )
            )
        )
        if rng.random() < 0.3:
            text = rng.choice(
                (
                    "Gruppen ställer sig bakom förslaget till tidplan.",
                    "Gruppen beslutade att genomföra en pilot i två verksamheter.",
                )
            )
            doc.text(f"Beslut: {text}")
            item.decide(text, "endorsed" if "ställer sig bakom" in text else "decided")
        if rng.random() < 0.7:
            who = rng.choice(present)
            task = rng.choice(V.NOTE_ACTIONS)
            due_text, due = _due(rng, day, truth)
            if style["actions"] == "lines":
                doc.text(
                    f"Åtgärd: {task[0].upper() + task[1:]}. Ansvarig: {_who(who, present, rng)}. "
                    f"Klart till: {due_text}."
                )
                item.assign([who.name], task[0].upper() + task[1:], due)
            else:
                actions.append((item, task, who, due_text, due))
        doc.blank()
    if actions:
        table = truth.item(None, "Åtgärdslista")
        doc.heading("Åtgärdslista")
        doc.row("Åtgärd", "Ansvarig", "Klart till", header=True)
        for _, task, who, due_text, due in actions:
            doc.row(task[0].upper() + task[1:], who.name, due_text)
            table.assign([who.name], task[0].upper() + task[1:], due)
        doc.blank()
    if next_day is not None:
        item = truth.item(None, "Nästa möte")
        if style["items"] == "headings":
            doc.heading("Nästa möte")
        else:
            doc.bullets(["Nästa möte"])
        text = f"Nästa möte hålls den {truth.record(long_form(next_day), next_day.isoformat())}."
        doc.text(text)
        item.decide(text, "decided", optional=True)
    doc.text(f"Vid anteckningarna: {present[-1].name}")
    text = render(doc, style["medium"])
    output = Output(pdf=pdf, suffix=suffix, header=None, footer="{page}")
    return Generated(
        f"{group.slug}/{day.year}/{stem}{suffix}", text, truth.as_gold(), [], output=output, family="minnes"
    )
