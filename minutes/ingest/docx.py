"""Word (.docx) reader: body paragraphs and tables in document order.

Minutes written in Word often number their items with automatic list
numbering, which is not part of a paragraph's text. The extractor finds items
by their "1." / "a)" at the start of a line, so the reader renders those
numbers back in front of the paragraph, as Word shows them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from minutes.errors import EmptyDocument, IngestError
from minutes.ingest.cleanup import clean_text
from minutes.models import SourceDocument


def open_docx(data: bytes) -> Document:
    """Open a .docx, reporting a broken package as such rather than as a KeyError."""
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise IngestError(f"corrupt Word document: cannot be opened ({error})") from error


def table_lines(table: Table) -> list[str]:
    """One line per table row, cells joined by a tab; merged cells counted once."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            lines.append("\t".join(cells).rstrip("\t"))
    return lines


def body_lines(document: Document) -> list[str]:
    """The body's paragraphs and table rows in order, list numbers restored."""
    numbering = ListNumbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(numbering.label(block) + block.text)
        elif isinstance(block, Table):
            lines.extend(table_lines(block))
    return lines


# --- automatic list numbering -------------------------------------------------


def _to_letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa, as Word's lowerLetter format counts."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _to_roman(n: int) -> str:
    values = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
              (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for value, digits in values:
        count, n = divmod(n, value)
        out += digits * count
    return out


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _to_letters,
    "upperLetter": lambda n: _to_letters(n).upper(),
    "lowerRoman": _to_roman,
    "upperRoman": lambda n: _to_roman(n).upper(),
}


def _val(element, tag: str, default: str = "") -> str:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


class ListNumbering:
    """Renders Word's automatic list labels ("1.", "a)", "2.1") paragraph by paragraph.

    Counters run per list (``numId``) and level; starting a level resets the
    deeper ones, as Word does. Paragraphs must be fed in document order.
    """

    def __init__(self, document: Document):
        self.levels: dict[str, dict[str, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = document.styles
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            definition = abstract.get(_val(num, "w:abstractNumId"))
            if definition is not None:
                self.levels[num.get(qn("w:numId"))] = self._read_levels(definition, num)

    @staticmethod
    def _read_levels(definition, num) -> dict[str, tuple[str, str, int]]:
        """``ilvl → (format, label template, start)``, with the list's start overrides."""
        levels: dict[str, tuple[str, str, int]] = {}
        for lvl in definition.findall(qn("w:lvl")):
            start = int(_val(lvl, "w:start", "1") or 1)
            levels[lvl.get(qn("w:ilvl"))] = (_val(lvl, "w:numFmt", "decimal"), _val(lvl, "w:lvlText"), start)
        for override in num.findall(qn("w:lvlOverride")):
            ilvl, first = override.get(qn("w:ilvl")), _val(override, "w:startOverride")
            if ilvl in levels and first:
                fmt, text, _ = levels[ilvl]
                levels[ilvl] = (fmt, text, int(first))
        return levels

    def _num_pr(self, paragraph: Paragraph) -> tuple[str, str] | None:
        """``(numId, ilvl)`` from the paragraph, else from its style chain."""
        sources = [paragraph._p.pPr]
        style = paragraph.style
        while style is not None:
            sources.append(style.element.pPr)
            style = style.base_style
        for pPr in sources:
            num_pr = pPr.find(qn("w:numPr")) if pPr is not None else None
            if num_pr is not None and _val(num_pr, "w:numId"):
                return _val(num_pr, "w:numId"), _val(num_pr, "w:ilvl", "0") or "0"
        return None

    def label(self, paragraph: Paragraph) -> str:
        """The label Word shows before this paragraph, with a trailing space, or ""."""
        num_pr = self._num_pr(paragraph)
        if num_pr is None or num_pr[0] not in self.levels:
            return ""
        num_id, ilvl = num_pr
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        fmt, template, start = levels[ilvl]
        counters = self.counters.setdefault(num_id, {})
        depth = int(ilvl)
        counters[depth] = counters.get(depth, start - 1) + 1
        for deeper in [d for d in counters if d > depth]:
            del counters[deeper]
        if fmt == "bullet":
            return "• "
        if fmt == "none" or not template:
            return ""
        return self._render(template, levels, counters) + " "

    @staticmethod
    def _render(template: str, levels, counters: dict[int, int]) -> str:
        """Fill "%1.%2." with the current counters in each level's own format."""
        for depth in range(9):
            fmt, _, start = levels.get(str(depth), ("decimal", "", 1))
            value = counters.get(depth, start)
            template = template.replace(f"%{depth + 1}", _FORMATS.get(fmt, str)(value))
        return template


def read_docx(data: bytes, *, name: str) -> SourceDocument:
    """Read a .docx file's bytes into a one-page :class:`SourceDocument`."""
    text = clean_text("\n".join(body_lines(open_docx(data))))
    if not text.strip():
        raise EmptyDocument("empty Word document: it holds no text")
    return SourceDocument(name=name, text=text, format="docx")
