"""Swedish text to comparable terms: stems, acronyms and phrase bigrams.

Linking compares items written years apart by different secretaries, so the
terms must survive inflection ("utskrivningen" ~ "utskrivning") and the
usual Swedish elision in "in- och utskrivning". A small Snowball-style
stemmer does this without loading a lemma table or spaCy (only ``extract/``
imports spaCy), and is fast enough to run over a whole archive on every import.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

VOWELS = set("aeiouyåäö")

#: Snowball Swedish step-1 suffixes, longest first.
MAIN_SUFFIXES = sorted(
    ["a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste", "en", "anden", "aren", "heten", "ern", "ar", "er", "heter", "or", "as", "arnas", "ernas", "ornas", "es", "ades", "andes", "ens", "arens", "hetens", "erns", "at", "andet", "het", "ast"],
    key=len,
    reverse=True,
)
S_ENDING = set("bcdfghjklmnoprtvy")
DOUBLE_ENDINGS = ("dd", "gd", "nn", "dt", "gt", "kt", "tt")

#: Function words and meeting boilerplate that say nothing about the issue.
STOP_WORDS = frozenset(
    ["och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de", "inte", "om", "ett", "han", "men", "var", "jag", "sig", "från", "vi", "så", "kan", "man", "när", "år", "säger", "hon", "under", "också", "efter", "eller", "nu", "sin", "där", "vid", "mot", "ska", "skall", "hade", "bli", "blir", "blev", "finns", "fick", "får", "ger", "gör", "göra", "görs", "hur", "kommer", "mellan", "mer", "mycket", "någon", "några", "något", "nya", "ny", "nytt", "samt", "sedan", "sina", "sitt", "sitt", "skulle", "vara", "vilka", "vilken", "vilket", "även", "än", "all", "alla", "allt", "andra", "annat", "bör", "både", "dock", "denna", "detta", "dessa", "deras", "dem", "dess", "ej", "enligt", "genom", "hos", "inom", "kring", "utan", "över", "per", "via", "ut", "in", "upp", "ner", "fram", "bl", "a", "t", "ex", "m", "fl", "st", "vår", "våra", "vårt", "er", "era", "ert", "oss", "ni", "du", "dig", "min", "mitt", "mina"]
)

#: Words that describe the kind of agenda item, not its issue ("Lägesrapport FVM" ~ "Nuläge FVM").
GENERIC_TITLE_WORDS = frozenset(
    ["lägesrapport", "läge", "nuläge", "nulägesrapport", "rapport", "rapportering", "återrapport", "återrapportering", "återkoppling", "information", "info", "informationsärende", "dialog", "diskussion", "beslut", "beslutsärende", "förslag", "ärende", "ärenden", "fråga", "frågor", "bilaga", "bilagor", "fortsatt", "fortsättning", "uppdatering", "aktuellt", "status", "delrapport", "slutrapport", "redovisning", "presentation", "genomgång", "uppföljning", "inför", "avslut", "start", "del", "remiss", "remissvar", "yttrande", "ställningstagande", "godkännande"]
)

ACRONYM = re.compile(r"\b[A-ZÅÄÖ]{2,6}\b")
#: Runs of letters: the parts of a word, a hyphenated compound split at its hyphens.
LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
#: The elided first half of "in- och utskrivning", "hälso- och sjukvård".
ELIDED = re.compile(r"[^\W\d_]+-(?=\s+(?:och|eller|samt|resp\.?|respektive)\s)", re.UNICODE)


def normalize(text: str) -> str:
    """NFC and case folding, so the same word always compares equal."""
    return unicodedata.normalize("NFC", text or "").casefold()


def _r1(word: str) -> int:
    """Start of Snowball's region R1 (after the first vowel-consonant pair, at least 3)."""
    for i in range(1, len(word)):
        if word[i] not in VOWELS and word[i - 1] in VOWELS:
            return max(i + 1, 3)
    return len(word)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light Swedish stem: Snowball steps 1-3 (inflectional and a few derivational suffixes)."""
    word = normalize(word)
    r1 = _r1(word)
    for suffix in MAIN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= r1:
            word = word[: -len(suffix)]
            break
    else:
        if word.endswith("s") and len(word) - 1 >= r1 and word[-2:-1] in S_ENDING:
            word = word[:-1]
    if word.endswith(DOUBLE_ENDINGS) and len(word) - 1 >= r1:
        word = word[:-1]
    for suffix, replacement in (("lig", ""), ("ig", ""), ("els", ""), ("löst", "lös"), ("fullt", "full")):
        if word.endswith(suffix) and len(word) - len(suffix) >= r1:
            word = word[: -len(suffix)] + replacement
            break
    return word


def words(text: str) -> list[str]:
    """Word tokens; hyphenated compounds split, an elided first half ("in-") dropped."""
    text = text or ""
    if "-" in text:
        text = ELIDED.sub(" ", text)
    return LETTERS.findall(text)


def content_stems(text: str, *, drop: frozenset[str] = frozenset()) -> list[str]:
    """Stems of the content words of ``text`` in order (stop words and ``drop`` words removed)."""
    stems = []
    for lower in words(normalize(text)):
        if len(lower) < 2 or lower in STOP_WORDS or lower in drop:
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
