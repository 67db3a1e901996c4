"""Pure functions of the link step: stems, formalities, name variants, due dates (issue 7)."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.archive.formalities import is_formality
from minutes.link.followup import derive_status, is_back_reference, resolve_due
from minutes.link.people import merge_names
from minutes.link.terms import title_terms
from minutes.swedish import stem


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
    names = ["Ann-Louise N", "Ann-Louise Nyholm", "Ann-Louise Nyhelm", "Karin Lindqvist",
             "Karin Ek Lindqvist", "H Strandberg", "Helena Strandberg"]
    merged = merge_names(names + ["Ann-Louise Nyholm"])
    assert {merged[n] for n in names[:3]} == {"Ann-Louise Nyholm"}
    assert merged["Karin Lindqvist"] == "Karin Ek Lindqvist"
    assert merged["H Strandberg"] == "Helena Strandberg"


def test_people_sharing_a_first_name_stay_apart():
    names = ["Karin N", "Karin Nilsson", "Karin Norén", "Linda", "Linda Holm", "Linda Berg",
             "Ann-Louise Sandberg", "Ann-Louise Nyholm"]
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


# --- threads: candidate pairs and evidence ------------------------------------------------

def _item(k: int, meeting: str, date: str, title: str, text: str):
    from minutes.link.features import item_features

    row = {"id": f"i{k}", "meeting_id": meeting, "title": title, "text": text, "date": date,
           "body": "VSX", "presenters": "[]", "speakers": "[]"}
    item = item_features(row, ignored_acronyms=frozenset())
    item.index = k
    return item


FILLER = "Gruppen diskuterar läget och noterar informationen om {}. Arbetet fortsätter under våren med fler möten."


def test_threads_a_recurring_title_its_texts_never_take_up_links_nothing():
    from minutes.link.features import Weights
    from minutes.link.threads import evidence

    a = _item(0, "m1", "2019-01-10", "Nytt lokalt samarbete", FILLER.format("hemtjänsten i norr"))
    b = _item(1, "m2", "2019-03-10", "Nytt lokalt samarbete", FILLER.format("skolans elevhälsa"))
    others = [_item(k, f"o{k}", "2019-02-01", f"Ärende {k}", FILLER.format(f"sak {k}")) for k in range(2, 12)]
    w = Weights([a, b, *others])
    assert evidence(a, b, w).score == 0
    c = _item(12, "m3", "2019-05-10", "Larmrutin i hemtjänsten", FILLER.format("larmrutin i hemtjänsten"))
    d = _item(13, "m4", "2019-06-10", "Larmrutin i hemtjänsten - lägesrapport", FILLER.format("larmrutinen"))
    assert evidence(c, d, Weights([a, b, c, d, *others])).score >= 0.6


def test_threads_titles_whose_distinctive_terms_differ_name_other_things():
    from minutes.link.features import Weights
    from minutes.link.threads import evidence

    a = _item(0, "m1", "2019-01-10", "Införande av IT-stödet Vårdnav", FILLER.format("IT-stödet Vårdnav"))
    b = _item(1, "m2", "2019-03-10", "Införande av IT-stödet Omsorgslänk", FILLER.format("IT-stödet Omsorgslänk"))
    others = [_item(k, f"o{k}", "2019-02-01", f"Ärende {k}", FILLER.format(f"sak {k}")) for k in range(2, 12)]
    assert evidence(a, b, Weights([a, b, *others])).score == 0


def test_threads_candidates_pair_only_items_that_share_a_feature():
    from minutes.link.features import Weights
    from minutes.link.threads import candidate_pairs

    items = [_item(k, f"m{k}", f"2019-{k + 1:02d}-01", title, FILLER.format(title.lower()))
             for k, title in enumerate(["Larmrutin i hemtjänsten", "Budget för 2020", "Larmrutin - lägesrapport",
                                        "Tandvård i hemmet"])]
    assert candidate_pairs(items, Weights(items)) == {(0, 2)}


def test_threads_long_posting_lists_pair_near_neighbours_only():
    from minutes.link import threads
    from minutes.link.features import Weights

    items = [_item(k, f"m{k}", f"20{10 + k // 12:02d}-{k % 12 + 1:02d}-01", "Larmrutin i hemtjänsten",
                   FILLER.format("larmrutin")) for k in range(100)]
    pairs = threads.candidate_pairs(items, Weights(items))
    assert all(j - i <= threads.NEIGHBOURS for i, j in pairs)
    assert len(pairs) <= len(items) * threads.NEIGHBOURS
