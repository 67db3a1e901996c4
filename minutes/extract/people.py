"""Finding person names in minutes text and resolving short forms to full names.

Without a trained Swedish model there is no PERSON entity; instead a name is a
run of capitalised words whose first word is a known first name (or that the
same document already lists as a person), with a surname run after it. This
tells "Anna Berg" from "Västra Götaland" and splits flattened two-column lists
("Boråsregionen Johnny Magnusson") at the first name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_UPPER = "A-ZÅÄÖÉÜÆØ"
_LOWER = "a-zåäöéüèæøß"
NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
#: A first name may be written in camel case ("RosMarie", "AnnSofie").
FIRST_WORD = rf"[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?(?:-[{_UPPER}][{_LOWER}]+)?"
_TOKEN = re.compile(rf"(?<![\w-]){NAME_WORD}(?![\w])|(?<![\w-])[{_UPPER}](?![\w-])")

#: Word endings of organisations, places and units, never of surnames.
ORG_SUFFIXES = (
    "region",
    "regionen",
    "landsting",
    "landstinget",
    "förvaltning",
    "nämnden",
    "centrum",
    "center",
    "hälsan",
    "tjänst",
    "tjänsten",
    "skola",
    "skolan",
    "bolag",
    "bolaget",
    "kommun",
    "kommunen",
    "förbund",
    "förbundet",
    "nämnd",
    "nämnden",
    "styrelsen",
    "förvaltningen",
    "sjukhuset",
    "sjukhus",
    "området",
    "gruppen",
    "kontoret",
    "rådet",
    "vården",
    "verket",
    "enheten",
    "avdelningen",
    "stad",
    "staden",
    "klubb",
    "klubben",
    "förening",
    "föreningen",
    "sällskap",
    "sällskapet",
    "samfällighet",
    "samfälligheten",
    "kår",
    "kåren",
    "division",
    "divisionen",
    "sektion",
    "sektionen",
    "utskott",
    "utskottet",
    "kommittén",
    "fullmäktige",
    "kyrkan",
    "församling",
    "församlingen",
    "fonden",
    "stiftelsen",
    "institutet",
    "universitet",
    "universitetet",
    "högskolan",
    "myndigheten",
    "styrelse",
    "ab",
    "hb",
    "kb",
)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The first-name lexicon shipped in ``lexicon/first_names.txt``."""
    text = resources.files("minutes.extract").joinpath("lexicon/first_names.txt").read_text(encoding="utf-8")
    words = (w for line in text.splitlines() if not line.startswith("#") for w in line.split())
    return frozenset(words)


def is_first_name(word: str) -> bool:
    """True for a known first name, including double names whose parts are known."""
    names = first_names()
    return word in names or ("-" in word and all(part in names for part in word.split("-")))


#: Attendance marks written after a name in a table ("Anna Berg Ja"), never surnames.
_MARKS = frozenset({"Ja", "Nej", "JA", "NEJ", "X", "Närv", "Frånv"})


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    from minutes.extract import lexicon

    words = {w for t in lexicon.words("roles", "titles") for w in t.split()}
    return frozenset(w.lower() for w in words if len(w) > 2)


@lru_cache(maxsize=1)
def _title_ending() -> re.Pattern:
    from minutes.extract import lexicon

    return re.compile(rf"(?:{lexicon.alternation(lexicon.words('roles', 'title_endings'))})$", re.IGNORECASE)


def is_title_word(word: str) -> bool:
    """A role title written after a name ("Anna Berg Ledamot", "Huvudsystemansvarig"), not a surname."""
    low = word.lower()
    return low in _title_words() or (len(low) > 7 and bool(_title_ending().search(low)))


def is_orgish(word: str) -> bool:
    """A word that names an organisation, place or unit rather than a person."""
    low = word.lower()
    return low.endswith(ORG_SUFFIXES) and not is_first_name(word)


def is_orgish_phrase(text: str) -> bool:
    """Any word of the phrase names an organisation, place or unit."""
    return any(is_orgish(w) for w in text.split())


@dataclass(frozen=True)
class NameMatch:
    """A person name found in text, with its character range."""

    name: str
    start: int
    end: int


def find_names(text: str, *, known: Iterable[str] = ()) -> list[NameMatch]:
    """Person names in ``text``: a first name plus up to three surname words.

    ``known`` full names (from the same document) are accepted even when their
    first name is not in the lexicon. A single capital letter after a first
    name is a surname initial ("Ann-Louise N").
    """
    known_set = set(known)
    known_firsts = {k.split()[0] for k in known_set if " " in k}
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found: list[NameMatch] = []
    i = 0
    while i < len(tokens):
        word, start, end = tokens[i]
        if len(word) == 1 or not (is_first_name(word) or word in known_firsts):
            i += 1
            continue
        j, last_end = i + 1, end
        while j < len(tokens) and j - i <= 3 and _adjacent(text, last_end, tokens[j][1]):
            nxt = tokens[j][0]
            if (
                is_orgish(nxt)
                or is_title_word(nxt)
                or nxt in _MARKS
                or (j - i >= 2 and is_first_name(nxt) and len(nxt) > 1)
            ):
                break
            if len(nxt) == 1:  # a surname initial ends the name
                last_end = tokens[j][2]
                j += 1
                break
            last_end = tokens[j][2]
            j += 1
        if j - i >= 2:
            found.append(NameMatch(text[start:last_end], start, last_end))
            i = j
        else:
            i += 1
    return found


_PARTICLE_GAP = re.compile(r"^ (?:von|af|av|de|van|der|den|du|la|di|da) $")


def _adjacent(text: str, end: int, start: int) -> bool:
    """Two words belong to one name only when a single space (or a particle: "von") separates them."""
    gap = text[end:start]
    return gap == " " or bool(_PARTICLE_GAP.match(gap))


def initials_of(full: str) -> set[str]:
    """The initials a document may write for a full name: "Bengt-Åke Löfgren" -> {"BÅL", "BL"}."""
    parts = full.split()
    if len(parts) < 2:
        return set()
    letters = ["".join(p[0] for p in part.split("-") if p) for part in parts]
    out = {"".join(letters).upper(), (letters[0] + letters[-1][0]).upper(), (parts[0][0] + parts[-1][0]).upper()}
    return {i for i in out if len(i) >= 2}


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, tuple[str, ...]]:
    from minutes.extract import lexicon

    return {k: tuple(v) for k, v in lexicon.load("names")["nicknames"].items()}


def resolve(name: str, full_names: Iterable[str]) -> str:
    """See :func:`_resolve`; cached per name and list of people (the list is fixed per document)."""
    return _resolve(name, tuple(full_names))


@lru_cache(maxsize=65536)
def _resolve(name: str, full_names: tuple[str, ...]) -> str:
    """Resolve a first name ("Linda"), nickname ("Lasse"), initials ("BÅL") or initial form
    ("H Strandberg") to the one full name in ``full_names`` that fits; else return it as written.

    A first name written with a one-letter slip ("Victor" for "Viktor") fits too,
    when it is the only near match.
    """
    name = name.strip().strip("()")
    parts = name.split()
    fulls = [f for f in dict.fromkeys(full_names) if len(f.split()) >= 2 and f != name]
    candidates: set[str] = set()
    if len(parts) == 1:
        word = parts[0]
        firsts = {f: f.split()[0] for f in fulls}
        candidates = {f for f, first in firsts.items() if first == word or first.split("-")[0] == word}
        if not candidates and word in _nicknames():
            forms = _nicknames()[word]
            candidates = {f for f, first in firsts.items() if any(first.startswith(form) for form in forms)}
        if not candidates and word.isupper() and 2 <= len(word) <= 4:
            candidates = {f for f in fulls if word in initials_of(f)}
        if not candidates and len(word) >= 4:
            from rapidfuzz.distance import Levenshtein

            singles = {f: f for f in dict.fromkeys(full_names) if " " not in f and f != word}
            pool = {**firsts, **singles}
            near = {f for f, first in pool.items() if Levenshtein.distance(first.lower(), word.lower()) == 1}
            if len(near) == 1 and not any(first == word for first in pool.values()):
                candidates = near
    elif len(parts) == 2 and len(parts[0]) == 1:
        candidates = {f for f in fulls if f.split()[0].startswith(parts[0]) and f.split()[-1] == parts[1]}
    elif len(parts) == 2 and len(parts[1].rstrip(".")) == 1:
        # "Stig S." : a first name and the initial of the surname.
        initial = parts[1].rstrip(".")
        candidates = {f for f in fulls if f.split()[0] == parts[0] and f.split()[-1].startswith(initial)}
    if len(candidates) == 1:
        return candidates.pop()
    return name
