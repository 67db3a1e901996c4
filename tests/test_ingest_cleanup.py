"""The pure repairs in minutes.ingest.cleanup, as tables of strings."""

from __future__ import annotations

import unicodedata

import pytest

from minutes.ingest.cleanup import (
    clean_pdf_page,
    clean_text,
    furniture_key,
    is_page_number,
    join_hyphenated,
    normalize_bullets,
    remove_running_lines,
    restore_line_hyphens,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("verksam-\nheten fortsätter", "verksamheten\nfortsätter"),
        ("budget-\narbetet", "budgetarbetet"),
        ("hälso-\noch sjukvård", "hälso-\noch sjukvård"),
        ("in-\neller utskrivning", "in-\neller utskrivning"),
        ("tal-\nsamt språkstöd", "tal-\nsamt språkstöd"),
        ("ny rutin som IT-\nlösning följande:", "ny rutin som IT-lösning\nföljande:"),
        ("skicka e-\npost till alla", "skicka e-post\ntill alla"),
        ("Västra Götalands-\nRegionen", "Västra Götalands-\nRegionen"),
        ("perioden 2018-\n2019", "perioden 2018-\n2019"),
        ("Lägesrapport-\n\nFöredragande: Eva", "Lägesrapport-\n\nFöredragande: Eva"),
        ("ett tanke-\nstreck - här", "ett tankestreck\n- här"),
        ("mjuk\u00ad\navstavning", "mjukavstavning"),
        ("– \nnästa rad", "– \nnästa rad"),
    ],
)
def test_ingest_cleanup_join_hyphenated(text, expected):
    assert join_hyphenated(text) == expected


def test_ingest_cleanup_pdfium_hyphen_marker_is_a_line_break():
    assert restore_line_hyphens("verksam\ufffeheten") == "verksam-\nheten"
    assert clean_pdf_page("sluten hälso\ufffeoch sjukvård\r\n") == "sluten hälso-\noch sjukvård\n"


@pytest.mark.parametrize(
    "line",
    ["\uf0b7 Punkt", "\u2022Punkt", "(cid:127) Punkt", "\u25aa Punkt", "\uf0a7\tPunkt", "● Punkt"],
)
def test_ingest_cleanup_bullets_become_one_glyph(line):
    assert normalize_bullets(line) == "• Punkt"


def test_ingest_cleanup_stray_glyphs_are_dropped():
    assert normalize_bullets("text \uf0e0 mer (cid:3)") == "text  mer "


def test_ingest_cleanup_nfc_and_control_characters():
    decomposed = unicodedata.normalize("NFD", "Överenskommelse för år")
    assert decomposed != "Överenskommelse för år"
    assert clean_text("\ufeff" + decomposed + "\x00\r\nrad\x07 två\r") == "Överenskommelse för år\nrad två\n"


@pytest.mark.parametrize(
    "line, page, expected",
    [
        ("Sida 2", None, True),
        ("sida 2 av 7", None, True),
        ("Sida 3 (7)", None, True),
        ("2 (7)", None, True),
        ("2/7", None, True),
        ("- 4 -", None, True),
        ("Page 2 of 7", None, True),
        ("3", 3, True),
        ("3", 4, False),
        ("3", None, False),
        ("§ 3", 3, False),
        ("1. Mötets öppnande", 1, False),
        ("Sida 2 är viktig", None, False),
    ],
)
def test_ingest_cleanup_is_page_number(line, page, expected):
    assert is_page_number(line, page) is expected


def test_ingest_cleanup_furniture_key_ignores_numbers():
    assert furniture_key("  Sida 2 av 9 ") == furniture_key("Sida 10 av 9") == "sida # av #"


def test_ingest_cleanup_running_lines_at_either_edge():
    pages = [
        "Kallelse\n1. Öppnande\nText ett\nSida 1\nNämnden 2020-05-04",
        "2. Val av justerare\nText två\nSida 2\nNämnden 2020-05-04",
        "Nämnden 2020-05-04\n3. Avslutning\nText tre\n\nSida 3",
    ]
    assert remove_running_lines(pages) == [
        "Kallelse\n1. Öppnande\nText ett",
        "2. Val av justerare\nText två",
        "3. Avslutning\nText tre",
    ]


def test_ingest_cleanup_repeated_body_line_inside_page_is_kept():
    body = "\n".join(["rad"] * 4 + ["Beslut"] + ["rad"] * 4)
    pages = [f"Rubrik\nText {n}\n{body}\nslut {n}" for n in "abc"]
    assert remove_running_lines(pages) == [f"Text {n}\n{body}\nslut {n}" for n in "abc"]


def test_ingest_cleanup_item_headings_opening_each_page_are_kept():
    pages = [f"Nämnden 2020\n§ {n}\nDnr KS 2020/1{n}\nÄrendet gäller {n}\nSida {p}" for p, n in
             ((1, 45), (2, 46), (3, 47))]
    assert remove_running_lines(pages) == [
        f"§ {n}\nDnr KS 2020/1{n}\nÄrendet gäller {n}" for n in (45, 46, 47)
    ]


def test_ingest_cleanup_running_line_with_page_number_is_removed():
    bodies = ["Mötet öppnas.", "Budgeten godkänns.", "Mötet avslutas."]
    pages = [f"Protokoll sida {p} av 3, Nämnden\n{b}" for p, b in enumerate(bodies, start=1)]
    assert remove_running_lines(pages) == bodies


def test_ingest_cleanup_item_number_equal_to_page_number_is_kept():
    pages = [f"§ {n} Ärende {n}\nText om ärende {n}\nSida {p}" for p, n in ((1, 1), (2, 5), (3, 9))]
    first_lines = [p.split("\n")[0] for p in remove_running_lines(pages)]
    assert first_lines == ["§ 1 Ärende 1", "§ 5 Ärende 5", "§ 9 Ärende 9"]


# --- OCR artefacts (issue 14) -------------------------------------------------

from minutes.ingest.cleanup import (  # noqa: E402
    compose_accents,
    expand_ligatures,
    is_signature_box,
    repair_ocr_text,
)


@pytest.mark.parametrize("ocr, expected", [
    ("§ l2 Val av justerare", "§ 12 Val av justerare"),
    ("§I Mötets öppnande", "§1 Mötets öppnande"),
    ("$ 14 Budget", "§ 14 Budget"),
    ("Datum: 2O2l-O3-O4 kl. l8.3O", "Datum: 2021-03-04 kl. 18.30"),
    ("Pösse: O h", "Pösse: 0 h"),
    ("I dag beslutade Olof att", "I dag beslutade Olof att"),  # words stay words
    ("Oh nej, sa Ola", "Oh nej, sa Ola"),
    ("« Rutinen för städning ses över", "• Rutinen för städning ses över"),
    ("»« Uppföljning i höst", "• Uppföljning i höst"),
    ("Budget 2021 — förslag", "Budget 2021 – förslag"),
    ("verksam¬\nheten", "verksam-\nheten"),
    ("sa¨ger mo¨tet a˚rligen", "säger mötet årligen"),
])
def test_ingest_cleanup_ocr_repairs(ocr, expected):
    assert repair_ocr_text(ocr) == expected


def test_ingest_cleanup_paragraph_sign_read_as_8_is_restored_when_numbers_rise():
    page = "8 12 Mötets öppnande\nText.\n8 13 Val av justerare\nText.\n8 14 Budget"
    assert repair_ocr_text(page) == "§ 12 Mötets öppnande\nText.\n§ 13 Val av justerare\nText.\n§ 14 Budget"


def test_ingest_cleanup_counts_starting_with_8_are_not_paragraphs():
    page = "8 12 Ledamöter närvarande\n8 4 Ersättare närvarande"
    assert repair_ocr_text(page) == page


def test_ingest_cleanup_ligatures_and_loose_accents():
    assert expand_ligatures("\ufb01nansiering och \ufb02ytt") == "finansiering och flytt"
    assert compose_accents("fo \u0308rslag") == "förslag"


@pytest.mark.parametrize("line, expected", [
    ("Justerandes signatur\tUtdragsbestyrkande", True),
    ("Justerandes sign   Utdragsbestyrkande", True),
    ("Utdragsbestyrkande", True),
    ("Justerare: Eva Lind", False),
    ("Ordförandes signatur saknas på protokollet", False),
])
def test_ingest_cleanup_signature_boxes(line, expected):
    assert is_signature_box(line) is expected


def test_ingest_cleanup_ocr_header_with_a_misread_letter_is_still_a_header():
    pages = [
        "Protokoll styrelsemöte Brf Lönnen 2021-03-04\n§ 1 Öppnande\nText ett",
        "Protokoli styrelsemöte Brf Lönnen 2021-03-04\n§ 2 Budget\nText två",
        "Protokoll styrelsemöte Brf Lönen 2021-03-04\n§ 3 Avslutning\nText tre",
    ]
    assert [p.split("\n")[0] for p in remove_running_lines(pages)] == ["§ 1 Öppnande", "§ 2 Budget", "§ 3 Avslutning"]
