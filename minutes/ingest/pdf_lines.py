"""Rebuild a PDF page's lines from pdfium's text rectangles, keeping column gaps as tabs.

PDFium's plain text follows the content stream: a two-column attendee table
can come out as one run of words where the column break is lost. Its text
rectangles keep each column's segment apart, so lines are rebuilt top to
bottom, left to right, with a tab wherever a wide gap separates two segments
(the same shape a table has in a text export).
"""

from __future__ import annotations

from dataclasses import dataclass

#: A gap wider than this many line heights between two segments is a column break.
COLUMN_GAP = 1.5


@dataclass
class Segment:
    """One text rectangle: a run of characters on one line."""

    left: float
    bottom: float
    right: float
    top: float
    text: str

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return max(1.0, self.top - self.bottom)


def boxes(textpage) -> list[Segment]:
    """The page's text rectangles, without their text (cheap)."""
    return [Segment(*_rect(textpage, i), "") for i in range(textpage.count_rects())]


def _rect(textpage, index: int) -> tuple[float, float, float, float]:
    """One text rectangle's (left, bottom, right, top)."""
    left, bottom, right, top = textpage.get_rect(index)
    return left, bottom, right, top


def group_lines(items: list[Segment]) -> list[list[Segment]]:
    """Segments sharing a baseline band, lines ordered top to bottom."""
    lines: list[list[Segment]] = []
    for seg in sorted(items, key=lambda s: -s.middle):
        line = lines[-1] if lines else None
        if line and abs(line[0].middle - seg.middle) < 0.5 * min(line[0].height, seg.height):
            line.append(seg)
        else:
            lines.append([seg])
    return [sorted(line, key=lambda s: s.left) for line in lines]


def column_edges(lines: list[list[Segment]]) -> set[int]:
    """Left edges where at least three later-in-line segments start: a table's columns.

    Edges close to the left margin are text after a bullet or a list number,
    not a column.
    """
    margin = min((line[0].left for line in lines), default=0)
    counts: dict[int, int] = {}
    for line in lines:
        for prev, seg in zip(line, line[1:]):
            if seg.left - prev.right > 2 and seg.left - margin > 40:
                counts[round(seg.left)] = counts.get(round(seg.left), 0) + 1
    return {edge for edge, n in counts.items() if n >= 3}


def _is_break(prev: Segment, seg: Segment, edges: set[int]) -> bool:
    gap = seg.left - prev.right
    if gap > COLUMN_GAP * max(prev.height, seg.height):
        return True
    return gap > 2 and any(abs(seg.left - edge) <= 1 for edge in edges)


def line_text(line: list[Segment], edges: set[int]) -> str:
    """One printed line: segments joined by a space, or a tab across a column break."""
    out = ""
    for prev, seg in zip([None, *line], line):
        text = seg.text.replace("\r", "").replace("\n", " ")
        if prev is None:
            out = text
        elif _is_break(prev, seg, edges):
            out = out.rstrip() + "\t" + text.lstrip()
        elif out.endswith((" ", "-", "\ufffe", "\x02")) or text.startswith(" "):
            out += text
        else:
            out += " " + text
    out = out.rstrip()
    # PDFium marks a hyphen at a line end as U+FFFE: keep it a visible hyphen.
    return out[:-1] + "-" if out.endswith(("\ufffe", "\x02")) else out


def page_text(textpage) -> str | None:
    """The page rebuilt from rectangles when it has column breaks; None when plain text will do."""
    lines = group_lines(boxes(textpage))
    edges = column_edges(lines)
    if not any(_is_break(p, s, edges) for line in lines for p, s in zip(line, line[1:])):
        return None
    for line in lines:
        for seg in line:
            seg.text = textpage.get_text_bounded(seg.left, seg.bottom, seg.right, seg.top)
    return "\n".join(line_text(line, edges) for line in lines if any(s.text.strip() for s in line))
