"""The spaCy pipeline: patterns validate, and the trimmed lemma table agrees with the full one."""

from __future__ import annotations

import pytest

from minutes.extract.pipeline import build_nlp, cues, load_patterns, pattern_lemmas

SENTENCES = [
    "Linda informerar om nuläget och Per påminner om att skicka in underlag.",
    "Styrelsen ställer sig bakom förslaget.",
    "Ann tar med sig frågan och återkommer till nästa möte.",
    "Kansliet får i uppdrag att redogöra för kostnaderna.",
    "Hon redogjorde för bakgrunden och frågade om tidplanen.",
]


def test_pipeline_patterns_are_valid_and_use_known_labels():
    patterns = load_patterns()
    assert {p["label"] for p in patterns} <= {"NOTED", "ENDORSED", "DECIDED", "REFERRED", "ASSIGN", "SPEECH"}
    build_nlp(lemmas="none")  # the span ruler validates every pattern


@pytest.fixture(scope="module")
def full_nlp():
    return build_nlp(lemmas="all")


def test_pipeline_trimmed_lemmas_match_the_full_table(nlp, full_nlp):
    for sentence in SENTENCES:
        assert cues(nlp, sentence) == cues(full_nlp, sentence), sentence


def test_pipeline_lemmas_are_lower_case_lookups(nlp):
    doc = nlp("Informerar Redogör Lyfter")
    assert [t.lemma_ for t in doc] == ["informera", "redogöra", "lyfta"]
    assert set(pattern_lemmas(load_patterns())) >= {"informera", "redogöra", "ta", "ställa"}
