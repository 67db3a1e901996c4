"""Fields of formal protocols: yrkanden, omröstningar, reservationer, protokollsanteckningar, jäv.

The functions of ``protocol`` read the passages of one item (with their section
roles and spaCy docs); the end-to-end tests run a whole kommunal §-protokoll
through ``extract_meeting``.
"""

from __future__ import annotations

import pytest

from minutes.extract import extract_meeting, protocol
from minutes.extract.lines import split_lines
from minutes.extract.pipeline import annotate
from minutes.extract.sections import read_sections
from minutes.models import SourceDocument

PEOPLE = ["Anna Berg", "Olle Ek", "Karin Lund", "Per Sund", "Lisa Ström"]


def _passages(nlp, text: str):
    passages = read_sections(split_lines(text))
    for passage, doc in zip(passages, annotate(nlp, [p.text for p in passages])):
        passage.doc = doc
    return passages


def _page(_offset: int) -> int:
    return 1


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Yrkanden\nAnna Berg (S) yrkar bifall till kommunstyrelsens förslag.",
            [(["Anna Berg (S)"], "bifall", "bifall till kommunstyrelsens förslag")],
        ),
        (
            "Yrkanden\nOlle Ek (M) och Karin Lund (C) yrkar avslag på motionen.",
            [(["Olle Ek (M)", "Karin Lund (C)"], "avslag", "avslag på motionen")],
        ),
        (
            "Yrkanden\nPer Sund (S) yrkar att ärendet återremitteras till förvaltningen.",
            [(["Per Sund (S)"], "återremiss", "att ärendet återremitteras till förvaltningen")],
        ),
        ("Yrkanden\nLisa Ström (V) yrkar återremiss.", [(["Lisa Ström (V)"], "återremiss", "återremiss")]),
        (
            "Yrkanden\nAnna Berg (S), Per Sund (S) och Lisa Ström (V) yrkar bifall till motionen.",
            [(["Anna Berg (S)", "Per Sund (S)", "Lisa Ström (V)"], "bifall", "bifall till motionen")],
        ),
        # Movers on the line before the verb.
        (
            "Yrkanden\nOlle Ek (M), Karin Lund (C)\nyrkar avslag på motionen.",
            [(["Olle Ek (M)", "Karin Lund (C)"], "avslag", "avslag på motionen")],
        ),
        # "Namn, parti: förslag" lines under Yrkanden.
        (
            "Yrkanden\nOlle Ek (M): En utredning om kostnaderna görs först.",
            [(["Olle Ek"], "other", "En utredning om kostnaderna görs först.")],
        ),
        # Several movers before the colon; the lines run together.
        (
            "Yrkanden\nOlle Ek (M) och Karin Lund (C): Återremiss av ärendet.\nPer Sund (S): Bifall till förslaget.",
            [
                (["Olle Ek", "Karin Lund"], "återremiss", "Återremiss av ärendet."),
                (["Per Sund"], "bifall", "Bifall till förslaget."),
            ],
        ),
        # A party as mover; the motivation after a complete återremiss is left out.
        ("Yrkande: Liberalerna yrkade avslag på förslaget.", [(["Liberalerna"], "avslag", "avslag på förslaget")]),
        (
            "Yrkanden\nLisa Ström (V) yrkar återremiss av ärendet med hänvisning till att ingen har hörts.",
            [(["Lisa Ström (V)"], "återremiss", "återremiss av ärendet")],
        ),
        # A motion lodged before the meeting, listed as underlag, is no yrkande.
        ("Beslutsunderlag\nMotion från Olle Ek (M), 3 maj 2021\nTjänsteskrivelse 2021-05-10", []),
        # A yrkande named by its mover.
        (
            "Votering om tilläggsyrkande från Liberalerna angående fler vårdplatser.",
            [(["Liberalerna"], "tillägg", "tilläggsyrkande från Liberalerna angående fler vårdplatser")],
        ),
        # Speech in the debate is no yrkande.
        ("Överläggning\nI överläggningen deltar Anna Berg (S) och Olle Ek (M).", []),
        # The kind named by the filler, or by the passive of what is moved.
        (
            "Yrkanden\nKarin Lund (C) yrkar som ett tilläggsyrkande att förvaltningen ska redovisa kostnaderna.",
            [(["Karin Lund (C)"], "tillägg", "att förvaltningen ska redovisa kostnaderna")],
        ),
        ("Yrkanden\nOlle Ek (M): Motionen avslås.", [(["Olle Ek"], "avslag", "Motionen avslås.")]),
    ],
)
def test_protocol_proposals(nlp, text, found):
    result = protocol.proposals(_passages(nlp, text), people=PEOPLE, page_of=_page)
    assert [(p.by, p.kind, p.text) for p in result] == found


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Omröstning\nMed 11 ja-röster mot 2 nej-röster beslutar fullmäktige att anta budgeten.", (11, 2, None, None)),
        (
            "Omröstning\nOmröstningen utföll: 14 ja-röster, 14 nej-röster och 2 ledamöter var frånvarande.",
            (14, 14, None, 2),
        ),
        ("Omröstning\nOmröstning begärs och genomförs. 31 ja, 18 nej, 2 avstår.", (31, 18, 2, None)),
        ("Votering\n154 för utskottet\n147 för res. 1\n48 frånvarande", (154, 147, None, 48)),
        (
            "Beslut\nOmröstning begärs. Med 7 ja-röster mot 4 nej-röster bifaller fullmäktige motionen.",
            (7, 4, None, None),
        ),
        ("Beslut\nMed fem röster för och tre emot bifalls motionen efter votering.", (5, 3, None, None)),
        # Counts as a pair, yes first, and counts said with "röstar".
        ("Beslut\nOmröstning begärs. Med sju röster mot fyra bifalls motionen.", (7, 4, None, None)),
        ("Beslut\nMed 11 röster mot 2 bifaller fullmäktige motionen.", (11, 2, None, None)),
        ("Beslut\nFem ledamöter röstar ja och tre röstar nej. Motionen bifalls.", (5, 3, None, None)),
        ("Beslut\nVotering begärs. Omröstningen utföll 25-20. Motionen bifalls.", (25, 20, None, None)),
    ],
)
def test_protocol_vote_counts(nlp, text, counts):
    (vote,) = protocol.votes(_passages(nlp, text), people=PEOPLE, page_of=_page)
    assert (vote.yes, vote.no, vote.abstain, vote.absent) == counts


def test_protocol_vote_alternatives_say_what_yes_and_no_stand_for(nlp):
    passages = _passages(nlp, "Votering\n154 för utskottet\n147 för res. 1\n48 frånvarande")
    (vote,) = protocol.votes(passages, people=PEOPLE, page_of=_page)
    assert (vote.yes_means, vote.no_means) == ("utskottet", "res. 1")


def test_protocol_vote_propositions_say_what_yes_and_no_stand_for(nlp):
    text = (
        "Omröstning\nJa-röst för bifall till kommunstyrelsens förslag. Nej-röst för bifall till Olle Eks yrkande.\n"
        "Omröstningen utföll med 30 ja-röster mot 19 nej-röster, 2 avstår."
    )
    (vote,) = protocol.votes(_passages(nlp, text), people=PEOPLE, page_of=_page)
    assert (vote.yes, vote.no, vote.abstain) == (30, 19, 2)
    assert (vote.yes_means, vote.no_means) == ("bifall till kommunstyrelsens förslag", "bifall till Olle Eks yrkande")


@pytest.mark.parametrize(
    "text",
    [
        "Omröstning\nOmröstningen utföll med 2 ja-röster mot 1 nej-röst.\n"
        "Ja: Anna Berg (S), Per Sund (S).\nNej: Olle Ek (M).",
        "Omröstning\n2 ja-röster, 1 nej-röst och 1 avstår.\n- Ja: Anna Berg (S), Per Sund (S)\n- Nej: Olle Ek (M)\n"
        "- Avstår: Karin Lund (C)",
        "Omröstning\nOmröstningen utföll med 2 ja-röster mot 1 nej-röst.\n\nJa-röster: Anna Berg (S), Per Sund (S)\n\n"
        "Nej-röster: Olle Ek (M)\n\nAvstår: Karin Lund (C)",
        # The list in a column, labels alone on their lines; two labels in one long line.
        "Omröstning\nOmröstning begärs och genomförs. 2 ja, 1 nej.\nJa\nAnna Berg (S)\nPer Sund (S)\nNej\nOlle Ek (M)",
        "Omröstning\nOmröstning begärs och genomförs. 2 ja, 1 nej. Ja: Anna Berg (S), Per Sund (S) Nej: Olle Ek (M)",
        # A table with an X in the column of the vote, markdown or tab-separated.
        "Omröstning\n2 ja-röster mot 1 nej-röst.\n| Ledamot | Ja | Nej | Avstår |\n|---|---|---|---|\n"
        "| Anna Berg (S) | X |   |   |\n| Per Sund (S) | X |   |   |\n| Olle Ek (M) |   | X |   |\n"
        "| Summa | 2 | 1 | 0 |",
        "Omröstning\n2 ja-röster mot 1 nej-röst.\nLedamot\tJa\tNej\nAnna Berg (S)\tX\t\nPer Sund (S)\tX\t\n"
        "Olle Ek (M)\t\tX",
    ],
)
def test_protocol_named_vote_list(nlp, text):
    (vote,) = protocol.votes(_passages(nlp, text), people=PEOPLE, page_of=_page)
    ballots = [(b.name, b.vote, b.party) for b in vote.ballots]
    assert ballots[:3] == [("Anna Berg", "yes", "S"), ("Per Sund", "yes", "S"), ("Olle Ek", "no", "M")]
    assert ballots[3:] in ([], [("Karin Lund", "abstain", "C")])
    counts = vote.ballot_counts()
    assert (counts["yes"], counts["no"]) == (vote.yes, vote.no)


@pytest.mark.parametrize(
    "text",
    [
        "Beslut\nFullmäktige bifaller förslaget med övervägande ja.",  # acclamation, no omröstning
        "Beslut\nFullmäktige bifaller motionen.",
    ],
)
def test_protocol_no_vote(nlp, text):
    assert protocol.votes(_passages(nlp, text), people=PEOPLE, page_of=_page) == []


def test_protocol_vote_requested_without_printed_counts(nlp):
    (vote,) = protocol.votes(
        _passages(nlp, "Beslut\nOmröstning begärs och verkställs. Fullmäktige bifaller motionen."),
        people=PEOPLE,
        page_of=_page,
    )
    assert (vote.yes, vote.no) == (None, None)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Reservation\nOlle Ek (M) och Karin Lund (C) reserverar sig mot beslutet.",
            [("Olle Ek (M)", None), ("Karin Lund (C)", None)],
        ),
        ("Olle Ek (M) reserverar sig mot beslutet till förmån för eget yrkande.", [("Olle Ek (M)", None)]),
        ("Reservation\nOlle Ek (M) lämnar en skriftlig reservation.", [("Olle Ek (M)", "skriftlig")]),
        (
            "Mot beslutet reserverade sig Lisa Ström (V) och Per Sund (S).",
            [("Lisa Ström (V)", None), ("Per Sund (S)", None)],
        ),
        # Party letters after an inline label (regional decision lists).
        ("Beslut: Enligt förslag. Reservation: M, KD.", [("M", None), ("KD", None)]),
        ("Beslut: Enligt förslag. Reservation: V och MP.", [("V", None), ("MP", None)]),
        ("Beslut: Enligt förslag.", []),
        # Parties named in words reserve too.
        ("Reservation\nModeraterna reserverar sig skriftligt, bilaga 3.", [("Moderaterna", "skriftlig")]),
        ("Centerpartiet reserverar sig mot beslutet.", [("Centerpartiet", None)]),
        (
            "Reservation\nMiljöpartiet och Vänsterpartiet reserverar sig.",
            [("Miljöpartiet", None), ("Vänsterpartiet", None)],
        ),
    ],
)
def test_protocol_reservations(nlp, text, found):
    result = protocol.reservations(_passages(nlp, text), people=PEOPLE, page_of=_page)
    assert [(r.by, r.reason) for r in result] == found


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        (
            "Protokollsanteckning\nLisa Ström (V) lämnar följande protokollsanteckning: Vi vill se snabbare åtgärder.",
            [
                (
                    ["Lisa Ström (V)"],
                    "Lisa Ström (V) lämnar följande protokollsanteckning: Vi vill se snabbare åtgärder.",
                )
            ],
        ),
        (
            "Karin Lund (C) lämnar en protokollsanteckning.",
            [(["Karin Lund (C)"], "Karin Lund (C) lämnar en protokollsanteckning.")],
        ),
        ("Olle Ek (M) lämnar särskilt yttrande.", [(["Olle Ek (M)"], "Olle Ek (M) lämnar särskilt yttrande.")]),
        ("Nämnden tackar för informationen.", []),
    ],
)
def test_protocol_notes(nlp, text, notes):
    result = protocol.notes(_passages(nlp, text), people=PEOPLE, page_of=_page)
    assert [(n.by, n.text) for n in result] == notes


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Per Sund (S) anmäler jäv och deltar inte i handläggningen av ärendet.", ["Per Sund"]),
        ("Per Sund (S) deltar inte i handläggningen på grund av jäv.", ["Per Sund"]),
        ("På grund av jäv deltar inte Karin Lund (C) i beslutet.", ["Karin Lund"]),
        # Abstaining from the vote is not jäv.
        ("Per Sund (S) avstår från att delta i beslutet.", []),
        # "Jäv" as a label over the member's statement.
        ("Jäv\nKarin Lund (C) anmäler jäv och deltar inte i handläggningen.", ["Karin Lund"]),
    ],
)
def test_protocol_recusals(nlp, text, names):
    assert [r.name for r in protocol.recusals(_passages(nlp, text), people=PEOPLE, page_of=_page)] == names


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        (
            "Expedieras till: Kommunstyrelsen, Tekniska nämnden och Ekonomienheten",
            ["Kommunstyrelsen", "Tekniska nämnden", "Ekonomienheten"],
        ),
        ("Beslutet skickas till\n- Kommunstyrelsen\n- Tekniska nämnden", ["Kommunstyrelsen", "Tekniska nämnden"]),
        ("Expedieras till\nSocialnämnden; Revisorerna", ["Socialnämnden", "Revisorerna"]),
        ("Beslut\nNämnden beslutar att anta planen.", []),
        # One recipient a line.
        ("Expedieras till\nHemtjänsten\nEkonomienheten", ["Hemtjänsten", "Ekonomienheten"]),
    ],
)
def test_protocol_recipients(nlp, text, recipients):
    assert protocol.recipients(_passages(nlp, text)) == recipients


@pytest.mark.parametrize(
    ("text", "adjusted"),
    [
        ("Paragrafen förklaras omedelbart justerad.", True),
        ("Beslutet justeras omedelbart.", True),
        ("Protokollet justeras den 19 mars.", False),
    ],
)
def test_protocol_immediately_adjusted(nlp, text, adjusted):
    assert protocol.immediately_adjusted(_passages(nlp, text)) is adjusted


KOMMUNAL = """EKBY KOMMUN
Sammanträdesprotokoll
Socialnämnden
Sammanträdesdatum 2021-03-16
Plats och tid: Kommunhuset, kl. 13.00–16.30
Beslutande: Anna Berg (S), ordförande
Olle Ek (M)
Karin Lund (C)
Per Sund (S)
Lisa Ström (V)
Utses att justera: Olle Ek

§ 12 Dnr SN 2021/45
Riktlinjer för hemtjänst
Beslutsunderlag
Tjänsteskrivelse 2021-02-20
Yrkanden
Anna Berg (S) yrkar bifall till förvaltningens förslag.
Olle Ek (M) yrkar avslag.
Omröstning
Omröstning begärs. Med 4 ja-röster mot 1 nej-röst bifaller nämnden förvaltningens förslag.
Beslut
Socialnämnden beslutar att anta riktlinjerna.
Reservation
Olle Ek (M) reserverar sig mot beslutet.
Expedieras till: Hemtjänsten, Ekonomienheten

§ 13 Dnr SN 2021/50
Yttrande över motion om parkbänkar
Per Sund (S) anmäler jäv och deltar inte i handläggningen.
Beslut
Socialnämnden beslutar att motionen ska anses besvarad.
Protokollsanteckning
Lisa Ström (V) lämnar en protokollsanteckning.

§ 14
Delegationsbeslut
Beslut
Informationen läggs till handlingarna.
Paragrafen förklaras omedelbart justerad.
"""


def test_protocol_kommunal_paragraphs_end_to_end():
    m = extract_meeting(SourceDocument(name="t.txt", text=KOMMUNAL))
    first, second, third = m.items
    assert [(i.number, i.case_number) for i in m.items] == [("12", "SN 2021/45"), ("13", "SN 2021/50"), ("14", None)]
    assert [(p.by, p.kind) for p in first.proposals] == [(["Anna Berg (S)"], "bifall"), (["Olle Ek (M)"], "avslag")]
    assert [(v.yes, v.no) for v in first.votes] == [(4, 1)]
    assert [r.by for r in first.reservations] == ["Olle Ek (M)"]
    assert first.recipients == ["Hemtjänsten", "Ekonomienheten"]
    assert ("decided", "Socialnämnden beslutar att anta riktlinjerna.") in [(d.kind, d.text) for d in first.decisions]
    assert [r.name for r in second.recusals] == ["Per Sund"]
    assert [n.by for n in second.notes] == [["Lisa Ström (V)"]]
    assert [(d.kind, d.text) for d in third.decisions] == [("noted", "Informationen läggs till handlingarna.")]
    assert (first.immediately_adjusted, third.immediately_adjusted) == (False, True)


def test_protocol_facts_point_back_at_the_source():
    m = extract_meeting(SourceDocument(name="t.txt", text=KOMMUNAL))
    first = m.items[0]
    for fact in [*first.proposals, *first.votes, *first.reservations]:
        assert KOMMUNAL[fact.span.start : fact.span.end].strip()
    (reservation,) = first.reservations
    assert KOMMUNAL[reservation.span.start : reservation.span.end] == "Olle Ek (M) reserverar sig mot beslutet."


def test_protocol_named_vote_list_counts_each_member_once_and_must_add_up():
    from minutes.models import Ballot, Vote

    read_twice = Vote(yes=2, no=1, abstain=0, ballots=[
        Ballot("Anna Berg", "yes"), Ballot("Olle Ek", "yes"), Ballot("Eva Lind", "no"),
        Ballot("Anna Berg", "no")])  # a reservation after the list names her again
    protocol._check_ballots(read_twice)
    assert [(b.name, b.vote) for b in read_twice.ballots] == [("Anna Berg", "yes"), ("Olle Ek", "yes"),
                                                              ("Eva Lind", "no")]
    short = Vote(yes=3, no=1, ballots=[Ballot("Anna Berg", "yes"), Ballot("Eva Lind", "no")])
    protocol._check_ballots(short)
    assert short.ballots == []  # a list that disagrees with the counts is no list
    uncounted = Vote(ballots=[Ballot("Anna Berg", "yes")])
    protocol._check_ballots(uncounted)
    assert len(uncounted.ballots) == 1  # nothing printed to check it against
