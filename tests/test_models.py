"""The domain model round-trips the gold JSON shape exactly."""

import json

import pytest

from minutes.models import Meeting, SourceDocument, meeting_from_gold, to_gold


def test_models_round_trip_every_gold_file(gold_dir):
    files = sorted(p for p in gold_dir.glob("*.json") if p.name != "threads.json")
    assert files
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert to_gold(meeting_from_gold(gold)) == gold, path.name


def test_models_gold_shape_has_exactly_the_documented_keys():
    data = to_gold(Meeting(source="x.txt"))
    assert set(data) == {"source", "meeting", "attendees", "items", "dates"}
    assert set(data["meeting"]) == {
        "body", "body_name", "date", "start_time", "end_time", "location", "signatories",
    }


@pytest.mark.parametrize(
    ("offset", "page"), [(0, 1), (4, 1), (7, 2), (12, 2), (14, 3), (100, 3)]
)
def test_models_source_document_maps_offsets_to_pages(offset, page):
    doc = SourceDocument.from_pages("a.pdf", ["sida", "andra", "tredje"])
    assert doc.page_starts == [0, 6, 13]
    assert doc.page_of(offset) == page
    assert doc.page_text(2) == "andra\n\n"


def test_models_meeting_year_only_when_the_date_says_it():
    assert Meeting(source="a", date="2017").year == 2017
    assert Meeting(source="a", date=None).year is None
