"""Item headings and item blocks: the heading forms, the numbering schemes, what stands under a title.

``headings.candidate`` gives the heading form of one line (lexicon/headings.yml);
``headings.find_headings`` picks the scheme that numbers the document (§, numbered,
programme table, markdown/title lines, topics under a numbered item); ``layout``
reads the title continuation, kind label, presenter line and case number.
"""

from __future__ import annotations

import pytest

from minutes.extract import extract_meeting
from minutes.extract.headings import candidate, is_section_title
from minutes.extract.layout import split_items
from minutes.extract.lines import Line, split_lines
from minutes.models import SourceDocument


def _line(text: str) -> Line:
    return Line(text, 0, len(text), text, 0)


def _blocks(text: str):
    return split_items(split_lines(text))[1]


@pytest.mark.parametrize(
    ("text", "form", "num", "sub", "title"),
    [
        ("§ 12 Budget", "paragraph", "12", None, "Budget"),
        ("§12. Budget", "paragraph", "12", None, "Budget"),
        ("12 § Budget", "paragraph_after", "12", None, "Budget"),
        ("Punkt 3: Ekonomi", "punkt", "3", None, "Ekonomi"),
        ("Ärende 4 Budget", "punkt", "4", None, "Budget"),
        ("4.1 Val av ordförande", "outline", "4", "1", "Val av ordförande"),
        ("1. Mötets öppnande", "numbered", "1", None, "Mötets öppnande"),
        ("1) Upprop", "numbered", "1", None, "Upprop"),
        ("1\tMötets öppnande", "numbered_space", "1", None, "Mötets öppnande"),
        ("1.", "number_alone", "1", None, ""),
        ("a) Parkering", "lettered", None, "a", "Parkering"),
        ("b. Lokaler", "lettered", None, "b", "Lokaler"),
    ],
)
def test_headings_candidate_form(text, form, num, sub, title):
    c = candidate(_line(text))
    assert (c.form, c.num, c.sub, c.title) == (form, num, sub, title)


def test_headings_candidate_keeps_the_organ_of_a_paragraph():
    assert candidate(_line("KS § 12 Budget")).organ == "KS"


@pytest.mark.parametrize(
    "text",
    [
        "Beslut om att byta bank",  # a sentence, not a heading
        "2019 Budget",  # a year, not an item number
        "12.5 procent av budgeten",
        "1. att godkänna budgeten",  # an att-sats, not an item
    ],
)
def test_headings_candidate_refuses_lines_that_are_no_headings(text):
    assert candidate(_line(text)) is None


@pytest.mark.parametrize(
    ("title", "section"), [("Beslut", True), ("Förslag:", True), ("Yrkanden", True), ("Budget", False)]
)
def test_headings_section_titles_are_not_items(title, section):
    assert is_section_title(title) is section


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # § protocols: numbers rise, gaps allowed (an excerpt); a § cited in the text is no item.
        ("§ 1 Upprop\nText.\n§ 2 Budget\nText.\n§ 4 Taxor\nText.", ["1", "2", "4"]),
        ("§ 5 Budget\nSe § 3 i förra protokollet.\n§ 6 Taxor\nText.", ["5", "6"]),
        ("§ 12 Budget\n§ 11 Taxor\n§ 13 Lokaler", ["12", "13"]),
        ("§12 Budget\n§13. Taxor\n§ 14: Lokaler", ["12", "13", "14"]),
        ("KS § 12 Budget\nText.\nKS § 13 Taxor\nText.", ["12", "13"]),
        ("Sn § 49 Budget\nText.\nSn § 50 Taxor\nText.", ["49", "50"]),
        ("12 § Budget\nText.\n13 § Taxor\nText.", ["12", "13"]),
        # "Punkt N" under a § numbers its sub-items.
        (
            "§ 7 Motioner\nPunkt 1 Motion om bänkar\nText.\nPunkt 2 Motion om lampor\nText.\n§ 8 Avslutning",
            ["7", "7.1", "7.2", "8"],
        ),
        # Numbered agendas in their printed forms.
        ("1) Upprop\n2) Budget\n3) Övrigt", ["1", "2", "3"]),
        ("1: Öppnande\n2: Budget\n3: Avslutning", ["1", "2", "3"]),
        ("1\tÖppnande\n2\tBudget\n3\tAvslutning", ["1", "2", "3"]),
        ("Punkt 1 Öppnande\nPunkt 2 Budget\nPunkt 3 Avslutning", ["1", "2", "3"]),
        ("Ärende 1 Öppnande\nText.\nÄrende 2 Budget\nText.", ["1", "2"]),
        ("1.\nMötets öppnande\nText.\n2.\nVal av justerare\nText.\n3.\nAvslutning\nText.", ["1", "2", "3"]),
        # An excerpt skips a few numbers.
        ("1. Öppnande\n2. Val\n4. Budget\n5. Avslutning", ["1", "2", "4", "5"]),
        # Outline numbers right under their item are sub-items.
        (
            "1. Öppnande\n2. Val\n2.1 Val av ordförande\n2.2 Val av sekreterare\n3. Avslutning",
            ["1", "2", "2.1", "2.2", "3"],
        ),
        ("1. Öppnande\n3. Ekonomi\n3.1. Budget\n3.2. Bokslut\n4. Avslutning", ["1", "3", "3.1", "3.2", "4"]),
        # ... but after the item's body text an outline number is a heading inside a report.
        (
            "1. Öppnande\n2. Rapport\nRapporten beskriver läget i föreningen och vad som har hänt sedan förra mötet.\n"
            "2.1 Bakgrund\nText.\n3. Avslutning",
            ["1", "2", "3"],
        ),
        # Lettered sub-items under their item; letters after body text are a list.
        ("1. Öppnande\n2. Övriga frågor\na) Parkering\nb) Lokaler\n3. Avslutning", ["1", "2", "2a", "2b", "3"]),
        (
            "1. Öppnande\n2. Övriga frågor\nFöljande frågor togs upp av medlemmarna under mötet.\n"
            "a) Parkering\nb) Lokaler\n3. Avslutning",
            ["1", "2", "3"],
        ),
        # A numbered list inside an item is no list of items.
        (
            "1. Öppnande\n2. Verksamhetsplan\nPlanen har följande mål:\n1. Fler medlemmar\n2. Bättre ekonomi\n"
            "Planen godkändes.\n3. Avslutning",
            ["1", "2", "3"],
        ),
        # A number printed twice in a row is two items.
        ("1. Öppnande\n2. Val av justerare\n2. Val av sekreterare\n3. Avslutning", ["1", "2", "2", "3"]),
        # The agenda first, then the items proper.
        (
            "Dagordning\n1. Öppnande\n2. Budget\n3. Avslutning\n\n1. Öppnande\nMötet öppnades.\n"
            "2. Budget\nBudgeten godkändes.\n3. Avslutning\nMötet avslutades.",
            ["1", "2", "3"],
        ),
        # Outline letters that report what happened are the item's text, not sub-items.
        (
            "1.\tMötet öppnas.\na.\t18:02.\n2.\tVal av ordförande.\na.\tAnna Berg blev vald till ordförande.\n"
            "3.\tÖvriga frågor\na.\tNya nycklar\ni.\tOlle tar fram en lista.\nb.\tHemsidan\n4.\tAvslutning",
            ["1", "2", "3", "3a", "3b", "4"],
        ),
        # An organ's letters and the number, no § sign ("Sn 49"): paragraphs when they recur.
        ("Sn 49 Budget\nText om budgeten.\nSn 50 Taxor\nText om taxorna.", ["49", "50"]),
        ("Sn 49\nBudget\nText.\nSn 50\nTaxor\nText.", ["49", "50"]),
        # A clock time is no organ.
        ("1. Program\nKl 18 Middag\nKl 19 Dans\n2. Avslutning\nText.", ["1", "2"]),
        # The next item after a list inside an item: in the item's style, or the closing item.
        (
            "1. Öppnande\n2. Val av funktionärer\n1) Ordförande\n2) Sekreterare\n3. Avslutning",
            ["1", "2", "2.1", "2.2", "3"],
        ),
        (
            "1. Öppnande\nText.\n2. Val av funktionärer\nMötet valde följande till poster.\n1. Anna Berg ordförande\n"
            "2. Olle Ek sekreterare\n3. Avslutning\nMötet avslutades.",
            ["1", "2", "3"],
        ),
        # Table rows "1. | Öppnande"; numbers lost on the way (OCR) where the run goes on in step.
        ("1. | Öppnande\nText.\n2. | Budget\nText.\n3. | Lokaler\nText.", ["1", "2", "3"]),
        (
            "1. Öppnande\nText.\n2. Budget\nText.\nLokaler\nText.\n"
            "6. Val\nText.\n7. Övrigt\nText.\n8. Avslutning\nText.",
            ["1", "2", "6", "7", "8"],
        ),
        # Letters run past "h"; the same letter line after line is an OCR'd bullet.
        (
            "1. Övriga frågor\n" + "".join(f"{c}) Fråga {c.upper()}\nText.\n" for c in "abcdefghij") + "2. Avslutning",
            ["1", *[f"1{c}" for c in "abcdefghij"], "2"],
        ),
        (
            "1. Underhåll\nText.\na)\tLekplatser\nb)\tGrönytor\nPlanen:\ne\tGarage\ne\tTak\n2. Avslutning",
            ["1", "1a", "1b", "2"],
        ),
        # A web copy in markdown: "## § 4 Budget" keeps its number; "**Beslut**" is a label, no item.
        ("## § 4 Budget\n**Beslut**\nText.\n**Yrkanden**\nText.\n## § 5 Taxor\n**Beslut**\nText.", ["4", "5"]),
        # A list in the items' own style right under an item, the numbering going on after it: sub-items.
        ("6. Motioner\n1.\tMotion A\nText.\n2.\tMotion B\nText.\n7. Val\nText.", ["6", "6.1", "6.2", "7"]),
        # Att-satser under a label are no sub-items.
        ("6. Budget\nFörslag\n1. Att anta budgeten\n2. Att höja avgiften\n7. Val\nText.", ["6", "7"]),
        # Outline numbers with a bracket.
        ("5) Ekonomi\n5.1) Kassans läge\nText.\n5.2) Budget\nText.\n6) Avslutning", ["5", "5.1", "5.2", "6"]),
    ],
)
def test_headings_numbering_schemes(text, numbers):
    assert [b.number for b in _blocks(text)] == numbers


def test_headings_agenda_list_is_not_kept_as_items():
    text = "Dagordning\n1. Öppnande\n2. Budget\n\n1. Öppnande\nMötet öppnades.\n2. Budget\nBudgeten godkändes."
    blocks = _blocks(text)
    assert [b.body[0].text for b in blocks] == ["Mötet öppnades.", "Budgeten godkändes."]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # Markdown minutes: ## headings are items, the first heading is the document's title.
        (
            "# Protokoll styrelsemöte\n## Mötets öppnande\nText.\n## Ekonomi\nText.\n## Övriga frågor\nText.",
            ["Mötets öppnande", "Ekonomi", "Övriga frågor"],
        ),
        # A "## Närvarande" heading is the attendance label, not an item.
        (
            "# Styrelsemöte 2020-05-04\n## Närvarande\n- Anna Berg\n- Olle Ek\n## Ekonomi\n- Kassan är god.\n"
            "## Lokaler\n- Olle bokar lokal.",
            ["Ekonomi", "Lokaler"],
        ),
        # Short title lines between paragraphs (news-style decision summaries).
        (
            "Beslut från kommunstyrelsen\n\nNy förskola i Ekby\n\nKommunstyrelsen beslutade att bygga en ny "
            "förskola i Ekby med plats för 120 barn.\n\nHöjd taxa för bygglov\n\nTaxan höjs med fem procent "
            "från och med januari nästa år.",
            ["Ny förskola i Ekby", "Höjd taxa för bygglov"],
        ),
        (
            "Protokoll styrelsemöte\n\nÖppnande\n\nMötet öppnades av ordföranden.\n\nBudget\n\n"
            "Budgeten godkändes av styrelsen.",
            ["Öppnande", "Budget"],
        ),
        # Markdown headings of one level, no document title among them.
        ("## Öppnande\nText.\n## Budget\nText.", ["Öppnande", "Budget"]),
        # Whole lines in bold, and HTML headings, are headings too.
        (
            "Protokoll styrelsemöte\n\n**Öppnande**\n\nMötet öppnades av ordföranden.\n\n**Budget**\n\n"
            "Budgeten godkändes av styrelsen.",
            ["Öppnande", "Budget"],
        ),
        ("<h2>Öppnande</h2>\nText.\n<h2>Budget</h2>\nText.", ["Öppnande", "Budget"]),
        # Topics right above their paragraph, a blank line before each.
        (
            "Minnesanteckningar från arbetsgruppen\nDatum: 2021-02-03\n\n"
            "Sandlådan\nSanden behöver bytas innan sommaren.\n\n"
            "Gungorna\nEn gunga är trasig och behöver lagas.\n\nNästa möte\nNästa möte blir den 3 mars i klubbstugan.",
            ["Sandlådan", "Gungorna", "Nästa möte"],
        ),
    ],
)
def test_headings_unnumbered_schemes(text, titles):
    blocks = _blocks(text)
    assert [b.title for b in blocks] == titles
    assert all(b.number is None for b in blocks)


def test_headings_unnumbered_topics_under_a_numbered_item():
    text = (
        "1. Öppnande\nMötet öppnades.\n2. Rapporter\nSommarfesten\n"
        "Festen blev lyckad och gav ett litet överskott till kassan.\nHemsidan\n"
        "Hemsidan har fått en ny design som alla tyckte om.\n3. Avslutning\nMötet avslutades."
    )
    assert [(b.number, b.title, b.is_sub) for b in _blocks(text)] == [
        ("1", "Öppnande", False),
        ("2", "Rapporter", False),
        (None, "Sommarfesten", True),
        (None, "Hemsidan", True),
        ("3", "Avslutning", False),
    ]


def test_headings_programme_table_one_cell_per_line():
    text = (
        "Program\nTid\nÄmne\nFöredragande\n09.00\nVälkomna\nAnna Berg\n09.15\n(30 min)\nBudget 2021\n"
        "Olle Ek, ekonomichef\n10.00\nTrafikplan\nKarin Lund"
    )
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [(i.title, i.presenters) for i in m.items] == [
        ("Välkomna", ["Anna Berg"]),
        ("Budget 2021", ["Olle Ek"]),
        ("Trafikplan", ["Karin Lund"]),
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A wrapped title runs on to the line that finishes it.
        (
            "§ 12 Yttrande över förslag till ny detaljplan för\nkvarteret Ekbacken\nText här.\n§ 13 Taxor\nText.",
            "Yttrande över förslag till ny detaljplan för kvarteret Ekbacken",
        ),
        # "§ 12" alone: the title is the next line.
        ("§ 12\nBudget 2021\nText.\n§ 13\nTaxor 2021\nText.", "Budget 2021"),
        # "1. Title. Sentence": the title is the first sentence.
        ("1. Mötesordningen ska ses över. Anna tar fram ett förslag.\n2. Avslutning", "Mötesordningen ska ses över."),
        # "Title: value" keeps the title.
        ("1. Medlemsregister: 116 medlemmar, varav 12 nya.\n2. Avslutning", "Medlemsregister"),
    ],
)
def test_layout_item_title(text, title):
    assert _blocks(text)[0].title == title


def test_layout_kind_label_and_presenter_line_under_the_title():
    text = "4. Budget 2021\nBeslut\nFöredragande: Olle Ek och Karin Lund\nText här.\n5. Taxor\nInformation\nText."
    blocks = _blocks(text)
    assert [(b.kind, [line.text for line in b.presenter_lines]) for b in blocks] == [
        ("beslut", ["Föredragande: Olle Ek och Karin Lund"]),
        ("information", []),
    ]
    assert blocks[0].body[0].text == "Text här."


def test_layout_timebox_under_the_title_is_not_text():
    blocks = _blocks("3. Budget\n(20 min)\nFöredragande: Olle Ek\nText.\n4. Taxor\nText.")
    assert [line.text for line in blocks[0].body if line.text] == ["Text."]


@pytest.mark.parametrize(
    ("text", "title", "case"),
    [
        ("§ 12\nBudget 2021\nDnr KS 2020/123\nText.", "Budget 2021", "KS 2020/123"),
        ("§ 13 Taxor Dnr 2020.45\nText.", "Taxor", "2020.45"),
        ("§ 57 Dnr KS 2020/12\nBudget 2021\nText.", "Budget 2021", "KS 2020/12"),
        ("§ 12 Budget 2021\nDiarienummer: SN 2020:17\nText.", "Budget 2021", "SN 2020:17"),
        ("§ 12 Budget 2021\nÄrendenr 2020/88\nText.", "Budget 2021", "2020/88"),
        ("§ 12 Budget 2021\nText utan diarienummer.", "Budget 2021", None),
        ("§ 6 Budget 2021 (Dnr KS 2020/12)\nText.", "Budget 2021", "KS 2020/12"),
        # The body's letters joined to the number, as diarium systems print them.
        ("§ 3 Budget 2021\nDnr. BUN/2020:197\nText.", "Budget 2021", "BUN/2020:197"),
        ("§ 4 Taxor\nDnr KS-2020-123\nText.", "Taxor", "KS-2020-123"),
        ("§ 5 Taxor\nDiarienummer KS2020/0123\nText.", "Taxor", "KS2020/0123"),
    ],
)
def test_layout_case_number(text, title, case):
    (block,) = _blocks(text)
    assert (block.title, block.case_number) == (title, case)


def test_layout_document_without_headings_is_one_item():
    (block,) = _blocks("Yrkanden: Anna Berg (S) yrkar bifall till förslaget.\nBeslut: Enligt förslag.")
    assert block.number is None
    assert block.title.startswith("Anna Berg (S) yrkar bifall")


@pytest.mark.parametrize("cells", [("Anna", "Olle", "KL"), ("Anna Berg", "Olle Ek", "Karin Lund")])
def test_layout_agenda_table_responsible_column(cells):
    """ "Punkt | Ärende | Ansvarig": the last cell names who presents, and is no part of the title."""
    rows = "".join(
        f"{n}\t{title}\t{cell}\n{text}\n"
        for n, title, cell, text in zip(
            (1, 2, 3), ("Öppnande", "Ekonomi", "Lokaler"), cells, ("Mötet öppnades.", "Kassan är god.", "Inget nytt.")
        )
    )
    head = "Protokoll styrelsemöte\nDatum: 2021-03-01\nNärvarande: Anna Berg, Olle Ek, Karin Lund\n"
    text = f"{head}Punkt\tÄrende\tAnsvarig\n{rows}"
    m = extract_meeting(SourceDocument(name="t.txt", text=text))
    assert [(i.title, i.presenters) for i in m.items] == [
        ("Öppnande", ["Anna Berg"]),
        ("Ekonomi", ["Olle Ek"]),
        ("Lokaler", ["Karin Lund"]),
    ]


@pytest.mark.parametrize(
    "headings",
    [
        ["I. Mötets öppnande", "II. Val av justerare", "III. Budget", "IV. Avslutning"],
        ["Paragraf 1 Mötets öppnande", "Paragraf 2 Val av justerare", "Paragraf 3 Budget", "Paragraf 4 Avslutning"],
        ["(1) Mötets öppnande", "(2) Val av justerare", "(3) Budget", "(4) Avslutning"],
        ["Pkt 1 Mötets öppnande", "Pkt 2 Val av justerare", "Pkt 3 Budget", "Pkt 4 Avslutning"],
    ],
    ids=["roman", "paragraf", "parenthesised", "pkt"],
)
def test_layout_less_common_numbering(headings):
    bodies = ["Ordföranden öppnade mötet.", "Olle Ek valdes att justera.", "Budgeten godkändes.", "Mötet avslutades."]
    blocks = _blocks("Protokoll\nDatum: 2021-05-10\n\n" + "\n\n".join(f"{h}\n{b}" for h, b in zip(headings, bodies)))
    assert [(b.number, b.title) for b in blocks] == [
        ("1", "Mötets öppnande"), ("2", "Val av justerare"), ("3", "Budget"), ("4", "Avslutning"),
    ]


def test_layout_headings_in_capitals_over_short_texts():
    text = (
        "Protokoll styrelsemöte Ekby IF\nDatum: 2021-05-10\n\nMÖTETS ÖPPNANDE\nOrdföranden öppnade mötet.\n\n"
        "BUDGET\nBudgeten godkändes.\n\nAVSLUTNING\nMötet avslutades."
    )
    assert [b.title for b in _blocks(text)] == ["MÖTETS ÖPPNANDE", "BUDGET", "AVSLUTNING"]


def test_layout_dense_notes_topic_said_again_in_its_first_sentence():
    """PDF text without blank lines: a short topic line whose words the sentence below repeats."""
    text = (
        "Anteckningar\nProjektgruppen\nDatum: 13 april 2020\nNärvarande: Anna Berg, Olle Ek och Karin Lund\n"
        "(IT-avdelningen)\nNuläge i projektet\nAnna Berg informerar om nuläge i projektet.\n"
        "Inga invändningar framkom.\nTidplan\nOlle Ek informerar om tidplan.\nInga invändningar framkom.\n"
        "Nästa möte\nNästa möte hålls den 11 maj.\n"
        "Vid anteckningarna: Karin Lund"
    )
    assert [b.title for b in _blocks(text)] == ["Nuläge i projektet", "Tidplan", "Nästa möte"]


def test_layout_a_markdown_title_alone_leaves_the_topics_to_the_bullets():
    text = (
        "# Minnesanteckningar från möte\nNätverket för hemsjukvård\n\nDatum: 2018-01-11\n"
        "Närvarande: Anna Berg, Olle Ek\n\n- Tidplan\nAnna informerar om tidplanen.\n\n"
        "- Budget\nOlle informerar om budgeten.\n\n- Nästa möte\nNästa möte hålls den 8 februari.\n"
    )
    assert [b.title for b in _blocks(text)] == ["Tidplan", "Budget", "Nästa möte"]
