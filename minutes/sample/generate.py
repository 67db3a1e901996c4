"""Deterministic generation of meetings, their text and their ground truth.

Bodies are visited one after another and each body's meetings are written in
date order, so a body can remember open assignments and report them back at its
next meeting. All randomness comes from `random.Random` seeded with strings built
from (seed, body, meeting), which makes every file reproducible on its own.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from . import vocabulary as V
from .bodies import era_of, make_body, period_of, topics_for
from .compose import (
    Context,
    meeting_dates_item,
    one_off_item,
    other_questions,
    topic_item,
)
from .dates import nth_weekday
from .model import Body, Generated, Item, Meeting, Person, Topic
from .render_text import encode, render

FIRST_YEAR, LAST_YEAR = 2015, 2025
MEETINGS_PER_BODY = 60
MIN_BODIES = 6


def body_counts(meetings: int) -> list[int]:
    """How many meetings each body gets: at least six bodies, at most ~60 meetings each."""
    bodies = max(MIN_BODIES, math.ceil(meetings / MEETINGS_PER_BODY))
    base, extra = divmod(meetings, bodies)
    return [base + (1 if i < extra else 0) for i in range(bodies)]


def schedule(body: Body, count: int, seed: int) -> list[date]:
    """`count` consecutive meeting days of a body, starting in a seeded year."""
    per_year = len(body.months)
    years = max(1, math.ceil(count / per_year))
    rng = random.Random(f"schedule:{seed}:{body.index}")
    start = rng.randint(FIRST_YEAR, max(FIRST_YEAR, LAST_YEAR - years + 1))
    days = [
        nth_weekday(y, m, body.weekday, body.week_of_month) for y in range(start, start + years) for m in body.months
    ]
    return days[:count]


def year_schedule(body: Body, year: int) -> list[date]:
    """All meeting days of a body in one year (used for 'Mötestider' lists)."""
    return [nth_weekday(year, m, body.weekday, body.week_of_month) for m in body.months]


def choose_attendance(rng: random.Random, body: Body, year: int) -> list[tuple[Person, str]]:
    """Who was there: members and officials present or absent, some guests invited or called."""
    members, officials = body.rosters[period_of(year)]
    listed = [(m, "present" if i < 2 or rng.random() < 0.85 else "absent") for i, m in enumerate(members)]
    listed += [(o, "present") for o in officials]
    guests = rng.sample(body.guests, rng.randint(0, 3))
    status = "called" if rng.random() < 0.3 else "invited"
    listed += [(g, status) for g in guests]
    return listed


def formal_item(ctx: Context, item: Item, title: str, decision: str | None, kind: str) -> Item:
    """Opening/agenda/minutes items whose decisions are optional in the truth."""
    item.title = title
    if decision:
        item.decisions.append({"text": decision, "kind": kind, "optional": True})
        item.blocks.append(("formal", decision))
    return item


class BodyWriter:
    """Writes one body's meetings in order, carrying open assignments and § numbers."""

    def __init__(self, body: Body, seed: int, pdf_share: float):
        self.body = body
        self.seed = seed
        self.pdf_share = pdf_share
        self.pending: dict[tuple, tuple[Topic, list]] = {}
        self.stages: dict[tuple, int] = {}
        self.paragraph_by_year: dict[int, int] = {}
        self.justerare: Person | None = None

    def numbers(self, year: int) -> Iterator[str]:
        """Item numbers: § numbering continues across a year, minutes restart at 1."""
        protocol = self.body.kind in ("committee", "board")
        n = self.paragraph_by_year.get(year, 0) if protocol else 0
        while True:
            n += 1
            if protocol:
                self.paragraph_by_year[year] = n
            yield str(n)

    def write(self, k: int, day: date) -> Generated:
        """Plan, compose and render meeting number k of this body."""
        body = self.body
        rng = random.Random(f"meeting:{self.seed}:{body.index}:{k}")
        style = body.styles[era_of(day.year)]
        upcoming = [d for d in year_schedule(body, day.year) if d > day]
        header = style.header
        if header == "dag_noyear" and not upcoming:
            header = "datum_long"
        online = rng.random() < (0.8 if day.year in (2020, 2021) else 0.4 if day.year > 2021 else 0.03)
        attendance = choose_attendance(rng, body, day.year)
        present = [p for p, s in attendance if s == "present"]
        first_counts: dict[str, int] = {}
        for p in present + body.guests:
            first_counts[p.first] = first_counts.get(p.first, 0) + 1
        ctx = Context(rng, body, style, day, [], present, first_counts)
        start, end = body.start_hours
        meeting = Meeting(
            body,
            day,
            start,
            end,
            "Teams" if online else rng.choice(body.rooms),
            online,
            style,
            attendance,
            [],
            [],
            ctx.dates,
            f"{body.slug}_{day.isoformat()}",
            pdf=random.Random(f"pdf:{self.seed}:{body.index}:{k}").random() < self.pdf_share,
        )
        meeting.style = style if header == style.header else _with_header(style, header)
        meeting.items = self.items(ctx, day, upcoming, header)
        meeting.signatories = self.signatories(day) if style.signature else []
        ext = "pdf" if meeting.pdf else "txt"
        filename = f"{body.slug}/{day.year}/{meeting.stem}.{ext}"
        text = render(meeting)
        threads = [(item.topic.key, item.topic.label, item.number) for item in meeting.items if item.topic]
        return Generated(filename, text, truth_of(meeting, Path(filename).name), threads, meeting)

    def items(self, ctx: Context, day: date, upcoming: list[date], header: str) -> list[Item]:
        """The agenda: formal opening, recurring topics, one-off items, closing items."""
        rng, body = ctx.rng, self.body
        numbers = self.numbers(day.year)
        items = [formal_item(ctx, Item(next(numbers), ""), rng.choice(V.FORMAL_OPENING_TITLES), None, "")]
        protocol = body.kind in ("committee", "board")
        if protocol:
            members = body.rosters[period_of(day.year)][0]
            justerare = rng.choice([p for p in ctx.people if p in members[1:]])
            item = formal_item(
                ctx,
                Item(next(numbers), ""),
                rng.choice(V.JUSTERARE_TITLES),
                f"Till att jämte ordföranden justera protokollet utses {justerare.name}.",
                "decided",
            )
            items.append(item)
            self.justerare = justerare
        agenda, kind = rng.choice(V.AGENDA_DECISIONS)
        items.append(formal_item(ctx, Item(next(numbers), ""), rng.choice(V.AGENDA_TITLES), agenda, kind))
        if not protocol:
            text, kind = rng.choice(V.PREVIOUS_DECISIONS)
            items.append(formal_item(ctx, Item(next(numbers), ""), rng.choice(V.PREVIOUS_TITLES), text, kind))
        chosen = [topic for topic, _ in self.pending.values()]
        others = [t for t in topics_for(body, day.year) if t not in chosen]
        chosen += rng.sample(others, min(len(others), rng.randint(0 if protocol else 1, 2)))
        for topic in chosen:
            item = Item(next(numbers), "")
            stage = self.stages.get(topic.key, 0)
            self.stages[topic.key] = stage + 1
            _, report_back = self.pending.pop(topic.key, (topic, []))
            pending = topic_item(ctx, item, topic, stage, report_back)
            if pending:
                self.pending[topic.key] = (topic, pending)
            items.append(item)
        for _ in range(rng.randint(1, 3)):
            item = Item(next(numbers), "")
            one_off_item(ctx, item)
            items.append(item)
        if header == "dag_noyear" or (not upcoming and rng.random() < 0.6):
            year = day.year if header == "dag_noyear" else day.year + 1
            dates = upcoming if header == "dag_noyear" else year_schedule(body, year)
            item = Item(next(numbers), "")
            meeting_dates_item(ctx, item, dates, year)
            items.append(item)
        if not protocol:
            item = Item(next(numbers), "")
            other_questions(ctx, item)
            items.append(item)
        return items

    def signatories(self, day: date) -> list[Person]:
        """Chair and secretary, plus the justerare in protocols (secretary signs first there)."""
        members, officials = self.body.rosters[period_of(day.year)]
        if self.body.kind in ("committee", "board"):
            return [officials[0], members[0], *([self.justerare] if self.justerare else [])]
        return [members[0], officials[0]]


def _with_header(style, header: str):
    """A copy of the style with another header format (fallback for year-less headers)."""
    from dataclasses import replace

    return replace(style, header=header)


def truth_of(meeting: Meeting, source: str) -> dict:
    """Gold-shaped truth of a meeting (keys exactly as in gold/FORMAT.md)."""
    signers = [p.name for p in meeting.signatories]
    items = []
    for item in meeting.items:
        items.append(item_truth(item))
        items.extend(item_truth(child) for child in item.children)
    seen, dates = set(), []
    for text, value in meeting.dates:
        if value not in seen:
            seen.add(value)
            dates.append({"text": text, "value": value})
    return {
        "source": source,
        "meeting": {
            "body": meeting.body.short,
            "body_name": meeting.body.full,
            "date": meeting.day.isoformat(),
            "start_time": meeting.start,
            "end_time": meeting.end,
            "location": meeting.location,
            "signatories": signers,
        },
        "attendees": [
            {"name": p.name, "organization": p.org, "role": p.role, "party": p.party, "status": status}
            for p, status in meeting.attendees
        ],
        "items": items,
        "dates": dates,
    }


def item_truth(item: Item) -> dict:
    """One item in the gold shape."""
    return {
        "number": item.number,
        "title": item.title,
        "kind": item.kind,
        "presenters": [p.name for p in item.presenters],
        "speakers": list(item.speakers),
        "decisions": list(item.decisions),
        "assignments": list(item.assignments),
    }


def classic_units(meetings: int, seed: int = 0, pdf_share: float = 0.0) -> Iterator[Iterator[Generated]]:
    """The classic family body by body, each body's meetings in date order."""

    def body_meetings(index: int, count: int) -> Iterator[Generated]:
        body = make_body(index, seed)
        writer = BodyWriter(body, seed, pdf_share)
        for k, day in enumerate(schedule(body, count, seed)):
            yield writer.write(k, day)

    for index, count in enumerate(body_counts(meetings)):
        if count:
            yield body_meetings(index, count)


def iter_generated(meetings: int, seed: int = 0, pdf_share: float = 0.0, families=None) -> Iterator[Generated]:
    """All documents of an archive, family units interleaved (see families.py).

    `families` is None (the default mix), a name such as "classic", a comma list, a list of
    names or a mapping name -> weight. Only "classic" gives the archives of earlier versions.
    """
    from .families import iter_families

    return iter_families(meetings, seed, pdf_share, families)


def iter_meetings(n: int, seed: int = 0, *, pdf_share: float = 0.0, families=None) -> Iterator[tuple[str, str, dict]]:
    """Yield (relative filename, text, truth) for n meetings without touching the disk."""
    for generated in iter_generated(n, seed, pdf_share, families):
        yield generated.filename, generated.text, generated.truth


def write_generated(generated: Generated, path: Path) -> None:
    """One document to disk: its PDF, or its text in its encoding and line ends.

    The PDF renderer (reportlab, ``minutes[sample]``) is imported only for a PDF.
    """
    if generated.meeting is not None:
        if generated.meeting.pdf:
            from .render_pdf import render_meeting_pdf

            render_meeting_pdf(generated.meeting, generated.text, path)
        else:
            path.write_bytes(encode(generated.text, generated.meeting.style))
        return
    out = generated.output
    if out is None:
        raise ValueError(f"{generated.filename}: neither a planned meeting nor an output form to write it with")
    if out.pdf:
        from .render_pdf import render_pdf_from_text

        render_pdf_from_text(
            generated.text,
            path,
            header=out.header,
            footer=out.footer,
            bullets=out.bullets,
            font_size=out.font_size,
            table_rules=out.table_rules,
        )
    else:
        path.write_bytes(generated.text.replace("\n", out.newline).encode(out.encoding))


def generate_archive(
    out_dir, *, meetings: int = 300, seed: int = 0, pdf_share: float = 0.3, with_truth: bool = True, families=None
) -> list[Path]:
    """Write a sample archive (text files in their encodings, PDFs) plus _truth/ JSON.

    `families` chooses the families of minutes (see `iter_generated`); the default mixes
    all of them. `_truth/threads.json` lists recurring topics and case threads.
    PDFs need reportlab (``minutes[sample]``); with ``pdf_share=0`` text alone needs nothing.
    """
    out = Path(out_dir)
    written: list[Path] = []
    threads: dict[tuple, tuple[str, list]] = {}
    truth_dir = out / "_truth"
    if with_truth:
        truth_dir.mkdir(parents=True, exist_ok=True)
    for generated in iter_generated(meetings, seed, pdf_share, families):
        path = out / generated.filename
        path.parent.mkdir(parents=True, exist_ok=True)
        write_generated(generated, path)
        written.append(path)
        for key, label, number in generated.threads:
            threads.setdefault(key, (label, []))[1].append([path.name, number])
        if with_truth:
            (truth_dir / f"{path.stem}.json").write_text(
                json.dumps(generated.truth, ensure_ascii=False, indent=1), encoding="utf-8"
            )
    if with_truth:
        data = [{"label": label, "members": members} for label, members in threads.values() if len(members) > 1]
        (truth_dir / "threads.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return written
