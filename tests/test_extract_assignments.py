"""Assignments: who must do what, and by when.

Cues of the lexicon ("får i uppdrag att", "uppdrar åt", "ombeds", "ansvarar för");
a person and an action verb in the present tense, the way association minutes and
minnesanteckningar note tasks ("Anna kollar med vaktmästaren", "(AB) bokar lokal");
passives with an agent; imperatives with the assignee last; action lists.
"""

from __future__ import annotations

import pytest

from minutes.extract import extract_meeting
from minutes.extract.assignments import (
    action_statements,
    due_of,
    imperative_statement,
    passive_statement,
    split_assignees,
)
from minutes.models import SourceDocument

PEOPLE = ["Anna Berg", "Olle Ek", "Karin Lund", "Per Sund", "Lisa Ström"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # A first name resolved to the one attendee it fits.
        ("Anna kollar med vaktmästaren.", [(["Anna Berg"], "kollar med vaktmästaren", None)]),
        # Initials in brackets.
        ("(AB) bokar lokal.", [(["Anna Berg"], "bokar lokal", None)]),
        ("OE kontaktar kommunen om gatubelysningen.", [(["Olle Ek"], "kontaktar kommunen om gatubelysningen", None)]),
        # Task verbs beyond the commonest ones.
        ("(KL) inventerar nycklarna som finns ute.", [(["Karin Lund"], "inventerar nycklarna som finns ute", None)]),
        ("Lisa jämför försäkringsbolagens villkor.", [(["Lisa Ström"], "jämför försäkringsbolagens villkor", None)]),
        # Two people as subject.
        (
            "Per och Lisa undersöker priset på nya bänkar.",
            [(["Per Sund", "Lisa Ström"], "undersöker priset på nya bänkar", None)],
        ),
        # Two clauses, two tasks.
        (
            "Karin bokar lokalen och Per ordnar musik.",
            [(["Karin Lund"], "bokar lokalen", None), (["Per Sund"], "ordnar musik", None)],
        ),
        # A deadline becomes the due value and leaves the task.
        (
            "Olle mejlar kallelsen till alla medlemmar senast 1 maj.",
            [(["Olle Ek"], "mejlar kallelsen till alla medlemmar", "2020-05-01")],
        ),
        (
            "Lisa Ström sammanställer enkätsvaren till nästa möte.",
            [(["Lisa Ström"], "sammanställer enkätsvaren", "next_meeting")],
        ),
        # A role or a group can be asked to act.
        ("Kassören skickar ut fakturorna.", [(["Kassören"], "skickar ut fakturorna", None)]),
        ("Styrelsen ser över stadgarna.", [(["Styrelsen"], "ser över stadgarna", None)]),
        # Not tasks: a verb that reports, a pronoun subject, the past tense.
        ("Anna håller med om förslaget.", []),
        ("Vi bokar lokalen.", []),
        ("Anna berättade om sommarlägret.", []),
        # Everyday task verbs of a treasurer.
        ("Olle betalar fakturan från förbundet.", [(["Olle Ek"], "betalar fakturan från förbundet", None)]),
        ("Anna fyller i blanketten.", [(["Anna Berg"], "fyller i blanketten", None)]),
        ("Olle bokför kvittona.", [(["Olle Ek"], "bokför kvittona", None)]),
        # Full names and "samt" start the next clause.
        (
            "Karin Lund bokar lokalen och Per Sund ordnar musik.",
            [(["Karin Lund"], "bokar lokalen", None), (["Per Sund"], "ordnar musik", None)],
        ),
        (
            "Anna och Olle bokar buss samt Karin ordnar mat.",
            [(["Anna Berg", "Olle Ek"], "bokar buss", None), (["Karin Lund"], "ordnar mat", None)],
        ),
        # Leaving the room during an election is no task.
        ("Olle lämnar rummet.", []),
    ],
)
def test_assignments_action_statements(sentence, found):
    results = action_statements(sentence, people=PEOPLE, meeting_date="2020-04-01")
    assert [(f.assignees, f.task, f.due) for f in results] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Kallelsen skickas av Anna.", (["Anna Berg"], "Kallelsen skickas")),
        ("Bänkarna målas av vaktmästaren.", None),
    ],
)
def test_assignments_passive_with_agent(sentence, found):
    result = passive_statement(sentence, people=PEOPLE, meeting_date=None)
    assert (result and (result.assignees, result.task)) == found


def test_assignments_passive_with_initials_as_agent():
    result = passive_statement("Verksamhetsberättelsen upprättas av (KL).", people=PEOPLE, meeting_date=None)
    assert result.assignees == ["Karin Lund"]
    assert result.task.startswith("Verksamhetsberättelsen upprättas")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Uppdatera hemsidan, Per.", (["Per Sund"], "Uppdatera hemsidan")),
        ("Boka lokal till årsmötet, Karin.", (["Karin Lund"], "Boka lokal till årsmötet")),
        ("Tack för i kväll, Anna.", None),
    ],
)
def test_assignments_imperative_with_the_assignee_last(sentence, found):
    result = imperative_statement(sentence, people=PEOPLE, meeting_date=None)
    assert (result and (result.assignees, result.task)) == found


@pytest.mark.parametrize(
    ("subject", "assignees"),
    [
        ("Anna Berg och Olle Ek", ["Anna Berg", "Olle Ek"]),
        ("kansliet", ["kansliet"]),
        ("AB", ["Anna Berg"]),
        ("Per, Lisa och kassören", ["Per Sund", "Lisa Ström", "kassören"]),
    ],
)
def test_assignments_split_assignees(subject, assignees):
    assert split_assignees(subject, people=PEOPLE) == assignees


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("till nästa möte", "next_meeting"),
        ("inför nästa styrelsemöte", "next_meeting"),
        ("senast 15 maj", "2020-05-15"),
        ("i juni", "2020-06"),
        ("klart 2020-09-30", "2020-09-30"),
        ("snarast", None),
        # The meeting that gave the task, not its deadline.
        ("Vid mötet den 5 februari fick Olle i uppdrag att boka bussen", None),
        ("Olle bokar bussen till den 5 april", "2020-04-05"),
    ],
)
def test_assignments_due(text, due):
    assert due_of(text, meeting_date="2020-04-01") == due


HEAD = (
    "Protokoll styrelsemöte Ekby Scoutkår\nDatum: 2021-05-10\nNärvarande: Anna Berg, Olle Ek, Karin Lund, Per Sund\n"
    "\n1. Öppnande\nMötet öppnades.\n2. Lägret\n"
)
TAIL = "\n3. Avslutning\nMötet avslutades.\n"


@pytest.mark.parametrize(
    ("body", "assignments"),
    [
        (
            "Kansliet får i uppdrag att ta fram ett förslag till nästa möte.",
            [(["Kansliet"], "ta fram ett förslag", "next_meeting", False)],
        ),
        ("Styrelsen ger Olle Ek i uppdrag att boka bussen.", [(["Olle Ek"], "boka bussen", None, False)]),
        (
            "Styrelsen uppdrar åt kassören att betala fakturan senast 31 maj.",
            [(["kassören"], "betala fakturan", "2021-05-31", False)],
        ),
        (
            "Ledamöterna ombeds att läsa handlingarna inför nästa möte.",
            [(["Ledamöterna"], "läsa handlingarna", "next_meeting", False)],
        ),
        ("Karin Lund ansvarar för anmälningarna.", [(["Karin Lund"], "ansvarar för anmälningarna", None, False)]),
        ("Per tar med sig frågan till förbundet.", [(["Per Sund"], "tar med sig frågan till förbundet", None, False)]),
        ("Olle kommer att skicka ut kallelsen.", [(["Olle Ek"], "skicka ut kallelsen", None, False)]),
        # A task given earlier and reported ("fick i uppdrag") is optional.
        ("Olle Ek fick i uppdrag att ringa kommunen.", [(["Olle Ek"], "ringa kommunen", None, True)]),
        # An att-sats reads as the sentence after "Att".
        ("Att Anna Berg tar fram en packlista.", [(["Anna Berg"], "tar fram en packlista", None, False)]),
        # Action lists.
        (
            "Åtgärd: Boka buss. Ansvarig: Olle Ek. Klart till: 2021-06-01",
            [(["Olle Ek"], "Boka buss", "2021-06-01", False)],
        ),
        # A report-back line gives the due date of the task before it.
        (
            "Karin ringer lägergården.\nÅterrapportering: 2021-06-15",
            [(["Karin Lund"], "ringer lägergården", "2021-06-15", False)],
        ),
        # Speech is no task.
        ("Olle Ek informerade om läget.", []),
        # A named person who "ska" do something, under a decision label or inside the decision.
        (
            "Text om lägret.\nBeslut\nKarin Lund ska sammanställa anmälningarna till den 1 juni.",
            [(["Karin Lund"], "sammanställa anmälningarna", "2021-06-01", False)],
        ),
        (
            "Styrelsen beslutar att Olle ska boka bussen.",
            [(["Olle Ek"], "boka bussen", None, False)],
        ),
        # What is to be, or done by no one named, is no task.
        ("Lägret ska vara i juni.", []),
        ("Anna ska vara med på lägret.", []),
        ("Anmälan ska lämnas till Olle.", []),
        # An att-sats that gives an assignment; a motion that asks for one gives none.
        (
            "Beslut\n1. att anta planen\n2. att ge kansliet i uppdrag att förbereda ett underlag",
            [(["kansliet"], "förbereda ett underlag", None, False)],
        ),
        ("Olle Ek har i en motion föreslagit att ge kansliet i uppdrag att utreda frågan.", []),
        # Two people responsible together, a second task with its verb left out, and a hasty
        # note that starts its next sentence in lower case.
        (
            "Anna och Per är tillsammans ansvariga för att laga tältet och Per för att köpa pinnar."
            " kansliet ansvarar för att boka bussen.",
            [
                (["Anna Berg", "Per Sund"], "laga tältet", None, False),
                (["Per Sund"], "köpa pinnar", None, False),
                (["kansliet"], "ansvarar för att boka bussen", None, False),
            ],
        ),
        # An att-sats under "Förslag" written "1. Att<tab>Att ...", and a capitalised action verb.
        ("Förslag\n1. Att\tAtt Olle tar på sig kallelsen.", [(["Olle Ek"], "tar på sig kallelsen", None, False)]),
        ("Olle Fixar Bussen.", [(["Olle Ek"], "Fixar Bussen", None, False)]),
        # What a unit "kommer" to do is said of it, not asked of it; a body or a person that will is asked.
        ("IT kommer ersätta det gamla systemet.", []),
        ("Olle kommer att skicka kallelsen.", [(["Olle Ek"], "skicka kallelsen", None, False)]),
        # A member's jäv is no task; the recipients of a flattened decision are not part of its task.
        ("Olle Ek deltar inte i handläggningen på grund av jäv.", []),
        (
            "Kansliet får i uppdrag att boka bussen Beslutet expedieras till: Kansliet, Ekonomiavdelningen",
            [(["Kansliet"], "boka bussen", None, False)],
        ),
        # The list a task announces is not part of it.
        (
            "Kansliet får i uppdrag att ta fram ett underlag om lägret, innehållande: en tidplan; en budget.",
            [(["Kansliet"], "ta fram ett underlag om lägret", None, False)],
        ),
        # A topic before a dash is not part of the subject.
        ("Bussen – Olle bokar bussen till lägret.", [(["Olle Ek"], "bokar bussen till lägret", None, False)]),
        # A row "task<tab>who" is a task; a sentence's end beside a name in the margin is not.
        ("Packlista till alla\tKarin", [(["Karin Lund"], "Packlista till alla", None, False)]),
        ("Ledarna har valt två vandringsleder; den gula och\nden blå leden.\tKarin", []),
    ],
)
def test_assignments_in_an_item(body, assignments):
    item = extract_meeting(SourceDocument(name="t.txt", text=HEAD + body + TAIL)).items[1]
    assert [(a.assignees, a.task, a.due, a.optional) for a in item.assignments] == assignments


def test_assignments_minnesanteckningar_with_first_names_and_initials():
    text = (
        "Minnesanteckningar från arbetsgruppen för Ekby lekplats\nDatum: 2021-02-03\n"
        "Närvarande: Anna Berg, Olle Ek och Karin Lund\n\nSandlådan\n\n"
        "Sanden behöver bytas innan sommaren. Anna kollar med vaktmästaren om leverans.\n\n"
        "Gungorna\n\nEn gunga är trasig. (OE) beställer en ny gunga.\n\n"
        "Nästa möte\n\nNästa möte blir den 3 mars. Karin bokar lokal.\n"
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [(i.title, [(a.assignees, a.task) for a in i.assignments]) for i in m.items] == [
        ("Sandlådan", [(["Anna Berg"], "kollar med vaktmästaren om leverans")]),
        ("Gungorna", [(["Olle Ek"], "beställer en ny gunga")]),
        ("Nästa möte", [(["Karin Lund"], "bokar lokal")]),
    ]


def test_assignments_markdown_bullets():
    text = (
        "## Styrelsemöte Ekby Scoutkår 2021-04-12\n\n**Närvarande:** Anna Berg, Olle Ek, Karin Lund\n\n"
        "## Ekonomi\n- Kassan är god.\n- Olle mejlar fakturan till förbundet.\n\n"
        "## Lägret\n- Lägret blir 10–12 juni.\n- Karin bokar buss.\n"
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [(i.title, [(a.assignees, a.task) for a in i.assignments]) for i in m.items] == [
        ("Ekonomi", [(["Olle Ek"], "mejlar fakturan till förbundet")]),
        ("Lägret", [(["Karin Lund"], "bokar buss")]),
    ]
    assert {"2021-06-10", "2021-06-12"} <= {d.value for d in m.dates}
