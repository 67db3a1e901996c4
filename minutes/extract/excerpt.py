"""A protocol excerpt printed as another meeting's attachment.

Council archives print the paragraph a committee or the board sent up as an
attachment to the council's own paragraph: "§ 56, KF 2012-03-15 / §:s bilaga:
Kommunstyrelsen 2012-01-24 § 25", then the board's paragraph as it was
written. What the page records is the board's meeting: its body, its date and
its paragraph number, and the title the excerpt itself gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from minutes.extract import lexicon
from minutes.extract.layout import ItemBlock


@dataclass
class Excerpt:
    """The meeting an attached excerpt comes from."""

    body: str
    date: str
    number: str


@lru_cache(maxsize=1)
def _reference() -> re.Pattern:
    words = "|".join(lexicon.load("documents")["attachment_words"])  # regexes, not words
    return re.compile(
        rf"(?:{words})\s*:\s*(?P<body>[A-ZÅÄÖ][\wåäö-]+(?:\s+[\wåäö-]+){{0,3}}?)\s+"
        r"(?P<date>\d{4}-\d{2}-\d{2})\s*,?\s*§\s*(?P<number>\d{1,4})\b",
        re.IGNORECASE,
    )


def attached_excerpt(blocks: list[ItemBlock]) -> Excerpt | None:
    """The excerpt a single item's heading says it is, if it says so."""
    if len(blocks) != 1:
        return None
    m = _reference().search(blocks[0].heading.text)
    if not m:
        return None
    return Excerpt(m.group("body"), m.group("date"), m.group("number"))


def as_excerpt(block: ItemBlock, excerpt: Excerpt) -> None:
    """Number the item as the excerpt does, titled by its first line (the heading was the
    attachment's reference)."""
    block.number = excerpt.number
    first = next((line for line in block.body if line.text.strip()), None)
    if first is not None and len(first.text) <= 120 and not re.search(r"[.!?]$", first.text):
        block.title = first.text.strip()
