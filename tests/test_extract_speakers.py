"""Presenters and speakers of an item.

A presenter is named on a "Föredragande:" line or a bare name line under the
title; a speaker is the subject of a speech cue (speech.yml), resolved to the
attendee the document makes certain (a first name, initials, "Ordföranden").
"""

from __future__ import annotations

import pytest

from minutes.extract import extract_meeting
from minutes.extract.speakers import presenter_names
from minutes.models import SourceDocument

HEAD = (
    "Protokoll styrelsemöte\nDatum: 2021-05-10\nNärvarande: Anna Berg, ordförande, Olle Ek, Karin Lund, Per Sund\n\n"
    "1. Öppnande\nMötet öppnades.\n2. Ekonomi\n"
)
TAIL = "\n3. Avslutning\nMötet avslutades.\n"


@pytest.mark.parametrize(
    ("body", "presenters", "speakers"),
    [
        ("Olle Ek redogör för det ekonomiska läget.", [], ["Olle Ek"]),
        ("Karin frågar om medlemsavgifterna.", [], ["Karin Lund"]),
        # Written before the meeting, not said at it.
        ("Olle Ek (M) föreslår i en motion att kommunen bygger en badplats.", [], []),
        ("Per Sund ger en presentation av planen.", [], ["Per Sund"]),
        # A role the attendee list gives to one person.
        ("Ordföranden informerar om läget.", [], ["Anna Berg"]),
        ("Olle Ek, kassör, redogör för budgeten.", [], ["Olle Ek"]),
        ("Olle Ek och Karin Lund informerar om lägret.", [], ["Olle Ek", "Karin Lund"]),
        ("OE presenterar bokslutet.", [], ["Olle Ek"]),
        ("Olle yttrade sig.", [], ["Olle Ek"]),
        ("Synpunkter från Karin Lund och Per Sund.", [], ["Karin Lund", "Per Sund"]),
        ("Hur går det med bidraget? (Karin Lund)", [], ["Karin Lund"]),
        # Nobody speaks.
        ("Frågan om nycklar diskuterades.", [], []),
        ("Informationen från Olle noterades.", [], []),
        # Presenters: a bare name line under the title, or a Föredragande line.
        ("Karin Lund\nKarin informerar om lägret.", ["Karin Lund"], ["Karin Lund"]),
        ("Föredragande: Olle Ek, kassör, och Karin Lund\nText om ekonomin.", ["Olle Ek", "Karin Lund"], []),
        # Speakers listed after an announcement on the same line.
        ("I debatten deltar Karin Lund och Olle Ek.", [], ["Karin Lund", "Olle Ek"]),
        ("Följande personer talade: Karin Lund, Olle Ek och Per Sund.", [], ["Karin Lund", "Olle Ek", "Per Sund"]),
        # Declaring the meeting open is a formal act, not speech.
        ("Karin Lund förklarar mötet öppnat kl. 18.00.", [], []),
        # A role before the name: the name says who speaks.
        ("Kassören Olle Ek redogjorde för det ekonomiska läget.", [], ["Olle Ek"]),
        # Formalities are no speech: thanks when closing the meeting, a declared jäv.
        ("Ordföranden tackade för visat intresse och avslutade mötet.", [], []),
        ("Karin Lund anmäler jäv och deltar inte i handläggningen.", [], []),
        # Raising a question is speech.
        ("Karin Lund tog upp frågan om försäkringar.", [], ["Karin Lund"]),
        # Under a proposal's att-satser, a sentence of its own is the item's text again.
        (
            "Styrelsens förslag till beslut\natt köpa ett tält\nI ärendet yttrar sig Karin Lund och Olle Ek.",
            [],
            ["Karin Lund", "Olle Ek"],
        ),
    ],
)
def test_speakers_and_presenters_of_an_item(body, presenters, speakers):
    item = extract_meeting(SourceDocument(name="t.txt", text=HEAD + body + TAIL)).items[1]
    assert (item.presenters, item.speakers) == (presenters, speakers)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Olle Ek, kassör, och Karin Lund", ["Olle Ek", "Karin Lund"]),
        ("Anna Berg, Ekby kommun och Olle Ek, Region Ekby", ["Anna Berg", "Olle Ek"]),
        ("Ordföranden", ["Ordföranden"]),
    ],
)
def test_speakers_presenter_line(text, names):
    assert presenter_names(text, people=["Anna Berg", "Olle Ek", "Karin Lund"]) == names
