"""Cut a document's text into segments so every extracted fact can be highlighted in place.

Facts may overlap (a date inside a decision), so the text is split at every
span boundary and each segment carries the facts that cover it; the template
wraps a segment in one ``<span>`` with all their kinds as classes.
"""

from __future__ import annotations

from minutes.archive.facts import FACTS

#: Fact tables shown on the document page -> SQL for a short label (their declared summary).
FACT_TABLES = {fact.table: fact.summary for fact in FACTS if fact.has_span and fact.summary}

#: How each kind of fact is marked in the source text, and its word in the legend.
HIGHLIGHTS = [
    {"kind": fact.table, "style": fact.highlight, "legend": fact.legend}
    for fact in FACTS if fact.has_span and fact.highlight
]


def segments(text: str, facts: list[dict]) -> list[dict]:
    """Pieces of ``text`` in order: ``{"text", "facts", "starts"}``.

    ``facts`` are the facts covering the piece; ``starts`` those beginning at it,
    so the template can place one anchor per fact for links from fact pages.
    """
    spans = [f for f in facts if _valid(f, len(text))]
    cuts = sorted({0, len(text), *(f["start"] for f in spans), *(f["end"] for f in spans)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [f for f in spans if f["start"] <= start and end <= f["end"]]
        starting = [f for f in spans if f["start"] == start]
        pieces.append({"text": text[start:end], "facts": covering, "starts": starting})
    return pieces


def _valid(fact: dict, length: int) -> bool:
    start, end = fact.get("start"), fact.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length
