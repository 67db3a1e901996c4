"""The debate of a § in a kommunal protocol: yrkanden, propositionsordning, omröstning.

The governing coalition moves bifall, the opposition avslag, återremiss or a tillägg; the
chair puts the proposals against each other; an omröstning goes by party blocs and its
named list is printed as "Ja: ..." lines or a table with X marks, always summing to the
printed counts. Reservations, protokollsanteckningar, jäv, Expedieras till and omedelbar
justering close the paragraph.
"""

from __future__ import annotations

from . import vocabulary as V
from .layout import Doc
from .model import Person
from .protocol_front import Ctx, cap, genitive, join, pname
from .truth import TItem, vote_entry


def motions_and_vote(doc: Doc, ctx: Ctx, item: TItem, number: int, ref: str, kind: str) -> list[str]:
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
        against, against_kind = rng.choice(
            (
                ("avslag på förslaget", "avslag"),
                ("återremiss av ärendet", "återremiss"),
                ("avslag på förslaget", "avslag"),
            )
        )
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
        text = (
            "Ordföranden ställer först proposition på om ärendet ska avgöras i dag eller "
            "återremitteras och finner att ärendet ska avgöras i dag."
        )
        doc.text(text)
        item.decide(text, "other", optional=True)
    text = (
        f"Ordföranden ställer proposition på {a} yrkande mot {b} yrkande och finner att "
        f"{ctx.voice} beslutar enligt {a} yrkande."
    )
    doc.text(text)
    item.decide(text, "other", optional=True)
    if extra is not None:
        text = (
            f"Ordföranden ställer därefter proposition på {genitive(pname(extra))} "
            f"tilläggsyrkande och finner att det avslås."
        )
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


def vote(
    doc: Doc, ctx: Ctx, item: TItem, number: int, serving: list[Person], yes_means: str, no_means: str, winner: str
) -> list[Person]:
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
    order = f"Ja-röst för {yes_means}. Nej-röst för {no_means}."
    text = rng.choice(
        (
            f"{ctx.body.name} godkänner följande propositionsordning: {order}",
            f"Följande propositionsordning godkänns: {order}",
        )
    )
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
        text = (
            f"Med {yes} ja-röster mot {no} nej-röster, {abstain} avstod{absent_text}, beslutar "
            f"{ctx.voice} att bifalla {winner} yrkande."
        )
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
    item.votes.append(vote_entry(yes, no, abstain, absent, yes_means=yes_means, no_means=no_means, ballots=entries))
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
    parties = list(dict.fromkeys(p.party for p in losers if p.party is not None))  # first-seen order
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
        text = ctx.rng.choice(
            (
                f"{pname(who)} anmäler jäv och deltar inte i handläggningen av ärendet.",
                f"{pname(who)} deltar inte i handläggningen på grund av jäv.",
            )
        )
        doc.label("Jäv")
        doc.text(text)
        item.recusals.append(who.name)
        doc.blank()
