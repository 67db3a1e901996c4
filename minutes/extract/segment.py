"""Re-segmenting flattened text: where a line would have broken before its line breaks were lost.

Web transcripts (docplayer, yumpu) and some PDF extractions put a whole page on
one line: "1 Mötets öppnande Mötet öppnades ... 2 Justering Till att justera ...".
The layout rules read lines, so a flattened line is cut, before they run, at the
places a printed page breaks lines: before item numbers that count up (1, 2, 3 or
155, 156), before section labels with a colon ("Beslut:") and, in the part before
the first item, before header and attendance labels. The cuts are offsets into
the raw line, so every piece keeps its exact place in the document.
"""

from __future__ import annotations

import re
from functools import lru_cache

from minutes.extract import lexicon

#: A line this long, with several cut points, is flattened text rather than a paragraph.
FLAT_LINE = 350
#: "155 Val av protokolljusterare": a number (or § number) before a capitalised title word.
_ITEM_NUMBER = re.compile(r"(?<![\w§/:.,(-])(?:§\s*)?(\d{1,3})\.?\s+(?=[A-ZÅÄÖ][a-zåäö])")
#: "1. att föreslå ...": a numbered att-sats in a flattened decision.
_ATT_NUMBER = re.compile(r"(?<=\s)\d{1,2}\.\s+(?=att\s)")
#: "Nämnden beslutar 1. att ...": the decision's lead-in before numbered att-satser.
_DECIDES = re.compile(r"(?<=\s)(?=[A-ZÅÄÖ][\wåäö-]+\s+(?:beslutar|beslutade|beslöt)\s+(?:\d{1,2}\.\s+)?att\s)")
#: A bullet mark between two pieces of a flattened list: " – Tidplan", " • Budget", " - Risker".
_BULLET_MARK = re.compile(r"(?<=\S )[–•▪-](?= [A-ZÅÄÖ][a-zåäö])")
#: "1 1(19)" / "1(19)": a page number and page mark at the start of a page.
_PAGE_PREFIX = re.compile(r"^\s*(?:\d{1,3}\s+)?\d{1,3}\s?\(\d{1,3}\)\s*|^\s*\d{1,3}\s+(?=\d{1,3}\s+[A-ZÅÄÖ])")


@lru_cache(maxsize=1)
def _labels() -> re.Pattern:
    words = list(lexicon.header_labels()) + list(lexicon.status_labels())
    body = lexicon.alternation([w for w in words if len(w) > 3])
    # A label as a word: followed by a colon, or written in capitals, or a multi-word label.
    return re.compile(
        rf"(?<![\wåäöÅÄÖ])(?:(?:{body})\s*:|(?-i:[A-ZÅÄÖ]{{4,}}(?:\s+[A-ZÅÄÖ]{{3,}})?)(?=\s+[A-ZÅÄÖ]))",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _multiword_labels() -> re.Pattern:
    words = [w for w in list(lexicon.header_labels()) + list(lexicon.status_labels()) if " " in w]
    return re.compile(rf"(?<![\wåäöÅÄÖ])(?-i:(?=[A-ZÅÄÖ]))(?:{lexicon.alternation(words)})(?=\s)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _bare_labels() -> re.Pattern:
    words = [w for w in lexicon.header_labels() if " " not in w and len(w) > 2]
    return re.compile(
        rf"(?<=\s)(?-i:(?=[A-ZÅÄÖ]))(?:{lexicon.alternation(words)})(?=\s+(?-i:[A-ZÅÄÖ\d]))", re.IGNORECASE
    )


@lru_cache(maxsize=1)
def _section_labels() -> re.Pattern:
    body = lexicon.alternation(list(lexicon.section_roles()))
    return re.compile(rf"(?<=[.!?)\wåäö] )(?-i:(?=[A-ZÅÄÖ]))(?:{body})\s*:", re.IGNORECASE)


@lru_cache(maxsize=1)
def _presenter_labels() -> re.Pattern:
    """ "... från kommundirektören Föredragande: Karin Lund, utredare ...": the presenter line of a
    flattened item, which opens after its title whatever ends the title."""
    body = lexicon.alternation(lexicon.words("headings", "presenters"))
    return re.compile(rf"(?<=\S )(?-i:(?=[A-ZÅÄÖ]))(?:{body})\s*:", re.IGNORECASE)


#: Words a number belongs to ("punkt 2", "bilaga 3", "kap. 5"): such a number is no item number.
_COUNTED = re.compile(
    r"\b(?:punkt|punkterna|nr|paragraf|kap|kapitel|bilaga|bilagorna|motion|sidan|sida|steg|fas|del|år|rad|version|prop)\.?\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _bare_section_labels() -> re.Pattern:
    """ "... ärendet. Bakgrund Nuvarande riktlinjer ...": a section label without its colon, written
    with its capital, between two pieces of text (after a sentence, a number or a lower-case word:
    Swedish writes no other capitals mid-sentence), followed by the section's first word."""
    roles = lexicon.section_roles()
    # Short labels only where no title word could be mistaken for them ("Jäv").
    labels = [w for w, (role, _kind) in roles.items() if len(w) > 5 or role == "recusal"]
    body = lexicon.alternation([w[:1].upper() + w[1:] for w in labels])
    # After a finished sentence, a case number ("KS 225/23") or a date ("2023-01-25"), as the
    # label's line broke there before the text was flattened.
    after = r"(?:(?<=[.!?] )|(?<=\d/\d\d )|(?<=\d/\d{4} )|(?<=\d{4}-\d\d-\d\d )|(?<=\d )|(?<=[a-zåäö] ))"
    return re.compile(rf"{after}(?:{body})(?=\s+(?:[A-ZÅÄÖ\d-]|att\s))")  # "... 2020 Beslut att anta ..."


def page_prefix(raw: str) -> int:
    """Length of a page number and page mark that open a flattened page ("2 2(19) ...")."""
    m = _PAGE_PREFIX.match(raw)
    return m.end() if m else 0


#: "KF § 5", "KS § 12": the organ's letters before a paragraph sign belong to the heading.
_ORGAN_BEFORE = re.compile(r"(?<![\wåäö])[A-ZÅÄÖ]{2,5}\s+$")


def _with_organ(raw: str, m: re.Match) -> int:
    """Where a flattened heading starts: before the organ's letters of "KF § 5", else at the number."""
    if not m.group(0).startswith("§"):
        return m.start()
    organ = _ORGAN_BEFORE.search(raw, max(0, m.start() - 8), m.start())
    return organ.start() if organ else m.start()


def _number_chain(candidates: list[tuple[int, int, int]]) -> set[tuple[int, int]]:
    """The longest run of item numbers that count up by one, in text order: {(line, offset)}."""
    best: list[tuple[int, int, int]] = []
    for i, first in enumerate(candidates):
        chain = [first]
        for nxt in candidates[i + 1 :]:
            if nxt[0] == chain[-1][0] + 1:
                chain.append(nxt)
        if len(chain) > len(best):
            best = chain
    if len(best) < 2 and not (best and best[0][0] == 1):
        return set()
    return {(line, at) for _n, line, at in best}


def _cuts(raw: str, start: int, stop: int, numbers: list[int]) -> list[int]:
    points = set(numbers)
    first_item = min(points) if points else len(raw)
    for pattern in (_labels(), _multiword_labels(), _bare_labels()):
        for m in pattern.finditer(raw, start, min(first_item, stop)):
            if m.start() > start:
                points.add(m.start())
    for pattern in (_section_labels(), _presenter_labels()):
        for m in pattern.finditer(raw, start):
            points.add(m.start())
    for m in _bare_section_labels().finditer(raw, start):
        points.update((m.start(), m.end()))  # the label on a line of its own, as it was printed
    att = [m.start() for m in _ATT_NUMBER.finditer(raw, start)]
    if len(att) >= 2:
        points.update(att)  # "1. att anta ... 2. att ...": numbered att-satser, one a line
        points.update(m.start() for m in _DECIDES.finditer(raw, start))
    marks = [m.start() for m in _BULLET_MARK.finditer(raw, start)]
    if len(marks) >= 2:
        points.update(marks)  # "... – Tidplan Anna informerar ... – Nästa möte ...": bullets run together
    points |= _topics_said_again(raw, start)
    points = _keep_action_headers(raw, start, points)
    if start:
        points.add(start)
    return sorted(p for p in points if 0 < p < len(raw))




def _topics_said_again(raw: str, start: int) -> set[int]:
    """Notes flattened with their topics: "... framkom. Tidplan Anna Berg informerar om tidplan. ...".
    A topic (one to six words) that the sentence after it names again ("informerar om tidplan")
    is cut onto a line of its own, as it was printed."""
    points: set[int] = set()
    for m in re.compile(lexicon.load("speech")["reports_on"]).finditer(raw, start):
        said = raw[m.end() : m.end() + 80].lower()
        before = raw[max(start, m.start() - 160) : m.start()]
        words = list(re.finditer(r"\S+", before))
        found = None
        for k in range(len(words) - 1, max(-1, len(words) - 12), -1):
            if not words[k].group(0)[:1].isupper():
                continue
            for n in range(min(6, len(words) - k), 0, -1):  # the longest topic said again
                topic = " ".join(w.group(0) for w in words[k : k + n])
                if said.startswith(topic.lower()) and re.match(r"[\s.,]", said[len(topic) :] or " "):
                    found = (words[k].start(), topic)
                    break
            if found:
                break
        if found:
            at = max(start, m.start() - 160) + found[0]
            if re.search(r"[–•▪-]\s*$", raw[max(0, at - 3) : at]):
                continue  # "– Tidplan Anna informerar ...": a bullet topic, which the bullets cut
            points.update((at, at + len(found[1])))
    return points


def _keep_action_headers(raw: str, start: int, points: set[int]) -> set[int]:
    """ "... frågan. Åtgärdslista Åtgärd Ansvarig Klart till Boka lokal Anna Berg 3 maj ...": the
    table's title on a line of its own, its header and rows together on the next."""
    from minutes.extract.action_table import header, is_table_title

    for m in header().finditer(raw, start):
        points = {p for p in points if not m.start() < p <= m.end()}
        title = re.search(r"([A-ZÅÄÖ][\wåäö ]{2,30}?)\s*$", raw[max(start, m.start() - 32) : m.start()])
        if title and is_table_title(title.group(1)):
            at = m.start() - len(title.group(0))
            points = {p for p in points if not at < p < m.start()} | {at, m.start()}
    return points


def segment_lines(raws: list[str]) -> list[list[tuple[int, int]]]:
    """For each raw line, the (start, end) of its pieces: one piece unless the line is flattened.

    The item numbers that count up are looked for across all flattened lines
    together, since a transcript often puts each page on a line of its own.
    """
    if not any(len(raw) > FLAT_LINE for raw in raws):
        return [[(0, len(raw))] for raw in raws]
    # Once a document is known to be flattened, its shorter pages are read the same way.
    flat = [n for n, raw in enumerate(raws) if len(raw) > FLAT_LINE / 3]
    candidates = [
        (int(m.group(1)), n, _with_organ(raws[n], m))
        for n in flat
        for m in _ITEM_NUMBER.finditer(raws[n], page_prefix(raws[n]))
        if not _COUNTED.search(raws[n][max(0, m.start() - 12) : m.start()])
    ]
    chain = _number_chain(candidates)
    seen_item = False
    out = []
    for n, raw in enumerate(raws):
        if n not in flat:
            out.append([(0, len(raw))])
            continue
        numbers = [at for line, at in chain if line == n]
        stop = len(raw) if not seen_item else 0
        seen_item = seen_item or bool(numbers)
        cuts = _cuts(raw, page_prefix(raw), stop, numbers)
        if len(cuts) < 2 and not numbers:
            out.append([(0, len(raw))])
            continue
        bounds = [0, *cuts, len(raw)]
        pieces = [(a, b) for a, b in zip(bounds, bounds[1:]) if raw[a:b].strip()]
        prefix = page_prefix(raw)
        out.append([(a, b) for a, b in pieces if not (a == 0 and (b <= prefix or raw[a:b].strip().isdigit()))])
    return out
