"""A committee's paragraph printed as an attachment to the council's: the page is the committee's meeting."""

from __future__ import annotations

from minutes.extract import extract_meeting
from minutes.models import SourceDocument

EXCERPT = (
    "Kommunfullmäktiges protokoll 2020-05-04 - Ekby kommun\n\n"
    "§ 71, KF 2020-05-04 / §:s bilaga: Kommunstyrelsen 2020-03-10 § 40\n\n"
    "Motion om cykelbanor\n\n"
    "PROTOKOLL\nKommunstyrelsen\n2020-03-10 Dnr 120-2019\n\n"
    "Anna Berg m fl har i motion föreslagit att bygga fler cykelbanor.\n\n"
    "Yrkande\nAnna Berg, c: Motionen bifalls.\nOlle Ek, m: Motionen avslås.\n\n"
    "Beslut\nKommunstyrelsen beslutar att avslå motionen.\n"
)


def test_excerpt_is_the_committees_meeting_and_paragraph():
    m = extract_meeting(SourceDocument(name="t.txt", text=EXCERPT))
    assert (m.body, m.date) == ("Kommunstyrelsen", "2020-03-10")
    assert [(i.number, i.title, i.case_number) for i in m.items] == [("40", "Motion om cykelbanor", "120-2019")]
    assert [d.text for d in m.items[0].decisions] == ["Kommunstyrelsen beslutar att avslå motionen."]


def test_excerpt_movers_attended_with_the_party_printed_after_their_names():
    m = extract_meeting(SourceDocument(name="t.txt", text=EXCERPT))
    people = [(a.name, a.party, a.status) for a in m.attendees]
    assert people == [("Anna Berg", "C", "present"), ("Olle Ek", "M", "present")]


def test_a_council_paragraph_without_an_attachment_keeps_its_own_number():
    text = EXCERPT.replace(" / §:s bilaga: Kommunstyrelsen 2020-03-10 § 40", "")
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [i.number for i in m.items] == ["71"]
