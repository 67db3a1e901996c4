"""The meeting header: label-value fields, date, times, place, body, signatures.

``header.header_fields`` reads "Label: value" pairs, a label with its value on
the next line, and several pairs on one line; the other functions turn the
fields (and the title lines, and the opening/closing sentences) into the
meeting's date, times, place, body and signatories.
"""

from __future__ import annotations

import pytest

from minutes.extract import extract_meeting
from minutes.extract.header import _times, header_fields, meeting_body, meeting_location, signatories
from minutes.extract.lines import split_lines
from minutes.models import SourceDocument


def extract(text: str):
    return extract_meeting(SourceDocument(name="t.txt", text=text))


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Plats och tid: Kommunhuset, kl. 13.00–16.30", [("place_time", "Kommunhuset, kl. 13.00–16.30")]),
        ("Plats och tid Kommunhuset, kl. 13.00–16.30", [("place_time", "Kommunhuset, kl. 13.00–16.30")]),
        # A label alone on its line, the value below it (web transcripts).
        ("Plats och tid\nKommunhuset, kl. 13.00–16.30", [("place_time", "Kommunhuset, kl. 13.00–16.30")]),
        ("Tid: 18.00–20.00\nPlats: Föreningslokalen", [("time", "18.00–20.00"), ("place", "Föreningslokalen")]),
        # Several labels on one line.
        (
            "Datum: 2020-05-04 Tid: 18.30 Plats: Bygdegården",
            [("date", "2020-05-04"), ("time", "18.30"), ("place", "Bygdegården")],
        ),
        ("Datum och tid: 12 maj 2020 kl. 18.00", [("date_time", "12 maj 2020 kl. 18.00")]),
        ("Sammanträdesdatum 2021-03-16", [("date", "2021-03-16")]),
        ("Mötesform: Teams", [("form", "Teams")]),
        ("Organ: Miljönämnden", [("body", "Miljönämnden")]),
        ("Justeringens plats och tid: Kommunkontoret 2021-03-19", [("adjustment", "Kommunkontoret 2021-03-19")]),
        # Label and value in two columns (a tab, or three spaces, between them).
        ("Plats och tid\tKommunhuset, kl. 13.00–16.30", [("place_time", "Kommunhuset, kl. 13.00–16.30")]),
        ("Plats och tid   Kommunhuset, kl. 13.00–16.30", [("place_time", "Kommunhuset, kl. 13.00–16.30")]),
        ("Organ\tSocialnämnden", [("body", "Socialnämnden")]),
        # A label cell that a PDF table wrapped onto the next line.
        (
            "Datum och\t2020-05-04 18.30\ntid:\nPlats:\tBygdegården",
            [("date_time", "2020-05-04 18.30"), ("place", "Bygdegården")],
        ),
    ],
)
def test_header_fields(text, fields):
    assert [(f.field, f.value) for f in header_fields(split_lines(text))] == fields


@pytest.mark.parametrize(
    ("value", "times"),
    [
        ("13.00–16.30", ("13:00", "16:30")),
        ("kl. 13.00-16.30", ("13:00", "16:30")),
        ("kl 9-12", ("09:00", "12:00")),
        ("kl. 18", ("18:00", None)),
        ("18:30", ("18:30", None)),
        ("2021-03-16 kl 13.15", ("13:15", None)),
        # A Finnish date before the time is no clock time.
        ("14.11.2019 kl. 18.00–20.00", ("18:00", "20:00")),
        ("Kommunhuset kl 13.00 - 15.30", ("13:00", "15:30")),
        ("13.00 till 15.00", ("13:00", "15:00")),
    ],
)
def test_header_times_from_a_value(value, times):
    assert _times(value) == times


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Plats och tid: Kommunhuset, kl. 13.00–16.30", "Kommunhuset"),
        ("Plats: Bygdegården", "Bygdegården"),
        ("Plats och tid: Stadshuset, Ekby 2021-03-16 kl 13", "Stadshuset, Ekby"),
        ("Mötesform: Teams", "Teams"),
        ("Mötesform: Microsoft Teams", "Microsoft Teams"),
    ],
)
def test_header_location(text, location):
    lines = split_lines(text)
    assert meeting_location(header_fields(lines), text) == location


def test_header_location_from_a_sentence_when_no_label_gives_it():
    text = "Årsmötesprotokoll\nStämman hölls den 16 maj 2021 i Föreningshuset.\n"
    assert meeting_location([], text) == "Föreningshuset"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Protokoll\nSocialnämnden\nDatum: 2020-05-04", ("Socialnämnden", "Socialnämnden")),
        ("SOCIALNÄMNDEN\nSammanträdesprotokoll\nSammanträdesdatum 2020-05-04", ("Socialnämnden", "Socialnämnden")),
        (
            "Byggnadsnämnden i Ekby kommun\nProtokoll\nDatum: 2020-05-04",
            ("Byggnadsnämnden", "Byggnadsnämnden, Ekby kommun"),
        ),
        ("Organ: Miljönämnden\nDatum: 2020-05-04", ("Miljönämnden", None)),
        ("Kyrkorådets sammanträde 11.11.2019", ("Kyrkorådet", None)),
        ("Protokoll från Styrelsemöte\nDatum: 2020-05-04", ("Styrelsen", None)),
        ("Minnesanteckningar från arbetsgruppen för lekplatser\nDatum: 2020-05-04", ("Arbetsgruppen", None)),
        ("Protokoll fört vid styrelsemöte i Ekby Hembygdsförening\nDatum: 2020-05-04", ("Ekby Hembygdsförening", None)),
        ("Protokoll Ekby Sportklubb styrelsemöte\nDatum: 2020-05-04", ("Ekby Sportklubb", None)),
        ('Protokoll för styrelsemöte i "Ekby Båtklubb"\nDatum: 2020-05-04', ("Ekby Båtklubb", None)),
        ("Årsmötesprotokoll för Ekby Fiberförening\nDatum: 2020-05-04", ("Ekby Fiberförening", None)),
        ("Styrelsen för Ekby Vattenråd\nProtokoll\nDatum: 2020-05-04", ("Styrelsen", "Styrelsen för Ekby Vattenråd")),
        ("Kommunfullmäktige\nProtokoll 2020-05-04", ("Kommunfullmäktige", "Kommunfullmäktige")),
        # A body noun alone under "Protokoll" names the body (it is also an attendance group label).
        ("Protokoll\nStyrelsen\nDatum: 2021-04-20\nNärvarande: Anna Berg", ("Styrelsen", "Styrelsen")),
        # A preposition inside the proper name stays.
        ("Protokoll styrelsemöte Studentkåren i Ekby\nDatum: 2020-05-04", ("Studentkåren i Ekby", None)),
        # "Styrelsemöte" names the meeting, not the body in full.
        ("Styrelsemöte\nDatum och tid: torsdag 4 mars 2021 kl 18.30-20.00", ("Styrelsen", None)),
        # A name in the genitive before the meeting word is the name.
        ("EkbyData kods höstmöte 2019 - Protokoll (2019-11-12)\n1. Öppnande", ("EkbyData kod", None)),
        # A name printed in two columns on the title line.
        ("Ekbyns\tsamfällighet\nPROTOKOLL\nStyrelsemöte nr 8\nDatum: 2022-12-14", ("Ekbyns samfällighet", None)),
        # The acronym the minutes go by, with the full name printed once.
        (
            "Protokoll fört vid årsmöte\nEkby Universitets Datorförening\nDatum: 2020-05-04\n"
            "EUD:s stadgar och EUD:s mål.",
            ("EUD", "Ekby Universitets Datorförening"),
        ),
        # The elided first half of a compound, and an association's place, belong to the name.
        (
            "Protokoll\nVård- och omsorgsnämnden i Ekby kommun\nDatum: 2021-01-01",
            ("Vård- och omsorgsnämnden", "Vård- och omsorgsnämnden, Ekby kommun"),
        ),
        (
            "Protokoll fört vid styrelsemöte i Hembygdsföreningen i Ekby\nDatum: 2021-01-01",
            ("Hembygdsföreningen i Ekby", None),
        ),
    ],
)
def test_header_body(text, body):
    lines = split_lines(text)
    assert meeting_body(lines, header_fields(lines), text) == body


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Protokoll\nSammanträdesdatum 2021-03-16", "2021-03-16"),
        ("Kyrkorådets sammanträde 11.11.2019", "2019-11-11"),
        ("Protokoll\nDatum: 3 mars 2022", "2022-03-03"),
        ("Protokoll\nDatum och tid: torsdag 4 mars 2021 kl 18.30-20.00", "2021-03-04"),
        # A day and month without a year take the year the text makes certain.
        ("Protokoll\nDatum: 12 maj\nBudget 2021 diskuterades.\n", "2021-05-12"),
        # Only the year is known.
        ("Minnesanteckningar\nVerksamhetsplan 2023 diskuterades.\n", "2023"),
        # A date that cites another meeting's paragraph is not this meeting's date.
        ("Ärendet återremitterades av fullmäktige 2022-11-28, § 111.\nText.", "2022"),
        # No date at all: the year papers are numbered by.
        ("Kyrkomötet behandlade motion 2010:54 och betänkande O 2010:4.", "2010"),
    ],
)
def test_header_meeting_date(text, date):
    assert extract(text).date == date


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Protokoll\nTid: kl. 18.00–20.15\n1. Öppnande\nText.", ("18:00", "20:15")),
        ("Protokoll\nPlats och tid: Stadshuset kl 13.00-15.00\n1. Öppnande\nText.", ("13:00", "15:00")),
        # No time label: the opening and closing sentences give the times.
        (
            "Protokoll\n1. Öppnande\nOrdföranden öppnade mötet kl. 18.05 och hälsade alla välkomna.\n"
            "2. Avslutning\nMötet avslutades kl. 19.40 med ett tack.",
            ("18:05", "19:40"),
        ),
        # A time right before the sentence's full stop.
        (
            "Protokoll\n1. Öppnande\nOrdföranden öppnade mötet kl. 18.05.\n"
            "2. Avslutning\nOrdföranden avslutade mötet kl. 19.40.",
            ("18:05", "19:40"),
        ),
        # A range without "kl", in the field or in the title; "inleddes" opens the meeting.
        ("Protokoll\nTid: 2021-05-03 18:00-20:00\n1. Öppnande\nText.", ("18:00", "20:00")),
        ("Möte 2021-05-03 18.00–20.30 i Bygdegården\n1. Öppnande\nText.", ("18:00", "20:30")),
        (
            "Protokoll\n1. Öppnande\nSammanträdet inleddes klockan 9.00.\n"
            "2. Avslutning\nSammanträdet avslutades kl 15.00.",
            ("09:00", "15:00"),
        ),
        # The header gives the start only: the closing sentence gives the end.
        ("Protokoll\nTid: 16.30\n1. Öppnande\nText.\n2. Avslutning\nMötet avslutades kl 19.54", ("16:30", "19:54")),
        # The time alone on the line under the opening.
        ("Protokoll\n1. Mötet öppnas.\na. 17.16.\n2. Val av ordförande\nAnna väljs.", ("17:16", None)),
    ],
)
def test_header_meeting_times(text, times):
    m = extract(text)
    assert (m.start_time, m.end_time) == times


KOMMUNAL = """EKBY KOMMUN
SAMMANTRÄDESPROTOKOLL
Socialnämnden
Sammanträdesdatum 2021-03-16

Plats och tid: Kommunhuset, Ekby, kl. 13.00–16.30
Beslutande: Anna Berg (S), ordförande
Olle Ek (M)
Karin Lund (C)
Övriga deltagare: Eva Nord, sekreterare
Utses att justera: Olle Ek
Justeringens plats och tid: Kommunhuset 2021-03-19
Underskrifter Sekreterare ..................... Paragrafer 12-13
Eva Nord
Ordförande .....................
Anna Berg
Justerande .....................
Olle Ek
ANSLAG/BEVIS
Organ: Socialnämnden
Sammanträdesdatum: 2021-03-16

§ 12
Budget
Socialnämnden beslutar att anta budgeten.
§ 13
Taxor
Socialnämnden beslutar att höja taxorna.
"""


def test_header_kommunal_label_table_end_to_end():
    m = extract(KOMMUNAL)
    assert (m.body, m.date, m.start_time, m.end_time) == ("Socialnämnden", "2021-03-16", "13:00", "16:30")
    assert m.location == "Kommunhuset, Ekby"
    # Signature fields printed on the first page, before the items.
    assert m.signatories == ["Eva Nord", "Anna Berg", "Olle Ek"]
    assert {a.name: a.role for a in m.attendees} == {
        "Anna Berg": "ordförande",
        "Olle Ek": "justerare",
        "Karin Lund": None,
        "Eva Nord": "sekreterare",
    }
    assert [i.number for i in m.items] == ["12", "13"]


@pytest.mark.parametrize(
    ("text", "names", "roles"),
    [
        (
            "Text.\nVid protokollet\nOlle Ek\nJusteras\nAnna Berg\t\tKarin Lund",
            ["Olle Ek", "Anna Berg", "Karin Lund"],
            {"Olle Ek": "sekreterare", "Anna Berg": "justerare", "Karin Lund": "justerare"},
        ),
        (
            "Text.\n\n..................\nAnna Berg, ordförande\n..................\nOlle Ek, sekreterare",
            ["Anna Berg", "Olle Ek"],
            {"Anna Berg": "ordförande", "Olle Ek": "sekreterare"},
        ),
        # Names in columns, their roles on the line under them.
        (
            "Text.\n\nAnna Berg\t\tOlle Ek\nordförande\t\tsekreterare",
            ["Anna Berg", "Olle Ek"],
            {"Anna Berg": "ordförande", "Olle Ek": "sekreterare"},
        ),
    ],
)
def test_header_signature_block_at_the_end(text, names, roles):
    found, _first, found_roles = signatories(split_lines(text), ["Olle Ek", "Anna Berg", "Karin Lund"])
    assert (found, found_roles) == (names, roles)


def test_header_signatures_end_to_end_are_cut_from_the_last_item():
    m = extract(
        "Protokoll styrelsemöte\nDatum: 2021-05-10\nNärvarande: Anna Berg, Olle Ek, Karin Lund\n"
        "1. Öppnande\nMötet öppnades.\n2. Avslutning\nMötet avslutades.\n\n"
        "Vid protokollet\nOlle Ek\n\nJusteras\nAnna Berg\t\tKarin Lund\n"
    )
    assert m.signatories == ["Olle Ek", "Anna Berg", "Karin Lund"]
    assert "Olle Ek" not in m.items[-1].text


def test_header_label_table_in_columns_end_to_end():
    text = (
        "EKBY KOMMUN\nSAMMANTRÄDESPROTOKOLL\nSammanträdesdatum 2021-03-16\n"
        "Plats och tid\tKommunhuset, kl. 13.00–16.30\nOrgan\tSocialnämnden\n\n"
        "§ 1 Budget\nNämnden beslutar att anta budgeten.\n"
    )
    m = extract(text)
    assert (m.body, m.location, m.start_time, m.end_time) == ("Socialnämnden", "Kommunhuset", "13:00", "16:30")


def test_header_signatures_of_a_flattened_label_table():
    """A web transcript puts the signature fields of the label table on one or two lines."""
    text = (
        "SAMMANTRÄDESPROTOKOLL Socialnämnden\nSammanträdesdatum 2021-03-16\n"
        "Underskrifter Sekreterare ..........\n"
        "Paragrafer 1–5 Karin Lund Ordförande .......... Anna Berg Justerande .......... Olle Ek\n"
        "ANSLAG/BEVIS Protokollet är justerat.\n§ 1 Budget\nText."
    )
    m = extract(text)
    assert m.signatories == ["Karin Lund", "Anna Berg", "Olle Ek"]


@pytest.mark.parametrize(
    ("header", "date", "location"),
    [
        ("Tid och plats: Måndagen den 3 maj 2021 kl. 18.00, Bygdegården", "2021-05-03", "Bygdegården"),
        ("Datum: 2021.05.03\nPlats: Bygdegården", "2021-05-03", "Bygdegården"),
        ("Datum: 2021-05-03\nStyrelsen sammanträdde i Bygdegården, sal Eken.", "2021-05-03", "Bygdegården, sal Eken"),
    ],
)
def test_header_date_and_place_written_other_ways(header, date, location):
    m = extract(f"Protokoll styrelsemöte Ekby IF\n{header}\n\n1. Mötets öppnande\nText.\n2. Budget\nText.")
    assert (m.date, m.location) == (date, location)
