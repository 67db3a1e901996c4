"""Item structure from line layout: numbered, §-numbered and lettered headings.

Plain functions over :class:`~minutes.extract.lines.Line` objects. The rules
that separate real agenda items from numbered lists inside an item:
main numbers must run on (4 after 3); a list that restarts at 1 inside an
item is a list, and so are the lines that continue it; a numbering that
restarts with the first title again means the earlier run was the agenda.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from minutes.extract.lines import Line, join_wrapped
from minutes.extract.people import is_first_name

NUMBERED = re.compile(r"^(?:(?:Punkt|Ärende|P)\s*)?(\d{1,3})\s*[.):]\s+(\S.*)$")
#: "1<tab>Mötets öppnande": Word tables and tab-aligned agendas number without a dot.
NUMBERED_TAB = re.compile(r"^(\d{1,2})\t(\S.*)$")
PARAGRAPH = re.compile(r"^(?:§\s*(\d{1,4})|(\d{1,4})\s*§)\s*[.:]?\s*(.*)$")
LETTERED = re.compile(r"^([a-h])\s*\)\s*(\S.*)$")
KIND_LABELS = {
    "information": "information",
    "dialog": "dialog",
    "diskussion": "dialog",
    "beslut": "beslut",
    "information och dialog": "information och dialog",
    "information och diskussion": "information och dialog",
    "informationsärende": "information",
    "beslutsärende": "beslut",
    "för information": "information",
    "för kännedom": "information",
    "för beslut": "beslut",
    "för dialog": "dialog",
    "för diskussion": "dialog",
    "dialog och beslut": "beslut",
}
PRESENTER = re.compile(
    r"^(?:Föredragande|Föredragare|Föredrag(?:s)? av|Presentatör(?:er)?|Dragande)\b\s*:?\s*(.*)$",
    re.IGNORECASE,
)
TIMEBOX = re.compile(r"^\(?\d+\s*min(?:uter)?\b.*\)?$|^\(.*\bkl\.?\s*\d.*\)$", re.IGNORECASE)
_FUNCTION_WORDS = {
    "och", "för", "om", "av", "i", "med", "från", "till", "vid", "på", "mellan",
    "samt", "inom", "under", "efter", "inför", "kring", "mot", "den", "det", "de", "en", "ett",
}
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


@dataclass
class ItemBlock:
    """An item as laid out: number, title, kind label, presenter text and body lines."""

    number: str
    title: str
    heading: Line
    kind: str | None = None
    presenter_lines: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    is_sub: bool = False
    title_is_sentence: bool = False

    @property
    def start(self) -> int:
        return self.heading.start

    @property
    def end(self) -> int:
        last = self.body[-1] if self.body else self.heading
        return last.end


@dataclass
class _Heading:
    number: str
    title: str
    line: Line
    is_sub: bool


def _is_title_start(title: str) -> bool:
    return bool(title) and (title[0].isupper() or title[0].isdigit() or title[0] in "\"'”«")


def find_headings(lines: list[Line]) -> list[_Heading]:
    """Item and sub-item headings, in document order (see module docstring for the rules)."""
    headings: list[_Heading] = []
    last_main: int | None = None
    last_para: int | None = None
    inner_list: int | None = None  # last number of a numbered list inside an item
    next_letter = "a"
    for line in lines:
        text = line.text.replace("\t", " ")
        if not text:
            continue
        para = PARAGRAPH.match(text)
        if para and (last_para is None or int(para.group(1) or para.group(2)) > last_para):
            last_para = int(para.group(1) or para.group(2))
            headings.append(_Heading(str(last_para), para.group(3).strip(), line, False))
            next_letter, inner_list = "a", None
            continue
        m = NUMBERED.match(text) or NUMBERED_TAB.match(line.text)
        if m and last_para is None and _is_title_start(m.group(2)):
            number = int(m.group(1))
            continues_inner = inner_list is not None and number == inner_list + 1
            if last_main is None or (number == last_main + 1 and not continues_inner):
                headings.append(_Heading(str(number), m.group(2).strip(), line, False))
                last_main, next_letter, inner_list = number, "a", None
                continue
            if headings and number == int(_first_number(headings)) and _same_title(
                m.group(2), headings[0].title
            ):
                # The first run was the agenda: the items proper start again here.
                headings = [_Heading(str(number), m.group(2).strip(), line, False)]
                last_main, next_letter, inner_list = number, "a", None
                continue
            if number == 1 or continues_inner:
                inner_list = number
                continue
        elif inner_list is not None and not text[:1].islower():
            inner_list = None
        sub = LETTERED.match(text)
        if sub and headings and sub.group(1) == next_letter:
            parent = headings[-1].number if not headings[-1].is_sub else headings[-1].number[:-1]
            headings.append(_Heading(parent + sub.group(1), sub.group(2).strip(), line, True))
            next_letter = chr(ord(next_letter) + 1)
    return headings


def _first_number(headings: list[_Heading]) -> str:
    return re.sub(r"\D", "", headings[0].number) or "0"


def _same_title(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(a.lower(), b.lower()) >= 85


def split_items(lines: list[Line]) -> tuple[list[Line], list[ItemBlock]]:
    """Split the document into the lines before the first item, and the item blocks."""
    headings = find_headings(lines)
    if not headings:
        return lines, []
    blocks = []
    for n, heading in enumerate(headings):
        stop = headings[n + 1].line.index if n + 1 < len(headings) else len(lines)
        block = ItemBlock(heading.number, heading.title, heading.line, is_sub=heading.is_sub)
        _finish(block, lines[heading.line.index + 1 : stop])
        blocks.append(block)
    return lines[: headings[0].line.index], blocks


def _finish(block: ItemBlock, rest: list[Line]) -> None:
    """Read the title continuation, kind label and presenter line; the rest is the body."""
    rest = _continue_title(block, rest)
    rest = _read_labels(block, rest)
    block.body = rest


_DIARY_NUMBER = re.compile(r"\s*\b(?:Dnr|Diarienr|Diarienummer|Dnr\.)\s*:?\s*[\w./-]*(?:\s+\d[\w./-]*)?\s*", re.IGNORECASE)


def _continue_title(block: ItemBlock, rest: list[Line]) -> list[Line]:
    i = 0
    block.title = _DIARY_NUMBER.sub(" ", block.title).strip()
    if not block.title:
        # "§ 12" alone on its line: the title is the next line.
        while i < len(rest) and rest[i].blank:
            i += 1
        if i < len(rest) and not _is_structural(rest[i].text):
            block.title = rest[i].text
            i += 1
    title, last = block.title, rest[i - 1].text if i else block.heading.text
    while i < len(rest) and rest[i].text and _continues(last, rest[i].text):
        title = join_wrapped(title, rest[i].text)
        last = rest[i].text
        i += 1
    remainder = rest[i:]
    parts = _SENTENCE_SPLIT.split(title, maxsplit=1)
    if len(parts) == 2 and i:
        # "a) H N lyfter att ... intygsskrivning. Hanteringen ..." : the title is the first sentence.
        title, tail = parts
        source = rest[i - 1]
        offset = source.end - len(tail)
        remainder = [Line(tail, max(source.start, offset), source.end, tail, source.index)] + remainder
    block.title_is_sentence = bool(re.search(r"\w\.$", title)) and len(title.split()) > 5
    block.title = _tidy_title(title)
    return remainder


def _continues(previous: str, line: str) -> bool:
    if _is_structural(line):
        return False
    if previous.rstrip().endswith(("?", "!")) or re.search(r"\w\.\s*$", previous):
        return line[:1].islower()
    if line[:1].islower():
        return True
    words = previous.split()
    last_word = words[-1].lower() if words else ""
    return previous.rstrip().endswith(("-", ",", "–")) or last_word in _FUNCTION_WORDS or (
        len(previous) >= 60 and len(line) < 90 and not re.search(r"[.!?]\s*$", line)
    )


def _is_structural(text: str) -> bool:
    return bool(
        text.lower().rstrip(":") in KIND_LABELS
        or PRESENTER.match(text)
        or NUMBERED.match(text)
        or LETTERED.match(text)
        or PARAGRAPH.match(text)
        or text.startswith(("•", "-", "–", "*", "("))
        or re.match(r"^[A-ZÅÄÖ]\w+( \w+)?:", text)
    )


def _tidy_title(title: str) -> str:
    title = title.strip().rstrip(":").strip()
    head, sep, tail = title.partition(":")
    if sep and (len(tail) > 30 or tail.count(",") >= 2):
        # "Mötestider 2018: torsdag 22 februari, fredag 4 maj, ..." -> "Mötestider 2018"
        title = head.strip()
    return title.rstrip(".") if title.endswith(".") and not title.endswith("..") else title


def _read_labels(block: ItemBlock, rest: list[Line]) -> list[Line]:
    """Kind label, timebox and presenter lines directly under the title."""
    i, seen = 0, 0
    while i < len(rest) and seen < 4:
        text = rest[i].text
        if not text:
            i += 1
            continue
        low = text.lower().rstrip(":").strip()
        if low in KIND_LABELS and block.kind is None and not text.endswith(":"):
            block.kind = KIND_LABELS[low]
        elif TIMEBOX.match(text):
            pass
        elif PRESENTER.match(text):
            block.presenter_lines.append(rest[i])
            while i + 1 < len(rest) and rest[i + 1].text and _presenter_continues(rest[i].text, rest[i + 1].text):
                i += 1
                block.presenter_lines.append(rest[i])
        else:
            break
        seen += 1
        i += 1
    return rest[i:]


def _presenter_continues(previous: str, text: str) -> bool:
    """A presenter list wraps when its line ends mid-list ("...,", "och", a first name)."""
    if _is_structural(text) or re.search(r"[.!?]\s", text) or len(text) > 100:
        return False
    last = previous.rstrip().split()[-1] if previous.strip() else ""
    return previous.rstrip().endswith((",", "&")) or last in ("och", "samt") or is_first_name(last)
