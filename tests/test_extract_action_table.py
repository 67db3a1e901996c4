"""Action lists as tables ("Åtgärd | Ansvarig | Klart till"), printed or flattened."""

from __future__ import annotations

import pytest

from minutes.extract import extract_meeting
from minutes.extract.action_table import table_rows
from minutes.extract.lines import split_lines
from minutes.models import SourceDocument

PEOPLE = ["Anna Berg", "Olle Ek", "Karin Maria Lund"]

HEAD = (
    "Minnesanteckningar Projektgruppen\nDatum: 2019-11-11, kl. 10.00–11.30\n"
    "Närvarande: Anna Berg, Olle Ek och Karin Maria Lund\n\n"
)
TOPICS = "Budget\nOlle informerar om budgeten. Gruppen diskuterade frågan.\n\n"
TABLE = (
    "Åtgärdslista\nÅtgärd\tAnsvarig\tKlart till\nKontakta leverantören om avtalet\tOlle Ek\t2019-11-23\n"
    "Uppdatera projektplanen\tKarin Maria Lund\t2 december\n\nVid anteckningarna: Anna Berg\n"
)
FLAT = (
    "Minnesanteckningar Projektgruppen Datum: 2019-11-11, kl. 10.00–11.30 Närvarande: Anna Berg, Olle Ek och "
    "Karin Maria Lund – Budget Olle informerar om budgeten. Gruppen diskuterade frågan. – Tidplan Anna "
    "informerar om tidplanen. Inga invändningar framkom. Åtgärdslista Åtgärd Ansvarig Klart till Kontakta "
    "leverantören om avtalet Olle Ek 2019-11-23 Uppdatera projektplanen Karin Maria Lund 2 december "
    "Vid anteckningarna: Anna Berg"
)
EXPECTED = [
    ("Kontakta leverantören om avtalet", ["Olle Ek"], "2019-11-23"),
    ("Uppdatera projektplanen", ["Karin Maria Lund"], "2019-12-02"),
]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Åtgärd\tAnsvarig\tKlart till\nBoka lokal\tAnna Berg\t3 maj", [("Boka lokal", "Anna Berg", "3 maj")]),
        ("Åtgärd\tAnsvarig\nBoka lokal\tAnna Berg", [("Boka lokal", "Anna Berg", "")]),
        (
            "Åtgärd Ansvarig Klart till Boka lokal Anna Berg 3 maj Skriv inbjudan Olle Ek nästa möte",
            [("Boka lokal", "Anna Berg", "3 maj"), ("Skriv inbjudan", "Olle Ek", "nästa möte")],
        ),
        # A sentence that mentions the words is no table.
        ("Vi diskuterade vilken åtgärd ansvarig chef ska ta.\nBoka lokal\tAnna Berg", []),
    ],
)
def test_action_table_rows(text, rows):
    assert [(r.task, r.who, r.when) for r in table_rows(split_lines(text), PEOPLE)] == rows


@pytest.mark.parametrize("text", [HEAD + TOPICS + TABLE, FLAT], ids=["printed", "flattened"])
def test_action_table_is_an_item_with_its_tasks(text):
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    table = m.items[-1]
    assert table.title == "Åtgärdslista"
    assert [(a.task, a.assignees, a.due) for a in table.assignments] == EXPECTED


def test_action_table_under_a_markdown_heading():
    text = (
        HEAD + "## Budget\nOlle informerar om budgeten.\n\n## Åtgärdslista\n\n| Åtgärd | Ansvarig | Klart till |\n"
        "|---|---|---|\n| Boka lokal | Anna Berg | nästa möte |\n\n## Nästa möte\nNästa möte hålls den 3 maj.\n"
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    table = next(i for i in m.items if i.title == "Åtgärdslista")
    assert [(a.task, a.assignees, a.due) for a in table.assignments] == [("Boka lokal", ["Anna Berg"], "next_meeting")]
