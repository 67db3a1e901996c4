"""The seeds rendered as realistic PDFs score within 0.03 of their text (issue 4).

The PDFs are made here: A4, a running header, a "Sida N" footer, reflowed
paragraphs and page breaks wherever the page fills.
"""

from __future__ import annotations

import pytest
from conftest import score, write_predictions

from minutes.extract import extract_meeting
from minutes.ingest import read
from minutes.sample import render_pdf_from_text


@pytest.fixture(scope="module")
def reports(seeds_dir, gold_dir, tmp_path_factory):
    base = tmp_path_factory.mktemp("pdf")
    text_meetings, pdf_meetings = [], []
    for path in sorted(seeds_dir.glob("*.txt")):
        document = read(path)
        text_meetings.append(extract_meeting(document))
        pdf = base / f"{path.stem}.pdf"
        render_pdf_from_text(document.text, pdf, header="Minnesanteckningar", footer="Sida {page}")
        pdf_doc = read(pdf)
        pdf_doc.name = path.name  # score against the same gold file
        pdf_meetings.append(extract_meeting(pdf_doc))
    text = score(gold_dir, write_predictions(text_meetings, base / "text"))
    pdf = score(gold_dir, write_predictions(pdf_meetings, base / "pdf"))
    return text, pdf, pdf_meetings


def test_extract_pdf_seeds_have_several_pages(reports):
    *_, meetings = reports
    assert any(m.items and m.items[-1].span.page > 1 for m in meetings)


def test_extract_pdf_headline_within_003_of_text(reports):
    text, pdf, _ = reports
    assert pdf["headline_f1"] >= text["headline_f1"] - 0.03


@pytest.mark.parametrize("field", ["items", "decisions", "assignments", "dates", "attendees"])
def test_extract_pdf_fields_close_to_text(reports, field):
    text, pdf, _ = reports
    assert pdf[field]["f1"] >= text[field]["f1"] - 0.05
