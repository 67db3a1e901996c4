"""The spaCy pipeline: ``spacy.blank("sv")``, lookup lemmas, sentences, and a span ruler of cues.

Built once per process and passed to the extractor, so tests and workers can
share or replace it. No trained model is needed or downloaded. The extractor
runs it once over all passages of a document with ``nlp.pipe``
(:func:`annotate`); the fact modules then read the annotations: sentences
(``doc.sents``) and cue spans (``doc.spans["minutes_cues"]``, label and
lexicon entry id kept as ``span.label_`` and ``span.id_``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from minutes.extract import (
    components,  # noqa: F401  (registers the minutes_* factories)
    lexicon,
)

CUES = "minutes_cues"
CUE_LABELS = ("DECISION", "ASSIGN", "SPEECH")


def build_nlp(*, lemmas: str = "patterns") -> Language:
    """A fresh pipeline: tokenizer, lower-case lookup lemmatizer, sentences, cue span ruler.

    ``lemmas="patterns"`` loads only the lemma entries the cue patterns need
    (fast start-up for every worker); ``"all"`` loads the whole table;
    ``"none"`` leaves lemmas out.
    """
    nlp = spacy.blank("sv")
    patterns = lexicon.ruler_patterns()
    if lemmas != "none":
        keep = lexicon.pattern_lemmas(patterns) if lemmas == "patterns" else None
        nlp.add_pipe("minutes_lemmatizer", config={"keep": keep})
    nlp.add_pipe("minutes_sentences")
    ruler = nlp.add_pipe(
        "span_ruler",
        name=CUES,
        config={"spans_key": CUES, "validate": True, "overwrite": False},
    )
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]  # add_pipe returns the SpanRuler
    return nlp


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The shared pipeline of this process."""
    return build_nlp()


def annotate(nlp: Language, texts: Iterable[str]) -> list[Doc]:
    """One ``Doc`` per passage text, all in one ``nlp.pipe`` pass."""
    return list(nlp.pipe(texts, batch_size=64))


@dataclass(frozen=True)
class Cue:
    """A cue the span ruler found: label, lexicon entry id and character range in its passage."""

    label: str
    id: str
    start: int
    end: int
    text: str

    @property
    def kind(self) -> str:
        """For a DECISION cue, the decision kind its lexicon entry declares."""
        return self.id.split(":", 1)[0]


def cues_of(doc: Doc, start: int = 0, end: int | None = None, *, label: str | None = None) -> list[Cue]:
    """The cues of ``doc`` inside characters ``start:end``, in order (longest first at a start)."""
    end = len(doc.text) if end is None else end
    found = [
        Cue(span.label_, span.id_, span.start_char, span.end_char, span.text)
        for span in doc.spans[CUES]
        if span.start_char >= start and span.end_char <= end and (label is None or span.label_ == label)
    ]
    return sorted(found, key=lambda c: (c.start, -(c.end - c.start)))


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a passage."""
    return list(doc.sents)


def cues(nlp: Language, text: str) -> list[tuple[str, int, int, str]]:
    """(label, start_char, end_char, text) of every cue in a one-off ``text`` (tests, CLI)."""
    doc = nlp(text)
    return [(c.label, c.start, c.end, c.text) for c in cues_of(doc)]
