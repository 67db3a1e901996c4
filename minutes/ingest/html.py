"""Saved web pages (.html, .htm): the text as the page shows it, one block a line.

Minutes are often published as web pages, and archives keep them saved from
the browser. Headings, paragraphs and list items become lines (ordered list
items with their number, since the extractor finds items by "1."), a table
row becomes a line of tab-separated cells, ``<br>`` breaks a line; scripts,
styles and the page head are left out. BeautifulSoup with Python's own parser
reads the bytes, honouring the page's declared character set.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

from minutes.errors import EmptyDocument
from minutes.ingest.cleanup import clean_text
from minutes.models import SourceDocument

#: Elements that start and end a line of their own.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
})
#: Elements whose content is never shown as text.
HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object"})

_SPACES_RE = re.compile(r"[ \t\r\n\u00a0]+")


def looks_like_html(data: bytes) -> bool:
    """Whether a file's first bytes are an HTML document (saved pages often lack the suffix)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


class Lines:
    """Accumulates text into lines; blocks and ``<br>`` close the current one."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []

    def add(self, text: str) -> None:
        self.current.append(text)

    def close(self) -> None:
        line = _SPACES_RE.sub(" ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []


def _text_of(element: Tag) -> str:
    """An element's visible text on one line (for table cells)."""
    out = Lines()
    _walk(element, out)
    out.close()
    return " ".join(out.lines)


def _row(row: Tag) -> str:
    cells = [_text_of(cell) for cell in row.find_all(["td", "th"], recursive=False)]
    return "\t".join(cells).rstrip("\t")


def _table(table: Tag, out: Lines) -> None:
    out.close()
    for row in table.find_all("tr"):
        if row.find_parent("table") is table:
            text = _row(row)
            if text.strip():
                out.lines.append(text)


def _list(element: Tag, out: Lines) -> None:
    out.close()
    start = int(str(element.get("start", "1"))) if str(element.get("start", "1")).isdigit() else 1
    number = start
    for item in element.find_all("li", recursive=False):
        out.add(f"{number}. " if element.name == "ol" else "• ")
        _walk(item, out)
        out.close()
        number += 1


def _walk(node: Tag, out: Lines) -> None:
    for child in node.children:
        if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            out.add(str(child))
            continue
        if not isinstance(child, Tag) or child.name in HIDDEN:
            continue
        if child.name == "br":
            out.close()
        elif child.name == "table":
            _table(child, out)
        elif child.name in ("ol", "ul"):
            _list(child, out)
        elif child.name in BLOCKS:
            out.close()
            _walk(child, out)
            out.close()
        else:
            _walk(child, out)


def html_lines(data: bytes) -> list[str]:
    """A saved web page's visible text, one heading, paragraph, list item or table row a line."""
    soup = BeautifulSoup(data, "html.parser")
    out = Lines()
    _walk(soup.body or soup, out)
    out.close()
    return out.lines


def read_html(data: bytes, *, name: str) -> SourceDocument:
    """Read a saved web page into a one-page :class:`SourceDocument`."""
    text = clean_text("\n".join(html_lines(data)))
    if not text.strip():
        raise EmptyDocument("empty web page: it shows no text")
    return SourceDocument(name=name, text=text, format="html")
