"""Swedish word handling for search: normalised words, stems and compound heads.

Search matches three forms of every word, each kept in its own shadow column
beside the original text so FTS5 (whose tokenizers know no Swedish) can index
them with the plain ``unicode61`` tokenizer:

* the word as written (the original column): exact forms rank highest;
* its Snowball stem (``*_stem``): *riktlinjer*, *riktlinjen* → *riktlinj*;
  a prefix query on the stem also finds compounds whose first part is the
  word (*avvikelse* → *avvikelsehantering*);
* its stem reversed (``*_rev``), only for words long enough to be compounds:
  a prefix query on the reversed stem finds compounds whose *last* part is the
  word (*plattform* → *webbplattformen*), which Swedish makes common.

Words are NFC-normalised and lower-cased; diacritics other than å, ä and ö are
dropped (*idé* = *ide*), while å/ä/ö stay distinct letters (*för* ≠ *for*).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from snowballstemmer.swedish_stemmer import SwedishStemmer

#: Token characters as FTS5's unicode61 sees them (letters and digits; no "_").
WORD = re.compile(r"[^\W_]+")

#: Shortest stem that takes part in prefix (compound-head) or suffix matching.
MIN_AFFIX_STEM = 4

#: Shortest stem stored reversed: a 4-letter head needs at least a 3-letter modifier.
MIN_COMPOUND = 7

_KEEP = set("åäöÅÄÖ")
_STEMMER = SwedishStemmer()


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character without diacritics, except the Swedish letters å, ä and ö."""
    if char in _KEEP or char.isascii():
        return char
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """NFC, lower case, foreign diacritics folded: the form every comparison uses."""
    text = unicodedata.normalize("NFC", text).lower()
    if text.isascii():
        return text
    return "".join(_fold_char(c) for c in text)


def words(text: str | None) -> list[str]:
    """The normalised words of ``text``, in order."""
    if not text:
        return []
    return WORD.findall(normalise(text))


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """The Snowball stem of one normalised word (cached: vocabularies are Zipfian)."""
    return _STEMMER.stemWord(word)


def stem_text(text: str | None) -> str:
    """``text`` as a sequence of stems, word order kept so stemmed phrases still match."""
    return " ".join(stem(w) for w in words(text))


def reversed_text(text: str | None) -> str:
    """The distinct stems of compound-length words in ``text``, each spelled backwards.

    Order and repeats do not matter for suffix matching, so they are dropped:
    this keeps the column a fraction of the text's size.
    """
    stems = {stem(w) for w in words(text)}
    return " ".join(sorted(s[::-1] for s in stems if len(s) >= MIN_COMPOUND))


def shadow_columns(values: dict[str, str | None], columns: list[str]) -> dict[str, str]:
    """``<col>_stem`` and ``<col>_rev`` for each of ``columns`` in a row's ``values``."""
    shadow = {}
    for column in columns:
        shadow[f"{column}_stem"] = stem_text(values.get(column))
        shadow[f"{column}_rev"] = reversed_text(values.get(column))
    return shadow
