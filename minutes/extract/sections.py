"""Sections inside an item: which passages are the decision, the yrkanden, the reservation.

Kommunal protocols divide an item by labels (Ärendebeskrivning, Beslutsunderlag,
Yrkanden, Propositionsordning, Beslut, Reservation, Expedieras till); association
minutes use "Förslag"/"Beslut"; regional decision lists put several on one line
("Beslut: Enligt förslag. Reservation: M, KD."). A label alone on its line opens
a section that runs to the next label; a label with text after it ("Beslut:
Enligt förslag", "BESLUT Kyrkomötet beslöt ...") opens a section of that
paragraph only. The labels and their roles are ``lexicon/sections.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from minutes.extract import lexicon
from minutes.extract.lines import Line
from minutes.extract.passage import Passage, paragraphs


@dataclass(frozen=True)
class Label:
    """A section label found at the start of a line."""

    role: str
    kind: str | None
    text: str
    rest: str  # the text after the label on the same line ("" when alone)
    rest_offset: int  # where ``rest`` starts in the line's text


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern:
    body = lexicon.alternation(list(lexicon.section_roles()))
    # "Beslut", "Beslut:", "Beslut: text", "BESLUT text" (a capitalised label before text).
    return re.compile(rf"^(?P<label>{body})(?:\s*:\s*|\s*$|(?-i:(?<=[A-ZÅÄÖ]{{4}}))\s+(?=[A-ZÅÄÖ]))", re.IGNORECASE)


@lru_cache(maxsize=1)
def _inline_labels() -> re.Pattern:
    body = lexicon.alternation(list(lexicon.section_roles()))
    # "Enligt förslag. Reservation: M." and "Enligt förslag. Votering (47 ja-röster ...)".
    return re.compile(rf"(?<=[.!?])\s+(?-i:(?=[A-ZÅÄÖ]))(?:{body})\s*(?::|(?=\(\d))", re.IGNORECASE)


@lru_cache(maxsize=1)
def record_note() -> re.Pattern:
    """Paragraphs after a decision that are notes for the record."""
    return re.compile(rf"^(?:{lexicon.alternation(lexicon.words('sections', 'record_notes'))})\b", re.IGNORECASE)


_OUTLINE = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+")


def section_label(text: str) -> Label | None:
    """The section label a line opens with, if any ("Beslut:", "6.2 Beslut")."""
    numbered = _OUTLINE.match(text)
    if numbered:
        label = section_label(text[numbered.end() :])
        if label is None or label.rest:
            return None
        return Label(label.role, label.kind, label.text, "", len(text))
    m = _label_pattern().match(text)
    if not m:
        return _pattern_label(text)
    name = m.group("label")
    role, kind = lexicon.section_roles()[re.sub(r"\s+", " ", name.lower())]
    rest = text[m.end() :].strip()
    if rest and not text[m.end() - 1 : m.end()].strip() and ":" not in text[len(name) : m.end()]:
        # "Beslut om att övergå ..." is a sentence, not a label: only capitals ("BESLUT Kyrkomötet") count.
        if not name.isupper():
            return None
    return Label(role, kind, name, rest, m.end())


#: "Kommunstyrelsens förslag till beslut", "Socialnämndens förslag": whoever proposes, a proposal.
_PROPOSED_BY = re.compile(r"^[A-ZÅÄÖ][\wåäö-]+s\s+förslag(?:\s+till\s+beslut)?\s*:?\s*$")
#: "Kommunfullmäktige beslutar:" alone on its line: the body's decision follows (its att-satser).
_BODY_DECIDES = re.compile(r"^(?P<subject>[A-ZÅÄÖ][\wåäö-]+)\s+beslutar\s*:?\s*$")


def _pattern_label(text: str) -> Label | None:
    """Labels whose first word is a body ("Kollektivtrafiknämnden beslutar", "Nämndens förslag")."""
    from minutes.extract.header import body_word

    if _PROPOSED_BY.match(text):
        return Label("proposal", None, text.rstrip(" :"), "", len(text))
    decides = _BODY_DECIDES.match(text)
    if decides and body_word(decides.group("subject")):
        return Label("decision", "decided", text.rstrip(" :"), "", len(text))
    return None


def _split_inline(line: Line) -> list[Line]:
    """Cut a line before labels that follow a sentence ("Enligt förslag. Reservation: M.")."""
    cuts = [m.start() + len(m.group(0)) - len(m.group(0).lstrip()) for m in _inline_labels().finditer(line.text)]
    if not cuts:
        return [line]
    out, prev = [], 0
    for cut in [*cuts, len(line.text)]:
        piece = line.text[prev:cut].strip()
        if piece:
            at = line.raw.find(piece[:12])
            start = line.start + (at if at >= 0 else prev)
            out.append(Line(piece, start, start + len(piece), piece, line.index, bullet=line.bullet and not prev))
        prev = cut
    return out


def _first_sentence(line: Line) -> list[Line]:
    m = re.search(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", line.text)
    if not m:
        return [line]
    head, tail = line.text[: m.start()], line.text[m.end() :]
    return [
        Line(head, line.start, line.start + len(head), head, line.index),
        Line(tail, line.start + m.end(), line.end, tail, line.index),
    ]


def _rest_line(line: Line, label: Label) -> Line:
    at = line.raw.find(label.rest[:12])
    start = line.start + (at if at >= 0 else label.rest_offset)
    return Line(label.rest, start, start + len(label.rest), label.rest, line.index)


def read_sections(body: list[Line], *, width: int = 80) -> list[Passage]:
    """The item's body as passages, each with the section role it stands under."""
    groups: list[tuple[Label | None, bool, list[Line]]] = [(None, False, [])]
    for line in (piece for whole in body for piece in _split_inline(whole)):
        label = section_label(line.text) if line.text else None
        if label is not None and _BODY_DECIDES.match(label.text) and groups[-1][0] and groups[-1][0].role == "decision":
            label = None  # "Beslut: / Styrelsen beslutar / - att ...": the lead-in of the decision, not a label
        if label is not None:
            inline = bool(label.rest)
            rest = [_rest_line(line, label)] if inline else []
            if inline and label.role in ("reservation", "note", "recipients"):
                # "Reservation: M, KD. Votering om ...": the label covers its first sentence.
                rest = _first_sentence(rest[0])
                groups.append((label, True, rest[:1]))
                if len(rest) > 1:
                    groups.append((None, False, rest[1:]))
                continue
            groups.append((label, inline, rest))
            continue
        current, inline, lines = groups[-1]
        if (
            current is not None
            and line.text
            and (
                (current.role == "decision" and record_note().match(line.text))
                or (current.role == "documents" and not line.bullet and _new_paragraph(lines, line))
                or (current.role in ("proposal", "decision") and _after_att_list(lines, line))
            )
        ):
            groups.append((None, False, [line]))
            continue
        lines.append(line)
    passages: list[Passage] = []
    for label, inline, lines in groups:
        open_section = label is not None
        for n, passage in enumerate(paragraphs(lines, width=width)):
            if open_section and n and label is not None and label.role == "decision" and passage.bullet:
                # Bullets under a decision label are its decisions; bullets after its
                # paragraphs (unless a lead-in "... att:" announces them) are the minutes' text again.
                previous = passages[-1]
                if (
                    not previous.bullet
                    and not re.search(r"(?:\batt|:)\s*$", previous.text)
                    and not re.match(r"att\s", passage.text)
                ):
                    open_section = False
            if inline and n and not passages[-1].text.rstrip().endswith(":"):
                open_section = False  # "Beslut: text" labels its own paragraph (and what its ":" announces)
            if open_section and label is not None:
                passage.role, passage.kind, passage.label = label.role, label.kind, label.text
                passage.first_in_section = n == 0
                passage.inline = inline and n == 0
            passages.append(passage)
    return passages


_ATT_LINE = re.compile(r"^(?:\d{1,2}[.)]\s*)?[Aa]tt\s")


def _after_att_list(lines: list[Line], line: Line) -> bool:
    """A sentence of its own after a section that is a list of att-satser ends the section
    ("att anta ... / att ... / I ärendet yttrar sig ...")."""
    texts = [x.text for x in lines if x.text]
    if not texts or not _ATT_LINE.match(texts[0]) or _ATT_LINE.match(line.text) or line.bullet:
        return False
    return line.text[:1].isupper() and all(_ATT_LINE.match(t) or t[:1].islower() for t in texts)


def _new_paragraph(lines: list[Line], line: Line) -> bool:
    """After an inline label's paragraph, a blank line ends the section."""
    if not lines:
        return False
    return lines[-1].blank
