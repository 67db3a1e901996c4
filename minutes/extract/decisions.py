"""Decisions: "Ställningstagande:"/"Beslut:" blocks, and unlabelled formal decisions.

A labelled block with bullets gives one decision per bullet; a block of
paragraphs is one decision whose text is all of it, ending where the minutes
turn to notes for the record ("Det antecknas till protokollet ...") or to a
new label. The kind comes from the first cue the span ruler finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language

from minutes.extract.lines import Line, is_short
from minutes.extract.passage import BULLET, Passage
from minutes.extract.pipeline import cues

DECISION_LABEL = re.compile(
    r"^(?:Ställningstagande|Ställningstaganden|Beslut|Beslutade|Beslutet|"
    r"(?:Nämndens|Styrelsens|Utskottets|Arbetsutskottets|Mötets|Samrådsorganets)\s+beslut)"
    r"(?:\s*:\s*(.*)|\s*)$",
)
#: Paragraphs after a decision that are notes for the record, not decisions.
RECORD_NOTE = re.compile(
    r"^(Det antecknas|Det noteras|Denna (punkt|paragraf)|Paragrafen|Protokollsanteckning|"
    r"Reservation|Särskilt yttrande|Dialog|Diskussion|Frågeställning|Bakgrund|"
    r"Beslutet skickas|Beslutet expedieras|Expedieras|Skickas till|Justerandes|Utdragsbestyrkande|"
    r"Beslutsunderlag|Sammanfattning|Ärendebeskrivning|Yrkanden|Propositionsordning)\b",
    re.IGNORECASE,
)
#: Who decides in an unlabelled statement: the body itself, named by a body noun.
_BODY_SUBJECT = (
    r"(?:Det\s+)?(?:[Pp]olitiska\s+)?(?:[A-ZÅÄÖ][\wåäö-]*(?:nämnden|styrelsen|fullmäktige|utskottet|"
    r"rådet|organet|beredningen|gruppen|presidiet)|Nämnden|Styrelsen|Mötet|Utskottet|Fullmäktige)"
)
_STATEMENT_VERB = (
    r"(?:\s+(?:därefter|också|även|enhälligt|härmed))?\s+(beslutar|beslutade|beslöt|noterar|"
    r"ställer sig bakom|godkänner|tillstyrker|fastställer|antar|tackar för informationen|"
    r"bordlägger|återremitterar|lägger informationen till handlingarna)\b"
)
STATEMENT = re.compile(rf"^(?:{_BODY_SUBJECT}{_STATEMENT_VERB}|Det (?:beslutades|beslöts)\b)")
PASSIVE_STATEMENT = re.compile(
    r"^(Informationen|Rapporten|Redovisningen|Lägesrapporten|Ärendet|Förslaget|Frågan)\s+"
    r"(noteras|antecknas|godkänns|bordläggs|återremitteras|fastställs|tillstyrks|bifalls)\b[^.]{0,60}\.?$"
)
LABEL = re.compile(r"^[\w\s]{2,40}:\s*\S?")
FORMAL = re.compile(
    r"(dagens\s+)?(agenda|dagordning|föredragningslista)(n|en)?\s+(godkänns|fastställs|godkändes|fastställdes)"
    r"|(föregående\s+)?(minnesanteckning|mötesanteckning|anteckning|protokoll)\w*\s+(godkänns|godkändes|läggs till handlingarna)"
    r"|läggs till handlingarna|^tas upp vid nästa (möte|sammanträde)"
    r"|justera (dagens )?protokoll(et)? utses|^till justerare?\s+(utses|valdes|väljs)"
    r"|^godkännande av (dagens\s+)?(agenda|dagordning)",
    re.IGNORECASE,
)
#: A decision that is complete in one formula sentence ("X noterar informationen.").
FORMULA = re.compile(
    r"\b(noterar|ställer sig bakom|beslutar|godkänner|tillstyrker|fastställer|bifaller)\b[^.!?]*[.!?]\s*$"
)
KIND_BY_CUE = {"NOTED": "noted", "ENDORSED": "endorsed", "DECIDED": "decided", "REFERRED": "referred"}


@dataclass
class DecisionBlock:
    """The text of one decision and the document range it came from."""

    text: str
    start: int
    end: int
    optional: bool = False


def classify(nlp: Language, text: str) -> str:
    """Decision kind from the earliest decision cue in the text; "other" when none."""
    for label, _s, _e, _t in cues(nlp, text):
        if label in KIND_BY_CUE:
            return KIND_BY_CUE[label]
    return "other"


def labelled_blocks(body: list[Line], *, width: int = 80) -> list[DecisionBlock]:
    """Decisions under "Ställningstagande:"/"Beslut:" labels."""
    decisions: list[DecisionBlock] = []
    i = 0
    while i < len(body):
        m = DECISION_LABEL.match(body[i].text)
        if not m:
            i += 1
            continue
        inline = (m.group(1) or "").strip()
        if inline:
            lines, i = _inline_block(body, i, width)
            decisions.append(_block(lines, first_text=inline))
        else:
            blocks, i = _label_block(body, i + 1)
            decisions.extend(blocks)
    return decisions


def _block(lines: list[Line], *, first_text: str | None = None) -> DecisionBlock:
    passage = Passage()
    for n, line in enumerate(lines):
        text = first_text if (n == 0 and first_text is not None) else line.text
        if n == 0 and first_text is None:
            text = BULLET.sub("", text)
        passage.add(line, text)
    return DecisionBlock(passage.text.strip(), lines[0].start, lines[-1].end)


def _inline_block(body: list[Line], i: int, width: int) -> tuple[list[Line], int]:
    """The label line plus its wrapped continuation lines."""
    lines = [body[i]]
    j = i + 1
    while j < len(body):
        line = body[j]
        if re.search(r"[.!?]\s*$", lines[-1].text) and (
            is_short(lines[-1], width)
            or (len(lines[-1].text) < 0.9 * width and FORMULA.search(" ".join(x.text for x in lines)))
        ):
            break
        if line.blank:
            if re.search(r"[.!?]\s*$", lines[-1].text):
                break
            j += 1
            continue
        if _ends_block(line.text) or BULLET.match(line.text):
            break
        lines.append(line)
        j += 1
    return lines, j


def _ends_block(text: str) -> bool:
    return bool(DECISION_LABEL.match(text) or RECORD_NOTE.match(text) or LABEL.match(text))


def _label_block(body: list[Line], j: int) -> tuple[list[DecisionBlock], int]:
    """Lines under a label alone on its line: bullets (one decision each) or paragraphs (one)."""
    while j < len(body) and body[j].blank:
        j += 1
    if j >= len(body):
        return [], j
    if BULLET.match(body[j].text):
        return _bullets(body, j)
    lines: list[Line] = []
    while j < len(body):
        line = body[j]
        if not line.blank and (BULLET.match(line.text) or _ends_block(line.text)):
            break
        if not line.blank:
            lines.append(line)
        j += 1
    lead = " ".join(x.text for x in lines)
    if lines and j < len(body) and BULLET.match(body[j].text) and re.search(r"(\batt|:)\s*$", lead):
        # "Nämnden beslutar att" + bullets: one decision per bullet, each with the lead-in.
        bullets, j = _bullets(body, j)
        lead = re.sub(r":\s*$", "", lead)
        for b in bullets:
            b.text, b.start = f"{lead} {b.text}", lines[0].start
        return bullets, j
    return ([_block(lines)] if lines else []), j


def _bullets(body: list[Line], j: int) -> tuple[list[DecisionBlock], int]:
    groups: list[list[Line]] = []
    while j < len(body):
        line = body[j]
        if line.blank:
            j += 1
            continue
        if BULLET.match(line.text):
            groups.append([line])
        elif groups and (line.text[:1].islower() or not re.search(r"[.!?]\s*$", groups[-1][-1].text)) and not _ends_block(line.text):
            groups[-1].append(line)
        else:
            break
        j += 1
    return [_block(g) for g in groups], j


def statement_decisions(
    passages: list[list[tuple[str, int, int]]], *, body: str | None
) -> list[DecisionBlock]:
    """Unlabelled decisions stated by the body ("Nämnden noterar informationen.").

    A paragraph that opens with such a statement is one decision, as a
    labelled block would be; a statement inside a paragraph is one sentence.
    """
    own = re.compile(rf"^{re.escape(body)}{_STATEMENT_VERB}") if body else None
    found = []
    for passage in passages:
        for n, (text, start, end) in enumerate(passage):
            is_statement = STATEMENT.match(text) or PASSIVE_STATEMENT.match(text) or (own and own.match(text))
            if not is_statement or FORMAL.search(text):
                continue
            if n == 0:
                found.append(DecisionBlock(" ".join(s[0] for s in passage), start, passage[-1][2]))
                break
            found.append(DecisionBlock(text, start, end))
    return found


def formal_decisions(sentences: list[tuple[str, int, int]]) -> list[DecisionBlock]:
    """Unlabelled formal decisions ("Dagens agenda godkänns."), marked optional."""
    return [
        DecisionBlock(text, start, end, optional=True)
        for text, start, end in sentences
        if FORMAL.search(text) and len(text.split()) <= 14
    ]
