"""Lines and flattened text: cleaning markup, joining wrapped lines, re-segmenting lost line breaks.

Layout rules read lines; a web transcript or PDF page that lost its line breaks
is cut (``segment.segment_lines``) at item numbers that count up, § numbers,
header and attendance labels and "Label:" section starts, with every piece
keeping its offsets into the document.
"""

from __future__ import annotations

import pytest

from minutes.extract import extract_meeting
from minutes.extract.lines import clean, join_wrapped, split_lines
from minutes.extract.segment import FLAT_LINE, page_prefix, segment_lines
from minutes.extract.titles import statement_start
from minutes.models import SourceDocument

#: Association minutes whose line breaks were lost: one line, header labels, numbered items.
FLAT_ASSOCIATION = (
    "Protokoll Styrelsemöte Ekby Hembygdsförening Datum: 2020-05-04 Tid: 18.30 Plats: Bygdegården "
    "Närvarande: Anna Berg, Olle Ek, Karin Lund och Per Sund "
    "1 Mötets öppnande Ordföranden öppnade mötet och hälsade alla välkomna till kvällens möte. "
    "2 Val av justerare Till justerare valdes Olle Ek, som tackade för förtroendet. "
    "3 Ekonomi Kassören redogjorde för ekonomin enligt bilaga 7 Budgeten följs. "
    "Beslut: Rapporten läggs till handlingarna. "
    "4 Mötets avslutande Ordföranden tackade och avslutade mötet."
)

#: A kommunal protocol flattened page by page, each page opening with its page mark.
FLAT_PAGES = [
    "1 1(3) Protokoll Socialnämnden Sammanträdesdatum 2021-03-16 Plats och tid: Kommunhuset kl 13.00 "
    "Beslutande: Anna Berg (S), ordförande, Olle Ek (M), Karin Lund (C), Per Sund (S), Lisa Ström (V) "
    "Övriga deltagare: Eva Nord, sekreterare Utses att justera: Olle Ek "
    "§ 12 Budget 2022 Socialnämnden beslutar att anta budgeten för år 2022 enligt förvaltningens förslag.",
    "2 2(3) § 13 Taxor Socialnämnden beslutar att höja taxorna. Reservation: M. "
    "§ 14 Delegationsbeslut Informationen läggs till handlingarna och nämnden tackar för redovisningen av besluten.",
]


def _pieces(raws: list[str]) -> list[str]:
    return [raw[a:b].strip() for raw, pieces in zip(raws, segment_lines(raws)) for a, b in pieces]


def test_segment_leaves_ordinary_lines_whole():
    raws = ["1. Mötets öppnande", "Ordföranden öppnade mötet.", "", "2. Val av justerare"]
    assert segment_lines(raws) == [[(0, len(raw))] for raw in raws]


def test_segment_cuts_a_flattened_line_at_labels_and_counting_numbers():
    assert len(FLAT_ASSOCIATION) > FLAT_LINE
    pieces = _pieces([FLAT_ASSOCIATION])
    assert pieces[0] == "Protokoll Styrelsemöte Ekby Hembygdsförening"
    assert pieces[1].startswith("Datum: 2020-05-04")  # "Tid:" may or may not get a line of its own
    assert pieces[pieces.index("Plats: Bygdegården") :] == [
        "Plats: Bygdegården",
        "Närvarande: Anna Berg, Olle Ek, Karin Lund och Per Sund",
        "1 Mötets öppnande Ordföranden öppnade mötet och hälsade alla välkomna till kvällens möte.",
        "2 Val av justerare Till justerare valdes Olle Ek, som tackade för förtroendet.",
        # "bilaga 7 Budgeten" is no item: 7 does not follow 3.
        "3 Ekonomi Kassören redogjorde för ekonomin enligt bilaga 7 Budgeten följs.",
        "Beslut: Rapporten läggs till handlingarna.",
        "4 Mötets avslutande Ordföranden tackade och avslutade mötet.",
    ]


def test_segment_reads_flattened_pages_together_and_drops_page_marks():
    assert _pieces(FLAT_PAGES) == [
        "Protokoll Socialnämnden",
        "Sammanträdesdatum 2021-03-16",
        "Plats och tid: Kommunhuset kl 13.00",
        "Beslutande: Anna Berg (S), ordförande, Olle Ek (M), Karin Lund (C), Per Sund (S), Lisa Ström (V)",
        "Övriga deltagare: Eva Nord, sekreterare",
        "Utses att justera: Olle Ek",
        "§ 12 Budget 2022 Socialnämnden beslutar att anta budgeten för år 2022 enligt förvaltningens förslag.",
        "§ 13 Taxor Socialnämnden beslutar att höja taxorna.",
        "Reservation: M.",
        "§ 14 Delegationsbeslut Informationen läggs till handlingarna och nämnden tackar för"
        " redovisningen av besluten.",
    ]


@pytest.mark.parametrize(("raw", "length"), [("2 2(19) Text här", 8), ("3(7) Text", 5), ("Text utan sidmärke", 0)])
def test_segment_page_prefix(raw, length):
    assert page_prefix(raw) == length


def test_segment_lines_keep_their_place_in_the_document():
    text = "\n".join(FLAT_PAGES)
    lines = [line for line in split_lines(text) if line.text]
    assert len(lines) == 10
    for line in lines:
        assert text[line.start : line.end].strip() == line.text


def test_segment_flattened_minutes_end_to_end():
    m = extract_meeting(SourceDocument(name="t.txt", text=FLAT_ASSOCIATION))
    assert (m.body, m.date, m.start_time, m.location) == ("Ekby Hembygdsförening", "2020-05-04", "18:30", "Bygdegården")
    assert [a.name for a in m.attendees] == ["Anna Berg", "Olle Ek", "Karin Lund", "Per Sund"]
    assert [i.number for i in m.items] == ["1", "2", "3", "4"]
    assert [(d.kind, d.text) for d in m.items[2].decisions] == [("noted", "Rapporten läggs till handlingarna.")]


def test_segment_flattened_protocol_end_to_end():
    m = extract_meeting(SourceDocument(name="t.txt", text="\n".join(FLAT_PAGES)))
    assert m.date == "2021-03-16"
    assert [i.number for i in m.items] == ["12", "13", "14"]
    assert [r.by for r in m.items[1].reservations] == ["M"]
    assert {a.name: a.role for a in m.attendees}["Eva Nord"] == "sekreterare"


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("**Beslut:** Enligt förslag", "Beslut: Enligt förslag"),
        ("_Budget_ för 2021", "Budget för 2021"),
        ("Se [bilaga](#b1) 3", "Se bilaga 3"),
        ("Text<br />mer text", "Text mer text"),
        ("<strong>Budget</strong>", "Budget"),
        ("Kost &amp; logi", "Kost & logi"),
        # Columns padded with spaces in a text export become column breaks.
        ("Anna Berg     S     x", "Anna Berg\tS\tx"),
        ("  Budget  för   2021 ", "Budget för\t2021"),
    ],
)
def test_lines_clean_markup(raw, cleaned):
    assert clean(raw) == cleaned


@pytest.mark.parametrize(
    ("previous", "text", "joined"),
    [
        ("verksam-", "heten", "verksamheten"),
        ("IT-", "lösning", "IT-lösning"),
        ("hälso-", "och sjukvård", "hälso- och sjukvård"),
        ("Budget för", "2021", "Budget för 2021"),
        ("", "Budget", "Budget"),
    ],
)
def test_lines_join_wrapped(previous, text, joined):
    assert join_wrapped(previous, text) == joined


def test_lines_markdown_headings_bullets_and_indents():
    lines = split_lines("## Närvarande\n- Anna Berg\n    - Olle Ek\n• Karin Lund\n___________")
    assert [(line.text, line.heading, line.bullet, line.indent) for line in lines] == [
        ("Närvarande", 2, False, 0),
        ("Anna Berg", 0, True, 0),
        ("Olle Ek", 0, True, 4),
        ("Karin Lund", 0, True, 0),
        ("", 0, False, 0),  # a signature rule is no text
    ]


def test_segment_flattened_heading_runs_on_into_its_decision():
    """Flattened text: each § heading carries its title and the item's first sentence on one
    piece; the title ends where the body's statement starts, and a page footer is no title."""
    text = (
        "1 1(3) Protokoll Socialnämnden Sammanträdesdatum 2021-03-16 Plats och tid Kommunhuset kl 13.00-15.00 "
        "Beslutande Anna Berg (S) ordförande, Olle Ek (M), Karin Lund (C) Utses att justera Olle Ek "
        "§ 12 Budget 2022 Socialnämnden beslutar att anta budgeten. Reservation: M. "
        "§ 13 Taxor Socialnämnden beslutar att höja taxorna med två procent. "
        "§ 14 Delegationsbeslut Informationen läggs till handlingarna. Justerandes signatur Utdragsbestyrkande"
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [(i.number, i.title, [d.kind for d in i.decisions]) for i in m.items] == [
        ("12", "Budget 2022", ["decided"]),
        ("13", "Taxor", ["decided"]),
        ("14", "Delegationsbeslut", ["noted"]),
    ]
    assert [r.by for r in m.items[0].reservations] == ["M"]


def test_segment_flattened_association_minutes_cut_titles_at_the_chair():
    text = (
        "Protokoll årsmöte Ekby Båtklubb Datum: 2021-03-16 Närvarande: Anna Berg, Olle Ek, Karin Lund "
        "1. Mötets öppnande Ordföranden Anna Berg öppnade mötet och hälsade alla välkomna. "
        "2. Val av mötesordförande Mötet valde Anna Berg till mötesordförande. "
        "3. Budget Styrelsen presenterade budgeten för det kommande året. Mötet beslutade att anta budgeten. "
        "4. Avslutning Ordföranden tackade och avslutade mötet."
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [i.title for i in m.items] == ["Mötets öppnande", "Val av mötesordförande", "Budget", "Avslutning"]
    assert [d.text for d in m.items[2].decisions] == ["Mötet beslutade att anta budgeten."]


def test_segment_flattened_notes_with_bullet_topics():
    """Minnesanteckningar copied from the web with their line breaks lost: each topic is a
    bullet that opens with the topic and goes on with who reported and what is to be done."""
    text = (
        "Minnesanteckningar Arbetsgruppen för Ekby lekplats Datum: 2021-01-13, kl. 10.00–11.30 "
        "Plats: Kansliets konferensrum Närvarande: Olle Ek, Karin Lund och Per Sund Ej närvarande: Lisa Ström "
        "– Sandlådan Olle informerar om sanden i sandlådan. Gruppen diskuterade frågan. "
        "Åtgärd: Beställa ny sand. Ansvarig: Karin Lund. Klart till: 2021-02-15. "
        "– Gungorna Per Sund informerar om gungorna. Inga invändningar framkom. "
        "– Nästa möte Nästa möte hålls den 10 februari 2021. Vid anteckningarna: Per Sund"
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [i.title for i in m.items] == ["Sandlådan", "Gungorna", "Nästa möte"]
    assert [(a.assignees, a.task, a.due) for a in m.items[0].assignments] == [
        (["Karin Lund"], "Beställa ny sand", "2021-02-15")
    ]
    assert m.items[1].speakers == ["Per Sund"]


def test_segment_flattened_protocol_sections_and_numbered_att_satser():
    """A flattened § protocol: bare section labels after a sentence, a case number or a date,
    and numbered att-satser, are cut as their lines were; the proposal's att-satser are no decisions."""
    text = (
        "Ekby kommun SAMMANTRÄDESPROTOKOLL Socialnämnden Sammanträdesdatum 2023-02-02 Plats och tid Kommunhuset, "
        "kl. 8.30–12.00 Beslutande Anna Berg (S), ordf Olle Ek (M) Karin Lund (C) Utses att justera Olle Ek (M) "
        "Justeringens plats och tid Kansliet 2023-02-06\n"
        "SN § 1 Riktlinjer för bistånd Dnr SN 225/23 Bakgrund Nuvarande riktlinjer behöver anpassas till ny "
        "lagstiftning. Förvaltningen har berett ärendet. Beslutsunderlag Tjänsteskrivelse 2023-01-25 "
        "Förvaltningens förslag till beslut 1. att anta riktlinjer för bistånd enligt bilaga 2. att tidigare "
        "riktlinjer upphör att gälla Socialnämnden beslutar 1. att anta riktlinjer för bistånd enligt bilaga "
        "2. att tidigare riktlinjer upphör att gälla\n"
        "SN § 2 Delegationsbeslut Dnr SN 230/23 Bakgrund Beslut fattade av förvaltningschefen under januari. "
        "Beslut Redovisningen av delegationsbeslut godkänns."
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [(i.number, i.title) for i in m.items] == [("1", "Riktlinjer för bistånd"), ("2", "Delegationsbeslut")]
    assert [d.text for d in m.items[0].decisions] == [
        "att anta riktlinjer för bistånd enligt bilaga",
        "att tidigare riktlinjer upphör att gälla",
    ]
    assert [d.text for d in m.items[1].decisions] == ["Redovisningen av delegationsbeslut godkänns."]


def test_segment_flattened_presenter_line_after_the_title():
    """ "§ 2 Aktuell information Föredragande: Karin Lund, utredare ...": the presenter label opens
    a line of its own after the title, whatever word ends the title."""
    text = (
        "SAMMANTRÄDESPROTOKOLL Kommunstyrelsen Sammanträdesdatum 2017-08-21 Plats och tid Kommunhuset "
        "kl. 13.00–15.00 Beslutande Anna Berg (S), ordf Olle Ek (M) § 1 Val av justerare Till justerare "
        "utses Olle Ek (M). § 2 Aktuell information från kommundirektören Föredragande: Karin Lund, "
        "utredare Underlaget har skickats ut med kallelsen. Beslut Kommunstyrelsen noterar informationen. "
        "§ 3 Budget Föredragande: Per Sund, ekonom Förslaget presenteras. Beslut Kommunstyrelsen "
        "godkänner budgeten."
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [(i.title, i.presenters) for i in m.items[1:]] == [
        ("Aktuell information från kommundirektören", ["Karin Lund"]),
        ("Budget", ["Per Sund"]),
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # An adverbial opening the first sentence, then the formula.
        ("Val av justerare Till justerare utses Olle Ek (M).", "Val av justerare"),
        # The title said again, with a comma after it.
        ("Föredragningslista Föredragningslista, daterad 3 maj, godkändes.", "Föredragningslista"),
        # Who reported, with the role after the name.
        ("Rapport om läget Anna Berg, ekonom, informerar om läget.", "Rapport om läget"),
        # A place in the title is no sentence.
        ("Investering i ny förskola i Sjöviken", "Investering i ny förskola i Sjöviken"),
        ("Resa till Stockholm Till resan anmäldes fem.", "Resa till Stockholm Till resan anmäldes fem."),
    ],
)
def test_segment_flattened_title_ends_where_the_text_starts(text, title):
    at = statement_start(text)
    assert (text[:at].strip() if at else text) == title


def test_segment_flattened_jäv_label_is_cut_from_the_title():
    text = (
        "SAMMANTRÄDESPROTOKOLL Kommunstyrelsen Sammanträdesdatum 2017-08-21 Plats och tid Kommunhuset "
        "kl. 13.00–15.00 Beslutande Anna Berg (S), ordf Olle Ek (M), Karin Lund (C) § 1 Val av justerare "
        "Till justerare utses Olle Ek (M). § 2 Riktlinjer för skolskjuts Jäv Karin Lund (C) deltar inte i "
        "handläggningen på grund av jäv. Beslut Kommunstyrelsen antar riktlinjerna för skolskjuts."
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [i.title for i in m.items] == ["Val av justerare", "Riktlinjer för skolskjuts"]
    assert m.items[1].assignments == []


def test_lines_nested_bullet_wrapped_to_the_margin_goes_on():
    """A PDF wraps a nested bullet's sentence to the margin: the lower-case rest is the same bullet."""
    text = (
        "Protokoll\nDatum: 2021-06-16\n\n4. Avvikelser\nBakgrund i text.\n• Först\n"
        "  • Nämnden godkänner den redovisade inriktningen för den gemensamma\navvikelsehanteringen.\n"
        "5. Avslutning\nMötet avslutades."
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert "Nämnden godkänner den redovisade inriktningen för den gemensamma avvikelsehanteringen." in [
        d.text for d in m.items[0].decisions
    ]


def test_segment_flattened_decision_list_with_its_body_in_the_title():
    """A regional decision list flattened to one line: the body from the title's first words, a
    "Yrkande:" label after the case number in brackets cut from the item's title."""
    text = (
        "Regionfullmäktiges sammanträde 28 juni 2021 – beslut i korthet Region Ekby Regionfullmäktige "
        "sammanträdde i Regionens hus. Protokollet justeras den 7 juli 2021. 4. Budget 2022 (Diarienummer "
        "2021/234) Yrkande: Socialdemokraterna yrkade återremiss av ärendet. Beslut: Enligt förslag. "
        "5. Taxor 2022 (Diarienummer 2021/236) Beslut: Enligt förslag. Votering: 38 ja, 15 nej."
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert m.body == "Regionfullmäktige"
    assert [(i.number, i.title, i.case_number) for i in m.items] == [
        ("4", "Budget 2022", "2021/234"), ("5", "Taxor 2022", "2021/236"),
    ]


def test_segment_flattened_notes_topics_said_again():
    """Notes flattened with unmarked topics: a topic the next sentence reports on again
    ("Tidplan Olle Ek informerar om tidplan.") opens an item."""
    text = (
        "Minnesanteckningar Projektgruppen Datum: 2021-01-11, kl. 10.00–11.30 Närvarande: Anna Berg, Olle Ek "
        "och Karin Lund Ej närvarande: Per Sund Erfarenheter från piloten Anna Berg informerar om "
        "erfarenheter från piloten. Inga invändningar framkom. Tidplan Olle Ek informerar om tidplan. "
        "Beslut: Gruppen ställer sig bakom tidplanen. Budget och resurser Karin Lund informerar om budget "
        "och resurser. Det finns behov av att stämma av. Vid anteckningarna: Karin Lund"
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [i.title for i in m.items] == ["Erfarenheter från piloten", "Tidplan", "Budget och resurser"]


def test_segment_flattened_decision_label_before_its_att_sats_and_recipients():
    text = (
        "SAMMANTRÄDESPROTOKOLL Kommunfullmäktige Sammanträdesdatum 2019-02-27 Plats och tid Kommunhuset "
        "kl. 18.00–20.00 Beslutande Anna Berg (S), ordf Olle Ek (M) KF § 4 Taxa för bygglov 2020 "
        "Sammanfattning Förslaget innebär att taxan räknas upp med 4 procent. Beslutsunderlag Tjänsteskrivelse "
        "2019-02-07 Beslut att anta taxa för bygglov 2020 enligt bilaga 1 Skickas till: Revisionen "
        "KF § 5 Avslutning Mötet avslutades."
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [d.text for d in m.items[0].decisions] == ["att anta taxa för bygglov 2020 enligt bilaga 1"]
    assert m.items[0].recipients == ["Revisionen"]
