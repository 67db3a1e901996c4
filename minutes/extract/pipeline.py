"""The spaCy pipeline: ``spacy.blank("sv")``, lookup lemmas, and a span ruler of cues.

Built once per process (the lemma table costs about 2 s and 250 MiB) and passed
to the extractor, so tests and workers can share or replace it. No trained
model is needed or downloaded.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language

from minutes.extract import components  # noqa: F401  (registers the minutes_* factories)

CUE_LABELS = ("NOTED", "ENDORSED", "DECIDED", "REFERRED", "ASSIGN", "SPEECH")


def load_patterns(name: str = "cues.jsonl") -> list[dict]:
    """Span-ruler patterns shipped as package data (one JSON object per line)."""
    text = resources.files("minutes.extract").joinpath(f"patterns/{name}").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("//")]


def pattern_lemmas(patterns: list[dict]) -> list[str]:
    """Every lemma the patterns match on (``{"LEMMA": ...}`` values)."""
    found: set[str] = set()
    for pattern in patterns:
        for token in pattern["pattern"]:
            value = token.get("LEMMA") if isinstance(token, dict) else None
            if isinstance(value, str):
                found.add(value)
            elif isinstance(value, dict):
                found.update(value.get("IN", []))
    return sorted(found)


def build_nlp(*, lemmas: str = "patterns") -> Language:
    """A fresh pipeline: tokenizer, lower-case lookup lemmatizer, cue span ruler.

    ``lemmas="patterns"`` loads only the lemma entries the cue patterns need
    (fast start-up for every worker); ``"all"`` loads the whole table;
    ``"none"`` leaves lemmas out.
    """
    nlp = spacy.blank("sv")
    patterns = load_patterns()
    if lemmas != "none":
        keep = pattern_lemmas(patterns) if lemmas == "patterns" else None
        nlp.add_pipe("minutes_lemmatizer", config={"keep": keep})
    ruler = nlp.add_pipe(
        "span_ruler",
        name="minutes_cues",
        config={"spans_key": "minutes_cues", "validate": True, "overwrite": False},
    )
    ruler.add_patterns(patterns)
    return nlp


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The shared pipeline of this process."""
    return build_nlp()


def cues(nlp: Language, text: str) -> list[tuple[str, int, int, str]]:
    """(label, start_char, end_char, text) of every cue in ``text``, in order."""
    doc = nlp(text)
    return sorted(
        (span.label_, span.start_char, span.end_char, span.text) for span in doc.spans["minutes_cues"]
    )
