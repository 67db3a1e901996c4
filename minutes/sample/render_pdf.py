"""Lay out any minutes text as a realistic A4 PDF with reportlab.

The layout mimics what office software prints: a running header with the body
and date, a page footer, long lines reflowed with word wrapping, short lines kept
as lines, bullets drawn as a glyph from a symbol font, tab-separated lines drawn
as a table, and page breaks wherever the page is full (even mid-paragraph). It
accepts arbitrary text so the real seed minutes can be rendered too.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from minutes.extras import optional_import

from .model import Meeting

_WHY = "writing sample PDFs"
A4 = optional_import("reportlab.lib.pagesizes", extra="sample", purpose=_WHY).A4
pdfmetrics = optional_import("reportlab.pdfbase.pdfmetrics", extra="sample", purpose=_WHY)
TTFont = optional_import("reportlab.pdfbase.ttfonts", extra="sample", purpose=_WHY).TTFont
Canvas = optional_import("reportlab.pdfgen.canvas", extra="sample", purpose=_WHY).Canvas

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT, MARGIN_RIGHT = 70.0, 60.0
MARGIN_TOP, MARGIN_BOTTOM = 80.0, 70.0
BULLET_CHARS = ("•", "-", "–", "\uf0b7", "\u25cf", "\u25aa")
BULLET_GLYPHS = {"zapf": ("ZapfDingbats", "l"), "symbol": ("Symbol", "\u2022")}


def body_font() -> str:
    """A font with Swedish glyphs: reportlab's bundled Vera if present, else Helvetica."""
    name = "SampleVera"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        pdfmetrics.registerFont(TTFont(name, "Vera.ttf"))
        pdfmetrics.registerFont(TTFont(name + "-Bold", "VeraBd.ttf"))
        return name
    except Exception:  # reportlab without its bundled fonts: Latin-1 Helvetica still has åäö
        return "Helvetica"


@dataclass(slots=True)
class Op:
    """One thing to draw on a page: text at (x, y), a bullet glyph, or a table rule."""

    kind: str  # text | bullet | rule
    x: float
    y: float
    text: str = ""
    bold: bool = False


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width; over-long words are cut by characters."""
    words, lines, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if pdfmetrics.stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while pdfmetrics.stringWidth(word, font, size) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and pdfmetrics.stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


class Layout:
    """Places lines top to bottom, opening a new page whenever the current one is full."""

    def __init__(self, font: str, size: float):
        self.font, self.size = font, size
        self.leading = size * 1.35
        self.pages: list[list[Op]] = [[]]
        self.y = PAGE_HEIGHT - MARGIN_TOP

    def advance(self, amount: float) -> None:
        """Move down; break the page when the bottom margin is reached."""
        self.y -= amount
        if self.y < MARGIN_BOTTOM:
            self.pages.append([])
            self.y = PAGE_HEIGHT - MARGIN_TOP - self.leading + amount

    def line(self, text: str, x: float, *, bold: bool = False) -> None:
        """One printed line at the current position."""
        self.advance(self.leading)
        self.pages[-1].append(Op("text", x, self.y, text, bold))

    def paragraph(self, text: str, x: float, width: float, *, bold: bool = False) -> None:
        """Reflow a long line within the column width."""
        font = self.font + "-Bold" if bold and self.font != "Helvetica" else self.font
        for piece in wrap(text, font, self.size, width):
            self.line(piece, x, bold=bold)

    def bullet(self, text: str, x: float, width: float) -> None:
        """A bullet glyph with a hanging indent for the wrapped text."""
        pieces = wrap(text, self.font, self.size, width - 16)
        self.line(pieces[0], x + 16)
        self.pages[-1].append(Op("bullet", x + 4, self.y))
        for piece in pieces[1:]:
            self.line(piece, x + 16)

    def table_row(self, cells: list[str], x: float, width: float, rules: bool) -> None:
        """Tab-separated cells drawn as columns of a table (cells may wrap)."""
        col = width / max(1, len(cells))
        wrapped = [wrap(c, self.font, self.size, col - 6) if c.strip() else [""] for c in cells]
        if rules:
            self.pages[-1].append(Op("rule", x, self.y - self.leading * 0.3, str(width)))
        for row in range(max(len(w) for w in wrapped)):
            self.advance(self.leading)
            for i, pieces in enumerate(wrapped):
                if row < len(pieces) and pieces[row]:
                    self.pages[-1].append(Op("text", x + i * col, self.y, pieces[row]))


def is_bullet(line: str) -> bool:
    """Lines starting with a bullet character and a space (not '-1' or '–' dashes in text)."""
    return len(line) > 2 and line[0] in BULLET_CHARS and line[1] in " \t"


def is_heading(line: str) -> bool:
    """Short numbered titles ('4. Xxx', '§ 12', '12 § Xxx') are printed in bold."""
    head = line.split(" ", 1)[0]
    return len(line) < 90 and (head == "§" or head.rstrip(".)").isdigit() or line.startswith("§"))


def layout_text(text: str, font: str, size: float, *, table_rules: bool) -> Layout:
    """Turn text into pages of drawing operations."""
    layout = Layout(font, size)
    width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    blank = False
    for raw in text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            if not blank:
                layout.advance(layout.leading * 0.6)
            blank = True
            continue
        blank = False
        indent = min(len(line) - len(line.lstrip(" ")), 8) * 3.0
        stripped = line.strip(" ")
        if "\t" in stripped:
            cells = [c.strip() for c in stripped.split("\t")]
            cells = [c for i, c in enumerate(cells) if c or (i and cells[i - 1])]
            layout.table_row(cells, MARGIN_LEFT + indent, width - indent, table_rules)
        elif is_bullet(stripped):
            layout.bullet(stripped[2:].strip(), MARGIN_LEFT + indent, width - indent)
        else:
            layout.paragraph(stripped, MARGIN_LEFT + indent, width - indent, bold=is_heading(stripped))
    return layout


def draw(layout: Layout, path: Path, header: str | None, footer: str, bullets: str) -> None:
    """Draw the laid-out pages with running header and footer (invariant = reproducible bytes)."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setTitle(header or Path(path).stem)
    total = len(layout.pages)
    font, size = layout.font, layout.size
    bold = font + "-Bold" if font != "Helvetica" else "Helvetica-Bold"
    for number, ops in enumerate(layout.pages, 1):
        if header:
            canvas.setFont(font, 8.5)
            canvas.drawString(MARGIN_LEFT, PAGE_HEIGHT - 45, header)
            canvas.line(MARGIN_LEFT, PAGE_HEIGHT - 50, PAGE_WIDTH - MARGIN_RIGHT, PAGE_HEIGHT - 50)
        if footer:
            canvas.setFont(font, 8.5)
            canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, 40, footer.format(page=number, pages=total))
        for op in ops:
            if op.kind == "text":
                canvas.setFont(bold if op.bold else font, size)
                canvas.drawString(op.x, op.y, op.text)
            elif op.kind == "bullet":
                glyph_font, glyph = BULLET_GLYPHS.get(bullets, (font, "•"))
                canvas.setFont(glyph_font, size * (0.6 if bullets == "zapf" else 1.0))
                canvas.drawString(op.x, op.y + (1.5 if bullets == "zapf" else 0), glyph)
            else:
                canvas.setLineWidth(0.3)
                canvas.line(op.x, op.y, op.x + float(op.text), op.y)
        canvas.showPage()
    canvas.save()


def render_pdf_from_text(
    text: str,
    path,
    *,
    header: str | None = None,
    footer: str = "Sida {page}",
    bullets: str = "text",
    font_size: float = 10.5,
    table_rules: bool = False,
) -> None:
    """Render any minutes text as an A4 PDF.

    footer may use {page} and {pages} ("Sida {page}", "{page} ({pages})"); bullets is
    "text" (a • from the body font), "zapf" (ZapfDingbats ●) or "symbol" (Symbol •),
    because real minutes use all three and extractors see different characters.
    """
    font = body_font()
    layout = layout_text(text, font, font_size, table_rules=table_rules)
    draw(layout, Path(path), header, footer, bullets)


def render_meeting_pdf(meeting: Meeting, text: str, path) -> None:
    """A generated meeting as PDF, with header/footer/bullet habits chosen per body."""
    rng = random.Random(f"pdf-style:{meeting.body.slug}:{meeting.day.year // 4}")
    header = f"{meeting.body.full}   {meeting.day.isoformat()}"
    render_pdf_from_text(
        text,
        path,
        header=header,
        footer=rng.choice(("Sida {page}", "{page} ({pages})", "Sida {page} av {pages}")),
        bullets=rng.choice(("text", "zapf", "symbol")),
        font_size=rng.choice((10.0, 10.5, 11.0)),
        table_rules=meeting.style.attendees in ("grouped", "political"),
    )
