"""Kommunal §-protokoll: the label table of the first page, the närvarolista and the §§.

One meeting of a council body is written here: the first page as label–value table (Plats
och tid, Beslutande, Övriga deltagare, Utses att justera, Justeringens plats och tid,
Underskrifter, Paragrafer, ANSLAG/BEVIS), a närvarolista with x marks and tjänstgörande
ersättare, then one § per item with diarienummer, Ärendebeskrivning, Beslutsunderlag,
Förslag till beslut, Yrkanden, Propositionsordning, Omröstning with a named vote list,
the decision as att-satser, Reservation, Protokollsanteckning, jäv, Expedieras till and
omedelbar justering. Each body keeps its own spelling of labels, heading form and order of
sections, and the truth is written in the same breath as the text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import vocabulary as V
from .bodies import WIDE_NAMES, era_of, unique_people
from .cases import lodged_text, proposed
from .council import Case, Council, CouncilBody
from .dates import clock, long_form
from .layout import Doc, render
from .model import Generated, Output, Person
from .truth import TAttendee, TItem, TMeeting, vote_entry

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
        "description": rng.choice(V.LABELS_DESCRIPTION), "basis": rng.choice(V.LABELS_BASIS),
        "proposal": rng.choice(V.LABELS_PROPOSAL), "motions": rng.choice(V.LABELS_MOTIONS),
        "order": rng.choice(V.LABELS_ORDER), "vote": rng.choice(V.LABELS_VOTE),
        "reservation": rng.choice(V.LABELS_RESERVATION), "note": rng.choice(V.LABELS_NOTE),
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
        dnr_label=rng.choice(V.LABELS_DNR), dnr_aside=medium == "plain" and rng.random() < 0.4,
        labels=labels, decision_label=rng.choice(("genitive", "plain", "verb")),
        decision_first=rng.random() < 0.3, att_numbered=rng.random() < 0.25,
        vote_list=rng.choice(("lines", "table")), party_lower=rng.random() < 0.3,
        absent_mark=rng.choice(("", "-")), present_mark=rng.choice(("x", "X")),
        colon_motions=rng.random() < 0.25, formal_items=rng.random() < 0.6,
        sub_form=rng.choice(("tjg", "ersatter", "istf")), dash=rng.choice(("–", "-")),
        medium=medium, encoding=rng.choice(("utf-8", "utf-8", "utf-8-sig", "cp1252")),
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
    present, absent = [], []
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

    def party(self, letters: str) -> str:
        return letters.lower() if self.style.party_lower else letters


class BodyState:
    """What carries from one meeting of a body to the next: § numbers run per year."""

    def __init__(self) -> None:
        self.paragraph_by_year: dict[int, int] = {}

    def numbers(self, year: int, count: int) -> list[int]:
        start = self.paragraph_by_year.get(year, 0)
        self.paragraph_by_year[year] = start + count
        return list(range(start + 1, start + count + 1))


# --- the agenda ------------------------------------------------------------------------

def agenda(ctx: Ctx, k: int) -> list[tuple]:
    """Items of the meeting in order: formalities, cases, reports (kinds decided here)."""
    rng, body = ctx.rng, ctx.body
    cases = ctx.council.agenda.get((body.key, k), [])
    entries: list[tuple] = []
    if ctx.style.formal_items or body.kind == "kf":
        entries.append(("justerare",))
        if rng.random() < 0.7:
            entries.append(("dagordning",))
    if body.kind == "kf" and rng.random() < 0.4:
        entries.append(("fragestund",))
    if body.kind in ("namnd", "ks", "rs", "rnamnd") and rng.random() < 0.7:
        entries.append(("info",))
    entries += [("case", case, stage) for case, stage in cases]
    if body.kind == "kf" and rng.random() < 0.5:
        entries.append(("fyllnadsval",))
    if body.kind != "kf":
        for kind in ("delegation", "notice"):
            if rng.random() < 0.6:
                entries.append((kind,))
    if not cases and len(entries) < 3:
        entries.append(("info",))
    return entries


# --- first page ----------------------------------------------------------------------------

def field_rows(doc: Doc, style: ProtocolStyle, label: str, lines: list[tuple[str, ...]]) -> None:
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


def first_page(doc: Doc, ctx: Ctx, numbers: list[int], checkers: list[Person],
               signers: list[Person]) -> None:
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
        field_rows(doc, style, "Beslutande", [(rng.choice(("Se närvarolista", "Enligt bifogad närvarolista",
                                                           "Se sidan 2")),)])
    else:
        lines = []
        for member in att.present:
            lines.append((pname(member) + (f", {member.role}" if member.role else ""),))
        for deputy, replaced, span in att.subs:
            lines.append((f"{pname(deputy)}, {sub_phrase(style, replaced, span)}",))
        field_rows(doc, style, "Beslutande", lines)
        if att.deputies_present:
            field_rows(doc, style, rng.choice(("Närvarande ersättare", "Ej tjänstgörande ersättare")),
                       [(pname(d),) for d in att.deputies_present])
    field_rows(doc, style, style.labels["others"], [(f"{o.name}, {o.role}",) for o in att.officials])
    field_rows(doc, style, style.labels["checker"], [(join([pname(p) for p in checkers]),)])
    adjust = day + timedelta(days=rng.randint(3, 8))
    keeping = rng.choice(V.KEEPING_PLACES)
    field_rows(doc, style, "Justeringens plats och tid", [(f"{keeping} {ctx.iso(adjust)}",)])
    span = f"{numbers[0]}{style.dash}{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
    roles = ["Sekreterare", "Ordförande"] + ["Justerande"] * (len(signers) - 2)
    lines = []
    for i, (role, person) in enumerate(zip(roles, signers)):
        if role == "Justerande" and i > 2:
            lines[-2] = lines[-2] + (DOTS,)
            lines[-1] = lines[-1] + (person.name,)
            continue
        lines.append((role, DOTS) + ((f"Paragrafer {span}",) if i == 0 else ()))
        lines.append(("", person.name))
    field_rows(doc, style, rng.choice(("Underskrifter", "Underskrift")), lines)
    truth.signatories = [p.name for p in signers]
    doc.text("ANSLAG/BEVIS")
    doc.text("Protokollet är justerat. Justeringen har tillkännagivits genom anslag.")
    doc.blank()
    posted = adjust + timedelta(days=1)
    removed = posted + timedelta(days=21)
    field_rows(doc, style, "Organ", [(body.name,)])
    field_rows(doc, style, "Sammanträdesdatum", [(day.isoformat(),)])
    field_rows(doc, style, "Datum för anslags uppsättande",
               [(ctx.iso(posted), "Datum för anslags nedtagande", ctx.iso(removed))])
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
        doc.row(member.name + (f", {member.role}" if member.role else ""), ctx.party(member.party),
                style.present_mark if here else style.absent_mark,
                "ersatt" if member.name in subs and ctx.rng.random() < 0.3 else "")
    doc.row("ERSÄTTARE")
    serving = {d.name: (r, s) for d, r, s in att.subs}
    for deputy in ctx.body.deputies:
        if deputy.name in serving:
            replaced, span = serving[deputy.name]
            doc.row(deputy.name, ctx.party(deputy.party), style.present_mark, sub_phrase(style, replaced, span))
        else:
            doc.row(deputy.name, ctx.party(deputy.party),
                    style.present_mark if deputy in att.deputies_present else style.absent_mark, "")
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
            out.append(TAttendee(deputy.name, "present", party=deputy.party, substitute_for=who.name,
                                 attendance=f"§ {span[0]}-{span[1]}" if span else None))
        elif deputy in att.deputies_present:
            out.append(TAttendee(deputy.name, "present", party=deputy.party))
        elif listed:
            out.append(TAttendee(deputy.name, "absent", party=deputy.party))
    out += [TAttendee(o.name, "present", role=o.role) for o in att.officials]
    return out


# --- items ---------------------------------------------------------------------------------

def heading(doc: Doc, ctx: Ctx, number: int, title: str, dnr: str | None) -> None:
    """'§ 12' / 'Titel', '§ 12 Titel', 'KS § 12' / 'Titel' or 'KS § 12 Titel' (+ Dnr)."""
    style, short = ctx.style, ctx.body.short
    dnr_text = f"{style.dnr_label} {dnr}" if dnr else None
    aside = dnr_text if style.dnr_aside else None
    if style.heading == "own_line":
        doc.heading(f"§ {number}", title, aside)
    elif style.heading == "same_line":
        doc.heading(f"§ {number} {title}", aside=aside)
    elif style.heading == "prefixed":
        doc.heading(f"{short} § {number}", title, aside)
    else:
        doc.heading(f"{short} § {number} {title}", aside=aside)
    if dnr_text and not aside:
        doc.text(dnr_text)
    doc.blank()


def decision_block(doc: Doc, ctx: Ctx, item: TItem, atts: list[tuple[str, str]]) -> None:
    """The body's decision as att-satser (one decision each) or one 'X beslutar att ...'."""
    style, body = ctx.style, ctx.body
    if len(atts) == 1 and ctx.rng.random() < 0.3:
        text = f"{body.name} beslutar {atts[0][0]}."
        doc.label("Beslut")
        doc.text(text)
        item.decide(text, atts[0][1])
        doc.blank()
        return
    label = {"genitive": f"{body.genitive} beslut", "plain": "Beslut",
             "verb": f"{body.name} beslutar"}[style.decision_label]
    doc.label(label)
    for i, (text, kind) in enumerate(atts, 1):
        doc.text(f"{i}. {text}" if style.att_numbered else text)
        item.decide(text, kind)
    doc.blank()


def proposal_block(doc: Doc, ctx: Ctx, item: TItem, label: str, atts: list[tuple[str, str]]) -> None:
    """'Förslag till beslut' before the meeting: optional decisions (not the body's own)."""
    doc.label(label)
    for i, (text, kind) in enumerate(atts, 1):
        doc.text(f"{i}. {text}" if ctx.style.att_numbered else text)
        item.decide(text, kind, optional=True)
    doc.blank()


def motions_and_vote(doc: Doc, ctx: Ctx, item: TItem, number: int, ref: str,
                     movers_pool: list[Person], kind: str) -> list[str]:
    """Yrkanden, propositionsordning and perhaps an omröstning with its named list.

    Returns the reservations' lines to print after the decision. The governing side always
    carries the day, so the printed decision stays the prepared one.
    """
    rng, style, council = ctx.rng, ctx.style, ctx.council
    serving = [p for p in ctx.attendance.serving(number) if p.name not in item.recusals]
    ours = [p for p in serving if p.party in council.coalition]
    theirs = [p for p in serving if p.party not in council.coalition]
    if not ours or not theirs:
        return []
    chair = ctx.body.members[0]
    mover = chair if chair in ours and rng.random() < 0.6 else rng.choice(ours)
    opponents = rng.sample(theirs, min(len(theirs), rng.choice((1, 1, 2))))
    if kind == "motion_reject":
        against, against_kind = "bifall till motionen", "bifall"
    elif kind == "motion_approve":
        against, against_kind = "avslag på motionen", "avslag"
    else:
        against, against_kind = rng.choice((("avslag på förslaget", "avslag"),
                                            ("återremiss av ärendet", "återremiss"),
                                            ("avslag på förslaget", "avslag")))
    ours_text = f"bifall till {ref}"
    doc.label(style.labels["motions"])
    lines = [(pname(mover), [mover], ours_text), (join([pname(p) for p in opponents]), opponents, against)]
    for who, people, text in lines:
        if style.colon_motions:
            doc.text(f"{who}: {cap(text)}.")
            item.proposals.append({"by": [pname(p) for p in people], "text": cap(text)})
        else:
            tail = f" med hänvisning till att {rng.choice(V.REMISS_REASONS)}" if text.startswith("återremiss") else ""
            doc.text(f"{who} yrkar {text}{tail}.")
            item.proposals.append({"by": [pname(p) for p in people], "text": text})
    extra = None
    if rng.random() < 0.25 and len(theirs) > len(opponents):
        extra = rng.choice([p for p in theirs if p not in opponents])
        amendment = f"tillägg av en att-sats: att {rng.choice(V.AMENDMENTS)}"
        if style.colon_motions:
            doc.text(f"{pname(extra)}: {cap(amendment)}.")
            item.proposals.append({"by": [pname(extra)], "text": cap(amendment)})
        else:
            doc.text(f"{pname(extra)} yrkar {amendment}.")
            item.proposals.append({"by": [pname(extra)], "text": amendment})
    doc.blank()
    a, b = genitive(pname(mover)), genitive(join([pname(p) for p in opponents]))
    doc.label(style.labels["order"])
    if against_kind == "återremiss":
        text = ("Ordföranden ställer först proposition på om ärendet ska avgöras i dag eller "
                "återremitteras och finner att ärendet ska avgöras i dag.")
        doc.text(text)
        item.decide(text, "other", optional=True)
    text = (f"Ordföranden ställer proposition på {a} yrkande mot {b} yrkande och finner att "
            f"{ctx.voice} beslutar enligt {a} yrkande.")
    doc.text(text)
    item.decide(text, "other", optional=True)
    if extra is not None:
        text = (f"Ordföranden ställer därefter proposition på {genitive(pname(extra))} "
                f"tilläggsyrkande och finner att det avslås.")
        doc.text(text)
        item.decide(text, "other", optional=True)
    doc.blank()
    reservations: list[str] = []
    voted = rng.random() < (0.65 if ctx.body.kind in ("ks", "kf", "rs") else 0.35)
    if voted and against_kind != "återremiss":
        losers = vote(doc, ctx, item, number, serving, f"bifall till {a} yrkande", f"bifall till {b} yrkande", a)
    else:
        losers = opponents
    if rng.random() < 0.6:
        reservations = reservation_lines(ctx, item, losers)
    return reservations


def vote(doc: Doc, ctx: Ctx, item: TItem, number: int, serving: list[Person],
         yes_means: str, no_means: str, winner: str) -> list[Person]:
    """An omröstning by blocs: the coalition votes ja, each opposition party nej or avstår."""
    rng, style, council = ctx.rng, ctx.style, ctx.council
    ballots = {}
    abstaining = {p for p in council.opposition if rng.random() < 0.25}
    for p in serving:
        ballots[p.name] = "yes" if p.party in council.coalition else ("abstain" if p.party in abstaining else "no")
    yes = sum(v == "yes" for v in ballots.values())
    no = sum(v == "no" for v in ballots.values())
    while no >= yes:  # the governing side carries the day (rare after many absences)
        flip = next(p for p in reversed(serving) if ballots[p.name] == "no")
        ballots[flip.name] = "abstain"
        yes, no = yes, no - 1
    abstain = sum(v == "abstain" for v in ballots.values())
    doc.label(style.labels["vote"])
    doc.text("Omröstning begärs.")
    order = (f"Ja-röst för {yes_means}. Nej-röst för {no_means}.")
    text = rng.choice((f"{ctx.body.name} godkänner följande propositionsordning: {order}",
                       f"Följande propositionsordning godkänns: {order}"))
    doc.text(text)
    item.decide(text, "endorsed", optional=True)
    absent = None
    roll = rng.random()
    seats_empty = ctx.body.seats - len(ctx.attendance.serving(number))
    if roll < 0.45:
        absent_text = ""
        if seats_empty and not item.recusals and rng.random() < 0.5:
            absent = seats_empty
            absent_text = f" och {absent} frånvarande"
        text = (f"Med {yes} ja-röster mot {no} nej-röster, {abstain} avstod{absent_text}, beslutar "
                f"{ctx.voice} att bifalla {winner} yrkande.")
        doc.text(text)
        item.decide(text, "decided")
    elif roll < 0.75:
        doc.text(f"Omröstningen utfaller med {yes} ja-röster mot {no} nej-röster och {abstain} som avstår.")
    else:
        doc.text(f"Omröstningsresultat: {yes} ja-röster, {no} nej-röster, {abstain} avstår.")
    entries = []
    if rng.random() < 0.85:
        entries = [{"name": p.name, "party": p.party, "vote": ballots[p.name]} for p in serving]
        vote_list(doc, ctx, serving, ballots)
    item.votes.append(vote_entry(yes, no, abstain, absent, yes_means=yes_means, no_means=no_means,
                                 ballots=entries))
    doc.blank()
    return [p for p in serving if ballots[p.name] == "no"]


def vote_list(doc: Doc, ctx: Ctx, serving: list[Person], ballots: dict[str, str]) -> None:
    """The named list: 'Ja: A (S), B (C)' lines or a table with X in Ja/Nej/Avstår."""
    doc.text(ctx.rng.choice(("Omröstningslista", "Voteringslista", "Så här röstade ledamöterna")))
    if ctx.style.vote_list == "lines":
        for word, key in (("Ja", "yes"), ("Nej", "no"), ("Avstår", "abstain")):
            names = [pname(p) for p in serving if ballots[p.name] == key]
            if names:
                doc.text(f"{word}: {', '.join(names)}")
        return
    doc.row("Ledamot", "Ja", "Nej", "Avstår", header=True)
    for p in serving:
        marks = ["X" if ballots[p.name] == key else "" for key in ("yes", "no", "abstain")]
        doc.row(pname(p), *marks)
    totals = [str(sum(v == key for v in ballots.values())) for key in ("yes", "no", "abstain")]
    doc.row("Summa", *totals)


def reservation_lines(ctx: Ctx, item: TItem, losers: list[Person]) -> list[str]:
    """Who reserves, as written: named members, or a party by its name."""
    rng = ctx.rng
    if not losers:
        return []
    parties = sorted({p.party for p in losers}, key=lambda p: [x.party for x in losers].index(p))
    roll = rng.random()
    if roll < 0.35 and len(parties) <= 2:
        names = [ctx.council.party_names[p] for p in parties]
        item.reservations.extend(names)
        return [f"{join(names)} reserverar sig mot beslutet."]
    people = losers[: rng.randint(1, min(3, len(losers)))]
    names = [pname(p) for p in people]
    item.reservations.extend(names)
    tail = rng.choice(("", " till förmån för eget yrkande", " skriftligt, se bilaga"))
    return [f"{join(names)} reserverar sig mot beslutet{tail}."]


def closing(doc: Doc, ctx: Ctx, item: TItem, reservations: list[str], recipients: list[str]) -> None:
    """Reservation, protokollsanteckning, Expedieras till, omedelbar justering."""
    rng, style = ctx.rng, ctx.style
    if reservations:
        doc.label(style.labels["reservation"])
        for line in reservations:
            doc.text(line)
        doc.blank()
    serving = ctx.attendance.present
    if rng.random() < 0.12 and serving:
        who = rng.choice(serving)
        note = rng.choice(V.NOTE_TEXTS)
        doc.label(style.labels["note"])
        if rng.random() < 0.5:
            doc.text(f"{pname(who)} får till protokollet anteckna att {note}.")
        else:
            doc.text(f"{pname(who)} lämnar följande protokollsanteckning: {cap(note)}.")
        item.notes.append({"by": [pname(who)], "text": note})
        doc.blank()
    if recipients and rng.random() < 0.75:
        label = style.labels["recipients"]
        if rng.random() < 0.5:
            doc.text(f"{label}: {', '.join(recipients)}")
        else:
            doc.label(label)
            for r in recipients:
                doc.text(r)
        item.recipients.extend(recipients)
        doc.blank()
    if rng.random() < 0.1:
        text = rng.choice(("Paragrafen förklaras omedelbart justerad.", "Paragrafen justeras omedelbart."))
        doc.text(text)
        item.decide(text, "decided", optional=True)
        item.immediately_adjusted = True
        doc.blank()


def recusal(doc: Doc, ctx: Ctx, item: TItem, number: int) -> None:
    """Now and then a member declares jäv and takes no part in the item."""
    candidates = [p for p in ctx.attendance.serving(number)[1:]]
    if ctx.rng.random() < 0.08 and candidates:
        who = ctx.rng.choice(candidates)
        text = ctx.rng.choice((f"{pname(who)} anmäler jäv och deltar inte i handläggningen av ärendet.",
                               f"{pname(who)} deltar inte i handläggningen på grund av jäv."))
        doc.label("Jäv")
        doc.text(text)
        item.recusals.append(who.name)
        doc.blank()


def case_item(doc: Doc, ctx: Ctx, number: int, case: Case, stage: int) -> None:
    """One § of a case: what this body does with it at this stage of its path."""
    rng, style, council, body, truth = ctx.rng, ctx.style, ctx.council, ctx.body, ctx.truth
    path = case.path
    role = "lodge" if stage == 0 and path[0] in ("kf", "rf") else \
        "decide" if stage == len(path) - 1 else "prepare"
    target = next(b for b in council.bodies.values() if b.kind == path[-1])
    case.numbers[stage] = str(number)
    case.days[stage] = ctx.day
    item = truth.item(str(number), case.title, case_number=case.dnr)
    ctx.threads.append((("case", council.family, council.index, case.dnr), f"{case.title} ({case.dnr})",
                        str(number)))
    for text, value in case.year_mentions:
        truth.record(text, value)
    if role != "lodge":
        for text, value in case.att_mentions:
            truth.record(text, value)
    heading(doc, ctx, number, case.title, case.dnr)
    recusal(doc, ctx, item, number)
    styrelse = next(b for b in council.bodies.values() if b.kind in ("ks", "rs"))
    word = "motionen" if case.kind == "motion" else "medborgarförslaget"
    if role == "lodge":
        doc.label(style.labels["description"])
        doc.text(case.background[0])
        doc.blank()
        text = f"att remittera {word} till {styrelse.voice} för beredning"
        decision_block(doc, ctx, item, [(text, "referred")])
        item.assign([styrelse.voice], "beredning", optional=True)
        closing(doc, ctx, item, [], [styrelse.name])
        return
    if role == "prepare":
        atts = proposed(case.final, target)
    else:
        atts = list(case.final)
    assignment = None
    if role == "decide" and case.kind not in ("motion", "medborgarforslag") and rng.random() < 0.25:
        assignee = rng.choice((body.administration, "förvaltningen", "kommundirektören"
                               if council.family == "kommunal" else "regiondirektören"))
        task = rng.choice(V.TASKS)
        due = None
        tail = ""
        if rng.random() < 0.5:
            when = ctx.day + timedelta(days=rng.randint(60, 200))
            tail = f" senast den {truth.record(long_form(when), when.isoformat())}"
            due = when.isoformat()
        atts.append((f"att ge {assignee} i uppdrag att {task}{tail}", "decided"))
        assignment = ([assignee], task, due)
    def description():
        doc.label(style.labels["description"])
        for sentence in case.background:
            doc.text(sentence)
        doc.blank()

    def basis():
        doc.label(style.labels["basis"])
        lines = []
        if case.kind in ("motion", "medborgarforslag"):
            lodged = case.lodged or ctx.day
            lines.append(lodged_text(case, lodged))
            truth.record(long_form(lodged), lodged.isoformat())
        written = ctx.day - timedelta(days=rng.randint(8, 30))
        lines.append(f"Tjänsteskrivelse {ctx.iso(written)}")
        for s in range(stage):
            prev = council.bodies[case.stages[s][0]]
            if s in case.days:
                lines.append(f"{prev.genitive} protokoll {ctx.iso(case.days[s])} § {case.numbers[s]}")
        if rng.random() < 0.4:
            doc.bullets(lines)
        else:
            for line in lines:
                doc.text(line)
        doc.blank()

    previous = council.bodies[case.stages[stage - 1][0]] if stage else None
    if previous is None or previous.kind in ("kf", "rf"):
        ref, label = "förvaltningens förslag", "Förvaltningens förslag till beslut"
    elif previous.kind == "ksau":
        ref, label = "arbetsutskottets förslag", "Arbetsutskottets förslag till beslut"
    else:
        ref, label = f"{previous.genitive.lower()} förslag", f"{previous.genitive} förslag till beslut"
    if rng.random() < 0.4:
        label = style.labels["proposal"]

    def proposal():
        proposal_block(doc, ctx, item, label, atts[: len(atts) - (1 if assignment else 0)])

    sections = [description, basis, proposal]
    contested = rng.random() < {"kf": 0.55, "ks": 0.45, "rs": 0.45}.get(body.kind, 0.2)
    speakers = body.kind == "kf" and rng.random() < 0.5
    if style.decision_first:
        decision_block(doc, ctx, item, atts)
    for section in sections:
        section()
    if speakers:
        people = rng.sample(ctx.attendance.serving(number), min(3, len(ctx.attendance.serving(number))))
        doc.text(f"I ärendet yttrar sig {join([pname(p) for p in people])}.")
        doc.blank()
        for p in people:
            item.speaker(p.name)
    reservations: list[str] = []
    if contested:
        final_text = case.final[0][0]
        kind = ("motion_reject" if "avslå" in final_text and case.kind in ("motion", "medborgarforslag")
                else "motion_approve" if "bifalla" in final_text else "other")
        reservations = motions_and_vote(doc, ctx, item, number, ref, [], kind)
    if not style.decision_first:
        decision_block(doc, ctx, item, atts)
    if assignment:
        item.assign(*assignment)
    units = [u for u in V.RECIPIENT_UNITS if u != "Motionären" or case.kind == "motion"]
    recipients = ([target.name] if role == "prepare" else []) + \
        rng.sample(units, rng.randint(1, 2)) + [cap(body.administration)]
    closing(doc, ctx, item, reservations, recipients)
    _order_decisions(item)


def _order_decisions(item: TItem) -> None:
    """Non-optional decisions first: the scorer matches equal texts in list order, and a
    prepared att-sats equal to the decided one must not take the decided one's place."""
    item.decisions.sort(key=lambda d: d["optional"])


def simple_item(doc: Doc, ctx: Ctx, number: int, kind: str, checkers: list[Person]) -> None:
    """Formalities and reports: justerare, dagordning, information, anmälningar, fyllnadsval."""
    rng, truth, body, style = ctx.rng, ctx.truth, ctx.body, ctx.style
    year = ctx.day.year
    if kind == "justerare":
        item = truth.item(str(number), rng.choice(("Val av justerare", "Justering av protokollet",
                                                   "Val av justerare och tid för justering")))
        heading(doc, ctx, number, item.title, None)
        text = rng.choice((f"{join([pname(p) for p in checkers])} utses att jämte ordföranden justera protokollet.",
                           f"Till justerare utses {join([pname(p) for p in checkers])}."))
        doc.text(text)
        item.decide(text, "decided", optional=True)
    elif kind == "dagordning":
        item = truth.item(str(number), rng.choice(("Godkännande av dagordning", "Fastställande av dagordning")))
        heading(doc, ctx, number, item.title, None)
        text = rng.choice(("Dagordningen godkänns.", "Dagordningen fastställs.",
                           "Dagordningen godkänns med tillägg av ett informationsärende."))
        doc.text(text)
        item.decide(text, "endorsed" if "godkänns" in text else "decided", optional=True)
    elif kind == "fragestund":
        item = truth.item(str(number), "Allmänhetens frågestund")
        heading(doc, ctx, number, item.title, None)
        doc.text("Inga frågor har anmälts till dagens sammanträde.")
    elif kind == "info":
        template = rng.choice(V.INFO_TITLES_MUNICIPAL)
        when = date(year, *rng.choice(((3, 31), (4, 30), (8, 31), (9, 30))))
        title = template.format(day=long_form(when), year=year)
        if "{day}" in template:
            truth.record(long_form(when), when.isoformat())
        if "{year}" in template:
            truth.record(str(year), str(year))
        item = truth.item(str(number), title)
        heading(doc, ctx, number, title, None)
        speaker = next((o for o in ctx.attendance.officials[1:]), None)
        if speaker is not None and rng.random() < 0.5:
            doc.text(f"Föredragande: {speaker.name}, {speaker.role}")
            item.presenters.append(speaker.name)
        elif speaker is not None:
            doc.text(f"{speaker.name}, {speaker.role}, informerar om läget i verksamheten.")
            item.speaker(speaker.name)
        doc.text(rng.choice(("Frågor från ledamöterna besvaras under informationen.",
                             "Informationen ges muntligt.", "Underlaget har skickats ut med kallelsen.")))
        doc.blank()
        text = rng.choice(("Informationen noteras.", f"{body.name} noterar informationen.",
                           "Informationen läggs till handlingarna."))
        doc.label("Beslut")
        doc.text(text)
        item.decide(text, "noted")
    elif kind == "delegation":
        title = rng.choice(V.DELEGATION_TITLES)
        item = truth.item(str(number), title)
        heading(doc, ctx, number, title, None)
        month = (ctx.day.month - 2) % 12 + 1
        month_year = year if month < ctx.day.month else year - 1
        period = f"{V.MONTHS[month - 1]} {month_year}"
        truth.record(period, f"{month_year}-{month:02d}")
        doc.bullets([f"Delegationsbeslut inom {rng.choice(V.POLICY_AREAS)} för {period}",
                     f"Beslut fattade av förvaltningschefen under {period}"])
        doc.blank()
        text = rng.choice(("Redovisningen av delegationsbeslut läggs till handlingarna.",
                           "Redovisningen av delegationsbeslut godkänns."))
        doc.label("Beslut")
        doc.text(text)
        item.decide(text, "noted" if "handlingarna" in text else "endorsed")
    elif kind == "notice":
        title = rng.choice(V.NOTICE_TITLES)
        item = truth.item(str(number), title)
        heading(doc, ctx, number, title, None)
        other = rng.choice([b for b in ctx.council.bodies.values() if b is not body])
        when = ctx.day - timedelta(days=rng.randint(10, 40))
        doc.bullets([f"Protokoll från {other.voice} {ctx.iso(when)}",
                     rng.choice(("Cirkulär från kommunförbundet om ändrade regler",
                                 "Skrivelse från länsstyrelsen om tillsyn",
                                 "Rapport från revisionen om intern kontroll"))])
        doc.blank()
        text = rng.choice(("Anmälningsärendena läggs till handlingarna.", "Meddelandena läggs till handlingarna.",
                           f"{body.name} noterar anmälningarna."))
        doc.label("Beslut")
        doc.text(text)
        item.decide(text, "noted")
    else:  # fyllnadsval
        namnd = rng.choice([b for b in ctx.council.bodies.values() if b.kind in ("namnd", "rnamnd", "ks", "rs")])
        item = truth.item(str(number), f"Avsägelse och fyllnadsval i {namnd.voice}")
        heading(doc, ctx, number, item.title, None)
        party = rng.choice(ctx.council.parties)
        taken = {p.name for b in ctx.council.bodies.values() for p in b.members + b.deputies + b.officials}
        (old, _), (new, _) = unique_people(rng, 2, taken, WIDE_NAMES)
        term = 2018 if year <= 2018 else 2022 if year <= 2022 else 2026
        end = f"31 december {term}"
        truth.record(end, f"{term}-12-31")
        doc.text(f"{old} ({party}) har avsagt sig uppdraget som ersättare i {namnd.voice}.")
        doc.blank()
        decision_block(doc, ctx, item, [(f"att godkänna avsägelsen från {old} ({party})", "endorsed"),
                                        (f"att till ny ersättare i {namnd.voice} för tiden till och med "
                                         f"den {end} välja {new} ({party})", "decided")])
    doc.blank()


def write_meeting(council: Council, body: CouncilBody, k: int, day: date, seed: int,
                  pdf_share: float, state: BodyState) -> Generated:
    """Plan, write and render meeting number k of a protocol body."""
    rng = random.Random(f"meeting:{council.family}:{seed}:{council.index}:{body.key}:{k}")
    style = protocol_style(council, body, era_of(min(day.year, LAST_ERA_YEAR)), seed)
    source_stem = f"{body.slug}_{day.isoformat()}"
    pdf = style.medium == "plain" and random.Random(f"pdf:{source_stem}:{seed}").random() < pdf_share
    suffix = ".pdf" if pdf else ".txt"
    truth = TMeeting(source_stem + suffix, body.name, f"{body.name}, {council.org}", day.isoformat(),
                     protocol=True)
    doc = Doc(bullet=rng.choice(("•", "-", "–")), separator="\t" if rng.random() < 0.7 else "    ")
    ctx = Ctx(council, body, style, rng, truth, day, None)  # type: ignore[arg-type]
    entries = agenda(ctx, k)
    numbers = state.numbers(day.year, len(entries))
    ctx.attendance = plan_attendance(rng, body, numbers)
    present = ctx.attendance.present[1:]
    opposition = [p for p in present if p.party not in council.coalition] or present
    ours = [p for p in present if p.party in council.coalition and p is not body.members[0]] or present
    checkers = [rng.choice(opposition)]
    if body.kind == "kf":
        checkers.append(rng.choice([p for p in ours if p not in checkers] or present))
    signers = [ctx.attendance.officials[0], body.members[0]] + checkers
    first_page(doc, ctx, numbers, checkers, signers)
    if style.beslutande == "list" and not style.attendance_last:
        attendance_list(doc, ctx)
    for number, entry in zip(numbers, entries):
        if entry[0] == "case":
            case_item(doc, ctx, number, entry[1], entry[2])
        else:
            simple_item(doc, ctx, number, entry[0], checkers)
        if rng.random() < 0.5:
            doc.page()
    if style.beslutande == "list" and style.attendance_last:
        attendance_list(doc, ctx)
    truth.attendees = attendee_truth(ctx)
    text = render(doc, style.medium)
    filename = f"{body.slug}/{day.year}/{source_stem}{suffix}"
    output = Output(pdf=pdf, suffix=suffix, encoding=style.encoding, newline=style.newline,
                    header=f"{council.org}   {style.title_word.capitalize()}   {body.name}   {day.isoformat()}",
                    footer=rng.choice(("Justerandes sign   Utdragsbestyrkande   Sida {page} av {pages}",
                                       "Sida {page} ({pages})", "{page}({pages})")),
                    bullets=rng.choice(("text", "zapf", "symbol")), table_rules=rng.random() < 0.5)
    return Generated(filename, text, truth.as_gold(), ctx.threads, output=output, family=council.family)
