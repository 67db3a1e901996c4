"""What an item says about its issue, in a form two items can be compared by.

Titles carry the issue most reliably, but a later item may bury it in its
text ("Nära vård" discussing the agreement on in- och utskrivning), so the
text contributes phrases (stem bigrams) too. Rarity matters more than
presence: a term every item uses ("samverkan", the body's own acronym) links
nothing, so every term is weighted by its inverse document frequency.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from minutes.link.formalities import is_formality
from minutes.link.text import acronyms, bigrams, content_stems, normalize, title_terms

#: Document references that tie two items to the same paper: file names and web addresses.
DOCUMENT_REF = re.compile(r"(https?://\S+|\b[\w.-]+\.(?:pdf|docx?|xlsx?|pptx?)\b)", re.I)

#: "Övrig fråga: X" is an item about X; the prefix says nothing about the issue.
TITLE_PREFIX = re.compile(r"^\s*övrig(a)? fråg(a|or)\s*[:–-]\s*", re.I)


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


def clean_title(title: str) -> str:
    """The title without an 'Övrig fråga:' prefix or a trailing '– Bilaga(or)'."""
    title = TITLE_PREFIX.sub("", title or "")
    return re.sub(r"[\s–-]+bilag(a|or)\s*$", "", title, flags=re.I).strip(" -–")


def item_features(row: dict, *, ignored_acronyms: frozenset[str]) -> ItemFeatures:
    """Features of one ``items`` row joined with its meeting's date."""
    title = clean_title(row["title"] or "")
    text = row["text"] or ""
    t_stems = title_terms(title)
    x_stems = content_stems(text)
    people = json.loads(row.get("presenters") or "[]") + json.loads(row.get("speakers") or "[]")
    return ItemFeatures(
        id=row["id"],
        meeting_id=row["meeting_id"],
        date=row["date"] or "",
        body=row.get("body"),
        title=title,
        title_terms=frozenset(t_stems),
        title_bigrams=frozenset(bigrams(t_stems)),
        text_terms=frozenset(x_stems),
        text_bigrams=Counter(zip(x_stems, x_stems[1:])),
        title_acronyms=frozenset(acronyms(title) - ignored_acronyms),
        text_acronyms=frozenset(acronyms(text) - ignored_acronyms),
        people=frozenset(normalize(p) for p in people),
        documents=frozenset(normalize(d) for d in DOCUMENT_REF.findall(text)),
    )


def load_items(db) -> list[ItemFeatures]:
    """Features of every non-procedural item in the archive, oldest meeting first."""
    rows = list(
        db.query(
            """select i.id, i.meeting_id, i.title, i.text, i.presenters, i.speakers, m.date, m.body
               from items i join meetings m on m.id = i.meeting_id
               order by m.date, m.source, i.position"""
        )
    )
    ignored = body_acronyms(db)
    return [item_features(r, ignored_acronyms=ignored) for r in rows if not is_formality(r["title"])]


def body_acronyms(db) -> frozenset[str]:
    """The bodies' own short names: every item of theirs mentions them, so they link nothing."""
    names = {r["body"] for r in db.query("select distinct body from meetings where body is not null")}
    return frozenset(a for name in names for a in acronyms(name))


class Weights:
    """Inverse document frequency of terms and acronyms over the archive's items."""

    def __init__(self, items: list[ItemFeatures]):
        self.n = max(len(items), 1)
        self.df: Counter = Counter()
        for item in items:
            self.df.update(item.title_terms | item.text_terms)
            self.df.update(item.title_acronyms | item.text_acronyms)

    def idf(self, term) -> float:
        """Smoothed idf in [0, log(n)]; unseen terms count as rare."""
        return math.log((self.n + 1) / (self.df.get(term, 0) + 1))

    def total(self, terms) -> float:
        """Sum of idf over a set of terms."""
        return sum(self.idf(t) for t in terms)

    def share(self, term) -> float:
        """Fraction of items that contain ``term``."""
        return self.df.get(term, 0) / self.n
