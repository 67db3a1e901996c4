"""Item blocks: the lines of each item, its title, kind label, presenters and case number.

``headings.find_headings`` says where items start; this module cuts the
document there and reads what stands right under each heading: the rest of a
wrapped title, a title on its own line ("§ 12" alone), the kind label
("Information"), a timebox, the presenter line ("Föredragande: ...") and the
case number ("Dnr KS 2019/123"). A document without headings is one item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from minutes.extract import lexicon
from minutes.extract.headings import Heading, find_headings, is_section_title
from minutes.extract.lines import Line, boilerplate_in, join_wrapped
from minutes.extract.passage import BULLET
from minutes.extract.people import is_first_name
from minutes.extract.sections import section_label
from minutes.extract.titles import statement_start

TIMEBOX = re.compile(r"^\(?\d+\s*min(?:uter)?\b.*\)?$|^\(.*\bkl\.?\s*\d.*\)$|^\d{1,2}[.:]\d{2}$", re.IGNORECASE)
_FUNCTION_WORDS = {
    "och",
    "för",
    "om",
    "av",
    "i",
    "med",
    "från",
    "till",
    "vid",
    "på",
    "mellan",
    "samt",
    "inom",
    "under",
    "efter",
    "inför",
    "kring",
    "mot",
    "den",
    "det",
    "de",
    "en",
    "ett",
}
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


@lru_cache(maxsize=1)
def kind_labels() -> dict[str, str]:
    """Item kind label (lower case) -> the kind it names."""
    return dict(lexicon.load("headings")["kinds"])


@lru_cache(maxsize=1)
def presenter_label() -> re.Pattern:
    body = lexicon.alternation(lexicon.words("headings", "presenters"))
    return re.compile(rf"^(?:{body})\b\s*:?\s*(.*)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def case_number_pattern() -> re.Pattern:
    """ "Dnr KS 2019/123", "Diarienummer: 941-2011": the label and the number as printed."""
    labels = lexicon.alternation(lexicon.words("headings", "case_labels"))
    # "KS 2019/123", "BUN/2017:197", "KS-2019-123", "SBN.2019.12", "KS2019/0123", "941-2011"
    number = r"(?P<case>(?:[A-ZÅÄÖa-zåäö]{1,6}(?:\.?\s+|[/.-]|(?=\d)))?\d[\w./:-]*(?:\s+\d[\w./-]*){0,2})"
    return re.compile(rf"(?<![\wåäö])(?:{labels})\.?\s*:?\s*{number}", re.IGNORECASE)


@dataclass
class ItemBlock:
    """An item as laid out: number, title, kind label, presenter text and body lines."""

    number: str | None
    title: str
    heading: Line
    kind: str | None = None
    presenter_lines: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    is_sub: bool = False
    title_is_sentence: bool = False
    case_number: str | None = None
    form: str = ""
    #: Names in the presenter column of an agenda table.
    presenter_cells: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.heading.start

    @property
    def end(self) -> int:
        last = self.body[-1] if self.body else self.heading
        return last.end


def split_items(lines: list[Line]) -> tuple[list[Line], list[ItemBlock]]:
    """Split the document into the lines before the first item, and the item blocks."""
    headings = find_headings(lines)
    if not headings:
        return _single_item(lines)
    blocks = []
    for n, heading in enumerate(headings):
        stop = headings[n + 1].line.index if n + 1 < len(headings) else len(lines)
        block = ItemBlock(heading.number, heading.title, heading.line, is_sub=heading.is_sub, form=heading.form)
        _finish(block, lines[heading.line.index + 1 : stop], heading)
        blocks.append(block)
    return lines[: headings[0].line.index], blocks


def _single_item(lines: list[Line]) -> tuple[list[Line], list[ItemBlock]]:
    """Minutes with no headings (a news summary, one paragraph of a protocol) are one item.

    Its title is the first line when that is a title, else the first sentence of
    the item's text, which starts after the title lines (or at its first section label).
    """
    texts = [line for line in lines if line.text and not line.boilerplate]
    from minutes.extract.header import is_label_line

    while len(texts) > 1 and (_doc_type_only(texts[0].text) or is_label_line(texts[0].text)):
        texts = texts[1:]  # a running header ("Protokoll") or the header's labels above the text
    if not texts:
        return lines, []
    first = texts[0]
    wraps = len(texts) > 1 and texts[1].text[:1].islower()  # a sentence running over the line
    if _is_title(first.text) and not _doc_title(first.text) and not wraps:
        block = ItemBlock(None, first.text.rstrip(":"), first, form="single")
        block.body = lines[first.index + 1 :]
        return lines[: first.index], [block]
    start = next((line for line in texts if _starts_body(line)), first)
    text, rest = start.text, lines[start.index + 1 :]
    for line in rest:
        # The first sentence may run over the printed line.
        if not line.text or re.search(r"[.!?]", text) or _inline_section(line.text) is not None:
            break
        text = join_wrapped(text, line.text)
    label = _inline_section(text)
    if label is not None:
        text = text[label:].strip()
        if not text:
            nxt = next((line for line in rest if line.text), None)
            text = nxt.text if nxt else ""
    title = _SENTENCE_SPLIT.split(text, maxsplit=1)[0].rstrip(".:") if text else start.text
    block = ItemBlock(None, title, start, form="single")
    block.body = lines[start.index :]
    return lines[: start.index], [block]


def _is_title(text: str) -> bool:
    return len(text) <= 80 and len(text.split()) <= 10 and not re.search(r"[.!?]\s*$", text)


def _doc_title(text: str) -> bool:
    from minutes.extract.headings import _doc_type

    return bool(_doc_type().search(text))


def _starts_body(line: Line) -> bool:
    text = line.text
    return (
        (len(text.split()) > 6 and bool(re.search(r"[.!?:]\s*$", text)))
        or (line.bullet and len(text.split()) > 6)
        or _inline_section(text) is not None
    )


def _doc_type_only(text: str) -> bool:
    """A line that is only a document type ("Protokoll", "Minnesanteckningar"): a header."""
    from minutes.extract.headings import _doc_type

    m = _doc_type().fullmatch(text.strip(" :"))
    return m is not None


def _inline_section(text: str) -> int | None:
    """End of a section label opening the text ("Yrkanden:", "Beslut"), if any."""
    head, sep, _rest = text.partition(":")
    if sep and is_section_title(head):
        return len(head) + 1
    if is_section_title(text):
        return len(text)
    return None


def _finish(block: ItemBlock, rest: list[Line], heading: Heading) -> None:
    """Read the title continuation, kind label and presenter line; the rest is the body."""
    rest = _case_number(block, rest)
    rest = _continue_title(block, rest, title_below=heading.title_below)
    rest = _case_number(block, rest)
    rest = _read_labels(block, rest)
    block.body = rest
    if block.case_number is None:
        block.case_number = _case_in_head(rest)


def _case_in_head(body: list[Line]) -> str | None:
    """A "Dnr ..." on one of the first lines of the item's text (a protocol's header line)."""
    for line in [x for x in body if x.text][:6]:
        m = case_number_pattern().search(line.text)
        if m:
            return m.group("case").strip()
    return None


def _case_number(block: ItemBlock, rest: list[Line]) -> list[Line]:
    """A "Dnr ..." in the heading or on a line right under it is the item's case number."""
    m = case_number_pattern().search(block.title)
    if m:
        block.case_number = block.case_number or m.group("case").strip()
        title = block.title[: m.start()] + block.title[m.end() :]
        block.title = re.sub(r"\(\s*\)", "", title).strip(" ,.-–")  # "Budget (Dnr KS 2020/12)"
        return rest
    for i, line in enumerate(rest[:6]):
        if not line.text:
            continue
        m = case_number_pattern().match(line.text)
        if m and len(line.text) - m.end() < 4:
            block.case_number = block.case_number or m.group("case").strip()
            return rest[:i] + rest[i + 1 :]
        if not TIMEBOX.match(line.text):
            break
    return rest


def _continue_title(block: ItemBlock, rest: list[Line], *, title_below: bool) -> list[Line]:
    i = 0
    if not block.title or title_below:
        # "§ 12" alone on its line: the title is the next line.
        while i < len(rest) and (rest[i].blank or rest[i].text in (".",)):
            i += 1
        below = rest[i].text if i < len(rest) else ""
        if below and (not _is_structural(below) or re.fullmatch(r"\([^()]{3,}\)", below)):
            block.title = below.strip("()") if re.fullmatch(r"\([^()]{3,}\)", below) else below
            i += 1
            m = case_number_pattern().search(block.title)
            if m and m.start() == 0:
                block.case_number = block.case_number or m.group("case").strip()
                block.title = ""
                while i < len(rest) and rest[i].blank:
                    i += 1
                if i < len(rest):
                    block.title = rest[i].text
                    i += 1
    title, last = block.title, rest[i - 1].text if i else block.heading.text
    while (
        block.form not in ("title", "topic", "program")
        and i < len(rest)
        and rest[i].text
        and _continues(last, rest[i].text)
    ):
        title = join_wrapped(title, rest[i].text)
        last = rest[i].text
        i += 1
    remainder = rest[i:]
    parts = _SENTENCE_SPLIT.split(title, maxsplit=1)
    if len(parts) == 2 and (i or block.form in ("numbered", "numbered_space", "lettered")):
        # "1. Mötesmanualen ska förnyas. Anna tar kontakt ..." : the title is the first sentence.
        title, tail = parts
        source = rest[i - 1] if i else block.heading
        offset = source.end - len(tail)
        remainder = [Line(tail, max(source.start, offset), source.end, tail, source.index)] + remainder
    title, tail = _split_title(title, form=block.form)
    if tail:
        source = rest[i - 1] if i else block.heading
        remainder = [Line(tail, max(source.start, source.end - len(tail)), source.end, tail, source.index)] + remainder
    block.title_is_sentence = bool(re.search(r"\w\.$", title)) and len(title.split()) > 5
    block.title = _tidy_title(title)
    return remainder


def _split_title(title: str, *, form: str = "") -> tuple[str, str]:
    """ "Medlemsregister: 116 medlemmar" -> ("Medlemsregister", "116 medlemmar");
    "Lekplatser – dags för ..." likewise."""
    head, sep, tail = title.partition(":")
    if sep and tail.strip() and len(head.split()) <= 6 and not re.search(r"\d$", head):
        if re.search(r"[.,;()!?]", tail) or len(tail.split()) > 10:
            return head.strip(), tail.strip()
    head, sep, tail = title.partition(" – ")
    if sep and len(tail.split()) >= 5 and re.search(r"[.!]\s", tail + " ") and len(head.split()) <= 8:
        # "Lekplatser – dags för byte av sand ... ." : the heading runs on into the item's text.
        return head.strip(), tail.strip()
    footer = boilerplate_in(title)
    if footer and footer.start() > 0:
        title = title[: footer.start()].strip()  # flattened text: the page's footer ran into the title
    at = statement_start(title, people=form == "bullet_topic")
    if at:
        # Flattened text: "Budget 2022 Socialnämnden beslutar att anta budgeten." -> the title ends at the subject.
        return title[:at].strip(), title[at:].strip()
    return title, ""


def _continues(previous: str, line: str) -> bool:
    if _is_structural(line):
        return False
    if previous.rstrip().endswith(("?", "!", ":")) or re.search(r"\w\.\s*$", previous):
        return line[:1].islower()
    if line[:1].islower():
        return True
    words = previous.split()
    last_word = words[-1].lower() if words else ""
    return (
        previous.rstrip().endswith(("-", ",", "–"))
        or last_word in _FUNCTION_WORDS
        or (len(previous) >= 60 and len(line) < 90 and not re.search(r"[.!?]\s*$", line))
    )


def _is_structural(text: str) -> bool:
    from minutes.extract.headings import candidate

    return bool(
        text.lower().rstrip(":") in kind_labels()
        or presenter_label().match(text)
        or is_section_title(text.split(":")[0])
        or candidate(Line(text, 0, 0, text, 0)) is not None
        or text.startswith(("•", "-", "–", "*", "("))
        or BULLET.match(text) is not None
        or re.match(r"^[A-ZÅÄÖ]\w+( \w+)?:", text)
    )


def _tidy_title(title: str) -> str:
    title = title.strip().rstrip(":").strip()
    head, sep, tail = title.partition(":")
    if sep and (len(tail) > 30 or tail.count(",") >= 2):
        # "Mötestider 2018: torsdag 22 februari, fredag 4 maj, ..." -> "Mötestider 2018"
        title = head.strip()
    return title


def _read_labels(block: ItemBlock, rest: list[Line]) -> list[Line]:
    """Kind label, timebox and presenter lines directly under the title."""
    i, seen = 0, 0
    while i < len(rest) and seen < 4:
        text = rest[i].text
        if not text or text == ".":
            i += 1
            continue
        low = text.lower().rstrip(":").strip()
        if low in kind_labels() and block.kind is None and not text.endswith(":"):
            if _opens_decision(text, rest[i + 1 :]):
                break  # "Beslut" over the decision's text is its section label, not the item's kind
            block.kind = kind_labels()[low]
        elif TIMEBOX.match(text):
            pass
        elif presenter_label().match(text):
            block.presenter_lines.append(rest[i])
            while i + 1 < len(rest) and rest[i + 1].text and _presenter_continues(rest[i].text, rest[i + 1].text):
                i += 1
                block.presenter_lines.append(rest[i])
        else:
            break
        seen += 1
        i += 1
    return rest[i:]


def _opens_decision(text: str, after: list[Line]) -> bool:
    """A decision section label with the decision's own text under it (not a presenter or timebox)."""
    label = section_label(text)
    nxt = next((line.text for line in after if line.text), "")
    if label is None or label.role != "decision" or not nxt:
        return False
    low = nxt.lower().rstrip(":").strip()
    return not (presenter_label().match(nxt) or TIMEBOX.match(nxt) or low in kind_labels() or section_label(nxt))


def _presenter_continues(previous: str, text: str) -> bool:
    """A presenter list wraps when its line ends mid-list ("...,", "och", a first name)."""
    if _is_structural(text) or re.search(r"[.!?]\s", text) or len(text) > 100:
        return False
    last = previous.rstrip().split()[-1] if previous.strip() else ""
    return previous.rstrip().endswith((",", "&")) or last in ("och", "samt") or is_first_name(last)


#: The presenter label pattern (kept for callers that read it directly).
PRESENTER = presenter_label()
