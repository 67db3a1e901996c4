"""Passages: running text joined from lines, the unit the spaCy pipeline reads.

Sentence rules need wrapped lines joined ("...får i" + "uppdrag att..."), but
every fact must still point at its place in the source. A :class:`Passage`
keeps, for each joined line, where it starts in the passage and in the
document, and the section of the item it stands in (``role``: decision,
motions, reservation, ... from ``lexicon/sections.yml``). After
``pipeline.annotate`` it also holds its spaCy ``Doc``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from minutes.extract import lexicon
from minutes.extract.lines import Line, is_short, join_wrapped

#: Inline list markers that start a list entry: "1.", "2)", "4.1", "a)".
#: A list mark inside an item: a bullet, "1." / "1)", "4.1", "a)" / "a.", roman "i." / "ii)".
BULLET = re.compile(
    r"^(?:[•\-–*]|\d{1,2}[.)]|\d{1,2}\.\d{1,2}\.?|[a-h]\)|[a-h]\.(?=\s+[A-ZÅÄÖ\d\"“])|(?:i{1,3}|iv|vi{0,3}|ix|x)[.)](?=\s))\s+"
)


@dataclass
class Passage:
    """Joined text of some lines; ``anchors`` map passage offsets to document offsets."""

    text: str = ""
    anchors: list[tuple[int, int]] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    bullet: bool = False
    role: str | None = None
    kind: str | None = None
    label: str | None = None
    #: Whether the passage opened its section (the text right after the label).
    first_in_section: bool = False
    #: Whether the label stood on the same line as this text ("Beslut: Enligt förslag").
    inline: bool = False
    doc: Doc | None = None
    _sentences: tuple | None = field(default=None, repr=False, compare=False)

    def add(self, line: Line, text: str | None = None) -> None:
        text = (text if text is not None else line.text).replace("\t", " ")
        if not text:
            return
        joined = join_wrapped(self.text, text)
        start = len(joined) - len(text)
        at = line.raw.find(text[:8])
        self.anchors.append((start, line.start + max(0, at)))
        self.text = joined
        self.lines.append(line)

    def source(self, offset: int) -> int:
        """The document offset of passage offset ``offset``."""
        if not self.anchors:
            return 0
        starts = [a[0] for a in self.anchors]
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        passage_start, doc_start = self.anchors[i]
        return doc_start + (offset - passage_start)

    def sentences(self) -> list[tuple[int, int, str]]:
        """(start, end, text) of each sentence, from the pipeline's sentence starts (read once)."""
        if self.doc is None:
            return [(0, len(self.text), self.text)] if self.text.strip() else []
        if self._sentences is None or self._sentences[0] is not self.doc:
            if len(self.doc) > 1:
                found = [(s.start_char, s.end_char, s.text.strip()) for s in self.doc.sents if s.text.strip()]
            else:
                found = [(0, len(self.text), self.text.strip())] if self.text.strip() else []
            self._sentences = (self.doc, found)
        return self._sentences[1]


def _ends_in_lead_in(text: str) -> bool:
    return bool(lexicon.pattern("decisions", "lead_in").search(text)) and not text.rstrip().endswith("att")


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
        is_bullet = line.bullet or bool(BULLET.match(line.text))
        starts_new = (
            is_bullet
            or (
                pending_break
                and (
                    not current.text
                    or re.search(r"[.!?:;]\s*$", current.text)
                    or (previous is not None and is_short(previous, width))
                )
            )
            or (
                in_bullet
                and line.text[:1].isupper()
                and previous is not None
                and (is_short(previous, width) or re.search(r"[.!?:;]\s*$", previous.text))
            )
            or (
                # A line less indented than the bullet before it ends the bullet, unless it goes on
                # with the bullet's sentence in lower case (a PDF wraps a nested bullet to the margin).
                previous is not None
                and previous.bullet
                and not line.bullet
                and line.indent < previous.indent
                and not (line.text[:1].islower() and not re.search(r"[.!?:;]\s*$", previous.text))
            )
            or (
                # PDF text has no blank lines: a finished sentence on a short line ends the paragraph.
                previous is not None
                and line.text[:1].isupper()
                and re.search(r"[.!?]\s*$", previous.text) is not None
                and is_short(previous, width)
            )
            or (
                # An att-sats on its own line ("att utse ...,"/"att justeringen ...") is a decision of its own,
                # as is one after a lead-in that ends in the decision verb ("Mötet beslutade" / "att ...").
                re.match(r"[Aa]tt\s", line.text) is not None
                and (re.match(r"[Aa]tt\s", current.text) is not None or _ends_in_lead_in(current.text))
            )
            or (
                # "Attsats 1 bifalles" / "Attsats 2 avslås": one line each.
                re.match(r"Att-?sats\s*\d", line.text, re.IGNORECASE) is not None
            )
            or (
                # A short heading-like line after a finished sentence ("Motion 2010:54 punkt 2").
                previous is not None
                and line.text[:1].isupper()
                and len(line.text) < 0.5 * width
                and re.search(r"[.!?]\s*$", previous.text) is not None
                and not re.search(r"[.!?:,;]\s*$", line.text)
            )
            or (
                # A row of a list or table ("154 för utskottet") before a new sentence.
                previous is not None
                and line.text[:1].isupper()
                and len(previous.text) < 0.5 * width
                and not re.search(r"[,;:–-]\s*$|\b(?:och|samt|eller|i|av|för|till|med|om)\s*$", previous.text)
                and previous.text[:1].isdigit()
            )
        )
        if starts_new and current.text:
            passages.append(current)
            current = Passage()
        if starts_new:
            in_bullet = is_bullet
            current.bullet = is_bullet
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
