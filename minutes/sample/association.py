"""Associations and student unions: board meetings, årsmöten and sektionsmöten.

Their minutes number items "1 Mötets öppnande", split them into 5.1/5.2 and lettered
a) b), list attendance as a table of roles ("Ordförande  Ebba Udde  Ja"), settle
motions by att-satser ("Förslag / 1. Att ... / Beslut / Attsats 1 bifalles": the decision
is the approved att-sats), elect people ("X väljs till ordförande") and hand out tasks
in passing ("Ebba kollar med vaktmästaren", "(EU) bokar lokal"), resolved to full names
only where the attendance list makes it certain.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from . import vocabulary as V
from .bodies import WIDE_NAMES, ascii_slug, town_name, unique_people
from .council import place_genitive
from .dates import clock, long_form, nth_weekday
from .layout import Doc, render
from .model import Generated, Output, Person
from .truth import TAttendee, TItem, TMeeting, vote_entry

BOARD_MONTHS = (1, 2, 4, 5, 6, 8, 9, 10, 11, 12)
#: Item numbering habits, taken in turn by the clubs so that even a small archive has several.
NUMBERING = ("dot", "paren", "plain", "para", "para_tight")


@dataclass(slots=True)
class Club:
    """An association or a student union with its board, members and habits."""

    index: int
    kind: str  # association | union
    name: str
    short: str | None
    board: list[tuple[str, Person]]
    members: list[Person]
    room: str
    weekday: int
    hours: tuple[str, str]
    matters: list[tuple]
    slug: str
    style: dict = field(default_factory=dict)
    initials: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> str:
        """The organisation's name as the minutes use it (its abbreviation if it has one)."""
        return self.short or self.name


def make_club(index: int, seed: int) -> Club:
    """Club number `index` (even: an association, odd: a student union)."""
    rng = random.Random(f"club:{seed}:{index}")
    kind = "association" if index % 2 == 0 else "union"
    place = town_name(index * 4 + 2)
    template, short = rng.choice(V.ASSOCIATIONS if kind == "association" else V.STUDENT_UNIONS)
    fill = {
        "place": place,
        "place_gen": place_genitive(place),
        "bird": rng.choice(V.BIRDS),
        "flower": rng.choice(V.FLOWERS),
        "i": place[0],
    }
    name = template.format(**fill)
    short = short.format(**fill) if short and rng.random() < 0.7 else None
    taken: set[str] = set()
    roles = V.BOARD_ROLES if kind == "association" else V.UNION_ROLES
    board = [
        (role, Person(full, first))
        for role, (full, first) in zip(roles, unique_people(rng, len(roles), taken, WIDE_NAMES))
    ]
    members = [Person(full, first) for full, first in unique_people(rng, 12, taken, WIDE_NAMES)]
    style = {
        "numbering": NUMBERING[index % len(NUMBERING)],
        "attendance": rng.choice(("table", "table", "inline")),
        "initials": rng.random() < 0.4,
        "tasks": rng.choice(("first", "full", "initials")),
        "medium": rng.choices(("plain", "markdown", "flat"), (0.55, 0.3, 0.15))[0],
        "header": rng.choice(("lines", "one_line")),
        "title": rng.choice(("Protokoll fört vid {meeting} i {name}", "{Meeting} {date}", "PROTOKOLL – {meeting}")),
        "bullet": rng.choice(("-", "•", "*")),
    }
    initials: dict[str, str] = {}
    if style["initials"]:
        for _, person in board:
            letters = "".join(part[0] for part in person.name.replace("-", " ").split())
            if letters not in initials.values():
                initials[person.name] = letters
    if style["tasks"] == "initials" and not style["initials"]:
        style["tasks"] = "first"
    room = rng.choice(V.CLUB_ROOMS).format(place=place)
    return Club(
        index,
        kind,
        name,
        short,
        board,
        members,
        room,
        rng.randrange(4),
        rng.choice((("18:30", "20:45"), ("19:00", "21:00"), ("17:15", "19:30"))),
        rng.sample(V.CLUB_MATTERS, 4),
        f"forening-{index:03d}-{ascii_slug(place)}",
        style,
        initials,
    )


def club_days(club: Club, count: int, seed: int) -> list[tuple[date, str]]:
    """(day, meeting kind) of a club's first `count` meetings: board meetings, and the
    yearly årsmöte (associations) or sektionsmöten (student unions)."""
    rng = random.Random(f"clubdays:{seed}:{club.index}")
    year = rng.randint(2015, 2023)
    days: list[tuple[date, str]] = []
    while len(days) < count:
        for month in range(1, 13):
            if month in BOARD_MONTHS:
                days.append((nth_weekday(year, month, club.weekday, 1), "board"))
            if club.kind == "association" and month == 3:
                days.append((nth_weekday(year, month, 6, 2), "annual"))
            if club.kind == "union" and month in (3, 10):
                days.append((nth_weekday(year, month, 2, 2), "general"))
        year += 1
    return sorted(days)[:count]


@dataclass
class Writer:
    """One meeting being written: its document, truth and the people it may name."""

    club: Club
    rng: random.Random
    doc: Doc
    truth: TMeeting
    day: date
    present: list[tuple[str, Person]]
    number: int = 0
    threads: list[tuple[tuple, str, str]] = field(default_factory=list)

    def heading(self, title: str, number: str | None = None) -> TItem:
        """A numbered item in the club's numbering habit."""
        if number is None:
            self.number += 1
            number = str(self.number)
        form = self.club.style["numbering"]
        if number[-1].isalpha():
            text = f"{number[-1]}) {title}"
        else:
            text = {
                "plain": f"{number} {title}",
                "dot": f"{number}. {title}",
                "paren": f"{number}) {title}",
                "para": f"§ {number} {title}",
                "para_tight": f"§{number} {title}",
            }[form]
        self.doc.heading(text)
        return self.truth.item(number, title)

    def called(self, person: Person) -> str:
        """How a task line names a person: first name if unique, initials in brackets, or full."""
        form = self.club.style["tasks"]
        firsts = [p.first for _, p in self.present]
        if form == "initials" and person.name in self.club.initials:
            return f"({self.club.initials[person.name]})"
        if form == "first" and firsts.count(person.first) == 1:
            return person.first
        return person.name

    def spoken(self, person: Person) -> str:
        """A speaker by first name when only one attendee has it, else by full name."""
        firsts = [p.first for _, p in self.present]
        return person.first if firsts.count(person.first) == 1 and self.rng.random() < 0.6 else person.name

    def role_of(self, role: str) -> Person:
        return next(p for r, p in self.club.board if r == role)


def _attendance(w: Writer, absent: list[tuple[str, Person]], extra: int) -> None:
    """A role table ('Ordförande  Ebba Udde  Ja') or 'Närvarande: A (ordförande), B ...'."""
    club, doc = w.club, w.doc
    rows = [(role, person, (role, person) not in absent) for role, person in club.board]
    if club.style["attendance"] == "table":
        doc.label("Närvarande")
        cells = ("Roll", "Namn") + (("Sign.",) if club.style["initials"] else ()) + ("Närvarande",)
        doc.row(*cells, header=True)
        for role, person, here in rows:
            sign = (club.initials.get(person.name, ""),) if club.style["initials"] else ()
            doc.row(role, person.name, *sign, "Ja" if here else "Nej")
            w.truth.attendees.append(TAttendee(person.name, "present" if here else "absent", role=role))
        if extra:
            doc.text(f"Dessutom närvarade {extra} medlemmar.")
    else:
        present = [f"{p.name} ({r.lower()})" for r, p, h in rows if h]
        tail = f" samt {extra} övriga medlemmar" if extra else ""
        doc.text("Närvarande: " + ", ".join(present) + tail)
        gone = [f"{p.name} ({r.lower()})" for r, p, h in rows if not h]
        if gone:
            doc.text("Ej närvarande: " + ", ".join(gone))
        for role, person, h in rows:
            w.truth.attendees.append(TAttendee(person.name, "present" if h else "absent", role=role.lower()))
    doc.blank()


def _header(w: Writer, meeting_word: str) -> None:
    club, doc, day, truth = w.club, w.doc, w.day, w.truth
    start, end = club.hours
    title = club.style["title"].format(
        meeting=meeting_word, Meeting=meeting_word.capitalize(), name=club.name, date=day.isoformat()
    )
    if "{date}" in club.style["title"]:
        truth.record(day.isoformat(), day.isoformat())
    doc.title(title)
    doc.text(club.name + (f" ({club.short})" if club.short else ""))
    doc.blank()
    when = truth.record(day.isoformat(), day.isoformat())
    if club.style["header"] == "lines":
        doc.text(f"Datum: {when}")
        doc.text(f"Tid: {clock(start)}–{clock(end)}")
        doc.text(f"Plats: {club.room}")
    else:
        doc.text(f"Datum och tid: {when} kl. {clock(start)}–{clock(end)}. Plats: {club.room}")
    truth.start_time, truth.end_time, truth.location = start, end, club.room
    doc.blank()


def _task(w: Writer, item: TItem, person: Person, task: str) -> None:
    """'Ebba kollar med vaktmästaren' as a line of its own (due: next meeting now and then)."""
    due, tail = None, ""
    if w.rng.random() < 0.3:
        due, tail = "next_meeting", " till nästa möte"
    w.doc.text(f"{w.called(person)} {task}{tail}.")
    item.assign([person.name], task, due)


def _formalities(w: Writer, secretary: Person, checker: Person, chair: Person) -> None:
    doc, rng = w.doc, w.rng
    item = w.heading("Mötets öppnande")
    text = f"Ordföranden {chair.name} förklarade mötet öppnat."
    doc.text(text)
    item.decide(text, "decided", optional=True)
    doc.blank()
    item = w.heading(rng.choice(("Val av justerare", "Val av justerare tillika rösträknare")))
    text = rng.choice(
        (f"{checker.name} valdes att jämte ordföranden justera protokollet.", f"{checker.name} väljs till justerare.")
    )
    doc.text(text)
    item.decide(text, "decided", optional=True)
    doc.blank()
    item = w.heading(rng.choice(("Godkännande av dagordningen", "Fastställande av dagordning")))
    text = rng.choice(("Dagordningen godkändes.", "Dagordningen godkändes med ett tillägg under övriga frågor."))
    doc.text(text)
    item.decide(text, "endorsed", optional=True)
    doc.blank()


def _att_item(w: Writer, title: str, atts: list[str], lead: str = "Förslag", number: str | None = None) -> TItem:
    """'Förslag / 1. Att ... / Beslut / Attsats 1 bifalles': the approved att-satser decide."""
    doc, rng = w.doc, w.rng
    item = w.heading(title, number)
    doc.label(lead)
    for i, text in enumerate(atts, 1):
        doc.text(f"{i}. {text}")
        item.decide(text, "decided", optional=True)
    approved = [1] + ([2] if len(atts) > 1 and rng.random() < 0.6 else [])
    doc.label("Beslut")
    if approved == [1, 2]:
        doc.text(rng.choice(("Attsats 1 och 2 bifalles.", "Attsats 1 bifalles. Attsats 2 bifalles.")))
    elif len(atts) > 1:
        doc.text("Attsats 1 bifalles. Attsats 2 avslås.")
        item.decide("Attsats 2 avslås.", "decided")
    else:
        doc.text("Attsats 1 bifalles.")
    for n in approved:
        text = atts[n - 1]
        item.decide(text, "decided")
        if "styrelsen" in text:
            task = text.split("styrelsen ", 1)[1].removeprefix("att ")
            item.assign(["styrelsen"], task, optional=True)
    item.decisions.sort(key=lambda d: d["optional"])
    doc.blank()
    return item


def _matter(w: Writer, matter: tuple) -> None:
    """A recurring matter with a report, maybe a decision, and tasks in passing."""
    doc, rng = w.doc, w.rng
    title, subject, tasks = matter
    item = w.heading(title)
    if item.number is None:  # heading() numbers every item; a thread member needs its number
        raise ValueError(f"matter {title!r} of {w.club.name} has no item number")
    w.threads.append((("matter", w.club.index, title), f"{title} ({w.club.name})", item.number))
    _, speaker = rng.choice(w.present)
    doc.text(f"{w.spoken(speaker)} informerade om läget för {subject}.")
    item.speaker(speaker.name)
    doc.text(
        rng.choice(
            (
                "Frågan diskuterades och flera synpunkter kom fram.",
                "Styrelsen diskuterade olika alternativ.",
                "Arbetet går enligt plan.",
            )
        )
    )
    for task in rng.sample(tasks, rng.randint(1, 2)):
        _task(w, item, rng.choice(w.present)[1], task)
    if rng.random() < 0.35:
        text = f"Styrelsen beslutade att {rng.choice(V.BOARD_WHATS)}."
        doc.text(text)
        item.decide(text, "decided")
    doc.blank()


def _other_questions(w: Writer) -> None:
    doc, rng = w.doc, w.rng
    parent = w.heading("Övriga frågor")
    for letter, matter in zip("abc", rng.sample(w.club.matters, rng.randint(1, 2))):
        title = matter[0] if rng.random() < 0.5 else f"Fråga om {matter[1]}"
        child = w.heading(title, f"{parent.number}{letter}")
        _, person = rng.choice(w.present)
        doc.text(f"{person.name} tog upp frågan om {matter[1]}.")
        child.speaker(person.name)
        if rng.random() < 0.5:
            _task(w, child, person, rng.choice(matter[2]))
    doc.blank()


def _closing(w: Writer, next_day: date | None) -> None:
    doc, truth = w.doc, w.truth
    if next_day is not None:
        item = w.heading(w.rng.choice(("Nästa möte", "Nästa styrelsemöte")))
        when = truth.record(long_form(next_day), next_day.isoformat())
        text = f"Nästa möte hålls den {when} kl. {clock(w.club.hours[0])}."
        doc.text(text)
        item.decide(text, "decided", optional=True)
        doc.blank()
    w.heading("Mötets avslutande")
    doc.text(f"Ordföranden tackade för visat intresse och avslutade mötet kl. {clock(w.club.hours[1])}.")
    doc.blank()


def _signatures(w: Writer, secretary: Person, chair: Person, checker: Person) -> None:
    doc = w.doc
    doc.text("Vid protokollet")
    doc.text("." * 30)
    doc.text(f"{secretary.name}, sekreterare")
    doc.blank()
    doc.text("Justeras")
    doc.row("." * 30, "." * 30)
    doc.row(f"{chair.name}, ordförande", f"{checker.name}, justerare")
    w.truth.signatories = [secretary.name, chair.name, checker.name]


def write_club_meeting(
    club: Club, k: int, day: date, kind: str, next_day: date | None, seed: int, pdf_share: float
) -> Generated:
    """A board meeting, an årsmöte or a sektionsmöte of a club."""
    rng = random.Random(f"meeting:forening:{seed}:{club.index}:{k}")
    stem = f"{club.slug}_{day.isoformat()}"
    medium = club.style["medium"]
    pdf = medium == "plain" and random.Random(f"pdf:{stem}:{seed}").random() < pdf_share
    suffix = ".pdf" if pdf else ".txt"
    truth = TMeeting(stem + suffix, club.body, club.name, day.isoformat())
    doc = Doc(bullet=club.style["bullet"])
    keep = ("Ordförande", "Sekreterare")
    absent = [(r, p) for r, p in club.board if r not in keep and rng.random() < 0.15]
    present = [(r, p) for r, p in club.board if (r, p) not in absent]
    w = Writer(club, rng, doc, truth, day, present)
    chair, secretary = w.role_of("Ordförande"), w.role_of("Sekreterare")
    checker = rng.choice([p for r, p in present if r not in keep])
    word = {"board": "styrelsemöte", "annual": "årsmöte", "general": "sektionsmöte"}[kind]
    _header(w, word)
    _attendance(w, absent, 0 if kind == "board" else rng.randint(8, 40))
    _formalities(w, secretary, checker, chair)
    if kind == "board":
        _board_items(w)
    elif kind == "annual":
        _annual_items(w)
    else:
        _general_items(w)
    _closing(w, next_day if kind == "board" else None)
    _signatures(w, secretary, chair, checker)
    text = render(doc, medium)
    output = Output(
        pdf=pdf,
        suffix=suffix,
        header=None if rng.random() < 0.5 else club.name,
        footer=rng.choice(("Sida {page}", "{page}({pages})", "{page}")),
    )
    return Generated(
        f"{club.slug}/{day.year}/{stem}{suffix}", text, truth.as_gold(), w.threads, output=output, family="forening"
    )


def _board_items(w: Writer) -> None:
    doc, rng, truth = w.doc, w.rng, w.truth
    item = w.heading(rng.choice(("Föregående protokoll", "Föregående mötesprotokoll")))
    text = "Föregående protokoll gicks igenom och lades till handlingarna."
    doc.text(text)
    item.decide(text, "noted", optional=True)
    doc.blank()
    if rng.random() < 0.6:
        parent = w.heading("Ekonomi")
        n = parent.number
        report = w.heading("Ekonomisk rapport", f"{n}.1")
        treasurer = w.role_of("Kassör")
        if any(p is treasurer for _, p in w.present):
            doc.text(f"Kassören {treasurer.name} redogjorde för det ekonomiska läget.")
            report.speaker(treasurer.name)
        doc.text(f"Saldot på föreningens konto är {rng.randint(8, 95)} {rng.randint(100, 999)} kronor.")
        doc.blank()
        year = w.day.year + (1 if w.day.month >= 9 else 0)
        title, atts = rng.choice(V.CLUB_PROPOSALS)
        fill = {"year": year, "fee": rng.choice(V.ANNUAL_FEES), "price": rng.randint(8, 40) * 1000}
        title = title.format(**fill)
        if str(year) in title:
            truth.record(str(year), str(year))
        atts_text = [a.format(**fill) for a in atts]
        if any(str(year) in a for a in atts_text):
            truth.record(str(year), str(year))
        _att_item(w, title, atts_text, number=f"{n}.2")
    for matter in rng.sample(w.club.matters, rng.randint(1, 2)):
        _matter(w, matter)
    if rng.random() < 0.6:
        _other_questions(w)


def _annual_items(w: Writer) -> None:
    doc, rng, truth, club = w.doc, w.rng, w.truth, w.club
    last = w.day.year - 1
    item = w.heading("Mötets behöriga utlysande")
    text = "Mötet förklarades behörigt utlyst."
    doc.text(text)
    item.decide(text, "decided", optional=True)
    doc.blank()
    truth.record(str(last), str(last))
    item = w.heading(f"Verksamhetsberättelse för {last}")
    text = f"Verksamhetsberättelsen för {last} godkändes och lades till handlingarna."
    doc.text(text)
    item.decide(text, "endorsed")
    doc.blank()
    item = w.heading("Revisorernas berättelse")
    text = "Revisionsberättelsen lästes upp och lades till handlingarna."
    doc.text(text)
    item.decide(text, "noted")
    doc.blank()
    item = w.heading("Fråga om ansvarsfrihet för styrelsen")
    text = f"Medlemmarna beslutade att bevilja styrelsen ansvarsfrihet för verksamhetsåret {last}."
    doc.text(text)
    item.decide(text, "decided")
    doc.blank()
    pool = [p for _, p in club.board] + club.members
    chair = rng.choice(pool)
    item = w.heading("Val av ordförande")
    text = f"{chair.name} väljs till ordförande för en tid av ett år."
    doc.text(text)
    item.decide(text, "decided")
    doc.blank()
    a, b, c = rng.sample([p for p in pool if p is not chair], 3)
    item = w.heading("Val av revisorer")
    text = f"Till revisorer valdes {a.name} och {b.name}, med {c.name} som suppleant."
    doc.text(text)
    item.decide(text, "decided")
    doc.blank()
    fee = rng.choice(V.ANNUAL_FEES)
    item = w.heading("Fastställande av årsavgift")
    text = f"Medlemmarna beslutade att fastställa årsavgiften till {fee} kronor."
    doc.text(text)
    item.decide(text, "decided")
    doc.blank()
    if rng.random() < 0.5:
        title, atts = rng.choice(V.CLUB_PROPOSALS[:2])
        year = w.day.year
        truth.record(str(year), str(year))
        fill = {"year": year, "fee": fee, "price": 0}
        _att_item(w, title.format(**fill), [t.format(**fill) for t in atts], "Styrelsens förslag")


def _general_items(w: Writer) -> None:
    """A sektionsmöte: formalia as 2.1-2.3, motions with yrkanden and votes, elections."""
    doc, rng, truth, club = w.doc, w.rng, w.truth, w.club
    truth.protocol = True
    item = w.heading("Mötets behörighet")
    text = "Mötet förklaras behörigt."
    doc.text(text)
    item.decide(text, "decided", optional=True)
    doc.blank()
    speaker = rng.choice(w.present)[1]
    item = w.heading("Meddelanden")
    doc.text(f"{speaker.name} berättade om sektionens verksamhet sedan förra mötet.")
    item.speaker(speaker.name)
    doc.blank()
    for title, atts in rng.sample(V.UNION_MOTIONS, rng.randint(1, 2)):
        item = w.heading(title)
        mover = rng.choice(w.present)[1]
        doc.text(f"{mover.name} föredrog motionen.")
        item.speaker(mover.name)
        doc.label("Förslag")
        for i, text in enumerate(atts, 1):
            doc.text(f"{i}. {text}")
            item.decide(text, "decided", optional=True)
        opponent = rng.choice([p for _, p in w.present if p is not mover])
        rejected = rng.random() < 0.5
        doc.label("Yrkanden")
        doc.text(f"{opponent.name} yrkar avslag på attsats 2.")
        item.proposals.append({"by": [opponent.name], "text": "avslag på attsats 2"})
        voters = len(w.present) + rng.randint(8, 30)
        against = rng.randint(2, voters // 3)
        abstain = rng.randint(0, 3)
        for_ = voters - against - abstain
        yes, no = (against, for_) if rejected else (for_, against)
        doc.text(
            rng.choice(
                (
                    f"Röstning om attsats 2: {yes} för, {no} emot, {abstain} avstår.",
                    f"Omröstning om attsats 2 genomfördes: {yes} röster för, {no} emot och {abstain} nedlagda.",
                )
            )
        )
        item.votes.append(vote_entry(yes, no, abstain, None))
        doc.label("Beslut")
        if rejected:
            doc.text("Attsats 1 bifalles. Attsats 2 avslås.")
            item.decide("Attsats 2 avslås.", "decided")
            item.decide(atts[0], "decided")
        else:
            doc.text("Attsats 1 och 2 bifalles.")
            item.decide(atts[0], "decided")
            item.decide(atts[1], "decided")
        if rejected and rng.random() < 0.5:
            doc.text(f"{mover.name} reserverar sig mot beslutet.")
            item.reservations.append(mover.name)
        item.decisions.sort(key=lambda d: d["optional"])
        doc.blank()
    role = rng.choice(("Festerichef", "Informationsansvarig", "Studienämndsordförande"))
    elected = rng.choice(club.members)
    item = w.heading(f"Fyllnadsval av {role.lower()}")
    text = f"{elected.name} väljs till {role.lower()} för resten av verksamhetsåret."
    doc.text(text)
    item.decide(text, "decided")
    doc.blank()
    if rng.random() < 0.5:
        _other_questions(w)
