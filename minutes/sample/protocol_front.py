"""The front of a kommunal §-protokoll: the body's habits, who attended, and the first page.

The first page is a label–value table (Plats och tid, Beslutande, Övriga deltagare, Utses
att justera, Justeringens plats och tid, Underskrifter with dotted lines and names,
Paragrafer, ANSLAG/BEVIS with Organ, Sammanträdesdatum, the dates the notice goes up and
comes down, Förvaringsplats); the närvarolista lists NAMN, PARTI, NÄRVARO with x marks
under LEDAMÖTER and ERSÄTTARE, with tjänstgörande ersättare ("tjg ers för", "Tjg § 12-15").
Each body keeps its spelling of labels and its table layout within an era.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import vocabulary as V
from .council import Council, CouncilBody
from .dates import clock
from .layout import Doc
from .model import Person
from .truth import TAttendee, TMeeting

DOTS = "." * 38
#: Years after the last era keep that era's habits.
LAST_ERA_YEAR = 2025


@dataclass(slots=True)
class ProtocolStyle:
    """One body's habits in one era (how, never what)."""

    title_word: str
    label_form: str  # tab | spaces | space | own_line
    beslutande: str  # list | inline
    attendance_last: bool
    heading: str  # own_line | same_line | prefixed | prefixed_same
    dnr_label: str
    dnr_aside: bool
    labels: dict[str, str]
    decision_label: str  # genitive | plain | verb
    decision_first: bool
    att_numbered: bool
    vote_list: str  # lines | table
    party_lower: bool
    absent_mark: str
    present_mark: str
    colon_motions: bool
    formal_items: bool
    sub_form: str  # tjg | ersatter | istf
    dash: str
    medium: str
    encoding: str
    newline: str


def protocol_style(council: Council, body: CouncilBody, era: int, seed: int) -> ProtocolStyle:
    """Pick a body's layout habits for one era (seeded, so every meeting of the era agrees)."""
    rng = random.Random(f"pstyle:{council.family}:{seed}:{council.index}:{body.key}:{era}")
    medium = rng.choices(("plain", "flat", "markdown"), (0.7, 0.15, 0.15))[0]
    forms = ("own_line", "space") if medium == "markdown" else ("tab", "spaces", "space", "own_line")
    labels = {
        "description": rng.choice(V.LABELS_DESCRIPTION),
        "basis": rng.choice(V.LABELS_BASIS),
        "proposal": rng.choice(V.LABELS_PROPOSAL),
        "motions": rng.choice(V.LABELS_MOTIONS),
        "order": rng.choice(V.LABELS_ORDER),
        "vote": rng.choice(V.LABELS_VOTE),
        "reservation": rng.choice(V.LABELS_RESERVATION),
        "note": rng.choice(V.LABELS_NOTE),
        "recipients": rng.choice(V.LABELS_RECIPIENTS),
        "others": rng.choice(("Övriga deltagare", "Övriga närvarande", "Övriga deltagande")),
        "checker": rng.choice(("Utses att justera", "Justerare")),
        "list": rng.choice(("NÄRVAROLISTA", "Närvarolista", "NÄRVARO- OCH OMRÖSTNINGSLISTA")),
    }
    return ProtocolStyle(
        title_word=rng.choice(("SAMMANTRÄDESPROTOKOLL", "PROTOKOLL", "Sammanträdesprotokoll")),
        label_form=rng.choice(forms),
        beslutande=rng.choice(("list", "list", "inline")) if body.kind != "kf" else "list",
        attendance_last=rng.random() < 0.3,
        heading=rng.choice(("own_line", "same_line", "prefixed", "prefixed_same")),
        dnr_label=rng.choice(V.LABELS_DNR),
        dnr_aside=medium == "plain" and rng.random() < 0.4,
        labels=labels,
        decision_label=rng.choice(("genitive", "plain", "verb")),
        decision_first=rng.random() < 0.3,
        att_numbered=rng.random() < 0.25,
        vote_list=rng.choice(("lines", "table")),
        party_lower=rng.random() < 0.3,
        absent_mark=rng.choice(("", "-")),
        present_mark=rng.choice(("x", "X")),
        colon_motions=rng.random() < 0.25,
        formal_items=rng.random() < 0.6,
        sub_form=rng.choice(("tjg", "ersatter", "istf")),
        dash=rng.choice(("–", "-")),
        medium=medium,
        encoding=rng.choice(("utf-8", "utf-8", "utf-8-sig", "cp1252")),
        newline="\r\n" if rng.random() < 0.3 else "\n",
    )


def pname(p: Person) -> str:
    """'Ebbe Udde (M)': how protocols name a politician."""
    return f"{p.name} ({p.party})" if p.party else p.name


def genitive(text: str) -> str:
    """Swedish genitive of a name or a name with party: 'Ebbe Uddes (M)', 'Lars Moss'."""
    if text.endswith(")"):
        name, _, party = text.rpartition(" (")
        return f"{genitive(name)} ({party}"
    return text if text[-1] in "sxz" else text + "s"


def join(texts: list[str]) -> str:
    """'A, B och C'."""
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " och " + texts[-1]


def cap(text: str) -> str:
    return text[0].upper() + text[1:]


@dataclass(slots=True)
class Attendance:
    """Who sat where: present members, tjänstgörande ersättare (maybe for part of the §§)."""

    present: list[Person]
    absent: list[Person]
    subs: list[tuple[Person, Person, tuple[int, int] | None]]  # (deputy, replaced, §§ range)
    deputies_present: list[Person]
    deputies_absent: list[Person]
    officials: list[Person]

    def serving(self, number: int) -> list[Person]:
        """Members with a vote at § `number`, in the order of the närvarolista."""
        out = list(self.present)
        for deputy, _, span in self.subs:
            if span is None or span[0] <= number <= span[1]:
                out.append(deputy)
        return out


def plan_attendance(rng: random.Random, body: CouncilBody, numbers: list[int]) -> Attendance:
    """Absences, substitutes (two in turn for one seat now and then) and present officials."""
    present: list[Person] = []
    absent: list[Person] = []
    for i, member in enumerate(body.members):
        (present if i < 2 or rng.random() > 0.12 else absent).append(member)
    free = list(body.deputies)
    subs: list[tuple[Person, Person, tuple[int, int] | None]] = []
    for member in absent:
        same = [d for d in free if d.party == member.party]
        if not same or rng.random() < 0.2:
            continue
        if len(same) >= 2 and len(numbers) >= 3 and rng.random() < 0.25:
            cut = rng.randint(1, len(numbers) - 1)
            subs.append((same[0], member, (numbers[0], numbers[cut - 1])))
            subs.append((same[1], member, (numbers[cut], numbers[-1])))
            free.remove(same[0])
            free.remove(same[1])
        else:
            subs.append((same[0], member, None))
            free.remove(same[0])
    deputies_present = [d for d in free if rng.random() < 0.45]
    deputies_absent = [d for d in free if d not in deputies_present]
    officials = [body.officials[0]] + [o for o in body.officials[1:] if rng.random() < 0.7]
    return Attendance(present, absent, subs, deputies_present, deputies_absent, officials)


@dataclass
class Ctx:
    """What the writer of one protocol knows while writing it."""

    council: Council
    body: CouncilBody
    style: ProtocolStyle
    rng: random.Random
    truth: TMeeting
    day: date
    attendance: Attendance
    threads: list[tuple[tuple, str, str]] = field(default_factory=list)

    @property
    def voice(self) -> str:
        return self.body.voice

    def iso(self, day: date) -> str:
        """An ISO date, recorded as printed."""
        return self.truth.record(day.isoformat(), day.isoformat())

    def party(self, letters: str | None) -> str:
        """A party cell as the body writes it; empty for someone without a party."""
        if letters is None:
            return ""
        return letters.lower() if self.style.party_lower else letters


class BodyState:
    """What carries from one meeting of a body to the next: § numbers run per year."""

    def __init__(self) -> None:
        self.paragraph_by_year: dict[int, int] = {}

    def numbers(self, year: int, count: int) -> list[int]:
        start = self.paragraph_by_year.get(year, 0)
        self.paragraph_by_year[year] = start + count
        return list(range(start + 1, start + count + 1))


def field_rows(doc: Doc, style: ProtocolStyle, label: str, lines: Sequence[tuple[str, ...]]) -> None:
    """A label with its value lines, in the body's way of laying out the label table."""
    form = style.label_form
    if form == "tab":
        for i, cells in enumerate(lines):
            doc.row(label if i == 0 else "", *cells)
    elif form == "own_line":
        doc.label(label)
        for cells in lines:
            doc.text("   ".join(c for c in cells if c))
    else:
        width = 30 if form == "spaces" else 0
        for i, cells in enumerate(lines):
            head = (label if i == 0 else "").ljust(width) if form == "spaces" else (label if i == 0 else "")
            value = "   ".join(c for c in cells if c)
            doc.text(f"{head} {value}".strip() if form == "space" else f"{head}{value}".rstrip())
    doc.blank()


def first_page(doc: Doc, ctx: Ctx, numbers: list[int], checkers: list[Person], signers: list[Person]) -> None:
    """Title block and the label table with Underskrifter and ANSLAG/BEVIS."""
    body, style, truth, rng, day = ctx.body, ctx.style, ctx.truth, ctx.rng, ctx.day
    doc.title(ctx.council.org)
    doc.text(style.title_word)
    doc.text(body.name)
    doc.text(f"Sammanträdesdatum {ctx.iso(day)}")
    doc.blank()
    start, end = body.hours
    when = f"kl. {clock(start)}{style.dash}{clock(end)}"
    field_rows(doc, style, "Plats och tid", [(f"{body.room}, {when}",)])
    truth.location = body.room
    truth.start_time, truth.end_time = start, end
    att = ctx.attendance
    if style.beslutande == "list":
        field_rows(
            doc, style, "Beslutande", [(rng.choice(("Se närvarolista", "Enligt bifogad närvarolista", "Se sidan 2")),)]
        )
    else:
        lines: list[tuple[str, ...]] = []
        for member in att.present:
            lines.append((pname(member) + (f", {member.role}" if member.role else ""),))
        for deputy, replaced, span in att.subs:
            lines.append((f"{pname(deputy)}, {sub_phrase(style, replaced, span)}",))
        field_rows(doc, style, "Beslutande", lines)
        if att.deputies_present:
            field_rows(
                doc,
                style,
                rng.choice(("Närvarande ersättare", "Ej tjänstgörande ersättare")),
                [(pname(d),) for d in att.deputies_present],
            )
    field_rows(doc, style, style.labels["others"], [(f"{o.name}, {o.role}",) for o in att.officials])
    field_rows(doc, style, style.labels["checker"], [(join([pname(p) for p in checkers]),)])
    adjust = day + timedelta(days=rng.randint(3, 8))
    keeping = rng.choice(V.KEEPING_PLACES)
    field_rows(doc, style, "Justeringens plats och tid", [(f"{keeping} {ctx.iso(adjust)}",)])
    paragraphs = f"{numbers[0]}{style.dash}{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
    roles = ["Sekreterare", "Ordförande"] + ["Justerande"] * (len(signers) - 2)
    signatures: list[tuple[str, ...]] = []
    for i, (role, person) in enumerate(zip(roles, signers)):
        if role == "Justerande" and i > 2:
            signatures[-2] = signatures[-2] + (DOTS,)
            signatures[-1] = signatures[-1] + (person.name,)
            continue
        signatures.append((role, DOTS) + ((f"Paragrafer {paragraphs}",) if i == 0 else ()))
        signatures.append(("", person.name))
    field_rows(doc, style, rng.choice(("Underskrifter", "Underskrift")), signatures)
    truth.signatories = [p.name for p in signers]
    doc.text("ANSLAG/BEVIS")
    doc.text("Protokollet är justerat. Justeringen har tillkännagivits genom anslag.")
    doc.blank()
    posted = adjust + timedelta(days=1)
    removed = posted + timedelta(days=21)
    field_rows(doc, style, "Organ", [(body.name,)])
    field_rows(doc, style, "Sammanträdesdatum", [(day.isoformat(),)])
    field_rows(
        doc,
        style,
        "Datum för anslags uppsättande",
        [(ctx.iso(posted), "Datum för anslags nedtagande", ctx.iso(removed))],
    )
    field_rows(doc, style, "Förvaringsplats för protokollet", [(keeping,)])
    field_rows(doc, style, "Underskrift", [(DOTS,)])
    doc.page()


def sub_phrase(style: ProtocolStyle, replaced: Person, span: tuple[int, int] | None) -> str:
    """'tjg ers för Siv Modin', 'ersätter Siv Modin (S)', 'Tjg § 12-15 istf Siv Modin'."""
    word = {"tjg": "tjg ers för", "ersatter": "ersätter", "istf": "istf"}[style.sub_form]
    who = pname(replaced) if style.sub_form == "ersatter" else replaced.name
    if span:
        return f"Tjg § {span[0]}-{span[1]} {word.replace('tjg ', '')} {who}"
    return f"{word} {who}"


def attendance_list(doc: Doc, ctx: Ctx) -> None:
    """NAMN / PARTI / NÄRVARO with x marks under LEDAMÖTER and ERSÄTTARE."""
    style, att = ctx.style, ctx.attendance
    doc.text(style.labels["list"])
    doc.text(f"{ctx.body.name} {ctx.day.isoformat()}")
    doc.blank()
    doc.row("NAMN", "PARTI", "NÄRVARO", "ANMÄRKNING", header=True)
    doc.row("LEDAMÖTER")
    subs = {replaced.name for _, replaced, _ in att.subs}
    for member in ctx.body.members:
        here = member in att.present
        doc.row(
            member.name + (f", {member.role}" if member.role else ""),
            ctx.party(member.party),
            style.present_mark if here else style.absent_mark,
            "ersatt" if member.name in subs and ctx.rng.random() < 0.3 else "",
        )
    doc.row("ERSÄTTARE")
    serving = {d.name: (r, s) for d, r, s in att.subs}
    for deputy in ctx.body.deputies:
        if deputy.name in serving:
            replaced, span = serving[deputy.name]
            doc.row(deputy.name, ctx.party(deputy.party), style.present_mark, sub_phrase(style, replaced, span))
        else:
            doc.row(
                deputy.name,
                ctx.party(deputy.party),
                style.present_mark if deputy in att.deputies_present else style.absent_mark,
                "",
            )
    doc.blank()
    doc.page()


def attendee_truth(ctx: Ctx) -> list[TAttendee]:
    """Attendees as a reader lists them (replaced members are absent, deputies present)."""
    att, listed = ctx.attendance, ctx.style.beslutande == "list"
    out = []
    subs = {d.name: (r, s) for d, r, s in att.subs}
    replaced = {r.name for _, r, _ in att.subs}
    for member in ctx.body.members:
        if member in att.present:
            out.append(TAttendee(member.name, "present", role=member.role, party=member.party))
        elif listed or member.name in replaced:
            out.append(TAttendee(member.name, "absent", role=member.role, party=member.party))
    for deputy in ctx.body.deputies:
        if deputy.name in subs:
            who, span = subs[deputy.name]
            out.append(
                TAttendee(
                    deputy.name,
                    "present",
                    party=deputy.party,
                    substitute_for=who.name,
                    attendance=f"§ {span[0]}-{span[1]}" if span else None,
                )
            )
        elif deputy in att.deputies_present:
            out.append(TAttendee(deputy.name, "present", party=deputy.party))
        elif listed:
            out.append(TAttendee(deputy.name, "absent", party=deputy.party))
    out += [TAttendee(o.name, "present", role=o.role) for o in att.officials]
    return out
