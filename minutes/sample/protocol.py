"""Kommunal §-protokoll: one meeting of a council body, written with its known answers.

After the first page and the närvarolista (protocol_front) come the §§: formalities,
reports and the cases. A case's § prints its diarienummer, Ärendebeskrivning,
Beslutsunderlag (citing the earlier stages of the case), Förslag till beslut, the debate
(protocol_debate) and the decision as att-satser — what this body does with the case at
this stage of its path: a fullmäktige remits a motion, a nämnd or styrelse proposes, the
last body decides.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from . import vocabulary as V
from .bodies import WIDE_NAMES, era_of, unique_people
from .cases import lodged_text, proposed
from .council import Case, Council, CouncilBody
from .dates import long_form
from .layout import Doc, render
from .model import Generated, Output, Person
from .protocol_debate import closing, motions_and_vote, recusal
from .protocol_front import (
    LAST_ERA_YEAR,
    BodyState,
    Ctx,
    attendance_list,
    attendee_truth,
    cap,
    first_page,
    join,
    plan_attendance,
    pname,
    protocol_style,
)
from .truth import TItem, TMeeting

__all__ = ["BodyState", "write_meeting"]


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
    label = {"genitive": f"{body.genitive} beslut", "plain": "Beslut", "verb": f"{body.name} beslutar"}[
        style.decision_label
    ]
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


def case_item(doc: Doc, ctx: Ctx, number: int, case: Case, stage: int) -> None:
    """One § of a case: what this body does with it at this stage of its path."""
    rng, style, council, body, truth = ctx.rng, ctx.style, ctx.council, ctx.body, ctx.truth
    path = case.path
    role = "lodge" if stage == 0 and path[0] in ("kf", "rf") else "decide" if stage == len(path) - 1 else "prepare"
    target = next(b for b in council.bodies.values() if b.kind == path[-1])
    case.numbers[stage] = str(number)
    case.days[stage] = ctx.day
    item = truth.item(str(number), case.title, case_number=case.dnr)
    ctx.threads.append((("case", council.family, council.index, case.dnr), f"{case.title} ({case.dnr})", str(number)))
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
        assignee = rng.choice(
            (
                body.administration,
                "förvaltningen",
                "kommundirektören" if council.family == "kommunal" else "regiondirektören",
            )
        )
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
        kind = (
            "motion_reject"
            if "avslå" in final_text and case.kind in ("motion", "medborgarforslag")
            else "motion_approve"
            if "bifalla" in final_text
            else "other"
        )
        reservations = motions_and_vote(doc, ctx, item, number, ref, kind)
    if not style.decision_first:
        decision_block(doc, ctx, item, atts)
    if assignment:
        item.assign(*assignment)
    units = [u for u in V.RECIPIENT_UNITS if u != "Motionären" or case.kind == "motion"]
    recipients = (
        ([target.name] if role == "prepare" else []) + rng.sample(units, rng.randint(1, 2)) + [cap(body.administration)]
    )
    closing(doc, ctx, item, reservations, recipients)
    _order_decisions(item)


def _order_decisions(item: TItem) -> None:
    """Non-optional decisions first: the scorer matches equal texts in list order, and a
    prepared att-sats equal to the decided one must not take the decided one's place."""
    item.decisions.sort(key=lambda d: d["optional"])


def simple_item(doc: Doc, ctx: Ctx, number: int, kind: str, checkers: list[Person]) -> None:
    """Formalities and reports: justerare, dagordning, information, anmälningar, fyllnadsval."""
    rng, truth, body = ctx.rng, ctx.truth, ctx.body
    year = ctx.day.year
    if kind == "justerare":
        item = truth.item(
            str(number),
            rng.choice(("Val av justerare", "Justering av protokollet", "Val av justerare och tid för justering")),
        )
        heading(doc, ctx, number, item.title, None)
        text = rng.choice(
            (
                f"{join([pname(p) for p in checkers])} utses att jämte ordföranden justera protokollet.",
                f"Till justerare utses {join([pname(p) for p in checkers])}.",
            )
        )
        doc.text(text)
        item.decide(text, "decided", optional=True)
    elif kind == "dagordning":
        item = truth.item(str(number), rng.choice(("Godkännande av dagordning", "Fastställande av dagordning")))
        heading(doc, ctx, number, item.title, None)
        text = rng.choice(
            (
                "Dagordningen godkänns.",
                "Dagordningen fastställs.",
                "Dagordningen godkänns med tillägg av ett informationsärende.",
            )
        )
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
        doc.text(
            rng.choice(
                (
                    "Frågor från ledamöterna besvaras under informationen.",
                    "Informationen ges muntligt.",
                    "Underlaget har skickats ut med kallelsen.",
                )
            )
        )
        doc.blank()
        text = rng.choice(
            ("Informationen noteras.", f"{body.name} noterar informationen.", "Informationen läggs till handlingarna.")
        )
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
        doc.bullets(
            [
                f"Delegationsbeslut inom {rng.choice(V.POLICY_AREAS)} för {period}",
                f"Beslut fattade av förvaltningschefen under {period}",
            ]
        )
        doc.blank()
        text = rng.choice(
            (
                "Redovisningen av delegationsbeslut läggs till handlingarna.",
                "Redovisningen av delegationsbeslut godkänns.",
            )
        )
        doc.label("Beslut")
        doc.text(text)
        item.decide(text, "noted" if "handlingarna" in text else "endorsed")
    elif kind == "notice":
        title = rng.choice(V.NOTICE_TITLES)
        item = truth.item(str(number), title)
        heading(doc, ctx, number, title, None)
        other = rng.choice([b for b in ctx.council.bodies.values() if b is not body])
        when = ctx.day - timedelta(days=rng.randint(10, 40))
        doc.bullets(
            [
                f"Protokoll från {other.voice} {ctx.iso(when)}",
                rng.choice(
                    (
                        "Cirkulär från kommunförbundet om ändrade regler",
                        "Skrivelse från länsstyrelsen om tillsyn",
                        "Rapport från revisionen om intern kontroll",
                    )
                ),
            ]
        )
        doc.blank()
        text = rng.choice(
            (
                "Anmälningsärendena läggs till handlingarna.",
                "Meddelandena läggs till handlingarna.",
                f"{body.name} noterar anmälningarna.",
            )
        )
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
        decision_block(
            doc,
            ctx,
            item,
            [
                (f"att godkänna avsägelsen från {old} ({party})", "endorsed"),
                (
                    f"att till ny ersättare i {namnd.voice} för tiden till och med den {end} välja {new} ({party})",
                    "decided",
                ),
            ],
        )
    doc.blank()


def write_meeting(
    council: Council, body: CouncilBody, k: int, day: date, seed: int, pdf_share: float, state: BodyState
) -> Generated:
    """Plan, write and render meeting number k of a protocol body."""
    rng = random.Random(f"meeting:{council.family}:{seed}:{council.index}:{body.key}:{k}")
    style = protocol_style(council, body, era_of(min(day.year, LAST_ERA_YEAR)), seed)
    source_stem = f"{body.slug}_{day.isoformat()}"
    pdf = style.medium == "plain" and random.Random(f"pdf:{source_stem}:{seed}").random() < pdf_share
    suffix = ".pdf" if pdf else ".txt"
    truth = TMeeting(source_stem + suffix, body.name, f"{body.name}, {council.org}", day.isoformat(), protocol=True)
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
    output = Output(
        pdf=pdf,
        suffix=suffix,
        encoding=style.encoding,
        newline=style.newline,
        header=f"{council.org}   {style.title_word.capitalize()}   {body.name}   {day.isoformat()}",
        footer=rng.choice(
            (
                "Justerandes sign   Utdragsbestyrkande   Sida {page} av {pages}",
                "Sida {page} ({pages})",
                "{page}({pages})",
            )
        ),
        bullets=rng.choice(("text", "zapf", "symbol")),
        table_rules=rng.random() < 0.5,
    )
    return Generated(filename, text, truth.as_gold(), ctx.threads, output=output, family=council.family)
