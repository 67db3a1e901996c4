"""Lines with offsets: the unit the layout rules read.

Minutes are structured by lines (headings, labels, list entries), not by
sentences, so layout rules work on :class:`Line` objects that remember where
they sit in the document text. ``clean`` strips markdown-like artefacts
(``*emphasis*``, ``**bold**``, ``[link](#)``) that converters leave behind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
_SPACES = re.compile(r"[ \t\u00a0]+")
_COLUMN_SPACES = re.compile(r"(?<=\S)[ \u00a0]{3,}(?=\S)")
SENTENCE_END = re.compile(r"[.!?:]\s*$")
_CONJUNCTION = re.compile(r"(och|eller|samt|resp)\b")


@dataclass(frozen=True)
class Line:
    """One line of the document: cleaned text plus its character range in the source."""

    text: str
    start: int
    end: int
    raw: str
    index: int

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def indented(self) -> bool:
        """Starts with white space: in flattened two-column lists, the right column."""
        return self.raw[:1] in (" ", "\t") and bool(self.text)


def clean(text: str) -> str:
    """Remove markup artefacts and fold runs of spaces.

    Tabs, and runs of three or more spaces between words (columns padded with
    spaces in a text export), are kept as column breaks.
    """
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    text = _COLUMN_SPACES.sub("\t", text.strip())
    parts = [_SPACES.sub(" ", p).strip() for p in text.split("\t")]
    return "\t".join(p for p in parts if p) if len(parts) > 1 else parts[0]


def split_lines(text: str) -> list[Line]:
    """Split the document into :class:`Line` objects, blank lines included."""
    lines, offset = [], 0
    for index, raw in enumerate(text.split("\n")):
        lines.append(Line(clean(raw), offset, offset + len(raw), raw, index))
        offset += len(raw) + 1
    return lines


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
