"""Regional decision lists: 'Beslut i regionfullmäktige' as a region publishes them.

A list of numbered items ("7. Titel"), each with one line "Beslut: Enligt förslag." that
may carry "Reservation: M, KD." and "Votering ..." on the same line, sometimes a
"Yrkande:" line before it and the diarienummer of the case. No attendance list: the
assembly's members are not named, parties speak for them.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from . import vocabulary as V
from .bodies import WIDE_NAMES, unique_people
from .council import Case, Council, CouncilBody
from .dates import clock, long_form
from .layout import Doc, render
from .model import Generated, Output
from .protocol import BodyState
from .truth import TItem, TMeeting, vote_entry


def _style(council: Council, body: CouncilBody, seed: int) -> dict:
    rng = random.Random(f"dlstyle:{seed}:{council.index}")
    return {
        "medium": rng.choices(("plain", "flat", "markdown"), (0.4, 0.3, 0.3))[0],
        "title": rng.choice(
            (
                "Beslut i {voice} {when}",
                "{genitive} sammanträde {when} – beslut i korthet",
                "Kort om besluten i {voice} {when}",
            )
        ),
        "dnr": rng.choice(("own_line", "paren")),
        "dnr_label": rng.choice(("Dnr", "Diarienummer", "Dnr:")),
        "vote": rng.choice(("colon", "paren")),
        "start_at": rng.choice((1, 4, 5, 6, 7)),
    }


def _vote(rng: random.Random, council: Council, body: CouncilBody, style: dict, losers: list[str]) -> tuple[str, dict]:
    """Counts by party blocs ('Votering: 45 ja, 30 nej, 4 avstod.') or a bare 'Votering.'"""
    if rng.random() < 0.25:
        return "Votering.", vote_entry(None, None, None, None)
    absent = rng.randint(0, 5)
    seats = body.seat_parties
    yes = sum(n for p, n in seats.items() if p in council.coalition)
    no = sum(n for p, n in seats.items() if p in losers)
    abstain = body.seats - yes - no
    away_yes = min(absent, yes // 10)
    yes, no = yes - away_yes, no - (absent - away_yes)
    if no < 0:
        absent, no = absent + no, 0
        absent = max(absent, 0)
    if style["vote"] == "colon":
        text = f"Votering: {yes} ja, {no} nej, {abstain} avstod"
    else:
        text = f"Votering ({yes} ja-röster mot {no} nej-röster, {abstain} avstod"
    if absent:
        text += f", {absent} frånvarande"
    text += "." if style["vote"] == "colon" else ")."
    return text, vote_entry(yes, no, abstain, absent if absent else None)


def _line(item: TItem, decision: str, kind: str, extras: list[str]) -> str:
    item.decide(decision, kind)
    return " ".join([f"Beslut: {decision}"] + extras)


def write_decision_list(
    council: Council, body: CouncilBody, k: int, day: date, seed: int, pdf_share: float, state: BodyState
) -> Generated:
    """Meeting number k of a regional assembly, as its published list of decisions."""
    rng = random.Random(f"meeting:{council.family}:{seed}:{council.index}:{body.key}:{k}")
    style = _style(council, body, seed)
    stem = f"{body.slug}_{day.isoformat()}"
    pdf = style["medium"] == "plain" and random.Random(f"pdf:{stem}:{seed}").random() < pdf_share
    suffix = ".pdf" if pdf else ".txt"
    truth = TMeeting(stem + suffix, body.name, f"{body.name}, {council.org}", day.isoformat(), protocol=True)
    doc = Doc(bullet="•")
    two_days = rng.random() < 0.35 and (day + timedelta(days=1)).month == day.month
    if two_days:
        second = day + timedelta(days=1)
        when = f"{day.day}–{long_form(second)}"
        truth.record(when, day.isoformat())
        truth.record(long_form(second), second.isoformat())
    else:
        when = truth.record(long_form(day), day.isoformat())
    doc.title(style["title"].format(voice=body.voice, genitive=body.genitive, when=when))
    doc.text(council.org)
    doc.blank()
    start, end = body.hours
    opening = f"{body.name} sammanträdde i {body.room}."
    if rng.random() < 0.5:
        opening += f" Sammanträdet inleddes klockan {clock(start)}."
        truth.start_time = start
    opening += f" Sammanträdet avslutades klockan {clock(end)}."
    truth.location, truth.end_time = body.room, end
    doc.text(opening)
    adjust = day + timedelta(days=rng.randint(5, 9))
    doc.text(f"Protokollet justeras den {truth.record(long_form(adjust), adjust.isoformat())}.")
    doc.blank()
    threads = []
    number = style["start_at"]
    entries: list[tuple] = [("case", c, s) for c, s in council.agenda.get((body.key, k), [])]
    entries += [("election",)] * rng.randint(0, 1) + [("schedule",)] * (1 if day.month >= 9 else 0)
    if not entries:
        entries.append(("election",))
    rng.shuffle(entries)
    for entry in entries:
        if entry[0] == "case":
            case, stage = entry[1], entry[2]
            threads.append(
                (("case", council.family, council.index, case.dnr), f"{case.title} ({case.dnr})", str(number))
            )
            _case(doc, truth, rng, council, body, style, number, case, stage, day)
        elif entry[0] == "election":
            target = rng.choice([b for b in council.bodies.values() if b is not body])
            item = truth.item(str(number), f"Fyllnadsval i {target.voice}")
            doc.heading(f"{number}. {item.title}")
            taken = {p.name for b in council.bodies.values() for p in b.members + b.deputies}
            ((new, _),) = unique_people(rng, 1, taken, WIDE_NAMES)
            party = rng.choice(council.parties)
            doc.text(_line(item, f"Till ny ledamot i {target.voice} väljs {new} ({party}).", "decided", []))
        else:
            year = day.year + 1
            item = truth.item(str(number), f"Sammanträdestider för {body.voice} {year}")
            truth.record(str(year), str(year))
            doc.heading(f"{number}. {item.title}")
            doc.text(_line(item, "Enligt förslag.", "decided", []))
        doc.blank()
        number += 1
    text = render(doc, style["medium"])
    output = Output(pdf=pdf, suffix=suffix, header=f"{council.org}   {body.name}", footer="Sida {page}")
    return Generated(
        f"{body.slug}/{day.year}/{stem}{suffix}", text, truth.as_gold(), threads, output=output, family=council.family
    )


def _case(
    doc: Doc,
    truth: TMeeting,
    rng: random.Random,
    council: Council,
    body: CouncilBody,
    style: dict,
    number: int,
    case: Case,
    stage: int,
    day: date,
) -> None:
    """One case in the list: lodged motions go to the styrelse, others are decided."""
    case.numbers[stage], case.days[stage] = str(number), day
    item = truth.item(str(number), case.title, case_number=case.dnr)
    for text, value in case.year_mentions:
        truth.record(text, value)
    dnr = f"{style['dnr_label']} {case.dnr}"
    if style["dnr"] == "paren":
        doc.heading(f"{number}. {case.title} ({dnr})")
    else:
        doc.heading(f"{number}. {case.title}")
        doc.text(dnr)
    styrelse = next(b for b in council.bodies.values() if b.kind == "rs")
    word = "Motionen" if case.kind == "motion" else "Medborgarförslaget"
    if stage == 0 and case.path[0] == "rf":
        if case.author:
            doc.text(f"Motion från {case.author.name} ({case.author.party}).")
        doc.text(_line(item, f"{word} remitteras till {styrelse.voice} för beredning.", "referred", []))
        item.assign([styrelse.voice], "beredning", optional=True)
        return
    final = case.final[0][0]
    if case.kind in ("motion", "medborgarforslag"):
        decision, kind = {
            "avslå": (f"{word} avslås.", "decided"),
            "bifal": (f"{word} bifalls.", "decided"),
            "anse ": (f"{word} anses besvarad.", "other"),
        }[final[4:9]]
        if rng.random() < 0.4:
            decision, kind = "Enligt förslag.", "decided"
    else:
        decision, kind = rng.choice(
            (("Enligt förslag.", "decided"), (f"Enligt {styrelse.genitive.lower()} förslag.", "decided"))
        )
    extras = []
    losers = [p for p in council.opposition if rng.random() < 0.5]
    if losers and rng.random() < 0.45:
        party = rng.choice(losers)
        text = rng.choice(
            ("avslag på förslaget", "återremiss av ärendet", f"tillägg om att {rng.choice(V.AMENDMENTS)}")
        )
        who = council.party_names[party]
        doc.text(f"Yrkande: {who} yrkade {text}.")
        item.proposals.append({"by": [who], "text": text})
    if losers and rng.random() < 0.5:
        vote_text, entry = _vote(rng, council, body, style, losers)
        extras.append(vote_text)
        item.votes.append(entry)
    if losers and rng.random() < 0.6:
        letters = losers[: rng.randint(1, len(losers))]
        extras.append(f"Reservation: {', '.join(letters)}.")
        item.reservations.extend(letters)
    doc.text(_line(item, decision, kind, extras))
