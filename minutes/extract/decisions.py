"""Decisions: the body's decisions in an item, from labelled sections and from statements.

Three sources, in order:

- passages under a decision label ("Beslut", "Ställningstagande", "Kommunfullmäktiges
  beslut"): one decision per bullet or att-sats, else the block; a decision that only
  points back at a proposal ("Attsats 1 bifalles") takes the proposal's text;
- proposals put to the meeting ("Kommunstyrelsens förslag", "Förslag"), kept as
  optional decisions when nothing else records the decision;
- statements in free text whose subject is the body and whose verb is a decision
  formula of the lexicon ("Styrelsen beslutade att ...", "Ärendet bordlades.",
  "Till justerare valdes ...").

The kind comes from the earliest formula in the decision (``lexicon/decisions.yml``),
else from the label's default; formalities (agenda, justerare) are optional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from minutes.extract import lexicon
from minutes.extract.passage import Passage
from minutes.extract.people import find_names
from minutes.extract.pipeline import cues_of

_ATT = re.compile(r"^att\s+", re.IGNORECASE)


@dataclass
class DecisionBlock:
    """The text of one decision, its kind and the document range it came from."""

    text: str
    start: int
    end: int
    kind: str = "other"
    optional: bool = False


@lru_cache(maxsize=1)
def _subjects() -> re.Pattern:
    words = list(lexicon.words("decisions", "subjects"))
    endings = lexicon.alternation(lexicon.words("documents", "body_endings"))
    return re.compile(rf"^(?:{lexicon.alternation(words)}|[A-ZÅÄÖ][\wåäö-]*(?:{endings}))$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _openers() -> re.Pattern:
    return re.compile(rf"^(?:{lexicon.alternation(lexicon.words('decisions', 'openers'))})\b")


@lru_cache(maxsize=1)
def references() -> re.Pattern:
    return re.compile(lexicon.load("decisions")["references"], re.IGNORECASE)


@lru_cache(maxsize=1)
def formal_item() -> re.Pattern:
    return re.compile(lexicon.load("decisions")["formal_items"])


@lru_cache(maxsize=1)
def formal_statement() -> re.Pattern:
    return re.compile(lexicon.load("decisions")["formal_statements"])


def kind_of(passage: Passage, start: int, end: int, default: str | None = None) -> str:
    """The kind of the earliest decision formula in ``passage.text[start:end]``."""
    if passage.doc is not None:
        cues = cues_of(passage.doc, start, end, label="DECISION")
        strong = [c for c in cues if not c.id.endswith(":weak")]
        if strong or cues:
            return (strong or cues)[0].kind
    return default or "other"


def classify(nlp, text: str) -> str:
    """The decision kind of a one-off text (tests, the CLI): its earliest formula."""
    passage = Passage(text=text, anchors=[(0, 0)])
    passage.doc = nlp(text)
    return kind_of(passage, 0, len(text))


def item_decisions(
    passages: list[Passage], *, title: str, body_names: list[str], title_span: tuple[int, int] = (0, 0)
) -> list[DecisionBlock]:
    """Every decision of one item (see the module docstring)."""
    formal = bool(formal_item().search(title))
    found: list[DecisionBlock] = []
    proposals = [p for p in passages if p.role == "proposal"]
    labelled = [p for p in passages if p.role == "decision"]
    found += _labelled(labelled, proposals)
    if not labelled:
        found += [_whole(p, optional=True, default="decided") for p in proposals if p.bullet or _has_cue(p)]
    # The vote and the chair's procedure restate a labelled decision; without a label they may be all there is.
    relaxed = () if labelled else ("vote", "order")
    free = [p for p in passages if p.role in (None, "background", "documents", *relaxed)]
    found += _statements(free, body_names=body_names, relaxed_roles=relaxed)
    if not found and passages is not None and formal_statement().search(title):
        # "2. Dagens agenda godkänns." : the title is the (formal) decision.
        found.append(DecisionBlock(title, title_span[0], title_span[1], "other", optional=True))
    for block in found:
        block.optional = block.optional or formal or bool(formal_statement().search(block.text))
    return found


def _has_cue(passage: Passage) -> bool:
    return passage.doc is not None and bool(cues_of(passage.doc, label="DECISION"))


def _span(passage: Passage, start: int, end: int) -> tuple[int, int]:
    return passage.source(start), passage.source(end)


def _whole(passage: Passage, *, optional: bool = False, default: str | None = None) -> DecisionBlock:
    start, end = _span(passage, 0, len(passage.text))
    return DecisionBlock(passage.text.strip(), start, end, kind_of(passage, 0, len(passage.text), default), optional)


def _labelled(passages: list[Passage], proposals: list[Passage]) -> list[DecisionBlock]:
    """Decisions under decision labels: per bullet, per formula sentence after an inline label, or per block."""
    found: list[DecisionBlock] = []
    block: list[Passage] = []

    def flush() -> None:
        if not block:
            return
        text = " ".join(p.text for p in block).strip()
        start, end = block[0].source(0), block[-1].source(len(block[-1].text))
        found.append(DecisionBlock(text, start, end, kind_of(block[0], 0, len(block[0].text), block[0].kind)))
        block.clear()

    lead: Passage | None = None
    for passage in passages:
        if passage.first_in_section:
            flush()
            lead = None
        if (passage.bullet or _ATT.match(passage.text)) and (
            lead is not None or (block and _lead_in().search(block[-1].text))
        ):
            if lead is None:
                lead = block.pop()
                flush()
            found.append(_with_lead(lead, passage))
            continue
        referenced = _referenced(passage, proposals)
        if referenced:
            flush()
            found += referenced
            continue
        if passage.bullet or _ATT.match(passage.text):
            flush()
            found.append(_whole(passage, default=passage.kind))
        elif passage.first_in_section and passage.lines and _inline(passage):
            found += _by_formula(passage, proposals)
        else:
            block.append(passage)
    flush()
    return found


def _lead_in() -> re.Pattern:
    return lexicon.pattern("decisions", "lead_in")


def _with_lead(lead: Passage, bullet: Passage) -> DecisionBlock:
    start, end = lead.source(0), bullet.source(len(bullet.text))
    kind = kind_of(lead, 0, len(lead.text), lead.kind)
    return DecisionBlock(f"{lead.text.strip()} {bullet.text.strip()}", start, end, kind)


def _inline(passage: Passage) -> bool:
    """The passage is the text right after its label on the same line ("Beslut: Enligt förslag.")."""
    return passage.inline and len(passage.sentences()) > 1


def _by_formula(passage: Passage, proposals: list[Passage]) -> list[DecisionBlock]:
    """After an inline label: a new decision starts at each sentence with a formula of its own."""
    groups: list[list[tuple[int, int, str]]] = []
    for start, end, text in passage.sentences():
        if groups and _NOT_STATEMENT.search(text):
            break  # "Anna Berg (S) reserverar sig": the decision has ended
        if not groups or (passage.doc is not None and cues_of(passage.doc, start, end, label="DECISION")):
            groups.append([(start, end, text)])
        else:
            groups[-1].append((start, end, text))
    out = []
    for group in groups:
        start, end = group[0][0], group[-1][1]
        text = passage.text[start:end].strip()
        doc_start, doc_end = _span(passage, start, end)
        out.append(DecisionBlock(text.rstrip("."), doc_start, doc_end, kind_of(passage, start, end, passage.kind)))
    if len(out) == 1:
        out = _referenced(passage, proposals) or out
    return out


def _referenced(passage: Passage, proposals: list[Passage]) -> list[DecisionBlock]:
    """ "Attsats 1 och 2 bifalles": the decisions are the att-satser it approves, each its own.

    What is not an approval ("Äskan godkänns. Attsats 2 avslås.") stays one decision as printed.
    Empty when the passage refers to no att-sats or there are none to refer to.
    """
    items = [p for p in proposals if p.bullet or _ATT.match(p.text)]
    sentences = passage.sentences() or [(0, len(passage.text), passage.text)]
    if not items or not any(references().match(text.strip()) for _s, _e, text in sentences):
        return []
    found: list[DecisionBlock] = []
    rest: list[tuple[int, int]] = []
    for start, end, text in sentences:
        m = references().match(text.strip())
        if m and not _REJECTED.search(text):
            for number in _numbers(m.group(0)) or [1]:
                if number <= len(items):
                    chosen = items[number - 1]
                    body = _ATT.sub("", chosen.text).strip()
                    a, b = _span(chosen, 0, len(chosen.text))
                    # The att-sats's own formula names the kind ("Att bordlägga punkten" defers it).
                    kind = kind_of(chosen, 0, len(chosen.text), "decided")
                    kind = kind if kind in ("referred", "noted") else "decided"
                    found.append(DecisionBlock(body[:1].upper() + body[1:], a, b, kind))
        else:
            rest.append((start, end))
    if rest:
        a, b = _span(passage, rest[0][0], rest[-1][1])
        found.append(DecisionBlock(passage.text[rest[0][0] : rest[-1][1]].strip(), a, b, "decided"))
    return found


_REJECTED = re.compile(r"\b(?:avslås|avslogs|avslagen|avslaget)\b", re.IGNORECASE)


def _numbers(text: str) -> list[int]:
    """ "Attsats 1 och 2", "attsatserna 1-3", "att-sats 2, 3 och 5" -> [1, 2], [1, 2, 3], [2, 3, 5]."""
    out: list[int] = []
    for m in re.finditer(r"(\d+)\s*[-–]\s*(\d+)|(\d+)", text):
        if m.group(1):
            out += list(range(int(m.group(1)), int(m.group(2)) + 1))
        else:
            out.append(int(m.group(3)))
    return out


def _statements(
    passages: list[Passage], *, body_names: list[str], relaxed_roles: tuple[str, ...]
) -> list[DecisionBlock]:
    """Unlabelled decisions: sentences whose subject is the body and whose verb is a formula."""
    own = [n for n in body_names if n]
    found: list[DecisionBlock] = []
    after_question = False
    lead: Passage | None = None
    lead_block: DecisionBlock | None = None
    listing: list[Passage] = []
    for passage in passages:
        if passage.doc is None:
            continue
        if not passage.bullet:
            after_question = passage.text.rstrip().endswith("?")
        elif after_question:
            continue  # answers to a question report what happened ("Vad har hänt sedan ...?")
        if lead is not None and (passage.bullet or _ATT.match(passage.text)):
            if lead_block is not None and lead_block in found:
                found.remove(lead_block)
            if _lead_in().search(lead.text):
                found.append(_with_lead(lead, passage))
            elif _ATT.match(passage.text):
                found.append(_whole(passage, default=kind_of(lead, 0, len(lead.text))))
            else:
                listing.append(passage)
                continue
            lead_block = None
            continue
        if listing and lead is not None:
            found.append(_listing(lead, listing))
        listing, lead, lead_block = [], None, None
        sentences = passage.sentences()
        for n, (start, end, text) in enumerate(sentences):
            cue = _statement_cue(passage, start, end, own=own, relaxed=passage.role in relaxed_roles)
            if cue is None:
                continue
            if not passage.bullet and n + 1 < len(sentences) and _rest_belongs(passage, sentences[n + 1 :]):
                # A statement with what follows it in the paragraph (a task, a report-back)
                # is one decision, as a labelled block is.
                doc_start, doc_end = _span(passage, start, len(passage.text))
                text = passage.text[start:].strip()
                found.append(DecisionBlock(text, doc_start, doc_end, kind_of(passage, start, len(passage.text))))
                break
            if passage.bullet and len(sentences) > 1:
                # A bullet is one decision, whatever its sentences ("9 röstar för. Ansvarsfriheten godkänns").
                doc_start, doc_end = _span(passage, 0, len(passage.text))
                kind = kind_of(passage, 0, len(passage.text))
                found.append(DecisionBlock(passage.text.strip(), doc_start, doc_end, kind))
                break
            doc_start, doc_end = _span(passage, start, end)
            found.append(DecisionBlock(text, doc_start, doc_end, kind_of(passage, start, end)))
            if n == len(sentences) - 1 and (text.rstrip().endswith(":") or _lead_in().search(text)):
                lead, lead_block = passage, found[-1]
    if listing and lead is not None:
        found.append(_listing(lead, listing))
    return found


def _listing(lead: Passage, items: list[Passage]) -> DecisionBlock:
    """ "Mötet beslutar om följande verksamhetsplan:" + a list: one decision with the list."""
    text = lead.text.strip() + " " + "; ".join(p.text.strip().rstrip(".;") for p in items)
    start, end = lead.source(0), items[-1].source(len(items[-1].text))
    return DecisionBlock(text, start, end, kind_of(lead, 0, len(lead.text)))


def _rest_belongs(passage: Passage, rest: list[tuple[int, int, str]]) -> bool:
    """The sentences after a statement add to it: tasks, report-backs, short remarks, no new formula."""
    if passage.doc is None or len(rest) > 3:
        return False
    for s, e, t in rest:
        cues = cues_of(passage.doc, s, e)
        if any(c.label == "DECISION" for c in cues):
            return False
        if not any(c.label == "ASSIGN" for c in cues) and not _REPORT.match(t):
            return False
    return True


_REPORT = re.compile(r"^(?:Återrapport\w*|Återkoppling|Redovisning|Rapport)\b", re.IGNORECASE)


#: Sentences that report something else than the body's decision: a reservation, a yrkande,
#: or an earlier decision cited by date and paragraph ("... 2022-11-28, § 111").
_NOT_STATEMENT = re.compile(
    r"\breserver(?:ar|ade|at)\s+sig\b|\byrka(?:r|de|t)\b|\d{4}-\d{2}-\d{2},?\s*§\s*\d+|\b[A-ZÅÄÖ]{2,4}\s+§\s*\d+",
    re.IGNORECASE,
)
_AUXILIARY = re.compile(r"\s+(?:har|hade|har\s+inte|ska|skall|kommer\s+att|kan|vill)$", re.IGNORECASE)
_PRONOUN_REPORT = re.compile(r"\b(?:att|om|som|när|eftersom|då|där|vilket|men)\b", re.IGNORECASE)


def _statement_cue(passage: Passage, start: int, end: int, *, own: list[str], relaxed: bool):
    """The formula that makes ``passage.text[start:end]`` the body's statement, or None."""
    if passage.doc is None:
        return None
    decision = cues_of(passage.doc, start, end, label="DECISION")
    if not decision:
        return None
    decision = [c for c in decision if c.id not in lexicon.words("decisions", "labelled_only")]
    if not decision:
        return None
    cue = decision[0]
    text = passage.text[start:end]
    if text.rstrip().endswith("?") or _NOT_STATEMENT.search(text):
        return None
    before = passage.text[start : cue.start].strip(" ,–-•")
    if cues_of(passage.doc, start, cue.start, label="SPEECH"):
        return None
    if not before:
        after = passage.text[cue.end : end].split()
        if (
            cue.text.lower() in lexicon.words("decisions", "opening_nouns")
            and after
            and (after[0].lower() in lexicon.words("decisions", "reported_after_noun"))
        ):
            return None  # "Beslut fattade av förvaltningschefen ...": decisions reported, not made here
        return cue  # "Beslut om att övergå till ny hemsida.": a note of the decision
    if cue.text.lower() in lexicon.words("decisions", "opening_nouns"):
        return None
    words = before.split()
    if _openers().match(before):
        return cue if len(words) <= 14 else None
    if relaxed and len(words) <= 16:
        return cue
    if len(words) > 6 or _PRONOUN_REPORT.search(before):
        return None
    subject = _AUXILIARY.sub("", _subject_words(before))
    head = _AUXILIARY.sub("", before.split(",")[0]).split(" ")[0]
    if _subjects().match(head) and len(words) <= 6:
        return cue  # "Kyrkorådet tog del, diskuterade och antecknade ..."
    if any(subject.lower() == n.lower() or n.lower().startswith(subject.lower()) for n in own if len(subject) > 1):
        return cue
    if _subjects().match(subject) or _subjects().match(subject.split()[-1] if subject else ""):
        return cue
    supine = re.search(r"\b(?:har|hade|har\s+nu|har\s+tidigare)\s*$", before, re.IGNORECASE)
    if cue.text.lower().endswith(("s", "des", "tes", "ades", "at", "ad")) and len(words) <= 5 and not supine:
        # Passive ("Förslaget godkändes", "En ev. målning av ladan bordlades"): the subject is the matter.
        return cue
    if re.search(r"\b(?:väljs|valdes|utsågs|utses|omvaldes)\b", cue.text, re.IGNORECASE):
        return cue
    if len(words) <= 3 and (find_names(before) or re.fullmatch(r"[A-ZÅÄÖ]{2,6}", before)):
        # "Mats Berg utsågs ...", "VVG ställer sig bakom ..."
        return cue
    return None


def _subject_words(before: str) -> str:
    """The subject right before the verb: after the last comma ("Klipparen behöver renoveras, styrelsen")."""
    part = re.split(r"[,;:]\s*", before)[-1].strip()
    part = re.sub(r"^(?:och|men|samt|så|därför|då|därefter|sedan|även|också)\s+", "", part, flags=re.IGNORECASE)
    return part
