"""Assembling a Meeting: the one place that calls every extraction step in order.

1. lines (flattened text re-segmented), item headings and blocks (``layout``);
2. the header: labels, date, times, place, body; attendance lists; signatures;
3. each item's body as passages in their sections (``sections``);
4. one ``nlp.pipe`` pass over every passage of the document (``pipeline.annotate``);
5. the facts of each item read from those annotations: decisions, assignments,
   speakers, and the fields of formal protocols.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language

from minutes.extract import assignments as assign
from minutes.extract import lexicon, protocol
from minutes.extract.action_table import table_rows
from minutes.extract.attendees import PARTY_ALTERNATION as _PARTY_ALT
from minutes.extract.attendees import apply_absences, parse_attendees, parse_roster, settle
from minutes.extract.dates import find_dates
from minutes.extract.decisions import DecisionBlock, item_decisions
from minutes.extract.excerpt import as_excerpt, attached_excerpt
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
from minutes.extract.layout import ItemBlock, presenter_label, split_items
from minutes.extract.lines import Line, line_width, split_lines, split_reflowed
from minutes.extract.passage import Passage
from minutes.extract.people import find_names, is_first_name, resolve
from minutes.extract.pipeline import annotate, cues_of, default_nlp
from minutes.extract.sections import read_sections
from minutes.extract.speakers import bare_name_line, mentions, presenter_names, role_holders, speakers_in
from minutes.models import (
    Assignment,
    Attendee,
    DateMention,
    Decision,
    Item,
    Meeting,
    SourceDocument,
    SourceSpan,
)

#: Item titles that are the attendance list itself ("Närvarolista", "Upprop").
_ATTENDANCE_ITEM = re.compile(r"^(?:närvarolista|närvaro|närvarande|upprop|närvarande\s+ledamöter)\b", re.IGNORECASE)


@dataclass
class _Context:
    """What every item needs to know about its meeting."""

    people: list[str]
    body: str | None
    body_name: str | None
    date: str | None
    span: Callable[[int, int], SourceSpan]
    roles: dict[str, str]


def extract_meeting(document: SourceDocument, *, nlp: Language | None = None) -> Meeting:
    """Extract everything a careful reader finds in one set of minutes."""
    nlp = nlp or default_nlp()
    text = document.text
    lines = split_lines(text)
    preamble, blocks = split_items(lines)
    if len(blocks) <= 1 and len(text) > 600 and not any(b.form.startswith("paragraph") for b in blocks):
        # A flattened page that a PDF reflowed into printed lines: read it as flattened text.
        reflowed = split_reflowed(text)
        again = split_items(reflowed)
        numbered = sum(1 for b in again[1] if b.number)
        if numbered >= 2 and numbered > sum(1 for b in blocks if b.number):
            lines, (preamble, blocks) = reflowed, again
    width = line_width(lines)

    def span(start: int, end: int) -> SourceSpan:
        return SourceSpan(start, end, document.page_of(start))

    attendees = parse_roster(preamble) + _closing_roster(blocks)
    for block in blocks:
        if _ATTENDANCE_ITEM.match(block.title):
            attendees += parse_attendees(
                [Line("Närvarande:", block.heading.start, block.heading.end, "", -1), *block.body]
            )
    attendees = settle(apply_absences(_dedupe(attendees), lines))
    presenters = [n for b in blocks for n in presenter_names(_presenter_text(b), people=[])]
    people = _people(text, [a.name for a in attendees] + presenters)
    signers, signer_roles = _cut_signatures(blocks, people)
    if not signers:
        signers, signer_roles = top_signatories(preamble, people)
    attendees = _with_signers(attendees, signers, signer_roles)
    people = _people(text, [a.name for a in attendees] + presenters)

    single = bool(blocks) and blocks[0].form == "single"
    fields = header_fields(preamble if not single else [line for line in lines if line.text][:8])
    title_text = "\n".join(line.text for line in preamble if line.text) or text[:600]
    date = meeting_date(fields, title_text, text)
    preamble_text = "\n".join(line.text for line in preamble)
    start_time, end_time = meeting_times(fields, preamble_text, text)
    head = preamble if any(line.text for line in preamble) or not single else [line for line in lines if line.text][:4]
    body, body_name = meeting_body(head, fields, text)
    excerpt = attached_excerpt(blocks)
    if excerpt is not None:
        # The page is the board's paragraph printed as the council's attachment: its meeting.
        as_excerpt(blocks[0], excerpt)
        organisation = body_name.split(", ", 1)[1] if body_name and ", " in body_name else None
        body, date = excerpt.body, excerpt.date
        body_name = f"{body}, {organisation}" if organisation else None

    if _presenter_column(preamble):
        for block in blocks:
            block.presenter_cells = _column_cells(block, people)
    sections = [read_sections(block.body, width=width) for block in blocks]
    passages = [p for item in sections for p in item]
    for passage, doc in zip(passages, annotate(nlp, [p.text for p in passages])):
        passage.doc = doc
    titles = [_title_passage(block) for block in blocks]
    for passage, doc in zip([t for t in titles if t], annotate(nlp, [t.text for t in titles if t])):
        passage.doc = doc

    ctx = _Context(people=people, body=body, body_name=body_name, date=date, span=span, roles=role_holders(attendees))
    items = [_item(block, item, title, ctx) for block, item, title in zip(blocks, sections, titles)]
    if not any(a.status in ("present", "absent") for a in attendees):
        attendees = _participants(attendees, items, text, people)
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
        location=meeting_location(fields, text),
        signatories=signers,
        attendees=attendees,
        items=items,
        dates=_dates(text, date, span),
    )


def _dedupe(attendees: list[Attendee]) -> list[Attendee]:
    seen: dict[str, Attendee] = {}
    for a in attendees:
        key = re.sub(r"[\s-]+", " ", a.name.lower())
        if key in seen:
            first = seen[key]
            first.role = first.role or a.role
            first.party = first.party or a.party
            if a.status == "absent":
                first.status = "absent"
            continue
        seen[key] = a
    return list(seen.values())


def _people(text: str, attendee_names: list[str]) -> list[str]:
    """Full names known in this document: attendees first, then names in the text."""
    names = list(attendee_names)
    verbs = {v.lower() for v in lexicon.words("assignments", "action_verbs")}
    for m in find_names(text, known=attendee_names):
        if m.name not in attendee_names and any(w.lower() in verbs for w in m.name.split()[1:]):
            continue  # "Victor Fixar korrektur": a first name and a capitalised verb
        if is_first_name(m.name.split()[0]) or m.name in attendee_names:
            names.append(m.name)
    return list(dict.fromkeys(n for n in names if " " in n or n in attendee_names))


def _cut_signatures(blocks: list[ItemBlock], people: list[str]) -> tuple[list[str], dict[str, str]]:
    """Take the signature block off the end of the last item: (names, roles by name)."""
    if not blocks:
        return [], {}
    last = blocks[-1]
    names, first, roles = signatories(last.body, people)
    if not names:
        return [], {}
    titles = signature_roles(last.body[first:], names)
    last.body = last.body[:first]
    return names, {**roles, **titles}


def _with_signers(attendees: list[Attendee], signers: list[str], roles: dict[str, str]) -> list[Attendee]:
    """Signatories hold the roles their signature lines give; in a protocol without a list they attended."""
    by_name = {re.sub(r"[\s-]+", " ", a.name.lower()): a for a in attendees}
    for name in signers:
        attendee = by_name.get(re.sub(r"[\s-]+", " ", name.lower()))
        role = roles.get(name)
        if attendee is not None:
            if role and not attendee.role:
                attendee.role = role if role in ("ordförande", "sekreterare") or "," not in role else attendee.role
        elif attendees and role in ("ordförande", "sekreterare", "justerare"):
            attendees.append(Attendee(name=name, role=role, status="present"))
    return attendees


def _participants(attendees: list[Attendee], items: list[Item], text: str, people: list[str]) -> list[Attendee]:
    """Without an attendance list, the people the text shows taking part attended.

    Movers, reservers and speakers (with their party when printed), and the
    chair and secretary the meeting elected.
    """
    found = list(attendees)
    seen = {a.name for a in found}

    def add(raw: str, role: str | None = None, *, mover: bool = False) -> None:
        party = re.search(r"\(([A-Za-zÅÄÖåäö]{1,3}\d?)\)\s*$", raw)
        name = " ".join(re.sub(r"\s*\([^)]*\)\s*$", "", raw).split())  # "Arne\nHallsten": wrapped
        if mover and party is None:
            # "Anna Berg, fp: Motionen bifalls.": the party printed after the mover's name.
            party = re.search(rf"{re.escape(name)}\s*(?:,\s*|\()((?i:{_PARTY_ALT}))\)?\s*:", text)
        if " " not in name or name in seen or not (mover or find_names(name, known=people)) and not party:
            return
        seen.add(name)
        found.append(Attendee(name=name, party=party.group(1).upper() if party else None, role=role, status="present"))

    for m in re.finditer(
        r"(?:Till\s+)?(?P<role>ordf(?:örande)?\.?|sekr(?:eterare)?\.?|mötesordförande|mötessekreterare)\s+(?:för\s+mötet\s+)?(?:valdes|blev|väljs|utsågs)\s+(?P<name>[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+){1,2})",
        text,
        re.IGNORECASE,
    ):
        role = (
            "mötesordförande"
            if m.group("role").lower().startswith("ordf") or "ordf" in m.group("role").lower()
            else "sekreterare"
        )
        add(m.group("name"), role)
    for item in items:
        for p in item.proposals:
            for name in p.by:
                add(name, mover=True)
        for r in item.reservations:
            add(r.by)
    for m in re.finditer(r"\b(?:lagtingsledamoten|ledamoten|ledamot)\s+([A-ZÅÄÖ][\wåäö-]+\s+[A-ZÅÄÖ][\wåäö-]+)", text):
        add(m.group(1))
    for item in items:
        for name in item.speakers:
            printed = re.search(re.escape(name) + r"\s*\(([A-ZÅÄÖ]{1,3}\d?)\)", text)
            if printed:
                add(f"{name} ({printed.group(1)})")  # a member who spoke, printed with party
    return found


_NAME_PARTY = (
    r"[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?\s+[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?\s*\([A-ZÅÄÖ]{1,3}\d?\)"
)


def _closing_roster(blocks: list[ItemBlock]) -> list[Attendee]:
    """The attendance list printed after the last item ("NÄRVARO- OCH OMRÖSTNINGSLISTA"): read
    as the header's list would be, and cut from the last item's text."""
    if not blocks:
        return []
    body = blocks[-1].body
    at = next(
        (n for n, line in enumerate(body) if lexicon.pattern("attendance", "roster_headings").match(line.text)), None
    )
    if at is None:
        return []
    roster, blocks[-1].body = body[at:], body[:at]
    return parse_roster(roster)


def _presenter_text(block: ItemBlock) -> str:
    text = " ".join(line.text for line in block.presenter_lines)
    m = presenter_label().match(text)
    return m.group(1) if m else text


def _presenter_column(preamble: list[Line]) -> bool:
    """The agenda is a table with a presenter or responsible column."""
    pattern = re.compile(lexicon.load("headings")["presenter_columns"])
    return any(pattern.search(line.text) for line in preamble[-8:] if line.text)


#: The last cell of a row: initials or names ("BG", "JS/LJ", "Anna Berg, Olle Ek").
_NAME_CELL = r"[A-ZÅÄÖ][\wåäöÅÄÖ-]*(?: [A-ZÅÄÖ][\wåäöÅÄÖ-]*)?"
_CELL = re.compile(rf"\t\s*({_NAME_CELL}(?:\s*[/,]\s*{_NAME_CELL}){{0,3}})\s*$")


def _column_cells(block: ItemBlock, people: list[str]) -> list[str]:
    """Names or initials in the last column of the item's heading and text lines, resolved."""
    found: list[str] = []
    for line in [block.heading, *block.body]:
        m = _CELL.search(line.raw.replace("|", "\t"))
        if not m:
            continue
        for part in re.split(r"\s*[/,]\s*", m.group(1)):
            full = resolve(part, people)
            if full != part or part in people:
                found.append(full)
    title_cell = _CELL.search(block.title.replace("|", "\t")) or _CELL.search(block.heading.raw.replace("|", "\t"))
    if title_cell and block.title.endswith(title_cell.group(1)) and found:
        # "Föregående protokoll<tab>BG": the responsible cell is no part of the title.
        block.title = block.title[: -len(title_cell.group(1))].strip()
    return list(dict.fromkeys(found))


def _presenters(block: ItemBlock, ctx: _Context) -> list[str]:
    if block.presenter_cells:
        return block.presenter_cells
    if block.presenter_lines:
        return presenter_names(_presenter_text(block), people=ctx.people)
    if block.form == "program":
        # The presenter column of a programme row: "Anna Berg, strateg" lines under the topic.
        names = []
        for line in block.body:
            lead = re.match(r"^([A-ZÅÄÖ][\wåäöéü-]+(?:\s+[A-ZÅÄÖ][\wåäöéü-]+){1,2})\s*(?:,|$)", line.text)
            if lead and not _CLOCKISH.match(line.text):
                names.append(lead.group(1))
            elif lead is None and line.text.strip() in lexicon.words("roles", "mentions"):
                names.append(line.text.strip())
        return names
    for i, line in enumerate(block.body[:3]):
        if line.blank:
            continue
        if line.bullet:
            return []
        names = bare_name_line(line.text, people=ctx.people)
        if names:
            block.body = block.body[:i] + block.body[i + 1 :]
        return names
    return []


#: "Vid behandlingen yttrar sig" / "Följande personer talade ...:": the speakers are listed next.
_ANNOUNCES = re.compile(
    r"\b(?:yttrar|yttrade|yttrat)\s+sig\s*:?\s*$|\bföljande\s+(?:talare|personer|ledamöter)\b[^.]*:\s*$", re.IGNORECASE
)
_CLOCKISH = re.compile(r"^\d")
_MOVES = re.compile(r"\byrka(?:r|de|t)\b", re.IGNORECASE)


def _title_passage(block: ItemBlock) -> Passage | None:
    """The title as a passage of its own, when it is a sentence that may say who spoke."""
    if not (block.is_sub or block.title_is_sentence) or not block.title:
        return None
    passage = Passage()
    passage.add(block.heading, block.title)
    passage.anchors = [(0, block.heading.start)]
    return passage


def _sentence_tail(text: str, previous: str) -> bool:
    """A line that ends a sentence the line before began ("... tre kandidater; Anna Ek nr 5 och
    Olle Berg nr 9.<tab>Björn"): a name beside it is a margin note, not the row's responsible."""
    first = text.split("\t")[0].rstrip()
    return first.endswith(".") and bool(previous) and not re.search(r"[.!?:;]\s*$", previous)


def _item(block: ItemBlock, passages: list[Passage], title: Passage | None, ctx: _Context) -> Item:
    presenters = _presenters(block, ctx)
    decisions = [
        _decision(d, ctx)
        for d in item_decisions(
            passages,
            title=block.title,
            body_names=[ctx.body or "", ctx.body_name or ""],
            title_span=(block.heading.start, block.heading.end),
        )
    ]
    found_assignments, task_decisions = _assignments(([title] if title else []) + passages, ctx)
    for table_row in table_rows(block.body, ctx.people):
        task = assign.clean_task(table_row.task)
        if task and not any(a.task == task for a in found_assignments):
            who = assign.split_assignees(table_row.who, people=ctx.people)
            due = assign.due_of(table_row.when, meeting_date=ctx.date) if table_row.when else None
            found_assignments.append(Assignment(task, who, due, span=ctx.span(table_row.start, table_row.end)))
    if re.search(lexicon.load("assignments")["task_titles"], block.title) and not found_assignments:
        for passage in passages:
            if passage.role is None and passage.text.strip():
                a, b = passage.source(0), passage.source(len(passage.text))
                found_assignments.append(Assignment(assign.clean_task(passage.text), [], None, span=ctx.span(a, b)))
    previous = ""
    for line in block.body:
        tail, previous = previous, line.text or previous
        if "\t" in line.text and not _sentence_tail(line.text, tail):
            row = assign.table_task(line.text, people=ctx.people, meeting_date=ctx.date)
            if row is not None and not any(a.task == row.task for a in found_assignments):
                found_assignments.append(
                    Assignment(row.task, row.assignees, row.due, span=ctx.span(line.start, line.end))
                )
    for result, start, end in assign.action_items(block.body, people=ctx.people, meeting_date=ctx.date):
        if result.task and not any(a.task == result.task for a in found_assignments):
            found_assignments.append(Assignment(result.task, result.assignees, result.due, span=ctx.span(start, end)))
    decisions += [d for d in task_decisions if not any(d.text in x.text or x.text in d.text for x in decisions)]
    speakers: list[str] = []
    announced = False
    for passage in ([title] if title else []) + passages:
        if announced:
            # "... yttrar sig" + the speakers listed in the next paragraph(s).
            listed = mentions(passage.text, people=ctx.people)
            speakers += [name for _s, _e, name in listed]
            rest = passage.text
            for _s, _e, name in listed:
                rest = rest.replace(name, "")
            names_only = bool(listed) and len(re.sub(r"\([^)]*\)|[\s,.;]|och", "", rest)) < 3
            announced = names_only
            if names_only:
                continue
        if passage.role in ("motions",) and not re.search(r"\b(?:talade|yttrar|yttrade|anför)\b", passage.text):
            continue
        if passage.role in ("proposal", "decision") and _strip_att(passage.text) != passage.text:
            continue  # an att-sats says what is proposed or decided, not who spoke
        for start, end, _text in passage.sentences():
            speakers += speakers_in(passage, start, end, people=ctx.people, roles=ctx.roles)
        announced = bool(_ANNOUNCES.search(passage.text))
    page_of = lambda offset: ctx.span(offset, offset).page  # noqa: E731
    proposals = protocol.proposals(passages, people=ctx.people, page_of=page_of) or protocol.alternatives(
        passages, page_of=page_of
    )
    votes = protocol.votes(passages, people=ctx.people, page_of=page_of)
    reservations = protocol.reservations(passages, people=ctx.people, page_of=page_of)
    return Item(
        number=block.number,
        title=block.title,
        kind=block.kind,
        presenters=presenters,
        speakers=list(dict.fromkeys(speakers)),
        decisions=decisions,
        assignments=found_assignments,
        case_number=block.case_number,
        proposals=proposals,
        votes=votes,
        reservations=reservations,
        notes=protocol.notes(passages, people=ctx.people, page_of=page_of),
        recusals=protocol.recusals(passages, people=ctx.people, page_of=page_of),
        recipients=protocol.recipients(passages),
        immediately_adjusted=protocol.immediately_adjusted(passages),
        text="\n".join(line.text for line in block.body if line.text),
        span=ctx.span(block.start, block.end),
    )


def _decision(block: DecisionBlock, ctx: _Context) -> Decision:
    return Decision(text=block.text, kind=block.kind, optional=block.optional, span=ctx.span(block.start, block.end))


def _assignments(passages: list[Passage], ctx: _Context) -> tuple[list[Assignment], list[Decision]]:
    found: list[Assignment] = []
    decisions: list[Decision] = []
    sentences = [(p, s, e, t) for p in passages for s, e, t in p.sentences()]
    for n, (passage, start, end, text) in enumerate(sentences):
        if passage.role in ("background", "motions", "order", "vote", "reservation", "note", "recipients"):
            continue
        in_block = passage.role == "decision"
        if _MOVES.search(text):
            continue  # a yrkande proposes a task; only the decision gives it
        following = sentences[n + 1][3] if n + 1 < len(sentences) else ""
        results = []
        doc_cues = cues_of(passage.doc, start, end, label="ASSIGN") if passage.doc is not None else []
        for cue in doc_cues:
            result = assign.from_cue(
                text,
                cue.id,
                cue.start - start,
                cue.end - start,
                people=ctx.people,
                body=ctx.body,
                meeting_date=ctx.date,
            )
            if result is not None:
                results += assign.split_gapped(result, people=ctx.people)
                if cue.id == "uppdrag" and not result.optional and not in_block:
                    a, b = passage.source(start), passage.source(end)
                    decisions.append(Decision(text, "other", optional=True, span=ctx.span(a, b)))
                break
        speech = passage.doc is not None and bool(cues_of(passage.doc, start, end, label="SPEECH"))
        att_sats = _strip_att(text) != text
        if not results and (not speech or in_block or att_sats or passage.role == "proposal"):
            results += assign.action_statements(_strip_att(text), people=ctx.people, meeting_date=ctx.date)
            for reader in (assign.passive_statement, assign.imperative_statement, assign.named_obligation):
                if results:
                    break
                result = reader(_strip_att(text), people=ctx.people, meeting_date=ctx.date)
                if result is not None:
                    results.append(result)
        if in_block and not results:
            previous = found[-1].assignees if found else []
            result = assign.obligation(text, meeting_date=ctx.date, assignees=previous)
            if result is not None:
                results.append(result)
        for result in results:
            if result.due is None and assign.report_back().match(following):
                result.due = assign.due_of(following, meeting_date=ctx.date)
            if result.due is None and in_block and assign.NEXT_MEETING.search(passage.text):
                result.due = "next_meeting"
            if result.task and not any(a.task == result.task for a in found):
                a, b = passage.source(start), passage.source(end)
                found.append(Assignment(result.task, result.assignees, result.due, result.optional, ctx.span(a, b)))
    return found, decisions


def _strip_att(text: str) -> str:
    """An att-sats ("Att Anna tar fram ...") reads as the sentence after "Att"."""
    stripped = assign.ATT_OPENING.sub("", text)
    return stripped[:1].upper() + stripped[1:] if stripped != text else text


def _dates(text: str, meeting_date: str | None, span) -> list[DateMention]:
    seen, out = set(), []
    for m in find_dates(text, meeting_date=meeting_date):
        if m.value in seen:
            continue
        seen.add(m.value)
        out.append(DateMention(m.text, m.value, span(m.start, m.end)))
    return out
