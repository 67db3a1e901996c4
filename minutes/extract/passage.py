"""Running text joined from lines, with a map back to document offsets.

Sentence rules need wrapped lines joined ("...får i" + "uppdrag att..."), but
every fact must still point at its place in the source. A :class:`Passage`
keeps, for each joined line, where it starts in the passage and in the document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from minutes.extract.lines import Line, is_short, join_wrapped

_SENTENCE_END = re.compile(r"(?<=[.!?])[\s*]+(?=[\"(]?[A-ZÅÄÖ•-])")
BULLET = re.compile(r"^(?:[•\-–*]|\d{1,2}[.)]|\d{1,2}\.\d{1,2}\.?|[a-h]\))\s+")


@dataclass
class Passage:
    """Joined text of some lines; ``anchors`` map passage offsets to document offsets."""

    text: str = ""
    anchors: list[tuple[int, int]] = field(default_factory=list)

    def add(self, line: Line, text: str | None = None) -> None:
        text = (text if text is not None else line.text).replace("\t", " ")
        if not text:
            return
        joined = join_wrapped(self.text, text)
        start = len(joined) - len(text)
        self.anchors.append((start, line.start + max(0, line.raw.find(text[:8]))))
        self.text = joined

    def source(self, offset: int) -> int:
        """The document offset of passage offset ``offset``."""
        starts = [a[0] for a in self.anchors]
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        if not self.anchors:
            return 0
        passage_start, doc_start = self.anchors[i]
        return doc_start + (offset - passage_start)

    def sentences(self) -> list[tuple[int, int, str]]:
        """(start, end, text) of each sentence in the passage."""
        spans, start = [], 0
        for m in _SENTENCE_END.finditer(self.text):
            spans.append((start, m.start(), self.text[start : m.start()]))
            start = m.end()
        if start < len(self.text):
            spans.append((start, len(self.text), self.text[start:]))
        return [(s, e, t.strip()) for s, e, t in spans if t.strip()]


def paragraphs(lines: list[Line], *, width: int = 80) -> list[Passage]:
    """Group lines into passages: a bullet or a blank line after a finished sentence starts anew.

    A blank line after an unfinished sentence does not end the paragraph:
    PDF text often has a blank line after every printed line.
    """
    passages: list[Passage] = []
    current = Passage()
    pending_break = False
    in_bullet = False
    previous: Line | None = None
    for line in lines:
        if line.blank:
            pending_break = True
            continue
        starts_new = BULLET.match(line.text) or (
            pending_break
            and (
                not current.text
                or re.search(r"[.!?:]\s*$", current.text)
                or (previous is not None and is_short(previous, width))
            )
        ) or (
            in_bullet
            and line.text[:1].isupper()
            and previous is not None
            and (is_short(previous, width) or re.search(r"[.!?:]\s*$", previous.text))
        )
        if starts_new:
            in_bullet = bool(BULLET.match(line.text))
        if starts_new and current.text:
            passages.append(current)
            current = Passage()
        text = BULLET.sub("", line.text) if BULLET.match(line.text) and not current.text else line.text
        current.add(line, text)
        previous = line
        pending_break = False
        if text.endswith(":") and len(text) < 40:
            # A label line ("Ställningstagande:", "Dialog:") is a passage of its own.
            passages.append(current)
            current = Passage()
    if current.text:
        passages.append(current)
    return passages
