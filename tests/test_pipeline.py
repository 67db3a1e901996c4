"""The spaCy pipeline: lexicon patterns validate, keep their ids, and lemmas are lower-case lookups."""

from __future__ import annotations

import pytest

from minutes.extract import lexicon
from minutes.extract.pipeline import annotate, build_nlp, cues, cues_of

SENTENCES = [
    "Linda informerar om nuläget och Per påminner om att skicka in underlag.",
    "Styrelsen ställer sig bakom förslaget.",
    "Ann tar med sig frågan och återkommer till nästa möte.",
    "Kansliet får i uppdrag att redogöra för kostnaderna.",
    "Hon redogjorde för bakgrunden och frågade om tidplanen.",
]


def test_pipeline_patterns_are_valid_and_use_known_labels():
    patterns = lexicon.ruler_patterns()
    assert {p["label"] for p in patterns} == {"DECISION", "ASSIGN", "SPEECH"}
    assert all(p.get("id") for p in patterns)
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
    assert set(lexicon.pattern_lemmas(lexicon.ruler_patterns())) >= {"informera", "redogöra", "ta", "ställa"}


def test_pipeline_cues_keep_the_lexicon_entry_id(nlp):
    (doc,) = annotate(nlp, ["Ärendet bordläggs. Kansliet får i uppdrag att utreda frågan."])
    found = {(c.label, c.id) for c in cues_of(doc)}
    assert ("DECISION", "referred:bordläggs") in found
    assert ("ASSIGN", "uppdrag") in found


def test_pipeline_sentences_split_after_full_stops_not_abbreviations(nlp):
    (doc,) = annotate(nlp, ["Ordf. hälsade alla välkomna. Mötet godkände kallelsen. 14 ja-röster mot 2."])
    assert [s.text for s in doc.sents] == [
        "Ordf. hälsade alla välkomna.", "Mötet godkände kallelsen.", "14 ja-röster mot 2.",
    ]


def test_pipeline_sentences_after_a_word_and_a_full_stop_even_in_lower_case(nlp):
    (doc,) = annotate(nlp, ["Vi ses i maj. kassören betalar. Det kostar ca. fem kronor, jfr. förra året."])
    assert [s.text for s in doc.sents] == [
        "Vi ses i maj.", "kassören betalar.", "Det kostar ca. fem kronor, jfr. förra året.",
    ]


def test_pipeline_one_pass_over_many_passages(nlp):
    docs = annotate(nlp, ["Styrelsen beslutar att anta budgeten.", "Informationen noteras."])
    assert [cues_of(d, label="DECISION")[0].kind for d in docs] == ["decided", "noted"]
