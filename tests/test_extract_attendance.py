"""Attendance lists and tables: labels, inline lists, tables with marks, roles, parties, absences.

``attendees.parse_roster`` reads the lines before the first item: status labels
("Beslutande", "Frånvarande", "Anmält förhinder"), lists wrapped over lines,
one person per line, group headings, närvarolistor with party and mark columns,
tables with the role first; ``settle`` resolves substitutes and call lists.
"""

from __future__ import annotations

import pytest

from minutes.extract import extract_meeting
from minutes.extract.attendees import parse_roster, settle
from minutes.extract.lines import split_lines
from minutes.models import SourceDocument


def _people(text: str) -> list[tuple]:
    return [(a.name, a.party, a.role, a.status, a.organization) for a in settle(parse_roster(split_lines(text)))]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # Minnesanteckningar: "Närvarande: A, B och C".
        (
            "Närvarande: Anna Berg, Olle Ek och Karin Lund",
            [
                ("Anna Berg", None, None, "present", None),
                ("Olle Ek", None, None, "present", None),
                ("Karin Lund", None, None, "present", None),
            ],
        ),
        # A list wrapped over two lines.
        (
            "Deltagare: Anna Berg, Olle Ek, Karin Lund, Per Sund, Lisa Ström, Eva Nord,\nGustav Falk och Sara Holm",
            [
                (n, None, None, "present", None)
                for n in [
                    "Anna Berg",
                    "Olle Ek",
                    "Karin Lund",
                    "Per Sund",
                    "Lisa Ström",
                    "Eva Nord",
                    "Gustav Falk",
                    "Sara Holm",
                ]
            ],
        ),
        # Kommunal "Beslutande" with party and role, one per line.
        (
            "Beslutande\nAnna Berg (S), ordförande\nOlle Ek (M), 1:e vice ordförande\nKarin Lund (C)",
            [
                ("Anna Berg", "S", "ordförande", "present", None),
                ("Olle Ek", "M", "1:e vice ordförande", "present", None),
                ("Karin Lund", "C", None, "present", None),
            ],
        ),
        (
            "Närvarande: Anna Berg (S) ordförande, Olle Ek (M) vice ordförande, Karin Lund (C)",
            [
                ("Anna Berg", "S", "ordförande", "present", None),
                ("Olle Ek", "M", "vice ordförande", "present", None),
                ("Karin Lund", "C", None, "present", None),
            ],
        ),
        # Status labels: present, absent, and a title after the name.
        (
            "Närvarande ledamöter: Anna Berg, Olle Ek\nNärvarande ersättare: Karin Lund\n"
            "Övriga närvarande: Per Sund, förvaltningschef\nFrånvarande: Lisa Ström",
            [
                ("Anna Berg", None, None, "present", None),
                ("Olle Ek", None, None, "present", None),
                ("Karin Lund", None, None, "present", None),
                ("Per Sund", None, "förvaltningschef", "present", None),
                ("Lisa Ström", None, None, "absent", None),
            ],
        ),
        (
            "Närvarande: Anna Berg, Olle Ek\nAnmält förhinder: Karin Lund och Per Sund",
            [
                ("Anna Berg", None, None, "present", None),
                ("Olle Ek", None, None, "present", None),
                ("Karin Lund", None, None, "absent", None),
                ("Per Sund", None, None, "absent", None),
            ],
        ),
        (
            "Närvarande: Anna Berg och Olle Ek\nFrånvaro: Karin Lund",
            [
                ("Anna Berg", None, None, "present", None),
                ("Olle Ek", None, None, "present", None),
                ("Karin Lund", None, None, "absent", None),
            ],
        ),
        # An absence mark after a name.
        (
            "Närvarande: Anna Berg (S), Olle Ek (M) inte närvarande, Karin Lund (C)",
            [
                ("Anna Berg", "S", None, "present", None),
                ("Olle Ek", "M", None, "absent", None),
                ("Karin Lund", "C", None, "present", None),
            ],
        ),
        (
            "Närvarande: Anna Berg, Olle Ek (ej närvarande), Karin Lund",
            [
                ("Anna Berg", None, None, "present", None),
                ("Olle Ek", None, None, "absent", None),
                ("Karin Lund", None, None, "present", None),
            ],
        ),
        # Role labels give their role; the people attended.
        (
            "Mötesordförande: Anna Berg\nMötessekreterare: Olle Ek\nJusterare: Karin Lund",
            [
                ("Anna Berg", None, "ordförande", "present", None),
                ("Olle Ek", None, "sekreterare", "present", None),
                ("Karin Lund", None, "justerare", "present", None),
            ],
        ),
        # Bullets under a label, a role after a comma.
        (
            "Närvarande:\n- Anna Berg, ordförande\n- Olle Ek, kassör\n- Karin Lund",
            [
                ("Anna Berg", None, "ordförande", "present", None),
                ("Olle Ek", None, "kassör", "present", None),
                ("Karin Lund", None, None, "present", None),
            ],
        ),
        # Organisation after the name, or in brackets after the label, or as a group heading.
        (
            "Närvarande\nAnna Berg, Ekby kommun\nOlle Ek, Region Ekby",
            [("Anna Berg", None, None, "present", "Ekby kommun"), ("Olle Ek", None, None, "present", "Region Ekby")],
        ),
        (
            "Närvarande (styrelsen): Anna Berg, Olle Ek\nNärvarande (kansliet): Karin Lund",
            [
                ("Anna Berg", None, None, "present", "styrelsen"),
                ("Olle Ek", None, None, "present", "styrelsen"),
                ("Karin Lund", None, None, "present", "kansliet"),
            ],
        ),
        (
            "Styrelseledamöter\nAnna Berg\nOlle Ek\nKansliet\nKarin Lund",
            [
                ("Anna Berg", None, None, "present", "Styrelseledamöter"),
                ("Olle Ek", None, None, "present", "Styrelseledamöter"),
                ("Karin Lund", None, None, "present", "Kansliet"),
            ],
        ),
        # "Beslutande: se bilaga" points elsewhere: nobody is listed by it.
        (
            "Beslutande: Se bilaga\nÖvriga deltagare: Karin Lund, sekreterare",
            [("Karin Lund", None, "sekreterare", "present", None)],
        ),
        # Invited and present: the listing that says more wins.
        (
            "Inbjudna: Anna Berg, Olle Ek\nNärvarande: Anna Berg",
            [("Anna Berg", None, None, "present", None), ("Olle Ek", None, None, "invited", None)],
        ),
        # A call list naming everyone: the called who are not present were absent.
        (
            "Kallade: Anna Berg, Olle Ek, Karin Lund\nNärvarande: Anna Berg, Olle Ek",
            [
                ("Anna Berg", None, None, "present", None),
                ("Olle Ek", None, None, "present", None),
                ("Karin Lund", None, None, "absent", None),
            ],
        ),
        # Markdown "* " bullets under the label are entries, not footnotes.
        (
            "Närvarande:\n* Anna Berg\n* Olle Ek",
            [("Anna Berg", None, None, "present", None), ("Olle Ek", None, None, "present", None)],
        ),
        # "ordf." after the party is the chair's role.
        (
            "Närvarande: Anna Berg (S) ordf., Olle Ek (M)",
            [("Anna Berg", "S", "ordförande", "present", None), ("Olle Ek", "M", None, "present", None)],
        ),
        # First names only, the last one joined by "och".
        (
            "Närvarande: Anna, Olle och Karin",
            [
                ("Anna", None, None, "present", None),
                ("Olle", None, None, "present", None),
                ("Karin", None, None, "present", None),
            ],
        ),
    ],
)
def test_attendance_lists(text, people):
    assert _people(text) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # Kommunal närvarolista: NAMN PARTI NÄRVARO, one row per member, "x" or "-".
        (
            "NAMN PARTI NÄRVARO\nAnna Berg s x\nOlle Ek m x\nPer Sund s x",
            [
                ("Anna Berg", "S", None, "present", None),
                ("Olle Ek", "M", None, "present", None),
                ("Per Sund", "S", None, "present", None),
            ],
        ),
        (
            "Ledamöter\nAnna Berg\tS\tx\nOlle Ek\tM\tx",
            [("Anna Berg", "S", None, "present", None), ("Olle Ek", "M", None, "present", None)],
        ),
        # Role first: "Ordförande Anna Berg Ja", "Sekreterare Olle Ek Nej".
        (
            "Befattning Namn Närvarande\nOrdförande Anna Berg Ja\nVice ordförande Olle Ek Ja\n"
            "Sekreterare Karin Lund Nej\nLedamot Per Sund Ja",
            [
                ("Anna Berg", None, "Ordförande", "present", None),
                ("Olle Ek", None, "Vice ordförande", "present", None),
                ("Karin Lund", None, "Sekreterare", "absent", None),
                ("Per Sund", None, "Ledamot", "present", None),
            ],
        ),
        # Tab-separated cells: a name the first-name list does not know is still the Namn cell.
        (
            "Befattning\tNamn\tNärvarande\nOrdförande\tAnna Berg\tJa\nSekreterare\tZirvan Oyelaran\tJa",
            [
                ("Anna Berg", None, "Ordförande", "present", None),
                ("Zirvan Oyelaran", None, "Sekreterare", "present", None),
            ],
        ),
        # An absent mark after the party keeps the party.
        (
            "NAMN PARTI NÄRVARO\nAnna Berg s x\nKarin Lund c -",
            [("Anna Berg", "S", None, "present", None), ("Karin Lund", "C", None, "absent", None)],
        ),
        (
            "Ledamöter\nAnna Berg\tS\tx\nOlle Ek\tM\t-",
            [("Anna Berg", "S", None, "present", None), ("Olle Ek", "M", None, "absent", None)],
        ),
        # The label heads the table with its column headings on the same line.
        (
            "Ledamöter\tParti\tNärvaro\nAnna Berg\tS\tX\nOlle Ek\tM\tX",
            [("Anna Berg", "S", None, "present", None), ("Olle Ek", "M", None, "present", None)],
        ),
        # A markdown table (web copies): cells between pipes, the rule row is no text.
        (
            "| Roll | Namn | Närvarande |\n|---|---|---|\n| Ordförande | Anna Berg | Ja |\n| Kassör | Olle Ek | Nej |",
            [("Anna Berg", None, "Ordförande", "present", None), ("Olle Ek", None, "Kassör", "absent", None)],
        ),
        # A närvarolista whose presence cell is empty for a member who was not there; the party
        # column's letter after a three-word name is no part of the name; a later list is read as a list.
        (
            "NAMN\tPARTI\tNÄRVARO\nLEDAMÖTER\nAnna Berg\tS\tx\nOlle Ek\tM\nKarin Maria Lund C X\n"
            "Övriga närvarande: Per Sund, sekreterare",
            [
                ("Anna Berg", "S", None, "present", None),
                ("Olle Ek", "M", None, "absent", None),
                ("Karin Maria Lund", "C", None, "present", None),
                ("Per Sund", None, "sekreterare", "present", None),
            ],
        ),
    ],
)
def test_attendance_tables(text, people):
    assert _people(text) == people


def test_attendance_absent_row_of_a_närvarolista():
    rows = {name: status for name, _p, _r, status, _o in _people("NAMN PARTI NÄRVARO\nAnna Berg s x\nKarin Lund c -")}
    assert rows == {"Anna Berg": "present", "Karin Lund": "absent"}


@pytest.mark.parametrize(
    ("text", "substitute", "replaced"),
    [
        ("Beslutande\nAnna Berg (S)\nLars Holm (S) tjg ers för M Sjö", "Lars Holm", "M Sjö"),
        ("Beslutande\nAnna Berg (S)\nLars Holm (S), tjg ers för M. Sjö", "Lars Holm", "M. Sjö"),
        ("Beslutande\nAnna Berg (S)\nLars Holm (S), ersätter Sjö", "Lars Holm", "Sjö"),
    ],
)
def test_attendance_substitute_for_a_member_named_briefly(text, substitute, replaced):
    by_name = {a.name: a for a in settle(parse_roster(split_lines(text)))}
    assert by_name[substitute].substitute_for == replaced
    assert by_name[substitute].status == "present"


@pytest.mark.parametrize(
    "text",
    [
        "Beslutande\nAnna Berg (S)\nLars Holm (S) tjg ers för Maria Sjö",
        "Beslutande\nAnna Berg (S)\nLars Holm (S) istf Maria Sjö (S)",
        "Närvarande: Anna Berg (S), Lars Holm (S) tjänstgörande ersättare för Maria Sjö (S)",
        "Beslutande\nAnna Berg (S)\nTjänstgörande ersättare\nLars Holm (S) för Maria Sjö (S)",
    ],
)
def test_attendance_substitute_for_a_member_named_in_full(text):
    people = settle(parse_roster(split_lines(text)))
    assert [(a.name, a.party, a.status, a.substitute_for) for a in people] == [
        ("Anna Berg", "S", "present", None),
        ("Lars Holm", "S", "present", "Maria Sjö"),
    ]


def test_attendance_substitute_makes_the_listed_member_absent():
    text = "Beslutande\nMaria Sjö (S)\nAnna Berg (S)\nLars Holm (S) tjg ers för M Sjö"
    by_name = {a.name: a for a in settle(parse_roster(split_lines(text)))}
    assert by_name["Lars Holm"].substitute_for == "Maria Sjö"
    assert by_name["Maria Sjö"].status == "absent"


@pytest.mark.parametrize(
    ("text", "attendance"),
    [
        ("Närvarande: Anna Berg, Olle Ek, Karin Lund (§§ 12-14)", "§§ 12-14"),
        ("Närvarande: Anna Berg (S), Karin Lund (C) från kl 14.30", "från kl 14.30"),
        ("Beslutande\nAnna Berg (S)\nKarin Lund (C), §§ 12-13", "§§ 12-13"),
    ],
)
def test_attendance_partial(text, attendance):
    by_name = {a.name: a for a in settle(parse_roster(split_lines(text)))}
    assert by_name["Karin Lund"].attendance == attendance


def test_attendance_end_to_end_absences_later_in_the_minutes():
    m = extract_meeting(
        SourceDocument(
            name="t.txt",
            text="Protokoll styrelsemöte\nDatum: 2021-05-10\nNärvarande: Anna Berg, Olle Ek, Karin Lund\n"
            "1. Öppnande\nMötet öppnades.\n2. Närvaro\nFrånvarande: Karin Lund\n",
        )
    )
    assert {a.name: a.status for a in m.attendees} == {
        "Anna Berg": "present",
        "Olle Ek": "present",
        "Karin Lund": "absent",
    }


def test_attendance_end_to_end_attendance_item():
    m = extract_meeting(
        SourceDocument(
            name="t.txt",
            text="Protokoll styrelsemöte\nDatum: 2021-05-10\n1. Närvarolista\nAnna Berg, Olle Ek och Karin Lund\n"
            "2. Öppnande\nMötet öppnades.\n",
        )
    )
    assert [(a.name, a.status) for a in m.attendees] == [
        ("Anna Berg", "present"),
        ("Olle Ek", "present"),
        ("Karin Lund", "present"),
    ]


def test_attendance_list_printed_after_the_items():
    """ "Beslutande: Se närvarolista": the närvarolista after the last item is the attendance,
    and it is no part of that item."""
    text = (
        "Ekby kommun\nSammanträdesprotokoll\nKommunfullmäktige\nSammanträdesdatum 2021-03-16\n"
        "Beslutande Se närvarolista\n\n§ 1 Budget\nKommunfullmäktige beslutar att anta budgeten.\n"
        "§ 2 Taxor\nKommunfullmäktige beslutar att höja taxorna.\n"
        "NÄRVARO- OCH OMRÖSTNINGSLISTA\nNAMN PARTI NÄRVARO\nLEDAMÖTER\nAnna Berg S x\nOlle Ek M x\nKarin Lund C\n"
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [(a.name, a.party, a.status) for a in m.attendees] == [
        ("Anna Berg", "S", "present"), ("Olle Ek", "M", "present"), ("Karin Lund", "C", "absent")
    ]
    assert "Anna Berg" not in " ".join(d.text for d in m.items[-1].decisions)


@pytest.mark.parametrize("wrap", [" ", "\n"])
def test_attendance_chair_and_secretary_elected_in_the_text(wrap):
    """Minutes without a list of those present name the chair and secretary as they are elected,
    and a PDF may wrap the name over two lines."""
    text = (
        "Protokoll fört vid Ekby hembygdsförenings årsmöte den 1 mars 1998.\n"
        f"§ 1. Mötet öppnas.\nTill ordf. för mötet valdes Anna{wrap}Berg.\n"
        "§ 2. Sekreterare\nSekr. för mötet blev Olle Ek.\n§ 3. Avslutning\nMötet avslutades."
    )
    people = extract_meeting(SourceDocument(name="t.txt", text=text)).attendees
    assert [(a.name, a.role) for a in people] == [("Anna Berg", "mötesordförande"), ("Olle Ek", "sekreterare")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A list under a bare label, wrapped in the middle of a name.
        (
            "Närvarande:\nAnna Berg, Olle Ek, Karin Lund, Per Sund, Lisa Maria\nStröm,\nMats Holm",
            ["Anna Berg", "Olle Ek", "Karin Lund", "Per Sund", "Lisa Maria Ström", "Mats Holm"],
        ),
        # An entry with its role wrapped onto the next line.
        (
            "Närvarande: Kerstin – internetansvarig, Sten – ekonomiansvarig, Tiina – vice\n"
            "litteraturansvarig, Viktor – vice internetansvarig",
            ["Kerstin", "Sten", "Tiina", "Viktor"],
        ),
    ],
)
def test_attendance_list_wrapped_over_lines(text, names):
    assert [p[0] for p in _people(text)] == names
