"""Pure text repairs shared by every reader: Unicode form, control characters,
bullets, line-end hyphens and running page furniture.

They work on strings before tokenisation, so the PDF and the text paths give
the extractor the same kind of text. Every function keeps one printed line on
one text line: the extractor reads structure (numbered items, "Föredragande:"
lines, attendee lines) from line starts, so repairs must not reflow paragraphs.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

#: Glyphs that PDF producers and Word use for list bullets. Private-use
#: symbols come from Symbol/Wingdings fonts; "(cid:N)" from pdfminer.
BULLET_CHARS = "\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2219\u00b7\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0\u27a2"
_BULLET_RE = re.compile(rf"^( *)[\t]*(?:[{BULLET_CHARS}]|\(cid:\d+\))[ \t]*", re.MULTILINE)
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
_CID_RE = re.compile(r"\(cid:\d+\)")
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")

#: PDFium marks a hyphen it found at a line end with U+FFFE (older builds:
#: U+0002) and drops the line break after it.
_PDFIUM_LINE_HYPHENS = ("\ufffe", "\x02")

#: Words after which a line-end hyphen is a real suspended compound
#: ("hälso- och sjukvård", "in- eller utskrivning"), not a word break.
COMPOUND_CONJUNCTIONS = frozenset({"och", "eller", "samt", "respektive", "resp", "till", "som"})
_FIRST_WORD_RE = re.compile(r"^(\w+)(\S*)(.*)$")

#: Lines that are nothing but a page number: "Sida 2", "Sida 2 av 5",
#: "2 (5)", "2/5", "- 2 -", "Page 2 of 5".
_PAGE_NUMBER_RE = re.compile(
    r"^(?:(?:sida|sid\.?|s\.|page)\s*\d+(?:\s*(?:av|of|/|\()\s*\d+\)?)?"
    r"|\d+\s*\(\s*\d+\s*\)|\d+\s*/\s*\d+|[-–]\s*\d+\s*[-–])$",
    re.IGNORECASE,
)
_BARE_NUMBER_RE = re.compile(r"^\d{1,4}$")
_DIGITS_RE = re.compile(r"\d+")
_SPACES_RE = re.compile(r"\s+")

_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")

#: Spacing accents and the combining marks they stand for.
SPACING_ACCENTS = {"\u00a8": "\u0308", "\u02da": "\u030a", "\u00b4": "\u0301"}
_ACCENT_AFTER_RE = re.compile("([aouAOUe])[ ]?([\u00a8\u02da\u00b4])(?=\\w|\\b)")
_ACCENT_BEFORE_RE = re.compile("([\u00a8\u02da])[ ]?([aouAOU])")
_LOOSE_MARK_RE = re.compile("(\\w) ([\u0300-\u036f])")
_RULE_LINE_RE = re.compile(r"^[ \t]*[_.\-–—]{5,}[ \t_.\-–—]*$")

#: Letters Tesseract reads in place of digits.
_DIGIT_LOOKALIKES = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0"})
_NUMBER_TOKEN_RE = re.compile(r"(?<![\w§])[\dlIO|]+(?:[.:/-][\dlIOo|]+)*(?![\w])")
_PARAGRAPH_NUMBER_RE = re.compile(r"(§\s?)([\dlI|]+)(?![\w])")
_OCR_BULLET_RE = re.compile(r"^[ \t]*(?:»«|«|»|\.«|©|®|°)[ \t]+(?=\S)", re.MULTILINE)
_OCR_DASH_RE = re.compile(r"(?<= )(?:—-|-—|—|--)(?= )")
_MISREAD_PARAGRAPH_RE = re.compile(r"^(8|S|&|\$) ?(\d{1,4})( [A-ZÅÄÖ])", re.MULTILINE)
_ZERO_BEFORE_UNIT_RE = re.compile(r"(?:(?<=: )|(?<=:)|(?<=\t))[Oo](?= ?(?:h|kr|st|tim|min|%)(?!\w))")
_DOLLAR_PARAGRAPH_RE = re.compile(r"(?<!\S)\$(?=\s?\d)")

#: Labels of the initials boxes printed on every page of Swedish minutes.
SIGNATURE_BOX_LABELS = frozenset({
    "justerandes signatur", "justerandes sign", "justerarens signatur", "justerares signatur",
    "justerandes namnteckning", "ordförandes signatur", "ordförandens signatur",
    "sekreterarens signatur", "sekreterares signatur", "signatur", "sign", "utdragsbestyrkande",
    "justerande", "justerare",
})

#: Near repeats: lines this long, this similar (rapidfuzz ratio), compared over this many pages.
FUZZY_MIN_LENGTH = 10
FUZZY_SCORE = 90
FUZZY_WINDOW = 5

#: How many lines at each edge of a page may be running headers/footers.
EDGE_LINES = 4


def normalize_unicode(text: str) -> str:
    """NFC-normalise, so a decomposed "ö" matches a composed one in search and rules."""
    return unicodedata.normalize("NFC", text)


def strip_control(text: str) -> str:
    """Drop NUL and other control characters; unify line endings to ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_RE.sub("", text)


def normalize_bullets(text: str) -> str:
    """Turn any bullet glyph at the start of a line into ``• `` so rules see one bullet.

    Leftover private-use symbols and pdfminer's "(cid:N)" are font glyphs with
    no meaning in text, so they are dropped wherever else they occur.
    """
    text = _BULLET_RE.sub(r"\1• ", text)  # the indent of a nested bullet stays
    return _CID_RE.sub("", _PRIVATE_USE_RE.sub("", text))


def restore_line_hyphens(text: str) -> str:
    """Put back the hyphen and line break PDFium folds into U+FFFE.

    PDFium reports "verksam-⏎heten" as "verksam\\ufffeheten", which would glue
    the rest of the next printed line onto this one and hide "in- och" from
    :func:`join_hyphenated`; restoring the printed form lets one rule decide.
    """
    for marker in _PDFIUM_LINE_HYPHENS:
        text = text.replace(marker, "-\n")
    return text


def strip_trailing_space(text: str) -> str:
    """Remove spaces at line ends, which PDF text layers leave in great number."""
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _keeps_hyphen(prefix: str) -> bool:
    """Whether a word broken at a hyphen is a hyphenated word ("IT-stöd", "e-post").

    Abbreviations in capitals, single letters and digits keep their hyphen;
    ordinary word stems ("verksam-") lose it when rejoined.
    """
    return len(prefix) == 1 or prefix.isupper() or any(c.isdigit() for c in prefix)


def _join_pair(line: str, following: str) -> tuple[str, str] | None:
    """Rejoin a word split over ``line`` and ``following``, or None to leave them.

    Returns the new pair of lines: the rejoined word ends the first line and the
    rest of the second line stays on its own line, so line structure survives.
    """
    if len(line) < 2 or line[-1] not in "-\u00ad" or not line[-2].isalpha():
        return None
    start = _FIRST_WORD_RE.match(following)
    if not start:
        return None
    word, tail, rest = start.groups()
    if not word[0].islower() or word.lower() in COMPOUND_CONJUNCTIONS:
        return None
    word += tail  # the punctuation after the word moves with it: "verksam-⏎hetsår.”"
    prefix = line[:-1].split()[-1].rsplit("-", 1)[-1]
    hyphen = "-" if _keeps_hyphen(prefix) else ""
    return line[:-1] + hyphen + word, rest.lstrip()


def join_hyphenated(text: str) -> str:
    """Rejoin words hyphenated across line ends: "verksam-⏎heten" → "verksamheten".

    Suspended compounds stay as printed ("hälso-⏎och sjukvård",
    "in-⏎eller utskrivning"), and so do breaks before a capital or a digit.
    A continuation line left empty by the move is dropped.
    """
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        pair = _join_pair(line, lines[i + 1]) if i + 1 < len(lines) else None
        if pair is None:
            out.append(line)
            i += 1
            continue
        joined, rest = pair
        if rest:
            lines[i + 1] = rest
            out.append(joined)
            i += 1
        else:
            lines[i + 1] = joined
            i += 1
    return "\n".join(out)


def expand_ligatures(text: str) -> str:
    """"ﬁ", "ﬂ", "ﬀ" … as their letters, so "ﬁnansiering" is found by a search for "finansiering"."""
    return _LIGATURE_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def compose_accents(text: str) -> str:
    """Join an accent printed or recognised beside its letter: "a¨" / "a ̈" → "ä", "a˚" → "å".

    Old TeX fonts draw the dots of ä/ö as a glyph of their own, and OCR reads
    them that way; NFC then composes the letter with its combining mark.
    """
    text = _ACCENT_AFTER_RE.sub(lambda m: m.group(1) + SPACING_ACCENTS[m.group(2)], text)
    text = _ACCENT_BEFORE_RE.sub(lambda m: m.group(2) + SPACING_ACCENTS[m.group(1)], text)
    return normalize_unicode(_LOOSE_MARK_RE.sub(r"\1\2", text))


def drop_rule_lines(text: str) -> str:
    """Remove lines drawn only with underscores, dots or dashes: signature rules and leaders."""
    return "\n".join(line for line in text.split("\n") if not _RULE_LINE_RE.match(line))


def clean_text(text: str) -> str:
    """The full repair chain every reader applies to its text."""
    text = normalize_unicode(expand_ligatures(text.lstrip("\ufeff")))
    return normalize_bullets(strip_control(text))


def clean_pdf_page(text: str) -> str:
    """The repair chain for one page of a PDF text layer, before furniture removal."""
    text = strip_control(restore_line_hyphens(text.replace("\u00ac\n", "-\n")))
    text = strip_trailing_space(compose_accents(expand_ligatures(text)))
    return normalize_bullets(join_hyphenated(drop_rule_lines(text)))


def fix_ocr_digits(text: str) -> str:
    """Read "l", "I", "|" and "O" inside numbers as the digits they stand for: "2O19-O5-l4", "§ l2".

    Only tokens made of digits and these look-alikes, with at least one real
    digit, are changed, and the number after a "§" (where "§ I" can only mean 1).
    A "$" before a number at a word start is a misread "§", and a lone "O"
    before a unit ("O h", "Okr") a zero.
    """
    text = _DOLLAR_PARAGRAPH_RE.sub("§", text)
    text = _ZERO_BEFORE_UNIT_RE.sub("0", text)
    text = _PARAGRAPH_NUMBER_RE.sub(lambda m: m.group(1) + m.group(2).translate(_DIGIT_LOOKALIKES), text)
    return _NUMBER_TOKEN_RE.sub(_fix_number_token, text)


def _fix_number_token(match: re.Match) -> str:
    token = match.group(0)
    if not any(c.isdigit() for c in token):
        return token
    return token.translate(_DIGIT_LOOKALIKES)


def restore_paragraph_signs(text: str) -> str:
    """Read "8 14 Fönsterbyte" as "§ 14 Fönsterbyte" where the page numbers its items with §.

    Tesseract often takes "§" for "8" (or "S", "&"). A line opening with such
    a sign, a number and a capitalised title is a § heading when at least two
    lines of the page look so and their numbers rise, which a list of counts
    ("8 12 ledamöter") does not do.
    """
    found = list(_MISREAD_PARAGRAPH_RE.finditer(text))
    numbers = [int(m.group(2)) for m in found]
    if len(found) < 2 or numbers != sorted(set(numbers)):
        return text
    return _MISREAD_PARAGRAPH_RE.sub(lambda m: "§ " + m.group(2) + m.group(3), text)


def repair_ocr_text(text: str) -> str:
    """Repairs for text that comes from OCR, before the common PDF repair chain.

    Tesseract's usual misreadings in Swedish minutes: look-alike letters in
    numbers and after "§", "¬" for a line-end hyphen, "«", "»" or "©" for a
    bullet, "—-" for a dash, accents beside their letters (the ligatures and
    hyphenation are then handled as for any PDF by :func:`clean_pdf_page`).
    """
    text = _OCR_BULLET_RE.sub("• ", text.replace("\u00ac\n", "-\n"))
    text = fix_ocr_digits(compose_accents(_OCR_DASH_RE.sub("–", text)))
    return restore_paragraph_signs(text)


# --- running headers and footers ---------------------------------------------


def furniture_key(line: str) -> str:
    """A line with its numbers blanked, so "Sida 2" and "Sida 3" compare equal."""
    return _SPACES_RE.sub(" ", _DIGITS_RE.sub("#", line.strip())).lower()


def is_page_number(line: str, page: int | None = None) -> bool:
    """Whether a line only states a page number ("Sida 2 av 5", "2 (5)", "3").

    A bare number counts only when it equals ``page``: at a page edge a lone
    "3" on page 3 is a folio, on page 7 it may be a table cell.
    """
    line = line.strip()
    if _PAGE_NUMBER_RE.match(line):
        return True
    return bool(_BARE_NUMBER_RE.match(line)) and page is not None and int(line) == page


def _edge_lines(lines: list[str]) -> list[str]:
    """The non-blank lines at the top and bottom of a page, where furniture sits."""
    filled = [line for line in lines if line.strip()]
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:]


@dataclass(frozen=True)
class RunningLines:
    """What recurs at the page edges of one document.

    ``exact`` holds lines repeated verbatim (a title, a date). ``folios`` maps
    a number-blanked line ("protokoll sida # av #") to the position of the
    number that equals the page number on most pages. Requiring that position
    keeps item headings that happen to open pages ("§ 1 Ärende 1" on page 1).
    """

    exact: frozenset[str] = frozenset()
    folios: dict[str, int] = field(default_factory=dict)
    near: tuple[str, ...] = ()

    def match(self, line: str, page: int) -> bool:
        """Whether ``line`` on ``page`` is running furniture, a signature box or a folio."""
        line = line.strip()
        if line in self.exact or is_page_number(line, page) or is_signature_box(line):
            return True
        if self.near and len(line) >= FUZZY_MIN_LENGTH and _close_to(line, self.near):
            return True
        slot = self.folios.get(furniture_key(line))
        numbers = _numbers(line)
        return slot is not None and slot < len(numbers) and numbers[slot] == page


def running_lines(pages: list[str], *, min_share: float = 0.5) -> RunningLines:
    """Find the lines that recur at a page edge on most pages.

    A line must appear on at least two pages and on ``min_share`` of them. The
    edges are taken at both ends because PDFium keeps content-stream order, in
    which a header drawn last ends up at the bottom of the page text.
    """
    if len(pages) < 2:
        return RunningLines()
    exact: Counter = Counter()
    folio_votes: Counter = Counter()
    for page, text in enumerate(pages, start=1):
        edges = {line.strip() for line in _edge_lines(text.split("\n"))}
        exact.update(edges)
        folio_votes.update(_folio_slots(edges, page))
    needed = max(2, math.ceil(min_share * len(pages)))
    folios = {key: slot for (key, slot), n in folio_votes.most_common() if n >= needed}
    repeated = frozenset(k for k, n in exact.items() if n >= needed and k)
    return RunningLines(repeated, folios, _near_repeats(pages, repeated, min_share))


def _near_repeats(pages: list[str], exact: frozenset[str], min_share: float) -> tuple[str, ...]:
    """Edge lines that recur with small differences, as an OCR'd header does ("Protokol1 2019").

    Each page is compared with its :data:`FUZZY_WINDOW` neighbours on either
    side, so long documents stay cheap.
    """
    edges = [
        [line.strip() for line in _edge_lines(text.split("\n"))
         if len(line.strip()) >= FUZZY_MIN_LENGTH and line.strip() not in exact]
        for text in pages
    ]
    found: set[str] = set()
    for i, lines in enumerate(edges):
        window = range(max(0, i - FUZZY_WINDOW), min(len(pages), i + FUZZY_WINDOW + 1))
        needed = max(2, math.ceil(min_share * len(window)))
        for line in lines:
            hits = sum(1 for j in window if j == i or _close_to(line, edges[j]))
            if hits >= needed:
                found.add(line)
    return tuple(sorted(found))


def _close_to(line: str, candidates) -> bool:
    """Whether a candidate differs from ``line`` only in a few letters, never in its numbers.

    Numbers must agree: "Dnr KS 2020/145" and "Dnr KS 2020/146" are two cases,
    not one header misread.
    """
    digits = _DIGITS_RE.findall(line)
    same = [c for c in candidates if _DIGITS_RE.findall(c) == digits]
    return bool(same) and process.extractOne(line, same, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE) is not None


def is_signature_box(line: str) -> bool:
    """Whether a line holds only the labels of a page's initials boxes ("Justerandes signatur").

    Swedish minutes print these boxes on every page for the justerare to
    initial; they carry no text of the meeting.
    """
    cells = [c.strip(" :.").lower() for c in re.split(r"\t| {2,}", line) if c.strip(" :.")]
    return bool(cells) and all(cell in SIGNATURE_BOX_LABELS for cell in cells)


def _folio_slots(lines: set[str], page: int) -> set[tuple[str, int]]:
    """``(blanked line, number position)`` for each number in a line that equals ``page``."""
    return {
        (furniture_key(line), slot)
        for line in lines
        for slot, number in enumerate(_numbers(line))
        if number == page
    }


def _numbers(line: str) -> list[int]:
    return [int(n) for n in _DIGITS_RE.findall(line)]


def strip_page_furniture(page_text: str, running: RunningLines, page: int) -> str:
    """Peel running headers/footers and page numbers off both edges of one page.

    Only lines at the edges are removed, working inwards until a body line is
    met, so a body line that happens to repeat a header is kept.
    """
    lines = page_text.split("\n")
    top, bottom, removed = 0, len(lines), 0
    while top < bottom and removed < EDGE_LINES * 2:
        if not lines[top].strip():
            top += 1
        elif running.match(lines[top], page):
            top, removed = top + 1, removed + 1
        else:
            break
    while bottom > top and removed < EDGE_LINES * 2:
        if not lines[bottom - 1].strip():
            bottom -= 1
        elif running.match(lines[bottom - 1], page):
            bottom, removed = bottom - 1, removed + 1
        else:
            break
    return "\n".join(lines[top:bottom])


def remove_running_lines(pages: list[str], *, min_share: float = 0.5) -> list[str]:
    """Remove running headers, footers and page numbers from every page."""
    running = running_lines(pages, min_share=min_share)
    return [strip_page_furniture(text, running, i + 1) for i, text in enumerate(pages)]
