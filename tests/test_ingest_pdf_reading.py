"""PDF text read as a person reads it (issue 11): the typesetting habits of real producers.

Each PDF is drawn here with reportlab the way a producer draws it: glyph by
glyph (Google Docs), letter-spaced headings, ligature glyphs, fake bold,
accents as separate glyphs (old TeX fonts), headers drawn after the body,
footers with signature boxes and the justerare's names, ruled tables.
"""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from minutes.ingest.pdf import read_pdf

pdfmetrics.registerFont(TTFont("TestVera", "Vera.ttf"))


def _pdf(draw_pages, *, font="TestVera", size=11) -> bytes:
    """A PDF whose pages are drawn by the callables in ``draw_pages``."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for draw in draw_pages:
        pdf.setFont(font, size)
        draw(pdf)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _text(data: bytes) -> str:
    return read_pdf(data, name="test.pdf").text


def _glyph_by_glyph(pdf: canvas.Canvas, x: float, y: float, text: str, size: float = 11) -> None:
    """Place every character on its own, as Google Docs' PDF export does."""
    for char in text:
        pdf.drawString(x, y, char)
        x += pdfmetrics.stringWidth(char, "TestVera", size)


def test_ingest_pdf_glyphs_placed_one_by_one_read_as_words():
    def page(pdf):
        _glyph_by_glyph(pdf, 72, 760, "1. Mötets öppnande")
        _glyph_by_glyph(pdf, 90, 740, "Ordföranden förklarar mötet öppnat kl 17:15")

    assert _text(_pdf([page])) == "1. Mötets öppnande\nOrdföranden förklarar mötet öppnat kl 17:15"


def test_ingest_pdf_letter_spaced_heading_reads_as_words():
    def page(pdf):
        heading = pdf.beginText(72, 760)
        heading.setFont("TestVera", 14)
        heading.setCharSpace(4)
        heading.textLine("PROTOKOLL FÖRT VID ÅRSMÖTE")
        pdf.drawText(heading)
        pdf.drawString(72, 730, "Tid: 2021-03-04 kl. 18.00")

    assert _text(_pdf([page])) == "PROTOKOLL FÖRT VID ÅRSMÖTE\nTid: 2021-03-04 kl. 18.00"


def test_ingest_pdf_ligature_glyphs_give_their_letters_once():
    def page(pdf):
        pdf.drawString(72, 760, "Styrelsen \ufb01ck i uppdrag att ordna \ufb02yttningen och \ufb01nansieringen.")

    assert _text(_pdf([page])) == "Styrelsen fick i uppdrag att ordna flyttningen och finansieringen."


def test_ingest_pdf_fake_bold_drawn_twice_is_read_once():
    def page(pdf):
        for dx in (0, 0.3):
            pdf.drawString(72 + dx, 760, "§ 7 Budget för 2022")
        pdf.drawString(72, 740, "Nämnden godkänner budgeten.")

    assert _text(_pdf([page])) == "§ 7 Budget för 2022\nNämnden godkänner budgeten."


def test_ingest_pdf_accent_drawn_as_its_own_glyph_joins_its_letter():
    def page(pdf):
        # "Val av m?tesordf?rande" with the dots of ö drawn as a separate "¨" above "o"
        x = 72
        for part in ("Val av mo", "tesordfo", "rande"):
            pdf.drawString(x, 760, part)
            x += pdfmetrics.stringWidth(part, "Helvetica", 11)
            if part.endswith("o"):
                width_o = pdfmetrics.stringWidth("o", "Helvetica", 11)
                width_dots = pdfmetrics.stringWidth("\u00a8", "Helvetica", 11)
                pdf.drawString(x - (width_o + width_dots) / 2, 760, "\u00a8")

    assert _text(_pdf([page], font="Helvetica")) == "Val av mötesordförande"


FOOTER = ("Justerandes signatur", "Utdragsbestyrkande")


def _minutes_page(n: int, total: int, lines: list[str]):
    def page(pdf):
        y = 740
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 18
        # footer: signature boxes, the justerare's names, org.nr/e-mail and the folio
        pdf.drawString(72, 90, FOOTER[0])
        pdf.drawString(330, 90, FOOTER[1])
        pdf.drawString(72, 70, "Eva Lind")
        pdf.drawString(330, 70, "Olle Berg")
        pdf.drawString(72, 50, "Föreningen Kvarnen, org.nr 802400-1234, styrelsen@kvarnen.se")
        pdf.drawString(450, 50, f"Sida {n} av {total}")
        # the running header, drawn last as many producers do
        pdf.drawString(72, 800, "Styrelsemöte 2021-03-04")
        pdf.drawString(450, 800, f"{n}({total})")
    return page


BODY = [
    ["§ 1 Mötets öppnande", "Ordföranden öppnade mötet.", "§ 2 Val av justerare"],
    ["Eva Lind och Olle Berg valdes.", "§ 3 Ekonomi", "Kassören redogjorde för ekonomin."],
    ["§ 4 Mötets avslutande", "Ordföranden avslutade mötet."],
]


def test_ingest_pdf_running_headers_footers_and_signature_boxes_are_removed():
    data = _pdf([_minutes_page(n, 3, lines) for n, lines in enumerate(BODY, start=1)])
    document = read_pdf(data, name="protokoll.pdf")
    assert [document.page_text(n).strip() for n in (1, 2, 3)] == ["\n".join(lines) for lines in BODY]


def test_ingest_pdf_table_reads_as_rows_of_tab_separated_cells():
    rows = [("Befattning", "Namn", "Närvarande"), ("Ordförande", "Åsa Öberg", "Ja"),
            ("Kassör", "Lennart Ståhl", "Nej"), ("Sekreterare", "Märta Ek", "Ja")]

    def page(pdf):
        for n, row in enumerate(rows):
            for x, cell in zip((72, 200, 360), row):
                pdf.drawString(x, 760 - 18 * n, cell)
            pdf.line(72, 755 - 18 * n, 460, 755 - 18 * n)

    assert _text(_pdf([page])).split("\n") == ["\t".join(row) for row in rows]


def test_ingest_pdf_nested_bullets_keep_their_level_as_an_indent():
    rows = [(72, "• Lägret"), (90, "• Bussen är bokad"), (108, "• Anna betalar"), (90, "• Maten"), (72, "• Övrigt")]

    def page(pdf):
        pdf.drawString(72, 780, "3. Aktiviteter")
        for n, (x, text) in enumerate(rows):
            pdf.drawString(x, 760 - 16 * n, text)

    assert _text(_pdf([page])).split("\n") == [
        "3. Aktiviteter", "• Lägret", "  • Bussen är bokad", "    • Anna betalar", "  • Maten", "• Övrigt",
    ]


def test_ingest_pdf_heading_number_set_apart_is_followed_by_a_tab():
    def page(pdf):
        for n, (number, title) in enumerate((("3", "Formalia"), ("3.1", "Val av ordförande"))):
            pdf.drawString(72, 760 - 20 * n, number)
            pdf.drawString(110, 760 - 20 * n, title)
        pdf.drawString(72, 710, "Mötet valde Åsa Öberg till ordförande.")

    assert _text(_pdf([page])).split("\n") == [
        "3\tFormalia", "3.1\tVal av ordförande", "Mötet valde Åsa Öberg till ordförande."
    ]


def test_ingest_pdf_rotated_margin_stamp_stays_out_of_the_lines():
    def page(pdf):
        pdf.drawString(72, 760, "§ 5 Lokalfrågan")
        pdf.drawString(72, 742, "Frågan bordläggs.")
        pdf.saveState()
        pdf.translate(40, 500)
        pdf.rotate(90)
        pdf.drawString(0, 0, "Dnr 2021/77")
        pdf.restoreState()

    assert _text(_pdf([page])) == "§ 5 Lokalfrågan\nFrågan bordläggs."


def test_ingest_pdf_signature_rules_are_not_text():
    def page(pdf):
        pdf.drawString(72, 760, "Justeras")
        pdf.drawString(72, 730, "______________________________")
        pdf.drawString(72, 712, "Eva Lind")

    assert _text(_pdf([page])) == "Justeras\nEva Lind"


@pytest.mark.parametrize("lines, expected", [
    (["Styrelsen beslutade att verksam-", "heten ska utökas."],
     ["Styrelsen beslutade att verksamheten", "ska utökas."]),
    (["budget för verksam-", "hetsåret.” Beslut togs."], ["budget för verksamhetsåret.”", "Beslut togs."]),
    (["hälso- och sjukvård samt in-", "och utskrivning"], ["hälso- och sjukvård samt in-", "och utskrivning"]),
])
def test_ingest_pdf_line_end_hyphens(lines, expected):
    def page(pdf):
        for n, line in enumerate(lines):
            pdf.drawString(72, 760 - 16 * n, line)

    assert _text(_pdf([page])).split("\n") == expected
