"""PDF tables keep their column breaks as tabs, as a text export of the table would."""

from __future__ import annotations

from minutes.extract import extract_meeting
from minutes.ingest import read
from minutes.sample import render_pdf_from_text

TWO_COLUMNS = (
    "Minnesanteckningar\nStyrgruppen för Kustsamverkan\nDatum: 2020-05-12\n"
    "Norra kusten\tRegionen\n"
    "Anna Berg, Kustby kommun\tPer Lind (ordförande)\n"
    "Eva Ström, Havsvik kommun\tLisa Ek\n"
    "Karin Holm, Strandby kommun\tOlle Sand\n"
    "1. Mötets öppnande\n2. Budget\nGruppen noterar informationen.\n"
)


def test_ingest_pdf_columns_come_back_as_tabs(tmp_path):
    pdf = tmp_path / "kolumner.pdf"
    render_pdf_from_text(TWO_COLUMNS, pdf, header="Styrgruppen", footer="Sida {page}")
    text = read(pdf).text
    assert "Anna Berg, Kustby kommun\tPer Lind (ordförande)" in text
    assert "1. Mötets öppnande" in text


def test_ingest_pdf_columns_give_right_column_people_their_heading(tmp_path):
    pdf = tmp_path / "kolumner.pdf"
    render_pdf_from_text(TWO_COLUMNS, pdf, header="Styrgruppen", footer="Sida {page}")
    people = {a.name: a for a in extract_meeting(read(pdf)).attendees}
    assert people["Lisa Ek"].organization == "Regionen"
    assert (people["Per Lind"].organization, people["Per Lind"].role) == ("Regionen", "ordförande")
    assert people["Eva Ström"].organization == "Havsvik kommun"
