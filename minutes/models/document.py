"""The normalised text of one source file, as every reader returns it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

#: Separator placed between the pages of a multi-page document. Offsets in
#: ``page_starts`` point at the first character after it.
PAGE_SEPARATOR = "\n\n"


@dataclass
class SourceDocument:
    """A file read into clean text, with the offsets needed to point back at it.

    ``text`` is NFC-normalised and repaired (see ``minutes.ingest.cleanup``).
    ``page_starts[i]`` is the character offset where page ``i + 1`` begins, so
    any character span can be mapped to the page it was printed on.
    ``pages_without_text`` lists the 1-based pages that gave no text (scans
    left unread); ``ocr_pages`` maps each page read by OCR to Tesseract's mean
    word confidence (0-100) on it.
    """

    name: str
    text: str
    sha256: str = ""
    path: str = ""
    format: str = "text"
    page_starts: list[int] = field(default_factory=lambda: [0])
    size: int = 0
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    pages_without_text: list[int] = field(default_factory=list)
    ocr_pages: dict[int, float] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        """Number of pages (1 for plain text)."""
        return len(self.page_starts)

    @property
    def ocr_confidence(self) -> float | None:
        """Mean OCR word confidence over the OCR'd pages, or None when no page was OCR'd."""
        if not self.ocr_pages:
            return None
        return round(sum(self.ocr_pages.values()) / len(self.ocr_pages), 1)

    def page_of(self, offset: int) -> int:
        """The 1-based page that the character at ``offset`` is on."""
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def page_text(self, page: int) -> str:
        """The text of one 1-based page."""
        start = self.page_starts[page - 1]
        end = self.page_starts[page] if page < self.pages else len(self.text)
        return self.text[start:end]

    @classmethod
    def from_pages(cls, name: str, pages: list[str], **kwargs) -> SourceDocument:
        """Join page texts with :data:`PAGE_SEPARATOR`, recording where each starts."""
        starts, parts, offset = [], [], 0
        for i, page in enumerate(pages):
            if i:
                parts.append(PAGE_SEPARATOR)
                offset += len(PAGE_SEPARATOR)
            starts.append(offset)
            parts.append(page)
            offset += len(page)
        return cls(name=name, text="".join(parts), page_starts=starts or [0], **kwargs)
