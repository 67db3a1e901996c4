"""What an item says about its issue, in a form two items can be compared by.

Titles carry the issue most reliably, but a later item may bury it in its
text ("Nära vård" discussing the agreement on in- och utskrivning), so the
text contributes phrases (stem bigrams) too. Rarity matters more than
presence: a term every item uses ("samverkan", the body's own acronym) links
nothing, so every term is weighted by its inverse document frequency.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from minutes.archive.formalities import is_formality
from minutes.link.terms import acronyms, bigrams, content_stems, title_terms
from minutes.swedish import normalise

#: Document references that tie two items to the same paper: file names and web addresses.
DOCUMENT_REF = re.compile(r"(https?://\S+|\b[\w.-]+\.(?:pdf|docx?|xlsx?|pptx?)\b)", re.IGNORECASE)

#: Compound words match by prefix only when the shorter one is this long.
MIN_PREFIX = 7
#: A title term is taken up by a text that uses a compound starting with it
#: ("avvikelser" in a text on "avvikelsehanteringen") when it is at least this long.
MIN_ANCHOR_PREFIX = 5

#: "Övrig fråga: X" is an item about X; the prefix says nothing about the issue.
TITLE_PREFIX = re.compile(r"^\s*övrig(a)? fråg(a|or)\s*[:–-]\s*", re.IGNORECASE)


#: An item whose text has fewer content words than this says too little to judge its title by.
MIN_TEXT_STEMS = 5
#: A title phrase must recur this often in an item's text to show it is that item's subject.
MIN_PHRASE_COUNT = 2


@dataclass(slots=True)
class ItemFeatures:
    """The comparable content of one agenda item."""

    id: str
    meeting_id: str
    date: str
    body: str | None
    title: str
    title_terms: frozenset[str]
    title_bigrams: frozenset[tuple[str, str]]
    text_terms: frozenset[str]
    text_bigrams: dict[tuple[str, str], int]
    title_acronyms: frozenset[str]
    text_acronyms: frozenset[str]
    people: frozenset[str]  # presenters and speakers
    documents: frozenset[str] = field(default_factory=frozenset)
    #: Title terms the item's own text takes up: what the item is about, not just what it is called.
    #: All title terms when the text is too short to tell.
    anchored: frozenset[str] = field(default_factory=frozenset)
    index: int = 0  # position in the archive's item list (date order)
    #: Phrases the item is known by: its title's bigrams and those its text repeats.
    phrases: frozenset = field(default_factory=frozenset)
    #: The case number (diarienummer) as printed, if the item has one.
    case_number: str | None = None


def clean_title(title: str) -> str:
    """The title without an 'Övrig fråga:' prefix or a trailing '– Bilaga(or)'."""
    title = TITLE_PREFIX.sub("", title or "")
    return re.sub(r"[\s–-]+bilag(a|or)\s*$", "", title, flags=re.IGNORECASE).strip(" -–")


def anchored_terms(title: frozenset[str], text: frozenset[str], text_size: int) -> frozenset[str]:
    """Title terms that the text also uses (a compound counts when it starts with the term or vice versa)."""
    if text_size < MIN_TEXT_STEMS:
        return title
    found = set(title & text)
    for t in title - found:
        if len(t) >= MIN_ANCHOR_PREFIX and any(
            u.startswith(t) or (len(u) >= MIN_PREFIX and t.startswith(u)) for u in text if u[:3] == t[:3]
        ):
            found.add(t)
    return frozenset(found)


def item_features(row: dict, *, ignored_acronyms: frozenset[str],
                  phrases: set | frozenset | None = None) -> ItemFeatures:
    """Features of one ``items`` row joined with its meeting's date.

    ``phrases``: the only text bigrams worth counting (the archive's title bigrams);
    None counts all of them.
    """
    title = clean_title(row["title"] or "")
    text = row["text"] or ""
    t_stems = title_terms(title)
    x_stems = content_stems(text)
    pairs = itertools.pairwise(x_stems)
    text_bigrams = Counter(pairs if phrases is None else (g for g in pairs if g in phrases))
    people = json.loads(row.get("presenters") or "[]") + json.loads(row.get("speakers") or "[]")
    title_set, text_set = frozenset(t_stems), frozenset(x_stems)
    return ItemFeatures(
        id=row["id"],
        meeting_id=row["meeting_id"],
        date=row["date"] or "",
        body=row.get("body"),
        title=title,
        title_terms=title_set,
        title_bigrams=frozenset(bigrams(t_stems)),
        text_terms=text_set,
        text_bigrams=text_bigrams,
        title_acronyms=frozenset(acronyms(title) - ignored_acronyms),
        text_acronyms=frozenset(acronyms(text) - ignored_acronyms),
        people=frozenset(normalise(p) for p in people),
        documents=frozenset(normalise(d) for d in DOCUMENT_REF.findall(text)),
        anchored=anchored_terms(title_set, text_set, len(x_stems)),
        phrases=frozenset(bigrams(t_stems)) | {g for g, n in text_bigrams.items() if n >= MIN_PHRASE_COUNT},
        case_number=row.get("case_number"),
    )


ITEM_ROWS = """select i.id, i.meeting_id, i.title, i.text, i.presenters, i.speakers, i.case_number, m.date,
                      m.source, i.position, coalesce(b.short_name, m.body) as body
               from items i join meetings m on m.id = i.meeting_id
               left join bodies b on b.id = m.body_id"""
ORDER = " order by m.date, m.source, i.position"


def item_rows(db, *, column: str | None = None, values=None) -> list[dict]:
    """Non-procedural item rows in archive order: all, or those whose ``column`` is in ``values``."""
    if column is None:
        rows: list[dict] = list(db.query(ITEM_ROWS + ORDER))
    else:
        found = list(values or ())
        rows = []
        for k in range(0, len(found), 500):
            chunk = found[k:k + 500]
            rows += db.query(f"{ITEM_ROWS} where {column} in ({', '.join('?' * len(chunk))})", chunk)
        rows.sort(key=order_key)
    return [r for r in rows if not is_formality(r["title"])]


def order_key(row: dict) -> str:
    """An item's place in archive order (meeting date, source, position) as one sortable string."""
    return f"{row['date'] or ''}\x1f{row['source'] or ''}\x1f{row['position'] or 0:06d}"


def title_phrases(rows: list[dict]) -> set:
    """The title bigrams of ``rows``: the only text bigrams worth counting."""
    return {g for r in rows for g in bigrams(title_terms(clean_title(r["title"] or "")))}


def load_items(db, rows: list[dict] | None = None, phrases: set | None = None) -> list[ItemFeatures]:
    """Features of every non-procedural item in the archive (or of ``rows``), oldest meeting first."""
    rows = item_rows(db) if rows is None else rows
    ignored = body_acronyms(db)
    phrases = title_phrases(rows) if phrases is None else phrases
    items = [item_features(r, ignored_acronyms=ignored, phrases=phrases) for r in rows]
    for k, item in enumerate(items):
        item.index = k
    return items


def body_acronyms(db) -> frozenset[str]:
    """The bodies' own short names: every item of theirs mentions them, so they link nothing."""
    names = {r["body"] for r in db.query("select distinct body from meetings where body is not null")}
    return frozenset(a for name in names for a in acronyms(name))


def item_terms(item: ItemFeatures) -> frozenset[str]:
    """What an item counts for in the document frequencies: its terms and acronyms."""
    return item.title_terms | item.text_terms | item.title_acronyms | item.text_acronyms


class Weights:
    """Inverse document frequency of terms and acronyms over the archive's items.

    Built from the items themselves, or (``df`` and ``n``) from the counts the
    link state keeps, so an incremental run weighs terms as a full one does.
    """

    def __init__(self, items: list[ItemFeatures], *, df: Counter | None = None, n: int | None = None):
        self.n = max(len(items) if n is None else n, 1)
        if df is None:
            df = Counter()
            for item in items:
                df.update(item_terms(item))
        self.df = df
        top = math.log(self.n + 1)
        self._idf = {t: top - math.log(c + 1) for t, c in self.df.items()}
        self._unseen = top

    def idf(self, term) -> float:
        """Smoothed idf in [0, log(n)]; unseen terms count as rare."""
        return self._idf.get(term, self._unseen)

    def total(self, terms) -> float:
        """Sum of idf over a set of terms."""
        idf = self._idf
        return sum(idf.get(t, self._unseen) for t in terms)

    def share(self, term) -> float:
        """Fraction of items that contain ``term``."""
        return self.df.get(term, 0) / self.n
