"""Date expressions of Swedish (and Finland-Swedish) minutes, normalised to ISO values.

``dates.find_dates`` finds ISO, Finnish dd.mm.yyyy, "26-28 november", "12/5",
month names and years; a missing year comes from the context (a later date in
the sentence, the meeting date and tense, a session year "2009/10").
"""

from __future__ import annotations

import pytest

from minutes.extract import extract_meeting
from minutes.extract.dates import find_dates, infer_meeting_year
from minutes.models import SourceDocument


@pytest.mark.parametrize(
    ("text", "meeting_date", "found"),
    [
        # Finnish dd.mm.yyyy, with and without leading zeros.
        ("Sammanträdet hölls 14.11.2019 i församlingshemmet.", None, [("14.11.2019", "2019-11-14")]),
        ("Möte 3.2.2020 kl 18.", None, [("3.2.2020", "2020-02-03")]),
        ("Den 31.12.2020 upphör avtalet.", None, [("31.12.2020", "2020-12-31")]),
        ("Nästa möte 5.3.-7.3.2021.", None, [("5.3.-", "2021-03-05"), ("7.3.2021", "2021-03-07")]),
        # Day ranges take the month and year of their end.
        ("Konferensen 26-28 november 2019 i Ekby.", None, [("26-", "2019-11-26"), ("28 november 2019", "2019-11-28")]),
        ("Konferensen 26–28 november.", "2019-10-01", [("26–", "2019-11-26"), ("28 november.", "2019-11-28")]),
        # Day/month numbers, the year from the meeting or written after them.
        ("Nästa möte 12/5.", "2020-04-20", [("12/5", "2020-05-12")]),
        ("Nästa möte 12/5 2020.", None, [("12/5 2020", "2020-05-12")]),
        ("Under tiden 1/1-30/6 2020.", None, [("1/1", "2020-01-01"), ("30/6 2020", "2020-06-30")]),
        # A deadline before the meeting's month lies in the next year.
        ("Rapport senast 3/2.", "2020-10-01", [("3/2", "2021-02-03")]),
        ("Nästa möte 4 mars 2021 kl 18.", None, [("4 mars 2021", "2021-03-04")]),
        ("Styrelsen träffas den 2:a februari.", "2021-01-10", [("2:a februari.", "2021-02-02")]),
        ("Mötet 14 jan. 2020", None, [("14 jan. 2020", "2020-01-14")]),
        ("Nästa möte i mars 2021.", None, [("mars 2021", "2021-03")]),
        ("Ansökan till 2020-03-31.", None, [("2020-03-31", "2020-03-31")]),
        ("Protokoll 20200304", None, [("20200304", "2020-03-04")]),
        ("Planen gäller 2020–2023.", None, [("2020", "2020"), ("2023", "2023")]),
        # A session or financial year "2009/10": autumn months in its first year, spring in its second.
        ("Riksmötet 2009/10 hölls i oktober.", None, [("oktober", "2009-10")]),
        (
            "Verksamhetsåret 2019/20 börjar i september och slutar i juni.",
            None,
            [("september", "2019-09"), ("juni", "2020-06")],
        ),
        # Not dates: money, paragraph references, motion numbers.
        ("Kostnaden blir 1500 kr.", None, []),
        ("Se § 12/2019.", None, []),
        ("Motion 2019:45 om cykelvägar.", None, []),
        # A two-day meeting written as one ISO date with a second day.
        ("Sammanträde 2013-06-10-11", None, [("2013-06-10", "2013-06-10"), ("11", "2013-06-11")]),
        ("Sammanträde 2021-06-10--11", None, [("2021-06-10", "2021-06-10"), ("11", "2021-06-11")]),
        # A diarienummer's year is no date.
        ("Dnr 2021/123", None, []),
    ],
)
def test_dates_find(text, meeting_date, found):
    assert [(d.text, d.value) for d in find_dates(text, meeting_date=meeting_date)] == found


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Riksmötet 2009/10. Protokoll torsdagen den 3 december.", 2009),
        ("Budget 2021 och plan 2021–2023 diskuterades. Inget om 2019.", 2021),
        ("Mötestider 2022\n3 februari\n5 maj", 2022),
        ("Inga årtal alls.", None),
    ],
)
def test_dates_meeting_year(text, year):
    assert infer_meeting_year(text) == year


def test_dates_end_to_end_finnish_date_in_the_title():
    m = extract_meeting(
        SourceDocument(
            name="t.txt",
            text="Kyrkorådets sammanträde 11.11.2019\nTid: kl. 18.00–20.15\n1. Öppnande\n"
            "Nästa sammanträde hålls 9.12.2019.\n",
        )
    )
    assert m.date == "2019-11-11"
    assert {d.value for d in m.dates} == {"2019-11-11", "2019-12-09"}
