"""Item sections: which passages of an item are background, decision, yrkanden, reservation, ...

``sections.section_label`` recognises a label at the start of a line (alone,
with a colon and text, or in capitals before text); ``read_sections`` gives
each passage of an item's body the role of the section it stands in.
"""

from __future__ import annotations

import pytest

from minutes.extract.lines import split_lines
from minutes.extract.sections import read_sections, section_label


@pytest.mark.parametrize(
    ("text", "role", "kind", "rest"),
    [
        ("Beslut", "decision", "decided", ""),
        ("Beslut:", "decision", "decided", ""),
        ("Beslut: Enligt förslag.", "decision", "decided", "Enligt förslag."),
        (
            "BESLUT Kyrkomötet beslöt att bifalla motionen.",
            "decision",
            "decided",
            "Kyrkomötet beslöt att bifalla motionen.",
        ),
        ("6.2 Beslut", "decision", "decided", ""),
        ("Nämndens beslut", "decision", "decided", ""),
        ("Ställningstagande:", "decision", "other", ""),
        ("Yrkanden", "motions", None, ""),
        ("Propositionsordning", "order", None, ""),
        ("Omröstning", "vote", None, ""),
        ("Reservation: M, KD.", "reservation", None, "M, KD."),
        ("Protokollsanteckning", "note", None, ""),
        ("Expedieras till:", "recipients", None, ""),
        ("Beslutet skickas till", "recipients", None, ""),
        ("Beslutsunderlag", "documents", None, ""),
        ("Ärendebeskrivning", "background", None, ""),
        ("Förslag till beslut", "proposal", None, ""),
        ("Kommunstyrelsens förslag till kommunfullmäktige", "proposal", None, ""),
        ("Diskussion", "discussion", None, ""),
    ],
)
def test_sections_label(text, role, kind, rest):
    label = section_label(text)
    assert (label.role, label.kind, label.rest) == (role, kind, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Beslut om att byta bank",  # a sentence that opens with the noun
        "6.2 Beslut om bank",
        "Budget 2021",
        "Reservationerna diskuterades länge.",
    ],
)
def test_sections_no_label(text):
    assert section_label(text) is None


def _roles(text: str) -> list[tuple[str | None, str]]:
    return [(p.role, p.text) for p in read_sections(split_lines(text))]


def test_sections_kommunal_paragraph():
    text = (
        "Ärendebeskrivning\nNämnden har fått en motion om parkbänkar.\n"
        "Beslutsunderlag\nTjänsteskrivelse 2020-01-02\n\n"
        "Nämnden diskuterade ärendet.\n"
        "Yrkanden\nOlle Ek (M) yrkar avslag på motionen.\n"
        "Beslut\nNämnden beslutar att avslå motionen.\n"
        "Reservation\nKarin Lund (C) reserverar sig mot beslutet.\n"
        "Protokollsanteckning\nAnna Berg (S) lämnar en protokollsanteckning."
    )
    assert _roles(text) == [
        ("background", "Nämnden har fått en motion om parkbänkar."),
        ("documents", "Tjänsteskrivelse 2020-01-02"),
        # A blank line ends the list of documents: the text after it is the item's again.
        (None, "Nämnden diskuterade ärendet."),
        ("motions", "Olle Ek (M) yrkar avslag på motionen."),
        ("decision", "Nämnden beslutar att avslå motionen."),
        ("reservation", "Karin Lund (C) reserverar sig mot beslutet."),
        ("note", "Anna Berg (S) lämnar en protokollsanteckning."),
    ]


def test_sections_several_labels_on_one_line_of_a_decision_list():
    assert _roles("Beslut: Enligt förslag. Reservation: M, KD.") == [
        ("decision", "Enligt förslag."),
        ("reservation", "M, KD."),
    ]


def test_sections_inline_reservation_covers_its_first_sentence_only():
    assert _roles("Beslut: Enligt förslag. Reservation: V. Ordföranden tackade för debatten.") == [
        ("decision", "Enligt förslag."),
        ("reservation", "V."),
        (None, "Ordföranden tackade för debatten."),
    ]


def test_sections_inline_label_labels_its_own_paragraph():
    assert _roles("Beslut: Informationen noteras.\n\nOlle Ek berättade om sommarens läger.") == [
        ("decision", "Informationen noteras."),
        (None, "Olle Ek berättade om sommarens läger."),
    ]


def test_sections_bullets_under_a_decision_lead_in():
    passages = read_sections(
        split_lines("Beslut\nNämnden beslutar att\n- anta planen,\n- ge förvaltningen i uppdrag att följa upp.")
    )
    assert [(p.role, p.bullet, p.text) for p in passages] == [
        ("decision", False, "Nämnden beslutar att"),
        ("decision", True, "anta planen,"),
        ("decision", True, "ge förvaltningen i uppdrag att följa upp."),
    ]
    assert [p.first_in_section for p in passages] == [True, False, False]


def test_sections_record_note_after_a_decision_is_not_the_decision():
    assert _roles("Beslut\nNämnden beslutar att anta planen.\nDet antecknas att Olle Ek inte deltar i beslutet.") == [
        ("decision", "Nämnden beslutar att anta planen."),
        (None, "Det antecknas att Olle Ek inte deltar i beslutet."),
    ]


def test_sections_att_satser_of_a_proposal_are_passages_of_their_own():
    passages = read_sections(
        split_lines("Förslag\n1. Att föreningen köper en ny gräsklippare.\n2. Att den gamla gräsklipparen säljs.")
    )
    assert [(p.role, p.bullet, p.text) for p in passages] == [
        ("proposal", True, "Att föreningen köper en ny gräsklippare."),
        ("proposal", True, "Att den gamla gräsklipparen säljs."),
    ]


def test_sections_passages_point_back_at_the_document():
    text = "Ärendebeskrivning\nNämnden har fått en motion.\nBeslut: Motionen avslås."
    for passage in read_sections(split_lines(text)):
        start = passage.source(0)
        assert text[start : start + len(passage.text)] == passage.text
