"""Pure functions of the link step: stems, formalities, name variants, due dates (issue 7)."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.link.followup import derive_status, is_back_reference, resolve_due
from minutes.link.formalities import is_formality
from minutes.link.people import merge_names
from minutes.link.text import stem, title_terms


@pytest.mark.parametrize(
    "a,b", [("utskrivningen", "utskrivning"), ("riktlinjer", "riktlinje"),
            ("avvikelsehanteringen", "avvikelsehantering"), ("anteckningar", "anteckning")],
)
def test_text_stem_joins_inflections(a, b):
    assert stem(a) == stem(b)


def test_text_title_terms_drop_item_kind_words_and_elided_halves():
    assert title_terms("Lägesrapport samverkan vid in- och utskrivning") == ["samverkan", "utskrivning"]
    assert title_terms("Nuläge FVM") == ["fvm"]


@pytest.mark.parametrize(
    "title",
    ["Mötets öppnande", "Dagens agenda godkänns", "Godkännande av dagens agenda med tillägg",
     "Fastställande av dagordning", "Föregående minnesanteckningar", "Mötestider 2019",
     "Kommande möten", "Övriga frågor", "övrig fråga:", "Anmälningsärenden", "Val av justerare",
     "Aktuellt från regionen"],
)
def test_formalities_are_recognised(title):
    assert is_formality(title)


@pytest.mark.parametrize(
    "title",
    ["Övrig fråga: Barn med trakeostomi", "Lägesrapport FVM", "Riktlinje för hemsjukvård",
     "Återrapportering för 2017 om hjälpmedel", "Nära vård"],
)
def test_formalities_leave_issues_alone(title):
    assert not is_formality(title)


def test_people_variants_merge_into_the_fuller_name():
    names = ["Rose-Marie N", "Rose-Marie Nyborg", "Rose-Marie Nyberg", "Anneli Bjerde",
             "Anneli Assmundson Bjerde", "H Eliasson", "Helena Eliasson"]
    merged = merge_names(names + ["Rose-Marie Nyborg"])
    assert {merged[n] for n in names[:3]} == {"Rose-Marie Nyborg"}
    assert merged["Anneli Bjerde"] == "Anneli Assmundson Bjerde"
    assert merged["H Eliasson"] == "Helena Eliasson"


def test_people_sharing_a_first_name_stay_apart():
    names = ["Karin N", "Karin Nilsson", "Karin Norén", "Linda", "Linda Macke", "Linda Berg",
             "Rose-Marie Sandberg", "Rose-Marie Nyborg"]
    merged = merge_names(names)
    assert all(merged[n] == n for n in names)


def test_people_group_assignees_are_not_people():
    assert merge_names(["projektet", "Arbetsgruppen"]) == {"projektet": "projektet",
                                                            "Arbetsgruppen": "Arbetsgruppen"}


@pytest.mark.parametrize(
    "due,expected",
    [("2019-05-14", "2019-05-14"), ("2019-02", "2019-02-28"), ("2020-02", "2020-02-29"),
     ("2019", "2019-12-31"), ("next_meeting", "2019-06-12"), (None, None), ("snart", None)],
)
def test_followup_resolve_due(due, expected):
    assert resolve_due(due, "2019-06-12") == expected


def test_followup_status_order():
    today = dt.date(2020, 1, 1)
    assert derive_status("2019-01-01", "item-1", today) == "reported"
    assert derive_status("2019-01-01", None, today) == "overdue"
    assert derive_status("2020-06-01", None, today) == "open"
    assert derive_status(None, None, today) == "open"


def test_followup_back_reference_quotes_the_task():
    text = "Återrapportering: Vid mötet den 12 mars fick Anna Berg i uppdrag att ta fram en rutin för larm."
    assert is_back_reference("ta fram en rutin för larm", text)
    assert not is_back_reference("utreda kostnaderna för transporter", text)
