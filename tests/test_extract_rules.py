"""Extraction rules on small hand-written inputs, in tables (spaCy test style)."""

from __future__ import annotations

import pytest

from minutes.extract import extract_meeting
from minutes.extract.dates import find_dates, infer_meeting_year
from minutes.extract.decisions import classify
from minutes.extract.layout import split_items
from minutes.extract.lines import split_lines
from minutes.extract.people import find_names, resolve
from minutes.models import SourceDocument


def extract(text: str):
    return extract_meeting(SourceDocument(name="test.txt", text=text))


@pytest.mark.parametrize(
    ("text", "meeting_date", "values"),
    [
        ("Mötet hölls 2019-03-14.", None, ["2019-03-14"]),
        ("Avtalstid 20190101 – 20211231.", None, ["2019-01-01", "2021-12-31"]),
        ("Beslut fattas den 3 november 2020.", None, ["2020-11-03"]),
        ("Uppföljning sker våren 2019.", None, ["2019"]),
        ("Arbetet startade hösten 2016.", None, ["2016"]),
        ("Gäller f o m den 1 jan t o m den 30 juni 2019.", None, ["2019-01-01", "2019-06-30"]),
        ("Rapport i december 2025.", None, ["2025-12"]),
        ("Frågan var uppe i oktober.", "2018-02-22", ["2017-10"]),
        ("Svar ska lämnas i mars.", "2018-10-10", ["2019-03"]),
        ("Avtalet tecknades i mars.", "2025-10-22", ["2025-03"]),
        ("Nästa möte den 3 november.", "2025-10-22", ["2025-11-03"]),
        ("Mötestider 2021\n21 maj\n24 september", "2021-02-26", ["2021", "2021-05-21", "2021-09-24"]),
        ("Budgeten är 2000 kr och 49 kommuner deltar.", None, []),
    ],
)
def test_dates_normalise_swedish_expressions(text, meeting_date, values):
    assert [d.value for d in find_dates(text, meeting_date=meeting_date)] == values


def test_dates_meeting_year_from_next_year_phrase():
    assert infer_meeting_year("Under nästa år ska arbetet följas upp, med start våren 2020.") == 2019


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("1. Mötets öppnande\n2. Val av justerare\n3. Ekonomi", ["1", "2", "3"]),
        ("1) Upprop\n2) Dagordning\n3) Övriga frågor\na) Parkering\nb) Lokaler", ["1", "2", "3", "3a", "3b"]),
        ("§ 12 Upprop\n§ 13 Budget\n§ 14\nTaxor 2020", ["12", "13", "14"]),
        ("12 § Upprop\n13 § Budget", ["12", "13"]),
        # A numbered list inside an item is not a list of items.
        (
            "1. Upprop\n2. Handlingsplan\nPlanen har tre delar:\n1. Analys\n2. Åtgärder\n3. Uppföljning\n"
            "Arbetet fortsätter.\n3. Övriga frågor",
            ["1", "2", "3"],
        ),
        # Outline numbers and table rows are not items.
        ("1. Budget\n- 4.1 Drift\n4.2 Investeringar\n2. Taxor", ["1", "2"]),
        # An agenda list first, then the items proper.
        ("Dagordning\n1. Upprop\n2. Budget\n\n1. Upprop\nNärvaro noteras.\n2. Budget\nText.", ["1", "2"]),
    ],
)
def test_layout_item_numbering(text, numbers):
    _, blocks = split_items(split_lines(text))
    assert [b.number for b in blocks] == numbers


def test_layout_wrapped_title_and_kind_label():
    text = (
        "4. Överenskommelse om samverkan vid in- och utskrivning från den slutna\n"
        "hälso- och sjukvården\nInformation\nFöredragande: Anna Berg, Regionen\nText här.\n"
    )
    _, (block,) = split_items(split_lines(text))
    assert block.title.endswith("från den slutna hälso- och sjukvården")
    assert block.kind == "information"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nämnden noterar informationen.", "noted"),
        ("Styrelsen ställer sig bakom förslaget.", "endorsed"),
        ("Dagens agenda godkänns.", "endorsed"),
        ("Nämnden beslutar att anta planen.", "decided"),
        ("Protokollet fastställs.", "decided"),
        ("Ärendet bordläggs till nästa möte.", "referred"),
        ("Frågan tas tillbaka till beredningen.", "referred"),
        ("Kansliet får i uppdrag att utreda frågan.", "other"),
    ],
)
def test_decisions_kind_from_cues(nlp, text, kind):
    assert classify(nlp, text) == kind


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Anna Berg, Regionen och Per-Olof Nilsson", ["Anna Berg", "Per-Olof Nilsson"]),
        ("Boråsregionen Johnny Magnusson, Regionstyrelsen", ["Johnny Magnusson"]),
        ("Sven Erik Lindqvist informerar", ["Sven Erik Lindqvist"]),
        ("Västra Götaland och Region Skåne", []),
        ("Lisa Ek N, kommunen", ["Lisa Ek N"]),
    ],
)
def test_people_find_names(text, names):
    assert [m.name for m in find_names(text)] == names


@pytest.mark.parametrize(
    ("short", "full"),
    [("Linda", "Linda Ek"), ("H Berg", "Helena Berg"), ("Kim", "Kim"), ("Anna", "Anna")],
)
def test_people_resolve_short_forms_only_when_unique(short, full):
    people = ["Linda Ek", "Helena Berg", "Anna Berg", "Anna Lind", "Kim Olsson", "Kim Holm"]
    assert resolve(short, people) == full


MINUTES = """Protokoll
Socialnämnden i Ekby kommun
Sammanträdesdatum 2019-05-14
Plats och tid: Kommunhuset, kl. 13.00–15.30
Beslutande:
Anna Berg (S), ordförande
Per Lind (M), vice ordförande
Övriga närvarande:
Karin Holm, sekreterare
Frånvarande: Per Lind
§ 21
Val av justerare
Till justerare utses Anna Berg.
§ 22
Budgetuppföljning april
Föredragande: Karin Holm, ekonomichef
Karin redogör för utfallet. Nämnden har ett underskott.
Beslut:
Nämnden beslutar att godkänna uppföljningen.
Förvaltningen får i uppdrag att återkomma med en åtgärdsplan till nästa möte.
§ 23
Ärendet om taxor
Per Lind frågar om tidplanen.
Beslut: Ärendet bordläggs.
Vid protokollet
Karin Holm
Justeras
Anna Berg
"""


def test_extract_paragraph_protocol_end_to_end():
    m = extract(MINUTES)
    assert (m.body, m.date, m.start_time, m.end_time) == ("Socialnämnden", "2019-05-14", "13:00", "15:30")
    assert m.location == "Kommunhuset"
    assert [i.number for i in m.items] == ["21", "22", "23"]
    assert {a.name: a.status for a in m.attendees} == {
        "Anna Berg": "present",
        "Per Lind": "absent",
        "Karin Holm": "present",
    }
    assert {a.name: a.party for a in m.attendees}["Anna Berg"] == "S"
    budget = m.items[1]
    assert budget.title == "Budgetuppföljning april"
    assert budget.presenters == ["Karin Holm"]
    assert budget.speakers == ["Karin Holm"]
    # A labelled block of several paragraphs is one decision (shared/gold/FORMAT.md).
    decision = budget.decisions[0]
    assert decision.kind == "decided"
    assert decision.text.startswith("Nämnden beslutar att godkänna uppföljningen. Förvaltningen får")
    (task,) = budget.assignments
    assert task.assignees == ["Förvaltningen"]
    assert task.task.startswith("återkomma med en åtgärdsplan")
    assert task.due == "next_meeting"
    assert m.items[2].decisions[0].kind == "referred"
    assert m.items[2].speakers == ["Per Lind"]
    assert m.signatories == ["Karin Holm", "Anna Berg"]


PROTOCOL = """SOCIALNÄMNDEN
Sammanträdesprotokoll
Sammanträdesdatum 2020-03-10
Beslutande
Eva Ström (S), ordförande
Olle Berg (M)
Tjänstgörande ersättare
Sara Ek (C)
§ 31 Dnr SN 2020/12
Budget 2021
Förslag till beslut
Förvaltningen föreslår att nämnden godkänner budgeten.
Beslut
Socialnämnden beslutar att
- godkänna budgeten för 2021,
- uppdra åt förvaltningen att redovisa utfallet den 14/9.
Beslutet skickas till
Ekonomiavdelningen
"""


def test_extract_protocol_conventions():
    m = extract(PROTOCOL)
    assert (m.body, m.body_name, m.date) == ("Socialnämnden", "Socialnämnden", "2020-03-10")
    assert [(a.name, a.status) for a in m.attendees] == [
        ("Eva Ström", "present"),
        ("Olle Berg", "present"),
        ("Sara Ek", "present"),
    ]
    (item,) = m.items
    assert (item.number, item.title) == ("31", "Budget 2021")
    assert [d.text for d in item.decisions] == [
        "Socialnämnden beslutar att godkänna budgeten för 2021,",
        "Socialnämnden beslutar att uppdra åt förvaltningen att redovisa utfallet den 14/9.",
    ]
    assert all(d.kind == "decided" for d in item.decisions)
    (task,) = item.assignments
    assert (task.assignees, task.due) == (["förvaltningen"], "2020-09-14")


ACTION_MINUTES = """Minnesanteckningar från styrgruppen
Datum: 2019-03-12
Närvarande: Anna Berg, Per Lind och Eva Ström
1\tMötets öppnande
2\tRutin för avvikelser
Gruppen går igenom förslaget till rutin.
Åtgärd: Ta fram en reviderad rutin. Ansvarig: Per Lind. Klart till: 2019-04-30
3\tBudget 2019-2020
Det beslutades att budgeten skickas på remiss.
Punkt 4: Övriga frågor
"""


def test_extract_action_lists_and_tab_numbers():
    m = extract(ACTION_MINUTES)
    assert [(i.number, i.title) for i in m.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Rutin för avvikelser"),
        ("3", "Budget 2019-2020"),
        ("4", "Övriga frågor"),
    ]
    (task,) = m.items[1].assignments
    assert (task.task, task.assignees, task.due) == ("Ta fram en reviderad rutin", ["Per Lind"], "2019-04-30")
    (decision,) = m.items[2].decisions
    assert (decision.kind, decision.optional) == ("decided", False)
    assert {"2019", "2020", "2019-04-30"} <= {d.value for d in m.dates}


def test_attendees_role_labels_and_name_particles():
    m = extract(
        "Protokoll\nStyrelsen för Kustförbundet\nDatum: 2019-04-02\nOrdförande: Karl von Essen\n"
        "Sekreterare: Lisa Ek\nNärvarande: Per Lind, Eva Ström\n1. Upprop\n"
    )
    assert [(a.name, a.role, a.status) for a in m.attendees] == [
        ("Karl von Essen", "ordförande", "present"),
        ("Lisa Ek", "sekreterare", "present"),
        ("Per Lind", None, "present"),
        ("Eva Ström", None, "present"),
    ]


def test_signatures_printed_at_the_top_and_chair_as_speaker():
    m = extract(
        "Kommunstyrelsen\nSammanträdesprotokoll\nSammanträdesdatum 2021-09-07\n"
        "Underskrifter Sekreterare ............ Paragrafer 101-110\nLisa Ek\n"
        "Ordförande ............\nAnna Berg\nJusterande ............\nPer Lind\n"
        "Beslutande\nAnna Berg (S), ordförande\nPer Lind (M)\n"
        "§ 101\nBudget\nFör beslut\nOrdföranden informerar om läget.\n"
    )
    assert m.signatories == ["Lisa Ek", "Anna Berg", "Per Lind"]
    (item,) = m.items
    assert (item.kind, item.speakers) == ("beslut", ["Anna Berg"])
