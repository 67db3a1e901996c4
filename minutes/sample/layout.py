"""Documents as lines with roles, rendered as plain text, markdown or a flattened web copy.

The new families write their minutes once, as lines that know what they are (a title,
an item heading, a section label, a bullet, a table row). The same lines then become
plain text as office software saves it, markdown as a wiki or a git repository keeps it,
or the flattened text a web transcript gives (every line of a page joined into one),
so a layout choice can never change what the truth says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MEDIA = ("plain", "markdown", "flat")
#: Lines per page of a flattened web copy when the writer set no page breaks itself.
FLAT_PAGE_LINES = 40


@dataclass(slots=True)
class Line:
    """One line of a document: its role and its text (cells for table rows)."""

    role: str  # title | heading | label | text | bullet | row | blank | page
    text: str = ""
    cells: tuple[str, ...] = ()
    header: bool = False
    second: str | None = None  # a heading's title on the line after its number ('§ 12' / 'Taxa')
    aside: str | None = None  # printed after a tab on a heading's last line ('Dnr KS 2023/12')


@dataclass(slots=True)
class Doc:
    """An ordered list of lines; writers append, renderers read."""

    bullet: str = "•"
    separator: str = "\t"
    lines: list[Line] = field(default_factory=list)

    def title(self, text: str) -> None:
        """The document title ('# ' in markdown)."""
        self.lines.append(Line("title", text))

    def heading(self, text: str, second: str | None = None, aside: str | None = None) -> None:
        """An item heading ('## ' in markdown); `second` goes on the next line in plain text,
        `aside` after a tab on the last line (markdown puts it on a line of its own)."""
        self.lines.append(Line("heading", text, second=second, aside=aside))

    def label(self, text: str) -> None:
        """A section label inside an item, such as 'Beslut' ('**Beslut**' in markdown)."""
        self.lines.append(Line("label", text))

    def text(self, text: str) -> None:
        """A line of running text."""
        self.lines.append(Line("text", text))

    def bullets(self, texts) -> None:
        """Bulleted lines ('- ' in markdown)."""
        self.lines.extend(Line("bullet", t) for t in texts)

    def row(self, *cells: str, header: bool = False) -> None:
        """A table row; markdown draws a separator under a header row."""
        self.lines.append(Line("row", cells=tuple(cells), header=header))

    def blank(self) -> None:
        """An empty line."""
        self.lines.append(Line("blank"))

    def page(self) -> None:
        """A page break: where a flattened copy starts a new long line."""
        self.lines.append(Line("page"))


def render(doc: Doc, medium: str = "plain") -> str:
    """The document as text in one of MEDIA, with '\\n' line ends."""
    if medium == "markdown":
        lines = _markdown(doc)
    elif medium == "flat":
        lines = _flat(doc)
    else:
        lines = [text for text in _plain(doc) if text is not None]
    return "\n".join(lines).rstrip("\n") + "\n"


def _plain(doc: Doc) -> list[str | None]:
    """Plain lines; None marks a page break (kept for the flattened copy)."""
    out: list[str | None] = []
    for line in doc.lines:
        if line.role == "page":
            out.append(None)
        elif line.role == "bullet":
            out.append(f"{doc.bullet} {line.text}")
        elif line.role == "row":
            out.append(doc.separator.join(line.cells).rstrip())
        elif line.role == "heading":
            texts = [line.text] + ([line.second] if line.second else [])
            if line.aside:
                texts[-1] += f"\t{line.aside}"
            out.extend(texts)
        else:
            out.append(line.text)
    return out


def _markdown(doc: Doc) -> list[str]:
    """Markdown: '#'/'##' headings, bold labels, '- ' bullets, pipe tables."""
    out: list[str] = []
    previous = ""
    for line in doc.lines:
        role = line.role
        if role == "page":
            continue
        if role == "row":
            if previous != "row" and out and out[-1]:
                out.append("")
            out.append("| " + " | ".join(c or " " for c in line.cells) + " |")
            if line.header:
                out.append("|" + "|".join("---" for _ in line.cells) + "|")
        else:
            if previous == "row" and role != "blank":
                out.append("")
            if role == "title":
                out.append(f"# {line.text}")
            elif role == "heading":
                out.append(f"## {line.text}" + (f" {line.second}" if line.second else ""))
                if line.aside:
                    out.append(line.aside)
            elif role == "label":
                out.append(f"**{line.text}**")
            elif role == "bullet":
                out.append(f"- {line.text}")
            else:
                out.append(line.text)
        previous = role
    return out


def _flat(doc: Doc) -> list[str]:
    """Each page as one long line (as a web page's transcript of a PDF gives it)."""
    pages: list[list[str]] = [[]]
    explicit = any(line.role == "page" for line in doc.lines)
    for text in _plain(doc):
        if text is None or (not explicit and len(pages[-1]) >= FLAT_PAGE_LINES):
            pages.append([])
            if text is None:
                continue
        if text.strip():
            pages[-1].append(" ".join(text.split()))
    return [" ".join(page) for page in pages if page]
