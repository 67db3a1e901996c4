"""Lines with offsets: the unit the layout rules read.

Minutes are structured by lines (headings, labels, list entries), not by
sentences, so layout rules work on :class:`Line` objects that remember where
they sit in the document text. ``clean`` strips the artefacts converters and web
pages leave behind (``*emphasis*``, ``**bold**``, ``[link](#)``, ``<br />``,
``<strong>``) and notes what they said about the line: a markdown heading
(``## Närvarande``) or a bullet, and how deep it is indented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from minutes.extract import lexicon
from minutes.extract.segment import segment_lines

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)")
_HTML_TAG = re.compile(r"</?(?:br|p|div|h[1-6]|li|ul|ol|td|tr|th|table)\b[^>]*>", re.IGNORECASE)
#: Inline markup ("<strong>kommun</strong>styrelsen", a search hit highlighted): no word break.
_HTML_INLINE = re.compile(r"</?(?:strong|b|i|em|span|u|font|a|sup|sub|mark)\b[^>]*>", re.IGNORECASE)
_HTML_ENTITY = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009]+")
_COLUMN_SPACES = re.compile(r"(?<=\S)[ \u00a0]{3,}(?=\S)")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+")
_BULLET = re.compile(r"^(?:[•▪◦‣●○■□➢►·]|[*\-–](?=\s))\s*")
#: A whole line in bold ("**Budget**") or an HTML heading ("<h2>Budget</h2>"): a heading.
_BOLD_LINE = re.compile(r"^\*\*([^*]{2,80})\*\*\s*:?$")
_HTML_HEADING = re.compile(r"^<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
#: A line that is only a page mark: "Sida 3", "Sida 3 av 15", "3(15)", "- 3 -".
_PAGE_LINE = re.compile(
    r"(?:Sida|Sid\.?|Page)\s+\d+(?:\s*(?:av|\(|/)\s*\d+\)?)?|\d{1,3}\s?\(\d{1,3}\)|[-–]\s*\d{1,3}\s*[-–]", re.IGNORECASE
)
_RULE = re.compile(r"^[\s_.…=*~-]+$")
_CONJUNCTION = re.compile(r"(och|eller|samt|resp)\b")
#: Running page marks that PDFs and transcripts leave in the text: "1(19)", "Sida 3 av 15".
PAGE_MARK = re.compile(r"(?<![\w(])\d{1,3}\s?\(\d{1,3}\)(?![\w)])|\bSida\s+\d+\s*(?:\(\d+\)|av\s+\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of the document: cleaned text plus its character range in the source.

    ``heading`` is the markdown heading depth (0 for none); ``bullet`` says the
    line was a list entry, ``indent`` how far its raw text was indented.
    """

    text: str
    start: int
    end: int
    raw: str
    index: int
    heading: int = 0
    bullet: bool = False
    indent: int = 0
    boilerplate: bool = False

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def indented(self) -> bool:
        """Starts with white space: in flattened two-column lists, the right column."""
        return self.raw[:1] in (" ", "\t") and bool(self.text)


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in lexicon.load("documents")["boilerplate"]), re.IGNORECASE)


@lru_cache(maxsize=1)
def _footers() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(lexicon.load("documents")["footers"]) + r")(?!\w)", re.IGNORECASE)


def boilerplate_in(text: str) -> re.Match | None:
    """Where a page footer or stamp ("Justerandes signatur", "Utdragsbestyrkande") starts in ``text``."""
    return _footers().search(text)


_PIPE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_PIPE_RULE = re.compile(r"^\s*:?-{3,}:?\s*$")


def _table_row(text: str) -> str:
    """A markdown table row ("| Ordförande | Anna Berg | Ja |") as tab-separated cells, as
    office text exports print tables; its rule row ("|---|---|") is no text."""
    row = _PIPE_ROW.match(text)
    if not row:
        return text
    cells = [c.strip() for c in row.group(1).split("|")]
    if all(_PIPE_RULE.match(c) or not c for c in cells):
        return ""
    return "\t".join(c for c in cells if c)


def clean(text: str) -> str:
    """Remove markup artefacts and fold runs of spaces.

    Tabs, and runs of three or more spaces between words (columns padded with
    spaces in a text export), are kept as column breaks.
    """
    text = _table_row(text)
    text = _HTML_INLINE.sub("", _HTML_TAG.sub(" ", text))
    for entity, char in _HTML_ENTITY.items():
        text = text.replace(entity, char)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    text = _COLUMN_SPACES.sub("\t", text.strip())
    parts = [_SPACES.sub(" ", p).strip() for p in text.split("\t")]
    return "\t".join(p for p in parts if p) if len(parts) > 1 else parts[0]


def split_lines(text: str) -> list[Line]:
    """Split the document into :class:`Line` objects, blank lines included.

    A flattened line (a web page or PDF page with its line breaks lost) is cut
    into the lines it would have had (``minutes.extract.segment``).
    """
    raws = text.split("\n")
    lines: list[Line] = []
    offset = 0
    for raw, pieces in zip(raws, segment_lines(raws)):
        for a, b in pieces:
            lines.append(_line(raw[a:b], offset + a, len(lines)))
        if not pieces:
            lines.append(_line("", offset, len(lines)))
        offset += len(raw) + 1
    return lines


def split_reflowed(text: str) -> list[Line]:
    """Lines of a flattened page that a PDF reflowed into printed lines: each paragraph
    (lines up to a blank line or a page break) is joined and re-segmented as one flattened line.

    The pieces keep their offsets; the line breaks inside them read as spaces.
    """
    raws, starts, offset = [], [], 0
    block: list[str] = []
    block_start = 0
    for raw in text.split("\n"):
        if raw.strip():
            if not block:
                block_start = offset
            block.append(raw)
        elif block:
            raws.append("\n".join(block))
            starts.append(block_start)
            block = []
        offset += len(raw) + 1
    if block:
        raws.append("\n".join(block))
        starts.append(block_start)
    lines: list[Line] = []
    for raw, start, pieces in zip(raws, starts, segment_lines(raws)):
        for a, b in pieces:
            piece = raw[a:b]
            lines.append(_line(piece.replace("\n", " "), start + a, len(lines)))
        lines.append(_line("", start + len(raw), len(lines)))
    return lines


def _line(raw: str, start: int, index: int) -> Line:
    stripped = raw.lstrip()
    indent = len(raw.expandtabs(4)) - len(stripped.expandtabs(4))
    heading = _MARKDOWN_HEADING.match(stripped)
    body = stripped[heading.end() :] if heading else stripped
    level = len(heading.group(1)) if heading else 0
    html = _HTML_HEADING.match(stripped)
    bold = _BOLD_LINE.match(stripped)
    if html:
        level, body = int(html.group(1)), html.group(2)
    elif bold and not heading:
        level, body = 3, bold.group(1)
    bullet = _BULLET.match(body)
    if bullet and not re.match(r"^[-–]\s*\d", body):
        body = body[bullet.end() :]
    cleaned = clean(body)
    if len(cleaned) >= 3 and _RULE.match(cleaned):
        cleaned = ""  # "________", "........": a rule or signature line, not text
    return Line(
        cleaned,
        start,
        start + len(raw.rstrip()),
        raw,
        index,
        heading=level,
        bullet=bool(bullet),
        indent=indent,
        boilerplate=bool(cleaned and (_boilerplate().search(cleaned) or _PAGE_LINE.fullmatch(cleaned))),
    )


def line_width(lines: list[Line]) -> int:
    """The printed line width: the 90th percentile of line lengths.

    A line well short of it ends a paragraph; PDF text has no blank lines
    between paragraphs, so this is what tells them apart.
    """
    lengths = sorted(len(line.text) for line in lines if line.text)
    if not lengths:
        return 80
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def is_short(line: Line, width: int) -> bool:
    """The line stops well before the right margin, as a paragraph's last line does."""
    return len(line.text) < 0.8 * width


def join_wrapped(previous: str, text: str) -> str:
    """Join a wrapped line to the text before it, mending a word hyphenated at the line end.

    "verksam-" + "heten" was one word; "IT-" + "lösning" keeps its dash;
    "hälso-" + "och sjukvård" is a shared compound ending and keeps its dash and space.
    """
    if not previous:
        return text
    if previous.endswith("-") and text[:1].islower() and not _CONJUNCTION.match(text):
        return (previous if previous[-2:-1].isupper() else previous[:-1]) + text
    return f"{previous} {text}"
