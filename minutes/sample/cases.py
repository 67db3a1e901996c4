"""What a case (ärende) is about: its title, the att-satser that decide it, its background.

The content depends on where the case starts (a nämnd's taxa, the styrelse's budget, a
motion lodged in fullmäktige) and is fixed when the case is planned, so every body that
sees the case prints the same title and diarienummer and argues over the same att-satser.
"""

from __future__ import annotations

import random
from datetime import date

from . import vocabulary as V
from .council import Case, Council, CouncilBody
from .dates import long_form

GENERIC_BACKGROUND = (
    "Förvaltningen har berett ärendet i samråd med ekonomiavdelningen.",
    "Förslaget bedöms rymmas inom befintlig budgetram.",
    "En barnkonsekvensanalys har genomförts och redovisas i tjänsteskrivelsen.",
    "Samverkan har skett med de fackliga organisationerna.",
    "Ärendet har stämts av med berörda förvaltningar.",
    "Förslaget har varit föremål för samråd med pensionärsrådet och rådet för funktionshinderfrågor.",
    "Förvaltningen bedömer att förslaget bidrar till de övergripande målen.",
)


def _amount(rng: random.Random) -> str:
    """'4,5' (millions of kronor, printed with a decimal comma)."""
    whole, tenth = rng.randint(1, 40), rng.choice((0, 5))
    return f"{whole},{tenth}" if tenth else str(whole)


def _district(council: Council, rng: random.Random) -> str:
    return rng.choice(council.districts)


def _years(text: str, *years: int) -> list[tuple[str, str]]:
    """Year mentions of a title ('Budget 2024 och plan 2025–2027' gives three years)."""
    return [(str(y), str(y)) for y in years if str(y) in text]


def make_case(
    council: Council, path: tuple[str, ...], body: CouncilBody, day: date, rng: random.Random, dnr: str
) -> Case:
    """A case starting at `body` on `day` and following `path` (kinds of body)."""
    final_kind = path[-1]
    start = path[0]
    year = day.year
    if start in ("kf", "rf"):
        return _motion(council, path, day, rng, dnr)
    if start in ("namnd", "rnamnd") and final_kind in ("ks", "rs"):
        kind = rng.choice(("yttrande", "askande"))
    elif start in ("namnd", "rnamnd"):
        builds = body.short in ("MBN", "SBN", "TN")
        kind = rng.choice(
            (("taxa", "riktlinje", "investering") + (("plan", "plan") if builds else ()))
            if start == "namnd"
            else ("riktlinje", "investering", "plan_regional")
        )
    else:
        kind = rng.choice(
            ("budget", "arsredovisning", "reglemente", "riktlinje", "investering", "taxa")
            if council.family == "kommunal"
            else ("budget", "arsredovisning", "delarsrapport", "taxa_trafik", "investering")
        )
    mentions: list[tuple[str, str]] = []
    att_mentions: list[tuple[str, str]] = []
    final: list[tuple[str, str]] = []
    background = []
    next_year = year + 1
    if kind == "taxa":
        service = rng.choice(V.FEE_SERVICES)
        title = f"Taxa för {service} {next_year}"
        mentions += _years(title, next_year)
        starts = f"1 januari {next_year}"
        att_mentions.append((starts, f"{next_year}-01-01"))
        final = [
            (f"att anta taxa för {service} {next_year} enligt bilaga 1", "decided"),
            (f"att taxan börjar gälla den {starts}", "decided"),
        ]
        background.append(f"Förslaget innebär att taxan för {service} räknas upp med {rng.randint(2, 6)} procent.")
    elif kind == "taxa_trafik":
        title = f"Taxor för kollektivtrafiken {next_year}"
        mentions += _years(title, next_year)
        final = [(f"att anta taxor för kollektivtrafiken {next_year} enligt bilaga", "decided")]
        background.append("Priset för periodkort föreslås vara oförändrat medan enkelbiljetten höjs.")
    elif kind == "riktlinje":
        area = rng.choice(V.POLICY_AREAS)
        title = f"Riktlinjer för {area}"
        final = [
            (f"att anta riktlinjer för {area} enligt bilaga", "decided"),
            (f"att tidigare riktlinjer för {area} upphör att gälla", "decided"),
        ]
        background.append(f"Nuvarande riktlinjer för {area} behöver anpassas till ny lagstiftning.")
    elif kind == "investering":
        what = rng.choice(_investments(council)).format(district=_district(council, rng))
        amount = _amount(rng)
        title = f"Investering i {what}"
        final = [
            (f"att godkänna investeringen i {what} med {amount} miljoner kronor", "endorsed"),
            (f"att investeringen finansieras inom investeringsbudgeten för {year}", "decided"),
        ]
        att_mentions.append((str(year), str(year)))
        background.append(f"Den totala investeringsutgiften beräknas till {amount} miljoner kronor.")
    elif kind == "plan":
        area = rng.choice(V.PLAN_AREAS).format(district=_district(council, rng))
        title = f"Antagande av detaljplan för {area}"
        final = [(f"att anta detaljplan för {area}", "decided")]
        background.append(
            "Planförslaget har varit utställt för granskning utan att några "
            "synpunkter har lämnats som föranleder ändringar."
        )
    elif kind == "plan_regional":
        area = rng.choice(V.AREAS)
        title = f"Regional handlingsplan för {area}"
        final = [(f"att anta regional handlingsplan för {area}", "decided")]
        background.append("Handlingsplanen har tagits fram tillsammans med länets kommuner.")
    elif kind == "yttrande":
        topic = rng.choice(V.REMISS_TOPICS)
        title = f"Yttrande över remiss om {topic}"
        final = [("att avge yttrande över remissen enligt bilaga", "decided")]
        background.append(f"{council.org} har beretts tillfälle att yttra sig över förslaget till {topic}.")
    elif kind == "askande":
        what = rng.choice(_investments(council)).format(district=_district(council, rng))
        amount = _amount(rng)
        title = f"Äskande om medel för {what}"
        final = [(f"att bevilja {body.voice} {amount} miljoner kronor för {what}", "decided")]
        background.append(
            f"{body.name} äskar {amount} miljoner kronor ur "
            f"{_styrelse(council).genitive.lower()} medel för oförutsedda behov."
        )
    elif kind == "budget":
        title = f"Budget {next_year} och ekonomisk plan {next_year + 1}–{next_year + 3}"
        mentions += _years(title, next_year, next_year + 1, next_year + 3)
        rate = f"{rng.randint(20, 23)},{rng.randint(10, 99)}"
        final = [
            (f"att fastställa budget för {next_year} enligt bilaga", "decided"),
            (f"att fastställa skattesatsen för {next_year} till {rate} kronor per skattekrona", "decided"),
        ]
        background.append("Budgeten bygger på de senaste skatteunderlagsprognoserna.")
    elif kind == "arsredovisning":
        last = year - 1
        title = f"Årsredovisning {last}"
        mentions += _years(title, last)
        final = [(f"att godkänna årsredovisningen för {last}", "endorsed")]
        background.append(f"Årets resultat uppgår till {rng.randint(5, 80)} miljoner kronor.")
    elif kind == "delarsrapport":
        month = rng.choice((4, 8))
        title = f"Delårsrapport {V.MONTHS[month - 1]} {year}"
        mentions.append((f"{V.MONTHS[month - 1]} {year}", f"{year}-{month:02d}"))
        final = [("att godkänna delårsrapporten", "endorsed")]
        background.append("Prognosen för helåret visar ett underskott mot budget.")
    else:  # reglemente
        what = rng.choice(V.REGLEMENTEN)
        month = rng.choice((1, 4, 7))
        starts = f"1 {V.MONTHS[month - 1]} {next_year}"
        att_mentions.append((starts, f"{next_year}-{month:02d}-01"))
        title = f"Revidering av reglemente för {what}"
        final = [
            (f"att anta reviderat reglemente för {what}", "decided"),
            (f"att reglementet gäller från och med den {starts}", "decided"),
        ]
        background.append("Reglementet har setts över efter ändringar i kommunallagen.")
    background += rng.sample(GENERIC_BACKGROUND, 2)
    return Case(dnr, kind, title, mentions, final, background, [], att_mentions=att_mentions)


def _motion(council: Council, path: tuple[str, ...], day: date, rng: random.Random, dnr: str) -> Case:
    """A motion (or medborgarförslag) lodged in the assembly, answered after preparation."""
    ideas = V.MOTION_IDEAS if council.family == "kommunal" else V.REGION_MOTION_IDEAS
    idea = rng.choice(ideas).format(district=_district(council, rng))
    assembly = next(b for b in council.bodies.values() if b.kind == path[0])
    citizen = rng.random() < 0.3 or not assembly.members
    author = None
    if not citizen:
        opposition = [m for m in assembly.members if m.party in council.opposition] or assembly.members
        author = rng.choice(opposition)
    title = f"{'Medborgarförslag' if citizen else 'Motion'} om {idea}"
    word = "medborgarförslaget" if citizen else "motionen"
    outcome = rng.choice(("avslå", "avslå", "bifalla", "besvarad"))
    final = (
        [(f"att anse {word} besvarad", "other")] if outcome == "besvarad" else [(f"att {outcome} {word}", "decided")]
    )
    who = "kommunen" if council.family == "kommunal" else "regionen"
    background = (
        [f"{author.name} ({author.party}) föreslår i en motion att {who} ska satsa på {idea}."]
        if author
        else [f"I ett medborgarförslag föreslås att {who} ska satsa på {idea}."]
    )
    background.append(rng.choice(GENERIC_BACKGROUND))
    return Case(
        dnr, "medborgarforslag" if citizen else "motion", title, [], final, background, [], author=author, lodged=day
    )


def _investments(council: Council) -> tuple[str, ...]:
    return V.INVESTMENTS if council.family == "kommunal" else V.REGION_INVESTMENTS


def unique_case(
    council: Council, path: tuple[str, ...], body: CouncilBody, day: date, rng: random.Random, dnr: str
) -> Case:
    """A case whose title no open case of the council carries (a few tries, then any)."""
    titles = {c.title for c in council.cases if council.days[c.stages[-1][0]][c.stages[-1][1]] >= day}
    for _ in range(6):
        case = make_case(council, path, body, day, rng, dnr)
        if case.title not in titles:
            return case
    return case


def proposed(final: list[tuple[str, str]], target: CouncilBody) -> list[tuple[str, str]]:
    """The att-satser of a preparing body: 'att föreslå kommunfullmäktige att anta ...'."""
    return [(f"att föreslå {target.voice} att {text[4:]}", "decided") for text, _ in final]


def lodged_text(case: Case, when: date) -> str:
    """'Motion från Ebbe Udde (M), 12 mars 2023' as printed under Beslutsunderlag."""
    if case.author:
        return f"Motion från {case.author.name} ({case.author.party}), {long_form(when)}"
    return f"Medborgarförslag inkommet {long_form(when)}"


def _styrelse(council: Council) -> CouncilBody:
    """The council's executive board (kommunstyrelsen or regionstyrelsen)."""
    return next(b for b in council.bodies.values() if b.kind in ("ks", "rs"))
