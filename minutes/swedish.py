"""Swedish words for comparison: one normal form, one tokenisation, one stemmer.

Search (:mod:`minutes.archive.search`) and linking (:mod:`minutes.link`) both
compare words written by different secretaries in different years, so both
use these functions and agree on what "the same word" is:

* :func:`normalise`: NFC, lower case (as FTS5's ``unicode61`` folds case), diacritics other than å, ä and ö
  dropped (*idé* = *ide*), while å/ä/ö stay letters of their own (*för* ≠ *for*);
* :func:`words`: runs of letters and digits, as FTS5's ``unicode61`` tokenizer
  sees them, so a word found here is a word the index holds;
* :func:`stem`: the Snowball Swedish stemmer (the ``snowballstemmer``
  package): *riktlinjer*, *riktlinjen* → *riktlinj*; *avtalet* → *avtal*.

Nothing here knows minutes: words that say nothing about an issue, item
kinds and the like belong to the modules that use them.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
import unicodedata
from functools import lru_cache

#: Token characters as FTS5's unicode61 sees them (letters and digits; no "_").
WORD = re.compile(r"[^\W_]+")

#: The elided first half of "in- och utskrivning", "hälso- och sjukvård": a word
#: that only stands for the shared tail of the next one.
ELIDED = re.compile(r"[^\W\d_]+-(?=\s+(?:och|eller|samt|resp\.?|respektive)\s)")

_KEEP = set("åäöÅÄÖ")


def _swedish_stemmer():
    """Snowball's Swedish stemmer, without the 30 others its package imports (issue 15).

    ``import snowballstemmer`` (even ``snowballstemmer.swedish_stemmer``) runs the
    package's ``__init__``, which imports the stemmer of every language: about
    40 modules, a tenth of ``minutes search``'s start-up. Here the Swedish module
    is loaded under a bare stand-in for the package, which is removed again, so
    a later ``import snowballstemmer`` elsewhere gets the real package (and this
    same module).
    """
    if "snowballstemmer" in sys.modules:
        from snowballstemmer.swedish_stemmer import SwedishStemmer

        return SwedishStemmer()
    spec = importlib.util.find_spec("snowballstemmer")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("snowballstemmer is not installed")
    stand_in = types.ModuleType("snowballstemmer")
    stand_in.__path__ = list(spec.submodule_search_locations)
    sys.modules["snowballstemmer"] = stand_in
    try:
        module = importlib.import_module("snowballstemmer.swedish_stemmer")
    finally:
        del sys.modules["snowballstemmer"]
    return module.SwedishStemmer()


_STEMMER = _swedish_stemmer()


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character without diacritics, except the Swedish letters å, ä and ö."""
    if char in _KEEP or char.isascii():
        return char
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))


def normalise(text: str | None) -> str:
    """NFC, lower case, foreign diacritics folded: the form every comparison uses."""
    text = unicodedata.normalize("NFC", text or "").lower()
    if text.isascii():
        return text
    return "".join(_fold_char(c) for c in text)


def words(text: str | None) -> list[str]:
    """The normalised words of ``text``, in order."""
    if not text:
        return []
    return WORD.findall(normalise(text))


def drop_elided(text: str) -> str:
    """``text`` without elided first halves: "in- och utskrivning" → "och utskrivning"."""
    return ELIDED.sub(" ", text) if "-" in text else text


#: Plurals that change the vowel of "man": *tjänstemän*, *gårdsförmännen* share the stem
#: of *tjänsteman*, *gårdsförman* (Snowball removes endings, it does not undo umlaut).
_MAN_PLURAL = re.compile(r"män(?:nen|nens|s)?$")


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """The Snowball stem of one normalised word (cached: vocabularies are Zipfian).

    Snowball's Swedish leaves the definite neuter "-et" on (*förbundet*, *beslutet*, *ärendet*):
    it is taken off the stem, as often as it is there, so that *paket* and *paketet*, *förbund*
    and *kommunalförbundet* meet.
    """
    if len(word) > 4 and _MAN_PLURAL.search(word):
        word = _MAN_PLURAL.sub("man", word)
    root = _STEMMER.stemWord(word)
    while len(root) >= 5 and root.endswith("et") and root[-3] not in "aeiouyåäö":
        root = root[:-2]
    return root
