"""Custom spaCy components, registered under ``minutes_*`` names."""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.strings import get_string_id
from spacy.tokens import Doc

#: Characters that may open a sentence after ".", "!" or "?" (a capital, a digit, a quote, a bullet).
_OPENERS = set("(“«•-–")
#: Short lower-case words that a full stop abbreviates before a number ("res. 1", "nr. 3", "kl. 9").
_ABBREVIATED = re.compile(r"^[a-zåäö]{1,4}$")
#: An initial or a run of them ("S.", "E.L.A.").
_INITIALS = re.compile(r"(?:[A-ZÅÄÖ]\.)+")
#: Words that open a sentence, never a surname after an initial.
_OPENING_WORDS = frozenset({"den", "det", "de", "han", "hon", "vi", "detta", "dessa", "mötet", "styrelsen", "man"})


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from minutes.extract import lexicon

    return frozenset(w.lower() for w in lexicon.load("documents")["abbreviations"])


def _lower_start(words: list[str], i: int) -> bool:
    """A lower-case word after a full stop that ends a sentence: the word before the stop is a
    word of its own (no abbreviation, no initial, no number) and the next word no continuation."""
    before = words[i - 2] if i >= 2 else ""
    return (
        len(before) >= 3
        and before.isalpha()
        and before.lower() not in _abbreviations()
        and words[i] not in ("och", "eller", "samt", "att", "som", "men")
    )


@Language.component("minutes_sentences")
def minutes_sentences(doc: Doc) -> Doc:
    """Sentence starts: after ".", "!" or "?" when the next word opens a sentence.

    Minutes abbreviate a lot ("bl.a.", "Ordf. hälsade"); the tokenizer keeps
    most abbreviations whole, and a lower-case word after a full stop continues
    the sentence. A line break that the passage kept as "\n" also ends one.
    """
    if not len(doc):
        return doc
    words = [token.text for token in doc]
    spaces = [token.whitespace_ for token in doc]
    marked = False
    for i in range(len(words)):
        if i == 0:
            doc[0].is_sent_start = True
            continue
        prev, word = words[i - 1], words[i]
        first = word[:1]
        ends = prev in (".", "!", "?", "…") or prev.endswith(("!", "?"))
        if ends and prev == "." and i >= 2 and first.isdigit() and _ABBREVIATED.match(words[i - 2]):
            ends = False
        if ends and prev == "." and first.isalpha() and first.islower() and _lower_start(words, i):
            doc[i].is_sent_start = True  # "... som det går. root-gruppen är ...": hasty notes
            marked = True
            continue
        if not ends and _INITIALS.fullmatch(prev) and word.lower() in _OPENING_WORDS:
            ends = True  # "... av Stig S. Den godkändes", "... i E.L.A. Mötet godkände": initials end it
        if (
            (ends and (first.isupper() or first.isdigit() or first in _OPENERS))
            or "\n" in spaces[i - 1]
            or "\n" in prev
        ):
            doc[i].is_sent_start = True  # tokens left unset are not sentence starts
            marked = True
    if not marked and len(doc) > 1:
        doc[1].is_sent_start = False  # one sentence: say so, so the boundaries count as set
    return doc


@Language.factory("minutes_lemmatizer", default_config={"keep": None})
def make_lemmatizer(nlp: Language, name: str, keep: list[str] | None) -> LowercaseLookupLemmatizer:
    return LowercaseLookupLemmatizer(nlp, name, keep=keep)


class LowercaseLookupLemmatizer:
    """Lookup lemmas from spacy-lookups-data, keyed on the lower-case form.

    spaCy's lookup lemmatizer is case-sensitive, so a sentence-initial
    "Beslutar" keeps its form; minutes start many sentences with the verb's
    subject and capitalise labels, so we look up ``token.lower_`` instead.

    ``keep`` limits the table to forms of the given lemmas (the ones the
    cue patterns match on). The full table has 660,000 entries and takes
    about 2 s to load in every worker; the kept part is cached on disk once.
    Other tokens get their lower-case form as lemma.
    """

    def __init__(self, nlp: Language, name: str, *, keep: list[str] | None = None):
        self.name = name
        self.table = load_table(keep)
        # Form hash -> lemma hash, with every lemma in the string store, so that a token's
        # lemma is set as an integer (no string work per token).
        self.ids = (
            {key: nlp.vocab.strings.add(lemma) for key, lemma in self.table.items()} if keep is not None else None
        )

    def __call__(self, doc: Doc) -> Doc:
        if self.ids is not None:
            ids = self.ids
            for token in doc:
                lower = token.lower
                token.lemma = ids.get(lower, lower)
            return doc
        for token in doc:
            lower_ = token.lower_
            token.lemma_ = str(self.table.get(get_string_id(lower_), lower_))
        return doc


def _full_table():
    return load_lookups("sv", ["lemma_lookup"]).get_table("lemma_lookup")


def load_table(keep: list[str] | None):
    """The lemma table (keys are spaCy string hashes of the forms), or its part leading to ``keep``."""
    if keep is None:
        return _full_table()
    path = _cache_path(keep)
    if path is not None and path.exists():
        try:
            return {int(k): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
        except (OSError, ValueError):
            pass
    wanted = set(keep)
    table = {key: lemma for key, lemma in _full_table().items() if lemma in wanted}
    table.update({get_string_id(lemma): lemma for lemma in wanted})
    if path is not None:
        _write_cache(path, {str(k): v for k, v in table.items()})
    return table


def _cache_path(keep: list[str]) -> Path | None:
    try:
        data_version = version("spacy-lookups-data")
    except PackageNotFoundError:
        return None
    key = hashlib.sha256(json.dumps([data_version, sorted(keep)]).encode()).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "minutes"
    return base / f"sv-lemmas-{key}.json"


def _write_cache(path: Path, table: dict[str, str]) -> None:
    """Write atomically; a cache that cannot be written only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
