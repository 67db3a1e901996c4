"""Content of agenda items: paragraphs, lists, decisions and assignments.

Every function that writes a name, a decision, an assignment or a date also
records it in the item's truth (or the meeting's date list), so the ground truth
is a by-product of writing rather than a second, drifting description.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from . import dates as D
from . import vocabulary as V
from .model import Body, Item, Person, Style, Topic


@dataclass(slots=True)
class Context:
    """What the writer of one meeting knows while writing its items."""

    rng: random.Random
    body: Body
    style: Style
    day: date
    dates: list[tuple[str, str]]
    people: list[Person]
    first_name_counts: dict[str, int]

    def record(self, text: str, value: str) -> None:
        """Remember a date expression exactly as printed."""
        self.dates.append((text, value))

    def self_ref(self) -> str:
        """How the body names itself in a decision ('VSM', 'Nämnden' ...)."""
        return self.rng.choice(self.body.self_refs)


def add_speaker(item: Item, person: Person) -> None:
    """Speakers are listed once each, by full name."""
    if person.name not in item.speakers:
        item.speakers.append(person.name)


def spoken_name(ctx: Context, item: Item, person: Person) -> str:
    """Full name, or the first name alone when the item has already made it certain."""
    if person in item.presenters and ctx.first_name_counts.get(person.first, 0) == 1 and ctx.rng.random() < 0.5:
        return person.first
    return person.name


def speaker_sentence(ctx: Context, item: Item, subject: str, person: Person) -> str:
    """A sentence that makes `person` a speaker of the item."""
    add_speaker(item, person)
    template = ctx.rng.choice(V.SPEAKER_SENTENCES)
    return template.format(p=spoken_name(ctx, item, person), subject=subject)


def dated_sentence(ctx: Context, subject: str) -> tuple[str, str]:
    """(sentence with a date, due value or '') — the date is recorded."""
    text, value, due = D.mention(ctx.rng, ctx.day)
    ctx.record(text, value)
    sentence = ctx.rng.choice(V.DATED_SENTENCES).format(date=text, subject=subject)
    return sentence, due


def paragraph(ctx: Context, item: Item, subject: str, speakers: list[Person]) -> str:
    """Two to four sentences; speakers (if any) appear in them."""
    rng = ctx.rng
    sentences = [speaker_sentence(ctx, item, subject, p) for p in speakers]
    sentences.append(rng.choice(V.SUBJECT_SENTENCES).format(subject=subject))
    sentences.extend(rng.sample(V.NEUTRAL_SENTENCES, rng.randint(1, 2)))
    if rng.random() < 0.4:
        sentences.append(dated_sentence(ctx, subject)[0])
    return " ".join(sentences)


def list_block(ctx: Context) -> list[tuple]:
    """An intro line and a bullet, numbered or outline list (never agenda items)."""
    rng = ctx.rng
    roll = rng.random()
    if roll < 0.55:
        return [
            (
                "p",
                rng.choice(
                    ("Förslaget omfattar:", "Följande lyfts i diskussionen:", "Exempel på förbättringsområden är:")
                ),
            ),
            ("bullets", rng.sample(V.BULLET_PHRASES, rng.randint(2, 5))),
        ]
    if roll < 0.8:
        return [("p", "Arbetet är uppdelat i tre steg:"), ("numbered", rng.sample(V.BULLET_PHRASES, 3))]
    prefix = rng.randint(2, 9)
    parts = rng.sample(V.OUTLINE_PHRASES, 3)
    return [
        ("p", "Planen omfattar tre typer av uppdrag:"),
        ("outline", [f"{prefix}.{i + 1} {text}" for i, text in enumerate(parts)]),
    ]


def next_meeting_month(body: Body, day: date) -> tuple[int, int]:
    """(year, month) of the body's next scheduled meeting, for 'på mötet i december'."""
    later = [m for m in body.months if m > day.month]
    return (day.year, later[0]) if later else (day.year + 1, body.months[0])


def assignment_sentence(ctx: Context, item: Item, subject: str) -> tuple[str, dict]:
    """An assignment sentence and its truth entry (assignee, task, due)."""
    rng = ctx.rng
    group = rng.random() < 0.45
    if group:
        assignee = rng.choice(V.GROUP_ASSIGNEES[ctx.body.kind])
        written = assignee[0].upper() + assignee[1:]
    else:
        person = rng.choice(ctx.people)
        assignee = written = person.name
    task = rng.choice(V.TASKS)
    roll = rng.random()
    if roll < 0.2:
        sentence = f"{written} tar med sig frågan och återkommer till nästa möte."
        return sentence, {
            "assignees": [assignee],
            "task": "tar med sig frågan och återkommer till nästa möte",
            "due": "next_meeting",
            "optional": False,
        }
    verb = "får i uppdrag att" if rng.random() < 0.7 else "ges i uppdrag att"
    if roll < 0.45:
        tail, due = " till nästa möte.", "next_meeting"
    elif roll < 0.75:
        text, value, due = D.mention(ctx.rng, ctx.day)
        if len(due) == 10:
            ctx.record(text, value)
            tail = f" senast {text}."
        else:
            year, month = next_meeting_month(ctx.body, ctx.day)
            month_text = V.MONTHS[month - 1] + ("" if year == ctx.day.year else f" {year}")
            ctx.record(month_text, f"{year}-{month:02d}")
            tail, due = f". Återrapportering sker på mötet i {month_text}.", f"{year}-{month:02d}"
    else:
        tail, due = ".", None
    return f"{written} {verb} {task}{tail}", {"assignees": [assignee], "task": task, "due": due, "optional": False}


def task_kind(sentence: str) -> str:
    """The decision kind of a task given in a decision: one who "återkommer" defers the matter."""
    return "referred" if "återkommer" in sentence else "other"


def decision_statement(ctx: Context, kind: str, subject: str) -> str:
    """One decision sentence of the given kind, in the body's voice."""
    return ctx.rng.choice(V.DECISION_STATEMENTS[kind]).format(B=ctx.self_ref(), subject=subject)


def add_decisions(ctx: Context, item: Item, statements: list[tuple[str, str]]) -> None:
    """Write the decision block and its truth (one entry per bullet, else one for the block)."""
    if not statements:
        return
    bulleted = ctx.style.decision == "bullets" and len(statements) > 1
    if bulleted:
        item.decisions.extend({"text": t, "kind": k, "optional": False} for t, k in statements)
    else:
        item.decisions.append({"text": " ".join(t for t, _ in statements), "kind": statements[0][1], "optional": False})
    item.blocks.append(("decision", [t for t, _ in statements], bulleted))


def stage_kind(stage: int) -> str:
    """The label a topic's item carries at a given stage of its thread."""
    return ("information", "information och dialog", "dialog", "beslut")[min(stage, 3)]


def topic_item(
    ctx: Context, item: Item, topic: Topic, stage: int, report_back: list[tuple[str, str, date, bool]]
) -> list[tuple]:
    """Fill a recurring-topic item; returns assignments that must be reported back later."""
    rng = ctx.rng
    item.topic = topic
    item.title = topic.titles[stage % len(topic.titles)]
    kind = stage_kind(stage)
    if ctx.style.kind_labels:
        item.kind = kind
    pool = ctx.body.guests + ctx.body.rosters[0][1]
    item.presenters = rng.sample(pool, rng.choice((1, 1, 2)))
    for assignee, task, when, is_person in report_back:
        when_text = D.long_form(when, year=when.year != ctx.day.year)
        ctx.record(when_text, when.isoformat())
        text = f"Återrapportering: Vid mötet den {when_text} fick {assignee} i uppdrag att {task}."
        item.assignments.append({"assignees": [assignee], "task": task, "due": None, "optional": True})
        person = next((p for p in ctx.people if p.name == assignee), None)
        if is_person and person is not None:
            add_speaker(item, person)
            text += f" {assignee} redogör för hur arbetet har gått."
        item.blocks.append(("p", text))
    item.blocks.append(("p", paragraph(ctx, item, topic.subject, item.presenters[:1])))
    if rng.random() < 0.45:
        item.blocks.extend(list_block(ctx))
    if "avtal" in topic.label and rng.random() < 0.6:
        text, mentions = D.period(rng, ctx.day)
        for mention in mentions:
            ctx.record(*mention)
        item.blocks.append(("p", f"Avtalet föreslås gälla {text}."))
    if rng.random() < 0.5:
        speaker = rng.choice(ctx.people)
        item.blocks.append(("p", paragraph(ctx, item, topic.subject, [speaker])))
    decision_kind = {
        "information": "noted",
        "information och dialog": "noted",
        "dialog": "other",
        "beslut": "decided" if ctx.body.kind in ("committee", "board") else "endorsed",
    }[kind]
    if rng.random() < 0.15:
        decision_kind = "referred"
    statements = [(decision_statement(ctx, decision_kind, topic.subject), decision_kind)]
    pending = []
    if rng.random() < 0.55:
        sentence, truth = assignment_sentence(ctx, item, topic.subject)
        item.assignments.append(truth)
        in_decision = rng.random() < 0.5
        if in_decision:
            statements.append((sentence, task_kind(sentence)))
        else:
            item.blocks.append(("p", sentence))
            item.decisions.append({"text": sentence, "kind": task_kind(sentence), "optional": True})
        if truth["due"] and truth["task"] in V.TASKS:
            pending.append(
                (
                    truth["assignees"][0],
                    truth["task"],
                    ctx.day,
                    any(p.name == truth["assignees"][0] for p in ctx.people),
                )
            )
    add_decisions(ctx, item, statements)
    return pending


def one_off_item(ctx: Context, item: Item) -> None:
    """An ordinary item that does not belong to any thread."""
    rng = ctx.rng
    area = rng.choice(V.AREAS)
    item.title = rng.choice(V.ONE_OFF_TITLES[ctx.body.kind]).format(area=area)
    subject = f"frågor om {area}"
    if ctx.style.kind_labels and rng.random() < 0.6:
        item.kind = rng.choice(("information", "dialog"))
    if rng.random() < 0.7:
        item.presenters = rng.sample(ctx.body.guests, 1)
    speakers = item.presenters[:1] if rng.random() < 0.6 else []
    item.blocks.append(("p", paragraph(ctx, item, subject, speakers)))
    if rng.random() < 0.25:
        item.blocks.extend(list_block(ctx))
    if ctx.body.kind == "committee" and rng.random() < 0.5:
        written = ctx.day - timedelta(days=rng.randint(7, 30))
        ctx.record(written.isoformat(), written.isoformat())
        item.blocks.append(("lines", ["Beslutsunderlag", f"Tjänsteskrivelse {written.isoformat()}"]))
    statements = [(decision_statement(ctx, "noted", subject), "noted")]
    if rng.random() < 0.3:
        sentence, truth = assignment_sentence(ctx, item, subject)
        item.assignments.append(truth)
        statements.append((sentence, task_kind(sentence)))
    add_decisions(ctx, item, statements)


def other_questions(ctx: Context, item: Item) -> None:
    """'Övriga frågor' with lettered sub-items a), b) numbered '<N>a', '<N>b'."""
    rng = ctx.rng
    item.title = rng.choice(V.OTHER_QUESTIONS_TITLES)
    for letter in "abc"[: rng.randint(1, 2)]:
        child = Item(
            number=f"{item.number}{letter}",
            title=rng.choice(V.OTHER_QUESTION_SUBTITLES).format(area=rng.choice(V.AREAS)),
        )
        person = rng.choice(ctx.people)
        add_speaker(child, person)
        child.blocks.append(("p", f"{person.name} lyfter frågan och beskriver läget i den egna verksamheten."))
        if rng.random() < 0.4:
            text = f"{person.name} tar med sig frågan och återkommer till nästa möte."
            child.decisions.append({"text": text, "kind": "referred", "optional": False})
            child.assignments.append(
                {
                    "assignees": [person.name],
                    "task": "tar med sig frågan och återkommer till nästa möte",
                    "due": "next_meeting",
                    "optional": False,
                }
            )
            child.blocks.append(("decision", [text], False))
        else:
            add_decisions(ctx, child, [(decision_statement(ctx, "noted", "frågan"), "noted")])
        item.children.append(child)


def meeting_dates_item(ctx: Context, item: Item, upcoming: list[date], year: int) -> None:
    """'Mötestider 2021' followed by weekday dates (year given by the heading)."""
    item.title = f"Mötestider {year}"
    ctx.record(item.title, str(year))
    texts = []
    for day in upcoming:
        text = D.weekday_date(day)
        ctx.record(text, day.isoformat())
        texts.append(text)
    if ctx.rng.random() < 0.5:
        item.blocks.append(("p", "Föreslagna mötestider: " + ", ".join(texts) + "."))
    else:
        item.blocks.append(("lines", texts))
