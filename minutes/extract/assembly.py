"""Assembling a Meeting: the one place that calls every extraction step in order."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language

from minutes.extract import assignments as assign
from minutes.extract.attendees import apply_absences, parse_attendees
from minutes.extract.dates import find_dates
from minutes.extract.decisions import (
    FORMAL,
    DecisionBlock,
    classify,
    formal_decisions,
    labelled_blocks,
    statement_decisions,
)
from minutes.extract.header import (
    header_fields,
    meeting_body,
    meeting_date,
    meeting_location,
    meeting_times,
    signatories,
    signature_roles,
    top_signatories,
)
from minutes.extract.layout import PRESENTER, ItemBlock, split_items
from minutes.extract.lines import Line, line_width, split_lines
from minutes.extract.passage import paragraphs
from minutes.extract.people import find_names, is_first_name
from minutes.extract.pipeline import cues, default_nlp
from minutes.extract.speakers import (
    bare_name_line,
    presenter_names,
    role_holders,
    speakers_in,
)
from minutes.models import (
    Assignment,
    DateMention,
    Decision,
    Item,
    Meeting,
    SourceDocument,
    SourceSpan,
)


def extract_meeting(document: SourceDocument, *, nlp: Language | None = None) -> Meeting:
    """Extract everything a careful reader finds in one set of minutes."""
    nlp = nlp or default_nlp()
    text = document.text
    lines = split_lines(text)
    preamble, blocks = split_items(lines)
    preamble_text = "\n".join(line.text for line in preamble)

    attendees = apply_absences(parse_attendees(preamble), lines)
    presenters = [n for b in blocks for n in presenter_names(_presenter_text(b), people=[])]
    people = _people(text, [a.name for a in attendees] + presenters)
    signers, titles = _cut_signatures(blocks, people)
    signers = signers or top_signatories(preamble, people)
    for attendee in attendees:
        attendee.role = attendee.role or titles.get(attendee.name)

    fields = header_fields(preamble)
    date = meeting_date(fields, preamble_text, text)
    start_time, end_time = meeting_times(fields, preamble_text)
    body, body_name = meeting_body(preamble, text)

    def span(start: int, end: int) -> SourceSpan:
        return SourceSpan(start, end, document.page_of(start))

    context = _Context(
        nlp=nlp, people=people, body=body, date=date, span=span,
        width=line_width(lines), roles=role_holders(attendees),
    )
    items = [_item(block, context) for block in blocks]
    dates = _dates(text, date, span)
    for attendee in attendees:
        if attendee.span is not None:
            attendee.span = span(attendee.span.start, attendee.span.end)
    return Meeting(
        source=document.name,
        body=body,
        body_name=body_name,
        date=date,
        start_time=start_time,
        end_time=end_time,
        location=meeting_location(fields),
        signatories=signers,
        attendees=attendees,
        items=items,
        dates=dates,
    )


@dataclass
class _Context:
    """What every item needs to know about its meeting."""

    nlp: Language
    people: list[str]
    body: str | None
    date: str | None
    span: Callable[[int, int], SourceSpan]
    width: int
    roles: dict[str, str]


def _people(text: str, attendee_names: list[str]) -> list[str]:
    """Full names known in this document: attendees first, then names in the text."""
    names = list(attendee_names)
    for m in find_names(text, known=attendee_names):
        if is_first_name(m.name.split()[0]) or m.name in attendee_names:
            names.append(m.name)
    return list(dict.fromkeys(n for n in names if " " in n))


def _cut_signatures(blocks: list[ItemBlock], people: list[str]) -> tuple[list[str], dict[str, str]]:
    """Take the signature block off the end of the last item: (names, titles by name)."""
    if not blocks:
        return [], {}
    last = blocks[-1]
    names, first = signatories(last.body, people)
    if not names:
        return [], {}
    titles = signature_roles(last.body[first:], names)
    last.body = last.body[:first]
    return names, titles


def _item(block: ItemBlock, ctx: _Context) -> Item:
    presenters = _presenters(block, ctx)
    labelled = labelled_blocks(block.body, width=ctx.width)
    passages = _passages(block.body, ctx.width)
    sentences = [s for passage in passages for s in passage]
    decisions = [_decision(d, ctx, optional=False) for d in labelled]
    in_blocks = [(d.start, d.end) for d in labelled]

    def inside(start: int, end: int | None = None) -> bool:
        end = start if end is None else end
        return any(start <= e and s <= end for s, e in in_blocks)

    free = [(t, s, e) for t, s, e in sentences if not inside(s, e)]
    stated = statement_decisions(
        [[s for s in passage if not inside(s[1], s[2])] for passage in passages], body=ctx.body
    )
    decisions += [_decision(d, ctx, optional=False) for d in stated]
    in_blocks += [(d.start, d.end) for d in stated]
    formal = formal_decisions(free)
    if not formal and not labelled and FORMAL.search(block.title):
        formal = [DecisionBlock(block.title, block.heading.start, block.heading.end, optional=True)]
    decisions += [_decision(d, ctx, optional=True) for d in formal]
    found_assignments, task_decisions = _assignments(sentences, labelled, inside, ctx)
    for result, start, end in assign.action_items(block.body, people=ctx.people, meeting_date=ctx.date):
        if result.task and not any(a.task == result.task for a in found_assignments):
            found_assignments.append(
                Assignment(result.task, result.assignees, result.due, span=ctx.span(start, end))
            )
    decisions += task_decisions
    speaker_sentences = list(sentences)
    if block.is_sub or block.title_is_sentence:
        speaker_sentences.insert(0, (block.title, block.heading.start, block.heading.end))
    speakers: list[str] = []
    for text, _s, _e in speaker_sentences:
        speakers += speakers_in(ctx.nlp, text, people=ctx.people, roles=ctx.roles)
    return Item(
        number=block.number,
        title=block.title,
        kind=block.kind,
        presenters=presenters,
        speakers=list(dict.fromkeys(speakers)),
        decisions=decisions,
        assignments=found_assignments,
        text="\n".join(line.text for line in block.body if line.text),
        span=ctx.span(block.start, block.end),
    )


def _presenter_text(block: ItemBlock) -> str:
    text = " ".join(line.text for line in block.presenter_lines)
    m = PRESENTER.match(text)
    return m.group(1) if m else text


def _presenters(block: ItemBlock, ctx: _Context) -> list[str]:
    if block.presenter_lines:
        return presenter_names(_presenter_text(block), people=ctx.people)
    for i, line in enumerate(block.body[:3]):
        if line.blank:
            continue
        names = bare_name_line(line.text, people=ctx.people)
        if names:
            block.body = block.body[:i] + block.body[i + 1 :]
        return names
    return []


def _passages(body: list[Line], width: int) -> list[list[tuple[str, int, int]]]:
    """The item body as paragraphs of (sentence, start, end), offsets in the document."""
    return [
        [(text, passage.source(start), passage.source(end)) for start, end, text in passage.sentences()]
        for passage in paragraphs(body, width=width)
    ]


def _decision(block: DecisionBlock, ctx: _Context, *, optional: bool) -> Decision:
    return Decision(
        text=block.text,
        kind=classify(ctx.nlp, block.text),
        optional=optional or block.optional,
        span=ctx.span(block.start, block.end),
    )


def _assignments(sentences, labelled, inside, ctx: _Context):
    found: list[Assignment] = []
    decisions: list[Decision] = []
    block_of = {}
    for d in labelled:
        block_of[(d.start, d.end)] = d
    for n, (text, start, end) in enumerate(sentences):
        in_block = inside(start, end)
        following = sentences[n + 1][0] if n + 1 < len(sentences) else ""
        block_text = next((d.text for (s, e), d in block_of.items() if start <= e and s <= end), "")
        results = []
        for label, s, e, _t in cues(ctx.nlp, text):
            if label != "ASSIGN":
                continue
            cue_id = _cue_id(text[s:e])
            result = assign.from_cue(
                text, cue_id, s, e, people=ctx.people, body=ctx.body, meeting_date=ctx.date
            )
            if result is not None:
                results.append(result)
                if cue_id == "uppdrag" and not result.optional and not in_block:
                    decisions.append(
                        Decision(text, "other", optional=True, span=ctx.span(start, end))
                    )
        if in_block and not results:
            previous = found[-1].assignees if found else []
            result = assign.obligation(text, meeting_date=ctx.date, assignees=previous)
            if result is not None:
                results.append(result)
        for result in results:
            if result.due is None and assign.REPORT_BACK.match(following):
                result.due = assign.due_of(following, meeting_date=ctx.date)
            if result.due is None and in_block and assign.NEXT_MEETING.search(block_text):
                result.due = "next_meeting"
            if result.task and not any(a.task == result.task for a in found):
                found.append(
                    Assignment(
                        task=result.task,
                        assignees=result.assignees,
                        due=result.due,
                        optional=result.optional,
                        span=ctx.span(start, end),
                    )
                )
            break
    return found, decisions


_CUE_IDS = [
    ("uppdrag", re.compile(r"\bi\s+(uppdrag|uppgift)\s+att$", re.IGNORECASE)),
    ("uppdrar", re.compile(r"^uppdr\w+\s+åt$", re.IGNORECASE)),
    ("uppdras", re.compile(r"^(uppdras|ombeds|uppmanas)", re.IGNORECASE)),
    ("tar_med", re.compile(r"\bmed\s+sig\b", re.IGNORECASE)),
    ("kommer", re.compile(r"^kommer\b", re.IGNORECASE)),
    ("onskar", re.compile(r"^önskar", re.IGNORECASE)),
    ("paminner", re.compile(r"^påmin", re.IGNORECASE)),
    ("infor", re.compile(r"^inför", re.IGNORECASE)),
]


def _cue_id(cue_text: str) -> str:
    for cue_id, pattern in _CUE_IDS:
        if pattern.search(cue_text):
            return cue_id
    return ""


def _dates(text: str, meeting_date: str | None, span) -> list[DateMention]:
    seen, out = set(), []
    for m in find_dates(text, meeting_date=meeting_date):
        if m.value in seen:
            continue
        seen.add(m.value)
        out.append(DateMention(m.text, m.value, span(m.start, m.end)))
    return out
