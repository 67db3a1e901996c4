"""An item's text as comparable terms: content stems, acronyms and phrase bigrams.

Linking compares items written years apart by different secretaries, so the
terms must survive inflection ("utskrivningen" ~ "utskrivning") and the usual
Swedish elision in "in- och utskrivning". Words, their normal form and their
stems come from :mod:`minutes.swedish`, the same as search uses; this module
only decides which words say something about an issue.
"""

from __future__ import annotations

import itertools
import re

from minutes.swedish import drop_elided, stem, words

#: Function words and meeting boilerplate that say nothing about the issue.
STOP_WORDS = frozenset(
    [
        "och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de",
        "inte", "om", "ett", "han", "men", "var", "jag", "sig", "från", "vi", "så", "kan", "man", "när",
        "år", "säger", "hon", "under", "också", "efter", "eller", "nu", "sin", "där", "vid", "mot", "ska",
        "skall", "hade", "bli", "blir", "blev", "finns", "fick", "får", "ger", "gör", "göra", "görs", "hur",
        "kommer", "mellan", "mer", "mycket", "någon", "några", "något", "nya", "ny", "nytt", "samt",
        "sedan", "sina", "sitt", "skulle", "vara", "vilka", "vilken", "vilket", "även", "än", "all", "alla",
        "allt", "andra", "annat", "bör", "både", "dock", "denna", "detta", "dessa", "deras", "dem", "dess",
        "ej", "enligt", "genom", "hos", "inom", "kring", "utan", "över", "per", "via", "ut", "in", "upp",
        "ner", "fram", "bl", "a", "t", "ex", "m", "fl", "st", "vår", "våra", "vårt", "er", "era", "ert",
        "oss", "ni", "du", "dig", "min", "mitt", "mina"
    ]
)

#: Words that describe the kind of agenda item, not its issue ("Lägesrapport FVM" ~ "Nuläge FVM").
GENERIC_TITLE_WORDS = frozenset(
    [
        "lägesrapport", "läge", "nuläge", "nulägesrapport", "rapport", "rapportering", "återrapport",
        "återrapportering", "återkoppling", "information", "info", "informationsärende", "dialog",
        "diskussion", "beslut", "beslutsärende", "förslag", "ärende", "ärenden", "fråga", "frågor",
        "bilaga", "bilagor", "fortsatt", "fortsättning", "uppdatering", "aktuellt", "status", "delrapport",
        "slutrapport", "redovisning", "presentation", "genomgång", "uppföljning", "inför", "avslut",
        "start", "del", "remiss", "remissvar", "yttrande", "ställningstagande", "godkännande"
    ]
)

ACRONYM = re.compile(r"\b[A-ZÅÄÖ]{2,6}\b")


def content_stems(text: str, *, drop: frozenset[str] = frozenset()) -> list[str]:
    """Stems of the content words of ``text`` in order (stop words and ``drop`` words removed)."""
    stems = []
    for lower in words(drop_elided(text or "")):
        if len(lower) < 2 or not lower.isalpha() or lower in STOP_WORDS or lower in drop:
            continue
        s = stem(lower)
        if s in drop:
            continue
        stems.append(s)
    return stems


def acronyms(text: str) -> set[str]:
    """Upper-case abbreviations such as FVM or ESF (kept as written, case matters here)."""
    return set(ACRONYM.findall(text or ""))


def bigrams(stems: list[str]) -> set[tuple[str, str]]:
    """Adjacent content-stem pairs: a phrase survives rewording better than a single word."""
    return set(itertools.pairwise(stems))


GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_TITLE_WORDS)


def title_terms(title: str) -> list[str]:
    """Issue-bearing stems of a title: content stems minus item-kind words ("lägesrapport")."""
    return content_stems(title, drop=GENERIC_TITLE_WORDS | GENERIC_STEMS)
