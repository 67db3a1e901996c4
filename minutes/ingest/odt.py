"""OpenDocument text (.odt) reader: ``content.xml`` read with the standard library.

An .odt is a zip whose ``content.xml`` holds headings, paragraphs, lists and
tables in document order. Like the .docx reader, automatic list numbers are
rendered in front of their paragraph ("1.", "a)") because the extractor finds
items by them, and a table row becomes one line of tab-separated cells.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable

from minutes.errors import EmptyDocument, IngestError
from minutes.ingest.cleanup import clean_text
from minutes.models import SourceDocument

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
}


def _tag(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


P, H, SPAN, A = _tag("text", "p"), _tag("text", "h"), _tag("text", "span"), _tag("text", "a")
S, TAB, BREAK = _tag("text", "s"), _tag("text", "tab"), _tag("text", "line-break")
LIST, ITEM, HEADER = _tag("text", "list"), _tag("text", "list-item"), _tag("text", "list-header")
TABLE, ROW, CELL = _tag("table", "table"), _tag("table", "table-row"), _tag("table", "table-cell")
#: Elements whose text is not part of the body: notes' citations, change tracking, the TOC's source.
SKIPPED = {_tag("text", "note-citation"), _tag("text", "tracked-changes"), _tag("office", "annotation")}


def is_odt(data: bytes) -> bool:
    """Whether a zip is an OpenDocument text: its first entry is the ``mimetype`` file saying so."""
    return data.startswith(b"PK\x03\x04") and ODT_MIMETYPE in data[:100]


def inline_text(element: ET.Element) -> str:
    """The text of a paragraph with its spans, spaces (``text:s``), tabs and line breaks."""
    parts = [element.text or ""]
    for child in element:
        if child.tag in SKIPPED:
            pass
        elif child.tag == S:
            parts.append(" " * int(child.get(_tag("text", "c"), "1")))
        elif child.tag == TAB:
            parts.append("\t")
        elif child.tag == BREAK:
            parts.append("\n")
        else:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


class NumberedLists:
    """Which list styles number their items, and how ("1.", "a)"), read from the styles."""

    FORMATS: dict[str, Callable[[int], str]] = {
        "1": str,
        "a": lambda n: chr(ord("a") + (n - 1) % 26),
        "A": lambda n: chr(ord("A") + (n - 1) % 26),
    }

    def __init__(self, roots: list[ET.Element]):
        self.levels: dict[tuple[str, int], tuple[str, str, str]] = {}
        for root in roots:
            for style in root.iter(_tag("text", "list-style")):
                name = style.get(_tag("style", "name"), "")
                for level in style.iter(_tag("text", "list-level-style-number")):
                    depth = int(level.get(_tag("text", "level"), "1"))
                    self.levels[(name, depth)] = (
                        level.get(_tag("style", "num-format"), "1"),
                        level.get(_tag("style", "num-prefix"), ""),
                        level.get(_tag("style", "num-suffix"), ""),
                    )

    def label(self, style: str, depth: int, n: int) -> str:
        """The label of the ``n``-th item at ``depth`` of a list in ``style``, or ""."""
        fmt, prefix, suffix = self.levels.get((style, depth), ("", "", ""))
        render = self.FORMATS.get(fmt)
        return f"{prefix}{render(n)}{suffix} " if render else ""


class Body:
    """Walks ``office:text`` in document order, collecting one line per paragraph or table row."""

    def __init__(self, numbering: NumberedLists):
        self.numbering = numbering
        self.lines: list[str] = []

    def block(self, element: ET.Element, *, list_style: str = "", depth: int = 0) -> None:
        if element.tag in (P, H):
            self.lines.append(inline_text(element))
        elif element.tag == LIST:
            self.list(element, element.get(_tag("text", "style-name"), list_style), depth + 1)
        elif element.tag == TABLE:
            self.table(element)
        elif element.tag not in SKIPPED:
            for child in element:
                self.block(child, list_style=list_style, depth=depth)

    def list(self, element: ET.Element, style: str, depth: int) -> None:
        n = 0
        for item in element:
            if item.tag not in (ITEM, HEADER):
                continue
            n += 1
            label = self.numbering.label(style, depth, n) if item.tag == ITEM else ""
            start = len(self.lines)
            for child in item:
                self.block(child, list_style=style, depth=depth)
            if label and len(self.lines) > start:
                self.lines[start] = label + self.lines[start]

    def table(self, element: ET.Element) -> None:
        for row in element.iter(ROW):
            cells = [" ".join(inline_text(p).strip() for p in cell.iter(P) if inline_text(p).strip())
                     for cell in row.iter(CELL)]
            if any(cells):
                self.lines.append("\t".join(cells).rstrip("\t"))


def odt_lines(data: bytes) -> list[str]:
    """The body of an .odt as lines: paragraphs, list items with their numbers, table rows."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            content = ET.fromstring(package.read("content.xml"))
            styles = ET.fromstring(package.read("styles.xml")) if "styles.xml" in package.namelist() else None
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as error:
        raise IngestError(f"corrupt OpenDocument text (.odt): cannot be opened ({error})") from error
    body = Body(NumberedLists([r for r in (content, styles) if r is not None]))
    for text in content.iter(_tag("office", "text")):
        body.block(text)
    return body.lines


def read_odt(data: bytes, *, name: str) -> SourceDocument:
    """Read an OpenDocument text (.odt) into a one-page :class:`SourceDocument`."""
    text = clean_text("\n".join(odt_lines(data)))
    if not text.strip():
        raise EmptyDocument("empty OpenDocument text (.odt): it holds no text")
    return SourceDocument(name=name, text=text, format="odt")
