"""Decisions: the formula and its kind, labelled blocks, att-satser, decision lists, free statements.

``decisions.classify`` gives the kind of the earliest formula of the lexicon
(decisions.yml); ``item_decisions`` (through ``extract_meeting``) finds the
decisions of an item: under decision labels (one per bullet or att-sats),
"Attsats 1 bifalles" pointing back at the proposal, and sentences whose subject
is the body and whose verb is a formula.
"""

from __future__ import annotations

import pytest

from minutes.extract import extract_meeting
from minutes.extract.decisions import classify
from minutes.models import SourceDocument


def extract(text: str):
    return extract_meeting(SourceDocument(name="t.txt", text=text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Enligt förslag.", "decided"),
        ("Motionen bifalls.", "decided"),
        ("Förslaget bifalles.", "decided"),
        ("Motionen avslås.", "decided"),
        ("Nämnden godkänner inte avtalet.", "decided"),
        ("Protokollet fastställs.", "decided"),
        ("Nämnden beslutade att anta planen.", "decided"),
        ("Mötet valde Anna Berg till ordförande.", "decided"),
        ("Årsmötet beviljade styrelsen ansvarsfrihet.", "decided"),
        ("Mötet antog verksamhetsplanen.", "decided"),
        ("Ansökan beviljas.", "decided"),
        ("Budgeten godkänns.", "endorsed"),
        ("Styrelsen tillstyrker förslaget.", "endorsed"),
        ("Förslaget tillstyrks.", "endorsed"),
        ("Nämnden ställer sig bakom yttrandet.", "endorsed"),
        ("Informationen antecknas.", "noted"),
        ("Informationen noteras.", "noted"),
        ("Rapporten läggs till handlingarna.", "noted"),
        ("Läggs till handlingarna.", "noted"),
        ("Styrelsen tar del av informationen.", "noted"),
        ("Mötet tackar för informationen.", "noted"),
        ("Frågan bordläggs.", "referred"),
        ("Bordläggs.", "referred"),
        ("Frågan skjuts upp till nästa möte.", "referred"),
        ("Ärendet tas upp på nästa möte.", "referred"),
        ("Styrelsen anser att frågan är viktig.", "other"),
        ("Ärendet återremitteras.", "referred"),
        ("Återremitteras.", "referred"),
        ("Motionen anses besvarad.", "decided"),
        ("Interpellationen anses besvarad.", "decided"),
        # "väljer att" chooses: decided, unless what is chosen has a formula of its own.
        ("Mötet väljer att styrelsen agerar valberedning.", "decided"),
        ("Vi väljer att inte fortsätta arbetet och bordlägger punkten.", "referred"),
        # A body that decides to propose to another; a matter sent out for comment; the chair's proposition.
        ("Att föreslå kommunfullmäktige att godkänna investeringen.", "decided"),
        ("Motionen remitteras till kommunstyrelsen för beredning.", "referred"),
        ("Ordföranden ställer proposition på om ärendet ska avgöras i dag eller återremitteras.", "other"),
        # The count of an open vote is a decision; a formula beside it gives the kind.
        ("16 röstar för att ändra stadgarna.", "decided"),
        ("9 röstar för ansvarsfrihet. Ansvarsfriheten godkänns.", "endorsed"),
        ("Anna Berg blev vald till kassör.", "decided"),
    ],
)
def test_decisions_kind_of_the_formula(nlp, text, kind):
    assert classify(nlp, text) == kind


REGIONAL = """Beslut i regionfullmäktige 2021-06-15

Ärenden

7. Årsredovisning för Ekbyregionen
Beslut: Enligt förslag. Reservation: M, KD.
8. Sammanträdestider 2022
Beslut: Enligt förslag
9. Motion om cykelbanor
Beslut: Motionen avslås. Reservation: V, MP.
10. Val av revisorer
Beslut: Bordläggs.
11. Budget 2022
Beslut: Enligt förslag. Tilläggsyrkandet från Liberalerna avslogs.
"""


def test_decisions_regional_decision_list():
    m = extract(REGIONAL)
    assert (m.body, m.date) == ("Regionfullmäktige", "2021-06-15")
    assert [(i.number, [(d.kind, d.text) for d in i.decisions]) for i in m.items] == [
        ("7", [("decided", "Enligt förslag.")]),
        ("8", [("decided", "Enligt förslag")]),
        ("9", [("decided", "Motionen avslås.")]),
        ("10", [("referred", "Bordläggs.")]),
        # A new formula after an inline label is a decision of its own.
        ("11", [("decided", "Enligt förslag"), ("decided", "Tilläggsyrkandet från Liberalerna avslogs")]),
    ]
    assert [[r.by for r in i.reservations] for i in m.items] == [["M", "KD"], [], ["V", "MP"], [], []]


ASSOCIATION = """Protokoll fört vid styrelsemöte i Ekby Båtklubb
Datum: 2020-09-14
Närvarande: Anna Berg (ordförande), Olle Ek (sekreterare), Karin Lund, Per Sund

1. Mötets öppnande
Ordföranden öppnade mötet.

2. Val av justerare
Karin Lund valdes att justera protokollet.

3. Ny gräsklippare
Förslag
1. Att klubben köper en ny gräsklippare för högst 5000 kr.
2. Att den gamla gräsklipparen säljs.
Beslut
Attsats 1 bifalles.
Attsats 2 avslås.

4. Bryggan
Förslag
Att bryggan repareras i vår.
Beslut
Att förslaget bifalles

5. Hamnavgifter
Styrelsen beslutade att höja hamnavgiften med 10 procent.
"""


def test_decisions_att_satser_pointed_back_at():
    m = extract(ASSOCIATION)
    items = {i.number: i for i in m.items}
    assert [(d.kind, d.text) for d in items["3"].decisions] == [
        ("decided", "Klubben köper en ny gräsklippare för högst 5000 kr."),
        # A rejected att-sats is recorded as printed (the real-world gold's convention).
        ("decided", "Attsats 2 avslås."),
    ]
    assert [d.text for d in items["4"].decisions] == ["Bryggan repareras i vår."]


def test_decisions_formal_items_are_optional_and_free_statements_count():
    items = {i.number: i for i in extract(ASSOCIATION).items}
    assert [(d.kind, d.optional) for d in items["2"].decisions] == [("decided", True)]
    assert [(d.kind, d.optional, d.text) for d in items["5"].decisions] == [
        ("decided", False, "Styrelsen beslutade att höja hamnavgiften med 10 procent."),
    ]


HEAD = (
    "Protokoll styrelsemöte Ekby Scoutkår\nDatum: 2021-05-10\nNärvarande: Anna Berg, Olle Ek, Karin Lund\n"
    "\n1. Öppnande\nMötet öppnades.\n2. Tältet\n"
)
TAIL = "\n3. Avslutning\nMötet avslutades.\n"


@pytest.mark.parametrize(
    ("body", "decisions"),
    [
        # The body (or the meeting) as subject of a formula.
        ("Styrelsen beslutade att köpa ett nytt tält.", [("decided", "Styrelsen beslutade att köpa ett nytt tält.")]),
        ("Mötet godkände verksamhetsplanen.", [("endorsed", "Mötet godkände verksamhetsplanen.")]),
        ("Styrelsen noterar informationen.", [("noted", "Styrelsen noterar informationen.")]),
        ("Det beslutades att lägret hålls i juni.", [("decided", "Det beslutades att lägret hålls i juni.")]),
        # An adverbial before the verb; a passive whose subject is the matter.
        (
            "Efter diskussion beslutade styrelsen att avvakta.",
            [("decided", "Efter diskussion beslutade styrelsen att avvakta.")],
        ),
        ("Förslaget godkändes.", [("endorsed", "Förslaget godkändes.")]),
        ("Frågan bordlades till nästa möte.", [("referred", "Frågan bordlades till nästa möte.")]),
        (
            "Kassören informerade om ekonomin. Informationen lades till handlingarna.",
            [("noted", "Informationen lades till handlingarna.")],
        ),
        # Not the body's decision: a report, a yrkande, an opinion, a discussion without decision.
        ("Olle berättade att förbundet har beslutat att höja avgiften.", []),
        ("Anna Berg yrkade bifall till förslaget.", []),
        ("Anna tycker att vi borde köpa tält.", []),
        ("Styrelsen diskuterade frågan men inget beslut fattades.", []),
        # Answers to a question report what happened.
        ("Vad har hänt sedan förra mötet?\n- Styrelsen beslutade att köpa tält.", []),
        # A lead-in finished by bullets: one decision per bullet, each with the lead-in.
        (
            "Styrelsen beslutade att\n- köpa ett tält,\n- sälja den gamla kanoten.",
            [
                ("decided", "Styrelsen beslutade att köpa ett tält,"),
                ("decided", "Styrelsen beslutade att sälja den gamla kanoten."),
            ],
        ),
        # A lead-in announcing a list: one decision holding the list.
        (
            "Styrelsen beslutar om följande budget:\n- Läger 5000 kr\n- Utbildning 2000 kr",
            [("decided", "Styrelsen beslutar om följande budget: Läger 5000 kr; Utbildning 2000 kr")],
        ),
        # Under a decision label.
        (
            "Ställningstagande:\nStyrelsen ställer sig bakom förslaget.",
            [("endorsed", "Styrelsen ställer sig bakom förslaget.")],
        ),
        ("Beslut: Ärendet bordläggs.", [("referred", "Ärendet bordläggs.")]),
        # Another body's decision reported with "har beslutat" is no decision of this meeting.
        ("Kommunen har beslutat att stänga badet.", []),
        # "Beslut" alone under the title is the decision's label (its default kind), not the item's kind.
        ("Beslut\nEtt nytt tält köps in före sommaren.", [("decided", "Ett nytt tält köps in före sommaren.")]),
        # Att-satser one a line: one decision each; after a lead-in, each with the lead-in.
        (
            "Beslut:\nAtt köpa ett nytt tält\nAtt sälja kanoten",
            [("decided", "Att köpa ett nytt tält"), ("decided", "Att sälja kanoten")],
        ),
        (
            "Beslut\nMötet beslutade\natt klubben köper en ny gräsklippare,\natt den gamla säljs.",
            [
                ("decided", "Mötet beslutade att klubben köper en ny gräsklippare,"),
                ("decided", "Mötet beslutade att den gamla säljs."),
            ],
        ),
        (
            "Beslut:\nStyrelsen beslutar\n- att köpa ett tält,\n- att sälja kanoten.",
            [
                ("decided", "Styrelsen beslutar att köpa ett tält,"),
                ("decided", "Styrelsen beslutar att sälja kanoten."),
            ],
        ),
        # "Attsats N bifalles" one a line: each approves its own att-sats; a rejection stays as printed.
        (
            "Förslag\n1. Att klubben köper en ny gräsklippare.\n2. Att den gamla gräsklipparen säljs.\n"
            "Beslut\nAttsats 1 bifalles\nAttsats 2 avslås",
            [("decided", "Klubben köper en ny gräsklippare."), ("decided", "Attsats 2 avslås")],
        ),
        # Several att-satser approved in one sentence.
        (
            "Förslag\n1. Att klubben köper en ny gräsklippare.\n2. Att den gamla gräsklipparen säljs.\n"
            "Beslut\nAttsats 1 och 2 bifalles.",
            [("decided", "Klubben köper en ny gräsklippare."), ("decided", "Den gamla gräsklipparen säljs.")],
        ),
        (
            "Förslag\n1. Att klubben köper en ny gräsklippare.\n2. Att den gamla gräsklipparen säljs.\n"
            "Beslut: Attsats 1 bifalles. Attsats 2 avslås.",
            [("decided", "Klubben köper en ny gräsklippare."), ("decided", "Attsats 2 avslås.")],
        ),
        # A vote or the chair's procedure restates the labelled decision: no second decision.
        (
            "Beslut\nStyrelsen beslutar att köpa tältet.\nOmröstning\n"
            "Med 5 ja-röster mot 2 nej-röster beslutar styrelsen att köpa tältet.",
            [("decided", "Styrelsen beslutar att köpa tältet.")],
        ),
        (
            "Propositionsordning\n"
            "Ordföranden ställer proposition på yrkandena och finner att styrelsen bifaller förslaget.\n"
            "Beslut\nStyrelsen bifaller förslaget.",
            [("decided", "Styrelsen bifaller förslaget.")],
        ),
        # An approved att-sats that defers the matter is a referral.
        (
            "Förslag\n1. Att bordlägga punkten till nästa möte.\nBeslut\nAttsats 1 bifalles.",
            [("referred", "Bordlägga punkten till nästa möte.")],
        ),
        # An open vote's count alone.
        (
            "a.\t16 röstar på att köpa ett tält.\nb.\tÖvrigt diskuterades.",
            [("decided", "16 röstar på att köpa ett tält.")],
        ),
        # A bullet with its decision is one decision, count included ("a." and "i." are list marks).
        (
            "a.\t12 röstar för förslaget. Förslaget godkänns.\nb.\tÖvrigt diskuterades.",
            [("endorsed", "12 röstar för förslaget. Förslaget godkänns.")],
        ),
        # "Styrelsen beslutar:" alone on its line labels the att-satser that follow; a sentence after
        # the att-satser is the item's text again.
        (
            "Styrelsens förslag till beslut\natt köpa ett tält\n"
            "Styrelsen beslutar:\natt köpa ett tält\natt sälja kanoten\nKarin Lund informerade om lägret.",
            [("decided", "att köpa ett tält"), ("decided", "att sälja kanoten")],
        ),
    ],
)
def test_decisions_in_an_item(body, decisions):
    m = extract(HEAD + body + TAIL)
    assert [(d.kind, d.text) for d in m.items[1].decisions] == decisions


def test_decisions_label_default_kind_when_no_formula():
    m = extract(HEAD + "Beslut:\nNytt tält köps in före sommaren." + TAIL)
    assert [(d.kind, d.text) for d in m.items[1].decisions] == [("decided", "Nytt tält köps in före sommaren.")]


def test_decisions_formal_title_is_the_decision():
    m = extract("Protokoll styrelsemöte\nDatum: 2021-05-10\n1. Öppnande\n2. Dagordningen godkänns.\n3. Budget\nText.")
    assert [(d.text, d.optional) for d in m.items[1].decisions] == [("Dagordningen godkänns.", True)]


def test_decisions_keep_their_place_in_the_document():
    text = HEAD + "Vi pratade länge.\nStyrelsen beslutade att köpa ett nytt tält." + TAIL
    (decision,) = extract(text).items[1].decisions
    assert text[decision.span.start : decision.span.end] == decision.text
