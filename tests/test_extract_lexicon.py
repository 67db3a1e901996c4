"""The lexicon of Swedish minutes as data: what each label, section and phrase declares.

Every rule reads its words from ``minutes/extract/lexicon/*.yml``; these tables
check that the lexicon says what the families of minutes need, and that the
phrase syntax turns into the span-ruler patterns it documents.
"""

from __future__ import annotations

import re

import pytest

from minutes.extract import lexicon
from minutes.models import DECISION_KINDS


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Plats och tid", "place_time"),
        ("Sammanträdesdatum", "date"),
        ("Tid", "time"),
        ("Datum och tid", "date_time"),
        ("Mötesform", "form"),
        ("Organ", "body"),
        ("Justeringens plats och tid", "adjustment"),
        ("Paragrafer", "paragraphs"),
        ("Underskrifter", "signatures"),
        ("ANSLAG/BEVIS", "notice"),
    ],
)
def test_lexicon_header_label_names_its_field(label, field):
    assert lexicon.header_labels()[label.lower()] == field


@pytest.mark.parametrize(
    ("label", "status"),
    [
        ("Beslutande", "present"),
        ("Tjänstgörande ersättare", "present"),
        ("Övriga deltagare", "present"),
        ("Frånvarande", "absent"),
        ("Anmält förhinder", "absent"),
        ("Inbjudna", "invited"),
        ("Kallade", "called"),
        # Role labels list people who attended.
        ("Mötesordförande", "present"),
        ("Utses att justera", "present"),
        # Group headings too ("Kansliet:" over the staff who came).
        ("Kansliet", "present"),
    ],
)
def test_lexicon_attendance_label_gives_a_status(label, status):
    assert lexicon.status_labels()[label.lower()] == status


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Ordförande", "ordförande"),
        ("Sekreterare", "sekreterare"),
        ("Mötessekreterare", "sekreterare"),
        ("Vid protokollet", "sekreterare"),
        ("Utses att justera", "justerare"),
        ("Vice ordförande", "vice ordförande"),
    ],
)
def test_lexicon_role_label_gives_a_role(label, role):
    assert lexicon.role_labels()[label.lower()] == role


def test_lexicon_decision_kinds_are_declared_once_and_match_the_models():
    assert set(lexicon.load("decisions")["kinds"]) == set(DECISION_KINDS)
    patterns = [p for p in lexicon.ruler_patterns() if p["label"] == "DECISION"]
    assert {p["id"].split(":", 1)[0] for p in patterns} == set(DECISION_KINDS)


def test_lexicon_party_letters():
    assert {"S", "M", "C", "L", "KD", "V", "MP", "SD"} <= lexicon.party_letters()


@pytest.mark.parametrize(("name", "letters"), [("Moderaterna", "M"), ("Centerpartiet", "C"), ("Miljöpartiet", "MP")])
def test_lexicon_party_names_stand_for_their_letters(name, letters):
    assert lexicon.party_names()[name] == letters


@pytest.mark.parametrize(
    ("phrase", "tokens"),
    [
        ("beslutar", [{"LOWER": "beslutar"}]),
        ("Beslutar|Beslöt", [{"LOWER": {"IN": ["beslutar", "beslöt"]}}]),
        ("~ställa sig", [{"LEMMA": "ställa"}, {"LOWER": "sig"}]),
        ("~notera|~anteckna", [{"LEMMA": {"IN": ["notera", "anteckna"]}}]),
        ("att?", [{"LOWER": "att", "OP": "?"}]),
        ("får _ i", [{"LOWER": "får"}, {}, {"LOWER": "i"}]),
        ("_?", [{"OP": "?"}]),
        ("#Name", [{"IS_TITLE": True}]),
        ("ger * i", [{"LOWER": "ger"}, {"OP": f"{{,{lexicon.WILDCARD_WORDS}}}"}, {"LOWER": "i"}]),
    ],
)
def test_lexicon_phrase_syntax_becomes_token_patterns(phrase, tokens):
    assert lexicon.phrase_pattern(phrase) == tokens


def test_lexicon_phrase_syntax_refuses_mixed_lemma_and_word_alternatives():
    with pytest.raises(ValueError, match="mix of lemma and word"):
        lexicon.phrase_pattern("ställer|~ställa")


def test_lexicon_heading_forms_compile_with_levels_and_unique_ids():
    forms = lexicon.heading_forms()
    ids = [form for form, _level, _pattern in forms]
    assert len(ids) == len(set(ids))
    assert {"paragraph", "numbered", "outline", "lettered", "punkt", "markdown"} <= set(ids)
    assert all(level in (1, 2) and isinstance(p, re.Pattern) for _f, level, p in forms)


@pytest.mark.parametrize(
    ("text", "word", "whole"),
    [
        ("Anna Berg, ordförande", True, False),
        ("ordföranden", False, False),
        ("Ordförande", True, True),
        ("vice ordförande", True, True),
    ],
)
def test_lexicon_word_list_regex_matches_whole_words(text, word, whole):
    pattern = lexicon.regex("roles", "titles", whole=whole)
    assert bool(pattern.search(text)) is word
