"""Rebuild a PDF page's printed lines from PDFium's characters, as a person reads them.

PDFium's plain text follows the content stream. That breaks on the PDFs people
actually make: Google Docs places every glyph on its own, so text rectangles
are single letters ("M ö t e t"); headers drawn last end up at the bottom; a
ligature's rectangle read back returns its letters twice ("fö fö r"); and
pdfTeX's old fonts put "¨" beside the "a" instead of "ä". Here each character
is placed by its loose box (the font's advance and ascent), lines are the
characters that share a band top to bottom, words break where the gap is
wider than the line's own letter spacing, and a tab marks a column break, so a
table comes out as rows of tab-separated cells (issue 11).
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from minutes.ingest.cleanup import BULLET_CHARS

#: A gap wider than this many line heights between two characters is a column break.
COLUMN_GAP = 1.2

#: Characters closer than this share of the line height join one run as they are read.
RUN_GAP = 0.05

#: A gap wider than this share of the line height (beyond the line's own letter
#: spacing) is a word space. Measured on real PDFs: word spaces are 0.18–0.7 of
#: the loose box height, gaps inside words below 0.035.
WORD_GAP = 0.1

#: Left edges shared by this many lines make a table column even when its gap is narrow.
EDGE_VOTES = 3

#: A gap this many times the page's median word space may start a table cell.
CELL_GAP = 1.8

#: Edges this close to the left margin are text after a bullet or a list number.
MARGIN_INDENT = 40

#: Bullets whose left edges differ by more than this (points) are at different levels.
LEVEL_TOLERANCE = 2.5

#: Characters that open a bulleted line.
BULLETS = frozenset(BULLET_CHARS + "-–◦o▪")

#: A line's first cell that is only a heading number: "3", "3.1", "12.", "§ 4", "a)".
HEADING_NUMBER_RE = re.compile(r"^(?:§\s*)?(?:\d{1,3}(?:\.\d{1,3})*\.?|[a-zA-Z][.)])$")

#: Spacing accents that old TeX fonts draw over a letter as a glyph of their own.
ACCENTS = {
    "\u00a8": "\u0308",  # ¨ → ä ö
    "\u02da": "\u030a",  # ˚ → å
    "\u00b0": "\u030a",
    "\u00b4": "\u0301",  # ´ → é
    "`": "\u0300",
    "\u02c6": "\u0302",
    "\u02dc": "\u0303",
}

#: PDFium's markers for a hyphen it found at a line end.
LINE_HYPHENS = ("\ufffe", "\x02")

#: Characters that separate words and are never kept as glyphs.
SPACES = frozenset(" \t\u00a0\u2002\u2003\u2009\u202f")


@dataclass(slots=True)
class Glyph:
    """A run of characters set side by side without a gap (a word or part of one), and its box.

    Most of a page's characters are merged into runs as they are read, so the
    line and word rules below handle a few hundred runs instead of thousands of
    characters. ``joins`` counts the gap-free joins inside the run (they are
    letter gaps of about zero when a line's letter spacing is measured), and
    ``last_left`` is the left edge of its last character.
    """

    text: str
    left: float
    right: float
    bottom: float
    top: float
    space_after: bool = False
    joins: int = 0
    last_left: float = 0.0
    height: float = 1.0
    middle: float = 0.0

    def __post_init__(self) -> None:
        self.height = max(1.0, self.top - self.bottom)
        self.middle = (self.top + self.bottom) / 2
        self.last_left = self.left


def _char_text(code: int) -> str | None:
    """The text of one PDFium character; None for spaces, line breaks and controls."""
    char = chr(code)
    if char in LINE_HYPHENS:
        return "-"
    if char in SPACES or char in "\r\n" or (code < 32 and char != "\t"):
        return None
    if "\ufb00" <= char <= "\ufb06":  # ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ: one glyph, letters once
        return unicodedata.normalize("NFKC", char)
    return char


def _upright(angle: float) -> bool:
    """Whether PDFium's character angle (radians, 0 to 2π; -1 when unknown) is level."""
    return angle < 0 or min(angle, 2 * math.pi - angle) < 0.01


def _same_box(glyph: Glyph, rect) -> bool:
    """Whether PDFium gave the next character exactly the previous one's box."""
    return abs(glyph.last_left - rect.left) < 0.01 and abs(glyph.right - rect.right) < 0.01 \
        and abs(glyph.bottom - rect.bottom) < 0.01


def _continues(glyph: Glyph, text: str, rect) -> bool:
    """Whether a character follows the run on the same line with no gap, so it joins the run.

    Accents never join: they are placed over a letter, and ``attach_accents``
    needs them on their own.
    """
    if glyph.space_after or text in ACCENTS or glyph.text[-1] in ACCENTS:
        return False
    if abs(glyph.bottom - rect.bottom) > 0.1 or abs(glyph.top - rect.top) > 0.25 * glyph.height:
        return False  # another line, or another size (a superscript, a note mark)
    gap = rect.left - glyph.right
    return -0.5 < gap < RUN_GAP * glyph.height


def read_glyphs(textpage) -> list[Glyph]:
    """The page's upright characters in stream order, merged into gap-free runs, with loose boxes.

    Real spaces in the stream mark the run before them; PDFium's generated
    spaces are ignored (they split letter-spaced words). A character drawn twice
    at the same place, as fake bold is, is kept once. Rotated text (margin
    stamps) is left out: it has no place in the reading order of the lines.
    """
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    glyphs: list[Glyph] = []
    seen: set[tuple[str, int, int]] = set()
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        text = _char_text(code)
        if text is None:
            if chr(code) in SPACES and glyphs and not pdfium_c.FPDFText_IsGenerated(raw, index):
                glyphs[-1].space_after = True
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect):
            continue
        last = glyphs[-1] if glyphs else None
        if last is not None and _same_box(last, rect):
            last.text += text  # one ligature glyph mapped to several letters ("ff")
            continue
        key = (text, round(rect.left), round(rect.bottom))
        if key in seen:
            continue
        seen.add(key)
        if last is not None and _continues(last, text, rect):
            last.text += text
            last.right, last.last_left = rect.right, rect.left
            last.joins += 1
        elif _upright(pdfium_c.FPDFText_GetCharAngle(raw, index)):
            # a character that continues an upright run is upright: only run starts are checked
            glyphs.append(Glyph(text, rect.left, rect.right, rect.bottom, rect.top))
    return glyphs


def group_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs sharing a horizontal band, lines ordered top to bottom, glyphs left to right."""
    lines: list[list[Glyph]] = []
    anchors: list[Glyph] = []
    for glyph in sorted(glyphs, key=lambda g: -g.middle):
        anchor = anchors[-1] if anchors else None
        if anchor and abs(anchor.middle - glyph.middle) < 0.5 * min(anchor.height, glyph.height):
            lines[-1].append(glyph)
            if glyph.height > anchor.height:
                anchors[-1] = glyph  # the body text, not a small accent, defines the band
        else:
            lines.append([glyph])
            anchors.append(glyph)
    return [attach_accents(sorted(line, key=lambda g: g.left)) for line in lines]


def attach_accents(line: list[Glyph]) -> list[Glyph]:
    """Fold a separately drawn accent into the letter under it ("a" + "¨" → "ä")."""
    out: list[Glyph] = []
    for glyph in line:
        mark = ACCENTS.get(glyph.text)
        base = _accent_base(out, glyph) if mark else None
        if base is None or mark is None:
            out.append(glyph)
            continue
        base.text = unicodedata.normalize("NFC", base.text + mark)
        base.space_after = base.space_after or glyph.space_after
    return out


def _accent_base(placed: list[Glyph], accent: Glyph) -> Glyph | None:
    """The letter an accent sits on: the previous glyph, when the accent's centre is over it."""
    if not placed or not placed[-1].text[-1:].isalpha():
        return None
    centre = (accent.left + accent.right) / 2
    base = placed[-1]
    return base if base.left - 0.5 <= centre <= base.right + 0.5 else None


def _tracking(line: list[Glyph]) -> float:
    """The line's own letter spacing: the median gap between neighbouring characters.

    The joins inside runs count as gaps of zero (they are below :data:`RUN_GAP`).
    """
    gaps = sorted(b.left - a.right for a, b in zip(line, line[1:]) if not a.space_after)
    joins = sum(g.joins for g in line)
    count = len(gaps) + joins
    if not count:
        return 0.0
    middle = count // 2
    if middle < joins:
        return 0.0
    return max(0.0, gaps[middle - joins])


def _is_space(prev: Glyph, glyph: Glyph, tracking: float) -> bool:
    gap = glyph.left - prev.right
    return prev.space_after or gap - tracking > WORD_GAP * min(prev.height, glyph.height)


@dataclass
class Layout:
    """What one page's lines share: their letter spacing, word gap and table column edges."""

    trackings: list[float]
    word_gap: float
    edges: set[int]


def word_gaps(lines: list[list[Glyph]], trackings: list[float]) -> list[tuple[Glyph, Glyph, float]]:
    """Every gap between two words on the page: ``(glyph before, glyph after, width)``."""
    return [
        (prev, glyph, glyph.left - prev.right)
        for line, tracking in zip(lines, trackings)
        for prev, glyph in zip(line, line[1:])
        if _is_space(prev, glyph, tracking)
    ]


def page_layout(lines: list[list[Glyph]]) -> Layout:
    """Measure the page: the usual word gap, and left edges where wide gaps line up.

    A table cell starts after a gap clearly wider than the page's word spaces
    (:data:`CELL_GAP` times their median); when such starts share a left edge
    on :data:`EDGE_VOTES` lines it is a column. Prose that repeats a phrase
    ("Medlemmarna beslutade") lines up too, but at ordinary word spacing.
    """
    trackings = [_tracking(line) for line in lines]
    gaps = word_gaps(lines, trackings)
    word_gap = statistics.median(width for _, _, width in gaps) if gaps else 0.0
    margin = min((line[0].left for line in lines if line), default=0)
    counts: dict[int, int] = {}
    for _, glyph, width in gaps:
        if width > CELL_GAP * word_gap and glyph.left - margin > MARGIN_INDENT:
            counts[round(glyph.left)] = counts.get(round(glyph.left), 0) + 1
    return Layout(trackings, word_gap, {edge for edge, n in counts.items() if n >= EDGE_VOTES})


def _is_column_break(prev: Glyph, glyph: Glyph, layout: Layout) -> bool:
    gap = glyph.left - prev.right
    if gap > COLUMN_GAP * max(prev.height, glyph.height):
        return True
    return gap > CELL_GAP * layout.word_gap and any(abs(glyph.left - e) <= 1 for e in layout.edges)


def line_text(line: list[Glyph], layout: Layout, tracking: float) -> str:
    """One printed line: words joined by a space, cells by a tab.

    A heading number set apart from its title by more than a word space
    ("3.1⇥Val av ordförande", as LaTeX and Word outlines print them) is
    followed by a tab too, so every heading of a document has the same shape.
    """
    parts = [line[0].text]
    for prev, glyph in zip(line, line[1:]):
        if _is_column_break(prev, glyph, layout) or _ends_heading_number(parts, prev, glyph, layout):
            parts.append("\t")
        elif _is_space(prev, glyph, tracking):
            parts.append(" ")
        parts.append(glyph.text)
    return "".join(parts).strip()


def _ends_heading_number(parts: list[str], prev: Glyph, glyph: Glyph, layout: Layout) -> bool:
    """Whether the gap after the line's first word, a heading number, is wider than a word space."""
    if "\t" in parts or " " in parts:
        return False
    wide = glyph.left - prev.right > CELL_GAP * layout.word_gap > 0
    return wide and bool(HEADING_NUMBER_RE.match("".join(parts)))


def bullet_levels(lines: list[list[Glyph]]) -> list[int]:
    """How deep each line's bullet is nested (0 for the outermost, and for lines without one).

    A nested list is printed further right; the text layer keeps no indent, so
    the bullets' left edges, grouped within :data:`LEVEL_TOLERANCE`, give the
    levels, and each level is written as two spaces as in a text file.
    """
    edges = [line[0].left if line and line[0].text[:1] in BULLETS else None for line in lines]
    levels: list[float] = []
    for edge in sorted({round(e, 1) for e in edges if e is not None}):
        if not levels or edge - levels[-1] > LEVEL_TOLERANCE:
            levels.append(edge)
    return [
        0 if left is None else max(k for k, level in enumerate(levels) if level <= left + LEVEL_TOLERANCE)
        for left in edges
    ]


def page_lines(textpage) -> list[str]:
    """The page's printed lines top to bottom, cells of a table separated by tabs, a nested
    bullet indented by two spaces a level."""
    lines = group_lines(read_glyphs(textpage))
    layout = page_layout(lines)
    levels = bullet_levels(lines)
    texts = (
        "  " * level + line_text(line, layout, t) for line, t, level in zip(lines, layout.trackings, levels)
    )
    return [text for text in texts if text.strip()]


def page_text(textpage) -> str:
    """The page as text, one printed line per line."""
    return "\n".join(page_lines(textpage))
