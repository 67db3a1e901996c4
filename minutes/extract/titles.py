"""Where a heading's title ends when the item's text runs on after it on the same line.

Flattened web copies and bullet-topic notes put a title and the item's first sentence on one
piece of text: "Budget 2022 Socialnämnden beslutar att anta budgeten.", "Tidplan Solveig
Carlbom informerar om tidplan.", "Nästa möte Nästa möte hålls den 3 mars.". The title ends
where a sentence whose subject is the body, the chair, the meeting or a person starts, or
where the title's own words are said again.
"""

from __future__ import annotations

import re
from functools import lru_cache

from minutes.extract import lexicon
from minutes.extract.people import is_first_name

_WORD = re.compile(r"\S+")


def statement_start(text: str, *, people: bool = False) -> int | None:
    """Offset in ``text`` where the item's first sentence starts after the title words, or None.

    ``people``: a first name (or a full name) may be the sentence's subject, as in notes where
    each topic opens with who reported on it.
    """
    words = list(_WORD.finditer(text))
    if len(words) < 3 or not (people or re.search(r"[.!]\s*$", text)):
        return None
    repeated = _repeated_title(words)
    if repeated is not None:
        return repeated
    subjects = {w.lower() for w in lexicon.words("decisions", "subjects")} | {"ordföranden", "ordförande"}
    for n, m in enumerate(words[1:-2], start=1):
        word = m.group(0)
        nxt = words[n + 1].group(0)
        if is_first_name(word) and nxt[:1].isupper() and nxt.endswith(",") and n + 2 < len(words):
            return m.start()  # "Rapport om läget Anna Berg, ekonom, informerar ...": who reported
        if word in _openers() and any(w.group(0).lower().strip(".,") in _formula_words() for w in words[n + 1 : n + 7]):
            return m.start()  # "Val av justerare Till justerare utses Olle Ek.": an adverbial, then the formula
        if not word[:1].isupper() or not _subject(word, subjects, people=people):
            continue
        # The verb follows, perhaps after the subject's name ("Ordföranden Anna Berg öppnade ...").
        rest = [w.group(0) for w in words[n + 1 : n + 5]]
        names = next((k for k, w in enumerate(rest) if not w[:1].isupper()), len(rest))
        if names < len(rest) and names <= 3 and rest[names][:1].islower():
            return m.start()
    return None


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return frozenset(w for w in lexicon.words("decisions", "openers") if " " not in w)


@lru_cache(maxsize=1)
def _formula_words() -> frozenset[str]:
    """The single words of the decision formulas ("utses", "godkänns", "valdes")."""
    words: set[str] = set()
    for entries in lexicon.load("decisions")["kinds"].values():
        for entry in entries:
            for phrase in entry["phrases"]:
                for token in phrase.split()[:1]:
                    words.update(w for w in token.split("|") if w.isalpha() and len(w) > 3)
    return frozenset(words)


def _subject(word: str, subjects: set[str], *, people: bool) -> bool:
    from minutes.extract.header import body_word

    return bool(body_word(word)) or word.lower() in subjects or (people and is_first_name(word))


def _repeated_title(words: list[re.Match]) -> int | None:
    """ "Nästa möte Nästa möte hålls ...": the title's words said again open the sentence."""
    for k in range(1, min(5, len(words) // 2) + 1):
        head = [w.group(0).lower().strip(",.:;") for w in words[:k]]
        again = [w.group(0).lower().strip(",.:;") for w in words[k : 2 * k]]
        if head == again and len(words) > 2 * k:
            return words[k].start()
    return None
